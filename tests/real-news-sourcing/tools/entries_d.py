F, C = True, False
E = [
# linternaute
("linternaute-tireur-de-paris-garde-a-vue.md","VA","Selon le Monde","named outlet",1,C),
("linternaute-tireur-de-paris-garde-a-vue.md","AQ","un homme soupçonné d'être à l'origine des attaques","Selon le Monde",1,C),
("linternaute-tireur-de-paris-garde-a-vue.md","VA","Selon Le Monde, qui rapporte des informations du parquet de Paris","named outlet and body",1,C),
("linternaute-tireur-de-paris-garde-a-vue.md","VA","L'Express précise","named outlet",1,C),
("linternaute-tireur-de-paris-garde-a-vue.md","UC","Probablement sous l'emprise de drogues ou de médicament","hedged",1,C),
("linternaute-tireur-de-paris-garde-a-vue.md","AQ","le tireur fou","a nickname, not speech",1,C),
("linternaute-tireur-de-paris-garde-a-vue.md","UC","un appel à témoins avait recueilli 700 appels en quelques heures","count with no source",1,F),
("linternaute-tireur-de-paris-garde-a-vue.md","AQ","tout un travail sur l'ADN","selon le ministre de l'Intérieur Manuel Valls",1,C),
# lapresseit
("lapresseit-afp-paris-fusillade-deux-morts.md","AQ","Une enquête a été ouverte des chefs d’assassinat","a précisé le parquet (de Paris): a definite body",1,C),
("lapresseit-afp-paris-fusillade-deux-morts.md","AQ","un homme âgé d’entre 60 et 70 ans a été interpellé","a-t-il ajouté: the parquet",1,C),
("lapresseit-afp-paris-fusillade-deux-morts.md","AQ","Il y a plusieurs blessés par arme à feu","a ajouté une source policière: unnamed",1,F),
("lapresseit-afp-paris-fusillade-deux-morts.md","VA","une source policière","unnamed source",1,F),
("lapresseit-afp-paris-fusillade-deux-morts.md","AQ","L’auteur est interpellé avec son arme","a-t-elle poursuivi: the unnamed police source",1,F),
("lapresseit-afp-paris-fusillade-deux-morts.md","AQ","Sept à huit coups de feu dans la rue","une commerçante … souhaitant garder l’anonymat",1,F),
("lapresseit-afp-paris-fusillade-deux-morts.md","AQ","il y avait des gens en panique qui criaient à des policiers","Selon Emmanuel Boujenan, named",1,C),
("lapresseit-afp-paris-fusillade-deux-morts.md","AQ","J’ai vu des policiers rentrer dans le salon","a-t-il ajouté: Emmanuel Boujenan",1,C),
# lavoixdunord
("lavoixdunord-colis-piege-lyon-garde-a-vue.md","VA","selon le maire de Lyon, Gérard Collomb","named person",1,C),
("lavoixdunord-colis-piege-lyon-garde-a-vue.md","AQ","soupçonné d'être l'auteur des faits","continues the minister's announcement that opens the paragraph (Castaner named in it)",1,C),
("lavoixdunord-colis-piege-lyon-garde-a-vue.md","AQ","membre de son entourage familial","a description in the same official announcement (Christophe Castaner named right after), not anonymous speech",1,C),
("lavoixdunord-colis-piege-lyon-garde-a-vue.md","UC","L'attaque au colis suspect qui a eu lieu vendredi 24 mai a fait 13 blessés.","toll with no source",1,F),
# bfmtv-gironde
("bfmtv-gironde-200-hectares-feu-de-foret.md","UC","Un incendie de forêt avait détruit lundi en début de soirée près de 200 hectares de pins","lede figures (200 ha, 160 firefighters) with no source in the paragraph",1,F),
("bfmtv-gironde-200-hectares-feu-de-foret.md","AQ","Le feu n'est pas encore circonscrit","la préfète de Gironde … Fabienne Buccio",1,C),
("bfmtv-gironde-200-hectares-feu-de-foret.md","VA","Selon la préfecture","the préfecture of Gironde (its préfète named just before)",1,C),
("bfmtv-gironde-200-hectares-feu-de-foret.md","UC","cinq hameaux, totalisant environ 35 personnes","figures sourced in the sentence (Selon la préfecture)",1,C),
("bfmtv-gironde-200-hectares-feu-de-foret.md","AQ","Ils ont été évacué dans une école","ajoute la préfète",1,C),
("bfmtv-gironde-200-hectares-feu-de-foret.md","AQ","La problématique de ce type de feu","le capitaine Matthieu Jomain (SDIS Gironde)",1,C),
# rtbf-gironde
("rtbf-reprise-incendies-gironde-6800-hectares.md","VA","ont indiqué les autorités locales","unnamed 'local authorities' (the préfecture is only named in the next sentence)",1,F),
("rtbf-reprise-incendies-gironde-6800-hectares.md","UC","Près de 10.000 personnes ont été évacuées.","continues the (vaguely) attributed statement of its paragraph",1,C),
("rtbf-reprise-incendies-gironde-6800-hectares.md","AQ","Près de 1100 sapeurs-pompiers sont engagés","a ajouté la préfecture de Gironde",1,C),
("rtbf-reprise-incendies-gironde-6800-hectares.md","UC","portant le total à 6800 hectares","paragraph sourced to the Sdis officer named in it",1,C),
("rtbf-reprise-incendies-gironde-6800-hectares.md","AQ","Nous avons lutté toute la nuit","le lieutenant-colonel Arnaud Mendousse",1,C),
("rtbf-reprise-incendies-gironde-6800-hectares.md","AQ","devraient se maintenir jusqu'à samedi","selon un communiqué de la préfecture",1,C),
# 20minutes-aliot
("20minutes-aliot-departement-pyrenees-orientales.md","UC","il avait été élu avec 53,09 % des suffrages exprimés","biography (a past election result)",1,C),
("20minutes-aliot-departement-pyrenees-orientales.md","UC","la ville de Canohès (6.344 habitants)","background figure (population)",1,C),
("20minutes-aliot-departement-pyrenees-orientales.md","AQ","L’agglomération de Perpignan reçoit moins que la communauté de communes de Thuir","estime Louis Aliot",1,C),
# sputnik-aliot
("sputnik-aliot-augmente-indemnite.md","VA","a révélé France Bleu Pyrénées-Orientales","named outlet",1,C),
("sputnik-aliot-augmente-indemnite.md","AQ","Ce sera votre Fouquet’s","Bruno Nougayrede, named",1,C),
("sputnik-aliot-augmente-indemnite.md","UC","cette augmentation s’élevait à 17% et totalisait un surplus de 60.000 euros","attributed in its sentence (lequel a calculé: Nougayrede)",1,C),
("sputnik-aliot-augmente-indemnite.md","AQ","Alors que la parole publique est discréditée","a-t-il insisté: Nougayrede",1,C),
("sputnik-aliot-augmente-indemnite.md","VA","Comme le rappelle France Bleu","named outlet",1,C),
("sputnik-aliot-augmente-indemnite.md","AQ","Dans la ville la plus pauvre de France","avait-il lancé: the RN elected official = Louis Aliot",1,C),
("sputnik-aliot-augmente-indemnite.md","AQ","À l'époque, cette décision est arrivée en plein mandat","M. Aliot, named in the sentence before",1,C),
# tvanouvelles-guilbault
("tvanouvelles-guilbault-pas-une-fuite.md","AQ","Il ne s’agit pas d’une fuite à proprement parler","a dit Mme Guilbault",1,C),
("tvanouvelles-guilbault-pas-une-fuite.md","AQ","Je peux vous confirmer que ces documents-là ne viennent pas","la ministre Guilbault",1,C),
# franceinfo-greve
("franceinfo-greve-19-janvier-parents-ecoles.md","UC","100 % des enseignants sont absents en maternelle, jeudi 19 janvier et 9 classes sont fermées en élémentaire","percentage and count with no source",1,F),
("franceinfo-greve-19-janvier-parents-ecoles.md","AQ","On a une baby-sitter qui garde les deux petits","dit une mère de famille: indefinite",1,F),
("franceinfo-greve-19-janvier-parents-ecoles.md","AQ","Je suis tombée à pic","déclare Marie-Thérèse Lallemand",1,C),
("franceinfo-greve-19-janvier-parents-ecoles.md","AQ","On ne va pas à l’école et en plus on peut inviter des amis","'les enfants': unnamed",1,F),
# francebleu-maxeville
("francebleu-maxeville-premiere-ecole-fermee-covid.md","VA","C'est le rectorat qui l'annonce","named body (rectorat of the académie Nancy-Metz)",1,C),
("francebleu-maxeville-premiere-ecole-fermee-covid.md","AQ","Les autorités de santé ont estimé","dialogue paragraph after 'comme l'explique le recteur …, Jean-Marc Huart :'",1,C),
("francebleu-maxeville-premiere-ecole-fermee-covid.md","VA","Selon le dernier décompte du ministre de l'Education nationale, Jean-Michel Blanquer","named person",1,C),
("francebleu-maxeville-premiere-ecole-fermee-covid.md","UC","Jusque là seules des classes avaient été fermées dans l'académie","background of the story",1,C),
# estrepublicain
("estrepublicain-education-nationale-mobilisee.md","AQ","Il n’y aura pas d’écoles fermées dans l’académie de Nancy-Metz","fait savoir le rectorat: named body",1,C),
# actucameroun
("actucameroun-senegal-amnesty-23-morts.md","VA","selon Amnesty International","named body",1,C),
("actucameroun-senegal-amnesty-23-morts.md","VA","Selon les autorités","unnamed authorities (behind the official toll)",1,F),
("actucameroun-senegal-amnesty-23-morts.md","VA","selon Amnesty International","named body",2,C),
("actucameroun-senegal-amnesty-23-morts.md","AQ","Près de 23 morts, selon nos chiffres","dit Amnesty dans un communiqué",1,C),
("actucameroun-senegal-amnesty-23-morts.md","VA","selon nos chiffres","inside Amnesty's own quotation: the speaker's own figures",1,C),
("actucameroun-senegal-amnesty-23-morts.md","UC","Trois étaient des mineurs","attributed in its sentence (a dit l’ONG)",1,C),
# francebleu-sncf
("francebleu-greve-sncf-previsions-13-mai.md","VA","ajoute la direction dans un communiqué","la direction (of the SNCF, named): definite body",1,C),
("francebleu-greve-sncf-previsions-13-mai.md","UC","Le trafic sera quasi-normal à l'international pour l'Eurostar et le Thalys.","continues the SNCF direction's forecast of the paragraph",1,C),
("francebleu-greve-sncf-previsions-13-mai.md","VA","a précisé la SNCF","named body",1,C),
("francebleu-greve-sncf-previsions-13-mai.md","AQ","frapper un grand coup","les syndicats CGT, Unsa, SUD et CFDT: named bodies",1,C),
("francebleu-greve-sncf-previsions-13-mai.md","AQ","n'a aucune légitimité","three words; selon Guillaume Pépy, named",1,C),
# lexpressiondz
("lexpressiondz-afp-greve-se-durcit-sncf.md","VA","de l'aveu même de la direction de l'opérateur du rail français","definite body (SNCF direction)",1,C),
("lexpressiondz-afp-greve-se-durcit-sncf.md","AQ","un sursaut de mobilisation","la direction de la SNCF",1,C),
("lexpressiondz-afp-greve-se-durcit-sncf.md","AQ","vital de frapper un grand coup","Le syndicat Unsa: named body",1,C),
# lexpress
("lexpress-inondations-desarroi-des-maires.md","AQ","Tout est allé très vite","résume l’édile: Karine Accassat, named",1,C),
("lexpress-inondations-desarroi-des-maires.md","AQ","Je pensais à tous ceux qui seraient privés de soins","commente la jeune élue: Karine Accassat",1,C),
("lexpress-inondations-desarroi-des-maires.md","UC","Dans cette petite commune d’un peu plus de 200 habitants","background figure (population)",1,C),
# lci-gloria
("lci-tempete-gloria-puicheric-isole.md","UC","une dizaine d’habitations ont dû être évacuées et quatre personnes relogées","counts with no source",1,F),
("lci-tempete-gloria-puicheric-isole.md","AQ","C’est plus que compliqué","'Un autre ajoute': an unnamed resident",1,F),
("lci-tempete-gloria-puicheric-isole.md","AQ","On venait tout juste de refaire les peintures","explique-t-il: the same unnamed resident",1,F),
# rtlbe-hezbollah
("rtlbe-source-proche-hezbollah-frappe-beyrouth.md","VA","Une source proche du Hezbollah","names a body (Hezbollah): not vague by the convention (nth 2: the first occurrence is the title)",2,C),
("rtlbe-source-proche-hezbollah-frappe-beyrouth.md","AQ","Israël a frappé la banlieue sud de Beyrouth","la source, sous couvert d'anonymat: unnamed (close to Hezbollah, not Hezbollah)",1,F),
("rtlbe-source-proche-hezbollah-frappe-beyrouth.md","VA","Des témoins","unnamed witnesses",1,F),
]

F, C = True, False
E = [
# orangesports-tour
("orangesports-tour-reactions-21e-etape.md","AQ","C'est un rêve qui devient réalité","dialogue under the header 'Alexander Kristoff (NOR - UAE Emirates), vainqueur :'",1,C),
("orangesports-tour-reactions-21e-etape.md","AQ","J'y ai cru... L'équipe a encore fait un magnifique travail","under the header 'Arnaud Démare'",1,C),
("orangesports-tour-reactions-21e-etape.md","AQ","Je suis ravi, très content d'avoir ramené ce maillot vert","under the header 'Peter Sagan'",1,C),
("orangesports-tour-reactions-21e-etape.md","AQ","Ce sprint n'était pas top top","under the header 'Thomas Boudat'",1,C),
# orangesports-l1
("orangesports-l1-declas-samedi-soir.md","AQ","Rien n'est fait mathématiquement","under the header naming Fabien Mercadal",1,C),
("orangesports-l1-declas-samedi-soir.md","AQ","Ce soir, je suis très satisfait pour plusieurs raisons","under the header naming Stéphane Moulin",1,C),
("orangesports-l1-declas-samedi-soir.md","AQ","L'équipe a joué avec une bonne attitude","under the header 'Leonardo Jardim (entraîneur de Monaco)'",1,C),
("orangesports-l1-declas-samedi-soir.md","AQ","On a fait une très bonne entame","under the header naming David Guion",1,C),
# lapresse-plante
("lapresse-valerie-plante-reelue.md","AQ","diriger Montréal avec le sourire","Mme Plante, named",2,C),
("lapresse-valerie-plante-reelue.md","UC","Mme Plante recueillait 52 % des votes comptabilisés, contre 38 % pour M. Coderre","percentages with no source for the count (no 'selon Élections Montréal')",1,F),
("lapresse-valerie-plante-reelue.md","UC","Balarama Holness a obtenu 7 % des voix exprimées","percentage with no source",1,F),
("lapresse-valerie-plante-reelue.md","AQ","Ce que les Montréalais et les Montréalaises ont confirmé ce soir","a-t-elle lancé: Mme Plante",1,C),
("lapresse-valerie-plante-reelue.md","AQ","C’était le début d’une nouvelle ère","follow-on of Mme Plante",1,C),
# messagerverdun
("messagerverdun-montreal-premiere-mairesse.md","AQ","Ça y est!","three words, and Valérie Plante is named",1,C),
("messagerverdun-montreal-premiere-mairesse.md","AQ","J’étais à la maison avec les enfants et mon chum","a-t-elle plaisanté: la nouvelle mairesse, Valérie Plante",1,C),
("messagerverdun-montreal-premiere-mairesse.md","AQ","Nous avons fait une campagne historique.","pull-quote signed '– Valérie Plante' on the line below",1,C),
("messagerverdun-montreal-premiere-mairesse.md","UC","un parti fondé en 2004","background fact",1,C),
# watson-sirenes
("watson-sirenes-vaud-valais-erreur.md","VA","Les autorités confirment","'the authorities' named nowhere",1,F),
("watson-sirenes-vaud-valais-erreur.md","AQ","Il n'y a aucun danger","confirme les autorités: unnamed",1,F),
("watson-sirenes-vaud-valais-erreur.md","VA","confirme les autorités","unnamed authorities (second mention)",1,F),
("watson-sirenes-vaud-valais-erreur.md","AQ","C'est pour les alarmes sonores? C'est une erreur","nous répond notre interlocutrice: anonymous",1,F),
("watson-sirenes-vaud-valais-erreur.md","AQ","Nous sommes en train d'investiguer d'où vient le problème","Pascal Fontaine, named",1,C),
("watson-sirenes-vaud-valais-erreur.md","AQ","On ne sait pas encore s'il s'agit d'un problème technique","pull-quote signed 'Pascal Fontaine' on the next line",1,C),
("watson-sirenes-vaud-valais-erreur.md","UC","environ 260 appels au 117 entre 08h00 et 08h42, et près de 290 au 118","call counts with no source",1,F),
# rtlbe-casting
("rtlbe-casting-gouvernement-bruxellois.md","UC","après 613 jours de crise politique","well-known background count",1,C),
("rtlbe-casting-gouvernement-bruxellois.md","VA","par son président de parti, Georges-Louis Bouchez","named person",1,C),
("rtlbe-casting-gouvernement-bruxellois.md","AQ","J’ai appris la nouvelle à 7h ce matin","a dit Boris Dilliès",1,C),
# bx1
("bx1-dillies-ministre-president.md","AQ","Après 22 ans dans l’opposition","speaker named after the quote: Georges-Louis Bouchez",1,C),
("bx1-dillies-ministre-president.md","AQ","Fort de son expérience de Bourgmestre","follow-on of Bouchez",1,C),
("bx1-dillies-ministre-president.md","VA","Selon nos informations","the outlet's own reporting (BX1)",1,C),
# tf1info-nice
("tf1info-nice-femme-rouee-de-coups.md","AQ","l'identité de la personne interpellée n'a, à cette heure, pas été formellement établie","détaille le magistrat: definite role referring back to le parquet de Nice",1,C),
("tf1info-nice-femme-rouee-de-coups.md","AQ","tentative d'homicide","a legal qualification, not speech",1,C),
# africanews
("africanews-kabore-reelu-premier-tour.md","VA","le président de la commission électorale indépendante Newton Ahmed Barry","named person",1,C),
("africanews-kabore-reelu-premier-tour.md","UC","arrive deuxième avec 15,48% des voix","continues the commission's announcement of the previous line",1,C),
("africanews-kabore-reelu-premier-tour.md","UC","qui ont fait au moins 1.200 morts en cinq ans","toll with no source",1,F),
("africanews-kabore-reelu-premier-tour.md","VA","L'opposition burkinabè a estimé","an unnamed collective",1,F),
("africanews-kabore-reelu-premier-tour.md","AQ","émaillé de fraudes","three words",1,C),
("africanews-kabore-reelu-premier-tour.md","VA","Les partis de la majorité présidentielle","unnamed parties",1,F),
("africanews-kabore-reelu-premier-tour.md","AQ","les insuffisances relevées sont regrettables","the unnamed 'partis de la majorité présidentielle'",1,F),
# agenceafrique
("agenceafrique-touadera-remporte-presidentielle.md","VA","selon les résultats provisoires communiqués lundi par l’Autorité nationale des élections (ANE)","named body",1,C),
("agenceafrique-touadera-remporte-presidentielle.md","UC","Touadéra a gagné le premier tour avec 53,92 % des voix","continues the ANE results of the previous paragraph",1,C),
("agenceafrique-touadera-remporte-presidentielle.md","UC","Le taux de participation a atteint 76,31%, sur quelque 910 000 électeurs.","continues the ANE results in the same paragraph",1,C),
("agenceafrique-touadera-remporte-presidentielle.md","AQ","tentatives d’intimidation des électeurs","'ces derniers' = the opposition candidates incl. Dologuélé, named",1,C),
# la1ere
("la1ere-althea-laurin-legende-taekwondo.md","AQ","Je suis très heureuse d'être entrée dans la légende du sport","speaker named after the quote: Althéa Laurin (nth 2: the first occurrence is the title)",2,C),
("la1ere-althea-laurin-legende-taekwondo.md","AQ","il y a beaucoup de joie et de fierté","confie-t-elle: Althéa Laurin",1,C),
("la1ere-althea-laurin-legende-taekwondo.md","AQ","J'espère pouvoir continuer à battre des records","conclut-elle",1,C),
("la1ere-althea-laurin-legende-taekwondo.md","UC","Elle a offert à la France sa 16ᵉ médaille d'or dans les Jeux","public sports record, background",1,C),
# lyonmag
("lyonmag-fermeture-de-lyon-commercants-hotel-de-ville.md","AQ","Il y a un ras le bol immense aujourd’hui à Lyon","Alexandra Carraz-Ceselli, named",1,C),
("lyonmag-fermeture-de-lyon-commercants-hotel-de-ville.md","AQ","Tout le monde veut une ville apaisée","follow-on of the coordinator",1,C),
("lyonmag-fermeture-de-lyon-commercants-hotel-de-ville.md","UC","la pétition Stop à la fermeture de Lyon a déjà réuni près de 6000 signatures","count with no source",1,F),
("lyonmag-fermeture-de-lyon-commercants-hotel-de-ville.md","AQ","Ça n’amuse personne d’être là","continues the collective's coordinator quoted just before (no other speaker in between)",1,C),
("lyonmag-fermeture-de-lyon-commercants-hotel-de-ville.md","AQ","ce qu’on demande, c’est qu’on nous rencontre","given to 'plusieurs dizaines de riverains, commerçants ou tout simplement contestataires': unnamed",1,F),
# impactfm
("impactfm-defenseurs-de-lyon-trop-de-travaux.md","VA","D'après le collectif","the collective named in the standfirst (les Défenseurs de Lyon)",1,C),
("impactfm-defenseurs-de-lyon-trop-de-travaux.md","AQ","Tout le monde ne peut pas venir à vélo","Anne Delaigle, named",1,C),
("impactfm-defenseurs-de-lyon-trop-de-travaux.md","AQ","Cette étude citoyenne vient contrebalancer","Soledad Lo Greco, named",1,C),
# lyoncapitale
("lyoncapitale-opposition-chantier-freres-lumiere.md","AQ","Un report de trafic dans des rues résidentielles","subheading 'dénonce l'opposition', the groups being named in the next paragraph",1,C),
("lyoncapitale-opposition-chantier-freres-lumiere.md","AQ","ce projet de requalification s'est transformé en un cauchemar quotidien","the named groups La Métro positive, Synergies and Inventer la métropole de demain",1,C),
("lyoncapitale-opposition-chantier-freres-lumiere.md","UC","Des commerces auraient déjà fermé","hedged (conditional)",1,C),
("lyoncapitale-opposition-chantier-freres-lumiere.md","VA","L'opposition critique","refers back to the three named groups",1,C),
("lyoncapitale-opposition-chantier-freres-lumiere.md","AQ","creusé une fracture profonde entre les institutions et leurs habitants","Elle = the named opposition groups",1,C),
# eiffelpost
("eiffelpost-lot-et-garonne-minibus-blesses.md","VA","ont annoncé les autorités locales","unnamed 'local authorities'",1,F),
("eiffelpost-lot-et-garonne-minibus-blesses.md","AQ","urgence extrême avec pronostic vital engagé","speaker named at the end of the sentence: Florent Farge",1,C),
("eiffelpost-lot-et-garonne-minibus-blesses.md","AQ","Les enquêteurs (…) ont procédé aux premières constatations","Olivier Naboulet, named",1,C),
("eiffelpost-lot-et-garonne-minibus-blesses.md","AQ","sera en état d’être entendu par les gendarmes","a précisé Florent Farge",1,C),
("eiffelpost-lot-et-garonne-minibus-blesses.md","UC","Quarante-sept pompiers, 15 gendarmes et le Samu ont été mobilisés sur place.","figures with no source in the paragraph",1,F),
("eiffelpost-lot-et-garonne-minibus-blesses.md","AQ","venaient potentiellement de la France entière","Olivier Naboulet",1,C),
("eiffelpost-lot-et-garonne-minibus-blesses.md","VA","a indiqué la préfecture","named body (préfecture de Lot-et-Garonne)",1,C),
# guinee360
("guinee360-avipa-ordinateur-cambriolage.md","VA","Selon ses dires","the AVIPA president, a definite role in a named body (Asmaou Diallo, named below)",1,C),
("guinee360-avipa-ordinateur-cambriolage.md","AQ","Le siège de l’AVIPA a été vandalisé","a-t-elle relaté: the AVIPA president",1,C),
("guinee360-avipa-ordinateur-cambriolage.md","AQ","La sécurité manque. On aimerait vraiment être protégés.","Asmaou Diallo, named",1,C),
("guinee360-avipa-ordinateur-cambriolage.md","AQ","On a appelé la police, ils ont fait le constat","la présidente de l’Avipa",1,C),
# euronews-haiti
("euronews-haiti-milliers-fuient-gangs.md","AQ","Nous vivons une situation extrêmement difficile","Elie Derisca, named",1,C),
("euronews-haiti-milliers-fuient-gangs.md","VA","selon la police et les habitants","names a body (la police): not vague by the convention",1,C),
("euronews-haiti-milliers-fuient-gangs.md","AQ","Ils ont pillé et incendié des maisons","M. Derisca",1,C),
("euronews-haiti-milliers-fuient-gangs.md","AQ","Les autorités n'ont rien fait pour voler à notre secours.","follow-on of M. Derisca",1,C),
("euronews-haiti-milliers-fuient-gangs.md","VA","Les autorités haïtiennes ont confirmé","unnamed national authorities",1,F),
("euronews-haiti-milliers-fuient-gangs.md","VA","selon un bilan provisoire de la direction de la protection civile haïtienne","named body",1,C),
# bfmtv-13-novembre
("bfmtv-requisitoire-13-novembre-trois-jours.md","AQ","C'est un procès hors normes, cette durée est justifiée","Jean-Baptiste Bladier",1,C),
("bfmtv-requisitoire-13-novembre-trois-jours.md","UC","avaient duré plus de six heures","continues what Bladier 'rappelle' in the same paragraph",1,C),
("bfmtv-requisitoire-13-novembre-trois-jours.md","AQ","Il y a beaucoup d'accusés","Me Catherine Szwarc",1,C),
("bfmtv-requisitoire-13-novembre-trois-jours.md","AQ","Chaque personne sera prise isolément","poursuit l'avocate montpelliéraine: definite role, Catherine Szwarc",1,C),
# franceinfo-secheresse
("franceinfo-secheresse-eleveur-vendre-animaux.md","UC","Quelque 56 départements sont concernés par au moins un arrêté préfectoral","count with no source",1,F),
("franceinfo-secheresse-eleveur-vendre-animaux.md","AQ","c’est grillé, il n’y a plus rien","L'agriculteur = Eric Leveau, named",1,C),
("franceinfo-secheresse-eleveur-vendre-animaux.md","AQ","On rapporte du foin ou de la paille","explique-t-il: Eric Leveau",1,C),
("franceinfo-secheresse-eleveur-vendre-animaux.md","AQ","Cet hiver, il va y avoir un souci","pull-quote (no marks) signed 'Eric Leveau, éleveur dans le Perche' below",1,C),
]

//! Speakers a reader resolves: each case is a shape seen in real edited
//! news (tests/real-news*) where the quotation's speaker is named, though
//! not beside the verb.

use crate::engine::tests::lint_kind;

const RULES: &str = include_str!("../../../rules/sourcing.toml");

fn anonymous(text: &str) -> String {
    lint_kind(RULES, text, crate::Kind::AnonymousQuote)
}

#[test]
fn a_definite_description_refers_back_to_the_person_named_before() {
    let text = "Angela Merkel a déposé des fleurs près du mur. La chancelière allemande a livré un message inquiet : « Les valeurs qui sont les nôtres sont menacées. »\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_demonstrative_refers_back_too() {
    let text = "Certains ne veulent pas partir, comme Rafet Yavrum qui dort sous une tente.\n\n« Le médecin est mort, sa femme aussi », déplore ce moukhtar, chargé de régler les litiges.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn an_inverted_pronoun_is_the_subject_whatever_the_verb() {
    let text = "Emmanuel Macron était à Colleville-sur-Mer.\n\n« Au nom de mon pays, je veux simplement vous dire merci », a-t-il ajouté, sous un grand ciel bleu.\n\n« Nous ne devons jamais cesser de faire vivre l'alliance », a-t-il lancé.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_quotation_without_a_verb_continues_the_speaker_of_its_paragraph() {
    let text = "Cagla Demirel vit dans un conteneur.\n\n« La vie a perdu tout intérêt », ajoute-t-elle. « Je n'ai plus de famille à visiter. Plus rien. »\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn titles_and_names_in_quotes_are_not_speech() {
    let text = "Des milliers de Berlinois sont attendus pour une « Fête de la liberté ». Les célébrations baptisées « Le Courage de la liberté » commencent ce soir.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_quotation_alone_on_a_heading_line_is_a_title() {
    let text = "Le président est arrivé.\n\n- « Fierté de notre Nation » -\n\nLa cérémonie a commencé à midi.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_name_in_apposition_after_the_role_names_the_speaker() {
    let text = "Cette donnée est « quasi définitive, la majorité des victimes ayant été retrouvées », selon un responsable de la Santé de ces régions, Maram al-Cheikh.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn an_impersonal_on_at_a_named_body() {
    let text = "Ce sera « la présence, une dernière fois à ce niveau, des vétérans », souligne-t-on à l'Élysée.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_title_and_surname_after_an_adverbial() {
    let text = "« Vous êtes la fierté de notre Nation », a de son côté lancé M. Trump.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn an_incise_inside_the_quotation_gives_its_speaker() {
    let text = "L'ancien président polonais Lech Walesa a renversé le premier domino. « J'ai le mandat de le faire, car c'est à Gdansk que le premier mur est tombé, a-t-il souligné. Nous avons vaincu le communisme. »\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn the_subject_of_a_participle_speaks_not_its_object() {
    let text = "Les secouristes des Casques Blancs ont fait état de 380 morts et plus d'un millier de blessés, ajoutant que ce bilan risquait d'augmenter, « des centaines de familles étant sous les décombres ».\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn unnamed_people_stay_anonymous() {
    let text = "« On nous a menti depuis le début », raconte un ouvrier.\n\n« C'était très calme, vraiment très calme », note un autre riverain.\n\nLa piste « retient l'attention des enquêteurs en l'état », a précisé une source proche du dossier.\n";
    assert_eq!(
        anonymous(text),
        "anonymous-quote un ouvrier -> \nanonymous-quote un autre riverain -> \nanonymous-quote une source proche -> "
    );
}

#[test]
fn a_role_never_tied_to_a_name_stays_anonymous() {
    let text = "La grève a commencé lundi.\n\n« Nous ne lâcherons rien, jamais », prévient le porte-parole.\n";
    assert_eq!(anonymous(text), "anonymous-quote le porte-parole -> ");
}

#[test]
fn a_name_after_a_complement_of_the_verb_is_its_subject() {
    let text = "La Maison Blanche a réagi.\n\n« Il est accablant de voir ces attaques brutales », a affirmé à des journalistes Olivia Dalton, une porte-parole de l'exécutif.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_time_after_the_verb_is_no_subject() {
    let text = "La finale a eu lieu à Paris.\n\n« Je suis très heureuse d'être entrée dans la légende du sport », se félicite ce dimanche sur franceinfo Althéa Laurin.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_participle_after_the_quotation_is_no_incise() {
    // The speaker is the sentence's subject, not "les cris" of the
    // participle's object.
    let text = "Valérie Plante a été réélue.\n\nElle a affirmé sa volonté de continuer à « diriger Montréal avec le sourire », déclenchant les cris de joie de ses militants.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_role_with_a_capitalized_complement_gives_no_name() {
    use super::gives_a_name;
    for name in [
        "Emmanuel Macron",
        "le président Emmanuel Macron",
        "La Maison Blanche",
    ] {
        assert!(gives_a_name(name), "{name}");
    }
    // Two roles of one man must not read as two speakers in quote-mismatch.
    for role in ["le chef de l’État", "le président de la République"] {
        assert!(!gives_a_name(role), "{role}");
    }
}

#[test]
fn a_pronoun_that_goes_on_continues_the_previous_speaker() {
    // "Un suspect" leads in to the quotation; "a-t-il ajouté" goes on
    // with the prosecutor, who spoke before.
    let text = "« Une enquête a été ouverte pour homicide », a précisé le parquet. Un suspect, « un homme de 60 ans a été placé en garde à vue », a-t-il ajouté, précisant que « son identité restait à vérifier ».\n";
    assert_eq!(anonymous(text), "");
    // The same shape after an unnamed source stays anonymous.
    let text = "« Il y a plusieurs blessés graves », a ajouté une source policière. « L’auteur est interpellé avec son arme », a-t-elle poursuivi.\n";
    assert_eq!(anonymous(text).lines().count(), 2, "{}", anonymous(text));
}

#[test]
fn a_preposition_after_the_quotation_is_no_incise() {
    let text = "Ce lundi, les syndicats CGT et SUD appellent à « frapper un grand coup ensemble », via une « journée sans cheminot ».\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_first_name_after_a_body_starts_the_subject() {
    let text = "« Nous cherchons d'où vient le problème », a expliqué à Keystone-ATS Pascal Fontaine, porte-parole de la police, confirmant une information de la RTS.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_fronted_participle_clause_is_passed_to_the_subject() {
    let text = "Confirmant un taux en baisse de 0,4 point, à 8,1 %, Muriel Pénicaud a voulu se montrer ambitieuse en réaffirmant le cap « d’un taux à 7 % en fin de mandat ».\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_document_speaks_for_the_body_that_issued_it() {
    let text = "Le gouvernement du Mali a publié un communiqué samedi. Outre les trois morts du côté des forces maliennes, le communiqué fait également état de « neuf morts dans le camp des assaillants ».\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_relative_clause_before_the_incise_is_passed() {
    let text = "La préfecture du Loiret a réagi. « On dénombre trois personnes en urgence absolue », qui ont été évacuées vers un centre hospitalier, précise la préfecture.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn an_inside_incise_may_go_on_with_any_verb() {
    let text = "« Il y a beaucoup d'accusés », rappelle Me Catherine Szwarc, avocate de parties civiles.\n\n« Chaque personne sera prise isolément, poursuit l'avocate. Le but sera de travailler chaque dossier. »\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_pronoun_agrees_with_the_mention_it_stands_for() {
    // "elle" is Marie Dupont, not "des témoins" mentioned since.
    let text = "Marie Dupont préside l'association. Des témoins ont vu la scène.\n\n« Le siège a été vandalisé dans la nuit », a-t-elle relaté.\n";
    assert_eq!(anonymous(text), "");
}

#[test]
fn a_pronoun_stands_for_the_role_of_a_named_body() {
    let text = "La présidente de l’association des victimes, parents et amis du massacre (AVIPA) a annoncé le vol.\n\n« Le siège de l’association a été vandalisé dans la nuit », a-t-elle relaté.\n";
    assert_eq!(anonymous(text), "");
    // A role with no named body stays anonymous.
    let text = "Une habitante du quartier a vu la scène.\n\n« Le siège de l’association a été vandalisé dans la nuit », a-t-elle relaté.\n";
    assert_ne!(anonymous(text), "");
}

#[test]
fn a_document_in_an_incise_and_a_name_after_an_agency() {
    let text = "La préfecture des Landes a publié un communiqué.\n\n« Constatant qu'un véhicule roule dangereusement, les gendarmes ont voulu l'arrêter », décrit le communiqué.\n";
    assert_eq!(anonymous(text), "");
    let text = "« Je n’ai plus rien dans la maison, l’eau a tout emporté », a expliqué à l’AFP Pricile Ziyahe, une habitante de Bingerville.\n";
    assert_eq!(anonymous(text), "");
}

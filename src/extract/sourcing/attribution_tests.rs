//! Sources as an editor reads them: each case a shape seen in real edited
//! news (tests/real-news-sourcing).

use crate::engine::tests::lint_kind;

const RULES: &str = include_str!("../../../rules/sourcing.toml");

fn vague(text: &str) -> String {
    lint_kind(RULES, text, crate::Kind::VagueAttribution)
}

#[test]
fn a_source_that_names_a_body_anywhere_in_its_phrase_is_named() {
    let text = "Selon un bilan provisoire du ministère de la Santé, cité par l'agence officielle Sana, 430 personnes ont été tuées. Le séisme a fait 1 498 morts, selon un dernier bilan de l'agence de gestion des catastrophes (Afad). Cette donnée est définitive, selon un responsable de la Santé de ces régions, Maram al-Cheikh.\n";
    assert_eq!(vague(text), "");
}

#[test]
fn a_document_without_author_is_vague_only_when_nobody_in_its_sentence_speaks() {
    let named =
        "Selon un premier bilan provisoire, on dénombre quatre blessés, précise la préfecture.\n";
    assert_eq!(vague(named), "");
    let alone = "Selon un premier bilan provisoire, on dénombre quatre blessés.\n";
    assert_eq!(
        vague(alone),
        "vague-attribution Selon un premier bilan provisoire -> "
    );
}

#[test]
fn a_source_after_its_verb_is_vague() {
    let text = "Le contre-espionnage a mené une enquête, a déclaré à Reuters une source policière.\n\nDeux personnes ont été blessées, ont annoncé les autorités locales.\n";
    assert_eq!(
        vague(text),
        "vague-attribution déclaré à Reuters une source policière -> \nvague-attribution annoncé les autorités locales -> "
    );
}

#[test]
fn a_source_noun_is_a_source_whatever_its_verb() {
    let text = "Plus tôt, une source policière avait imputé cette attaque à des djihadistes.\n";
    assert_eq!(vague(text), "vague-attribution une source policière -> ");
}

#[test]
fn a_person_speaking_is_a_speaker_not_a_source() {
    let text = "« Nous avons signé », résume un diplomate européen.\n";
    assert_eq!(vague(text), "");
}

#[test]
fn the_outlet_s_own_reporting_and_the_same_named_source_are_not_vague() {
    let text = "Selon nos informations, les services ont enquêté. Selon la préfecture, quatre personnes ont été blessées. Un enfant est hospitalisé, selon la même source.\n";
    assert_eq!(vague(text), "");
}

#[test]
fn passives_participles_and_verbs_that_show_are_no_attributions() {
    let text = "Un appel aux dons est lancé. Un deuxième mandat annoncé par les résultats provisoires. De nombreuses personnalités politiques témoignaient de leur émotion. Des orages forts, et un déplacement rapide annonce Météo-France.\n";
    assert_eq!(vague(text), "");
}

#[test]
fn unnamed_sources_stay_vague() {
    let text = "Selon des sources concordantes, l'accord est prêt. Des experts estiment que le texte est fragile. Selon les Américains, les missiles ont été livrés.\n";
    assert_eq!(
        vague(text),
        "vague-attribution Selon des sources concordantes -> \nvague-attribution Des experts estiment -> \nvague-attribution Selon les Américains -> "
    );
}

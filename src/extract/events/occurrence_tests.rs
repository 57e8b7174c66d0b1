//! Another occurrence of the kind, or something else than the event's
//! fact: a frame the sentence opens with, a round before the final, the
//! clock a time is read on, the eve of a date, and the anniversaries of
//! events whose own facts say they are others.

use super::reading_tests::{of_kind, pair};
use crate::diagnostic::Kind;
use crate::engine::tests::{lint_texts, summary};

/// A treaty signed in Lisbon, a final played in Lyon, a bridge that fell
/// in Genoa, a summit in Geneva.
const STORY: &str = r#"
[[entity]]
id = "portugal"
name = "Portugal"
kind = "place"
source = "s"

[[entity]]
id = "lisbonne"
name = "Lisbonne"
kind = "place"
within = ["portugal"]
source = "s"

[[entity]]
id = "royaume-uni"
name = "Royaume-Uni"
kind = "place"
source = "s"

[[entity]]
id = "espagne"
name = "Espagne"
kind = "place"
source = "s"

[[entity]]
id = "madrid"
name = "Madrid"
kind = "place"
within = ["espagne"]
source = "s"

[[entity]]
id = "gordon-brown"
name = "Gordon Brown"
kind = "person"
source = "s"

[[entity]]
id = "traite"
name = "traité de Lisbonne"
kind = "organisation"
source = "s"

[[event]]
id = "signature"
name = "Signature du traité de Lisbonne"
words = ["sign*"]
entities = ["traite", "lisbonne", "gordon-brown"]
date = "2007-12-13"
place = "lisbonne"
source = "s"

[[entity]]
id = "france"
name = "France"
kind = "place"
source = "s"

[[entity]]
id = "lyon"
name = "Lyon"
kind = "place"
within = ["france"]
source = "s"

[[entity]]
id = "paris"
name = "Paris"
kind = "place"
within = ["france"]
source = "s"

[[entity]]
id = "suede"
name = "Suède"
kind = "place"
source = "s"

[[entity]]
id = "etats-unis"
name = "États-Unis"
kind = "place"
source = "s"

[[event]]
id = "finale"
name = "Finale de la Coupe du monde 2019"
words = ["finale"]
names = ["finale de Lyon"]
entities = ["etats-unis", "lyon"]
date = "2019-07-07"
place = "lyon"
source = "s"

[[entity]]
id = "italie"
name = "Italie"
kind = "place"
source = "s"

[[entity]]
id = "genes"
name = "Gênes"
kind = "place"
within = ["italie"]
source = "s"

[[entity]]
id = "mirepoix"
name = "Mirepoix-sur-Tarn"
kind = "place"
within = ["france"]
source = "s"

[[entity]]
id = "morandi"
name = "pont Morandi"
kind = "place"
within = ["genes"]
source = "s"

[[event]]
id = "effondrement"
name = "Effondrement du pont Morandi"
words = ["effondr*", "catastrophe", "drame"]
names = ["catastrophe de Gênes"]
entities = ["morandi", "genes"]
date = "2018-08-14"
place = "genes"
source = "s"

[[entity]]
id = "geneve"
name = "Genève"
kind = "place"
source = "s"

[[entity]]
id = "reykjavik"
name = "Reykjavik"
kind = "place"
source = "s"

[[entity]]
id = "reagan"
name = "Ronald Reagan"
kind = "person"
source = "s"

[[entity]]
id = "baikonour"
name = "Baïkonour"
kind = "place"
source = "s"

[[entity]]
id = "kourou"
name = "Kourou"
kind = "place"
source = "s"

[[entity]]
id = "novitski"
name = "Oleg Novitski"
kind = "person"
source = "s"

[[event]]
id = "decollage"
name = "Décollage de Soyouz MS-03"
words = ["décoll*"]
entities = ["novitski", "baikonour"]
date = "2016-11-17"
place = "baikonour"
source = "s"

[[event]]
id = "sommet"
name = "Sommet de Genève"
words = ["sommet", "rencontre"]
entities = ["geneve", "reagan"]
date = "1985-11-19"
place = "geneve"
source = "s"
"#;

/// "Au Royaume-Uni même, Gordon Brown avait signé …, à Lisbonne": the
/// frame gives way to the place the event's clause names; where that one
/// is wrong, it is the one reported.
#[test]
fn a_frame_gives_way_to_the_events_own_place() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2017-03-29\n---\nAu Royaume-Uni même, Gordon Brown avait signé le \
                 traité de Lisbonne quelques heures après les autres dirigeants, à Lisbonne, pour \
                 éviter la photo.",
            ),
            (
                "b.md",
                "---\ndate: 2017-03-29\n---\nEn Espagne, on rappelle que Gordon Brown avait signé \
                 le traité de Lisbonne le 13 décembre 2007 à Madrid.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("b.md", "Madrid")],
        "{}",
        summary(&diags)
    );
}

/// "les huitièmes de finale", "en quart de finale … au Parc des Princes",
/// "(13h20 à Paris)", "à la veille du 15 août": none is the final's, the
/// collapse's or the signing's fact.
#[test]
fn rounds_clocks_and_eves_are_not_the_events() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2023-08-20\n---\nQuatre ans après la finale de Lyon, les États-Unis \
                 sont sortis dès les huitièmes de finale, battus par la Suède. Les États-Unis \
                 avaient battu la France en quart de finale, le 28 juin 2019 à Paris.",
            ),
            (
                "b.txt",
                "Le pont Morandi s'est effondré à Gênes le 14 août 2018 à 11h36 (13h36 à \
                 Paris), à la veille du 15 août, jour férié.",
            ),
        ],
    );
    for kind in [Kind::LocationContradiction, Kind::DateContradiction] {
        assert!(of_kind(&diags, kind).is_empty(), "{}", summary(&diags));
    }
}

/// "le 5e anniversaire de l'effondrement de Mirepoix-sur-Tarn", "le 20e
/// anniversaire de la finale de 1999", "le 40e anniversaire de la
/// rencontre de Reykjavik", "signé en 1985 son traité d'adhésion, dont …
/// le 23e anniversaire": what the event word states says it is another
/// one. "Une finale dont elle fêtera en juillet prochain le 3e
/// anniversaire" is the final's, miscounted.
#[test]
fn an_anniversary_of_another_occurrence_is_not_the_events() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2024-11-18\n---\nLe pont Morandi s'est effondré à Gênes. Ce 5e \
                 anniversaire de l'effondrement de Mirepoix-sur-Tarn sera marqué ce lundi.",
            ),
            (
                "b.md",
                "---\ndate: 2019-07-07\n---\nLes États-Unis gagnent la finale de Lyon, à trois \
                 jours du 20e anniversaire de la finale de 1999, remportée face à la Chine.",
            ),
            (
                "c.md",
                "---\ndate: 2025-11-19\n---\nRonald Reagan arrive au sommet de Genève. L'an \
                 prochain viendra le 40e anniversaire de la rencontre de Reykjavik, où Ronald \
                 Reagan avait envisagé l'élimination des armes nucléaires.",
            ),
            (
                "d.md",
                "---\ndate: 2007-12-13\n---\nGordon Brown a signé le traité de Lisbonne. C'est \
                 dans ce même monastère que le Portugal avait signé en 1985 son traité \
                 d'adhésion, dont Lisbonne fêtera en juin le 23e anniversaire.",
            ),
            (
                "e.md",
                "---\ndate: 2021-11-18\n---\nElle avait arbitré à Lyon la finale entre les \
                 États-Unis et les Pays-Bas. Une finale dont elle fêtera en juillet prochain le \
                 4e anniversaire.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::AnniversaryMismatch)
            .into_iter()
            .map(|(file, _)| file)
            .collect::<Vec<_>>(),
        ["e.md"],
        "{}",
        summary(&diags)
    );
    for kind in [Kind::LocationContradiction, Kind::DateContradiction] {
        assert!(of_kind(&diags, kind).is_empty(), "{}", summary(&diags));
    }
}

/// "pour le 5e anniversaire de la catastrophe, comme chaque année": a bare
/// event word after "anniversaire" is the article's event when another
/// mention establishes it.
#[test]
fn a_bare_event_word_counts_from_the_articles_event() {
    let diags = lint_texts(
        STORY,
        &[(
            "a.md",
            "---\ndate: 2022-08-10\n---\nLe pont Morandi s'est effondré à Gênes le 14 août \
             2018.\n\nLes proches des victimes se retrouveront le dimanche 14 août prochain \
             pour le 5e anniversaire de la catastrophe, comme chaque année.",
        )],
    );
    assert_eq!(
        of_kind(&diags, Kind::AnniversaryMismatch),
        [pair("a.md", "5e anniversaire")],
        "{}",
        summary(&diags)
    );
}

/// "a décollé de Kourou": a verb's "de" says where from, the event's
/// place; only a noun's ("la rencontre de Reykjavik") names another
/// occurrence.
#[test]
fn a_verbs_de_is_the_events_place() {
    let diags = lint_texts(
        STORY,
        &[(
            "a.md",
            "---\ndate: 2016-11-18\n---\nLa fusée a décollé de Kourou avec, à son bord, Oleg \
             Novitski.",
        )],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("a.md", "Kourou")],
        "{}",
        summary(&diags)
    );
}

/// A council's vote, its entry into force and the towns around.
const COUNCIL: &str = r#"
[[entity]]
id = "sorvigne"
name = "Val de Sorvigne"
kind = "organisation"
source = "s"

[[entity]]
id = "sorvigny"
name = "Sorvigny"
kind = "place"
source = "s"

[[entity]]
id = "lavernoux"
name = "Lavernoux"
kind = "place"
source = "s"

[[entity]]
id = "escoubas"
name = "Martine Escoubas"
kind = "person"
source = "s"

[[event]]
id = "vote"
name = "Vote de la voie verte"
words = ["vot*", "adopt*"]
names = ["projet de voie verte", "redevance incitative"]
entities = ["sorvigne", "sorvigny", "escoubas"]
date = "2026-03-10"
place = "sorvigny"
participants = ["escoubas"]
source = "s"

[[event.figure]]
id = "cout"
unit = "euro"
value = 2400000
source = "s"

[[event]]
id = "vigueur"
name = "Entrée en vigueur d'un autre texte"
words = ["vigueur"]
entities = ["lavernoux"]
date = "2024-01-01"
source = "s"
"#;

/// "entrera en vigueur le 1er janvier 2027" dates the entry into force;
/// "prévoyait une ouverture en 2029" the opening; "votés en mars par
/// Lavernoux" is that town's vote ("en mars" is no locative); "immense
/// favori avec X" does not make X a party.
#[test]
fn other_acts_milestones_and_agents() {
    let diags = lint_texts(
        COUNCIL,
        &[
            (
                "a.md",
                "---\ndate: 2026-03-12\n---\nLe Val de Sorvigne a voté la voie verte à Sorvigny. \
                 La redevance incitative, adoptée dans la foulée par le Val de Sorvigne, entrera \
                 en vigueur le 1er janvier 2027.",
            ),
            (
                "b.md",
                "---\ndate: 2026-09-12\n---\nLe Val de Sorvigne a voté la voie verte à Sorvigny. \
                 Le projet de voie verte voté en mars prévoyait une ouverture en 2029. Les 450 000 \
                 euros votés en mars par Lavernoux ne seront pas revus.",
            ),
            (
                "c.md",
                "---\ndate: 2026-03-12\n---\nÀ Sorvigny, le vote opposait le Val de Sorvigne, \
                 immense favori avec Jean Dupré et Paul Maury, aux élus de l'opposition.",
            ),
        ],
    );
    for kind in [
        Kind::DateContradiction,
        Kind::LocationContradiction,
        Kind::NumberContradiction,
        Kind::ParticipantContradiction,
    ] {
        assert!(of_kind(&diags, kind).is_empty(), "{}", summary(&diags));
    }
}

/// "ont signé ce samedi une déclaration pour marquer le 60e anniversaire
/// du traité de Lisbonne": the name counted from does not make the
/// signing before it the treaty's.
#[test]
fn a_name_counted_from_names_no_other_word() {
    let diags = lint_texts(
        STORY,
        &[(
            "a.md",
            "---\ndate: 2067-12-15\n---\nGordon Brown a signé le traité de Lisbonne. Les \
             dirigeants ont signé ce samedi une déclaration pour marquer le 60e anniversaire du \
             traité de Lisbonne.",
        )],
    );
    assert!(
        of_kind(&diags, Kind::DateContradiction).is_empty(),
        "{}",
        summary(&diags)
    );
}

/// "signé par Gordon Brown et par Tony Blair": a party beside one of
/// the event's own is a wrong party of it, even when that one signed
/// another declared text too (and so tells neither apart).
#[test]
fn a_party_beside_one_of_the_events_own_is_compared() {
    let diags = lint_texts(
        &format!(
            "{STORY}\n[[entity]]\nid = \"blair\"\nname = \"Tony Blair\"\nkind = \"person\"\nsource = \"s\"\n\n\
             [[event]]\nid = \"autre\"\nname = \"Une autre signature\"\nwords = [\"sign*\"]\n\
             entities = [\"madrid\"]\ndate = \"2008-05-05\"\nparticipants = [\"gordon-brown\"]\n\
             source = \"s\"\n"
        )
        .replace(
            "place = \"lisbonne\"\nsource = \"s\"\n\n[[entity]]\nid = \"france\"",
            "place = \"lisbonne\"\nparticipants = [\"gordon-brown\"]\nsource = \"s\"\n\n[[entity]]\nid = \"france\"",
        ),
        &[(
            "a.md",
            "---\ndate: 2017-12-13\n---\nLe traité de Lisbonne a dix ans. Pour le Royaume-Uni, \
             le texte avait été signé par Gordon Brown et par Tony Blair.",
        )],
    );
    assert_eq!(
        of_kind(&diags, Kind::ParticipantContradiction),
        [pair("a.md", "Tony Blair")],
        "{}",
        summary(&diags)
    );
}

/// "Lancé depuis Cap Canaveral": where from is where it happened; "huit
/// finales disputées. Le 31 mai 2019, en finale à Lyon": the participle
/// of the sentence before does not take the date.
#[test]
fn where_from_and_a_date_after_a_full_stop() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2016-12-01\n---\nOleg Novitski a décollé. Décollé depuis Kourou le \
                 17 novembre 2016, il a rejoint la station.",
            ),
            (
                "b.md",
                "---\ndate: 2019-07-10\n---\nLes États-Unis comptent quatre finales disputées. \
                 Le 8 juillet 2019, en finale à Lyon, les États-Unis ont gagné.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("a.md", "Kourou")],
        "{}",
        summary(&diags)
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("b.md", "8 juillet 2019")],
        "{}",
        summary(&diags)
    );
}

/// "Ce drame … avait ravivé en France un débat ouvert … par la catastrophe
/// de Gênes": an active verb no event has places its own act; "avait été signé à Madrid" places the signing.
#[test]
fn an_active_verb_places_its_own_act() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2024-11-18\n---\nCe drame, survenu à une trentaine de kilomètres de \
                 Toulouse, avait ravivé en France un débat ouvert un an plus tôt par la \
                 catastrophe de Gênes.",
            ),
            (
                "b.md",
                "---\ndate: 2017-12-13\n---\nLe traité de Lisbonne avait été signé à Madrid le \
                 13 décembre 2007.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("b.md", "Madrid")],
        "{}",
        summary(&diags)
    );
}

//! Which event a sentence speaks of, read from more than its entities:
//! the words of an event's name, a demonstrative, the day and place it
//! states, a compound word; and what the sentence's structure gives to
//! another noun, another verb or another time.

use crate::diagnostic::Kind;
use crate::engine::tests::{lint_texts, summary};

pub(super) fn of_kind(
    diags: &[crate::diagnostic::Diagnostic],
    kind: Kind,
) -> Vec<(String, String)> {
    diags
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| (d.file.clone(), d.text.clone()))
        .collect()
}

pub(super) fn pair(file: &str, text: &str) -> (String, String) {
    (file.to_string(), text.to_string())
}

/// Two votes of one council, a final and a semi-final, two visits.
const STORY: &str = r#"
[[entity]]
id = "agglo"
name = "Valcréaux Agglomération"
kind = "organisation"
source = "s"

[[entity]]
id = "montbeyrac"
name = "Montbeyrac"
kind = "place"
source = "s"

[[entity]]
id = "lanciac"
name = "Lanciac"
kind = "place"
source = "s"

[[entity]]
id = "hotel"
name = "hôtel communautaire"
kind = "place"
source = "s"

[[entity]]
id = "ravenot"
name = "Gilles Ravenot"
kind = "person"
source = "s"

[[entity]]
id = "loubersac"
name = "Yannick Loubersac"
kind = "person"
source = "s"

[[entity]]
id = "cherfi"
name = "Nadia Cherfi"
kind = "person"
source = "s"

[[event]]
id = "vote-bus"
name = "Vote du réseau de bus par le conseil communautaire"
words = ["vote", "adopt*"]
entities = ["agglo"]
date = "2025-03-18"
place = "hotel"
participants = ["loubersac"]
source = "s"

[[event]]
id = "vote-pole"
name = "Vote du pôle de santé de Lanciac par le conseil communautaire"
names = ["pôle de santé"]
words = ["pôle", "vote", "adopt*"]
entities = ["agglo", "lanciac", "montbeyrac", "cherfi"]
date = "2025-06-24"
place = "montbeyrac"
participants = ["cherfi"]
source = "s"

[[entity]]
id = "croatie"
name = "Croatie"
kind = "place"
source = "s"

[[entity]]
id = "belgique"
name = "Belgique"
kind = "place"
source = "s"

[[entity]]
id = "russie"
name = "Russie"
kind = "place"
source = "s"

[[entity]]
id = "moscou"
name = "Moscou"
kind = "place"
within = ["russie"]
source = "s"

[[entity]]
id = "petersbourg"
name = "Saint-Pétersbourg"
kind = "place"
within = ["russie"]
source = "s"

[[entity]]
id = "portugal"
name = "Portugal"
kind = "place"
source = "s"

[[entity]]
id = "deschamps"
name = "Didier Deschamps"
kind = "person"
source = "s"

[[event]]
id = "finale-2018"
name = "Finale de la Coupe du monde 2018"
names = ["finale de 2018"]
words = ["finale"]
entities = ["croatie", "moscou", "deschamps"]
date = "2018-07-15"
place = "moscou"
participants = ["deschamps"]
source = "s"

[[event]]
id = "demi-2018"
name = "Demi-finale de 2018 contre la Belgique"
words = ["demi"]
entities = ["belgique", "petersbourg"]
date = "2018-07-10"
place = "petersbourg"
source = "s"

[[entity]]
id = "alpes-maritimes"
name = "Alpes-Maritimes"
kind = "place"
source = "s"

[[entity]]
id = "tende"
name = "Tende"
kind = "place"
within = ["alpes-maritimes"]
source = "s"

[[entity]]
id = "vesubie"
name = "Vésubie"
kind = "place"
within = ["alpes-maritimes"]
source = "s"

[[entity]]
id = "macron"
name = "Emmanuel Macron"
kind = "person"
source = "s"

[[entity]]
id = "castex"
name = "Jean Castex"
kind = "person"
source = "s"

[[event]]
id = "visite-macron"
name = "Visite d'Emmanuel Macron dans les vallées"
words = ["visite"]
entities = ["macron"]
date = "2020-10-07"
place = "alpes-maritimes"
participants = ["macron"]
source = "s"

[[event]]
id = "visite-castex"
name = "Visite de Jean Castex"
words = ["visite"]
entities = ["castex"]
date = "2020-10-03"
place = "vesubie"
participants = ["castex"]
source = "s"
"#;

/// A word of one event's name and of no other's says which event the
/// sentence speaks of: "le réseau" is the bus vote's, whatever places
/// of the other vote the sentences around name.
#[test]
fn the_words_of_an_events_name_tell_two_votes_apart() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2025-04-08\n---\nLe pôle de santé de Lanciac sera voté à Montbeyrac. \
                 Adopté en mars par le conseil de Valcréaux Agglomération, le réseau est le premier \
                 grand chantier. Les élus avaient adopté le réseau le 11 mars à l'hôtel communautaire.",
            ),
            (
                "b.md",
                "---\ndate: 2025-04-08\n---\nRéunis à Montbeyrac, les élus de Valcréaux \
                 Agglomération avaient adopté le réseau le 18 mars.",
            ),
        ],
    );
    // The bus vote misdated in a.md and misplaced in b.md; the health
    // centre's vote (June, at Montbeyrac) is spoken of by neither.
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("a.md", "11 mars")],
        "{}",
        summary(&diags)
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("b.md", "Montbeyrac")],
        "{}",
        summary(&diags)
    );
}

/// "demi-finale" is not a "finale"; "Cette finale" is the one just
/// spoken of; "face au Portugal", "en battant la Croatie" name the
/// opponent, not the place.
#[test]
fn compounds_demonstratives_and_opponents() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2018-07-16\n---\nLa demi-finale remportée mardi 10 juillet à \
                 Saint-Pétersbourg face à la Belgique a ravivé les souvenirs. La France a \
                 remporté dimanche la Coupe du monde en battant la Croatie en finale à Moscou, \
                 avec Didier Deschamps.",
            ),
            (
                "b.md",
                "---\ndate: 2018-07-16\n---\nLa finale de Moscou contre la Croatie a été gagnée \
                 le 15 juillet. Cette finale, jouée à Saint-Pétersbourg, restera.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("b.md", "Saint-Pétersbourg")],
        "{}",
        summary(&diags)
    );
    assert!(
        of_kind(&diags, Kind::DateContradiction).is_empty(),
        "{}",
        summary(&diags)
    );
}

/// A mention whose day and place are another event's is that event:
/// the visit of 7 October at Tende is the president's, and the prime
/// minister named for it is the wrong visitor, not a wrong date.
#[test]
fn the_day_and_place_stated_say_which_visit() {
    let diags = lint_texts(
        STORY,
        &[(
            "a.md",
            "---\ndate: 2025-10-02\n---\nLe 7 octobre 2020, la visite effectuée à Tende par Jean \
             Castex avait marqué le début d'un chantier.",
        )],
    );
    assert!(
        of_kind(&diags, Kind::DateContradiction).is_empty()
            && of_kind(&diags, Kind::LocationContradiction).is_empty(),
        "{}",
        summary(&diags)
    );
    assert_eq!(
        of_kind(&diags, Kind::ParticipantContradiction),
        [pair("a.md", "Jean Castex")],
        "{}",
        summary(&diags)
    );
}

/// The agent of a participle that qualifies another noun is not the
/// event's party ("l'opposition emmenée par…"); a role in the event is
/// ("le réseau, présenté par…", "le conseil, présidé par…").
/// An article published months before the vote compares nothing.
#[test]
fn agents_of_other_verbs_and_articles_before_the_event() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2025-03-19\n---\nLe réseau de bus a été adopté mardi à l'hôtel \
                 communautaire. L'opposition emmenée par Gilles Ravenot a voté contre le réseau. \
                 Le réseau de bus, présenté par Gilles Ravenot, a été adopté mardi.",
            ),
            (
                "b.md",
                "---\ndate: 2025-01-10\n---\nLe pôle de santé de Lanciac, voté par Gilles Ravenot, \
                 sera soumis au vote des élus à Lanciac.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::ParticipantContradiction),
        [pair("a.md", "Gilles Ravenot")],
        "{}",
        summary(&diags)
    );
    assert!(
        of_kind(&diags, Kind::LocationContradiction).is_empty(),
        "{}",
        summary(&diags)
    );
}

const SCHENGEN: &str = r#"
[[entity]]
id = "schengen"
name = "Schengen"
kind = "place"
source = "s"

[[entity]]
id = "goebbels"
name = "Robert Goebbels"
kind = "person"
source = "s"

[[entity]]
id = "santer"
name = "Jacques Santer"
kind = "person"
source = "s"

[[entity]]
id = "gonesse"
name = "Gonesse"
kind = "place"
source = "s"

[[event]]
id = "accord"
name = "Signature de l'accord de Schengen"
names = ["accord de Schengen"]
words = ["accord", "sign*"]
entities = ["schengen", "goebbels"]
date = "1985-06-14"
place = "schengen"
participants = ["goebbels"]
source = "s"

[[event]]
id = "convention"
name = "Signature de la convention d'application"
names = ["convention d'application"]
words = ["convention", "sign*"]
entities = ["schengen"]
date = "1990-06-19"
place = "schengen"
source = "s"

[[event]]
id = "application"
name = "Entrée en application de la convention de Schengen"
names = ["entrée en application"]
words = ["application"]
entities = ["schengen"]
date = "1995-03-26"
source = "s"

[[event]]
id = "crash"
name = "Crash du Concorde"
names = ["crash du Concorde"]
words = ["crash", "accident"]
entities = ["gonesse"]
date = "2000-07-25"
place = "gonesse"
source = "s"

[[event.figure]]
id = "passagers"
unit = "passager"
value = 100
source = "s"
"#;

/// "les signataires de 1985 … pour signer la convention": a date after
/// "de" completes the noun before it; a party named alone, beside the
/// event, is compared when the article establishes the event; a word
/// completing another event's name gives that one the facts around;
/// "les 109 passagers et membres d'équipage" counts two kinds together.
#[test]
fn complements_parties_and_counts_of_two_kinds() {
    let diags = lint_texts(
        SCHENGEN,
        &[
            (
                "a.md",
                "---\ndate: 2025-06-19\n---\nLe mercredi 19 juin 1990, les représentants des \
                 pays signataires de 1985 se retrouvaient à Schengen pour signer la convention \
                 d'application.",
            ),
            (
                "b.md",
                "---\ndate: 2025-06-14\n---\nL'accord de Schengen a été signé le 14 juin 1985 à \
                 Schengen. Le texte a été signé pour le Luxembourg par Jacques Santer.",
            ),
            (
                "c.md",
                "---\ndate: 2025-03-26\n---\nÀ Schengen, un panneau est consacré à l'entrée en \
                 application des accords, le 26 mars 1996.",
            ),
            (
                "d.md",
                "---\ndate: 2025-07-25\n---\nLe crash du Concorde à Gonesse a fait 113 morts : \
                 les 109 passagers et membres d'équipage et quatre personnes au sol.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("c.md", "26 mars 1996")],
        "{}",
        summary(&diags)
    );
    assert_eq!(
        of_kind(&diags, Kind::ParticipantContradiction),
        [pair("b.md", "Jacques Santer")],
        "{}",
        summary(&diags)
    );
    assert!(
        of_kind(&diags, Kind::NumberContradiction).is_empty(),
        "{}",
        summary(&diags)
    );
}

/// A date without a year in a sentence in the future, whose weekday fits
/// the coming occurrence and not the past one, is the coming one.
#[test]
fn a_weekday_in_the_future_tense_fits_the_coming_year() {
    let article = |weekday: &str| {
        format!(
            "---\ndate: 2025-03-19\n---\nLe réseau remplacera à partir du {weekday} 1er septembre \
             les lignes actuelles."
        )
    };
    let diags = lint_texts(
        STORY,
        &[("a.md", &article("lundi")), ("b.md", &article("mardi"))],
    );
    assert_eq!(
        of_kind(&diags, Kind::WeekdayMismatch),
        [pair("b.md", "mardi 1er septembre")],
        "{}",
        summary(&diags)
    );
}

const TRIALS: &str = r#"
[[entity]]
id = "biechlin"
name = "Serge Biechlin"
kind = "person"
source = "s"

[[entity]]
id = "paris"
name = "Paris"
kind = "place"
source = "s"

[[entity]]
id = "toulouse"
name = "Toulouse"
kind = "place"
source = "s"

[[entity]]
id = "lisbonne"
name = "Lisbonne"
kind = "place"
source = "s"

[[entity]]
id = "saint-denis"
name = "Saint-Denis"
kind = "place"
source = "s"

[[entity]]
id = "costa"
name = "Costa Concordia"
kind = "organisation"
source = "s"

[[event]]
id = "arret"
name = "Arrêt de la cour d'appel de Paris"
words = ["arrêt", "condamn*"]
entities = ["biechlin", "paris"]
date = "2017-10-31"
place = "paris"
source = "s"

[[event.figure]]
id = "peine"
unit = "an"
value = 3
source = "s"

[[event]]
id = "explosion"
name = "Explosion de l'usine"
words = ["explosion", "catastrophe"]
entities = ["toulouse"]
date = "2001-09-21"
place = "toulouse"
source = "s"

[[event.figure]]
id = "blesses"
unit = "blessé"
value = 2500
source = "s"

[[event.figure]]
id = "morts"
unit = "mort"
value = 31
source = "s"

[[event]]
id = "finale"
name = "Finale de l'Euro 2016"
names = ["finale de l'Euro 2016"]
words = ["finale"]
entities = ["saint-denis"]
date = "2016-07-10"
place = "saint-denis"
source = "s"

[[event]]
id = "naufrage"
name = "Naufrage du Costa Concordia"
words = ["naufrage"]
entities = ["costa"]
date = "2012-01-13"
source = "s"
"#;

/// What does not contradict: a date years off with only an entity
/// beside it (another trial of the same defendant), "des milliers", an
/// age, the final of another year named like the declared one, the
/// anniversary of an undeclared ship after "dont".
#[test]
fn another_trial_vague_counts_ages_other_finals_other_ships() {
    let diags = lint_texts(
        TRIALS,
        &[
            (
                "a.md",
                "---\ndate: 2021-09-21\n---\nSerge Biechlin a été condamné en appel à Toulouse le \
                 24 septembre 2012. La catastrophe de Toulouse avait fait des milliers de blessés. \
                 Serge Biechlin, 54 ans, a été condamné à Paris le 31 octobre 2017.",
            ),
            (
                "b.md",
                "---\ndate: 2024-01-13\n---\nLa finale de l'Euro 2004, perdue à Lisbonne, reste un \
                 souvenir. Le naufrage du Costa Concordia a eu lieu en 2012. Et le Titanic, dont on \
                 marquera en avril le 112e anniversaire du naufrage, fascine.",
            ),
            (
                "c.md",
                "---\ndate: 2021-09-21\n---\nSerge Biechlin a été condamné à Paris le 31 octobre \
                 2016. La catastrophe de Toulouse avait fait 250 blessés.",
            ),
        ],
    );
    let all: Vec<_> = [
        Kind::DateContradiction,
        Kind::LocationContradiction,
        Kind::NumberContradiction,
        Kind::AnniversaryMismatch,
    ]
    .iter()
    .flat_map(|&k| of_kind(&diags, k))
    .collect();
    assert_eq!(
        all,
        [pair("c.md", "31 octobre 2016"), pair("c.md", "250")],
        "{}",
        summary(&diags)
    );
}

/// What is found: the month right a year off beside the event's entity,
/// "32 morts et quelque 2 500 blessés" (two counts), a date after the
/// participle that follows the event's name; the entry into force's date
/// is not the signing's.
#[test]
fn slips_found_beside_other_acts() {
    let diags = lint_texts(
        TRIALS,
        &[
            (
                "a.md",
                "---\ndate: 2021-09-21\n---\nSerge Biechlin n'a été condamné qu'en octobre 2018. \
                 L'explosion de Toulouse a fait 32 morts et quelque 2 500 blessés.",
            ),
            (
                "b.md",
                "---\ndate: 2021-07-10\n---\nLa finale de l'Euro 2016, perdue le 10 juin 2016, \
                 reste douloureuse.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [
            pair("a.md", "en octobre 2018"),
            pair("b.md", "10 juin 2016")
        ],
        "{}",
        summary(&diags)
    );
    assert_eq!(
        of_kind(&diags, Kind::NumberContradiction),
        [pair("a.md", "32")],
        "{}",
        summary(&diags)
    );
}

/// A relative clause whose verb is the event's own keeps its date ("la
/// délibération du conseil … qui a adopté le 19 mars"); "dont on fêtera
/// en juillet le 6e anniversaire" counts from the event "dont" stands for.
#[test]
fn the_events_own_verb_in_a_relative_clause_and_dont_anniversaries() {
    let diags = lint_texts(
        STORY,
        &[
            (
                "a.md",
                "---\ndate: 2025-04-08\n---\nL'opposition conteste la délibération du conseil de \
                 Valcréaux Agglomération qui a adopté le 19 mars le réseau de bus.",
            ),
            (
                "b.md",
                "---\ndate: 2023-01-15\n---\nLa finale de 2018, dont on fêtera en juillet le 4e \
                 anniversaire, reste dans les mémoires.",
            ),
            (
                "c.md",
                "---\ndate: 2023-01-15\n---\nLa finale de 2018, dont on fêtera en juillet le 5e \
                 anniversaire, reste dans les mémoires.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("a.md", "19 mars")],
        "{}",
        summary(&diags)
    );
    assert_eq!(
        of_kind(&diags, Kind::AnniversaryMismatch),
        [pair("b.md", "4e anniversaire")],
        "{}",
        summary(&diags)
    );
}

/// A tunnel fire, the tunnel's inauguration and an anniversary of it:
/// the dispatch's dateline, a day written without its year, a date the
/// sentence gives to another time ("plus tôt").
const TUNNEL: &str = r#"
[[entity]]
id = "tunnel"
name = "tunnel du Mont-Blanc"
kind = "place"
source = "s"

[[entity]]
id = "chamonix"
name = "Chamonix"
kind = "place"
source = "s"

[[event]]
id = "incendie"
name = "Incendie du tunnel du Mont-Blanc"
words = ["incendie"]
entities = ["tunnel"]
date = "1999-03-24"
place = "tunnel"
source = "s"

[[event]]
id = "inauguration"
name = "Inauguration du tunnel du Mont-Blanc"
words = ["inaugur*"]
entities = ["tunnel"]
date = "1965-07-16"
source = "s"

[[event]]
id = "travaux"
name = "Travaux de 1966 dans le tunnel du Mont-Blanc"
words = ["travaux"]
entities = ["tunnel"]
date = "1966-05-02"
source = "s"
"#;

/// "CHAMONIX (Haute-Savoie), 26 mars (AFP) —" dates the dispatch, even
/// without its year; "Le 24 mars" in a piece of 2021 on 1999 is the
/// fire's day; "les travaux … menés un an plus tôt" are not dated by the
/// sentence's day, but "quatre jours plus tôt, le 16 juillet 1965" is.
#[test]
fn datelines_yearless_days_and_times_given_from_the_sentence() {
    let diags = lint_texts(
        TUNNEL,
        &[
            (
                "a.md",
                "---\ndate: 1999-03-26\n---\nCHAMONIX (Haute-Savoie), 26 mars (AFP) — Environ trente \
                 personnes ont péri dans l'incendie qui ravage le tunnel du Mont-Blanc.",
            ),
            (
                "b.md",
                "---\ndate: 2021-10-24\n---\nLa série noire avait commencé au printemps 1999. \
                 Le 24 mars, l'incendie d'un camion dans le tunnel du Mont-Blanc faisait 39 morts.",
            ),
            (
                "c.md",
                "---\ndate: 2015-07-20\n---\nLe 20 juillet 1965, les premiers camions \
                 empruntaient le tunnel du Mont-Blanc, inauguré quatre jours plus tôt.",
            ),
            (
                "d.md",
                "---\ndate: 2015-07-20\n---\nLe 20 juillet 1967, les camions passaient enfin le \
                 tunnel du Mont-Blanc, après les travaux menés un an plus tôt.",
            ),
            (
                "e.md",
                "---\ndate: 2015-07-20\n---\nLe tunnel du Mont-Blanc, inauguré quatre jours plus \
                 tôt, le 12 juillet 1965, a ouvert aux camions.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("e.md", "12 juillet 1965")],
        "{}",
        summary(&diags)
    );
}

/// The year a "50e anniversaire" is celebrated in is never that of an
/// event before the one counted from: "s'est tenu samedi au palais" is a
/// day, and the tunnel's works of 1966 cannot be the celebration.
#[test]
fn an_anniversary_is_celebrated_after_its_event() {
    let diags = lint_texts(
        TUNNEL,
        &[
            (
                "a.md",
                "---\ndate: 2015-07-20\n---\nLes travaux de 1966 ont suivi de peu. À Chamonix, un \
                 colloque s'est tenu samedi au palais des congrès pour marquer le 50e \
                 anniversaire de l'inauguration du tunnel du Mont-Blanc.",
            ),
            (
                "b.md",
                "---\ndate: 2015-07-20\n---\nLes travaux de 1966 ont suivi de peu. À Chamonix, un \
                 colloque s'est tenu samedi au palais des congrès pour marquer le 40e \
                 anniversaire de l'inauguration du tunnel du Mont-Blanc.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::AnniversaryMismatch),
        [pair("b.md", "40e anniversaire")],
        "{}",
        summary(&diags)
    );
}

/// A stem matches the act's words, not words of another sense that
/// start alike: "sign*" is not "signalétique", "adopt*" not "adoptif".
#[test]
fn a_stem_does_not_match_words_of_another_sense() {
    const RULES: &str = r#"
[[entity]]
id = "parc"
name = "hôtel du Parc"
kind = "place"
source = "s"

[[entity]]
id = "royal"
name = "hôtel Royal"
kind = "place"
source = "s"

[[event]]
id = "accords"
name = "Signature des accords"
words = ["sign*", "adopt*"]
entities = ["parc"]
date = "1962-03-18"
place = "parc"
source = "s"
"#;
    let diags = lint_texts(
        RULES,
        &[
            (
                "a.md",
                "La ville réfléchit à une signalétique reliant l'hôtel Royal et l'hôtel du Parc.",
            ),
            (
                "b.md",
                "Le père adoptif, venu de l'hôtel du Parc, dort à l'hôtel Royal.",
            ),
            (
                "c.md",
                "L'hôtel du Parc attendait les délégations. Les accords ont été signés le 18 \
                 mars 1962 à l'hôtel Royal.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("c.md", "hôtel Royal")],
        "{}",
        summary(&diags)
    );
}

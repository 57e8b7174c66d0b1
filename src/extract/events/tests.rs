//! Linking and attachment on whole articles: what the sentence's
//! structure gives an event, and what it gives another act.

use crate::diagnostic::Kind;
use crate::engine::tests::{lint_texts, summary};

/// The findings of `kind`, as (file, flagged text).
fn of_kind(diags: &[crate::diagnostic::Diagnostic], kind: Kind) -> Vec<(String, String)> {
    diags
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| (d.file.clone(), d.text.clone()))
        .collect()
}

fn pair(file: &str, text: &str) -> (String, String) {
    (file.to_string(), text.to_string())
}

const WALL: &str = r#"
[[entity]]
id = "berlin"
name = "Berlin"
kind = "place"
source = "s"

[[entity]]
id = "allemagne"
name = "Allemagne"
kind = "place"
source = "s"

[[event]]
id = "chute"
name = "Chute du mur de Berlin"
words = ["chute", "ouverture"]
entities = ["berlin"]
date = "1989-11-09"
source = "s"

[[event]]
id = "reunification"
name = "Réunification allemande"
words = ["réunification"]
entities = ["allemagne"]
date = "1990-10-03"
source = "s"
"#;

/// A date in a relative clause dates the clause's act unless its
/// antecedent is the event word.
#[test]
fn a_relative_clause_dates_its_own_antecedent() {
    let article = |second: &str| {
        format!(
            "---\ndate: 2019-11-09\n---\nÀ Berlin, la chute du Mur a eu lieu le 9 novembre 1989. {second}"
        )
    };
    let diags = lint_texts(
        WALL,
        &[
            (
                "a.md",
                &article(
                    "Krenz, qui avait remplacé Honecker le 18 octobre 1989, comptait sur une ouverture à Berlin.",
                ),
            ),
            (
                "b.md",
                &article("À Berlin, la chute du Mur, qui a eu lieu le 10 novembre 1989, surprit."),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("b.md", "10 novembre 1989")],
        "{}",
        summary(&diags)
    );
}

/// A semicolon ends the clause: the date before it is not the next
/// clause's event's.
#[test]
fn a_semicolon_ends_what_a_date_belongs_to() {
    let diags = lint_texts(
        WALL,
        &[(
            "a.md",
            "---\ndate: 2019-11-09\n---\nÀ Berlin, la chute du Mur a eu lieu le 9 novembre 1989. \
             À Berlin, tout se joua le 18 octobre 1989 ; la chute du Mur suivit.",
        )],
    );
    assert!(
        of_kind(&diags, Kind::DateContradiction).is_empty(),
        "{}",
        summary(&diags)
    );
}

/// The event another date counts from keeps the date joined to its word:
/// "après la réunification du 3 octobre 1989" misdates it; a date of the
/// sentence not joined to it does not.
#[test]
fn the_event_counted_from_keeps_its_joined_date() {
    let diags = lint_texts(
        WALL,
        &[
            (
                "a.md",
                "---\ndate: 2021-08-13\n---\nEn Allemagne, la famille n'a été réunie qu'après la réunification du 3 octobre 1989.",
            ),
            (
                "b.md",
                "---\ndate: 2021-08-13\n---\nEn Allemagne, trois ans après la réunification, le 3 octobre 1993, ils se sont mariés.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("a.md", "3 octobre 1989")],
        "{}",
        summary(&diags)
    );
}

const PLANTS: &str = r#"
[[entity]]
id = "ukraine"
name = "Ukraine"
kind = "place"
source = "s"

[[entity]]
id = "tchernobyl"
name = "Tchernobyl"
kind = "place"
within = ["ukraine"]
source = "s"

[[entity]]
id = "zaporijia"
name = "Zaporijia"
kind = "place"
within = ["ukraine"]
source = "s"

[[event]]
id = "prise-tchernobyl"
name = "Prise de la centrale de Tchernobyl"
words = ["prise"]
entities = ["tchernobyl"]
date = "2022-02-24"
place = "tchernobyl"
source = "s"
"#;

/// Another place named before the event word ("La centrale de Zaporijia
/// … a été prise") stops the article's other mentions from vouching for
/// the mention; without it, they do.
#[test]
fn another_place_before_the_event_word_is_another_event() {
    let article = |second: &str| {
        format!(
            "---\ndate: 2022-04-01\n---\nLes soldats sont partis.\n\n\
             La centrale de Tchernobyl avait été prise le 24 février. {second}\n"
        )
    };
    let diags = lint_texts(
        PLANTS,
        &[
            (
                "a.md",
                &article("La centrale de Zaporijia a été prise le 4 mars par l'armée."),
            ),
            (
                "b.md",
                &article("La centrale a été prise le 4 mars par l'armée, selon Kiev."),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("b.md", "4 mars")],
        "{}",
        summary(&diags)
    );
}

const VOTES: &str = r#"
[[entity]]
id = "ormeville"
name = "Ormeville"
kind = "place"
source = "s"

[[event]]
id = "tram"
name = "Vote du tramway"
words = ["vote", "approuvé"]
entities = ["ormeville"]
date = "2025-10-14"
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
role = "pour"
value = 31
source = "s"

[[event]]
id = "piscine"
name = "Vote de la piscine"
words = ["vote", "approuvé", "rénovation"]
entities = ["ormeville"]
names = ["rénovation de la piscine"]
date = "2025-10-28"
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
role = "pour"
value = 27
source = "s"
"#;

/// A word two events share goes to the one the sentence names after it,
/// and, between events the sentence's entities tie, to the one whose day
/// the sentence states.
#[test]
fn a_shared_word_goes_to_the_named_event_or_to_the_one_of_the_day() {
    let diags = lint_texts(
        VOTES,
        &[
            (
                "a.md",
                "---\ndate: 2025-10-29\n---\nÀ Ormeville, réunis mardi soir, les élus ont approuvé la rénovation de la piscine par 27 voix pour.",
            ),
            (
                "b.md",
                "---\ndate: 2025-10-29\n---\nLe 14 octobre, à Ormeville, le vote avait recueilli 31 voix pour.",
            ),
            (
                "c.md",
                "---\ndate: 2025-10-29\n---\nLe 14 octobre, à Ormeville, le vote avait recueilli 13 voix pour.",
            ),
        ],
    );
    let found: Vec<_> = diags
        .iter()
        .filter(|d| matches!(d.kind, Kind::DateContradiction | Kind::NumberContradiction))
        .map(|d| (d.file.clone(), d.text.clone()))
        .collect();
    assert_eq!(found, [pair("c.md", "13")], "{}", summary(&diags));
}

const TOUR: &str = r#"
[[entity]]
id = "pyongyang"
name = "Pyongyang"
kind = "place"
source = "s"

[[entity]]
id = "poutine"
name = "Vladimir Poutine"
kind = "person"
forms = ["Poutine"]
source = "s"

[[entity]]
id = "vietnam"
name = "Vietnam"
kind = "place"
source = "s"

[[event]]
id = "visite"
name = "Visite de Poutine à Pyongyang"
words = ["visite"]
entities = ["pyongyang", "poutine"]
date = "2024-06-19"
place = "pyongyang"
source = "s"
"#;

/// "À la suite de cette visite" and "Après Pyongyang" name a point of
/// reference: the next stop's place and dates are not the visit's.
#[test]
fn the_next_stop_of_a_tour_is_not_the_visit() {
    let diags = lint_texts(
        TOUR,
        &[
            (
                "a.md",
                "---\ndate: 2024-06-18\n---\nPoutine arrive à Pyongyang pour une visite le 19 juin. \
                 À la suite de cette visite, Poutine se rendra les 19 et 20 juin au Vietnam.",
            ),
            (
                "b.md",
                "---\ndate: 2024-06-21\n---\nPoutine était à Pyongyang le 19 juin pour une visite. \
                 Après Pyongyang, celui-ci s'est envolé pour le Vietnam, où il est arrivé jeudi pour une visite d'État.",
            ),
        ],
    );
    let found: Vec<_> = diags
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                Kind::DateContradiction | Kind::LocationContradiction
            )
        })
        .map(|d| (d.file.clone(), d.text.clone()))
        .collect();
    assert!(found.is_empty(), "{}", summary(&diags));
}

const CEREMONY: &str = r#"
[[entity]]
id = "calvados"
name = "Calvados"
kind = "place"
source = "s"

[[entity]]
id = "colleville"
name = "Colleville-sur-Mer"
kind = "place"
within = ["calvados"]
source = "s"

[[entity]]
id = "portsmouth"
name = "Portsmouth"
kind = "place"
source = "s"

[[entity]]
id = "courseulles"
name = "Courseulles-sur-Mer"
kind = "place"
within = ["calvados"]
source = "s"

[[entity]]
id = "macron"
name = "Emmanuel Macron"
kind = "person"
source = "s"

[[entity]]
id = "trump"
name = "Donald Trump"
kind = "person"
source = "s"

[[event]]
id = "ceremonie"
name = "Cérémonie franco-américaine à Colleville-sur-Mer"
words = ["cérémonie"]
entities = ["colleville", "trump"]
participants = ["macron", "trump"]
date = "2019-06-06"
place = "colleville"
source = "s"
"#;

/// "Les cérémonies" are the day's ceremonies, not the declared one: the
/// place of one of them is not the declared ceremony's.
#[test]
fn a_plural_of_the_event_word_speaks_of_several_events() {
    let article = |second: &str| {
        format!(
            "---\ndate: 2019-06-06\n---\nLa cérémonie de Colleville-sur-Mer a réuni Emmanuel Macron et Donald Trump. {second}"
        )
    };
    let diags = lint_texts(
        CEREMONY,
        &[
            (
                "a.md",
                &article(
                    "Les cérémonies ont débuté à Portsmouth en présence d'Emmanuel Macron et de Donald Trump.",
                ),
            ),
            (
                "b.md",
                &article(
                    "La cérémonie s'est tenue à Portsmouth en présence d'Emmanuel Macron et de Donald Trump.",
                ),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("b.md", "Portsmouth")],
        "{}",
        summary(&diags)
    );
}

/// "une cérémonie canadienne se tiendra à Courseulles" brings in another
/// ceremony: the article's mention of the declared one does not vouch
/// for it; "la cérémonie" going back to it does.
#[test]
fn an_indefinite_event_word_is_not_lent_the_article_s_event() {
    let article = |second: &str| {
        format!(
            "---\ndate: 2019-06-06\n---\nLa cérémonie a réuni Emmanuel Macron et Donald Trump à Colleville-sur-Mer. {second}"
        )
    };
    let diags = lint_texts(
        CEREMONY,
        &[
            (
                "a.md",
                &article("Ensuite, une cérémonie canadienne se tiendra à Courseulles-sur-Mer."),
            ),
            (
                "b.md",
                &article("Ensuite, la cérémonie se poursuivra à Courseulles-sur-Mer."),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("b.md", "Courseulles-sur-Mer")],
        "{}",
        summary(&diags)
    );
}

const QUAKE: &str = r#"
[[entity]]
id = "turquie"
name = "Turquie"
kind = "place"
source = "s"

[[entity]]
id = "kahramanmaras"
name = "Kahramanmaraş"
forms = ["Kahramanmaras"]
kind = "place"
within = ["turquie"]
source = "s"

[[entity]]
id = "syrie"
name = "Syrie"
kind = "place"
source = "s"

[[entity]]
id = "liban"
name = "Liban"
kind = "place"
source = "s"

[[event]]
id = "seisme"
name = "Séisme de Turquie et de Syrie"
words = ["séisme"]
entities = ["turquie", "syrie", "kahramanmaras"]
date = "2023-02-06"
place = "kahramanmaras"
source = "s"
"#;

/// A place joined by "et" to one that agrees, or to another of the
/// event's own places, is one of several the event spans.
#[test]
fn places_joined_by_et_are_places_the_event_spans() {
    let article = |sentence: &str| format!("---\ndate: 2023-02-07\n---\n{sentence}");
    let diags = lint_texts(
        QUAKE,
        &[
            (
                "a.md",
                &article(
                    "Des milliers de personnes ont été tuées lundi dans le sud-est de la Turquie et en Syrie voisine par un puissant séisme.",
                ),
            ),
            (
                "b.md",
                &article(
                    "Des milliers de personnes ont été tuées lundi en Syrie par un puissant séisme près de Kahramanmaras.",
                ),
            ),
            (
                "c.md",
                &article(
                    "Le séisme de lundi a frappé au Liban, selon les premières informations venues de Turquie.",
                ),
            ),
        ],
    );
    let places = of_kind(&diags, Kind::LocationContradiction);
    assert!(
        !places.iter().any(|(f, _)| f == "a.md"),
        "{}",
        summary(&diags)
    );
    assert!(
        places.contains(&pair("c.md", "Liban")),
        "{}",
        summary(&diags)
    );
}

const IVG: &str = r#"
[[entity]]
id = "assemblee"
name = "Assemblée nationale"
kind = "organisation"
source = "s"

[[event]]
id = "vote-assemblee"
name = "Vote de l'Assemblée nationale"
words = ["voté", "adopté*"]
entities = ["assemblee"]
date = "2024-01-30"
source = "s"
"#;

/// The word whose agent is the event's entity ("celle adoptée par
/// l'Assemblée nationale le 30 janvier") is the sentence's mention of the
/// event, not an earlier word that only shares its sentence.
#[test]
fn the_event_word_with_the_event_s_agent_is_the_sentence_s_mention() {
    let article = |sentence: &str| format!("---\ndate: 2024-02-28\n---\n{sentence}");
    let diags = lint_texts(
        IVG,
        &[
            (
                "a.md",
                &article(
                    "Ce mercredi 28 février, les sénateurs ont voté le texte de l'inscription dans une version conforme à celle adoptée par l'Assemblée nationale le 30 janvier.",
                ),
            ),
            (
                "b.md",
                &article(
                    "Ce mercredi 28 février, les sénateurs ont voté le texte de l'inscription dans une version conforme à celle adoptée par l'Assemblée nationale le 31 janvier.",
                ),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("b.md", "31 janvier")],
        "{}",
        summary(&diags)
    );
}

const COUNCIL: &str = r#"
[[entity]]
id = "sorgeval"
name = "Sorgeval"
kind = "place"
source = "s"

[[entity]]
id = "college"
name = "collège des Tilleuls"
kind = "place"
within = ["sorgeval"]
source = "s"

[[entity]]
id = "bramonsac"
name = "Bramonsac"
kind = "place"
source = "s"

[[entity]]
id = "hotel"
name = "hôtel du Département"
kind = "place"
source = "s"

[[event]]
id = "vote-deviation"
name = "Vote de la déviation de Bramonsac"
words = ["déviation", "adopté*"]
entities = ["bramonsac"]
date = "2025-03-17"
place = "hotel"
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
role = "pour"
value = 31
source = "s"

[[event.figure]]
id = "contre"
unit = "voix"
role = "contre"
value = 9
source = "s"

[[event]]
id = "vote-college"
name = "Vote de la rénovation du collège des Tilleuls"
words = ["rénovation"]
names = ["rénovation du collège des Tilleuls"]
entities = ["college"]
date = "2025-03-31"
place = "hotel"
source = "s"
"#;

/// "le projet de déviation de Bramonsac": an entity of the event that
/// completes its word names it, it is not where the vote was; "le collège
/// des Tilleuls, à Sorgeval" locates the college; "31 voix contre 9" gives
/// the votes for, then those against.
#[test]
fn what_completes_the_event_word_or_locates_another_place_is_not_the_event_s_place() {
    let article = |sentence: &str| format!("---\ndate: 2025-03-18\n---\n{sentence}");
    let diags = lint_texts(
        COUNCIL,
        &[
            (
                "a.md",
                &article(
                    "Le conseil départemental a adopté, lundi 17 mars, le projet de déviation de Bramonsac, par 31 voix contre 9. Le 31 mars, les élus examineront la rénovation du collège des Tilleuls, à Sorgeval.",
                ),
            ),
            (
                "b.md",
                &article(
                    "Le conseil départemental a adopté, lundi 17 mars, à Bramonsac, le projet de déviation par 13 voix contre 9.",
                ),
            ),
        ],
    );
    let found: Vec<(String, String)> = diags
        .iter()
        .filter(|d| d.kind.as_str().ends_with("contradiction"))
        .map(|d| (d.file.clone(), d.text.clone()))
        .collect();
    assert_eq!(
        found,
        [pair("b.md", "Bramonsac"), pair("b.md", "13")],
        "{}",
        summary(&diags)
    );
}

/// A semicolon ends what the clause names: "Les capsules Mercury
/// amerrissaient dans l'Atlantique ; celles d'Apollo 11 ont rejoint le
/// Pacifique" does not place Apollo 11 in the Atlantic.
#[test]
fn an_entity_after_a_semicolon_does_not_link_the_clause_before() {
    let rules = r#"
[[entity]]
id = "pacifique"
name = "océan Pacifique"
forms = ["Pacifique"]
kind = "place"
source = "s"

[[entity]]
id = "atlantique"
name = "océan Atlantique"
forms = ["Atlantique"]
kind = "place"
source = "s"

[[event]]
id = "amerrissage"
name = "Amerrissage d'Apollo 11"
words = ["amerri*"]
entities = ["pacifique"]
date = "1969-07-24"
place = "pacifique"
source = "s"
"#;
    let article = |sentence: &str| format!("---\ndate: 2019-07-24\n---\n{sentence}");
    let diags = lint_texts(
        rules,
        &[
            (
                "a.md",
                &article(
                    "Les capsules Mercury amerrissaient dans l'Atlantique ; celles d'Apollo ont rejoint le Pacifique.",
                ),
            ),
            (
                "b.md",
                &article(
                    "La capsule a amerri dans l'Atlantique, loin du Pacifique attendu, le 24 juillet 1969.",
                ),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::LocationContradiction),
        [pair("b.md", "Atlantique")],
        "{}",
        summary(&diags)
    );
}

/// A participle right after the noun it qualifies dates that noun's act:
/// "L'information judiciaire ouverte en juin 2019 pour … incendie".
#[test]
fn a_participle_after_its_noun_dates_that_noun_s_act() {
    let article = |sentence: &str| {
        format!(
            "---\ndate: 2025-04-15\n---\nL'incendie de Notre-Dame a eu lieu le 15 avril 2019. {sentence}"
        )
    };
    let rules = r#"
[[entity]]
id = "notre-dame"
name = "Notre-Dame"
kind = "place"
source = "s"

[[event]]
id = "incendie"
name = "Incendie de Notre-Dame"
words = ["incendie"]
entities = ["notre-dame"]
date = "2019-04-15"
source = "s"
"#;
    let diags = lint_texts(
        rules,
        &[
            (
                "a.md",
                &article(
                    "L'information judiciaire ouverte en juin 2019 pour dégradation par incendie à Notre-Dame piétine.",
                ),
            ),
            (
                "b.md",
                &article("En juin 2019, l'incendie de Notre-Dame restait dans les mémoires."),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::DateContradiction),
        [pair("b.md", "En juin 2019")],
        "{}",
        summary(&diags)
    );
}

/// "En septembre, la France célébrera le 30e anniversaire" in February:
/// the September to come. "Le collège, qui célébrera son 50e
/// anniversaire" is the college's, not an event the rules declare.
#[test]
fn an_anniversary_to_come_and_one_of_an_undeclared_subject() {
    let rules = r#"
[[entity]]
id = "france"
name = "France"
kind = "place"
source = "s"

[[event]]
id = "referendum"
name = "Référendum sur le traité de Maastricht"
words = ["référendum"]
entities = ["france"]
date = "1992-09-20"
source = "s"
"#;
    let article = |sentence: &str| format!("---\ndate: 2022-02-07\n---\n{sentence}");
    let diags = lint_texts(
        rules,
        &[
            (
                "a.md",
                &article("En septembre, la France célébrera le 30e anniversaire du référendum."),
            ),
            (
                "b.md",
                &article("En septembre, la France célébrera le 31e anniversaire du référendum."),
            ),
            (
                "c.md",
                &article(
                    "Le référendum a eu lieu en France. Le collège, qui célébrera en septembre son 50e anniversaire, a voté.",
                ),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::AnniversaryMismatch),
        [pair("b.md", "31e anniversaire")],
        "{}",
        summary(&diags)
    );
}

/// An anniversary counts from a declared name after it ("le 54e
/// anniversaire des premiers pas sur la Lune") and from the event before
/// "dont le Ne anniversaire".
#[test]
fn an_anniversary_counts_from_a_declared_name_and_after_dont() {
    let rules = r#"
[[entity]]
id = "lune"
name = "Lune"
kind = "place"
source = "s"

[[event]]
id = "alunissage"
name = "Alunissage d'Apollo 11"
words = ["alunissage"]
names = ["premiers pas sur la Lune"]
entities = ["lune"]
date = "1969-07-21"
source = "s"
"#;
    let article = |sentence: &str| format!("---\ndate: 2024-07-22\n---\n{sentence}");
    let diags = lint_texts(
        rules,
        &[
            (
                "a.md",
                &article("Ce week-end marquait le 54e anniversaire des premiers pas sur la Lune."),
            ),
            (
                "b.md",
                &article(
                    "L'alunissage sur la Lune, le 21 juillet 1969, dont le 54e anniversaire a été fêté ce mois-ci, le 21 juillet 2024, reste un symbole.",
                ),
            ),
            (
                "c.md",
                &article("Ce week-end marquait le 55e anniversaire des premiers pas sur la Lune."),
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::AnniversaryMismatch),
        [
            pair("a.md", "54e anniversaire"),
            pair("b.md", "54e anniversaire")
        ],
        "{}",
        summary(&diags)
    );
}

/// A figure near the event's declared name is the event's, however far
/// the verb: "a adopté lundi soir, dans la salle des fêtes de Villedieu,
/// son plan local d'urbanisme intercommunal, par 27 voix pour et 9
/// contre".
#[test]
fn a_figure_near_the_event_s_name_is_the_event_s() {
    let rules = r#"
[[entity]]
id = "villedieu"
name = "Villedieu"
kind = "place"
source = "s"

[[event]]
id = "plui"
name = "Adoption du plan local d'urbanisme intercommunal"
words = ["adopt*"]
names = ["plan local d'urbanisme intercommunal"]
entities = ["villedieu"]
date = "2025-03-17"
source = "s"

[[event.figure]]
id = "contre"
unit = "voix"
role = "contre"
value = 6
source = "s"
"#;
    let article = |n: u32| {
        format!(
            "---\ndate: 2025-03-18\n---\nLe conseil communautaire a adopté lundi soir, dans la grande salle des fêtes municipale de la commune de Villedieu, son plan local d'urbanisme intercommunal, par 27 voix pour et {n} contre."
        )
    };
    let diags = lint_texts(rules, &[("a.md", &article(6)), ("b.md", &article(9))]);
    assert_eq!(
        of_kind(&diags, Kind::NumberContradiction),
        [pair("b.md", "9")],
        "{}",
        summary(&diags)
    );
}

/// A party named after a title and its see: "présidée par l'archevêque
/// de Paris, Michel Aupetit".
#[test]
fn a_party_after_a_title_and_its_place() {
    let rules = r#"
[[entity]]
id = "paris"
name = "Paris"
kind = "place"
source = "s"

[[entity]]
id = "ulrich"
name = "Laurent Ulrich"
kind = "person"
source = "s"

[[entity]]
id = "aupetit"
name = "Michel Aupetit"
kind = "person"
source = "s"

[[event]]
id = "reouverture"
name = "Réouverture de Notre-Dame"
words = ["réouverture"]
entities = ["paris"]
participants = ["ulrich"]
date = "2024-12-07"
source = "s"
"#;
    let article = |who: &str| {
        format!(
            "---\ndate: 2024-12-09\n---\nCette réouverture du 7 décembre, présidée par l'archevêque de Paris, {who}, a réuni quarante chefs d'État."
        )
    };
    let diags = lint_texts(
        rules,
        &[
            ("a.md", &article("Laurent Ulrich")),
            ("b.md", &article("Michel Aupetit")),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::ParticipantContradiction),
        [pair("b.md", "Michel Aupetit")],
        "{}",
        summary(&diags)
    );
}

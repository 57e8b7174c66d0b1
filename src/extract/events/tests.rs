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

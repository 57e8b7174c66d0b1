//! Whose anniversary "son Ne anniversaire" is, and which event "ce
//! drame" or a tie of events counts from.

use super::reading_tests::of_kind;
use crate::diagnostic::Kind;
use crate::engine::tests::{lint_texts, summary};

/// One treaty's signing and entry into force, a space flight, a stadium
/// disaster.
const RULES: &str = r#"
[[entity]]
id = "traite"
name = "traité de Lisbonne"
kind = "organisation"
source = "s"

[[event]]
id = "signature"
name = "Signature du traité de Lisbonne"
words = ["sign*"]
entities = ["traite"]
date = "2007-12-13"
source = "s"

[[event]]
id = "vigueur"
name = "Entrée en vigueur du traité de Lisbonne"
words = ["vigueur"]
entities = ["traite"]
date = "2009-12-01"
source = "s"

[[entity]]
id = "chretien"
name = "Jean-Loup Chrétien"
kind = "person"
source = "s"

[[event]]
id = "vol"
name = "Vol de Jean-Loup Chrétien"
words = ["vol"]
entities = ["chretien"]
date = "1982-06-24"
source = "s"

[[event]]
id = "vol-2"
name = "Second vol de Jean-Loup Chrétien"
words = ["vol"]
entities = ["chretien"]
date = "1988-11-26"
source = "s"

[[entity]]
id = "furiani"
name = "Furiani"
kind = "place"
source = "s"

[[event]]
id = "furiani"
name = "Catastrophe de Furiani"
words = ["catastrophe", "drame"]
entities = ["furiani"]
date = "1992-05-05"
place = "furiani"
source = "s"
"#;

fn anniversaries(diags: &[crate::diagnostic::Diagnostic]) -> Vec<String> {
    of_kind(diags, Kind::AnniversaryMismatch)
        .into_iter()
        .map(|(file, text)| format!("{file}: {text}"))
        .collect()
}

/// "Né à La Rochelle, le spationaute fêtera son 84e anniversaire", "la
/// communauté de communes, créée en 1996, fêtera son 30e anniversaire":
/// the subject's own. "Le traité de Lisbonne fête ce mardi son 16e
/// anniversaire": the treaty named, and of its events the one of that day.
#[test]
fn whose_anniversary_son_is() {
    let diags = lint_texts(
        RULES,
        &[
            (
                "a.md",
                "---\ndate: 2022-06-24\n---\nLe vol de Jean-Loup Chrétien a eu lieu le 24 juin \
                 1982. Né à La Rochelle, le spationaute fêtera son 94e anniversaire le 20 août.",
            ),
            (
                "b.md",
                "---\ndate: 2026-06-24\n---\nJean-Loup Chrétien était présent. Elle rappelle que \
                 la communauté de communes, créée en 1996, fêtera son 20e anniversaire en \
                 décembre.",
            ),
            (
                "c.md",
                "---\ndate: 2022-12-13\n---\nLe traité de Lisbonne fête ce mardi son 16e \
                 anniversaire.",
            ),
        ],
    );
    assert_eq!(
        anniversaries(&diags),
        ["c.md: 16e anniversaire"],
        "{}",
        summary(&diags)
    );
}

/// "le 35e anniversaire de ce drame" after Hillsborough: a demonstrative
/// goes back to what was just spoken of, not to Furiani named before.
#[test]
fn a_demonstrative_goes_back_to_what_was_just_said() {
    let diags = lint_texts(
        RULES,
        &[(
            "a.md",
            "---\ndate: 2024-05-05\n---\nLa catastrophe de Furiani a eu lieu le 5 mai 1992. Le \
             15 avril 1989, à Hillsborough, 97 supporters périssaient ; le 35e anniversaire de ce \
             drame a été commémoré le mois dernier.",
        )],
    );
    assert!(anniversaries(&diags).is_empty(), "{}", summary(&diags));
}

/// "le 7e anniversaire du premier vol de Jean-Loup Chrétien": of his
/// flights, the earliest; "du dernier vol", the latest.
#[test]
fn first_and_last_say_which_of_tied_events() {
    let diags = lint_texts(
        RULES,
        &[
            (
                "a.md",
                "---\ndate: 1988-06-01\n---\nLe 7e anniversaire du premier vol de Jean-Loup \
                 Chrétien, en juin, sera fêté à Toulouse.",
            ),
            (
                "b.md",
                "---\ndate: 1998-06-01\n---\nLe 10e anniversaire du dernier vol de Jean-Loup \
                 Chrétien, en novembre, sera fêté à Toulouse.",
            ),
        ],
    );
    assert_eq!(
        anniversaries(&diags),
        ["a.md: 7e anniversaire"],
        "{}",
        summary(&diags)
    );
}

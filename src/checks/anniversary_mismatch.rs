#![doc = include_str!("anniversary_mismatch.md")]

use chrono::Datelike;

use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Related, Severity};
use crate::extract::events::YearSource;
use crate::extract::{Facts, Prose};

/// 1st, 2nd, 3rd, 4th, 11th, 21st, 80th…
fn english_ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub struct AnniversaryMismatch;

impl Check for AnniversaryMismatch {
    fn kind(&self) -> Kind {
        Kind::AnniversaryMismatch
    }

    fn explain(&self) -> &'static str {
        include_str!("anniversary_mismatch.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        _prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for a in &facts.anniversaries {
            let event = &cx.rules.events[a.event];
            let (Some(origin), Some((year, source))) = (event.date, &a.year) else {
                continue;
            };
            let due = origin.first.year() + a.ordinal;
            if due == *year {
                continue;
            }
            let (whence, related) = match source {
                YearSource::Stated(span, text) => (
                    format!("the article places it in {year}"),
                    vec![Related {
                        file: facts.file.clone(),
                        span: *span,
                        text: text.clone(),
                        message: "the year given here".into(),
                    }],
                ),
                YearSource::Event(other) => (
                    format!(
                        "the article ties it to {}, in {year}",
                        cx.rules.events[*other].name
                    ),
                    Vec::new(),
                ),
                YearSource::Publication => {
                    (format!("the article is published in {year}"), Vec::new())
                }
            };
            out.push(
                Diagnostic::new(
                    Kind::AnniversaryMismatch,
                    Severity::Error,
                    &facts.file,
                    a.span,
                    &a.text,
                    format!(
                        "the {} anniversary of {} ({}) falls in {due}, but {whence}",
                        english_ordinal(a.ordinal),
                        event.name,
                        origin.first.year()
                    ),
                )
                .with_related(related)
                .with_rule(Some(event.origin.reference())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, summary};

    const RULES: &str = r#"
[[entity]]
id = "japon"
name = "Japon"
kind = "place"
source = "s"

[[event]]
id = "victoire-japon"
name = "Capitulation du Japon"
words = ["victoire", "capitulation"]
entities = ["japon"]
date = "1945-09-02"
source = "s"
"#;

    #[test]
    fn an_anniversary_that_does_not_fit_the_year_given() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "En 2025, le 80e anniversaire de la victoire contre le Japon a été célébré.",
                ),
                (
                    "b.txt",
                    "En 2024, le 80e anniversaire de la victoire contre le Japon a été célébré.",
                ),
            ],
        );
        assert_eq!(diags.len(), 1, "{}", summary(&diags));
        assert_eq!(diags[0].file, "b.txt");
        assert!(
            diags[0].message.contains("80th anniversary"),
            "{}",
            diags[0].message
        );
        assert!(
            diags[0].message.contains("falls in 2025"),
            "{}",
            diags[0].message
        );
    }

    const FOUNDINGS: &str = r#"
[[entity]]
id = "otan"
name = "OTAN"
kind = "organisation"
source = "s"

[[entity]]
id = "onu"
name = "ONU"
kind = "organisation"
source = "s"

[[event]]
id = "fondation-otan"
name = "Fondation de l'OTAN"
words = ["fondation", "création"]
entities = ["otan"]
date = "1949-04-04"
source = "s"
"#;

    /// Issue 12: a declared founding of one body took over "le 60e
    /// anniversaire de la fondation" of another.
    #[test]
    fn an_anniversary_of_another_body_s_founding_is_not_counted_from_this_one() {
        let other = "En 2005, l'ONU a célébré le 60e anniversaire de sa fondation.";
        let diags = lint_texts(FOUNDINGS, &[("a.txt", other)]);
        assert!(diags.is_empty(), "{}", summary(&diags));
        let wrong = "En 2019, l'OTAN a célébré le 60e anniversaire de sa fondation.";
        let diags = lint_texts(FOUNDINGS, &[("a.txt", wrong)]);
        assert_eq!(summary(&diags), "anniversary-mismatch 60e anniversaire -> ");
    }

    /// Issue 12: "son 50e anniversaire" was never linked to the subject's
    /// event.
    #[test]
    fn son_ne_anniversaire_is_the_subject_s_event() {
        let text = "L'OTAN a été fondée à Washington. En 2024, elle a fêté son 70e anniversaire.";
        let diags = lint_texts(FOUNDINGS, &[("a.txt", text)]);
        assert!(
            summary(&diags).contains("anniversary-mismatch 70e anniversaire"),
            "{}",
            summary(&diags)
        );
        let right =
            "La fondation de l'OTAN remonte à 1949. En 2024, l'OTAN a fêté son 75e anniversaire.";
        assert!(lint_texts(FOUNDINGS, &[("a.txt", right)]).is_empty());
    }

    /// Issue 12: "son Ne anniversaire" after a person or a title in its
    /// sentence is a birthday.
    #[test]
    fn a_persons_birthday_is_not_an_events_anniversary() {
        let text = "L'OTAN a été fondée à Washington. En 2024, le président, qui fête \
                    son 70e anniversaire, a salué l'OTAN.";
        let diags = lint_texts(FOUNDINGS, &[("a.txt", text)]);
        assert!(diags.is_empty(), "{}", summary(&diags));
    }

    /// Issue 12: an anniversary counts from the event joined to it, not
    /// from one after a comma; "son Ne anniversaire" is that of the event
    /// the sentence spoke of last; the year is given near the anniversary,
    /// not by a date another event starts from ("depuis l'attaque du 7
    /// octobre 2023").
    #[test]
    fn the_event_and_the_year_an_anniversary_counts_with() {
        let rules = format!(
            "{RULES}\n[[entity]]\nid = \"berlin\"\nname = \"Berlin\"\nkind = \"place\"\nsource = \"s\"\n\n\
             [[event]]\nid = \"declaration\"\nname = \"Déclaration de Berlin\"\nwords = [\"déclaration\"]\n\
             entities = [\"berlin\"]\ndate = \"1995-03-25\"\nsource = \"s\"\n"
        );
        let diags = lint_texts(
            &rules,
            &[
                (
                    "a.md",
                    "---\ndate: 2005-05-01\n---\nIl y a dix ans, pour le 50e anniversaire, la déclaration de Berlin était signée après la victoire contre le Japon.",
                ),
                (
                    "b.md",
                    "---\ndate: 2025-09-02\n---\nLa déclaration de Berlin a suivi la victoire contre le Japon ; son 80e anniversaire tombe en 2025.",
                ),
                (
                    "c.md",
                    "---\ndate: 2025-09-02\n---\nCe 80e anniversaire de la victoire contre le Japon intervient alors que la guerre, depuis l'attaque du 7 octobre 2023 à Berlin, pèse.",
                ),
                (
                    "d.md",
                    "---\ndate: 2025-09-02\n---\nLa déclaration de Berlin a suivi la victoire contre le Japon ; son 79e anniversaire tombe en 2025.",
                ),
            ],
        );
        let files: Vec<&str> = diags.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["d.md"], "{}", summary(&diags));
    }
}

#![doc = include_str!("weekday_mismatch.md")]

use chrono::{Datelike, Weekday};

use super::event_statements::describe_date;
use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::{Facts, Prose};

const JOURS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

fn jour(w: Weekday) -> &'static str {
    JOURS[w.num_days_from_monday() as usize]
}

pub struct WeekdayMismatch;

impl Check for WeekdayMismatch {
    fn kind(&self) -> Kind {
        Kind::WeekdayMismatch
    }

    fn explain(&self) -> &'static str {
        include_str!("weekday_mismatch.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        _prose: &Prose,
        _cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for d in &facts.dates {
            let (Some(written), Some(value)) = (d.weekday_conflict, d.value) else {
                continue;
            };
            let actual = value.first.weekday();
            let mut d2 = Diagnostic::new(
                Kind::WeekdayMismatch,
                Severity::Error,
                &facts.file,
                d.span,
                &d.text,
                format!(
                    "{} falls on a {} ({}), not a {} ({})",
                    describe_date(&value),
                    actual,
                    jour(actual),
                    written,
                    jour(written)
                ),
            );
            // The fix replaces the weekday word, keeping its capital.
            let lower = d.text.to_lowercase();
            if let Some(at) = lower.find(jour(written)) {
                let mut fixed = jour(actual).to_string();
                if d.text[at..].starts_with(|c: char| c.is_uppercase()) {
                    fixed = fixed[..1].to_uppercase() + &fixed[1..];
                }
                let suggestion = format!(
                    "{}{}{}",
                    &d.text[..at],
                    fixed,
                    &d.text[at + jour(written).len()..]
                );
                d2 = d2.with_suggestion(suggestion);
            }
            out.push(d2);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, summary};

    #[test]
    fn a_weekday_that_does_not_fit_its_date() {
        let diags = lint_texts(
            "",
            &[(
                "a.txt",
                "Ils se sont vus jeudi 13 septembre 2023, puis mercredi 13 septembre 2023.",
            )],
        );
        let got = summary(&diags);
        assert_eq!(diags.len(), 1, "{got}");
        assert_eq!(
            diags[0].suggestion.as_deref(),
            Some("mercredi 13 septembre 2023")
        );
        assert_eq!(
            diags[0].message,
            "13 September 2023 falls on a Wed (mercredi), not a Thu (jeudi)"
        );
    }
}

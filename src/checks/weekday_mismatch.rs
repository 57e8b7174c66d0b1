#![doc = include_str!("weekday_mismatch.md")]

use chrono::{Datelike, Weekday};

use super::event_statements::describe_date;
use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::dates::{DateSpan, Granularity};
use crate::extract::{Facts, Prose};
use crate::span::Span;

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
            // Of a range, the end the wrong weekday is written with: "du
            // dimanche 31 mai au mardi 1er juin 2009" is right on Sunday
            // and wrong on 1 June, which the finding points at alone.
            let lower = d.text.to_lowercase();
            let second = d
                .weekday_conflict_on_last
                .then(|| lower.rfind(jour(written)))
                .flatten()
                .filter(|&at| !d.text[..at].contains('\n'));
            let (day, text, span) = match second {
                Some(at) => {
                    let span = Span {
                        start: d.span.start + at,
                        column: d.span.column + d.text[..at].chars().count(),
                        ..d.span
                    };
                    (value.last, &d.text[at..], span)
                }
                None => (value.first, d.text.as_str(), d.span),
            };
            let actual = day.weekday();
            let described = if second.is_some() {
                describe_date(&DateSpan {
                    first: day,
                    last: day,
                    granularity: Granularity::Day,
                })
            } else {
                describe_date(&value)
            };
            let mut d2 = Diagnostic::new(
                Kind::WeekdayMismatch,
                Severity::Error,
                &facts.file,
                span,
                text,
                format!(
                    "{} falls on a {} ({}), not a {} ({})",
                    described,
                    actual,
                    jour(actual),
                    written,
                    jour(written)
                ),
            );
            // The fix replaces the weekday word, keeping its capital.
            let lower = text.to_lowercase();
            if let Some(at) = lower.find(jour(written)) {
                let mut fixed = jour(actual).to_string();
                if text[at..].starts_with(|c: char| c.is_uppercase()) {
                    fixed = fixed[..1].to_uppercase() + &fixed[1..];
                }
                let suggestion = format!(
                    "{}{}{}",
                    &text[..at],
                    fixed,
                    &text[at + jour(written).len()..]
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

    #[test]
    fn a_ranges_wrong_second_weekday_is_pointed_at_alone() {
        let text = "Dans la nuit du dimanche 31 mai au mardi 1er juin 2009, l'avion a disparu.";
        let diags = lint_texts("", &[("a.txt", text)]);
        let got = summary(&diags);
        assert_eq!(diags.len(), 1, "{got}");
        assert_eq!(diags[0].text, "mardi 1er juin 2009");
        assert_eq!(diags[0].suggestion.as_deref(), Some("lundi 1er juin 2009"));
        assert_eq!(
            diags[0].message,
            "1 June 2009 falls on a Mon (lundi), not a Tue (mardi)"
        );
        assert_eq!(
            &text[diags[0].span.start..diags[0].span.end],
            "mardi 1er juin 2009"
        );
        // Both right: nothing.
        let right = "Dans la nuit du dimanche 31 mai au lundi 1er juin 2009, l'avion a disparu.";
        assert!(lint_texts("", &[("a.txt", right)]).is_empty());
    }
}

#![doc = include_str!("ambiguous_date.md")]

use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::dates::Anchor;
use crate::extract::{Facts, Prose};

pub struct AmbiguousDate;

impl Check for AmbiguousDate {
    fn kind(&self) -> Kind {
        Kind::AmbiguousDate
    }

    fn explain(&self) -> &'static str {
        include_str!("ambiguous_date.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        _prose: &Prose,
        _cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for d in facts
            .dates
            .iter()
            .filter(|d| d.anchor == Anchor::Unresolved)
        {
            out.push(Diagnostic::new(
                Kind::AmbiguousDate,
                Severity::Info,
                &facts.file,
                d.span,
                &d.text,
                format!(
                    "\"{}\" cannot be placed in time: the article has no publication date to anchor it",
                    d.text
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, summary};

    #[test]
    fn relative_dates_need_a_publication_date() {
        let undated = lint_texts(
            "",
            &[(
                "a.txt",
                "Poutine est arrivé ce 18 juin, et repart mercredi.",
            )],
        );
        assert_eq!(undated.len(), 2, "{}", summary(&undated));
        let dated = lint_texts(
            "",
            &[(
                "a.md",
                "---\ndate: 2024-06-19\n---\nPoutine est arrivé ce 18 juin, et repart mercredi.",
            )],
        );
        assert!(dated.is_empty(), "{}", summary(&dated));
    }
}

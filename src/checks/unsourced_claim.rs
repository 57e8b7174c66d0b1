#![doc = include_str!("unsourced_claim.md")]

use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::{Facts, Prose};

pub struct UnsourcedClaim;

impl Check for UnsourcedClaim {
    fn kind(&self) -> Kind {
        Kind::UnsourcedClaim
    }

    fn explain(&self) -> &'static str {
        include_str!("unsourced_claim.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        _prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for c in facts.sourcing.claims.iter().filter(|c| !c.sourced) {
            out.push(
                Diagnostic::new(
                    Kind::UnsourcedClaim,
                    Severity::Warning,
                    &facts.file,
                    c.span,
                    &c.text,
                    format!(
                        "check-worthy claim with no source: who says \"{}\"? \
                         Attribute it here or in the next sentence (\"selon …\", \"a affirmé …\")",
                        c.text
                    ),
                )
                .with_rule(cx.rules.sourcing.rule()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::lint_kind;

    const RULES: &str = include_str!("../../rules/sourcing.toml");

    fn claims(text: &str) -> String {
        lint_kind(RULES, text, crate::Kind::UnsourcedClaim)
    }

    #[test]
    fn transfers_and_figures_without_a_source() {
        assert_eq!(
            claims(
                "Pyongyang a déjà commencé à fournir des armements et des munitions à la Russie."
            ),
            "unsourced-claim fournir des armements -> "
        );
        assert_eq!(
            claims("Au total, 12 000 soldats sont partis pour le front."),
            "unsourced-claim 12 000 soldats -> "
        );
    }

    #[test]
    fn attributed_hedged_and_non_assertions_are_not_claims() {
        for text in [
            "Selon Séoul, Pyongyang a fourni des munitions à la Russie.",
            "Pyongyang a fourni des munitions à la Russie, a affirmé le ministre Shin Won-sik.",
            "Pyongyang a fourni des munitions. C’est ce qu’a déclaré John Kirby hier.",
            "Pyongyang pourrait fournir des munitions à la Russie.",
            "Pyongyang a-t-il fourni des munitions à la Russie ?",
            "Pyongyang fournit des munitions à la Russie",
            "En 2024, le sommet a duré deux heures.",
        ] {
            assert_eq!(claims(text), "", "{text}");
        }
    }
}

#![doc = include_str!("vague_attribution.md")]

use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::{Facts, Prose};

pub struct VagueAttribution;

impl Check for VagueAttribution {
    fn kind(&self) -> Kind {
        Kind::VagueAttribution
    }

    fn explain(&self) -> &'static str {
        include_str!("vague_attribution.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for a in facts.sourcing.attributions.iter().filter(|a| a.vague) {
            out.push(
                Diagnostic::new(
                    Kind::VagueAttribution,
                    Severity::Warning,
                    &facts.file,
                    a.span,
                    &prose.text[a.span.start..a.span.end],
                    format!(
                        "vague attribution: \"{}\" names no source; name the person or the body",
                        a.source
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

    fn vague(text: &str) -> String {
        lint_kind(RULES, text, crate::Kind::VagueAttribution)
    }

    #[test]
    fn collective_and_unnamed_sources() {
        assert_eq!(
            vague("Selon les Américains, les missiles sont arrivés."),
            "vague-attribution Selon les Américains -> "
        );
        assert_eq!(
            vague("Des experts estiment que la guerre durera."),
            "vague-attribution Des experts estiment -> "
        );
        assert_eq!(
            vague("Le chiffre a été donné de source diplomatique hier."),
            "vague-attribution de source diplomatique hier -> "
        );
        assert_eq!(
            vague("C’est faux, selon les déclarations officielles russes."),
            "vague-attribution selon les déclarations officielles russes -> "
        );
    }

    #[test]
    fn named_sources_are_not_vague() {
        for text in [
            "Selon le Pentagone, les missiles sont arrivés.",
            "D’après l’agence Yonhap, le tir a eu lieu.",
            "Selon John Kirby, porte-parole, rien ne change.",
            "Selon lui, rien ne change.",
            "Des experts comme Victor Cha estiment que rien ne change.",
        ] {
            assert_eq!(vague(text), "", "{text}");
        }
    }

    #[test]
    fn a_source_inside_someone_s_quotation_is_the_speaker_s_words() {
        let text = "Le recteur Jean-Marc Huart explique :\n\n« Les autorités de santé ont estimé qu'il fallait isoler tout le monde pendant sept jours. »\n";
        assert_eq!(vague(text), "");
        // Outside a quotation, the same source is vague.
        let text = "Les autorités de santé ont estimé qu'il fallait isoler tout le monde.\n";
        assert_ne!(vague(text), "");
    }

    #[test]
    fn nouns_reflexives_and_infinitives_are_no_verbs_of_saying() {
        for text in [
            "Un ralentissement qui s’explique par la baisse des prix.",
            "Une information judiciaire est confiée à un juge d’instruction.",
            "À Thyon, une autre victime est à déplorer.",
        ] {
            assert_eq!(vague(text), "", "{text}");
        }
        assert_ne!(vague("Des experts estiment que la crise durera."), "");
    }
}

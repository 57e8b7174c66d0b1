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
                         Attribute it in its sentence (\"selon …\", \"a affirmé …\")",
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

    #[test]
    fn percentages_currency_signs_and_figures_in_words_are_claims() {
        assert_eq!(
            claims("Les ventes ont chuté de 25 % en un an."),
            "unsourced-claim 25 % -> "
        );
        assert_eq!(
            claims("La commune a reçu 4,7 M€ d'aides publiques."),
            "unsourced-claim 4,7 M€ -> "
        );
        assert_eq!(
            claims("Quarante-deux personnes ont été évacuées dans la nuit."),
            "unsourced-claim Quarante-deux personnes -> "
        );
    }

    #[test]
    fn an_attribution_about_something_else_covers_nothing() {
        assert_eq!(
            claims(
                "Selon l'Insee, les prix ont augmenté de 3 % en un an. \
                 La dette de la commune atteint 12 millions d'euros."
            ),
            "unsourced-claim 12 millions d'euros -> "
        );
        assert_eq!(
            claims(
                "La dette atteint 12 millions d'euros. \
                 Le maire a déclaré qu'il se représenterait."
            ),
            "unsourced-claim 12 millions d'euros -> "
        );
        // "15 %" said by a source does not source "15 millions d'euros".
        assert_eq!(
            claims(
                "L'État a débloqué 15 millions d'euros.\n\n\
                 Les primes augmenteront de 15 %, a affirmé la fédération."
            ),
            "unsourced-claim 15 millions d'euros -> "
        );
    }

    #[test]
    fn a_claim_continuing_or_restating_a_sourced_statement_is_covered() {
        for text in [
            "Deux personnes ont été tuées, a annoncé la préfecture. Trois autres personnes ont été blessées.",
            "Le feu a brûlé 6 800 hectares, ont indiqué les pompiers. Près de 10 000 personnes ont été évacuées.",
            "Trois personnes ont été blessées. C'est ce qu'a indiqué la préfecture.",
            "Trois soldats ont été tués samedi.\n\nLe gouvernement a déploré « la mort de trois soldats » dans un communiqué.",
            "Touadéra a été réélu, selon les résultats provisoires de l'ANE. Il a obtenu 53,92 % des voix.",
            "35 départements ont été placés par Météo-France en vigilance orange.",
        ] {
            assert_eq!(claims(text), "", "{text}");
        }
    }

    #[test]
    fn background_biography_and_public_votes_are_not_claims() {
        for text in [
            "Il se présente à Canohès (6 344 habitants) dimanche.",
            "Mère de trois enfants, elle a grandi à Brest.",
            "En 2020, il avait été élu avec 53,09 % des suffrages exprimés.",
            "Le conseil a adopté le plan par 44 voix contre 23.",
            "103 084 votants se sont déplacés, soit 7,46 % des inscrits.",
        ] {
            assert_eq!(claims(text), "", "{text}");
        }
    }

    #[test]
    fn a_body_acting_in_an_absolute_clause_gives_its_figures() {
        let text = "Soixante-cinq départements sont placés en vigilance orange, Météo-France ayant étendu son alerte.";
        assert_eq!(claims(text), "");
        // Nobody named acting gives no source.
        let text = "Quarante chars ont été livrés, le convoi ayant franchi la frontière.";
        assert_ne!(claims(text), "");
    }

    #[test]
    fn a_presumed_author_is_no_accusation_but_a_toll_still_is() {
        assert_eq!(
            claims("Au sud de Ménaka, de présumés jihadistes ont attaqué les troupes maliennes."),
            ""
        );
        assert_ne!(
            claims("Un tireur présumé a tué douze personnes dans le centre-ville."),
            ""
        );
    }

    #[test]
    fn family_and_violence_in_general_are_no_claims() {
        for text in [
            "Anthony, lui, a deux enfants à nourrir.",
            "La N-VA a réclamé une réunion sur les violences armées liées à la drogue.",
        ] {
            assert_eq!(claims(text), "", "{text}");
        }
        assert_ne!(claims("Deux enfants ont été tués dans l’accident."), "");
    }

    #[test]
    fn a_document_source_after_the_figure_or_a_detail_after_it_covers_it() {
        let text = "L'inflation progresse : les prix ont augmenté de 3,6 % en un an. Selon les chiffres de l'Insee publiés mercredi, elle pourrait dépasser 4 % en mars.";
        assert_eq!(claims(text), "");
        let text = "Le bilan est passé à 632 morts, selon le ministère de l’Intérieur.\n\nDans le détail, 290 personnes ont été tuées dans la province d’Al Haouz.";
        assert_eq!(claims(text), "");
    }
}

#![doc = include_str!("anonymous_quote.md")]

use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Related, Severity};
use crate::extract::sourcing::Speaker;
use crate::extract::{Facts, Prose};

pub struct AnonymousQuote;

impl Check for AnonymousQuote {
    fn kind(&self) -> Kind {
        Kind::AnonymousQuote
    }

    fn explain(&self) -> &'static str {
        include_str!("anonymous_quote.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for speech in &facts.sourcing.speech {
            let (span, message) = match (&speech.speaker, speech.speaker_span) {
                (Speaker::Named(_), _) => continue,
                (Speaker::Described(who), Some(at)) => (
                    at,
                    format!(
                        "quotation attributed to \"{who}\", not to a named person; name the speaker"
                    ),
                ),
                _ => (
                    speech.span,
                    "quotation with no named speaker: say who speaks".to_string(),
                ),
            };
            // A speaker flagged apart from its words points at them too.
            let related = (span != speech.span)
                .then(|| Related {
                    file: facts.file.clone(),
                    span: speech.span,
                    text: prose.text[speech.span.start..speech.span.end].to_string(),
                    message: "the quotation".to_string(),
                })
                .into_iter()
                .collect();
            out.push(
                Diagnostic::new(
                    Kind::AnonymousQuote,
                    Severity::Warning,
                    &facts.file,
                    span,
                    &prose.text[span.start..span.end],
                    message,
                )
                .with_related(related)
                .with_rule(cx.rules.sourcing.rule()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::lint_kind;

    const RULES: &str = include_str!("../../rules/sourcing.toml");

    fn anonymous(text: &str) -> String {
        lint_kind(RULES, text, crate::Kind::AnonymousQuote)
    }

    #[test]
    fn captions_that_describe_a_function_are_anonymous() {
        let text = "Il a parlé.\n\n“S’il y a quelque chose que nous pouvons faire, nous le ferons.”\n\n— Dirigeant nord-coréen, Pékin, 2025\n";
        assert_eq!(
            anonymous(text),
            "anonymous-quote — Dirigeant nord-coréen, Pékin, 2025 -> "
        );
    }

    #[test]
    fn unmarked_first_person_paragraphs_signed_by_a_role() {
        let text = "Texte.\n\nJ’aimerais exprimer ma gratitude au nom du peuple russe.\n\nPrésident russe lors de la rencontre\n\nSuite.";
        assert_eq!(
            anonymous(text),
            "anonymous-quote Président russe lors de la rencontre -> "
        );
    }

    #[test]
    fn named_speakers_and_pronouns_after_a_name_are_fine() {
        for text in [
            "« Nous ne reculerons pas devant eux », a déclaré Vladimir Poutine.",
            "Vladimir Poutine a affirmé : « Nous ne reculerons pas devant eux. »",
            "John Kirby a parlé. « Ce rapprochement pourrait tout changer », a-t-il ajouté.",
            "“Nous le ferons certainement, comme un devoir.”\n\n— Kim Jong-un, Pékin, 2025\n",
            "Ils se disent \"camarades\" et parlent d'un \"nouvel ordre mondial\".",
            "« Nous ne reculerons jamais devant eux », a déclaré le président Emmanuel Macron.",
            "« Nous ne reculerons jamais devant eux », a déclaré le ministre de l’Intérieur, Gérald Darmanin.",
            "« Nous ne reculerons pas devant eux », a rétorqué le porte-parole du Kremlin, Dmitri Peskov.",
            "Quant à la Chine, elle s’est contentée d’un bref communiqué : « Pékin n’a pas de commentaire sur ces échanges », a réagi Lin Jian, porte-parole.",
            "Texte.\n\n— Nous ne reculerons pas, a répondu Volodymyr Zelensky.\n— C’est une provocation, a rétorqué le porte-parole du Kremlin, Dmitri Peskov.\n",
        ] {
            assert_eq!(anonymous(text), "", "{text}");
        }
    }

    #[test]
    fn dialogue_lines_with_an_unnamed_speaker() {
        let text = "Texte.\n\n— Nous ne reculerons jamais devant eux, a répondu un officier.\n";
        assert_eq!(anonymous(text), "anonymous-quote un officier -> ");
    }

    #[test]
    fn quotes_with_no_speaker_at_all() {
        let text = "Le texte circule. « Nous ne reculerons jamais devant la pression. »\n";
        assert_eq!(
            anonymous(text),
            "anonymous-quote « Nous ne reculerons jamais devant la pression. » -> "
        );
    }
}

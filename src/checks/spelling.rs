#![doc = include_str!("spelling.md")]

use rustc_hash::FxHashSet;

use super::{Check, Context, Corpus};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::spelling::{Slip, name_hash};
use crate::extract::{Facts, Prose};

pub struct Spelling;

impl Check for Spelling {
    fn kind(&self) -> Kind {
        Kind::Spelling
    }

    fn explain(&self) -> &'static str {
        include_str!("spelling.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        _prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for slip in facts
            .spelling
            .slips
            .iter()
            .filter(|s| !s.capitalized && !typography_owns(cx, &s.text))
        {
            out.push(diagnostic(&facts.file, slip));
        }
    }

    /// A capitalized unknown word opening a sentence is a slip unless some
    /// document writes it capitalized inside a sentence: then it is a name.
    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let names: FxHashSet<u64> = corpus
            .facts
            .iter()
            .flat_map(|f| f.spelling.proper_names.iter().copied())
            .collect();
        for facts in corpus.facts {
            for slip in facts
                .spelling
                .slips
                .iter()
                .filter(|s| s.capitalized && !typography_owns(corpus.context, &s.text))
            {
                if !names.contains(&name_hash(&slip.text)) {
                    out.push(diagnostic(&facts.file, slip));
                }
            }
        }
    }
}

/// Whether `word` starts with a glued prefix of the typography rules
/// ("àpékin"): the typography check reports it, once.
fn typography_owns(cx: &Context, word: &str) -> bool {
    let lower = word.to_lowercase();
    cx.rules.typography.glued_prefixes.iter().any(|g| {
        lower.len() > g.prefix.len() && lower.starts_with(&g.prefix) && !g.except.contains(&lower)
    })
}

fn diagnostic(file: &str, slip: &Slip) -> Diagnostic {
    // A safe fix is the clear best: naming rivals would only add noise.
    let shown = if slip.safe { 1 } else { slip.suggestions.len() };
    let quoted: Vec<String> = slip
        .suggestions
        .iter()
        .take(shown)
        .map(|s| format!("\"{s}\""))
        .collect();
    let message = format!(
        "\"{}\" is not a French word: did you mean {}?",
        slip.text,
        quoted.join(" or ")
    );
    let d = Diagnostic::new(
        Kind::Spelling,
        Severity::Warning,
        file,
        slip.span,
        &slip.text,
        message,
    );
    match slip.suggestions.first() {
        Some(best) if slip.safe => d.with_fix(best.clone()),
        Some(best) => d.with_suggestion(best.clone()),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, summary};

    const RULES: &str = r#"
[[entity]]
id = "choigou"
name = "Sergueï Choïgou"
forms = ["Choïgou"]
variants = ["Shoigu"]
kind = "person"
source = "s"

[[accept]]
words = ["dronisation"]
note = "defence jargon"
"#;

    fn spelling(files: &[(&str, &str)]) -> String {
        let diags: Vec<_> = lint_texts(RULES, files)
            .into_iter()
            .filter(|d| d.kind == crate::Kind::Spelling)
            .collect();
        summary(&diags)
    }

    #[test]
    fn slips_get_a_fix_that_keeps_the_capital() {
        let got = spelling(&[(
            "a.txt",
            "Cette démarche, echo d’une entente.\n- Resstance commune contre les pressions\n",
        )]);
        assert!(got.contains("spelling echo -> écho"), "{got}");
        assert!(got.contains("spelling Resstance -> Résistance"), "{got}");
    }

    #[test]
    fn names_accepted_words_and_foreign_quotes_are_not_slips() {
        let got = spelling(&[(
            "a.txt",
            "Shoigu est venu. Le ministre Shoigu a parlé de dronisation. \
             Il a cité « the special relationship » et M. Kowalczyk. Kowalczyk a ri.\n",
        )]);
        assert_eq!(got, "", "{got}");
    }

    #[test]
    fn a_sentence_start_word_the_corpus_uses_as_a_name_is_no_slip() {
        let got = spelling(&[
            ("a.txt", "Resstance a signé le texte.\n"),
            ("b.txt", "Le groupe Resstance a signé.\n"),
        ]);
        assert_eq!(got, "", "{got}");
        let got = spelling(&[("a.txt", "Resstance a signé le texte.\n")]);
        assert!(got.contains("Resstance -> Résistance"), "{got}");
    }

    #[test]
    fn a_slip_inside_a_french_quote_gets_no_safe_fix() {
        let diags = crate::engine::tests::lint_texts(
            RULES,
            &[(
                "a.txt",
                "Il a dit : « nous renforçons la cooperation militaire ».\n",
            )],
        );
        let d = diags
            .iter()
            .find(|d| d.kind == crate::Kind::Spelling)
            .expect("a slip");
        assert_eq!(d.text, "cooperation");
        assert_eq!(d.suggestion.as_deref(), Some("coopération"));
        assert!(!d.safe_fix);
    }

    #[test]
    fn acronyms_numbers_elisions_and_compounds_pass() {
        let got = spelling(&[(
            "a.txt",
            "L’OTAN et l’UE, au XXe siècle, le 1er juin : 12 km, 5 % et M. Martin. \
             Peut-être qu’il viendra d’abord ; les Nord-Coréens aujourd’hui. \
             Le partenariat russo-nord-coréen, voir www.lemonde.fr et fichier_test.\n",
        )]);
        assert_eq!(got, "", "{got}");
    }

    #[test]
    fn a_glued_small_word_is_split_and_a_declared_name_recapitalized() {
        let rules = format!(
            "{RULES}\n[[entity]]\nid = \"pekin\"\nname = \"Pékin\"\nkind = \"place\"\nsource = \"s\"\n"
        );
        let diags = lint_texts(
            &rules,
            &[("a.txt", "Le président russe lors de la rencontre àpékin.\n")],
        );
        let d = diags
            .iter()
            .find(|d| d.kind == crate::Kind::Spelling)
            .expect("a slip");
        assert_eq!(d.suggestion.as_deref(), Some("à Pékin"));
        assert!(!d.safe_fix, "\"pékin\" ties with the split: no safe fix");
    }

    #[test]
    fn title_case_headings_are_read_word_by_word() {
        let got = spelling(&[(
            "a.md",
            "# Le Sommet Scelle Une Allaince Historique\n\nLe texte.\n",
        )]);
        assert_eq!(got, "spelling Allaince -> Alliance");
    }

    #[test]
    fn names_gluing_particles_and_text_not_in_french_are_left_alone() {
        let english = "The summit was a clear signal to the region and the world. \
            Analysts said the agreement would change the balance of power for years. \
            Officials were not available for comment on the details of the text.\n";
        let got = spelling(&[
            ("a.txt", "Lagarrigue estime que la récolte sera bonne.\n"),
            ("b.txt", english),
        ]);
        assert_eq!(got, "", "{got}");
    }
}

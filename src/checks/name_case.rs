#![doc = include_str!("name_case.md")]

use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::{Facts, Fit, FormRole, Prose};

pub struct NameCase;

impl Check for NameCase {
    fn kind(&self) -> Kind {
        Kind::NameCase
    }

    fn explain(&self) -> &'static str {
        include_str!("name_case.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        _prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        for m in facts.names.iter().filter(|m| m.fit == Fit::Lowercase) {
            let entry = &cx.compiled.gazetteer.forms[m.form];
            // A lower-case variant ("shoigu") is fixed to the house form.
            let fixed = match entry.role {
                FormRole::Variant => &entry.house,
                _ => &entry.form.text,
            };
            let entity = &cx.rules.entities[entry.entity];
            out.push(
                Diagnostic::new(
                    Kind::NameCase,
                    Severity::Warning,
                    &facts.file,
                    m.span,
                    &m.text,
                    format!("\"{}\" is a proper name: write \"{fixed}\"", m.text),
                )
                .with_fix(fixed.clone())
                .with_rule(Some(entity.origin.reference())),
            );
        }
        for slip in &facts.demonym_slips {
            let entity = &cx.rules.entities[slip.entity];
            let message = if slip.noun {
                format!(
                    "\"{}\" names people here (a noun): write \"{}\"",
                    slip.text, slip.fixed
                )
            } else {
                format!(
                    "\"{}\" qualifies a noun here (an adjective): write \"{}\"",
                    slip.text, slip.fixed
                )
            };
            out.push(
                Diagnostic::new(
                    Kind::NameCase,
                    Severity::Warning,
                    &facts.file,
                    slip.span,
                    &slip.text,
                    message,
                )
                .with_fix(slip.fixed.clone())
                .with_rule(Some(entity.origin.reference())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, summary};

    const RULES: &str = r#"
[[entity]]
id = "poutine"
name = "Vladimir Poutine"
forms = ["Poutine"]
kind = "person"
source = "s"

[[entity]]
id = "russie"
name = "Russie"
kind = "place"
source = "s"

[[entity]]
id = "choigou"
name = "Sergueï Choïgou"
forms = ["Choïgou"]
variants = ["Shoigu"]
kind = "person"
source = "s"

[[entity]]
id = "amour"
name = "Amour"
kind = "place"
common_word = true
source = "s"
"#;

    #[test]
    fn lower_case_names_but_not_demonyms_or_common_words() {
        let diags = lint_texts(
            RULES,
            &[(
                "a.txt",
                "la politique de poutine et la russie ; un russe, par amour. POUTINE.",
            )],
        );
        let got = summary(&diags);
        assert!(got.contains("name-case poutine -> Poutine"), "{got}");
        assert!(got.contains("name-case russie -> Russie"), "{got}");
        assert_eq!(diags.len(), 2, "{got}");
    }

    #[test]
    fn a_lower_case_variant_is_fixed_to_the_house_form() {
        let diags = lint_texts(RULES, &[("a.txt", "le ministre shoigu a dit")]);
        assert_eq!(summary(&diags), "name-case shoigu -> Choïgou");
    }

    /// Issue 12: a declared demonym takes the capital as a noun and lower
    /// case as an adjective.
    #[test]
    fn a_declared_demonym_takes_the_case_of_its_role() {
        let rules = format!(
            "{RULES}\n[[entity]]\nid = \"rennes\"\nname = \"Rennes\"\nkind = \"place\"\n\
             demonyms = [\"Rennais\", \"Rennaise\"]\nsource = \"s\"\n"
        );
        let diags = lint_texts(
            &rules,
            &[(
                "a.txt",
                "Les rennais votent. Les élus Rennais aussi. Les Rennaises et la presse rennaise.",
            )],
        );
        assert_eq!(
            summary(&diags),
            "name-case rennais -> Rennais\nname-case Rennais -> rennais",
            "{diags:?}"
        );
    }
}

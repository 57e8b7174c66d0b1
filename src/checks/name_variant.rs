#![doc = include_str!("name_variant.md")]

use rustc_hash::{FxHashMap, FxHashSet};

use super::name_census::dominates;
use super::{Check, Corpus};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::name_form::NameForm;
use crate::extract::{Fit, FormRole};

pub struct NameVariant;

impl Check for NameVariant {
    fn kind(&self) -> Kind {
        Kind::NameVariant
    }

    fn explain(&self) -> &'static str {
        include_str!("name_variant.md")
    }

    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let cx = corpus.context;
        for doc in corpus.facts {
            for m in &doc.names {
                let entry = &cx.compiled.gazetteer.forms[m.form];
                let declared = m.fit == Fit::Exact && entry.role == FormRole::Variant;
                if !(declared || m.fit == Fit::Respelled) || m.text == entry.house {
                    continue;
                }
                let entity = &cx.rules.entities[entry.entity];
                // A tolerated variant alone is the article's choice; beside
                // the house form it is an inconsistency.
                if declared
                    && entry.tolerated
                    && !doc
                        .exact_spellings
                        .iter()
                        .any(|t| entity.accepted().any(|a| a == t.text))
                {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        Kind::NameVariant,
                        Severity::Warning,
                        &doc.file,
                        m.span,
                        &m.text,
                        format!(
                            "\"{}\" is a variant spelling; the house form is \"{}\"",
                            m.text, entry.house
                        ),
                    )
                    .with_fix(entry.house.clone())
                    .with_related(corpus.census.related(&entry.house, &doc.file))
                    .with_rule(Some(entity.origin.reference())),
                );
            }
        }
        cluster_variants(corpus, out);
    }
}

/// Without rules: spellings with the same letters, spaced or hyphenated
/// otherwise than the corpus's dominant spelling of that name.
fn cluster_variants(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    // Distinct spellings first, then groups of the same letters.
    let mut distinct: FxHashSet<&String> = FxHashSet::default();
    for doc in corpus.facts {
        distinct.extend(doc.name_candidates.iter().map(|c| &c.text));
    }
    let mut groups: FxHashMap<String, Vec<(&String, NameForm)>> = FxHashMap::default();
    for text in distinct {
        let form = NameForm::parse(text);
        groups
            .entry(form.letters_key())
            .or_default()
            .push((text, form));
    }
    let count = |t: &str| corpus.census.get(t).map_or(0, |s| s.count);
    let mut house_of: FxHashMap<&String, &String> = FxHashMap::default();
    for group in groups.values().filter(|g| g.len() > 1) {
        let (dominant, dominant_form) = group
            .iter()
            .max_by_key(|(t, _)| (count(t), std::cmp::Reverse(t.as_str())))
            .expect("groups are not empty");
        let lowered = |f: &NameForm| f.raw.iter().map(|p| p.to_lowercase()).collect::<Vec<_>>();
        for (t, form) in group {
            // Only spacing and hyphens differ: accents are typos, case alone
            // is headline style.
            if t != dominant
                && lowered(form) == lowered(dominant_form)
                && form.seps != dominant_form.seps
                && dominates(count(dominant), count(t))
            {
                house_of.insert(t, dominant);
            }
        }
    }
    for doc in corpus.facts {
        for c in &doc.name_candidates {
            let Some(dominant) = house_of.get(&c.text) else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    Kind::NameVariant,
                    Severity::Warning,
                    &doc.file,
                    c.span,
                    &c.text,
                    format!(
                        "\"{}\" is spelled \"{dominant}\" {} times in the corpus",
                        c.text,
                        count(dominant)
                    ),
                )
                .with_suggestion((*dominant).clone())
                .with_related(corpus.census.related(dominant, &doc.file)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, places, summary};

    const RULES: &str = r#"
[[entity]]
id = "kim-jong-un"
name = "Kim Jong-un"
kind = "person"
variants = ["Kim Jong Un"]
source = "s"

[[entity]]
id = "choigou"
name = "Sergueï Choïgou"
forms = ["Choïgou"]
variants = ["Shoigu"]
kind = "person"
source = "s"

[[entity]]
id = "hanoi"
name = "Hanoï"
kind = "place"
source = "s"
"#;

    #[test]
    fn declared_variants_and_respaced_names() {
        let diags = lint_texts(
            RULES,
            &[(
                "a.txt",
                "Kim Jong Un et Sergueï Shoigu. Kim Jong-Un, Kim-Jong-un. Hanoï.",
            )],
        );
        let got = summary(&diags);
        assert!(
            got.contains("name-variant Kim Jong Un -> Kim Jong-un"),
            "{got}"
        );
        assert!(got.contains("name-variant Shoigu -> Choïgou"), "{got}");
        assert!(
            got.contains("name-variant Kim-Jong-un -> Kim Jong-un"),
            "{got}"
        );
        assert!(
            !got.contains("Kim Jong-Un"),
            "capitals alone are headline style: {got}"
        );
        assert!(!got.contains("Hanoï"), "{got}");
    }

    #[test]
    fn without_rules_a_respaced_spelling_of_a_dominant_name() {
        let common = "La maire Anne-Marie Dupont. Anne-Marie Dupont parle. ";
        let diags = lint_texts(
            "",
            &[
                ("a.txt", common),
                ("b.txt", common),
                ("c.txt", "Selon Anne Marie Dupont, non."),
            ],
        );
        let got = summary(&diags);
        assert!(
            got.contains("name-variant Anne Marie Dupont -> Anne-Marie Dupont"),
            "{got}"
        );
        assert_eq!(diags.len(), 1, "{got}");
    }

    const TOLERATED: &str = r#"
[[entity]]
id = "kim-jong-un"
name = "Kim Jong-un"
kind = "person"
tolerated = ["Kim Jong Un"]
source = "s"
"#;

    /// Issue 12: a variant tolerated alone but flagged when mixed with the
    /// house form in one article.
    #[test]
    fn a_tolerated_variant_is_flagged_only_beside_the_house_form() {
        let diags = lint_texts(
            TOLERATED,
            &[
                ("alone.txt", "Kim Jong Un a parlé. Kim Jong Un a conclu."),
                ("mixed.txt", "Kim Jong-un a parlé. Kim Jong Un a conclu."),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("mixed.txt", "Kim Jong Un")], "{}", summary(&diags));
    }
}

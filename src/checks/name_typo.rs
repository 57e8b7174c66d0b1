#![doc = include_str!("name_typo.md")]

use rustc_hash::FxHashMap;

use super::name_census::{DOMINANT_MIN_COUNT, dominates};
use super::{Check, Corpus};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::name_form::{NameForm, near_miss, wildcard_key};
use crate::extract::{Fit, FormEntry};

pub struct NameTypo;

impl Check for NameTypo {
    fn kind(&self) -> Kind {
        Kind::NameTypo
    }

    fn explain(&self) -> &'static str {
        include_str!("name_typo.md")
    }

    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let cx = corpus.context;
        for doc in corpus.facts {
            for m in &doc.names {
                let entry: &FormEntry = &cx.compiled.gazetteer.forms[m.form];
                let message = match m.fit {
                    Fit::NearMiss => format!(
                        "\"{}\" looks like a misspelling of \"{}\"",
                        m.text, entry.house
                    ),
                    Fit::Accents => format!(
                        "\"{}\" has the wrong accents: the name is written \"{}\"",
                        m.text, entry.house
                    ),
                    _ => continue,
                };
                let entity = &cx.rules.entities[entry.entity];
                out.push(
                    Diagnostic::new(
                        Kind::NameTypo,
                        Severity::Error,
                        &doc.file,
                        m.span,
                        &m.text,
                        message,
                    )
                    .with_fix(entry.house.clone())
                    .with_related(corpus.census.related(&entry.house, &doc.file))
                    .with_rule(Some(entity.origin.reference())),
                );
            }
        }
        cluster_slips(corpus, out);
    }
}

/// Without rules: a rare spelling one slip away from a dominant spelling
/// of the corpus. Spellings are blocked by wildcard keys, so only names
/// that share all pieces but one are ever compared.
fn cluster_slips(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let mut spellings: Vec<(&String, NameForm, usize)> = Vec::new();
    let mut seen = FxHashMap::default();
    for doc in corpus.facts {
        for c in &doc.name_candidates {
            if !seen.contains_key(&c.text) {
                let count = corpus.census.get(&c.text).map_or(0, |s| s.count);
                seen.insert(c.text.clone(), spellings.len());
                spellings.push((&c.text, NameForm::parse(&c.text), count));
            }
        }
    }
    let mut blocks: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, (_, form, _)) in spellings.iter().enumerate() {
        for skip in 0..form.len() {
            blocks
                .entry(wildcard_key(&form.folded, skip))
                .or_default()
                .push(i);
        }
    }
    // The dominant spelling each rare one is a slip of. Each block's
    // members are compared with its few dominant spellings only, not with
    // each other: a block of thousands of "Jean …" costs thousands.
    let mut slip_of: FxHashMap<usize, usize> = FxHashMap::default();
    for members in blocks.values() {
        let dominants: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&d| spellings[d].2 >= DOMINANT_MIN_COUNT)
            .collect();
        if dominants.is_empty() {
            continue;
        }
        for &rare in members {
            let (_, rf, rc) = &spellings[rare];
            let best = dominants
                .iter()
                .filter(|&&d| dominates(spellings[d].2, *rc))
                .filter_map(|&d| near_miss(&rf.folded, &spellings[d].1.folded).map(|s| (d, s)))
                .max_by(|a, b| {
                    a.1.total_cmp(&b.1)
                        .then(spellings[a.0].2.cmp(&spellings[b.0].2))
                });
            if let Some((d, _)) = best {
                slip_of.entry(rare).or_insert(d);
            }
        }
    }
    if slip_of.is_empty() {
        return;
    }
    for doc in corpus.facts {
        for c in &doc.name_candidates {
            let Some(&d) = seen.get(&c.text).and_then(|i| slip_of.get(i)) else {
                continue;
            };
            let dominant = spellings[d].0;
            let count = spellings[d].2;
            out.push(
                Diagnostic::new(
                    Kind::NameTypo,
                    Severity::Warning,
                    &doc.file,
                    c.span,
                    &c.text,
                    format!(
                        "\"{}\" looks like a misspelling of \"{dominant}\", the spelling used {count} times in the corpus",
                        c.text
                    ),
                )
                .with_suggestion(dominant.clone())
                .with_related(corpus.census.related(dominant, &doc.file)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, summary};

    const RULES: &str = r#"
[[entity]]
id = "kim-jong-un"
name = "Kim Jong-un"
kind = "person"
distinct = ["Kim Jong-il"]
source = "s"

[[entity]]
id = "khrouchtchev"
name = "Nikita Khrouchtchev"
forms = ["Khrouchtchev"]
kind = "person"
source = "s"
"#;

    #[test]
    fn slips_of_declared_names_cite_the_correct_spelling_elsewhere() {
        let diags = lint_texts(
            RULES,
            &[
                ("a.txt", "Kim Jong-un est arrivé."),
                ("b.txt", "Puis Kim Young-un a parlé."),
            ],
        );
        let typos: Vec<_> = diags
            .iter()
            .filter(|d| d.kind.as_str() == "name-typo")
            .collect();
        assert_eq!(typos.len(), 1, "{}", summary(&diags));
        let d = typos[0];
        assert_eq!(
            (d.file.as_str(), d.text.as_str()),
            ("b.txt", "Kim Young-un")
        );
        assert_eq!(d.suggestion.as_deref(), Some("Kim Jong-un"));
        assert_eq!(d.related[0].file, "a.txt");
        assert_eq!(d.rule.as_deref(), Some("rules/test.toml#kim-jong-un"));
    }

    #[test]
    fn accent_slips_and_distinct_people() {
        let diags = lint_texts(
            RULES,
            &[("a.txt", "héritage khrouchtchév. Kim Jong-il, son père.")],
        );
        let got = summary(&diags);
        assert!(
            got.contains("name-typo khrouchtchév -> Khrouchtchev"),
            "{got}"
        );
        assert!(!got.contains("Kim Jong-il"), "{got}");
    }

    #[test]
    fn without_rules_a_rare_spelling_near_a_dominant_one_is_flagged() {
        let dominant = "Le maire Jean-Marc Ayrault parle. Jean-Marc Ayrault sourit. ";
        let diags = lint_texts(
            "",
            &[
                ("a.txt", dominant),
                ("b.txt", dominant),
                ("c.txt", "La ville de Nantes de Jean-Marc Ayraut a répondu."),
            ],
        );
        let got = summary(&diags);
        assert!(
            got.contains("name-typo Jean-Marc Ayraut -> Jean-Marc Ayrault"),
            "{got}"
        );
        assert_eq!(diags.len(), 1, "{got}");
        assert_eq!(diags[0].related.len(), 2);
    }

    #[test]
    fn two_rare_names_are_not_slips_of_each_other() {
        let diags = lint_texts("", &[("a.txt", "Jean-Marc Ayrault et Jean-Marc Ayraut.")]);
        assert!(diags.is_empty(), "{}", summary(&diags));
    }
}

//! The accuracy harness: runs the linter on an annotated evaluation set and
//! scores precision and recall per kind.
//!
//! An evaluation folder holds `articles/` and `expected.toml` (plus any
//! `expected-*.toml`, one per family of checks, read in name order):
//!
//! ```toml
//! [[finding]]                 # a diagnostic that must be reported
//! file = "sommet.md"          # relative to articles/
//! kind = "name-typo"
//! text = "Kim Young-un"       # the flagged text
//! nth = 1                     # which occurrence of `text` (default 1)
//!
//! [[clean]]                   # tricky correct text that must stay silent
//! file = "sommet.md"
//! text = "Kim Jong-il"
//! note = "the father, another person"
//! ```
//!
//! A diagnostic counts as a true positive when it has the kind of an
//! expected finding and overlaps its text; every other diagnostic is a false
//! positive (the annotations are exhaustive), and every expected finding
//! left unmatched is a false negative.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Kind};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    #[serde(default)]
    pub finding: Vec<Annotation>,
    #[serde(default)]
    pub clean: Vec<Annotation>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub file: String,
    #[serde(default)]
    pub kind: Option<String>,
    pub text: String,
    #[serde(default = "first")]
    pub nth: usize,
    #[serde(default)]
    pub note: Option<String>,
}

fn first() -> usize {
    1
}

/// True and false positives and false negatives of one kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Score {
    /// Precision, or 1 when nothing was reported.
    pub fn precision(&self) -> f64 {
        let found = self.true_positives + self.false_positives;
        if found == 0 {
            1.0
        } else {
            self.true_positives as f64 / found as f64
        }
    }

    /// Recall, or 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        let expected = self.true_positives + self.false_negatives;
        if expected == 0 {
            1.0
        } else {
            self.true_positives as f64 / expected as f64
        }
    }
}

#[derive(Debug, Default)]
pub struct Evaluation {
    pub scores: BTreeMap<Kind, Score>,
    /// Reported but not expected: "file:line:col kind text".
    pub false_positives: Vec<String>,
    /// Expected but not reported.
    pub false_negatives: Vec<String>,
    /// Clean spans that were flagged anyway.
    pub clean_violations: Vec<String>,
    pub files: usize,
}

/// Reads `dir/expected.toml` and every `dir/expected-*.toml` (one file per
/// family of checks keeps annotations easy to review), in name order.
pub fn read_expected(dir: &Path) -> Result<Expected, String> {
    let mut paths = vec![dir.join("expected.toml")];
    let mut more: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("expected-") && n.ends_with(".toml"))
        })
        .collect();
    more.sort();
    paths.extend(more);
    let mut all = Expected::default();
    for path in paths {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let one: Expected =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        all.finding.extend(one.finding);
        all.clean.extend(one.clean);
    }
    Ok(all)
}

/// Byte range of the `nth` occurrence of `needle` in `text`.
fn occurrence(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    let start = text.match_indices(needle).nth(nth.checked_sub(1)?)?.0;
    Some((start, start + needle.len()))
}

/// Whether diagnostic `d` covers bytes `s..e` of `path`: by its span, or,
/// for an anonymous quotation flagged at its speaker ("un diplomate"), by
/// the quotation it points at, so that a key may mark either.
fn reaches(d: &Diagnostic, path: &str, s: usize, e: usize) -> bool {
    d.file == path
        && (d.span.overlaps(s, e)
            || (d.kind == Kind::AnonymousQuote
                && d.related
                    .iter()
                    .any(|r| r.file == d.file && r.span.overlaps(s, e))))
}

/// Scores `diagnostics` of a run on `articles` (path → text) against
/// `expected`. Paths in diagnostics are `prefix` + the annotation's `file`.
pub fn score(
    expected: &Expected,
    articles: &BTreeMap<String, String>,
    prefix: &str,
    diagnostics: &[Diagnostic],
) -> Result<Evaluation, String> {
    let mut eval = Evaluation {
        files: articles.len(),
        ..Evaluation::default()
    };
    let locate = |a: &Annotation| -> Result<(String, usize, usize), String> {
        let path = format!("{prefix}{}", a.file);
        let text = articles
            .get(&path)
            .ok_or_else(|| format!("expected.toml names {} which is not an article", a.file))?;
        let (s, e) = occurrence(text, &a.text, a.nth).ok_or_else(|| {
            format!(
                "{}: \"{}\" (occurrence {}) not found",
                a.file, a.text, a.nth
            )
        })?;
        Ok((path, s, e))
    };
    let mut matched = vec![false; diagnostics.len()];
    for a in &expected.finding {
        let kind_name = a
            .kind
            .as_deref()
            .ok_or_else(|| format!("{}: finding \"{}\" has no kind", a.file, a.text))?;
        let kind = Kind::lookup(kind_name).ok_or_else(|| format!("unknown kind {kind_name}"))?;
        let (path, s, e) = locate(a)?;
        let score = eval.scores.entry(kind).or_default();
        let hit = diagnostics
            .iter()
            .enumerate()
            .position(|(i, d)| !matched[i] && d.kind == kind && reaches(d, &path, s, e));
        match hit {
            Some(i) => {
                matched[i] = true;
                score.true_positives += 1;
            }
            None => {
                score.false_negatives += 1;
                eval.false_negatives
                    .push(format!("{} {kind} \"{}\"", a.file, a.text));
            }
        }
    }
    for (d, m) in diagnostics.iter().zip(&matched) {
        if !m {
            eval.scores.entry(d.kind).or_default().false_positives += 1;
            eval.false_positives.push(format!(
                "{}:{}:{} {} \"{}\"",
                d.file, d.span.line, d.span.column, d.kind, d.text
            ));
        }
    }
    for a in &expected.clean {
        let (path, s, e) = locate(a)?;
        for d in diagnostics.iter().filter(|d| reaches(d, &path, s, e)) {
            let wanted = a
                .kind
                .as_deref()
                .is_none_or(|k| Kind::lookup(k) == Some(d.kind));
            if wanted {
                eval.clean_violations.push(format!(
                    "{} \"{}\" flagged as {} ({})",
                    a.file,
                    a.text,
                    d.kind,
                    a.note.as_deref().unwrap_or("no note")
                ));
            }
        }
    }
    Ok(eval)
}

impl Evaluation {
    /// The per-kind table printed by `factlint eval`.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<26} {:>8} {:>6} {:>4} {:>4} {:>4} {:>9} {:>7}\n",
            "kind", "expected", "found", "tp", "fp", "fn", "precision", "recall"
        );
        for (kind, s) in &self.scores {
            out.push_str(&format!(
                "{:<26} {:>8} {:>6} {:>4} {:>4} {:>4} {:>9.2} {:>7.2}\n",
                kind.as_str(),
                s.true_positives + s.false_negatives,
                s.true_positives + s.false_positives,
                s.true_positives,
                s.false_positives,
                s.false_negatives,
                s.precision(),
                s.recall()
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::LineIndex;

    #[test]
    fn scores_count_matches_misses_and_extras() {
        let text = "Kim Young-un et poutine, puis Kim Jong-il.".to_string();
        let mut articles = BTreeMap::new();
        articles.insert("e/a.md".to_string(), text.clone());
        let expected: Expected = toml::from_str(
            r#"
[[finding]]
file = "a.md"
kind = "name-typo"
text = "Kim Young-un"
[[finding]]
file = "a.md"
kind = "name-case"
text = "poutine"
[[clean]]
file = "a.md"
text = "Kim Jong-il"
"#,
        )
        .unwrap();
        let idx = LineIndex::new(&text);
        let at = |t: &str| {
            let s = text.find(t).unwrap();
            idx.span(&text, s, s + t.len())
        };
        let diags = vec![
            Diagnostic::new(
                Kind::NameTypo,
                Severity::Error,
                "e/a.md",
                at("Kim Young-un"),
                "Kim Young-un",
                "m".into(),
            ),
            Diagnostic::new(
                Kind::NameTypo,
                Severity::Error,
                "e/a.md",
                at("Kim Jong-il"),
                "Kim Jong-il",
                "m".into(),
            ),
        ];
        let eval = score(&expected, &articles, "e/", &diags).unwrap();
        let typo = eval.scores[&Kind::NameTypo];
        assert_eq!(
            (
                typo.true_positives,
                typo.false_positives,
                typo.false_negatives
            ),
            (1, 1, 0)
        );
        assert_eq!(typo.precision(), 0.5);
        assert_eq!(eval.scores[&Kind::NameCase].recall(), 0.0);
        assert_eq!(eval.clean_violations.len(), 1);
    }

    #[test]
    fn annotations_that_do_not_exist_are_errors() {
        let expected: Expected = toml::from_str(
            "[[finding]]\nfile = \"a.md\"\nkind = \"name-typo\"\ntext = \"absent\"\n",
        )
        .unwrap();
        let mut articles = BTreeMap::new();
        articles.insert("a.md".to_string(), "texte".to_string());
        assert!(score(&expected, &articles, "", &[]).is_err());
    }
}

//! Safe fixes: the replacements `--fix` writes and `--diff` shows.
//!
//! A diagnostic carries a safe fix when its check marked its suggestion as
//! the one certain replacement of its span ([`Diagnostic::safe_fix`]). The
//! fixes are applied to the texts in memory, which are then linted again
//! (the corpus checks need every document), until no safe fix is left, a
//! state comes back (fixes that undo each other) or [`MAX_PASSES`] passes
//! have run. Nothing here touches the disk except [`atomic_write`].
//!
//! Only the span's bytes change, so line endings, a byte-order mark and the
//! encoding (UTF-8, the only one linted) are kept as they were.

pub mod atomic_write;
mod diff;

pub use diff::unified_diff;

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use crate::corpus::{self, Document, Loaded, Target};
use crate::diagnostic::{Diagnostic, Kind};
use crate::engine::{self, Options};
use crate::extract::quotes;
use crate::rules::RuleSet;
use crate::span::LineIndex;

/// The most passes of fix-then-lint: each pass applies every fix that does
/// not overlap another, so real texts settle in two or three.
pub const MAX_PASSES: usize = 10;

/// The safe fixes of one text applied.
#[derive(Debug, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// How many fixes were applied.
    pub count: usize,
}

/// Applies the safe fixes among `diagnostics` (those of `doc`) to its text.
///
/// A fix is skipped when its span's text is no longer the diagnostic's
/// (stale), when it overlaps a fix already taken (the next pass gets it),
/// when its replacement or its span holds a line break (line endings are
/// never changed), and for spelling and grammar when it lies inside a
/// quotation (quoted words are the speaker's).
pub fn apply(doc: &Document, diagnostics: &[&Diagnostic]) -> Applied {
    let text = doc.text.as_str();
    let mut candidates: Vec<(Range<usize>, &str, Kind)> = diagnostics
        .iter()
        .filter(|d| d.safe_fix)
        .filter_map(|d| {
            let replacement = d.suggestion.as_deref()?;
            let range = d.span.start..d.span.end;
            // Out of range or off a character boundary: stale as well.
            let current = text.get(range.clone())?;
            let line_break = |s: &str| s.contains(['\n', '\r']);
            if current != d.text || current == replacement || line_break(current) {
                return None;
            }
            if line_break(replacement) {
                return None;
            }
            Some((range, replacement, d.kind))
        })
        .collect();
    if candidates.is_empty() {
        return Applied {
            text: text.to_string(),
            count: 0,
        };
    }
    candidates.sort_by(|a, b| (a.0.start, a.0.end, a.1).cmp(&(b.0.start, b.0.end, b.1)));
    let guards_quotes = |k: Kind| matches!(k, Kind::Spelling | Kind::Grammar);
    let quotations = if candidates.iter().any(|c| guards_quotes(c.2)) {
        quotes::extract(text, doc.body.clone(), &LineIndex::new(text))
    } else {
        Vec::new()
    };
    let mut taken: Vec<(Range<usize>, &str)> = Vec::with_capacity(candidates.len());
    for (range, replacement, kind) in candidates {
        if guards_quotes(kind)
            && quotes::overlapping(&quotations, range.clone()).any(|q| touches(&q.span, &range))
        {
            continue;
        }
        // Two fixes at one place (even two insertions) would compose in an
        // order nobody chose: the first wins, the other is linted again.
        if let Some((last, _)) = taken.last()
            && (range.start < last.end || range.start == last.start)
        {
            continue;
        }
        taken.push((range, replacement));
    }
    let mut out = String::with_capacity(text.len() + 16 * taken.len());
    let mut at = 0;
    for (range, replacement) in &taken {
        out.push_str(&text[at..range.start]);
        out.push_str(replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Applied {
        text: out,
        count: taken.len(),
    }
}

/// Whether an edit of `range` changes text inside the quotation `q`
/// (an insertion counts when strictly between its marks).
fn touches(q: &crate::span::Span, range: &Range<usize>) -> bool {
    if range.is_empty() {
        q.start < range.start && range.start < q.end
    } else {
        q.overlaps(range.start, range.end)
    }
}

/// One file the fixes change.
#[derive(Debug)]
pub struct Change {
    /// Where the file is on disk.
    pub path: PathBuf,
    /// The path as reports show it.
    pub shown: String,
    pub before: String,
    pub after: String,
    /// How many fixes were applied, over all passes.
    pub fixes: usize,
}

/// What the fix passes did.
#[derive(Debug, Default)]
pub struct Fixed {
    /// The files whose text changed, in the order given.
    pub changes: Vec<Change>,
    /// Lint passes run.
    pub passes: usize,
    /// Whether the last pass found no safe fix left to apply (false after
    /// [`MAX_PASSES`] or when fixes went round in a cycle).
    pub settled: bool,
}

impl Fixed {
    pub fn fix_count(&self) -> usize {
        self.changes.iter().map(|c| c.fixes).sum()
    }
}

/// Reads the articles among `targets` for fixing, with their folder's
/// metadata. Files that cannot be read are skipped: they are never fixed.
pub fn load(targets: &[Target], max_file_size: u64) -> Vec<(PathBuf, Document)> {
    let sidecars = corpus::Sidecars::default();
    targets
        .par_iter()
        .filter_map(|t| t.as_ref().ok())
        .filter_map(
            |path| match corpus::load_with(path, max_file_size, &sidecars) {
                Loaded::Document(doc, _) => Some((path.clone(), doc)),
                Loaded::Failed(_) => None,
            },
        )
        .collect()
}

/// Applies safe fixes to `docs` in memory, linting again after each pass,
/// until none is left. `options` filters the kinds as for a report, so
/// `--kind name-case` fixes only the case of names.
pub fn fix_documents(docs: Vec<(PathBuf, Document)>, rules: &RuleSet, options: &Options) -> Fixed {
    settle(docs, |docs| {
        engine::run_documents(docs, rules, options).diagnostics
    })
}

/// The passes of [`fix_documents`], with `lint` giving each pass's
/// diagnostics.
fn settle(
    docs: Vec<(PathBuf, Document)>,
    mut lint: impl FnMut(&[Document]) -> Vec<Diagnostic>,
) -> Fixed {
    let (paths, mut docs): (Vec<PathBuf>, Vec<Document>) = docs.into_iter().unzip();
    let originals: Vec<String> = docs.iter().map(|d| d.text.clone()).collect();
    let mut counts = vec![0; docs.len()];
    let mut states = HashSet::from([state(&docs)]);
    let mut passes = 0;
    let mut settled = false;
    while passes < MAX_PASSES {
        passes += 1;
        let diagnostics = lint(&docs);
        let mut by_file: FxHashMap<&str, Vec<&Diagnostic>> = FxHashMap::default();
        for d in diagnostics.iter().filter(|d| d.safe_fix) {
            by_file.entry(d.file.as_str()).or_default().push(d);
        }
        let applied: Vec<Option<Applied>> = docs
            .par_iter()
            .map(|doc| {
                let fixes = by_file.get(doc.path.as_str())?;
                Some(apply(doc, fixes)).filter(|a| a.count > 0)
            })
            .collect();
        if applied.iter().all(Option::is_none) {
            settled = true;
            break;
        }
        for (i, a) in applied.into_iter().enumerate() {
            if let Some(a) = a {
                counts[i] += a.count;
                docs[i] = docs[i].with_text(a.text);
            }
        }
        // Fixes that undo each other would turn forever: stop where the
        // texts come back to a state already seen.
        if !states.insert(state(&docs)) {
            break;
        }
    }
    let changes = docs
        .into_iter()
        .zip(originals)
        .zip(paths)
        .zip(counts)
        .filter(|(((doc, before), _), _)| doc.text != *before)
        .map(|(((doc, before), path), fixes)| Change {
            path,
            shown: doc.path,
            before,
            after: doc.text,
            fixes,
        })
        .collect();
    Fixed {
        changes,
        passes,
        settled,
    }
}

/// A fingerprint of every text, to notice a state seen before.
fn state(docs: &[Document]) -> Vec<u64> {
    docs.iter()
        .map(|d| {
            let mut h = FxHasher::default();
            d.text.hash(&mut h);
            h.finish()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::rules::parse_for_test;

    fn doc(text: &str) -> Document {
        Document::from_text("a.txt", text.to_string()).0
    }

    /// A safe fix of `text[start..end]` as a check would make it.
    fn fix(kind: Kind, text: &str, start: usize, end: usize, replacement: &str) -> Diagnostic {
        let span = LineIndex::new(text).span(text, start, end);
        Diagnostic::new(
            kind,
            Severity::Warning,
            "a.txt",
            span,
            &text[start..end],
            String::new(),
        )
        .with_fix(replacement)
    }

    fn applied(text: &str, diags: &[Diagnostic]) -> Applied {
        apply(&doc(text), &diags.iter().collect::<Vec<_>>())
    }

    #[test]
    fn fixes_apply_in_any_order_and_keep_the_rest() {
        let text = "poutine et staline.";
        let a = fix(Kind::NameCase, text, 0, 7, "Poutine");
        let b = fix(Kind::NameCase, text, 11, 18, "Staline");
        let got = applied(text, &[b, a]);
        assert_eq!(got.text, "Poutine et Staline.");
        assert_eq!(got.count, 2);
    }

    #[test]
    fn an_overlapping_fix_waits_for_the_next_pass() {
        let text = "Kim Jong Un";
        let whole = fix(Kind::NameVariant, text, 0, 11, "Kim Jong-un");
        let part = fix(Kind::NameTypo, text, 4, 11, "Jong-un");
        let got = applied(text, &[part, whole]);
        assert_eq!(got.count, 1);
        assert_eq!(got.text, "Kim Jong-un");
        // Two insertions at one place: one only.
        let text = "a;b";
        let one = fix(Kind::Typography, text, 1, 1, "\u{202f}");
        let two = fix(Kind::Typography, text, 1, 1, " ");
        assert_eq!(applied(text, &[one, two]).count, 1);
    }

    #[test]
    fn a_stale_span_is_skipped() {
        let text = "poutine";
        let mut d = fix(Kind::NameCase, text, 0, 7, "Poutine");
        d.text = "staline".into();
        assert_eq!(applied(text, &[d]).count, 0);
        // Off the end or inside a character: never a panic.
        let text = "Pékin";
        let mut d = fix(Kind::NameTypo, text, 0, 5, "Pekin");
        d.span.end = 2; // inside "é"
        assert_eq!(applied(text, &[d.clone()]).text, text);
        d.span.end = 99;
        assert_eq!(applied(text, &[d]).count, 0);
    }

    #[test]
    fn unsafe_suggestions_and_line_breaks_are_never_applied() {
        let text = "poutine\nstaline";
        let unsafe_one = fix(Kind::NameCase, text, 0, 7, "Poutine").with_suggestion("Poutine");
        let breaks = fix(Kind::Typography, text, 0, 7, "Pou\ntine");
        let across = fix(Kind::NameCase, text, 0, 15, "Poutine Staline");
        let got = applied(text, &[unsafe_one, breaks, across]);
        assert_eq!(got.count, 0);
        assert_eq!(got.text, text);
    }

    #[test]
    fn multibyte_spans_are_replaced_exactly() {
        let text = "« À Pékin », khrouchtchév dit : non";
        let start = text.find("khrouchtchév").unwrap();
        let d = fix(
            Kind::NameTypo,
            text,
            start,
            start + "khrouchtchév".len(),
            "Khrouchtchev",
        );
        assert_eq!(
            applied(text, &[d]).text,
            "« À Pékin », Khrouchtchev dit : non"
        );
    }

    #[test]
    fn crlf_and_bom_survive() {
        let text = "\u{feff}Un.\r\npoutine parle.\r\nFin\r\n";
        let start = text.find("poutine").unwrap();
        let d = fix(Kind::NameCase, text, start, start + 7, "Poutine");
        assert_eq!(
            applied(text, &[d]).text,
            "\u{feff}Un.\r\nPoutine parle.\r\nFin\r\n"
        );
    }

    #[test]
    fn spelling_and_grammar_fixes_stay_out_of_quotations() {
        let text = "Il dit « la resistance » et la resistance.";
        let inside = text.find("resistance").unwrap();
        let outside = text.rfind("resistance").unwrap();
        let d = |at| fix(Kind::Spelling, text, at, at + 10, "résistance");
        let got = applied(text, &[d(inside), d(outside)]);
        assert_eq!(got.text, "Il dit « la resistance » et la résistance.");
        // A name's house form is no one's wording: fixed even when quoted.
        let text = "« poutine »";
        let name = fix(Kind::NameCase, text, 3, 10, "Poutine");
        assert_eq!(applied(text, &[name]).text, "« Poutine »");
    }

    const RULES: &str = "[[entity]]\nid = \"k\"\nname = \"Kim Jong-un\"\nkind = \"person\"\n\
        variants = [\"Kim Jong Un\"]\nsource = \"s\"\n\
        [[entity]]\nid = \"p\"\nname = \"Poutine\"\nkind = \"person\"\nsource = \"s\"\n";

    fn docs(files: &[(&str, &str)]) -> Vec<(PathBuf, Document)> {
        files
            .iter()
            .map(|(p, t)| (PathBuf::from(p), Document::from_text(p, t.to_string()).0))
            .collect()
    }

    #[test]
    fn passes_run_to_a_fixed_point() {
        let rules = parse_for_test(RULES).unwrap();
        let fixed = fix_documents(
            docs(&[
                ("a.txt", "poutine reçoit Kim Jong Un.\r\n"),
                ("b.txt", "Rien à corriger ici.\n"),
            ]),
            &rules,
            &Options::default(),
        );
        assert!(fixed.settled);
        assert_eq!(fixed.changes.len(), 1);
        let change = &fixed.changes[0];
        assert_eq!(change.after, "Poutine reçoit Kim Jong-un.\r\n");
        assert_eq!(change.fixes, 2);
        // Linting the result again finds nothing left to fix.
        let again = fix_documents(
            docs(&[("a.txt", &change.after)]),
            &rules,
            &Options::default(),
        );
        assert!(again.changes.is_empty() && again.settled);
        assert_eq!(again.passes, 1);
    }

    #[test]
    fn fixes_that_undo_each_other_stop_at_a_cycle() {
        // A check that wants "oui" for "non" and "non" for "oui".
        let flip = |docs: &[Document]| -> Vec<Diagnostic> {
            let text = &docs[0].text;
            let (from, to) = if text.starts_with("oui") {
                ("oui", "non")
            } else {
                ("non", "oui")
            };
            vec![fix(Kind::Grammar, text, 0, from.len(), to)]
        };
        let fixed = settle(docs(&[("a.txt", "oui.")]), flip);
        assert!(!fixed.settled);
        assert_eq!(fixed.passes, 2, "back to the start after two passes");
        assert!(fixed.changes.is_empty(), "the text is as it was");
        // One that never settles stops after MAX_PASSES.
        let mut n = 0;
        let grow = |docs: &[Document]| -> Vec<Diagnostic> {
            n += 1;
            let text = &docs[0].text;
            vec![fix(Kind::Typography, text, 0, 0, &n.to_string())]
        };
        let fixed = settle(docs(&[("a.txt", "x")]), grow);
        assert_eq!(fixed.passes, MAX_PASSES);
        assert!(!fixed.settled);
        assert_eq!(fixed.changes[0].after, "10987654321x");
    }

    #[test]
    fn kind_filters_choose_the_fixes() {
        let rules = parse_for_test(RULES).unwrap();
        let options = Options {
            only: vec![Kind::NameCase],
            ..Options::default()
        };
        let fixed = fix_documents(
            docs(&[("a.txt", "poutine reçoit Kim Jong Un.")]),
            &rules,
            &options,
        );
        assert_eq!(fixed.changes[0].after, "Poutine reçoit Kim Jong Un.");
    }
}

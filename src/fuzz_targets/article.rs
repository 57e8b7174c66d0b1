//! The article targets: bytes as an article file, through the whole
//! pipeline; and bytes as the front matter of one.

use std::path::PathBuf;
use std::sync::Arc;

use super::{assert_spans_fit, bundle, render_reports};
use crate::corpus::{self, Document};
use crate::engine;
use crate::extract;
use crate::fix;

/// The name the input is linted under (`.md`: front matter is read).
const ARTICLE: &str = "fuzz.md";

/// Bytes as an article file, as the command line reads it: decoded (not
/// UTF-8, binary or empty: a `file-error`), then its facts extracted, the
/// per-article checks and the corpus checks run against the bundled
/// corpus, and every report format rendered; then its safe fixes applied
/// in memory, and the fixed text linted again.
pub fn article_pipeline(data: &[u8]) {
    let b = bundle();
    let (doc, problem) = match corpus::decode(ARTICLE, data.to_vec()) {
        Ok(text) => Document::from_text(ARTICLE, text),
        Err(d) => {
            render_reports(1, &[*d], &|_| None);
            return;
        }
    };
    let mut outcome = engine::run_against_facts(vec![doc.clone()], &b.corpus, &b.rules, &b.options);
    outcome.diagnostics.extend(problem);
    outcome
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    assert_spans_fit(ARTICLE, &doc.text, &outcome.diagnostics);
    let text = Arc::new(doc.text.clone());
    let source = |file: &str| match file {
        ARTICLE => Some(text.clone()),
        _ => b.text_of(file),
    };
    render_reports(outcome.files_checked, &outcome.diagnostics, &source);
    fix_in_memory(doc);
}

/// What `--fix` and `--diff` do, without the disk: fix passes until none
/// is left, the diff of each change, and a last lint of a text the passes
/// left unsettled (a settled text was linted by the pass that found
/// nothing left to fix).
fn fix_in_memory(doc: Document) {
    let b = bundle();
    let fixed = fix::fix_documents(vec![(PathBuf::from(ARTICLE), doc)], &b.rules, &b.options);
    for change in &fixed.changes {
        fix::unified_diff(change);
        let breaks = |s: &str| s.bytes().filter(|&c| c == b'\n' || c == b'\r').count();
        assert_eq!(
            breaks(&change.before),
            breaks(&change.after),
            "a fix added or removed a line break:\n{:?}\n{:?}",
            change.before,
            change.after
        );
        if !fixed.settled {
            let (again, _) = Document::from_text(ARTICLE, change.after.clone());
            let outcome = engine::run_documents(&[again], &b.rules, &b.options);
            assert_spans_fit(ARTICLE, &change.after, &outcome.diagnostics);
        }
    }
}

/// Bytes as the front matter of an article: after a `---` line (YAML) and
/// after a `+++` line (TOML). The metadata is read, a warning about it
/// rendered, and the body's facts extracted from the offsets it gives.
pub fn front_matter(data: &[u8]) {
    let Ok(content) = std::str::from_utf8(data) else {
        return; // not an article: decoding refuses it first
    };
    let b = bundle();
    for fence in ["---\n", "+++\n"] {
        let (doc, problem) = Document::from_text(ARTICLE, format!("{fence}{content}"));
        doc.body_text();
        doc.meta.publication();
        if let Some(d) = problem {
            let diagnostics = [d];
            assert_spans_fit(ARTICLE, &doc.text, &diagnostics);
            let text = Arc::new(doc.text.clone());
            crate::report::human::render(1, &diagnostics, &|_| Some(text.clone()), false);
        }
        extract::extract(&doc, &b.rules, &b.compiled);
    }
}

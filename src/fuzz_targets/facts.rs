//! The targets of facts read back: a `factlint facts` export and an index
//! file, each compared as the command line compares them.

use std::io::Cursor;
use std::path::Path;

use super::{bundle, render_reports, sample_article};
use crate::corpus::Document;
use crate::engine;
use crate::extract::TableSizes;
use crate::fact_index::{FactIndex, PathsShown};
use crate::fact_records::export;

/// Bytes as an export given to `factlint check --facts`: read with the
/// bundled rules' fingerprint, then the cross-article checks run on its
/// facts and every report format rendered (snippets from the bundled
/// corpus, whose texts may not be the ones the facts were read from).
pub fn fact_export(data: &[u8]) {
    let b = bundle();
    let exports = std::iter::once(("fuzz.jsonl".to_string(), Ok(Cursor::new(data))));
    let sizes = TableSizes::new(&b.rules, &b.compiled.gazetteer);
    match export::read_from(exports, &b.rules_fingerprint, sizes) {
        Ok(exported) => {
            let outcome = engine::run_corpus_checks(&exported.corpus, &b.rules, &b.options);
            render_reports(outcome.files_checked, &outcome.diagnostics, &|f| {
                b.text_of(f)
            });
        }
        Err(e) => drop(e.to_string()),
    }
}

/// Bytes as an index file given to `--against`: read, checked for
/// freshness (against no articles: every indexed one has vanished), then a
/// short draft checked against its facts and the reports rendered.
pub fn fact_index(data: &[u8]) {
    let b = bundle();
    let path = Path::new("fuzz.idx");
    let index = match FactIndex::read_from(path, Cursor::new(data)) {
        Ok(index) => index,
        Err(e) => return drop(e.to_string()),
    };
    index.header.roots_shown();
    if let Err(e) = index.check_fresh(path, &index.header.inputs, &[], &Default::default()) {
        drop(e.to_string());
    }
    // The command line refuses a stale index; past that, facts that do not
    // fit the rules are refused before any check reads them.
    let sizes = TableSizes::new(&b.rules, &b.compiled.gazetteer);
    if let Err(e) = index.check_tables(path, sizes) {
        return drop(e.to_string());
    }
    let facts = index.into_corpus_facts(&PathsShown::here());
    let (draft, _) = Document::from_text("draft.md", sample_article().into());
    let outcome = engine::run_against_facts(vec![draft], &facts, &b.rules, &b.options);
    render_reports(outcome.files_checked, &outcome.diagnostics, &|f| match f {
        "draft.md" => Some(std::sync::Arc::new(sample_article().to_string())),
        _ => b.text_of(f),
    });
}

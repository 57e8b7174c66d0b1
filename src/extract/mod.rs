//! What a document states, read once: the facts the checks compare.

pub mod gazetteer;
pub mod name_form;
pub mod names;
pub mod pieces;

use crate::corpus::{Document, Meta};
use crate::rules::RuleSet;
use crate::span::LineIndex;

pub use gazetteer::{FormEntry, FormRole, Gazetteer};
pub use names::{Fit, NameCandidate, NameMention};

/// Everything extracted from one document. The text itself is not kept:
/// memory holds facts, not corpora.
#[derive(Clone, Debug)]
pub struct Facts {
    pub file: String,
    pub meta: Meta,
    pub names: Vec<NameMention>,
    pub name_candidates: Vec<NameCandidate>,
}

/// Reads the facts of `doc`, skipping the regions the rules exclude.
pub fn extract(doc: &Document, rules: &RuleSet, gazetteer: &Gazetteer) -> Facts {
    let lines = LineIndex::new(&doc.text);
    let body = doc.body_text();
    let mut all = pieces::pieces(body, doc.body.start);
    if !rules.excludes.is_empty() {
        let mut excluded: Vec<(usize, usize)> = Vec::new();
        for x in &rules.excludes {
            excluded.extend(
                x.pattern
                    .find_iter(body)
                    .map(|m| (m.start() + doc.body.start, m.end() + doc.body.start)),
            );
        }
        let mut previous_dropped = false;
        all.retain_mut(|p| {
            let drop = excluded.iter().any(|&(s, e)| p.start < e && s < p.end);
            if !drop && previous_dropped {
                p.sep = pieces::Sep::Start;
            }
            previous_dropped = drop;
            !drop
        });
    }
    let names = names::extract(&doc.text, &all, &lines, gazetteer);
    Facts {
        file: doc.path.clone(),
        meta: doc.meta.clone(),
        names: names.mentions,
        name_candidates: names.candidates,
    }
}

//! The checks: each a small type implementing [`Check`], registered once in
//! [`CHECKS`]. A check reads facts, never raw text, and never prints; its
//! documentation (a markdown file beside it) is what `factlint explain`
//! prints.

mod ambiguous_date;
mod anniversary_mismatch;
mod anonymous_quote;
mod date_contradiction;
mod event_identities;
mod event_statements;
mod grammar;
mod language;
mod location_contradiction;
mod name_case;
mod name_census;
mod name_typo;
mod name_variant;
mod number_contradiction;
mod participant_contradiction;
mod quote_mismatch;
mod spelling;
mod typography;
mod unsourced_claim;
mod vague_attribution;
mod weekday_mismatch;

use crate::diagnostic::{Diagnostic, Kind};
use crate::extract::{CompiledRules, Facts, Prose};
use crate::rules::RuleSet;

pub use ambiguous_date::AmbiguousDate;
pub use anniversary_mismatch::AnniversaryMismatch;
pub use anonymous_quote::AnonymousQuote;
pub use date_contradiction::DateContradiction;
pub use grammar::Grammar;
pub use location_contradiction::LocationContradiction;
pub use name_case::NameCase;
pub use name_census::NameCensus;
pub use name_typo::NameTypo;
pub use name_variant::NameVariant;
pub use number_contradiction::NumberContradiction;
pub use participant_contradiction::ParticipantContradiction;
pub use quote_mismatch::QuoteMismatch;
pub use spelling::Spelling;
pub use typography::Typography;
pub use unsourced_claim::UnsourcedClaim;
pub use vague_attribution::VagueAttribution;
pub use weekday_mismatch::WeekdayMismatch;

/// What a document-level check sees.
pub struct Context<'a> {
    pub rules: &'a RuleSet,
    pub compiled: &'a CompiledRules,
}

/// What a corpus-level check sees: every document's facts, and where each
/// spelling of a name occurs.
pub struct Corpus<'a> {
    pub context: &'a Context<'a>,
    pub facts: &'a [&'a Facts],
    pub census: NameCensus,
    /// Per document, per event mention: whether it is its event (judged
    /// once, for the contradiction checks).
    identities: std::sync::OnceLock<Vec<Vec<crate::extract::events::identity::Identity>>>,
}

impl<'a> Corpus<'a> {
    pub fn new(context: &'a Context<'a>, facts: &'a [&'a Facts]) -> Corpus<'a> {
        Corpus::with_census(context, facts, NameCensus::new(facts))
    }

    /// A corpus whose name census is given (empty for the event checks
    /// alone).
    pub fn with_census(
        context: &'a Context<'a>,
        facts: &'a [&'a Facts],
        census: NameCensus,
    ) -> Corpus<'a> {
        Corpus {
            context,
            census,
            facts,
            identities: std::sync::OnceLock::new(),
        }
    }

    /// The identity of mention `m` of document `doc` (see
    /// [`event_identities`]).
    pub fn identity(&self, doc: usize, m: usize) -> &crate::extract::events::identity::Identity {
        &self.identities.get_or_init(|| {
            event_identities::judge(
                self.facts,
                self.context.rules,
                &self.context.compiled.events,
            )
        })[doc][m]
    }
}

pub trait Check: Sync {
    /// The kind of diagnostic the check produces.
    fn kind(&self) -> Kind;

    /// What it flags, why, an example and how to fix it (markdown).
    fn explain(&self) -> &'static str;

    /// Runs on each document, in parallel, while its facts are fresh and
    /// its prose (text, pieces, sentences) is at hand.
    fn check_document(
        &self,
        _facts: &Facts,
        _prose: &Prose,
        _cx: &Context,
        _out: &mut Vec<Diagnostic>,
    ) {
    }

    /// Runs once on the whole corpus, after every document.
    fn check_corpus(&self, _corpus: &Corpus, _out: &mut Vec<Diagnostic>) {}
}

/// Every check, in the order they run.
pub static CHECKS: &[&dyn Check] = &[
    &NameTypo,
    &NameVariant,
    &NameCase,
    &DateContradiction,
    &LocationContradiction,
    &ParticipantContradiction,
    &NumberContradiction,
    &WeekdayMismatch,
    &AnniversaryMismatch,
    &AmbiguousDate,
    &UnsourcedClaim,
    &VagueAttribution,
    &AnonymousQuote,
    &QuoteMismatch,
    &Typography,
    &Grammar,
    &Spelling,
];

const FILE_ERROR_DOC: &str = include_str!("file_error.md");

/// The documentation of `kind`: the check's own, or what the kind means
/// when no check produces it yet.
pub fn explain(kind: Kind) -> String {
    if kind == Kind::FileError {
        return FILE_ERROR_DOC.to_string();
    }
    match CHECKS.iter().find(|c| c.kind() == kind) {
        Some(check) => check.explain().to_string(),
        None => format!(
            "# {} ({})\n\n{}.\n\nThis version of factlint does not check this kind yet.\n",
            kind.as_str(),
            kind.code(),
            capitalize(kind.summary())
        ),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_a_distinct_kind_and_a_documented_title() {
        let mut kinds = std::collections::HashSet::new();
        for check in CHECKS {
            assert!(kinds.insert(check.kind()));
            let doc = check.explain();
            assert!(
                doc.starts_with(&format!("# {} ({})", check.kind(), check.kind().code())),
                "{doc}"
            );
            for section in ["## What it flags", "## Why", "## Example", "## How to fix"] {
                assert!(doc.contains(section), "{} lacks {section}", check.kind());
            }
        }
    }

    #[test]
    fn every_kind_of_the_design_is_checked_and_explained() {
        for kind in Kind::ALL {
            let doc = explain(kind);
            assert!(!doc.contains("does not check this kind yet"), "{kind}");
            assert!(doc.contains(kind.as_str()), "{kind}: {doc}");
        }
    }
}

//! The `[sourcing]` lists compiled for lookup on word pieces.

use rustc_hash::FxHashMap;

use super::Marker;
use crate::extract::pieces::{FoldedPieces, Piece};
use crate::rules::{Phrase, RuleSet};

/// A marker found in the text, over pieces `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Hit {
    pub(super) marker: Marker,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The sourcing phrases compiled for lookup by their first word: exact
/// first words in a map, `stem*` first words by their first three bytes.
#[derive(Debug, Default)]
pub struct MarkerIndex {
    phrases: Vec<(Marker, Phrase)>,
    exact: FxHashMap<String, Vec<usize>>,
    prefixed: FxHashMap<Vec<u8>, Vec<usize>>,
    short_prefixed: Vec<usize>,
}

impl MarkerIndex {
    pub fn new(rules: &RuleSet) -> MarkerIndex {
        let s = &rules.sourcing;
        let lists = [
            (Marker::Introducer, &s.introducers),
            (Marker::SpeechVerb, &s.speech_verbs),
            (Marker::VagueSource, &s.vague_sources),
            (Marker::Indefinite, &s.indefinites),
            (Marker::Role, &s.roles),
            (Marker::ClaimAction, &s.claim_actions),
            (Marker::ClaimObject, &s.claim_objects),
            (Marker::Accusation, &s.accusations),
            (Marker::ClaimUnit, &s.claim_units),
            (Marker::Hedge, &s.hedges),
            (Marker::FirstPerson, &s.first_person),
            (Marker::Institution, &s.institutions),
            (Marker::AcceptedSource, &s.accepted_sources),
        ];
        let mut index = MarkerIndex::default();
        for (marker, list) in lists {
            for phrase in list {
                let i = index.phrases.len();
                let first = &phrase[0];
                if !first.prefix {
                    index.exact.entry(first.stem.clone()).or_default().push(i);
                } else if first.stem.len() >= 3 {
                    let key = first.stem.as_bytes()[..3].to_vec();
                    index.prefixed.entry(key).or_default().push(i);
                } else {
                    index.short_prefixed.push(i);
                }
                index.phrases.push((marker, phrase.clone()));
            }
        }
        index
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every marker starting at each piece, in text order.
    pub(super) fn hits(&self, pieces: &[Piece], folded: &FoldedPieces) -> Vec<Hit> {
        let mut out = Vec::new();
        for i in 0..pieces.len() {
            let word = folded.get(i);
            let exact = self.exact.get(word).into_iter().flatten();
            let prefixed = (word.len() >= 3)
                .then(|| self.prefixed.get(&word.as_bytes()[..3]))
                .flatten()
                .into_iter()
                .flatten();
            for &p in exact.chain(prefixed).chain(&self.short_prefixed) {
                let (marker, phrase) = &self.phrases[p];
                if let Some(end) = match_phrase(phrase, pieces, folded, i) {
                    out.push(Hit {
                        marker: *marker,
                        start: i,
                        end,
                    });
                }
            }
        }
        out
    }
}

/// The end piece of `phrase` matched from piece `i`, words joined by
/// spaces, hyphens or apostrophes.
fn match_phrase(
    phrase: &Phrase,
    pieces: &[Piece],
    folded: &FoldedPieces,
    i: usize,
) -> Option<usize> {
    for (k, word) in phrase.iter().enumerate() {
        let j = i + k;
        if j >= pieces.len() || (k > 0 && !pieces[j].sep.joins_name()) {
            return None;
        }
        if !word.matches(folded.get(j)) {
            return None;
        }
    }
    Some(i + phrase.len())
}

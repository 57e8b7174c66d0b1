//! What a document offers to event linking, and what linking returns.

use std::ops::Range;

use super::{AnniversaryMention, EventMention};
use crate::extract::dates::DateMention;
use crate::extract::names::NameMention;
use crate::extract::pieces::{FoldedPieces, Piece};
use crate::span::LineIndex;

/// What a document offers to event linking.
pub struct Document<'a> {
    pub text: &'a str,
    pub pieces: &'a [Piece],
    pub folded: &'a FoldedPieces,
    /// The sentences cut at their semicolons (see
    /// [`crate::extract::sentences::clauses`]).
    pub sentences: &'a [Range<usize>],
    pub names: &'a [NameMention],
    /// People the rules do not declare ("Leonid Kravtchouk").
    pub people: &'a [crate::extract::people::PersonName],
    pub dates: &'a [DateMention],
    /// Regions the rules exclude, as byte ranges.
    pub excluded: &'a [(usize, usize)],
    pub lines: &'a LineIndex,
    pub publication: Option<chrono::NaiveDate>,
}

impl Document<'_> {
    /// The folded word of piece `k`, or "" past the last piece.
    pub(super) fn word(&self, k: usize) -> &str {
        if k < self.pieces.len() {
            self.folded.get(k)
        } else {
            ""
        }
    }
}

pub struct EventFacts {
    pub events: Vec<EventMention>,
    pub anniversaries: Vec<AnniversaryMention>,
}

//! What a sentence states about an event: its date, place, parties and
//! figures, and the anniversaries it counts.

use super::EventIndex;
use super::attachment::{self, year_of_the_reference};
use super::identity;
use crate::extract::dates::{DateMention, DateSpan};
use crate::span::Span;

/// A name stated about an event: a place or a participant.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StatedName {
    pub entity: usize,
    pub span: Span,
    pub text: String,
}

/// A date stated about an event.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StatedDate {
    pub span: Span,
    pub text: String,
    pub value: DateSpan,
    /// Written without its year ("le 30 septembre"), the year inferred.
    #[serde(default)]
    pub yearless: bool,
}

impl StatedDate {
    /// The date `d` (read as `value`) stated about `event`.
    pub(super) fn of(
        d: &DateMention,
        value: DateSpan,
        index: &EventIndex,
        event: usize,
    ) -> StatedDate {
        StatedDate {
            span: d.span,
            text: d.text.clone(),
            value: year_of_the_reference(d, value, index, event),
            yearless: attachment::year_inferred(d),
        }
    }
}

/// A figure stated about an event.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StatedFigure {
    /// Index into the event's figures.
    pub figure: usize,
    pub span: Span,
    pub text: String,
    pub value: f64,
    pub approximate: bool,
    #[serde(default)]
    pub bound: crate::extract::numbers::Bound,
}

/// A sentence that speaks of a declared event, with what it states.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventMention {
    pub event: usize,
    pub trigger: Span,
    pub trigger_text: String,
    pub date: Option<StatedDate>,
    pub place: Option<StatedName>,
    pub participants: Vec<StatedName>,
    /// Parties the rules do not declare, named with first name and
    /// surname.
    #[serde(default)]
    pub people: Vec<crate::extract::people::PersonName>,
    pub figures: Vec<StatedFigure>,
    /// Whether what it states made it this event rather than another of
    /// its word (see [`relink`]); for `factlint facts --why`.
    #[serde(skip)]
    pub relinked: bool,
    /// Whether what it states makes it this event (see [`identity`]).
    #[serde(default)]
    pub identity: identity::Identity,
}

/// "le 80e anniversaire de la victoire contre le Japon": an ordinal, the
/// event it counts from, and the year the text places it in.
#[derive(Clone, Debug, PartialEq)]
pub struct AnniversaryMention {
    pub span: Span,
    pub text: String,
    pub ordinal: i32,
    pub event: usize,
    /// The year of the anniversary as the article gives it, and from where.
    pub year: Option<(i32, YearSource)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum YearSource {
    /// A date in the same sentence.
    Stated(Span, String),
    /// The date of another event the sentence speaks of.
    Event(usize),
    /// The article's publication date.
    Publication,
}

//! Who says what: attributions ("selon X", "des experts estiment"), the
//! speaker of each quotation, and the check-worthy sentences with whether a
//! source stands in them or next to them. The markers are data
//! (`[sourcing]` in the rules); this module matches them on word pieces.

use std::ops::Range;

mod attributions;
mod claims;
mod incise;
mod markers;
mod mentions;
mod speakers;

use markers::Hit;
pub use markers::MarkerIndex;

use super::pieces::{FoldedPieces, Piece, Sep, is_capitalized};
use super::quotes::Quotation;
use super::{Gazetteer, NameCandidate, NameMention};
use crate::rules::{EntityKind, RuleSet};
use crate::span::{LineIndex, Span};

/// The lists of `[sourcing]`, each a kind of marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Introducer,
    SpeechVerb,
    VagueSource,
    Indefinite,
    Role,
    ClaimAction,
    ClaimObject,
    Accusation,
    ClaimUnit,
    Hedge,
    FirstPerson,
    Institution,
    AcceptedSource,
}

/// An attribution of a statement to a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The marker and the source: "Selon les Américains".
    pub span: Span,
    /// The source as written: "les Américains".
    pub source: String,
    /// Whether the source names nobody: an unnamed or collective source.
    pub vague: bool,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    /// A named person or organisation (or a pronoun after one).
    Named(String),
    /// A description that names nobody: "Président russe".
    Described(String),
    /// Nothing in or around the quotation says who speaks.
    Unknown,
}

/// Quoted speech and its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speech {
    /// The quoted words (with their marks), or the whole paragraph of an
    /// unmarked quotation signed by a caption.
    pub span: Span,
    pub speaker: Speaker,
    /// Where the speaker is given, when it is: a caption line, a name.
    pub speaker_span: Option<Span>,
}

/// A check-worthy sentence: a figure, an accusation, a transfer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The words that make it check-worthy: "fournir des armements".
    pub span: Span,
    pub text: String,
    /// Whether an attribution stands in the sentence or next to it.
    pub sourced: bool,
}

/// A quotation of speech kept for comparing articles: its words as
/// written and its speaker when named. Unlike the rest of this module's
/// facts it is written to an index, since drafts are compared with it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuotedSpeech {
    /// The quoted words, without their marks.
    pub span: Span,
    /// The quoted words as written.
    pub words: String,
    /// The speaker when a proper name gives it ("Emmanuel Macron"), not a
    /// pronoun or a description.
    pub speaker: Option<String>,
}

/// Quotations shorter than this many words are not compared: short
/// phrases recur by chance.
pub const COMPARED_QUOTE_WORDS: usize = 6;

impl SourcingFacts {
    /// The quotations of speech worth comparing across articles.
    pub fn quoted_speech(&self, text: &str) -> Vec<QuotedSpeech> {
        self.speech
            .iter()
            .filter_map(|s| {
                let whole = &text[s.span.start..s.span.end];
                let mark = |c: char| {
                    c.is_whitespace()
                        || matches!(c, '«' | '»' | '“' | '”' | '"' | '\u{a0}' | '\u{202f}')
                };
                let words = whole.trim_matches(mark).to_string();
                let offset = whole.len() - whole.trim_start_matches(mark).len();
                let count = words
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                (count >= COMPARED_QUOTE_WORDS).then(|| QuotedSpeech {
                    span: s.span.within(whole, offset, offset + words.len()),
                    words,
                    speaker: match &s.speaker {
                        Speaker::Named(who) if gives_a_name(who) => Some(who.clone()),
                        _ => None,
                    },
                })
            })
            .collect()
    }
}

/// Whether a speaker as written gives a proper name ("Emmanuel Macron",
/// "le président Emmanuel Macron"), not only a role whose complement is
/// capitalized ("le chef de l’État", "le président de la République"):
/// two roles of one person must not read as two speakers.
fn gives_a_name(who: &str) -> bool {
    let mut after_de = false;
    for (k, word) in who
        .split(|c: char| c.is_whitespace() || matches!(c, '’' | '\''))
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !after_de && (k > 0 || determiner_free(word)) {
            return true;
        }
        let w = word.to_lowercase();
        after_de = matches!(w.as_str(), "de" | "du" | "des" | "d" | "la" | "l" | "le")
            && (after_de || matches!(w.as_str(), "de" | "du" | "des" | "d"));
    }
    false
}

/// A first word that is no determiner: "Emmanuel", not "La".
fn determiner_free(word: &str) -> bool {
    !matches!(
        word.to_lowercase().as_str(),
        "le" | "la" | "les" | "l" | "un" | "une" | "ce" | "cette"
    )
}

/// Everything this module reads from one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourcingFacts {
    pub attributions: Vec<Attribution>,
    pub speech: Vec<Speech>,
    pub claims: Vec<Claim>,
}

/// What the extraction reads.
pub struct Input<'a> {
    pub text: &'a str,
    pub pieces: &'a [Piece],
    pub folded: &'a FoldedPieces,
    pub sentences: &'a [Range<usize>],
    pub quotations: &'a [Quotation],
    pub names: &'a [NameMention],
    pub candidates: &'a [NameCandidate],
    /// Known first names: where a person's name starts in a run of
    /// capitals ("à Keystone-ATS Pascal Fontaine").
    pub first_names: &'a crate::extract::people::FirstNames,
    pub gazetteer: &'a Gazetteer,
    pub lines: &'a LineIndex,
    /// The article's title, which a reader reads first: a person it
    /// names is "named before" every description of the body.
    pub title: Option<&'a str>,
}

/// A present participle ("confirmant", "précisant"), not a conjunction
/// or an adverb that ends the same way ("pendant", "cependant").
fn is_present_participle(word: &str) -> bool {
    word.chars().count() > 4
        && word.ends_with("ant")
        && !matches!(
            word,
            "pendant" | "durant" | "cependant" | "maintenant" | "pourtant" | "avant" | "devant"
        )
}

/// Capitals only, two letters or more: "AFP", "ATS", "AVIPA".
fn is_acronym(piece: &str) -> bool {
    piece.chars().count() >= 2 && piece.chars().all(char::is_uppercase)
}

/// Pronouns that stand for a speaker named before.
const PRONOUNS: &[&str] = &["il", "elle", "ils", "elles", "lui", "eux"];

/// Small words that are capitalized at a sentence start but name nobody.
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "il", "elle", "ils", "elles",
    "ce", "cette", "ces", "selon", "mais", "et", "en", "dans", "pour", "a", "au", "aux", "lors",
    "apres", "avant", "pendant", "depuis", "son", "sa", "ses", "leur", "leurs", "on", "nous", "je",
    "j", "c", "qu", "que", "si", "alors", "ainsi", "enfin", "face", "par", "sur",
];

pub fn extract(input: &Input, rules: &RuleSet, index: &MarkerIndex) -> SourcingFacts {
    if index.is_empty() {
        return SourcingFacts::default();
    }
    let hits = index.hits(input.pieces, input.folded);
    let first_person_named = input
        .names
        .iter()
        .find(|m| {
            let entity = input.gazetteer.forms[m.form].entity;
            rules.entities[entity].kind == EntityKind::Person
        })
        .map(|m| m.span.start)
        .into_iter()
        .chain(input.candidates.first().map(|c| c.span.start))
        .chain(input.title.filter(|t| title_names_someone(t)).map(|_| 0))
        .min();
    let reader = Reader {
        input,
        rules,
        hits,
        first_person_named,
        speech_quote: input
            .quotations
            .iter()
            .map(|q| q.word_count(input.text) >= 4)
            .collect(),
    };
    let mut out = SourcingFacts::default();
    reader.attributions(&mut out.attributions);
    // "« Les autorités de santé ont estimé… »": a source inside someone's
    // quotation is the speaker's words, which the editor cannot change.
    out.attributions
        .retain(|a| !reader.in_speech_quote(a.span.start));
    reader.speech(&mut out.speech);
    reader.claims(&out.speech, &mut out.claims);
    out
}

struct Reader<'a> {
    input: &'a Input<'a>,
    rules: &'a RuleSet,
    hits: Vec<Hit>,
    /// Where a person (or an unknown capitalized name) is first named.
    first_person_named: Option<usize>,
    /// For each quotation, whether it has the four words of speech.
    speech_quote: Vec<bool>,
}

impl Reader<'_> {
    fn piece_text(&self, i: usize) -> &str {
        let p = self.input.pieces[i];
        &self.input.text[p.start..p.end]
    }

    fn word(&self, i: usize) -> &str {
        self.input.folded.get(i)
    }

    /// The pieces whose start lies in `bytes`.
    fn pieces_in(&self, bytes: &Range<usize>) -> Range<usize> {
        let pieces = self.input.pieces;
        let a = pieces.partition_point(|p| p.start < bytes.start);
        let b = pieces.partition_point(|p| p.start < bytes.end);
        a..b
    }

    fn hits_in(&self, pieces: &Range<usize>) -> impl Iterator<Item = &Hit> {
        let a = self.hits.partition_point(|h| h.start < pieces.start);
        self.hits[a..]
            .iter()
            .take_while(move |h| h.start < pieces.end)
    }

    fn has(&self, marker: Marker, i: usize) -> Option<&Hit> {
        self.hits_in(&(i..i + 1)).find(|h| h.marker == marker)
    }

    fn span(&self, from_piece: usize, to_piece: usize) -> Span {
        let p = self.input.pieces;
        self.input
            .lines
            .span(self.input.text, p[from_piece].start, p[to_piece - 1].end)
    }

    fn text_of(&self, from_piece: usize, to_piece: usize) -> &str {
        let p = self.input.pieces;
        &self.input.text[p[from_piece].start..p[to_piece - 1].end]
    }

    /// A declared name overlapping `bytes`, with its entity's kind.
    fn entity_in(&self, bytes: Range<usize>) -> Option<(EntityKind, &NameMention)> {
        let names = self.input.names;
        let i = names.partition_point(|m| m.span.end <= bytes.start);
        let m = names.get(i).filter(|m| m.span.start < bytes.end)?;
        Some((self.kind_of(m), m))
    }

    fn kind_of(&self, m: &NameMention) -> EntityKind {
        let entity = self.input.gazetteer.forms[m.form].entity;
        self.rules.entities[entity].kind
    }

    fn candidate_in(&self, bytes: Range<usize>) -> Option<&NameCandidate> {
        // Candidates are disjoint runs in text order.
        let candidates = self.input.candidates;
        let i = candidates.partition_point(|c| c.span.end <= bytes.start);
        candidates.get(i).filter(|c| c.span.start < bytes.end)
    }

    /// The quotations of speech (four words or more) starting in `bytes`.
    fn speech_quotes_in(&self, bytes: Range<usize>) -> impl Iterator<Item = &Quotation> {
        let quotations = self.input.quotations;
        let i = quotations.partition_point(|q| q.span.start < bytes.start);
        (i..quotations.len())
            .take_while(move |&k| quotations[k].span.start < bytes.end)
            .filter(|&k| self.speech_quote[k])
            .map(move |k| &quotations[k])
    }

    /// Whether byte `at` lies in a quotation of speech.
    fn in_speech_quote(&self, at: usize) -> bool {
        crate::extract::quotes::overlapping_indices(self.input.quotations, at..at + 1)
            .any(|k| self.speech_quote[k])
    }

    /// A name of a person or organisation over pieces `range`: a declared
    /// one, an unknown capitalized run, or a capitalized word that is no
    /// role, no function word and no place.
    fn named_in(&self, range: Range<usize>, skip_first_capital: bool) -> Option<(usize, usize)> {
        if range.is_empty() {
            return None;
        }
        let pieces = self.input.pieces;
        for i in range.clone() {
            let bytes = pieces[i].start..pieces[i].end;
            if let Some((kind, m)) = self.entity_in(bytes.clone()) {
                if kind != EntityKind::Place {
                    let end = pieces.partition_point(|p| p.start < m.span.end);
                    return Some((i, end.max(i + 1)));
                }
                continue;
            }
            if let Some(c) = self.candidate_in(bytes) {
                let end = pieces.partition_point(|p| p.start < c.span.end);
                return Some((i, end.max(i + 1)));
            }
            let first = i == range.start && skip_first_capital;
            if !first
                && is_capitalized(self.piece_text(i))
                && self.piece_text(i).chars().count() > 1
                && !FUNCTION_WORDS.contains(&self.word(i))
                && self.has(Marker::Role, i).is_none()
                && !self.piece_text(i).chars().all(|c| c.is_ascii_digit())
            {
                return Some((i, i + 1));
            }
        }
        None
    }
}

/// Whether a title names somebody: a capitalized word past its first
/// ("En Normandie, Macron et Trump célèbrent…"), an acronym aside.
fn title_names_someone(title: &str) -> bool {
    title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .skip(1)
        .any(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().count() >= 2
                && chars.any(char::is_lowercase)
        })
}

/// The quoted speech overlapping `bytes` (speech is in text order and its
/// spans do not nest).
fn overlapping<'s>(speech: &'s [Speech], bytes: &Range<usize>) -> impl Iterator<Item = &'s Speech> {
    let i = speech.partition_point(|q| q.span.end <= bytes.start);
    let end = bytes.end;
    speech[i..].iter().take_while(move |q| q.span.start < end)
}

/// Whether a sentence is a list item: "- 61 services fermés", "2) …".
fn is_list_item(sentence: &str) -> bool {
    let t = sentence.trim_start();
    // Only the first bytes matter: "12. " or "3) ".
    let head = &t.as_bytes()[..t.len().min(4)];
    let head = std::str::from_utf8(head).unwrap_or("");
    // "- ", "* ", "• ": a bullet; "**7 h 55.**" is bold, a live blog's time.
    let bullet = t.starts_with(['-', '*', '•', '–']) && !t.starts_with("**");
    bullet
        || head.split_once(['.', ')']).is_some_and(|(n, rest)| {
            !n.is_empty()
                && n.len() <= 2
                && n.bytes().all(|b| b.is_ascii_digit())
                && rest.starts_with(' ')
        })
}

/// A verb in the conditional ("coûterait", "pourraient"): hedged, not
/// asserted. Nouns that end the same way are not.
fn is_conditional(folded: &str) -> bool {
    (folded.ends_with("rait") || folded.ends_with("raient"))
        && folded.len() >= 6
        && !matches!(
            folded,
            "portrait"
                | "portraits"
                | "retrait"
                | "retraits"
                | "extrait"
                | "extraits"
                | "attrait"
                | "abstrait"
                | "distrait"
                | "soustrait"
        )
}

/// How many words before and after a quotation its speaker is looked for:
/// a speaker stands next to the quotation or its verb, and many quotations
/// in one long sentence must each cost a bounded amount.
const SPEAKER_REACH: usize = 40;

/// How many verbs of saying around a quotation are tried, nearest first.
const MAX_VERBS: usize = 6;

/// How far (bytes) a quotation with no speaker of its own continues the
/// speaker of the quotation before it: about a paragraph.
const CONTINUATION_REACH: usize = 600;

/// How far from a quotation the line around it is looked at: paragraphs
/// are shorter, and a huge one-line file must not make every lookup read
/// the whole file.
const LINE_REACH: usize = 4 * 1024;

/// The line holding byte `at`, without its line break, cut at
/// [`LINE_REACH`] bytes on either side.
fn line_of(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let low = floor_char_boundary(text, at.saturating_sub(LINE_REACH));
    let high = floor_char_boundary(text, (at + LINE_REACH).min(text.len()));
    let start = memchr::memrchr(b'\n', &bytes[low..at]).map_or(low, |i| low + i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..high]).map_or(high, |i| at + i);
    let end = if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    start..end
}

/// The char boundary at or before `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest non-blank line before the line starting at `start`.
fn previous_line(text: &str, start: usize) -> Option<Range<usize>> {
    let mut end = start.checked_sub(1)?;
    loop {
        let line = line_of(text, end);
        if !text[line.clone()].trim().is_empty() {
            return Some(line);
        }
        end = line.start.checked_sub(1)?;
    }
}

/// The nearest non-blank line after the line ending at `end`.
fn next_line(text: &str, end: usize) -> Option<Range<usize>> {
    let mut at = end;
    loop {
        let high = floor_char_boundary(text, (at + LINE_REACH).min(text.len()));
        at = at + memchr::memchr(b'\n', &text.as_bytes()[at..high])? + 1;
        let line = line_of(text, at);
        if !text[line.clone()].trim().is_empty() {
            return Some(line);
        }
        at = line.end;
    }
}
#[cfg(test)]
mod attribution_tests;
#[cfg(test)]
mod speaker_tests;

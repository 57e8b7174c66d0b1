//! Who says what: attributions ("selon X", "des experts estiment"), the
//! speaker of each quotation, and the check-worthy sentences with whether a
//! source stands in them or next to them. The markers are data
//! (`[sourcing]` in the rules); this module matches them on word pieces.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::pieces::{FoldedPieces, Piece, Sep, is_capitalized};
use super::quotes::Quotation;
use super::{Gazetteer, NameCandidate, NameMention};
use crate::rules::{EntityKind, Phrase, RuleSet};
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
}

/// A marker found in the text, over pieces `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    marker: Marker,
    start: usize,
    end: usize,
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
    fn hits(&self, pieces: &[Piece], folded: &FoldedPieces) -> Vec<Hit> {
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
    pub gazetteer: &'a Gazetteer,
    pub lines: &'a LineIndex,
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
        super::quotes::overlapping_indices(self.input.quotations, at..at + 1)
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

    /// "selon X", "d’après X", and "des experts estiment".
    fn attributions(&self, out: &mut Vec<Attribution>) {
        let mut covered = 0;
        for (n, h) in self.hits.iter().enumerate() {
            if h.start < covered {
                continue;
            }
            match h.marker {
                Marker::Introducer => {
                    // The longest introducer at this piece.
                    let end = self.hits[n..]
                        .iter()
                        .take_while(|o| o.start == h.start)
                        .filter(|o| o.marker == Marker::Introducer)
                        .map(|o| o.end)
                        .max()
                        .unwrap_or(h.end);
                    let stop = self.source_phrase(end).end;
                    covered = stop;
                    let anonymous_marker =
                        (h.start..end).any(|i| self.has(Marker::VagueSource, i).is_some());
                    if stop == end && !anonymous_marker {
                        continue;
                    }
                    let vague = anonymous_marker || self.is_vague(end..stop);
                    let source = if stop > end {
                        self.text_of(end, stop).to_string()
                    } else {
                        self.text_of(h.start, end).to_string()
                    };
                    out.push(Attribution {
                        span: self.span(h.start, stop.max(end)),
                        source,
                        vague,
                    });
                }
                Marker::VagueSource
                    if h.start > 0
                        && matches!(self.word(h.start - 1), "les" | "la" | "l")
                        && !(h.start >= 2
                            && matches!(self.word(h.start - 2), "de" | "d" | "a" | "par")) =>
                {
                    // "la presse espagnole évoque", "les experts estiment".
                    let det = Hit {
                        marker: Marker::Indefinite,
                        start: h.start - 1,
                        end: h.start,
                    };
                    // "les autorités de Kharkov": a definite source with a
                    // named complement is a specific one.
                    let named_complement = self.vague_subject(&det).is_some_and(|(_, verb_end)| {
                        (h.end..verb_end).any(|i| is_capitalized(self.piece_text(i)))
                    });
                    if let Some(a) = self.vague_subject(&det).filter(|_| !named_complement) {
                        covered = a.1;
                        out.push(Attribution {
                            span: self.span(det.start, a.1),
                            source: self.text_of(det.start, a.0).to_string(),
                            vague: true,
                        });
                    }
                }
                Marker::Indefinite => {
                    // "des experts estiment", "certains observateurs jugent".
                    if let Some(a) = self.vague_subject(h) {
                        covered = a.1;
                        let span = self.span(h.start, a.1);
                        out.push(Attribution {
                            span,
                            source: self.text_of(h.start, a.0).to_string(),
                            vague: true,
                        });
                    }
                }
                _ => {}
            }
        }
    }

    /// The source after an introducer ending at piece `end`: up to the
    /// next punctuation, "que"/"qui" or verb of saying, at most 8 words.
    fn source_phrase(&self, end: usize) -> Range<usize> {
        let pieces = self.input.pieces;
        let mut stop = end;
        while stop < pieces.len()
            && stop < end + 8
            && (stop == end || pieces[stop].sep != Sep::Other)
            && !matches!(self.word(stop), "que" | "qu" | "qui")
            && (self.has(Marker::SpeechVerb, stop).is_none()
                || self.has(Marker::VagueSource, stop).is_some())
        {
            stop += 1;
        }
        end..stop
    }

    /// Whether the source over pieces `range` names nobody: an indefinite
    /// or collective source, or the head of an unnamed one, with no person
    /// named in it.
    fn is_vague(&self, range: Range<usize>) -> bool {
        let first = range.start;
        if PRONOUNS.contains(&self.word(first)) {
            return false;
        }
        let named_person = range.clone().any(|i| {
            let p = self.input.pieces[i];
            matches!(
                self.entity_in(p.start..p.end),
                Some((EntityKind::Person, _))
            ) || self.candidate_in(p.start..p.end).is_some()
        });
        if named_person {
            return false;
        }
        let indefinite = self
            .has(Marker::Indefinite, first)
            .is_some_and(|h| h.end < range.end);
        let head = range
            .clone()
            .take(4)
            .any(|i| self.has(Marker::VagueSource, i).is_some());
        // "les Américains", "des Russes": a people, not a source.
        let collective = range.clone().take(3).any(|i| {
            let t = self.piece_text(i);
            i > first
                && is_capitalized(t)
                && (t.ends_with('s') || t.ends_with('x'))
                && matches!(self.word(i - 1), "les" | "des" | "aux")
        });
        indefinite || head || collective
    }

    /// A vague subject before a verb of saying: returns (end of the
    /// subject, end of the verb).
    fn vague_subject(&self, h: &Hit) -> Option<(usize, usize)> {
        let pieces = self.input.pieces;
        // "des experts", "des médecins urgentistes": an indefinite before
        // any common noun names nobody when a verb of saying follows.
        let noun = h.end;
        if noun >= pieces.len()
            || pieces[noun].sep == Sep::Other
            || !self
                .piece_text(noun)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            || FUNCTION_WORDS.contains(&self.word(noun))
            || self.has(Marker::SpeechVerb, noun).is_some()
        {
            return None;
        }
        // At a clause start only: "il a vu des experts affirmer" is not one.
        if h.start > 0
            && pieces[h.start].sep != Sep::Other
            && !matches!(self.word(h.start - 1), "et" | "mais" | "que" | "qu")
        {
            return None;
        }
        let verb = (noun + 1..(noun + 7).min(pieces.len()))
            .take_while(|&i| pieces[i].sep != Sep::Other)
            .find(|&i| self.has(Marker::SpeechVerb, i).is_some())?;
        if self.named_in(noun + 1..verb, false).is_some() {
            return None;
        }
        // "Un diplomate résume : « … »": the quotation's speaker, which
        // the anonymous-quote check judges.
        let after = pieces[verb].end;
        let line_end = line_of(self.input.text, after).end.max(after);
        if self.speech_quotes_in(after..line_end).next().is_some() {
            return None;
        }
        Some((noun + 1, verb + 1))
    }

    /// The speaker of every quotation of speech, marked or signed.
    fn speech(&self, out: &mut Vec<Speech>) {
        let text = self.input.text;
        for q in self.input.quotations {
            if q.close.is_none() || q.word_count(text) < 4 {
                continue;
            }
            let fragment = text[q.inner.clone()]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let (speaker, at) = self.speaker_of(q.span.start..q.span.end);
            // « un pas dans la bonne direction »: a phrase quoted inside a
            // sentence is speech only when a verb of saying goes with it.
            if fragment && speaker == Speaker::Unknown && !self.has_verb_near(q) {
                continue;
            }
            out.push(Speech {
                span: q.span,
                speaker,
                speaker_span: at,
            });
        }
        self.unmarked_speech(out);
        self.dialogue(out);
        out.sort_by_key(|s| s.span.start);
    }

    /// Dialogue lines: "— Nous ne reculerons pas, a répondu Volodymyr
    /// Zelensky." The words before the incise are the speech; the incise
    /// (a comma, then a verb of saying) gives the speaker. A dash line
    /// without an incise is left alone: an interview's turns are known
    /// from their context.
    fn dialogue(&self, out: &mut Vec<Speech>) {
        let text = self.input.text;
        let pieces = self.input.pieces;
        let Some(body_start) = pieces.first().map(|p| p.start) else {
            return;
        };
        let first = line_of(text, body_start).start;
        let mut next = first;
        for chunk in text[first..].split_inclusive('\n') {
            let start = next;
            next += chunk.len();
            let trimmed = chunk.trim_start();
            let Some(rest) = trimmed.strip_prefix(['—', '–']) else {
                continue;
            };
            if !rest.starts_with([' ', '\u{a0}', '\u{202f}']) {
                continue;
            }
            let speech_start = start + (chunk.len() - rest.len());
            let line = speech_start..start + chunk.trim_end().len();
            let r = self.pieces_in(&line);
            if r.len() < 5 {
                continue;
            }
            // The incise: a verb of saying right after a comma.
            let incise = self.hits_in(&r).find(|h| {
                h.marker == Marker::SpeechVerb
                    && h.start > r.start
                    && (h.start.saturating_sub(2)..=h.start).any(|k| {
                        k > r.start && text[pieces[k - 1].end..pieces[k].start].contains(',')
                    })
            });
            let Some(incise) = incise else {
                continue;
            };
            let comma = (incise.start.saturating_sub(2)..=incise.start)
                .find(|&k| k > r.start && text[pieces[k - 1].end..pieces[k].start].contains(','))
                .map_or(pieces[incise.start].start, |k| pieces[k - 1].end);
            let spoken = line.start..comma;
            if self.pieces_in(&spoken).len() < 3 {
                continue;
            }
            let (speaker, at) = self.speaker_of(spoken.clone());
            out.push(Speech {
                span: self.input.lines.span(text, spoken.start, spoken.end),
                speaker,
                speaker_span: at,
            });
        }
    }

    /// Whether a verb of saying or an introducer stands in the sentence of
    /// quotation `q`, outside it.
    fn has_verb_near(&self, q: &Quotation) -> bool {
        let sentences = self.input.sentences;
        let sentence = super::sentences::sentence_of(sentences, q.span.start)
            .map_or(q.span.start..q.span.end, |s| sentences[s].clone());
        let sentence = sentence.start.max(q.span.start.saturating_sub(LINE_REACH))
            ..sentence.end.min(q.span.end.saturating_add(LINE_REACH));
        let r = self.pieces_in(&sentence);
        let own = self.pieces_in(&(q.span.start..q.span.end));
        let r = r.start.max(own.start.saturating_sub(SPEAKER_REACH))
            ..r.end.min(own.end + SPEAKER_REACH).max(r.start);
        self.hits_in(&r).any(|h| {
            matches!(h.marker, Marker::SpeechVerb | Marker::Introducer)
                && !q.contains(self.input.pieces[h.start].start)
        })
    }

    /// The speaker of the quotation over `bytes`: a verb of saying or an
    /// introducer on its line with a name near it, a line before that ends
    /// with a colon, or a caption line after it.
    fn speaker_of(&self, bytes: Range<usize>) -> (Speaker, Option<Span>) {
        let text = self.input.text;
        let line = line_of(text, bytes.start);
        // The sentences the quotation spans: verbs of other sentences on
        // the line speak of other things.
        let sentences = self.input.sentences;
        let first = sentences.partition_point(|s| s.end <= bytes.start);
        let last = sentences.partition_point(|s| s.start < bytes.end);
        let scope = match (
            sentences.get(first),
            last.checked_sub(1).and_then(|l| sentences.get(l)),
        ) {
            (Some(a), Some(b)) => a.start.max(line.start)..b.end.min(line.end.max(bytes.end)),
            _ => line.clone(),
        };
        // A runaway quotation (an unclosed mark in a huge one-line file)
        // must not make every lookup read the whole file.
        let scope = scope.start.max(bytes.start.saturating_sub(LINE_REACH))
            ..scope.end.min(bytes.end.saturating_add(LINE_REACH));
        let quote_pieces = self.pieces_in(&bytes);
        let around = self.pieces_in(&scope);
        let around = around
            .start
            .max(quote_pieces.start.saturating_sub(SPEAKER_REACH))
            ..around
                .end
                .min(quote_pieces.end + SPEAKER_REACH)
                .max(around.start);
        // The quotation's own words, and those of other speech, never speak.
        // Asked of every piece for every verb tried: looked up once each.
        let quoted_around: Vec<bool> = around
            .clone()
            .map(|i| {
                let at = self.input.pieces[i].start;
                bytes.contains(&at) || self.in_speech_quote(at)
            })
            .collect();
        let quoted = |i: usize| match i.checked_sub(around.start) {
            Some(k) if k < quoted_around.len() => quoted_around[k],
            _ => {
                let at = self.input.pieces[i].start;
                bytes.contains(&at) || self.in_speech_quote(at)
            }
        };
        let verbs: Vec<&Hit> = self
            .hits_in(&around)
            .filter(|h| matches!(h.marker, Marker::SpeechVerb | Marker::Introducer))
            .filter(|h| !quoted(h.start))
            .collect();
        // The verb nearest the quotation first; what follows a verb is its
        // subject only when the verb comes right after the quotation
        // ("», résume un grutier"), else it is the verb's object.
        let mut verbs = verbs;
        verbs.sort_by_key(|h| {
            if h.start >= quote_pieces.end {
                h.start - quote_pieces.end
            } else {
                quote_pieces.start.saturating_sub(h.end)
            }
        });
        verbs.truncate(MAX_VERBS);
        let mut described: Option<(Speaker, Option<Span>)> = None;
        for verb in &verbs {
            // "selon la direction, … « … »": the source after the
            // introducer speaks.
            if verb.marker == Marker::Introducer {
                let phrase = self.source_phrase(verb.end);
                if phrase.end > phrase.start {
                    let span = Some(self.span(phrase.start, phrase.end));
                    let who = self.text_of(phrase.start, phrase.end).to_string();
                    return if self.is_vague(phrase) {
                        (Speaker::Described(who), span)
                    } else {
                        (Speaker::Named(who), span)
                    };
                }
            }
            let inverted = verb.start >= quote_pieces.end
                && (quote_pieces.end..verb.start)
                    .filter(|&i| !quoted(i))
                    .count()
                    <= 3;
            // The subject of a verb before the quotation may stand far back:
            // "Une bénévole de la Croix-Rouge, les bottes couvertes de boue,
            // le dit sans détour : « … »".
            let from = if inverted {
                verb.start.saturating_sub(8).max(around.start)
            } else {
                around.start
            };
            let to = if inverted {
                (verb.end + 10).min(around.end)
            } else {
                verb.end
            };
            let window: Vec<usize> = (from..to).filter(|&i| !quoted(i)).collect();
            // A name wins; a description waits for the other verbs, which
            // may name the speaker ("…d’un bref communiqué : « … », a réagi
            // Lin Jian").
            match self.speaker_near(&window, from == around.start, Some(verb.start)) {
                Some(found @ (Speaker::Named(_), _)) => return found,
                Some(found) => {
                    described.get_or_insert(found);
                }
                None => {}
            }
        }
        if let Some(found) = described {
            return found;
        }
        // "« … », a plaidé Laurent Peyrade.": a name right after the
        // quotation follows a verb of saying the lists may lack.
        let after: Vec<usize> = (quote_pieces.end..around.end)
            .filter(|&i| !quoted(i))
            .take(4)
            .collect();
        if after.first() == Some(&quote_pieces.end)
            && let Some((a, b)) =
                self.named_in(quote_pieces.end..quote_pieces.end + after.len(), false)
        {
            return (
                Speaker::Named(self.text_of(a, b).to_string()),
                Some(self.span(a, b)),
            );
        }
        // "L’édito du Rodong Sinmun ne tarissait pas d’éloges : « … »":
        // the clause before a colon that opens the quotation.
        if text[line.start..bytes.start].trim_end().ends_with(':') {
            let sentences = self.input.sentences;
            let sentence = super::sentences::sentence_of(sentences, bytes.start)
                .map_or(line.start, |s| sentences[s].start.max(line.start))
                .max(bytes.start.saturating_sub(LINE_REACH));
            let before = self.pieces_in(&(sentence..bytes.start));
            let before = before.start.max(before.end.saturating_sub(SPEAKER_REACH))..before.end;
            let window: Vec<usize> = before.filter(|&i| !quoted(i)).collect();
            if let Some(found) = self.speaker_in(&window, true) {
                return found;
            }
        }
        if !verbs.is_empty() {
            return (Speaker::Unknown, None);
        }
        // A quotation alone on its line: the line before ("X a déclaré :")
        // or a caption after ("— X, Pékin").
        let outside = around.clone().filter(|&i| !quoted(i)).count();
        if outside <= 3 {
            if let Some(prev) = previous_line(text, line.start)
                && text[prev.clone()].trim_end().ends_with(':')
            {
                let r = self.pieces_in(&prev);
                let window: Vec<usize> = r.clone().collect();
                if let Some(found) = self.speaker_in(&window, true) {
                    return found;
                }
            }
            if let Some(caption) = self.caption_after(line.end) {
                return caption;
            }
        }
        (Speaker::Unknown, None)
    }

    /// The speaker among `window` pieces, nearest to `anchor` first: a
    /// name (not a complement after "de"), a pronoun after a named person,
    /// or a description ("un grutier", "sa mère", "le porte-parole").
    fn speaker_in(&self, window: &[usize], at_line_start: bool) -> Option<(Speaker, Option<Span>)> {
        self.speaker_near(window, at_line_start, None)
    }

    /// [`Self::speaker_in`] around `anchor`, the verb of saying the window
    /// surrounds; definite descriptions there may refer back to a person
    /// named before.
    fn speaker_near(
        &self,
        window: &[usize],
        at_line_start: bool,
        anchor: Option<usize>,
    ) -> Option<(Speaker, Option<Span>)> {
        let (&first, &last) = (window.first()?, window.last()?);
        let anchor_given = anchor.is_some();
        let anchor = anchor.unwrap_or(first);
        let mut order: Vec<usize> = (0..window.len()).collect();
        order.sort_by_key(|&k| (window[k].abs_diff(anchor), window[k]));
        // Where the run of consecutive pieces holding each one starts.
        let mut run_starts = Vec::with_capacity(window.len());
        for (k, &i) in window.iter().enumerate() {
            let start = match k {
                0 => i,
                _ if window[k - 1] + 1 == i => run_starts[k - 1],
                _ => i,
            };
            run_starts.push(start);
        }
        for k in order {
            let i = window[k];
            // "un responsable de la Maison Blanche": a complement, not the
            // speaker.
            let mut head = i;
            while head > first
                && self.input.pieces[head].sep.joins_name()
                && is_capitalized(self.piece_text(head - 1))
            {
                head -= 1;
            }
            let de_at = if head > first && matches!(self.word(head - 1), "de" | "du" | "d" | "des")
            {
                Some(head - 1)
            } else if head > first + 1
                && matches!(self.word(head - 1), "la" | "l" | "le" | "les")
                && matches!(self.word(head - 2), "de" | "d")
            {
                Some(head - 2)
            } else {
                None
            };
            // Only after a role or an unnamed someone ("une bénévole de la
            // Croix-Rouge"): "l’édito du Rodong Sinmun" is the paper's.
            let after_de = de_at.is_some_and(|d| {
                d > 0
                    && (self.has(Marker::Role, d - 1).is_some()
                        || self.has(Marker::VagueSource, d - 1).is_some()
                        || (d >= 2
                            && self.has(Marker::Indefinite, d - 2).is_some()
                            && self
                                .piece_text(d - 1)
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)))
            });
            let run_start = run_starts[k];
            if !after_de
                && let Some((a, b)) =
                    self.named_in(i..i + 1, at_line_start && i == first && run_start == first)
            {
                // Extend to the whole name the piece starts.
                let (a, b) = self
                    .named_in(a..last + 1, false)
                    .filter(|&(x, _)| x == a)
                    .unwrap_or((a, b));
                return Some((
                    Speaker::Named(self.text_of(a, b).to_string()),
                    Some(self.span(a, b)),
                ));
            }
            let w = self.word(i);
            if matches!(w, "il" | "elle" | "ils" | "elles")
                && self.named_before(self.input.pieces[i].start)
            {
                return Some((
                    Speaker::Named(self.piece_text(i).to_string()),
                    Some(self.span(i, i + 1)),
                ));
            }
            // "chef des urgences", "par un appel": a complement or an object.
            let complement = i >= first + 2
                && (self.has(Marker::Indefinite, i - 1).is_some()
                    || matches!(self.word(i - 1), "sa" | "son" | "ses" | "leur"))
                && (self.has(Marker::Role, i - 2).is_some()
                    || matches!(
                        self.word(i - 2),
                        "par" | "a" | "de" | "pour" | "avec" | "sur" | "dans" | "en" | "contre"
                    ));
            let determined = i > first
                && (self.has(Marker::Indefinite, i - 1).is_some()
                    || matches!(self.word(i - 1), "sa" | "son" | "ses" | "leur"))
                && self
                    .piece_text(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && self.has(Marker::SpeechVerb, i).is_none();
            // "», a indiqué l’équipe", "la préfecture a précisé :": a body
            // named by its function, next to the verb, speaks for itself.
            let institution = anchor_given
                && i.abs_diff(anchor) <= 3
                && i > first
                && matches!(self.word(i - 1), "le" | "la" | "l")
                && self
                    .piece_text(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && !FUNCTION_WORDS.contains(&self.word(i))
                && self.has(Marker::Role, i).is_none()
                && self.has(Marker::VagueSource, i).is_none()
                && self.has(Marker::SpeechVerb, i).is_none();
            if institution && !complement {
                return Some((
                    Speaker::Named(self.text_of(i - 1, i + 1).to_string()),
                    Some(self.span(i - 1, i + 1)),
                ));
            }
            // "Les experts du cabinet…": an unnamed plural source describes too.
            let vague_head = self.has(Marker::VagueSource, i).is_some()
                && i > first
                && matches!(self.word(i - 1), "les" | "des" | "certains" | "plusieurs");
            let describes =
                !complement && (self.has(Marker::Role, i).is_some() || determined || vague_head);
            if describes {
                // Back over adjectives to the determiner: "la première adjointe".
                let mut i = i;
                while i > first + 1
                    && !FUNCTION_WORDS.contains(&self.word(i - 1))
                    && self
                        .piece_text(i - 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                    && matches!(self.word(i - 2), "le" | "la" | "l" | "un" | "une")
                    && self.input.pieces[i].sep == Sep::Space
                {
                    i -= 1;
                }
                let from = if i > first
                    && (self.has(Marker::Indefinite, i - 1).is_some()
                        || matches!(
                            self.word(i - 1),
                            "un" | "une"
                                | "le"
                                | "la"
                                | "l"
                                | "les"
                                | "sa"
                                | "son"
                                | "ses"
                                | "leur"
                        )) {
                    i - 1
                } else {
                    i
                };
                let end = (i + 1..(i + 3).min(last + 1))
                    .take_while(|&k| {
                        self.input.pieces[k].sep != Sep::Other
                            && !FUNCTION_WORDS.contains(&self.word(k))
                            && self.has(Marker::SpeechVerb, k).is_none()
                            && self
                                .piece_text(k)
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                    })
                    .last()
                    .map_or(i + 1, |k| k + 1);
                // "Paul Mercadier, chef des urgences": the name before, in
                // apposition.
                if from > first
                    && self.input.pieces[from].sep == Sep::Other
                    && let Some((a, b)) =
                        self.named_in(from.saturating_sub(3).max(first)..from, false)
                    && b == from
                {
                    return Some((
                        Speaker::Named(self.text_of(a, b).to_string()),
                        Some(self.span(a, b)),
                    ));
                }
                // "Son président, Arnaud Feuillet, …", "le président Emmanuel
                // Macron", "le ministre de l’Intérieur, Gérald Darmanin": the
                // name after the title, directly or after a comma, past a
                // complement ("de l’Intérieur", "du Kremlin").
                let pieces = self.input.pieces;
                let named_after = (end..(end + 6).min(pieces.len()))
                    .take_while(|&k| {
                        k == end
                            || pieces[k].sep != Sep::Other
                            || matches!(
                                self.input.text[pieces[k - 1].end..pieces[k].start].trim(),
                                ","
                            )
                    })
                    .find(|&k| {
                        let adjacent = k == end
                            || self.input.text[pieces[k - 1].end..pieces[k].start].trim() == ",";
                        let complement = k >= 2
                            && (matches!(self.word(k - 1), "de" | "du" | "d" | "des")
                                || (matches!(self.word(k - 1), "la" | "l" | "le" | "les")
                                    && matches!(self.word(k - 2), "de" | "d")));
                        adjacent && !complement && self.named_in(k..k + 1, false).is_some()
                    });
                if let Some(k) = named_after
                    && let Some((a, b)) = self.named_in(k..k + 1, false)
                {
                    let b = self
                        .named_in(a..(a + 4).min(self.input.pieces.len()), false)
                        .map_or(b, |(_, b2)| b2.max(b));
                    return Some((
                        Speaker::Named(self.text_of(a, b).to_string()),
                        Some(self.span(a, b)),
                    ));
                }
                let text = self.text_of(from, end).to_string();
                // "le président russe a évoqué…" after Vladimir Poutine was
                // named: the description refers back to him.
                let definite = matches!(self.word(from), "le" | "la" | "l");
                // "le directeur sportif d’une équipe concurrente" refers to
                // nobody named before.
                let pieces = self.input.pieces;
                let of_someone = end + 1 < pieces.len()
                    && matches!(self.word(end), "d" | "de")
                    && matches!(self.word(end + 1), "un" | "une" | "autre" | "plusieurs");
                if definite && !of_someone && self.named_before(pieces[from].start) {
                    return Some((Speaker::Named(text), Some(self.span(from, end))));
                }
                return Some((Speaker::Described(text), Some(self.span(from, end))));
            }
        }
        None
    }

    /// Whether a person is named before byte `at`.
    fn named_before(&self, at: usize) -> bool {
        self.first_person_named.is_some_and(|first| first < at)
    }

    /// A caption line after byte `after` (the end of a quotation's line):
    /// a dash line, or a short line without a full stop that names or
    /// describes the speaker.
    fn caption_after(&self, after: usize) -> Option<(Speaker, Option<Span>)> {
        let text = self.input.text;
        let line = next_line(text, after)?;
        let raw = text[line.clone()].trim();
        // A caption is short and ends without a full stop: a dash line
        // that is a sentence is dialogue, not a signature.
        let dash = raw.starts_with(['—', '–', '-']);
        let words = raw.split_whitespace().take(13).count();
        if words > 12 || raw.ends_with(['.', '!', '?', ':', '»', '”', '"', '…']) {
            return None;
        }
        let r = self.pieces_in(&line);
        if r.is_empty() {
            return None;
        }
        let starts_with_role = self.has(Marker::Role, r.start).is_some();
        if !dash && !starts_with_role {
            return None;
        }
        let trimmed_start =
            line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
        let caption_span = self
            .input
            .lines
            .span(text, trimmed_start, trimmed_start + raw.len());
        // "— Kim Jong-un, Pékin, 2025": the speaker comes before the first
        // comma; places and dates follow it.
        let who = r.start
            ..(r.start + 1..r.end)
                .find(|&i| self.input.pieces[i].sep == Sep::Other)
                .unwrap_or(r.end);
        // "— Médecin urgentiste, Vierzon": a capital at the caption's start
        // before a lower-case word is a description, not a name.
        let described = who.len() >= 2
            && self
                .piece_text(who.start + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && self
                .input
                .candidates
                .iter()
                .all(|c| c.span.start != self.input.pieces[who.start].start);
        let declared = self
            .entity_in(self.input.pieces[who.start].start..self.input.pieces[who.start].end)
            .is_some();
        let skip_first = starts_with_role || (described && !declared);
        match self.named_in(who, skip_first) {
            Some((a, b)) => Some((
                Speaker::Named(self.text_of(a, b).to_string()),
                Some(self.span(a, b)),
            )),
            None => Some((
                Speaker::Described(raw.trim_start_matches(['—', '–', '-', ' ']).to_string()),
                Some(caption_span),
            )),
        }
    }

    /// A paragraph in the first person, without quotation marks, signed
    /// by a caption line: "J’aimerais… \n Président russe lors de…".
    fn unmarked_speech(&self, out: &mut Vec<Speech>) {
        let text = self.input.text;
        let Some(body_start) = self.input.pieces.first().map(|p| p.start) else {
            return;
        };
        let first = line_of(text, body_start).start;
        let mut next = first;
        for chunk in text[first..].split_inclusive('\n') {
            let start = next;
            next += chunk.len();
            let line = start..start + chunk.trim_end_matches(['\n', '\r']).len();
            let raw = text[line.clone()].trim();
            if !raw.ends_with(['.', '!', '…']) {
                continue;
            }
            // Cheap tests first: this runs on every line of every article.
            let r = self.pieces_in(&line);
            if r.len() < 6 {
                continue;
            }
            let first_person = self
                .hits_in(&r)
                .filter(|h| h.marker == Marker::FirstPerson)
                .count();
            let quoted = self
                .speech_quotes_in(line.clone())
                .any(|q| q.span.end <= line.end);
            if first_person == 0 || quoted {
                continue;
            }
            if let Some((speaker, speaker_span)) = self.caption_after(line.end) {
                let start =
                    line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
                out.push(Speech {
                    span: self.input.lines.span(text, start, start + raw.len()),
                    speaker,
                    speaker_span,
                });
            }
        }
    }

    /// Check-worthy sentences and whether a source stands by them.
    fn claims(&self, speech: &[Speech], out: &mut Vec<Claim>) {
        let text = self.input.text;
        let sentences = self.input.sentences;
        let attributed: Vec<bool> = sentences
            .iter()
            .map(|s| {
                let r = self.pieces_in(s);
                let perspective = r.len() > 2
                    && self.word(r.start) == "pour"
                    && self
                        .named_in(r.start + 1..(r.start + 4).min(r.end), false)
                        .is_some();
                perspective
                    || self.hits_in(&r).any(|h| match h.marker {
                        Marker::Introducer => true,
                        Marker::SpeechVerb => !self.word(h.end - 1).ends_with("ant"),
                        _ => false,
                    })
                    || overlapping(speech, s).any(|q| !matches!(q.speaker, Speaker::Unknown))
            })
            .collect();
        for (n, s) in sentences.iter().enumerate() {
            let sentence = text[s.clone()].trim_end();
            if sentence.ends_with('?') || !sentence.ends_with(['.', '!', '…', '»', '”', '"', ')'])
            {
                continue; // questions, headings, list items, captions
            }
            if is_list_item(sentence) {
                continue; // a bullet sums up what the text around it sources
            }
            let r = self.pieces_in(s);
            let hits: Vec<&Hit> = self.hits_in(&r).collect();
            if hits
                .iter()
                .any(|h| matches!(h.marker, Marker::Hedge | Marker::FirstPerson))
                || r.clone().any(|i| is_conditional(self.word(i)))
            {
                continue;
            }
            if overlapping(speech, s).next().is_some() {
                continue; // the quotation's own checks cover it
            }
            let Some((a, b)) = self.claim_words(&r, &hits) else {
                continue;
            };
            let sourced = attributed[n]
                || (n > 0 && attributed[n - 1])
                || attributed.get(n + 1).copied().unwrap_or(false);
            out.push(Claim {
                span: self.span(a, b),
                text: self.text_of(a, b).to_string(),
                sourced,
            });
        }
    }

    /// The pieces that make a sentence check-worthy: an act with its
    /// object in the same clause, or a figure in digits with its unit.
    fn claim_words(&self, r: &Range<usize>, hits: &[&Hit]) -> Option<(usize, usize)> {
        let pieces = self.input.pieces;
        let same_clause =
            |a: usize, b: usize| (a.min(b) + 1..=a.max(b)).all(|i| pieces[i].sep != Sep::Other);
        for action in hits.iter().filter(|h| h.marker == Marker::ClaimAction) {
            let object = hits
                .iter()
                .filter(|h| h.marker == Marker::ClaimObject && h.start != action.start)
                .filter(|h| {
                    h.start.abs_diff(action.start) <= 6 && same_clause(h.start, action.start)
                })
                .min_by_key(|h| {
                    let after = h.start > action.start;
                    (
                        h.start.abs_diff(action.start) + if after { 0 } else { 4 },
                        h.start,
                    )
                });
            if let Some(o) = object {
                return Some((action.start.min(o.start), action.end.max(o.end)));
            }
        }
        if let Some(a) = hits.iter().find(|h| h.marker == Marker::Accusation) {
            return Some((a.start, a.end));
        }
        for unit in hits.iter().filter(|h| h.marker == Marker::ClaimUnit) {
            // Back over "de", "d’" and magnitudes: "2 milliards de dollars".
            let mut i = unit.start;
            while i > r.start
                && matches!(
                    self.word(i - 1),
                    "de" | "d" | "million" | "millions" | "milliard" | "milliards" | "mille"
                )
            {
                i -= 1;
            }
            if i > r.start && self.is_figure(i - 1) {
                let mut start = i - 1;
                // "12 000", "3,5": digit groups and decimals.
                while start > r.start
                    && self.is_figure(start - 1)
                    && matches!(pieces[start].sep, Sep::Space | Sep::Other)
                    && pieces[start].start - pieces[start - 1].end <= 3
                {
                    start -= 1;
                }
                return Some((start, unit.end));
            }
        }
        None
    }

    /// A piece of digits that is no year.
    fn is_figure(&self, i: usize) -> bool {
        let t = self.piece_text(i);
        let digits = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        let year = t.len() == 4 && matches!(t.parse::<u32>(), Ok(1800..=2100));
        let word = matches!(
            self.word(i),
            "trois"
                | "quatre"
                | "cinq"
                | "six"
                | "sept"
                | "huit"
                | "neuf"
                | "dix"
                | "onze"
                | "douze"
                | "quinze"
                | "vingt"
                | "trente"
                | "cent"
                | "cents"
                | "mille"
        );
        (digits && !year) || word
    }
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
    t.starts_with(['-', '*', '•', '–'])
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

//! Mentions of declared events, and the facts stated about them.
//!
//! A sentence mentions event E when it holds one of E's trigger words and
//! E's identifying entities (or participants) are named in it or in the
//! sentence before or after; when a word could name several events, the
//! one with the most of its entities around wins, and a tie links none.
//! From that sentence the mention takes what it states: a date, a place
//! introduced by "à", "en", "dans"…, people after "entre … et …", "avec",
//! "par", and figures in the event's units. Each of these attaches to the
//! nearest trigger in the sentence, so "la rencontre … après l'échec du
//! sommet de Hanoï en 2019" gives 2019 to the summit, not to the meeting.

mod anniversaries;

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::dates::{DateForm, DateMention, DateSpan};
use super::gazetteer::Gazetteer;
use super::name_form::WordShapes;
use super::names::NameMention;
use super::pieces::{FoldedPieces, Piece, Sep, is_lowercase};
use super::sentences::sentence_of;
use crate::rules::{EntityKind, RuleSet};
use crate::span::{LineIndex, Span};

/// How far (in words) a date, place or figure may stand from its trigger.
const MAX_DISTANCE: usize = 16;

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
    pub figures: Vec<StatedFigure>,
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

/// The event rules compiled for lookup, built once per run.
#[derive(Debug, Default)]
pub struct EventIndex {
    exact: FxHashMap<String, Vec<usize>>,
    /// Shapes of `exact` keys and of their plurals, tested before hashing.
    exact_shapes: WordShapes,
    /// Stems of `word*` triggers by their first three letters.
    stems: FxHashMap<String, Vec<(String, usize)>>,
    /// First bytes of the stems: most words start with none of them.
    stem_starts: Vec<bool>,
    /// Per event: entity indices that identify it (entities, participants, place).
    identifying: Vec<FxHashSet<usize>>,
    /// Per event: the figures' units.
    units: Vec<Vec<String>>,
    /// Per entity: the places it lies in, transitively, itself included.
    within: Vec<FxHashSet<usize>>,
}

impl EventIndex {
    pub fn new(rules: &RuleSet) -> EventIndex {
        let mut index = EventIndex::default();
        let id = |name: &str| rules.entity_index(name);
        for (ei, event) in rules.events.iter().enumerate() {
            for word in &event.words {
                match word.strip_suffix('*') {
                    Some(stem) => {
                        if let Some(&b) = stem.as_bytes().first() {
                            index.stem_starts.resize(256, false);
                            index.stem_starts[b as usize] = true;
                        }
                        let key = first_chars(stem, 3).to_string();
                        index
                            .stems
                            .entry(key)
                            .or_default()
                            .push((stem.to_string(), ei));
                    }
                    None => {
                        index.exact_shapes.insert(word);
                        index.exact_shapes.insert(&format!("{word}s"));
                        index.exact.entry(word.clone()).or_default().push(ei)
                    }
                }
            }
            let identifying = event
                .entities
                .iter()
                .chain(&event.participants)
                .chain(&event.place)
                .filter_map(|e| id(e))
                .collect();
            index.identifying.push(identifying);
            index
                .units
                .push(event.figures.iter().map(|f| f.unit.clone()).collect());
        }
        for (i, _) in rules.entities.iter().enumerate() {
            let mut seen = FxHashSet::default();
            let mut stack = vec![i];
            while let Some(e) = stack.pop() {
                if seen.insert(e) {
                    stack.extend(rules.entities[e].within.iter().filter_map(|w| id(w)));
                }
            }
            index.within.push(seen);
        }
        index
    }

    pub fn is_empty(&self) -> bool {
        self.identifying.is_empty()
    }

    /// Whether any event declares a figure: else figures need not be read.
    pub fn has_figures(&self) -> bool {
        self.units.iter().any(|u| !u.is_empty())
    }

    /// Whether two places can both be right: the same, or one inside the other.
    pub fn places_agree(&self, a: usize, b: usize) -> bool {
        self.within[a].contains(&b) || self.within[b].contains(&a)
    }

    /// Events a folded word is a trigger of.
    fn triggered_by(&self, folded: &str, out: &mut Vec<usize>) {
        out.clear();
        if self.exact_shapes.may_contain(folded) {
            if let Some(list) = self.exact.get(folded) {
                out.extend(list);
            }
            // Plurals trigger too ("traités", "accords").
            if let Some(list) = folded.strip_suffix('s').and_then(|w| self.exact.get(w)) {
                out.extend(list);
            }
        }
        let stem_start = folded
            .as_bytes()
            .first()
            .is_some_and(|&b| self.stem_starts.get(b as usize).copied().unwrap_or(false));
        if let Some(list) = stem_start
            .then(|| self.stems.get(first_chars(folded, 3)))
            .flatten()
        {
            out.extend(
                list.iter()
                    .filter(|(stem, _)| folded.starts_with(stem.as_str()))
                    .map(|(_, e)| *e),
            );
        }
        if out.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// What a document offers to event linking.
pub struct Document<'a> {
    pub text: &'a str,
    pub pieces: &'a [Piece],
    pub folded: &'a FoldedPieces,
    pub sentences: &'a [Range<usize>],
    pub names: &'a [NameMention],
    pub dates: &'a [DateMention],
    /// Regions the rules exclude, as byte ranges.
    pub excluded: &'a [(usize, usize)],
    pub lines: &'a LineIndex,
    pub publication_year: Option<i32>,
}

pub struct EventFacts {
    pub events: Vec<EventMention>,
    pub anniversaries: Vec<AnniversaryMention>,
}

/// Links the sentences of `doc` to events and gathers what they state.
pub fn link(
    doc: &Document,
    rules: &RuleSet,
    gazetteer: &Gazetteer,
    index: &EventIndex,
) -> EventFacts {
    let mut facts = EventFacts {
        events: Vec::new(),
        anniversaries: Vec::new(),
    };
    if index.is_empty() {
        return facts;
    }
    let entity_of = |m: &NameMention| gazetteer.forms[m.form].entity;
    // Entities named in each sentence.
    let mut in_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for m in doc.names {
        if let Some(s) = sentence_of(doc.sentences, m.span.start) {
            in_sentence[s].push(entity_of(m));
        }
    }
    for entities in &mut in_sentence {
        entities.sort_unstable();
        entities.dedup();
    }
    let piece_at = |at: usize| doc.pieces.partition_point(|p| p.end <= at);

    // A trigger links only with an identifying entity at most one sentence
    // away: only those sentences are searched for event words.
    let identifying: FxHashSet<usize> = index.identifying.iter().flatten().copied().collect();
    let mut searched = vec![false; doc.sentences.len()];
    for (s, entities) in in_sentence.iter().enumerate() {
        if entities.iter().any(|e| identifying.contains(e)) {
            let around = s.saturating_sub(1)..=(s + 1).min(doc.sentences.len() - 1);
            searched[around].fill(true);
        }
    }
    // Triggers: (piece, sentence, event).
    let mut triggers: Vec<(usize, usize, usize)> = Vec::new();
    let mut events = Vec::new();
    let mut sentence = 0;
    for (pi, p) in doc.pieces.iter().enumerate() {
        // Pieces come in text order: follow the sentence they are in.
        while sentence < doc.sentences.len() && doc.sentences[sentence].end <= p.start {
            sentence += 1;
        }
        if !searched.get(sentence).copied().unwrap_or(false) {
            continue;
        }
        let word = doc.folded.get(pi);
        if p.end - p.start < 4 || !word.starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        index.triggered_by(word, &mut events);
        if events.is_empty() || commemorated(doc, pi) || another_occurrence(doc, pi) {
            continue;
        }
        let Some(s) = sentence_of(doc.sentences, p.start) else {
            continue;
        };
        // The sentence's own entities decide when any candidate has some
        // ("Le traité signé à Pyongyang" is the 2024 treaty even if the
        // next sentence names the signatories of 1961); else its neighbours'.
        let around = s.saturating_sub(1)..=(s + 1).min(doc.sentences.len() - 1);
        let named_in = |id: &usize, k: usize| in_sentence[k].binary_search(id).is_ok();
        // (entities in the sentence, entities around): the first decides,
        // the second breaks ties; a tie on both links nothing.
        let mut best: Option<(usize, (usize, usize))> = None;
        let mut tied = false;
        for &e in &events {
            let ids = &index.identifying[e];
            let score = (
                ids.iter().filter(|id| named_in(id, s)).count(),
                ids.iter()
                    .filter(|id| around.clone().any(|k| named_in(id, k)))
                    .count(),
            );
            if score.1 == 0 {
                continue;
            }
            match best {
                Some((_, b)) if score < b => {}
                Some((_, b)) if score == b => tied = true,
                _ => {
                    best = Some((e, score));
                    tied = false;
                }
            }
        }
        if let Some((event, _)) = best
            && !tied
            && !triggers
                .iter()
                .rev()
                .take_while(|&&(_, ts, _)| ts == s)
                .any(|&(_, _, te)| te == event)
        {
            triggers.push((pi, s, event));
        }
    }

    // One mention per (sentence, event); facts go to the nearest trigger.
    // Triggers are in text order, hence by sentence: a sentence's are found
    // by binary search, not by a scan per fact.
    let nearest = |sentence: usize, piece: usize| -> Option<usize> {
        let from = triggers.partition_point(|&(_, s, _)| s < sentence);
        let to = triggers.partition_point(|&(_, s, _)| s <= sentence);
        (from..to)
            .map(|i| (i, triggers[i].0.abs_diff(piece)))
            .filter(|&(i, d)| d <= MAX_DISTANCE && !changes_subject(doc, triggers[i].0, piece))
            .min_by_key(|&(_, d)| d)
            .map(|(i, _)| i)
    };
    let mut mentions: Vec<EventMention> = triggers
        .iter()
        .map(|&(pi, _, event)| {
            let p = doc.pieces[pi];
            EventMention {
                event,
                trigger: doc.lines.span(doc.text, p.start, p.end),
                trigger_text: doc.text[p.start..p.end].to_string(),
                date: None,
                place: None,
                participants: Vec::new(),
                figures: Vec::new(),
            }
        })
        .collect();
    for d in doc.dates {
        let Some(value) = d.value else { continue };
        if d.form == DateForm::Bound {
            continue;
        }
        let Some(s) = sentence_of(doc.sentences, d.span.start) else {
            continue;
        };
        if let Some(t) = nearest(s, piece_at(d.span.start)) {
            mentions[t].date.get_or_insert(StatedDate {
                span: d.span,
                text: d.text.clone(),
                value,
            });
        }
    }
    for m in doc.names {
        let entity = entity_of(m);
        let Some(s) = sentence_of(doc.sentences, m.span.start) else {
            continue;
        };
        let pi = piece_at(m.span.start);
        let stated = StatedName {
            entity,
            span: m.span,
            text: m.text.clone(),
        };
        match rules.entities[entity].kind {
            EntityKind::Place if after_locative(doc, pi) => {
                if let Some(t) = nearest(s, pi) {
                    mentions[t].place.get_or_insert(stated);
                }
            }
            EntityKind::Person if in_participant_frame(doc, pi, s) => {
                if let Some(t) = nearest(s, pi) {
                    mentions[t].participants.push(stated);
                }
            }
            _ => {}
        }
    }
    // Figures are read only in sentences that speak of an event.
    let mut numbers = Vec::new();
    if index.has_figures() {
        let mut last = None;
        for &(_, s, _) in &triggers {
            if last != Some(s) {
                let range = doc.sentences[s].clone();
                numbers.extend(
                    super::numbers::extract(
                        doc.text,
                        range.start,
                        &doc.text[range.clone()],
                        doc.lines,
                    )
                    .into_iter()
                    .filter(|n| !super::overlaps_region(doc.excluded, n.span.start, n.span.end)),
                );
                last = Some(s);
            }
        }
    }
    for n in &numbers {
        let Some(unit) = &n.unit else { continue };
        let Some(s) = sentence_of(doc.sentences, n.span.start) else {
            continue;
        };
        if let Some(t) = nearest(s, piece_at(n.span.start)) {
            let event = mentions[t].event;
            if let Some(figure) = index.units[event].iter().position(|u| u == unit) {
                mentions[t].figures.push(StatedFigure {
                    figure,
                    span: n.span,
                    text: n.text.clone(),
                    value: n.value,
                    approximate: n.approximate,
                });
            }
        }
    }
    facts.anniversaries = anniversaries::read(doc, rules, index, &triggers, &in_sentence);
    facts.events = mentions;
    facts
}

/// Whether the event word at piece `pi` is the one an anniversary counts
/// from ("80e anniversaire de la victoire"): the sentence's date is the
/// celebration's, not the event's.
fn commemorated(doc: &Document, pi: usize) -> bool {
    (pi.saturating_sub(4)..pi).any(|k| {
        // "80e anniversaire de la victoire"; "deux ans après l'invasion":
        // the event is the reference point of another date.
        matches!(doc.folded.get(k), "anniversaire" | "apres" | "avant")
    })
}

/// Whether the event word at piece `pi` names another occurrence of its
/// kind: "un nouveau sommet", "le prochain traité".
fn another_occurrence(doc: &Document, pi: usize) -> bool {
    pi > 0
        && matches!(
            doc.folded.get(pi - 1),
            "nouveau"
                | "nouvelle"
                | "nouvel"
                | "prochain"
                | "prochaine"
                | "futur"
                | "future"
                | "autre"
        )
}

/// Whether a word between an event word and a fact hands the fact to
/// another event: "le traité de 2024 … remplace celui de 1961".
fn changes_subject(doc: &Document, from: usize, to: usize) -> bool {
    let (a, b) = if from < to { (from, to) } else { (to, from) };
    (a + 1..b).any(|k| matches!(doc.folded.get(k), "celui" | "celle" | "ceux" | "celles"))
}

/// Whether the place at piece `pi` is introduced as the location: "à
/// Pyongyang", "en Russie", "dans la région russe de l'Amour". The
/// preposition must lead to the place through lower-case words only,
/// without punctuation: in "En avril dernier, Moscou a annoncé", Moscou
/// is who speaks, not where.
fn after_locative(doc: &Document, pi: usize) -> bool {
    let mut k = pi;
    while k > 0 && pi - k < 6 {
        if !matches!(doc.pieces[k].sep, Sep::Space | Sep::Apostrophe) {
            return false;
        }
        k -= 1;
        let word = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
        if !is_lowercase(word) {
            return false;
        }
        if matches!(doc.folded.get(k), "a" | "en" | "au" | "aux" | "dans") {
            // "a déclaré à Séoul que…": where the speaker is, not the event.
            return k == 0 || !is_speech_verb(doc.folded.get(k - 1));
        }
    }
    false
}

/// Participles of verbs of saying: a place after them is where someone
/// spoke.
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "declare"
            | "annonce"
            | "affirme"
            | "indique"
            | "dit"
            | "explique"
            | "assure"
            | "estime"
            | "souligne"
            | "rappele"
            | "rappelle"
            | "precise"
            | "confie"
            | "denonce"
            | "reagi"
            | "commente"
            | "ajoute"
    )
}

/// Whether the person at piece `pi` is named as a party: after "entre",
/// "avec" or "par" in the same sentence (within a few words, through "et").
fn in_participant_frame(doc: &Document, pi: usize, sentence: usize) -> bool {
    let range = &doc.sentences[sentence];
    (pi.saturating_sub(8)..pi)
        .filter(|&k| doc.pieces[k].start >= range.start)
        .any(|k| match doc.folded.get(k) {
            "entre" => true,
            "avec" | "par" => pi - k <= 3,
            _ => false,
        })
}

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
pub mod identity;
pub mod why;

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
    #[serde(default)]
    pub bound: super::numbers::Bound,
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
    pub people: Vec<super::people::PersonName>,
    pub figures: Vec<StatedFigure>,
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
    /// Per event: its identifying entities that no other event with a
    /// word in common has (see [`EventIndex::distinguishes`]).
    distinctive: Vec<FxHashSet<usize>>,
    /// Per event: its reference facts, to judge mentions by.
    pub references: Vec<identity::Reference>,
    /// Declared names by their first folded word: (event, name as written,
    /// folded pieces).
    names: FxHashMap<String, Vec<(usize, String, Vec<String>)>>,
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
        for (ei, event) in rules.events.iter().enumerate() {
            let shares_words =
                |other: &crate::rules::Event| other.words.iter().any(|w| event.words.contains(w));
            let others: FxHashSet<usize> = rules
                .events
                .iter()
                .enumerate()
                .filter(|&(oi, other)| oi != ei && shares_words(other))
                .flat_map(|(oi, _)| index.identifying[oi].iter().copied())
                .collect();
            index.distinctive.push(
                index.identifying[ei]
                    .iter()
                    .copied()
                    .filter(|e| !others.contains(e))
                    .collect(),
            );
        }
        for (ei, event) in rules.events.iter().enumerate() {
            for (text, folded) in &event.names {
                if let Some(first) = folded.first() {
                    index.names.entry(first.clone()).or_default().push((
                        ei,
                        text.clone(),
                        folded.clone(),
                    ));
                }
            }
        }
        index.references = (0..rules.events.len())
            .map(|e| identity::Reference::declared(e, rules))
            .collect();
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

    /// The declared names that start at piece `pi` of `doc` and end before
    /// byte `sentence_end`: (event, name as written).
    fn names_at<'a>(
        &'a self,
        doc: &'a Document,
        pi: usize,
        sentence_end: usize,
    ) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let candidates = if self.names.is_empty() {
            None
        } else {
            self.names.get(doc.folded.get(pi))
        };
        candidates
            .into_iter()
            .flatten()
            .filter_map(move |(event, text, folded)| {
                let fits = folded.iter().enumerate().all(|(k, w)| {
                    doc.pieces
                        .get(pi + k)
                        .is_some_and(|p| p.end <= sentence_end && doc.folded.get(pi + k) == w)
                });
                fits.then_some((*event, text.as_str()))
            })
    }

    /// Whether naming `entity` tells `event` apart from the other declared
    /// events its words may name: not when one of them has it too
    /// (Poutine and Kim Jong-un meet at every summit).
    pub fn distinguishes(&self, event: usize, entity: usize) -> bool {
        self.distinctive[event].contains(&entity)
    }

    /// Whether two places that do not agree lie in a common larger one
    /// (Vladivostok and Vostotchny in Russia): naming one for the other
    /// is a slip, not another event.
    pub fn places_near(&self, a: usize, b: usize) -> bool {
        self.within[a].iter().any(|x| self.within[b].contains(x))
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
    /// People the rules do not declare ("Leonid Kravtchouk").
    pub people: &'a [super::people::PersonName],
    pub dates: &'a [DateMention],
    /// Regions the rules exclude, as byte ranges.
    pub excluded: &'a [(usize, usize)],
    pub lines: &'a LineIndex,
    pub publication: Option<chrono::NaiveDate>,
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
    // The declared names met: (sentence, event, name as written).
    let mut named: Vec<(usize, usize, String)> = Vec::new();
    let mut events = Vec::new();
    let mut sentence = 0;
    for (pi, p) in doc.pieces.iter().enumerate() {
        // Pieces come in text order: follow the sentence they are in.
        while sentence < doc.sentences.len() && doc.sentences[sentence].end <= p.start {
            sentence += 1;
        }
        // A declared name says which event it is, entities or not.
        if let Some(end) = doc.sentences.get(sentence).map(|r| r.end) {
            for (event, name) in index.names_at(doc, pi, end) {
                let seen = triggers
                    .iter()
                    .rev()
                    .take_while(|&&(_, ts, _)| ts == sentence)
                    .any(|&(_, _, te)| te == event);
                if !seen {
                    triggers.push((pi, sentence, event));
                }
                named.push((sentence, event, name.to_string()));
            }
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
                people: Vec::new(),
                figures: Vec::new(),
                identity: identity::Identity::default(),
            }
        })
        .collect();
    // Each mention takes the date nearest its event word, among those not
    // introduced by another action's verb ("a annoncé mardi que le
    // sommet…", "déposée le 8 octobre"): the first date of the sentence is
    // often the day something was said.
    let mut date_distance: Vec<usize> = vec![usize::MAX; mentions.len()];
    for d in doc.dates {
        let Some(value) = d.value else { continue };
        if d.form == DateForm::Bound {
            continue;
        }
        let Some(s) = sentence_of(doc.sentences, d.span.start) else {
            continue;
        };
        let at = piece_at(d.span.start);
        // "d'ici à la fin du mois de mars": a deadline, a bound.
        if at >= 2 && doc.folded.get(at - 1) == "ici" && doc.folded.get(at - 2) == "d" {
            continue;
        }
        if another_action_before(doc, at, index) || planned_and_past(doc, at, d) {
            continue;
        }
        if let Some(t) = nearest(s, at)
            && !(at < triggers[t].0 && complement_of_another_noun(doc, triggers[t].0))
        {
            let distance = triggers[t].0.abs_diff(at);
            if distance < date_distance[t] {
                date_distance[t] = distance;
                mentions[t].date = Some(StatedDate {
                    span: d.span,
                    text: d.text.clone(),
                    value,
                });
            }
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
            EntityKind::Place
                if (after_locative(doc, pi) && !located_by_another_verb(doc, pi))
                    || after_event_word(doc, pi, index) =>
            {
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
    for p in doc.people {
        let Some(s) = sentence_of(doc.sentences, p.span.start) else {
            continue;
        };
        let pi = piece_at(p.span.start);
        if in_participant_frame(doc, pi, s)
            && let Some(t) = nearest(s, pi)
        {
            mentions[t].people.push(p.clone());
        }
    }
    // A sentence without an event word right after one that speaks of a
    // single event, in the same paragraph, goes on about it ("Le plan a
    // été adopté jeudi. Le texte a recueilli 31 voix pour…"): its figures
    // are that event's. (sentence, mention it continues)
    let mut continued: Vec<(usize, usize)> = Vec::new();
    if index.has_figures() {
        for (t, &(_, s, event)) in triggers.iter().enumerate() {
            let last_of_sentence = triggers.get(t + 1).is_none_or(|&(_, next, _)| next != s);
            let single = triggers
                .iter()
                .filter(|&&(_, ts, _)| ts == s)
                .all(|&(_, _, e)| e == event);
            let next_free = triggers.get(t + 1).is_none_or(|&(_, next, _)| next > s + 1);
            if last_of_sentence && single && next_free && s + 1 < doc.sentences.len() {
                let gap = &doc.text[doc.sentences[s].end..doc.sentences[s + 1].start];
                // It opens on what the sentence before spoke of: a pronoun,
                // a demonstrative or a definite article ("Le texte a
                // recueilli…", "Elle a fait…").
                let first = (triggers[t].0..doc.pieces.len())
                    .find(|&k| doc.pieces[k].start >= doc.sentences[s + 1].start);
                let anaphoric = first.is_some_and(|k| {
                    matches!(
                        doc.folded.get(k),
                        "il" | "elle"
                            | "ils"
                            | "elles"
                            | "ce"
                            | "cet"
                            | "cette"
                            | "ces"
                            | "le"
                            | "la"
                            | "les"
                            | "l"
                    )
                });
                if anaphoric && !gap.contains("\n\n") && !gap.contains("\n\r\n") {
                    continued.push((s + 1, t));
                }
            }
        }
    }
    // Figures are read only in sentences that speak of an event.
    let mut numbers = Vec::new();
    if index.has_figures() {
        let mut last = None;
        let sentences = triggers.iter().map(|&(_, s, _)| s);
        let mut read: Vec<usize> = sentences.chain(continued.iter().map(|&(s, _)| s)).collect();
        read.sort_unstable();
        for s in read {
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
        let Some(s) = sentence_of(doc.sentences, n.span.start) else {
            continue;
        };
        let after = piece_at(n.span.end);
        if another_quantity(doc, piece_at(n.span.start), after) {
            continue;
        }
        let next_words = [after, after + 1].map(|k| {
            if k < doc.pieces.len() {
                doc.folded.get(k)
            } else {
                ""
            }
        });
        let continuing = || {
            continued
                .binary_search_by_key(&s, |&(cs, _)| cs)
                .ok()
                .map(|i| continued[i].1)
        };
        if let Some(t) = nearest(s, piece_at(n.span.start)).or_else(continuing) {
            let event = mentions[t].event;
            if let Some(figure) =
                figure_counted(&rules.events[event], n, next_words, doc.publication)
            {
                mentions[t].figures.push(StatedFigure {
                    figure,
                    span: n.span,
                    text: n.text.clone(),
                    value: n.value,
                    approximate: n.approximate,
                    bound: n.bound,
                });
            }
        }
    }
    // An entity of the event named in the sentence, besides the place and
    // parties it states, is evidence of which event it is.
    for (m, &(_, s, event)) in mentions.iter_mut().zip(&triggers) {
        let stated: Vec<usize> = m
            .place
            .iter()
            .chain(&m.participants)
            .map(|n| n.entity)
            .collect();
        m.identity.entity = in_sentence[s]
            .iter()
            .find(|&&e| index.distinguishes(event, e) && !stated.contains(&e))
            .map(|&e| rules.entities[e].name.clone());
    }
    for &(s, event, ref name) in &named {
        if let Some(m) = triggers
            .iter()
            .zip(mentions.iter_mut())
            .find(|((_, ts, te), _)| *ts == s && *te == event)
            .map(|(_, m)| m)
        {
            m.identity.name.get_or_insert_with(|| name.clone());
        }
    }
    let mut identities: Vec<identity::Identity> = mentions
        .iter()
        .map(|m| identity::judge(m, doc.publication, &index.references[m.event], rules, index))
        .collect();
    let events: Vec<usize> = mentions.iter().map(|m| m.event).collect();
    identity::share_across_article(&mut identities, &events);
    for (m, i) in mentions.iter_mut().zip(identities) {
        m.identity = i;
    }
    facts.anniversaries =
        anniversaries::read(doc, rules, gazetteer, index, &triggers, &in_sentence);
    facts.events = mentions;
    facts
}

/// Whether the event word at piece `pi` is the one an anniversary counts
/// from ("80e anniversaire de la victoire"): the sentence's date is the
/// celebration's, not the event's.
fn commemorated(doc: &Document, pi: usize) -> bool {
    // Back over at most four words of the same sentence: "après" at the
    // end of the sentence before says nothing of this one.
    let ends_sentence = |k: usize| {
        let gap = &doc.text[doc.pieces[k].end..doc.pieces[k + 1].start];
        gap.contains(['.', '!', '?', '\n'])
    };
    (pi.saturating_sub(6)..pi)
        .rev()
        .take_while(|&k| !ends_sentence(k))
        // "80e anniversaire de la victoire"; "deux ans après l'invasion";
        // "au lendemain de l'annonce de la fermeture": the event is the
        // reference point of another date.
        .any(|k| match doc.folded.get(k) {
            "anniversaire" | "apres" | "avant" => pi - k <= 4,
            "lendemain" | "veille" => true,
            _ => false,
        })
}

/// Whether the event word at piece `pi` names another occurrence of its
/// kind: "un nouveau sommet", "le prochain traité", "le précédent plan".
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
                | "precedent"
                | "precedente"
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
        // "à", not the verb "a" ("Paris a averti Berlin"): folding makes
        // them one word.
        let locative = match doc.folded.get(k) {
            "a" => matches!(word, "à" | "À"),
            w => matches!(w, "en" | "au" | "aux" | "dans"),
        };
        // Lower-case words only, but for a preposition opening the
        // sentence ("À Lyon, le plan…").
        let opens_sentence = || {
            let before = &doc.text[..doc.pieces[k].start];
            let start = before.len().saturating_sub(8);
            let start = (start..=before.len())
                .find(|&i| before.is_char_boundary(i))
                .unwrap_or(before.len());
            let tail = before[start..].trim_end();
            tail.is_empty() && start == 0
                || tail.ends_with(['.', '!', '?', '\n', '»'])
                || before[start..].contains('\n')
        };
        if !(is_lowercase(word) || locative && opens_sentence()) {
            return false;
        }
        if locative {
            // "dans l'affaire des viols de Mazan": the words between must
            // lead to a place ("dans la région russe de l'Amour").
            let between = (k + 1..pi).map(|j| doc.folded.get(j));
            let leads_to_place = between.clone().all(is_article)
                || between.clone().any(is_place_noun)
                || !between
                    .clone()
                    .any(|w| matches!(w, "de" | "du" | "des" | "d"));
            // "a déclaré à Séoul que…": where the speaker is, not the event;
            // "non à Vladivostok", "de retour à Moscou": not where it was.
            return leads_to_place
                && (k == 0
                    || !(is_speech_verb(doc.folded.get(k - 1))
                        || matches!(doc.folded.get(k - 1), "non" | "pas" | "retour" | "jamais")));
        }
    }
    false
}

/// The figure of `event` a stated number counts: by its unit and role
/// (see [`crate::rules::Figure::counts`]); of figures that hold from a
/// date (`as_of`), the latest that held when the article was published —
/// none when it was published before the first.
fn figure_counted(
    event: &crate::rules::Event,
    n: &super::numbers::NumberMention,
    next_words: [&str; 2],
    publication: Option<chrono::NaiveDate>,
) -> Option<usize> {
    let counted = event
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.counts(n.unit.as_deref(), next_words));
    let mut best: Option<(usize, Option<chrono::NaiveDate>)> = None;
    for (i, f) in counted {
        match (f.as_of, publication) {
            // Not yet known when the article was written.
            (Some(from), Some(p)) if from > p => continue,
            // Dated estimates need a publication date to choose among.
            (Some(_), None) => continue,
            _ => {}
        }
        if best.is_none_or(|(_, b)| f.as_of > b) {
            best = Some((i, f.as_of));
        }
    }
    best.map(|(i, _)| i)
}

/// Whether the figure over pieces `from..to` counts something else than
/// the event's quantity: a threshold ("la majorité absolue de 288 voix",
/// "289 voix nécessaires", "un seuil de 50"), the others of a group ("les
/// 50 autres accusés"), a feared or provisional figure ("peut-être des
/// milliers", "un premier bilan de 2 morts").
fn another_quantity(doc: &Document, from: usize, to: usize) -> bool {
    let before = |n: usize| (from.saturating_sub(n)..from).map(|k| doc.folded.get(k));
    let threshold_before = before(4).any(|w| {
        matches!(
            w,
            "majorite" | "seuil" | "minimum" | "maximum" | "objectif" | "plafond" | "quorum"
        )
    });
    let after = (to..(to + 3).min(doc.pieces.len())).map(|k| doc.folded.get(k));
    let mut after = after.peekable();
    let others = after
        .peek()
        .is_some_and(|&w| matches!(w, "autres" | "autre"));
    let needed = after.any(|w| {
        matches!(
            w,
            "necessaires" | "necessaire" | "requises" | "requise" | "requis" | "manquantes"
        )
    });
    // "peut-être des milliers de morts", "un bilan encore provisoire de 22
    // morts": a feared or provisional figure is not the event's.
    let hedged = before(8).any(|w| {
        matches!(
            w,
            "peut"
                | "pourrait"
                | "pourraient"
                | "redoute"
                | "redoutent"
                | "craint"
                | "craignent"
                | "provisoire"
                | "premier"
                | "premiere"
                | "estimation"
                | "risque"
        )
    });
    threshold_before || others || needed || hedged
}

/// Whether the date at piece `at` is said to lie ahead ("la rencontre
/// prévue jeudi", "Emmanuel Macron est attendu jeudi") but was resolved to
/// the past from the publication date: it is read wrongly, so it is not
/// stated.
fn planned_and_past(doc: &Document, at: usize, d: &DateMention) -> bool {
    let ahead = (at.saturating_sub(2)..at).any(|k| {
        let w = doc.folded.get(k);
        let w = w.strip_suffix('s').unwrap_or(w);
        matches!(
            w,
            "prevu"
                | "prevue"
                | "attendu"
                | "attendue"
                | "fixe"
                | "fixee"
                | "programme"
                | "programmee"
        )
    });
    ahead && matches!(d.value, Some(v) if doc.publication.is_some_and(|p| v.last < p))
}

/// Whether the event word at piece `pi` is the complement of another noun
/// ("la loi sur la ratification du traité", "l'annulation du traité"): a
/// date before that noun is the other act's, not the event's.
fn complement_of_another_noun(doc: &Document, pi: usize) -> bool {
    let mut k = pi;
    // Back over "de la", "de l'", "du", "des", "d'".
    while k > 0 && matches!(doc.folded.get(k - 1), "la" | "l" | "le" | "les") {
        k -= 1;
    }
    if k == 0 || !matches!(doc.folded.get(k - 1), "de" | "du" | "des" | "d") {
        return false;
    }
    let head = k.checked_sub(2).map(|h| (h, doc.folded.get(h)));
    head.is_some_and(|(h, w)| {
        let text = &doc.text[doc.pieces[h].start..doc.pieces[h].end];
        is_lowercase(text) && w.len() > 3 && !matches!(w, "anniversaire" | "lendemain" | "veille")
    })
}

/// Whether the date at piece `at` is introduced by the verb of another
/// action than the event: "a annoncé mardi", "chiffres communiqués mardi",
/// "déposée le 8 octobre", "annulé en 1996" — unless that verb is one of
/// the event words ("adopté le 12 mars" for a vote declared with
/// "adopt*").
fn another_action_before(doc: &Document, at: usize, index: &EventIndex) -> bool {
    let mut events = Vec::new();
    (at.saturating_sub(3)..at).rev().any(|k| {
        let word = doc.folded.get(k);
        (is_speech_verb(word) || is_other_action(word)) && {
            index.triggered_by(word, &mut events);
            events.is_empty()
        }
    })
}

/// Whether the place at piece `pi`, after its preposition, is where
/// another verb of the sentence puts someone or something: "la production
/// devant être transférée en Pologne", "ingénieur formé à Clermont-Ferrand".
fn located_by_another_verb(doc: &Document, pi: usize) -> bool {
    #[rustfmt::skip]
    const PARTICIPLES: &[&str] = &[
        "transfere", "delocalise", "deplace", "demenage", "installe", "forme", "ne", "eleve",
        "etudie", "scolarise", "mute", "exile", "refugie", "hospitalise", "evacue", "enterre",
        "inhume", "decede", "detenu", "emprisonne", "incarcere", "heberge", "replie", "parti",
        "envoye", "expedie", "exporte", "importe", "fabrique", "produit", "assemble",
    ];
    // Back over the places and their prepositions ("installé à Paris et
    // à Berlin"), then the verb.
    let mut k = pi;
    while k > 0 && pi - k < 10 {
        k -= 1;
        let word = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
        let skipped = word.starts_with(char::is_uppercase)
            || matches!(
                doc.folded.get(k),
                "a" | "en"
                    | "au"
                    | "aux"
                    | "dans"
                    | "et"
                    | "ou"
                    | "le"
                    | "la"
                    | "les"
                    | "l"
                    | "de"
                    | "du"
                    | "d"
            );
        if !skipped {
            break;
        }
    }
    let word = doc.folded.get(k);
    let masculine = word.strip_suffix('s').unwrap_or(word);
    let masculine = masculine
        .strip_suffix('e')
        .filter(|w| w.ends_with('e'))
        .unwrap_or(masculine);
    PARTICIPLES.contains(&masculine)
}

/// Participles of verbs that date an act about an event, not the event:
/// its announcement, publication, filing, ratification, cancellation (in
/// any gender and number: "communiqués", "déposée").
fn is_other_action(word: &str) -> bool {
    const PARTICIPLES: &[&str] = &[
        "communique",
        "devoile",
        "publie",
        "depose",
        "ratifie",
        "promulgue",
        "annule",
        "abroge",
        "denonce",
        "revele",
        "rapporte",
        "confirme",
        "reporte",
        "evoque",
        "interroge",
        "rappele",
        "revise",
        "actualise",
        "diffuse",
        "transmis",
        "presente",
    ];
    let masculine = word.strip_suffix('s').unwrap_or(word);
    let masculine = masculine
        .strip_suffix("ee")
        .map_or(masculine, |w| &masculine[..w.len() + 1]);
    PARTICIPLES.contains(&masculine) || PARTICIPLES.contains(&word) || word == "rappelle"
}

fn is_article(word: &str) -> bool {
    matches!(word, "le" | "la" | "les" | "l" | "de" | "du" | "des" | "d")
}

/// Nouns that name a place or a part of one: "la région de", "la ville
/// de", "au sud de", "la cathédrale de".
fn is_place_noun(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    matches!(
        w,
        "region"
            | "ville"
            | "province"
            | "departement"
            | "oblast"
            | "commune"
            | "capitale"
            | "archipel"
            | "ile"
            | "prefecture"
            | "cite"
            | "quartier"
            | "village"
            | "port"
            | "territoire"
            | "pays"
            | "zone"
            | "bassin"
            | "cote"
            | "vallee"
            | "rive"
            | "frontiere"
            | "nord"
            | "sud"
            | "est"
            | "ouest"
            | "centre"
            | "banlieue"
            | "environ"
            | "peripherie"
            | "large"
            | "coeur"
            | "palai"
            | "palais"
            | "hotel"
            | "mairie"
            | "salle"
            | "cathedrale"
            | "gare"
            | "aeroport"
            | "base"
            | "cosmodrome"
            | "siege"
            | "camp"
            | "enceinte"
            | "agglomeration"
            | "metropole"
            | "canton"
            | "etat"
            | "republique"
            | "peninsule"
            | "presqu"
            | "pointe"
            | "littoral"
            | "massif"
            | "plaine"
    )
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
    let near = (pi.saturating_sub(8)..pi)
        .filter(|&k| doc.pieces[k].start >= range.start)
        .any(|k| match doc.folded.get(k) {
            "entre" => true,
            "avec" | "par" => pi - k <= 3,
            _ => false,
        });
    // "par Vladimir Poutine et Kim Jong-un": back over the names of the
    // other parties and "et" to the frame's word.
    near || {
        let mut k = pi;
        while k > 0 && pi - k < 12 && doc.pieces[k - 1].start >= range.start {
            k -= 1;
            let word = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
            let next_is_name = doc
                .text
                .get(doc.pieces[k + 1].start..doc.pieces[k + 1].end)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            match doc.folded.get(k) {
                "avec" | "par" | "entre" => return true,
                "et" => continue,
                _ if word.starts_with(char::is_uppercase) => continue,
                // "Charles de Gaulle", "le général de Gaulle", "la
                // chancelière Angela Merkel": a party's particles and title.
                w if next_is_name
                    && (super::people::PARTICLES.contains(&w) || PARTY_TITLES.contains(&w)) =>
                {
                    continue;
                }
                w if PARTY_TITLES.contains(&w) || matches!(w, "le" | "la" | "l" | "son" | "sa") => {
                    continue;
                }
                _ => return false,
            }
        }
        false
    }
}

/// Titles that stand before a party's name: "par le général de Gaulle et
/// Heinrich Lübke", "entre la chancelière Angela Merkel et…".
pub(super) const PARTY_TITLES: &[&str] = &[
    "general",
    "president",
    "presidente",
    "chancelier",
    "chanceliere",
    "ministre",
    "premier",
    "premiere",
    "roi",
    "reine",
    "pape",
    "marechal",
    "secretaire",
    "m",
    "mme",
    "dirigeant",
    "dirigeante",
    "homologue",
    "prince",
    "princesse",
    "empereur",
    "maire",
    "prefet",
    "prefete",
];

/// Whether the place at piece `pi` follows an event word and "de": "le
/// sommet de Genève", "le traité de Moscou".
fn after_event_word(doc: &Document, pi: usize, index: &EventIndex) -> bool {
    let mut events = Vec::new();
    pi >= 2
        && matches!(doc.folded.get(pi - 1), "de" | "d" | "du")
        && doc.pieces[pi].sep != Sep::Other
        && {
            index.triggered_by(doc.folded.get(pi - 2), &mut events);
            !events.is_empty()
        }
}

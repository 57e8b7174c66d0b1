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
#[cfg(test)]
mod anniversary_tests;
mod attachment;
mod document;
mod evidence;
#[cfg(test)]
mod figure_tests;
mod figures;
pub mod identity;
mod index;
mod kin;
#[cfg(test)]
mod kin_tests;
mod mention;
#[cfg(test)]
mod occurrence_tests;
mod parties;
mod places;
#[cfg(test)]
mod predicate_tests;
#[cfg(test)]
mod reading_tests;
mod relink;
#[cfg(test)]
mod relink_tests;
#[cfg(test)]
mod tests;
pub mod why;

pub use document::{Document, EventFacts};
pub use index::EventIndex;
pub use mention::{
    AnniversaryMention, EventMention, StatedDate, StatedFigure, StatedName, YearSource,
};

use attachment::{
    across_semicolon, after_event_word, after_venue, agent_entity, another_action_before,
    apposed_to_time_phrase, changes_subject, commemorated, complement_entity,
    complement_of_another_noun, complemented_noun, dated_from_the_sentence, dates_a_milestone,
    earlier_stage_date, in_relative_clause_of_another, is_article, is_auxiliary,
    joined_to_event_word, own_verb_before, participle_before, place_joined_to_event_word,
    planned_and_past, reference_point_date, subject_entity, verb_of_another_event,
};
use parties::{
    in_participant_frame, in_prepositional_phrase, other_participle_of_agent, subject_of_event_verb,
};
use places::{
    after_locative, coordinated_names, frames_the_sentence, is_place_noun, located_by_another_verb,
    relative_position, route_end,
};
use rustc_hash::{FxHashMap, FxHashSet};

use super::dates::{self, DateForm};
use super::gazetteer::Gazetteer;
use super::names::NameMention;
use super::pieces::is_lowercase;
use super::sentences::sentence_of;
use crate::rules::{EntityKind, RuleSet};

/// How far (in words) a date, place or figure may stand from its trigger.
const MAX_DISTANCE: usize = 16;

/// How far after an event's mention a word of that event still speaks of
/// it ("Le traité, signé à Camp David par…").
const GOES_ON_WITHIN: usize = 10;

/// How well an event word fits each event it may name, compared in order:
/// an entity of the event completing the word; how many of its entities
/// the sentence names; whether the sentence states its day; how many the
/// sentences around name; whether the article names any; whether the
/// article gives its declared name.
type LinkScore = (bool, usize, bool, usize, bool, usize, bool, bool);

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
    let piece_at = |at: usize| doc.pieces.partition_point(|p| p.end <= at);
    // Entities named in each sentence, but for a point of reference:
    // "Après Pyongyang, il s'est envolé pour Hanoï" speaks of Hanoï.
    let mut in_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for m in doc.names {
        let k = piece_at(m.span.start);
        if k > 0 && matches!(doc.folded.get(k - 1), "apres" | "avant") {
            continue;
        }
        if let Some(s) = sentence_of(doc.sentences, m.span.start) {
            in_sentence[s].push(entity_of(m));
        }
    }
    for entities in &mut in_sentence {
        entities.sort_unstable();
        entities.dedup();
    }

    // A trigger links only with an identifying entity in the article
    // (preferably at most one sentence away): an article that names none
    // is not searched for event words.
    let identifying: FxHashSet<usize> = index.identifying.iter().flatten().copied().collect();
    let mut in_article: Vec<usize> = in_sentence
        .iter()
        .flatten()
        .copied()
        .filter(|e| identifying.contains(e))
        .collect();
    // How many sentences name each identifying entity: what the article
    // is about breaks a tie ("Le vol inaugural, piloté par Jacques Rosay
    // et Bernard Ziegler" in an article on the A380).
    let mut sentences_naming: FxHashMap<usize, usize> = FxHashMap::default();
    for &e in &in_article {
        *sentences_naming.entry(e).or_default() += 1;
    }
    in_article.sort_unstable();
    in_article.dedup();
    // `doc.sentences` are clauses (cut at semicolons); the sentences
    // around a clause are those of the sentences before and after its own.
    let mut sentence_of_clause = Vec::with_capacity(doc.sentences.len());
    let mut whole = 0;
    for clause in doc.sentences {
        sentence_of_clause.push(whole);
        if !doc.text[..clause.end].ends_with(';') {
            whole += 1;
        }
    }
    // Triggers: (piece, sentence, event).
    let mut triggers: Vec<(usize, usize, usize)> = Vec::new();
    // Further words of a mention's event in its sentence, (piece,
    // sentence, event): "la table de signature … l'accord a été signé à
    // l'Élysée entre X, Y et Z" states its facts near the second.
    let mut also: Vec<(usize, usize, usize)> = Vec::new();
    // Per trigger piece: the other events its word could name.
    let mut rivals: FxHashMap<usize, relink::Rivals> = FxHashMap::default();
    // Per trigger: linked by an entity of the article alone, none near.
    let mut remote: Vec<bool> = Vec::new();
    // The declared names met: (sentence, event, name as written).
    let mut named: Vec<(usize, usize, String, usize)> = Vec::new();
    // The pieces inside declared names after their first: "Camp David" in
    // "accords de Camp David" is part of the name, not a stated place.
    let mut in_names: Vec<std::ops::Range<usize>> = Vec::new();
    let mut events = Vec::new();
    // The declared names, found first: a word of a named event before its
    // name in the sentence goes on about it ("les élus ont approuvé la
    // rénovation de la piscine"). (piece, sentence, event, length, name)
    let names_found = index.names_in(doc);
    let named_events: FxHashSet<usize> = names_found.iter().map(|n| n.2).collect();
    let mut next_name = 0;
    let mut sentence = 0;
    for (pi, p) in doc.pieces.iter().enumerate() {
        // Pieces come in text order: follow the sentence they are in.
        while sentence < doc.sentences.len() && doc.sentences[sentence].end <= p.start {
            sentence += 1;
        }
        // A declared name says which event it is, entities or not.
        while let Some(&(_, _, event, len, name)) = names_found.get(next_name).filter(|n| n.0 == pi)
        {
            next_name += 1;
            in_names.push(pi + 1..pi + len);
            let seen = triggers
                .iter()
                .rev()
                .take_while(|&&(_, ts, _)| ts == sentence)
                .any(|&(_, _, te)| te == event);
            if !seen {
                triggers.push((pi, sentence, event));
                remote.push(false);
                named.push((sentence, event, name.to_string(), pi));
            } else if !commemorated(doc, pi) {
                // "ont signé ce samedi une déclaration pour marquer le 60e
                // anniversaire des traités de Rome": the name counted from
                // does not say the signing before it is the event.
                named.push((sentence, event, name.to_string(), pi));
            }
        }
        if in_article.is_empty() {
            continue;
        }
        let word = doc.folded.get(pi);
        if p.end - p.start < 3 || !word.starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        if kin::names_something_else(doc, pi) {
            continue;
        }
        index.triggered_by(word, &mut events);
        let seen = kin::Seen {
            triggers: &triggers,
            names_ahead: &names_found[next_name..],
            in_sentence: &in_sentence[sentence],
        };
        if !kin::keep_this_occurrence(doc, index, pi, sentence, &seen, &mut events) {
            continue;
        }
        // "après la réunification du 3 octobre 1990": the event another
        // date counts from is linked too, for the date joined to its word.
        let point = commemorated(doc, pi);
        let Some(s) = sentence_of(doc.sentences, p.start) else {
            continue;
        };
        // "Le traité de paix israélo-égyptien, signé le 26 mars 1979": a
        // word of an event just mentioned in the sentence goes on about it,
        // whatever the entities around say.
        if let Some(&(_, _, te)) = triggers
            .iter()
            .rev()
            .take_while(|&&(_, ts, _)| ts == s)
            .find(|&&(tp, _, te)| {
                pi - tp <= GOES_ON_WITHIN
                    && events.contains(&te)
                    && !commemorated(doc, tp)
                    && !rivals.get(&tp).is_some_and(|r| r.tied)
            })
        {
            also.push((pi, s, te));
            continue;
        }
        // "Cette finale, gagnée par…": a demonstrative goes back to the
        // event the sentence before (or this one) spoke of with a word of
        // it, whatever entities the sentence names.
        if pi > 0
            && matches!(doc.folded.get(pi - 1), "ce" | "cet" | "cette")
            && let Some(&(_, ts, te)) = triggers.last()
            && events.contains(&te)
            && sentence_of_clause[ts] + 1 >= sentence_of_clause[s]
        {
            if ts != s || triggers.last().is_some_and(|&(_, _, last)| last != te) {
                triggers.push((pi, s, te));
                remote.push(false);
            }
            continue;
        }
        // Its name just after: the word is that event's.
        if let Some(&(_, _, event, _, _)) = names_found[next_name..]
            .iter()
            .take_while(|n| n.1 == s && n.0.saturating_sub(pi) <= GOES_ON_WITHIN)
            .find(|n| events.contains(&n.2))
        {
            triggers.push((pi, s, event));
            remote.push(false);
            continue;
        }
        // "… contre la délibération du 25 novembre. … La délibération
        // avait été adoptée par 12 voix": the same word with a definite
        // article and no complement goes on about the event just named.
        // Only as the subject opening the sentence, its verb next: "le
        // traité originel" or "le vote final" may be another.
        if pi > 0
            && matches!(doc.folded.get(pi - 1), "le" | "la" | "l" | "les")
            && doc.pieces[pi - 1].start <= doc.sentences[s].start
            && is_auxiliary(doc.word(pi + 1))
            && let Some(&(tp, ts, te)) = triggers.last()
            && ts != s
            && doc.folded.get(tp) == word
            && events.contains(&te)
            && sentence_of_clause[ts] + 2 >= sentence_of_clause[s]
        {
            triggers.push((pi, s, te));
            remote.push(false);
            continue;
        }
        // The sentence's own entities decide when any candidate has some
        // ("Le traité signé à Pyongyang" is the 2024 treaty even if the
        // next sentence names the signatories of 1961); else its neighbours'.
        let around = {
            let sentence = sentence_of_clause[s];
            let first = sentence_of_clause.partition_point(|&x| x + 1 < sentence);
            let last = sentence_of_clause.partition_point(|&x| x <= sentence + 1);
            first..=last - 1
        };
        let named_in = |id: &usize, k: usize| in_sentence[k].binary_search(id).is_ok();
        // (entity in the event word's complement, entities in the
        // sentence, entities around, entities in the article): the first
        // decides, the others break ties; a tie on all links nothing. "le
        // vote favorable du Sénat … avant un Congrès à Versailles" is the
        // Senate's vote. A link by the article alone ("À Périgueux, …" two
        // paragraphs up) gives the mention no evidence of identity: what
        // it states must agree with the event for anything to be compared.
        let complement = complement_entity(doc, pi, &entity_of);
        // "Le Cléac'h l'avait emporté au terme d'un duel avec Richomme":
        // the verb's subject says whose act it is.
        let subject = subject_entity(doc, pi, &entity_of);
        // A day of the sentence that is an event's own tells it from the
        // others of the story ("Le 14 octobre, le conseil … avait adopté").
        let sentence = &doc.sentences[s];
        let days = &doc.dates[doc.dates.partition_point(|d| d.span.start < sentence.start)
            ..doc.dates.partition_point(|d| d.span.start < sentence.end)];
        let on_its_day = |e: usize| {
            index.references[e].date.is_some_and(|known| {
                days.iter().any(|d| {
                    d.value.is_some_and(|v| {
                        v.granularity == dates::Granularity::Day && v.overlaps(&known)
                    })
                })
            })
        };
        // Words of one candidate's name and of no other's tell them apart
        // ("le réseau" is the bus network's vote, not the health
        // centre's); after the event word ("a adopté le réseau"), as
        // surely as an entity completing it.
        let sentence_pieces = if events.len() > 1 {
            piece_at(sentence.start)..piece_at(sentence.end)
        } else {
            0..0
        };
        let name_word = |e: usize, k: usize| {
            is_lowercase(&doc.text[doc.pieces[k].start..doc.pieces[k].end])
                && index.name_word_of(e, &events, doc.folded.get(k))
        };
        let object_named = |e: usize| {
            let comma_before =
                |k: usize| doc.text[doc.pieces[k - 1].end..doc.pieces[k].start].contains(',');
            let determiner = |k: usize| {
                is_article(doc.folded.get(k))
                    || matches!(doc.folded.get(k), "de" | "du" | "des" | "d" | "un" | "une")
            };
            let object = (pi + 1..sentence_pieces.end)
                .take(4)
                .take_while(|&k| !comma_before(k))
                .find(|&k| !determiner(k))
                .is_some_and(|k| name_word(e, k));
            // "Le réseau de bus a été adopté": the subject of the passive.
            let mut k = pi;
            while k > sentence_pieces.start && is_auxiliary(doc.folded.get(k - 1)) {
                k -= 1;
            }
            let passive_subject = k < pi
                && (k.saturating_sub(3).max(sentence_pieces.start)..k).any(|j| name_word(e, j));
            object || passive_subject
        };
        let name_hits = |e: usize| {
            (pi.saturating_sub(8).max(sentence_pieces.start)..(pi + 9).min(sentence_pieces.end))
                .filter(|&k| k != pi && name_word(e, k))
                .count()
        };
        // "Lors du vote de principe, … Il avait été adopté par 23 voix":
        // the event the paragraph named in its last sentences is its topic.
        // Not for a verb with an object of its own ("le conseil votait son
        // budget"): that names what was voted.
        let own_object = pi + 1 < doc.pieces.len()
            && matches!(
                doc.folded.get(pi + 1),
                "le" | "la"
                    | "les"
                    | "l"
                    | "un"
                    | "une"
                    | "son"
                    | "sa"
                    | "ses"
                    | "leur"
                    | "leurs"
                    | "ce"
                    | "cet"
                    | "cette"
                    | "ces"
                    | "du"
                    | "des"
            );
        let topic = |e: usize| {
            if own_object {
                return false;
            }
            let from = names_found
                .partition_point(|n| sentence_of_clause[n.1] + 2 < sentence_of_clause[s]);
            names_found[from..]
                .iter()
                .take_while(|n| n.0 < pi)
                .any(|n| n.2 == e && !doc.text[doc.pieces[n.0].start..p.start].contains("\n\n"))
        };
        let mut best: Option<(usize, LinkScore)> = None;
        let mut tied = false;
        let mut scores: Vec<(usize, LinkScore)> = Vec::new();
        for &e in &events {
            let ids = &index.identifying[e];
            let here = ids.iter().filter(|id| named_in(id, s)).count();
            let score = (
                complement.is_some_and(|c| ids.contains(&c))
                    || subject.is_some_and(|c| ids.contains(&c))
                    || object_named(e),
                here,
                // Only between events the sentence names: a tour's next
                // stop shares the dates of the visit before it.
                here > 0 && on_its_day(e),
                name_hits(e),
                topic(e),
                ids.iter()
                    .filter(|id| around.clone().any(|k| named_in(id, k)))
                    .count(),
                ids.iter().any(|id| in_article.binary_search(id).is_ok()),
                // Last, the event the article names ("En marge du vote du
                // 13 octobre" in an article on the tram vote).
                named_events.contains(&e),
            );
            scores.push((e, score));
            if !score.6 {
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
        // A tie the article's topic may decide, when the facts do not
        // (see `relink`): the candidate whose entities its sentences name,
        // and whose words it linked, at least twice as often as any
        // other's.
        let topic = best.filter(|_| tied).and_then(|(_, b)| {
            kin::article_topic(
                index,
                &in_sentence[s],
                &sentences_naming,
                &triggers,
                scores.iter().filter(|&&(_, sc)| sc == b).map(|&(e, _)| e),
            )
        });
        let Some((event, score)) = best else {
            continue;
        };
        // Undecided by the entities, the word is the event its facts
        // agree with, if one does (see `relink`).
        let rival = relink::Rivals {
            tied,
            topic,
            events: scores
                .iter()
                .filter(|&&(e, sc)| e != event && (!tied || sc == score))
                .map(|&(e, _)| e)
                .collect(),
        };
        let first = triggers.partition_point(|&(_, ts, _)| ts < s);
        if tied {
            if triggers[first..]
                .iter()
                .any(|&(_, _, te)| te == event || rival.events.contains(&te))
            {
                continue;
            }
        } else if let Some(t) = (first..triggers.len()).find(|&t| {
            rivals
                .get(&triggers[t].0)
                .is_some_and(|r| r.tied && (triggers[t].2 == event || r.events.contains(&event)))
        }) {
            // A word the entities left undecided gives way to one they
            // decide ("avaient signé les accords": the accords').
            triggers.remove(t);
            remote.remove(t);
        }
        rivals.insert(pi, rival);
        let from = triggers.partition_point(|&(_, ts, _)| ts < s);
        match (from..triggers.len())
            .find(|&t| triggers[t].2 == event && commemorated(doc, triggers[t].0) == point)
        {
            None => {
                triggers.push((pi, s, event));
                remote.push(score.3 == 0 && !score.4 && score.5 == 0);
            }
            // "les sénateurs ont voté …, dans une version conforme à celle
            // adoptée par l'Assemblée nationale le 30 janvier": the word
            // whose agent is the event's entity is the sentence's mention
            // of it, not an earlier one that only shares the sentence.
            Some(t) => {
                let identifies =
                    |e: Option<usize>| e.is_some_and(|e| index.identifying[event].contains(&e));
                if identifies(agent_entity(doc, pi, &entity_of))
                    && !identifies(complement_entity(doc, triggers[t].0, &entity_of))
                    && !identifies(agent_entity(doc, triggers[t].0, &entity_of))
                {
                    triggers.remove(t);
                    remote.remove(t);
                    triggers.push((pi, s, event));
                    remote.push(score.3 == 0 && !score.4 && score.5 == 0);
                } else if !commemorated(doc, pi) && is_auxiliary(doc.folded.get(pi - 1)) {
                    // Its verb, further on ("l'accord a été signé à
                    // l'Élysée entre…"), not another noun of its kind
                    // ("comparée aux crues de juin 2010").
                    also.push((pi, s, event));
                }
            }
        }
    }
    // Per trigger: the pieces of its event's further words in its sentence.
    let mut anchors: Vec<Vec<usize>> = vec![Vec::new(); triggers.len()];
    for &(pi, s, event) in &also {
        let from = triggers.partition_point(|&(_, ts, _)| ts < s);
        if let Some(t) = (from..triggers.len())
            .take_while(|&t| triggers[t].1 == s)
            .find(|&t| triggers[t].2 == event && triggers[t].0 < pi)
        {
            anchors[t].push(pi);
        }
    }

    // One mention per (sentence, event); facts go to the nearest trigger.
    // Triggers are in text order, hence by sentence: a sentence's are found
    // by binary search, not by a scan per fact.
    // A declared name that an anniversary counts from ("le 55e anniversaire
    // des premiers pas sur la Lune") still says which event is spoken of,
    // but the facts nearest it are the celebration's: it takes none.
    let mut reference_point: Vec<bool> = triggers
        .iter()
        .map(|&(pi, _, _)| commemorated(doc, pi))
        .collect();
    // "les accords signés trois semaines plus tôt": dated from the
    // sentence's time, so the sentence's date is not theirs.
    let dated_apart: Vec<bool> = triggers
        .iter()
        .map(|&(pi, _, _)| dated_from_the_sentence(doc, pi))
        .collect();
    // The last piece of a declared name of the trigger's event in its
    // sentence: "a adopté lundi … son plan local d'urbanisme
    // intercommunal (PLUi), par 27 voix pour" is near the name.
    let name_end: Vec<Option<usize>> = triggers
        .iter()
        .map(|&(_, s, e)| {
            let from = names_found.partition_point(|n| n.1 < s);
            names_found[from..]
                .iter()
                .take_while(|n| n.1 == s)
                .filter(|n| n.2 == e)
                .map(|n| n.0 + n.3 - 1)
                .last()
        })
        .collect();
    // An event word completing another mention's word or name ("l'entrée
    // en application des accords, le 26 mars 1996") is what that one is
    // about: the facts around are the other's.
    let completes_another_mention: Vec<bool> = triggers
        .iter()
        .enumerate()
        .map(|(i, &(pi, s, e))| {
            complemented_noun(doc, pi).is_some_and(|h| {
                let from = triggers.partition_point(|&(_, ts, _)| ts < s);
                (from..triggers.len())
                    .take_while(|&j| triggers[j].1 == s)
                    .any(|j| {
                        j != i
                            && triggers[j].2 != e
                            && (triggers[j].0 == h || name_end[j] == Some(h))
                    })
            })
        })
        .collect();
    let nearest = |sentence: usize, piece: usize| -> Option<usize> {
        let from = triggers.partition_point(|&(_, s, _)| s < sentence);
        let to = triggers.partition_point(|&(_, s, _)| s <= sentence);
        (from..to)
            .filter(|&i| !completes_another_mention[i])
            .map(|i| {
                let to_name = name_end[i].map_or(usize::MAX, |end| end.abs_diff(piece));
                // The nearest of the event's words in the sentence.
                let at = anchors[i]
                    .iter()
                    .copied()
                    .chain([triggers[i].0])
                    .min_by_key(|a| a.abs_diff(piece))
                    .unwrap_or(triggers[i].0);
                (i, at.abs_diff(piece).min(to_name), at)
            })
            .filter(|&(_, d, at)| {
                d <= MAX_DISTANCE
                    && !changes_subject(doc, at, piece)
                    && !across_semicolon(doc, at, piece)
            })
            .min_by_key(|&(_, d, _)| d)
            .map(|(i, _, _)| i)
            .filter(|&i| !reference_point[i])
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
                relinked: false,
                identity: identity::Identity::default(),
            }
        })
        .collect();
    // Each mention takes the date nearest its event word, among those not
    // introduced by another action's verb ("a annoncé mardi que le
    // sommet…", "déposée le 8 octobre"): the first date of the sentence is
    // often the day something was said.
    let mut date_distance: Vec<usize> = vec![usize::MAX; mentions.len()];
    let mut framed_place = vec![false; mentions.len()];
    for d in doc.dates {
        let Some(value) = d.value else { continue };
        if d.form == DateForm::Bound {
            continue;
        }
        let Some(s) = sentence_of(doc.sentences, d.span.start) else {
            continue;
        };
        let at = piece_at(d.span.start);
        // "après la réunification du 3 octobre 1990": the date joined to
        // the word of the event another date counts from is its own.
        let from = triggers.partition_point(|&(_, ts, _)| ts < s);
        if let Some(t) = (from..triggers.len())
            .take_while(|&t| triggers[t].1 == s)
            .find(|&t| reference_point[t] && joined_to_event_word(doc, triggers[t].0, at))
        {
            date_distance[t] = 0;
            mentions[t].date = Some(StatedDate::of(d, value, index, mentions[t].event));
            continue;
        }
        // "d'ici à la fin du mois de mars": a deadline, a bound.
        if at >= 2 && doc.folded.get(at - 1) == "ici" && doc.folded.get(at - 2) == "d" {
            continue;
        }
        if reference_point_date(doc, at)
            || dates_a_milestone(doc, at, index)
            || earlier_stage_date(doc, at)
        {
            continue;
        }
        if another_action_before(doc, at, index) || planned_and_past(doc, at, d) {
            continue;
        }
        // "dans la zone du séisme mercredi 8 février": after an event word
        // that completes another noun, only a date joined to it ("du
        // séisme du 6 février", "du séisme qui a frappé dimanche") is the
        // event's.
        // "les signataires de 1985 … pour signer la convention": a date
        // after "de" completes the noun before it, never a later word.
        let postnominal = matches!(doc.folded.get(at), "de" | "du" | "d");
        if let Some(t) = nearest(s, at)
            && !(postnominal && triggers[t].0 > at)
            && !(dated_apart[t] && at < triggers[t].0)
            // "les dégâts de la tempête Alex du 2 novembre 2020": joined
            // to the end of the event's name.
            && !(complement_of_another_noun(doc, triggers[t].0)
                && (at < triggers[t].0
                    || !(joined_to_event_word(doc, triggers[t].0, at)
                        || name_end[t].is_some_and(|e| joined_to_event_word(doc, e, at)))))
            && !verb_of_another_event(doc, at, mentions[t].event, index)
            && apposed_to_time_phrase(doc, at).is_none_or(|phrase| phrase.contains(&triggers[t].0))
            // "l'accord anglo-irlandais, dont le 40e anniversaire tombera
            // en novembre": the anniversary's date.
            && !(triggers[t].0 < at
                && (triggers[t].0 + 1..at).any(|k| doc.folded.get(k) == "anniversaire"))
            // "la délibération du conseil … qui a adopté le 19 mars": the
            // clause's verb is the event's own.
            && (!in_relative_clause_of_another(doc, at, triggers[t].0)
                || own_verb_before(doc, at, mentions[t].event, index))
            // The event word as the verb's subject ("le séisme a frappé
            // lundi") or object ("a adopté mardi le plan vélo") keeps it.
            && participle_before(doc, at, index).is_none_or(|verb| {
                let pi = triggers[t].0;
                // Only the event word's complement between them: "Le
                // traité de l'Élysée, signé le…".
                let complement = |k: usize| {
                    is_article(doc.folded.get(k))
                        || doc.text[doc.pieces[k].start..].starts_with(char::is_uppercase)
                };
                // "la finale de l'Euro 2016, perdue le 10 juin 2016".
                let end = name_end[t].filter(|&e| e < verb).unwrap_or(pi);
                // "avait assisté le 18 janvier à la présentation": the
                // verb's complement is the event, so is its date.
                let attended = || {
                    let next = piece_at(d.span.end);
                    next < pi
                        && pi - next <= 2
                        && !doc.text[d.span.end..doc.pieces[pi].start].contains([',', ';', '.'])
                        && (next..pi).all(|k| {
                            matches!(doc.folded.get(k), "a" | "au" | "aux" | "la" | "l" | "les")
                        })
                };
                (pi < verb
                    && (verb - pi <= 3 || verb - end <= 2 || (pi + 1..verb).all(complement)))
                    || (pi > at && pi - at <= 3)
                    || (pi > at && attended())
                    || joined_to_event_word(doc, pi, at)
            })
        {
            // "le traité …, signé le 25 mars 1956": a date the event's own
            // verb introduces wins over any nearer one.
            let distance = if own_verb_before(doc, at, mentions[t].event, index) {
                0
            } else {
                triggers[t].0.abs_diff(at)
            };
            if distance < date_distance[t] {
                date_distance[t] = distance;
                mentions[t].date = Some(StatedDate::of(d, value, index, mentions[t].event));
            }
        }
    }
    // (end, mention) of the last party attached.
    let mut last_party: Option<(usize, usize)> = None;
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
        if in_names.iter().any(|r| r.contains(&pi)) {
            continue;
        }
        // "l'accord de Sunningdale, en 1973, puis l'accord anglo-irlandais":
        // the place completes an event word no event was linked by, the
        // name of another of its kind.
        let completes_unlinked_word = pi >= 2
            && !after_locative(doc, pi)
            && after_event_word(doc, pi, index)
            && !triggers.iter().any(|t| t.0 == pi - 2)
            && !anchors.iter().any(|a| a.contains(&(pi - 2)));
        if completes_unlinked_word {
            continue;
        }
        // "par Anouar el-Sadate et Yitzhak Rabin": a person coordinated
        // with the party just attached is a party of the same mention.
        let coordinated = last_party.filter(|&(end, _)| {
            end <= m.span.start && matches!(doc.text[end..m.span.start].trim(), "et" | ",")
        });
        match rules.entities[entity].kind {
            EntityKind::Place
                if (after_locative(doc, pi)
                    && !located_by_another_verb(doc, pi, index)
                    && !relative_position(doc, pi)
                    && !route_end(doc, pi, &|n| {
                        rules.entities[entity_of(n)].kind == EntityKind::Place
                    }))
                    || after_event_word(doc, pi, index)
                    || after_venue(doc, pi, index) =>
            {
                // "après le vote du Sénat": the place completing an event
                // word that another date counts from is that word's.
                let completes_reference_point = !after_locative(doc, pi)
                    && commemorated(doc, pi - 2)
                    && triggers[triggers.partition_point(|&(_, ts, _)| ts < s)..]
                        .iter()
                        .take_while(|&&(_, ts, _)| ts == s)
                        .all(|&(tp, _, _)| tp != pi - 2);
                // "dans le sud-est de la Turquie et en Syrie voisine": a
                // place joined to one that agrees, or to another of the
                // event's own places, is one of several it spans.
                let spans_several = |event: usize| {
                    coordinated_names(doc, pi, piece_at(m.span.end))
                        .into_iter()
                        .any(|n| {
                            let other = entity_of(&doc.names[n]);
                            rules.entities[other].kind == EntityKind::Place
                                && (index.identifying[event].contains(&other)
                                    || index.references[event]
                                        .place
                                        .is_some_and(|p| index.places_agree(other, p)))
                        })
                };
                // "le projet de déviation de Bramonsac": an entity of the
                // event (not its place) completing its word names the
                // event, it does not say where it happened.
                let names_the_event = |event: usize| {
                    !after_locative(doc, pi)
                        && index.identifying[event].contains(&entity)
                        && index.references[event].place != Some(entity)
                };
                // "la rénovation du collège des Tilleuls, à Sorgeval": a
                // place in apposition to another that lies in it locates
                // that one ("la centrale de Tchernobyl, en Biélorussie"
                // still says where the event was, wrongly).
                // "près d'Engels, dans la région de Saratov": the same
                // through the locative phrase.
                let phrase_start = (pi.saturating_sub(5)..pi).rev().find(|&k| {
                    matches!(doc.folded.get(k), "a" | "au" | "aux" | "en" | "dans")
                        && (k + 1..pi).all(|j| {
                            let w = doc.folded.get(j);
                            is_article(w) || is_place_noun(w) || matches!(w, "de" | "d" | "du")
                        })
                });
                let apposition = pi >= 2
                    && after_locative(doc, pi)
                    && phrase_start.is_some_and(|k| {
                        k >= 1 && doc.text[doc.pieces[k - 1].end..doc.pieces[k].start].trim() == ","
                    })
                    && {
                        let k = phrase_start.unwrap_or(pi - 1);
                        let end = doc.pieces[k - 1].end;
                        let at = doc.names.partition_point(|n| n.span.end < end);
                        doc.names.get(at).is_some_and(|n| {
                            let before = entity_of(n);
                            n.span.end == end
                                && rules.entities[before].kind == EntityKind::Place
                                && before != entity
                                && index.places_agree(before, entity)
                        })
                    };
                // "après la signature au Quai d'Orsay": joined to the word of
                // the event another date counts from, the place is its own.
                let from = triggers.partition_point(|&(_, ts, _)| ts < s);
                if let Some(t) = (from..triggers.len())
                    .take_while(|&t| triggers[t].1 == s)
                    .find(|&t| {
                        reference_point[t]
                            && place_joined_to_event_word(doc, triggers[t].0, pi)
                            // "l'anniversaire de la catastrophe de Gênes"
                            // names the event, it does not place it.
                            && (after_locative(doc, pi)
                                || !index.identifying[mentions[t].event].contains(&entity))
                    })
                {
                    mentions[t].place.get_or_insert(stated);
                } else if let Some(t) = nearest(s, pi).filter(|&t| {
                    let event = mentions[t].event;
                    !completes_reference_point
                        && !apposition
                        && !spans_several(event)
                        && !names_the_event(event)
                        && !in_relative_clause_of_another(doc, pi, triggers[t].0)
                }) {
                    // A frame the sentence opens with gives way to the place
                    // the event's own clause names.
                    if mentions[t].place.is_none() || framed_place[t] {
                        let frame = frames_the_sentence(
                            doc,
                            pi,
                            piece_at(m.span.end) - 1,
                            doc.sentences[s].start,
                        );
                        if mentions[t].place.is_none() || !frame {
                            mentions[t].place = Some(stated);
                            framed_place[t] = frame;
                        }
                    }
                }
            }
            EntityKind::Person
                if coordinated.is_some()
                    || in_participant_frame(doc, pi, s, index)
                    || subject_of_event_verb(doc, pi, piece_at(m.span.end), s, index) =>
            {
                if let Some((_, t)) = coordinated {
                    mentions[t].participants.push(stated);
                    last_party = Some((m.span.end, t));
                } else if let Some(t) =
                    nearest(s, pi).filter(|&t| match other_participle_of_agent(doc, pi, index) {
                        None => true,
                        // After the event word, unless that verb has a clause
                        // of its own after it.
                        Some((k, compound)) => {
                            triggers[t].0 < pi
                                && !(compound
                                    && k > triggers[t].0
                                    && in_prepositional_phrase(doc, triggers[t].0))
                        }
                    })
                {
                    mentions[t].participants.push(stated);
                    last_party = Some((m.span.end, t));
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
        if (in_participant_frame(doc, pi, s, index)
            || subject_of_event_verb(doc, pi, piece_at(p.span.end), s, index))
            && let Some(t) =
                nearest(s, pi).filter(|&t| match other_participle_of_agent(doc, pi, index) {
                    None => true,
                    // After the event word, unless that verb has a clause
                    // of its own after it.
                    Some((k, compound)) => {
                        triggers[t].0 < pi
                            && !(compound
                                && k > triggers[t].0
                                && in_prepositional_phrase(doc, triggers[t].0))
                    }
                })
        {
            mentions[t].people.push(p.clone());
        }
    }
    figures::attach(
        doc,
        index,
        rules,
        &figures::Linked {
            triggers: &triggers,
            reference_point: &reference_point,
            nearest: &nearest,
            phrase_end: &|t| name_end[t].map_or(triggers[t].0, |e| e.max(triggers[t].0)),
        },
        &mut mentions,
    );
    // Whether each mention's sentence gives its event's declared name.
    let named_here: Vec<bool> = triggers
        .iter()
        .map(|&(_, s, e)| {
            let from = named.partition_point(|n| n.0 < s);
            named[from..]
                .iter()
                .take_while(|n| n.0 == s)
                .any(|n| n.1 == e)
        })
        .collect();
    relink::relink_by_day_and_place(doc, index, &mut triggers, &mut mentions, &named_here);
    // Named in its sentence, or identified by its word's complement ("le
    // traité de l'Élysée"), a mention stays with that event whatever it
    // states.
    let fixed: Vec<bool> = triggers
        .iter()
        .zip(&named_here)
        .map(|(&(pi, _, e), &named)| {
            named
                || complement_entity(doc, pi, &entity_of)
                    .is_some_and(|c| index.identifying[e].contains(&c))
        })
        .collect();
    let undecided = relink::relink_by_agreement(
        doc,
        rules,
        index,
        &mut triggers,
        &mut mentions,
        &rivals,
        &fixed,
    );
    if undecided.contains(&true) {
        fn keep<T>(v: &mut Vec<T>, undecided: &[bool]) {
            let mut k = undecided.iter();
            v.retain(|_| !k.next().is_some_and(|&u| u));
        }
        keep(&mut triggers, &undecided);
        keep(&mut mentions, &undecided);
        keep(&mut remote, &undecided);
        keep(&mut reference_point, &undecided);
    }
    evidence::gather(
        doc,
        rules,
        index,
        &entity_of,
        &evidence::Linked {
            triggers: &triggers,
            remote: &remote,
            in_sentence: &in_sentence,
            named: &named,
        },
        &mut mentions,
    );
    let mut identities: Vec<identity::Identity> = mentions
        .iter()
        .map(|m| identity::judge(m, doc.publication, &index.references[m.event], rules, index))
        .collect();
    let events: Vec<usize> = mentions.iter().map(|m| m.event).collect();
    identity::share_across_article(&mut identities, &events);
    for (m, i) in mentions.iter_mut().zip(identities) {
        m.identity = i;
    }
    facts.anniversaries = anniversaries::read_linked(
        doc,
        rules,
        gazetteer,
        index,
        &anniversaries::Linked {
            triggers: &triggers,
            remote: &remote,
            reference_point: &reference_point,
            names_found: &names_found,
            in_sentence: &in_sentence,
        },
        &mentions,
    );
    facts.events = mentions;
    facts
}

//! Which event mentions of the corpus are the event they were linked to:
//! each is judged (see [`crate::extract::events::identity`]) against the
//! event's reference facts and, for what the rules leave out, against what
//! most mentions of the corpus say. Computed once per run for the four
//! contradiction checks.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::Facts;
use crate::extract::dates::DateSpan;
use crate::extract::events::identity::{self, Identity, Reference};
use crate::extract::events::{EventIndex, EventMention};
use crate::extract::numbers::Bound;
use crate::rules::RuleSet;

/// The identity of each mention of each document, in the documents' order.
pub fn judge(facts: &[&Facts], rules: &RuleSet, index: &EventIndex) -> Vec<Vec<Identity>> {
    let references: Vec<Reference> = (0..rules.events.len())
        .map(|e| effective(e, facts, rules, index))
        .collect();
    facts
        .iter()
        .map(|doc| {
            let mut identities: Vec<Identity> = doc
                .events
                .iter()
                .map(|m| identity::judge(m, doc.publication, &references[m.event], rules, index))
                .collect();
            let events: Vec<usize> = doc.events.iter().map(|m| m.event).collect();
            identity::share_across_article(&mut identities, &events);
            identities
        })
        .collect()
}

/// The declared reference of `event`, completed with the corpus's
/// consensus where the rules say nothing: the date, place or figure that
/// at least two statements support more than any other, and the parties
/// at least two articles name.
fn effective(event: usize, facts: &[&Facts], rules: &RuleSet, index: &EventIndex) -> Reference {
    let mut reference = index.references[event].clone();
    let mentions: Vec<(&str, &EventMention)> = facts
        .iter()
        .flat_map(|doc| doc.events.iter().map(move |m| (doc.file.as_str(), m)))
        .filter(|(_, m)| m.event == event)
        .collect();
    if mentions.is_empty() {
        return reference;
    }
    if reference.date.is_none() {
        let dates: Vec<DateSpan> = mentions
            .iter()
            .filter_map(|(_, m)| m.date.as_ref().map(|d| d.value))
            .collect();
        reference.date = leader(&dates, |a, b| a.overlaps(b));
    }
    if reference.place.is_none() {
        let places: Vec<usize> = mentions
            .iter()
            .filter_map(|(_, m)| m.place.as_ref().map(|p| p.entity))
            .collect();
        reference.place = leader(&places, |&a, &b| index.places_agree(a, b));
    }
    if reference.parties.is_empty() {
        let mut files_of: FxHashMap<usize, FxHashSet<&str>> = FxHashMap::default();
        for (file, m) in &mentions {
            for p in &m.participants {
                files_of.entry(p.entity).or_default().insert(file);
            }
        }
        reference.parties = files_of
            .into_iter()
            .filter(|(_, files)| files.len() >= 2)
            .map(|(e, _)| e)
            .collect();
        reference.parties.sort_unstable();
    }
    let figures = rules.events[event].figures.len();
    reference.figures.resize(figures, None);
    for (k, known) in reference.figures.iter_mut().enumerate() {
        if known.is_none() {
            let stated: Vec<(f64, Bound)> = mentions
                .iter()
                .flat_map(|(_, m)| m.figures.iter())
                .filter(|f| f.figure == k)
                .map(|f| (f.value, f.bound))
                .collect();
            *known = leader(&stated, |&a, &b| Bound::agree(a, b)).map(|(v, _)| v);
        }
    }
    reference
}

/// The value most of `values` agree with, when at least two do and no
/// other value has as many (a tie says nothing). Values are grouped first:
/// an event has few distinct dates, places or figures however many
/// articles state them, so this is linear in the statements.
fn leader<V: Clone + PartialEq>(values: &[V], agree: impl Fn(&V, &V) -> bool) -> Option<V> {
    let mut distinct: Vec<(&V, usize)> = Vec::new();
    for v in values {
        match distinct.iter_mut().find(|(w, _)| *w == v) {
            Some(entry) => entry.1 += 1,
            None => distinct.push((v, 1)),
        }
    }
    let support = |v: &V| -> usize {
        distinct
            .iter()
            .filter(|(w, _)| agree(v, w))
            .map(|(_, n)| n)
            .sum()
    };
    let mut best: Option<(usize, &V)> = None;
    let mut tied = false;
    for &(v, _) in &distinct {
        let n = support(v);
        match best {
            Some((m, b)) if n == m && !agree(b, v) => tied = true,
            Some((m, _)) if n <= m => {}
            _ => {
                best = Some((n, v));
                tied = false;
            }
        }
    }
    match best {
        Some((n, v)) if n >= 2 && !tied => Some(v.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leader_needs_two_and_no_tie() {
        let eq = |a: &i32, b: &i32| a == b;
        assert_eq!(leader(&[45, 45, 54], eq), Some(45));
        assert_eq!(leader(&[45, 54], eq), None);
        assert_eq!(leader(&[45, 45, 54, 54], eq), None);
        assert_eq!(leader::<i32>(&[], eq), None);
    }
}

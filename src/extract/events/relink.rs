//! Identity before contradiction, across the events a word could name: a
//! mention linked by the entities around it goes to another event of its
//! word when what it states is that other event's ("le texte était adopté
//! … par les sénateurs, le 30 septembre, par 161 voix contre 126" is the
//! Senate's vote, wherever it is said to have been held), and a word the
//! entities leave undecided between events is the one its facts agree
//! with, or none.

use rustc_hash::FxHashMap;

use super::identity::{self, Agreement};
use super::{Document, EventIndex, EventMention};
use crate::extract::dates::Granularity;
use crate::rules::RuleSet;

/// The other events a trigger's word could name: those its entities tied
/// with (`tied`), or all the others.
#[derive(Clone, Debug, Default)]
pub(super) struct Rivals {
    pub tied: bool,
    /// Of a tie, the event the article is about, if one clearly is.
    pub topic: Option<usize>,
    pub events: Vec<usize>,
}

/// How much evidence of `event` what `m` states carries, and against:
/// (the weight of its agreements, the weight of its far disagreements),
/// as [`identity::judge`] weighs them. Figures are read as the event's
/// figure of the same unit and role.
fn agreement(
    m: &EventMention,
    event: usize,
    doc: &Document,
    rules: &RuleSet,
    index: &EventIndex,
) -> (usize, usize) {
    let mut probe = m.clone();
    retarget(&mut probe, event, rules, doc);
    let judged = identity::judge(
        &probe,
        doc.publication,
        &index.references[event],
        rules,
        index,
    );
    let agrees = judged
        .fits
        .iter()
        .filter(|f| f.agreement == Agreement::Agrees)
        .map(|f| usize::from(f.weight))
        .sum();
    let against = judged.fits.iter().map(identity::far_weight).sum();
    (agrees, against)
}

/// Whether all that `m` states far from `event` is a party.
fn only_parties_differ(
    m: &EventMention,
    event: usize,
    doc: &Document,
    rules: &RuleSet,
    index: &EventIndex,
) -> bool {
    let mut probe = m.clone();
    retarget(&mut probe, event, rules, doc);
    identity::judge(
        &probe,
        doc.publication,
        &index.references[event],
        rules,
        index,
    )
    .fits
    .iter()
    .all(|f| f.agreement != Agreement::Far || f.attribute == identity::Attribute::Participant)
}

/// Relinks each mention to the rival its statements agree with clearly
/// more (by two, and with no more against it), unless its sentence names
/// its event or its word's complement does (`fixed`). A mention whose
/// word tied between events goes to the one its facts agree with most, if
/// one does. Returns, per mention, whether it is left undecided and must
/// be dropped.
pub(super) fn relink_by_agreement(
    doc: &Document,
    rules: &RuleSet,
    index: &EventIndex,
    triggers: &mut [(usize, usize, usize)],
    mentions: &mut [EventMention],
    rivals: &FxHashMap<usize, Rivals>,
    fixed: &[bool],
) -> Vec<bool> {
    let mut undecided = vec![false; mentions.len()];
    for t in 0..mentions.len() {
        let (pi, s, event) = triggers[t];
        let Some(rival) = rivals.get(&pi).filter(|r| !r.events.is_empty()) else {
            continue;
        };
        // A tie had the complement or name for every event it tied.
        if fixed[t] && !rival.tied {
            continue;
        }
        // Stating nothing, it agrees with no event: a tie stays undecided,
        // a link stays (no rival is judged, which is most of the work).
        let m = &mentions[t];
        let states = m.date.is_some()
            || m.place.is_some()
            || !m.participants.is_empty()
            || !m.figures.is_empty();
        if !states {
            undecided[t] = rival.tied;
            continue;
        }
        // Events another mention of the sentence already is.
        let first = triggers.partition_point(|&(_, ts, _)| ts < s);
        let taken = |e: usize| {
            triggers[first..]
                .iter()
                .enumerate()
                .take_while(|(_, tr)| tr.1 == s)
                .any(|(j, tr)| first + j != t && tr.2 == e)
        };
        let (agrees, against) = agreement(m, event, doc, rules, index);
        let scored: Vec<(usize, usize, usize)> = rival
            .events
            .iter()
            .filter(|&&e| !taken(e))
            .map(|&e| {
                let (a, f) = agreement(m, e, doc, rules, index);
                (e, a, f)
            })
            .collect();
        let net = |a: usize, f: usize| a as isize - f as isize;
        let choice = if rival.tied {
            let best = scored
                .iter()
                .map(|&(_, a, f)| net(a, f))
                .chain([net(agrees, against)])
                .max()
                .unwrap_or(0);
            let mut at_best = scored
                .iter()
                .copied()
                .chain([(event, agrees, against)])
                .filter(|&(_, a, f)| net(a, f) == best && a >= 2);
            match (at_best.next(), at_best.next()) {
                (Some((e, _, _)), None) => Some(e),
                _ => {
                    // "Le vol inaugural, piloté par Jacques Rosay et Bernard
                    // Ziegler", in an article on the A380: the article's
                    // event, when nothing but a party points away from it
                    // (a misnamed party is a newsroom's slip).
                    let topic = rival.topic.filter(|&e| {
                        let (a, f) = if e == event {
                            (agrees, against)
                        } else {
                            scored
                                .iter()
                                .find(|&&(x, _, _)| x == e)
                                .map_or((0, usize::MAX), |&(_, a, f)| (a, f))
                        };
                        f != usize::MAX
                            && net(a, f) == best
                            && only_parties_differ(m, e, doc, rules, index)
                    });
                    undecided[t] = topic.is_none();
                    topic
                }
            }
        } else {
            let mut better = scored
                .iter()
                .copied()
                .filter(|&(_, a, f)| a >= agrees + 2 && f <= against);
            match (better.next(), better.next()) {
                (Some((e, _, _)), None) => Some(e),
                _ => None,
            }
        };
        if let Some(e) = choice {
            mentions[t].relinked = true;
            if e != event {
                retarget(&mut mentions[t], e, rules, doc);
                triggers[t].2 = e;
            }
        }
    }
    undecided
}

/// Points `m` at `event`, its figures read as that event's figures of
/// the same unit and role (those it has none of are dropped).
fn retarget(m: &mut EventMention, event: usize, rules: &RuleSet, doc: &Document) {
    let from = &rules.events[m.event].figures;
    let to = &rules.events[event].figures;
    m.figures.retain_mut(|f| {
        let was = &from[f.figure];
        let same = to
            .iter()
            .enumerate()
            .filter(|(_, g)| g.unit == was.unit && g.role == was.role);
        let found = super::figures::latest_at(same, doc.publication);
        if let Some(i) = found {
            f.figure = i;
        }
        found.is_some()
    });
    // "le 30 septembre" in a piece of 2021 is the Senate's 30 September
    // 1981 once the mention is the Senate's vote.
    if let Some(date) = m.date.as_mut().filter(|d| d.yearless)
        && let Some(reference) = rules.events[event].date
    {
        date.value = super::attachment::on_the_reference_day(date.value, reference);
    }
    m.event = event;
}

/// Identity before contradiction: a mention whose day and place are those
/// of another event its word names, and not of the one its entities
/// linked it to, is that other event ("Le 7 octobre 2020, la visite
/// effectuée à Tende par le Premier ministre": the president's visit that
/// day, the wrong visitor). `triggers` are (piece, sentence, event) in
/// text order, one per mention; `named_here` says, per mention, whether
/// its sentence gives its event's declared name.
pub(super) fn relink_by_day_and_place(
    doc: &super::Document,
    index: &EventIndex,
    triggers: &mut [(usize, usize, usize)],
    mentions: &mut [EventMention],
    named_here: &[bool],
) {
    let mut events = Vec::new();
    for t in 0..mentions.len() {
        let m = &mentions[t];
        let (pi, s, event) = triggers[t];
        let Some(date) = m
            .date
            .as_ref()
            .filter(|d| d.value.granularity == Granularity::Day)
        else {
            continue;
        };
        let agrees_on_day = |e: usize| {
            index.references[e]
                .date
                .is_some_and(|known| date.value.overlaps(&known))
        };
        let place_fits = |e: usize| match (&m.place, index.references[e].place) {
            (Some(stated), Some(known)) => index.places_agree(stated.entity, known),
            (Some(_), None) => false,
            (None, _) => true,
        };
        // Named in its sentence, it is that event whatever it states.
        if agrees_on_day(event) || !m.figures.is_empty() || m.place.is_none() || named_here[t] {
            continue;
        }
        index.triggered_by(doc.folded.get(pi), &mut events);
        let others: Vec<usize> = events
            .iter()
            .copied()
            .filter(|&e| e != event && agrees_on_day(e) && place_fits(e))
            .collect();
        let from = triggers.partition_point(|&(_, ts, _)| ts < s);
        if let [other] = others[..]
            && !triggers[from..]
                .iter()
                .take_while(|&&(_, ts, _)| ts == s)
                .any(|&(_, _, te)| te == other)
        {
            mentions[t].event = other;
            mentions[t].relinked = true;
            triggers[t].2 = other;
        }
    }
}

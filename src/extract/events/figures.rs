//! The figures a sentence gives an event ("adopté par 38 voix contre 4",
//! "39 morts"), read in the sentences that speak of one and in the
//! sentence that goes on about it; of two figures compared or changed,
//! the one the event's side holds.

use super::attachment::is_article;
use super::{Document, EventIndex, EventMention, StatedFigure};
use crate::extract::pieces::is_lowercase;
use crate::extract::sentences::sentence_of;
use crate::rules::RuleSet;

/// The event words linked in a document, as figures are attached to them.
pub(super) struct Linked<'a> {
    /// `(piece, sentence, event)` per mention, in text order.
    pub triggers: &'a [(usize, usize, usize)],
    /// Per trigger: whether another date counts from it.
    pub reference_point: &'a [bool],
    /// `nearest(sentence, piece)`: the trigger a fact at `piece` goes to.
    pub nearest: &'a dyn Fn(usize, usize) -> Option<usize>,
    /// Per trigger: the last piece of its word or of its declared name.
    pub phrase_end: &'a dyn Fn(usize) -> usize,
}

/// Attaches to `mentions` (one per trigger of `linked`) the figures of
/// their sentences.
pub(super) fn attach(
    doc: &Document,
    index: &EventIndex,
    rules: &RuleSet,
    linked: &Linked,
    mentions: &mut [EventMention],
) {
    let Linked {
        triggers,
        reference_point,
        nearest,
        phrase_end,
    } = *linked;
    let piece_at = |at: usize| doc.pieces.partition_point(|p| p.end <= at);
    // A sentence without an event word right after one that speaks of a
    // single event, in the same paragraph, goes on about it ("Le plan a
    // été adopté jeudi. Le texte a recueilli 31 voix pour…"): its figures
    // are that event's. (sentence, mention it continues)
    let mut continued: Vec<(usize, usize)> = Vec::new();
    if index.has_figures() {
        for (t, &(_, s, event)) in triggers.iter().enumerate() {
            let last_of_sentence = triggers.get(t + 1).is_none_or(|&(_, next, _)| next != s);
            // The sentence's triggers end at `t` when it is the last.
            let single = || {
                triggers[triggers.partition_point(|&(_, ts, _)| ts < s)..=t]
                    .iter()
                    .all(|&(_, _, e)| e == event)
            };
            let next_free = triggers.get(t + 1).is_none_or(|&(_, next, _)| next > s + 1);
            if last_of_sentence
                && next_free
                && single()
                && !reference_point[t]
                && s + 1 < doc.sentences.len()
            {
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
                // "Le vote de principe, le 18 novembre, avait réuni 30 voix":
                // a word of the kind that names another occurrence.
                let mut events = Vec::new();
                let own_event_word = first.is_some_and(|k| {
                    (k..doc.pieces.len())
                        .take_while(|&j| doc.pieces[j].end <= doc.sentences[s + 1].end)
                        .any(|j| {
                            index.triggered_by(doc.folded.get(j), &mut events);
                            !events.is_empty() && super::attachment::another_occurrence(doc, j)
                        })
                });
                if anaphoric && !own_event_word && !gap.contains("\n\n") && !gap.contains("\n\r\n")
                {
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
                    crate::extract::numbers::extract(
                        doc.text,
                        range.start,
                        &doc.text[range.clone()],
                        doc.lines,
                    )
                    .into_iter()
                    .filter(|n| {
                        !crate::extract::overlaps_region(doc.excluded, n.span.start, n.span.end)
                    }),
                );
                last = Some(s);
            }
        }
    }
    for (i, n) in numbers.iter().enumerate() {
        let Some(s) = sentence_of(doc.sentences, n.span.start) else {
            continue;
        };
        let after = piece_at(n.span.end);
        if another_quantity(doc, piece_at(n.span.start), after) {
            continue;
        }
        let mut next_words = [after, after + 1].map(|k| doc.word(k));
        // "adoptée par 38 voix contre 4": the first counts the votes for,
        // the one after "contre" the votes against.
        let numeral = |k: usize| {
            k < doc.pieces.len() && doc.folded.get(k).starts_with(|c: char| c.is_ascii_digit())
        };
        let first = piece_at(n.span.start);
        // The unit is the word after the number ("38 voix contre 4").
        // "38 voix pour, 9 contre, 3 abstentions": punctuation after
        // "contre" ends the tally's count, the next number is another.
        let duel = (after..after + 2)
            .find(|&k| k < doc.pieces.len() && doc.folded.get(k) == "contre")
            .is_some_and(|k| {
                numeral(k + 1)
                    && doc.text[doc.pieces[k].end..doc.pieces[k + 1].start]
                        .trim()
                        .is_empty()
            });
        // "avait adopté le projet par 29 voix": a tally alone after "par"
        // counts the votes for.
        let alone = first >= 1
            && doc.folded.get(first - 1) == "par"
            && n.unit.as_deref() == Some("voix")
            && !next_words
                .iter()
                .any(|w| matches!(*w, "contre" | "pour" | "d" | "de"));
        if duel || alone {
            next_words = ["pour", "pour"];
        } else if first >= 2
            && doc.folded.get(first - 1) == "contre"
            && doc.folded.get(first - 2) == "voix"
        {
            next_words = ["contre", "contre"];
        }
        let continuing = || {
            continued
                .binary_search_by_key(&s, |&(cs, _)| cs)
                .ok()
                .map(|i| continued[i].1)
        };
        // "14,1 millions, contre 12,4 millions lors du vote": of two
        // figures compared, the one on the event word's side is its own,
        // and the second takes the unit of the first; "passé de 12,4 à
        // 14,1 millions": the former value is no one's now.
        let pair = figure_pair(doc, first, after);
        let mut inherited = None;
        if let FigurePair::ComparedWith(_) = pair
            && n.unit.is_none()
            && let Some(before) = numbers[..i]
                .last()
                .filter(|m| sentence_of(doc.sentences, m.span.start) == Some(s))
        {
            inherited = Some(crate::extract::numbers::NumberMention {
                unit: before.unit.clone(),
                ..n.clone()
            });
        }
        // "par 560 voix contre 171 permet désormais…": the count against
        // is in the count for's unit, whatever word follows it.
        if next_words == ["contre", "contre"] && n.unit.as_deref() != Some("voix") {
            inherited = Some(crate::extract::numbers::NumberMention {
                unit: Some("voix".into()),
                ..n.clone()
            });
        }
        let n = inherited.as_ref().unwrap_or(n);
        // "120 logements, dont 36 logements sociaux": a part of the count
        // before, in its unit, not the count.
        if first >= 1
            && doc.folded.get(first - 1) == "dont"
            && n.unit.is_some()
            && numbers[..i].last().is_some_and(|m| {
                sentence_of(doc.sentences, m.span.start) == Some(s) && m.unit == n.unit
            })
        {
            continue;
        }
        let rate = rate_named(doc, first, after);
        // "Le conseil … a adopté jeudi soir le projet …, un programme de
        // 120 logements …, par 23 voix pour": a tally at the end of a long
        // sentence that speaks of one event is that event's.
        let tally = || {
            let from = triggers.partition_point(|&(_, ts, _)| ts < s);
            let to = triggers.partition_point(|&(_, ts, _)| ts <= s);
            let first = &triggers[from..to];
            (n.unit.as_deref() == Some("voix")
                && !first.is_empty()
                && first.iter().all(|&(_, _, e)| e == first[0].2)
                && !reference_point[from..to].iter().any(|&p| p))
            .then_some(from)
        };
        if let Some(t) = nearest(s, piece_at(n.span.start))
            .or_else(continuing)
            .or_else(tally)
            .filter(|&t| !governed_by_another_participle(doc, index, first, phrase_end(t)))
        {
            let event = mentions[t].event;
            let other_side = match pair {
                FigurePair::ComparedTo(second) => triggers[t].0 > second,
                FigurePair::ComparedWith(contre) => triggers[t].0 < contre,
                FigurePair::Former => true,
                FigurePair::Alone => false,
            };
            // "18 000 tonnes, contre 25 000 tonnes dans le dossier voté en
            // février": a figure set against another holds at the date the
            // mention states, not at the publication's.
            // "le projet, alors fort de 120 logements": a figure of the
            // time the mention speaks of, not of the publication's.
            // "Le projet adopté le 11 juin prévoyait 60 berceaux", "La
            // délibération du 11 juin portait sur 60 berceaux": a verb in
            // the imperfect tells what held at the date the mention gives.
            let then = (first.saturating_sub(3)..first).any(|k| {
                matches!(doc.folded.get(k), "alors" | "initialement")
                    || (doc.folded.get(k) == "epoque" && k > 0 && doc.folded.get(k - 1) == "l")
            }) || (mentions[t].date.is_some()
                && (first.saturating_sub(2)..first).any(|k| super::attachment::imperfect(doc, k)));
            let at = match (pair, &mentions[t].date) {
                _ if then => mentions[t].date.as_ref().map(|d| d.value.last),
                (FigurePair::Alone, _) | (_, None) => doc.publication,
                (_, Some(d)) => Some(d.value.last),
            };
            if !other_side
                && let Some(figure) = figure_counted(&rules.events[event], n, next_words, at, rate)
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
}

/// The figure of `event` a stated number counts: by its unit and role
/// (see [`crate::rules::Figure::counts`]); of figures that hold from a
/// date (`as_of`), the latest that held at `at` (when the article was
/// published, or the date a compared figure is given for) — none before
/// the first.
fn figure_counted(
    event: &crate::rules::Event,
    n: &crate::extract::numbers::NumberMention,
    next_words: [&str; 2],
    at: Option<chrono::NaiveDate>,
    rate: Option<&str>,
) -> Option<usize> {
    let counted = event
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.counts(n.unit.as_deref(), next_words))
        // "une participation record de 81 %" is not the yes vote's share.
        .filter(|(_, f)| rate.is_none_or(|r| f.id.contains(r) || f.role.as_deref() == Some(r)));
    latest_at(counted, at)
}

/// Of `candidates` (index, figure), the one that held at `at`: a figure
/// without `as_of`, or the latest estimate dated no later — none before
/// the first, and none of the dated ones without a date to choose by.
pub(super) fn latest_at<'a>(
    candidates: impl Iterator<Item = (usize, &'a crate::rules::Figure)>,
    at: Option<chrono::NaiveDate>,
) -> Option<usize> {
    let mut best: Option<(usize, Option<chrono::NaiveDate>)> = None;
    for (i, f) in candidates {
        match (f.as_of, at) {
            // Not yet known at that date.
            (Some(from), Some(p)) if from > p => continue,
            // Dated estimates need a date to choose among.
            (Some(_), None) => continue,
            _ => {}
        }
        if best.is_none_or(|(_, b)| f.as_of > b) {
            best = Some((i, f.as_of));
        }
    }
    best.map(|(i, _)| i)
}

/// Whether the figure at piece `first` is the agent of a participle of
/// the kind that qualifies another noun than the event word's phrase
/// (ending at piece `own_end`): in "une délibération … sera présentée,
/// sans remettre en cause le principe de la crèche, adoptée par 22 voix
/// contre 5", the votes are the crèche's, not the deliberation's.
fn governed_by_another_participle(
    doc: &Document,
    index: &EventIndex,
    first: usize,
    own_end: usize,
) -> bool {
    // "adoptée par 22 voix contre 5": the count against too.
    let mut by = first;
    while by > 0
        && first - by < 4
        && (matches!(doc.folded.get(by - 1), "contre" | "voix" | "pour")
            || doc
                .folded
                .get(by - 1)
                .starts_with(|c: char| c.is_ascii_digit()))
    {
        by -= 1;
    }
    if by < 2 || !matches!(doc.folded.get(by - 1), "par" | "a") {
        return false;
    }
    let verb = by - 2;
    let written = &doc.text[doc.pieces[verb].start..doc.pieces[verb].end];
    let mut events = Vec::new();
    index.triggered_by(doc.folded.get(verb), &mut events);
    verb > own_end + 3
        && !events.is_empty()
        && is_lowercase(written)
        && super::attachment::is_participle(doc.folded.get(verb))
        && doc.text[doc.pieces[verb - 1].end..doc.pieces[verb].start].contains(',')
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
                | "precedent"
                | "ancien"
                | "initial"
                | "premier"
                | "premiere"
                | "estimation"
                | "risque"
        )
    });
    // "Le précédent bilan officiel du séisme, publié au printemps
    // dernier, faisait état de 50 783 morts": a superseded count.
    let superseded = before(16).any(|w| w == "bilan")
        && before(16).any(|w| matches!(w, "precedent" | "ancien" | "initial"));
    // "les 109 passagers et membres d'équipage": one count of two kinds
    // together (no determiner nor number before the second), not of the
    // unit alone.
    let union = to + 2 < doc.pieces.len() && matches!(doc.folded.get(to + 1), "et" | "ou") && {
        let w = doc.folded.get(to + 2);
        is_lowercase(&doc.text[doc.pieces[to + 2].start..doc.pieces[to + 2].end])
            && w.len() > 2
            && !is_article(w)
            && !matches!(
                w,
                "des" | "un" | "une" | "leur" | "leurs" | "son" | "sa" | "ses" | "autant"
            )
            && !w.starts_with(|c: char| c.is_ascii_digit())
            // "32 morts et quelque 2 500 blessés": a count of its own.
            && !(to + 2..(to + 5).min(doc.pieces.len())).any(|k| {
                let w = doc.folded.get(k);
                w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(w, "quelque" | "environ" | "pres" | "plus" | "moins" | "au")
            })
    };
    // "Francesco Schettino, 54 ans,", "âgé de 33 ans": an age.
    let age = to < doc.pieces.len()
        && matches!(doc.folded.get(to), "ans" | "an")
        && from >= 2
        && ((doc.text[doc.pieces[from - 1].end..doc.pieces[from].start].contains(',')
            && doc.text[doc.pieces[from - 1].start..].starts_with(char::is_uppercase))
            || (doc.folded.get(from - 1) == "de"
                && matches!(doc.folded.get(from - 2), "age" | "agee" | "ages" | "agees")));
    // "a amélioré de près de quatre jours le record", "le record … va
    // tomber de près de quatre jours": by how much a record falls, not
    // the event's own figure.
    let verb_of_change = || {
        let mut j = from.checked_sub(2)?;
        if !matches!(doc.folded.get(j + 1), "de" | "d") {
            return None;
        }
        if matches!(doc.folded.get(j), "pres" | "plus" | "moins") {
            j = j.checked_sub(2)?;
            if !matches!(doc.folded.get(j + 1), "de" | "d") {
                return None;
            }
        }
        let w = doc.folded.get(j);
        let written = &doc.text[doc.pieces[j].start..doc.pieces[j].end];
        (is_lowercase(written)
            && (super::attachment::is_participle(w) || w.ends_with("er") || w.ends_with("ait")))
        .then_some(())
    };
    let record_margin = verb_of_change().is_some()
        && (from.saturating_sub(20)..(to + 6).min(doc.pieces.len()))
            .any(|j| matches!(doc.folded.get(j), "record" | "records"));
    threshold_before || others || needed || hedged || superseded || union || age || record_margin
}

/// The rate a figure over pieces `first..after` is said to be, when the
/// sentence names one that is seldom the event's own count: "une
/// participation record de 81 %", "81 % d'abstention".
fn rate_named<'a>(doc: &Document<'a>, first: usize, after: usize) -> Option<&'static str> {
    const RATES: &[&str] = &["participation", "abstention"];
    let rate = |k: usize| RATES.iter().copied().find(|&r| doc.folded.get(k) == r);
    let joined = |k: usize| {
        !doc.text[doc.pieces[k].end..doc.pieces[k + 1].start].contains([',', ';', ':', '.'])
    };
    let before = (first.saturating_sub(4)..first)
        .rev()
        .take_while(|&k| joined(k))
        .find_map(rate);
    let after = (after..(after + 2).min(doc.pieces.len()))
        .take_while(|&k| k == after || matches!(doc.folded.get(k - 1), "de" | "d"))
        .find_map(rate);
    before.or(after)
}

/// How a figure over pieces `first..after` stands to a figure beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FigurePair {
    /// Alone, or as one count of a tally ("38 voix contre 4").
    Alone,
    /// The first of a comparison ("14,1 millions, contre 12,4 millions
    /// lors du vote"), whose second starts at this piece.
    ComparedTo(usize),
    /// The second of a comparison, whose "contre" is at this piece.
    ComparedWith(usize),
    /// The former value of a change ("est passé de 12,4 à 14,1 millions").
    Former,
}

/// Reads the figure over pieces `first..after` as part of a pair.
fn figure_pair(doc: &Document, first: usize, after: usize) -> FigurePair {
    let numeral = |k: usize| {
        k < doc.pieces.len() && doc.folded.get(k).starts_with(|c: char| c.is_ascii_digit())
    };
    let comma_before =
        |k: usize| doc.text[doc.pieces[k - 1].end..doc.pieces[k].start].contains(',');
    // ", contre": a comparison; "38 voix contre 4" without a comma is a tally.
    if let Some(k) = (after..(after + 5).min(doc.pieces.len()))
        .find(|&k| doc.folded.get(k) == "contre")
        .filter(|&k| comma_before(k) && numeral(k + 1))
    {
        return FigurePair::ComparedTo(k + 1);
    }
    if first >= 1 && doc.folded.get(first - 1) == "contre" && comma_before(first - 1) {
        return FigurePair::ComparedWith(first - 1);
    }
    let change_verb = |w: &str| {
        [
            "pass", "grimp", "augment", "bondi", "chut", "tomb", "mont", "recul", "baiss",
            "progress",
        ]
        .iter()
        .any(|v| w.starts_with(v))
    };
    if first >= 2
        && doc.folded.get(first - 1) == "de"
        && (first.saturating_sub(4)..first - 1).any(|k| change_verb(doc.folded.get(k)))
        && (after..(after + 3).min(doc.pieces.len()))
            .any(|k| doc.folded.get(k) == "a" && numeral(k + 1))
    {
        return FigurePair::Former;
    }
    FigurePair::Alone
}

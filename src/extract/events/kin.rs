//! Whether an event word speaks of the declared event or of another of
//! its kind: several of them, one that only shares the name's words, the
//! one an earlier "après" measures from, one completed by its own name,
//! "le deuxième", "l'autre", "nouveau", "à son tour".

use super::attachment::{another_occurrence, measured_from};
use super::{Document, EventIndex};

/// What linking has seen so far around the word.
pub(super) struct Seen<'a> {
    /// (piece, sentence, event) of the event words linked so far.
    pub triggers: &'a [(usize, usize, usize)],
    /// The declared names not yet reached: (piece, sentence, event,
    /// length, name).
    pub names_ahead: &'a [(usize, usize, usize, usize, &'a str)],
    /// The entities the word's sentence names.
    pub in_sentence: &'a [usize],
}

/// Narrows `events`, the candidates of the event word at piece `pi` of
/// `sentence`, to those it may be; false when it is none of them.
pub(super) fn keep_this_occurrence(
    doc: &Document,
    index: &EventIndex,
    pi: usize,
    sentence: usize,
    seen: &Seen,
    events: &mut Vec<usize>,
) -> bool {
    let Seen {
        triggers,
        names_ahead,
        in_sentence,
    } = *seen;
    let word = doc.folded.get(pi);
    let sentence_end = doc
        .sentences
        .get(sentence)
        .map_or(doc.text.len(), |r| r.end);
    events.retain(|&e| {
        !index.several_of_kind(doc, pi, e)
            && !index.names_another_occurrence(doc, pi, sentence_end, e)
    });
    // "Huit ans après l'accord de Hillsborough, …, la déclaration de
    // Downing Street, signée à Londres": what the sentence reports is
    // not the event an earlier word of it measures time from.
    events.retain(|&e| {
        !triggers
            .iter()
            .rev()
            .take_while(|&&(_, ts, _)| ts == sentence)
            .any(|&(tp, _, te)| {
                // "Trois jours après le séisme, le bilan du séisme":
                // the same word again speaks of it again.
                te == e && tp < pi && measured_from(doc, tp) && doc.folded.get(tp) != word
            })
    });
    // "l'accord de Sunningdale, en 1973, puis l'accord
    // anglo-irlandais": a word completed by a name of its own, its
    // event named further on with the same word, is another of the kind.
    let own_complement = matches!(doc.word(pi + 1), "de" | "du" | "d")
        && doc
            .pieces
            .get(pi + 2)
            .is_some_and(|q| doc.text[q.start..].starts_with(char::is_uppercase));
    if own_complement {
        events.retain(|&e| {
            !names_ahead
                .iter()
                .take_while(|n| n.1 == sentence)
                .any(|n| n.0 > pi && n.2 == e && doc.folded.get(n.0) == word)
        });
    }
    // "le deuxième vol habité soviétique": an occurrence after the
    // first, unless the event's name counts it so.
    if pi > 0 {
        let before = doc.folded.get(pi - 1);
        if matches!(
            before,
            "deuxieme" | "second" | "seconde" | "troisieme" | "quatrieme" | "cinquieme"
        ) {
            events.retain(|&e| index.in_name(e, before));
        }
    }
    // "le comité Nobel norvégien": a body named after the event word is
    // not the event.
    if pi > 0
        && doc.text[doc.pieces[pi].start..].starts_with(char::is_uppercase)
        && matches!(
            doc.folded.get(pi - 1),
            "comite" | "fondation" | "institut" | "academie" | "jury"
        )
    {
        return false;
    }
    // "qui a remporté le Giro en juin": a verb whose object is a name
    // neither declared nor of the event's name won something else.
    let written = &doc.text[doc.pieces[pi].start..doc.pieces[pi].end];
    if crate::extract::pieces::is_lowercase(written)
        && super::attachment::is_participle(word)
        && matches!(doc.word(pi + 1), "le" | "la" | "l" | "les")
        && let Some(object) = doc.pieces.get(pi + 2)
        && doc.text[object.start..].starts_with(char::is_uppercase)
        && doc.names[..doc.names.partition_point(|n| n.span.start <= object.start)]
            .last()
            .is_none_or(|n| n.span.end <= object.start)
    {
        let name = doc.folded.get(pi + 2);
        events.retain(|&e| index.in_name(e, name));
    }
    // "l'autre finale, celle du 18 décembre 2022 à Lusail": another
    // than the one spoken of, which may be a declared event of the
    // kind the sentence names, never the one spoken of last.
    if pi > 0 && doc.folded.get(pi - 1) == "autre" {
        let last = triggers.last().map(|&(_, _, te)| te);
        events.retain(|&e| {
            in_sentence.iter().any(|x| index.identifying[e].contains(x)) && last != Some(e)
        });
        !events.is_empty()
    } else {
        !events.is_empty() && !another_occurrence(doc, pi)
    }
}

/// Of events tied for an event word, the one the article is about, if
/// one clearly is: its entities' sentences (`sentences_naming`) and the
/// words linked to it so far (the last few hundred, so a long file stays
/// linear) count at least three, and twice any other's; and the
/// sentence (naming `in_sentence`) names each of the two first by an
/// entity of its own, not one they share ("Vladimir Poutine a signé").
pub(super) fn article_topic(
    index: &EventIndex,
    in_sentence: &[usize],
    sentences_naming: &rustc_hash::FxHashMap<usize, usize>,
    triggers: &[(usize, usize, usize)],
    tied: impl Iterator<Item = usize>,
) -> Option<usize> {
    const RECENT_WORDS: usize = 256;
    let weight = |e: usize| -> usize {
        index.identifying[e]
            .iter()
            .map(|id| sentences_naming.get(id).copied().unwrap_or(0))
            .sum::<usize>()
            + triggers
                .iter()
                .rev()
                .take(RECENT_WORDS)
                .filter(|&&(_, _, te)| te == e)
                .count()
    };
    let mut level: Vec<(usize, usize)> = tied.map(|e| (weight(e), e)).collect();
    level.sort_unstable_by(|x, y| y.cmp(x));
    let own_entity = |e: usize, other: usize| {
        in_sentence
            .iter()
            .any(|x| index.identifying[e].contains(x) && !index.identifying[other].contains(x))
    };
    match level.as_slice() {
        [(w1, e1), (w2, e2), ..]
            if *w1 >= 2 * *w2 && *w1 >= 3 && own_entity(*e1, *e2) && own_entity(*e2, *e1) =>
        {
            Some(*e1)
        }
        _ => None,
    }
}

/// Whether the word at piece `pi` is part of a word that names something
/// else: the end of a compound ("demi-finale", "contre-sommet"), a round
/// named after the final ("les huitièmes de finale", "en quart de
/// finale").
pub(super) fn names_something_else(doc: &Document, pi: usize) -> bool {
    let compound = doc.pieces[pi].sep == crate::extract::pieces::Sep::Hyphen
        && pi > 0
        && crate::extract::pieces::is_lowercase(
            &doc.text[doc.pieces[pi - 1].start..doc.pieces[pi - 1].end],
        );
    let round = pi >= 2
        && doc.folded.get(pi - 1) == "de"
        && matches!(
            doc.folded.get(pi - 2).trim_end_matches('s'),
            "quart" | "huitieme" | "seizieme" | "deuxieme"
        );
    compound || round
}

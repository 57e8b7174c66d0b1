//! The evidence a mention gives of which event it is, besides what it
//! states: whether it was linked by the article alone, brought in with
//! "un", completed by its own place or name, set beside another place, the
//! act of another body, or given the event's declared name.

use super::attachment::{after_event_word, complement_entity, introduced_as_new};
use super::places::after_locative;
use super::{Document, EventIndex, EventMention};
use crate::extract::names::NameMention;
use crate::extract::pieces::Sep;
use crate::rules::{EntityKind, RuleSet};

/// What linking found, that the evidence is read from.
pub(super) struct Linked<'a> {
    /// (piece, sentence, event) per mention.
    pub triggers: &'a [(usize, usize, usize)],
    /// Per mention: linked by entities named elsewhere in the article.
    pub remote: &'a [bool],
    /// The entities each sentence names.
    pub in_sentence: &'a [Vec<usize>],
    /// The declared names found: (sentence, event, name, piece).
    pub named: &'a [(usize, usize, String, usize)],
}

/// Fills each mention's [`super::identity::Identity`] hints from the
/// sentence around it.
pub(super) fn gather(
    doc: &Document,
    rules: &RuleSet,
    index: &EventIndex,
    entity_of: &dyn Fn(&NameMention) -> usize,
    linked: &Linked,
    mentions: &mut [EventMention],
) {
    let Linked {
        triggers,
        remote,
        in_sentence,
        named,
    } = *linked;
    let piece_at = |at: usize| doc.pieces.partition_point(|p| p.end <= at);
    // An entity of the event named in the sentence, besides the place and
    // parties it states, is evidence of which event it is.
    for ((m, &(pi, s, event)), &remote) in mentions.iter_mut().zip(triggers).zip(remote) {
        m.identity.remote = remote;
        m.identity.indefinite = introduced_as_new(doc, pi);
        // "la rencontre de Reykjavik": a place completing the event word
        // says which occurrence of the kind is meant.
        // A verb's "de" is where from: "a décollé de Kourou".
        let noun = pi > 0
            && matches!(
                doc.folded.get(pi - 1),
                "la" | "le"
                    | "l"
                    | "les"
                    | "du"
                    | "des"
                    | "au"
                    | "aux"
                    | "sa"
                    | "son"
                    | "ses"
                    | "leur"
                    | "ce"
                    | "cet"
                    | "cette"
            );
        m.identity.occurrence_place = noun
            && m.place.as_ref().is_some_and(|p| {
                let at = piece_at(p.span.start);
                !after_locative(doc, at) && after_event_word(doc, at, index)
            });
        let stated: Vec<usize> = m
            .place
            .iter()
            .chain(&m.participants)
            .map(|n| n.entity)
            .collect();
        // "le traité de l'Élysée", "la crue du Vidourle": an entity of
        // the event completing its word names the event.
        let complement = complement_entity(doc, pi, &entity_of)
            .filter(|&e| index.distinguishes(event, e) && !stated.contains(&e));
        m.identity.complement = complement.is_some();
        // "La centrale de Zaporijia … a été prise le 4 mars": another
        // place named before the event word, not as where it happened, is
        // what the sentence speaks of.
        // Only when the sentence names none of the event's own entities.
        let reference_place = index.references[event].place;
        let sentence = &doc.sentences[s];
        let names = &doc.names[doc.names.partition_point(|n| n.span.start < sentence.start)..];
        let own_named = in_sentence[s]
            .iter()
            .any(|e| index.identifying[event].contains(e));
        m.identity.rival = names
            .iter()
            .take_while(|n| !own_named && n.span.start < doc.pieces[pi].start)
            .find(|n| {
                let e = entity_of(n);
                // Not the start of a longer name ("France Assureurs").
                let after = piece_at(n.span.end);
                let in_longer_name = after < doc.pieces.len()
                    && doc.pieces[after].sep == Sep::Space
                    && doc.text[doc.pieces[after].start..].starts_with(char::is_uppercase);
                rules.entities[e].kind == EntityKind::Place
                    && !in_longer_name
                    && !after_locative(doc, piece_at(n.span.start))
                    && !index.identifying[event].contains(&e)
                    && !stated.contains(&e)
                    && reference_place.is_some_and(|p| !index.places_agree(e, p))
            })
            .map(|n| n.text.clone());
        // "Les 450 000 euros votés en mars par Lavernoux": another body
        // as the agent of the event's verb makes it that body's act.
        let trigger_end = doc.pieces[pi].end;
        m.identity.agent = names
            .iter()
            .skip_while(|n| n.span.start < trigger_end)
            .take_while(|n| n.span.start < sentence.end)
            .find(|n| {
                let at = piece_at(n.span.start);
                let e = entity_of(n);
                at >= 2
                    && at - pi <= 5
                    && doc.folded.get(at - 1) == "par"
                    && matches!(
                        rules.entities[e].kind,
                        EntityKind::Place | EntityKind::Organisation
                    )
                    && !index.identifying[event].contains(&e)
                    && !stated.contains(&e)
                    && reference_place.is_none_or(|p| !index.places_agree(e, p))
            })
            .map(|n| n.text.clone());
        m.identity.entity = complement
            .or_else(|| {
                in_sentence[s]
                    .iter()
                    .copied()
                    .find(|&e| index.distinguishes(event, e) && !stated.contains(&e))
            })
            .map(|e| rules.entities[e].name.clone());
    }
    // "quand l'A380 s'est envolé pour la première fois": with one of its
    // entities, the first of its kind a declared "Premier vol …" names.
    for (m, &(pi, s, event)) in mentions.iter_mut().zip(triggers) {
        let for_the_first_time = (pi + 1..pi + 4).any(|k| {
            k + 3 < doc.pieces.len()
                && doc.folded.get(k) == "pour"
                && doc.folded.get(k + 1) == "la"
                && doc.folded.get(k + 2) == "premiere"
                && doc.folded.get(k + 3) == "fois"
        });
        if !for_the_first_time {
            continue;
        }
        let mut first = String::new();
        crate::extract::name_form::fold_into(&rules.events[event].name, &mut first);
        let first_of_kind = first.starts_with("premier ") || first.starts_with("premiere ");
        let its_entity = in_sentence[s]
            .iter()
            .any(|e| index.identifying[event].contains(e));
        if first_of_kind && its_entity {
            m.identity
                .name
                .get_or_insert_with(|| "pour la première fois".into());
        }
    }
    for &(s, event, ref name, at) in named {
        // Triggers are by sentence: search the sentence's only. Not across
        // a clause of its own: in "avaient suivi le lancement de la fusée
        // Redstone, quand les Soviétiques n'avaient annoncé le vol de
        // Gagarine", the name is not the launch's.
        let another_clause = |tp: usize| {
            (tp.min(at)..tp.max(at))
                .any(|k| matches!(doc.folded.get(k), "quand" | "lorsque" | "lorsqu" | "tandis"))
        };
        let from = triggers.partition_point(|&(_, ts, _)| ts < s);
        if let Some(t) = (from..triggers.len())
            .take_while(|&t| triggers[t].1 == s)
            .find(|&t| triggers[t].2 == event && !another_clause(triggers[t].0))
        {
            mentions[t]
                .identity
                .name
                .get_or_insert_with(|| name.clone());
        }
    }
}

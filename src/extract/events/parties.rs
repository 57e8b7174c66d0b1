//! Who an event's parties are: persons after "entre", "avec" or "par",
//! the subject of the event's verb or the persons it acts on — and who
//! are not (the agent of another participle, "avec" after another noun).

use super::attachment::{is_auxiliary, is_participle};
use super::{Document, EventIndex};
use crate::extract::pieces::{Sep, is_lowercase};

/// Whether the person at piece `pi` is named as a party: after "entre",
/// "avec" or "par" in the same sentence (within a few words, through "et").
pub(super) fn in_participant_frame(
    doc: &Document,
    pi: usize,
    sentence: usize,
    index: &EventIndex,
) -> bool {
    let range = &doc.sentences[sentence];
    let near = (pi.saturating_sub(8)..pi)
        .filter(|&k| doc.pieces[k].start >= range.start)
        .any(|k| match doc.folded.get(k) {
            "entre" => !completes_another_noun(doc, k, index),
            "avec" => pi - k <= 3 && !with_another_noun(doc, k, index),
            "par" => pi - k <= 3 && !agent_of_another_noun(doc, k, index),
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
                "entre" => return !completes_another_noun(doc, k, index),
                "avec" => return !with_another_noun(doc, k, index),
                "par" => return !agent_of_another_noun(doc, k, index),
                "et" => continue,
                _ if word.starts_with(char::is_uppercase) => continue,
                // "En acquittant Thomas Harding, Richard Labrie et Ed
                // Burkhardt": the persons an event's verb acts on.
                w if (w.ends_with("ant")
                    || ["é", "ée", "és", "ées"].iter().any(|e| word.ends_with(e)))
                    && {
                        let mut events = Vec::new();
                        index.triggered_by(w, &mut events);
                        !events.is_empty()
                    } =>
                {
                    return true;
                }
                // "Charles de Gaulle", "le général de Gaulle", "la
                // chancelière Angela Merkel": a party's particles and title.
                w if next_is_name
                    && (crate::extract::people::PARTICLES.contains(&w)
                        || PARTY_TITLES.contains(&w)) =>
                {
                    continue;
                }
                w if PARTY_TITLES.contains(&w) || matches!(w, "le" | "la" | "l" | "son" | "sa") => {
                    continue;
                }
                // "le président italien Antonio Segni": a nationality
                // between the title and the name.
                w if next_is_name
                    && k > 0
                    && doc.text[doc.pieces[k].end..doc.pieces[k + 1].start]
                        .trim()
                        .is_empty()
                    && PARTY_TITLES.contains(&doc.folded.get(k - 1))
                    && [
                        "ien", "ienne", "ais", "aise", "ain", "aine", "ois", "oise", "and", "ande",
                        "ol", "ole", "ique",
                    ]
                    .iter()
                    .any(|e| w.ends_with(e)) =>
                {
                    continue;
                }
                _ => return false,
            }
        }
        false
    }
}

/// Whether "par" at piece `k` introduces the agent of a participle that
/// qualifies a noun no event has as a word: "l'opposition emmenée par
/// Gilles Ravenot" (but "La finale, arbitrée par…", "le projet est
/// présenté par…" name the event's parties).
fn agent_of_another_noun(doc: &Document, k: usize, index: &EventIndex) -> bool {
    if k < 2 || !is_participle(doc.folded.get(k - 1)) {
        return false;
    }
    let mut events = Vec::new();
    index.triggered_by(doc.folded.get(k - 1), &mut events);
    let noun = k - 2;
    let noun_text = &doc.text[doc.pieces[noun].start..doc.pieces[noun].end];
    events.is_empty()
        && doc.pieces[k - 1].sep == Sep::Space
        && is_lowercase(noun_text)
        && noun_text.chars().count() > 3
        // A determiner before it ("l'opposition emmenée par"), not a
        // noun's complement ("la conférence de presse donnée par") nor an
        // adverb ("la COP21, alors présidée par").
        && noun > 0
        && matches!(
            doc.folded.get(noun - 1),
            "l" | "la" | "le" | "les" | "un" | "une" | "son" | "sa" | "ses" | "leur" | "leurs"
                | "cette" | "ce" | "cet" | "ces"
        )
        && {
            index.triggered_by(doc.folded.get(noun), &mut events);
            events.is_empty()
        }
}

/// The participle that the person at piece `pi` is the agent ("par") of,
/// when it is no event's word: "accueillis par le président Richard
/// Nixon", "L'opposition de droite, emmenée par Olivier Fauconnet". Before
/// the event word, such a person is that verb's, not the event's party.
/// With it, whether it is a
/// clause's verb after its auxiliary ("a été déposé lundi … par"): then
/// the person is its agent even after the event word ("Le recours contre
/// la délibération a été déposé … par Claire Vidal").
pub(super) fn other_participle_of_agent(
    doc: &Document,
    pi: usize,
    index: &EventIndex,
) -> Option<(usize, bool)> {
    agent_participle(doc, pi, index).map(|k| {
        let compound = k > 0
            && is_auxiliary(doc.folded.get(k - 1))
            && &doc.text[doc.pieces[k - 1].start..doc.pieces[k - 1].end] != "à";
        (k, compound)
    })
}

/// Whether the event word at piece `pi` is inside a prepositional phrase
/// ("Le recours gracieux contre la délibération … a été déposé"): the
/// clause's verb then has another subject than the event.
pub(super) fn in_prepositional_phrase(doc: &Document, pi: usize) -> bool {
    let mut k = pi;
    while k > 0 && matches!(doc.folded.get(k - 1), "le" | "la" | "l" | "les") {
        k -= 1;
    }
    k > 0
        && matches!(
            doc.folded.get(k - 1),
            "contre"
                | "sur"
                | "de"
                | "du"
                | "des"
                | "d"
                | "pour"
                | "avec"
                | "sans"
                | "apres"
                | "avant"
        )
}

fn agent_participle(doc: &Document, pi: usize, index: &EventIndex) -> Option<usize> {
    let par = (pi.saturating_sub(4)..pi)
        .rev()
        .find(|&k| doc.folded.get(k) == "par")?;
    let participle = |w: &str| {
        w.len() > 3
            && [
                "e", "es", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
                "ites",
            ]
            .iter()
            .any(|e| w.ends_with(e))
    };
    if par == 0 {
        return None;
    }
    // Right before "par", or further back after its auxiliary, past a day
    // and a place: "a été déposé lundi en mairie de Roquefaval par…".
    let at = (par.saturating_sub(7)..par).rev().find(|&k| {
        let w = doc.folded.get(k);
        participle(w)
            && (k + 1 == par
                || (k > 0
                    && is_auxiliary(doc.folded.get(k - 1))
                    && &doc.text[doc.pieces[k - 1].start..doc.pieces[k - 1].end] != "à"
                    && !doc.text[doc.pieces[k].end..doc.pieces[par].start].contains(',')))
    })?;
    // A role in the event: "le conseil, présidé par…", "arbitrée par…",
    // "présenté par…".
    let verb = doc.folded.get(at);
    if [
        "presid", "arbitr", "present", "anime", "animee", "defend", "porte",
    ]
    .iter()
    .any(|r| verb.starts_with(r))
    {
        return None;
    }
    let mut events = Vec::new();
    index.triggered_by(verb, &mut events);
    events.is_empty().then_some(at)
}

/// Whether "entre" at piece `k` completes a noun that is no event's word:
/// "la relation entre Emmanuel Macron et Olaf Scholz" (but "le sommet
/// entre…", "l'accord entre…" name the parties of an event).
fn completes_another_noun(doc: &Document, k: usize, index: &EventIndex) -> bool {
    let mut events = Vec::new();
    k >= 2
        && matches!(
            doc.folded.get(k - 2),
            "le" | "la"
                | "les"
                | "l"
                | "un"
                | "une"
                | "des"
                | "sa"
                | "son"
                | "leur"
                | "leurs"
                | "cette"
                | "ce"
                | "ces"
        )
        && is_lowercase(&doc.text[doc.pieces[k - 1].start..doc.pieces[k - 1].end])
        && {
            index.triggered_by(doc.folded.get(k - 1), &mut events);
            events.is_empty()
        }
}

/// Whether "avec" at piece `k` completes a noun no event has as a word,
/// as "entre" may: "le Milan, immense favori avec Marco van Basten".
fn with_another_noun(doc: &Document, k: usize, index: &EventIndex) -> bool {
    if k < 2 {
        return false;
    }
    let noun = doc.folded.get(k - 1);
    let opens_apposition =
        |j: usize| j > 0 && doc.text[doc.pieces[j - 1].end..doc.pieces[j].start].contains(',');
    let mut events = Vec::new();
    completes_another_noun(doc, k, index)
        || ((opens_apposition(k - 1) || opens_apposition(k - 2))
            && is_lowercase(&doc.text[doc.pieces[k - 1].start..doc.pieces[k - 1].end])
            && !is_participle(noun)
            && !noun.ends_with("ant")
            && {
                index.triggered_by(noun, &mut events);
                events.is_empty()
            })
}

/// Whether the person named at piece `pi` is the subject of an event's
/// verb: "Angela Merkel, José Manuel Barroso et Hans-Gert Pöttering
/// avaient signé la déclaration". Forward over the other subjects (names,
/// titles, particles, commas, "et") to an auxiliary and the verb. `after`
/// is the first piece after the name, `first` its first piece: after a
/// preposition ("l'opposition emmenée par Gilles Ravenot a voté"), the
/// name is not the subject.
pub(super) fn subject_of_event_verb(
    doc: &Document,
    first: usize,
    after: usize,
    sentence: usize,
    index: &EventIndex,
) -> bool {
    if first > 0
        && matches!(
            doc.folded.get(first - 1),
            "par" | "de" | "du" | "des" | "d" | "avec" | "pour" | "contre" | "sans" | "chez"
        )
    {
        return false;
    }
    let end = doc.sentences[sentence].end;
    let mut events = Vec::new();
    let mut k = after;
    while k > 0 && k + 1 < doc.pieces.len() && k - after < 16 && doc.pieces[k + 1].end <= end {
        let gap = &doc.text[doc.pieces[k - 1].end..doc.pieces[k].start];
        if !(doc.pieces[k].sep != Sep::Other || gap.trim_start() == ", " || gap == ", ") {
            return false;
        }
        let word = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
        match doc.folded.get(k) {
            "et" => {}
            _ if word.starts_with(char::is_uppercase) || doc.pieces[k].sep == Sep::Hyphen => {}
            w if crate::extract::people::PARTICLES.contains(&w) || PARTY_TITLES.contains(&w) => {}
            "ont" | "avaient" | "avait" | "auront" | "a" if word != "à" => {
                // "ont signé", "avaient conclu": the verb is an event's word.
                index.triggered_by(doc.folded.get(k + 1), &mut events);
                return !events.is_empty() && doc.pieces[k + 1].sep == Sep::Space;
            }
            _ => return false,
        }
        k += 1;
    }
    false
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
    // "présidée par l'archevêque de Paris, Michel Aupetit"
    "archeveque",
    "eveque",
    "cardinal",
    "ambassadeur",
    "ambassadrice",
    "gouverneur",
    "gouverneure",
    "senateur",
    "senatrice",
    "depute",
    "deputee",
    "rapporteur",
    "rapporteure",
    "adjoint",
    "adjointe",
    "commissaire",
];

//! Why a sentence is (or is not) linked to an event, and why each of its
//! facts goes where it goes: what `factlint facts --why PATH:LINE` prints,
//! for someone writing rules. It reruns the linker's tests on one
//! sentence; nothing here is used by the checks.

use serde::Serialize;

use super::attachment::{
    after_event_word, after_venue, another_action_before, another_occurrence, commemorated,
    complement_of_another_noun, is_auxiliary, planned_and_past,
};
use super::identity::Attribute;
use super::places::after_locative;
use super::{Document, EventIndex, EventMention, GOES_ON_WITHIN, MAX_DISTANCE};
use crate::extract::dates::DateForm;
use crate::extract::gazetteer::Gazetteer;
use crate::extract::sentences::sentence_of;
use crate::fact_records::IdentityRecord;
use crate::rules::RuleSet;

/// One sentence of the line asked about.
#[derive(Debug, Serialize)]
pub struct SentenceWhy {
    pub line: usize,
    pub text: String,
    /// Each event word of the sentence and the events it could name.
    pub words: Vec<WordWhy>,
    /// The mentions the sentence makes, with what they state and why.
    pub mentions: Vec<MentionWhy>,
    /// Dates of the sentence that no mention took, and why.
    pub unattached_dates: Vec<Unattached>,
}

#[derive(Debug, Serialize)]
pub struct WordWhy {
    pub word: String,
    pub candidates: Vec<CandidateWhy>,
}

#[derive(Debug, Serialize)]
pub struct CandidateWhy {
    pub event: String,
    pub name: String,
    /// Its entities named in this sentence, and in the sentences beside it.
    pub here: Vec<String>,
    pub around: Vec<String>,
    pub linked: bool,
    /// Why it is linked or not, and what would link it.
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct MentionWhy {
    pub event: String,
    pub trigger: String,
    /// Each attribute attached, with why.
    pub attached: Vec<Attached>,
    pub identity: IdentityRecord,
}

#[derive(Debug, Serialize)]
pub struct Attached {
    pub attribute: Attribute,
    pub text: String,
    pub why: String,
}

#[derive(Debug, Serialize)]
pub struct Unattached {
    pub text: String,
    pub why: String,
}

/// The sentences of `doc` that lie on `line` (1-based), explained.
pub fn explain(
    doc: &Document,
    rules: &RuleSet,
    gazetteer: &Gazetteer,
    index: &EventIndex,
    mentions: &[EventMention],
    line: usize,
) -> Vec<SentenceWhy> {
    let names_in = |s: usize| -> Vec<usize> {
        let range = &doc.sentences[s];
        let mut v: Vec<usize> = doc
            .names
            .iter()
            .filter(|m| range.contains(&m.span.start))
            .map(|m| gazetteer.forms[m.form].entity)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let entity_names = |ids: &[usize]| -> Vec<String> {
        ids.iter()
            .map(|&e| rules.entities[e].name.clone())
            .collect()
    };
    let mut out = Vec::new();
    for (s, range) in doc.sentences.iter().enumerate() {
        let first = doc.lines.span(doc.text, range.start, range.start).line;
        let last = doc.lines.span(doc.text, range.end, range.end).line;
        if !(first..=last).contains(&line) {
            continue;
        }
        let here = names_in(s);
        let mut around: Vec<usize> = Vec::new();
        for k in [s.checked_sub(1), Some(s + 1)].into_iter().flatten() {
            if k < doc.sentences.len() {
                around.extend(names_in(k));
            }
        }
        let pieces: Vec<usize> = (0..doc.pieces.len())
            .filter(|&i| range.contains(&doc.pieces[i].start))
            .collect();
        let in_sentence = |m: &&EventMention| range.contains(&m.trigger.start);
        let linked: Vec<&EventMention> = mentions.iter().filter(in_sentence).collect();
        let mut words = Vec::new();
        let mut events = Vec::new();
        for &pi in &pieces {
            index.triggered_by(doc.folded.get(pi), &mut events);
            let named: Vec<(usize, &str)> = index
                .names_at(doc, pi, range.end)
                .map(|(e, name, _)| (e, name))
                .collect();
            events.extend(named.iter().map(|&(e, _)| e));
            events.sort_unstable();
            events.dedup();
            if events.is_empty() {
                continue;
            }
            let candidates = events
                .iter()
                .map(|&e| {
                    let of_event = |ids: &[usize]| -> Vec<usize> {
                        ids.iter()
                            .copied()
                            .filter(|x| index.identifying[e].contains(x))
                            .collect()
                    };
                    let (h, a) = (of_event(&here), of_event(&around));
                    let at = doc.pieces[pi].start;
                    let is_linked = linked.iter().any(|m| m.event == e && m.trigger.start == at);
                    let by_name = named.iter().find(|&&(n, _)| n == e).map(|&(_, t)| t);
                    let note = if let Some(n) = by_name {
                        format!("linked by its name \"{n}\"")
                    } else if commemorated(doc, pi) && is_linked {
                        "linked as the event another date counts from (after \"anniversaire\", \
                         \"après\" or \"avant\"): only a date joined to its word is its own"
                            .into()
                    } else if commemorated(doc, pi) {
                        "not linked: after \"anniversaire\", \"après\" or \"avant\", it is the \
                         event another date counts from"
                            .into()
                    } else if index.several_of_kind(doc, pi, e) {
                        "not linked: a plural after \"les\", \"des\", \"ces\"… speaks of \
                         several events of the kind, not of this one"
                            .into()
                    } else if !is_linked
                        && (another_occurrence(doc, pi)
                            || (pi > 0
                                && matches!(
                                    doc.folded.get(pi - 1),
                                    "autre" | "deuxieme" | "second" | "seconde" | "troisieme"
                                )))
                    {
                        "not linked: \"nouveau\", \"prochain\", \"autre\", \"précédent\", \"deuxième\", \
                         \"à son tour\"… name another occurrence (\"autre\" links only a \
                         declared event whose entities the sentence names), \"en commission\", \
                         \"de principe\" or \"en Conseil des ministres\" an earlier stage"
                            .into()
                    } else if is_linked
                        && linked
                            .iter()
                            .any(|m| m.event == e && m.trigger.start == at && m.relinked)
                    {
                        "linked by what the sentence states: its date, place, parties or \
                         figures agree with this event more than with the others its word names"
                            .into()
                    } else if is_linked
                        && linked
                            .iter()
                            .any(|m| m.event == e && m.trigger.start == at && m.identity.remote)
                    {
                        let named: Vec<String> = index.identifying[e]
                            .iter()
                            .filter(|x| doc.names.iter().any(|m| gazetteer.forms[m.form].entity == **x))
                            .map(|&x| rules.entities[x].name.clone())
                            .collect();
                        format!(
                            "linked by the article alone ({} named elsewhere): compared only if something \
                             it states agrees with the event",
                            named.join(", ")
                        )
                    } else if is_linked {
                        "linked: an event word with its entities around".into()
                    } else if linked.iter().any(|m| m.event == e) {
                        "the sentence's mention of it is made by another of its words".into()
                    } else if h.is_empty() && a.is_empty() {
                        let wanted: Vec<String> = index.identifying[e]
                            .iter()
                            .map(|&x| rules.entities[x].name.clone())
                            .collect();
                        let names: Vec<&str> =
                            rules.events[e].names.iter().map(|(t, _)| t.as_str()).collect();
                        let in_article = index.identifying[e].iter().any(|x| {
                            doc.names.iter().any(|m| gazetteer.forms[m.form].entity == *x)
                        });
                        let mut note = if in_article {
                            format!(
                                "not linked: none of its entities ({}) is named in this sentence \
                                 or beside it; another event of this word won, or a tie linked none",
                                wanted.join(", ")
                            )
                        } else {
                            format!(
                                "not linked: none of its entities ({}) is named in this article",
                                wanted.join(", ")
                            )
                        };
                        if !names.is_empty() {
                            note.push_str(&format!(", and none of its names ({})", names.join(", ")));
                        }
                        note.push_str(
                            "; to link it, name one, or declare in `names` a phrase the articles use",
                        );
                        note
                    } else {
                        "not linked: another event named by this word has as many or more of \
                         its entities, or of the words of its name, around (a tie links the one \
                         what the sentence states agrees with, or none)"
                            .into()
                    };
                    CandidateWhy {
                        event: rules.events[e].origin.id.clone(),
                        name: rules.events[e].name.clone(),
                        here: entity_names(&h),
                        around: entity_names(&a),
                        linked: is_linked || by_name.is_some(),
                        note,
                    }
                })
                .collect();
            words.push(WordWhy {
                word: doc.text[doc.pieces[pi].start..doc.pieces[pi].end].to_string(),
                candidates,
            });
        }
        let piece_at = |at: usize| doc.pieces.partition_point(|p| p.end <= at);
        let mentions_why = linked
            .iter()
            .map(|m| {
                // Facts go to the nearest of the event's words in the
                // sentence: the trigger, one just after it, or its verb
                // further on ("signature … a été signé à l'Élysée entre…").
                let trigger = piece_at(m.trigger.start);
                let mut events = Vec::new();
                let event_words: Vec<usize> = pieces
                    .iter()
                    .copied()
                    .filter(|&k| {
                        index.triggered_by(doc.folded.get(k), &mut events);
                        k > trigger
                            && (k - trigger <= GOES_ON_WITHIN
                                || is_auxiliary(doc.folded.get(k - 1)))
                            && events.contains(&m.event)
                    })
                    .chain([trigger])
                    .collect();
                let words_from = |at: usize| {
                    let at = piece_at(at);
                    event_words
                        .iter()
                        .map(|&k| k.abs_diff(at))
                        .min()
                        .unwrap_or(0)
                };
                let mut attached = Vec::new();
                if let Some(d) = &m.date {
                    attached.push(Attached {
                        attribute: Attribute::Date,
                        text: d.text.clone(),
                        why: format!(
                            "the date nearest the event word, {} words from it",
                            words_from(d.span.start)
                        ),
                    });
                }
                if let Some(p) = &m.place {
                    let pi = piece_at(p.span.start);
                    let why = if after_locative(doc, pi) {
                        "a place after \"à\", \"en\", \"au\" or \"dans\""
                    } else if after_event_word(doc, pi, index) {
                        "a place after the event word and \"de\" or \"depuis\""
                    } else if after_venue(doc, pi, index) {
                        "the town of the venue the event word or \"à\" introduces \
                         (\"au palais de justice de …\")"
                    } else {
                        "a place of the sentence"
                    };
                    attached.push(Attached {
                        attribute: Attribute::Place,
                        text: p.text.clone(),
                        why: why.into(),
                    });
                }
                for p in &m.participants {
                    attached.push(Attached {
                        attribute: Attribute::Participant,
                        text: p.text.clone(),
                        why: "a person after \"entre\", \"avec\" or \"par\", the subject of \
                              the event's verb, or the person it acts on"
                            .into(),
                    });
                }
                for p in &m.people {
                    attached.push(Attached {
                        attribute: Attribute::Participant,
                        text: p.text.clone(),
                        why: "a person the rules do not declare (a known first name and a \
                              surname) after \"entre\", \"avec\" or \"par\""
                            .into(),
                    });
                }
                for f in &m.figures {
                    let figure = &rules.events[m.event].figures[f.figure];
                    attached.push(Attached {
                        attribute: Attribute::Figure,
                        text: f.text.clone(),
                        why: format!(
                            "a figure in the unit \"{}\" of figure `{}`",
                            figure.unit, figure.id
                        ),
                    });
                }
                MentionWhy {
                    event: rules.events[m.event].origin.id.clone(),
                    trigger: m.trigger_text.clone(),
                    attached,
                    identity: IdentityRecord::of(&m.identity),
                }
            })
            .collect();
        let taken: Vec<usize> = linked
            .iter()
            .filter_map(|m| m.date.as_ref().map(|d| d.span.start))
            .collect();
        let unattached_dates = doc
            .dates
            .iter()
            .filter(|d| sentence_of(doc.sentences, d.span.start) == Some(s))
            .filter(|d| !taken.contains(&d.span.start))
            .map(|d| {
                let at = piece_at(d.span.start);
                let nearest = linked
                    .iter()
                    .map(|m| piece_at(m.trigger.start))
                    .min_by_key(|&t| t.abs_diff(at));
                let why = if d.value.is_none() {
                    "its day is unknown (no publication date to place it)".to_string()
                } else if d.form == DateForm::Bound {
                    "a bound (\"depuis\", \"jusqu'en\"…), not a date of the event".to_string()
                } else if another_action_before(doc, at, index) {
                    "introduced by another act's verb (\"a annoncé\", \"publié\"…)".to_string()
                } else if planned_and_past(doc, at, d) {
                    "said to lie ahead, but read in the past: not stated".to_string()
                } else if linked.is_empty() {
                    "no event is linked in this sentence".to_string()
                } else if nearest.is_some_and(|t| t.abs_diff(at) > MAX_DISTANCE) {
                    format!("more than {MAX_DISTANCE} words from the event word")
                } else if nearest.is_some_and(|t| at < t && complement_of_another_noun(doc, t)) {
                    "before the noun the event word completes (\"la ratification du traité\"): \
                     that noun's date"
                        .to_string()
                } else {
                    "another date stands nearer the event word".to_string()
                };
                Unattached {
                    text: d.text.clone(),
                    why,
                }
            })
            .collect();
        out.push(SentenceWhy {
            line: first,
            text: doc.text[range.clone()].trim().to_string(),
            words,
            mentions: mentions_why,
            unattached_dates,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;
    use crate::extract::CompiledRules;
    use crate::rules::parse_for_test;

    const RULES: &str = r#"
[[entity]]
id = "geneve"
name = "Genève"
kind = "place"
source = "s"

[[event]]
id = "geneve-1985"
name = "Sommet de Genève (1985)"
words = ["sommet"]
entities = ["geneve"]
date = "1985-11-19/1985-11-20"
place = "geneve"
source = "s"
"#;

    #[test]
    fn a_sentence_is_explained_with_its_candidates_attachments_and_verdicts() {
        let rules = parse_for_test(RULES).unwrap();
        let compiled = CompiledRules::new(&rules);
        let text = "---\ndate: 2021-06-20\n---\n\
                    Le sommet de Genève s'est tenu en juin 2021, a annoncé mardi le ministre.\n\
                    Il pleut.\n\
                    Un sommet a eu lieu.\n";
        let (doc, _) = Document::from_text("a.md", text.to_string());
        let why = crate::extract::why(&doc, &rules, &compiled, 4);
        assert_eq!(why.len(), 1);
        let s = &why[0];
        assert!(s.words[0].candidates[0].linked, "{s:?}");
        let m = &s.mentions[0];
        assert_eq!(m.attached[0].text, "en juin 2021");
        assert!(
            m.attached
                .iter()
                .any(|a| a.why.contains("after the event word"))
        );
        let verdict = &m.identity.verdicts[0];
        assert!(!verdict.reported, "{verdict:?}");
        assert!(s.unattached_dates[0].why.contains("another act"), "{s:?}");
        // The third line: the word far from its entities, linked by the
        // article alone, compared only on an agreement.
        let third = crate::extract::why(&doc, &rules, &compiled, 6);
        let c = &third[0].words[0].candidates[0];
        assert!(c.linked && c.note.contains("article alone"), "{c:?}");
        // An article that never names them.
        let (doc, _) = Document::from_text("b.md", "Un sommet a eu lieu.\n".to_string());
        let why = crate::extract::why(&doc, &rules, &compiled, 1);
        let c = &why[0].words[0].candidates[0];
        assert!(!c.linked && c.note.contains("Genève"), "{c:?}");
    }
}

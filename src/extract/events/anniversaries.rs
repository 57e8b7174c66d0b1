//! "le 80e anniversaire de la victoire contre le Japon": the ordinal, the
//! event it counts from, and the year the text places it in.

use super::attachment::is_participle;
use super::{AnniversaryMention, Document, EventIndex, YearSource};
use crate::extract::dates::DateForm;
use crate::extract::gazetteer::Gazetteer;
use crate::extract::pieces::Sep;
use crate::extract::sentences::sentence_of;
use crate::rules::RuleSet;
use chrono::Datelike;

/// What the article's event mentions tell the anniversaries.
pub(super) struct Spoken<'a> {
    /// The event words near which an anniversary may count from their
    /// event: (piece, sentence, event), in text order.
    pub triggers: &'a [(usize, usize, usize)],
    /// The entities each sentence names.
    pub in_sentence: &'a [Vec<usize>],
    /// (piece, event) of the event words whose own facts say they are
    /// another event.
    pub disowned: &'a [(usize, usize)],
    /// Events a mention of the article establishes.
    pub established: &'a [usize],
    /// (piece, event) of the event words brought in with "un" or "une"
    /// ("lors d'un vol d'entraînement"): one of the kind, whose
    /// anniversary "son" does not speak of.
    pub indefinite: &'a [(usize, usize)],
}

/// What linking found, that anniversaries are read from.
pub(super) struct Linked<'a> {
    /// (piece, sentence, event) per mention.
    pub triggers: &'a [(usize, usize, usize)],
    /// Per mention: linked by entities named elsewhere in the article.
    pub remote: &'a [bool],
    /// Per mention: another date counts from it.
    pub reference_point: &'a [bool],
    /// The declared names found: (piece, sentence, event, length, name).
    pub names_found: &'a [(usize, usize, usize, usize, &'a str)],
    /// The entities each sentence names.
    pub in_sentence: &'a [Vec<usize>],
}

/// The anniversaries of `doc`, counted from the events `linked` and the
/// judged `mentions` speak of.
pub(super) fn read_linked(
    doc: &Document,
    rules: &RuleSet,
    gazetteer: &Gazetteer,
    index: &EventIndex,
    linked: &Linked,
    mentions: &[super::EventMention],
) -> Vec<AnniversaryMention> {
    let Linked {
        triggers,
        remote,
        reference_point,
        names_found,
        in_sentence,
    } = *linked;
    // An anniversary counts from an event the text names near it: a link
    // by the article alone would give "le 25e anniversaire des tempêtes
    // Lothar et Martin" to the storm the article is about.
    // Nor does the word of an event another date counts from, but for a
    // declared name ("le 55e anniversaire des premiers pas sur la Lune").
    let near: Vec<(usize, usize, usize)> = triggers
        .iter()
        .zip(remote)
        .zip(reference_point)
        .filter(|&((&(pi, _, e), &r), &point)| {
            let from = names_found.partition_point(|n| n.0 < pi);
            let named_here = || {
                names_found[from..]
                    .iter()
                    .take_while(|n| n.0 == pi)
                    .any(|n| n.2 == e)
            };
            !r && (!point || named_here())
        })
        .map(|((&t, _), _)| t)
        .collect();
    // "le 20e anniversaire de la finale de 1999": an event word whose
    // own facts say it is another event counts from none declared.
    let disowned: Vec<(usize, usize)> = triggers
        .iter()
        .zip(mentions)
        .filter(|(_, m)| m.identity.another_event())
        .map(|(&(pi, _, e), _)| (pi, e))
        .collect();
    let established: Vec<usize> = mentions
        .iter()
        .filter(|m| m.identity.establishes())
        .map(|m| m.event)
        .collect();
    let indefinite: Vec<(usize, usize)> = triggers
        .iter()
        .zip(mentions)
        .filter(|(_, m)| m.identity.indefinite)
        .map(|(&(pi, _, e), _)| (pi, e))
        .collect();
    let spoken = Spoken {
        indefinite: &indefinite,
        triggers: &near,
        in_sentence,
        disowned: &disowned,
        established: &established,
    };
    read(doc, rules, gazetteer, index, &spoken)
}

/// "80e anniversaire de …": the ordinal, the event counted from (named by
/// its trigger words after "anniversaire"), and the year the text gives.
pub(super) fn read(
    doc: &Document,
    rules: &RuleSet,
    gazetteer: &Gazetteer,
    index: &EventIndex,
    spoken: &Spoken,
) -> Vec<AnniversaryMention> {
    let Spoken {
        triggers,
        in_sentence,
        disowned,
        established,
        indefinite,
    } = *spoken;
    let mut out = Vec::new();
    let mut events = Vec::new();
    // Dates and triggers are in text order: a sentence's are found by
    // binary search, so a file of many anniversaries stays linear.
    debug_assert!(doc.dates.is_sorted_by_key(|d| d.span.start));
    debug_assert!(triggers.is_sorted_by_key(|t| t.1));
    // The triggers of sentence `s` and of the one before it.
    let near_triggers = |s: usize| {
        let from = triggers.partition_point(|t| t.1 + 1 < s);
        triggers[from..].iter().take_while(move |t| t.1 <= s)
    };
    for (pi, window) in doc.pieces.windows(2).enumerate() {
        let ordinal_text = &doc.text[window[0].start..window[0].end];
        let Some(ordinal) = parse_ordinal(ordinal_text) else {
            continue;
        };
        if doc.folded.get(pi + 1) != "anniversaire" {
            continue;
        }
        let Some(s) = sentence_of(doc.sentences, window[0].start) else {
            continue;
        };
        let sentence_end = doc.sentences[s].end;
        // The entities named in the words joined to "anniversaire".
        let complement_end = (pi + 2..doc.pieces.len())
            .take_while(|&k| doc.pieces[k].end <= sentence_end)
            .take(10)
            .take_while(|&k| doc.pieces[k].sep != Sep::Other)
            .last()
            .map_or(window[1].end, |k| doc.pieces[k].end);
        let first_name = doc.names.partition_point(|n| n.span.start < window[1].end);
        let in_complement: Vec<usize> = doc.names[first_name..]
            .iter()
            .take_while(|n| n.span.end <= complement_end)
            .map(|n| gazetteer.forms[n.form].entity)
            .collect();
        // How many of an event's entities the sentence (or the one before
        // or after, as for any mention) names, and whether the event was just spoken of ("le 65e
        // anniversaire de ce traité"): an event word alone does not say
        // which event is counted from ("la fondation" of another body).
        let score = |e: usize| {
            let before = s.checked_sub(1).map_or(&[][..], |b| &in_sentence[b][..]);
            let after = in_sentence.get(s + 1).map_or(&[][..], |a| &a[..]);
            // Named in the sentence itself weighs more than beside it: "le
            // télescope James Webb fêtera le 2e anniversaire de son
            // lancement", Hubble in the sentence before.
            let of = |x: &&usize| index.identifying[e].contains(x);
            // Named in the anniversary's own complement ("le 30e
            // anniversaire de la victoire de LeMond") weighs most.
            4 * in_complement.iter().filter(of).count()
                + 2 * in_sentence[s].iter().filter(of).count()
                + before.iter().chain(after).filter(of).count()
        };
        let spoken_of = |e: usize| near_triggers(s).any(|&(_, _, te)| te == e);
        // The one candidate with the most entities, the one spoken of on a
        // tie, none else.
        // The day the sentence celebrates on, when it gives one.
        let celebration_day = {
            let sentence = &doc.sentences[s];
            let first = doc.dates.partition_point(|d| d.span.start < sentence.start);
            doc.dates[first..]
                .iter()
                .take_while(|d| d.span.start < sentence.end)
                .find_map(|d| d.value.filter(|v| v.first == v.last).map(|v| v.first))
        };
        // "le 35e anniversaire de ce drame": a demonstrative goes back to
        // what was just spoken of, not to an event whose entities are
        // around.
        // "du premier décollage de Thomas Pesquet": of his launches, the
        // earliest (`Some(true)`); "du dernier": the latest.
        let pick =
            |candidates: &mut Vec<usize>, bare: bool, demonstrative: bool, first: Option<bool>| {
                candidates.retain(|&e| {
                    rules.events[e].date.is_some()
                        && if demonstrative {
                            spoken_of(e)
                        } else {
                            score(e) > 0 || spoken_of(e) || (bare && established.contains(&e))
                        }
                });
                let best = candidates.iter().map(|&e| score(e)).max()?;
                candidates.retain(|&e| score(e) == best);
                if candidates.len() > 1
                    && let Some(first) = first
                {
                    let day = |e: &&usize| rules.events[**e].date.map(|d| d.first);
                    let chosen = if first {
                        candidates.iter().min_by_key(day)
                    } else {
                        candidates.iter().max_by_key(day)
                    };
                    *candidates = chosen.into_iter().copied().collect();
                }
                if candidates.len() > 1 {
                    if candidates.iter().any(|&e| spoken_of(e)) {
                        candidates.retain(|&e| spoken_of(e));
                    } else {
                        // "Le traité de Lisbonne fête ce mardi (13 décembre)
                        // son 16e anniversaire": the event of that day and month.
                        let same_day = |e: usize| {
                            celebration_day.is_some_and(|day| {
                                rules.events[e].date.is_some_and(|d| {
                                    d.first == d.last
                                        && d.first.month() == day.month()
                                        && d.first.day() == day.day()
                                })
                            })
                        };
                        if candidates.iter().filter(|&&e| same_day(e)).count() == 1 {
                            candidates.retain(|&e| same_day(e));
                        }
                    }
                }
                match candidates.as_slice() {
                    [e] => Some(*e),
                    _ => None,
                }
            };
        // The event: named by an event word after "anniversaire" in the
        // sentence ("sommet de Hanoï": the Hanoï summit, not Singapore's).
        let mut counted = None;
        // Joined to "anniversaire" without punctuation: in "pour le 50e
        // anniversaire, la déclaration de Berlin…" the declaration is not
        // what is counted from.
        for k in (pi + 2..doc.pieces.len())
            .take_while(|&k| doc.pieces[k].end <= sentence_end && doc.pieces[k].sep != Sep::Other)
            .take(10)
        {
            // A declared name says which event, whatever the entities
            // around: "le 20e anniversaire de la finale de 1998", the 2018
            // final's players named beside it; "le 54e anniversaire des
            // premiers pas sur la Lune".
            events.clear();
            events.extend(
                index
                    .names_at(doc, k, sentence_end)
                    .map(|(e, _, _)| e)
                    .filter(|&e| rules.events[e].date.is_some()),
            );
            if let [e] = events.as_slice() {
                counted = Some(*e);
                break;
            }
            if events.is_empty() {
                index.triggered_by(doc.folded.get(k), &mut events);
                events.retain(|&e| !disowned.contains(&(k, e)));
            }
            events.sort_unstable();
            events.dedup();
            if !events.is_empty() {
                // "pour le 5e anniversaire de la catastrophe, comme…": a
                // bare event word is the article's event, when another
                // mention establishes it ("des tempêtes Lothar et Martin"
                // is not bare).
                let bare = doc.pieces.get(k + 1).is_none_or(|next| {
                    let named = |p: &crate::extract::pieces::Piece| {
                        doc.text[p.start..].starts_with(char::is_uppercase)
                    };
                    next.sep == Sep::Other
                        || !(named(next)
                            || (matches!(doc.folded.get(k + 1), "de" | "du" | "des" | "d")
                                && doc.pieces.get(k + 2).is_some_and(named)))
                });
                let demonstrative = matches!(doc.folded.get(k - 1), "ce" | "cet" | "cette" | "ces");
                let first = match doc.folded.get(k - 1) {
                    "premier" | "premiere" => Some(true),
                    "dernier" | "derniere" => Some(false),
                    _ => None,
                };
                counted = pick(&mut events, bare, demonstrative, first);
                if counted.is_some() {
                    break;
                }
            }
        }
        // "son 60e anniversaire", "leur 30e anniversaire": the anniversary
        // of the subject's event, the one the sentence or the one before
        // speaks of or names the entities of ("L'OTAN … Elle a fêté son
        // 70e anniversaire").
        // "Le référendum …, dont le 30e anniversaire": the same, by the
        // relative pronoun.
        let possessive = pi > 0 && matches!(doc.folded.get(pi - 1), "son" | "sa" | "leur");
        // "dont le 30e anniversaire", "dont on fêtera en juillet le 6e
        // anniversaire": no punctuation between.
        let relative = pi > 1
            && matches!(doc.folded.get(pi - 1), "le" | "la")
            && (pi.saturating_sub(10)..pi - 1)
                .rev()
                .take_while(|&k| {
                    !doc.text[doc.pieces[k].end..doc.pieces[k + 1].start]
                        .contains([',', ';', ':', '.'])
                })
                .any(|k| doc.folded.get(k) == "dont");
        // "L'exposition ouvre …, jour anniversaire de l'accord du Vendredi
        // saint, dont le 28e anniversaire": "dont" stands for the event
        // word just before it, whatever the sentence's subject.
        let after_event_word = relative
            && (pi.saturating_sub(10)..pi - 1)
                .rev()
                .find(|&k| doc.folded.get(k) == "dont")
                .is_some_and(|d| {
                    near_triggers(s).any(|&(tp, ts, _)| ts == s && tp < d && d - tp <= 8)
                });
        if counted.is_none()
            && (possessive || relative)
            && (after_event_word
                || (!birthday(doc, gazetteer, pi - 1)
                    && !subject_undeclared(doc, index, s, pi - 1)))
        {
            // "Le traité de paix…, signé le 26 mars 1979, en est issu ; son
            // 45e anniversaire…": the event the sentence spoke of last.
            // The clause before a semicolon is of the same sentence.
            let same_sentence = |ts: usize| {
                ts == s || (ts + 1 == s && doc.text[..doc.sentences[ts].end].ends_with(';'))
            };
            let last_before = near_triggers(s)
                .filter(|&&(tp, ts, te)| {
                    same_sentence(ts) && tp < pi && rules.events[te].date.is_some()
                })
                .last();
            // "le Portugal avait signé en 1985 son traité d'adhésion, dont
            // … le 23e anniversaire": what the sentence spoke of last is
            // another event, so none declared is counted from.
            if last_before.is_some_and(|&(tp, _, te)| {
                disowned.contains(&(tp, te)) || (possessive && indefinite.contains(&(tp, te)))
            }) {
                continue;
            }
            events.clear();
            events.extend(last_before.map(|&(_, _, te)| te));
            if events.is_empty() {
                // Not an event word whose own facts say it is another one
                // ("lors d'un vol d'entraînement" in 1968, then "Il venait
                // de fêter son 34e anniversaire").
                events.extend(
                    near_triggers(s)
                        .filter(|&&(tp, _, te)| {
                            !(disowned.contains(&(tp, te))
                                || possessive && indefinite.contains(&(tp, te)))
                        })
                        .map(|&(_, _, te)| te),
                );
            }
            if last_before.is_none() {
                events.extend((0..rules.events.len()).filter(|&e| score(e) > 0));
            }
            events.sort_unstable();
            events.dedup();
            counted = pick(&mut events, false, false, None);
        }
        let Some(event) = counted else { continue };
        // "Et le Titanic, dont on marquera en avril le 112e anniversaire du
        // naufrage": the anniversary of what "dont" stands for, a name
        // the rules do not declare.
        if of_undeclared_name(doc, index, pi) {
            continue;
        }
        // The year of the celebration: a date in the sentence that is not
        // the counted event's own; else another event the sentence (or the
        // one before) speaks of; else the publication year.
        let sentence = &doc.sentences[s];
        let first_date = doc.dates.partition_point(|d| d.span.start < sentence.start);
        let stated = doc.dates[first_date..]
            .iter()
            .take_while(|d| d.span.start < sentence.end)
            .find(|d| {
                // Near the anniversary, and not the start of something else
                // ("depuis l'attaque du 7 octobre 2023").
                let at = doc.pieces.partition_point(|p| p.end <= d.span.start);
                d.value
                    .is_some_and(|v| !v.overlaps(&rules.events[event].date.expect("has a date")))
                    && d.form != DateForm::Bound
                    && at.abs_diff(pi) <= super::MAX_DISTANCE
                    && !(at > 0 && doc.folded.get(at - 1) == "depuis")
            });
        let year = if let Some(d) = stated {
            d.value.map(|v| {
                // "En septembre, la France célébrera le 30e anniversaire"
                // in February: the September to come, not the last one.
                let to_come = d.form == DateForm::Partial
                    && doc.publication.is_some_and(|p| v.first < p)
                    && future_in(doc, sentence.clone());
                (
                    chrono::Datelike::year(&v.first) + i32::from(to_come),
                    YearSource::Stated(d.span, d.text.clone()),
                )
            })
        } else if let Some(&(_, _, other)) = near_triggers(s).find(|&&(tp, _, te)| {
            // Only a later event can be the celebration: "les accords,
            // signés au terme de onze jours de négociations" is not; nor
            // one counted from itself ("Ce 30e anniversaire des accords
            // d'Oslo tombe quatre jours avant le 45e …").
            te != event
                && !super::attachment::commemorated(doc, tp)
                && rules.events[te].date.is_some_and(|d| {
                    rules.events[event].date.is_some_and(|origin| {
                        chrono::Datelike::year(&d.first) > chrono::Datelike::year(&origin.last)
                    })
                })
        }) {
            rules.events[other]
                .date
                .map(|d| (chrono::Datelike::year(&d.first), YearSource::Event(other)))
        } else {
            doc.publication
                .map(|d| (chrono::Datelike::year(&d), YearSource::Publication))
        };
        let (start, end) = (window[0].start, window[1].end);
        out.push(AnniversaryMention {
            span: doc.lines.span(doc.text, start, end),
            text: doc.text[start..end].to_string(),
            ordinal,
            event,
            year,
        });
    }
    out
}

/// Whether the sentence `range` has a verb in the future tense
/// ("célébrera", "marquera", "se tiendra", "sera").
fn future_in(doc: &Document, range: std::ops::Range<usize>) -> bool {
    let from = doc.pieces.partition_point(|p| p.start < range.start);
    let to = doc.pieces.partition_point(|p| p.start < range.end);
    (from..to).any(|k| {
        let w = doc.folded.get(k);
        w.len() > 4
            && ["era", "eront", "ira", "iront", "dra", "dront"]
                .iter()
                .any(|e| w.ends_with(e))
            || matches!(
                w,
                "sera" | "seront" | "aura" | "auront" | "fera" | "feront" | "verra" | "pourra"
            )
    })
}

/// Whether sentence `s` opens on a common noun no event has as a word
/// ("Le collège, qui célébrera l'an prochain son 50e anniversaire"): "son"
/// is that thing's, whose founding the rules do not declare.
/// In a relative clause ("le traité de l'Élysée, qui fête ce mardi son
/// 55e anniversaire"), the antecedent of "qui" is that subject.
fn subject_undeclared(doc: &Document, index: &EventIndex, s: usize, at: usize) -> bool {
    let start = doc.sentences[s].start;
    let first = doc.pieces.partition_point(|p| p.start < start);
    let undeclared_noun = |k: usize| {
        let mut events = Vec::new();
        index.triggered_by(doc.folded.get(k), &mut events);
        events.is_empty() && doc.text[doc.pieces[k].start..].starts_with(char::is_lowercase)
    };
    let gap_has_comma =
        |k: usize| k > 0 && doc.text[doc.pieces[k - 1].end..doc.pieces[k].start].contains(',');
    if let Some(qui) = (first..at).rev().find(|&k| doc.folded.get(k) == "qui") {
        // "Le Cyclo-club des Trois Fontaines, qui fête cette année son
        // 90e anniversaire": a subject that names no declared entity nor
        // any event word.
        let mut subject = qui.saturating_sub(1).max(first);
        while subject > first && !gap_has_comma(subject) {
            subject -= 1;
        }
        let unnamed = || {
            let (from, to) = (doc.pieces[subject].start, doc.pieces[qui].start);
            let end = doc.sentences[s].end;
            let mut events = Vec::new();
            matches!(doc.folded.get(subject), "le" | "la" | "l" | "les")
                && (subject..qui).all(|k| {
                    index.triggered_by(doc.folded.get(k), &mut events);
                    events.is_empty() && index.names_at(doc, k, end).next().is_none()
                })
                && doc.names[doc.names.partition_point(|n| n.span.start < from)..]
                    .first()
                    .is_none_or(|n| n.span.start >= to)
        };
        return qui > first && (undeclared_noun(qui - 1) || unnamed());
    }
    let mut first = first;
    if let Some(que) = (first..at)
        .rev()
        .find(|&k| matches!(doc.folded.get(k), "que" | "qu"))
    {
        // "Elle rappelle que la communauté de communes, créée en 1996,
        // fêtera son 30e anniversaire": the subject of the clause.
        first = que + 1;
    } else if doc.text[doc.pieces[first].start..].starts_with(char::is_uppercase)
        && (is_participle(doc.folded.get(first))
            || matches!(doc.folded.get(first), "ne" | "nee" | "nes" | "nees"))
        && let Some(comma) = (first + 1..at).find(|&k| gap_has_comma(k))
    {
        // "Né à La Rochelle, le spationaute fêtera son 84e anniversaire":
        // past the participle that opens the sentence.
        first = comma;
    }
    if !(first + 1 < at
        && matches!(doc.folded.get(first), "le" | "la" | "l" | "les")
        && undeclared_noun(first + 1))
    {
        return false;
    }
    // "Le traité de Lisbonne fête ce mardi son 16e anniversaire": a
    // declared name in the subject says whose anniversary it is.
    let end = (first + 2..at)
        .find(|&k| gap_has_comma(k) || doc.pieces[k].sep == Sep::Other)
        .unwrap_or(at);
    let (from, to) = (doc.pieces[first].start, doc.pieces[end - 1].end);
    let named = doc.names.partition_point(|n| n.span.start < from);
    doc.names.get(named).is_none_or(|n| n.span.end > to)
}

/// Whether the anniversary at piece `at` is in a clause opened by
/// "dont" whose antecedent is a capitalized word no declared name covers.
fn of_undeclared_name(doc: &Document, index: &EventIndex, at: usize) -> bool {
    let Some(s) = sentence_of(doc.sentences, doc.pieces[at].start) else {
        return false;
    };
    let start = doc.sentences[s].start;
    let Some(dont) = (at.saturating_sub(8)..at)
        .rev()
        .take_while(|&k| doc.pieces[k].start >= start)
        .find(|&k| doc.folded.get(k) == "dont")
    else {
        return false;
    };
    let Some(antecedent) = dont.checked_sub(1) else {
        return false;
    };
    let p = doc.pieces[antecedent];
    // "l'accord du Vendredi saint, dont le 28e anniversaire": the end of
    // an event's declared name.
    let end = doc.sentences[s].end;
    let event_name = (antecedent.saturating_sub(6)..=antecedent).any(|k| {
        index
            .names_at(doc, k, end)
            .any(|(_, _, len)| k + len > antecedent)
    });
    p.start >= start
        && !event_name
        && doc.text[p.start..p.end].starts_with(char::is_uppercase)
        && !doc
            .names
            .iter()
            .any(|n| n.span.start <= p.start && p.end <= n.span.end)
}

/// "80e", "80ème", "1er", "100eme" → the number.
fn parse_ordinal(word: &str) -> Option<i32> {
    let n = word.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 {
        return None;
    }
    let (digits, suffix) = word.split_at(n);
    if digits.is_empty() || !matches!(suffix, "e" | "ème" | "eme" | "er" | "ᵉ") {
        return None;
    }
    digits.parse().ok()
}

/// Whether "son/sa/leur" at piece `at` is a person's: a person or a title
/// before it in its sentence ("Le chancelier, qui fêtera en juin son 65e
/// anniversaire") makes it a birthday, not an event's anniversary.
fn birthday(doc: &Document, gazetteer: &Gazetteer, at: usize) -> bool {
    let start = doc.pieces[at].start;
    let Some(s) = sentence_of(doc.sentences, start) else {
        return false;
    };
    let from = doc.sentences[s].start;
    let person_named = doc.names.iter().any(|n| {
        n.span.start >= from
            && n.span.end <= start
            && gazetteer.is_person(gazetteer.forms[n.form].entity)
    }) || doc
        .people
        .iter()
        .any(|p| p.span.start >= from && p.span.end <= start);
    person_named
        || (0..at)
            .rev()
            .take_while(|&k| doc.pieces[k].start >= from)
            .any(|k| super::parties::PARTY_TITLES.contains(&doc.folded.get(k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(parse_ordinal("80e"), Some(80));
        assert_eq!(parse_ordinal("1er"), Some(1));
        assert_eq!(parse_ordinal("80ème"), Some(80));
        assert_eq!(parse_ordinal("80"), None);
        assert_eq!(parse_ordinal("e"), None);
    }
}

//! Which event word of a sentence a date, a place, a party or a figure
//! belongs to, read from the words around it: another act's verb ("a
//! annoncé mardi", "décerné en octobre"), a party in the event's frame ("signé par X
//! et Y", "X et Y ont signé"), a quantity that is not the event's ("72 voix
//! contre"). Places have their own module, [`super::places`].

use super::{Document, EventIndex};
use crate::extract::dates::{Anchor, DateMention, DateSpan, Granularity};
use crate::extract::names::NameMention;
use crate::extract::pieces::{Sep, is_lowercase};

/// The value of a date attached to `event`. A day written without its
/// year ("Le 24 mars, l'incendie…" in a piece of 2021 on 1999) takes its
/// year from the publication, but the writer wrote only the day: when the
/// day and month are the reference's, the event's year is the one meant.
pub(super) fn year_of_the_reference(
    d: &DateMention,
    value: DateSpan,
    index: &EventIndex,
    event: usize,
) -> DateSpan {
    match index.references.get(event).and_then(|r| r.date) {
        Some(reference) if year_inferred(d) => on_the_reference_day(value, reference),
        _ => value,
    }
}

/// Whether the date was written with a day and month but no year, the
/// year read from the publication, the dateline or an earlier date.
pub(super) fn year_inferred(d: &DateMention) -> bool {
    d.partial.year.is_none()
        && d.partial.month.is_some()
        && d.partial.day.is_some()
        && matches!(
            d.anchor,
            Anchor::Publication | Anchor::Dateline | Anchor::EarlierDate
        )
}

/// A day whose year was inferred, read as `reference` when its day and
/// month are the reference's.
pub(super) fn on_the_reference_day(value: DateSpan, reference: DateSpan) -> DateSpan {
    use chrono::Datelike;
    let on_the_day = value.granularity == Granularity::Day
        && reference.granularity == Granularity::Day
        && value.first == value.last
        && reference.first.month() == value.first.month()
        && reference.first.day() == value.first.day();
    if on_the_day {
        DateSpan {
            first: reference.first,
            last: reference.first,
            granularity: Granularity::Day,
        }
    } else {
        value
    }
}

/// Whether the event word at `pi` is dated from the sentence's own time
/// ("le 8 avril 1962, les électeurs approuvaient les accords signés trois
/// semaines plus tôt"): the sentence's date before it is then not the
/// event's; one after it ("quatre jours plus tôt, le 16 juillet") is.
pub(super) fn dated_from_the_sentence(doc: &Document, pi: usize) -> bool {
    let end = (pi + 7).min(doc.pieces.len());
    (pi + 1..end)
        .take_while(|&k| {
            let gap = &doc.text[doc.pieces[k - 1].end..doc.pieces[k].start];
            !gap.contains(['.', ';', '!', '?', '\n'])
        })
        .any(|k| match doc.folded.get(k) {
            "plus" => matches!(doc.folded.get(k + 1), "tot" | "tard"),
            "auparavant" | "veille" | "avant-veille" => true,
            _ => false,
        })
}

/// Whether the event word at piece `pi` is the one an anniversary counts
/// from ("80e anniversaire de la victoire"): the sentence's date is the
/// celebration's, not the event's.
pub(super) fn commemorated(doc: &Document, pi: usize) -> bool {
    counted_from(doc, pi, false)
}

/// Whether the event word at piece `pi` is a point another time is
/// measured from, not celebrated: "Huit ans après l'accord de
/// Hillsborough", "au lendemain du sommet". What the sentence then reports
/// is something else.
pub(super) fn measured_from(doc: &Document, pi: usize) -> bool {
    counted_from(doc, pi, true)
}

fn counted_from(doc: &Document, pi: usize, measure_only: bool) -> bool {
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
        .any(|k| {
            // Joined without punctuation: in "pour le 50e anniversaire, la
            // déclaration de Berlin avait été signée", the declaration is
            // not what is counted from.
            let joined = || {
                doc.pieces[k + 1..=pi]
                    .iter()
                    .all(|p| matches!(p.sep, Sep::Space | Sep::Apostrophe | Sep::Hyphen))
            };
            match doc.folded.get(k) {
                "anniversaire" => !measure_only && pi - k <= 4 && joined(),
                "apres" | "avant" => pi - k <= 4 && joined(),
                // "À la suite de cette visite, Poutine se rendra…"
                "suite" => {
                    pi - k <= 4
                        && matches!(doc.folded.get(k + 1), "de" | "du" | "des" | "d" | "a")
                        && joined()
                }
                // "les 80 ans du Débarquement", "35 ans de la chute du Mur".
                "ans" => {
                    !measure_only
                        && pi - k <= 3
                        && k > 0
                        && doc.folded.get(k - 1).bytes().all(|b| b.is_ascii_digit())
                        && matches!(doc.folded.get(k + 1), "du" | "de" | "des" | "d")
                        && joined()
                }
                // "L'Allemagne célèbre ce samedi 9 novembre la chute du Mur".
                "celebre" | "celebrent" | "commemore" | "commemorent" | "fete" | "fetent" => {
                    !measure_only && joined()
                }
                "lendemain" | "veille" => true,
                _ => false,
            }
        })
}

/// Whether the date at piece `at` completes the event word at piece `pi`:
/// "le séisme du 6 février", "le séisme qui a frappé dimanche".
pub(super) fn joined_to_event_word(doc: &Document, pi: usize, at: usize) -> bool {
    let of = |k: usize| matches!(doc.folded.get(k), "du" | "de" | "d");
    // "les inondations meurtrières du 3 octobre 2015": an adjective
    // between.
    let adjective = |k: usize| {
        let w = doc.folded.get(k);
        is_lowercase(&doc.text[doc.pieces[k].start..doc.pieces[k].end])
            && w.len() > 3
            && !is_article(w)
            && !is_auxiliary(w)
            && doc.pieces[k].sep == Sep::Space
    };
    // "du référendum nord-irlandais de samedi": a hyphenated adjective.
    let compound = pi + 3 < doc.pieces.len()
        && adjective(pi + 1)
        && doc.pieces[pi + 2].sep == Sep::Hyphen
        && is_lowercase(&doc.text[doc.pieces[pi + 2].start..doc.pieces[pi + 2].end]);
    // "la finale de 1999": the date's own "de".
    (compound && ((at == pi + 4 && of(pi + 3)) || (at == pi + 3 && of(at))))
        || (at == pi + 1 && of(at))
        || (at == pi + 2 && of(pi + 1))
        || (at == pi + 2 && of(at) && adjective(pi + 1))
        || (at == pi + 3 && of(pi + 2) && adjective(pi + 1))
        // "le tremblement de terre du 17 août 1999"
        || (at == pi + 4 && doc.folded.get(pi + 1) == "de" && of(pi + 3))
        || (at > pi + 1
            && at - pi <= 6
            && doc.folded.get(pi + 1) == "qui"
            // "le traité de l'Élysée, qui fête ce mardi son 55e
            // anniversaire": the celebration's day.
            && !matches!(
                doc.folded.get(pi + 2),
                "fete" | "fetera" | "celebre" | "celebrera" | "commemore" | "marque" | "marquera"
            ))
}

/// Whether the place at piece `at` completes the event word at `pi`
/// directly, through a locative and at most its own date: "après la
/// signature au Quai d'Orsay", "après le déraillement du 6 juillet 2013 à
/// Nantes".
pub(super) fn place_joined_to_event_word(doc: &Document, pi: usize, at: usize) -> bool {
    // "le 5e anniversaire de l'effondrement de Mirepoix-sur-Tarn"
    if at == pi + 2 && matches!(doc.folded.get(pi + 1), "de" | "d" | "du") {
        return true;
    }
    at > pi + 1
        && at - pi <= 8
        && matches!(doc.folded.get(at - 1), "a" | "au" | "aux" | "en" | "dans")
        && (pi + 1..at - 1).all(|k| {
            let w = doc.folded.get(k);
            matches!(w, "du" | "de" | "d" | "le" | "la" | "l" | "1er")
                || w.starts_with(|c: char| c.is_ascii_digit())
                || crate::extract::dates::is_month_name(w)
        })
        && !doc.text[doc.pieces[pi].end..doc.pieces[at].start].contains([',', ';', '(', ')'])
}

/// Whether the date at piece `at` follows the participle of a verb that is
/// no event's word — in a compound past ("Le président a décrété mardi
/// l'état d'urgence", "avait annoncé lundi") or after a comma ("la région
/// de Koursk, perdue l'an dernier"): it dates that act. Returns the
/// participle's piece, so that an event word just before it (the verb's
/// subject: "le séisme a frappé lundi", "le sommet de Genève, organisé
/// le…") can keep the date.
pub(super) fn participle_before(doc: &Document, at: usize, index: &EventIndex) -> Option<usize> {
    // "a décrété mardi", "a décrété le 7 février"
    let verb = at.checked_sub(if at >= 1 && doc.folded.get(at - 1) == "le" {
        2
    } else {
        1
    })?;
    // "huit finales disputées. Le 31 mai 2024": not across sentences.
    if doc.text[doc.pieces[verb].end..doc.pieces[at].start].contains(['.', '!', '?', '\n', ';']) {
        return None;
    }
    let aux = verb.checked_sub(1)?;
    let word = doc.folded.get(verb);
    let written = &doc.text[doc.pieces[verb].start..doc.pieces[verb].end];
    let compound = (is_participle(word)
        || matches!(
            word,
            "dit" | "fait" | "pris" | "mis" | "remis" | "promis" | "ecrit"
        ))
        && matches!(
            doc.folded.get(aux),
            "a" | "ont" | "avait" | "avaient" | "aura" | "auront" | "eu"
        )
        && &doc.text[doc.pieces[aux].start..doc.pieces[aux].end] != "à";
    // After a comma, only a word with a participle's ending: "perdue",
    // "organisé", not "même" or "dernière".
    let after_comma = doc.text[doc.pieces[aux].end..doc.pieces[verb].start].contains(',')
        && written.chars().count() > 3
        && [
            "é", "ée", "és", "ées", "u", "ue", "us", "ues", "ert", "erte", "erts", "ertes", "uit",
            "uite", "uits", "uites", "ise", "ises",
        ]
        .iter()
        .any(|e| written.ends_with(e));
    // Right after the noun it qualifies: "L'information judiciaire
    // ouverte en juin 2019", "la plainte déposée le 8 octobre".
    let after_noun = doc.pieces[verb].sep == Sep::Space
        && written.chars().count() > 3
        && [
            "é", "ée", "és", "ées", "erte", "ertes", "ise", "ises", "uite", "uites",
        ]
        .iter()
        .any(|e| written.ends_with(e))
        && doc.text[doc.pieces[aux].start..].starts_with(char::is_lowercase)
        && !matches!(
            doc.folded.get(aux),
            "a" | "ont"
                | "avait"
                | "avaient"
                | "aura"
                | "auront"
                | "eu"
                | "est"
                | "sont"
                | "etait"
                | "etaient"
                | "ete"
                | "sera"
                | "seront"
                | "s"
                | "se"
                | "ne"
                | "n"
                | "y"
                | "en"
                | "le"
                | "la"
                | "les"
                | "l"
                | "qui"
                | "que"
                | "bien"
                | "deja"
                | "tres"
                | "plus"
                | "moins"
        );
    let mut events = Vec::new();
    ((compound || after_comma || after_noun) && {
        index.triggered_by(word, &mut events);
        events.is_empty()
    })
    .then_some(verb)
}

/// Whether the event word at piece `pi` names another occurrence of its
/// kind: "un nouveau sommet", "le prochain traité", "le précédent plan";
/// a bill "adopté en Conseil des ministres" or "en commission" is a step
/// before the vote in the chamber.
pub(super) fn another_occurrence(doc: &Document, pi: usize) -> bool {
    let after = |k: usize| doc.word(pi + k);
    // "lors du vote de principe", "approuvé sur le principe".
    let earlier_stage = after(1) == "en"
        && (after(2) == "commission" || (after(2) == "conseil" && after(4) == "ministres"))
        || (after(1) == "de" && after(2) == "principe")
        || (after(1) == "sur" && after(2) == "le" && after(3) == "principe");
    // "un Airbus de la compagnie Yemenia s'abîmait à son tour": one more
    // of the kind, after the one the text spoke of.
    let in_turn = |k: usize| {
        doc.word(k) == "a" && matches!(doc.word(k + 1), "son" | "leur") && doc.word(k + 2) == "tour"
    };
    let in_turn = in_turn(pi + 1) || (pi >= 3 && in_turn(pi - 3));
    // "il gagnera encore le Tour en 1990", "a encore signé": once more,
    // not "pas encore" (not yet).
    let again = after(1) == "encore"
        || (pi >= 2 && doc.folded.get(pi - 1) == "encore" && doc.folded.get(pi - 2) != "pas");
    earlier_stage
        || in_turn
        || again
        || pi > 0
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

/// Whether the date at piece `at` dates an earlier stage of the act:
/// "déjà approuvé sur le principe le jeudi 12 décembre 2024", "adopté en
/// commission le 3 mars", "voté en première lecture le 5 mai".
pub(super) fn earlier_stage_date(doc: &Document, at: usize) -> bool {
    (at.saturating_sub(4)..at).any(|k| match doc.folded.get(k) {
        "principe" => k >= 1 && matches!(doc.folded.get(k - 1), "le" | "de"),
        "commission" => k >= 1 && doc.folded.get(k - 1) == "en",
        "lecture" => k >= 1 && matches!(doc.folded.get(k - 1), "premiere" | "deuxieme" | "seconde"),
        _ => false,
    })
}

/// Whether a word between an event word and a fact hands the fact to
/// another event: "le traité de 2024 … remplace celui de 1961".
pub(super) fn changes_subject(doc: &Document, from: usize, to: usize) -> bool {
    let (a, b) = if from < to { (from, to) } else { (to, from) };
    // "l'autre finale, celle du 18 décembre 2022": in apposition to the
    // event word, the same one.
    let pronoun = (a + 1..b).any(|k| {
        matches!(doc.folded.get(k), "celui" | "celle" | "ceux" | "celles")
            && !(k == a + 1 && doc.text[doc.pieces[a].end..doc.pieces[k].start].trim() == ",")
    });
    // "prévoyait la restitution de la péninsule à l'Égypte et ouvrait la
    // voie au traité": a fact before "et" and a verb of its own belongs to
    // the first predicate, not to the event word the second governs.
    let coordinated =
        to < from && (a + 1..b).any(|k| doc.folded.get(k) == "et" && finite_verb(doc, k + 1));
    pronoun || coordinated
}

/// Whether piece `k` is a finite verb a coordinated predicate opens on:
/// an imperfect ("ouvrait", "prévoyaient") or an auxiliary ("a", "ont",
/// "avait", "fut").
fn finite_verb(doc: &Document, k: usize) -> bool {
    if k >= doc.pieces.len() {
        return false;
    }
    let written = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
    imperfect(doc, k)
        || matches!(
            written,
            "a" | "ont" | "avait" | "avaient" | "fut" | "furent" | "eut" | "eurent"
        )
}

/// Whether piece `k` is a verb in the imperfect ("prévoyait", "portaient").
pub(super) fn imperfect(doc: &Document, k: usize) -> bool {
    let w = doc.folded.get(k);
    w.len() > 4
        && (w.ends_with("ait") || w.ends_with("aient"))
        && is_lowercase(&doc.text[doc.pieces[k].start..doc.pieces[k].end])
}

/// The pieces of the time phrase a date at piece `at` stands in
/// apposition to ("dès le prologue de Luxembourg, le 1er juillet",
/// "depuis l'étape d'Aix, le 12 juillet"): the date is that phrase's.
pub(super) fn apposed_to_time_phrase(doc: &Document, at: usize) -> Option<std::ops::Range<usize>> {
    let date = if at >= 1 && doc.folded.get(at - 1) == "le" {
        at - 1
    } else {
        at
    };
    if date == 0 || !doc.text[doc.pieces[date - 1].end..doc.pieces[date].start].contains(',') {
        return None;
    }
    let mut k = date - 1;
    while k > 0 && date - k < 7 {
        if doc.text[doc.pieces[k - 1].end..doc.pieces[k].start].contains([',', ';', ':', '.', '('])
        {
            return None;
        }
        let w = doc.folded.get(k - 1);
        let lors = w == "de" && k >= 2 && doc.folded.get(k - 2) == "lors";
        if matches!(w, "des" | "depuis" | "avant" | "apres") || lors {
            // "dès" folds to "des": only before an article.
            let opens = matches!(doc.folded.get(k), "le" | "la" | "l" | "les" | "son" | "sa");
            return opens.then_some(k..date);
        }
        k -= 1;
    }
    None
}

/// Whether the date at piece `at` is said to lie ahead ("la rencontre
/// prévue jeudi", "Emmanuel Macron est attendu jeudi") but was resolved to
/// the past from the publication date: it is read wrongly, so it is not
/// stated.
pub(super) fn planned_and_past(doc: &Document, at: usize, d: &DateMention) -> bool {
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
pub(super) fn complement_of_another_noun(doc: &Document, pi: usize) -> bool {
    complemented_noun(doc, pi).is_some()
}

/// The piece of the noun the event word at piece `pi` completes ("la zone
/// du séisme", "l'entrée en application des accords"), if any.
pub(super) fn complemented_noun(doc: &Document, pi: usize) -> Option<usize> {
    let mut k = pi;
    // Back over "de la", "de l'", "du", "des", "d'".
    while k > 0 && matches!(doc.folded.get(k - 1), "la" | "l" | "le" | "les") {
        k -= 1;
    }
    if k == 0 || !matches!(doc.folded.get(k - 1), "de" | "du" | "des" | "d") {
        return None;
    }
    let h = k.checked_sub(2)?;
    let w = doc.folded.get(h);
    let text = &doc.text[doc.pieces[h].start..doc.pieces[h].end];
    (is_lowercase(text) && w.len() > 3 && !matches!(w, "anniversaire" | "lendemain" | "veille"))
        .then_some(h)
}

/// Whether the date at piece `at` dates a milestone another noun names:
/// "prévoyait une ouverture en 2029", "une mise en service prévue le 3
/// mars", "la livraison attendue pour 2027".
pub(super) fn dates_a_milestone(doc: &Document, at: usize, index: &EventIndex) -> bool {
    let mut k = at;
    // Back over "prévue", "attendue", "pour" to the noun.
    while k > 0 && at - k < 4 {
        k -= 1;
        let w = doc.folded.get(k);
        if matches!(
            w,
            "prevu"
                | "prevue"
                | "prevus"
                | "prevues"
                | "attendu"
                | "attendue"
                | "pour"
                | "fixe"
                | "fixee"
                | "en"
                | "le"
                | "au"
        ) {
            continue;
        }
        let milestone = matches!(
            w,
            "ouverture"
                | "reouverture"
                | "livraison"
                | "achevement"
                | "service"
                | "demarrage"
                | "echeance"
                | "completion"
                | "mise"
        );
        let mut events = Vec::new();
        index.triggered_by(w, &mut events);
        return milestone && events.is_empty();
    }
    false
}

/// Whether the date at piece `at` is introduced by the verb of another
/// action than the event: "a annoncé mardi", "chiffres communiqués mardi",
/// "déposée le 8 octobre", "annulé en 1996" — unless that verb is one of
/// the event words ("adopté le 12 mars" for a vote declared with
/// "adopt*").
pub(super) fn another_action_before(doc: &Document, at: usize, index: &EventIndex) -> bool {
    let mut events = Vec::new();
    (at.saturating_sub(3)..at)
        .rev()
        .take_while(|&k| {
            !doc.text[doc.pieces[k].end..doc.pieces[at].start].contains(['.', '!', '?', '\n', ';'])
        })
        .any(|k| {
            let word = doc.folded.get(k);
            // "Réuni le 29 septembre, le conseil a adopté le plan": the
            // meeting that opens the sentence is where its act took place.
            let meeting = word.starts_with("reuni")
                && crate::extract::dates::sentence_start(doc.text, doc.pieces[k].start);
            // "Ce vote, qui fêtera en septembre son 42e anniversaire": the
            // celebration's date.
            let celebration = matches!(
                word,
                "fete"
                    | "fetera"
                    | "feteront"
                    | "fetent"
                    | "celebrera"
                    | "celebreront"
                    | "commemorera"
                    | "commemoreront"
                    | "marquera"
                    | "marqueront"
            );
            // "Saint-Aurèle ouvrira en janvier une micro-crèche": the
            // opening; "la conférence s'ouvre le 20 mai" is the event's.
            let opening = matches!(
                word,
                "ouvre" | "ouvrent" | "ouvrira" | "ouvriront" | "rouvre" | "rouvrira"
            ) && !(k >= 1 && matches!(doc.folded.get(k - 1), "s" | "se"));
            (is_speech_verb(word) || is_other_action(word) || celebration || opening)
                && !meeting
                && {
                    index.triggered_by(word, &mut events);
                    events.is_empty()
                }
        })
}

/// The entity named in the complement of the event word at piece `pi`:
/// "le vote (favorable) du Sénat", "le sommet de Vostotchny".
pub(super) fn complement_entity(
    doc: &Document,
    pi: usize,
    entity_of: &impl Fn(&NameMention) -> usize,
) -> Option<usize> {
    // "qui a décollé vendredi de Baïkonour": a verb's "de" says where
    // from, it does not name the event as a noun's does.
    if pi > 0 {
        let before = doc.folded.get(pi - 1);
        let written = &doc.text[doc.pieces[pi - 1].start..doc.pieces[pi - 1].end];
        if (is_auxiliary(before) && written != "à") || matches!(before, "s" | "se") {
            return None;
        }
    }
    let k = (pi + 1..(pi + 3).min(doc.pieces.len()))
        .find(|&k| matches!(doc.folded.get(k), "de" | "du" | "des" | "d"))?;
    entity_after_articles(doc, k + 1, entity_of)
}

/// The entity of the name at piece `from`, past two articles at most
/// ("de la Turquie", "par l'Assemblée nationale").
fn entity_after_articles(
    doc: &Document,
    from: usize,
    entity_of: &impl Fn(&NameMention) -> usize,
) -> Option<usize> {
    let mut n = from;
    while n < doc.pieces.len()
        && n < from + 2
        && matches!(doc.folded.get(n), "la" | "le" | "l" | "les")
    {
        n += 1;
    }
    name_starting_at(doc, n).map(entity_of)
}

/// The index in `doc.names` of the name that starts at piece `k`.
pub(super) fn name_index_at(doc: &Document, k: usize) -> Option<usize> {
    let start = doc.pieces.get(k)?.start;
    let at = doc.names.partition_point(|m| m.span.start < start);
    doc.names
        .get(at)
        .is_some_and(|m| m.span.start == start)
        .then_some(at)
}

fn name_starting_at<'a>(doc: &'a Document, k: usize) -> Option<&'a NameMention> {
    name_index_at(doc, k).map(|i| &doc.names[i])
}

/// Whether the date at piece `at` is a point something else is measured
/// from: "avant la date du 8 mars", "à quatre jours du 8 mars", "à la
/// veille du 15 août".
pub(super) fn reference_point_date(doc: &Document, at: usize) -> bool {
    if at >= 2
        && matches!(doc.folded.get(at - 1), "du" | "de")
        && matches!(
            doc.folded.get(at - 2),
            "jours"
                | "jour"
                | "semaines"
                | "semaine"
                | "heures"
                | "mois"
                | "veille"
                | "lendemain"
                | "surlendemain"
        )
    {
        return true;
    }
    // Back over "la date du", "le jour du" to "avant", "après", "jusqu'à".
    let mut k = at;
    while k > 0 && at - k < 5 {
        k -= 1;
        match doc.folded.get(k) {
            "avant" | "apres" | "jusqu" => return true,
            "la" | "le" | "l" | "date" | "jour" | "du" | "de" | "au" | "a" => {}
            _ => return false,
        }
    }
    false
}

/// Whether the date at piece `at` is introduced by the verb of another
/// declared event than `event`: "le scellement de la loi adoptée lundi 4
/// mars par le Parlement" dates the vote, not the sealing.
pub(super) fn verb_of_another_event(
    doc: &Document,
    at: usize,
    event: usize,
    index: &EventIndex,
) -> bool {
    let mut events = Vec::new();
    (at.saturating_sub(2)..at).any(|k| {
        let text = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
        // "entrera en vigueur le 1er janvier 2027" dates the entry into
        // force, whose event is not the vote's.
        let word = doc.folded.get(k);
        is_lowercase(text) && (is_participle(word) || word == "vigueur") && {
            index.triggered_by(doc.folded.get(k), &mut events);
            !events.is_empty() && !events.contains(&event)
        }
    })
}

/// Whether a folded word looks like a past participle of the first group
/// ("adoptée", "signés"): the verbs that date an act.
pub(super) fn is_participle(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    w.len() > 3 && w.ends_with('e')
}

/// Whether the date at piece `at` is introduced by a verb of `event` ("signé
/// le 25 mars", "signés en 1978").
pub(super) fn own_verb_before(doc: &Document, at: usize, event: usize, index: &EventIndex) -> bool {
    let mut events = Vec::new();
    (at.saturating_sub(2)..at).any(|k| {
        let text = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
        is_lowercase(text) && {
            index.triggered_by(doc.folded.get(k), &mut events);
            events.contains(&event)
        }
    })
}

/// Participles of verbs that date an act about an event, not the event:
/// its announcement, publication, filing, ratification, cancellation (in
/// any gender and number: "communiqués", "déposée").
pub(super) fn is_other_action(word: &str) -> bool {
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
        "decerne",
        "attribue",
        "remis",
        "acheve",
        "commence",
        "retrouve",
        "alourdi",
        "recueilli",
        "rassemble",
        "reuni",
    ];
    let masculine = word.strip_suffix('s').unwrap_or(word);
    let masculine = masculine
        .strip_suffix("ee")
        .map_or(masculine, |w| &masculine[..w.len() + 1]);
    PARTICIPLES.contains(&masculine)
        || PARTICIPLES.contains(&word)
        || word == "rappelle"
        // "est entré en vigueur en juillet 1987": the entry into force.
        || word == "vigueur"
}

pub(super) fn is_article(word: &str) -> bool {
    matches!(word, "le" | "la" | "les" | "l" | "de" | "du" | "des" | "d")
}

/// Whether a folded word is an auxiliary of a compound tense or a passive
/// ("a", "avait", "été", "est", "fut"…): what stands between an event's
/// noun and its participle.
pub(super) fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "a" | "ont"
            | "avait"
            | "avaient"
            | "ete"
            | "est"
            | "sont"
            | "etait"
            | "etaient"
            | "fut"
            | "furent"
    )
}

/// Participles of verbs of saying: a place after them is where someone
/// spoke.
pub(super) fn is_speech_verb(word: &str) -> bool {
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

/// Whether the place at piece `pi` follows an event word and "de": "le
/// sommet de Genève", "le traité de Moscou".
pub(super) fn after_event_word(doc: &Document, pi: usize, index: &EventIndex) -> bool {
    let mut events = Vec::new();
    // "Lancé depuis Cap Canaveral": where from is where it happened.
    pi >= 2
        && matches!(doc.folded.get(pi - 1), "de" | "d" | "du" | "depuis")
        && doc.pieces[pi].sep != Sep::Other
        && {
            index.triggered_by(doc.folded.get(pi - 2), &mut events);
            !events.is_empty()
        }
}

/// Whether the place at piece `pi` completes a venue that the event's word
/// or a locative introduces: "acquittés par le jury du palais de justice de
/// Lac-Mégantic", "au stade de Furiani": where the event was held.
pub(super) fn after_venue(doc: &Document, pi: usize, index: &EventIndex) -> bool {
    const VENUES: &[&str] = &[
        "palais",
        "tribunal",
        "cour",
        "stade",
        "mairie",
        "salle",
        "cathedrale",
        "eglise",
        "gare",
        "aeroport",
        "prefecture",
        "hotel",
    ];
    if pi < 3 || !matches!(doc.folded.get(pi - 1), "de" | "d" | "du") {
        return false;
    }
    let mut venue = pi - 2;
    // "palais de justice", "hôtel de ville", "cour d'appel": back over the
    // venue's own complement.
    if matches!(
        doc.folded.get(venue),
        "justice" | "ville" | "appel" | "assises"
    ) && matches!(doc.folded.get(venue - 1), "de" | "d")
        && venue >= 3
    {
        venue -= 2;
    }
    // "le tribunal correctionnel de Toulouse": one adjective between.
    if !VENUES.contains(&doc.folded.get(venue))
        && venue >= 2
        && VENUES.contains(&doc.folded.get(venue - 1))
        && is_lowercase(&doc.text[doc.pieces[venue].start..doc.pieces[venue].end])
        && doc.pieces[venue].sep == Sep::Space
    {
        venue -= 1;
    }
    if venue == 0 || !VENUES.contains(&doc.folded.get(venue)) {
        return false;
    }
    let mut events = Vec::new();
    match doc.folded.get(venue - 1) {
        "au" | "a" | "dans" | "en" | "devant" => true,
        "du" | "le" | "la" | "l"
            if venue >= 2 && {
                index.triggered_by(doc.folded.get(venue - 2), &mut events);
                !events.is_empty()
            } =>
        {
            true
        }
        // "le tribunal correctionnel de Toulouse a prononcé la relaxe":
        // the venue as the subject of a verb whose object is the event.
        "le" | "la" | "l" => {
            let mut k = pi + 1;
            while k < doc.pieces.len()
                && k <= pi + 3
                && doc.text[doc.pieces[k].start..].starts_with(char::is_uppercase)
            {
                k += 1;
            }
            is_auxiliary(doc.word(k))
                && &doc.text[doc.pieces[k].start..doc.pieces[k].end] != "à"
                && (k + 2..(k + 5).min(doc.pieces.len())).any(|j| {
                    index.triggered_by(doc.folded.get(j), &mut events);
                    !events.is_empty()
                        && !doc.text[doc.pieces[k].end..doc.pieces[j].start].contains([',', ';'])
                })
        }
        _ => false,
    }
}

/// Whether a clause boundary the sentence marks with punctuation stands
/// between pieces `a` and `b`: a semicolon joins two acts ("Le seuil a
/// été franchi le 5 octobre ; l'entrée en vigueur intervient trente jours
/// plus tard"), and what one clause states is not the other's event's.
pub(super) fn across_semicolon(doc: &Document, a: usize, b: usize) -> bool {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    (a + 1..=b).any(|k| doc.text[doc.pieces[k - 1].end..doc.pieces[k].start].contains(';'))
}

/// Whether the date at piece `at` lies in a relative clause whose
/// antecedent is not the event word at piece `pi` (nor its complement):
/// in "Krenz, qui avait remplacé Honecker le 18 octobre 1989, comptait sur
/// une ouverture", the date is the replacement's. "Le sommet de Genève,
/// où ils se sont rencontrés le 19 novembre" keeps its date; so does an
/// event word inside the clause.
pub(super) fn in_relative_clause_of_another(doc: &Document, at: usize, pi: usize) -> bool {
    let punct_before = |k: usize| {
        doc.text[doc.pieces[k - 1].end..doc.pieces[k].start]
            .contains([',', ';', ':', '(', ')', '—', '–', '.', '\n'])
    };
    // Back to the relative pronoun, within the clause.
    let mut k = at;
    let pronoun = loop {
        if k == 0 || at - k > 12 || punct_before(k) {
            return false;
        }
        k -= 1;
        if matches!(
            doc.folded.get(k),
            "qui" | "dont" | "ou" | "lequel" | "laquelle" | "lesquels" | "lesquelles"
        ) && (doc.folded.get(k) != "ou"
            || doc.text[doc.pieces[k].start..doc.pieces[k].end].ends_with('ù'))
        {
            break k;
        }
    };
    if pronoun == 0 {
        return false;
    }
    // The clause runs to the next punctuation.
    let end = (at + 1..doc.pieces.len())
        .find(|&j| punct_before(j))
        .unwrap_or(doc.pieces.len());
    if (pronoun..end).contains(&pi) {
        return false;
    }
    // "le pôle de santé qui doit ouvrir à Lanciac en 2028": what is yet
    // to happen to the antecedent, not the event it comes from.
    if doc.folded.get(pronoun) == "qui"
        && matches!(
            doc.folded.get(pronoun + 1),
            "doit"
                | "doivent"
                | "devra"
                | "devront"
                | "devrait"
                | "devraient"
                | "va"
                | "vont"
                | "pourra"
                | "pourront"
                | "pourrait"
                | "pourraient"
        )
    {
        return true;
    }
    let antecedent = pronoun - 1;
    !(pi <= antecedent && antecedent - pi <= 3)
}

/// Whether the event word at piece `pi` comes with an indefinite article,
/// an adjective at most between ("une cérémonie", "un nouveau sommet"
/// aside, "un puissant séisme"): the text brings in an occurrence of the
/// kind rather than going back to one it spoke of.
pub(super) fn introduced_as_new(doc: &Document, pi: usize) -> bool {
    let indefinite = |k: usize| matches!(doc.folded.get(k), "un" | "une");
    (pi >= 1 && indefinite(pi - 1))
        || (pi >= 2
            && indefinite(pi - 2)
            && doc.pieces[pi - 1].sep == Sep::Space
            && doc.text[doc.pieces[pi - 1].start..].starts_with(char::is_lowercase))
}

/// The entity named as the subject of the event word at piece `pi` when it
/// is a compound past: "Le Cléac'h l'avait emporté", "Roche a gagné".
pub(super) fn subject_entity(
    doc: &Document,
    pi: usize,
    entity_of: &impl Fn(&NameMention) -> usize,
) -> Option<usize> {
    if !is_lowercase(&doc.text[doc.pieces[pi].start..doc.pieces[pi].end]) {
        return None;
    }
    let mut k = pi.checked_sub(1)?;
    let written = |k: usize| &doc.text[doc.pieces[k].start..doc.pieces[k].end];
    if !(is_auxiliary(doc.folded.get(k)) && written(k) != "à") {
        return None;
    }
    while k > 0
        && (is_auxiliary(doc.folded.get(k))
            || matches!(doc.folded.get(k), "l" | "s" | "se" | "en" | "y"))
    {
        k -= 1;
    }
    let end = doc.pieces[k].end;
    let at = doc.names.partition_point(|n| n.span.end < end);
    doc.names
        .get(at)
        .filter(|n| n.span.end == end && doc.text[end..doc.pieces[k + 1].start].trim().is_empty())
        .map(entity_of)
}

/// The entity named as the agent of the event word at piece `pi` when it
/// is a participle: "(celle) adoptée par l'Assemblée nationale".
pub(super) fn agent_entity(
    doc: &Document,
    pi: usize,
    entity_of: &impl Fn(&NameMention) -> usize,
) -> Option<usize> {
    if !is_participle(doc.folded.get(pi)) || doc.folded.get(pi + 1) != "par" {
        return None;
    }
    entity_after_articles(doc, pi + 2, entity_of)
}

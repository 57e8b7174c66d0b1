//! Whether a place named in a sentence is where its event happened: after
//! "à", "en", "dans" or "sur la place …", not a relative position ("au sud
//! de"), not where another verb puts someone ("formé à Lyon"), and with
//! the other places joined to it ("en Turquie et en Syrie").

use super::Document;
use super::EventIndex;
use super::attachment::{is_article, is_participle, is_speech_verb, name_index_at};
use crate::extract::pieces::{Sep, is_lowercase};

/// Whether the place at piece `pi` is introduced as the location: "à
/// Pyongyang", "en Russie", "dans la région russe de l'Amour". The
/// preposition must lead to the place through lower-case words only,
/// without punctuation: in "En avril dernier, Moscou a annoncé", Moscou
/// is who speaks, not where.
pub(super) fn after_locative(doc: &Document, pi: usize) -> bool {
    let mut k = pi;
    while k > 0 && pi - k < 6 {
        if !matches!(doc.pieces[k].sep, Sep::Space | Sep::Apostrophe) {
            return false;
        }
        k -= 1;
        let word = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
        // "à", not the verb "a" ("Paris a averti Berlin"): folding makes
        // them one word.
        let locative = match doc.folded.get(k) {
            "a" => matches!(word, "à" | "À"),
            // "sur la commune d'Ighil", not "sur Kim Jong-un"
            "sur" => (k + 1..pi).any(|j| is_place_noun(doc.folded.get(j))),
            w => matches!(w, "en" | "au" | "aux" | "dans"),
        };
        // Lower-case words only, but for a preposition opening the
        // sentence ("À Lyon, le plan…").
        let opens_sentence = || {
            let before = &doc.text[..doc.pieces[k].start];
            let start = before.len().saturating_sub(8);
            let start = (start..=before.len())
                .find(|&i| before.is_char_boundary(i))
                .unwrap_or(before.len());
            let tail = before[start..].trim_end();
            tail.is_empty() && start == 0
                || tail.ends_with(['.', '!', '?', '\n', '»'])
                || before[start..].contains('\n')
        };
        if !(is_lowercase(word) || locative && opens_sentence()) {
            return false;
        }
        // "dans ce même monastère que le Portugal avait signé": a clause
        // starts between them.
        if matches!(word, "que" | "qu" | "qui" | "dont" | "où") {
            return false;
        }
        if locative {
            // "dans l'affaire des viols de Mazan": the words between must
            // lead to a place ("dans la région russe de l'Amour").
            let between = (k + 1..pi).map(|j| doc.folded.get(j));
            // "votés en mars par Lavernoux": another preposition, or a
            // month, between them.
            if between.clone().any(|w| {
                matches!(w, "par" | "pour" | "avec" | "contre" | "selon" | "sans")
                    || crate::extract::dates::is_month_name(w)
            }) {
                return false;
            }
            let leads_to_place = between.clone().all(is_article)
                || between.clone().any(is_place_noun)
                || !between
                    .clone()
                    .any(|w| matches!(w, "de" | "du" | "des" | "d"));
            // "a déclaré à Séoul que…": where the speaker is, not the event;
            // "non à Vladivostok", "de retour à Moscou": not where it was.
            // "en battant la Croatie": a gerund, not a place.
            let gerund =
                doc.folded.get(k) == "en" && k + 1 < pi && doc.folded.get(k + 1).ends_with("ant");
            return leads_to_place
                && !gerund
                && (k == 0
                    || !(is_speech_verb(doc.folded.get(k - 1))
                        || matches!(
                            doc.folded.get(k - 1),
                            // "la plupart à Marrakech": where the counted
                            // are; "face au Portugal": the opponent.
                            "non" | "pas" | "retour" | "jamais" | "plupart" | "face"
                        )
                        // "(13h20 à Paris)": the clock the time is read
                        // on, not where it happens ("présidera à 15 h 30 à
                        // Ouistreham" is).
                        || clock_time_in_parentheses(doc, k - 1)));
        }
    }
    false
}

/// Whether the place at piece `pi` (its name ending at piece `end`) is
/// the frame a sentence opens with, "Au Royaume-Uni même, Gordon Brown
/// avait signé …, à Lisbonne": a preposition opening the sentence and a
/// comma closing the phrase. Where the event's own clause names a place,
/// that one says where it happened.
pub(super) fn frames_the_sentence(
    doc: &Document,
    pi: usize,
    end: usize,
    sentence_start: usize,
) -> bool {
    if pi == 0 || !after_locative(doc, pi) {
        return false;
    }
    let opening = doc.text[sentence_start..doc.pieces[pi - 1].start]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '-' | '#' | '>'));
    if !opening.is_empty() {
        return false;
    }
    let mut k = end;
    if doc.word(k + 1) == "meme" && matches!(doc.pieces[k + 1].sep, Sep::Space) {
        k += 1;
    }
    doc.pieces
        .get(k + 1)
        .is_some_and(|next| doc.text[doc.pieces[k].end..next.start].trim() == ",")
}

/// Whether the place at piece `pi` ends a route after "à": "reliant Rio
/// de Janeiro à Paris", "de Moscou à Pékin": where the journey led, not
/// where the event happened. `is_place` tells the names of places ("le
/// Milan de Fabio Capello à l'Allianz Arena" is no route).
pub(super) fn route_end(
    doc: &Document,
    pi: usize,
    is_place: &dyn Fn(&super::NameMention) -> bool,
) -> bool {
    let k = match pi.checked_sub(1) {
        Some(k) if is_article(doc.folded.get(k)) => k.checked_sub(1),
        k => k,
    };
    let Some(k) = k.filter(|&k| k > 0 && &doc.text[doc.pieces[k].start..doc.pieces[k].end] == "à")
    else {
        return false;
    };
    let before = doc.pieces[k - 1];
    let at = doc.names.partition_point(|n| n.span.end < before.end);
    let Some(origin) = doc
        .names
        .get(at)
        .filter(|n| n.span.end == before.end && is_place(n))
    else {
        return false;
    };
    let first = doc.pieces.partition_point(|p| p.end <= origin.span.start);
    if first == 0 {
        return false;
    }
    match doc.folded.get(first - 1) {
        "depuis" | "reliant" | "relie" | "reliait" | "relient" | "relier" => true,
        // Not "au château de Stormont à Belfast": the building and its
        // town.
        "de" | "d" => {
            first < 2 || {
                let w = doc.folded.get(first - 2);
                !(is_place_noun(w) || matches!(w, "chateau" | "chateaux" | "stade" | "domaine"))
            }
        }
        _ => false,
    }
}

/// Whether the piece at `k` ends a time of day that opens a parenthesis:
/// "(13h20 à Paris)", "(9 h 30".
fn clock_time_in_parentheses(doc: &Document, k: usize) -> bool {
    let word = doc.folded.get(k);
    let hour = |w: &str| !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    let first = match word.split_once('h') {
        Some((h, m)) if hour(h) && (m.is_empty() || (m.len() == 2 && hour(m))) => k,
        None if hour(word)
            && k >= 2
            && doc.folded.get(k - 1) == "h"
            && hour(doc.folded.get(k - 2)) =>
        {
            k - 2
        }
        _ => return false,
    };
    let before = if first == 0 {
        &doc.text[..doc.pieces[first].start]
    } else {
        &doc.text[doc.pieces[first - 1].end..doc.pieces[first].start]
    };
    before.contains('(')
}

/// Whether the place at piece `pi` only locates something else: "au sud
/// de Marrakech", "près de Lyon", "au large de Toulon".
pub(super) fn relative_position(doc: &Document, pi: usize) -> bool {
    pi >= 2
        && matches!(doc.folded.get(pi - 1), "de" | "d" | "du")
        && matches!(
            doc.folded.get(pi - 2),
            "nord"
                | "sud"
                | "est"
                | "ouest"
                | "pres"
                | "proximite"
                | "environs"
                | "large"
                | "abords"
        )
}

/// Whether the place at piece `pi`, after its preposition, is where
/// another verb of the sentence puts someone or something: "la production
/// devant être transférée en Pologne", "ingénieur formé à Clermont-Ferrand".
pub(super) fn located_by_another_verb(doc: &Document, pi: usize, index: &EventIndex) -> bool {
    /// Verbs that say where the event itself took place.
    #[rustfmt::skip]
    const TAKES_PLACE: &[&str] = &[
        "deroul", "jou", "disput", "organis", "pass", "situ", "enregistr", "localis",
        // Where it struck: "le séisme a frappé au Liban".
        "frapp", "touch", "ravag", "secou", "devast", "balay", "frol", "endeuill",
    ];
    #[rustfmt::skip]
    const PARTICIPLES: &[&str] = &[
        "transfere", "delocalise", "deplace", "demenage", "installe", "forme", "ne", "eleve",
        "etudie", "scolarise", "mute", "exile", "refugie", "hospitalise", "evacue", "enterre",
        "inhume", "decede", "detenu", "emprisonne", "incarcere", "heberge", "replie", "parti",
        "envoye", "expedie", "exporte", "importe", "fabrique", "produit", "assemble",
        // Where the event is celebrated, not where it took place.
        "fete", "celebre", "commemore", "honore", "marque",
        // Where a shock was felt, not where it struck.
        "ressenti", "ressentie",
        // Where means are stationed for it.
        "prepositionne", "positionne", "stationne", "deploye", "mobilise",
    ];
    // Back over the places and their prepositions ("installé à Paris et
    // à Berlin"), then the verb.
    let participle = |k: usize| {
        let word = doc.folded.get(k);
        let masculine = word.strip_suffix('s').unwrap_or(word);
        let masculine = masculine
            .strip_suffix('e')
            .filter(|w| w.ends_with('e'))
            .unwrap_or(masculine);
        PARTICIPLES.contains(&masculine)
    };
    // "Ce drame … avait ravivé en France un débat": right after an
    // active compound past of a verb no event has, unless it says where
    // something took place ("a joué à"); a passive ("avait été signé à
    // Bonn", "s'est produit à") places what it happened to.
    if pi >= 3 {
        let verb = doc.folded.get(pi - 2);
        let mut events = Vec::new();
        index.triggered_by(verb, &mut events);
        if is_participle(verb)
            && matches!(
                doc.folded.get(pi - 3),
                "a" | "ont" | "avait" | "avaient" | "aura" | "auront"
            )
            && &doc.text[doc.pieces[pi - 3].start..doc.pieces[pi - 3].end] != "à"
            && events.is_empty()
            && !TAKES_PLACE.iter().any(|t| verb.starts_with(t))
        {
            return true;
        }
    }
    // "qui rentrait d'une mission au Brésil à bord du vol": the place
    // completes a noun that is no event's word, brought in by "un" or "une".
    let locative = (pi.saturating_sub(2)..pi)
        .rev()
        .find(|&k| matches!(doc.folded.get(k), "a" | "au" | "aux" | "en" | "dans"));
    // The locative right before the place, past its articles.
    let locative =
        locative.filter(|&k| k >= 2 && (k + 1..pi).all(|j| is_article(doc.folded.get(j))));
    if let Some(k) = locative {
        let noun = doc.folded.get(k - 1);
        let mut events = Vec::new();
        index.triggered_by(noun, &mut events);
        if matches!(doc.folded.get(k - 2), "un" | "une")
            && noun.len() > 2
            && is_lowercase(&doc.text[doc.pieces[k - 1].start..doc.pieces[k - 1].end])
            && events.is_empty()
        {
            return true;
        }
    }
    // "plusieurs naviguent encore dans l'Atlantique", "où il vit en
    // France": a verb whose subject is a pronoun, not the event.
    if let Some(k) = locative {
        let mut v = k - 1;
        if v > 1
            && matches!(
                doc.folded.get(v),
                "encore" | "toujours" | "aussi" | "desormais"
            )
        {
            v -= 1;
        }
        let verb = doc.folded.get(v);
        let written = &doc.text[doc.pieces[v].start..doc.pieces[v].end];
        let mut events = Vec::new();
        index.triggered_by(verb, &mut events);
        // "la conférence de presse qu'il tenait à Berlin-Ouest": the
        // relative's verb has the event for object, its place is the event's.
        let relative = v >= 2 && matches!(doc.folded.get(v - 2), "que" | "qu");
        if v >= 1
            && !relative
            && matches!(
                doc.folded.get(v - 1),
                "ils" | "elles" | "il" | "elle" | "on" | "plusieurs" | "certains" | "certaines"
            )
            && is_lowercase(written)
            && verb.len() > 3
            && !is_participle(verb)
            && events.is_empty()
        {
            return true;
        }
    }
    let mut k = pi;
    while k > 0 && pi - k < 10 {
        k -= 1;
        // "Né à Sail-sous-Couzan": capitalized at the sentence's start.
        if participle(k) {
            return true;
        }
        let word = &doc.text[doc.pieces[k].start..doc.pieces[k].end];
        let skipped = word.starts_with(char::is_uppercase)
            // "sera marqué demain à Mandelieu", "dans le port de Bastia"
            || matches!(doc.folded.get(k), "demain" | "hier" | "aujourd" | "hui" | "aussi" | "egalement" | "ensuite")
            || is_place_noun(doc.folded.get(k))
            || matches!(
                doc.folded.get(k),
                "a" | "en"
                    | "au"
                    | "aux"
                    | "dans"
                    | "et"
                    | "ou"
                    | "le"
                    | "la"
                    | "les"
                    | "l"
                    | "de"
                    | "du"
                    | "d"
            );
        if !skipped {
            break;
        }
    }
    participle(k)
}

/// Nouns that name a place or a part of one: "la région de", "la ville
/// de", "au sud de", "la cathédrale de".
pub(super) fn is_place_noun(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    matches!(
        w,
        "region"
            | "ville"
            | "province"
            | "departement"
            | "oblast"
            | "commune"
            | "capitale"
            | "archipel"
            | "ile"
            | "prefecture"
            | "cite"
            | "quartier"
            | "village"
            | "port"
            | "territoire"
            | "pays"
            | "zone"
            | "bassin"
            | "cote"
            | "vallee"
            | "rive"
            | "frontiere"
            | "nord"
            | "sud"
            | "est"
            | "ouest"
            | "centre"
            | "banlieue"
            | "environ"
            | "peripherie"
            | "large"
            | "coeur"
            | "palai"
            | "palais"
            | "hotel"
            | "mairie"
            | "salle"
            | "cathedrale"
            | "gare"
            | "aeroport"
            | "base"
            | "cosmodrome"
            | "siege"
            | "camp"
            | "enceinte"
            | "agglomeration"
            | "metropole"
            | "canton"
            | "etat"
            | "republique"
            | "peninsule"
            | "presqu"
            | "pointe"
            | "littoral"
            | "massif"
            | "plaine"
    )
}

/// The names joined by "et" or "ou" to the name at pieces `first..end`
/// ("dans le sud-est de la Turquie et en Syrie", "À Iskenderun et
/// Adiyaman"), with a preposition or article at most between: the other
/// places of an event that spans several. Each is given as an index into
/// `doc.names`.
pub(super) fn coordinated_names(doc: &Document, first: usize, end: usize) -> Vec<usize> {
    const JOINING: &[&str] = &[
        "et", "ou", "en", "a", "au", "aux", "dans", "de", "d", "du", "des", "la", "le", "les", "l",
    ];
    let joins = |k: usize| {
        JOINING.contains(&doc.folded.get(k))
            && matches!(doc.pieces[k].sep, Sep::Space | Sep::Apostrophe)
    };
    let mut out = Vec::new();
    // Backwards: the name that ends right before the joining words.
    let mut k = first;
    let mut coordinated = false;
    while k > 0 && first - k < 4 && joins(k - 1) {
        k -= 1;
        coordinated |= matches!(doc.folded.get(k), "et" | "ou");
    }
    if coordinated && k > 0 && k < first {
        let last = doc.pieces[k - 1];
        let at = doc.names.partition_point(|n| n.span.start <= last.start);
        if at > 0 && doc.names[at - 1].span.end == last.end {
            out.push(at - 1);
        }
    }
    // Forwards: the name that starts right after them.
    let mut k = end;
    let mut coordinated = false;
    while k < doc.pieces.len() && k - end < 4 && joins(k) {
        coordinated |= matches!(doc.folded.get(k), "et" | "ou");
        k += 1;
    }
    if coordinated && k > end {
        out.extend(name_index_at(doc, k));
    }
    out
}

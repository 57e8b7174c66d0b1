//! The incise that follows a quotation ("», a-t-il ajouté", "», conclut
//! une retraitée", "», a de son côté lancé M. Trump") read by its shape,
//! whatever its verb: a verb, then its subject. Lists of verbs are never
//! complete; the French incise's word order is.

use std::ops::Range;

use super::*;

/// How a noun phrase is determined: what decides whether it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Determiner {
    /// "le", "la", "l’", "les": refers back when someone was named.
    Definite,
    /// "ce", "cette", "ces": refers back too.
    Demonstrative,
    /// "un", "une", "des", "certains", "un autre": nobody in particular.
    Indefinite,
    /// "son", "sa", "leur": a relation of somebody, not a name.
    Possessive,
}

/// Nouns of time after "ce": "ce dimanche", "ce matin", "cette semaine".
fn is_time_noun(word: &str) -> bool {
    matches!(
        word,
        "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "matin"
            | "soir"
            | "midi"
            | "jour"
            | "week"
            | "semaine"
            | "mois"
            | "annee"
            | "apres"
            | "nuit"
    )
}

pub(super) fn determiner(word: &str) -> Option<Determiner> {
    Some(match word {
        "le" | "la" | "l" | "les" => Determiner::Definite,
        "ce" | "cet" | "cette" | "ces" => Determiner::Demonstrative,
        "un" | "une" | "des" | "certains" | "certaines" | "plusieurs" | "quelques" => {
            Determiner::Indefinite
        }
        "son" | "sa" | "ses" | "leur" | "leurs" => Determiner::Possessive,
        _ => return None,
    })
}

/// Prepositions that make the noun phrase after them a complement of the
/// verb ("a déclaré à la presse"), not its subject.
const PREPOSITIONS: &[&str] = &[
    "a", "au", "aux", "de", "du", "d", "des", "pour", "par", "en", "dans", "sur", "sous", "avec",
    "devant", "vers", "chez", "lors", "selon", "apres", "avant", "depuis", "contre",
];

/// Auxiliaries and adverbs an incise's verb may carry before it.
const BEFORE_VERB: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "aurait", "est", "sont", "etait", "s", "se", "encore",
    "alors", "aussi", "ensuite", "enfin", "pour", "part", "de", "son", "sa", "leur", "cote",
    "tour", "ainsi", "meme", "deja", "bien", "plus", "tard",
];

/// Words that go on a sentence after a quotation's comma and are no verb.
const NOT_VERBS: &[&str] = &[
    "via",
    "comme",
    "et",
    "ou",
    "mais",
    "puis",
    "donc",
    "sans",
    "dont",
    "qui",
    "que",
    "qu",
    "lorsque",
    "quand",
    "si",
    "car",
    "tandis",
    "parmi",
    "notamment",
    "pendant",
    "durant",
    "cependant",
    "maintenant",
    "pourtant",
    "voire",
    "soit",
    "entre",
];

/// Verbs that carry a speaker on inside a quotation ("…, poursuit
/// l’avocate. Le but…"): not verbs of saying elsewhere ("l’enquête se
/// poursuit"), so read only in an incise.
const GOING_ON: &[&str] = &[
    "poursuit",
    "continue",
    "enchaine",
    "reprend",
    "rencherit",
    "insiste",
];

/// Participles that open a sentence before its subject: "Interrogé par
/// l’AFP, le maire…".
const FRONTED_PARTICIPLES: &[&str] = &[
    "interroge",
    "interrogee",
    "interroges",
    "interrogees",
    "contacte",
    "contactee",
    "sollicite",
    "sollicitee",
    "questionne",
    "questionnee",
    "invite",
    "invitee",
    "joint",
    "jointe",
];

/// Titles before a surname: "M. Trump", "Mme Borne", "Me Dupond".
const TITLES: &[&str] = &["m", "mme", "mmes", "mm", "me", "dr", "mgr", "pr"];

impl Reader<'_> {
    /// The speaker given by an incise right after the quotation ending
    /// before piece `after`: a comma (or the quotation's own ? or !), a
    /// lower-case verb, then its subject.
    pub(super) fn incise_after(
        &self,
        quote: &Range<usize>,
        after: usize,
    ) -> Option<(Speaker, Option<Span>)> {
        let pieces = self.input.pieces;
        let text = self.input.text;
        let first = *pieces.get(after)?;
        let gap = &text[quote.end.min(first.start)..first.start];
        let asked = text[quote.clone()]
            .trim_end_matches(['»', '”', '"', ' ', '\u{a0}', '\u{202f}'])
            .ends_with(['?', '!']);
        if !(gap.trim() == "," || (asked && gap.trim().is_empty())) {
            return None;
        }
        if !self.lowercase(after) || self.word(after) == "selon" {
            return None;
        }
        // "», qui ont été évacuées vers un hôpital, précise la préfecture":
        // past the relative clause to the incise.
        if matches!(self.word(after), "qui" | "dont") {
            let end = self.incise_end(after);
            let comma = (after + 1..end)
                .find(|&k| text[pieces[k - 1].end..pieces[k].start].trim() == ",")?;
            return self.incise_at(comma, pieces.len());
        }
        self.incise_at(after, pieces.len())
    }

    /// An incise's verb and subject from piece `after`, within `limit`.
    fn incise_at(&self, after: usize, limit: usize) -> Option<(Speaker, Option<Span>)> {
        let pieces = self.input.pieces;
        let end = self.incise_end(after).min(limit);
        let mut verb_seen = false;
        let mut i = after;
        while i < end {
            let w = self.word(i);
            // "ajoute-t-elle", "a-t-il lancé", "souligne-t-on à l’Élysée".
            if matches!(pieces[i].sep, Sep::Hyphen)
                && matches!(w, "il" | "elle" | "ils" | "elles" | "on")
            {
                return Some(self.clitic_subject(i, end));
            }
            if !verb_seen {
                if !self.lowercase(i) {
                    return None;
                }
                if !BEFORE_VERB.contains(&w) && w != "t" {
                    // "», déclenchant les cris", "», confirmant une
                    // information": a participle, not an incise.
                    if is_present_participle(w) {
                        return None;
                    }
                    // "« frapper un grand coup », via une « journée… »":
                    // a preposition or a conjunction goes on the sentence.
                    if NOT_VERBS.contains(&w) || PREPOSITIONS.contains(&w) {
                        return None;
                    }
                    verb_seen = true;
                }
                i += 1;
                continue;
            }
            if w == "t" {
                i += 1;
                continue;
            }
            // "a lancé, en anglais, le président": complements are skipped.
            if PREPOSITIONS.contains(&w) {
                i = self.past_complement(i + 1, end);
                continue;
            }
            if TITLES.contains(&w)
                && i + 1 < end
                && let Some((a, b)) = self.named_in(i + 1..i + 2, false)
            {
                let b = self.full_name(a, b, end);
                return Some(self.named(i, b));
            }
            // "se félicite ce dimanche sur franceinfo Althéa Laurin".
            if matches!(w, "ce" | "cette" | "cet") && i + 1 < end && is_time_noun(self.word(i + 1))
            {
                i += 2;
                continue;
            }
            if let Some(det) = determiner(w) {
                return Some(self.description(det, i, end));
            }
            if let Some((a, b)) = self.named_in(i..i + 1, false) {
                let b = self.full_name(a, b, end);
                return Some(self.named(a, b));
            }
            if self.lowercase(i) {
                // Another word of the verb ("a de son côté lancé").
                i += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The end of an incise starting at piece `after`: the sentence's end,
    /// a line break or another quotation, commas included ("», a lancé, en
    /// anglais, le président"), at most 16 pieces; "M. Trump" goes on.
    fn incise_end(&self, after: usize) -> usize {
        let pieces = self.input.pieces;
        let text = self.input.text;
        let limit = (after + 16).min(pieces.len());
        (after + 1..limit)
            .find(|&k| {
                let gap = &text[pieces[k - 1].end..pieces[k].start];
                let title = gap.trim() == "." && TITLES.contains(&self.word(k - 1));
                // "BFMTV.com", "20minutes.fr": a site's name, not a stop.
                let site = gap == "." && self.lowercase(k);
                !title
                    && !site
                    && gap.contains(['.', ';', ':', '!', '?', '…', '\n', '«', '“', '"', '('])
            })
            .unwrap_or(limit)
    }

    fn lowercase(&self, i: usize) -> bool {
        self.piece_text(i)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    }

    /// Past a complement starting at piece `i`: its determiner and words,
    /// up to the next determiner, name or punctuation.
    fn past_complement(&self, mut i: usize, end: usize) -> usize {
        let from = i;
        if i < end && determiner(self.word(i)).is_some() {
            i += 1;
        }
        let head = i;
        while i < end && (self.lowercase(i) || !self.input.pieces[i].sep.joins_name()) {
            if determiner(self.word(i)).is_some() || PREPOSITIONS.contains(&self.word(i)) {
                break;
            }
            i += 1;
        }
        // A capitalized complement: "à l’Élysée", "devant Matignon"; but
        // after "à des journalistes" a name is the subject: "a affirmé à
        // des journalistes Olivia Dalton".
        if i == head {
            while i < end && !self.lowercase(i) && self.input.pieces[i].sep.joins_name() {
                // "a expliqué à Keystone-ATS Pascal Fontaine": a person's
                // name after the body is the subject.
                // "à l’AFP Pricile Ziyahe": an acronym, then a name.
                if i > head
                    && self.input.pieces[i].sep == Sep::Space
                    && (self.input.first_names.contains(self.piece_text(i))
                        || (is_acronym(self.piece_text(i - 1)) && !is_acronym(self.piece_text(i))))
                {
                    break;
                }
                i += 1;
            }
        }
        // At least one piece on, so that callers always progress.
        i.max((from + 1).min(end))
    }

    /// A name's end: the capitalized run from `a`, within the clause.
    fn full_name(&self, a: usize, b: usize, end: usize) -> usize {
        self.named_in(a..end.max(b), false)
            .filter(|&(x, _)| x == a)
            .map_or(b, |(_, y)| y.max(b))
    }

    fn named(&self, a: usize, b: usize) -> (Speaker, Option<Span>) {
        (
            Speaker::Named(self.text_of(a, b).to_string()),
            Some(self.span(a, b)),
        )
    }

    /// A clitic subject at piece `i`: a pronoun stands for the person named
    /// before it; "on" speaks for the body after it ("à l’Élysée").
    fn clitic_subject(&self, i: usize, end: usize) -> (Speaker, Option<Span>) {
        if self.word(i) == "on" {
            let body = (i + 1..end)
                .skip_while(|&k| matches!(self.word(k), "a" | "au" | "chez" | "l" | "la" | "le"))
                .take(1)
                .find_map(|k| self.named_in(k..k + 1, false));
            return match body {
                Some((a, b)) => self.named(a, self.full_name(a, b, end)),
                None => (Speaker::Described("on".into()), Some(self.span(i, i + 1))),
            };
        }
        self.resolve_pronoun(i)
    }

    /// The noun phrase determined at piece `det`: named when a name follows
    /// its head ("le président Emmanuel Macron", "un responsable, Maram
    /// al-Cheikh"), resolved when definite or demonstrative and somebody
    /// was named before, else a description.
    pub(super) fn description(
        &self,
        det: Determiner,
        start: usize,
        end: usize,
    ) -> (Speaker, Option<Span>) {
        let pieces = self.input.pieces;
        let mut head_end = start + 1;
        // "un autre riverain", "la première adjointe au maire".
        while head_end < end
            && self.lowercase(head_end)
            && pieces[head_end].sep.joins_name()
            && (head_end == start + 1 || !PREPOSITIONS.contains(&self.word(head_end)))
            && head_end < start + 4
        {
            head_end += 1;
        }
        if let Some((a, b)) = self.apposed_name(head_end, end) {
            return self.named(a, b);
        }
        // "l’édito du Rodong Sinmun", "la porte-parole du Quai d’Orsay":
        // a definite description of a named body names it.
        let definite = matches!(det, Determiner::Definite | Determiner::Demonstrative);
        let of = head_end < end && matches!(self.word(head_end), "du" | "de" | "d" | "des");
        if definite && of {
            let k =
                head_end + 1 + usize::from(matches!(self.word(head_end + 1), "la" | "l" | "le"));
            if let Some((a, b)) = self.named_in(k..(k + 1).min(end), false)
                && a == k
            {
                return self.named(start, self.full_name(a, b, end));
            }
        }
        self.resolve_description(det, start, head_end)
    }

    /// A name right after a description's head, or after its complement
    /// and a comma: "le ministre Gérald Darmanin", "un responsable de la
    /// Santé de ces régions, Maram al-Cheikh".
    pub(super) fn apposed_name(&self, head_end: usize, end: usize) -> Option<(usize, usize)> {
        let pieces = self.input.pieces;
        let text = self.input.text;
        if head_end < pieces.len()
            && pieces[head_end].sep.joins_name()
            && let Some((a, b)) = self.named_in(head_end..head_end + 1, false)
        {
            return Some((a, self.full_name(a, b, end.max(b))));
        }
        // After the complement, up to the clause's first comma.
        let limit = (head_end + 12).min(pieces.len());
        let comma = (head_end..limit).find(|&k| {
            pieces[k].sep == Sep::Other && text[pieces[k - 1].end..pieces[k].start].trim() == ","
        })?;
        // "une source proche du ministre de la Défense, Jean-Yves Le
        // Drian": the name is the minister's, not the source's.
        if (head_end..comma).any(|k| self.has(Marker::Role, k).is_some()) {
            return None;
        }
        let (a, b) = self.named_in(comma..comma + 1, false)?;
        let b = self.full_name(a, b, (b + 5).min(pieces.len()));
        // The name ends the clause: ", Maram al-Cheikh." not ", Paris, …".
        let closes = b >= pieces.len() || pieces[b].sep == Sep::Other;
        let place = self
            .entity_in(pieces[a].start..pieces[a].end)
            .is_some_and(|(kind, _)| kind == EntityKind::Place);
        (closes && !place).then_some((a, b))
    }

    /// The subject opening the clause over pieces `r`, past its leading
    /// complements ("Dans un communiqué, la préfecture a indiqué :"): a
    /// name, or a description resolved as [`Self::description`] does.
    pub(super) fn clause_subject(&self, r: Range<usize>) -> Option<(Speaker, Option<Span>)> {
        let pieces = self.input.pieces;
        let text = self.input.text;
        let mut i = r.start;
        loop {
            if i < r.end && matches!(self.word(i), "et" | "mais" | "puis" | "alors" | "ainsi") {
                i += 1;
            }
            while i < r.end && PREPOSITIONS.contains(&self.word(i)) {
                i = self.past_complement(i + 1, r.end);
            }
            // "Confirmant un taux en baisse …, Muriel Pénicaud a voulu",
            // "Interrogé par l’AFP, le maire a dit": a fronted participle
            // clause ends at the comma before the subject.
            let w = self.word(i.min(r.end.saturating_sub(1)));
            let fronted =
                i < r.end && (is_present_participle(w) || FRONTED_PARTICIPLES.contains(&w));
            if fronted
                && let Some(k) = (i + 1..(i + 40).min(r.end)).find(|&k| {
                    // "à 8,1 %, Muriel Pénicaud": a sign may stand before it.
                    let gap = text[pieces[k - 1].end..pieces[k].start].trim();
                    gap.ends_with(',')
                        && !gap.contains(char::is_alphanumeric)
                        && (self.piece_text(k).starts_with(char::is_uppercase)
                            || determiner(self.word(k)).is_some())
                })
            {
                i = k;
                continue;
            }
            // "Ce matin, plusieurs dizaines de riverains…": a fronted
            // adverbial ends at its comma.
            let comma = (i + 1..(i + 5).min(r.end))
                .find(|&k| text[pieces[k - 1].end..pieces[k].start].trim() == ",");
            // Not a subject with its apposition or relative clause: "La
            // préfète, qui était présente, a dit :".
            let adverbial = comma.is_some_and(|k| {
                k - i <= 3
                    && (i..k).all(|j| j == i || self.lowercase(j))
                    && (i..k).all(|j| {
                        self.has(Marker::Role, j).is_none()
                            && self.has(Marker::VagueSource, j).is_none()
                            && self.has(Marker::Institution, j).is_none()
                    })
                    && self.lowercase(k)
                    && !matches!(self.word(k), "qui" | "que" | "qu" | "dont")
            });
            match comma {
                Some(k) if adverbial => i = k,
                _ => break,
            }
        }
        if i >= r.end {
            return None;
        }
        if matches!(self.word(i), "il" | "elle" | "ils" | "elles") {
            return Some(self.resolve_pronoun(i));
        }
        if let Some(det) = determiner(self.word(i)) {
            return Some(self.description(det, i, r.end));
        }
        if TITLES.contains(&self.word(i)) && i + 1 < r.end {
            let (a, b) = self.named_in(i + 1..i + 2, false)?;
            return Some(self.named(i, self.full_name(a, b, r.end)));
        }
        // A capital opening the sentence names only a known name.
        let (a, b) = self.named_in(i..i + 1, i == r.start)?;
        Some(self.named(a, self.full_name(a, b, r.end)))
    }

    /// An incise inside the quotation: "« J’ai le mandat de le faire, a-t-il
    /// souligné. Nous avons vaincu… »".
    pub(super) fn incise_inside(&self, quote: &Range<usize>) -> Option<(Speaker, Option<Span>)> {
        let r = self.pieces_in(quote);
        let pieces = self.input.pieces;
        let text = self.input.text;
        (r.start + 1..r.end).find_map(|i| {
            if self.word(i) == "t"
                && pieces[i].sep == Sep::Hyphen
                && i + 1 < r.end
                && pieces[i + 1].sep == Sep::Hyphen
                && matches!(self.word(i + 1), "il" | "elle")
            {
                // A comma before the verb: ", a-t-il souligné", ", ajoute-t-elle".
                let comma = (i.saturating_sub(2).max(r.start + 1)..i)
                    .any(|k| text[pieces[k - 1].end..pieces[k].start].contains(','));
                return comma.then(|| self.clitic_subject(i + 1, (i + 2).min(r.end)));
            }
            // ", poursuit l’avocate montpelliéraine.", ", a dit Boris
            // Dilliès, interrogé…": a verb of saying after a comma, whose
            // subject ends the quoted sentence.
            let after_comma = text[pieces[i - 1].end..pieces[i].start].trim() == ",";
            let verb = (i..(i + 3).min(r.end)).find(|&k| {
                self.has(Marker::SpeechVerb, k).is_some() || GOING_ON.contains(&self.word(k))
            });
            if !after_comma || verb.is_none() || !self.lowercase(i) {
                return None;
            }
            let found = self.incise_at(i, r.end)?;
            Some(found)
        })
    }
}

//! Attributions: "selon X", "d’après X", "des experts estiment", and
//! whether their source names anybody.

use std::ops::Range;

use super::incise::determiner;
use super::markers::Hit;
use super::*;

/// Heads of a source that is no person: what such a source says stays an
/// attribution even when quoted ("« … », a précisé une source policière").
fn is_source_noun(folded: &str) -> bool {
    matches!(
        folded,
        "source" | "sources" | "autorites" | "milieux" | "services" | "medias" | "presse"
    )
}

/// The determiners of an unnamed source after its verb: "une source",
/// "des sources", "les autorités".
fn determiner_of_source(word: &str) -> Option<()> {
    matches!(
        word,
        "un" | "une" | "des" | "les" | "plusieurs" | "certains" | "certaines"
    )
    .then_some(())
}

impl Reader<'_> {
    /// "selon X", "d’après X", and "des experts estiment".
    pub(super) fn attributions(&self, out: &mut Vec<Attribution>) {
        let mut covered = 0;
        for (n, h) in self.hits.iter().enumerate() {
            if h.start < covered {
                continue;
            }
            match h.marker {
                Marker::Introducer => {
                    // The longest introducer at this piece.
                    let end = self.hits[n..]
                        .iter()
                        .take_while(|o| o.start == h.start)
                        .filter(|o| o.marker == Marker::Introducer)
                        .map(|o| o.end)
                        .max()
                        .unwrap_or(h.end);
                    let stop = self.source_phrase(end).end;
                    covered = stop;
                    // "de source policière" where the house accepts it;
                    // "selon nos informations", the outlet's own reporting.
                    let own = (h.start..end).any(|i| matches!(self.word(i), "nos" | "notre"));
                    if own || self.has(Marker::AcceptedSource, h.start).is_some() {
                        continue;
                    }
                    let anonymous_marker =
                        (h.start..end).any(|i| self.has(Marker::VagueSource, i).is_some());
                    if stop == end && !anonymous_marker {
                        continue;
                    }
                    let vague = (anonymous_marker || self.is_vague(end..stop))
                        && !self.source_names_someone(end)
                        && !self.own_or_same_source(end, stop, out)
                        && !self.named_in_sentence(h.start, end, stop);
                    let source = if stop > end {
                        self.text_of(end, stop).to_string()
                    } else {
                        self.text_of(h.start, end).to_string()
                    };
                    out.push(Attribution {
                        span: self.span(h.start, stop.max(end)),
                        source,
                        vague,
                    });
                }
                Marker::VagueSource
                    if h.start > 0
                        && matches!(self.word(h.start - 1), "les" | "la" | "l")
                        && !(h.start >= 2
                            && matches!(self.word(h.start - 2), "de" | "d" | "a" | "par")) =>
                {
                    // "la presse espagnole évoque", "les experts estiment".
                    let det = Hit {
                        marker: Marker::Indefinite,
                        start: h.start - 1,
                        end: h.start,
                    };
                    // "les autorités de Kharkov": a definite source with a
                    // named complement is a specific one.
                    let named_complement = self.vague_subject(&det).is_some_and(|(_, verb_end)| {
                        (h.end..verb_end).any(|i| is_capitalized(self.piece_text(i)))
                    });
                    if let Some(a) = self.vague_subject(&det).filter(|_| !named_complement) {
                        covered = a.1;
                        out.push(Attribution {
                            span: self.span(det.start, a.1),
                            source: self.text_of(det.start, a.0).to_string(),
                            vague: true,
                        });
                    }
                }
                Marker::SpeechVerb => {
                    if let Some((a, b)) = self.vague_inverted(h) {
                        covered = b;
                        out.push(Attribution {
                            span: self.span(h.start, b),
                            source: self.text_of(a, b).to_string(),
                            vague: true,
                        });
                    }
                }
                Marker::Indefinite => {
                    // "des experts estiment", "certains observateurs jugent";
                    // "une source policière avait imputé…", whatever the verb.
                    if let Some(a) = self.vague_subject(h).or_else(|| self.source_subject(h)) {
                        covered = a.1;
                        let span = self.span(h.start, a.1);
                        out.push(Attribution {
                            span,
                            source: self.text_of(h.start, a.0).to_string(),
                            vague: true,
                        });
                    }
                }
                _ => {}
            }
        }
    }

    /// "selon nos informations": the outlet's own reporting; "selon la
    /// même source": whatever the source before was.
    fn own_or_same_source(&self, start: usize, stop: usize, before: &[Attribution]) -> bool {
        if start >= stop {
            return false;
        }
        if matches!(self.word(start), "nos" | "notre") {
            return true;
        }
        let same = (start..stop).any(|i| self.word(i) == "meme")
            && (start..stop).any(|i| self.word(i).starts_with("source"));
        same && before.last().is_some_and(|a| !a.vague)
    }

    /// "Selon un premier bilan provisoire, on dénombre…, précise la
    /// préfecture.": a document with no author in the phrase ("un bilan",
    /// "des chiffres") is vague only when nobody in its sentence speaks.
    fn named_in_sentence(&self, marker: usize, start: usize, stop: usize) -> bool {
        if start >= stop || (start..stop).any(|i| self.has(Marker::VagueSource, i).is_some()) {
            return false;
        }
        let sentences = self.input.sentences;
        let at = self.input.pieces[marker].start;
        let Some(s) = crate::extract::sentences::sentence_of(sentences, at) else {
            return false;
        };
        let r = self.pieces_in(&sentences[s]);
        self.hits_in(&r).any(|h| {
            h.marker == Marker::SpeechVerb
                && h.start >= stop
                && h.end < r.end
                && (self
                    .named_in(h.end..(h.end + 3).min(r.end), false)
                    .is_some()
                    || (h.end + 1 < r.end
                        && matches!(self.word(h.end), "le" | "la" | "l")
                        && self.has(Marker::Institution, h.end + 1).is_some()))
        })
    }

    /// Whether the source phrase from piece `start` names a person or a
    /// body anywhere in it, whatever its head: "un bilan du ministère de
    /// la Santé, cité par l’agence officielle Sana", "un dernier bilan de
    /// l’agence de gestion des catastrophes (Afad)", "un responsable de la
    /// Santé, Maram al-Cheikh", "une journaliste de Reuters".
    pub(super) fn source_names_someone(&self, start: usize) -> bool {
        self.names_someone_in(start..self.source_extent(start))
    }

    /// Whether pieces `range` name a person or a body past their first
    /// word: a declared name other than a place, a person's name, an
    /// acronym, a proper name that is no people, or an institution after
    /// "du", "de la", "par".
    pub(super) fn names_someone_in(&self, range: Range<usize>) -> bool {
        let start = range.start;
        range.clone().any(|i| {
            let p = self.input.pieces[i];
            let t = self.piece_text(i);
            let entity = self.entity_in(p.start..p.end);
            if let Some((kind, _)) = entity {
                return kind != EntityKind::Place;
            }
            // "les Américains", "des Russes": a people, not a source.
            let people = i > start
                && matches!(self.word(i - 1), "les" | "des" | "aux")
                && (t.ends_with('s') || t.ends_with('x'));
            let acronym = is_acronym(t)
                && !t
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
            let proper = i > start
                && is_capitalized(t)
                && t.chars().count() > 1
                && !FUNCTION_WORDS.contains(&self.word(i));
            let body = i > start
                && self.has(Marker::Institution, i).is_some()
                && matches!(
                    self.word(i - 1),
                    "du" | "de" | "d" | "la" | "l" | "le" | "des" | "par"
                );
            acronym || (proper && !people) || body || self.candidate_in(p.start..p.end).is_some()
        })
    }

    /// Where a source phrase from piece `start` ends, for finding a name in
    /// it: the clause's end, past "(Afad)", ", cité par …" and a name in
    /// apposition, at most 24 pieces.
    fn source_extent(&self, start: usize) -> usize {
        let pieces = self.input.pieces;
        let text = self.input.text;
        let limit = (start + 24).min(pieces.len());
        let mut k = start + 1;
        while k < limit {
            let gap = &text[pieces[k - 1].end..pieces[k].start];
            if gap.contains(['.', ';', ':', '!', '?', '\n', '«', '“']) {
                break;
            }
            if gap.contains(',') && !gap.contains('(') {
                // ", cité par l’agence Sana", ", Maram al-Cheikh."
                let reported = matches!(
                    self.word(k),
                    "cite"
                        | "citee"
                        | "cites"
                        | "citees"
                        | "publie"
                        | "publiee"
                        | "publies"
                        | "communique"
                        | "communiques"
                        | "communiquee"
                        | "transmis"
                        | "transmise"
                        | "diffuse"
                        | "diffusee"
                        | "relaye"
                        | "relayee"
                ) && k + 1 < limit
                    && self.word(k + 1) == "par";
                if !reported && self.apposed_name(k, k).is_none() {
                    break;
                }
            }
            k += 1;
        }
        k
    }

    /// The source after an introducer ending at piece `end`: up to the
    /// next punctuation, "que"/"qui" or verb of saying, at most 8 words.
    pub(super) fn source_phrase(&self, end: usize) -> Range<usize> {
        let pieces = self.input.pieces;
        let mut stop = end;
        while stop < pieces.len()
            && stop < end + 8
            && (stop == end || pieces[stop].sep != Sep::Other)
            && !matches!(self.word(stop), "que" | "qu" | "qui")
            && (self.has(Marker::SpeechVerb, stop).is_none()
                || self.has(Marker::VagueSource, stop).is_some()
                // "selon le communiqué": a noun after its determiner.
                || (stop > end && matches!(self.word(stop - 1), "le" | "la" | "l" | "ce")))
        {
            stop += 1;
        }
        end..stop
    }

    /// Whether the source over pieces `range` names nobody: an indefinite
    /// or collective source, or the head of an unnamed one, with no person
    /// named in it.
    pub(super) fn is_vague(&self, range: Range<usize>) -> bool {
        let first = range.start;
        if PRONOUNS.contains(&self.word(first)) {
            return false;
        }
        let named_person = range.clone().any(|i| {
            let p = self.input.pieces[i];
            matches!(
                self.entity_in(p.start..p.end),
                Some((EntityKind::Person, _))
            ) || self.candidate_in(p.start..p.end).is_some()
        });
        if named_person {
            return false;
        }
        let indefinite = self
            .has(Marker::Indefinite, first)
            .is_some_and(|h| h.end < range.end);
        let head = range
            .clone()
            .take(4)
            .any(|i| self.has(Marker::VagueSource, i).is_some());
        // "les Américains", "des Russes": a people, not a source.
        let collective = range.clone().take(3).any(|i| {
            let t = self.piece_text(i);
            i > first
                && is_capitalized(t)
                && (t.ends_with('s') || t.ends_with('x'))
                && matches!(self.word(i - 1), "les" | "des" | "aux")
        });
        indefinite || head || collective
    }

    /// A vague subject before a verb of saying: returns (end of the
    /// subject, end of the verb).
    pub(super) fn vague_subject(&self, h: &Hit) -> Option<(usize, usize)> {
        let pieces = self.input.pieces;
        // "des experts", "des médecins urgentistes": an indefinite before
        // any common noun names nobody when a verb of saying follows.
        let noun = h.end;
        if noun >= pieces.len()
            || pieces[noun].sep == Sep::Other
            || !self
                .piece_text(noun)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            || FUNCTION_WORDS.contains(&self.word(noun))
            || self.has(Marker::SpeechVerb, noun).is_some()
        {
            return None;
        }
        // At a clause start only: "il a vu des experts affirmer" is not one.
        if h.start > 0
            && pieces[h.start].sep != Sep::Other
            && !matches!(self.word(h.start - 1), "et" | "mais" | "que" | "qu")
        {
            return None;
        }
        // "confiée à un juge": after a determiner, a noun; "qui s’explique",
        // "est à déplorer": a reflexive or an infinitive says nothing.
        let verb = (noun + 1..(noun + 7).min(pieces.len()))
            .take_while(|&i| pieces[i].sep != Sep::Other)
            .find(|&i| self.has(Marker::SpeechVerb, i).is_some())?;
        let before = self.word(verb - 1);
        if determiner(before).is_some() || matches!(before, "s" | "se" | "a") {
            return None;
        }
        if self.named_in(noun + 1..verb, false).is_some() || self.names_someone_in(h.start..verb) {
            return None;
        }
        // "un appel est lancé", "des personnalités témoignaient de leur
        // émotion": a passive, or a verb that shows, reports nobody.
        let passive = verb > noun + 1
            && matches!(
                self.word(verb - 1),
                "est" | "sont" | "ete" | "etait" | "etaient" | "fut" | "furent"
            );
        let shows = self.word(verb).starts_with("temoign")
            && verb + 1 < pieces.len()
            && matches!(self.word(verb + 1), "de" | "d" | "du" | "des");
        // "un déplacement rapide annonce Météo-France": the subject is the
        // name after the verb; "Un deuxième mandat annoncé": a participle
        // with no auxiliary qualifies a noun.
        let inverted = verb + 1 < pieces.len()
            && pieces[verb + 1].sep.joins_name()
            && self.named_in(verb + 1..verb + 2, false).is_some();
        let participle = ["é", "ée", "és", "ées"]
            .iter()
            .any(|end| self.piece_text(verb).ends_with(end))
            && !matches!(
                self.word(verb - 1),
                "a" | "ont" | "avait" | "avaient" | "aurait" | "auraient" | "t"
            );
        if passive || shows || inverted || participle {
            return None;
        }
        // "Un diplomate résume : « … »": the quotation's speaker, which
        // the anonymous-quote check judges; a source stays a source.
        let after = pieces[verb].end;
        let line_end = line_of(self.input.text, after).end.max(after);
        if !is_source_noun(self.word(noun))
            && self.speech_quotes_in(after..line_end).next().is_some()
        {
            return None;
        }
        Some((noun + 1, verb + 1))
    }

    /// "Une source policière avait imputé l’attaque…": a source noun as
    /// the subject of any verb, at a clause start. Returns (end of the
    /// source, end of the phrase).
    fn source_subject(&self, h: &Hit) -> Option<(usize, usize)> {
        let pieces = self.input.pieces;
        let noun = h.end;
        if noun >= pieces.len()
            || !is_source_noun(self.word(noun))
            || !pieces[noun].sep.joins_name()
        {
            return None;
        }
        let clause_start = h.start == 0
            || pieces[h.start].sep == Sep::Other
            || matches!(
                self.word(h.start - 1),
                "et" | "mais" | "que" | "qu" | "tard" | "tot"
            );
        if !clause_start || self.source_names_someone(noun) {
            return None;
        }
        // The source's adjectives: "une source militaire malienne".
        let end = (noun + 1..(noun + 3).min(pieces.len()))
            .take_while(|&k| {
                pieces[k].sep.joins_name()
                    && self
                        .piece_text(k)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                    && !FUNCTION_WORDS.contains(&self.word(k))
                    && self.has(Marker::SpeechVerb, k).is_none()
                    && !matches!(self.word(k), "avait" | "aurait" | "a" | "ont" | "est")
            })
            .last()
            .map_or(noun + 1, |k| k + 1);
        Some((end, end))
    }

    /// "a précisé une source policière", "ont annoncé les autorités
    /// locales": a source named by nobody after its verb, as subject. A
    /// person so described ("raconte un habitant") is the anonymous-quote
    /// check's, not a source.
    fn vague_inverted(&self, verb: &Hit) -> Option<(usize, usize)> {
        let pieces = self.input.pieces;
        let text = self.input.text;
        // Right after a comma or a closing quotation mark: an incise
        // ("», a déclaré", "…, ont annoncé").
        let mut first = verb.start;
        while first > 0 && matches!(self.word(first - 1), "a" | "ont" | "avait" | "avaient") {
            first -= 1;
        }
        let before = &text[..pieces[first].start];
        let incise = before.trim_end().ends_with([',', '»', '”', '"']);
        let mut i = verb.end;
        // "a déclaré à Reuters une source policière".
        if i < pieces.len() && matches!(self.word(i), "a" | "au" | "aux") {
            i += 1;
            while i < pieces.len()
                && pieces[i].sep.joins_name()
                && determiner_of_source(self.word(i)).is_none()
            {
                i += 1;
            }
        }
        if !incise || i + 1 >= pieces.len() || !pieces[i].sep.joins_name() {
            return None;
        }
        let det = self.word(i);
        let head = i + 1;
        // Sources, not people: "un diplomate" who speaks is a speaker.
        let source = is_source_noun(self.word(head));
        if determiner_of_source(det).is_none() || !source {
            return None;
        }
        let end = (head + 1..(head + 3).min(pieces.len()))
            .take_while(|&k| pieces[k].sep.joins_name() && !FUNCTION_WORDS.contains(&self.word(k)))
            .take_while(|&k| {
                self.piece_text(k)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            })
            .last()
            .map_or(head + 1, |k| k + 1);
        if self.source_names_someone(head) {
            return None;
        }
        Some((i, end))
    }
}

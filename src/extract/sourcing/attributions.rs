//! Attributions: "selon X", "d’après X", "des experts estiment", and
//! whether their source names anybody.

use std::ops::Range;

use super::markers::Hit;
use super::*;

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
                    // "de source policière" where the house accepts it.
                    if self.has(Marker::AcceptedSource, h.start).is_some() {
                        continue;
                    }
                    let anonymous_marker =
                        (h.start..end).any(|i| self.has(Marker::VagueSource, i).is_some());
                    if stop == end && !anonymous_marker {
                        continue;
                    }
                    let vague = (anonymous_marker || self.is_vague(end..stop))
                        && !self.source_names_someone(end);
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
                Marker::Indefinite => {
                    // "des experts estiment", "certains observateurs jugent".
                    if let Some(a) = self.vague_subject(h) {
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
    fn names_someone_in(&self, range: Range<usize>) -> bool {
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
            let acronym = t.chars().count() >= 2
                && t.chars().all(|c| c.is_uppercase())
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
                || self.has(Marker::VagueSource, stop).is_some())
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
        let verb = (noun + 1..(noun + 7).min(pieces.len()))
            .take_while(|&i| pieces[i].sep != Sep::Other)
            .find(|&i| self.has(Marker::SpeechVerb, i).is_some())?;
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
        if passive || shows {
            return None;
        }
        // "Un diplomate résume : « … »": the quotation's speaker, which
        // the anonymous-quote check judges.
        let after = pieces[verb].end;
        let line_end = line_of(self.input.text, after).end.max(after);
        if self.speech_quotes_in(after..line_end).next().is_some() {
            return None;
        }
        Some((noun + 1, verb + 1))
    }
}

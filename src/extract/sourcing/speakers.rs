//! Quoted speech and its speaker: a verb of saying and its subject, a
//! caption, a dialogue incise.

use std::ops::Range;

use super::incise::determiner;
use super::markers::Hit;
use super::*;

/// Documents that speak for whoever issued them: "le communiqué fait
/// état de…", "le rapport souligne…".
pub(super) const SPEAKING_DOCUMENTS: &[&str] = &[
    "communique",
    "rapport",
    "texte",
    "document",
    "note",
    "lettre",
    "courrier",
    "arrete",
    "decret",
    "message",
    "tweet",
    "publication",
    "avis",
    "bulletin",
];

/// Verbs of an incise that carry the previous speaker on (folded stems).
const GOING_ON_STEMS: &[&str] = &[
    "ajout", "poursui", "continu", "precis", "conclu", "rencheri", "insist", "enchain", "complet",
    "reprend", "repris", "detaill", "developp",
];

/// Whether the words between two quotations go on the first one's
/// sentence with a participle of saying: "», a-t-il ajouté, précisant que
/// «", "», ajoutant : «".
fn participle_goes_on(gap: &str) -> bool {
    let gap = gap.trim();
    if !gap.starts_with(',') || gap.contains(['.', '!', '?', '\n']) || gap.len() > 120 {
        return false;
    }
    let gap = gap.trim_end_matches([':', ' ', '\u{a0}', '\u{202f}', '\'', '’']);
    let mut words = gap.rsplit(|c: char| !c.is_alphanumeric() && c != '-');
    let last = words.next().unwrap_or("");
    is_present_participle(last)
        || (matches!(last, "que" | "qu") && words.next().is_some_and(is_present_participle))
}

impl Reader<'_> {
    /// The speaker of every quotation of speech, marked or signed.
    pub(super) fn speech(&self, out: &mut Vec<Speech>) {
        let text = self.input.text;
        for q in self.input.quotations {
            if q.close.is_none() || q.word_count(text) < 4 {
                continue;
            }
            let fragment = text[q.inner.clone()]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let (speaker, at) = self.speaker_of(q.span.start..q.span.end);
            // « un pas dans la bonne direction »: a phrase quoted inside a
            // sentence is speech only when a verb of saying goes with it;
            // so is « Fête de la liberté », a name or a title.
            let named_thing = fragment || self.title_like(q);
            if named_thing && speaker == Speaker::Unknown && !self.has_verb_near(q) {
                continue;
            }
            // "- « Fierté de notre Nation » -": a quotation that is a
            // heading of its own names a part of the article.
            if speaker == Speaker::Unknown && self.heading_quote(q) {
                continue;
            }
            out.push(Speech {
                span: q.span,
                speaker,
                speaker_span: at,
            });
        }
        self.unmarked_speech(out);
        self.dialogue(out);
        out.sort_by_key(|s| s.span.start);
        self.continue_speakers(out);
    }

    /// A quotation nobody is given to, in the paragraph of a named
    /// speaker's quotation or the one after: the same speaker goes on
    /// ("», ajoute-t-elle. « Je n’ai plus de famille. »", "Et d’ajouter :
    /// « … »").
    fn continue_speakers(&self, speech: &mut [Speech]) {
        let text = self.input.text;
        let mut last: Option<(String, usize)> = None;
        // The previous quotation's speaker, named or not.
        let mut previous: Option<(Speaker, Option<Span>, usize)> = None;
        for s in speech.iter_mut() {
            if let Some((who, at, end)) = &previous
                && *end <= s.span.start
                && *who != Speaker::Unknown
            {
                let gap = &text[*end..s.span.start];
                let near = gap.replace('\r', "").matches("\n\n").count() <= 1
                    && gap.len() <= CONTINUATION_REACH;
                // "« … », a précisé le parquet. Un suspect, « … », a-t-il
                // ajouté, précisant que « … »": the same speaker goes on.
                if near && self.goes_on(s) {
                    s.speaker = who.clone();
                } else if near && participle_goes_on(gap) {
                    s.speaker = who.clone();
                    s.speaker_span = *at;
                }
            }
            previous = Some((s.speaker.clone(), s.speaker_span, s.span.end));
            match &s.speaker {
                Speaker::Named(who) => last = Some((who.clone(), s.span.end)),
                Speaker::Described(_) => last = None,
                Speaker::Unknown => {
                    if let Some((who, end)) = &last
                        && *end <= s.span.start
                    {
                        let gap = &text[*end..s.span.start];
                        let breaks = gap.replace('\r', "").matches("\n\n").count();
                        if breaks <= 1 && gap.len() <= CONTINUATION_REACH {
                            s.speaker = Speaker::Named(who.clone());
                            last = Some((who.clone(), s.span.end));
                        }
                    }
                }
            }
        }
    }

    /// Whether speech `s` is given to a pronoun whose verb carries the
    /// speaker on: "a-t-il ajouté", "poursuit-elle", "a-t-il conclu".
    fn goes_on(&self, s: &Speech) -> bool {
        let Some(at) = s.speaker_span else {
            return false;
        };
        let r = self.pieces_in(&(at.start..at.end));
        if r.len() != 1 || !PRONOUNS.contains(&self.word(r.start)) {
            return false;
        }
        let pieces = self.input.pieces;
        let around = r.start.saturating_sub(3)..(r.end + 2).min(pieces.len());
        around.into_iter().any(|k| {
            let w = self.word(k);
            GOING_ON_STEMS.iter().any(|stem| w.starts_with(stem))
        })
    }

    /// A short quotation that names a thing rather than says something:
    /// capitalized, at most six words, no sentence inside.
    fn title_like(&self, q: &Quotation) -> bool {
        let text = self.input.text;
        let inner = text[q.inner.clone()].trim();
        let capital = inner.chars().next().is_some_and(char::is_uppercase);
        let before = text[..q.span.start].trim_end();
        capital
            && q.word_count(text) <= 6
            && !inner.ends_with(['.', '!', '?', '…'])
            && !inner.contains([',', ';', ':'])
            && !before.ends_with(':')
    }

    /// Whether quotation `q` is alone on its line, dashes or heading
    /// marks aside, with no sentence end inside: an intertitle.
    fn heading_quote(&self, q: &Quotation) -> bool {
        let text = self.input.text;
        let line = line_of(text, q.span.start);
        let rest = |s: &str| {
            s.trim()
                .trim_matches(['-', '—', '–', '#', '*', ' '])
                .is_empty()
        };
        let alone = line.end >= q.span.end
            && rest(&text[line.start..q.span.start])
            && rest(&text[q.span.end..line.end]);
        alone
            && !text[q.inner.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '…'])
    }

    /// Dialogue lines: "— Nous ne reculerons pas, a répondu Volodymyr
    /// Zelensky." The words before the incise are the speech; the incise
    /// (a comma, then a verb of saying) gives the speaker. A dash line
    /// without an incise is left alone: an interview's turns are known
    /// from their context.
    pub(super) fn dialogue(&self, out: &mut Vec<Speech>) {
        let text = self.input.text;
        let pieces = self.input.pieces;
        let Some(body_start) = pieces.first().map(|p| p.start) else {
            return;
        };
        let first = line_of(text, body_start).start;
        let mut next = first;
        for chunk in text[first..].split_inclusive('\n') {
            let start = next;
            next += chunk.len();
            let trimmed = chunk.trim_start();
            let Some(rest) = trimmed.strip_prefix(['—', '–']) else {
                continue;
            };
            if !rest.starts_with([' ', '\u{a0}', '\u{202f}']) {
                continue;
            }
            let speech_start = start + (chunk.len() - rest.len());
            let line = speech_start..start + chunk.trim_end().len();
            let r = self.pieces_in(&line);
            if r.len() < 5 {
                continue;
            }
            // The incise: a verb of saying right after a comma.
            let incise = self.hits_in(&r).find(|h| {
                h.marker == Marker::SpeechVerb
                    && h.start > r.start
                    && (h.start.saturating_sub(2)..=h.start).any(|k| {
                        k > r.start && text[pieces[k - 1].end..pieces[k].start].contains(',')
                    })
            });
            let Some(incise) = incise else {
                continue;
            };
            let comma = (incise.start.saturating_sub(2)..=incise.start)
                .find(|&k| k > r.start && text[pieces[k - 1].end..pieces[k].start].contains(','))
                .map_or(pieces[incise.start].start, |k| pieces[k - 1].end);
            let spoken = line.start..comma;
            if self.pieces_in(&spoken).len() < 3 {
                continue;
            }
            let (speaker, at) = self.speaker_of(spoken.clone());
            out.push(Speech {
                span: self.input.lines.span(text, spoken.start, spoken.end),
                speaker,
                speaker_span: at,
            });
        }
    }

    /// Whether a verb of saying or an introducer stands in the sentence of
    /// quotation `q`, outside it.
    pub(super) fn has_verb_near(&self, q: &Quotation) -> bool {
        let sentences = self.input.sentences;
        let sentence = crate::extract::sentences::sentence_of(sentences, q.span.start)
            .map_or(q.span.start..q.span.end, |s| sentences[s].clone());
        let sentence = sentence.start.max(q.span.start.saturating_sub(LINE_REACH))
            ..sentence.end.min(q.span.end.saturating_add(LINE_REACH));
        let r = self.pieces_in(&sentence);
        let own = self.pieces_in(&(q.span.start..q.span.end));
        let r = r.start.max(own.start.saturating_sub(SPEAKER_REACH))
            ..r.end.min(own.end + SPEAKER_REACH).max(r.start);
        self.hits_in(&r).any(|h| {
            matches!(h.marker, Marker::SpeechVerb | Marker::Introducer)
                && !q.contains(self.input.pieces[h.start].start)
        })
    }

    /// The speaker of the quotation over `bytes`: a verb of saying or an
    /// introducer on its line with a name near it, a line before that ends
    /// with a colon, or a caption line after it.
    pub(super) fn speaker_of(&self, bytes: Range<usize>) -> (Speaker, Option<Span>) {
        let text = self.input.text;
        let line = line_of(text, bytes.start);
        // The sentences the quotation spans: verbs of other sentences on
        // the line speak of other things.
        let sentences = self.input.sentences;
        let first = sentences.partition_point(|s| s.end <= bytes.start);
        let last = sentences.partition_point(|s| s.start < bytes.end);
        let scope = match (
            sentences.get(first),
            last.checked_sub(1).and_then(|l| sentences.get(l)),
        ) {
            (Some(a), Some(b)) => a.start.max(line.start)..b.end.min(line.end.max(bytes.end)),
            _ => line.clone(),
        };
        // A runaway quotation (an unclosed mark in a huge one-line file)
        // must not make every lookup read the whole file.
        let scope = scope.start.max(bytes.start.saturating_sub(LINE_REACH))
            ..scope.end.min(bytes.end.saturating_add(LINE_REACH));
        let quote_pieces = self.pieces_in(&bytes);
        let around = self.pieces_in(&scope);
        let around = around
            .start
            .max(quote_pieces.start.saturating_sub(SPEAKER_REACH))
            ..around
                .end
                .min(quote_pieces.end + SPEAKER_REACH)
                .max(around.start);
        // The quotation's own words, and those of other speech, never speak.
        // Asked of every piece for every verb tried: looked up once each.
        let quoted_around: Vec<bool> = around
            .clone()
            .map(|i| {
                let at = self.input.pieces[i].start;
                bytes.contains(&at) || self.in_speech_quote(at)
            })
            .collect();
        let quoted = |i: usize| match i.checked_sub(around.start) {
            Some(k) if k < quoted_around.len() => quoted_around[k],
            _ => {
                let at = self.input.pieces[i].start;
                bytes.contains(&at) || self.in_speech_quote(at)
            }
        };
        // "», conclut une retraitée": the incise's shape gives the speaker
        // whatever its verb.
        if let Some(found) = self
            .incise_after(&bytes, quote_pieces.end)
            .or_else(|| self.incise_inside(&bytes))
        {
            return found;
        }
        let verbs: Vec<&Hit> = self
            .hits_in(&around)
            .filter(|h| matches!(h.marker, Marker::SpeechVerb | Marker::Introducer))
            .filter(|h| !quoted(h.start))
            .collect();
        // The verb nearest the quotation first; what follows a verb is its
        // subject only when the verb comes right after the quotation
        // ("», résume un grutier"), else it is the verb's object.
        let mut verbs = verbs;
        verbs.sort_by_key(|h| {
            if h.start >= quote_pieces.end {
                h.start - quote_pieces.end
            } else {
                quote_pieces.start.saturating_sub(h.end)
            }
        });
        verbs.truncate(MAX_VERBS);
        let mut described: Option<(Speaker, Option<Span>)> = None;
        for verb in &verbs {
            // "selon la direction, … « … »": the source after the
            // introducer speaks.
            if verb.marker == Marker::Introducer {
                let phrase = self.source_phrase(verb.end);
                if phrase.end > phrase.start {
                    // "selon un responsable de la Santé, Maram al-Cheikh".
                    if let Some((a, b)) = self.apposed_name(phrase.end, phrase.end) {
                        return (
                            Speaker::Named(self.text_of(a, b).to_string()),
                            Some(self.span(a, b)),
                        );
                    }
                    let span = Some(self.span(phrase.start, phrase.end));
                    let who = self.text_of(phrase.start, phrase.end).to_string();
                    // "Selon lui": whoever was mentioned last.
                    if phrase.len() == 1 && PRONOUNS.contains(&self.word(phrase.start)) {
                        return self.resolve_pronoun(phrase.start);
                    }
                    return if self.is_vague(phrase.clone())
                        && !self.source_names_someone(phrase.start)
                    {
                        (Speaker::Described(who), span)
                    } else {
                        (Speaker::Named(who), span)
                    };
                }
            }
            let inverted = verb.start >= quote_pieces.end
                && (quote_pieces.end..verb.start)
                    .filter(|&i| !quoted(i))
                    .count()
                    <= 3;
            // The subject of a verb before the quotation may stand far back:
            // "Une bénévole de la Croix-Rouge, les bottes couvertes de boue,
            // le dit sans détour : « … »".
            let from = if inverted {
                verb.start.saturating_sub(8).max(around.start)
            } else {
                around.start
            };
            let to = if inverted {
                (verb.end + 10).min(around.end)
            } else {
                verb.end
            };
            let window: Vec<usize> = (from..to).filter(|&i| !quoted(i)).collect();
            // A name wins; a description waits for the other verbs, which
            // may name the speaker ("…d’un bref communiqué : « … », a réagi
            // Lin Jian").
            match self.speaker_near(&window, from == around.start, Some(verb.start)) {
                Some(found @ (Speaker::Named(_), _)) => return found,
                Some(found) => {
                    described.get_or_insert(found);
                }
                None => {}
            }
        }
        if let Some(found) = described {
            return found;
        }
        // "« … », a plaidé Laurent Peyrade.": a name right after the
        // quotation follows a verb of saying the lists may lack.
        let after: Vec<usize> = (quote_pieces.end..around.end)
            .filter(|&i| !quoted(i))
            .take(4)
            .collect();
        if after.first() == Some(&quote_pieces.end)
            && let Some((a, b)) =
                self.named_in(quote_pieces.end..quote_pieces.end + after.len(), false)
        {
            return (
                Speaker::Named(self.text_of(a, b).to_string()),
                Some(self.span(a, b)),
            );
        }
        // "L’édito du Rodong Sinmun ne tarissait pas d’éloges : « … »":
        // the clause before a colon that opens the quotation.
        if text[line.start..bytes.start].trim_end().ends_with(':') {
            let sentences = self.input.sentences;
            let sentence = crate::extract::sentences::sentence_of(sentences, bytes.start)
                .map_or(line.start, |s| sentences[s].start.max(line.start))
                .max(bytes.start.saturating_sub(LINE_REACH));
            let before = self.pieces_in(&(sentence..bytes.start));
            let before = before.start.max(before.end.saturating_sub(SPEAKER_REACH))..before.end;
            // "La chancelière allemande a livré un message : « … »": the
            // clause's subject, not the verb's object.
            if let Some(found) = self.clause_subject(before.clone()) {
                return found;
            }
            let window: Vec<usize> = before.filter(|&i| !quoted(i)).collect();
            if let Some(found) = self.speaker_in(&window, true) {
                return found;
            }
        }
        if !verbs.is_empty() {
            // "Elle accuse la majorité d’avoir « creusé une fracture » et
            // affirme…": the subject of the quotation's sentence.
            let sentence = crate::extract::sentences::sentence_of(sentences, bytes.start)
                .map(|s| sentences[s].clone());
            if let Some(sentence) = sentence
                && sentence.start < bytes.start
            {
                let r = self.pieces_in(&(sentence.start..bytes.start));
                if let Some(found @ (Speaker::Named(_), _)) = self.clause_subject(r) {
                    return found;
                }
            }
            return (Speaker::Unknown, None);
        }
        // A quotation alone on its line: the line before ("X a déclaré :")
        // or a caption after ("— X, Pékin").
        let outside = around.clone().filter(|&i| !quoted(i)).count();
        if outside <= 3 {
            if let Some(prev) = previous_line(text, line.start)
                && text[prev.clone()].trim_end().ends_with(':')
            {
                let r = self.pieces_in(&prev);
                let window: Vec<usize> = r.clone().collect();
                if let Some(found) = self.speaker_in(&window, true) {
                    return found;
                }
            }
            if let Some(caption) = self.caption_after(line.end) {
                return caption;
            }
            if let Some(lead) = self.lead_in_before(line.start) {
                return lead;
            }
        }
        (Speaker::Unknown, None)
    }

    /// The speaker among `window` pieces, nearest to `anchor` first: a
    /// name (not a complement after "de"), a pronoun after a named person,
    /// or a description ("un grutier", "sa mère", "le porte-parole").
    pub(super) fn speaker_in(
        &self,
        window: &[usize],
        at_line_start: bool,
    ) -> Option<(Speaker, Option<Span>)> {
        self.speaker_near(window, at_line_start, None)
    }

    /// [`Self::speaker_in`] around `anchor`, the verb of saying the window
    /// surrounds; definite descriptions there may refer back to a person
    /// named before.
    pub(super) fn speaker_near(
        &self,
        window: &[usize],
        at_line_start: bool,
        anchor: Option<usize>,
    ) -> Option<(Speaker, Option<Span>)> {
        let (&first, &last) = (window.first()?, window.last()?);
        let anchor_given = anchor.is_some();
        let anchor = anchor.unwrap_or(first);
        let mut order: Vec<usize> = (0..window.len()).collect();
        order.sort_by_key(|&k| (window[k].abs_diff(anchor), window[k]));
        // Where the run of consecutive pieces holding each one starts.
        let mut run_starts = Vec::with_capacity(window.len());
        for (k, &i) in window.iter().enumerate() {
            let start = match k {
                0 => i,
                _ if window[k - 1] + 1 == i => run_starts[k - 1],
                _ => i,
            };
            run_starts.push(start);
        }
        let mut fallback = None;
        for k in order {
            let i = window[k];
            // "un responsable de la Maison Blanche": a complement, not the
            // speaker.
            let mut head = i;
            while head > first
                && self.input.pieces[head].sep.joins_name()
                && is_capitalized(self.piece_text(head - 1))
            {
                head -= 1;
            }
            let de_at = if head > first && matches!(self.word(head - 1), "de" | "du" | "d" | "des")
            {
                Some(head - 1)
            } else if head > first + 1
                && matches!(self.word(head - 1), "la" | "l" | "le" | "les")
                && matches!(self.word(head - 2), "de" | "d")
            {
                Some(head - 2)
            } else {
                None
            };
            // Only after a role or an unnamed someone ("une bénévole de la
            // Croix-Rouge"): "l’édito du Rodong Sinmun" is the paper's.
            let after_de = de_at.is_some_and(|d| {
                d > 0
                    && (self.has(Marker::Role, d - 1).is_some()
                        || self.has(Marker::VagueSource, d - 1).is_some()
                        || (d >= 2
                            && self.has(Marker::Indefinite, d - 2).is_some()
                            && self
                                .piece_text(d - 1)
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)))
            });
            let run_start = run_starts[k];
            if !after_de
                && let Some((a, b)) =
                    self.named_in(i..i + 1, at_line_start && i == first && run_start == first)
            {
                // Extend to the whole name the piece starts.
                let (a, b) = self
                    .named_in(a..last + 1, false)
                    .filter(|&(x, _)| x == a)
                    .unwrap_or((a, b));
                return Some((
                    Speaker::Named(self.text_of(a, b).to_string()),
                    Some(self.span(a, b)),
                ));
            }
            let w = self.word(i);
            // A pronoun is the last person mentioned: named, or "un témoin".
            if matches!(w, "il" | "elle" | "ils" | "elles" | "lui" | "eux") {
                let at = self.input.pieces[i].start;
                if self.last_mention_named(at) == Some(false) || self.named_before(at) {
                    return Some(self.resolve_pronoun(i));
                }
            }
            // "chef des urgences", "par un appel": a complement or an object.
            let complement = i >= first + 2
                && (self.has(Marker::Indefinite, i - 1).is_some()
                    || matches!(self.word(i - 1), "sa" | "son" | "ses" | "leur"))
                && (self.has(Marker::Role, i - 2).is_some()
                    || matches!(
                        self.word(i - 2),
                        "par"
                            | "a"
                            | "au"
                            | "aux"
                            | "de"
                            | "d"
                            | "du"
                            | "pour"
                            | "avec"
                            | "sur"
                            | "dans"
                            | "en"
                            | "contre"
                    ));
            let determined = i > first
                && (self.has(Marker::Indefinite, i - 1).is_some()
                    || matches!(self.word(i - 1), "sa" | "son" | "ses" | "leur"))
                && self
                    .piece_text(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && self.has(Marker::SpeechVerb, i).is_none();
            // "», a indiqué l’équipe", "la préfecture a précisé :": a body
            // named by its function, next to the verb, speaks for itself.
            let institution = anchor_given
                && i.abs_diff(anchor) <= 3
                && i > first
                && matches!(self.word(i - 1), "le" | "la" | "l")
                && self
                    .piece_text(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && !FUNCTION_WORDS.contains(&self.word(i))
                && self.has(Marker::Role, i).is_none()
                && self.has(Marker::VagueSource, i).is_none()
                && self.has(Marker::SpeechVerb, i).is_none();
            // "le communiqué fait état de « … »": a body's document
            // speaks for the body the article named.
            let document = anchor_given
                && i.abs_diff(anchor) <= 3
                && i > first
                && matches!(self.word(i - 1), "le" | "la" | "l" | "ce" | "cette")
                && SPEAKING_DOCUMENTS.contains(&self.word(i))
                && (self.named_before(self.input.pieces[i].start)
                    || self.earlier_mention(i, i - 1).is_some());
            if (institution || document) && !complement {
                return Some((
                    Speaker::Named(self.text_of(i - 1, i + 1).to_string()),
                    Some(self.span(i - 1, i + 1)),
                ));
            }
            // "Les experts du cabinet…": an unnamed plural source describes too.
            let vague_head = self.has(Marker::VagueSource, i).is_some()
                && i > first
                && matches!(self.word(i - 1), "les" | "des" | "certains" | "plusieurs");
            let describes =
                !complement && (self.has(Marker::Role, i).is_some() || determined || vague_head);
            if describes {
                // Back over adjectives to the determiner: "la première adjointe".
                let mut i = i;
                while i > first + 1
                    && !FUNCTION_WORDS.contains(&self.word(i - 1))
                    && self
                        .piece_text(i - 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                    && matches!(self.word(i - 2), "le" | "la" | "l" | "un" | "une")
                    && self.input.pieces[i].sep == Sep::Space
                {
                    i -= 1;
                }
                let from = if i > first
                    && (self.has(Marker::Indefinite, i - 1).is_some()
                        || matches!(
                            self.word(i - 1),
                            "un" | "une"
                                | "le"
                                | "la"
                                | "l"
                                | "les"
                                | "sa"
                                | "son"
                                | "ses"
                                | "leur"
                        )) {
                    i - 1
                } else {
                    i
                };
                let end = (i + 1..(i + 3).min(last + 1))
                    .take_while(|&k| {
                        self.input.pieces[k].sep != Sep::Other
                            && !FUNCTION_WORDS.contains(&self.word(k))
                            && self.has(Marker::SpeechVerb, k).is_none()
                            && self
                                .piece_text(k)
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                    })
                    .last()
                    .map_or(i + 1, |k| k + 1);
                // "Paul Mercadier, chef des urgences": the name before, in
                // apposition.
                if from > first
                    && self.input.pieces[from].sep == Sep::Other
                    && let Some((a, b)) =
                        self.named_in(from.saturating_sub(3).max(first)..from, false)
                    && b == from
                {
                    return Some((
                        Speaker::Named(self.text_of(a, b).to_string()),
                        Some(self.span(a, b)),
                    ));
                }
                // "Son président, Arnaud Feuillet, …", "le président Emmanuel
                // Macron", "le ministre de l’Intérieur, Gérald Darmanin": the
                // name after the title, directly or after a comma, past a
                // complement ("de l’Intérieur", "du Kremlin").
                let pieces = self.input.pieces;
                let named_after = (end..(end + 6).min(pieces.len()))
                    .take_while(|&k| {
                        k == end
                            || pieces[k].sep != Sep::Other
                            || matches!(
                                self.input.text[pieces[k - 1].end..pieces[k].start].trim(),
                                ","
                            )
                    })
                    .find(|&k| {
                        let adjacent = k == end
                            || self.input.text[pieces[k - 1].end..pieces[k].start].trim() == ",";
                        let complement = k >= 2
                            && (matches!(self.word(k - 1), "de" | "du" | "d" | "des")
                                || (matches!(self.word(k - 1), "la" | "l" | "le" | "les")
                                    && matches!(self.word(k - 2), "de" | "d")));
                        adjacent && !complement && self.named_in(k..k + 1, false).is_some()
                    });
                if let Some(k) = named_after
                    && let Some((a, b)) = self.named_in(k..k + 1, false)
                {
                    let b = self
                        .named_in(a..(a + 4).min(self.input.pieces.len()), false)
                        .map_or(b, |(_, b2)| b2.max(b));
                    return Some((
                        Speaker::Named(self.text_of(a, b).to_string()),
                        Some(self.span(a, b)),
                    ));
                }
                // "le directeur sportif d’une équipe concurrente" refers to
                // nobody named before.
                let pieces = self.input.pieces;
                let of_someone = end + 1 < pieces.len()
                    && matches!(self.word(end), "d" | "de")
                    && matches!(self.word(end + 1), "un" | "une" | "autre" | "plusieurs");
                // "le président russe a évoqué…" after Vladimir Poutine was
                // named: the description refers back to him.
                let found = match determiner(self.word(from)) {
                    Some(det) if from < i && !of_someone => {
                        self.resolve_description(det, from, end)
                    }
                    _ => (
                        Speaker::Described(self.text_of(from, end).to_string()),
                        Some(self.span(from, end)),
                    ),
                };
                // "le commandement des opérations": a noun that is no role
                // describes a speaker only when no name stands nearer.
                let weak = determined
                    && self.has(Marker::Role, i).is_none()
                    && self.has(Marker::VagueSource, i).is_none();
                if !weak {
                    return Some(found);
                }
                fallback.get_or_insert(found);
            }
        }
        fallback
    }

    /// The paragraph before a quotation that opens its own: a heading
    /// that names the speaker ("Le plus heureux : Stéphane Moulin
    /// (entraîneur d’Angers)"), or a sentence that ends on a verb of saying
    /// and its subject ("…, annonce Météo-France.").
    fn lead_in_before(&self, line_start: usize) -> Option<(Speaker, Option<Span>)> {
        let text = self.input.text;
        let prev = previous_line(text, line_start)?;
        let raw = text[prev.clone()].trim();
        let r = self.pieces_in(&prev);
        if r.is_empty() {
            return None;
        }
        let heading =
            raw.split_whitespace().count() <= 12 && !raw.ends_with(['.', '!', '?', '»', '”', '"']);
        if heading {
            let (a, b) = self.named_in(r.clone(), true)?;
            return Some((
                Speaker::Named(self.text_of(a, b).to_string()),
                Some(self.span(a, b)),
            ));
        }
        // The last clause: a verb of saying, then a name up to the stop.
        let last = r.end;
        let verb = (last.saturating_sub(6).max(r.start)..last)
            .rev()
            .find(|&i| self.has(Marker::SpeechVerb, i).is_some())?;
        let (a, b) = self.named_in(verb + 1..last, false)?;
        (b == last && raw.ends_with('.')).then(|| {
            (
                Speaker::Named(self.text_of(a, b).to_string()),
                Some(self.span(a, b)),
            )
        })
    }

    /// Whether a person is named before byte `at`.
    pub(super) fn named_before(&self, at: usize) -> bool {
        self.first_person_named.is_some_and(|first| first < at)
    }

    /// A caption line after byte `after` (the end of a quotation's line):
    /// a dash line, or a short line without a full stop that names or
    /// describes the speaker.
    pub(super) fn caption_after(&self, after: usize) -> Option<(Speaker, Option<Span>)> {
        let text = self.input.text;
        let line = next_line(text, after)?;
        let raw = text[line.clone()].trim();
        // A caption is short and ends without a full stop: a dash line
        // that is a sentence is dialogue, not a signature.
        let dash = raw.starts_with(['—', '–', '-']);
        let words = raw.split_whitespace().take(13).count();
        if words > 12 || raw.ends_with(['.', '!', '?', ':', '»', '”', '"', '…']) {
            return None;
        }
        let r = self.pieces_in(&line);
        if r.is_empty() {
            return None;
        }
        let starts_with_role = self.has(Marker::Role, r.start).is_some();
        if !dash && !starts_with_role {
            return None;
        }
        let trimmed_start =
            line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
        let caption_span = self
            .input
            .lines
            .span(text, trimmed_start, trimmed_start + raw.len());
        // "— Kim Jong-un, Pékin, 2025": the speaker comes before the first
        // comma; places and dates follow it.
        let who = r.start
            ..(r.start + 1..r.end)
                .find(|&i| self.input.pieces[i].sep == Sep::Other)
                .unwrap_or(r.end);
        // "— Médecin urgentiste, Vierzon": a capital at the caption's start
        // before a lower-case word is a description, not a name.
        let described = who.len() >= 2
            && self
                .piece_text(who.start + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && self
                .input
                .candidates
                .iter()
                .all(|c| c.span.start != self.input.pieces[who.start].start);
        let declared = self
            .entity_in(self.input.pieces[who.start].start..self.input.pieces[who.start].end)
            .is_some();
        let skip_first = starts_with_role || (described && !declared);
        match self.named_in(who, skip_first) {
            Some((a, b)) => Some((
                Speaker::Named(self.text_of(a, b).to_string()),
                Some(self.span(a, b)),
            )),
            None => Some((
                Speaker::Described(raw.trim_start_matches(['—', '–', '-', ' ']).to_string()),
                Some(caption_span),
            )),
        }
    }

    /// A paragraph in the first person, without quotation marks, signed
    /// by a caption line: "J’aimerais… \n Président russe lors de…".
    pub(super) fn unmarked_speech(&self, out: &mut Vec<Speech>) {
        let text = self.input.text;
        let Some(body_start) = self.input.pieces.first().map(|p| p.start) else {
            return;
        };
        let first = line_of(text, body_start).start;
        let mut next = first;
        for chunk in text[first..].split_inclusive('\n') {
            let start = next;
            next += chunk.len();
            let line = start..start + chunk.trim_end_matches(['\n', '\r']).len();
            let raw = text[line.clone()].trim();
            if !raw.ends_with(['.', '!', '…']) {
                continue;
            }
            // Cheap tests first: this runs on every line of every article.
            let r = self.pieces_in(&line);
            if r.len() < 6 {
                continue;
            }
            let first_person = self
                .hits_in(&r)
                .filter(|h| h.marker == Marker::FirstPerson)
                .count();
            let quoted = self
                .speech_quotes_in(line.clone())
                .any(|q| q.span.end <= line.end);
            if first_person == 0 || quoted {
                continue;
            }
            if let Some((speaker, speaker_span)) = self.caption_after(line.end) {
                let start =
                    line.start + (text[line.clone()].len() - text[line.clone()].trim_start().len());
                out.push(Speech {
                    span: self.input.lines.span(text, start, start + raw.len()),
                    speaker,
                    speaker_span,
                });
            }
        }
    }
}

//! Check-worthy sentences and whether a source stands by them.

use std::ops::Range;

use super::markers::Hit;
use super::*;

impl Reader<'_> {
    /// Check-worthy sentences and whether a source stands by them.
    pub(super) fn claims(&self, speech: &[Speech], out: &mut Vec<Claim>) {
        let text = self.input.text;
        let sentences = self.input.sentences;
        let attributed: Vec<bool> = sentences
            .iter()
            .map(|s| {
                let r = self.pieces_in(s);
                let perspective = r.len() > 2
                    && self.word(r.start) == "pour"
                    && self
                        .named_in(r.start + 1..(r.start + 4).min(r.end), false)
                        .is_some();
                perspective
                    || self.hits_in(&r).any(|h| match h.marker {
                        Marker::Introducer => true,
                        Marker::SpeechVerb => !self.word(h.end - 1).ends_with("ant"),
                        _ => false,
                    })
                    || overlapping(speech, s).any(|q| !matches!(q.speaker, Speaker::Unknown))
            })
            .collect();
        for (n, s) in sentences.iter().enumerate() {
            let sentence = text[s.clone()].trim_end();
            if sentence.ends_with('?') || !sentence.ends_with(['.', '!', '…', '»', '”', '"', ')'])
            {
                continue; // questions, headings, list items, captions
            }
            if is_list_item(sentence) {
                continue; // a bullet sums up what the text around it sources
            }
            let r = self.pieces_in(s);
            let hits: Vec<&Hit> = self.hits_in(&r).collect();
            if hits
                .iter()
                .any(|h| matches!(h.marker, Marker::Hedge | Marker::FirstPerson))
                || r.clone().any(|i| is_conditional(self.word(i)))
            {
                continue;
            }
            if overlapping(speech, s).next().is_some() {
                continue; // the quotation's own checks cover it
            }
            let Some((a, b)) = self.claim_words(&r, &hits) else {
                continue;
            };
            let sourced = attributed[n]
                || (n > 0 && attributed[n - 1])
                || attributed.get(n + 1).copied().unwrap_or(false);
            out.push(Claim {
                span: self.span(a, b),
                text: self.text_of(a, b).to_string(),
                sourced,
            });
        }
    }

    /// The pieces that make a sentence check-worthy: an act with its
    /// object in the same clause, or a figure in digits with its unit.
    pub(super) fn claim_words(&self, r: &Range<usize>, hits: &[&Hit]) -> Option<(usize, usize)> {
        let pieces = self.input.pieces;
        let same_clause =
            |a: usize, b: usize| (a.min(b) + 1..=a.max(b)).all(|i| pieces[i].sep != Sep::Other);
        for action in hits.iter().filter(|h| h.marker == Marker::ClaimAction) {
            let object = hits
                .iter()
                .filter(|h| h.marker == Marker::ClaimObject && h.start != action.start)
                .filter(|h| {
                    h.start.abs_diff(action.start) <= 6 && same_clause(h.start, action.start)
                })
                .min_by_key(|h| {
                    let after = h.start > action.start;
                    (
                        h.start.abs_diff(action.start) + if after { 0 } else { 4 },
                        h.start,
                    )
                });
            if let Some(o) = object {
                return Some((action.start.min(o.start), action.end.max(o.end)));
            }
        }
        if let Some(a) = hits.iter().find(|h| h.marker == Marker::Accusation) {
            return Some((a.start, a.end));
        }
        for unit in hits.iter().filter(|h| h.marker == Marker::ClaimUnit) {
            // Back over "de", "d’" and magnitudes: "2 milliards de dollars".
            let mut i = unit.start;
            while i > r.start
                && matches!(
                    self.word(i - 1),
                    "de" | "d" | "million" | "millions" | "milliard" | "milliards" | "mille"
                )
            {
                i -= 1;
            }
            if i > r.start && self.is_figure(i - 1) {
                let mut start = i - 1;
                // "12 000", "3,5": digit groups and decimals.
                while start > r.start
                    && self.is_figure(start - 1)
                    && matches!(pieces[start].sep, Sep::Space | Sep::Other)
                    && pieces[start].start - pieces[start - 1].end <= 3
                {
                    start -= 1;
                }
                return Some((start, unit.end));
            }
        }
        None
    }

    /// A piece of digits that is no year.
    pub(super) fn is_figure(&self, i: usize) -> bool {
        let t = self.piece_text(i);
        let digits = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        let year = t.len() == 4 && matches!(t.parse::<u32>(), Ok(1800..=2100));
        let word = matches!(
            self.word(i),
            "trois"
                | "quatre"
                | "cinq"
                | "six"
                | "sept"
                | "huit"
                | "neuf"
                | "dix"
                | "onze"
                | "douze"
                | "quinze"
                | "vingt"
                | "trente"
                | "cent"
                | "cents"
                | "mille"
        );
        (digits && !year) || word
    }
}

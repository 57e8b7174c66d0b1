//! Check-worthy sentences and whether a source covers them.
//!
//! A source covers a claim when it stands in the claim's sentence, or when
//! the claim continues the attributed statement of its paragraph (it opens
//! with an anaphor, "Trois autres personnes…", or speaks of the same
//! things, "…blessés"), or when the sentence right after points back at it
//! ("C'est ce qu'a indiqué…"), or when an attributed sentence elsewhere in
//! the article gives the same figure. An attribution nearby about
//! something else covers nothing.

use std::ops::Range;

use super::markers::Hit;
use super::*;
use crate::extract::numbers;

/// How many sentences back, within the paragraph, an attributed statement
/// may be continued.
const CONTINUATION_SENTENCES: usize = 4;

/// The words a number in letters may start with (lone "un" is an article).
const NUMBER_WORDS: &[&str] = &[
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "septante",
    "huitante",
    "nonante",
    "cent",
    "mille",
];

/// Magnitudes and links between a figure and its unit: "2 milliards de
/// dollars", "4,7 M€".
const MAGNITUDES: &[&str] = &[
    "de",
    "d",
    "million",
    "millions",
    "milliard",
    "milliards",
    "mille",
    "m",
    "md",
    "mds",
    "k",
];

/// Words that may stand before a figure without changing what it counts.
const APPROXIMATIONS: &[&str] = &[
    "pres", "de", "d", "environ", "plus", "moins", "au", "quelque", "quelques", "pas", "un", "peu",
    "presque", "jusqu", "a", "entre",
];

/// Documents that hold figures: "selon les résultats provisoires", "d'après
/// le bilan". A source of this kind announces the figures after it.
const DOCUMENTS: &[&str] = &[
    "resultats",
    "bilan",
    "chiffres",
    "donnees",
    "rapport",
    "etude",
    "sondage",
    "estimation",
    "estimations",
    "decompte",
    "comptage",
    "statistiques",
    "releves",
    "previsions",
    "bulletin",
];

/// What a figure measures, for telling a restatement from a coincidence:
/// "15 %" does not restate "15 millions d'euros".
#[derive(Clone, Copy, Debug, PartialEq)]
enum Measure {
    Percent,
    Money,
    Count,
}

/// A figure at least this big, stated by a source somewhere in the
/// article, sources its restatement ("trois morts" in the lede, "la mort
/// de trois soldats" in the communiqué). Smaller ones recur by chance.
const RESTATED_FIGURE: f64 = 3.0;

/// What a claim is made of: its bytes, and the figures of its sentence.
struct ClaimWords {
    bytes: Range<usize>,
    figures: Vec<(f64, Measure)>,
}

impl Reader<'_> {
    /// Check-worthy sentences and whether a source covers them.
    pub(super) fn claims(&self, speech: &[Speech], out: &mut Vec<Claim>) {
        let text = self.input.text;
        let sentences = self.input.sentences;
        let attributed: Vec<bool> = sentences
            .iter()
            .map(|s| self.is_attributed(s, speech))
            .collect();
        // Whether sentence n opens a paragraph.
        let opens: Vec<bool> = (0..sentences.len())
            .map(|n| n == 0 || paragraph_break(&text[sentences[n - 1].end..sentences[n].start]))
            .collect();
        let mut stated: Option<Vec<(f64, Measure)>> = None;
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
            let Some(claim) = self.claim_words(&r, &hits) else {
                continue;
            };
            let sourced = attributed[n]
                || self.continues_statement(n, &attributed, &opens)
                || self.source_points_back(n, &attributed, &opens)
                || claim.figures.iter().any(|f| {
                    f.0 >= RESTATED_FIGURE
                        && stated
                            .get_or_insert_with(|| self.stated_figures(&attributed))
                            .contains(f)
                });
            let (a, b) = (claim.bytes.start, claim.bytes.end);
            out.push(Claim {
                span: self.input.lines.span(text, a, b),
                text: text[a..b].to_string(),
                sourced,
            });
        }
    }

    /// Whether a sentence gives its source: an introducer, a verb of
    /// saying, a named perspective ("pour Amnesty, …"), or a quotation of
    /// a known speaker.
    fn is_attributed(&self, s: &Range<usize>, speech: &[Speech]) -> bool {
        let r = self.pieces_in(s);
        let perspective = r.len() > 2
            && self.word(r.start) == "pour"
            && self
                .named_in(r.start + 1..(r.start + 4).min(r.end), false)
                .is_some();
        // "Les États-Unis accusent l'Iran…": the accuser is the source.
        let accuser = |i: usize| {
            matches!(
                self.word(i),
                "accuse" | "accusent" | "accusait" | "accusaient" | "accusera" | "accuseront"
            )
        };
        // "ont été placés par Météo-France en vigilance orange": the body
        // that acts gives the figure (a country that delivers does not).
        let agent = (r.start + 1..r.end).any(|i| {
            self.word(i) == "par"
                && ["é", "ée", "és", "ées"]
                    .iter()
                    .any(|e| self.piece_text(i - 1).ends_with(e))
                && i + 1 < r.end
                && self.names_someone_in(i..(i + 2).min(r.end))
                && self
                    .entity_in(self.input.pieces[i + 1].start..self.input.pieces[i + 1].end)
                    .is_none_or(|(kind, _)| kind != EntityKind::Place)
        });
        // "Météo-France ayant étendu sa vigilance": a body acting in an
        // absolute clause gives the figures.
        let acting = (r.start + 1..r.end).any(|i| {
            self.word(i) == "ayant"
                && self.names_someone_in(i.saturating_sub(2).max(r.start)..i)
                // "la France ayant…" is a country; "Météo-France" a body.
                && (self.input.pieces[i - 1].sep == Sep::Hyphen
                    || self
                        .entity_in(self.input.pieces[i - 1].start..self.input.pieces[i - 1].end)
                        .is_none_or(|(kind, _)| kind != EntityKind::Place))
        });
        perspective
            || agent
            || acting
            || self.hits_in(&r).any(|h| match h.marker {
                Marker::Introducer => true,
                Marker::SpeechVerb => !self.word(h.end - 1).ends_with("ant"),
                Marker::ClaimAction => accuser(h.start),
                _ => false,
            })
            || overlapping(speech, s).any(|q| !matches!(q.speaker, Speaker::Unknown))
    }

    /// Whether sentence `n` continues an attributed statement before it:
    /// in its paragraph, opening with an anaphor or speaking of the same
    /// things; across a paragraph break, only with an explicit link ("Au
    /// total", "Trois autres", "Dans le même temps").
    fn continues_statement(&self, n: usize, attributed: &[bool], opens: &[bool]) -> bool {
        let sentences = self.input.sentences;
        let r = self.pieces_in(&sentences[n]);
        if opens[n] {
            return n > 0 && attributed[n - 1] && self.opens_with_link(&r);
        }
        let mut k = n;
        while k > 0 && n - k < CONTINUATION_SENTENCES {
            k -= 1;
            if attributed[k] {
                let before = self.pieces_in(&sentences[k]);
                return self.opens_with_anaphor(&r)
                    || self.opens_with_link(&r)
                    || (k + 1 == n && self.opens_with_figure(&r))
                    || self.same_things(&before, &r)
                    || self.announces(&before);
            }
            if opens[k] {
                break;
            }
        }
        false
    }

    /// Whether the sentence after `n`, in its paragraph, attributes it:
    /// "C'est ce qu'a indiqué…", "Ce bilan a été communiqué par…", or an
    /// attributed sentence about the same things.
    fn source_points_back(&self, n: usize, attributed: &[bool], opens: &[bool]) -> bool {
        let sentences = self.input.sentences;
        let m = n + 1;
        if m >= sentences.len() || opens[m] || !attributed[m] {
            return false;
        }
        let next = self.pieces_in(&sentences[m]);
        let w = |k: usize| {
            if next.start + k < next.end {
                self.word(next.start + k)
            } else {
                ""
            }
        };
        let points_back = matches!(w(0), "ce" | "cet" | "cette" | "ces")
            || (w(0) == "c" && w(1) == "est")
            || (matches!(w(0), "l" | "une" | "un" | "le")
                && matches!(w(1), "information" | "bilan" | "chiffre" | "annonce"))
            || (w(0) == "selon" && w(2) == "meme")
            // "…ont augmenté de 3,6 %. Selon les chiffres de l'Insee, …":
            // the document the figures come from.
            || (matches!(w(0), "selon" | "apres")
                && (DOCUMENTS.contains(&w(2)) || DOCUMENTS.contains(&w(3))))
            // "Un deuxième mandat annoncé ce jeudi par…": a participle
            // with its agent.
            || self.hits_in(&(next.start..(next.start + 5).min(next.end))).any(|h| {
                h.marker == Marker::SpeechVerb
                    && ["é", "ée", "és", "ées"]
                        .iter()
                        .any(|e| self.piece_text(h.end - 1).ends_with(e))
                    && (h.end..(h.end + 4).min(next.end)).any(|i| self.word(i) == "par")
            });
        points_back || self.same_things(&self.pieces_in(&sentences[n]), &next)
    }

    /// "Il", "Ce bilan", "Ses…", "Dont…": a sentence that can only be read
    /// with the one before it.
    fn opens_with_anaphor(&self, r: &Range<usize>) -> bool {
        r.start < r.end
            && matches!(
                self.word(r.start),
                "il" | "elle"
                    | "ils"
                    | "elles"
                    | "ce"
                    | "cet"
                    | "cette"
                    | "ces"
                    | "celui"
                    | "celle"
                    | "ceux"
                    | "celles"
                    | "son"
                    | "sa"
                    | "ses"
                    | "leur"
                    | "leurs"
                    | "dont"
                    | "soit"
                    | "outre"
            )
    }

    /// "Trois personnes…", "Près de 10 000 personnes…": a toll or a count
    /// as its subject, going on with the figures of the sentence before.
    fn opens_with_figure(&self, r: &Range<usize>) -> bool {
        let mut i = r.start;
        while i < r.end && APPROXIMATIONS.contains(&self.word(i)) && i < r.start + 3 {
            i += 1;
        }
        i < r.end && self.figure_at(i, r.end).is_some()
    }

    /// "…a remporté la présidentielle, selon les résultats provisoires de
    /// l'ANE.": an attribution by "selon" with no figure of its own, which
    /// announces the details its paragraph then gives.
    fn announces(&self, r: &Range<usize>) -> bool {
        self.hits_in(r).any(|h| {
            h.marker == Marker::Introducer
                && (h.end..(h.end + 3).min(r.end)).any(|i| DOCUMENTS.contains(&self.word(i)))
        }) && !(r.start..r.end).any(|i| {
            self.figure_at(i, r.end)
                .is_some_and(|(_, last)| self.unit_after(i, last, r.end).is_some())
        })
    }

    /// Explicit links to what was said before: "Au total", "Parmi eux",
    /// "Trois autres", "La deuxième victime", "Dans le même temps".
    fn opens_with_link(&self, r: &Range<usize>) -> bool {
        let w = |k: usize| {
            if r.start + k < r.end {
                self.word(r.start + k)
            } else {
                ""
            }
        };
        matches!(w(0), "parmi")
            || matches!(
                (w(0), w(1)),
                ("au", "total") | ("en", "tout") | ("de", "meme") | ("en", "detail")
            )
            || (w(0), w(1), w(2)) == ("dans", "le", "detail")
            || (w(0), w(1), w(2), w(3)) == ("dans", "le", "meme", "temps")
            || matches!(w(1), "autre" | "autres")
            || (matches!(w(0), "le" | "la" | "les" | "l")
                && matches!(
                    w(1),
                    "deuxieme"
                        | "second"
                        | "seconde"
                        | "troisieme"
                        | "dernier"
                        | "derniere"
                        | "reste"
                        | "meme"
                        | "bilan"
                        | "total"
                ))
    }

    /// Whether two sentences count or name the same things: a unit or an
    /// object of the claim lists in common ("blessés", "voix").
    fn same_things(&self, a: &Range<usize>, b: &Range<usize>) -> bool {
        let things = |r: &Range<usize>| -> Vec<&str> {
            self.hits_in(r)
                .filter(|h| matches!(h.marker, Marker::ClaimUnit | Marker::ClaimObject))
                .map(|h| self.word(h.start).trim_end_matches(['s', 'x']))
                .filter(|w| !w.is_empty())
                .collect()
        };
        let of_a = things(a);
        !of_a.is_empty() && things(b).iter().any(|w| of_a.contains(w))
    }

    /// The figures the article attributes: in attributed sentences.
    fn stated_figures(&self, attributed: &[bool]) -> Vec<(f64, Measure)> {
        let mut out = Vec::new();
        for (s, _) in self
            .input
            .sentences
            .iter()
            .zip(attributed)
            .filter(|(_, a)| **a)
        {
            let r = self.pieces_in(s);
            let mut i = r.start;
            while i < r.end {
                match self.figure_at(i, r.end) {
                    Some((value, last)) => {
                        out.push((value, self.measure(last, r.end)));
                        i = last + 1;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    /// What the figure ending at piece `last` measures.
    fn measure(&self, last: usize, end: usize) -> Measure {
        let text = self.input.text;
        let pieces = self.input.pieces;
        let mut j = last;
        loop {
            let upto = pieces.get(j + 1).map_or(text.len(), |p| p.start);
            let gap = text[pieces[j].end..upto].trim_start();
            if gap.starts_with('%') {
                return Measure::Percent;
            }
            if gap.starts_with(['€', '$', '£']) {
                return Measure::Money;
            }
            j += 1;
            if j >= end {
                return Measure::Count;
            }
            let w = self.word(j);
            if w == "pour" && j + 1 < end && self.word(j + 1) == "cent" {
                return Measure::Percent;
            }
            if ["euro", "dollar", "rouble", "franc", "livre", "yuan"]
                .iter()
                .any(|m| w.starts_with(m))
            {
                return Measure::Money;
            }
            if !MAGNITUDES.contains(&w) {
                return Measure::Count;
            }
        }
    }

    /// The pieces that make a sentence check-worthy: an act with its
    /// object in the same clause, an accusation, or a figure with its unit
    /// ("12 000 soldats", "25 %", "4,7 M€", "quarante-deux personnes").
    fn claim_words(&self, r: &Range<usize>, hits: &[&Hit]) -> Option<ClaimWords> {
        let pieces = self.input.pieces;
        let bytes = |a: usize, b: usize| pieces[a].start..pieces[b - 1].end;
        let same_clause =
            |a: usize, b: usize| (a.min(b) + 1..=a.max(b)).all(|i| pieces[i].sep != Sep::Other);
        let figures = || {
            let mut out = Vec::new();
            let mut i = r.start;
            while i < r.end {
                match self.figure_at(i, r.end) {
                    Some((value, last)) => {
                        out.push((value, self.measure(last, r.end)));
                        i = last + 1;
                    }
                    None => i += 1,
                }
            }
            out
        };
        if self.is_background(r) {
            return None;
        }
        // "de présumés jihadistes ont attaqué": the text itself only
        // presumes who acted; an editor has nothing to source.
        let presumed = |a: usize| {
            (a.saturating_sub(4).max(r.start)..a).any(|i| {
                let w = self.word(i);
                w.starts_with("presum") || w.starts_with("suppose")
            })
        };
        for action in hits
            .iter()
            .filter(|h| h.marker == Marker::ClaimAction && !presumed(h.start))
        {
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
                return Some(ClaimWords {
                    bytes: bytes(action.start.min(o.start), action.end.max(o.end)),
                    figures: figures(),
                });
            }
        }
        // "L'automobiliste tué dans la nuit, Hervé Le Bihan, était…": a
        // death already told, naming who it was.
        let told = |a: usize| {
            a >= 2
                && matches!(self.word(a - 2), "le" | "la" | "l" | "les")
                && self.lowercase_piece(a - 1)
        };
        if let Some(a) = hits
            .iter()
            .find(|h| h.marker == Marker::Accusation && !told(h.start))
        {
            return Some(ClaimWords {
                bytes: bytes(a.start, a.end),
                figures: figures(),
            });
        }
        let mut i = r.start;
        while i < r.end {
            let Some((_, last)) = self.figure_at(i, r.end) else {
                i += 1;
                continue;
            };
            if let Some(end) = self.unit_after(i, last, r.end) {
                return Some(ClaimWords {
                    bytes: pieces[i].start..end,
                    figures: figures(),
                });
            }
            i = last + 1;
        }
        None
    }

    /// A figure starting at piece `i` (before piece `end`): its value and
    /// last piece. Years, and numbers glued to a word before them, are no
    /// figures.
    fn figure_at(&self, i: usize, end: usize) -> Option<(f64, usize)> {
        let pieces = self.input.pieces;
        let t = self.piece_text(i);
        let digit = t.as_bytes()[0].is_ascii_digit();
        if !digit && !NUMBER_WORDS.contains(&self.word(i)) {
            return None;
        }
        if i > 0 && pieces[i].sep == Sep::Hyphen {
            return None; // "Covid-19", "A-400"
        }
        let (value, to) = numbers::figure_at(self.input.text, pieces[i].start)?;
        let last = pieces[i..end].partition_point(|p| p.start < to) + i - 1;
        let year = last == i && t.len() == 4 && (1800.0..=2100.0).contains(&value);
        (!year).then_some((value, last))
    }

    /// The end byte of the unit after a figure ending at piece `last`,
    /// when it makes a claim: a listed unit, "%", a currency sign.
    /// Background and biography are no claims: "(6 344 habitants)",
    /// "Mère de trois enfants".
    fn unit_after(&self, first: usize, last: usize, end: usize) -> Option<usize> {
        let text = self.input.text;
        let pieces = self.input.pieces;
        let sign = |from: usize| -> Option<usize> {
            let upto = pieces.get(from + 1).map_or(text.len(), |p| p.start);
            let gap = &text[pieces[from].end..upto];
            let trimmed = gap.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
            let c = trimmed.chars().next()?;
            matches!(c, '%' | '€' | '$' | '£')
                .then(|| pieces[from].end + (gap.len() - trimmed.len()) + c.len_utf8())
        };
        // An aside: "(6 344 habitants)", "(53 morts dont 44 enfants)".
        let before = text[..pieces[first].start].trim_end_matches([' ', '\u{a0}']);
        // Back over "un peu plus de", "près de": what the figure counts.
        let mut from = first;
        while from > 0 && first - from < 4 && APPROXIMATIONS.contains(&self.word(from - 1)) {
            from -= 1;
        }
        let word_before = |k: usize| if from >= k { self.word(from - k) } else { "" };
        // Biography: "Mère de trois enfants".
        let parent = matches!(word_before(1), "mere" | "pere");
        // Things already known or worked out: "les deux enfants", "soit
        // 7,46 % des inscrits".
        let given = matches!(
            word_before(1),
            "les" | "ses" | "leurs" | "ces" | "nos" | "vos" | "soit" | "dont"
        );
        if before.ends_with('(') || parent || given {
            return None;
        }
        if let Some(e) = sign(last) {
            return Some(e);
        }
        let mut j = last + 1;
        while j < end && MAGNITUDES.contains(&self.word(j)) {
            if let Some(e) = sign(j) {
                return Some(e);
            }
            j += 1;
        }
        let unit = self.has(Marker::ClaimUnit, j).filter(|_| j < end)?;
        // Family: "Anthony a deux enfants à nourrir", "elle avait trois
        // petits-enfants".
        let family = self.word(j).starts_with("enfant") || self.word(j) == "petits";
        let had = first > 0
            && matches!(
                self.word(first - 1),
                "a" | "ai" | "avait" | "ont" | "avaient"
            );
        if family && had {
            return None;
        }
        // A vote on the public record: "par 44 voix contre 23".
        let tally = self.word(j) == "voix" && j + 1 < end && self.word(j + 1) == "contre";
        (!tally).then(|| pieces[unit.end - 1].end)
    }

    fn lowercase_piece(&self, i: usize) -> bool {
        self.piece_text(i)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    }

    /// Background told in the pluperfect with a time long past: "En 2020,
    /// il avait été élu avec 53 %", "Déjà l'été dernier, dix voitures
    /// avaient brûlé".
    fn is_background(&self, r: &Range<usize>) -> bool {
        let pluperfect = (r.start..r.end).any(|i| matches!(self.word(i), "avait" | "avaient"));
        pluperfect
            && (r.start..r.end).any(|i| {
                matches!(self.word(i), "deja" | "dernier" | "derniere")
                    || matches!(self.piece_text(i).parse::<u32>(), Ok(1800..=2100))
            })
    }
}

/// Whether the text between two sentences holds a paragraph break: a
/// blank line.
fn paragraph_break(gap: &str) -> bool {
    let mut newlines = 0;
    for c in gap.chars() {
        match c {
            '\n' => newlines += 1,
            ' ' | '\t' | '\r' | '\u{a0}' => {}
            _ => newlines = 0,
        }
        if newlines >= 2 {
            return true;
        }
    }
    false
}

//! What a description or a pronoun refers back to, read the way a reader
//! does: the last mention of the same head noun ("la maire Pascale
//! Jubault-Chaussé" … "raconte la maire"), the last person mentioned for a
//! pronoun, whether named or not ("un témoin" … "selon lui").

use super::incise::{Determiner, determiner};
use super::*;

/// How far back (bytes) a description looks for what it refers to.
const MENTION_REACH: usize = 4 * 1024;

/// "ce dernier", "l’intéressée": refer to the last person named.
const ANAPHORS: &[&str] = &["dernier", "derniere", "derniers", "interesse", "interessee"];

impl Reader<'_> {
    /// A description determined at piece `start`, its head words up to
    /// `head_end`: what a reader takes it for.
    pub(super) fn resolve_description(
        &self,
        det: Determiner,
        start: usize,
        head_end: usize,
    ) -> (Speaker, Option<Span>) {
        let text = self.text_of(start, head_end).to_string();
        let span = Some(self.span(start, head_end));
        let described = (Speaker::Described(text.clone()), span);
        let named = (Speaker::Named(text), span);
        if !matches!(det, Determiner::Definite | Determiner::Demonstrative) || head_end <= start + 1
        {
            return described;
        }
        let head = start + 1;
        let at = self.input.pieces[start].start;
        // "la préfecture", "le parquet": a body speaks for itself.
        if self.has(Marker::Institution, head).is_some() {
            return named;
        }
        // "décrit le communiqué": a body's document, once someone is named
        // or the document was introduced ("a publié un communiqué").
        if super::speakers::SPEAKING_DOCUMENTS.contains(&self.word(head))
            && (self.named_before(at) || self.earlier_mention(head, start).is_some())
        {
            return named;
        }
        // "cette source", "les autorités": still nobody.
        if self.has(Marker::VagueSource, head).is_some() {
            return described;
        }
        if ANAPHORS.contains(&self.word(head)) {
            return if self.named_before(at) {
                named
            } else {
                described
            };
        }
        match self.earlier_mention(head, start) {
            Some(true) => return named,
            Some(false) => return described,
            None => {}
        }
        // A role nobody was given: "le président français" after the title
        // named him; a plural ("les enfants") stays a group.
        let plural = matches!(self.word(start), "les" | "ces");
        if !plural && self.has(Marker::Role, head).is_some() && self.named_before(at) {
            return named;
        }
        if !plural && self.named_before(at) && self.last_mention_named(at) == Some(true) {
            return named;
        }
        described
    }

    /// The last earlier use of the head noun at piece `head` before piece
    /// `before`: `Some(true)` when a name stands by it ("la maire Pascale
    /// X", "Anne Hidalgo, maire de Paris"), `Some(false)` when it was
    /// indefinite ("un témoin" … "le témoin"), `None` when not used.
    pub(super) fn earlier_mention(&self, head: usize, before: usize) -> Option<bool> {
        let pieces = self.input.pieces;
        let word = self.word(head);
        let floor = pieces[before]
            .start
            .saturating_sub(MENTION_REACH)
            .max(pieces.first().map_or(0, |p| p.start));
        let first = pieces.partition_point(|p| p.start < floor);
        let j = (first..before).rev().find(|&j| self.word(j) == word)?;
        // A name after it ("la maire Pascale X", "le ministre de la
        // Défense, Jean-Yves Le Drian") or before it ("Anne Hidalgo, maire").
        let after = self.named_in(j + 1..(j + 6).min(before), false).is_some();
        let before_it = j >= 1
            && (j.saturating_sub(4)..j).any(|k| self.named_in(k..k + 1, false).is_some())
            && (j.saturating_sub(2)..=j).any(|k| {
                k > 0 && self.input.text[pieces[k - 1].end..pieces[k].start].contains(',')
            });
        if after || before_it {
            return Some(true);
        }
        let indefinite = j >= 1
            && (j.saturating_sub(3)..j)
                .any(|k| matches!(determiner(self.word(k)), Some(Determiner::Indefinite)));
        indefinite.then_some(false)
    }

    /// Whether the last person mentioned before byte `at` was named
    /// (`Some(true)`: a name) or not (`Some(false)`: "un témoin", "une
    /// source"), within a few paragraphs.
    pub(super) fn last_mention_named(&self, at: usize) -> Option<bool> {
        self.last_mention_agreeing(at, "")
    }

    /// [`Self::last_mention_named`] for a pronoun (`il`, `elles`…): an
    /// unnamed mention counts only when its determiner agrees with it
    /// ("des individus" is no "elle").
    fn last_mention_agreeing(&self, at: usize, pronoun: &str) -> Option<bool> {
        let pieces = self.input.pieces;
        let floor = at.saturating_sub(MENTION_REACH);
        let first = pieces.partition_point(|p| p.start < floor);
        let end = pieces.partition_point(|p| p.start < at);
        let name = (first..end).rev().find(|&i| {
            let p = pieces[i];
            matches!(
                self.entity_in(p.start..p.end),
                Some((EntityKind::Person | EntityKind::Organisation, _))
            ) || self.candidate_in(p.start..p.end).is_some()
                || self.role_of_named_body(i)
        });
        let unnamed = (first.max(1)..end).rev().find(|&i| {
            (self.has(Marker::Role, i).is_some() || self.has(Marker::VagueSource, i).is_some())
                && matches!(determiner(self.word(i - 1)), Some(Determiner::Indefinite))
                && agrees(pronoun, self.word(i - 1))
                && !self.in_speech_quote(pieces[i].start)
        });
        match (name, unnamed) {
            (Some(n), Some(u)) => Some(n > u),
            (Some(_), None) => Some(true),
            (None, Some(_)) => Some(false),
            (None, None) => None,
        }
    }

    /// Whether piece `i` is a definite role whose complement names its
    /// body: "La présidente de l’association des victimes … (AVIPA)", "le
    /// porte-parole du Kremlin".
    fn role_of_named_body(&self, i: usize) -> bool {
        let pieces = self.input.pieces;
        let text = self.input.text;
        if i == 0 || !matches!(self.word(i - 1), "le" | "la" | "l") {
            return false;
        }
        if self.has(Marker::Role, i).is_none() {
            return false;
        }
        if !matches!(self.word(i + 1), "de" | "du" | "des" | "d") {
            return false;
        }
        let gap = |k: usize| &text[pieces[k - 1].end..pieces[k].start];
        let limit = (i + 20).min(pieces.len());
        let end = |stops: &[char]| {
            (i + 1..limit)
                .find(|&k| gap(k).contains(stops))
                .unwrap_or(limit)
        };
        // The name in the complement, or in brackets after a list: "…,
        // parents et amis du massacre (AVIPA)".
        let clause = end(&[',', '.', ';', ':']);
        let sentence = end(&['.', ';', ':']);
        self.names_someone_in(i + 2..clause)
            || (clause..sentence).any(|k| gap(k).contains('(') && self.names_someone_in(k..k + 1))
    }

    /// A pronoun subject at piece `i` ("a-t-il ajouté", "selon lui"): the
    /// last person mentioned, named or not.
    pub(super) fn resolve_pronoun(&self, i: usize) -> (Speaker, Option<Span>) {
        let at = self.input.pieces[i].start;
        let who = self.piece_text(i).to_string();
        let span = Some(self.span(i, i + 1));
        match self.last_mention_agreeing(at, self.word(i)) {
            Some(false) => (Speaker::Described(who), span),
            Some(true) => (Speaker::Named(who), span),
            _ if self.named_before(at) => (Speaker::Named(who), span),
            _ => (Speaker::Described(who), span),
        }
    }
}

/// Whether an indefinite determiner agrees with a pronoun in gender and
/// number ("une source" … "elle"); any does with no pronoun.
fn agrees(pronoun: &str, det: &str) -> bool {
    let plural = matches!(
        det,
        "des" | "certains" | "certaines" | "plusieurs" | "quelques"
    );
    match pronoun {
        "il" | "lui" => det == "un",
        "elle" => det == "une",
        "ils" | "eux" => plural && det != "certaines",
        "elles" => plural && det != "certains",
        _ => true,
    }
}

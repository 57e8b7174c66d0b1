//! What the French language checks (typography, grammar) share about one
//! document: the regions that are not French prose (code, tables,
//! quotations in English), and which apostrophe the document uses.

use std::ops::Range;

use crate::extract::{Facts, Prose, Quotation};
use crate::rules::Typography;

/// Where French rules apply in one document.
pub struct Regions {
    /// Code blocks, inline code and table rows: sorted byte ranges.
    markup: Vec<Range<usize>>,
    /// Quotations whose words are English, in text order.
    foreign: Vec<Range<usize>>,
}

impl Regions {
    pub fn new(facts: &Facts, prose: &Prose, typography: &Typography) -> Regions {
        Regions {
            markup: markup(prose.text, prose.body.clone()),
            foreign: facts
                .quotations
                .iter()
                .filter(|q| is_english(prose.text, q, typography))
                .map(|q| q.span.start..q.span.end)
                .collect(),
        }
    }

    /// Whether `at` lies in code or a table row.
    pub fn in_markup(&self, at: usize) -> bool {
        let i = self.markup.partition_point(|r| r.end <= at);
        self.markup.get(i).is_some_and(|r| r.start <= at)
    }

    /// Whether `at` lies in a quotation in English.
    pub fn in_foreign_quote(&self, at: usize) -> bool {
        // In text order, nesting at most two deep: the holder is among the
        // last three starting at or before `at`.
        let i = self.foreign.partition_point(|r| r.start <= at);
        self.foreign[i.saturating_sub(3)..i]
            .iter()
            .any(|r| r.contains(&at))
    }

    /// Whether French rules skip `at`: code, tables, English quotations,
    /// or a region the rules exclude.
    pub fn skips(&self, prose: &Prose, at: usize) -> bool {
        prose.is_excluded(at, at + 1) || self.in_markup(at) || self.in_foreign_quote(at)
    }
}

/// Whether a quotation's words are more English than French, by the
/// markers of the rules ("Who cares?" is English, « qui s’en soucie ? » is
/// not, "game changer" has no marker and stays French).
fn is_english(text: &str, q: &Quotation, typography: &Typography) -> bool {
    let (mut english, mut french) = (0usize, 0usize);
    let mut lower = String::new();
    for word in text[q.inner.clone()].split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 8 {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if typography.english_markers.contains(&lower) {
            english += 1;
        } else if typography.french_markers.contains(&lower) {
            french += 1;
        }
    }
    english > french
}

/// Code and tables in `text[body]`: fenced blocks (``` or ~~~), lines
/// indented by a tab or four spaces, `inline code`, and rows that begin
/// with `|`.
fn markup(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Most articles have none of it: a few fast byte searches say so.
    let bytes = &text.as_bytes()[body.clone()];
    let maybe = memchr::memchr3(b'`', b'|', b'\t', bytes).is_some()
        || memchr::memmem::find(bytes, b"~~~").is_some()
        || memchr::memmem::find(bytes, b"\n    ").is_some()
        || bytes.starts_with(b"    ");
    if !maybe {
        return out;
    }
    let mut fence_start: Option<usize> = None;
    let mut at = body.start;
    for line in text[body].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start();
        let is_fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
        if let Some(s) = fence_start {
            if is_fence {
                out.push(s..at);
                fence_start = None;
            }
            continue;
        }
        if is_fence {
            fence_start = Some(start);
        } else if trimmed.starts_with('|') || line.starts_with('\t') || line.starts_with("    ") {
            out.push(start..at);
        } else if line.contains('`') {
            let mut open: Option<usize> = None;
            for (i, _) in line.match_indices('`') {
                match open.take() {
                    Some(o) => out.push(start + o..start + i + 1),
                    None => open = Some(i),
                }
            }
        }
    }
    if let Some(s) = fence_start {
        out.push(s..at);
    }
    out
}

/// The apostrophe the document uses most between letters: ’ or '. Only
/// the apostrophes are looked at, found by a fast byte search.
pub fn apostrophe(text: &str) -> char {
    let between_letters = |at: usize, len: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
            && text[at + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    };
    let curly = memchr::memmem::find_iter(text.as_bytes(), "’".as_bytes())
        .filter(|&at| between_letters(at, '’'.len_utf8()))
        .count();
    let straight = memchr::memchr_iter(b'\'', text.as_bytes())
        .filter(|&at| between_letters(at, 1))
        .count();
    if straight > curly { '\'' } else { '’' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_tables_are_markup() {
        let text = "Texte `a:b` ici\n```\nx:y\n```\n| a:b |\nfin:b";
        let m = markup(text, 0..text.len());
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m[0].contains(&at("a:b")));
        assert!(m[1].contains(&at("x:y")));
        assert!(m[2].contains(&at("| a")));
        assert!(!m.iter().any(|r| r.contains(&at("fin:b"))));
    }

    #[test]
    fn the_apostrophe_in_use_wins() {
        assert_eq!(apostrophe("l’an, d’abord, l'été"), '’');
        assert_eq!(apostrophe("l'an, d'abord, l’été, 'cité'"), '\'');
        assert_eq!(apostrophe("rien"), '’');
    }
}

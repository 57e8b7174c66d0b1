//! Sentence boundaries, enough to tie a fact to the sentence that states
//! it. A sentence ends at ". ", "! ", "? " or "… " before a capital, a
//! quote or a dash, and at every line break (headings and list items are
//! sentences of their own). "M. Poutine", initials ("J. Kirby") and
//! numbers ("12.000") do not end a sentence.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mgr", "Dr", "Pr", "St", "Ste", "etc", "cf", "av", "apr",
    "env", "n°", "p", "vol", "art", "chap", "éd", "janv", "févr", "avr", "juil", "sept", "oct",
    "nov", "déc", "vs", "ex", "min", "max", "hab", "Gal", "Lt", "Cdt",
];

/// How long a « … » quotation may keep its full stops from ending the
/// sentence: past this, the mark is taken as unclosed.
const MAX_QUOTED_SENTENCE: usize = 2048;

/// Byte ranges of the sentences of `body`, shifted by `offset`.
pub fn sentences(body: &str, offset: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = body.as_bytes();
    // Candidate ends, in order: punctuation and line breaks found with
    // memchr, so the bytes in between are never looked at one by one.
    let mut punctuation = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut breaks = memchr::memchr2_iter(b'\n', 0xE2, bytes).peekable();
    // How deep in « … » the scan is, kept up to date incrementally (guillemets
    // are C2 AB and C2 BB); a line break closes everything.
    let mut depth = 0usize;
    let mut opened_at = 0usize;
    let mut scanned = 0usize;
    loop {
        let i = match (punctuation.peek(), breaks.peek()) {
            (Some(&p), Some(&b)) if p < b => punctuation.next(),
            (Some(_), Some(_)) | (None, Some(_)) => breaks.next(),
            (Some(_), None) => punctuation.next(),
            (None, None) => None,
        };
        let Some(i) = i else { break };
        if i < start {
            continue;
        }
        let b = bytes[i];
        for j in memchr::memchr2_iter(b'\n', 0xC2, &bytes[scanned..i]).map(|j| j + scanned) {
            match (bytes[j], bytes.get(j + 1)) {
                (b'\n', _) => depth = 0,
                (_, Some(0xAB)) => {
                    if depth == 0 {
                        opened_at = j;
                    }
                    depth += 1;
                }
                (_, Some(0xBB)) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        scanned = scanned.max(i);
        // An unclosed « must not swallow the rest of a long paragraph.
        if depth > 0 && i - opened_at > MAX_QUOTED_SENTENCE {
            depth = 0;
        }
        let end_here = match b {
            b'\n' => true,
            // Inside « … » a full stop ends the speaker's sentence, not ours.
            // Unless the quotation closes right after it: "« Non. » Fin."
            b'.' | b'!' | b'?' if depth > 0 => {
                depth == 1
                    && body[i + 1..]
                        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
                        .starts_with('»')
                    && ends_sentence(body, i)
            }
            b'.' | b'!' | b'?' => ends_sentence(body, i),
            // "…" is three bytes: E2 80 A6.
            _ => {
                body.is_char_boundary(i)
                    && body[i..].starts_with('…')
                    && ends_sentence(body, i + '…'.len_utf8() - 1)
            }
        };
        if end_here {
            let stop = if b == b'\n' {
                i
            } else {
                closing_marks_end(body, i + char_len(body, i))
            };
            push(&mut out, body, start, stop, offset);
            start = stop;
        }
    }
    push(&mut out, body, start, body.len(), offset);
    out
}

/// Past the closing quotation marks that follow a sentence's last
/// punctuation: "… jamais. »" ends after the ».
fn closing_marks_end(body: &str, mut at: usize) -> usize {
    let rest = &body[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if let Some(mark) = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '»' | '”' | '"'))
    {
        at += rest.len() - trimmed.len() + mark.len_utf8();
    }
    at
}

fn char_len(body: &str, i: usize) -> usize {
    body[i..].chars().next().map_or(1, char::len_utf8)
}

fn push(out: &mut Vec<Range<usize>>, body: &str, start: usize, stop: usize, offset: usize) {
    let piece = &body[start..stop];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_stop = start + piece.trim_end().len();
    if trimmed_start < trimmed_stop {
        out.push(trimmed_start + offset..trimmed_stop + offset);
    }
}

/// Whether the punctuation at byte `i` ends a sentence.
fn ends_sentence(body: &str, i: usize) -> bool {
    let mut after = &body[i + 1..];
    // Closing marks belong to the sentence they close: ". »", ".”", ".\"".
    let spaced = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if let Some(rest) = spaced.strip_prefix(['»', '”']) {
        after = rest;
    } else if let Some(rest) = after.strip_prefix('"') {
        after = rest;
    }
    let mut rest = after.chars();
    match rest.next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let next = after.trim_start().chars().next();
    let starts_new = next.is_none_or(|c| {
        c.is_uppercase() || matches!(c, '«' | '"' | '“' | '—' | '–' | '-' | '(' | '\'')
    });
    if !starts_new {
        return false;
    }
    if body.as_bytes()[i] != b'.' {
        return true;
    }
    // The word before the full stop: an abbreviation or an initial?
    let before = &body[..i];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric() && *c != '°')
        .map_or(0, |(j, c)| j + c.len_utf8());
    let word = &before[word_start..];
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(is_initial || ABBREVIATIONS.contains(&word))
}

/// The sentences of `text` cut at their semicolons: "Les capsules Mercury
/// amerrissaient dans l'Atlantique ; celles d'Apollo ont rejoint le
/// Pacifique" speaks of two things, and what one clause names says
/// nothing of the other's event.
pub fn clauses(text: &str, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let mut start = sentence.start;
        for (i, _) in text[sentence.clone()].match_indices(';') {
            let end = sentence.start + i + 1;
            out.push(start..end);
            let rest = &text[end..sentence.end];
            start = end + (rest.len() - rest.trim_start().len());
        }
        if start < sentence.end {
            out.push(start..sentence.end);
        }
    }
    out
}

/// The index of the sentence holding byte `at`, if any.
pub fn sentence_of(sentences: &[Range<usize>], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= at);
    (i < sentences.len() && sentences[i].start <= at).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_punctuation_before_capitals_and_on_lines() {
        assert_eq!(
            split("Kim est venu. M. Poutine l'a reçu à 12.000 km ! Pourquoi ?\nTitre\n\nFin"),
            vec![
                "Kim est venu.",
                "M. Poutine l'a reçu à 12.000 km !",
                "Pourquoi ?",
                "Titre",
                "Fin"
            ]
        );
    }

    #[test]
    fn initials_and_quotes() {
        assert_eq!(
            split("J. Kirby a dit. « Non », a-t-il répondu."),
            vec!["J. Kirby a dit.", "« Non », a-t-il répondu."]
        );
    }

    #[test]
    fn abbreviations_numbers_and_quotations_do_not_end_sentences() {
        assert_eq!(
            split(
                "Mgr Martin et MM. Dupont ont vu 3.5 % de hausse, cf. art. 4. « Non. Jamais. » Fin."
            ),
            vec![
                "Mgr Martin et MM. Dupont ont vu 3.5 % de hausse, cf. art. 4.",
                "« Non. Jamais. »",
                "Fin."
            ]
        );
        assert_eq!(
            split("Le 3 janv. Kim a parlé. J.-M. Le Pen aussi."),
            vec!["Le 3 janv. Kim a parlé.", "J.-M. Le Pen aussi."]
        );
    }

    #[test]
    fn clauses_end_at_semicolons() {
        let text = "Avant. Mercury dans l'Atlantique ; Apollo dans le Pacifique. Fin ;";
        let s = sentences(text, 0);
        let c: Vec<&str> = clauses(text, &s).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            c,
            vec![
                "Avant.",
                "Mercury dans l'Atlantique ;",
                "Apollo dans le Pacifique.",
                "Fin ;"
            ]
        );
    }

    #[test]
    fn sentence_of_finds_the_holder() {
        let s = sentences("Un. Deux.", 10);
        assert_eq!(sentence_of(&s, 10), Some(0));
        assert_eq!(sentence_of(&s, 15), Some(1));
        assert_eq!(sentence_of(&s, 13), None);
    }
}

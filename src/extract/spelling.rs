//! Spelling slips: the words of a document the French dictionary does not
//! know and for which it has a close correction.
//!
//! A token is a run of letters with internal hyphens and apostrophes
//! ("l’alliance", "peut-être"); the whole token is looked up, then, after an
//! elision ("l’", "qu’"), the word it elides onto. A compound is looked up
//! whole only: its parts alone are often loanwords or combining forms. What
//! is never a spelling error: words under four bytes, tokens with digits
//! ("1er", "G7"), acronyms and mixed case ("OTAN", "iPhone", "XXe"),
//! declared names and what the name checks read as names, text glued to
//! "/", "@", "_" or a dot (addresses, file names), excluded regions, a word
//! alone on its line (page labels), two unknown words in a row (a foreign
//! phrase), and quotations, sentences or documents whose words are mostly
//! unknown (foreign speech, English text).
//!
//! Capitals. A capitalized word inside a sentence is a proper name. One
//! that opens a sentence, a list item or a quotation, or stands in a Title
//! Case heading, is read in lower case; if the dictionary does not know it
//! either, it is a slip only when it is not a name: neither a declared one,
//! nor one the corpus itself writes capitalized inside a sentence. That
//! last condition spans documents, so each document records the hashes of
//! the capitalized words it has mid-sentence (no lookup needed: 8 bytes a
//! distinct word) and the check decides once the corpus is read.
//!
//! Precision comes first: an unknown word is a slip only when the speller
//! finds a correction one edit away (plus accents) or a missing space after
//! a small word; anything else is taken for jargon or a foreign word.

use std::ops::Range;

use super::pieces::{Piece, Sep};
use super::quotes::Quotation;
use super::speller::{Candidate, MIN_SUGGEST_CHARS, Speller, Suggestions};
use crate::span::{LineIndex, Span};

/// A quotation or a sentence is foreign when at least this share of its
/// words is unknown.
const FOREIGN_SHARE: f64 = 0.5;
/// A document is not French when more than this share of its lower-case
/// words is unknown (French news runs well under 5%).
const FOREIGN_DOCUMENT_SHARE: f64 = 0.2;
/// Below this many words, a document's language is left to the sentence
/// and quotation tests.
const MIN_WORDS_FOR_LANGUAGE: usize = 30;

/// What the spelling check keeps of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpellingFacts {
    pub slips: Vec<Slip>,
    /// Hashes of the capitalized words met inside sentences: the
    /// document's own proper names. Sorted.
    pub proper_names: Vec<u64>,
}

/// An unknown word with a close correction.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Slip {
    pub span: Span,
    pub text: String,
    /// Corrections, best first, capitalized like the word.
    pub suggestions: Vec<String>,
    /// Whether the best correction is a safe fix: the only one at the
    /// smallest distance, one folded edit away at most, outside quotations.
    pub safe: bool,
    /// A capitalized word at a sentence start or in a heading: a slip only
    /// if the corpus never writes it capitalized inside a sentence.
    pub capitalized: bool,
}

/// The hash a capitalized word is recorded under.
pub fn name_hash(word: &str) -> u64 {
    super::speller::word_hash(word)
}

/// The document parts the spelling reader needs.
pub struct Document<'a> {
    pub text: &'a str,
    pub pieces: &'a [Piece],
    pub sentences: &'a [Range<usize>],
    pub quotations: &'a [Quotation],
    /// Spans of declared names as the name checks read them.
    pub names: Vec<Range<usize>>,
    /// Spans of capitalized runs the name checks take for undeclared
    /// names: a lower-case word inside one is a particle, a capitalized one
    /// may be a Title Case heading's.
    pub name_runs: Vec<Range<usize>>,
    pub lines: &'a LineIndex,
    /// Whether the file is Markdown (fenced code is not prose).
    pub markdown: bool,
}

/// Words shorter than this (in bytes: "été" is five) are not checked.
const MIN_CHECKED_BYTES: usize = 4;

/// Elided words an apostrophe glues to the next word.
const ELISIONS: &[&str] = &[
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Capitalized,
    /// Acronyms, mixed case, digits: never checked.
    Other,
}

fn case_of(word: &str) -> Case {
    let Some(first) = word.chars().next() else {
        return Case::Other;
    };
    let case = if first.is_lowercase() {
        Case::Lower
    } else if first.is_uppercase() && word.len() > first.len_utf8() {
        Case::Capitalized
    } else {
        return Case::Other;
    };
    // One pass over the bytes: a capital or a digit after the first letter
    // makes an acronym, a mixed-case word or a code. Latin-1 letters (the
    // two-byte C3 xx of French accents) are judged without decoding.
    let rest = &word.as_bytes()[first.len_utf8()..];
    for (i, &b) in rest.iter().enumerate() {
        let other = match b {
            0..0x80 => b.is_ascii_uppercase() || b.is_ascii_digit(),
            0xC3 => rest
                .get(i + 1)
                .is_some_and(|&n| (0x80..=0x9E).contains(&n) && n != 0x97),
            0xC4.. => word[first.len_utf8() + i..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
            _ => false,
        };
        if other {
            return Case::Other;
        }
    }
    case
}

/// Where a capitalized word stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Opens a sentence, a line or a quotation.
    Start,
    Inside,
    /// After a colon, a dash or a parenthesis: either.
    Unsure,
}

/// Reads the slips and proper names of `doc`.
pub fn extract(doc: &Document, speller: &Speller) -> SpellingFacts {
    let mut reader = Reader {
        doc,
        speller,
        out: SpellingFacts::default(),
        foreign: vec![None; doc.quotations.len()],
        title_case: None,
        foreign_sentence: None,
        code: if doc.markdown {
            fenced_code(doc.text)
        } else {
            Vec::new()
        },
        words: 0,
        unknown: 0,
        searches_left: MAX_SUGGESTION_SEARCHES,
    };
    let pieces = doc.pieces;
    let mut sentence = 0;
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        while j < pieces.len() && matches!(pieces[j].sep, Sep::Hyphen | Sep::Apostrophe) {
            j += 1;
        }
        let (start, end) = (pieces[i].start, pieces[j - 1].end);
        while sentence < doc.sentences.len() && doc.sentences[sentence].end <= start {
            sentence += 1;
        }
        let opens_sentence = doc
            .sentences
            .get(sentence)
            .is_some_and(|s| s.start <= start && (i == 0 || pieces[i - 1].end <= s.start));
        reader.token(i..j, start..end, sentence, opens_sentence);
        i = j;
    }
    if reader.words >= MIN_WORDS_FOR_LANGUAGE
        && reader.unknown as f64 > reader.words as f64 * FOREIGN_DOCUMENT_SHARE
    {
        reader.out.slips.clear();
    }
    reader.out.proper_names.sort_unstable();
    reader.out.proper_names.dedup();
    reader.out
}

struct Reader<'a, 'd> {
    doc: &'d Document<'a>,
    speller: &'d Speller,
    out: SpellingFacts,
    /// Per quotation, once computed: whether it is foreign speech.
    foreign: Vec<Option<bool>>,
    /// The last sentence tested for Title Case, and the answer.
    title_case: Option<(usize, bool)>,
    /// The last sentence tested for a foreign language, and the answer.
    foreign_sentence: Option<(usize, bool)>,
    /// Fenced code blocks of a Markdown file.
    code: Vec<Range<usize>>,
    /// Lower-case words read, and how many the dictionary does not know:
    /// a document that is not French has no French slips.
    words: usize,
    unknown: usize,
    /// Suggestion searches this document may still make.
    searches_left: usize,
}

/// How many corrections one document may search for: a search takes up to
/// a millisecond, prose needs a few dozen, and past the findings a file
/// reports (a thousand of a kind) a file of unknown words is no prose.
const MAX_SUGGESTION_SEARCHES: usize = 2 * crate::engine::MAX_FINDINGS_PER_KIND;

impl Reader<'_, '_> {
    /// The corrections of `word`, while the document's budget lasts.
    fn suggest(&mut self, word: &str) -> Suggestions {
        if self.searches_left == 0 {
            return Suggestions::default();
        }
        self.searches_left -= 1;
        self.speller.suggest(word)
    }

    fn token(
        &mut self,
        pieces: Range<usize>,
        at: Range<usize>,
        sentence: usize,
        opens_sentence: bool,
    ) {
        let text = self.doc.text;
        let word = &text[at.clone()];
        // Short words are looked up by the thousand and almost never
        // mistyped into another non-word: skipping them halves the lookups.
        if word.len() < MIN_CHECKED_BYTES {
            return;
        }
        let case = case_of(word);
        if case == Case::Other {
            return;
        }
        // A capitalized word inside a sentence is a name, recorded without
        // a lookup (unless the line is a Title Case heading).
        if case == Case::Capitalized
            && !opens_sentence
            && self.place_before(at.start) == Place::Inside
            && !self.in_title_case(sentence)
        {
            self.out.proper_names.push(name_hash(word));
            return;
        }
        let known = self.speller.is_known(word);
        if case == Case::Lower {
            self.words += 1;
            self.unknown += usize::from(!known);
        }
        if known {
            return;
        }
        // After an elision, the word elided onto.
        let ps = &self.doc.pieces[pieces.clone()];
        let mut first = 0;
        if ps.len() > 1 && ps[1].sep == Sep::Apostrophe {
            let elided = text[ps[0].start..ps[0].end].to_lowercase();
            if ELISIONS.contains(&elided.as_str()) {
                first = 1;
            }
        }
        let ps = &ps[first..];
        let at = ps[0].start..at.end;
        let word = &text[at.clone()];
        if word.chars().count() < MIN_SUGGEST_CHARS {
            return;
        }
        if first > 0 && self.speller.is_known(word) {
            return;
        }
        match case_of(word) {
            Case::Other => {}
            // A compound the dictionary lacks is looked up whole only: its
            // parts alone are often loanwords or combining forms
            // ("mobil-home", "russo-").
            Case::Lower => self.lower(at),
            Case::Capitalized => {
                let place = if opens_sentence {
                    Place::Start
                } else {
                    self.place_before(at.start)
                };
                let next_capitalized = self.doc.pieces.get(pieces.end).is_some_and(|p| {
                    p.sep == Sep::Space && self.doc.text[p.start..].starts_with(char::is_uppercase)
                });
                self.capitalized(at, place, sentence, next_capitalized);
            }
        }
    }

    /// A lower-case word the dictionary does not know.
    fn lower(&mut self, at: Range<usize>) {
        let word = &self.doc.text[at.clone()];
        if self.not_prose(&at) || self.speller.is_name(word) || self.in_foreign_phrase(&at) {
            return;
        }
        let found = self.suggest(word);
        if found.is_empty() {
            return;
        }
        self.report(at, &found, false);
    }

    fn capitalized(&mut self, at: Range<usize>, place: Place, sentence: usize, next_cap: bool) {
        let word = &self.doc.text[at.clone()];
        let heading = place != Place::Start && self.in_title_case(sentence);
        if place == Place::Inside && !heading {
            self.out.proper_names.push(name_hash(word));
            return;
        }
        if place == Place::Unsure
            || (next_cap && !heading)
            || self.alone_on_line(&at)
            || self.glued_or_named(&at)
            || self.speller.is_name(word)
        {
            return;
        }
        let lower = word.to_lowercase();
        if self.speller.is_known(&lower) {
            return;
        }
        let found = self.suggest(&lower);
        // Names glue particles ("Lagarrigue", "Dupont"): no split.
        let close: Vec<Candidate> = found
            .iter()
            .filter(|c| c.folded_distance <= 1 && !c.word.contains(' '))
            .cloned()
            .collect();
        if !close.is_empty() {
            self.report(at, &close, true);
        }
    }

    /// Whether a neighbour of the unknown word at `at` is unknown too: two
    /// unknown words in a row are a foreign phrase ("food trucks"), not
    /// two slips.
    fn in_foreign_phrase(&self, at: &Range<usize>) -> bool {
        let text = self.doc.text;
        let gap = |c: char| c == ' ' || c == '\u{a0}';
        let before = text[..at.start].trim_end_matches(gap);
        let after = text[at.end..].trim_start_matches(gap);
        let word_chars = |c: char| c.is_alphabetic() || c == '-';
        let previous = (before.len() < at.start).then(|| {
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| word_chars(c))
                .last()
                .map_or(before.len(), |(i, _)| i);
            &before[start..]
        });
        let next = (after.len() < text.len() - at.end).then(|| {
            let end = after.find(|c: char| !word_chars(c)).unwrap_or(after.len());
            &after[..end]
        });
        [previous, next].into_iter().flatten().any(|w| {
            w.chars().count() >= MIN_SUGGEST_CHARS
                && case_of(w) == Case::Lower
                && !self.speller.is_known(w)
        })
    }

    /// Whether the word is its line's only text: a label of the page
    /// ("Comments", "Partager"), not prose.
    fn alone_on_line(&self, at: &Range<usize>) -> bool {
        let text = self.doc.text;
        // Walk out from the word and stop at the first letter: a line of
        // prose answers at once, whatever its length.
        let alone = |chars: &mut dyn Iterator<Item = char>| {
            for c in chars {
                if c == '\n' {
                    return true;
                }
                if c.is_alphanumeric() {
                    return false;
                }
            }
            true
        };
        alone(&mut text[..at.start].chars().rev()) && alone(&mut text[at.end..].chars())
    }

    /// What stands before a capitalized word inside a sentence.
    fn place_before(&self, at: usize) -> Place {
        // Most often: a space after a word.
        let bytes = self.doc.text.as_bytes();
        if at >= 2 && bytes[at - 1] == b' ' && bytes[at - 2].is_ascii_alphanumeric() {
            return Place::Inside;
        }
        let before = self.doc.text[..at].trim_end_matches([' ', '\u{a0}', '\u{202f}', '\t']);
        match before.chars().next_back() {
            Some('«' | '“' | '"' | '„') => Place::Start,
            Some(':' | '(' | '—' | '–' | '-' | '[' | '*' | '#' | '>' | '|' | '\n') | None => {
                Place::Unsure
            }
            _ => Place::Inside,
        }
    }

    /// Whether the sentence is a Title Case heading: most of its words of
    /// four letters or more capitalized.
    fn in_title_case(&mut self, sentence: usize) -> bool {
        if let Some((s, answer)) = self.title_case
            && s == sentence
        {
            return answer;
        }
        // Headings end without a full stop; prose sentences, the many, are
        // ruled out by their last character.
        let answer = self.doc.sentences.get(sentence).is_some_and(|r| {
            let text = &self.doc.text[r.clone()];
            if text.ends_with(['.', '!', '?', '…', '»', '"', ';', ',', ')']) {
                return false;
            }
            let words = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() >= 4);
            let (mut all, mut caps) = (0, 0);
            for w in words {
                all += 1;
                caps += usize::from(w.starts_with(char::is_uppercase));
            }
            all >= 3 && caps * 4 >= all * 3
        });
        self.title_case = Some((sentence, answer));
        answer
    }

    /// Whether the word at `at` is not prose the check should read: part of
    /// a name, an address or code.
    fn not_prose(&self, at: &Range<usize>) -> bool {
        self.glued_or_named(at) || {
            // Runs of capitalized words are disjoint and in text order.
            let runs = &self.doc.name_runs;
            let i = runs.partition_point(|n| n.end <= at.start);
            runs.get(i).is_some_and(|n| n.start < at.end)
        }
    }

    /// Whether the word at `at` is part of a declared name, an address or
    /// code.
    fn glued_or_named(&self, at: &Range<usize>) -> bool {
        let text = self.doc.text;
        let before = text[..at.start].chars().next_back();
        let mut after = text[at.end..].chars();
        let next = after.next();
        // Addresses, paths, code, HTML tags and entities, hashtags.
        let glued = |c: Option<char>| {
            matches!(
                c,
                Some('/' | '\\' | '@' | '_' | '=' | '`' | '&' | '<' | '>' | '#' | '{' | '}')
            )
        };
        glued(before)
            || glued(next)
            || before == Some('.')
            || (next == Some('.') && after.next().is_some_and(char::is_alphanumeric))
            || {
                // Name spans are disjoint and in text order.
                let names = &self.doc.names;
                let i = names.partition_point(|n| n.end <= at.start);
                names.get(i).is_some_and(|n| n.start < at.end)
            }
            || {
                // Fenced blocks are disjoint and in text order.
                let i = self.code.partition_point(|c| c.end <= at.start);
                self.code.get(i).is_some_and(|c| c.start <= at.start)
            }
    }

    /// The quotation whose words hold `at`, innermost, if any.
    fn quotation(&self, at: usize) -> Option<usize> {
        let quotations = self.doc.quotations;
        super::quotes::overlapping_indices(quotations, at..at + 1)
            .filter(|&q| quotations[q].inner.contains(&at))
            .last()
    }

    /// [`Self::is_foreign_text`] of sentence `s`, remembered for the next
    /// slips of the same sentence (slips come in text order).
    fn is_foreign_sentence(&mut self, s: usize) -> bool {
        if let Some((last, answer)) = self.foreign_sentence
            && last == s
        {
            return answer;
        }
        let answer = self.is_foreign_text(self.doc.sentences[s].clone());
        self.foreign_sentence = Some((s, answer));
        answer
    }

    fn is_foreign(&mut self, q: usize) -> bool {
        if let Some(answer) = self.foreign[q] {
            return answer;
        }
        let answer = self.is_foreign_text(self.doc.quotations[q].inner.clone());
        self.foreign[q] = Some(answer);
        answer
    }

    /// Whether most lower-case words of `range` are unknown: speech or a
    /// passage in another language.
    fn is_foreign_text(&self, range: Range<usize>) -> bool {
        let (mut all, mut unknown) = (0usize, 0usize);
        for w in self.doc.text[range].split(|c: char| !c.is_alphabetic() && c != '-') {
            let w = w.trim_matches('-');
            if w.chars().count() < 2 || case_of(w) != Case::Lower {
                continue;
            }
            all += 1;
            unknown += usize::from(!self.speller.is_known(w));
        }
        all > 0 && unknown as f64 >= all as f64 * FOREIGN_SHARE
    }

    fn report(&mut self, at: Range<usize>, found: &[Candidate], capitalized: bool) {
        let quoted = self.quotation(at.start);
        if quoted.is_some_and(|q| self.is_foreign(q)) {
            return;
        }
        let sentence = super::sentences::sentence_of(self.doc.sentences, at.start);
        if sentence.is_some_and(|s| self.is_foreign_sentence(s)) {
            return;
        }
        let word = &self.doc.text[at.clone()];
        let upper = word.starts_with(char::is_uppercase);
        let best = &found[0];
        let unique = found.get(1).is_none_or(|c| {
            (c.folded_distance, c.distance) > (best.folded_distance, best.distance)
        });
        let safe = quoted.is_none() && unique && best.folded_distance <= 1;
        let suggestions = found
            .iter()
            .take(3)
            .map(|c| {
                // "à pékin" split from "àpékin": the second word may be a name.
                let word = match c.word.split_once(' ') {
                    Some((left, right)) => match self.speller.name_form(right) {
                        Some(name) => format!("{left} {name}"),
                        None => c.word.clone(),
                    },
                    None => c.word.clone(),
                };
                if upper { capitalize(&word) } else { word }
            })
            .collect();
        self.out.slips.push(Slip {
            span: self.doc.lines.span(self.doc.text, at.start, at.end),
            text: word.to_string(),
            suggestions,
            safe,
            capitalized,
        });
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Byte ranges of the fenced code blocks (``` or ~~~) of a Markdown text.
fn fenced_code(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            match open.take() {
                Some(start) => out.push(start..at + line.len()),
                None => open = Some(at),
            }
        }
        at += line.len();
    }
    if let Some(start) = open {
        out.push(start..text.len());
    }
    out
}

//! Quotations: the spans between quotation marks (« », “ ”, " ", and the
//! mixed pairs of careless copy such as ”…”), paired within one line, the
//! unit of a paragraph in plain-text articles. A mark that finds no partner
//! on its line is kept as an unclosed quotation running to the line's end,
//! so that the typography check can report it and no fix touches the words
//! it may cover.

use std::ops::Range;

use crate::span::{LineIndex, Span};

/// Which marks delimit a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMarks {
    /// « … »
    Guillemets,
    /// “ … ”
    Curly,
    /// " … "
    Straight,
    /// Marks of two families, or a closing mark used to open: ”…”, «…".
    Mixed,
}

/// One quotation mark's role, read from the characters around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// A quotation in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// From the opening mark to the closing one, both included.
    pub span: Span,
    /// The quoted words, between the marks.
    pub inner: Range<usize>,
    pub marks: QuoteMarks,
    /// The opening mark, and the closing one when the line has it.
    pub open: Range<usize>,
    pub close: Option<Range<usize>>,
}

impl Quotation {
    /// Whether byte `at` lies inside the quotation, marks included.
    pub fn contains(&self, at: usize) -> bool {
        self.span.start <= at && at < self.span.end
    }

    /// The number of words quoted: a quotation of one or two words is a
    /// term ("camarades"), longer ones are speech.
    pub fn word_count(&self, text: &str) -> usize {
        text[self.inner.clone()]
            .split(|c: char| c.is_whitespace() || c == '’' || c == '\'')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }
}

/// How many quotations before a position are looked at to find the ones
/// holding it: quotations nest two deep at most, so only an outer one with
/// more inner ones than this before the position would be missed.
const NESTED_REACH: usize = 16;

/// The quotations (in text order, as [`extract`] gives them) that overlap
/// `range`, found by binary search: lookups per word stay cheap in a file
/// of thousands of quotations.
pub fn overlapping(
    quotations: &[Quotation],
    range: Range<usize>,
) -> impl Iterator<Item = &Quotation> {
    overlapping_indices(quotations, range).map(|k| &quotations[k])
}

/// The indices of [`overlapping`]'s quotations, for callers that keep
/// something per quotation; the innermost holder comes last.
pub fn overlapping_indices(
    quotations: &[Quotation],
    range: Range<usize>,
) -> impl Iterator<Item = usize> {
    let i = quotations.partition_point(|q| q.span.start < range.end.max(range.start + 1));
    (i.saturating_sub(NESTED_REACH)..i).filter(move |&k| quotations[k].span.end > range.start)
}

fn family(c: char) -> u8 {
    match c {
        '«' | '»' => 0,
        '“' | '”' | '„' => 1,
        _ => 2,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '„' | '"')
}

/// The role of the mark `c` between `before` and `after`: guillemets and
/// „ say it themselves; the others are read from their neighbours, a mark
/// after a space or an apostrophe and before a word opening.
fn role(c: char, before: Option<char>, after: Option<char>) -> Role {
    match c {
        '«' | '„' => Role::Open,
        '»' => Role::Close,
        _ => {
            let open_before = before.is_none_or(|b| {
                b.is_whitespace() || matches!(b, '(' | '[' | '\'' | '’' | '—' | '–' | '-' | ':')
            });
            let word_after = after.is_some_and(|a| !a.is_whitespace() && !is_closing_punct(a));
            // “ opens even glued to what precedes it, unless after a word.
            let curly_opens = c == '“' && !before.is_some_and(char::is_alphanumeric);
            if word_after && (open_before || curly_opens) {
                Role::Open
            } else {
                Role::Close
            }
        }
    }
}

fn is_closing_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']')
}

/// The quotations of `text[body]`, in order.
pub fn extract(text: &str, body: Range<usize>, lines: &LineIndex) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut line_start = body.start;
    for line in text[body.clone()].split_inclusive('\n') {
        if line.contains(is_mark) {
            pair_line(text, line_start, line.trim_end(), lines, &mut out);
        }
        line_start += line.len();
    }
    out
}

/// Pairs the marks of one line: an opener waits for a closer; a second
/// opener inside is a nested quotation (one level, as French allows).
fn pair_line(text: &str, start: usize, line: &str, lines: &LineIndex, out: &mut Vec<Quotation>) {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut found: Vec<Quotation> = Vec::new();
    let mut before: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = chars.peek().map(|&(_, a)| a);
        // A straight mark after a figure is an inch or a second (27"),
        // unless it closes a straight quotation ("Vision 2030").
        let inch = c == '"'
            && before.is_some_and(|b| b.is_ascii_digit())
            && stack.last().is_none_or(|&(_, o)| o != '"');
        if is_mark(c) && !inch {
            let at = start + i;
            let role = role(c, before, after);
            // A straight mark closes an open straight quotation whatever
            // its neighbours say: "a "b" c" is rare, "a" is common.
            let closes_straight = c == '"' && stack.last().is_some_and(|&(_, o)| o == '"');
            if role == Role::Close || closes_straight {
                if let Some((open, o)) = stack.pop() {
                    let marks = if family(o) != family(c) || o == '”' || c == '“' {
                        QuoteMarks::Mixed
                    } else {
                        match family(c) {
                            0 => QuoteMarks::Guillemets,
                            1 => QuoteMarks::Curly,
                            _ => QuoteMarks::Straight,
                        }
                    };
                    let end = at + c.len_utf8();
                    found.push(Quotation {
                        span: lines.span(text, open, end),
                        inner: open + o.len_utf8()..at,
                        marks,
                        open: open..open + o.len_utf8(),
                        close: Some(at..end),
                    });
                } else {
                    // A closing mark with nothing open: an unmatched mark,
                    // recorded as an empty unclosed quotation at the mark.
                    found.push(Quotation {
                        span: lines.span(text, at, at + c.len_utf8()),
                        inner: at + c.len_utf8()..at + c.len_utf8(),
                        marks: QuoteMarks::Mixed,
                        open: at..at + c.len_utf8(),
                        close: None,
                    });
                }
            } else if stack.len() < 2 {
                stack.push((at, c));
            }
        }
        before = Some(c);
    }
    let end = start + line.len();
    for (open, o) in stack {
        found.push(Quotation {
            span: lines.span(text, open, end),
            inner: open + o.len_utf8()..end,
            marks: match family(o) {
                0 => QuoteMarks::Guillemets,
                1 => QuoteMarks::Curly,
                _ => QuoteMarks::Straight,
            },
            open: open..open + o.len_utf8(),
            close: None,
        });
    }
    found.sort_by_key(|q| q.span.start);
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, QuoteMarks, bool)> {
        let lines = LineIndex::new(text);
        extract(text, 0..text.len(), &lines)
            .into_iter()
            .map(|q| {
                (
                    text[q.inner.clone()].to_string(),
                    q.marks,
                    q.close.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn pairs_each_family() {
        assert_eq!(
            quotes("Il a dit « non » puis “oui” et \"peut-être\"."),
            vec![
                (" non ".into(), QuoteMarks::Guillemets, true),
                ("oui".into(), QuoteMarks::Curly, true),
                ("peut-être".into(), QuoteMarks::Straight, true),
            ]
        );
    }

    #[test]
    fn a_closing_mark_used_to_open_is_mixed() {
        let q = quotes("ce qu'ils qualifient d'”impérialisme occidental”. Fin");
        assert_eq!(
            q,
            vec![("impérialisme occidental".into(), QuoteMarks::Mixed, true)]
        );
        let q = quotes("« Non\", a-t-il dit");
        assert_eq!(q, vec![(" Non".into(), QuoteMarks::Mixed, true)]);
    }

    #[test]
    fn nested_quotations_and_lines() {
        let q = quotes("« Il a parlé de “paix” hier »\n“Suite”");
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].0, " Il a parlé de “paix” hier ");
        assert_eq!(q[1].0, "paix");
        assert_eq!(q[2].0, "Suite");
    }

    #[test]
    fn unclosed_marks_run_to_the_line_end() {
        let q = quotes("Il a dit « non et\nrien");
        assert_eq!(q, vec![(" non et".into(), QuoteMarks::Guillemets, false)]);
        let q = quotes("un mot » seul");
        assert_eq!(q.len(), 1);
        assert!(!q[0].2);
    }

    #[test]
    fn inch_marks_are_not_quotations() {
        assert_eq!(quotes("un écran de 27\" et 32\" seulement"), vec![]);
        let q = quotes("le plan \"Vision 2030\" est lancé");
        assert_eq!(q, vec![("Vision 2030".into(), QuoteMarks::Straight, true)]);
    }

    #[test]
    fn word_counts_separate_terms_from_speech() {
        let text = "entre \"camarades\" et « nous le ferons certainement »";
        let lines = LineIndex::new(text);
        let q = extract(text, 0..text.len(), &lines);
        assert_eq!(q[0].word_count(text), 1);
        assert_eq!(q[1].word_count(text), 4);
    }
}

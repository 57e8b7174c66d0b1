//! Byte spans into a file's original text, with 1-based line and column.
//!
//! Columns count characters (not bytes) from the start of the line, so that
//! "Pékin" or "’" move the column by one. A byte-order mark at the start of
//! a file is not a character a reader sees, so it does not count.

use std::cell::Cell;

use serde::{Deserialize, Serialize};

/// A byte range in the original file text, with the position of its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

impl Span {
    /// The span of a whole file that could not be read: nothing to point at.
    pub const FILE: Span = Span {
        start: 0,
        end: 0,
        line: 1,
        column: 1,
    };

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }

    /// The span of bytes `from..to` of `text`, the text this span covers:
    /// its line and column counted from this span's own.
    pub fn within(&self, text: &str, from: usize, to: usize) -> Span {
        let before = &text[..from];
        let (line, column) = match before.rfind('\n') {
            Some(nl) => (
                self.line + before.matches('\n').count(),
                before[nl + 1..].chars().count() + 1,
            ),
            None => (self.line, self.column + before.chars().count()),
        };
        Span {
            start: self.start + from,
            end: self.start + to,
            line,
            column,
        }
    }
}

/// Maps byte offsets of one text to lines and columns.
///
/// Columns are counted from the last position asked for when the new one
/// is further along the same line, so a pass over a file in order costs
/// time linear in its length even when the file is one huge line.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the first byte of each line.
    line_starts: Vec<usize>,
    /// The last (offset, column) computed.
    last: Cell<(usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 60 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            line_starts,
            last: Cell::new((0, 1)),
        }
    }

    /// The span of `start..end` in `text`, which must be the indexed text.
    pub fn span(&self, text: &str, start: usize, end: usize) -> Span {
        let line = self.line_starts.partition_point(|&s| s <= start);
        let mut line_start = self.line_starts[line - 1];
        if line_start == 0 && text.starts_with('\u{feff}') {
            line_start = '\u{feff}'.len_utf8().min(start);
        }
        let (last_offset, last_column) = self.last.get();
        let count = |a: usize, b: usize| text.get(a..b).map_or(b - a, |s| s.chars().count());
        let column = if last_offset >= line_start && last_offset <= start {
            last_column + count(last_offset, start)
        } else if last_offset > start
            && last_offset - start < start - line_start
            && self.line_starts.partition_point(|&s| s <= last_offset) == line
        {
            // A step back on the same line (a speaker before its quotation):
            // count back from the last position, not from the line start.
            last_column - count(start, last_offset)
        } else {
            1 + count(line_start, start)
        };
        self.last.set((start, column));
        Span {
            start,
            end,
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "À Pékin, Kim\nSéoul";
        let idx = LineIndex::new(text);
        let kim = text.find("Kim").unwrap();
        let span = idx.span(text, kim, kim + 3);
        assert_eq!((span.line, span.column), (1, 10));
        let seoul = text.find("Séoul").unwrap();
        assert_eq!(idx.span(text, seoul, seoul + 6).line, 2);
        assert_eq!(idx.span(text, seoul, seoul + 6).column, 1);
    }

    #[test]
    fn crlf_lines_and_bom_are_exact() {
        let text = "\u{feff}Titre\r\nLe 19 juin\r\nKim";
        let idx = LineIndex::new(text);
        let t = text.find("Titre").unwrap();
        assert_eq!(idx.span(text, t, t + 5).column, 1);
        let kim = text.find("Kim").unwrap();
        let span = idx.span(text, kim, kim + 3);
        assert_eq!((span.line, span.column), (3, 1));
        let juin = text.find("juin").unwrap();
        assert_eq!(idx.span(text, juin, juin + 4).column, 7);
    }

    #[test]
    fn columns_are_the_same_in_any_order_of_queries() {
        let text = "é à Kim, Séoul\nPékin é Kim";
        let idx = LineIndex::new(text);
        let fresh = |o: usize| LineIndex::new(text).span(text, o, o).column;
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &o in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(3))
        {
            assert_eq!(idx.span(text, o, o).column, fresh(o), "offset {o}");
        }
    }
}

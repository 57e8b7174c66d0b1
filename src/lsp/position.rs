//! Positions as the Language Server Protocol counts them — a zero-based
//! line and a count of UTF-16 code units into it — to and from the byte
//! offsets of factlint's spans.
//!
//! An editor counts "é" as one unit and "😀" as two, where a byte offset
//! counts two and four: every range sent or received goes through here.
//!
//! Lines end at "\r\n", "\n" or a lone "\r", as the protocol says. The rest
//! of factlint (1-based lines in reports, [`factlint::span::LineIndex`])
//! counts "\n" only; the server never mixes the two: it always maps byte
//! offsets, never report lines, to positions.

use std::cell::Cell;

use lsp_types::{Position, Range};

/// The lines of one text, to convert byte offsets and positions.
pub struct LineMap<'a> {
    text: &'a str,
    /// Byte offset of the first byte of each line: 0, then the byte after
    /// each line end.
    line_starts: Vec<usize>,
    /// Bytes of a byte-order mark the editor does not show (0 or 3).
    hidden_prefix: usize,
    /// The last (offset, line, character) computed: spans come in order,
    /// so counting on from there keeps a pass over one long line linear.
    last: Cell<(usize, usize, u32)>,
}

impl<'a> LineMap<'a> {
    /// The map of an editor's buffer: every character it holds counts.
    pub fn of_buffer(text: &'a str) -> Self {
        Self::new(text, 0)
    }

    /// The map of a file read from disk: editors do not show a byte-order
    /// mark, so it does not move the first line's positions.
    pub fn of_file(text: &'a str) -> Self {
        let hidden = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        Self::new(text, hidden)
    }

    fn new(text: &'a str, hidden_prefix: usize) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        // A "\r" followed by "\n" is the first half of one line end: the
        // line starts after the "\n".
        line_starts.extend(
            memchr::memchr2_iter(b'\r', b'\n', bytes)
                .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
                .map(|i| i + 1),
        );
        LineMap {
            text,
            line_starts,
            hidden_prefix,
            last: Cell::new((0, 0, 0)),
        }
    }

    /// The first byte of `line` the editor shows.
    fn line_start(&self, line: usize) -> usize {
        let start = self.line_starts[line];
        if line == 0 { self.hidden_prefix } else { start }
    }

    /// The byte after the last character of `line`, before its line end.
    fn line_end(&self, line: usize) -> usize {
        let Some(&next) = self.line_starts.get(line + 1) else {
            return self.text.len();
        };
        let bytes = self.text.as_bytes();
        let crlf = next >= 2 && bytes[next - 2] == b'\r' && bytes[next - 1] == b'\n';
        // (A BOM-only first line: its end is its shown start.)
        (next - if crlf { 2 } else { 1 }).max(self.line_start(line))
    }

    /// The position of byte `offset` (clamped to the text, moved back to
    /// the start of a character it falls inside, and to the end of its line
    /// if it falls between the "\r" and "\n" of a line end).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_start(line);
        let offset = offset.min(self.line_end(line));
        let (last_offset, last_line, last_character) = self.last.get();
        let character = if offset < line_start {
            0
        } else if last_line == line && last_offset >= line_start && last_offset <= offset {
            last_character + utf16_len(&self.text[last_offset..offset])
        } else {
            utf16_len(&self.text[line_start..offset])
        };
        self.last.set((offset.max(line_start), line, character));
        Position::new(line as u32, character)
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end))
    }

    /// The byte offset of `position`. As the protocol asks, a character
    /// past the end of its line means the end of the line, and a line past
    /// the end of the text means the end of the text; a position inside a
    /// surrogate pair moves back to the start of its character.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.line_starts.len() {
            return self.text.len();
        }
        let start = self.line_start(line);
        let content = &self.text[start..self.line_end(line)];
        let mut units = 0u32;
        for (i, c) in content.char_indices() {
            units += c.len_utf16() as u32;
            if units > position.character {
                return start + i;
            }
        }
        start + content.len()
    }
}

fn utf16_len(text: &str) -> u32 {
    text.chars().map(|c| c.len_utf16() as u32).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn accents_and_an_emoji_before_the_span_count_in_utf16_units() {
        let text = "Séoul 😀 à Pékin\nÉté: Kim Young-un";
        let map = LineMap::of_buffer(text);
        // "Séoul " is 6 units, the emoji 2, " à " 3: Pékin starts at 11.
        let pekin = text.find("Pékin").unwrap();
        assert_eq!(
            map.range(pekin, pekin + "Pékin".len()),
            Range::new(at(0, 11), at(0, 16))
        );
        let kim = text.find("Kim").unwrap();
        assert_eq!(map.position(kim), at(1, 5));
        assert_eq!(map.offset(at(0, 11)), pekin);
        assert_eq!(map.offset(at(1, 5)), kim);
    }

    #[test]
    fn positions_and_offsets_round_trip_at_every_character() {
        let text = "é 😀\r\nà\n\n«Kim»\u{202f}?\rfin\r";
        let map = LineMap::of_buffer(text);
        for (offset, _) in text.char_indices() {
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                // Between the halves of a CRLF: no position, the line's end.
                assert_eq!(map.offset(map.position(offset)), offset - 1);
                continue;
            }
            assert_eq!(map.offset(map.position(offset)), offset, "offset {offset}");
        }
        assert_eq!(map.position(text.len()), at(5, 0));
    }

    /// The position of each line's first character, in `text`.
    fn line_heads(text: &str) -> Vec<Position> {
        let map = LineMap::of_buffer(text);
        text.match_indices('L')
            .map(|(i, _)| map.position(i))
            .collect()
    }

    #[test]
    fn lone_cr_is_a_line_end_in_lsp_positions() {
        // LF, CRLF, a lone CR: one line end each, as the protocol says.
        assert_eq!(line_heads("L\nL\nL"), [at(0, 0), at(1, 0), at(2, 0)]);
        assert_eq!(line_heads("L\r\nL\r\nL"), [at(0, 0), at(1, 0), at(2, 0)]);
        assert_eq!(line_heads("L\rL\rL"), [at(0, 0), at(1, 0), at(2, 0)]);
        // Mixed, with an empty line between two lone CRs and a LF then CR
        // (two line ends, not one).
        assert_eq!(
            line_heads("L\r\nL\rL\nL\r\rL\n\rL"),
            [at(0, 0), at(1, 0), at(2, 0), at(3, 0), at(5, 0), at(7, 0)]
        );
        // The finding of the issue: after "Premier.\r", on line 1.
        let text = "Premier.\rKim Young-un";
        let map = LineMap::of_buffer(text);
        let kim = text.find("Kim").unwrap();
        assert_eq!(map.range(kim, text.len()), Range::new(at(1, 0), at(1, 12)));
        assert_eq!(map.offset(at(1, 0)), kim);
        // Past the end of the first line: before its CR.
        assert_eq!(map.offset(at(0, 99)), kim - 1);
    }

    #[test]
    fn a_cr_at_the_end_of_the_buffer_starts_an_empty_last_line() {
        for text in ["Fin.\r", "Fin.\r\n", "Fin.\n"] {
            let map = LineMap::of_buffer(text);
            assert_eq!(map.position(text.len()), at(1, 0), "{text:?}");
            assert_eq!(map.offset(at(1, 0)), text.len(), "{text:?}");
            assert_eq!(map.offset(at(1, 5)), text.len(), "{text:?}");
            assert_eq!(map.offset(at(0, 99)), 4, "{text:?}");
            assert_eq!(map.position(4), at(0, 4), "{text:?}");
        }
        let map = LineMap::of_buffer("\r");
        assert_eq!(map.position(0), at(0, 0));
        assert_eq!(map.position(1), at(1, 0));
    }

    #[test]
    fn a_cr_before_a_multibyte_character_ends_the_line_and_columns_count_utf16() {
        // "é" is 2 bytes and 1 unit; "😀" 4 bytes and 2 units.
        let text = "Été\réé 😀 Kim\r😀Séoul\r\n«é»";
        let map = LineMap::of_buffer(text);
        let kim = text.find("Kim").unwrap();
        assert_eq!(map.range(kim, kim + 3), Range::new(at(1, 6), at(1, 9)));
        let emoji = text.rfind('😀').unwrap();
        assert_eq!(map.position(emoji), at(2, 0));
        let seoul = text.find("Séoul").unwrap();
        assert_eq!(
            map.range(seoul, seoul + "Séoul".len()),
            Range::new(at(2, 2), at(2, 7))
        );
        let quote = text.rfind('é').unwrap();
        assert_eq!(map.position(quote), at(3, 1));
        for position in [at(1, 0), at(1, 6), at(2, 2), at(3, 1)] {
            assert_eq!(map.position(map.offset(position)), position);
        }
        // Inside the surrogate pair after the CR: the start of the emoji.
        assert_eq!(map.offset(at(2, 1)), emoji);
        // Past the end of line 1: before its lone CR, not inside the emoji.
        assert_eq!(map.offset(at(1, 99)), emoji - 1);
        // A file's BOM, then a lone CR at once.
        let file = "\u{feff}\rKim";
        let map = LineMap::of_file(file);
        assert_eq!(map.position(file.find("Kim").unwrap()), at(1, 0));
        assert_eq!(map.offset(at(0, 5)), 3);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\r\ncd";
        let map = LineMap::of_buffer(text);
        assert_eq!(map.offset(at(0, 99)), 2, "before the CRLF");
        assert_eq!(map.offset(at(9, 0)), text.len());
        assert_eq!(map.position(999), at(1, 2));
        assert_eq!(map.position(3), at(0, 2), "inside the CRLF: its line's end");
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_moves_to_its_character() {
        let text = "a😀b";
        let map = LineMap::of_buffer(text);
        assert_eq!(map.offset(at(0, 2)), 1);
        assert_eq!(map.offset(at(0, 3)), 5);
        // A byte offset inside the emoji moves back to its start.
        assert_eq!(map.position(3), at(0, 1));
    }

    #[test]
    fn a_files_byte_order_mark_is_not_counted() {
        let text = "\u{feff}Kim\nKim";
        let file = LineMap::of_file(text);
        assert_eq!(file.position(3), at(0, 0));
        assert_eq!(file.position(text.rfind("Kim").unwrap()), at(1, 0));
        assert_eq!(file.offset(at(0, 0)), 3);
        assert_eq!(LineMap::of_buffer(text).position(3), at(0, 1));
    }

    #[test]
    fn any_order_of_queries_gives_the_same_positions() {
        let text = "é à 😀 Kim, Séoul\nPékin é Kim";
        let map = LineMap::of_buffer(text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &o in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(3))
        {
            assert_eq!(
                map.position(o),
                LineMap::of_buffer(text).position(o),
                "offset {o}"
            );
        }
    }
}

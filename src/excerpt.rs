//! The part of a file a miette snippet shows around a span: the span's
//! line, cut to a window of characters around it. Articles often hold a
//! whole paragraph on one line and rule files may hold a 70,000-character
//! value: miette draws whatever it is given, so it is given a window that
//! fits a terminal, with absolute offsets and the true line and column so
//! that labels and numbers stay exact.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::span::Span;

/// How much text to show on each side of a span.
pub const CONTEXT_CHARS: usize = 70;
/// How much of a long span is shown (and underlined).
pub const SPAN_CHARS: usize = 2 * CONTEXT_CHARS;

#[derive(Debug)]
pub struct Excerpt {
    name: String,
    window: String,
    /// Byte offset of the window in the file.
    offset: usize,
    /// 0-based line and column (characters) of the window's start.
    line: usize,
    column: usize,
    /// End of the part of the span the window shows (absolute bytes).
    shown_end: usize,
}

impl Excerpt {
    /// Walks at most [`CONTEXT_CHARS`] characters each way from the span
    /// (and at most [`SPAN_CHARS`] into it), never to the line start, so
    /// that a huge one-line file costs no more per snippet than a short
    /// one. None when `span` does not fit `text`.
    pub fn around(name: &str, text: &str, span: Span) -> Option<Excerpt> {
        if span.end > text.len()
            || span.start > span.end
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            return None;
        }
        let mut start = span.start;
        let mut walked = 0;
        for (i, c) in text[..span.start].char_indices().rev().take(CONTEXT_CHARS) {
            if c == '\n' || c == '\r' || c == '\u{feff}' {
                break;
            }
            start = i;
            walked += 1;
        }
        if walked == CONTEXT_CHARS {
            // Start at a word, not in the middle of one.
            if let Some(j) = text[start..span.start].find(' ') {
                walked -= text[start..start + j + 1].chars().count();
                start += j + 1;
            }
        }
        // A long span is shown up to its first line end or SPAN_CHARS; a
        // span on a line end (an unclosed string) is shown at the end of
        // its line.
        let shown_end = text[span.start..span.end]
            .char_indices()
            .take(SPAN_CHARS + 1)
            .find(|&(i, c)| c == '\n' || c == '\r' || i >= SPAN_CHARS)
            .map_or(span.end, |(i, _)| span.start + i);
        let shown_end = (span.start..=shown_end)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(span.start);
        let mut end = shown_end;
        if shown_end == span.end {
            let mut ahead = 0;
            for (i, c) in text[span.end..].char_indices().take(CONTEXT_CHARS) {
                if c == '\n' || c == '\r' {
                    break;
                }
                end = span.end + i + c.len_utf8();
                ahead += 1;
            }
            if ahead == CONTEXT_CHARS
                && let Some(j) = text[span.end..end].rfind(' ')
            {
                end = span.end + j;
            }
        }
        // The line end after the window belongs to it: miette draws no
        // label that stands at the very end of its text.
        if text[end..].starts_with("\r\n") {
            end += 2;
        } else if text[end..].starts_with('\n') {
            end += 1;
        }
        Some(Excerpt {
            name: name.to_string(),
            window: text[start..end].to_string(),
            offset: start,
            line: span.line.saturating_sub(1),
            column: span.column.saturating_sub(1 + walked),
            shown_end,
        })
    }

    /// The part of `span` (absolute bytes) to underline: what the window
    /// shows of it.
    pub fn label(&self, span: &Span) -> SourceSpan {
        let start = span
            .start
            .clamp(self.offset, self.offset + self.window.len());
        let end = span.end.min(self.shown_end).max(start);
        SourceSpan::new(start.into(), end - start)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // Without context lines miette asks where a label starts (for the
        // `file:line:column` header): answer for the span itself.
        let inner = span.offset().checked_sub(self.offset).filter(|&i| {
            before == 0 && after == 0 && i <= self.window.len() && self.window.is_char_boundary(i)
        });
        if let Some(i) = inner {
            let end = (i + span.len()).min(self.window.len());
            let end = if self.window.is_char_boundary(end) {
                end
            } else {
                i
            };
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &self.window.as_bytes()[i..end],
                *span,
                self.line,
                self.column + self.window[..i].chars().count(),
                1,
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.window.as_bytes(),
            SourceSpan::new(self.offset.into(), self.window.len()),
            self.line,
            self.column,
            1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    fn excerpt(text: &str, start: usize, end: usize) -> (Excerpt, Span) {
        let span = LineIndex::new(text).span(text, start, end);
        (Excerpt::around("f", text, span).expect("fits"), span)
    }

    #[test]
    fn a_long_span_is_shown_and_labelled_in_part() {
        let text = format!("x = \"{}\"\n", "é".repeat(70_000));
        let (e, span) = excerpt(&text, 4, text.len() - 1);
        assert!(e.window.chars().count() <= SPAN_CHARS + CONTEXT_CHARS);
        let label = e.label(&span);
        assert_eq!(label.offset(), 4);
        assert!(label.len() <= SPAN_CHARS * 2, "{}", label.len());
        assert!(
            e.window
                .is_char_boundary(label.offset() + label.len() - e.offset)
        );
    }

    #[test]
    fn a_span_far_into_a_long_line_keeps_its_column() {
        let text = format!("{} ici", "a".repeat(70_000));
        let at = text.len() - 3;
        let (e, span) = excerpt(&text, at, text.len());
        assert_eq!(span.column, 70_002);
        assert_eq!(e.column + e.window[..at - e.offset].chars().count(), 70_001);
        assert_eq!(e.label(&span).len(), 3);
    }

    #[test]
    fn a_span_over_a_line_end_is_shown_to_the_line_end() {
        let text = "un\ndeux\ntrois";
        let (e, span) = excerpt(text, 3, text.len());
        assert_eq!(e.window, "deux\n");
        assert_eq!(e.label(&span).len(), 4);
    }

    #[test]
    fn a_span_outside_the_text_has_no_excerpt() {
        let span = Span {
            start: 5,
            end: 9,
            line: 1,
            column: 6,
        };
        assert!(Excerpt::around("f", "court", span).is_none());
    }
}

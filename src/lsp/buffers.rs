//! The buffers the client has open: their text as the editor has it, kept
//! up to date from full or incremental changes, and their last lint.

use std::sync::Arc;

use factlint::Diagnostic;
use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::position::LineMap;
use super::workspace::DeclaredNames;

pub struct Buffer {
    pub uri: Uri,
    /// Shared with the lint running on it: an edit copies it only then.
    pub text: Arc<String>,
    pub version: i32,
    pub lint: Option<Lint>,
}

/// The findings of one lint of a buffer, and the LSP diagnostics published
/// for them (in the same order).
pub struct Lint {
    /// The buffer version linted: the findings' spans are into that text.
    pub version: i32,
    pub findings: Vec<Diagnostic>,
    pub published: Vec<lsp_types::Diagnostic>,
    /// The declared names of that text, once a hover needed them.
    pub names: Option<DeclaredNames>,
}

impl Buffer {
    pub fn new(uri: Uri, text: String, version: i32) -> Self {
        Buffer {
            uri,
            text: Arc::new(text),
            version,
            lint: None,
        }
    }

    /// Applies the client's changes in order: a change without a range
    /// replaces the whole text, one with a range replaces that range.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                None => self.text = Arc::new(change.text),
                Some(range) => {
                    let (start, end) = {
                        let map = LineMap::of_buffer(&self.text);
                        (map.offset(range.start), map.offset(range.end))
                    };
                    Arc::make_mut(&mut self.text)
                        .replace_range(start..end.max(start), &change.text);
                }
            }
        }
        self.version = version;
    }

    /// The last lint, if it is of the text as it is now.
    pub fn fresh_lint(&self) -> Option<&Lint> {
        self.lint.as_ref().filter(|l| l.version == self.version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn edit(range: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_changes_count_utf16_units() {
        let uri = "file:///b.md".parse().unwrap();
        let mut b = Buffer::new(uri, "😀 Kim Young-un àPékin\nfin".into(), 1);
        // "😀 Kim " is 7 units; "Young" is 7..12.
        b.apply(
            2,
            vec![
                edit(Some(((0, 7), (0, 12))), "Jong"),
                edit(Some(((0, 15), (0, 16))), "à "),
            ],
        );
        assert_eq!(*b.text, "😀 Kim Jong-un à Pékin\nfin");
        assert_eq!(b.version, 2);
        b.apply(3, vec![edit(Some(((1, 3), (1, 3))), ".")]);
        assert_eq!(*b.text, "😀 Kim Jong-un à Pékin\nfin.");
        b.apply(4, vec![edit(None, "tout neuf")]);
        assert_eq!(*b.text, "tout neuf");
    }

    #[test]
    fn incremental_changes_after_a_lone_cr_land_on_the_right_line() {
        let uri = "file:///b.md".parse().unwrap();
        let mut b = Buffer::new(uri, "Premier.\rKim Young-un\r\né\rfin".into(), 1);
        b.apply(
            2,
            vec![
                // Line 1 is "Kim Young-un", after the lone CR.
                edit(Some(((1, 4), (1, 9))), "Jong"),
                // Line 3 is "fin", after "é" and a lone CR.
                edit(Some(((3, 0), (3, 3))), "Fin."),
                // Past the end of line 2: before its CR, not after it.
                edit(Some(((2, 9), (2, 9))), "t"),
            ],
        );
        assert_eq!(*b.text, "Premier.\rKim Jong-un\r\nét\rFin.");
    }
}

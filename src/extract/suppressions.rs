//! Inline suppressions, written as HTML comments so that Markdown renders
//! nothing:
//!
//! ```markdown
//! <!-- factlint-disable-next-line name-typo -->
//! Kim Young-un, as the source spells it…
//!
//! <!-- factlint-disable spelling, typography -->
//! …a transcript left as spoken…
//! <!-- factlint-enable spelling, typography -->
//! ```
//!
//! Without kinds, a comment covers every kind. A region without its
//! `enable` runs to the end of the file.

use crate::diagnostic::Kind;
use crate::span::{LineIndex, Span};

/// One suppression comment and the lines it covers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suppression {
    /// The comment, where an unused or malformed one is reported.
    pub span: Span,
    pub text: String,
    /// The kinds it silences; empty for all.
    pub kinds: Vec<Kind>,
    /// Kind names it gives that are no kind.
    pub unknown: Vec<String>,
    /// First and last line covered (1-based, inclusive).
    pub lines: (usize, usize),
}

impl Suppression {
    pub fn covers(&self, kind: Kind, line: usize) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind))
            && self.lines.0 <= line
            && line <= self.lines.1
    }
}

/// The suppressions of `text`.
pub fn extract(text: &str, lines: &LineIndex) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Open regions: kinds, first line, comment span, unknown names, text.
    type Open = (Vec<Kind>, usize, Span, Vec<String>, String);
    let mut open: Vec<Open> = Vec::new();
    let last_line = text.lines().count().max(1);
    // One forward scan: the closer is sought after the opener ("<!-->" is
    // no comment), and the next opener after the closer (comments do not
    // nest), so many openers and one distant closer cost one pass.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memmem::find(&bytes[from..], b"<!--") {
        let start = from + found;
        let Some(len) = memchr::memmem::find(&bytes[start + 4..], b"-->") else {
            break;
        };
        let end = start + 4 + len + 3;
        from = end;
        let inner = text[start + 4..start + 4 + len].trim();
        let (command, rest) = match inner.split_once(char::is_whitespace) {
            Some((c, r)) => (c, r),
            None => (inner, ""),
        };
        if !command.starts_with("factlint-") {
            continue;
        }
        let span = lines.span(text, start, end);
        let comment = text[start..end].to_string();
        let mut kinds = Vec::new();
        let mut unknown = Vec::new();
        for name in rest.split([',', ' ', '\t']).filter(|n| !n.is_empty()) {
            match Kind::lookup(name) {
                Some(k) => kinds.push(k),
                None => unknown.push(name.to_string()),
            }
        }
        match command {
            "factlint-disable-next-line" => out.push(Suppression {
                span,
                text: comment,
                kinds,
                unknown,
                lines: (span.line + 1, span.line + 1),
            }),
            "factlint-disable" => open.push((kinds, span.line + 1, span, unknown, comment)),
            "factlint-enable" => {
                // Closes the regions of the same kinds (all, when none named).
                open.retain(|(k, first, s, u, c)| {
                    let closes = kinds.is_empty() || *k == kinds;
                    if closes {
                        out.push(Suppression {
                            span: *s,
                            text: c.clone(),
                            kinds: k.clone(),
                            unknown: u.clone(),
                            lines: (*first, span.line.saturating_sub(1)),
                        });
                    }
                    !closes
                });
            }
            _ => out.push(Suppression {
                span,
                text: comment,
                kinds: Vec::new(),
                unknown: vec![command.to_string()],
                lines: (0, 0),
            }),
        }
    }
    for (kinds, first, span, unknown, text) in open {
        out.push(Suppression {
            span,
            text,
            kinds,
            unknown,
            lines: (first, last_line),
        });
    }
    out.sort_by_key(|s| s.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Suppression> {
        extract(text, &LineIndex::new(text))
    }

    #[test]
    fn next_line_and_regions() {
        let text = "a\n<!-- factlint-disable-next-line name-typo -->\nb\n\
                    <!-- factlint-disable spelling, typography -->\nc\nd\n\
                    <!-- factlint-enable spelling, typography -->\ne\n<!-- factlint-disable -->\nf\n";
        let s = parse(text);
        assert_eq!(s.len(), 3);
        assert_eq!(
            (s[0].kinds.clone(), s[0].lines),
            (vec![Kind::NameTypo], (3, 3))
        );
        assert!(s[0].covers(Kind::NameTypo, 3) && !s[0].covers(Kind::NameCase, 3));
        assert_eq!(s[1].lines, (5, 6));
        assert_eq!(s[1].kinds, vec![Kind::Spelling, Kind::Typography]);
        assert!(s[2].kinds.is_empty() && s[2].covers(Kind::Grammar, 10));
    }

    #[test]
    fn unknown_kinds_and_commands_are_kept_for_a_warning() {
        let s = parse(
            "<!-- factlint-disable-next-line name-typos -->\n<!-- factlint-ignore -->\n<!-- a comment -->",
        );
        assert_eq!(s[0].unknown, vec!["name-typos".to_string()]);
        assert_eq!(s[1].unknown, vec!["factlint-ignore".to_string()]);
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn an_opener_that_closes_itself_is_no_comment() {
        // "<!-->" and "<!--->" once panicked: the closer was sought inside
        // the opener.
        for text in [
            "<!-->",
            "<!--->",
            "a <!--> b",
            "<!---> <!-- factlint-disable -->",
        ] {
            let s = parse(text);
            assert!(s.iter().all(|s| s.span.start <= s.span.end), "{text}");
        }
        // As in HTML, "<!-->" is an empty comment: what follows is text.
        assert!(parse("<!--> factlint-disable spelling -->\nx\n").is_empty());
    }

    #[test]
    fn openers_inside_a_comment_are_its_text() {
        let s = parse("<!-- <!-- factlint-disable --> x <!-- factlint-enable -->");
        // The first comment is "<!-- <!-- factlint-disable -->": no
        // command, so no region opens and the enable closes nothing.
        assert!(s.is_empty(), "{s:?}");
    }
}

//! Quick fixes: each finding under the requested range that has a
//! suggestion becomes one action replacing its span; the safe fix (the one
//! `factlint --fix` would apply) is the preferred one.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::buffers::Lint;
use super::position::LineMap;

/// The quick fixes for `range` of the buffer at `uri`, from its `lint`
/// (of the buffer's current text, `map`).
pub fn quick_fixes(
    uri: &Uri,
    lint: &Lint,
    map: &LineMap,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let (from, to) = (map.offset(range.start), map.offset(range.end));
    lint.findings
        .iter()
        .zip(&lint.published)
        // Touching counts: a cursor just after a word asks about that word.
        .filter(|(d, _)| d.span.start <= to && from <= d.span.end)
        .filter_map(|(d, published)| {
            let replacement = d.suggestion.as_ref()?;
            let title = if replacement.is_empty() {
                format!("Remove “{}” ({})", shorten(&d.text), d.code)
            } else {
                format!(
                    "Replace “{}” with “{}” ({})",
                    shorten(&d.text),
                    shorten(replacement),
                    d.code
                )
            };
            let edit = TextEdit::new(map.range(d.span.start, d.span.end), replacement.clone());
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![published.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: d.safe_fix.then_some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}

/// A text short enough for a menu entry.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let visible = text.replace('\n', "⏎");
    if visible.chars().count() <= MAX_CHARS {
        return visible;
    }
    let head: String = visible.chars().take(MAX_CHARS - 1).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint::span::LineIndex;
    use factlint::{Diagnostic, Kind, Severity};
    use lsp_types::Position;
    use std::str::FromStr;

    fn lint_of(text: &str) -> Lint {
        let idx = LineIndex::new(text);
        let at = |needle: &str| {
            let s = text.find(needle).unwrap();
            idx.span(text, s, s + needle.len())
        };
        let typo = Diagnostic::new(
            Kind::NameTypo,
            Severity::Error,
            "d",
            at("Kim Young-un"),
            "Kim Young-un",
            "t".into(),
        )
        .with_fix("Kim Jong-un");
        let glued = Diagnostic::new(
            Kind::Typography,
            Severity::Warning,
            "d",
            at("àPékin"),
            "àPékin",
            "g".into(),
        )
        .with_suggestion("à Pékin");
        let unsourced = Diagnostic::new(
            Kind::UnsourcedClaim,
            Severity::Warning,
            "d",
            at("arrivé"),
            "arrivé",
            "u".into(),
        );
        let findings = vec![typo, unsourced, glued];
        let published = findings
            .iter()
            .map(|_| lsp_types::Diagnostic::default())
            .collect();
        Lint {
            version: 1,
            findings,
            published,
            names: None,
        }
    }

    #[test]
    fn one_action_per_suggestion_under_the_range_the_safe_one_preferred() {
        let text = "😀 Kim Young-un arrivé àPékin";
        let lint = lint_of(text);
        let map = LineMap::of_buffer(text);
        let uri = Uri::from_str("file:///d.md").unwrap();
        let whole = Range::new(Position::new(0, 0), Position::new(0, 99));
        let actions = quick_fixes(&uri, &lint, &map, whole);
        assert_eq!(
            actions.len(),
            2,
            "the finding without a suggestion has none"
        );
        let CodeActionOrCommand::CodeAction(first) = &actions[0] else {
            panic!("an action")
        };
        assert_eq!(
            first.title,
            "Replace “Kim Young-un” with “Kim Jong-un” (FL101)"
        );
        assert_eq!(first.is_preferred, Some(true));
        let edits = &first.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        assert_eq!(
            edits[0].range,
            Range::new(Position::new(0, 3), Position::new(0, 15))
        );
        assert_eq!(edits[0].new_text, "Kim Jong-un");
        let CodeActionOrCommand::CodeAction(second) = &actions[1] else {
            panic!("an action")
        };
        assert_eq!(second.is_preferred, None);
        // A cursor in "àPékin" asks about it alone.
        let cursor = Range::new(Position::new(0, 25), Position::new(0, 25));
        assert_eq!(quick_fixes(&uri, &lint, &map, cursor).len(), 1);
    }
}

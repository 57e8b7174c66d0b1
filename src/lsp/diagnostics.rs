//! factlint's findings as LSP diagnostics: UTF-16 ranges, severities, the
//! kind's code, related places in the corpus, and the suggestion in `data`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use factlint::rules::RuleError;
use factlint::{Diagnostic, Severity};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range,
    Uri,
};
use serde_json::json;

use super::position::LineMap;
use super::uri;

/// The texts of the corpus files that related spans point into, read
/// from disk when first needed (the corpus facts keep spans, not texts).
/// Shared by the lints running at once; a reload of the corpus starts a
/// new one.
pub struct SourceTexts {
    max_size: u64,
    texts: Mutex<HashMap<String, Option<Arc<String>>>>,
}

impl SourceTexts {
    pub fn new(max_size: u64) -> Self {
        SourceTexts {
            max_size,
            texts: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, file: &str) -> Option<Arc<String>> {
        if let Some(text) = self.texts().get(file) {
            return text.clone();
        }
        // Read without the lock: other lints go on meanwhile.
        let path = Path::new(file);
        let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= self.max_size);
        let text = small
            .then(|| std::fs::read_to_string(path).ok().map(Arc::new))
            .flatten();
        self.texts().entry(file.to_string()).or_insert(text).clone()
    }

    /// The texts read, even after a lint panicked holding them: an insert
    /// into the map is whole or not done.
    fn texts(&self) -> MutexGuard<'_, HashMap<String, Option<Arc<String>>>> {
        self.texts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The LSP diagnostic of `d`, a finding of the buffer at `buffer_uri`.
pub fn to_lsp(
    d: &Diagnostic,
    buffer_uri: &Uri,
    buffer: &LineMap,
    texts: &SourceTexts,
) -> lsp_types::Diagnostic {
    let related = d
        .related
        .iter()
        .filter_map(|r| {
            let (uri, range) = if r.file == d.file {
                (buffer_uri.clone(), buffer.range(r.span.start, r.span.end))
            } else {
                let uri = uri::from_path(Path::new(&r.file))?;
                let range = match texts.get(&r.file) {
                    Some(text) => LineMap::of_file(&text).range(r.span.start, r.span.end),
                    None => approximate_range(r.span.line, r.span.column, &r.text),
                };
                (uri, range)
            };
            let message = match (r.message.is_empty(), r.text.is_empty()) {
                (false, false) => format!("“{}”: {}", r.text, r.message),
                (false, true) => r.message.clone(),
                (true, _) => format!("“{}”", r.text),
            };
            Some(DiagnosticRelatedInformation {
                location: Location::new(uri, range),
                message,
            })
        })
        .collect::<Vec<_>>();
    lsp_types::Diagnostic {
        range: buffer.range(d.span.start, d.span.end),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: None,
        source: Some("factlint".into()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        // For clients that show it; code actions use the server's own lint.
        data: Some(json!({
            "kind": d.kind.as_str(),
            "suggestion": d.suggestion,
            "safeFix": d.safe_fix,
            "rule": d.rule,
        })),
    }
}

/// A range from a span's line and character column, when its file cannot
/// be read: exact unless the line holds characters outside the BMP.
fn approximate_range(line: usize, column: usize, text: &str) -> Range {
    let start = Position::new(
        line.saturating_sub(1) as u32,
        column.saturating_sub(1) as u32,
    );
    let width: u32 = text.chars().map(|c| c.len_utf16() as u32).sum();
    Range::new(start, Position::new(start.line, start.character + width))
}

/// An error in `factlint.toml` or a rule file, as a diagnostic in that
/// file (and the file's URI).
pub fn rule_error_to_lsp(e: &RuleError) -> Option<(Uri, lsp_types::Diagnostic)> {
    // A folder that cannot be read has no file to show the error in.
    let path = Path::new(e.src.name());
    if !path.is_file() {
        return None;
    }
    let uri = uri::from_path(path)?;
    let text = e.src.inner();
    let range = match e.span {
        Some(span) => LineMap::of_file(text).range(span.offset(), span.offset() + span.len()),
        None => Range::default(),
    };
    let mut message = e.message.clone();
    if let Some(help) = &e.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let diagnostic = lsp_types::Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("factlint".into()),
        message,
        ..Default::default()
    };
    Some((uri, diagnostic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint::Kind;
    use factlint::diagnostic::Related;
    use factlint::span::LineIndex;
    use std::str::FromStr;

    #[test]
    fn ranges_are_utf16_and_related_spans_use_their_own_file() {
        let dir = tempfile::tempdir().unwrap();
        let corpus_file = dir.path().join("a.txt");
        let corpus_text = "\u{feff}Été 😀 : Kim Jong-un.";
        std::fs::write(&corpus_file, corpus_text).unwrap();
        let draft = "«😀» Kim Young-un";
        let at = draft.find("Kim").unwrap();
        let span = LineIndex::new(draft).span(draft, at, draft.len());
        let rel_at = corpus_text.find("Kim").unwrap();
        let rel_span = LineIndex::new(corpus_text).span(corpus_text, rel_at, rel_at + 11);
        let d = Diagnostic::new(
            Kind::NameTypo,
            Severity::Error,
            "/d.md",
            span,
            "Kim Young-un",
            "typo".into(),
        )
        .with_fix("Kim Jong-un")
        .with_related(vec![Related {
            file: corpus_file.display().to_string(),
            span: rel_span,
            text: "Kim Jong-un".into(),
            message: "here".into(),
        }]);
        let uri = Uri::from_str("file:///d.md").unwrap();
        let map = LineMap::of_buffer(draft);
        let lsp = to_lsp(&d, &uri, &map, &SourceTexts::new(1 << 20));
        assert_eq!(
            lsp.range,
            Range::new(Position::new(0, 5), Position::new(0, 17))
        );
        assert_eq!(lsp.code, Some(NumberOrString::String("FL101".into())));
        assert_eq!(lsp.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(lsp.data.as_ref().unwrap()["suggestion"], "Kim Jong-un");
        let related = &lsp.related_information.unwrap()[0];
        assert!(related.location.uri.as_str().ends_with("/a.txt"));
        // The BOM is not shown; "Été 😀 : " is 9 units.
        assert_eq!(
            related.location.range,
            Range::new(Position::new(0, 9), Position::new(0, 20))
        );
    }
}

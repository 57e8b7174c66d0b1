//! The human report: miette graphical diagnostics with a snippet of each
//! file around the span, the suggestion as help, and related spans (also
//! from other files) as nested diagnostics.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::{Summary, plural};
use crate::diagnostic::{Diagnostic, Severity};
use crate::excerpt::Excerpt;
use crate::span::Span;

const WIDTH: usize = 100;

/// Writes the report for `diagnostics` one at a time; `source` gives the
/// text of a file, when it can still be read, for the snippets.
pub fn write(
    out: &mut (impl std::io::Write + ?Sized),
    files_checked: usize,
    diagnostics: &[Diagnostic],
    source: &dyn Fn(&str) -> Option<std::sync::Arc<String>>,
    color: bool,
) -> std::io::Result<()> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_links(false)
        .with_show_related_as_nested(true)
        .with_wrap_lines(false);
    let mut block = String::new();
    for d in diagnostics {
        block.clear();
        let rendered = Rendered::new(d, source);
        if handler.render_report(&mut block, &rendered).is_err() {
            block = format!("{}: {}: {}\n", d.file, d.code, d.message);
        }
        out.write_all(block.as_bytes())?;
        out.write_all(b"\n")?;
    }
    let s = Summary::of(diagnostics);
    writeln!(
        out,
        "factlint: {} checked: {}, {}, {} info",
        plural(files_checked, "file"),
        plural(s.error, "error"),
        plural(s.warning, "warning"),
        s.info,
    )
}

/// The whole report as a string (tests, small runs).
pub fn render(
    files_checked: usize,
    diagnostics: &[Diagnostic],
    source: &dyn Fn(&str) -> Option<std::sync::Arc<String>>,
    color: bool,
) -> String {
    let mut out = Vec::new();
    write(&mut out, files_checked, diagnostics, source, color)
        .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("miette writes UTF-8")
}

/// A diagnostic in the shape miette renders.
#[derive(Debug)]
struct Rendered {
    message: String,
    code: String,
    severity: miette::Severity,
    excerpt: Option<Excerpt>,
    label: Option<String>,
    span: Span,
    help: Option<String>,
    related: Vec<Rendered>,
}

impl Rendered {
    fn new(d: &Diagnostic, source: &dyn Fn(&str) -> Option<std::sync::Arc<String>>) -> Rendered {
        let related = d
            .related
            .iter()
            .map(|r| Rendered {
                message: r.message.clone(),
                code: String::new(),
                severity: miette::Severity::Advice,
                excerpt: source(&r.file).and_then(|t| Excerpt::around(&r.file, &t, r.span)),
                label: Some("here".into()),
                span: r.span,
                help: None,
                related: Vec::new(),
            })
            .collect();
        let has_span = !(d.span.is_empty() && d.text.is_empty());
        Rendered {
            message: d.message.clone(),
            code: format!("{}({})", d.code, d.kind),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            },
            excerpt: if has_span {
                source(&d.file).and_then(|t| Excerpt::around(&d.file, &t, d.span))
            } else {
                None
            },
            label: Some(match &d.suggestion {
                Some(s) => format!("did you mean \"{s}\"?"),
                None => d.kind.summary().to_string(),
            }),
            span: d.span,
            help: match (&d.suggestion, has_span) {
                (Some(s), _) => Some(format!("write \"{s}\"")),
                (None, false) => Some(format!("in {}", d.file)),
                // No single replacement: point to the check's own "How to
                // fix" rather than say nothing about what to do.
                (None, true) => Some(format!(
                    "see `factlint explain {}` for what to check and how to fix it",
                    d.kind
                )),
            },
            related,
        }
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl miette::Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(&self.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.excerpt.as_ref().map(|e| e as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.excerpt.as_ref()?.label(&self.span);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(self.label.clone(), span),
        )))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Kind;
    use crate::span::LineIndex;
    use std::sync::Arc;

    #[test]
    fn snippet_is_cut_around_the_span_on_long_lines() {
        let text = format!(
            "Titre\n{}Kim Young-un a promis{}\n",
            "mot ".repeat(100),
            " encore".repeat(100)
        );
        let start = text.find("Kim Young-un").unwrap();
        let span = LineIndex::new(&text).span(&text, start, start + 12);
        let d = Diagnostic::new(
            Kind::NameTypo,
            Severity::Error,
            "a.txt",
            span,
            "Kim Young-un",
            "slip".into(),
        )
        .with_suggestion("Kim Jong-un");
        let shared = Arc::new(text.clone());
        let out = render(1, &[d], &|_| Some(shared.clone()), false);
        assert!(out.contains("[a.txt:2:401]"), "{out}");
        assert!(out.contains("did you mean \"Kim Jong-un\"?"), "{out}");
        assert!(out.lines().all(|l| l.chars().count() <= 200), "{out}");
        assert!(
            out.ends_with("factlint: 1 file checked: 1 error, 0 warnings, 0 info\n"),
            "{out}"
        );
    }

    #[test]
    fn a_finding_without_a_replacement_points_to_its_fix() {
        let text = "Poutine arrive ce 18 juin.".to_string();
        let start = text.find("ce 18 juin").unwrap();
        let span = LineIndex::new(&text).span(&text, start, start + 10);
        let shared = Arc::new(text.clone());
        let no_fix = Diagnostic::new(
            Kind::AmbiguousDate,
            Severity::Info,
            "a.txt",
            span,
            "ce 18 juin",
            "m".into(),
        );
        let out = render(1, &[no_fix], &|_| Some(shared.clone()), false);
        assert!(
            out.contains("help: see `factlint explain ambiguous-date`"),
            "{out}"
        );
    }
}

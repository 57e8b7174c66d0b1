//! GitHub Actions workflow commands: one `::error`, `::warning` or
//! `::notice` line per finding, which the Actions runner shows as an
//! annotation on the file and line of a pull request.

use std::io::Write;

use crate::diagnostic::{Diagnostic, Severity};

/// Writes one workflow command per diagnostic.
pub fn write(out: &mut (impl Write + ?Sized), diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    for d in diagnostics {
        writeln!(out, "{}", line(d))?;
    }
    Ok(())
}

/// `::error file=a.txt,line=3,col=5,endColumn=17,title=FL101 name-typo::message`
fn line(d: &Diagnostic) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = vec![format!("file={}", property(&d.file))];
    // A whole-file finding (an empty span, no text) is annotated on the
    // file alone.
    if !(d.span.is_empty() && d.text.is_empty()) {
        properties.push(format!("line={}", d.span.line));
        properties.push(format!("col={}", d.span.column));
        if !d.text.contains('\n') {
            let end = d.span.column + d.text.chars().count();
            properties.push(format!("endColumn={end}"));
        }
    }
    properties.push(format!(
        "title={}",
        property(&format!("{} {}", d.code, d.kind))
    ));
    let mut message = d.message.clone();
    if let Some(s) = d.suggestion.as_deref().filter(|s| !s.is_empty()) {
        message.push_str(&format!(" (write \"{s}\")"));
    }
    format!("::{command} {}::{}", properties.join(","), data(&message))
}

/// Escapes a message: `%`, CR and LF, as the runner's toolkit does.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: also `:` and `,`, which separate properties.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Kind;
    use crate::span::Span;

    #[test]
    fn a_finding_is_one_escaped_workflow_command() {
        let span = Span {
            start: 10,
            end: 22,
            line: 3,
            column: 5,
        };
        let d = Diagnostic::new(
            Kind::NameTypo,
            Severity::Error,
            "corpus/a,b.txt",
            span,
            "Kim Young-un",
            "\"Kim Young-un\" looks like 100% a slip\nof \"Kim Jong-un\"".into(),
        )
        .with_fix("Kim Jong-un");
        assert_eq!(
            line(&d),
            "::error file=corpus/a%2Cb.txt,line=3,col=5,endColumn=17,title=FL101 name-typo::\
             \"Kim Young-un\" looks like 100%25 a slip%0Aof \"Kim Jong-un\" (write \"Kim Jong-un\")"
        );
    }

    #[test]
    fn info_is_a_notice_and_whole_file_findings_have_no_line() {
        let d = Diagnostic::new(
            Kind::FileError,
            Severity::Info,
            "a.txt",
            Span::FILE,
            "",
            "empty".into(),
        );
        assert_eq!(
            line(&d),
            "::notice file=a.txt,title=FL001 file-error::empty"
        );
    }
}

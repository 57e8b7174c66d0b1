//! The JSON report, version 1: a stable contract documented in README.md.

use serde::Serialize;

use super::Summary;
use crate::diagnostic::Diagnostic;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    files_checked: usize,
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// Writes the report as pretty-printed JSON, ending with a newline,
/// without building it in memory first.
pub fn write(
    out: &mut (impl std::io::Write + ?Sized),
    files_checked: usize,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    let report = Report {
        version: VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        files_checked,
        diagnostics,
        summary: Summary::of(diagnostics),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The report as a string (tests, small runs).
pub fn render(files_checked: usize, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    write(&mut out, files_checked, diagnostics).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Kind, Related, Severity};
    use crate::span::Span;

    #[test]
    fn fields_follow_the_contract() {
        let span = Span {
            start: 4,
            end: 16,
            line: 1,
            column: 5,
        };
        let d = Diagnostic::new(
            Kind::NameTypo,
            Severity::Error,
            "a.txt",
            span,
            "Kim Young-un",
            "m".into(),
        )
        .with_suggestion("Kim Jong-un")
        .with_related(vec![Related {
            file: "b.txt".into(),
            span,
            text: "Kim Jong-un".into(),
            message: "here".into(),
        }]);
        let v: serde_json::Value = serde_json::from_str(&render(2, &[d])).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["tool"]["name"], "factlint");
        assert_eq!(v["files_checked"], 2);
        let d = &v["diagnostics"][0];
        let keys: Vec<_> = d.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "code",
                "kind",
                "severity",
                "message",
                "file",
                "span",
                "text",
                "suggestion",
                "related",
                "rule"
            ]
        );
        assert_eq!(d["code"], "FL101");
        assert_eq!(d["kind"], "name-typo");
        assert_eq!(d["span"]["column"], 5);
        assert_eq!(d["rule"], serde_json::Value::Null);
        assert_eq!(
            v["summary"],
            serde_json::json!({"error": 1, "warning": 0, "info": 0})
        );
    }
}

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

/// Diagnostics rendered in parallel at a time: enough to keep both cores
/// busy, few enough that the report is never held whole in memory.
const CHUNK: usize = 4096;

/// Writes the report as pretty-printed JSON, ending with a newline. The
/// envelope is the `Report` type's; diagnostics are rendered in parallel,
/// chunk by chunk, and indented as `serde_json` would indent them inside
/// it, so the bytes are those of `to_writer_pretty(&Report)`.
pub fn write(
    out: &mut (impl std::io::Write + ?Sized),
    files_checked: usize,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let report = Report {
        version: VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        files_checked,
        diagnostics: &[],
        summary: Summary::of(diagnostics),
    };
    let envelope = serde_json::to_string_pretty(&report).expect("the report is plain data");
    let (head, tail) = envelope
        .split_once("\"diagnostics\": []")
        .expect("the envelope has a diagnostics field");
    out.write_all(head.as_bytes())?;
    if diagnostics.is_empty() {
        out.write_all(b"\"diagnostics\": []")?;
    } else {
        out.write_all(b"\"diagnostics\": [")?;
        for (n, chunk) in diagnostics.chunks(CHUNK).enumerate() {
            let rendered: Vec<String> = chunk
                .par_iter()
                .map(|d| {
                    let text = serde_json::to_string_pretty(d).expect("a diagnostic is plain data");
                    text.replace('\n', "\n    ")
                })
                .collect();
            for (k, item) in rendered.iter().enumerate() {
                out.write_all(if n == 0 && k == 0 {
                    b"\n    "
                } else {
                    b",\n    "
                })?;
                out.write_all(item.as_bytes())?;
            }
        }
        out.write_all(b"\n  ]")?;
    }
    out.write_all(tail.as_bytes())?;
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
    fn parallel_rendering_gives_the_bytes_of_serde_json() {
        let span = Span {
            start: 1,
            end: 2,
            line: 1,
            column: 2,
        };
        let many: Vec<Diagnostic> = (0..CHUNK + 3)
            .map(|i| {
                Diagnostic::new(
                    Kind::NameCase,
                    Severity::Warning,
                    "a.txt",
                    span,
                    "x",
                    format!("m{i}"),
                )
            })
            .collect();
        for list in [&many[..], &many[..1], &[][..]] {
            let whole = Report {
                version: VERSION,
                tool: Tool {
                    name: env!("CARGO_PKG_NAME"),
                    version: env!("CARGO_PKG_VERSION"),
                },
                files_checked: 3,
                diagnostics: list,
                summary: Summary::of(list),
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(render(3, list), expected);
        }
    }

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

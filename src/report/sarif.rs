//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the
//! format GitHub code scanning and many review tools read. One run, one
//! rule per kind (its metadata is what `factlint explain` prints), one
//! result per finding with its location and related locations.

use serde_json::{Value, json};

use crate::checks;
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::span::Span;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the SARIF log, pretty-printed, ending with a newline.
pub fn write(
    out: &mut (impl std::io::Write + ?Sized),
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(diagnostics))?;
    writeln!(out)
}

/// The SARIF log of `diagnostics`.
pub fn log(diagnostics: &[Diagnostic]) -> Value {
    let rules: Vec<Value> = Kind::ALL.iter().map(|&k| rule(k)).collect();
    let results: Vec<Value> = diagnostics.iter().map(result).collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": env!("CARGO_PKG_NAME"),
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn rule(kind: Kind) -> Value {
    json!({
        "id": kind.code(),
        "name": kind.as_str(),
        "shortDescription": {"text": kind.summary()},
        "fullDescription": {"text": kind.summary()},
        "help": {"text": checks::explain(kind), "markdown": checks::explain(kind)},
        "defaultConfiguration": {"level": level(default_severity(kind))},
    })
}

/// The severity a kind has most often; a finding's own level overrides it.
fn default_severity(kind: Kind) -> Severity {
    match kind {
        Kind::AmbiguousDate => Severity::Info,
        Kind::NameTypo
        | Kind::DateContradiction
        | Kind::LocationContradiction
        | Kind::ParticipantContradiction
        | Kind::NumberContradiction
        | Kind::WeekdayMismatch
        | Kind::AnniversaryMismatch
        | Kind::FileError => Severity::Error,
        _ => Severity::Warning,
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(file: &str, span: &Span, text: &str, message: Option<&str>) -> Value {
    let mut region = json!({
        "startLine": span.line,
        "startColumn": span.column,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    });
    if !text.contains('\n') {
        region["endLine"] = json!(span.line);
        region["endColumn"] = json!(span.column + text.chars().count());
    }
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(file)},
            "region": region,
        }
    });
    if let Some(m) = message {
        loc["message"] = json!({"text": m});
    }
    loc
}

/// A relative URI for a path: forward slashes, spaces and reserved
/// characters percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn result(d: &Diagnostic) -> Value {
    let mut r = json!({
        "ruleId": d.code,
        "ruleIndex": Kind::ALL.iter().position(|&k| k == d.kind),
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [location(&d.file, &d.span, &d.text, None)],
    });
    if !d.related.is_empty() {
        r["relatedLocations"] = d
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let mut l = location(&rel.file, &rel.span, &rel.text, Some(&rel.message));
                l["id"] = json!(i);
                l
            })
            .collect();
    }
    if let Some(s) = d.suggestion.as_deref() {
        r["fixes"] = json!([{
            "description": {"text": format!("write \"{s}\"")},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri(&d.file)},
                "replacements": [{
                    "deletedRegion": {"charOffset": d.span.start, "charLength": d.span.end - d.span.start},
                    "insertedContent": {"text": s},
                }]
            }]
        }]);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_relative_uris() {
        assert_eq!(uri("corpus/a b.txt"), "corpus/a%20b.txt");
        assert_eq!(uri("dir\\pékin.md"), "dir/p%C3%A9kin.md");
    }

    #[test]
    fn every_kind_is_a_rule_with_its_documentation() {
        let log = log(&[]);
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), Kind::ALL.len());
        assert_eq!(rules[0]["id"], Kind::ALL[0].code());
        assert!(rules.iter().all(|r| {
            r["help"]["text"]
                .as_str()
                .unwrap()
                .contains("## What it flags")
                || r["id"] == "FL001"
        }));
    }
}

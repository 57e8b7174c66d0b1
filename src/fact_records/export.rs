//! Reading `factlint facts` exports back, for `factlint check --facts`:
//! the `article` records of jsonl or json files become the corpus facts the
//! cross-article checks compare. Only `article` and `file-error` records
//! are parsed; the others are for people and are skipped unread.

use std::collections::HashSet;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use super::FactRecord;
use crate::diagnostic::{Diagnostic, Kind};
use crate::engine::{CorpusDocument, CorpusFacts};
use crate::extract::TableSizes;

/// The facts of many exports, each article once.
#[derive(Debug, Default)]
pub struct Exported {
    pub corpus: CorpusFacts,
    /// Articles met in more than one export (compared once, from the first).
    pub duplicates: usize,
}

/// Why an export cannot be compared: `{file}:{line}: {what}` (no line
/// when the file cannot be opened).
#[derive(Debug)]
pub struct ExportError {
    pub file: String,
    pub line: usize,
    pub what: String,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.what),
            n => write!(f, "{}:{n}: {}", self.file, self.what),
        }
    }
}

impl std::error::Error for ExportError {}

/// The longest line read as one record: a record is an article's facts,
/// far smaller than the article; a longer line is no record.
pub const MAX_RECORD_BYTES: u64 = 256 << 20;

/// Reads the exports at `paths`, refusing articles read by another
/// factlint or with rules other than those of `rules_fingerprint`, and
/// facts that do not fit the rules' tables (`sizes`). Only regular files
/// are read: a FIFO would block and a device never ends.
pub fn read(
    paths: &[PathBuf],
    rules_fingerprint: &str,
    sizes: TableSizes,
) -> Result<Exported, ExportError> {
    let exports = paths.iter().map(|path| {
        (
            path.display().to_string(),
            crate::fact_index::open_regular(path).map(BufReader::new),
        )
    });
    read_from(exports, rules_fingerprint, sizes)
}

/// [`read`] of exports already opened: each reader with the name errors
/// give it, or the error met opening it.
pub fn read_from<R: BufRead>(
    exports: impl IntoIterator<Item = (String, io::Result<R>)>,
    rules_fingerprint: &str,
    sizes: TableSizes,
) -> Result<Exported, ExportError> {
    let mut out = Exported::default();
    let mut seen: HashSet<String> = HashSet::new();
    for (shown, reader) in exports {
        let bad = |line: usize, what: String| ExportError {
            file: shown.clone(),
            line,
            what,
        };
        let reader = reader.map_err(|e| bad(0, format!("cannot read: {e}")))?;
        for (line, record) in records(reader, &bad)? {
            match record {
                FactRecord::Article(a) => {
                    if a.factlint != env!("CARGO_PKG_VERSION") {
                        return Err(bad(
                            line,
                            format!(
                                "facts of {} were read by factlint {}, this is factlint {}: \
                                 export them again",
                                a.file,
                                a.factlint,
                                env!("CARGO_PKG_VERSION")
                            ),
                        ));
                    }
                    if a.rules != rules_fingerprint {
                        return Err(bad(
                            line,
                            format!(
                                "facts of {} were read with other rules (fingerprint {}, these \
                                 rules {rules_fingerprint}): compare with the rules they were \
                                 exported with (--rules) or export them again",
                                a.file, a.rules
                            ),
                        ));
                    }
                    a.facts.check_tables(sizes).map_err(|what| {
                        bad(
                            line,
                            format!(
                                "facts of {} are damaged ({what}): export them again",
                                a.file
                            ),
                        )
                    })?;
                    if !seen.insert(a.file.clone()) {
                        out.duplicates += 1;
                        continue;
                    }
                    out.corpus.documents.push(CorpusDocument {
                        path: PathBuf::from(&a.file),
                        facts: a.facts,
                    });
                }
                FactRecord::FileError(f) => out.corpus.unread.push(Diagnostic::new(
                    Kind::FileError,
                    f.severity,
                    &f.file,
                    f.span,
                    "",
                    f.message,
                )),
                _ => {}
            }
        }
    }
    Ok(out)
}

/// The `article` and `file-error` records of one export, with their line
/// (1 for every record of the json form).
fn records(
    mut reader: impl BufRead,
    bad: &dyn Fn(usize, String) -> ExportError,
) -> Result<Vec<(usize, FactRecord)>, ExportError> {
    let mut line = String::new();
    let mut number = 0;
    let mut out = Vec::new();
    loop {
        line.clear();
        let n = Read::by_ref(&mut reader)
            .take(MAX_RECORD_BYTES + 1)
            .read_line(&mut line)
            .map_err(|e| bad(number + 1, format!("cannot read: {e}")))?;
        if n == 0 {
            return Ok(out);
        }
        if n as u64 > MAX_RECORD_BYTES {
            return Err(bad(
                number + 1,
                format!(
                    "a line longer than {} MiB is no record of `factlint facts`",
                    MAX_RECORD_BYTES >> 20
                ),
            ));
        }
        number += 1;
        let trimmed = line.trim();
        if number == 1 && trimmed.starts_with('[') {
            break;
        }
        if trimmed.is_empty() {
            continue;
        }
        let kept = ["article", "file-error"]
            .into_iter()
            .find(|k| trimmed.starts_with(&format!("{{\"kind\":\"{k}\"")));
        match kept {
            Some(kind) => {
                let record = serde_json::from_str(trimmed)
                    .map_err(|e| bad(number, format!("a damaged {kind} record: {e}")))?;
                out.push((number, record));
            }
            None if trimmed.starts_with("{\"kind\":\"") => {}
            None => {
                return Err(bad(
                    number,
                    "not a record of `factlint facts` (jsonl or json expected)".into(),
                ));
            }
        }
    }
    // The json form: one array, read whole.
    let mut text = line.clone();
    reader
        .read_to_string(&mut text)
        .map_err(|e| bad(1, format!("cannot read: {e}")))?;
    let all: Vec<FactRecord> = serde_json::from_str(&text)
        .map_err(|e| bad(e.line(), format!("not a `factlint facts` json export: {e}")))?;
    Ok(all
        .into_iter()
        .filter(|r| matches!(r, FactRecord::Article(_) | FactRecord::FileError(_)))
        .map(|r| (1, r))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn other_records_are_skipped_and_a_foreign_line_is_named_by_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("part.jsonl");
        let error = r#"{"kind":"file-error","file":"a.md","span":{"start":0,"end":0,"line":1,"column":1},"severity":"error","message":"binary file"}"#;
        let text = format!("{{\"kind\":\"date\",\"anything\":1}}\n\n{error}\nnot json\n");
        fs::write(&path, text).unwrap();
        let rules = crate::rules::RuleSet::default();
        let sizes = TableSizes {
            forms: 0,
            rules: &rules,
        };
        let err = read(std::slice::from_ref(&path), "f", sizes).unwrap_err();
        assert_eq!(err.line, 4, "{err}");
        assert!(
            err.to_string()
                .ends_with(":4: not a record of `factlint facts` (jsonl or json expected)")
        );
        fs::write(&path, format!("{{\"kind\":\"date\"}}\n{error}\n")).unwrap();
        let exported = read(&[path], "f", sizes).unwrap();
        assert!(exported.corpus.documents.is_empty());
        assert_eq!(exported.corpus.unread.len(), 1);
        assert_eq!(exported.corpus.unread[0].message, "binary file");
    }
}

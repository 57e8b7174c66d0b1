//! Renderings of fact records (`factlint facts`): one JSON object a line
//! (`jsonl`), a JSON array (`json`), or an aligned table for a person
//! (`table`). Records are written file by file as they come: a large
//! corpus's facts are never held whole.

use std::io::Write;

use owo_colors::OwoColorize;

use super::text_table::{Table, ellipsize};
use crate::fact_records::timex::DateValue;
use crate::fact_records::{FactRecord, FormRoleName};

/// How fact records are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactFormat {
    Jsonl,
    Json,
    Table,
}

/// Writes the records of one file after another.
pub struct FactWriter<'a> {
    out: &'a mut dyn Write,
    format: FactFormat,
    color: bool,
    written: usize,
    files: usize,
}

impl<'a> FactWriter<'a> {
    pub fn new(out: &'a mut dyn Write, format: FactFormat, color: bool) -> std::io::Result<Self> {
        if format == FactFormat::Json {
            out.write_all(b"[")?;
        }
        Ok(FactWriter {
            out,
            format,
            color,
            written: 0,
            files: 0,
        })
    }

    /// Writes the records of one file, in the order given.
    pub fn file(&mut self, records: &[FactRecord]) -> std::io::Result<()> {
        self.files += 1;
        match self.format {
            FactFormat::Jsonl => {
                for r in records {
                    serde_json::to_writer(&mut *self.out, r)?;
                    self.out.write_all(b"\n")?;
                }
            }
            FactFormat::Json => {
                for r in records {
                    let text = serde_json::to_string_pretty(r)?;
                    let sep = if self.written == 0 { "\n  " } else { ",\n  " };
                    self.out.write_all(sep.as_bytes())?;
                    self.out.write_all(text.replace('\n', "\n  ").as_bytes())?;
                    self.written += 1;
                }
                return Ok(());
            }
            FactFormat::Table => self.table(records)?,
        }
        self.written += records.len();
        Ok(())
    }

    fn table(&mut self, records: &[FactRecord]) -> std::io::Result<()> {
        let Some(first) = records.first() else {
            return Ok(());
        };
        let title = first.file();
        if self.color {
            writeln!(self.out, "{}", title.bold())?;
        } else {
            writeln!(self.out, "{title}")?;
        }
        let mut table = Table::new(["place", "kind", "text", "what factlint read"]);
        // The article record is for `check --facts`, not for reading.
        for r in records
            .iter()
            .filter(|r| !matches!(r, FactRecord::Article(_)))
        {
            let span = r.span();
            table.row([
                format!("{}:{}", span.line, span.column),
                r.kind().to_string(),
                ellipsize(&one_line(text_of(r)), 48),
                details(r),
            ]);
        }
        table.write(&mut *self.out, self.color, "  ")?;
        writeln!(self.out)
    }

    /// Closes the output; returns how many records were written.
    pub fn finish(self) -> std::io::Result<usize> {
        match self.format {
            FactFormat::Json if self.written == 0 => self.out.write_all(b"]\n")?,
            FactFormat::Json => self.out.write_all(b"\n]\n")?,
            FactFormat::Table => writeln!(
                self.out,
                "factlint: {} in {}",
                super::plural(self.written, "fact"),
                super::plural(self.files, "file")
            )?,
            FactFormat::Jsonl => {}
        }
        self.out.flush()?;
        Ok(self.written)
    }
}

/// Line breaks and tabs as spaces: a table cell is one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(r: &FactRecord) -> &str {
    match r {
        FactRecord::Date(d) => &d.text,
        FactRecord::Name(n) => &n.text,
        FactRecord::Event(e) => &e.text,
        FactRecord::Anniversary(a) => &a.text,
        FactRecord::Quote(q) => &q.text,
        FactRecord::Attribution(a) => &a.text,
        FactRecord::Claim(c) => &c.text,
        FactRecord::Number(n) => &n.text,
        FactRecord::FileError(_) | FactRecord::Article(_) => "",
    }
}

/// A TIMEX3 value as one string: `2024-06-19`, `2024-06-18/2024-06-19`.
pub fn value_text(v: &DateValue) -> String {
    match v {
        DateValue::Point(p) => p.clone(),
        DateValue::Range { from, to } => format!("{from}/{to}"),
    }
}

/// A number without a useless fraction: 12000, 2.5.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// What the record says beyond its text, in a few words.
fn details(r: &FactRecord) -> String {
    match r {
        FactRecord::Date(d) => {
            let mut s = value_text(&d.value);
            if let Some(m) = d.modifier {
                s.push_str(&format!(" {}", json_name(&m)));
            }
            s.push_str(&format!(
                "  {}, {}, anchor: {}",
                json_name(&d.granularity),
                json_name(&d.form),
                json_name(&d.anchor)
            ));
            if let Some(at) = d.anchor_date {
                s.push_str(&format!(" {at}"));
            }
            if d.dateline {
                s.push_str(" (the dateline)");
            }
            s
        }
        FactRecord::Name(n) => match (&n.entity, &n.canonical) {
            (Some(id), Some(canonical)) => {
                let mut s = format!("{canonical} [{id}]");
                if let Some(fit) = n.fit {
                    s.push_str(&format!(", {}", json_name(&fit)));
                }
                if n.form == Some(FormRoleName::Variant) {
                    s.push_str(", variant");
                }
                if let Some(sim) = n.similarity {
                    s.push_str(&format!(" {sim:.2}"));
                }
                s
            }
            _ => "undeclared name".to_string(),
        },
        FactRecord::Event(e) => {
            let a = &e.attributes;
            let mut parts = vec![format!("[{}]", e.event)];
            if let Some(d) = &a.date {
                parts.push(format!("date {} = {}", d.text, value_text(&d.value)));
            }
            if let Some(p) = &a.place {
                parts.push(format!("place {}", p.canonical));
            }
            if !a.participants.is_empty() {
                let names: Vec<&str> = a
                    .participants
                    .iter()
                    .map(|p| p.canonical.as_str())
                    .collect();
                parts.push(format!("participants {}", names.join(", ")));
            }
            for n in &a.numbers {
                parts.push(format!(
                    "{} {} ({})",
                    number_text(n.value),
                    n.unit,
                    n.figure
                ));
            }
            parts.join("; ")
        }
        FactRecord::Anniversary(a) => {
            let mut s = format!("{} of [{}]", a.ordinal, a.event);
            if let (Some(y), Some(from)) = (a.year, &a.year_from) {
                s.push_str(&format!(", in {y} ({from})"));
            }
            s
        }
        FactRecord::Quote(q) => match &q.speaker {
            Some(sp) if sp.named => format!("speaker {}", sp.text),
            Some(sp) => format!("speaker described, unnamed: {}", one_line(&sp.text)),
            None => "no speaker".to_string(),
        },
        FactRecord::Attribution(a) => {
            format!(
                "source {}{}",
                a.source,
                if a.vague { " (vague)" } else { "" }
            )
        }
        FactRecord::Claim(c) => if c.sourced { "sourced" } else { "unsourced" }.to_string(),
        FactRecord::Number(n) => {
            let mut s = number_text(n.value);
            if let Some(u) = &n.unit {
                s.push_str(&format!(" {u}"));
            }
            if n.approximate {
                s.push_str(" (approximate)");
            }
            s
        }
        FactRecord::FileError(f) => f.message.clone(),
        FactRecord::Article(a) => format!("corpus-level facts (rules {})", a.rules),
    }
}

/// The name a record's enum takes in JSON ("near-miss", "dateline").
fn json_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact_records::{FileErrorRecord, NumberRecord};
    use crate::span::Span;

    fn records() -> Vec<FactRecord> {
        vec![
            FactRecord::Number(NumberRecord {
                file: "a.txt".into(),
                span: Span {
                    start: 3,
                    end: 9,
                    line: 1,
                    column: 4,
                },
                text: "12 000".into(),
                value: 12000.0,
                unit: Some("soldat".into()),
                approximate: false,
            }),
            FactRecord::FileError(FileErrorRecord {
                file: "b.txt".into(),
                span: Span::FILE,
                severity: crate::Severity::Error,
                message: "not UTF-8".into(),
            }),
        ]
    }

    fn render(format: FactFormat) -> String {
        let mut out = Vec::new();
        let mut w = FactWriter::new(&mut out, format, false).unwrap();
        let all = records();
        w.file(&all[..1]).unwrap();
        w.file(&all[1..]).unwrap();
        assert_eq!(w.finish().unwrap(), 2);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn jsonl_is_one_record_a_line_and_json_an_array() {
        let jsonl = render(FactFormat::Jsonl);
        let lines: Vec<&str> = jsonl.lines().collect();
        assert_eq!(lines.len(), 2);
        let back: FactRecord = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(back, records()[0]);
        assert!(
            lines[1].starts_with(r#"{"kind":"file-error","file":"b.txt""#),
            "{}",
            lines[1]
        );
        let json = render(FactFormat::Json);
        let all: Vec<FactRecord> = serde_json::from_str(&json).unwrap();
        assert_eq!(all, records());
    }

    #[test]
    fn tables_say_what_was_read() {
        let table = render(FactFormat::Table);
        assert!(table.contains("a.txt\n"), "{table}");
        assert!(table.contains("1:4"), "{table}");
        assert!(table.contains("12000 soldat"), "{table}");
        assert!(table.contains("not UTF-8"), "{table}");
        assert!(table.ends_with("factlint: 2 facts in 2 files\n"), "{table}");
    }

    #[test]
    fn an_empty_json_array_is_still_json() {
        let mut out = Vec::new();
        let w = FactWriter::new(&mut out, FactFormat::Json, false).unwrap();
        w.finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}

//! The tables of `factlint facts DIR --event ID` and `--entity ID`, in the
//! terminal (aligned, disagreements marked ✗ and coloured) or as JSON.

use std::io::Write;

use super::facts::{number_text, value_text};
use super::text_table::{Style, Table, paint};
use crate::fact_tables::{EntityTable, EventTable, Spelling, Statement};

/// The mark of a statement that disagrees, or a spelling the name checks
/// flag.
const MARK: &str = "✗";

pub fn write_event_json(out: &mut dyn Write, table: &EventTable) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, table)?;
    writeln!(out)
}

pub fn write_entity_json(out: &mut dyn Write, table: &EntityTable) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, table)?;
    writeln!(out)
}

/// A cell of statements: "ce 18 juin = 2024-06-18 ✗, 19 juin 2024 ×2".
fn statements(cells: &[Statement], show: impl Fn(&Statement) -> String) -> (String, Style) {
    if cells.is_empty() {
        return ("—".to_string(), Style::Dim);
    }
    let text: Vec<String> = cells
        .iter()
        .map(|s| {
            let mut t = show(s);
            if s.count > 1 {
                t.push_str(&format!(" ×{}", s.count));
            }
            if s.disagrees {
                t.push_str(&format!(" {MARK}"));
            }
            t
        })
        .collect();
    let style = if cells.iter().any(|s| s.disagrees) {
        Style::Alert
    } else {
        Style::Plain
    };
    (text.join(", "), style)
}

/// "Pekin (Pékin)" when the text is not the canonical name.
fn named(s: &Statement) -> String {
    match s.value.as_str() {
        Some(canonical) if canonical != s.text => format!("{} ({canonical})", s.text),
        _ => s.text.clone(),
    }
}

fn dated(s: &Statement) -> String {
    match s.value.as_str() {
        Some(v) => format!("{} = {v}", s.text),
        None => s.text.clone(),
    }
}

fn figure(s: &Statement) -> String {
    let unit = s.unit.as_deref().unwrap_or("");
    match s.value.as_f64() {
        Some(v) if s.text != number_text(v) => format!("{} = {} {unit}", s.text, number_text(v)),
        _ => format!("{} {unit}", s.text),
    }
    .trim_end()
    .to_string()
}

pub fn write_event_table(
    out: &mut dyn Write,
    table: &EventTable,
    color: bool,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  [{}]",
        paint(&table.name, Style::Bold, color),
        table.rule
    )?;
    writeln!(out)?;
    let mut t = Table::new(["article", "date", "place", "participants", "figures"]);
    let r = &table.reference;
    let dash = || "—".to_string();
    let figures: Vec<String> = r
        .figures
        .iter()
        .map(|f| format!("{} {} ({})", number_text(f.value), f.unit, f.figure))
        .collect();
    let names = |list: &[crate::fact_tables::EntityName]| {
        let v: Vec<&str> = list.iter().map(|n| n.canonical.as_str()).collect();
        if v.is_empty() { dash() } else { v.join(", ") }
    };
    t.styled_row(vec![
        ("reference".to_string(), Style::Bold),
        (
            r.date.as_ref().map_or_else(dash, |d| {
                let value = value_text(&d.value);
                if d.text == value {
                    value
                } else {
                    format!("{} = {value}", d.text)
                }
            }),
            Style::Bold,
        ),
        (
            r.place.as_ref().map_or_else(dash, |p| p.canonical.clone()),
            Style::Bold,
        ),
        (names(&r.participants), Style::Bold),
        (
            if figures.is_empty() {
                dash()
            } else {
                figures.join(", ")
            },
            Style::Bold,
        ),
    ]);
    for row in &table.articles {
        t.styled_row(vec![
            (
                row.file.clone(),
                if row.disagrees() {
                    Style::Alert
                } else {
                    Style::Plain
                },
            ),
            statements(&row.date, dated),
            statements(&row.place, named),
            statements(&row.participants, named),
            statements(&row.figures, figure),
        ]);
    }
    t.write(out, color, "")?;
    writeln!(out)?;
    writeln!(out, "reference source: {}", r.source)?;
    for f in &r.figures {
        writeln!(out, "  figure {}: {}", f.figure, f.source)?;
    }
    let disagreeing = table.articles.iter().filter(|r| r.disagrees()).count();
    let verdict = match disagreeing {
        0 => "none disagrees".to_string(),
        1 => format!("1 disagrees ({MARK})"),
        n => format!("{n} disagree ({MARK})"),
    };
    let against = if r.date.is_none()
        && r.place.is_none()
        && r.participants.is_empty()
        && r.figures.is_empty()
    {
        "with what most articles say"
    } else {
        "with the reference, or where it says nothing with most articles"
    };
    writeln!(
        out,
        "factlint: {} of {} articles speak of {}; {verdict} {against}",
        table.articles.len(),
        table.articles_read,
        table.event,
    )
}

fn spellings(list: &[Spelling], near: bool) -> (String, Style) {
    if list.is_empty() {
        return ("—".to_string(), Style::Dim);
    }
    let text: Vec<String> = list
        .iter()
        .map(|s| {
            let mut t = format!("{} ×{}", s.text, s.count);
            let mut why = Vec::new();
            if !near {
                match s.fit {
                    crate::fact_records::FitName::Exact => {}
                    crate::fact_records::FitName::Lowercase => why.push("lower case".to_string()),
                    crate::fact_records::FitName::Respelled => why.push("respelled".to_string()),
                    _ => {}
                }
                if s.form == crate::fact_records::FormRoleName::Variant {
                    why.push("variant".to_string());
                }
            } else if let Some(sim) = s.similarity {
                why.push(format!("{sim:.2}"));
            } else {
                why.push("accents".to_string());
            }
            if !why.is_empty() {
                t.push_str(&format!(" ({})", why.join(", ")));
            }
            if s.flagged {
                t.push_str(&format!(" {MARK}"));
            }
            t
        })
        .collect();
    let style = if list.iter().any(|s| s.flagged) {
        Style::Alert
    } else {
        Style::Plain
    };
    (text.join(", "), style)
}

pub fn write_entity_table(
    out: &mut dyn Write,
    table: &EntityTable,
    color: bool,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  [{}, {}]",
        paint(&table.canonical, Style::Bold, color),
        table.entity_kind,
        table.rule
    )?;
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join(", ")
        }
    };
    writeln!(
        out,
        "accepted forms: {}; variants: {}",
        list(&table.forms),
        list(&table.variants)
    )?;
    writeln!(out)?;
    let mut t = Table::new(["article", "mentions", "spellings", "near misses"]);
    for row in &table.articles {
        let flagged = row
            .spellings
            .iter()
            .chain(&row.near_misses)
            .any(|s| s.flagged);
        t.styled_row(vec![
            (
                row.file.clone(),
                if flagged { Style::Alert } else { Style::Plain },
            ),
            (row.mentions.to_string(), Style::Plain),
            spellings(&row.spellings, false),
            spellings(&row.near_misses, true),
        ]);
    }
    t.write(out, color, "")?;
    writeln!(out)?;
    writeln!(out, "source: {}", table.source)?;
    let mentions: usize = table.articles.iter().map(|r| r.mentions).sum();
    writeln!(
        out,
        "factlint: {} of {} articles name {} ({} mentions); {MARK} marks what the name checks flag",
        table.articles.len(),
        table.articles_read,
        table.entity,
        mentions
    )
}

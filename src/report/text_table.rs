//! Aligned text tables for the terminal: columns padded to the widest
//! cell as a terminal shows it (accents and « » are one column, East
//! Asian characters two), styles applied after padding so that colour
//! codes never shift a column.

use std::io::Write;

use owo_colors::OwoColorize;
use unicode_width::UnicodeWidthStr;

/// How a cell is shown when colours are on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Bold,
    Dim,
    /// A disagreement, a flagged spelling.
    Alert,
}

/// Rows of cells under a header row.
pub struct Table {
    rows: Vec<Vec<(String, Style)>>,
}

impl Table {
    pub fn new<const N: usize>(header: [&str; N]) -> Table {
        Table {
            rows: vec![header.iter().map(|h| (h.to_string(), Style::Dim)).collect()],
        }
    }

    pub fn row<const N: usize>(&mut self, cells: [String; N]) {
        self.rows
            .push(cells.into_iter().map(|c| (c, Style::Plain)).collect());
    }

    pub fn styled_row(&mut self, cells: Vec<(String, Style)>) {
        self.rows.push(cells);
    }

    /// Writes the table, each line starting with `indent`; the last
    /// column is not padded.
    pub fn write(&self, out: &mut dyn Write, color: bool, indent: &str) -> std::io::Result<()> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; columns];
        for row in &self.rows {
            for (i, (text, _)) in row.iter().enumerate() {
                widths[i] = widths[i].max(text.width());
            }
        }
        for row in &self.rows {
            let mut line = String::from(indent);
            for (i, (text, style)) in row.iter().enumerate() {
                let last = i + 1 == row.len();
                let pad = if last {
                    0
                } else {
                    widths[i].saturating_sub(text.width()) + 2
                };
                line.push_str(&paint(text, *style, color));
                line.extend(std::iter::repeat_n(' ', pad));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// `text` in `style`, when colours are on.
pub fn paint(text: &str, style: Style, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    match style {
        Style::Plain => text.to_string(),
        Style::Bold => text.bold().to_string(),
        Style::Dim => text.dimmed().to_string(),
        Style::Alert => text.red().bold().to_string(),
    }
}

/// At most `max` columns of `text`, with "…" when cut.
pub fn ellipsize(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_on_what_a_terminal_shows() {
        let mut t = Table::new(["a", "b"]);
        t.row(["Pékin".to_string(), "x".to_string()]);
        t.row(["平壤".to_string(), "y".to_string()]);
        let mut out = Vec::new();
        t.write(&mut out, false, "").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "a      b\nPékin  x\n平壤   y\n");
        let mut colored = Vec::new();
        t.write(&mut colored, true, "").unwrap();
        assert!(String::from_utf8(colored).unwrap().contains('\u{1b}'));
    }

    #[test]
    fn long_cells_are_cut_with_an_ellipsis() {
        assert_eq!(ellipsize("Vladimir Poutine", 9), "Vladimir…");
        assert_eq!(ellipsize("Kim", 9), "Kim");
    }
}

//! The dateline: a full date at the head of an article that says when it
//! was written ("Pyongyang, 19 juin 2024 —", "PARIS (AFP), le 19 juin
//! 2024 –", "Publié le 19 juin 2024 à 8 h", a line holding only
//! "19/06/2024"). When neither front matter, `metadata.toml` nor
//! `factlint.toml` gives a publication date, the dateline's is used, so
//! that "mercredi" or "ce 18 juin" can still be placed in time.
//!
//! Only the first lines are read, and only a date written in full to the
//! day, in one of these shapes on its line:
//!
//! - after a publication marker ("Publié le", "Mis en ligne le",
//!   "Publication :", "Mis à jour le"), whatever follows;
//! - after a place and a comma ("Pyongyang,", "SÉOUL (AFP),", "Saint-Aubin-
//!   sur-Lot, le"), or alone at the start of the line ("Le 19 juin 2024"),
//!   followed by nothing, a dash, a full stop, a time ("à 8 h 30") or a
//!   parenthesis ("(AFP)").
//!
//! A first sentence that starts with a date ("Le 6 juillet 1961, à Moscou,
//! …") is narration, not a dateline: a comma and more words follow it.

use chrono::NaiveDate;

use super::dates::{self, DateForm, Shape};
use crate::span::LineIndex;

/// How many non-blank lines of the body a dateline may stand in: a title,
/// a standfirst, a byline, the dateline.
const HEAD_LINES: usize = 5;

/// Lines longer than this are paragraphs: only their first bytes are read.
const LINE_BYTES: usize = 400;

/// An article's dateline: the byte range of its date in `body`, and the
/// publication date it gives when written in full. A dateline without its
/// year ("CHAMONIX (Haute-Savoie), 26 mars (AFP) —") gives no publication
/// date, but its date is still the dispatch's, never an event's.
pub struct Dateline {
    pub date: Option<NaiveDate>,
    pub span: std::ops::Range<usize>,
}

/// The article's dateline, if one of its first lines holds one.
pub fn find(body: &str) -> Option<Dateline> {
    let mut at = 0;
    let mut seen = 0;
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > HEAD_LINES {
            break;
        }
        let mut cut = line.len().min(LINE_BYTES);
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        let line = &line[..cut];
        let lines = LineIndex::new(line);
        for m in dates::extract(line, 0, line, &lines, None) {
            if m.shape != Shape::Day {
                continue;
            }
            let full = m.form == DateForm::Absolute && m.value.is_some();
            let yearless = m.form == DateForm::Partial;
            if !full && !yearless {
                continue;
            }
            let (before, after) = (&line[..m.span.start], &line[m.span.end..]);
            // Without its year, only "PLACE, 26 mars (AFP) —": a bare
            // "Samedi 27 juillet," opens narration.
            let shaped = if full {
                after_marker(before) || (place_or_nothing(before) && ends_dateline(after))
            } else {
                !before.trim().is_empty() && place_or_nothing(before) && ends_dateline(after)
            };
            if shaped {
                return Some(Dateline {
                    date: m.value.filter(|_| full).map(|v| v.first),
                    span: start + m.span.start..start + m.span.end,
                });
            }
        }
    }
    None
}

/// Lower case, accents off, spaces collapsed: "Publié  le" → "publie le".
fn folded(text: &str) -> String {
    let plain = deunicode::deunicode(text).to_lowercase();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the text before the date ends with a publication marker.
fn after_marker(before: &str) -> bool {
    const MARKERS: &[&str] = &[
        "publie le",
        "publiee le",
        "publie",
        "publiee",
        "mis en ligne le",
        "mise en ligne le",
        "mis en ligne",
        "mise en ligne",
        "publication :",
        "publication:",
        "date de publication :",
        "date de publication:",
        "mis a jour le",
        "mise a jour le",
        "paru le",
    ];
    let f = folded(before);
    MARKERS
        .iter()
        .any(|m| f == *m || f.ends_with(&format!(" {m}")) || f.ends_with(&format!("|{m}")))
}

/// Whether the text before the date is nothing, "Le", or a place and a
/// comma (with an agency in parentheses, and "le" after the comma).
fn place_or_nothing(before: &str) -> bool {
    let mut rest = before.trim();
    for le in ["le", "Le", "LE"] {
        if let Some(r) = rest.strip_suffix(le)
            && (r.is_empty() || r.ends_with(char::is_whitespace) || r.ends_with(','))
        {
            rest = r.trim_end();
            break;
        }
    }
    if rest.is_empty() {
        return true;
    }
    let Some(place) = rest.strip_suffix(',') else {
        return false;
    };
    // "PARIS (AFP)": the agency goes.
    let place = match place.trim_end().strip_suffix(')') {
        Some(p) => match p.rfind('(') {
            Some(i) => &p[..i],
            None => return false,
        },
        None => place,
    };
    let words: Vec<&str> = place.split_whitespace().collect();
    const LINKS: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "sur", "en", "d'", "l'",
    ];
    !words.is_empty()
        && words.len() <= 4
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            (w.starts_with(char::is_uppercase) || LINKS.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// Whether what follows the date on its line closes a dateline: nothing,
/// a dash, a full stop, a parenthesis, or a time of day first.
fn ends_dateline(after: &str) -> bool {
    let mut rest = after.trim_start();
    // "à 8 h 30", "à 08h00", "à 10:15", ", 10 h" before the dash.
    let time = rest
        .strip_prefix("à ")
        .or_else(|| rest.strip_prefix(", "))
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    if let Some(r) = time {
        rest = r
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, 'h' | ':' | ' '))
            .trim_start();
    }
    rest.is_empty() || rest.starts_with(['—', '–', '-', '.', '(', '|', '·', '•'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(body: &str) -> Option<String> {
        find(body).and_then(|d| Some(format!("{} {}", d.date?, &body[d.span])))
    }

    #[test]
    fn datelines_in_the_first_lines() {
        for (body, want) in [
            (
                "Pyongyang, 19 juin 2024 — Vladimir Poutine est arrivé mercredi.",
                "2024-06-19 19 juin 2024",
            ),
            (
                "Le sommet\n\nPYONGYANG (AFP), le 19 juin 2024 – Poutine est là.",
                "2024-06-19 19 juin 2024",
            ),
            (
                "Titre\nPublié le mercredi 19 juin 2024 à 08h00, mis à jour le 20 juin 2024\n\nTexte.",
                "2024-06-19 mercredi 19 juin 2024",
            ),
            ("Titre\n19/06/2024\n\nTexte.", "2024-06-19 19/06/2024"),
            (
                "Titre\r\nSaint-Aubin-sur-Lot, 9 octobre 2024 à 10 h 30 -\r\nTexte.",
                "2024-10-09 9 octobre 2024",
            ),
            ("Mis en ligne le 3 mars 2023.", "2023-03-03 3 mars 2023"),
        ] {
            assert_eq!(date(body).as_deref(), Some(want), "{body:?}");
        }
    }

    #[test]
    fn narration_and_partial_dates_are_not_datelines() {
        for body in [
            "Le 6 juillet 1961, à Moscou, Nikita Khrouchtchev et Kim Il-sung signent.",
            "Le traité signé le 19 juin 2024 à Pyongyang.",
            "SÉOUL, 20 juin — La Corée du Sud a réagi.",
            "Samedi 27 juillet, la Corée du Nord a célébré.",
            "Pyongyang, en juin 2024 — rien.",
            "Selon un diplomate présent à Pékin, 19 juin 2024 — non.",
            "a\nb\nc\nd\ne\nPyongyang, 19 juin 2024 — trop loin.",
        ] {
            assert_eq!(date(body), None, "{body:?}");
        }
    }

    #[test]
    fn a_yearless_dateline_is_the_dispatch_date_without_a_publication_date() {
        for (body, want) in [
            ("SÉOUL, 20 juin — La Corée du Sud a réagi.", Some("20 juin")),
            (
                "Titre\n\nCHAMONIX (Haute-Savoie), 26 mars (AFP) — Environ trente morts.",
                Some("26 mars"),
            ),
            ("Samedi 27 juillet, la Corée du Nord a célébré.", None),
            ("Le 20 juin, la Corée du Sud a réagi.", None),
        ] {
            let found = find(body);
            assert_eq!(
                found.as_ref().map(|d| &body[d.span.clone()]),
                want,
                "{body:?}"
            );
            assert!(found.is_none_or(|d| d.date.is_none()), "{body:?}");
        }
    }

    #[test]
    fn long_lines_and_odd_text_never_panic() {
        let long = format!("{}, 19 juin 2024 —", "é".repeat(500));
        assert_eq!(date(&long), None);
        assert_eq!(date(""), None);
        assert_eq!(date("\n\n\r\n"), None);
    }
}

//! Splitting text into word pieces: maximal runs of letters and digits,
//! each with the separator that precedes it. Names are sequences of pieces
//! joined by spaces or hyphens ("Kim Jong-un" is Kim · Jong - un).

/// What stands between a piece and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sep {
    /// Start of text or of an excluded region.
    Start,
    /// Whitespace within a paragraph (at most one line break).
    Space,
    /// A hyphen alone: "Jong-un", "Moscou-Pékin".
    Hyphen,
    /// An apostrophe alone: "l’Occident", "d'Ivoire".
    Apostrophe,
    /// Anything else: punctuation, a paragraph break.
    Other,
}

impl Sep {
    /// Whether a name may run across this separator.
    pub fn joins_name(self) -> bool {
        matches!(self, Sep::Space | Sep::Hyphen | Sep::Apostrophe)
    }

    /// The text this separator stands for inside a name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sep::Hyphen => "-",
            Sep::Apostrophe => "’",
            _ => " ",
        }
    }
}

/// A piece of text: a byte range of the original file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub sep: Sep,
}

/// The pieces of `text`, with offsets shifted by `offset` (the position of
/// `text` in its file).
pub fn pieces(text: &str, offset: usize) -> Vec<Piece> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut run_start: Option<usize> = None;
    let mut prev_end = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII first: most bytes of French text need no Unicode tables.
        let (in_word, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("i is a char boundary");
            (
                c.is_alphanumeric() || (run_start.is_some() && is_combining_mark(c)),
                c.len_utf8(),
            )
        };
        if in_word {
            if run_start.is_none() {
                run_start = Some(i);
            }
        } else if let Some(start) = run_start.take() {
            push(&mut out, text, start, i, prev_end, offset);
            prev_end = i;
        }
        i += len;
    }
    if let Some(start) = run_start {
        push(&mut out, text, start, text.len(), prev_end, offset);
    }
    out
}

fn push(
    out: &mut Vec<Piece>,
    text: &str,
    start: usize,
    end: usize,
    prev_end: usize,
    offset: usize,
) {
    let sep = if out.is_empty() {
        Sep::Start
    } else {
        classify(&text[prev_end..start])
    };
    out.push(Piece {
        start: start + offset,
        end: end + offset,
        sep,
    });
}

/// Combining diacritics: a decomposed "é" (e + U+0301) stays one word.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn classify(gap: &str) -> Sep {
    // Most gaps are one byte.
    if let [b] = gap.as_bytes() {
        return match b {
            b' ' | b'\t' | b'\n' | b'\r' => Sep::Space,
            b'-' => Sep::Hyphen,
            b'\'' => Sep::Apostrophe,
            _ => Sep::Other,
        };
    }
    match gap {
        "-" | "\u{2010}" | "\u{2011}" => Sep::Hyphen,
        "'" | "\u{2019}" | "\u{02bc}" => Sep::Apostrophe,
        _ if gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1 => Sep::Space,
        _ => Sep::Other,
    }
}

/// Every piece folded (lower case, no accents) once, in one buffer, for
/// all the lookups that need it: names, event words, particles.
pub struct FoldedPieces {
    buf: String,
    ends: Vec<u32>,
}

impl FoldedPieces {
    pub fn new(text: &str, pieces: &[Piece]) -> FoldedPieces {
        let mut buf = String::with_capacity(pieces.iter().map(|p| p.end - p.start).sum());
        let mut ends = Vec::with_capacity(pieces.len());
        for p in pieces {
            super::name_form::fold_into(&text[p.start..p.end], &mut buf);
            ends.push(buf.len() as u32);
        }
        FoldedPieces { buf, ends }
    }

    /// The folded text of piece `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.buf[start..self.ends[i] as usize]
    }
}

/// Whether a piece starts with an upper-case letter.
pub fn is_capitalized(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a text has letters and no lower-case letter ("OTAN").
pub fn is_uppercase(piece: &str) -> bool {
    piece.chars().any(char::is_alphabetic) && !piece.chars().any(char::is_lowercase)
}

/// Whether a piece has letters and no upper-case letter.
pub fn is_lowercase(piece: &str) -> bool {
    piece.chars().any(char::is_alphabetic) && !piece.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, Sep)> {
        pieces(text, 0)
            .iter()
            .map(|p| (&text[p.start..p.end], p.sep))
            .collect()
    }

    #[test]
    fn names_split_into_pieces_with_separators() {
        assert_eq!(
            texts("Kim Jong-un, l’Occident"),
            vec![
                ("Kim", Sep::Start),
                ("Jong", Sep::Space),
                ("un", Sep::Hyphen),
                ("l", Sep::Other),
                ("Occident", Sep::Apostrophe),
            ]
        );
    }

    #[test]
    fn paragraph_breaks_do_not_join() {
        let t = texts("Pyongyang\n\nMoscou\nPékin");
        assert_eq!(t[1], ("Moscou", Sep::Other));
        assert_eq!(t[2], ("Pékin", Sep::Space));
    }

    #[test]
    fn offsets_are_bytes_of_the_file() {
        let p = pieces("à Séoul", 10);
        assert_eq!((p[1].start, p[1].end), (13, 19));
    }
}

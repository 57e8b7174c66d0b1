//! Tokens, read on demand forward and backward from an anchor. Shared with
//! the figure extractor.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum K {
    Word,
    Num,
    Apos,
    Hyphen,
    Dash,
    Slash,
    Dot,
    Comma,
    Colon,
    Open,
    Close,
    Percent,
    Other,
    /// A line break: expressions never run across one.
    Break,
}

pub(super) const FOLD: usize = 24;
pub(super) const NO_FOLD: u8 = u8::MAX;

/// A token of the text: a word (letters), a run of ASCII digits or one
/// punctuation character. Words carry their folded form (lower case, no
/// accents) when it is short and plain enough to be a keyword.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub k: K,
    pub start: usize,
    pub end: usize,
    /// Digits: their value (saturating).
    pub val: u64,
    /// Words: the first letter is upper case.
    pub upper: bool,
    /// Punctuation: the character.
    pub ch: char,
    pub(super) fold: [u8; FOLD],
    pub(super) flen: u8,
}

impl Tok {
    const EMPTY: Tok = Tok {
        k: K::Break,
        start: 0,
        end: 0,
        val: 0,
        upper: false,
        ch: '\n',
        fold: [0; FOLD],
        flen: NO_FOLD,
    };

    /// The folded word, or "" for other tokens and unusual words.
    pub fn w(&self) -> &str {
        if self.flen == NO_FOLD {
            return "";
        }
        std::str::from_utf8(&self.fold[..usize::from(self.flen)]).unwrap_or("")
    }

    pub fn is(&self, word: &str) -> bool {
        self.k == K::Word
            && self.flen != NO_FOLD
            && &self.fold[..usize::from(self.flen)] == word.as_bytes()
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

pub(super) enum Folded {
    One(u8),
    Two(u8, u8),
    Skip,
    Other,
}

pub(super) fn fold_char(c: char) -> Folded {
    if c.is_ascii() {
        return Folded::One(c.to_ascii_lowercase() as u8);
    }
    Folded::One(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => b'a',
        'ç' | 'Ç' => b'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => b'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => b'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => b'o',
        'û' | 'ü' | 'ù' | 'ú' | 'Û' | 'Ü' | 'Ù' | 'Ú' => b'u',
        'ÿ' | 'Ÿ' | 'ý' | 'Ý' => b'y',
        'ñ' | 'Ñ' => b'n',
        'œ' | 'Œ' => return Folded::Two(b'o', b'e'),
        'æ' | 'Æ' => return Folded::Two(b'a', b'e'),
        _ if is_combining_mark(c) => return Folded::Skip,
        _ => return Folded::Other,
    })
}

/// `s` in lower case without French accents ("Nord-Coréens" →
/// "nord-coreens"); other characters are lower-cased.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Folded::One(b) => out.push(char::from(b)),
            Folded::Two(a, b) => {
                out.push(char::from(a));
                out.push(char::from(b));
            }
            Folded::Skip => {}
            Folded::Other => out.extend(c.to_lowercase()),
        }
    }
    out
}

pub(super) fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Skips spaces inside a line: space, tab, no-break spaces (U+00A0,
/// U+202F) and the thin and figure spaces (U+2007–U+200A).
pub(super) fn skip_space(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(b' ' | b'\t') => i += 1,
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => i += 2,
            Some(0xE2)
                if b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0x87..=0x8A | 0xAF)) =>
            {
                i += 3
            }
            _ => return i,
        }
    }
}

pub(super) fn skip_space_back(b: &[u8], mut i: usize) -> usize {
    loop {
        if i >= 1 && matches!(b[i - 1], b' ' | b'\t') {
            i -= 1;
        } else if i >= 2 && b[i - 2] == 0xC2 && b[i - 1] == 0xA0 {
            i -= 2;
        } else if i >= 3
            && b[i - 3] == 0xE2
            && b[i - 2] == 0x80
            && matches!(b[i - 1], 0x87..=0x8A | 0xAF)
        {
            i -= 3;
        } else {
            return i;
        }
    }
}

/// The word of `s` that starts at `start`, read no further than `limit`.
pub(super) fn word_tok(s: &str, start: usize, limit: usize) -> Tok {
    let mut t = Tok {
        k: K::Word,
        start,
        end: start,
        ..Tok::EMPTY
    };
    let mut flen = 0usize;
    let mut foldable = true;
    for (k, c) in s[start..limit].char_indices() {
        if !is_letter(c) {
            break;
        }
        if k == 0 {
            t.upper = c.is_uppercase();
        }
        t.end = start + k + c.len_utf8();
        if !foldable {
            continue;
        }
        let mut push = |b: u8| {
            if flen < FOLD {
                t.fold[flen] = b;
                flen += 1;
            } else {
                foldable = false;
            }
        };
        match fold_char(c) {
            Folded::One(b) => push(b),
            Folded::Two(a, b) => {
                push(a);
                push(b);
            }
            Folded::Skip => {}
            Folded::Other => foldable = false,
        }
    }
    t.flen = if foldable { flen as u8 } else { NO_FOLD };
    t
}

/// The token starting at `i` (whose first character is `c`).
pub(super) fn tok_at(s: &str, i: usize, c: char, limit: usize) -> Tok {
    if c.is_ascii_digit() {
        let b = s.as_bytes();
        let mut j = i;
        let mut v: u64 = 0;
        while j < limit && b[j].is_ascii_digit() {
            v = v.saturating_mul(10).saturating_add(u64::from(b[j] - b'0'));
            j += 1;
        }
        return Tok {
            k: K::Num,
            start: i,
            end: j,
            val: v,
            ..Tok::EMPTY
        };
    }
    if is_letter(c) {
        return word_tok(s, i, limit);
    }
    let k = match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{b}' | '\u{c}' => K::Break,
        '\'' | '\u{2019}' | '\u{2bc}' => K::Apos,
        '-' | '\u{2010}' | '\u{2011}' => K::Hyphen,
        '\u{2013}' | '\u{2014}' => K::Dash,
        '/' => K::Slash,
        '.' => K::Dot,
        ',' => K::Comma,
        ':' => K::Colon,
        '(' => K::Open,
        ')' => K::Close,
        '%' => K::Percent,
        _ => K::Other,
    };
    Tok {
        k,
        start: i,
        end: i + c.len_utf8(),
        ch: c,
        ..Tok::EMPTY
    }
}

/// The token after position `i` (spaces skipped).
pub(crate) fn next_tok(s: &str, i: usize) -> Option<Tok> {
    let i = skip_space(s.as_bytes(), i);
    let c = s.get(i..)?.chars().next()?;
    Some(tok_at(s, i, c, s.len()))
}

/// The token before position `i` (spaces skipped).
pub(crate) fn prev_tok(s: &str, i: usize) -> Option<Tok> {
    let b = s.as_bytes();
    let i = skip_space_back(b, i.min(s.len()));
    let before = s.get(..i)?;
    let c = before.chars().next_back()?;
    if c.is_ascii_digit() {
        let mut j = i;
        while j > 0 && b[j - 1].is_ascii_digit() {
            j -= 1;
        }
        return Some(tok_at(s, j, '0', i));
    }
    if is_letter(c) {
        let mut j = i;
        for (k, ch) in before.char_indices().rev() {
            if !is_letter(ch) {
                break;
            }
            j = k;
        }
        return Some(word_tok(s, j, i));
    }
    let j = i - c.len_utf8();
    Some(tok_at(s, j, c, i))
}

/// The token right after `t`, if nothing stands between them.
pub(crate) fn glued(s: &str, t: &Tok) -> Option<Tok> {
    glued_at(s, t.end)
}

/// The token starting exactly at `pos`.
pub(crate) fn glued_at(s: &str, pos: usize) -> Option<Tok> {
    let c = s.get(pos..)?.chars().next()?;
    Some(tok_at(s, pos, c, s.len()))
}

/// Whether position `i` starts a sentence, a line or a quotation: what
/// lets a capital letter be an ordinary word rather than a name.
pub(crate) fn sentence_start(s: &str, i: usize) -> bool {
    let i = skip_space_back(s.as_bytes(), i.min(s.len()));
    let before = s.get(..i).unwrap_or("");
    match before.chars().next_back() {
        None => true,
        // a list item ("- Deux soldats"), not a compound ("Vingt-Sept")
        Some('-') => !before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(is_letter),
        Some(c) => matches!(
            c,
            '\n' | '\r'
                | '.'
                | '!'
                | '?'
                | ':'
                | '«'
                | '»'
                | '"'
                | '\u{201c}'
                | '\u{201d}'
                | '('
                | '['
                | '\u{2014}'
                | '\u{2013}'
                | '-'
                | '\u{2026}'
                | '\u{2022}'
                | '*'
                | '#'
                | '>'
                | '|'
                | '\u{feff}'
        ),
    }
}

/// Up to eight tokens before a position, nearest first, on the same line
/// and after `floor` (the end of the previous mention); read as they are
/// asked for.
pub(crate) struct Back<'a> {
    pub(super) s: &'a str,
    pub(super) floor: usize,
    pub(super) t: [Cell<Tok>; 8],
    /// How many tokens are read.
    pub(super) n: Cell<usize>,
    /// Whether there is no token left to read.
    pub(super) done: Cell<bool>,
    /// Where reading resumes.
    pub(super) pos: Cell<usize>,
}

impl<'a> Back<'a> {
    pub fn new(s: &'a str, pos: usize, floor: usize) -> Back<'a> {
        Back {
            s,
            floor,
            t: std::array::from_fn(|_| Cell::new(Tok::EMPTY)),
            n: Cell::new(0),
            done: Cell::new(false),
            pos: Cell::new(pos),
        }
    }

    /// The `i`-th nearest token.
    pub fn get(&self, i: usize) -> Option<Tok> {
        while self.n.get() <= i && !self.done.get() {
            let n = self.n.get();
            match prev_tok(self.s, self.pos.get()) {
                Some(t) if n < self.t.len() && t.k != K::Break && t.start >= self.floor => {
                    self.t[n].set(t);
                    self.n.set(n + 1);
                    self.pos.set(t.start);
                }
                _ => self.done.set(true),
            }
        }
        (i < self.n.get()).then(|| self.t[i].get())
    }

    /// Whether the tokens before the `from`-th nearest spell `pat` (in
    /// reading order).
    pub fn ends_with(&self, s: &str, from: usize, pat: &[&str]) -> bool {
        pat.iter()
            .rev()
            .enumerate()
            .all(|(k, p)| self.get(from + k).is_some_and(|t| matches_tok(s, &t, p)))
    }

    /// The longest of `pats` spelled before the `from`-th nearest token:
    /// its value and its length in tokens.
    pub fn longest<T: Copy>(
        &self,
        s: &str,
        from: usize,
        pats: &[(&[&str], T)],
    ) -> Option<(T, usize)> {
        let mut best: Option<(T, usize)> = None;
        for (pat, v) in pats {
            if best.is_none_or(|(_, l)| pat.len() > l) && self.ends_with(s, from, pat) {
                best = Some((*v, pat.len()));
            }
        }
        best
    }

    /// Where a match of `len` tokens before the `from`-th nearest starts.
    pub fn start_of(&self, from: usize, len: usize, default: usize) -> usize {
        match len {
            0 => default,
            _ => self.get(from + len - 1).map_or(default, |t| t.start),
        }
    }
}

/// Whether token `t` is the pattern element `p`: a folded word, "'" for an
/// apostrophe, "-" for a hyphen; an element with accents ("dès") must be
/// written with them.
pub(super) fn matches_tok(s: &str, t: &Tok, p: &str) -> bool {
    match p {
        "'" => t.k == K::Apos,
        "-" => t.k == K::Hyphen,
        "," => t.k == K::Comma,
        _ if !p.is_ascii() => {
            t.k == K::Word
                && s.get(t.start..t.end)
                    .is_some_and(|w| w.chars().flat_map(char::to_lowercase).eq(p.chars()))
        }
        _ => t.is(p),
    }
}

// ---------------------------------------------------------------------------
// Words.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    Month(u32),
    /// "sept.", "janv.": only after a day number.
    Abbr(u32),
    Weekday(Weekday),
    Hier,
    Demain,
    Aujourd,
    Semaine,
    Mois,
    Annee,
    Annees,
    An,
    Season(Season),
    Il,
}

pub(super) fn keyword(w: &str) -> Option<Kw> {
    Some(match w {
        "janvier" => Kw::Month(1),
        "fevrier" => Kw::Month(2),
        "mars" => Kw::Month(3),
        "avril" => Kw::Month(4),
        "mai" => Kw::Month(5),
        "juin" => Kw::Month(6),
        "juillet" => Kw::Month(7),
        "aout" => Kw::Month(8),
        "septembre" => Kw::Month(9),
        "octobre" => Kw::Month(10),
        "novembre" => Kw::Month(11),
        "decembre" => Kw::Month(12),
        "janv" => Kw::Abbr(1),
        "fev" | "fevr" => Kw::Abbr(2),
        "avr" => Kw::Abbr(4),
        "juil" => Kw::Abbr(7),
        "sept" => Kw::Abbr(9),
        "oct" => Kw::Abbr(10),
        "nov" => Kw::Abbr(11),
        "dec" => Kw::Abbr(12),
        "lundi" => Kw::Weekday(Weekday::Mon),
        "mardi" => Kw::Weekday(Weekday::Tue),
        "mercredi" => Kw::Weekday(Weekday::Wed),
        "jeudi" => Kw::Weekday(Weekday::Thu),
        "vendredi" => Kw::Weekday(Weekday::Fri),
        "samedi" => Kw::Weekday(Weekday::Sat),
        "dimanche" => Kw::Weekday(Weekday::Sun),
        "hier" => Kw::Hier,
        "demain" => Kw::Demain,
        "aujourd" => Kw::Aujourd,
        "semaine" => Kw::Semaine,
        "mois" => Kw::Mois,
        "annee" => Kw::Annee,
        "annees" => Kw::Annees,
        "an" => Kw::An,
        "printemps" => Kw::Season(Season::Printemps),
        "ete" => Kw::Season(Season::Ete),
        "automne" => Kw::Season(Season::Automne),
        "hiver" => Kw::Season(Season::Hiver),
        "il" => Kw::Il,
        _ => return None,
    })
}

pub(super) fn rel_word(t: &Tok) -> Option<Rel> {
    match t.w() {
        "dernier" | "derniere" | "passe" | "passee" if t.k == K::Word => Some(Rel::Last),
        "prochain" | "prochaine" if t.k == K::Word => Some(Rel::Next),
        _ => None,
    }
}

/// Years are read between 1800 and 2100.
pub(super) fn year_value(v: u64) -> Option<i32> {
    (1800..=2100).contains(&v).then_some(v as i32)
}

/// How a preposition before a year, month, season... counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lead {
    /// "depuis", "d'ici", "jusqu'en", "avant", "après", "à partir de": a
    /// bound of a period, not the date of an event.
    Since,
    /// Makes a date of what follows, part of the mention.
    Strong,
    /// "de", "d'": makes a date of a bare year or month only.
    Weak,
}

pub(super) const LEADS: &[(&[&str], Lead)] = &[
    (&["depuis"], Lead::Since),
    (&["dès"], Lead::Strong),
    (&["en"], Lead::Strong),
    (&["jusqu", "'", "en"], Lead::Since),
    (&["jusqu", "'", "a"], Lead::Since),
    (&["avant"], Lead::Since),
    (&["apres"], Lead::Since),
    (&["vers"], Lead::Strong),
    (&["courant"], Lead::Strong),
    (&["d", "'", "ici"], Lead::Since),
    (&["pendant"], Lead::Strong),
    (&["durant"], Lead::Strong),
    (&["a", "partir", "de"], Lead::Since),
    (&["a", "partir", "d", "'"], Lead::Since),
    (&["au", "cours", "de"], Lead::Strong),
    (&["au", "cours", "d", "'"], Lead::Strong),
    (&["de"], Lead::Weak),
    (&["d", "'"], Lead::Weak),
];

/// What comes before a figure: a year after these is a count.
pub(super) const APPROXIMATE: &[(&[&str], ())] = &[
    (&["plus"], ()),
    (&["moins"], ()),
    (&["pres"], ()),
    (&["environ"], ()),
    (&["quelque"], ()),
    (&["autour"], ()),
    (&["alentours"], ()),
    (&["ordre"], ()),
];

/// Start of the lead before the `from`-th nearest token and its kind;
/// weak leads only when `weak_ok`.
pub(super) fn lead(
    s: &str,
    back: &Back,
    from: usize,
    default: usize,
    weak_ok: bool,
) -> (usize, Option<Lead>) {
    match back.longest(s, from, LEADS) {
        Some((Lead::Weak, _)) if !weak_ok => (default, None),
        Some((kind, len)) => (back.start_of(from, len, default), Some(kind)),
        None => (default, None),
    }
}

//! Figures: numbers written in digits or French words, with their unit.
//!
//! Read like the dates (see [`super::dates`]): one compiled pattern finds
//! digits and number words at word starts, each is parsed where it stands.
//!
//! - Digits: French thousands groups ("12 000" with a space, a no-break or
//!   narrow no-break space, "12.000"), decimals with a comma ("12,5") and
//!   a multiplier ("1,2 million", "3 millions", "2 milliards").
//! - Words: "douze mille", "deux cents", "vingt-trois", "quatre-vingt-dix",
//!   "trois millions", "cent". "un"/"une" alone are articles, never
//!   figures ("un million" is one).
//! - Approximate: after "près de", "environ", "quelque", "plus de", "moins
//!   de", "au moins", "autour de"..., and the collective nouns "une
//!   dizaine", "une vingtaine", "une centaine", "un millier", "des
//!   milliers", "des millions" (10, 20, 100, 1000, 1000, a million).
//! - The mention's text is the figure with its qualifier and multiplier
//!   ("près de 3 millions", "une dizaine"), not its unit; "deux heures et
//!   demie" is the one figure that runs over its unit (2.5 hours).
//! - `unit`: the next word, skipping "de"/"d'" and a few adjectives
//!   ("autres", "nouveaux"), folded (lower case, no accents) and singular
//!   ("soldats" → "soldat", "chevaux" → "cheval", "obus" and "pays" stay);
//!   "%" and "pour cent" give "%", "€" "euro", "$" "dollar". No unit when
//!   the next word is a function word ("les deux ont..."); the first end of
//!   a range takes the unit of the second ("10 000 à 12 000 soldats").
//!
//! Not figures: what [`super::dates`] reads as a date ("19 juin 2024", "en
//! 1961", "il y a deux ans"); a bare four-digit number between 1800 and
//! 2100 unless a plural noun or a symbol follows ("2000 personnes" is a
//! figure, "le budget 2025 prévoit" is not); ordinals ("80e", "1er", "XXe"); clock times written as times
//! ("18h30", "18 h", "18:30" — but "18 heures" is a figure with unit
//! "heure": a duration and an hour cannot be told apart); numbers inside
//! names and words ("Covid-19", "G20", "5G", "le 7-Octobre"); scores and
//! codes ("(1-0)"); identifiers after "article",
//! "n°", "page", "résolution", "loi"... ("article 4" is not a quantity);
//! capitalised number words inside a sentence ("les Vingt-Sept"), and
//! "neuf" the adjective ("un avion neuf").

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{self, Back, K, Tok, fold, glued, glued_at, next_tok, sentence_start};
use crate::extract::pieces::is_combining_mark;
use crate::span::{LineIndex, Span};

/// A figure in the text: "12 000 soldats", "12.000", "douze mille",
/// "près de 3 millions d'obus".
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    pub span: Span,
    pub text: String,
    pub value: f64,
    /// "près de", "environ", "quelque", "plus de"...: not an exact figure.
    pub approximate: bool,
    /// Whether it is a lower or upper bound ("au moins 14", "moins de 50").
    pub bound: Bound,
    /// The word after the number, folded and singular ("soldat", "obus").
    pub unit: Option<String>,
}

/// What a figure says of the true quantity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    #[default]
    Exact,
    /// "près de", "environ", "une dizaine": within a tenth.
    About,
    /// "au moins", "plus de", "pas moins de": this much or more.
    AtLeast,
    /// "moins de", "au plus", "jusqu'à": this much or less.
    AtMost,
}

/// How far an approximate figure ("près de 12 000") may be from another.
pub const APPROXIMATION: f64 = 0.10;

impl Bound {
    /// The bound a figure's own words give (`text` is the figure as
    /// extracted, qualifier first); `approximate` as the extractor judged.
    pub fn of(text: &str, approximate: bool) -> Bound {
        let lower = text.to_lowercase();
        let starts = |p: &[&str]| p.iter().any(|p| lower.starts_with(p));
        // "des milliers", "plusieurs centaines", "(ses) milliers": a
        // count of several of the unit, not about one of it.
        let first = lower.split_whitespace().next().unwrap_or("");
        let several = matches!(
            first,
            "des" | "plusieurs" | "dizaines" | "centaines" | "milliers" | "millions" | "milliards"
        ) && ["dizaines", "centaines", "milliers", "millions", "milliards"]
            .iter()
            .any(|c| lower.contains(c));
        if several {
            return Bound::AtLeast;
        }
        if starts(&[
            "au moins",
            "plus de",
            "plus d'",
            "plus d’",
            "pas moins",
            "un peu plus",
        ]) {
            Bound::AtLeast
        } else if starts(&[
            "moins de",
            "moins d'",
            "moins d’",
            "au plus",
            "jusqu",
            "un peu moins",
        ]) {
            Bound::AtMost
        } else if approximate {
            Bound::About
        } else {
            Bound::Exact
        }
    }

    /// The values `value` so bounded may stand for.
    pub fn interval(self, value: f64) -> (f64, f64) {
        let slack = APPROXIMATION * value.abs();
        match self {
            Bound::Exact => (value, value),
            Bound::About => (value - slack, value + slack),
            Bound::AtLeast => (value - slack, f64::INFINITY),
            Bound::AtMost => (f64::NEG_INFINITY, value + slack),
        }
    }

    /// Whether two bounded figures can both be right.
    pub fn agree(a: (f64, Bound), b: (f64, Bound)) -> bool {
        let (a0, a1) = a.1.interval(a.0);
        let (b0, b1) = b.1.interval(b.0);
        let eps = 1e-9 * a.0.abs().max(b.0.abs()).max(1.0);
        a0 <= b1 + eps && b0 <= a1 + eps
    }
}

/// Finds the figures of `body` (which starts at byte `offset` of `text`).
/// Years, dates, times and ordinals ("80e") are not figures.
pub fn extract(text: &str, offset: usize, body: &str, lines: &LineIndex) -> Vec<NumberMention> {
    let mut dates = dates::DateFilter::new(body);
    let mut out = Vec::new();
    let mut floor = 0;
    for m in ANCHORS.find_iter(body) {
        let mut s = m.start();
        if let Some(c) = body[s..].chars().next()
            && !c.is_alphanumeric()
        {
            s += c.len_utf8();
        }
        if s < floor
            || body[..s]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || is_combining_mark(c))
        {
            continue;
        }
        let Some(t) = next_tok(body, s) else { continue };
        if t.start != s {
            continue;
        }
        let Some(f) = figure(body, t, floor) else {
            continue;
        };
        if f.start < floor
            || f.end <= f.start
            || f.end > body.len()
            || f.maybe_date && dates.overlaps(f.start, f.end)
        {
            continue;
        }
        floor = f.end;
        out.push(NumberMention {
            span: lines.span(text, offset + f.start, offset + f.end),
            text: body[f.start..f.end].to_string(),
            value: f.value,
            approximate: f.approximate,
            bound: Bound::of(&body[f.start..f.end], f.approximate),
            unit: f.unit,
        });
    }
    out
}

/// Digits and number words at word starts ("mil" covers mille, million,
/// milliard, millier).
static ANCHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:^|[^\p{L}\p{N}])(?:[0-9]",
        r"|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize",
        r"|vingt|trente|quarante|cinquante|soixante|septante|huitante|nonante|cent|mil",
        r"|dizaine|douzaine|quinzaine|trentaine|quarantaine|cinquantaine|soixantaine)",
    ))
    .expect("the figure anchor pattern is valid")
});

struct Fig {
    /// Whether it may be part of a date: digits, or words after "il y a".
    maybe_date: bool,
    start: usize,
    end: usize,
    value: f64,
    approximate: bool,
    unit: Option<String>,
}

// ---------------------------------------------------------------------------
// Number words.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Nw {
    Un,
    Small(u64),
    Tens(u64),
    Cent,
    Mille,
    Big(u64),
    Et,
}

fn word_value(w: &str) -> Option<Nw> {
    Some(match w {
        "un" | "une" => Nw::Un,
        "deux" => Nw::Small(2),
        "trois" => Nw::Small(3),
        "quatre" => Nw::Small(4),
        "cinq" => Nw::Small(5),
        "six" => Nw::Small(6),
        "sept" => Nw::Small(7),
        "huit" => Nw::Small(8),
        "neuf" => Nw::Small(9),
        "dix" => Nw::Small(10),
        "onze" => Nw::Small(11),
        "douze" => Nw::Small(12),
        "treize" => Nw::Small(13),
        "quatorze" => Nw::Small(14),
        "quinze" => Nw::Small(15),
        "seize" => Nw::Small(16),
        "vingt" | "vingts" => Nw::Tens(20),
        "trente" => Nw::Tens(30),
        "quarante" => Nw::Tens(40),
        "cinquante" => Nw::Tens(50),
        "soixante" => Nw::Tens(60),
        "septante" => Nw::Tens(70),
        "huitante" => Nw::Tens(80),
        "nonante" => Nw::Tens(90),
        "cent" | "cents" => Nw::Cent,
        "mille" | "mil" => Nw::Mille,
        "million" | "millions" => Nw::Big(1_000_000),
        "milliard" | "milliards" => Nw::Big(1_000_000_000),
        "et" => Nw::Et,
        _ => return None,
    })
}

/// Collective nouns: "une dizaine de", "des milliers de".
fn collective(w: &str) -> Option<f64> {
    Some(match w {
        "dizaine" | "dizaines" => 10.0,
        "douzaine" | "douzaines" => 12.0,
        "quinzaine" | "quinzaines" => 15.0,
        "vingtaine" | "vingtaines" => 20.0,
        "trentaine" | "trentaines" => 30.0,
        "quarantaine" | "quarantaines" => 40.0,
        "cinquantaine" | "cinquantaines" => 50.0,
        "soixantaine" | "soixantaines" => 60.0,
        "centaine" | "centaines" => 100.0,
        "millier" | "milliers" => 1000.0,
        _ => return None,
    })
}

/// The word after `t`, joined by a hyphen or spaces on the same line.
fn following_word(s: &str, t: &Tok) -> Option<Tok> {
    if let Some(h) = glued(s, t)
        && h.k == K::Hyphen
    {
        return glued(s, &h).filter(|w| w.k == K::Word);
    }
    next_tok(s, t.end).filter(|w| w.k == K::Word)
}

/// Whether a unit word `v` may follow what is built so far (`cur` is the
/// part below a thousand): "vingt-trois", "soixante-dix-sept", "cent
/// deux", but not "deux trois".
fn can_add(cur: u64, v: u64) -> bool {
    let r = cur % 100;
    r == 0
        || (r.is_multiple_of(10) && (20..=50).contains(&r) && v <= 9)
        || ((r == 60 || r == 80) && v <= 16)
        || (matches!(r, 10 | 70 | 90) && (7..=9).contains(&v))
}

/// A number in French words starting at `t`: its value and end. "un" and
/// "une" alone count only when `allow_un` ("il y a un an").
pub(super) fn word_number(s: &str, t: Tok, allow_un: bool) -> Option<(u64, usize)> {
    let (mut big, mut thousands, mut cur) = (0u64, 0u64, 0u64);
    let mut end = t.start;
    let mut words = 0;
    let mut only_un = true;
    let mut after_et = false;
    let mut tok = t;
    loop {
        if tok.k != K::Word {
            break;
        }
        let Some(nw) = word_value(tok.w()) else { break };
        let ok = match nw {
            Nw::Un if words == 0 => {
                cur = 1;
                true
            }
            Nw::Un => {
                if after_et || cur % 100 == 80 {
                    cur += 1;
                    true
                } else {
                    false
                }
            }
            Nw::Small(v) => {
                let ok = can_add(cur, v) && (!after_et || v == 11);
                if ok {
                    cur += v;
                }
                ok
            }
            Nw::Tens(v) => {
                let r = cur % 100;
                if r == 0 && !after_et {
                    cur += v;
                    true
                } else if r == 4 && v == 20 && cur % 1000 == 4 {
                    cur += 76;
                    true
                } else {
                    false
                }
            }
            Nw::Cent => {
                if cur < 10 && !after_et && (cur != 1 || words == 0) {
                    cur = cur.max(1) * 100;
                    true
                } else {
                    false
                }
            }
            Nw::Mille => {
                if thousands == 0 && cur < 1000 && !after_et {
                    thousands = cur.max(1) * 1000;
                    cur = 0;
                    true
                } else {
                    false
                }
            }
            Nw::Big(m) => {
                let base = match thousands + cur {
                    0 => 1,
                    b => b,
                };
                match base.checked_mul(m).and_then(|v| v.checked_add(big)) {
                    Some(v) if !after_et => {
                        big = v;
                        thousands = 0;
                        cur = 0;
                        true
                    }
                    _ => false,
                }
            }
            Nw::Et => {
                let r = cur % 100;
                let next = following_word(s, &tok);
                (20..=70).contains(&r)
                    && r % 10 == 0
                    && words > 0
                    && next.is_some_and(|x| x.is("un") || x.is("une") || (x.is("onze") && r == 60))
            }
        };
        if !ok {
            break;
        }
        if !matches!(nw, Nw::Un | Nw::Et) {
            only_un = false;
        }
        after_et = nw == Nw::Et;
        if !after_et {
            end = tok.end;
            words += 1;
        }
        let Some(next) = following_word(s, &tok) else {
            break;
        };
        tok = next;
    }
    if words == 0 || (only_un && !allow_un) {
        return None;
    }
    Some((big.saturating_add(thousands + cur), end))
}

/// A figure starting at byte `at` of `s`, in digits ("12 000", "3,5",
/// "6.344") or in French words ("quarante-deux", "soixante treize"): its
/// value and end byte. The sourcing claims read figures with it, so that
/// a claim and `factlint facts` agree on what a figure is.
pub(crate) fn figure_at(s: &str, at: usize) -> Option<(f64, usize)> {
    let t = glued_at(s, at)?;
    match t.k {
        K::Num => digits(s, &t).map(|d| (d.value, d.end)),
        K::Word => word_number(s, t, false).map(|(v, end)| (v as f64, end)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Digits.

struct Digits {
    value: f64,
    end: usize,
    grouped: bool,
    decimal: bool,
}

/// The length of one space that may separate thousands groups.
fn group_space(rest: &str) -> Option<usize> {
    let c = rest.chars().next()?;
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}').then(|| c.len_utf8())
}

fn digit_count(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

fn digits(s: &str, t: &Tok) -> Option<Digits> {
    let b = s.as_bytes();
    if t.len() > 15 {
        return None;
    }
    let mut value = t.val as f64;
    let mut end = t.end;
    let mut grouped = false;
    if t.len() <= 3 {
        // at most 10^18: longer runs of groups are not one figure
        for _ in 0..5 {
            let rest = &s[end..];
            let sep = group_space(rest).or_else(|| rest.starts_with('.').then_some(1));
            let Some(sep) = sep else { break };
            let g = end + sep;
            if digit_count(&b[g..]) != 3 {
                break;
            }
            let group = s[g..g + 3].parse::<u32>().ok()?;
            value = value * 1000.0 + f64::from(group);
            end = g + 3;
            grouped = true;
        }
    }
    let mut decimal = false;
    let rest = &s[end..];
    if rest.starts_with(',') || (!grouped && rest.starts_with('.')) {
        let n = digit_count(&b[end + 1..]);
        if n > 0 {
            let after = end + 1 + n;
            if matches!(b.get(after), Some(b'.' | b','))
                && b.get(after + 1).is_some_and(u8::is_ascii_digit)
            {
                // "1.2.3", "192.168.0.1": not a quantity
                return None;
            }
            let frac: f64 = s[end..after].replace(',', ".").parse().ok()?;
            value += frac;
            end = after;
            decimal = true;
        }
    }
    let leading_zero = t.len() > 1 && b[t.start] == b'0';
    if leading_zero && !decimal {
        return None;
    }
    Some(Digits {
        value,
        end,
        grouped,
        decimal,
    })
}

/// Glued after digits: a unit ("10km"), written exactly so ("5G" is not
/// five grams).
const GLUED_UNITS: &[&str] = &[
    "km", "m", "cm", "mm", "kg", "g", "t", "ha", "l", "L", "kW", "MW", "GW", "kWh", "MWh", "GWh",
    "TWh", "Mds", "Md", "mn", "min", "kt", "Mt",
];

/// Words before a number that make it an identifier, not a quantity.
const IDENTIFIERS: &[&str] = &[
    "article",
    "articles",
    "alinea",
    "alineas",
    "chapitre",
    "chapitres",
    "numero",
    "numeros",
    "page",
    "pages",
    "paragraphe",
    "section",
    "resolution",
    "resolutions",
    "loi",
    "decret",
    "ordonnance",
    "amendement",
    "tome",
    "volume",
    "vol",
    "ligne",
    "route",
    "autoroute",
    "annexe",
    "version",
    "episode",
    "saison",
    "acte",
    "scene",
    "no",
    "nos",
    "p",
    "pp",
    "art",
    "n",
];

/// What may stand right before digits that start a figure.
fn digits_left_ok(s: &str, t: &Tok) -> bool {
    let mut before = s[..t.start].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        // "Covid-19", "F-16"
        Some('-' | '\u{2010}' | '\u{2011}') => !before.next().is_some_and(|c| c.is_alphanumeric()),
        Some(',' | '.') => !before.next().is_some_and(|c| c.is_ascii_digit()),
        Some(
            '/' | ':' | '°' | '#' | '\u{2116}' | '\u{ba}' | '_' | '@' | '\\' | '=' | '&' | '?',
        ) => false,
        _ => true,
    }
}

// ---------------------------------------------------------------------------
// A figure.

/// Before a figure: it is approximate.
const APPROX: &[(&[&str], ())] = &[
    (&["pres", "de"], ()),
    (&["pres", "d", "'"], ()),
    (&["environ"], ()),
    (&["quelque"], ()),
    (&["plus", "de"], ()),
    (&["plus", "d", "'"], ()),
    (&["moins", "de"], ()),
    (&["moins", "d", "'"], ()),
    (&["au", "moins"], ()),
    (&["au", "plus"], ()),
    (&["pas", "moins", "de"], ()),
    (&["pas", "moins", "d", "'"], ()),
    (&["presque"], ()),
    (&["quasiment"], ()),
    (&["approximativement"], ()),
    (&["autour", "de"], ()),
    (&["autour", "d", "'"], ()),
    (&["aux", "alentours", "de"], ()),
    (&["aux", "alentours", "d", "'"], ()),
    (&["jusqu", "'", "a"], ()),
    (&["a", "peu", "pres"], ()),
    (&["un", "peu", "plus", "de"], ()),
    (&["un", "peu", "plus", "d", "'"], ()),
    (&["un", "peu", "moins", "de"], ()),
    (&["un", "peu", "moins", "d", "'"], ()),
    (&["plus", "ou", "moins"], ()),
    (&["de", "l", "'", "ordre", "de"], ()),
    (&["de", "l", "'", "ordre", "d", "'"], ()),
    (&["grosso", "modo"], ()),
];

/// Before a collective noun: "une dizaine", "des milliers", "plusieurs
/// centaines".
const DETERMINERS: &[(&[&str], ())] = &[
    (&["un"], ()),
    (&["une"], ()),
    (&["des"], ()),
    (&["plusieurs"], ()),
    (&["quelques"], ()),
];

fn de_after(s: &str, pos: usize) -> Option<usize> {
    let de = next_tok(s, pos)?;
    if de.is("de") {
        return Some(de.end);
    }
    if de.is("d") {
        return glued(s, &de).filter(|a| a.k == K::Apos).map(|a| a.end);
    }
    None
}

fn figure(s: &str, t: Tok, floor: usize) -> Option<Fig> {
    if t.k == K::Word && word_value(t.w()).is_none() && collective(t.w()).is_none() {
        // "militaire", "centre", "sixième"
        return None;
    }
    if t.k == K::Num && !digits_left_ok(s, &t) {
        return None;
    }
    let back = Back::new(s, t.start, floor);
    // What the figure is, where it starts before any qualifier, and how many
    // tokens before the anchor it took ("une" of "une dizaine").
    let mut approximate = false;
    let (mut value, mut end, start, used, yearlike) = match t.k {
        K::Num => {
            if back.get(0).is_some_and(|p| IDENTIFIERS.contains(&p.w()))
                || back.get(0).is_some_and(|p| p.is("h"))
                    && back.get(1).is_some_and(|p| p.k == K::Num)
                || back.get(0).is_some_and(|p| {
                    matches!(p.ch, '°' | '\u{ba}' | '\u{2116}' | '#') && p.k == K::Other
                })
            {
                // "article 4", "18 h 30", "n° 12"
                return None;
            }
            let d = digits(s, &t)?;
            let mut value = d.value;
            let mut end = d.end;
            if let Some(g) = glued_at(s, end) {
                match g.k {
                    K::Word
                        if GLUED_UNITS.contains(&&s[g.start..g.end])
                            && glued(s, &g).is_none_or(|x| x.k != K::Num) =>
                    {
                        let mut unit = g.w().to_string();
                        if unit == "mds" || unit == "md" {
                            value *= 1e9;
                            unit = "milliard".into();
                        }
                        let (start, approximate) = approx_before(s, &back, 0, t.start);
                        return Some(Fig {
                            maybe_date: true,
                            start,
                            end: g.end,
                            value,
                            approximate,
                            unit: Some(unit),
                        });
                    }
                    // ordinals ("80e"), hours ("18h30"), "5G", "3D"
                    K::Word | K::Num => return None,
                    // a score or a code: "(1-0)", "2-1"
                    K::Hyphen if glued(s, &g).is_some_and(|x| x.k == K::Num) => return None,
                    // "le 7-Octobre"
                    K::Hyphen if glued(s, &g).is_some_and(|x| x.k == K::Word && x.upper) => {
                        return None;
                    }
                    K::Colon if glued(s, &g).is_some_and(|x| x.k == K::Num) => return None,
                    _ => {}
                }
            }
            let next = next_tok(s, end);
            if let Some(n) = next
                && n.is("h")
                && next_tok(s, n.end).is_none_or(|x| x.k != K::Word)
            {
                // "18 h 30", "18 h"
                return None;
            }
            let mut multiplied = false;
            if let Some(n) = next {
                let m = match n.w() {
                    "mille" => 1e3,
                    "million" | "millions" => 1e6,
                    "milliard" | "milliards" => 1e9,
                    _ => 0.0,
                };
                if m > 0.0 {
                    value *= m;
                    end = n.end;
                    multiplied = true;
                }
            }
            let yearlike = !d.grouped
                && !d.decimal
                && !multiplied
                && t.len() == 4
                && (1800..=2100).contains(&t.val);
            (value, end, t.start, 0, yearlike)
        }
        K::Word => {
            let w = t.w();
            let big = matches!(w, "million" | "millions" | "milliard" | "milliards");
            let vague = back
                .longest(
                    s,
                    0,
                    &[(&["des"], ()), (&["plusieurs"], ()), (&["quelques"], ())],
                )
                .is_some();
            if let Some(c) = collective(w).or(if big && vague {
                Some(if w.starts_with("millia") { 1e9 } else { 1e6 })
            } else {
                None
            }) {
                // "une dizaine de", "des milliers de", "des millions de"
                let after = de_after(s, t.end)?;
                let used = back.longest(s, 0, DETERMINERS).map_or(0, |(_, l)| l);
                approximate = true;
                let mut value = c;
                let mut end = t.end;
                // "des dizaines de milliers de"
                if let Some(n) = next_tok(s, after)
                    && let Some(c2) = collective(n.w()).or(match n.w() {
                        "millions" => Some(1e6),
                        "milliards" => Some(1e9),
                        _ => None,
                    })
                    && de_after(s, n.end).is_some()
                {
                    value *= c2;
                    end = n.end;
                }
                (value, end, back.start_of(0, used, t.start), used, false)
            } else {
                let (first, used) = match back.get(0) {
                    Some(p) if (p.is("un") || p.is("une")) && big => (p, 1),
                    _ => (t, 0),
                };
                if first.upper && !sentence_start(s, first.start) {
                    // a name: "les Vingt-Sept", "le Groupe des Huit"
                    return None;
                }
                if t.is("cent") && back.get(0).is_some_and(|p| p.is("pour")) {
                    return None;
                }
                let (v, e) = word_number(s, first, false)?;
                if let Some(h) = glued_at(s, e)
                    && h.k == K::Hyphen
                    && glued(s, &h).is_some_and(|x| x.upper)
                {
                    // "Deux-Sèvres", "Trois-Rivières"
                    return None;
                }
                if t.is("neuf") && e == t.end && !neuf_is_number(s, &t, &back) {
                    return None;
                }
                let mut value = v as f64;
                let mut end = e;
                // "deux centaines de", "trois milliers de"
                if let Some(n) = next_tok(s, e)
                    && let Some(c) = collective(n.w())
                    && de_after(s, n.end).is_some()
                {
                    value *= c;
                    end = n.end;
                    approximate = true;
                }
                (value, end, first.start, used, false)
            }
        }
        _ => return None,
    };
    let (start, qualified) = approx_before(s, &back, used, start);
    approximate |= qualified;
    // "12 000 environ"
    if next_tok(s, end).is_some_and(|n| n.is("environ")) {
        approximate = true;
    }
    let (mut unit, mut unit_end, mut counts) = unit_after(s, end);
    if unit.is_none() {
        // "10 000 à 12 000 soldats": the unit of the range's other end
        (unit, unit_end, counts) = range_unit(s, end).unwrap_or((None, unit_end, counts));
    }
    // "12 000 soldats environ"
    if unit.is_some() && next_tok(s, unit_end).is_some_and(|n| n.is("environ")) {
        approximate = true;
    }
    if yearlike && !approximate && !counts {
        return None;
    }
    if unit.is_some()
        && let Some(et) = next_tok(s, unit_end)
        && et.is("et")
        && let Some(demi) = next_tok(s, et.end)
        && (demi.is("demi") || demi.is("demie"))
    {
        value += 0.5;
        end = demi.end;
    }
    let maybe_date = t.k == K::Num || (0..4).any(|k| back.ends_with(s, k, &["il", "y", "a"]));
    Some(Fig {
        maybe_date,
        start,
        end,
        value,
        approximate,
        unit,
    })
}

/// The start of an approximation before the `from`-th nearest token.
fn approx_before(s: &str, back: &Back, from: usize, default: usize) -> (usize, bool) {
    match back.longest(s, from, APPROX) {
        Some((_, len)) => (back.start_of(from, len, default), true),
        None => (default, false),
    }
}

/// "neuf" the number ("neuf soldats") or the adjective ("un avion neuf",
/// "quoi de neuf", "remis à neuf").
fn neuf_is_number(s: &str, t: &Tok, back: &Back) -> bool {
    if back.get(0).is_some_and(|p| {
        matches!(
            p.w(),
            "a" | "du"
                | "de"
                | "tout"
                | "flambant"
                | "un"
                | "une"
                | "en"
                | "le"
                | "la"
                | "est"
                | "sont"
        )
    }) {
        return false;
    }
    next_tok(s, t.end).is_some_and(|n| n.k == K::Word && !n.upper && !STOP.contains(&n.w()))
}

// ---------------------------------------------------------------------------
// Units.

/// Words that are never a unit.
const STOP: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "au",
    "aux",
    "a",
    "en",
    "et",
    "ou",
    "ni",
    "mais",
    "donc",
    "or",
    "car",
    "que",
    "qu",
    "qui",
    "quoi",
    "dont",
    "ne",
    "n",
    "se",
    "s",
    "sa",
    "son",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "c",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "je",
    "j",
    "tu",
    "y",
    "me",
    "te",
    "lui",
    "eux",
    "pour",
    "par",
    "sur",
    "sous",
    "dans",
    "avec",
    "sans",
    "vers",
    "chez",
    "contre",
    "entre",
    "selon",
    "depuis",
    "pendant",
    "avant",
    "apres",
    "lors",
    "durant",
    "jusqu",
    "plus",
    "moins",
    "tres",
    "aussi",
    "deja",
    "encore",
    "ont",
    "sont",
    "est",
    "etait",
    "etaient",
    "avait",
    "avaient",
    "fut",
    "sera",
    "seront",
    "serait",
    "seraient",
    "ete",
    "etre",
    "avoir",
    "fait",
    "font",
    "peut",
    "peuvent",
    "doit",
    "doivent",
    "non",
    "pas",
    "comme",
    "ainsi",
    "alors",
    "puis",
    "enfin",
    "soit",
    "tout",
    "tous",
    "toute",
    "toutes",
    "environ",
    "seulement",
    "voire",
    "dont",
    "ci",
    "la",
    "meme",
    "memes",
    "sur",
    "parmi",
    "via",
    "contre",
];

/// Adjectives skipped before the noun counted ("12 000 nouveaux soldats").
const ADJECTIVES: &[&str] = &[
    "autres",
    "premiers",
    "premieres",
    "derniers",
    "dernieres",
    "nouveaux",
    "nouvelles",
    "grands",
    "grandes",
    "petits",
    "petites",
    "principaux",
    "principales",
    "anciens",
    "anciennes",
    "seuls",
    "seules",
    "gros",
    "grosses",
    "longues",
    "longs",
    "bons",
    "bonnes",
    "pleins",
    "pleines",
    "vrais",
    "vraies",
    "ex",
];

/// The unit after the second figure of a range that starts after `pos`:
/// "à", "et", "ou" or a dash, then a number and maybe a multiplier.
fn range_unit(s: &str, pos: usize) -> Option<(Option<String>, usize, bool)> {
    let link = next_tok(s, pos)?;
    if !(link.is("a") || link.is("et") || link.is("ou") || matches!(link.k, K::Hyphen | K::Dash)) {
        return None;
    }
    let n = next_tok(s, link.end)?;
    let mut end = match n.k {
        K::Num => digits(s, &n)?.end,
        K::Word => word_number(s, n, false)?.1,
        _ => return None,
    };
    if let Some(m) = next_tok(s, end)
        && matches!(
            m.w(),
            "mille" | "million" | "millions" | "milliard" | "milliards"
        )
    {
        end = m.end;
    }
    let (unit, end, counts) = unit_after(s, end);
    unit.is_some().then_some((unit, end, counts))
}

/// The unit after a figure ending at `pos`: folded and singular, where it
/// ends, and whether it shows that the figure counts something (a symbol
/// or a plural noun: "2000 personnes", not "2024 fut").
fn unit_after(s: &str, pos: usize) -> (Option<String>, usize, bool) {
    let none = (None, pos, false);
    let Some(mut n) = next_tok(s, pos) else {
        return none;
    };
    match n.k {
        K::Percent => return (Some("%".into()), n.end, true),
        K::Other => {
            let unit = match n.ch {
                '€' => "euro",
                '$' => "dollar",
                '£' => "livre",
                _ => return none,
            };
            return (Some(unit.into()), n.end, true);
        }
        K::Word => {}
        _ => return none,
    }
    if n.is("pour")
        && let Some(c) = next_tok(s, n.end)
        && c.is("cent")
    {
        return (Some("%".into()), c.end, true);
    }
    if let Some(after) = de_after(s, pos) {
        match next_tok(s, after) {
            Some(x) => n = x,
            None => return none,
        }
    }
    if n.k == K::Word
        && ADJECTIVES.contains(&n.w())
        && let Some(x) = next_tok(s, n.end)
    {
        n = x;
    }
    if n.k != K::Word
        || STOP.contains(&n.w())
        || word_value(n.w()).is_some()
        || collective(n.w()).is_some()
    {
        return none;
    }
    // a compound: "Nord-Coréens", "casques-bleus"
    let mut end = n.end;
    let mut last = n;
    for _ in 0..2 {
        match glued(s, &last) {
            Some(h) if h.k == K::Hyphen => match glued(s, &h) {
                Some(w) if w.k == K::Word => {
                    end = w.end;
                    last = w;
                }
                _ => break,
            },
            _ => break,
        }
    }
    let folded = fold(&s[n.start..end]);
    let unit = if folded.contains('-') {
        folded
            .split('-')
            .map(|part| singular(part.to_string()))
            .collect::<Vec<_>>()
            .join("-")
    } else {
        singular(folded)
    };
    let raw = &s[n.start..end];
    let counts = (raw.ends_with('s') || raw.ends_with('x')) && !dates::NOT_NOUNS.contains(&n.w());
    (Some(unit), end, counts)
}

/// Nouns that end in s or x in the singular too.
const INVARIABLE: &[&str] = &[
    "obus",
    "pays",
    "mois",
    "fois",
    "bras",
    "corps",
    "poids",
    "temps",
    "cas",
    "avis",
    "repas",
    "tas",
    "dos",
    "bus",
    "virus",
    "campus",
    "processus",
    "consensus",
    "cours",
    "discours",
    "concours",
    "recours",
    "secours",
    "parcours",
    "jus",
    "pas",
    "progres",
    "succes",
    "proces",
    "acces",
    "exces",
    "deces",
    "abces",
    "souris",
    "tapis",
    "radis",
    "colis",
    "permis",
    "abus",
    "refus",
    "bonus",
    "sinus",
    "cactus",
    "terminus",
    "lotus",
    "ananas",
    "matelas",
    "lilas",
    "verglas",
    "fracas",
    "embarras",
    "remords",
    "mors",
    "tiers",
    "univers",
    "travers",
    "revers",
    "vers",
    "gars",
    "heros",
    "chaos",
    "cosmos",
    "tennis",
    "iris",
    "oasis",
    "vis",
    "fils",
    "puits",
    "gens",
    "prix",
    "voix",
    "choix",
    "croix",
    "noix",
    "paix",
    "taux",
    "faux",
    "gaz",
    "nez",
    "riz",
    "quartz",
    "index",
    "flux",
    "reflux",
    "afflux",
    "influx",
    "lynx",
    "sphinx",
    "thorax",
    "silex",
    "perdrix",
    "houx",
    "toux",
    "kilos",
    "mars",
    "os",
    "ours",
    "puis",
    "reclus",
    "rebus",
    "sens",
    "bois",
    "pois",
    "fois",
];

/// Plurals of nouns in -ai and -oi (most -ais, -ois words are invariable:
/// "Français", "palais", "mois").
const AI_OI_PLURALS: &[&str] = &[
    "essais", "delais", "quais", "rois", "lois", "emplois", "convois", "envois", "renvois",
    "tournois", "balais", "beffrois", "minois", "exploits",
];

/// A folded noun in the singular: "soldats" → "soldat", "chevaux" →
/// "cheval", "drapeaux" → "drapeau"; "obus", "pays", "Français" stay.
fn singular(mut w: String) -> String {
    if w.len() <= 2 || w.ends_with("ss") || INVARIABLE.contains(&w.as_str()) {
        return w;
    }
    if w == "travaux" {
        return "travail".into();
    }
    if w.ends_with("eaux") || w.ends_with("eux") || w.ends_with("oux") {
        w.pop();
    } else if w.ends_with("aux") {
        w.truncate(w.len() - 3);
        w.push_str("al");
    } else if w.ends_with('s')
        && !((w.ends_with("ais") || w.ends_with("ois")) && !AI_OI_PLURALS.contains(&w.as_str()))
    {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<NumberMention> {
        let lines = LineIndex::new(text);
        extract(text, 0, text, &lines)
    }

    fn one(text: &str) -> NumberMention {
        let found = all(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        found.into_iter().next().unwrap()
    }

    /// (text, value, approximate, unit) of the only figure of `text`.
    fn fig(text: &str) -> (String, f64, bool, Option<String>) {
        let m = one(text);
        (m.text, m.value, m.approximate, m.unit)
    }

    fn f(
        text: &str,
        value: f64,
        approximate: bool,
        unit: Option<&str>,
    ) -> (String, f64, bool, Option<String>) {
        (
            text.to_string(),
            value,
            approximate,
            unit.map(str::to_string),
        )
    }

    #[test]
    fn digits_with_french_separators() {
        for (text, want, value) in [
            ("12 000 soldats", "12 000", 12_000.0),
            ("12\u{a0}000 soldats", "12\u{a0}000", 12_000.0),
            ("12\u{202f}000 soldats", "12\u{202f}000", 12_000.0),
            ("12.000 soldats", "12.000", 12_000.0),
            ("1 500 000 soldats", "1 500 000", 1_500_000.0),
            ("12.000.000 soldats", "12.000.000", 12_000_000.0),
            ("12000 soldats", "12000", 12_000.0),
            ("12,5 soldats", "12,5", 12.5),
            ("0,5 soldat", "0,5", 0.5),
        ] {
            assert_eq!(fig(text), f(want, value, false, Some("soldat")), "{text}");
        }
    }

    #[test]
    fn multipliers() {
        assert_eq!(
            fig("1,2 million d'habitants"),
            f("1,2 million", 1_200_000.0, false, Some("habitant"))
        );
        assert_eq!(
            fig("3 millions de personnes"),
            f("3 millions", 3e6, false, Some("personne"))
        );
        assert_eq!(
            fig("2 milliards de dollars"),
            f("2 milliards", 2e9, false, Some("dollar"))
        );
        assert_eq!(
            fig("un million de réfugiés"),
            f("un million", 1e6, false, Some("refugie"))
        );
        assert_eq!(
            fig("10 mille hommes"),
            f("10 mille", 10_000.0, false, Some("homme"))
        );
    }

    #[test]
    fn number_words() {
        for (text, want, value, unit) in [
            ("douze mille soldats", "douze mille", 12_000.0, "soldat"),
            ("deux cents morts", "deux cents", 200.0, "mort"),
            ("vingt-trois blessés", "vingt-trois", 23.0, "blesse"),
            ("trois millions d'obus", "trois millions", 3e6, "obus"),
            ("cent jours", "cent", 100.0, "jour"),
            (
                "quatre-vingt-dix-neuf ans",
                "quatre-vingt-dix-neuf",
                99.0,
                "an",
            ),
            ("quatre-vingts pays", "quatre-vingts", 80.0, "pays"),
            ("soixante et onze chars", "soixante et onze", 71.0, "char"),
            ("vingt et un navires", "vingt et un", 21.0, "navire"),
            (
                "mille deux cent cinquante missiles",
                "mille deux cent cinquante",
                1250.0,
                "missile",
            ),
            (
                "deux mille vingt-quatre drones",
                "deux mille vingt-quatre",
                2024.0,
                "drone",
            ),
            ("dix-sept heures", "dix-sept", 17.0, "heure"),
            ("Deux soldats", "Deux", 2.0, "soldat"),
            ("neuf soldats", "neuf", 9.0, "soldat"),
        ] {
            assert_eq!(fig(text), f(want, value, false, Some(unit)), "{text}");
        }
        // "deux trois" is two figures, not five
        let two: Vec<f64> = all("deux trois jours").iter().map(|m| m.value).collect();
        assert_eq!(two, [2.0, 3.0]);
    }

    #[test]
    fn articles_are_not_figures() {
        for text in [
            "un soldat",
            "une femme",
            "Un homme",
            "l'un des deux",
            "plus d'un",
        ] {
            assert!(
                all(text).iter().all(|m| m.value != 1.0),
                "{text}: {:?}",
                all(text)
            );
        }
        assert_eq!(fig("deux"), f("deux", 2.0, false, None));
    }

    #[test]
    fn approximations() {
        for (text, want, value, unit) in [
            (
                "près de 3 millions d'obus",
                "près de 3 millions",
                3e6,
                Some("obus"),
            ),
            ("environ 200 soldats", "environ 200", 200.0, Some("soldat")),
            ("quelque 500 soldats", "quelque 500", 500.0, Some("soldat")),
            ("plus de 1 000 morts", "plus de 1 000", 1000.0, Some("mort")),
            ("moins de dix jours", "moins de dix", 10.0, Some("jour")),
            ("au moins 12 blessés", "au moins 12", 12.0, Some("blesse")),
            (
                "près d'un million de soldats",
                "près d'un million",
                1e6,
                Some("soldat"),
            ),
            (
                "une dizaine de soldats",
                "une dizaine",
                10.0,
                Some("soldat"),
            ),
            ("une vingtaine de pays", "une vingtaine", 20.0, Some("pays")),
            ("une centaine de chars", "une centaine", 100.0, Some("char")),
            (
                "un millier de soldats",
                "un millier",
                1000.0,
                Some("soldat"),
            ),
            (
                "Des milliers de Nord-Coréens",
                "Des milliers",
                1000.0,
                Some("nord-coreen"),
            ),
            (
                "des dizaines de milliers de personnes",
                "des dizaines de milliers",
                10_000.0,
                Some("personne"),
            ),
            (
                "des millions de personnes",
                "des millions",
                1e6,
                Some("personne"),
            ),
            (
                "près d'une centaine de morts",
                "près d'une centaine",
                100.0,
                Some("mort"),
            ),
            ("12 000 soldats environ", "12 000", 12_000.0, Some("soldat")),
        ] {
            assert_eq!(fig(text), f(want, value, true, unit), "{text}");
        }
        assert!(all("en quarantaine, la cinquantaine").is_empty());
    }

    #[test]
    fn units() {
        for (text, unit) in [
            ("12 soldats", Some("soldat")),
            ("12 obus", Some("obus")),
            ("12 pays", Some("pays")),
            ("12 chevaux", Some("cheval")),
            ("12 drapeaux", Some("drapeau")),
            ("12 Français", Some("francais")),
            ("12 emplois", Some("emploi")),
            ("12 000 nouveaux soldats", Some("soldat")),
            ("12 Nord-Coréens", Some("nord-coreen")),
            ("12 %", Some("%")),
            ("12%", Some("%")),
            ("12 pour cent", Some("%")),
            ("15 €", Some("euro")),
            ("15 $", Some("dollar")),
            ("10km", Some("km")),
            ("12 ont été tués", None),
            ("10 000 à 12 000 soldats", Some("soldat")),
            ("deux ou trois jours", Some("jour")),
            ("1 à 2 millions de personnes", Some("personne")),
            ("les 12 de la liste", None),
            ("12.", None),
        ] {
            assert_eq!(all(text)[0].unit.as_deref(), unit, "{text}");
        }
    }

    #[test]
    fn hours_are_figures_but_clock_times_are_not() {
        assert_eq!(fig("à 18 heures"), f("18", 18.0, false, Some("heure")));
        assert_eq!(
            fig("près de deux heures et demie"),
            f("près de deux heures et demie", 2.5, true, Some("heure"))
        );
        for text in [
            "à 18h30",
            "à 18h",
            "à 18 h 30",
            "18 h, puis",
            "à 18:30",
            "à 9H00",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
    }

    #[test]
    fn not_figures() {
        for text in [
            "le 19 juin 2024",
            "en 1961",
            "depuis 1953",
            "il y a deux ans",
            "du 18 au 19 juin",
            "Pékin, 2025",
            "le 80e anniversaire",
            "le 1er mai",
            "le XXe siècle",
            "la 2nde guerre",
            "le Covid-19 et le G20",
            "un F-16",
            "la 5G",
            "l'article 4 du traité",
            "la résolution 2231",
            "le n° 12",
            "page 3",
            "le sommet 2019 avec",
            "version 1.2.3",
            "un avion neuf.",
            "quoi de neuf ?",
            "les Vingt-Sept",
            "les Deux-Sèvres",
            "la décennie, le centre, militaire, sixième",
            "007",
            "le 7-Octobre",
            "battue (1-0) puis 2-1",
            "le budget 2025 prévoit",
            "2024 fut une année",
        ] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
        assert_eq!(
            fig("2000 personnes"),
            f("2000", 2000.0, false, Some("personne"))
        );
        assert_eq!(
            fig("2019 soldats"),
            f("2019", 2019.0, false, Some("soldat"))
        );
    }

    #[test]
    fn spans_are_exact_with_accents_crlf_and_an_offset() {
        let text = "---\r\ndate: x\r\n---\r\nÀ Pékin, élu\r\n« près de 12 000 soldats » ; douze mille\r\nÉté : 3 obus";
        let offset = text.find("À").unwrap();
        let body = &text[offset..];
        let lines = LineIndex::new(text);
        let found = extract(text, offset, body, &lines);
        let got: Vec<(&str, usize, usize, f64)> = found
            .iter()
            .map(|m| {
                (
                    &text[m.span.start..m.span.end],
                    m.span.line,
                    m.span.column,
                    m.value,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("près de 12 000", 5, 3, 12_000.0),
                ("douze mille", 5, 30, 12_000.0),
                ("3", 6, 7, 3.0)
            ]
        );
        for m in &found {
            assert_eq!(m.text, &text[m.span.start..m.span.end]);
        }
    }

    #[test]
    fn corpus_figures() {
        let text = include_str!("../../corpus/renforcement-liens.txt");
        let got: Vec<(String, f64, bool, Option<String>)> = all(text)
            .into_iter()
            .map(|m| (m.text, m.value, m.approximate, m.unit))
            .collect();
        assert!(got.contains(&f("Des milliers", 1000.0, true, Some("nord-coreen"))));
        assert!(got.iter().all(|(t, ..)| !t.contains("1961")));
        let text = include_str!("../../corpus/alliance-pekin.txt");
        let got: Vec<(String, f64, bool, Option<String>)> = all(text)
            .into_iter()
            .map(|m| (m.text, m.value, m.approximate, m.unit))
            .collect();
        assert!(got.contains(&f("près de deux heures et demie", 2.5, true, Some("heure"))));
        assert!(
            got.iter()
                .all(|(t, ..)| !t.contains("80") && !t.contains("2025") && !t.contains("2022"))
        );
    }

    use crate::extract::test_rng::Rng;

    const PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\r\n",
        "-",
        ".",
        ",",
        "'",
        "’",
        "%",
        "€",
        "1",
        "12",
        "000",
        "2019",
        "0",
        "99999999999999999999",
        "deux",
        "Deux",
        "un",
        "une",
        "et",
        "cent",
        "mille",
        "millions",
        "milliard",
        "dizaine",
        "milliers",
        "de",
        "d",
        "des",
        "près",
        "plus",
        "soldats",
        "obus",
        "juin",
        "en",
        "il",
        "y",
        "a",
        "ans",
        "h",
        "e",
        "er",
        "neuf",
        "vingt",
        "quatre",
        "soixante",
        "dix",
        "demie",
        "heures",
        "é",
        "\u{301}",
        "😀",
        "pour",
        "°",
        "n",
    ];

    #[test]
    fn never_panics_on_random_text() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..4000 {
            let n = (rng.next() % 40) as usize;
            let text: String = (0..n)
                .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
                .collect();
            let found = all(&text);
            let lines = LineIndex::new(&text);
            let dates = dates::extract(&text, 0, &text, &lines, None);
            let mut end = 0;
            for m in &found {
                assert!(m.span.start >= end, "overlap in {text:?}: {found:#?}");
                assert!(
                    !dates
                        .iter()
                        .any(|d| d.span.overlaps(m.span.start, m.span.end)),
                    "figure inside a date in {text:?}: {m:?} {dates:#?}"
                );
                assert_eq!(m.text, &text[m.span.start..m.span.end]);
                assert!(m.value.is_finite());
                end = m.span.end;
            }
        }
        for _ in 0..300 {
            let bytes: Vec<u8> = (0..(rng.next() % 200)).map(|_| rng.next() as u8).collect();
            let _ = all(&String::from_utf8_lossy(&bytes));
        }
        let long = "près de 12 000 soldats, deux cents obus ; le 19 juin 2024.\r\n".repeat(20_000);
        assert_eq!(all(&long).len(), 40_000);
    }
}

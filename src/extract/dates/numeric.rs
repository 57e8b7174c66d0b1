//! Expressions anchored on a number or a month name: days, ranges, years,
//! months, numeric dates.

use super::*;

pub(super) type Pattern = &'static [&'static str];

/// Patterns built once, at first use, and kept for the program's life.
pub(super) fn leak(words: Vec<&'static str>) -> Pattern {
    Box::leak(words.into_boxed_slice())
}

pub(super) fn part_patterns(connectors: &[Pattern]) -> Vec<(Pattern, Part)> {
    let heads: &[(&[&str], Part)] = &[
        (&["fin"], Part::Fin),
        (&["a", "la", "fin"], Part::Fin),
        (&["en", "fin"], Part::Fin),
        (&["debut"], Part::Debut),
        (&["au", "debut"], Part::Debut),
        (&["en", "debut"], Part::Debut),
    ];
    let mut out = Vec::new();
    for (head, part) in heads {
        for conn in connectors {
            out.push((leak([*head, *conn].concat()), *part));
        }
    }
    for mi in [
        &["mi", "-"][..],
        &["mi"],
        &["a", "la", "mi", "-"],
        &["a", "la", "mi"],
    ] {
        out.push((mi, Part::Mi));
    }
    out
}

/// "fin", "fin de", "à la fin de", "au début de", "mi-"... before a year
/// (or "l'année").
pub(super) static YEAR_PARTS: LazyLock<Vec<(Pattern, Part)>> =
    LazyLock::new(|| part_patterns(&[&[], &["de"], &["d", "'"]]));

/// Before a month: parts, or "au mois de" (no part).
pub(super) static MONTH_QUALS: LazyLock<Vec<(Pattern, Option<Part>)>> = LazyLock::new(|| {
    let mut out: Vec<(Pattern, Option<Part>)> = part_patterns(&[
        &[],
        &["de"],
        &["d", "'"],
        &["du", "mois", "de"],
        &["du", "mois", "d", "'"],
    ])
    .into_iter()
    .map(|(p, part)| (p, Some(part)))
    .collect();
    for head in [&["au"][..], &["le"], &["du"], &["ce"], &[]] {
        for conn in [&["mois", "de"][..], &["mois", "d", "'"]] {
            out.push((leak([head, conn].concat()), None));
        }
    }
    out
});

// ---------------------------------------------------------------------------
// Numbers: days, years, numeric dates.

/// Whether a run of digits can start a date: not inside a name
/// ("Covid-19", "G20"), a decimal ("2,19") or a grouped number ("1 961").
pub(super) fn num_left_ok(s: &str, t: &Tok) -> bool {
    let mut before = s[..t.start].chars().rev();
    match before.next() {
        None => true,
        Some(c) if is_letter(c) || c.is_ascii_digit() => false,
        Some('-' | '\u{2010}' | '\u{2011}') => {
            match before.next() {
                Some(c) if c.is_ascii_digit() => false,
                // "mi-2024" but not "Covid-19"
                Some(c) if is_letter(c) => prev_tok(s, t.start - 1).is_some_and(|w| w.is("mi")),
                _ => true,
            }
        }
        Some(',' | '.') => !before.next().is_some_and(|c| c.is_ascii_digit()),
        Some('/' | ':' | '°' | '#' | '\u{2116}' | '\u{ba}' | '+' | '=' | '_' | '@') => false,
        _ => !prev_tok(s, t.start).is_some_and(|p| p.k == K::Num),
    }
}

/// A day number: 1 to 31, or "1er".
pub(super) fn day_number(s: &str, t: &Tok) -> Option<(u32, usize)> {
    if t.k != K::Num || t.len() > 2 || !(1..=31).contains(&t.val) {
        return None;
    }
    let mut end = t.end;
    if let Some(g) = glued(s, t) {
        match g.k {
            K::Word => {
                let ordinal = t.val == 1 && (g.is("er") || &s[g.start..g.end] == "\u{1d49}\u{2b3}");
                if !ordinal {
                    return None;
                }
                end = g.end;
            }
            K::Num | K::Colon => return None,
            K::Comma | K::Dot if glued(s, &g).is_some_and(|x| x.k == K::Num) => return None,
            _ => {}
        }
    }
    Some((t.val as u32, end))
}

/// Units that make a number before them a quantity, never a year.
pub(super) const COUNT_UNITS: &[&str] = &[
    "km", "m", "kg", "g", "t", "ha", "mm", "cm", "l", "mw", "kw", "gw", "kwh", "mwh", "gwh", "twh",
    "md", "mds", "mn", "min", "h",
];

/// Words ending in s or x that may follow a year ("en 2019 dans...");
/// other such words are plural nouns counted by the number before them.
pub(crate) const NOT_NOUNS: &[&str] = &[
    "les",
    "des",
    "ces",
    "ses",
    "mes",
    "tes",
    "nos",
    "vos",
    "leurs",
    "aux",
    "dans",
    "sans",
    "sous",
    "vers",
    "depuis",
    "mais",
    "puis",
    "plus",
    "moins",
    "tres",
    "alors",
    "apres",
    "lors",
    "hors",
    "jamais",
    "toujours",
    "deux",
    "trois",
    "six",
    "dix",
    "pas",
    "parfois",
    "toutefois",
    "autrefois",
    "desormais",
    "jadis",
    "tous",
    "plusieurs",
    "quelques",
    "certains",
    "divers",
    "ailleurs",
    "pres",
    "nous",
    "vous",
    "ils",
    "elles",
    "quels",
    "quelles",
    "tandis",
    "lesquels",
    "auxquels",
    "desquels",
    "ainsi",
    "avons",
    "avez",
    "etes",
    "sommes",
    "fois",
    "dont",
];

/// Whether what follows a four-digit number lets it be a year: not a
/// decimal, a unit, a plural noun ("2000 personnes") or, when `ranges`, a
/// count range ("de 2000 à 3000 soldats").
pub(super) fn year_follow_ok(s: &str, t: &Tok, depth: u32, ranges: bool) -> bool {
    let Some(n) = next_tok(s, t.end) else {
        return true;
    };
    if n.start == t.end {
        match n.k {
            K::Word | K::Num | K::Percent => return false,
            K::Comma | K::Dot | K::Colon if glued(s, &n).is_some_and(|x| x.k == K::Num) => {
                return false;
            }
            _ => {}
        }
    }
    let other_number = |at: usize| {
        next_tok(s, at).is_some_and(|x| {
            x.k == K::Num
                && (x.len() != 4
                    || year_value(x.val).is_none()
                    || depth > 3
                    || !year_follow_ok(s, &x, depth + 1, true))
        })
    };
    match n.k {
        K::Percent => false,
        K::Other => !matches!(n.ch, '€' | '$' | '£' | '°' | '‰'),
        K::Hyphen | K::Dash => !(ranges && other_number(n.end)),
        K::Word => {
            let w = n.w();
            if COUNT_UNITS.contains(&w) {
                return false;
            }
            if !n.upper
                && w.len() > 2
                && (w.ends_with('s') || w.ends_with('x'))
                && !NOT_NOUNS.contains(&w)
            {
                return false;
            }
            !(ranges && matches!(w, "a" | "et" | "ou") && other_number(n.end))
        }
        _ => true,
    }
}

/// A year right after `pos` ("juin 2024"): four digits, 1800–2100, not
/// glued to more.
pub(super) fn year_after(s: &str, pos: usize) -> Option<(i32, usize)> {
    let t = next_tok(s, pos)?;
    if t.k != K::Num || t.len() != 4 {
        return None;
    }
    let y = year_value(t.val)?;
    if let Some(g) = glued(s, &t) {
        match g.k {
            K::Word | K::Num | K::Percent => return None,
            K::Comma | K::Dot | K::Colon if glued(s, &g).is_some_and(|x| x.k == K::Num) => {
                return None;
            }
            _ => {}
        }
    }
    Some((y, t.end))
}

/// A year after `pos` that passes [`year_follow_ok`] too.
pub(super) fn year_after_checked(s: &str, pos: usize) -> Option<(i32, usize)> {
    let (y, end) = year_after(s, pos)?;
    let t = next_tok(s, pos)?;
    year_follow_ok(s, &t, 0, true).then_some((y, end))
}

/// "13/09/2023", "13.09.2023", "13-09-2023", "2023-09-13".
pub(super) fn numeric_ymd(s: &str, t: &Tok) -> Option<(i32, u32, u32, usize)> {
    let s1 = glued(s, t)?;
    if !matches!(s1.k, K::Hyphen | K::Slash | K::Dot) {
        return None;
    }
    let t2 = glued(s, &s1)?;
    if t2.k != K::Num || t2.len() > 2 {
        return None;
    }
    let s2 = glued(s, &t2)?;
    if s2.k != s1.k || s2.ch != s1.ch {
        return None;
    }
    let t3 = glued(s, &s2)?;
    if t3.k != K::Num {
        return None;
    }
    if let Some(a) = glued(s, &t3) {
        match a.k {
            K::Word | K::Num => return None,
            K::Hyphen | K::Slash | K::Dot | K::Comma | K::Colon
                if glued(s, &a).is_some_and(|x| x.k == K::Num) =>
            {
                return None;
            }
            _ => {}
        }
    }
    let (y, m, d) = if t.len() == 4 && s1.k == K::Hyphen && t3.len() <= 2 {
        (t.val, t2.val, t3.val)
    } else if t.len() <= 2 && t3.len() == 4 {
        (t3.val, t2.val, t.val)
    } else {
        return None;
    };
    let y = year_value(y)?;
    let (m, d) = (u32::try_from(m).ok()?, u32::try_from(d).ok()?);
    ymd(y, m, d)?;
    Some((y, m, d, t3.end))
}

/// Before a day: "ce" and "depuis (le)" belong to the mention; a bare
/// article does not.
pub(super) const DAY_LEADS: &[(&[&str], bool)] = &[
    (&["ce"], false),
    (&["depuis"], true),
    (&["depuis", "le"], true),
    (&["depuis", "ce"], true),
];

pub(super) fn day_lead(s: &str, back: &Back, default: usize) -> (usize, bool) {
    match back.longest(s, 0, DAY_LEADS) {
        Some((since, len)) => (back.start_of(0, len, default), since),
        None => (default, false),
    }
}

pub(super) fn num_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    if !num_left_ok(s, &t) {
        return None;
    }
    if let Some((y, m, d, end)) = numeric_ymd(s, &t) {
        let back = Back::new(s, t.start, floor);
        let (start, since) = day_lead(s, &back, t.start);
        return Some(Found {
            start,
            end,
            what: What::Day {
                y: Some(y),
                m,
                d,
                rel: Rel::Plain,
            },
            weekday: None,
            since,
        });
    }
    if t.len() <= 2
        && let Some(f) = day_expr(s, t, floor)
    {
        return Some(f);
    }
    if t.len() == 4 {
        return year_core(s, t, floor);
    }
    None
}

/// A day, maybe with a weekday before it and a month and year after.
#[derive(Clone, Copy, Debug)]
pub(super) struct Point {
    pub(super) wd: Option<Weekday>,
    pub(super) d: u32,
    pub(super) m: Option<u32>,
    pub(super) y: Option<i32>,
    pub(super) end: usize,
}

pub(super) fn point(s: &str, t: Tok) -> Option<Point> {
    let (wd, dt) = match t.k {
        K::Word => match keyword(t.w()) {
            Some(Kw::Weekday(w)) => (Some(w), next_tok(s, t.end)?),
            _ => return None,
        },
        _ => (None, t),
    };
    let (d, end) = day_number(s, &dt)?;
    let mut p = Point {
        wd,
        d,
        m: None,
        y: None,
        end,
    };
    let Some(mt) = next_tok(s, end) else {
        return Some(p);
    };
    let (m, mut end) = match keyword(mt.w()) {
        Some(Kw::Month(m)) if mt.k == K::Word => (m, mt.end),
        Some(Kw::Abbr(m)) if mt.k == K::Word => match glued(s, &mt) {
            Some(dot) if dot.k == K::Dot => (m, dot.end),
            _ if year_after(s, mt.end).is_some() => (m, mt.end),
            _ => return Some(p),
        },
        _ => return Some(p),
    };
    if let Some((y, ye)) = year_after(s, end) {
        p.y = Some(y);
        end = ye;
    }
    if d > days_in_month(m, p.y) {
        return None;
    }
    p.m = Some(m);
    p.end = end;
    Some(p)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Conn {
    Dash,
    Au,
    Et,
}

/// A day expression starting at `first` (a day number or a weekday):
/// "19 juin 2024", "mercredi 13 septembre 2023", "ce 18 juin", "18-19
/// juin", "du 18 au 19 juin 2024", "entre le 18 et le 19 juin 2024".
pub(super) fn day_expr(s: &str, first: Tok, floor: usize) -> Option<Found> {
    let p1 = point(s, first)?;
    if let Some(c) = next_tok(s, p1.end) {
        let conn = match c.k {
            K::Hyphen | K::Dash => Some(Conn::Dash),
            K::Word if c.is("au") => Some(Conn::Au),
            K::Word if c.is("et") => Some(Conn::Et),
            _ => None,
        };
        if let Some(conn) = conn {
            let mut at = next_tok(s, c.end);
            if conn == Conn::Et && at.is_some_and(|a| a.is("le")) {
                at = at.and_then(|a| next_tok(s, a.end));
            }
            if let Some(t2) = at
                && matches!(t2.k, K::Num | K::Word)
                && let Some(p2) = point(s, t2)
                && p2.m.is_some()
                && let Some(what) = range_of(p1, p2)
            {
                let back = Back::new(s, first.start, floor);
                let start = match conn {
                    Conn::Dash => Some(first.start),
                    Conn::Au => back
                        .longest(s, 0, &[(&["du"], ())])
                        .map(|(_, l)| back.start_of(0, l, first.start)),
                    // "entre le 18 et le 19 juin", "les 27 et 28 février"
                    Conn::Et => match back.longest(
                        s,
                        0,
                        &[
                            (&["entre"], true),
                            (&["entre", "le"], true),
                            (&["les"], false),
                            (&["des"], false),
                        ],
                    ) {
                        Some((true, l)) => Some(back.start_of(0, l, first.start)),
                        Some((false, _)) => Some(first.start),
                        None => None,
                    },
                };
                if let Some(start) = start {
                    return Some(Found {
                        start,
                        end: p2.end,
                        what,
                        weekday: None,
                        since: false,
                    });
                }
            }
        }
    }
    let m = p1.m?;
    let mut end = p1.end;
    let mut rel = Rel::Plain;
    if p1.y.is_none()
        && let Some(r) = next_tok(s, end)
        && let Some(x) = rel_word(&r)
    {
        rel = x;
        end = r.end;
    }
    let back = Back::new(s, first.start, floor);
    let (start, since) = day_lead(s, &back, first.start);
    Some(Found {
        start,
        end,
        what: What::Day {
            y: p1.y,
            m,
            d: p1.d,
            rel,
        },
        weekday: p1.wd,
        since,
    })
}

pub(super) fn range_of(p1: Point, p2: Point) -> Option<What> {
    let m2 = p2.m?;
    let m1 = p1.m.unwrap_or(m2);
    let (d1, d2) = (p1.d, p2.d);
    let mut y1 = p1.y;
    let mut y2 = p2.y;
    if y1.is_none()
        && let Some(y) = y2
    {
        y1 = Some(if (m1, d1) > (m2, d2) { y - 1 } else { y });
    }
    if y2.is_none()
        && let Some(y) = y1
    {
        y2 = Some(if (m2, d2) >= (m1, d1) { y } else { y + 1 });
    }
    match (y1, y2) {
        (Some(a), Some(b)) => {
            if ymd(a, m1, d1)? >= ymd(b, m2, d2)? {
                return None;
            }
        }
        _ => {
            if (m1, d1) == (m2, d2) || (p1.m.is_none() && d1 >= d2) || d1 > days_in_month(m1, None)
            {
                return None;
            }
        }
    }
    Some(What::DayRange {
        a: Md {
            y: y1,
            m: m1,
            d: d1,
            wd: p1.wd,
        },
        b: Md {
            y: y2,
            m: m2,
            d: d2,
            wd: p2.wd,
        },
    })
}

/// A four-digit number: a year when something makes it one ("en 1961",
/// "de 1961", "depuis 1953", "fin 2023", "mi-2024", "Pékin, 2025",
/// "(1961)"), or a span of years ("1950-1953", "de 2019 à 2022").
pub(super) fn year_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let y = year_value(t.val)?;
    let back = Back::new(s, t.start, floor);
    let after = next_tok(s, t.end);
    // A span of years.
    if let Some(c) = after {
        let second = |at: usize| -> Option<(i32, usize)> {
            let t2 = next_tok(s, at)?;
            if t2.k != K::Num || t2.len() != 4 || !num_left_ok(s, &t2) && !matches!(c.k, K::Hyphen)
            {
                return None;
            }
            let y2 = year_value(t2.val)?;
            (y2 > y && y2 - y <= 100 && year_follow_ok(s, &t2, 0, true)).then_some((y2, t2.end))
        };
        let range = match c.k {
            K::Hyphen | K::Dash => second(c.end).map(|r| (r, None)),
            K::Word if c.is("a") => back
                .longest(s, 0, &[(&["de"], ())])
                .and_then(|_| second(c.end).map(|r| (r, Some(1)))),
            K::Word if c.is("et") => back
                .longest(s, 0, &[(&["entre"], ())])
                .and_then(|_| second(c.end).map(|r| (r, Some(1)))),
            _ => None,
        };
        if let Some(((y2, end), used)) = range {
            let used = used.unwrap_or(0);
            let mut start = back.start_of(0, used, t.start);
            let mut since = false;
            if used == 0 {
                let (st, kind) = lead(s, &back, 0, t.start, false);
                start = st;
                since = kind == Some(Lead::Since);
            }
            return Some(Found {
                start,
                end,
                what: What::YearRange { a: y, b: y2 },
                weekday: None,
                since,
            });
        }
    }
    if !year_follow_ok(s, &t, 0, false) {
        return None;
    }
    let (part, plen) = back
        .longest(s, 0, &YEAR_PARTS)
        .map_or((None, 0), |(p, l)| (Some(p), l));
    let mut start = back.start_of(0, plen, t.start);
    let (lead_start, kind) = lead(s, &back, plen, start, part.is_none());
    start = lead_start;
    // "de 2000 à 3000 soldats", but "en 1961 et 1 500 soldats"
    if !matches!(kind, Some(Lead::Strong | Lead::Since)) && !year_follow_ok(s, &t, 0, true) {
        return None;
    }
    if kind == Some(Lead::Weak) && back.longest(s, plen + 1, APPROXIMATE).is_some() {
        return None;
    }
    if part.is_none() && kind.is_none() {
        let prev = back.get(0);
        let comma =
            prev.is_some_and(|p| p.k == K::Comma) && !back.get(1).is_some_and(|q| q.k == K::Num);
        let paren = prev.is_some_and(|p| p.k == K::Open) && after.is_some_and(|a| a.k == K::Close);
        if !comma && !paren {
            return None;
        }
    }
    Some(Found {
        start,
        end: t.end,
        what: What::Year { y, part },
        weekday: None,
        since: kind == Some(Lead::Since),
    })
}

// ---------------------------------------------------------------------------
// Words: months, weekdays, relative words, seasons, decades.

pub(super) fn month_core(s: &str, t: Tok, m: u32, floor: usize) -> Option<Found> {
    let mut end = t.end;
    let mut y = None;
    let mut rel = Rel::Plain;
    if let Some((yy, ye)) = year_after(s, t.end) {
        y = Some(yy);
        end = ye;
    } else if let Some(r) = next_tok(s, t.end)
        && let Some(x) = rel_word(&r)
    {
        rel = x;
        end = r.end;
    }
    let back = Back::new(s, t.start, floor);
    let (qual, qlen) = back
        .longest(s, 0, &MONTH_QUALS)
        .map_or((None, 0), |(q, l)| (Some(q), l));
    let part = qual.flatten();
    let mut start = back.start_of(0, qlen, t.start);
    let bare = y.is_none() && rel == Rel::Plain && qual.is_none();
    let (lead_start, kind) = lead(s, &back, qlen, start, bare);
    start = lead_start;
    if bare && (kind.is_none() || t.upper) {
        // "mars" alone, "Mars" the planet
        return None;
    }
    Some(Found {
        start,
        end,
        what: What::Month { y, m, rel, part },
        weekday: None,
        since: kind == Some(Lead::Since),
    })
}

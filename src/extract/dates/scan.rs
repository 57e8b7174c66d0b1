//! The scan: anchors found by one compiled pattern, parsed where they stand.

use super::*;

/// Where a date expression can be anchored: a digit or a temporal word at
/// the start of a word (the class before it stands for a word boundary;
/// Unicode `\b` would force the slow engine). Prefixes are enough: the
/// whole word is read and checked by [`keyword`].
/// Words that can start a date: digits, months, weekdays, relative
/// words, seasons, "il y a". Found with one Aho-Corasick pass (ASCII case
/// folded, with the accented capitals spelled out), which is several times
/// faster on French text than a Unicode regex.
pub(super) static ANCHOR_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut words: Vec<&str> = vec!["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    words.extend([
        "janv",
        "fev",
        "fév",
        "FÉV",
        "mars",
        "avr",
        "mai",
        "juin",
        "juil",
        "aout",
        "août",
        "AOÛT",
        "sept",
        "oct",
        "nov",
        "dec",
        "déc",
        "DÉC",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "hier",
        "demain",
        "aujourd",
        "semaine",
        "mois",
        "an",
        "ete",
        "eté",
        "éte",
        "été",
        "Été",
        "ÉTÉ",
        "Ete",
        "printemps",
        "automne",
        "hiver",
    ]);
    let spaces = [" ", "\t", "\u{a0}"];
    let mut il_y_a = Vec::new();
    for a in spaces {
        for b in spaces {
            il_y_a.push(format!("il{a}y{b}a"));
        }
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(
            words
                .iter()
                .map(|w| w.as_bytes().to_vec())
                .chain(il_y_a.iter().map(|w| w.as_bytes().to_vec())),
        )
        .expect("the date anchor words are valid")
});

/// The next anchor at or after `from`: a date word that starts a word
/// (nothing alphanumeric just before it). Returns its start and end.
pub(super) fn find_anchor(body: &str, from: usize) -> Option<(usize, usize)> {
    let input = aho_corasick::Input::new(body).span(from..body.len());
    ANCHOR_WORDS.find_iter(input).find_map(|m| {
        let starts_word = body[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        starts_word.then_some((m.start(), m.end()))
    })
}

/// A date expression found in the text, before resolution.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) what: What,
    /// A weekday written before a day ("mercredi 13 septembre 2023").
    pub(super) weekday: Option<Weekday>,
    /// Introduced by "depuis".
    pub(super) since: bool,
}

pub(super) fn scan(body: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut floor = 0;
    let mut pos = 0;
    while let Some((start, end)) = find_anchor(body, pos) {
        if let Some(f) = found_at(body, start, floor) {
            floor = f.end;
            out.push(f);
        }
        pos = end;
    }
    out
}

/// Where the anchor word of a pattern match starts (after the boundary
/// character the pattern matched before it).
pub(super) fn anchor_start(body: &str, m: usize) -> usize {
    match body[m..].chars().next() {
        Some(c) if !c.is_alphanumeric() => m + c.len_utf8(),
        _ => m,
    }
}

/// The mention anchored at the pattern match starting at `m`, if it starts
/// a word and is a date that starts at or after `floor`.
pub(super) fn found_at(body: &str, m: usize, floor: usize) -> Option<Found> {
    let s = anchor_start(body, m);
    if s < floor
        || body[..s]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || is_combining_mark(c))
    {
        return None;
    }
    let t = next_tok(body, s).filter(|t| t.start == s)?;
    parse_at(body, t, floor).filter(|f| f.start >= floor && f.end > f.start && f.end <= body.len())
}

pub(super) fn parse_at(s: &str, t: Tok, floor: usize) -> Option<Found> {
    match t.k {
        K::Num => num_core(s, t, floor),
        K::Word => match keyword(t.w())? {
            Kw::Month(m) => month_core(s, t, m, floor),
            Kw::Abbr(_) => None,
            Kw::Weekday(w) => weekday_core(s, t, w, floor),
            Kw::Hier => hier_core(s, t, floor),
            Kw::Demain => demain_core(s, t, floor),
            Kw::Aujourd => aujourd_core(s, t, floor),
            Kw::Semaine => semaine_core(s, t, floor),
            Kw::Mois => mois_core(s, t, floor),
            Kw::Annee | Kw::An => annee_core(s, t, floor),
            Kw::Annees => annees_core(s, t, floor),
            Kw::Season(se) => season_core(s, t, se, floor),
            Kw::Il => ago_core(s, t),
        },
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// What an expression says.

/// "dernier" / "prochain" after a day, month, weekday, season, week, year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
    Plain,
    Last,
    Next,
    /// "ce vendredi": of the days around publication, the one of this
    /// week: the nearer of the last and the next.
    This,
}

/// "début", "mi-", "fin" of a month, year or decade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Debut,
    Mi,
    Fin,
}

/// A season as the text names it (see the module doc for its days).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Printemps,
    Ete,
    Automne,
    Hiver,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AgoUnit {
    Day,
    Week,
    Month,
    Year,
}

/// One end of a day range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Md {
    pub(super) y: Option<i32>,
    pub(super) m: u32,
    pub(super) d: u32,
    pub(super) wd: Option<Weekday>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum What {
    Day {
        y: Option<i32>,
        m: u32,
        d: u32,
        rel: Rel,
    },
    Month {
        y: Option<i32>,
        m: u32,
        rel: Rel,
        part: Option<Part>,
    },
    Year {
        y: i32,
        part: Option<Part>,
    },
    /// Without a year: "l'été dernier" (Last), "cet été" (Plain,
    /// `this`), "à l'automne" (Plain: the one of the publication's year).
    Season {
        s: Season,
        y: Option<i32>,
        rel: Rel,
        this: bool,
    },
    Decade {
        y: i32,
        part: Option<Part>,
    },
    Weekday {
        w: Weekday,
        d: Option<u32>,
        rel: Rel,
        /// "la nuit de vendredi à samedi": the night runs into the next day.
        night: bool,
    },
    /// hier -1, aujourd'hui 0, demain +1...
    DayOffset(i64),
    /// The Monday–Sunday week, relative to the publication's.
    Week(i64),
    MonthOffset(i32),
    YearOffset {
        delta: i32,
        part: Option<Part>,
    },
    Ago {
        n: u32,
        unit: AgoUnit,
    },
    DayRange {
        a: Md,
        b: Md,
    },
    YearRange {
        a: i32,
        b: i32,
    },
}

impl Found {
    pub(super) fn form(&self) -> DateForm {
        if self.since {
            return DateForm::Bound;
        }
        match self.what {
            What::Day { y: Some(_), .. }
            | What::Month { y: Some(_), .. }
            | What::Year { .. }
            | What::Season { y: Some(_), .. }
            | What::Decade { .. } => DateForm::Absolute,
            What::Day { .. }
            | What::Weekday { d: Some(_), .. }
            | What::Season {
                rel: Rel::Plain,
                this: false,
                ..
            } => DateForm::Partial,
            What::Month {
                rel: Rel::Plain, ..
            } => DateForm::Partial,
            What::Month { .. }
            | What::Season { .. }
            | What::Weekday { .. }
            | What::DayOffset(_)
            | What::Week(_)
            | What::MonthOffset(_)
            | What::YearOffset { .. }
            | What::Ago { .. } => DateForm::Relative,
            What::DayRange { .. } | What::YearRange { .. } => DateForm::Range,
        }
    }

    pub(super) fn partial(&self) -> PartialDate {
        let mut p = PartialDate::default();
        match self.what {
            What::Day { y, m, d, .. } => {
                p.year = y;
                p.month = Some(m);
                p.day = Some(d);
                p.weekday = self.weekday;
            }
            What::Month { y, m, .. } => {
                p.year = y;
                p.month = Some(m);
            }
            What::Year { y, .. } | What::YearRange { b: y, .. } => p.year = Some(y),
            What::Season { y, .. } => p.year = y,
            What::Weekday { w, d, .. } => {
                p.day = d;
                p.weekday = Some(w);
            }
            What::DayRange { b, .. } => {
                p.year = b.y;
                p.month = Some(b.m);
                p.day = Some(b.d);
                p.weekday = b.wd;
            }
            _ => {}
        }
        p
    }

    pub(super) fn shape(&self) -> Shape {
        let md = |e: Md| PartialDate {
            year: e.y,
            month: Some(e.m),
            day: Some(e.d),
            weekday: e.wd,
        };
        match self.what {
            What::Day { .. } | What::Weekday { d: Some(_), .. } | What::DayOffset(_) => Shape::Day,
            What::Weekday { w, d: None, .. } => Shape::Weekday(w),
            What::Week(_) => Shape::Week,
            What::Month { part, .. } => Shape::Month(part),
            What::MonthOffset(_) => Shape::Month(None),
            What::Season { s, .. } => Shape::Season(s),
            What::Year { part, .. } | What::YearOffset { part, .. } => Shape::Year(part),
            What::Decade { part, .. } => Shape::Decade(part),
            What::Ago { unit, .. } => match unit {
                AgoUnit::Day => Shape::Day,
                AgoUnit::Week => Shape::Week,
                AgoUnit::Month => Shape::Month(None),
                AgoUnit::Year => Shape::Year(None),
            },
            What::DayRange { a, .. } => Shape::DayRange { from: md(a) },
            What::YearRange { a, .. } => Shape::YearRange { from: a },
        }
    }

    pub(super) fn weekday_conflict(&self) -> Option<Weekday> {
        let check = |y: Option<i32>, m: u32, d: u32, wd: Option<Weekday>| {
            let w = wd?;
            let date = ymd(y?, m, d)?;
            (date.weekday() != w).then_some(w)
        };
        match self.what {
            What::Day { y, m, d, .. } => check(y, m, d, self.weekday),
            What::DayRange { a, b } => check(a.y, a.m, a.d, a.wd).or(check(b.y, b.m, b.d, b.wd)),
            _ => None,
        }
    }

    /// Whether the weekday in conflict is the range's second one ("du
    /// dimanche 31 mai au mardi 1er juin 2009"), the first being right.
    pub(super) fn weekday_conflict_on_last(&self, value: Option<&DateSpan>) -> bool {
        let What::DayRange { a, b } = self.what else {
            return false;
        };
        let first_fits = match (a.y, value) {
            (Some(y), _) => ymd(y, a.m, a.d).is_none_or(|d| a.wd.is_none_or(|w| d.weekday() == w)),
            (None, Some(v)) => a.wd.is_none_or(|w| v.first.weekday() == w),
            (None, None) => true,
        };
        first_fits && b.wd.is_some()
    }

    /// A weekday written with a day whose year the text leaves out ("mercredi
    /// 12 octobre"), checked against the year the date was resolved to (from
    /// the publication date or an earlier date): the written weekday, when
    /// the resolved day falls on another one.
    pub(super) fn resolved_weekday_conflict(&self, value: &DateSpan) -> Option<Weekday> {
        let differs = |day: NaiveDate, wd: Option<Weekday>| wd.filter(|&w| day.weekday() != w);
        match self.what {
            What::Day { y: None, .. } => differs(value.first, self.weekday),
            What::DayRange { a, b } if b.y.is_none() => {
                differs(value.first, a.wd).or(differs(value.last, b.wd))
            }
            _ => None,
        }
    }

    /// The value of a day or month written without a year, in `year`, when
    /// it falls in or after `month` of it.
    pub(super) fn in_year_after(&self, year: i32, month: u32) -> Option<DateSpan> {
        match self.what {
            What::Day {
                y: None,
                m,
                d,
                rel: Rel::Plain,
            } if m >= month => day_span(ymd(year, m, d)?),
            What::Month {
                y: None,
                m,
                rel: Rel::Plain,
                part,
            } if m >= month => month_span(year, m, part),
            // "à l'automne 2023, du 16 octobre au 15 décembre".
            What::DayRange { a, b } if b.y.is_none() && a.m >= month => {
                let y1 = a.y.unwrap_or(year);
                let y2 = if (a.m, a.d) > (b.m, b.d) { y1 + 1 } else { y1 };
                span(ymd(y1, a.m, a.d)?, ymd(y2, b.m, b.d)?, Granularity::Day)
            }
            _ => None,
        }
    }

    pub(super) fn resolve(&self, publication: Option<Publication>) -> (Option<DateSpan>, Anchor) {
        if !needs_publication(&self.what) {
            return (absolute_value(&self.what), Anchor::Absolute);
        }
        match publication.and_then(|p| Some((relative_value(&self.what, p.date)?, p.anchor))) {
            Some((v, anchor)) => (Some(v), anchor),
            None => (None, Anchor::Unresolved),
        }
    }
}

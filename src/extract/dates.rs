//! French temporal expressions, normalised to day intervals.
//!
//! Every date mention becomes an inclusive interval of days with the
//! granularity it was written at, so that comparing two mentions is
//! comparing intervals: "2024" and "19 juin 2024" overlap (no
//! contradiction), "18 juin 2024" and "19 juin 2024" do not. Partial and
//! relative dates ("ce 18 juin", "mercredi", "vendredi dernier") are
//! resolved against the article's publication date; without one they stay
//! unresolved (`value: None`) and say what they do know in `partial`.
//!
//! How the text is read: one compiled pattern finds *anchors* (a digit, a
//! month or weekday name, "hier", "semaine", "année", a season, "il y a"…)
//! at word starts; each anchor is parsed forward over a few tokens, then
//! the words just before it are read backwards for what qualifies it ("en",
//! "depuis", "ce", "du … au", "à la fin de", "l'"). The cost per byte is the
//! pattern scan; the parsing runs only at anchors.
//!
//! What the mention text covers: prepositions that make the expression
//! ("en 1961", "dès janvier", "depuis 1953", "l'été 2024", "à la fin de
//! l'année dernière", "ce 18 juin", "du 18 au 19 juin 2024") but not bare
//! articles ("le 19 juin 2024" gives "19 juin 2024"; "de" only where it is
//! what makes a bare year a date: "de 1961"). Anything introduced by
//! "depuis" is a [`DateForm::Bound`] mention whose value is the starting
//! point ("depuis 1953", "Depuis l'été 2024").
//!
//! Resolution against the publication date `P`: a day or month without a
//! year is the latest one on or before `P`, unless that is more than ten
//! months back and the one of `P`'s year falls within two months after `P`
//! (announcements); "dernier" means strictly before, "prochain" strictly
//! after. Seasons: printemps 20 Mar–20 Jun, été 21 Jun–22 Sep, automne
//! 23 Sep–20 Dec, hiver 21 Dec–19 Mar of the next year; "à l'automne",
//! "au printemps", "cet été" without a year are the season of `P`'s year
//! (for winter, the one around `P`). Parts: "début"
//! (Jan–Mar; days 1–10 of a month), "mi-" (May–Aug; days 11–20), "fin"
//! (Oct–Dec; day 21 to the end). "il y a N jours" is the day; weeks, months
//! and years give a window around `P` minus N (±3 days, ±15 days, ±6
//! months).
//!
//! Not dates: ordinal centuries, times of day ("18 heures", "18h30"),
//! durations ("deux jours"), numbers in names ("Covid-19", "G20"), a
//! four-digit number counting something ("2000 personnes", "depuis 2000
//! ans"), a capitalised weekday inside a sentence (a name: "Robinson et
//! Vendredi"), habitual weekdays ("le mercredi", "chaque mercredi", "du
//! lundi au vendredi"), "aujourd'hui"/"hier" in set phrases
//! ("d'aujourd'hui", "aujourd'hui encore", "aujourd'hui comme hier"; but
//! "hier encore" is a day), seasons without a year or article ("en été",
//! "l'été", "au printemps arabe"), and
//! "aujourd'hui" inside a sentence unless a past participle comes before it
//! ("a annoncé aujourd'hui" is a day; "ces héritages façonnent aujourd'hui"
//! means nowadays).

use std::cell::Cell;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};

use crate::extract::pieces::is_combining_mark;
use crate::span::{LineIndex, Span};

/// How precisely a date is written.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
}

/// An inclusive interval of days: the date a mention denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct DateSpan {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub granularity: Granularity,
}

impl DateSpan {
    /// Whether two intervals share a day: mentions that overlap never
    /// contradict ("juin 2024" and "19 juin 2024"; a visit of 18–19 June
    /// and "18 juin").
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

/// What the text itself says, before any anchoring: "ce 18 juin" is
/// day 18, month 6, no year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<Weekday>,
}

/// What a mention's value was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The text gives the full date, month or year itself.
    Absolute,
    /// Resolved against the article's publication date (front matter,
    /// `metadata.toml` or `factlint.toml`).
    Publication,
    /// Resolved against the date of the article's dateline ("Pyongyang,
    /// 19 juin 2024 —", "Publié le …"), taken as its publication date
    /// because nothing else gives one.
    Dateline,
    /// Takes its year from a full date written shortly before it.
    EarlierDate,
    /// Partial or relative, and nothing to resolve it against.
    Unresolved,
}

/// The publication date partial and relative dates are resolved against,
/// and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Publication {
    pub date: NaiveDate,
    /// [`Anchor::Publication`] or [`Anchor::Dateline`]: what mentions
    /// resolved against `date` say they were anchored on.
    pub anchor: Anchor,
}

impl Publication {
    /// A publication date the article's metadata gives.
    pub fn metadata(date: NaiveDate) -> Publication {
        Publication {
            date,
            anchor: Anchor::Publication,
        }
    }

    /// A publication date read from the article's dateline.
    pub fn dateline(date: NaiveDate) -> Publication {
        Publication {
            date,
            anchor: Anchor::Dateline,
        }
    }
}

/// The unit of time a mention names, whatever it resolves to: "mercredi"
/// names a weekday, "la semaine dernière" a week, "fin 2023" the end of a
/// year. This, not the resolved interval, decides how its value is
/// written (a TIMEX3 value: `2024-W25`, `2024-SU`, `XXXX-06-18`): the
/// interval of "il y a deux ans" is a year-long window, its value a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A day: "19 juin 2024", "ce 18 juin", "hier", "mercredi 18",
    /// "il y a trois jours".
    Day,
    /// A weekday alone: "mercredi", "vendredi dernier".
    Weekday(Weekday),
    /// A Monday–Sunday week: "la semaine dernière", "il y a deux semaines".
    Week,
    Month(Option<Part>),
    Season(Season),
    Year(Option<Part>),
    Decade(Option<Part>),
    /// "du 18 au 19 juin 2024": `from` is the first end as written (the
    /// mention's `partial` is the last).
    DayRange {
        from: PartialDate,
    },
    /// "de 1950 à 1953".
    YearRange {
        from: i32,
    },
}

/// How a mention is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateForm {
    /// "19 juin 2024", "13/09/2023", "2023-09-13", "en 1961", "en mars 2022"
    Absolute,
    /// A date missing its year or month: "ce 18 juin", "en avril", "dès janvier"
    Partial,
    /// Relative to the publication: "mercredi", "hier", "vendredi dernier",
    /// "la semaine dernière", "l'année dernière", "il y a deux ans"
    Relative,
    /// "du 18 au 19 juin 2024", "18-19 juin"
    Range,
    /// "depuis 1953", "d'ici 2026", "jusqu'en 2024", "avant 2019": a bound
    /// of a period, not the date of an event
    Bound,
}

/// A temporal expression in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub text: String,
    pub form: DateForm,
    pub partial: PartialDate,
    /// The unit of time the text names.
    pub shape: Shape,
    /// The interval the mention denotes, when it can be resolved.
    pub value: Option<DateSpan>,
    pub anchor: Anchor,
    /// A weekday written with a full date ("mercredi 13 septembre 2023")
    /// that does not fall on it: the date and weekday disagree.
    pub weekday_conflict: Option<Weekday>,
}

/// Finds the temporal expressions of `body` (which starts at byte `offset`
/// of `text`, the whole file), resolving partial and relative ones against
/// `publication` when given. Mentions are in text order and never overlap.
/// How far (in bytes) a date without a year may follow the full date it
/// takes its year from: about two paragraphs.
const NARRATIVE_REACH: usize = 1500;

pub fn extract(
    text: &str,
    offset: usize,
    body: &str,
    lines: &LineIndex,
    publication: Option<Publication>,
) -> Vec<DateMention> {
    // The year and month of the last date written in full: a narrative
    // goes on without repeating the year ("à l'été 2023. Fin juillet…
    // En septembre…"), as long as the months move forward. Only for
    // dates the publication date cannot place: it is the better anchor.
    let mut context: Option<(i32, u32, usize)> = None;
    // The same for the last day written in full, in this paragraph or the
    // one before (a standfirst: "Le 9 novembre 1989, …").
    let mut last_day: Option<(i32, u32, usize)> = None;
    scan(body)
        .into_iter()
        .map(|f| {
            let (mut value, mut anchor) = f.resolve(publication);
            if let Some((year, month, at)) = context
                && anchor == Anchor::Unresolved
                && f.start - at <= NARRATIVE_REACH
                && let Some(v) = f.in_year_after(year, month)
            {
                value = Some(v);
                anchor = Anchor::EarlierDate;
            }
            // "C'est le samedi 20 juillet 1969 … le lundi 21 juillet", in an
            // article of 2019: the weekday fits the narrative's year, not
            // the publication's, and says which one is meant.
            if let Some((year, month, at)) = last_day
                && body[at..f.start].matches("\n\n").count() <= 1
                && value.is_some_and(|v| f.resolved_weekday_conflict(&v).is_some())
                && let Some(v) = f.in_year_after(year, month)
                && f.resolved_weekday_conflict(&v).is_none()
            {
                value = Some(v);
                anchor = Anchor::EarlierDate;
            }
            if anchor == Anchor::Absolute
                && !f.since
                && let Some(v) = value
            {
                use chrono::Datelike;
                context = Some((v.first.year(), v.first.month(), f.end));
                if v.granularity == Granularity::Day {
                    last_day = context;
                }
            }
            DateMention {
                span: lines.span(text, offset + f.start, offset + f.end),
                text: body[f.start..f.end].to_string(),
                form: f.form(),
                partial: f.partial(),
                shape: f.shape(),
                value,
                anchor,
                weekday_conflict: f
                    .weekday_conflict()
                    .or_else(|| value.and_then(|v| f.resolved_weekday_conflict(&v))),
            }
        })
        .collect()
}

/// Tells whether ranges of a body, asked in increasing order, overlap what
/// [`extract`] reads as a date ("19 juin 2024", "en 1961", "il y a deux
/// ans"): what the figure extractor must leave alone. Dates are looked for
/// only in a window before each range asked about, so a body with few
/// figures costs little.
pub(super) struct DateFilter<'a> {
    body: &'a str,
    /// Where the anchor search resumes.
    pos: usize,
    /// The end of the last mention: no mention starts before it.
    floor: usize,
    /// The mentions found that may still overlap a range asked about.
    found: std::collections::VecDeque<(usize, usize)>,
    /// The next anchor match (start, end), found but not parsed yet.
    pending: Option<(usize, usize)>,
}

/// Longer than any date expression: a mention that overlaps a range has
/// its anchor within this many bytes before the range.
const WINDOW: usize = 160;

impl<'a> DateFilter<'a> {
    pub fn new(body: &'a str) -> Self {
        DateFilter {
            body,
            pos: 0,
            floor: 0,
            found: std::collections::VecDeque::new(),
            pending: None,
        }
    }

    pub fn overlaps(&mut self, start: usize, end: usize) -> bool {
        let body = self.body;
        let mut from = start.saturating_sub(WINDOW).min(body.len());
        while !body.is_char_boundary(from) {
            from -= 1;
        }
        if from > self.pos {
            self.pos = from;
            self.floor = self.floor.max(from);
            self.pending = self.pending.filter(|&(s, _)| s >= from);
        }
        // Ranges come in increasing order and mentions in text order: one
        // that ends a window before this range is done with. Without this,
        // a long run of dates and figures kept every date and each test
        // read them all.
        while self.found.front().is_some_and(|&(_, e)| e <= from) {
            self.found.pop_front();
        }
        while self.pos < end.min(body.len()) {
            let (ms, me) = match self.pending {
                Some(m) => m,
                None => match find_anchor(body, self.pos) {
                    Some(m) => m,
                    None => {
                        self.pos = body.len();
                        break;
                    }
                },
            };
            if anchor_start(body, ms) >= end {
                self.pending = Some((ms, me));
                break;
            }
            self.pending = None;
            self.pos = me;
            if let Some(f) = found_at(body, ms, self.floor) {
                self.floor = f.end;
                self.found.push_back((f.start, f.end));
            }
        }
        self.found.iter().any(|&(s, e)| s < end && start < e)
    }
}

// ---------------------------------------------------------------------------
// The scan: anchors found by one compiled pattern, parsed where they stand.

/// Where a date expression can be anchored: a digit or a temporal word at
/// the start of a word (the class before it stands for a word boundary;
/// Unicode `\b` would force the slow engine). Prefixes are enough: the
/// whole word is read and checked by [`keyword`].
/// Words that can start a date: digits, months, weekdays, relative
/// words, seasons, "il y a". Found with one Aho-Corasick pass (ASCII case
/// folded, with the accented capitals spelled out), which is several times
/// faster on French text than a Unicode regex.
static ANCHOR_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
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
fn find_anchor(body: &str, from: usize) -> Option<(usize, usize)> {
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
struct Found {
    start: usize,
    end: usize,
    what: What,
    /// A weekday written before a day ("mercredi 13 septembre 2023").
    weekday: Option<Weekday>,
    /// Introduced by "depuis".
    since: bool,
}

fn scan(body: &str) -> Vec<Found> {
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
fn anchor_start(body: &str, m: usize) -> usize {
    match body[m..].chars().next() {
        Some(c) if !c.is_alphanumeric() => m + c.len_utf8(),
        _ => m,
    }
}

/// The mention anchored at the pattern match starting at `m`, if it starts
/// a word and is a date that starts at or after `floor`.
fn found_at(body: &str, m: usize, floor: usize) -> Option<Found> {
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

fn parse_at(s: &str, t: Tok, floor: usize) -> Option<Found> {
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
enum Rel {
    Plain,
    Last,
    Next,
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
enum AgoUnit {
    Day,
    Week,
    Month,
    Year,
}

/// One end of a day range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Md {
    y: Option<i32>,
    m: u32,
    d: u32,
    wd: Option<Weekday>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
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
    fn form(&self) -> DateForm {
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

    fn partial(&self) -> PartialDate {
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

    fn shape(&self) -> Shape {
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

    fn weekday_conflict(&self) -> Option<Weekday> {
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

    /// A weekday written with a day whose year the text leaves out ("mercredi
    /// 12 octobre"), checked against the year the date was resolved to (from
    /// the publication date or an earlier date): the written weekday, when
    /// the resolved day falls on another one.
    fn resolved_weekday_conflict(&self, value: &DateSpan) -> Option<Weekday> {
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
    fn in_year_after(&self, year: i32, month: u32) -> Option<DateSpan> {
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
            _ => None,
        }
    }

    fn resolve(&self, publication: Option<Publication>) -> (Option<DateSpan>, Anchor) {
        if !needs_publication(&self.what) {
            return (absolute_value(&self.what), Anchor::Absolute);
        }
        match publication.and_then(|p| Some((relative_value(&self.what, p.date)?, p.anchor))) {
            Some((v, anchor)) => (Some(v), anchor),
            None => (None, Anchor::Unresolved),
        }
    }
}

fn needs_publication(w: &What) -> bool {
    match w {
        What::Day { y, .. } | What::Month { y, .. } | What::Season { y, .. } => y.is_none(),
        What::DayRange { b, .. } => b.y.is_none(),
        What::Year { .. } | What::Decade { .. } | What::YearRange { .. } => false,
        What::Weekday { .. }
        | What::DayOffset(_)
        | What::Week(_)
        | What::MonthOffset(_)
        | What::YearOffset { .. }
        | What::Ago { .. } => true,
    }
}

// ---------------------------------------------------------------------------
// Values.

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn span(first: NaiveDate, last: NaiveDate, granularity: Granularity) -> Option<DateSpan> {
    (first <= last).then_some(DateSpan {
        first,
        last,
        granularity,
    })
}

fn day_span(d: NaiveDate) -> Option<DateSpan> {
    span(d, d, Granularity::Day)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 {
        (y.checked_add(1)?, 1)
    } else {
        (y, m + 1)
    };
    ymd(ny, nm, 1)?.pred_opt()
}

/// Days in month `m`; February has 29 when the year is unknown.
fn days_in_month(m: u32, y: Option<i32>) -> u32 {
    last_of_month(y.unwrap_or(2000), m).map_or(0, |d| d.day())
}

fn month_span(y: i32, m: u32, part: Option<Part>) -> Option<DateSpan> {
    let last = last_of_month(y, m)?;
    match part {
        None => span(ymd(y, m, 1)?, last, Granularity::Month),
        Some(Part::Debut) => span(ymd(y, m, 1)?, ymd(y, m, 10)?, Granularity::Week),
        Some(Part::Mi) => span(ymd(y, m, 11)?, ymd(y, m, 20)?, Granularity::Week),
        Some(Part::Fin) => span(ymd(y, m, 21)?, last, Granularity::Week),
    }
}

fn year_span(y: i32, part: Option<Part>) -> Option<DateSpan> {
    match part {
        None => span(ymd(y, 1, 1)?, ymd(y, 12, 31)?, Granularity::Year),
        Some(Part::Debut) => span(ymd(y, 1, 1)?, ymd(y, 3, 31)?, Granularity::Season),
        Some(Part::Mi) => span(ymd(y, 5, 1)?, ymd(y, 8, 31)?, Granularity::Season),
        Some(Part::Fin) => span(ymd(y, 10, 1)?, ymd(y, 12, 31)?, Granularity::Season),
    }
}

fn season_span(s: Season, y: i32) -> Option<DateSpan> {
    let (first, last) = match s {
        Season::Printemps => (ymd(y, 3, 20)?, ymd(y, 6, 20)?),
        Season::Ete => (ymd(y, 6, 21)?, ymd(y, 9, 22)?),
        Season::Automne => (ymd(y, 9, 23)?, ymd(y, 12, 20)?),
        Season::Hiver => (ymd(y, 12, 21)?, ymd(y.checked_add(1)?, 3, 19)?),
    };
    span(first, last, Granularity::Season)
}

fn decade_span(y: i32, part: Option<Part>) -> Option<DateSpan> {
    let (a, b) = match part {
        None => (0, 9),
        Some(Part::Debut) => (0, 3),
        Some(Part::Mi) => (3, 6),
        Some(Part::Fin) => (7, 9),
    };
    span(ymd(y + a, 1, 1)?, ymd(y + b, 12, 31)?, Granularity::Decade)
}

fn absolute_value(w: &What) -> Option<DateSpan> {
    match *w {
        What::Day {
            y: Some(y), m, d, ..
        } => day_span(ymd(y, m, d)?),
        What::Month {
            y: Some(y),
            m,
            part,
            ..
        } => month_span(y, m, part),
        What::Year { y, part } => year_span(y, part),
        What::Season { s, y: Some(y), .. } => season_span(s, y),
        What::Decade { y, part } => decade_span(y, part),
        What::DayRange { a, b } => {
            span(ymd(a.y?, a.m, a.d)?, ymd(b.y?, b.m, b.d)?, Granularity::Day)
        }
        What::YearRange { a, b } => span(ymd(a, 1, 1)?, ymd(b, 12, 31)?, Granularity::Year),
        _ => None,
    }
}

/// How far back a day or month without a year may be before the one
/// coming soon after the publication is preferred (an announcement).
const FAR_BACK_DAYS: i64 = 304;
const SOON_AFTER_DAYS: i64 = 61;

/// The day `d` of month `m` meant by an article published on `p`.
fn resolve_md(m: u32, d: u32, p: NaiveDate, rel: Rel) -> Option<NaiveDate> {
    let y = p.year();
    match rel {
        Rel::Plain => {
            let back = (0..9).filter_map(|k| ymd(y - k, m, d)).find(|&c| c <= p)?;
            if (p - back).num_days() > FAR_BACK_DAYS
                && let Some(ahead) = ymd(y, m, d)
                && ahead > p
                && (ahead - p).num_days() <= SOON_AFTER_DAYS
            {
                return Some(ahead);
            }
            Some(back)
        }
        Rel::Last => (0..9).filter_map(|k| ymd(y - k, m, d)).find(|&c| c < p),
        Rel::Next => (0..9).filter_map(|k| ymd(y + k, m, d)).find(|&c| c > p),
    }
}

/// The year of month `m` meant by an article published on `p`.
fn resolve_month(m: u32, p: NaiveDate, rel: Rel) -> Option<i32> {
    let y = p.year();
    Some(match rel {
        Rel::Plain => {
            let back = if m <= p.month() { y } else { y - 1 };
            if (p - ymd(back, m, 1)?).num_days() > FAR_BACK_DAYS
                && let Some(ahead) = ymd(y, m, 1)
                && ahead > p
                && (ahead - p).num_days() <= SOON_AFTER_DAYS
            {
                y
            } else {
                back
            }
        }
        Rel::Last => {
            if m < p.month() {
                y
            } else {
                y - 1
            }
        }
        Rel::Next => {
            if m > p.month() {
                y
            } else {
                y + 1
            }
        }
    })
}

fn relative_value(w: &What, p: NaiveDate) -> Option<DateSpan> {
    let y = p.year();
    match *w {
        What::Day { y: None, m, d, rel } => day_span(resolve_md(m, d, p, rel)?),
        What::Month {
            y: None,
            m,
            rel,
            part,
        } => month_span(resolve_month(m, p, rel)?, m, part),
        What::Season {
            s, y: None, rel, ..
        } => {
            let candidates = (-2..=2).filter_map(|k| season_span(s, y + k));
            match rel {
                Rel::Last => candidates.rev().find(|c| c.last < p),
                Rel::Next => candidates.filter(|c| c.first > p).min_by_key(|c| c.first),
                Rel::Plain => {
                    let mut all: Vec<DateSpan> = candidates.collect();
                    all.sort_by_key(|c| c.first);
                    all.iter()
                        .find(|c| c.first <= p && p <= c.last)
                        .or_else(|| all.iter().find(|c| c.first.year() == y))
                        .copied()
                }
            }
        }
        What::Weekday { w, d: None, rel } => {
            let back =
                i64::from((7 + p.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7);
            let ahead = (7 - back) % 7;
            day_span(match rel {
                Rel::Plain => add_days(p, -back)?,
                Rel::Last => add_days(p, -(if back == 0 { 7 } else { back }))?,
                Rel::Next => add_days(p, if ahead == 0 { 7 } else { ahead })?,
            })
        }
        What::Weekday { w, d: Some(d), rel } => {
            // The nearest month whose day `d` falls on `w`.
            let first = ymd(y, p.month(), 1)?;
            let months = |k: i32| -> Option<NaiveDate> {
                let f = if k >= 0 {
                    first.checked_add_months(Months::new(k.unsigned_abs()))?
                } else {
                    first.checked_sub_months(Months::new(k.unsigned_abs()))?
                };
                ymd(f.year(), f.month(), d).filter(|c| c.weekday() == w)
            };
            let found = match rel {
                Rel::Plain => (-40..=0).rev().filter_map(months).find(|&c| c <= p),
                Rel::Last => (-40..=0).rev().filter_map(months).find(|&c| c < p),
                Rel::Next => (0..=40).filter_map(months).find(|&c| c > p),
            };
            day_span(found?)
        }
        What::DayOffset(n) => day_span(add_days(p, n)?),
        What::Week(delta) => {
            let monday = add_days(p, -i64::from(p.weekday().num_days_from_monday()))?;
            let first = add_days(monday, 7 * delta)?;
            span(first, add_days(first, 6)?, Granularity::Week)
        }
        What::MonthOffset(delta) => {
            let first = ymd(y, p.month(), 1)?;
            let f = if delta >= 0 {
                first.checked_add_months(Months::new(delta.unsigned_abs()))?
            } else {
                first.checked_sub_months(Months::new(delta.unsigned_abs()))?
            };
            month_span(f.year(), f.month(), None)
        }
        What::YearOffset { delta, part } => year_span(y.checked_add(delta)?, part),
        What::Ago { n, unit } => match unit {
            AgoUnit::Day => day_span(add_days(p, -i64::from(n))?),
            AgoUnit::Week => {
                let c = add_days(p, -7 * i64::from(n))?;
                span(add_days(c, -3)?, add_days(c, 3)?, Granularity::Week)
            }
            AgoUnit::Month => {
                let c = p.checked_sub_months(Months::new(n))?;
                span(add_days(c, -15)?, add_days(c, 15)?, Granularity::Month)
            }
            AgoUnit::Year => {
                let c = p.checked_sub_months(Months::new(n.checked_mul(12)?))?;
                span(
                    c.checked_sub_months(Months::new(6))?,
                    c.checked_add_months(Months::new(6))?,
                    Granularity::Year,
                )
            }
        },
        What::DayRange { a, b } => {
            let y2 = match b.y {
                Some(y2) => y2,
                None => resolve_md(b.m, b.d, p, Rel::Plain)?.year(),
            };
            let y1 =
                a.y.unwrap_or(if (a.m, a.d) > (b.m, b.d) { y2 - 1 } else { y2 });
            span(ymd(y1, a.m, a.d)?, ymd(y2, b.m, b.d)?, Granularity::Day)
        }
        _ => absolute_value(w),
    }
}

// ---------------------------------------------------------------------------
// Tokens, read on demand forward and backward from an anchor. Shared with
// the figure extractor.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum K {
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

const FOLD: usize = 24;
const NO_FOLD: u8 = u8::MAX;

/// A token of the text: a word (letters), a run of ASCII digits or one
/// punctuation character. Words carry their folded form (lower case, no
/// accents) when it is short and plain enough to be a keyword.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub k: K,
    pub start: usize,
    pub end: usize,
    /// Digits: their value (saturating).
    pub val: u64,
    /// Words: the first letter is upper case.
    pub upper: bool,
    /// Punctuation: the character.
    pub ch: char,
    fold: [u8; FOLD],
    flen: u8,
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

enum Folded {
    One(u8),
    Two(u8, u8),
    Skip,
    Other,
}

fn fold_char(c: char) -> Folded {
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
pub(super) fn fold(s: &str) -> String {
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

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Skips spaces inside a line: space, tab, no-break spaces (U+00A0,
/// U+202F) and the thin and figure spaces (U+2007–U+200A).
fn skip_space(b: &[u8], mut i: usize) -> usize {
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

fn skip_space_back(b: &[u8], mut i: usize) -> usize {
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
fn word_tok(s: &str, start: usize, limit: usize) -> Tok {
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
fn tok_at(s: &str, i: usize, c: char, limit: usize) -> Tok {
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
pub(super) fn next_tok(s: &str, i: usize) -> Option<Tok> {
    let i = skip_space(s.as_bytes(), i);
    let c = s.get(i..)?.chars().next()?;
    Some(tok_at(s, i, c, s.len()))
}

/// The token before position `i` (spaces skipped).
pub(super) fn prev_tok(s: &str, i: usize) -> Option<Tok> {
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
pub(super) fn glued(s: &str, t: &Tok) -> Option<Tok> {
    glued_at(s, t.end)
}

/// The token starting exactly at `pos`.
pub(super) fn glued_at(s: &str, pos: usize) -> Option<Tok> {
    let c = s.get(pos..)?.chars().next()?;
    Some(tok_at(s, pos, c, s.len()))
}

/// Whether position `i` starts a sentence, a line or a quotation: what
/// lets a capital letter be an ordinary word rather than a name.
pub(super) fn sentence_start(s: &str, i: usize) -> bool {
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
pub(super) struct Back<'a> {
    s: &'a str,
    floor: usize,
    t: [Cell<Tok>; 8],
    /// How many tokens are read.
    n: Cell<usize>,
    /// Whether there is no token left to read.
    done: Cell<bool>,
    /// Where reading resumes.
    pos: Cell<usize>,
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
fn matches_tok(s: &str, t: &Tok, p: &str) -> bool {
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
enum Kw {
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

fn keyword(w: &str) -> Option<Kw> {
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

fn rel_word(t: &Tok) -> Option<Rel> {
    match t.w() {
        "dernier" | "derniere" | "passe" | "passee" if t.k == K::Word => Some(Rel::Last),
        "prochain" | "prochaine" if t.k == K::Word => Some(Rel::Next),
        _ => None,
    }
}

/// Years are read between 1800 and 2100.
fn year_value(v: u64) -> Option<i32> {
    (1800..=2100).contains(&v).then_some(v as i32)
}

/// How a preposition before a year, month, season... counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// "depuis", "d'ici", "jusqu'en", "avant", "après", "à partir de": a
    /// bound of a period, not the date of an event.
    Since,
    /// Makes a date of what follows, part of the mention.
    Strong,
    /// "de", "d'": makes a date of a bare year or month only.
    Weak,
}

const LEADS: &[(&[&str], Lead)] = &[
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
const APPROXIMATE: &[(&[&str], ())] = &[
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
fn lead(s: &str, back: &Back, from: usize, default: usize, weak_ok: bool) -> (usize, Option<Lead>) {
    match back.longest(s, from, LEADS) {
        Some((Lead::Weak, _)) if !weak_ok => (default, None),
        Some((kind, len)) => (back.start_of(from, len, default), Some(kind)),
        None => (default, None),
    }
}

type Pattern = &'static [&'static str];

/// Patterns built once, at first use, and kept for the program's life.
fn leak(words: Vec<&'static str>) -> Pattern {
    Box::leak(words.into_boxed_slice())
}

fn part_patterns(connectors: &[Pattern]) -> Vec<(Pattern, Part)> {
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
static YEAR_PARTS: LazyLock<Vec<(Pattern, Part)>> =
    LazyLock::new(|| part_patterns(&[&[], &["de"], &["d", "'"]]));

/// Before a month: parts, or "au mois de" (no part).
static MONTH_QUALS: LazyLock<Vec<(Pattern, Option<Part>)>> = LazyLock::new(|| {
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
fn num_left_ok(s: &str, t: &Tok) -> bool {
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
fn day_number(s: &str, t: &Tok) -> Option<(u32, usize)> {
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
const COUNT_UNITS: &[&str] = &[
    "km", "m", "kg", "g", "t", "ha", "mm", "cm", "l", "mw", "kw", "gw", "kwh", "mwh", "gwh", "twh",
    "md", "mds", "mn", "min", "h",
];

/// Words ending in s or x that may follow a year ("en 2019 dans...");
/// other such words are plural nouns counted by the number before them.
pub(super) const NOT_NOUNS: &[&str] = &[
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
fn year_follow_ok(s: &str, t: &Tok, depth: u32, ranges: bool) -> bool {
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
fn year_after(s: &str, pos: usize) -> Option<(i32, usize)> {
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
fn year_after_checked(s: &str, pos: usize) -> Option<(i32, usize)> {
    let (y, end) = year_after(s, pos)?;
    let t = next_tok(s, pos)?;
    year_follow_ok(s, &t, 0, true).then_some((y, end))
}

/// "13/09/2023", "13.09.2023", "13-09-2023", "2023-09-13".
fn numeric_ymd(s: &str, t: &Tok) -> Option<(i32, u32, u32, usize)> {
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
const DAY_LEADS: &[(&[&str], bool)] = &[
    (&["ce"], false),
    (&["depuis"], true),
    (&["depuis", "le"], true),
    (&["depuis", "ce"], true),
];

fn day_lead(s: &str, back: &Back, default: usize) -> (usize, bool) {
    match back.longest(s, 0, DAY_LEADS) {
        Some((since, len)) => (back.start_of(0, len, default), since),
        None => (default, false),
    }
}

fn num_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
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
struct Point {
    wd: Option<Weekday>,
    d: u32,
    m: Option<u32>,
    y: Option<i32>,
    end: usize,
}

fn point(s: &str, t: Tok) -> Option<Point> {
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
enum Conn {
    Dash,
    Au,
    Et,
}

/// A day expression starting at `first` (a day number or a weekday):
/// "19 juin 2024", "mercredi 13 septembre 2023", "ce 18 juin", "18-19
/// juin", "du 18 au 19 juin 2024", "entre le 18 et le 19 juin 2024".
fn day_expr(s: &str, first: Tok, floor: usize) -> Option<Found> {
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

fn range_of(p1: Point, p2: Point) -> Option<What> {
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
fn year_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
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

fn month_core(s: &str, t: Tok, m: u32, floor: usize) -> Option<Found> {
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

/// Before a weekday alone: a habit or an indefinite day, not a date.
const HABITUAL: &[(&[&str], ())] = &[
    (&["chaque"], ()),
    (&["tous", "les"], ()),
    (&["les"], ()),
    (&["un"], ()),
    (&["le"], ()),
    (&["au"], ()),
];

const WEEKDAY_LEADS: &[(&[&str], bool)] = &[
    (&["ce"], false),
    (&["dès"], false),
    (&["depuis"], true),
    (&["depuis", "ce"], true),
];

/// Whether a day number is followed by an hour ("mercredi 18 heures").
fn time_after(s: &str, pos: usize) -> bool {
    next_tok(s, pos)
        .is_some_and(|n| n.is("h") || n.is("heure") || n.is("heures") || n.k == K::Colon)
}

fn weekday_core(s: &str, t: Tok, w: Weekday, floor: usize) -> Option<Found> {
    if t.upper && !sentence_start(s, t.start) {
        // "Robinson et Vendredi", "Mercredi Addams"
        return None;
    }
    let next = next_tok(s, t.end);
    let back = Back::new(s, t.start, floor);
    let (start, since) = match back.longest(s, 0, WEEKDAY_LEADS) {
        Some((since, len)) => (back.start_of(0, len, t.start), since),
        None => (t.start, false),
    };
    if let Some(n) = next
        && n.k == K::Num
        && num_left_ok(s, &n)
    {
        if let Some((y, m, d, end)) = numeric_ymd(s, &n) {
            return Some(Found {
                start,
                end,
                what: What::Day {
                    y: Some(y),
                    m,
                    d,
                    rel: Rel::Plain,
                },
                weekday: Some(w),
                since,
            });
        }
        if let Some(f) = day_expr(s, t, floor) {
            return Some(f);
        }
        if let Some((d, dend)) = day_number(s, &n)
            && !time_after(s, dend)
        {
            return Some(Found {
                start,
                end: dend,
                what: What::Weekday {
                    w,
                    d: Some(d),
                    rel: Rel::Plain,
                },
                weekday: None,
                since,
            });
        }
    }
    if let Some(n) = next
        && (n.is("saint") || n.is("gras") || n.is("au"))
    {
        // "vendredi saint", "mardi gras", "du lundi au vendredi"
        return None;
    }
    let mut end = t.end;
    let mut rel = Rel::Plain;
    if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        rel = r;
        end = n.end;
    } else if back.longest(s, 0, HABITUAL).is_some() {
        return None;
    }
    Some(Found {
        start,
        end,
        what: What::Weekday { w, d: None, rel },
        weekday: None,
        since,
    })
}

/// Leads before "hier", "demain", "aujourd'hui", "la semaine dernière"...
const REL_LEADS: &[(&[&str], bool)] = &[(&["depuis"], true), (&["dès"], false)];

fn rel_lead(s: &str, back: &Back, from: usize, default: usize) -> (usize, bool) {
    match back.longest(s, from, REL_LEADS) {
        Some((since, len)) => (back.start_of(from, len, default), since),
        None => (default, false),
    }
}

/// Set phrases where "hier", "demain", "aujourd'hui" are not dates: "le
/// monde d'hier", "encore aujourd'hui", "comme hier", "à demain".
const IDIOM_BEFORE: &[(&[&str], ())] = &[
    (&["d", "'"], ()),
    (&["de"], ()),
    (&["du"], ()),
    (&["comme"], ()),
    (&["qu", "'"], ()),
    (&["que"], ()),
    (&["encore"], ()),
    (&["à"], ()),
    (&["jusqu", "'", "a"], ()),
];

/// "aujourd'hui comme hier", "hier et aujourd'hui", "aujourd'hui encore":
/// the past and the present, not days.
fn idiom_around(s: &str, back: &Back, used: usize, end: usize, today: bool) -> bool {
    let linker = |x: &Tok| x.is("et") || x.is("comme") || x.is("ou");
    let other = |x: &Tok, forward: bool| {
        if today {
            x.is("hier") || x.is("demain")
        } else if forward {
            x.is("aujourd")
        } else {
            x.is("hui")
        }
    };
    let before = back.get(used).is_some_and(|x| linker(&x))
        && back.get(used + 1).is_some_and(|x| other(&x, false));
    // "aujourd'hui encore" is nowadays, "hier encore" a day
    let after = next_tok(s, end).is_some_and(|n| {
        today && n.is("encore") || linker(&n) && next_tok(s, n.end).is_some_and(|x| other(&x, true))
    });
    before || after
}

fn day_offset(
    s: &str,
    t: Tok,
    end: usize,
    floor: usize,
    compound: &[&str],
    far: i64,
    near: i64,
) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let (delta, used) = if back.ends_with(s, 0, compound) {
        (far, compound.len())
    } else {
        (near, 0)
    };
    if back.longest(s, used, IDIOM_BEFORE).is_some() || idiom_around(s, &back, used, end, near == 0)
    {
        return None;
    }
    let start = back.start_of(0, used, t.start);
    let (start, since) = rel_lead(s, &back, used, start);
    Some(Found {
        start,
        end,
        what: What::DayOffset(delta),
        weekday: None,
        since,
    })
}

fn hier_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    day_offset(s, t, t.end, floor, &["avant", "-"], -2, -1)
}

fn demain_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    day_offset(s, t, t.end, floor, &["apres", "-"], 2, 1)
}

fn aujourd_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let a = glued(s, &t)?;
    let h = glued(s, &a)?;
    if a.k != K::Apos || !h.is("hui") {
        return None;
    }
    // "today" opens a sentence or follows a past participle ("a annoncé
    // aujourd'hui"); after a verb in the present it is "nowadays" ("ces
    // héritages façonnent aujourd'hui les interactions").
    let dated = sentence_start(s, t.start)
        || prev_tok(s, t.start).is_some_and(|p| {
            let raw = s[p.start..p.end].to_lowercase();
            p.k == K::Word && (raw == "dès" || raw == "depuis" || looks_like_participle(&raw))
        });
    if !dated {
        return None;
    }
    day_offset(s, t, h.end, floor, &[], 0, 0)
}

/// A past participle: "annoncé", "arrivées", "parti", "venu", "dit".
fn looks_like_participle(word: &str) -> bool {
    const NOT: &[&str] = &[
        "plus", "nous", "vous", "tous", "sous", "lui", "qui", "ici", "aussi", "parmi", "jusqu",
        "ni", "si", "mais", "puis", "alors", "tu", "du", "lu", "ou",
    ];
    word.chars().count() > 2
        && !NOT.contains(&word)
        && [
            "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite",
            "its",
        ]
        .iter()
        .any(|end| word.ends_with(end))
}

fn semaine_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let next = next_tok(s, t.end);
    let (delta, end, used) = if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        let used = usize::from(back.ends_with(s, 0, &["la"]));
        (if r == Rel::Last { -1 } else { 1 }, n.end, used)
    } else if back.ends_with(s, 0, &["cette"]) && !next.is_some_and(|n| n.k == K::Hyphen) {
        (0, t.end, 1)
    } else {
        return None;
    };
    let (start, since) = rel_lead(s, &back, used, back.start_of(0, used, t.start));
    Some(Found {
        start,
        end,
        what: What::Week(delta),
        weekday: None,
        since,
    })
}

fn mois_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let next = next_tok(s, t.end);
    let (delta, end, used) = if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        let used = usize::from(back.ends_with(s, 0, &["le"]));
        (if r == Rel::Last { -1 } else { 1 }, n.end, used)
    } else if back.ends_with(s, 0, &["ce"]) {
        match next {
            // "ce mois de juin": the month's own mention
            Some(n) if n.is("de") || n.is("d") => return None,
            Some(n) if n.k == K::Hyphen => {
                let ci = next_tok(s, n.end)?;
                if !ci.is("ci") {
                    return None;
                }
                (0, ci.end, 1)
            }
            _ => (0, t.end, 1),
        }
    } else {
        return None;
    };
    let (start, since) = rel_lead(s, &back, used, back.start_of(0, used, t.start));
    Some(Found {
        start,
        end,
        what: What::MonthOffset(delta),
        weekday: None,
        since,
    })
}

/// "l'année 2019", "l'année dernière", "l'an dernier", "cette année", "à
/// la fin de l'année dernière", "fin de l'année 2023".
fn annee_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let is_an = t.is("an");
    let back = Back::new(s, t.start, floor);
    let (article, this) = if back.ends_with(s, 0, &["l", "'"]) {
        (2, false)
    } else if !is_an && back.ends_with(s, 0, &["cette"]) {
        (1, true)
    } else {
        (0, false)
    };
    if is_an && article == 0 {
        return None;
    }
    let next = next_tok(s, t.end);
    // (a year written, or an offset from the publication's), and the end
    let (year, offset, end) = if !this && let Some((y, ye)) = year_after_checked(s, t.end) {
        (Some(y), 0, ye)
    } else if !this
        && let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        (None, if r == Rel::Last { -1 } else { 1 }, n.end)
    } else if this && !next.is_some_and(|n| n.k == K::Hyphen) {
        (None, 0, t.end)
    } else {
        return None;
    };
    let (part, plen) = back
        .longest(s, article, &YEAR_PARTS)
        .map_or((None, 0), |(p, l)| (Some(p), l));
    let start = back.start_of(0, article + plen, t.start);
    let (start, kind) = lead(s, &back, article + plen, start, false);
    Some(Found {
        start,
        end,
        what: match year {
            Some(y) => What::Year { y, part },
            None => What::YearOffset {
                delta: offset,
                part,
            },
        },
        weekday: None,
        since: kind == Some(Lead::Since),
    })
}

/// What the words before "années" say: (part, whether they belong to the
/// mention, since).
type DecadeQual = (Option<Part>, bool, bool);

const DECADE_QUALS: &[(&[&str], DecadeQual)] = &[
    (&["les"], (None, false, false)),
    (&["des"], (None, false, false)),
    (&["dans", "les"], (None, true, false)),
    (&["pendant", "les"], (None, true, false)),
    (&["durant", "les"], (None, true, false)),
    (&["au", "cours", "des"], (None, true, false)),
    (&["depuis", "les"], (None, true, true)),
    (&["au", "debut", "des"], (Some(Part::Debut), true, false)),
    (&["debut", "des"], (Some(Part::Debut), true, false)),
    (&["a", "la", "fin", "des"], (Some(Part::Fin), true, false)),
    (&["fin", "des"], (Some(Part::Fin), true, false)),
    (&["au", "milieu", "des"], (Some(Part::Mi), true, false)),
    (&["milieu", "des"], (Some(Part::Mi), true, false)),
];

fn annees_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let n = next_tok(s, t.end)?;
    if n.k != K::Num
        || n.val % 10 != 0
        || glued(s, &n).is_some_and(|g| matches!(g.k, K::Word | K::Num))
    {
        return None;
    }
    let y = match n.len() {
        4 => year_value(n.val).filter(|&y| y <= 2090)?,
        2 if n.val >= 10 => 1900 + n.val as i32,
        _ => return None,
    };
    let back = Back::new(s, t.start, floor);
    let (part, start, since) = match back.longest(s, 0, DECADE_QUALS) {
        Some(((part, true, since), len)) => (part, back.start_of(0, len, t.start), since),
        _ => (None, t.start, false),
    };
    Some(Found {
        start,
        end: n.end,
        what: What::Decade { y, part },
        weekday: None,
        since,
    })
}

/// Before a season: its article (all of it belongs to the mention).
const SEASON_ARTICLES: &[(&[&str], ())] = &[
    (&["l", "'"], ()),
    (&["a", "l", "'"], ()),
    (&["au"], ()),
    (&["en"], ()),
    (&["cet"], ()),
    (&["ce"], ()),
];

/// "a été": the past participle, not the season.
const AUXILIARIES: &[&str] = &[
    "a", "as", "ai", "ont", "avait", "avaient", "avais", "aura", "auront", "aurait", "auraient",
    "ayant", "avoir", "avons", "avez", "eut", "ait", "aient", "aurais", "auriez", "aurions",
    "avions", "aviez", "eu", "aie", "jamais", "pas", "deja", "toujours", "souvent", "peut",
    "aurai", "auras",
];

fn season_core(s: &str, t: Tok, se: Season, floor: usize) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let next = next_tok(s, t.end);
    let article = back.longest(s, 0, SEASON_ARTICLES).map_or(0, |(_, l)| l);
    let this = back.ends_with(s, 0, &["cet"]) || back.ends_with(s, 0, &["ce"]);
    // "à l'automne", "au printemps", "dès l'automne": the season of the
    // publication's year ("en été", "l'été" alone are too often general)
    let partial = !this
        && (back.ends_with(s, 0, &["a", "l", "'"])
            || back.ends_with(s, 0, &["au"])
            || back.ends_with(s, 0, &["l", "'"])
                && matches!(
                    lead(s, &back, 2, 0, false).1,
                    Some(Lead::Strong | Lead::Since)
                ))
        && !next
            .is_some_and(|n| n.is("arabe") || n.is("de") || n.is("du") || n.is("des") || n.is("d"));
    let (y, rel, mut end) = if let Some((y, ye)) = year_after_checked(s, t.end) {
        (Some(y), Rel::Plain, ye)
    } else if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        (None, r, n.end)
    } else if this || partial {
        (None, Rel::Plain, t.end)
    } else {
        return None;
    };
    if let Some(y) = y
        && se == Season::Hiver
        && let Some(h) = next_tok(s, end)
        && matches!(h.k, K::Hyphen | K::Dash | K::Slash)
        && let Some((y2, ye2)) = year_after(s, h.end)
        && y2 == y + 1
    {
        end = ye2;
    }
    if article == 0
        && se == Season::Ete
        && back
            .get(0)
            .is_some_and(|p| AUXILIARIES.contains(&p.w()) || p.k == K::Apos)
    {
        // "a été 2024 fois", "n'a été"
        return None;
    }
    let start = back.start_of(0, article, t.start);
    let (start, kind) = lead(s, &back, article, start, false);
    Some(Found {
        start,
        end,
        what: What::Season {
            s: se,
            y,
            rel,
            this,
        },
        weekday: None,
        since: kind == Some(Lead::Since),
    })
}

/// "il y a deux ans", "il y a 3 jours", "il y a près de 70 ans".
fn ago_core(s: &str, t: Tok) -> Option<Found> {
    let y = next_tok(s, t.end).filter(|x| x.is("y"))?;
    let a = next_tok(s, y.end).filter(|x| x.is("a"))?;
    let mut n = next_tok(s, a.end)?;
    for _ in 0..2 {
        let skip = match n.w() {
            "plus" | "pres" | "moins" => {
                let de = next_tok(s, n.end)?;
                if de.is("de") {
                    Some(de.end)
                } else if de.is("d") {
                    glued(s, &de).filter(|x| x.k == K::Apos).map(|x| x.end)
                } else {
                    None
                }
            }
            "environ" | "presque" | "quelque" => Some(n.end),
            "au" => next_tok(s, n.end).filter(|x| x.is("moins")).map(|x| x.end),
            _ => None,
        };
        match skip {
            Some(e) => n = next_tok(s, e)?,
            None => break,
        }
    }
    let (count, after) = match n.k {
        K::Num if n.len() <= 4 && glued(s, &n).is_none_or(|g| g.k != K::Word) => (n.val, n.end),
        K::Word => {
            let (v, e) = super::numbers::word_number(s, n, true)?;
            (v, e)
        }
        _ => return None,
    };
    let count = u32::try_from(count).ok().filter(|&c| c >= 1)?;
    let u = next_tok(s, after)?;
    let unit = match u.w() {
        "jour" | "jours" => AgoUnit::Day,
        "semaine" | "semaines" => AgoUnit::Week,
        "mois" => AgoUnit::Month,
        "an" | "ans" | "annee" | "annees" => AgoUnit::Year,
        _ => return None,
    };
    Some(Found {
        start: t.start,
        end: u.end,
        what: What::Ago { n: count, unit },
        weekday: None,
        since: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn all(text: &str, publication: Option<NaiveDate>) -> Vec<DateMention> {
        let lines = LineIndex::new(text);
        extract(
            text,
            0,
            text,
            &lines,
            publication.map(Publication::metadata),
        )
    }

    fn texts(text: &str) -> Vec<String> {
        all(text, None).into_iter().map(|m| m.text).collect()
    }

    fn one_at(text: &str, publication: Option<NaiveDate>) -> DateMention {
        let found = all(text, publication);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        found.into_iter().next().unwrap()
    }

    fn one(text: &str) -> DateMention {
        one_at(text, None)
    }

    fn value(m: &DateMention) -> (NaiveDate, NaiveDate, Granularity) {
        let v = m.value.unwrap_or_else(|| panic!("no value: {m:#?}"));
        (v.first, v.last, v.granularity)
    }

    fn days(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate, Granularity) {
        (first, last, Granularity::Day)
    }

    fn day(x: NaiveDate) -> (NaiveDate, NaiveDate, Granularity) {
        (x, x, Granularity::Day)
    }

    const P: Option<NaiveDate> = NaiveDate::from_ymd_opt(2024, 6, 20); // a Thursday

    // ----- absolute -----

    #[test]
    fn full_date() {
        let m = one("Le 19 juin 2024, Poutine a signé.");
        assert_eq!(m.text, "19 juin 2024");
        assert_eq!(m.form, DateForm::Absolute);
        assert_eq!(m.anchor, Anchor::Absolute);
        assert_eq!(value(&m), day(d(2024, 6, 19)));
        assert_eq!(
            m.partial,
            PartialDate {
                year: Some(2024),
                month: Some(6),
                day: Some(19),
                weekday: None
            }
        );
        assert_eq!(m.weekday_conflict, None);
    }

    #[test]
    fn first_of_the_month() {
        assert_eq!(value(&one("le 1er septembre 2025")), day(d(2025, 9, 1)));
        assert_eq!(one("le 1er septembre 2025").text, "1er septembre 2025");
        assert_eq!(
            value(&one("le 1\u{1d49}\u{2b3} janvier 2024")),
            day(d(2024, 1, 1))
        );
    }

    #[test]
    fn numeric_dates_are_day_month_year() {
        for text in ["13/09/2023", "13.09.2023", "13-09-2023", "2023-09-13"] {
            let m = one(&format!("signé le {text}."));
            assert_eq!(m.text, text);
            assert_eq!(m.form, DateForm::Absolute);
            assert_eq!(value(&m), day(d(2023, 9, 13)), "{text}");
        }
        assert!(texts("le 31/02/2023, le 13/13/2023, v1.2.2023, 12/09/20234").is_empty());
    }

    /// Issue 12: "mercredi 12 octobre" in an article of October 2023 (a
    /// Thursday then) passed, as only dates written with their year were
    /// checked.
    #[test]
    fn weekday_of_a_date_whose_year_the_publication_gives() {
        let at = |text: &str, y, m, day| one_at(text, Some(d(y, m, day)));
        let wrong = at("réunion mercredi 12 octobre", 2023, 10, 20);
        assert_eq!(value(&wrong), day(d(2023, 10, 12)));
        assert_eq!(wrong.weekday_conflict, Some(Weekday::Wed));
        assert_eq!(
            at("réunion jeudi 12 octobre", 2023, 10, 20).weekday_conflict,
            None
        );
        // Without a publication date the year is unknown: nothing to check.
        assert_eq!(one("réunion mercredi 12 octobre").weekday_conflict, None);
        // A range: each weekday against its own day.
        let range = at("les mardi 18 et mercredi 19 juin", 2024, 6, 21);
        assert_eq!(range.weekday_conflict, None);
        let range = at("les mardi 18 et jeudi 19 juin", 2024, 6, 21);
        assert_eq!(range.weekday_conflict, Some(Weekday::Thu));
    }

    /// A weekday that does not fit the publication's year but fits the
    /// year the narrative just gave is that year's day, not a slip.
    #[test]
    fn a_weekday_that_fits_the_narrative_year_takes_it() {
        let text = "C'est le samedi 20 juillet 1969 que le module s'est posé. \
                    Il était 3 h 56, le lundi 21 juillet.";
        let found = all(text, Some(d(2019, 7, 20)));
        let monday = found.iter().find(|m| m.text == "lundi 21 juillet").unwrap();
        assert_eq!(value(monday), day(d(1969, 7, 21)));
        assert_eq!(monday.anchor, Anchor::EarlierDate);
        assert_eq!(monday.weekday_conflict, None);
        // A weekday that fits neither year stays a slip of the publication's.
        let text = "C'est le samedi 20 juillet 1969 que le module s'est posé. \
                    Il était 3 h 56, le mardi 21 juillet.";
        let found = all(text, Some(d(2019, 7, 20)));
        let tuesday = found.iter().find(|m| m.text == "mardi 21 juillet").unwrap();
        assert_eq!(value(tuesday), day(d(2019, 7, 21)));
        assert_eq!(tuesday.weekday_conflict, Some(Weekday::Tue));
        // The day may be the standfirst's, a paragraph before.
        let text = "Le 9 novembre 1989, le Mur est tombé.\n\nIl m'appelle vers 20 heures, ce jeudi 9 novembre.";
        let found = all(text, Some(d(2019, 11, 7)));
        let thursday = found
            .iter()
            .find(|m| m.text == "ce jeudi 9 novembre")
            .unwrap();
        assert_eq!(value(thursday), day(d(1989, 11, 9)));
        assert_eq!(thursday.weekday_conflict, None);
        // A year alone, or a day two paragraphs back, says nothing of it.
        for text in [
            "L'usine fut inaugurée en 1974. Les salariés partiront lundi 1er avril.",
            "Le 3 avril 1974, rien.\n\nRien.\n\nLes salariés partiront lundi 1er avril.",
        ] {
            let found = all(text, Some(d(2025, 3, 28)));
            let monday = found.iter().find(|m| m.text == "lundi 1er avril").unwrap();
            assert_eq!(value(monday), day(d(2025, 4, 1)), "{text}");
            assert_eq!(monday.weekday_conflict, Some(Weekday::Mon), "{text}");
        }
    }

    #[test]
    fn weekday_with_a_full_date() {
        let m = one("Kim est arrivé mercredi 13 septembre 2023 à Vostotchny.");
        assert_eq!(m.text, "mercredi 13 septembre 2023");
        assert_eq!(m.form, DateForm::Absolute);
        assert_eq!(m.partial.weekday, Some(Weekday::Wed));
        assert_eq!(m.weekday_conflict, None);
        assert_eq!(value(&m), day(d(2023, 9, 13)));
        let wrong = one("le mercredi 14 septembre 2023");
        assert_eq!(wrong.text, "mercredi 14 septembre 2023");
        assert_eq!(wrong.weekday_conflict, Some(Weekday::Wed));
        assert_eq!(value(&wrong), day(d(2023, 9, 14)));
        assert_eq!(one("Mercredi 13/09/2023").weekday_conflict, None);
    }

    #[test]
    fn month_and_year() {
        let m = one("En mars 2022, Pyongyang s'est opposé");
        assert_eq!(m.text, "En mars 2022");
        assert_eq!(m.form, DateForm::Absolute);
        assert_eq!(
            value(&m),
            (d(2022, 3, 1), d(2022, 3, 31), Granularity::Month)
        );
        assert_eq!(one("le conflit de février 2022").text, "février 2022");
        assert_eq!(one("mars 2022").text, "mars 2022");
        assert_eq!(value(&one("fin fevrier 2024")).1, d(2024, 2, 29));
    }

    #[test]
    fn years_need_a_word_that_makes_them_dates() {
        for (text, want, since) in [
            ("une entente instaurée en 1961 entre Kim", "en 1961", false),
            ("le traité de 1961 est", "de 1961", false),
            ("le traité (1961) est", "1961", false),
            ("— Dirigeant nord-coréen, Pékin, 2025\n", "2025", false),
            ("une première depuis 1953)", "depuis 1953", true),
            ("Depuis 2022, la guerre", "Depuis 2022", true),
            ("dès 2019 les", "dès 2019", false),
            ("jusqu'en 2025.", "jusqu'en 2025", true),
            ("jusqu’en 2025.", "jusqu’en 2025", true),
            ("avant 2019,", "avant 2019", true),
            ("après 2019.", "après 2019", true),
            ("l'an 2000", "l'an 2000", false),
            ("d'ici 2026, le réseau", "d'ici 2026", true),
        ] {
            let m = one(text);
            assert_eq!(m.text, want, "{text}");
            assert_eq!(
                m.form,
                if since {
                    DateForm::Bound
                } else {
                    DateForm::Absolute
                },
                "{text}"
            );
            let y = m.partial.year.unwrap();
            assert_eq!(
                value(&m),
                (d(y, 1, 1), d(y, 12, 31), Granularity::Year),
                "{text}"
            );
            assert_eq!(m.anchor, Anchor::Absolute);
        }
    }

    #[test]
    fn numbers_that_are_not_years() {
        for text in [
            "1 500 soldats",
            "1\u{202f}961 soldats",
            "2000 personnes sont mortes",
            "l'épidémie de Covid-19.",
            "le G20 de 2019 personnes",
            "l'article 4 du traité",
            "le 80e anniversaire",
            "le XXe siècle",
            "plus de 2000 soldats",
            "près de 1900 morts",
            "de 2000 à 3000 soldats",
            "depuis 2000 ans",
            "en 2000 exemplaires",
            "de 1900 km",
            "à 18 heures",
            "à 18h30",
            "18 h 30",
            "deux jours",
            "deux heures et demie",
            "en 2019,5 % des cas",
            "il avait 2019 ans",
            "2023",
            "la crise 2008 a",
            "de 2024.5",
        ] {
            assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
        }
    }

    #[test]
    fn year_ranges() {
        let m = one("la guerre de Corée (1950-1953) a");
        assert_eq!(m.text, "1950-1953");
        assert_eq!(m.form, DateForm::Range);
        assert_eq!(
            value(&m),
            (d(1950, 1, 1), d(1953, 12, 31), Granularity::Year)
        );
        assert_eq!(one("de 2019 à 2022,").text, "de 2019 à 2022");
        assert_eq!(one("entre 2019 et 2022,").text, "entre 2019 et 2022");
    }

    // ----- seasons, parts, decades -----

    #[test]
    fn seasons() {
        for (text, want, first, last) in [
            ("l'été 2024", "l'été 2024", d(2024, 6, 21), d(2024, 9, 22)),
            ("l’ete 2024", "l’ete 2024", d(2024, 6, 21), d(2024, 9, 22)),
            (
                "un été 2024 chaud",
                "été 2024",
                d(2024, 6, 21),
                d(2024, 9, 22),
            ),
            (
                "au printemps 2023",
                "au printemps 2023",
                d(2023, 3, 20),
                d(2023, 6, 20),
            ),
            (
                "à l'automne 2022",
                "à l'automne 2022",
                d(2022, 9, 23),
                d(2022, 12, 20),
            ),
            (
                "l'hiver 2022",
                "l'hiver 2022",
                d(2022, 12, 21),
                d(2023, 3, 19),
            ),
            (
                "l'hiver 2022-2023",
                "l'hiver 2022-2023",
                d(2022, 12, 21),
                d(2023, 3, 19),
            ),
        ] {
            let m = one(text);
            assert_eq!(m.text, want);
            assert_eq!(m.form, DateForm::Absolute);
            assert_eq!(value(&m), (first, last, Granularity::Season), "{text}");
        }
        let since = one("Depuis l’été 2024, ce territoire");
        assert_eq!(since.text, "Depuis l’été 2024");
        assert_eq!(since.form, DateForm::Bound);
        assert_eq!(value(&since).0, d(2024, 6, 21));
        assert!(texts("il a été 2024 fois, n'a été 2019").is_empty());
        assert!(texts("il a été élu. Un été chaud.").is_empty());
        let last = one_at("l'été dernier", P);
        assert_eq!(last.form, DateForm::Relative);
        assert_eq!(value(&last).0, d(2023, 6, 21));
        assert_eq!(
            value(&one_at("l'été dernier", Some(d(2024, 10, 1)))).0,
            d(2024, 6, 21)
        );
        assert_eq!(value(&one_at("cet été", P)).0, d(2024, 6, 21));
        assert_eq!(one("cet été").form, DateForm::Relative);
        let autumn = one_at("succéder à Stoltenberg à l'automne, depuis", P);
        assert_eq!(autumn.text, "à l'automne");
        assert_eq!(autumn.form, DateForm::Partial);
        assert_eq!(value(&autumn).0, d(2024, 9, 23));
        assert_eq!(one("au printemps").anchor, Anchor::Unresolved);
        assert_eq!(one("dès l'hiver").text, "dès l'hiver");
        assert!(texts("en été, l'été, au printemps arabe, à l'automne de sa vie").is_empty());
    }

    #[test]
    fn parts_of_years_and_months() {
        for (text, want, first, last, g) in [
            (
                "fin 2023",
                "fin 2023",
                d(2023, 10, 1),
                d(2023, 12, 31),
                Granularity::Season,
            ),
            (
                "à la fin de 2023",
                "à la fin de 2023",
                d(2023, 10, 1),
                d(2023, 12, 31),
                Granularity::Season,
            ),
            (
                "début 2024",
                "début 2024",
                d(2024, 1, 1),
                d(2024, 3, 31),
                Granularity::Season,
            ),
            (
                "au debut de l'année 2024",
                "au debut de l'année 2024",
                d(2024, 1, 1),
                d(2024, 3, 31),
                Granularity::Season,
            ),
            (
                "mi-2024",
                "mi-2024",
                d(2024, 5, 1),
                d(2024, 8, 31),
                Granularity::Season,
            ),
            (
                "à la mi-2024",
                "à la mi-2024",
                d(2024, 5, 1),
                d(2024, 8, 31),
                Granularity::Season,
            ),
            (
                "début mars 2024",
                "début mars 2024",
                d(2024, 3, 1),
                d(2024, 3, 10),
                Granularity::Week,
            ),
            (
                "mi-mars 2024",
                "mi-mars 2024",
                d(2024, 3, 11),
                d(2024, 3, 20),
                Granularity::Week,
            ),
            (
                "fin mars 2024",
                "fin mars 2024",
                d(2024, 3, 21),
                d(2024, 3, 31),
                Granularity::Week,
            ),
            (
                "à la fin du mois de mars 2024",
                "à la fin du mois de mars 2024",
                d(2024, 3, 21),
                d(2024, 3, 31),
                Granularity::Week,
            ),
        ] {
            let m = one(text);
            assert_eq!(m.text, want);
            assert_eq!(value(&m), (first, last, g), "{text}");
        }
        let partial = one_at("mi-mars", P);
        assert_eq!(partial.form, DateForm::Partial);
        assert_eq!(
            value(&partial),
            (d(2024, 3, 11), d(2024, 3, 20), Granularity::Week)
        );
        assert_eq!(one("fin mars").value, None);
        assert_eq!(one("fin mars").partial.month, Some(3));
    }

    #[test]
    fn decades() {
        let m = one("dans les années 1950, Kim");
        assert_eq!(m.text, "dans les années 1950");
        assert_eq!(m.form, DateForm::Absolute);
        assert_eq!(
            value(&m),
            (d(1950, 1, 1), d(1959, 12, 31), Granularity::Decade)
        );
        assert_eq!(one("les années 1950").text, "années 1950");
        assert_eq!(value(&one("les années 50")).0, d(1950, 1, 1));
        assert_eq!(
            value(&one("au début des années 1990")),
            (d(1990, 1, 1), d(1993, 12, 31), Granularity::Decade)
        );
        assert!(texts("ces dernières années, des années 1955").is_empty());
    }

    // ----- partial -----

    #[test]
    fn day_without_year() {
        let m = one("Poutine a entamé, ce 18 juin, une visite");
        assert_eq!(m.text, "ce 18 juin");
        assert_eq!(m.form, DateForm::Partial);
        assert_eq!(m.value, None);
        assert_eq!(m.anchor, Anchor::Unresolved);
        assert_eq!(
            m.partial,
            PartialDate {
                year: None,
                month: Some(6),
                day: Some(18),
                weekday: None
            }
        );
        let m = one_at("le 18 juin", P);
        assert_eq!(m.text, "18 juin");
        assert_eq!(m.anchor, Anchor::Publication);
        assert_eq!(value(&m), day(d(2024, 6, 18)));
        // the most recent 18 June...
        assert_eq!(
            value(&one_at("le 18 juin", Some(d(2024, 3, 1)))),
            day(d(2023, 6, 18))
        );
        assert_eq!(
            value(&one_at("le 18 décembre", Some(d(2024, 1, 10)))),
            day(d(2023, 12, 18))
        );
        // ...unless it is almost a year back and the coming one is near
        assert_eq!(
            value(&one_at("le 18 juin", Some(d(2024, 6, 10)))),
            day(d(2024, 6, 18))
        );
        assert_eq!(
            value(&one_at("le 18 juin dernier", Some(d(2024, 6, 18)))),
            day(d(2023, 6, 18))
        );
        assert_eq!(
            value(&one_at("le 18 juin prochain", Some(d(2024, 6, 18)))),
            day(d(2025, 6, 18))
        );
        assert_eq!(
            value(&one_at("le 29 février", Some(d(2025, 3, 1)))),
            day(d(2024, 2, 29))
        );
    }

    #[test]
    fn month_without_year() {
        let m = one("le premier missile envoyé dès janvier, soulignant");
        assert_eq!(m.text, "dès janvier");
        assert_eq!(m.form, DateForm::Partial);
        assert_eq!(m.partial.month, Some(1));
        assert_eq!(m.anchor, Anchor::Unresolved);
        let april = one_at("en avril", P);
        assert_eq!(
            value(&april),
            (d(2024, 4, 1), d(2024, 4, 30), Granularity::Month)
        );
        assert_eq!(value(&one_at("en septembre", P)).0, d(2023, 9, 1));
        assert_eq!(value(&one_at("en juillet", P)).0, d(2024, 7, 1));
        assert!(texts("mars, Mars, sur Mars, en Mars, mai").is_empty());
        assert_eq!(texts("au mois de juin"), ["au mois de juin"]);
    }

    // ----- relative -----

    #[test]
    fn yesterday_today_tomorrow() {
        for (text, want, offset) in [
            ("Il a déclaré hier que", "hier", -1),
            ("avant-hier soir", "avant-hier", -2),
            ("Aujourd'hui, Poutine arrive", "Aujourd'hui", 0),
            ("il a annoncé aujourd'hui que", "aujourd'hui", 0),
            ("il part demain.", "demain", 1),
            ("Hier encore, la télévision", "Hier", -1),
            ("après-demain matin", "après-demain", 2),
        ] {
            let m = one_at(text, P);
            assert_eq!(m.text, want);
            assert_eq!(m.form, DateForm::Relative);
            assert_eq!(m.anchor, Anchor::Publication);
            assert_eq!(value(&m), day(d(2024, 6, 20) + TimeDelta::days(offset)));
            let m = one(text);
            assert_eq!((m.value, m.anchor), (None, Anchor::Unresolved));
        }
        for idiom in [
            "ne date pas d'aujourd'hui",
            "résonne encore aujourd'hui",
            "Aujourd'hui comme hier, la Russie",
            "hier et aujourd'hui",
            "aujourd'hui encore",
            "le monde de demain",
            "les enjeux d'hier",
            "jusqu'à aujourd'hui",
            "ces héritages façonnent aujourd’hui les interactions",
            "la Russie est aujourd'hui isolée",
        ] {
            assert!(texts(idiom).is_empty(), "{idiom}: {:?}", texts(idiom));
        }
    }

    #[test]
    fn weekdays() {
        let m = one("Poutine et Kim se sont rencontrés mercredi dans la région");
        assert_eq!(m.text, "mercredi");
        assert_eq!(m.form, DateForm::Relative);
        assert_eq!(m.partial.weekday, Some(Weekday::Wed));
        assert_eq!(m.anchor, Anchor::Unresolved);
        assert_eq!(value(&one_at("mercredi", P)), day(d(2024, 6, 19)));
        assert_eq!(value(&one_at("jeudi", P)), day(d(2024, 6, 20)));
        let last = one_at(
            "À ce moment, vendredi dernier, le gouvernement",
            Some(d(2024, 6, 21)),
        );
        assert_eq!(last.text, "vendredi dernier");
        assert_eq!(value(&last), day(d(2024, 6, 14)));
        assert_eq!(value(&one_at("lundi prochain", P)), day(d(2024, 6, 24)));
        assert_eq!(
            value(&one_at("lundi prochain", Some(d(2024, 6, 24)))),
            day(d(2024, 7, 1))
        );
        assert_eq!(value(&one_at("ce mercredi", P)), day(d(2024, 6, 19)));
        assert_eq!(one("ce mercredi").text, "ce mercredi");
        let with_day = one_at("mercredi 13, Kim", Some(d(2023, 9, 20)));
        assert_eq!(with_day.form, DateForm::Partial);
        assert_eq!(value(&with_day), day(d(2023, 9, 13)));
        assert_eq!(texts("mercredi 18 heures"), ["mercredi"]);
    }

    #[test]
    fn weekday_words_that_are_not_dates() {
        for text in [
            "Robinson et Vendredi",
            "la famille Mercredi",
            "les mercredis",
            "chaque mercredi",
            "tous les mercredis",
            "le mercredi, il nage",
            "du lundi au vendredi",
            "Vendredi saint",
            "mardi gras",
            "samedis, dimanches",
            "lundiste",
        ] {
            assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
        }
    }

    #[test]
    fn weeks_months_years_back() {
        let week = one_at("la semaine dernière", P);
        assert_eq!(week.text, "la semaine dernière");
        assert_eq!(
            value(&week),
            (d(2024, 6, 10), d(2024, 6, 16), Granularity::Week)
        );
        assert_eq!(value(&one_at("la semaine prochaine", P)).0, d(2024, 6, 24));
        assert_eq!(value(&one_at("cette semaine", P)).0, d(2024, 6, 17));
        let month = one_at("le mois dernier", P);
        assert_eq!(month.text, "le mois dernier");
        assert_eq!(
            value(&month),
            (d(2024, 5, 1), d(2024, 5, 31), Granularity::Month)
        );
        assert_eq!(
            value(&one_at("le mois dernier", Some(d(2024, 1, 5)))).0,
            d(2023, 12, 1)
        );
        assert_eq!(value(&one_at("ce mois-ci", P)).0, d(2024, 6, 1));
        let april = one_at("En avril dernier, la Russie", P);
        assert_eq!(april.text, "En avril dernier");
        assert_eq!(april.form, DateForm::Relative);
        assert_eq!(value(&april).0, d(2024, 4, 1));
        assert_eq!(
            value(&one_at("en avril dernier", Some(d(2024, 4, 15)))).0,
            d(2023, 4, 1)
        );
        assert_eq!(value(&one_at("en juin prochain", P)).0, d(2025, 6, 1));
        for text in ["l'année dernière", "l'an dernier", "l’année passée"] {
            let m = one_at(text, P);
            assert_eq!(m.text, text);
            assert_eq!(m.form, DateForm::Relative);
            assert_eq!(
                value(&m),
                (d(2023, 1, 1), d(2023, 12, 31), Granularity::Year)
            );
        }
        assert_eq!(value(&one_at("l'an prochain", P)).0, d(2025, 1, 1));
        assert_eq!(value(&one_at("cette année", P)).0, d(2024, 1, 1));
        let end = one_at("car à la fin de l'année dernière, la Maison Blanche", P);
        assert_eq!(end.text, "à la fin de l'année dernière");
        assert_eq!(
            value(&end),
            (d(2023, 10, 1), d(2023, 12, 31), Granularity::Season)
        );
        assert_eq!(
            value(&one_at("en fin d'année dernière", P)).0,
            d(2023, 10, 1)
        );
        assert!(texts("un an, par an, cette année-là, l'année, deux ans").is_empty());
    }

    #[test]
    fn ago() {
        let two = one_at("il y a deux ans", P);
        assert_eq!(two.text, "il y a deux ans");
        assert_eq!(two.form, DateForm::Relative);
        assert_eq!(
            value(&two),
            (d(2021, 12, 20), d(2022, 12, 20), Granularity::Year)
        );
        assert_eq!(value(&one_at("il y a 3 jours", P)), day(d(2024, 6, 17)));
        assert_eq!(
            value(&one_at("il y a un mois", P)),
            (d(2024, 5, 5), d(2024, 6, 4), Granularity::Month)
        );
        assert_eq!(
            value(&one_at("il y a deux semaines", P)),
            (d(2024, 6, 3), d(2024, 6, 9), Granularity::Week)
        );
        assert_eq!(
            one_at("Il y a vingt ans", P).partial,
            PartialDate::default()
        );
        assert_eq!(value(&one_at("il y a trente ans", P)).0, d(1993, 12, 20));
        assert_eq!(
            value(&one_at("il y a soixante-dix ans", P)).0,
            d(1953, 12, 20)
        );
        assert_eq!(
            value(&one_at("il y a près de 70 ans", P)).0,
            d(1953, 12, 20)
        );
        assert_eq!(one("il y a une semaine").anchor, Anchor::Unresolved);
        assert!(
            texts("S'il y a quelque chose, il y a des gens, il y a deux heures, avril y a")
                .is_empty()
        );
    }

    // ----- ranges -----

    #[test]
    fn day_ranges() {
        let m = one("du 18 au 19 juin 2024, Poutine");
        assert_eq!(m.text, "du 18 au 19 juin 2024");
        assert_eq!(m.form, DateForm::Range);
        assert_eq!(m.anchor, Anchor::Absolute);
        assert_eq!(value(&m), days(d(2024, 6, 18), d(2024, 6, 19)));
        assert_eq!(
            m.partial,
            PartialDate {
                year: Some(2024),
                month: Some(6),
                day: Some(19),
                weekday: None
            }
        );
        for (text, first, last) in [
            ("18–19 juin 2024", d(2024, 6, 18), d(2024, 6, 19)),
            ("18-19 juin 2024", d(2024, 6, 18), d(2024, 6, 19)),
            (
                "entre le 18 et le 19 juin 2024",
                d(2024, 6, 18),
                d(2024, 6, 19),
            ),
            ("du 27 au 28 février 2019", d(2019, 2, 27), d(2019, 2, 28)),
            (
                "du 18 juin au 2 juillet 2024",
                d(2024, 6, 18),
                d(2024, 7, 2),
            ),
            (
                "du 30 décembre au 2 janvier 2024",
                d(2023, 12, 30),
                d(2024, 1, 2),
            ),
            (
                "du lundi 17 au mercredi 19 juin 2024",
                d(2024, 6, 17),
                d(2024, 6, 19),
            ),
            ("27 et 28 février 2019", d(2019, 2, 27), d(2019, 2, 28)),
        ] {
            let m = one(&format!("les {text}"));
            assert_eq!(m.text, text);
            assert_eq!(m.form, DateForm::Range);
            assert_eq!(value(&m), days(first, last), "{text}");
        }
        let partial = one("les 18-19 juin");
        assert_eq!(partial.text, "18-19 juin");
        assert_eq!((partial.value, partial.anchor), (None, Anchor::Unresolved));
        assert_eq!(partial.partial.day, Some(19));
        let resolved = one_at("18-19 juin", Some(d(2024, 7, 1)));
        assert_eq!(value(&resolved), days(d(2024, 6, 18), d(2024, 6, 19)));
        assert_eq!(resolved.anchor, Anchor::Publication);
        assert_eq!(
            one("lors du Conseil des 27 et 28 juin.").text,
            "27 et 28 juin"
        );
        // no range without its words, or backwards
        assert_eq!(texts("de 18 au 19 juin"), ["19 juin"]);
        assert!(texts("19-18 juin").is_empty());
    }

    // ----- text, spans, robustness -----

    #[test]
    fn longest_expressions_in_order_without_overlap() {
        let text = "Le mercredi 13 septembre 2023, puis du 18 au 19 juin 2024 et en 2019, mi-mars.";
        assert_eq!(
            texts(text),
            [
                "mercredi 13 septembre 2023",
                "du 18 au 19 juin 2024",
                "en 2019",
                "mi-mars"
            ]
        );
    }

    #[test]
    fn accents_case_and_spaces() {
        for text in [
            "19 fevrier 2022",
            "19 FÉVRIER 2022",
            "19\u{a0}février\u{a0}2022",
            "19\u{202f}février 2022",
            "19 février\t2022",
            "19 fe\u{301}vrier 2022",
        ] {
            assert_eq!(value(&one(text)), day(d(2022, 2, 19)), "{text}");
        }
        assert_eq!(value(&one("le 15 aout 2024")), day(d(2024, 8, 15)));
        assert_eq!(value(&one("le 15 août 2024")), day(d(2024, 8, 15)));
        assert_eq!(value(&one("en decembre 2023")).0, d(2023, 12, 1));
        assert_eq!(value(&one("13 sept. 2023")), day(d(2023, 9, 13)));
        assert!(texts("Ils étaient sept. Le 19 sept fois").is_empty());
        // never across a line break
        assert_eq!(texts("le 19\njuin 2024"), ["juin 2024"]);
    }

    #[test]
    fn spans_are_exact_with_accents_crlf_and_an_offset() {
        let text = "---\r\ndate: x\r\n---\r\nÀ Pékin, élu\r\nle 19 juin 2024 ; « ce 18 juin »\r\nÉté : l’été 2024";
        let offset = text.find("À").unwrap();
        let body = &text[offset..];
        let lines = LineIndex::new(text);
        let found = extract(text, offset, body, &lines, None);
        let got: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], m.span.line, m.span.column))
            .collect();
        assert_eq!(
            got,
            [
                ("19 juin 2024", 5, 4),
                ("ce 18 juin", 5, 21),
                ("l’été 2024", 6, 7)
            ]
        );
        for m in &found {
            assert_eq!(m.text, &text[m.span.start..m.span.end]);
        }
    }

    use crate::extract::test_rng::Rng;

    const PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\r\n",
        "\n",
        "-",
        "–",
        "/",
        ".",
        ",",
        "'",
        "’",
        "(",
        ")",
        "1",
        "1er",
        "13",
        "19",
        "31",
        "0",
        "2024",
        "1961",
        "2100",
        "1799",
        "99999999999999999999999",
        "juin",
        "Juin",
        "févr",
        "sept",
        "fevrier",
        "mercredi",
        "Mercredi",
        "dernier",
        "prochain",
        "hier",
        "avant",
        "aujourd",
        "hui",
        "demain",
        "semaine",
        "mois",
        "an",
        "année",
        "années",
        "été",
        "l",
        "hiver",
        "fin",
        "début",
        "mi",
        "de",
        "du",
        "au",
        "et",
        "le",
        "ce",
        "en",
        "depuis",
        "dès",
        "entre",
        "il",
        "y",
        "a",
        "deux",
        "un",
        "soixante",
        "ans",
        "jours",
        "é",
        "e\u{301}",
        "\u{301}",
        "ᵉʳ",
        "°",
        "€",
        "%",
        "\u{feff}",
        "😀",
        "Ω",
    ];

    fn check(text: &str, publication: Option<NaiveDate>) {
        let found = all(text, publication);
        let mut end = 0;
        for m in &found {
            assert!(m.span.start >= end, "overlap in {text:?}: {found:#?}");
            assert_eq!(m.text, &text[m.span.start..m.span.end]);
            if let Some(v) = m.value {
                assert!(v.first <= v.last);
            }
            end = m.span.end;
        }
    }

    #[test]
    fn never_panics_on_random_text() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..3000 {
            let n = (rng.next() % 40) as usize;
            let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
            let publication = match round % 3 {
                0 => None,
                1 => NaiveDate::from_ymd_opt(2024, 2, 29),
                _ => Some(NaiveDate::MIN),
            };
            check(&text, publication);
            check(&text, Some(NaiveDate::MAX));
        }
        for _ in 0..300 {
            let bytes: Vec<u8> = (0..(rng.next() % 200)).map(|_| rng.next() as u8).collect();
            check(&String::from_utf8_lossy(&bytes), P);
        }
    }

    #[test]
    fn long_input_is_linear_and_exact() {
        let unit =
            "Le 19 juin 2024, ce 18 juin, mercredi, en 1961 et 1 500 soldats ; l’été 2024.\r\n";
        let text = unit.repeat(20_000);
        let found = all(&text, P);
        assert_eq!(found.len(), 5 * 20_000);
        assert_eq!(found.last().unwrap().span.line, 20_000);
        let one_line = unit.replace("\r\n", " ").repeat(5_000);
        assert_eq!(all(&one_line, None).len(), 5 * 5_000);
    }

    #[test]
    fn corpus_mentions() {
        let cases: &[(&str, &[&str])] = &[
            (
                include_str!("../../corpus/alliance-pekin.txt"),
                &[
                    "Depuis l’été 2024",
                    "En avril dernier",
                    "en février 2022",
                    "2025",
                ],
            ),
            (
                include_str!("../../corpus/heritage-staline-khrouchtchev.txt"),
                &["19 juin 2024", "19 juin 2024"],
            ),
            (
                include_str!("../../corpus/kim-poutine-amour.txt"),
                &[
                    "mercredi",
                    "En mars 2022",
                    "en 2019",
                    "en 2019",
                    "vendredi dernier",
                    "à la fin de l'année dernière",
                    "depuis 1953",
                ],
            ),
            (
                include_str!("../../corpus/poutine-pyongyang.txt"),
                &["ce 18 juin", "dès janvier"],
            ),
            (
                include_str!("../../corpus/renforcement-liens.txt"),
                &["en 1961"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(texts(text), *want);
        }
    }
}

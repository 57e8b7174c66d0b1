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

mod numeric;
mod resolve;
mod scan;
#[cfg(test)]
mod tests;
mod tokens;
mod words;

pub(super) use numeric::NOT_NOUNS;
use numeric::*;
use resolve::*;
use scan::*;
pub use scan::{Part, Season};
pub(super) use tokens::*;
use words::*;

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
    /// Whether that weekday is a range's second ("du dimanche 31 mai au
    /// mardi 1er juin 2009"): the day it should name is the range's last.
    pub weekday_conflict_on_last: bool,
}

/// Whether a folded word is the name of a month ("mars", "aout").
pub fn is_month_name(folded: &str) -> bool {
    matches!(keyword(folded), Some(Kw::Month(_)))
}

/// How far after the publication a day whose weekday fits only there
/// is taken as the one meant, without a future tense around it.
const SOON_AHEAD_DAYS: i64 = 92;
/// A day at most this many days before publication is the one just gone,
/// whatever its weekday says: a year ahead is no reading of it.
const RECENT_DAYS: i64 = 7;

/// How far (in bytes) a date without a year may follow the full date it
/// takes its year from: about two paragraphs.
const NARRATIVE_REACH: usize = 1500;

/// Finds the temporal expressions of `body` (which starts at byte `offset`
/// of `text`, the whole file), resolving partial and relative ones against
/// `publication` when given. Mentions are in text order and never overlap.
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
    // And for the last month or season written with its year.
    let mut last_season_or_month: Option<(i32, u32, usize)> = None;
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
            // So does a coarser date of the same paragraph: "fermé à
            // l'automne 2023, du 16 octobre au vendredi 15 décembre".
            // A year alone is too coarse to say so ("inaugurée en 1974.
            // Les salariés partiront lundi 1er avril").
            let paragraph_year =
                last_season_or_month.filter(|&(_, _, at)| !body[at..f.start].contains("\n\n"));
            let narrative_years = [
                last_day.filter(|&(_, _, at)| body[at..f.start].matches("\n\n").count() <= 1),
                paragraph_year,
            ];
            if value.is_some_and(|v| f.resolved_weekday_conflict(&v).is_some())
                && let Some(v) = narrative_years
                    .into_iter()
                    .flatten()
                    .filter_map(|(year, month, _)| f.in_year_after(year, month))
                    .find(|v| f.resolved_weekday_conflict(v).is_none())
            {
                value = Some(v);
                anchor = Anchor::EarlierDate;
            }
            // "le huis clos de septembre 1978 … Les accords signés le 18
            // septembre", in an article of 2024: a day of the very month
            // the paragraph just named with its year is in that month.
            if matches!(anchor, Anchor::Publication | Anchor::Dateline)
                && let Some((year, month, _)) = paragraph_year
                && let Some(v) = f.in_year_after(year, month)
                && v.granularity == Granularity::Day
                && chrono::Datelike::month(&v.first) == month
                && f.resolved_weekday_conflict(&v).is_none()
            {
                value = Some(v);
                anchor = Anchor::EarlierDate;
            }
            // "qui remplacera à partir du lundi 1er septembre", in March:
            // the September to come, as the weekday and the future tense
            // say, not the one gone by.
            if let (Some(p), Some(v)) = (publication, value)
                && anchor != Anchor::EarlierDate
                && v.first < p.date
                // "Ce vendredi 17 novembre restera une date", published on
                // the 18th: the day just gone, its weekday a slip.
                && (p.date - v.first).num_days() > RECENT_DAYS
                && f.resolved_weekday_conflict(&v).is_some()
                && let Some(ahead) = f.in_year_after(chrono::Datelike::year(&v.first) + 1, 1)
                && ahead.first > p.date
                && f.resolved_weekday_conflict(&ahead).is_none()
                // "fermé jusqu'au lundi 18 décembre", in October: two
                // months ahead, the weekday says which December.
                && ((ahead.first - p.date).num_days() <= SOON_AHEAD_DAYS
                    || future_tense_around(body, f.start, f.end))
            {
                value = Some(ahead);
            }
            // "Lors du vote, le jeudi 14 mars", in January: the March to
            // come was a guess; the weekday says it is the one gone by.
            if let (Some(p), Some(v)) = (publication, value)
                && anchor != Anchor::EarlierDate
                && v.first > p.date
                && f.resolved_weekday_conflict(&v).is_some()
                && let Some(back) = f.in_year_after(chrono::Datelike::year(&v.first) - 1, 1)
                && back.last < p.date
                && f.resolved_weekday_conflict(&back).is_none()
                && !future_tense_around(body, f.start, f.end)
            {
                value = Some(back);
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
                if matches!(v.granularity, Granularity::Month | Granularity::Season) {
                    last_season_or_month = context;
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
                weekday_conflict_on_last: f.weekday_conflict_on_last(value.as_ref()),
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

/// Whether the sentence of `body[start..end]` has a verb in the future
/// tense ("remplacera", "se tiendra", "sera").
fn future_tense_around(body: &str, start: usize, end: usize) -> bool {
    let from = body[..start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let to = body[end..]
        .find(['.', '!', '?', '\n'])
        .map_or(body.len(), |i| end + i);
    body[from..to].split(|c: char| !c.is_alphabetic()).any(|w| {
        (w.chars().count() > 5
            && ["era", "eront", "ira", "iront", "dra", "dront"]
                .iter()
                .any(|e| w.ends_with(e)))
            || matches!(w, "sera" | "seront" | "aura" | "auront" | "fera" | "feront")
    })
}

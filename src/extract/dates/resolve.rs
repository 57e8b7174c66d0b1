//! Resolution: what a parsed expression means as a span of days, alone or
//! against the publication date.

use super::*;

pub(super) fn needs_publication(w: &What) -> bool {
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

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn span(
    first: NaiveDate,
    last: NaiveDate,
    granularity: Granularity,
) -> Option<DateSpan> {
    (first <= last).then_some(DateSpan {
        first,
        last,
        granularity,
    })
}

pub(super) fn day_span(d: NaiveDate) -> Option<DateSpan> {
    span(d, d, Granularity::Day)
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

pub(super) fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 {
        (y.checked_add(1)?, 1)
    } else {
        (y, m + 1)
    };
    ymd(ny, nm, 1)?.pred_opt()
}

/// Days in month `m`; February has 29 when the year is unknown.
pub(super) fn days_in_month(m: u32, y: Option<i32>) -> u32 {
    last_of_month(y.unwrap_or(2000), m).map_or(0, |d| d.day())
}

pub(super) fn month_span(y: i32, m: u32, part: Option<Part>) -> Option<DateSpan> {
    let last = last_of_month(y, m)?;
    match part {
        None => span(ymd(y, m, 1)?, last, Granularity::Month),
        Some(Part::Debut) => span(ymd(y, m, 1)?, ymd(y, m, 10)?, Granularity::Week),
        Some(Part::Mi) => span(ymd(y, m, 11)?, ymd(y, m, 20)?, Granularity::Week),
        Some(Part::Fin) => span(ymd(y, m, 21)?, last, Granularity::Week),
    }
}

pub(super) fn year_span(y: i32, part: Option<Part>) -> Option<DateSpan> {
    match part {
        None => span(ymd(y, 1, 1)?, ymd(y, 12, 31)?, Granularity::Year),
        Some(Part::Debut) => span(ymd(y, 1, 1)?, ymd(y, 3, 31)?, Granularity::Season),
        Some(Part::Mi) => span(ymd(y, 5, 1)?, ymd(y, 8, 31)?, Granularity::Season),
        Some(Part::Fin) => span(ymd(y, 10, 1)?, ymd(y, 12, 31)?, Granularity::Season),
    }
}

pub(super) fn season_span(s: Season, y: i32) -> Option<DateSpan> {
    let (first, last) = match s {
        Season::Printemps => (ymd(y, 3, 20)?, ymd(y, 6, 20)?),
        Season::Ete => (ymd(y, 6, 21)?, ymd(y, 9, 22)?),
        Season::Automne => (ymd(y, 9, 23)?, ymd(y, 12, 20)?),
        Season::Hiver => (ymd(y, 12, 21)?, ymd(y.checked_add(1)?, 3, 19)?),
    };
    span(first, last, Granularity::Season)
}

pub(super) fn decade_span(y: i32, part: Option<Part>) -> Option<DateSpan> {
    let (a, b) = match part {
        None => (0, 9),
        Some(Part::Debut) => (0, 3),
        Some(Part::Mi) => (3, 6),
        Some(Part::Fin) => (7, 9),
    };
    span(ymd(y + a, 1, 1)?, ymd(y + b, 12, 31)?, Granularity::Decade)
}

pub(super) fn absolute_value(w: &What) -> Option<DateSpan> {
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
pub(super) const FAR_BACK_DAYS: i64 = 304;
pub(super) const SOON_AFTER_DAYS: i64 = 61;

/// The day `d` of month `m` meant by an article published on `p`.
pub(super) fn resolve_md(m: u32, d: u32, p: NaiveDate, rel: Rel) -> Option<NaiveDate> {
    let y = p.year();
    match rel {
        Rel::Plain | Rel::This => {
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
pub(super) fn resolve_month(m: u32, p: NaiveDate, rel: Rel) -> Option<i32> {
    let y = p.year();
    Some(match rel {
        Rel::Plain | Rel::This => {
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

pub(super) fn relative_value(w: &What, p: NaiveDate) -> Option<DateSpan> {
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
                Rel::Plain | Rel::This => {
                    let mut all: Vec<DateSpan> = candidates.collect();
                    all.sort_by_key(|c| c.first);
                    all.iter()
                        .find(|c| c.first <= p && p <= c.last)
                        .or_else(|| all.iter().find(|c| c.first.year() == y))
                        .copied()
                }
            }
        }
        What::Weekday {
            w,
            d: None,
            rel,
            night,
        } => {
            let back =
                i64::from((7 + p.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7);
            let ahead = (7 - back) % 7;
            let day = match rel {
                Rel::Plain => add_days(p, -back)?,
                // "ce vendredi" on a Tuesday is three days ahead, not four
                // back ("vendredi dernier" would say so).
                Rel::This if back >= 4 => add_days(p, ahead)?,
                Rel::This => add_days(p, -back)?,
                Rel::Last => add_days(p, -(if back == 0 { 7 } else { back }))?,
                Rel::Next => add_days(p, if ahead == 0 { 7 } else { ahead })?,
            };
            // "la nuit de vendredi à samedi" runs over both days.
            span(day, add_days(day, i64::from(night))?, Granularity::Day)
        }
        What::Weekday {
            w, d: Some(d), rel, ..
        } => {
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
                Rel::Plain | Rel::This => (-40..=0).rev().filter_map(months).find(|&c| c <= p),
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

//! A date mention's value written as a TimeML TIMEX3 `value`: the form
//! annotated corpora and temporal taggers use, so that the facts can be
//! compared with theirs.
//!
//! | the text names | resolved | without an anchor |
//! |---|---|---|
//! | a day ("19 juin 2024", "hier", "ce 18 juin") | `2024-06-19` | `XXXX-06-18`, `XXXX-XX-XX` |
//! | a weekday ("mercredi") | the day, `2024-06-19` | `XXXX-WXX-3` (ISO: Monday is 1) |
//! | a week ("la semaine dernière") | `2024-W24` (ISO week) | `XXXX-WXX` |
//! | a month ("en mars 2022", "en avril") | `2022-03` | `XXXX-04` |
//! | a season ("l'été 2024") | `2024-SU` (`SP`, `SU`, `FA`, `WI`; winter takes the year it starts in) | `XXXX-SU` |
//! | a year ("en 1961", "l'année dernière") | `1961` | `XXXX` |
//! | a decade ("les années 1950") | `195` (TIMEX3 writes a decade as its first three digits) | — |
//! | a range ("du 18 au 19 juin 2024", "de 1950 à 1953") | `{"from": "2024-06-18", "to": "2024-06-19"}` | `{"from": "XXXX-06-18", "to": "XXXX-06-19"}` |
//!
//! A part of a month, year or decade ("début mars", "fin 2023", "au début
//! des années 1990") keeps the value of the whole and says which part in
//! TIMEX3's `mod`: `START`, `MID`, `END`. A relative window ("il y a deux
//! ans", a year-long window around 2022) is written at its centre.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::extract::dates::{DateMention, DateSpan, Granularity, Part, PartialDate, Season, Shape};

/// A TIMEX3 value: one point, or a range of two.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    Point(String),
    Range { from: String, to: String },
}

/// TIMEX3's `mod`: which part of the value the text names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Modifier {
    Start,
    Mid,
    End,
}

impl From<Part> for Modifier {
    fn from(part: Part) -> Modifier {
        match part {
            Part::Debut => Modifier::Start,
            Part::Mi => Modifier::Mid,
            Part::Fin => Modifier::End,
        }
    }
}

/// The value of `m`, and the part of it the text names.
pub fn value(m: &DateMention) -> (DateValue, Option<Modifier>) {
    let part = match m.shape {
        Shape::Month(p) | Shape::Year(p) | Shape::Decade(p) => p.map(Modifier::from),
        _ => None,
    };
    let value = match (m.value, m.shape) {
        (Some(v), Shape::DayRange { .. }) => DateValue::Range {
            from: day(v.first),
            to: day(v.last),
        },
        (Some(v), Shape::YearRange { .. }) => DateValue::Range {
            from: v.first.year().to_string(),
            to: v.last.year().to_string(),
        },
        (Some(v), shape) => DateValue::Point(point(&v, shape)),
        (None, Shape::DayRange { from }) => DateValue::Range {
            from: underspecified_day(&from),
            to: underspecified_day(&m.partial),
        },
        (None, shape) => DateValue::Point(underspecified(&m.partial, shape)),
    };
    (value, part)
}

/// The granularity of the unit the text names (not of the resolved
/// interval: "début mars" names a month, "il y a deux ans" a year).
pub fn granularity(shape: Shape) -> Granularity {
    match shape {
        Shape::Day | Shape::Weekday(_) | Shape::DayRange { .. } => Granularity::Day,
        Shape::Week => Granularity::Week,
        Shape::Month(_) => Granularity::Month,
        Shape::Season(_) => Granularity::Season,
        Shape::Year(_) | Shape::YearRange { .. } => Granularity::Year,
        Shape::Decade(_) => Granularity::Decade,
    }
}

/// The TIMEX3 value of an interval the checks compare (an event's stated
/// date when its mention is not at hand), from its granularity alone.
pub fn of_span(v: &DateSpan) -> DateValue {
    let shape = match v.granularity {
        Granularity::Day if v.first != v.last => {
            return DateValue::Range {
                from: day(v.first),
                to: day(v.last),
            };
        }
        Granularity::Year if v.first.year() != v.last.year() => {
            return DateValue::Range {
                from: v.first.year().to_string(),
                to: v.last.year().to_string(),
            };
        }
        Granularity::Day => Shape::Day,
        Granularity::Week => Shape::Week,
        Granularity::Month => Shape::Month(None),
        Granularity::Season => Shape::Year(None),
        Granularity::Year => Shape::Year(None),
        Granularity::Decade => Shape::Decade(None),
    };
    DateValue::Point(point(v, shape))
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The middle day of an interval: where a relative window is centred.
fn middle(v: &DateSpan) -> NaiveDate {
    v.first + (v.last - v.first) / 2
}

fn point(v: &DateSpan, shape: Shape) -> String {
    let mid = middle(v);
    match shape {
        Shape::Day | Shape::Weekday(_) | Shape::DayRange { .. } => day(v.first),
        Shape::Week => {
            let w = mid.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        // A part of a month lies in that month; a window around a month
        // ago is centred on it.
        Shape::Month(_) => format!("{:04}-{:02}", mid.year(), mid.month()),
        Shape::Season(s) => format!("{:04}-{}", v.first.year(), season_code(s)),
        Shape::Year(_) | Shape::YearRange { .. } => format!("{:04}", mid.year()),
        Shape::Decade(_) => {
            let decade = v.first.year().div_euclid(10);
            format!("{decade:03}")
        }
    }
}

fn season_code(s: Season) -> &'static str {
    match s {
        Season::Printemps => "SP",
        Season::Ete => "SU",
        Season::Automne => "FA",
        Season::Hiver => "WI",
    }
}

fn underspecified_day(p: &PartialDate) -> String {
    format!(
        "{}-{}-{}",
        p.year.map_or("XXXX".to_string(), |y| format!("{y:04}")),
        p.month.map_or("XX".to_string(), |m| format!("{m:02}")),
        p.day.map_or("XX".to_string(), |d| format!("{d:02}")),
    )
}

/// What the text says, with `X` for what nothing tells.
fn underspecified(p: &PartialDate, shape: Shape) -> String {
    let year = p.year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    match shape {
        Shape::Day | Shape::DayRange { .. } => underspecified_day(p),
        Shape::Weekday(w) => format!("{year}-WXX-{}", iso_weekday(w)),
        Shape::Week => format!("{year}-WXX"),
        Shape::Month(_) => format!(
            "{year}-{}",
            p.month.map_or("XX".to_string(), |m| format!("{m:02}"))
        ),
        Shape::Season(s) => format!("{year}-{}", season_code(s)),
        Shape::Year(_) | Shape::YearRange { .. } => year,
        Shape::Decade(_) => match p.year {
            Some(y) => format!("{:03}", y.div_euclid(10)),
            None => "XXX".to_string(),
        },
    }
}

fn iso_weekday(w: Weekday) -> u32 {
    w.number_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::{self, Anchor, Publication};
    use crate::span::LineIndex;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The one mention of `text`, resolved against `publication`.
    fn mention(text: &str, publication: Option<Publication>) -> DateMention {
        let lines = LineIndex::new(text);
        let found = dates::extract(text, 0, text, &lines, publication);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        found.into_iter().next().unwrap()
    }

    fn point(text: &str, publication: Option<Publication>) -> String {
        match value(&mention(text, publication)) {
            (DateValue::Point(v), None) => v,
            other => panic!("{text:?}: {other:?}"),
        }
    }

    const PUBLISHED: Option<Publication> = Some(Publication {
        date: NaiveDate::from_ymd_opt(2024, 6, 20).unwrap(), // a Thursday
        anchor: Anchor::Publication,
    });

    #[test]
    fn days_months_years() {
        assert_eq!(point("le 19 juin 2024", None), "2024-06-19");
        assert_eq!(point("le 1er septembre 2025", None), "2025-09-01");
        assert_eq!(point("signé le 13/09/2023", None), "2023-09-13");
        assert_eq!(point("en mars 2022", None), "2022-03");
        assert_eq!(point("en 1961", None), "1961");
        let m = mention("le 19 juin 2024", None);
        assert_eq!(granularity(m.shape), Granularity::Day);
        assert_eq!(
            granularity(mention("en 1961", None).shape),
            Granularity::Year
        );
    }

    #[test]
    fn seasons_weeks_and_decades() {
        assert_eq!(point("l'été 2024", None), "2024-SU");
        assert_eq!(point("au printemps 1950", None), "1950-SP");
        assert_eq!(point("à l'automne 2023", None), "2023-FA");
        assert_eq!(point("l'hiver 2022", None), "2022-WI");
        assert_eq!(point("la semaine dernière", PUBLISHED), "2024-W24");
        assert_eq!(point("cette semaine", PUBLISHED), "2024-W25");
        assert_eq!(point("il y a deux semaines", PUBLISHED), "2024-W23");
        assert_eq!(point("dans les années 1950", None), "195");
        let m = mention("dans les années 1950", None);
        assert_eq!(granularity(m.shape), Granularity::Decade);
    }

    #[test]
    fn parts_keep_the_whole_and_say_which_part() {
        let with_mod = |text: &str| value(&mention(text, PUBLISHED));
        assert_eq!(
            with_mod("fin 2023"),
            (DateValue::Point("2023".into()), Some(Modifier::End))
        );
        assert_eq!(
            with_mod("début mars 2024"),
            (DateValue::Point("2024-03".into()), Some(Modifier::Start))
        );
        assert_eq!(
            with_mod("au début des années 1990"),
            (DateValue::Point("199".into()), Some(Modifier::Start))
        );
        assert_eq!(
            with_mod("à la fin de l'année dernière"),
            (DateValue::Point("2023".into()), Some(Modifier::End))
        );
    }

    #[test]
    fn ranges() {
        let range = |text: &str, p| value(&mention(text, p)).0;
        assert_eq!(
            range("du 18 au 19 juin 2024", None),
            DateValue::Range {
                from: "2024-06-18".into(),
                to: "2024-06-19".into()
            }
        );
        assert_eq!(
            range("de 1950 à 1953", None),
            DateValue::Range {
                from: "1950".into(),
                to: "1953".into()
            }
        );
        assert_eq!(
            range("du 18 au 19 juin", None),
            DateValue::Range {
                from: "XXXX-06-18".into(),
                to: "XXXX-06-19".into()
            }
        );
        assert_eq!(
            range("du 18 au 19 juin", PUBLISHED),
            DateValue::Range {
                from: "2024-06-18".into(),
                to: "2024-06-19".into()
            }
        );
    }

    #[test]
    fn underspecified_without_an_anchor() {
        for (text, want) in [
            ("ce 18 juin", "XXXX-06-18"),
            ("en avril", "XXXX-04"),
            ("mercredi", "XXXX-WXX-3"),
            ("vendredi dernier", "XXXX-WXX-5"),
            ("hier", "XXXX-XX-XX"),
            ("la semaine dernière", "XXXX-WXX"),
            ("le mois dernier", "XXXX-XX"),
            ("l'été dernier", "XXXX-SU"),
            ("l'année dernière", "XXXX"),
            ("il y a deux ans", "XXXX"),
        ] {
            let m = mention(text, None);
            assert_eq!(m.anchor, Anchor::Unresolved, "{text}");
            assert_eq!(point(text, None), want, "{text}");
        }
    }

    #[test]
    fn relative_dates_resolved_against_publication_or_dateline() {
        let dateline = Some(Publication::dateline(d(2024, 6, 20)));
        for (text, want) in [
            ("ce 18 juin", "2024-06-18"),
            ("mercredi", "2024-06-19"),
            ("vendredi dernier", "2024-06-14"),
            ("hier", "2024-06-19"),
            ("en avril", "2024-04"),
            ("le mois dernier", "2024-05"),
            ("l'été dernier", "2023-SU"),
            ("l'année dernière", "2023"),
            ("il y a deux ans", "2022"),
            ("il y a un mois", "2024-05"),
        ] {
            assert_eq!(point(text, PUBLISHED), want, "{text}");
            assert_eq!(mention(text, PUBLISHED).anchor, Anchor::Publication);
            assert_eq!(point(text, dateline), want, "{text}");
            assert_eq!(mention(text, dateline).anchor, Anchor::Dateline);
        }
    }

    #[test]
    fn reference_intervals() {
        let span = |t: &str| of_span(&crate::rules::parse_date(t).unwrap());
        assert_eq!(span("2024-06-19"), DateValue::Point("2024-06-19".into()));
        assert_eq!(span("2024-06"), DateValue::Point("2024-06".into()));
        assert_eq!(span("1961"), DateValue::Point("1961".into()));
        assert_eq!(
            span("2024-06-18/2024-06-19"),
            DateValue::Range {
                from: "2024-06-18".into(),
                to: "2024-06-19".into()
            }
        );
    }
}

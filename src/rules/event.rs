//! `[[event]]`: an event the corpus reports on, the words and entities that
//! identify a mention of it, and what is known of it (reference facts).
//!
//! ```toml
//! [[event]]
//! id = "traite-1961"
//! name = "Traité d'amitié soviéto-nord-coréen"
//! words = ["traité", "accord", "entente"]     # a trailing * matches any ending
//! names = ["traité de Moscou de 1961"]       # phrases that name it alone
//! entities = ["kim-il-sung", "nikita-khrouchtchev", "urss"]
//! date = "1961-07-06"                         # YYYY, YYYY-MM, YYYY-MM-DD or FROM/TO
//! place = "moscou"
//! participants = ["kim-il-sung", "nikita-khrouchtchev"]
//! source = "Wikipédia (fr), « Traité d'amitié … (1961) »"
//!
//! [[event.figure]]
//! id = "soldats"
//! unit = "soldat"                             # the counted noun, singular
//! unit_forms = ["militaire"]                  # other ways of writing it
//! role = "engagés"                            # optional: the word after it
//! as_of = "2024-12"                           # optional: holds from then
//! value = 12000
//! source = "…"
//! ```

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::{Origin, Reference, RuleError, RuleSet, Source};
use crate::extract::dates::{DateSpan, Granularity};

#[derive(Clone, Debug)]
pub struct Event {
    pub origin: Origin,
    pub name: String,
    /// Trigger words, folded; a trailing `*` matches any ending.
    pub words: Vec<String>,
    /// Names that say which event is meant by themselves ("traité de
    /// l'Élysée", "sommet de Vostotchny"): each as written, and its pieces
    /// folded.
    pub names: Vec<(String, Vec<String>)>,
    /// Entity ids whose presence around a trigger identifies the event.
    pub entities: Vec<String>,
    pub date: Option<DateSpan>,
    /// The date as written in the rule, for messages.
    pub date_text: Option<String>,
    pub place: Option<String>,
    pub participants: Vec<String>,
    pub figures: Vec<Figure>,
    pub source: String,
}

/// A quantity known about an event.
#[derive(Clone, Debug)]
pub struct Figure {
    pub id: String,
    /// The counted noun, folded and singular ("soldat", "obus"), and the
    /// other ways of writing it ("km" for "kilometre").
    pub unit: String,
    pub unit_forms: Vec<String>,
    /// The word that tells this figure from another of the same unit:
    /// "pour" in "27 voix pour, 8 contre" (folded).
    pub role: Option<String>,
    /// The date from which this value holds: an estimate revised later is
    /// declared again with the later date, and a statement is compared
    /// with the value that held when its article was published.
    pub as_of: Option<chrono::NaiveDate>,
    pub value: f64,
    pub source: String,
}

impl Figure {
    /// Whether a stated number counts this figure: its unit (or one of its
    /// forms) and, for a figure with a role, the role word after it; a
    /// number with no unit counts it when the role word follows it ("8
    /// contre" after "27 voix pour"). A figure without a role does not
    /// count the votes against ("72 voix contre").
    pub fn counts(&self, unit: Option<&str>, next_words: [&str; 2]) -> bool {
        let role_follows = |w: &str| self.role.as_deref() == Some(w);
        match unit {
            Some(u) if u == self.unit || self.unit_forms.iter().any(|f| f == u) => {
                match &self.role {
                    // "72 voix contre" is no count of all votes.
                    None => !next_words.contains(&"contre"),
                    Some(_) => role_follows(next_words[1]) || role_follows(next_words[0]),
                }
            }
            Some(_) => false,
            None => role_follows(next_words[0]),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventToml {
    id: Spanned<String>,
    name: String,
    words: Vec<Spanned<String>>,
    #[serde(default)]
    names: Vec<Spanned<String>>,
    #[serde(default)]
    entities: Vec<Spanned<String>>,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    place: Option<Spanned<String>>,
    #[serde(default)]
    participants: Vec<Spanned<String>>,
    #[serde(default)]
    figure: Vec<FigureToml>,
    source: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureToml {
    id: String,
    unit: String,
    #[serde(default)]
    unit_forms: Vec<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    as_of: Option<Spanned<String>>,
    value: f64,
    source: Spanned<String>,
}

/// Parses a reference date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or two of
/// them joined by `/` for a range.
pub fn parse_date(text: &str) -> Option<DateSpan> {
    if let Some((from, to)) = text.split_once('/') {
        let (a, b) = (parse_date(from.trim())?, parse_date(to.trim())?);
        return (a.first <= b.last).then_some(DateSpan {
            first: a.first,
            last: b.last,
            granularity: a.granularity.min(b.granularity),
        });
    }
    let parts: Vec<&str> = text.trim().split('-').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)? as i32;
            Some(DateSpan {
                first: NaiveDate::from_ymd_opt(y, 1, 1)?,
                last: NaiveDate::from_ymd_opt(y, 12, 31)?,
                granularity: Granularity::Year,
            })
        }
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some(DateSpan {
                first,
                last: next.pred_opt()?,
                granularity: Granularity::Month,
            })
        }
        [y, m, d] if y.len() == 4 => {
            let day = NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)?;
            Some(DateSpan {
                first: day,
                last: day,
                granularity: Granularity::Day,
            })
        }
        _ => None,
    }
}

pub(super) fn validate(
    raw: EventToml,
    src: &Source,
    set: &mut RuleSet,
    errors: &mut Vec<RuleError>,
) -> Option<Event> {
    let before = errors.len();
    let id = raw.id.get_ref().clone();
    let first_in = set
        .events
        .iter()
        .find(|e| e.origin.id == id)
        .map(|e| e.origin.file.clone());
    super::check_unique_id(src, "event", &raw.id, first_in.as_deref(), errors);
    super::check_source(src, &format!("event `{id}`"), &raw.source, errors);
    let mut words = Vec::new();
    for w in &raw.words {
        let word = crate::extract::name_form::fold(w.get_ref().trim());
        let stem = word.trim_end_matches('*');
        if stem.is_empty() || !stem.chars().all(char::is_alphanumeric) {
            errors.push(src.error(
                format!(
                    "event `{id}`: a trigger word is one word, optionally ending in *: {:?}",
                    w.get_ref()
                ),
                w.span(),
                "this word",
                None,
            ));
        }
        words.push(word);
    }
    let mut names = Vec::new();
    for n in &raw.names {
        let text = n.get_ref().trim();
        let folded: Vec<String> = crate::extract::pieces::pieces(text, 0)
            .iter()
            .map(|p| crate::extract::name_form::fold(&text[p.start..p.end]))
            .collect();
        if folded.len() < 2 {
            errors.push(src.error(
                format!(
                    "event `{id}`: a name is two words or more, the event's own: {:?}",
                    n.get_ref()
                ),
                n.span(),
                "this name",
                Some("one word goes in `words`; `names` are phrases such as \"traité de l'Élysée\"".into()),
            ));
        }
        names.push((text.to_string(), folded));
    }
    if words.is_empty() {
        errors.push(src.error(
            format!("event `{id}` has no trigger words"),
            raw.id.span(),
            "this event",
            Some("list the words that name it in `words`, e.g. [\"traité\", \"accord\"]".into()),
        ));
    }
    let date = match &raw.date {
        Some(d) => match parse_date(d.get_ref()) {
            Some(span) => Some(span),
            None => {
                errors.push(src.error(
                    format!("event `{id}`: invalid date {:?}", d.get_ref()),
                    d.span(),
                    "this date",
                    Some("write YYYY, YYYY-MM, YYYY-MM-DD, or FROM/TO such as 2024-06-18/2024-06-19".into()),
                ));
                None
            }
        },
        None => None,
    };
    let mut figures = Vec::new();
    for f in raw.figure {
        if f.source.get_ref().trim().is_empty() {
            errors.push(src.error(
                format!("figure `{}` of event `{id}` has an empty source", f.id),
                f.source.span(),
                "empty",
                None,
            ));
        }
        let as_of = f.as_of.as_ref().and_then(|d| match parse_date(d.get_ref()) {
            Some(span) => Some(span.first),
            None => {
                errors.push(src.error(
                    format!("figure `{}` of event `{id}`: invalid as_of date {:?}", f.id, d.get_ref()),
                    d.span(),
                    "this date",
                    Some("write YYYY, YYYY-MM or YYYY-MM-DD: the day from which the value holds".into()),
                ));
                None
            }
        });
        let fold = |w: &str| singular(&crate::extract::name_form::fold(w.trim()));
        figures.push(Figure {
            id: f.id,
            unit: crate::extract::name_form::fold(f.unit.trim()),
            unit_forms: f.unit_forms.iter().map(|w| fold(w)).collect(),
            role: f
                .role
                .as_deref()
                .map(|r| crate::extract::name_form::fold(r.trim())),
            as_of,
            value: f.value,
            source: f.source.into_inner(),
        });
    }
    let refs = raw
        .entities
        .iter()
        .chain(raw.place.iter())
        .chain(raw.participants.iter());
    for r in refs {
        set.references.push(Reference::new(
            src,
            r.get_ref(),
            r.span(),
            &format!("event `{id}`"),
        ));
    }
    if errors.len() > before {
        return None;
    }
    Some(Event {
        origin: Origin {
            file: src.path.to_string(),
            id,
        },
        name: raw.name,
        words,
        names,
        entities: raw.entities.into_iter().map(Spanned::into_inner).collect(),
        date,
        date_text: raw.date.map(Spanned::into_inner),
        place: raw.place.map(Spanned::into_inner),
        participants: raw
            .participants
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        figures,
        source: raw.source.into_inner(),
    })
}

/// A folded noun in the singular, as the figure extractor writes units
/// ("kilometres" → "kilometre"; "km" stays).
fn singular(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(w) if w.len() > 2 => w.to_string(),
        _ => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_for_test;

    const ENTITIES: &str =
        "[[entity]]\nid = \"moscou\"\nname = \"Moscou\"\nkind = \"place\"\nsource = \"s\"\n\n";

    #[test]
    fn reference_dates_of_every_granularity() {
        let d = parse_date("1961-07-06").unwrap();
        assert_eq!(
            (d.first, d.granularity),
            (
                NaiveDate::from_ymd_opt(1961, 7, 6).unwrap(),
                Granularity::Day
            )
        );
        let m = parse_date("2024-02").unwrap();
        assert_eq!(m.last, NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        let r = parse_date("2024-06-18/2024-06-19").unwrap();
        assert_eq!(
            (r.first.to_string(), r.last.to_string()),
            ("2024-06-18".into(), "2024-06-19".into())
        );
        assert!(parse_date("2024-13-01").is_none());
        assert!(parse_date("19 juin 2024").is_none());
    }

    #[test]
    fn an_event_loads_with_its_figures() {
        let text = format!(
            "{ENTITIES}[[event]]\nid = \"t\"\nname = \"Traité\"\nwords = [\"traité\", \"accord*\"]\ndate = \"1961-07-06\"\n\
             place = \"moscou\"\nsource = \"s\"\n[[event.figure]]\nid = \"f\"\nunit = \"Soldat\"\nvalue = 12000\nsource = \"s\"\n"
        );
        let set = parse_for_test(&text).unwrap();
        let e = &set.events[0];
        assert_eq!(e.words, vec!["traite", "accord*"]);
        assert_eq!(e.figures[0].unit, "soldat");
        assert_eq!(e.place.as_deref(), Some("moscou"));
    }

    #[test]
    fn bad_dates_and_unknown_entities_point_at_the_value() {
        let text = format!(
            "{ENTITIES}[[event]]\nid = \"t\"\nname = \"T\"\nwords = [\"traité\"]\ndate = \"6 juillet 1961\"\nsource = \"s\"\n"
        );
        let errors = parse_for_test(&text).unwrap_err();
        assert!(
            errors[0].message.contains("invalid date"),
            "{}",
            errors[0].message
        );
        let text = format!(
            "{ENTITIES}[[event]]\nid = \"t\"\nname = \"T\"\nwords = [\"traité\"]\nplace = \"moskva\"\nsource = \"s\"\n"
        );
        let errors = parse_for_test(&text).unwrap_err();
        assert!(
            errors[0].message.contains("unknown entity `moskva`"),
            "{}",
            errors[0].message
        );
        let span = errors[0].span.unwrap();
        assert_eq!(
            &text[span.offset()..span.offset() + span.len()],
            "\"moskva\""
        );
    }
}

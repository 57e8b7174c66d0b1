//! What the corpus states about each event, and who disagrees: the shared
//! mechanism of the contradiction checks. Statements are grouped by event
//! (a vector indexed by event, never a comparison of every pair of
//! articles) and compared with the reference fact when the rules give one,
//! else with the statement most others agree with.

use crate::diagnostic::{Diagnostic, Kind, Related, Severity};
use crate::extract::dates::{DateSpan, Granularity};
use crate::extract::events::identity::{Attribute, Identity};
use crate::rules::Event;
use crate::span::Span;

/// One article's statement of one attribute of an event.
#[derive(Clone, Debug)]
pub struct Statement<'a, V> {
    pub file: &'a str,
    pub span: Span,
    pub text: &'a str,
    pub value: V,
    /// What told the mention is this event, for the message.
    pub identity: Option<&'a Identity>,
}

/// A statement that disagrees, and the statements it disagrees with.
pub struct Disagreement {
    pub outlier: usize,
    /// Statements that agree with the reference or the consensus.
    pub against: Vec<usize>,
}

/// Statements that disagree with `reference`, or without one with the
/// value most statements agree with (the earliest on a tie). Statements
/// are first grouped by distinct value — an event has few dates, places or
/// figures however many articles state them — so this is linear in the
/// statements.
pub fn disagreements<V: PartialEq>(
    statements: &[Statement<V>],
    reference: Option<&V>,
    agree: impl Fn(&V, &V) -> bool,
) -> Vec<Disagreement> {
    let fits: Vec<bool> = match reference {
        Some(r) => statements.iter().map(|s| agree(&s.value, r)).collect(),
        None => {
            // (value, how many state it, first statement of it)
            let mut distinct: Vec<(&V, usize, usize)> = Vec::new();
            for (i, s) in statements.iter().enumerate() {
                match distinct.iter_mut().find(|(v, _, _)| **v == s.value) {
                    Some(entry) => entry.1 += 1,
                    None => distinct.push((&s.value, 1, i)),
                }
            }
            let support = |v: &V| -> usize {
                distinct
                    .iter()
                    .filter(|(w, _, _)| agree(v, w))
                    .map(|(_, n, _)| n)
                    .sum()
            };
            let leader = distinct
                .iter()
                .max_by_key(|&&(v, _, first)| (support(v), std::cmp::Reverse(first)))
                .map(|&(v, _, _)| v);
            match leader {
                Some(l) => statements.iter().map(|s| agree(&s.value, l)).collect(),
                None => Vec::new(),
            }
        }
    };
    let against: Vec<usize> = (0..fits.len()).filter(|&i| fits[i]).take(3).collect();
    (0..fits.len())
        .filter(|&i| !fits[i])
        .map(|outlier| Disagreement {
            outlier,
            against: against.clone(),
        })
        .collect()
}

/// Related spans citing `which` statements: "\"19 juin 2024\" here".
pub fn related<V>(
    statements: &[Statement<V>],
    which: impl IntoIterator<Item = usize>,
) -> Vec<Related> {
    which
        .into_iter()
        .map(|j| {
            let other = &statements[j];
            Related {
                file: other.file.to_string(),
                span: other.span,
                text: other.text.to_string(),
                message: format!("\"{}\" here", other.text),
            }
        })
        .collect()
}

/// The diagnostic for one disagreement: on the outlier, citing what the
/// others and the reference say.
pub fn report<V>(
    kind: Kind,
    event: &Event,
    statements: &[Statement<V>],
    d: &Disagreement,
    reference: Option<String>,
    describe: impl Fn(&V) -> String,
) -> Diagnostic {
    let s = &statements[d.outlier];
    let mut said = vec![format!("{} here", describe(&s.value))];
    // The same statement from the same place is said once, with a count.
    let mut others: Vec<(String, usize)> = Vec::new();
    for &j in &d.against {
        let other = &statements[j];
        let place = if other.file == s.file {
            "elsewhere in this article".to_string()
        } else {
            format!("in {}", other.file)
        };
        let line = format!("{} {place}", describe(&other.value));
        match others.iter_mut().find(|(l, _)| *l == line) {
            Some((_, n)) => *n += 1,
            None => others.push((line, 1)),
        }
    }
    for (line, n) in others {
        said.push(if n > 1 {
            format!("{line} ({n} times)")
        } else {
            line
        });
    }
    if let Some(r) = &reference {
        said.push(format!("reference: {r}"));
    }
    let attribute = match kind {
        Kind::DateContradiction => Attribute::Date,
        Kind::LocationContradiction => Attribute::Place,
        Kind::ParticipantContradiction => Attribute::Participant,
        _ => Attribute::Figure,
    };
    if let Some(e) = s.identity.and_then(|i| i.evidence(attribute)) {
        said.push(format!("identified by {e}"));
    }
    let related = related(statements, d.against.iter().copied());
    let severity = if reference.is_some() {
        Severity::Error
    } else {
        Severity::Warning
    };
    Diagnostic::new(
        kind,
        severity,
        s.file,
        s.span,
        s.text,
        format!("{}: {}", event.name, said.join("; ")),
    )
    .with_related(related)
    .with_rule(Some(event.origin.reference()))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date interval in words: "19 June 2024", "18–19 June 2024", "June
/// 2024", "2024", "the 1950s".
pub fn describe_date(span: &DateSpan) -> String {
    use chrono::Datelike;
    let (a, b) = (span.first, span.last);
    let month = |d: chrono::NaiveDate| MONTHS[d.month0() as usize];
    match span.granularity {
        Granularity::Year if a.year() == b.year() => a.year().to_string(),
        Granularity::Decade => format!("the {}s", a.year()),
        Granularity::Month if a.month() == b.month() && a.year() == b.year() => {
            format!("{} {}", month(a), a.year())
        }
        _ if a == b => format!("{} {} {}", a.day(), month(a), a.year()),
        _ if a.year() == b.year() && a.month() == b.month() => {
            format!("{}–{} {} {}", a.day(), b.day(), month(a), a.year())
        }
        _ if a.year() == b.year() => format!(
            "{} {} – {} {} {}",
            a.day(),
            month(a),
            b.day(),
            month(b),
            a.year()
        ),
        _ => format!(
            "{} {} {} – {} {} {}",
            a.day(),
            month(a),
            a.year(),
            b.day(),
            month(b),
            b.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_date;

    fn st(value: i32) -> Statement<'static, i32> {
        Statement {
            file: "a.txt",
            span: Span::FILE,
            text: "x",
            value,
            identity: None,
        }
    }

    #[test]
    fn outliers_against_a_reference_and_against_the_majority() {
        let s = vec![st(1), st(2), st(1)];
        let with_ref = disagreements(&s, Some(&1), |a, b| a == b);
        assert_eq!(
            with_ref.iter().map(|d| d.outlier).collect::<Vec<_>>(),
            vec![1]
        );
        assert_eq!(with_ref[0].against, vec![0, 2]);
        let by_majority = disagreements(&s, None, |a, b| a == b);
        assert_eq!(
            by_majority.iter().map(|d| d.outlier).collect::<Vec<_>>(),
            vec![1]
        );
        let all_agree = disagreements(&[st(1), st(1)], None, |a, b| a == b);
        assert!(all_agree.is_empty());
    }

    #[test]
    fn dates_in_words() {
        let d = |t: &str| describe_date(&parse_date(t).unwrap());
        assert_eq!(d("2024-06-19"), "19 June 2024");
        assert_eq!(d("2024-06-18/2024-06-19"), "18–19 June 2024");
        assert_eq!(d("2024-06"), "June 2024");
        assert_eq!(d("1961"), "1961");
    }
}

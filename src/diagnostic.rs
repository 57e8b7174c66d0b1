//! The one finding type every check produces and every report renders.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::span::Span;

/// What a diagnostic flags. The string forms are a stable contract (JSON
/// `kind`, `--kind`, `factlint explain`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    NameTypo,
    NameVariant,
    NameCase,
    DateContradiction,
    LocationContradiction,
    ParticipantContradiction,
    NumberContradiction,
    WeekdayMismatch,
    AnniversaryMismatch,
    AmbiguousDate,
    UnsourcedClaim,
    VagueAttribution,
    AnonymousQuote,
    QuoteMismatch,
    Spelling,
    Typography,
    Grammar,
    FileError,
}

impl Kind {
    pub const ALL: [Kind; 18] = [
        Kind::NameTypo,
        Kind::NameVariant,
        Kind::NameCase,
        Kind::DateContradiction,
        Kind::LocationContradiction,
        Kind::ParticipantContradiction,
        Kind::NumberContradiction,
        Kind::WeekdayMismatch,
        Kind::AnniversaryMismatch,
        Kind::AmbiguousDate,
        Kind::UnsourcedClaim,
        Kind::VagueAttribution,
        Kind::AnonymousQuote,
        Kind::QuoteMismatch,
        Kind::Spelling,
        Kind::Typography,
        Kind::Grammar,
        Kind::FileError,
    ];

    /// The kind's name, the design's `kind` string.
    pub fn as_str(self) -> &'static str {
        self.info().0
    }

    /// The short stable code of the kind.
    pub fn code(self) -> &'static str {
        self.info().1
    }

    /// One line that says what the kind flags.
    pub fn summary(self) -> &'static str {
        self.info().2
    }

    /// The one table of names, codes and summaries: a code can be given once.
    fn info(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Kind::FileError => (
                "file-error",
                "FL001",
                "a file that could not be read or decoded",
            ),
            Kind::NameTypo => (
                "name-typo",
                "FL101",
                "a proper name that is a near-miss of a known or dominant name",
            ),
            Kind::NameVariant => (
                "name-variant",
                "FL102",
                "an accepted variant of a name used instead of the house form",
            ),
            Kind::NameCase => ("name-case", "FL103", "a proper name written in lower case"),
            Kind::DateContradiction => (
                "date-contradiction",
                "FL201",
                "the same event given different dates",
            ),
            Kind::LocationContradiction => (
                "location-contradiction",
                "FL202",
                "the same event placed in different places",
            ),
            Kind::ParticipantContradiction => (
                "participant-contradiction",
                "FL203",
                "the same event or treaty attributed to different people",
            ),
            Kind::NumberContradiction => (
                "number-contradiction",
                "FL204",
                "the same quantity reported differently",
            ),
            Kind::WeekdayMismatch => (
                "weekday-mismatch",
                "FL205",
                "a weekday that does not fit its date",
            ),
            Kind::AnniversaryMismatch => (
                "anniversary-mismatch",
                "FL206",
                "an anniversary number that does not fit the years given",
            ),
            Kind::AmbiguousDate => (
                "ambiguous-date",
                "FL207",
                "a partial or relative date that cannot be anchored",
            ),
            Kind::UnsourcedClaim => (
                "unsourced-claim",
                "FL301",
                "a check-worthy assertion with no attribution",
            ),
            Kind::VagueAttribution => (
                "vague-attribution",
                "FL302",
                "an attribution to an unnamed or collective source",
            ),
            Kind::AnonymousQuote => (
                "anonymous-quote",
                "FL303",
                "a quotation with no named speaker",
            ),
            Kind::QuoteMismatch => (
                "quote-mismatch",
                "FL304",
                "the same quotation given in other words or to another speaker",
            ),
            Kind::Spelling => ("spelling", "FL401", "a misspelled common word"),
            Kind::Typography => (
                "typography",
                "FL402",
                "French typography: spacing, quotation marks, glued words",
            ),
            Kind::Grammar => (
                "grammar",
                "FL403",
                "a grammar slip such as a missing elision",
            ),
        }
    }

    /// The kind named by a kind string or a code (case-insensitive).
    pub fn lookup(name: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(name) || k.code().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::lookup(s).ok_or_else(|| {
            let names: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown kind `{s}`; kinds are: {}", names.join(", "))
        })
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place that bears on a finding, possibly in another file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub file: String,
    pub span: Span,
    pub text: String,
    pub message: String,
}

/// One finding: everything any report needs to render it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub kind: Kind,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub span: Span,
    pub text: String,
    pub suggestion: Option<String>,
    pub related: Vec<Related>,
    pub rule: Option<String>,
    /// Whether `--fix` may replace the span with the suggestion unasked:
    /// the one replacement is certain (a house spelling, a typographic
    /// space). Suggestions that need an editor's judgement stay unsafe.
    #[serde(skip)]
    pub safe_fix: bool,
}

impl Diagnostic {
    pub fn new(
        kind: Kind,
        severity: Severity,
        file: &str,
        span: Span,
        text: &str,
        message: String,
    ) -> Self {
        Diagnostic {
            code: kind.code(),
            kind,
            severity,
            message,
            file: file.to_string(),
            span,
            text: text.to_string(),
            suggestion: None,
            related: Vec::new(),
            rule: None,
            safe_fix: false,
        }
    }

    /// A replacement to show, which an editor must judge (not applied by
    /// `--fix`).
    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self.safe_fix = false;
        self
    }

    /// The one safe replacement of the span, applied by `--fix`.
    pub fn with_fix(mut self, replacement: impl Into<String>) -> Self {
        self.suggestion = Some(replacement.into());
        self.safe_fix = true;
        self
    }

    pub fn with_rule(mut self, rule: Option<String>) -> Self {
        self.rule = rule;
        self
    }

    pub fn with_related(mut self, related: Vec<Related>) -> Self {
        self.related = related;
        self
    }

    /// The deterministic report order: file, then offset, then kind.
    pub fn sort_key(&self) -> (&str, usize, usize, Kind) {
        (&self.file, self.span.start, self.span.end, self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_codes_are_unique() {
        let mut codes = std::collections::HashSet::new();
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
            assert_eq!(kind.code().parse::<Kind>(), Ok(kind));
            assert!(
                codes.insert(kind.code()),
                "code {} given twice",
                kind.code()
            );
        }
        assert!("name-typos".parse::<Kind>().is_err());
    }
}

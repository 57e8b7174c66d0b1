//! The facts factlint read from an article, as records: what `factlint
//! facts` prints, one JSON object a line, and what a later run can read
//! back (every record is `Serialize` and `Deserialize`).
//!
//! A record is a view of the extract types: entity and event ids and
//! canonical names are looked up in the rules, a date's value is written
//! as TimeML TIMEX3 ([`timex`]). Every record has `file` and `span`
//! (byte offsets, 1-based line and column in characters, as in the JSON
//! report), and the records of a file come in span order.

pub mod export;
pub mod timex;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::dates::{self, Anchor, DateForm, DateMention, Granularity};
use crate::extract::events::{StatedName, YearSource};
use crate::extract::names::Fit;
use crate::extract::sourcing::Speaker;
use crate::extract::{CompiledRules, Facts, FormRole};
use crate::rules::RuleSet;
use crate::span::Span;
use timex::{DateValue, Modifier};

/// One fact, tagged by `kind`. New kinds are new variants: a reader that
/// does not know a kind fails on it rather than misreading it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FactRecord {
    Date(DateRecord),
    Name(NameRecord),
    // Boxed: an event with its attributes is much larger than the rest.
    Event(Box<EventRecord>),
    Anniversary(AnniversaryRecord),
    Quote(QuoteRecord),
    Attribution(AttributionRecord),
    Claim(ClaimRecord),
    Number(NumberRecord),
    /// A file that could not be read: no facts, and why.
    FileError(FileErrorRecord),
    /// What the cross-article checks compare, for `factlint check --facts`.
    Article(Box<ArticleRecord>),
}

impl FactRecord {
    pub fn file(&self) -> &str {
        match self {
            FactRecord::Date(r) => &r.file,
            FactRecord::Name(r) => &r.file,
            FactRecord::Event(r) => &r.file,
            FactRecord::Anniversary(r) => &r.file,
            FactRecord::Quote(r) => &r.file,
            FactRecord::Attribution(r) => &r.file,
            FactRecord::Claim(r) => &r.file,
            FactRecord::Number(r) => &r.file,
            FactRecord::FileError(r) => &r.file,
            FactRecord::Article(r) => &r.file,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            FactRecord::Date(r) => r.span,
            FactRecord::Name(r) => r.span,
            FactRecord::Event(r) => r.span,
            FactRecord::Anniversary(r) => r.span,
            FactRecord::Quote(r) => r.span,
            FactRecord::Attribution(r) => r.span,
            FactRecord::Claim(r) => r.span,
            FactRecord::Number(r) => r.span,
            FactRecord::FileError(r) => r.span,
            FactRecord::Article(r) => r.span,
        }
    }

    /// The `kind` tag, as written in the record.
    pub fn kind(&self) -> &'static str {
        match self {
            FactRecord::Date(_) => "date",
            FactRecord::Name(_) => "name",
            FactRecord::Event(_) => "event",
            FactRecord::Anniversary(_) => "anniversary",
            FactRecord::Quote(_) => "quote",
            FactRecord::Attribution(_) => "attribution",
            FactRecord::Claim(_) => "claim",
            FactRecord::Number(_) => "number",
            FactRecord::FileError(_) => "file-error",
            FactRecord::Article(_) => "article",
        }
    }
}

/// The corpus-level facts of one article (the names, spellings, event
/// statements and suppressions the cross-article checks compare: the same
/// serde [`Facts`] an index file holds), first among the article's records.
/// They refer to the rules by position, so they are valid only under the
/// rules (`rules`, their fingerprint) and the factlint that read them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub file: String,
    /// The whole file: [`Span::FILE`].
    pub span: Span,
    pub factlint: String,
    pub rules: String,
    pub facts: Facts,
}

impl ArticleRecord {
    /// The record of `facts` once the per-article checks' data is dropped.
    pub fn new(mut facts: Facts, rules_fingerprint: &str, compiled: &CompiledRules) -> Self {
        facts.keep_for_corpus(&compiled.gazetteer);
        ArticleRecord {
            file: facts.file.clone(),
            span: Span::FILE,
            factlint: env!("CARGO_PKG_VERSION").into(),
            rules: rules_fingerprint.into(),
            facts,
        }
    }
}

/// A temporal expression: "19 juin 2024", "mercredi", "l'été dernier".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateRecord {
    pub file: String,
    pub span: Span,
    pub text: String,
    /// TIMEX3: `2024-06-19`, `2024-06`, `2024`, `2024-SU`, `2024-W25`,
    /// `195` (a decade), `XXXX-06-18` (no anchor), or `{from, to}`.
    pub value: DateValue,
    /// Which part of `value` the text names ("fin 2023": `END`).
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// The unit the text names: day, week, month, season, year, decade.
    pub granularity: GranularityName,
    pub form: FormName,
    /// What the value was resolved against.
    pub anchor: AnchorName,
    /// The publication or dateline date it was resolved against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_date: Option<NaiveDate>,
    /// The days the checks compare (inclusive), or null when unresolved.
    pub days: Option<Days>,
    /// The date of the article's dateline: when it was written, not the
    /// date of an event (present only when true).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dateline: bool,
}

/// An inclusive interval of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Days {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl From<dates::DateSpan> for Days {
    fn from(v: dates::DateSpan) -> Days {
        Days {
            first: v.first,
            last: v.last,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GranularityName {
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
}

impl From<Granularity> for GranularityName {
    fn from(g: Granularity) -> Self {
        match g {
            Granularity::Day => GranularityName::Day,
            Granularity::Week => GranularityName::Week,
            Granularity::Month => GranularityName::Month,
            Granularity::Season => GranularityName::Season,
            Granularity::Year => GranularityName::Year,
            Granularity::Decade => GranularityName::Decade,
        }
    }
}

/// How a date is written: in full, missing its year, relative to the
/// publication, a range, or the bound of a period ("depuis 1953").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormName {
    Absolute,
    Partial,
    Relative,
    Range,
    Bound,
}

impl From<DateForm> for FormName {
    fn from(f: DateForm) -> Self {
        match f {
            DateForm::Absolute => FormName::Absolute,
            DateForm::Partial => FormName::Partial,
            DateForm::Relative => FormName::Relative,
            DateForm::Range => FormName::Range,
            DateForm::Bound => FormName::Bound,
        }
    }
}

/// `absolute` (the text gives it all), `publication` (front matter,
/// metadata.toml, factlint.toml), `dateline`, `earlier-date` (a full
/// date written shortly before), `none`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorName {
    Absolute,
    Publication,
    Dateline,
    EarlierDate,
    None,
}

impl From<Anchor> for AnchorName {
    fn from(a: Anchor) -> Self {
        match a {
            Anchor::Absolute => AnchorName::Absolute,
            Anchor::Publication => AnchorName::Publication,
            Anchor::Dateline => AnchorName::Dateline,
            Anchor::EarlierDate => AnchorName::EarlierDate,
            Anchor::Unresolved => AnchorName::None,
        }
    }
}

/// A proper name: a declared entity's form, or a capitalized run of
/// several words that names none (`entity` and `canonical` null).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NameRecord {
    pub file: String,
    pub span: Span,
    pub text: String,
    /// The entity's rule id.
    pub entity: Option<String>,
    /// Its house form.
    pub canonical: Option<String>,
    /// How the text fits the form it was taken for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<FitName>,
    /// What that form is to the house: canonical, accepted or variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRoleName>,
    /// For a near miss, how close it is to the form (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FitName {
    Exact,
    Lowercase,
    Accents,
    Respelled,
    NearMiss,
}

impl From<Fit> for FitName {
    fn from(f: Fit) -> Self {
        match f {
            Fit::Exact => FitName::Exact,
            Fit::Lowercase => FitName::Lowercase,
            Fit::Accents => FitName::Accents,
            Fit::Respelled => FitName::Respelled,
            Fit::NearMiss => FitName::NearMiss,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormRoleName {
    Canonical,
    Accepted,
    Variant,
}

impl From<FormRole> for FormRoleName {
    fn from(r: FormRole) -> Self {
        match r {
            FormRole::Canonical => FormRoleName::Canonical,
            FormRole::Accepted => FormRoleName::Accepted,
            FormRole::Variant => FormRoleName::Variant,
        }
    }
}

/// A sentence speaking of a declared event (its span is the trigger
/// word's), with what it states about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub file: String,
    pub span: Span,
    /// The trigger word: "traité", "sommet".
    pub text: String,
    /// The event's rule id.
    pub event: String,
    pub name: String,
    pub attributes: EventAttributes,
    /// How what it states compares with the event's reference facts, and
    /// what may be reported of it (see README, "Identity before
    /// contradiction"). Judged against the declared facts only: across a
    /// corpus, the consensus also counts.
    #[serde(default)]
    pub identity: IdentityRecord,
}

/// A mention's identity, as `factlint facts` shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdentityRecord {
    /// The event's declared name found in the sentence.
    pub name: Option<String>,
    /// An entity of the event named in the sentence besides its place and
    /// parties.
    pub entity: Option<String>,
    /// Whether another mention of the article establishes the event.
    pub in_article: bool,
    /// Whether it was linked by an entity named elsewhere in the article
    /// only (then only an agreement of what it states vouches for it).
    #[serde(default)]
    pub remote: bool,
    /// Another place named before the event word, not as where it
    /// happened ("La centrale de Zaporijia … a été prise"): then another
    /// mention of the article does not vouch for it.
    #[serde(default)]
    pub rival: Option<String>,
    /// Whether the event word comes with an indefinite article ("une
    /// cérémonie canadienne"): then too another mention does not vouch.
    #[serde(default)]
    pub indefinite: bool,
    /// Each stated attribute against the reference: agrees, near or far.
    pub fits: Vec<crate::extract::events::identity::Fit>,
    /// For each disagreeing attribute, whether it would be reported, or why
    /// not.
    pub verdicts: Vec<Verdict>,
}

/// Whether a disagreement is reported, or why not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub attribute: crate::extract::events::identity::Attribute,
    pub text: String,
    pub reported: bool,
    pub reason: Option<String>,
}

impl IdentityRecord {
    pub fn of(identity: &crate::extract::events::identity::Identity) -> IdentityRecord {
        use crate::extract::events::identity::{Agreement, Attribute};
        let verdicts = identity
            .fits
            .iter()
            .filter(|f| f.agreement != Agreement::Agrees && f.attribute != Attribute::Publication)
            .map(|f| {
                let reported = identity.compared_for(f.attribute, &f.text);
                Verdict {
                    attribute: f.attribute,
                    text: f.text.clone(),
                    reported,
                    reason: (!reported).then(|| identity.reason(f.attribute)),
                }
            })
            .collect();
        IdentityRecord {
            name: identity.name.clone(),
            entity: identity.entity.clone(),
            in_article: identity.in_article,
            remote: identity.remote,
            rival: identity.rival.clone(),
            indefinite: identity.indefinite,
            fits: identity.fits.clone(),
            verdicts,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventAttributes {
    pub date: Option<EventDate>,
    pub place: Option<EntityMention>,
    pub participants: Vec<EntityMention>,
    pub numbers: Vec<EventFigure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    pub span: Span,
    pub text: String,
    pub value: DateValue,
    pub days: Days,
}

/// A declared entity named at `span`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub span: Span,
    pub text: String,
    pub entity: String,
    pub canonical: String,
}

/// A figure stated about an event, in one of its declared units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventFigure {
    pub span: Span,
    pub text: String,
    pub value: f64,
    pub unit: String,
    /// The figure's id in the event rule.
    pub figure: String,
    pub approximate: bool,
}

/// "le 80e anniversaire de la victoire": the ordinal, the event counted
/// from, and the year of the celebration as the article places it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnniversaryRecord {
    pub file: String,
    pub span: Span,
    pub text: String,
    pub ordinal: i32,
    pub event: String,
    pub year: Option<i32>,
    /// Where the year comes from: `stated` (a date in the sentence),
    /// `event` (another event spoken of), `publication`.
    pub year_from: Option<String>,
}

/// Quoted speech and who says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub file: String,
    pub span: Span,
    pub text: String,
    /// Null when nothing in or around the quotation says who speaks.
    pub speaker: Option<QuoteSpeaker>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteSpeaker {
    pub text: String,
    /// A named person or organisation; false for a description that
    /// names nobody ("Président russe").
    pub named: bool,
    pub span: Option<Span>,
}

/// "Selon les Américains": a statement given a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionRecord {
    pub file: String,
    pub span: Span,
    pub text: String,
    pub source: String,
    /// The source names nobody: unnamed or collective.
    pub vague: bool,
}

/// A check-worthy assertion (a transfer, an attack, a figure of people or
/// money), and whether a source stands in its sentence or next to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub file: String,
    pub span: Span,
    pub text: String,
    pub sourced: bool,
}

/// A figure: "12 000 soldats", "près de 3 millions".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberRecord {
    pub file: String,
    pub span: Span,
    pub text: String,
    pub value: f64,
    /// The counted noun, folded and singular ("soldat"), "%", "euro"…
    pub unit: Option<String>,
    pub approximate: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileErrorRecord {
    pub file: String,
    pub span: Span,
    pub severity: Severity,
    pub message: String,
}

impl From<&Diagnostic> for FileErrorRecord {
    fn from(d: &Diagnostic) -> Self {
        FileErrorRecord {
            file: d.file.clone(),
            span: d.span,
            severity: d.severity,
            message: d.message.clone(),
        }
    }
}

/// The text of `span` in `text`, or nothing when the span does not fit it.
fn slice(text: &str, span: Span) -> String {
    text.get(span.start..span.end)
        .unwrap_or_default()
        .to_string()
}

fn date_record(file: &str, m: &DateMention, facts: &Facts) -> DateRecord {
    let (value, modifier) = timex::value(m);
    DateRecord {
        file: file.to_string(),
        span: m.span,
        text: m.text.clone(),
        value,
        modifier,
        granularity: timex::granularity(m.shape).into(),
        form: m.form.into(),
        anchor: m.anchor.into(),
        anchor_date: matches!(m.anchor, Anchor::Publication | Anchor::Dateline)
            .then_some(facts.publication)
            .flatten(),
        days: m.value.map(Days::from),
        dateline: facts.dateline == Some(m.span),
    }
}

/// The records of one article's facts, in span order. `facts` come from
/// [`crate::extract::read`] (not trimmed for the corpus), with
/// [`crate::extract::read_figures`] for the numbers; `text` is the file's.
pub fn records(
    facts: &Facts,
    text: &str,
    rules: &RuleSet,
    compiled: &CompiledRules,
) -> Vec<FactRecord> {
    let file = facts.file.as_str();
    let gazetteer = &compiled.gazetteer;
    let entity = |e: usize| {
        rules
            .entities
            .get(e)
            .map(|x| (x.origin.id.clone(), x.name.clone()))
    };
    let stated = |n: &StatedName| {
        let (entity, canonical) = entity(n.entity).unwrap_or_default();
        EntityMention {
            span: n.span,
            text: n.text.clone(),
            entity,
            canonical,
        }
    };
    let event_id = |e: usize| {
        rules
            .events
            .get(e)
            .map(|x| x.origin.id.clone())
            .unwrap_or_default()
    };
    let mut out: Vec<FactRecord> = Vec::new();
    for m in &facts.dates {
        out.push(FactRecord::Date(date_record(file, m, facts)));
    }
    for m in &facts.names {
        let form = gazetteer.forms.get(m.form);
        let (entity, canonical) = form.and_then(|f| entity(f.entity)).unzip();
        out.push(FactRecord::Name(NameRecord {
            file: file.to_string(),
            span: m.span,
            text: m.text.clone(),
            entity,
            canonical,
            fit: Some(m.fit.into()),
            form: form.map(|f| f.role.into()),
            similarity: (m.fit == Fit::NearMiss).then_some(m.similarity),
        }));
    }
    for c in &facts.name_candidates {
        out.push(FactRecord::Name(NameRecord {
            file: file.to_string(),
            span: c.span,
            text: c.text.clone(),
            entity: None,
            canonical: None,
            fit: None,
            form: None,
            similarity: None,
        }));
    }
    for m in &facts.events {
        let Some(event) = rules.events.get(m.event) else {
            continue;
        };
        let date = m.date.as_ref().map(|d| {
            // The mention the date came from gives its TIMEX3 value.
            let value = facts
                .dates
                .binary_search_by_key(&d.span.start, |x| x.span.start)
                .ok()
                .map_or_else(
                    || timex::of_span(&d.value),
                    |i| timex::value(&facts.dates[i]).0,
                );
            EventDate {
                span: d.span,
                text: d.text.clone(),
                value,
                days: d.value.into(),
            }
        });
        out.push(FactRecord::Event(Box::new(EventRecord {
            file: file.to_string(),
            span: m.trigger,
            text: m.trigger_text.clone(),
            event: event.origin.id.clone(),
            name: event.name.clone(),
            identity: IdentityRecord::of(&m.identity),
            attributes: EventAttributes {
                date,
                place: m.place.as_ref().map(stated),
                participants: m.participants.iter().map(stated).collect(),
                numbers: m
                    .figures
                    .iter()
                    .map(|f| {
                        let declared = event.figures.get(f.figure);
                        EventFigure {
                            span: f.span,
                            text: f.text.clone(),
                            value: f.value,
                            unit: declared.map(|x| x.unit.clone()).unwrap_or_default(),
                            figure: declared.map(|x| x.id.clone()).unwrap_or_default(),
                            approximate: f.approximate,
                        }
                    })
                    .collect(),
            },
        })));
    }
    for a in &facts.anniversaries {
        let (year, year_from) = match &a.year {
            Some((y, source)) => {
                let from = match source {
                    YearSource::Stated(..) => "stated",
                    YearSource::Event(_) => "event",
                    YearSource::Publication => "publication",
                };
                (Some(*y), Some(from.to_string()))
            }
            None => (None, None),
        };
        out.push(FactRecord::Anniversary(AnniversaryRecord {
            file: file.to_string(),
            span: a.span,
            text: a.text.clone(),
            ordinal: a.ordinal,
            event: event_id(a.event),
            year,
            year_from,
        }));
    }
    for s in &facts.sourcing.speech {
        let speaker = match &s.speaker {
            Speaker::Named(name) => Some((name, true)),
            Speaker::Described(what) => Some((what, false)),
            Speaker::Unknown => None,
        };
        out.push(FactRecord::Quote(QuoteRecord {
            file: file.to_string(),
            span: s.span,
            text: slice(text, s.span),
            speaker: speaker.map(|(text, named)| QuoteSpeaker {
                text: text.clone(),
                named,
                span: s.speaker_span,
            }),
        }));
    }
    for a in &facts.sourcing.attributions {
        out.push(FactRecord::Attribution(AttributionRecord {
            file: file.to_string(),
            span: a.span,
            text: slice(text, a.span),
            source: a.source.clone(),
            vague: a.vague,
        }));
    }
    for c in &facts.sourcing.claims {
        out.push(FactRecord::Claim(ClaimRecord {
            file: file.to_string(),
            span: c.span,
            text: c.text.clone(),
            sourced: c.sourced,
        }));
    }
    for n in &facts.numbers {
        out.push(FactRecord::Number(NumberRecord {
            file: file.to_string(),
            span: n.span,
            text: n.text.clone(),
            value: n.value,
            unit: n.unit.clone(),
            approximate: n.approximate,
        }));
    }
    // Stable: at one offset, the kinds stay in the order above.
    out.sort_by_key(|r| {
        let s = r.span();
        (s.start, s.end)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract;

    /// The records of `text`, read with the bundled rules (entities,
    /// events and the sourcing markers).
    fn read(text: &str) -> Vec<FactRecord> {
        let rules = crate::rules::load(&[std::path::PathBuf::from("rules")]).unwrap();
        let compiled = CompiledRules::new(&rules);
        let doc = Document::from_text("a.txt", text.to_string()).0;
        let (mut facts, prose) = extract::read(&doc, &rules, &compiled);
        extract::read_figures(&mut facts, &prose);
        records(&facts, &doc.text, &rules, &compiled)
    }

    #[test]
    fn every_kind_in_span_order_and_back_from_json() {
        let text = "Pyongyang, 19 juin 2024 — Le traité a été signé mercredi à Pyongyang \
                    par Vladimir Poutine et Kim Jong Un. « Nous sommes alliés pour toujours, \
                    quoi qu'il arrive », a déclaré Poutine. Selon des experts, 12 000 soldats \
                    seraient partis.";
        let records = read(text);
        let kinds: Vec<&str> = records.iter().map(FactRecord::kind).collect();
        for kind in ["date", "name", "event", "quote", "attribution", "number"] {
            assert!(kinds.contains(&kind), "{kind} missing: {kinds:?}");
        }
        let starts: Vec<usize> = records.iter().map(|r| r.span().start).collect();
        assert!(starts.is_sorted(), "{starts:?}");
        for r in &records {
            let json = serde_json::to_string(r).unwrap();
            let back: FactRecord = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, r, "{json}");
            assert_eq!(r.file(), "a.txt");
        }
        let mercredi = records
            .iter()
            .find_map(|r| match r {
                FactRecord::Date(d) if d.text == "mercredi" => Some(d),
                _ => None,
            })
            .expect("mercredi");
        assert_eq!(mercredi.value, DateValue::Point("2024-06-19".into()));
        assert_eq!(mercredi.anchor, AnchorName::Dateline);
        assert_eq!(mercredi.anchor_date, NaiveDate::from_ymd_opt(2024, 6, 19));
        let dateline = records.iter().find_map(|r| match r {
            FactRecord::Date(d) if d.dateline => Some(d),
            _ => None,
        });
        assert_eq!(dateline.map(|d| d.text.as_str()), Some("19 juin 2024"));
        let treaty = records.iter().find_map(|r| match r {
            FactRecord::Event(e) => Some(e),
            _ => None,
        });
        let treaty = treaty.expect("the treaty");
        assert_eq!(
            treaty.attributes.date.as_ref().map(|d| d.text.as_str()),
            Some("mercredi"),
            "the dateline is not the event's date"
        );
        let json = serde_json::to_value(&records[0]).unwrap();
        assert_eq!(json["kind"], "name");
        assert_eq!(json["entity"], "pyongyang");
        let variant = records.iter().find_map(|r| match r {
            FactRecord::Name(n) if n.text == "Kim Jong Un" => Some(n),
            _ => None,
        });
        let variant = variant.expect("Kim Jong Un");
        assert_eq!(variant.canonical.as_deref(), Some("Kim Jong-un"));
        assert_eq!(variant.form, Some(FormRoleName::Variant));
    }

    #[test]
    fn events_carry_their_attributes_with_spans() {
        let records =
            read("Le traité a été signé le 19 juin 2024 à Pyongyang par Vladimir Poutine.");
        let event = records
            .iter()
            .find_map(|r| match r {
                FactRecord::Event(e) => Some(e),
                _ => None,
            })
            .expect("an event");
        assert_eq!(event.event, "traite-2024");
        let date = event.attributes.date.as_ref().expect("a date");
        assert_eq!(date.text, "19 juin 2024");
        assert_eq!(date.value, DateValue::Point("2024-06-19".into()));
        let place = event.attributes.place.as_ref().expect("a place");
        assert_eq!(
            (place.entity.as_str(), place.text.as_str()),
            ("pyongyang", "Pyongyang")
        );
        assert_eq!(
            event.attributes.participants[0].canonical,
            "Vladimir Poutine"
        );
    }

    #[test]
    fn unknown_kinds_are_refused_when_read_back() {
        let bad =
            r#"{"kind":"rumour","file":"a.txt","span":{"start":0,"end":0,"line":1,"column":1}}"#;
        assert!(serde_json::from_str::<FactRecord>(bad).is_err());
    }
}

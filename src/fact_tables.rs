//! What every article says about one event or one entity, side by side:
//! the views behind `factlint facts DIR --event ID` and `--entity ID`.
//! They are built here from the extracted facts; `report::fact_table`
//! only renders them.
//!
//! An event's table has one row per article that speaks of it, with the
//! dates, places, participants and figures it states, under the reference
//! facts of the rule; a statement the event checks flag (the same
//! comparison as the lint: with the reference, else with what most
//! articles say) is marked as a disagreement. An entity's table has one
//! row per article that names it, with each spelling and its count, and
//! the near misses apart.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Kind};
use crate::extract::names::Fit;
use crate::extract::{Facts, Gazetteer};
use crate::fact_records::timex::{self, DateValue};
use crate::fact_records::{FitName, FormRoleName};
use crate::rules::RuleSet;
use crate::span::Span;

/// What the corpus says about one event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventTable {
    pub event: String,
    pub name: String,
    /// `FILE#id` of the rule.
    pub rule: String,
    pub reference: EventReference,
    /// One row per article that speaks of the event, in corpus order.
    pub articles: Vec<EventRow>,
    /// How many files were looked at, those that could not be read
    /// included (as the lint's "files checked").
    pub articles_read: usize,
}

/// The reference facts of an event rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventReference {
    /// The date as the rule writes it, and as TIMEX3.
    pub date: Option<ReferenceDate>,
    pub place: Option<EntityName>,
    pub participants: Vec<EntityName>,
    pub figures: Vec<ReferenceFigure>,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceDate {
    pub text: String,
    pub value: DateValue,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityName {
    pub entity: String,
    pub canonical: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceFigure {
    pub figure: String,
    pub value: f64,
    pub unit: String,
    pub source: String,
}

/// What one article says about the event: each distinct statement once,
/// with how often it is made and where first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub file: String,
    /// Sentences of the article that speak of the event.
    pub mentions: usize,
    pub date: Vec<Statement>,
    pub place: Vec<Statement>,
    pub participants: Vec<Statement>,
    pub figures: Vec<Statement>,
}

impl EventRow {
    /// Whether any statement of the row disagrees.
    pub fn disagrees(&self) -> bool {
        [&self.date, &self.place, &self.participants, &self.figures]
            .iter()
            .any(|cells| cells.iter().any(|c| c.disagrees))
    }
}

/// One statement of an attribute: "ce 18 juin" (`2024-06-18`),
/// "Pekin" (Pékin), "45 voix".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub text: String,
    /// What it states: a TIMEX3 date, an entity's canonical name, a number.
    pub value: serde_json::Value,
    /// The entity's id, for places and participants; the figure's id and
    /// unit, for figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The first place it is made.
    pub span: Span,
    pub count: usize,
    /// Whether the event checks flag it (against the reference, or the
    /// other articles when the rule gives none).
    pub disagrees: bool,
}

/// Builds the table of event `event` (an index into `rules.events`) from
/// the facts of the corpus, in corpus order, and the event checks'
/// findings on them (see [`crate::engine::event_findings`]).
pub fn event_table(
    event: usize,
    facts: &[&Facts],
    findings: &[Diagnostic],
    rules: &RuleSet,
) -> EventTable {
    let rule = &rules.events[event];
    let entity_name = |id: &str| EntityName {
        entity: id.to_string(),
        canonical: rules
            .entity_index(id)
            .map_or_else(|| id.to_string(), |e| rules.entities[e].name.clone()),
    };
    let reference = EventReference {
        date: rule.date.as_ref().map(|d| ReferenceDate {
            text: rule.date_text.clone().unwrap_or_default(),
            value: timex::of_span(d),
        }),
        place: rule.place.as_deref().map(entity_name),
        participants: rule.participants.iter().map(|p| entity_name(p)).collect(),
        figures: rule
            .figures
            .iter()
            .map(|f| ReferenceFigure {
                figure: f.id.clone(),
                value: f.value,
                unit: f.unit.clone(),
                source: f.source.clone(),
            })
            .collect(),
        source: rule.source.clone(),
    };
    let flagged: rustc_hash::FxHashSet<(&str, usize)> = findings
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                Kind::DateContradiction
                    | Kind::LocationContradiction
                    | Kind::ParticipantContradiction
                    | Kind::NumberContradiction
            )
        })
        .map(|d| (d.file.as_str(), d.span.start))
        .collect();
    let entity_of = |e: usize| {
        rules
            .entities
            .get(e)
            .map(|x| (x.origin.id.clone(), x.name.clone()))
            .unwrap_or_default()
    };
    let mut articles = Vec::new();
    for doc in facts {
        let file = doc.file.as_str();
        let disagrees = |span: Span| flagged.contains(&(file, span.start));
        let mut row = EventRow {
            file: file.to_string(),
            mentions: 0,
            date: Vec::new(),
            place: Vec::new(),
            participants: Vec::new(),
            figures: Vec::new(),
        };
        for m in doc.events.iter().filter(|m| m.event == event) {
            row.mentions += 1;
            if let Some(d) = &m.date {
                let value = serde_json::to_value(timex::of_span(&d.value)).unwrap_or_default();
                add(
                    &mut row.date,
                    &d.text,
                    value,
                    d.span,
                    disagrees(d.span),
                    |_| {},
                );
            }
            let names = m.place.iter().map(|p| (p, false));
            let names = names.chain(m.participants.iter().map(|p| (p, true)));
            for (n, participant) in names {
                let (id, canonical) = entity_of(n.entity);
                let cells = if participant {
                    &mut row.participants
                } else {
                    &mut row.place
                };
                add(
                    cells,
                    &n.text,
                    canonical.into(),
                    n.span,
                    disagrees(n.span),
                    |s| s.entity = Some(id.clone()),
                );
            }
            for f in &m.figures {
                let declared = rule.figures.get(f.figure);
                add(
                    &mut row.figures,
                    &f.text,
                    serde_json::Number::from_f64(f.value)
                        .map_or(serde_json::Value::Null, Into::into),
                    f.span,
                    disagrees(f.span),
                    |s| {
                        s.figure = declared.map(|x| x.id.clone());
                        s.unit = declared.map(|x| x.unit.clone());
                    },
                );
            }
        }
        if row.mentions > 0 {
            articles.push(row);
        }
    }
    EventTable {
        event: rule.origin.id.clone(),
        name: rule.name.clone(),
        rule: rule.origin.reference(),
        reference,
        articles,
        articles_read: facts.len(),
    }
}

/// Adds a statement to `cells`, or counts it again when the same text
/// states the same value.
fn add(
    cells: &mut Vec<Statement>,
    text: &str,
    value: serde_json::Value,
    span: Span,
    disagrees: bool,
    fill: impl FnOnce(&mut Statement),
) {
    if let Some(s) = cells
        .iter_mut()
        .find(|s| s.text == text && s.value == value)
    {
        s.count += 1;
        s.disagrees |= disagrees;
        return;
    }
    let mut s = Statement {
        text: text.to_string(),
        value,
        entity: None,
        figure: None,
        unit: None,
        span,
        count: 1,
        disagrees,
    };
    fill(&mut s);
    cells.push(s);
}

/// How the corpus spells one entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityTable {
    pub entity: String,
    pub canonical: String,
    /// person, place or organisation.
    pub entity_kind: String,
    pub rule: String,
    /// Other forms the house accepts, and variants it replaces.
    pub forms: Vec<String>,
    pub variants: Vec<String>,
    pub source: String,
    /// One row per article that names the entity, in corpus order.
    pub articles: Vec<EntityRow>,
    /// As in [`EventTable::articles_read`].
    pub articles_read: usize,
}

/// How one article names the entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    pub file: String,
    pub mentions: usize,
    /// Spellings of a declared form (exact, or in lower case, with other
    /// accents, spaced or hyphenated otherwise), most used first.
    pub spellings: Vec<Spelling>,
    /// Spellings one slip away from a form ("Kim Young-un").
    pub near_misses: Vec<Spelling>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
    pub fit: FitName,
    /// The declared form it was taken for: canonical, accepted or variant.
    pub form: FormRoleName,
    /// For near misses, how close (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// The first place it is written.
    pub span: Span,
    /// Whether the name checks flag it: a variant, a slip, lower case.
    pub flagged: bool,
}

/// The header of entity `entity`'s table, with no rows yet.
pub fn entity_table(entity: usize, rules: &RuleSet) -> EntityTable {
    let e = &rules.entities[entity];
    EntityTable {
        entity: e.origin.id.clone(),
        canonical: e.name.clone(),
        entity_kind: e.kind.as_str().to_string(),
        rule: e.origin.reference(),
        forms: e.forms.clone(),
        variants: e.variants.clone(),
        source: e.source.clone(),
        articles: Vec::new(),
        articles_read: 0,
    }
}

/// How the article of `facts` (read whole: [`crate::extract::read`], not
/// trimmed for the corpus) names `entity`, or nothing when it does not.
pub fn entity_row(entity: usize, facts: &Facts, gazetteer: &Gazetteer) -> Option<EntityRow> {
    let mut row = EntityRow {
        file: facts.file.clone(),
        mentions: 0,
        spellings: Vec::new(),
        near_misses: Vec::new(),
    };
    for m in &facts.names {
        let Some(form) = gazetteer.forms.get(m.form) else {
            continue;
        };
        if form.entity != entity {
            continue;
        }
        row.mentions += 1;
        let near = matches!(m.fit, Fit::NearMiss | Fit::Accents);
        let list = if near {
            &mut row.near_misses
        } else {
            &mut row.spellings
        };
        match list.iter_mut().find(|s| s.text == m.text) {
            Some(s) => s.count += 1,
            None => list.push(Spelling {
                text: m.text.clone(),
                count: 1,
                fit: m.fit.into(),
                form: form.role.into(),
                similarity: (m.fit == Fit::NearMiss).then_some(m.similarity),
                span: m.span,
                flagged: m.fit != Fit::Exact || form.role == crate::extract::FormRole::Variant,
            }),
        }
    }
    for list in [&mut row.spellings, &mut row.near_misses] {
        // Most used first; the first written first on a tie.
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.span.start.cmp(&b.span.start)));
    }
    (row.mentions > 0).then_some(row)
}

/// The ids closest to `wanted` among `known`, for "unknown id" messages:
/// all of them when there are few, else those a few edits away.
pub fn closest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let known: Vec<&str> = known.into_iter().collect();
    if known.len() <= 12 {
        return known;
    }
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (strsim::osa_distance(wanted, k), *k))
        .filter(|&(d, k)| d <= 3 || k.contains(wanted) || wanted.contains(k))
        .collect();
    scored.sort();
    scored.into_iter().take(8).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract::{self, CompiledRules};
    use crate::rules::parse_for_test;

    const RULES: &str = r#"
[[entity]]
id = "lyon"
name = "Lyon"
kind = "place"
source = "s"

[[entity]]
id = "doucet"
name = "Grégory Doucet"
kind = "person"
variants = ["Gregory Doucet"]
source = "s"

[[event]]
id = "plan-velo"
name = "Vote du plan vélo"
words = ["plan"]
entities = ["lyon"]
date = "2024-03-12"
source = "Délibération du conseil"
"#;

    fn facts(rules: &RuleSet, files: &[(&str, &str)]) -> Vec<Facts> {
        let compiled = CompiledRules::new(rules);
        files
            .iter()
            .map(|(path, text)| {
                let doc = Document::from_text(path, text.to_string()).0;
                extract::read(&doc, rules, &compiled).0
            })
            .collect()
    }

    #[test]
    fn event_rows_mark_what_the_checks_flag() {
        let rules = parse_for_test(RULES).unwrap();
        let compiled = CompiledRules::new(&rules);
        let all = facts(
            &rules,
            &[
                ("a.txt", "Le plan a été adopté à Lyon le 12 mars 2024."),
                ("b.txt", "Le plan a été adopté à Lyon le 13 mars 2024."),
                ("c.txt", "Rien à voir."),
            ],
        );
        let refs: Vec<&Facts> = all.iter().collect();
        let findings = crate::engine::event_findings(&refs, &rules, &compiled);
        let table = event_table(0, &refs, &findings, &rules);
        assert_eq!(table.articles_read, 3);
        assert_eq!(table.articles.len(), 2);
        assert_eq!(table.reference.date.as_ref().unwrap().text, "2024-03-12");
        assert_eq!(table.reference.source, "Délibération du conseil");
        let (a, b) = (&table.articles[0], &table.articles[1]);
        assert_eq!(a.date[0].value, "2024-03-12");
        assert!(!a.disagrees());
        assert_eq!(b.date[0].text, "13 mars 2024");
        assert!(b.date[0].disagrees && b.disagrees());
        assert_eq!(a.place[0].entity.as_deref(), Some("lyon"));
    }

    #[test]
    fn entity_rows_count_spellings_and_near_misses() {
        let rules = parse_for_test(RULES).unwrap();
        let compiled = CompiledRules::new(&rules);
        let all = facts(
            &rules,
            &[(
                "a.txt",
                "Grégory Doucet parle. Gregory Doucet répond. Grégory Doucet conclut.",
            )],
        );
        let row = entity_row(1, &all[0], &compiled.gazetteer).expect("named");
        assert_eq!(row.mentions, 3);
        assert_eq!(row.spellings[0].text, "Grégory Doucet");
        assert_eq!(row.spellings[0].count, 2);
        assert!(!row.spellings[0].flagged);
        assert_eq!(row.spellings[1].form, FormRoleName::Variant);
        assert!(row.spellings[1].flagged);
        assert!(entity_row(0, &all[0], &compiled.gazetteer).is_none());
    }

    #[test]
    fn closest_ids() {
        let few = ["a", "b"];
        assert_eq!(closest("zzz", few), vec!["a", "b"]);
        let many: Vec<String> = (0..20).map(|i| format!("event-{i}")).collect();
        let got = closest("evnt-3", many.iter().map(String::as_str));
        assert_eq!(got.first(), Some(&"event-3"));
    }
}

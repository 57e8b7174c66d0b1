#![doc = include_str!("number_contradiction.md")]

use super::event_statements::{Statement, disagreements, report};
use super::{Check, Corpus};
use crate::diagnostic::{Diagnostic, Kind};
use crate::extract::events::identity::Attribute;
use crate::extract::numbers::Bound;

/// A figure as stated: its value and what it says of the true quantity.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Figure {
    value: f64,
    bound: Bound,
}

/// Whether two figures can both be right: "au moins 14" and 40 can, "près
/// de 50" and 47 can, 45 and 54 cannot.
fn agree(a: &Figure, b: &Figure) -> bool {
    Bound::agree((a.value, a.bound), (b.value, b.bound))
}

fn describe(f: &Figure) -> String {
    let n = if f.value.fract() == 0.0 {
        format!("{}", f.value as i64)
    } else {
        format!("{}", f.value)
    };
    match f.bound {
        Bound::Exact => n,
        Bound::About => format!("about {n}"),
        Bound::AtLeast => format!("at least {n}"),
        Bound::AtMost => format!("at most {n}"),
    }
}

/// How long after an event a toll of victims is still being counted.
const COUNTING_DAYS: i64 = 14;

/// Whether a figure below the reference is a toll still being counted: a
/// count of victims stated by an article of the fortnight after the event
/// ("un premier bilan fait état de deux morts") is provisional, not a
/// contradiction of the final toll. A rule that dates its figure with
/// `as_of` decides instead.
fn provisional_toll(
    event: &crate::rules::Event,
    figure: &crate::rules::Figure,
    value: f64,
    published: Option<chrono::NaiveDate>,
) -> bool {
    let mut unit = String::new();
    crate::extract::name_form::fold_into(&figure.unit, &mut unit);
    let victims = ["mort", "blesse", "victime", "disparu", "deces", "tue"]
        .iter()
        .any(|v| unit.starts_with(v));
    let (Some(date), Some(published)) = (event.date, published) else {
        return false;
    };
    victims
        && figure.as_of.is_none()
        && value < figure.value
        && published >= date.first
        && (published - date.last).num_days() <= COUNTING_DAYS
}

pub struct NumberContradiction;

impl Check for NumberContradiction {
    fn kind(&self) -> Kind {
        Kind::NumberContradiction
    }

    fn explain(&self) -> &'static str {
        include_str!("number_contradiction.md")
    }

    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let rules = corpus.context.rules;
        // By (event, figure), in one vector per event.
        let mut by_figure: Vec<Vec<Vec<Statement<Figure>>>> = rules
            .events
            .iter()
            .map(|e| vec![Vec::new(); e.figures.len()])
            .collect();
        for (di, doc) in corpus.facts.iter().enumerate() {
            for (mi, m) in doc.events.iter().enumerate() {
                let identity = corpus.identity(di, mi);
                let event = &rules.events[m.event];
                for f in &m.figures {
                    // Another event of the same kind is never a contradiction.
                    if !identity.compared_for(Attribute::Figure, &f.text) {
                        continue;
                    }
                    let declared = &event.figures[f.figure];
                    if provisional_toll(event, declared, f.value, doc.publication) {
                        continue;
                    }
                    by_figure[m.event][f.figure].push(Statement {
                        file: &doc.file,
                        identity: Some(identity),
                        span: f.span,
                        text: &f.text,
                        value: Figure {
                            value: f.value,
                            bound: f.bound,
                        },
                    });
                }
            }
        }
        for (event, figures) in rules.events.iter().zip(&by_figure) {
            for (figure, statements) in event.figures.iter().zip(figures) {
                let reference = Figure {
                    value: figure.value,
                    bound: Bound::Exact,
                };
                for d in disagreements(statements, Some(&reference), agree) {
                    let mut diagnostic = report(
                        Kind::NumberContradiction,
                        event,
                        statements,
                        &d,
                        Some(format!("{} {}", describe(&reference), figure.unit)),
                        |f| format!("{} {}", describe(f), figure.unit),
                    );
                    diagnostic.rule = Some(format!("{}.{}", event.origin.reference(), figure.id));
                    out.push(diagnostic);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, places, summary};

    const RULES: &str = r#"
[[entity]]
id = "lyon"
name = "Lyon"
kind = "place"
source = "s"

[[event]]
id = "plan-velo"
name = "Vote du plan vélo de Lyon"
words = ["plan"]
entities = ["lyon"]
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
value = 45
source = "s"
"#;

    #[test]
    fn a_figure_off_the_reference_is_flagged_in_any_writing() {
        let diags = lint_texts(
            RULES,
            &[
                ("a.txt", "À Lyon, le plan a obtenu 45 voix."),
                ("b.txt", "À Lyon, le plan a obtenu quarante-cinq voix."),
                ("c.txt", "À Lyon, le plan a obtenu 54 voix."),
            ],
        );
        assert_eq!(diags.len(), 1, "{}", summary(&diags));
        assert_eq!(diags[0].file, "c.txt");
        assert!(
            diags[0].message.contains("reference: 45 voix"),
            "{}",
            diags[0].message
        );
    }

    /// Issue 12: "après" at the end of the sentence before does not make
    /// the event the reference point of another date.
    #[test]
    fn an_after_in_the_sentence_before_does_not_hide_the_event() {
        let diags = lint_texts(
            RULES,
            &[
                ("a.txt", "À Lyon, le plan a obtenu 45 voix."),
                ("b.txt", "À Lyon, le plan a obtenu quarante-cinq voix."),
                (
                    "c.txt",
                    "Les élus se sont vus après. À Lyon, le plan a obtenu 54 voix.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("c.txt", "54")], "{}", summary(&diags));
    }

    /// Issue 12: the sentence after one about the event, opening on what
    /// it spoke of, gives that event's figures; not across a paragraph, nor
    /// a sentence that opens on something else.
    #[test]
    fn a_sentence_that_goes_on_about_the_event_gives_its_figures() {
        let diags = lint_texts(
            RULES,
            &[
                ("a.txt", "À Lyon, le plan a obtenu 45 voix."),
                ("b.txt", "À Lyon, le plan a obtenu quarante-cinq voix."),
                (
                    "c.txt",
                    "À Lyon, le plan a été adopté. Le texte a recueilli 54 voix.",
                ),
                (
                    "d.txt",
                    "À Lyon, le plan a été adopté.\n\nLe texte a recueilli 54 voix.",
                ),
                (
                    "e.txt",
                    "À Lyon, le plan a été adopté. Seules 54 voix manquaient.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("c.txt", "54")], "{}", summary(&diags));
    }

    /// Issue 12: a lower toll of victims in the fortnight after the event
    /// is a toll still being counted; later, or higher, it contradicts.
    #[test]
    fn an_early_lower_toll_is_provisional() {
        let rules = r#"
[[entity]]
id = "lyon"
name = "Lyon"
kind = "place"
source = "s"

[[event]]
id = "tempete"
name = "Tempête de Lyon"
words = ["tempête"]
entities = ["lyon"]
date = "2025-02-02"
source = "s"

[[event.figure]]
id = "morts"
unit = "mort"
value = 3
source = "s"
"#;
        let at = |date: &str, n: &str| {
            format!("---\ndate: {date}\n---\nÀ Lyon, la tempête a fait {n} morts.\n")
        };
        let diags = lint_texts(
            rules,
            &[
                ("early.md", &at("2025-02-03", "deux")),
                ("higher.md", &at("2025-02-03", "cinq")),
                ("late.md", &at("2025-06-01", "deux")),
            ],
        );
        let mut found: Vec<&str> = diags.iter().map(|d| d.file.as_str()).collect();
        found.sort_unstable();
        assert_eq!(found, ["higher.md", "late.md"], "{}", summary(&diags));
    }

    const VOTES: &str = r#"
[[entity]]
id = "lyon"
name = "Lyon"
kind = "place"
source = "s"

[[event]]
id = "plan-velo"
name = "Vote du plan vélo de Lyon"
words = ["plan"]
entities = ["lyon"]
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
role = "pour"
value = 27
source = "s"

[[event.figure]]
id = "contre"
unit = "voix"
role = "contre"
value = 8
source = "s"

[[event.figure]]
id = "pistes"
unit = "kilomètre"
unit_forms = ["km"]
value = 12
source = "s"

[[event.figure]]
id = "cout-estime"
unit = "euro"
as_of = "2024-01-10"
value = 300
source = "s"

[[event.figure]]
id = "cout-revise"
unit = "euro"
as_of = "2024-06-01"
value = 450
source = "s"
"#;

    /// Issue 12: two figures of one unit told apart by a role word, a unit
    /// written another way, and an estimate that holds from a date.
    #[test]
    fn figures_with_roles_unit_forms_and_dated_estimates() {
        let at =
            |date: &str, body: &str| format!("---\ndate: {date}\n---\nÀ Lyon, le plan {body}.\n");
        let diags = lint_texts(
            VOTES,
            &[
                (
                    "a.md",
                    &at("2024-03-01", "a obtenu 27 voix pour, 8 contre et 12 km"),
                ),
                (
                    "b.md",
                    &at("2024-03-01", "a obtenu 27 voix pour, 9 contre et 21 km"),
                ),
                // The estimate of January holds in March, June's in July.
                ("c.md", &at("2024-03-01", "coûtera 300 euros")),
                ("d.md", &at("2024-07-01", "coûtera 450 euros")),
                ("e.md", &at("2024-07-01", "coûtera 300 euros")),
            ],
        );
        let found: Vec<(&str, &str)> = diags
            .iter()
            .filter(|d| d.kind == crate::Kind::NumberContradiction)
            .map(|d| (d.file.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(
            found,
            [("b.md", "9"), ("b.md", "21"), ("e.md", "300")],
            "{}",
            summary(&diags)
        );
    }

    /// Issue 12: the votes against are not the declared votes for.
    #[test]
    fn votes_against_are_not_the_votes_for() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "À Lyon, le plan a obtenu 45 voix pour et 12 voix contre.",
                ),
                ("b.txt", "À Lyon, le plan a obtenu 12 voix."),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("b.txt", "12")], "{}", summary(&diags));
    }
}

#![doc = include_str!("location_contradiction.md")]

use super::event_statements::{Statement, disagreements, report};
use super::{Check, Corpus};
use crate::diagnostic::{Diagnostic, Kind};
use crate::extract::events::identity::Attribute;

pub struct LocationContradiction;

impl Check for LocationContradiction {
    fn kind(&self) -> Kind {
        Kind::LocationContradiction
    }

    fn explain(&self) -> &'static str {
        include_str!("location_contradiction.md")
    }

    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let cx = corpus.context;
        let rules = cx.rules;
        let mut by_event: Vec<Vec<Statement<usize>>> = vec![Vec::new(); rules.events.len()];
        for (di, doc) in corpus.facts.iter().enumerate() {
            for (mi, m) in doc.events.iter().enumerate() {
                let identity = corpus.identity(di, mi);
                if let Some(p) = &m.place {
                    // Another event of the same kind is never a contradiction.
                    if !identity.compared_for(Attribute::Place, &p.text) {
                        continue;
                    }
                    by_event[m.event].push(Statement {
                        file: &doc.file,
                        identity: Some(identity),
                        span: p.span,
                        text: &p.text,
                        value: p.entity,
                    });
                }
            }
        }
        let name = |e: &usize| rules.entities[*e].name.clone();
        for (event, statements) in rules.events.iter().zip(&by_event) {
            let reference = event.place.as_deref().and_then(|id| rules.entity_index(id));
            let agree = |a: &usize, b: &usize| cx.compiled.events.places_agree(*a, *b);
            for d in disagreements(statements, reference.as_ref(), agree) {
                out.push(report(
                    Kind::LocationContradiction,
                    event,
                    statements,
                    &d,
                    reference.as_ref().map(name),
                    name,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, places, summary};

    const RULES: &str = r#"
[[entity]]
id = "russie"
name = "Russie"
kind = "place"
source = "s"

[[entity]]
id = "amour"
name = "Amour"
kind = "place"
within = ["russie"]
source = "s"

[[entity]]
id = "pekin"
name = "Pékin"
kind = "place"
source = "s"

[[entity]]
id = "kim"
name = "Kim Jong-un"
kind = "person"
source = "s"

[[event]]
id = "vostotchny"
name = "Sommet de Vostotchny"
words = ["sommet", "rencontr*"]
entities = ["kim"]
place = "amour"
date = "2023-09-13"
source = "s"
"#;

    #[test]
    fn places_inside_the_reference_agree_and_others_do_not() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "Kim Jong-un et Poutine se sont rencontrés en Russie.",
                ),
                (
                    "b.txt",
                    "Le sommet avec Kim Jong-un s'est tenu dans la région de l'Amour.",
                ),
                (
                    "c.txt",
                    "Le 13 septembre 2023, Kim Jong-un a rencontré Poutine à Pékin.",
                ),
                // Another meeting: the place and the year both differ.
                ("e.txt", "En 2019, Kim Jong-un a rencontré Poutine à Pékin."),
                (
                    "d.txt",
                    "Le ministre a déclaré à Pékin que le sommet avec Kim Jong-un inquiète.",
                ),
            ],
        );
        assert_eq!(diags.len(), 1, "{}", summary(&diags));
        assert_eq!(
            (diags[0].file.as_str(), diags[0].text.as_str()),
            ("c.txt", "Pékin")
        );
        assert!(
            diags[0].message.contains("reference: Amour"),
            "{}",
            diags[0].message
        );
        assert!(
            diags[0].message.contains("its date (13 septembre 2023)"),
            "{}",
            diags[0].message
        );
    }

    /// Issue 12: a place where another verb puts someone or something is
    /// not the event's ("formé à Pékin", "installée à Pékin et en Russie").
    #[test]
    fn a_place_of_another_verb_is_not_the_events() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "Au sommet, Kim Jong-un, formé à Pékin, a parlé le 13 septembre 2023.",
                ),
                (
                    "b.txt",
                    "Le sommet avec Kim Jong-un, la délégation installée à Pékin, le 13 septembre 2023.",
                ),
                (
                    "c.txt",
                    "Le sommet avec Kim Jong-un s'est tenu à Pékin le 13 septembre 2023.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("c.txt", "Pékin")], "{}", summary(&diags));
    }

    /// Issue 12: a place inside the event's declared name ("accords de
    /// Camp David"), a place something lies next to ("au sud de Pékin"),
    /// and where the event is celebrated or felt are not its place.
    #[test]
    fn places_in_names_next_to_or_of_a_celebration_are_not_the_events() {
        let rules = format!(
            "{RULES}\n[[entity]]\nid = \"coree\"\nname = \"Corée\"\nkind = \"place\"\nsource = \"s\"\n\n\
             [[event]]\nid = \"sommet-coree\"\nname = \"Sommet de Corée\"\nnames = [\"sommet de Corée\"]\n\
             words = [\"conférence\"]\nentities = [\"kim\"]\nplace = \"amour\"\nsource = \"s\"\n"
        );
        let diags = lint_texts(
            &rules,
            &[
                (
                    "a.txt",
                    "Le sommet de Corée s'est tenu dans la région de l'Amour.",
                ),
                (
                    "b.txt",
                    "Le sommet avec Kim Jong-un s'est tenu au sud de Pékin le 13 septembre 2023.",
                ),
                (
                    "c.txt",
                    "Le 13 septembre 2023, le sommet avec Kim Jong-un a été célébré à Pékin.",
                ),
                (
                    "d.txt",
                    "Le sommet avec Kim Jong-un, le 13 septembre 2023, a été ressenti à Pékin comme une menace.",
                ),
                (
                    "e.txt",
                    "Le sommet avec Kim Jong-un s'est tenu à Pékin le 13 septembre 2023.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("e.txt", "Pékin")], "{}", summary(&diags));
    }
}

#![doc = include_str!("participant_contradiction.md")]

use rustc_hash::{FxHashMap, FxHashSet};

use super::event_statements::{Statement, related};
use super::{Check, Corpus};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::events::identity::Attribute;

pub struct ParticipantContradiction;

impl Check for ParticipantContradiction {
    fn kind(&self) -> Kind {
        Kind::ParticipantContradiction
    }

    fn explain(&self) -> &'static str {
        include_str!("participant_contradiction.md")
    }

    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let rules = corpus.context.rules;
        // A party is a declared entity, or `None`: a person the rules do
        // not declare, compared only with an event's declared parties.
        let mut by_event: Vec<Vec<Statement<Option<usize>>>> = vec![Vec::new(); rules.events.len()];
        let surnames: Vec<FxHashSet<String>> = rules
            .events
            .iter()
            .map(|e| declared_surnames(e, rules))
            .collect();
        for (di, doc) in corpus.facts.iter().enumerate() {
            for (mi, m) in doc.events.iter().enumerate() {
                let identity = corpus.identity(di, mi);
                let declared = m
                    .participants
                    .iter()
                    .map(|p| (p.span, &p.text, Some(p.entity)));
                // An undeclared "Mikhaïl S. Gorbatchev" may be a declared
                // party written otherwise: its surname says so.
                let people = m
                    .people
                    .iter()
                    .filter(|p| {
                        !surnames[m.event].is_empty()
                            && !surnames[m.event].contains(&fold(last_word(&p.surname)))
                    })
                    .map(|p| (p.span, &p.text, None));
                for (span, text, value) in declared.chain(people) {
                    // Another event of the same kind is never a contradiction.
                    if !identity.compared_for(Attribute::Participant, text) {
                        continue;
                    }
                    by_event[m.event].push(Statement {
                        file: &doc.file,
                        identity: Some(identity),
                        span,
                        text,
                        value,
                    });
                }
            }
        }
        for (event, statements) in rules.events.iter().zip(&by_event) {
            let reference: FxHashSet<usize> = event
                .participants
                .iter()
                .filter_map(|id| rules.entity_index(id))
                .collect();
            // Without a reference, the parties at least two articles name.
            let known: FxHashSet<usize> = if reference.is_empty() {
                let mut files_of: FxHashMap<usize, FxHashSet<&str>> = FxHashMap::default();
                for s in statements {
                    if let Some(e) = s.value {
                        files_of.entry(e).or_default().insert(s.file);
                    }
                }
                files_of
                    .into_iter()
                    .filter(|(_, files)| files.len() >= 2)
                    .map(|(e, _)| e)
                    .collect()
            } else {
                reference.clone()
            };
            if known.is_empty() {
                continue;
            }
            let names = |set: &FxHashSet<usize>| {
                let mut v: Vec<&str> = set
                    .iter()
                    .map(|&e| rules.entities[e].name.as_str())
                    .collect();
                v.sort_unstable();
                v.join(" and ")
            };
            // The statements naming right parties, cited by every finding.
            let cited: Vec<usize> = (0..statements.len())
                .filter(|&i| statements[i].value.is_some_and(|e| known.contains(&e)))
                .take(2)
                .collect();
            let outside = |s: &&Statement<Option<usize>>| match s.value {
                Some(e) => !known.contains(&e),
                None => !reference.is_empty(),
            };
            for s in statements.iter().filter(outside) {
                let related = related(statements, cited.iter().copied());
                let (severity, whose) = if reference.is_empty() {
                    (Severity::Warning, "the other articles name")
                } else {
                    (Severity::Error, "reference:")
                };
                out.push(
                    Diagnostic::new(
                        Kind::ParticipantContradiction,
                        severity,
                        s.file,
                        s.span,
                        s.text,
                        format!(
                            "{}: {} is named as a party here; {whose} {}{}",
                            event.name,
                            s.value.map_or(s.text, |e| rules.entities[e].name.as_str()),
                            names(&known),
                            s.identity
                                .and_then(|i| i.evidence(Attribute::Participant))
                                .map(|e| format!("; identified by {e}"))
                                .unwrap_or_default()
                        ),
                    )
                    .with_related(related)
                    .with_rule(Some(event.origin.reference())),
                );
            }
        }
    }
}

/// The folded surnames (last words) of an event's declared parties, in
/// every accepted form.
fn declared_surnames(
    event: &crate::rules::Event,
    rules: &crate::rules::RuleSet,
) -> FxHashSet<String> {
    event
        .participants
        .iter()
        .filter_map(|id| rules.entity_index(id))
        .flat_map(|e| rules.entities[e].accepted())
        .map(|form| fold(last_word(form)))
        .collect()
}

fn last_word(name: &str) -> &str {
    name.rsplit([' ', '-']).next().unwrap_or(name)
}

fn fold(word: &str) -> String {
    let mut out = String::new();
    crate::extract::name_form::fold_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, places, summary};

    const RULES: &str = r#"
[[entity]]
id = "kim-il-sung"
name = "Kim Il-sung"
kind = "person"
source = "s"

[[entity]]
id = "kim-jong-un"
name = "Kim Jong-un"
kind = "person"
source = "s"

[[entity]]
id = "khrouchtchev"
name = "Khrouchtchev"
kind = "person"
source = "s"

[[event]]
id = "traite-1961"
name = "Traité de 1961"
words = ["traité", "entente"]
entities = ["khrouchtchev"]
participants = ["kim-il-sung", "khrouchtchev"]
source = "s"
"#;

    #[test]
    fn a_party_outside_the_reference_is_flagged() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "Le traité signé en 1961 entre Kim Il-sung et Khrouchtchev.",
                ),
                (
                    "b.txt",
                    "L'entente de 1961 entre Kim Jong-un et Khrouchtchev.",
                ),
                (
                    "c.txt",
                    "Un traité entre Khrouchtchev et Kim Il-sung remplace celui signé par Kim Jong-un.",
                ),
            ],
        );
        assert_eq!(diags.len(), 1, "{}", summary(&diags));
        assert_eq!(
            (diags[0].file.as_str(), diags[0].text.as_str()),
            ("b.txt", "Kim Jong-un")
        );
        assert_eq!(diags[0].related[0].file, "a.txt");
    }

    /// Issue 12: the parties after "par" or "entre" run through a name's
    /// particles and a title ("par le général de Gaulle et Heinrich Lübke").
    #[test]
    fn a_party_after_a_title_and_a_particle_is_still_a_party() {
        let rules = RULES.replace(
            "name = \"Khrouchtchev\"",
            "name = \"Nikita de Khrouchtchev\"\nforms = [\"Khrouchtchev\"]",
        );
        let diags = lint_texts(
            &rules,
            &[
                (
                    "a.txt",
                    "Le traité de 1961, signé par le maréchal Nikita de Khrouchtchev et Kim Jong-un.",
                ),
                (
                    "b.txt",
                    "Le traité de 1961, signé par le président Kim Il-sung et Nikita de Khrouchtchev.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("a.txt", "Kim Jong-un")], "{}", summary(&diags));
    }

    /// Issue 12: a person the rules do not declare, named with a known
    /// first name and a surname, is a party too; one whose surname is a
    /// declared party's is that party written otherwise.
    #[test]
    fn an_undeclared_person_named_as_a_party_is_flagged() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "Le traité de 1961 fut signé par Leonid Kravtchouk et Kim Il-sung.",
                ),
                (
                    "b.txt",
                    "Le traité de 1961 fut signé par Nikita Khrouchtchev et Kim Il-sung.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(
            found,
            [("a.txt", "Leonid Kravtchouk")],
            "{}",
            summary(&diags)
        );
        assert!(
            diags[0]
                .message
                .contains("Leonid Kravtchouk is named as a party here")
        );
    }

    /// Issue 12: the people before an event's verb are its parties ("Kim
    /// Il-sung et Khrouchtchev avaient signé le traité").
    #[test]
    fn the_subjects_of_the_events_verb_are_its_parties() {
        let rules = RULES.replace(
            r#"words = ["traité", "entente"]"#,
            r#"words = ["traité", "sign*"]"#,
        );
        let diags = lint_texts(
            &rules,
            &[
                (
                    "a.txt",
                    "Kim Il-sung et Khrouchtchev avaient signé le traité.",
                ),
                (
                    "b.txt",
                    "Kim Jong-un, Khrouchtchev et Kim Il-sung ont signé le traité.",
                ),
                (
                    "c.txt",
                    "Kim Jong-un se souvient que Khrouchtchev a signé le traité.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("b.txt", "Kim Jong-un")], "{}", summary(&diags));
    }
}

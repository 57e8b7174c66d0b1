#![doc = include_str!("date_contradiction.md")]

use super::event_statements::{Statement, describe_date, disagreements, report};
use super::{Check, Corpus};
use crate::diagnostic::{Diagnostic, Kind};
use crate::extract::events::identity::Attribute;

pub struct DateContradiction;

impl Check for DateContradiction {
    fn kind(&self) -> Kind {
        Kind::DateContradiction
    }

    fn explain(&self) -> &'static str {
        include_str!("date_contradiction.md")
    }

    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let rules = corpus.context.rules;
        let mut by_event: Vec<Vec<Statement<_>>> = vec![Vec::new(); rules.events.len()];
        for (di, doc) in corpus.facts.iter().enumerate() {
            for (mi, m) in doc.events.iter().enumerate() {
                let identity = corpus.identity(di, mi);
                if let Some(d) = &m.date {
                    // Another event of the same kind is never a contradiction.
                    if !identity.compared_for(Attribute::Date, &d.text) {
                        continue;
                    }
                    by_event[m.event].push(Statement {
                        file: &doc.file,
                        identity: Some(identity),
                        span: d.span,
                        text: &d.text,
                        value: d.value,
                    });
                }
            }
        }
        for (event, statements) in rules.events.iter().zip(&by_event) {
            let reference = event.date.as_ref();
            for d in disagreements(statements, reference, |a, b| a.overlaps(b)) {
                out.push(report(
                    Kind::DateContradiction,
                    event,
                    statements,
                    &d,
                    reference.map(describe_date),
                    describe_date,
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
id = "lyon"
name = "Lyon"
kind = "place"
source = "s"

[[event]]
id = "plan-velo"
name = "Vote du plan vélo de Lyon"
words = ["plan", "vote"]
entities = ["lyon"]
date = "2024-03-12"
source = "s"
"#;

    #[test]
    fn a_date_off_the_reference_is_flagged_and_coarser_ones_are_not() {
        let diags = lint_texts(
            RULES,
            &[
                ("a.txt", "À Lyon, le plan a été adopté le 12 mars 2024."),
                ("b.txt", "À Lyon, le plan a été adopté en mars 2024."),
                ("c.txt", "À Lyon, le plan a été adopté le 13 mars 2024."),
            ],
        );
        let got = summary(&diags);
        assert_eq!(diags.len(), 1, "{got}");
        let d = &diags[0];
        assert_eq!(
            (d.file.as_str(), d.text.as_str()),
            ("c.txt", "13 mars 2024")
        );
        assert!(
            d.message.contains("reference: 12 March 2024"),
            "{}",
            d.message
        );
        assert_eq!(d.related.len(), 2);
    }

    const TREATIES: &str = r#"
[[entity]]
id = "pyongyang"
name = "Pyongyang"
kind = "place"
source = "s"

[[entity]]
id = "ukraine"
name = "Ukraine"
kind = "place"
source = "s"

[[event]]
id = "traite-2024"
name = "Traité de 2024"
words = ["traité", "sommet"]
entities = ["pyongyang"]
date = "2024-06-19"
source = "s"

[[event]]
id = "invasion"
name = "Invasion de l'Ukraine"
words = ["invasion"]
entities = ["ukraine"]
date = "2022-02-24"
source = "s"
"#;

    #[test]
    fn dates_of_other_events_are_not_this_events_date() {
        let diags = lint_texts(
            TREATIES,
            &[(
                "a.md",
                "---\ndate: 2024-06-21\n---\n\
                 Le traité de Pyongyang rappelle celui de 1961. \
                 À Pyongyang, les deux hommes prévoient un nouveau sommet en mars 2026. \
                 Deux ans après l'invasion de l'Ukraine, le 24 février 2024, Kiev a commémoré les victimes.",
            )],
        );
        assert!(diags.is_empty(), "{}", summary(&diags));
    }

    #[test]
    fn without_a_reference_the_majority_decides() {
        let rules = RULES.replace("date = \"2024-03-12\"\n", "");
        let diags = lint_texts(
            &rules,
            &[
                ("a.txt", "À Lyon, le plan a été adopté le 12 mars 2024."),
                (
                    "b.txt",
                    "À Lyon, le vote du plan a eu lieu le 12 mars 2024.",
                ),
                ("c.txt", "À Lyon, le plan a été adopté le 14 mars 2024."),
            ],
        );
        assert_eq!(diags.len(), 1, "{}", summary(&diags));
        assert_eq!(diags[0].file, "c.txt");
        assert_eq!(diags[0].severity, crate::Severity::Warning);
    }

    /// Issue 12: a deadline ("d'ici à la fin du mois de mars") and a date
    /// counted from the event ("au lendemain de l'adoption du plan") are not
    /// the event's date.
    #[test]
    fn a_deadline_and_the_day_after_are_not_the_events_date() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "À Lyon, le plan sera appliqué d'ici à la fin du mois de mars 2025.",
                ),
                (
                    "b.txt",
                    "À Lyon, au lendemain de l'adoption du plan, les cyclistes ont défilé le 13 mars 2024.",
                ),
                ("c.txt", "À Lyon, le plan a été adopté le 13 mars 2024."),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("c.txt", "13 mars 2024")], "{}", summary(&diags));
    }

    const PEACE: &str = r#"
[[entity]]
id = "egypte"
name = "Égypte"
kind = "place"
source = "s"

[[entity]]
id = "camp-david"
name = "Camp David"
kind = "place"
source = "s"

[[entity]]
id = "washington"
name = "Washington"
kind = "place"
source = "s"

[[event]]
id = "traite-paix"
name = "Traité de paix israélo-égyptien"
names = ["traité de paix israélo-égyptien"]
words = ["traité*", "sign*"]
entities = ["egypte"]
date = "1979-03-26"
place = "washington"
source = "s"

[[event]]
id = "accords"
name = "Accords de Camp David"
names = ["accords de Camp David"]
words = ["accord*", "sign*"]
entities = ["camp-david"]
date = "1978-09-17"
place = "washington"
source = "s"
"#;

    /// Issue 12: the date the event's own verb introduces wins over a
    /// nearer one; a participle of another act ("décerné") dates that act;
    /// the verb after a mention goes on about it, not about another event
    /// the entities around point to; a name an anniversary counts from
    /// ("consacrée au 45e anniversaire du traité") takes no date.
    #[test]
    fn the_events_own_verb_dates_it_and_other_acts_do_not() {
        let diags = lint_texts(
            PEACE,
            &[
                (
                    "a.md",
                    "---\ndate: 2024-03-26\n---\nEn avril 1979, le traité de paix israélo-égyptien, signé le 26 mars 1979, entrait dans les manuels.",
                ),
                (
                    "b.md",
                    "---\ndate: 2024-03-26\n---\nLes accords de Camp David, signés le 17 septembre 1978, ont valu à Sadate le prix Nobel, décerné en octobre 1978.",
                ),
                (
                    "c.md",
                    "---\ndate: 2024-03-26\n---\nLes accords de Camp David ont tout changé. Le traité de paix israélo-égyptien, signé le 26 mars 1979, en est issu.",
                ),
                (
                    "d.md",
                    "---\ndate: 2024-03-23\n---\nÀ Paris, l'exposition ouverte ce samedi est consacrée au 45e anniversaire du traité de paix israélo-égyptien.",
                ),
                (
                    "e.md",
                    "---\ndate: 2024-03-26\n---\nLes accords de Camp David ont tout changé. Le traité de paix israélo-égyptien, signé le 26 mars 1978, en est issu.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("e.md", "26 mars 1978")], "{}", summary(&diags));
    }

    /// Issue 12: a date something else is measured from ("avant la date du
    /// 14 mars", "à quatre jours du 16 mars") is not the event's.
    #[test]
    fn a_date_measured_from_is_not_the_events() {
        let diags = lint_texts(
            RULES,
            &[
                (
                    "a.txt",
                    "À Lyon, le plan doit être adopté avant la date du 14 mars 2024.",
                ),
                (
                    "b.txt",
                    "À Lyon, le vote du plan survient à quatre jours du 16 mars 2024.",
                ),
                ("c.txt", "À Lyon, le plan a été adopté le 16 mars 2024."),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("c.txt", "16 mars 2024")], "{}", summary(&diags));
    }

    const VOTES: &str = r#"
[[entity]]
id = "senat"
name = "Sénat"
kind = "organisation"
source = "s"

[[entity]]
id = "versailles"
name = "Versailles"
kind = "place"
source = "s"

[[entity]]
id = "parlement"
name = "Parlement"
kind = "organisation"
source = "s"

[[event]]
id = "vote-senat"
name = "Vote du Sénat"
words = ["vote", "adopt*"]
entities = ["senat"]
date = "2024-02-28"
source = "s"

[[event]]
id = "congres"
name = "Congrès de Versailles"
words = ["vote", "adopt*", "congrès"]
entities = ["versailles", "parlement"]
date = "2024-03-04"
source = "s"

[[event]]
id = "scellement"
name = "Cérémonie de scellement"
words = ["scellement"]
entities = ["parlement"]
date = "2024-03-08"
source = "s"
"#;

    /// Issue 12: the entity in the event word's complement ("le vote du
    /// Sénat") says which event it is before the count of entities around;
    /// a date another event's verb introduces ("la loi adoptée lundi 4
    /// mars") is that event's, not the mention's.
    #[test]
    fn the_complement_names_the_event_and_another_events_verb_dates_it() {
        let diags = lint_texts(
            VOTES,
            &[
                (
                    "a.md",
                    "Le vote favorable du Sénat, le 28 février 2024, ouvre la voie au Parlement réuni à Versailles.",
                ),
                (
                    "b.md",
                    "---\ndate: 2024-03-08\n---\nLe Parlement prépare le scellement de la loi adoptée lundi 4 mars.",
                ),
                (
                    "c.md",
                    "Le vote favorable du Sénat, le 29 février 2024, ouvre la voie au Parlement réuni à Versailles.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("c.md", "29 février 2024")], "{}", summary(&diags));
        assert!(
            diags[0].message.starts_with("Vote du Sénat"),
            "{}",
            diags[0].message
        );
    }

    /// Issue 12: "les 45 ans du traité" and "célèbre ce samedi le traité"
    /// date the celebration; after an event word that completes another
    /// noun ("la zone du traité"), only a date joined to it ("du traité
    /// qui a été signé le…") is the event's.
    #[test]
    fn a_celebration_or_a_head_nouns_date_is_not_the_events() {
        let diags = lint_texts(
            PEACE,
            &[
                (
                    "a.md",
                    "---\ndate: 2024-03-23\n---\nL'Égypte fête les 45 ans du traité de paix israélo-égyptien ce samedi 23 mars.",
                ),
                (
                    "b.md",
                    "---\ndate: 2024-03-23\n---\nL'Égypte célèbre ce samedi 23 mars le traité de paix israélo-égyptien.",
                ),
                (
                    "c.md",
                    "---\ndate: 2024-03-23\n---\nLe ministre, en visite en Égypte dans la région du traité samedi 23 mars, a parlé.",
                ),
                (
                    "d.md",
                    "---\ndate: 2024-03-23\n---\nLe texte du traité qui a été signé le 26 mars 1978 lie toujours l'Égypte.",
                ),
            ],
        );
        let found = places(&diags);
        assert_eq!(found, [("d.md", "26 mars 1978")], "{}", summary(&diags));
    }

    const COUNCIL: &str = r#"
[[entity]]
id = "lyon"
name = "Lyon"
kind = "place"
source = "s"

[[event]]
id = "plan-velo"
name = "Vote du plan vélo de Lyon"
words = ["plan", "adopt*"]
entities = ["lyon"]
date = "2024-03-12"
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
value = 45
source = "s"
"#;

    /// Issue 12: an event word far from the article's entities is linked
    /// by the article, and compared only when something it states agrees
    /// ("par 45 voix"): another vote of the same council with its own
    /// date and count is left alone.
    #[test]
    fn a_mention_linked_by_the_article_alone_needs_an_agreement() {
        let text = |second: &str| {
            format!(
                "---\ndate: 2024-03-20\n---\nÀ Lyon, les cyclistes attendaient ce jour.\n\n\
                 Les travaux commencent en avril.\n\nIls dureront deux ans.\n\n{second}\n"
            )
        };
        let diags = lint_texts(
            COUNCIL,
            &[
                (
                    "a.md",
                    &text(
                        "Réuni le 14 mars, le conseil municipal avait adopté le plan par 45 voix.",
                    ),
                ),
                (
                    "b.md",
                    &text("En juin 2023, le même conseil avait adopté le plan piéton par 27 voix."),
                ),
            ],
        );
        assert_eq!(places(&diags), [("a.md", "14 mars")], "{}", summary(&diags));
    }

    /// Issue 12: the date after the compound past of another verb dates
    /// that act ("a décrété mardi l'état d'urgence … touchées par le
    /// séisme"), unless the event word is the verb's subject or object.
    #[test]
    fn a_date_after_another_verb_is_that_acts() {
        let diags = lint_texts(
            COUNCIL,
            &[
                (
                    "a.md",
                    "---\ndate: 2024-03-20\n---\nÀ Lyon, le préfet a décrété le 14 mars 2024 une alerte dans les rues concernées par le plan.",
                ),
                (
                    "b.md",
                    "---\ndate: 2024-03-20\n---\nLe conseil de Lyon a adopté le 14 mars 2024 le plan.",
                ),
            ],
        );
        assert_eq!(
            places(&diags),
            [("b.md", "14 mars 2024")],
            "{}",
            summary(&diags)
        );
    }
}

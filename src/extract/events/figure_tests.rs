//! Figures read from how a sentence pairs them, and which event a
//! sentence goes on about: the same word as subject, the paragraph's
//! topic.

use super::reading_tests::{of_kind, pair};
use crate::diagnostic::Kind;
use crate::engine::tests::{lint_texts, summary};

/// Two votes of one council on one pool, its cost estimated twice.
const POOL: &str = r#"
[[entity]]
id = "ville"
name = "Castelvérac"
kind = "place"
source = "s"

[[entity]]
id = "maire"
name = "Sylvie Maureilhan"
kind = "person"
source = "s"

[[entity]]
id = "adjoint"
name = "Thierry Bonnal"
kind = "person"
source = "s"

[[event]]
id = "principe"
name = "Vote de principe sur le centre aquatique"
words = ["vote", "adopt*", "délibération"]
names = ["vote de principe"]
entities = ["ville", "adjoint"]
date = "2024-03-14"
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
role = "pour"
value = 23
source = "s"

[[event.figure]]
id = "contre"
unit = "voix"
role = "contre"
value = 4
source = "s"

[[event.figure]]
id = "cout"
unit = "euro"
value = 12400000
source = "s"

[[event]]
id = "definitif"
name = "Vote définitif sur le centre aquatique"
words = ["vote", "adopt*", "délibération"]
names = ["vote définitif"]
entities = ["ville", "maire"]
date = "2024-11-25"
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
role = "pour"
value = 21
source = "s"

[[event.figure]]
id = "contre"
unit = "voix"
role = "contre"
value = 6
source = "s"

[[event.figure]]
id = "cout"
unit = "euro"
value = 14100000
as_of = "2024-11-18"
source = "s"
"#;

/// "La délibération avait été adoptée" goes on about the deliberation
/// just dated; "Il avait été adopté" after "Lors du vote de principe" is
/// that vote, though the mayor of the final vote is named beside.
#[test]
fn the_same_word_as_subject_and_the_paragraphs_topic() {
    let diags = lint_texts(
        POOL,
        &[
            (
                "a.md",
                "---\ndate: 2025-01-20\n---\nL'opposition de Castelvérac conteste la délibération \
                 du 25 novembre. Elle a saisi le tribunal.\n\nLa délibération avait été adoptée par \
                 12 voix pour, 6 contre et 2 abstentions.",
            ),
            (
                "b.md",
                "---\ndate: 2025-01-20\n---\nLors du vote de principe, le jeudi 14 mars, \
                 l'estimation était prudente. Le dossier était porté par Sylvie Maureilhan, à \
                 Castelvérac. Il avait été adopté par 23 voix pour, 4 contre et 2 abstentions.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::NumberContradiction),
        [pair("a.md", "12")],
        "{}",
        summary(&diags)
    );
}

/// Of two figures compared ("14,1 millions, contre 12,4 millions lors du
/// vote de principe"), the one on the event's side is its own, in the
/// unit of the first; of a change ("passé de 12,4 à 14,1 millions"), the
/// former value is no one's.
#[test]
fn figures_compared_and_changed() {
    let diags = lint_texts(
        POOL,
        &[
            (
                "a.md",
                "---\ndate: 2024-12-01\n---\nÀ Castelvérac, le coût est désormais estimé à 14,1 \
                 millions d'euros, contre 12,4 millions lors du vote de principe de mars.",
            ),
            (
                "b.md",
                "---\ndate: 2024-12-01\n---\nÀ Castelvérac, le coût est désormais estimé à 14,1 \
                 millions d'euros, contre 11,9 millions lors du vote de principe de mars.",
            ),
            (
                "c.md",
                "---\ndate: 2024-12-01\n---\nÀ Castelvérac, entre le vote de principe et le vote \
                 définitif du 25 novembre, le coût est passé de 12,4 à 14,1 millions d'euros.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::NumberContradiction),
        [pair("b.md", "11,9 millions")],
        "{}",
        summary(&diags)
    );
}

/// "par le général de Gaulle et le président italien Antonio Segni":
/// a nationality between a party's title and name keeps the frame.
#[test]
fn a_party_after_a_title_and_a_nationality() {
    const RULES: &str = r#"
[[entity]]
id = "tunnel"
name = "tunnel du Mont-Blanc"
kind = "place"
source = "s"

[[entity]]
id = "de-gaulle"
name = "Charles de Gaulle"
kind = "person"
forms = ["général de Gaulle"]
source = "s"

[[entity]]
id = "saragat"
name = "Giuseppe Saragat"
kind = "person"
source = "s"

[[entity]]
id = "segni"
name = "Antonio Segni"
kind = "person"
source = "s"

[[event]]
id = "inauguration"
name = "Inauguration du tunnel du Mont-Blanc"
words = ["inaugur*"]
entities = ["tunnel"]
date = "1965-07-16"
participants = ["de-gaulle", "saragat"]
source = "s"
"#;
    let diags = lint_texts(
        RULES,
        &[
            (
                "a.md",
                "Inauguré en 1965 par le général de Gaulle et le président italien Antonio Segni, \
                 le tunnel du Mont-Blanc relie Chamonix à Courmayeur.",
            ),
            (
                "b.md",
                "Inauguré en 1965 par le général de Gaulle et le président italien Giuseppe \
                 Saragat, le tunnel du Mont-Blanc relie Chamonix à Courmayeur.",
            ),
        ],
    );
    assert_eq!(
        of_kind(&diags, Kind::ParticipantContradiction),
        [pair("a.md", "Antonio Segni")],
        "{}",
        summary(&diags)
    );
}

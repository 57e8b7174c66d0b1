//! The story of README.md, "Writing rules for your own stories": a
//! fictional council vote declared in tests/fixtures/story-lorvennes, the
//! findings the README shows, and the `--why` lines it quotes.

mod common;

use std::path::Path;

use common::factlint;

const STORY: &str = "tests/fixtures/story-lorvennes";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_council_story_gives_the_findings_the_readme_shows() {
    let run = factlint(root(), &[&format!("{STORY}/articles"), "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    let found: Vec<(String, String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            (
                file.rsplit('/').next().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("depeche.md", "weekday-mismatch", "mercredi 14 mars"),
        ("depeche.md", "number-contradiction", "29"),
    ]
    .map(|(f, k, t)| (f.to_string(), k.to_string(), t.to_string()));
    assert_eq!(found, expected);
    let message = report["diagnostics"][1]["message"].as_str().unwrap();
    assert!(
        message.contains("identified by its name (plan de rénovation des écoles)"),
        "{message}"
    );
}

#[test]
fn why_explains_the_linked_vote_and_the_earlier_plan() {
    let why = |at: &str| {
        let run = factlint(
            root(),
            &["facts", "--why", &format!("{STORY}/articles/{at}")],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let vote = why("depeche.md:6");
    assert!(
        vote.contains("linked by its name \"plan de rénovation des écoles\""),
        "{vote}"
    );
    assert!(
        vote.contains("figure \"29\": a figure in the unit \"voix\" of figure `pour`"),
        "{vote}"
    );
    assert!(
        vote.contains("→ \"29\" is reported as a figure contradiction"),
        "{vote}"
    );
    let earlier = why("bilan.md:8");
    assert!(earlier.contains("\"précédent\""), "{earlier}");
    let bad = factlint(root(), &["facts", "--why", "nowhere.md"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("--why takes PATH:LINE"),
        "{}",
        bad.stderr
    );
}

//! End-to-end: the fact checks on fixture folders with planted
//! contradictions (each folder's EXPECTED.md says what an editor wants
//! flagged and which traps must stay silent).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// (file name, kind, severity, text) of every diagnostic, in report order.
fn findings(folder: &str) -> (i32, Vec<(String, String, String, String)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(root)
        .args([folder, "--format", "json"])
        .output()
        .expect("factlint runs");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    let mut list = Vec::new();
    for d in report["diagnostics"].as_array().expect("a list") {
        let file = d["file"].as_str().unwrap();
        // The span is exact: the file's bytes there are the text.
        let bytes = std::fs::read(root.join(file)).unwrap();
        let (s, e) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &bytes[s..e],
            d["text"].as_str().unwrap().as_bytes(),
            "span of {d}"
        );
        if d["kind"].as_str().unwrap().ends_with("contradiction") {
            assert!(
                !d["related"].as_array().unwrap().is_empty(),
                "a contradiction cites the others: {d}"
            );
        }
        list.push((
            Path::new(file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            d["kind"].as_str().unwrap().to_string(),
            d["severity"].as_str().unwrap().to_string(),
            d["text"].as_str().unwrap().to_string(),
        ));
    }
    (out.status.code().unwrap(), list)
}

fn expect(rows: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    rows.iter()
        .map(|(f, k, s, t)| (f.to_string(), k.to_string(), s.to_string(), t.to_string()))
        .collect()
}

#[test]
fn a_date_off_the_reference_but_not_coarser_dates_ranges_or_deadlines() {
    let (code, got) = findings("tests/fixtures/facts-dates");
    assert_eq!(
        got,
        expect(&[("retard.md", "date-contradiction", "error", "14 mars 2024")])
    );
    assert_eq!(code, 1);
}

#[test]
fn a_place_outside_the_reference_but_not_places_within_it() {
    let (_, got) = findings("tests/fixtures/facts-places");
    assert_eq!(
        got,
        expect(&[(
            "erreur.md",
            "location-contradiction",
            "error",
            "Villeurbanne"
        )])
    );
}

#[test]
fn parties_outside_the_reference() {
    let (_, got) = findings("tests/fixtures/facts-people");
    assert_eq!(
        got,
        expect(&[
            (
                "erreur.md",
                "participant-contradiction",
                "error",
                "Jean-Marc Dumas"
            ),
            (
                "erreur.md",
                "participant-contradiction",
                "error",
                "Bruno Bernard"
            ),
        ])
    );
}

#[test]
fn figures_compare_after_reading_digits_and_words() {
    let (_, got) = findings("tests/fixtures/facts-numbers");
    assert_eq!(
        got,
        expect(&[("erreur.md", "number-contradiction", "error", "54")])
    );
}

#[test]
fn weekdays_anniversaries_and_unanchored_dates() {
    let (_, got) = findings("tests/fixtures/facts-calendar");
    assert_eq!(
        got,
        expect(&[
            (
                "anniversaire.md",
                "anniversary-mismatch",
                "error",
                "80e anniversaire"
            ),
            (
                "relatif-sans-date.txt",
                "ambiguous-date",
                "info",
                "ce 18 juin"
            ),
            (
                "relatif-sans-date.txt",
                "ambiguous-date",
                "info",
                "Mercredi"
            ),
            (
                "sommet.txt",
                "weekday-mismatch",
                "error",
                "mercredi 14 septembre 2023"
            ),
        ])
    );
}

#[test]
fn a_contradiction_inside_one_article_without_a_reference_is_a_warning() {
    let (code, got) = findings("tests/fixtures/facts-within");
    assert_eq!(
        got,
        expect(&[(
            "article.md",
            "date-contradiction",
            "warning",
            "21 mars 2024"
        )])
    );
    assert_eq!(code, 0, "warnings pass unless --deny warnings");
}

#[test]
fn the_bundled_corpus_keeps_its_true_negatives_silent() {
    let (_, got) = findings("corpus");
    let facts: Vec<_> = got
        .iter()
        // Names and spelling have their own tests.
        .filter(|(_, k, _, _)| !k.starts_with("name-") && k != "spelling")
        .map(|(f, k, _, t)| (f.as_str(), k.as_str(), t.as_str()))
        .collect();
    // The 1961 treaty, "19 juin 2024", the 80th anniversary in 2025: silent.
    // Relative dates without a publication date: ambiguous, once each.
    assert_eq!(
        facts,
        vec![
            ("alliance-pekin.txt", "ambiguous-date", "En avril dernier"),
            ("kim-poutine-amour.txt", "ambiguous-date", "mercredi"),
            (
                "kim-poutine-amour.txt",
                "ambiguous-date",
                "vendredi dernier"
            ),
            (
                "kim-poutine-amour.txt",
                "ambiguous-date",
                "à la fin de l'année dernière"
            ),
            ("poutine-pyongyang.txt", "ambiguous-date", "ce 18 juin"),
            ("poutine-pyongyang.txt", "ambiguous-date", "dès janvier"),
        ]
    );
}

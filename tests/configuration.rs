//! `factlint.toml` end to end: found by walking up from the linted path,
//! its rule folders, ignore globs, disabled kinds, severities and
//! publication dates applied; its mistakes are configuration errors.

use std::process::{Command, Output};

use serde_json::Value;

fn factlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("factlint runs")
}

fn findings(out: &Output) -> (u64, Vec<(String, String, String)>) {
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let list = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (report["files_checked"].as_u64().unwrap(), list)
}

fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn the_configuration_above_the_linted_folder_applies() {
    // Linting a folder below factlint.toml finds it by walking up.
    for path in ["tests/fixtures/config", "tests/fixtures/config/articles"] {
        let out = factlint(&[path, "--format", "json"]);
        let (files, got) = findings(&out);
        // brouillons/ is ignored; "ce 18 juin" is anchored by the
        // configured publication date; name-variant is raised to error.
        assert_eq!(files, 1, "{path}");
        assert_eq!(
            got,
            owned(&[("name-variant", "error", "Kim Jong Un")]),
            "{path}"
        );
        assert_eq!(out.status.code(), Some(1), "an error fails the run");
    }
}

#[test]
fn command_line_rules_win_over_the_configuration() {
    let out = factlint(&[
        "tests/fixtures/config",
        "--format",
        "json",
        "--rules",
        "rules",
    ]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(
        rules.contains(&"rules/entities.toml#kim-jong-un"),
        "the bundled rules are used: {rules:?}"
    );
    assert!(rules.iter().all(|r| !r.contains("regles")), "{rules:?}");
}

#[test]
fn a_malformed_configuration_is_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("factlint.toml"),
        "disable = [\"name-typos\"]\n[severity]\nFL101 = \"fatal\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "Texte.\n").unwrap();
    let out = factlint(&[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown kind or code `name-typos`"), "{err}");
    assert!(err.contains("unknown severity `fatal`"), "{err}");
    assert!(err.contains("factlint.toml"), "{err}");
    assert!(out.stdout.is_empty(), "nothing is checked");
}

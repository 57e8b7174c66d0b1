//! Issue 11's reproducers: inputs a hostile user tried that panicked,
//! exhausted memory or never ended. Each test generates its input and runs
//! the real binary (with the 20 s guard of `common`), and asserts a clear
//! result instead.

mod common;

use std::fs;
use std::time::Duration;

use common::factlint;
use serde_json::Value;

const RULES: &str = "\
[[entity]]
id = \"kim-jong-un\"
name = \"Kim Jong-un\"
kind = \"person\"
source = \"Wikipédia (fr), « Kim Jong-un »\"
";

/// A folder with `rules/` and `articles/` holding `files`.
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("rules")).unwrap();
    fs::write(tmp.path().join("rules/entities.toml"), RULES).unwrap();
    fs::create_dir(tmp.path().join("articles")).unwrap();
    for (name, text) in files {
        fs::write(tmp.path().join("articles").join(name), text).unwrap();
    }
    tmp
}

fn kinds(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .expect("a JSON report")
        .iter()
        .map(|d| d["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_bare_comment_opener_does_not_panic() {
    for opener in ["<!-->", "<!--->"] {
        let text = format!("Kim Jong-on {opener} arrive.\n{opener}");
        let ws = workspace(&[("a.md", &text)]);
        let run = factlint(ws.path(), &["articles", "--format", "json"]);
        assert_eq!(run.code, 1, "{opener}: {}", run.stderr);
        // The article is still linted: its typo is found.
        assert!(kinds(&run.json()).contains(&"name-typo".to_string()));
    }
}

#[test]
fn a_yaml_alias_bomb_in_front_matter_costs_its_own_size() {
    // Nine levels of nine aliases: 9^9 strings once expanded, 400 bytes.
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(",");
        yaml.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
    }
    let text = format!("---\n{yaml}date: 2024-06-19\n---\nKim Jong-on arrive mardi.\n");
    let ws = workspace(&[("bombe.md", &text)]);
    let run = factlint(ws.path(), &["articles", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.peak_rss_kb < 300_000, "{} kB", run.peak_rss_kb);
    assert!(run.cpu < Duration::from_secs(5), "{:?}", run.cpu);
    let report = run.json();
    // The date was read: "mardi" is anchored, so not ambiguous.
    assert!(!kinds(&report).contains(&"ambiguous-date".to_string()));
    assert!(kinds(&report).contains(&"name-typo".to_string()));
}

#[test]
fn check_facts_refuses_dev_zero_at_once() {
    let ws = workspace(&[]);
    let run = factlint(ws.path(), &["check", "--facts", "/dev/zero"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    assert!(run.peak_rss_kb < 300_000, "{} kB", run.peak_rss_kb);
}

#[test]
fn a_forged_table_index_in_an_export_is_refused_not_a_panic() {
    let text = "Kim Jong-un et Kim Jong Un se sont vus.\n";
    let ws = workspace(&[("a.txt", text)]);
    let dir = ws.path();
    let run = factlint(dir, &["facts", "articles", "-o", "facts.jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let export = fs::read_to_string(dir.join("facts.jsonl")).unwrap();
    let forged: Vec<String> = export
        .lines()
        .map(|line| {
            let mut record: Value = serde_json::from_str(line).unwrap();
            if record["kind"] == "article" {
                let names = record["facts"]["names"].as_array_mut().unwrap();
                assert!(!names.is_empty(), "the variant is a name to forge");
                names[0]["form"] = 999_999.into();
            }
            record.to_string()
        })
        .collect();
    fs::write(dir.join("forged.jsonl"), forged.join("\n")).unwrap();
    let run = factlint(dir, &["check", "--facts", "forged.jsonl"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("are damaged (a name has form 999999"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_configuration_error_on_a_70000_character_line_is_exit_2() {
    let long = "é".repeat(70_000);
    let rule = format!("[[entity]]\nid = \"x\"\nname = \"{long}\", kind = 3\nsource = \"s\"\n");
    let config = format!("disable = [\"{long}\"]\n");
    for (file, text) in [("rules/extra.toml", rule), ("factlint.toml", config)] {
        let ws = workspace(&[("a.txt", "Texte.\n")]);
        fs::write(ws.path().join(file), text).unwrap();
        let run = factlint(ws.path(), &["articles"]);
        assert_eq!(run.code, 2, "{file}: {}", run.stderr);
        assert!(run.stderr.contains(file.rsplit('/').next().unwrap()));
        // The snippet is a window of the line, not the line.
        let widest = run.stderr.lines().map(|l| l.chars().count()).max();
        assert!(widest < Some(400), "{file}: {widest:?}");
    }
}

/// Both kinds of over-long runs of findings stay capped: the per-article
/// checks' and the corpus checks' (capitalized unknown words, as in a
/// headline, are judged corpus-wide). 200 kB of them once gave 25,225
/// spelling findings.
#[test]
fn a_file_of_unknown_capitalized_words_reports_a_bounded_number() {
    let (consonants, vowels) = (b"bcdfglmnprst", b"aeiou");
    let mut text = String::new();
    let mut x: u32 = 7;
    let mut next = |n: usize| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (x >> 16) as usize % n
    };
    while text.len() < 200_000 {
        for _ in 0..2 {
            let mut word = String::new();
            for k in 0..4 {
                let set: &[u8] = if k % 2 == 0 { consonants } else { vowels };
                word.push(char::from(set[next(set.len())]));
            }
            text.push_str(&word[..1].to_uppercase());
            text.push_str(&word[1..]);
            text.push(' ');
        }
        text.push_str("et ");
    }
    let ws = workspace(&[("a.txt", &text)]);
    let run = factlint(ws.path(), &["articles", "--format", "json"]);
    let report = run.json();
    let spelling = kinds(&report).iter().filter(|k| *k == "spelling").count();
    assert_eq!(spelling, 1000);
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "file-error")
        .expect("a warning says findings were left out");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .starts_with("more than 1000 spelling findings"),
        "{warning}"
    );
}

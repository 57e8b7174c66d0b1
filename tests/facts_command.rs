//! End-to-end: `factlint facts`, the export of what factlint read.
//!
//! `tests/fixtures/facts-table/` holds an invented council vote
//! (`plan-velo-lyon`: 12 March 2024, Lyon, Grégory Doucet, 45 votes for)
//! told by three articles: `conseil.md` right, with a publication date;
//! `depeche.txt` right, with no front matter but a dateline ("Lyon, 14
//! mars 2024 —") that places its "mardi"; `erreur.md` wrong on the date,
//! the place and the figure, with a variant spelling and a slip of the
//! mayor's name. `autre.txt` says nothing of either.

use std::path::Path;
use std::process::{Command, Output};

use factlint::fact_records::FactRecord;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/facts-table";

fn factlint(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("factlint runs");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every line of a jsonl output, as JSON and as a record read back.
fn jsonl(text: &str) -> Vec<(Value, FactRecord)> {
    text.lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            let record: FactRecord =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            (value, record)
        })
        .collect()
}

#[test]
fn the_corpus_facts_as_json_lines() {
    let out = factlint(&["facts", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let records = jsonl(&text);
    // Every record has a file and an exact span; files in order, then offsets.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut last = (String::new(), 0);
    for (value, record) in &records {
        let file = value["file"].as_str().expect("a file");
        let span = &value["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let bytes = std::fs::read(root.join(file)).unwrap();
        if let Some(text) = value["text"].as_str() {
            assert_eq!(&bytes[start..end], text.as_bytes(), "{value}");
        }
        assert!((file.to_string(), start) >= last, "out of order at {value}");
        last = (file.to_string(), start);
        // What was read back writes the same JSON.
        assert_eq!(&serde_json::to_value(record).unwrap(), value);
    }
    // Article records are for `check --facts` (tested below): their bulk
    // and their rules fingerprint would churn the snapshot on any rule edit.
    let articles = records
        .iter()
        .filter(|(_, r)| matches!(r, FactRecord::Article(_)))
        .count();
    assert_eq!(articles, 5, "one article record per file");
    let readable: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("{\"kind\":\"article\""))
        .collect();
    insta::assert_snapshot!("corpus_jsonl", readable.join("\n") + "\n");
}

#[test]
fn json_is_one_array_and_table_is_for_reading() {
    let out = factlint(&["facts", FIXTURE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all: Vec<FactRecord> = serde_json::from_str(&stdout(&out)).expect("an array of records");
    let lines = jsonl(&stdout(&factlint(&["facts", FIXTURE])));
    assert_eq!(all.len(), lines.len());
    let table = stdout(&factlint(&["facts", FIXTURE, "--format", "table"]));
    assert!(
        table.contains("tests/fixtures/facts-table/depeche.txt\n"),
        "{table}"
    );
    assert!(
        table.contains("anchor: dateline 2024-03-14"),
        "the dateline anchors mardi: {table}"
    );
    assert!(
        !table.contains('\u{1b}'),
        "no colour off a terminal: {table}"
    );
}

#[test]
fn a_dateline_anchors_relative_dates_without_front_matter() {
    let out = factlint(&["facts", &format!("{FIXTURE}/depeche.txt")]);
    let records = jsonl(&stdout(&out));
    let dates: Vec<&Value> = records
        .iter()
        .map(|(v, _)| v)
        .filter(|v| v["kind"] == "date")
        .collect();
    assert_eq!(dates.len(), 2, "{dates:?}");
    assert_eq!(dates[0]["text"], "14 mars 2024");
    assert_eq!(dates[0]["dateline"], true);
    assert_eq!(dates[1]["text"], "mardi");
    assert_eq!(dates[1]["value"], "2024-03-12");
    assert_eq!(dates[1]["anchor"], "dateline");
    assert_eq!(dates[1]["anchor_date"], "2024-03-14");
    let event = records
        .iter()
        .map(|(v, _)| v)
        .find(|v| v["kind"] == "event" && !v["attributes"]["date"].is_null())
        .expect("the vote, dated");
    assert_eq!(event["attributes"]["date"]["text"], "mardi");
    assert_eq!(event["attributes"]["numbers"][0]["figure"], "pour");
}

#[test]
fn an_event_side_by_side_as_json() {
    let out = factlint(&[
        "facts",
        FIXTURE,
        "--event",
        "plan-velo-lyon",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(table["event"], "plan-velo-lyon");
    assert_eq!(table["reference"]["date"]["value"], "2024-03-12");
    assert_eq!(table["reference"]["place"]["canonical"], "Lyon");
    assert_eq!(table["reference"]["figures"][0]["value"], 45.0);
    assert_eq!(
        table["reference"]["source"],
        "Fixture: invented council vote of 12 March 2024"
    );
    assert_eq!(table["articles_read"], 4);
    let rows = table["articles"].as_array().expect("rows");
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "tests/fixtures/facts-table/conseil.md",
            "tests/fixtures/facts-table/depeche.txt",
            "tests/fixtures/facts-table/erreur.md"
        ]
    );
    for row in &rows[..2] {
        assert_eq!(row["date"][0]["value"], "2024-03-12", "{row}");
        assert_eq!(row["date"][0]["disagrees"], false, "{row}");
        assert_eq!(row["figures"][0]["disagrees"], false, "{row}");
    }
    let wrong = &rows[2];
    assert_eq!(wrong["date"][0]["text"], "14 mars 2024");
    assert_eq!(wrong["date"][0]["disagrees"], true);
    assert_eq!(wrong["place"][0]["value"], "Villeurbanne");
    assert_eq!(wrong["place"][0]["disagrees"], true);
    assert_eq!(wrong["figures"][0]["value"], 54.0);
    assert_eq!(wrong["figures"][0]["disagrees"], true);
}

#[test]
fn an_event_side_by_side_in_the_terminal() {
    let args = ["facts", FIXTURE, "--event", "plan-velo-lyon"];
    let out = factlint(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let line = |start: &str| {
        text.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no {start:?} row in\n{text}"))
            .to_string()
    };
    let header = line("article");
    let reference = line("reference");
    let wrong = line("tests/fixtures/facts-table/erreur.md");
    // Aligned: each column starts at the same place on every row.
    let column = |row: &str, cell: &str| row[..row.find(cell).expect(cell)].chars().count();
    assert_eq!(column(&header, "date"), column(&reference, "2024-03-12"));
    assert_eq!(column(&header, "place"), column(&wrong, "Villeurbanne"));
    assert!(wrong.contains("14 mars 2024 = 2024-03-14 ✗"), "{wrong}");
    assert!(wrong.contains("54 voix ✗"), "{wrong}");
    assert!(
        !line("tests/fixtures/facts-table/depeche.txt").contains('✗'),
        "{text}"
    );
    assert!(
        text.contains("3 of 4 articles speak of plan-velo-lyon; 1 disagrees"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "{text}");
    let colored = stdout(&factlint(&[&args[..], &["--color", "always"]].concat()));
    assert!(colored.contains("\u{1b}["), "{colored}");
    let never = stdout(&factlint(&[&args[..], &["--color", "never"]].concat()));
    assert_eq!(never, text);
}

#[test]
fn an_entity_side_by_side() {
    let out = factlint(&[
        "facts",
        FIXTURE,
        "--entity",
        "gregory-doucet",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(table["canonical"], "Grégory Doucet");
    assert_eq!(table["variants"][0], "Gregory Doucet");
    let rows = table["articles"].as_array().expect("rows");
    assert_eq!(rows.len(), 3, "autre.txt does not name him");
    let wrong = &rows[2];
    assert_eq!(wrong["mentions"], 2);
    assert_eq!(wrong["spellings"][0]["text"], "Gregory Doucet");
    assert_eq!(wrong["spellings"][0]["form"], "variant");
    assert_eq!(wrong["spellings"][0]["flagged"], true);
    assert_eq!(wrong["near_misses"][0]["text"], "Grégory Doucett");
    assert_eq!(wrong["near_misses"][0]["fit"], "near-miss");
    assert_eq!(rows[0]["spellings"][0]["flagged"], false);

    let text = stdout(&factlint(&["facts", FIXTURE, "--entity", "gregory-doucet"]));
    let wrong = text
        .lines()
        .find(|l| l.starts_with("tests/fixtures/facts-table/erreur.md"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(wrong.contains("Gregory Doucet ×1 (variant) ✗"), "{wrong}");
    assert!(wrong.contains("Grégory Doucett ×1 (0.93) ✗"), "{wrong}");
    assert!(
        text.contains("3 of 4 articles name gregory-doucet (4 mentions)"),
        "{text}"
    );
}

#[test]
fn unknown_ids_are_usage_errors_that_list_the_known_ones() {
    let out = factlint(&["facts", FIXTURE, "--event", "plan-velo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown event \"plan-velo\"; known events: plan-velo-lyon"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
    // Many entities: only the closest are listed.
    let out = factlint(&["facts", "corpus", "--entity", "kim-jong"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("closest entities: "), "{err}");
    assert!(err.contains("kim-jong-un"), "{err}");
    assert!(!err.contains("pyongyang"), "{err}");
}

#[test]
fn unreadable_files_are_file_error_records_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["conseil.md", "depeche.txt"] {
        std::fs::copy(Path::new(FIXTURE).join(name), dir.path().join(name)).unwrap();
    }
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    std::fs::copy(
        Path::new(FIXTURE).join("rules/rules.toml"),
        rules.join("rules.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("binaire.txt"),
        b"\x7fELF\x02\x01\x00\x00\x00\xff",
    )
    .unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Le plan v\xe9lo de Lyon.").unwrap();
    let root = dir.path().to_str().unwrap();

    let out = factlint(&["facts", root]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = jsonl(&stdout(&out));
    let errors: Vec<&Value> = records
        .iter()
        .map(|(v, _)| v)
        .filter(|v| v["kind"] == "file-error")
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    for e in &errors {
        assert_eq!(e["severity"], "error");
        assert_eq!(e["span"]["line"], 1, "{e}");
    }
    assert!(errors[0]["file"].as_str().unwrap().ends_with("binaire.txt"));
    assert!(errors[1]["file"].as_str().unwrap().ends_with("latin1.txt"));
    assert!(
        errors[1]["message"].as_str().unwrap().contains("UTF-8"),
        "{}",
        errors[1]
    );
    assert!(
        records.iter().any(|(v, _)| v["kind"] == "event"),
        "the others are read"
    );
    assert!(stderr(&out).contains("latin1.txt"), "{}", stderr(&out));

    for mode in [
        ["--event", "plan-velo-lyon"],
        ["--entity", "gregory-doucet"],
    ] {
        let out = factlint(&[&["facts", root, "--format", "json"][..], &mode[..]].concat());
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let table: Value = serde_json::from_str(&stdout(&out)).expect("a table all the same");
        assert_eq!(table["articles"].as_array().unwrap().len(), 2, "{table}");
        assert_eq!(table["articles_read"], 4, "{table}");
        assert!(stderr(&out).contains("binaire.txt"), "{}", stderr(&out));
    }
}

// ── Map and reduce: `check --facts` ─────────────────────────────────────

/// The kinds only the cross-article checks produce.
const CROSS_ARTICLE: &str = "name-typo,name-variant,date-contradiction,location-contradiction,\
                             participant-contradiction,number-contradiction";

fn report_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)))
}

#[test]
fn check_facts_on_exports_split_over_machines_gives_the_direct_run_s_findings() {
    let dir = tempfile::tempdir().unwrap();
    let export = |name: &str, paths: &[&str]| {
        let path = dir.path().join(name).display().to_string();
        let mut args = vec!["facts"];
        args.extend(paths);
        args.extend(["-o", &path]);
        let out = factlint(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        path
    };
    // Two "machines", each with its share; the fixture is one corpus.
    let one = export(
        "one.jsonl",
        &[
            "tests/fixtures/facts-table/conseil.md",
            "tests/fixtures/facts-table/depeche.txt",
        ],
    );
    let two = export(
        "two.jsonl",
        &[
            "tests/fixtures/facts-table/erreur.md",
            "tests/fixtures/facts-table/autre.txt",
        ],
    );
    let rules = format!("{FIXTURE}/rules");
    let reduced = factlint(&[
        "check", "--facts", &one, &two, "--format", "json", "--rules", &rules,
    ]);
    let direct = factlint(&[
        FIXTURE,
        "--format",
        "json",
        "--kind",
        CROSS_ARTICLE,
        "--rules",
        &rules,
    ]);
    assert_eq!(
        reduced.status.code(),
        direct.status.code(),
        "{}",
        stderr(&reduced)
    );
    let (reduced, direct) = (report_of(&reduced), report_of(&direct));
    let cross: Vec<&Value> = reduced["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| CROSS_ARTICLE.contains(d["kind"].as_str().unwrap()))
        .collect();
    let expected: Vec<&Value> = direct["diagnostics"].as_array().unwrap().iter().collect();
    assert!(
        expected.len() >= 4,
        "the fixture has cross-article findings: {direct}"
    );
    // Same findings, same spans, same related places in other files.
    assert_eq!(cross, expected);
    assert_eq!(reduced["files_checked"], direct["files_checked"]);
}

#[test]
fn check_facts_refuses_facts_read_with_other_rules_or_not_facts_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("corpus.jsonl");
    let out = factlint(&["facts", "corpus", "-o", jsonl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = jsonl.to_str().unwrap();

    // The fixture's rules are not those the corpus was read with.
    let rules = format!("{FIXTURE}/rules");
    let out = factlint(&["check", "--facts", path, "--rules", &rules]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("were read with other rules"),
        "{}",
        stderr(&out)
    );

    // The same export twice: each article compared once, with a warning.
    let out = factlint(&["check", "--facts", path, path, "--format", "json"]);
    assert!(
        stderr(&out).contains("5 articles appear in more than one export"),
        "{}",
        stderr(&out)
    );
    let once = factlint(&["check", "--facts", path, "--format", "json"]);
    assert_eq!(
        report_of(&out)["diagnostics"],
        report_of(&once)["diagnostics"]
    );
    assert!(
        !report_of(&once)["diagnostics"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // An article, a damaged record, an export from another version.
    let out = factlint(&["check", "--facts", "corpus/alliance-pekin.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a record of `factlint facts`"),
        "{}",
        stderr(&out)
    );
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let first = text.lines().next().unwrap();
    let damaged = dir.path().join("damaged.jsonl");
    std::fs::write(&damaged, &first[..first.len() / 2]).unwrap();
    let out = factlint(&["check", "--facts", damaged.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("damaged.jsonl:1: a damaged article record"),
        "{}",
        stderr(&out)
    );
    let old = dir.path().join("old.jsonl");
    let version = format!("\"factlint\":\"{}\"", env!("CARGO_PKG_VERSION"));
    std::fs::write(&old, text.replace(&version, "\"factlint\":\"0.0.1\"")).unwrap();
    let out = factlint(&["check", "--facts", old.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("were read by factlint 0.0.1"),
        "{}",
        stderr(&out)
    );
    // Without PATHs, or with options that need the articles.
    let out = factlint(&["check", "--facts"]);
    assert_eq!(out.status.code(), Some(2));
    let out = factlint(&["check", "--facts", path, "--fix"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_facts_reads_the_json_array_form_too() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("corpus.json");
    let out = factlint(&[
        "facts",
        "corpus",
        "--format",
        "json",
        "-o",
        json.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let from_json = factlint(&[
        "check",
        "--facts",
        json.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let jsonl = dir.path().join("corpus.jsonl");
    factlint(&["facts", "corpus", "-o", jsonl.to_str().unwrap()]);
    let from_jsonl = factlint(&[
        "check",
        "--facts",
        jsonl.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(from_json.status.code(), Some(1), "{}", stderr(&from_json));
    assert_eq!(report_of(&from_json), report_of(&from_jsonl));
}

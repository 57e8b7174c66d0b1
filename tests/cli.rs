//! End-to-end tests of the `factlint` binary: the JSON report on the seed
//! corpus (contract fields, order, exact spans), snapshots of both reports,
//! exit codes, filters, `--output`, `explain`, `rules`, and fixture folders
//! (cross-article slips, front matter, CRLF, BOM, NFD accents).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The diagnostic kinds of the design's contract (shared/design.md).
const KINDS: [&str; 17] = [
    "name-typo",
    "name-variant",
    "name-case",
    "date-contradiction",
    "location-contradiction",
    "participant-contradiction",
    "number-contradiction",
    "weekday-mismatch",
    "anniversary-mismatch",
    "ambiguous-date",
    "unsourced-claim",
    "vague-attribution",
    "anonymous-quote",
    "spelling",
    "typography",
    "grammar",
    "file-error",
];

/// The binary, run from the manifest dir so that paths such as `corpus/`
/// and `rules/` are the project's.
fn factlint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(MANIFEST_DIR);
    cmd.env_remove("NO_COLOR");
    cmd
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("factlint runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "factlint panicked:\n{stderr}");
    out
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("factlint exited normally")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            stdout(out),
            stderr(out)
        )
    })
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
}

fn text(d: &Value) -> &str {
    d["text"].as_str().expect("text is a string")
}

fn kind(d: &Value) -> &str {
    d["kind"].as_str().expect("kind is a string")
}

fn file(d: &Value) -> &str {
    d["file"].as_str().expect("file is a string")
}

fn start(d: &Value) -> u64 {
    d["span"]["start"].as_u64().expect("span.start")
}

/// One line per diagnostic, for assertion messages.
fn listing(report: &Value) -> String {
    diagnostics(report)
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {:?} {} -> {}",
                file(d),
                d["span"],
                kind(d),
                text(d),
                d["severity"],
                d["suggestion"]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that `span` is `text` in the file's bytes and that its line and
/// column (1-based, column in characters, a BOM not counted) are right.
fn assert_span(bytes: &[u8], span: &Value, text: &str, what: &str) {
    let start = span["start"].as_u64().expect("start") as usize;
    let end = span["end"].as_u64().expect("end") as usize;
    assert!(
        start <= end && end <= bytes.len(),
        "{what}: span {span} out of the file"
    );
    let slice = std::str::from_utf8(&bytes[start..end])
        .unwrap_or_else(|_| panic!("{what}: span {span} cuts a UTF-8 character"));
    assert_eq!(slice, text, "{what}: the span's bytes are not `text`");
    let before = &bytes[..start];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let mut prefix = std::str::from_utf8(&bytes[line_start..start])
        .unwrap_or_else(|_| panic!("{what}: span start is not a character boundary"));
    if line_start == 0 {
        prefix = prefix.strip_prefix('\u{feff}').unwrap_or(prefix);
    }
    let column = prefix.chars().count() + 1;
    assert_eq!(
        (span["line"].as_u64(), span["column"].as_u64()),
        (Some(line as u64), Some(column as u64)),
        "{what}: wrong line/column for {text:?} at byte {start}"
    );
}

/// Checks every diagnostic and related span of `report` against the files,
/// which are read relative to `base`.
fn assert_all_spans(report: &Value, base: &Path) {
    for d in diagnostics(report) {
        let bytes = std::fs::read(base.join(file(d))).expect("the reported file exists");
        let what = format!("{} {} {:?}", file(d), kind(d), text(d));
        if kind(d) != "file-error" || !text(d).is_empty() {
            assert_span(&bytes, &d["span"], text(d), &what);
        }
        for r in d["related"].as_array().expect("related is an array") {
            let rfile = r["file"].as_str().expect("related file");
            let rbytes = std::fs::read(base.join(rfile)).expect("the related file exists");
            let rtext = r["text"].as_str().expect("related text");
            assert_span(
                &rbytes,
                &r["span"],
                rtext,
                &format!("{what}, related {rfile}"),
            );
        }
    }
}

fn assert_sorted(report: &Value) {
    let keys: Vec<(String, u64)> = diagnostics(report)
        .iter()
        .map(|d| (file(d).to_string(), start(d)))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        keys,
        sorted,
        "diagnostics are not sorted by file then offset:\n{}",
        listing(report)
    );
}

fn corpus_json() -> (Output, Value) {
    let out = run(factlint().args(["corpus/", "--format", "json"]));
    let report = json(&out);
    (out, report)
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

fn find<'a>(report: &'a Value, kind_: &str, text_: &str) -> &'a Value {
    diagnostics(report)
        .iter()
        .find(|d| kind(d) == kind_ && text(d) == text_)
        .unwrap_or_else(|| {
            panic!(
                "no {kind_} diagnostic for {text_:?}; got:\n{}",
                listing(report)
            )
        })
}

// ── The seed corpus ─────────────────────────────────────────────────────

#[test]
fn corpus_json_report_follows_the_contract() {
    let (out, report) = corpus_json();
    assert_eq!(code(&out), 1, "errors in the corpus: exit 1");
    assert_eq!(report["version"], 1);
    assert_eq!(report["tool"]["name"], "factlint");
    assert_eq!(report["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["files_checked"], 5);

    let diags = diagnostics(&report);
    assert!(!diags.is_empty());
    let known_kinds: BTreeSet<&str> = KINDS.into();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for d in diags {
        let keys: Vec<&str> = d
            .as_object()
            .expect("a diagnostic is an object")
            .keys()
            .map(String::as_str)
            .collect();
        for key in [
            "code",
            "kind",
            "severity",
            "message",
            "file",
            "span",
            "text",
            "suggestion",
            "related",
            "rule",
        ] {
            assert!(keys.contains(&key), "diagnostic lacks `{key}`: {d}");
        }
        assert!(known_kinds.contains(kind(d)), "unknown kind in {d}");
        assert!(d["code"].as_str().is_some_and(|c| !c.is_empty()));
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(file(d).starts_with("corpus/"), "paths stay relative: {d}");
        match d["severity"].as_str() {
            Some("error") => errors += 1,
            Some("warning") => warnings += 1,
            Some("info") => infos += 1,
            other => panic!("bad severity {other:?} in {d}"),
        }
        assert!(d["suggestion"].is_null() || d["suggestion"].is_string());
        assert!(d["rule"].is_null() || d["rule"].is_string());
    }
    assert_eq!(
        report["summary"],
        serde_json::json!({"error": errors, "warning": warnings, "info": infos})
    );
    // The same kind always carries the same code.
    let codes: BTreeSet<(&str, &str)> = diags
        .iter()
        .map(|d| (kind(d), d["code"].as_str().unwrap()))
        .collect();
    let kinds: BTreeSet<&str> = codes.iter().map(|(k, _)| *k).collect();
    assert_eq!(codes.len(), kinds.len(), "a kind with two codes: {codes:?}");
    assert_sorted(&report);
}

#[test]
fn corpus_spans_are_exact_bytes_lines_and_columns() {
    let (_, report) = corpus_json();
    assert_all_spans(&report, Path::new(MANIFEST_DIR));
}

#[test]
fn corpus_output_is_deterministic() {
    let first = run(factlint().args(["corpus/", "--format", "json"]));
    for _ in 0..3 {
        let again = run(factlint().args(["corpus/", "--format", "json"]));
        assert_eq!(stdout(&first), stdout(&again), "two runs differ");
    }
}

#[test]
fn corpus_kim_young_un_is_a_typo_of_kim_jong_un_cited_in_other_files() {
    let (_, report) = corpus_json();
    let d = find(&report, "name-typo", "Kim Young-un");
    assert_eq!(file(d), "corpus/kim-poutine-amour.txt");
    assert_eq!(d["suggestion"], "Kim Jong-un");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "FL101");
    assert_eq!(d["rule"], "rules/entities.toml#kim-jong-un");
    let related = d["related"].as_array().unwrap();
    assert!(!related.is_empty(), "no related spans: {d}");
    let elsewhere: Vec<&Value> = related
        .iter()
        .filter(|r| r["file"] != "corpus/kim-poutine-amour.txt")
        .collect();
    assert!(
        !elsewhere.is_empty(),
        "no related span in another file: {d}"
    );
    for r in related {
        assert_eq!(r["text"], "Kim Jong-un", "{r}");
        assert!(r["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn corpus_variants_accent_slips_and_shoigu() {
    let (_, report) = corpus_json();
    let d = find(&report, "name-variant", "Kim Jong Un");
    assert_eq!(d["suggestion"], "Kim Jong-un");
    assert_eq!(d["code"], "FL102");

    let d = find(&report, "name-typo", "khrouchtchév");
    assert_eq!(file(d), "corpus/heritage-staline-khrouchtchev.txt");
    assert_eq!(d["suggestion"], "Khrouchtchev");

    let shoigu = diagnostics(&report)
        .iter()
        .find(|d| kind(d) == "name-variant" && text(d).contains("Shoigu"))
        .unwrap_or_else(|| panic!("no name-variant for Shoigu:\n{}", listing(&report)));
    assert_eq!(file(shoigu), "corpus/kim-poutine-amour.txt");
    assert!(
        shoigu["suggestion"]
            .as_str()
            .is_some_and(|s| s.contains("Choïgou")),
        "{shoigu}"
    );
}

#[test]
fn corpus_lower_case_names_in_the_summary_paragraph() {
    let (_, report) = corpus_json();
    let path = "corpus/heritage-staline-khrouchtchev.txt";
    let body = std::fs::read_to_string(Path::new(MANIFEST_DIR).join(path)).unwrap();
    let para_start = body
        .find("découvrez comment")
        .expect("the summary paragraph");
    let para_end = para_start + body[para_start..].find('\n').unwrap();
    let in_para: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| {
            file(d) == path
                && kind(d) == "name-case"
                && (para_start..para_end).contains(&(start(d) as usize))
        })
        .collect();
    let words: BTreeSet<&str> = in_para.iter().map(|d| text(d)).collect();
    for w in ["staline", "khrouchtchev", "poutine", "russie", "kim"] {
        assert!(
            words.contains(w),
            "no name-case for {w:?} in the summary paragraph:\n{}",
            listing(&report)
        );
    }
    for d in in_para {
        let t = text(d);
        let mut expected = t[..1].to_uppercase();
        expected.push_str(&t[1..]);
        assert_eq!(d["suggestion"], expected.as_str(), "{d}");
        assert_eq!(d["severity"], "warning");
        assert_eq!(d["code"], "FL103");
    }
}

#[test]
fn corpus_other_people_and_correct_names_are_not_flagged() {
    let (_, report) = corpus_json();
    for d in diagnostics(&report) {
        let t = text(d);
        assert!(
            !["Kim Il-sung", "Kim Jong-un", "Pyongyang"].contains(&t),
            "a correct name is flagged: {d}"
        );
        assert!(!t.contains("Nord-Coréens"), "a demonym is flagged: {d}");
    }
}

// ── Snapshots ───────────────────────────────────────────────────────────

#[test]
fn snapshot_corpus_json() {
    let (out, _) = corpus_json();
    insta::assert_snapshot!("corpus_json", stdout(&out));
}

#[test]
fn snapshot_corpus_human() {
    let out = run(factlint().args(["corpus/", "--color", "never"]));
    assert_eq!(code(&out), 1);
    let report = stdout(&out);
    assert!(!report.contains('\u{1b}'), "--color never printed escapes");
    insta::assert_snapshot!("corpus_human", report);
}

// ── Exit codes, filters, output ─────────────────────────────────────────

#[test]
fn warnings_only_exit_0_by_default_and_1_with_deny_warnings() {
    let dir = fixture("warnings-only");
    let out = run(factlint().args([&dir, "--format", "json"]));
    let report = json(&out);
    assert_eq!(code(&out), 0, "{}", listing(&report));
    assert!(!diagnostics(&report).is_empty(), "the fixture has warnings");
    assert!(
        diagnostics(&report)
            .iter()
            .all(|d| d["severity"] == "warning"),
        "{}",
        listing(&report)
    );
    assert_eq!(report["summary"]["error"], 0);

    let out = run(factlint().args([&dir, "--format", "json", "--deny", "warnings"]));
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out), report, "--deny changes the exit code only");
    let out = run(factlint().args([&dir, "--deny", "info"]));
    assert_eq!(code(&out), 1);
}

#[test]
fn clean_fixture_exits_0_with_no_diagnostics() {
    let dir = fixture("clean");
    let out = run(factlint().args([&dir, "--format", "json"]));
    let report = json(&out);
    assert_eq!(code(&out), 0);
    assert_eq!(report["files_checked"], 2);
    assert!(diagnostics(&report).is_empty(), "{}", listing(&report));
    assert_eq!(
        report["summary"],
        serde_json::json!({"error": 0, "warning": 0, "info": 0})
    );
    let out = run(factlint().args([&dir, "--deny", "warnings", "--color", "never"]));
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("2 files checked"), "{}", stdout(&out));
}

#[test]
fn kind_and_ignore_filter_the_report() {
    let (_, all) = corpus_json();
    let count = |k: &str| diagnostics(&all).iter().filter(|d| kind(d) == k).count();
    assert!(count("name-case") > 0 && count("name-typo") > 0);

    let out = run(factlint().args(["corpus/", "--format", "json", "--kind", "name-case"]));
    let only = json(&out);
    assert_eq!(diagnostics(&only).len(), count("name-case"));
    assert!(diagnostics(&only).iter().all(|d| kind(d) == "name-case"));
    assert_eq!(code(&out), 0, "name-case findings are warnings only");

    // A code works as well as a kind.
    let out = run(factlint().args(["corpus/", "--format", "json", "--kind", "FL103"]));
    assert_eq!(json(&out), only);

    let out = run(factlint().args(["corpus/", "--format", "json", "--ignore", "name-case"]));
    let ignored = json(&out);
    assert_eq!(
        diagnostics(&ignored).len(),
        diagnostics(&all).len() - count("name-case")
    );
    assert!(diagnostics(&ignored).iter().all(|d| kind(d) != "name-case"));
    assert_eq!(code(&out), 1, "the name-typo errors remain");

    let out = run(factlint().args([
        "corpus/",
        "--format",
        "json",
        "--kind",
        "name-case,name-typo",
    ]));
    assert_eq!(
        diagnostics(&json(&out)).len(),
        count("name-case") + count("name-typo")
    );
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("report.json");
    let (_, expected) = corpus_json();
    let out = run(factlint()
        .args(["corpus/", "--format", "json", "--output"])
        .arg(&target));
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty(), "stdout: {}", stdout(&out));
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(written, expected);

    // The human report to a file has no colour escapes.
    let human = tmp.path().join("report.txt");
    let out = run(factlint().args(["corpus/", "-o"]).arg(&human));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&human).unwrap();
    assert!(text.contains("Kim Young-un"), "{text}");
    assert!(!text.contains('\u{1b}'), "escapes in a file report");
}

#[test]
fn unwritable_output_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("no-such-dir").join("report.json");
    let out = run(factlint()
        .args(["corpus/", "--format", "json", "-o"])
        .arg(&target));
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("report.json"), "{}", stderr(&out));
}

#[test]
fn nonexistent_path_is_exit_2_with_a_clear_message() {
    let out = run(factlint().args(["no-such-folder/", "--format", "json"]));
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("no-such-folder"), "{err}");
    assert!(
        err.to_lowercase().contains("no such file") || err.contains("not found"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "stdout: {}", stdout(&out));
}

#[test]
fn unknown_kind_is_exit_2() {
    let out = run(factlint().args(["corpus/", "--kind", "bogus"]));
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("bogus"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let out = run(factlint().args(["corpus/", "--ignore", "name-typos"]));
    assert_eq!(code(&out), 2);
}

#[test]
fn color_always_colours_the_human_report() {
    let out = run(factlint().args(["corpus/", "--color", "always"]));
    assert!(
        stdout(&out).contains("\u{1b}["),
        "no escapes with --color always"
    );
}

// ── explain and rules ───────────────────────────────────────────────────

#[test]
fn explain_by_kind_and_by_code() {
    let by_kind = run(factlint().args(["explain", "name-typo"]));
    assert_eq!(code(&by_kind), 0);
    let doc = stdout(&by_kind);
    assert!(doc.contains("## What it flags"), "{doc}");
    assert!(doc.contains("name-typo") && doc.contains("FL101"), "{doc}");
    let by_code = run(factlint().args(["explain", "FL101"]));
    assert_eq!(code(&by_code), 0);
    assert_eq!(stdout(&by_code), doc);
}

#[test]
fn explain_lists_all_17_kinds() {
    let out = run(factlint().arg("explain"));
    assert_eq!(code(&out), 0);
    let list = stdout(&out);
    let kinds = KINDS;
    let mut codes = BTreeSet::new();
    for k in kinds {
        let line = list
            .lines()
            .find(|l| l.split_whitespace().next() == Some(k))
            .unwrap_or_else(|| panic!("{k} not listed:\n{list}"));
        let code_ = line.split_whitespace().nth(1).expect("a code");
        assert!(codes.insert(code_.to_string()), "code {code_} twice");
        // Every listed kind and code can be explained.
        for arg in [k, code_] {
            let one = run(factlint().args(["explain", arg]));
            assert_eq!(code(&one), 0, "explain {arg}");
            assert!(stdout(&one).contains(k), "explain {arg}: {}", stdout(&one));
        }
    }
    assert_eq!(codes.len(), 17);
}

#[test]
fn explain_unknown_is_exit_2() {
    let out = run(factlint().args(["explain", "nope"]));
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn rules_lists_every_entity_with_its_source() {
    let out = run(factlint().arg("rules"));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(listed.contains("rules/entities.toml"), "{listed}");
    let toml_text = std::fs::read_to_string(Path::new(MANIFEST_DIR).join("rules/entities.toml"))
        .expect("rules/entities.toml");
    let table: toml::Table = toml::from_str(&toml_text).expect("valid rules");
    let entities = table["entity"].as_array().expect("[[entity]] entries");
    assert!(!entities.is_empty());
    for e in entities {
        let id = e["id"].as_str().unwrap();
        let name = e["name"].as_str().unwrap();
        let source = e["source"].as_str().unwrap();
        let line = listed
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(id))
            .unwrap_or_else(|| panic!("entity {id} not listed:\n{listed}"));
        assert!(line.contains(name), "{id}: name missing in {line:?}");
        assert!(line.contains(source), "{id}: source missing in {line:?}");
    }
}

#[test]
fn rules_of_a_fixture_folder() {
    let out = run(factlint().args(["rules", &fixture("cross-article")]));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(
        listed.contains("tests/fixtures/cross-article/rules/entities.toml"),
        "{listed}"
    );
    assert!(listed.contains("Wikipédia (fr), « Pékin »"), "{listed}");
    assert!(
        !listed.contains("kim-il-sung"),
        "the project's rules are not loaded: {listed}"
    );
    let out = run(factlint().args(["rules", "--rules", &fixture("clean/rules")]));
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("nikita-khrouchtchev"));
}

// ── Fixture folders ─────────────────────────────────────────────────────

#[test]
fn cross_article_slip_cites_the_correct_spelling_in_other_files() {
    let dir = fixture("cross-article");
    let out = run(factlint().args([&dir, "--format", "json"]));
    let report = json(&out);
    assert_eq!(code(&out), 1);
    assert_eq!(report["files_checked"], 3);
    let diags = diagnostics(&report);
    assert_eq!(diags.len(), 1, "{}", listing(&report));
    let d = &diags[0];
    assert_eq!(kind(d), "name-typo");
    assert_eq!(file(d), "tests/fixtures/cross-article/soutien.txt");
    assert_eq!(text(d), "Kim Jon-un");
    assert_eq!(d["suggestion"], "Kim Jong-un");
    assert_eq!(
        d["span"],
        serde_json::json!({"start": 27, "end": 37, "line": 1, "column": 28})
    );
    assert_eq!(
        d["rule"],
        "tests/fixtures/cross-article/rules/entities.toml#kim-jong-un"
    );
    let related: BTreeSet<&str> = d["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        related,
        BTreeSet::from([
            "tests/fixtures/cross-article/juin.txt",
            "tests/fixtures/cross-article/pekin.md",
        ])
    );
    assert_all_spans(&report, Path::new(MANIFEST_DIR));
}

#[test]
fn without_rules_a_rare_spelling_is_a_slip_of_the_dominant_one() {
    // Run from inside the fixture: no rules/ there, above it, or in the
    // working directory.
    let dir = Path::new(MANIFEST_DIR).join(fixture("no-rules"));
    let out = run(factlint().current_dir(&dir).args([".", "--format", "json"]));
    let report = json(&out);
    assert!(
        stderr(&out).contains("no entity rules found"),
        "{}",
        stderr(&out)
    );
    let diags = diagnostics(&report);
    assert_eq!(diags.len(), 1, "{}", listing(&report));
    let d = &diags[0];
    assert_eq!(kind(d), "name-typo");
    assert_eq!(text(d), "Jean-Marc Ayraut");
    assert_eq!(d["suggestion"], "Jean-Marc Ayrault");
    assert!(d["rule"].is_null());
    assert_eq!(d["related"].as_array().unwrap().len(), 2);
    assert_all_spans(&report, &dir);
}

#[test]
fn folders_are_walked_recursively_for_txt_and_md() {
    let out = run(factlint().args([&fixture("discovery"), "--format", "json"]));
    let report = json(&out);
    assert_eq!(report["files_checked"], 3, "{}", listing(&report));
    let files: BTreeSet<&str> = diagnostics(&report).iter().map(file).collect();
    assert_eq!(
        files,
        BTreeSet::from([
            "tests/fixtures/discovery/a.txt",
            "tests/fixtures/discovery/b.md",
            "tests/fixtures/discovery/nested/deep/c.txt",
        ])
    );
    // A file named on the command line is linted whatever its extension.
    let out = run(factlint().args([&fixture("discovery/notes.rst"), "--format", "json"]));
    let report = json(&out);
    assert_eq!(report["files_checked"], 1);
    assert_eq!(diagnostics(&report).len(), 1, "{}", listing(&report));
}

#[test]
fn front_matter_yaml_toml_and_broken() {
    let dir = fixture("front-matter");
    let out = run(factlint().args([&dir, "--format", "json"]));
    let report = json(&out);
    assert_eq!(report["files_checked"], 3);
    assert_all_spans(&report, Path::new(MANIFEST_DIR));
    let at = |f: &str| -> Vec<(String, String, u64, u64)> {
        diagnostics(&report)
            .iter()
            .filter(|d| file(d) == format!("{dir}/{f}"))
            .map(|d| {
                (
                    kind(d).to_string(),
                    text(d).to_string(),
                    d["span"]["line"].as_u64().unwrap(),
                    d["span"]["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let s = |k: &str, t: &str, l: u64, c: u64| (k.to_string(), t.to_string(), l, c);
    // Names in the front matter are metadata, not flagged; the body's are,
    // at their place in the whole file.
    assert_eq!(
        at("yaml.md"),
        [
            s("name-case", "poutine", 5, 23),
            s("name-variant", "Kim Jong Un", 5, 39)
        ]
    );
    assert_eq!(
        at("toml.md"),
        [
            s("name-case", "khrouchtchev", 5, 15),
            s("name-case", "russie", 5, 47)
        ]
    );
    let broken = at("broken.md");
    assert_eq!(broken.len(), 2, "{}", listing(&report));
    assert_eq!(broken[0].0, "file-error");
    assert!(broken[0].2 <= 4, "the error points into the front matter");
    assert_eq!(broken[1], s("name-case", "poutine", 5, 14));
    let fe = find(&report, "file-error", "");
    assert_eq!(fe["severity"], "warning");
    assert!(
        fe["message"]
            .as_str()
            .unwrap()
            .contains("front matter cannot be parsed"),
        "{fe}"
    );
}

const RULES: &str = "\
[[entity]]
id = \"kim-jong-un\"
name = \"Kim Jong-un\"
kind = \"person\"
variants = [\"Kim Jong Un\"]
source = \"Wikipédia (fr), « Kim Jong-un »\"

[[entity]]
id = \"vladimir-poutine\"
name = \"Vladimir Poutine\"
kind = \"person\"
forms = [\"Poutine\"]
source = \"Wikipédia (fr), « Vladimir Poutine »\"

[[entity]]
id = \"nikita-khrouchtchev\"
name = \"Nikita Khrouchtchev\"
kind = \"person\"
forms = [\"Khrouchtchev\"]
source = \"Wikipédia (fr), « Nikita Khrouchtchev »\"

[[entity]]
id = \"pekin\"
name = \"Pékin\"
kind = \"place\"
source = \"Wikipédia (fr), « Pékin »\"
";

/// A folder with the rules above and `files` (name, bytes), written as
/// given (git would not keep CRLF or BOMs intact in the repository).
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("rules")).unwrap();
    std::fs::write(tmp.path().join("rules/entities.toml"), RULES).unwrap();
    for (name, bytes) in files {
        std::fs::write(tmp.path().join(name), bytes).unwrap();
    }
    tmp
}

/// Moves the written files into `articles/` so that the rules are found
/// beside it, then lints it.
fn lint_files(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Value) {
    let tmp = folder(&[]);
    let articles = tmp.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for (name, bytes) in files {
        std::fs::write(articles.join(name), bytes).unwrap();
    }
    let out = run(factlint()
        .current_dir(tmp.path())
        .args(["articles", "--format", "json"]));
    let report = json(&out);
    (tmp, report)
}

type Expected<'a> = (&'a str, &'a str, u64, u64, u64, u64);

fn assert_diagnostics(report: &Value, path: &str, expected: &[Expected]) {
    let got: Vec<Expected> = diagnostics(report)
        .iter()
        .filter(|d| file(d) == path)
        .map(|d| {
            let s = &d["span"];
            (
                kind(d),
                text(d),
                s["start"].as_u64().unwrap(),
                s["end"].as_u64().unwrap(),
                s["line"].as_u64().unwrap(),
                s["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, expected, "{path}:\n{}", listing(report));
}

#[test]
fn crlf_and_bom_spans_are_exact() {
    let bom_crlf =
        "\u{feff}Kim Jon-un arrive à Pékin.\r\nLe président poutine salue Kim Jong Un.\r\n";
    let crlf = "Titre\r\n\r\nÀ Pékin, « poutine » et Kim Jong Un.\r\n";
    let bom = "\u{feff}poutine\nKim Jong Un";
    let (tmp, report) = lint_files(&[
        ("bom-crlf.txt", bom_crlf.as_bytes()),
        ("crlf.txt", crlf.as_bytes()),
        ("bom.md", bom.as_bytes()),
    ]);
    assert_diagnostics(
        &report,
        "articles/bom-crlf.txt",
        &[
            ("name-typo", "Kim Jon-un", 3, 13, 1, 1),
            ("name-case", "poutine", 47, 54, 2, 14),
            ("name-variant", "Kim Jong Un", 61, 72, 2, 28),
        ],
    );
    assert_diagnostics(
        &report,
        "articles/crlf.txt",
        &[
            ("name-case", "poutine", 23, 30, 3, 12),
            ("name-variant", "Kim Jong Un", 37, 48, 3, 25),
        ],
    );
    assert_diagnostics(
        &report,
        "articles/bom.md",
        &[
            ("name-case", "poutine", 3, 10, 1, 1),
            ("name-variant", "Kim Jong Un", 11, 22, 2, 1),
        ],
    );
    assert_all_spans(&report, tmp.path());
}

#[test]
fn bom_crlf_front_matter_spans_are_exact() {
    let yaml = "\u{feff}---\r\ntitle: Pékin\r\ndate: 2024-06-19\r\n---\r\nÀ Pékin, poutine.\r\n";
    let toml = "\u{feff}+++\r\ntitle = \"Pékin\"\r\n+++\r\npoutine à Pékin.\r\n";
    let (tmp, report) = lint_files(&[("yaml.md", yaml.as_bytes()), ("toml.md", toml.as_bytes())]);
    assert_diagnostics(
        &report,
        "articles/yaml.md",
        &[("name-case", "poutine", 57, 64, 5, 10)],
    );
    assert_diagnostics(
        &report,
        "articles/toml.md",
        &[("name-case", "poutine", 31, 38, 4, 1)],
    );
    assert_all_spans(&report, tmp.path());
}

#[test]
fn decomposed_accents_are_never_split_from_their_letter() {
    // "Khrouchtchév" and "Pékin" in NFD (e + U+0301 COMBINING ACUTE), as
    // text pasted from some macOS applications arrives.
    let nfd = "L’héritage de Khrouchtche\u{301}v pèse à Pe\u{301}kin.\n";
    let (tmp, report) = lint_files(&[("nfd.txt", nfd.as_bytes())]);
    assert_all_spans(&report, tmp.path());
    for d in diagnostics(&report) {
        let end = d["span"]["end"].as_u64().unwrap() as usize;
        let next = nfd[end..].chars().next();
        assert!(
            !next.is_some_and(|c| ('\u{300}'..='\u{36f}').contains(&c)),
            "the span of {:?} ends before a combining accent: {d}",
            text(d)
        );
    }
    let word = "Khrouchtche\u{301}v";
    let typo = find(&report, "name-typo", word);
    assert_eq!(typo["suggestion"], "Khrouchtchev");
    assert_eq!(typo["span"]["start"], nfd.find(word).unwrap());
    assert!(
        diagnostics(&report)
            .iter()
            .all(|d| !text(d).starts_with("Pe")),
        "Pékin (NFD) is the right name: {}",
        listing(&report)
    );
}

#[test]
fn a_single_file_argument_is_linted_with_paths_as_given() {
    let tmp = folder(&[("seul.txt", "Le président poutine.\n".as_bytes())]);
    let out = run(factlint()
        .current_dir(tmp.path())
        .args(["./seul.txt", "--format", "json"]));
    let report = json(&out);
    assert_eq!(report["files_checked"], 1);
    assert_diagnostics(
        &report,
        "./seul.txt",
        &[("name-case", "poutine", 14, 21, 1, 14)],
    );
}

#[test]
fn declared_variants_are_flagged_whatever_their_case() {
    // The rules list these spellings as `variants`: forms the house
    // replaces by its own, reported as name-variant (README, rules/).
    let rules = "\
[[entity]]
id = \"otan\"
name = \"Otan\"
kind = \"organisation\"
variants = [\"OTAN\", \"NATO\"]
source = \"Le Monde style: Otan\"

[[entity]]
id = \"covid-19\"
name = \"Covid-19\"
kind = \"organisation\"
variants = [\"COVID-19\"]
source = \"Le Monde style: Covid-19\"

[[entity]]
id = \"kim-jong-un\"
name = \"Kim Jong-un\"
kind = \"person\"
variants = [\"Kim Jong-Un\"]
source = \"AFP style: Kim Jong-un\"
";
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("rules")).unwrap();
    std::fs::write(tmp.path().join("rules/entities.toml"), rules).unwrap();
    let article = "Selon l'Otan et la NATO, l'OTAN veille. En URSS déjà, \
                   le COVID-19 recule. Kim Jong-Un a parlé.\n";
    std::fs::write(tmp.path().join("a.txt"), article).unwrap();
    let out = run(factlint()
        .current_dir(tmp.path())
        .args(["a.txt", "--format", "json"]));
    let report = json(&out);
    assert_all_spans(&report, tmp.path());
    let missing: Vec<&str> = [
        ("NATO", "Otan"),
        ("OTAN", "Otan"),
        ("COVID-19", "Covid-19"),
        ("Kim Jong-Un", "Kim Jong-un"),
    ]
    .into_iter()
    .filter(|(variant, house)| {
        !diagnostics(&report)
            .iter()
            .any(|d| kind(d) == "name-variant" && text(d) == *variant && d["suggestion"] == *house)
    })
    .map(|(variant, _)| variant)
    .collect();
    assert!(
        missing.is_empty(),
        "declared variants not reported: {missing:?}; got:\n{}",
        listing(&report)
    );
}

#[test]
fn a_form_with_dots_is_refused_because_it_could_never_match() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("rules")).unwrap();
    let rules = "[[entity]]\nid = \"urss\"\nname = \"URSS\"\nkind = \"place\"\n\
                 variants = [\"U.R.S.S.\"]\nsource = \"Wikipédia (fr), « URSS »\"\n";
    std::fs::write(tmp.path().join("rules/entities.toml"), rules).unwrap();
    std::fs::write(tmp.path().join("a.txt"), "En U.R.S.S. déjà.\n").unwrap();
    let out = run(factlint()
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .arg("a.txt"));
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("\"U.R.S.S.\" cannot be matched"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

// ── French typography and grammar ───────────────────────────────────────

#[test]
fn typography_and_grammar_findings_carry_exact_spans_and_fixes() {
    let dir = fixture("typography");
    let out = run(factlint().args([&dir, "--format", "json"]));
    let report = json(&out);
    assert_eq!(code(&out), 0, "warnings only: exit 0");
    assert_all_spans(&report, Path::new(MANIFEST_DIR));
    let got: Vec<(String, String, String, String)> = diagnostics(&report)
        .iter()
        .map(|d| {
            (
                file(d).rsplit('/').next().unwrap_or_default().to_string(),
                kind(d).to_string(),
                text(d).to_string(),
                d["suggestion"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String, String)> = [
        ("depeche.txt", "typography", "àpartir", "à partir"),
        ("depeche.txt", "typography", "?", "\u{202F}?"),
        ("depeche.txt", "typography", "”", "“"),
        ("depeche.txt", "grammar", "de abord", "d'abord"),
        ("depeche.txt", "grammar", "Je ai", "J'ai"),
    ]
    .iter()
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
    .collect();
    assert_eq!(got, expected, "{}", listing(&report));
    let d = find(&report, "typography", "àpartir");
    assert_eq!(d["code"], "FL402");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        (d["span"]["line"].as_u64(), d["span"]["column"].as_u64()),
        (Some(2), Some(36))
    );
    assert_eq!(d["rule"], format!("{dir}/rules/french.toml#typography"));
    let d = find(&report, "grammar", "de abord");
    assert_eq!(d["code"], "FL403");
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("d'abord")
    );
}

#[test]
fn rules_lists_the_typography_and_grammar_data() {
    let out = run(factlint().args(["rules", "--rules", "rules"]));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("typography  space before: ;!?:"), "{text}");
    assert!(
        text.contains("grammar     elision: de, le, la, que"),
        "{text}"
    );
}

#[test]
fn sourcing_findings_point_at_the_claim_the_source_and_the_speaker() {
    let dir = fixture("sourcing");
    let out = run(factlint().args([&dir, "--format", "json"]));
    let report = json(&out);
    assert_eq!(code(&out), 0, "warnings only: exit 0\n{}", listing(&report));
    assert_all_spans(&report, Path::new(MANIFEST_DIR));
    let got: Vec<(String, String)> = diagnostics(&report)
        .iter()
        .map(|d| (kind(d).to_string(), text(d).to_string()))
        .collect();
    let expected = [
        ("unsourced-claim", "livré des missiles"),
        ("vague-attribution", "Selon des sources proches du dossier"),
        ("anonymous-quote", "un diplomate européen"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, expected, "{}", listing(&report));
    let d = find(&report, "unsourced-claim", "livré des missiles");
    assert_eq!(d["code"], "FL301");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        (d["span"]["line"].as_u64(), d["span"]["column"].as_u64()),
        (Some(6), Some(13))
    );
    assert_eq!(d["rule"], "rules/sourcing.toml#sourcing");
    assert_eq!(
        find(&report, "anonymous-quote", "un diplomate européen")["code"],
        "FL303"
    );
}

#[test]
fn spelling_fixture_reports_slips_with_their_corrections() {
    let dir = fixture("spelling");
    let out = run(factlint().args([&dir, "--format", "json", "--kind", "spelling"]));
    let report = json(&out);
    assert_eq!(code(&out), 0, "spelling slips are warnings");
    assert_all_spans(&report, Path::new(MANIFEST_DIR));
    let got: Vec<(&str, &str, u64, &str)> = diagnostics(&report)
        .iter()
        .map(|d| {
            (
                kind(d),
                text(d),
                d["span"]["line"].as_u64().unwrap_or(0),
                d["suggestion"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // Not reported: the declared name, the unknown name opening a
    // sentence, the accepted jargon, the English quotation, "XXe", "1er".
    // The slip inside the French quotation is reported, not fixed.
    assert_eq!(
        got,
        vec![
            ("spelling", "echo", 7, "écho"),
            ("spelling", "Resstance", 11, "Résistance"),
            ("spelling", "cooperation", 14, "coopération"),
        ],
        "{}",
        listing(&report)
    );
    let echo = find(&report, "spelling", "echo");
    assert_eq!(echo["code"], "FL401");
    assert_eq!(echo["severity"], "warning");
    assert_eq!(
        echo["message"],
        "\"echo\" is not a French word: did you mean \"écho\"?"
    );
}

#[test]
fn rules_lists_accepted_words_with_their_note() {
    let out = run(factlint().args(["rules", "--rules", "tests/fixtures/spelling/rules"]));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let listed = stdout(&out);
    assert!(
        listed.contains("accept  dronisation  defence jargon"),
        "{listed}"
    );
}

// ── CI formats ──────────────────────────────────────────────────────────

#[test]
fn sarif_report_has_the_fields_sarif_2_1_0_requires() {
    let out = run(factlint().args(["corpus", "--format", "sarif"]));
    assert_eq!(code(&out), 1, "errors on the corpus: exit 1");
    let log: Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run_ = &log["runs"][0];
    let driver = &run_["tool"]["driver"];
    assert_eq!(driver["name"], "factlint");
    let rules = driver["rules"].as_array().expect("rules");
    let results = run_["results"].as_array().expect("results");
    // The same findings as the JSON report, in the same order.
    let (_, report) = corpus_json();
    let diags = diagnostics(&report);
    assert_eq!(results.len(), diags.len());
    for (r, d) in results.iter().zip(diags) {
        assert_eq!(r["ruleId"], d["code"]);
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], d["code"]);
        assert_eq!(rules[index]["name"], d["kind"]);
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let level = r["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level), "{level}");
        let physical = &r["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], d["file"]);
        let region = &physical["region"];
        assert_eq!(region["startLine"], d["span"]["line"]);
        assert_eq!(region["startColumn"], d["span"]["column"]);
        assert_eq!(region["charOffset"], d["span"]["start"]);
    }
    let help = rules[0]["help"]["text"].as_str().unwrap();
    assert!(help.contains("## What it flags"), "{help}");
}

#[test]
fn github_format_prints_one_annotation_per_finding() {
    let out = run(factlint().args(["corpus", "--format", "github"]));
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let (_, report) = corpus_json();
    assert_eq!(text.lines().count(), diagnostics(&report).len());
    assert!(
        text.lines().any(|l| l.starts_with(
            "::error file=corpus/kim-poutine-amour.txt,line=21,col=618,endColumn=630,title=FL101 name-typo::"
        )),
        "{text}"
    );
    assert!(text.lines().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
}

#[test]
fn statistics_count_findings_per_kind() {
    let out = run(factlint().args(["corpus", "--statistics"]));
    assert_eq!(code(&out), 1, "the exit code is the report's");
    let text = stdout(&out);
    assert!(
        text.contains("FL103  name-case  (5 fixable with --fix)"),
        "{text}"
    );
    assert!(text.contains("FL303  anonymous-quote"), "{text}");
    assert!(
        text.trim_end().ends_with("31  findings in 5 files checked"),
        "{text}"
    );
}

// ── Drafts against the corpus ───────────────────────────────────────────

const DRAFT: &str =
    "---\ndate: 2024-06-20\n---\nKim Young-un a reçu Vladimir Poutine à Pyongyang.\n";

/// Runs factlint with `input` on its standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = factlint()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint starts");
    // A usage error exits before reading: the closed pipe is its answer.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(input) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "draft written: {e}"
        );
    }
    let out = child.wait_with_output().expect("factlint runs");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    out
}

#[test]
fn a_draft_is_checked_against_the_corpus_and_only_its_findings_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("brouillon.md");
    std::fs::write(&draft, DRAFT).unwrap();
    let draft = draft.display().to_string();
    let out = run(factlint().args([&draft, "--against", "corpus", "--format", "json"]));
    let report = json(&out);
    assert_eq!(code(&out), 1, "a name typo is an error");
    assert_eq!(report["files_checked"], 1);
    let diags = diagnostics(&report);
    assert!(
        diags.iter().all(|d| file(d) == draft),
        "{}",
        listing(&report)
    );
    let typo = find(&report, "name-typo", "Kim Young-un");
    // The corpus's spelling is cited, in the corpus's files.
    let related = typo["related"].as_array().unwrap();
    assert!(!related.is_empty());
    assert!(
        related
            .iter()
            .all(|r| r["file"].as_str().unwrap().starts_with("corpus/"))
    );
    // Alone, the draft has nothing to compare with but the rules: the same
    // typo, and nothing from the corpus's own articles either way.
    let alone = json(&run(
        factlint().args([&draft, "--format", "json", "--rules", "rules"])
    ));
    assert!(
        diagnostics(&alone)
            .iter()
            .all(|d| !file(d).starts_with("corpus/"))
    );
}

#[test]
fn a_draft_on_standard_input_is_reported_under_its_name() {
    let out = run_with_stdin(
        &[
            "--stdin",
            "--stdin-filename",
            "brouillon.md",
            "--against",
            "corpus",
            "--format",
            "json",
        ],
        DRAFT.as_bytes(),
    );
    let report = json(&out);
    assert_eq!(code(&out), 1);
    let typo = find(&report, "name-typo", "Kim Young-un");
    assert_eq!(file(typo), "brouillon.md");
    assert_eq!(typo["span"]["line"], 4);
    assert_eq!(typo["span"]["column"], 1);
    // The human report shows the draft's own text, which is not on disk.
    let out = run_with_stdin(
        &[
            "--stdin",
            "--stdin-filename",
            "brouillon.md",
            "--against",
            "corpus",
            "--color",
            "never",
        ],
        DRAFT.as_bytes(),
    );
    assert!(
        stdout(&out).contains("4 │ Kim Young-un a reçu"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_draft_that_is_not_utf8_is_a_file_error_and_stdin_takes_no_path() {
    let out = run_with_stdin(
        &["--stdin", "--stdin-filename", "d.txt", "--format", "json"],
        b"caf\xe9 \xe0 Paris\n",
    );
    let report = json(&out);
    assert_eq!(code(&out), 1);
    let d = &diagnostics(&report)[0];
    assert_eq!(kind(d), "file-error");
    assert_eq!(file(d), "d.txt");
    let out = run_with_stdin(&["--stdin", "corpus"], DRAFT.as_bytes());
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--against"), "{}", stderr(&out));
    let out = run(factlint().args(["corpus", "--against", "nowhere/"]));
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn bad_drafts_are_file_errors_and_an_unreadable_corpus_file_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(
        Path::new(MANIFEST_DIR).join("corpus/kim-poutine-amour.txt"),
        corpus.join("kim.txt"),
    )
    .unwrap();
    std::fs::write(corpus.join("binaire.md"), [0u8, 159, 0, 1, 2]).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.md"), corpus.join("lien.md")).unwrap();
    let drafts = [
        (
            "latin1.md",
            b"caf\xe9 \xe0 Paris\n".to_vec(),
            "not valid UTF-8",
        ),
        ("binaire.txt", vec![0u8, 1, 2, 3, 0, 0xff], "binary file"),
        ("vide.md", Vec::new(), "file is empty"),
        (
            "gros.md",
            "Kim Young-un. ".repeat(2000).into_bytes(),
            "over the limit",
        ),
    ];
    for (name, bytes, _) in &drafts {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    std::fs::write(dir.path().join("bon.md"), DRAFT).unwrap();
    let mut args: Vec<String> = drafts.iter().map(|(n, ..)| n.to_string()).collect();
    args.extend(["bon.md", "--against", "corpus", "--format", "json"].map(String::from));
    args.extend(["--max-file-size", "20000", "--rules"].map(String::from));
    args.push(Path::new(MANIFEST_DIR).join("rules").display().to_string());
    let out = run(factlint().current_dir(dir.path()).args(&args));
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["files_checked"], 5);
    for (name, _, reason) in &drafts {
        let d = diagnostics(&report)
            .iter()
            .find(|d| file(d) == *name)
            .unwrap_or_else(|| panic!("no finding on {name}: {}", listing(&report)));
        assert_eq!(kind(d), "file-error", "{name}");
        assert!(
            d["message"].as_str().unwrap().contains(reason),
            "{name}: {}",
            d["message"]
        );
    }
    // The good draft is still checked against what could be read.
    let typo = find(&report, "name-typo", "Kim Young-un");
    assert_eq!(file(typo), "bon.md");
    assert!(
        stderr(&out).contains("2 corpus files could not be read and were left out"),
        "{}",
        stderr(&out)
    );
    // Nothing was written beside the drafts.
    let names: BTreeSet<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), drafts.len() + 2, "{names:?}");
}

// ── Inline suppressions ─────────────────────────────────────────────────

#[test]
fn inline_suppressions_silence_findings_and_stale_ones_are_removed_by_fix() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.md");
    std::fs::write(
        &article,
        "---\ndate: 2024-06-20\n---\n<!-- factlint-disable-next-line name-typo -->\n\
         Kim Young-un, comme l’écrit la dépêche.\n\n\
         <!-- factlint-disable-next-line spelling -->\nKim Jong-un a parlé.\n",
    )
    .unwrap();
    let path = article.display().to_string();
    let out = run(factlint().args([&path, "--rules", "rules", "--format", "json"]));
    let report = json(&out);
    let got: Vec<(&str, u64)> = diagnostics(&report)
        .iter()
        .map(|d| (kind(d), d["span"]["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, vec![("file-error", 7)], "{}", listing(&report));
    let stale = &diagnostics(&report)[0];
    assert_eq!(stale["severity"], "warning");
    assert!(
        stale["message"]
            .as_str()
            .unwrap()
            .starts_with("unused suppression: no spelling finding"),
        "{}",
        stale["message"]
    );
    let out = run(factlint().args([&path, "--rules", "rules", "--fix"]));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let fixed = std::fs::read_to_string(&article).unwrap();
    assert!(!fixed.contains("disable-next-line spelling"), "{fixed}");
    assert!(fixed.contains("disable-next-line name-typo"), "{fixed}");
}

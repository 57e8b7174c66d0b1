//! Files that cannot be linted become `file-error` diagnostics for their
//! path, never a panic or a hang, and never stop the other files from being
//! linted.

use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use serde_json::Value;

mod common;
use common::factlint;

const RULES: &str = "\
[[entity]]
id = \"kim-jong-un\"
name = \"Kim Jong-un\"
kind = \"person\"
source = \"Wikipédia (fr), « Kim Jong-un »\"

[[entity]]
id = \"vladimir-poutine\"
name = \"Vladimir Poutine\"
kind = \"person\"
forms = [\"Poutine\"]
source = \"Wikipédia (fr), « Vladimir Poutine »\"
";

/// The good article: a typo (error) and a lower-case name (warning).
const GOOD: &str = "Le président poutine a vu Kim Jong-on.\n";

/// A folder `articles/` in a tempdir, with `rules/` beside it and the good
/// article in it.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("rules")).unwrap();
    fs::write(tmp.path().join("rules/entities.toml"), RULES).unwrap();
    let articles = tmp.path().join("articles");
    fs::create_dir(&articles).unwrap();
    fs::write(articles.join("good.txt"), GOOD).unwrap();
    (tmp, articles)
}

fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().expect("diagnostics")
}

fn listing(report: &Value) -> String {
    diagnostics(report)
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {:?} {}",
                d["file"], d["kind"], d["severity"], d["text"], d["message"]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one `file-error` for `path`.
fn file_error<'a>(report: &'a Value, path: &str) -> &'a Value {
    let found: Vec<&Value> = diagnostics(report)
        .iter()
        .filter(|d| d["file"] == path && d["kind"] == "file-error")
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one file-error for {path}:\n{}",
        listing(report)
    );
    let d = found[0];
    assert_eq!(d["code"], "FL001", "{d}");
    assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
    d
}

/// The good article's findings are all there.
fn assert_good_linted(report: &Value, path: &str) {
    let found: Vec<(&str, &str)> = diagnostics(report)
        .iter()
        .filter(|d| d["file"] == path)
        .map(|d| (d["kind"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [("name-case", "poutine"), ("name-typo", "Kim Jong-on")],
        "the good file is not fully linted:\n{}",
        listing(report)
    );
}

#[test]
fn every_bad_file_is_a_file_error_and_the_good_one_is_still_linted() {
    let (tmp, dir) = setup();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("blank.md"), " \n\t\r\n  \n").unwrap();
    fs::write(dir.join("binary.txt"), b"PK\x03\x04\0\0\x14\0poutine\0").unwrap();
    fs::write(dir.join("latin1.txt"), b"Ligne une\nP\xe9kin et Kim\n").unwrap();
    std::os::unix::fs::symlink("nowhere.txt", dir.join("x.txt")).unwrap();
    mkfifo(&dir.join("pipe.txt"));
    fs::write(dir.join("big.txt"), "poutine ".repeat(20)).unwrap();
    // Exactly at the limit: linted.
    let at_limit = format!("{:<99}\n", "Kim Jong-on.");
    assert_eq!(at_limit.len(), 100);
    fs::write(dir.join("limit.txt"), &at_limit).unwrap();

    let run = factlint(
        tmp.path(),
        &["articles", "--format", "json", "--max-file-size", "100"],
    );
    let report = run.json();
    assert_eq!(run.code, 1, "errors: exit 1");
    assert_good_linted(&report, "articles/good.txt");

    for (path, severity) in [
        ("articles/empty.txt", "warning"),
        ("articles/blank.md", "warning"),
        ("articles/binary.txt", "error"),
        ("articles/latin1.txt", "error"),
        ("articles/x.txt", "error"),
        ("articles/pipe.txt", "error"),
        ("articles/big.txt", "error"),
    ] {
        let d = file_error(&report, path);
        assert_eq!(d["severity"], severity, "{d}");
        // A file-error is the only diagnostic for a file that is not read.
        let others = diagnostics(&report)
            .iter()
            .filter(|o| o["file"] == path && o["kind"] != "file-error")
            .count();
        assert_eq!(others, 0, "{path} was linted:\n{}", listing(&report));
    }
    let d = file_error(&report, "articles/big.txt");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("160") && message.contains("100"),
        "size and limit: {message}"
    );
    let binary = file_error(&report, "articles/binary.txt");
    assert!(
        binary["message"].as_str().unwrap().contains("binary"),
        "{binary}"
    );

    // The file at the limit is linted.
    let limit: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["file"] == "articles/limit.txt")
        .collect();
    assert_eq!(limit.len(), 1, "{}", listing(&report));
    assert_eq!(limit[0]["kind"], "name-typo");

    let summary = &report["summary"];
    let count = |s: &str| {
        diagnostics(&report)
            .iter()
            .filter(|d| d["severity"] == s)
            .count()
    };
    assert_eq!(summary["error"], count("error"));
    assert_eq!(summary["warning"], count("warning"));
}

#[test]
fn a_directory_named_like_an_article_is_a_folder() {
    // `dir.txt/` is a folder: it is walked like any other, and what it holds
    // is linted; it is not mistaken for a file.
    let (tmp, dir) = setup();
    fs::create_dir(dir.join("dir.txt")).unwrap();
    fs::create_dir(dir.join("empty.md")).unwrap();
    fs::write(dir.join("dir.txt/inner.txt"), GOOD).unwrap();
    let run = factlint(tmp.path(), &["articles", "--format", "json"]);
    let report = run.json();
    assert_good_linted(&report, "articles/good.txt");
    assert_good_linted(&report, "articles/dir.txt/inner.txt");
    assert!(
        diagnostics(&report)
            .iter()
            .all(|d| d["file"] != "articles/dir.txt" && d["file"] != "articles/empty.md"),
        "{}",
        listing(&report)
    );
    assert_eq!(report["files_checked"], 2);
}

#[test]
fn latin1_error_gives_byte_offset_line_and_column() {
    let (tmp, dir) = setup();
    // "Pékin" is fine UTF-8; the Latin-1 "é" of "été" is byte 0xE9 at
    // offset 18 on line 2, its 11th character (12 bytes in).
    let mut bytes = "Titre\nÀ Pékin, l".as_bytes().to_vec();
    let offset = bytes.len();
    assert_eq!(offset, 18);
    bytes.extend_from_slice(b"\xe9t\xe9\n");
    fs::write(dir.join("latin1.txt"), &bytes).unwrap();
    let run = factlint(tmp.path(), &["articles", "--format", "json"]);
    let report = run.json();
    assert_good_linted(&report, "articles/good.txt");
    let d = file_error(&report, "articles/latin1.txt");
    assert_eq!(d["severity"], "error");
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("UTF-8"), "{message}");
    assert!(message.contains("0xE9"), "the byte: {message}");
    assert!(message.contains("offset 18"), "the byte offset: {message}");
    assert!(message.contains("line 2"), "the line: {message}");
    assert_eq!(d["span"]["start"], 18);
    assert_eq!(d["span"]["line"], 2);
    assert_eq!(d["span"]["column"], 11, "column in characters: {d}");

    // The human report names the file and the position too.
    let run = factlint(tmp.path(), &["articles", "--color", "never"]);
    assert!(run.stdout.contains("articles/latin1.txt"), "{}", run.stdout);
    assert!(run.stdout.contains("offset 18"), "{}", run.stdout);
}

#[test]
fn a_fifo_never_blocks_the_run() {
    let (tmp, dir) = setup();
    mkfifo(&dir.join("pipe.txt"));
    let run = factlint(tmp.path(), &["articles", "--format", "json"]);
    let report = run.json();
    assert_eq!(
        file_error(&report, "articles/pipe.txt")["severity"],
        "error"
    );
    assert_good_linted(&report, "articles/good.txt");
    // Named on the command line as well.
    let run = factlint(tmp.path(), &["articles/pipe.txt", "--format", "json"]);
    let report = run.json();
    assert_eq!(
        file_error(&report, "articles/pipe.txt")["severity"],
        "error"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn dangling_and_looping_links_are_file_errors() {
    let (tmp, dir) = setup();
    std::os::unix::fs::symlink("nowhere.txt", dir.join("x.txt")).unwrap();
    std::os::unix::fs::symlink("self.txt", dir.join("self.txt")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    let run = factlint(tmp.path(), &["articles", "--format", "json"]);
    let report = run.json();
    assert_good_linted(&report, "articles/good.txt");
    for path in ["articles/x.txt", "articles/self.txt"] {
        assert_eq!(file_error(&report, path)["severity"], "error");
    }
    // The loop is reported, not followed forever: good.txt is linted once.
    let good = diagnostics(&report)
        .iter()
        .filter(|d| d["text"] == "Kim Jong-on")
        .count();
    assert_eq!(good, 1, "{}", listing(&report));
}

#[test]
fn empty_and_blank_files_are_warnings_only() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("rules")).unwrap();
    fs::write(tmp.path().join("rules/entities.toml"), RULES).unwrap();
    let dir = tmp.path().join("articles");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("bom-only.txt"), "\u{feff}\n \n").unwrap();
    let run = factlint(tmp.path(), &["articles", "--format", "json"]);
    let report = run.json();
    assert_eq!(run.code, 0, "warnings only: exit 0\n{}", listing(&report));
    assert_eq!(
        file_error(&report, "articles/empty.txt")["severity"],
        "warning"
    );
    assert_eq!(
        file_error(&report, "articles/bom-only.txt")["severity"],
        "warning"
    );
    assert_eq!(report["files_checked"], 2);
    let run = factlint(
        tmp.path(),
        &["articles", "--format", "json", "--deny", "warnings"],
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_binary_file_alone_fails_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("data.txt"), b"\x7fELF\x02\x01\x01\0\0\0").unwrap();
    let run = factlint(tmp.path(), &["data.txt", "--format", "json"]);
    let report = run.json();
    assert_eq!(run.code, 1);
    assert_eq!(report["files_checked"], 1);
    assert_eq!(file_error(&report, "data.txt")["severity"], "error");
    assert_eq!(diagnostics(&report).len(), 1, "{}", listing(&report));
}

#[test]
fn broken_front_matter_warns_and_the_body_is_still_linted() {
    let (tmp, dir) = setup();
    let text =
        "---\ntitle: [Sommet\ndate: 2024-06-19\n---\nLe président poutine a vu Kim Jong-on.\n";
    fs::write(dir.join("broken.md"), text).unwrap();
    let toml =
        "+++\ntitle = \"Sommet\ndate = 2024-06-19\n+++\nLe président poutine a vu Kim Jong-on.\n";
    fs::write(dir.join("broken-toml.md"), toml).unwrap();
    let run = factlint(tmp.path(), &["articles", "--format", "json"]);
    let report = run.json();
    assert_good_linted(&report, "articles/good.txt");
    for (path, source) in [
        ("articles/broken.md", text),
        ("articles/broken-toml.md", toml),
    ] {
        let d = file_error(&report, path);
        assert_eq!(d["severity"], "warning", "{d}");
        assert!(
            d["message"].as_str().unwrap().contains("front matter"),
            "{d}"
        );
        // It points into the front matter.
        let fence = source.find("\n---\n").or(source.find("\n+++\n")).unwrap();
        let start = d["span"]["start"].as_u64().unwrap() as usize;
        assert!(
            (4..=fence + 1).contains(&start),
            "{path}: span {} is not in the front matter",
            d["span"]
        );
        // The body is linted, at its offsets in the whole file.
        let body: Vec<(&str, u64)> = diagnostics(&report)
            .iter()
            .filter(|o| o["file"] == path && o["kind"] != "file-error")
            .map(|o| {
                (
                    o["text"].as_str().unwrap(),
                    o["span"]["start"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            body,
            [
                ("poutine", source.find("poutine").unwrap() as u64),
                ("Kim Jong-on", source.find("Kim Jong-on").unwrap() as u64),
            ],
            "{path}:\n{}",
            listing(&report)
        );
    }
}

#[test]
fn an_unreadable_folder_entry_never_stops_the_run() {
    // Many bad files at once, in parallel: every one reported, no panic.
    let (tmp, dir) = setup();
    for i in 0..50 {
        fs::write(dir.join(format!("empty-{i:02}.txt")), "").unwrap();
        fs::write(dir.join(format!("bin-{i:02}.txt")), b"\0\0\0").unwrap();
    }
    let run = factlint(tmp.path(), &["articles", "--format", "json"]);
    let report = run.json();
    assert_eq!(report["files_checked"], 101);
    let errors = diagnostics(&report)
        .iter()
        .filter(|d| d["kind"] == "file-error")
        .count();
    assert_eq!(errors, 100);
    assert_good_linted(&report, "articles/good.txt");
}

/// `articles/outer/d…/inner/d…/deep.txt`, a path of over 5,000 bytes.
/// No system call takes a path that long, so the two halves are built
/// apart and `inner` is then moved to the bottom of `outer`.
fn deep_article(dir: &Path, text: &str) -> std::path::PathBuf {
    let chain: std::path::PathBuf = (0..10).map(|i| format!("{i}{}", "d".repeat(250))).collect();
    fs::create_dir_all(dir.join("inner").join(&chain)).unwrap();
    fs::write(dir.join("inner").join(&chain).join("deep.txt"), text).unwrap();
    fs::create_dir_all(dir.join("outer").join(&chain)).unwrap();
    fs::rename(
        dir.join("inner"),
        dir.join("outer").join(&chain).join("inner"),
    )
    .unwrap();
    let deep = Path::new("outer")
        .join(&chain)
        .join("inner")
        .join(&chain)
        .join("deep.txt");
    assert!(deep.as_os_str().len() > 5000);
    deep
}

#[test]
fn files_below_a_path_over_4096_bytes_are_not_skipped() {
    let (tmp, dir) = setup();
    deep_article(&dir, GOOD);
    for fix in [false, true] {
        let mut args = vec!["articles", "--format", "json"];
        if fix {
            args.push("--fix");
        }
        let run = factlint(tmp.path(), &args);
        let report = run.json();
        if fix {
            assert!(
                run.stderr.contains("fixed 2 findings in 1 file"),
                "{}",
                run.stderr
            );
        } else {
            assert_good_linted(&report, "articles/good.txt");
        }
        let unreachable: Vec<&Value> = diagnostics(&report)
            .iter()
            .filter(|d| d["file"].as_str().unwrap().starts_with("articles/outer/"))
            .collect();
        assert_eq!(unreachable.len(), 1, "{}", listing(&report));
        let d = unreachable[0];
        assert_eq!(
            (d["kind"].as_str(), d["severity"].as_str()),
            (Some("file-error"), Some("error"))
        );
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains("longer than the system allows"),
            "{message}"
        );
        assert!(message.contains("not checked"), "{message}");
        assert!(d["file"].as_str().unwrap().len() >= 4096, "{d}");
        assert_eq!(run.code, 1, "--fix {fix}: an article was not checked");
    }
    // --diff cannot show fixes there, and says so.
    let run = factlint(tmp.path(), &["articles", "--diff"]);
    assert!(
        run.stderr.contains("longer than the system allows"),
        "{}",
        run.stderr
    );
}

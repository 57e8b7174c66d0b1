//! End-to-end tests of the index file: `factlint index corpus -o facts.idx`
//! then `--against facts.idx` gives what `--against corpus` gives, and a
//! stale, foreign, damaged or other-version index is refused with the
//! reason (exit 2), never used.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

const DRAFT: &str = "Kim Young-un a reçu Vladimir Poutine à Pyongyang le 19 juin 2024.\n";

/// A copy of the seed corpus and rules in a temporary folder, with a
/// draft beside them; the binary runs there.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["corpus", "rules"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(Path::new(MANIFEST_DIR).join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    dir
}

fn factlint(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("factlint runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "factlint panicked:\n{stderr}");
    out
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("factlint exited normally")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn diagnostics(report: &Value) -> impl Iterator<Item = &Value> {
    report["diagnostics"]
        .as_array()
        .expect("a JSON report")
        .iter()
}

fn index(dir: &Path) {
    let out = factlint(dir, &["index", "corpus", "-o", "facts.idx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(" articles (0 unreadable) into facts.idx"),
        "{}",
        stderr(&out)
    );
}

/// Refused with exit 2 and a message holding `reason`.
fn assert_refused(dir: &Path, against: &str, reason: &str) {
    let out = factlint(dir, &["draft.md", "--against", against, "--format", "json"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "no report from a refused index");
    assert!(stderr(&out).contains(reason), "{}", stderr(&out));
}

#[test]
fn a_draft_against_an_index_gets_the_report_of_a_draft_against_the_folder() {
    let ws = workspace();
    let dir = ws.path();
    index(dir);
    let bytes = std::fs::read(dir.join("facts.idx")).unwrap();
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap();
    let header: Value = serde_json::from_slice(first_line).unwrap();
    assert!(header["roots"][0].as_str().unwrap().ends_with("corpus"));
    assert_eq!(header["format"], "factlint-index");
    assert_eq!(header["version"], 5);
    assert_eq!(header["articles"], 5);
    for format in ["json", "human"] {
        let args = |against| {
            let mut a = vec!["draft.md", "--against", against, "--format", format];
            a.extend(["--color", "never"]);
            a
        };
        let from_folder = factlint(dir, &args("corpus"));
        let from_index = factlint(dir, &args("facts.idx"));
        assert_eq!(code(&from_index), 1, "{}", stderr(&from_index));
        assert_eq!(
            String::from_utf8_lossy(&from_index.stdout),
            String::from_utf8_lossy(&from_folder.stdout)
        );
    }
    let out = factlint(
        dir,
        &["draft.md", "--against", "facts.idx", "--format", "json"],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let typo = diagnostics(&report)
        .find(|d| d["kind"] == "name-typo")
        .expect("the draft's typo is found against the index");
    assert_eq!(typo["file"], "draft.md");
    let related = typo["related"].as_array().unwrap();
    assert!(
        related
            .iter()
            .all(|r| r["file"].as_str().unwrap().starts_with("corpus/")),
        "related spans name the corpus files as this run sees them: {related:?}"
    );
}

#[test]
fn an_article_of_the_corpus_checked_as_a_draft_replaces_its_indexed_self() {
    let ws = workspace();
    let dir = ws.path();
    index(dir);
    // Editing the article under check is the point, not staleness.
    let article = dir.join("corpus/poutine-pyongyang.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    assert!(!text.contains("Kim Young-un"));
    std::fs::write(&article, text.replacen("Pyongyang", "Pyongyanq", 1)).unwrap();
    let out = factlint(
        dir,
        &[
            "corpus/poutine-pyongyang.txt",
            "--against",
            "facts.idx",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = diagnostics(&report)
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"name-typo"), "{kinds:?}");
    assert_eq!(report["files_checked"], 1);
    // Compared with the rest of the corpus, never with its indexed self.
    for d in report["diagnostics"].as_array().unwrap() {
        for r in d["related"].as_array().into_iter().flatten() {
            assert_ne!(r["file"], "corpus/poutine-pyongyang.txt", "{d}");
        }
    }
}

#[test]
fn a_stale_index_is_refused_with_what_changed() {
    let ws = workspace();
    let dir = ws.path();
    index(dir);
    let article = dir.join("corpus/poutine-pyongyang.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{text}\nUne phrase de plus.\n")).unwrap();
    assert_refused(
        dir,
        "facts.idx",
        "facts.idx is stale: 1 article changed since it was built (corpus/poutine-pyongyang.txt); \
         rebuild it with `factlint index corpus -o facts.idx`",
    );

    index(dir);
    std::fs::write(dir.join("corpus/nouveau.md"), "Un article de plus.\n").unwrap();
    std::fs::remove_file(dir.join("corpus/alliance-pekin.txt")).unwrap();
    assert_refused(
        dir,
        "facts.idx",
        "1 article appeared since it was built (corpus/nouveau.md)",
    );
    assert_refused(
        dir,
        "facts.idx",
        "1 article vanished since it was built (corpus/alliance-pekin.txt)",
    );

    std::fs::remove_file(dir.join("corpus/nouveau.md")).unwrap();
    let out = factlint(dir, &["index", "corpus", "-o", "facts.idx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let entities = dir.join("rules/entities.toml");
    let rules = std::fs::read_to_string(&entities).unwrap();
    std::fs::write(
        &entities,
        format!("{rules}\n# a comment changes the rules file\n"),
    )
    .unwrap();
    assert_refused(
        dir,
        "facts.idx",
        "facts.idx is stale: the rule files changed since it was built",
    );

    // Publication dates from a metadata.toml go into the facts.
    std::fs::write(&entities, rules).unwrap();
    index(dir);
    std::fs::write(
        dir.join("corpus/metadata.toml"),
        "[\"poutine-pyongyang.txt\"]\ndate = \"2024-06-20\"\n",
    )
    .unwrap();
    assert_refused(
        dir,
        "facts.idx",
        "a metadata.toml changed since it was built",
    );
    std::fs::remove_file(dir.join("corpus/metadata.toml")).unwrap();

    // Built with other options: say which, and rebuild with them.
    let out = factlint(
        dir,
        &[
            "index",
            "corpus",
            "-o",
            "facts.idx",
            "--max-file-size",
            "100000",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_refused(
        dir,
        "facts.idx",
        "it was built with --max-file-size 100000, this run uses 67108864; rebuild it with \
         `factlint index corpus -o facts.idx --max-file-size 100000`",
    );
}

#[test]
fn an_index_is_read_from_another_folder_and_through_a_linked_corpus() {
    let ws = workspace();
    let dir = ws.path();
    // The articles live elsewhere; the workspace's corpus/ is a link.
    let elsewhere = tempfile::tempdir().unwrap();
    let articles = elsewhere.path().join("articles");
    std::fs::rename(dir.join("corpus"), &articles).unwrap();
    std::os::unix::fs::symlink(&articles, dir.join("corpus")).unwrap();
    // Rules given explicitly at indexing are used again without --rules.
    std::fs::rename(dir.join("rules"), dir.join("regles")).unwrap();
    let out = factlint(
        dir,
        &["index", "corpus", "-o", "facts.idx", "--rules", "regles"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let sub = dir.join("brouillons");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("d.md"), DRAFT).unwrap();
    let out = factlint(
        &sub,
        &["d.md", "--against", "../facts.idx", "--format", "json"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let typo = diagnostics(&report)
        .find(|d| d["kind"] == "name-typo")
        .expect("the typo is found against the index");
    let related = typo["related"][0]["file"].as_str().unwrap();
    // Outside the working folder, corpus files are named by their real path.
    assert!(Path::new(related).is_absolute(), "{related}");
    assert!(Path::new(related).exists(), "{related}");
}

#[test]
fn an_index_is_never_written_over_an_article() {
    let ws = workspace();
    let dir = ws.path();
    let article = dir.join("corpus/alliance-pekin.txt");
    let before = std::fs::read(&article).unwrap();
    let out = factlint(dir, &["index", "corpus", "-o", "corpus/alliance-pekin.txt"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("has the extension of an article"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&article).unwrap(), before);
    std::fs::write(dir.join("notes.idx"), "mes notes\n").unwrap();
    let out = factlint(dir, &["index", "corpus", "-o", "notes.idx"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("notes.idx exists and is not a factlint index"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.idx")).unwrap(),
        "mes notes\n"
    );
    // An index is replaced by a new one.
    index(dir);
    index(dir);
}

#[test]
fn a_foreign_damaged_or_other_version_index_is_refused() {
    let ws = workspace();
    let dir = ws.path();
    index(dir);
    let good = std::fs::read(dir.join("facts.idx")).unwrap();
    let newline = good.iter().position(|&b| b == b'\n').unwrap();
    let header = String::from_utf8(good[..newline].to_vec()).unwrap();
    // After the header line: its checksum, then the entries.
    let entries = &good[newline + 5..];
    let with_header = |h: String| {
        let crc = crc32fast::hash(h.as_bytes()).to_le_bytes();
        [h.as_bytes(), b"\n", &crc, entries].concat()
    };

    std::fs::write(dir.join("random.idx"), [0u8, 0xff, 0xfe, 7, 0, 0, 1]).unwrap();
    assert_refused(dir, "random.idx", "random.idx is not a factlint index");
    assert_refused(dir, "rules/entities.toml", "is not a factlint index");

    let other_version = header.replacen("\"version\":5", "\"version\":1", 1);
    std::fs::write(dir.join("v1.idx"), with_header(other_version)).unwrap();
    assert_refused(dir, "v1.idx", "index of format version 1");

    let other_factlint = header.replacen(
        &format!("\"factlint\":\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"factlint\":\"0.0.1\"",
        1,
    );
    std::fs::write(dir.join("old.idx"), with_header(other_factlint)).unwrap();
    assert_refused(dir, "old.idx", "was written by factlint 0.0.1");

    let truncated = &good[..good.len() - 40];
    std::fs::write(dir.join("cut.idx"), truncated).unwrap();
    assert_refused(
        dir,
        "cut.idx",
        "cut.idx is damaged at article 5: the file ends early",
    );

    let more = header.replacen("\"articles\":5", "\"articles\":6", 1);
    std::fs::write(dir.join("short.idx"), with_header(more)).unwrap();
    assert_refused(
        dir,
        "short.idx",
        "the header announces 6 articles, the file holds 5",
    );

    // Bytes flipped inside an entry: refused, never half-read.
    let mut flipped = good.clone();
    for b in &mut flipped[newline + 20..newline + 40] {
        *b = 0xff;
    }
    std::fs::write(dir.join("flipped.idx"), flipped).unwrap();
    assert_refused(dir, "flipped.idx", "flipped.idx is damaged at article");

    // The header edited without its checksum.
    let mut edited = good.clone();
    let at = header.find("\"articles\":5").unwrap() + 11;
    edited[at] = b'4';
    std::fs::write(dir.join("edited.idx"), edited).unwrap();
    assert_refused(
        dir,
        "edited.idx",
        "edited.idx is damaged at article 0: the header does not match its checksum",
    );
}

/// Issue 11: 216 of 300 single-bit flips in an index body were accepted.
#[test]
fn single_bit_flips_in_an_index_body_are_refused() {
    let ws = workspace();
    let dir = ws.path();
    index(dir);
    let good = std::fs::read(dir.join("facts.idx")).unwrap();
    let body = good.iter().position(|&b| b == b'\n').unwrap() + 1;
    // Spread over the body with a fixed stride (every run flips the same).
    let span = good.len() - body;
    for k in 0..24 {
        let byte = body + (k * 7919 + 13) % span;
        let mut bytes = good.clone();
        bytes[byte] ^= 1 << (k % 8);
        std::fs::write(dir.join("flip.idx"), &bytes).unwrap();
        assert_refused(dir, "flip.idx", "flip.idx is damaged at article");
    }
}

/// Issue 11: a table index set out of range ("form", "event",
/// "place.entity" = 999999) in an entry whose checksum is right (a forged
/// file) panicked the corpus checks.
#[test]
fn a_forged_table_index_in_an_index_is_refused_not_a_panic() {
    use factlint::fact_index::FactIndex;
    let ws = workspace();
    let dir = ws.path();
    index(dir);
    type Forge = fn(&mut factlint::extract::Facts) -> bool;
    let forgeries: [(&str, Forge); 3] = [
        ("form", |f| {
            f.names.first_mut().map(|m| m.form = 999_999).is_some()
        }),
        ("event", |f| {
            f.events.first_mut().map(|e| e.event = 999_999).is_some()
        }),
        ("entity", |f| {
            f.events
                .iter_mut()
                .find_map(|e| e.place.as_mut())
                .map(|p| p.entity = 999_999)
                .is_some()
        }),
    ];
    for (what, forge) in forgeries {
        let mut index = FactIndex::read(&dir.join("facts.idx")).unwrap();
        let forged = index
            .entries
            .iter_mut()
            .filter_map(|e| e.facts.as_mut().ok())
            .any(forge);
        assert!(forged, "the seed corpus has a {what} to forge");
        index.write(&dir.join("forged.idx")).unwrap();
        assert_refused(dir, "forged.idx", "forged.idx is damaged at article");
        let out = factlint(dir, &["draft.md", "--against", "forged.idx"]);
        assert!(stderr(&out).contains(what), "{what}: {}", stderr(&out));
    }
}

#[test]
fn an_unreadable_article_is_left_out_of_the_index_with_a_warning() {
    let ws = workspace();
    let dir = ws.path();
    std::fs::write(dir.join("corpus/binaire.md"), [0u8, 1, 2, 0, 0xff, 0]).unwrap();
    std::os::unix::fs::symlink("boucle.md", dir.join("corpus/boucle.md")).unwrap();
    let out = factlint(dir, &["index", "corpus", "-o", "facts.idx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: left out of the index: corpus/binaire.md"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("indexed 5 articles (2 unreadable)"),
        "{}",
        stderr(&out)
    );
    let out = factlint(
        dir,
        &["draft.md", "--against", "facts.idx", "--format", "json"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 corpus files could not be read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_index_that_cannot_be_written_is_a_clear_error_and_leaves_nothing() {
    let ws = workspace();
    let dir = ws.path();
    let out = factlint(dir, &["index", "corpus", "-o", "nowhere/facts.idx"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write the index nowhere/facts.idx"),
        "{}",
        stderr(&out)
    );
    let out = factlint(dir, &["index", "missing", "-o", "facts.idx"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(!dir.join("facts.idx").exists());
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("facts.idx"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

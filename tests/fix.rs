//! End-to-end tests of `--diff` and `--fix` on temporary copies of
//! tests/fixtures/fixable (name typos, variants and case slips; one file
//! with a BOM and CRLF line endings, one with nothing to fix, a
//! `metadata.toml`): what the diff shows, what the fix writes, that a
//! second run finds nothing, and that nothing is written otherwise.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fixable");

const CRLF_BOM_BEFORE: &str =
    "\u{feff}Vladimir Putin arrive.\r\nLe président poutine salue Kim Jong Un.\r\n";
const CRLF_BOM_AFTER: &str =
    "\u{feff}Vladimir Poutine arrive.\r\nLe président Poutine salue Kim Jong-un.\r\n";

const SOMMET_AFTER: &str = "---
title: Sommet à Pékin
date: 2024-06-19
---
À Pékin, le président Poutine a salué Kim Jong-un.

Les deux dirigeants ont parlé pendant deux heures.
Le Kremlin a publié un communiqué dans la soirée.
Aucun accord n'a été signé, selon l'agence officielle.
Les ministres se retrouveront le mois prochain.
Les journalistes n'ont pas eu accès à la salle.
Un dîner officiel a suivi les entretiens.
La presse locale a salué une journée historique.
Kim Jong-un a promis un soutien total à Vladimir Poutine.
";

const EXPECTED_DIFF: &str = "\
--- a/articles/crlf-bom.txt
+++ b/articles/crlf-bom.txt
@@ -1,2 +1,2 @@
-\u{feff}Vladimir Putin arrive.\r
-Le président poutine salue Kim Jong Un.\r
+\u{feff}Vladimir Poutine arrive.\r
+Le président Poutine salue Kim Jong-un.\r
--- a/articles/sommet.md
+++ b/articles/sommet.md
@@ -2,7 +2,7 @@
 title: Sommet à Pékin
 date: 2024-06-19
 ---
-À Pékin, le président poutine a salué Kim Jong Un.
+À Pékin, le président Poutine a salué Kim Jong-un.
 
 Les deux dirigeants ont parlé pendant deux heures.
 Le Kremlin a publié un communiqué dans la soirée.
@@ -11,4 +11,4 @@
 Les journalistes n'ont pas eu accès à la salle.
 Un dîner officiel a suivi les entretiens.
 La presse locale a salué une journée historique.
-Kim Young-un a promis un soutien total à Vladimir Poutine.
+Kim Jong-un a promis un soutien total à Vladimir Poutine.
";

/// A copy of the fixture in a new temporary folder under /tmp (where an
/// unprivileged user can reach it too).
fn copy_fixture() -> tempfile::TempDir {
    let tmp = tempfile::Builder::new()
        .prefix("factlint-fix-")
        .tempdir_in(std::env::temp_dir())
        .unwrap();
    copy_dir(Path::new(FIXTURE), tmp.path());
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` (relative path) with its bytes and mtime.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(rel, (bytes, meta.modified().unwrap()));
            }
        }
    }
    files
}

fn factlint(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("factlint runs");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "factlint panicked:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
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

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

#[test]
fn the_fixture_keeps_its_bom_and_crlf() {
    // Guards the other tests: a checkout that converted line endings
    // would make them prove nothing about CRLF.
    assert_eq!(
        read(Path::new(FIXTURE), "articles/crlf-bom.txt"),
        CRLF_BOM_BEFORE
    );
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let tmp = copy_fixture();
    let before = snapshot(tmp.path());
    let out = factlint(tmp.path(), &["articles", "--diff"]);
    assert_eq!(stdout(&out), EXPECTED_DIFF);
    assert_eq!(code(&out), 1, "something to fix: exit 1");
    assert!(
        stderr(&out).contains("6 fixes available in 2 files"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(tmp.path()), before, "--diff wrote something");
}

#[test]
fn fix_writes_the_fixes_and_a_second_run_finds_nothing() {
    let tmp = copy_fixture();
    let dir = tmp.path();
    let before = snapshot(dir);
    let out = factlint(dir, &["articles", "--fix", "--format", "json"]);
    assert!(
        stderr(&out).contains("fixed 6 findings in 2 files"),
        "{}",
        stderr(&out)
    );
    // The report is of what remains: nothing.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["diagnostics"], serde_json::json!([]), "{report}");
    assert_eq!(code(&out), 0);

    assert_eq!(read(dir, "articles/sommet.md"), SOMMET_AFTER);
    // The BOM and every CRLF survive.
    assert_eq!(read(dir, "articles/crlf-bom.txt"), CRLF_BOM_AFTER);

    // Only the two fixed files changed; no temporary file is left.
    let after = snapshot(dir);
    let names = |s: &BTreeMap<PathBuf, _>| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before));
    for (path, state) in &before {
        let fixed = path.ends_with("sommet.md") || path.ends_with("crlf-bom.txt");
        assert_eq!(&after[path] == state, !fixed, "{}", path.display());
    }

    // Idempotent: a second --fix changes nothing, --diff is empty.
    let out = factlint(dir, &["articles", "--fix"]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("nothing to fix"), "{}", stderr(&out));
    assert_eq!(snapshot(dir), after);
    let out = factlint(dir, &["articles", "--diff"]);
    assert_eq!((code(&out), stdout(&out).as_str()), (0, ""));
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions_and_follows_links() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let tmp = copy_fixture();
    let dir = tmp.path();
    let real = dir.join("articles/sommet.md");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    // The file is linted through a link in another folder.
    std::fs::create_dir(dir.join("linked")).unwrap();
    let link = dir.join("linked/sommet.md");
    symlink(&real, &link).unwrap();
    let out = factlint(dir, &["linked/sommet.md", "--rules", "rules", "--fix"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(read(dir, "articles/sommet.md"), SOMMET_AFTER);
    let mode = std::fs::metadata(&real).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

/// A read-only article is reported and left as it was, though its folder
/// is writable (where a rename would succeed). Root ignores permissions,
/// so as root the run is made as the unprivileged user `nobody`.
#[cfg(unix)]
#[test]
fn a_read_only_file_is_reported_and_left_intact() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    const NOBODY: u32 = 65534;
    let root = unsafe { libc::geteuid() } == 0;
    let tmp = copy_fixture();
    let dir = tmp.path();
    let mode = |path: &Path, m: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(m)).unwrap()
    };
    for folder in [dir.to_path_buf(), dir.join("articles"), dir.join("rules")] {
        mode(&folder, 0o777);
    }
    for file in ["articles/crlf-bom.txt", "articles/propre.txt"] {
        mode(&dir.join(file), 0o666);
    }
    let read_only = dir.join("articles/sommet.md");
    mode(&read_only, 0o444);
    let before = std::fs::read(&read_only).unwrap();

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(dir)
        .args(["articles", "--fix", "--format", "json"]);
    if root {
        cmd.uid(NOBODY).gid(NOBODY);
        // Where `nobody` cannot run the binary (a build in a private
        // home), permissions cannot be tested here.
        let mut probe = Command::new(env!("CARGO_BIN_EXE_factlint"));
        probe.arg("--version").uid(NOBODY).gid(NOBODY);
        if !probe.output().is_ok_and(|o| o.status.success()) {
            eprintln!(
                "skipped: user nobody cannot run {}",
                env!("CARGO_BIN_EXE_factlint")
            );
            return;
        }
    }
    let out = cmd.output().expect("factlint runs");
    let err = stderr(&out);
    assert!(
        err.contains("articles/sommet.md: cannot write the fixes: Permission denied"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&read_only).unwrap(),
        before,
        "the file is intact"
    );
    // The other file is fixed all the same.
    assert_eq!(read(dir, "articles/crlf-bom.txt"), CRLF_BOM_AFTER);
    assert!(err.contains("fixed 3 findings in 1 file"), "{err}");
    // The report says why the file was not fixed, and what remains in it.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["kind"].as_str().unwrap()))
        .collect();
    assert!(
        kinds.contains(&("articles/sommet.md", "file-error")),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("articles/sommet.md", "name-typo")));
    assert_eq!(code(&out), 1, "an error remains");
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn fix_and_diff_together_are_a_usage_error() {
    let tmp = copy_fixture();
    let before = snapshot(tmp.path());
    let out = factlint(tmp.path(), &["articles", "--fix", "--diff"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn without_fix_nothing_is_written() {
    let tmp = copy_fixture();
    let before = snapshot(tmp.path());
    for args in [
        &["articles"][..],
        &["articles", "--format", "json"],
        &["articles", "--deny", "info", "--color", "always"],
    ] {
        let out = factlint(tmp.path(), args);
        assert_eq!(code(&out), 1, "{args:?}: the name typo is an error");
        assert_eq!(snapshot(tmp.path()), before, "{args:?} wrote something");
    }
}

#[test]
fn kind_filters_choose_what_is_fixed() {
    let tmp = copy_fixture();
    let out = factlint(tmp.path(), &["articles", "--fix", "--kind", "name-case"]);
    assert!(
        stderr(&out).contains("fixed 2 findings in 2 files"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        read(tmp.path(), "articles/crlf-bom.txt"),
        "\u{feff}Vladimir Putin arrive.\r\nLe président Poutine salue Kim Jong Un.\r\n"
    );
}

/// `tool`, or a clear failure when it is not installed: these tests check
/// that real `patch` and `git apply` take the diff.
fn tool(name: &str) -> Command {
    let found = Command::new(name).arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "this test needs `{name}` on PATH (apt-get install {name})"
    );
    let mut cmd = Command::new(name);
    // git reads no configuration of this machine's user (apply.whitespace
    // could rewrite the CRs under test) nor a repository above the folder.
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir());
    cmd
}

/// The bytes of every file under `dir`.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .map(|(path, (bytes, _))| (path, bytes))
        .collect()
}

/// Runs `factlint ARGS --diff` in `dir`, checks that `git apply --check`
/// and `patch -p1 --dry-run` accept the diff, applies it with each tool to
/// its own copy of `dir`, and compares both with what `--fix` writes to a
/// third copy. Gives the diff.
fn assert_diff_applies(dir: &Path, args: &[&str]) -> String {
    let diff_args: Vec<&str> = args.iter().copied().chain(["--diff"]).collect();
    let out = factlint(dir, &diff_args);
    assert_eq!(code(&out), 1, "something to fix: {}", stderr(&out));
    let diff = out.stdout;
    let copies = tempfile::tempdir().unwrap();
    let patch_file = copies.path().join("fixes.diff");
    std::fs::write(&patch_file, &diff).unwrap();
    let copy = |name: &str| {
        let to = copies.path().join(name);
        copy_dir(dir, &to);
        to
    };
    let (by_git, by_patch, by_fix) = (copy("git"), copy("patch"), copy("fix"));
    let fix_args: Vec<&str> = args.iter().copied().chain(["--fix"]).collect();
    let out = factlint(&by_fix, &fix_args);
    assert!(stderr(&out).contains("fixed "), "{}", stderr(&out));
    let expected = contents(&by_fix);
    assert_ne!(expected, contents(dir), "--fix changed nothing");

    let run = |cmd: &mut Command, what: &str, folder: &Path| {
        let out = cmd.current_dir(folder).output().expect("the tool runs");
        assert!(
            out.status.success(),
            "{what} refuses the diff:\n{}{}\ndiff:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&diff)
        );
    };
    run(
        tool("git").args(["apply", "--check"]).arg(&patch_file),
        "git apply --check",
        &by_git,
    );
    run(
        tool("git").arg("apply").arg(&patch_file),
        "git apply",
        &by_git,
    );
    let patch = |extra: &[&str]| {
        let mut cmd = tool("patch");
        cmd.args(["-p1", "--batch", "--no-backup-if-mismatch"])
            .args(extra)
            .stdin(std::fs::File::open(&patch_file).unwrap());
        cmd
    };
    run(&mut patch(&["--dry-run"]), "patch -p1 --dry-run", &by_patch);
    run(&mut patch(&[]), "patch -p1", &by_patch);
    assert_eq!(contents(&by_git), expected, "git apply gave another text");
    assert_eq!(contents(&by_patch), expected, "patch gave another text");
    String::from_utf8(diff).expect("the diff of UTF-8 articles is UTF-8")
}

#[test]
fn diff_applies_with_patch_and_git_for_cr_only_files() {
    let tmp = copy_fixture();
    let articles = tmp.path().join("articles");
    let write = |name: &str, text: &str| std::fs::write(articles.join(name), text).unwrap();
    // Old Mac line ends, with and without a last one.
    write(
        "cr-seul.txt",
        "Le président poutine arrive.\rIl salue Kim Jong Un.\rFin de la visite.\r",
    );
    write(
        "cr-sans-fin.txt",
        "Premier paragraphe.\rLe président poutine parle.\rDernier mot sans fin",
    );
    // A CR alone in LF text, and every kind of line end in one file.
    write(
        "cr-isole.txt",
        "Une ligne.\nLe président poutine\r salue Kim Jong Un.\nFin.\n",
    );
    write(
        "melange.txt",
        "Un.\r\nDeux.\rTrois.\nLe président poutine salue.\r\nCinq.\rSix.\nSept.",
    );
    write(
        "crlf-sans-fin.txt",
        "Un.\r\nDeux.\r\nTrois.\r\nQuatre.\r\nCinq.\r\nKim Jong Un arrive.",
    );
    // A fix far from the unterminated end, which stays out of the hunk.
    write(
        "lf-sans-fin.txt",
        "Le président poutine arrive.\n2\n3\n4\n5\n6\n7\n8\nfin sans retour",
    );
    // A name that `patch` would cut at the space if it were not quoted.
    write("un article.txt", "Le président poutine arrive.\n");
    let diff = assert_diff_applies(tmp.path(), &["articles"]);
    for name in [
        "cr-seul.txt",
        "cr-sans-fin.txt",
        "melange.txt",
        "lf-sans-fin.txt",
    ] {
        assert!(
            diff.contains(&format!("--- a/articles/{name}\n")),
            "{name} is not in the diff:\n{diff}"
        );
    }
    assert!(
        diff.contains("--- \"a/articles/un article.txt\"\n"),
        "{diff}"
    );
    assert!(diff.contains("+Le président Poutine arrive.\rIl salue Kim Jong-un.\rFin de la visite.\r\n\\ No newline at end of file\n"), "{diff}");
}

#[test]
fn diff_of_the_bundled_corpus_applies_with_patch_and_git() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&manifest.join("corpus"), &tmp.path().join("corpus"));
    copy_dir(&manifest.join("rules"), &tmp.path().join("rules"));
    let diff = assert_diff_applies(tmp.path(), &["corpus"]);
    assert!(
        diff.contains("+++ b/corpus/kim-poutine-amour.txt\n"),
        "{diff}"
    );
}

//! Where reports go: a write error on standard output or on `-o FILE` is
//! exit 2 with the reason, a reader that closes the pipe ends the output
//! quietly, and `-o` never overwrites a file the run reads.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

mod common;
use common::{factlint, factlint_to};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// Every command that prints a report, run on the bundled corpus, with
/// its exit code when the report is written (the corpus has errors, and
/// fixes for --diff); `{}` stands for a fact export written beforehand.
const REPORTS: &[(&[&str], i32)] = &[
    (&["corpus/"], 1),
    (&["corpus/", "--format", "json"], 1),
    (&["corpus/", "--format", "sarif"], 1),
    (&["corpus/", "--format", "github"], 1),
    (&["corpus/", "--statistics"], 1),
    (&["corpus/", "--diff"], 1),
    (&["check", "corpus/", "--format", "json"], 1),
    (&["corpus/poutine-pyongyang.txt", "--against", "corpus/"], 0),
    (&["facts", "corpus/"], 0),
    (&["facts", "corpus/", "--format", "table"], 0),
    (&["facts", "corpus/", "--entity", "kim-jong-un"], 0),
    (&["facts", "corpus/", "--event", "victoire-japon-1945"], 0),
    (&["check", "--facts", "{}"], 1),
    (&["rules"], 0),
    (&["explain"], 0),
    (&["explain", "name-typo"], 0),
    (&["eval"], 0),
];

/// `REPORTS`, with the fact export they read written to a temporary folder.
fn reports() -> (tempfile::TempDir, Vec<(Vec<String>, i32)>) {
    let tmp = tempfile::tempdir().unwrap();
    let export = tmp.path().join("facts.jsonl");
    let export = export.to_str().unwrap();
    let run = factlint(Path::new(MANIFEST_DIR), &["facts", "corpus/", "-o", export]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let commands = REPORTS
        .iter()
        .map(|(args, code)| {
            let args = args.iter().map(|a| a.replace("{}", export)).collect();
            (args, *code)
        })
        .collect();
    (tmp, commands)
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_write_error_on_stdout_is_reported_with_exit_2() {
    let (_tmp, commands) = reports();
    for (args, _) in &commands {
        let full = fs::File::create("/dev/full").expect("/dev/full (Linux)");
        let run = factlint_to(Path::new(MANIFEST_DIR), &strs(args), Some(full.into()));
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("cannot write the report: standard output: No space left on device"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_write_error_on_the_output_file_is_reported_with_exit_2() {
    let (_tmp, commands) = reports();
    for (args, _) in &commands {
        // rules, explain and eval print to standard output only.
        if ["rules", "explain", "eval"].contains(&args[0].as_str()) {
            continue;
        }
        let mut args = strs(args);
        args.extend(["-o", "/dev/full"]);
        let run = factlint(Path::new(MANIFEST_DIR), &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("cannot write the report: /dev/full: No space left on device"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_closed_pipe_ends_the_report_quietly_with_the_usual_exit_code() {
    let (_tmp, commands) = reports();
    for (args, code) in &commands {
        let (reader, writer) = std::io::pipe().unwrap();
        // The reader is gone before factlint writes: every write is EPIPE.
        drop(reader);
        let run = factlint_to(
            Path::new(MANIFEST_DIR),
            &strs(args),
            Some(Stdio::from(writer)),
        );
        assert!(
            !run.stderr.contains("cannot write"),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(run.code, *code, "{args:?}: {}", run.stderr);
    }
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            files.extend(snapshot(&path));
        } else if !meta.is_symlink() {
            let state = (fs::read(&path).unwrap(), meta.modified().unwrap());
            files.insert(path, state);
        }
    }
    files
}

#[test]
fn output_refuses_to_overwrite_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir_all(dir.join("articles/sub")).unwrap();
    fs::create_dir(dir.join("rules")).unwrap();
    fs::write(
        dir.join("rules/entities.toml"),
        "[[entity]]\nid = \"vladimir-poutine\"\nname = \"Vladimir Poutine\"\nkind = \"person\"\n\
         forms = [\"Poutine\"]\nsource = \"Wikipédia (fr)\"\n",
    )
    .unwrap();
    // A safe fix waits in each article: --fix would write if let through.
    fs::write(dir.join("articles/a.txt"), "Le président poutine arrive.\n").unwrap();
    fs::write(
        dir.join("articles/sub/b.md"),
        "Le président poutine part.\n",
    )
    .unwrap();
    fs::write(
        dir.join("articles/metadata.toml"),
        "[\"a.txt\"]\ndate = \"2024-06-19\"\n",
    )
    .unwrap();
    fs::write(dir.join("draft.md"), "Le président poutine revient.\n").unwrap();
    std::os::unix::fs::symlink("articles/sub/b.md", dir.join("lien.md")).unwrap();
    for (command, output) in [("facts", "facts.jsonl"), ("index", "old.idx")] {
        let run = factlint(dir, &[command, "articles", "-o", output]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }

    let refused: &[(&[&str], &str)] = &[
        (&["articles"], "articles/a.txt"),
        (&["articles", "--fix"], "articles/a.txt"),
        (&["articles", "--diff"], "articles/sub/b.md"),
        (&["articles", "--format", "json"], "lien.md"),
        (&["articles/a.txt"], "articles/sub/../a.txt"),
        (&["articles"], "articles/metadata.toml"),
        (&["articles"], "rules/entities.toml"),
        (&["draft.md", "--against", "articles"], "articles/a.txt"),
        (&["draft.md", "--against", "articles"], "draft.md"),
        (&["facts", "articles"], "articles/sub/b.md"),
        (&["check", "--facts", "facts.jsonl"], "facts.jsonl"),
        (&["index", "articles", "old.idx"], "old.idx"),
    ];
    for (args, output) in refused {
        let before = snapshot(dir);
        let mut args = args.to_vec();
        args.extend(["-o", output]);
        let run = factlint(dir, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("-o {output}: this file is")),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("Nothing was written"), "{}", run.stderr);
        assert_eq!(snapshot(dir), before, "{args:?} wrote something");
    }
    // A file the run does not read is written as asked.
    let run = factlint(dir, &["articles", "-o", "report.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fs::read_to_string(dir.join("report.txt"))
            .unwrap()
            .contains("poutine")
    );
}

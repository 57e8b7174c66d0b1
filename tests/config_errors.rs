//! A malformed rule file is a configuration error: exit 2, a miette report
//! on stderr that names the file and shows the offending TOML, and nothing
//! on stdout (no half report).

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Le dirigeant Kim Jong-un a reçu Vladimir Poutine à Pékin.\n";

const GOOD_ENTITY: &str = "\
[[entity]]
id = \"kim-jong-un\"
name = \"Kim Jong-un\"
kind = \"person\"
variants = [\"Kim Jong Un\"]
source = \"Wikipédia (fr), « Kim Jong-un »\"
";

/// A tempdir holding `a.txt` and the rule folder `r/` with `files`.
fn setup(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::create_dir(tmp.path().join("r")).unwrap();
    for (name, text) in files {
        std::fs::write(tmp.path().join("r").join(name), text).unwrap();
    }
    tmp
}

fn factlint(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("factlint runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "factlint panicked:\n{stderr}");
    out
}

/// Runs `factlint a.txt --rules r` (in both formats), asserts the
/// configuration-error contract and returns stderr.
fn config_error(files: &[(&str, &[u8])]) -> String {
    let tmp = setup(files);
    let mut first = None;
    for format in ["human", "json"] {
        let out = factlint(tmp.path(), &["a.txt", "--rules", "r", "--format", format]);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(2),
            "a configuration error exits 2 (--format {format}); stderr:\n{stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "nothing on stdout (--format {format}), got:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            !stderr.contains('\u{1b}'),
            "NO_COLOR=1 but escapes:\n{stderr}"
        );
        first.get_or_insert(stderr);
    }
    first.unwrap()
}

/// Asserts that stderr names `file` and shows `line` of it as a snippet
/// (`N │ line`), with a label under `marked`.
fn assert_points_at(stderr: &str, file: &str, line: &str, marked: &str) {
    assert!(
        stderr.contains(file),
        "stderr does not name {file}:\n{stderr}"
    );
    assert!(
        stderr.contains(&format!("[{file}:")),
        "no snippet header for {file}:\n{stderr}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(" │ ") && l.ends_with(line))
        .unwrap_or_else(|| panic!("the snippet does not show {line:?}:\n{stderr}"));
    // miette underlines the label on the next line, below the marked text.
    // An empty `marked` is the end of the line (where a string is unclosed).
    let offset = if marked.is_empty() {
        line.len()
    } else {
        line.find(marked).expect("marked is in line")
    };
    let column = lines[at].find(line).unwrap() + offset;
    let under = lines.get(at + 1).copied().unwrap_or_default();
    let prefix_chars = lines[at][..column].chars().count();
    let mark: String = under.chars().skip(prefix_chars).take(1).collect();
    assert!(
        ["─", "┬", "▲", "^"].contains(&mark.as_str()),
        "no label under {marked:?} in:\n{}\n{}\nfull stderr:\n{stderr}",
        lines[at],
        under
    );
}

#[test]
fn toml_syntax_error() {
    let err = config_error(&[(
        "e.toml",
        b"[[entity]]\nid = \"x\"\nname = \"X Y\nkind = \"person\"\nsource = \"s\"\n",
    )]);
    assert!(err.contains("[r/e.toml:3:12]"), "{err}");
    assert_points_at(&err, "r/e.toml", "name = \"X Y", "");
}

#[test]
fn unknown_key() {
    let err = config_error(&[(
        "e.toml",
        b"[[entity]]\nid = \"x\"\nnmae = \"X Y\"\nname = \"X Y\"\nkind = \"person\"\nsource = \"s\"\n",
    )]);
    assert!(err.contains("unknown field `nmae`"), "{err}");
    assert_points_at(&err, "r/e.toml", "nmae = \"X Y\"", "nmae");
}

#[test]
fn unknown_rule_family() {
    let err = config_error(&[("e.toml", b"[[entities]]\nid = \"x\"\n")]);
    assert!(err.contains("entities"), "{err}");
    assert_points_at(&err, "r/e.toml", "[[entities]]", "entities");
}

#[test]
fn wrong_type() {
    let err = config_error(&[(
        "e.toml",
        b"[[entity]]\nid = \"x\"\nname = 3\nkind = \"person\"\nsource = \"s\"\n",
    )]);
    assert!(err.contains("invalid type"), "{err}");
    assert_points_at(&err, "r/e.toml", "name = 3", "3");
}

#[test]
fn missing_required_key() {
    let err = config_error(&[(
        "e.toml",
        b"[[entity]]\nid = \"x\"\nname = \"X Y\"\nkind = \"person\"\n",
    )]);
    assert!(err.contains("source"), "{err}");
    assert!(err.contains("r/e.toml"), "{err}");
}

#[test]
fn unknown_entity_kind() {
    let err = config_error(&[(
        "e.toml",
        b"[[entity]]\nid = \"x\"\nname = \"X Y\"\nkind = \"persn\"\nsource = \"s\"\n",
    )]);
    assert!(err.contains("persn"), "{err}");
    assert!(err.contains("person"), "the valid kinds are listed: {err}");
    assert_points_at(&err, "r/e.toml", "kind = \"persn\"", "\"persn\"");
}

#[test]
fn duplicate_id_within_a_file() {
    let text = format!(
        "{GOOD_ENTITY}\n[[entity]]\nid = \"kim-jong-un\"\nname = \"Kim Yo-jong\"\nkind = \"person\"\nsource = \"s\"\n"
    );
    let err = config_error(&[("e.toml", text.as_bytes())]);
    assert!(err.contains("duplicate entity id `kim-jong-un`"), "{err}");
    // The second declaration (line 9) is the one pointed at.
    assert!(err.contains("[r/e.toml:9:6]"), "{err}");
    assert_points_at(&err, "r/e.toml", "id = \"kim-jong-un\"", "\"kim-jong-un\"");
}

#[test]
fn duplicate_id_across_two_files() {
    let second = "[[entity]]\nid = \"kim-jong-un\"\nname = \"Kim Yo-jong\"\nkind = \"person\"\nsource = \"s\"\n";
    let err = config_error(&[
        ("a.toml", GOOD_ENTITY.as_bytes()),
        ("b.toml", second.as_bytes()),
    ]);
    assert!(err.contains("duplicate entity id `kim-jong-un`"), "{err}");
    assert_points_at(&err, "r/b.toml", "id = \"kim-jong-un\"", "\"kim-jong-un\"");
    assert!(
        err.contains("r/a.toml"),
        "the first declaration is named: {err}"
    );
}

#[test]
fn duplicate_exclude_id() {
    let err = config_error(&[(
        "e.toml",
        b"[[exclude]]\nid = \"u\"\npattern = \"a\"\n\n[[exclude]]\nid = \"u\"\npattern = \"b\"\n",
    )]);
    assert!(err.contains("duplicate exclude id `u`"), "{err}");
    assert!(err.contains("[r/e.toml:6:"), "{err}");
}

#[test]
fn a_form_declared_by_two_entities_across_files() {
    let second = "[[entity]]\nid = \"kim-jong-un-bis\"\nname = \"Kim Jong Un\"\nkind = \"person\"\nsource = \"s\"\n";
    let err = config_error(&[
        ("a.toml", GOOD_ENTITY.as_bytes()),
        ("b.toml", second.as_bytes()),
    ]);
    assert!(err.contains("declared by both"), "{err}");
    assert!(
        err.contains("kim-jong-un") && err.contains("kim-jong-un-bis"),
        "{err}"
    );
    assert_points_at(
        &err,
        "r/b.toml",
        "name = \"Kim Jong Un\"",
        "\"Kim Jong Un\"",
    );
}

#[test]
fn a_form_declared_by_two_entities_in_one_file() {
    let text = format!(
        "{GOOD_ENTITY}\n[[entity]]\nid = \"autre\"\nname = \"Autre Nom\"\nforms = [\"Kim Jong-un\"]\nkind = \"person\"\nsource = \"s\"\n"
    );
    let err = config_error(&[("e.toml", text.as_bytes())]);
    assert!(err.contains("declared by both"), "{err}");
    assert_points_at(
        &err,
        "r/e.toml",
        "forms = [\"Kim Jong-un\"]",
        "\"Kim Jong-un\"",
    );
}

#[test]
fn empty_source() {
    let err = config_error(&[(
        "e.toml",
        b"[[entity]]\nid = \"x\"\nname = \"X Y\"\nkind = \"person\"\nsource = \"   \"\n",
    )]);
    assert!(err.contains("empty source"), "{err}");
    assert_points_at(&err, "r/e.toml", "source = \"   \"", "\"   \"");
}

#[test]
fn invalid_regex_in_exclude_points_inside_the_pattern() {
    let err = config_error(&[(
        "e.toml",
        b"[[exclude]]\nid = \"urls\"\npattern = 'https?://(\\S+'\nreason = \"addresses\"\n",
    )]);
    assert!(err.contains("invalid pattern"), "{err}");
    assert!(err.contains("urls"), "the exclude is named: {err}");
    // The label is at the unclosed group, column 21 of line 3.
    assert!(err.contains("[r/e.toml:3:21]"), "{err}");
    assert_points_at(&err, "r/e.toml", "pattern = 'https?://(\\S+'", "(");
}

#[test]
fn invalid_regex_in_a_double_quoted_pattern() {
    let err = config_error(&[(
        "e.toml",
        b"[[exclude]]\nid = \"u\"\npattern = \"a\\\\S+[\"\n",
    )]);
    assert!(err.contains("invalid pattern"), "{err}");
    assert_points_at(&err, "r/e.toml", "pattern = \"a\\\\S+[\"", "\"");
}

#[test]
fn a_pattern_too_big_to_compile_is_refused() {
    let err = config_error(&[(
        "e.toml",
        b"[[exclude]]\nid = \"u\"\npattern = '\\w{1000}{1000}'\n",
    )]);
    assert!(err.contains("invalid pattern"), "{err}");
    assert!(err.contains("r/e.toml"), "{err}");
}

#[test]
fn a_rule_file_that_is_not_utf8() {
    let err = config_error(&[(
        "e.toml",
        b"[[entity]]\nid = \"x\"\nname = \"X Y\"\nkind = \"person\"\nsource = \"\xe9\"\n",
    )]);
    assert!(err.contains("r/e.toml"), "{err}");
    assert!(err.to_lowercase().contains("utf-8"), "{err}");
}

#[test]
fn missing_rules_dir() {
    let tmp = setup(&[]);
    let out = factlint(tmp.path(), &["a.txt", "--rules", "no-such-rules"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(err.contains("no-such-rules"), "{err}");
    assert!(err.contains("not found"), "{err}");
}

#[test]
fn every_broken_file_is_reported_at_once() {
    let err = config_error(&[
        (
            "a.toml",
            b"[[entity]]\nid = \"x\"\nname = \"X Y\"\nkind = \"person\"\nsource = \"s\"\nnmae = 1\n",
        ),
        ("b.toml", b"oops =\n"),
    ]);
    assert_points_at(&err, "r/a.toml", "nmae = 1", "nmae");
    assert!(err.contains("[r/b.toml:1:"), "{err}");
}

#[test]
fn broken_default_rules_beside_the_corpus_are_a_config_error_too() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus.join("rules")).unwrap();
    std::fs::write(corpus.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(corpus.join("rules/bad.toml"), "[[entity]]\nnmae = 1\n").unwrap();
    let out = factlint(tmp.path(), &["corpus", "--format", "json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert_points_at(&err, "corpus/rules/bad.toml", "nmae = 1", "nmae");
    // `factlint rules` refuses the same folder.
    let out = factlint(tmp.path(), &["rules", "corpus"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn valid_rules_lint_normally() {
    // The control: the same setup with good rules is not an error.
    let tmp = setup(&[("e.toml", GOOD_ENTITY.as_bytes())]);
    let out = factlint(tmp.path(), &["a.txt", "--rules", "r", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files_checked"], 1);
}

#[test]
fn typography_mark_that_is_not_one_character() {
    let err = config_error(&[(
        "f.toml",
        "[typography]\nsource = \"s\"\nspace_before = [{ mark = \"?!\", insert = \"\\u202F\" }]\n"
            .as_bytes(),
    )]);
    assert!(err.contains("must be exactly one character"), "{err}");
    assert_points_at(
        &err,
        "r/f.toml",
        "space_before = [{ mark = \"?!\", insert = \"\\u202F\" }]",
        "\"?!\"",
    );
}

#[test]
fn grammar_word_that_cannot_elide_and_unknown_grammar_key() {
    let err = config_error(&[(
        "f.toml",
        "[grammar]\nsource = \"s\"\nelision = [{ word = \"du\" }]\n".as_bytes(),
    )]);
    assert!(err.contains("does not end with an elidable vowel"), "{err}");
    assert_points_at(&err, "r/f.toml", "elision = [{ word = \"du\" }]", "\"du\"");
    let err = config_error(&[(
        "f.toml",
        "[grammar]\nsource = \"s\"\n[grammar.h_aspire]\nsource = \"s\"\nmots = [\"héros\"]\n"
            .as_bytes(),
    )]);
    assert!(err.contains("unknown field `mots`"), "{err}");
    assert_points_at(&err, "r/f.toml", "mots = [\"héros\"]", "mots");
}

#[test]
fn an_empty_accepted_word_points_at_the_word() {
    let err = config_error(&[(
        "s.toml",
        b"[[accept]]\nwords = [\"dronisation\", \"\"]\nnote = \"jargon\"\n",
    )]);
    assert!(err.contains("invalid accepted word"), "{err}");
    assert_points_at(&err, "r/s.toml", "words = [\"dronisation\", \"\"]", "\"\"");
}

#[test]
fn an_accepted_phrase_and_an_empty_note_are_errors() {
    let err = config_error(&[(
        "s.toml",
        b"[[accept]]\nwords = [\"think tank\"]\nnote = \"\"\n",
    )]);
    assert!(err.contains("holds a space"), "{err}");
    assert!(err.contains("empty note"), "{err}");
    assert_points_at(
        &err,
        "r/s.toml",
        "words = [\"think tank\"]",
        "\"think tank\"",
    );
}

#[test]
fn an_unknown_key_in_accept_is_an_error() {
    let err = config_error(&[(
        "s.toml",
        b"[[accept]]\nwords = [\"dronisation\"]\nnote = \"n\"\nwhy = \"x\"\n",
    )]);
    assert!(err.contains("unknown field"), "{err}");
    assert_points_at(&err, "r/s.toml", "why = \"x\"", "why");
}

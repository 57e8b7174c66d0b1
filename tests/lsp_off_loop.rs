//! End-to-end tests of `factlint lsp` linting off its loop: with the
//! test hook FACTLINT_LSP_LINT_DELAY_MS, every lint is slow for certain.

mod lsp_harness;

use std::time::{Duration, Instant};

use lsp_harness::*;
use serde_json::{Value, json};

/// How long every lint takes in the tests of slow lints: long enough to be
/// told apart from an answer (asked within [`ANSWER_WITHIN`]) on a loaded
/// machine.
const SLOW_LINT_MS: &str = "4000";
const SLOW_LINT: Duration = Duration::from_millis(4000);
const ANSWER_WITHIN: Duration = Duration::from_millis(2000);

#[test]
fn hover_answers_while_a_slow_buffer_is_linted() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let delay = [("FACTLINT_LSP_LINT_DELAY_MS", SLOW_LINT_MS)];
    let mut server = Server::start_with(&root, &[], &delay);
    server.wait_for("the first load", is_load_log);
    let other = uri(&root.join("autre.md"));
    server.open(&other, DRAFT);
    assert_eq!(with_code(&server.diagnostics(&other), "FL101").len(), 1);

    // While the slow buffer is linted, the other one's requests are
    // answered at once.
    let slow = uri(&root.join("lent.md"));
    server.open(&slow, DRAFT);
    let opened = Instant::now();
    let hover = server.request("textDocument/hover", hover_at(&other, 0, 15));
    assert!(
        opened.elapsed() < ANSWER_WITHIN,
        "the hover waited for the lint: {:?}",
        opened.elapsed()
    );
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(markdown.contains("**FL101**"), "{hover}");
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": other},
            "range": range((0, 13), (0, 13)),
            "context": {"diagnostics": []},
        }),
    );
    assert!(opened.elapsed() < ANSWER_WITHIN, "{:?}", opened.elapsed());
    assert_eq!(
        actions["result"][0]["edit"]["changes"][&other][0]["newText"],
        "Kim Jong-un"
    );
    assert!(
        !server
            .unread
            .iter()
            .any(|m| m["params"]["uri"] == slow.as_str()),
        "the slow lint is not over yet: {:#?}",
        server.unread
    );

    // A request about the slow buffer waits for its lint, unless the
    // client cancels it.
    let cancelled = server.ask("textDocument/hover", hover_at(&slow, 0, 15));
    server.notify("$/cancelRequest", json!({"id": cancelled}));
    assert_eq!(server.response(cancelled)["error"]["code"], -32800);
    assert!(opened.elapsed() < ANSWER_WITHIN, "{:?}", opened.elapsed());
    let waiting = server.ask("textDocument/hover", hover_at(&slow, 0, 15));
    let published = server.diagnostics(&slow);
    assert!(
        opened.elapsed() >= SLOW_LINT - Duration::from_millis(500),
        "the lint was not slow: {:?}",
        opened.elapsed()
    );
    assert_eq!(published["version"], 1);
    assert_eq!(with_code(&published, "FL101").len(), 1, "{published:#}");
    assert!(!server.has_answered(waiting), "answered before the lint");
    let hover = server.response(waiting);
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(markdown.contains("**FL101**"), "{hover}");
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn a_newer_edit_cancels_the_older_lint() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let delay = [("FACTLINT_LSP_LINT_DELAY_MS", SLOW_LINT_MS)];
    let mut server = Server::start_with(&root, &[], &delay);
    // (Timed from here: the first reading of the corpus is no lint.)
    server.wait_for("the first load", is_load_log);
    let draft = uri(&root.join("brouillon.md"));
    // Version 1 has a name typo and a glued word; version 2 neither;
    // version 3 only the glued word.
    server.open(&draft, DRAFT);
    let opened = Instant::now();
    let about_v1 = server.ask("textDocument/hover", hover_at(&draft, 0, 15));
    let full_text = |server: &mut Server, version: i32, text: &str| {
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": draft, "version": version},
                "contentChanges": [{"text": text}],
            }),
        );
    };
    full_text(&mut server, 2, "Kim Jong-un est arrivé à Pékin.\n");
    // The hover was about a text that is gone: an empty answer, at once.
    assert_eq!(server.response(about_v1)["result"], Value::Null);
    assert!(opened.elapsed() < ANSWER_WITHIN, "{:?}", opened.elapsed());
    // Past the pause, version 2's lint waits for version 1's to end;
    // version 3 replaces it.
    std::thread::sleep(Duration::from_millis(800));
    let v3 = "Kim Jong-un est arrivé àPékin.\n";
    full_text(&mut server, 3, v3);

    // Only the newest version's diagnostics are published, once.
    let published = server.diagnostics(&draft);
    assert!(opened.elapsed() >= SLOW_LINT, "{:?}", opened.elapsed());
    assert_eq!(published["version"], 3, "{published:#}");
    let found = published["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{published:#}");
    assert_eq!(found[0]["code"], "FL402");
    assert_eq!(text_at(v3, &found[0]["range"]), "àPékin");
    let after = server.diagnostics_within(&draft, SLOW_LINT / 2);
    assert!(after.is_empty(), "published after the newest: {after:#?}");
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn shutdown_and_exit_do_not_wait_for_a_slow_lint() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let delay = [("FACTLINT_LSP_LINT_DELAY_MS", "10000")];
    let mut server = Server::start_with(&root, &[], &delay);
    server.wait_for("the first load", is_load_log);
    let draft = uri(&root.join("brouillon.md"));
    server.open(&draft, DRAFT);
    let waiting = server.ask("textDocument/hover", hover_at(&draft, 0, 15));
    let asked = Instant::now();
    let response = server.request("shutdown", Value::Null);
    assert!(response.get("error").is_none(), "{response}");
    // The request that waited for the lint gets an empty answer.
    assert_eq!(server.response(waiting)["result"], Value::Null);
    server.notify("exit", Value::Null);
    assert_eq!(server.exit_code(), 0);
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "shutdown and exit waited for the lint: {:?}",
        asked.elapsed()
    );
}

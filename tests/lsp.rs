//! End-to-end tests of `factlint lsp` (see [`lsp_harness`]): lints, quick
//! fixes, hovers, positions, bad input, the workspace and its reloads.

mod lsp_harness;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use lsp_harness::*;
use serde_json::{Value, json};

#[test]
fn a_draft_is_linted_fixed_and_explained_against_the_corpus() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    let draft = uri(&root.join("brouillon.md"));
    server.open(&draft, DRAFT);

    // On open: the name typo, at its UTF-16 range, citing the corpus.
    let published = server.diagnostics(&draft);
    assert_eq!(published["version"], 1);
    let typo = with_code(&published, "FL101");
    assert_eq!(typo.len(), 1, "{published:#}");
    let typo = typo[0].clone();
    // "Le " 3, the emoji 2, " été, " 6: the name starts at 11.
    assert_eq!(typo["range"], range((0, 11), (0, 23)));
    assert_eq!(typo["severity"], 1);
    assert_eq!(typo["source"], "factlint");
    assert_eq!(typo["data"]["kind"], "name-typo");
    assert_eq!(typo["data"]["suggestion"], "Kim Jong-un");
    let related = typo["relatedInformation"]
        .as_array()
        .expect("related places");
    let corpus_uri = uri(&root.join("corpus"));
    for r in related {
        let location = &r["location"];
        let file = location["uri"].as_str().unwrap();
        assert!(file.starts_with(&corpus_uri), "{file}");
        let path = url::Url::parse(file).unwrap().to_file_path().unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(text_at(&text, &location["range"]), "Kim Jong-un", "{r}");
    }
    let glued = with_code(&published, "FL402");
    assert_eq!(glued.len(), 1, "{published:#}");
    assert_eq!(text_at(DRAFT, &glued[0]["range"]), "àPékin");

    // A quick fix for the typo: the safe one, preferred.
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": draft},
            "range": range((0, 13), (0, 13)),
            "context": {"diagnostics": [typo]},
        }),
    );
    let actions = actions["result"].as_array().expect("actions").clone();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    let edit = &actions[0]["edit"]["changes"][&draft][0];
    assert_eq!(edit["range"], range((0, 11), (0, 23)));
    assert_eq!(edit["newText"], "Kim Jong-un");

    // Hover on the name: the finding, the corpus and the rules.
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft}, "position": {"line": 0, "character": 15}}),
    );
    let markdown = hover["result"]["contents"]["value"]
        .as_str()
        .expect("markdown")
        .to_string();
    for part in [
        "**FL101**",
        "What the corpus says",
        "`corpus/",
        "entities.toml#kim-jong-un",
        "source:",
    ] {
        assert!(markdown.contains(part), "{part:?} not in:\n{markdown}");
    }
    let nothing = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(nothing["result"], Value::Null);

    // Three quick edits fixing both slips: one lint, of the last version.
    let edits = [
        (2, range((0, 15), (0, 20)), "Jo"),   // "Kim Jo-un"
        (3, range((0, 15), (0, 17)), "Jong"), // "Kim Jong-un"
        (4, range((0, 34), (0, 35)), "à "),   // "à Pékin" (the name is one unit shorter)
    ];
    for (version, range, text) in edits {
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": draft, "version": version},
                "contentChanges": [{"range": range, "text": text}],
            }),
        );
    }
    let lints = server.diagnostics_within(&draft, Duration::from_millis(1500));
    assert_eq!(lints.len(), 1, "one lint after the burst: {lints:#?}");
    assert_eq!(lints[0]["version"], 4);
    assert_eq!(
        lints[0]["diagnostics"],
        json!([]),
        "both slips fixed: {:#}",
        lints[0]
    );

    // The name, now right, is flagged no more: a hover shows the entity.
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft}, "position": {"line": 0, "character": 15}}),
    );
    let markdown = hover["result"]["contents"]["value"]
        .as_str()
        .expect("markdown");
    assert!(markdown.contains("**Kim Jong-un** (person)"), "{markdown}");
    assert!(!markdown.contains("FL101"), "{markdown}");
    assert_eq!(hover["result"]["range"], range((0, 11), (0, 22)));
    // Closing clears the diagnostics.
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": draft}}),
    );
    assert_eq!(server.diagnostics(&draft)["diagnostics"], json!([]));
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn a_full_text_change_and_a_code_action_after_it_see_the_new_text() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    let draft = uri(&root.join("brouillon.md"));
    server.open(&draft, "Bonjour.\n");
    assert_eq!(server.diagnostics(&draft)["diagnostics"], json!([]));
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": draft, "version": 2},
            "contentChanges": [{"text": "Un mot.\nKim Young-un arrive.\n"}],
        }),
    );
    // Asked before the pause ends: the server lints the new text first.
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": draft},
            "range": range((1, 0), (1, 3)),
            "context": {"diagnostics": []},
        }),
    );
    let edit = &actions["result"][0]["edit"]["changes"][&draft][0];
    assert_eq!(edit["range"], range((1, 0), (1, 12)), "{actions:#}");
    assert_eq!(edit["newText"], "Kim Jong-un");
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn a_corpus_file_opened_is_compared_with_the_others_not_itself() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    let path = root.join("corpus/kim-poutine-amour.txt");
    let file = uri(&path);
    server.open(&file, &std::fs::read_to_string(&path).unwrap());
    let published = server.diagnostics(&file);
    let typo = with_code(&published, "FL101");
    let typo = typo
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("Kim Young-un"))
        .expect("the corpus's own typo");
    for r in typo["relatedInformation"].as_array().unwrap() {
        assert_ne!(
            r["location"]["uri"],
            file.as_str(),
            "no self-comparison: {r}"
        );
    }
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn the_configuration_applies_and_changes_to_it_are_picked_up() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    std::fs::write(root.join("factlint.toml"), "disable = [\"typography\"]\n").unwrap();
    // A corpus file that cannot be read is a warning, not a failure.
    std::fs::write(root.join("corpus/latin1.txt"), b"caf\xe9 \xe0 P\xe9kin\n").unwrap();
    let mut server = Server::start(&root, &[]);
    let warning = server.wait_for("a warning about the unreadable file", |m| {
        m["method"] == "window/showMessage" && m["params"]["type"] == 2
    });
    assert!(
        warning["params"]["message"]
            .as_str()
            .unwrap()
            .contains("1 file"),
        "{warning}"
    );
    let draft = uri(&root.join("brouillon.md"));
    server.open(&draft, DRAFT);
    let published = server.diagnostics(&draft);
    assert_eq!(with_code(&published, "FL101").len(), 1);
    assert!(
        with_code(&published, "FL402").is_empty(),
        "typography is disabled"
    );

    // The editor reports factlint.toml changed: the workspace is read again
    // and the open draft relinted.
    std::fs::write(root.join("factlint.toml"), "disable = [\"name-typo\"]\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join("factlint.toml")), "type": 2}]}),
    );
    let published = server.diagnostics(&draft);
    assert!(with_code(&published, "FL101").is_empty(), "{published:#}");
    assert_eq!(with_code(&published, "FL402").len(), 1, "{published:#}");

    // A broken factlint.toml, saved: an error in that file, nothing checked.
    std::fs::write(root.join("factlint.toml"), "disable = [\"name-typos\"]\n").unwrap();
    let config = uri(&root.join("factlint.toml"));
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config}}),
    );
    let errors = server.diagnostics(&config);
    assert_eq!(
        errors["diagnostics"][0]["range"],
        range((0, 11), (0, 23)),
        "{errors:#}"
    );
    assert_eq!(server.diagnostics(&draft)["diagnostics"], json!([]));
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn garbage_and_bad_requests_get_errors_and_the_server_keeps_serving() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    // Bytes that are not a frame, then a frame that is not JSON.
    server.write(b"this is not a frame\r\n\r\n\x00\x01\xff garbage\n");
    server.write(b"Content-Length: 9\r\n\r\n{not json");
    let parse_error = server.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    let skipped = server.wait_for("a log of skipped bytes", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("skipped")
    });
    assert_eq!(skipped["params"]["type"], 2);
    // JSON that is no message.
    server.send(json!({"id": 41, "what": "no method"}));
    let invalid = server.wait_for("an invalid request", |m| m["id"] == 41);
    assert_eq!(invalid["error"]["code"], -32600);

    let unknown = server.request("factlint/noSuchThing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad_params = server.request("textDocument/hover", json!("not params"));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    // A notification with bad params is logged and ignored.
    server.notify("textDocument/didOpen", json!({"textDocument": 3}));

    // Still serving: a draft is linted.
    let draft = uri(&root.join("brouillon.md"));
    server.open(&draft, DRAFT);
    assert_eq!(with_code(&server.diagnostics(&draft), "FL101").len(), 1);
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn huge_and_binary_buffers_get_one_file_error_at_the_top() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &["--max-file-size", "10000000"]);
    let huge = uri(&root.join("huge.md"));
    let text = "Kim Young-un àPékin. ".repeat(20_000_000 / 22);
    server.open(&huge, &text);
    let published = server.diagnostics(&huge);
    let found = published["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{published:#}");
    assert_eq!(found[0]["code"], "FL001");
    assert_eq!(found[0]["range"], range((0, 0), (0, 0)));
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("over the limit")
    );

    let binary = uri(&root.join("binary.md"));
    server.open(&binary, "\u{0}\u{0}\u{1}PNG Kim Young-un");
    let published = server.diagnostics(&binary);
    let found = published["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{published:#}");
    assert_eq!(found[0]["code"], "FL001");
    assert!(found[0]["message"].as_str().unwrap().contains("binary"));
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn requests_before_initialize_and_exit_without_shutdown() {
    let ws = seed_workspace();
    let mut server = Server::spawn(ws.path(), &[]);
    server.send(json!({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}));
    let early = server.wait_for("an answer", |m| m["id"] == 1);
    assert_eq!(early["error"]["code"], -32002, "{early}");
    server.notify("exit", Value::Null);
    assert_eq!(server.exit_code(), 1, "exit without shutdown");
}

#[test]
fn without_a_root_a_buffer_is_linted_alone() {
    let ws = seed_workspace();
    // The working directory's rules/ are the default rules.
    let mut server = Server::spawn(ws.path(), &[]);
    let init = server.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert!(init.get("error").is_none(), "{init}");
    server.notify("initialized", json!({}));
    let draft = "untitled:Untitled-1";
    server.open(draft, DRAFT);
    let published = server.diagnostics(draft);
    let typo = with_code(&published, "FL101");
    assert_eq!(typo.len(), 1, "a declared entity's typo: {published:#}");
    assert!(
        typo[0].get("relatedInformation").is_none(),
        "no corpus to cite"
    );
    assert_eq!(with_code(&published, "FL402").len(), 1);
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn help_says_what_the_server_does() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["lsp", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for part in [
        "Language Server",
        "--against",
        "factlint.toml",
        "quick fixes",
        "standard input",
    ] {
        assert!(help.contains(part), "{part:?} not in:\n{help}");
    }
}

#[test]
fn changes_to_documents_that_are_not_open_are_ignored() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    let full_text = |server: &mut Server, uri: &str, version: i32| {
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": DRAFT}],
            }),
        );
    };
    // Never opened: a full text is no reason to start checking it.
    let never = uri(&root.join("jamais-ouvert.md"));
    full_text(&mut server, &never, 2);
    let logged = server.wait_for("a log of the ignored change", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("not open") && s.contains("jamais-ouvert.md"))
    });
    assert_eq!(logged["params"]["type"], 2, "{logged}");
    // Opened, closed, then changed: its diagnostics stay cleared.
    let closed = uri(&root.join("ferme.md"));
    server.open(&closed, DRAFT);
    assert_eq!(with_code(&server.diagnostics(&closed), "FL101").len(), 1);
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": closed}}),
    );
    assert_eq!(server.diagnostics(&closed)["diagnostics"], json!([]));
    full_text(&mut server, &closed, 3);
    // A request about either is answered without linting it; whatever the
    // server published before the answer is in `unread` by now.
    for doc in [&never, &closed] {
        let hover = server.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": doc}, "position": {"line": 0, "character": 15}}),
        );
        assert_eq!(hover["result"], Value::Null, "{hover}");
    }
    for doc in [&never, &closed] {
        let published = server.diagnostics_within(doc, Duration::from_millis(600));
        assert!(published.is_empty(), "{doc}: {published:#?}");
    }
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn a_buffer_with_lone_surrogates_is_linted_with_replacement_characters() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    let draft = uri(&root.join("surrogates.md"));
    // An editor's buffer may hold half a UTF-16 pair; JSON can escape it,
    // serde_json refuses it. Each counts one UTF-16 unit either way.
    let body = serde_json::to_string(&json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": {"textDocument": {
            "uri": draft, "languageId": "markdown", "version": 1,
            "text": "HIGH LOW Kim Young-un est arrivé.\n",
        }},
    }))
    .unwrap()
    .replace("HIGH", "\\ud800")
    .replace("LOW", "\\udfff");
    server.write(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    let published = server.diagnostics(&draft);
    let typo = with_code(&published, "FL101");
    assert_eq!(typo.len(), 1, "{published:#}");
    // One unit, a space, one unit, a space: the name starts at 4.
    assert_eq!(typo[0]["range"], range((0, 4), (0, 16)));
    let logged = server.wait_for("a log of the replacement", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("U+FFFD"))
    });
    assert!(
        logged["params"]["message"].as_str().unwrap().contains("2 "),
        "{logged}"
    );
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn a_buffer_too_big_for_a_message_gets_a_file_error_and_can_come_back() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &["--max-file-size", "1000"]);
    // 2 MB of text: its message is over the server's limit (about four
    // times --max-file-size, plus 1 MiB) and is never read whole.
    let huge = uri(&root.join("énorme.md"));
    let text = "Kim Young-un àPékin. ".repeat(2_000_000 / 22);
    server.open(&huge, &text);
    let published = server.diagnostics(&huge);
    assert_eq!(published["version"], 1, "{published:#}");
    let found = published["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{published:#}");
    assert_eq!(found[0]["code"], "FL001");
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["range"], range((0, 0), (0, 0)));
    let message = found[0]["message"].as_str().unwrap();
    let size = format!("{} bytes", text.len());
    for part in [size.as_str(), "over the limit of 1000 bytes", "reopen"] {
        assert!(message.contains(part), "{part:?} not in {message:?}");
    }
    // (The corpus's articles are over 1000 bytes too: another message.)
    let shown = server.wait_for("a message naming the file", |m| {
        m["method"] == "window/showMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("énorme.md"))
    });
    assert_eq!(shown["params"]["type"], 2, "{shown}");
    // An edit cannot be applied to a text the server does not have: no
    // lint, and requests find nothing.
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": huge, "version": 2},
            "contentChanges": [{"range": range((0, 0), (0, 0)), "text": "x"}],
        }),
    );
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": huge}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(hover["result"], Value::Null);
    assert!(
        server
            .diagnostics_within(&huge, Duration::from_millis(600))
            .is_empty()
    );
    // A whole new text is enough to start again.
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": huge, "version": 3},
            "contentChanges": [{"text": "Kim Young-un est arrivé.\n"}],
        }),
    );
    let published = server.diagnostics(&huge);
    assert_eq!(published["version"], 3);
    assert_eq!(with_code(&published, "FL101").len(), 1, "{published:#}");
    // A change too big for a message, to an open buffer: a file-error too.
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": huge, "version": 4},
            "contentChanges": [{"text": text}],
        }),
    );
    let published = server.diagnostics(&huge);
    assert_eq!(published["version"], 4);
    assert_eq!(
        published["diagnostics"][0]["code"], "FL001",
        "{published:#}"
    );
    // Closing clears it.
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": huge}}),
    );
    assert_eq!(server.diagnostics(&huge)["diagnostics"], json!([]));
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn a_buffer_sent_as_broken_json_gets_a_file_error() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    let draft = uri(&root.join("cassé.md"));
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{draft}","languageId":"markdown","version":1,"text":"Kim Young-un \q"}}}}}}"#
    );
    server.write(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    let parse_error = server.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    let published = server.diagnostics(&draft);
    let found = published["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{published:#}");
    assert_eq!(found[0]["code"], "FL001");
    assert!(
        found[0]["message"].as_str().unwrap().contains("not JSON"),
        "{published:#}"
    );
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn a_saved_corpus_article_is_read_again_off_the_server_thread_once() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    // The test hook makes every reload take two seconds more.
    let delay = [("FACTLINT_LSP_RELOAD_DELAY_MS", "2000")];
    let mut server = Server::start_with(&root, &[], &delay);
    server.wait_for("the first load", is_load_log);
    let draft = uri(&root.join("brouillon.md"));
    server.open(&draft, DRAFT);
    let before = server.diagnostics(&draft)["diagnostics"].clone();
    assert_eq!(with_code(&json!({"diagnostics": before}), "FL101").len(), 1);

    // Another article of the corpus is saved (the editor reports the save
    // and the file's change): the corpus is read again, once, while the
    // server keeps answering.
    let article = root.join("corpus/nouveau.md");
    std::fs::write(&article, "Kim Jong-un est arrivé à Pékin.\n").unwrap();
    let saved = Instant::now();
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&article)}}),
    );
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&article), "type": 1}]}),
    );
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft}, "position": {"line": 0, "character": 15}}),
    );
    assert!(
        saved.elapsed() < Duration::from_millis(1500),
        "the hover waited for the reload: {:?}",
        saved.elapsed()
    );
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|s| s.contains("FL101")),
        "{hover}"
    );
    assert!(
        !server
            .unread
            .iter()
            .any(|m| m["params"]["uri"] == draft.as_str()),
        "relinted before the hover was answered: {:#?}",
        server.unread
    );
    // Then the draft is relinted against the new corpus, which cites it.
    // (The corpus counts one more "Kim Jong-un" in one more file.)
    let published = server.diagnostics(&draft);
    assert_ne!(published["diagnostics"], before, "{published:#}");
    assert!(saved.elapsed() >= Duration::from_millis(2000));
    // The load is logged around the relint: wait a little for the log.
    assert_eq!(
        loads_within(&mut server, Duration::from_millis(500)),
        1,
        "one reload"
    );
    // And not again: the watched-files event was the same change, and so
    // is one the editor reports late, after the reload read the file.
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&article), "type": 2}]}),
    );
    assert!(
        server
            .diagnostics_within(&draft, Duration::from_millis(2800))
            .is_empty()
    );
    assert_eq!(loads_within(&mut server, Duration::ZERO), 0);
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn saving_the_buffer_itself_is_no_reason_to_read_the_corpus_again() {
    // No corpus/ folder: every article under the root is the corpus, the
    // drafts being written included.
    let ws = tempfile::tempdir().unwrap();
    let root = ws.path().canonicalize().unwrap();
    copy_folder(&Path::new(MANIFEST_DIR).join("rules"), &root.join("rules"));
    copy_folder(&Path::new(MANIFEST_DIR).join("corpus"), &root);
    let mut server = Server::start(&root, &[]);
    server.wait_for("the first load", is_load_log);
    let path = root.join("brouillon.md");
    let draft = uri(&path);
    server.open(&draft, DRAFT);
    assert_eq!(with_code(&server.diagnostics(&draft), "FL101").len(), 1);
    std::fs::write(&path, DRAFT).unwrap();
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": draft}}),
    );
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": draft, "type": 1}]}),
    );
    // The save relints the buffer, from its text, and nothing else.
    assert_eq!(with_code(&server.diagnostics(&draft), "FL101").len(), 1);
    assert_eq!(loads_within(&mut server, Duration::from_millis(1200)), 0);
    assert_eq!(server.shut_down(), 0);
}

#[test]
fn lone_cr_is_a_line_end_in_lsp_positions() {
    let ws = seed_workspace();
    let root = ws.path().canonicalize().unwrap();
    let mut server = Server::start(&root, &[]);
    let draft = uri(&root.join("retours.md"));
    // Line 0 ends with a lone CR (old Mac files, some pasted text), line 1
    // with a CRLF, line 2 with a lone CR, line 3 with a LF.
    let text = "Premier.\rKim Young-un est arrivé àPékin.\r\nÉté 😀.\rFin.\n";
    server.open(&draft, text);
    let published = server.diagnostics(&draft);
    let typo = with_code(&published, "FL101");
    assert_eq!(typo.len(), 1, "{published:#}");
    assert_eq!(typo[0]["range"], range((1, 0), (1, 12)), "{published:#}");
    let glued = with_code(&published, "FL402");
    assert_eq!(glued.len(), 1, "{published:#}");
    assert_eq!(glued[0]["range"], range((1, 24), (1, 30)));
    assert_eq!(text_at(text, &glued[0]["range"]), "àPékin");

    // Hovers and code actions take positions on the same lines.
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft}, "position": {"line": 1, "character": 4}}),
    );
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(markdown.contains("**FL101**"), "{hover}");
    assert_eq!(hover["result"]["range"], range((1, 0), (1, 12)));
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": draft},
            "range": range((1, 2), (1, 2)),
            "context": {"diagnostics": []},
        }),
    );
    let edit = &actions["result"][0]["edit"]["changes"][&draft][0];
    assert_eq!(edit["range"], range((1, 0), (1, 12)), "{actions:#}");

    // Incoming edits too: fix the name on line 1, misspell one on line 3
    // (after the lone CR of line 2; "Été 😀." is 7 units, past it is its end).
    let edits = [
        (range((1, 4), (1, 9)), "Jong"),
        (range((3, 0), (3, 4)), "Kim Young-un."),
        (range((2, 40), (2, 40)), " Bis."),
    ];
    for (version, (range, text)) in (2..).zip(edits) {
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": draft, "version": version},
                "contentChanges": [{"range": range, "text": text}],
            }),
        );
    }
    let published = server.diagnostics(&draft);
    assert_eq!(published["version"], 4, "{published:#}");
    let typo = with_code(&published, "FL101");
    assert_eq!(typo.len(), 1, "{published:#}");
    assert_eq!(typo[0]["range"], range((3, 0), (3, 12)), "{published:#}");
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": draft}, "position": {"line": 2, "character": 9}}),
    );
    assert_eq!(hover["result"], Value::Null, "{hover}");
    let new_text = "Premier.\rKim Jong-un est arrivé àPékin.\r\nÉté 😀. Bis.\rKim Young-un.\n";
    let glued = with_code(&published, "FL402");
    assert_eq!(text_at(new_text, &glued[0]["range"]), "àPékin");
    assert_eq!(server.shut_down(), 0);
}

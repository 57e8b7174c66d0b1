//! What the end-to-end tests of `factlint lsp` share: the real binary on
//! a workspace copied into a temporary folder, driven with framed JSON-RPC
//! on its standard input, its answers read on a thread with a deadline (no
//! test waits more than [`TIMEOUT`]).

// Each test file uses its own share of these.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// No test waits longer than this for the server, in all.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The draft of the main scenario: accents and an emoji before the
/// misspelt name, and a glued word.
pub const DRAFT: &str = "Le 😀 été, Kim Young-un est arrivé àPékin.\n";

/// A running `factlint lsp` and what it has sent that no one took yet.
pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Messages read while waiting for another one.
    pub unread: Vec<Value>,
    deadline: Instant,
    next_id: i64,
}

impl Server {
    /// Starts the server in `cwd` with `args` after `lsp`; nothing sent yet.
    pub fn spawn(cwd: &Path, args: &[&str]) -> Server {
        Server::spawn_with(cwd, args, &[])
    }

    /// [`Server::spawn`] with environment variables.
    pub fn spawn_with(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .args(args)
            .envs(env.iter().copied())
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("factlint lsp starts");
        let stdout = child.stdout.take().expect("stdout");
        let (to_test, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            while let Some(body) = read_frame(&mut out) {
                let value: Value = serde_json::from_slice(&body).expect("the server sends JSON");
                if to_test.send(value).is_err() {
                    return;
                }
            }
        });
        Server {
            stdin: child.stdin.take(),
            child,
            messages,
            unread: Vec::new(),
            deadline: Instant::now() + TIMEOUT,
            next_id: 0,
        }
    }

    /// Starts the server on the workspace `root` and initializes it.
    pub fn start(root: &Path, args: &[&str]) -> Server {
        Server::start_with(root, args, &[])
    }

    /// [`Server::start`] with environment variables.
    pub fn start_with(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut server = Server::spawn_with(root, args, env);
        let init = server.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{"uri": uri(root), "name": "ws"}],
                "capabilities": {},
            }),
        );
        assert_eq!(init["result"]["serverInfo"]["name"], "factlint", "{init}");
        assert_eq!(init["result"]["capabilities"]["hoverProvider"], true);
        server.notify("initialized", json!({}));
        server
    }

    pub fn write(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("the server reads");
        stdin.flush().expect("the server reads");
    }

    pub fn send(&mut self, message: Value) {
        let body = serde_json::to_vec(&message).unwrap();
        self.write(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        self.write(&body);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.ask(method, params);
        self.response(id)
    }

    /// Sends a request; its id, to wait for its [`Server::response`].
    pub fn ask(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    pub fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("the response to request {id}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    /// Whether the response to `id` came among the messages read so far.
    pub fn has_answered(&self, id: i64) -> bool {
        self.unread
            .iter()
            .any(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The next message from the server, `None` if `until` passes first.
    pub fn next_before(&mut self, until: Instant) -> Option<Value> {
        let until = until.min(self.deadline);
        let wait = until.saturating_duration_since(Instant::now());
        match self.messages.recv_timeout(wait) {
            Ok(m) => Some(m),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// The first message (unread or new) that `wanted` accepts.
    pub fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.unread.iter().position(&wanted) {
            return self.unread.remove(i);
        }
        loop {
            match self.next_before(self.deadline) {
                Some(m) if wanted(&m) => return m,
                Some(m) => self.unread.push(m),
                None => panic!("timed out waiting for {what}; got {:#?}", self.unread),
            }
        }
    }

    /// The next diagnostics published for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait_for(&format!("diagnostics for {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    /// Every message published for `uri` within `window` from now.
    pub fn diagnostics_within(&mut self, uri: &str, window: Duration) -> Vec<Value> {
        let until = Instant::now() + window;
        let is_for_uri = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let mut found: Vec<Value> = Vec::new();
        let mut rest = Vec::new();
        for m in std::mem::take(&mut self.unread) {
            if is_for_uri(&m) {
                found.push(m["params"].clone());
            } else {
                rest.push(m);
            }
        }
        self.unread = rest;
        while let Some(m) = self.next_before(until) {
            if is_for_uri(&m) {
                found.push(m["params"].clone());
            } else {
                self.unread.push(m);
            }
        }
        found
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// `shutdown` then `exit`: the exit code.
    pub fn shut_down(mut self) -> i32 {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        self.exit_code()
    }

    pub fn exit_code(&mut self) -> i32 {
        drop(self.stdin.take());
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().expect("an exit code");
            }
            assert!(Instant::now() < self.deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn read_frame(out: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    out.read_exact(&mut body).ok()?;
    Some(body)
}

pub fn uri(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

/// A workspace with the project's rules and seed corpus.
pub fn seed_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["rules", "corpus"] {
        copy_folder(
            &Path::new(MANIFEST_DIR).join(folder),
            &dir.path().join(folder),
        );
    }
    dir
}

pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// The lines of `text` as the protocol counts them, each with its line end:
/// "\r\n", "\n" and a lone "\r" each end one.
pub fn protocol_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.find(['\r', '\n']) {
        let after = if rest[end..].starts_with("\r\n") {
            end + 2
        } else {
            end + 1
        };
        lines.push(&rest[..after]);
        rest = &rest[after..];
    }
    lines.push(rest);
    lines
}

/// The text an LSP range covers, counting lines and UTF-16 units as the
/// protocol does.
pub fn text_at(text: &str, range: &Value) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let character = p["character"].as_u64().unwrap() as usize;
        let start: usize = protocol_lines(text)
            .iter()
            .take(line)
            .map(|l| l.len())
            .sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units == character {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    text[offset(&range["start"])..offset(&range["end"])].to_string()
}

pub fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({"start": {"line": start.0, "character": start.1}, "end": {"line": end.0, "character": end.1}})
}

pub fn with_code<'a>(published: &'a Value, code: &str) -> Vec<&'a Value> {
    published["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// Whether `m` is the log of a (re)load of the workspace.
pub fn is_load_log(m: &Value) -> bool {
    m["method"] == "window/logMessage"
        && m["params"]["message"]
            .as_str()
            .is_some_and(|s| s.contains("rules from"))
}

/// How many (re)loads the server logs within `window`, the ones read but
/// not taken included.
pub fn loads_within(server: &mut Server, window: Duration) -> usize {
    let until = Instant::now() + window;
    while let Some(m) = server.next_before(until) {
        server.unread.push(m);
    }
    let loads = server.unread.iter().filter(|m| is_load_log(m)).count();
    server.unread.retain(|m| !is_load_log(m));
    loads
}

/// The params of a hover at `line`, `character` of the buffer `uri`.
pub fn hover_at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

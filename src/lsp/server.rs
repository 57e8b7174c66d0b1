//! The server loop: the lifecycle (initialize, shutdown, exit), dispatch of
//! requests and notifications, debounced lints and their publication.

use std::collections::HashMap;
use std::panic::catch_unwind;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::{Sender, select};
use factlint::Severity;
use factlint::corpus;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self, Notification as _};
use lsp_types::request::{self, Request as _};
use lsp_types::{
    CancelParams, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, Hover,
    HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, LogMessageParams,
    MessageType, PositionEncodingKind, PublishDiagnosticsParams, Registration, RegistrationParams,
    SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentContentChangeEvent,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::buffers::Buffer;
use super::debounce::{Debouncer, LINT_AFTER_QUIET};
use super::diagnostics::{self, SourceTexts};
use super::lint_jobs::{self, Jobs, Linted, NamesFound};
use super::position::LineMap;
use super::reloads::Reloads;
use super::transport::{self, Cause, Unreadable};
use super::workspace::{Loading, Notice, Reading, Workspace};
use super::{code_action, hover, panic_message, uri};

mod lints;

use lints::{Parked, Reply};

/// Work that waits for a quiet moment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Job {
    /// Lint a changed buffer (by URI) once the user stops typing.
    Lint(String),
    /// Read the corpus and rules again, on another thread, once a burst of
    /// file changes (a save and its watched-files event) ends.
    Reload,
}

/// Serves `connection` until the client says `exit` or goes away. Returns
/// the process's exit code: 0 after `shutdown` then `exit`, 1 otherwise
/// (as the protocol asks).
pub fn run(connection: Connection, max_file_size: u64) -> u8 {
    let Some(mut server) = initialize(&connection, max_file_size) else {
        return 1;
    };
    loop {
        // A lint or reload waiting for a quiet moment, a lint or a reading
        // of the workspace arriving from its thread, or the client.
        let timer = match server.waiting.next_due() {
            Some(at) => crossbeam_channel::at(at),
            None => crossbeam_channel::never(),
        };
        let reading = server.reloads.arrival();
        let linted = server.lints.arrivals().clone();
        let named = server.names.arrivals().clone();
        select! {
            recv(connection.receiver) -> received => match received {
                Ok(Message::Request(r)) => server.on_request(r),
                Ok(Message::Notification(n)) => {
                    if n.method == notification::Exit::METHOD {
                        return if server.shut_down { 0 } else { 1 };
                    }
                    server.on_notification(n);
                }
                // Answers to our registration request: nothing to do.
                Ok(Message::Response(_)) => {}
                Err(_) => return 1,
            },
            recv(reading) -> read => server.reloaded(read.ok()),
            // (The server holds a sender of each: they never disconnect.)
            recv(linted) -> finished => if let Ok(f) = finished { server.linted(f) },
            recv(named) -> finished => if let Ok(f) = finished { server.named(f) },
            recv(timer) -> _ => {}
        }
        server.run_due_jobs();
    }
}

/// Waits for `initialize`, answers it and reads the workspace; `None` if
/// the client leaves first. Requests before it get "server not
/// initialized", as the protocol asks.
fn initialize(connection: &Connection, max_file_size: u64) -> Option<Server> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(r) if r.method == request::Initialize::METHOD => {
                let params: InitializeParams = match serde_json::from_value(r.params) {
                    Ok(p) => p,
                    Err(e) => {
                        send_error(
                            &connection.sender,
                            r.id,
                            ErrorCode::InvalidParams,
                            &e.to_string(),
                        );
                        continue;
                    }
                };
                let result = InitializeResult {
                    capabilities: capabilities(),
                    server_info: Some(ServerInfo {
                        name: "factlint".into(),
                        version: Some(env!("CARGO_PKG_VERSION").into()),
                    }),
                };
                send_result(&connection.sender, r.id, result);
                return Some(Server::new(
                    connection.sender.clone(),
                    &params,
                    max_file_size,
                ));
            }
            Message::Request(r) => send_error(
                &connection.sender,
                r.id,
                ErrorCode::ServerNotInitialized,
                "the server is not initialized: send `initialize` first",
            ),
            Message::Notification(n) if n.method == notification::Exit::METHOD => return None,
            _ => {}
        }
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The workspace root the client names: its first workspace folder, else
/// its root URI (or the older root path).
#[allow(deprecated)] // root_uri and root_path: older clients send only these
fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| uri::to_path(&f.uri));
    folder
        .or_else(|| params.root_uri.as_ref().and_then(uri::to_path))
        .or_else(|| params.root_path.as_ref().map(PathBuf::from))
}

struct Server {
    sender: Sender<Message>,
    workspace: Workspace,
    /// Open buffers by URI (`Uri` caches its parts in cells: not a key).
    buffers: HashMap<String, Buffer>,
    /// Open documents whose text the server never got (their message was
    /// too big or broken), by URI: they show a file-error until a change
    /// gives their whole text again.
    unreadable: HashMap<String, Uri>,
    waiting: Debouncer<Job>,
    texts: Arc<SourceTexts>,
    /// Rule files that were given error diagnostics, to clear once fixed.
    rule_files_with_errors: Vec<Uri>,
    /// Readings of the workspace on another thread.
    reloads: Reloads,
    /// Lints of buffers, on other threads.
    lints: Jobs<Linted>,
    /// Readings of the declared names of buffers, for hovers on names
    /// nothing flags, on other threads.
    names: Jobs<NamesFound>,
    /// Requests about a buffer whose lint (or names) is on its way, to
    /// answer once it arrives.
    parked: Vec<Parked>,
    /// Added to every lint (a test hook, see [`lint_jobs::test_delay`]).
    lint_delay: Duration,
    /// Whether the client can watch files for us.
    watch_files: bool,
    shut_down: bool,
    next_request: i32,
}

impl Server {
    fn new(sender: Sender<Message>, params: &InitializeParams, max_file_size: u64) -> Server {
        let watch_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files)
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        let root = root_of(params);
        let reloads = Reloads::new(SystemTime::now());
        let loaded = catch_unwind(|| Workspace::load(root.clone(), max_file_size));
        let (workspace, loading) = match loaded {
            Ok(loaded) => loaded,
            Err(panic) => {
                let (workspace, mut loading) = Workspace::load(None, max_file_size);
                loading.notices.push(Notice::Error(format!(
                    "factlint: internal error while reading the workspace ({}); buffers are \
                     linted alone",
                    panic_message(&panic)
                )));
                (workspace, loading)
            }
        };
        let mut server = Server {
            sender,
            workspace,
            buffers: HashMap::new(),
            unreadable: HashMap::new(),
            waiting: Debouncer::new(LINT_AFTER_QUIET),
            texts: Arc::new(SourceTexts::new(max_file_size)),
            rule_files_with_errors: Vec::new(),
            reloads,
            lints: Jobs::new("factlint-lsp-lint"),
            names: Jobs::new("factlint-lsp-names"),
            parked: Vec::new(),
            lint_delay: lint_jobs::test_delay(),
            watch_files,
            shut_down: false,
            next_request: 0,
        };
        server.report(loading);
        server
    }

    fn on_request(&mut self, r: Request) {
        if self.shut_down {
            let message = "the server is shut down: only `exit` is accepted";
            return send_error(&self.sender, r.id, ErrorCode::InvalidRequest, message);
        }
        match r.method.as_str() {
            request::Shutdown::METHOD => {
                self.shut_down = true;
                // Nothing waits for a lint still running: what waited for
                // one gets an empty answer.
                for parked in std::mem::take(&mut self.parked) {
                    send_result(&self.sender, parked.request.id, Value::Null);
                }
                send_result(&self.sender, r.id, ());
            }
            request::CodeActionRequest::METHOD => {
                self.answer(r, |s, p: CodeActionParams| s.code_actions(p))
            }
            request::HoverRequest::METHOD => self.answer(r, |s, p: HoverParams| s.hover(p)),
            request::Initialize::METHOD => send_error(
                &self.sender,
                r.id,
                ErrorCode::InvalidRequest,
                "the server is already initialized",
            ),
            other => {
                let message = format!("unknown method `{other}`");
                send_error(&self.sender, r.id, ErrorCode::MethodNotFound, &message)
            }
        }
    }

    /// Answers `r` with `handle` of its params, or with "invalid params";
    /// or keeps it until what answers it arrives.
    fn answer<P: DeserializeOwned, R: Serialize>(
        &mut self,
        r: Request,
        handle: impl FnOnce(&mut Self, P) -> Reply<R>,
    ) {
        match serde_json::from_value::<P>(r.params.clone()) {
            Ok(params) => match handle(self, params) {
                Reply::Now(result) => send_result(&self.sender, r.id, result),
                Reply::Later { key, version } => self.parked.push(Parked {
                    request: r,
                    key,
                    version,
                }),
            },
            Err(e) => {
                let message = format!("invalid params for `{}`: {e}", r.method);
                send_error(&self.sender, r.id, ErrorCode::InvalidParams, &message);
            }
        }
    }

    fn on_notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let handled = match method.as_str() {
            notification::Initialized::METHOD => {
                self.watch_workspace();
                Ok(())
            }
            notification::DidOpenTextDocument::METHOD => {
                parse(n).map(|p: DidOpenTextDocumentParams| self.did_open(p))
            }
            notification::DidChangeTextDocument::METHOD => {
                parse(n).map(|p: DidChangeTextDocumentParams| self.did_change(p))
            }
            notification::DidSaveTextDocument::METHOD => {
                parse(n).map(|p: DidSaveTextDocumentParams| self.did_save(p))
            }
            notification::DidCloseTextDocument::METHOD => {
                parse(n).map(|p: DidCloseTextDocumentParams| self.did_close(p))
            }
            notification::DidChangeWatchedFiles::METHOD => {
                parse(n).map(|p: DidChangeWatchedFilesParams| self.files_changed(p))
            }
            // From the reader, not the client: a didOpen or didChange it
            // could not read.
            transport::UNREADABLE => parse(n).map(|p: Unreadable| self.unreadable(p)),
            notification::Cancel::METHOD => parse(n).map(|p: CancelParams| self.cancel(p)),
            // $/setTrace and anything else: nothing to do.
            _ => Ok(()),
        };
        if let Err(e) = handled {
            log(
                &self.sender,
                MessageType::WARNING,
                format!("factlint: ignored `{method}`: invalid params: {e}"),
            );
        }
    }

    fn did_open(&mut self, p: DidOpenTextDocumentParams) {
        let doc = p.text_document;
        let key = doc.uri.as_str().to_string();
        self.unreadable.remove(&key);
        let buffer = Buffer::new(doc.uri, doc.text, doc.version);
        self.buffers.insert(key.clone(), buffer);
        self.text_changed(&key);
        self.lint_now(&key);
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        let key = uri.as_str().to_string();
        if self.unreadable.contains_key(&key) {
            let version = p.text_document.version;
            return self.change_unreadable(key, uri, version, p.content_changes);
        }
        let Some(buffer) = self.buffers.get_mut(&key) else {
            // The protocol sends changes only to open documents: a change to
            // one never opened or already closed would start a buffer whose
            // diagnostics no didClose ever clears.
            let message = format!(
                "factlint: ignored a change to {}, which is not open",
                uri.as_str()
            );
            return log(&self.sender, MessageType::WARNING, message);
        };
        buffer.apply(p.text_document.version, p.content_changes);
        self.text_changed(&key);
        self.waiting.touch(Job::Lint(key), Instant::now());
    }

    /// A change to a document whose text the server does not have: a whole
    /// new text (and the edits after it) is a buffer again; edits alone
    /// cannot be applied, and its file-error already says so.
    fn change_unreadable(
        &mut self,
        key: String,
        uri: Uri,
        version: i32,
        mut changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        let Some(full) = changes.iter().rposition(|c| c.range.is_none()) else {
            return;
        };
        let after = changes.split_off(full + 1);
        let text = changes.pop().map(|c| c.text).unwrap_or_default();
        let mut buffer = Buffer::new(uri, text, version);
        buffer.apply(version, after);
        self.unreadable.remove(&key);
        self.buffers.insert(key.clone(), buffer);
        self.text_changed(&key);
        self.waiting.touch(Job::Lint(key), Instant::now());
    }

    /// A didOpen or didChange the reader could not read: the document is
    /// open but its text unknown, which its one file-error says (and a
    /// message naming the file, the first time).
    fn unreadable(&mut self, p: Unreadable) {
        let Ok(uri) = p.uri.parse::<Uri>() else {
            let message = format!(
                "factlint: an unreadable message about {:?}, which is no URI",
                p.uri
            );
            return log(&self.sender, MessageType::WARNING, message);
        };
        let key = uri.as_str().to_string();
        let was_unreadable = self.unreadable.contains_key(&key);
        let is_open = was_unreadable || self.buffers.contains_key(&key);
        if p.method == notification::DidChangeTextDocument::METHOD && !is_open {
            let message = format!(
                "factlint: ignored a change to {}, which is not open",
                uri.as_str()
            );
            return log(&self.sender, MessageType::WARNING, message);
        }
        self.buffers.remove(&key);
        self.waiting.cancel(&Job::Lint(key.clone()));
        self.text_changed(&key);
        let name = uri::to_path(&uri).map_or_else(|| key.clone(), |p| p.display().to_string());
        let message = unreadable_message(&p, self.workspace.max_file_size());
        let finding = corpus::file_error(&name, Severity::Error, message.clone());
        let map = LineMap::of_buffer("");
        let diagnostic = diagnostics::to_lsp(&finding, &uri, &map, &self.texts);
        publish(&self.sender, uri.clone(), vec![diagnostic], p.version);
        if !was_unreadable {
            show(
                &self.sender,
                MessageType::WARNING,
                format!("factlint: {name}: {message}"),
            );
        }
        self.unreadable.insert(key, uri);
    }

    fn did_save(&mut self, p: DidSaveTextDocumentParams) {
        let uri = p.text_document.uri;
        if self.is_reason_to_reload(&uri) {
            // Everything open is relinted once the new corpus or rules are in.
            self.source_changed(uri::to_path(&uri).as_deref());
        } else {
            self.lint_now(uri.as_str());
        }
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams) {
        let uri = p.text_document.uri;
        self.buffers.remove(uri.as_str());
        self.unreadable.remove(uri.as_str());
        self.waiting.cancel(&Job::Lint(uri.as_str().to_string()));
        self.text_changed(uri.as_str());
        publish(&self.sender, uri, Vec::new(), None);
    }

    fn files_changed(&mut self, p: DidChangeWatchedFilesParams) {
        for change in p.changes {
            if self.is_reason_to_reload(&change.uri) {
                self.source_changed(uri::to_path(&change.uri).as_deref());
            }
        }
    }

    /// Whether a save of or change to the file at `uri` changes what a
    /// lint sees: a source of the workspace (an article of the corpus, a
    /// rule file, `factlint.toml`, `metadata.toml`), unless it is an
    /// article open in a buffer, which is linted from the buffer already.
    fn is_reason_to_reload(&self, uri: &Uri) -> bool {
        let Some(path) = uri::to_path(uri) else {
            return false;
        };
        let is_open =
            self.buffers.contains_key(uri.as_str()) || self.unreadable.contains_key(uri.as_str());
        let is_toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        self.workspace.is_source(&path) && (is_toml || !is_open)
    }

    /// A source changed (at `path`, if known): the workspace is read again
    /// after a pause (a save and the watched-files event that follows it,
    /// or a burst of changes, are one reload), unless the reading under way
    /// or the last one started after the file was last written.
    fn source_changed(&mut self, path: Option<&Path>) {
        if path.is_some_and(|p| self.reloads.covers(p)) {
            return;
        }
        self.waiting.touch(Job::Reload, Instant::now());
    }

    /// Asks the client to tell us when corpus and rule files change.
    fn watch_workspace(&mut self) {
        if !self.watch_files || self.workspace.root().is_none() {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.{txt,md,markdown,toml}".into()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "factlint-watch-corpus".into(),
                method: notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let id = RequestId::from(format!("factlint-{}", self.next_request));
        let r = Request::new(id, request::RegisterCapability::METHOD.into(), params);
        let _ = self.sender.send(r.into());
    }

    fn run_due_jobs(&mut self) {
        for job in self.waiting.take_due(Instant::now()) {
            match job {
                Job::Lint(key) => self.lint(&key),
                Job::Reload => self.start_reload(),
            }
        }
    }

    /// Starts reading the workspace again on another thread; the server
    /// answers with the workspace it has until the reading arrives (see
    /// [`Server::reloaded`]). With a reading under way, another follows it.
    fn start_reload(&mut self) {
        if self.reloads.running.is_some() {
            self.reloads.again = true;
            return;
        }
        if let Err(e) = self.reloads.start(self.workspace.sources().clone()) {
            let message = format!("factlint: cannot read the workspace again: {e}");
            log(&self.sender, MessageType::ERROR, message.clone());
            show(&self.sender, MessageType::ERROR, message);
        }
    }

    /// A reading of the workspace arrived (`None`: its thread ended without
    /// one): it replaces the workspace and every open buffer is relinted.
    fn reloaded(&mut self, read: Option<thread::Result<Reading>>) {
        let Some(started) = self.reloads.running.take().map(|r| r.started) else {
            return;
        };
        let failed = |why: String| Loading {
            notices: vec![Notice::Error(format!(
                "factlint: internal error while reading the workspace again ({why}); the \
                 previous reading is kept"
            ))],
            ..Loading::default()
        };
        let loading = match read {
            Some(Ok(reading)) => {
                self.reloads.last_started = started;
                let loading = self.workspace.install(reading);
                // Related places are read again from the new corpus; lints
                // still running keep the texts they read.
                self.texts = Arc::new(SourceTexts::new(self.workspace.max_file_size()));
                let open: Vec<String> = self.buffers.keys().cloned().collect();
                for key in open {
                    self.lint_now(&key);
                }
                loading
            }
            Some(Err(panic)) => failed(panic_message(&panic)),
            None => failed("its thread ended".into()),
        };
        self.report(loading);
        if std::mem::take(&mut self.reloads.again) {
            self.start_reload();
        }
    }

    /// Tells the user what a (re)load found, and shows the errors of the
    /// rule files in those files.
    fn report(&mut self, loading: Loading) {
        for notice in loading.notices {
            match notice {
                Notice::Info(m) => log(&self.sender, MessageType::INFO, m),
                Notice::Warning(m) => {
                    log(&self.sender, MessageType::WARNING, m.clone());
                    show(&self.sender, MessageType::WARNING, m);
                }
                Notice::Error(m) => {
                    log(&self.sender, MessageType::ERROR, m.clone());
                    show(&self.sender, MessageType::ERROR, m);
                }
            }
        }
        let mut by_file: HashMap<String, (Uri, Vec<lsp_types::Diagnostic>)> = HashMap::new();
        for e in &loading.rule_errors {
            if let Some((uri, d)) = diagnostics::rule_error_to_lsp(e) {
                let key = uri.as_str().to_string();
                by_file.entry(key).or_insert((uri, Vec::new())).1.push(d);
            }
        }
        for uri in std::mem::take(&mut self.rule_files_with_errors) {
            if !by_file.contains_key(uri.as_str()) {
                publish(&self.sender, uri, Vec::new(), None);
            }
        }
        for (uri, found) in by_file.into_values() {
            self.rule_files_with_errors.push(uri.clone());
            publish(&self.sender, uri, found, None);
        }
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Reply<Option<Vec<CodeActionOrCommand>>> {
        let wants_quick_fixes = p.context.only.as_ref().is_none_or(|only| {
            only.iter().any(|k| {
                let k = k.as_str();
                k.is_empty() || CodeActionKind::QUICKFIX.as_str().starts_with(k)
            })
        });
        if !wants_quick_fixes {
            return Reply::Now(Some(Vec::new()));
        }
        let uri = p.text_document.uri;
        if let Some(reply) = self.wait_for_lint(uri.as_str()) {
            return reply;
        }
        let buffer = &self.buffers[uri.as_str()];
        let Some(lint) = buffer.fresh_lint() else {
            return Reply::Now(None);
        };
        let map = LineMap::of_buffer(&buffer.text);
        Reply::Now(Some(code_action::quick_fixes(&uri, lint, &map, p.range)))
    }

    fn hover(&mut self, p: HoverParams) -> Reply<Option<Hover>> {
        let at = p.text_document_position_params;
        let key = at.text_document.uri.as_str();
        if let Some(reply) = self.wait_for_lint(key) {
            return reply;
        }
        let buffer = &self.buffers[key];
        let Some(lint) = buffer.fresh_lint() else {
            return Reply::Now(None);
        };
        let map = LineMap::of_buffer(&buffer.text);
        let offset = map.offset(at.position);
        let (rules, root) = (self.workspace.rules(), self.workspace.root());
        if let Some(h) = hover::hover(lint, offset, &map, rules, root) {
            return Reply::Now(Some(h));
        }
        // A declared name nothing flags: what the rules say of it, once
        // the buffer's names are read (off the loop: as slow as a lint).
        if let Some(names) = &lint.names {
            let entity = names.at(offset);
            return Reply::Now(entity.map(|(e, span)| hover::entity(e, span, &map)));
        }
        let version = buffer.version;
        self.find_names(key);
        Reply::Later {
            key: key.to_string(),
            version,
        }
    }
}

/// Why the document of `p` is not checked, and what to do.
fn unreadable_message(p: &Unreadable, max_file_size: u64) -> String {
    let at_least = if p.method == notification::DidChangeTextDocument::METHOD {
        "at least "
    } else {
        ""
    };
    let why = match (&p.cause, p.text_bytes) {
        (Cause::TooBig { .. }, Some(size)) if size > max_file_size => format!(
            "the buffer is {at_least}{size} bytes, over the limit of {max_file_size} bytes; not \
             linted (raise it with `factlint lsp --max-file-size`)"
        ),
        (
            Cause::TooBig {
                frame_bytes,
                frame_limit,
            },
            size,
        ) => format!(
            "{}the editor's message holding it is {frame_bytes} bytes, over the limit of \
             {frame_limit} bytes for a message (escaped characters take up to six bytes); not \
             linted (raise it with `factlint lsp --max-file-size`)",
            size.map_or(String::new(), |s| format!(
                "the buffer is {at_least}{s} bytes but "
            ))
        ),
        (Cause::NotJson { error }, _) => {
            format!("the editor's message holding the buffer is not JSON ({error}); not linted")
        }
    };
    let when = match p.cause {
        Cause::TooBig { .. } => "once it is under the limit, ",
        Cause::NotJson { .. } => "",
    };
    format!(
        "{why}. The server does not have its text, so edits cannot be followed: {when}close and \
         reopen the file to have it checked"
    )
}

fn parse<P: DeserializeOwned>(n: Notification) -> Result<P, serde_json::Error> {
    serde_json::from_value(n.params)
}

fn send_result(sender: &Sender<Message>, id: RequestId, result: impl Serialize) {
    let response = match serde_json::to_value(result) {
        Ok(value) => Response {
            id,
            response_result: Ok(value),
        },
        Err(e) => Response::new_err(id, ErrorCode::InternalError as i32, e.to_string()),
    };
    let _ = sender.send(response.into());
}

fn send_error(sender: &Sender<Message>, id: RequestId, code: ErrorCode, message: &str) {
    let _ = sender.send(Response::new_err(id, code as i32, message.to_string()).into());
}

fn publish(
    sender: &Sender<Message>,
    uri: Uri,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    notify(sender, notification::PublishDiagnostics::METHOD, params);
}

fn log(sender: &Sender<Message>, typ: MessageType, message: String) {
    notify(
        sender,
        notification::LogMessage::METHOD,
        LogMessageParams { typ, message },
    );
}

fn show(sender: &Sender<Message>, typ: MessageType, message: String) {
    notify(
        sender,
        notification::ShowMessage::METHOD,
        ShowMessageParams { typ, message },
    );
}

fn notify(sender: &Sender<Message>, method: &str, params: impl Serialize) {
    let _ = sender.send(Notification::new(method.to_string(), params).into());
}

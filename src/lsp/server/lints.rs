//! The server's lints, off its loop, and the requests that wait for one:
//! a lint of a buffer's text is asked for when it opens, is saved or the
//! user stops typing, and runs on another thread (see [`lint_jobs`]); an
//! edit supersedes it, so that only the lint of the newest text is ever
//! published; a hover or code action about a text not linted yet waits
//! for its lint, while every other request is answered.

use std::sync::Arc;

use lsp_server::{ErrorCode, Request, RequestId};
use lsp_types::{CancelParams, MessageType, NumberOrString};
use serde_json::Value;

use super::{Job, Server, log, publish, send_error, send_result, show};
use crate::lsp::buffers::Lint;
use crate::lsp::lint_jobs::{self, Finished, LintInput, Linted, NamesFound};

impl Server {
    /// The text of the buffer `key` changed, or it closed: what was under
    /// way for its old text is superseded, and the requests about that
    /// text get an empty answer (the client asks again about the new one).
    pub(super) fn text_changed(&mut self, key: &str) {
        self.lints.supersede(key);
        self.names.supersede(key);
        for parked in self.take_parked(key) {
            send_result(&self.sender, parked.request.id, Value::Null);
        }
    }

    /// A client gave up a request: if it waits for a lint, it is answered
    /// (as the protocol asks) with "request cancelled".
    pub(super) fn cancel(&mut self, p: CancelParams) {
        let id = match p.id {
            NumberOrString::Number(n) => RequestId::from(n),
            NumberOrString::String(s) => RequestId::from(s),
        };
        if let Some(i) = self.parked.iter().position(|w| w.request.id == id) {
            self.parked.remove(i);
            let message = "cancelled by the client";
            send_error(&self.sender, id, ErrorCode::RequestCanceled, message);
        }
    }

    /// Something the requests about the buffer `key` wait for arrived:
    /// they are handled again (answered, or waiting for what else they
    /// need).
    fn release_parked(&mut self, key: &str) {
        for parked in self.take_parked(key) {
            match self.buffers.get(key) {
                Some(b) if b.version == parked.version => self.on_request(parked.request),
                _ => send_result(&self.sender, parked.request.id, Value::Null),
            }
        }
    }

    fn take_parked(&mut self, key: &str) -> Vec<Parked> {
        let (about_key, others) = std::mem::take(&mut self.parked)
            .into_iter()
            .partition(|p| p.key == key);
        self.parked = others;
        about_key
    }

    /// Lints the buffer `key` now, dropping a wait for it.
    pub(super) fn lint_now(&mut self, key: &str) {
        self.waiting.cancel(&Job::Lint(key.to_string()));
        self.lint(key);
    }

    /// A request waits for the lint of the buffer `key`'s text: it starts
    /// now if it waits for a pause in typing (or, by some slip, was never
    /// asked for).
    fn lint_soon(&mut self, key: &str) {
        if self.waiting.cancel(&Job::Lint(key.to_string())) || !self.lints.is_pending(key) {
            self.lint(key);
        }
    }

    /// Starts a lint of the buffer `key` on another thread, once the one
    /// running on it (now superseded) ends; [`Server::linted`] publishes it.
    pub(super) fn lint(&mut self, key: &str) {
        let Some(buffer) = self.buffers.get(key) else {
            return;
        };
        let input = LintInput {
            uri: buffer.uri.clone(),
            version: buffer.version,
            text: Arc::clone(&buffer.text),
            workspace: self.workspace.clone(),
            texts: Arc::clone(&self.texts),
            delay: self.lint_delay,
        };
        self.lints
            .ask(key, move |superseded| lint_jobs::lint(input, superseded));
    }

    /// A lint ended: the newest of its buffer is published and kept (a
    /// panic in the engine is reported to the user, and the buffer keeps
    /// no findings); a superseded one is dropped.
    pub(super) fn linted(&mut self, finished: Finished<Linted>) {
        let key = finished.key().to_string();
        let Some(outcome) = self.lints.finish(finished) else {
            return;
        };
        let Some(buffer) = self.buffers.get_mut(&key) else {
            return;
        };
        let Linted {
            lint,
            internal_error,
        } = outcome.unwrap_or_else(|why| Linted {
            lint: Lint {
                version: buffer.version,
                findings: Vec::new(),
                published: Vec::new(),
                names: None,
            },
            internal_error: Some(why),
        });
        // Every change supersedes the lint before: never true, but a lint
        // of another text must not be taken for this one's.
        if lint.version != buffer.version {
            return;
        }
        if let Some(why) = internal_error {
            let message = format!(
                "factlint: internal error while linting {} ({why}); please report it",
                buffer.uri.as_str()
            );
            show(&self.sender, MessageType::ERROR, message);
        }
        if !self.shut_down {
            let (uri, published) = (buffer.uri.clone(), lint.published.clone());
            publish(&self.sender, uri, published, Some(lint.version));
        }
        buffer.lint = Some(lint);
        self.release_parked(&key);
    }

    /// Starts reading the declared names of the buffer `key` on another
    /// thread, unless that is under way.
    pub(super) fn find_names(&mut self, key: &str) {
        if self.names.is_pending(key) {
            return;
        }
        let Some(buffer) = self.buffers.get(key) else {
            return;
        };
        let (version, text) = (buffer.version, Arc::clone(&buffer.text));
        let (name, workspace) = (key.to_string(), self.workspace.clone());
        self.names.ask(key, move |_| {
            let names = workspace.declared_names(&name, &text);
            Some(NamesFound { version, names })
        });
    }

    /// The declared names of a buffer arrived: kept with its lint, for
    /// the hovers waiting for them.
    pub(super) fn named(&mut self, finished: Finished<NamesFound>) {
        let key = finished.key().to_string();
        let Some(outcome) = self.names.finish(finished) else {
            return;
        };
        let Some(buffer) = self.buffers.get_mut(&key) else {
            return;
        };
        let version = buffer.version;
        let found = outcome.unwrap_or_else(|why| {
            let message = format!("factlint: internal error while reading names ({why})");
            log(&self.sender, MessageType::ERROR, message);
            NamesFound {
                version,
                names: Default::default(),
            }
        });
        if let Some(lint) = buffer.lint.as_mut().filter(|l| l.version == found.version) {
            lint.names = Some(found.names);
        }
        self.release_parked(&key);
    }

    /// `None` when the buffer `key` has the lint of its text, which
    /// requests are answered from (never from findings of an older text);
    /// else the reply: none for a buffer that is not open, or later, once
    /// the lint (started now if it waits for a pause) arrives.
    pub(super) fn wait_for_lint<R>(&mut self, key: &str) -> Option<Reply<Option<R>>> {
        let Some(buffer) = self.buffers.get(key) else {
            return Some(Reply::Now(None));
        };
        if buffer.fresh_lint().is_some() {
            return None;
        }
        let version = buffer.version;
        self.lint_soon(key);
        let key = key.to_string();
        Some(Reply::Later { key, version })
    }
}

/// The answer to a request about a buffer.
pub(super) enum Reply<R> {
    Now(R),
    /// Once the lint, or the names, of the buffer `key` at `version` arrive.
    Later {
        key: String,
        version: i32,
    },
}

/// A request waiting for a lint, or names, of the buffer `key` at
/// `version`; sent to [`Server::on_request`] again once they arrive.
pub(super) struct Parked {
    pub(super) request: Request,
    pub(super) key: String,
    pub(super) version: i32,
}

//! `factlint lsp`: a Language Server over standard input and output, so
//! that an editor shows factlint's findings on the buffer being written.
//!
//! The buffer is linted as a draft against the workspace's corpus — the
//! findings `factlint draft.md --against corpus/` gives — when it is
//! opened, saved, and once the user stops typing. Findings become LSP
//! diagnostics with related places in the corpus; suggestions become quick
//! fixes; hovering a finding says what the corpus and the rules say.
//!
//! - [`transport`]: frames on stdio, surviving a client's garbage;
//! - [`skim`]: the document a message too big or broken to read is about;
//! - [`server`]: the loop, lifecycle and dispatch;
//! - [`lint_jobs`]: lints (and the names a hover explains) off the loop,
//!   a newer edit superseding the older lint;
//! - [`workspace`]: settings, rules and corpus, and the one engine call;
//! - [`reloads`]: reading them again off the loop;
//! - [`buffers`]: open texts and their last lint;
//! - [`position`]: byte offsets to UTF-16 positions and back;
//! - [`diagnostics`], [`code_action`], [`hover`]: what the client is sent;
//! - [`debounce`]: waiting for a pause in typing.

mod buffers;
mod code_action;
mod debounce;
mod diagnostics;
mod hover;
mod lint_jobs;
mod position;
mod reloads;
mod server;
mod uri;
mod workspace;

use std::process::ExitCode;
use std::time::Duration;

use factlint::lsp_transport::transport;

/// Runs the server until the client exits. Buffers over `max_file_size`
/// bytes get a `file-error` instead of a lint.
pub fn run(max_file_size: u64) -> ExitCode {
    // A frame holds the buffer JSON-escaped: room for the escapes, then a
    // hard stop so that no frame is buffered without bound.
    let max_body = max_file_size.saturating_mul(4).saturating_add(1 << 20);
    let max_body = usize::try_from(max_body).unwrap_or(usize::MAX);
    let (connection, writer) = match transport::stdio(max_body) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("factlint: error: cannot start the language server: {e}");
            return ExitCode::from(2);
        }
    };
    let code = server::run(connection, max_file_size);
    writer.finish();
    ExitCode::from(code)
}

/// What a panic said, for the user.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// A test hook's delay: the environment variable `name`, in milliseconds
/// (none, or not a number: no delay).
fn delay_from_env(name: &str) -> Duration {
    std::env::var(name)
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::ZERO, Duration::from_millis)
}

//! Work on open buffers off the server loop — their lints, the names a
//! hover explains — so that a slow buffer holds up nothing else: hovers,
//! code actions, other buffers' lints and shutdown go on meanwhile.
//!
//! A buffer has at most one job of a kind running, so that a pathological
//! buffer edited again and again does not fill the machine with lints of
//! texts that are gone: a job asked for while one runs waits, and a newer
//! one replaces it (the older never starts). A newer job, or an edit,
//! supersedes the one running. The engine has no point where it could
//! stop, so that job runs on, but it skips what is left after the engine
//! (see [`Superseded`]) and its result is dropped when it arrives: only the
//! newest job's result is ever handed to the server.
//!
//! Each job has a thread of its own (so at most two per open buffer), not
//! a rayon thread: a rayon thread waiting inside the engine's parallel
//! loops runs other queued work meanwhile, which could be another
//! buffer's whole slow lint, and a quick lint would wait for it.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};
use lsp_types::Uri;

use super::buffers::Lint;
use super::diagnostics::{self, SourceTexts};
use super::position::LineMap;
use super::workspace::{DeclaredNames, Workspace};
use super::{panic_message, uri};

/// Tells a running job whether a newer job of its buffer was asked for,
/// or the buffer changed or closed: its result would be dropped.
pub struct Superseded {
    newest: Arc<AtomicU64>,
    generation: u64,
}

impl Superseded {
    pub fn is_set(&self) -> bool {
        self.newest.load(Ordering::Acquire) != self.generation
    }
}

/// The end of a job, sent back to the server loop: give it to
/// [`Jobs::finish`].
pub struct Finished<T> {
    key: String,
    generation: u64,
    /// `Ok(None)`: the job stopped, superseded; `Err`: it panicked, or its
    /// thread could not start (why).
    outcome: Result<Option<T>, String>,
}

impl<T> Finished<T> {
    /// The buffer (its URI) the job was about.
    pub fn key(&self) -> &str {
        &self.key
    }
}

type Work<T> = Box<dyn FnOnce(&Superseded) -> Option<T> + Send>;

/// The jobs of one kind, by buffer.
pub struct Jobs<T> {
    /// What their threads are named, in a debugger.
    name: &'static str,
    sender: Sender<Finished<T>>,
    arrivals: Receiver<Finished<T>>,
    buffers: HashMap<String, Slot<T>>,
    /// Unique across buffers, so that a buffer closed and opened again
    /// never takes an old job's result for its own.
    next_generation: u64,
}

/// One buffer's jobs.
struct Slot<T> {
    /// The generation of the newest job asked for, or of the newest edit.
    newest: Arc<AtomicU64>,
    /// The generation of the job running, if one is.
    running: Option<u64>,
    /// The newest job asked for while one ran.
    waiting: Option<(u64, Work<T>)>,
}

impl<T: Send + 'static> Jobs<T> {
    pub fn new(name: &'static str) -> Self {
        let (sender, arrivals) = crossbeam_channel::unbounded();
        Jobs {
            name,
            sender,
            arrivals,
            buffers: HashMap::new(),
            next_generation: 1,
        }
    }

    /// Where jobs' ends arrive.
    pub fn arrivals(&self) -> &Receiver<Finished<T>> {
        &self.arrivals
    }

    /// Runs `work` for the buffer `key` as soon as its running job ends,
    /// superseding that one and any waiting.
    pub fn ask(&mut self, key: &str, work: impl FnOnce(&Superseded) -> Option<T> + Send + 'static) {
        let generation = self.new_generation();
        let slot = self.buffers.entry(key.to_string()).or_insert_with(|| Slot {
            newest: Arc::new(AtomicU64::new(generation)),
            running: None,
            waiting: None,
        });
        slot.newest.store(generation, Ordering::Release);
        if slot.running.is_some() {
            slot.waiting = Some((generation, Box::new(work)));
        } else {
            Self::start(
                self.name,
                &self.sender,
                key,
                slot,
                generation,
                Box::new(work),
            );
        }
    }

    /// The buffer `key` changed or closed: the result of its running job
    /// will be dropped, and a waiting job never starts.
    pub fn supersede(&mut self, key: &str) {
        let generation = self.new_generation();
        let Some(slot) = self.buffers.get_mut(key) else {
            return;
        };
        slot.newest.store(generation, Ordering::Release);
        slot.waiting = None;
        if slot.running.is_none() {
            self.buffers.remove(key);
        }
    }

    /// Whether a job asked for since the last change of the buffer `key`
    /// has yet to end: its result is on its way.
    pub fn is_pending(&self, key: &str) -> bool {
        self.buffers.get(key).is_some_and(|slot| {
            slot.waiting.is_some() || slot.running == Some(slot.newest.load(Ordering::Acquire))
        })
    }

    /// Takes note that a job ended, starts the one waiting for it, and
    /// gives its outcome if it is the newest of its buffer (`Err`: it
    /// panicked, why); `None` for the result of a superseded job.
    pub fn finish(&mut self, finished: Finished<T>) -> Option<Result<T, String>> {
        let slot = self.buffers.get_mut(&finished.key)?;
        if slot.running == Some(finished.generation) {
            slot.running = None;
            if let Some((generation, work)) = slot.waiting.take() {
                let key = &finished.key;
                Self::start(self.name, &self.sender, key, slot, generation, work);
            }
        }
        let newest = slot.newest.load(Ordering::Acquire) == finished.generation;
        if slot.running.is_none() {
            self.buffers.remove(&finished.key);
        }
        if !newest {
            return None;
        }
        finished.outcome.transpose()
    }

    fn new_generation(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    fn start(
        name: &str,
        sender: &Sender<Finished<T>>,
        key: &str,
        slot: &mut Slot<T>,
        generation: u64,
        work: Work<T>,
    ) {
        slot.running = Some(generation);
        let superseded = Superseded {
            newest: Arc::clone(&slot.newest),
            generation,
        };
        let (job_sender, job_key) = (sender.clone(), key.to_string());
        let started = thread::Builder::new().name(name.into()).spawn(move || {
            let outcome =
                catch_unwind(AssertUnwindSafe(|| work(&superseded))).map_err(|p| panic_message(&p));
            let _ = job_sender.send(Finished {
                key: job_key,
                generation,
                outcome,
            });
        });
        if let Err(e) = started {
            let _ = sender.send(Finished {
                key: key.to_string(),
                generation,
                outcome: Err(format!("cannot start a thread: {e}")),
            });
        }
    }
}

/// What a lint of a buffer needs, taken when it is asked for: the text
/// and the reading of the workspace as they are then.
pub struct LintInput {
    pub uri: Uri,
    pub version: i32,
    pub text: Arc<String>,
    pub workspace: Workspace,
    pub texts: Arc<SourceTexts>,
    /// Added to every lint: a test hook, see [`test_delay`].
    pub delay: Duration,
}

/// A lint's result: the lint to keep, and why the engine failed, if it
/// panicked (the buffer then keeps no findings).
pub struct Linted {
    pub lint: Lint,
    pub internal_error: Option<String>,
}

/// Lints a buffer as a job: the engine's findings of the buffer, and the
/// LSP diagnostics to publish for them.
pub fn lint(input: LintInput, superseded: &Superseded) -> Option<Linted> {
    let LintInput {
        uri,
        version,
        text,
        workspace,
        texts,
        delay,
    } = input;
    if !delay.is_zero() {
        thread::sleep(delay);
    }
    let path = uri::to_path(&uri);
    let name = path
        .as_ref()
        .map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
    let linted = catch_unwind(AssertUnwindSafe(|| {
        workspace.lint(&name, path.as_deref(), &text)
    }));
    // Converting thousands of findings takes time too: not for nothing.
    if superseded.is_set() {
        return None;
    }
    let (mut findings, internal_error) = match linted {
        Ok(findings) => (findings, None),
        Err(panic) => (Vec::new(), Some(panic_message(&panic))),
    };
    findings.retain(|d| d.file == name);
    let map = LineMap::of_buffer(&text);
    let published = findings
        .iter()
        .map(|d| diagnostics::to_lsp(d, &uri, &map, &texts))
        .collect();
    Some(Linted {
        lint: Lint {
            version,
            findings,
            published,
            names: None,
        },
        internal_error,
    })
}

/// The declared names of a buffer, for hovers, and the version read.
pub struct NamesFound {
    pub version: i32,
    pub names: DeclaredNames,
}

/// How much longer every lint takes, from FACTLINT_LSP_LINT_DELAY_MS (in
/// milliseconds; read once, when the server starts). A test hook only:
/// tests need a lint that is slow for certain, to show that the server
/// answers meanwhile and drops a lint an edit superseded.
pub fn test_delay() -> Duration {
    super::delay_from_env("FACTLINT_LSP_LINT_DELAY_MS")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    const WAIT: Duration = Duration::from_secs(10);

    /// A job that says it started, then waits for the test's go, then
    /// gives whether it was superseded meanwhile.
    fn gated(jobs: &mut Jobs<bool>, key: &str) -> Sender<()> {
        let (started, has_started) = crossbeam_channel::bounded(1);
        let (go, gate) = crossbeam_channel::bounded(1);
        jobs.ask(key, move |superseded: &Superseded| {
            let _ = started.send(());
            let _ = gate.recv_timeout(WAIT);
            Some(superseded.is_set())
        });
        has_started.recv_timeout(WAIT).expect("the job starts");
        go
    }

    fn next<T: Send + 'static>(jobs: &Jobs<T>) -> Finished<T> {
        jobs.arrivals().recv_timeout(WAIT).expect("a job ends")
    }

    #[test]
    fn only_the_newest_result_is_handed_over_and_waiting_jobs_are_replaced() {
        let mut jobs = Jobs::new("test-job");
        let go = gated(&mut jobs, "a");
        assert!(jobs.is_pending("a"));
        // Two jobs asked while the first runs: the second replaces the
        // first of them, which never starts.
        let started = Arc::new(AtomicBool::new(false));
        let replaced_started = Arc::clone(&started);
        jobs.ask("a", move |_| {
            replaced_started.store(true, Ordering::SeqCst);
            Some(false)
        });
        jobs.ask("a", |s: &Superseded| Some(s.is_set()));
        // Another buffer's job runs meanwhile.
        jobs.ask("b", |_| Some(false));
        let b = next(&jobs);
        assert_eq!(b.key(), "b");
        assert_eq!(jobs.finish(b), Some(Ok(false)));
        assert!(!jobs.is_pending("b"));
        go.send(()).unwrap();
        let first = next(&jobs);
        assert_eq!(jobs.finish(first), None, "superseded");
        assert!(jobs.is_pending("a"), "the newest job started");
        let newest = next(&jobs);
        assert_eq!(jobs.finish(newest), Some(Ok(false)));
        assert!(!jobs.is_pending("a"));
        assert!(jobs.arrivals().is_empty());
        assert!(!started.load(Ordering::SeqCst), "the replaced job started");
    }

    #[test]
    fn an_edit_supersedes_the_running_job_which_can_tell() {
        let mut jobs = Jobs::new("test-job");
        let go = gated(&mut jobs, "a");
        jobs.supersede("a");
        assert!(!jobs.is_pending("a"), "nothing asked since the edit");
        go.send(()).unwrap();
        let first = next(&jobs);
        assert!(matches!(first.outcome, Ok(Some(true))), "it could tell");
        assert_eq!(jobs.finish(first), None, "and its result is dropped");
        // Asked after the edit: handed over.
        jobs.ask("a", |s: &Superseded| Some(s.is_set()));
        let second = next(&jobs);
        assert_eq!(jobs.finish(second), Some(Ok(false)));
    }

    #[test]
    fn a_panicking_job_is_reported_and_the_next_one_runs() {
        let mut jobs = Jobs::new("test-job");
        jobs.ask("a", |_| -> Option<u32> { panic!("boom") });
        let failed = next(&jobs);
        let outcome = jobs.finish(failed).expect("the newest");
        assert!(outcome.unwrap_err().contains("boom"));
        jobs.ask("a", |_| Some(2));
        let second = next(&jobs);
        assert_eq!(jobs.finish(second), Some(Ok(2)));
    }

    #[test]
    fn a_buffer_closed_and_opened_again_never_takes_an_old_result() {
        let mut jobs = Jobs::new("test-job");
        let go = gated(&mut jobs, "a");
        jobs.supersede("a");
        jobs.ask("a", |_| Some(false));
        go.send(()).unwrap();
        let mut handed = Vec::new();
        for _ in 0..2 {
            let finished = next(&jobs);
            handed.extend(jobs.finish(finished));
        }
        assert_eq!(handed, [Ok(false)]);
    }
}

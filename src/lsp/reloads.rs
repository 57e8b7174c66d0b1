//! Reading the workspace again, on a thread of its own, when its sources
//! change: the server answers with the reading in place until the new one
//! arrives.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::thread;
use std::time::{Duration, SystemTime};

use crossbeam_channel::Receiver;

use super::workspace::{Reading, Sources};

/// The workspace read again on a thread of its own, so that a corpus of
/// thousands of articles does not hold up hovers and lints.
pub struct Reloads {
    pub running: Option<Running>,
    /// When the reading in place started: a file written before then is in it.
    pub last_started: SystemTime,
    /// A source changed after the running reading started: read again after.
    pub again: bool,
    /// How long a reading waits before it starts: for tests, which need a
    /// slow reload to show that the server does not wait for it.
    delay: Duration,
}

/// A reading under way.
pub struct Running {
    pub started: SystemTime,
    arrival: Receiver<thread::Result<Reading>>,
}

impl Reloads {
    /// `last_started`: when the first reading, in place, started.
    pub fn new(last_started: SystemTime) -> Self {
        // A test hook: FACTLINT_LSP_RELOAD_DELAY_MS slows every reload down.
        let delay = super::delay_from_env("FACTLINT_LSP_RELOAD_DELAY_MS");
        Reloads {
            running: None,
            last_started,
            again: false,
            delay,
        }
    }

    pub fn start(&mut self, sources: Sources) -> std::io::Result<()> {
        let (sender, arrival) = crossbeam_channel::bounded(1);
        let delay = self.delay;
        let started = SystemTime::now();
        thread::Builder::new()
            .name("factlint-lsp-reload".into())
            .spawn(move || {
                thread::sleep(delay);
                let _ = sender.send(catch_unwind(AssertUnwindSafe(|| sources.read())));
            })?;
        self.running = Some(Running { started, arrival });
        Ok(())
    }

    /// Where the running reading arrives (never, with none under way).
    pub fn arrival(&self) -> Receiver<thread::Result<Reading>> {
        self.running
            .as_ref()
            .map_or_else(crossbeam_channel::never, |r| r.arrival.clone())
    }

    /// Whether the reading under way, else the one in place, started after
    /// the file at `path` was last written, and so reads it as it is: a
    /// change reported late (a watched-files event after the reload its
    /// save started) is no reason to read again.
    pub fn covers(&self, path: &Path) -> bool {
        // File times come from a coarser clock than `now`, a few
        // milliseconds behind: a file written just after a reading started
        // may look older. Only a file clearly older is taken as read.
        const CLOCK_SLACK: Duration = Duration::from_millis(100);
        let started = self
            .running
            .as_ref()
            .map_or(self.last_started, |r| r.started);
        std::fs::metadata(path)
            .and_then(|m| m.modified())
            .is_ok_and(|written| written + CLOCK_SLACK < started)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_covers_the_files_written_clearly_before_it_started() {
        let dir = tempfile::tempdir().unwrap();
        let before = dir.path().join("avant.md");
        std::fs::write(&before, "a").unwrap();
        std::thread::sleep(Duration::from_millis(250));
        let mut reloads = Reloads::new(SystemTime::now());
        assert!(reloads.covers(&before));
        let after = dir.path().join("après.md");
        std::fs::write(&after, "b").unwrap();
        assert!(!reloads.covers(&after), "written as the reading started");
        assert!(!reloads.covers(&dir.path().join("absent.md")));
        // A reading under way is the one that counts.
        std::thread::sleep(Duration::from_millis(250));
        reloads.start(Sources::none()).unwrap();
        assert!(reloads.covers(&after));
    }
}

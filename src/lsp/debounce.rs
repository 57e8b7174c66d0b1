//! Waiting for a quiet moment before doing work: a lint after the user
//! stops typing, a corpus reload after a burst of file changes.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

/// How long the user must stop typing before a changed buffer is linted:
/// long enough that a word typed at speed is one lint, short enough that
/// the squiggle follows the pause.
pub const LINT_AFTER_QUIET: Duration = Duration::from_millis(300);

/// Jobs waiting for their quiet time, each due once, at the end of the
/// last wait it was given.
pub struct Debouncer<K> {
    quiet: Duration,
    due: HashMap<K, Instant>,
}

impl<K: Eq + Hash + Clone> Debouncer<K> {
    pub fn new(quiet: Duration) -> Self {
        Debouncer {
            quiet,
            due: HashMap::new(),
        }
    }

    /// (Re)starts the wait of `job`: it is due `quiet` after `now`, however
    /// many times it was touched before.
    pub fn touch(&mut self, job: K, now: Instant) {
        self.due.insert(job, now + self.quiet);
    }

    /// Forgets `job` (done now, or no longer wanted); whether it was waiting.
    pub fn cancel(&mut self, job: &K) -> bool {
        self.due.remove(job).is_some()
    }

    /// When the next job is due, if any waits.
    pub fn next_due(&self) -> Option<Instant> {
        self.due.values().min().copied()
    }

    /// The jobs due at `now`, removed from the wait.
    pub fn take_due(&mut self, now: Instant) -> Vec<K> {
        let due: Vec<K> = self
            .due
            .iter()
            .filter(|&(_, &at)| at <= now)
            .map(|(job, _)| job.clone())
            .collect();
        for job in &due {
            self.due.remove(job);
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUIET: Duration = Duration::from_millis(300);

    #[test]
    fn quick_touches_give_one_job_due_after_the_last() {
        let start = Instant::now();
        let mut d = Debouncer::new(QUIET);
        for i in 0..5 {
            d.touch("a", start + Duration::from_millis(100 * i));
        }
        let last = start + Duration::from_millis(400);
        assert_eq!(d.next_due(), Some(last + QUIET));
        assert!(
            d.take_due(last + QUIET - Duration::from_millis(1))
                .is_empty()
        );
        assert_eq!(d.take_due(last + QUIET), vec!["a"]);
        assert!(d.take_due(last + QUIET * 10).is_empty(), "due once");
        assert_eq!(d.next_due(), None);
    }

    #[test]
    fn jobs_wait_independently() {
        let start = Instant::now();
        let mut d = Debouncer::new(QUIET);
        d.touch("a", start);
        d.touch("b", start + Duration::from_millis(200));
        assert_eq!(d.next_due(), Some(start + QUIET));
        assert_eq!(d.take_due(start + QUIET), vec!["a"]);
        assert!(d.cancel(&"b"));
        assert!(!d.cancel(&"b"));
        assert_eq!(d.next_due(), None);
    }
}

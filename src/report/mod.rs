//! Renderings of one diagnostic list. Reports never analyse: they only
//! format what the checks found.

pub mod fact_table;
pub mod facts;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod sources;
pub mod statistics;
pub mod text_table;
pub mod why;

use serde::Serialize;

pub use sources::SourceCache;

use crate::diagnostic::{Diagnostic, Severity};

/// Counts per severity, as in the JSON report's `summary`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let mut s = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => s.error += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

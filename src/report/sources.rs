//! File texts for the snippets of the human report.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::corpus::Target;

/// File texts for the snippets of the human report. Diagnostics come
/// file by file, so a handful of recent files (the current one and those
/// its related spans cite) is all that is ever held.
pub struct SourceCache {
    paths: BTreeMap<String, PathBuf>,
    /// Texts that are not on disk: a draft read from standard input.
    pub in_memory: BTreeMap<String, Arc<String>>,
    recent: std::sync::Mutex<std::collections::VecDeque<(String, Option<Arc<String>>)>>,
}

impl SourceCache {
    const RECENT: usize = 8;

    pub fn new(found: &[Target]) -> SourceCache {
        let paths = found
            .iter()
            .filter_map(|t| t.as_ref().ok())
            .map(|p| (p.display().to_string(), p.clone()))
            .collect();
        SourceCache {
            paths,
            in_memory: BTreeMap::new(),
            recent: Default::default(),
        }
    }

    pub fn get(&self, shown: &str) -> Option<Arc<String>> {
        if let Some(text) = self.in_memory.get(shown) {
            return Some(text.clone());
        }
        let mut recent = self.recent.lock().ok()?;
        if let Some((_, text)) = recent.iter().find(|(p, _)| p == shown) {
            return text.clone();
        }
        let text = self
            .paths
            .get(shown)
            .and_then(|path| std::fs::read_to_string(path).ok())
            .map(Arc::new);
        if recent.len() == Self::RECENT {
            recent.pop_front();
        }
        recent.push_back((shown.to_string(), text.clone()));
        text
    }
}

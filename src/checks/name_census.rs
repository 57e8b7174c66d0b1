//! Where each spelling of a name occurs in the corpus: the evidence that
//! name checks cite ("spelled this way in 4 articles").

use rustc_hash::FxHashMap;

use crate::diagnostic::Related;
use crate::extract::Facts;
use crate::span::Span;

/// A spelling of the corpus is its house spelling when it is used at least
/// this many times, and at least [`DOMINANT_RATIO`] times as often as
/// another spelling of the same name.
pub const DOMINANT_MIN_COUNT: usize = 3;
pub const DOMINANT_RATIO: usize = 3;

/// Whether a spelling used `dominant` times outweighs one used `rare` times.
pub fn dominates(dominant: usize, rare: usize) -> bool {
    dominant >= DOMINANT_MIN_COUNT && dominant >= DOMINANT_RATIO * rare
}

/// How many places to cite for a spelling.
const MAX_EXAMPLES: usize = 3;

#[derive(Debug, Default)]
pub struct Spelling {
    pub count: usize,
    pub files: usize,
    /// The first occurrences, at most one per file.
    pub examples: Vec<(String, Span)>,
}

/// Correct-looking spellings (exact mentions of declared names and
/// unresolved capitalized names) with their counts.
#[derive(Debug, Default)]
pub struct NameCensus {
    pub spellings: FxHashMap<String, Spelling>,
}

impl NameCensus {
    pub fn new(facts: &[&Facts]) -> NameCensus {
        let mut census = NameCensus::default();
        for doc in facts {
            // Count and first place of each spelling in this document.
            let mut here: FxHashMap<&String, (usize, Span)> = FxHashMap::default();
            for t in &doc.exact_spellings {
                here.entry(&t.text).or_insert((0, t.first)).0 += t.count;
            }
            for c in &doc.name_candidates {
                here.entry(&c.text).or_insert((0, c.span)).0 += 1;
            }
            for (text, (count, span)) in here {
                let s = census.spellings.entry(text.clone()).or_default();
                s.count += count;
                s.files += 1;
                if s.examples.len() < MAX_EXAMPLES {
                    s.examples.push((doc.file.clone(), span));
                }
            }
        }
        for s in census.spellings.values_mut() {
            s.examples.sort();
        }
        census
    }

    pub fn get(&self, text: &str) -> Option<&Spelling> {
        self.spellings.get(text)
    }

    /// Places where `text` is written, other files first, as related spans.
    pub fn related(&self, text: &str, not_in: &str) -> Vec<Related> {
        let Some(s) = self.spellings.get(text) else {
            return Vec::new();
        };
        let message = match (s.count, s.files) {
            (1, _) => format!("written \"{text}\" here"),
            (n, 1) => format!("written \"{text}\" {n} times in one file"),
            (n, f) => format!("written \"{text}\" {n} times in {f} files"),
        };
        let mut examples: Vec<_> = s.examples.iter().collect();
        examples.sort_by_key(|(f, _)| f == not_in);
        examples
            .into_iter()
            .take(2)
            .enumerate()
            .map(|(i, (file, span))| Related {
                file: file.clone(),
                span: *span,
                text: text.to_string(),
                message: if i == 0 {
                    message.clone()
                } else {
                    "and here".to_string()
                },
            })
            .collect()
    }
}

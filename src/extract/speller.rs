//! The French word list: a Hunspell dictionary (Grammalecte "classique",
//! MPL-2.0, shipped in `dict/fr/`) read by `spellbook`, plus the words the
//! rules accept, with caches so that a word recurring through a corpus costs
//! one hash probe.
//!
//! The dictionary is embedded in the binary and parsed once per process, on
//! first use. Verdicts are cached per thread (no lock on the hot path: the
//! same few thousand words make up most of any corpus); suggestions, rare
//! and costly, in one shared cache.
//!
//! Suggestions are our own, not Hunspell's: its suggestion search costs
//! 15–200 ms a word even without its n-gram pass (seconds with it), and most
//! unknown words of a corpus are jargon or foreign words that get none. We
//! search the accent-folded word and every string one edit away from it
//! (inserted, dropped, replaced or swapped letter), restore accents from the
//! dictionary's stems indexed by their folded form, and confirm each
//! candidate with the dictionary: "Resstance" is one insertion and one
//! accent away from "Résistance", which edits applied one at a time never
//! reach. A small word glued to the next ("àpékin") is split. Candidates
//! are ranked by the edit distance of their folded lower-case text, then by
//! the distance of the text as written; a search takes about a millisecond.

use std::cell::RefCell;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};
use spellbook::Dictionary;

use super::gazetteer::Gazetteer;
use super::name_form::fold;

const AFF: &str = include_str!("../../dict/fr/fr.aff");
const DIC: &str = include_str!("../../dict/fr/fr.dic");

/// Words longer than this are not looked up (Hunspell's own limit is 100
/// bytes; no French word of the dictionary is longer).
const MAX_WORD_CHARS: usize = 40;
/// Suggestions are searched only for words of this many characters at
/// least: short words are too close to too many others.
pub const MIN_SUGGEST_CHARS: usize = 3;
/// Per-thread verdict caches are cleared past this size, bounding memory on
/// corpora with unbounded vocabularies.
const CACHE_LIMIT: usize = 1 << 18;

fn dictionary() -> Option<&'static Dictionary> {
    static DICTIONARY: OnceLock<Option<Dictionary>> = OnceLock::new();
    DICTIONARY
        .get_or_init(|| Dictionary::new(AFF, DIC).ok())
        .as_ref()
}

thread_local! {
    /// Verdicts by the word's 64-bit hash: no key stored or compared (a
    /// collision between two of a corpus's words is a 1 in 10^10 event).
    static VERDICTS: RefCell<FxHashMap<u64, bool>> =
        const { RefCell::new(FxHashMap::with_hasher(rustc_hash::FxBuildHasher)) };
}

/// The dictionary's verdict on `word` as written, cached.
fn in_dictionary(word: &str) -> bool {
    let key = word_hash(word);
    VERDICTS.with(|cache| {
        if let Some(&known) = cache.borrow().get(&key) {
            return known;
        }
        // Without the dictionary (unreachable: it is embedded), every word
        // is known: no report rather than false ones.
        let known =
            word.chars().count() > MAX_WORD_CHARS || dictionary().is_none_or(|d| d.check(word));
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, known);
        known
    })
}

/// The hash a word's verdict is cached under.
pub fn word_hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

/// A correction for an unknown word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The dictionary word, in lower case.
    pub word: String,
    /// Edits between the folded (lower-case, accentless) texts: 0 when only
    /// accents differ.
    pub folded_distance: usize,
    /// Edits between the lower-case texts, accents counted.
    pub distance: usize,
}

pub type Suggestions = Arc<[Candidate]>;

fn suggestion_cache() -> &'static Mutex<FxHashMap<String, Suggestions>> {
    static CACHE: OnceLock<Mutex<FxHashMap<String, Suggestions>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The dictionary plus what the rules accept.
#[derive(Debug, Default)]
pub struct Speller {
    /// Words the rules accept, in lower case.
    accepted: FxHashSet<String>,
    /// Folded pieces of every name the entity rules declare, and how the
    /// rules write them.
    names: FxHashMap<String, String>,
}

impl Speller {
    /// Parses the dictionary in the background, so that the first
    /// document does not wait for it while files are still being found.
    pub fn warm_up() {
        std::thread::spawn(|| {
            dictionary();
        });
    }

    pub fn new<'a>(accepted: impl IntoIterator<Item = &'a str>, gazetteer: &Gazetteer) -> Speller {
        Speller {
            accepted: accepted.into_iter().map(str::to_lowercase).collect(),
            names: gazetteer
                .forms
                .iter()
                .flat_map(|f| {
                    f.form
                        .folded
                        .iter()
                        .cloned()
                        .zip(f.form.raw.iter().cloned())
                })
                .collect(),
        }
    }

    /// Whether `word` (as written, or in lower case) is French or accepted
    /// by the rules.
    pub fn is_known(&self, word: &str) -> bool {
        // The dictionary first: its cached verdict settles most words.
        if in_dictionary(word) {
            return true;
        }
        if !self.accepted.is_empty() {
            let accepted = if word.chars().any(char::is_uppercase) {
                self.accepted.contains(&word.to_lowercase())
            } else {
                self.accepted.contains(word)
            };
            return accepted;
        }
        false
    }

    /// Whether `word` is a piece of a name the entity rules declare.
    pub fn is_name(&self, word: &str) -> bool {
        self.name_form(word).is_some()
    }

    /// How the rules write the name piece `word` folds to, if they do.
    pub fn name_form(&self, word: &str) -> Option<&str> {
        if self.names.is_empty() {
            return None;
        }
        self.names.get(&fold(word)).map(String::as_str)
    }

    /// Corrections for the lower-case word `word`, best first, at most two
    /// folded edits away; empty when none is close. Cached.
    pub fn suggest(&self, word: &str) -> Suggestions {
        if let Ok(cache) = suggestion_cache().lock()
            && let Some(found) = cache.get(word)
        {
            return found.clone();
        }
        let found: Suggestions = rank(word, candidates(word)).into();
        if let Ok(mut cache) = suggestion_cache().lock() {
            cache.insert(word.to_string(), found.clone());
        }
        found
    }
}

/// Every dictionary word found near `word`: accents restored, one edit
/// away with accents restored, or split in two by a missing space.
fn candidates(word: &str) -> Vec<String> {
    let Some(dict) = dictionary() else {
        return Vec::new();
    };
    let chars = word.chars().count();
    let folded = fold(word);
    if !(MIN_SUGGEST_CHARS..=MAX_WORD_CHARS).contains(&chars) || !folded.is_ascii() {
        return Vec::new();
    }
    let stems = stems();
    let mut found = Vec::new();
    for v in std::iter::once(folded.clone().into_bytes()).chain(edits(folded.as_bytes())) {
        if let Ok(v) = std::str::from_utf8(&v)
            && v.len() >= MIN_SUGGEST_CHARS
        {
            restore_accents(v, stems, dict, &mut found);
        }
    }
    // A missing space after a small word: "àpékin" is "à pékin". Only
    // small words: two content words glued are more often a compound.
    for (k, _) in word.char_indices().skip(1) {
        let (left, right) = word.split_at(k);
        if GLUED_WORDS.contains(&left) && right.chars().count() > 2 && dict.check(right) {
            found.push(format!("{left} {right}"));
        }
    }
    found
}

/// Small words a missing space glues to the next one.
const GLUED_WORDS: &[&str] = &[
    "à", "au", "aux", "ce", "de", "des", "du", "en", "et", "la", "le", "les", "par", "pour", "sur",
    "un", "une",
];

/// The ASCII strings one edit away from `folded`: a letter inserted,
/// dropped, replaced, or two swapped.
fn edits(bytes: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    let n = bytes.len();
    let inserts = (0..=n).flat_map(move |i| {
        (b'a'..=b'z').map(move |c| {
            let mut v = bytes.to_vec();
            v.insert(i, c);
            v
        })
    });
    let drops = (0..n).map(move |i| {
        let mut v = bytes.to_vec();
        v.remove(i);
        v
    });
    let replaces = (0..n).flat_map(move |i| {
        (b'a'..=b'z').filter(move |&c| c != bytes[i]).map(move |c| {
            let mut v = bytes.to_vec();
            v[i] = c;
            v
        })
    });
    let swaps = (0..n.saturating_sub(1))
        .filter(move |&i| bytes[i] != bytes[i + 1])
        .map(move |i| {
            let mut v = bytes.to_vec();
            v.swap(i, i + 1);
            v
        });
    inserts.chain(drops).chain(replaces).chain(swaps)
}

/// Longest ending an inflection adds to a stem ("résist|aient").
const MAX_ENDING: usize = 5;

/// Adds the dictionary words whose folded form is the ASCII string `v`:
/// `v` itself, or a dictionary stem whose folded form begins `v`, with
/// `v`'s ending ("résistance" from "resistance", "réunies" from
/// "reunies"). Only strings with such a stem are looked up at all: most of
/// the hundreds of edits of a word begin no stem, and a dictionary lookup
/// of a non-word is the costly part.
fn restore_accents(v: &str, stems: &Stems, dict: &Dictionary, out: &mut Vec<String>) {
    let mut plain_checked = false;
    let mut buf = String::new();
    for k in (MIN_SUGGEST_CHARS..=v.len()).rev().take(MAX_ENDING + 1) {
        let (head, ending) = v.split_at(k);
        for stem in stems.folding_to(head) {
            let stem = stem_head(stem, head.len());
            if stem.is_ascii() {
                if !plain_checked {
                    plain_checked = true;
                    if dict.check(v) {
                        out.push(v.to_string());
                    }
                }
                continue;
            }
            buf.clear();
            buf.push_str(stem);
            buf.push_str(ending);
            if dict.check(&buf) {
                out.push(buf.clone());
            }
            // Participles and feminines: "réunie" from "reunie".
            if let Some(rest) = ending.strip_prefix('e') {
                buf.truncate(stem.len());
                buf.push('é');
                buf.push_str(rest);
                if dict.check(&buf) {
                    out.push(buf.clone());
                }
            }
        }
    }
}

/// The part of a stem that folds to `len` ASCII bytes (a stem indexed by
/// its verb root, "résister" under "resist", contributes "résist").
fn stem_head(stem: &str, len: usize) -> &str {
    let mut folded_len = 0;
    for (i, c) in stem.char_indices() {
        if folded_len >= len {
            return &stem[..i];
        }
        folded_len += if c.is_ascii() {
            1
        } else {
            deunicode::deunicode_char(c).map_or(1, str::len)
        };
    }
    stem
}

/// The dictionary's stems, keyed by their folded form (and, for verbs, by
/// their folded root): where accents are restored from. Built on the first
/// suggestion search.
struct Stems {
    /// (hash of the folded key, index into `words`), sorted.
    keys: Vec<(u64, u32)>,
    words: Vec<&'static str>,
}

impl Stems {
    fn folding_to(&self, head: &str) -> impl Iterator<Item = &'static str> + '_ {
        let h = key_hash(head);
        let from = self.keys.partition_point(|&(k, _)| k < h);
        self.keys[from..]
            .iter()
            .take_while(move |&&(k, _)| k == h)
            .map(|&(_, i)| self.words[i as usize])
    }
}

fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

fn stems() -> &'static Stems {
    static STEMS: OnceLock<Stems> = OnceLock::new();
    STEMS.get_or_init(|| {
        let mut words: Vec<&'static str> = Vec::new();
        let mut keys = Vec::new();
        let mut folded = String::new();
        for line in DIC.lines().skip(1) {
            let stem = line.split(['/', '\t', ' ']).next().unwrap_or("");
            // Proper names and numbers are not corrections of a word.
            if stem.is_empty() || stem.chars().any(|c| c.is_uppercase() || c.is_numeric()) {
                continue;
            }
            folded.clear();
            super::name_form::fold_into(stem, &mut folded);
            let i = words.len() as u32;
            words.push(stem);
            keys.push((key_hash(&folded), i));
            for ending in ["er", "ir", "re", "e"] {
                if let Some(root) = folded.strip_suffix(ending)
                    && root.len() >= MIN_SUGGEST_CHARS
                {
                    keys.push((key_hash(root), i));
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Stems { keys, words }
    })
}

/// Keeps the lower-case candidates at most two folded edits from
/// `word`, best first.
fn rank(word: &str, found: Vec<String>) -> Vec<Candidate> {
    let folded = fold(word);
    let lower = word.to_lowercase();
    let mut out: Vec<Candidate> = Vec::new();
    for c in found {
        // A capitalized candidate is a proper name (a case matter, not
        // spelling). One that differs only by hyphens is a welded spelling
        // French allows ("intercoréenne", "inter-coréenne").
        if c.chars().any(char::is_uppercase)
            || c == lower
            || c.replace('-', "") == lower.replace('-', "")
        {
            continue;
        }
        if out.iter().any(|o| o.word == c) {
            continue;
        }
        let folded_distance = strsim::osa_distance(&folded, &fold(&c));
        if folded_distance > 2 {
            continue;
        }
        let distance = strsim::osa_distance(&lower, &c);
        out.push(Candidate {
            word: c,
            folded_distance,
            distance,
        });
    }
    // A split wins ties: a missing space is one slip, where the edit that
    // drops the small word ("pékin" for "àpékin") loses a word.
    // Then a kept first letter: slips rarely hit it ("Cependant", not
    // "Rependent", for "Cependent").
    let first = folded.chars().next();
    out.sort_by_key(|c| {
        let kept = fold(&c.word).chars().next() == first;
        (c.folded_distance, c.distance, !c.word.contains(' '), !kept)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speller() -> Speller {
        Speller::new(["bromance"], &Gazetteer::default())
    }

    fn best(word: &str) -> Option<String> {
        speller().suggest(word).first().map(|c| c.word.clone())
    }

    #[test]
    fn french_words_elisions_and_compounds_are_known() {
        let s = speller();
        for w in [
            "résistance",
            "l’alliance",
            "d’approfondir",
            "qu’il",
            "peut-être",
            "Résistance",
            "bromance",
            "Bromance",
        ] {
            assert!(s.is_known(w), "{w}");
        }
        for w in ["resstance", "echo", "bromances"] {
            assert!(!s.is_known(w), "{w}");
        }
    }

    #[test]
    fn a_missing_accent_and_a_dropped_letter_are_found_together() {
        assert_eq!(best("echo").as_deref(), Some("écho"));
        assert_eq!(best("resstance").as_deref(), Some("résistance"));
        let s = speller().suggest("resstance");
        assert_eq!(s[0].folded_distance, 1);
    }

    #[test]
    fn doubled_and_swapped_letters_are_found() {
        assert_eq!(best("gouvernnement").as_deref(), Some("gouvernement"));
        assert_eq!(best("gouvrenement").as_deref(), Some("gouvernement"));
    }

    #[test]
    fn accents_come_back_on_inflected_forms_and_glued_words_split() {
        assert_eq!(best("resistaient").as_deref(), Some("résistaient"));
        assert_eq!(best("evenements").as_deref(), Some("événements"));
        assert_eq!(best("àpékin").as_deref(), Some("à pékin"));
    }

    #[test]
    fn a_welded_compound_is_not_corrected_to_its_hyphenated_form() {
        assert!(!speller().is_known("intercoréenne"));
        assert!(speller().suggest("intercoréenne").is_empty());
    }

    #[test]
    fn far_or_short_words_get_no_suggestion() {
        assert!(speller().suggest("xqzwv").is_empty());
        assert!(speller().suggest("zz").is_empty());
    }

    #[test]
    fn suggestions_are_cached_and_verdicts_stable() {
        let s = speller();
        let a = s.suggest("echo");
        let b = s.suggest("echo");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!s.is_known("echo"));
        assert!(!s.is_known("echo"));
    }

    #[test]
    fn declared_names_are_names() {
        let rules = crate::rules::parse_for_test(
            "[[entity]]\nid = \"c\"\nname = \"Sergueï Choïgou\"\nkind = \"person\"\nsource = \"s\"\n",
        )
        .unwrap();
        let s = Speller::new([], &Gazetteer::new(&rules));
        assert!(s.is_name("Choïgou"));
        assert!(s.is_name("Choigou"));
        assert!(!s.is_name("Résistance"));
    }
}

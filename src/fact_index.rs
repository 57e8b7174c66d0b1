//! The index file: the facts of a corpus, written once by `factlint index`
//! and read by `--against facts.idx`, so that checking a draft costs a read
//! of its facts, not a re-read of every article.
//!
//! The file starts with a [`Header`] on one JSON line (`head -1 facts.idx`
//! shows what it is) and the CRC-32 of that line, then holds one [`Entry`]
//! per article, each a 4-byte little-endian length, the CRC-32 of the
//! entry and the entry in postcard (the same serde [`Facts`] the corpus
//! checks compare; binary because reading 40 MB of JSON took most of a
//! draft check). The checksums tell a damaged file from a good one; the
//! facts are range-checked against the rules all the same
//! ([`FactIndex::check_tables`]), since a file can be forged. The header names
//! the format and its version, the factlint version, the [`Inputs`] that
//! decide what is extracted (fingerprints of the rule files, `factlint.toml`
//! and the `metadata.toml` files, the size limit), and the corpus folders;
//! each entry the article's size and modification time. An index is
//! refused, with the reason, when it is foreign (not this format), from
//! another version (extraction changes between versions), built from other
//! inputs, or stale (an article changed, vanished or appeared since).

use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{METADATA_FILE, Target, canonical};
use crate::engine::{CorpusDocument, CorpusFacts};
use crate::extract::Facts;

/// The `format` string of the header: what says "this is an index".
pub const FORMAT: &str = "factlint-index";

/// The version of the layout; bumped whenever [`Header`], [`Entry`] or
/// [`Facts`] change shape (2: checksums; 3: event identities and figure
/// bounds; 5: quotations of speech).
pub const VERSION: u32 = 5;

/// The first line of an index file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// The factlint that wrote it: facts read by another version may differ.
    pub factlint: String,
    pub inputs: Inputs,
    /// The corpus folders or files indexed, absolute but with symbolic
    /// links kept: rules and `factlint.toml` are found from them as they
    /// were when indexing.
    pub roots: Vec<PathBuf>,
    /// The `--rules` folders given when indexing (absolute), used again
    /// when a draft check gives none; empty when rules were found.
    pub rule_dirs: Vec<PathBuf>,
    pub articles: usize,
}

/// What decides the facts an index holds, besides the articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// [`Fingerprint`] of the rule files.
    pub rules: String,
    /// Of `factlint.toml` (publication dates, ignore globs).
    pub config: String,
    /// Of every `metadata.toml` under the roots (publication dates).
    pub metadata: String,
    pub max_file_size: u64,
}

impl Inputs {
    /// Reads the inputs of a run: `rule_files` as loaded, the
    /// configuration file if any, and the `metadata.toml` files found
    /// under `roots`.
    pub fn read(
        rule_files: &[String],
        config: Option<&Path>,
        roots: &[PathBuf],
        max_file_size: u64,
    ) -> Inputs {
        let mut metadata = Fingerprint::default();
        for root in roots {
            let walker = walkdir::WalkDir::new(root)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker.flatten() {
                if entry.file_type().is_file() && entry.file_name() == METADATA_FILE {
                    let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                    metadata.add(relative.as_os_str().as_encoded_bytes());
                    metadata.add(&fs::read(entry.path()).unwrap_or_default());
                }
            }
        }
        Inputs {
            rules: rules_fingerprint(rule_files),
            config: Fingerprint::of_files(config).hex(),
            metadata: metadata.hex(),
            max_file_size,
        }
    }

    /// What differs between the inputs an index was built from (`self`)
    /// and those of this run, in words.
    fn differences(&self, now: &Inputs) -> Vec<String> {
        let mut out = Vec::new();
        if self.rules != now.rules {
            out.push("the rule files changed since it was built".to_string());
        }
        if self.config != now.config {
            out.push("factlint.toml changed since it was built".to_string());
        }
        if self.metadata != now.metadata {
            out.push("a metadata.toml changed since it was built".to_string());
        }
        if self.max_file_size != now.max_file_size {
            out.push(format!(
                "it was built with --max-file-size {}, this run uses {}",
                self.max_file_size, now.max_file_size
            ));
        }
        out
    }
}

/// One article of the index.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    /// Canonical path.
    pub path: PathBuf,
    /// None when the file could not even be looked at.
    pub stamp: Option<Stamp>,
    /// The facts, or why the article could not be read when indexed.
    pub facts: Result<Facts, String>,
}

/// What says an article is unchanged since it was indexed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified_secs: u64,
    pub modified_nanos: u32,
}

impl Stamp {
    pub fn of(path: &Path) -> io::Result<Stamp> {
        let meta = fs::metadata(path)?;
        let modified = meta
            .modified()?
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        Ok(Stamp {
            size: meta.len(),
            modified_secs: modified.as_secs(),
            modified_nanos: modified.subsec_nanos(),
        })
    }
}

/// Opens `path` for reading if it is a regular file: a FIFO would block
/// and a device (`/dev/zero`) never ends.
pub fn open_regular(path: &Path) -> io::Result<fs::File> {
    if !fs::metadata(path)?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    fs::File::open(path)
}

/// The fingerprint of the rule files loaded (names and contents), in hex.
pub fn rules_fingerprint(rule_files: &[String]) -> String {
    Fingerprint::of_files(rule_files.iter().map(Path::new)).hex()
}

/// A 64-bit FNV-1a hash over the bytes that decide what is extracted: the
/// rule files and `factlint.toml`. Stable across runs and platforms, which
/// `std`'s hasher does not promise.
#[derive(Clone, Copy, Debug)]
pub struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    pub fn add(&mut self, bytes: &[u8]) {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        for b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The fingerprint of the files at `paths`: their names and contents,
    /// not where they lie (the same rules reached as `rules/` or as
    /// `/abs/rules/` are the same rules). A missing file counts as empty.
    pub fn of_files<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Fingerprint {
        let mut f = Fingerprint::default();
        for path in paths {
            f.add(path.file_name().unwrap_or_default().as_encoded_bytes());
            f.add(&fs::read(path).unwrap_or_default());
        }
        f
    }

    pub fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Why an index cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: io::Error },
    #[error(
        "{path} is not a factlint index (it does not start with an index header): --against \
         takes a corpus folder, an article (.md, .txt, .markdown) or a file written by \
         `factlint index CORPUS -o FILE`"
    )]
    Foreign { path: String },
    #[error(
        "{path} is an index of format version {found} written by factlint {by}; this is \
         factlint {ours}, which reads version {VERSION}: rebuild it with `factlint index`"
    )]
    Version {
        path: String,
        found: u32,
        by: String,
        ours: &'static str,
    },
    #[error(
        "{path} was written by factlint {by}, this is factlint {ours}: rebuild it with `{rebuild}`"
    )]
    OtherFactlint {
        path: String,
        by: String,
        ours: &'static str,
        rebuild: String,
    },
    #[error("{path} is damaged at article {article}: {message}; rebuild it with `factlint index`")]
    Damaged {
        path: String,
        article: usize,
        message: String,
    },
    #[error("{path} is stale: {what}; rebuild it with `{rebuild}`")]
    OtherInputs {
        path: String,
        what: String,
        rebuild: String,
    },
    #[error("{path} is stale: {what}; rebuild it with `{rebuild}`")]
    Stale {
        path: String,
        what: String,
        rebuild: String,
    },
}

/// A corpus's facts with the header that says what they were read from.
#[derive(Debug)]
pub struct FactIndex {
    pub header: Header,
    pub entries: Vec<Entry>,
}

impl FactIndex {
    /// Reads the facts of `targets` (found under `roots`) for an index.
    /// Each article is stamped before it is read, so an edit made while
    /// indexing makes the index stale rather than wrong. Files that cannot
    /// be read are kept as entries with the reason.
    pub fn build(
        roots: &[PathBuf],
        rule_dirs: &[PathBuf],
        targets: &[Target],
        rules: &crate::rules::RuleSet,
        options: &crate::engine::Options,
        inputs: Inputs,
    ) -> FactIndex {
        let stamps: Vec<Option<Stamp>> = targets
            .par_iter()
            .map(|t| Stamp::of(t.as_ref().ok()?).ok())
            .collect();
        let facts = CorpusFacts::extract(targets, rules, options);
        let mut by_path: rustc_hash::FxHashMap<PathBuf, Facts> = facts
            .documents
            .into_iter()
            .map(|d| (d.path, d.facts))
            .collect();
        let mut problems: rustc_hash::FxHashMap<String, String> = facts
            .unread
            .into_iter()
            .map(|d| (d.file, d.message))
            .collect();
        let mut entries = Vec::with_capacity(targets.len());
        for (target, stamp) in targets.iter().zip(stamps) {
            let (path, shown) = match target {
                Ok(p) | Err((p, _)) => (canonical(p), p.display().to_string()),
            };
            let facts = match by_path.remove(&path) {
                Some(f) => Ok(f),
                None => Err(problems
                    .remove(&shown)
                    .unwrap_or_else(|| "could not be read".into())),
            };
            entries.push(Entry { path, stamp, facts });
        }
        FactIndex {
            header: Header {
                format: FORMAT.into(),
                version: VERSION,
                factlint: env!("CARGO_PKG_VERSION").into(),
                inputs,
                roots: roots.iter().map(|r| absolute(r)).collect(),
                rule_dirs: rule_dirs.iter().map(|r| absolute(r)).collect(),
                articles: entries.len(),
            },
            entries,
        }
    }

    /// Refuses to write an index over a file that is not one (an article
    /// given to `-o` by mistake), or under a name that would be read as an
    /// article.
    pub fn check_output(out: &Path) -> Result<(), String> {
        if crate::corpus::has_article_extension(out) {
            return Err(format!(
                "{} has the extension of an article: an index there would be read as one; \
                 name it facts.idx",
                out.display()
            ));
        }
        if out.exists() && !(out.is_file() && FactIndex::is_index(out)) {
            return Err(format!(
                "{} exists and is not a factlint index: it is left alone; remove it or \
                 choose another name",
                out.display()
            ));
        }
        Ok(())
    }

    /// Writes the index to `out` whole, or not at all: a temporary file
    /// beside it is renamed over it once complete.
    pub fn write(&self, out: &Path) -> io::Result<u64> {
        let dir = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = out.file_name().unwrap_or_default().to_string_lossy();
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = (|| {
            let mut w = BufWriter::new(fs::File::create(&tmp)?);
            let header = serde_json::to_vec(&self.header)?;
            w.write_all(&header)?;
            w.write_all(b"\n")?;
            w.write_all(&crc32fast::hash(&header).to_le_bytes())?;
            for entry in &self.entries {
                let bytes = postcard::to_allocvec(entry).map_err(io::Error::other)?;
                let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
                w.write_all(&len.to_le_bytes())?;
                w.write_all(&crc32fast::hash(&bytes).to_le_bytes())?;
                w.write_all(&bytes)?;
            }
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            let size = file.metadata()?.len();
            fs::rename(&tmp, out)?;
            Ok(size)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// Whether the file at `path` starts like an index (the cheap test
    /// that tells an index from an article given to `--against`).
    pub fn is_index(path: &Path) -> bool {
        let mut start = [0u8; 64];
        let n = open_regular(path)
            .and_then(|mut f| f.read(&mut start))
            .unwrap_or(0);
        let compact: Vec<u8> = start[..n]
            .iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        compact.starts_with(format!("{{\"format\":\"{FORMAT}\"").as_bytes())
    }

    /// Reads the index at `path`, refusing a foreign file or another
    /// version of the format or of factlint.
    pub fn read(path: &Path) -> Result<FactIndex, IndexError> {
        let file = open_regular(path).map_err(|source| IndexError::Io {
            path: path.display().to_string(),
            source,
        })?;
        FactIndex::read_from(path, BufReader::new(file))
    }

    /// [`FactIndex::read`] of the bytes of `reader`, named `path` in errors.
    pub fn read_from(path: &Path, mut reader: impl BufRead) -> Result<FactIndex, IndexError> {
        let shown = path.display().to_string();
        let io_error = |source| IndexError::Io {
            path: shown.clone(),
            source,
        };
        let mut first = Vec::new();
        // A header is short: a foreign file without newlines is not read whole.
        Read::by_ref(&mut reader)
            .take(1 << 20)
            .read_until(b'\n', &mut first)
            .map_err(io_error)?;
        let header: Header = match serde_json::from_slice::<serde_json::Value>(&first) {
            Ok(v) if v.get("format").and_then(|f| f.as_str()) == Some(FORMAT) => {
                let found = v.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
                let by = v
                    .get("factlint")
                    .and_then(|v| v.as_str())
                    .unwrap_or("?")
                    .to_string();
                if found != VERSION {
                    return Err(IndexError::Version {
                        path: shown,
                        found,
                        by,
                        ours: env!("CARGO_PKG_VERSION"),
                    });
                }
                serde_json::from_value(v).map_err(|e| IndexError::Damaged {
                    path: shown.clone(),
                    article: 0,
                    message: format!("bad header: {e}"),
                })?
            }
            _ => return Err(IndexError::Foreign { path: shown }),
        };
        if header.factlint != env!("CARGO_PKG_VERSION") {
            return Err(IndexError::OtherFactlint {
                rebuild: header.rebuild_command(path),
                path: shown,
                by: header.factlint,
                ours: env!("CARGO_PKG_VERSION"),
            });
        }
        let mut body = Vec::new();
        reader.read_to_end(&mut body).map_err(io_error)?;
        let damaged = |article: usize, message: String| IndexError::Damaged {
            path: shown.clone(),
            article,
            message,
        };
        let header_line = first.strip_suffix(b"\n").unwrap_or(&first);
        match body.split_first_chunk::<4>() {
            Some((crc, _)) if u32::from_le_bytes(*crc) == crc32fast::hash(header_line) => {}
            _ => return Err(damaged(0, "the header does not match its checksum".into())),
        }
        // Cut the body into entries first (cheap), then check and decode
        // them in parallel.
        let mut records: Vec<(u32, &[u8])> = Vec::with_capacity(header.articles.min(1 << 20));
        let mut rest = &body[4..];
        while !rest.is_empty() {
            let n = records.len() + 1;
            let Some((len, tail)) = rest.split_first_chunk::<4>() else {
                return Err(damaged(n, "the file ends inside a length".into()));
            };
            let Some((crc, tail)) = tail.split_first_chunk::<4>() else {
                return Err(damaged(n, "the file ends inside a checksum".into()));
            };
            let len = u32::from_le_bytes(*len) as usize;
            if tail.len() < len {
                return Err(damaged(n, "the file ends early".into()));
            }
            let (record, tail) = tail.split_at(len);
            records.push((u32::from_le_bytes(*crc), record));
            rest = tail;
        }
        if records.len() != header.articles {
            return Err(damaged(
                records.len(),
                format!(
                    "the header announces {} articles, the file holds {}",
                    header.articles,
                    records.len()
                ),
            ));
        }
        let entries: Vec<Result<Entry, (usize, String)>> = records
            .par_iter()
            .enumerate()
            .map(|(i, &(crc, r))| {
                if crc32fast::hash(r) != crc {
                    return Err((i + 1, "the entry does not match its checksum".to_string()));
                }
                postcard::from_bytes(r).map_err(|e| (i + 1, e.to_string()))
            })
            .collect();
        let entries = entries
            .into_iter()
            .collect::<Result<Vec<Entry>, _>>()
            .map_err(|(article, message)| damaged(article, message))?;
        Ok(FactIndex { header, entries })
    }

    /// Refuses an index whose facts do not fit the rules of this run (a
    /// table index out of range, a span backwards): checked once the rules
    /// are loaded, before any check reads the facts.
    pub fn check_tables(
        &self,
        path: &Path,
        sizes: crate::extract::TableSizes,
    ) -> Result<(), IndexError> {
        for (i, entry) in self.entries.iter().enumerate() {
            if let Ok(facts) = &entry.facts {
                facts
                    .check_tables(sizes)
                    .map_err(|message| IndexError::Damaged {
                        path: path.display().to_string(),
                        article: i + 1,
                        message,
                    })?;
            }
        }
        Ok(())
    }

    /// Refuses the index if its inputs differ from this run's (`now`), or
    /// if an article under its roots (as `found` now lists them) changed,
    /// vanished or appeared. The `drafts` (canonical paths) are exempt: a
    /// draft replaces its own article, so editing it is the point.
    pub fn check_fresh(
        &self,
        path: &Path,
        now: &Inputs,
        found: &[Target],
        drafts: &std::collections::HashSet<PathBuf>,
    ) -> Result<(), IndexError> {
        let rebuild = || self.header.rebuild_command(path);
        let differences = self.header.inputs.differences(now);
        if !differences.is_empty() {
            return Err(IndexError::OtherInputs {
                path: path.display().to_string(),
                what: differences.join("; "),
                rebuild: rebuild(),
            });
        }
        let mut indexed: rustc_hash::FxHashMap<&Path, Option<Stamp>> = self
            .entries
            .iter()
            .map(|e| (e.path.as_path(), e.stamp))
            .collect();
        let mut changed = Vec::new();
        let mut added = Vec::new();
        let mut canonicals = CanonicalPaths::default();
        for target in found {
            let given = match target {
                Ok(p) | Err((p, _)) => p,
            };
            let canonical = canonicals.of(given);
            let stamp = indexed.remove(canonical.as_path());
            if drafts.contains(&canonical) {
                continue;
            }
            let now = target.as_ref().ok().and_then(|p| Stamp::of(p).ok());
            match stamp {
                Some(then) if then == now => {}
                Some(_) => changed.push(given.display().to_string()),
                None => added.push(given.display().to_string()),
            }
        }
        let shown = PathsShown::here();
        let mut removed: Vec<String> = indexed
            .keys()
            .filter(|p| !drafts.contains(**p))
            .map(|p| shown.of(p))
            .collect();
        removed.sort();
        let mut what = Vec::new();
        for (list, verb) in [
            (changed, "changed"),
            (added, "appeared"),
            (removed, "vanished"),
        ] {
            if list.is_empty() {
                continue;
            }
            let n = list.len();
            let mut names = list.into_iter().take(3).collect::<Vec<_>>().join(", ");
            if n > 3 {
                names.push_str(&format!(" and {} more", n - 3));
            }
            let noun = if n == 1 { "article" } else { "articles" };
            what.push(format!("{n} {noun} {verb} since it was built ({names})"));
        }
        if what.is_empty() {
            return Ok(());
        }
        Err(IndexError::Stale {
            path: path.display().to_string(),
            what: what.join("; "),
            rebuild: rebuild(),
        })
    }

    /// The facts to check drafts against, named as `shown` names files,
    /// and the articles that could not be read when indexed.
    pub fn into_corpus_facts(self, shown: &PathsShown) -> CorpusFacts {
        let mut out = CorpusFacts::default();
        for entry in self.entries {
            let file = shown.of(&entry.path);
            match entry.facts {
                Ok(mut facts) => {
                    facts.file = file;
                    out.documents.push(CorpusDocument {
                        path: entry.path,
                        facts,
                    });
                }
                Err(message) => out.unread.push(crate::corpus::file_error(
                    &file,
                    crate::Severity::Error,
                    message,
                )),
            }
        }
        out
    }
}

impl Header {
    /// The command that rebuilds the index at `index` as it was built.
    pub fn rebuild_command(&self, index: &Path) -> String {
        let shown = PathsShown::here();
        let mut words = vec!["factlint index".to_string()];
        words.extend(self.roots.iter().map(|r| shown.of(r)));
        words.push(format!("-o {}", index.display()));
        for dir in &self.rule_dirs {
            words.push(format!("--rules {}", shown.of(dir)));
        }
        if self.inputs.max_file_size != crate::corpus::DEFAULT_MAX_FILE_SIZE {
            words.push(format!("--max-file-size {}", self.inputs.max_file_size));
        }
        words.join(" ")
    }

    /// The roots and `--rules` folders as this run names them.
    pub fn roots_shown(&self) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let shown = PathsShown::here();
        let name = |p: &PathBuf| PathBuf::from(shown.of(p));
        (
            self.roots.iter().map(name).collect(),
            self.rule_dirs.iter().map(name).collect(),
        )
    }
}

/// Names files relative to the working directory when they lie under it
/// (the index stores absolute paths; reports show what the user typed).
pub struct PathsShown {
    cwd: Option<PathBuf>,
}

impl PathsShown {
    /// Reads the working directory once.
    pub fn here() -> PathsShown {
        PathsShown {
            cwd: std::env::current_dir().ok(),
        }
    }

    pub fn of(&self, path: &Path) -> String {
        let canonical_cwd = self.cwd.as_deref().map(canonical);
        for cwd in [self.cwd.as_deref(), canonical_cwd.as_deref()]
            .into_iter()
            .flatten()
        {
            if let Ok(rest) = path.strip_prefix(cwd) {
                return match rest.as_os_str().is_empty() {
                    true => ".".into(),
                    false => rest.display().to_string(),
                };
            }
        }
        path.display().to_string()
    }
}

/// Canonical paths of many files with few folders: each folder is resolved
/// once, and only a file that is itself a link costs a full resolution.
#[derive(Default)]
struct CanonicalPaths {
    folders: rustc_hash::FxHashMap<PathBuf, PathBuf>,
}

impl CanonicalPaths {
    fn of(&mut self, path: &Path) -> PathBuf {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return canonical(path);
        };
        if fs::symlink_metadata(path).map_or(true, |m| m.file_type().is_symlink()) {
            return canonical(path);
        }
        let folder = self.folders.entry(parent.to_path_buf()).or_insert_with(|| {
            canonical(if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            })
        });
        folder.join(name)
    }
}

/// `path` made absolute against the working directory, links kept.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_is_stable_and_sees_every_byte() {
        let mut a = Fingerprint::default();
        a.add(b"ab");
        a.add(b"c");
        let mut b = Fingerprint::default();
        b.add(b"a");
        b.add(b"bc");
        assert_ne!(a.hex(), b.hex());
        let mut c = Fingerprint::default();
        c.add(b"ab");
        c.add(b"c");
        assert_eq!(a.hex(), c.hex());
        // FNV-1a of the 8 length bytes then "x": fixed across platforms.
        let mut d = Fingerprint::default();
        d.add(b"x");
        // An index written on one machine is read on another: the value is
        // pinned (computed independently).
        assert_eq!(d.hex(), "529a64dc8ff592d4");
    }

    #[test]
    fn a_header_is_recognized_and_a_foreign_file_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("facts.idx");
        let index = FactIndex {
            header: Header {
                format: FORMAT.into(),
                version: VERSION,
                factlint: env!("CARGO_PKG_VERSION").into(),
                inputs: Inputs::read(&[], None, &[], 1000),
                roots: vec![],
                rule_dirs: vec![],
                articles: 0,
            },
            entries: vec![],
        };
        index.write(&idx).unwrap();
        assert!(FactIndex::is_index(&idx));
        assert_eq!(FactIndex::read(&idx).unwrap().header, index.header);
        let other = dir.path().join("other.idx");
        fs::write(&other, "{\"format\":\"something else\"}\n").unwrap();
        assert!(!FactIndex::is_index(&other));
        assert!(matches!(
            FactIndex::read(&other),
            Err(IndexError::Foreign { .. })
        ));
        fs::write(&other, [0u8, 159, 146, 150, 255]).unwrap();
        assert!(matches!(
            FactIndex::read(&other),
            Err(IndexError::Foreign { .. })
        ));
        let newer = String::from_utf8_lossy(&fs::read(&idx).unwrap())
            .replace(&format!("\"version\":{VERSION}"), "\"version\":99");
        fs::write(&other, newer).unwrap();
        let err = FactIndex::read(&other).unwrap_err();
        assert!(
            matches!(err, IndexError::Version { found: 99, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("rebuild it"), "{err}");
    }

    #[test]
    fn every_single_bit_flip_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("facts.idx");
        let entry = |name: &str| Entry {
            path: PathBuf::from(format!("/corpus/{name}.txt")),
            stamp: Some(Stamp {
                size: 1234,
                modified_secs: 1_700_000_000,
                modified_nanos: 5,
            }),
            facts: Err("binary file".into()),
        };
        let index = FactIndex {
            header: Header {
                format: FORMAT.into(),
                version: VERSION,
                factlint: env!("CARGO_PKG_VERSION").into(),
                inputs: Inputs::read(&[], None, &[], 1000),
                roots: vec![PathBuf::from("/corpus")],
                rule_dirs: vec![],
                articles: 2,
            },
            entries: vec![entry("un"), entry("deux")],
        };
        index.write(&idx).unwrap();
        let good = fs::read(&idx).unwrap();
        assert!(FactIndex::read(&idx).is_ok());
        let flipped = dir.path().join("flipped.idx");
        for bit in 0..good.len() * 8 {
            let mut bytes = good.clone();
            bytes[bit / 8] ^= 1 << (bit % 8);
            fs::write(&flipped, &bytes).unwrap();
            assert!(
                FactIndex::read(&flipped).is_err(),
                "a flip of bit {bit} (byte {}) was accepted",
                bit / 8
            );
        }
    }

    #[test]
    fn only_regular_files_are_read() {
        let err = FactIndex::read(Path::new("/dev/zero")).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert!(!FactIndex::is_index(Path::new("/dev/zero")));
    }
}

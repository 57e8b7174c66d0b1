//! Finding and reading articles: files and folders in, [`Document`]s or
//! `file-error` diagnostics out. A file that cannot be read never stops the
//! others.

use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::span::{LineIndex, Span};

/// Files bigger than this are skipped with a `file-error` unless the user
/// raises the limit: a news article is kilobytes, a 64 MiB "article" is a
/// mistake (a dump, a binary) and would only slow the run.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Extensions linted when walking a folder (files named on the command line
/// are linted whatever their extension).
const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// One article: its text exactly as on disk and what its front matter says.
#[derive(Clone, Debug)]
pub struct Document {
    /// The path as given on the command line (relative stays relative).
    pub path: String,
    pub text: String,
    /// Byte range of the article body: the text after any front matter.
    pub body: Range<usize>,
    pub meta: Meta,
}

/// Metadata from front matter (`---` YAML-style or `+++` TOML).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub lang: Option<String>,
}

impl Meta {
    /// The publication date, from `date` written `YYYY-MM-DD` (a time may
    /// follow) or `DD/MM/YYYY`.
    pub fn publication(&self) -> Option<chrono::NaiveDate> {
        let date = self.date.as_deref()?.trim();
        let iso = date.get(..10).unwrap_or(date);
        chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .or_else(|_| chrono::NaiveDate::parse_from_str(date, "%d/%m/%Y"))
            .ok()
    }

    /// Fills what this metadata lacks from `other`.
    fn fill_from(&mut self, other: &Meta) {
        for (mine, theirs) in [
            (&mut self.title, &other.title),
            (&mut self.date, &other.date),
            (&mut self.source, &other.source),
            (&mut self.lang, &other.lang),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }
}

/// The name of the file that gives metadata to the plain-text articles of
/// its folder:
///
/// ```toml
/// ["kim-poutine-amour.txt"]
/// date = "2023-09-15"
/// title = "L'alliance inquiétante de Kim et Poutine"
/// ```
pub const METADATA_FILE: &str = "metadata.toml";

/// `metadata.toml` files, read once per folder and shared by the threads
/// that load its articles.
#[derive(Default)]
pub struct Sidecars {
    folders: std::sync::Mutex<std::collections::HashMap<PathBuf, std::sync::Arc<Sidecar>>>,
    /// Publication dates from `factlint.toml`, by canonical path: used when
    /// neither front matter nor `metadata.toml` gives one.
    dates: std::sync::Arc<std::collections::HashMap<PathBuf, String>>,
}

#[derive(Default)]
struct Sidecar {
    articles: std::collections::HashMap<String, Meta>,
    /// Why the file could not be used, reported with the first article.
    problem: std::sync::Mutex<Option<Diagnostic>>,
}

impl Sidecars {
    /// Sidecars that also know the publication dates a configuration gives.
    pub fn with_dates(dates: std::sync::Arc<std::collections::HashMap<PathBuf, String>>) -> Self {
        Sidecars {
            dates,
            ..Sidecars::default()
        }
    }

    /// The metadata `metadata.toml` gives the article at `path`, and the
    /// `file-error` of a malformed `metadata.toml` the first time it is read.
    fn meta_for(&self, path: &Path) -> (Option<Meta>, Option<Diagnostic>) {
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let sidecar = {
            let Ok(mut folders) = self.folders.lock() else {
                return (None, None);
            };
            folders
                .entry(folder.clone())
                .or_insert_with(|| std::sync::Arc::new(Sidecar::read(&folder.join(METADATA_FILE))))
                .clone()
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let problem = sidecar.problem.lock().ok().and_then(|mut p| p.take());
        (sidecar.articles.get(&name).cloned(), problem)
    }
}

impl Sidecar {
    fn read(path: &Path) -> Sidecar {
        let Ok(text) = fs::read_to_string(path) else {
            return Sidecar::default();
        };
        let shown = path.display().to_string();
        let table: Result<toml::Table, _> = toml::from_str(&text);
        let mut sidecar = Sidecar::default();
        match table {
            Ok(table) => {
                for (name, value) in table {
                    let meta = value.as_table().map(|t| {
                        let get = |k: &str| {
                            t.get(k)
                                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                        };
                        Meta {
                            title: get("title"),
                            date: get("date"),
                            source: get("source"),
                            lang: get("lang"),
                        }
                    });
                    match meta {
                        Some(meta) => {
                            sidecar.articles.insert(name, meta);
                        }
                        None => {
                            sidecar.problem = std::sync::Mutex::new(Some(file_error(
                                &shown,
                                Severity::Warning,
                                format!(
                                    "`{name}` should be a table of metadata, such as [\"{name}\"] date = \"2024-06-19\""
                                ),
                            )));
                        }
                    }
                }
            }
            Err(e) => {
                let at = e.span().map_or(0, |s| s.start);
                let mut d = file_error(
                    &shown,
                    Severity::Warning,
                    format!(
                        "metadata file cannot be parsed, so it is ignored: {}",
                        e.message().trim()
                    ),
                );
                d.span = LineIndex::new(&text).span(&text, at, at);
                sidecar.problem = std::sync::Mutex::new(Some(d));
            }
        }
        sidecar
    }
}

impl Document {
    /// A document from text already in memory (tests, standard input).
    pub fn from_text(path: &str, text: String) -> (Document, Option<Diagnostic>) {
        let (body, meta, problem) = front_matter(path, &text);
        let doc = Document {
            path: path.to_string(),
            text,
            body,
            meta,
        };
        (doc, problem)
    }

    /// The same article with new text (its fixes applied in memory): the
    /// front matter is read again, and what it lacks still comes from the
    /// metadata the document had (its folder's `metadata.toml`).
    pub fn with_text(&self, text: String) -> Document {
        let (mut doc, _) = Document::from_text(&self.path, text);
        doc.meta.fill_from(&self.meta);
        doc
    }

    pub fn body_text(&self) -> &str {
        &self.text[self.body.clone()]
    }
}

/// The outcome of loading one path.
#[derive(Debug)]
pub enum Loaded {
    /// The document, and a warning about its front matter if it had one.
    Document(Document, Option<Diagnostic>),
    Failed(Diagnostic),
}

/// A file to lint, or a path found while walking that could not be read
/// (with the reason).
pub type Target = Result<PathBuf, (PathBuf, String)>;

/// A path given on the command line that does not exist: a usage error.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct MissingPath {
    pub path: String,
    pub message: String,
}

/// The files to lint under `paths`, in a stable order. Folders are walked
/// recursively for `.txt` and `.md` files, skipping hidden entries; entries
/// that cannot be walked (a dangling link, a folder without permission)
/// come back as `Err` with their path, to become `file-error`s.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Target>, MissingPath> {
    let mut found = Vec::new();
    // A file reached twice (named, and inside a named folder) is linted
    // once, under the first path that reached it.
    let mut seen = std::collections::HashSet::new();
    let mut first_time =
        |path: &Path| seen.insert(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
    for root in paths {
        let meta = fs::metadata(root).map_err(|e| MissingPath {
            path: root.display().to_string(),
            message: io_message(&e),
        })?;
        if !meta.is_dir() {
            if first_time(root) {
                found.push(Ok(root.clone()));
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    if has_article_extension(e.path()) && first_time(e.path()) {
                        found.push(Ok(e.into_path()));
                    }
                }
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    // A path over the system's limit (4096 bytes on Linux)
                    // cannot even be told a folder: it is reported whatever
                    // it is, or the articles below it would vanish unseen.
                    let too_long = err
                        .io_error()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::InvalidFilename);
                    if too_long {
                        let message = format!(
                            "the path is {} bytes long, longer than the system allows \
                             ({}): it and the articles below it are not checked; move them \
                             to a shorter path",
                            path.as_os_str().len(),
                            err.io_error().map(io_message).unwrap_or_default()
                        );
                        found.push(Err((path, message)));
                    } else if path.is_dir() || has_article_extension(&path) {
                        let message = match err.io_error() {
                            Some(io) => io_message(io),
                            None => err.to_string(),
                        };
                        found.push(Err((path, message)));
                    }
                }
            }
        }
    }
    Ok(found)
}

/// `path` with symbolic links and `..` resolved, or as given when it
/// cannot be (a file that vanished): the key that says two paths are one
/// file.
pub fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

fn io_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    // "No such file or directory (os error 2)" reads better without the errno.
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A `file-error` for the whole of `path`.
pub fn file_error(path: &str, severity: Severity, message: String) -> Diagnostic {
    Diagnostic::new(Kind::FileError, severity, path, Span::FILE, "", message)
}

/// Reads one article, taking metadata its front matter lacks from the
/// folder's `metadata.toml`.
pub fn load_with(path: &Path, max_size: u64, sidecars: &Sidecars) -> Loaded {
    match load(path, max_size) {
        Loaded::Document(mut doc, problem) => {
            let sidecar_problem = sidecars.complete(&mut doc, path);
            Loaded::Document(doc, problem.or(sidecar_problem))
        }
        failed => failed,
    }
}

impl Sidecars {
    /// Fills what the front matter of `doc` (the article at `path`, read
    /// from disk or from an editor's buffer) lacks from the folder's
    /// `metadata.toml` and the configured publication dates; gives the
    /// `file-error` of a malformed `metadata.toml` the first time it is read.
    pub fn complete(&self, doc: &mut Document, path: &Path) -> Option<Diagnostic> {
        let (meta, problem) = self.meta_for(path);
        if let Some(meta) = meta {
            doc.meta.fill_from(&meta);
        }
        if doc.meta.date.is_none() && !self.dates.is_empty() {
            let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            doc.meta.date = self.dates.get(&key).cloned();
        }
        problem
    }
}

/// Reads one article. Never panics, never blocks on a FIFO or a device:
/// anything that is not a readable regular UTF-8 text file is a
/// `file-error`.
pub fn load(path: &Path, max_size: u64) -> Loaded {
    let shown = path.display().to_string();
    let fail = |severity, message| Loaded::Failed(file_error(&shown, severity, message));
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            return fail(
                Severity::Error,
                format!("cannot read file: {}", io_message(&e)),
            );
        }
    };
    if !meta.is_file() {
        return fail(
            Severity::Error,
            "not a regular file (a folder, pipe or device); only text files are linted".into(),
        );
    }
    if meta.len() > max_size {
        return fail(
            Severity::Error,
            format!(
                "file is {} bytes, over the limit of {} bytes; skipped (raise it with --max-file-size)",
                meta.len(),
                max_size
            ),
        );
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let read = fs::File::open(path).and_then(|f| f.take(max_size + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(
            Severity::Error,
            format!("cannot read file: {}", io_message(&e)),
        );
    }
    if bytes.len() as u64 > max_size {
        return fail(
            Severity::Error,
            format!("file grew over the limit of {max_size} bytes while being read; skipped"),
        );
    }
    match decode(&shown, bytes) {
        Ok(text) => {
            let (doc, problem) = Document::from_text(&shown, text);
            Loaded::Document(doc, problem)
        }
        Err(diagnostic) => Loaded::Failed(*diagnostic),
    }
}

/// Bytes to text, or the `file-error` that says why they are not an article.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    if bytes.is_empty() {
        return Err(Box::new(file_error(
            path,
            Severity::Warning,
            "file is empty".into(),
        )));
    }
    // Like git, a NUL byte near the start means binary data, not text.
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(Box::new(file_error(
            path,
            Severity::Error,
            "binary file (contains NUL bytes); only UTF-8 text is linted".into(),
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            if text.trim_start_matches('\u{feff}').trim().is_empty() {
                Err(Box::new(file_error(
                    path,
                    Severity::Warning,
                    "file has no text (only whitespace)".into(),
                )))
            } else {
                Ok(text)
            }
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let span = LineIndex::new(valid).span(valid, at, at);
            let mut d = file_error(
                path,
                Severity::Error,
                format!(
                    "not valid UTF-8: byte 0x{:02X} at offset {at} (line {}, column {}); \
                     if it is Latin-1 or Windows-1252, convert it with \
                     `iconv -f WINDOWS-1252 -t UTF-8`",
                    bytes[at], span.line, span.column
                ),
            );
            d.span = span;
            Err(Box::new(d))
        }
    }
}

/// Front matter longer than this is not parsed (a warning says so): real
/// front matter is a few lines, and a parser's work must stay bounded.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;

/// Splits front matter from the body. Returns the body range, the metadata
/// and a warning when the front matter is there but cannot be parsed.
fn front_matter(path: &str, text: &str) -> (Range<usize>, Meta, Option<Diagnostic>) {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return (bom..text.len(), Meta::default(), None);
    };
    let first_line_end = match rest.find('\n') {
        Some(i) => i + 1,
        None => return (bom..text.len(), Meta::default(), None),
    };
    if rest[..first_line_end].trim_end() != fence {
        return (bom..text.len(), Meta::default(), None);
    }
    // The closing fence is a line of its own ("..." also closes YAML).
    let mut offset = first_line_end;
    let mut close = None;
    for line in rest[first_line_end..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((content_end, body_start)) = close else {
        return (bom..text.len(), Meta::default(), None);
    };
    let content = &rest[first_line_end..content_end];
    let body = bom + body_start..text.len();
    let content_start = bom + first_line_end;
    let parsed = if content.len() > MAX_FRONT_MATTER {
        Err((
            format!(
                "it is {} bytes long, over the {} KiB factlint reads",
                content.len(),
                MAX_FRONT_MATTER / 1024
            ),
            0,
        ))
    } else if fence == "---" {
        yaml_meta(content)
    } else {
        toml_meta(content)
    };
    match parsed {
        Ok(meta) if meta.date.is_some() && meta.publication().is_none() => {
            let at = text[content_start..]
                .find("date")
                .map_or(content_start, |i| content_start + i);
            let mut d = file_error(
                path,
                Severity::Warning,
                format!(
                    "front matter date {:?} is not a date (write YYYY-MM-DD); relative dates stay unanchored",
                    meta.date.as_deref().unwrap_or_default()
                ),
            );
            d.span = LineIndex::new(text).span(text, at, at);
            (body, meta, Some(d))
        }
        Ok(meta) => (body, meta, None),
        Err((message, at)) => {
            let idx = LineIndex::new(text);
            let start = (content_start + at).min(text.len());
            let mut d = file_error(
                path,
                Severity::Warning,
                format!("front matter cannot be parsed, so its metadata is ignored: {message}"),
            );
            d.span = idx.span(text, start, start);
            (body, Meta::default(), Some(d))
        }
    }
}

/// Reads the top-level scalar keys of YAML front matter from the parser's
/// events. Nothing is built or expanded: an "alias bomb" (anchors of
/// anchors, each alias a copy of the last) costs its own size, where a
/// document loader would copy it exponentially.
fn yaml_meta(content: &str) -> Result<Meta, (String, usize)> {
    use yaml_rust2::parser::{Event, Parser};
    use yaml_rust2::scanner::TScalarStyle;
    use yaml_rust2::{ScanError, Yaml};
    let error = |e: ScanError| {
        let at = e.marker().index();
        // yaml-rust2 counts characters; convert to a byte offset.
        let byte = content
            .char_indices()
            .nth(at)
            .map(|(b, _)| b)
            .unwrap_or(content.len());
        (e.info().to_string(), byte)
    };
    let mut parser = Parser::new_from_str(content);
    let mut meta = Meta::default();
    // Depth of collections; the top mapping is depth 1. Its entries
    // alternate key and value.
    let mut depth = 0usize;
    let mut top_is_mapping = false;
    let mut key: Option<String> = None;
    let mut expecting_key = true;
    loop {
        let (event, _) = parser.next_token().map_err(error)?;
        match event {
            Event::StreamEnd | Event::DocumentEnd => break,
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if depth == 0 {
                    top_is_mapping = matches!(event, Event::MappingStart(..));
                } else if depth == 1 && !expecting_key {
                    // A collection as a value: not a field we read.
                    key = None;
                    expecting_key = true;
                } else if depth == 1 {
                    // A collection as a key: its value is skipped too.
                    key = None;
                    expecting_key = false;
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            Event::Scalar(text, style, ..) if depth == 1 && top_is_mapping => {
                if expecting_key {
                    key = Some(text);
                    expecting_key = false;
                    continue;
                }
                expecting_key = true;
                // A plain scalar is typed as the loader would: numbers are
                // kept as written, null and booleans are no value.
                let value = match style {
                    TScalarStyle::Plain => match Yaml::from_str(&text) {
                        Yaml::String(_) | Yaml::Real(_) | Yaml::Integer(_) => Some(text),
                        _ => None,
                    },
                    _ => Some(text),
                };
                match key.take().as_deref() {
                    Some("title") => meta.title = value,
                    Some("date") => meta.date = value,
                    Some("source") => meta.source = value,
                    Some("lang") => meta.lang = value,
                    _ => {}
                }
            }
            Event::Alias(_) if depth == 1 && top_is_mapping => {
                // An alias key or value is not expanded: no field.
                key = None;
                expecting_key = !expecting_key;
            }
            _ => {}
        }
    }
    Ok(meta)
}

fn toml_meta(content: &str) -> Result<Meta, (String, usize)> {
    let table: toml::Table = toml::from_str(content).map_err(|e| {
        let at = e.span().map(|s| s.start).unwrap_or(0);
        (e.message().to_string(), at)
    })?;
    let get = |key: &str| {
        table.get(key).map(|v| match v {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    Ok(Meta {
        title: get("title"),
        date: get("date"),
        source: get("source"),
        lang: get("lang"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_read_and_body_offsets_stay_exact() {
        let text = "---\ntitle: Sommet\ndate: 2024-06-19\n---\nKim Jong-un à Pyongyang.\n";
        let (doc, problem) = Document::from_text("a.md", text.to_string());
        assert!(problem.is_none());
        assert_eq!(doc.meta.title.as_deref(), Some("Sommet"));
        assert_eq!(doc.meta.date.as_deref(), Some("2024-06-19"));
        assert!(doc.body_text().starts_with("Kim Jong-un"));
        assert_eq!(&doc.text[doc.body.start..doc.body.start + 3], "Kim");
    }

    #[test]
    fn toml_front_matter_and_crlf() {
        let text = "+++\r\ntitle = \"Pékin\"\r\ndate = 2025-09-03\r\n+++\r\nCorps";
        let (doc, _) = Document::from_text("a.md", text.to_string());
        assert_eq!(doc.meta.title.as_deref(), Some("Pékin"));
        assert_eq!(doc.meta.date.as_deref(), Some("2025-09-03"));
        assert_eq!(doc.body_text(), "Corps");
    }

    #[test]
    fn broken_front_matter_warns_and_keeps_the_body() {
        let text = "---\ntitle: [oops\n---\nCorps";
        let (doc, problem) = Document::from_text("a.md", text.to_string());
        let d = problem.expect("a warning");
        assert_eq!(d.kind, Kind::FileError);
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(doc.body_text(), "Corps");
    }

    #[test]
    fn a_rule_of_dashes_without_closing_fence_is_body() {
        let text = "---\nPas de front matter ici.";
        let (doc, problem) = Document::from_text("a.md", text.to_string());
        assert!(problem.is_none());
        assert_eq!(doc.body, 0..text.len());
    }

    #[test]
    fn yaml_aliases_are_never_expanded() {
        // Each level doubles the one before: a loader would build 2^30
        // strings from these few hundred bytes.
        let mut yaml = String::from("a0: &a0 [\"lol\",\"lol\"]\n");
        for i in 1..30 {
            yaml.push_str(&format!("a{i}: &a{i} [*a{p},*a{p}]\n", p = i - 1));
        }
        yaml.push_str("title: Bombe\ndate: 2024-06-19\n");
        let text = format!("---\n{yaml}---\nCorps");
        let (doc, problem) = Document::from_text("a.md", text);
        assert!(problem.is_none(), "{problem:?}");
        assert_eq!(doc.meta.title.as_deref(), Some("Bombe"));
        assert_eq!(doc.meta.date.as_deref(), Some("2024-06-19"));
    }

    #[test]
    fn yaml_fields_are_top_level_scalars_typed_as_yaml_types_them() {
        let meta = |yaml: &str| {
            Document::from_text("a.md", format!("---\n{yaml}---\nCorps"))
                .0
                .meta
        };
        let m = meta("tags: [a, b]\nauteur:\n  title: Non\ntitle: Oui\nlang: ~\nsource: true\n");
        assert_eq!(m.title.as_deref(), Some("Oui"));
        assert_eq!((m.lang, m.source), (None, None));
        let m = meta("x: &n y\ntitle: \"2024\"\ndate: 2024\nsource: *n\n");
        assert_eq!(m.title.as_deref(), Some("2024"));
        assert_eq!(m.date.as_deref(), Some("2024"));
        assert_eq!(m.source, None);
        // Only the first document counts; a sequence at the top is no map.
        assert_eq!(meta("- title: Non\n").title, None);
    }

    #[test]
    fn oversized_front_matter_is_not_parsed() {
        let yaml = format!("title: x\nnote: \"{}\"\n", "a".repeat(MAX_FRONT_MATTER));
        let (doc, problem) = Document::from_text("a.md", format!("---\n{yaml}---\nCorps"));
        let d = problem.expect("a warning");
        assert!(d.message.contains("KiB"), "{}", d.message);
        assert_eq!(doc.meta.title, None);
        assert_eq!(doc.body_text(), "Corps");
    }

    #[test]
    fn an_impossible_publication_date_is_reported() {
        let (_, problem) =
            Document::from_text("a.md", "---\ndate: 2024-02-30\n---\nCorps".to_string());
        let d = problem.expect("a warning");
        assert!(d.message.contains("2024-02-30"), "{}", d.message);
        assert_eq!(d.span.line, 2);
    }

    #[test]
    fn publication_dates_in_iso_or_french_order() {
        let meta = |d: &str| Meta {
            date: Some(d.into()),
            ..Meta::default()
        };
        let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 19);
        assert_eq!(meta("2024-06-19").publication(), day);
        assert_eq!(meta("2024-06-19T08:00:00+02:00").publication(), day);
        assert_eq!(meta("19/06/2024").publication(), day);
        assert_eq!(meta("juin").publication(), None);
    }

    #[test]
    fn metadata_toml_dates_plain_text_articles() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "Texte").unwrap();
        fs::write(dir.path().join("b.md"), "---\ndate: 2024-01-01\n---\nTexte").unwrap();
        fs::write(
            dir.path().join(METADATA_FILE),
            "[\"a.txt\"]\ndate = \"2023-09-15\"\n[\"b.md\"]\ndate = \"1999-01-01\"\n",
        )
        .unwrap();
        let sidecars = Sidecars::default();
        let date = |name: &str| match load_with(
            &dir.path().join(name),
            DEFAULT_MAX_FILE_SIZE,
            &sidecars,
        ) {
            Loaded::Document(d, _) => d.meta.date,
            Loaded::Failed(d) => panic!("{}", d.message),
        };
        assert_eq!(date("a.txt").as_deref(), Some("2023-09-15"));
        assert_eq!(
            date("b.md").as_deref(),
            Some("2024-01-01"),
            "front matter wins"
        );
    }

    #[test]
    fn new_text_keeps_the_folder_metadata_and_rereads_front_matter() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.md"), "---\ntitle: poutine\n---\nTexte").unwrap();
        fs::write(
            dir.path().join(METADATA_FILE),
            "[\"a.md\"]\ndate = \"2023-09-15\"\n",
        )
        .unwrap();
        let sidecars = Sidecars::default();
        let Loaded::Document(doc, _) =
            load_with(&dir.path().join("a.md"), DEFAULT_MAX_FILE_SIZE, &sidecars)
        else {
            panic!("a.md loads");
        };
        let fixed = doc.with_text("---\ntitle: Poutine\n---\nTexte".into());
        assert_eq!(fixed.meta.title.as_deref(), Some("Poutine"));
        assert_eq!(fixed.meta.date.as_deref(), Some("2023-09-15"));
        assert_eq!(fixed.body_text(), "Texte");
        assert_eq!(fixed.path, doc.path);
    }

    #[test]
    fn a_broken_metadata_file_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "Texte").unwrap();
        fs::write(dir.path().join("b.txt"), "Texte").unwrap();
        fs::write(dir.path().join(METADATA_FILE), "[oops").unwrap();
        let sidecars = Sidecars::default();
        let problems: Vec<_> = ["a.txt", "b.txt"]
            .iter()
            .filter_map(|n| {
                match load_with(&dir.path().join(n), DEFAULT_MAX_FILE_SIZE, &sidecars) {
                    Loaded::Document(_, p) => p,
                    Loaded::Failed(_) => None,
                }
            })
            .collect();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].file.ends_with(METADATA_FILE));
    }

    #[test]
    fn a_file_reached_twice_is_linted_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        fs::write(&a, "Kim Jong-un").unwrap();
        let found = discover(&[dir.path().to_path_buf(), a.clone(), a]).unwrap();
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn decode_rejects_empty_binary_and_latin1() {
        assert_eq!(decode("e", vec![]).unwrap_err().severity, Severity::Warning);
        assert!(
            decode("b", vec![b'a', 0, b'b'])
                .unwrap_err()
                .message
                .contains("binary")
        );
        let mut bytes = "ligne\nPékin".as_bytes().to_vec();
        bytes.extend_from_slice(b" \xe9t\xe9");
        let d = decode("l", bytes).unwrap_err();
        assert!(d.message.contains("not valid UTF-8"), "{}", d.message);
        assert_eq!(d.span.line, 2);
    }
}

//! Rules are data: every `*.toml` file under the rule folders is parsed into
//! typed rules. A malformed file is a configuration error that points at the
//! offending span in the TOML (exit code 2).
//!
//! One file may hold any of the families:
//!
//! - `[[entity]]`: people, places and organisations ([`Entity`]);
//! - `[[event]]`: events and their reference facts ([`Event`]);
//! - `[[exclude]]`: text regions no check reports on ([`Exclude`]);
//! - `[sourcing]`: who-says-what markers ([`Sourcing`]);
//! - `[typography]`, `[grammar]`: French typography and elision data
//!   ([`Typography`], [`Grammar`]).
//! - `[[accept]]`: words the spelling check takes as French ([`Accept`]).

mod accept;
mod entity;
mod event;
mod exclude;
mod french;
mod sourcing;

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use miette::{NamedSource, SourceSpan};

use crate::excerpt::Excerpt;
use crate::span::{LineIndex, Span};
use serde::Deserialize;

pub use accept::Accept;
pub use entity::{Entity, EntityKind};
pub use event::{Event, Figure, parse_date};
pub use exclude::Exclude;
pub use french::{Grammar, Typography};
pub use sourcing::{Phrase, Sourcing, WordPattern, parse_phrase};

/// Everything loaded from the rule folders.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub excludes: Vec<Exclude>,
    /// Who-says-what markers, merged over every `[sourcing]` table.
    pub sourcing: Sourcing,
    pub typography: Typography,
    pub grammar: Grammar,
    pub accepts: Vec<Accept>,
    /// The rule files read, in load order.
    pub files: Vec<String>,
    /// Entity ids used by other rules, checked once every file is read.
    references: Vec<Reference>,
}

impl RuleSet {
    /// The index of the entity with `id`.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.origin.id == id)
    }
}

/// A use of an entity id by another rule, kept until every file is read
/// (rules may refer to entities of files read later).
#[derive(Debug)]
struct Reference {
    id: String,
    user: String,
    path: String,
    text: std::sync::Arc<String>,
    span: Range<usize>,
}

impl Reference {
    fn new(src: &Source, id: &str, span: Range<usize>, user: &str) -> Reference {
        Reference {
            id: id.to_string(),
            user: user.to_string(),
            path: src.path.to_string(),
            text: std::sync::Arc::new(src.text.to_string()),
            span,
        }
    }
}

/// Reports every reference to an entity id no file declares.
fn check_references(set: &mut RuleSet, errors: &mut Vec<RuleError>) {
    let known: std::collections::HashSet<&str> =
        set.entities.iter().map(|e| e.origin.id.as_str()).collect();
    for r in &set.references {
        if !known.contains(r.id.as_str()) {
            let src = Source::new(&r.path, &r.text);
            errors.push(src.error(
                format!("{} refers to unknown entity `{}`", r.user, r.id),
                r.span.clone(),
                "no [[entity]] has this id",
                Some("declare the entity in an [[entity]] table, or fix the id".into()),
            ));
        }
    }
    set.references.clear();
}

/// Where a rule was declared, for `rule` references and `factlint rules`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub id: String,
}

impl Origin {
    /// The reference shown in reports: `rules/entities.toml#kim-jong-un`.
    pub fn reference(&self) -> String {
        format!("{}#{}", self.file, self.id)
    }
}

/// A problem in a rule file, rendered by miette with the TOML snippet.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct RuleError {
    pub message: String,
    /// The file and its whole text (the LSP maps the span to positions).
    pub src: NamedSource<String>,
    /// The offending bytes, as the parser or validator gives them.
    pub span: Option<SourceSpan>,
    pub label: String,
    pub help: Option<String>,
    /// What miette shows: the span's line cut around it, so that a value
    /// of 70,000 characters makes a snippet that fits a terminal.
    pub excerpt: Option<Excerpt>,
}

impl miette::Diagnostic for RuleError {
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.excerpt.as_ref().map(|e| e as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let (excerpt, span) = (self.excerpt.as_ref()?, self.span?);
        let whole = Span {
            start: span.offset(),
            end: span.offset() + span.len(),
            line: 0,
            column: 0,
        };
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some(self.label.clone()), excerpt.label(&whole)),
        )))
    }
}

impl RuleError {
    /// An error about a whole file or folder: nothing to point at.
    pub fn about(path: &str, message: String, help: Option<String>) -> RuleError {
        RuleError {
            message,
            src: NamedSource::new(path, String::new()),
            span: None,
            label: String::new(),
            help,
            excerpt: None,
        }
    }
}

/// All problems found in the rule files: every one is reported at once so
/// that a user fixes them in one go.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{} error(s) in the rule files", errors.len())]
pub struct RuleErrors {
    #[related]
    pub errors: Vec<RuleError>,
}

/// The raw contents of one rule file, as serde reads it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    entity: Vec<entity::EntityToml>,
    #[serde(default)]
    event: Vec<event::EventToml>,
    #[serde(default)]
    exclude: Vec<exclude::ExcludeToml>,
    sourcing: Option<sourcing::SourcingToml>,
    #[serde(default)]
    typography: Option<french::TypographyToml>,
    #[serde(default)]
    grammar: Option<french::GrammarToml>,
    #[serde(default)]
    accept: Vec<accept::AcceptToml>,
}

/// One TOML source being validated, to build errors that point into it.
pub(crate) struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// Built at the first error, once: a file with many errors stays linear.
    lines: std::cell::OnceCell<LineIndex>,
}

impl<'a> Source<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Source<'a> {
        Source {
            path,
            text,
            lines: std::cell::OnceCell::new(),
        }
    }

    pub fn error(
        &self,
        message: String,
        span: Range<usize>,
        label: &str,
        help: Option<String>,
    ) -> RuleError {
        let end = span.end.clamp(span.start, self.text.len());
        let start = span.start.min(end);
        let lines = self.lines.get_or_init(|| LineIndex::new(self.text));
        let excerpt = Excerpt::around(self.path, self.text, lines.span(self.text, start, end));
        RuleError {
            message: format!("{}: {message}", self.path),
            src: NamedSource::new(self.path, self.text.to_string()),
            span: Some((start, end - start).into()),
            label: label.to_string(),
            help,
            excerpt,
        }
    }
}

/// The rule folders to use for `targets` when none is given: `rules/`
/// inside the first linted folder, beside it, or in the working directory.
pub fn default_dirs(targets: &[PathBuf]) -> Vec<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(first) = targets.first() {
        let folder = if first.is_dir() {
            first.clone()
        } else {
            first.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        candidates.push(folder.join("rules"));
        if let Some(parent) = folder.parent() {
            candidates.push(parent.join("rules"));
        }
    }
    candidates.push(PathBuf::from("rules"));
    candidates
        .into_iter()
        .find(|c| c.is_dir())
        .into_iter()
        .collect()
}

/// Loads every `*.toml` under `dirs` (sorted, recursively).
pub fn load(dirs: &[PathBuf]) -> Result<RuleSet, RuleErrors> {
    let mut set = RuleSet::default();
    let mut errors = Vec::new();
    for dir in dirs {
        let files = match toml_files(dir) {
            Ok(files) => files,
            Err(message) => {
                errors.push(RuleError::about(
                    &dir.display().to_string(),
                    format!("{}: {message}", dir.display()),
                    Some("pass a folder of *.toml rule files with --rules".into()),
                ));
                continue;
            }
        };
        for file in files {
            let path = file.display().to_string();
            match fs::read_to_string(&file) {
                Ok(text) => add_file(&mut set, &path, &text, &mut errors),
                Err(e) => errors.push(RuleError::about(
                    &path,
                    format!("{path}: cannot read rule file: {e}"),
                    None,
                )),
            }
        }
    }
    check_references(&mut set, &mut errors);
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(RuleErrors { errors })
    }
}

/// Rules from texts already read, each with the path errors name: what
/// [`load`] makes of the files it reads.
pub fn from_texts<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<RuleSet, RuleErrors> {
    let mut set = RuleSet::default();
    let mut errors = Vec::new();
    for (path, text) in files {
        add_file(&mut set, path, text, &mut errors);
    }
    check_references(&mut set, &mut errors);
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(RuleErrors { errors })
    }
}

/// Parses one rule file's text into `set`, recording problems in `errors`.
pub fn add_file(set: &mut RuleSet, path: &str, text: &str, errors: &mut Vec<RuleError>) {
    let src = Source::new(path, text);
    let parsed: RuleFile = match toml::from_str(text) {
        Ok(p) => p,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let help = e.message().contains("unknown field").then(|| {
                "see README.md, section \"Rule files\", for the keys each family takes".to_string()
            });
            errors.push(src.error(e.message().trim().to_string(), span, "here", help));
            return;
        }
    };
    set.files.push(path.to_string());
    let before = errors.len();
    for raw in parsed.entity {
        if let Some(e) = entity::validate(raw, &src, set, errors) {
            set.entities.push(e);
        }
    }
    for raw in parsed.event {
        if let Some(e) = event::validate(raw, &src, set, errors) {
            set.events.push(e);
        }
    }
    for raw in parsed.exclude {
        if let Some(x) = exclude::validate(raw, &src, set, errors) {
            set.excludes.push(x);
        }
    }
    if let Some(raw) = parsed.sourcing {
        sourcing::validate(raw, &src, &mut set.sourcing, errors);
    }
    if let Some(t) = parsed.typography {
        french::add_typography(t, &src, set, errors);
    }
    if let Some(g) = parsed.grammar {
        french::add_grammar(g, &src, set, errors);
    }
    for raw in parsed.accept {
        if let Some(a) = accept::validate(raw, &src, errors) {
            set.accepts.push(a);
        }
    }
    if errors.len() > before {
        set.files.pop();
    }
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if !dir.is_dir() {
        return Err("rule folder not found".into());
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "toml") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Reports a second use of `id` by a rule family (`what`: "entity",
/// "event"…), pointing at the second one.
pub(crate) fn check_unique_id(
    src: &Source,
    what: &str,
    id: &toml::Spanned<String>,
    first_in: Option<&str>,
    errors: &mut Vec<RuleError>,
) {
    if let Some(file) = first_in {
        let id_text = id.get_ref();
        errors.push(src.error(
            format!("duplicate {what} id `{id_text}`"),
            id.span(),
            "declared again here",
            Some(format!("`{id_text}` is first declared in {file}")),
        ));
    }
}

/// Reports an empty `source`: every reference fact names where it comes from.
pub(crate) fn check_source(
    src: &Source,
    what: &str,
    source: &toml::Spanned<String>,
    errors: &mut Vec<RuleError>,
) {
    if source.get_ref().trim().is_empty() {
        errors.push(src.error(
            format!("{what} has an empty source"),
            source.span(),
            "empty",
            Some("name a public reference an editor can check, e.g. \"Wikipédia (fr), « Pékin »\"".into()),
        ));
    }
}

/// The span of a string value's content inside its quotes, when the TOML
/// text there is exactly the value (no escapes), for pointing inside it.
pub(crate) fn inner_span(text: &str, span: &Range<usize>, value: &str) -> Option<usize> {
    let raw = text.get(span.clone())?;
    for quote in ["'''", "\"\"\"", "'", "\""] {
        if let Some(inner) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote))
            && inner == value
        {
            return Some(span.start + quote.len());
        }
    }
    None
}

#[cfg(test)]
pub(crate) fn parse_for_test(text: &str) -> Result<RuleSet, Vec<RuleError>> {
    let mut set = RuleSet::default();
    let mut errors = Vec::new();
    add_file(&mut set, "rules/test.toml", text, &mut errors);
    check_references(&mut set, &mut errors);
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label_text(text: &str, e: &RuleError) -> String {
        let span = e.span.expect("a span");
        text[span.offset()..span.offset() + span.len()].to_string()
    }

    #[test]
    fn unknown_keys_point_at_the_key() {
        let text = "[[entity]]\nid = \"x\"\nname = \"X Y\"\nkind = \"person\"\nsource = \"s\"\nnmae = \"oops\"\n";
        let errors = parse_for_test(text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("unknown field"),
            "{}",
            errors[0].message
        );
        assert_eq!(label_text(text, &errors[0]), "nmae");
    }

    #[test]
    fn wrong_types_point_at_the_value() {
        let text = "[[entity]]\nid = \"x\"\nname = 3\nkind = \"person\"\nsource = \"s\"\n";
        let errors = parse_for_test(text).unwrap_err();
        assert_eq!(label_text(text, &errors[0]), "3");
    }

    #[test]
    fn unknown_family_is_rejected() {
        let errors = parse_for_test("[[entities]]\nid = \"x\"\n").unwrap_err();
        assert!(errors[0].message.contains("unknown field"));
    }
}

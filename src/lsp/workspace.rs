//! The workspace an editor opens: its `factlint.toml`, rules and corpus,
//! read when the client connects (and again when their files change, on
//! another thread, never on a keystroke), and the one call to the engine
//! that lints a buffer against them — the findings
//! `factlint draft.md --against corpus/` gives.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use factlint::config::{self, Config};
use factlint::corpus::{self, Document};
use factlint::engine::{self, CorpusFacts, Options};
use factlint::extract::{self, CompiledRules};
use factlint::rules::{Entity, RuleError, RuleSet};
use factlint::span::Span;
use factlint::{Diagnostic, Severity};

/// Something the user should hear about a (re)load.
#[derive(Debug)]
pub enum Notice {
    /// For the log only.
    Info(String),
    /// Shown to the user.
    Warning(String),
    Error(String),
}

/// What reading the workspace had to say.
#[derive(Debug, Default)]
pub struct Loading {
    pub notices: Vec<Notice>,
    /// Errors in `factlint.toml` or the rule files, to show in those files.
    pub rule_errors: Vec<RuleError>,
}

/// Where the settings, rules and corpus are read from: all a reading of
/// the workspace needs, cheap to send to another thread.
#[derive(Clone, Debug)]
pub struct Sources {
    root: Option<PathBuf>,
    /// Where the articles are: the root's `corpus/`, else the root.
    corpus_dir: Option<PathBuf>,
    max_file_size: u64,
}

/// One reading of the workspace, made on any thread and installed on the
/// server's.
pub struct Reading {
    /// `None` while the rules or `factlint.toml` have errors.
    settings: Option<Settings>,
    loading: Loading,
}

/// Cheap to clone: a lint on another thread takes the reading in place
/// when it starts, and keeps it while a reload installs the next.
#[derive(Clone)]
pub struct Workspace {
    sources: Sources,
    /// `None` while the rules or `factlint.toml` have errors: like the
    /// command line (exit 2), nothing is checked until they are fixed.
    settings: Option<Arc<Settings>>,
}

/// Everything a lint needs, read once.
struct Settings {
    rules: RuleSet,
    /// The rules compiled once, to find the names of a hovered buffer.
    compiled: CompiledRules,
    options: Options,
    config: Option<Config>,
    corpus: CorpusFacts,
    /// Front matter the buffers lack, from `metadata.toml` beside them.
    sidecars: corpus::Sidecars,
}

impl Workspace {
    /// Reads the workspace at `root` (none: the buffers are linted alone,
    /// with the rules of the working directory, as `factlint --stdin` does).
    pub fn load(root: Option<PathBuf>, max_file_size: u64) -> (Workspace, Loading) {
        let corpus_dir = root.as_ref().map(|r| {
            let corpus = r.join("corpus");
            if corpus.is_dir() { corpus } else { r.clone() }
        });
        let sources = Sources {
            root,
            corpus_dir,
            max_file_size,
        };
        let reading = sources.read();
        let mut workspace = Workspace {
            sources,
            settings: None,
        };
        let loading = workspace.install(reading);
        (workspace, loading)
    }

    /// Where a reading of this workspace reads from.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Puts a reading of [`Workspace::sources`] in place; what it found.
    pub fn install(&mut self, reading: Reading) -> Loading {
        self.settings = reading.settings.map(Arc::new);
        reading.loading
    }
}

impl Sources {
    /// No workspace: nothing to read but the working directory's rules.
    #[cfg(test)]
    pub fn none() -> Sources {
        Sources {
            root: None,
            corpus_dir: None,
            max_file_size: corpus::DEFAULT_MAX_FILE_SIZE,
        }
    }

    /// Reads the settings, rules and corpus: the slow part of a reload
    /// (the whole corpus is read), safe on any thread.
    pub fn read(&self) -> Reading {
        let mut loading = Loading::default();
        let settings = match self.read_settings(&mut loading) {
            Ok(settings) => Some(settings),
            Err(errors) => {
                loading.notices.push(Notice::Error(format!(
                    "factlint: {} in factlint.toml or the rule files; nothing is checked until \
                     they are fixed: {}",
                    plural(errors.len(), "error", "errors"),
                    errors
                        .iter()
                        .map(|e| e.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                )));
                loading.rule_errors = errors;
                None
            }
        };
        Reading { settings, loading }
    }

    /// The configuration, rules and corpus, applied as `lint_drafts` in
    /// main.rs applies them for `--against`.
    fn read_settings(&self, loading: &mut Loading) -> Result<Settings, Vec<RuleError>> {
        let base: Vec<PathBuf> = self.corpus_dir.iter().cloned().collect();
        let config::Settings {
            rules,
            rule_dirs: dirs,
            options,
            config,
        } = config::Settings::resolve(&[], self.max_file_size, &base).map_err(|e| e.errors)?;
        let found = match &self.corpus_dir {
            Some(dir) => match corpus::discover(std::slice::from_ref(dir)) {
                Ok(found) => found,
                Err(e) => {
                    loading
                        .notices
                        .push(Notice::Warning(format!("factlint: corpus: {e}")));
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        let found: Vec<_> = match &config {
            Some(c) => c.without_ignored(found),
            None => found,
        };
        let corpus = CorpusFacts::extract(&found, &rules, &options);
        for d in &corpus.unread {
            loading
                .notices
                .push(Notice::Info(format!("factlint: {}: {}", d.file, d.message)));
        }
        if !corpus.unread.is_empty() {
            loading.notices.push(Notice::Warning(format!(
                "factlint: {} of the corpus could not be read and {} left out (see the log)",
                plural(corpus.unread.len(), "file", "files"),
                if corpus.unread.len() == 1 {
                    "was"
                } else {
                    "were"
                }
            )));
        }
        loading.notices.push(Notice::Info(format!(
            "factlint: {} in {}; rules from {}; {}; configuration: {}",
            plural(corpus.documents.len(), "article", "articles"),
            self.corpus_dir
                .as_ref()
                .map_or("no workspace".into(), |d| d.display().to_string()),
            if dirs.is_empty() {
                "nowhere (no rules/ folder found)".to_string()
            } else {
                dirs.iter()
                    .map(|d| d.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            plural(rules.entities.len(), "entity", "entities"),
            config
                .as_ref()
                .map_or("none".into(), |c| c.path.display().to_string()),
        )));
        let sidecars = options.sidecars();
        Ok(Settings {
            compiled: CompiledRules::new(&rules),
            rules,
            options,
            config,
            corpus,
            sidecars,
        })
    }
}

impl Workspace {
    pub fn max_file_size(&self) -> u64 {
        self.sources.max_file_size
    }

    pub fn root(&self) -> Option<&Path> {
        self.sources.root.as_deref()
    }

    /// The rules, unless they have errors.
    pub fn rules(&self) -> Option<&RuleSet> {
        self.settings.as_ref().map(|s| &s.rules)
    }

    /// Whether a change to the file at `path` changes what a lint sees: an
    /// article of the corpus, a rule file, `factlint.toml`, `metadata.toml`.
    pub fn is_source(&self, path: &Path) -> bool {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if extension.eq_ignore_ascii_case("toml") {
            return true;
        }
        let article = ["txt", "md", "markdown"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(extension));
        article
            && self
                .sources
                .corpus_dir
                .as_ref()
                .is_some_and(|d| path.starts_with(d))
    }

    /// Lints the text of a buffer as a draft against the corpus: the one
    /// call to the engine. `name` is the file the findings are reported
    /// under; `path`, when the buffer is a file, finds its `metadata.toml`
    /// and replaces the corpus's copy of that file.
    pub fn lint(&self, name: &str, path: Option<&Path>, text: &str) -> Vec<Diagnostic> {
        let Some(s) = &self.settings else {
            return Vec::new();
        };
        let max_file_size = self.sources.max_file_size;
        if text.len() as u64 > max_file_size {
            return vec![corpus::file_error(
                name,
                Severity::Error,
                format!(
                    "the buffer is {} bytes, over the limit of {} bytes; not linted (raise it \
                     with `factlint lsp --max-file-size`)",
                    text.len(),
                    max_file_size
                ),
            )];
        }
        // An empty buffer is a file being started, not a file-error.
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Vec::new();
        }
        let text = match corpus::decode(name, text.as_bytes().to_vec()) {
            Ok(text) => text,
            Err(d) => return vec![*d],
        };
        let (mut draft, problem) = Document::from_text(name, text);
        let mut problems: Vec<Diagnostic> = problem.into_iter().collect();
        if let Some(path) = path {
            // A malformed metadata.toml is that file's finding, not the buffer's.
            let _ = s.sidecars.complete(&mut draft, path);
        }
        let mut outcome = engine::run_against_facts(vec![draft], &s.corpus, &s.rules, &s.options);
        if let Some(c) = &s.config {
            c.apply_severity(&mut outcome.diagnostics);
        }
        problems.retain(|d| s.options.keeps(d.kind));
        outcome.diagnostics.extend(problems);
        outcome
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        outcome.diagnostics
    }
}

/// The declared entities named in a buffer's text, with the rules that
/// declare them: for hovers on names nothing flags.
#[derive(Default)]
pub struct DeclaredNames {
    settings: Option<Arc<Settings>>,
    /// The span of each name and its entity's index in the rules.
    mentions: Vec<(Span, usize)>,
}

impl Workspace {
    /// The declared names of a buffer's text, as the extractor reads them
    /// for a lint: as slow as reading the buffer's facts, so never on the
    /// server loop.
    pub fn declared_names(&self, name: &str, text: &str) -> DeclaredNames {
        let mut names = DeclaredNames {
            settings: self.settings.clone(),
            mentions: Vec::new(),
        };
        let Some(s) = &self.settings else {
            return names;
        };
        if text.len() as u64 > self.sources.max_file_size {
            return names;
        }
        let Ok(text) = corpus::decode(name, text.as_bytes().to_vec()) else {
            return names;
        };
        let (doc, _) = Document::from_text(name, text);
        let facts = extract::extract(&doc, &s.rules, &s.compiled);
        names.mentions = facts
            .names
            .iter()
            .filter_map(|m| {
                let form = s.compiled.gazetteer.forms.get(m.form)?;
                Some((m.span, form.entity))
            })
            .collect();
        names
    }
}

impl DeclaredNames {
    /// The declared entity named at byte `offset`, and the span of the name.
    pub fn at(&self, offset: usize) -> Option<(&Entity, Span)> {
        let (span, entity) = self
            .mentions
            .iter()
            .find(|(span, _)| span.start <= offset && offset < span.end)?;
        let rules = &self.settings.as_ref()?.rules;
        Some((rules.entities.get(*entity)?, *span))
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workspace of the repository's own corpus and rules.
    fn seeds() -> Workspace {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        Workspace::load(Some(root), corpus::DEFAULT_MAX_FILE_SIZE).0
    }

    #[test]
    fn a_buffer_is_linted_against_the_corpus_with_related_spans_in_it() {
        let found = seeds().lint("/tmp/brouillon.md", None, "Kim Young-un est arrivé.\n");
        let typo = found
            .iter()
            .find(|d| d.code == "FL101")
            .expect("a name-typo");
        assert_eq!(typo.text, "Kim Young-un");
        assert!(
            typo.related.iter().any(|r| r.file.contains("corpus/")),
            "{:?}",
            typo.related
        );
    }

    #[test]
    fn a_corpus_file_as_a_buffer_replaces_its_copy_on_disk() {
        let ws = seeds();
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/kim-poutine-amour.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        let found = ws.lint(&name, Some(&path), &text);
        // The buffer is compared with the other articles, not with itself:
        // its own "Kim Young-un" is not taken as a corpus spelling.
        let typo = found.iter().find(|d| d.text == "Kim Young-un").unwrap();
        assert!(typo.related.iter().all(|r| r.file != name));
        assert!(found.iter().all(|d| d.file == name));
    }

    #[test]
    fn a_declared_name_is_found_under_an_offset() {
        let ws = seeds();
        let text = "Hier, à Pyongyang, Kim Jong-un a parlé.";
        let at = text.find("Jong").unwrap();
        let names = ws.declared_names("a.md", text);
        let (entity, span) = names.at(at).expect("an entity");
        assert_eq!(entity.name, "Kim Jong-un");
        assert_eq!(&text[span.start..span.end], "Kim Jong-un");
        assert!(names.at(text.find("parlé").unwrap()).is_none());
    }

    #[test]
    fn empty_huge_and_binary_buffers() {
        let ws = Workspace::load(None, 100).0;
        assert!(ws.lint("a.md", None, " \n").is_empty());
        let huge = ws.lint("a.md", None, &"a".repeat(101));
        assert_eq!(huge.len(), 1);
        assert!(huge[0].message.contains("over the limit"));
        let binary = ws.lint("a.md", None, "\0\0text");
        assert_eq!(binary.len(), 1);
        assert!(binary[0].message.contains("binary"));
    }
}

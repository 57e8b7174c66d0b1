//! The pipeline: load → extract → check, in parallel over documents, then
//! the corpus-level checks on the facts of all of them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::checks::{CHECKS, Context, Corpus, NameCensus};
use crate::corpus::{self, Document, Loaded, canonical};
use crate::diagnostic::{Diagnostic, Kind};
use crate::extract::{self, CompiledRules, Facts};
use crate::rules::RuleSet;

/// Which diagnostics to keep, and how large a file may be.
#[derive(Clone, Debug)]
pub struct Options {
    pub max_file_size: u64,
    /// Only these kinds (all when empty).
    pub only: Vec<Kind>,
    /// Never these kinds.
    pub ignore: Vec<Kind>,
    /// Publication dates of articles by canonical path (`factlint.toml`).
    pub publication: std::sync::Arc<std::collections::HashMap<std::path::PathBuf, String>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_file_size: corpus::DEFAULT_MAX_FILE_SIZE,
            only: Vec::new(),
            ignore: Vec::new(),
            publication: Default::default(),
        }
    }
}

impl Options {
    /// Metadata readers for one run: `metadata.toml` files and the
    /// configured publication dates.
    pub fn sidecars(&self) -> corpus::Sidecars {
        corpus::Sidecars::with_dates(self.publication.clone())
    }

    /// Whether findings of `kind` are reported.
    pub fn keeps(&self, kind: Kind) -> bool {
        (self.only.is_empty() || self.only.contains(&kind)) && !self.ignore.contains(&kind)
    }
}

/// The result of a run: how many files were looked at, and the findings in
/// report order (file, then offset).
#[derive(Debug, Default)]
pub struct Outcome {
    pub files_checked: usize,
    pub diagnostics: Vec<Diagnostic>,
}

pub use crate::corpus::Target;

/// Lints files on disk.
pub fn run(targets: &[Target], rules: &RuleSet, options: &Options) -> Outcome {
    crate::extract::speller::Speller::warm_up();
    let compiled = CompiledRules::new(rules);
    let cx = Context {
        rules,
        compiled: &compiled,
    };
    let sidecars = options.sidecars();
    let per_file: Vec<(Option<Facts>, Vec<Diagnostic>)> = targets
        .par_iter()
        .map(|target| match target {
            Ok(path) => match corpus::load_with(path, options.max_file_size, &sidecars) {
                Loaded::Document(doc, problem) => check_document(&doc, problem, &cx),
                Loaded::Failed(d) => (None, vec![d]),
            },
            Err((path, message)) => {
                let d = corpus::file_error(
                    &path.display().to_string(),
                    crate::Severity::Error,
                    format!("cannot read: {message}"),
                );
                (None, vec![d])
            }
        })
        .collect();
    finish(targets.len(), per_file, &cx, options)
}

/// The facts of a corpus as the corpus-level checks compare them, read
/// once and then checked against any number of drafts: a `--against`
/// folder, an index file, the workspace of the language server.
#[derive(Debug, Default)]
pub struct CorpusFacts {
    pub documents: Vec<CorpusDocument>,
    /// Why the files that could not be read were left out.
    pub unread: Vec<Diagnostic>,
}

/// One article of a [`CorpusFacts`].
#[derive(Debug)]
pub struct CorpusDocument {
    /// The canonical path: a draft that is this file replaces it.
    pub path: PathBuf,
    pub facts: Facts,
}

impl CorpusFacts {
    /// Reads the facts of `targets`, in parallel; per-article checks are
    /// not run (a corpus's own slips are not a draft's business).
    pub fn extract(targets: &[Target], rules: &RuleSet, options: &Options) -> CorpusFacts {
        let compiled = CompiledRules::new(rules);
        let sidecars = options.sidecars();
        let read: Vec<Result<CorpusDocument, Box<Diagnostic>>> = targets
            .par_iter()
            .map(|target| match target {
                Ok(path) => match corpus::load_with(path, options.max_file_size, &sidecars) {
                    Loaded::Document(doc, _) => {
                        let mut facts = extract::extract(&doc, rules, &compiled);
                        facts.keep_for_corpus(&compiled.gazetteer);
                        Ok(CorpusDocument {
                            path: canonical(path),
                            facts,
                        })
                    }
                    Loaded::Failed(d) => Err(Box::new(d)),
                },
                Err((path, message)) => Err(Box::new(corpus::file_error(
                    &path.display().to_string(),
                    crate::Severity::Error,
                    format!("cannot read: {message}"),
                ))),
            })
            .collect();
        let mut out = CorpusFacts::default();
        for r in read {
            match r {
                Ok(doc) => out.documents.push(doc),
                Err(d) => out.unread.push(*d),
            }
        }
        out
    }
}

/// Lints `drafts` against the articles of `corpus`: all are checked as
/// one corpus, and only the drafts' findings are kept (their related spans
/// may point into the corpus). A draft that also lies in the corpus is read
/// once, as a draft. Returns the outcome and how many corpus files could
/// not be read (they are left out).
pub fn run_against(
    drafts: Vec<Document>,
    corpus: &[Target],
    rules: &RuleSet,
    options: &Options,
) -> (Outcome, usize) {
    let in_drafts: HashSet<PathBuf> = drafts
        .iter()
        .map(|d| canonical(Path::new(&d.path)))
        .collect();
    let corpus: Vec<Target> = corpus
        .iter()
        .filter(|t| !t.as_ref().is_ok_and(|p| in_drafts.contains(&canonical(p))))
        .cloned()
        .collect();
    let facts = CorpusFacts::extract(&corpus, rules, options);
    (
        run_against_facts(drafts, &facts, rules, options),
        facts.unread.len(),
    )
}

/// The corpus checks alone, over facts read before (an index, or the
/// articles exported by `factlint facts` on many machines): the reduce step
/// of a large run. Suppression comments in the articles still apply.
pub fn run_corpus_checks(corpus: &CorpusFacts, rules: &RuleSet, options: &Options) -> Outcome {
    let compiled = CompiledRules::new(rules);
    let cx = Context {
        rules,
        compiled: &compiled,
    };
    let all: Vec<&Facts> = corpus.documents.iter().map(|d| &d.facts).collect();
    let mut outcome = compare(all.len(), &all, corpus.unread.clone(), &cx, options, false);
    outcome.files_checked += corpus.unread.len();
    outcome
}

/// Lints `drafts` against facts read before (see [`CorpusFacts`]): the
/// per-article checks on the drafts, the corpus checks on the drafts and
/// the corpus together, and only the drafts' findings are kept.
pub fn run_against_facts(
    drafts: Vec<Document>,
    corpus: &CorpusFacts,
    rules: &RuleSet,
    options: &Options,
) -> Outcome {
    let compiled = CompiledRules::new(rules);
    let cx = Context {
        rules,
        compiled: &compiled,
    };
    let per_file: Vec<(Option<Facts>, Vec<Diagnostic>)> = drafts
        .par_iter()
        .map(|doc| check_document(doc, None, &cx))
        .collect();
    let in_drafts: HashSet<PathBuf> = drafts
        .iter()
        .map(|d| canonical(Path::new(&d.path)))
        .collect();
    let draft_files: HashSet<&str> = drafts.iter().map(|d| d.path.as_str()).collect();
    let (draft_facts, diagnostics) = split(per_file);
    let mut all: Vec<&Facts> = draft_facts.iter().collect();
    all.extend(
        corpus
            .documents
            .iter()
            .filter(|d| !in_drafts.contains(&d.path))
            .map(|d| &d.facts),
    );
    let mut outcome = compare(draft_files.len(), &all, diagnostics, &cx, options, true);
    outcome
        .diagnostics
        .retain(|d| draft_files.contains(d.file.as_str()));
    outcome
}

/// Lints documents already in memory (standard input, tests, evaluation).
pub fn run_documents(docs: &[Document], rules: &RuleSet, options: &Options) -> Outcome {
    let compiled = CompiledRules::new(rules);
    let cx = Context {
        rules,
        compiled: &compiled,
    };
    let per_file = docs
        .par_iter()
        .map(|doc| check_document(doc, None, &cx))
        .collect();
    finish(docs.len(), per_file, &cx, options)
}

fn check_document(
    doc: &Document,
    problem: Option<Diagnostic>,
    cx: &Context,
) -> (Option<Facts>, Vec<Diagnostic>) {
    let (mut facts, prose) = extract::read(doc, cx.rules, cx.compiled);
    let mut out: Vec<Diagnostic> = problem.into_iter().collect();
    for check in CHECKS {
        check.check_document(&facts, &prose, cx, &mut out);
    }
    drop(prose);
    cap_findings(&doc.path, &mut out);
    facts.keep_for_corpus(&cx.compiled.gazetteer);
    (Some(facts), out)
}

/// At most this many findings of one kind in one file: past it the file
/// is not prose (a run of quotation marks, a data dump), and reporting
/// every mark would only fill memory.
pub const MAX_FINDINGS_PER_KIND: usize = 1000;

/// Keeps the first [`MAX_FINDINGS_PER_KIND`] findings of each kind of one
/// file, and says how many were left out.
fn cap_findings(path: &str, out: &mut Vec<Diagnostic>) {
    let mut counts: rustc_hash::FxHashMap<Kind, usize> = Default::default();
    for d in out.iter() {
        *counts.entry(d.kind).or_default() += 1;
    }
    if counts.values().all(|&n| n <= MAX_FINDINGS_PER_KIND) {
        return;
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut kept: rustc_hash::FxHashMap<Kind, usize> = Default::default();
    out.retain(|d| {
        let n = kept.entry(d.kind).or_default();
        *n += 1;
        *n <= MAX_FINDINGS_PER_KIND
    });
    let mut over: Vec<(Kind, usize)> = counts
        .into_iter()
        .filter(|&(_, n)| n > MAX_FINDINGS_PER_KIND)
        .collect();
    over.sort();
    for (kind, n) in over {
        out.push(corpus::file_error(
            path,
            crate::Severity::Warning,
            over_cap(kind, n),
        ));
    }
}

/// Drops the findings that `<!-- factlint-disable… -->` comments silence,
/// and warns about comments that silenced nothing or name no kind: a stale
/// suppression would hide the next real slip on its line. Without the
/// per-article findings (`warn` false) a comment cannot be judged unused.
fn apply_suppressions(facts: &[&Facts], diagnostics: &mut Vec<Diagnostic>, warn: bool) {
    let by_file: rustc_hash::FxHashMap<&str, usize> = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.suppressions.is_empty())
        .map(|(i, f)| (f.file.as_str(), i))
        .collect();
    if by_file.is_empty() {
        return;
    }
    let mut used: Vec<Vec<bool>> = facts
        .iter()
        .map(|f| vec![false; f.suppressions.len()])
        .collect();
    diagnostics.retain(|d| {
        if d.kind == Kind::FileError {
            return true;
        }
        let Some(&i) = by_file.get(d.file.as_str()) else {
            return true;
        };
        match facts[i]
            .suppressions
            .iter()
            .position(|s| s.covers(d.kind, d.span.line))
        {
            Some(s) => {
                used[i][s] = true;
                false
            }
            None => true,
        }
    });
    if !warn {
        return;
    }
    for (&file, &i) in &by_file {
        for (s, was_used) in facts[i].suppressions.iter().zip(&used[i]) {
            let unknown = !s.unknown.is_empty();
            let message = if unknown {
                format!(
                    "suppression names no kind: `{}` (see `factlint explain` for the kinds)",
                    s.unknown.join("`, `")
                )
            } else if !was_used {
                let what = if s.kinds.is_empty() {
                    "finding".to_string()
                } else {
                    let names: Vec<&str> = s.kinds.iter().map(|k| k.as_str()).collect();
                    format!("{} finding", names.join(" or "))
                };
                format!("unused suppression: no {what} on the lines it covers; remove it")
            } else {
                continue;
            };
            let d = Diagnostic::new(
                Kind::FileError,
                crate::Severity::Warning,
                file,
                s.span,
                &s.text,
                message,
            );
            // An unused comment can go; a misspelt kind needs its author.
            diagnostics.push(if unknown { d } else { d.with_fix("") });
        }
    }
}

fn finish(
    files_checked: usize,
    per_file: Vec<(Option<Facts>, Vec<Diagnostic>)>,
    cx: &Context,
    options: &Options,
) -> Outcome {
    let (facts, diagnostics) = split(per_file);
    let all: Vec<&Facts> = facts.iter().collect();
    compare(files_checked, &all, diagnostics, cx, options, true)
}

fn split(per_file: Vec<(Option<Facts>, Vec<Diagnostic>)>) -> (Vec<Facts>, Vec<Diagnostic>) {
    let mut facts = Vec::with_capacity(per_file.len());
    let mut diagnostics = Vec::new();
    for (f, d) in per_file {
        facts.extend(f);
        diagnostics.extend(d);
    }
    (facts, diagnostics)
}

/// The corpus checks over `facts`, then suppressions, filters and report
/// order.
/// How many files are read at once by [`read_each`]: enough to keep both
/// cores busy, few enough that what they give is never the whole corpus.
const READ_CHUNK: usize = 32;

/// Reads each article of `targets` whole (for `factlint facts`: no checks
/// run, nothing trimmed for the corpus), turns it into a `T` with `view`,
/// in parallel a chunk at a time, and hands the results to `each` in
/// target order. A file that cannot be read comes as its `file-error`; a
/// front matter or `metadata.toml` warning comes before the file's view.
/// Stops at the first error `each` returns.
pub fn read_each<T: Send, E>(
    targets: &[Target],
    rules: &RuleSet,
    options: &Options,
    view: impl Fn(&Document, Facts, &extract::Prose, &CompiledRules) -> T + Sync,
    mut each: impl FnMut(Result<T, Diagnostic>) -> Result<(), E>,
) -> Result<(), E> {
    let compiled = CompiledRules::new(rules);
    let sidecars = options.sidecars();
    for chunk in targets.chunks(READ_CHUNK) {
        let read: Vec<Vec<Result<T, Diagnostic>>> = chunk
            .par_iter()
            .map(|target| match target {
                Ok(path) => match corpus::load_with(path, options.max_file_size, &sidecars) {
                    Loaded::Document(doc, problem) => {
                        let (facts, prose) = extract::read(&doc, rules, &compiled);
                        let mut out: Vec<Result<T, Diagnostic>> =
                            problem.into_iter().map(Err).collect();
                        out.push(Ok(view(&doc, facts, &prose, &compiled)));
                        out
                    }
                    Loaded::Failed(d) => vec![Err(d)],
                },
                Err((path, message)) => vec![Err(corpus::file_error(
                    &path.display().to_string(),
                    crate::Severity::Error,
                    format!("cannot read: {message}"),
                ))],
            })
            .collect();
        for result in read.into_iter().flatten() {
            each(result)?;
        }
    }
    Ok(())
}

/// The findings of the event checks (date, place, participants, figures)
/// on facts read before, unfiltered and unsuppressed: what `factlint
/// facts --event` marks as disagreements, by the same rules as the lint.
pub fn event_findings(
    facts: &[&Facts],
    rules: &RuleSet,
    compiled: &CompiledRules,
) -> Vec<Diagnostic> {
    const EVENT_KINDS: [Kind; 4] = [
        Kind::DateContradiction,
        Kind::LocationContradiction,
        Kind::ParticipantContradiction,
        Kind::NumberContradiction,
    ];
    let cx = Context { rules, compiled };
    let corpus = Corpus::with_census(&cx, facts, NameCensus::default());
    let mut out = Vec::new();
    for check in CHECKS.iter().filter(|c| EVENT_KINDS.contains(&c.kind())) {
        check.check_corpus(&corpus, &mut out);
    }
    out
}

fn compare(
    files_checked: usize,
    facts: &[&Facts],
    mut diagnostics: Vec<Diagnostic>,
    cx: &Context,
    options: &Options,
    warn_unused: bool,
) -> Outcome {
    let corpus = Corpus::new(cx, facts);
    for check in CHECKS {
        check.check_corpus(&corpus, &mut diagnostics);
    }
    apply_suppressions(facts, &mut diagnostics, warn_unused);
    diagnostics.retain(|d| options.keeps(d.kind));
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup_by(|a, b| a.sort_key() == b.sort_key());
    cap_corpus_findings(&mut diagnostics);
    Outcome {
        files_checked,
        diagnostics,
    }
}

/// The cap of [`cap_findings`] over the findings of the corpus checks too
/// (a file of 100,000 capitalized words judged corpus-wide): `sorted` is
/// in report order and stays so.
fn cap_corpus_findings(sorted: &mut Vec<Diagnostic>) {
    let mut counts: rustc_hash::FxHashMap<(&str, Kind), usize> = Default::default();
    for d in sorted.iter() {
        *counts.entry((d.file.as_str(), d.kind)).or_default() += 1;
    }
    let over: Vec<(String, Kind, usize)> = counts
        .into_iter()
        .filter(|&(_, n)| n > MAX_FINDINGS_PER_KIND)
        .map(|((file, kind), n)| (file.to_string(), kind, n))
        .collect();
    if over.is_empty() {
        return;
    }
    let mut kept: rustc_hash::FxHashMap<(String, Kind), usize> = Default::default();
    sorted.retain(|d| {
        let n = kept.entry((d.file.clone(), d.kind)).or_default();
        *n += 1;
        *n <= MAX_FINDINGS_PER_KIND
    });
    for (file, kind, n) in over {
        // The per-article cap may have said it already.
        let prefix = format!("more than {MAX_FINDINGS_PER_KIND} {kind} findings");
        let said = sorted
            .iter()
            .any(|d| d.file == file && d.kind == Kind::FileError && d.message.starts_with(&prefix));
        if !said {
            sorted.push(corpus::file_error(
                &file,
                crate::Severity::Warning,
                over_cap(kind, n),
            ));
        }
    }
    sorted.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// The warning that says a file had more findings of `kind` than reported.
fn over_cap(kind: Kind, n: usize) -> String {
    format!(
        "more than {MAX_FINDINGS_PER_KIND} {kind} findings ({n} or more): only the \
         first {MAX_FINDINGS_PER_KIND} are reported; is this file prose?"
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::rules::parse_for_test;

    /// Lints in-memory articles with rules given as TOML text.
    pub(crate) fn lint_texts(rules: &str, files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let rules = parse_for_test(rules).unwrap_or_else(|e| panic!("bad test rules: {e:?}"));
        let docs: Vec<Document> = files
            .iter()
            .map(|(path, text)| Document::from_text(path, text.to_string()).0)
            .collect();
        run_documents(&docs, &rules, &Options::default()).diagnostics
    }

    /// The [`summary`] of the findings of one kind on one article.
    pub(crate) fn lint_kind(rules: &str, text: &str, kind: Kind) -> String {
        let diags = lint_texts(rules, &[("a.txt", text)]);
        let kept: Vec<_> = diags.into_iter().filter(|d| d.kind == kind).collect();
        summary(&kept)
    }

    /// Where each diagnostic is: (file, flagged text).
    pub(crate) fn places(diags: &[Diagnostic]) -> Vec<(&str, &str)> {
        diags
            .iter()
            .map(|d| (d.file.as_str(), d.text.as_str()))
            .collect()
    }

    /// One line per diagnostic: "kind text -> suggestion".
    pub(crate) fn summary(diags: &[Diagnostic]) -> String {
        diags
            .iter()
            .map(|d| {
                format!(
                    "{} {} -> {}",
                    d.kind,
                    d.text,
                    d.suggestion.as_deref().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_file_of_marks_reports_a_bounded_number_of_findings() {
        let rules = "[typography]\nsource = \"s\"\nspace_before = [{ mark = \"?\", insert = \"\\u202F\" }]\n";
        let text = "mot? ".repeat(MAX_FINDINGS_PER_KIND + 50);
        let diags = lint_texts(rules, &[("a.txt", &text)]);
        let typography = diags.iter().filter(|d| d.kind == Kind::Typography).count();
        assert_eq!(typography, MAX_FINDINGS_PER_KIND);
        let notes: Vec<_> = diags.iter().filter(|d| d.kind == Kind::FileError).collect();
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].message.contains("is this file prose?"),
            "{}",
            notes[0].message
        );
    }

    #[test]
    fn suppressions_silence_their_lines_and_unused_ones_are_reported() {
        let rules =
            "[[entity]]\nid = \"p\"\nname = \"Poutine\"\nkind = \"person\"\nsource = \"s\"\n";
        let text = "<!-- factlint-disable-next-line name-case -->\npoutine\npoutine\n\
                    <!-- factlint-disable-next-line name-typo -->\nPoutine\n\
                    <!-- factlint-disable-next-line name-cases -->\nPoutine\n";
        let diags = lint_texts(rules, &[("a.md", text)]);
        let got: Vec<(Kind, usize)> = diags.iter().map(|d| (d.kind, d.span.line)).collect();
        assert_eq!(
            got,
            vec![
                (Kind::NameCase, 3),
                (Kind::FileError, 4),
                (Kind::FileError, 6)
            ],
            "{}",
            summary(&diags)
        );
        assert!(diags[1].message.starts_with("unused suppression"));
        assert!(diags[1].safe_fix);
        assert!(diags[2].message.contains("`name-cases`"));
        assert!(!diags[2].safe_fix);
    }

    #[test]
    fn a_draft_against_corpus_facts_gets_the_findings_of_a_whole_run() {
        let dir = tempfile::tempdir().unwrap();
        let rules = parse_for_test(
            "[[entity]]\nid = \"k\"\nname = \"Kim Jong-un\"\nkind = \"person\"\nsource = \"s\"\n",
        )
        .unwrap();
        let corpus_file = dir.path().join("a.md");
        std::fs::write(&corpus_file, "Kim Jong-un parle. Kim Jong-un rit.\n").unwrap();
        let draft_text = "Kim Young-un arrive. kim jong-un part.\n";
        let draft = || Document::from_text("draft.md", draft_text.into()).0;
        let targets = vec![Ok(corpus_file.clone())];
        let facts = CorpusFacts::extract(&targets, &rules, &Options::default());
        assert_eq!(facts.documents.len(), 1);
        let against = run_against_facts(vec![draft()], &facts, &rules, &Options::default());
        let mut whole = run_documents(
            &[
                draft(),
                Document::from_text(
                    &corpus_file.display().to_string(),
                    std::fs::read_to_string(&corpus_file).unwrap(),
                )
                .0,
            ],
            &rules,
            &Options::default(),
        );
        whole.diagnostics.retain(|d| d.file == "draft.md");
        assert_eq!(summary(&against.diagnostics), summary(&whole.diagnostics));
        assert!(summary(&against.diagnostics).contains("name-typo Kim Young-un"));
        assert_eq!(against.files_checked, 1);
        // The draft replaces its own file in the corpus: no self-comparison.
        let same =
            Document::from_text(&corpus_file.display().to_string(), "Kim Jong-Un.\n".into()).0;
        let out = run_against_facts(vec![same], &facts, &rules, &Options::default());
        assert!(
            out.diagnostics
                .iter()
                .all(|d| d.file == corpus_file.display().to_string())
        );
    }

    #[test]
    fn the_corpus_checks_alone_give_a_whole_run_s_cross_article_findings() {
        let dir = tempfile::tempdir().unwrap();
        let rules = parse_for_test(
            "[[entity]]\nid = \"k\"\nname = \"Kim Jong-un\"\nkind = \"person\"\nsource = \"s\"\n",
        )
        .unwrap();
        let files = [
            ("a.md", "Kim Jong-un parle.\n"),
            (
                "b.md",
                "Kim Young-un parle .\n<!-- factlint-disable-next-line name-typo -->\nKim Jong-Un.\n",
            ),
        ];
        let mut targets = Vec::new();
        let mut docs = Vec::new();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            docs.push(Document::from_text(&path.display().to_string(), text.into()).0);
            targets.push(Ok(path));
        }
        let facts = CorpusFacts::extract(&targets, &rules, &Options::default());
        let corpus_only = run_corpus_checks(&facts, &rules, &Options::default());
        let whole = run_documents(&docs, &rules, &Options::default());
        let cross: Vec<Diagnostic> = whole
            .diagnostics
            .into_iter()
            .filter(|d| matches!(d.kind, Kind::NameTypo | Kind::NameVariant))
            .collect();
        assert_eq!(summary(&corpus_only.diagnostics), summary(&cross));
        assert!(
            summary(&cross).contains("name-typo Kim Young-un"),
            "{}",
            summary(&cross)
        );
        assert_eq!(corpus_only.files_checked, 2);
    }

    #[test]
    fn filters_keep_and_drop_kinds() {
        let rules =
            "[[entity]]\nid = \"p\"\nname = \"Poutine\"\nkind = \"person\"\nsource = \"s\"\n";
        let docs = vec![Document::from_text("a.txt", "poutine".into()).0];
        let rules = parse_for_test(rules).unwrap();
        let all = run_documents(&docs, &rules, &Options::default());
        assert_eq!(all.diagnostics.len(), 1);
        let options = Options {
            ignore: vec![Kind::NameCase],
            ..Options::default()
        };
        assert!(
            run_documents(&docs, &rules, &options)
                .diagnostics
                .is_empty()
        );
    }
}

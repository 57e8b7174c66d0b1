//! Fuzz targets: one function per input format, taking any bytes. The
//! promise they check is factlint's own: bad input never panics or hangs.
//!
//! The same functions run under libFuzzer (`fuzz/fuzz_targets/`, with
//! `cargo +nightly fuzz run NAME`) and in the seeded smoke run of
//! `cargo test` (`tests/fuzz_smoke.rs`), so a crash found by one replays
//! in the other. [`seeds`] gives each target's starting inputs, taken from
//! the repository's own files.
//!
//! A target returns normally on any input; a panic is a bug. Beyond not
//! panicking, a few promises of the README are asserted where checking
//! them is cheap: findings point at exact spans of the file, the JSON
//! report is JSON, the GitHub format is one line per finding, and a fix
//! never adds or removes a line break.

mod article;
mod facts;
pub mod seeds;

use std::io::Cursor;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use miette::{GraphicalReportHandler, GraphicalTheme};

use crate::config;
use crate::corpus;
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::engine::{self, CorpusFacts, Options};
use crate::extract::CompiledRules;
use crate::lsp_transport::transport::{FrameReader, Incoming};
use crate::rules::{self, RuleSet};
use crate::span::Span;

pub use article::{article_pipeline, front_matter};
pub use facts::{fact_export, fact_index};

/// A fuzz target: returns on any input, panics on a bug.
pub type FuzzTarget = fn(&[u8]);

/// Every target by name: the names of `fuzz/fuzz_targets/*.rs`.
pub const TARGETS: &[(&str, FuzzTarget)] = &[
    ("article_pipeline", article_pipeline),
    ("rules_file", rules_file),
    ("config_file", config_file),
    ("front_matter", front_matter),
    ("fact_export", fact_export),
    ("fact_index", fact_index),
    ("lsp_message", lsp_message),
];

/// The repository, for the bundled rules, corpus and seed files.
pub fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What every input is checked with, read once per process: the bundled
/// rules and the facts of the bundled corpus (drafts are checked against
/// it, as `--against corpus/` does).
struct Bundle {
    rules: RuleSet,
    compiled: CompiledRules,
    rules_fingerprint: String,
    options: Options,
    corpus: CorpusFacts,
    /// The corpus articles' texts, by the file name their findings give.
    texts: Vec<(String, Arc<String>)>,
}

/// Loads what the targets share (the bundled rules, the French dictionary,
/// the bundled corpus's facts) before the first input: the fuzzers time
/// each input, and this load is no input's doing.
pub fn prepare() {
    bundle();
    crate::extract::speller::Speller::warm_up();
}

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let rules = rules::load(&[repository().join("rules")])
            .unwrap_or_else(|e| panic!("the bundled rules load: {e:?}"));
        let options = Options::default();
        let found = corpus::discover(&[repository().join("corpus")])
            .unwrap_or_else(|e| panic!("the bundled corpus is there: {e}"));
        let texts = found
            .iter()
            .filter_map(|t| t.as_ref().ok())
            .filter_map(|p| {
                Some((
                    p.display().to_string(),
                    Arc::new(std::fs::read_to_string(p).ok()?),
                ))
            })
            .collect();
        Bundle {
            compiled: CompiledRules::new(&rules),
            rules_fingerprint: crate::fact_index::rules_fingerprint(&rules.files),
            corpus: CorpusFacts::extract(&found, &rules, &options),
            texts,
            rules,
            options,
        }
    })
}

impl Bundle {
    /// The text of a corpus article named `file` in a finding: by its path,
    /// else by its file name (facts read back from an export or an index
    /// name files as the machine that wrote them did).
    fn text_of(&self, file: &str) -> Option<Arc<String>> {
        let name = Path::new(file).file_name()?;
        self.texts
            .iter()
            .find(|(path, _)| path == file)
            .or_else(|| {
                self.texts
                    .iter()
                    .find(|(path, _)| Path::new(path).file_name() == Some(name))
            })
            .map(|(_, text)| text.clone())
    }
}

/// A short article to lint with rules or corpus facts read from the input:
/// the opening of a bundled one, which names people, places and an event.
fn sample_article() -> &'static str {
    static SAMPLE: OnceLock<String> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let text = std::fs::read_to_string(repository().join("corpus/poutine-pyongyang.txt"))
            .expect("the bundled corpus is there");
        text.split_inclusive('\n').take(10).collect()
    })
}

/// Bytes as a rule file (`rules/*.toml`) of a rule folder of its own: its
/// errors are rendered as the command line renders them; rules that load
/// are compiled and lint a short article.
pub fn rules_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return; // the command line stops at reading such a file
    };
    match rules::from_texts([("rules/fuzz.toml", text)]) {
        Ok(set) => {
            let (doc, _) = corpus::Document::from_text("sample.txt", sample_article().into());
            let outcome = engine::run_documents(&[doc], &set, &Options::default());
            render_reports(outcome.files_checked, &outcome.diagnostics, &|_| {
                Some(Arc::new(sample_article().to_string()))
            });
        }
        Err(errors) => render_miette(&errors),
    }
}

/// Bytes as a `factlint.toml`: its errors are rendered; settings that
/// parse are applied as a run applies them.
pub fn config_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match config::parse(Path::new("fuzz/factlint.toml"), text) {
        Ok(config) => {
            for path in ["fuzz/a.md", "fuzz/brouillons/b.txt", "c.old.md", "/"] {
                config.ignores(Path::new(path));
            }
            let mut all: Vec<Diagnostic> = Kind::ALL
                .iter()
                .map(|&k| Diagnostic::new(k, Severity::Info, "a.md", Span::FILE, "", "m".into()))
                .collect();
            config.apply_severity(&mut all);
            let mut options = Options::default();
            options.ignore.extend(config.disable.iter().copied());
            all.retain(|d| options.keeps(d.kind));
            for date in config.publication.values() {
                let meta = corpus::Meta {
                    date: Some(date.clone()),
                    ..corpus::Meta::default()
                };
                meta.publication();
            }
        }
        Err(errors) => render_miette(&errors),
    }
}

/// The frame reader's limit in [`lsp_message`]: small, so that the path
/// of a frame too big to buffer is reached by short inputs too.
const LSP_MAX_BODY: usize = 2048;

/// Bytes as what an editor sends the language server on standard input:
/// every message and answer the reader gives is written back out.
pub fn lsp_message(data: &[u8]) {
    let mut reader = FrameReader::new(Cursor::new(data), LSP_MAX_BODY);
    while let Some(incoming) = reader.next_incoming() {
        let mut out = Vec::new();
        match incoming {
            Incoming::Message(m) => m.write(&mut out),
            Incoming::Answer(a) => serde_json::to_writer(&mut out, &a).map_err(Into::into),
        }
        .expect("writing to memory cannot fail");
    }
}

/// Renders a miette diagnostic narrow and wide, as a terminal would.
fn render_miette(diagnostic: &dyn miette::Diagnostic) {
    for width in [24, 200] {
        let handler =
            GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_width(width);
        let mut out = String::new();
        handler
            .render_report(&mut out, diagnostic)
            .expect("rendering to a string cannot fail");
    }
}

/// Renders `diagnostics` in every report format, checking what each
/// format promises about its shape.
fn render_reports(
    files_checked: usize,
    diagnostics: &[Diagnostic],
    source: &dyn Fn(&str) -> Option<Arc<String>>,
) {
    use crate::report::{github, human, json, sarif, statistics};
    for color in [false, true] {
        human::render(files_checked, diagnostics, source, color);
    }
    let report = json::render(files_checked, diagnostics);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&report) {
        panic!("the JSON report is not JSON ({e}):\n{report}");
    }
    let mut out = Vec::new();
    sarif::write(&mut out, diagnostics).expect("writing to memory cannot fail");
    out.clear();
    github::write(&mut out, diagnostics).expect("writing to memory cannot fail");
    let lines = out.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(
        lines,
        diagnostics.len(),
        "the GitHub format is one line per finding:\n{}",
        String::from_utf8_lossy(&out)
    );
    out.clear();
    statistics::write(&mut out, files_checked, diagnostics).expect("writing to memory cannot fail");
}

/// Asserts that the findings about `file` point into `text` at character
/// boundaries: reports and editors slice the text with them.
fn assert_spans_fit(file: &str, text: &str, diagnostics: &[Diagnostic]) {
    let spans = diagnostics.iter().flat_map(|d| {
        let related = d.related.iter().map(|r| (&r.file, r.span));
        std::iter::once((&d.file, d.span)).chain(related)
    });
    for (f, span) in spans.filter(|(f, _)| *f == file) {
        let fits = span.start <= span.end
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        assert!(fits, "a span of {f} that does not fit its text: {span:?}");
    }
}

//! The `factlint` command: a thin layer that parses the command line, calls
//! the library and prints. Exit codes: 0 clean, 1 findings at or above the
//! threshold (with `--diff`: something to fix), 2 usage or configuration
//! error.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use factlint::corpus::{self, Loaded};
use factlint::engine::{self, Options, Target};
use factlint::fact_index::{FactIndex, Inputs, PathsShown};
use factlint::report::{self, SourceCache, human, json};
use factlint::{Diagnostic, Kind, Severity, checks, config, eval, fix, output, rules};

mod lsp;

const AFTER_HELP: &str = "\
Exit codes: 0 nothing at or above the threshold (errors; --deny warnings \
lowers it), 1 findings at or above it, 2 usage or configuration error, or \
a report that could not be written (a closed pipe is not an error). \
With --diff: 0 nothing to fix, 1 fixes to apply. With --fix: from what \
remains after the fixes (a file that could not be rewritten is a file-error).

Rules: every *.toml file under rules/ inside the linted folder, beside it, \
or in the working directory (the first that exists), or under each --rules DIR.

Examples:
  factlint corpus/                         lint a folder, human report
  factlint corpus/ --format json -o r.json write the JSON report
  factlint corpus/ --deny warnings         fail CI on warnings too
  factlint corpus/ --diff                  show the safe fixes, write nothing
  factlint corpus/ --fix                   apply them, then report what remains
  factlint draft.md --against corpus/      check a draft against the corpus
  factlint index corpus/ -o facts.idx      keep the corpus's facts for quick
  factlint draft.md --against facts.idx      draft checks
  factlint facts corpus/                   every fact factlint read, as JSON lines
  factlint facts corpus/ --event ID        what each article says of one event
  factlint explain name-typo               what a kind means and how to fix it";

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "Cross-check news articles: names, dates, places, people and figures, with exact file spans",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    lint: LintArgs,
}

#[derive(clap::Args)]
struct LintArgs {
    /// Files and folders to lint; folders are searched recursively for .txt,
    /// .md and .markdown files (a file named twice is linted once)
    /// [default: corpus].
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Print how many findings of each kind were found, instead of the
    /// findings (the exit code is the same).
    #[arg(long)]
    statistics: bool,

    /// Write the report to FILE instead of standard output (never over a
    /// file the run reads: an article, a rule file...).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    rules: RulesArg,

    /// Exit with 1 on findings of this severity or above (default: errors).
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,

    /// Report only these kinds or codes (repeatable; comma-separated).
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    kind: Vec<Kind>,

    /// Never report these kinds or codes (repeatable; comma-separated).
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    ignore: Vec<Kind>,

    /// Skip files larger than this many bytes, with a file-error.
    #[arg(long, value_name = "BYTES", default_value_t = corpus::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,

    /// When to colour the human report.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,

    /// Apply the safe fixes (house spellings of names, typography) to the
    /// files, each rewritten atomically, then report the findings that
    /// remain. Nothing is ever written without this flag.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,

    /// Print the safe fixes as a unified diff instead of the report, and
    /// write nothing; exit 1 when there is something to fix, 0 when not.
    #[arg(long)]
    diff: bool,

    /// Check the drafts (the PATHs, or standard input) against the articles
    /// of DIR, or against an index written by `factlint index` (milliseconds
    /// instead of a re-read of the corpus; refused once stale): names and
    /// facts are compared with the whole corpus, and only the drafts'
    /// findings are reported (citing the corpus where it disagrees). Rules
    /// are found beside DIR (or the indexed corpus) unless --rules is given.
    #[arg(long, value_name = "DIR|INDEX", conflicts_with_all = ["fix", "diff"])]
    against: Option<PathBuf>,

    /// Read one draft from standard input (for editors and scripts); give
    /// its name with --stdin-filename and the corpus with --against.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    stdin: bool,

    /// The file name the draft read from standard input is reported under;
    /// its extension decides how front matter is read.
    #[arg(long, value_name = "NAME", default_value = "stdin.md")]
    stdin_filename: String,
}

#[derive(clap::Args)]
struct RulesArg {
    /// Load rules from DIR instead of the default rules/ folder
    /// (repeatable: all the folders are loaded).
    #[arg(long = "rules", value_name = "DIR")]
    dirs: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print what a diagnostic kind (or code) means, an example and the fix;
    /// without KIND, list every kind.
    Explain {
        /// A kind such as name-typo, or a code such as FL101.
        kind: Option<String>,
    },
    /// List the loaded rules with the files they come from.
    Rules {
        /// A folder whose rules/ to list (default: the working directory's).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        rules: RulesArg,
    },
    /// Read the facts of a corpus into an index file, so that drafts are
    /// checked against it (`--against FILE`) without re-reading the
    /// articles. The index is refused once an article, the rules or
    /// factlint.toml change: rebuild it then (CI can rebuild it on every
    /// merge).
    #[command(
        after_help = "Example:\n  factlint index corpus/ -o facts.idx\n  factlint draft.md --against facts.idx"
    )]
    Index {
        /// The corpus folders (or files) to index.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the index (written whole or not at all).
        #[arg(long, short = 'o', value_name = "FILE", default_value = "facts.idx")]
        output: PathBuf,
        #[command(flatten)]
        rules: RulesArg,
        /// Skip files larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = corpus::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
    /// Print every fact factlint read from the articles (dates, names,
    /// event mentions, quotes, attributions, claims, figures), or what every
    /// article says about one event or entity, side by side.
    #[command(after_long_help = FACTS_HELP)]
    Facts(FactsArgs),
    /// Run the cross-article checks on facts exported by `factlint facts`
    /// (with --facts: the reduce step of a run split over many machines),
    /// or lint PATHs as `factlint PATH` does.
    #[command(after_help = CHECK_HELP)]
    Check {
        /// Read the PATHs as fact exports (`factlint facts` jsonl or json),
        /// not as articles.
        #[arg(long)]
        facts: bool,
        #[command(flatten)]
        lint: LintArgs,
    },
    /// Score the linter on an annotated evaluation set: precision and
    /// recall per kind.
    Eval {
        /// Folder holding articles/ and expected.toml.
        #[arg(default_value = "tests/eval")]
        dir: PathBuf,
        #[command(flatten)]
        rules: RulesArg,
        /// Also list every false positive and false negative.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Run a Language Server on standard input and output, for editors.
    #[command(long_about = LSP_ABOUT, after_help = LSP_AFTER_HELP)]
    Lsp {
        /// Lint no buffer larger than this many bytes (it gets one
        /// file-error instead).
        #[arg(long, value_name = "BYTES", default_value_t = corpus::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
    },
}

const FACTS_HELP: &str = "\
Records (--format jsonl, the default: one JSON object a line; json: one \
array; table: aligned, for reading). Every record has \"kind\", \"file\" and \
\"span\" {start, end, line, column} (byte offsets; 1-based line, column in \
characters), and they come file by file, in span order:

  date         text, value (TIMEX3, below), mod (START|MID|END: \"début\", \"mi-\",
               \"fin\"), granularity, form (absolute|partial|relative|range|bound),
               anchor (absolute|publication|dateline|earlier-date|none),
               anchor_date, days {first, last} (null when unresolved),
               dateline (true on the dateline's own date)
  name         text, entity (rule id) and canonical (house form), null for a
               capitalized name no rule declares; fit, form, similarity
  event        text (the trigger word), event (rule id), name, attributes
               {date, place, participants, numbers}, each with its span
  anniversary  text, ordinal, event, year, year_from
  quote        text, speaker {text, named, span} or null
  attribution  text, source, vague
  claim        text (a check-worthy assertion), sourced
  number       text, value, unit, approximate
  file-error   severity, message (a file that could not be read)

Date values (TimeML TIMEX3):
  2024-06-19   a day (\"19 juin 2024\"; \"mercredi\", \"hier\" once anchored)
  2024-06      a month          2024-W25   an ISO week (\"la semaine dernière\")
  2024-SU      a season (SP, SU, FA, WI; winter takes the year it starts in)
  2024         a year           195        a decade (\"les années 1950\")
  {\"from\": \"2024-06-18\", \"to\": \"2024-06-19\"}   a range
  XXXX-06-18, XXXX-WXX-3, XXXX-04   what the text says when nothing anchors it

Relative dates are anchored on the publication date (front matter, \
metadata.toml, factlint.toml) or, when none is given, on a dateline in the \
first lines (\"Pyongyang, 19 juin 2024 —\", \"Publié le 19 juin 2024\").

--event ID: one row per article that speaks of the event (date, place, \
participants, figures), the reference facts of rules/events.toml on top, \
statements the event checks flag marked ✗. --entity ID: one row per article \
that names the entity, its spellings with counts, and near misses. \
Unknown ID: exit 2 with the known (or closest) IDs.

Exit codes: 0 read, 1 a file could not be read (its file-error is in the \
output), 2 usage or configuration error.

Examples:
  factlint facts corpus/                          every fact, JSON lines
  factlint facts corpus/kim-poutine-amour.txt --format table
  factlint facts corpus/ --event sommet-vostotchny-2023   the event, article by article
  factlint facts corpus/ --entity kim-jong-un --format json";

#[derive(clap::Args)]
struct FactsArgs {
    /// Files and folders to read (as for the lint) [default: corpus].
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// jsonl (one record a line), json (one array), or table; with
    /// --event or --entity the default is table (json: the table as JSON,
    /// jsonl: the same on one line).
    #[arg(long, value_enum)]
    format: Option<FactsFormat>,

    /// What every article says about the event of rules/events.toml with
    /// this id.
    #[arg(long, value_name = "ID", conflicts_with = "entity")]
    event: Option<String>,

    /// How every article spells the entity of the rules with this id.
    #[arg(long, value_name = "ID")]
    entity: Option<String>,

    /// For the sentences on one line of an article: the events its words
    /// could name, the evidence for each, each fact's attachment and why,
    /// what would be reported, and what would make it link (text, or
    /// --format json).
    #[arg(long, value_name = "PATH:LINE", conflicts_with_all = ["event", "entity"])]
    why: Option<String>,

    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    rules: RulesArg,

    /// Skip files larger than this many bytes, with a file-error.
    #[arg(long, value_name = "BYTES", default_value_t = corpus::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,

    /// When to colour the tables.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FactsFormat {
    Jsonl,
    Json,
    Table,
}

const LSP_ABOUT: &str = "\
Run a Language Server (LSP) on standard input and output, for editors.

The buffer being edited is checked as a draft against the workspace's \
corpus, exactly as `factlint draft.md --against corpus/` would check it: \
when it is opened, when it is saved, and 300 ms after the last keystroke. \
Findings become diagnostics (code FL101…, related places in the corpus); \
suggestions become quick fixes (the safe fix preferred); hovering a finding \
shows what the corpus and the rules say.

The workspace is the editor's root folder: its factlint.toml (found by \
walking up), its rules/ and its corpus/ folder (else the articles under \
the root), read once at start and again when those files change or are \
saved. Without a root, buffers are linted alone with the rules/ of the \
working directory.";

const LSP_AFTER_HELP: &str = "\
Editors start it as `factlint lsp`; see README.md, \"In your editor\", for \
Neovim, VS Code and Helix. It speaks JSON-RPC on standard input and output \
and is not meant to be run by hand.";

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// miette diagnostics with a snippet of the article.
    Human,
    /// The JSON report (version 1, see README).
    Json,
    /// SARIF 2.1.0, for code scanning and review tools.
    Sarif,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    Warnings,
    Info,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => lint(cli.lint),
        Some(Command::Explain { kind }) => explain(kind.as_deref()),
        Some(Command::Rules { paths, rules }) => list_rules(&paths, &rules),
        Some(Command::Index {
            paths,
            output,
            rules,
            max_file_size,
        }) => build_index(&paths, &output, &rules, max_file_size),
        Some(Command::Facts(args)) => facts(args),
        Some(Command::Check {
            facts: true,
            lint: args,
        }) => check_facts(args),
        Some(Command::Check {
            facts: false,
            lint: args,
        }) => lint(args),
        Some(Command::Eval {
            dir,
            rules,
            verbose,
        }) => evaluate(&dir, &rules, verbose),
        Some(Command::Lsp { max_file_size }) => return lsp::run(max_file_size),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("factlint: error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Config(errors)) => {
            for error in errors.errors {
                eprintln!("{:?}", miette::Report::new(error));
            }
            eprintln!("factlint: the rule files have errors; nothing was checked");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    Usage(String),
    Config(rules::RuleErrors),
}

fn load_rules(targets: &[PathBuf], arg: &RulesArg) -> Result<rules::RuleSet, Failure> {
    let dirs = if arg.dirs.is_empty() {
        rules::default_dirs(targets)
    } else {
        arg.dirs.clone()
    };
    rules::load(&dirs).map_err(Failure::Config)
}

/// The rules, options and `factlint.toml` of a run over `base`: the
/// configuration found from `base`, under the command line's options.
fn settings(
    args: &LintArgs,
    base: &[PathBuf],
) -> Result<(rules::RuleSet, Options, Option<config::Config>), Failure> {
    let (rules, mut options, config) = settings_for(&args.rules, args.max_file_size, base)?;
    options.only = args.kind.clone();
    options.ignore.extend(args.ignore.iter().copied());
    Ok((rules, options, config))
}

/// [`settings`] without the command line's kind filters.
fn settings_for(
    rules_arg: &RulesArg,
    max_file_size: u64,
    base: &[PathBuf],
) -> Result<(rules::RuleSet, Options, Option<config::Config>), Failure> {
    let s =
        config::Settings::resolve(&rules_arg.dirs, max_file_size, base).map_err(Failure::Config)?;
    Ok((s.rules, s.options, s.config))
}

/// `factlint index`: reads the corpus once and writes its facts.
fn build_index(
    paths: &[PathBuf],
    output: &Path,
    rules_arg: &RulesArg,
    max_file_size: u64,
) -> Result<ExitCode, Failure> {
    let (rules, options, config) = settings_for(rules_arg, max_file_size, paths)?;
    let found = corpus::discover(paths).map_err(|e| Failure::Usage(e.to_string()))?;
    // check_output refuses any file that is not an index; an index given
    // as a PATH is still an input.
    FactIndex::check_output(output).map_err(Failure::Usage)?;
    refuse_overwrite(Some(output), &found, &rules, config.as_ref(), &[])?;
    let found = without_ignored(found, config.as_ref());
    let started = std::time::Instant::now();
    let inputs = Inputs::read(
        &rules.files,
        config.as_ref().map(|c| c.path.as_path()),
        paths,
        max_file_size,
    );
    let index = FactIndex::build(paths, &rules_arg.dirs, &found, &rules, &options, inputs);
    let shown = PathsShown::here();
    let unread: Vec<String> = index
        .entries
        .iter()
        .filter_map(|e| {
            e.facts
                .as_ref()
                .err()
                .map(|m| format!("{}: {m}", shown.of(&e.path)))
        })
        .collect();
    let size = index
        .write(output)
        .map_err(|e| Failure::Usage(format!("cannot write the index {}: {e}", output.display())))?;
    for problem in &unread {
        eprintln!("factlint: warning: left out of the index: {problem}");
    }
    eprintln!(
        "factlint: indexed {} articles ({} unreadable) into {} ({} KB) in {:.2} s",
        index.entries.len() - unread.len(),
        unread.len(),
        output.display(),
        size.div_ceil(1024),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Whether `--against` names an index file rather than a corpus: a file
/// that starts like one, or any file that is not an article (which is
/// then refused as a foreign index, with the reason).
fn is_index_path(path: &Path) -> bool {
    path.is_file() && (FactIndex::is_index(path) || !corpus::has_article_extension(path))
}

/// Refuses `-o` onto a file the run reads: an article, a `metadata.toml`,
/// a rule file, `factlint.toml` or one of `extra` (exports, an index).
fn refuse_overwrite(
    output: Option<&Path>,
    found: &[Target],
    rules: &rules::RuleSet,
    config: Option<&config::Config>,
    extra: &[&Path],
) -> Result<(), Failure> {
    let settings = rules.files.iter().map(Path::new);
    let settings = settings.chain(config.map(|c| c.path.as_path()));
    output::refuse_run_input(output, found, settings.chain(extra.iter().copied()))
        .map_err(Failure::Usage)
}

/// Drops the targets the configuration ignores.
fn without_ignored(found: Vec<Target>, config: Option<&config::Config>) -> Vec<Target> {
    match config {
        Some(c) => c.without_ignored(found),
        None => found,
    }
}

fn lint(mut args: LintArgs) -> Result<ExitCode, Failure> {
    if args.stdin && !args.paths.is_empty() {
        return Err(Failure::Usage(
            "--stdin reads the draft from standard input: give the corpus with --against DIR, \
             not as a PATH"
                .into(),
        ));
    }
    if args.paths.is_empty() && !args.stdin {
        args.paths.push(PathBuf::from("corpus"));
    }
    if args.stdin || args.against.is_some() {
        return lint_drafts(args);
    }
    let (rules, options, config) = settings(&args, &args.paths)?;
    let found = corpus::discover(&args.paths).map_err(|e| Failure::Usage(e.to_string()))?;
    // Before anything is written, fixes included.
    refuse_overwrite(args.output.as_deref(), &found, &rules, config.as_ref(), &[])?;
    let found = without_ignored(found, config.as_ref());
    if rules.entities.is_empty() {
        eprintln!(
            "factlint: note: no entity rules found; names are only compared within the corpus \
             (see --rules)"
        );
    }
    if args.diff {
        return show_fixes(&found, &rules, &options, args.output.as_deref());
    }
    let unwritten = if args.fix {
        apply_fixes(&found, &rules, &options)
    } else {
        Vec::new()
    };
    // After --fix, the report is of the files as they now are on disk.
    let mut outcome = engine::run(&found, &rules, &options);
    if let Some(c) = &config {
        c.apply_severity(&mut outcome.diagnostics);
    }
    if !unwritten.is_empty() {
        outcome.diagnostics.extend(unwritten);
        outcome
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    let sources = SourceCache::new(&found);
    render(&args, &outcome, &sources)
}

const CHECK_HELP: &str = "\
With --facts, only the cross-article findings are reported (name-typo,
name-variant, date-, location-, participant- and number-contradiction,
and capitalized spelling slips judged corpus-wide), the same as a direct
run gives; per-article checks (typography, sourcing...) need the text and
run where the facts are exported. Every article record carries the
factlint version and the fingerprint of the rules it was read with; facts
read by another version or with other rules are refused (exit 2).

Example (each machine exports its share, one compares):
  factlint facts archive/2023 -o 2023.jsonl      # machine 1
  factlint facts archive/2024 -o 2024.jsonl      # machine 2
  factlint check --facts 2023.jsonl 2024.jsonl --format json -o report.json";

/// `factlint check --facts`: the corpus checks over exported facts.
fn check_facts(args: LintArgs) -> Result<ExitCode, Failure> {
    if args.paths.is_empty() {
        return Err(Failure::Usage(
            "check --facts reads the files `factlint facts` wrote: give them as PATHs".into(),
        ));
    }
    if args.against.is_some() || args.stdin || args.fix || args.diff {
        return Err(Failure::Usage(
            "check --facts compares exported facts: --against, --stdin, --fix and --diff need \
             the articles"
                .into(),
        ));
    }
    let (rules, options, config) = settings(&args, &args.paths)?;
    let exports: Vec<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    refuse_overwrite(
        args.output.as_deref(),
        &[],
        &rules,
        config.as_ref(),
        &exports,
    )?;
    let fingerprint = factlint::fact_index::rules_fingerprint(&rules.files);
    let gazetteer = factlint::extract::Gazetteer::new(&rules);
    let sizes = factlint::extract::TableSizes::new(&rules, &gazetteer);
    let exported = factlint::fact_records::export::read(&args.paths, &fingerprint, sizes)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    if exported.duplicates > 0 {
        eprintln!(
            "factlint: warning: {} articles appear in more than one export; each is \
             compared once, from the first",
            exported.duplicates
        );
    }
    let corpus = exported.corpus;
    if corpus.documents.is_empty() && corpus.unread.is_empty() {
        return Err(Failure::Usage(
            "the exports hold no article records: were they written by `factlint facts` \
             (jsonl or json)?"
                .into(),
        ));
    }
    let mut outcome = engine::run_corpus_checks(&corpus, &rules, &options);
    if let Some(c) = &config {
        c.apply_severity(&mut outcome.diagnostics);
    }
    let shown: Vec<Target> = corpus
        .documents
        .iter()
        .map(|d| Ok(d.path.clone()))
        .collect();
    render(&args, &outcome, &SourceCache::new(&shown))
}

/// Drafts before publishing: the drafts (files, or standard input) and the
/// corpus of `--against` are checked together as one corpus, and only the
/// drafts' findings are kept. The corpus's own per-article findings are not
/// the draft's business.
fn lint_drafts(mut args: LintArgs) -> Result<ExitCode, Failure> {
    use std::io::Read;
    let index = match &args.against {
        Some(path) if is_index_path(path) => {
            Some(FactIndex::read(path).map_err(|e| Failure::Usage(e.to_string()))?)
        }
        _ => None,
    };
    let rule_base = match (&index, &args.against) {
        // Rules and configuration are found as they were at indexing.
        (Some(index), _) => {
            let (roots, rule_dirs) = index.header.roots_shown();
            if args.rules.dirs.is_empty() {
                args.rules.dirs = rule_dirs;
            }
            roots
        }
        (None, Some(dir)) => vec![dir.clone()],
        (None, None) => args.paths.clone(),
    };
    let (rules, options, config) = settings(&args, &rule_base)?;
    let sidecars = options.sidecars();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut drafts: Vec<corpus::Document> = Vec::new();
    let mut shown: Vec<Target> = Vec::new();
    let mut sources_in_memory: BTreeMap<String, Arc<String>> = BTreeMap::new();
    let mut draft_files: std::collections::HashSet<String> = Default::default();
    if args.stdin {
        let name = args.stdin_filename.clone();
        draft_files.insert(name.clone());
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(args.max_file_size + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
        if bytes.len() as u64 > args.max_file_size {
            problems.push(corpus::file_error(
                &name,
                Severity::Error,
                format!(
                    "standard input is over the limit of {} bytes; skipped (raise it with \
                     --max-file-size)",
                    args.max_file_size
                ),
            ));
        } else {
            match corpus::decode(&name, bytes) {
                Ok(text) => {
                    let (doc, problem) = corpus::Document::from_text(&name, text);
                    sources_in_memory.insert(name, Arc::new(doc.text.clone()));
                    problems.extend(problem);
                    drafts.push(doc);
                }
                Err(d) => problems.push(*d),
            }
        }
    } else {
        let found = corpus::discover(&args.paths).map_err(|e| Failure::Usage(e.to_string()))?;
        for target in &found {
            match target {
                Ok(path) => {
                    draft_files.insert(path.display().to_string());
                    match corpus::load_with(path, args.max_file_size, &sidecars) {
                        Loaded::Document(doc, problem) => {
                            problems.extend(problem);
                            drafts.push(doc);
                        }
                        Loaded::Failed(d) => problems.push(d),
                    }
                }
                Err((path, message)) => {
                    draft_files.insert(path.display().to_string());
                    problems.push(corpus::file_error(
                        &path.display().to_string(),
                        Severity::Error,
                        format!("cannot read: {message}"),
                    ));
                }
            }
        }
        shown.extend(found);
    }
    let (mut outcome, unread, corpus) = match (index, &args.against) {
        (Some(index), Some(path)) => {
            let found = corpus::discover(&rule_base).map_err(|e| {
                Failure::Usage(format!(
                    "{} is stale: its corpus is gone ({e}); rebuild it with `factlint index`",
                    path.display()
                ))
            })?;
            let found = without_ignored(found, config.as_ref());
            let inputs = Inputs::read(
                &rules.files,
                config.as_ref().map(|c| c.path.as_path()),
                &rule_base,
                args.max_file_size,
            );
            let drafts_on_disk: std::collections::HashSet<PathBuf> = drafts
                .iter()
                .filter_map(|d| std::fs::canonicalize(&d.path).ok())
                .collect();
            index
                .check_fresh(path, &inputs, &found, &drafts_on_disk)
                .map_err(|e| Failure::Usage(e.to_string()))?;
            let gazetteer = factlint::extract::Gazetteer::new(&rules);
            index
                .check_tables(path, factlint::extract::TableSizes::new(&rules, &gazetteer))
                .map_err(|e| Failure::Usage(e.to_string()))?;
            let facts = index.into_corpus_facts(&PathsShown::here());
            let shown: Vec<Target> = facts
                .documents
                .iter()
                .map(|d| Ok(PathBuf::from(&d.facts.file)))
                .collect();
            let unread = facts.unread.len();
            let outcome = engine::run_against_facts(drafts, &facts, &rules, &options);
            (outcome, unread, shown)
        }
        (_, Some(dir)) => {
            let found = corpus::discover(std::slice::from_ref(dir))
                .map_err(|e| Failure::Usage(format!("--against: {e}")))?;
            let found = without_ignored(found, config.as_ref());
            let (outcome, unread) = engine::run_against(drafts, &found, &rules, &options);
            (outcome, unread, found)
        }
        (_, None) => {
            let (outcome, unread) = engine::run_against(drafts, &[], &rules, &options);
            (outcome, unread, Vec::new())
        }
    };
    if unread > 0 {
        eprintln!(
            "factlint: note: {unread} corpus files could not be read and were left out \
             (lint the corpus itself to see why)"
        );
    }
    shown.extend(corpus);
    let against: Vec<&Path> = args.against.iter().map(PathBuf::as_path).collect();
    refuse_overwrite(
        args.output.as_deref(),
        &shown,
        &rules,
        config.as_ref(),
        &against,
    )?;
    if let Some(c) = &config {
        c.apply_severity(&mut outcome.diagnostics);
    }
    // Drafts that could not be read count as checked, with their file-error.
    outcome.files_checked = draft_files.len();
    problems.retain(|d| options.keeps(d.kind));
    outcome.diagnostics.extend(problems);
    outcome
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut sources = SourceCache::new(&shown);
    sources.in_memory = sources_in_memory;
    render(&args, &outcome, &sources)
}

/// Renders `outcome` in the chosen format and gives the exit code.
fn render(
    args: &LintArgs,
    outcome: &engine::Outcome,
    sources: &SourceCache,
) -> Result<ExitCode, Failure> {
    match args.format {
        // Streamed: a large corpus's report is never held whole in memory.
        _ if args.statistics => write_report(args.output.as_deref(), |out| {
            report::statistics::write(out, outcome.files_checked, &outcome.diagnostics)
        })?,
        Format::Json => write_report(args.output.as_deref(), |out| {
            json::write(out, outcome.files_checked, &outcome.diagnostics)
        })?,
        Format::Sarif => write_report(args.output.as_deref(), |out| {
            report::sarif::write(out, &outcome.diagnostics)
        })?,
        Format::Github => write_report(args.output.as_deref(), |out| {
            report::github::write(out, &outcome.diagnostics)
        })?,
        Format::Human => {
            let color = use_color(args.color, args.output.as_deref());
            write_report(args.output.as_deref(), |out| {
                human::write(
                    out,
                    outcome.files_checked,
                    &outcome.diagnostics,
                    &|p| sources.get(p),
                    color,
                )
            })?
        }
    }
    let threshold = match args.deny {
        None => Severity::Error,
        Some(Deny::Warnings) => Severity::Warning,
        Some(Deny::Info) => Severity::Info,
    };
    let failed = outcome.diagnostics.iter().any(|d| d.severity >= threshold);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether to colour: `--color`, or on a terminal unless `NO_COLOR` is set.
fn use_color(color: Color, output: Option<&Path>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// `factlint facts`: the facts of each article as records, streamed file
/// by file; or, with `--event`/`--entity`, the table of what every
/// article says about one event or entity.
/// `factlint facts --why PATH:LINE`.
fn why(at: &str, args: &FactsArgs) -> Result<ExitCode, Failure> {
    let usage = || {
        Failure::Usage(format!(
            "--why takes PATH:LINE (e.g. corpus/article.md:12), not {at:?}"
        ))
    };
    let (path, line) = at.rsplit_once(':').ok_or_else(usage)?;
    let line: usize = line.parse().ok().filter(|&l| l > 0).ok_or_else(usage)?;
    let path = PathBuf::from(path);
    let (rules, options, _) =
        settings_for(&args.rules, args.max_file_size, std::slice::from_ref(&path))?;
    let doc = match corpus::load_with(&path, args.max_file_size, &options.sidecars()) {
        Loaded::Document(doc, _) => doc,
        Loaded::Failed(d) => return Err(Failure::Usage(format!("{}: {}", d.file, d.message))),
    };
    let compiled = factlint::extract::CompiledRules::new(&rules);
    let sentences = factlint::extract::why(&doc, &rules, &compiled, line);
    let text = match args.format {
        Some(FactsFormat::Json | FactsFormat::Jsonl) => {
            let mut t = serde_json::to_string_pretty(&sentences)
                .map_err(|e| Failure::Usage(e.to_string()))?;
            t.push('\n');
            t
        }
        _ => report::why::render(&doc.path, &sentences),
    };
    write_report(args.output.as_deref(), |out| out.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

fn facts(mut args: FactsArgs) -> Result<ExitCode, Failure> {
    use factlint::fact_records::{self, ArticleRecord, FactRecord, FileErrorRecord};
    use factlint::fact_tables;
    use report::fact_table;
    use report::facts::{FactFormat, FactWriter};
    if let Some(at) = &args.why {
        return why(at, &args);
    }
    if args.paths.is_empty() {
        args.paths.push(PathBuf::from("corpus"));
    }
    let (rules, options, config) = settings_for(&args.rules, args.max_file_size, &args.paths)?;
    let rules_fingerprint = factlint::fact_index::rules_fingerprint(&rules.files);
    // An unknown id is a usage error before anything is read.
    let unknown = |what: &str, whats: &str, id: &str, known: Vec<&str>| {
        let close = fact_tables::closest(id, known.iter().copied());
        let list = if known.is_empty() {
            format!("the rules declare no {whats} (see --rules)")
        } else if close.is_empty() || close.len() == known.len() {
            format!("known {whats}: {}", known.join(", "))
        } else {
            format!("closest {whats}: {}", close.join(", "))
        };
        Failure::Usage(format!("unknown {what} \"{id}\"; {list}"))
    };
    let event = match &args.event {
        Some(id) => Some(
            rules
                .events
                .iter()
                .position(|e| &e.origin.id == id)
                .ok_or_else(|| {
                    let known = rules.events.iter().map(|e| e.origin.id.as_str()).collect();
                    unknown("event", "events", id, known)
                })?,
        ),
        None => None,
    };
    let entity = match &args.entity {
        Some(id) => Some(rules.entity_index(id).ok_or_else(|| {
            unknown(
                "entity",
                "entities",
                id,
                rules
                    .entities
                    .iter()
                    .map(|e| e.origin.id.as_str())
                    .collect(),
            )
        })?),
        None => None,
    };
    let found = corpus::discover(&args.paths).map_err(|e| Failure::Usage(e.to_string()))?;
    refuse_overwrite(args.output.as_deref(), &found, &rules, config.as_ref(), &[])?;
    let found = without_ignored(found, config.as_ref());
    let color = use_color(args.color, args.output.as_deref());
    let format = args
        .format
        .unwrap_or(if event.is_some() || entity.is_some() {
            FactsFormat::Table
        } else {
            FactsFormat::Jsonl
        });
    let mut failed = false;
    let mut note_unread = |d: &Diagnostic| {
        failed |= d.severity == Severity::Error;
        eprintln!(
            "factlint: {}: {}: {}",
            d.severity.as_str(),
            d.file,
            d.message
        );
    };
    if let Some(event) = event {
        let facts = engine::CorpusFacts::extract(&found, &rules, &options);
        facts.unread.iter().for_each(&mut note_unread);
        let all: Vec<&factlint::extract::Facts> =
            facts.documents.iter().map(|d| &d.facts).collect();
        let compiled = factlint::extract::CompiledRules::new(&rules);
        let findings = engine::event_findings(&all, &rules, &compiled);
        let mut table = fact_tables::event_table(event, &all, &findings, &rules);
        // Files that could not be read count as read, as in the lint's
        // "files checked"; empty files (a warning) do not.
        table.articles_read += facts
            .unread
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        write_report(args.output.as_deref(), |out| match format {
            FactsFormat::Table => fact_table::write_event_table(out, &table, color),
            FactsFormat::Json => fact_table::write_event_json(out, &table),
            FactsFormat::Jsonl => {
                serde_json::to_writer(&mut *out, &table)?;
                writeln!(out)
            }
        })?;
    } else if let Some(entity) = entity {
        let mut table = fact_tables::entity_table(entity, &rules);
        let read = engine::read_each(
            &found,
            &rules,
            &options,
            |_, facts, _, compiled| fact_tables::entity_row(entity, &facts, &compiled.gazetteer),
            |row| -> Result<(), std::convert::Infallible> {
                match row {
                    Ok(row) => {
                        table.articles_read += 1;
                        table.articles.extend(row);
                    }
                    Err(d) => {
                        table.articles_read += usize::from(d.severity == Severity::Error);
                        note_unread(&d);
                    }
                }
                Ok(())
            },
        );
        let Ok(()) = read;
        write_report(args.output.as_deref(), |out| match format {
            FactsFormat::Table => fact_table::write_entity_table(out, &table, color),
            FactsFormat::Json => fact_table::write_entity_json(out, &table),
            FactsFormat::Jsonl => {
                serde_json::to_writer(&mut *out, &table)?;
                writeln!(out)
            }
        })?;
    } else {
        let format = match format {
            FactsFormat::Jsonl => FactFormat::Jsonl,
            FactsFormat::Json => FactFormat::Json,
            FactsFormat::Table => FactFormat::Table,
        };
        write_report(args.output.as_deref(), |out| {
            let mut writer = FactWriter::new(out, format, color)?;
            engine::read_each(
                &found,
                &rules,
                &options,
                |doc, mut facts, prose, compiled| {
                    factlint::extract::read_figures(&mut facts, prose);
                    let mut records = fact_records::records(&facts, &doc.text, &rules, compiled);
                    // First: its span is the whole file, offset 0.
                    let article = ArticleRecord::new(facts, &rules_fingerprint, compiled);
                    records.insert(0, FactRecord::Article(Box::new(article)));
                    records
                },
                |records| match records {
                    Ok(records) => writer.file(&records),
                    Err(d) => {
                        note_unread(&d);
                        writer.file(&[FactRecord::FileError(FileErrorRecord::from(&d))])
                    }
                },
            )?;
            writer.finish().map(drop)
        })?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--diff`: the safe fixes as a unified diff on standard output (or
/// FILE), a count on standard error; exit 1 when there is something to fix.
fn show_fixes(
    found: &[Target],
    rules: &rules::RuleSet,
    options: &Options,
    output: Option<&Path>,
) -> Result<ExitCode, Failure> {
    // What the walk could not reach is not in the diff: say so.
    for (path, message) in found.iter().filter_map(|t| t.as_ref().err()) {
        eprintln!(
            "factlint: warning: {}: cannot read: {message}",
            path.display()
        );
    }
    let docs = fix::load(found, options.max_file_size);
    let fixed = fix::fix_documents(docs, rules, options);
    write_report(output, |out| {
        for change in &fixed.changes {
            out.write_all(fix::unified_diff(change).as_bytes())?;
        }
        Ok(())
    })?;
    if fixed.changes.is_empty() {
        eprintln!("factlint: nothing to fix");
    } else {
        eprintln!(
            "factlint: {} available in {} (apply with --fix)",
            plural(fixed.fix_count(), "fix", "fixes"),
            plural(fixed.changes.len(), "file", "files")
        );
    }
    note_unsettled(&fixed);
    Ok(if fixed.changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `--fix`: rewrites each changed file atomically and says how many
/// findings were fixed. A file that cannot be rewritten is left as it was
/// and comes back as a `file-error` for the report.
fn apply_fixes(found: &[Target], rules: &rules::RuleSet, options: &Options) -> Vec<Diagnostic> {
    let docs = fix::load(found, options.max_file_size);
    let fixed = fix::fix_documents(docs, rules, options);
    let mut unwritten = Vec::new();
    let (mut fixes, mut files) = (0, 0);
    for change in &fixed.changes {
        match fix::atomic_write::replace(
            &change.path,
            change.before.as_bytes(),
            change.after.as_bytes(),
        ) {
            Ok(()) => {
                fixes += change.fixes;
                files += 1;
            }
            Err(e) => {
                let message = format!(
                    "cannot write the fixes: {e}; the file is unchanged ({} not applied)",
                    plural(change.fixes, "fix", "fixes")
                );
                eprintln!("factlint: error: {}: {message}", change.shown);
                unwritten.push(corpus::file_error(&change.shown, Severity::Error, message));
            }
        }
    }
    if fixed.changes.is_empty() {
        eprintln!("factlint: nothing to fix");
    } else {
        eprintln!(
            "factlint: fixed {} in {}",
            plural(fixes, "finding", "findings"),
            plural(files, "file", "files")
        );
    }
    note_unsettled(&fixed);
    unwritten
}

fn note_unsettled(fixed: &fix::Fixed) {
    if !fixed.settled && !fixed.changes.is_empty() {
        eprintln!(
            "factlint: note: the fixes did not settle after {} passes; run again and review",
            fixed.passes
        );
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Writes a report to FILE or to standard output. A reader that closed
/// the pipe (`factlint | head`) ends it quietly, and the exit code still
/// says what was found; any other write error is exit 2.
fn write_report(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match output::write_report(output, std::io::stdout().lock(), write) {
        Ok(()) | Err(output::WriteError::Closed) => Ok(()),
        Err(e) => Err(Failure::Usage(e.to_string())),
    }
}

/// Prints to standard output; a closed pipe (`factlint rules | head`)
/// ends the output quietly instead of panicking.
fn print(text: &str) -> Result<ExitCode, Failure> {
    write_report(None, |out| out.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

fn explain(kind: Option<&str>) -> Result<ExitCode, Failure> {
    let Some(name) = kind else {
        let mut out = String::from("Diagnostic kinds (factlint explain KIND for details):\n\n");
        for k in Kind::ALL {
            out.push_str(&format!(
                "  {:<26} {}  {}\n",
                k.as_str(),
                k.code(),
                k.summary()
            ));
        }
        return print(&out);
    };
    let kind: Kind = name.parse().map_err(Failure::Usage)?;
    print(&checks::explain(kind))
}

fn list_rules(paths: &[PathBuf], arg: &RulesArg) -> Result<ExitCode, Failure> {
    let rules = load_rules(paths, arg)?;
    if rules.files.is_empty() {
        return print("no rule files found (looked for rules/; use --rules DIR)\n");
    }
    let mut out = String::new();
    for file in &rules.files {
        out.push_str(&format!("{file}\n"));
        for e in rules.entities.iter().filter(|e| &e.origin.file == file) {
            let mut extra = String::new();
            if !e.variants.is_empty() {
                extra.push_str(&format!("; variants: {}", e.variants.join(", ")));
            }
            if !e.distinct.is_empty() {
                extra.push_str(&format!("; distinct from: {}", e.distinct.join(", ")));
            }
            out.push_str(&format!(
                "  entity  {:<24} {:<28} {:<12} source: {}{extra}\n",
                e.origin.id,
                e.name,
                e.kind.as_str(),
                e.source
            ));
        }
        for e in rules.events.iter().filter(|e| &e.origin.file == file) {
            let mut facts = Vec::new();
            if let Some(d) = &e.date_text {
                facts.push(format!("date {d}"));
            }
            if let Some(p) = &e.place {
                facts.push(format!("place {p}"));
            }
            if !e.participants.is_empty() {
                facts.push(format!("participants {}", e.participants.join(", ")));
            }
            for f in &e.figures {
                facts.push(format!("{} {} {}", f.id, f.value, f.unit));
            }
            out.push_str(&format!(
                "  event   {:<24} {:<28} {}; source: {}\n",
                e.origin.id,
                e.name,
                facts.join("; "),
                e.source
            ));
        }
        for x in rules.excludes.iter().filter(|x| &x.origin.file == file) {
            out.push_str(&format!(
                "  exclude {:<24} {}  {}\n",
                x.origin.id,
                x.pattern.as_str(),
                x.reason
            ));
        }
        let t = &rules.typography;
        if t.file.as_ref() == Some(file) {
            let marks: String = t.space_before.iter().map(|s| s.mark).collect();
            let prefixes: Vec<&str> = t.glued_prefixes.iter().map(|g| g.prefix.as_str()).collect();
            out.push_str(&format!(
                "  typography  space before: {marks}; glued prefixes: {}; {} English and {} French quotation markers\n",
                prefixes.join(", "),
                t.english_markers.len(),
                t.french_markers.len()
            ));
        }
        if rules.sourcing.files.contains(file) {
            let counts: Vec<String> = rules
                .sourcing
                .counts()
                .iter()
                .map(|(name, n)| format!("{n} {name}"))
                .collect();
            out.push_str(&format!("  sourcing    {}\n", counts.join(", ")));
        }
        let g = &rules.grammar;
        if g.file.as_ref() == Some(file) {
            let words: Vec<&str> = g.elision.iter().map(|e| e.word.as_str()).collect();
            out.push_str(&format!(
                "  grammar     elision: {}; {} h aspiré words; {} lists of words kept whole\n",
                words.join(", "),
                g.h_aspire.len(),
                g.keep.len()
            ));
        }
        for a in rules.accepts.iter().filter(|a| &a.file == file) {
            out.push_str(&format!("  accept  {}  {}\n", a.words.join(", "), a.note));
        }
    }
    print(&out)
}

fn evaluate(dir: &Path, arg: &RulesArg, verbose: bool) -> Result<ExitCode, Failure> {
    let expected = eval::read_expected(dir).map_err(Failure::Usage)?;
    let articles_dir = dir.join("articles");
    let rules = load_rules(std::slice::from_ref(&articles_dir), arg)?;
    let found = corpus::discover(std::slice::from_ref(&articles_dir))
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let mut docs = Vec::new();
    let mut texts = BTreeMap::new();
    let sidecars = corpus::Sidecars::default();
    for target in found.iter().filter_map(|t| t.as_ref().ok()) {
        if let Loaded::Document(doc, _) =
            corpus::load_with(target, corpus::DEFAULT_MAX_FILE_SIZE, &sidecars)
        {
            texts.insert(doc.path.clone(), doc.text.clone());
            docs.push(doc);
        }
    }
    let outcome = engine::run_documents(&docs, &rules, &Options::default());
    let prefix = format!("{}/", articles_dir.display());
    let evaluation =
        eval::score(&expected, &texts, &prefix, &outcome.diagnostics).map_err(Failure::Usage)?;
    let mut out = format!(
        "evaluation set {}: {} articles, {} expected findings, {} clean spans\n\n",
        dir.display(),
        evaluation.files,
        expected.finding.len(),
        expected.clean.len()
    );
    out.push_str(&evaluation.table());
    if !evaluation.clean_violations.is_empty() {
        out.push_str("\nclean spans flagged:\n");
        for v in &evaluation.clean_violations {
            out.push_str(&format!("  {v}\n"));
        }
    }
    if verbose {
        for (title, list) in [
            ("false positives", &evaluation.false_positives),
            ("false negatives", &evaluation.false_negatives),
        ] {
            out.push_str(&format!("\n{title}:\n"));
            for item in list {
                out.push_str(&format!("  {item}\n"));
            }
        }
    }
    print(&out)
}

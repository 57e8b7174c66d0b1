//! Throughput and peak memory of the whole `factlint` pipeline, measured on
//! the real release binary over a deterministic synthetic corpus.
//!
//! ```text
//! cargo bench --bench throughput -- --mb 100
//! cargo bench --bench throughput -- --mb 10 --files-kb 40 --keep --out /tmp/corpus
//! ```
//!
//! Options: `--mb N` corpus size in MB (10^6 bytes, default 100),
//! `--files-kb N` mean article size in KB (10^3 bytes, default 40), `--runs N`
//! timed runs (default 3), `--out DIR` where the corpus goes (default
//! `<target dir>/bench-corpus-<N>mb`), `--keep` to leave the corpus on disk
//! (a later run with the same options reuses it instead of writing it again).
//!
//! The corpus is built from the paragraphs of the bundled articles
//! (`corpus/*.txt`), shuffled with a fixed seed, with a few realistic slips
//! injected ("Kim Young-un", "poutine", "Shoigu", ...), as `.txt` and `.md`
//! files (some with YAML front matter) spread over sub-folders. Each run is
//! `factlint <corpus> --format json --output <file> --rules rules/`; the wall
//! time covers the whole process (start-up, discovery, reading, extraction,
//! checks, JSON report). Peak memory is the child's `ru_maxrss` from `wait4`.
//! The runs are warm-cache: the corpus was just written or read.
//!
//! Without `--bench` (as under `cargo test --all-targets`) it is a quick
//! smoke test: 1 MB and one run, unless `--mb` or `--runs` say otherwise.

use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Bump when the generator changes, so that kept corpora are rebuilt.
const GENERATOR_VERSION: u32 = 2;
const SEED: u64 = 0x5EED_FAC7_1A7E_2024;
const MANIFEST_FILE: &str = ".bench-corpus";
const MB: f64 = 1_000_000.0;

/// Sub-folders the articles are spread over.
const FOLDERS: &[&str] = &[
    "international",
    "politique",
    "archives/2023",
    "archives/2024",
    "depeches",
];

/// Per paragraph, the chance (in percent) of one injected slip.
const SLIP_PERCENT: u64 = 3;

/// Slips an editor could make: (correct text, slipped text). The last one
/// appends a sentence rather than replacing text.
const SLIPS: &[(&str, &str)] = &[
    ("Kim Jong-un", "Kim Young-un"),
    ("Poutine", "poutine"),
    ("Kim Jong-un", "Kim Jong Un"),
    ("Vladimir Poutine", "Vladimir Putin"),
    ("Pyongyang", "Pyongyng"),
    ("Khrouchtchev", "Khrouchtchév"),
    ("Corée du Nord", "Corée du nord"),
];
const APPENDED_SLIP: &str = " Le ministre de la Défense Sergueï Shoigu était présent.";

/// Per paragraph, the chance (in percent) of a line with a web address or
/// an e-mail after it: text the exclusion rules must skip (the slug holds
/// a lower-case "poutine" that is not a slip).
const LINK_PERCENT: u64 = 4;
const LINKS: &[&str] = &[
    "Lire aussi : https://www.lemonde.fr/international/article/2024/06/19/kim-jong-un-recoit-poutine-a-pyongyang_{n}_3210.html",
    "Source : www.francetvinfo.fr/monde/russie/poutine-en-coree-du-nord_{n}.html",
    "Contact : redaction-{n}@liberation.fr",
    "(avec AFP ; voir aussi courrierinternational.com et lesechos.fr)",
];

struct Args {
    mb: f64,
    files_kb: f64,
    runs: usize,
    keep: bool,
    out: Option<PathBuf>,
    bench_mode: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        mb: 100.0,
        files_kb: 40.0,
        runs: 3,
        keep: false,
        out: None,
        bench_mode: false,
    };
    let (mut mb_given, mut runs_given) = (false, false);
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            // cargo bench appends --bench; cargo test does not.
            "--bench" => args.bench_mode = true,
            "--mb" => {
                args.mb = positive(&value("--mb")?, "--mb")?;
                mb_given = true;
            }
            "--files-kb" => args.files_kb = positive(&value("--files-kb")?, "--files-kb")?,
            "--runs" => {
                args.runs = value("--runs")?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive integer")?;
                runs_given = true;
            }
            "--keep" => args.keep = true,
            "--out" => args.out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => {
                return Err(
                    "usage: cargo bench --bench throughput -- [--mb N] [--files-kb N] \
                            [--runs N] [--out DIR] [--keep]"
                        .into(),
                );
            }
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    if !args.bench_mode {
        if !mb_given {
            args.mb = 1.0;
        }
        if !runs_given {
            args.runs = 1;
        }
    }
    Ok(args)
}

fn positive(text: &str, name: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0)
        .ok_or(format!("{name} needs a positive number, not {text:?}"))
}

/// SplitMix64: small, fast, and the same sequence everywhere.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The text the generator draws from.
struct Source {
    paragraphs: Vec<String>,
    titles: Vec<String>,
}

fn read_source(dir: &Path) -> Result<Source, String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut source = Source {
        paragraphs: Vec::new(),
        titles: Vec::new(),
    };
    for path in &paths {
        let text =
            fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let chars = para.chars().count();
            if (20..=120).contains(&chars) && !para.ends_with('.') && !para.contains('\n') {
                source.titles.push(para.to_string());
            }
            source.paragraphs.push(para.to_string());
        }
    }
    if source.paragraphs.is_empty() {
        return Err(format!("no paragraphs in {}/*.txt", dir.display()));
    }
    if source.titles.is_empty() {
        source.titles.push("Article".into());
    }
    Ok(source)
}

/// The manifest of a generated corpus: the parameters it was made with,
/// then what it holds, one `key=value` a line.
fn render_manifest(params: &str, stats: &CorpusStats) -> String {
    format!(
        "{params}\nfiles={}\nbytes={}\nmd={}\nfront_matter={}\nslips={}\nlinks={}\n",
        stats.files, stats.bytes, stats.md, stats.front_matter, stats.slips, stats.links
    )
}

fn parse_manifest(text: &str) -> Option<(&str, CorpusStats)> {
    let mut lines = text.lines();
    let params = lines.next()?;
    let mut field = |key: &str| -> Option<u64> {
        lines
            .next()?
            .strip_prefix(key)?
            .strip_prefix('=')?
            .parse()
            .ok()
    };
    let stats = CorpusStats {
        files: field("files")? as usize,
        bytes: field("bytes")?,
        md: field("md")? as usize,
        front_matter: field("front_matter")? as usize,
        slips: field("slips")? as usize,
        links: field("links")? as usize,
        ..CorpusStats::default()
    };
    Some((params, stats))
}

fn params_line(args: &Args) -> String {
    format!(
        "factlint bench corpus v{GENERATOR_VERSION} seed={SEED:#x} mb={} files-kb={}",
        args.mb, args.files_kb
    )
}

/// Article files (`.txt`, `.md`) under `dir`, hidden entries skipped: their
/// count and total size.
fn scan(dir: &Path) -> std::io::Result<(usize, u64)> {
    let (mut files, mut bytes) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d)? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "markdown")
            {
                files += 1;
                bytes += entry.metadata()?.len();
            }
        }
    }
    Ok((files, bytes))
}

/// Counts of what was generated, for the table.
#[derive(Default)]
struct CorpusStats {
    files: usize,
    bytes: u64,
    md: usize,
    front_matter: usize,
    slips: usize,
    links: usize,
    reused: bool,
    seconds: f64,
}

/// Reuses the corpus in `dir` if its manifest matches and the files on disk
/// still have the recorded count and size; else writes it anew.
fn prepare_corpus(dir: &Path, args: &Args, source: &Source) -> Result<CorpusStats, String> {
    let started = Instant::now();
    let params = params_line(args);
    let manifest_path = dir.join(MANIFEST_FILE);
    if dir.exists() {
        match fs::read_to_string(&manifest_path) {
            Ok(text) => {
                if let Some((p, stats)) = parse_manifest(&text)
                    && p == params
                    && scan(dir).ok() == Some((stats.files, stats.bytes))
                {
                    return Ok(CorpusStats {
                        reused: true,
                        seconds: started.elapsed().as_secs_f64(),
                        ..stats
                    });
                }
                // Ours, but made otherwise or damaged since: rebuild it.
                fs::remove_dir_all(dir)
                    .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
            }
            Err(_) => {
                let empty = fs::read_dir(dir)
                    .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
                    .next()
                    .is_none();
                if !empty {
                    return Err(format!(
                        "{} exists, is not empty and is not a benchmark corpus (no {MANIFEST_FILE}); \
                         choose another --out",
                        dir.display()
                    ));
                }
            }
        }
    }
    for folder in FOLDERS {
        let d = dir.join(folder);
        fs::create_dir_all(&d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let mut stats = generate(dir, args, source)?;
    fs::write(&manifest_path, render_manifest(&params, &stats))
        .map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(stats)
}

fn generate(dir: &Path, args: &Args, source: &Source) -> Result<CorpusStats, String> {
    let mut rng = SplitMix64(SEED);
    let total = (args.mb * MB).round() as u64;
    let mean = (args.files_kb * 1000.0).round().max(1.0) as u64;
    let mut stats = CorpusStats::default();
    let mut text = String::new();
    while stats.bytes < total {
        // Sizes spread uniformly over 0.5–1.5 times the mean; the last file
        // takes only what is left.
        let wanted = (mean / 2 + rng.below(mean + 1)).min(total - stats.bytes);
        let folder = rng.pick(FOLDERS);
        let markdown = rng.below(100) < 40;
        text.clear();
        if markdown && rng.below(2) == 0 {
            let title = rng.pick(&source.titles).replace('\\', "\\\\");
            let _ = write!(
                text,
                "---\ntitle: \"{}\"\ndate: 2024-{:02}-{:02}\n---\n",
                title.replace('"', "\\\""),
                1 + rng.below(12),
                1 + rng.below(28)
            );
            stats.front_matter += 1;
        }
        if markdown {
            let _ = write!(text, "# {}\n\n", rng.pick(&source.titles));
            stats.md += 1;
        } else {
            let _ = write!(text, "{}\n\n", rng.pick(&source.titles));
        }
        while (text.len() as u64) < wanted {
            let mut para = rng.pick(&source.paragraphs).clone();
            if rng.below(100) < SLIP_PERCENT && inject_slip(&mut rng, &mut para) {
                stats.slips += 1;
            }
            text.push_str(&para);
            text.push_str("\n\n");
            if rng.below(100) < LINK_PERCENT {
                let n = 6_000_000 + rng.below(1_000_000);
                text.push_str(&rng.pick(LINKS).replace("{n}", &n.to_string()));
                text.push_str("\n\n");
                stats.links += 1;
            }
        }
        let ext = if markdown { "md" } else { "txt" };
        let path = dir
            .join(folder)
            .join(format!("article-{:06}.{ext}", stats.files));
        fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        stats.files += 1;
        stats.bytes += text.len() as u64;
    }
    Ok(stats)
}

/// Puts one slip into `para` if it has text to slip on; appends a sentence
/// with a variant name otherwise, one time in two.
fn inject_slip(rng: &mut SplitMix64, para: &mut String) -> bool {
    let start = rng.below(SLIPS.len() as u64) as usize;
    for k in 0..SLIPS.len() {
        let (right, wrong) = SLIPS[(start + k) % SLIPS.len()];
        if let Some(at) = para.find(right) {
            para.replace_range(at..at + right.len(), wrong);
            return true;
        }
    }
    if rng.below(2) == 0 {
        para.push_str(APPENDED_SLIP);
        return true;
    }
    false
}

/// One timed run of the binary.
struct Run {
    wall: Duration,
    /// User plus system CPU time of the child, when the platform reports it.
    cpu: Option<Duration>,
    /// Peak resident set size in bytes, when the platform reports it.
    max_rss: Option<u64>,
    exit: i32,
}

#[cfg(unix)]
fn run_once(mut cmd: Command) -> Result<Run, String> {
    let started = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot start factlint: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; zeroed is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = loop {
        // SAFETY: valid pointers to locals; the child is ours and unreaped
        // (`child` is never waited on through std).
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = started.elapsed();
    drop(child);
    if reaped != pid {
        return Err(format!("wait4 failed: {}", std::io::Error::last_os_error()));
    }
    let exit = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        // Killed by a signal: report it as a negative code.
        -libc::WTERMSIG(status)
    };
    // Linux reports KiB, macOS bytes.
    let unit: u64 = if cfg!(target_os = "macos") { 1 } else { 1024 };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ok(Run {
        wall,
        cpu: Some(tv(usage.ru_utime) + tv(usage.ru_stime)),
        max_rss: Some(usage.ru_maxrss as u64 * unit),
        exit,
    })
}

#[cfg(not(unix))]
fn run_once(mut cmd: Command) -> Result<Run, String> {
    let started = Instant::now();
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start factlint: {e}"))?;
    Ok(Run {
        wall: started.elapsed(),
        cpu: None,
        max_rss: None,
        exit: status.code().unwrap_or(-1),
    })
}

/// The parts of the JSON report the benchmark reads; the diagnostics array
/// is skipped without being built.
#[derive(serde::Deserialize)]
struct ReportHead {
    files_checked: usize,
    summary: Summary,
}

#[derive(serde::Deserialize)]
struct Summary {
    error: usize,
    warning: usize,
    info: usize,
}

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("throughput: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn bench() -> Result<(), String> {
    let args = parse_args()?;
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = Path::new(env!("CARGO_BIN_EXE_factlint"));
    // <target dir>/<profile>/factlint: honours CARGO_TARGET_DIR.
    let target_dir = bin
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| manifest_dir.join("target"), Path::to_path_buf);
    let dir = args
        .out
        .clone()
        .unwrap_or_else(|| target_dir.join(format!("bench-corpus-{}mb", args.mb)));
    let rules = manifest_dir.join("rules");

    if !args.bench_mode {
        println!("(smoke mode: run through `cargo bench` for the real figures)");
    }
    let source = read_source(&manifest_dir.join("corpus"))?;
    let corpus = prepare_corpus(&dir, &args, &source)?;

    let report_parent = dir.parent().unwrap_or(Path::new("."));
    let report = tempfile::Builder::new()
        .prefix("factlint-bench-report-")
        .suffix(".json")
        .tempfile_in(report_parent)
        .map_err(|e| format!("cannot create the report file: {e}"))?;
    let stderr_file =
        tempfile::tempfile_in(report_parent).map_err(|e| format!("cannot create a file: {e}"))?;

    let load = load_average();
    let mut runs = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        let mut cmd = Command::new(bin);
        cmd.arg(&dir)
            .args(["--format", "json", "--output"])
            .arg(report.path())
            .arg("--rules")
            .arg(&rules)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(
                stderr_file
                    .try_clone()
                    .map_err(|e| format!("cannot share a file: {e}"))?,
            );
        let run = run_once(cmd)?;
        if run.exit != 0 && run.exit != 1 {
            let mut errors = String::new();
            let mut f = &stderr_file;
            let _ = f.rewind();
            let _ = f.read_to_string(&mut errors);
            return Err(format!(
                "{} {} ... exited with {} (1 = findings is expected):\n{errors}",
                bin.display(),
                dir.display(),
                run.exit
            ));
        }
        runs.push(run);
    }

    let json =
        fs::read_to_string(report.path()).map_err(|e| format!("cannot read the report: {e}"))?;
    let head: ReportHead =
        serde_json::from_str(&json).map_err(|e| format!("the JSON report does not parse: {e}"))?;
    let report_bytes = json.len();
    drop(json);
    if head.files_checked != corpus.files {
        return Err(format!(
            "factlint checked {} files, the corpus has {}",
            head.files_checked, corpus.files
        ));
    }

    let measured = Measured {
        runs,
        head,
        report_bytes,
        load,
    };
    print_table(&args, &dir, bin, &corpus, &measured);

    if !args.keep {
        fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    Ok(())
}

/// What the runs gave.
struct Measured {
    runs: Vec<Run>,
    head: ReportHead,
    report_bytes: usize,
    /// The load average just before the runs.
    load: Option<String>,
}

fn print_table(args: &Args, dir: &Path, bin: &Path, corpus: &CorpusStats, measured: &Measured) {
    let Measured {
        runs,
        head,
        report_bytes,
        load,
    } = measured;
    let size_mb = corpus.bytes as f64 / MB;
    let mut walls: Vec<f64> = runs.iter().map(|r| r.wall.as_secs_f64()).collect();
    walls.sort_by(f64::total_cmp);
    let best = walls[0];
    let median_wall = median(&walls);
    let cpu_median = {
        let mut cpus: Vec<f64> = runs
            .iter()
            .filter_map(|r| r.cpu.map(|c| c.as_secs_f64()))
            .collect();
        cpus.sort_by(f64::total_cmp);
        (!cpus.is_empty()).then(|| median(&cpus))
    };
    let peak_mb = runs
        .iter()
        .filter_map(|r| r.max_rss)
        .max()
        .map(|b| b as f64 / MB);
    let opt = |v: Option<f64>, digits: usize| v.map_or("n/a".into(), |v| format!("{v:.digits$}"));
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let diagnostics = head.summary.error + head.summary.warning + head.summary.info;

    println!("factlint throughput (MB = 10^6 bytes; warm page cache)");
    println!("  binary        {}", bin.display());
    println!(
        "  corpus        {} ({} in {:.1} s, {})",
        dir.display(),
        if corpus.reused { "reused" } else { "generated" },
        corpus.seconds,
        if args.keep { "kept" } else { "removed after" }
    );
    println!("  corpus size   {size_mb:.2} MB ({} bytes)", corpus.bytes);
    println!(
        "  files         {} ({} .txt, {} .md, {} with front matter; mean {:.1} KB)",
        corpus.files,
        corpus.files - corpus.md,
        corpus.md,
        corpus.front_matter,
        corpus.bytes as f64 / 1000.0 / corpus.files.max(1) as f64,
    );
    println!(
        "  injected      {} slips, {} web-address or e-mail lines",
        corpus.slips, corpus.links
    );
    match load {
        Some(load) => println!("  cores         {cores} (load average before the runs: {load})"),
        None => println!("  cores         {cores}"),
    }
    println!(
        "  diagnostics   {diagnostics} (error {}, warning {}, info {}); JSON report {:.1} MB",
        head.summary.error,
        head.summary.warning,
        head.summary.info,
        *report_bytes as f64 / MB
    );
    println!();
    println!(
        "  {:<7} {:>8} {:>8} {:>8} {:>12} {:>5}",
        "run", "wall s", "MB/s", "cpu s", "peak RSS MB", "exit"
    );
    for (i, r) in runs.iter().enumerate() {
        let s = r.wall.as_secs_f64();
        println!(
            "  {:<7} {:>8.3} {:>8.1} {:>8} {:>12} {:>5}",
            i + 1,
            s,
            size_mb / s,
            opt(r.cpu.map(|c| c.as_secs_f64()), 2),
            opt(r.max_rss.map(|b| b as f64 / MB), 1),
            r.exit
        );
    }
    println!("  {:<7} {:>8.3} {:>8.1}", "best", best, size_mb / best);
    println!(
        "  {:<7} {:>8.3} {:>8.1} {:>8} {:>12}",
        "median",
        median_wall,
        size_mb / median_wall,
        opt(cpu_median, 2),
        opt(peak_mb, 1)
    );
    println!("  (peak RSS is the largest of the runs; MB/s = corpus MB / wall seconds)");
    println!();
    println!(
        "throughput: {:.1} MB/s, peak RSS: {} MB",
        size_mb / median_wall,
        opt(peak_mb, 1)
    );
}

/// The median of sorted values (at least one).
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// The 1, 5 and 15-minute load averages (Linux): other work on the machine
/// skews the wall times.
fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    let parts: Vec<&str> = text.split_whitespace().take(3).collect();
    (parts.len() == 3).then(|| parts.join(" "))
}

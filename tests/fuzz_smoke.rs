//! A seeded run of every fuzz target (`src/fuzz_targets/`), as part of
//! `cargo test`: each target's seeds, then mutants of them made by a
//! fixed-seed generator, for a few seconds a target. A panic or an input
//! that takes over ten seconds fails the test, which prints the input
//! (escaped) and saves it for a replay with
//! `cargo +nightly fuzz run TARGET FILE` (see README.md, "Fuzzing").
//!
//! libFuzzer finds more in an hour than this in years: this run is what CI
//! can afford, so that a target that breaks, or a bug on the beaten path
//! of the seeds, shows in the next test run.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

use factlint::fuzz_targets::{FuzzTarget, TARGETS, repository, seeds};

/// Time given to one target's mutants (its seeds always run whole). The
/// targets run two at a time; the whole file stays well under a minute on
/// a debug build.
const BUDGET: Duration = Duration::from_secs(4);
/// At most this many mutants per target, when the budget allows.
const MAX_MUTANTS: usize = 3000;
/// The fuzzers' `-timeout`: an input that takes longer is a hang.
const SLOW: Duration = Duration::from_secs(10);
/// The generator's seed: change it to explore other mutants.
const PRNG_SEED: u64 = 0x0fac_71e7_5eed_2024;
/// Mutants of text are cut to this length, so that a debug build runs many.
const MAX_LEN: usize = 4096;

/// What a mutant starts from.
#[derive(Clone, Copy, PartialEq)]
enum Cut {
    /// A window of a seed, at most [`MAX_LEN`] long (text: any part reads).
    Window,
    /// A whole seed (a file whose header and lengths must stay to read on).
    Whole,
}

#[test]
fn article_pipeline() {
    smoke("article_pipeline", "article.dict", Cut::Window);
}

#[test]
fn rules_file() {
    smoke("rules_file", "toml.dict", Cut::Window);
}

#[test]
fn config_file() {
    smoke("config_file", "toml.dict", Cut::Window);
}

#[test]
fn front_matter() {
    smoke("front_matter", "toml.dict", Cut::Window);
}

#[test]
fn fact_export() {
    smoke("fact_export", "json.dict", Cut::Whole);
}

#[test]
fn fact_index() {
    smoke("fact_index", "json.dict", Cut::Whole);
}

#[test]
fn lsp_message() {
    smoke("lsp_message", "lsp.dict", Cut::Window);
}

#[test]
fn every_target_is_smoke_tested_and_fuzzed() {
    let source = std::fs::read_to_string(repository().join(file!())).unwrap();
    for (name, _) in TARGETS {
        assert!(
            source.contains(&format!("fn {name}()")),
            "no smoke test for {name}"
        );
        let fuzz_target = repository().join(format!("fuzz/fuzz_targets/{name}.rs"));
        assert!(fuzz_target.is_file(), "no {}", fuzz_target.display());
    }
}

/// Runs the seeds of `target`, then its mutants until the budget is spent.
fn smoke(target: &str, dict: &str, cut: Cut) {
    // What the targets share is loaded once, outside any input's time.
    factlint::fuzz_targets::prepare();
    let run = TARGETS.iter().find(|(n, _)| *n == target).unwrap().1;
    let seeds = seeds::of(target);
    assert!(!seeds.is_empty(), "{target} has seeds");
    let tokens = dictionary(&repository().join("fuzz/dicts").join(dict));
    for seed in &seeds {
        check(target, run, &seed.bytes, &format!("seed {}", seed.name));
    }
    let inputs: Vec<&[u8]> = seeds.iter().map(|s| s.bytes.as_slice()).collect();
    let mut rng = Rng(PRNG_SEED);
    let started = Instant::now();
    let mut n = 0;
    while n < MAX_MUTANTS && started.elapsed() < BUDGET {
        let input = mutant(&mut rng, &inputs, &tokens, cut);
        let what = format!("mutant {n} of PRNG seed {PRNG_SEED:#x}");
        check(target, run, &input, &what);
        n += 1;
    }
    eprintln!(
        "{target}: {} seeds, then {n} mutants in {:.1?}",
        seeds.len(),
        started.elapsed()
    );
}

/// Panics (failing the test) when `run` panics on `input` or takes over
/// [`SLOW`], after saving the input to replay it.
fn check(target: &str, run: FuzzTarget, input: &[u8], what: &str) {
    record_panics();
    let started = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| run(input)));
    let took = started.elapsed();
    let failure = match outcome {
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            let at = PANICS
                .lock()
                .unwrap()
                .drain(..)
                .collect::<Vec<_>>()
                .join("; ");
            format!("panicked: {message} (at {at})")
        }
        Ok(()) if took > SLOW => format!("took {took:.1?}, over {SLOW:?}"),
        Ok(()) => return,
    };
    let saved = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-smoke-{target}"));
    std::fs::write(&saved, input).unwrap();
    panic!(
        "{target}, {what}, {failure}\nreplay: cargo +nightly fuzz run {target} {}\ninput ({} bytes): \"{}\"",
        saved.display(),
        input.len(),
        input.escape_ascii()
    );
}

/// Where each panic happened, from any thread (rayon's workers included).
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Some(at) = info.location() {
                PANICS
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(at.to_string());
            }
            default(info);
        }));
    });
}

/// xorshift64: the same mutants on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// A mutant: a seed as `cut` says (a window starts at the seed's start
/// half the time, so that front matter and headers stay), then one to four
/// edits: a bit flip, a dictionary token inserted, a splice with another
/// seed, a truncation, a chunk repeated, a chunk deleted.
fn mutant(rng: &mut Rng, seeds: &[&[u8]], tokens: &[Vec<u8>], cut: Cut) -> Vec<u8> {
    let window = |rng: &mut Rng| -> Vec<u8> {
        let seed = seeds[rng.below(seeds.len())];
        if cut == Cut::Whole {
            return seed.to_vec();
        }
        let start = if rng.below(2) == 0 {
            0
        } else {
            rng.below(seed.len())
        };
        let end = seed.len().min(start + MAX_LEN);
        seed[start..end].to_vec()
    };
    let mut data = window(rng);
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !tokens.is_empty() => {
                let token = &tokens[rng.below(tokens.len())];
                data.splice(at..at, token.iter().copied());
            }
            2 => {
                let other = window(rng);
                data.truncate(at);
                data.extend_from_slice(&other[rng.below(other.len() + 1)..]);
            }
            3 => data.truncate(at),
            4 => {
                let chunk = data[at..].iter().take(1 + rng.below(64)).copied();
                let chunk: Vec<u8> = chunk.collect();
                for _ in 0..1 + rng.below(32) {
                    data.splice(at..at, chunk.iter().copied());
                }
            }
            _ => {
                let end = data.len().min(at + 1 + rng.below(64));
                data.drain(at..end);
            }
        }
    }
    data
}

/// The values of a libFuzzer dictionary: `"..."` or `name="..."` lines
/// with `\\`, `\"` and `\xNN` escapes; `#` starts a comment.
fn dictionary(path: &Path) -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut tokens = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let quoted = &line[line.find('"').expect("a quoted value") + 1..line.len() - 1];
        let mut token = Vec::new();
        let mut bytes = quoted.bytes();
        while let Some(b) = bytes.next() {
            if b != b'\\' {
                token.push(b);
                continue;
            }
            match bytes.next() {
                Some(b'x') => {
                    let hex: Vec<u8> = bytes.by_ref().take(2).collect();
                    let hex = std::str::from_utf8(&hex).unwrap();
                    token.push(u8::from_str_radix(hex, 16).unwrap());
                }
                Some(c) => token.push(c),
                None => panic!("{}: a line ends in an escape: {line}", path.display()),
            }
        }
        tokens.push(token);
    }
    tokens
}

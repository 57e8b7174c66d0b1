//! Writes the seeds of every fuzz target into `fuzz/corpus/TARGET/` (or
//! under the folder given), where `cargo fuzz run TARGET` starts from them:
//!
//! ```sh
//! cargo run --example fuzz_seeds
//! ```
//!
//! The seeds are the repository's own files (see
//! `factlint::fuzz_targets::seeds`), so they are written afresh rather than
//! kept in git; what the fuzzers add beside them stays.

use std::fs;
use std::path::PathBuf;

use factlint::fuzz_targets::{TARGETS, repository, seeds};

fn main() -> std::io::Result<()> {
    let root = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| repository().join("fuzz/corpus"));
    for (target, _) in TARGETS {
        let folder = root.join(target);
        fs::create_dir_all(&folder)?;
        let seeds = seeds::of(target);
        for seed in &seeds {
            fs::write(folder.join(format!("seed-{}", seed.name)), &seed.bytes)?;
        }
        println!("{target}: {} seeds in {}", seeds.len(), folder.display());
    }
    Ok(())
}

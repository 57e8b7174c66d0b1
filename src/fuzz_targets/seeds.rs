//! The starting inputs of each target, from the repository's own files:
//! articles, rule files and configurations as they are; front matter cut
//! from the articles that have one; exports and indexes written from the
//! bundled corpus with the bundled rules (so their fingerprint is the one
//! the targets check); and the language server frames of `fuzz/seeds/`.

use std::path::{Path, PathBuf};

use super::{bundle, repository};
use crate::corpus;
use crate::engine;
use crate::extract;
use crate::fact_index::{FactIndex, Inputs};
use crate::fact_records::{self, ArticleRecord, FactRecord, FileErrorRecord};
use crate::report::facts::{FactFormat, FactWriter};

/// One starting input, named for the file it is saved as.
pub struct Seed {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The seeds of `target` (none for an unknown name).
pub fn of(target: &str) -> Vec<Seed> {
    match target {
        "article_pipeline" => files(
            &["corpus", "tests/fixtures", "tests/eval/articles"],
            &ARTICLE,
        ),
        "rules_file" => {
            let mut seeds = files(&["rules", "tests/fixtures"], &["toml"]);
            // All the bundled families in one file: the rules are only
            // compiled and used when a file's references resolve.
            let all: Vec<u8> = files(&["rules"], &["toml"])
                .into_iter()
                .flat_map(|s| s.bytes)
                .collect();
            seeds.push(Seed {
                name: "all-bundled-rules.toml".into(),
                bytes: all,
            });
            seeds
        }
        "config_file" => {
            let mut seeds = files(&["tests/fixtures"], &["toml"]);
            seeds.retain(|s| s.name.ends_with("factlint.toml"));
            seeds.extend(files(&["fuzz/seeds/config_file"], &["toml"]));
            seeds
        }
        "front_matter" => {
            let mut seeds: Vec<Seed> = files(&["tests/fixtures", "tests/eval/articles"], &ARTICLE)
                .into_iter()
                .filter_map(|s| {
                    let fence = [&b"---\n"[..], b"+++\n"]
                        .into_iter()
                        .find(|f| s.bytes.starts_with(f))?;
                    Some(Seed {
                        bytes: s.bytes[fence.len()..].to_vec(),
                        name: s.name,
                    })
                })
                .collect();
            seeds.extend(
                files(&["tests/fixtures"], &["toml"])
                    .into_iter()
                    .filter(|s| s.name.ends_with(corpus::METADATA_FILE)),
            );
            seeds
        }
        "fact_export" => vec![
            export(
                "corpus/poutine-pyongyang.txt",
                FactFormat::Jsonl,
                "poutine-pyongyang.jsonl",
            ),
            export(
                "tests/fixtures/facts-people",
                FactFormat::Jsonl,
                "facts-people.jsonl",
            ),
            export(
                "tests/fixtures/facts-table",
                FactFormat::Json,
                "facts-table.json",
            ),
        ],
        "fact_index" => vec![
            index("corpus", "corpus.idx"),
            index("tests/fixtures/facts-table", "facts-table.idx"),
        ],
        "lsp_message" => files(&["fuzz/seeds/lsp_message"], &["txt"]),
        _ => Vec::new(),
    }
}

const ARTICLE: [&str; 3] = ["md", "txt", "markdown"];

/// The files with one of `extensions` under the `folders` of the
/// repository, in a stable order, named by their path with `/` as `-`.
fn files(folders: &[&str], extensions: &[&str]) -> Vec<Seed> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for folder in folders {
        let walk = walkdir::WalkDir::new(repository().join(folder)).sort_by_file_name();
        paths.extend(
            walk.into_iter()
                .flatten()
                .map(|e| e.into_path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
                }),
        );
    }
    paths
        .into_iter()
        .filter_map(|p| {
            Some(Seed {
                bytes: std::fs::read(&p).ok()?,
                name: seed_name(&p),
            })
        })
        .collect()
}

fn seed_name(path: &Path) -> String {
    let relative = path.strip_prefix(repository()).unwrap_or(path);
    relative.display().to_string().replace(['/', '\\'], "-")
}

/// What `factlint facts PATH` writes with the bundled rules: every
/// record of every article, the `article` records the checks read first.
fn export(path: &str, format: FactFormat, name: &str) -> Seed {
    let b = bundle();
    let found = corpus::discover(&[repository().join(path)]).expect("the path is there");
    let mut bytes = Vec::new();
    let mut writer = FactWriter::new(&mut bytes, format, false).expect("writing to memory");
    let wrote = engine::read_each(
        &found,
        &b.rules,
        &b.options,
        |doc, mut facts, prose, compiled| {
            extract::read_figures(&mut facts, prose);
            let mut records = fact_records::records(&facts, &doc.text, &b.rules, compiled);
            let article = ArticleRecord::new(facts, &b.rules_fingerprint, compiled);
            records.insert(0, FactRecord::Article(Box::new(article)));
            records
        },
        |records| match records {
            Ok(records) => writer.file(&records),
            Err(d) => writer.file(&[FactRecord::FileError(FileErrorRecord::from(&d))]),
        },
    );
    wrote
        .and_then(|()| writer.finish())
        .expect("writing to memory");
    Seed {
        name: name.into(),
        bytes,
    }
}

/// What `factlint index FOLDER -o FILE` writes with the bundled rules.
fn index(folder: &str, name: &str) -> Seed {
    let b = bundle();
    let root = repository().join(folder);
    let found = corpus::discover(std::slice::from_ref(&root)).expect("the folder is there");
    let inputs = Inputs::read(
        &b.rules.files,
        None,
        std::slice::from_ref(&root),
        b.options.max_file_size,
    );
    let index = FactIndex::build(&[root], &[], &found, &b.rules, &b.options, inputs);
    let out =
        std::env::temp_dir().join(format!("factlint-fuzz-seed-{}-{name}", std::process::id()));
    index.write(&out).expect("the temporary folder is writable");
    let bytes = std::fs::read(&out).expect("the index was just written");
    let _ = std::fs::remove_file(&out);
    Seed {
        name: name.into(),
        bytes,
    }
}

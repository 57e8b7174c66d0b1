//! Where a report goes: standard output, or the file of `-o`.
//!
//! Two promises live here. A report that could not be written is an error
//! the user hears of (a full disk, `> /dev/full`), not a run that looks
//! clean; but a reader that stops reading (`factlint corpus/ | head`) is
//! not one: the output ends quietly, as Unix tools do on a closed pipe.
//! And `-o` never names a file the run reads: a report written over an
//! article (or a rule file, an export, an index) would destroy it.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::corpus::{METADATA_FILE, Target};

/// Why a report was not written whole.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The reader closed the pipe: nobody wants the rest.
    #[error("the reader closed the pipe")]
    Closed,
    /// Anything else; the text says why (with the file for `-o`).
    #[error("cannot write the report: {0}")]
    Failed(String),
}

/// Writes a report, buffered, to `output` (created or truncated) or, without
/// one, to `stdout`. Every error, up to the last flush, is returned.
pub fn write_report<W: Write>(
    output: Option<&Path>,
    stdout: W,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let written = match output {
        Some(path) => fs::File::create(path)
            .and_then(|file| write_all(file, write))
            .map_err(|e| (e, Some(path))),
        None => write_all(stdout, write).map_err(|e| (e, None)),
    };
    written.map_err(|(e, path)| match (e.kind(), path) {
        (io::ErrorKind::BrokenPipe, _) => WriteError::Closed,
        (_, Some(path)) => WriteError::Failed(format!("{}: {}", path.display(), reason(&e))),
        (_, None) => WriteError::Failed(format!("standard output: {}", reason(&e))),
    })
}

fn write_all<W: Write>(
    to: W,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::new(to);
    write(&mut out)?;
    out.flush()
}

/// "No space left on device (os error 28)" without the errno.
fn reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Refuses an output path that is one of `inputs` (the files the run
/// reads): the same file whatever the name — through `..`, a symbolic link
/// or, on Unix, a hard link. A path that does not exist yet is no input.
pub fn refuse_input<'a>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), String> {
    let Some(out) = file_id(output) else {
        return Ok(());
    };
    let Some(input) = inputs
        .into_iter()
        .find(|p| file_id(p).as_ref() == Some(&out))
    else {
        return Ok(());
    };
    let which = if input == output {
        "one of the inputs".to_string()
    } else {
        format!("the input {} under another name", input.display())
    };
    Err(format!(
        "-o {}: this file is {which}; writing there would overwrite it. Nothing \
         was written: choose another file",
        output.display()
    ))
}

/// [`refuse_input`] for a run that reads the articles of `found`, the
/// `metadata.toml` of their folders, and `others` (rule files,
/// `factlint.toml`, fact exports, an index).
pub fn refuse_run_input<'a>(
    output: Option<&Path>,
    found: &'a [Target],
    others: impl IntoIterator<Item = &'a Path>,
) -> Result<(), String> {
    let Some(output) = output else {
        return Ok(());
    };
    let articles: Vec<&Path> = found
        .iter()
        .filter_map(|t| t.as_ref().ok())
        .map(PathBuf::as_path)
        .collect();
    let folders: BTreeSet<&Path> = articles.iter().filter_map(|p| p.parent()).collect();
    let sidecars: Vec<PathBuf> = folders.iter().map(|f| f.join(METADATA_FILE)).collect();
    let others: Vec<&Path> = others.into_iter().collect();
    let inputs = articles
        .into_iter()
        .chain(sidecars.iter().map(PathBuf::as_path))
        .chain(others);
    refuse_input(output, inputs)
}

/// What makes two paths one file: the device and inode on Unix (links of
/// every kind lead there), the canonical path elsewhere. Only `stat`, never
/// `open`, which would block on a FIFO among the inputs.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<std::path::PathBuf> {
    fs::canonicalize(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails as a full disk or a closed pipe does.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    #[test]
    fn an_error_at_the_last_flush_is_not_lost() {
        // Under the buffer's size: the error comes only at the flush.
        let got = write_report(None, Failing(io::ErrorKind::StorageFull), |out| {
            out.write_all(b"short report\n")
        });
        assert!(
            matches!(&got, Err(WriteError::Failed(m)) if m.starts_with("standard output: ")),
            "{got:?}"
        );
        let got = write_report(None, Failing(io::ErrorKind::BrokenPipe), |out| {
            out.write_all(b"x")
        });
        assert!(matches!(got, Err(WriteError::Closed)), "{got:?}");
        let mut sink = Vec::new();
        write_report(None, &mut sink, |out| out.write_all(b"ok")).unwrap();
        assert_eq!(sink, b"ok");
    }

    #[cfg(unix)]
    #[test]
    fn an_input_is_refused_by_any_of_its_names() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        fs::write(&article, "texte").unwrap();
        std::os::unix::fs::symlink(&article, dir.path().join("lien.txt")).unwrap();
        fs::hard_link(&article, dir.path().join("dur.txt")).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        let inputs = [article.as_path()];
        for name in ["a.txt", "lien.txt", "dur.txt", "sub/../a.txt"] {
            let out = dir.path().join(name);
            assert!(refuse_input(&out, inputs).is_err(), "{name}");
        }
        for name in ["nouveau.json", "sub"] {
            assert!(
                refuse_input(&dir.path().join(name), inputs).is_ok(),
                "{name}"
            );
        }
    }
}

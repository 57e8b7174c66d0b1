//! Where a report goes: standard output, or the file of `-o`.
//!
//! A report that could not be written is an error the user hears of (a
//! full disk, `> /dev/full`), not a run that looks clean; but a reader that
//! stops reading (`factlint corpus/ | head`) is not one: the output ends
//! quietly, as Unix tools do on a closed pipe.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

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
}

//! Rewriting a fixed article in place so that no reader, crash or full disk
//! ever sees half a file: the new bytes go to a temporary file beside the
//! article, are flushed to disk, take the article's permissions, and the
//! temporary file is renamed over the article (an atomic step on one file
//! system). On any error the temporary file is removed and the article is
//! left as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Why a file could not be rewritten.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the file changed on disk since it was read")]
    Changed,
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Replaces the contents of the file at `path` with `after`, provided it
/// still holds `before` (what was linted). A symbolic link is followed: its
/// target is rewritten and the link stays a link.
pub fn replace(path: &Path, before: &[u8], after: &[u8]) -> Result<(), WriteError> {
    let target = fs::canonicalize(path)?;
    if fs::read(&target)? != before {
        return Err(WriteError::Changed);
    }
    // Renaming over a read-only file succeeds whenever its folder is
    // writable; the file's own permission is what says "do not change me".
    drop(OpenOptions::new().write(true).open(&target)?);
    let permissions = fs::metadata(&target)?.permissions();
    write_beside(&target, after, permissions)?;
    Ok(())
}

/// Writes `bytes` to a new file in `target`'s folder and renames it over
/// `target`; removes the new file if any step fails.
fn write_beside(target: &Path, bytes: &[u8], permissions: fs::Permissions) -> io::Result<()> {
    let (temp_path, mut file) = create_temp(target)?;
    let written = (|| {
        file.write_all(bytes)?;
        file.set_permissions(permissions)?;
        keep_owner(&file, target);
        file.sync_all()?;
        drop(file);
        fs::rename(&temp_path, target)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temp_path);
        return Err(e);
    }
    // Make the rename itself durable; the file is whole either way.
    if let Some(folder) = target.parent()
        && let Ok(dir) = File::open(folder)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// A new file named `.NAME.factlint-PID-N.tmp` beside `target`: hidden, so
/// a walk of the folder never lints one, and unique (`create_new`), so two
/// runs never write into the same one.
fn create_temp(target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut attempts = 0;
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = folder.join(format!(".{name}.factlint-{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => attempts += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Gives the new file the article's owner and group where the user may
/// (root fixing someone's files); elsewhere the user already owns it.
#[cfg(unix)]
fn keep_owner(file: &File, target: &Path) {
    use std::os::unix::fs::MetadataExt;
    if let (Ok(old), Ok(new)) = (fs::metadata(target), file.metadata())
        && (old.uid() != new.uid() || old.gid() != new.gid())
    {
        // Best effort: a user may not give a file away, and then the file
        // is the user's, as with any editor that saves by renaming.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _target: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn replaces_the_bytes_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "\u{feff}poutine\r\n").unwrap();
        replace(
            &path,
            "\u{feff}poutine\r\n".as_bytes(),
            "\u{feff}Poutine\r\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), "\u{feff}Poutine\r\n".as_bytes());
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "edited meanwhile").unwrap();
        let err = replace(&path, b"poutine", b"Poutine").unwrap_err();
        assert!(matches!(err, WriteError::Changed), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_links_stay_links() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        fs::write(&real, "poutine").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.txt");
        symlink(&real, &link).unwrap();
        replace(&link, b"poutine", b"Poutine").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"Poutine");
        let mode = fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn a_failed_rename_removes_the_temporary_file() {
        // Renaming a file over a folder that is not empty fails, even for
        // root, where permissions would not.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("folder.txt");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), "x").unwrap();
        let permissions = fs::metadata(&target).unwrap().permissions();
        assert!(write_beside(&target, b"new", permissions).is_err());
        assert!(leftovers(dir.path()).is_empty());
        assert!(target.join("inside").exists());
    }
}

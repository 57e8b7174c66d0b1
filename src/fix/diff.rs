//! `--diff`: the fixes as a unified diff that `patch -p1` and `git apply`
//! take as they are.
//!
//! Both tools split the patch and the file it patches at LF only: a CR is a
//! byte of its line, whether the file ends lines with CRLF, with CR alone
//! (old Mac files) or mixes them. `similar`'s own line splitting also ends a
//! line at a lone CR, which gives hunks neither tool can apply, so the texts
//! are cut here at LF and `similar` diffs the pieces. A last line without
//! LF is followed by the `\ No newline at end of file` marker both expect.

use std::fmt::Write;
use std::path::Path;

use similar::TextDiff;

use super::Change;

/// The change as a unified diff with three lines of context, headed
/// `--- a/PATH` / `+++ b/PATH`: the path as given on the command line, with
/// a leading `/` and `./` dropped, so that `patch -p1` and `git apply`
/// apply it from the folder factlint ran in (from `/` for absolute paths).
pub fn unified_diff(change: &Change) -> String {
    let old: Vec<&str> = change.before.split_inclusive('\n').collect();
    let new: Vec<&str> = change.after.split_inclusive('\n').collect();
    let diff = TextDiff::configure()
        .newline_terminated(true)
        .diff_slices(&old, &new);
    let name = header_path(&change.path);
    let mut out = String::new();
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        if out.is_empty() {
            let _ = write!(
                out,
                "--- {}\n+++ {}\n",
                quoted("a/", &name),
                quoted("b/", &name)
            );
        }
        let _ = writeln!(out, "{}", hunk.header());
        for line in hunk.iter_changes() {
            let _ = write!(out, "{}{}", line.tag(), line.value());
            if !line.value().ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// The path's bytes without a leading `/` or `.` components, which
/// `git apply` refuses (`a/./x` is "invalid path").
fn header_path(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut name = Vec::new();
    for component in path.components() {
        let part = match component {
            Component::Normal(part) => part,
            Component::ParentDir => std::ffi::OsStr::new(".."),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => continue,
        };
        if !name.is_empty() {
            name.push(b'/');
        }
        name.extend_from_slice(&os_bytes(part));
    }
    name
}

#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(s).to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

/// `prefix` + `name` as a header names a file: as it is when that is
/// unambiguous, else in double quotes with C escapes, as git writes it and
/// GNU patch reads it. A space would end the name for `patch`; a control
/// character, a quote, a backslash or bytes that are not UTF-8 could not be
/// written plainly.
fn quoted(prefix: &str, name: &[u8]) -> String {
    let plain = std::str::from_utf8(name)
        .ok()
        .filter(|s| !s.contains(|c: char| c.is_control() || matches!(c, ' ' | '"' | '\\')));
    if let Some(name) = plain {
        return format!("{prefix}{name}");
    }
    let mut out = format!("\"{prefix}");
    for &byte in name {
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b' '..=b'~' => out.push(char::from(byte)),
            _ => {
                let _ = write!(out, "\\{byte:03o}");
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn change(path: &str, before: &str, after: &str) -> Change {
        Change {
            path: PathBuf::from(path),
            shown: path.into(),
            before: before.into(),
            after: after.into(),
            fixes: 1,
        }
    }

    #[test]
    fn the_diff_has_headers_and_context() {
        let change = change(
            "/x/a.txt",
            "1\n2\n3\n4\npoutine\n6\n7\n8\n9\n",
            "1\n2\n3\n4\nPoutine\n6\n7\n8\n9\n",
        );
        assert_eq!(
            unified_diff(&change),
            "--- a/x/a.txt\n+++ b/x/a.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-poutine\n+Poutine\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn a_lone_cr_is_a_byte_of_its_line_and_a_last_line_without_lf_is_marked() {
        let change = change("a.txt", "un\rpoutine\rtrois", "un\rPoutine\rtrois");
        assert_eq!(
            unified_diff(&change),
            "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-un\rpoutine\rtrois\n\\ No newline at end of file\n\
             +un\rPoutine\rtrois\n\\ No newline at end of file\n"
        );
        // Context without a final LF is marked too.
        let change = change_of("poutine\r\nfin", "Poutine\r\nfin");
        assert_eq!(
            unified_diff(&change),
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-poutine\r\n+Poutine\r\n fin\n\\ No newline at end of file\n"
        );
    }

    fn change_of(before: &str, after: &str) -> Change {
        change("a.txt", before, after)
    }

    #[test]
    fn header_paths_are_what_patch_and_git_read() {
        let header = |path: &str| unified_diff(&change(path, "a\n", "b\n"));
        assert!(header("./corpus/a.txt").starts_with("--- a/corpus/a.txt\n+++ b/corpus/a.txt\n"));
        assert!(header("x/un article.txt").starts_with("--- \"a/x/un article.txt\"\n"));
        assert!(header("Pékin.txt").starts_with("--- a/Pékin.txt\n"));
        assert!(header("t\"a\\b\tc.txt").starts_with("--- \"a/t\\\"a\\\\b\\tc.txt\"\n"));
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_quoted_byte_by_byte() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"P\xe9kin.txt"));
        assert_eq!(quoted("a/", &header_path(path)), "\"a/P\\351kin.txt\"");
    }
}

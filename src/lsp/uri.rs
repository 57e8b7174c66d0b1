//! Document URIs and file paths. Percent-encoding and the platform's path
//! rules are the `url` crate's job; lsp-types' `Uri` only parses.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The file a `file:` URI names; `None` for other schemes (`untitled:`).
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// The `file:` URI of `path`, made absolute against the working directory.
pub fn from_path(path: &Path) -> Option<Uri> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let url = url::Url::from_file_path(absolute).ok()?;
    Uri::from_str(url.as_str()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn paths_with_accents_and_spaces_round_trip() {
        let path = Path::new("/tmp/rédaction en cours/brouillon été.md");
        let uri = from_path(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///tmp/r%C3%A9daction%20en%20cours/brouillon%20%C3%A9t%C3%A9.md"
        );
        assert_eq!(to_path(&uri).as_deref(), Some(path));
    }

    #[test]
    fn other_schemes_have_no_path() {
        let uri = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(to_path(&uri), None);
    }
}

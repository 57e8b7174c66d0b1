//! `--statistics`: how many findings of each kind, most frequent first,
//! instead of the findings themselves.

use std::io::Write;

use crate::diagnostic::{Diagnostic, Kind};

/// One line per kind found: count, code, kind, and how many of them carry
/// a safe fix; then the files checked.
pub fn write(
    out: &mut (impl Write + ?Sized),
    files_checked: usize,
    diagnostics: &[Diagnostic],
) -> std::io::Result<()> {
    let mut rows: Vec<(Kind, usize, usize)> = Vec::new();
    for kind in Kind::ALL {
        let of_kind = diagnostics.iter().filter(|d| d.kind == kind);
        let (count, fixable) = of_kind.fold((0, 0), |(n, f), d| {
            (n + 1, f + usize::from(d.safe_fix && d.suggestion.is_some()))
        });
        if count > 0 {
            rows.push((kind, count, fixable));
        }
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (kind, count, fixable) in &rows {
        let fix = if *fixable > 0 {
            format!("  ({fixable} fixable with --fix)")
        } else {
            String::new()
        };
        writeln!(out, "{count:>7}  {:<6} {kind}{fix}", kind.code())?;
    }
    let total: usize = rows.iter().map(|r| r.1).sum();
    writeln!(out, "{total:>7}  findings in {files_checked} files checked")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    #[test]
    fn counts_by_kind_most_frequent_first() {
        let d =
            |k: Kind| Diagnostic::new(k, Severity::Warning, "a.txt", Span::FILE, "", String::new());
        let diags = vec![
            d(Kind::Typography).with_fix(" ?"),
            d(Kind::Typography),
            d(Kind::Grammar),
        ];
        let mut out = Vec::new();
        write(&mut out, 2, &diags).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "      2  FL402  typography  (1 fixable with --fix)\n      1  FL403  grammar\n      3  findings in 2 files checked\n"
        );
    }
}

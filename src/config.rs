//! `factlint.toml`: a newsroom's settings, at the corpus root, found by
//! walking up from the first linted path.
//!
//! ```toml
//! rules = ["rules", "../regles-maison"]    # rule folders, relative to this file
//! ignore = ["brouillons/**", "**/*.old.md"] # files never linted (globs)
//! disable = ["unsourced-claim", "FL207"]    # kinds or codes never reported
//!
//! [severity]                                # per kind or code
//! name-variant = "error"
//! FL303 = "info"
//!
//! [publication]                             # dates of plain .txt articles
//! "corpus/kim-poutine-amour.txt" = "2023-09-15"
//! ```
//!
//! Command-line options win: `--rules` replaces `rules`, `--kind` and
//! `--ignore` apply on top of `disable`.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::rules::{RuleError, RuleErrors, Source};

pub const CONFIG_FILE: &str = "factlint.toml";

/// The settings of one `factlint.toml`, paths resolved against its folder.
#[derive(Debug, Default)]
pub struct Config {
    /// The file they come from.
    pub path: PathBuf,
    pub rules: Vec<PathBuf>,
    ignore: Option<GlobSet>,
    /// The folder the ignore globs are relative to, canonical.
    root: PathBuf,
    pub disable: Vec<Kind>,
    pub severity: Vec<(Kind, Severity)>,
    /// Publication dates by canonical article path.
    pub publication: HashMap<PathBuf, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigToml {
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    publication: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// The `factlint.toml` of the folder holding `start`, or of the nearest
/// folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let first = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    first?
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

/// Reads the configuration for `targets` (none when no file is found).
/// What a run over some articles reads before any article: the rules, the
/// engine options and the `factlint.toml` that applies. The command line,
/// the index and the language server resolve them here, alike.
pub struct Settings {
    pub rules: crate::rules::RuleSet,
    /// The folders the rules were loaded from (none found: empty).
    pub rule_dirs: Vec<PathBuf>,
    pub options: crate::engine::Options,
    pub config: Option<Config>,
}

impl Settings {
    /// The settings of a run over `base`: the `factlint.toml` found by
    /// walking up from it; the rules of `rule_dirs` when given, else of its
    /// `rules` key, else those found beside `base`; its disabled kinds and
    /// publication dates in the options.
    pub fn resolve(
        rule_dirs: &[PathBuf],
        max_file_size: u64,
        base: &[PathBuf],
    ) -> Result<Settings, RuleErrors> {
        let config = discover(base)?;
        let dirs = if !rule_dirs.is_empty() {
            rule_dirs.to_vec()
        } else if let Some(c) = config.as_ref().filter(|c| !c.rules.is_empty()) {
            c.rules.clone()
        } else {
            crate::rules::default_dirs(base)
        };
        let rules = crate::rules::load(&dirs)?;
        let mut options = crate::engine::Options {
            max_file_size,
            ..Default::default()
        };
        if let Some(c) = &config {
            options.ignore.extend(c.disable.iter().copied());
            options.publication = std::sync::Arc::new(c.publication.clone());
        }
        Ok(Settings {
            rules,
            rule_dirs: dirs,
            options,
            config,
        })
    }

    /// `found` without the files the configuration's `ignore` globs name.
    pub fn without_ignored(&self, found: Vec<crate::corpus::Target>) -> Vec<crate::corpus::Target> {
        match &self.config {
            Some(c) => c.without_ignored(found),
            None => found,
        }
    }
}

impl Config {
    /// `found` without the files the `ignore` globs name.
    pub fn without_ignored(&self, found: Vec<crate::corpus::Target>) -> Vec<crate::corpus::Target> {
        found
            .into_iter()
            .filter(|t| !t.as_ref().is_ok_and(|p| self.ignores(p)))
            .collect()
    }
}

pub fn discover(targets: &[PathBuf]) -> Result<Option<Config>, RuleErrors> {
    let Some(path) = targets.first().and_then(|t| find(t)) else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    let text = fs::read_to_string(&path).map_err(|e| RuleErrors {
        errors: vec![RuleError::about(
            &shown,
            format!("{shown}: cannot read: {e}"),
            None,
        )],
    })?;
    parse(&path, &text).map(Some)
}

/// Parses the text of the `factlint.toml` at `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, RuleErrors> {
    let shown = path.display().to_string();
    let src = Source::new(&shown, text);
    let mut errors = Vec::new();
    let raw: ConfigToml = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let help = e.message().contains("unknown field").then(|| {
                "factlint.toml takes rules, ignore, disable, [severity] and [publication] \
                 (README.md, \"Configuration\")"
                    .to_string()
            });
            errors.push(src.error(
                e.message().trim().to_string(),
                e.span().unwrap_or(0..0),
                "here",
                help,
            ));
            return Err(RuleErrors { errors });
        }
    };
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let root = fs::canonicalize(&folder).unwrap_or_else(|_| folder.clone());
    let mut config = Config {
        path: path.to_path_buf(),
        root,
        ..Config::default()
    };
    for r in &raw.rules {
        config.rules.push(folder.join(r.get_ref()));
    }
    let mut globs = GlobSetBuilder::new();
    for g in &raw.ignore {
        match Glob::new(g.get_ref()) {
            Ok(glob) => {
                globs.add(glob);
            }
            Err(e) => errors.push(src.error(
                format!("invalid ignore glob {:?}: {}", g.get_ref(), e.kind()),
                g.span(),
                "this glob",
                Some("globs use *, ** and ?, relative to the folder of factlint.toml".into()),
            )),
        }
    }
    if !raw.ignore.is_empty() {
        config.ignore = globs.build().ok();
    }
    let kind = |s: &Spanned<String>, errors: &mut Vec<RuleError>| match Kind::lookup(s.get_ref()) {
        Some(k) => Some(k),
        None => {
            errors.push(src.error(
                format!("unknown kind or code `{}`", s.get_ref()),
                s.span(),
                "not a kind",
                Some("`factlint explain` lists the kinds and their codes".into()),
            ));
            None
        }
    };
    for d in &raw.disable {
        config.disable.extend(kind(d, &mut errors));
    }
    for (k, v) in &raw.severity {
        let severity = match v.get_ref().as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            other => {
                errors.push(src.error(
                    format!("unknown severity `{other}`"),
                    v.span(),
                    "not a severity",
                    Some("write \"error\", \"warning\" or \"info\"".into()),
                ));
                None
            }
        };
        if let (Some(k), Some(s)) = (kind(k, &mut errors), severity) {
            config.severity.push((k, s));
        }
    }
    for (file, date) in &raw.publication {
        let meta = crate::corpus::Meta {
            date: Some(date.get_ref().clone()),
            ..Default::default()
        };
        if meta.publication().is_none() {
            errors.push(src.error(
                format!("invalid publication date {:?}", date.get_ref()),
                date.span(),
                "not a date",
                Some("write YYYY-MM-DD, e.g. \"2024-06-19\"".into()),
            ));
            continue;
        }
        let article = folder.join(file.get_ref());
        let key = fs::canonicalize(&article).unwrap_or(article);
        config.publication.insert(key, date.get_ref().clone());
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(RuleErrors { errors })
    }
}

impl Config {
    /// Whether an `ignore` glob matches `path` (relative to the folder of
    /// `factlint.toml`).
    pub fn ignores(&self, path: &Path) -> bool {
        let Some(globs) = &self.ignore else {
            return false;
        };
        let absolute = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        absolute
            .strip_prefix(&self.root)
            .is_ok_and(|relative| globs.is_match(relative))
    }

    /// Applies the `[severity]` table.
    pub fn apply_severity(&self, diagnostics: &mut [Diagnostic]) {
        if self.severity.is_empty() {
            return;
        }
        for d in diagnostics {
            if let Some(&(_, s)) = self.severity.iter().find(|(k, _)| *k == d.kind) {
                d.severity = s;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str, e: &RuleErrors) -> String {
        let span = e.errors[0].span.expect("a span");
        text[span.offset()..span.offset() + span.len()].to_string()
    }

    #[test]
    fn every_setting_is_read() {
        let text = "rules = [\"r\"]\nignore = [\"brouillons/**\"]\ndisable = [\"FL207\"]\n\
                    [severity]\nname-variant = \"error\"\n[publication]\n\"a.txt\" = \"2024-06-19\"\n";
        let config = parse(Path::new("/tmp/x/factlint.toml"), text).unwrap();
        assert_eq!(config.rules, vec![PathBuf::from("/tmp/x/r")]);
        assert_eq!(config.disable, vec![Kind::AmbiguousDate]);
        assert_eq!(config.severity, vec![(Kind::NameVariant, Severity::Error)]);
        assert_eq!(config.publication.len(), 1);
    }

    #[test]
    fn mistakes_point_into_the_file() {
        for (text, at) in [
            ("rulez = []\n", "rulez"),
            ("disable = [\"name-typos\"]\n", "\"name-typos\""),
            ("[severity]\nFL101 = \"fatal\"\n", "\"fatal\""),
            ("ignore = [\"a/[\"]\n", "\"a/[\""),
            ("[publication]\n\"a.txt\" = \"hier\"\n", "\"hier\""),
        ] {
            let e = parse(Path::new("factlint.toml"), text).unwrap_err();
            assert_eq!(label(text, &e), at, "{text}");
        }
    }
}

//! `[[exclude]]`: regions of text that no check reports on, such as URLs,
//! bylines or site boilerplate.
//!
//! ```toml
//! [[exclude]]
//! id = "urls"
//! pattern = 'https?://\S+'
//! reason = "addresses are not prose"
//! ```
//!
//! Patterns use the `regex` crate's syntax, which runs in time linear in
//! the text: a rule cannot make the linter hang.

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{Origin, RuleError, RuleSet, Source, inner_span};

/// Compiled patterns are capped so that a rule cannot exhaust memory.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

#[derive(Clone, Debug)]
pub struct Exclude {
    pub origin: Origin,
    pub pattern: Regex,
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExcludeToml {
    id: Spanned<String>,
    pattern: Spanned<String>,
    #[serde(default)]
    reason: String,
}

pub(super) fn validate(
    raw: ExcludeToml,
    src: &Source,
    set: &RuleSet,
    errors: &mut Vec<RuleError>,
) -> Option<Exclude> {
    let id = raw.id.get_ref().clone();
    let first_in = set
        .excludes
        .iter()
        .find(|x| x.origin.id == id)
        .map(|x| x.origin.file.clone());
    if first_in.is_some() {
        super::check_unique_id(src, "exclude", &raw.id, first_in.as_deref(), errors);
        return None;
    }
    let pattern = raw.pattern.get_ref();
    if let Err(e) = regex_syntax::ast::parse::Parser::new().parse(pattern) {
        let span = raw.pattern.span();
        let at = match inner_span(src.text, &span, pattern) {
            Some(start) => {
                let s = start + e.span().start.offset;
                s..(start + e.span().end.offset).max(s + 1).min(span.end)
            }
            None => span,
        };
        errors.push(src.error(
            format!("invalid pattern in exclude `{id}`: {}", e.kind()),
            at,
            "here",
            Some("patterns use the syntax of the Rust regex crate".into()),
        ));
        return None;
    }
    let compiled = regex::RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build();
    match compiled {
        Ok(re) => Some(Exclude {
            origin: Origin {
                file: src.path.to_string(),
                id,
            },
            pattern: re,
            reason: raw.reason,
        }),
        Err(e) => {
            errors.push(src.error(
                format!("invalid pattern in exclude `{id}`: {e}"),
                raw.pattern.span(),
                "here",
                None,
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::parse_for_test;

    #[test]
    fn invalid_regex_points_inside_the_pattern() {
        let text = "[[exclude]]\nid = \"u\"\npattern = 'ab(c'\n";
        let errors = parse_for_test(text).unwrap_err();
        let span = errors[0].span.unwrap();
        assert!(
            errors[0].message.contains("invalid pattern"),
            "{}",
            errors[0].message
        );
        let start = text.find("ab(c").unwrap();
        assert!(span.offset() >= start && span.offset() <= start + 4);
    }

    #[test]
    fn huge_patterns_are_refused() {
        let text = "[[exclude]]\nid = \"u\"\npattern = '\\w{1000}{1000}'\n";
        let errors = parse_for_test(text).unwrap_err();
        assert!(errors[0].message.contains("invalid pattern"));
    }

    #[test]
    fn valid_exclude_loads() {
        let set = parse_for_test("[[exclude]]\nid = \"u\"\npattern = 'https?://\\S+'\n").unwrap();
        assert!(set.excludes[0].pattern.is_match("voir https://x.org"));
    }
}

//! `[[accept]]`: words the spelling check takes as French although the
//! dictionary lacks them: a newsroom's jargon, transliterations, loanwords.
//!
//! ```toml
//! [[accept]]
//! words = ["dronisation", "hwasong"]
//! note = "defence jargon and North Korean missile names"
//! ```
//!
//! A word is one token: letters, with internal hyphens or apostrophes
//! ("think-tank", "aujourd’hui"); case does not matter.

use serde::Deserialize;
use toml::Spanned;

use super::{RuleError, Source};

/// Words accepted by one `[[accept]]` table.
#[derive(Clone, Debug)]
pub struct Accept {
    pub file: String,
    pub words: Vec<String>,
    pub note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AcceptToml {
    words: Spanned<Vec<Spanned<String>>>,
    note: Spanned<String>,
}

pub(super) fn validate(
    raw: AcceptToml,
    src: &Source,
    errors: &mut Vec<RuleError>,
) -> Option<Accept> {
    let before = errors.len();
    if raw.words.get_ref().is_empty() {
        errors.push(src.error(
            "accept lists no words".into(),
            raw.words.span(),
            "empty list",
            Some("list the words to accept, e.g. words = [\"dronisation\"]".into()),
        ));
    }
    for word in raw.words.get_ref() {
        if let Some(problem) = word_problem(word.get_ref()) {
            errors.push(src.error(
                format!("invalid accepted word {:?}: {problem}", word.get_ref()),
                word.span(),
                "here",
                Some("a word is letters, with internal hyphens or apostrophes".into()),
            ));
        }
    }
    if raw.note.get_ref().trim().is_empty() {
        errors.push(src.error(
            "accept has an empty note".into(),
            raw.note.span(),
            "empty",
            Some("say why the words are right, e.g. \"Korean transliterations\"".into()),
        ));
    }
    (errors.len() == before).then(|| Accept {
        file: src.path.to_string(),
        words: raw
            .words
            .into_inner()
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        note: raw.note.into_inner(),
    })
}

/// What is wrong with `word` as an accepted word, if anything.
fn word_problem(word: &str) -> Option<&'static str> {
    if word.is_empty() {
        return Some("it is empty");
    }
    if word.chars().any(char::is_whitespace) {
        return Some("it holds a space (accept each word on its own)");
    }
    if !word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    {
        return Some("only letters, hyphens and apostrophes may appear");
    }
    let joiner = |c: char| matches!(c, '-' | '\'' | '’');
    if word.starts_with(joiner) || word.ends_with(joiner) {
        return Some("it starts or ends with a hyphen or an apostrophe");
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::rules::parse_for_test;

    #[test]
    fn accepted_words_load() {
        let set =
            parse_for_test("[[accept]]\nwords = [\"dronisation\", \"think-tank\"]\nnote = \"n\"\n")
                .unwrap();
        assert_eq!(set.accepts[0].words, vec!["dronisation", "think-tank"]);
    }

    #[test]
    fn bad_words_point_at_the_word() {
        let text = "[[accept]]\nwords = [\"ok\", \"two words\", \"\", \"x2\"]\nnote = \"n\"\n";
        let errors = parse_for_test(text).unwrap_err();
        assert_eq!(errors.len(), 3);
        let span = errors[0].span.unwrap();
        assert_eq!(
            &text[span.offset()..span.offset() + span.len()],
            "\"two words\""
        );
    }

    #[test]
    fn empty_lists_notes_and_unknown_keys_are_errors() {
        let errors = parse_for_test("[[accept]]\nwords = []\nnote = \" \"\n").unwrap_err();
        assert_eq!(errors.len(), 2);
        let errors =
            parse_for_test("[[accept]]\nwords = [\"a\"]\nnote = \"n\"\nword = 1\n").unwrap_err();
        assert!(errors[0].message.contains("unknown field"));
    }
}

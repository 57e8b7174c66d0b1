//! `[typography]` and `[grammar]`: the data of the French typography and
//! grammar checks. Several files may hold these tables: their lists add up.
//!
//! ```toml
//! [typography]
//! source = "Lexique des règles typographiques en usage à l’Imprimerie nationale"
//! # A mark that takes a space before it, and the space a fix inserts. Any
//! # space (regular, U+00A0, U+202F) before the mark counts as present.
//! space_before = [{ mark = "?", insert = "\u202F" }]
//! # Words glued to these prefixes are two words ("àpékin").
//! glued_prefixes = [{ prefix = "à", except = ["à-côté"] }]
//! # Words that tell an English quotation from a French one.
//! english_markers = ["the", "who"]
//! french_markers = ["le", "qui"]
//!
//! [grammar]
//! source = "Grevisse, Le Bon Usage, § 44-50"
//! # Words that lose their last vowel before a vowel or a mute h; with
//! # `only_before`, only before those words ("si" → "s’il").
//! elision = [{ word = "de" }, { word = "si", only_before = ["il", "ils"] }]
//!
//! [grammar.h_aspire]
//! source = "Wiktionnaire, « Catégorie:Mots en français avec h aspiré »"
//! words = ["héros", "hauss*"]       # `*` ends a stem: hausse, haussé…
//!
//! [[grammar.keep]]                  # words before which nothing elides
//! note = "numerals: « de un à trois », « la une »"
//! words = ["un", "une"]
//! after = ["de", "le", "la"]        # only after these (all when empty)
//! ```

use serde::Deserialize;
use toml::Spanned;

use super::{RuleError, RuleSet, Source};

/// The typography data, merged from every file.
#[derive(Clone, Debug, Default)]
pub struct Typography {
    /// The first file that declares `[typography]`, for `rule` references.
    pub file: Option<String>,
    pub space_before: Vec<SpaceBefore>,
    pub glued_prefixes: Vec<GluedPrefix>,
    pub english_markers: Vec<String>,
    pub french_markers: Vec<String>,
}

impl Typography {
    /// The space a fix inserts before `mark`, when `mark` takes one.
    pub fn space_before(&self, mark: char) -> Option<char> {
        self.space_before
            .iter()
            .rev()
            .find(|s| s.mark == mark)
            .map(|s| s.insert)
    }

    /// The reference shown in reports: `rules/french.toml#typography`.
    pub fn reference(&self) -> Option<String> {
        self.file.as_ref().map(|f| format!("{f}#typography"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpaceBefore {
    pub mark: char,
    pub insert: char,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GluedPrefix {
    /// Lower case.
    pub prefix: String,
    /// Whole words that begin with the prefix and are right, lower case.
    pub except: Vec<String>,
}

/// The grammar data, merged from every file.
#[derive(Clone, Debug, Default)]
pub struct Grammar {
    pub file: Option<String>,
    pub elision: Vec<Elision>,
    /// Words (or stems ending in `*`) whose h is aspirated: no elision.
    pub h_aspire: Vec<WordPattern>,
    pub keep: Vec<Keep>,
}

impl Grammar {
    pub fn reference(&self) -> Option<String> {
        self.file.as_ref().map(|f| format!("{f}#grammar"))
    }

    /// The elision rule of `word` (lower case).
    pub fn elision(&self, word: &str) -> Option<&Elision> {
        self.elision.iter().rev().find(|e| e.word == word)
    }

    /// The elision rule of `word`, in any case ("De", "QUE").
    pub fn elision_ignore_case(&self, word: &str) -> Option<&Elision> {
        self.elision
            .iter()
            .rev()
            .find(|e| e.word.eq_ignore_ascii_case(word))
    }

    /// Whether `next` (lower case) starts with an aspirated h.
    pub fn is_h_aspire(&self, next: &str) -> bool {
        self.h_aspire.iter().any(|p| p.matches(next))
    }

    /// Whether a rule keeps `word` whole before `next` (both lower case).
    pub fn keeps(&self, word: &str, next: &str) -> bool {
        self.keep.iter().any(|k| {
            (k.after.is_empty() || k.after.iter().any(|a| a == word))
                && k.words.iter().any(|p| p.matches(next))
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Elision {
    /// Lower case: "de", "jusque".
    pub word: String,
    /// The word without its last vowel: "d", "jusqu".
    pub elided: String,
    /// When not empty, the elision happens only before these words.
    pub only_before: Vec<String>,
}

/// A lower-case word, or a stem when written with a final `*`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordPattern {
    pub text: String,
    pub stem: bool,
}

impl WordPattern {
    pub fn matches(&self, word: &str) -> bool {
        if self.stem {
            word.starts_with(&self.text)
        } else {
            word == self.text
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keep {
    pub words: Vec<WordPattern>,
    pub after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TypographyToml {
    source: Spanned<String>,
    #[serde(default)]
    space_before: Vec<SpaceBeforeToml>,
    #[serde(default)]
    glued_prefixes: Vec<GluedPrefixToml>,
    #[serde(default)]
    english_markers: Vec<Spanned<String>>,
    #[serde(default)]
    french_markers: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpaceBeforeToml {
    mark: Spanned<String>,
    insert: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GluedPrefixToml {
    prefix: Spanned<String>,
    #[serde(default)]
    except: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GrammarToml {
    source: Spanned<String>,
    #[serde(default)]
    elision: Vec<ElisionToml>,
    #[serde(default)]
    h_aspire: Option<WordListToml>,
    #[serde(default)]
    keep: Vec<KeepToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ElisionToml {
    word: Spanned<String>,
    #[serde(default)]
    only_before: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordListToml {
    source: Spanned<String>,
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeepToml {
    #[serde(default)]
    #[allow(dead_code)] // documents the entry for its readers
    note: String,
    words: Vec<Spanned<String>>,
    #[serde(default)]
    after: Vec<Spanned<String>>,
}

/// One character, or an error pointing at the value.
fn one_char(
    value: &Spanned<String>,
    what: &str,
    src: &Source,
    errors: &mut Vec<RuleError>,
) -> Option<char> {
    let mut chars = value.get_ref().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => {
            errors.push(src.error(
                format!("{what} must be exactly one character"),
                value.span(),
                "not one character",
                Some("write the character itself, or an escape such as \"\\u202F\"".into()),
            ));
            None
        }
    }
}

/// A lower-case word made of letters (and hyphens or apostrophes inside),
/// or an error pointing at the value.
fn word(
    value: &Spanned<String>,
    what: &str,
    stem_allowed: bool,
    src: &Source,
    errors: &mut Vec<RuleError>,
) -> Option<WordPattern> {
    let raw = value.get_ref();
    let (text, stem) = match raw.strip_suffix('*') {
        Some(stem) if stem_allowed => (stem, true),
        _ => (raw.as_str(), false),
    };
    let letters = !text.is_empty()
        && text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    if !letters {
        let help = if stem_allowed {
            "letters only; a final `*` makes a stem (\"hauss*\" matches hausse, haussé)"
        } else {
            "letters only, such as \"héros\""
        };
        errors.push(src.error(
            format!("{what} `{raw}` is not a word"),
            value.span(),
            "not a word",
            Some(help.into()),
        ));
        return None;
    }
    if text.chars().any(char::is_uppercase) {
        errors.push(src.error(
            format!("{what} `{raw}` must be in lower case"),
            value.span(),
            "has capitals",
            Some("words are compared in lower case; capitalised names are never flagged".into()),
        ));
        return None;
    }
    Some(WordPattern {
        text: text.to_string(),
        stem,
    })
}

fn words(
    values: &[Spanned<String>],
    what: &str,
    stem_allowed: bool,
    src: &Source,
    errors: &mut Vec<RuleError>,
) -> Vec<WordPattern> {
    values
        .iter()
        .filter_map(|v| word(v, what, stem_allowed, src, errors))
        .collect()
}

fn plain(words: Vec<WordPattern>) -> Vec<String> {
    words.into_iter().map(|w| w.text).collect()
}

pub(super) fn add_typography(
    raw: TypographyToml,
    src: &Source,
    set: &mut RuleSet,
    errors: &mut Vec<RuleError>,
) {
    super::check_source(src, "[typography]", &raw.source, errors);
    let t = &mut set.typography;
    if t.file.is_none() {
        t.file = Some(src.path.to_string());
    }
    for s in raw.space_before {
        let mark = one_char(&s.mark, "space_before.mark", src, errors);
        let insert = one_char(&s.insert, "space_before.insert", src, errors);
        if let Some(c) = mark.filter(|c| !c.is_ascii_punctuation()) {
            errors.push(src.error(
                format!("space_before.mark `{c}` must be an ASCII punctuation mark"),
                s.mark.span(),
                "not punctuation",
                None,
            ));
            continue;
        }
        if let Some(c) = insert.filter(|c| !c.is_whitespace()) {
            errors.push(src.error(
                format!("space_before.insert `{c}` must be a space"),
                s.insert.span(),
                "not a space",
                Some("French uses \"\\u202F\" (narrow no-break space) or \"\\u00A0\"".into()),
            ));
            continue;
        }
        if let (Some(mark), Some(insert)) = (mark, insert) {
            t.space_before.push(SpaceBefore { mark, insert });
        }
    }
    for g in raw.glued_prefixes {
        let Some(prefix) = word(&g.prefix, "glued_prefixes.prefix", false, src, errors) else {
            continue;
        };
        let except = g
            .except
            .iter()
            .filter_map(|e| word(e, "glued_prefixes.except", false, src, errors))
            .filter_map(|e| {
                if e.text.starts_with(&prefix.text) {
                    Some(e.text)
                } else {
                    None
                }
            })
            .collect();
        t.glued_prefixes.push(GluedPrefix {
            prefix: prefix.text,
            except,
        });
    }
    let english = plain(words(
        &raw.english_markers,
        "english_markers",
        false,
        src,
        errors,
    ));
    let french = plain(words(
        &raw.french_markers,
        "french_markers",
        false,
        src,
        errors,
    ));
    t.english_markers.extend(english);
    t.french_markers.extend(french);
}

pub(super) fn add_grammar(
    raw: GrammarToml,
    src: &Source,
    set: &mut RuleSet,
    errors: &mut Vec<RuleError>,
) {
    super::check_source(src, "[grammar]", &raw.source, errors);
    let g = &mut set.grammar;
    if g.file.is_none() {
        g.file = Some(src.path.to_string());
    }
    for e in raw.elision {
        let Some(w) = word(&e.word, "elision.word", false, src, errors) else {
            continue;
        };
        let Some(elided) = w
            .text
            .strip_suffix(['e', 'a', 'i'])
            .filter(|s| !s.is_empty())
        else {
            errors.push(src.error(
                format!("elision.word `{}` does not end with an elidable vowel", w.text),
                e.word.span(),
                "cannot elide",
                Some("French elides a final e, a or i: \"de\" → \"d’\", \"la\" → \"l’\", \"si\" → \"s’\"".into()),
            ));
            continue;
        };
        let elided = elided.to_string();
        let only_before = plain(words(
            &e.only_before,
            "elision.only_before",
            false,
            src,
            errors,
        ));
        g.elision.push(Elision {
            word: w.text,
            elided,
            only_before,
        });
    }
    if let Some(h) = raw.h_aspire {
        super::check_source(src, "[grammar.h_aspire]", &h.source, errors);
        for (value, pattern) in
            h.words
                .iter()
                .zip(words(&h.words, "h_aspire word", true, src, errors))
        {
            if !pattern.text.starts_with('h') {
                errors.push(src.error(
                    format!("h_aspire word `{}` does not begin with h", pattern.text),
                    value.span(),
                    "no h",
                    Some("list words that do not elide for another reason under [[grammar.keep]]".into()),
                ));
                continue;
            }
            g.h_aspire.push(pattern);
        }
    }
    for k in raw.keep {
        let words_ = words(&k.words, "keep word", true, src, errors);
        let after = plain(words(&k.after, "keep.after", false, src, errors));
        g.keep.push(Keep {
            words: words_,
            after,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::parse_for_test;

    fn label(text: &str, e: &crate::rules::RuleError) -> String {
        let span = e.span.expect("a span");
        text[span.offset()..span.offset() + span.len()].to_string()
    }

    #[test]
    fn typography_and_grammar_load() {
        let set = parse_for_test(
            "[typography]\nsource = \"s\"\nspace_before = [{ mark = \"?\", insert = \"\\u202F\" }]\n\
             glued_prefixes = [{ prefix = \"à\", except = [\"à-côté\"] }]\n\
             [grammar]\nsource = \"s\"\nelision = [{ word = \"si\", only_before = [\"il\"] }]\n\
             [grammar.h_aspire]\nsource = \"s\"\nwords = [\"héros\", \"hauss*\"]\n\
             [[grammar.keep]]\nwords = [\"un\"]\nafter = [\"de\"]\n",
        )
        .unwrap();
        assert_eq!(set.typography.space_before('?'), Some('\u{202F}'));
        assert_eq!(set.typography.space_before('!'), None);
        assert_eq!(set.typography.glued_prefixes[0].except, vec!["à-côté"]);
        let e = set.grammar.elision("si").unwrap();
        assert_eq!((e.elided.as_str(), e.only_before.len()), ("s", 1));
        assert!(set.grammar.is_h_aspire("haussé") && set.grammar.is_h_aspire("héros"));
        assert!(!set.grammar.is_h_aspire("héroïne"));
        assert!(set.grammar.keeps("de", "un") && !set.grammar.keeps("que", "un"));
    }

    #[test]
    fn malformed_values_point_at_the_value() {
        let cases = [
            (
                "[typography]\nsource = \"s\"\nspace_before = [{ mark = \"?!\", insert = \" \" }]\n",
                "\"?!\"",
            ),
            (
                "[typography]\nsource = \"s\"\nspace_before = [{ mark = \"?\", insert = \"x\" }]\n",
                "\"x\"",
            ),
            (
                "[grammar]\nsource = \"s\"\nelision = [{ word = \"du\" }]\n",
                "\"du\"",
            ),
            (
                "[grammar]\nsource = \"s\"\n[grammar.h_aspire]\nsource = \"s\"\nwords = [\"Héros\"]\n",
                "\"Héros\"",
            ),
            (
                "[grammar]\nsource = \"s\"\n[grammar.h_aspire]\nsource = \"s\"\nwords = [\"onze\"]\n",
                "\"onze\"",
            ),
            (
                "[grammar]\nsource = \"s\"\n[[grammar.keep]]\nwords = [\"a b\"]\n",
                "\"a b\"",
            ),
            ("[grammar]\nsource = \"\"\n", "\"\""),
        ];
        for (text, at) in cases {
            let errors = parse_for_test(text).unwrap_err();
            assert_eq!(errors.len(), 1, "{text}: {errors:?}");
            assert_eq!(label(text, &errors[0]), at, "{text}");
        }
    }

    #[test]
    fn unknown_keys_are_refused() {
        let text = "[grammar]\nsource = \"s\"\nelisions = []\n";
        let errors = parse_for_test(text).unwrap_err();
        assert!(errors[0].message.contains("unknown field"));
        assert_eq!(label(text, &errors[0]), "elisions");
    }
}

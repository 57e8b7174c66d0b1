//! `[sourcing]`: the words that tell who says what, as lists of phrases.
//!
//! ```toml
//! [sourcing]
//! introducers = ["selon", "d’après", "cité par"]   # a source follows
//! speech_verbs = ["déclar*", "affirm*", "dit"]      # a trailing * matches any ending
//! vague_sources = ["source*", "expert*"]            # heads of unnamed sources
//! indefinites = ["des", "certains", "de nombreux"]  # determiners of unnamed sources
//! roles = ["président*", "dirigeant*"]              # a description, not a name
//! claim_actions = ["fourn*", "livr*"]               # check-worthy acts…
//! claim_objects = ["arme*", "munition*"]            # …when done with these
//! accusations = ["dissimul*", "coûté la vie"]       # check-worthy on their own
//! claim_units = ["soldat*", "missile*", "%"]        # a figure of these is a claim
//! hedges = ["pourrait", "sans doute"]               # opinion, not assertion
//! first_person = ["je", "nous", "notre"]            # speech, in unmarked quotes
//! institutions = ["préfecture", "parquet"]          # "du parquet" names a body
//! accepted_sources = ["de source policière"]        # house policy: not vague
//! ```
//!
//! Several files may each hold a `[sourcing]` table: their lists add up.
//! Phrases are folded (lower case, no accents); a phrase of several words
//! matches them in a row ("d’après" is the two pieces d · apres).

use serde::Deserialize;
use toml::Spanned;

use super::{RuleError, Source};
use crate::extract::name_form::fold;

/// One word of a phrase: its folded text, and whether any ending may
/// follow (`déclar*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordPattern {
    pub stem: String,
    pub prefix: bool,
}

impl WordPattern {
    pub fn matches(&self, folded: &str) -> bool {
        if self.prefix {
            folded.starts_with(&self.stem)
        } else {
            folded == self.stem
        }
    }
}

/// A phrase of one or more words.
pub type Phrase = Vec<WordPattern>;

/// Every sourcing list, merged over the rule files.
#[derive(Clone, Debug, Default)]
pub struct Sourcing {
    pub introducers: Vec<Phrase>,
    pub speech_verbs: Vec<Phrase>,
    pub vague_sources: Vec<Phrase>,
    pub indefinites: Vec<Phrase>,
    pub roles: Vec<Phrase>,
    pub claim_actions: Vec<Phrase>,
    pub claim_objects: Vec<Phrase>,
    pub accusations: Vec<Phrase>,
    pub claim_units: Vec<Phrase>,
    pub hedges: Vec<Phrase>,
    pub first_person: Vec<Phrase>,
    pub institutions: Vec<Phrase>,
    pub accepted_sources: Vec<Phrase>,
    /// The rule files that hold a `[sourcing]` table.
    pub files: Vec<String>,
}

impl Sourcing {
    /// The `rule` reference of sourcing findings: the first file that holds
    /// a `[sourcing]` table.
    pub fn rule(&self) -> Option<String> {
        self.files.first().map(|f| format!("{f}#sourcing"))
    }

    /// Each list's TOML name and its number of phrases, for `factlint rules`.
    pub fn counts(&self) -> [(&'static str, usize); 13] {
        [
            ("introducers", self.introducers.len()),
            ("speech_verbs", self.speech_verbs.len()),
            ("vague_sources", self.vague_sources.len()),
            ("indefinites", self.indefinites.len()),
            ("roles", self.roles.len()),
            ("claim_actions", self.claim_actions.len()),
            ("claim_objects", self.claim_objects.len()),
            ("accusations", self.accusations.len()),
            ("claim_units", self.claim_units.len()),
            ("hedges", self.hedges.len()),
            ("first_person", self.first_person.len()),
            ("institutions", self.institutions.len()),
            ("accepted_sources", self.accepted_sources.len()),
        ]
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourcingToml {
    #[serde(default)]
    introducers: Vec<Spanned<String>>,
    #[serde(default)]
    speech_verbs: Vec<Spanned<String>>,
    #[serde(default)]
    vague_sources: Vec<Spanned<String>>,
    #[serde(default)]
    indefinites: Vec<Spanned<String>>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    #[serde(default)]
    claim_actions: Vec<Spanned<String>>,
    #[serde(default)]
    claim_objects: Vec<Spanned<String>>,
    #[serde(default)]
    accusations: Vec<Spanned<String>>,
    #[serde(default)]
    claim_units: Vec<Spanned<String>>,
    #[serde(default)]
    hedges: Vec<Spanned<String>>,
    #[serde(default)]
    first_person: Vec<Spanned<String>>,
    #[serde(default)]
    institutions: Vec<Spanned<String>>,
    #[serde(default)]
    accepted_sources: Vec<Spanned<String>>,
}

/// Splits a phrase into folded words at spaces, hyphens and apostrophes, the way
/// the text is split into pieces; `None` when a word is malformed.
pub fn parse_phrase(raw: &str) -> Option<Phrase> {
    let mut out = Vec::new();
    for word in raw.split([' ', '\'', '’', '-']).filter(|w| !w.is_empty()) {
        let prefix = word.ends_with('*');
        let stem = fold(word.trim_end_matches('*'));
        // "%" is a unit of its own; everything else is letters or digits.
        let ok = stem == "%" || (!stem.is_empty() && stem.chars().all(char::is_alphanumeric));
        if !ok || stem.contains('*') {
            return None;
        }
        out.push(WordPattern { stem, prefix });
    }
    (!out.is_empty()).then_some(out)
}

pub(super) fn validate(
    raw: SourcingToml,
    src: &Source,
    into: &mut Sourcing,
    errors: &mut Vec<RuleError>,
) {
    into.files.push(src.path.to_string());
    /// A list's name in the TOML, its raw entries, and where they go.
    type List<'a> = (&'static str, Vec<Spanned<String>>, &'a mut Vec<Phrase>);
    let lists: [List; 13] = [
        ("introducers", raw.introducers, &mut into.introducers),
        ("speech_verbs", raw.speech_verbs, &mut into.speech_verbs),
        ("vague_sources", raw.vague_sources, &mut into.vague_sources),
        ("indefinites", raw.indefinites, &mut into.indefinites),
        ("roles", raw.roles, &mut into.roles),
        ("claim_actions", raw.claim_actions, &mut into.claim_actions),
        ("claim_objects", raw.claim_objects, &mut into.claim_objects),
        ("accusations", raw.accusations, &mut into.accusations),
        ("claim_units", raw.claim_units, &mut into.claim_units),
        ("hedges", raw.hedges, &mut into.hedges),
        ("first_person", raw.first_person, &mut into.first_person),
        ("institutions", raw.institutions, &mut into.institutions),
        (
            "accepted_sources",
            raw.accepted_sources,
            &mut into.accepted_sources,
        ),
    ];
    for (name, items, list) in lists {
        for item in items {
            match parse_phrase(item.get_ref()) {
                Some(phrase) => list.push(phrase),
                None => errors.push(src.error(
                    format!(
                        "sourcing `{name}`: {:?} is not a phrase of words",
                        item.get_ref()
                    ),
                    item.span(),
                    "this entry",
                    Some(
                        "write words separated by spaces or apostrophes, letters and digits only, \
                         a word optionally ending in * (\"déclar*\", \"d’après\")"
                            .into(),
                    ),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_for_test;

    #[test]
    fn phrases_fold_and_split_at_apostrophes() {
        let p = parse_phrase("D’après").unwrap();
        assert_eq!(
            p.iter().map(|w| w.stem.as_str()).collect::<Vec<_>>(),
            ["d", "apres"]
        );
        let p = parse_phrase("déclar*").unwrap();
        assert!(p[0].prefix && p[0].matches("declarait") && !p[0].matches("decla"));
        assert!(parse_phrase("%").is_some());
        assert!(parse_phrase("a*b").is_none());
        assert!(parse_phrase("  ").is_none());
        assert!(parse_phrase("selon,").is_none());
    }

    #[test]
    fn lists_add_up_and_bad_entries_point_at_themselves() {
        let set = parse_for_test("[sourcing]\nintroducers = [\"selon\", \"cité par\"]\n").unwrap();
        assert_eq!(set.sourcing.introducers.len(), 2);
        let text = "[sourcing]\nhedges = [\"porte-parole\", \"pas.bon\"]\n";
        let errors = parse_for_test(text).unwrap_err();
        assert_eq!(errors.len(), 1);
        let span = errors[0].span.unwrap();
        assert_eq!(
            &text[span.offset()..span.offset() + span.len()],
            "\"pas.bon\""
        );
        assert!(parse_for_test("[sourcing]\nhedge = []\n").is_err());
    }
}

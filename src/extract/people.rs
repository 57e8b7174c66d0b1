//! People the rules do not declare: a known first name followed by a
//! capitalized surname ("Leonid Kravtchouk", "Jean-Marc Ayrault", "Ursula
//! von der Leyen"). The first names are data, not a hand-made list: the
//! person providers of Faker (MIT), built by `dict/first-names/build.py`.

use rustc_hash::FxHashSet;

use super::NameMention;
use super::name_form::WordShapes;
use super::pieces::{Piece, Sep};
use crate::span::{LineIndex, Span};

const FIRST_NAMES: &str = include_str!("../../dict/first-names/first-names.txt");

/// The first names, one piece each ("Jean", "Sergueï"), as written.
pub struct FirstNames {
    names: FxHashSet<&'static str>,
    /// Their shapes, tested before hashing.
    shapes: WordShapes,
}

impl FirstNames {
    pub fn bundled() -> FirstNames {
        let names: FxHashSet<&'static str> =
            FIRST_NAMES.lines().filter(|l| !l.is_empty()).collect();
        let mut shapes = WordShapes::default();
        for n in &names {
            shapes.insert(n);
        }
        FirstNames { names, shapes }
    }

    pub fn contains(&self, piece: &str) -> bool {
        self.shapes.may_contain(piece) && self.names.contains(piece)
    }
}

/// A person named with first name and surname whom the rules do not
/// declare.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PersonName {
    pub span: Span,
    pub text: String,
    /// The surname as written ("Kravtchouk", "von der Leyen").
    pub surname: String,
}

/// Lower-case particles inside a person's name: "Charles de Gaulle",
/// "Ursula von der Leyen".
pub const PARTICLES: &[&str] = &[
    "de", "du", "d", "von", "van", "der", "den", "da", "di", "al", "ben", "bin",
];

/// At most this many pieces of surname: "Ursula von der Leyen".
const MAX_SURNAME_PIECES: usize = 4;

/// The undeclared people among `pieces`; declared names (`names`, sorted)
/// win where they overlap.
pub fn extract(
    text: &str,
    pieces: &[Piece],
    lines: &LineIndex,
    names: &[NameMention],
    first_names: &FirstNames,
) -> Vec<PersonName> {
    let word = |k: usize| &text[pieces[k].start..pieces[k].end];
    let capitalized = |k: usize| {
        let w = word(k);
        w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
    };
    let mut out = Vec::new();
    let mut next_name = 0;
    let mut i = 0;
    while i < pieces.len() {
        let start = i;
        // Most pieces are lower-case words: no hashing for them.
        let b = text.as_bytes()[pieces[i].start];
        if pieces[i].sep == Sep::Hyphen
            || b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || !first_names.contains(word(i))
        {
            i += 1;
            continue;
        }
        // "Jean-Marc": a compound first name.
        let mut k = i + 1;
        while k < pieces.len() && pieces[k].sep == Sep::Hyphen && first_names.contains(word(k)) {
            k += 1;
        }
        // The surname: particles, then capitalized pieces joined by spaces
        // or hyphens, ending on a capitalized piece.
        let mut end = None;
        let mut j = k;
        while j < pieces.len() && j - k < MAX_SURNAME_PIECES {
            let joined = match pieces[j].sep {
                Sep::Space => true,
                Sep::Hyphen | Sep::Apostrophe => j > k,
                _ => false,
            };
            if !joined {
                break;
            }
            if capitalized(j) {
                end = Some(j);
            } else if !PARTICLES.contains(&word(j)) {
                break;
            }
            j += 1;
        }
        let Some(last) = end else {
            i = k;
            continue;
        };
        let (from, to) = (pieces[start].start, pieces[last].end);
        while next_name < names.len() && names[next_name].span.end <= from {
            next_name += 1;
        }
        let declared = names[next_name..]
            .iter()
            .take_while(|n| n.span.start < to)
            .any(|n| n.span.end > from);
        if !declared {
            out.push(PersonName {
                span: lines.span(text, from, to),
                text: text[from..to].to_owned(),
                surname: text[pieces[k].start..to].to_owned(),
            });
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pieces::pieces;

    fn people(text: &str) -> Vec<(String, String)> {
        let ps = pieces(text, 0);
        let lines = LineIndex::new(text);
        extract(text, &ps, &lines, &[], &FirstNames::bundled())
            .into_iter()
            .map(|p| (p.text, p.surname))
            .collect()
    }

    fn person(text: &str, surname: &str) -> (String, String) {
        (text.to_owned(), surname.to_owned())
    }

    #[test]
    fn a_first_name_and_a_capitalized_surname_are_a_person() {
        assert_eq!(
            people("Le traité signé par Leonid Kravtchouk et Jean-Marc Ayrault."),
            [
                person("Leonid Kravtchouk", "Kravtchouk"),
                person("Jean-Marc Ayrault", "Ayrault")
            ]
        );
        assert_eq!(
            people("selon Ursula von der Leyen, puis Sergueï Lavrov"),
            [
                person("Ursula von der Leyen", "von der Leyen"),
                person("Sergueï Lavrov", "Lavrov")
            ]
        );
    }

    #[test]
    fn a_first_name_alone_or_before_a_lower_case_word_is_not_a_person() {
        for text in [
            "Jean a parlé.",
            "Pierre, Paul et Jacques.",
            "la place Jean, puis rien",
            "Un Jean de plus.",
            "JEAN DUPONT",
        ] {
            assert_eq!(people(text), [], "{text}");
        }
    }
}

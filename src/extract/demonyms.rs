//! Demonyms the rules declare ("Rennais", "Nord-Coréen"): French writes
//! them with a capital as nouns ("les Rennais", "un Nord-Coréen") and in
//! lower case as adjectives ("les élus rennais", "l'armée nord-coréenne").
//! Only a use whose role the neighbouring word settles is judged: right
//! after a determiner it is a noun; right after a lower-case word that is
//! not a function word it is an adjective. Anything else (sentence starts,
//! headings in title case, after punctuation) is left alone.

use rustc_hash::{FxHashMap, FxHashSet};

use super::name_form::WordShapes;
use super::pieces::{FoldedPieces, Piece, Sep};
use crate::rules::RuleSet;
use crate::span::{LineIndex, Span};

/// A demonym whose case does not fit its role in the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DemonymSlip {
    pub span: Span,
    pub text: String,
    /// The same word in the case its role takes.
    pub fixed: String,
    pub entity: usize,
    /// Whether it is used as a noun (the capital is missing) rather than
    /// as an adjective (the capital is wrong).
    pub noun: bool,
}

/// The declared demonyms, by their folded text.
#[derive(Debug, Default)]
pub struct DemonymTable {
    /// Folded word ("nord-coreens") → (entity, declared spelling with its
    /// capital, plural added when the rule gave the singular).
    by_folded: FxHashMap<String, Vec<(usize, String)>>,
    /// Folded first pieces, tested before any string is built.
    firsts: FxHashSet<String>,
    /// Their shapes, tested before hashing: most pieces are not demonyms.
    first_shapes: WordShapes,
    max_pieces: usize,
}

impl DemonymTable {
    pub fn new(rules: &RuleSet) -> DemonymTable {
        let mut t = DemonymTable::default();
        for (ei, entity) in rules.entities.iter().enumerate() {
            for d in &entity.demonyms {
                let plural = (!d.ends_with(['s', 'x'])).then(|| format!("{d}s"));
                for form in std::iter::once(d.clone()).chain(plural) {
                    let mut folded = String::new();
                    super::name_form::fold_into(&form, &mut folded);
                    let first = folded.split('-').next().unwrap_or_default().to_owned();
                    t.max_pieces = t.max_pieces.max(folded.split('-').count());
                    t.first_shapes.insert(&first);
                    t.firsts.insert(first);
                    let list = t.by_folded.entry(folded).or_default();
                    if !list.iter().any(|(e, f)| *e == ei && *f == form) {
                        list.push((ei, form));
                    }
                }
            }
        }
        t
    }

    pub fn is_empty(&self) -> bool {
        self.by_folded.is_empty()
    }
}

/// Determiners and quantities after which a demonym is a noun.
#[rustfmt::skip]
const NOUN_AFTER: &[&str] = &[
    "un", "une", "le", "la", "les", "l", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
    "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "chaque", "quelques",
    "plusieurs", "deux", "trois", "quatre", "cinq", "dix", "cent", "mille",
];

/// Lower-case words after which a capitalized demonym is still a noun:
/// prepositions, conjunctions, pronouns and verbs of being that cannot be
/// the noun an adjective follows.
#[rustfmt::skip]
const NOT_A_NOUN: &[&str] = &[
    "a", "de", "d", "et", "ou", "ni", "mais", "pour", "par", "avec", "chez", "entre", "contre",
    "sans", "sur", "sous", "vers", "que", "qu", "qui", "dont", "comme", "selon", "en",
    "y", "ont", "sont", "etaient", "furent", "seront", "seraient", "tous", "toutes", "nombre",
    "parmi", "ex", "anciens", "ancien", "ancienne", "anciennes", "jeunes",
];

/// The demonyms among `pieces` whose case does not fit their role.
pub fn extract(
    text: &str,
    pieces: &[Piece],
    folded: &FoldedPieces,
    lines: &LineIndex,
    table: &DemonymTable,
) -> Vec<DemonymSlip> {
    let mut out = Vec::new();
    if table.is_empty() {
        return out;
    }
    let mut key = String::new();
    for i in 0..pieces.len() {
        let first = folded.get(i);
        if pieces[i].sep == Sep::Hyphen
            || !table.first_shapes.may_contain(first)
            || !table.firsts.contains(first)
        {
            continue;
        }
        // The longest hyphenated run of pieces that is a declared demonym.
        let mut found = None;
        key.clear();
        for n in 0..table.max_pieces.min(pieces.len() - i) {
            let j = i + n;
            if n > 0 {
                if pieces[j].sep != Sep::Hyphen {
                    break;
                }
                key.push('-');
            }
            key.push_str(folded.get(j));
            if let Some(list) = table.by_folded.get(key.as_str()) {
                found = Some((j, list));
            }
        }
        let Some((last, list)) = found else {
            continue;
        };
        // A longer hyphenated word ("nord-coréen-américain") is another word.
        if pieces.get(last + 1).is_some_and(|p| p.sep == Sep::Hyphen) {
            continue;
        }
        let (start, end) = (pieces[i].start, pieces[last].end);
        let word = &text[start..end];
        let lower = word.to_lowercase();
        let Some((entity, declared)) = list.iter().find(|(_, f)| f.to_lowercase() == lower) else {
            // Another accentuation: a spelling matter, not a case one.
            continue;
        };
        let joined = matches!(pieces[i].sep, Sep::Space | Sep::Apostrophe);
        if i == 0 || !joined {
            continue;
        }
        let previous_text = &text[pieces[i - 1].start..pieces[i - 1].end];
        let previous = folded.get(i - 1);
        let capitalized = word.starts_with(char::is_uppercase);
        // "le numéro un nord-coréen" is a rank, not an article.
        let ranked = i >= 2 && folded.get(i - 2) == "numero";
        let noun = NOUN_AFTER.contains(&previous) && !ranked;
        let slip = if noun && !capitalized {
            Some((declared.clone(), true))
        } else if capitalized
            && pieces[i].sep == Sep::Space
            && previous_text.starts_with(char::is_lowercase)
            && previous.chars().count() > 1
            && !noun
            && !NOT_A_NOUN.contains(&previous)
        {
            Some((lower.clone(), false))
        } else {
            None
        };
        if let Some((fixed, noun)) = slip.filter(|(fixed, _)| fixed != word) {
            out.push(DemonymSlip {
                span: lines.span(text, start, end),
                text: word.to_owned(),
                fixed,
                entity: *entity,
                noun,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pieces::pieces;

    fn table() -> DemonymTable {
        let rules = crate::rules::parse_for_test(
            r#"
[[entity]]
id = "coree-du-nord"
name = "Corée du Nord"
kind = "place"
demonyms = ["Nord-Coréen", "Nord-Coréenne"]
source = "s"

[[entity]]
id = "rennes"
name = "Rennes"
kind = "place"
demonyms = ["Rennais", "Rennaise"]
source = "s"
"#,
        )
        .expect("test rules parse");
        DemonymTable::new(&rules)
    }

    fn slips(text: &str) -> Vec<(String, String)> {
        let ps = pieces(text, 0);
        let folded = FoldedPieces::new(text, &ps);
        let lines = LineIndex::new(text);
        extract(text, &ps, &folded, &lines, &table())
            .into_iter()
            .map(|s| (s.text, s.fixed))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn a_noun_takes_the_capital_and_an_adjective_does_not() {
        assert_eq!(slips("Les rennais ont voté."), [pair("rennais", "Rennais")]);
        assert_eq!(
            slips("Des nord-coréens ont franchi la frontière."),
            [pair("nord-coréens", "Nord-Coréens")]
        );
        assert_eq!(
            slips("Les élus Rennais et l'armée Nord-Coréenne."),
            [
                pair("Rennais", "rennais"),
                pair("Nord-Coréenne", "nord-coréenne")
            ]
        );
    }

    #[test]
    fn uses_that_fit_or_that_nothing_settles_are_left_alone() {
        for ok in [
            "Les Rennais ont voté. Les élus rennais aussi.",
            "Rennais et Nantais se retrouvent.",
            "Selon Rennais Dupont, rien.",
            "# Les Soldats Nord-Coréens",
            "Des milliers de Nord-Coréens, et pour Rennais comme Nantais.",
            "Ils sont rennais.",
            "Un nord-coréen-américain.",
            "Le numéro un nord-coréen et le dirigeant nord-coréen.",
        ] {
            assert_eq!(slips(ok), [], "{ok}");
        }
    }
}

#![doc = include_str!("grammar.md")]

use super::language::{Regions, apostrophe};
use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::pieces::{Sep, is_capitalized, is_uppercase};
use crate::extract::{Facts, Prose, quotes};

pub struct Grammar;

impl Check for Grammar {
    fn kind(&self) -> Kind {
        Kind::Grammar
    }

    fn explain(&self) -> &'static str {
        include_str!("grammar.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        let rules = &cx.rules.grammar;
        if rules.elision.is_empty() {
            return;
        }
        let text = prose.text;
        let pieces = &prose.pieces;
        // Built on the first finding: most documents have none.
        let mut context: Option<(Regions, char)> = None;
        // The lengths and first letters of the elidable words, as bit masks.
        let (mut lengths, mut firsts) = (0u64, 0u32);
        for e in &rules.elision {
            lengths |= 1 << e.word.len().min(63);
            if let Some(b) = e.word.bytes().next().filter(u8::is_ascii_lowercase) {
                firsts |= 1 << (b - b'a');
            }
        }
        for i in 0..pieces.len().saturating_sub(1) {
            let (p, q) = (pieces[i], pieces[i + 1]);
            let word = &text[p.start..p.end];
            // Elidable words are short, ASCII and end with e, a or i: a
            // cheap first filter, with no allocation for most words.
            let first_bit = word.bytes().next().map_or(0, |b| {
                let b = b.to_ascii_lowercase();
                if b.is_ascii_lowercase() {
                    1u32 << (b - b'a')
                } else {
                    0
                }
            });
            if q.sep != Sep::Space
                || word.len() > 63
                || lengths & (1 << word.len()) == 0
                || firsts & first_bit == 0
                || !matches!(
                    word.as_bytes().last(),
                    Some(b'e' | b'a' | b'i' | b'E' | b'A' | b'I')
                )
                || !word.bytes().all(|b| b.is_ascii_alphabetic())
            {
                continue;
            }
            let Some(rule) = rules.elision_ignore_case(word) else {
                continue;
            };
            let lower = rule.word.as_str();
            // "fais-le entrer", "donne-la à": a pronoun after a verb.
            if matches!(p.sep, Sep::Hyphen | Sep::Apostrophe) {
                continue;
            }
            let next = &text[q.start..q.end];
            let Some(first) = next.chars().next() else {
                continue;
            };
            // Capitalised words starting with H ("de Hanoï", "le Hamas")
            // vary in usage; acronyms are read letter by letter.
            if (first == 'H') || (next.chars().count() > 1 && is_uppercase(next)) {
                continue;
            }
            // Clitic pronouns come before verbs, never before names: "Me
            // Olivier" is Maître Olivier. Single letters are cited letters
            // or initials ("le e muet", "de E. Dupont"), except "a", "à", "y".
            let clitic = matches!(lower, "me" | "te" | "se" | "je" | "ne" | "ce" | "si");
            if (clitic && is_capitalized(next))
                || (next.chars().count() == 1 && !matches!(next, "a" | "à" | "y"))
            {
                continue;
            }
            let first_lower = first.to_lowercase().next().unwrap_or(first);
            if !(is_vowel(first_lower) || matches!(first_lower, 'h' | 'y')) {
                continue; // most words after "de": no allocation
            }
            let next_lower = next.to_lowercase();
            let starts_vowel = match next_lower.chars().next() {
                Some('h') => {
                    !rules.is_h_aspire(&next_lower)
                        && next_lower.chars().nth(1).is_some_and(is_vowel)
                }
                Some('y') => next_lower == "y",
                Some(c) => is_vowel(c),
                None => false,
            };
            if !starts_vowel
                || (!rule.only_before.is_empty() && !rule.only_before.contains(&next_lower))
                || rules.keeps(lower, &next_lower)
            {
                continue;
            }
            // "Manoel de Oliveira": a particle inside a foreign name.
            if lower == "de"
                && is_capitalized(next)
                && p.sep == Sep::Space
                && i > 0
                && is_capitalized(&text[pieces[i - 1].start..pieces[i - 1].end])
            {
                continue;
            }
            if prose.is_excluded(p.start, q.end) {
                continue;
            }
            let (regions, mark) = context.get_or_insert_with(|| {
                (
                    Regions::new(facts, prose, &cx.rules.typography),
                    apostrophe(&text[prose.body.clone()]),
                )
            });
            if regions.in_markup(p.start) || regions.in_foreign_quote(p.start) {
                continue;
            }
            let elided = if is_capitalized(word) {
                let mut c = rule.elided.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            } else {
                rule.elided.clone()
            };
            let fixed = format!("{elided}{mark}{next}");
            let quoted = quotes::overlapping(&facts.quotations, p.start..p.start + 1)
                .next()
                .is_some();
            let d = Diagnostic::new(
                Kind::Grammar,
                Severity::Warning,
                &facts.file,
                prose.span(p.start, q.end),
                &text[p.start..q.end],
                format!("\"{word}\" elides before a vowel or a mute h: write \"{fixed}\""),
            )
            .with_rule(rules.reference());
            // Quoted words are the speaker's: an editor decides.
            out.push(if quoted {
                d.with_suggestion(fixed)
            } else {
                d.with_fix(fixed)
            });
        }
    }
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'à'
            | 'â'
            | 'ä'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'û'
            | 'ù'
            | 'ü'
            | 'œ'
            | 'æ'
    )
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_kind, lint_texts, summary};

    const RULES: &str = include_str!("../../rules/french.toml");

    fn grammar(text: &str) -> String {
        lint_kind(RULES, text, crate::Kind::Grammar)
    }

    #[test]
    fn missing_elisions_are_fixed() {
        assert_eq!(
            grammar("Ils envisagent de approfondir le arsenal et la alliance."),
            "grammar de approfondir -> d’approfondir\ngrammar le arsenal -> l’arsenal\ngrammar la alliance -> l’alliance"
        );
        assert_eq!(
            grammar("De abord, il dit que il part."),
            "grammar De abord -> D’abord\ngrammar que il -> qu’il"
        );
        assert_eq!(
            grammar("Si il vient, je ai dit l'an dernier"),
            "grammar Si il -> S'il\ngrammar je ai -> j'ai"
        );
        assert_eq!(grammar("le homme"), "grammar le homme -> l’homme");
    }

    #[test]
    fn what_french_does_not_elide() {
        let clean = "le héros, la hausse, le hasard, de Hanoï, le Hamas, de un à trois, \
                     la une, le onze, de oui, fais-le entrer, dis-le à Paul, si elle vient, \
                     ce ami, presque au bout, quelque autre, de yaourt, de 11 ans, de ONU, \
                     Manoel de Oliveira, le hall, la hiérarchie, lorsque Anne vint, \
                     Me Olivier Dupont, le e muet, de E. Dupont";
        assert_eq!(grammar(clean), "");
    }

    #[test]
    fn quoted_words_get_a_suggestion_not_a_fix() {
        let diags = lint_texts(
            RULES,
            &[(
                "a.txt",
                "Il a dit « je ai peur » hier, \"le Internet is the best\".",
            )],
        );
        let g: Vec<_> = diags
            .iter()
            .filter(|d| d.kind == crate::Kind::Grammar)
            .collect();
        assert_eq!(g.len(), 1, "{}", summary(&diags));
        assert_eq!(g[0].suggestion.as_deref(), Some("j’ai"));
        assert!(!g[0].safe_fix);
    }
}

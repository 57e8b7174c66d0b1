#![doc = include_str!("quote_mismatch.md")]
//!
//! Quotations are found again through an inverted index of their word
//! trigrams (linear in the corpus, common trigrams skipped), then each
//! candidate pair is aligned word by word with `similar`.

use std::ops::Range;

use rustc_hash::FxHashMap;
use similar::{DiffOp, capture_diff_slices};

use super::{Check, Corpus};
use crate::diagnostic::{Diagnostic, Kind, Related, Severity};
use crate::extract::sourcing::QuotedSpeech;
use crate::span::Span;

pub struct QuoteMismatch;

/// A trigram in more quotations than this says nothing about which ones
/// are the same ("il y a", "nous ne pouvons"): skipped.
const COMMON_TRIGRAM: usize = 64;

/// At most this many related spans per finding.
const MAX_RELATED: usize = 3;

impl Check for QuoteMismatch {
    fn kind(&self) -> Kind {
        Kind::QuoteMismatch
    }

    fn explain(&self) -> &'static str {
        include_str!("quote_mismatch.md")
    }

    fn check_corpus(&self, corpus: &Corpus, out: &mut Vec<Diagnostic>) {
        let quotes: Vec<Quote> = corpus
            .facts
            .iter()
            .enumerate()
            .flat_map(|(doc, f)| f.quotes.iter().map(move |q| Quote::new(doc, q)))
            .collect();
        let pairs = candidate_pairs(&quotes);
        let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); quotes.len()];
        for &(a, b) in &pairs {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
        let mut findings: Vec<Finding> = Vec::new();
        for (a, b) in pairs {
            let Some(difference) = compare(&quotes[a], &quotes[b]) else {
                continue;
            };
            // The version fewer articles give is the one to look at; when
            // as many give each, both are.
            let by_speaker = matches!(difference, Difference::Speaker { .. });
            let (sa, sb) = (
                support(&quotes, &neighbours, a, by_speaker),
                support(&quotes, &neighbours, b, by_speaker),
            );
            if sa <= sb {
                findings.push(Finding {
                    quote: a,
                    other: b,
                    difference: difference.clone(),
                    others: sb,
                });
            }
            if sb <= sa {
                findings.push(Finding {
                    quote: b,
                    other: a,
                    difference: difference.swapped(),
                    others: sa,
                });
            }
        }
        findings.sort_by_key(|f| (f.quote, f.other));
        let mut by_quote: FxHashMap<usize, Vec<Finding>> = FxHashMap::default();
        for f in findings {
            by_quote.entry(f.quote).or_default().push(f);
        }
        let mut keys: Vec<usize> = by_quote.keys().copied().collect();
        keys.sort_unstable();
        for k in keys {
            let found = &by_quote[&k];
            let q = &quotes[k];
            let facts = corpus.facts[q.doc];
            let first = &found[0];
            let message = first
                .difference
                .message(q, &quotes[first.other], first.others);
            let (span, text) = match &first.difference {
                Difference::Words { here, .. } => q.part(here.clone()),
                Difference::Speaker { .. } => (q.source.span, q.source.words.clone()),
            };
            let related = found
                .iter()
                .take(MAX_RELATED)
                .map(|f| {
                    let o = &quotes[f.other];
                    let (span, text) = match &f.difference {
                        Difference::Words { there, .. } => o.part(there.clone()),
                        Difference::Speaker { .. } => (o.source.span, o.source.words.clone()),
                    };
                    Related {
                        file: corpus.facts[o.doc].file.clone(),
                        span,
                        text,
                        message: match &o.source.speaker {
                            Some(who) => format!("quoted this way, from {who}"),
                            None => "quoted this way".to_string(),
                        },
                    }
                })
                .collect();
            out.push(
                Diagnostic::new(
                    Kind::QuoteMismatch,
                    Severity::Warning,
                    &facts.file,
                    span,
                    &text,
                    message,
                )
                .with_related(related)
                .with_rule(corpus.context.rules.sourcing.rule()),
            );
        }
    }
}

/// A quotation with its words folded for comparison.
struct Quote<'a> {
    doc: usize,
    source: &'a QuotedSpeech,
    /// Lower-case words with where they stand in `source.words`; `None`
    /// stands for an ellipsis that cuts words out.
    words: Vec<Option<(String, Range<usize>)>>,
}

impl<'a> Quote<'a> {
    fn new(doc: usize, source: &'a QuotedSpeech) -> Quote<'a> {
        Quote {
            doc,
            source,
            words: fold_words(&source.words),
        }
    }

    /// The words without the ellipses.
    fn plain(&self) -> Vec<&str> {
        self.words
            .iter()
            .flatten()
            .map(|(w, _)| w.as_str())
            .collect()
    }

    /// Where plain words `range` stand in the quotation's text.
    fn bytes(&self, range: Range<usize>) -> Range<usize> {
        let plain: Vec<&Range<usize>> = self.words.iter().flatten().map(|(_, r)| r).collect();
        match (
            plain.get(range.start),
            range.end.checked_sub(1).and_then(|e| plain.get(e)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => a.start..b.end,
            _ => 0..0,
        }
    }

    /// The span and text of bytes `r` of the quotation (all of it when
    /// `r` is empty).
    fn part(&self, r: Range<usize>) -> (Span, String) {
        let words = &self.source.words;
        match words.get(r.clone()) {
            Some(text) if !r.is_empty() => (
                self.source.span.within(words, r.start, r.end),
                text.to_string(),
            ),
            _ => (self.source.span, words.clone()),
        }
    }

    fn has_cut(&self) -> bool {
        self.words.iter().any(Option::is_none)
    }

    /// The runs of words between ellipses.
    fn segments(&self) -> Vec<Vec<&str>> {
        self.words
            .split(Option::is_none)
            .filter(|s| !s.is_empty())
            .map(|s| s.iter().flatten().map(|(w, _)| w.as_str()).collect())
            .collect()
    }
}

/// Words as a reader compares them: lower case, one apostrophe, no
/// punctuation; "(…)" and "[…]" become a gap.
fn fold_words(text: &str) -> Vec<Option<(String, Range<usize>)>> {
    let mut out: Vec<Option<(String, Range<usize>)>> = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    let flush = |word: &mut String, start: usize, end: usize, out: &mut Vec<_>| {
        if !word.is_empty() {
            out.push(Some((std::mem::take(word), start..end)));
        }
    };
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | 'ʼ') && !word.is_empty() {
            // "l’Europe": the elided word keeps its apostrophe.
            word.push('\'');
            flush(&mut word, start, i + c.len_utf8(), &mut out);
        } else if c == '-' && !word.is_empty() && next.is_some_and(char::is_alphanumeric) {
            word.push('-');
        } else {
            flush(&mut word, start, i, &mut out);
            let rest = &text[i + c.len_utf8()..];
            let cut = matches!(c, '(' | '[') && (rest.starts_with('…') || rest.starts_with("..."));
            // "[par le policier]": the editor's words, not the speaker's.
            let inserted = c == '[' && !cut;
            if cut || inserted {
                for (_, n) in chars.by_ref() {
                    if matches!(n, ')' | ']') {
                        break;
                    }
                }
            }
            // "(…)", "[…]" and an ellipsis inside the quotation cut words.
            if (cut || c == '…') && out.last().is_some_and(Option::is_some) {
                out.push(None);
            }
        }
    }
    flush(&mut word, start, text.len(), &mut out);
    out
}

/// Pairs of quotations that share at least two word trigrams, each pair
/// once, found through an inverted index (never all pairs).
fn candidate_pairs(quotes: &[Quote]) -> Vec<(usize, usize)> {
    let mut postings: FxHashMap<[&str; 3], Vec<usize>> = FxHashMap::default();
    for (i, q) in quotes.iter().enumerate() {
        let plain = q.plain();
        let mut seen: Vec<[&str; 3]> = plain.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            postings.entry(t).or_default().push(i);
        }
    }
    let mut shared: FxHashMap<(usize, usize), u32> = FxHashMap::default();
    for list in postings.values() {
        if list.len() < 2 || list.len() > COMMON_TRIGRAM {
            continue;
        }
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(p, _)| p)
        .collect();
    pairs.sort_unstable();
    pairs
}

/// How two quotations of the same words differ.
#[derive(Clone, Debug)]
enum Difference {
    /// Words changed inside a shared passage: where, on each side (bytes
    /// of the quotation's text, with a word of context).
    Words {
        here: Range<usize>,
        there: Range<usize>,
    },
    /// The same words, given to another named speaker.
    Speaker { here: String, there: String },
}

impl Difference {
    fn swapped(&self) -> Difference {
        match self {
            Difference::Words { here, there } => Difference::Words {
                here: there.clone(),
                there: here.clone(),
            },
            Difference::Speaker { here, there } => Difference::Speaker {
                here: there.clone(),
                there: here.clone(),
            },
        }
    }

    fn message(&self, q: &Quote, other: &Quote, others: usize) -> String {
        let elsewhere = match others {
            0 | 1 => "in another article".to_string(),
            n => format!("in {n} other articles"),
        };
        match self {
            Difference::Words { here, there } => format!(
                "the same quotation reads \"{}\" {elsewhere}, \"{}\" here: check the words against the source",
                excerpt(&other.source.words[there.clone()]),
                excerpt(&q.source.words[here.clone()]),
            ),
            Difference::Speaker { here, there } => format!(
                "the same words are given to {there} {elsewhere}, to {here} here: check who said them"
            ),
        }
    }
}

/// Words of a quotation for a message: on one line, at most 12 words.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 12 {
        format!("{} …", words[..12].join(" "))
    } else {
        words.join(" ")
    }
}

/// How `a` differs from `b`, when they are the same quotation told
/// differently: `None` when identical, unrelated, one a part of the other,
/// or one cut with an ellipsis from the other.
fn compare(a: &Quote, b: &Quote) -> Option<Difference> {
    let (pa, pb) = (a.plain(), b.plain());
    if pa == pb {
        return speaker_difference(a, b);
    }
    // A partial quotation, or one cut with "(…)", is the same words.
    if within(&a.segments(), &pb) || within(&b.segments(), &pa) {
        return (pa.len().min(pb.len()) >= 8)
            .then(|| speaker_difference(a, b))
            .flatten();
    }
    // A marked cut is deliberate editing: only whole words are compared.
    if a.has_cut() || b.has_cut() {
        return None;
    }
    let ops = capture_diff_slices(similar::Algorithm::Myers, &pa, &pb);
    let equal: Vec<(usize, usize, usize)> = ops
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => Some((old_index, new_index, len)),
            _ => None,
        })
        .collect();
    let (first, last) = (equal.first()?, equal.last()?);
    let same: usize = equal.iter().map(|e| e.2).sum();
    let longest = equal.iter().map(|e| e.2).max().unwrap_or(0);
    // Changes between the first and the last shared word: past them, one
    // quotation just goes on further than the other.
    let (a_from, a_to) = (first.0, last.0 + last.2);
    let (b_from, b_to) = (first.1, last.1 + last.2);
    let changed = (a_to - a_from - same) + (b_to - b_from - same);
    // Both going on past the shared words, each its own way ("c’est
    // incroyable" / "c’est quand même à peine croyable"): the shorter end
    // is a change, not a longer quotation.
    let ends = |a_rest: usize, b_rest: usize| a_rest.min(b_rest) > 0 && a_rest.min(b_rest) <= 4;
    let leading = ends(a_from, b_from);
    let trailing = ends(pa.len() - a_to, pb.len() - b_to);
    if same < 6 || longest < 4 || changed > (same / 4).max(2) {
        return None;
    }
    // The changes between shared words: a few words each, not a passage
    // one article skipped or added.
    let inside: Vec<(Range<usize>, Range<usize>)> = ops
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .filter(|op| {
            let (o, n) = (op.old_range(), op.new_range());
            (o.start > a_from && o.end < a_to)
                || (leading && o.end <= a_from && n.end <= b_from)
                || (trailing && o.start >= a_to && n.start >= b_to)
        })
        .map(|op| (op.old_range(), op.new_range()))
        .collect();
    let small = |(o, n): &(Range<usize>, Range<usize>)| {
        o.len().min(n.len()) <= 4
            && (o.len().max(n.len()) <= 4 || o.start == 0 || o.end == pa.len())
    };
    if inside.is_empty() || !inside.iter().all(small) {
        return None;
    }
    let (ar, br) = inside[0].clone();
    let context = |words: usize, r: Range<usize>| {
        r.start.saturating_sub(1)..(r.end + 1).min(words).max(r.start.saturating_sub(1) + 1)
    };
    Some(Difference::Words {
        here: a.bytes(context(pa.len(), ar)),
        there: b.bytes(context(pb.len(), br)),
    })
}

/// Whether every segment of `segments`, in order, stands word for word in
/// `words`.
fn within(segments: &[Vec<&str>], words: &[&str]) -> bool {
    let mut from = 0;
    for s in segments {
        if s.is_empty() {
            continue;
        }
        match (from..=words.len().saturating_sub(s.len()))
            .find(|&i| words.len() >= s.len() && words[i..i + s.len()] == s[..])
        {
            Some(i) => from = i + s.len(),
            None => return false,
        }
    }
    true
}

/// The same words given to two named speakers who share no name.
fn speaker_difference(a: &Quote, b: &Quote) -> Option<Difference> {
    let (sa, sb) = (a.source.speaker.as_ref()?, b.source.speaker.as_ref()?);
    let names = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    };
    let (na, nb) = (names(sa), names(sb));
    if na.is_empty() || nb.is_empty() || na.iter().any(|w| nb.contains(w)) {
        return None;
    }
    Some(Difference::Speaker {
        here: sa.clone(),
        there: sb.clone(),
    })
}

/// In how many articles quotation `i`'s words stand (its own included):
/// the articles with a quotation that holds them, among its candidates
/// (any quotation holding its words shares its trigrams).
/// With `by_speaker`, only those giving them to the same speaker count.
fn support(quotes: &[Quote], neighbours: &[Vec<usize>], i: usize, by_speaker: bool) -> usize {
    let mine = quotes[i].plain();
    let mut docs: Vec<usize> = std::iter::once(i)
        .chain(neighbours[i].iter().copied())
        .filter(|&j| {
            let theirs = quotes[j].plain();
            theirs.len() >= mine.len()
                && within(std::slice::from_ref(&mine), &theirs)
                && (!by_speaker || speaker_difference(&quotes[i], &quotes[j]).is_none())
        })
        .map(|j| quotes[j].doc)
        .collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// One quotation to report, and the one it differs from.
struct Finding {
    quote: usize,
    other: usize,
    difference: Difference,
    /// In how many articles the other version stands.
    others: usize,
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::{lint_texts, summary};

    const RULES: &str = include_str!("../../rules/sourcing.toml");

    fn mismatches(texts: &[(&str, &str)]) -> String {
        let diags = lint_texts(RULES, texts);
        let kept: Vec<_> = diags
            .into_iter()
            .filter(|d| d.kind == crate::Kind::QuoteMismatch)
            .collect();
        summary(&kept)
    }

    const FAITHFUL: &str = "« Nous apportons notre soutien total à la politique russe en Ukraine », a déclaré Kim Jong-un.\n";

    #[test]
    fn a_word_changed_in_one_article_of_three() {
        let drifted = "« Nous apportons notre soutien total de la politique russe en Ukraine », a déclaré Kim Jong-un.\n";
        let found = mismatches(&[("a.txt", FAITHFUL), ("b.txt", FAITHFUL), ("c.txt", drifted)]);
        assert_eq!(found, "quote-mismatch total de la -> ");
        let diags = lint_texts(
            RULES,
            &[("a.txt", FAITHFUL), ("b.txt", FAITHFUL), ("c.txt", drifted)],
        );
        let d = diags
            .iter()
            .find(|d| d.kind == crate::Kind::QuoteMismatch)
            .unwrap();
        assert_eq!(d.file, "c.txt");
        assert_eq!(&drifted[d.span.start..d.span.end], "total de la");
        assert_eq!(
            d.message,
            "the same quotation reads \"total à la\" in 2 other articles, \"total de la\" here: check the words against the source"
        );
        assert_eq!(d.related.len(), 2);
    }

    #[test]
    fn partial_quotes_and_marked_cuts_are_the_same_words() {
        let partial = "Il a promis « notre soutien total à la politique russe en Ukraine », selon Kim Jong-un.\n";
        let cut = "« Nous apportons notre soutien (…) à la politique russe en Ukraine », a déclaré Kim Jong-un.\n";
        let found = mismatches(&[("a.txt", FAITHFUL), ("b.txt", partial), ("c.txt", cut)]);
        assert_eq!(found, "");
    }

    #[test]
    fn the_same_words_given_to_another_speaker() {
        let other = "« Nous apportons notre soutien total à la politique russe en Ukraine », a déclaré Choe Son-hui.\n";
        let found = mismatches(&[("a.txt", FAITHFUL), ("b.txt", FAITHFUL), ("c.txt", other)]);
        assert_eq!(
            found,
            "quote-mismatch Nous apportons notre soutien total à la politique russe en Ukraine -> "
        );
    }

    #[test]
    fn unrelated_quotations_sharing_a_phrase_are_left_alone() {
        let other = "« Nous apportons notre soutien aux familles des victimes de cette tragédie », a déclaré Kim Jong-un.\n";
        assert_eq!(mismatches(&[("a.txt", FAITHFUL), ("b.txt", other)]), "");
    }

    #[test]
    fn an_editor_s_words_in_brackets_are_not_the_speaker_s() {
        let bracketed = "« Nous apportons notre soutien total [militaire] à la politique russe en Ukraine », a déclaré Kim Jong-un.\n";
        assert_eq!(mismatches(&[("a.txt", FAITHFUL), ("b.txt", bracketed)]), "");
    }

    #[test]
    fn typography_and_capitals_are_not_differences() {
        let typo = "“nous apportons notre soutien total à la politique russe en Ukraine”, a déclaré Kim Jong-un.\n";
        assert_eq!(mismatches(&[("a.txt", FAITHFUL), ("b.txt", typo)]), "");
    }
}

//! Proper names in a document: mentions of declared entities (with how
//! exactly they are written) and unresolved capitalized name sequences for
//! the corpus-level comparison.

use unicode_normalization::UnicodeNormalization;

use super::gazetteer::Gazetteer;
use super::name_form::{MIN_SINGLE_PIECE_CHARS, NameForm};
use super::pieces::{FoldedPieces, Piece, Sep, is_capitalized, is_lowercase, is_uppercase};
use crate::span::{LineIndex, Span};

/// How a mention's text relates to the declared form it was taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Fit {
    /// Letter for letter (or only capitalized further, as in titles).
    Exact,
    /// The same letters, written in lower case ("poutine").
    Lowercase,
    /// The same letters with other accents ("khrouchtchév").
    Accents,
    /// The same letters, spaced, hyphenated or capitalized otherwise in
    /// running text ("Kim Jong Un", "Kim Jong-Un").
    Respelled,
    /// One slip away from the form ("Kim Young-un").
    NearMiss,
}

/// A name in the text taken for a declared entity.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NameMention {
    pub span: Span,
    pub text: String,
    /// Index into the gazetteer's forms.
    pub form: usize,
    pub fit: Fit,
    /// For near misses, how close the text is to the form (0–1).
    pub similarity: f64,
}

/// A capitalized sequence of several pieces that names no declared entity:
/// material for clustering the corpus's own spellings.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NameCandidate {
    pub span: Span,
    pub text: String,
}

/// Words that open a capitalized run at the start of a sentence but are not
/// part of a name ("Selon Victor Cha", "Lors de", "Le président").
const LEADING_WORDS: &[&str] = &[
    "a",
    "alors",
    "apres",
    "au",
    "aujourd",
    "aussi",
    "aux",
    "avant",
    "avec",
    "bien",
    "c",
    "ce",
    "celui",
    "cependant",
    "ces",
    "cet",
    "cette",
    "chez",
    "comme",
    "contre",
    "d",
    "dans",
    "de",
    "depuis",
    "des",
    "donc",
    "du",
    "elle",
    "elles",
    "en",
    "encore",
    "enfin",
    "entre",
    "et",
    "face",
    "general",
    "hier",
    "il",
    "ils",
    "j",
    "je",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lorsque",
    "m",
    "mais",
    "malgre",
    "me",
    "meme",
    "mme",
    "monsieur",
    "madame",
    "n",
    "ne",
    "neanmoins",
    "nous",
    "on",
    "or",
    "ou",
    "par",
    "parmi",
    "pour",
    "pourtant",
    "president",
    "presidente",
    "puis",
    "qu",
    "quand",
    "que",
    "s",
    "sa",
    "sans",
    "se",
    "selon",
    "ses",
    "si",
    "son",
    "sous",
    "sur",
    "tandis",
    "tout",
    "toute",
    "toutes",
    "tous",
    "toutefois",
    "un",
    "une",
    "vers",
    "vous",
];

/// Lower-case words that may sit inside a name ("Corée du Nord").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "d" | "de"
            | "des"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "da"
            | "di"
            | "dos"
            | "das"
            | "al"
            | "el"
            | "bin"
            | "ben"
    )
}

/// [`LEADING_WORDS`] for lookup.
static LEADING: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| LEADING_WORDS.iter().copied().collect());

/// The longest capitalized run kept as one candidate.
const MAX_RUN: usize = 8;

pub struct NameFacts {
    pub mentions: Vec<NameMention>,
    pub candidates: Vec<NameCandidate>,
}

/// Finds the names among `pieces` of `text` (the whole file text; pieces
/// carry file offsets).
pub fn extract(
    text: &str,
    pieces: &[Piece],
    folded: &FoldedPieces,
    lines: &LineIndex,
    gazetteer: &Gazetteer,
) -> NameFacts {
    let raw = |i: usize| &text[pieces[i].start..pieces[i].end];
    // (first piece, end piece exclusive, mention)
    let mut found: Vec<(usize, usize, NameMention)> = Vec::new();

    // 1. Every declared form, wherever it stands, longest match first.
    let mut i = 0;
    while i < pieces.len() && !gazetteer.is_empty() {
        let piece = raw(i);
        if !piece.chars().next().is_some_and(char::is_alphabetic) {
            i += 1;
            continue;
        }
        // Among the longest forms that match, the one written most exactly
        // ("Kim Jong Un" is the declared variant, not a respaced canonical).
        let mut best: Option<(usize, usize, u8)> = None;
        for &fi in gazetteer.starting_with(folded.get(i)) {
            let form = &gazetteer.forms[fi].form;
            let end = i + form.len();
            if best.is_some_and(|(_, e, _)| end < e) {
                break;
            }
            if end > pieces.len() || !same_letters(folded, pieces, i, form) {
                continue;
            }
            let Some(fit) = classify(text, pieces, i, form) else {
                continue;
            };
            if fit == Fit::Lowercase
                && (!reads_as_name(folded, pieces, i, gazetteer, fi)
                    || in_address(text, pieces, i, end))
            {
                continue;
            }
            // The form written letter for letter wins ("OTAN" is a declared
            // variant, not the house "Otan" in capitals), except in a line
            // set in capitals, where every name is in capitals.
            let written = &text[pieces[i].start..pieces[end - 1].end];
            let identical = written == form.text
                && !(is_uppercase(written) && in_headline(text, pieces[i].start));
            let rank = if identical { 0 } else { 1 + fit_rank(fit) };
            if best.is_none_or(|(_, _, r)| rank < r) {
                best = Some((fi, end, rank));
            }
        }
        match best {
            Some((fi, end, _)) => {
                let fit =
                    classify(text, pieces, i, &gazetteer.forms[fi].form).unwrap_or(Fit::Exact);
                let (start, stop) = (pieces[i].start, pieces[end - 1].end);
                found.push((
                    i,
                    end,
                    NameMention {
                        span: lines.span(text, start, stop),
                        text: text[start..stop].to_string(),
                        form: fi,
                        fit,
                        similarity: 1.0,
                    },
                ));
                i = end;
            }
            None => i += 1,
        }
    }

    // 2. Capitalized runs: slips of declared names, or the corpus's own names.
    let coverage = Coverage::new(pieces.len(), &found);
    let doc = Scan {
        text,
        pieces,
        folded,
        lines,
        gazetteer,
    };
    let mut candidates = Vec::new();
    let mut near_misses = Vec::new();
    for (a, b) in capitalized_runs(text, pieces) {
        if coverage.is_mention(&found, a, b) {
            continue;
        }
        if let Some(slip) = find_near_miss(&doc, a, b, &found, &coverage) {
            near_misses.push(slip);
            continue;
        }
        let a = (a..b)
            .find(|&k| !LEADING.contains(folded.get(k)))
            .unwrap_or(b);
        // The run, and the name after each "de" in it: "Nantes de
        // Jean-Marc Ayrault" also names "Jean-Marc Ayrault".
        let after_de = (a + 1..b)
            .filter(|&k| matches!(raw(k - 1), "de" | "d"))
            .collect::<Vec<_>>();
        for s in std::iter::once(a).chain(after_de) {
            if b - s >= 2 && !(s..b).all(|k| coverage.at(k).is_some()) {
                let (start, stop) = (pieces[s].start, pieces[b - 1].end);
                candidates.push(NameCandidate {
                    span: lines.span(text, start, stop),
                    text: text[start..stop].to_string(),
                });
            }
        }
    }
    if !near_misses.is_empty() {
        // A slip replaces the shorter names found inside it ("Kim" in
        // "Kim Young-un").
        // Both lists are in text order: one sweep.
        let mut next = 0;
        found.retain(|(fs, fe, _)| {
            while next < near_misses.len() && near_misses[next].1 <= *fs {
                next += 1;
            }
            !near_misses[next..]
                .iter()
                .take_while(|(s, _, _)| s < fe)
                .any(|(_, e, _)| e > fs)
        });
        found.extend(near_misses);
        found.sort_by_key(|(s, _, _)| *s);
    }
    NameFacts {
        // Not `collect()`: collecting in place would keep the working
        // vector's larger allocation alive with every document's facts.
        mentions: {
            let mut mentions = Vec::with_capacity(found.len());
            mentions.extend(found.into_iter().map(|(_, _, m)| m));
            mentions
        },
        candidates,
    }
}

/// Whether a single word is long enough to be checked for a slip.
fn long_enough(folded: &str) -> bool {
    folded.len() >= MIN_SINGLE_PIECE_CHARS && folded.chars().count() >= MIN_SINGLE_PIECE_CHARS
}

/// The document being read, as the near-miss search needs it.
#[derive(Clone, Copy)]
struct Scan<'a> {
    text: &'a str,
    pieces: &'a [Piece],
    folded: &'a FoldedPieces,
    lines: &'a LineIndex,
    gazetteer: &'a Gazetteer,
}

/// For each piece, the mention that covers it: constant-time lookups, so
/// that a long file costs time in proportion to its length.
struct Coverage {
    by_piece: Vec<Option<u32>>,
}

impl Coverage {
    fn new(pieces: usize, found: &[(usize, usize, NameMention)]) -> Coverage {
        let mut by_piece = vec![None; pieces];
        for (m, (s, e, _)) in found.iter().enumerate() {
            for slot in &mut by_piece[*s..*e] {
                *slot = Some(m as u32);
            }
        }
        Coverage { by_piece }
    }

    /// The index in `found` of the mention covering piece `k`.
    fn at(&self, k: usize) -> Option<usize> {
        self.by_piece[k].map(|m| m as usize)
    }

    /// Whether pieces `a..b` are exactly one mention.
    fn is_mention(&self, found: &[(usize, usize, NameMention)], a: usize, b: usize) -> bool {
        self.at(a)
            .is_some_and(|m| found[m].0 == a && found[m].1 == b)
    }
}

fn fit_rank(fit: Fit) -> u8 {
    match fit {
        Fit::Exact => 0,
        Fit::Lowercase => 1,
        Fit::Respelled => 2,
        Fit::Accents => 3,
        Fit::NearMiss => 4,
    }
}

/// Whether the line around `at` is a headline: every word of four letters
/// or more is capitalized ("Poutine Et Kim : Alliance Renforcée À Pékin",
/// or a line set in capitals). Looks at most a few hundred bytes each way,
/// so it costs nothing on long lines.
fn in_headline(text: &str, at: usize) -> bool {
    const REACH: usize = 300;
    let mut from = at.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (at + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = text[from..at].rsplit('\n').next().unwrap_or("");
    let after = text[at..to].split('\n').next().unwrap_or("");
    before
        .split(|c: char| !c.is_alphabetic())
        .chain(after.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 4)
        .all(is_capitalized)
}

/// Whether pieces `i..end` are glued to a dot on either side ("lyon.fr",
/// "www.lyon.fr", "matin.info"): part of an address, not prose.
fn in_address(text: &str, pieces: &[Piece], i: usize, end: usize) -> bool {
    let glued_dot = |a: usize, b: usize| &text[pieces[a].end..pieces[b].start] == ".";
    (i > 0 && glued_dot(i - 1, i)) || (end < pieces.len() && glued_dot(end - 1, end))
}

/// Determiners: after one, a lower-case word is a common noun ("une
/// poutine québécoise"), not a person's name.
const DETERMINERS: &[&str] = &[
    "un", "une", "le", "la", "les", "l", "des", "du", "ce", "cet", "cette", "ces", "mon", "ma",
    "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
    "quelle", "quel", "chaque",
];

/// Whether a lower-case match of form `fi` at piece `i` is the name
/// written in lower case, rather than an ordinary word that looks like it.
fn reads_as_name(
    folded: &FoldedPieces,
    pieces: &[Piece],
    i: usize,
    g: &Gazetteer,
    fi: usize,
) -> bool {
    let entity = g.forms[fi].entity;
    if g.common_word(entity) {
        return false;
    }
    if i == 0 || !matches!(pieces[i].sep, Sep::Space | Sep::Apostrophe) {
        return true;
    }
    let previous = folded.get(i - 1);
    // People take no article ("une poutine" is a dish); places take the
    // definite one ("la russie") but not the indefinite ("un pékin").
    if g.is_person(entity) {
        !DETERMINERS.contains(&previous)
    } else {
        !matches!(previous, "un" | "une")
    }
}

/// Whether pieces from `i` have the letters of `form` (case and accents
/// aside) and are joined by name separators.
fn same_letters(folded: &FoldedPieces, pieces: &[Piece], i: usize, form: &NameForm) -> bool {
    form.folded
        .iter()
        .enumerate()
        .all(|(k, f)| (k == 0 || pieces[i + k].sep.joins_name()) && folded.get(i + k) == f)
}

/// How the pieces from `i` are written compared with `form`.
fn classify(text: &str, pieces: &[Piece], i: usize, form: &NameForm) -> Option<Fit> {
    let mut lower = false;
    let mut accents = false;
    let mut capitals = false;
    for (k, want) in form.raw.iter().enumerate() {
        let got = &text[pieces[i + k].start..pieces[i + k].end];
        if got == want || got.nfc().eq(want.nfc()) {
            continue;
        }
        if got.to_lowercase() == want.to_lowercase() {
            if is_lowercase(got) && is_capitalized(want) {
                lower = true;
            } else if k > 0 && is_capitalized(got) && !is_capitalized(want) {
                // A capital on the first word is sentence case.
                capitals = true;
            }
        } else if !is_uppercase(got) {
            // French often drops accents on capitals ("PEKIN"): only a
            // word in lower or mixed case has its accents wrong.
            accents = true;
        }
    }
    let seps_differ = form
        .seps
        .iter()
        .enumerate()
        .any(|(k, s)| pieces[i + k + 1].sep != *s);
    Some(if accents {
        Fit::Accents
    } else if seps_differ || (capitals && !in_headline(text, pieces[i].start)) {
        Fit::Respelled
    } else if lower {
        Fit::Lowercase
    } else {
        Fit::Exact
    })
}

/// Maximal runs of pieces that read as a name: capitalized pieces joined by
/// spaces, hyphenated pieces ("Il-sung"), particles between capitals.
fn capitalized_runs(text: &str, pieces: &[Piece]) -> Vec<(usize, usize)> {
    let raw = |i: usize| &text[pieces[i].start..pieces[i].end];
    let is_word = |i: usize| raw(i).chars().next().is_some_and(char::is_alphabetic);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if !(is_capitalized(raw(i)) && is_word(i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < pieces.len() && end - start < MAX_RUN && is_word(end) {
            let p = pieces[end];
            let next_cap = is_capitalized(raw(end));
            let ok = match p.sep {
                Sep::Hyphen => true,
                Sep::Space | Sep::Apostrophe if next_cap => true,
                Sep::Space | Sep::Apostrophe => {
                    // One or more particles, then a capital: "von der Leyen".
                    let mut k = end;
                    while k < pieces.len() && k - end < 3 && is_particle(raw(k)) {
                        k += 1;
                    }
                    k > end
                        && k < pieces.len()
                        && (end + 1..=k).all(|j| pieces[j].sep.joins_name())
                        && is_capitalized(raw(k))
                }
                _ => false,
            };
            if !ok {
                break;
            }
            end += 1;
        }
        runs.push((start, end));
        i = end;
    }
    runs
}

/// The largest window of the run `a..b` that is a near miss of a declared
/// form, as a mention.
fn find_near_miss(
    doc: &Scan,
    a: usize,
    b: usize,
    found: &[(usize, usize, NameMention)],
    coverage: &Coverage,
) -> Option<(usize, usize, NameMention)> {
    let Scan {
        text,
        pieces,
        folded,
        lines,
        gazetteer,
    } = *doc;
    if gazetteer.is_empty() {
        return None;
    }
    let exact_at = |k: usize| coverage.at(k).is_some_and(|m| found[m].2.fit == Fit::Exact);
    let folded: Vec<&str> = (a..b).map(|k| folded.get(k)).collect();
    for size in (1..=(b - a).min(gazetteer.max_pieces)).rev() {
        for s in a..=(b - size) {
            let e = s + size;
            if coverage.is_mention(found, s, e) {
                continue;
            }
            if (s..e).any(|k| k > s && pieces[k].sep == Sep::Apostrophe) {
                continue;
            }
            if size == 1 && (coverage.at(s).is_some() || !long_enough(folded[s - a])) {
                continue;
            }
            let window = &folded[s - a..e - a];
            let Some((fi, similarity)) = gazetteer.near_miss(window) else {
                continue;
            };
            let target = &gazetteer.forms[fi].form.folded;
            // The piece that differs must not be a name written correctly
            // ("Sergueï Shoigu" holds the declared variant "Shoigu").
            let differing = (0..size).find(|&k| window[k] != target[k]).map(|k| s + k);
            if differing.is_some_and(exact_at) {
                continue;
            }
            let (start, stop) = (pieces[s].start, pieces[e - 1].end);
            let mention = NameMention {
                span: lines.span(text, start, stop),
                text: text[start..stop].to_string(),
                form: fi,
                fit: Fit::NearMiss,
                similarity,
            };
            return Some((s, e, mention));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::FormRole;
    use crate::extract::pieces::pieces;
    use crate::rules::parse_for_test;

    const RULES: &str = r#"
[[entity]]
id = "kim-jong-un"
name = "Kim Jong-un"
kind = "person"
variants = ["Kim Jong Un"]
source = "s"

[[entity]]
id = "kim"
name = "Kim"
kind = "person"
source = "s"

[[entity]]
id = "kim-il-sung"
name = "Kim Il-sung"
kind = "person"
source = "s"

[[entity]]
id = "khrouchtchev"
name = "Nikita Khrouchtchev"
forms = ["Khrouchtchev"]
kind = "person"
source = "s"

[[entity]]
id = "amour"
name = "Amour"
kind = "place"
common_word = true
source = "s"

[[entity]]
id = "coree-du-nord"
name = "Corée du Nord"
kind = "place"
source = "s"

[[entity]]
id = "choigou"
name = "Sergueï Choïgou"
forms = ["Choïgou"]
variants = ["Shoigu"]
kind = "person"
source = "s"
"#;

    /// The names of `text` under the entity rules `rules`.
    fn names_with(rules: &str, text: &str) -> (Gazetteer, NameFacts) {
        let g = Gazetteer::new(&parse_for_test(rules).unwrap());
        let ps = pieces(text, 0);
        let facts = extract(
            text,
            &ps,
            &FoldedPieces::new(text, &ps),
            &LineIndex::new(text),
            &g,
        );
        (g, facts)
    }

    fn run(text: &str) -> (Gazetteer, NameFacts) {
        names_with(RULES, text)
    }

    fn fits(text: &str) -> Vec<(String, Fit, String)> {
        let (g, f) = run(text);
        f.mentions
            .iter()
            .map(|m| (m.text.clone(), m.fit, g.forms[m.form].house.clone()))
            .collect()
    }

    #[test]
    fn exact_names_and_distinct_people() {
        let got = fits("Kim Il-sung puis Kim Jong-un, en Corée du Nord.");
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|(_, fit, _)| *fit == Fit::Exact), "{got:?}");
    }

    #[test]
    fn slip_of_a_korean_name_is_a_near_miss() {
        let got = fits("Kim Young-un a promis");
        assert_eq!(
            got,
            vec![("Kim Young-un".into(), Fit::NearMiss, "Kim Jong-un".into())]
        );
    }

    #[test]
    fn lowercase_accents_and_separators() {
        let got = fits("la politique de khrouchtchev et kim, héritage khrouchtchév, Kim Jong Un");
        assert_eq!(got[0].1, Fit::Lowercase);
        assert_eq!(got[0].2, "Khrouchtchev");
        assert_eq!(got[1], ("kim".into(), Fit::Lowercase, "Kim".into()));
        assert_eq!(got[2].1, Fit::Accents);
        assert_eq!(
            got[3],
            ("Kim Jong Un".into(), Fit::Exact, "Kim Jong-un".into())
        );
    }

    #[test]
    fn common_words_in_lower_case_are_not_names() {
        let got = fits("par amour de la région de l'Amour");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Amour");
    }

    #[test]
    fn a_declared_variant_inside_a_run_is_not_a_slip() {
        let got = fits("le ministre Sergueï Shoigu a dit");
        assert!(
            got.iter().all(|(_, fit, _)| *fit != Fit::NearMiss),
            "{got:?}"
        );
        assert!(got.iter().any(|(t, _, _)| t == "Shoigu"));
    }

    #[test]
    fn unknown_runs_become_candidates_without_leading_words() {
        let (_, f) = run("Selon Victor Cha, directeur. Les Nord-Coréens");
        let texts: Vec<_> = f.candidates.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["Victor Cha", "Nord-Coréens"]);
    }

    #[test]
    fn the_name_after_de_in_a_run_is_a_candidate_too() {
        let (_, f) = run("La ville de Nantes de Jean-Marc Ayrault.");
        let texts: Vec<_> = f.candidates.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Nantes de Jean-Marc Ayrault", "Jean-Marc Ayrault"]
        );
    }

    #[test]
    fn headlines_in_capitals_are_neither_slips_nor_variants() {
        let rules = "[[entity]]\nid = \"pekin\"\nname = \"Pékin\"\nkind = \"place\"\nsource = \"s\"\n\n\
                     [[entity]]\nid = \"otan\"\nname = \"Otan\"\nvariants = [\"OTAN\"]\nkind = \"organisation\"\nsource = \"s\"\n";
        let text = "KIM ET POUTINE À PEKIN FACE À L'OTAN\nSelon l'OTAN, la situation reste tendue à Pekin.";
        let (g, found) = names_with(rules, text);
        let got: Vec<_> = found
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.fit, g.forms[m.form].role))
            .collect();
        assert_eq!(
            got,
            vec![
                ("PEKIN", Fit::Exact, FormRole::Canonical),
                ("OTAN", Fit::Exact, FormRole::Canonical),
                ("OTAN", Fit::Exact, FormRole::Variant),
                ("Pekin", Fit::Accents, FormRole::Canonical),
            ]
        );
    }

    #[test]
    fn extra_capitals_are_a_variant_in_running_text_only() {
        let rules =
            "[[entity]]\nid = \"kim\"\nname = \"Kim Jong-un\"\nkind = \"person\"\nsource = \"s\"\n";
        let text =
            "Kim Jong-Un Reçoit Poutine\nLe dirigeant Kim Jong-Un a reçu le président russe.";
        let (_, found) = names_with(rules, text);
        let fits: Vec<_> = found.mentions.iter().map(|m| m.fit).collect();
        assert_eq!(fits, vec![Fit::Exact, Fit::Respelled]);
    }

    #[test]
    fn a_lower_case_form_may_open_a_sentence() {
        let rules =
            "[[entity]]\nid = \"h\"\nname = \"hôtel de ville\"\nkind = \"place\"\nsource = \"s\"\n";
        let text = "Le conseil siège. Hôtel de ville fermé, dit-on à la mairie.";
        let (_, found) = names_with(rules, text);
        assert_eq!(found.mentions[0].fit, Fit::Exact);
    }

    #[test]
    fn lower_case_names_inside_addresses_are_not_names() {
        let rules =
            "[[entity]]\nid = \"lyon\"\nname = \"Lyon\"\nkind = \"place\"\nsource = \"s\"\n";
        let text = "voir lyon.fr ou www.lyon.fr, mais pas lyon. Fin";
        let (_, found) = names_with(rules, text);
        let at: Vec<_> = found.mentions.iter().map(|m| m.span.start).collect();
        assert_eq!(at, vec![text.find("lyon. Fin").unwrap()]);
    }

    #[test]
    fn an_indefinite_article_makes_a_place_name_a_common_noun() {
        let rules =
            "[[entity]]\nid = \"pekin\"\nname = \"Pékin\"\nkind = \"place\"\nsource = \"s\"\n";
        let text = "un pékin moyen, la pékin";
        let (_, found) = names_with(rules, text);
        assert_eq!(found.mentions.len(), 1);
        assert_eq!(found.mentions[0].span.start, text.rfind("pékin").unwrap());
    }

    #[test]
    fn runs_cross_several_particles() {
        let text = "Ursula von der Layen dispose du soutien.";
        let ps = pieces(text, 0);
        assert_eq!(capitalized_runs(text, &ps), vec![(0, 4)]);
    }

    #[test]
    fn a_person_after_a_determiner_is_a_common_noun() {
        let rules = "[[entity]]\nid = \"p\"\nname = \"Poutine\"\nkind = \"person\"\nsource = \"s\"\n\n\
                     [[entity]]\nid = \"r\"\nname = \"Russie\"\nkind = \"place\"\nsource = \"s\"\n";
        let text = "une poutine, la russie, de poutine";
        let (_, found) = names_with(rules, text);
        let got: Vec<_> = found.mentions.iter().map(|m| m.span.start).collect();
        assert_eq!(
            got,
            vec![text.find("russie").unwrap(), text.rfind("poutine").unwrap()]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "À Pékin,\nKim Young-un a dit";
        let (_, f) = run(text);
        let m = &f.mentions[0];
        assert_eq!(&text[m.span.start..m.span.end], "Kim Young-un");
        assert_eq!((m.span.line, m.span.column), (2, 1));
    }
}

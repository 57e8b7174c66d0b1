#![doc = include_str!("typography.md")]

use super::language::Regions;
use super::{Check, Context};
use crate::diagnostic::{Diagnostic, Kind, Severity};
use crate::extract::{Facts, Prose, QuoteMarks};
use crate::rules;

pub struct Typography;

impl Check for Typography {
    fn kind(&self) -> Kind {
        Kind::Typography
    }

    fn explain(&self) -> &'static str {
        include_str!("typography.md")
    }

    fn check_document(
        &self,
        facts: &Facts,
        prose: &Prose,
        cx: &Context,
        out: &mut Vec<Diagnostic>,
    ) {
        let rules = &cx.rules.typography;
        let mut report = Report {
            facts,
            prose,
            rule: rules.reference(),
            regions: Regions::new(facts, prose, rules),
            out,
            pushed: 0,
        };
        glued_words(&mut report, rules);
        punctuation(&mut report, rules);
        doubled_spaces(&mut report);
        quotation_marks(&mut report);
    }
}

/// The document being checked and where its findings go.
struct Report<'a, 'b> {
    facts: &'a Facts,
    prose: &'a Prose<'a>,
    rule: Option<String>,
    regions: Regions,
    out: &'b mut Vec<Diagnostic>,
    pushed: usize,
}

impl Report<'_, '_> {
    fn push(&mut self, start: usize, end: usize, message: String, fix: Option<String>) {
        // A file of marks, not prose: the engine reports the first ones and
        // says the rest were left out; building them all would fill memory.
        self.pushed += 1;
        if self.pushed > crate::engine::MAX_FINDINGS_PER_KIND + 1 {
            return;
        }
        let mut d = Diagnostic::new(
            Kind::Typography,
            Severity::Warning,
            &self.facts.file,
            self.prose.span(start, end),
            &self.prose.text[start..end],
            message,
        )
        .with_rule(self.rule.clone());
        if let Some(fix) = fix {
            d = d.with_fix(fix);
        }
        self.out.push(d);
    }
}

/// "àpékin": a word glued to a prefix no French word begins with.
fn glued_words(report: &mut Report, rules: &rules::Typography) {
    if rules.glued_prefixes.is_empty() {
        return;
    }
    let text = report.prose.text;
    // The first letter of each prefix in both cases: one compare per word.
    let firsts: Vec<(char, char)> = rules
        .glued_prefixes
        .iter()
        .filter_map(|g| g.prefix.chars().next())
        .map(|c| (c, c.to_uppercase().next().unwrap_or(c)))
        .collect();
    for i in 0..report.prose.pieces.len() {
        let p = report.prose.pieces[i];
        let word = &text[p.start..p.end];
        let Some(first) = word.chars().next() else {
            continue;
        };
        if !firsts.iter().any(|&(l, u)| first == l || first == u) {
            continue;
        }
        for g in &rules.glued_prefixes {
            let n = g.prefix.chars().count();
            let Some((cut, _)) = word.char_indices().nth(n) else {
                continue;
            };
            let (head, rest) = word.split_at(cut);
            if head.to_lowercase() != g.prefix || g.except.contains(&word.to_lowercase()) {
                continue;
            }
            if report.regions.skips(report.prose, p.start) {
                continue;
            }
            let fixed = format!("{head} {rest}");
            report.push(
                p.start,
                p.end,
                format!("\"{word}\" glues two words: write \"{fixed}\""),
                Some(fixed),
            );
            break;
        }
    }
}

fn is_run_mark(c: char) -> bool {
    matches!(c, '?' | '!')
}

/// How far a token is read on either side of a mark: addresses and paths
/// are shorter, and a run of punctuation with no space must not make every
/// mark read the whole run.
const TOKEN_REACH: usize = 256;

/// The whitespace-delimited token around byte `at`, cut at
/// [`TOKEN_REACH`] bytes on either side.
fn token(text: &str, at: usize) -> &str {
    let mut low = at.saturating_sub(TOKEN_REACH);
    while !text.is_char_boundary(low) {
        low += 1;
    }
    let mut high = (at + TOKEN_REACH).min(text.len());
    while !text.is_char_boundary(high) {
        high -= 1;
    }
    let start = text[low..at].rfind(char::is_whitespace).map_or(low, |i| {
        low + i + text[low + i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..high]
        .find(char::is_whitespace)
        .map_or(high, |i| at + i);
    &text[start..end]
}

/// Whether the token around `at` is an address, a path or code rather
/// than words: "index.php?id=3", "a/b:c", "nom@site".
fn is_technical(text: &str, at: usize) -> bool {
    let t = token(text, at);
    t.contains("://") || t.contains(['@', '/', '=', '\\', '_', '#', '&'])
}

fn space_name(c: char) -> &'static str {
    match c {
        '\u{202F}' => "a narrow no-break space (U+202F)",
        '\u{00A0}' => "a no-break space (U+00A0)",
        _ => "a space",
    }
}

/// Spaces around punctuation: missing before ; : ! ?, missing after
/// , ; : ! ? . before a word, and stray before , and .
fn punctuation(report: &mut Report, rules: &rules::Typography) {
    let text = report.prose.text;
    let body = report.prose.body.clone();
    // The marks to look at, as a table: one load per byte of the body.
    let mut wanted = [false; 128];
    for b in b",.;:!?" {
        wanted[*b as usize] = true;
    }
    for s in &rules.space_before {
        if s.mark.is_ascii() {
            wanted[s.mark as usize] = true;
        }
    }
    for (offset, &b) in text.as_bytes()[body.clone()].iter().enumerate() {
        if b >= 128 || !wanted[b as usize] {
            continue;
        }
        let i = body.start + offset;
        let c = b as char;
        let prev = text[body.start..i].chars().next_back();
        let next = text[i + 1..body.end].chars().next();
        let after_next = next.and_then(|n| text[i + 1 + n.len_utf8()..body.end].chars().next());
        // A stray space before , or . is its own finding.
        if matches!(c, ',' | '.')
            && prev.is_some_and(|p| p == ' ' || p == '\u{A0}' || p == '\u{202F}' || p == '\t')
        {
            stray_space(report, i, c, next);
            continue;
        }
        let insert = rules
            .space_before(c)
            .filter(|_| missing_before(text, i, c, prev, next));
        let missing_after = missing_after(text, i, c, prev, next, after_next);
        if insert.is_none() && !missing_after {
            continue;
        }
        if report.regions.skips(report.prose, i) {
            continue;
        }
        let mut fix = String::new();
        fix.extend(insert);
        fix.push(c);
        if missing_after {
            fix.push(' ');
        }
        let message = match insert {
            Some(space) if missing_after => format!(
                "missing spaces around \"{c}\": French puts {} before it and a space after",
                space_name(space)
            ),
            Some(space) => format!(
                "missing space before \"{c}\": French puts {} there",
                space_name(space)
            ),
            None => format!("missing space after \"{c}\""),
        };
        report.push(i, i + 1, message, Some(fix));
    }
}

/// Whether the mark `c` at `i`, which takes a space before it, lacks one.
fn missing_before(text: &str, i: usize, c: char, prev: Option<char>, next: Option<char>) -> bool {
    let Some(p) = prev else {
        return false;
    };
    if p.is_whitespace()
        || matches!(p, '(' | '[' | '¿' | '¡')
        || (is_run_mark(p) && is_run_mark(c))
        || p == c
    {
        return false; // present, "(?)", or the second mark of "?!"
    }
    let exempt = match c {
        // 14:30, 3:1, http://, std::, :smile:, emoticons :-)
        ':' => {
            (p.is_alphanumeric() && next.is_some_and(char::is_alphanumeric))
                || matches!(next, Some('/' | ':' | ')' | '(' | '-'))
        }
        ';' => matches!(next, Some(')' | '(' | '-')),
        '!' => next == Some('['), // a Markdown image
        _ => false,
    };
    !exempt && !is_technical(text, i)
}

/// Whether the mark `c` at `i` is glued to the next word: "oui,non",
/// "fin.Début", "quoi?Rien" — not 12,5, U.S., J.-M., Matin.info.
fn missing_after(
    text: &str,
    i: usize,
    c: char,
    prev: Option<char>,
    next: Option<char>,
    after_next: Option<char>,
) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    if !n.is_alphabetic() {
        return false;
    }
    let glued = match c {
        ',' => !p.is_whitespace(),
        // A sentence glued to the next: a word of two lower-case letters
        // or more, then a capitalised word. Initials and domains are not.
        '.' => {
            let before_p = text[..i - p.len_utf8()].chars().next_back();
            p.is_lowercase()
                && before_p.is_some_and(char::is_alphabetic)
                && n.is_uppercase()
                && after_next.is_some_and(char::is_lowercase)
        }
        ':' => !p.is_alphanumeric(),
        ';' | '!' | '?' => true,
        _ => false,
    };
    glued && !is_technical(text, i)
}

/// A space before a comma or a full stop: "mot , mot", "fin ." — not an
/// ellipsis " ...", ".NET" or ",5".
fn stray_space(report: &mut Report, i: usize, c: char, next: Option<char>) {
    let text = report.prose.text;
    let glued_word = next.is_some_and(char::is_alphabetic);
    let exempt = match c {
        ',' => next.is_some_and(|n| n.is_ascii_digit()),
        _ => next.is_some_and(|n| n.is_alphanumeric() || n == '.'),
    };
    if exempt {
        return;
    }
    let body_start = report.prose.body.start;
    let run = text[body_start..i].trim_end_matches([' ', '\u{A0}', '\u{202F}', '\t']);
    let start = body_start + run.len();
    let Some(before) = run.chars().next_back() else {
        return;
    };
    if !(before.is_alphanumeric() || matches!(before, ')' | ']' | '»' | '”' | '"' | '%' | '’'))
    {
        return; // the line's start, or a mark before: "( ,", "« ."
    }
    if report.regions.skips(report.prose, i) {
        return;
    }
    let mut fix = c.to_string();
    if glued_word {
        fix.push(' '); // "mot ,mot" → "mot, mot"
    }
    report.push(
        start,
        i + 1,
        format!("space before \"{c}\": French puts none there"),
        Some(fix),
    );
}

fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// Two spaces or more inside a line; not indentation, not the trailing
/// spaces of a Markdown line break, not in code or tables.
fn doubled_spaces(report: &mut Report) {
    let text = report.prose.text;
    let body = report.prose.body.clone();
    let hay = &text.as_bytes()[body.clone()];
    // Two ASCII spaces, or any no-break space (runs are read around it):
    // three passes of a fast substring search.
    let mut hits: Vec<usize> = Vec::new();
    for needle in ["  ", "\u{A0}", "\u{202F}"] {
        hits.extend(memchr::memmem::find_iter(hay, needle.as_bytes()).map(|h| body.start + h));
    }
    if hits.is_empty() {
        return;
    }
    hits.sort_unstable();
    let mut done = body.start;
    for h in hits {
        if h < done {
            continue;
        }
        let run = text[body.start..h].trim_end_matches(is_inline_space);
        let start = body.start + run.len();
        let end = h + text[h..body.end].len()
            - text[h..body.end].trim_start_matches(is_inline_space).len();
        done = end;
        let before = run.chars().next_back();
        let after = text[end..body.end].chars().next();
        if before.is_none_or(char::is_whitespace) || after.is_none_or(char::is_whitespace) {
            continue; // indentation, or spaces at the end of a line
        }
        if report.regions.skips(report.prose, start) {
            continue;
        }
        let spaces = &text[start..end];
        if spaces.chars().nth(1).is_none() {
            continue; // a single no-break space
        }
        let keep = spaces.chars().find(|&c| c != ' ').unwrap_or(' ');
        report.push(
            start,
            end,
            format!("{} spaces in a row: one is enough", spaces.chars().count()),
            Some(keep.to_string()),
        );
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '"')
}

/// Mixed and unbalanced quotation marks, from the extracted quotations.
fn quotation_marks(report: &mut Report) {
    let text = report.prose.text;
    let quotations = &report.facts.quotations;
    let lone_closer =
        |i: usize| quotations[i].close.is_none() && quotations[i].marks == QuoteMarks::Mixed;
    // A paragraph wrapped over lines (Markdown): a mark left open at the end
    // of a line and a lone closing mark on the next one are one quotation.
    let mut wrapped = vec![false; quotations.len()];
    for i in 0..quotations.len() {
        let q = &quotations[i];
        if q.close.is_some() || lone_closer(i) {
            continue;
        }
        if let Some(j) = (i + 1..quotations.len()).find(|&j| quotations[j].span.line > q.span.line)
            && quotations[j].span.line == q.span.line + 1
            && lone_closer(j)
        {
            wrapped[i] = true;
            wrapped[j] = true;
        }
    }
    for (i, q) in quotations.iter().enumerate() {
        if wrapped[i] {
            continue;
        }
        let Some(o) = text[q.open.clone()].chars().next() else {
            continue;
        };
        if report.prose.is_excluded(q.open.start, q.open.end)
            || report.regions.in_markup(q.open.start)
        {
            continue;
        }
        match &q.close {
            Some(close) if q.marks == QuoteMarks::Mixed => {
                let Some(c) = text[close.clone()].chars().next() else {
                    continue;
                };
                match (o, c) {
                    ('”', '”') => report.push(
                        q.open.start,
                        q.open.end,
                        "quotation opened with the closing mark \"”\": open it with \"“\" to match its \"”\"".into(),
                        Some("“".into()),
                    ),
                    ('“', '“') => report.push(
                        close.start,
                        close.end,
                        "quotation closed with the opening mark \"“\": close it with \"”\" to match its \"“\"".into(),
                        Some("”".into()),
                    ),
                    _ => report.push(
                        q.open.start,
                        q.open.end,
                        format!("quotation opened with \"{o}\" and closed with \"{c}\": use one pair of marks, « … » or “ … ”"),
                        None,
                    ),
                }
            }
            Some(_) => {}
            None => unbalanced(report, q.open.clone(), o, lone_closer(i)),
        }
    }
}

/// A quotation mark with no partner on its line.
fn unbalanced(report: &mut Report, mark: std::ops::Range<usize>, o: char, lone_closer: bool) {
    let text = report.prose.text;
    let body = report.prose.body.clone();
    let before = text[body.start..mark.start].chars().next_back();
    let after = text[mark.end..body.end].chars().next();
    let message = if lone_closer {
        // "Site » Rubrique » Titre": a spaced lone mark is a separator.
        if before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace) {
            return;
        }
        format!("closing quotation mark \"{o}\" with no opening mark on its line")
    } else {
        // A quotation running over paragraphs reopens each one with a mark.
        let rest = &text[mark.end..body.end];
        let next_paragraph = rest
            .split_once('\n')
            .map(|(_, r)| r.trim_start())
            .and_then(|r| r.chars().next());
        if next_paragraph.is_some_and(is_opening) {
            return;
        }
        format!("quotation mark \"{o}\" is not closed on its line")
    };
    report.push(mark.start, mark.end, message, None);
}

#[cfg(test)]
mod tests {
    use crate::engine::tests::lint_kind;

    const RULES: &str = include_str!("../../rules/french.toml");

    fn typo(text: &str) -> String {
        lint_kind(RULES, text, crate::Kind::Typography)
    }

    #[test]
    fn glued_words_are_split() {
        assert_eq!(
            typo("Il parlait àpékin hier."),
            "typography àpékin -> à pékin"
        );
        assert_eq!(typo("Àlyon, il pleut."), "typography Àlyon -> À lyon");
        assert_eq!(typo("Il va à Pékin, à-côté compris."), "");
    }

    #[test]
    fn space_before_high_marks() {
        assert_eq!(
            typo("Que réserve l’avenir? Rien."),
            "typography ? -> \u{202F}?"
        );
        assert_eq!(
            typo("Un objectif commun: porter"),
            "typography : -> \u{A0}:"
        );
        assert_eq!(
            typo("Vraiment?! Oui; non!"),
            "typography ? -> \u{202F}?\ntypography ; -> \u{202F};\ntypography ! -> \u{202F}!"
        );
        // present (any space), times, ratios, URLs, emoticons, "(?)"
        assert_eq!(
            typo(
                "Koursk ? Oui\u{202F}! Non\u{A0}: à 12:30, 3:1, https://x.org/a?b=1 :-) (?) www.x.fr/?q"
            ),
            ""
        );
    }

    #[test]
    fn english_quotations_keep_english_punctuation() {
        assert_eq!(
            typo("Il a lancé : « Who cares? » et \"What now: war?\""),
            ""
        );
        assert_eq!(
            typo("Il a dit « Qui le sait? »"),
            "typography ? -> \u{202F}?"
        );
    }

    #[test]
    fn missing_space_after_marks() {
        assert_eq!(typo("oui,non"), "typography , -> , ");
        assert_eq!(typo("C’est la fin.Début de tout."), "typography . -> . ");
        assert_eq!(typo("Quoi ?Rien."), "typography ? -> ? ");
        // numbers, initials, abbreviations, domains, ellipses
        assert_eq!(
            typo(
                "Il a 12,5 % et 3.2 points, aux U.S.A. avec J.-M. Dupont sur Matin.info, etc. Puis...Rien."
            ),
            ""
        );
    }

    #[test]
    fn stray_space_before_comma_and_full_stop() {
        assert_eq!(typo("un mot , un autre"), "typography  , -> ,");
        assert_eq!(typo("la fin ."), "typography  . -> .");
        assert_eq!(typo("il attend ... puis .NET et ,5 reste"), "");
        assert_eq!(typo(" . au début"), "");
    }

    #[test]
    fn doubled_spaces_inside_lines() {
        assert_eq!(typo("deux  espaces"), "typography    ->  ");
        assert_eq!(typo("avant \u{A0}: après"), "typography  \u{A0} -> \u{A0}");
        // indentation, Markdown line breaks, tables and code
        assert_eq!(
            typo("    code  ici\nfin de ligne  \n| a  | b |\n`x  y` ok"),
            ""
        );
    }

    #[test]
    fn mixed_quotation_marks() {
        assert_eq!(
            typo("ce qu’ils qualifient d'”impérialisme occidental”. Fin"),
            "typography ” -> “"
        );
        assert_eq!(typo("il a dit “non“ hier"), "typography “ -> ”");
        assert_eq!(typo("il a dit « non\" hier"), "typography « -> ");
        assert_eq!(typo("il a dit « non » et “oui” puis \"si\""), "");
    }

    #[test]
    fn unbalanced_quotation_marks() {
        assert_eq!(typo("il a dit « non et rien"), "typography « -> ");
        assert_eq!(typo("il a dit non» et rien"), "typography » -> ");
        // breadcrumbs, quotations running over paragraphs, inch marks
        assert_eq!(typo("Site » Rubrique » Titre"), "");
        assert_eq!(typo("« Premier paragraphe.\n« Second. »"), "");
        assert_eq!(typo("un écran de 27\" seulement"), "");
        assert_eq!(
            typo("Il a dit « une phrase longue\nqui continue » puis"),
            ""
        );
    }
}

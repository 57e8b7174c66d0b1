//! `factlint facts --why PATH:LINE` in words: for each sentence of the
//! line, the event words and the events they could name, the mentions made
//! with each fact attached and why, what may be reported, and the dates
//! left out.

use std::fmt::Write as _;

use crate::extract::events::identity::Agreement;
use crate::extract::events::why::SentenceWhy;

/// The explanation of `sentences` (of `file`) as text.
pub fn render(file: &str, sentences: &[SentenceWhy]) -> String {
    let mut out = String::new();
    if sentences.is_empty() {
        out.push_str("no sentence on that line (a blank line, front matter, or past the end)\n");
    }
    for s in sentences {
        let _ = writeln!(out, "{file}:{}: {}", s.line, shorten(&s.text, 300));
        if s.words.is_empty() {
            out.push_str("  no event word of the rules in this sentence\n");
        }
        for w in &s.words {
            let _ = writeln!(out, "  \"{}\" could name:", w.word);
            for c in &w.candidates {
                let mark = if c.linked { "✓" } else { "✗" };
                let _ = writeln!(out, "    {mark} {} ({})", c.event, c.name);
                if !c.here.is_empty() {
                    let _ = writeln!(out, "        its entities here: {}", c.here.join(", "));
                }
                if !c.around.is_empty() {
                    let _ = writeln!(out, "        beside: {}", c.around.join(", "));
                }
                let _ = writeln!(out, "        {}", c.note);
            }
        }
        for m in &s.mentions {
            let _ = writeln!(out, "  mention of {} (\"{}\"):", m.event, m.trigger);
            if m.attached.is_empty() {
                out.push_str("    states nothing (no date, place, party or figure attached)\n");
            }
            for a in &m.attached {
                let fit = m
                    .identity
                    .fits
                    .iter()
                    .find(|f| f.attribute == a.attribute && f.text == a.text);
                let judged = match fit.map(|f| f.agreement) {
                    Some(Agreement::Agrees) => " — agrees with the reference",
                    Some(Agreement::Near) => " — a near miss of the reference",
                    Some(Agreement::Far) => " — far from the reference",
                    None => "",
                };
                let _ = writeln!(
                    out,
                    "    {} \"{}\": {}{judged}",
                    a.attribute.as_str(),
                    a.text,
                    a.why
                );
            }
            if let Some(n) = &m.identity.name {
                let _ = writeln!(out, "    named: \"{n}\"");
            }
            if let Some(e) = &m.identity.entity {
                let _ = writeln!(out, "    its entity {e} is in the sentence");
            }
            if m.identity.in_article {
                out.push_str("    another mention of this article establishes the event\n");
            } else if let Some(r) = &m.identity.rival {
                let _ = writeln!(
                    out,
                    "    {r} is named before the event word, not as its place: another \
                     event of its kind may be meant, so the article's other mentions do not vouch for it"
                );
            }
            for v in &m.identity.verdicts {
                match &v.reason {
                    None => {
                        let _ = writeln!(
                            out,
                            "    → \"{}\" is reported as a {} contradiction",
                            v.text,
                            v.attribute.as_str()
                        );
                    }
                    Some(reason) => {
                        let _ = writeln!(out, "    → \"{}\" is not reported: {reason}", v.text);
                    }
                }
            }
        }
        for d in &s.unattached_dates {
            let _ = writeln!(out, "  date \"{}\" left out: {}", d.text, d.why);
        }
    }
    out
}

fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

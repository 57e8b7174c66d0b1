//! Hover on a flagged span: the finding, what its kind means, what the
//! corpus says (the related places) and what the rules say (the declared
//! entity or event behind it, with its source).

use std::fmt::Write;
use std::path::Path;

use factlint::Diagnostic;
use factlint::rules::{Entity, RuleSet};
use factlint::span::Span;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::buffers::Lint;
use super::position::LineMap;

/// The hover at byte `offset` of a buffer, from its `lint`; `None` when no
/// finding covers the offset.
pub fn hover(
    lint: &Lint,
    offset: usize,
    map: &LineMap,
    rules: Option<&RuleSet>,
    root: Option<&Path>,
) -> Option<Hover> {
    let under: Vec<&Diagnostic> = lint
        .findings
        .iter()
        .filter(|d| {
            (d.span.start <= offset && offset < d.span.end)
                || (d.span.is_empty() && d.span.start == offset)
        })
        .collect();
    let first = under.first()?;
    let sections: Vec<String> = under.iter().map(|d| explain(d, rules, root)).collect();
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(map.range(first.span.start, first.span.end)),
    })
}

/// The hover on a declared entity's name that nothing flags: what the
/// rules say of it.
pub fn entity(entity: &Entity, span: Span, map: &LineMap) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: format!(
                "**What the rules say** (`{}`)\n\n{}",
                entity.origin.reference(),
                describe_entity(entity)
            ),
        }),
        range: Some(map.range(span.start, span.end)),
    }
}

/// The markdown of one finding.
fn explain(d: &Diagnostic, rules: Option<&RuleSet>, root: Option<&Path>) -> String {
    let mut out = format!(
        "**{}** `{}` ({}): {}\n\n{}\n",
        d.code,
        d.kind,
        d.severity.as_str(),
        d.kind.summary(),
        escape(&d.message)
    );
    if let Some(s) = &d.suggestion {
        let what = if s.is_empty() {
            "remove it".to_string()
        } else {
            format!("write “{}”", escape(s))
        };
        let safety = if d.safe_fix {
            "a safe fix: `factlint --fix` applies it"
        } else {
            "a suggestion: check it before applying"
        };
        let _ = write!(out, "\nFix: {what} ({safety}).\n");
    }
    if !d.related.is_empty() {
        out.push_str("\n**What the corpus says**\n\n");
        for r in &d.related {
            let file = root
                .and_then(|root| Path::new(&r.file).strip_prefix(root).ok())
                .map_or_else(|| r.file.clone(), |p| p.display().to_string());
            let _ = write!(out, "- `{}:{}`", file, r.span.line);
            if !r.text.is_empty() {
                let _ = write!(out, " “{}”", escape(&r.text));
            }
            if !r.message.is_empty() {
                let _ = write!(out, ": {}", escape(&r.message));
            }
            out.push('\n');
        }
    }
    if let (Some(rule), Some(rules)) = (&d.rule, rules)
        && let Some(said) = what_the_rules_say(rule, rules)
    {
        let _ = write!(out, "\n**What the rules say** (`{rule}`)\n\n{said}");
    }
    out
}

/// The declared entity or event `rule` (`file#id`) refers to.
fn what_the_rules_say(rule: &str, rules: &RuleSet) -> Option<String> {
    let name_of = |id: &str| {
        rules
            .entity_index(id)
            .map_or_else(|| id.to_string(), |i| rules.entities[i].name.clone())
    };
    if let Some(e) = rules.entities.iter().find(|e| e.origin.reference() == rule) {
        return Some(describe_entity(e));
    }
    let e = rules.events.iter().find(|e| e.origin.reference() == rule)?;
    let mut out = format!("- **{}**\n", escape(&e.name));
    if let Some(date) = &e.date_text {
        let _ = writeln!(out, "- date: {}", escape(date));
    }
    if let Some(place) = &e.place {
        let _ = writeln!(out, "- place: {}", escape(&name_of(place)));
    }
    if !e.participants.is_empty() {
        let names: Vec<String> = e.participants.iter().map(|p| name_of(p)).collect();
        let _ = writeln!(out, "- participants: {}", escape(&names.join(", ")));
    }
    for f in &e.figures {
        let _ = writeln!(
            out,
            "- {}: {} {} (source: {})",
            escape(&f.id),
            f.value,
            escape(&f.unit),
            escape(&f.source)
        );
    }
    let _ = writeln!(out, "- source: {}", escape(&e.source));
    Some(out)
}

/// An entity's house name, other forms, variants, look-alikes and source.
fn describe_entity(e: &Entity) -> String {
    let mut out = format!("- **{}** ({})\n", escape(&e.name), e.kind.as_str());
    for (label, list) in [
        ("also written", &e.forms),
        ("variants, replaced by the house form", &e.variants),
        ("other people or places, never typos of it", &e.distinct),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "- {label}: {}", escape(&list.join(", ")));
        }
    }
    let _ = writeln!(out, "- source: {}", escape(&e.source));
    out
}

/// Text shown as is in markdown: its punctuation is not markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint::diagnostic::Related;
    use factlint::span::{LineIndex, Span};
    use factlint::{Kind, Severity};

    #[test]
    fn the_hover_says_the_finding_the_corpus_and_the_rules() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let rules = factlint::rules::load(&[root.join("rules")]).unwrap();
        let entity = &rules.entities[rules.entity_index("kim-jong-un").unwrap()];
        let text = "Kim Young-un";
        let span = LineIndex::new(text).span(text, 0, text.len());
        let related = Related {
            file: root.join("corpus/a.txt").display().to_string(),
            span: Span {
                start: 5,
                end: 16,
                line: 7,
                column: 3,
            },
            text: "Kim Jong-un".into(),
            message: "written 6 times".into(),
        };
        let d = Diagnostic::new(
            Kind::NameTypo,
            Severity::Error,
            "d",
            span,
            text,
            "a typo".into(),
        )
        .with_fix("Kim Jong-un")
        .with_related(vec![related])
        .with_rule(Some(entity.origin.reference()));
        let lint = Lint {
            version: 1,
            findings: vec![d],
            published: vec![Default::default()],
            names: None,
        };
        let map = LineMap::of_buffer(text);
        let h = hover(&lint, 4, &map, Some(&rules), Some(root)).expect("a hover");
        let HoverContents::Markup(m) = h.contents else {
            panic!("markdown")
        };
        for part in [
            "**FL101** `name-typo`",
            Kind::NameTypo.summary(),
            "`corpus/a.txt:7` “Kim Jong-un”: written 6 times",
            "**Kim Jong-un** (person)",
            "Kim Jong Un",
            &format!("source: {}", escape(&entity.source)),
        ] {
            assert!(m.value.contains(part), "{part:?} not in {}", m.value);
        }
        assert!(hover(&lint, text.len(), &map, Some(&rules), Some(root)).is_none());
    }

    #[test]
    fn an_events_reference_facts_name_their_entities() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let rules = factlint::rules::load(&[root.join("rules")]).unwrap();
        let event = rules
            .events
            .iter()
            .find(|e| e.place.is_some() && !e.participants.is_empty())
            .unwrap();
        let said = what_the_rules_say(&event.origin.reference(), &rules).unwrap();
        let place =
            &rules.entities[rules.entity_index(event.place.as_ref().unwrap()).unwrap()].name;
        assert!(
            said.contains(&format!("place: {}", escape(place))),
            "{said}"
        );
        assert!(said.contains("source: "), "{said}");
    }
}

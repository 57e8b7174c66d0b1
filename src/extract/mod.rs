//! What a document states, read once: the facts the checks compare.

pub mod dateline;
pub mod dates;
pub mod demonyms;
pub mod events;
pub mod gazetteer;
pub mod name_form;
pub mod names;
pub mod numbers;
pub mod people;
pub mod pieces;
pub mod quotes;
pub mod sentences;
pub mod sourcing;
pub mod speller;
pub mod spelling;
pub mod suppressions;
#[cfg(test)]
pub(crate) mod test_rng;

use crate::corpus::{Document, Meta};
use crate::rules::RuleSet;
use std::ops::Range;

use crate::span::{LineIndex, Span};

pub use dates::DateMention;
pub use events::{AnniversaryMention, EventIndex, EventMention};
pub use gazetteer::{FormEntry, FormRole, Gazetteer};
pub use names::{Fit, NameCandidate, NameMention};
pub use quotes::{Quotation, QuoteMarks};

/// The rules compiled for lookup, once per run.
pub struct CompiledRules {
    pub gazetteer: Gazetteer,
    pub events: EventIndex,
    pub markers: sourcing::MarkerIndex,
    pub speller: speller::Speller,
    pub demonyms: demonyms::DemonymTable,
    pub first_names: people::FirstNames,
}

impl CompiledRules {
    pub fn new(rules: &RuleSet) -> CompiledRules {
        let gazetteer = Gazetteer::new(rules);
        let accepted = rules.accepts.iter().flat_map(|a| a.words.iter());
        CompiledRules {
            speller: speller::Speller::new(accepted.map(String::as_str), &gazetteer),
            gazetteer,
            events: EventIndex::new(rules),
            markers: sourcing::MarkerIndex::new(rules),
            demonyms: demonyms::DemonymTable::new(rules),
            first_names: people::FirstNames::bundled(),
        }
    }
}

/// Everything extracted from one document. The text itself is not kept:
/// memory holds facts, not corpora.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    pub file: String,
    pub meta: Meta,
    pub names: Vec<NameMention>,
    pub name_candidates: Vec<NameCandidate>,
    /// Each spelling of a declared name written exactly, with its count and
    /// first place: what the corpus checks cite as the right spelling.
    pub exact_spellings: Vec<SpellingTally>,
    /// From front matter, `metadata.toml` or `factlint.toml`; else from
    /// the article's dateline (see [`dateline`]).
    pub publication: Option<chrono::NaiveDate>,
    /// The date of the article's dateline ("Pyongyang, 19 juin 2024 —"),
    /// when it has one: the publication date when nothing else gives one,
    /// never the date of an event (not kept in an index).
    #[serde(skip)]
    pub dateline: Option<Span>,
    #[serde(skip)]
    pub dates: Vec<DateMention>,
    pub events: Vec<EventMention>,
    #[serde(skip)]
    pub anniversaries: Vec<AnniversaryMention>,
    /// Quoted speech and terms, in text order.
    #[serde(skip)]
    pub quotations: Vec<Quotation>,
    /// Attributions, speakers of quotations, check-worthy claims.
    #[serde(skip)]
    pub sourcing: sourcing::SourcingFacts,
    /// The quotations of speech the corpus compares (`quote-mismatch`).
    pub quotes: Vec<sourcing::QuotedSpeech>,
    /// `<!-- factlint-disable… -->` comments, applied to every finding.
    pub suppressions: Vec<suppressions::Suppression>,
    /// Every figure of the body. The checks read figures only where an
    /// event is spoken of, so [`read`] leaves this empty;
    /// [`read_figures`] fills it for `factlint facts`.
    #[serde(skip)]
    pub numbers: Vec<numbers::NumberMention>,
    /// Unknown words with a close correction, and the document's own
    /// proper names (for the corpus-wide decision on capitalized words).
    pub spelling: spelling::SpellingFacts,
    /// Declared demonyms whose case does not fit their role: per document
    /// only, never written to an index or an export.
    #[serde(skip)]
    pub demonym_slips: Vec<demonyms::DemonymSlip>,
}

/// The text of one document as the language checks read it (typography,
/// spelling, grammar, sourcing): kept only while that document's checks
/// run, never for the corpus checks.
pub struct Prose<'a> {
    /// The whole file, front matter included: spans index into it.
    pub text: &'a str,
    /// Where the article body lies in `text`.
    pub body: Range<usize>,
    pub lines: LineIndex,
    /// Word pieces of the body, excluded regions removed.
    pub pieces: Vec<pieces::Piece>,
    /// Sentence byte ranges of the body.
    pub sentences: Vec<Range<usize>>,
    /// Byte ranges the rules exclude (URLs, e-mail addresses…), sorted.
    pub excluded: Vec<(usize, usize)>,
}

impl Prose<'_> {
    /// The report span of `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.lines.span(self.text, start, end)
    }

    /// Whether `start..end` touches a region the rules exclude.
    pub fn is_excluded(&self, start: usize, end: usize) -> bool {
        overlaps_region(&self.excluded, start, end)
    }
}

/// `regions` sorted, overlapping ones merged: what [`overlaps_region`]
/// needs to answer by binary search.
fn disjoint(mut regions: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    regions.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(regions.len());
    for (s, e) in regions {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Whether `start..end` overlaps one of `regions` (sorted and disjoint).
pub fn overlaps_region(regions: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = regions.partition_point(|&(_, e)| e <= start);
    regions.get(i).is_some_and(|&(s, _)| s < end)
}

/// How often one spelling occurs in a document, and where first.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpellingTally {
    pub text: String,
    pub count: usize,
    pub first: Span,
}

impl Facts {
    /// Drops what only the per-document checks needed, once they have run:
    /// exact mentions of accepted forms live on in `exact_spellings`. A
    /// corpus of thousands of articles then holds findings, not every name.
    pub fn keep_for_corpus(&mut self, gazetteer: &Gazetteer) {
        self.names
            .retain(|m| m.fit != Fit::Exact || gazetteer.forms[m.form].role == FormRole::Variant);
        self.names.shrink_to_fit();
        self.name_candidates.shrink_to_fit();
        self.dates = Vec::new();
        self.anniversaries = Vec::new();
        self.spelling.slips.retain(|s| s.capitalized);
        // Quotations and sourcing are judged per document only.
        self.quotations = Vec::new();
        self.sourcing = sourcing::SourcingFacts::default();
        self.numbers = Vec::new();
        self.demonym_slips = Vec::new();
    }
}

/// The sizes of the rule tables that facts index into, to check facts
/// read back from an index or an export before any check uses them.
#[derive(Clone, Copy, Debug)]
pub struct TableSizes<'a> {
    pub forms: usize,
    pub rules: &'a RuleSet,
}

impl<'a> TableSizes<'a> {
    pub fn new(rules: &'a RuleSet, gazetteer: &Gazetteer) -> TableSizes<'a> {
        TableSizes {
            forms: gazetteer.forms.len(),
            rules,
        }
    }
}

impl Facts {
    /// Whether every table index and span of facts read from a file fits
    /// the rules of this run: a damaged or forged index or export must be
    /// refused, not make a check index out of bounds. The reason names the
    /// first field that does not fit.
    pub fn check_tables(&self, sizes: TableSizes) -> Result<(), String> {
        let rules = sizes.rules;
        let span = |what: &str, s: &Span| {
            if s.start <= s.end {
                Ok(())
            } else {
                Err(format!("{what} has a span that ends before it starts"))
            }
        };
        let entity = |what: &str, e: usize| {
            if e < rules.entities.len() {
                Ok(())
            } else {
                Err(format!(
                    "{what} names entity {e}, the rules declare {}",
                    rules.entities.len()
                ))
            }
        };
        for m in &self.names {
            span("a name", &m.span)?;
            if m.form >= sizes.forms {
                return Err(format!(
                    "a name has form {}, the rules give {}",
                    m.form, sizes.forms
                ));
            }
            if !m.similarity.is_finite() {
                return Err("a name has no similarity".into());
            }
        }
        for c in &self.name_candidates {
            span("a name candidate", &c.span)?;
        }
        for t in &self.exact_spellings {
            span("a spelling", &t.first)?;
        }
        for q in &self.quotes {
            span("a quotation", &q.span)?;
            if q.span.end - q.span.start != q.words.len() {
                return Err("a quotation's span does not fit its words".into());
            }
        }
        for e in &self.events {
            let Some(event) = rules.events.get(e.event) else {
                return Err(format!(
                    "an event mention names event {}, the rules declare {}",
                    e.event,
                    rules.events.len()
                ));
            };
            span("an event mention", &e.trigger)?;
            if let Some(d) = &e.date {
                span("an event date", &d.span)?;
            }
            for p in e.place.iter().chain(&e.participants) {
                span("an event place or participant", &p.span)?;
                entity("an event place or participant", p.entity)?;
            }
            for p in &e.people {
                span("an event participant", &p.span)?;
            }
            for f in &e.figures {
                span("an event figure", &f.span)?;
                if f.figure >= event.figures.len() || !f.value.is_finite() {
                    return Err(format!(
                        "an event figure is figure {} of `{}`, which has {}",
                        f.figure,
                        event.origin.id,
                        event.figures.len()
                    ));
                }
            }
        }
        for s in &self.suppressions {
            span("a suppression", &s.span)?;
        }
        for slip in &self.spelling.slips {
            span("a spelling slip", &slip.span)?;
        }
        Ok(())
    }
}

fn tally(mentions: &[NameMention]) -> Vec<SpellingTally> {
    let mut index: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut out: Vec<SpellingTally> = Vec::new();
    for m in mentions.iter().filter(|m| m.fit == Fit::Exact) {
        match index.get(m.text.as_str()) {
            Some(&i) => out[i].count += 1,
            None => {
                index.insert(&m.text, out.len());
                out.push(SpellingTally {
                    text: m.text.clone(),
                    count: 1,
                    first: m.span,
                });
            }
        }
    }
    out
}

/// Reads the facts of `doc`, skipping the regions the rules exclude.
pub fn extract(doc: &Document, rules: &RuleSet, compiled: &CompiledRules) -> Facts {
    read(doc, rules, compiled).0
}

/// Reads the facts of `doc`, and keeps the prose the language checks need.
pub fn read<'a>(
    doc: &'a Document,
    rules: &RuleSet,
    compiled: &CompiledRules,
) -> (Facts, Prose<'a>) {
    let gazetteer = &compiled.gazetteer;
    let lines = LineIndex::new(&doc.text);
    let body = doc.body_text();
    let mut all = pieces::pieces(body, doc.body.start);
    let mut excluded: Vec<(usize, usize)> = Vec::new();
    for x in &rules.excludes {
        excluded.extend(
            x.pattern
                .find_iter(body)
                .map(|m| (m.start() + doc.body.start, m.end() + doc.body.start)),
        );
    }
    let excluded = disjoint(excluded);
    if !excluded.is_empty() {
        // One sweep over pieces and sorted regions: linear in the file.
        let mut next = 0;
        let mut previous_dropped = false;
        all.retain_mut(|p| {
            while next < excluded.len() && excluded[next].1 <= p.start {
                next += 1;
            }
            let drop = excluded[next..]
                .iter()
                .take_while(|&&(s, _)| s < p.end)
                .any(|&(_, e)| e > p.start);
            if !drop && previous_dropped {
                p.sep = pieces::Sep::Start;
            }
            previous_dropped = drop;
            !drop
        });
    }
    let folded = pieces::FoldedPieces::new(&doc.text, &all);
    let names = names::extract(&doc.text, &all, &folded, &lines, gazetteer);
    let demonym_slips = demonyms::extract(&doc.text, &all, &folded, &lines, &compiled.demonyms);
    let outside = |start: usize, end: usize| !overlaps_region(&excluded, start, end);
    // A dateline's date says when the article was written: the publication
    // date when nothing else gives one, and never the date of an event.
    let dateline = dateline::find(body)
        .map(|d| {
            (
                d.date,
                doc.body.start + d.span.start,
                doc.body.start + d.span.end,
            )
        })
        .filter(|&(_, start, end)| outside(start, end))
        .map(|(date, start, end)| (date, lines.span(&doc.text, start, end)));
    let publication = match doc.meta.publication() {
        Some(date) => Some(dates::Publication::metadata(date)),
        None => dateline
            .and_then(|(date, _)| date)
            .map(dates::Publication::dateline),
    };
    let dateline = dateline.map(|(_, span)| span);
    let mut dates = dates::extract(&doc.text, doc.body.start, body, &lines, publication);
    let publication = publication.map(|p| p.date);
    dates.retain(|d| outside(d.span.start, d.span.end));
    let event_dates: std::borrow::Cow<[DateMention]> = match dateline {
        Some(at) => dates
            .iter()
            .filter(|d| !d.span.overlaps(at.start, at.end))
            .cloned()
            .collect(),
        None => (&dates[..]).into(),
    };
    let sentences = sentences::sentences(body, doc.body.start);
    // Undeclared people matter only as parties of declared events.
    let people = if rules.events.iter().any(|e| !e.participants.is_empty()) {
        people::extract(
            &doc.text,
            &all,
            &lines,
            &names.mentions,
            &compiled.first_names,
        )
    } else {
        Vec::new()
    };
    let clauses = sentences::clauses(&doc.text, &sentences);
    let linked = events::link(
        &events::Document {
            text: &doc.text,
            pieces: &all,
            folded: &folded,
            sentences: &clauses,
            names: &names.mentions,
            people: &people,
            dates: &event_dates,
            excluded: &excluded,
            lines: &lines,
            publication,
        },
        rules,
        gazetteer,
        &compiled.events,
    );
    let quotations = quotes::extract(&doc.text, doc.body.clone(), &lines);
    let sourcing = sourcing::extract(
        &sourcing::Input {
            text: &doc.text,
            pieces: &all,
            folded: &folded,
            sentences: &sentences,
            quotations: &quotations,
            names: &names.mentions,
            candidates: &names.candidates,
            first_names: &compiled.first_names,
            gazetteer,
            lines: &lines,
            title: doc.meta.title.as_deref(),
        },
        rules,
        &compiled.markers,
    );
    let spelling = spelling::extract(
        &spelling::Document {
            text: &doc.text,
            pieces: &all,
            sentences: &sentences,
            quotations: &quotations,
            names: names
                .mentions
                .iter()
                .map(|m| m.span.start..m.span.end)
                .collect(),
            name_runs: names
                .candidates
                .iter()
                .map(|c| c.span.start..c.span.end)
                .collect(),
            lines: &lines,
            markdown: !doc.path.ends_with(".txt"),
        },
        &compiled.speller,
    );
    let facts = Facts {
        file: doc.path.clone(),
        meta: doc.meta.clone(),
        exact_spellings: tally(&names.mentions),
        names: names.mentions,
        name_candidates: names.candidates,
        publication,
        dateline,
        dates,
        events: linked.events,
        anniversaries: linked.anniversaries,
        quotations,
        quotes: sourcing.quoted_speech(&doc.text),
        sourcing,
        suppressions: suppressions::extract(&doc.text, &lines),
        numbers: Vec::new(),
        spelling,
        demonym_slips,
    };
    let prose = Prose {
        text: &doc.text,
        body: doc.body.clone(),
        lines,
        pieces: all,
        sentences,
        excluded,
    };
    (facts, prose)
}

/// Why the sentences on `line` (1-based) of `doc` are linked to events
/// or not, and where their facts go: `factlint facts --why`.
pub fn why(
    doc: &Document,
    rules: &RuleSet,
    compiled: &CompiledRules,
    line: usize,
) -> Vec<events::why::SentenceWhy> {
    let (facts, prose) = read(doc, rules, compiled);
    let folded = pieces::FoldedPieces::new(&doc.text, &prose.pieces);
    // The dates the linker saw: not the dateline's.
    let dates: Vec<DateMention> = facts
        .dates
        .iter()
        .filter(|d| {
            facts
                .dateline
                .is_none_or(|at| !d.span.overlaps(at.start, at.end))
        })
        .cloned()
        .collect();
    let people = people::extract(
        &doc.text,
        &prose.pieces,
        &prose.lines,
        &facts.names,
        &compiled.first_names,
    );
    let clauses = sentences::clauses(&doc.text, &prose.sentences);
    let events_doc = events::Document {
        text: &doc.text,
        pieces: &prose.pieces,
        folded: &folded,
        sentences: &clauses,
        names: &facts.names,
        people: &people,
        dates: &dates,
        excluded: &prose.excluded,
        lines: &prose.lines,
        publication: facts.publication,
    };
    events::why::explain(
        &events_doc,
        rules,
        &compiled.gazetteer,
        &compiled.events,
        &facts.events,
        line,
    )
}

/// Reads every figure of the body into `facts.numbers`, leaving out
/// those in regions the rules exclude: what `factlint facts` lists, where
/// the checks only read the figures of sentences that speak of an event.
pub fn read_figures(facts: &mut Facts, prose: &Prose) {
    let body = &prose.text[prose.body.clone()];
    let mut found = numbers::extract(prose.text, prose.body.start, body, &prose.lines);
    found.retain(|n| !prose.is_excluded(n.span.start, n.span.end));
    facts.numbers = found;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_for_test;

    #[test]
    fn excluded_regions_hide_names_and_break_runs() {
        let rules = parse_for_test(
            "[[entity]]\nid = \"p\"\nname = \"Poutine\"\nkind = \"person\"\nsource = \"s\"\n\n\
             [[exclude]]\nid = \"url\"\npattern = 'https?://\\S+'\n",
        )
        .unwrap();
        let compiled = CompiledRules::new(&rules);
        let text = "poutine http://x.org/poutine Poutine https://a.b/c Kim Lee";
        let doc = Document::from_text("a.txt", text.to_string()).0;
        let facts = extract(&doc, &rules, &compiled);
        let names: Vec<_> = facts.names.iter().map(|m| m.span.start).collect();
        assert_eq!(names, vec![0, text.find("Poutine").unwrap()]);
        assert_eq!(facts.name_candidates[0].text, "Kim Lee");
    }
}

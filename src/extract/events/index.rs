//! The event rules compiled for lookup: trigger words, declared names,
//! identifying entities and the places each lies in.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Document, identity};
use crate::extract::name_form::WordShapes;
use crate::rules::RuleSet;

/// The event rules compiled for lookup, built once per run.
#[derive(Debug, Default)]
pub struct EventIndex {
    pub(super) exact: FxHashMap<String, Vec<usize>>,
    /// Shapes of `exact` keys and of their plurals, tested before hashing.
    pub(super) exact_shapes: WordShapes,
    /// Stems of `word*` triggers by their first three letters.
    pub(super) stems: FxHashMap<String, Vec<(String, usize)>>,
    /// First bytes of the stems: most words start with none of them.
    pub(super) stem_starts: Vec<bool>,
    /// Per event: entity indices that identify it (entities, participants, place).
    pub(super) identifying: Vec<FxHashSet<usize>>,
    /// Per event: the figures' units.
    pub(super) units: Vec<Vec<String>>,
    /// Per entity: the places it lies in, transitively, itself included.
    pub(super) within: Vec<FxHashSet<usize>>,
    /// Pairs of places (smaller index first) that share a place inside
    /// both: the Vidourle valley and the Gard both hold Sommières.
    pub(super) overlapping: FxHashSet<(usize, usize)>,
    /// Per event: its identifying entities that no other event with a
    /// word in common has (see [`EventIndex::distinguishes`]).
    pub(super) distinctive: Vec<FxHashSet<usize>>,
    /// Per event: the other events with a word in common, of its kind.
    pub(super) kin: Vec<Vec<usize>>,
    /// Per event: its reference facts, to judge mentions by.
    pub references: Vec<identity::Reference>,
    /// Declared names by their first folded word: (event, name as written,
    /// folded pieces).
    pub(super) names: FxHashMap<String, Vec<(usize, String, Vec<String>)>>,
    /// Per event: the folded words of its `name` and declared `names`: a
    /// plural they hold ("accords de Camp David") is the event itself.
    name_words: Vec<FxHashSet<String>>,
}

impl EventIndex {
    pub fn new(rules: &RuleSet) -> EventIndex {
        let mut index = EventIndex::default();
        let id = |name: &str| rules.entity_index(name);
        for (ei, event) in rules.events.iter().enumerate() {
            for word in &event.words {
                match word.strip_suffix('*') {
                    Some(stem) => {
                        if let Some(&b) = stem.as_bytes().first() {
                            index.stem_starts.resize(256, false);
                            index.stem_starts[b as usize] = true;
                        }
                        let key = first_chars(stem, 3).to_string();
                        index
                            .stems
                            .entry(key)
                            .or_default()
                            .push((stem.to_string(), ei));
                    }
                    None => {
                        index.exact_shapes.insert(word);
                        index.exact_shapes.insert(&format!("{word}s"));
                        index.exact.entry(word.clone()).or_default().push(ei)
                    }
                }
            }
            let identifying = event
                .entities
                .iter()
                .chain(&event.participants)
                .chain(&event.place)
                .filter_map(|e| id(e))
                .collect();
            index.identifying.push(identifying);
            index
                .units
                .push(event.figures.iter().map(|f| f.unit.clone()).collect());
        }
        for (ei, event) in rules.events.iter().enumerate() {
            let shares_words =
                |other: &crate::rules::Event| other.words.iter().any(|w| event.words.contains(w));
            let kin: Vec<usize> = rules
                .events
                .iter()
                .enumerate()
                .filter(|&(oi, other)| oi != ei && shares_words(other))
                .map(|(oi, _)| oi)
                .collect();
            let others: FxHashSet<usize> = kin
                .iter()
                .flat_map(|&oi| index.identifying[oi].iter().copied())
                .collect();
            index.kin.push(kin);
            index.distinctive.push(
                index.identifying[ei]
                    .iter()
                    .copied()
                    .filter(|e| !others.contains(e))
                    .collect(),
            );
        }
        for (ei, event) in rules.events.iter().enumerate() {
            for (text, folded) in &event.names {
                if let Some(first) = folded.first() {
                    index.names.entry(first.clone()).or_default().push((
                        ei,
                        text.clone(),
                        folded.clone(),
                    ));
                }
            }
        }
        index.name_words = rules
            .events
            .iter()
            .map(|event| {
                let pieces = crate::extract::pieces::pieces(&event.name, 0);
                pieces
                    .iter()
                    .map(|p| crate::extract::name_form::fold(&event.name[p.start..p.end]))
                    .chain(
                        event
                            .names
                            .iter()
                            .flat_map(|(_, folded)| folded.iter().cloned()),
                    )
                    .collect()
            })
            .collect();
        index.references = (0..rules.events.len())
            .map(|e| identity::Reference::declared(e, rules))
            .collect();
        for (i, _) in rules.entities.iter().enumerate() {
            let mut seen = FxHashSet::default();
            let mut stack = vec![i];
            while let Some(e) = stack.pop() {
                if seen.insert(e) {
                    stack.extend(rules.entities[e].within.iter().filter_map(|w| id(w)));
                }
            }
            index.within.push(seen);
        }
        for places in &index.within {
            for &a in places {
                for &b in places {
                    if a < b && !index.within[a].contains(&b) && !index.within[b].contains(&a) {
                        index.overlapping.insert((a, b));
                    }
                }
            }
        }
        index
    }

    pub fn is_empty(&self) -> bool {
        self.identifying.is_empty()
    }

    /// Whether any event declares a figure: else figures need not be read.
    pub fn has_figures(&self) -> bool {
        self.units.iter().any(|u| !u.is_empty())
    }

    /// Whether two places can both be right: the same, one inside the
    /// other, or two that overlap (a river's valley and a département it
    /// crosses).
    pub fn places_agree(&self, a: usize, b: usize) -> bool {
        self.within[a].contains(&b)
            || self.within[b].contains(&a)
            || self.overlapping.contains(&(a.min(b), a.max(b)))
    }

    /// The declared names in `doc`, in text order: (piece, sentence,
    /// event, length in pieces, name).
    pub(super) fn names_in<'a>(
        &'a self,
        doc: &'a Document,
    ) -> Vec<(usize, usize, usize, usize, &'a str)> {
        let mut found = Vec::new();
        let mut sentence = 0;
        for (pi, p) in doc.pieces.iter().enumerate() {
            while sentence < doc.sentences.len() && doc.sentences[sentence].end <= p.start {
                sentence += 1;
            }
            if let Some(end) = doc.sentences.get(sentence).map(|r| r.end) {
                found.extend(
                    self.names_at(doc, pi, end)
                        .map(|(event, name, len)| (pi, sentence, event, len, name)),
                );
            }
        }
        found
    }

    /// The declared names that start at piece `pi` of `doc` and end before
    /// byte `sentence_end`: (event, name as written, its number of pieces).
    pub(super) fn names_at<'a>(
        &'a self,
        doc: &'a Document,
        pi: usize,
        sentence_end: usize,
    ) -> impl Iterator<Item = (usize, &'a str, usize)> + 'a {
        let candidates = if self.names.is_empty() {
            None
        } else {
            self.names.get(doc.folded.get(pi))
        };
        candidates
            .into_iter()
            .flatten()
            .filter_map(move |(event, text, folded)| {
                let fits = folded.iter().enumerate().all(|(k, w)| {
                    doc.pieces
                        .get(pi + k)
                        .is_some_and(|p| p.end <= sentence_end && doc.folded.get(pi + k) == w)
                });
                fits.then_some((*event, text.as_str(), folded.len()))
            })
    }

    /// Whether the words at piece `pi` are a declared name of `event` but
    /// for one number ("la finale de l'Euro 2004" where the event is named
    /// "finale de l'Euro 2016"): another occurrence of the kind.
    pub(super) fn names_another_occurrence(
        &self,
        doc: &Document,
        pi: usize,
        sentence_end: usize,
        event: usize,
    ) -> bool {
        let Some(candidates) = self.names.get(doc.folded.get(pi)) else {
            return false;
        };
        let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        candidates
            .iter()
            .filter(|(e, _, _)| *e == event)
            .any(|(_, _, folded)| {
                let mut numbers_differ = 0;
                let fits = folded.iter().enumerate().all(|(k, w)| {
                    doc.pieces
                        .get(pi + k)
                        .filter(|p| p.end <= sentence_end)
                        .is_some_and(|_| {
                            let here = doc.folded.get(pi + k);
                            if here == w {
                                true
                            } else if number(here) && number(w) {
                                numbers_differ += 1;
                                true
                            } else {
                                false
                            }
                        })
                });
                fits && numbers_differ == 1
            })
    }

    /// Whether naming `entity` tells `event` apart from the other declared
    /// events its words may name: not when one of them has it too
    /// (Poutine and Kim Jong-un meet at every summit).
    pub fn distinguishes(&self, event: usize, entity: usize) -> bool {
        self.distinctive[event].contains(&entity)
    }

    /// Whether `stated`, a day, is the declared day of another event of
    /// `event`'s kind ("Ce vendredi 5 mai 1961, … le lancement" beside
    /// Gagarin's flight is Shepard's): that event's date, not a slip.
    pub fn day_of_kin(&self, event: usize, stated: &crate::extract::dates::DateSpan) -> bool {
        use crate::extract::dates::Granularity;
        stated.granularity == Granularity::Day
            && self.kin[event].iter().any(|&k| {
                self.references[k]
                    .date
                    .is_some_and(|d| d.granularity == Granularity::Day && d.overlaps(stated))
            })
    }

    /// Whether two places that do not agree lie in a common larger one
    /// (Vladivostok and Vostotchny in Russia): naming one for the other
    /// is a slip, not another event.
    pub fn places_near(&self, a: usize, b: usize) -> bool {
        self.within[a].iter().any(|x| self.within[b].contains(x))
    }

    /// Whether the folded word at piece `pi`, a trigger of `event`, is its
    /// word in the plural after a plural determiner ("les cérémonies",
    /// "ces commémorations", "beaucoup de cérémonies") where the event's
    /// name has it singular: it speaks of several events of the kind (the
    /// day's ceremonies, a shock and its aftershocks), not of this one.
    pub(super) fn several_of_kind(&self, doc: &Document, pi: usize, event: usize) -> bool {
        let word = doc.folded.get(pi);
        let Some(singular) = word.strip_suffix(['s', 'x']) else {
            return false;
        };
        let plural_determiner = |k: usize| {
            matches!(
                doc.folded.get(k),
                "les"
                    | "des"
                    | "ces"
                    | "leurs"
                    | "plusieurs"
                    | "quelques"
                    | "nombreuses"
                    | "nombreux"
                    | "differentes"
                    | "differents"
                    | "diverses"
                    | "divers"
            ) || (doc.folded.get(k) == "de"
                && k > 0
                && matches!(
                    doc.folded.get(k - 1),
                    "beaucoup" | "nombre" | "serie" | "dizaine"
                ))
        };
        // One adjective may stand between: "les premières secousses".
        // Not the event's own plural noun before its participle: "Des
        // accords signés à Dayton" are the accords de Dayton.
        let determined = (pi >= 1 && plural_determiner(pi - 1))
            || (pi >= 2
                && plural_determiner(pi - 2)
                && doc.folded.get(pi - 1).ends_with(['s', 'x'])
                && !self.name_words[event].contains(doc.folded.get(pi - 1)));
        if !determined || self.name_words[event].contains(word) {
            return false;
        }
        let mut events = Vec::new();
        self.triggered_by(singular, &mut events);
        events.contains(&event)
    }

    /// Whether the folded `word` is a word of the name of `event` and of
    /// none of `others`' names ("réseau" for the vote of the bus network,
    /// not of the health centre): what the sentence speaks of. Short words
    /// and the events' own trigger words say nothing.
    pub(super) fn name_word_of(&self, event: usize, others: &[usize], word: &str) -> bool {
        word.len() >= 4
            && !crate::extract::dates::is_month_name(word)
            && self.name_words[event].contains(word)
            && others
                .iter()
                .all(|&o| o == event || !self.name_words[o].contains(word))
            && {
                let mut events = Vec::new();
                self.triggered_by(word, &mut events);
                events.is_empty()
            }
    }

    /// Whether the folded `word` is in the name of `event` ("second" in
    /// "second tour de l'élection").
    pub(super) fn in_name(&self, event: usize, word: &str) -> bool {
        self.name_words[event].contains(word)
    }

    /// Events a folded word is a trigger of.
    pub(super) fn triggered_by(&self, folded: &str, out: &mut Vec<usize>) {
        out.clear();
        if self.exact_shapes.may_contain(folded) {
            if let Some(list) = self.exact.get(folded) {
                out.extend(list);
            }
            // Plurals trigger too ("traités", "accords").
            if let Some(list) = folded.strip_suffix('s').and_then(|w| self.exact.get(w)) {
                out.extend(list);
            }
        }
        let stem_start = folded
            .as_bytes()
            .first()
            .is_some_and(|&b| self.stem_starts.get(b as usize).copied().unwrap_or(false));
        if let Some(list) = stem_start
            .then(|| self.stems.get(first_chars(folded, 3)))
            .flatten()
        {
            out.extend(
                list.iter()
                    .filter(|(stem, _)| {
                        folded.starts_with(stem.as_str())
                            && !agent_noun(folded)
                            && !another_sense(&folded[stem.len()..])
                    })
                    .map(|(_, e)| *e),
            );
        }
        if out.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

/// Whether a word a stem matches names the people who act rather than
/// the act: "signataires" for "sign*" (the signatories of 1985 are not a
/// signing).
fn agent_noun(folded: &str) -> bool {
    ["taire", "taires", "teur", "teurs", "trice", "trices"]
        .iter()
        .any(|e| folded.ends_with(e))
}

/// Whether what follows a stem makes a word of another sense: "sign*"
/// is not "signalétique" nor "signifie", "adopt*" not "adoptif",
/// "inaugur*" not "inaugural".
fn another_sense(rest: &str) -> bool {
    rest.starts_with("al")
        || rest.starts_with("if")
        || rest.ends_with("ique")
        || rest.ends_with("iques")
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

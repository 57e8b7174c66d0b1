//! The entity rules compiled for lookup: every form of every entity, keyed
//! by its folded first piece, plus blocking indexes for near misses. Built
//! once per run; lookups are hash probes, never scans of all names.

use rustc_hash::{FxHashMap, FxHashSet};

use super::name_form::{NameForm, WordShapes, fold, near_miss, wildcard_key};
use crate::rules::RuleSet;

/// How a form relates to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormRole {
    /// The house form.
    Canonical,
    /// Another form the house accepts.
    Accepted,
    /// A form the house replaces by its own.
    Variant,
}

#[derive(Clone, Debug)]
pub struct FormEntry {
    pub entity: usize,
    pub form: NameForm,
    pub role: FormRole,
    /// What to write instead of a slip or variant of this form: the house
    /// form with the same number of pieces, or the canonical name.
    pub house: String,
    /// A variant flagged only when its article also uses the house form.
    pub tolerated: bool,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub forms: Vec<FormEntry>,
    /// Folded first piece → forms, longest first.
    by_first: FxHashMap<String, Vec<usize>>,
    /// The shapes of the keys of `by_first`, tested before hashing.
    first_shapes: WordShapes,
    /// Wildcard keys of multi-piece accepted forms → forms.
    wildcards: FxHashMap<String, Vec<usize>>,
    /// Single-piece accepted forms by (first letter, length in
    /// characters): a one-edit slip keeps its first letter and is at most
    /// one letter longer or shorter, so three buckets hold its candidates.
    singles: FxHashMap<(char, usize), Vec<usize>>,
    /// Folded pieces of multi-piece accepted forms: a window that is one
    /// piece off a form has all its other pieces here.
    multi_pieces: FxHashSet<String>,
    /// Per entity, the folded names it must not be confused with.
    distinct: Vec<FxHashSet<String>>,
    common_words: FxHashSet<usize>,
    people: FxHashSet<usize>,
    pub max_pieces: usize,
}

impl Gazetteer {
    pub fn new(rules: &RuleSet) -> Gazetteer {
        let mut g = Gazetteer::default();
        for (ei, entity) in rules.entities.iter().enumerate() {
            let accepted: Vec<NameForm> = entity.accepted().map(NameForm::parse).collect();
            let roles = std::iter::once(FormRole::Canonical)
                .chain(std::iter::repeat(FormRole::Accepted))
                .zip(accepted.iter().cloned());
            let variants = entity
                .variants
                .iter()
                .map(|v| (FormRole::Variant, NameForm::parse(v), false))
                .chain(
                    entity
                        .tolerated
                        .iter()
                        .map(|v| (FormRole::Variant, NameForm::parse(v), true)),
                );
            let roles = roles.map(|(role, form)| (role, form, false));
            for (role, form, tolerated) in roles.chain(variants) {
                let house = house_form(&form, &accepted, &entity.name);
                g.forms.push(FormEntry {
                    entity: ei,
                    form,
                    role,
                    house,
                    tolerated,
                });
            }
            if entity.kind == crate::rules::EntityKind::Person {
                g.people.insert(ei);
            }
            if entity.common_word {
                g.common_words.insert(ei);
            }
            g.distinct.push(
                entity
                    .distinct
                    .iter()
                    .map(|d| NameForm::parse(d).folded.join(" "))
                    .collect(),
            );
        }
        for (fi, entry) in g.forms.iter().enumerate() {
            let form = &entry.form;
            g.max_pieces = g.max_pieces.max(form.len());
            g.by_first
                .entry(form.folded[0].clone())
                .or_default()
                .push(fi);
            g.first_shapes.insert(&form.folded[0]);
            if entry.role == FormRole::Variant {
                continue;
            }
            if form.len() > 1 {
                g.multi_pieces.extend(form.folded.iter().cloned());
                for skip in 0..form.len() {
                    g.wildcards
                        .entry(wildcard_key(&form.folded, skip))
                        .or_default()
                        .push(fi);
                }
            } else {
                let piece = &form.folded[0];
                if let Some(first) = piece.chars().next() {
                    g.singles
                        .entry((first, piece.chars().count()))
                        .or_default()
                        .push(fi);
                }
            }
        }
        let forms = &g.forms;
        for list in g.by_first.values_mut() {
            list.sort_by_key(|&fi| std::cmp::Reverse(forms[fi].form.len()));
            list.dedup();
        }
        g
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    pub fn is_person(&self, entity: usize) -> bool {
        self.people.contains(&entity)
    }

    /// Whether the entity's lower-case form is an ordinary word.
    pub fn common_word(&self, entity: usize) -> bool {
        self.common_words.contains(&entity)
    }

    /// Forms whose folded first piece is `folded`, longest first.
    pub fn starting_with(&self, folded: &str) -> &[usize] {
        if !self.first_shapes.may_contain(folded) {
            return &[];
        }
        self.by_first.get(folded).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The accepted form that `folded` pieces are a near miss of, with its
    /// similarity, unless the pieces name someone the entity is distinct from.
    pub fn near_miss(&self, folded: &[impl AsRef<str>]) -> Option<(usize, f64)> {
        let mut candidates: Vec<usize> = Vec::new();
        if folded.len() > 1 {
            // A window one piece off a form has all its other pieces known.
            let known = folded
                .iter()
                .filter(|p| self.multi_pieces.contains(p.as_ref()))
                .count();
            if known + 1 < folded.len() {
                return None;
            }
            for skip in 0..folded.len() {
                if let Some(list) = self.wildcards.get(&wildcard_key(folded, skip)) {
                    candidates.extend(list);
                }
            }
        } else if let Some(piece) = folded.first() {
            // A one-edit slip keeps its first letter and its length ± 1.
            let piece = piece.as_ref();
            if let Some(first) = piece.chars().next() {
                let n = piece.chars().count();
                for len in n.saturating_sub(1)..=n + 1 {
                    if let Some(list) = self.singles.get(&(first, len)) {
                        candidates.extend(list);
                    }
                }
            }
        }
        if candidates.is_empty() {
            return None;
        }
        let joined = folded
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<&str>>()
            .join(" ");
        let mut best: Option<(usize, f64)> = None;
        for fi in candidates {
            let entry = &self.forms[fi];
            if self.distinct[entry.entity].contains(&joined) {
                continue;
            }
            if let Some(sim) = near_miss(folded, &entry.form.folded)
                && best.is_none_or(|(_, b)| sim > b)
            {
                best = Some((fi, sim));
            }
        }
        best
    }
}

fn house_form(form: &NameForm, accepted: &[NameForm], name: &str) -> String {
    if accepted.iter().any(|a| a.text == form.text) {
        return form.text.clone();
    }
    accepted
        .iter()
        .filter(|a| a.len() == form.len())
        .max_by(|a, b| {
            let sa = strsim::normalized_damerau_levenshtein(&fold(&a.text), &fold(&form.text));
            let sb = strsim::normalized_damerau_levenshtein(&fold(&b.text), &fold(&form.text));
            sa.total_cmp(&sb)
        })
        .map(|a| a.text.clone())
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_for_test;

    const RULES: &str = r#"
[[entity]]
id = "kim-jong-un"
name = "Kim Jong-un"
kind = "person"
variants = ["Kim Jong Un"]
distinct = ["Kim Jong-il"]
source = "s"

[[entity]]
id = "choigou"
name = "Sergueï Choïgou"
kind = "person"
forms = ["Choïgou"]
variants = ["Shoigu", "Sergueï Shoigu"]
source = "s"
"#;

    #[test]
    fn variants_suggest_the_house_form_of_the_same_length() {
        let g = Gazetteer::new(&parse_for_test(RULES).unwrap());
        let house = |t: &str| {
            g.forms
                .iter()
                .find(|f| f.form.text == t)
                .unwrap()
                .house
                .clone()
        };
        assert_eq!(house("Kim Jong Un"), "Kim Jong-un");
        assert_eq!(house("Shoigu"), "Choïgou");
        assert_eq!(house("Sergueï Shoigu"), "Sergueï Choïgou");
    }

    #[test]
    fn near_miss_lookup_uses_the_index_and_respects_distinct() {
        let g = Gazetteer::new(&parse_for_test(RULES).unwrap());
        let probe = |t: &str| {
            g.near_miss(&NameForm::parse(t).folded)
                .map(|(fi, _)| g.forms[fi].form.text.clone())
        };
        assert_eq!(probe("Kim Young-un").as_deref(), Some("Kim Jong-un"));
        assert_eq!(probe("Choigouu").as_deref(), Some("Choïgou"));
        assert_eq!(probe("Kim Jong-il"), None);
    }
}

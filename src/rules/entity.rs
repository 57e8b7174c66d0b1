//! `[[entity]]`: a person, place or organisation with its house spelling.
//!
//! ```toml
//! [[entity]]
//! id = "kim-jong-un"
//! name = "Kim Jong-un"              # the house form
//! kind = "person"
//! forms = []                        # other accepted forms, never flagged
//! variants = ["Kim Jong Un"]        # accepted elsewhere, flagged as name-variant
//! tolerated = ["Kim Jong Un"]       # (instead) flagged only beside the house form
//! demonyms = ["Nord-Coréen", "Nord-Coréenne"]  # a capital as a noun, lower case as an adjective
//! distinct = ["Kim Jong-il"]        # look-alikes that are other people
//! source = "Wikipedia, « Kim Jong-un »"
//! ```

use serde::Deserialize;
use toml::Spanned;

use super::{Origin, RuleError, RuleSet, Source};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub origin: Origin,
    /// The canonical (house) form.
    pub name: String,
    pub kind: EntityKind,
    /// Other forms the house accepts (a surname alone, a short form).
    pub forms: Vec<String>,
    /// Forms seen elsewhere that the house replaces by its own.
    pub variants: Vec<String>,
    /// Variants tolerated in an article that uses no other form, flagged
    /// only when mixed with the house form in one article.
    pub tolerated: Vec<String>,
    /// What the people of a place are called, capitalized ("Rennais",
    /// "Rennaise"): a noun takes the capital, an adjective does not.
    pub demonyms: Vec<String>,
    /// Names that look like this one but belong to others: never typos.
    pub distinct: Vec<String>,
    /// Places this one lies in (entity ids): "amour" is within "russie", so
    /// an event placed in either is placed consistently.
    pub within: Vec<String>,
    /// The lower-case form is an ordinary word ("amour", "occident"), so a
    /// lower-case use is not a name written in lower case.
    pub common_word: bool,
    pub source: String,
}

impl Entity {
    /// Every form that names the entity, the house form first.
    pub fn accepted(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.forms.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EntityToml {
    id: Spanned<String>,
    name: Spanned<String>,
    kind: EntityKind,
    #[serde(default)]
    forms: Vec<Spanned<String>>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    #[serde(default)]
    tolerated: Vec<Spanned<String>>,
    #[serde(default)]
    demonyms: Vec<Spanned<String>>,
    #[serde(default)]
    distinct: Vec<String>,
    #[serde(default)]
    within: Vec<Spanned<String>>,
    #[serde(default)]
    common_word: bool,
    source: Spanned<String>,
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub(super) fn validate(
    raw: EntityToml,
    src: &Source,
    set: &mut RuleSet,
    errors: &mut Vec<RuleError>,
) -> Option<Entity> {
    let before = errors.len();
    let id = raw.id.get_ref().clone();
    if !is_valid_id(&id) {
        errors.push(src.error(
            format!("entity id `{id}` must be lower-case letters, digits, dashes or underscores"),
            raw.id.span(),
            "this id",
            Some("ids appear in reports as rules/FILE.toml#ID; e.g. \"kim-jong-un\"".into()),
        ));
    }
    let first_in = set
        .entities
        .iter()
        .find(|e| e.origin.id == id)
        .map(|e| e.origin.file.clone());
    super::check_unique_id(src, "entity", &raw.id, first_in.as_deref(), errors);
    super::check_source(src, &format!("entity `{id}`"), &raw.source, errors);
    let mut seen: Vec<&String> = Vec::new();
    let all_forms = std::iter::once(&raw.name)
        .chain(&raw.forms)
        .chain(&raw.variants)
        .chain(&raw.tolerated);
    for form in all_forms {
        let text = form.get_ref();
        if !text.chars().any(char::is_alphanumeric) {
            errors.push(src.error(
                format!("entity `{id}` has a form with no letters: {text:?}"),
                form.span(),
                "no letters",
                None,
            ));
            continue;
        }
        if !crate::extract::name_form::NameForm::is_well_formed(text) {
            errors.push(
                src.error(
                    format!("entity `{id}`: the form {text:?} cannot be matched"),
                    form.span(),
                    "this form",
                    Some(
                        "a form is words joined by single spaces, hyphens or apostrophes, \
                     without dots or other punctuation"
                            .into(),
                    ),
                ),
            );
            continue;
        }
        if seen.contains(&text) {
            errors.push(src.error(
                format!("entity `{id}` lists the form \"{text}\" twice"),
                form.span(),
                "listed again",
                None,
            ));
        }
        seen.push(text);
        let owner = set.entities.iter().find(|e| {
            e.accepted().any(|f| f == text)
                || e.variants.iter().chain(&e.tolerated).any(|v| v == text)
        });
        if let Some(other) = owner {
            errors.push(src.error(
                format!(
                    "the form \"{text}\" is declared by both `{}` and `{id}`",
                    other.origin.id
                ),
                form.span(),
                "declared again here",
                Some("a form must name one entity; remove it from one of them".into()),
            ));
        }
    }
    for w in &raw.within {
        set.references.push(super::Reference::new(
            src,
            w.get_ref(),
            w.span(),
            &format!("entity `{id}`"),
        ));
    }
    for d in &raw.demonyms {
        let text = d.get_ref();
        let one_word = !text.is_empty()
            && text
                .split('-')
                .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic));
        if !one_word || !text.starts_with(char::is_uppercase) {
            errors.push(src.error(
                format!("entity `{id}`: a demonym is one capitalized word: {text:?}"),
                d.span(),
                "this demonym",
                Some("e.g. demonyms = [\"Rennais\", \"Rennaise\", \"Nord-Coréen\"]".into()),
            ));
        }
    }
    if errors.len() > before {
        return None;
    }
    Some(Entity {
        origin: Origin {
            file: src.path.to_string(),
            id,
        },
        name: raw.name.into_inner(),
        kind: raw.kind,
        forms: raw.forms.into_iter().map(Spanned::into_inner).collect(),
        variants: raw.variants.into_iter().map(Spanned::into_inner).collect(),
        tolerated: raw.tolerated.into_iter().map(Spanned::into_inner).collect(),
        demonyms: raw.demonyms.into_iter().map(Spanned::into_inner).collect(),
        distinct: raw.distinct,
        within: raw.within.into_iter().map(Spanned::into_inner).collect(),
        common_word: raw.common_word,
        source: raw.source.into_inner(),
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::parse_for_test;

    const KIM: &str = "[[entity]]\nid = \"kim-jong-un\"\nname = \"Kim Jong-un\"\nkind = \"person\"\nvariants = [\"Kim Jong Un\"]\nsource = \"Wikipedia\"\n";

    #[test]
    fn a_valid_entity_loads() {
        let set = parse_for_test(KIM).unwrap();
        let kim = &set.entities[0];
        assert_eq!(kim.name, "Kim Jong-un");
        assert_eq!(kim.variants, vec!["Kim Jong Un"]);
        assert_eq!(kim.origin.reference(), "rules/test.toml#kim-jong-un");
    }

    #[test]
    fn duplicate_ids_point_at_the_second() {
        let text = format!(
            "{KIM}{}",
            KIM.replace("Kim Jong-un\"\nkind", "Kim Jong-eun\"\nkind")
                .replace("[\"Kim Jong Un\"]", "[]")
        );
        let errors = parse_for_test(&text).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("duplicate entity id"))
        );
        let span = errors[0].span.unwrap();
        assert!(span.offset() > KIM.len());
    }

    #[test]
    fn empty_source_and_bad_kind_are_errors() {
        let errors = parse_for_test(&KIM.replace("\"Wikipedia\"", "\"  \"")).unwrap_err();
        assert!(errors[0].message.contains("empty source"));
        let errors = parse_for_test(&KIM.replace("\"person\"", "\"persn\"")).unwrap_err();
        assert!(errors[0].message.contains("persn"), "{}", errors[0].message);
    }

    #[test]
    fn forms_with_punctuation_are_refused() {
        let errors = parse_for_test(&KIM.replace("[\"Kim Jong Un\"]", "[\"K.J.U.\"]")).unwrap_err();
        assert!(
            errors[0].message.contains("cannot be matched"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn a_form_shared_by_two_entities_is_an_error() {
        let text = format!(
            "{KIM}[[entity]]\nid = \"other\"\nname = \"Kim Jong Un\"\nkind = \"person\"\nsource = \"x\"\n"
        );
        let errors = parse_for_test(&text).unwrap_err();
        assert!(
            errors[0].message.contains("declared by both"),
            "{}",
            errors[0].message
        );
    }
}

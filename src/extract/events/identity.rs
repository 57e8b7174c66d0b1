//! Identity before contradiction: whether a mention linked to a declared
//! event by its words and entities is that event, judged from what it
//! states against what is known of the event — its reference facts, or,
//! for what the rules leave out, what most articles say of it.
//!
//! Every stated attribute either agrees with the reference, is a near miss
//! of it (a day or a year off, a neighbouring place, the father for the
//! son, digits swapped: the slips a newsroom makes about the same event),
//! or lies far from it (another year, another country, another person: a
//! sign of another event). Agreements are evidence of identity, weighted by
//! how much they tell events apart — a date agreeing to the day says more
//! than a city, which hosts many summits; a near miss is weak evidence (a
//! slip is made about the same event); far disagreements count against.
//!
//! A disagreement on one attribute is reported only when the others
//! establish the event: their evidence is at least one and at least the
//! weight of all far disagreements ([`far_weight`]). "Le sommet de
//! Genève de juin 2021 entre Biden et Poutine" agrees with the 1985 Geneva
//! summit on the city alone and differs far on the date and the people, so
//! none of it is reported; "le traité, signé le 20 juin 2024 à Pyongyang"
//! is identified by its place, so its date is. An entity of the event
//! named in the sentence besides its stated place and parties weighs 1 ("le
//! plan vélo de Lyon, présenté par X"); a name the rules declare as the
//! event's own ("traité de l'Élysée") establishes it by itself; so does
//! another mention of the article that establishes it, for a mention that
//! states nothing far from it.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::{EventIndex, EventMention};
use crate::extract::dates::{DateSpan, Granularity};
use crate::extract::numbers::Bound;
use crate::rules::RuleSet;

/// What a mention states of an event, compared with the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attribute {
    Date,
    Place,
    Participant,
    Figure,
    /// The article's publication date: an article published well before
    /// the event cannot report it.
    Publication,
}

impl Attribute {
    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::Date => "date",
            Attribute::Place => "place",
            Attribute::Participant => "participant",
            Attribute::Figure => "figure",
            Attribute::Publication => "publication date",
        }
    }
}

/// How one stated attribute compares with the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    Agrees,
    /// Different, but as a slip about the same event would be.
    Near,
    /// Different enough to be another event's.
    Far,
}

/// One attribute's comparison, with the text it was read from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    pub attribute: Attribute,
    pub agreement: Agreement,
    pub text: String,
    /// How much it says the mention is the event (see [`judge`]).
    #[serde(default)]
    pub weight: u8,
    /// A near miss of the kind a slip of the pen makes: a day or two
    /// off, the same day a year off.
    #[serde(default)]
    pub slip: bool,
}

/// The judgement on one mention.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// The event's own name, when the sentence gives it.
    #[serde(default)]
    pub name: Option<String>,
    /// An entity of the event the sentence names besides what it states
    /// as place or party ("le plan vélo de Lyon"), when there is one.
    #[serde(default)]
    pub entity: Option<String>,
    pub fits: Vec<Fit>,
    /// Whether another mention of the article establishes the event and
    /// this one states nothing far from it ("Ce sommet", "le traité"
    /// again, a sentence later).
    #[serde(default)]
    pub in_article: bool,
    /// Whether that entity completes the event's word ("le traité de
    /// l'Élysée"): it then names the event, as a declared name does.
    #[serde(default)]
    pub complement: bool,
    /// Whether it was linked by an entity named elsewhere in the article,
    /// none near it: only an agreement of what it states (not a near
    /// miss, not another mention) then says it is the event.
    #[serde(default)]
    pub remote: bool,
    /// Another place the sentence names before the event word, not as
    /// where it happened ("La centrale de Zaporijia … a été prise"): it
    /// may be another event of the kind.
    #[serde(default)]
    pub rival: Option<String>,
    /// Whether the event word comes with an indefinite article ("une
    /// cérémonie canadienne se tiendra à Courseulles"): it brings in an
    /// occurrence of the kind, so another mention of the article cannot
    /// say it is this one.
    #[serde(default)]
    pub indefinite: bool,
    /// Whether its place completes the event word ("la rencontre de
    /// Reykjavik"): far from the reference, with nothing stated agreeing,
    /// it names another occurrence of the kind.
    #[serde(default)]
    pub occurrence_place: bool,
    /// A body the rules do not give the event, named as the agent of its
    /// verb ("votés en mars par Lavernoux"): that body's act, another
    /// event, unless the event's name is given.
    #[serde(default)]
    pub agent: Option<String>,
}

/// How much a declared name of the event weighs: by itself, it says which
/// event is meant.
const NAME_WEIGHT: usize = 3;
/// How much another mention of the article that establishes the event
/// weighs, for a mention that states nothing far from it.
const ARTICLE_WEIGHT: usize = 2;

impl Identity {
    /// Whether a disagreement on `attribute` is reported: the mention's
    /// other attributes (or the event's name) establish the event.
    pub fn compared_for(&self, attribute: Attribute, text: &str) -> bool {
        // Its own agreement cannot vouch for it; its own far disagreement
        // (a date decades off) still says "another event".
        let itself = |f: &Fit| f.attribute == attribute && f.text == text;
        let evidence = self.evidence_without(itself);
        let against: usize = self.fits.iter().map(far_weight).sum();
        let agreed = self.name.is_some()
            || self
                .fits
                .iter()
                .any(|f| !itself(f) && f.agreement == Agreement::Agrees && f.weight > 0);
        // Near misses only add to other evidence: two slips do not vouch
        // for each other ("Le 15 août 1944, le débarquement de Provence").
        let near: usize = self
            .fits
            .iter()
            .filter(|f| !itself(f) && f.agreement == Agreement::Near)
            .map(|f| usize::from(f.weight))
            .sum();
        // Linked by the article alone, a mention that states one thing
        // only, and that as a typing slip of it, is the article's event
        // when another mention establishes it ("Le réacteur, qui a explosé
        // le 28 avril 1986"); otherwise something it states must agree.
        let slip_alone = matches!(self.fits.as_slice(), [only] if itself(only) && only.slip);
        let single = self.in_article && slip_alone;
        // An event word with the event's entities around that states a
        // slip of its date and nothing else ("la réunification du 3
        // octobre 1989") is the event misdated.
        // Another place before the event word ("Après Pyongyang, il s'est
        // envolé pour le Vietnam, où … pour une visite"): only an agreement
        // or the event's name says it is this event.
        let rival = (self.rival.is_some() && !agreed
            || self.agent.is_some() && self.name.is_none())
            && !self.complement;
        // A date years off, with nothing stated agreeing: an entity named
        // beside it (a defendant of every trial) does not make it this
        // event ("condamnés en appel à Toulouse le 24 septembre 2012" for
        // the judgement of 2017 in Paris).
        // So does a place completing the event word ("40e anniversaire de
        // la rencontre de Reykjavik" beside the Geneva summit's parties).
        let far_date = self.fits.iter().any(|f| {
            itself(f)
                && f.agreement == Agreement::Far
                && (f.attribute == Attribute::Date
                    || (f.attribute == Attribute::Place && self.occurrence_place))
        }) && !agreed
            && !self.complement;
        // An article published well before the event speaks of a plan or
        // of another occurrence: nothing it states is compared.
        let before_event = self
            .fits
            .iter()
            .any(|f| f.attribute == Attribute::Publication && f.agreement == Agreement::Far);
        // "signé par le chancelier Konrad Adenauer et par Ludwig Erhard":
        // a party beside one of the event's own, nothing else far, is a
        // wrong party of this event, even when the right one signs others.
        let beside_a_party = attribute == Attribute::Participant
            && self.fits.iter().any(|f| {
                !itself(f)
                    && f.attribute == Attribute::Participant
                    && f.agreement == Agreement::Agrees
            })
            && !self
                .fits
                .iter()
                .any(|f| !itself(f) && f.agreement == Agreement::Far)
            && !self.remote;
        !rival
            && !far_date
            && !before_event
            && ((evidence > near && evidence >= against && (agreed || !self.remote || single))
                || (slip_alone && !self.remote)
                || beside_a_party)
    }

    /// The weight of what establishes the event, leaving out the fits
    /// `left_out` selects.
    fn evidence_without(&self, left_out: impl Fn(&Fit) -> bool) -> usize {
        self.name.as_ref().map_or(0, |_| NAME_WEIGHT)
            + match (&self.entity, self.complement) {
                (Some(_), true) if self.name.is_none() => NAME_WEIGHT,
                (Some(_), _) => 1,
                (None, _) => 0,
            }
            + if self.in_article { ARTICLE_WEIGHT } else { 0 }
            + self
                .fits
                .iter()
                .filter(|f| !left_out(f))
                .map(|f| usize::from(f.weight))
                .sum::<usize>()
    }

    /// Whether the mention establishes its event by itself: something it
    /// states (or its name) points to the event, nothing points away.
    pub fn establishes(&self) -> bool {
        let against: usize = self.fits.iter().map(far_weight).sum();
        against == 0
            && (self.name.is_some()
                || self
                    .fits
                    .iter()
                    .any(|f| f.agreement == Agreement::Agrees && f.weight > 0))
    }

    /// Whether what it states points away from the event and nothing to
    /// it: "l'effondrement de Mirepoix-sur-Tarn", "la finale de 1999".
    pub fn another_event(&self) -> bool {
        self.name.is_none()
            && self.fits.iter().map(far_weight).sum::<usize>() > 0
            && !self
                .fits
                .iter()
                .any(|f| f.agreement == Agreement::Agrees && f.weight > 0)
    }

    /// Whether anything it states disagrees with the reference.
    pub fn disagrees(&self) -> bool {
        self.fits.iter().any(|f| f.agreement != Agreement::Agrees)
    }

    /// What establishes the event, in words: "its name (traité de
    /// l'Élysée), its place (Vostotchny) and its date (13 septembre 2023)".
    pub fn evidence(&self, without: Attribute) -> Option<String> {
        let mut parts: Vec<String> = self
            .name
            .iter()
            .map(|n| format!("its name ({n})"))
            .collect();
        if let Some(e) = &self.entity {
            parts.push(format!("{e} in the sentence"));
        }
        if self.in_article {
            parts.push("another mention of this article".into());
        }
        parts.extend(
            self.fits
                .iter()
                .filter(|f| f.attribute != without && f.agreement == Agreement::Agrees)
                .map(|f| format!("its {} ({})", f.attribute.as_str(), f.text)),
        );
        match parts.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    }

    /// Why a disagreement on `attribute` is not reported, in words.
    pub fn reason(&self, attribute: Attribute) -> String {
        if let Some(p) = self
            .fits
            .iter()
            .find(|f| f.attribute == Attribute::Publication && f.agreement == Agreement::Far)
        {
            return format!(
                "the article was published on {}, before the event: it speaks of another",
                p.text
            );
        }
        if let Some(agent) = self.agent.as_ref().filter(|_| self.name.is_none()) {
            return format!("another event: the act of {agent}, which the event does not involve");
        }
        let far: Vec<String> = self
            .fits
            .iter()
            .filter(|f| f.agreement == Agreement::Far)
            .map(|f| format!("its {} ({})", f.attribute.as_str(), f.text))
            .collect();
        match (self.evidence(attribute), far.as_slice()) {
            (None, []) => "nothing else it states tells which event it is".to_string(),
            (None, _) => format!(
                "another event: {} {} far from the reference",
                far.join(", "),
                if far.len() == 1 { "lies" } else { "lie" }
            ),
            (Some(e), []) if self.remote => format!(
                "linked by the article alone, it needs something it states to agree with \
                 the event; only {e} vouch for it"
            ),
            (Some(e), []) => format!("only {e} vouch for it, against near misses"),
            (Some(e), _) => format!(
                "another event: {} {} far from the reference, and only {e} {}",
                far.join(", "),
                if far.len() == 1 { "lies" } else { "lie" },
                if e.contains(" and ") {
                    "agree"
                } else {
                    "agrees"
                }
            ),
        }
    }
}

/// What is known of an event to judge a mention by: its reference facts,
/// or what most articles say where the rules say nothing.
#[derive(Clone, Debug, Default)]
pub struct Reference {
    pub date: Option<DateSpan>,
    pub place: Option<usize>,
    pub parties: Vec<usize>,
    /// Per figure of the event.
    pub figures: Vec<Option<f64>>,
}

impl Reference {
    /// The reference facts the rules declare for `event`.
    pub fn declared(event: usize, rules: &RuleSet) -> Reference {
        let e = &rules.events[event];
        Reference {
            date: e.date,
            place: e.place.as_deref().and_then(|p| rules.entity_index(p)),
            parties: e
                .participants
                .iter()
                .filter_map(|p| rules.entity_index(p))
                .collect(),
            figures: e.figures.iter().map(|f| Some(f.value)).collect(),
        }
    }
}

/// Judges `mention` (in an article published on `publication`) against
/// `reference`. Agreements weigh by how much they tell the event from
/// others of its kind: a date to the day 3, to the month or year 2, looser
/// 1; a figure 2; a place 1; each party 1 (at most 2 in all), but 0 for a
/// party of another declared event with the same words (Poutine and Kim
/// Jong-un meet at every summit). A near miss weighs 1.
pub fn judge(
    mention: &EventMention,
    publication: Option<NaiveDate>,
    reference: &Reference,
    rules: &RuleSet,
    index: &EventIndex,
) -> Identity {
    let mut fits = Vec::new();
    let fit = |attribute, agreement, text: &str, weight| Fit {
        attribute,
        agreement,
        text: text.to_string(),
        weight: match agreement {
            Agreement::Agrees => weight,
            Agreement::Near => 1,
            Agreement::Far => 0,
        },
        slip: false,
    };
    if let (Some(stated), Some(known)) = (&mention.date, &reference.date) {
        let weight = match known.granularity {
            Granularity::Day | Granularity::Week => 3,
            Granularity::Month | Granularity::Year => 2,
            _ => 1,
        };
        let agreement = match date_agreement(&stated.value, known) {
            Agreement::Near if index.day_of_kin(mention.event, &stated.value) => Agreement::Far,
            agreement => agreement,
        };
        fits.push(Fit {
            slip: agreement == Agreement::Near && slip_of_the_pen(&stated.value, known),
            ..fit(Attribute::Date, agreement, &stated.text, weight)
        });
    }
    if let (Some(published), Some(known)) = (publication, &reference.date)
        && (known.first - published).num_days() > NEAR_DAYS
    {
        let text = published.format("%Y-%m-%d").to_string();
        fits.push(fit(Attribute::Publication, Agreement::Far, &text, 0));
    }
    if let (Some(stated), Some(known)) = (&mention.place, reference.place) {
        let agreement = if index.places_agree(stated.entity, known) {
            Agreement::Agrees
        } else if index.places_near(stated.entity, known) {
            Agreement::Near
        } else {
            Agreement::Far
        };
        fits.push(fit(Attribute::Place, agreement, &stated.text, 1));
    }
    if !reference.parties.is_empty() {
        let mut party_weight = 0;
        for p in &mention.participants {
            let agreement = if reference.parties.contains(&p.entity) {
                Agreement::Agrees
            } else if reference
                .parties
                .iter()
                .any(|&q| same_family(rules, p.entity, q))
            {
                Agreement::Near
            } else {
                Agreement::Far
            };
            let distinctive = index.distinguishes(mention.event, p.entity);
            let weight = u8::from(distinctive && party_weight < 2);
            if agreement == Agreement::Agrees {
                party_weight += weight;
            }
            fits.push(fit(Attribute::Participant, agreement, &p.text, weight));
        }
    }
    for f in &mention.figures {
        if let Some(Some(known)) = reference.figures.get(f.figure) {
            let agreement = figure_agreement(f.value, f.bound, *known);
            // "en plus de 80 jours" for 74: an open bound agrees only by
            // its slack, which says nothing of which event it is; within
            // its words ("plus de 70 jours") it says little.
            let weight = match f.bound {
                Bound::Exact | Bound::About => 2,
                Bound::AtLeast if *known >= f.value => 1,
                Bound::AtMost if *known <= f.value => 1,
                Bound::AtLeast | Bound::AtMost => 0,
            };
            fits.push(Fit {
                slip: agreement == Agreement::Near
                    && f.bound == Bound::Exact
                    && figure_slip(f.value, *known),
                ..fit(Attribute::Figure, agreement, &f.text, weight)
            });
        }
    }
    Identity {
        name: mention.identity.name.clone(),
        entity: mention.identity.entity.clone(),
        fits,
        in_article: false,
        complement: mention.identity.complement,
        remote: mention.identity.remote,
        rival: mention.identity.rival.clone(),
        indefinite: mention.identity.indefinite,
        occurrence_place: mention.identity.occurrence_place,
        agent: mention.identity.agent.clone(),
    }
}

/// Lends identity across an article: a mention of `events[i]` that states
/// nothing far from its event, and does not differ on everything it states
/// (two near misses and no agreement), is that event when another mention
/// of the article establishes it (see [`Identity::establishes`]).
pub fn share_across_article(identities: &mut [Identity], events: &[usize]) {
    let established: Vec<usize> = identities
        .iter()
        .zip(events)
        .filter(|(i, _)| i.establishes())
        .map(|(_, &e)| e)
        .collect();
    for (identity, event) in identities.iter_mut().zip(events) {
        // A slip is one attribute wrong: a mention whose every stated
        // attribute differs ("Le 15 août 1944, le débarquement de
        // Provence") is another event of its kind.
        let differing = identity
            .fits
            .iter()
            .filter(|f| f.agreement != Agreement::Agrees)
            .count();
        let agrees = identity
            .fits
            .iter()
            .any(|f| f.agreement == Agreement::Agrees);
        identity.in_article = established.contains(event)
            && !identity.indefinite
            && !identity.establishes()
            && (identity.rival.is_none() || agrees)
            // A person alone is how a newsroom misnames a party ("Le
            // texte a été signé pour le Luxembourg par Jacques Santer"),
            // beside the event's entities: not a sign of another event.
            && identity.fits.iter().all(|f| {
                f.agreement != Agreement::Far
                    || (f.attribute == Attribute::Participant
                        && !identity.remote
                        && identity.fits.len() == 1)
            })
            && (differing <= 1
                || identity
                    .fits
                    .iter()
                    .any(|f| f.agreement == Agreement::Agrees));
    }
}

/// How far apart two dates may be and still be a slip about one event:
/// about two months, a month's name mistaken for the next but one
/// ("condamné le 17 octobre" for 12 December, "signé le 10 décembre 1991"
/// for 7 February 1992). Beyond, it dates another event.
const NEAR_DAYS: i64 = 62;

/// How much a far disagreement says the mention is another event: a date
/// years off 2 (dates are seldom slipped that far), a publication before
/// the event 3 (the article cannot report it), a place, a person or a
/// figure 1 (the slips a newsroom makes).
pub(super) fn far_weight(fit: &Fit) -> usize {
    match (fit.agreement, fit.attribute) {
        (Agreement::Far, Attribute::Publication) => 3,
        (Agreement::Far, Attribute::Date) => 2,
        (Agreement::Far, _) => 1,
        _ => 0,
    }
}

/// A stated date against the reference: overlapping agrees; within 62 days,
/// or in the same year (two days: same month or same day of the month),
/// or the same day a year off, or a year off when either is a year, is a
/// near miss.
fn date_agreement(stated: &DateSpan, reference: &DateSpan) -> Agreement {
    use chrono::Datelike;
    if stated.overlaps(reference) {
        return Agreement::Agrees;
    }
    let gap = if stated.last < reference.first {
        (reference.first - stated.last).num_days()
    } else {
        (stated.first - reference.last).num_days()
    };
    let years_apart = (stated.first.year() - reference.first.year()).abs();
    let same_day = stated.first.month() == reference.first.month()
        && stated.first.day() == reference.first.day();
    // "en octobre 2018" for 31 October 2017: the month right, a year off.
    let by_year = stated.granularity >= Granularity::Year
        || reference.granularity >= Granularity::Year
        || (stated.granularity == Granularity::Month
            && stated.first.month() == reference.first.month());
    // Two days of one year are a slip when close, or when only the day or
    // only the month differs; "15 août" for "6 juin" is another day.
    let days = stated.granularity == Granularity::Day && reference.granularity == Granularity::Day;
    let same_year = years_apart == 0
        && (!days
            || stated.first.month() == reference.first.month()
            || stated.first.day() == reference.first.day());
    if gap <= NEAR_DAYS || same_year || (years_apart == 1 && (same_day || by_year)) {
        Agreement::Near
    } else {
        Agreement::Far
    }
}

/// Whether a stated day differs from the reference day as a slip of the
/// pen does: two days at most ("28 avril 1986" for the 26th), or the same
/// day a year off ("13 août 1962").
fn slip_of_the_pen(stated: &DateSpan, reference: &DateSpan) -> bool {
    use chrono::Datelike;
    if stated.granularity != Granularity::Day || reference.granularity != Granularity::Day {
        return false;
    }
    let (a, b) = (stated.first, reference.first);
    let days_off = (a - b).num_days().abs() <= 2;
    let year_off = a.month() == b.month() && a.day() == b.day() && (a.year() - b.year()).abs() == 1;
    days_off || year_off
}

/// A stated figure against the reference: within what its bound allows
/// ("au moins 14" agrees with 40) agrees; within half, or the same digits
/// in another order, is a near miss.
fn figure_agreement(stated: f64, bound: Bound, reference: f64) -> Agreement {
    if Bound::agree((stated, bound), (reference, Bound::Exact)) {
        return Agreement::Agrees;
    }
    let off = (stated - reference).abs();
    let scale = reference.abs().max(1.0);
    let digits = |v: f64| {
        let mut d: Vec<char> = format!("{}", v.abs().round() as u64).chars().collect();
        d.sort_unstable();
        d
    };
    if off <= 0.5 * scale || digits(stated) == digits(reference) {
        Agreement::Near
    } else {
        Agreement::Far
    }
}

/// Whether a stated whole number differs from the reference as a slip of
/// the pen: as many digits, one of them changed ("195 pays" for 175,
/// "32 000 tonnes" for 36 000) or two neighbours swapped ("1 870" for
/// 1 780); three digits at least.
fn figure_slip(stated: f64, reference: f64) -> bool {
    if stated.fract() != 0.0 || reference.fract() != 0.0 {
        return false;
    }
    let a: Vec<u8> = format!("{}", stated.abs() as u64).into_bytes();
    let b: Vec<u8> = format!("{}", reference.abs() as u64).into_bytes();
    // Two-digit counts (votes) differ by one digit from the counts of
    // another vote of the same body far too often to say "slip".
    if a.len() != b.len() || a.len() < 3 {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match differ.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// Whether two people share a family name (Kim Jong-il and Kim Jong-un,
/// Jacques and Laurent Vaissière): naming one for the other is a slip
/// about the same event.
fn same_family(rules: &RuleSet, a: usize, b: usize) -> bool {
    let words = |e: usize| {
        let name = rules.entities[e].name.to_lowercase();
        let first = name.split_whitespace().next().map(str::to_string);
        let last = name.split_whitespace().last().map(str::to_string);
        (first, last)
    };
    // Korean and Chinese names put the family name first; most others last.
    let ((fa, la), (fb, lb)) = (words(a), words(b));
    (fa.is_some() && fa == fb) || (la.is_some() && la == lb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> DateSpan {
        let d = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        DateSpan {
            first: d,
            last: d,
            granularity: Granularity::Day,
        }
    }

    fn year(y: i32) -> DateSpan {
        DateSpan {
            first: NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
            last: NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
            granularity: Granularity::Year,
        }
    }

    #[test]
    fn dates_agree_near_or_far() {
        let summit = day(2023, 9, 13);
        assert_eq!(
            date_agreement(&day(2023, 9, 13), &summit),
            Agreement::Agrees
        );
        assert_eq!(date_agreement(&year(2023), &summit), Agreement::Agrees);
        assert_eq!(date_agreement(&day(2023, 9, 14), &summit), Agreement::Near);
        assert_eq!(date_agreement(&day(2024, 9, 13), &summit), Agreement::Near);
        assert_eq!(date_agreement(&year(2022), &summit), Agreement::Near);
        // About two months off, across a year's end: a month mistaken.
        assert_eq!(
            date_agreement(&day(1991, 12, 10), &day(1992, 2, 7)),
            Agreement::Near
        );
        assert_eq!(
            date_agreement(&day(1991, 11, 10), &day(1992, 2, 7)),
            Agreement::Far
        );
        // The Pyongyang summit of June 2024 is not a slip for Vostotchny.
        assert_eq!(date_agreement(&day(2024, 6, 19), &summit), Agreement::Far);
        assert_eq!(date_agreement(&year(1985), &year(2021)), Agreement::Far);
        // Two days of the same year: a slip of the day or of the month,
        // not of both ("15 août 1944" is not a slip for "6 juin 1944").
        let d_day = day(1944, 6, 6);
        assert_eq!(date_agreement(&day(1944, 6, 16), &d_day), Agreement::Near);
        assert_eq!(date_agreement(&day(1944, 8, 6), &d_day), Agreement::Near);
        assert_eq!(date_agreement(&day(1944, 8, 15), &d_day), Agreement::Far);
    }

    #[test]
    fn a_figure_slip_is_one_digit_changed_or_two_swapped() {
        assert!(figure_slip(195.0, 175.0));
        assert!(figure_slip(32_000.0, 36_000.0));
        assert!(figure_slip(1_870.0, 1_780.0));
        assert!(!figure_slip(1_870.0, 1_700.0));
        assert!(!figure_slip(9.0, 6.0));
        assert!(!figure_slip(33.0, 31.0));
        assert!(!figure_slip(1_950.0, 175.0));
    }

    #[test]
    fn figures_agree_near_or_far() {
        use Bound::*;
        assert_eq!(figure_agreement(45.0, Exact, 45.0), Agreement::Agrees);
        assert_eq!(figure_agreement(50.0, About, 47.0), Agreement::Agrees);
        assert_eq!(figure_agreement(14.0, AtLeast, 40.0), Agreement::Agrees);
        assert_eq!(figure_agreement(50.0, AtLeast, 40.0), Agreement::Near);
        assert_eq!(figure_agreement(54.0, Exact, 45.0), Agreement::Near);
        assert_eq!(figure_agreement(197.0, Exact, 331.0), Agreement::Near);
        assert_eq!(figure_agreement(12.0, Exact, 331.0), Agreement::Far);
    }

    fn fit(attribute: Attribute, agreement: Agreement, weight: u8) -> Fit {
        Fit {
            attribute,
            agreement,
            text: String::new(),
            weight,
            slip: false,
        }
    }

    #[test]
    fn a_disagreement_is_compared_when_the_other_attributes_establish_the_event() {
        use Agreement::*;
        use Attribute::*;
        let identity = |fits| Identity {
            fits,
            ..Identity::default()
        };
        // The Geneva summit of 2021 for the one of 1985: city only.
        let geneva = identity(vec![fit(Place, Agrees, 1), fit(Date, Far, 0)]);
        assert!(!geneva.compared_for(Date, "") && !geneva.compared_for(Place, ""));
        // A day off at the right place: compared.
        let slip = identity(vec![fit(Place, Agrees, 1), fit(Date, Near, 1)]);
        assert!(slip.compared_for(Date, ""));
        // A date alone says nothing of which event it is.
        let alone = identity(vec![fit(Date, Near, 1)]);
        assert!(!alone.compared_for(Date, ""));
        // Unless the event's name is given.
        let named = Identity {
            name: Some("traité de l'Élysée".into()),
            entity: None,
            fits: vec![fit(Date, Far, 0), fit(Participant, Far, 0)],
            ..Identity::default()
        };
        assert!(named.compared_for(Date, "") && named.compared_for(Participant, ""));
        // Two near misses do not vouch for each other ("Le 15 août 1944,
        // le débarquement de Provence"); with an agreement they are slips.
        let two_slips = identity(vec![fit(Date, Near, 1), fit(Place, Near, 1)]);
        assert!(!two_slips.compared_for(Date, "") && !two_slips.compared_for(Place, ""));
        let slips = identity(vec![
            fit(Date, Near, 1),
            fit(Place, Near, 1),
            fit(Figure, Agrees, 2),
        ]);
        assert!(slips.compared_for(Date, "") && slips.compared_for(Place, ""));
        // Linked by the article alone: only an agreement vouches, not
        // another mention of the article.
        let remote = Identity {
            in_article: true,
            remote: true,
            ..identity(vec![fit(Date, Near, 1), fit(Figure, Near, 1)])
        };
        assert!(!remote.compared_for(Date, ""));
        let remote_agreeing = Identity {
            remote: true,
            ..identity(vec![fit(Date, Near, 1), fit(Figure, Agrees, 2)])
        };
        assert!(remote_agreeing.compared_for(Date, ""));
        // The event's entity completing its word names it ("le traité de
        // l'Élysée, signé le 5 juillet 1963 par … et Heinrich Lübke").
        let complement = Identity {
            entity: Some("palais de l'Élysée".into()),
            complement: true,
            ..identity(vec![
                fit(Date, Far, 0),
                fit(Participant, Agrees, 1),
                fit(Participant, Far, 0),
            ])
        };
        assert!(complement.compared_for(Date, ""));
        // An article published a year before the event never reports it.
        let before = identity(vec![
            fit(Publication, Far, 0),
            fit(Place, Near, 1),
            fit(Participant, Agrees, 1),
        ]);
        assert!(!before.compared_for(Place, ""));
    }

    /// A slip of the pen alone (two days off, the same day a year off)
    /// is the event misdated when its word has the event's entities
    /// around, or when another mention of the article establishes it;
    /// a looser near miss alone is not.
    #[test]
    fn a_slip_of_the_pen_alone_is_the_event_misdated() {
        use Agreement::*;
        use Attribute::*;
        let identity = |fits| Identity {
            fits,
            ..Identity::default()
        };
        let accident = day(1986, 4, 26);
        assert!(slip_of_the_pen(&day(1986, 4, 28), &accident));
        assert!(slip_of_the_pen(&day(1987, 4, 26), &accident));
        assert!(!slip_of_the_pen(&day(1986, 5, 26), &accident));
        assert!(!slip_of_the_pen(&year(1987), &accident));
        let slip = Fit {
            slip: true,
            ..fit(Date, Near, 1)
        };
        let near_by_entities = identity(vec![slip.clone()]);
        assert!(near_by_entities.compared_for(Date, ""));
        let remote_in_article = Identity {
            in_article: true,
            remote: true,
            ..identity(vec![slip.clone()])
        };
        assert!(remote_in_article.compared_for(Date, ""));
        let remote_loose = Identity {
            in_article: true,
            remote: true,
            ..identity(vec![fit(Date, Near, 1)])
        };
        assert!(!remote_loose.compared_for(Date, ""));
        let rival = Identity {
            rival: Some("Zaporijia".into()),
            ..identity(vec![slip])
        };
        assert!(!rival.compared_for(Date, ""));
    }
}

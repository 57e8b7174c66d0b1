//! Events of the same kind side by side: a crash beside another, a flight
//! beside the one that followed it, an agreement measured from another,
//! a council's vote beside its vote of principle — and the facts that
//! belong to the other one, to a route, to an anniversary or to a rate.

use super::reading_tests::{of_kind, pair};
use crate::diagnostic::Kind;
use crate::engine::tests::{lint_texts, summary};

/// Two crashes, two flights, two agreements, one council vote.
const KIN: &str = r#"
[[entity]]
id = "atlantique"
name = "Atlantique"
kind = "place"
source = "s"

[[entity]]
id = "france"
name = "France"
kind = "place"
source = "s"

[[entity]]
id = "paris"
name = "Paris"
kind = "place"
within = ["france"]
source = "s"

[[entity]]
id = "toulouse"
name = "Toulouse"
kind = "place"
within = ["france"]
source = "s"

[[entity]]
id = "bresil"
name = "Brésil"
kind = "place"
source = "s"

[[entity]]
id = "rio"
name = "Rio de Janeiro"
kind = "place"
forms = ["Rio"]
within = ["bresil"]
source = "s"

[[entity]]
id = "af447"
name = "AF447"
kind = "organisation"
source = "s"

[[entity]]
id = "air-france"
name = "Air France"
kind = "organisation"
source = "s"

[[entity]]
id = "tribunal"
name = "tribunal de Paris"
kind = "place"
within = ["paris"]
source = "s"

[[event]]
id = "crash"
name = "Accident du vol AF447"
words = ["accident", "abîm*"]
names = ["vol AF447"]
entities = ["af447", "rio"]
date = "2009-06-01"
place = "atlantique"
source = "s"

[[event.figure]]
id = "morts"
unit = "mort"
value = 228
source = "s"

[[event]]
id = "jugement"
name = "Jugement du procès AF447"
words = ["relaxe", "jugement"]
entities = ["af447", "air-france"]
date = "2023-04-17"
place = "tribunal"
source = "s"

[[entity]]
id = "baikonour"
name = "Baïkonour"
kind = "place"
source = "s"

[[entity]]
id = "russie"
name = "Russie"
kind = "place"
source = "s"

[[entity]]
id = "saratov"
name = "Saratov"
kind = "place"
within = ["russie"]
source = "s"

[[entity]]
id = "engels"
name = "Engels"
kind = "place"
within = ["saratov"]
source = "s"

[[entity]]
id = "gagarine"
name = "Youri Gagarine"
kind = "person"
forms = ["Gagarine"]
source = "s"

[[entity]]
id = "vostok"
name = "Vostok 1"
kind = "organisation"
source = "s"

[[entity]]
id = "shepard"
name = "Alan Shepard"
kind = "person"
source = "s"

[[event]]
id = "vol-gagarine"
name = "Vol de Youri Gagarine"
words = ["vol", "lancement", "décoll*"]
names = ["vol de Gagarine"]
entities = ["gagarine", "vostok"]
date = "1961-04-12"
place = "baikonour"
participants = ["gagarine"]
source = "s"

[[event]]
id = "vol-shepard"
name = "Vol d'Alan Shepard"
words = ["vol", "lancement", "décoll*"]
entities = ["shepard"]
date = "1961-05-05"
participants = ["shepard"]
source = "s"

[[entity]]
id = "irlande-du-nord"
name = "Irlande du Nord"
kind = "place"
source = "s"

[[entity]]
id = "hillsborough"
name = "Hillsborough"
kind = "place"
within = ["irlande-du-nord"]
source = "s"

[[entity]]
id = "angleterre"
name = "Angleterre"
kind = "place"
source = "s"

[[entity]]
id = "londres"
name = "Londres"
kind = "place"
within = ["angleterre"]
source = "s"

[[entity]]
id = "sunningdale"
name = "Sunningdale"
kind = "place"
within = ["angleterre"]
source = "s"

[[entity]]
id = "thatcher"
name = "Margaret Thatcher"
kind = "person"
source = "s"

[[entity]]
id = "major"
name = "John Major"
kind = "person"
source = "s"

[[event]]
id = "anglo-irlandais"
name = "Accord anglo-irlandais"
words = ["accord", "sign*"]
names = ["accord anglo-irlandais"]
entities = ["hillsborough", "thatcher"]
date = "1985-11-15"
place = "hillsborough"
participants = ["thatcher"]
source = "s"

[[event]]
id = "referendum"
name = "Référendum nord-irlandais"
words = ["référendum"]
entities = ["irlande-du-nord"]
date = "1998-05-22"
source = "s"

[[event.figure]]
id = "oui"
unit = "%"
value = 71.1
source = "s"

[[entity]]
id = "roquefaval"
name = "Roquefaval"
kind = "place"
source = "s"

[[entity]]
id = "fontanieu"
name = "Isabelle Fontanieu"
kind = "person"
source = "s"

[[event]]
id = "ecoquartier"
name = "Vote de l'écoquartier de Roquefaval"
words = ["vot*", "adopt*", "approuv*"]
names = ["projet d'écoquartier"]
entities = ["roquefaval"]
date = "2025-03-27"
place = "roquefaval"
participants = ["fontanieu"]
source = "s"

[[event.figure]]
id = "pour"
unit = "voix"
role = "pour"
value = 21
source = "s"

[[event.figure]]
id = "logements-mars"
unit = "logement"
value = 120
as_of = "2025-03-27"
source = "s"

[[event.figure]]
id = "logements-octobre"
unit = "logement"
value = 96
as_of = "2025-10-14"
source = "s"
"#;

fn kinds(diags: &[crate::diagnostic::Diagnostic]) -> Vec<(String, String)> {
    [
        Kind::DateContradiction,
        Kind::LocationContradiction,
        Kind::ParticipantContradiction,
        Kind::NumberContradiction,
        Kind::AnniversaryMismatch,
    ]
    .into_iter()
    .flat_map(|k| of_kind(diags, k))
    .collect()
}

/// "reliant Rio de Janeiro à Paris": where the flight was going; "d'une
/// mission au Brésil": where the passenger had been; "s'abîmait à son
/// tour": another crash. "s'est abîmé à Paris" is still the crash's place.
#[test]
fn a_route_an_errand_and_another_crash_in_turn() {
    let diags = lint_texts(
        KIN,
        &[
            (
                "a.md",
                "---\ndate: 2023-04-17\n---\nL'Airbus reliant Rio de Janeiro à Paris s'est abîmé \
                 dans l'Atlantique le 1er juin 2009. Son fils rentrait d'une mission au Brésil à \
                 bord du vol AF447. Moins d'un mois après le Rio, le 30 juin 2009, un autre \
                 Airbus s'abîmait à son tour près de Rio : 152 morts.",
            ),
            (
                "b.md",
                "---\ndate: 2023-04-17\n---\nLe vol AF447 venu de Rio s'est abîmé à Paris le \
                 1er juin 2009.",
            ),
        ],
    );
    assert_eq!(
        kinds(&diags),
        [pair("b.md", "Paris")],
        "{}",
        summary(&diags)
    );
}

/// "qui a décollé vendredi de Baïkonour": a verb's "de" says where from,
/// it does not name the event, so a date sixty years off is another
/// flight's; "Ce vendredi 5 mai 1961, … le lancement de la fusée, quand
/// … le vol de Gagarine": the day of the other declared flight, and the
/// name in another clause is not the launch's; "le deuxième vol": not the
/// first; "son 34e anniversaire" after "lors d'un vol d'entraînement" is
/// no anniversary of the flight. "le vol de Gagarine, le 14 avril 1961"
/// is still a wrong date, and so is "le vol de la capsule Vostok 1 …
/// le 13 avril 1961" (a word of three letters is a trigger too).
#[test]
fn another_flight_by_its_day_its_rank_or_its_ship() {
    let diags = lint_texts(
        KIN,
        &[
            (
                "a.md",
                "---\ndate: 2021-04-12\n---\nYouri Gagarine s'envolait il y a soixante ans. Le \
                 vaisseau Soyouz, qui a décollé vendredi de Baïkonour, a été baptisé « Youri \
                 Gagarine ».",
            ),
            (
                "b.md",
                "---\ndate: 2021-04-12\n---\nCe vendredi 5 mai 1961, des millions d'Américains \
                 avaient suivi le lancement de la fusée, quand les Soviétiques n'avaient annoncé \
                 le vol de Gagarine qu'une fois en orbite. Sa doublure effectuera en août 1961 le \
                 deuxième vol habité soviétique depuis Baïkonour, avec Youri Gagarine en soutien.",
            ),
            (
                "c.md",
                "---\ndate: 2021-04-12\n---\nLe vol de Gagarine, le 14 avril 1961, a duré 108 \
                 minutes.",
            ),
            (
                "d.md",
                "---\ndate: 2021-04-12\n---\nLe vol de la capsule Vostok 1 lancée de Baïkonour \
                 le 13 avril 1961 avait stupéfié le monde.",
            ),
            (
                "e.md",
                "---\ndate: 2021-04-12\n---\nYouri Gagarine a décollé de Baïkonour le 12 avril \
                 1961. Il est mort le 27 mars 1968, lors d'un vol d'entraînement. Il venait de \
                 fêter son 34e anniversaire.",
            ),
        ],
    );
    assert_eq!(
        kinds(&diags),
        [pair("c.md", "14 avril 1961"), pair("d.md", "13 avril 1961")],
        "{}",
        summary(&diags)
    );
}

/// "Huit ans après l'accord de Hillsborough, … la déclaration, signée à
/// Londres par John Major": measured from the agreement, the sentence
/// reports something else; "l'accord de Sunningdale, en 1973, puis
/// l'accord anglo-irlandais, signé en 1985 à Hillsborough": the first is
/// another agreement. "signé à Londres par Margaret Thatcher" is still a
/// wrong place for it.
#[test]
fn an_agreement_measured_from_or_listed_before_its_own_name() {
    let diags = lint_texts(
        KIN,
        &[
            (
                "a.md",
                "---\ndate: 2023-04-10\n---\nHuit ans après l'accord de Hillsborough, le 15 \
                 décembre 1993, la déclaration de Downing Street, signée à Londres par John \
                 Major, ouvre la voie.",
            ),
            (
                "b.md",
                "---\ndate: 2023-04-10\n---\nLes tentatives avaient échoué : l'accord de \
                 Sunningdale, en 1973, puis l'accord anglo-irlandais, signé en 1985 à \
                 Hillsborough par Margaret Thatcher.",
            ),
            (
                "c.md",
                "---\ndate: 2023-04-10\n---\nL'accord anglo-irlandais a été signé à Londres par \
                 Margaret Thatcher le 15 novembre 1985.",
            ),
        ],
    );
    assert_eq!(
        kinds(&diags),
        [pair("c.md", "Londres")],
        "{}",
        summary(&diags)
    );
}

/// "une participation record de 81 %" is not the yes vote; "du
/// référendum nord-irlandais de samedi" dates the vote, a day off; "dont
/// le 28e anniversaire tombe ce jeudi" counts from the agreement just
/// named, whatever the sentence's subject; "dont le 40e anniversaire
/// tombera en novembre" is the anniversary's month, not the signing's.
#[test]
fn rates_a_hyphenated_adjective_and_anniversaries_after_dont() {
    let diags = lint_texts(
        KIN,
        &[
            (
                "a.md",
                "---\ndate: 1998-05-25\n---\n71,1 % des électeurs d'Irlande du Nord ont dit oui \
                 lors du référendum, avec une participation record de 81 %. Tony Blair s'est \
                 félicité dimanche du résultat du référendum nord-irlandais de samedi.",
            ),
            (
                "b.md",
                "---\ndate: 2013-11-14\n---\nL'exposition ouvre ses portes jeudi, veille \
                 anniversaire de l'accord anglo-irlandais, dont le 27e anniversaire tombe \
                 vendredi. Une salle est consacrée à l'accord anglo-irlandais, dont le 28e \
                 anniversaire tombera en novembre 2013.",
            ),
        ],
    );
    assert_eq!(
        kinds(&diags),
        [pair("a.md", "samedi"), pair("b.md", "27e anniversaire")],
        "{}",
        summary(&diags)
    );
}

/// "dont 36 logements sociaux": a part of the count before it; "alors fort
/// de 120 logements": the figure of the vote's time; "déposé lundi en
/// mairie de Roquefaval par Claire Vidal": the agent of the filing;
/// "déjà approuvé sur le principe le 12 décembre 2024": an earlier stage;
/// "Le vote de principe … avait réuni 30 voix": another vote, whose
/// figures are not the vote before's. The tally at the end of a long
/// sentence ("par 23 voix pour") is still the vote's.
#[test]
fn parts_earlier_figures_stages_and_a_distant_tally() {
    let diags = lint_texts(
        KIN,
        &[
            (
                "a.md",
                "---\ndate: 2025-11-20\n---\nLe conseil municipal de Roquefaval avait adopté le \
                 27 mars le projet d'écoquartier, alors fort de 120 logements, par 21 voix pour. \
                 Le programme compte 96 logements, dont 36 logements sociaux.",
            ),
            (
                "b.md",
                "---\ndate: 2025-04-01\n---\nLe recours contre le vote du projet d'écoquartier \
                 a été déposé lundi en mairie de Roquefaval par Claire Vidal. Deux dossiers \
                 dominent : le projet d'écoquartier, déjà approuvé sur le principe le jeudi 12 \
                 décembre 2024.",
            ),
            (
                "c.md",
                "---\ndate: 2025-03-28\n---\nLe projet d'écoquartier a été adopté par 21 voix \
                 pour à Roquefaval. Le vote de principe, le 12 décembre 2024, avait réuni 30 \
                 voix pour.",
            ),
            (
                "d.md",
                "---\ndate: 2025-03-28\n---\nLe conseil municipal de Roquefaval a adopté jeudi \
                 soir le projet d'écoquartier, un programme de 120 logements sur les anciens \
                 terrains maraîchers du nord de la commune, par 23 voix pour.",
            ),
        ],
    );
    assert_eq!(kinds(&diags), [pair("d.md", "23")], "{}", summary(&diags));
}

/// "le tribunal correctionnel de Toulouse a prononcé la relaxe": the venue
/// as the subject says where the judgement was given; "près d'Engels, dans
/// la région de Saratov": where the flight ended, not where it left from.
#[test]
fn a_venue_as_subject_and_a_place_in_apposition() {
    let diags = lint_texts(
        KIN,
        &[
            (
                "a.md",
                "---\ndate: 2023-04-18\n---\nLe 17 avril 2023, le tribunal correctionnel de \
                 Toulouse a prononcé la relaxe d'Air France.",
            ),
            (
                "b.md",
                "---\ndate: 2021-04-12\n---\nLe 12 avril 1961, Youri Gagarine a décollé de \
                 Baïkonour ; son vol s'achevait dans un champ près d'Engels, dans la région de \
                 Saratov.",
            ),
        ],
    );
    assert_eq!(
        kinds(&diags),
        [pair("a.md", "Toulouse")],
        "{}",
        summary(&diags)
    );
}

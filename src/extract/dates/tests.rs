use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn all(text: &str, publication: Option<NaiveDate>) -> Vec<DateMention> {
    let lines = LineIndex::new(text);
    extract(
        text,
        0,
        text,
        &lines,
        publication.map(Publication::metadata),
    )
}

fn texts(text: &str) -> Vec<String> {
    all(text, None).into_iter().map(|m| m.text).collect()
}

fn one_at(text: &str, publication: Option<NaiveDate>) -> DateMention {
    let found = all(text, publication);
    assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn one(text: &str) -> DateMention {
    one_at(text, None)
}

fn value(m: &DateMention) -> (NaiveDate, NaiveDate, Granularity) {
    let v = m.value.unwrap_or_else(|| panic!("no value: {m:#?}"));
    (v.first, v.last, v.granularity)
}

fn days(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate, Granularity) {
    (first, last, Granularity::Day)
}

fn day(x: NaiveDate) -> (NaiveDate, NaiveDate, Granularity) {
    (x, x, Granularity::Day)
}

const P: Option<NaiveDate> = NaiveDate::from_ymd_opt(2024, 6, 20); // a Thursday

// ----- absolute -----

#[test]
fn full_date() {
    let m = one("Le 19 juin 2024, Poutine a signé.");
    assert_eq!(m.text, "19 juin 2024");
    assert_eq!(m.form, DateForm::Absolute);
    assert_eq!(m.anchor, Anchor::Absolute);
    assert_eq!(value(&m), day(d(2024, 6, 19)));
    assert_eq!(
        m.partial,
        PartialDate {
            year: Some(2024),
            month: Some(6),
            day: Some(19),
            weekday: None
        }
    );
    assert_eq!(m.weekday_conflict, None);
}

#[test]
fn first_of_the_month() {
    assert_eq!(value(&one("le 1er septembre 2025")), day(d(2025, 9, 1)));
    assert_eq!(one("le 1er septembre 2025").text, "1er septembre 2025");
    assert_eq!(
        value(&one("le 1\u{1d49}\u{2b3} janvier 2024")),
        day(d(2024, 1, 1))
    );
}

#[test]
fn numeric_dates_are_day_month_year() {
    for text in ["13/09/2023", "13.09.2023", "13-09-2023", "2023-09-13"] {
        let m = one(&format!("signé le {text}."));
        assert_eq!(m.text, text);
        assert_eq!(m.form, DateForm::Absolute);
        assert_eq!(value(&m), day(d(2023, 9, 13)), "{text}");
    }
    assert!(texts("le 31/02/2023, le 13/13/2023, v1.2.2023, 12/09/20234").is_empty());
}

/// Issue 12: "mercredi 12 octobre" in an article of October 2023 (a
/// Thursday then) passed, as only dates written with their year were
/// checked.
#[test]
fn weekday_of_a_date_whose_year_the_publication_gives() {
    let at = |text: &str, y, m, day| one_at(text, Some(d(y, m, day)));
    let wrong = at("réunion mercredi 12 octobre", 2023, 10, 20);
    assert_eq!(value(&wrong), day(d(2023, 10, 12)));
    assert_eq!(wrong.weekday_conflict, Some(Weekday::Wed));
    assert_eq!(
        at("réunion jeudi 12 octobre", 2023, 10, 20).weekday_conflict,
        None
    );
    // Without a publication date the year is unknown: nothing to check.
    assert_eq!(one("réunion mercredi 12 octobre").weekday_conflict, None);
    // A range: each weekday against its own day.
    let range = at("les mardi 18 et mercredi 19 juin", 2024, 6, 21);
    assert_eq!(range.weekday_conflict, None);
    let range = at("les mardi 18 et jeudi 19 juin", 2024, 6, 21);
    assert_eq!(range.weekday_conflict, Some(Weekday::Thu));
}

/// A weekday that does not fit the publication's year but fits the
/// year the narrative just gave is that year's day, not a slip.
#[test]
fn a_weekday_that_fits_the_narrative_year_takes_it() {
    let text = "C'est le samedi 20 juillet 1969 que le module s'est posé. \
                Il était 3 h 56, le lundi 21 juillet.";
    let found = all(text, Some(d(2019, 7, 20)));
    let monday = found.iter().find(|m| m.text == "lundi 21 juillet").unwrap();
    assert_eq!(value(monday), day(d(1969, 7, 21)));
    assert_eq!(monday.anchor, Anchor::EarlierDate);
    assert_eq!(monday.weekday_conflict, None);
    // A weekday that fits neither year stays a slip of the publication's.
    let text = "C'est le samedi 20 juillet 1969 que le module s'est posé. \
                Il était 3 h 56, le mardi 21 juillet.";
    let found = all(text, Some(d(2019, 7, 20)));
    let tuesday = found.iter().find(|m| m.text == "mardi 21 juillet").unwrap();
    assert_eq!(value(tuesday), day(d(2019, 7, 21)));
    assert_eq!(tuesday.weekday_conflict, Some(Weekday::Tue));
    // The day may be the standfirst's, a paragraph before.
    let text = "Le 9 novembre 1989, le Mur est tombé.\n\nIl m'appelle vers 20 heures, ce jeudi 9 novembre.";
    let found = all(text, Some(d(2019, 11, 7)));
    let thursday = found
        .iter()
        .find(|m| m.text == "ce jeudi 9 novembre")
        .unwrap();
    assert_eq!(value(thursday), day(d(1989, 11, 9)));
    assert_eq!(thursday.weekday_conflict, None);
    // A year alone, or a day two paragraphs back, says nothing of it.
    for text in [
        "L'usine fut inaugurée en 1974. Les salariés partiront lundi 1er avril.",
        "Le 3 avril 1974, rien.\n\nRien.\n\nLes salariés partiront lundi 1er avril.",
    ] {
        let found = all(text, Some(d(2025, 3, 28)));
        let monday = found.iter().find(|m| m.text == "lundi 1er avril").unwrap();
        assert_eq!(value(monday), day(d(2025, 4, 1)), "{text}");
        assert_eq!(monday.weekday_conflict, Some(Weekday::Mon), "{text}");
    }
}

#[test]
fn weekday_with_a_full_date() {
    let m = one("Kim est arrivé mercredi 13 septembre 2023 à Vostotchny.");
    assert_eq!(m.text, "mercredi 13 septembre 2023");
    assert_eq!(m.form, DateForm::Absolute);
    assert_eq!(m.partial.weekday, Some(Weekday::Wed));
    assert_eq!(m.weekday_conflict, None);
    assert_eq!(value(&m), day(d(2023, 9, 13)));
    let wrong = one("le mercredi 14 septembre 2023");
    assert_eq!(wrong.text, "mercredi 14 septembre 2023");
    assert_eq!(wrong.weekday_conflict, Some(Weekday::Wed));
    assert_eq!(value(&wrong), day(d(2023, 9, 14)));
    assert_eq!(one("Mercredi 13/09/2023").weekday_conflict, None);
}

#[test]
fn month_and_year() {
    let m = one("En mars 2022, Pyongyang s'est opposé");
    assert_eq!(m.text, "En mars 2022");
    assert_eq!(m.form, DateForm::Absolute);
    assert_eq!(
        value(&m),
        (d(2022, 3, 1), d(2022, 3, 31), Granularity::Month)
    );
    assert_eq!(one("le conflit de février 2022").text, "février 2022");
    assert_eq!(one("mars 2022").text, "mars 2022");
    assert_eq!(value(&one("fin fevrier 2024")).1, d(2024, 2, 29));
}

#[test]
fn years_need_a_word_that_makes_them_dates() {
    for (text, want, since) in [
        ("une entente instaurée en 1961 entre Kim", "en 1961", false),
        ("le traité de 1961 est", "de 1961", false),
        ("le traité (1961) est", "1961", false),
        ("— Dirigeant nord-coréen, Pékin, 2025\n", "2025", false),
        ("une première depuis 1953)", "depuis 1953", true),
        ("Depuis 2022, la guerre", "Depuis 2022", true),
        ("dès 2019 les", "dès 2019", false),
        ("jusqu'en 2025.", "jusqu'en 2025", true),
        ("jusqu’en 2025.", "jusqu’en 2025", true),
        ("avant 2019,", "avant 2019", true),
        ("après 2019.", "après 2019", true),
        ("l'an 2000", "l'an 2000", false),
        ("d'ici 2026, le réseau", "d'ici 2026", true),
    ] {
        let m = one(text);
        assert_eq!(m.text, want, "{text}");
        assert_eq!(
            m.form,
            if since {
                DateForm::Bound
            } else {
                DateForm::Absolute
            },
            "{text}"
        );
        let y = m.partial.year.unwrap();
        assert_eq!(
            value(&m),
            (d(y, 1, 1), d(y, 12, 31), Granularity::Year),
            "{text}"
        );
        assert_eq!(m.anchor, Anchor::Absolute);
    }
}

#[test]
fn numbers_that_are_not_years() {
    for text in [
        "1 500 soldats",
        "1\u{202f}961 soldats",
        "2000 personnes sont mortes",
        "l'épidémie de Covid-19.",
        "le G20 de 2019 personnes",
        "l'article 4 du traité",
        "le 80e anniversaire",
        "le XXe siècle",
        "plus de 2000 soldats",
        "près de 1900 morts",
        "de 2000 à 3000 soldats",
        "depuis 2000 ans",
        "en 2000 exemplaires",
        "de 1900 km",
        "à 18 heures",
        "à 18h30",
        "18 h 30",
        "deux jours",
        "deux heures et demie",
        "en 2019,5 % des cas",
        "il avait 2019 ans",
        "2023",
        "la crise 2008 a",
        "de 2024.5",
    ] {
        assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
    }
}

#[test]
fn year_ranges() {
    let m = one("la guerre de Corée (1950-1953) a");
    assert_eq!(m.text, "1950-1953");
    assert_eq!(m.form, DateForm::Range);
    assert_eq!(
        value(&m),
        (d(1950, 1, 1), d(1953, 12, 31), Granularity::Year)
    );
    assert_eq!(one("de 2019 à 2022,").text, "de 2019 à 2022");
    assert_eq!(one("entre 2019 et 2022,").text, "entre 2019 et 2022");
}

// ----- seasons, parts, decades -----

#[test]
fn seasons() {
    for (text, want, first, last) in [
        ("l'été 2024", "l'été 2024", d(2024, 6, 21), d(2024, 9, 22)),
        ("l’ete 2024", "l’ete 2024", d(2024, 6, 21), d(2024, 9, 22)),
        (
            "un été 2024 chaud",
            "été 2024",
            d(2024, 6, 21),
            d(2024, 9, 22),
        ),
        (
            "au printemps 2023",
            "au printemps 2023",
            d(2023, 3, 20),
            d(2023, 6, 20),
        ),
        (
            "à l'automne 2022",
            "à l'automne 2022",
            d(2022, 9, 23),
            d(2022, 12, 20),
        ),
        (
            "l'hiver 2022",
            "l'hiver 2022",
            d(2022, 12, 21),
            d(2023, 3, 19),
        ),
        (
            "l'hiver 2022-2023",
            "l'hiver 2022-2023",
            d(2022, 12, 21),
            d(2023, 3, 19),
        ),
    ] {
        let m = one(text);
        assert_eq!(m.text, want);
        assert_eq!(m.form, DateForm::Absolute);
        assert_eq!(value(&m), (first, last, Granularity::Season), "{text}");
    }
    let since = one("Depuis l’été 2024, ce territoire");
    assert_eq!(since.text, "Depuis l’été 2024");
    assert_eq!(since.form, DateForm::Bound);
    assert_eq!(value(&since).0, d(2024, 6, 21));
    assert!(texts("il a été 2024 fois, n'a été 2019").is_empty());
    assert!(texts("il a été élu. Un été chaud.").is_empty());
    let last = one_at("l'été dernier", P);
    assert_eq!(last.form, DateForm::Relative);
    assert_eq!(value(&last).0, d(2023, 6, 21));
    assert_eq!(
        value(&one_at("l'été dernier", Some(d(2024, 10, 1)))).0,
        d(2024, 6, 21)
    );
    assert_eq!(value(&one_at("cet été", P)).0, d(2024, 6, 21));
    assert_eq!(one("cet été").form, DateForm::Relative);
    let autumn = one_at("succéder à Stoltenberg à l'automne, depuis", P);
    assert_eq!(autumn.text, "à l'automne");
    assert_eq!(autumn.form, DateForm::Partial);
    assert_eq!(value(&autumn).0, d(2024, 9, 23));
    assert_eq!(one("au printemps").anchor, Anchor::Unresolved);
    assert_eq!(one("dès l'hiver").text, "dès l'hiver");
    assert!(texts("en été, l'été, au printemps arabe, à l'automne de sa vie").is_empty());
}

#[test]
fn parts_of_years_and_months() {
    for (text, want, first, last, g) in [
        (
            "fin 2023",
            "fin 2023",
            d(2023, 10, 1),
            d(2023, 12, 31),
            Granularity::Season,
        ),
        (
            "à la fin de 2023",
            "à la fin de 2023",
            d(2023, 10, 1),
            d(2023, 12, 31),
            Granularity::Season,
        ),
        (
            "début 2024",
            "début 2024",
            d(2024, 1, 1),
            d(2024, 3, 31),
            Granularity::Season,
        ),
        (
            "au debut de l'année 2024",
            "au debut de l'année 2024",
            d(2024, 1, 1),
            d(2024, 3, 31),
            Granularity::Season,
        ),
        (
            "mi-2024",
            "mi-2024",
            d(2024, 5, 1),
            d(2024, 8, 31),
            Granularity::Season,
        ),
        (
            "à la mi-2024",
            "à la mi-2024",
            d(2024, 5, 1),
            d(2024, 8, 31),
            Granularity::Season,
        ),
        (
            "début mars 2024",
            "début mars 2024",
            d(2024, 3, 1),
            d(2024, 3, 10),
            Granularity::Week,
        ),
        (
            "mi-mars 2024",
            "mi-mars 2024",
            d(2024, 3, 11),
            d(2024, 3, 20),
            Granularity::Week,
        ),
        (
            "fin mars 2024",
            "fin mars 2024",
            d(2024, 3, 21),
            d(2024, 3, 31),
            Granularity::Week,
        ),
        (
            "à la fin du mois de mars 2024",
            "à la fin du mois de mars 2024",
            d(2024, 3, 21),
            d(2024, 3, 31),
            Granularity::Week,
        ),
    ] {
        let m = one(text);
        assert_eq!(m.text, want);
        assert_eq!(value(&m), (first, last, g), "{text}");
    }
    let partial = one_at("mi-mars", P);
    assert_eq!(partial.form, DateForm::Partial);
    assert_eq!(
        value(&partial),
        (d(2024, 3, 11), d(2024, 3, 20), Granularity::Week)
    );
    assert_eq!(one("fin mars").value, None);
    assert_eq!(one("fin mars").partial.month, Some(3));
}

#[test]
fn decades() {
    let m = one("dans les années 1950, Kim");
    assert_eq!(m.text, "dans les années 1950");
    assert_eq!(m.form, DateForm::Absolute);
    assert_eq!(
        value(&m),
        (d(1950, 1, 1), d(1959, 12, 31), Granularity::Decade)
    );
    assert_eq!(one("les années 1950").text, "années 1950");
    assert_eq!(value(&one("les années 50")).0, d(1950, 1, 1));
    assert_eq!(
        value(&one("au début des années 1990")),
        (d(1990, 1, 1), d(1993, 12, 31), Granularity::Decade)
    );
    assert!(texts("ces dernières années, des années 1955").is_empty());
}

// ----- partial -----

#[test]
fn day_without_year() {
    let m = one("Poutine a entamé, ce 18 juin, une visite");
    assert_eq!(m.text, "ce 18 juin");
    assert_eq!(m.form, DateForm::Partial);
    assert_eq!(m.value, None);
    assert_eq!(m.anchor, Anchor::Unresolved);
    assert_eq!(
        m.partial,
        PartialDate {
            year: None,
            month: Some(6),
            day: Some(18),
            weekday: None
        }
    );
    let m = one_at("le 18 juin", P);
    assert_eq!(m.text, "18 juin");
    assert_eq!(m.anchor, Anchor::Publication);
    assert_eq!(value(&m), day(d(2024, 6, 18)));
    // the most recent 18 June...
    assert_eq!(
        value(&one_at("le 18 juin", Some(d(2024, 3, 1)))),
        day(d(2023, 6, 18))
    );
    assert_eq!(
        value(&one_at("le 18 décembre", Some(d(2024, 1, 10)))),
        day(d(2023, 12, 18))
    );
    // ...unless it is almost a year back and the coming one is near
    assert_eq!(
        value(&one_at("le 18 juin", Some(d(2024, 6, 10)))),
        day(d(2024, 6, 18))
    );
    assert_eq!(
        value(&one_at("le 18 juin dernier", Some(d(2024, 6, 18)))),
        day(d(2023, 6, 18))
    );
    assert_eq!(
        value(&one_at("le 18 juin prochain", Some(d(2024, 6, 18)))),
        day(d(2025, 6, 18))
    );
    assert_eq!(
        value(&one_at("le 29 février", Some(d(2025, 3, 1)))),
        day(d(2024, 2, 29))
    );
}

#[test]
fn month_without_year() {
    let m = one("le premier missile envoyé dès janvier, soulignant");
    assert_eq!(m.text, "dès janvier");
    assert_eq!(m.form, DateForm::Partial);
    assert_eq!(m.partial.month, Some(1));
    assert_eq!(m.anchor, Anchor::Unresolved);
    let april = one_at("en avril", P);
    assert_eq!(
        value(&april),
        (d(2024, 4, 1), d(2024, 4, 30), Granularity::Month)
    );
    assert_eq!(value(&one_at("en septembre", P)).0, d(2023, 9, 1));
    assert_eq!(value(&one_at("en juillet", P)).0, d(2024, 7, 1));
    assert!(texts("mars, Mars, sur Mars, en Mars, mai").is_empty());
    assert_eq!(texts("au mois de juin"), ["au mois de juin"]);
}

// ----- relative -----

#[test]
fn yesterday_today_tomorrow() {
    for (text, want, offset) in [
        ("Il a déclaré hier que", "hier", -1),
        ("avant-hier soir", "avant-hier", -2),
        ("Aujourd'hui, Poutine arrive", "Aujourd'hui", 0),
        ("il a annoncé aujourd'hui que", "aujourd'hui", 0),
        ("il part demain.", "demain", 1),
        ("Hier encore, la télévision", "Hier", -1),
        ("après-demain matin", "après-demain", 2),
    ] {
        let m = one_at(text, P);
        assert_eq!(m.text, want);
        assert_eq!(m.form, DateForm::Relative);
        assert_eq!(m.anchor, Anchor::Publication);
        assert_eq!(value(&m), day(d(2024, 6, 20) + TimeDelta::days(offset)));
        let m = one(text);
        assert_eq!((m.value, m.anchor), (None, Anchor::Unresolved));
    }
    for idiom in [
        "ne date pas d'aujourd'hui",
        "résonne encore aujourd'hui",
        "Aujourd'hui comme hier, la Russie",
        "hier et aujourd'hui",
        "aujourd'hui encore",
        "le monde de demain",
        "les enjeux d'hier",
        "jusqu'à aujourd'hui",
        "ces héritages façonnent aujourd’hui les interactions",
        "la Russie est aujourd'hui isolée",
    ] {
        assert!(texts(idiom).is_empty(), "{idiom}: {:?}", texts(idiom));
    }
}

#[test]
fn weekdays() {
    let m = one("Poutine et Kim se sont rencontrés mercredi dans la région");
    assert_eq!(m.text, "mercredi");
    assert_eq!(m.form, DateForm::Relative);
    assert_eq!(m.partial.weekday, Some(Weekday::Wed));
    assert_eq!(m.anchor, Anchor::Unresolved);
    assert_eq!(value(&one_at("mercredi", P)), day(d(2024, 6, 19)));
    assert_eq!(value(&one_at("jeudi", P)), day(d(2024, 6, 20)));
    let last = one_at(
        "À ce moment, vendredi dernier, le gouvernement",
        Some(d(2024, 6, 21)),
    );
    assert_eq!(last.text, "vendredi dernier");
    assert_eq!(value(&last), day(d(2024, 6, 14)));
    assert_eq!(value(&one_at("lundi prochain", P)), day(d(2024, 6, 24)));
    assert_eq!(
        value(&one_at("lundi prochain", Some(d(2024, 6, 24)))),
        day(d(2024, 7, 1))
    );
    assert_eq!(value(&one_at("ce mercredi", P)), day(d(2024, 6, 19)));
    assert_eq!(one("ce mercredi").text, "ce mercredi");
    // "ce vendredi" is the nearer of the last and the next: on Tuesday 5
    // March 2024, Friday 8 March; on Monday, the Sunday before.
    let tuesday = Some(d(2024, 3, 5));
    assert_eq!(
        value(&one_at("ce vendredi à 12h", tuesday)),
        day(d(2024, 3, 8))
    );
    assert_eq!(value(&one_at("vendredi", tuesday)), day(d(2024, 3, 1)));
    assert_eq!(
        value(&one_at("ce dimanche", Some(d(2024, 3, 4)))),
        day(d(2024, 3, 3))
    );
    let with_day = one_at("mercredi 13, Kim", Some(d(2023, 9, 20)));
    assert_eq!(with_day.form, DateForm::Partial);
    assert_eq!(value(&with_day), day(d(2023, 9, 13)));
    assert_eq!(texts("mercredi 18 heures"), ["mercredi"]);
}

#[test]
fn weekday_words_that_are_not_dates() {
    for text in [
        "Robinson et Vendredi",
        "la famille Mercredi",
        "les mercredis",
        "chaque mercredi",
        "tous les mercredis",
        "le mercredi, il nage",
        "du lundi au vendredi",
        "Vendredi saint",
        "mardi gras",
        "samedis, dimanches",
        "lundiste",
    ] {
        assert!(texts(text).is_empty(), "{text}: {:?}", texts(text));
    }
}

#[test]
fn a_night_runs_over_both_days() {
    let p = Some(d(2013, 7, 7));
    let night = all("a déraillé dans la nuit de vendredi à samedi, à 1 h 15.", p);
    assert_eq!(night.len(), 1, "{night:?}");
    assert_eq!(night[0].text, "vendredi à samedi");
    assert_eq!(value(&night[0]), days(d(2013, 7, 5), d(2013, 7, 6)));
    // Not a night: both days stand.
    assert_eq!(texts("de vendredi à samedi, le festival").len(), 2);
}

#[test]
fn weeks_months_years_back() {
    let week = one_at("la semaine dernière", P);
    assert_eq!(week.text, "la semaine dernière");
    assert_eq!(
        value(&week),
        (d(2024, 6, 10), d(2024, 6, 16), Granularity::Week)
    );
    assert_eq!(value(&one_at("la semaine prochaine", P)).0, d(2024, 6, 24));
    assert_eq!(value(&one_at("cette semaine", P)).0, d(2024, 6, 17));
    let month = one_at("le mois dernier", P);
    assert_eq!(month.text, "le mois dernier");
    assert_eq!(
        value(&month),
        (d(2024, 5, 1), d(2024, 5, 31), Granularity::Month)
    );
    assert_eq!(
        value(&one_at("le mois dernier", Some(d(2024, 1, 5)))).0,
        d(2023, 12, 1)
    );
    assert_eq!(value(&one_at("ce mois-ci", P)).0, d(2024, 6, 1));
    let april = one_at("En avril dernier, la Russie", P);
    assert_eq!(april.text, "En avril dernier");
    assert_eq!(april.form, DateForm::Relative);
    assert_eq!(value(&april).0, d(2024, 4, 1));
    assert_eq!(
        value(&one_at("en avril dernier", Some(d(2024, 4, 15)))).0,
        d(2023, 4, 1)
    );
    assert_eq!(value(&one_at("en juin prochain", P)).0, d(2025, 6, 1));
    for text in ["l'année dernière", "l'an dernier", "l’année passée"] {
        let m = one_at(text, P);
        assert_eq!(m.text, text);
        assert_eq!(m.form, DateForm::Relative);
        assert_eq!(
            value(&m),
            (d(2023, 1, 1), d(2023, 12, 31), Granularity::Year)
        );
    }
    assert_eq!(value(&one_at("l'an prochain", P)).0, d(2025, 1, 1));
    assert_eq!(value(&one_at("cette année", P)).0, d(2024, 1, 1));
    let end = one_at("car à la fin de l'année dernière, la Maison Blanche", P);
    assert_eq!(end.text, "à la fin de l'année dernière");
    assert_eq!(
        value(&end),
        (d(2023, 10, 1), d(2023, 12, 31), Granularity::Season)
    );
    assert_eq!(
        value(&one_at("en fin d'année dernière", P)).0,
        d(2023, 10, 1)
    );
    assert!(texts("un an, par an, cette année-là, l'année, deux ans").is_empty());
}

#[test]
fn ago() {
    let two = one_at("il y a deux ans", P);
    assert_eq!(two.text, "il y a deux ans");
    assert_eq!(two.form, DateForm::Relative);
    assert_eq!(
        value(&two),
        (d(2021, 12, 20), d(2022, 12, 20), Granularity::Year)
    );
    assert_eq!(value(&one_at("il y a 3 jours", P)), day(d(2024, 6, 17)));
    assert_eq!(
        value(&one_at("il y a un mois", P)),
        (d(2024, 5, 5), d(2024, 6, 4), Granularity::Month)
    );
    assert_eq!(
        value(&one_at("il y a deux semaines", P)),
        (d(2024, 6, 3), d(2024, 6, 9), Granularity::Week)
    );
    assert_eq!(
        one_at("Il y a vingt ans", P).partial,
        PartialDate::default()
    );
    assert_eq!(value(&one_at("il y a trente ans", P)).0, d(1993, 12, 20));
    assert_eq!(
        value(&one_at("il y a soixante-dix ans", P)).0,
        d(1953, 12, 20)
    );
    assert_eq!(
        value(&one_at("il y a près de 70 ans", P)).0,
        d(1953, 12, 20)
    );
    assert_eq!(one("il y a une semaine").anchor, Anchor::Unresolved);
    assert!(
        texts("S'il y a quelque chose, il y a des gens, il y a deux heures, avril y a").is_empty()
    );
}

// ----- ranges -----

#[test]
fn day_ranges() {
    let m = one("du 18 au 19 juin 2024, Poutine");
    assert_eq!(m.text, "du 18 au 19 juin 2024");
    assert_eq!(m.form, DateForm::Range);
    assert_eq!(m.anchor, Anchor::Absolute);
    assert_eq!(value(&m), days(d(2024, 6, 18), d(2024, 6, 19)));
    assert_eq!(
        m.partial,
        PartialDate {
            year: Some(2024),
            month: Some(6),
            day: Some(19),
            weekday: None
        }
    );
    for (text, first, last) in [
        ("18–19 juin 2024", d(2024, 6, 18), d(2024, 6, 19)),
        ("18-19 juin 2024", d(2024, 6, 18), d(2024, 6, 19)),
        (
            "entre le 18 et le 19 juin 2024",
            d(2024, 6, 18),
            d(2024, 6, 19),
        ),
        ("du 27 au 28 février 2019", d(2019, 2, 27), d(2019, 2, 28)),
        (
            "du 18 juin au 2 juillet 2024",
            d(2024, 6, 18),
            d(2024, 7, 2),
        ),
        (
            "du 30 décembre au 2 janvier 2024",
            d(2023, 12, 30),
            d(2024, 1, 2),
        ),
        (
            "du lundi 17 au mercredi 19 juin 2024",
            d(2024, 6, 17),
            d(2024, 6, 19),
        ),
        ("27 et 28 février 2019", d(2019, 2, 27), d(2019, 2, 28)),
    ] {
        let m = one(&format!("les {text}"));
        assert_eq!(m.text, text);
        assert_eq!(m.form, DateForm::Range);
        assert_eq!(value(&m), days(first, last), "{text}");
    }
    let partial = one("les 18-19 juin");
    assert_eq!(partial.text, "18-19 juin");
    assert_eq!((partial.value, partial.anchor), (None, Anchor::Unresolved));
    assert_eq!(partial.partial.day, Some(19));
    let resolved = one_at("18-19 juin", Some(d(2024, 7, 1)));
    assert_eq!(value(&resolved), days(d(2024, 6, 18), d(2024, 6, 19)));
    assert_eq!(resolved.anchor, Anchor::Publication);
    assert_eq!(
        one("lors du Conseil des 27 et 28 juin.").text,
        "27 et 28 juin"
    );
    // no range without its words, or backwards
    assert_eq!(texts("de 18 au 19 juin"), ["19 juin"]);
    assert!(texts("19-18 juin").is_empty());
}

// ----- text, spans, robustness -----

#[test]
fn longest_expressions_in_order_without_overlap() {
    let text = "Le mercredi 13 septembre 2023, puis du 18 au 19 juin 2024 et en 2019, mi-mars.";
    assert_eq!(
        texts(text),
        [
            "mercredi 13 septembre 2023",
            "du 18 au 19 juin 2024",
            "en 2019",
            "mi-mars"
        ]
    );
}

#[test]
fn accents_case_and_spaces() {
    for text in [
        "19 fevrier 2022",
        "19 FÉVRIER 2022",
        "19\u{a0}février\u{a0}2022",
        "19\u{202f}février 2022",
        "19 février\t2022",
        "19 fe\u{301}vrier 2022",
    ] {
        assert_eq!(value(&one(text)), day(d(2022, 2, 19)), "{text}");
    }
    assert_eq!(value(&one("le 15 aout 2024")), day(d(2024, 8, 15)));
    assert_eq!(value(&one("le 15 août 2024")), day(d(2024, 8, 15)));
    assert_eq!(value(&one("en decembre 2023")).0, d(2023, 12, 1));
    assert_eq!(value(&one("13 sept. 2023")), day(d(2023, 9, 13)));
    assert!(texts("Ils étaient sept. Le 19 sept fois").is_empty());
    // never across a line break
    assert_eq!(texts("le 19\njuin 2024"), ["juin 2024"]);
}

#[test]
fn spans_are_exact_with_accents_crlf_and_an_offset() {
    let text = "---\r\ndate: x\r\n---\r\nÀ Pékin, élu\r\nle 19 juin 2024 ; « ce 18 juin »\r\nÉté : l’été 2024";
    let offset = text.find("À").unwrap();
    let body = &text[offset..];
    let lines = LineIndex::new(text);
    let found = extract(text, offset, body, &lines, None);
    let got: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], m.span.line, m.span.column))
        .collect();
    assert_eq!(
        got,
        [
            ("19 juin 2024", 5, 4),
            ("ce 18 juin", 5, 21),
            ("l’été 2024", 6, 7)
        ]
    );
    for m in &found {
        assert_eq!(m.text, &text[m.span.start..m.span.end]);
    }
}

use crate::extract::test_rng::Rng;

const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\u{a0}",
    "\u{202f}",
    "\r\n",
    "\n",
    "-",
    "–",
    "/",
    ".",
    ",",
    "'",
    "’",
    "(",
    ")",
    "1",
    "1er",
    "13",
    "19",
    "31",
    "0",
    "2024",
    "1961",
    "2100",
    "1799",
    "99999999999999999999999",
    "juin",
    "Juin",
    "févr",
    "sept",
    "fevrier",
    "mercredi",
    "Mercredi",
    "dernier",
    "prochain",
    "hier",
    "avant",
    "aujourd",
    "hui",
    "demain",
    "semaine",
    "mois",
    "an",
    "année",
    "années",
    "été",
    "l",
    "hiver",
    "fin",
    "début",
    "mi",
    "de",
    "du",
    "au",
    "et",
    "le",
    "ce",
    "en",
    "depuis",
    "dès",
    "entre",
    "il",
    "y",
    "a",
    "deux",
    "un",
    "soixante",
    "ans",
    "jours",
    "é",
    "e\u{301}",
    "\u{301}",
    "ᵉʳ",
    "°",
    "€",
    "%",
    "\u{feff}",
    "😀",
    "Ω",
];

fn check(text: &str, publication: Option<NaiveDate>) {
    let found = all(text, publication);
    let mut end = 0;
    for m in &found {
        assert!(m.span.start >= end, "overlap in {text:?}: {found:#?}");
        assert_eq!(m.text, &text[m.span.start..m.span.end]);
        if let Some(v) = m.value {
            assert!(v.first <= v.last);
        }
        end = m.span.end;
    }
}

#[test]
fn never_panics_on_random_text() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3000 {
        let n = (rng.next() % 40) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        let publication = match round % 3 {
            0 => None,
            1 => NaiveDate::from_ymd_opt(2024, 2, 29),
            _ => Some(NaiveDate::MIN),
        };
        check(&text, publication);
        check(&text, Some(NaiveDate::MAX));
    }
    for _ in 0..300 {
        let bytes: Vec<u8> = (0..(rng.next() % 200)).map(|_| rng.next() as u8).collect();
        check(&String::from_utf8_lossy(&bytes), P);
    }
}

#[test]
fn long_input_is_linear_and_exact() {
    let unit = "Le 19 juin 2024, ce 18 juin, mercredi, en 1961 et 1 500 soldats ; l’été 2024.\r\n";
    let text = unit.repeat(20_000);
    let found = all(&text, P);
    assert_eq!(found.len(), 5 * 20_000);
    assert_eq!(found.last().unwrap().span.line, 20_000);
    let one_line = unit.replace("\r\n", " ").repeat(5_000);
    assert_eq!(all(&one_line, None).len(), 5 * 5_000);
}

#[test]
fn corpus_mentions() {
    let cases: &[(&str, &[&str])] = &[
        (
            include_str!("../../../corpus/alliance-pekin.txt"),
            &[
                "Depuis l’été 2024",
                "En avril dernier",
                "en février 2022",
                "2025",
            ],
        ),
        (
            include_str!("../../../corpus/heritage-staline-khrouchtchev.txt"),
            &["19 juin 2024", "19 juin 2024"],
        ),
        (
            include_str!("../../../corpus/kim-poutine-amour.txt"),
            &[
                "mercredi",
                "En mars 2022",
                "en 2019",
                "en 2019",
                "vendredi dernier",
                "à la fin de l'année dernière",
                "depuis 1953",
            ],
        ),
        (
            include_str!("../../../corpus/poutine-pyongyang.txt"),
            &["ce 18 juin", "dès janvier"],
        ),
        (
            include_str!("../../../corpus/renforcement-liens.txt"),
            &["en 1961"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(texts(text), *want);
    }
}

/// The weekday says which year a day without one is in: a coarser date
/// of the paragraph ("à l'automne 2023, du 16 octobre au vendredi 15
/// décembre"), or the months just after the publication ("fermé
/// jusqu'au lundi 18 décembre", in October).
#[test]
fn a_weekday_picks_the_paragraphs_year_or_the_months_ahead() {
    let text = "Le tunnel a été fermé à l'automne 2023, du 16 octobre au vendredi 15 décembre.";
    let found = all(text, Some(d(2025, 7, 16)));
    let range = found
        .iter()
        .find(|m| m.text.ends_with("vendredi 15 décembre"))
        .unwrap();
    assert_eq!(value(range), days(d(2023, 10, 16), d(2023, 12, 15)));
    assert_eq!(range.weekday_conflict, None);
    let text = "Le tunnel est fermé depuis ce lundi 16 octobre et jusqu'au lundi 18 décembre.";
    let found = all(text, Some(d(2023, 10, 16)));
    let monday = found
        .iter()
        .find(|m| m.text == "lundi 18 décembre")
        .unwrap();
    assert_eq!(value(monday), day(d(2023, 12, 18)));
    assert_eq!(monday.weekday_conflict, None);
    // A weekday that fits neither stays a slip.
    let found = all(
        "Le tunnel est fermé jusqu'au mardi 18 décembre.",
        Some(d(2023, 10, 16)),
    );
    assert!(found[0].weekday_conflict.is_some(), "{found:?}");
    // "samedi au palais" is a day; "du lundi au vendredi" is every week.
    assert_eq!(
        texts("Un colloque s'est tenu samedi au palais."),
        ["samedi"]
    );
}

/// A day guessed to come soon after the publication whose weekday fits
/// only the year gone by is that year's ("Lors du vote, le jeudi 14
/// mars", in January 2025: 14 March 2024 was a Thursday).
#[test]
fn a_weekday_that_fits_only_the_year_gone_by_takes_it() {
    let found = all(
        "Lors du vote, le jeudi 14 mars, l'estimation était prudente.",
        Some(d(2025, 1, 20)),
    );
    assert_eq!(value(&found[0]), day(d(2024, 3, 14)));
    assert_eq!(found[0].weekday_conflict, None);
    // Without a weekday, the soon-to-come guess stands.
    let found = all("Le vote aura lieu le 14 mars.", Some(d(2025, 1, 20)));
    assert_eq!(value(&found[0]), day(d(2025, 3, 14)));
}

/// A day of the week just gone stays that day, its weekday a slip, even
/// in the future tense: "Ce vendredi 17 novembre restera une date",
/// published on Friday 18 November 2016 (the 17th was a Thursday; 17
/// November 2017 is a Friday, a year ahead).
#[test]
fn a_day_just_gone_keeps_its_year_against_its_weekday() {
    let found = all(
        "Ce vendredi 17 novembre restera une date pour Rouen.",
        Some(d(2016, 11, 18)),
    );
    assert_eq!(value(&found[0]), day(d(2016, 11, 17)), "{found:?}");
    assert!(found[0].weekday_conflict.is_some(), "{found:?}");
}

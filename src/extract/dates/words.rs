//! Expressions anchored on a word: weekdays, "hier", "semaine", "année",
//! decades, seasons, "il y a".

use super::*;

/// Before a weekday alone: a habit or an indefinite day, not a date.
pub(super) const HABITUAL: &[(&[&str], ())] = &[
    (&["chaque"], ()),
    (&["tous", "les"], ()),
    (&["les"], ()),
    (&["un"], ()),
    (&["le"], ()),
    (&["au"], ()),
];

pub(super) const WEEKDAY_LEADS: &[(&[&str], bool)] = &[
    (&["ce"], false),
    (&["dès"], false),
    (&["depuis"], true),
    (&["depuis", "ce"], true),
];

/// Whether a day number is followed by an hour ("mercredi 18 heures").
pub(super) fn time_after(s: &str, pos: usize) -> bool {
    next_tok(s, pos)
        .is_some_and(|n| n.is("h") || n.is("heure") || n.is("heures") || n.k == K::Colon)
}

pub(super) fn weekday_core(s: &str, t: Tok, w: Weekday, floor: usize) -> Option<Found> {
    if t.upper && !sentence_start(s, t.start) {
        // "Robinson et Vendredi", "Mercredi Addams"
        return None;
    }
    let next = next_tok(s, t.end);
    let back = Back::new(s, t.start, floor);
    let (start, since) = match back.longest(s, 0, WEEKDAY_LEADS) {
        Some((since, len)) => (back.start_of(0, len, t.start), since),
        None => (t.start, false),
    };
    if let Some(n) = next
        && n.k == K::Num
        && num_left_ok(s, &n)
    {
        if let Some((y, m, d, end)) = numeric_ymd(s, &n) {
            return Some(Found {
                start,
                end,
                what: What::Day {
                    y: Some(y),
                    m,
                    d,
                    rel: Rel::Plain,
                },
                weekday: Some(w),
                since,
            });
        }
        if let Some(f) = day_expr(s, t, floor) {
            return Some(f);
        }
        if let Some((d, dend)) = day_number(s, &n)
            && !time_after(s, dend)
        {
            return Some(Found {
                start,
                end: dend,
                what: What::Weekday {
                    w,
                    d: Some(d),
                    rel: Rel::Plain,
                    night: false,
                },
                weekday: None,
                since,
            });
        }
    }
    // "s'est tenu samedi au palais" is a day; "du lundi au vendredi" is
    // every week.
    let to_weekday = |n: &Tok| {
        n.is("au")
            && next_tok(s, n.end)
                .is_some_and(|x| x.k == K::Word && matches!(keyword(x.w()), Some(Kw::Weekday(_))))
    };
    if let Some(n) = next
        && (n.is("saint") || n.is("gras") || to_weekday(&n))
    {
        // "vendredi saint", "mardi gras", "du lundi au vendredi"
        return None;
    }
    // "dans la nuit de vendredi à samedi": one mention of both days,
    // written from the first weekday to the second.
    if let Some(n) = next
        && s.get(n.start..n.end) == Some("à")
        && let Some(second) = next_tok(s, n.end)
            .filter(|x| x.k == K::Word && matches!(keyword(x.w()), Some(Kw::Weekday(_))))
        && back.ends_with(s, 0, &["nuit", "de"])
    {
        return Some(Found {
            start,
            end: second.end,
            what: What::Weekday {
                w,
                d: None,
                rel: Rel::Plain,
                night: true,
            },
            weekday: None,
            since,
        });
    }
    let mut end = t.end;
    let mut rel = Rel::Plain;
    if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        rel = r;
        end = n.end;
    } else if back.longest(s, 0, HABITUAL).is_some() {
        return None;
    } else if s[start..t.start].trim().eq_ignore_ascii_case("ce") {
        rel = Rel::This;
    }
    Some(Found {
        start,
        end,
        what: What::Weekday {
            w,
            d: None,
            rel,
            night: false,
        },
        weekday: None,
        since,
    })
}

/// Leads before "hier", "demain", "aujourd'hui", "la semaine dernière"...
pub(super) const REL_LEADS: &[(&[&str], bool)] = &[(&["depuis"], true), (&["dès"], false)];

pub(super) fn rel_lead(s: &str, back: &Back, from: usize, default: usize) -> (usize, bool) {
    match back.longest(s, from, REL_LEADS) {
        Some((since, len)) => (back.start_of(from, len, default), since),
        None => (default, false),
    }
}

/// Set phrases where "hier", "demain", "aujourd'hui" are not dates: "le
/// monde d'hier", "encore aujourd'hui", "comme hier", "à demain".
pub(super) const IDIOM_BEFORE: &[(&[&str], ())] = &[
    (&["d", "'"], ()),
    (&["de"], ()),
    (&["du"], ()),
    (&["comme"], ()),
    (&["qu", "'"], ()),
    (&["que"], ()),
    (&["encore"], ()),
    (&["à"], ()),
    (&["jusqu", "'", "a"], ()),
];

/// "aujourd'hui comme hier", "hier et aujourd'hui", "aujourd'hui encore":
/// the past and the present, not days.
pub(super) fn idiom_around(s: &str, back: &Back, used: usize, end: usize, today: bool) -> bool {
    let linker = |x: &Tok| x.is("et") || x.is("comme") || x.is("ou");
    let other = |x: &Tok, forward: bool| {
        if today {
            x.is("hier") || x.is("demain")
        } else if forward {
            x.is("aujourd")
        } else {
            x.is("hui")
        }
    };
    let before = back.get(used).is_some_and(|x| linker(&x))
        && back.get(used + 1).is_some_and(|x| other(&x, false));
    // "aujourd'hui encore" is nowadays, "hier encore" a day
    let after = next_tok(s, end).is_some_and(|n| {
        today && n.is("encore") || linker(&n) && next_tok(s, n.end).is_some_and(|x| other(&x, true))
    });
    before || after
}

pub(super) fn day_offset(
    s: &str,
    t: Tok,
    end: usize,
    floor: usize,
    compound: &[&str],
    far: i64,
    near: i64,
) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let (delta, used) = if back.ends_with(s, 0, compound) {
        (far, compound.len())
    } else {
        (near, 0)
    };
    if back.longest(s, used, IDIOM_BEFORE).is_some() || idiom_around(s, &back, used, end, near == 0)
    {
        return None;
    }
    let start = back.start_of(0, used, t.start);
    let (start, since) = rel_lead(s, &back, used, start);
    Some(Found {
        start,
        end,
        what: What::DayOffset(delta),
        weekday: None,
        since,
    })
}

pub(super) fn hier_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    day_offset(s, t, t.end, floor, &["avant", "-"], -2, -1)
}

pub(super) fn demain_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    day_offset(s, t, t.end, floor, &["apres", "-"], 2, 1)
}

pub(super) fn aujourd_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let a = glued(s, &t)?;
    let h = glued(s, &a)?;
    if a.k != K::Apos || !h.is("hui") {
        return None;
    }
    // "today" opens a sentence or follows a past participle ("a annoncé
    // aujourd'hui"); after a verb in the present it is "nowadays" ("ces
    // héritages façonnent aujourd'hui les interactions").
    let dated = sentence_start(s, t.start)
        || prev_tok(s, t.start).is_some_and(|p| {
            let raw = s[p.start..p.end].to_lowercase();
            p.k == K::Word && (raw == "dès" || raw == "depuis" || looks_like_participle(&raw))
        });
    if !dated {
        return None;
    }
    day_offset(s, t, h.end, floor, &[], 0, 0)
}

/// A past participle: "annoncé", "arrivées", "parti", "venu", "dit".
pub(super) fn looks_like_participle(word: &str) -> bool {
    const NOT: &[&str] = &[
        "plus", "nous", "vous", "tous", "sous", "lui", "qui", "ici", "aussi", "parmi", "jusqu",
        "ni", "si", "mais", "puis", "alors", "tu", "du", "lu", "ou",
    ];
    word.chars().count() > 2
        && !NOT.contains(&word)
        && [
            "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite",
            "its",
        ]
        .iter()
        .any(|end| word.ends_with(end))
}

pub(super) fn semaine_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let next = next_tok(s, t.end);
    let (delta, end, used) = if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        let used = usize::from(back.ends_with(s, 0, &["la"]));
        (if r == Rel::Last { -1 } else { 1 }, n.end, used)
    } else if back.ends_with(s, 0, &["cette"]) && !next.is_some_and(|n| n.k == K::Hyphen) {
        (0, t.end, 1)
    } else {
        return None;
    };
    let (start, since) = rel_lead(s, &back, used, back.start_of(0, used, t.start));
    Some(Found {
        start,
        end,
        what: What::Week(delta),
        weekday: None,
        since,
    })
}

pub(super) fn mois_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let next = next_tok(s, t.end);
    let (delta, end, used) = if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        let used = usize::from(back.ends_with(s, 0, &["le"]));
        (if r == Rel::Last { -1 } else { 1 }, n.end, used)
    } else if back.ends_with(s, 0, &["ce"]) {
        match next {
            // "ce mois de juin": the month's own mention
            Some(n) if n.is("de") || n.is("d") => return None,
            Some(n) if n.k == K::Hyphen => {
                let ci = next_tok(s, n.end)?;
                if !ci.is("ci") {
                    return None;
                }
                (0, ci.end, 1)
            }
            _ => (0, t.end, 1),
        }
    } else {
        return None;
    };
    let (start, since) = rel_lead(s, &back, used, back.start_of(0, used, t.start));
    Some(Found {
        start,
        end,
        what: What::MonthOffset(delta),
        weekday: None,
        since,
    })
}

/// "l'année 2019", "l'année dernière", "l'an dernier", "cette année", "à
/// la fin de l'année dernière", "fin de l'année 2023".
pub(super) fn annee_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let is_an = t.is("an");
    let back = Back::new(s, t.start, floor);
    let (article, this) = if back.ends_with(s, 0, &["l", "'"]) {
        (2, false)
    } else if !is_an && back.ends_with(s, 0, &["cette"]) {
        (1, true)
    } else {
        (0, false)
    };
    if is_an && article == 0 {
        return None;
    }
    let next = next_tok(s, t.end);
    // (a year written, or an offset from the publication's), and the end
    let (year, offset, end) = if !this && let Some((y, ye)) = year_after_checked(s, t.end) {
        (Some(y), 0, ye)
    } else if !this
        && let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        (None, if r == Rel::Last { -1 } else { 1 }, n.end)
    } else if this && !next.is_some_and(|n| n.k == K::Hyphen) {
        (None, 0, t.end)
    } else {
        return None;
    };
    let (part, plen) = back
        .longest(s, article, &YEAR_PARTS)
        .map_or((None, 0), |(p, l)| (Some(p), l));
    let start = back.start_of(0, article + plen, t.start);
    let (start, kind) = lead(s, &back, article + plen, start, false);
    Some(Found {
        start,
        end,
        what: match year {
            Some(y) => What::Year { y, part },
            None => What::YearOffset {
                delta: offset,
                part,
            },
        },
        weekday: None,
        since: kind == Some(Lead::Since),
    })
}

/// What the words before "années" say: (part, whether they belong to the
/// mention, since).
pub(super) type DecadeQual = (Option<Part>, bool, bool);

pub(super) const DECADE_QUALS: &[(&[&str], DecadeQual)] = &[
    (&["les"], (None, false, false)),
    (&["des"], (None, false, false)),
    (&["dans", "les"], (None, true, false)),
    (&["pendant", "les"], (None, true, false)),
    (&["durant", "les"], (None, true, false)),
    (&["au", "cours", "des"], (None, true, false)),
    (&["depuis", "les"], (None, true, true)),
    (&["au", "debut", "des"], (Some(Part::Debut), true, false)),
    (&["debut", "des"], (Some(Part::Debut), true, false)),
    (&["a", "la", "fin", "des"], (Some(Part::Fin), true, false)),
    (&["fin", "des"], (Some(Part::Fin), true, false)),
    (&["au", "milieu", "des"], (Some(Part::Mi), true, false)),
    (&["milieu", "des"], (Some(Part::Mi), true, false)),
];

pub(super) fn annees_core(s: &str, t: Tok, floor: usize) -> Option<Found> {
    let n = next_tok(s, t.end)?;
    if n.k != K::Num
        || n.val % 10 != 0
        || glued(s, &n).is_some_and(|g| matches!(g.k, K::Word | K::Num))
    {
        return None;
    }
    let y = match n.len() {
        4 => year_value(n.val).filter(|&y| y <= 2090)?,
        2 if n.val >= 10 => 1900 + n.val as i32,
        _ => return None,
    };
    let back = Back::new(s, t.start, floor);
    let (part, start, since) = match back.longest(s, 0, DECADE_QUALS) {
        Some(((part, true, since), len)) => (part, back.start_of(0, len, t.start), since),
        _ => (None, t.start, false),
    };
    Some(Found {
        start,
        end: n.end,
        what: What::Decade { y, part },
        weekday: None,
        since,
    })
}

/// Before a season: its article (all of it belongs to the mention).
pub(super) const SEASON_ARTICLES: &[(&[&str], ())] = &[
    (&["l", "'"], ()),
    (&["a", "l", "'"], ()),
    (&["au"], ()),
    (&["en"], ()),
    (&["cet"], ()),
    (&["ce"], ()),
];

/// "a été": the past participle, not the season.
pub(super) const AUXILIARIES: &[&str] = &[
    "a", "as", "ai", "ont", "avait", "avaient", "avais", "aura", "auront", "aurait", "auraient",
    "ayant", "avoir", "avons", "avez", "eut", "ait", "aient", "aurais", "auriez", "aurions",
    "avions", "aviez", "eu", "aie", "jamais", "pas", "deja", "toujours", "souvent", "peut",
    "aurai", "auras",
];

pub(super) fn season_core(s: &str, t: Tok, se: Season, floor: usize) -> Option<Found> {
    let back = Back::new(s, t.start, floor);
    let next = next_tok(s, t.end);
    let article = back.longest(s, 0, SEASON_ARTICLES).map_or(0, |(_, l)| l);
    let this = back.ends_with(s, 0, &["cet"]) || back.ends_with(s, 0, &["ce"]);
    // "à l'automne", "au printemps", "dès l'automne": the season of the
    // publication's year ("en été", "l'été" alone are too often general)
    let partial = !this
        && (back.ends_with(s, 0, &["a", "l", "'"])
            || back.ends_with(s, 0, &["au"])
            || back.ends_with(s, 0, &["l", "'"])
                && matches!(
                    lead(s, &back, 2, 0, false).1,
                    Some(Lead::Strong | Lead::Since)
                ))
        && !next
            .is_some_and(|n| n.is("arabe") || n.is("de") || n.is("du") || n.is("des") || n.is("d"));
    let (y, rel, mut end) = if let Some((y, ye)) = year_after_checked(s, t.end) {
        (Some(y), Rel::Plain, ye)
    } else if let Some(n) = next
        && let Some(r) = rel_word(&n)
    {
        (None, r, n.end)
    } else if this || partial {
        (None, Rel::Plain, t.end)
    } else {
        return None;
    };
    if let Some(y) = y
        && se == Season::Hiver
        && let Some(h) = next_tok(s, end)
        && matches!(h.k, K::Hyphen | K::Dash | K::Slash)
        && let Some((y2, ye2)) = year_after(s, h.end)
        && y2 == y + 1
    {
        end = ye2;
    }
    if article == 0
        && se == Season::Ete
        && back
            .get(0)
            .is_some_and(|p| AUXILIARIES.contains(&p.w()) || p.k == K::Apos)
    {
        // "a été 2024 fois", "n'a été"
        return None;
    }
    let start = back.start_of(0, article, t.start);
    let (start, kind) = lead(s, &back, article, start, false);
    Some(Found {
        start,
        end,
        what: What::Season {
            s: se,
            y,
            rel,
            this,
        },
        weekday: None,
        since: kind == Some(Lead::Since),
    })
}

/// "il y a deux ans", "il y a 3 jours", "il y a près de 70 ans".
pub(super) fn ago_core(s: &str, t: Tok) -> Option<Found> {
    let y = next_tok(s, t.end).filter(|x| x.is("y"))?;
    let a = next_tok(s, y.end).filter(|x| x.is("a"))?;
    let mut n = next_tok(s, a.end)?;
    for _ in 0..2 {
        let skip = match n.w() {
            "plus" | "pres" | "moins" => {
                let de = next_tok(s, n.end)?;
                if de.is("de") {
                    Some(de.end)
                } else if de.is("d") {
                    glued(s, &de).filter(|x| x.k == K::Apos).map(|x| x.end)
                } else {
                    None
                }
            }
            "environ" | "presque" | "quelque" => Some(n.end),
            "au" => next_tok(s, n.end).filter(|x| x.is("moins")).map(|x| x.end),
            _ => None,
        };
        match skip {
            Some(e) => n = next_tok(s, e)?,
            None => break,
        }
    }
    let (count, after) = match n.k {
        K::Num if n.len() <= 4 && glued(s, &n).is_none_or(|g| g.k != K::Word) => (n.val, n.end),
        K::Word => {
            let (v, e) = crate::extract::numbers::word_number(s, n, true)?;
            (v, e)
        }
        _ => return None,
    };
    let count = u32::try_from(count).ok().filter(|&c| c >= 1)?;
    let u = next_tok(s, after)?;
    let unit = match u.w() {
        "jour" | "jours" => AgoUnit::Day,
        "semaine" | "semaines" => AgoUnit::Week,
        "mois" => AgoUnit::Month,
        "an" | "ans" | "annee" | "annees" => AgoUnit::Year,
        _ => return None,
    };
    Some(Found {
        start: t.start,
        end: u.end,
        what: What::Ago { n: count, unit },
        weekday: None,
        since: false,
    })
}

#!/usr/bin/env python3
"""Check the key of eval-events-blind14 (expected.toml) against its articles.

For every [[finding]] and [[clean]] entry: the file exists and `text` occurs
at least `nth` times (exact substring matches counted from the start of the
file, front matter included, as `factlint eval` counts them). Then: no clean
span of a kind overlaps a finding of that kind, no entry is listed twice,
each of the six kinds has exactly 8 planted findings, every clean span has a
kind and a note, and every article has a publication date (front matter
`date:` for Markdown, `metadata.toml` for plain text).

It also recomputes the calendar: every weekday-mismatch entry names the day
it means in its note ("[=YYYY-MM-DD]"); the day and month written must be
that day's, and its weekday must fit for a clean span and not fit for a
finding (Python's datetime). Every anniversary-mismatch entry names the
years it counts between ("[1918->2024]", or "[nocheck]" for a birthday,
which no event's year decides): N must equal the difference for a clean span
and differ from it for a finding.

Run from anywhere:  python3 tests/eval-events-blind14/check_key.py
Exit code 0 when everything holds, 1 otherwise.
"""
import datetime
import os
import re
import sys
import tomllib
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
KINDS = [
    "date-contradiction",
    "location-contradiction",
    "participant-contradiction",
    "number-contradiction",
    "weekday-mismatch",
    "anniversary-mismatch",
]
PLANTED_PER_KIND = 8
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def check_calendar(kind, text, note, is_finding, what, problems):
    """The weekday and anniversary arithmetic of one entry, recomputed."""
    if kind == "weekday-mismatch":
        m = re.search(r"\[=(\d{4}-\d{2}-\d{2})\]", note)
        if not m:
            problems.append(f"{what}: weekday entry without [=YYYY-MM-DD] in its note")
            return
        day = datetime.date.fromisoformat(m.group(1))
        low = text.lower()
        named = [w for w in WEEKDAYS if re.search(r"\b" + w + r"\b", low)]
        dm = re.search(r"(\d{1,2})(?:er)?\s+(" + "|".join(MONTHS) + r")", low)
        if len(named) != 1 or not dm:
            problems.append(f"{what}: no single weekday with a day and month")
            return
        if (int(dm.group(1)), MONTHS.index(dm.group(2)) + 1) != (day.day, day.month):
            problems.append(f"{what}: the text's day and month are not {day}")
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
        if year and int(year.group(1)) != day.year:
            problems.append(f"{what}: the text's year is not {day.year}")
        fits = WEEKDAYS[day.weekday()] == named[0]
        if fits == is_finding:
            problems.append(f"{what}: {day} is a {WEEKDAYS[day.weekday()]}; "
                            f"{'a finding must not fit' if is_finding else 'a clean span must fit'}")
    elif kind == "anniversary-mismatch":
        if "[nocheck]" in note:
            return
        m = re.search(r"\[(\d{4})->(\d{4})\]", note)
        n = re.match(r"(\d+)e", text)
        if not m or not n:
            problems.append(f"{what}: anniversary entry without [YYYY->YYYY] or an ordinal")
            return
        right = int(n.group(1)) == int(m.group(2)) - int(m.group(1))
        if right == is_finding:
            problems.append(f"{what}: {n.group(1)} against {m.group(1)}->{m.group(2)}; "
                            f"{'a finding must be wrong' if is_finding else 'a clean span must be right'}")


def occurrences(text, needle):
    """Start offsets of the non-overlapping matches of needle in text."""
    out, i = [], 0
    while True:
        j = text.find(needle, i)
        if j < 0:
            return out
        out.append(j)
        i = j + len(needle)


def main():
    with open(os.path.join(HERE, "expected.toml"), "rb") as fh:
        key = tomllib.load(fh)
    findings = key.get("finding", [])
    cleans = key.get("clean", [])
    problems = []
    texts = {}

    def locate(entry, what):
        f = entry.get("file")
        path = os.path.join(ARTICLES, f or "")
        if not f or not os.path.isfile(path):
            problems.append(f"{what}: no such article {f!r}")
            return None
        if f not in texts:
            with open(path, encoding="utf-8", newline="") as fh:
                texts[f] = fh.read()
        t = texts[f]
        needle = entry.get("text", "")
        nth = entry.get("nth", 1)
        if not needle:
            problems.append(f"{what}: empty text in {f}")
            return None
        occ = occurrences(t, needle)
        if len(occ) < nth:
            problems.append(f"{what}: {f}: {needle!r} occurs {len(occ)} times, nth = {nth}")
            return None
        start = occ[nth - 1]
        return (f, start, start + len(needle))

    spans = {"finding": [], "clean": []}
    for kind_of_entry, entries in (("finding", findings), ("clean", cleans)):
        for i, e in enumerate(entries):
            what = f"[[{kind_of_entry}]] #{i + 1} ({e.get('file')}: {e.get('text')!r})"
            kind = e.get("kind")
            if kind not in KINDS:
                problems.append(f"{what}: kind {kind!r} is not one of the six fact kinds")
            if not e.get("note"):
                problems.append(f"{what}: no note")
            unknown = set(e) - {"file", "kind", "text", "nth", "note"}
            if unknown:
                problems.append(f"{what}: unknown keys {sorted(unknown)}")
            span = locate(e, what)
            if span:
                spans[kind_of_entry].append((kind, span, what))
                check_calendar(kind, e.get("text", ""), e.get("note", ""),
                               kind_of_entry == "finding", what, problems)

    # no duplicate entries
    for kind_of_entry in spans:
        seen = Counter((k, s) for k, s, _ in spans[kind_of_entry])
        for (k, s), n in seen.items():
            if n > 1:
                problems.append(f"duplicate [[{kind_of_entry}]] of kind {k} at {s}")

    # a clean span of a kind must not overlap a finding of the same kind
    for ck, (cf, cs, ce), cwhat in spans["clean"]:
        for fk, (ff, fs, fe), fwhat in spans["finding"]:
            if ck == fk and cf == ff and cs < fe and fs < ce:
                problems.append(f"clean {cwhat} overlaps finding {fwhat} ({ck})")

    planted = Counter(k for k, _, _ in spans["finding"])
    clean = Counter(k for k, _, _ in spans["clean"])
    for k in KINDS:
        if planted[k] != PLANTED_PER_KIND:
            problems.append(f"{k}: {planted[k]} planted findings, expected {PLANTED_PER_KIND}")

    # publication dates
    meta = {}
    meta_path = os.path.join(ARTICLES, "metadata.toml")
    if os.path.isfile(meta_path):
        with open(meta_path, "rb") as fh:
            meta = tomllib.load(fh)
    words = {}
    for name in sorted(os.listdir(ARTICLES)):
        if not name.endswith((".md", ".txt")):
            continue
        with open(os.path.join(ARTICLES, name), encoding="utf-8", newline="") as fh:
            t = fh.read()
        body = t
        if name.endswith(".md"):
            m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", t, re.S)
            if not m or not re.search(r"^date:\s*\d{4}-\d{2}-\d{2}", m.group(1), re.M):
                problems.append(f"{name}: no front-matter date")
            else:
                body = t[m.end():]
        else:
            if not meta.get(name, {}).get("date"):
                problems.append(f"{name}: no date in metadata.toml")
        words[name] = len([w for w in body.split() if re.search(r"\w", w)])

    print(f"{'kind':28s} {'planted':>7s} {'clean':>6s}")
    for k in KINDS:
        print(f"{k:28s} {planted[k]:7d} {clean[k]:6d}")
    print(f"{'total':28s} {sum(planted.values()):7d} {sum(clean.values()):6d}")
    print(f"{len(words)} articles, {sum(words.values())} words of body text")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("key OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check the key of eval-events-blind10 (expected.toml) against its articles.

For every [[finding]] and [[clean]] entry: the file exists and `text` occurs
at least `nth` times (exact substring matches counted from the start of the
file, front matter included, as `factlint eval` counts them). Then: no clean
span of a kind overlaps a finding of that kind, no entry is listed twice,
each of the six kinds has exactly 8 planted findings, every entry has a kind
and a note, and every article has a publication date (front matter `date:`
for Markdown, `metadata.toml` for plain text).

Two checks of the facts themselves:
- every `weekday-mismatch` entry is recomputed with `datetime`: the text must
  hold "weekday day month [year]"; a day without a year is placed in the
  publication year, or the year before when that would put it more than two
  months after publication. A [[finding]] must name the wrong weekday, a
  [[clean]] the right one. Every "weekday day month" in the articles must be
  annotated one way or the other.
- every `anniversary-mismatch` entry's note must hold the subtraction it rests
  on, "YYYY + N = YYYY"; the sum must be right, and the ordinal written in
  `text` must equal N for a [[clean]] entry and differ from it for a
  [[finding]].

Run from anywhere:  python3 tests/eval-events-blind10/check_key.py
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
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "août", "septembre", "octobre", "novembre", "décembre"]
WEEKDAY_DATE = re.compile(
    r"\b(%s)\s+(1er|\d{1,2})\s+(%s)(?:\s+(\d{4}))?" % ("|".join(WEEKDAYS), "|".join(MONTHS)),
    re.I,
)
ORDINAL_WORDS = {
    "premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4,
    "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
    "dixième": 10, "onzième": 11, "douzième": 12, "quinzième": 15, "vingtième": 20,
}


def occurrences(text, needle):
    """Start offsets of the non-overlapping matches of needle in text."""
    out, i = [], 0
    while True:
        j = text.find(needle, i)
        if j < 0:
            return out
        out.append(j)
        i = j + len(needle)


def resolve_weekday_date(match, pub):
    """The date a "weekday day month [year]" match names, and its weekday as written."""
    wd, day, month, year = match.groups()
    day = 1 if day.lower() == "1er" else int(day)
    month = MONTHS.index(month.lower()) + 1
    if year:
        return datetime.date(int(year), month, day), wd.lower()
    date = datetime.date(pub.year, month, day)
    if date > pub + datetime.timedelta(days=62):
        date = datetime.date(pub.year - 1, month, day)
    return date, wd.lower()


def ordinal_in(text):
    m = re.search(r"\b(\d+)(?:e|er|ème)\b", text)
    if m:
        return int(m.group(1))
    for word, n in ORDINAL_WORDS.items():
        if re.search(r"\b%s\b" % word, text, re.I):
            return n
    return None


def main():
    with open(os.path.join(HERE, "expected.toml"), "rb") as fh:
        key = tomllib.load(fh)
    findings = key.get("finding", [])
    cleans = key.get("clean", [])
    problems = []
    texts = {}

    # publication dates
    meta = {}
    meta_path = os.path.join(ARTICLES, "metadata.toml")
    if os.path.isfile(meta_path):
        with open(meta_path, "rb") as fh:
            meta = tomllib.load(fh)
    pubs, words = {}, {}
    for name in sorted(os.listdir(ARTICLES)):
        if not name.endswith((".md", ".txt")):
            continue
        with open(os.path.join(ARTICLES, name), encoding="utf-8", newline="") as fh:
            t = fh.read()
        texts[name] = t
        body = t
        if name.endswith(".md"):
            m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", t, re.S)
            d = m and re.search(r"^date:\s*(\d{4}-\d{2}-\d{2})", m.group(1), re.M)
            if not d:
                problems.append(f"{name}: no front-matter date")
            else:
                pubs[name] = datetime.date.fromisoformat(d.group(1))
                body = t[m.end():]
        else:
            d = meta.get(name, {}).get("date")
            if not d:
                problems.append(f"{name}: no date in metadata.toml")
            else:
                pubs[name] = datetime.date.fromisoformat(str(d))
        words[name] = len([w for w in body.split() if re.search(r"\w", w)])

    def locate(entry, what):
        f = entry.get("file")
        if not f or f not in texts:
            problems.append(f"{what}: no such article {f!r}")
            return None
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
    weekday_spans = set()
    for kind_of_entry, entries in (("finding", findings), ("clean", cleans)):
        for i, e in enumerate(entries):
            what = f"[[{kind_of_entry}]] #{i + 1} ({e.get('file')}: {e.get('text')!r})"
            kind = e.get("kind")
            if kind not in KINDS:
                problems.append(f"{what}: kind {kind!r} is not one of the six fact kinds")
            note = e.get("note")
            if not note:
                problems.append(f"{what}: no note")
            unknown = set(e) - {"file", "kind", "text", "nth", "note"}
            if unknown:
                problems.append(f"{what}: unknown keys {sorted(unknown)}")
            span = locate(e, what)
            if not span:
                continue
            spans[kind_of_entry].append((kind, span, what))
            text = e["text"]
            if kind == "weekday-mismatch":
                m = WEEKDAY_DATE.search(text)
                if not m or span[0] not in pubs:
                    problems.append(f"{what}: not a 'weekday day month [year]' text")
                    continue
                date, written = resolve_weekday_date(m, pubs[span[0]])
                right = WEEKDAYS[date.weekday()] == written
                if kind_of_entry == "clean" and not right:
                    problems.append(f"{what}: {date} is a {WEEKDAYS[date.weekday()]}, the clean text says {written}")
                if kind_of_entry == "finding" and right:
                    problems.append(f"{what}: {date} is indeed a {written}; nothing to find")
                weekday_spans.add((span[0], span[1] + m.start()))
            if kind == "anniversary-mismatch":
                m = re.search(r"(\d{4}) \+ (\d+) = (\d{4})", note or "")
                n = ordinal_in(text)
                if not m:
                    problems.append(f"{what}: the note must hold the subtraction 'YYYY + N = YYYY'")
                elif int(m.group(1)) + int(m.group(2)) != int(m.group(3)):
                    problems.append(f"{what}: wrong sum in the note")
                elif n is None:
                    problems.append(f"{what}: no ordinal in the text")
                elif kind_of_entry == "clean" and n != int(m.group(2)):
                    problems.append(f"{what}: clean anniversary {n} but the note computes {m.group(2)}")
                elif kind_of_entry == "finding" and n == int(m.group(2)):
                    problems.append(f"{what}: planted anniversary {n} equals the right one")

    # every weekday with its date in the articles is annotated
    for name, t in texts.items():
        if name not in pubs:
            continue
        for m in WEEKDAY_DATE.finditer(t):
            if (name, m.start()) not in weekday_spans:
                date, written = resolve_weekday_date(m, pubs[name])
                problems.append(f"{name}: {m.group(0)!r} ({date}) has no weekday-mismatch entry")

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

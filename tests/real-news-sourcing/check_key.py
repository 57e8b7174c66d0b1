#!/usr/bin/env python3
"""Check the key of real-news-sourcing (expected.toml) against its articles.

Adapted from tests/eval-events-blind14/check_key.py (calendar checks dropped).
For every [[finding]] and [[clean]] entry: the file exists and `text` occurs
at least `nth` times (exact substring matches counted from the start of the
file, front matter included, as `factlint eval` counts them). Then: no clean
span of a kind overlaps a finding of that kind, no entry is listed twice,
every entry has one of the three sourcing kinds and a note, and every article
has a publication date in its front matter. Prints counts per kind and the
words of body text.

Run from anywhere:  python3 tests/real-news-sourcing/check_key.py [SET_DIR]
Exit code 0 when everything holds, 1 otherwise.
"""
import os
import re
import sys
import tomllib
from collections import Counter

# The set checked: this folder, or the one given as the first argument
# (tests/real-news-sourcing-2/check_key.py reuses this script that way).
HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
KINDS = ["anonymous-quote", "vague-attribution", "unsourced-claim"]


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
                problems.append(f"{what}: kind {kind!r} is not one of the three sourcing kinds")
            if not e.get("note"):
                problems.append(f"{what}: no note")
            unknown = set(e) - {"file", "kind", "text", "nth", "note"}
            if unknown:
                problems.append(f"{what}: unknown keys {sorted(unknown)}")
            span = locate(e, what)
            if span:
                spans[kind_of_entry].append((kind, span, what))

    # no duplicate entries (same kind and span), within and across finding/clean
    seen = Counter((k, s) for part in spans.values() for k, s, _ in part)
    for (k, s), n in seen.items():
        if n > 1:
            problems.append(f"duplicate entry of kind {k} at {s}")

    # a clean span of a kind must not overlap a finding of the same kind
    for ck, (cf, cs, ce), cwhat in spans["clean"]:
        for fk, (ff, fs, fe), fwhat in spans["finding"]:
            if ck == fk and cf == ff and cs < fe and fs < ce:
                problems.append(f"clean {cwhat} overlaps finding {fwhat} ({ck})")

    found = Counter(k for k, _, _ in spans["finding"])
    clean = Counter(k for k, _, _ in spans["clean"])

    # publication dates and words
    words, outlets = {}, set()
    for name in sorted(os.listdir(ARTICLES)):
        if not name.endswith((".md", ".txt")):
            continue
        with open(os.path.join(ARTICLES, name), encoding="utf-8", newline="") as fh:
            t = fh.read()
        m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", t, re.S)
        if not m or not re.search(r"^date:\s*\d{4}-\d{2}-\d{2}\s*$", m.group(1), re.M):
            problems.append(f"{name}: no front-matter date")
            body = t
        else:
            body = t[m.end():]
            o = re.search(r"^outlet:\s*(.+)$", m.group(1), re.M)
            if o:
                outlets.add(re.sub(r"\s*\(.*\)$", "", o.group(1).strip()))
        words[name] = len([w for w in body.split() if re.search(r"\w", w)])
    # every entry's file is an article and every article is annotated
    annotated = {s[0] for part in spans.values() for _, s, _ in part}
    for name in words:
        if name not in annotated:
            problems.append(f"{name}: no entry at all")

    print(f"{'kind':20s} {'finding':>7s} {'clean':>6s}")
    for k in KINDS:
        print(f"{k:20s} {found[k]:7d} {clean[k]:6d}")
    print(f"{'total':20s} {sum(found.values()):7d} {sum(clean.values()):6d}")
    print(f"{len(words)} articles, {sum(words.values())} words of body text, {len(outlets)} outlets")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("key OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

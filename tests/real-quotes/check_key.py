#!/usr/bin/env python3
"""Check the key of tests/real-quotes (expected.toml) against its articles.

For every [[finding]] and [[clean]] entry: the file exists, the kind is
`quote-mismatch`, there is a note, and `text` occurs at least `nth` times
(exact, non-overlapping substring matches counted from the start of the file,
front matter included, as `factlint eval` counts them). Then: no clean span
overlaps a finding, no entry is listed twice, every note carries at least one
`[q:ID]` tag and every tag is used in at least two different files, and every
article has a front-matter `date:` (YYYY-MM-DD), `title:`, `outlet:` and `url:`.

Run from anywhere:  python3 tests/real-quotes/check_key.py
Exit code 0 when everything holds, 1 otherwise.
"""
import os
import re
import sys
import tomllib
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
KIND = "quote-mismatch"
TAG = re.compile(r"\[q:([a-z0-9-]+)\]")


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
    tag_files = defaultdict(set)

    def locate(entry, what):
        f = entry.get("file")
        path = os.path.join(ARTICLES, f or "")
        if not f or not os.path.isfile(path):
            problems.append(f"{what}: no such article {f!r}")
            return None
        if f not in texts:
            with open(path, encoding="utf-8", newline="") as fh:
                texts[f] = fh.read()
        needle = entry.get("text", "")
        nth = entry.get("nth", 1)
        if not needle:
            problems.append(f"{what}: empty text in {f}")
            return None
        occ = occurrences(texts[f], needle)
        if len(occ) < nth:
            problems.append(f"{what}: {f}: {needle!r} occurs {len(occ)} times, nth = {nth}")
            return None
        start = occ[nth - 1]
        return (f, start, start + len(needle))

    spans = {"finding": [], "clean": []}
    for kind_of_entry, entries in (("finding", findings), ("clean", cleans)):
        for i, e in enumerate(entries):
            what = f"[[{kind_of_entry}]] #{i + 1} ({e.get('file')}: {e.get('text')!r})"
            if e.get("kind") != KIND:
                problems.append(f"{what}: kind {e.get('kind')!r} is not {KIND!r}")
            note = e.get("note", "")
            if not note:
                problems.append(f"{what}: no note")
            tags = TAG.findall(note)
            if not tags:
                problems.append(f"{what}: note has no [q:ID] tag")
            for t in tags:
                tag_files[t].add(e.get("file"))
            unknown = set(e) - {"file", "kind", "text", "nth", "note"}
            if unknown:
                problems.append(f"{what}: unknown keys {sorted(unknown)}")
            if kind_of_entry == "finding" and len(e.get("text", "").split()) < 4:
                problems.append(f"{what}: a finding needs a quotation of four words or more")
            span = locate(e, what)
            if span:
                spans[kind_of_entry].append((span, what))

    # no duplicate entries (within and across the two tables)
    seen = Counter(s for table in spans.values() for s, _ in table)
    for s, n in seen.items():
        if n > 1:
            problems.append(f"span {s} is listed {n} times")

    # a clean span must not overlap a finding
    for (cf, cs, ce), cwhat in spans["clean"]:
        for (ff, fs, fe), fwhat in spans["finding"]:
            if cf == ff and cs < fe and fs < ce:
                problems.append(f"clean {cwhat} overlaps finding {fwhat}")

    # every quotation tag recurs in two files at least
    for t, files in sorted(tag_files.items()):
        if len(files) < 2:
            problems.append(f"[q:{t}] is used in one file only ({sorted(files)})")

    # front matter and word counts
    words = {}
    for name in sorted(os.listdir(ARTICLES)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(ARTICLES, name), encoding="utf-8", newline="") as fh:
            t = fh.read()
        m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", t, re.S)
        if not m:
            problems.append(f"{name}: no front matter")
            continue
        fm = m.group(1)
        if not re.search(r"^date:\s*\d{4}-\d{2}-\d{2}\s*$", fm, re.M):
            problems.append(f"{name}: no front-matter date")
        for field in ("title", "outlet", "url"):
            if not re.search(rf"^{field}:\s*\S", fm, re.M):
                problems.append(f"{name}: no front-matter {field}")
        body = t[m.end():]
        words[name] = len([w for w in body.split() if re.search(r"\w", w)])

    annotated = {s[0] for table in spans.values() for s, _ in table}
    for name in words:
        if name not in annotated:
            problems.append(f"{name}: no entry in the key")

    print(f"{'quote-mismatch':16s} findings {len(spans['finding']):4d}   clean {len(spans['clean']):4d}")
    print(f"{len(tag_files)} quotation tags, "
          f"{sum(len(v) for v in tag_files.values())} tag-file pairs")
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

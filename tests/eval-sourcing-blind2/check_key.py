#!/usr/bin/env python3
"""Check the key of eval-sourcing-blind2 (expected.toml) against its articles.

For every [[finding]] and [[clean]] entry: the file exists, `text` occurs at
least `nth` times (exact substring matches counted from the start of the
file, front matter included, as `factlint eval` counts them), the kind is one
of the four sourcing kinds and the entry has a note. Then: no clean span of a
kind overlaps a finding of that kind, no entry is listed twice, each kind has
at least its minimum of planted findings and at least three clean spans per
finding, and every article has a publication date (front matter `date:` for
Markdown, `metadata.toml` for plain text).

quote-mismatch: every entry's note carries a tag [q:ID] (or [q:ID/part] for a
partial quote of ID, or [q:ID/other] for a quotation that only looks like
one). Every finding [q:ID] must have at least two clean twins tagged [q:ID]
in at least two other articles, all with the same words (whitespace collapsed,
so a twin may run over two hard-wrapped lines); the finding must
differ from them by at least one word, unless its note says [speaker] (the
same words given to another speaker), in which case the words are the same.
A [q:ID/part] clean span must be a piece of the faithful quotation (with any
"[…]" cut honoured).

Run from anywhere:  python3 tests/eval-sourcing-blind2/check_key.py
Exit code 0 when everything holds, 1 otherwise.
"""
import os
import re
import sys
import tomllib
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
KINDS = ["anonymous-quote", "vague-attribution", "unsourced-claim", "quote-mismatch"]
MIN_PLANTED = {"anonymous-quote": 22, "vague-attribution": 22,
               "unsourced-claim": 30, "quote-mismatch": 10}
CLEAN_RATIO = 3


def occurrences(text, needle):
    """Start offsets of the non-overlapping matches of needle in text."""
    out, i = [], 0
    while True:
        j = text.find(needle, i)
        if j < 0:
            return out
        out.append(j)
        i = j + len(needle)


def words(s):
    return re.findall(r"[\w’']+", s.lower().replace("’", "'"))


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
    qm = defaultdict(lambda: {"finding": [], "clean": [], "part": []})
    for kind_of_entry, entries in (("finding", findings), ("clean", cleans)):
        for i, e in enumerate(entries):
            what = f"[[{kind_of_entry}]] #{i + 1} ({e.get('file')}: {e.get('text')!r})"
            kind = e.get("kind")
            note = e.get("note", "")
            if kind not in KINDS:
                problems.append(f"{what}: kind {kind!r} is not one of the four sourcing kinds")
            if not note:
                problems.append(f"{what}: no note")
            unknown = set(e) - {"file", "kind", "text", "nth", "note"}
            if unknown:
                problems.append(f"{what}: unknown keys {sorted(unknown)}")
            span = locate(e, what)
            if span:
                spans[kind_of_entry].append((kind, span, what))
            if kind == "quote-mismatch":
                m = re.search(r"\[q:([A-Za-z0-9]+)(/part|/other)?\]", note)
                if not m:
                    problems.append(f"{what}: quote-mismatch entry without a [q:ID] tag")
                    continue
                qid, sub = m.group(1), m.group(2)
                if sub == "/part":
                    if kind_of_entry == "finding":
                        problems.append(f"{what}: a partial quote cannot be the finding")
                    qm[qid]["part"].append(e)
                elif sub == "/other":
                    if kind_of_entry == "finding":
                        problems.append(f"{what}: an /other quotation cannot be the finding")
                else:
                    qm[qid][kind_of_entry].append(e)

    for kind_of_entry in spans:
        seen = Counter((k, s) for k, s, _ in spans[kind_of_entry])
        for (k, s), n in seen.items():
            if n > 1:
                problems.append(f"duplicate [[{kind_of_entry}]] of kind {k} at {s}")

    for ck, (cf, cs, ce), cwhat in spans["clean"]:
        for fk, (ff, fs, fe), fwhat in spans["finding"]:
            if ck == fk and cf == ff and cs < fe and fs < ce:
                problems.append(f"clean {cwhat} overlaps finding {fwhat} ({ck})")

    # quote-mismatch twins
    for qid, g in sorted(qm.items()):
        # twins are compared with whitespace collapsed: a faithful quotation may run
        # over two lines of a hard-wrapped article
        faithful = {" ".join(e["text"].split()) for e in g["clean"]}
        files = {e["file"] for e in g["clean"]}
        if g["finding"] or g["clean"]:
            if len(faithful) > 1:
                problems.append(f"[q:{qid}]: faithful twins differ: {sorted(faithful)}")
        for f in g["finding"]:
            other_files = files - {f["file"]}
            if len(g["clean"]) < 2 or len(other_files) < 2:
                problems.append(f"[q:{qid}]: finding {f['text']!r} has fewer than two faithful "
                                f"twins in two other articles")
                continue
            twin = next(iter(faithful))
            same = words(twin) == words(f["text"])
            if "[speaker]" in f.get("note", ""):
                if not same:
                    problems.append(f"[q:{qid}]: a [speaker] finding must have the same words")
            elif same:
                problems.append(f"[q:{qid}]: finding {f['text']!r} has the same words as its twin")
        for p in g["part"]:
            if not faithful:
                continue
            twin = " ".join(words(next(iter(faithful))))
            for piece in re.split(r"\s*\[…\]\s*", p["text"]):
                if piece and " ".join(words(piece)) not in twin:
                    problems.append(f"[q:{qid}]: partial {p['text']!r} is not a piece of {twin!r}")

    planted = Counter(k for k, _, _ in spans["finding"])
    clean = Counter(k for k, _, _ in spans["clean"])
    for k in KINDS:
        if planted[k] < MIN_PLANTED[k]:
            problems.append(f"{k}: {planted[k]} planted findings, at least {MIN_PLANTED[k]} expected")
        if clean[k] < CLEAN_RATIO * planted[k]:
            problems.append(f"{k}: {clean[k]} clean spans, fewer than {CLEAN_RATIO}× {planted[k]}")

    meta = {}
    meta_path = os.path.join(ARTICLES, "metadata.toml")
    if os.path.isfile(meta_path):
        with open(meta_path, "rb") as fh:
            meta = tomllib.load(fh)
    nwords = {}
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
        nwords[name] = len([w for w in body.split() if re.search(r"\w", w)])

    print(f"{'kind':20s} {'planted':>7s} {'clean':>6s}")
    for k in KINDS:
        print(f"{k:20s} {planted[k]:7d} {clean[k]:6d}")
    print(f"{'total':20s} {sum(planted.values()):7d} {sum(clean.values()):6d}")
    print(f"{len(nwords)} articles, {sum(nwords.values())} words of body text")
    if "-v" in sys.argv:
        for n, w in nwords.items():
            print(f"  {n:45s} {w:5d}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("key OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks expected.toml against the articles, without running factlint.

Every annotated `text` must occur at least `nth` times in its file (exact
substring, front matter included); no [[clean]] span may overlap a
[[finding]] of the same kind; counts per kind are printed.
Usage: python3 tests/eval-events-blind6/check_key.py
"""
import collections, os, sys, tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
KINDS = ["date-contradiction", "location-contradiction", "participant-contradiction",
         "number-contradiction", "weekday-mismatch", "anniversary-mismatch"]

def occurrences(s, t):
    out, i = [], s.find(t)
    while i != -1:
        out.append(i)
        i = s.find(t, i + len(t))
    return out

key = tomllib.load(open(os.path.join(HERE, "expected.toml"), "rb"))
texts, spans, errors = {}, [], []
for typ in ("finding", "clean"):
    for e in key.get(typ, []):
        fn = e["file"]
        if fn not in texts:
            with open(os.path.join(ART, fn), "rb") as fh:
                texts[fn] = fh.read().decode("utf-8")
        occ = occurrences(texts[fn], e["text"])
        nth = e.get("nth", 1)
        if len(occ) < nth:
            errors.append(f"{fn}: {e['text']!r} occurs {len(occ)} times, nth = {nth}")
            continue
        if e.get("kind") not in KINDS:
            errors.append(f"{fn}: {e['text']!r}: kind {e.get('kind')!r} is not one of the six")
        start = occ[nth - 1]
        spans.append((typ, fn, e.get("kind"), start, start + len(e["text"]), e["text"]))
for c in (s for s in spans if s[0] == "clean"):
    for f in (s for s in spans if s[0] == "finding"):
        if c[1] == f[1] and c[2] == f[2] and c[3] < f[4] and f[3] < c[4]:
            errors.append(f"{c[1]}: clean {c[5]!r} overlaps the finding {f[5]!r} ({c[2]})")
count = collections.Counter((s[0], s[2]) for s in spans)
for k in KINDS:
    print(f"{k:27s} planted {count[('finding', k)]:3d}   clean {count[('clean', k)]:3d}")
print(f"{'total':27s} planted {sum(v for (t, _), v in count.items() if t == 'finding'):3d}"
      f"   clean {sum(v for (t, _), v in count.items() if t == 'clean'):3d}")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("key OK")

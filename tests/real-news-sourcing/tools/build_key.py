#!/usr/bin/env python3
"""Write expected.toml from the entry lists in this folder (tools/entries_*.py)."""
import os, sys, importlib.util, json
HERE = os.path.dirname(os.path.abspath(__file__))
KIND = {"AQ": "anonymous-quote", "VA": "vague-attribution", "UC": "unsourced-claim"}
entries = []
for name in sorted(os.listdir(HERE)):
    if name.startswith("entries_") and name.endswith(".py"):
        spec = importlib.util.spec_from_file_location(name[:-3], os.path.join(HERE, name))
        m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        entries += m.E
def q(s): return json.dumps(s, ensure_ascii=False)
out = ["# Key of tests/real-news-sourcing (see KEY.md). Written blind: before any run of factlint,",
       "# without reading src/, rules/ or the other test sets.",
       "# Exhaustive for three sourcing kinds: anonymous-quote, vague-attribution, unsourced-claim.",
       "# Any diagnostic of these kinds not matched to a [[finding]] is a false positive.",
       "# `nth` is the occurrence of `text` in the file, counted from the start of the file",
       "# (front matter included) by exact substring match.", ""]
cur = None
for f, k, t, note, nth, fin in sorted(entries, key=lambda e: (e[0], not e[5])):
    if f != cur:
        out.append(f"# ── {f} " + "─" * max(3, 66 - len(f))); out.append(""); cur = f
    out.append("[[finding]]" if fin else "[[clean]]")
    out.append(f"file = {q(f)}"); out.append(f"kind = {q(KIND[k])}"); out.append(f"text = {q(t)}")
    if nth != 1: out.append(f"nth = {nth}")
    out.append(f"note = {q(note)}"); out.append("")
open(os.path.join(HERE, "..", "expected.toml"), "w").write("\n".join(out))
print(len(entries), "entries")

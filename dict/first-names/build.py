#!/usr/bin/env python3
"""Builds first-names.txt from the person providers of Faker (MIT licence,
https://github.com/joke2k/faker), the version named below:

    pip download --no-deps faker==40.63.0 && unzip faker-40.63.0-*.whl -d fk
    python3 dict/first-names/build.py fk > dict/first-names/first-names.txt

Latin-script locales are taken as written; the Russian and Ukrainian lists
are transliterated the way the French press writes those names (Сергей →
Sergueï, Михаил → Mikhaïl, Юрий → Iouri), by the usual French
transliteration rules, not by hand."""
import importlib, re, sys

sys.path.insert(0, sys.argv[1])
LATIN = ["fr_FR", "fr_CA", "fr_CH", "fr_BE", "fr_QC", "en_US", "en_GB", "en_IE", "en_CA",
         "en_AU", "de_DE", "de_AT", "de_CH", "it_IT", "es_ES", "es_MX", "pt_PT", "pt_BR",
         "nl_NL", "nl_BE", "pl_PL", "cs_CZ", "sk_SK", "sv_SE", "no_NO", "da_DK", "fi_FI",
         "hu_HU", "ro_RO", "hr_HR", "sl_SI", "tr_TR", "lv_LV", "lt_LT", "et_EE", "id_ID",
         "tl_PH", "sw", "yo_NG", "zu_ZA", "vi_VN"]
CYRILLIC = ["ru_RU", "uk_UA"]

def given(loc):
    try:
        p = importlib.import_module(f"faker.providers.person.{loc}").Provider
    except ModuleNotFoundError:
        return set()
    out = set()
    for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
        v = getattr(p, attr, None)
        if v:
            out |= set(v)
    return out

VOWELS = "аеёиоуыэюяАЕЁИОУЫЭЮЯ"
TABLE = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j",
         "з": "z", "и": "i", "і": "i", "ї": "ï", "й": "ï", "к": "k", "л": "l", "м": "m",
         "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou", "ф": "f",
         "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y",
         "ь": "", "э": "e", "ю": "iou", "я": "ia", "є": "ie", "ґ": "g"}

def french(word):
    w = word.lower()
    out = []
    for i, c in enumerate(w):
        nxt = w[i + 1] if i + 1 < len(w) else ""
        prev = w[i - 1] if i else ""
        if c == "й" and not prev:
            t = "i"
        elif c == "г" and nxt in "еиэюяєі":
            t = "gu"          # Сергей → Sergueï
        elif c == "с" and prev and prev in VOWELS.lower() and nxt and nxt in VOWELS.lower():
            t = "ss"          # Василий → Vassili
        elif c == "е" and prev and (prev in VOWELS.lower() or prev in "ьъ"):
            t = "ie"
        elif c == "и" and prev and prev in "аоуеэ":
            t = "ï"           # Михаил → Mikhaïl
        else:
            t = TABLE.get(c)
            if t is None:
                return None
        out.append(t)
    s = "".join(out)
    s = re.sub(r"iï$", "i", s)    # Юрий → Iouri, Дмитрий → Dmitri
    s = re.sub(r"yï$", "y", s)
    return s[:1].upper() + s[1:] if s else None

names = set()
for loc in LATIN:
    names |= {n for n in given(loc) if re.fullmatch(r"[^\W\d_]+(?:[-'’ ][^\W\d_]+)*", n)
              and all(ord(c) < 0x250 for c in n)}
for loc in CYRILLIC:
    for n in given(loc):
        f = french(n)
        if f:
            names.add(f)
# One piece per line: a compound first name ("Jean-Pierre") is read piece
# by piece.
pieces = set()
for n in names:
    for p in re.split(r"[-'’ ]", n):
        if len(p) >= 2 and p[0].isupper():
            pieces.add(p)
print("\n".join(sorted(pieces)))

"""The logins and host names people make of their names ("Grace Okafor" -> graceokafor, gokafor,
okafor_grace): a name found in one field of a record is searched in these forms in all of them, so
a profile URL or handle built from it (`graceokafor.dev`, `gitlab.acme.io/gokafor`) is masked too."""
from __future__ import annotations

import re
import unicodedata

# Forms shorter than this match ordinary words too often ("alima", "bross").
MIN_FORM_CHARS = 6
# Letters that do not decompose into a base letter and an accent.
_FOLDED = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                         "ı": "i", "ħ": "h"})
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def folded(word: str) -> str:
    """`word` in small letters without accents ("Mäkinen" -> "makinen", "Łukasz" -> "lukasz")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLDED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def joined_forms(name: str) -> frozenset[str]:
    """A two-word-or-longer name's first and last words joined as logins join them, as written and
    without accents, in either order: run together or by "_" or "-", and an initial with the other
    word ("gokafor", "okaforg"). A "." between them needs no form: it splits words, and each word of
    a masked name is searched alone already."""
    words = [word for word in _NAME_WORD.findall(name) if word.isalpha()]
    if len(words) < 2:
        return frozenset()
    forms = set()
    for first, last in ((words[0], words[-1]), (words[-1], words[0])):
        for one, two in {(first.lower(), last.lower()), (folded(first), folded(last))}:
            forms.update({one + two, f"{one}_{two}", f"{one}-{two}", one[0] + two, one + two[0]})
    return frozenset(form for form in forms if len(form) >= MIN_FORM_CHARS)

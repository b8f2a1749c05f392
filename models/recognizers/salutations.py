r"""Names that open or close a message: the addressee of a greeting line ("Hey Mason -", "Dear Ana
Lima,", "Bonjour Pastor !") and the name alone on the line under a sign-off ("Thanks,\nMason").

There a capitalised word is a name even when it is also an English word (Mason, Will, Grace), which
the other name slots leave to NER. The greeting must start its line and the addressee end it or be
closed by punctuation ("Hi Mason, quick one"); words that address a group or a team ("Hi Team,",
"Dear Hiring Manager", "Thanks,\nOps"), words in capitals ("Hi QA") and a run made only of app, tool or UI
words ("Thanks GitHub!", "Hi Docker,": `things`) are no name."""
from __future__ import annotations

from collections.abc import Iterable

import regex

# One word of a name: a capital of any cased script (a script without case counts too), then letters,
# joined by an apostrophe or a hyphen ("O'Neil", "Jean-Luc").
_NAME_WORD = r"(?:\p{Lu}|\p{Lo})[\p{L}\p{M}]*+(?:['’\-][\p{L}\p{M}]++)*+"
_LOWER_WORD = r"\p{Ll}++"
# After an addressee: punctuation that closes it, a dash, or the line's end.
_CLOSE = r"(?=[ \t]{0,2}(?:[,!:;.]|[-–—](?:[ \t]|$)|$))"
_SPLIT = regex.compile(r"[ \t]{1,2}")


class Salutations:
    """Addressees of greeting lines and names under sign-offs (see the module's docstring)."""

    def __init__(self, greetings: Iterable[str], closings: Iterable[str], audience: frozenset[str],
                 particles: frozenset[str], max_words: int, things: frozenset[str] = frozenset()) -> None:
        def words(terms: Iterable[str]) -> str:
            return "|".join(regex.escape(term).replace(r"\ ", r"[ \t]{1,2}") for term in sorted(terms, key=len, reverse=True))

        run = rf"(?P<name>{_NAME_WORD}(?:[ \t]{{1,2}}(?:{_LOWER_WORD}[ \t]{{1,2}}){{0,2}}{_NAME_WORD}){{0,{max_words - 1}}})"
        self._greeting = regex.compile(rf"(?im)^[ \t]{{0,4}}(?:[>*\-•][ \t]{{1,2}})?(?:{words(greetings)})[ \t]{{1,2}}"
                                       rf"(?-i:{run}){_CLOSE}")
        self._signed = regex.compile(rf"(?im)^[ \t]{{0,4}}(?:{words(closings)})[ \t]{{0,2}}[,!.]?[ \t]{{0,2}}\n"
                                     rf"[ \t]{{0,4}}(?-i:{run})[ \t]{{0,2}}[,.]?[ \t]{{0,2}}(?=\n|$)")
        self._audience = audience
        self._particles = particles
        self._things = things

    def names(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the names the greeting and sign-off lines of `text` hold."""
        found = []
        for pattern in (self._greeting, self._signed):
            for match in pattern.finditer(text):
                start, end = match.span("name")
                if self._is_name(match.group("name")):
                    found.append((start, end))
        return found

    def _is_name(self, run: str) -> bool:
        parts = _SPLIT.split(run)
        if any(part.lower() in self._audience for part in parts) or all(part.lower() in self._things for part in parts):
            return False
        lower = [part for part in parts if part.islower()]
        if any(part not in self._particles for part in lower):
            return False
        return not any(len(part) > 1 and part.isupper() for part in parts)

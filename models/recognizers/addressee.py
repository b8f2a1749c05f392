"""Chat handles used to address someone at the start of a message ("Seveas: try the backports",
"rikva, thanks", "Olavi - can you review?"): IRC, Slack and forum habit. A word there counts when it is no English word, app or
UI word, no chat word ("lol", "btw") and not written in capitals (`NOTE:`), so "Thanks, Ana" or
"Update: ..." stay as they are; handles with a digit or underscore are the work identifiers' pattern's."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.config_files import term_list
from models.recognizers.config import Addressees

# At the start of a text or of a message in a joined transcript (its segments are joined by a blank
# line), after an IRC line's own nick ("[10:02] <ana> topyli: try this"), or on the line after a chat
# export's header: a name, then two blanks or "Today at" and a time ("Ana Lima  10:15 AM"), or a bracketed
# time and a name ("[10:06 AM] Lima, Ana"); a log's "Deploy started 10:15" is no header, and a terminal's
# or log's "systemd: Started ..." lines are not messages.
_STARTS = (r"(?:^|(?<=\n\n)|(?<=(?:^|\n)[ \t]{0,4}(?:\[?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]{1,3})?<[@+%&~]?[^>\s]{1,32}>[ \t])"
           r"|(?<=(?:[ \t]{2}|(?i:today|yesterday)[ \t]at[ \t])\d{1,2}:\d\d(?::\d\d)?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]{0,2}\n)"
           r"|(?<=(?:^|\n)\[\d{1,2}:\d\d(?:[ \t]?[AaPp][Mm])?\][ \t][^\n]{1,60}\n))")
# A dash after the handle only before a lower-case word, as a chat sentence goes on ("Olavi - can you
# review?"): a window title's parts are capitalised ("markdown - Visual Studio Code", "roberthalf - Jobs").
_ADDRESSED = regex.compile(_STARTS + r"[ \t]{0,4}+([A-Za-z][A-Za-z\-]{1,30}+)"
                           r"(?=[:,][ \t]++\S|[ \t]{1,2}[\-–—][ \t]++[a-z])")
# In a text that joins messages (a window title never does), a dash before any word: "Olavi - Can you
# review?" is a message too.
_ADDRESSED_IN_TALK = regex.compile(_STARTS + r"[ \t]{0,4}+([A-Za-z][A-Za-z\-]{1,30}+)"
                                   r"(?=[:,][ \t]++\S|[ \t]{1,2}[\-–—][ \t]++\S)")
# A second line of the same message that starts the same way ("nginx: reloaded") makes it a log.
_LOGGED = regex.compile(r"\n[ \t]{0,4}+[A-Za-z][\w\-]{0,30}+(?:\[\d++\])?+:[ \t]")


class AddresseeRecognizer(EntityRecognizer):
    """USERNAME for a message's addressee whose name is not a word (see the module's docstring)."""

    def __init__(self, rule: Addressees, is_word: Callable[[str], bool], ui_terms: frozenset[str]) -> None:
        self._rule = rule
        self._is_word = is_word
        self._known = ui_terms | frozenset(term_list(rule.chat_words))
        super().__init__(supported_entities=["USERNAME"], supported_language="en", name="AddresseeRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the word test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Each line-initial addressee that is not a word."""
        results = []
        for match in (_ADDRESSED_IN_TALK if "\n\n" in text else _ADDRESSED).finditer(text):
            word = match.group(1)
            end = text.find("\n\n", match.end())
            if _LOGGED.search(text, match.end(), len(text) if end < 0 else end):
                continue
            lower = word.lower()
            if word.isupper() or lower in self._known or any(self._is_word(part) for part in lower.split("-")):
                continue
            results.append(RecognizerResult("USERNAME", match.start(1), match.end(1), self._rule.score))
        return results

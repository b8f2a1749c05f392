"""spaCy's tokenizer on a text cut in place where it would be quadratic (long runs of punctuation,
long tokens with affixes), its tokens read back on the text as written: the recognizers, which read
the written text, see every value whole ("a URL of 400 characters with an e-mail address in it")."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc


def broken_runs(text: str, longest: int) -> str:
    """`text` with each run of punctuation, symbols or underscores longer than `longest` cut into runs
    of at most `longest` by spaces put in place of some of its characters: the same length, so every
    offset stays right. spaCy's tokenizer strips a token's prefixes and suffixes one at a time, each
    time copying what is left: quadratic in a run's length."""
    def cut(run: re.Match) -> str:
        return "".join(" " if index % (longest + 1) == longest else char for index, char in enumerate(run.group(0)))
    return re.sub(rf"(?:_|[^\w\s]){{{longest + 1},}}", cut, text)


def broken_tokens(text: str, longest: int) -> str:
    """`text` with each run of non-blank characters longer than `longest` cut in place, past every
    `longest` characters, at its last character that is not a letter or digit: affixes spaCy would
    strip one at a time ("'s's's...", "%%%..."). Letters and digits alone have none, and stay."""
    def cut(run: re.Match) -> str:
        chars, start, last = list(run.group(0)), 0, -1
        for index, char in enumerate(chars):
            if not char.isalnum():
                last = index
            if index - start >= longest and last >= start:
                chars[last], start = " ", last + 1
        return "".join(chars)
    return re.sub(rf"\S{{{longest + 1},}}", cut, text)


def bounded(text: str, longest_run: int, longest_token: int) -> str:
    """`text` of the same length with no long run of punctuation or long token with affixes, so
    spaCy's tokenizer costs time linear in it."""
    return broken_tokens(broken_runs(text, longest_run), longest_token)


class BoundedTokenizer:
    """A spaCy tokenizer that tokenizes a text `bounded`, and gives back a doc of the text as written:
    each character the cut put a space in place of is a token of its own."""

    def __init__(self, inner: Callable[[str], Doc], longest_run: int, longest_token: int) -> None:
        self.inner, self.longest_run, self.longest_token = inner, longest_run, longest_token

    def __call__(self, text: str) -> Doc:
        """The doc of `text` as written, tokenized as its bounded cut."""
        cut = bounded(text, self.longest_run, self.longest_token)
        doc = self.inner(cut)
        if cut == text:
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        for token in doc:
            end = token.idx + len(token)
            words.append(text[token.idx:end])
            if token.whitespace_ and text[end] != " ":  # a character the cut blanked
                words.append(text[end])
                spaces.extend((False, False))
            else:
                spaces.append(bool(token.whitespace_))
        return Doc(doc.vocab, words=words, spaces=spaces)

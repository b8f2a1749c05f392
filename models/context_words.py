"""Presidio's lemma context enhancer, finding the token a match starts in by bisection (the stock
one walks the text's tokens from the first for every match, which a long transcript with dozens
of matches pays for many times over), and reading the words around a match as written as well as
their lemmas: the tag-free lemmas (models/lemmas.py) turn some cues into what no context word
contains ("DLs" -> "dl", "States" -> "state")."""
from __future__ import annotations

from bisect import bisect_right

from presidio_analyzer.nlp_engine import NlpArtifacts

from models.compat import LemmaContextEnhancer


class BisectingContextEnhancer(LemmaContextEnhancer):
    """LemmaContextAwareEnhancer's scores, or higher where a surrounding word as written holds a
    context word (tests compare both); a context word can only raise a score, so reading more
    words around a match can only mask more."""

    def match_token_index(self, word: str, start: int, tokens, tokens_indices: list[int]) -> int:
        """The index of the token that holds `start`, by bisection over the token offsets."""
        # The first token that ends after `start`: the one holding it, or the next one when `start`
        # falls in the space after a token, as the stock loop finds.
        index = bisect_right(tokens_indices, start) - 1
        if index < 0 or start >= tokens_indices[index] + len(tokens[index]):
            index += 1
        if index >= len(tokens_indices):
            raise ValueError("no token at or after the match's start")  # the stock message quotes the match
        return index

    def surrounding_words(self, nlp_artifacts: NlpArtifacts, word: str, start: int) -> list[str]:
        """The stock lemmas, and the same window's words as written, in lower case."""
        lemmas = super().surrounding_words(nlp_artifacts, word, start)
        doc = nlp_artifacts.tokens
        if not doc:
            return lemmas
        index = self.match_token_index(word, start, doc, nlp_artifacts.tokens_indices)
        written = set()
        # The same window as the lemmas': the match's token and as many words before and after it
        # as the enhancer counts, stop words and punctuation passed over.
        for step, count in ((-1, self.context_prefix_count), (1, self.context_suffix_count)):
            position, remaining = index, count + 1
            while 0 <= position < len(doc) and remaining > 0:
                token = doc[position]
                if not (token.is_stop or token.is_punct):
                    written.add(token.lower_)
                    remaining -= 1
                position += step
        return list(set(lemmas) | written)

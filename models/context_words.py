"""Presidio's lemma context enhancer, finding the token a match starts in by bisection: the stock
one walks the text's tokens from the first for every match, which a long transcript with dozens
of matches pays for many times over."""
from __future__ import annotations

from bisect import bisect_right

from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer


class BisectingContextEnhancer(LemmaContextAwareEnhancer):
    """Same context words, scores and results as LemmaContextAwareEnhancer (a test compares them)."""

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices) -> int:
        # The first token that ends after `start`: the one holding it, or the next one when `start`
        # falls in the space after a token, as the stock loop finds.
        index = bisect_right(tokens_indices, start) - 1
        if index < 0 or start >= tokens_indices[index] + len(tokens[index]):
            index += 1
        if index >= len(tokens_indices):
            raise ValueError("no token at or after the match's start")  # the stock message quotes the match
        return index

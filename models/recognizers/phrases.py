"""Phrase lists as regular expressions that stay fast however long the list: a prefix tree."""
from __future__ import annotations

import regex


def phrase_trie(phrases: tuple[str, ...], space: str) -> str:
    """A regex for any of `phrases` that branches one character at a time (a prefix tree), so a
    list of hundreds costs a few character tests per position rather than one per phrase; the
    longer of two phrases sharing a start is tried first, as in a longest-first alternation. A
    space in a phrase matches `space`."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [(space if char == " " else regex.escape(char)) + pattern(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)

"""Text OCR could not read, covered whatever it says: names in scripts the language data lacks
(Cyrillic, Greek, Hangul, Devanagari ...) come out of a Latin read as low-confidence garbage, and
left visible they leak. Fail closed: such words, and the unsure words of their line beside them, are filled.

A word is unreadable when Tesseract's confidence in it is low, or when it is not sure of it and
its shape is one no Latin text has (see `odd_shape`), or when it overlaps its neighbour (one glyph
read twice). A word whose letters are in another script (as the second read, models/script_read.py,
gives it) is covered as such (`other_script_indices`). Each test looks at a word and its neighbours
only, so the cost is linear in the words.
"""
from __future__ import annotations

import math
import unicodedata

import pydantic

from models.config_files import StrictModel
from models.login_words import is_ordinary_word
from models.ocr import TOUCHING_HEIGHTS
from models.recognizers.config import Regex, compiled
from models.records import OcrWord
from models.script_read import other_script_share, script_read_rules, suspicious

# The counts of covered unreadable words, and of words in other scripts, in the audit's masked entities.
UNREADABLE_TEXT = "UNREADABLE_TEXT"
OTHER_SCRIPT = "OTHER_SCRIPT"


class UnreadableText(StrictModel):
    """Which OCR words count as unreadable text (policy `screenshots.unreadable_text`); `cover:
    false` leaves them as drawn. Confidences are Tesseract's, 0-100 (-1: none given)."""

    cover: bool
    # A word read with less confidence than this is unreadable, whatever its shape.
    min_confidence: float = pydantic.Field(ge=0, le=100)
    # A word of a shape no Latin text has, read with less confidence than this, is unreadable.
    shape_confidence: float = pydantic.Field(ge=0, le=100)
    # At least this many accented or non-ASCII letters, making at least this share of its letters.
    accented_letters: int = pydantic.Field(ge=1, le=20)
    accented_share: float = pydantic.Field(gt=0, le=1)
    # A word of only these glyphs, at least `round_glyphs_min` of them, is a read of rounded letters.
    round_glyphs: str = pydantic.Field(min_length=1, max_length=20)
    round_glyphs_min: int = pydantic.Field(ge=2, le=20)
    # ASCII glyphs text seldom has inside a word; any non-ASCII symbol (€, ©, ¥, →) counts too.
    odd_glyphs: str = pydantic.Field(max_length=40)
    # Words beside an unreadable one in its field (OCR line) are covered too while their confidence
    # is below this: the rest of a name, read as several short words.
    neighbour_confidence: float = pydantic.Field(ge=0, le=100)
    # A word of letters that make no English, UI or work word (a name in Hangul, Han or Hebrew read
    # as `guls`, `ISA`), which the second read (models/script_read.py) left as it was, read with less
    # confidence than this, is unreadable.
    unfamiliar_confidence: float = pydantic.Field(ge=0, le=100)
    # A short word (at most `short_chars` letters or digits) read with less confidence than
    # `short_confidence`, in a field (OCR line) of at most `short_field_words` words, is unreadable
    # whatever it spells: a 1-4 glyph name in Han, Hangul, Hebrew or Arabic in a list row, chat sender
    # or card comes out of the Latin read as `HER`, `als`, `25`, which are words; Latin UI text is read
    # 91-96. A field that is a date or a time (`short_field_keeps`, matched on the whole field) stays.
    short_chars: int = pydantic.Field(ge=0, le=12)
    short_confidence: float = pydantic.Field(ge=0, le=100)
    short_field_words: int = pydantic.Field(ge=1, le=12)
    short_field_keeps: Regex


class OtherScript(StrictModel):
    """Which OCR words count as text in another script (policy `screenshots.other_script`): the
    detectors are English, so such words are covered unchecked; `cover: false` leaves them, and is
    refused while the second read (script_read.yaml) runs."""

    cover: bool
    # At least this share of a word's letters in scripts other than Latin.
    other_share: float = pydantic.Field(gt=0, le=1)
    # Words beside one in their field are covered too while their confidence is below this.
    neighbour_confidence: float = pydantic.Field(ge=0, le=100)

    @pydantic.model_validator(mode="after")
    def _covers_what_the_second_read_gives(self) -> OtherScript:
        """A word the second read takes is one of at least script_read.yaml's `other_share`, read
        surer than the unreadable-text cover looks at: a stricter share here would leave it uncovered."""
        given = script_read_rules().other_share
        if not self.cover and script_read_rules().languages:
            raise ValueError("cover is false while script_read.yaml names languages: the second read turns Latin "
                             "look-alikes into other-script text no English detector checks; empty its languages "
                             "to turn both off")
        if self.cover and script_read_rules().languages and self.other_share > given:
            raise ValueError(f"other_share {self.other_share} is above script_read.yaml's other_share {given}: "
                             "words the second read gives would be left uncovered")
        return self


def odd_shape(text: str, rules: UnreadableText) -> bool:
    """Whether `text` has a shape no Latin text has: a capital after a small letter inside it
    (Cyrillic Н, В, Т, К read as capitals), a bracket or non-ASCII symbol in it, a cluster of
    accented letters (Greek read as Latin), or only round glyphs (Devanagari, Bengali, Thai letters
    read as 0 and O)."""
    core = text.strip(".,:;!?()'\"")
    letters = [c for c in core if c.isalpha()]
    accented = sum(not c.isascii() for c in letters)
    return (any(a.islower() and b.isupper() for a, b in zip(core, core[1:]))
            or any(c in rules.odd_glyphs or (not c.isascii() and unicodedata.category(c)[0] == "S") for c in core)
            or (accented >= rules.accented_letters and accented >= rules.accented_share * len(letters))
            or (len(core) >= rules.round_glyphs_min and all(c in rules.round_glyphs for c in core)))


def unreadable_word(word: OcrWord, rules: UnreadableText) -> bool:
    """Whether `word` is text the read could not make out: read with low confidence, or of an odd
    shape and read with less than `shape_confidence` (a word without a confidence: by shape alone),
    or no English, UI or work word and read with less than `unfamiliar_confidence`."""
    confidence = given_confidence(word)
    if 0 <= confidence < rules.min_confidence:
        return True
    if 0 <= confidence < rules.unfamiliar_confidence and suspicious(word, script_read_rules(), is_ordinary_word):
        return True
    return confidence < rules.shape_confidence and odd_shape(word.text, rules)


def given_confidence(word: OcrWord) -> float:
    """The word's confidence, -1 (none given) for a NaN a reader may give: compared, a NaN would
    count as sure of every word."""
    return -1 if math.isnan(word.confidence) else word.confidence


def unreadable_words(words: tuple[OcrWord, ...] | list[OcrWord], rules: UnreadableText) -> list[OcrWord]:
    """The words to cover as unreadable text, in reading order (`unreadable_indices`)."""
    return [words[i] for i in sorted(unreadable_indices(words, rules))]


def unreadable_indices(words: tuple[OcrWord, ...] | list[OcrWord], rules: UnreadableText) -> set[int]:
    """Indices of the words to cover as unreadable text: each unreadable word, and words of a line
    that overlap (one glyph read twice); then the run of words on either side of those in its field
    read with less than `neighbour_confidence`, or touching it."""
    if not rules.cover:
        return set()
    covered = [unreadable_word(word, rules) for word in words]
    for i in short_unsure_indices(words, rules):
        covered[i] = True
    for i in range(1, len(words)):  # one glyph read twice: two words of a line overlapping
        if words[i].line == words[i - 1].line and overlapping(words[i - 1], words[i]):
            covered[i - 1] = covered[i] = True
    return spread(words, covered, rules.neighbour_confidence)


def short_unsure_indices(words: tuple[OcrWord, ...] | list[OcrWord], rules: UnreadableText) -> list[int]:
    """Indices of short words read unsurely in short fields (`short_chars`, `short_confidence`,
    `short_field_words`), fields that are a date or a time aside: one pass to count each field's
    words and join its text, one to pick."""
    if not rules.short_chars:
        return []
    fields: dict[int, list[int]] = {}
    for i, word in enumerate(words):
        fields.setdefault(word.line, []).append(i)
    keeps = compiled(rules.short_field_keeps)
    picked = []
    for members in fields.values():
        if len(members) > rules.short_field_words or keeps.fullmatch(" ".join(words[i].text for i in members)):
            continue
        for i in members:
            core = words[i].text.strip(_MARKS)
            if (core and core.isalnum() and len(core) <= rules.short_chars
                    and 0 <= given_confidence(words[i]) < rules.short_confidence):
                picked.append(i)
    return picked


# Marks at a word's ends that are no part of what it spells (a sender's colon, a list's dash).
_MARKS = ".,:;!?()'\"-"


def spread(words: tuple[OcrWord, ...] | list[OcrWord], covered: list[bool], neighbour_confidence: float) -> set[int]:
    """Indices of the `covered` words and of the run of words on either side of them in their field
    read with less than `neighbour_confidence`, or touching them (the rest of a name), and of a word
    between two covered words of its field (the particle of an Arabic name read surer than the rest)."""
    covered = list(covered)
    for i in range(1, len(words) - 1):
        covered[i] = covered[i] or (covered[i - 1] and covered[i + 1]
                                    and words[i - 1].line == words[i].line == words[i + 1].line)
    for order in (range(1, len(words)), range(len(words) - 2, -1, -1)):  # spread right, then left
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            covered[i] = covered[i] or (covered[j] and words[j].line == words[i].line and (
                0 <= given_confidence(words[i]) < neighbour_confidence or touching(words[min(i, j)], words[max(i, j)])))
    return {i for i, cover in enumerate(covered) if cover}


def other_script_indices(words: tuple[OcrWord, ...] | list[OcrWord], rules: OtherScript) -> set[int]:
    """Indices of the words to cover as text in another script: words whose letters are at least
    `other_share` in scripts other than Latin (as the second read, models/script_read.py, or a
    reader with other script data gives them), and the unsure or touching words beside them."""
    if not rules.cover:
        return set()
    covered = [other_script_share(word.text) >= rules.other_share for word in words]
    return spread(words, covered, rules.neighbour_confidence) if any(covered) else set()


def overlapping(word: OcrWord, after: OcrWord) -> bool:
    """Whether `after`, next on the line, reaches back into `word` by more than a glyph's edge:
    no two words of text overlap, so one glyph was read twice (a Hangul syllable as `&` and `o`)."""
    return word.left + word.width - after.left > TOUCHING_HEIGHTS * max(word.height, after.height, 1)


def touching(word: OcrWord, after: OcrWord) -> bool:
    """Whether `after`, next on the line, stands closer to `word` than a space: one token OCR
    split (a Hangul syllable read as `&` and `g|`)."""
    return after.left - (word.left + word.width) <= TOUCHING_HEIGHTS * max(word.height, after.height, 1)

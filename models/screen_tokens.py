"""Keys, tokens and passwords on screens, covered by shape: OCR reads a long random token garbled or
in parts (`ghp_8xK` `q2L...`), so detection seldom finds it; a word shaped as one is covered whole with
the words that continue it on its line and on the lines it wraps to (key material pasted in a box or
printed by a terminal). Hex words a hash cue marks (a commit, a checksum column) stay visible.

Each word is judged once, and a token's continuation walks its own line and the lines under it, so the
cost is linear in the words (hash cues look a bounded number of rows up).
"""
from __future__ import annotations

import bisect
import functools
import string
from collections.abc import Sequence
from typing import Annotated

import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file
from models.login_words import is_ordinary_word
from models.recognizers.config import Regex
from models.records import OcrWord
from models.screen_layout import visual_rows
from models.screen_text import lines

# The count, in the audit's masked entities, of words covered as token-shaped.
TOKEN_SHAPE = "TOKEN_SHAPE"
_STRIP = "\"'`,;()[]{}<>"
_HEX = frozenset(string.hexdigits)
# A short commit hash: hex runs from this length a hash cue keeps visible.
_SHORT_HASH = 7
# A column's header starts within this many word heights of its cells' left edge.
_COLUMN_HEIGHTS = 2.0
# Lines after a line looked at for the one it wraps onto (its row holds the panels beside it).
_LOOK_AHEAD_LINES = 8
# Values up to this long are matched against `masked` (a key shown in part is short): the pattern's
# leading run backtracks, costing the square of a word's length, and OCR reads a line with no space
# (a base64 blob, a minified script) as one word thousands of characters long.
_MAX_MASKED_CHARS = 128
_ASSIGNED_NAME = regex.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


def _lower_case(text: str) -> str:
    """A hash cue or prefix is compared with a word lower-cased: an empty one would mark every hex run
    (a prefix every word opens with), a capitalised or padded one none."""
    if not text or text != text.strip().lower():
        raise ValueError("must be non-empty, lower case and without surrounding spaces")
    return text


LowerCase = Annotated[str, pydantic.AfterValidator(_lower_case)]


class TokenShapes(StrictModel):
    """models/data/screen_tokens.yaml: what a token-shaped word looks like, what continues one, and
    which hex words a hash cue keeps visible."""

    cover: bool
    key_prefixes: Regex
    min_mixed_chars: int = pydantic.Field(ge=8, le=64)
    min_symbol_chars: int = pydantic.Field(ge=6, le=64)
    min_hex_chars: int = pydantic.Field(ge=12, le=128)
    min_code_chars: int = pydantic.Field(ge=6, le=64)
    min_code_switches: int = pydantic.Field(ge=2, le=20)
    not_codes: Regex
    masked: Regex
    token_chars: Regex
    touch_chars: float = pydantic.Field(ge=0)
    space_chars: float = pydantic.Field(ge=0)
    hash_cues: frozenset[LowerCase] = pydantic.Field(min_length=1)
    hash_prefixes: tuple[LowerCase, ...]
    secret_words: frozenset[LowerCase]
    max_cue_rows_above: int = pydantic.Field(ge=0, le=50)
    wrap_align_heights: float = pydantic.Field(ge=0)
    wrap_gap_heights: float = pydantic.Field(gt=0)
    # Each token walks at most this many lines down (times the look-ahead): bounded, so a crafted
    # chain of wrapped lines costs a few lines per word, not the screen's height.
    max_wrap_lines: int = pydantic.Field(ge=1, le=64)


@functools.cache
def token_shapes() -> TokenShapes:
    """The shapes shipped with the package."""
    return load_yaml_file(DATA_DIR / "screen_tokens.yaml", TokenShapes)


@functools.cache
def _compiled(pattern: str) -> regex.Pattern:
    return regex.compile(pattern)


def token_value(text: str) -> str:
    """The part of a word to judge: quotes and brackets stripped, and an assignment's value
    (`API_KEY=...`) without its name."""
    core = text.strip(_STRIP).rstrip(".,:")
    name, sign, value = core.partition("=")
    return value if sign and value and _ASSIGNED_NAME.fullmatch(name) else core


def is_hex(value: str, shapes: TokenShapes, min_chars: int | None = None) -> bool:
    """Whether `value` is a run of hex digits at least `min_chars` (`min_hex_chars`) long, after a hash prefix."""
    for prefix in shapes.hash_prefixes:
        if value.lower().startswith(prefix):
            value = value[len(prefix):]
            break
    return len(value) >= (shapes.min_hex_chars if min_chars is None else min_chars) and set(value) <= _HEX


def is_code(value: str, shapes: TokenShapes) -> bool:
    """Whether `value` is a random code of one case (`3ncq-2th7`, `ae4461rrul`): at least `min_code_chars`
    letters and digits, switching between the two at least `min_code_switches` times, whose longer
    runs of letters are not all ordinary words (`win10pro`), of no shape `not_codes` names (a UUID)."""
    plain = value.replace("-", "")
    if _compiled(shapes.not_codes).fullmatch(value):
        return False
    if len(plain) < shapes.min_code_chars or not plain.isalnum() or not plain.isascii():
        return False
    if not (plain.islower() or plain.isupper()) or not any(c.isalpha() for c in plain):
        return False
    if sum(a.isdigit() != b.isdigit() for a, b in zip(plain, plain[1:])) < shapes.min_code_switches:
        return False
    runs = [run for run in regex.split(r"\d+", plain) if len(run) >= 3]
    return not runs or not all(is_ordinary_word(run) for run in runs)


def token_shaped(text: str, shapes: TokenShapes | None = None) -> bool:
    """Whether the word `text` is shaped as a key, token or password: a key prefix, a masked key, a
    long run of both cases and digits, a run of all four classes, a long hex run, or a random code."""
    shapes = shapes or token_shapes()
    value = token_value(text)
    if not value:
        return False
    if _compiled(shapes.key_prefixes).match(value) or (
            len(value) <= _MAX_MASKED_CHARS and _compiled(shapes.masked).fullmatch(value)):
        return True
    upper, lower = any(c.isupper() for c in value), any(c.islower() for c in value)
    digit = any(c.isdigit() for c in value)
    symbol = any(not c.isalnum() for c in value)
    if upper and lower and digit and (len(value) >= shapes.min_mixed_chars or (symbol and len(value) >= shapes.min_symbol_chars)):
        return True
    return is_hex(value, shapes) or is_code(value, shapes)


def _hash_marked(words: Sequence[OcrWord], hexes: list[int], shapes: TokenShapes) -> set[int]:
    """The hex words of `hexes` a hash cue marks: a bare run (no assignment's value) that opens with a
    hash prefix, follows a cue word (or a two-word cue: `Image ID`) on its row, or opens a cell under a
    column header that names a hash (a cell of a row of two cells or more: `SHA-256`, `Image ID`),
    left edges aligned, within `max_cue_rows_above` rows above. A cue elsewhere on the row (`never
    commit this key:`) or a heading alone on its row (`Build`) marks nothing. Each hex word looks at three
    words before it and a bisection of each row above, so the cost stays linear in the words."""
    rows = visual_rows(words)
    row_of = {i: number for number, row in enumerate(rows) for cell in row for i in cell}
    opens_cell = {cell[0] for row in rows for cell in row}
    headers: dict[int, list[int]] = {}  # row number: sorted left edges of its hash header cells
    for number, row in enumerate(rows):
        if len(row) >= 2:
            lefts = sorted(words[cell[0]].left for cell in row if _header_cue([words[i].text for i in cell], shapes))
            if lefts:
                headers[number] = lefts
    marked = set()
    for index in hexes:
        word, number = words[index], row_of[index]
        text = word.text.strip(_STRIP)
        if "=" in text:  # an assignment's value (`TOKEN=...`): what it names is no hash cue
            continue
        if any(text.lower().startswith(p) for p in shapes.hash_prefixes):
            marked.add(index)
            continue
        before = [words[i].text for i in (index - 3, index - 2, index - 1) if i >= 0 and row_of[i] == number]
        if _cue_before(before, shapes):
            marked.add(index)
            continue
        if index not in opens_cell:
            continue
        reach = _COLUMN_HEIGHTS * word.height
        for above in range(max(0, number - shapes.max_cue_rows_above), number):
            lefts = headers.get(above)
            if lefts and bisect.bisect_right(lefts, word.left + reach) > bisect.bisect_left(lefts, word.left - reach):
                marked.add(index)
                break
    return marked


def _cue_before(texts: list[str], shapes: TokenShapes) -> bool:
    """Whether the words just before a hex run on its row (up to three, last nearest) end with a hash
    cue of one or two words not after a secret's name (`Password hash:` names a secret)."""
    for size in (1, 2):
        if len(texts) >= size and _cue(" ".join(texts[-size:]), shapes):
            named = texts[-size - 1] if len(texts) > size else ""
            return named.strip(_STRIP).rstrip(":").lower() not in shapes.secret_words
    return False


def _header_cue(texts: list[str], shapes: TokenShapes) -> bool:
    """Whether a header cell of these words names a hash: the whole cell is a cue (`SHA-256`, `Image ID`);
    `Password hash` is no such header."""
    return 0 < len(texts) <= 2 and _cue(" ".join(texts), shapes)


def _cue(text: str, shapes: TokenShapes) -> bool:
    return text.strip(_STRIP).rstrip(":#").lower() in shapes.hash_cues


def token_words(words: Sequence[OcrWord], shapes: TokenShapes | None = None) -> set[int]:
    """Indices of the token-shaped words (`token_shaped`), less hex words a hash cue marks."""
    shapes = shapes or token_shapes()
    if not shapes.cover:
        return set()
    found = {i for i, word in enumerate(words) if token_shaped(word.text, shapes)}
    hexes = sorted(i for i in found if is_hex(token_value(words[i].text), shapes, _SHORT_HASH))
    if hexes:
        found -= _hash_marked(words, hexes, shapes)
    return found


def _char_width(word: OcrWord) -> float:
    return word.width / max(1, len(word.text))


def continues(word: OcrWord, other: OcrWord, shapes: TokenShapes) -> bool:
    """Whether `other`, beside the token `word` on its line, is more of it: made of token characters
    and touching it, or a space away and holding a digit or both cases, no ordinary word."""
    text = other.text.strip(_STRIP)
    if not text or not _compiled(shapes.token_chars).fullmatch(text):
        return False
    left, right = (word, other) if word.left <= other.left else (other, word)
    gap = right.left - (left.left + left.width)
    width = max(_char_width(word), _char_width(other))  # a colon's own width says nothing of the font
    if gap <= shapes.touch_chars * width:
        return True
    return gap <= shapes.space_chars * width and _mixed(text)


def _mixed(text: str) -> bool:
    """Whether `text` holds a digit or a capital after its first letter beside small letters, and its
    letters make no ordinary word: a piece of a token, not a word or a name."""
    letters = "".join(c for c in text if c.isalpha())
    mixed = any(c.isdigit() for c in text) or (any(c.isupper() for c in text[1:]) and any(c.islower() for c in text))
    return mixed and not (letters and is_ordinary_word(letters))


def token_cover(words: Sequence[OcrWord], shapes: TokenShapes | None = None) -> set[int]:
    """Indices of the words to cover as tokens: each token-shaped word, the words continuing it on its
    line (`continues`, in both directions), and the first words of the lines it wraps onto."""
    shapes = shapes or token_shapes()
    covered = token_words(words, shapes)
    if not covered:
        return set()
    rows = lines(words)
    for number, line in enumerate(rows):
        _spread_on_line(words, line, covered, shapes)
        if line[-1] in covered:
            _follow_wrap(words, rows, number, covered, shapes)
    return covered


def _spread_on_line(words: Sequence[OcrWord], line: list[int], covered: set[int], shapes: TokenShapes) -> None:
    for order in (line, line[::-1]):
        for before, after in zip(order, order[1:]):
            if before in covered and after not in covered and continues(words[before], words[after], shapes):
                covered.add(after)


def _follow_wrap(words: Sequence[OcrWord], rows: list[list[int]], number: int, covered: set[int],
                 shapes: TokenShapes) -> None:
    """Cover the lines under line `number` that its token wraps onto (`_line_below`, opening with a
    piece of a token), and the lines themselves whole as one block: a wrapped value's box spans them,
    the label before it and the comment after it included."""
    block = [number]
    for _ in range(shapes.max_wrap_lines):
        below = _line_below(words, rows, number, shapes)
        if below is None:
            break
        text = words[rows[below][0]].text.strip(_STRIP)
        if not text or not _compiled(shapes.token_chars).fullmatch(text) or not _mixed(text):
            break
        block.append(below)
        covered.add(rows[below][0])
        _spread_on_line(words, rows[below], covered, shapes)
        if rows[below][-1] not in covered:
            break
        number = below
    if len(block) > 1:
        covered.update(i for line in block for i in rows[line])


def _line_below(words: Sequence[OcrWord], rows: list[list[int]], number: int, shapes: TokenShapes) -> int | None:
    """The next line down a line's spacing under line `number`, starting at or left of its left edge
    (a wrapped line starts at its box's margin, left of an indented label) and reaching under it."""
    line = rows[number]
    left = words[line[0]].left
    bottom = max(words[i].top + words[i].height for i in line)
    height = max(words[i].height for i in line)
    for index in range(number + 1, min(len(rows), number + 1 + _LOOK_AHEAD_LINES)):
        first, end = words[rows[index][0]], words[rows[index][-1]]
        top = min(words[i].top for i in rows[index])
        if (first.left <= left + shapes.wrap_align_heights * height and end.left + end.width > left
                and 0 <= top - bottom <= shapes.wrap_gap_heights * height):
            return index
    return None

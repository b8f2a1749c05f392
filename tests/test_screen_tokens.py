"""Token-shaped words on screens (models/screen_tokens.py): keys, tokens, passwords and key material are
covered whole with what continues them, on their line and the lines they wrap onto; hex words a hash
cue marks stay. Unit tests on word boxes, then a screen rendered by Chromium through Tesseract,
detection and redaction."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from evaluation.scoring import box_covered
from models import screen_tokens
from models.config_files import ConfigFileError
from models.ocr import text_lines
from models.records import OcrWord
from models.screen_tokens import token_cover, token_shaped, token_value
from tests.test_screen_layout import filled, redacted  # noqa: F401  (module fixture)


def words_at(cells: list[tuple[str, int, int]]) -> tuple[OcrWord, ...]:
    """One word per (text, left, top), 20 px tall and 10 px a letter, grouped as OCR groups them."""
    return text_lines(OcrWord(text, left, top, 10 * len(text), 20, 0) for text, left, top in cells)


def texts(words: tuple[OcrWord, ...], indices) -> set[str]:
    return {words[index].text for index in indices}


@pytest.mark.parametrize("text", [
    "ghp_8xKq", "sk_live_\u2022\u2022\u2022\u2022\u2022\u20224242", "pk_live_eeeeeeee4242", "xoxb-1234", "AKIAQ7ZK",
    "STRIPE_SECRET_KEY=Ab3dEf9hIj2kLm4nOp", "AAAAC3NzaC1lZDI1NTE5AAAAIxmdtLh8", "SHA256:q7Lr0zXw", "ssh-ed25519",
    "Ember-staff42!", "^3Kd!fP9_xq", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", '"eyJhbGciOiJIUzI1NiJ9.abc"',
    "sk_\u2026a9Q2",
])
def test_when_a_word_is_shaped_as_a_key_token_or_password_then_it_is_token_shaped(text):
    assert token_shaped(text)


@pytest.mark.parametrize("text", [
    "v4.12.3", "Configuration", "2026-04-28", "3f2a8c1e-9b7d-4e21-a0c4-5d6e7f809a1b", "LMP-2231", "b7f612f",
    "https://github.com/acme/app/pull/123", "SENTRY_RELEASE=4.12.3", "jane.doe@example.com", "(415)", "McAllister",
    "Wi-Fi", "WPA3", "iPhone15", "eu-west-1", "db-prod-12", "x86_64", "abc-defg-hij", "PLAT-4821", "win10pro", "ubuntu2204",
])
def test_when_a_word_is_ordinary_text_an_id_or_a_version_then_it_is_not_token_shaped(text):
    assert not token_shaped(text)


HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"


def test_a_hex_run_after_commit_or_under_a_checksum_header_stays_and_a_bare_one_is_covered():
    words = words_at([("commit", 10, 0), (HEX, 90, 0),
                      ("Asset", 10, 40), ("SHA-256", 300, 40),
                      ("app.tar.gz", 10, 80), (HEX, 300, 80),
                      ("export", 10, 200), ("KEY=" + HEX, 90, 200)])
    assert texts(words, token_cover(words)) == {"KEY=" + HEX}


def test_a_token_ocr_split_is_covered_whole_and_its_label_stays():
    words = words_at([("token:", 10, 0), ("ghp_8xK", 80, 0), ("q2Lr9Zw", 150, 0), ("Copy", 400, 0)])
    assert texts(words, token_cover(words)) == {"ghp_8xK", "q2Lr9Zw"}


def test_a_word_a_space_away_continues_a_token_only_when_it_holds_a_digit_or_both_cases():
    words = words_at([("sk_live_a8Qz", 10, 0), ("x7Rw", 140, 0), ("Revoke", 190, 0)])
    assert texts(words, token_cover(words)) == {"sk_live_a8Qz", "x7Rw"}


def test_a_public_key_wrapped_over_lines_is_covered_as_a_block_with_its_comment_and_the_next_line_stays():
    words = words_at([("ssh-ed25519", 10, 0), ("AAAAC3NzaC1lZDI1NTE5AAAAIcxmdtLh8fyAJ", 130, 0),
                      ("4M04jAt+KWVu3N78CUKKd7", 10, 24), ("jbui@laptop", 240, 24),
                      ("Added", 10, 60), ("on", 70, 60), ("Mar", 100, 60)])
    assert texts(words, token_cover(words)) == {"ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIcxmdtLh8fyAJ",
                                                "4M04jAt+KWVu3N78CUKKd7", "jbui@laptop"}


def test_a_token_ending_a_line_of_prose_does_not_take_the_next_line_that_opens_with_a_name():
    words = words_at([("key", 10, 0), ("is", 50, 0), ("sk_live_a8Qz7Rw2Kp", 80, 0),
                      ("Marcus", 10, 24), ("will", 80, 24), ("rotate", 130, 24), ("it", 200, 24)])
    assert texts(words, token_cover(words)) == {"sk_live_a8Qz7Rw2Kp"}


@pytest.mark.parametrize("text", ["3ncq-2th7", "ae4461rrul", "71h4h-kby7v", "K7P2-9QXA-4M3Z"])
def test_a_random_code_of_one_case_is_token_shaped(text):
    assert token_shaped(text)


def test_a_screen_without_tokens_covers_nothing():
    words = words_at([("Release", 10, 0), ("v4.12.3", 100, 0), ("build", 10, 40), ("48213", 70, 40),
                      ("pipeline", 10, 80), ("3f2a8c1e-9b7d-4e21-a0c4-5d6e7f809a1b", 100, 80)])
    assert token_cover(words) == set()


def test_with_cover_off_no_word_is_covered():
    words = words_at([("ghp_8xKq2Lr9Zw", 10, 0)])
    assert token_cover(words, screen_tokens.token_shapes().model_copy(update={"cover": False})) == set()


def _refused(tmp_path, monkeypatch) -> None:
    """The screen_tokens.yaml written under `tmp_path` is refused with an error naming the file."""
    monkeypatch.setattr(screen_tokens, "DATA_DIR", tmp_path)
    screen_tokens.token_shapes.cache_clear()
    try:
        with pytest.raises(ConfigFileError, match="screen_tokens.yaml"):
            screen_tokens.token_shapes()
    finally:
        screen_tokens.token_shapes.cache_clear()


def test_a_bad_token_shapes_file_fails_naming_the_file(tmp_path, monkeypatch):
    (tmp_path / "screen_tokens.yaml").write_text("cover: true\nmin_mixed_chars: 2\n")
    _refused(tmp_path, monkeypatch)


def _with_line(tmp_path, line: str) -> None:
    """The shipped screen_tokens.yaml under `tmp_path` with the top-level key of `line` set by it."""
    shipped = (screen_tokens.DATA_DIR / "screen_tokens.yaml").read_text().splitlines()
    key = line.partition(":")[0]
    (tmp_path / "screen_tokens.yaml").write_text("\n".join(line if text.startswith(key + ":") else text
                                                           for text in shipped) + "\n")


@pytest.mark.parametrize("lines", [0, 65, 100000])
def test_a_wrap_walk_out_of_bounds_fails_naming_the_file(tmp_path, monkeypatch, lines):
    # Unbounded, each token's walk down wrapped lines would cost a crafted screen's whole height per word.
    _with_line(tmp_path, f"max_wrap_lines: {lines}")
    _refused(tmp_path, monkeypatch)


def test_a_wrap_walk_within_bounds_loads(tmp_path, monkeypatch):
    _with_line(tmp_path, "max_wrap_lines: 64")
    monkeypatch.setattr(screen_tokens, "DATA_DIR", tmp_path)
    screen_tokens.token_shapes.cache_clear()
    try:
        assert screen_tokens.token_shapes().max_wrap_lines == 64
    finally:
        screen_tokens.token_shapes.cache_clear()


KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIqT7mZx2Lr9Wk4Bn8Yc3Hd6Fj1Gs5Pv0Qe/Ua+Ro7Ni"
TOKEN = "ghp_Qm7Zr2Lx9Wk4Bn8Yc3Hd6Fj1Gs5Pv0QeUa4T"
COMMIT = "b7f612f0c55ad015a3bf4f1b9f86d081884c7d65"
PAGE = f"""<!doctype html><html><body style="margin:16px; font:15px 'DejaVu Sans', sans-serif; background:#fff; color:#1f2328">
<div style="font-weight:700; font-size:20px">API keys</div>
<div style="margin:10px 0">Personal access token
 <span style="font-family:'DejaVu Sans Mono', monospace; border:1px solid #d0d7de; padding:4px 8px; background:#f6f8fa">
 <span data-pii="SECRET">{TOKEN}</span></span> <span style="border:1px solid #d0d7de; padding:3px 10px">Copy</span></div>
<div style="margin-top:18px">Key</div>
<div style="font-family:'DejaVu Sans Mono', monospace; width:420px; word-break:break-all; border:1px solid #d0d7de; padding:8px">ssh-ed25519
 <span data-pii="KEY_ID">{KEY}</span></div>
<div style="margin-top:18px">Latest release <span data-pii="KEEP">v4.12.3</span> from commit
 <span data-pii="KEEP" style="font-family:'DejaVu Sans Mono', monospace">{COMMIT}</span></div>
</body></html>"""


@pytest.mark.slow
@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_settings_page_a_token_and_a_wrapped_key_are_covered_and_the_commit_stays(redacted, scale):  # noqa: F811
    with Renderer() as browser:
        png, boxes = browser.render(Screen("Chrome", "Keys", "", PAGE, 900, 300), scale)
    pixels = redacted(png)
    before = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert {b["label"] for b in boxes} == {"SECRET", "KEY_ID", "KEEP"}
    assert {b["label"] for b in boxes if b["label"] != "KEEP" and not box_covered(before, pixels, b["box"])} == set()
    assert {b["value"] for b in boxes if b["label"] == "KEEP" and filled(pixels, b["box"]) > 0} == set()


@pytest.mark.parametrize("cells", [
    # "commit" in a sentence, not just before the run
    [("Never", 10, 0), ("commit", 70, 0), ("this", 140, 0), ("key:", 190, 0), (HEX, 240, 0)],
    # a heading "Build" alone on its row, a form's label, and the secret under both at the left margin
    [("Build", 10, 0), ("Signing", 10, 40), ("secret", 90, 40), (HEX, 10, 80)],
    # an assignment's value, however close a cue stands
    [("commit", 10, 0), ("TOKEN=" + HEX, 90, 0)],
    [("Commit", 10, 0), ("Author", 400, 0), ("SECRET=" + HEX, 10, 40), ("jane", 400, 40)],
    # a hash of a secret is a secret: after "Password hash", or under a "Password hash" header
    [("Password", 10, 0), ("hash:", 100, 0), (HEX, 160, 0)],
    [("User", 10, 0), ("Password", 300, 0), ("hash", 390, 0), ("jane", 10, 40), (HEX, 300, 40)],
])
def test_a_hex_secret_a_hash_cue_does_not_mark_as_a_hash_is_covered(cells):
    words = words_at(cells)
    assert HEX in {token_value(words[i].text) for i in token_cover(words)}


def test_a_hex_run_after_a_two_word_cue_or_under_a_two_word_header_cue_stays():
    words = words_at([("Image", 10, 0), ("ID", 70, 0), (HEX, 110, 0),
                      ("Container", 10, 40), ("Image", 300, 40), ("ID", 360, 40),
                      ("web-1", 10, 80), (HEX, 300, 80)])
    assert token_cover(words) == set()


def test_hash_cues_are_looked_up_a_bounded_number_of_times_per_word(monkeypatch):
    # A row of cue words over a row of hex runs, and a row of hex runs after a cue: no hex run looks at
    # every word of its row or of the rows above it.
    calls = []
    real = screen_tokens._cue
    monkeypatch.setattr(screen_tokens, "_cue", lambda text, shapes: calls.append(1) or real(text, shapes))
    n = 400
    words = words_at([("sha256", 10 + 500 * i, 0) for i in range(n)]
                     + [(HEX, 10 + 500 * i, 40) for i in range(n)]
                     + [("commit", 10, 80)] + [(HEX, 90 + 500 * i, 80) for i in range(n)])
    token_cover(words)
    assert len(calls) <= 10 * len(words)


def test_the_masked_key_pattern_never_reads_a_word_longer_than_its_bound(monkeypatch):
    # The pattern backtracks on its leading run (cost grows with the square of a word's length), and
    # OCR reads a line with no spaces as one word: a long word is judged without it.
    masked, real, lengths = screen_tokens.token_shapes().masked, screen_tokens._compiled, []

    class Counting:
        def __init__(self, pattern):
            self._pattern = pattern

        def fullmatch(self, value):
            lengths.append(len(value))
            return self._pattern.fullmatch(value)

    monkeypatch.setattr(screen_tokens, "_compiled", lambda p: Counting(real(p)) if p == masked else real(p))
    for text in ("a" * 12_000 + "!", "x" * 12_000 + "\u2022\u2022\u2022!", "pk\u2022\u2022\u2022\u20224242"):
        token_shaped(text)
    assert lengths and max(lengths) <= screen_tokens._MAX_MASKED_CHARS


@pytest.mark.parametrize("line", ["hash_prefixes: ['']", "hash_prefixes: ['SHA256:']", "hash_cues: [commit, '']",
                                  "hash_cues: [Commit]"])
def test_an_empty_or_capitalised_hash_cue_or_prefix_fails_naming_the_file(tmp_path, monkeypatch, line):
    # An empty prefix would keep every hex run visible; a capitalised one would never match.
    shipped = (screen_tokens.DATA_DIR / "screen_tokens.yaml").read_text()
    key = line.partition(":")[0]
    lines = shipped.splitlines()
    start = next(i for i, text in enumerate(lines) if text.startswith(key + ":"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    (tmp_path / "screen_tokens.yaml").write_text("\n".join(lines[:start] + [line] + lines[end:]) + "\n")
    _refused(tmp_path, monkeypatch)

"""`user@host` logins on screens however OCR split them (models/screen_hosts.py): a prompt read as two
words at a glyph, a terminal title with its "@" read alone; packages pinned to a tag, digests, e-mail
addresses and "Lunch @ noon" stay. Unit tests on word boxes, then a terminal rendered by Chromium at
1x and 2x through Tesseract, detection and redaction."""
from __future__ import annotations

import pytest

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models.engine import shared_detector
from models.records import OcrWord
from models.screen_fields import login_words
from models.screen_hosts import host_login_words, host_logins
from tests.conftest import categories_kept
from tests.test_screen_layout import redacted_screen, rendered_misses


def _line(*texts: str, gaps: tuple[int, ...] = ()) -> list[OcrWord]:
    """Words of one OCR line, 8 px a character, `gaps` px apart (8 by default: one space)."""
    words, x, start = [], 10, 0
    for i, text in enumerate(texts):
        words.append(OcrWord(text=text, left=x, top=10, width=8 * len(text), height=12, start=start, line=0,
                             confidence=90.0))
        x += 8 * len(text) + (gaps[i] if i < len(gaps) else 8)
        start += len(text) + 1
    return words


def test_a_prompt_ocr_split_at_a_glyph_is_covered_with_the_part_that_touches_it():
    words = _line("carlal14@carla-lap", "op:~/src/ledger$", "git", "status", gaps=(0,))
    assert host_login_words(words) == {0, 1}


def test_a_title_whose_at_sign_was_read_alone_covers_the_user_and_the_host():
    words = _line("Terminal", "—", "moravecr", "@", "radeks-MacBook-Pro", gaps=(8, 8, 6, 6))
    assert host_login_words(words) == {2, 3, 4}
    assert {2, 3, 4} <= login_words(words)


@pytest.mark.parametrize("texts", [("npm", "i", "node@lts"), ("docker", "pull", "image@sha256:ab12cd"),
                                   ("uses:", "actions/checkout@v4"), ("Q3", "@", "Acme"), ("Lunch", "@", "noon"),
                                   ("npm", "i", "react@18.2.0"), ("Meet", "@", "3pm"), ("write", "to", "ana@acme.com"),
                                   ("see", "@", "here")])
def test_pinned_packages_digests_e_mails_and_prose_with_an_at_sign_stay(texts):
    assert host_login_words(_line(*texts)) == set()


def test_a_title_with_its_at_sign_read_alone_and_a_plain_host_name_covers_the_login():
    words = _line("Terminal", "—", "jdoe", "@", "laptop", gaps=(8, 8, 6, 6))
    assert host_login_words(words) == {2, 3, 4}


@pytest.mark.parametrize("texts", [("ping", "@", "team-leads"), ("cc", "@", "dev-ops"), ("email", "me", "@", "work-phone"),
                                   ("see", "@", "here"), ("meet", "@", "office")])
def test_ordinary_words_either_side_of_an_at_sign_read_alone_stay(texts):
    assert host_login_words(_line(*texts)) == set()


@pytest.mark.parametrize("texts, gaps", [(("mark@workstation:~/src$", "git", "status"), ()), (("grace@laptop$",), ()),
                                         (("mark@work", "station:~$"), (0,)), (("bill@desktop", ":~/src$"), (0,))])
def test_a_shell_prompt_whose_user_and_host_are_ordinary_words_is_still_a_login(texts, gaps):
    assert 0 in host_login_words(_line(*texts, gaps=gaps))


@pytest.mark.parametrize("texts, gaps", [(("bill@desktop",), ()), (("see", "react@next:"), ()), (("npm", "i", "left@pad", "--save"), (8, 0))])
def test_ordinary_words_joined_by_an_at_sign_with_no_prompt_after_them_stay(texts, gaps):
    assert host_login_words(_line(*texts, gaps=gaps)) == set()


def test_a_word_a_space_away_from_a_login_is_not_part_of_it():
    assert host_login_words(_line("jdoe@build-box:~/src$", "git", "log")) == {0}


def test_the_shapes_file_is_validated_at_start_up():
    assert host_logins().touch_chars < host_logins().at_gap_chars


_PROMPT = ('<span style="color:#26a269" data-pii="USERNAME">kowalczykm</span><span style="color:#26a269">@</span>'
           '<span style="color:#26a269" data-pii="USERNAME">martas-MacBook-Pro</span>:<span style="color:#12488b">~/src/ledger</span>$ ')
PAGE = ("""<!doctype html><html><body style="margin:0; background:#300a24; color:#eeeeec; font:14px 'DejaVu Sans Mono', monospace">
<div style="padding:6px 14px; background:#2c2c2c; color:#c0c0c0; font-family:'DejaVu Sans', sans-serif">Terminal —
<span data-pii="USERNAME">kowalczykm</span> @ <span data-pii="USERNAME">martas-MacBook-Pro</span></div>
<div style="padding:10px 14px; white-space:pre">""" + _PROMPT + """<span data-pii="KEEP">npm install node@lts</span>
added 3 packages in 2s
""" + _PROMPT + """<span data-pii="KEEP">git status</span>
On branch main
</div></body></html>""")


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_terminal_prompts_and_the_title_login_are_covered_and_commands_stay(redacted, scale):
    with Renderer() as browser:
        png, boxes = browser.render(Screen("gnome-terminal", "Terminal", "", PAGE, 720, 200), scale)
    pixels = redacted(png)
    assert rendered_misses(png, pixels, boxes) == (set(), set())

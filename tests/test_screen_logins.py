"""Words shaped as a login are covered wherever a screen shows them (models/screen_fields.py
`login_words`): `first.last`, `first_last`, `name65`, and a bare lower-case login in the top bar; code
identifiers, file names, hosts, versions and ordinary words stay. Unit tests on word boxes, then a
commit list rendered by Chromium at 1x and 2x through Tesseract, detection and redaction."""
from __future__ import annotations

import pytest

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models.engine import shared_detector
from models.screen_fields import field_cues, login_words
from tests.conftest import categories_kept
from tests.test_screen_fields import texts, words_at
from tests.test_screen_layout import redacted_screen, rendered_misses


@pytest.mark.parametrize("login", ["milos.tomanova", "veeti_kokko", "omar65", "an.haddad", "(jolanda44)", "@bhatnagar_c"])
def test_a_login_shaped_word_in_the_body_is_covered(login):
    words = words_at([("Projects", 10, 0), (login, 10, 300), ("committed", 200, 300)])
    assert texts(words, login_words(words)) == {login}


@pytest.mark.parametrize("word", ["max_len", "retry.py", "github.com", "python3", "utf8", "sha256", "user_id",
                                  "os.path", "np.array", "base64", "kmardhiyah", "retries", "a.b"])
def test_identifiers_files_hosts_versions_and_a_plain_word_below_the_top_bar_stay(word):
    words = words_at([("Projects", 10, 0), (word, 10, 300)])
    assert login_words(words) == set()


def test_a_bare_login_in_the_top_bar_is_covered_and_its_nav_words_stay():
    words = words_at([("GitHub", 10, 2), ("explore", 120, 2), ("kmardhiyah", 600, 0), ("main", 10, 300)])
    assert texts(words, login_words(words)) == {"kmardhiyah"}


def test_with_login_shapes_off_nothing_is_covered():
    words = words_at([("milos.tomanova", 10, 300)])
    assert login_words(words, field_cues().model_copy(update={"login_shapes": False})) == set()


_ROWS = (("gilbert.evrard", "Fix flaky retry test"), ("juancarlos_vera", "Bump version to 4.12"),
         ("ramiro95", "Handle empty payload"), ("gilbert.evrard", "Update the changelog"))
PAGE = ("""<!doctype html><html><body style="margin:0; font:14px 'DejaVu Sans Mono', monospace; color:#e6edf3; background:#0d1117">
<div style="background:#161b22; padding:8px 14px; font-family:'DejaVu Sans', sans-serif"><span data-pii="KEEP">Code</span>
<span style="margin-left:16px" data-pii="KEEP">Blame</span><span style="float:right" data-pii="USERNAME">oconnmhaighp</span></div>"""
        + "".join(f'<div style="padding:3px 14px"><span style="display:inline-block; width:220px" data-pii="USERNAME">{who}</span>'
                  f'<span data-pii="KEEP">{code}</span></div>' for who, code in _ROWS)
        + '<div style="padding:40px 14px 0 300px"><span data-pii="KEEP">see max_len in retry.py on github.com</span></div></body></html>')


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_commit_list_logins_are_covered_and_messages_and_code_stay(redacted, scale):
    with Renderer() as browser:
        png, boxes = browser.render(Screen("Google Chrome", "blame", "", PAGE, 720, 260), scale)
    pixels = redacted(png)
    assert rendered_misses(png, pixels, boxes) == (set(), set())


@pytest.mark.parametrize("login", ["jan.m.kowalski", "veeti_k_kokko", "jan.kowalski2", "veeti_kokko92", "john.smith",
                                   "anna.lee", "mary_brown"])
def test_a_login_with_a_middle_initial_a_final_number_or_a_given_name_first_is_covered(login):
    words = words_at([("Projects", 10, 0), (login, 10, 300), ("committed", 200, 300)])
    assert texts(words, login_words(words)) == {login}


@pytest.mark.parametrize("word", ["video.mp4", "np.float64", "os.path.join", "self.data2", "john.py", "anna.com",
                                  "user_id2", "a.b.c"])
def test_code_paths_numbered_identifiers_and_a_given_names_file_stay(word):
    words = words_at([("Projects", 10, 0), (word, 10, 300)])
    assert login_words(words) == set()


@pytest.mark.parametrize("login", ["jan.kowalski.", "omar65!", "veeti_kokko?"])
def test_a_login_ending_a_sentence_is_covered(login):
    words = words_at([("Projects", 10, 0), ("assigned", 10, 300), (login, 120, 300)])
    assert texts(words, login_words(words)) == {login}

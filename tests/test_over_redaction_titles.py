"""Over-redaction of app names in short window titles: the name of a listed app after a title
separator is no sign-off and no person ("ceph osd tree - Android Studio"), while a sign-off in a
message and a person named in a chat app's title are still found. Real analyzer built from the
shipped files."""
from __future__ import annotations

import pytest


def _people(analyzer, text: str) -> list[str]:
    return sorted(text[r.start:r.end] for r in analyzer.analyze(text, "en", score_threshold=0.4)
                  if r.entity_type == "PERSON")


@pytest.mark.parametrize("title", [
    "ceph osd tree - Android Studio",
    "Docker Desktop",
    "compose logs - Docker Desktop",
    "Monzo — How do I top up",
    "ssh config - Konsole",
    "Channels - Mattermost",
])
def test_a_title_of_listed_app_and_task_words_holds_no_person(analyzer, title):
    assert _people(analyzer, title) == []


@pytest.mark.parametrize("text, name", [
    ("thanks for the fix - Maria", "Maria"),
    ("Kenji - Signal", "Kenji"),
    ("Wanjiru Kamau - Signal", "Wanjiru Kamau"),
    ("Pedro Alves | Zulip", "Pedro Alves"),
    ("Oluwaseun - Mattermost", "Oluwaseun"),
])
def test_a_sign_off_and_a_person_in_a_chat_apps_title_are_still_found(analyzer, text, name):
    assert name in _people(analyzer, text)

"""Person names in slots NER misses, in other scripts, grown and recurring: positives and hard
negatives on the recognizer alone (real word test, real NER entities), then through the analyzer
built from the shipped files and through detection of whole records."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from models.config_files import ConfigFileError, term_list
from models.engine import english_word_test
from models.recognizers.config import load_recognizer_data
from models.recognizers.name_context import NameContextRecognizer, name_context_recognizer
from models.recognizers.ui_terms import load_ui_terms


@pytest.fixture(scope="module")
def names(analyzer) -> NameContextRecognizer:
    data = load_recognizer_data()
    return name_context_recognizer(data, load_ui_terms(data), english_word_test(analyzer.nlp_engine.nlp["en"]))


def _found(names: NameContextRecognizer, analyzer, text: str, with_ner: bool = False) -> list[str]:
    artifacts = analyzer.nlp_engine.process_text(text, "en") if with_ner else None
    return sorted(text[r.start:r.end] for r in names.analyze(text, ["PERSON"], artifacts))


@pytest.mark.parametrize("text, name", [
    ("thx wojtek!! 🙏", "wojtek"),
    ("pairing with oluwaseun after the standup", "oluwaseun"),
    ("cc siobhan on the rollout", "siobhan"),
    ("ping Radek when the build is green", "Radek"),
    ("the deploy is blocked, ask zeynep instead", "zeynep"),
    ("Thanks  eilidh, merged", "eilidh"),
    ("bartosz is out today", "bartosz"),
    ("so um ugo will take the billing piece", "ugo"),
    ("иннокентий is out, ping me", "иннокентий"),
])
def test_a_word_in_a_name_slot_that_is_no_word_is_a_name(names, analyzer, text, name):
    assert _found(names, analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "thx team!! great work", "ask jira for the ticket", "ping devops about the outage",
    "pairing with copilot on the tests", "cc legal and finance", "the deploy is out, ask support instead",
    "ask QA first", "sync with backend at 3", "it is out of scope", "thanks @wojtek", "ping kubernetes-admin",
    "tell nginx to reload", "thx!!", "everyone is out today",
])
def test_words_apps_teams_tools_capitals_and_handles_in_a_slot_are_no_names(names, analyzer, text):
    assert _found(names, analyzer, text) == []


@pytest.mark.parametrize("title, name", [
    ("Book time with Ngozi - Calendly", "Ngozi"),
    ("Heikki Rautio | LinkedIn", "Heikki Rautio"),
    ("Gareth Owen | LinkedIn", "Gareth Owen"),            # "Owen" is a word: the part is all capitalised
    ("Chat | Wanjiru | Microsoft Teams", "Wanjiru"),
    ("Mateus, Grzegorz, Aino - Contoso - Slack", "Mateus, Grzegorz, Aino"),
])
def test_the_first_part_of_a_people_apps_title_that_is_no_ui_words_is_a_name(names, analyzer, title, name):
    assert _found(names, analyzer, title) == [name]


@pytest.mark.parametrize("title", [
    "Settings | Slack", "Project Plan | LinkedIn", "Chat | Microsoft Teams", "#incidents - Contoso - Slack",
    "Quarterly Planning - Google Docs", "Inbox - Outlook", "Book a demo - Calendly",
    "Kanban Board | Slack",  # an unknown word beside a UI word is a product's term
])
def test_titles_of_ui_and_english_words_and_other_apps_hold_no_name(names, analyzer, title):
    assert _found(names, analyzer, title) == []


@pytest.mark.parametrize("text, name", [
    ("moved the sync with ناديا to 15:00", "ناديا"),
    ("so um राहुल will take the billing piece", "राहुल"),
    ("Chat | 李娜 | Microsoft Teams", "李娜"),
    ("王芳 - HubSpot", "王芳"),
    ("git commit --author=\"김 민준 <mj@example.com>\"", "김 민준"),
    ("add Σταύρος Παππάς, sp@example.com to the list", "Σταύρος Παππάς"),
])
def test_a_short_run_of_another_script_in_english_text_is_a_name(names, analyzer, text, name):
    assert _found(names, analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "он сказал что всё готово к релизу завтра утром",          # a sentence in another script
    "Встреча с командой в пятницу | Teams",                     # a text mostly in another script
    "the fix is in, see the changelog: исправлена ошибка при сохранении файла",
    "α = 0.5 and β = 2",                                       # single letters of formulas
    "miss you already ❤️",
])
def test_sentences_texts_of_another_script_and_symbols_are_no_names(names, analyzer, text):
    assert _found(names, analyzer, text) == []


@pytest.mark.parametrize("text, name", [
    ("name,email\nPriya van der Berg,pvdb@example.com", "Priya van der Berg"),
    ("Raghunathan, Priya;Tampere;88123", "Raghunathan, Priya"),
    ("Tomás Ó Briain and Priya Rémy Łukasiewicz at the offsite", "Priya Rémy Łukasiewicz"),
    ("Priya bin Khalid", "Priya bin Khalid"),
])
def test_a_listed_name_grows_over_the_name_like_words_beside_it(names, analyzer, text, name):
    assert name in _found(names, analyzer, text)


def test_a_name_ner_masks_in_part_grows_over_the_rest(names, analyzer):
    text = "git commit --author=\"Þórdís Guðmundsdóttir <tg@example.com>\""
    assert "Þórdís Guðmundsdóttir" in _found(names, analyzer, text, with_ner=True)


@pytest.mark.parametrize("text, kept", [
    ("Priya Settings", "Settings"),                   # a UI word
    ("thanks Priya, Great work today", "Great"),      # a word, and no field after the comma
    ("Priya\nRaghunathan", "Raghunathan"),            # another line
    ("Priya Kubernetes", "Kubernetes"),               # an app word
    ("Priya van the Berg", "Berg"),                   # "the" is no particle
    ("Priya, Tampere office", "Tampere"),             # no field ends after the comma
])
def test_a_name_does_not_grow_over_words_other_lines_or_prose_after_a_comma(names, analyzer, text, kept):
    assert all(kept not in found for found in _found(names, analyzer, text))


def test_the_parts_of_a_name_found_are_masked_where_they_recur_and_a_possessive_is_kept(names, analyzer):
    text = "thx radek!! 🙏\n\nRadek said the fix is in; radek's branch is merged"
    assert [found.lower() for found in _found(names, analyzer, text)] == ["radek", "radek", "radek"]


def test_a_word_that_recurs_but_was_never_a_name_is_left(names, analyzer):
    assert _found(names, analyzer, "thx radek!! the grafana board is up, grafana is slow") == ["radek"]


def test_the_analyzer_built_from_the_shipped_files_finds_them(analyzer):
    text = "pairing with oluwaseun after lunch, then 1:1 with Þórdís Guðmundsdóttir"
    found = {text[r.start:r.end] for r in analyzer.analyze(text=text, language="en") if r.entity_type == "PERSON"}
    assert {"oluwaseun", "Þórdís Guðmundsdóttir"} <= found


@pytest.mark.parametrize("old, new, key", [
    ("  max_growth_words: 3", "  max_growth_words: 9", "person_names.max_growth_words"),
    ("  stop_words: name_stop_words.txt", "  stop_words: missing.txt", "person_names.stop_words"),
    ("particles: [van,", "particles: [Van,", "person_names.particles"),
    ("    min_latin_share: 0.5", "    min_latin_share: 0.5\n    max_share: 1", "person_names.non_latin.max_share"),
])
def test_a_bad_person_names_section_fails_naming_the_key(tmp_path, old, new, key):
    text = open("models/data/recognizers.yaml", encoding="utf-8").read()
    assert old in text
    path = tmp_path / "recognizers.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ConfigFileError, match=key.replace(".", r"\.")):
        load_recognizer_data(path)


@pytest.mark.parametrize("text", [
    "So if there's no GUI for this, I'm assuming sudo will work", "hi guyz", "use eth1 and not eth0, ask eth1",
    "LAMP is Linux-Apache-MySQL-PHP", "https://chatgpt.com/c/77rK0HTW", "mail jane.doe@example.com, ask jane.doe",
    "Search - Contoso - Slack", "#eng-search - Contoso - Slack",
])
def test_contractions_commands_identifiers_and_workspaces_are_no_names(names, analyzer, text):
    assert _found(names, analyzer, text) == []


@pytest.mark.parametrize("title, name", [
    ("Carole (DM) - Contoso - Slack", "Carole"),
    ("Contact | Wanjiru Kamau | HubSpot", "Wanjiru Kamau"),
])
def test_a_people_view_or_a_dm_mark_beside_the_name_is_kept(names, analyzer, title, name):
    assert _found(names, analyzer, title) == [name]


@pytest.mark.parametrize("text, name", [
    ("name,email\nAnsgar Vantongeren,av@example.com", "Ansgar Vantongeren"),
    ("Ilsabet Quirke;Tampere;8812", "Ilsabet Quirke"),
    ("Oddvar Brænne\n\n12 Harbour Road", "Oddvar Brænne"),
    ("id\tname\n7\tMaren van Tongeren\tok", "Maren van Tongeren"),
])
def test_a_field_of_a_row_or_a_line_that_is_only_name_like_words_is_a_name(names, analyzer, text, name):
    assert _found(names, analyzer, text) == [name]


@pytest.mark.parametrize("text", [
    "item,price\nBlue Widget,12.00", "Northwind Traders;Seattle;WA", "we met Ansgar Vantongeren yesterday",
    "Grafana Kubernetes,ok", "Vantongeren,av@example.com",
])
def test_fields_of_words_prose_and_single_words_are_not_read_as_a_row_name(names, analyzer, text):
    assert _found(names, analyzer, text) == []


def test_no_listed_given_name_is_an_app_ui_chat_or_work_word():
    data = load_recognizer_data()
    known = {*load_ui_terms(data), *term_list(data.addressees.chat_words), *term_list(data.person_names.stop_words)}
    listed = term_list(data.first_names.terms)
    assert len(listed) > 400
    assert [name for name in listed if name in known] == []


def test_a_records_names_in_slots_titles_and_other_scripts_are_detected_in_their_fields(analyzer_settings):
    from models.detection import detect_batch
    from models.engine import shared_detector
    from tests.test_batched_detection import chat

    record = chat("n1", "ugo is out today", "pairing with oluwaseun after lunch", "so um राहुल will take the docs",
                  app="Microsoft Teams", window_title="Chat | Wanjiru Kamau | Microsoft Teams")
    finding = detect_batch(shared_detector(analyzer_settings), [record], analyzer_settings)[0]
    texts = {field.name: field.text for field in record.fields}
    people = {(name, texts[name][s.start:s.end]) for name, spans in finding.spans for s in spans
              if s.entity_type == "PERSON"}
    assert {("segments/0", "ugo"), ("segments/1", "oluwaseun"), ("segments/2", "राहुल"),
            ("window_title", "Wanjiru Kamau")} <= people
    assert not any(name == "window_title" and "Chat" in value for name, value in people)


@pytest.mark.parametrize("text, name", [
    ("अनुज खन्ना | LinkedIn", "अनुज खन्ना"),                      # more letters of the app's name than of the person's
    ("ping 欧阳娜娜 about the invoice", "欧阳娜娜"),
])
def test_short_titles_and_unspaced_names_are_read_by_their_letters(names, analyzer, text, name):
    assert _found(names, analyzer, text) == [name]


@pytest.mark.parametrize("text, kept", [
    ("please translate 我们明天开会讨论这个问题 thanks", "我们明天开会讨论这个问题"),   # a sentence, not a name
    ("the verses from Priya's Cautionary Tales", "Cautionary"),                      # a possessive ends a name
    ("Globex's Priya Raghunathan", "Globex"),
])
def test_phrases_without_spaces_and_words_past_a_possessive_are_not_names(names, analyzer, text, kept):
    assert all(kept not in found for found in _found(names, analyzer, text))


def test_a_ner_span_of_part_of_a_word_does_not_take_the_word_but_a_whole_one_grows(names):
    text = "the stack is Kestrel-Vantongeren-Quirke, ask Oddvar Brænne"
    def entity(value: str) -> SimpleNamespace:
        return SimpleNamespace(label_="PERSON", start_char=text.index(value), end_char=text.index(value) + len(value))
    artifacts = SimpleNamespace(entities=[entity("Kestrel"), entity("Brænne")])
    assert [text[r.start:r.end] for r in names.analyze(text, ["PERSON"], artifacts)] == ["Oddvar Brænne"]


def test_a_ner_span_without_the_possessive_still_takes_the_word_and_grows(names):
    text = "that was Vantongeren's call"
    start = text.index("Vantongeren")
    artifacts = SimpleNamespace(entities=[SimpleNamespace(label_="PERSON", start_char=start, end_char=start + 11)])
    assert [text[r.start:r.end] for r in names.analyze(text, ["PERSON"], artifacts)] == ["Vantongeren"]

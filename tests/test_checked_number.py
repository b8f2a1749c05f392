"""National ids with no cue, kept when python-stdnum's check accepts them and no order or build word precedes."""
from __future__ import annotations

import pytest

from models.config_files import ConfigFileError
from models.recognizers.checked_number import CheckedNumberRecognizer
from models.recognizers.config import RECOGNIZERS_FILE, load_recognizer_data, recognizer_data

RECOGNIZER = CheckedNumberRecognizer(recognizer_data().checked_numbers)


def ids(text: str) -> list[str]:
    return [text[r.start:r.end] for r in RECOGNIZER.analyze(text, ["NATIONAL_ID"])]


@pytest.mark.parametrize("valid, invalid", [
    ("714.602.385-08", "714.602.385-09"),          # Brazilian CPF
    ("VRDGNN78E52L219Z", "VRDGNN78E52L219A"),      # Italian codice fiscale
    ("vrdgnn78e52l219z", "vrdgnn78e52l219a"),      # ... typed in lower case
    ("X6039218Q", "X6039218R"),                    # Spanish NIE
    ("02210735189", "02210735188"),                # Polish PESEL
    ("5298 3017 6627", "5298 3017 6628"),          # Indian Aadhaar
    ("010923-3184225", "010923-3184226"),          # Korean RRN
])
def test_a_number_of_an_id_shape_counts_only_when_its_check_digits_pass(valid, invalid):
    assert ids(f"row: {valid};") == [valid]
    assert ids(f"row: {invalid};") == []


@pytest.mark.parametrize("text", ["order no. 02210735189", "Invoice #: 02210735189", "build 02210735189",
                                  "tracking number 5010923400171", "PO 714.602.385-08", "Order-No 02210735189",
                                  "order_id=02210735189", "Invoice-Nr. 02210735189", "Job-ID: 02210735189"])
def test_a_number_after_an_order_invoice_or_build_word_is_no_id(text):
    assert ids(text) == []


def test_a_card_number_is_not_read_as_an_aadhaar_and_a_longer_run_is_no_id():
    assert ids("card 4539 1488 0343 6467") == []
    assert ids("022107351890 and 5298 3017 6627 1") == []


def test_when_a_check_names_no_stdnum_module_then_loading_fails_naming_it(tmp_path):
    path = tmp_path / "recognizers.yaml"
    text = RECOGNIZERS_FILE.read_text(encoding="utf-8")
    assert "checks: [br.cpf]" in text
    path.write_text(text.replace("checks: [br.cpf]", "checks: [br.cpff]"), encoding="utf-8")
    with pytest.raises(ConfigFileError, match="checked_numbers.*br.cpff"):
        load_recognizer_data(path)


def test_the_real_analyzer_masks_a_checked_id_alone_and_keeps_an_order_number(analyzer, analyzer_settings):
    def spans(text: str) -> set[tuple[str, str]]:
        return {(r.entity_type, text[r.start:r.end])
                for r in analyzer.analyze(text=text, language="en", score_threshold=analyzer_settings.score_threshold)}

    assert ("NATIONAL_ID", "VRDGNN78E52L219Z") in spans("Giovanna Verdi, VRDGNN78E52L219Z, Milano")
    assert not {entity for entity, _ in spans("order no. 02210735189 shipped")} & {"NATIONAL_ID", "ACCOUNT_NUMBER"}

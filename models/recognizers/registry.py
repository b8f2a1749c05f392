"""The recognizers the analyzer registers: those models/data/presidio_registry.yaml declares in Presidio's
format, made by Presidio's RecognizerRegistryProvider, and ours built from recognizers.yaml."""
from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.input_validation import ConfigurationValidator
from presidio_analyzer.input_validation.yaml_recognizer_models import CustomRecognizerConfig, PredefinedRecognizerConfig
from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider
from spacy.lookups import Lookups

from models.config_files import DATA_DIR, ConfigFileError, read_yaml_file, term_list
from models.login_words import LOOKUPS_DIR
from models.recognizers.account_number import AccountNumberRecognizer, CustomerIdRecognizer
from models.recognizers.addressee import AddresseeRecognizer
from models.recognizers.bare_handle import BareHandleRecognizer
from models.recognizers.checked_number import CheckedNumberRecognizer
from models.recognizers.column_header import ColumnHeaderRecognizer
from models.recognizers.config import RecognizerData
from models.recognizers.drug_name import DrugNameRecognizer
from models.recognizers.ein import UsEinRecognizer
from models.recognizers.email import OfflineEmailRecognizer
from models.recognizers.employee_id import EmployeeIdRecognizer
from models.recognizers.file_name import FileNameRecognizer
from models.recognizers.first_name import FirstNameRecognizer
from models.recognizers.high_entropy import HighEntropyRecognizer
from models.recognizers.icd10 import Icd10Recognizer
from models.recognizers.inline_value import InlineValueRecognizer
from models.recognizers.labelled_value import labelled_value_recognizers
from models.recognizers.medical_record_number import MedicalRecordNumberRecognizer
from models.recognizers.mention import MentionRecognizer
from models.recognizers.name_context import name_context_recognizer
from models.recognizers.national_phone import NationalPhoneRecognizer
from models.recognizers.pattern_family import pattern_family_recognizers
from models.recognizers.pattern_sets import pattern_set_recognizers
from models.recognizers.personal_url import personal_url_recognizers
from models.recognizers.place_cue import PlaceCueRecognizer, nouns_only
from models.recognizers.speaker_label import SpeakerLabelRecognizer
from models.recognizers.title_handle import TitleHandleRecognizer
from models.recognizers.title_name import TitleNameRecognizer
from models.recognizers.url_token import UrlPathTokenRecognizer

REGISTRY_FILE = DATA_DIR / "presidio_registry.yaml"
# Presidio reads these from its own default file when a configuration leaves one out: never here.
_TOP_LEVEL_KEYS = ("supported_languages", "global_regex_flags", "recognizers")
# Recognizer classes of ours the registry file names as predefined: Presidio finds a class by its name
# among the EntityRecognizer subclasses imported.
DECLARED_CLASSES = (OfflineEmailRecognizer,)


def load_registry_configuration(path: str | Path = REGISTRY_FILE) -> dict[str, Any]:
    """The registry file, checked by Presidio's schema and for keys that schema does not know
    (it would drop one silently: a misspelt `enabled` would leave a recognizer on); a bad file raises
    ConfigFileError naming the file and the key."""
    raw = read_yaml_file(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("recognizers"), list):
        raise ConfigFileError(f"{path}: recognizers: a list of recognizers is required")
    missing = [key for key in _TOP_LEVEL_KEYS if key not in raw]
    if missing:
        raise ConfigFileError(f"{path}: {missing[0]}: required (Presidio would take its default)")
    for index, entry in enumerate(raw["recognizers"]):
        if not isinstance(entry, dict):
            raise ConfigFileError(f"{path}: recognizers.{index}: a mapping with a name and a type is required")
        schema = PredefinedRecognizerConfig if entry.get("type") == "predefined" else CustomRecognizerConfig
        unknown = sorted(set(entry) - set(schema.model_fields))
        if unknown:
            raise ConfigFileError(f"{path}: recognizers.{index}.{unknown[0]}: not a key of Presidio's "
                                  f"{schema.__name__}")
    try:
        # Checked only: the provider validates again, and refuses the dump this returns (None fields).
        ConfigurationValidator.validate_recognizer_registry_configuration(raw)
    except ValueError as exc:
        cause = exc.__cause__
        if not isinstance(cause, pydantic.ValidationError):
            raise ConfigFileError(f"{path}: {type(exc).__name__}") from None
        error = cause.errors(include_input=False)[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise ConfigFileError(f"{path}: {key}: {error['msg']}") from None
    return raw


def declared_recognizers(configuration: dict[str, Any]) -> list[EntityRecognizer]:
    """The recognizers a validated registry configuration declares, made by Presidio's provider.
    No NLP engine is given to it: the NLP recognizer is ours, added by the engine (models/engine.py)."""
    provider = RecognizerRegistryProvider(registry_configuration=configuration)
    return list(provider.create_recognizer_registry().recognizers)


def custom_recognizers(data: RecognizerData, ui_terms: frozenset[str],
                       is_word: Callable[[str], bool]) -> list[EntityRecognizer]:
    """Fresh instances of our recognizers built from recognizers.yaml (`data`), in code: their regexes
    are made from its cue and word lists, which Presidio's registry format cannot express. `is_word`
    tells an English word (the model's lemma tables) from a handle."""
    return [HighEntropyRecognizer(data), *labelled_value_recognizers(data),
            MedicalRecordNumberRecognizer(data), Icd10Recognizer(data), DrugNameRecognizer(data),
            UsEinRecognizer(data), EmployeeIdRecognizer(data), FirstNameRecognizer(data),
            *pattern_set_recognizers(data, ui_terms), CustomerIdRecognizer(data), AccountNumberRecognizer(data),
            CheckedNumberRecognizer(data.checked_numbers), ColumnHeaderRecognizer(data.column_headers, is_word_or_ui(is_word, ui_terms)),
            *pattern_family_recognizers(data), UrlPathTokenRecognizer(data, is_word_or_ui(is_word, ui_terms)),
            *personal_url_recognizers(data),
            TitleHandleRecognizer(data.title_handles, is_word_or_ui(is_word, ui_terms | system_accounts(data)),
                                  frozenset(data.bare_handles.file_types), frozenset(term_list(data.first_names.terms))),
            # Words after a thanks or greeting in other languages are no name either ("obrigado pessoal").
            TitleNameRecognizer(data.title_names, is_word, ui_terms | frozenset(data.bare_handles.code_words)
                                | frozenset(term_list(data.person_names.stop_words)),
                                frozenset(term_list(data.first_names.terms)), frozenset(data.person_names.particles)),
            FileNameRecognizer(data.file_names, is_word, ui_terms | frozenset(data.bare_handles.code_words),
                               frozenset(term_list(data.first_names.terms))),
            NationalPhoneRecognizer(data.national_phones), AddresseeRecognizer(data.addressees, is_word, ui_terms),
            BareHandleRecognizer(data.bare_handles, is_word, ui_terms | system_accounts(data),
                                 frozenset(term_list(data.first_names.terms))),
            inline := InlineValueRecognizer(data.inline_values, is_word, inline_known_words(data, ui_terms),
                                            frozenset(term_list(data.first_names.terms)),
                                            frozenset(data.bare_handles.file_types)),
            MentionRecognizer(data.mentions, inline),
            name_context_recognizer(data, ui_terms, is_word),
            SpeakerLabelRecognizer(data.speaker_labels, is_word_or_ui(is_word, ui_terms),
                                   frozenset(term_list(data.first_names.terms))),
            PlaceCueRecognizer(data.place_cues, is_word, _nouns_only(),
                               ui_terms | frozenset(term_list(data.addressees.chat_words))
                               | frozenset(data.bare_handles.code_words) | system_accounts(data))]


@cache
def _nouns_only() -> frozenset[str]:
    """Words the shipped model's lemma tables list only as nouns (read once)."""
    return nouns_only(Lookups().from_disk(LOOKUPS_DIR))


def is_word_or_ui(is_word: Callable[[str], bool], ui_terms: frozenset[str]) -> Callable[[str], bool]:
    """Whether a lower-case word is English (`is_word`) or an app or UI word."""
    return lambda word: word in ui_terms or is_word(word)


def inline_known_words(data: RecognizerData, ui_terms: frozenset[str]) -> frozenset[str]:
    """Words no inline login or secret is: app, UI, chat, code and system words, stems of things named with a
    number (`node18`, `office365`), and words of work a login cue names things with (`user auth-service`)."""
    return (ui_terms | system_accounts(data) | frozenset(data.bare_handles.code_words)
            | frozenset(term_list(data.addressees.chat_words))
            | frozenset(data.work_identifiers["said_and_pasted_secrets"].word_list("not_password_stems"))
            | frozenset(data.work_identifiers["usernames"].word_list("work_stems")))


def system_accounts(data: RecognizerData) -> frozenset[str]:
    """Logins every machine has (root, admin, ubuntu, ...): never a person's handle."""
    return frozenset(data.work_identifiers["usernames"].word_list("system_accounts"))

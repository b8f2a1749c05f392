"""Every custom recognizer in one list, for the analyzer to register."""
from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from models.recognizers.account_number import AccountNumberRecognizer, CustomerIdRecognizer
from models.recognizers.api_key import ApiKeyRecognizer
from models.recognizers.drug_name import DrugNameRecognizer
from models.recognizers.ein import UsEinRecognizer
from models.recognizers.employee_id import EmployeeIdRecognizer
from models.recognizers.first_name import FirstNameRecognizer
from models.recognizers.high_entropy import HighEntropyRecognizer
from models.recognizers.icd10 import Icd10Recognizer
from models.recognizers.labelled_value import labelled_value_recognizers
from models.recognizers.medical_record_number import MedicalRecordNumberRecognizer
from models.recognizers.pattern_family import pattern_family_recognizers
from models.recognizers.pattern_sets import pattern_set_recognizers
from models.recognizers.url_token import UrlPathTokenRecognizer


def custom_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of our recognizers (the offline e-mail one replaces Presidio's and is added apart)."""
    return [ApiKeyRecognizer(), HighEntropyRecognizer(), *labelled_value_recognizers(),
            MedicalRecordNumberRecognizer(), Icd10Recognizer(), DrugNameRecognizer(),
            UsEinRecognizer(), EmployeeIdRecognizer(), FirstNameRecognizer(), *pattern_set_recognizers(),
            CustomerIdRecognizer(), AccountNumberRecognizer(), *pattern_family_recognizers(),
            UrlPathTokenRecognizer()]

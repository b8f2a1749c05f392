"""Health, tax and HR span recognizers: positives, the hard negatives they must leave alone, and the real analyzer."""
from __future__ import annotations

import pytest

from models.config_files import ConfigFileError, term_list
from models.engine import build_analyzer
from models.recognizers.config import DATA_DIR, RECOGNIZERS_FILE, load_recognizer_data, recognizer_data
from models.recognizers.drug_name import DrugNameRecognizer
from models.recognizers.ein import UsEinRecognizer
from models.recognizers.employee_id import EmployeeIdRecognizer
from models.recognizers.icd10 import Icd10Recognizer
from models.recognizers.medical_record_number import MedicalRecordNumberRecognizer
from models.recognizers.registry import custom_recognizers, declared_recognizers, load_registry_configuration
from models.recognizers.ui_terms import load_ui_terms

DATA = recognizer_data()
UI_TERMS = load_ui_terms(DATA)
RECOGNIZERS = [MedicalRecordNumberRecognizer(DATA), Icd10Recognizer(DATA), DrugNameRecognizer(DATA),
               UsEinRecognizer(DATA), EmployeeIdRecognizer(DATA)]
OUR_ENTITIES = {"MEDICAL_RECORD_NUMBER", "ICD10_CODE", "DRUG_NAME", "US_EIN", "EMPLOYEE_ID"}


def scored(text: str) -> dict[tuple[str, str], float]:
    return {(r.entity_type, text[r.start:r.end]): r.score
            for recognizer in RECOGNIZERS for r in recognizer.analyze(text, recognizer.supported_entities)}


@pytest.mark.parametrize("text, entity, value", [
    ("MRN: 00482913", "MEDICAL_RECORD_NUMBER", "00482913"),
    ("MRN 4829134 admitted", "MEDICAL_RECORD_NUMBER", "4829134"),
    ("medical record # A1234567", "MEDICAL_RECORD_NUMBER", "A1234567"),
    ("patient ID: PT-004821", "MEDICAL_RECORD_NUMBER", "PT-004821"),
    ("Chart No. 7731904 (Dr. Lee)", "MEDICAL_RECORD_NUMBER", "7731904"),
    ("patient_id=48291345", "MEDICAL_RECORD_NUMBER", "48291345"),
    ("ICD-10 code E11.9", "ICD10_CODE", "E11.9"),
    ("dx: E11.65", "ICD10_CODE", "E11.65"),
    ("Diagnosis J45.909 (mild asthma)", "ICD10_CODE", "J45.909"),
    ("billed as I10", "ICD10_CODE", "I10"),
    ("Dx: E11.9, I10 and Z79.4", "ICD10_CODE", "I10"),
    ("Dx: E11.9, I10 and Z79.4", "ICD10_CODE", "Z79.4"),
    ("diagnosed with F32.A last year", "ICD10_CODE", "F32.A"),
    ("codes: M54.5", "ICD10_CODE", "M54.5"),
    ("takes metformin daily", "DRUG_NAME", "metformin"),
    ("metformin 500 mg twice a day", "DRUG_NAME", "metformin 500 mg"),
    ("Lisinopril 10mg and Atorvastatin", "DRUG_NAME", "Atorvastatin"),
    ("started Ozempic last week", "DRUG_NAME", "Ozempic"),
    ("SEMAGLUTIDE 0.25 mg weekly", "DRUG_NAME", "SEMAGLUTIDE 0.25 mg"),
    ("insulin glargine 10 units at night", "DRUG_NAME", "insulin glargine 10 units"),
    ("out of adderall again", "DRUG_NAME", "adderall"),
    ("amoxicillin-clavulanate 875 mg", "DRUG_NAME", "amoxicillin-clavulanate 875 mg"),
    ("EIN: 12-3456789", "US_EIN", "12-3456789"),
    ("Federal Tax ID Number (EIN) 12-3456789", "US_EIN", "12-3456789"),
    ("our FEIN is 98-7654321.", "US_EIN", "98-7654321"),
    ("employer_id=451234567", "US_EIN", "451234567"),
    ("TIN 45-1234567", "US_EIN", "45-1234567"),
    ("EMP-004821", "EMPLOYEE_ID", "EMP-004821"),
    ("assigned to emp-4821 today", "EMPLOYEE_ID", "emp-4821"),
    ("employee id: 48213", "EMPLOYEE_ID", "48213"),
    ("badge #10492", "EMPLOYEE_ID", "10492"),
    ("Employee No. 3391", "EMPLOYEE_ID", "3391"),
    ("staff_id=A-7781", "EMPLOYEE_ID", "A-7781"),
])
def test_when_value_is_an_identifier_or_drug_then_it_is_found(text, entity, value):
    assert (entity, value) in scored(text)


@pytest.mark.parametrize("text", [
    # Bare numbers: builds, tickets, orders, dates.
    "build 4829134 passed on staging",
    "order 00482913 shipped",
    "patient_id column renamed in build 4829134",
    "12-3456789",
    "part 12-3456789 is back-ordered",
    "range 2024-2031 and ticket 12-3456789",
    "we hired 120 employees in 2024",
    "conference badge 2024 is ready",
    "employee 3391 records were migrated",
    # ICD-10 look-alikes.
    "scale the m5.xlarge and t3.micro pools to c5.2xlarge",
    "released v1.2.3 and V1.2.3-rc1",
    "E2E tests pass; I/O bound",
    "error code E12 and exit code A10",
    "QR code A12 and source code B12",
    "p99.9 latency, P99.9 and P95.5 budgets",
    "A12 B34 I10 as grid cells",
    "x86.64 build, H264 codec, A100 GPUs",
    "hash e11f9a and 0xE11.9",
    "dx e11.9 typed in lower case",
    # Ordinary work sentences: no drug names.
    "deploy the react app behind express with a flask backend",
    "spark job feeds prometheus; grafana alerts on latency",
    "merge the pull request after code review",
    "the lithium battery test and the nicotine-free policy",
    "temp-1234 and emporium-4821 are hostnames",
])
def test_when_text_is_ordinary_work_then_nothing_is_found(text):
    assert scored(text) == {}


@pytest.mark.parametrize("text, value", [
    ("ICD-10 code E11.9", "E11.9"),
    ("dx I10", "I10"),
    ("billed under Z79.4", "Z79.4"),
])
def test_when_icd10_code_has_a_cue_then_it_scores_at_least_0_6(text, value):
    assert scored(text)[("ICD10_CODE", value)] >= 0.6


def test_when_icd10_code_is_bare_then_only_the_dotted_form_counts_and_weakly():
    assert 0.4 <= scored("results: E11.9")[("ICD10_CODE", "E11.9")] < 0.6
    assert scored("results: I10") == {}


def test_when_employee_id_has_the_emp_shape_then_it_scores_0_6_alone_and_more_with_a_cue():
    assert scored("EMP-004821")[("EMPLOYEE_ID", "EMP-004821")] == pytest.approx(0.6)
    assert scored("employee id EMP-004821")[("EMPLOYEE_ID", "EMP-004821")] > 0.6


def test_drug_list_is_curated_lower_case_and_free_of_work_words():
    text = (DATA_DIR / recognizer_data().drug_names.terms).read_text(encoding="utf-8")
    assert text.startswith("#") and "hand-curated common US generic and brand names" in text.splitlines()[1]
    terms = set(term_list(recognizer_data().drug_names.terms))
    assert {"metformin", "lisinopril", "atorvastatin", "sertraline", "adderall", "ozempic", "semaglutide",
            "insulin glargine", "levothyroxine", "prednisone", "amoxicillin"} <= terms
    assert not terms & {"spark", "react", "flask", "express", "prometheus", "lithium", "nicotine", "soma",
                        "exelon", "norco", "plan b", "ella", "allegra"}


def test_when_a_shape_is_not_a_valid_regex_then_loading_fails_naming_the_key(tmp_path):
    path = tmp_path / "recognizers.yaml"
    original = r"value: '(?<![\w\-])\d{2}-?\d{7}(?![\w\-])'"
    assert original in RECOGNIZERS_FILE.read_text()
    path.write_text(RECOGNIZERS_FILE.read_text().replace(original, r"value: '\d{2}-(\d{7}'"))
    with pytest.raises(ConfigFileError, match="ein.value"):
        load_recognizer_data(path)


def test_when_a_section_has_an_unknown_key_then_loading_fails_naming_it(tmp_path):
    path = tmp_path / "recognizers.yaml"
    path.write_text(RECOGNIZERS_FILE.read_text().replace("  cue_score: 0.85\n", "  cue_scor: 0.85\n", 1))
    with pytest.raises(ConfigFileError, match="medical_record_number"):
        load_recognizer_data(path)


def test_the_registry_file_and_custom_recognizers_list_every_recognizer_once():
    recognizers = [*declared_recognizers(load_registry_configuration()),
                   *custom_recognizers(DATA, UI_TERMS, str.isalpha)]
    names = [r.name for r in recognizers]
    assert len(names) == len(set(names))
    assert {"ApiKeyRecognizer", "OfflineEmailRecognizer", "HighEntropyRecognizer", "LabelledValueUsSsnRecognizer",
            "MedicalRecordNumberRecognizer", "Icd10Recognizer", "DrugNameRecognizer", "UsEinRecognizer",
            "EmployeeIdRecognizer"} <= set(names)
    assert all(r.supported_language == "en" for r in recognizers)


@pytest.fixture(scope="module")
def full_analyzer(analyzer_settings):
    """A fresh real analyzer (not the session one, which other tests share) with every custom recognizer."""
    analyzer = build_analyzer(analyzer_settings)
    registered = {r.name for r in analyzer.registry.recognizers}
    for recognizer in custom_recognizers(DATA, UI_TERMS, str.isalpha):
        if recognizer.name not in registered:
            analyzer.registry.add_recognizer(recognizer)
    return analyzer


def analyzed(analyzer, settings, text: str) -> set[tuple[str, str]]:
    results = analyzer.analyze(text=text, language=settings.language, score_threshold=settings.score_threshold)
    return {(r.entity_type, text[r.start:r.end]) for r in results if r.entity_type in OUR_ENTITIES}


def test_when_the_real_analyzer_has_our_recognizers_then_it_finds_them_in_a_sentence(full_analyzer,
                                                                                     analyzer_settings):
    text = ("Patient MRN: 00482913, dx E11.9 and I10, on metformin 500 mg. "
            "Employer EIN 12-3456789; entered by EMP-004821.")
    assert analyzed(full_analyzer, analyzer_settings, text) == {
        ("MEDICAL_RECORD_NUMBER", "00482913"), ("ICD10_CODE", "E11.9"), ("ICD10_CODE", "I10"),
        ("DRUG_NAME", "metformin 500 mg"), ("US_EIN", "12-3456789"), ("EMPLOYEE_ID", "EMP-004821")}


def test_when_the_real_analyzer_reads_ordinary_work_then_none_of_ours_fire(full_analyzer, analyzer_settings):
    text = "Deployed build 4829134 to m5.xlarge nodes on v1.2.3; E2E tests pass, ticket 12-3456789 closed."
    assert analyzed(full_analyzer, analyzer_settings, text) == set()

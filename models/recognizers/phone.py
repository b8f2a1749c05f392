"""Presidio's phone recognizer without the parses that cannot succeed: in chat and voice text most
candidates phonenumbers finds are times, amounts and version numbers of one to five digits, each
parsed once per region and again for its inner groups, though no valid number is that short."""
from __future__ import annotations

from functools import cache

import phonenumbers
from phonenumbers import PhoneMetadata
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from models.compat import FilteredPhoneNumberMatcher, phone_result


@cache
def fewest_digits(region: str) -> int:
    """The fewest digits a valid number can have when read for `region`: its own shortest national
    number, or the shortest country code plus national number of any region (`+49 1234`)."""
    def shortest(metadata: PhoneMetadata) -> int:
        return min(metadata.general_desc.possible_length)

    international = min(len(str(metadata.country_code)) + shortest(metadata)
                        for code in phonenumbers.SUPPORTED_REGIONS
                        if (metadata := PhoneMetadata.metadata_for_region(code)).general_desc.possible_length)
    return min(shortest(PhoneMetadata.metadata_for_region(region)), international)


class _ShortCandidatesSkipped(FilteredPhoneNumberMatcher):
    """phonenumbers' matcher, passing over a candidate with fewer digits than any valid number of
    the region: every match it could yield lies inside the candidate, so none is lost."""

    def __init__(self, text: str, region: str, leniency: int):
        super().__init__(text, region, leniency=leniency)
        self._fewest_digits = fewest_digits(region)

    def accepts(self, candidate: str) -> bool:
        return sum(char.isdecimal() for char in candidate) >= self._fewest_digits


class ShortCandidatesSkippedPhoneRecognizer(PhoneRecognizer):
    """PhoneRecognizer with the same regions, leniency, context and results (a test compares them on
    the corpora), only faster. Requires a region phonenumbers knows: validated in recognizers.yaml."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Presidio's phone results for every configured region."""
        # Presidio's loop (PhoneRecognizer.analyze, 2.2.366) with the matcher above.
        results = []
        # A candidate is part of the text: with fewer digits in all than a region's shortest number, none passes.
        digits = sum(char.isdecimal() for char in text)
        for region in self.supported_regions:
            if digits < fewest_digits(region):
                continue
            for match in _ShortCandidatesSkipped(text, region, self.leniency):
                try:
                    found_region = phonenumbers.region_code_for_number(phonenumbers.parse(text[match.start:match.end]))
                except phonenumbers.NumberParseException:
                    found_region = region
                results.append(phone_result(self, match, text, found_region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)

"""Personal parts of URLs the profile-host patterns miss: a person's subdomain on a page platform, a
login or e-mail in a query, a `/~user` page, a name slug after a profile id, handles in any script."""
from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.recognizers.config import RecognizerData


def personal_url_recognizers(data: RecognizerData) -> list[PatternRecognizer]:
    """A PatternRecognizer per entity type of the `personal_urls` section, word lists filled in."""
    return [PatternRecognizer(supported_entity=entity, supported_language="en",
                              name=f"PersonalUrl{entity.title().replace('_', '')}Recognizer",
                              patterns=[checked_pattern(name, shape.regex, shape.score) for name, shape in shapes.items()],
                              global_regex_flags=regex.MULTILINE)
            for entity, shapes in data.personal_urls.expanded().items()]

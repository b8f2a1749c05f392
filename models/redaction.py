"""A record with its detected spans -> the sanitized record written to the training sink."""
from __future__ import annotations

import base64
import bisect
import dataclasses
import json
import re
from collections import Counter
from typing import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from models.avatars import AVATAR, find_avatars, without_overflow_chips
from models.deadline import check_deadline
from models.images import cover_boxes, cover_words, decode_image, encode_png
from models.keystrokes import (
    SECRET,
    SHORTCUT_DIGITS,
    UNVERIFIED_TEXT,
    focus_secrets,
    mask_all_typing,
    mask_events,
    mask_shortcuts,
    shortcut_digit_spans,
    shortcut_text,
    typed_text,
)
from models.login_words import is_ordinary_word
from models.name_forms import joined_forms
from models.name_initials import initials_beside_names
from models.ocr import joined_text
from models.placeholders import merge_spans, replace_spans
from models.policy import Policy
from models.pseudonyms import pseudonymize
from models.record_ids import written_record_id
from models.records import DiscardedRecord, Finding, KeyEvent, OcrWord, PreparedRecord, SanitizedRecord, Span
from models.screen_fields import (
    AVATAR_LABEL,
    CUED_FIELD,
    LOGIN_SHAPE,
    NAME_PART,
    avatar_labels,
    cued_fields,
    login_words,
    name_parts,
)
from models.screen_ink import grown_words
from models.screen_layout import INITIALS, TABLE_COLUMN, column_mates, lone_initials, top_bar_initials
from models.screen_text import line_text, paragraph_shape, paragraph_text
from models.screen_tokens import TOKEN_SHAPE, token_cover
from models.text_views import (
    DELETED,
    ERASED,
    OCR,
    OCR_JOINED,
    OCR_LINES,
    OCR_PARAGRAPHS,
    PASTED,
    SHORTCUTS,
    TYPED,
    context_text,
    segment_field,
    written_context,
)
from models.unreadable import OTHER_SCRIPT, UNREADABLE_TEXT, other_script_indices, unreadable_indices
from models.value_search import ValueMatch, ValueSearch

SpansByField = dict[str, list[Span]]

# Speaker labels that name a role, not a person.
SPEAKER_ROLES = frozenset({"user", "assistant", "agent", "system", "speaker", "you", "me", "host", "guest",
                           "customer", "caller", "bot", "narrator", "interviewer", "moderator", "unknown",
                           "dr", "mr", "mrs", "ms", "mx", "prof", "sir", "doctor", "patient", "chatgpt", "claude"})
# The fraction of a second past milliseconds, in an RFC 3339 time.
_LONG_FRACTION = re.compile(r"(\.\d{3})\d+")
# Hex characters of the keyed digest in a hashed placeholder, e.g. <EMPLOYEE_ID#3fa2c1d9e0b1>.
HASH_CHARS = 12


class IncompleteFinding(ValueError):
    """A finding made for another policy reached sanitizing: made without NER, as its category was
    to be dropped, or without looking for a type this policy replaces. Raised, so the record fails
    closed as error:redact."""


def apply_policy(finding: Finding, policy: Policy, key: bytes) -> SanitizedRecord | DiscardedRecord:
    """The policy's verdict on one record: dropped by its category or an entity type, or sanitized."""
    record = finding.prepared.record
    if finding.category and policy.categories[finding.category].action == "drop_record":
        return DiscardedRecord(record.kind, f"dropped:category:{finding.category}")
    dropping = sorted({span.entity_type for _, spans in finding.spans for span in spans
                       if policy.entity_rule(span.entity_type).action == "drop_record"})
    if dropping:
        return DiscardedRecord(record.kind, f"dropped:entity:{dropping[0]}")
    return sanitize(finding, policy, key)


def sanitize(finding: Finding, policy: Policy, key: bytes) -> SanitizedRecord:
    """Mask or hash every span the policy replaces, in every field, and pseudonymize the user id.

    A record whose category the policy masks (rather than drops) has all of its text masked
    under the category's name, keeping only its app, structure and timing.
    """
    if not finding.complete:  # detected for a policy that drops its category, not for this one
        raise IncompleteFinding(f"record decided {finding.category} before NER")
    unsought = sorted(entity for entity in finding.unsought if policy.replaces(entity))
    if unsought:
        raise IncompleteFinding(f"entity types {unsought} were not looked for")
    prepared = finding.prepared
    record = prepared.record
    category_masks = bool(finding.category) and policy.categories[finding.category].action == "mask"
    masked_category = finding.category.upper() if category_masks else None
    spans, values = masked_spans(prepared, finding, policy)
    if masked_category:
        spans = {field.name: [Span(masked_category, 0, len(field.text), 1.0)] if field.name != "app"
                 else spans.get("app", []) for field in prepared.fields}
    counts = Counter(span.entity_type for field_spans in spans.values() for span in field_spans)
    spans = _with_hash_labels(spans, prepared, policy, key)
    record_id = written_record_id(record.record_id, (record.user_id, record.session_id), values, key)
    out: dict[str, object] = {"record_id": record_id, "kind": record.kind,
                              "user_id": pseudonymize(record.user_id, key), "ts": written_time(record.ts)}
    if record.session_id is not None:
        out["session_id"] = pseudonymize(record.session_id, key, domain="session")
    for name in ("app", "window_title", "url"):
        value = written_context(record, name, spans.get(name, []))
        if value is not None:
            out[name] = value
    out.update(_KIND_FIELDS[record.kind](prepared, spans, policy, counts, masked_category))
    found = {span.entity_type for _, field_spans in finding.spans for span in field_spans
             if policy.replaces(span.entity_type)} | set(counts)
    levels = [policy.base_sensitivity, *(policy.entity_rule(entity).sensitivity for entity in found)]
    if finding.category:
        levels.append(policy.categories[finding.category].sensitivity)
    out["sensitivity"] = max(levels)
    out["policy_version"] = policy.version
    return SanitizedRecord(record.kind, json.dumps(out, ensure_ascii=False, allow_nan=False),
                           tuple(sorted(counts.items())), max(levels), record_id)


def written_time(ts: str) -> str:
    """`ts` with at most millisecond digits: a longer fraction is copied content like any other
    (sixteen digits can spell a card number), and nothing below a millisecond is worth keeping."""
    return _LONG_FRACTION.sub(r"\1", ts)


def _with_hash_labels(spans: SpansByField, prepared: PreparedRecord, policy: Policy, key: bytes) -> SpansByField:
    """Spans of `hash` types relabelled `TYPE#digest`: a keyed digest of the value, joinable, not readable."""
    texts = {field.name: field.text for field in prepared.fields}
    return {name: [dataclasses.replace(span, entity_type=f"{span.entity_type}#"
                                       f"{pseudonymize(texts[name][span.start:span.end], key, domain=span.entity_type)[:HASH_CHARS]}")
                   if policy.entity_rule(span.entity_type).action == "hash" else span
                   for span in field_spans]
            for name, field_spans in spans.items()}


_ERASED_VIEWS = frozenset({DELETED, ERASED})


def masked_spans(prepared: PreparedRecord, finding: Finding, policy: Policy) -> tuple[SpansByField, ValueSearch]:
    """Spans to mask per field: the policy's types, plus every other occurrence of a masked value;
    and the search for those values, which the record id is checked with too.

    A value once known to be sensitive is searched in every field of the record, and so are the
    parts of a name (from a PERSON span, or a first.last e-mail address): a name NER caught in the
    window title but missed on the screen, or a first name used alone later, is masked there too.
    """
    texts = {field.name: field.text for field in prepared.fields}
    read_lines = frozenset(texts.get(OCR, "").split("\n"))
    detected = {name: _row_view_kept(name, texts[name], [s for s in spans if policy.replaces(s.entity_type)],
                                     read_lines)
                for name, spans in finding.spans if name in texts}
    # A run of letters found among a stream's deleted characters is searched as a whole word only: a
    # run erased while typing (a typo's "ard", retyped, of "dashboard") would mask the word typed over
    # it. A value with a digit or a symbol (a number, a password) is no typo's run: found anywhere.
    values = {dataclasses.replace(match, whole_word=True) if name in _ERASED_VIEWS and match.value.isalpha() else match
              for name, spans in detected.items() for span in spans
              for match in _value_matches(texts[name][span.start:span.end], span.entity_type,
                                          policy.propagate_min_chars)}
    # Transcript speakers are replaced by labels; their names are searched in the text as well.
    values |= {match for speaker in {s.speaker for s in prepared.record.segments}
               for match in _speaker_matches(speaker, policy.propagate_min_chars)}
    search = ValueSearch(values)
    result: SpansByField = {}
    for name, text in texts.items():
        check_deadline()
        found = list(detected.get(name, [])) + search.spans(text)
        if found:
            result[name] = merge_spans(found)
    return result, search


# Screen views whose rows hold several fields, a tab apart (models/screen_text.py).
_ROW_VIEWS = frozenset({OCR_LINES, OCR_PARAGRAPHS})


def _row_view_kept(name: str, text: str, spans: list[Span], read_lines: frozenset[str]) -> list[Span]:
    """The spans of a field but, in a screen's line or paragraph view, those that add nothing the OCR
    view could not: one that runs over a tab from one field of a row into the next ("Assignee<tab>Mindy
    Parsons", "1242 Mar<tab>22": NER reading past a cell's edge), one on a line the OCR text holds as it
    is (NER's second guess at a field it already read alone: "WEB-9915" as a name), or one of a type NER
    gives in the line view (a table's joined row: "Standing desk" as a name). Each line is looked up
    once, so the cost stays linear in the view however many spans it holds."""
    if name not in _ROW_VIEWS:
        return spans
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    echoes = [text[start:end - 1 if end else len(text)] in read_lines
              for start, end in zip(starts, starts[1:] + [0])]
    ner_types = paragraph_shape().fields_read_types if name == OCR_LINES else frozenset()

    def echo(span: Span) -> bool:
        line = bisect.bisect_right(starts, span.start) - 1
        one_line = line + 1 == len(starts) or span.end < starts[line + 1]
        return (span.entity_type in ner_types or text.find("\t", span.start, span.end) >= 0
                or (one_line and echoes[line]))

    return [span for span in spans if not echo(span)]


def _value_matches(value: str, entity_type: str, min_chars: int) -> set[ValueMatch]:
    matches = set()
    if len(value.strip()) >= min_chars:
        matches.add(ValueMatch(value, entity_type))
    if entity_type == "PERSON":
        parts, ignore_case = [p for p in re.split(r"[\s.,]+", value) if p[:1].isupper()], True
        # The logins made of the name ("graceokafor.dev", "/gokafor"), in any field (models/name_forms.py).
        matches |= {ValueMatch(form, "USERNAME", ignore_case=True, whole_word=True) for form in joined_forms(value)}
    elif entity_type == "EMAIL_ADDRESS":
        parts, ignore_case = re.split(r"[._\-]", value.split("@")[0]), True
        parts = parts if sum(p.isalpha() and len(p) >= min_chars for p in parts) >= 2 else []
    else:
        parts, ignore_case = [], False
    if entity_type == "USERNAME":
        matches |= _login_parts(value, min_chars) if "@" in value else _slug_parts(value, min_chars)
    for part in parts:
        if len(part) >= min_chars and part.isalpha():
            # A name that is also a common word ("Will", "May") is matched only as written.
            matches.add(ValueMatch(part, "PERSON", ignore_case=ignore_case and part.lower() not in STOP_WORDS,
                                   whole_word=True))
    return matches


def _login_parts(value: str, min_chars: int) -> set[ValueMatch]:
    """The user and the host of a `user@host` login (a shell prompt, an SSH target), each searched
    alone, whole, in any case: the handle recurs in the record's e-mail addresses, paths and git
    authors, and the host often holds the person's name (`janes-MacBook-Pro`). A part of letters
    alone only when it is no ordinary word ("vargaz@vargaz-pc": "vargaz" is searched; in
    "deploy@bastion-01", "the deploy failed" stays)."""
    parts = re.split(r"[@:\s\[\]~$#%]+", value)
    return {ValueMatch(part, "USERNAME", ignore_case=True, whole_word=True) for part in parts
            if len(part) >= min_chars and any(c.isalpha() for c in part)
            and not (part.isalpha() and is_ordinary_word(part))}


def _slug_parts(value: str, min_chars: int) -> set[ValueMatch]:
    """The letter words of a login or a page's slug (`calendly.com/florence`, `linkedin.com/in/irinel-gheorghiu`),
    each searched whole in any case: the page's title names the person as the slug spells them ("30 Minute
    Meeting - Florence"). Not an ordinary word ("requested_tickets", "dev-team" stay elsewhere)."""
    return {ValueMatch(part, "USERNAME", ignore_case=True, whole_word=True) for part in re.split(r"[\-_.\s]+", value)
            if len(part) >= max(min_chars, 4) and part.isalpha() and not is_ordinary_word(part)}


# The number of a numbered role ("user1", "speaker12"): one or two digits at the end of a word.
_NUMBERED_ROLE = re.compile(r"(?<=\D)\d{1,2}$")


def _speaker_matches(speaker: str, min_chars: int) -> set[ValueMatch]:
    """A speaker label and each name in it ("Raman, Priya", "Dr. Priya Raman (Guest)", "priya.raman",
    "zykotick9"), in any case; role words ("user", "Speaker 2", "user1", "Guest") and titles are not names."""
    words = [w for w in re.split(r"[\s.,_@()\[\]/-]+", speaker) if w]
    # A nick with digits ("zykotick9", "max82fr") is a name too; a role numbered ("user1", "agent 12") is not,
    # but a role word with more digits is a nick someone chose ("user1984", "agent007").
    names = [w for w in words if w.isalnum() and not w.isdigit() and len(w) >= min_chars
             and _NUMBERED_ROLE.sub("", w.lower()) not in SPEAKER_ROLES and w.lower() not in STOP_WORDS]
    if not names:
        return set()
    matches = {ValueMatch(speaker, "PERSON", ignore_case=True)} if len(speaker) >= min_chars else set()
    return matches | {ValueMatch(name, "PERSON", ignore_case=True, whole_word=True) for name in names}


def _keystroke_fields(prepared: PreparedRecord, spans: SpansByField, policy: Policy,
                      counts: Counter, masked_category: str | None) -> dict[str, object]:
    """Events with typed, pasted and shortcut characters masked: all of them in a secure context
    or a masked category, else the detected spans, entries that may have gone to a password field
    after a focus move, and runs of digit shortcuts; all typing of a stream the rebuild could not follow."""
    record = prepared.record
    if policy.keystrokes.is_secure(record.field, record.window_title, context_text(record, "url")):
        counts[SECRET] += 1
        events = mask_all_typing(record.events, SECRET)
    elif masked_category:
        events = mask_all_typing(record.events, masked_category)
    else:
        typed = typed_text(record.events)
        if not typed.complete:
            counts[UNVERIFIED_TEXT] += 1
        secret_spans, secret_deleted = focus_secrets(typed) if typed.complete else ([], [])
        if secret_spans:
            counts[SECRET] += 1
        events = mask_events(record.events, typed, [*spans.get(TYPED, []), *secret_spans],
                             [*spans.get(DELETED, []), *secret_deleted], spans.get(PASTED, []),
                             spans.get(ERASED, []))
    digit_spans = shortcut_digit_spans(shortcut_text(record.events)[0])
    if digit_spans:
        counts[SHORTCUT_DIGITS] += len(digit_spans)
    events = mask_shortcuts(events, [*spans.get(SHORTCUTS, []), *digit_spans])
    fields: dict[str, object] = {"events": [_event_json(event) for event in events]}
    if record.field is not None:
        fields["field"] = policy.written_names.field(record.field)
    return fields


def _event_json(event: KeyEvent) -> dict[str, object]:
    out: dict[str, object] = {"t": event.t, "type": event.type}
    if event.key is not None:
        out["key"] = event.key
    if event.mods:
        out["mods"] = list(event.mods)
    if event.text is not None:
        out["text"] = event.text
    return out


def _transcript_fields(prepared: PreparedRecord, spans: SpansByField, policy: Policy,
                       counts: Counter, masked_category: str | None) -> dict[str, object]:
    record = prepared.record
    # Speakers become per-record labels in order of appearance: turn-taking survives, names do not.
    speakers: dict[str, str] = {}
    segments = []
    for i, segment in enumerate(record.segments):
        label = speakers.setdefault(segment.speaker, f"speaker_{len(speakers) + 1}")
        segments.append({"speaker": label, "start": round(segment.start, 3), "end": round(segment.end, 3),
                         "text": replace_spans(segment.text, spans.get(segment_field(i), []))})
    fields: dict[str, object] = {"segments": segments}
    if record.source is not None:
        fields["source"] = policy.written_names.source(record.source)
    return fields


def _marked(spans: list[Span], length: int) -> list[bool]:
    """Which characters of a text of `length` a span covers: one pass over the text, however many
    spans there are or overlap (a screen's words times its spans would not be linear)."""
    depth = [0] * (length + 1)
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            depth[start] += 1
            depth[end] -= 1
    marked, level = [], 0
    for step in depth[:length]:
        level += step
        marked.append(level > 0)
    return marked


# A screen's views other than its OCR text, each with the word every character came from.
_WORD_VIEWS = ((OCR_JOINED, joined_text), (OCR_LINES, line_text), (OCR_PARAGRAPHS, paragraph_text))


def _span_words(words: tuple[OcrWord, ...], spans: SpansByField, keep: Callable[[list[Span]], list[Span]],
                owners: dict[str, tuple[int, ...]]) -> set[int]:
    """Indices of the OCR words a (kept) span of the OCR text, or of a view whose character `owners`
    are given (joined, line or paragraph), touches."""
    marked = _marked(keep(spans.get(OCR, [])), max((word.start + len(word.text) for word in words), default=0))
    found = {i for i, word in enumerate(words) if any(marked[word.start:word.start + len(word.text)])}
    for name, view_owners in owners.items():
        inside = _marked(keep(spans[name]), len(view_owners))
        found |= {view_owners[p] for p, hit in enumerate(inside) if hit and view_owners[p] >= 0}
    return found


def _names(spans: list[Span]) -> list[Span]:
    """The PERSON spans (labelled or hashed: `PERSON#...`)."""
    return [span for span in spans if span.entity_type.partition("#")[0] == "PERSON"]


def _screenshot_fields(prepared: PreparedRecord, spans: SpansByField, policy: Policy,
                       counts: Counter, masked_category: str | None) -> dict[str, object]:
    words = prepared.ocr_words
    owners = {name: view(words)[1] for name, view in _WORD_VIEWS if spans.get(name)}  # each view built once
    found = _span_words(words, spans, list, owners)
    person = _span_words(words, spans, _names, owners)
    rules = policy.screenshots
    # Words nobody could read are covered too (fail closed), and count as found cells of a table's column.
    other = other_script_indices(words, rules.other_script) - found  # and words in scripts it cannot check
    unread = unreadable_indices(words, rules.unreadable_text) - found - other
    # A name is covered whole, and a value its header or label marks even where detection found nothing.
    names = name_parts(words, person) - found
    # A chip's letters beside the name they abbreviate, and the words a chip's capitals spell ("AK  Anika Kapoor").
    chips, spelled = initials_beside_names(words, person | names)
    chips, spelled = chips - found, spelled - found - names
    names |= spelled
    cued = cued_fields(words) - found - unread - other - names
    # A word shaped as a key or token is covered whole with what continues it, however OCR split it.
    tokens = token_cover(words) - found - unread - other - names - cued
    logins = login_words(words) - found - unread - other - names - cued - tokens
    covered = found | unread | other | names | cued | tokens | logins
    mates = column_mates(words, covered)
    initials = (chips | top_bar_initials(words) | lone_initials(words)) - covered - mates
    for entity, added in ((OTHER_SCRIPT, other), (UNREADABLE_TEXT, unread), (NAME_PART, names), (CUED_FIELD, cued),
                          (TOKEN_SHAPE, tokens), (LOGIN_SHAPE, logins), (TABLE_COLUMN, mates),
                          (INITIALS, initials)):
        if added:
            counts[entity] += len(added)
    covered |= mates | initials
    image = decode_image(prepared.image or b"", rules.max_pixels)
    avatars = without_overflow_chips(find_avatars(image, rules.avatars), words, rules.avatars, image)
    if avatars:
        counts[AVATAR] += len(avatars)
    labels = avatar_labels(words, avatars) - covered  # the name or login beside a person's tile
    if labels:
        counts[AVATAR_LABEL] += len(labels)
    covered |= labels
    grown = grown_words(image, words, unread | other)  # the glyphs of a name OCR skipped beside what it read
    image = cover_boxes(cover_words(image, [grown.get(i, words[i]) for i in sorted(covered)], rules.box_padding_px,
                                    rules.box_padding_height_ratio), avatars, rules.box_padding_px)
    return {"image_b64": base64.b64encode(encode_png(image)).decode("ascii")}


_KIND_FIELDS: dict[str, Callable[..., dict[str, object]]] = {
    "keystrokes": _keystroke_fields,
    "transcript": _transcript_fields,
    "screenshot": _screenshot_fields,
}

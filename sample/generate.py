"""Writes the bundled sample: sample/records.jsonl and the screenshots it uses (synthetic people only).

Run from the project root: `python sample/generate.py`. The planted PII strings are listed in
sample/planted_pii.json so tests can prove none of them reaches the output.
"""
from __future__ import annotations

import base64
import io
import json
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).parent
USER = "emp-4821"
TS = "2026-06-09T09:{:02d}:00Z"

PLANTED = {
    "PERSON": ["Jane Doe", "Marcus Whitfield", "Priya Raman", "Tomasz Kowalczyk"],
    "EMAIL_ADDRESS": ["jane.doe@example.com", "m.whitfield@globex-mail.com", "priya.raman@example.org"],
    "PHONE_NUMBER": ["(415) 555-0172", "212-555-0198"],
    "US_SSN": ["536-22-4187"],
    "CREDIT_CARD": ["4111 1111 1111 1111"],
    "API_KEY": ["sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"],
    "IP_ADDRESS": ["10.20.30.40"],
}


def keys(text: str, start_ms: int = 0, step_ms: int = 120) -> list[dict]:
    """One keydown per character, Enter for newlines."""
    return [{"t": start_ms + i * step_ms, "key": "Enter" if ch == "\n" else ch, "type": "keydown"}
            for i, ch in enumerate(text)]


def screen(lines: list[str], dark: bool, size: tuple[int, int] = (1280, 720), font_px: int = 20) -> bytes:
    """A plain app window: a title bar and lines of text, light or dark theme."""
    background, foreground, bar = ((30, 30, 30), (220, 220, 220), (45, 45, 48)) if dark else \
        ((255, 255, 255), (20, 20, 20), (230, 230, 235))
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 40), fill=bar)
    font = ImageFont.load_default(size=font_px)
    for i, line in enumerate(lines):
        draw.text((40, 70 + i * int(font_px * 2)), line, fill=foreground, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def records() -> list[dict]:
    """A few records of each kind, realistic in shape, with the planted PII spread over every field;
    some are medical, tax, private or performance content, which the default policy drops."""
    ssn_typed = keys("my ssn is 536-22-41") + [
        {"t": 2400, "key": "9"}, {"t": 2500, "key": "Backspace"}, {"t": 2600, "key": "8"}, {"t": 2700, "key": "7"}]
    return [
        {"record_id": "ks-0001", "kind": "keystrokes", "user_id": USER, "ts": TS.format(1), "session_id": "s-1",
         "app": "Slack", "window_title": "Slack | #platform-eng", "field": "text",
         "events": keys("deploy is green, ping jane.doe@example.com if the canary fails\n")
         + [{"t": 9000, "key": "s", "mods": ["Control"]}]},
        {"record_id": "ks-0002", "kind": "keystrokes", "user_id": USER, "ts": TS.format(2), "session_id": "s-1",
         "app": "Chrome", "window_title": "Benefits enrollment", "url": "https://benefits.example.com/enroll",
         "field": "text", "events": ssn_typed},
        {"record_id": "ks-0003", "kind": "keystrokes", "user_id": USER, "ts": TS.format(3), "session_id": "s-1",
         "app": "Terminal", "window_title": "zsh", "field": "text",
         "events": keys("export OPENAI_API_KEY=") + [
             {"t": 3000, "type": "paste", "text": "sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"},
             {"t": 3300, "key": "Enter"}]},
        {"record_id": "tr-0001", "kind": "transcript", "user_id": USER, "ts": TS.format(4), "session_id": "s-2",
         "app": "Zoom", "window_title": "Weekly sync with Priya Raman", "source": "voice",
         "segments": [
             {"speaker": "Priya Raman", "start": 0.0, "end": 4.2,
              "text": "Let's move the migration to Thursday, the schema review is done."},
             {"speaker": "emp-4821", "start": 4.2, "end": 9.8,
              "text": "Sounds good. If anything breaks call me on 212-555-0198 or mail priya.raman@example.org."},
         ]},
        {"record_id": "tr-0002", "kind": "transcript", "user_id": USER, "ts": TS.format(5), "session_id": "s-2",
         "app": "ChatGPT", "window_title": "New chat", "url": "https://chat.example.ai/c/123",
         "source": "ai_prompt",
         "segments": [
             {"speaker": "user", "start": 0.0, "end": 0.0,
              "text": "Write a polite reply to Tomasz Kowalczyk saying the build on 10.20.30.40 is fixed."},
             {"speaker": "assistant", "start": 0.0, "end": 0.0,
              "text": "Hi Tomasz, the build is fixed and deployed. Thanks for your patience."},
         ]},
        {"record_id": "tr-0003", "kind": "transcript", "user_id": USER, "ts": TS.format(11), "session_id": "s-2",
         "app": "Slack", "window_title": "Slack | Priya Raman (DM)", "source": "chat",
         "segments": [{"speaker": "Priya Raman", "start": 0.0, "end": 0.0,
                       "text": "A1C came back at 7.9, endo wants to bump the metformin. might be late tomorrow"}]},
        {"record_id": "tr-0004", "kind": "transcript", "user_id": USER, "ts": TS.format(12), "session_id": "s-2",
         "app": "WhatsApp", "window_title": "WhatsApp", "source": "chat",
         "segments": [{"speaker": "Tomasz Kowalczyk", "start": 0.0, "end": 0.0,
                       "text": "miss you! still on for dinner at your mom's sunday?"}]},
        {"record_id": "sc-0001", "kind": "screenshot", "user_id": USER, "ts": TS.format(6), "session_id": "s-3",
         "app": "Mail", "window_title": "Inbox - jane.doe@example.com",
         "image_b64": base64.b64encode(screen([
             "From: Jane Doe <jane.doe@example.com>",
             "Subject: Q3 onboarding checklist",
             "Please call me at (415) 555-0172 before Friday.",
             "The checklist is in the shared drive.",
         ], dark=False)).decode("ascii")},
        {"record_id": "sc-0002", "kind": "screenshot", "user_id": USER, "ts": TS.format(7), "session_id": "s-3",
         "app": "Terminal", "window_title": "deploy", "image_uri": "screens/terminal-dark.png"},
        {"record_id": "sc-0003", "kind": "screenshot", "user_id": USER, "ts": TS.format(8), "session_id": "s-3",
         "app": "Chrome", "window_title": "Expense report", "image_uri": "screens/expense-form.png"},
        {"record_id": "sc-0004", "kind": "screenshot", "user_id": USER, "ts": TS.format(13), "session_id": "s-3",
         "app": "Chrome", "window_title": "Lattice - Reviews", "url": "https://globex.latticehq.com/reviews/2026-h1",
         "image_uri": "screens/review-form.png"},
    ]


def malformed_lines() -> list[bytes]:
    """One of each quarantine reason the reader knows."""
    return [
        b'{"record_id": "bad-1", "kind": "keystrokes", "user_id": "emp-4821", "ts": "2026-06-09T09:09',
        json.dumps({"record_id": "bad-2", "kind": "clipboard", "user_id": USER, "ts": TS.format(10)}).encode(),
        json.dumps({"record_id": "bad-3", "kind": "transcript", "user_id": USER, "segments": []}).encode(),
        b'{"record_id": "bad-4", "kind": "transcript", "note": "caf\xe9"}',
    ]


def main() -> None:
    """Writes the sample records, their screenshots and the planted PII list."""
    (HERE / "screens").mkdir(exist_ok=True)
    (HERE / "screens" / "terminal-dark.png").write_bytes(screen([
        "$ ssh deploy@10.20.30.40",
        "$ export OPENAI_API_KEY=sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE",
        "$ ./release.sh --env staging",
        "release 2.14.0 deployed to staging",
    ], dark=True))
    (HERE / "screens" / "expense-form.png").write_bytes(screen([
        "Expense report for Marcus Whitfield",
        "Email: m.whitfield@globex-mail.com",
        "SSN: 536-22-4187",
        "Card: 4111 1111 1111 1111",
        "Total: 412.80 USD, hotel and train",
    ], dark=False))
    (HERE / "screens" / "review-form.png").write_bytes(screen([
        "H1 performance review: Marcus Whitfield",
        "Overall rating: Below expectations",
        "Manager comments: missed two launch dates, recommend a PIP",
        "Calibration: agreed in the Q2 calibration meeting",
    ], dark=False))
    lines = [json.dumps(r).encode("utf-8") for r in records()] + malformed_lines()
    (HERE / "records.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (HERE / "planted_pii.json").write_text(json.dumps(PLANTED, indent=2) + "\n")


if __name__ == "__main__":
    main()

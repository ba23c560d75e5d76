"""Remove secrets before anything is stored: payment cards, IBANs, e-mail addresses, phone numbers.

Each secret becomes a typed placeholder (``[CARD]``, ``[IBAN]``, ``[EMAIL]``, ``[PHONE]``) and a
``(kind, start, end)`` span of the placeholder in the new text. The secret itself is never
returned, logged or put in an error message.

What counts:
- CARD: 13 to 19 digits, in groups separated by single spaces or dashes, that pass the Luhn check.
  Every run of whole digit groups is tried, so a card number followed by another number is found.
- IBAN: a country code, two check digits and the account part, with or without spaces, valid by
  its mod-97 checksum and its country's length (python-stdnum).
- EMAIL: an address, and the "[email protected]" placeholder that e-mail obfuscation leaves in
  scraped pages (the address it hid is gone, but the mark says an address stood there).
- PHONE: numbers the phonenumbers library holds valid, international (+...) or national in one of
  ``regions``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_DIGIT_RUN = re.compile(r"(?<!\d)\d+(?:[ \-\u00a0]{1,2}\d+)*(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){10,32}\b")
_EMAIL = re.compile(
    r"\[\s*email[\s\u00a0]*(?:&#160;|&nbsp;)?[\s\u00a0]*protected\s*\]"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b",
    re.I,
)
_ANY_DIGIT = re.compile(r"\d")
_PHONE_HINT = re.compile(r"\d(?:[\s().\-\u00a0/]*\d){6,}")

PLACEHOLDER = {"CARD": "[CARD]", "IBAN": "[IBAN]", "EMAIL": "[EMAIL]", "PHONE": "[PHONE]"}


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _all_years(text: str, groups: list[tuple[int, int]]) -> bool:
    """A list of years ("1991 1992 1993 1994") is not a card number, even when it passes Luhn."""
    return len(groups) > 1 and all(e - s == 4 and 1800 <= int(text[s:e]) <= 2100 for s, e in groups)


def card_spans(text: str) -> list[tuple[int, int]]:
    """Spans of Luhn-valid 13-19 digit numbers made of whole digit groups (separated by up to two
    spaces or dashes)."""
    spans: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text):
        groups = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\d+", run.group())]
        i = 0
        while i < len(groups):
            found = None
            digits = ""
            for j in range(i, len(groups)):
                digits += text[groups[j][0] : groups[j][1]]
                if len(digits) > 19:
                    break
                if len(digits) >= 13 and luhn_ok(digits) and not _all_years(text, groups[i : j + 1]):
                    found = j  # keep extending: prefer the longest valid number
            if found is not None:
                spans.append((groups[i][0], groups[found][1]))
                i = found + 1
            else:
                i += 1
    return spans


def iban_spans(text: str) -> list[tuple[int, int]]:
    from stdnum import iban

    spans = []
    for m in _IBAN.finditer(text):
        s = m.group()
        # The pattern may run on into a following word; try shorter ends until one is valid.
        for end in range(len(s), 14, -1):
            if s[end - 1] == " ":
                continue
            if iban.is_valid(s[:end]):
                spans.append((m.start(), m.start() + end))
                break
    return spans


def email_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _EMAIL.finditer(text)] if "@" in text or "protected" in text.lower() else []


def phone_spans(text: str, regions: Sequence[str]) -> list[tuple[int, int]]:
    if not _PHONE_HINT.search(text):
        return []
    import phonenumbers

    spans: set[tuple[int, int]] = set()
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            spans.add((match.start, match.end))
    return sorted(spans)


def _merge(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop spans that overlap an earlier-found one (IBAN before card before e-mail before phone)."""
    kept: list[tuple[str, int, int]] = []
    for kind, start, end in spans:
        if all(end <= s or start >= e for _, s, e in kept):
            kept.append((kind, start, end))
    return sorted(kept, key=lambda k: k[1])


def redact(text: str, regions: Sequence[str] = ("US",)) -> tuple[str, list[tuple[str, int, int]]]:
    """Replace every secret in ``text`` with its placeholder.

    Returns:
        The new text and the ``(kind, start, end)`` of each placeholder in it.
    """
    if not _ANY_DIGIT.search(text) and "@" not in text and "protected" not in text.lower():
        return text, []
    found = [("IBAN", s, e) for s, e in iban_spans(text)]
    found += [("CARD", s, e) for s, e in card_spans(text)]
    found += [("EMAIL", s, e) for s, e in email_spans(text)]
    found = _merge(found)
    if found:  # phones are looked for after the others, in text where those are already masked
        masked = text
        for _, s, e in found:
            masked = masked[:s] + "x" * (e - s) + masked[e:]
    else:
        masked = text
    found = _merge(found + [("PHONE", s, e) for s, e in phone_spans(masked, regions)])
    out: list[str] = []
    placed: list[tuple[str, int, int]] = []
    pos = 0
    length = 0
    for kind, s, e in found:
        out.append(text[pos:s])
        length += s - pos
        mark = PLACEHOLDER[kind]
        out.append(mark)
        placed.append((kind, length, length + len(mark)))
        length += len(mark)
        pos = e
    out.append(text[pos:])
    return "".join(out), placed

"""Remove secrets before anything is stored: payment cards, IBANs, e-mail addresses, phone numbers.

Each secret becomes a typed placeholder (``[CARD]``, ``[IBAN]``, ``[EMAIL]``, ``[PHONE]``) and a
``(kind, start, end)`` span of the placeholder in the new text. The secret itself is never
returned, logged or put in an error message.

What counts:
- CARD: 13 to 19 digits written as cards are (unbroken, in fours, or 4-6-5), starting with 2-6,
  that pass the Luhn check; every run of whole digit groups is tried, so a card next to another
  number is found whole. Not a card: lists of years, phone numbers after "+", ISBNs (start with 9).
- IBAN: a country code, two check digits and the account part, with or without spaces, valid by
  its mod-97 checksum and its country's length (python-stdnum).
- EMAIL: an address, and the "[email protected]" placeholder that e-mail obfuscation leaves in
  scraped pages (the address it hid is gone, but the mark says an address stood there).
- PHONE: numbers the phonenumbers library holds valid, international (+...) or national in one of
  ``regions``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

_DIGIT_RUN = re.compile(r"(?<!\d)\d+(?:[ \-\u00a0]{1,2}\d+)*(?!\d)")
_IBAN = re.compile(r"(?<![A-Za-z])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){10,32}")
_EMAIL = re.compile(
    r"\[\s*email[\s\u00a0]*(?:&#160;|&nbsp;)?[\s\u00a0]*protected\s*\]"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,24}\b",
    re.I,
)
_ANY_DIGIT = re.compile(r"\d")
_PHONE_HINT = re.compile(r"\d(?:[\s().\-\u00a0/]*\d){6,}")

PLACEHOLDER = {"CARD": "[CARD]", "IBAN": "[IBAN]", "EMAIL": "[EMAIL]", "PHONE": "[PHONE]"}


def _digits(text: str) -> str:
    """ASCII digits of ``text`` (Arabic-Indic and other decimal digits included)."""
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


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
    return len(groups) > 1 and all(e - s == 4 and 1800 <= int(_digits(text[s:e])) <= 2100 for s, e in groups)


def _card_shaped(sizes: list[int]) -> bool:
    """How card numbers are written: unbroken, in fours (the last group shorter), or 4-6-5 / 4-6-4."""
    if len(sizes) == 1:
        return True
    if all(n == 4 for n in sizes[:-1]) and 1 <= sizes[-1] <= 7:
        return True
    return sizes in ([4, 6, 5], [4, 6, 4])


def card_spans(text: str) -> list[tuple[int, int]]:
    """Spans of payment card numbers: 13-19 digits that pass the Luhn check, start like a card
    (2-6), are written as cards are, and are not part of a phone number ("+49 ...").

    Every run of whole digit groups inside a longer run of numbers is tried, and overlapping hits
    are joined, so a card next to another number (or an IBAN) is still found whole.
    """
    hits: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text):
        groups = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\d+", run.group())]
        for i in range(len(groups)):
            if text[groups[i][0] - 1 : groups[i][0]] == "+" or _digits(text[groups[i][0]])[:1] not in "23456":
                continue
            digits = ""
            for j in range(i, len(groups)):
                digits += _digits(text[groups[j][0] : groups[j][1]])
                if len(digits) > 19:
                    break
                if (
                    len(digits) >= 13
                    and luhn_ok(digits)
                    and _card_shaped([e - s for s, e in groups[i : j + 1]])
                    and not _all_years(text, groups[i : j + 1])
                ):
                    hits.append((groups[i][0], groups[j][1]))
    return _union(hits)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def iban_spans(text: str) -> list[tuple[int, int]]:
    from stdnum import iban

    spans = []
    pos = 0
    while (m := _IBAN.search(text, pos)) is not None:
        s = m.group()
        # The pattern may run on into a following word or IBAN; try shorter ends until one is valid.
        for end in range(len(s), 14, -1):
            if s[end - 1] != " " and iban.is_valid(s[:end]):
                spans.append((m.start(), m.start() + end))
                pos = m.start() + end
                break
        else:
            pos = m.start() + 1
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


def _find(text: str, regions: Sequence[str]) -> list[tuple[str, int, int]]:
    """Secrets in ``text`` as (kind, start, end), by position. Each kind is looked for with the
    secrets found so far blanked out, so one secret cannot hide the next ("[IBAN] 4111 ...") or
    lend it digits."""
    found: list[tuple[str, int, int]] = []
    masked = text
    finders: list[tuple[str, Callable[[str], list[tuple[int, int]]]]] = [
        ("IBAN", iban_spans),
        ("CARD", card_spans),
        ("EMAIL", email_spans),
        ("PHONE", lambda t: phone_spans(t, regions)),
    ]
    for kind, finder in finders:
        for s, e in finder(masked):
            if masked[s:e].strip():
                found.append((kind, s, e))
                masked = masked[:s] + " " * (e - s) + masked[e:]
    return sorted(found, key=lambda k: k[1])


def _replace(
    text: str, found: list[tuple[str, int, int]]
) -> tuple[str, list[tuple[str, int, int]], list[tuple[int, int]]]:
    """Put placeholders in; return the new text, the placeholders' spans and, for each replacement,
    (its start in the old text, change in length)."""
    out: list[str] = []
    placed: list[tuple[str, int, int]] = []
    shifts: list[tuple[int, int]] = []
    pos = length = 0
    for kind, s, e in _merge_overlaps(found):
        out.append(text[pos:s])
        length += s - pos
        mark = PLACEHOLDER[kind]
        out.append(mark)
        placed.append((kind, length, length + len(mark)))
        shifts.append((s, len(mark) - (e - s)))
        length += len(mark)
        pos = e
    out.append(text[pos:])
    return "".join(out), placed, shifts


def _merge_overlaps(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Overlapping finds ("01000000 02/01000" read as two phone numbers sharing digits) become one
    placeholder over both, of the first one's kind: nothing of either is left in the text."""
    merged: list[tuple[str, int, int]] = []
    for kind, s, e in sorted(found, key=lambda f: (f[1], -f[2])):
        if merged and s < merged[-1][2]:
            last = merged[-1]
            merged[-1] = (last[0], last[1], max(last[2], e))
        else:
            merged.append((kind, s, e))
    return merged


# Two passes settle every case seen: a secret can only appear once its neighbour became a
# placeholder (an e-mail right after another, "a@b.cc.@d.ee").
MAX_PASSES = 3


def redact(text: str, regions: Sequence[str] = ("US",)) -> tuple[str, list[tuple[str, int, int]]]:
    """Replace every secret in ``text`` with its placeholder. Redacting the result again changes
    nothing.

    Returns:
        The new text and the ``(kind, start, end)`` of each placeholder in it.
    """
    placed: list[tuple[str, int, int]] = []
    for _ in range(MAX_PASSES):
        if not _ANY_DIGIT.search(text) and "@" not in text and "protected" not in text.lower():
            break
        found = _find(text, regions)
        if not found:
            break
        text, new, shifts = _replace(text, found)
        moved = []
        for kind, s, e in placed:  # earlier placeholders move with the text before them
            delta = sum(d for at, d in shifts if at < s)
            moved.append((kind, s + delta, e + delta))
        placed = sorted(moved + new, key=lambda k: k[1])
    return text, placed

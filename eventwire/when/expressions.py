"""Find date expressions in English news text: weekdays, today/yesterday, "last week", "this
summer", "a year ago", "Sept. 30", "24 August 2018", "1990", "the third quarter", "the 1990s"...

Each match has a kind and the parts the resolver needs; resolving against a publication date is
``eventwire.when.resolve``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.needles import needles

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "q1": 1,
    "q2": 2,
    "q3": 3,
    "q4": 4,
}
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
UNITS = ("day", "week", "month", "quarter", "year")

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"  # fmt: skip
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_NUM = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?"

# Month and weekday names count only capitalised ("may" is a verb); "Q3" only in capitals.
CASE_SENSITIVE = frozenset(["month_day", "day_month", "month", "month_year", "weekday", "quarter_code"])
# (kind, pattern); earlier kinds win where matches overlap, then the longer match.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (k, re.compile(p, 0 if k in CASE_SENSITIVE else re.I))
    for k, p in [
        ("day_month_year", rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+{_YEAR}\b"),
        ("month_day_year", rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),
        ("iso", r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
        ("ago", rf"\b{_NUM}\s+{_UNIT}\s+(?:ago|earlier|before)\b"),
        ("edge_month", rf"\b(?P<edge>the\s+(?:end|beginning|start|middle)\s+of)\s+{_MONTH}(?:\s+{_YEAR})?\b"),
        ("part_month", rf"\b(?P<edge>late|early|mid-?)\s*{_MONTH}\b"),
        ("month_day", rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})"),
        ("day_month", rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\b(?!\s+\d{{4}})"),
        ("month_year", rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
        (
            "relative",
            r"\b(?P<earlier>earlier|later)?\s*(?P<rel>this|last|next|past|coming|previous)\s+"
            r"(?P<unit>week|month|quarter|year|spring|summer|fall|autumn|winter|weekend)\b",
        ),
        ("quarter", r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b"),
        ("quarter_code", r"\b(?P<ord>Q[1-4])\b"),
        ("half", r"\b(?:the\s+)?(?P<ord>first|second)\s+half\b"),
        ("latest_quarter", r"\bthe\s+(?:latest|last|most\s+recent|current|recent)?\s*quarter\b"),
        ("year_earlier", r"\b(?:a\s+)?year[- ](?:earlier|ago)\b"),
        ("the_year", r"\bthe\s+(?:current\s+)?year\b"),
        ("deictic", r"\b(?P<word>today|tonight|yesterday|tomorrow)\b"),
        ("weekday", rf"\b(?:(?P<rel>last|next|this)\s+)?{_WEEKDAY}{_PART}\b"),
        ("decade", r"\b(?:the\s+)?(?P<decade>1[89]\d0|20\d0)['’]?s\b"),
        ("month", rf"\b{_MONTH}(?!\s+\d)\b"),
        (
            "year",
            rf"(?<![\d$€£.,])(?<!\d )\b{_YEAR}\b"
            r"(?![\d%]| \d|\s*(?:percent|per cent|people|troops|tons|tonnes|km|miles))",
        ),
    ]
]


@dataclass(slots=True, frozen=True)
class Expression:
    text: str
    start: int
    end: int
    kind: str
    parts: dict[str, str]


# For each pattern, words one of which its every match contains (None: no such words).
_NEEDLES = [needles(p.pattern, p.flags) for _, p in PATTERNS]


def find(text: str) -> list[Expression]:
    """Date expressions in ``text``, by position, without overlaps."""
    found: list[tuple[int, int, int, Expression]] = []
    lowered = text.lower()
    seen: dict[frozenset[str], bool] = {}  # five patterns need a month name: look once
    for rank, (kind, pattern) in enumerate(PATTERNS):
        wanted = _NEEDLES[rank]
        if wanted is not None:
            present = seen.get(wanted)
            if present is None:
                present = seen[wanted] = any(n in lowered for n in wanted)
            if not present:
                continue
        for m in pattern.finditer(text):
            start, end = m.span()
            raw = m.group()
            start += len(raw) - len(raw.lstrip())
            end -= len(raw) - len(raw.rstrip())
            # A bare month name that is also a common word: only "May" needs care.
            if kind == "month" and m.group("month") == "May" and not _month_context(text, start):
                continue
            parts = {k: v for k, v in m.groupdict().items() if v}
            found.append(
                (start, -(end - start), rank, Expression(m.group().strip(), start, end, kind, parts))
            )
    found.sort(key=lambda f: (f[2], f[0]))
    chosen: list[Expression] = []
    for _, _, _, exp in sorted(found, key=lambda f: (f[2], f[1], f[0])):
        if all(exp.end <= c.start or exp.start >= c.end for c in chosen):
            chosen.append(exp)
    return sorted(chosen, key=lambda e: e.start)


def _month_context(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].lower()
    return bool(re.search(r"\b(in|since|until|by|from|of|early|late|mid|last|next|this)\s*-?\s*$", before))

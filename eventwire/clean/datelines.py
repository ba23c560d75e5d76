"""Datelines: a line before the text that holds only a date (and maybe a place or "Updated"),
and the date it gives ("Kyiv, 14 March 2024", "12 juin 2024 14:05", "14.03.2024")."""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources


@functools.cache
def months() -> dict[str, int]:
    """Month name -> number, from data/months.tsv."""
    text = resources.files("eventwire.clean").joinpath("data/months.tsv").read_text("utf-8")
    out: dict[str, int] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        number, *names = line.split("\t")
        out.update((name.strip().lower(), int(number)) for name in names if name.strip())
    return out


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = "|".join(sorted((re.escape(n) for n in months()), key=len, reverse=True))
    return (
        # 14 March 2024, 14 березня 2024 р., 12 juin 2024, 14. März 2024
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?P<m>{names})\.?,?\s+(?P<y>\d{{4}})\b", re.I
        ),
        # March 14, 2024
        re.compile(rf"\b(?P<m>{names})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
        # 2024-03-14
        re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        # 14.03.2024, 14/03/2024 (day first, as outside the US)
        re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\b"),
    )


_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_LEFTOVER_WORDS = re.compile(
    r"\b(р|г|року|года|year|at|о|в|um|à|a\.m|p\.m|am|pm|utc|gmt|cet|est|kyiv time|updated|published|posted|"
    r"last updated|оновлено|опубліковано|обновлено|опубликовано|mis à jour|publié|le|on|the)\b\.?",
    re.I,
)
_PLACE = re.compile(r"^([A-ZА-ЯІЇЄҐ][\w'’.-]*\s*){0,3}$")


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first absolute date in ``text`` and its span, or None."""
    for pattern in _patterns():
        for m in pattern.finditer(text):
            month = m.group("m")
            number = int(month) if month.isdigit() else months().get(month.lower().rstrip("."))
            try:
                return dt.date(int(m.group("y")), number or 0, int(m.group("d"))), m.start(), m.end()
            except ValueError:
                continue
    return None


def dateline_date(text: str) -> dt.date | None:
    """The date of a dateline, or None when ``text`` is not one.

    A dateline is short and holds a date plus at most a time, a place of up to three capitalised
    words and a label like "Updated".
    """
    if len(text) > 80:
        return None
    found = find_date(text)
    if found is None:
        return None
    date, start, end = found
    rest = _TIME.sub(" ", text[:start] + " " + text[end:])
    rest = _LEFTOVER_WORDS.sub(" ", rest)
    rest = " ".join(re.sub(r"[,|–—:·•()\-]", " ", rest).split())
    return date if not rest or _PLACE.match(rest) else None


# /2022/09/02/, /2022-09-02-, _2022_09_02, /20220902/ in a url's path (not a month alone).
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str | None) -> dt.date | None:
    """The publication date a url's path spells out ("/2022/09/02/slug"), or None."""
    if not url:
        return None
    path = url.split("://", 1)[-1].split("/", 1)[-1] if "/" in url.split("://", 1)[-1] else ""
    match = _URL_DATE.search(path)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    except ValueError:
        return None

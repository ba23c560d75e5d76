"""News datelines at the start of a paragraph: "MINGORA, Pakistan (Reuters) -", "KYIV, March 3 (AP) —".

They are cut off before parsing (a parser reads "MINGORA" as part of the subject), and give the
place and the wire that reported the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][\w.'’\- ]{1,30}?)?)"  # KYIV / MINGORA, Pakistan
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"  # , March 3
    r"\s*(?:\((?P<wire>[A-Za-z][\w .&/-]{0,30})\))?"  # (Reuters)
    r"\s*[-–—]{1,2}\s+"
)
_MONTH_DAY = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}$")
_WIRE_ONLY = re.compile(r"^\((?P<wire>[A-Z][\w .&/-]{0,30})\)\s*[-–—]{1,2}\s+")


@dataclass(slots=True, frozen=True)
class Dateline:
    text: str
    place: str | None
    wire: str | None
    end: int  # where the story text starts


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or None."""
    m = _DATELINE.match(text)
    if m:
        place = m.group("place").strip()
        # The place part must be in capitals (KYIV) before any comma: "The army said - " is no dateline.
        first, _, second = place.partition(",")
        if first.upper() != first or len(first.replace(" ", "")) < 3:
            return None
        if _MONTH_DAY.match(second.strip()):  # "KYIV, March 3": a date, not a country
            place = first.strip()
        return Dateline(text[: m.end()].strip(), place, (m.group("wire") or "").strip() or None, m.end())
    m = _WIRE_ONLY.match(text)
    if m:
        return Dateline(text[: m.end()].strip(), None, m.group("wire").strip(), m.end())
    return None

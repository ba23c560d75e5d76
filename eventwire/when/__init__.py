"""when: dates in the text, resolved against the publication date.

``find_dates(text, published)`` gives every date expression with its calendar range and precision
(``from``/``to`` None when it needs a publication date the input does not give).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from eventwire.when.expressions import find
from eventwire.when.resolve import resolve

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n")


@dataclass(slots=True, frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    start_date: dt.date | None
    end_date: dt.date | None
    precision: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "from": self.start_date.isoformat() if self.start_date else None,
            "to": self.end_date.isoformat() if self.end_date else None,
            "precision": self.precision,
        }


def _sentence_before(text: str, start: int) -> str:
    """The text of the sentence before ``start``."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    return text[left:start]


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Date expressions of ``text`` resolved against ``published``."""
    out = []
    for exp in find(text):
        found = resolve(exp, published, _sentence_before(text, exp.start))
        if found is None:
            out.append(DateMention(exp.text, exp.start, exp.end, None, None, None))
        else:
            out.append(DateMention(exp.text, exp.start, exp.end, *found))
    return out

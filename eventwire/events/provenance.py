"""Which wire reported a story: named in a dateline, at the end of the title, or in the text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources


@functools.cache
def _wires() -> tuple[re.Pattern[str], dict[str, str]]:
    text = resources.files("eventwire.events").joinpath("data/wires.txt").read_text("utf-8")
    names: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms = [f.strip() for f in line.split("|") if f.strip()]
        for form in forms:
            names[form.lower()] = forms[0]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # Short all-capital names (AP, AA, RIA) only count in capitals; the rest in any case.
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.I), names


_CONTEXT = re.compile(
    r"\(\s*{w}\s*\)|[–—-]\s*{w}\s*$|{w}\s+(reported|reports|said|says|sources|cited|quoted|learned|"
    r"has learned|news agency)|(told|according to|cited by|quoted by|reported by|to)\s+(the\s+)?{w}"
)


def wire_of(texts: Iterable[str]) -> str | None:
    """The first wire named as the source of a story in ``texts`` (title, dateline, paragraphs)."""
    pattern, names = _wires()
    for text in texts:
        for m in pattern.finditer(text):
            found = m.group(1)
            if len(found) <= 3 and found != found.upper():
                continue
            window = text[max(0, m.start() - 20) : m.end() + 25]
            if re.search(_CONTEXT.pattern.replace("{w}", re.escape(found)), window, re.I):
                return names[found.lower()]
    return None

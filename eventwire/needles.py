"""Literal prefilters for regular expressions.

Python's ``re`` has no fast scan for a pattern that starts with ``\\b`` or with an alternation of
words, so a marker list searched on every paragraph costs a few hundred microseconds each. Most
paragraphs contain none of the words any marker needs; `needles` finds, for a pattern, a set of
strings one of which every match must contain, and `Prefiltered` searches a pattern only when one
of them is in the lower-cased text. The answers are the same as searching every pattern.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

_c: Any
_p: Any
try:  # the parser behind re.compile (Python 3.11+); without it every pattern is just searched
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - older or other Pythons
    _c = _p = None


def needles(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains; None when no such
    set is known (the pattern must then be searched on every text)."""
    if _p is None:
        return None
    try:
        found = _required(_p.parse(pattern, flags))
    except Exception:  # an unexpected parse tree only costs the prefilter
        return None
    if not found or "" in found:
        return None
    return frozenset(s.lower() for s in found)


def _required(tree: Any) -> set[str] | None:
    """For a sequence of regex nodes: the needle set of its most selective required element."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in tree:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        if op is _c.SUBPATTERN:
            found = _required(av[-1])
        elif op is _c.BRANCH:
            alternatives = [_required(b) for b in av[1]]
            found = None if any(a is None for a in alternatives) else set().union(*alternatives)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2])
        else:
            found = None
        if found:
            candidates.append(found)
    if run:
        candidates.append({run})
    if not candidates:
        return None
    return max(candidates, key=lambda s: min(len(x) for x in s))


class Prefiltered:
    """Several patterns searched as one: the leftmost match of any (the first pattern on a tie),
    like searching ``(?:p1)|(?:p2)|...``, but each only when its needles are in the text."""

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        self.parts = [(re.compile(p, flags), needles(p, flags)) for p in patterns]

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        low = text.lower() if lowered is None else lowered
        best: re.Match[str] | None = None
        for pattern, wanted in self.parts:
            if wanted is not None and not any(n in low for n in wanted):
                continue
            m = pattern.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

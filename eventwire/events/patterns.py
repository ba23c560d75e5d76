"""Verb and noun patterns (data/verbs.tsv, data/nouns.tsv) and matching them against a parse."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.datafiles import rows


@dataclass(slots=True, frozen=True)
class Pattern:
    code: str
    word: str  # verb or noun lemma
    after: tuple[str, ...]
    before: tuple[str, ...]
    notes: str

    words: frozenset[str] = frozenset()  # every word of after and before, for a quick test

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", frozenset(self.after) | frozenset(self.before))

    @property
    def size(self) -> int:
        return len(self.after) + len(self.before)

    def describe(self, kind: str) -> str:
        words = " ".join([*self.before, f"[{self.word}]", *self.after])
        return f"{kind} {words} -> {self.code}"


def _index(names: tuple[str, ...], key: str, head_last: bool = False) -> dict[str, list[Pattern]]:
    """Patterns by trigger word from the files ``names``; on equal length an earlier file wins."""
    out: dict[str, list[Pattern]] = {}
    for row in (row for name in names for row in rows("eventwire.events", name, required=False)):
        code = row.get("code", "")
        word = row.get(key, "").lower()
        if not code or not word:
            continue
        words = word.split()
        after = tuple(row.get("after", "").lower().split())
        before = tuple(row.get("before", "").lower().split())
        if head_last:  # a noun phrase: "peace talk" is the noun "talk" with "peace" before it
            trigger, before = words[-1], tuple(words[:-1]) + before
        else:  # a phrasal verb: "pull out" is the verb "pull" with "out" after it
            trigger, after = words[0], tuple(words[1:]) + after
        out.setdefault(trigger, []).append(Pattern(code, trigger, after, before, row.get("notes", "")))
    for patterns in out.values():  # longest first (the most specific wins); sort is stable
        patterns.sort(key=lambda p: -p.size)
    return out


@functools.cache
def verbs() -> dict[str, list[Pattern]]:
    return _index(("verbs-eventwire.tsv", "verbs.tsv"), "verb")


@functools.cache
def nouns() -> dict[str, list[Pattern]]:
    return _index(("nouns.tsv",), "noun", head_last=True)


def _in_order(needed: Sequence[str], words: Sequence[tuple[str, str]]) -> bool:
    """Whether ``needed`` occurs in ``words`` (pairs of lemma and lower-cased form) in order."""
    i = 0
    for lemma, form in words:
        if i < len(needed) and needed[i] in (lemma, form):
            i += 1
    return i == len(needed)


def best(
    patterns: Sequence[Pattern], after: Sequence[tuple[str, str]], before: Sequence[tuple[str, str]]
) -> Pattern | None:
    """The most specific pattern whose words are found after (and before) the trigger."""
    present = {w for pair in after for w in pair} | {w for pair in before for w in pair}
    for pattern in patterns:
        # A cheap test first: some verbs have thousands of patterns, and most name a word that is
        # not in the clause at all.
        if not pattern.words <= present:
            continue
        if _in_order(pattern.after, after) and _in_order(pattern.before, before):
            return pattern
    return None

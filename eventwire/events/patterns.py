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


class Patterns(list[Pattern]):
    """One trigger's patterns, most specific first, indexed by one word each so that `best` only
    tests those whose word is in the clause (some verbs have thousands of patterns)."""

    def __init__(self, patterns: Sequence[Pattern] = ()) -> None:
        super().__init__(patterns)
        self._by_word: dict[str, list[tuple[int, Pattern]]] | None = None

    @functools.cached_property
    def need_words(self) -> bool:
        """Whether any pattern names words besides the trigger (else the clause need not be read)."""
        return any(p.words for p in self)

    def candidates(self, present: set[str]) -> list[Pattern]:
        """The patterns whose indexing word is in ``present`` or that need no word, in order."""
        if self._by_word is None:
            self._by_word = {}
            for rank, pattern in enumerate(self):
                word = (pattern.after or pattern.before or ("",))[0]
                self._by_word.setdefault(word, []).append((rank, pattern))
        found = list(self._by_word.get("", ()))
        for word in present:
            found.extend(self._by_word.get(word, ()))
        return [p for _, p in sorted(found, key=lambda rp: rp[0])]


def _index(names: tuple[str, ...], key: str, head_last: bool = False) -> dict[str, Patterns]:
    """Patterns by trigger word from the files ``names``; on equal length an earlier file wins."""
    out: dict[str, Patterns] = {}
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
        out.setdefault(trigger, Patterns()).append(
            Pattern(code, trigger, after, before, row.get("notes", ""))
        )
    for patterns in out.values():  # longest first (the most specific wins); sort is stable
        patterns.sort(key=lambda p: -p.size)
    return out


@functools.cache
def verbs() -> dict[str, Patterns]:
    return _index(("verbs-eventwire.tsv", "verbs.tsv"), "verb")


@functools.cache
def nouns() -> dict[str, Patterns]:
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
    for pattern in patterns.candidates(present) if isinstance(patterns, Patterns) else patterns:
        # A cheap test first: some verbs have thousands of patterns, and most name a word that is
        # not in the clause at all.
        if not pattern.words <= present:
            continue
        if _in_order(pattern.after, after) and _in_order(pattern.before, before):
            return pattern
    return None

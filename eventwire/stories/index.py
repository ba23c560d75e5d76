"""An inverted index of weighted word vectors, for the cosine with the best stored article.

Words are weighed by inverse document frequency over the articles in the index plus the one
asked about, at the time of the question: ``idf = ln((N + PRIOR_DOCS + 1) / (df + 1))``. Both
vectors of a cosine are weighed with the same figures, so a stored article is weighed again at
every question (its length is computed for the candidates only, with numpy).

Scoring is term at a time over the postings (numpy ``bincount``), so a question costs the
length of its words' postings, not the size of the index. Answers depend only on what the index
holds and the order it was filled in, not on its history (which slots and word ids were reused).
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Sequence

import numpy as np

# Empty pseudo-articles added to the article count: while the index holds few articles, a word
# two of them share is not yet a common word.
PRIOR_DOCS = 10
# Words in more than this share of the articles (and more than COMMON_MIN of them) are left out of
# the dot product: they weigh little and would make every article a candidate.
COMMON_SHARE = 0.05
COMMON_MIN = 200
# Cosines are computed for this many candidates at most, those with the largest dot products (the
# article with the best cosine is among them unless its vector is many times shorter than theirs).
MAX_CANDIDATES = 1000
# Words per stored vector, at most. Fixed, so that a vector's length is summed the same way
# whatever else the index held before (numpy sums rows of different widths in different orders).
WIDTH = 128
_NO_DAY = np.iinfo(np.int64).min // 4


class TermIndex:
    """Articles as weighted word vectors; ``best`` finds the stored one closest to a new vector."""

    def __init__(self) -> None:
        self._slot_of: dict[int, int] = {}  # key -> slot
        self._free_slots: list[int] = []
        self._slots = 0  # high-water mark
        self._word_ids: dict[str, int] = {}
        self._words: list[str | None] = []
        self._free_ids: list[int] = []
        self._df = np.zeros(64, dtype=np.int64)
        self._log_df = np.zeros(64, dtype=np.float64)  # ln(df + 1)
        self._post_slots: list[array[int]] = []
        self._post_keys: list[array[int]] = []
        self._post_weights: list[array[float]] = []  # float32, as the rows
        # Per slot: the key, the day, whether it may be matched, and its words and weights (rows
        # padded with word 0 of weight 0).
        self._key = np.full(64, -1, dtype=np.int64)
        self._day = np.full(64, _NO_DAY, dtype=np.int64)
        self._open = np.zeros(64, dtype=bool)
        self._len = np.zeros(64, dtype=np.int64)
        self._ids = np.zeros((64, WIDTH), dtype=np.int32)
        self._weights = np.zeros((64, WIDTH), dtype=np.float32)

    def __len__(self) -> int:
        return len(self._slot_of)

    def add(
        self, key: int, words: Sequence[str], weights: Sequence[float], day: int | None, open_: bool
    ) -> None:
        """Store a vector.

        Args:
            key: the article's arrival number (increasing).
            words: its distinct words; ``weights``: their weights before idf.
            day: its publication date as an ordinal, if known.
            open_: whether ``best`` may return it.
        """
        if len(words) > WIDTH:
            raise ValueError(f"a vector has at most {WIDTH} words, not {len(words)}")
        slot = self._new_slot()
        self._slot_of[key] = slot
        ids = [self._word_id(w) for w in words]
        for word_id, weight in zip(ids, weights, strict=True):
            self._post_slots[word_id].append(slot)
            self._post_keys[word_id].append(key)
            self._post_weights[word_id].append(float(weight))
        self._count(ids, 1)
        self._key[slot] = key
        self._day[slot] = _NO_DAY if day is None else day
        self._open[slot] = open_
        self._len[slot] = len(ids)
        self._ids[slot, : len(ids)] = ids
        self._weights[slot, : len(ids)] = weights

    def remove(self, key: int) -> None:
        """Forget the vector stored under ``key``."""
        slot = self._slot_of.pop(key)
        ids = self._ids[slot, : self._len[slot]].tolist()
        for word_id in ids:
            keys = self._post_keys[word_id]
            i = bisect.bisect_left(keys, key)
            del keys[i], self._post_slots[word_id][i], self._post_weights[word_id][i]
        self._count(ids, -1)
        for word_id in ids:
            if self._df[word_id] == 0:
                word = self._words[word_id]
                assert word is not None
                del self._word_ids[word]
                self._words[word_id] = None
                self._free_ids.append(word_id)
        self._key[slot] = -1
        self._open[slot] = False
        self._len[slot] = 0
        self._ids[slot] = 0
        self._weights[slot] = 0.0
        self._free_slots.append(slot)

    def best(
        self, words: Sequence[str], weights: Sequence[float], day: int | None, window: int
    ) -> tuple[float, int] | None:
        """The open stored vector with the highest cosine to this one, as (cosine, key).

        The earliest key wins a tie. With ``day`` given, vectors with a day more than ``window``
        days away are left out. None when no such vector shares a word.
        """
        total = len(self._slot_of) + 1
        log_total = math.log(total + PRIOR_DOCS + 1)
        common = max(COMMON_MIN, COMMON_SHARE * total)
        known: list[tuple[int, float]] = []
        query_norm = 0.0
        for word, weight in zip(words, weights, strict=True):
            word_id = self._word_ids.get(word)
            if word_id is None:  # a word no stored article has: df = 1, the new article's
                query_norm += (weight * (log_total - math.log(2))) ** 2
            else:
                known.append((word_id, weight))
        # The asked-about article counts in the frequencies of its own words.
        own = np.array([i for i, _ in known], dtype=np.int64)
        saved = self._log_df[own].copy()
        self._log_df[own] = np.log(self._df[own] + 2.0)
        try:
            slot_parts: list[np.ndarray] = []
            value_parts: list[np.ndarray] = []
            for word_id, weight in known:
                idf = log_total - float(self._log_df[word_id])
                query_norm += (weight * idf) ** 2
                if self._df[word_id] > common:
                    continue
                slot_parts.append(np.frombuffer(self._post_slots[word_id], dtype=np.intc))
                value_parts.append(
                    np.frombuffer(self._post_weights[word_id], dtype=np.float32) * (weight * idf * idf)
                )
            if not slot_parts or query_norm == 0:
                return None
            n = self._slots
            dots = np.bincount(np.concatenate(slot_parts), weights=np.concatenate(value_parts), minlength=n)
            ok = (dots > 0) & self._open[:n]
            if day is not None:
                days = self._day[:n]
                ok &= (days == _NO_DAY) | (np.abs(days - day) <= window)
            candidates = np.flatnonzero(ok)
            if not len(candidates):
                return None
            if len(candidates) > MAX_CANDIDATES:  # the largest dot products, ties all kept
                floor = np.partition(dots[candidates], -MAX_CANDIDATES)[-MAX_CANDIDATES]
                candidates = candidates[dots[candidates] >= floor]
            weighed = self._weights[candidates] * (log_total - self._log_df[self._ids[candidates]])
            norms = np.sqrt((weighed * weighed).sum(axis=1))
        finally:
            self._log_df[own] = saved
        scores = dots[candidates] / np.where(norms > 0, norms, np.inf)
        top = scores.max()
        key = int(self._key[candidates[scores == top]].min())
        return float(top) / math.sqrt(query_norm), key

    # -- storage ----------------------------------------------------------------------------------

    def _count(self, ids: list[int], step: int) -> None:
        where = np.array(ids, dtype=np.int64)
        self._df[where] += step
        self._log_df[where] = np.log(self._df[where] + 1.0)

    def _word_id(self, word: str) -> int:
        word_id = self._word_ids.get(word)
        if word_id is not None:
            return word_id
        if self._free_ids:
            word_id = self._free_ids.pop()
            self._words[word_id] = word
        else:
            word_id = len(self._words)
            self._words.append(word)
            self._post_slots.append(array("i"))
            self._post_keys.append(array("q"))
            self._post_weights.append(array("f"))
            if word_id >= len(self._df):
                self._df = np.concatenate([self._df, np.zeros_like(self._df)])
                self._log_df = np.concatenate([self._log_df, np.zeros_like(self._log_df)])
        self._word_ids[word] = word_id
        return word_id

    def _new_slot(self) -> int:
        if self._free_slots:
            return self._free_slots.pop()
        slot = self._slots
        self._slots += 1
        if slot >= len(self._key):
            grow = len(self._key)
            self._key = np.concatenate([self._key, np.full(grow, -1, dtype=np.int64)])
            self._day = np.concatenate([self._day, np.full(grow, _NO_DAY, dtype=np.int64)])
            self._open = np.concatenate([self._open, np.zeros(grow, dtype=bool)])
            self._len = np.concatenate([self._len, np.zeros(grow, dtype=np.int64)])
            self._ids = np.concatenate([self._ids, np.zeros_like(self._ids)])
            self._weights = np.concatenate([self._weights, np.zeros_like(self._weights)])
        return slot

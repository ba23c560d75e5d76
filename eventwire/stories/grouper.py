"""Group articles into stories as they arrive (single pass, deterministic in arrival order).

An article joins the story of the earlier article it is most like, or starts a story of its own;
the story's id is the id of its first article. Two tests, in order:

1. near-duplicates (a wire copy under another headline, with a paragraph added or cut): a MinHash
   LSH index finds earlier articles whose word 3-shingles overlap by ``DUP_JACCARD`` or more;
2. differently worded reports of the story: the cosine of weighted word vectors (log term
   frequency times inverse document frequency; names and title words weigh a little more) with
   the best earlier article, if it reaches ``LINK_THRESHOLD`` (single link: one close report is
   enough).

Document frequencies are counted over the articles in memory, so the weights follow the news of
the window (see ``index.py``). Decisions depend only on what arrived before, in arrival order;
``restore`` replays stored decisions and leaves the grouper as ``add`` did.

Memory stays bounded: articles older than ``window_days`` before the newest publication date
seen are forgotten, and the oldest beyond ``max_docs``. A dated article is compared only with
articles at most ``window_days`` from its date; articles without a date with all in memory.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from eventwire.stories.fingerprint import NUM_PERM, SEED
from eventwire.stories.index import WIDTH, TermIndex

# Share of word 3-shingles two articles must have in common to be copies of one text. Wire copies
# and re-crawls share most of theirs (0.7+); two reports written apart share almost none (< 0.1).
DUP_JACCARD = 0.5
# LSH bands x rows for NUM_PERM = 64: finds pairs above about (1/16) ** (1/4) = 0.5 Jaccard.
LSH_PARAMS = (16, 4)
# Weighted-cosine similarity from which an article joins the story of its best match. Reports of
# one story by different outlets mostly score 0.15-0.5; articles on unrelated stories about the
# same country or company mostly under 0.12.
LINK_THRESHOLD = 0.16
# Extra count for each title word: the headline says what the story is (but often carries the
# site's name too, so it counts for little).
TITLE_WEIGHT = 0.3
# Factor for words written as names (capitalised inside a sentence) or numbers: outlets reword a
# story but keep its people, places and figures.
NAME_WEIGHT = 1.1
# Articles with fewer content words than this (error pages, stubs, log-in walls) do not join by
# similarity: there is too little text to tell one story from another.
MIN_WORDS = 20
# A long page (a transcript, an archive of posts) may tell the story in one of its parts: its
# passages (features' "passages") are compared with the stored articles too, from this cosine.
# Passages are not stored: a listing page would otherwise pull every later report of any of its
# stories into one story.
PASSAGE_THRESHOLD = 0.2


@dataclass(slots=True)
class _Entry:
    seq: int
    doc_id: str
    story: str
    published: dt.date | None
    outlet: str | None
    size: int
    signature: np.ndarray | None


@dataclass(slots=True, frozen=True)
class _Vector:
    words: tuple[str, ...]
    weights: tuple[float, ...]


class StoryGrouper:
    """Assign articles to stories incrementally; see the module docstring for the method.

    Args:
        window_days: how far apart in publication date two reports of one story may be.
        max_docs: how many articles are kept for comparison at most (the oldest go first).

    Example:
        >>> grouper = StoryGrouper()
        >>> story = grouper.add(doc.id, features(doc), doc.published, doc.outlet)  # doctest: +SKIP
    """

    def __init__(self, window_days: int = 7, max_docs: int = 20000) -> None:
        if window_days < 0:
            raise ValueError(f"window_days must be 0 or more, not {window_days}")
        if max_docs < 1:
            raise ValueError(f"max_docs must be 1 or more, not {max_docs}")
        self.window_days = window_days
        self.max_docs = max_docs
        self._seq = 0
        self._entries: dict[str, _Entry] = {}  # by doc id, in arrival order
        self._by_seq: dict[int, _Entry] = {}
        self._index = TermIndex()
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_PARAMS)
        self._dated: list[tuple[int, int]] = []  # heap of (date ordinal, seq)
        self._newest: dt.date | None = None

    def __len__(self) -> int:
        """How many articles are in memory."""
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def story_of(self, doc_id: str) -> str | None:
        """The story of an article still in memory, else None."""
        entry = self._entries.get(doc_id)
        return entry.story if entry else None

    def outlets(self, story_id: str) -> list[str]:
        """Outlets of the story's articles in memory, in arrival order, each once."""
        found = (e.outlet for e in self._entries.values() if e.story == story_id and e.outlet)
        return list(dict.fromkeys(found))

    def add(
        self, doc_id: str, feats: Mapping[str, Any], published: dt.date | None, outlet: str | None
    ) -> str:
        """Put an article into a story and return the story's id.

        Args:
            doc_id: the article's id; an id already in memory keeps the story it has.
            feats: what ``features(doc)`` made of the article (as stored: JSON lists are fine).
            published: its publication date, if known.
            outlet: who published it (kept for ``outlets``; it does not change the decision).

        Returns:
            The id of the story's first article (``doc_id`` itself for a new story).
        """
        known = self._entries.get(doc_id)
        if known is not None:
            return known.story
        entry, vector, passages = _entry(self._seq, doc_id, feats, published, outlet)
        self._advance(published)
        entry.story = self._match(entry, vector, passages) or doc_id
        self._insert(entry, vector)
        return entry.story

    def restore(
        self,
        doc_id: str,
        feats: Mapping[str, Any],
        published: dt.date | None,
        outlet: str | None,
        story_id: str,
    ) -> None:
        """Re-insert an article whose story was decided before (after a restart).

        Restoring articles in their arrival order leaves the grouper exactly as adding them did.
        """
        if doc_id in self._entries:
            return
        entry, vector, _ = _entry(self._seq, doc_id, feats, published, outlet)
        entry.story = story_id
        self._advance(published)
        self._insert(entry, vector)

    # -- deciding ---------------------------------------------------------------------------------

    def _match(self, entry: _Entry, vector: _Vector, passages: list[_Vector]) -> str | None:
        if entry.size < MIN_WORDS:
            return None
        copy = self._near_duplicate(entry)
        if copy is not None:
            return copy.story
        return self._best_link(entry, vector, passages)

    def _comparable(self, a: _Entry, b: _Entry) -> bool:
        if a.published is None or b.published is None:
            return True
        return abs((a.published - b.published).days) <= self.window_days

    def _near_duplicate(self, entry: _Entry) -> _Entry | None:
        if entry.signature is None:
            return None
        best: tuple[float, int] | None = None
        for seq in sorted(self._lsh.query(LeanMinHash(seed=SEED, hashvalues=entry.signature))):
            other = self._by_seq[seq]
            if other.signature is None or other.size < MIN_WORDS or not self._comparable(entry, other):
                continue
            jaccard = float(np.count_nonzero(entry.signature == other.signature)) / NUM_PERM
            if jaccard >= DUP_JACCARD and (best is None or jaccard > best[0]):
                best = (jaccard, seq)
        return self._by_seq[best[1]] if best else None

    def _best_link(self, entry: _Entry, vector: _Vector, passages: list[_Vector]) -> str | None:
        """The story of the stored article most like the article or one of its passages: the
        highest cosine over its threshold, the earliest article on a tie."""
        day = entry.published.toordinal() if entry.published else None
        best: tuple[float, int] | None = None
        for n, v in enumerate([vector, *passages]):
            if not v.words:
                continue
            found = self._index.best(v.words, v.weights, day, self.window_days)
            if found is None or found[0] < (LINK_THRESHOLD if n == 0 else PASSAGE_THRESHOLD):
                continue
            if best is None or found[0] > best[0] or (found[0] == best[0] and found[1] < best[1]):
                best = found
        return self._by_seq[best[1]].story if best else None

    # -- memory -----------------------------------------------------------------------------------

    def _advance(self, published: dt.date | None) -> None:
        """Move the newest date on and forget articles that fell out of the window."""
        if published is None or (self._newest is not None and published <= self._newest):
            return
        self._newest = published
        cutoff = (published - dt.timedelta(days=self.window_days)).toordinal()
        while self._dated and self._dated[0][0] < cutoff:
            _, seq = heapq.heappop(self._dated)
            entry = self._by_seq.get(seq)
            if entry is not None:
                self._forget(entry)

    def _insert(self, entry: _Entry, vector: _Vector) -> None:
        self._seq += 1
        self._entries[entry.doc_id] = entry
        self._by_seq[entry.seq] = entry
        day = entry.published.toordinal() if entry.published else None
        self._index.add(entry.seq, vector.words, vector.weights, day, entry.size >= MIN_WORDS)
        if entry.signature is not None:
            self._lsh.insert(entry.seq, LeanMinHash(seed=SEED, hashvalues=entry.signature))
        if day is not None:
            heapq.heappush(self._dated, (day, entry.seq))
        while len(self._entries) > self.max_docs:
            self._forget(next(iter(self._entries.values())))
        if len(self._dated) > 2 * len(self._entries) + 64:  # drop dates of articles forgotten by count
            self._dated = [(d, q) for d, q in self._dated if q in self._by_seq]
            heapq.heapify(self._dated)

    def _forget(self, entry: _Entry) -> None:
        del self._entries[entry.doc_id]
        del self._by_seq[entry.seq]
        self._index.remove(entry.seq)
        if entry.signature is not None:
            self._lsh.remove(entry.seq)


def _vector(terms: Any, names: set[str], title: Any = ()) -> _Vector:
    weights: dict[str, float] = {}
    for term, count in _pairs(terms):
        weights[term] = (1.0 + math.log(count)) * (NAME_WEIGHT if term in names else 1.0)
    for term in title or ():
        if isinstance(term, str) and term:
            weights[term] = weights.get(term, 0.0) + TITLE_WEIGHT
    if len(weights) > WIDTH:  # features made elsewhere: keep the heaviest words
        heaviest = sorted(weights.items(), key=lambda item: -item[1])[:WIDTH]
        weights = dict(heaviest)
    return _Vector(tuple(weights), tuple(weights.values()))


def _entry(
    seq: int, doc_id: str, feats: Mapping[str, Any], published: dt.date | None, outlet: str | None
) -> tuple[_Entry, _Vector, list[_Vector]]:
    """The grouper's record of an article, its word vector and its passages' vectors, from its
    stored features (missing or malformed keys count as empty: older features still load)."""
    names = {name for name, _ in _pairs(feats.get("names"))}
    vector = _vector(feats.get("terms"), names, feats.get("title"))
    passages = []
    raw = feats.get("passages")
    for item in raw if isinstance(raw, list) else ():
        if isinstance(item, dict):
            found = item.get("names")
            passage_names = {n for n in found if isinstance(n, str)} if isinstance(found, list) else set()
            passage = _vector(item.get("terms"), passage_names)
            if passage.words:
                passages.append(passage)
    signature = feats.get("minhash")
    sig = None
    if isinstance(signature, list) and len(signature) == NUM_PERM:
        sig = np.array(signature, dtype=np.uint64)
    size = feats.get("size")
    entry = _Entry(
        seq=seq,
        doc_id=doc_id,
        story="",
        published=published,
        outlet=outlet,
        size=size if isinstance(size, int) else len(vector.words),
        signature=sig,
    )
    return entry, vector, passages


def _pairs(value: Any) -> Iterable[tuple[str, int]]:
    for item in value or ():
        if isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], str) and item[0]:
            count = item[1]
            if isinstance(count, int | float) and count >= 1:
                yield item[0], int(count)

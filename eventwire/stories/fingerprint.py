"""What the story grouper keeps of an article: a compact, JSON-ready summary of its words.

``features(doc)`` is pure (no state, no network) so it can run in worker processes and be stored
in the database as JSON. It holds:

- ``minhash``: a MinHash signature of the article's word 3-shingles, for near-duplicates and wire
  copies (the same text under another headline, with a paragraph added or cut);
- ``terms``: the article's most frequent content words (stop words out, plurals folded) with their
  counts, for the weighted-cosine comparison of differently worded reports;
- ``names``: words and word pairs written with a capital inside a sentence, and numbers: the people,
  places, organisations and figures a story is about, which outlets rarely reword;
- ``title``: the title's content words;
- ``size``: how many content words the article has;
- ``passages``: for a long page (an archive of posts, a transcript, a roundup), the terms and
  names of each stretch of about ``PASSAGE_CHARS`` characters: the story may be one part of it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import MinHash

if TYPE_CHECKING:
    from eventwire.stories import StoryDoc

FEATURES_VERSION = 2
NUM_PERM = 64
SHINGLE = 3
# News puts the story first; what comes past this many characters (transcripts, documents, the
# rest of a listing page) adds words that other reports of the story do not share.
MAX_CHARS = 12_000
MAX_TERMS = 80
MAX_NAMES = 40
MAX_TITLE = 20
# Pages longer than this are also read in passages, up to PASSAGE_TEXT characters of them.
PASSAGE_FROM = 6_000
PASSAGE_CHARS = 1_500
PASSAGE_TEXT = 60_000
MAX_PASSAGE_TERMS = 120
# MinHash seed: fixed, so signatures made by different processes and versions compare.
SEED = 1

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”()\[\]|•>-]\s*|\n\s*)$")


@functools.cache
def stopwords() -> frozenset[str]:
    """Words of ``data/stopwords.txt``."""
    text = resources.files("eventwire.stories").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations, made once per process (datasketch makes them per MinHash)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case, possessive and plural endings taken off: "Sanctions'" and "sanction" meet."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) > 4 and w.endswith("ies") and not w.endswith("eies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(word, is written as a name, is a number) for every word of ``text``.

    A word is written as a name when it is capitalised inside a sentence, or starts a sentence
    followed by such a word ("Nurlan Abenov said"): a capital that only starts a sentence is no name.
    """
    out = []
    opening = -1  # index of a capitalised word that starts a sentence, just seen
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[0].isdigit():
            out.append((word, False, True))
            opening = -1
            continue
        capital = word[0].isupper()
        starts = capital and bool(_SENTENCE_START.search(text, max(0, m.start() - 3), m.start()))
        inside = capital and not starts
        if inside and opening >= 0 and opening == len(out) - 1:
            out[opening] = (out[opening][0], True, False)
        opening = len(out) if starts else -1
        out.append((word, inside, False))
    return out


def _signature(shingles: set[str]) -> list[int]:
    """MinHash signature of the shingles; [] for none (an empty text is no one's copy)."""
    if not shingles:
        return []
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations())
    m.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in m.hashvalues]


def _counts(tokens: list[tuple[str, bool, bool]], words: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Content-word counts and name counts (words and adjacent word pairs written as names)."""
    stop = stopwords()
    terms = Counter(w for w in words if w not in stop and (len(w) > 1 or w.isdigit()))
    names: Counter[str] = Counter()
    previous: str | None = None
    for (word, inside, number), folded in zip(tokens, words, strict=True):
        if folded in stop or not (inside or number or (word.isupper() and len(word) > 1)):
            previous = None
            continue
        if number and len(folded) < 2:
            previous = None
            continue
        names[folded] += 1
        if previous is not None:
            names[previous + " " + folded] += 1
        previous = folded
    return terms, names


def _stretches(text: str) -> list[str]:
    """``text`` cut at line ends into pieces of about PASSAGE_CHARS characters."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.splitlines():
        while len(line) > 2 * PASSAGE_CHARS:  # a page without line breaks
            cut = line.rfind(" ", PASSAGE_CHARS // 2, PASSAGE_CHARS) + 1 or PASSAGE_CHARS
            current.append(line[:cut])
            out.append("\n".join(current))
            current, size, line = [], 0, line[cut:]
        current.append(line)
        size += len(line) + 1
        if size >= PASSAGE_CHARS:
            out.append("\n".join(current))
            current, size = [], 0
    if current and size >= PASSAGE_CHARS // 3:
        out.append("\n".join(current))
    return out


def _passages(text: str) -> list[dict[str, Any]]:
    if len(text) <= PASSAGE_FROM:
        return []
    out = []
    for piece in _stretches(text[:PASSAGE_TEXT]):
        tokens = _tokens(piece)
        terms, names = _counts(tokens, [fold(w) for w, _, _ in tokens])
        top = _top(terms, MAX_PASSAGE_TERMS)
        if top:
            out.append({"terms": [[w, n] for w, n in top], "names": [w for w, _ in _top(names, MAX_NAMES)]})
    return out


def features(doc: StoryDoc) -> dict[str, Any]:
    """The story grouper's summary of ``doc``: a dict of lists, strings and ints, a few KB as JSON.

    Args:
        doc: the article.

    Returns:
        ``{"v", "size", "minhash", "terms", "names", "title", "passages"}`` (see the module
        docstring; ``passages`` is empty for pages up to PASSAGE_FROM characters);
        ``terms`` and ``names`` are ``[word, count]`` pairs, most frequent first.
    """
    stop = stopwords()
    body = doc.text[:MAX_CHARS]
    tokens = _tokens(body)
    words = [fold(w) for w, _, _ in tokens]
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    if not shingles and words:
        shingles = {" ".join(words)}
    terms, names = _counts(tokens, words)

    title = [fold(w) for w, _, _ in _tokens(doc.title or "")]
    title_terms = list(dict.fromkeys(w for w in title if w not in stop and len(w) > 1))
    return {
        "v": FEATURES_VERSION,
        "size": sum(terms.values()),
        "minhash": _signature(shingles),
        "terms": [[w, n] for w, n in _top(terms, MAX_TERMS)],
        "names": [[w, n] for w, n in _top(names, MAX_NAMES) if n > 1 or " " not in w],
        "title": title_terms[:MAX_TITLE],
        "passages": _passages(doc.text),
    }


def _top(counts: Counter[str], k: int) -> list[tuple[str, int]]:
    """The ``k`` most frequent; ties keep first-seen order (Counter preserves insertion order)."""
    return counts.most_common(k)

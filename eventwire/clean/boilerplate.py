"""Label paragraphs: body, title-repeat, tags, caption, promo, social, byline, dateline.

Markers come from ``data/boilerplate.txt``; the rules here decide where they count: only in
short paragraphs, since a long paragraph that mentions "subscribe" or "photo:" is still news.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from eventwire.clean.datelines import dateline_date
from eventwire.clean.tags import tag_line
from eventwire.datafiles import sections
from eventwire.needles import Prefiltered

# A paragraph longer than this many words is body whatever markers it holds.
MARKER_MAX_WORDS = {"promo": 60, "social": 30, "caption": 45, "byline": 12}
# Tag lines are looked for among this many paragraphs at each end of the article.
EDGE = 4

_WORD = re.compile(r"\w+")
_NORM = re.compile(r"[\W_]+")


@functools.cache
def markers() -> dict[str, Prefiltered]:
    """Kind -> its markers from data/boilerplate.txt, searched as one pattern."""
    found = sections("eventwire.clean", "boilerplate.txt")
    return {k: Prefiltered(v, re.I | re.M) for k, v in found.items()}


def _norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def is_title_repeat(text: str, title: str | None) -> bool:
    """The paragraph is the title again, alone or with a short tail ("Title – Reuters")."""
    if not title:
        return False
    t, p = _norm(title), _norm(text)
    if not t:
        return False
    return (
        p == t or (p.startswith(t) and len(p) - len(t) <= 25) or (t.startswith(p) and len(p) > 0.8 * len(t))
    )


_NAME_JOINERS = frozenset("and & in for of de van von der la le i та і и з".split())


def _names_only(text: str) -> bool:
    """Every word is capitalised or joins names: "Olena Kovalenko and John Smith, Reuters"."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return bool(words) and all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)


_QUOTE_START = ('"', "“", "«", "„", "'", "‘")


def _marker_kind(text: str, n_words: int) -> str | None:
    if n_words > max(MARKER_MAX_WORDS.values()):
        return None
    found = markers()
    quoted = text.lstrip().startswith(_QUOTE_START)
    lowered = text.lower()
    for kind in ("social", "promo", "caption", "byline"):
        if n_words > MARKER_MAX_WORDS[kind] or (quoted and kind != "caption"):
            continue
        m = found[kind].search(text, lowered)
        if m and (kind != "byline" or _names_only(text[m.end() - 1 :])):
            return kind
    return None


def label(
    texts: Sequence[str], title: str | None, secrets: Sequence[set[str]] = ()
) -> tuple[list[str], list[str]]:
    """A kind for every paragraph, and the tags read off tag lines.

    Args:
        texts: paragraphs in order (already redacted).
        title: the article's title, to find its repeats.
        secrets: for each paragraph, the kinds of secrets removed from it; a short paragraph that
            held a card number or an IBAN is a payment line (promo).
    """
    counts = Counter(_norm(t) for t in texts)
    kinds: list[str] = []
    tags: list[str] = []
    n = len(texts)
    for i, text in enumerate(texts):
        words = len(_WORD.findall(text))
        kind = "body"
        removed = secrets[i] if i < len(secrets) else set()
        if is_title_repeat(text, title):
            kind = "title-repeat"
        elif (marked := _marker_kind(text, words)) is not None:
            kind = marked
        elif removed & {"CARD", "IBAN"} and words <= MARKER_MAX_WORDS["promo"]:
            kind = "promo"
        elif dateline_date(text) is not None:
            kind = "dateline"
        elif (i < EDGE or i >= n - EDGE) and (found := tag_line(text, repeated=counts[_norm(text)] > 1)):
            kind = "tags"
            tags.extend(t for t in found if t not in tags)
        kinds.append(kind)
    _captions_before_credits(texts, kinds)
    return kinds, tags


_CREDIT_ONLY = re.compile(
    r"^\W*(photo|photos|фото|foto|credit|image|picture|ілюстрація|иллюстрация)\s*[:©/]", re.I
)
CAPTION_MAX_WORDS = 30
# Reported speech marks a news paragraph; captions describe a picture and quote nobody.
_REPORTING = re.compile(
    r"\b(said|says|told|according to|added|stated|announced|reported|заявив|заявила|сказав|сказала|заявил|"
    r"сообщил|повідомив|за словами|по словам)\b",
    re.I,
)


def _captions_before_credits(texts: Sequence[str], kinds: list[str]) -> None:
    """A short paragraph right before a bare credit line ("Photo: Reuters/Name") is its caption."""
    for i in range(len(texts) - 1):
        credit = texts[i + 1]
        if (
            kinds[i] == "body"
            and kinds[i + 1] == "caption"
            and _CREDIT_ONLY.match(credit)
            and len(_WORD.findall(credit)) <= 8
            and len(_WORD.findall(texts[i])) <= CAPTION_MAX_WORDS
            and not texts[i].rstrip().endswith(('"', "”", "»"))
            and not _REPORTING.search(texts[i])
        ):
            kinds[i] = "caption"

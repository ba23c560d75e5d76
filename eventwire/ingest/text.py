"""Plain text articles: the title on the first line, paragraphs after it."""

from __future__ import annotations

import datetime as dt
import re

from eventwire.errors import InputError
from eventwire.records import Article, Origin

_SENTENCE_END = re.compile(r"[.!;:,…]$")


def split_title(text: str) -> tuple[str | None, str]:
    """Take a headline off the top of ``text``: the first line, when it is short, not a sentence
    ending in a full stop, and followed by more text. Returns (title or None, the rest)."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if not rest.strip() or not first or len(first) > 250 or _SENTENCE_END.search(first):
        return None, text
    return " ".join(first.split()), rest


def article_from_text(
    text: str,
    origin: Origin,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
    tags: tuple[str, ...] = (),
    find_title: bool = True,
) -> Article:
    """An Article from plain text; unless a title is given, the first line may be the title.

    Raises:
        InputError: when there is no text.
    """
    if not text.strip():
        raise InputError(origin.where(), "there is no text in it", "Give the article text")
    if title is None and find_title:
        title, text = split_title(text)
    return Article(
        id=id or Article.make_id(text, url, outlet),
        text=text,
        origin=origin,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        language=language,
        tags=tags,
        layout="blocks",
    )

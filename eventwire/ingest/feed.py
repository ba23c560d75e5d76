"""RSS and Atom feed files with full content (feedparser): one article per item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.html import fragment_text
from eventwire.records import Article, Origin, Skipped


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_html(entry: Any) -> str:
    contents = [c.get("value") or "" for c in entry.get("content") or ()]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def read_feed(data: bytes, path: str) -> Iterator[Article | Skipped]:
    """Articles from a feed document.

    Raises:
        InputError: when the file is not a feed at all.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = type(parsed.get("bozo_exception")).__name__ if parsed.get("bozo") else "no items"
        raise InputError(
            path,
            f"not a readable RSS/Atom feed ({why})",
            "Check that it is a complete feed file",
        )
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        origin = Origin(path, "feed", record=number)
        text = fragment_text(_entry_html(entry))
        if not text.strip():
            yield Skipped(origin, "the feed item has no content (only a link?); ingest the page itself")
            continue
        url = entry.get("link") or None
        tags = tuple(t.get("term") for t in entry.get("tags") or () if t.get("term"))
        yield Article(
            id=Article.make_id(text, url, outlet),
            text=text,
            origin=origin,
            title=" ".join((entry.get("title") or "").split()) or None,
            url=url,
            outlet=outlet,
            published=_entry_date(entry),
            tags=tags,
            layout="lines",
        )

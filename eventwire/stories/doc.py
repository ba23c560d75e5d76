"""The article as the story grouper sees it, made from a JSON record."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from eventwire.clean.datelines import url_date
from eventwire.ingest.html import parse_date
from eventwire.records import stable_id

# Archive services wrap the page's own address: ".../web/20190301120000/https://www.example.com/a".
_ARCHIVE_HOSTS = ("web.archive.org", "archive.org", "webcache.googleusercontent.com")
_WRAPPED = re.compile(r"https?:/+")


@dataclass(slots=True, frozen=True)
class StoryDoc:
    """One article: what story grouping needs of it."""

    id: str
    title: str | None
    text: str
    url: str | None
    outlet: str | None
    published: dt.date | None


def outlet_of(url: str | None) -> str | None:
    """The host of ``url`` without "www." ("example.co.uk"); an archived page gives the archived site's."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[::1" and the like
        return None
    if host in _ARCHIVE_HOSTS:
        inner = _WRAPPED.search(parts.path)
        if inner:
            return outlet_of("http://" + parts.path[inner.end() :])
    host = host.removeprefix("www.")
    return host or None


def doc_from_record(record: dict[str, Any]) -> StoryDoc:
    """A ``StoryDoc`` from a JSON record ``{"id"?, "text", "title"?, "url"?, "outlet"?, "date"?}``.

    Args:
        record: the parsed JSON object. ``published`` is read when ``date`` is absent.

    Returns:
        The document; its id is the record's, else a stable hash of outlet and url, else of the text.

    Raises:
        ValueError: the record has no "text" string.
    """
    text = record.get("text")
    if not isinstance(text, str):
        got = 'no "text" field' if text is None else f'"text" is {type(text).__name__}, not a string'
        raise ValueError(
            f'{got}: each article needs its text as a string, e.g. {{"id": "a1", "text": "..."}}'
        )
    title = record.get("title")
    url = record.get("url")
    title = title if isinstance(title, str) else None
    url = url if isinstance(url, str) and url.strip() else None
    outlet = record.get("outlet")
    outlet = outlet.strip() if isinstance(outlet, str) and outlet.strip() else outlet_of(url)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, bool) and str(raw_id):
        doc_id = str(raw_id)
    else:
        doc_id = stable_id(outlet or "", url) if url else stable_id(text)
    published = parse_date(record.get("date") or record.get("published")) or url_date(url)
    return StoryDoc(id=doc_id, title=title, text=text, url=url, outlet=outlet, published=published)

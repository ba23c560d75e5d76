"""JSON Lines dumps (and JSON arrays): one article per record, common field names mapped."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.encoding import decode
from eventwire.ingest.html import article_from_html, parse_date
from eventwire.ingest.text import article_from_text
from eventwire.records import Article, Origin, Skipped

# Field names seen in scraper and archive dumps, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "uuid", "guid", "doc_id", "article_id"),
    "url": ("url", "link", "uri", "href", "canonical_url", "source_url", "article_url"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "content", "body", "article", "maintext", "full_text", "story", "article_text"),
    "html": ("html", "raw_html", "content_html", "page", "body_html"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "date_publish",
             "publication_date", "datetime", "created_at", "timestamp", "time"),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher", "source_name",
               "media", "domain", "feed"),
    "tags": ("tags", "keywords", "categories", "topics"),
    "language": ("language", "lang"),
}  # fmt: skip
WRAPPERS = ("articles", "items", "data", "results", "documents", "records")
_LOOKS_HTML = re.compile(r"<(html|body|p|div|article)[\s>]", re.I)


def _field(rec: dict[str, Any], name: str) -> Any:
    lowered = {k.lower(): v for k, v in rec.items()} if any(k != k.lower() for k in rec) else rec
    for key in FIELDS[name]:
        value = lowered.get(key)
        if value not in (None, "", [], {}):
            if isinstance(value, dict):  # {"source": {"name": "Reuters"}}
                value = value.get("name") or value.get("title") or value.get("id")
            return value
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "\n\n".join(str(v) for v in value if v)
    return str(value)


def article_from_record(rec: Any, origin: Origin, settings_max: int) -> Article:
    """One JSON record to an Article.

    Raises:
        InputError: when the record is not an object or holds no text.
    """
    if not isinstance(rec, dict):
        raise InputError(
            origin.where(),
            f"the record is a JSON {type(rec).__name__}, not an object",
            'Each line must be an object such as {"id": ..., "text": ...}',
        )
    text, html = _text(_field(rec, "text")), _text(_field(rec, "html"))
    if html is None and text is not None and _LOOKS_HTML.search(text[:2000]):
        html, text = text, None
    raw_tags = _field(rec, "tags")
    tags = (
        tuple(str(t) for t in raw_tags)
        if isinstance(raw_tags, list)
        else (tuple(t.strip() for t in str(raw_tags).split(",") if t.strip()) if raw_tags else ())
    )
    rid = _field(rec, "id")
    title = _text(_field(rec, "title"))
    meta = {
        "url": _text(_field(rec, "url")),
        "outlet": _text(_field(rec, "outlet")),
        "published": parse_date(_field(rec, "date")),
    }
    body = text if text is not None else html
    if body is not None and len(body) > settings_max:
        raise InputError(
            origin.where(),
            f"the record's text is {len(body):,} characters, over the limit of {settings_max:,}",
            "Split it, or raise --max-chars",
        )
    if text is None and html is not None:
        art = article_from_html(html, origin, title=title, **meta)  # type: ignore[arg-type]
        return art if rid is None else _with_id(art, str(rid))
    if text is None:
        raise InputError(
            origin.where(),
            "the record has no text field",
            "Name it one of: " + ", ".join(FIELDS["text"] + FIELDS["html"]),
        )
    language = _field(rec, "language")
    return article_from_text(
        text,
        origin,
        id=str(rid) if rid is not None else None,
        title=title,
        language=str(language) if language else None,
        tags=tags,
        **meta,  # type: ignore[arg-type]
    )


def _with_id(art: Article, rid: str) -> Article:
    from dataclasses import replace

    return replace(art, id=rid)


def looks_jsonl(head: bytes) -> bool:
    """Whether the first bytes of a file look like JSON Lines: a first line that is a JSON object
    on its own (or too long to see whole), or, for a dump cut in the middle of a record, most of
    the following lines being objects."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lines = text.split(b"\n")
    complete = [line.strip() for line in lines[:-1] if line.strip()]
    if text.startswith(b"{"):
        if not complete:  # one record longer than the sniffed head
            return True
        try:
            json.loads(complete[0])
            return True
        except ValueError:
            return False  # a pretty-printed JSON document
    rest = complete[1:]
    objects = sum(1 for line in rest if line.startswith(b"{") and line.endswith(b"}"))
    return len(rest) >= 2 and objects >= 0.6 * len(rest)


def _decode_line(raw: bytes, where: str, encoding: str | None) -> str:
    if encoding:
        return decode(raw, where, forced=encoding)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode(raw, where)  # a dump in a legacy encoding: detect per line


def _unwrap(rec: Any) -> list[Any] | None:
    """The records of a wrapper object such as {"articles": [...]}, or None."""
    if isinstance(rec, dict) and _field(rec, "text") is None and _field(rec, "html") is None:
        for key in WRAPPERS:
            if isinstance(rec.get(key), list):
                return list(rec[key])
    return None


def read_jsonl(
    lines: Iterable[bytes], path: str, max_chars: int, encoding: str | None = None
) -> Iterator[Article | Skipped]:
    """Stream a JSON Lines file; a malformed line is skipped with its line number, never fatal."""
    for number, raw in enumerate(lines, start=1):
        origin = Origin(path, "jsonl", line=number)
        try:
            line = _decode_line(raw, origin.where(), encoding).strip()
        except InputError as exc:
            yield Skipped(origin, exc.reason())
            continue
        if not line:
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(origin, f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line")
            continue
        inner = _unwrap(rec)
        for index, item in enumerate(inner if inner is not None else [rec], start=1):
            where = Origin(path, "jsonl", line=number, record=index) if inner is not None else origin
            try:
                yield article_from_record(item, where, max_chars)
            except InputError as exc:
                yield Skipped(where, exc.reason(), _record_id(item))


def _record_id(rec: Any) -> str | None:
    rid = _field(rec, "id") if isinstance(rec, dict) else None
    return str(rid) if rid is not None else None


def read_json(text: str, path: str, max_chars: int) -> Iterator[Article | Skipped]:
    """A JSON document: an array of records, or one record, or {"articles": [...]}."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}",
            f"not valid JSON ({exc.msg})",
            "Fix the file, or write one record per line (JSON Lines)",
        ) from None
    if isinstance(doc, dict):
        doc = _unwrap(doc) or [doc]
    for number, rec in enumerate(doc, start=1):
        origin = Origin(path, "json", record=number)
        try:
            yield article_from_record(rec, origin, max_chars)
        except InputError as exc:
            yield Skipped(origin, exc.reason(), _record_id(rec))

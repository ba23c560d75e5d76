"""The typed records passed between pipeline stages (see docs/design.md, "Records").

``Article`` (what ingest read) -> ``CleanArticle`` (what clean made of it). Records are frozen;
``to_dict()`` / ``from_dict()`` are used only at I/O edges.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

PARAGRAPH_KINDS = (
    "body",
    "title-repeat",
    "tags",
    "caption",
    "promo",
    "social",
    "byline",
    "dateline",
)
"""Labels a paragraph can carry. Only ``body`` paragraphs in the article's main language form the body."""

REDACTION_KINDS = ("CARD", "IBAN", "EMAIL", "PHONE")


def stable_id(*parts: str | None) -> str:
    """A short stable hash of the given parts (outlet+url, or the text)."""
    h = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


@dataclass(slots=True, frozen=True)
class Origin:
    """Where a record came from: the file, and the line or record number inside it."""

    path: str
    format: str
    line: int | None = None
    record: int | None = None

    def where(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.record is not None:
            return f"{self.path} (record {self.record})"
        return self.path

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "line": self.line, "record": self.record}


@dataclass(slots=True, frozen=True)
class Article:
    """One article as read: metadata plus its text (HTML pages arrive as their extracted main text)."""

    id: str
    text: str
    origin: Origin
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    # "lines": every line is a paragraph (extracted HTML); "blocks": blank lines separate paragraphs
    # and the first line is the title (plain text files).
    layout: str = "blocks"

    @staticmethod
    def make_id(text: str, url: str | None = None, outlet: str | None = None) -> str:
        """The stable id of DESIGN.md: a hash of outlet+url when there is a url, else of the text."""
        if url:
            return stable_id(outlet or "", url)
        return stable_id(text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "tags": list(self.tags),
            "text": self.text,
            "origin": self.origin.to_dict(),
        }


@dataclass(slots=True, frozen=True)
class Paragraph:
    """A paragraph of an article with what it is (``kind``) and its language (ISO 639-1 or None)."""

    text: str
    kind: str = "body"
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "lang": self.lang}


@dataclass(slots=True, frozen=True)
class Redaction:
    """A secret that was removed: its kind and where the placeholder now stands (never the secret)."""

    kind: str
    paragraph: int  # index into CleanArticle.paragraphs; -1 for the title
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "paragraph": self.paragraph, "start": self.start, "end": self.end}


@dataclass(slots=True, frozen=True)
class CleanArticle:
    """An article after cleaning: labelled paragraphs, tags, and no secrets anywhere."""

    id: str
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    language: str | None
    tags: tuple[str, ...] = ()
    redactions: tuple[Redaction, ...] = ()
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    origin: Origin | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        """Body paragraphs in the article's main language: what later stages read."""
        return tuple(
            p for p in self.paragraphs if p.kind == "body" and (p.lang is None or p.lang == self.language)
        )

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.body_paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "tags": list(self.tags),
            "body": self.body,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "redactions": [r.to_dict() for r in self.redactions],
            "origin": self.origin.to_dict() if self.origin else None,
            "metadata": dict(self.metadata),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CleanArticle:
        origin = d.get("origin")
        return cls(
            id=d["id"],
            title=d.get("title"),
            paragraphs=tuple(Paragraph(p["text"], p["kind"], p.get("lang")) for p in d["paragraphs"]),
            language=d.get("language"),
            tags=tuple(d.get("tags") or ()),
            redactions=tuple(Redaction(**r) for r in d.get("redactions") or ()),
            url=d.get("url"),
            outlet=d.get("outlet"),
            published=dt.date.fromisoformat(d["published"]) if d.get("published") else None,
            origin=Origin(**origin) if origin else None,
            metadata=dict(d.get("metadata") or {}),
        )


@dataclass(slots=True, frozen=True)
class Skipped:
    """An input that could not be read, with the reason; yielded in place of an Article."""

    origin: Origin
    reason: str
    id: str | None = None  # the record's own id, when it had one

    def message(self) -> str:
        return f"{self.origin.where()}: {self.reason}"


@dataclass(slots=True, frozen=True)
class Actor:
    """Who acts or is acted on: the mention and what it was resolved to."""

    text: str  # the mention as written
    name: str | None = None  # canonical name ("Hakan Fidan", "Turkey")
    country: str | None = None  # ISO 3166-1 alpha-3
    roles: tuple[str, ...] = ()  # CAMEO role codes (GOV, MIL, SPY, REB, ...)
    code: str | None = None  # CAMEO actor code ("TURSPY", "IGOUNO")
    # How it was resolved: dictionary, apposition, premodifier, demonym, metonym, coreference,
    # agent, context (the one country its sentence names), affiliation ("doctors from X groups"),
    # location (an agentless act of violence takes its place's country)
    resolved_by: str | None = None
    start: int = 0  # character offsets of the mention in the clean text
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "roles": list(self.roles),
            "code": self.code,
            "resolved_by": self.resolved_by,
        }


@dataclass(slots=True, frozen=True)
class Event:
    """One coded event, with everything needed to check it without rerunning anything."""

    id: str
    article_id: str
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str | None
    plover_mode: str | None
    quad_class: int | None
    goldstein: float | None
    negated: bool
    modality: str  # asserted, reported, intended, desired, hypothetical, denied
    attributed_to: str | None
    reported_by: str | None
    sentence: str
    span: tuple[int, int]  # of the sentence in the clean text (title, blank line, body)
    trigger: str
    rule: str
    place: dict[str, Any] | None = None
    date: dict[str, Any] | None = None
    story: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "attributed_to": self.attributed_to,
            "reported_by": self.reported_by,
            "sentence": self.sentence,
            "span": list(self.span),
            "trigger": self.trigger,
            "rule": self.rule,
            "place": self.place,
            "date": self.date,
            "story": self.story,
        }

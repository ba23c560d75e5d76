"""Writing one batch of processed articles: articles, stories, mentions, merged events, actors and
places, all in one transaction, so that a batch is stored whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import func, select

from eventwire.records import Actor, CleanArticle, Event, stable_id
from eventwire.store import schema


@dataclass(slots=True)
class Processed:
    """An article as the pipeline leaves it for the store."""

    article: CleanArticle
    events: list[Event]
    warnings: list[str]
    features: dict[str, Any]


@dataclass(slots=True)
class Written:
    stored: int = 0
    duplicates: int = 0
    events: int = 0  # mentions written
    stored_ids: list[str] = field(default_factory=list)


class Grouper(Protocol):
    def add(
        self, doc_id: str, feats: dict[str, Any], published: dt.date | None, outlet: str | None
    ) -> str: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.code or actor.country or (actor.name or actor.text).casefold()


def _actor_fields(side: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{side}_name": (actor.name or actor.text) if actor else None,
        f"{side}_country": actor.country if actor else None,
        f"{side}_roles": " ".join(actor.roles) if actor and actor.roles else None,
        f"{side}_code": actor.code if actor else None,
    }


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _event_fields(event: Event) -> dict[str, Any]:
    place = event.place or {}
    return {
        **_actor_fields("source", event.source),
        **_actor_fields("target", event.target),
        "cameo": event.cameo,
        "root": event.cameo[:2],
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "negated": event.negated,
        "modality": event.modality,
        "place_name": place.get("name"),
        "place_country": place.get("country"),
        "place_lat": place.get("lat"),
        "place_lon": place.get("lon"),
        "place_geonameid": place.get("geonameid"),
        "place_basis": place.get("basis"),
    }


def article_row(item: Processed, seq: int, story_id: str) -> dict[str, Any]:
    a = item.article
    return {
        "id": a.id,
        "seq": seq,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published,
        "language": a.language,
        "tags": json.dumps(list(a.tags), ensure_ascii=False),
        "body": a.body,
        "paragraphs": json.dumps([p.to_dict() for p in a.paragraphs], ensure_ascii=False),
        "redactions": json.dumps([r.to_dict() for r in a.redactions]),
        "origin": a.origin.where() if a.origin else None,
        "story_id": story_id,
        "features": json.dumps(item.features, ensure_ascii=False, separators=(",", ":")),
        "events_n": len(item.events),
        "warnings": json.dumps(item.warnings, ensure_ascii=False) if item.warnings else None,
        "ingested_at": _now(),
    }


def write_batch(conn: Any, items: Iterable[Processed], grouper: Grouper) -> Written:
    """Store ``items`` in arrival order on ``conn`` (inside a transaction the caller owns).

    An article whose id is already stored is counted as a duplicate and nothing of it is written.
    """
    written = Written()
    seq = conn.execute(select(func.coalesce(func.max(schema.articles.c.seq), 0))).scalar_one()
    for item in items:
        a = item.article
        if conn.execute(select(schema.articles.c.id).where(schema.articles.c.id == a.id)).first():
            written.duplicates += 1
            continue
        seq += 1
        story_id = grouper.add(a.id, item.features, a.published, a.outlet)
        conn.execute(schema.articles.insert(), article_row(item, seq, story_id))
        _update_story(conn, story_id, a)
        for position, event in enumerate(item.events):
            _write_event(conn, event, position, a, story_id)
        written.stored += 1
        written.events += len(item.events)
        written.stored_ids.append(a.id)
    return written


def _update_story(conn: Any, story_id: str, article: CleanArticle) -> None:
    s, arts = schema.stories, schema.articles
    row = conn.execute(select(s.c.first_seen, s.c.last_seen).where(s.c.id == story_id)).first()
    counts = conn.execute(
        select(func.count(), func.count(func.distinct(arts.c.outlet))).where(arts.c.story_id == story_id)
    ).one()
    if row is None:
        conn.execute(
            s.insert(),
            {
                "id": story_id,
                "title": article.title,
                "first_article_id": article.id,
                "first_seen": article.published,
                "last_seen": article.published,
                "articles_n": counts[0],
                "outlets_n": counts[1],
            },
        )
        return
    days = [d for d in (row.first_seen, row.last_seen, article.published) if d is not None]
    conn.execute(
        s.update()
        .where(s.c.id == story_id)
        .values(
            first_seen=min(days) if days else None,
            last_seen=max(days) if days else None,
            articles_n=counts[0],
            outlets_n=counts[1],
        )
    )


def _write_event(conn: Any, event: Event, position: int, article: CleanArticle, story_id: str) -> None:
    date = event.date or {}
    day = _day(date.get("from")) or article.published
    merged_id = stable_id(
        story_id,
        _actor_key(event.source),
        _actor_key(event.target),
        event.cameo[:2],
        day.isoformat() if day else "",
        "negated" if event.negated else "",
    )
    fields = _event_fields(event)
    place = event.place or {}
    mention = {
        "id": stable_id(event.id, str(position)),
        "event_id": merged_id,
        "article_id": article.id,
        "position": position,
        "source_text": event.source.text if event.source else None,
        "source_resolved_by": event.source.resolved_by if event.source else None,
        "target_text": event.target.text if event.target else None,
        "target_resolved_by": event.target.resolved_by if event.target else None,
        **fields,
        "place_text": place.get("text"),
        "attributed_to": event.attributed_to,
        "reported_by": event.reported_by,
        "sentence": event.sentence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "trigger": event.trigger,
        "rule": event.rule,
        "date_text": date.get("text"),
        "date_from": _day(date.get("from")),
        "date_to": _day(date.get("to")),
        "date_precision": date.get("precision"),
        "date_basis": date.get("basis"),
    }
    e, m, arts = schema.events, schema.mentions, schema.articles
    existing = conn.execute(select(e.c.id, e.c.first_seen, e.c.last_seen).where(e.c.id == merged_id)).first()
    if existing is None:
        conn.execute(
            e.insert(),
            {
                "id": merged_id,
                "story_id": story_id,
                **fields,
                "date": day,
                "date_to": mention["date_to"] or day,
                "date_precision": mention["date_precision"] or ("day" if day else None),
                "first_article_id": article.id,
                "first_url": article.url,
                "sentence": event.sentence,
                "num_mentions": 0,
                "num_articles": 0,
                "num_outlets": 0,
                "first_seen": article.published,
                "last_seen": article.published,
            },
        )
    conn.execute(m.insert(), mention)
    counts = conn.execute(
        select(
            func.count(), func.count(func.distinct(m.c.article_id)), func.count(func.distinct(arts.c.outlet))
        )
        .select_from(m.join(arts, arts.c.id == m.c.article_id))
        .where(m.c.event_id == merged_id)
    ).one()
    values: dict[str, Any] = {"num_mentions": counts[0], "num_articles": counts[1], "num_outlets": counts[2]}
    if existing is not None and article.published is not None:
        days = [d for d in (existing.first_seen, existing.last_seen, article.published) if d is not None]
        values.update(first_seen=min(days), last_seen=max(days))
    conn.execute(e.update().where(e.c.id == merged_id).values(**values))
    for actor in (event.source, event.target):
        if actor is not None:
            _ensure(conn, schema.actors, _actor_row(actor))
    if place.get("name"):
        _ensure(conn, schema.places, _place_row(place))


def _actor_row(actor: Actor) -> dict[str, Any]:
    name = actor.name or actor.text
    return {
        "id": stable_id(name, actor.country, actor.code),
        "name": name,
        "country": actor.country,
        "roles": " ".join(actor.roles) or None,
        "code": actor.code,
    }


def _place_row(place: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": stable_id(
            place.get("name"), place.get("country"), str(place.get("lat")), str(place.get("lon"))
        ),
        "name": place.get("name"),
        "country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "geonameid": place.get("geonameid"),
    }


def _ensure(conn: Any, table: Any, row: dict[str, Any]) -> None:
    if conn.execute(select(table.c.id).where(table.c.id == row["id"])).first() is None:
        conn.execute(table.insert(), row)

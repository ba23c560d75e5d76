"""Writing one batch of processed articles: articles, stories, mentions, merged events, actors and
places, all in one transaction, so that a batch is stored whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import bindparam, func, select

from eventwire.ingest.html import parse_date
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


class Grouper(Protocol):
    def add(
        self, doc_id: str, feats: dict[str, Any], published: dt.date | None, outlet: str | None
    ) -> str: ...


def utcnow() -> dt.datetime:
    """Now in UTC, without a zone (both back ends store it the same way)."""
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
        "features": json.dumps(stored_features(item.features), ensure_ascii=False, separators=(",", ":")),
        "events_n": len(item.events),
        "warnings": json.dumps(item.warnings, ensure_ascii=False) if item.warnings else None,
        "ingested_at": utcnow(),
    }


def stored_features(features: dict[str, Any]) -> dict[str, Any]:
    """What is kept of the story grouper's features: all but a long page's passages, which are
    only compared when the article arrives (restoring the grouper after a restart never needs them)."""
    return {k: v for k, v in features.items() if k != "passages"}


def write_batch(conn: Any, items: Iterable[Processed], grouper: Grouper) -> Written:
    """Store ``items`` in arrival order on ``conn`` (inside a transaction the caller owns).

    An article whose id is already stored is counted as a duplicate and nothing of it is written.
    The batch is written with a few statements per table, not a few per event: counts of stories
    and merged events are recomputed once per batch for the ones it touched.
    """
    written = Written()
    items = list(items)
    a_t, s_t, e_t, m_t = schema.articles, schema.stories, schema.events, schema.mentions
    stored = existing(conn, a_t, [item.article.id for item in items])
    seq = conn.execute(select(func.coalesce(func.max(a_t.c.seq), 0))).scalar_one()
    article_rows: list[dict[str, Any]] = []
    mention_rows: list[dict[str, Any]] = []
    new_events: dict[str, dict[str, Any]] = {}
    first_of_story: dict[str, CleanArticle] = {}
    actors: dict[str, dict[str, Any]] = {}
    places: dict[str, dict[str, Any]] = {}
    for item in items:
        a = item.article
        if a.id in stored:
            written.duplicates += 1
            continue
        stored.add(a.id)
        seq += 1
        story_id = grouper.add(a.id, item.features, a.published, a.outlet)
        article_rows.append(article_row(item, seq, story_id))
        first_of_story.setdefault(story_id, a)
        for position, event in enumerate(item.events):
            mention, merged = _event_rows(event, position, a, story_id)
            mention_rows.append(mention)
            new_events.setdefault(merged["id"], merged)
            for actor in (event.source, event.target):
                if actor is not None:
                    row = _actor_row(actor)
                    actors.setdefault(row["id"], row)
            if event.place and event.place.get("name"):
                row = _place_row(event.place)
                places.setdefault(row["id"], row)
        written.stored += 1
        written.events += len(item.events)
    if not article_rows:
        return written
    conn.execute(a_t.insert(), article_rows)

    # Stories: new ones start with their first article; counts and dates come from the articles.
    stories = list(first_of_story)
    known_stories = existing(conn, s_t, stories)
    story_counts = {
        r.story_id: r
        for r in _chunked(
            conn,
            stories,
            lambda chunk: (
                select(
                    a_t.c.story_id,
                    func.count().label("articles_n"),
                    func.count(func.distinct(a_t.c.outlet)).label("outlets_n"),
                    func.min(a_t.c.published).label("first_seen"),
                    func.max(a_t.c.published).label("last_seen"),
                )
                .where(a_t.c.story_id.in_(chunk))
                .group_by(a_t.c.story_id)
            ),
        )
    }
    fresh = [
        {
            "id": s,
            "title": first_of_story[s].title,
            "first_article_id": first_of_story[s].id,
            "first_seen": story_counts[s].first_seen,
            "last_seen": story_counts[s].last_seen,
            "articles_n": story_counts[s].articles_n,
            "outlets_n": story_counts[s].outlets_n,
        }
        for s in stories
        if s not in known_stories
    ]
    if fresh:
        conn.execute(s_t.insert(), fresh)
    _update_counts(
        conn,
        s_t,
        [
            {"_id": s, **{k: getattr(story_counts[s], k) for k in _STORY_COUNTS}}
            for s in stories
            if s in known_stories
        ],
        _STORY_COUNTS,
    )

    # Merged events: insert the new ones, then every report, then recount what was touched.
    touched = list(new_events)
    known_events = existing(conn, e_t, touched)
    inserts = [row for key, row in new_events.items() if key not in known_events]
    if inserts:
        conn.execute(e_t.insert(), inserts)
    if mention_rows:
        conn.execute(m_t.insert(), mention_rows)
    event_counts = _chunked(
        conn,
        touched,
        lambda chunk: (
            select(
                m_t.c.event_id.label("_id"),
                func.count().label("num_mentions"),
                func.count(func.distinct(m_t.c.article_id)).label("num_articles"),
                func.count(func.distinct(a_t.c.outlet)).label("num_outlets"),
                func.min(a_t.c.published).label("first_seen"),
                func.max(a_t.c.published).label("last_seen"),
            )
            .select_from(m_t.join(a_t, a_t.c.id == m_t.c.article_id))
            .where(m_t.c.event_id.in_(chunk))
            .group_by(m_t.c.event_id)
        ),
    )
    _update_counts(conn, e_t, [dict(r._mapping) for r in event_counts], _EVENT_COUNTS)
    for table, rows in ((schema.actors, actors), (schema.places, places)):
        have = existing(conn, table, list(rows))
        missing = [row for key, row in rows.items() if key not in have]
        if missing:
            conn.execute(table.insert(), missing)
    return written


_STORY_COUNTS = ("articles_n", "outlets_n", "first_seen", "last_seen")
_EVENT_COUNTS = ("num_mentions", "num_articles", "num_outlets", "first_seen", "last_seen")
_CHUNK = 500


def _chunked(conn: Any, keys: list[str], query: Any) -> list[Any]:
    rows: list[Any] = []
    for start in range(0, len(keys), _CHUNK):
        rows.extend(conn.execute(query(keys[start : start + _CHUNK])).all())
    return rows


def existing(conn: Any, table: Any, keys: list[str]) -> set[str]:
    """Which of ``keys`` are ids of rows in ``table``."""
    return {r[0] for r in _chunked(conn, keys, lambda chunk: select(table.c.id).where(table.c.id.in_(chunk)))}


def _update_counts(conn: Any, table: Any, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    if rows:
        statement = (
            table.update()
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam("_" + c) for c in columns})
        )
        conn.execute(statement, [{"_id": r["_id"], **{"_" + c: r[c] for c in columns}} for r in rows])


def _event_rows(
    event: Event, position: int, article: CleanArticle, story_id: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The mention row of ``event`` and the merged event row it belongs to (as first reported)."""
    date = event.date or {}
    day = parse_date(date.get("from")) or article.published
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
        "date_from": parse_date(date.get("from")),
        "date_to": parse_date(date.get("to")),
        "date_precision": date.get("precision"),
        "date_basis": date.get("basis"),
    }
    merged = {
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
    }
    return mention, merged


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

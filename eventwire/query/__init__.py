"""query: the events of a store, filtered, and counts of them (what ``events``, ``stats``,
``export`` and the web app read).

Filters combine with AND. An actor filter in capitals of three or more letters is a code: the
CAMEO actor code's prefix ("TUR" matches TURGOV), the country code, or the whole name ("NATO");
any other text matches part of the actor's name, ignoring case; ``cameo`` is a code prefix, so "04"
is the root and "042" a code and its sub-codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_, select

from eventwire.store import schema

E = schema.events


@dataclass(frozen=True, slots=True)
class Filters:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    country: str | None = None
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    story: str | None = None
    outlet: str | None = None
    limit: int | None = None


def _like(column: Any, text: str) -> Any:
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped}%", escape="\\")


def _side(side: str, value: str) -> Any:
    value = value.strip()
    name, code, country = E.c[f"{side}_name"], E.c[f"{side}_code"], E.c[f"{side}_country"]
    if value.isalpha() and value.isupper() and len(value) >= 3:  # a code: TUR, TURGOV, NATO
        return or_(code.like(value + "%"), country == value, func.lower(name) == value.casefold())
    return _like(name, value)


def conditions(f: Filters) -> list[Any]:
    """The WHERE conditions of ``f`` on the events table."""
    where: list[Any] = []
    if f.actor:
        where.append(or_(_side("source", f.actor), _side("target", f.actor)))
    if f.dyad:
        where.append(and_(_side("source", f.dyad[0]), _side("target", f.dyad[1])))
    if f.country:
        c = f.country.upper()
        where.append(or_(E.c.source_country == c, E.c.target_country == c, E.c.place_country == c))
    if f.cameo:
        where.append(E.c.cameo.like(f.cameo.strip() + "%"))
    if f.plover:
        where.append(E.c.plover == f.plover.strip().upper())
    if f.quad_class is not None:
        where.append(E.c.quad_class == f.quad_class)
    if f.since:
        where.append(E.c.date >= f.since)
    if f.until:
        where.append(E.c.date <= f.until)
    if f.place:
        where.append(_like(E.c.place_name, f.place))
    if f.bbox:
        west, south, east, north = f.bbox
        where.append(and_(E.c.place_lat.between(south, north), E.c.place_lon.between(west, east)))
    if f.story:
        where.append(E.c.story_id == f.story)
    if f.outlet:
        m, a = schema.mentions, schema.articles
        where.append(
            exists(
                select(m.c.id)
                .join(a, a.c.id == m.c.article_id)
                .where(m.c.event_id == E.c.id, _like(a.c.outlet, f.outlet))
            )
        )
    return where


def select_events(f: Filters) -> Any:
    """The SELECT of merged events matching ``f``, oldest first (undated last), then by id."""
    query = select(E).where(*conditions(f)).order_by(E.c.date.asc().nulls_last(), E.c.id)
    if f.limit:
        query = query.limit(f.limit)
    return query


def events(conn: Any, f: Filters) -> Iterator[dict[str, Any]]:
    """Matching merged events as dicts (keys: ``schema.EVENT_COLUMNS``), streamed."""
    result = conn.execution_options(stream_results=True, yield_per=1000).execute(select_events(f))
    for row in result:
        yield dict(row._mapping)


def mentions(conn: Any, event_id: str) -> list[dict[str, Any]]:
    """Every report of one merged event: evidence sentence, article, outlet and url."""
    m, a = schema.mentions, schema.articles
    rows = conn.execute(
        select(m, a.c.outlet, a.c.url, a.c.title, a.c.published)
        .join(a, a.c.id == m.c.article_id)
        .where(m.c.event_id == event_id)
        .order_by(a.c.seq, m.c.position)
    )
    return [dict(r._mapping) for r in rows]


def stats(conn: Any, f: Filters, top: int = 10) -> dict[str, Any]:
    """Counts of the matching events: totals, by CAMEO root, top dyads, by day."""
    from eventwire.events.codebook import lookup

    where = conditions(f)
    total = conn.execute(
        select(func.count(), func.coalesce(func.sum(E.c.num_mentions), 0)).select_from(E).where(*where)
    ).one()
    by_root = conn.execute(
        select(E.c.root, func.count().label("n")).where(*where).group_by(E.c.root).order_by(E.c.root)
    ).all()
    # A dyad is who acted on whom: countries where known, else the actor code ("IGOUNO", "REB").
    # Events without a target, or with a side that is only words ("a drone strike", "support"),
    # have no dyad.
    source = func.coalesce(E.c.source_country, E.c.source_code)
    target = func.coalesce(E.c.target_country, E.c.target_code)
    dyads = conn.execute(
        select(source.label("source"), target.label("target"), func.count().label("n"))
        .where(*where, source.is_not(None), target.is_not(None))
        .group_by(source, target)
        .order_by(func.count().desc(), source.nulls_last(), target.nulls_last())
        .limit(top)
    ).all()
    days = conn.execute(
        select(E.c.date, func.count().label("n"))
        .where(*where, E.c.date.is_not(None))
        .group_by(E.c.date)
        .order_by(E.c.date)
    ).all()
    counts = {
        name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in (("articles", schema.articles), ("stories", schema.stories))
    }
    return {
        "articles": counts["articles"],
        "stories": counts["stories"],
        "events": total[0],
        "mentions": int(total[1]),
        "by_root": [{"root": r.root, "name": lookup(r.root).name, "events": r.n} for r in by_root],
        "top_dyads": [{"source": d.source, "target": d.target, "events": d.n} for d in dyads],
        "by_day": [{"date": d.date.isoformat(), "events": d.n} for d in days],
    }

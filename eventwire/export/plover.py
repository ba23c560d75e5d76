"""Merged events as PLOVER event records in JSON Lines: one JSON object a line, UTF-8, in the manner
of POLECAT (the PLOVER-coded dataset that succeeded ICEWS), with eventwire's CAMEO coding and
evidence alongside.

Fields, with the POLECAT column each stands for and the eventwire column it comes from:

- ``event_id`` (Event ID) [id].
- ``event_date`` (Event Date) [date], ISO ``YYYY-MM-DD`` or null; ``event_date_to`` [date_to]
  and ``date_precision`` [date_precision] say how wide the date is (POLECAT has no such fields).
- ``event_type`` (Event Type) [plover]: the PLOVER type (``CONSULT``, ``ASSAULT``, ...); null for
  CAMEO codes PLOVER does not cover (statements, 01x).
- ``event_mode`` (Event Mode) [plover_mode], null when the type has none.
- ``contexts`` (Contexts): always ``[]``; eventwire codes no PLOVER contexts.
- ``goldstein`` [goldstein]: the Goldstein score of the CAMEO code, -10..+10. It stands where
  POLECAT has Event Intensity, but it is a different scale, hence the different name.
- ``quad_class`` (Quad Code) [quad_class]: 1 verbal cooperation, 2 material cooperation, 3 verbal
  conflict, 4 material conflict.
- ``cameo`` [cameo], ``negated`` [negated], ``modality`` [modality] (asserted, reported,
  intended, desired, hypothetical or denied): eventwire's coding, which PLOVER records lack.
  Negated events are written, with ``negated: true``; filter them if you need what happened.
- ``actors``: ``{"source": ..., "target": ...}`` (POLECAT's Actor and Recipient), each
  ``{"name", "country", "roles", "code"}`` or null when the side is unknown. ``country`` is ISO
  3166-1 alpha-3 [source_country]; ``roles`` the CAMEO role codes as a list [source_roles] where
  POLECAT has sectors (PLOVER agent types, which eventwire does not produce); ``code`` the CAMEO
  actor code [source_code].
- ``location`` (Placename, Country, Latitude, Longitude, GeoNames ID): ``{"name", "country",
  "lat", "lon", "geonameid", "basis"}`` [place_*] or null when the event has no place; ``basis``
  says how the place was found (clause, dateline, article).
- ``num_mentions``, ``num_articles``, ``num_outlets``: how many mentions, articles and outlets
  report the event.
- ``story_id``, ``first_article_id``, ``first_url`` (Source), ``first_seen`` and ``last_seen``
  (ISO dates of the first and last report; Publication Date is ``first_seen``).
- ``text``: the evidence sentence of the event's first mention [sentence].

Where the store leaves ``plover``, ``plover_mode``, ``quad_class`` or ``goldstein`` empty, the
CAMEO codebook's value for the event code is written.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.events.codebook import lookup
from eventwire.export.files import atomic_text_output

logger = logging.getLogger(__name__)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat()[:10] if isinstance(value, date) else str(value)


def _actor(row: Mapping[str, Any], side: str) -> dict[str, Any] | None:
    name, country = row.get(f"{side}_name"), row.get(f"{side}_country")
    roles, code = row.get(f"{side}_roles"), row.get(f"{side}_code")
    if not (name or country or roles or code):
        return None
    return {
        "name": name,
        "country": country,
        "roles": re.split(r"[\s|,]+", roles.strip()) if roles and roles.strip() else [],
        "code": code,
    }


def _location(row: Mapping[str, Any]) -> dict[str, Any] | None:
    keys = ("name", "country", "lat", "lon", "geonameid", "basis")
    place = {key: row.get(f"place_{key}") for key in keys}
    if all(place[key] is None for key in keys[:5]):
        return None
    return place


def record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One merged event (a row of the store's ``events`` table) as a PLOVER record."""
    cameo = str(row["cameo"])
    known = lookup(cameo)

    def either(column: str, fallback: Any) -> Any:
        value = row.get(column)
        return fallback if value is None else value

    return {
        "event_id": row["id"],
        "event_date": _iso(row.get("date")),
        "event_date_to": _iso(row.get("date_to")),
        "date_precision": row.get("date_precision"),
        "event_type": either("plover", known.plover),
        "event_mode": either("plover_mode", known.plover_mode),
        "contexts": [],
        "goldstein": either("goldstein", known.goldstein),
        "quad_class": either("quad_class", known.quad),
        "cameo": cameo,
        "negated": bool(row.get("negated")),
        "modality": row.get("modality"),
        "actors": {"source": _actor(row, "source"), "target": _actor(row, "target")},
        "location": _location(row),
        "num_mentions": row.get("num_mentions"),
        "num_articles": row.get("num_articles"),
        "num_outlets": row.get("num_outlets"),
        "story_id": row.get("story_id"),
        "first_article_id": row.get("first_article_id"),
        "first_url": row.get("first_url"),
        "first_seen": _iso(row.get("first_seen")),
        "last_seen": _iso(row.get("last_seen")),
        "text": row.get("sentence"),
    }


def line(row: Mapping[str, Any]) -> str:
    """``record(row)`` as one JSON line, newline included."""
    text = json.dumps(record(row), ensure_ascii=False, separators=(",", ":"))
    # JSON allows these two raw, but readers that split on every Unicode line break do not.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def write(rows: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Write merged events to ``path`` as PLOVER JSON Lines, streaming; return the number written.

    Raises:
        ConfigError: ``path`` cannot be written (nothing is left at ``path`` then).
    """
    written = 0
    with atomic_text_output(path) as out:
        for row in rows:
            out.write(line(row))
            written += 1
    logger.info("wrote %d events to %s as PLOVER JSON Lines", written, path)
    return written

"""The PLOVER/POLECAT-style JSON Lines export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.events.codebook import lookup
from eventwire.export import plover

FIELDS = {
    "event_id", "event_date", "event_date_to", "date_precision", "event_type", "event_mode", "contexts",
    "goldstein", "quad_class", "cameo", "negated", "modality", "actors", "location", "num_mentions",
    "num_articles", "num_outlets", "story_id", "first_article_id", "first_url", "first_seen", "last_seen",
    "text",
}  # fmt: skip


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _actor(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    values = [row[f"{side}_{key}"] for key in ("name", "country", "roles", "code")]
    if not any(values):
        return None
    name, country, roles, code = values
    return {"name": name, "country": country, "roles": (roles or "").split(), "code": code}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == ""
    return [json.loads(line) for line in lines[:-1]]


def test_one_json_object_per_event(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert plover.write(rows, path) == len(rows)
    records = read_jsonl(path)
    assert len(records) == len(rows)
    assert all(set(record) == FIELDS for record in records)


def test_values_match_the_events(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    plover.write(rows, path)
    for row, got in zip(rows, read_jsonl(path), strict=True):
        known = lookup(row["cameo"])
        assert got["event_id"] == row["id"]
        assert got["event_date"] == _iso(row["date"])
        assert got["event_date_to"] == _iso(row["date_to"])
        assert got["date_precision"] == row["date_precision"]
        assert got["event_type"] == (row["plover"] or known.plover)
        assert got["event_mode"] == (row["plover_mode"] or known.plover_mode)
        assert got["contexts"] == []
        assert got["goldstein"] == (row["goldstein"] if row["goldstein"] is not None else known.goldstein)
        assert got["quad_class"] == (row["quad_class"] or known.quad)
        assert (got["cameo"], got["negated"], got["modality"]) == (
            row["cameo"],
            row["negated"],
            row["modality"],
        )
        assert got["actors"] == {"source": _actor(row, "source"), "target": _actor(row, "target")}
        if row["place_name"] is None:
            assert got["location"] is None
        else:
            assert got["location"] == {
                "name": row["place_name"],
                "country": row["place_country"],
                "lat": row["place_lat"],
                "lon": row["place_lon"],
                "geonameid": row["place_geonameid"],
                "basis": row["place_basis"],
            }
        for key in (
            "num_mentions",
            "num_articles",
            "num_outlets",
            "story_id",
            "first_article_id",
            "first_url",
        ):
            assert got[key] == row[key]
        assert (got["first_seen"], got["last_seen"]) == (_iso(row["first_seen"]), _iso(row["last_seen"]))
        assert got["text"] == row["sentence"]


def test_codebook_fills_what_the_store_left_empty(rows: list[dict[str, Any]]) -> None:
    row = next(row for row in rows if row["plover"] is None)
    got = plover.record(row)
    assert (got["event_type"], got["quad_class"], got["goldstein"]) == ("ASSAULT", 4, -10.0)


def test_unicode_line_separators_stay_inside_their_line(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    plover.write(rows, path)
    text = path.read_text("utf-8")
    assert "Khān Yūnis" in text  # written as UTF-8, not \\u escapes
    assert len(text.splitlines()) == len(rows)

"""Shared helpers for store tests: the corpus to ingest and a comparable dump of a store."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

from sqlalchemy import select

from eventwire.store import Store, schema

ROOT = Path(__file__).resolve().parents[2]
# Volatile columns: when a row was written, not what it holds.
VOLATILE = {"ingested_at"}
TABLES = ("articles", "stories", "events", "mentions", "actors", "places")


def corpus() -> list[str]:
    """The golden corpus inputs and the bundled samples: every input kind eventwire reads."""
    inputs = sorted(glob.glob(str(ROOT / "tests" / "corpus" / "cases" / "*" / "input.*")))
    return [*inputs, str(ROOT / "eventwire" / "samples")]


def dump(location: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every data table (not the ingest log), sorted, without volatile columns."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Store.open(location, create=False) as store, store.connect() as conn:
        for name in TABLES:
            table = schema.metadata.tables[name]
            columns = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(select(*columns)).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out

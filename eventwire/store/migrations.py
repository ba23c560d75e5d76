"""Versioned schema migrations.

``schema.py`` always describes the newest schema. A new store is created from it and stamped with
every version below; an older store gets the migrations it lacks, in order, each in one
transaction. To change the schema: edit ``schema.py`` and append a ``Migration`` that brings a
store of the previous version to the new one (``ALTER TABLE ...``, data copies), with a test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select

from eventwire.errors import StoreError
from eventwire.store import schema
from eventwire.store.write import utcnow


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Any], None]  # takes a Connection inside a transaction


def _initial(conn: Any) -> None:
    schema.metadata.create_all(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, stories, mentions, merged events, actors, places, ingest log", _initial),
)
LATEST = MIGRATIONS[-1].version


def current_version(conn: Any) -> int | None:
    """The store's schema version; None for an empty database; StoreError for a foreign one."""
    tables = set(inspect(conn).get_table_names())
    if "schema_migrations" not in tables:
        if tables & {"articles", "events", "mentions"}:
            raise StoreError("the database has eventwire-like tables but no schema version; use a new --db")
        if tables:
            raise StoreError(
                "the database holds other tables (" + ", ".join(sorted(tables)[:3]) + ", ...) and is not "
                "an eventwire store; give a new or empty --db"
            )
        return None
    versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions) if versions else None


def upgrade(engine: Any) -> int:
    """Create or upgrade the schema; returns the version now in place."""
    with engine.begin() as conn:
        version = current_version(conn)
        if version is not None and version > LATEST:
            raise StoreError(
                f"the store has schema version {version}, newer than this eventwire knows ({LATEST}); "
                "upgrade eventwire"
            )
        now = utcnow()
        if version is None:
            schema.metadata.create_all(conn)
            conn.execute(
                schema.schema_migrations.insert(),
                [{"version": m.version, "description": m.description, "applied_at": now} for m in MIGRATIONS],
            )
            return LATEST
        for migration in MIGRATIONS:
            if migration.version > version:
                migration.apply(conn)
                conn.execute(
                    schema.schema_migrations.insert(),
                    {"version": migration.version, "description": migration.description, "applied_at": now},
                )
        return LATEST

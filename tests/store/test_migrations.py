"""Schema versions: a new store is stamped with every migration, an old one is upgraded, a store
from a newer eventwire is refused with a message that says what to do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from eventwire.errors import StoreError
from eventwire.store import Store, schema
from eventwire.store.migrations import LATEST, MIGRATIONS, Migration


def test_a_new_store_is_stamped_with_every_migration(db: str) -> None:
    with Store.open(db) as store, store.connect() as conn:
        versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    assert sorted(versions) == [m.version for m in MIGRATIONS] and max(versions) == LATEST


def test_a_store_from_a_newer_eventwire_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    with Store.open(db) as store, store.engine.begin() as conn:
        conn.execute(
            schema.schema_migrations.insert(),
            {"version": LATEST + 1, "description": "from the future", "applied_at": dt.datetime(2030, 1, 1)},
        )
    with pytest.raises(StoreError, match=r"newer than this eventwire knows.*upgrade eventwire"):
        Store.open(db, create=False)


def test_an_older_store_gets_the_migrations_it_lacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.store import migrations

    db = str(tmp_path / "e.db")
    Store.open(db).close()
    applied: list[int] = []

    def add_column(conn: object) -> None:
        conn.exec_driver_sql("ALTER TABLE stories ADD COLUMN note TEXT")  # type: ignore[attr-defined]
        applied.append(LATEST + 1)

    newer = (*MIGRATIONS, Migration(LATEST + 1, "stories.note", add_column))
    monkeypatch.setattr(migrations, "MIGRATIONS", newer)
    monkeypatch.setattr(migrations, "LATEST", LATEST + 1)
    with Store.open(db) as store, store.connect() as conn:
        versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
        columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(stories)")]
    assert applied == [LATEST + 1] and max(versions) == LATEST + 1 and "note" in columns
    Store.open(db).close()  # applied once only
    assert applied == [LATEST + 1]

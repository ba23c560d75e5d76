"""store: the only stage that writes. SQLite (WAL) by default, PostgreSQL by URL; one schema.

store = Store.open("events.db")            # creates or upgrades the schema
with store.run(["articles/"]) as run:      # one row in ingest_log
    run.write(processed, grouper)          # one transaction per batch
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from eventwire.errors import StoreError
from eventwire.store import engine as _engine
from eventwire.store import schema
from eventwire.store.write import Grouper, Processed, Written, existing, utcnow, write_batch

__all__ = ["Processed", "Store", "StoreError", "Written"]

# An advisory lock key so that two ingests into one PostgreSQL store write one batch at a time.
_PG_WRITE_LOCK = 0x6576656E74


class Store:
    """An open store. Every method turns database errors into a one-line ``StoreError``."""

    def __init__(self, location: str, engine: Any) -> None:
        self.location = location
        self.engine = engine

    @property
    def dialect(self) -> str:
        return str(self.engine.dialect.name)

    @classmethod
    def open(cls, location: str | None = None, *, create: bool = True) -> Store:
        """Open (and with ``create``, create or upgrade) the store at ``location``.

        Without ``create`` a missing SQLite file is an error that says to ingest first.
        """
        from eventwire.store.migrations import LATEST, current_version, upgrade

        location = location or _engine.default_location()
        if "://" not in location and not create and not Path(location).expanduser().exists():
            raise StoreError(
                f"no store at {location}; run 'eventwire ingest PATH --db {location}' first "
                "(or pass the --db an ingest wrote)"
            )
        engine = _engine.create(location, create_folder=create)
        store = cls(location, engine)
        try:
            if create:
                upgrade(engine)
            else:
                with engine.connect() as conn:
                    version = current_version(conn)
                if version is None:
                    raise StoreError(f"{_engine.describe(location)} is empty; run 'eventwire ingest' into it")
                if version != LATEST:  # older: upgrade; newer: upgrade() refuses it
                    upgrade(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise _engine.explain(exc, location) from None
        except StoreError:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def connect(self) -> Iterator[Any]:
        """A connection for reading; database errors inside the block become one-line StoreErrors."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise _engine.explain(exc, self.location) from None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Any]:
        """A connection in a write transaction (committed on leaving, rolled back on an error)."""
        try:
            with self.engine.connect().execution_options(write=True) as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise _engine.explain(exc, self.location) from None
        except OSError as exc:
            raise StoreError(f"{_engine.describe(self.location)}: {exc.strerror or exc}") from None

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already."""
        ids = list(ids)
        if not ids:
            return set()
        with self.connect() as conn:
            return existing(conn, schema.articles, ids)

    def grouper_state(
        self, limit: int
    ) -> Iterator[tuple[str, dict[str, Any], dt.date | None, str | None, str]]:
        """The last ``limit`` stored articles, oldest first, as the story grouper needs them."""
        a = schema.articles
        with self.connect() as conn:
            newest = select(a.c.seq).order_by(a.c.seq.desc()).limit(limit).subquery()
            rows = conn.execute(
                select(a.c.id, a.c.features, a.c.published, a.c.outlet, a.c.story_id)
                .where(a.c.seq.in_(select(newest.c.seq)))
                .order_by(a.c.seq)
            ).all()
        for row in rows:
            yield row.id, json.loads(row.features), row.published, row.outlet, row.story_id

    def counts(self) -> dict[str, int]:
        """How many articles, stories, events and mentions are stored."""
        tables = {
            "articles": schema.articles,
            "stories": schema.stories,
            "events": schema.events,
            "mentions": schema.mentions,
        }
        with self.connect() as conn:
            return {
                k: conn.execute(select(func.count()).select_from(t)).scalar_one() for k, t in tables.items()
            }

    # --- writing -------------------------------------------------------------------------------

    def write(self, items: list[Processed], grouper: Grouper) -> Written:
        """Store one batch in one transaction: all of it or, on an error, none of it."""
        with self._writing() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
            return write_batch(conn, items, grouper)

    def start_run(self, inputs: list[str]) -> int:
        """Open a row in the ingest log; returns its id."""
        with self._writing() as conn:
            result = conn.execute(
                schema.ingest_log.insert(),
                {
                    "started_at": utcnow(),
                    "inputs": json.dumps(inputs, ensure_ascii=False),
                    "status": "running",
                    **dict.fromkeys(_RUN_COUNTS, 0),
                },
            )
            return int(result.inserted_primary_key[0])

    def log_issues(self, run_id: int, issues: list[tuple[str, str]]) -> None:
        """Record inputs the run skipped (origin, reason)."""
        if issues:
            with self._writing() as conn:
                conn.execute(
                    schema.ingest_issues.insert(),
                    [{"run_id": run_id, "origin": o, "reason": r} for o, r in issues],
                )

    def finish_run(
        self, run_id: int, status: str, counts: dict[str, int], message: str | None = None
    ) -> None:
        """Close the run's row in the ingest log (best effort: the data is already stored)."""
        with contextlib.suppress(StoreError), self._writing() as conn:
            conn.execute(
                schema.ingest_log.update()
                .where(schema.ingest_log.c.id == run_id)
                .values(
                    finished_at=utcnow(),
                    status=status,
                    message=message,
                    **{k: counts.get(k, 0) for k in _RUN_COUNTS},
                )
            )


_RUN_COUNTS = ("read", "stored", "duplicates", "skipped", "events")

"""Opening a store: where it lives, the SQLite pragmas, and errors a person can act on.

``--db`` takes a path (SQLite) or a URL (``postgresql://user@host/db``; ``sqlite:///path``). With
neither, the store is ``$EVENTWIRE_DB``, else ``$XDG_DATA_HOME/eventwire/eventwire.db``
(``~/.local/share/eventwire/eventwire.db``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from eventwire.errors import MissingExtraError, StoreError


def default_location() -> str:
    """The store used when no ``--db`` is given."""
    if os.environ.get("EVENTWIRE_DB"):
        return os.environ["EVENTWIRE_DB"]
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(data) / "eventwire" / "eventwire.db")


def url_for(location: str) -> str:
    """The SQLAlchemy URL of a ``--db`` value (a path or a URL)."""
    if "://" not in location:
        return "sqlite:///" + str(Path(location).expanduser().resolve())
    scheme, rest = location.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return location


def describe(location: str) -> str:
    """The location without a password, for messages."""
    if "://" in location and "@" in location:
        scheme, rest = location.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return location


def create(location: str, create_folder: bool = True) -> Any:
    """A SQLAlchemy engine for the store at ``location``."""
    from sqlalchemy import create_engine, event

    url = url_for(location)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if path.is_dir():
            raise StoreError(f"--db {location} is a folder; give a file path such as {path / 'events.db'}")
        if create_folder and not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder for the store {path}: {exc.strerror}; choose another --db"
                ) from None
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # eventwire begins transactions itself (below), so that a writer can take the write
            # lock up front (BEGIN IMMEDIATE) instead of failing to upgrade a read lock later.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("PRAGMA busy_timeout = 60000")
                # WAL: readers (the CLI, the web app) keep reading while an ingest writes. A read-only
                # file cannot switch mode; it is then read in whatever mode it has.
                with contextlib.suppress(sqlite3.OperationalError):
                    cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
                cursor.execute("PRAGMA foreign_keys = ON")
            finally:
                cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            immediate = conn.get_execution_options().get("write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    if url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise MissingExtraError("a PostgreSQL store", "postgres") from None
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # bad URL, unknown driver
        raise StoreError(f"cannot use --db {describe(location)}: {exc}") from None


def explain(exc: BaseException, location: str) -> StoreError:
    """A one-line StoreError for a database error, saying what to do."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else ""
    lowered = text.lower()
    where = describe(location)
    if "file is not a database" in lowered or "file is encrypted" in lowered:
        return StoreError(f"{where} is not an eventwire database (not SQLite); pass another --db")
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(f"{where} is read-only; give a writable --db or fix its permissions")
    if "unable to open database" in lowered:
        return StoreError(f"cannot open {where}: check that the folder exists and is writable")
    if "disk is full" in lowered or "no space left" in lowered or "disk full" in lowered:
        return StoreError(
            f"{where}: the disk is full; what was stored before is kept. Free space and rerun the "
            "same command to finish"
        )
    if "malformed" in lowered:
        return StoreError(f"{where} is damaged ({text}); restore it from a backup or start a new --db")
    if "connection" in lowered or "could not connect" in lowered or "password" in lowered:
        return StoreError(f"cannot connect to {where}: {text}")
    return StoreError(f"{where}: {text}")

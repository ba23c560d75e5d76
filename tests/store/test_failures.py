"""Bad input and failing storage during ingest: a clear message, nothing stored is lost, and the
store stays consistent (a rerun then finishes the job)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy.exc import OperationalError

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.pipeline import ingest_into
from eventwire.store import Store
from eventwire.store import write as store_write
from tests.store.helpers import dump

ARTICLES = [
    ("Turkey and Syria hold talks", "Turkish and Syrian intelligence chiefs met in Damascus on Monday."),
    ("Russia pulls back", "Russia withdrew some military resources from Syria, a Turkish official said."),
    ("Ukraine protests", "The Ministry of Foreign Affairs of Ukraine protested against the decision."),
    ("Talks in Baku", "Armenia and Azerbaijan agreed to resume peace talks next week."),
    ("Sanctions", "The European Union imposed new sanctions on Iran on Tuesday."),
    ("Aid", "Japan sent humanitarian aid to Pakistan after the floods."),
]


def _folder(tmp_path: Path, n: int = len(ARTICLES)) -> Path:
    folder = tmp_path / "news"
    folder.mkdir(exist_ok=True)
    for i, (title, text) in enumerate(ARTICLES[:n]):
        (folder / f"{i:02d}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return folder


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_a_corrupt_file_in_a_folder_is_reported_and_the_rest_stored(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    folder = _folder(tmp_path)
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    db = tmp_path / "e.db"
    result = run_cli("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert f"Stored {len(ARTICLES)} articles" in result.stderr
    with Store.open(str(db), create=False) as store:
        assert store.counts()["articles"] == len(ARTICLES)
    again = run_cli("ingest", str(folder), "--db", str(db), "--skip-bad")
    assert again.exit_code == 0
    assert f"{len(ARTICLES)} already stored, 1 skipped" in again.stderr


def test_a_file_that_is_not_a_database(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    db = tmp_path / "notes.db"
    content = b"these are my notes, not a database\n" * 200
    db.write_bytes(content)
    result = run_cli("ingest", str(_folder(tmp_path, 1)), "--db", str(db))
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == f"Error: {db} is not an eventwire database (not SQLite); pass another --db"
    )
    assert db.read_bytes() == content  # untouched


def test_a_database_of_another_program(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    result = run_cli("events", "--db", str(db))
    assert result.exit_code == 1
    assert "is not an eventwire store" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_missing_store_says_to_ingest_first(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("events", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "run 'eventwire ingest PATH --db" in result.stderr
    assert not (tmp_path / "none.db").exists()


def _as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "eventwire"), *args]
    if os.geteuid() == 0:  # root writes anywhere: drop to an unprivileged user to test permissions
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_a_read_only_store(tmp_path: Path) -> None:
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("needs setpriv (util-linux) to drop root's privileges")
    folder = Path(tempfile.mkdtemp(prefix="eventwire-ro-"))
    try:
        folder.chmod(0o755)
        db = folder / "e.db"
        with Store.open(str(db)) as store:
            ingest_into(store, [str(_folder(folder, 2))], Settings())
        before = dump(str(db))
        os.chmod(db, 0o444)
        for f in folder.rglob("*"):
            f.chmod(0o755 if f.is_dir() else 0o444)
        more = folder / "more.txt"
        more.write_text("Talks\n\nFrance hosted talks with Germany in Paris on Monday.\n", encoding="utf-8")
        more.chmod(0o444)
        result = _as_nobody("ingest", str(more), "--db", str(db))
        assert result.returncode == 1
        assert (
            result.stderr.strip() == f"Error: {db} is read-only; give a writable --db or fix its permissions"
        )
        result = _as_nobody("ingest", str(more), "--db", str(folder / "new" / "e.db"))
        assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
        assert "Error:" in result.stderr and "--db" in result.stderr
        assert dump(str(db)) == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _limit_pages(monkeypatch: pytest.MonkeyPatch, pages: int) -> None:
    """Make the store's file unable to grow past ``pages`` pages: SQLite then fails every write that
    needs more room with SQLITE_FULL, exactly as on a full disk."""
    from eventwire.store import engine as store_engine

    create = store_engine.create

    def limited(location: str, create_folder: bool = True) -> Any:
        from sqlalchemy import event

        engine = create(location, create_folder)

        @event.listens_for(engine, "connect")
        def _cap(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        return engine

    monkeypatch.setattr(store_engine, "create", limited)


def test_a_full_disk_keeps_what_was_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "e.db"
    first = _folder(tmp_path, 2)
    with Store.open(str(db)) as store:
        ingest_into(store, [str(first)], Settings())
    before = dump(str(db))
    with sqlite3.connect(db) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    big = tmp_path / "big"
    big.mkdir()
    for i in range(30):
        (big / f"{i}.txt").write_text(
            f"Report {i}\n\n"
            + " ".join(f"Turkey met Syria in Damascus on day {i} word{j}." for j in range(80)),
            encoding="utf-8",
        )
    _limit_pages(monkeypatch, pages + 2)
    with (
        pytest.raises(StoreError, match="the disk is full; what was stored before is kept"),
        Store.open(str(db)) as store,
    ):
        ingest_into(store, [str(big)], Settings(batch_size=8))
    monkeypatch.undo()
    assert _integrity(db) == "ok"
    after = dump(str(db))
    assert {r[0] for r in before["articles"]} <= {r[0] for r in after["articles"]}
    with Store.open(str(db)) as store:  # space again: the same command finishes the job
        report = ingest_into(store, [str(big)], Settings(batch_size=8))
        assert store.counts()["articles"] == 32
    assert report.stored + report.duplicates == 30


def test_a_failing_write_rolls_back_the_whole_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "e.db"
    folder = _folder(tmp_path)
    calls = {"n": 0}
    original = store_write._update_counts

    def failing(conn: Any, *args: Any) -> None:  # fails after articles and mentions were inserted
        calls["n"] += 1
        if calls["n"] == 2:
            raise OperationalError("UPDATE events", {}, sqlite3.OperationalError("disk I/O error"))
        original(conn, *args)

    monkeypatch.setattr(store_write, "_update_counts", failing)
    with pytest.raises(StoreError, match="disk I/O error"), Store.open(str(db)) as store:
        ingest_into(store, [str(folder)], Settings(batch_size=64))
    monkeypatch.undo()
    with Store.open(str(db), create=False) as store:
        assert store.counts() == {"articles": 0, "stories": 0, "events": 0, "mentions": 0}
    assert _integrity(db) == "ok"

"""Ingest into the store, on SQLite and on PostgreSQL: idempotent, resumable after kill -9, readable
while it writes, and the same answers from both back ends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.pipeline import ingest_into
from eventwire.query import Filters, events, stats
from eventwire.store import Store
from tests.store.helpers import corpus, dump

BATCH = 4
SETTINGS = Settings(batch_size=BATCH, skip_bad=True)


def _ingest(location: str) -> None:
    with Store.open(location) as store:
        ingest_into(store, corpus(), SETTINGS)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The corpus ingested once, uninterrupted, into a SQLite store."""
    location = str(tmp_path_factory.mktemp("reference") / "events.db")
    _ingest(location)
    return {"sqlite": location}


@pytest.fixture(scope="module")
def reference_pg(postgres_server: str) -> Iterator[str]:
    import uuid

    import psycopg

    name = "ref_" + uuid.uuid4().hex[:10]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    location = postgres_server.rsplit("/", 1)[0] + "/" + name
    _ingest(location)
    yield location


def test_the_corpus_fills_every_table(reference: dict[str, str]) -> None:
    tables = dump(reference["sqlite"])
    assert len(tables["articles"]) >= 40
    assert tables["events"] and tables["mentions"] and tables["stories"]
    assert len(tables["mentions"]) >= len(tables["events"])


def test_ingesting_twice_changes_nothing(db: str) -> None:
    _ingest(db)
    before = dump(db)
    with Store.open(db) as store:
        report = ingest_into(store, corpus(), SETTINGS)
    assert report.stored == 0 and report.events == 0
    assert report.duplicates == report.read > 0
    assert dump(db) == before


def test_both_back_ends_give_the_same_answers(reference: dict[str, str], reference_pg: str) -> None:
    assert dump(reference["sqlite"]) == dump(reference_pg)
    queries = [
        Filters(),
        Filters(cameo="04"),
        Filters(actor="TUR"),
        Filters(country="UKR", limit=5),
        Filters(since=__import__("datetime").date(2022, 1, 1)),
    ]
    for f in queries:
        answers = []
        for location in (reference["sqlite"], reference_pg):
            with Store.open(location, create=False) as store, store.connect() as conn:
                answers.append((list(events(conn, f)), stats(conn, f)))
        assert answers[0] == answers[1], f


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "EVENTWIRE_BATCH_SIZE": str(BATCH), "EVENTWIRE_SKIP_BAD": "1"}


def _articles(location: str) -> int:
    try:
        with Store.open(location, create=False) as store:
            return store.counts()["articles"]
    except Exception:
        return 0


def test_killed_ingest_rerun_ends_identical(db: str, reference: dict[str, str]) -> None:
    proc = subprocess.Popen(
        _cli("ingest", *corpus(), "--db", db), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 240
    while _articles(db) < 2 * BATCH and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _articles(db)
    assert 0 < partial < len(dump(reference["sqlite"])["articles"])
    rerun = subprocess.run(_cli("ingest", *corpus(), "--db", db), env=_env(), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial:,} already stored" in rerun.stderr
    assert dump(db) == dump(reference["sqlite"])


def test_a_reader_queries_while_an_ingest_writes(db: str) -> None:
    proc = subprocess.Popen(
        _cli("ingest", *corpus(), "--db", db), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    seen: list[int] = []
    try:
        while proc.poll() is None:
            if _articles(db):
                out = subprocess.run(
                    _cli("events", "--db", db, "--jsonl"), capture_output=True, text=True, timeout=60
                )
                assert out.returncode == 0, out.stderr
                seen.append(len([json.loads(line) for line in out.stdout.splitlines()]))
            time.sleep(0.05)
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0
    final = len(dump(db)["events"])
    assert any(n < final for n in seen), "no read happened while the ingest was writing"
    assert seen == sorted(seen)


def test_ingest_log_counts_each_run(tmp_path: Path) -> None:
    location = str(tmp_path / "log.db")
    _ingest(location)
    _ingest(location)
    from sqlalchemy import select

    from eventwire.store import schema

    with Store.open(location, create=False) as store, store.connect() as conn:
        runs = conn.execute(select(schema.ingest_log).order_by(schema.ingest_log.c.id)).all()
    assert [r.status for r in runs] == ["done", "done"]
    assert (
        runs[0].stored > 0
        and runs[1].stored == 0
        and runs[1].duplicates == runs[0].stored + runs[0].duplicates
    )


def test_two_workers_store_what_one_stores(tmp_path: Path, reference: dict[str, str]) -> None:
    db = str(tmp_path / "workers.db")
    result = subprocess.run(
        _cli("ingest", *corpus(), "--db", db, "--workers", "2"), env=_env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert dump(db) == dump(reference["sqlite"])

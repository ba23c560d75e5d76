"""``eventwire events``, ``stats`` and ``export`` on a store holding the bundled samples."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import cli
from eventwire.demo import samples_dir
from eventwire.store.schema import EVENT_COLUMNS


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("query") / "events.db")
    result = CliRunner().invoke(cli, ["ingest", str(samples_dir()), "--db", location, "--skip-bad"])
    assert result.exit_code == 0, result.output
    return location


def _jsonl(run_cli: Callable[..., Result], *args: str) -> list[dict]:
    result = run_cli("events", *args, "--jsonl")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_output_form_gives_the_same_events(db: str, run_cli: Callable[..., Result]) -> None:
    rows = _jsonl(run_cli, "--db", db)
    assert rows and list(rows[0]) == EVENT_COLUMNS
    as_json = json.loads(run_cli("events", "--db", db, "--json").stdout)
    assert as_json == rows
    table = list(csv.DictReader(io.StringIO(run_cli("events", "--db", db, "--csv").stdout)))
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    shown = run_cli("events", "--db", db, "--limit", "3")
    assert shown.exit_code == 0 and "reports = mentions/articles/outlets" in shown.stdout


def test_filters(db: str, run_cli: Callable[..., Result]) -> None:
    everything = _jsonl(run_cli, "--db", db)
    consult = _jsonl(run_cli, "--db", db, "--cameo", "04")
    assert consult and all(r["cameo"].startswith("04") for r in consult)
    turkey = _jsonl(run_cli, "--db", db, "--actor", "TUR")

    def turkish(r: dict, side: str) -> bool:
        return r[f"{side}_country"] == "TUR" or (r[f"{side}_code"] or "").startswith("TUR")

    assert turkey and all(turkish(r, "source") or turkish(r, "target") for r in turkey)
    dyad = _jsonl(run_cli, "--db", db, "--dyad", "TUR", "RUS")
    assert dyad and all(
        r["target_country"] == "RUS" or (r["target_code"] or "").startswith("RUS") for r in dyad
    )
    since = _jsonl(run_cli, "--db", db, "--since", "2024-03-16", "--until", "2024-03-17")
    assert since and all("2024-03-16" <= r["date"] <= "2024-03-17" for r in since)
    placed = [r for r in everything if r["place_lat"] is not None]
    first = placed[0]
    box = (
        f"{first['place_lon'] - 1},{first['place_lat'] - 1},{first['place_lon'] + 1},{first['place_lat'] + 1}"
    )
    inside = _jsonl(run_cli, "--db", db, "--bbox", box)
    assert first["id"] in {r["id"] for r in inside}
    assert all(abs(r["place_lat"] - first["place_lat"]) <= 1 for r in inside)
    by_place = _jsonl(run_cli, "--db", db, "--place", first["place_name"])
    assert first["id"] in {r["id"] for r in by_place}
    story = _jsonl(run_cli, "--db", db, "--story", first["story_id"])
    assert story and {r["story_id"] for r in story} == {first["story_id"]}
    outlet = _jsonl(run_cli, "--db", db, "--outlet", "Danube Times")
    assert outlet and len(outlet) < len(everything)
    assert _jsonl(run_cli, "--db", db, "--plover", "consult") == [
        r for r in everything if r["plover"] == "CONSULT"
    ]
    assert _jsonl(run_cli, "--db", db, "--quad", "4") == [r for r in everything if r["quad_class"] == 4]


def test_one_story_told_three_times_counts_once(db: str, run_cli: Callable[..., Result]) -> None:
    merged = [
        r for r in _jsonl(run_cli, "--db", db, "--outlet", "Black Sea Monitor") if r["num_articles"] > 1
    ]
    assert merged, "the wire copy's events should merge with the original's"
    result = run_cli("events", "--db", db, "--story", merged[0]["story_id"], "--jsonl", "--mentions")
    event = next(json.loads(line) for line in result.stdout.splitlines() if merged[0]["id"] in line)
    assert len(event["mentions"]) == event["num_mentions"] >= 2
    assert len({m["outlet"] for m in event["mentions"]}) == event["num_outlets"]


def test_stats(db: str, run_cli: Callable[..., Result]) -> None:
    result = run_cli("stats", "--db", db, "--json")
    stats = json.loads(result.stdout)
    events = _jsonl(run_cli, "--db", db)
    assert stats["events"] == len(events) == sum(r["events"] for r in stats["by_root"])
    assert stats["articles"] == 15 and stats["stories"] < 15
    assert all(d["source"] and d["target"] for d in stats["top_dyads"])
    # sides are known actors (a country or an actor code), never the words of an unresolved phrase
    known = {
        r[f"{side}_{key}"] for r in events for side in ("source", "target") for key in ("country", "code")
    }
    assert stats["top_dyads"] and all({d["source"], d["target"]} <= known for d in stats["top_dyads"])
    words = {r["target_name"] for r in events if not (r["target_country"] or r["target_code"])}
    assert words and not words & {d["target"] for d in stats["top_dyads"]}
    text = run_cli("stats", "--db", db)
    assert "By CAMEO root" in text.stdout and "Top dyads" in text.stdout


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "parquet", "csv"])
def test_export_writes_the_stored_events(
    db: str, run_cli: Callable[..., Result], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"events.{fmt}"
    result = run_cli("export", "--db", db, "--format", fmt, "-o", str(out), "--cameo", "0")
    assert result.exit_code == 0, result.stderr
    stored = _jsonl(run_cli, "--db", db, "--cameo", "0")
    if fmt == "gdelt":  # GDELT cannot say "not": negated events are left out
        lines = out.read_text("utf-8").splitlines()
        assert len(lines) == sum(not r["negated"] for r in stored) > 0
        assert all(len(line.split("\t")) == 61 for line in lines)
        assert {line.split("\t")[26] for line in lines} == {r["cameo"] for r in stored if not r["negated"]}
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out).to_pylist()
        assert [r["id"] for r in table] == [r["id"] for r in stored]
        assert [r["num_mentions"] for r in table] == [r["num_mentions"] for r in stored]
    elif fmt == "plover":
        assert len(out.read_text("utf-8").splitlines()) == len(stored)
    else:
        assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == len(stored)
    assert f"Wrote {len(stored) if fmt != 'gdelt' else len(lines):,} events" in result.stderr


def test_bad_filter_values_are_one_line(db: str, run_cli: Callable[..., Result]) -> None:
    for args in (["--bbox", "1,2,3"], ["--since", "last tuesday"]):
        result = run_cli("events", "--db", db, *args)
        assert result.exit_code != 0
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr

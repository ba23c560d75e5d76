"""The Parquet and CSV exports: the ``events`` table's own columns, read back with pyarrow and the
csv module."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.export import table
from eventwire.store.schema import EVENT_COLUMNS
from tests.export.conftest import ROWS, event


def _as_csv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def test_parquet_gives_back_the_rows(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert table.write_parquet(rows, path) == len(rows)
    got = pq.read_table(path)
    assert got.column_names == EVENT_COLUMNS
    back = got.to_pylist()
    assert back == rows
    for row, again in zip(rows, back, strict=True):
        assert {k: type(v) for k, v in again.items()} == {k: type(v) for k, v in row.items()}


def test_parquet_types_follow_the_table(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    table.write_parquet(ROWS, path)
    schema = pq.read_schema(path)
    assert schema.field("date").type == pa.date32()
    assert schema.field("last_seen").type == pa.date32()
    assert schema.field("goldstein").type == schema.field("place_lat").type == pa.float64()
    assert schema.field("num_mentions").type == schema.field("place_geonameid").type == pa.int64()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("sentence").type == schema.field("cameo").type == pa.string()
    assert not schema.field("id").nullable and schema.field("target_name").nullable


def test_parquet_of_no_events_has_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert table.write_parquet([], path) == 0
    got = pq.read_table(path)
    assert got.num_rows == 0
    assert got.schema.equals(table.parquet_schema())


def test_parquet_is_written_in_batches(tmp_path: Path) -> None:
    def many() -> Iterator[dict[str, Any]]:
        for i in range(2 * table.BATCH_ROWS + 1):
            yield {**ROWS[0], "id": f"{i:040x}"}

    path = tmp_path / "many.parquet"
    assert table.write_parquet(many(), path) == 2 * table.BATCH_ROWS + 1
    meta = pq.read_metadata(path)
    assert (meta.num_rows, meta.num_row_groups) == (2 * table.BATCH_ROWS + 1, 3)


def test_csv_gives_back_the_rows_as_strings(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert table.write_csv(rows, path) == len(rows)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == EVENT_COLUMNS
        back = list(reader)
    assert back == [{k: _as_csv(v) for k, v in row.items()} for row in rows]


def test_csv_of_no_events_is_the_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    assert table.write_csv([], path) == 0
    assert path.read_bytes() == (",".join(EVENT_COLUMNS) + "\r\n").encode("utf-8")


@settings(max_examples=50, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_any_text_round_trips(text: str) -> None:
    row = event(**{**ROWS[0], "source_name": text, "sentence": text})
    with tempfile.TemporaryDirectory() as folder:
        csv_path, parquet_path = Path(folder, "e.csv"), Path(folder, "e.parquet")
        table.write_csv([row], csv_path)
        table.write_parquet([row], parquet_path)
        with open(csv_path, encoding="utf-8", newline="") as f:
            (back,) = list(csv.DictReader(f))
        assert (back["source_name"], back["sentence"]) == (text, text)
        assert pq.read_table(parquet_path).to_pylist() == [row]

"""Merged events as tables: Parquet and CSV, one column per column of the store's ``events`` table
(``EVENT_COLUMNS``, same names, same order).

Parquet: types follow the table's column types: text -> string, integers -> int64, floats ->
float64, booleans -> bool, dates -> date32; columns the table declares NOT NULL are required
fields. Rows are written in record batches of ``BATCH_ROWS``, so memory stays flat whatever the
number of events; no events give a valid file with the schema and no rows.

CSV: a header line with the column names, then one line per event; RFC 4180 quoting (the csv
module's default dialect: fields holding commas, quotes or line breaks are quoted, quotes doubled,
lines end with CRLF), UTF-8 without a byte-order mark. Dates are ISO (``YYYY-MM-DD``), booleans
``true``/``false``, floats in Python's shortest round-trip form, and a missing value (None) is
an empty field, as is an empty string.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer

from eventwire.export.files import atomic_output, atomic_text_output
from eventwire.store.schema import EVENT_COLUMNS, events

logger = logging.getLogger(__name__)

BATCH_ROWS = 10_000
"""Rows per Parquet record batch (and row group)."""


def _pyarrow() -> Any:
    import pyarrow  # a dependency of eventwire, imported only when Parquet is written
    import pyarrow.parquet  # loads the submodule: pyarrow.parquet

    return pyarrow


def parquet_schema() -> Any:
    """The Parquet (pyarrow) schema of the ``events`` table."""
    pa = _pyarrow()
    fields = []
    for column in events.columns:
        kind = column.type
        if isinstance(kind, Boolean):
            arrow = pa.bool_()
        elif isinstance(kind, Integer):
            arrow = pa.int64()
        elif isinstance(kind, Float):
            arrow = pa.float64()
        elif isinstance(kind, DateTime):
            arrow = pa.timestamp("us")
        elif isinstance(kind, Date):
            arrow = pa.date32()
        else:
            arrow = pa.string()
        fields.append(pa.field(column.name, arrow, nullable=bool(column.nullable)))
    return pa.schema(fields)


def write_parquet(rows: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Write merged events to ``path`` as Parquet, in record batches; return the number written.

    Raises:
        ConfigError: ``path`` cannot be written (nothing is left at ``path`` then).
    """
    pa = _pyarrow()
    schema = parquet_schema()
    written = 0
    with atomic_output(path) as out, pa.parquet.ParquetWriter(out, schema) as writer:
        batch: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
        size = 0
        for row in rows:
            for name, values in batch.items():
                values.append(row.get(name))
            size += 1
            if size == BATCH_ROWS:
                writer.write_batch(pa.RecordBatch.from_pydict(batch, schema=schema))
                written += size
                batch = {name: [] for name in EVENT_COLUMNS}
                size = 0
        if size:
            writer.write_batch(pa.RecordBatch.from_pydict(batch, schema=schema))
            written += size
    logger.info("wrote %d events to %s as Parquet", written, path)
    return written


def csv_cell(value: Any) -> str:
    """A value as eventwire's CSV writes it: empty for None, true/false, ISO dates, exact floats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(rows: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Write merged events to ``path`` as CSV with a header line; return the number written.

    Raises:
        ConfigError: ``path`` cannot be written (nothing is left at ``path`` then).
    """
    written = 0
    with atomic_text_output(path, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(EVENT_COLUMNS)
        for row in rows:
            writer.writerow([csv_cell(row.get(name)) for name in EVENT_COLUMNS])
            written += 1
    logger.info("wrote %d events to %s as CSV", written, path)
    return written

"""Exports of the store's merged events (the ``events`` table) to files, one module per format:

- ``gdelt``: GDELT 2.0 Event table (61 tab-separated columns, no header; negated events left out);
- ``plover``: PLOVER/POLECAT-style JSON Lines;
- ``parquet`` and ``csv`` (``table``): the ``events`` table's own columns.

Every writer takes an iterable of rows (mappings keyed by ``EVENT_COLUMNS``, values as SQLAlchemy
returns them; a ``result.mappings()`` will do), streams it to the file without holding it in
memory, and writes the file whole or not at all (a temporary file in the same folder, renamed at
the end). A path that cannot be written raises ``ConfigError`` with a one-line message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from eventwire.export import gdelt, plover, table

FORMATS = ("gdelt", "plover", "parquet", "csv")
"""Export formats, as ``export`` and the command line name them."""

_WRITERS: dict[str, Callable[[Iterable[Mapping[str, Any]], str | Path], int]] = {
    "gdelt": gdelt.write,
    "plover": plover.write,
    "parquet": table.write_parquet,
    "csv": table.write_csv,
}


def export(rows: Iterable[Mapping[str, Any]], fmt: str, path: str | Path) -> int:
    """Write merged events to ``path`` in format ``fmt``; return the number of events written.

    Args:
        rows: rows of the ``events`` table, keyed by ``EVENT_COLUMNS``; read once, in order.
        fmt: one of ``FORMATS``.
        path: the file to write; replaced if it exists.

    Returns:
        The number of events written (for "gdelt", negated events are not written or counted).

    Raises:
        ValueError: ``fmt`` is not one of ``FORMATS`` (checked before anything is written).
        ConfigError: ``path`` cannot be written; nothing is left at ``path`` then.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    return writer(rows, path)


__all__ = ["FORMATS", "export"]

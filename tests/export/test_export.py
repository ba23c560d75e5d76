"""``eventwire.export.export``: one entry point for every format."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import EventwireError
from eventwire.export import FORMATS, export


def test_formats() -> None:
    assert FORMATS == ("gdelt", "plover", "parquet", "csv")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_counts_what_it_writes(fmt: str, rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / f"events.{fmt}"
    negated = sum(1 for row in rows if row["negated"])
    assert export(iter(rows), fmt, path) == len(rows) - (negated if fmt == "gdelt" else 0)
    assert path.stat().st_size > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_accepts_a_string_path(fmt: str, rows: list[dict[str, Any]], tmp_path: Path) -> None:
    assert export(rows[:1], fmt, str(tmp_path / "events.out")) == 1


def test_unknown_format(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml': choose one of gdelt, plover"):
        export(rows, "xml", tmp_path / "events.xml")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_unwritable_path(fmt: str, rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "missing" / "events.out"
    with pytest.raises(EventwireError, match=r"cannot write '.*events\.out': folder '.*' does not exist"):
        export(rows, fmt, path)
    assert not path.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_failure_midway_leaves_nothing(fmt: str, rows: list[dict[str, Any]], tmp_path: Path) -> None:
    def failing() -> Iterator[dict[str, Any]]:
        yield from rows
        raise ConnectionError("database went away")

    # A ConnectionError is an OSError, yet not a failed write: it passes through as it is.
    with pytest.raises(ConnectionError, match="database went away"):
        export(failing(), fmt, tmp_path / "events.out")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_failure_midway_keeps_the_previous_file(fmt: str, rows: list[dict[str, Any]], tmp_path: Path) -> None:
    def failing() -> Iterator[dict[str, Any]]:
        yield from rows
        raise KeyError("cameo")

    path = tmp_path / "events.out"
    path.write_text("previous export", "utf-8")
    with pytest.raises(KeyError):
        export(failing(), fmt, path)
    assert path.read_text("utf-8") == "previous export"
    assert os.listdir(tmp_path) == ["events.out"]

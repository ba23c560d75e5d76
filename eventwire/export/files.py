"""Writing an export file whole or not at all.

An export goes to a temporary file next to the target (same folder, so the final rename never
crosses file systems) and is renamed onto the target only once everything is written and synced.
A failure at any point (a full disk, a bad row, Ctrl-C) removes the temporary file and leaves
whatever was at the target before untouched.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Iterator
from io import FileIO
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from eventwire.errors import ConfigError


def _cannot_write(path: Path, reason: str) -> ConfigError:
    return ConfigError(f"cannot write '{path}': {reason}. Choose another output path")


class _Output(io.BufferedWriter):
    """The temporary file: a failed write (full disk, file system gone read-only) is a ConfigError
    about the target, so that it cannot be mistaken for an OSError of the rows' source."""

    def __init__(self, raw: FileIO, target: Path) -> None:
        super().__init__(raw)
        self.target = target

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except OSError as err:
            raise _cannot_write(self.target, err.strerror or str(err)) from err

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as err:
            raise _cannot_write(self.target, err.strerror or str(err)) from err


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s content to; it becomes ``path`` when the block ends
    without an exception.

    Raises:
        ConfigError: the path is a folder, its folder does not exist, or the file cannot be
            created, written or renamed (permissions, a full disk); the message names the path
            and the cause. Exceptions raised by the block pass through unchanged.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise _cannot_write(target, "it is a folder, give a file name")
    if not folder.is_dir():
        raise _cannot_write(target, f"folder '{folder}' does not exist")
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        # Exclusive creation with the default mode, so that the file gets the usual permissions
        # (mkstemp would leave it readable by its owner only).
        file = _Output(FileIO(temp, "xb"), target)
    except OSError as err:
        raise _cannot_write(target, err.strerror or str(err)) from err
    try:
        yield cast(BinaryIO, file)
        file.flush()
        try:
            os.fsync(file.fileno())
            file.close()
            os.replace(temp, target)
        except OSError as err:
            raise _cannot_write(target, err.strerror or str(err)) from err
    except BaseException:
        with contextlib.suppress(Exception):
            file.close()
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


@contextlib.contextmanager
def atomic_text_output(path: str | Path, newline: str = "\n") -> Iterator[TextIO]:
    """``atomic_output`` for text: UTF-8, lines ended with ``newline`` ("" leaves line ends to the
    writer, as the csv module wants)."""
    with atomic_output(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline=newline)
        try:
            yield text
            text.flush()
        except BaseException:
            with contextlib.suppress(Exception):
                text.detach()
            raise
        text.detach()

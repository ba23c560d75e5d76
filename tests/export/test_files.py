"""Export files are written whole or not at all."""

from __future__ import annotations

import errno
import io
import os
import re
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import ConfigError
from eventwire.export import files
from eventwire.export.files import atomic_output, atomic_text_output


def test_file_appears_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with atomic_text_output(path) as out:
        out.write("one\n")
        assert not path.exists()
    assert path.read_text("utf-8") == "one\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    path = tmp_path / "out.bin"
    with atomic_output(path) as out:
        out.write(b"x")
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", "utf-8")
    with pytest.raises(RuntimeError, match="boom"), atomic_text_output(path) as out:
        out.write("new")
        raise RuntimeError("boom")
    assert path.read_text("utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


class FullDisk(io.FileIO):
    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("size", [10, 100_000])  # stays in the buffer, goes through it
def test_failed_write_is_a_config_error(size: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "FileIO", FullDisk)
    path = tmp_path / "out.bin"
    message = re.escape(f"cannot write '{path}': {os.strerror(errno.ENOSPC)}")
    with pytest.raises(ConfigError, match=message), atomic_output(path) as out:
        out.write(b"x" * size)
    assert os.listdir(tmp_path) == []


def test_other_os_errors_pass_through(tmp_path: Path) -> None:
    with pytest.raises(ConnectionResetError), atomic_output(tmp_path / "out.bin"):
        raise ConnectionResetError("the source went away")
    assert os.listdir(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "out.tsv"
    with pytest.raises(ConfigError) as info, atomic_output(path):
        pass  # pragma: no cover
    assert str(info.value) == (
        f"cannot write '{path}': folder '{path.parent}' does not exist. Choose another output path"
    )


def test_folder_as_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="it is a folder"), atomic_output(tmp_path):
        pass  # pragma: no cover


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ConfigError, match="Permission denied"), atomic_output(folder / "out.tsv"):
            pass  # pragma: no cover
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)

"""Docs as tests: every command and every setting is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.cli import cli
from eventwire.config import SETTINGS

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_command_is_documented(command: str) -> None:
    assert f"eventwire {command}" in README


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_setting_is_documented(name: str) -> None:
    assert f"`--{name.replace('_', '-')}`" in README


def test_readme_opens_with_the_two_commands() -> None:
    head = README.split("##")[0]
    assert "make demo" in head and "make test" in head

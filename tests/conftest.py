"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import cli


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run the eventwire CLI in-process: run_cli("clean", "x.txt", input=...)."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(cli, list(args), input=input, env=env, catch_exceptions=False)

    return run

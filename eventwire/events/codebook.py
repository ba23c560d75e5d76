"""The CAMEO codebook (data/cameo.tsv): name, Goldstein score, quad class and PLOVER 2021 type and
mode of every CAMEO event code."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire.datafiles import rows


@dataclass(slots=True, frozen=True)
class Code:
    code: str
    name: str
    goldstein: float | None
    quad: int | None
    plover: str | None
    plover_mode: str | None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


@functools.cache
def codebook() -> dict[str, Code]:
    out = {}
    for row in rows("eventwire.events", "cameo.tsv"):
        quad = row.get("quad", "")
        out[row["code"]] = Code(
            row["code"],
            row.get("name", ""),
            _float(row.get("goldstein", "")),
            int(quad) if quad.isdigit() else None,
            (row.get("plover") or "").upper() or None,
            row.get("plover_mode") or None,
        )
    return out


def lookup(code: str) -> Code:
    """The codebook entry of ``code``, falling back to its parent (0874 -> 087 -> 08)."""
    book = codebook()
    for n in range(len(code), 1, -1):
        if code[:n] in book:
            found = book[code[:n]]
            return (
                found
                if n == len(code)
                else Code(code, found.name, found.goldstein, found.quad, found.plover, found.plover_mode)
            )
    return Code(code, "", None, None, None, None)

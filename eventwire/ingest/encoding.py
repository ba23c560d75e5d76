"""Turn bytes into text: byte-order marks, declared charsets, then detection (charset-normalizer)."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from typing import Any

from eventwire.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""", re.I)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names in the first 4 KB, if it is known."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a mark: one side of each byte pair is nearly always the same few values (NUL
    for Latin text, 0x04 for Cyrillic) while the other side varies; the bytes must also decode."""
    sample = data[:4000]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]

    def uniform(side: bytes) -> bool:
        common = Counter(side).most_common(2)
        return sum(n for _, n in common) > 0.85 * len(side) and common[0][0] in (0, 4, 5, 6)

    for name, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if uniform(high) and len(set(low)) > 8:
            try:
                sample.decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def decode(data: bytes, where: str, declared: str | None = None, forced: str | None = None) -> str:
    """Decode ``data`` read from ``where``.

    Order: an encoding the user forced; a byte-order mark; the encoding the container declared
    (HTTP header, ``<meta charset>``, XML declaration) when the bytes decode under it; strict UTF-8;
    then charset-normalizer's best guess (Windows-1251, KOI8-R, Latin-1, ...).

    Raises:
        InputError: when no encoding fits.
    """
    if forced:
        try:
            return data.decode(forced).removeprefix("\ufeff")
        except LookupError:
            raise InputError(
                where, f"unknown encoding '{forced}'", "Name a Python codec, e.g. cp1251"
            ) from None
        except UnicodeDecodeError:
            raise InputError(
                where, f"the bytes are not valid {forced}", "Drop --encoding to detect it"
            ) from None
    bom = bom_encoding(data)
    if bom:
        name, size = bom
        return data[size:].decode(name, errors="replace")
    utf16 = looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration lies more often than one would hope; detect instead
        else:
            if declared.replace("_", "-") in ("utf-8", "ascii") or not _better_than(declared, data):
                return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    best = _prefer_common(results)
    if best is None:
        raise InputError(
            where,
            "cannot detect its text encoding",
            "Convert it to UTF-8 (iconv -f ENCODING -t UTF-8) or name it with --encoding",
        )
    return data.decode(best, errors="replace")


# Near-ties between single-byte code pages are common (French reads almost as cleanly in cp1250 as
# in cp1252); news files are far more often in these, so they win a tie.
PREFERRED = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "utf_16",
    "gb18030",
    "shift_jis",
)
TIE = 0.01
# How much cleaner (charset-normalizer "chaos") detection must read than a declared charset to win.
MISDECLARED = 0.05


def _better_than(declared: str, data: bytes) -> bool:
    """Whether detection finds a clearly cleaner reading than a declared single-byte charset
    (Latin-1, Windows-1252 and KOI8-R accept any bytes, so a wrong declaration still decodes)."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    if not results:
        return False
    own = next((r for r in results if codecs.lookup(r.encoding).name == codecs.lookup(declared).name), None)
    return own is None or results[0].chaos + MISDECLARED < own.chaos


def _prefer_common(results: list[Any]) -> str | None:
    if not results:
        return None
    best = results[0]
    for name in PREFERRED:
        for match in results:
            if match.encoding == name and match.chaos <= best.chaos + TIE:
                return name
    return str(best.encoding) if best.encoding else None

"""Ingest: read what analysts have into ``Article`` records.

``read(paths, settings)`` takes files, folders, globs and ``-`` (standard input), sniffs each
file's format from its bytes (plain text, HTML, JSON Lines, JSON, RSS/Atom, WARC, gzip of any of
these), detects its encoding, and yields ``Article`` records, or ``Skipped`` records that say which
file or line could not be read and why. Nothing here raises for one bad input: a batch goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO, cast

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.ingest.encoding import declared_charset, decode
from eventwire.ingest.sniff import sniff_bytes, sniff_text
from eventwire.records import Article, Origin, Skipped

__all__ = ["expand", "read", "read_bytes"]

_GLOB_CHARS = set("*?[")
JSONL_SNIFF_BYTES = 65536


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named by ``paths``: files as given, folders walked (hidden entries skipped), globs
    expanded, ``-`` for standard input.

    Raises:
        InputError: for a path that matches nothing.
    """
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(path):
            yield path
        elif _GLOB_CHARS & set(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise InputError(path, "the pattern matches no file", "Check the pattern and the folder")
            yield from expand(matches)
        else:
            raise InputError(path, "no such file or folder", "Check the path")


def read(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Article | Skipped]:
    """Articles from every file under ``paths`` (and every http(s) url, fetched), in order;
    unreadable inputs become ``Skipped``."""
    settings = settings or Settings()
    for given in paths:
        if given.startswith(("http://", "https://")):
            yield from _read_url(given, settings)
            continue
        try:
            files = list(expand([given]))
        except InputError as exc:
            yield Skipped(Origin(exc.where, "unknown"), exc.reason())
            continue
        for path in files:
            yield from _read_path(path, settings)


def _read_path(path: str, settings: Settings) -> Iterator[Article | Skipped]:
    try:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", settings)
            return
        with open(path, "rb") as stream:
            yield from read_stream(stream, path, settings)
    except InputError as exc:
        yield Skipped(Origin(exc.where, "unknown"), exc.reason())
    except PermissionError:
        yield Skipped(Origin(path, "unknown"), "permission denied. Check the file's permissions")
    except IsADirectoryError:
        yield Skipped(Origin(path, "unknown"), "is a folder")
    except OSError as exc:
        yield Skipped(Origin(path, "unknown"), f"cannot be read ({exc.strerror or type(exc).__name__})")


URL_TIMEOUT = 30  # seconds to wait for a web server


def _read_url(url: str, settings: Settings) -> Iterator[Article | Skipped]:
    """Fetch a page, feed or dump over HTTP(S) and read it like a file; the page keeps its url."""
    import dataclasses
    import urllib.error
    import urllib.request

    from eventwire import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"eventwire/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT) as response:
            data = _read_limited(response, url, settings.max_chars, archive=True)
    except urllib.error.HTTPError as exc:
        yield Skipped(Origin(url, "url"), f"the server answered {exc.code} {exc.reason}. Check the address")
        return
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        yield Skipped(
            Origin(url, "url"), f"cannot be fetched ({reason}). Check the address and the connection"
        )
        return
    except InputError as exc:
        yield Skipped(Origin(exc.where, "url"), exc.reason())
        return
    try:
        for item in read_stream(io.BytesIO(data), url, settings):
            if isinstance(item, Article) and item.url is None:  # a page is known by the url it came from
                item = dataclasses.replace(item, url=url, id=Article.make_id(item.text, url, item.outlet))
            yield item
    except InputError as exc:
        yield Skipped(Origin(exc.where, "url"), exc.reason())


def read_stream(stream: BinaryIO, path: str, settings: Settings) -> Iterator[Article | Skipped]:
    """Sniff one byte stream and read it with the matching reader."""
    head = _peek(stream, 64)
    if not head:
        raise InputError(path, "the file is empty", "Remove it from the input")
    kind = sniff_bytes(head)
    if kind in ("gzip", "warc") and not stream.seekable():
        stream = io.BytesIO(_read_limited(stream, path, settings.max_chars, archive=True))
    if kind == "gzip":
        inner = gzip.GzipFile(fileobj=stream)
        try:
            inner_head = inner.read(64)
        except (OSError, EOFError, zlib.error):
            raise InputError(path, "a gzip file that is truncated or corrupt", "Re-download it") from None
        stream.seek(0)
        if inner_head.startswith(b"WARC/"):
            from eventwire.ingest.warc import read_warc

            yield from read_warc(stream, path, settings.max_chars)
            return
        try:
            yield from read_stream(cast(BinaryIO, gzip.GzipFile(fileobj=stream)), path, settings)
        except (OSError, EOFError, zlib.error):
            raise InputError(path, "a gzip file that is truncated or corrupt", "Re-download it") from None
        return
    if kind == "warc":
        from eventwire.ingest.warc import read_warc

        yield from read_warc(stream, path, settings.max_chars)
        return
    if kind != "text":
        raise InputError(
            path,
            f"not a news article file: it looks like {kind}",
            "Remove it from the input",
        )
    from eventwire.ingest.jsonl import looks_jsonl

    if looks_jsonl(_peek(stream, JSONL_SNIFF_BYTES)):
        from eventwire.ingest.jsonl import read_jsonl

        yield from read_jsonl(stream, path, settings.max_chars, settings.encoding)
        return
    data = _read_limited(stream, path, settings.max_chars)
    yield from read_bytes(data, path, settings)


def read_bytes(data: bytes, path: str, settings: Settings) -> Iterator[Article | Skipped]:
    """Read a whole document held in memory (any kind but WARC and JSON Lines streams)."""
    if not data.strip():
        raise InputError(path, "the file is empty", "Remove it from the input")
    kind = sniff_bytes(data[:64])
    if kind not in ("text", "warc"):
        raise InputError(
            path,
            f"not a news article file: it looks like {kind}",
            "Remove it from the input",
        )
    if kind == "warc":
        from eventwire.ingest.warc import read_warc

        yield from read_warc(io.BytesIO(data), path, settings.max_chars)
        return
    text = decode(data, path, declared=declared_charset(data), forced=settings.encoding)
    fmt = sniff_text(text)
    if fmt == "jsonl":
        from eventwire.ingest.jsonl import read_jsonl

        yield from read_jsonl((line.encode("utf-8") for line in text.splitlines()), path, settings.max_chars)
    elif fmt == "json":
        from eventwire.ingest.jsonl import read_json

        yield from read_json(text, path, settings.max_chars)
    elif fmt == "feed":
        from eventwire.ingest.feed import read_feed

        yield from read_feed(data, path)
    else:
        _check_length(text, path, settings.max_chars)
        origin = Origin(path, fmt)
        if fmt == "html":
            from eventwire.ingest.html import article_from_html

            yield article_from_html(text, origin)
        else:
            from eventwire.ingest.text import article_from_text

            yield article_from_text(text, origin)


def _check_length(text: str, path: str, limit: int) -> None:
    if len(text) > limit:
        lines = text.count("\n")
        shape = "with no line breaks" if lines == 0 else f"in {lines + 1:,} lines"
        raise InputError(
            path,
            f"{len(text):,} characters {shape}, more than one article can hold (--max-chars {limit:,})",
            "Split it into articles, or raise --max-chars",
        )


# Bytes read per allowed character: UTF-16 and HTML markup take more room than the text they carry.
BYTES_PER_CHAR = 4
ARCHIVE_FACTOR = 50  # an archive or compressed file read from a pipe holds many articles


def _read_limited(stream: BinaryIO, path: str, max_chars: int, archive: bool = False) -> bytes:
    limit = max_chars * BYTES_PER_CHAR * (ARCHIVE_FACTOR if archive else 1)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            path,
            f"over {limit:,} bytes, more than eventwire reads as one document (--max-chars {max_chars:,})",
            "Split it into articles (JSON Lines files of any size stream), or raise --max-chars",
        )
    return data


def _peek(stream: BinaryIO, n: int) -> bytes:
    """The first ``n`` bytes without consuming them (buffered readers and gzip files can peek)."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        head: bytes = peek(n)[:n]
        if len(head) >= n or stream.seekable() is False:
            return head
    pos = stream.tell()
    head = stream.read(n)
    stream.seek(pos)
    return head

"""Web archives (WARC, WARC.GZ, warcio): the HTML pages among the archived responses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.encoding import declared_charset, decode
from eventwire.ingest.html import article_from_html
from eventwire.records import Article, Origin, Skipped

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.I)


def read_warc(stream: BinaryIO, path: str, max_chars: int) -> Iterator[Article | Skipped]:
    """Articles from the 200 HTML responses of an archive; other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if not ctype.lower().startswith(_HTML_TYPES):
                continue
            origin = Origin(path, "warc", record=number)
            data = record.content_stream().read()
            m = _CHARSET.search(ctype)
            try:
                html = decode(
                    data, origin.where(), declared=(m.group(1) if m else None) or declared_charset(data)
                )
                if len(html) > max_chars * 5:
                    raise InputError(
                        origin.where(),
                        f"the page is {len(html):,} characters long",
                        "Raise --max-chars to read it",
                    )
                yield article_from_html(html, origin, url=record.rec_headers.get_header("WARC-Target-URI"))
            except InputError as exc:
                yield Skipped(origin, exc.reason())
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        problem = "the archive is truncated or corrupt" if number else "not a WARC archive"
        raise InputError(
            path,
            f"{problem} after {number} records ({type(exc).__name__})",
            "Records before that point were read; re-fetch or repair the file",
        ) from None

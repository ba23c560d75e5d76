"""Shared fixtures for the ingest tests: small inputs written into tmp_path, and the CLI."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import cli
from eventwire.config import Settings
from eventwire.ingest import read
from eventwire.records import Article, Skipped

# Two paragraphs long enough for trafilatura and for the "is this an article" check
# (a line of 10+ words, 25+ words in all).
ARTICLE_PARAGRAPHS = (
    "The foreign ministers of Armenia and Azerbaijan met in Almaty on Tuesday for a new round of "
    "talks on the peace treaty, officials said after the meeting.",
    "Both delegations agreed to continue work on the delimitation of the border and to meet again "
    "next month, according to a joint statement released in the evening.",
)


@pytest.fixture
def paragraphs() -> tuple[str, ...]:
    """Article text as paragraphs (English, enough words to count as an article)."""
    return ARTICLE_PARAGRAPHS


@pytest.fixture
def make_file(tmp_path: Path) -> Callable[[str, str | bytes], str]:
    """Write ``content`` (text as UTF-8, or bytes as given) to ``tmp_path/name``; return the path."""

    def make(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
        return str(path)

    return make


@pytest.fixture
def read_all() -> Callable[..., list[Article | Skipped]]:
    """``read(paths)`` as a list; keyword arguments become Settings."""

    def run(*paths: str, **settings: Any) -> list[Article | Skipped]:
        return list(read(list(paths), Settings(**settings)))

    return run


@pytest.fixture
def html_page() -> Callable[..., str]:
    """An article page: html_page(title=..., head_extra=..., paragraphs=...)."""

    def page(
        title: str = "Ministers meet in Almaty",
        head_extra: str = "",
        paras: tuple[str, ...] = ARTICLE_PARAGRAPHS,
        charset: str = "utf-8",
    ) -> str:
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        return (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">\n'
            f"<title>{title}</title>\n{head_extra}\n</head>\n"
            f'<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>\n'
            f"<article><h1>{title.split(' | ')[0]}</h1>\n{body}\n</article></body></html>\n"
        )

    return page


@pytest.fixture
def jsonl() -> Callable[..., str]:
    """JSON Lines text from records (dicts are dumped, strings are taken as raw lines)."""

    def dump(*records: dict[str, Any] | str) -> str:
        return "".join(
            (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
        )

    return dump


@pytest.fixture
def warc_bytes() -> Callable[..., bytes]:
    """A WARC archive (gzip or plain) from (kind, uri, status, content_type, body) tuples.

    ``kind`` is "response" or "request"; requests ignore status, content type and body.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def build(records: list[tuple[str, str, str, str, bytes]], gzip: bool = True) -> bytes:
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=gzip)
        for kind, uri, status, ctype, body in records:
            if kind == "request":
                headers = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", uri.split("/")[2])], is_http_request=True
                )
                record = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), http_headers=headers
                )
            else:
                headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            writer.write_record(record)
        return out.getvalue()

    return build


@pytest.fixture
def clean_cli() -> Callable[..., Result]:
    """Run ``eventwire clean ARGS`` in-process. Exceptions are not caught: an uncaught error (what a
    user would see as a traceback) fails the test."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(cli, ["clean", *args], env=env, catch_exceptions=False)

    return run


def articles(items: list[Article | Skipped]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def skipped(items: list[Article | Skipped]) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


@pytest.fixture
def split_items() -> Callable[[list[Article | Skipped]], tuple[list[Article], list[Skipped]]]:
    """Split read() output into (articles, skipped)."""
    return lambda items: (articles(items), skipped(items))

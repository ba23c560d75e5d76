"""Reading http(s) urls: fetched once, read like files, a page keeps the url it came from."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from eventwire.config import Settings
from eventwire.ingest import read
from eventwire.records import Article, Skipped

PAGE = b"""<!doctype html><html><head><title>Talks resume in Damascus</title></head><body>
<article><h1>Talks resume in Damascus</h1>
<p>Turkish and Syrian intelligence chiefs met in Damascus this week, two officials said on Friday,
in the highest-level contact between the two governments in years.</p>
<p>The officials said the talks covered the situation in northern Syria and the return of refugees,
and that further meetings were planned for the coming weeks.</p>
</article></body></html>"""
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Ceasefire holds</title><link>https://wire.example.com/a/1</link>
<description>A ceasefire between the two sides held for a third day on Sunday, monitors said, as
aid convoys reached the besieged town for the first time in a month.</description></item>
</channel></rss>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {"/page.html": (PAGE, "text/html"), "/feed.xml": (FEED, "application/rss+xml")}
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        body, kind = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_page_keeps_its_url(server: str) -> None:
    [article] = list(read([f"{server}/page.html"], Settings()))
    assert isinstance(article, Article)
    assert article.url == f"{server}/page.html"
    assert article.id == Article.make_id(article.text, article.url, article.outlet)
    assert "intelligence chiefs met in Damascus" in article.text


def test_a_feed_keeps_its_items_urls(server: str) -> None:
    [article] = list(read([f"{server}/feed.xml"], Settings()))
    assert isinstance(article, Article) and article.url == "https://wire.example.com/a/1"


def test_unreachable_and_missing_urls_are_skipped_with_a_reason(server: str) -> None:
    missing, refused = list(read([f"{server}/nothing", "http://127.0.0.1:9/"], Settings()))
    assert isinstance(missing, Skipped) and "404" in missing.reason
    assert isinstance(refused, Skipped) and "cannot be fetched" in refused.reason

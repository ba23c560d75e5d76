"""Readers, through ``eventwire.ingest.read``: what each input format gives as Article records."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from eventwire.ingest import expand
from eventwire.records import Article, Skipped, stable_id

BODY = (
    "The foreign ministers of Armenia and Azerbaijan met on Tuesday in the capital for a new round "
    "of talks about the border."
)


# --- plain text -------------------------------------------------------------------------------


def test_plain_text_title_from_first_line(make_file, read_all) -> None:
    path = make_file("talks.txt", f"Talks resume in Baku\n\n{BODY}\n\nA second paragraph follows.\n")
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title == "Talks resume in Baku"
    assert article.text.strip() == f"{BODY}\n\nA second paragraph follows."
    assert "Talks resume in Baku" not in article.text
    assert article.origin.format == "text" and article.origin.path == path
    assert article.layout == "blocks"


@pytest.mark.parametrize(
    "first_line",
    [
        pytest.param(BODY, id="sentence-with-full-stop"),
        pytest.param("x" * 260, id="too-long"),
    ],
)
def test_plain_text_first_line_that_is_not_a_title(make_file, read_all, first_line: str) -> None:
    path = make_file("a.txt", f"{first_line}\nMore text on the next line.\n")
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title is None
    assert article.text.startswith(first_line)


# --- HTML -------------------------------------------------------------------------------------


def test_html_title_outlet_date_and_tags_from_meta(make_file, read_all, html_page, paragraphs) -> None:
    head = (
        '<meta property="og:site_name" content="Caucasus Wire">\n'
        '<meta property="article:published_time" content="2024-05-14T09:30:00+00:00">\n'
        '<meta property="article:tag" content="Armenia">\n'
        '<meta property="article:tag" content="Azerbaijan">'
    )
    path = make_file(
        "page.html", html_page(title="Ministers meet in Almaty | Caucasus Wire", head_extra=head)
    )
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title == "Ministers meet in Almaty"
    assert article.outlet == "Caucasus Wire"
    assert article.published == dt.date(2024, 5, 14)
    assert article.tags == ("Armenia", "Azerbaijan")
    assert paragraphs[0] in article.text and paragraphs[1] in article.text
    assert "Home" not in article.text.split("\n")  # navigation is not article text
    assert article.origin.format == "html" and article.layout == "lines"


@pytest.mark.parametrize(
    ("ld", "tags"),
    [
        pytest.param(
            {"@type": "NewsArticle", "keywords": ["peace talks", "border"]},
            ("peace talks", "border"),
            id="list",
        ),
        pytest.param(
            {"@type": "NewsArticle", "keywords": "peace talks, border"},
            ("peace talks", "border"),
            id="string",
        ),
        pytest.param(
            {"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "keywords": ["Caucasus"]}]},
            ("Caucasus",),
            id="graph",
        ),
    ],
)
def test_html_tags_from_json_ld_keywords(make_file, read_all, html_page, ld, tags) -> None:
    script = (
        f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", **ld})}</script>'
    )
    path = make_file("page.html", html_page(head_extra=script))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.tags == tags


def test_html_title_kept_whole_without_site_name(make_file, read_all, html_page) -> None:
    path = make_file("page.html", html_page(title="Ministers meet in Almaty"))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title == "Ministers meet in Almaty"
    assert article.outlet is None and article.tags == ()


# --- JSON Lines and JSON -----------------------------------------------------------------------

RECORDS = [
    {
        "headline": "Grain talks resume",
        "content": "Delegations from Ukraine and Turkey met in Istanbul on Monday to discuss grain exports.",
        "published": "2024-03-01T10:00:00Z",
        "source": "Black Sea Wire",
        "link": "https://example.org/a/1",
        "keywords": ["grain", "shipping"],
    },
    {
        "title": "Ceasefire holds",
        "body": "The ceasefire along the line of contact held overnight, observers said.",
        "date": "Fri, 01 Mar 2024 10:00:00 GMT",
        "source": {"name": "Reuters"},
        "url": "https://example.org/a/2",
        "tags": "ceasefire, observers",
        "id": "wire-2",
    },
]


def _check_records(items: list) -> None:
    assert [type(i).__name__ for i in items] == ["Article", "Article"], items
    first, second = items
    assert first.title == "Grain talks resume"
    assert first.text == RECORDS[0]["content"]
    assert first.published == dt.date(2024, 3, 1)
    assert first.outlet == "Black Sea Wire"
    assert first.url == "https://example.org/a/1"
    assert first.tags == ("grain", "shipping")
    assert second.title == "Ceasefire holds"
    assert second.text == RECORDS[1]["body"]
    assert second.published == dt.date(2024, 3, 1)
    assert second.outlet == "Reuters"
    assert second.tags == ("ceasefire", "observers")
    assert second.id == "wire-2"


def test_jsonl_maps_alternative_field_names(make_file, read_all, jsonl) -> None:
    path = make_file("dump.jsonl", jsonl(*RECORDS))
    items = read_all(path)
    _check_records(items)
    assert [i.origin.line for i in items] == [1, 2]
    assert items[0].origin.format == "jsonl"


def test_jsonl_skips_blank_lines_and_keeps_line_numbers(make_file, read_all, jsonl) -> None:
    path = make_file("dump.jsonl", "\n" + jsonl(RECORDS[0]) + "\n\n" + jsonl(RECORDS[1]))
    items = read_all(path)
    _check_records(items)
    assert [i.origin.line for i in items] == [2, 5]


def test_jsonl_record_with_html_is_extracted(make_file, read_all, jsonl, html_page, paragraphs) -> None:
    path = make_file("dump.jsonl", jsonl({"id": "h1", "html": html_page(), "url": "https://example.org/h"}))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.id == "h1"
    assert article.url == "https://example.org/h"
    assert paragraphs[0] in article.text


def test_json_array_dump(make_file, read_all) -> None:
    path = make_file("dump.json", json.dumps(RECORDS, indent=2))
    items = read_all(path)
    _check_records(items)
    assert [i.origin.record for i in items] == [1, 2]
    assert items[0].origin.format == "json"


def test_json_array_with_a_non_object_skips_that_record(make_file, read_all) -> None:
    path = make_file("dump.json", json.dumps([RECORDS[0], "just a string", RECORDS[1]]))
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    assert items[1].origin.record == 2
    assert f"{path} (record 2)" in items[1].message()


@pytest.mark.parametrize(
    "document",
    [
        pytest.param({"articles": RECORDS}, id="articles-wrapper-one-line"),
        pytest.param(json.dumps({"items": RECORDS}, indent=2), id="items-wrapper-pretty"),
    ],
)
def test_json_object_wrapping_articles(make_file, read_all, document) -> None:
    text = document if isinstance(document, str) else json.dumps(document)
    path = make_file("dump.json", text)
    items = read_all(path)
    _check_records(items)


def test_json_single_pretty_object(make_file, read_all) -> None:
    path = make_file("one.json", json.dumps(RECORDS[1], indent=2))
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article"], items
    assert items[0].title == "Ceasefire holds"


def test_jsonl_gz(make_file, read_all, jsonl) -> None:
    path = make_file("dump.jsonl.gz", gzip.compress(jsonl(*RECORDS).encode()))
    items = read_all(path)
    _check_records(items)
    assert all(i.origin.path == path for i in items)


def test_gzipped_text_file(make_file, read_all) -> None:
    path = make_file("a.txt.gz", gzip.compress(f"Talks resume in Baku\n\n{BODY}\n".encode()))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title == "Talks resume in Baku"
    assert article.text.strip() == BODY


# --- feeds ------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Central Asia Daily</title><link>https://ca.example.org/</link>
<description>News</description>
<item><title>Border deal signed</title><link>https://ca.example.org/1</link>
<pubDate>Tue, 14 May 2024 08:00:00 GMT</pubDate>
<category>Kyrgyzstan</category><category>Tajikistan</category>
<description><![CDATA[<p>The presidents of Kyrgyzstan and Tajikistan signed a border agreement.</p>
<p>The deal ends years of dispute.</p>]]></description></item>
<item><title>Gas talks</title><link>https://ca.example.org/2</link>
<pubDate>Wed, 15 May 2024 08:00:00 GMT</pubDate><category>Energy</category>
<description>Ministers from Kazakhstan and Uzbekistan discussed gas supplies.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Monitor</title><id>urn:feed</id>
<updated>2024-05-15T00:00:00Z</updated>
<entry><title>Summit opens in Astana</title><link href="https://steppe.example.org/summit"/><id>urn:1</id>
<published>2024-05-13T07:00:00Z</published><updated>2024-05-14T07:00:00Z</updated>
<category term="Kazakhstan"/><category term="Diplomacy"/>
<content type="html">&lt;p&gt;Leaders of five Central Asian states opened a summit.&lt;/p&gt;
&lt;p&gt;Trade was first.&lt;/p&gt;</content>
</entry>
<entry><title>Water deal</title><link href="https://steppe.example.org/water"/><id>urn:2</id>
<updated>2024-05-15T07:00:00Z</updated>
<summary>Ministers agreed on water sharing.</summary></entry>
</feed>
"""


def test_rss_one_article_per_item(make_file, read_all) -> None:
    path = make_file("feed.xml", RSS)
    first, second = read_all(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, second.title) == ("Border deal signed", "Gas talks")
    assert first.outlet == second.outlet == "Central Asia Daily"
    assert first.tags == ("Kyrgyzstan", "Tajikistan") and second.tags == ("Energy",)
    assert (first.published, second.published) == (dt.date(2024, 5, 14), dt.date(2024, 5, 15))
    assert first.url == "https://ca.example.org/1"
    assert first.text == (
        "The presidents of Kyrgyzstan and Tajikistan signed a border agreement.\n"
        "The deal ends years of dispute."
    )
    assert [first.origin.record, second.origin.record] == [1, 2]


def test_atom_one_article_per_entry(make_file, read_all) -> None:
    path = make_file("feed.atom", ATOM)
    first, second = read_all(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, second.title) == ("Summit opens in Astana", "Water deal")
    assert first.outlet == second.outlet == "Steppe Monitor"
    assert first.tags == ("Kazakhstan", "Diplomacy")
    assert first.published == dt.date(2024, 5, 13)  # published wins over updated
    assert second.published == dt.date(2024, 5, 15)  # updated when there is no published
    assert first.url == "https://steppe.example.org/summit"
    assert first.text == "Leaders of five Central Asian states opened a summit.\nTrade was first."
    assert second.text == "Ministers agreed on water sharing."


def test_feed_item_without_content_is_skipped(make_file, read_all) -> None:
    feed = RSS.replace(
        "<description>Ministers from Kazakhstan and Uzbekistan discussed gas supplies.</description>", ""
    )
    path = make_file("feed.xml", feed)
    article, skipped = read_all(path)
    assert isinstance(article, Article) and isinstance(skipped, Skipped)
    assert skipped.origin.record == 2
    assert f"{path} (record 2)" in skipped.message()


# --- WARC -------------------------------------------------------------------------------------


def _warc_records(html_page) -> list[tuple[str, str, str, str, bytes]]:
    site = ' <meta property="og:site_name" content="Danube Post">'
    page = html_page(title="Talks in Vienna | Danube Post", head_extra=site)
    return [
        ("request", "https://danube.example.org/vienna", "", "", b""),
        (
            "response",
            "https://danube.example.org/vienna",
            "200 OK",
            "text/html; charset=utf-8",
            page.encode(),
        ),
        (
            "response",
            "https://danube.example.org/logo.png",
            "200 OK",
            "image/png",
            b"\x89PNG\r\n\x1a\n" + b"\0" * 20,
        ),
        (
            "response",
            "https://danube.example.org/gone",
            "404 Not Found",
            "text/html",
            page.replace("Vienna", "Nowhere").encode(),
        ),
        ("response", "https://danube.example.org/site.css", "200 OK", "text/css", b"body { color: red }"),
        (
            "response",
            "https://danube.example.org/belgrade",
            "200 OK",
            "text/html",
            page.replace("Vienna", "Belgrade").encode(),
        ),
    ]


@pytest.mark.parametrize(("gz", "name"), [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_warc_yields_only_200_html_responses(make_file, read_all, warc_bytes, html_page, gz, name) -> None:
    path = make_file(name, warc_bytes(_warc_records(html_page), gzip=gz))
    items = read_all(path)
    assert all(isinstance(i, Article) for i in items), items
    assert [i.url for i in items] == [
        "https://danube.example.org/vienna",
        "https://danube.example.org/belgrade",
    ]
    assert [i.title for i in items] == ["Talks in Vienna", "Talks in Belgrade"]
    assert {i.outlet for i in items} == {"Danube Post"}
    assert [i.origin.record for i in items] == [2, 6]
    assert all(i.origin.format == "warc" and i.origin.path == path for i in items)
    assert items[0].id == stable_id("Danube Post", "https://danube.example.org/vienna")


# --- paths: folders, globs, order -------------------------------------------------------------


def _tree(make_file) -> Path:
    for name in ("b.txt", "a.txt", "c/d.txt", ".hidden.txt", ".git/e.txt", "c/.f.txt"):
        stem = Path(name).stem.strip(".")
        make_file(f"news/{name}", f"Story {stem}\n\nText of story {stem} about the talks.\n")
    return Path(make_file("news/a.txt", "Story a\n\nText of story a about the talks.\n")).parent


def test_folder_walked_in_sorted_order_skipping_hidden(make_file, read_all) -> None:
    folder = _tree(make_file)
    items = read_all(str(folder))
    assert all(isinstance(i, Article) for i in items)
    assert [i.title for i in items] == ["Story a", "Story b", "Story d"]
    assert [Path(i.origin.path).relative_to(folder).as_posix() for i in items] == [
        "a.txt",
        "b.txt",
        "c/d.txt",
    ]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param("news/*.txt", ["a.txt", "b.txt"], id="star"),
        pytest.param("news/?.txt", ["a.txt", "b.txt"], id="question-mark"),
        pytest.param("news/**/*.txt", ["a.txt", "b.txt", "c/d.txt"], id="recursive"),
        pytest.param("news/[c]", ["c/d.txt"], id="glob-matches-folder"),
    ],
)
def test_globs_expand(make_file, read_all, tmp_path, pattern, expected) -> None:
    folder = _tree(make_file)
    items = read_all(str(tmp_path / pattern))
    assert [Path(i.origin.path).relative_to(folder).as_posix() for i in items] == expected


def test_expand_keeps_order_of_arguments(make_file) -> None:
    folder = _tree(make_file)
    got = list(expand([str(folder / "b.txt"), str(folder / "c"), str(folder / "a.txt")]))
    assert [Path(p).relative_to(folder).as_posix() for p in got] == ["b.txt", "c/d.txt", "a.txt"]


def test_glob_that_matches_nothing_is_skipped_with_message(tmp_path, read_all) -> None:
    [item] = read_all(str(tmp_path / "none-*.txt"))
    assert isinstance(item, Skipped)
    assert "none-*.txt" in item.message()


# --- ids --------------------------------------------------------------------------------------


def test_same_text_twice_gives_same_id(make_file, read_all) -> None:
    text = f"Talks resume in Baku\n\n{BODY}\n"
    one, two = read_all(make_file("one.txt", text), make_file("two/copy.txt", text))
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.id == two.id
    assert len(one.id) == 16 and int(one.id, 16) >= 0


def test_different_text_gives_different_id(make_file, read_all) -> None:
    one, two = read_all(make_file("one.txt", f"T\n\n{BODY}\n"), make_file("two.txt", f"T\n\n{BODY} Again.\n"))
    assert one.id != two.id


def test_url_based_id_uses_outlet_and_url(make_file, read_all, jsonl) -> None:
    url = "https://example.org/a/1"
    path = make_file(
        "dump.jsonl",
        jsonl(
            {"text": "First version of the story.", "url": url, "outlet": "Wire"},
            {"text": "Corrected version of the story.", "url": url, "outlet": "Wire"},
            {"text": "First version of the story.", "url": url, "outlet": "Other Wire"},
            {"text": "First version of the story."},
        ),
    )
    first, corrected, other_outlet, no_url = read_all(path)
    assert first.id == corrected.id == stable_id("Wire", url)  # same outlet+url: same article
    assert other_outlet.id == stable_id("Other Wire", url) != first.id
    assert no_url.id == stable_id("First version of the story.") != first.id


def test_feed_ids_are_stable_and_url_based(make_file, read_all) -> None:
    one = read_all(make_file("feed.xml", RSS))
    two = read_all(make_file("again/feed.xml", RSS))
    assert [a.id for a in one] == [a.id for a in two]
    assert one[0].id == stable_id("Central Asia Daily", "https://ca.example.org/1")

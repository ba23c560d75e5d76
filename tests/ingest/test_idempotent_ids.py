"""Reading the same folder twice gives the same articles with the same ids."""

from __future__ import annotations

import gzip
from pathlib import Path

from eventwire.records import Article


def _folder(make_file, html_page, jsonl) -> str:
    make_file("in/a.txt", "Talks resume in Baku\n\nThe ministers met on Tuesday for a new round of talks.\n")
    make_file("in/b.html", html_page(head_extra='<meta property="og:site_name" content="Caucasus Wire">'))
    make_file(
        "in/c.jsonl",
        jsonl(
            {
                "title": "Trade",
                "text": "Ministers met in Lublin to discuss trade.",
                "url": "https://e.org/1",
                "source": "Wire",
            },
            {"title": "Transit", "text": "Leaders met in Tbilisi to discuss transit."},
        ),
    )
    make_file(
        "in/sub/d.txt.gz",
        gzip.compress(b"Ceasefire holds\n\nThe ceasefire held overnight, observers said.\n"),
    )
    return str(
        Path(make_file("in/e.txt", "Water deal\n\nMinisters agreed on sharing the river's water.\n")).parent
    )


def test_reading_a_folder_twice_gives_identical_ids_and_texts(make_file, html_page, jsonl, read_all) -> None:
    folder = _folder(make_file, html_page, jsonl)
    first = read_all(folder)
    second = read_all(folder)
    assert len(first) == 6 and all(isinstance(a, Article) for a in first), first
    assert [(a.id, a.text, a.title) for a in first] == [(a.id, a.text, a.title) for a in second]
    assert len({a.id for a in first}) == len(first)  # distinct articles have distinct ids


def test_ids_do_not_depend_on_where_the_folder_is(make_file, html_page, jsonl, read_all, tmp_path) -> None:
    folder = _folder(make_file, html_page, jsonl)
    before = [a.id for a in read_all(folder)]
    moved = Path(folder).rename(tmp_path / "elsewhere")
    after = [a.id for a in read_all(str(moved))]
    assert before == after and len(before) == 6

"""The publication date from a url's path, used when neither the input nor a dateline gives one."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.clean import clean
from eventwire.clean.datelines import url_date
from eventwire.records import Article, Origin


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/world/2022/09/02/turkey-syria-talks", dt.date(2022, 9, 2)),
        ("https://example.com/2023-11-30-ceasefire.html", dt.date(2023, 11, 30)),
        ("https://example.com/news/20240316/swap", dt.date(2024, 3, 16)),
        ("https://example.com/news/2024_03_16_swap", dt.date(2024, 3, 16)),
        ("https://example.com/2022/09/turkey", None),  # a month is not a day
        ("https://example.com/2022/13/45/x", None),  # no such date
        ("https://example.com/story/120220902345", None),  # digits inside a longer number
        ("https://20220902.example.com/", None),  # the host is not the path
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: dt.date | None) -> None:
    assert url_date(url) == expected


def test_clean_dates_an_article_by_its_url_only_when_nothing_else_does() -> None:
    text = "Talks resume\n\nTurkey and Syria resumed talks in Damascus on Monday."
    url = "https://example.com/2022/09/02/talks"
    dated = clean(Article("a", text, Origin("x", "text"), url=url))
    assert dated.published == dt.date(2022, 9, 2)
    given = clean(Article("b", text, Origin("x", "text"), url=url, published=dt.date(2022, 9, 3)))
    assert given.published == dt.date(2022, 9, 3)

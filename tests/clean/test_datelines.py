"""Datelines and the dates they give."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.clean.datelines import dateline_date, find_date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Kyiv, 14 March 2024", dt.date(2024, 3, 14)),
        ("March 14, 2024", dt.date(2024, 3, 14)),
        ("14.03.2024, 11:20", dt.date(2024, 3, 14)),
        ("Updated: 2024-03-14 09:00 UTC", dt.date(2024, 3, 14)),
        ("Київ, 14 березня 2024 р.", dt.date(2024, 3, 14)),
        ("Москва, 5 июня 2024 года", dt.date(2024, 6, 5)),
        ("Cotonou, le 12 juin 2024", dt.date(2024, 6, 12)),
    ],
)
def test_dateline(text: str, date: dt.date) -> None:
    assert dateline_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held on 14 March 2024 in Kyiv and ended without agreement.",
        "Kyiv, Lviv and Odesa",
        "31 February 2024",
        "",
    ],
)
def test_not_a_dateline(text: str) -> None:
    assert dateline_date(text) is None


def test_find_date_in_running_text() -> None:
    found = find_date("Talks began on 24 August 2018 in Moscow.")
    assert found is not None and found[0] == dt.date(2018, 8, 24)

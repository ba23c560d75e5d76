"""Date expressions found in text and resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.when import find_dates

ANCHOR = dt.date(2022, 9, 2)  # a Friday


def one(text: str, anchor: dt.date | None = ANCHOR) -> dict:
    (found,) = find_dates(text, anchor)
    return found.to_dict()


@pytest.mark.parametrize(
    ("text", "expression", "start", "end", "precision"),
    [
        ("They met as recently as this week in Damascus.", "this week", "2022-08-29", "2022-09-04", "week"),
        (
            "As previously reported, at the end of August, researchers said.",
            "the end of August",
            "2022-08-01",
            "2022-08-31",
            "month",
        ),
        (
            "Russia pulled troops out earlier this summer.",
            "earlier this summer",
            "2022-06-01",
            "2022-08-31",
            "season",
        ),
        ("The talks were held on Monday.", "Monday", "2022-08-29", "2022-08-29", "day"),
        ("The ministers will meet on Monday.", "Monday", "2022-09-05", "2022-09-05", "day"),
        ("It happened yesterday.", "yesterday", "2022-09-01", "2022-09-01", "day"),
        ("Two days ago the border closed.", "Two days ago", "2022-08-31", "2022-08-31", "day"),
        ("Output fell last month.", "last month", "2022-08-01", "2022-08-31", "month"),
        ("Turkey joined in 2014.", "2014", "2014-01-01", "2014-12-31", "year"),
        (
            "Putin met Erdogan on 24 August 2018 in Moscow.",
            "24 August 2018",
            "2018-08-24",
            "2018-08-24",
            "day",
        ),
        ("Profit rose in the third quarter.", "the third quarter", "2022-07-01", "2022-09-30", "quarter"),
        ("Prices doubled in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "decade"),
        ("The deadline is Sept. 30.", "Sept. 30", "2022-09-30", "2022-09-30", "day"),
        ("Elections are due next year.", "next year", "2023-01-01", "2023-12-31", "year"),
    ],
)
def test_resolved(text: str, expression: str, start: str, end: str, precision: str) -> None:
    found = one(text)
    assert (found["text"], found["from"], found["to"], found["precision"]) == (
        expression,
        start,
        end,
        precision,
    )
    assert text[found["start"] : found["end"]] == expression


def test_without_a_publication_date_relative_expressions_stay_unresolved() -> None:
    found = one("They met as recently as this week in Damascus.", None)
    assert found["text"] == "this week" and found["from"] is None and found["to"] is None


def test_absolute_dates_resolve_without_a_publication_date() -> None:
    assert one("Putin met Erdogan on 24 August 2018.", None)["from"] == "2018-08-24"


@pytest.mark.parametrize(
    "text",
    ["The card 4149 6293 1808 2567 was blocked.", "About 2000 people protested.", "Sales rose 2014%."],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Russia may withdraw its troops.", ANCHOR) == []


def test_dates_cli(run_cli) -> None:
    stdin = json.dumps({"id": "a", "text": "Talks resumed on Monday.", "date": "2022-09-02"}) + "\n"
    stdin += "not json\n" + json.dumps({"id": "b", "text": "No date here."}) + "\n"
    result = run_cli("dates", "--skip-bad", input=stdin)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["a", "b"]
    assert lines[0]["dates"][0]["from"] == "2022-08-29"
    assert "<stdin>:2" in result.stderr and result.exit_code == 0


def test_date_option_is_the_publication_date_of_records_without_one(run_cli) -> None:
    stdin = json.dumps({"id": "a", "text": "They met as recently as this week in Damascus."}) + "\n"
    with_date = json.loads(run_cli("dates", "--date", "2022-09-02", input=stdin).stdout)
    assert (with_date["dates"][0]["from"], with_date["dates"][0]["to"]) == ("2022-08-29", "2022-09-04")
    without = json.loads(run_cli("dates", input=stdin).stdout)
    assert without["dates"][0]["from"] is None


def test_bad_date_option_is_one_line(run_cli) -> None:
    result = run_cli("dates", "--date", "someday", input="")
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.stderr

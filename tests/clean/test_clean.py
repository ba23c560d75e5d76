"""Cleaning a whole article of the seed's shape (eventwire/samples/armenia-azerbaijan-talks.txt):
the behaviour that `eventwire clean ../shared/benchmarks/seed/article.txt --json` must show."""

from __future__ import annotations

import json
import re

import pytest

from eventwire.clean import clean
from eventwire.demo import samples_dir
from eventwire.ingest import read
from eventwire.records import Article, CleanArticle, Origin

SAMPLE = samples_dir() / "armenia-azerbaijan-talks.txt"


@pytest.fixture(scope="module")
def article() -> CleanArticle:
    (item,) = list(read([str(SAMPLE)]))
    assert isinstance(item, Article)
    return clean(item)


def test_title_is_the_first_line(article: CleanArticle) -> None:
    assert article.title == "Armenia and Azerbaijan to resume border commission talks in Tbilisi – sources"


def test_tag_lines_give_the_tags(article: CleanArticle) -> None:
    assert article.tags == ("Armenia", "Azerbaijan", "Georgia", "Diplomacy", "South Caucasus", "World")


def test_title_is_not_repeated_in_the_body(article: CleanArticle) -> None:
    assert article.title is not None
    assert article.title not in article.body
    assert [p.kind for p in article.paragraphs][:2] == ["title-repeat", "tags"]


@pytest.mark.parametrize(
    "text",
    [
        "Deputy prime ministers of Armenia and Azerbaijan will meet in Tbilisi next week",
        "As previously reported, the last round of consultations ended without a joint statement",
    ],
)
def test_body_keeps_the_news(article: CleanArticle, text: str) -> None:
    assert text in article.body


@pytest.mark.parametrize(
    "text", ["Patreon", "Приватбанк", "monobank", "Twitter || Telegram", "Фото:", "Будь з нами"]
)
def test_body_drops_boilerplate(article: CleanArticle, text: str) -> None:
    assert text not in article.body


def test_ukrainian_paragraphs_are_labelled_and_left_out(article: CleanArticle) -> None:
    ukrainian = [p for p in article.paragraphs if re.search("[іїєґ]", p.text)]
    assert len(ukrainian) >= 4
    assert all(p.lang == "uk" for p in ukrainian if len(p.text) > 25)
    assert all(p not in article.body_paragraphs for p in ukrainian)
    assert article.language == "en"


@pytest.mark.parametrize("card", ["4149 4393 0000 0001", "5375 4141 0000 0016"])
def test_no_card_number_in_any_form(article: CleanArticle, card: str) -> None:
    dumped = json.dumps(article.to_dict(), ensure_ascii=False)
    assert card in SAMPLE.read_text("utf-8")
    for form in (card, card.replace(" ", ""), card.replace(" ", "-"), card[-9:]):
        assert form not in dumped
        assert form not in re.sub(r"[ -]", "", dumped) or form == card


def test_both_cards_and_the_email_are_recorded(article: CleanArticle) -> None:
    assert sorted(r.kind for r in article.redactions) == ["CARD", "CARD", "EMAIL"]


def test_redactions_point_at_placeholders(article: CleanArticle) -> None:
    for r in article.redactions:
        text = article.title if r.paragraph == -1 else article.paragraphs[r.paragraph].text
        assert text is not None
        assert text[r.start : r.end] == f"[{r.kind}]"


def test_clean_is_pure() -> None:
    art = Article(
        id="x", text="Title line\n\nA paragraph of news about talks in Damascus.", origin=Origin("t", "text")
    )
    assert clean(art) == clean(art)


def test_round_trip_through_dict(article: CleanArticle) -> None:
    assert CleanArticle.from_dict(article.to_dict()) == article

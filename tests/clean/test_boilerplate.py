"""Paragraph labels: what is news and what is page furniture."""

from __future__ import annotations

import pytest

from eventwire.clean.boilerplate import is_title_repeat, label

TITLE = "Russia is pushing Syria and Turkey into negotiations – Reuters"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russia is pushing Syria and Turkey into negotiations – Reuters", "title-repeat"),
        (
            "Міністр оборони і голова розвідки перед зустріччю у Кремлі, 24 серпня 2018 р Фото: Reuters",
            "caption",
        ),
        ("Photo: Reuters/Marta Lindqvist", "caption"),
        ("Soldiers patrol the border near Kharkiv (AP Photo/Evgeniy Maloletka)", "caption"),
        ("• Ставай патроном на Patreon від $1", "promo"),
        ("Навіть донат в 30 грн (ціна 1 кави) допоможе нам працювати далі:", "promo"),
        ("Наша редакція працює завдяки постійній підтримці читачів", "promo"),
        ("Support independent journalism — donate now", "promo"),
        ("Subscribe to our newsletter for a daily briefing", "promo"),
        ("Read also: EU foreign ministers agree on new sanctions", "promo"),
        ("Читайте також: Україна отримала нову партію допомоги", "promo"),
        ("We use cookies to improve your experience. Accept all cookies", "promo"),
        ("Twitter || Telegram || Facebook || Youtube", "social"),
        ("Share on Facebook Share on X", "social"),
        ("Будь з нами на всіх платформах", "social"),
        ("Follow us on Telegram", "social"),
        ("By Olena Kovalenko", "byline"),
        ("Kyiv, 14 March 2024", "dateline"),
        ("12 juin 2024 14:05", "dateline"),
        ("Russia Syria Turkey Ukraine War with Russia World", "tags"),
    ],
)
def test_label_of_a_paragraph(text: str, kind: str) -> None:
    body = "The talks in Damascus were the first meeting of the two intelligence chiefs in years."
    kinds, _ = label([body, text, body], TITLE)
    assert kinds[1] == kind


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the week, troops had withdrawn from three villages near the border.",
        "The European Union pledged to support Ukraine's reconstruction with 50 billion euros.",
        "“We have to support our core business goals,” the company said in a statement.",
        "If you cannot come during those hours, or you have a large donation to be picked up, call us.",
        "Interest of Russia",
        "The minister said the photo was taken in Kyiv on Monday.",
    ],
)
def test_news_with_marker_words_stays_body(text: str) -> None:
    kinds, _ = label(["Opening paragraph of the story, long enough to be news.", text, "More news."], None)
    assert kinds[1] == "body"


def test_tag_lines_at_top_and_bottom_give_tags() -> None:
    line = "Russia Syria Turkey Ukraine War with Russia World"
    texts = (
        [line]
        + [f"Body paragraph number {i} of the story about talks in Damascus." for i in range(10)]
        + [line]
    )
    kinds, tags = label(texts, None)
    assert kinds[0] == kinds[-1] == "tags"
    assert tags == ["Russia", "Syria", "Turkey", "Ukraine", "War with Russia", "World"]


def test_a_capitalised_line_in_the_middle_is_not_tags() -> None:
    texts = [f"Body paragraph number {i} of the story about talks in Damascus." for i in range(12)]
    texts[5] = texts[6] = "Pre-Workout Meal Beachbody Performance Energize"
    kinds, tags = label(texts, None)
    assert "tags" not in kinds and tags == []


def test_a_short_paragraph_before_a_bare_credit_is_a_caption() -> None:
    texts = [
        "EU foreign ministers backed a proposal to blacklist tankers, diplomats said on Monday.",
        "Foreign ministers gather for a family photo before the meeting in Brussels on 22 April 2024.",
        "Photo: Reuters/Marta Lindqvist",
        "The measure could be adopted by the end of the month.",
    ]
    kinds, _ = label(texts, None)
    assert kinds == ["body", "caption", "caption", "body"]


def test_a_quoted_paragraph_before_a_bare_credit_stays_body() -> None:
    texts = ["Officials held talks in Moscow and Kyiv this week, two sources said.", "Photo: AFP"]
    kinds, _ = label(texts, None)
    assert kinds == ["body", "caption"]


def test_a_short_line_with_a_card_is_a_payment_line() -> None:
    kinds, _ = label(
        ["Story text that is long enough to be a paragraph of news.", "Приватбанк [CARD]"],
        None,
        [set(), {"CARD"}],
    )
    assert kinds[1] == "promo"


@pytest.mark.parametrize(
    ("text", "title", "repeat"),
    [
        ("Turkey and Syria hold talks", "Turkey and Syria hold talks", True),
        ("TURKEY AND SYRIA HOLD TALKS!", "Turkey and Syria hold talks", True),
        ("Turkey and Syria hold talks – Reuters", "Turkey and Syria hold talks", True),
        (
            "Turkey and Syria hold talks in Damascus as Russia pulls troops out of the south",
            "Turkey and Syria",
            False,
        ),
        ("Anything", None, False),
    ],
)
def test_title_repeat(text: str, title: str | None, repeat: bool) -> None:
    assert is_title_repeat(text, title) is repeat

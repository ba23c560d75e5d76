"""Tag lines parsed into tags."""

from __future__ import annotations

import pytest

from eventwire.clean.tags import split_tags, tag_line


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        (
            "Russia Syria Turkey Ukraine War with Russia World",
            ["Russia", "Syria", "Turkey", "Ukraine", "War with Russia", "World"],
        ),
        ("Tags: Russia, Syria, Middle East", ["Russia", "Syria", "Middle East"]),
        ("Russia | Syria | Turkey", ["Russia", "Syria", "Turkey"]),
        (
            "Armenia Azerbaijan South Caucasus Humanitarian Aid",
            ["Armenia", "Azerbaijan", "South Caucasus", "Humanitarian Aid"],
        ),
        ("Estonia Baltic Sea NATO", ["Estonia", "Baltic Sea", "NATO"]),
        ("United States Middle East Saudi Arabia", ["United States", "Middle East", "Saudi Arabia"]),
        ("Теги: Україна, Одещина, Зерновий коридор", ["Україна", "Одещина", "Зерновий коридор"]),
        ("Mots-clés : Afrique de l'Ouest, Niger", ["Afrique de l'Ouest", "Niger"]),
        ("#Ukraine #Russia #Drones", ["Ukraine", "Russia", "Drones"]),
    ],
)
def test_split_tags(line: str, tags: list[str]) -> None:
    assert split_tags(line) == tags


@pytest.mark.parametrize(
    "line",
    [
        "Interest of Russia",  # a heading: one tag
        "The talks will resume next week.",  # a sentence
        "CLICK FOR FULL STATE SWIM RESULTS",  # shouting
        "| Ticker | Security | Last | Change |",  # a table row
        "18 June 2024",
        "russia syria turkey",  # no capitals
    ],
)
def test_not_a_tag_line(line: str) -> None:
    assert tag_line(line) is None


def test_two_tags_are_enough_when_the_line_repeats() -> None:
    assert tag_line("Russia Syria") is None
    assert tag_line("Russia Syria", repeated=True) == ["Russia", "Syria"]

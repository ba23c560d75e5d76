"""Splitting article text into paragraphs."""

from __future__ import annotations

import pytest

from eventwire.clean.paragraphs import split_paragraphs


@pytest.mark.parametrize(
    ("text", "layout", "paragraphs"),
    [
        ("One.\n\nTwo.", "blocks", ["One.", "Two."]),
        ("One.\nTwo.", "blocks", ["One.", "Two."]),
        (
            "A sentence that was\nwrapped in the middle.\n\nNext.",
            "blocks",
            ["A sentence that was wrapped in the middle.", "Next."],
        ),
        (
            "Donate:\n  • PayPal - x\n  • monobank - y",
            "blocks",
            ["Donate:", "• PayPal - x", "• monobank - y"],
        ),
        ("  spaced   out \t text  ", "blocks", ["spaced out text"]),
        ("Line one\nline two", "lines", ["Line one", "line two"]),
        ("One.\r\n\r\nTwo.", "blocks", ["One.", "Two."]),
        ("", "blocks", []),
    ],
)
def test_split_paragraphs(text: str, layout: str, paragraphs: list[str]) -> None:
    assert split_paragraphs(text, layout) == paragraphs

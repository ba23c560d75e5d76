"""The literal prefilter for marker patterns answers exactly as searching every pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.datafiles import sections
from eventwire.needles import Prefiltered, needles

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bpatreon\b", {"patreon"}),
        (r"\bsupport (us|our (work|team))\b", {"support "}),
        (r"(photo|фото)\s*[:©]", {"photo", "фото"}),
        (r"^\W*(by|written by)\s+", {"by", "written by"}),
        (r"\b(card|account) (number|no\.?)\b.*\[(CARD|IBAN)\]", {"account", "card"}),
        (r"\bliqpay\b|[0-9]+ uah", {"liqpay", " uah"}),
    ],
)
def test_needles(pattern: str, expected: set[str]) -> None:
    assert needles(pattern, re.I) == expected


@pytest.mark.parametrize("pattern", [r"^\W*$", r"\d+|patreon", r"(a)?b?", r"x*"])
def test_no_needles_when_a_match_may_contain_no_literal(pattern: str) -> None:
    assert needles(pattern, re.I) is None


def _paragraphs() -> list[str]:
    texts = []
    for path in sorted((HERE / "corpus" / "cases").glob("*/*")) + sorted(
        (HERE.parent / "eventwire" / "samples").glob("*")
    ):
        if path.suffix in (".txt", ".html", ".jsonl", ".json", ".xml", ".md"):
            texts += [line for line in path.read_text("utf-8", errors="replace").splitlines() if line.strip()]
    return texts


def test_same_answers_as_the_combined_pattern() -> None:
    texts = [
        *_paragraphs(),
        "Photo: Reuters",
        "By Jane Doe",
        "Support us on Patreon",
        "SUBSCRIBE NOW",
        "Фото: AFP",
    ]
    assert len(texts) > 500
    for kind, patterns in sections("eventwire.clean", "boilerplate.txt").items():
        combined = re.compile("|".join(f"(?:{p})" for p in patterns), re.I | re.M)
        fast = Prefiltered(patterns, re.I | re.M)
        for text in texts:
            want, got = combined.search(text), fast.search(text)
            assert (want and want.span()) == (got and got.span()), (kind, text)


def test_date_finder_finds_the_same_with_and_without_its_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from eventwire.when import expressions

    rows = (HERE / "when" / "corpus" / "dates.jsonl").read_text("utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in rows if line.strip()] + _paragraphs()
    fast = [expressions.find(t) for t in texts]
    monkeypatch.setattr(expressions, "_NEEDLES", [None] * len(expressions.PATTERNS))
    assert [expressions.find(t) for t in texts] == fast
    assert sum(map(len, fast)) > 200

"""The hand-made temporal expressions: figures at or above their floors (they only rise)."""

from __future__ import annotations

from tests.when import golden

FLOORS = {"f1": 0.99, "exact": 0.99}


def test_corpus_size() -> None:
    records = golden.load()
    assert len(records) >= 80
    assert sum(1 for r in records for d in r["dates"] if d["from"]) >= 80


def test_quality_floors() -> None:
    figures, misses = golden.score(golden.load())
    for metric, floor in FLOORS.items():
        assert figures[metric] >= floor, f"{metric} {figures[metric]} < {floor}: {misses[:5]}"

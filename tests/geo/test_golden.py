"""The hand-made place mentions: figures at or above their floors (they only rise)."""

from __future__ import annotations

from tests.geo import golden

FLOORS = {"f1": 0.94, "acc161": 0.93}


def test_corpus_size() -> None:
    records = golden.load()
    assert sum(len(r["places"]) for r in records) >= 60


def test_quality_floors() -> None:
    figures, misses = golden.score(golden.load())
    for metric, floor in FLOORS.items():
        assert figures[metric] >= floor, f"{metric} {figures[metric]} < {floor}: {misses[:5]}"

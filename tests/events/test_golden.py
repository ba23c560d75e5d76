"""The hand-coded sentences: every figure at or above its floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.events import golden

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text("utf-8"))["floors"]


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, float], list[str]]:
    records = golden.load()
    return golden.score(records, golden.code(records))


def test_corpus_size_and_coverage() -> None:
    records = golden.load()
    assert len(records) >= 150
    roots = {r["events"][0]["roots"][0] for r in records if r["events"]}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_every_metric_has_a_floor() -> None:
    assert set(FLOORS) == set(golden.METRICS)


@pytest.mark.parametrize("metric", golden.METRICS)
def test_quality_floor(scored: tuple[dict[str, float], list[str]], metric: str) -> None:
    figures, misses = scored
    assert figures[metric] >= FLOORS[metric], (
        f"{metric} {figures[metric]} < {FLOORS[metric]}; e.g. {misses[:3]}"
    )

"""The golden corpus: every case ingested and cleaned, every figure at or above its floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus import golden

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text("utf-8"))["floors"]


@pytest.fixture(scope="module")
def tally() -> golden.Tally:
    return golden.run()


def test_corpus_has_at_least_30_cases() -> None:
    cases = [p for p in golden.CASES.iterdir() if (p / "expected.json").exists()]
    assert len(cases) >= 30


def test_every_metric_has_a_floor() -> None:
    assert set(FLOORS) == set(golden.METRICS)


@pytest.mark.parametrize("metric", golden.METRICS)
def test_quality_floor(tally: golden.Tally, metric: str) -> None:
    figure = tally.figures()[metric]
    misses = [m for m in tally.misses if f": {metric}:" in m]
    assert figure >= FLOORS[metric], f"{metric} {figure} < floor {FLOORS[metric]}: " + "; ".join(misses[:5])


def test_no_secret_ever_leaks(tally: golden.Tally) -> None:
    assert tally.figures()["no_leak"] == 1.0

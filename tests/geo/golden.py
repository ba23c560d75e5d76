"""Score place finding on the project's hand-made place mentions (tests/geo/corpus/places.jsonl):
found names (overlap), and of those found, the share within 161 km of the right point.

Run ``python -m tests.geo.golden [--show N]``; ``test_golden.py`` checks the figures against floors.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from tests.spans import main, score_spans

CORPUS = Path(__file__).parent / "corpus" / "places.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


def score(records: list[dict] | None = None) -> tuple[dict[str, float], list[str]]:
    from eventwire import nlp
    from eventwire.geo import find_places

    records = records if records is not None else load()
    docs = nlp.load(None).pipe(r["text"] for r in records)
    pairs = [
        (r["id"], r["places"], [p.to_dict() for p in find_places(d)])
        for r, d in zip(records, docs, strict=True)
    ]
    f1, acc, misses = score_spans(
        pairs,
        lambda g, p: km((g["lat"], g["lon"]), (p["lat"], p["lon"])) <= 161,
        lambda g, p: f"{p['name']}, {p['country']} (want {g['name']}, {g['country']})",
    )
    return {"f1": f1, "acc161": acc}, misses


if __name__ == "__main__":
    main(score)

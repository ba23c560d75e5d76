"""Score place finding on the project's hand-made place mentions (tests/geo/corpus/places.jsonl):
found names (overlap), and of those found, the share within 161 km of the right point.

Run ``python tests/geo/golden.py [--show N]``; ``test_golden.py`` checks the figures against floors.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus" / "places.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


def score(records: list[dict]) -> tuple[dict[str, float], list[str]]:
    from eventwire import nlp
    from eventwire.geo import find_places

    model = nlp.load(None)
    gold_n = pred_n = found = correct = hit = 0
    misses: list[str] = []
    for r, doc in zip(records, model.pipe(r["text"] for r in records), strict=True):
        pred = [p.to_dict() for p in find_places(doc)]
        pred_n += len(pred)
        hit += sum(
            1 for p in pred if any(p["start"] < g["end"] and g["start"] < p["end"] for g in r["places"])
        )
        for g in r["places"]:
            gold_n += 1
            match = [p for p in pred if p["start"] < g["end"] and g["start"] < p["end"]]
            if not match:
                misses.append(f"{r['id']} MISSED {g['text']!r}")
                continue
            found += 1
            if km((g["lat"], g["lon"]), (match[0]["lat"], match[0]["lon"])) <= 161:
                correct += 1
            else:
                misses.append(f"{r['id']} {g['text']!r} -> {match[0]['name']}, {match[0]['country']} "
                              f"(want {g['name']}, {g['country']})")  # fmt: skip
    precision = hit / pred_n if pred_n else 0.0
    recall = found / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "acc161": round(correct / found if found else 0.0, 4)}, misses


if __name__ == "__main__":
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    figures, misses = score(load())
    for miss in misses[:show]:
        print("MISS", miss)
    print(json.dumps(figures))

"""Score date finding on the project's hand-made temporal expressions (tests/when/corpus/dates.jsonl).

Run ``python tests/when/golden.py [--show N]``; ``test_golden.py`` checks the figures against floors.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus" / "dates.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def score(records: list[dict]) -> tuple[dict[str, float], list[str]]:
    from eventwire.when import find_dates

    gold_n = pred_n = found = exact = hit = 0
    misses: list[str] = []
    for r in records:
        pred = [d.to_dict() for d in find_dates(r["text"], dt.date.fromisoformat(r["date"]))]
        pred = [p for p in pred if p["from"]]
        pred_n += len(pred)
        hit += sum(
            1 for p in pred if any(p["start"] < g["end"] and g["start"] < p["end"] for g in r["dates"])
        )
        for g in r["dates"]:
            if not g["from"]:
                continue
            gold_n += 1
            match = [p for p in pred if p["start"] < g["end"] and g["start"] < p["end"]]
            if not match:
                misses.append(f"{r['id']} MISSED {g['text']!r}")
                continue
            found += 1
            if (match[0]["from"], match[0]["to"]) == (g["from"], g["to"]):
                exact += 1
            else:
                misses.append(f"{r['id']} {g['text']!r} @{r['date']}: {match[0]['from']}..{match[0]['to']} "
                              f"want {g['from']}..{g['to']}")  # fmt: skip
    precision = hit / pred_n if pred_n else 0.0
    recall = found / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "exact": round(exact / found if found else 0.0, 4)}, misses


if __name__ == "__main__":
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    figures, misses = score(load())
    for miss in misses[:show]:
        print("MISS", miss)
    print(json.dumps(figures))

"""Score the event coder on the project's hand-coded sentences (tests/events/corpus/sentences.jsonl).

Run ``python tests/events/golden.py [--show N]`` for the figures and misses; ``test_golden.py``
checks them against ``floors.json``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE / "corpus" / "sentences.jsonl"

METRICS = (
    "no_event",  # sentences with no codable event that get none
    "main_root",  # sentences whose first event has an acceptable root of the main event
    "main_source",  # ... and whose first event's source country matches
    "main_target",  # ... and whose first event's target country matches (null included)
    "recall_root",  # gold events (any position) matched by some event with that root
    "source_country",  # gold events whose source country some event with the right root has
    "negated",  # gold main events whose negation is right (when the root is right)
    "modality",  # gold main events whose modality is right (when the root is right)
    "attributed",  # gold events with attributed_to that get an attribution (when matched)
)


def _country(actor: dict | None) -> str | None:
    if not actor:
        return None
    return actor.get("country") or (actor.get("code") or "")[:3] or None


def _gold_country(value: str | None) -> str | None:
    if value is None:
        return None
    return "IGO" if value.startswith("IGO") else ("NGO" if value.startswith("NGO") else value)


def load() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def code(records: list[dict]) -> dict[str, list[dict]]:
    from eventwire.clean import clean
    from eventwire.events import code as code_events
    from eventwire.ingest.jsonl import article_from_record
    from eventwire.records import Origin

    articles = [
        clean(article_from_record(r, Origin("corpus", "jsonl", line=i), 10**6)) for i, r in enumerate(records)
    ]
    return {c.article.id: [e.to_dict() for e in c.events] for c in code_events(articles)}


def score(records: list[dict], out: dict[str, list[dict]]) -> tuple[dict[str, float], list[str]]:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[str] = []
    for r in records:
        got = out[r["id"]]
        want = r["events"]
        if not want:
            totals["no_event"] += 1
            hits["no_event"] += not got
            if got:
                misses.append(f"{r['id']} no event wanted, got {got[0]['cameo']}: {r['text'][:90]}")
            continue
        main = want[0]
        first = got[0] if got else None
        root_ok = first is not None and first["cameo"][:2] in main["roots"]
        totals["main_root"] += 1
        hits["main_root"] += root_ok
        if not root_ok:
            misses.append(
                f"{r['id']} root {first['cameo'] if first else None} want {main['roots']}: {r['text'][:90]}"
            )
        for metric, side in (("main_source", "source"), ("main_target", "target")):
            totals[metric] += 1
            hits[metric] += root_ok and _country(first.get(side) if first else None) == _gold_country(
                main[side]
            )
        if root_ok and first is not None:
            totals["negated"] += 1
            hits["negated"] += first["negated"] == main["negated"]
            totals["modality"] += 1
            hits["modality"] += first["modality"] == main["modality"]
        for ev in want:
            same_root = [e for e in got if e["cameo"][:2] in ev["roots"]]
            totals["recall_root"] += 1
            hits["recall_root"] += bool(same_root)
            totals["source_country"] += 1
            hits["source_country"] += any(
                _country(e["source"]) == _gold_country(ev["source"]) for e in same_root
            )
            if ev.get("attributed_to") and same_root:
                totals["attributed"] += 1
                hits["attributed"] += any(e.get("attributed_to") for e in same_root)
    return {m: round(hits[m] / totals[m], 4) for m in METRICS if totals[m]}, misses


if __name__ == "__main__":
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    records = load()
    figures, misses = score(records, code(records))
    for miss in misses[:show]:
        print("MISS", miss)
    print(json.dumps(figures, indent=2))

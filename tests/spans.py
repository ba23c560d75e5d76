"""Scoring shared by the span test sets (dates, places): found spans by overlap, then how many of
the found ones got the right value."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

Item = dict[str, Any]


def overlaps(a: Item, b: Item) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def score_spans(
    records: Iterable[tuple[str, list[Item], list[Item]]],
    right: Callable[[Item, Item], bool],
    describe: Callable[[Item, Item], str],
) -> tuple[float, float, list[str]]:
    """F1 of found spans and the share of found ones that are ``right``, with the misses.

    Args:
        records: (record id, gold items, predicted items).
        right: whether a predicted item has the gold item's value.
        describe: a line for a wrong value.
    """
    gold_n = pred_n = found = correct = hit = 0
    misses: list[str] = []
    for rid, gold, pred in records:
        pred_n += len(pred)
        hit += sum(1 for p in pred if any(overlaps(p, g) for g in gold))
        for g in gold:
            gold_n += 1
            match = [p for p in pred if overlaps(p, g)]
            if not match:
                misses.append(f"{rid} MISSED {g['text']!r}")
            elif right(g, match[0]):
                found += 1
                correct += 1
            else:
                found += 1
                misses.append(f"{rid} {g['text']!r}: {describe(g, match[0])}")
    precision = hit / pred_n if pred_n else 0.0
    recall = found / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(f1, 4), round(correct / found if found else 0.0, 4), misses


def main(score: Callable[[], tuple[dict[str, float], list[str]]]) -> None:
    """Print the misses (``--show N``) and the figures."""
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    figures, misses = score()
    for miss in misses[:show]:
        print("MISS", miss)
    print(json.dumps(figures))

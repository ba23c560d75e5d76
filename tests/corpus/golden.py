"""Score eventwire's ingest + clean against the golden corpus (see README.md here).

Run ``python tests/corpus/golden.py`` for a per-case report; ``test_golden.py`` checks the figures
against ``floors.json``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
CASES = HERE / "cases"
ROOT = HERE.parent.parent

# Figures reported, each a share between 0 and 1 (higher is better).
METRICS = (
    "articles",  # cases whose number of articles is right
    "title",  # articles whose title is exactly right
    "tags",  # articles whose tags are exactly right (order kept, case ignored)
    "published",  # articles whose publication date is right (null included)
    "outlet",  # articles whose outlet is right (null included)
    "language",  # articles whose main language is right
    "body_f1",  # mean 4-token-shingle F1 of the body against the expected body
    "body_exact",  # articles whose body is exactly the expected body
    "must_not",  # articles whose body holds none of the must-not strings
    "kinds",  # paragraphs listed in paragraph_kinds that got that kind
    "other_language",  # paragraphs listed as other-language that are labelled so and kept out of the body
    "redactions",  # articles whose redaction counts per kind are exactly right
    "no_leak",  # articles whose output holds none of their secrets (must stay 1.0)
)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = re.findall(r"\w+", text or "")
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def f1(expected: str, got: str) -> float:
    g, p = shingles(expected), shingles(got)
    if not g and not p:
        return 1.0
    tp = sum((g & p).values())
    prec = tp / sum(p.values()) if p else 0.0
    rec = tp / sum(g.values()) if g else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


@dataclass
class Tally:
    hits: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, metric: str, value: float, case: str, detail: str = "") -> None:
        self.hits[metric] += value
        self.totals[metric] += 1
        if value < 1 and detail:
            self.misses.append(f"{case}: {metric}: {detail}")

    def figures(self) -> dict[str, float]:
        return {m: round(self.hits[m] / self.totals[m], 4) for m in METRICS if self.totals[m]}


def score_article(case: str, want: dict, got: dict, tally: Tally) -> None:
    tally.add("title", float(got.get("title") == want["title"]), case, f"{got.get('title')!r}")
    tally.add(
        "tags",
        float([t.lower() for t in got.get("tags", [])] == [t.lower() for t in want["tags"]]),
        case,
        f"{got.get('tags')} != {want['tags']}",
    )
    tally.add(
        "published",
        float(got.get("published") == want.get("published")),
        case,
        f"{got.get('published')} != {want.get('published')}",
    )
    tally.add(
        "outlet",
        float(got.get("outlet") == want.get("outlet")),
        case,
        f"{got.get('outlet')!r} != {want.get('outlet')!r}",
    )
    tally.add("language", float(got.get("language") == want["lang"]), case, f"{got.get('language')}")
    body = got.get("body", "")
    score = f1(want["body"], body)
    tally.add("body_f1", score, case, f"{score:.3f}")
    tally.add("body_exact", float(_norm(body) == _norm(want["body"])), case)
    bad = [s for s in want.get("must_not_contain", []) if s in body]
    tally.add("must_not", float(not bad), case, f"body contains {bad[:3]}")
    paragraphs = got.get("paragraphs", [])
    for item in want.get("paragraph_kinds", []):
        prefix = _norm(item["text"])[:60]
        match = next((p for p in paragraphs if _norm(p["text"]).startswith(prefix)), None)
        ok = match is not None and match["kind"] == item["kind"]
        tally.add(
            "kinds",
            float(ok),
            case,
            f"{item['text'][:40]!r} is {match['kind'] if match else 'missing'}, want {item['kind']}",
        )
    for text in want.get("other_language", []):
        prefix = _norm(text)[:60]
        match = next((p for p in paragraphs if _norm(p["text"]).startswith(prefix)), None)
        ok = (
            match is not None
            and match.get("lang") not in (None, got.get("language"))
            and text[:40] not in body
        )
        tally.add(
            "other_language",
            float(ok),
            case,
            f"{text[:40]!r} got lang {match.get('lang') if match else 'missing'}",
        )
    counts = Counter(r["kind"] for r in got.get("redactions", []))
    tally.add(
        "redactions",
        float(dict(counts) == want.get("redactions", {})),
        case,
        f"{dict(counts)} != {want.get('redactions', {})}",
    )
    dumped = json.dumps(got, ensure_ascii=False)
    leaked = [s for s in want.get("secrets", []) if s and s in dumped]
    tally.add("no_leak", float(not leaked), case, f"{len(leaked)} secret(s) in the output")


def run(cases: list[Path] | None = None) -> Tally:
    from eventwire.clean import clean
    from eventwire.ingest import read
    from eventwire.records import Article

    tally = Tally()
    for case_dir in cases or sorted(p for p in CASES.iterdir() if p.is_dir()):
        expected = json.loads((case_dir / "expected.json").read_text("utf-8"))
        if "input" in expected:  # a bundled sample (eventwire/samples) serves as this case's input
            inputs = [ROOT / expected["input"]]
        else:
            inputs = sorted(p for p in case_dir.iterdir() if p.name.startswith("input"))
        got = [clean(a).to_dict() for a in read([str(p) for p in inputs]) if isinstance(a, Article)]
        want = expected["articles"]
        tally.add("articles", float(len(got) == len(want)), case_dir.name, f"{len(got)} != {len(want)}")
        for w, g in zip(want, got, strict=False):
            score_article(case_dir.name, w, g, tally)
    return tally


if __name__ == "__main__":
    result = run([Path(a) for a in sys.argv[1:]] or None)
    for miss in result.misses:
        print("MISS", miss)
    print(json.dumps(result.figures(), indent=2))

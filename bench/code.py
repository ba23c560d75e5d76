"""Event coding throughput against the bare spaCy parse of the same text, in the same run.

    python bench/code.py [--repeat N]

Texts: the project's hand-coded sentences (tests/events/corpus) and the English articles of the
golden corpus (tests/corpus). Three timings, each after a warm-up: the bare parse (``nlp.pipe`` of
the exact paragraphs the coder parses), clean + code (the whole `eventwire code` path without the
JSON I/O), and the coder alone on articles already cleaned. The budget (docs/design.md): the
pipeline at least 80% of the parse throughput.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_articles() -> list:
    from eventwire.ingest import read
    from eventwire.ingest.jsonl import article_from_record
    from eventwire.records import Article, Origin

    sentences = (ROOT / "tests" / "events" / "corpus" / "sentences.jsonl").read_text("utf-8").splitlines()
    articles = [
        article_from_record(json.loads(line), Origin("bench", "jsonl"), 10**6) for line in sentences if line
    ]
    sys.path.insert(0, str(ROOT / "bench"))
    from clean import inputs  # the golden corpus files

    articles += [a for a in read(inputs()) if isinstance(a, Article)]
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from eventwire import nlp
    from eventwire.clean import clean
    from eventwire.config import Settings
    from eventwire.events import clean_text, code

    settings = Settings()
    model = nlp.load(None)
    articles = load_articles()
    cleaned = [clean(a, settings) for a in articles]
    texts = [text for c in cleaned for text, _ in clean_text(c)[1]]
    n_sentences = sum(len(list(doc.sents)) for doc in model.pipe(texts))
    list(code(cleaned, settings))  # warm-up: dictionaries, patterns and language models load

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        return best

    t_parse = timed(lambda: list(model.pipe(texts, batch_size=64)))
    t_code = timed(lambda: list(code(cleaned, settings)))
    # The same without places and dates: what the where/when stage costs.
    import eventwire.events as events_module
    import eventwire.geo as geo_module
    import eventwire.when as when_module

    saved = (geo_module.find_places, when_module.find_dates, events_module._article_place)
    geo_module.find_places = lambda *a, **k: []  # type: ignore[assignment]
    when_module.find_dates = lambda *a, **k: []  # type: ignore[assignment]
    events_module._article_place = lambda *a, **k: None  # type: ignore[assignment]
    t_bare = timed(lambda: list(code(cleaned, settings)))
    geo_module.find_places, when_module.find_dates, events_module._article_place = saved
    t_all = timed(lambda: list(code((clean(a, settings) for a in articles), settings)))

    print(f"machine: {platform.machine()} python {platform.python_version()}, model {nlp.describe(model)}")
    print(
        f"texts: {len(articles)} articles, {len(texts)} paragraphs, {n_sentences} sentences; "
        f"best of {args.repeat}"
    )
    print(f"bare spaCy parse:  {n_sentences / t_parse:8.1f} sentences/s")
    print(
        f"code (no clean):   {n_sentences / t_code:8.1f} sentences/s  ({t_parse / t_code:.0%} of the parse)"
    )
    print(f"clean + code:      {n_sentences / t_all:8.1f} sentences/s  ({t_parse / t_all:.0%} of the parse)")
    print(f"places and dates add {t_code / t_bare - 1:.0%} to the time of code")


if __name__ == "__main__":
    main()

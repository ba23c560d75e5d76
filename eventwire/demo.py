"""``eventwire demo``: run the pipeline on the bundled sample articles and show what came out."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.clean import clean
from eventwire.config import Settings
from eventwire.ingest import read
from eventwire.records import CleanArticle, Skipped


def samples_dir() -> Path:
    """The folder of bundled sample articles (text, HTML, a feed, a WARC archive, a JSONL dump)."""
    return Path(str(resources.files("eventwire").joinpath("samples")))


def _where(article: CleanArticle) -> str:
    if article.origin is None:
        return ""
    number = article.origin.record or article.origin.line
    return Path(article.origin.path).name + (f" #{number}" if number else "")


def run_demo(settings: Settings, as_json: bool = False) -> list[CleanArticle]:
    """Ingest and clean every sample; print a table (or JSON lines) and return the articles."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(highlight=False)
    folder = samples_dir()
    articles: list[CleanArticle] = []
    skipped: list[Skipped] = []
    for item in read([str(folder)], settings):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            articles.append(clean(item, settings))
    if as_json:
        for article in articles:
            print(json.dumps(article.to_dict(), ensure_ascii=False))
        return articles

    console.print(f"[bold]eventwire demo[/bold]: {len(articles)} articles from {folder}\n")
    kinds_total: Counter[str] = Counter()
    secrets_total: Counter[str] = Counter()
    for article in articles:
        body = set(article.body_paragraphs)
        kinds = Counter(
            p.kind if p.kind != "body" else "other language" for p in article.paragraphs if p not in body
        )
        secrets = Counter(r.kind for r in article.redactions)
        kinds_total.update(kinds)
        secrets_total.update(secrets)
        facts = [f"{len(body)} body paragraphs", f"language {article.language or '?'}"]
        if article.published:
            facts.append(f"published {article.published}")
        if kinds:
            facts.append("removed " + ", ".join(f"{n} {k}" for k, n in kinds.most_common()))
        if secrets:
            facts.append("secrets " + ", ".join(f"{n} {k}" for k, n in secrets.most_common()))
        if article.tags:
            facts.append("tags " + ", ".join(article.tags))
        console.print(
            f"[bold]{escape(article.title or '(no title)')}[/bold]  [dim]{escape(_where(article))}[/dim]"
        )
        console.print("  " + escape(" · ".join(facts)))
    console.print(
        f"Removed {sum(kinds_total.values())} boilerplate paragraphs "
        f"({', '.join(f'{n} {k}' for k, n in kinds_total.most_common())}) and "
        f"{sum(secrets_total.values())} secrets "
        f"({', '.join(f'{n} {k}' for k, n in secrets_total.most_common())})."
    )
    for item in skipped:
        console.print(f"[yellow]skipped[/yellow] {item.message()}")
    _show_events(console, articles, settings)
    console.print("\nTry it on your own files:")
    console.print(f"  eventwire clean {folder / 'armenia-azerbaijan-talks.txt'}")
    console.print(f"  eventwire clean {folder / 'black-sea-grain-talks.html'} --json")
    console.print("  eventwire clean - < dump.jsonl > clean.jsonl")
    console.print(f"  eventwire code {folder / 'wire-dump.jsonl'} > events.jsonl")
    return articles


def _show_events(console: Any, articles: list[CleanArticle], settings: Settings) -> None:
    """Code the samples' events and show how many of each kind, and a few of them."""
    from rich.markup import escape

    from eventwire.events import code
    from eventwire.events.codebook import lookup

    events = [e for coded in code(articles, settings) for e in coded.events]
    known = [e for e in events if e.source and e.source.country and e.target and e.target.country]
    roots = Counter(e.cameo[:2] for e in events)
    console.print(f"\n[bold]{len(events)} events[/bold] ({len(known)} with both sides known), by CAMEO root:")
    console.print("  " + ", ".join(f"{root} {lookup(root).name} {n}" for root, n in sorted(roots.items())))
    dyads = Counter((e.source.country, e.target.country) for e in known)  # type: ignore[union-attr]
    console.print("Top dyads: " + ", ".join(f"{a}->{b} {n}" for (a, b), n in dyads.most_common(5)))
    for e in known[:6]:
        where = f" in {e.place['name']}" if e.place and e.place.get("basis") == "clause" else ""
        claim = f" (per {e.attributed_to})" if e.attributed_to else ""
        console.print(
            f"  {escape(e.source.text)} -> {escape(e.target.text)}: {e.cameo} "  # type: ignore[union-attr]
            f"{escape(lookup(e.cameo).name)}{escape(where)}{escape(claim)}"
        )

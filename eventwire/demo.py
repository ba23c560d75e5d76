"""``eventwire demo``: ingest the bundled sample articles into a fresh store and show what came out."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.records import CleanArticle

DEMO_DB = "eventwire-demo.db"


def samples_dir() -> Path:
    """The folder of bundled sample articles (text, HTML, a feed, a WARC archive, a JSONL dump)."""
    return Path(str(resources.files("eventwire").joinpath("samples")))


def clean_samples(settings: Settings) -> list[CleanArticle]:
    from eventwire.clean import clean
    from eventwire.ingest import read
    from eventwire.records import Skipped

    return [
        clean(item, settings)
        for item in read([str(samples_dir())], settings)
        if not isinstance(item, Skipped)
    ]


def _fresh(db: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)


def run_demo(settings: Settings, db: str = DEMO_DB, as_json: bool = False) -> None:
    """Ingest every sample into a fresh store at ``db`` and print a summary (or clean JSON lines)."""
    if as_json:
        for article in clean_samples(settings):
            print(json.dumps(article.to_dict(), ensure_ascii=False))
        return
    from rich.console import Console

    from eventwire.pipeline import ingest_into
    from eventwire.store import Store

    console = Console(highlight=False, soft_wrap=True)
    folder = samples_dir()
    if "://" not in db:
        _fresh(db)
    console.print(f"[bold]eventwire demo[/bold]: ingesting {folder} into a fresh store, {db}\n")
    with Store.open(db) as store:
        report = ingest_into(store, [str(folder)], settings.replace(skip_bad=True))
        with store.connect() as conn:
            _show(console, conn, report)
    console.print("\nQuery and export it:")
    for command in (
        f"eventwire events --db {db}",
        f"eventwire events --db {db} --cameo 04 --json",
        f"eventwire events --db {db} --actor TUR --csv",
        f"eventwire stats --db {db}",
        f"eventwire export --db {db} --format gdelt -o events.tsv",
        f"eventwire export --db {db} --format parquet -o events.parquet",
        "eventwire ingest YOUR-FOLDER --db events.db --workers 2",
    ):
        console.print(f"  {command}")


def _show(console: Any, conn: Any, report: Any) -> None:
    from rich.markup import escape
    from sqlalchemy import select

    from eventwire import query
    from eventwire.store import schema

    a = schema.articles
    rows = conn.execute(
        select(a.c.title, a.c.outlet, a.c.paragraphs, a.c.redactions, a.c.events_n).order_by(a.c.seq)
    ).all()
    removed: Counter[str] = Counter()
    secrets: Counter[str] = Counter()
    for row in rows:
        removed.update(p["kind"] for p in json.loads(row.paragraphs) if p["kind"] != "body")
        secrets.update(r["kind"] for r in json.loads(row.redactions))
    console.print(
        f"[bold]{report.stored} articles[/bold] stored in {report.seconds:.1f} s "
        f"({report.skipped} inputs skipped). Cleaning removed {sum(removed.values())} boilerplate paragraphs "
        f"({', '.join(f'{n} {k}' for k, n in removed.most_common())}) and "
        f"{sum(secrets.values())} secrets ({', '.join(f'{n} {k}' for k, n in secrets.most_common())})."
    )
    for row in rows:
        title, outlet = escape(row.title or "(no title)"), escape(row.outlet or "")
        console.print(f"  {title}  [dim]{outlet}[/dim]  {row.events_n} events")
    s = schema.stories
    stories = conn.execute(select(s).where(s.c.articles_n > 1).order_by(s.c.articles_n.desc(), s.c.id)).all()
    total = conn.execute(select(s.c.id)).all()
    console.print(f"\n[bold]{len(total)} stories[/bold]; told by more than one article:")
    for story in stories[:5]:
        console.print(
            f"  {escape(story.title or story.id)}: {story.articles_n} articles, {story.outlets_n} outlets"
        )
    if not stories:
        console.print("  (none)")
    result = query.stats(conn, query.Filters(), top=5)
    console.print(f"\n[bold]{result['events']} events[/bold] ({result['mentions']} mentions), by CAMEO root:")
    console.print("  " + ", ".join(f"{r['root']} {r['name']} {r['events']}" for r in result["by_root"]))
    console.print(
        "Top dyads: "
        + ", ".join(f"{d['source'] or '-'}->{d['target'] or '-'} {d['events']}" for d in result["top_dyads"])
    )
    known = [e for e in query.events(conn, query.Filters()) if e["source_country"] or e["source_code"]]
    shown = sorted(known, key=lambda e: (-e["num_articles"], -e["num_mentions"]))[:6]
    console.print("Events told by most articles:")
    for e in shown:
        where = f" in {e['place_name']}" if e["place_name"] and e["place_basis"] == "clause" else ""
        target = f" -> {_actor(e, 'target')}" if e["target_name"] else ""
        console.print(
            f"  {escape(_actor(e, 'source'))}{escape(target)}: {e['cameo']} "
            f"{escape(_name(e['cameo']))}{escape(where)} ({e['num_mentions']} mentions in "
            f"{e['num_articles']} articles from {e['num_outlets']} outlets)"
        )


def _actor(event: dict[str, Any], side: str) -> str:
    """ "Turkish intelligence officials (TURSPY)": the mention and, when known, its actor code."""
    code = event[f"{side}_code"] or event[f"{side}_country"]
    return f"{event[f'{side}_name']} ({code})" if code else str(event[f"{side}_name"])


def _name(code: str) -> str:
    from eventwire.events.codebook import lookup

    return lookup(code).name

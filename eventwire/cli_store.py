"""The store's commands: ``ingest``, ``events``, ``stats`` and ``export`` (registered on ``cli``)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from eventwire.cli import _parse_day, cli, settings_options
from eventwire.config import Settings
from eventwire.errors import ConfigError


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db",
        envvar="EVENTWIRE_DB",
        metavar="PATH|URL",
        help="The store: a SQLite file or postgresql://user@host/db "
        "[default: $EVENTWIRE_DB, else ~/.local/share/eventwire/eventwire.db]",
    )(fn)


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--actor", help="Source or target: name (part of it), CAMEO actor code or country (TUR)."
        ),
        click.option(
            "--dyad", nargs=2, metavar="SOURCE TARGET", help="Source and target, matched like --actor."
        ),
        click.option("--country", help="ISO alpha-3 country of the source, target or place."),
        click.option("--cameo", help="CAMEO code prefix: 04 (a root), 042, 0421."),
        click.option("--plover", help="PLOVER event type (CONSULT, ASSAULT, ...)."),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="Quad class 1-4."),
        click.option("--since", help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--place", help="Place name (part of it)."),
        click.option(
            "--bbox", metavar="W,S,E,N", help="Places inside this box: west,south,east,north in degrees."
        ),
        click.option("--story", help="Events of one story (its id)."),
        click.option("--outlet", help="Events reported by this outlet (part of its name)."),
        click.option("--limit", type=click.IntRange(1), help="At most this many events."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _filters(kwargs: dict[str, Any]) -> Any:
    from eventwire.query import Filters

    bbox = None
    if kwargs.get("bbox"):
        try:
            west, south, east, north = (float(v) for v in kwargs["bbox"].split(","))
        except ValueError:
            raise ConfigError(
                f"--bbox '{kwargs['bbox']}' is not four numbers; use west,south,east,north, e.g. 35,32,43,38"
            ) from None
        bbox = (west, south, east, north)
    dyad = tuple(kwargs["dyad"]) if kwargs.get("dyad") else None
    return Filters(
        actor=kwargs.get("actor"),
        dyad=dyad,
        country=kwargs.get("country"),
        cameo=kwargs.get("cameo"),
        plover=kwargs.get("plover"),
        quad_class=kwargs.get("quad_class"),
        since=_parse_day(kwargs.get("since")),
        until=_parse_day(kwargs.get("until")),
        place=kwargs.get("place"),
        bbox=bbox,
        story=kwargs.get("story"),
        outlet=kwargs.get("outlet"),
        limit=kwargs.get("limit"),
    )


def _open(db: str | None, create: bool = False) -> Any:
    from eventwire.store import Store

    return Store.open(db, create=create)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Processes that parse.")
@settings_options
def ingest(paths: tuple[str, ...], db: str | None, workers: int, settings: Settings) -> None:
    """Read files, folders, globs, JSONL dumps, feeds and web archives into the store.

    Each article is cleaned, coded, grouped into a story and stored with its events. Articles the
    store already has (same outlet and url, or same text) are skipped, so rerunning the same command
    never duplicates anything, and a run that was stopped is finished by running it again.

    \b
    Example:
        eventwire ingest articles/ feeds/*.xml crawl.warc.gz --db events.db --workers 2
    """
    from rich.console import Console

    from eventwire.pipeline import IngestReport, ingest_into

    console = Console(stderr=True, highlight=False)
    store = _open(db, create=True)
    label = "skipped" if settings.skip_bad else "Error"

    def progress(report: IngestReport) -> None:
        if console.is_terminal:
            rate = report.stored / report.seconds if report.seconds else 0.0
            console.print(
                f"  {report.read:,} read · {report.stored:,} stored ({rate:.1f}/s) · "
                f"{report.duplicates:,} already stored · {report.events:,} events · "
                f"{report.skipped:,} skipped",
                end="\r",
            )

    def skip(item: Any) -> None:
        click.echo(f"{label}: {item.message()}", err=True)

    try:
        report = ingest_into(store, list(paths), settings, workers, on_progress=progress, on_skip=skip)
    except KeyboardInterrupt:
        click.echo("\nStopped; what was stored is kept. Run the same command again to finish.", err=True)
        sys.exit(130)
    finally:
        store.close()
    if console.is_terminal:
        console.print()  # end the progress line
    rate = report.stored / report.seconds if report.seconds else 0.0
    click.echo(
        f"Stored {report.stored:,} articles with {report.events:,} events in {report.seconds:.1f} s "
        f"({rate:.1f} articles/s); {report.duplicates:,} already stored, {report.skipped:,} skipped. "
        f"Store: {store.location}",
        err=True,
    )
    if report.skipped and not settings.skip_bad:
        click.echo(
            f"{report.skipped} input(s) could not be read (see above); the rest were stored. "
            "Use --skip-bad to skip them without failing.",
            err=True,
        )
        sys.exit(1)


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


@cli.command()
@db_option
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object per line.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV with a header row.")
@click.option("--mentions", "with_mentions", is_flag=True, help="With --json/--jsonl: add every report.")
def events(
    db: str | None, as_json: bool, as_jsonl: bool, as_csv: bool, with_mentions: bool, **kwargs: Any
) -> None:
    """Query the stored events (one row per event of a story, with its counts of reports).

    \b
    Example:
        eventwire events --dyad TUR SYR --since 2022-08-01
        eventwire events --cameo 19 --country UKR --csv > fights.csv
    """
    from eventwire import query
    from eventwire.export.table import csv_cell
    from eventwire.store.schema import EVENT_COLUMNS

    if sum((as_json, as_jsonl, as_csv)) > 1:
        raise click.UsageError("choose one of --json, --jsonl and --csv")
    f = _filters(kwargs)
    table = not (as_json or as_jsonl or as_csv)
    if table and f.limit is None:
        from dataclasses import replace

        f = replace(f, limit=50)
    with _open(db) as store, store.connect() as conn:
        rows = query.events(conn, f)
        if as_csv:
            writer = csv.writer(sys.stdout)
            writer.writerow(EVENT_COLUMNS)
            for row in rows:
                writer.writerow(csv_cell(row[c]) for c in EVENT_COLUMNS)
        elif as_json or as_jsonl:
            first = True
            if as_json:
                sys.stdout.write("[")
            for row in rows:
                out = _jsonable(row)
                if with_mentions:
                    out["mentions"] = [_jsonable(m) for m in query.mentions(conn, row["id"])]
                line = json.dumps(out, ensure_ascii=False)
                if as_json:
                    sys.stdout.write(("\n" if first else ",\n") + line)
                else:
                    sys.stdout.write(line + "\n")
                first = False
            if as_json:
                sys.stdout.write("\n]\n" if not first else "]\n")
        else:
            _table(list(rows), f.limit)


def _actor(row: dict[str, Any], side: str) -> str:
    name = row[f"{side}_name"]
    if not name:
        return "-"
    code = row[f"{side}_code"] or row[f"{side}_country"]
    return f"{name} ({code})" if code and code != name else name


def _table(rows: list[dict[str, Any]], limit: int | None) -> None:
    from rich.console import Console
    from rich.table import Table

    from eventwire.events.codebook import lookup

    console = Console(highlight=False)
    if not rows:
        console.print("No events match.")
        return
    table = Table(show_lines=False)
    for name in ("date", "source", "event", "target", "place", "reports"):
        table.add_column(name, overflow="fold", no_wrap=name in ("date", "reports"))
    wide = console.width >= 140  # the evidence sentence only where there is room for it
    if wide:
        table.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=console.width // 3)
    for row in rows:
        event = f"{row['cameo']} {lookup(row['cameo']).name}" + (" (not)" if row["negated"] else "")
        reports = f"{row['num_mentions']}/{row['num_articles']}/{row['num_outlets']}"
        sentence = row["sentence"] if len(row["sentence"]) <= 120 else row["sentence"][:117] + "..."
        cells = [
            row["date"].isoformat() if row["date"] else "-",
            _actor(row, "source"),
            event,
            _actor(row, "target"),
            row["place_name"] or "-",
            reports,
        ]
        table.add_row(*cells, *([sentence] if wide else []))
    console.print(table)
    note = "reports = mentions/articles/outlets" + ("" if wide else "; --jsonl shows the evidence")
    if limit and len(rows) >= limit:
        note += f"; showing the first {limit} (use --limit N, or --jsonl for all)"
    console.print(note, style="dim")


@cli.command()
@db_option
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many dyads to list.")
def stats(db: str | None, as_json: bool, top: int, **kwargs: Any) -> None:
    """Counts of the stored events: by CAMEO root, top dyads, and by day.

    \b
    Example:
        eventwire stats --since 2022-08-01 --json
    """
    from eventwire import query

    f = _filters(kwargs)
    with _open(db) as store, store.connect() as conn:
        result = query.stats(conn, f, top=top)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{result['articles']:,} articles · {result['stories']:,} stories · {result['events']:,} events "
        f"· {result['mentions']:,} mentions"
    )
    click.echo("\nBy CAMEO root:")
    for r in result["by_root"]:
        click.echo(f"  {r['root']} {r['name']:<40} {r['events']:>7,}")
    click.echo("\nTop dyads:")
    for d in result["top_dyads"]:
        click.echo(f"  {d['source'] or '-':>10} -> {d['target'] or '-':<10} {d['events']:>7,}")
    if result["by_day"]:
        click.echo("\nBy day:")
        for d in result["by_day"][-31:]:
            click.echo(f"  {d['date']} {d['events']:>7,}")


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["gdelt", "plover", "parquet", "csv"]),
    help="gdelt: GDELT 2.0 event TSV (61 columns); plover: PLOVER JSON lines; "
    "parquet, csv: the events table.",
)
@click.option("-o", "--output", "output", required=True, metavar="PATH", help="File to write.")
@db_option
@filter_options
def export(fmt: str, output: str, db: str | None, **kwargs: Any) -> None:
    """Export the stored events (all, or those the filters match).

    \b
    Example:
        eventwire export --format gdelt -o events.tsv
        eventwire export --format parquet -o events.parquet --since 2022-01-01
    """
    from eventwire import query
    from eventwire.export import export as write

    f = _filters(kwargs)
    with _open(db) as store, store.connect() as conn:
        n = write(query.events(conn, f), fmt, output)  # an unwritable -o raises a one-line ConfigError
    click.echo(f"Wrote {n:,} events to {output} ({fmt}).", err=True)

"""The ``eventwire`` command line. Commands are thin: they read, call the stages, and write.

Heavy modules (trafilatura, lingua, rich) are imported inside commands so ``--help`` is fast.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from eventwire import __version__
from eventwire.config import SETTINGS, Settings, parse_value
from eventwire.errors import EventwireError


class _Group(click.Group):
    """Turns eventwire's errors into one line and exit code 1; ``--debug`` shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            if ctx.meta.get("eventwire.debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head); not an error
            ctx.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn news articles into political event data.

    \b
    Example:
        eventwire clean article.txt
        eventwire demo
    """
    ctx.meta["eventwire.debug"] = debug


def settings_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add one option per setting (declared once in ``eventwire.config.SETTINGS``)."""
    for name in reversed(list(SETTINGS)):
        spec = SETTINGS[name]
        flag = "--" + name.replace("_", "-")
        default = spec["default"]
        if isinstance(default, bool):
            fn = click.option(flag, name, is_flag=True, default=None, help=spec["help"])(fn)
        else:
            shown = ",".join(default) if isinstance(default, tuple) else default
            fn = click.option(
                flag, name, default=None, metavar="TEXT" if not isinstance(default, int) else "N",
                help=spec["help"] + (f" [default: {shown}]" if shown is not None else ""),
            )(fn)  # fmt: skip

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {}
        for name in SETTINGS:
            value = kwargs.pop(name)
            if value is None:
                continue
            given[name] = value if isinstance(value, bool) else parse_value(name, str(value))
        kwargs["settings"] = Settings.from_env(None, **given)
        return fn(*args, **kwargs)

    return wrapper


def _report_skipped(items: Iterator[Any], settings: Settings, counter: dict[str, int]) -> Iterator[Any]:
    """Pass Articles through; print each Skipped as one line on stderr and count it."""
    from eventwire.records import Skipped

    for item in items:
        if isinstance(item, Skipped):
            counter["skipped"] += 1
            label = "skipped" if settings.skip_bad else "Error"
            click.echo(f"{label}: {item.message()}", err=True)
        yield item


def _finish(counter: dict[str, int], settings: Settings) -> None:
    if counter["skipped"] and not settings.skip_bad:
        click.echo(
            f"{counter['skipped']} input(s) could not be read (see above); the rest were processed. "
            "Use --skip-bad to skip them without failing.",
            err=True,
        )
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[FILE|FOLDER|GLOB|-]...")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (one object per article) instead of a view."
)
@settings_options
def clean(paths: tuple[str, ...], as_json: bool, settings: Settings) -> None:
    """Clean articles: label paragraphs, find tags and language, remove secrets.

    A file gives its clean article(s): a view for people by default, JSON with --json. With -,
    reads JSON Lines records {"id", "text" | "html", "url"?} from standard input and writes one
    JSON line per record, in the same order, with the record's id.

    \b
    Examples:
        eventwire clean article.txt
        eventwire clean page.html --json
        eventwire clean - < dump.jsonl > clean.jsonl
    """
    from eventwire.clean import clean as clean_article
    from eventwire.ingest import read
    from eventwire.records import Skipped

    paths = paths or ("-",)
    stream = paths == ("-",)
    counter = {"skipped": 0}
    multiple = stream
    first: dict[str, Any] | None = None
    out = sys.stdout
    for item in _report_skipped(read(paths, settings), settings, counter):
        if isinstance(item, Skipped):
            if stream and item.id is not None:
                empty: dict[str, Any] = {"id": item.id, "error": item.reason, "title": None, "tags": []}
                empty.update(body="", paragraphs=[], redactions=[])
                out.write(json.dumps(empty, ensure_ascii=False) + "\n")
            continue
        result = clean_article(item, settings)
        if not as_json and not stream:
            _show(result)
            continue
        record = result.to_dict()
        if multiple:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif first is None:
            first = record
        else:  # a second article from the file(s): switch to JSON Lines
            out.write(json.dumps(first, ensure_ascii=False) + "\n")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            multiple = True
    if first is not None and not multiple:
        out.write(json.dumps(first, ensure_ascii=False, indent=2) + "\n")
    _finish(counter, settings)


def _show(article: Any) -> None:
    """A readable view of a clean article."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(highlight=False)
    console.print(f"[bold]{escape(article.title or '(no title)')}[/bold]")
    meta = [
        f"language {article.language or '?'}",
        f"outlet {article.outlet}" if article.outlet else None,
        f"published {article.published}" if article.published else None,
        f"tags: {', '.join(article.tags)}" if article.tags else None,
    ]
    console.print("[dim]" + escape(" · ".join(m for m in meta if m)) + "[/dim]")
    if article.redactions:
        kinds: dict[str, int] = {}
        for r in article.redactions:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        console.print("[dim]removed: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + "[/dim]")
    console.print()
    for p in article.paragraphs:
        in_body = p.kind == "body" and (p.lang is None or p.lang == article.language)
        if in_body:
            console.print(escape(p.text) + "\n")
        else:
            label = p.kind if p.kind != "body" else f"other language: {p.lang}"
            console.print(f"[dim]  {escape(f'[{label}]')} {escape(p.text)}[/dim]\n")


def _date_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--date",
        "default_date",
        default=None,
        metavar="YYYY-MM-DD",
        help="Publication date for records that give none (relative dates resolve against it).",
    )(fn)


def _parse_day(value: str | None) -> Any:
    if value is None:
        return None
    from eventwire.errors import ConfigError
    from eventwire.ingest.html import parse_date

    day = parse_date(value)
    if day is None:
        raise ConfigError(f"--date: '{value}' is not a date. Use YYYY-MM-DD, e.g. 2022-09-02.")
    return day


@cli.command(name="code")
@click.argument("paths", nargs=-1, metavar="[FILE|FOLDER|GLOB|-]...")
@_date_option
@settings_options
def code_command(paths: tuple[str, ...], default_date: str | None, settings: Settings) -> None:
    """Code the events in articles: CAMEO and PLOVER, actors, modality, who claims it.

    Reads JSON Lines {"id", "text", "date"?, "title"?, "url"?} (or any file kind eventwire reads)
    and writes one JSON line {"id", "events": [...], "metadata"} per article, in input order. The
    first event is the main event of the first sentence; the rest follow by position.

    \b
    Examples:
        echo '{"id": "1", "text": "Turkish troops attacked Syrian rebels."}' | eventwire code
        eventwire code articles.jsonl > events.jsonl
    """
    from dataclasses import replace
    from itertools import islice

    from eventwire import nlp
    from eventwire.clean import clean as clean_article
    from eventwire.events import code as code_events
    from eventwire.ingest import read
    from eventwire.records import Skipped

    counter = {"skipped": 0}
    day = _parse_day(default_date)
    metadata = {"eventwire": __version__, "model": nlp.describe(nlp.load(settings.model))}
    items = _report_skipped(read(paths or ("-",), settings), settings, counter)
    out = sys.stdout
    while chunk := list(islice(items, settings.batch_size)):
        articles = [
            clean_article(item if item.published or not day else replace(item, published=day), settings)
            for item in chunk
            if not isinstance(item, Skipped)
        ]
        coded = iter(code_events(articles, settings))
        for item in chunk:
            if isinstance(item, Skipped):
                if item.id is not None:
                    failed = {"id": item.id, "events": [], "error": item.reason, "metadata": metadata}
                    out.write(json.dumps(failed, ensure_ascii=False) + "\n")
                continue
            result = next(coded)
            record: dict[str, Any] = {
                "id": result.article.id,
                "events": [e.to_dict() for e in result.events],
                "metadata": metadata,
            }
            if result.warnings:
                record["warnings"] = result.warnings
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    _finish(counter, settings)


@cli.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@_date_option
@settings_options
def dates(source: str, default_date: str | None, settings: Settings) -> None:
    """Find date expressions and resolve them against the publication date.

    Reads JSON Lines {"id", "text", "date"} and writes {"id", "dates": [{"text", "start", "end",
    "from", "to", "precision"}]} per record, offsets into the given text. Without "date", relative
    expressions ("last week") keep from/to null.

    \b
    Example:
        echo '{"id": "1", "text": "Talks resumed on Monday.", "date": "2022-09-02"}' | eventwire dates
    """
    from eventwire.ingest.html import parse_date
    from eventwire.when import find_dates

    day = _parse_day(default_date)

    def handle(record: dict[str, Any]) -> dict[str, Any]:
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError('the record has no "text" string')
        found = find_dates(text, parse_date(record.get("date")) or day)
        return {"id": record.get("id"), "dates": [d.to_dict() for d in found]}

    _map_jsonl(source, handle, settings)


@cli.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@settings_options
def places(source: str, settings: Settings) -> None:
    """Find place names and put them on the map (offline gazetteer).

    Reads JSON Lines {"id", "text", "date"?} and writes {"id", "places": [{"text", "start", "end",
    "name", "kind", "country", "lat", "lon", "geonameid"}]} per record, offsets into the given text.

    \b
    Example:
        echo '{"id": "1", "text": "Fidan and Mamlouk met in Damascus."}' | eventwire places
    """
    from eventwire import nlp
    from eventwire.events import MAX_PARAGRAPH_CHARS
    from eventwire.geo import find_places

    model = nlp.load(settings.model)

    def handle(record: dict[str, Any]) -> dict[str, Any]:
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError('the record has no "text" string')
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise ValueError(f"the text is longer than {MAX_PARAGRAPH_CHARS:,} characters; split it")
        return {"id": record.get("id"), "places": [p.to_dict() for p in find_places(model(text))]}

    _map_jsonl(source, handle, settings)


@cli.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@settings_options
def cluster(source: str, settings: Settings) -> None:
    """Group articles into stories: reports of the same story from several outlets.

    Reads JSON Lines articles {"id", "text", "title"?, "url"?, "outlet"?, "date"?} and writes
    {"id", "story"} per record, in input order. Stories are formed as articles arrive: an article
    joins the story of an earlier one or starts its own (the story id is its first article's id).

    \b
    Example:
        eventwire cluster articles.jsonl
    """
    from eventwire.stories import StoryGrouper, doc_from_record, features

    grouper = StoryGrouper()

    def handle(record: dict[str, Any]) -> dict[str, Any]:
        doc = doc_from_record(record)
        return {"id": doc.id, "story": grouper.add(doc.id, features(doc), doc.published, doc.outlet)}

    _map_jsonl(source, handle, settings)


def _map_jsonl(source: str, handle: Callable[[dict[str, Any]], dict[str, Any]], settings: Settings) -> None:
    """Apply ``handle`` to every JSON Lines record of ``source``; a bad line is reported with its
    number (and skipped with --skip-bad), the rest go on."""
    stream = sys.stdin if source == "-" else _open_text(source)
    bad = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("the line is not a JSON object")
            out = handle(record)
        except ValueError as exc:
            bad += 1
            where = "<stdin>" if source == "-" else source
            message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            click.echo(
                f"{'skipped' if settings.skip_bad else 'Error'}: {where}:{number}: {message}", err=True
            )
            continue
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    _finish({"skipped": bad}, settings)


def _open_text(path: str) -> Any:
    from eventwire.errors import InputError

    try:
        return open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be opened", "Check the path") from None


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print each clean sample article as a JSON line.")
@click.option(
    "--db", "db", default="eventwire-demo.db", show_default=True, metavar="PATH|URL",
    help="The store to (re)create for the demo.",
)  # fmt: skip
@settings_options
def demo(as_json: bool, db: str, settings: Settings) -> None:
    """Ingest the bundled sample articles into a fresh store and show what came out.

    \b
    Example:
        eventwire demo
    """
    from eventwire.demo import run_demo

    run_demo(settings, db=db, as_json=as_json)


from eventwire import cli_store as _cli_store  # noqa: E402  (registers ingest, events, stats, export)

del _cli_store

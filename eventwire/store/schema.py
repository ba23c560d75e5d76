"""The store's one schema, for SQLite and PostgreSQL alike (SQLAlchemy Core).

Tables, in the order data reaches them:

- ``articles``: one row per stored article: metadata, the clean paragraphs with their labels (never a
  secret: redaction happens before anything is stored), its story and the features the story grouper
  needs to resume after a restart.
- ``stories``: reports of one story across outlets.
- ``mentions``: every event exactly as coded in one article (evidence sentence, span, rule, ...).
- ``events``: the merged events: mentions of one story with the same dyad, CAMEO root, date and
  negation are one event that counts its mentions, articles and outlets (GDELT's NumMentions,
  NumArticles, NumSources).
- ``actors`` and ``places``: every distinct resolved actor and place, for look-ups.
- ``ingest_log`` and ``ingest_issues``: one row per ingest run, and what it skipped and why.

Keys are content hashes, never counters, so that a run killed and rerun writes exactly the rows an
uninterrupted run writes. Changes to this file need a migration in ``migrations.py``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(40)

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # order of arrival
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("tags", Text, nullable=False),  # JSON list of strings
    Column("body", Text, nullable=False),  # the body paragraphs, blank-line separated
    Column("paragraphs", Text, nullable=False),  # JSON [{"text","kind","lang"}]
    Column("redactions", Text, nullable=False),  # JSON [{"kind","paragraph","start","end"}]
    Column("origin", Text),  # file and line it came from
    Column("story_id", ID, nullable=False),
    Column("features", Text, nullable=False),  # JSON: what the story grouper keeps of it
    Column("events_n", Integer, nullable=False),
    Column("warnings", Text),  # JSON list of what the pipeline noted (e.g. a paragraph too long)
    Column("ingested_at", DateTime, nullable=False),
)
Index("ix_articles_story", articles.c.story_id)
Index("ix_articles_published", articles.c.published)

stories = Table(
    "stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("title", Text),
    Column("first_article_id", ID, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("articles_n", Integer, nullable=False),
    Column("outlets_n", Integer, nullable=False),
)


def _actor_columns(side: str) -> list[Column]:
    return [
        Column(f"{side}_name", Text),
        Column(f"{side}_country", String(3)),
        Column(f"{side}_roles", Text),  # space-separated CAMEO role codes
        Column(f"{side}_code", String(32)),
    ]


def _event_columns() -> list[Column]:
    return [
        Column("cameo", String(4), nullable=False),
        Column("root", String(2), nullable=False),
        Column("plover", String(32)),
        Column("plover_mode", String(32)),
        Column("quad_class", Integer),
        Column("goldstein", Float),
        Column("negated", Boolean, nullable=False),
        Column("modality", String(16), nullable=False),
        Column("place_name", Text),
        Column("place_country", String(3)),
        Column("place_lat", Float),
        Column("place_lon", Float),
        Column("place_geonameid", Integer),
        Column("place_basis", String(16)),
    ]


events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("story_id", ID, nullable=False),
    *_actor_columns("source"),
    *_actor_columns("target"),
    *_event_columns(),
    Column("date", Date),  # when it happened: the resolved start, else the first report's date
    Column("date_to", Date),
    Column("date_precision", String(16)),
    Column("first_article_id", ID, nullable=False),
    Column("first_url", Text),
    Column("sentence", Text, nullable=False),  # the first mention's evidence
    Column("num_mentions", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("num_outlets", Integer, nullable=False),
    Column("first_seen", Date),  # publication dates of the first and last report
    Column("last_seen", Date),
)
Index("ix_events_date", events.c.date)
Index("ix_events_root", events.c.root)
Index("ix_events_story", events.c.story_id)
Index("ix_events_dyad", events.c.source_country, events.c.target_country)

mentions = Table(
    "mentions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("event_id", ID, ForeignKey("events.id"), nullable=False),
    Column("article_id", ID, ForeignKey("articles.id"), nullable=False),
    Column("position", Integer, nullable=False),  # order within the article's events
    Column("source_text", Text),
    *_actor_columns("source"),
    Column("source_resolved_by", String(32)),
    Column("target_text", Text),
    *_actor_columns("target"),
    Column("target_resolved_by", String(32)),
    *_event_columns(),
    Column("place_text", Text),
    Column("attributed_to", Text),
    Column("reported_by", Text),
    Column("sentence", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("rule", Text, nullable=False),
    Column("date_text", Text),
    Column("date_from", Date),
    Column("date_to", Date),
    Column("date_precision", String(16)),
    Column("date_basis", String(16)),
)
Index("ix_mentions_event", mentions.c.event_id)
Index("ix_mentions_article", mentions.c.article_id)

actors = Table(
    "actors",
    metadata,
    Column("id", ID, primary_key=True),  # hash of name, country and code
    Column("name", Text),
    Column("country", String(3)),
    Column("roles", Text),
    Column("code", String(32)),
)

places = Table(
    "places",
    metadata,
    Column("id", ID, primary_key=True),  # hash of name, country and coordinates
    Column("name", Text),
    Column("country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
)

ingest_log = Table(
    "ingest_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("inputs", Text, nullable=False),  # JSON list of the paths given
    Column("status", String(16), nullable=False),  # running, done, failed, interrupted
    Column("read", Integer, nullable=False, default=0),
    Column("stored", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
    Column("message", Text),
)

ingest_issues = Table(
    "ingest_issues",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_log.id"), nullable=False),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

EVENT_COLUMNS = [c.name for c in events.columns]
"""The merged events table's columns, in order: what ``events``, ``export`` and the API return."""

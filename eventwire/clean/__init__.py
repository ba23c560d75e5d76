"""Clean: an ``Article`` becomes a ``CleanArticle`` with labelled paragraphs and no secrets.

Steps, in order: split into paragraphs; redact secrets (title and every paragraph, before
anything else sees them); label each paragraph's kind; detect each paragraph's language and the
article's main language. The body is the main-language paragraphs of kind ``body``.
"""

from __future__ import annotations

from eventwire.clean.boilerplate import label
from eventwire.clean.datelines import dateline_date, url_date
from eventwire.clean.language import label_languages
from eventwire.clean.paragraphs import split_paragraphs
from eventwire.clean.redact import redact
from eventwire.config import Settings
from eventwire.records import Article, CleanArticle, Paragraph, Redaction

__all__ = ["clean"]


def clean(article: Article, settings: Settings | None = None) -> CleanArticle:
    """Clean one article. Pure: the same article and settings give the same result."""
    settings = settings or Settings()
    regions = settings.phone_regions
    redactions: list[Redaction] = []

    title = article.title
    if title:
        title, spans = redact(title, regions)
        redactions.extend(Redaction(kind, -1, s, e) for kind, s, e in spans)

    texts: list[str] = []
    removed: list[set[str]] = []
    for text in split_paragraphs(article.text, article.layout):
        text, spans = redact(text, regions)
        redactions.extend(Redaction(kind, len(texts), s, e) for kind, s, e in spans)
        removed.append({kind for kind, _, _ in spans})
        texts.append(text)

    kinds, line_tags = label(texts, title, removed)
    # The main language is decided by body paragraphs; boilerplate is often in another language.
    langs, main = label_languages(texts, settings.languages, [k == "body" for k in kinds])
    if main is None:
        main = article.language

    published = article.published
    if published is None:  # a dateline before the text dates the article
        published = next(
            (dateline_date(t) for t, k in zip(texts, kinds, strict=True) if k == "dateline"), None
        )
    if published is None:  # else a date in the url's path ("/2022/09/02/...")
        published = url_date(article.url)

    tags = list(article.tags)
    tags += [t for t in line_tags if t.lower() not in {x.lower() for x in tags}]
    return CleanArticle(
        id=article.id,
        title=title,
        paragraphs=tuple(Paragraph(t, k, lang) for t, k, lang in zip(texts, kinds, langs, strict=True)),
        language=main,
        tags=tuple(tags),
        redactions=tuple(redactions),
        url=article.url,
        outlet=article.outlet,
        published=published,
        origin=article.origin,
    )

"""Web pages: main text and metadata (title, date, outlet, tags) with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from eventwire.errors import InputError
from eventwire.records import Article, Origin

_BLOCKS = {
    "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "pre", "tr",
    "section", "article", "ul", "ol", "table", "figure", "header", "footer", "aside", "dd", "dt",
}  # fmt: skip
_META = re.compile(r"<meta\s[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG_META = ("article:tag", "keywords", "news_keywords", "og:article:tag")
_LD_JSON = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
# A page is an article only when its extracted text has a line of running text this long (in
# words) and this much text in all; navigation-only pages come out as a list of short labels.
MIN_LINE_WORDS = 10
MIN_WORDS = 25


def parse_date(value: Any) -> dt.date | None:
    """A date from ISO-like text ('2024-03-01', '2024-03-01T10:00:00Z'); None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _tags(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        for part in re.split(r"\s*[,;]\s*", value or ""):
            part = part.strip()
            if part and part.lower() not in {t.lower() for t in out}:
                out.append(part)
    return tuple(out)


def page_tags(html: str) -> list[str]:
    """Topic tags a page declares: ``article:tag`` and ``keywords`` meta tags, JSON-LD ``keywords``."""
    import html as htmllib
    import json

    head = html[: html.lower().find("</head>")] if "</head>" in html.lower() else html[:200_000]
    found: list[str] = []
    for tag in _META.findall(head):
        attrs = {k.lower(): htmllib.unescape(a or b) for k, a, b in _ATTR.findall(tag)}
        if (attrs.get("property") or attrs.get("name") or "").lower() in _TAG_META and attrs.get("content"):
            found.append(attrs["content"])
    if not found:
        for block in _LD_JSON.findall(html):
            try:
                data = json.loads(block)
            except ValueError:
                continue
            stack = [data]
            while stack:
                item = stack.pop(0)
                if isinstance(item, list):
                    stack.extend(item)
                elif isinstance(item, dict):
                    keywords = item.get("keywords")
                    if isinstance(keywords, str):
                        found.append(keywords)
                    elif isinstance(keywords, list):
                        found.extend(str(k) for k in keywords)
                    stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _is_article_text(text: str) -> bool:
    lines = text.split("\n")
    return sum(len(line.split()) for line in lines) >= MIN_WORDS and any(
        len(line.split()) >= MIN_LINE_WORDS for line in lines
    )


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    if sitename:
        for sep in (" | ", " - ", " – ", " — "):
            if title.endswith(sep + sitename):
                return title[: -len(sep + sitename)]
    return title


def article_from_html(
    html: str,
    origin: Origin,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
) -> Article:
    """Read a whole web page: its main text (one line per block) and its metadata.

    Values given by the container (a JSON field, a WARC header) win over what the page says.

    Raises:
        InputError: when the page holds no article text.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken pages
        raise InputError(origin.where(), f"not a readable HTML page ({type(exc).__name__})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not _is_article_text(text):
        raise InputError(
            origin.where(),
            "the page holds no article text (empty body or only navigation)",
            "Check that it is an article page",
        )
    assert doc is not None and not isinstance(doc, dict)
    outlet = outlet or doc.sitename or None
    page_url = url or doc.url or None
    return Article(
        id=Article.make_id(text, page_url, outlet),
        text=text,
        origin=origin,
        title=title or _clean_title(doc.title, doc.sitename),
        url=page_url,
        outlet=outlet,
        published=published or parse_date(doc.date),
        tags=_tags(page_tags(html) or list(doc.tags or []) or list(doc.categories or [])),
        layout="lines",
    )


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (feed content), one line per block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    def walk(el: Any) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in _BLOCKS
        if block:
            flush()
        if isinstance(el.tag, str) and el.tag.lower() == "br":
            flush()
        if el.text and isinstance(el.tag, str):
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return "\n".join(lines)

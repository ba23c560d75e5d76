"""Tag lines: "Russia Syria Turkey Ukraine War with Russia World" at the top or bottom of a
scraped article, "Tags: Russia, Syria", "Russia | Syria | Turkey". Parsed into the article's tags."""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import sections

_MARKED = re.compile(
    r"^\W*(tags|tagged|tagged with|topics|keywords|posted in|filed under|categories|"
    r"теги|мітки|метки|теми|темы|рубрики|ключові слова|ключевые слова|"
    r"mots-clés|mots clés|étiquettes|schlagwörter|schlagworte|themen|"
    r"etiquetas|temas|palavras-chave|etichette|argomenti|etiketler)\s*[:：]\s*(.+)$",
    re.I,
)
_SEPARATED = re.compile(r"\s*(?:\||•|·|,|;|#|/)\s*")
_SENTENCE = re.compile(r"[.!?:;\"«»“”„()\[\]…]")
# Lower-case words that join capitalised words inside one tag ("War with Russia").
CONNECTORS = frozenset(
    "with of and in on for the to at from against between over under vs von de del la le et".split()
    + "и і та в у з с на".split()
)
MAX_TOKENS = 16


@functools.cache
def _topic_data() -> dict[str, list[str]]:
    """Sections of data/topics.txt: names, join-next, join-previous."""
    return sections("eventwire.clean", "topics.txt")


@functools.cache
def _topics() -> dict[tuple[str, ...], str]:
    return {tuple(n.lower().split()): n for n in _topic_data().get("names", [])}


@functools.cache
def _joiners() -> tuple[frozenset[str], frozenset[str]]:
    data = _topic_data()
    return (
        frozenset(w.lower() for w in data.get("join-next", [])),
        frozenset(w.lower() for w in data.get("join-previous", [])),
    )


def _is_capital(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit() or word[0] == "#")


def split_tags(line: str) -> list[str]:
    """Tags in a line, by explicit separators when it has them, else by capitalised words
    (joined by connectors like "with", and by known multi-word names like "Middle East")."""
    line = line.strip()
    marked = _MARKED.match(line)
    if marked:
        line = marked.group(2)
    if _SEPARATED.search(line) and len(_SEPARATED.split(line)) > 1:
        parts = [p.strip(" #") for p in _SEPARATED.split(line)]
        return [p for p in parts if p]
    words = line.split()
    topics = _topics()
    join_next, join_previous = _joiners()
    longest = max((len(k) for k in topics), default=1)
    tags: list[list[str]] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 1, -1):
            key = tuple(w.lower() for w in words[i : i + n])
            if key in topics:
                tags.append(list(words[i : i + n]))
                i += n
                break
        else:
            word = words[i]
            last = tags[-1][-1].lower() if tags else ""
            joins = tags and (
                word.lower() in CONNECTORS
                or last in CONNECTORS
                or last in join_next
                or (word.lower() in join_previous and len(tags[-1]) < 3)
            )
            if joins:
                tags[-1].append(word)
            else:
                tags.append([word])
            i += 1
    return [" ".join(t) for t in tags]


def tag_line(line: str, repeated: bool = False) -> list[str] | None:
    """The tags of ``line`` if it is a tag line, else None.

    A line marked "Tags:" always is. An unmarked line is when it is short, has no sentence
    punctuation, every tag starts with a capital, and it holds at least three tags (two when the
    line occurs twice in the article, as tag lines at top and bottom do).
    """
    if _MARKED.match(line):
        return split_tags(line) or None
    words = line.split()
    if line.strip().startswith("|") or line.strip().endswith("|"):  # a table row
        return None
    if not words or len(words) > MAX_TOKENS or _SENTENCE.search(line.replace("#", "")):
        return None
    tags = split_tags(line)
    if len(tags) < (2 if repeated else 3):
        return None
    if not all(_is_capital(t) for t in tags):
        return None
    if any(len(t.split()) > 4 or not any(ch.isalpha() for ch in t) for t in tags):
        return None
    if sum(1 for w in words if len(w) >= 4 and w.isupper()) >= 3:  # a shouted line, not topics
        return None
    return tags

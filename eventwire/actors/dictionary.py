"""The actor dictionaries (data/*.tsv, format in docs/data-formats.md), loaded once and indexed by
token sequences so a mention is found by longest match over the parsed text."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.datafiles import rows

# Tokens are compared lower-cased, with typographic apostrophes and dashes made plain.
_FOLD = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "İ": "I", "ı": "i"})


def fold(token: str) -> str:
    return token.translate(_FOLD).lower()


@dataclass(slots=True, frozen=True)
class Entry:
    """One way of naming an actor: a country, capital, seat of power, demonym, organisation or
    person (with the dates of the office), or a generic agent noun (roles only)."""

    kind: str  # country | capital | seat | adjective | organisation | person | agent
    name: str  # canonical name
    country: str | None = None  # ISO 3166-1 alpha-3
    roles: tuple[str, ...] = ()
    code: str | None = None  # CAMEO actor code
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _date(value: str, end: bool = False) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in re.findall(r"\d+", value)[:3]]
    if not parts:
        return None
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    day = parts[2] if len(parts) > 2 else None
    if day is None:
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        day = 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _rows(name: str) -> list[dict[str, str]]:
    return rows("eventwire.actors", name, required=False)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _roles(value: str) -> tuple[str, ...]:
    return tuple(r.upper() for r in _split(value))


class Dictionary:
    """Every actor name, by token sequence. ``tokenize`` must split text the way the parser does."""

    def __init__(self, tokenize: Callable[[str], list[str]]) -> None:
        self._tokenize = tokenize
        self.phrases: dict[tuple[str, ...], list[Entry]] = {}
        self.agents: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.countries: dict[str, Entry] = {}
        self.longest = 1
        self._load()

    def _add(self, phrase: str, entry: Entry) -> None:
        key = tuple(fold(t) for t in self._tokenize(phrase))
        if not key:
            return
        bucket = self.phrases.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.longest = max(self.longest, len(key))

    def _load(self) -> None:
        for row in _rows("countries.tsv"):
            iso3 = row["iso3"]
            code = row.get("cameo") or iso3
            country = Entry("country", row["name"], iso3, (), code)
            self.countries[iso3] = country
            for name in [row["name"], *_split(row.get("aliases", ""))]:
                self._add(name, country)
                if not name.lower().startswith("the "):
                    self._add("the " + name, country)
            for adj in _split(row.get("adjectives", "")):
                self._add(adj, Entry("adjective", row["name"], iso3, (), code))
            for capital in _split(row.get("capitals", "")):
                self._add(capital, Entry("capital", capital, iso3, ("GOV",), code + "GOV"))
            for seat in _split(row.get("seats", "")):
                place, _, role = seat.partition(":")
                role = (role or "GOV").upper()
                self._add(place, Entry("seat", place, iso3, (role,), code + role))
        for row in _rows("organisations.tsv"):
            roles = _roles(row.get("roles", ""))
            entry = Entry(
                "organisation", row["name"], row.get("country") or None, roles, row.get("code") or None
            )
            for name in [row["name"], *_split(row.get("aliases", ""))]:
                self._add(name, entry)
        for row in _rows("people.tsv"):
            entry = Entry(
                "person",
                row["name"],
                row.get("country") or None,
                _roles(row.get("roles", "")),
                None,
                row.get("title") or None,
                _date(row.get("start", "")),
                _date(row.get("end", ""), end=True),
            )
            for name in [row["name"], *_split(row.get("aliases", ""))]:
                self._add(name, entry)
        for row in _rows("agents.tsv"):
            roles = _roles(row.get("roles", ""))
            phrase = row.get("phrase", "")
            for form in {phrase, plural(phrase)}:
                key = tuple(fold(t) for t in self._tokenize(form))
                if key:
                    self.agents[key] = roles

    def country_code(self, iso3: str) -> str:
        """The CAMEO code of a country (mostly its ISO3; Romania is ``ROM``)."""
        entry = self.countries.get(iso3)
        return (entry.code if entry is not None else None) or iso3

    def match(self, tokens: Sequence[str], start: int) -> tuple[int, list[Entry]]:
        """The longest dictionary phrase starting at ``tokens[start]``: (length, entries)."""
        for n in range(min(self.longest, len(tokens) - start), 0, -1):
            found = self.phrases.get(tuple(tokens[start : start + n]))
            if found:
                return n, found
        return 0, []

    def agent_roles(self, tokens: Sequence[str]) -> tuple[int, tuple[str, ...]]:
        """Roles of the longest agent phrase that ends the ``tokens`` (a noun phrase up to its head)."""
        for n in range(min(4, len(tokens)), 0, -1):
            roles = self.agents.get(tuple(tokens[-n:]))
            if roles:
                return n, roles
        return 0, ()


_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "police": "police", "staff": "staff",
              "militia": "militias", "chief": "chiefs", "army": "armies", "military": "military"}  # fmt: skip


def plural(phrase: str) -> str:
    """English plural of a noun phrase's last word."""
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if last in _IRREGULAR:
        words[-1] = _IRREGULAR[last]
    elif last.endswith("man"):
        words[-1] = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        words[-1] = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        words[-1] = last + "es"
    else:
        words[-1] = last + "s"
    return " ".join(words)


@functools.lru_cache(maxsize=2)
def load(tokenizer_key: str = "default") -> Dictionary:
    """The dictionary, built once per process with the parser's tokenizer."""
    from eventwire.nlp import load as load_nlp

    nlp = load_nlp(None if tokenizer_key == "default" else tokenizer_key)
    tokenizer = nlp.tokenizer
    return Dictionary(lambda text: [t.text for t in tokenizer(text)])

"""Merged events as a GDELT 2.0 Event table: the 61 tab-separated columns of "The GDELT Event Database
Data Format Codebook V2.0" (2/19/2015), in its order, one event a line, no header line, UTF-8.

What each column holds (eventwire column in brackets):

- GlobalEventID: the first 15 hex digits of the event's id [id] as an integer (60 bits: stable from
  run to run, unique in practice, fits a signed 64-bit integer).
- Day (YYYYMMDD), MonthYear (YYYYMM), Year, FractionDate (year + day of year / 365, four decimals,
  as GDELT computes it): from [date]. An event with no date has these four columns empty.
- Actor1* from the source actor, Actor2* from the target; all ten empty when there is none.
  Code [code]; Name [name] as eventwire spells it (GDELT writes names in capitals);
  CountryCode: the CAMEO country code of [country] (ISO 3166-1 alpha-3) from
  actors/data/countries.tsv, cut to its first 3 letters so that a territory is coded under its
  sovereign (Kosovo XKX -> KSV, Timor-Leste TLS -> TMP, Puerto Rico USAPRI -> USA);
  Type1Code..Type3Code: the first three CAMEO role codes of [roles].
  KnownGroupCode, EthnicCode, Religion1Code, Religion2Code: empty (eventwire does not code them;
  a known group's code stays inside Code, e.g. IGOUNO).
- IsRootEvent: 1 for every event (eventwire does not know whether the event is in the lead
  paragraph; every merged event counts as a main event of its story).
- EventCode [cameo]; EventBaseCode its first 3 digits; EventRootCode its first 2 (a 2- or 3-digit
  code is its own base code, as in GDELT).
- QuadClass [quad_class] and GoldsteinScale [goldstein], from the CAMEO codebook when missing.
- NumMentions [num_mentions], NumSources [num_outlets], NumArticles [num_articles].
- AvgTone: empty. eventwire computes no tone, and 0 would read as neutral coverage.
- Actor1Geo_* and Actor2Geo_*: eventwire places events, not actors: Type 0 (GDELT's "no
  location"), the other seven columns empty.
- ActionGeo_* from the event's place [place_*]: Type 1 (country) when the place is a country,
  2 (US state) or 5 (first-level division elsewhere) for the divisions of geo/data/places.tsv,
  else 3 (US) or 4 (elsewhere): cities, and also regions, seas and rivers, for which GDELT has no
  type; 0 with the rest empty when there is no place. FullName: the place's name, then its
  country's name ("Kharkiv, Ukraine"). CountryCode: FIPS 10-4, converted from ISO alpha-3 with
  data/fips.tsv (empty where a territory has no FIPS code). ADM1Code and FeatureID: the FIPS
  country code for a country (GDELT's convention), else empty: eventwire has no ADM1 codes, and its
  GeoNames ids are not the GNS/GNIS feature ids GDELT writes. ADM2Code: empty. Lat, Long [place_lat,
  place_lon].
- DATEADDED (YYYYMMDDHHMMSS): the day the event was first reported [first_seen], else [date], at
  000000; empty when neither is known.
- SOURCEURL: the first report's URL [first_url].

Negated events ("did not attack") are left out unless ``include_negated``: GDELT has no negation
column, and a reader would count them as events that happened.

Empty means unknown. A reader that insists on a number in every numeric column (some do, for
AvgTone) must treat empty as missing. Tabs and line breaks inside text become spaces, so that every
line has exactly 61 columns.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.datafiles import rows as data_rows
from eventwire.events.codebook import lookup
from eventwire.export.files import atomic_text_output

logger = logging.getLogger(__name__)

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO),
    *(f"Actor2Geo_{name}" for name in _GEO),
    *(f"ActionGeo_{name}" for name in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""The GDELT 2.0 Event table's columns, in order."""

# Every character that some reader takes for a line or field break.
_BREAKS = re.compile("[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_HEX15 = re.compile("[0-9a-fA-F]{15}")
_NO_GEO = ["0", "", "", "", "", "", "", ""]


def global_event_id(event_id: str) -> int:
    """GDELT's integer id for an eventwire event id: its first 15 hex digits (the first 15 hex digits
    of its SHA-1 for an id that does not start with them)."""
    head = event_id[:15]
    if not _HEX15.fullmatch(head):
        head = hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15]
    return int(head, 16)


@functools.cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (3-letter CAMEO country code, English short name)."""
    out = {}
    for row in data_rows("eventwire.actors", "countries.tsv"):
        out[row["iso3"]] = ((row.get("cameo") or row["iso3"])[:3], row.get("name", ""))
    return out


@functools.cache
def _fips() -> dict[str, tuple[str, dict[str, str]]]:
    """ISO alpha-3 -> (default FIPS code, {place name folded: FIPS code for that place})."""
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for row in data_rows("eventwire.export", "fips.tsv"):
        default, by_place = out.get(row["iso3"], ("", {}))
        names = [n.strip().casefold() for n in row.get("places", "").split("|") if n.strip()]
        if names:
            by_place.update(dict.fromkeys(names, row["fips"]))
        else:
            default = row["fips"]
        out[row["iso3"]] = (default, by_place)
    return out


@functools.cache
def _admin1() -> frozenset[tuple[str, str]]:
    """(name folded, country) of the first-level divisions the gazetteer knows."""
    return frozenset(
        (row["name"].casefold(), (row.get("country") or "").split("|")[0])
        for row in data_rows("eventwire.geo", "places.tsv", required=False)
        if row.get("kind") == "admin1"
    )


def fips_code(iso3: str | None, place: str | None = None) -> str:
    """The FIPS 10-4 code of a country (ISO alpha-3), or of the part of it that ``place`` lies in;
    "" when it has none."""
    if not iso3:
        return ""
    default, by_place = _fips().get(iso3, ("", {}))
    return by_place.get(place.casefold(), default) if place else default


def _text(value: Any) -> str:
    return "" if value is None else _BREAKS.sub(" ", str(value))


def _number(value: Any) -> str:
    return "" if value is None else str(float(value))


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _dates(day: date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + day.timetuple().tm_yday / 365
    month = f"{day.year:04d}{day.month:02d}"  # f-strings: strftime is the slowest part of a line
    return [f"{month}{day.day:02d}", month, str(day.year), f"{fraction:.4f}"]


def _actor(row: Mapping[str, Any], side: str) -> list[str]:
    name, country = row.get(f"{side}_name"), row.get(f"{side}_country")
    code, roles = row.get(f"{side}_code"), row.get(f"{side}_roles")
    types = re.split(r"[\s|,]+", roles.strip())[:3] if roles and roles.strip() else []
    types += [""] * (3 - len(types))
    cameo_country = _countries().get(country, (country, ""))[0] if country else ""
    return [_text(code), _text(name), _text(cameo_country), "", "", "", "", *types]


def _action_geo(row: Mapping[str, Any]) -> list[str]:
    name, country = row.get("place_name"), row.get("place_country")
    lat, lon = row.get("place_lat"), row.get("place_lon")
    if not name and not country and lat is None and lon is None:
        return list(_NO_GEO)
    country_name = _countries().get(country, ("", ""))[1] if country else ""
    if country and (not name or name.casefold() == country_name.casefold()):
        kind, full = 1, country_name or name or country
    else:
        if ((name or "").casefold(), country or "") in _admin1():
            kind = 2 if country == "USA" else 5
        else:
            kind = 3 if country == "USA" else 4
        full = ", ".join(part for part in (name, country_name) if part)
    fips = fips_code(country, name)
    country_level = fips if kind == 1 else ""
    return [str(kind), _text(full), fips, country_level, "", _number(lat), _number(lon), country_level]


def line(row: Mapping[str, Any]) -> str:
    """One merged event (a row of the store's ``events`` table) as a GDELT line, newline included."""
    cameo = str(row["cameo"])
    known = lookup(cameo)
    quad = row.get("quad_class") if row.get("quad_class") is not None else known.quad
    goldstein = row.get("goldstein") if row.get("goldstein") is not None else known.goldstein
    added = _as_date(row.get("first_seen")) or _as_date(row.get("date"))
    cells = [
        str(global_event_id(str(row["id"]))),
        *_dates(_as_date(row.get("date"))),
        *_actor(row, "source"),
        *_actor(row, "target"),
        "1",
        _text(cameo),
        _text(cameo[:3]),
        _text(row.get("root") or cameo[:2]),
        "" if quad is None else str(int(quad)),
        _number(goldstein),
        str(int(row["num_mentions"])),
        str(int(row["num_outlets"])),
        str(int(row["num_articles"])),
        "",
        *_NO_GEO,
        *_NO_GEO,
        *_action_geo(row),
        f"{added.year:04d}{added.month:02d}{added.day:02d}000000" if added else "",
        _text(row.get("first_url")),
    ]
    return "\t".join(cells) + "\n"


def write(rows: Iterable[Mapping[str, Any]], path: str | Path, *, include_negated: bool = False) -> int:
    """Write merged events to ``path`` as a GDELT 2.0 Event table, streaming; return the number of
    lines written. Negated events are left out unless ``include_negated``.

    Raises:
        ConfigError: ``path`` cannot be written (nothing is left at ``path`` then).
    """
    written = skipped = 0
    with atomic_text_output(path) as out:
        for row in rows:
            if row.get("negated") and not include_negated:
                skipped += 1
                continue
            out.write(line(row))
            written += 1
    logger.info("wrote %d events to %s as GDELT (%d negated events left out)", written, path, skipped)
    return written

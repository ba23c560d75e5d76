"""First-level subdivisions: data/subdivisions.tsv (built from pycountry) and names with a type word."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.datafiles import rows
from eventwire.geo import find_places
from eventwire.geo.gazetteer import key, load
from eventwire.geo.subdivisions import _forms, _is_generic
from tests.geo.test_places import km


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return nlp.load(None)


@pytest.mark.parametrize(
    ("text", "mention", "country", "point"),
    [("Shelling hit villages in the Kherson region overnight, officials said.", "Kherson region", "UKR",
      (46.64, 32.61)),
     ("Rescuers reached towns in Hatay province after the quake.", "Hatay province", "TUR", (36.2, 36.16)),
     ("Gunmen attacked a passenger bus in Balochistan on Monday.", "Balochistan", "PAK", (28.5, 65.5)),
     ("Police in Kilifi county detained four men.", "Kilifi county", "KEN", (-3.63, 39.85)),
     ("Militia fighters clashed in the Benghazi district.", "Benghazi district", "LBY", (32.11, 20.07))],
)  # fmt: skip
def test_subdivision_in_a_sentence(
    model, text: str, mention: str, country: str, point: tuple[float, float]
) -> None:  # type: ignore[no-untyped-def]
    found = {p.text: p.place for p in find_places(model(text))}
    assert mention in found, found
    assert found[mention].kind == "admin1" and found[mention].country == country
    assert km((found[mention].lat, found[mention].lon), point) < 161


@pytest.mark.parametrize(
    "text",
    ["The Central Bank left rates unchanged while Northern Rail cut services.",
     "Central planning failed, and Eastern traders blamed the Capital markets."],
)  # fmt: skip
def test_direction_and_common_words_are_not_places(model, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_places(model(text)) == []


def test_georgia_in_a_caucasus_story_is_the_country(model) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops stayed in Abkhazia, and Georgia protested to Moscow."
    found = {p.text: p.place for p in find_places(model(text))}
    assert found["Georgia"].kind == "country" and found["Georgia"].country == "GEO"


@pytest.mark.parametrize("name", ["Kherson", "Nablus", "Chiang Mai", "Benghazi", "Georgia"])
def test_a_bare_name_stays_the_city_or_country(name: str) -> None:
    assert load().lookup(name)[0].kind in ("city", "country")


@pytest.mark.parametrize(
    ("name", "country"),
    [("Chiang Mai province", "THA"), ("Nablus governorate", "PSE"), ("Aktobe region", "KAZ"),
     ("Gifu prefecture", "JPN"), ("Misratah district", "LBY")],
)  # fmt: skip
def test_gazetteer_has_subdivisions_from_pycountry(name: str, country: str) -> None:
    (place,) = load().lookup(name)
    assert place.kind == "admin1" and place.country == country


def test_subdivision_file_names_no_direction_country_or_city() -> None:
    records = rows("eventwire.geo", "subdivisions.tsv")
    assert len(records) > 500
    gazetteer = load()
    for row in records:
        for name in row["names"].split("|"):
            assert not _is_generic(name), name
            assert all(p.kind not in ("city", "country") for p in gazetteer.lookup(name)), name


@pytest.mark.parametrize(
    ("name", "full", "cores"),
    [("Tatarstan, Respublika", ["Respublika Tatarstan"], ["Tatarstan"]),
     ("Catalunya [Cataluña]", ["Catalunya", "Cataluña"], ["Catalunya", "Cataluña"]),
     ("Anhui Sheng", ["Anhui Sheng"], ["Anhui"]),
     ("Leningradskaya oblast'", ["Leningradskaya oblast'"], []),
     ("Uppsala län [SE-03]", ["Uppsala län"], ["Uppsala"])],
)  # fmt: skip
def test_forms_of_iso_names(name: str, full: list[str], cores: list[str]) -> None:
    assert _forms(name) == (full, cores)


def test_subdivision_file_is_what_the_builder_makes() -> None:
    pytest.importorskip("pycountry")
    from eventwire.geo.subdivisions import build

    found, _ = build()
    assert [r["code"] for r in rows("eventwire.geo", "subdivisions.tsv")] == [s.code for s in found]
    assert key("Kherson region") not in {key(n) for s in found for n in s.names}  # places.tsv has it

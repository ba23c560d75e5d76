"""The GDELT 2.0 Event table export, read back by a small reader written here to GDELT's documented
layout (The GDELT Event Database Data Format Codebook V2.0, 2/19/2015), not to the exporter's."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from eventwire.events.codebook import lookup
from eventwire.export import gdelt
from tests.export.conftest import event

GDELT_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
INTS = {"GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
        "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}  # fmt: skip
FLOATS = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
          "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}  # fmt: skip

# What the export converts: CAMEO country codes of the actors, FIPS 10-4 and GDELT's geographic type
# of the event's place.
EXPECTED = {
    "3fa1c2d4e5f60718293a4b5c6d7e8f9012345678": ("TUR", "SYR", 4, "SY", "Damascus, Syria"),
    "7700aa11bb22cc33dd44ee55ff66778899aabbcc": ("PSE", "", 0, "", ""),
    "deadbeef0123456789abcdef0123456789abcdef": ("KSV", "", 4, "GZ", "Khān Yūnis, Palestine"),
    "0123456789abcdef0123456789abcdef01234567": ("USA", "MEX", 2, "US", "Texas, United States"),
    "fedcba9876543210fedcba9876543210fedcba98": ("UKR", "", 4, "UP", "Kharkiv, Ukraine"),
}


def read_gdelt(path: Path) -> list[dict[str, Any]]:
    """GDELT 2.0 events: tab-separated, "\\n"-terminated lines of 61 columns; empty means missing."""
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("\n") and "\r" not in text
    out = []
    for line in text[:-1].split("\n"):
        cells = line.split("\t")
        assert len(cells) == 61, line
        record: dict[str, Any] = {}
        for name, cell in zip(GDELT_COLUMNS, cells, strict=True):
            if name in INTS:
                record[name] = int(cell) if cell else None
            elif name in FLOATS:
                record[name] = float(cell) if cell else None
            else:
                record[name] = cell
        out.append(record)
    return out


def _clean(text: str | None) -> str:
    """Text as a GDELT field holds it: each tab or line break a space."""
    return re.sub("[\t\r\n\u2028]", " ", text or "")


def _day(value: date | None) -> int | None:
    return int(value.strftime("%Y%m%d")) if value else None


def test_columns_are_gdelts() -> None:
    assert list(gdelt.COLUMNS) == GDELT_COLUMNS


def test_every_line_has_61_columns(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    gdelt.write(rows, path, include_negated=True)
    lines = path.read_text("utf-8").split("\n")
    assert lines[-1] == ""
    assert [len(line.split("\t")) for line in lines[:-1]] == [61] * len(rows)


def test_negated_events_are_left_out(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    assert gdelt.write(rows, path) == len(rows) - 1
    ids = {record["GlobalEventID"] for record in read_gdelt(path)}
    assert gdelt.global_event_id("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00") not in ids
    assert gdelt.write(rows, path, include_negated=True) == len(rows)


def test_reader_recovers_every_event(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    gdelt.write(rows, path)
    records = {record["GlobalEventID"]: record for record in read_gdelt(path)}
    kept = [row for row in rows if not row["negated"]]
    assert len(records) == len(kept)
    for row in kept:
        got = records[int(row["id"][:15], 16)]
        known = lookup(row["cameo"])
        country1, country2, geo_type, fips, full_name = EXPECTED[row["id"]]
        roles = (row["source_roles"] or "").split()[:3]
        assert got["Day"] == _day(row["date"])
        if row["date"]:
            assert got["MonthYear"] == row["date"].year * 100 + row["date"].month
            assert got["Year"] == row["date"].year
            fraction = row["date"].year + row["date"].timetuple().tm_yday / 365  # GDELT's definition
            assert got["FractionDate"] == round(fraction, 4)
        else:
            assert got["MonthYear"] is got["Year"] is got["FractionDate"] is None
        assert got["Actor1Code"] == row["source_code"]
        assert got["Actor1Name"] == _clean(row["source_name"])
        assert got["Actor1CountryCode"] == country1
        assert [got["Actor1Type1Code"], got["Actor1Type2Code"], got["Actor1Type3Code"]] == roles + [""] * (
            3 - len(roles)
        )
        assert got["Actor2Code"] == (row["target_code"] or "")
        assert got["Actor2Name"] == (row["target_name"] or "")
        assert got["Actor2CountryCode"] == country2
        assert got["IsRootEvent"] == 1
        assert got["EventCode"] == row["cameo"]
        assert got["EventBaseCode"] == row["cameo"][:3]
        assert got["EventRootCode"] == row["root"] == row["cameo"][:2]
        assert got["QuadClass"] == (row["quad_class"] or known.quad)
        assert got["GoldsteinScale"] == (
            row["goldstein"] if row["goldstein"] is not None else known.goldstein
        )
        assert got["NumMentions"] == row["num_mentions"]
        assert got["NumArticles"] == row["num_articles"]
        assert got["NumSources"] == row["num_outlets"]
        assert got["AvgTone"] is None
        assert got["Actor1Geo_Type"] == got["Actor2Geo_Type"] == 0
        assert got["ActionGeo_Type"] == geo_type
        assert got["ActionGeo_FullName"] == full_name
        assert got["ActionGeo_CountryCode"] == fips
        assert got["ActionGeo_Lat"] == row["place_lat"]
        assert got["ActionGeo_Long"] == row["place_lon"]
        added = row["first_seen"] or row["date"]
        assert got["DATEADDED"] == (_day(added) * 1_000_000 if added else None)
        assert got["SOURCEURL"] == (row["first_url"] or "")


def test_country_level_place_uses_fips_for_adm1_and_feature(
    rows: list[dict[str, Any]], tmp_path: Path
) -> None:
    negated = next(row for row in rows if row["negated"])
    path = tmp_path / "events.tsv"
    gdelt.write([negated], path, include_negated=True)
    (got,) = read_gdelt(path)
    assert (got["ActionGeo_Type"], got["ActionGeo_FullName"]) == (1, "Ukraine")
    assert got["ActionGeo_CountryCode"] == got["ActionGeo_ADM1Code"] == got["ActionGeo_FeatureID"] == "UP"


def test_global_event_ids_are_unique_integers(rows: list[dict[str, Any]]) -> None:
    ids = [gdelt.global_event_id(row["id"]) for row in rows]
    assert len(set(ids)) == len(ids)
    assert all(0 <= i < 2**63 for i in ids)
    assert gdelt.global_event_id("not-hex") == gdelt.global_event_id("not-hex") >= 0


def test_stable_ids_give_stable_files(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    gdelt.write(rows, tmp_path / "a.tsv")
    gdelt.write(reversed(rows), tmp_path / "b.tsv")
    a = (tmp_path / "a.tsv").read_text("utf-8").splitlines()
    b = (tmp_path / "b.tsv").read_text("utf-8").splitlines()
    assert a == b[::-1]


def test_fips_codes() -> None:
    assert gdelt.fips_code("UKR") == "UP"
    assert gdelt.fips_code("DEU", "Berlin") == "GM"
    assert gdelt.fips_code("PSE", "Ramallah") == "WE"
    assert gdelt.fips_code("PSE", "Gaza Strip") == "GZ"
    assert gdelt.fips_code("XKX") == "KV"
    assert gdelt.fips_code("UMI") == gdelt.fips_code(None) == gdelt.fips_code("ZZZ") == ""


@given(
    text=st.text(st.characters(blacklist_categories=("Cs",))),
    code=st.sampled_from(["01", "036", "0874", "14", "1124", "20"]),
)
def test_any_text_gives_one_line_of_61_columns(text: str, code: str) -> None:
    row = event(
        id="ab" * 20, story_id="cd" * 20, source_name=text, target_name=text, cameo=code, root=code[:2],
        negated=False, modality="asserted", place_name=text or None, first_url=text, sentence=text,
        first_article_id="ef" * 20, num_mentions=1, num_articles=1, num_outlets=1,
    )  # fmt: skip
    line = gdelt.line(row)
    assert line.endswith("\n")
    assert len(line[:-1].splitlines()) == 1
    assert len(line[:-1].split("\t")) == 61

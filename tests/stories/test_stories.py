"""Story grouping: articles written for these tests (invented reports), grouped as they arrive."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.store.write import stored_features
from eventwire.stories import StoryDoc, StoryGrouper, doc_from_record, features, fingerprint
from eventwire.stories import grouper as grouper_module

# derandomize: the same examples on every run, so CI is stable; no example database is written.
PROPERTY = settings(
    deadline=None,
    max_examples=150,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SUMMIT_WIRE = (
    "SAMARKAND, Uzbekistan - The presidents of Kazakhstan and Uzbekistan signed an agreement on "
    "Tuesday to share the water of the Syr Darya river, ending a dispute that has strained relations "
    "between the two Central Asian neighbours for more than a decade.\n"
    "Under the deal, signed at a summit in Samarkand, Uzbekistan will release 1.2 billion cubic metres "
    "of water from the Toktogul reservoir system during the summer irrigation season, and Kazakhstan "
    "will supply electricity to Uzbek farms in winter.\n"
    "President Nurlan Abenov of Kazakhstan called the agreement a turning point for farmers in the "
    "south of his country, where cotton and rice fields dried out last summer.\n"
    '"Water must unite us, not divide us," Uzbek President Timur Rashidov told reporters after the '
    "signing ceremony.\n"
    "The two governments will set up a joint commission to monitor the river's flow and settle "
    "disputes, and plan to build a new reservoir near the border by 2028."
)
SUMMIT_WIRE_TITLE = "Kazakhstan, Uzbekistan sign Syr Darya water deal"

SUMMIT_COPY_TITLE = "Central Asian neighbours end river row at Samarkand summit"
SUMMIT_COPY = (
    SUMMIT_WIRE + "\nThe summit was the first visit by a Kazakh president to Samarkand in six years. "
    "(Reporting by the Almaty bureau; editing by the Central Asia desk)"
)

SUMMIT_OWN_TITLE = "Abenov and Rashidov settle water dispute"
SUMMIT_OWN = (
    "Kazakhstan and Uzbekistan have agreed to share the flow of the Syr Darya, the river that waters "
    "cotton and rice farms in both countries, after talks between President Nurlan Abenov and "
    "President Timur Rashidov in Samarkand.\n"
    "The water agreement gives Kazakh farmers 1.2 billion cubic metres from the Toktogul reservoir "
    "in summer. In return, Kazakhstan sends electricity to Uzbekistan in winter, when the Uzbek grid "
    "is short of power.\n"
    "A joint commission will watch the river and settle future disputes. Farmers in southern "
    "Kazakhstan lost much of their rice harvest last year when the river ran low.\n"
    "Analysts said the summit showed how far relations had warmed since Rashidov took office."
)

SUMMIT_ANALYSIS_TITLE = "A river deal that Central Asia has waited a decade for"
SUMMIT_ANALYSIS = (
    "For ten years the Syr Darya has divided Kazakhstan and Uzbekistan. The water agreement signed in "
    "Samarkand this week by Nurlan Abenov and Timur Rashidov changes that: the Toktogul reservoir "
    "will release water for the summer irrigation season and Kazakh electricity will flow south in "
    "winter.\n"
    "Diplomats credit Rashidov, who has mended ties with every neighbour since taking office, and a "
    "drought that ruined cotton and rice crops along the river last summer.\n"
    "Whether the joint commission can settle disputes over the river's flow in a dry year is the "
    "real test, farmers' groups say."
)

TASHKENT_BREAD_TITLE = "Uzbekistan raises bread prices as wheat imports cost more"
TASHKENT_BREAD = (
    "TASHKENT - Uzbekistan's government raised the price of subsidised bread by 15 percent on Monday, "
    "blaming the rising cost of wheat imports from Russia and a weaker currency.\n"
    "Bakeries in Tashkent said queues formed early as shoppers stocked up before the new prices took "
    "effect. The finance ministry said the subsidy would still cover about a third of the cost of a "
    "loaf.\n"
    "Economists expect inflation to rise above 11 percent this year. The central bank left its main "
    "interest rate unchanged last month.\n"
    "The government said it would give cash payments to pensioners and families with many children to "
    "soften the increase."
)

TASHKENT_FOOTBALL_TITLE = "Uzbekistan beat Jordan to reach Asian Cup quarter-finals"
TASHKENT_FOOTBALL = (
    "Uzbekistan reached the quarter-finals of the Asian Cup with a 2-1 win over Jordan in Doha on "
    "Sunday, striker Bekzod Tursunov scoring the winner in the 88th minute.\n"
    "Jordan had equalised through a penalty early in the second half, and the Uzbek side had a goal "
    "ruled out for offside before Tursunov headed in a corner.\n"
    "Coach Marek Novak said his players had shown great character. Uzbekistan will play Qatar or "
    "Palestine for a place in the semi-finals.\n"
    "Thousands of fans celebrated in the streets of Tashkent after the final whistle."
)

CHILE_STORM_TITLE = "Storm floods port city in southern Chile"
CHILE_STORM = (
    "PUERTO MONTT, Chile - A winter storm flooded the harbour district of Puerto Montt on Wednesday, "
    "forcing hundreds of families from their homes and closing the port to salmon ships.\n"
    "Firefighters used boats to rescue residents trapped by water that rose more than a metre in "
    "some streets. The navy said winds reached 110 kilometres an hour.\n"
    "The regional governor declared a state of emergency and schools were closed for two days."
)

# Summit ids in arrival order, then the rest.
ARTICLES: list[dict[str, Any]] = [
    {"id": "wire", "title": SUMMIT_WIRE_TITLE, "text": SUMMIT_WIRE, "url": "https://wire.example.com/a/1"},
    {"id": "bread", "title": TASHKENT_BREAD_TITLE, "text": TASHKENT_BREAD, "outlet": "tashkent-daily"},
    {"id": "copy", "title": SUMMIT_COPY_TITLE, "text": SUMMIT_COPY, "url": "https://www.paper.example.org/x"},
    {"id": "storm", "title": CHILE_STORM_TITLE, "text": CHILE_STORM, "outlet": "andes-news"},
    {"id": "own", "title": SUMMIT_OWN_TITLE, "text": SUMMIT_OWN, "outlet": "steppe-times"},
    {"id": "football", "title": TASHKENT_FOOTBALL_TITLE, "text": TASHKENT_FOOTBALL, "outlet": "sport24"},
    {"id": "analysis", "title": SUMMIT_ANALYSIS_TITLE, "text": SUMMIT_ANALYSIS, "outlet": "region-review"},
]
SUMMIT = ["wire", "copy", "own", "analysis"]


def group(records: list[dict[str, Any]], grouper: StoryGrouper | None = None) -> dict[str, str]:
    """doc id -> story id, adding ``records`` in order."""
    grouper = StoryGrouper() if grouper is None else grouper
    out = {}
    for record in records:
        doc = doc_from_record(record)
        out[doc.id] = grouper.add(doc.id, features(doc), doc.published, doc.outlet)
    return out


def dated(record: dict[str, Any], day: str, new_id: str | None = None) -> dict[str, Any]:
    return {**record, "date": day, "id": new_id or record["id"]}


# -- doc_from_record ------------------------------------------------------------------------------


def test_doc_from_record_reads_every_field() -> None:
    doc = doc_from_record(
        {
            "id": 7,
            "text": "Body.",
            "title": "T",
            "url": "https://www.news.example.co.uk/world/1",
            "date": "2024-03-01",
        }
    )
    assert doc == StoryDoc(
        "7", "T", "Body.", "https://www.news.example.co.uk/world/1", "news.example.co.uk", dt.date(2024, 3, 1)
    )


@pytest.mark.parametrize(
    ("record", "outlet"),
    [
        ({"text": "x", "url": "https://www.wire.example.com/world/a"}, "wire.example.com"),
        ({"text": "x", "url": "https://news.example.org/a", "outlet": "Example News"}, "Example News"),
        (
            {
                "text": "x",
                "url": "https://web.archive.org/web/20190301120000/https://www.daily.example.net/a",
            },
            "daily.example.net",
        ),
        ({"text": "x"}, None),
    ],
)
def test_outlet_comes_from_the_record_or_the_url_host(record: dict[str, Any], outlet: str | None) -> None:
    assert doc_from_record(record).outlet == outlet


def test_published_is_read_from_date_or_published() -> None:
    assert doc_from_record({"text": "x", "published": "Tue, 05 Mar 2024 10:00:00 GMT"}).published == dt.date(
        2024, 3, 5
    )
    assert doc_from_record({"text": "x", "date": "not a date"}).published is None


def test_an_id_is_made_when_the_record_has_none() -> None:
    by_text = doc_from_record({"text": "Same words."})
    assert by_text.id == doc_from_record({"text": "Same words."}).id
    assert by_text.id != doc_from_record({"text": "Other words."}).id
    by_url = doc_from_record({"text": "a", "url": "https://example.com/1"})
    assert by_url.id == doc_from_record({"text": "b", "url": "https://example.com/1"}).id


@pytest.mark.parametrize(
    ("record", "expected"),
    [({"id": "a"}, 'no "text" field'), ({"id": "a", "text": ["x"]}, '"text" is list, not a string')],
)
def test_a_record_without_text_is_refused_in_one_line(record: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValueError, match=expected) as caught:
        doc_from_record(record)
    assert "\n" not in str(caught.value)


@PROPERTY
@given(
    record=st.dictionaries(
        st.sampled_from(["id", "text", "title", "url", "outlet", "date", "published"]),
        st.none() | st.booleans() | st.integers() | st.text() | st.lists(st.text(), max_size=2),
    )
)
def test_doc_from_record_gives_a_doc_or_a_value_error(record: dict[str, Any]) -> None:
    try:
        doc = doc_from_record(record)
    except ValueError as exc:
        assert not isinstance(record.get("text"), str)
        assert "\n" not in str(exc)
    else:
        assert doc.text == record["text"] and doc.id


# -- features -------------------------------------------------------------------------------------


def _plain_json(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain_json(v) for v in value)
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def test_features_are_plain_json_and_compact() -> None:
    long_doc = doc_from_record({"id": "long", "title": SUMMIT_WIRE_TITLE, "text": SUMMIT_WIRE * 40})
    for doc in (doc_from_record(ARTICLES[0]), long_doc):
        feats = features(doc)
        assert _plain_json(feats)
        assert json.loads(json.dumps(feats)) == feats
        assert len(json.dumps(stored_features(feats))) < 4000
    passages = features(long_doc)["passages"]
    assert 0 < len(passages) <= fingerprint.PASSAGE_TEXT // fingerprint.PASSAGE_CHARS + 1


def test_features_hold_names_numbers_and_title_words() -> None:
    feats = features(doc_from_record(ARTICLES[0]))
    names = {name for name, _ in feats["names"]}
    assert {"kazakhstan", "samarkand", "toktogul", "abenov", "1.2", "2028"} <= names
    assert "signed" not in names and "under" not in names  # capitalised only to start a sentence
    assert feats["title"] == ["kazakhstan", "uzbekistan", "sign", "syr", "darya", "water", "deal"]
    assert dict(feats["terms"])["water"] == 3
    # A pair of names is kept when it comes back.
    pair = features(
        StoryDoc("p", None, "Nurlan Abenov met the press. Later Nurlan Abenov left.", None, None, None)
    )
    assert ["nurlan abenov", 2] in pair["names"]


@PROPERTY
@given(text=st.text(), title=st.none() | st.text(max_size=80))
def test_features_never_fail_and_stay_plain_json(text: str, title: str | None) -> None:
    feats = features(StoryDoc("x", title, text, None, None, None))
    assert _plain_json(feats)
    assert StoryGrouper().add("x", feats, None, None) == "x"


def test_features_of_an_empty_text() -> None:
    feats = features(doc_from_record({"text": ""}))
    assert feats["minhash"] == [] and feats["terms"] == [] and feats["size"] == 0


def test_features_are_the_same_in_every_process() -> None:
    """Workers compute features and the store keeps them: string hashing must not leak in."""
    code = (
        "import json, sys; from eventwire.stories import doc_from_record, features; "
        "print(json.dumps(features(doc_from_record(json.loads(sys.stdin.read())))))"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(ARTICLES[4]),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


# -- grouping -------------------------------------------------------------------------------------


def test_reports_of_one_story_group_and_unrelated_stories_do_not() -> None:
    stories = group(ARTICLES)
    assert {stories[i] for i in SUMMIT} == {"wire"}  # the story's id is its first article's
    for other in ("bread", "storm", "football"):
        assert stories[other] == other


def test_a_wire_copy_with_another_headline_and_a_tail_joins_its_story() -> None:
    stories = group([ARTICLES[0], ARTICLES[3], ARTICLES[2]])
    assert stories["copy"] == "wire"


def test_wire_copies_are_found_by_their_shingles(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the word-vector link switched off, the MinHash index alone still finds the copy."""
    monkeypatch.setattr(grouper_module, "LINK_THRESHOLD", 1.01)
    stories = group(ARTICLES)
    assert stories["copy"] == "wire"
    assert stories["own"] == "own"


@pytest.mark.parametrize("report", ["own", "analysis"])
def test_a_differently_worded_report_joins_its_story(report: str) -> None:
    records = {r["id"]: r for r in ARTICLES}
    stories = group([records["wire"], records["bread"], records["storm"], records[report]])
    assert stories[report] == "wire"


def test_two_stories_about_one_country_stay_apart() -> None:
    stories = group([ARTICLES[1], ARTICLES[5], ARTICLES[0]])
    assert stories == {"bread": "bread", "football": "football", "wire": "wire"}


def test_reports_further_apart_than_the_window_start_new_stories() -> None:
    grouper = StoryGrouper(window_days=7)
    stories = group(
        [
            dated(ARTICLES[0], "2024-05-07"),
            dated(ARTICLES[4], "2024-05-10"),  # 3 days later: same story
            dated(ARTICLES[6], "2024-06-20"),  # 6 weeks later: a story of its own
        ],
        grouper,
    )
    assert stories == {"wire": "wire", "own": "wire", "analysis": "analysis"}
    assert len(grouper) == 1  # the May articles were forgotten when June arrived


def test_an_older_article_arriving_late_is_compared_only_within_its_window() -> None:
    stories = group([dated(ARTICLES[0], "2024-05-07"), dated(ARTICLES[2], "2024-05-01", "late-copy")])
    assert stories["late-copy"] == "wire"
    stories = group([dated(ARTICLES[0], "2024-05-07"), dated(ARTICLES[2], "2024-04-01", "old-copy")])
    assert stories["old-copy"] == "old-copy"


def test_undated_articles_are_compared_with_everything_in_memory() -> None:
    stories = group([dated(ARTICLES[0], "2024-05-07"), ARTICLES[2]])
    assert stories["copy"] == "wire"


def test_max_docs_bounds_memory_oldest_first() -> None:
    grouper = StoryGrouper(max_docs=2)
    stories = group([ARTICLES[0], ARTICLES[1], ARTICLES[3], ARTICLES[2]], grouper)
    assert len(grouper) == 2
    assert stories["copy"] == "copy"  # "wire" was forgotten
    assert grouper.story_of("wire") is None and grouper.story_of("copy") == "copy"


def test_an_article_added_twice_keeps_its_story() -> None:
    grouper = StoryGrouper()
    group(ARTICLES, grouper)
    doc = doc_from_record(ARTICLES[2])
    assert grouper.add(doc.id, features(doc), doc.published, doc.outlet) == "wire"
    assert len(grouper) == len(ARTICLES)


def test_outlets_of_a_story() -> None:
    grouper = StoryGrouper()
    group(ARTICLES, grouper)
    assert grouper.outlets("wire") == [
        "wire.example.com",
        "paper.example.org",
        "steppe-times",
        "region-review",
    ]


def test_short_pages_do_not_join_stories() -> None:
    stub = {"id": "stub", "text": "Kazakhstan Uzbekistan water deal."}
    assert group([ARTICLES[0], stub])["stub"] == "stub"


@pytest.mark.parametrize("restored", range(len(ARTICLES) + 1))
def test_restore_then_add_gives_what_add_gave(restored: int) -> None:
    records = [dated(r, f"2024-05-{1 + 2 * i:02d}") if i % 3 else r for i, r in enumerate(ARTICLES)]
    records += [dated(ARTICLES[4], "2024-05-30", "own-again"), dated(ARTICLES[2], "2024-05-12", "copy-2")]
    docs = [doc_from_record(r) for r in records]
    # Features as the store gives them back: through JSON.
    feats = [json.loads(json.dumps(features(d))) for d in docs]
    first = StoryGrouper(window_days=7, max_docs=6)
    expected = [first.add(d.id, f, d.published, d.outlet) for d, f in zip(docs, feats, strict=True)]

    second = StoryGrouper(window_days=7, max_docs=6)
    for d, f, story in zip(docs[:restored], feats[:restored], expected, strict=False):
        second.restore(d.id, f, d.published, d.outlet, story)
    later = [
        second.add(d.id, f, d.published, d.outlet)
        for d, f in zip(docs[restored:], feats[restored:], strict=True)
    ]
    assert later == expected[restored:]
    assert len(second) == len(first)
    assert [second.story_of(d.id) for d in docs] == [first.story_of(d.id) for d in docs]


def test_restoring_the_newest_articles_after_a_restart_gives_what_add_gave() -> None:
    """After a restart the store restores only the last max_docs articles it holds."""
    again = [{**ARTICLES[i], "id": f"{ARTICLES[i]['id']}-2"} for i in (4, 1, 6, 3, 2)]
    docs = [doc_from_record(r) for r in ARTICLES + again]
    feats = [json.loads(json.dumps(features(d))) for d in docs]
    first = StoryGrouper(max_docs=4)
    expected = [first.add(d.id, f, d.published, d.outlet) for d, f in zip(docs, feats, strict=True)]

    restarted = StoryGrouper(max_docs=4)
    held = len(ARTICLES)
    for d, f, story in list(zip(docs, feats, expected, strict=True))[held - 4 : held]:
        restarted.restore(d.id, f, d.published, d.outlet, story)
    later = [
        restarted.add(d.id, f, d.published, d.outlet) for d, f in zip(docs[held:], feats[held:], strict=True)
    ]
    assert later == expected[held:]
    assert later[0] == "wire"  # "own-2" joins through "own", still in memory


def test_stored_features_of_an_older_shape_still_load() -> None:
    grouper = StoryGrouper()
    assert grouper.add("a", {}, None, None) == "a"
    assert grouper.add("b", {"terms": [["water", 2], ["bad"]], "minhash": [1, 2]}, None, None) == "b"


@pytest.mark.parametrize(
    ("kwargs", "message"), [({"window_days": -1}, "window_days"), ({"max_docs": 0}, "max_docs")]
)
def test_bad_grouper_settings_are_refused(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        StoryGrouper(**kwargs)


# -- command line ---------------------------------------------------------------------------------


def test_cluster_command_writes_one_story_per_article_in_order(
    run_cli: Callable[..., Result], tmp_path
) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in ARTICLES), encoding="utf-8")
    result = run_cli("cluster", str(source))
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [r["id"] for r in ARTICLES]
    assert all(set(line) == {"id", "story"} for line in lines)
    assert {line["story"] for line in lines if line["id"] in SUMMIT} == {"wire"}


def test_cluster_command_reports_a_bad_line_in_one_line(run_cli: Callable[..., Result]) -> None:
    stdin = json.dumps(ARTICLES[0]) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n"
    result = run_cli("cluster", "-", input=stdin)
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["wire"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 2
    assert errors[0].startswith("Error: <stdin>:2: ")
    assert errors[1].startswith('Error: <stdin>:3: no "text" field')
    assert "Traceback" not in result.stderr


def test_doc_from_record_dates_by_the_url_when_no_date_is_given() -> None:
    record = {"id": "a", "text": "x", "url": "https://example.com/2004/11/16/rice.powell/"}
    assert doc_from_record(record).published == dt.date(2004, 11, 16)
    assert doc_from_record({**record, "date": "2004-11-17"}).published == dt.date(2004, 11, 17)
    assert doc_from_record({"id": "b", "text": "x", "url": "https://example.com/news/7"}).published is None


# -- long pages: transcripts, archives of posts ---------------------------------------------------

_BRIEFING_PARTS = [
    "Q: On the harbour project in Gdynia, when will the dredging contract be signed? A: The port "
    "authority expects to sign with the winning consortium before the end of the quarter, and "
    "dredging of the outer channel should begin in spring.",
    "Q: Can you confirm the number of rail wagons ordered for the grain corridor? A: The ministry "
    "has ordered 640 covered hopper wagons from two factories, with the first 80 due in March.",
    "Q: What about the copper smelter emissions case before the court in Lubin? A: The inspectorate "
    "filed its expert report last week; the judges will hear the company's reply next month.",
    "Q: Is the ministry changing the fishing quotas for herring in the Gulf of Riga? A: The quota "
    "talks resume in Brussels on Thursday; our delegation will ask for the same catch as last year.",
    "Q: There were reports of a cyber attack on the tax office portal. A: The portal was slow for "
    "two hours on Monday because of a hardware fault; no data was taken and filing deadlines stand.",
]


def _briefing(with_summit: bool) -> str:
    parts = [f"{p} (Session {n}.)" for n in range(1, 7) for p in _BRIEFING_PARTS]
    if with_summit:
        parts.insert(7, "Q: And the water agreement in Samarkand? A: " + SUMMIT_OWN.replace("\n", " "))
    return "\n".join(parts)


def test_a_long_page_that_tells_the_story_in_one_part_joins_it() -> None:
    page = {"id": "briefing", "title": "Daily press briefing", "text": _briefing(with_summit=True)}
    assert len(page["text"]) > 6_000
    assert features(doc_from_record(page))["passages"]
    stories = group([ARTICLES[0], page])
    assert stories["briefing"] == "wire"


def test_a_long_page_does_not_pull_later_reports_of_its_parts_into_one_story() -> None:
    page = {"id": "briefing", "title": "Daily press briefing", "text": _briefing(with_summit=True)}
    stories = group([page, ARTICLES[0], ARTICLES[1]])
    assert stories == {"briefing": "briefing", "wire": "wire", "bread": "bread"}


def test_a_long_page_without_the_story_stays_apart() -> None:
    page = {"id": "briefing", "title": "Daily press briefing", "text": _briefing(with_summit=False)}
    stories = group([ARTICLES[0], page])
    assert stories["briefing"] == "briefing"


def test_passages_are_not_kept_with_the_stored_features() -> None:
    page = {"id": "briefing", "title": "Daily press briefing", "text": _briefing(with_summit=True)}
    feats = features(doc_from_record(page))
    assert "passages" in feats and "passages" not in stored_features(feats)
    assert stored_features(feats)["terms"] == feats["terms"]

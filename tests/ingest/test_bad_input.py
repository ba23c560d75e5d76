"""Bad inputs through the command line: one actionable line per bad input, exit 1 (0 with
--skip-bad), the good inputs still processed, never a traceback, never a secret echoed."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest.encoding import decode
from eventwire.records import Skipped

GOOD_TEXT = (
    "Talks resume in Baku\n\nThe foreign ministers of Armenia and Azerbaijan met on Tuesday for talks.\n"
)
GOOD_JSONL_1 = {
    "title": "Trade talks",
    "text": "Ministers of Ukraine and Poland met in Lublin on Monday to discuss trade.",
}
GOOD_JSONL_2 = {
    "title": "Transit talks",
    "text": "Leaders of Georgia and Armenia met in Tbilisi on Friday to discuss transit.",
}
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00" + b"\x00" * 40
)
UNDETECTABLE = bytes(range(128, 256)) * 4


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("article.txt", GOOD_TEXT)
    return out.getvalue()


def _truncated_gz() -> bytes:
    whole = gzip.compress((GOOD_TEXT + "More words about the talks. " * 400).encode())
    return whole[: len(whole) // 2]


@dataclass
class Case:
    """Files to write, the CLI arguments (names relative to tmp_path), and what must come out."""

    files: dict[str, bytes]
    args: list[str]
    bad: list[tuple[str, tuple[str, ...]]]  # (where, words the line must hold: problem, then hint)
    good: int = 0
    options: list[str] = field(default_factory=list)


def _undetectable() -> Case:
    try:
        decode(UNDETECTABLE, "probe")
    except InputError:
        pass
    else:  # pragma: no cover - depends on the charset-normalizer release
        pytest.skip("this charset-normalizer release finds an encoding for every byte string we can build")
    return Case({"noise.txt": UNDETECTABLE}, ["noise.txt"], [("noise.txt", ("encoding", "--encoding"))])


CASES: dict[str, Callable[[], Case]] = {
    "empty-file": lambda: Case({"empty.txt": b""}, ["empty.txt"], [("empty.txt", ("empty", "remove"))]),
    "blank-file": lambda: Case(
        {"blank.txt": b"\n  \n\t\n"}, ["blank.txt"], [("blank.txt", ("empty", "remove"))]
    ),
    "png-image": lambda: Case({"photo.png": PNG}, ["photo.png"], [("photo.png", ("PNG", "remove"))]),
    "png-named-txt": lambda: Case({"photo.txt": PNG}, ["photo.txt"], [("photo.txt", ("PNG", "remove"))]),
    "zip": lambda: Case({"bundle.zip": _zip()}, ["bundle.zip"], [("bundle.zip", ("ZIP", "remove"))]),
    "truncated-gz": lambda: Case(
        {"dump.txt.gz": _truncated_gz()}, ["dump.txt.gz"], [("dump.txt.gz", ("truncated", "re-download"))]
    ),
    "long-line-over-max-chars": lambda: Case(
        {"long.txt": b"word " * 1000},
        ["long.txt"],
        [("long.txt", ("max-chars", "split"))],
        options=["--max-chars", "1000"],
    ),
    "html-head-only": lambda: Case(
        {"head.html": b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Home</title></head></html>"},
        ["head.html"],
        [("head.html", ("no article text", "check"))],
    ),
    "html-nav-only": lambda: Case(
        {
            "nav.html": b"<html><head><title>Home</title></head><body><nav><ul>"
            b"<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
            b"<li><a href='/politics'>Politics</a></li></ul></nav></body></html>"
        },
        ["nav.html"],
        [("nav.html", ("no article text", "check"))],
    ),
    "jsonl-malformed-lines": lambda: Case(
        {
            "dump.jsonl": (
                json.dumps(GOOD_JSONL_1) + "\n"
                '{"title": "broken", "text": "unterminated\n' + json.dumps(GOOD_JSONL_2) + "\n"
                "this line is not JSON\n"
            ).encode()
        },
        ["dump.jsonl"],
        [
            ("dump.jsonl:2", ("not valid JSON", "fix or remove")),
            ("dump.jsonl:4", ("not valid JSON", "fix or remove")),
        ],
        good=2,
    ),
    "xml-feed-not-xml": lambda: Case(
        {
            "feed.xml": b"<?xml version='1.0'?>\n<rss version='2.0'><channel><title>Wire</title>"
            b"\x00 <<<>> & & </rss"
        },
        ["feed.xml"],
        [("feed.xml", ("feed", "check"))],
    ),
    "undetectable-encoding": _undetectable,
    "missing-path": lambda: Case(
        {}, ["no-such-file.txt"], [("no-such-file.txt", ("no such file", "check the path"))]
    ),
    "folder-with-one-corrupt-file": lambda: Case(
        {
            "news/a.txt": GOOD_TEXT.encode(),
            "news/b.txt.gz": _truncated_gz(),
            "news/c.txt": GOOD_TEXT.replace("Baku", "Yerevan").encode(),
        },
        ["news"],
        [("b.txt.gz", ("truncated", "re-download"))],
        good=2,
    ),
}


def _articles_out(stdout: str) -> list[dict]:
    """Articles printed by ``clean --json``: one indented object, or JSON Lines for several."""
    if not stdout.strip():
        return []
    try:
        return [json.loads(stdout)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _run_case(name: str, tmp_path: Path, make_file, clean_cli, skip_bad: bool):
    case = CASES[name]()
    for fname, content in case.files.items():
        make_file(fname, content)
    args = [str(tmp_path / a) for a in case.args]
    result = clean_cli("--json", *case.options, *(["--skip-bad"] if skip_bad else []), *args)
    return case, result


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_fails_with_one_line_per_bad_input(name, tmp_path, make_file, clean_cli) -> None:
    case, result = _run_case(name, tmp_path, make_file, clean_cli, skip_bad=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == len(case.bad), result.stderr
    for line, (where, words) in zip(errors, case.bad, strict=True):
        assert where in line
        for word in words:
            assert word.lower() in line.lower(), (word, line)
    others = [line for line in result.stderr.splitlines() if not line.startswith("Error:")]
    assert len(others) == 1 and "--skip-bad" in others[0]  # the one summary line
    assert len(_articles_out(result.stdout)) == case.good


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_with_skip_bad_exits_0_and_says_skipped(name, tmp_path, make_file, clean_cli) -> None:
    case, result = _run_case(name, tmp_path, make_file, clean_cli, skip_bad=True)
    assert result.exit_code == 0
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(case.bad), result.stderr
    for line, (where, _) in zip(lines, case.bad, strict=True):
        assert line.startswith("skipped:") and where in line
    assert not any(line.startswith("Error") for line in lines)
    assert "could not be read" not in result.stderr  # no failure summary either
    assert len(_articles_out(result.stdout)) == case.good


def test_good_lines_of_a_jsonl_file_still_come_out(tmp_path, make_file, clean_cli) -> None:
    _, result = _run_case("jsonl-malformed-lines", tmp_path, make_file, clean_cli, skip_bad=False)
    assert [a["title"] for a in _articles_out(result.stdout)] == ["Trade talks", "Transit talks"]
    assert [a["origin"]["line"] for a in _articles_out(result.stdout)] == [1, 3]


def test_good_files_of_a_folder_still_come_out(tmp_path, make_file, clean_cli) -> None:
    _, result = _run_case("folder-with-one-corrupt-file", tmp_path, make_file, clean_cli, skip_bad=False)
    out = _articles_out(result.stdout)
    assert [a["title"] for a in out] == ["Talks resume in Baku", "Talks resume in Yerevan"]
    assert [Path(a["origin"]["path"]).name for a in out] == ["a.txt", "c.txt"]


@pytest.mark.parametrize(
    "bad_line",
    [
        pytest.param(
            '{"title": "Payment", "text": "card 4111 1111 1111 1111 expires', id="unterminated-string"
        ),
        pytest.param("card=4111 1111 1111 1111; not json", id="not-json"),
        pytest.param('{"title": "Card 4111 1111 1111 1111"}', id="record-without-text"),
        pytest.param('["4111 1111 1111 1111"]', id="record-not-an-object"),
        pytest.param('{"text": "card 4111 1111 1111 1111", "date": }', id="bad-value"),
    ],
)
@pytest.mark.parametrize("skip_bad", [False, True], ids=["fail", "skip-bad"])
def test_errors_never_echo_a_secret_from_the_input(bad_line, skip_bad, make_file, jsonl, clean_cli) -> None:
    path = make_file("dump.jsonl", jsonl(GOOD_JSONL_1, bad_line, GOOD_JSONL_2))
    result = clean_cli("--json", *(["--skip-bad"] if skip_bad else []), path)
    assert result.exit_code == (0 if skip_bad else 1)
    assert f"{path}:2" in result.stderr  # the bad line is reported ...
    assert "4111" not in result.stdout and "4111" not in result.stderr  # ... without its content
    assert len(_articles_out(result.stdout)) == 2


@pytest.fixture(scope="module")
def fifty_mb_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("big") / "one-line.txt"
    chunk = b"The talks went on. " * 50_000  # ~1 MB, no newline
    with path.open("wb") as fh:
        for _ in range(50):
            fh.write(chunk)
    return str(path)


def test_50mb_text_without_newline_is_refused_quickly(fifty_mb_file, clean_cli) -> None:
    start = time.perf_counter()
    result = clean_cli("--json", fifty_mb_file)
    elapsed = time.perf_counter() - start
    assert result.exit_code == 1
    assert elapsed < 5, f"took {elapsed:.1f}s to refuse"
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert fifty_mb_file in error
    assert "--max-chars" in error and "split" in error.lower()
    assert result.stdout == ""


def test_max_chars_from_environment(make_file, clean_cli) -> None:
    path = make_file("long.txt", b"word " * 1000)
    refused = clean_cli("--json", path, env={"EVENTWIRE_MAX_CHARS": "1000"})
    assert refused.exit_code == 1
    assert path in refused.stderr and "max-chars" in refused.stderr
    accepted = clean_cli("--json", path, env={"EVENTWIRE_MAX_CHARS": "10000"})
    assert accepted.exit_code == 0, accepted.stderr
    assert len(_articles_out(accepted.stdout)) == 1


def test_text_over_max_chars_says_how_long_and_that_it_has_no_line_breaks(make_file, read_all) -> None:
    path = make_file("long.txt", "word " * 400)  # 2,000 characters on one line
    [item] = read_all(path, max_chars=1000)
    assert isinstance(item, Skipped)
    assert item.origin.path == path
    assert "2,000 characters" in item.reason and "no line breaks" in item.reason


def test_jsonl_record_over_max_chars_names_the_line(make_file, read_all, jsonl) -> None:
    path = make_file("dump.jsonl", jsonl(GOOD_JSONL_1, {"title": "Long", "text": "word " * 400}))
    _, long = read_all(path, max_chars=1000)
    assert isinstance(long, Skipped)
    assert long.message().startswith(f"{path}:2: ")
    assert "2,000 characters" in long.reason


def test_real_command_prints_no_traceback(tmp_path, make_file) -> None:
    make_file("in/a.txt", GOOD_TEXT)
    make_file("in/b.png", PNG)
    make_file("in/c.txt", b"")
    exe = Path(sys.executable).with_name("eventwire")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "eventwire"]
    proc = subprocess.run(
        [*command, "clean", "--json", str(tmp_path / "in"), str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert [e.split(":")[1].strip() for e in errors] == [
        str(tmp_path / "in" / "b.png"),
        str(tmp_path / "in" / "c.txt"),
        str(tmp_path / "missing.txt"),
    ]
    assert json.loads(proc.stdout)["title"] == "Talks resume in Baku"


def test_missing_path_does_not_stop_the_batch(tmp_path, make_file, clean_cli) -> None:
    first = make_file("a.txt", GOOD_TEXT)
    last = make_file("c.txt", GOOD_TEXT.replace("Baku", "Yerevan"))
    result = clean_cli("--json", first, str(tmp_path / "missing.txt"), last)
    assert result.exit_code == 1
    assert [a["title"] for a in _articles_out(result.stdout)] == [
        "Talks resume in Baku",
        "Talks resume in Yerevan",
    ]


def test_jsonl_with_malformed_first_line_still_reads_the_good_lines(make_file, jsonl, clean_cli) -> None:
    path = make_file("part-02.jsonl", jsonl('1 1111 1111", "title": "cut here"}', GOOD_JSONL_1, GOOD_JSONL_2))
    result = clean_cli("--json", path)
    assert result.exit_code == 1
    assert f"{path}:1" in result.stderr
    assert [a["title"] for a in _articles_out(result.stdout)] == ["Trade talks", "Transit talks"]

"""The command line: contracts of DESIGN.md, errors as one line, settings from options and env."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.demo import samples_dir

SAMPLE = samples_dir() / "armenia-azerbaijan-talks.txt"


def test_clean_json_on_a_file(run_cli) -> None:
    result = run_cli("clean", str(SAMPLE), "--json")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert set(out) >= {"title", "tags", "body", "paragraphs", "redactions"}
    assert out["tags"][:2] == ["Armenia", "Azerbaijan"]
    assert all(set(p) == {"text", "kind", "lang"} for p in out["paragraphs"])


def test_clean_view_for_people(run_cli) -> None:
    result = run_cli("clean", str(SAMPLE))
    assert result.exit_code == 0
    assert "Armenia and Azerbaijan to resume" in result.stdout
    assert "[promo]" in result.stdout and "removed:" in result.stdout


def test_clean_stdin_keeps_ids_and_order(run_cli) -> None:
    records = [
        {"id": "b", "text": "Title B\n\nTroops withdrew from the village on Monday, officials said."},
        {
            "id": "a",
            "html": "<html><body><article><p>"
            + "Talks resumed in Geneva on Tuesday. " * 5
            + "</p></article></body></html>",
            "url": "https://example.org/a",
        },
        {"id": "c", "text": "Contact: jane.doe@example.org or +380 44 555 0192 for details of the appeal."},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    result = run_cli("clean", "-", input=stdin)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["b", "a", "c"]
    assert "Talks resumed in Geneva" in lines[1]["body"]
    assert "jane.doe" not in result.stdout and "555 0192" not in result.stdout
    assert {r["kind"] for r in lines[2]["redactions"]} == {"EMAIL", "PHONE"}


def test_clean_stdin_reports_a_record_without_text_by_id(run_cli) -> None:
    stdin = (
        json.dumps({"id": "empty", "text": ""})
        + "\n"
        + json.dumps({"id": "ok", "text": "Plain news text."})
        + "\n"
    )
    result = run_cli("clean", "-", input=stdin)
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["empty", "ok"]
    assert lines[0]["error"]
    assert "<stdin>:1" in result.stderr


def test_a_file_with_many_articles_gives_json_lines(run_cli) -> None:
    result = run_cli("clean", str(samples_dir() / "central-asia-feed.xml"), "--json")
    assert result.exit_code == 0
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 3


def test_setting_from_environment(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\n" + "Long paragraph of news. " * 100, encoding="utf-8")
    result = run_cli("clean", str(path), env={"EVENTWIRE_MAX_CHARS": "100"})
    assert result.exit_code == 1
    assert "--max-chars 100" in result.stderr


def test_setting_option_beats_environment(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\n" + "Long paragraph of news. " * 100, encoding="utf-8")
    result = run_cli("clean", str(path), "--max-chars", "100000", env={"EVENTWIRE_MAX_CHARS": "100"})
    assert result.exit_code == 0


def test_bad_setting_value_is_one_line(run_cli) -> None:
    result = run_cli("clean", str(SAMPLE), "--max-chars", "lots")
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "max_chars" in result.stderr and "whole number" in result.stderr


def test_bad_language_setting_is_one_line(run_cli) -> None:
    result = run_cli("clean", str(SAMPLE), "--languages", "en,klingon")
    assert result.exit_code == 1
    assert "klingon" in result.stderr and "Traceback" not in result.stderr


def test_demo_ingests_the_samples_into_a_fresh_store(run_cli, tmp_path) -> None:
    db = tmp_path / "demo.db"
    for _ in range(2):  # the second run starts again from an empty store
        result = run_cli("demo", "--db", str(db))
        assert result.exit_code == 0
        assert "15 articles stored" in result.stdout
    assert "removed" in result.stdout and "secrets" in result.stdout
    assert "told by more than one article" in result.stdout and "3 articles, 3 outlets" in result.stdout
    assert "by CAMEO root" in result.stdout and "Top dyads" in result.stdout
    assert f"eventwire events --db {db}" in result.stdout
    events = run_cli("events", "--db", str(db), "--jsonl")
    assert events.exit_code == 0 and len(events.stdout.splitlines()) > 50


def test_demo_json(run_cli) -> None:
    result = run_cli("demo", "--json")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 15
    assert all("[CARD]" not in r["body"] for r in records)


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from eventwire.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "mods = ('trafilatura', 'lingua', 'rich', 'phonenumbers', 'warcio', 'feedparser')\n"
        "heavy = [m for m in mods if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


@pytest.mark.parametrize("command", ["clean", "demo"])
def test_every_command_help_has_an_example(run_cli, command: str) -> None:
    result = run_cli(command, "--help")
    assert "Example" in result.stdout
    assert "eventwire " + command in result.stdout

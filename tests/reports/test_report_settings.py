"""Reports made from a workspace follow its digits setting, and `raqmana report --out` publishes them."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from raqmana.cli.main import app
from raqmana.settings import get_settings
from raqmana.workspace.actors import SYSTEM
from raqmana.workspace.factory import open_workspace
from raqmana.workspace.jobs import run_one
from raqmana.workspace.report_jobs import enqueue_report, reports_dir

ARABIC_INDIC = re.compile(r"[٠-٩]")
LATIN_NUMBER = re.compile(r"(?<![A-Za-z0-9.-])[0-9]+[.,][0-9]+(?![0-9-])")


@pytest.fixture
def seeded(small_demo):
    """A data directory with an illustrative assessment of the test framework."""
    return small_demo.data_dir, small_demo.info


def _job_report(data, info, digits: str, lang: str) -> str:
    ws = open_workspace(get_settings(data_dir=data, environment="test", digits=digits))
    try:
        with ws.transaction() as s:
            enqueue_report(
                s,
                SYSTEM,
                assessment_id=info.assessment_id,
                scope="national",
                langs=[lang],
                formats=["html"],
                runs=0,
            )
        done = run_one(ws)
    finally:
        ws.dispose()
    assert done is not None and done.status == "done", done and done.error
    return text_of(
        (reports_dir(data, info.assessment_id) / f"national-{lang}.html").read_text(encoding="utf-8")
    )


def text_of(html: str) -> str:
    """The text a reader sees: without the head, the charts' SVG markup and the tags."""
    body = re.sub(r"<(svg|style|script)\b.*?</\1>", " ", html.split("<body", 1)[-1], flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


def test_a_report_job_writes_the_numbers_in_the_workspaces_digits(seeded):
    data, info = seeded
    arabic_in_latin = _job_report(data, info, "latn", "ar")
    assert not ARABIC_INDIC.search(arabic_in_latin) and LATIN_NUMBER.search(arabic_in_latin)
    english_in_arabic = _job_report(data, info, "arab", "en")
    assert ARABIC_INDIC.search(english_in_arabic) and "٪" in english_in_arabic
    arabic_own = _job_report(data, info, "locale", "ar")
    assert ARABIC_INDIC.search(arabic_own) and "٪" in arabic_own


def test_report_out_writes_to_the_folder_and_publishes_to_the_reports_page(seeded, tmp_path):
    data, info = seeded
    out = tmp_path / "out"
    env = {
        "RAQMANA_DATA_DIR": str(data),
        "RAQMANA_DATABASE_URL": "",
        "RAQMANA_ENVIRONMENT": "test",
        "RAQMANA_DIGITS": "latn",
    }
    result = CliRunner().invoke(
        app,
        ["report", "--out", str(out), "--lang", "ar", "--format", "html,json", "--runs", "0", "--json"],
        env=env,
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert sorted(summary["written"]) == ["national-ar.html", "national-ar.json"]
    published = reports_dir(data, info.assessment_id)
    assert sorted(p.name for p in published.glob("national-*")) == ["national-ar.html", "national-ar.json"]
    assert summary["published"] == [str(published / "national-ar.html"), str(published / "national-ar.json")]
    html = (out / "national-ar.html").read_text(encoding="utf-8")
    assert (published / "national-ar.html").read_text(encoding="utf-8") == html
    assert not ARABIC_INDIC.search(text_of(html))  # RAQMANA_DIGITS=latn reached the report


def test_report_without_out_writes_straight_to_the_reports_page(seeded):
    data, info = seeded
    env = {"RAQMANA_DATA_DIR": str(data), "RAQMANA_DATABASE_URL": "", "RAQMANA_ENVIRONMENT": "test"}
    result = CliRunner().invoke(
        app, ["report", "--lang", "en", "--format", "json", "--runs", "0", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["written"] == ["national-en.json"] and "published" not in summary
    assert (reports_dir(data, info.assessment_id) / "national-en.json").is_file()

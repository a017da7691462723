"""Console output: whole lines in pipes and files, and the demo's summary lines."""

from __future__ import annotations

import io

import pytest
from typer.testing import CliRunner

from raqmana.cli.common import _Console, say
from raqmana.cli.demo import print_logins, recommendation_counts
from raqmana.cli.main import app, main
from raqmana.roadmap.pipeline import plan_from_assessment
from tests.recommend.inline import assessment, institution, mini_framework, rule, rulebase


def test_a_long_line_is_not_wrapped_when_the_output_is_not_a_terminal():
    buf = io.StringIO()
    out = _Console(file=buf)
    assert not out.is_terminal
    sentence = "Iraq digital assessment: 13 enablers, 81 indicators → framework.xlsx " * 3
    out.print(sentence.strip())
    assert buf.getvalue().count("\n") == 1


def test_a_terminal_still_gets_word_wrapping():
    out = _Console(file=io.StringIO(), force_terminal=True, width=40)
    assert out.soft_wrap is False
    out.print("word " * 20)
    assert out.file.getvalue().count("\n") > 1


def test_the_demo_counts_national_and_per_institution_recommendations():
    rb = rulebase(
        rule("LAW", "LEG", "LEG-01 < 3", category="law"),
        rule("SRV-R1", "SRV", "SRV-01 < 3", scope="institution", category="service"),
    )
    plan = plan_from_assessment(
        mini_framework(),
        assessment(
            institution("moi", stages={"LEG-01": 1, "SRV-01": 1}),
            institution("mof", stages={"LEG-01": 2, "SRV-01": 2}),
            title={"en": "Test", "ar": "اختبار", "ckb": "تاقی"},
        ),
        rulebase=rb,
        budget_per_year=3_000_000,
        horizon_quarters=8,
        capacity_per_owner=3,
        start_year=2026,
        time_limit_s=5,
    )
    counts = recommendation_counts(plan)
    assert counts == {"total": 3, "national": 1, "institution": 2}
    assert recommendation_counts(None) == {"total": 0, "national": 0, "institution": 0}


def test_the_demo_logins_are_printed_in_the_users_language(capsys, tmp_path, settings):
    logins = [
        {"username": "coordinator", "password": "demo-coordinator-1", "role": "coordinator", "org": None},
        {"username": "moi", "password": "demo-moi-1", "role": "focal_point", "org": "MOI"},
    ]
    print_logins("ckb", logins, tmp_path / "summary.json", settings)
    out = capsys.readouterr().out
    assert "ھەژمارەکانی چوونەژوورەوەی نمایش" in out
    assert "coordinator / demo-coordinator-1  (coordinator)" in out
    assert "moi / demo-moi-1  (focal_point, MOI)" in out


def test_say_prints_a_catalogue_message_in_the_language(capsys):
    say("ar", "wrote", path="x[1].yaml")
    assert capsys.readouterr().out.strip() == "كُتب x[1].yaml"


def test_a_path_that_cannot_be_written_is_reported_in_the_users_language(monkeypatch, capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "framework.json"  # a file cannot hold another file
    monkeypatch.setattr(
        "sys.argv", ["raqmana", "framework", "export", "iraq-dla", "-o", str(target), "--lang", "ckb"]
    )
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "[CLI005]" in err and "ناتوانرێت" in err and "Traceback" not in err
    assert f"{blocker} فایلە، نەک بوخچە" in err and "پێشتر ھەیە" not in err


def test_an_export_to_an_unknown_format_names_the_three_it_can_write(tmp_path):
    result = CliRunner().invoke(
        app, ["framework", "export", "iraq-dla", "-o", str(tmp_path / "x.txt"), "--lang", "ar"]
    )
    assert result.exit_code == 2
    assert ".xlsx أو .yaml أو .json" in result.output and not (tmp_path / "x.txt").exists()


def test_the_demo_logins_name_roles_and_institutions_in_words(capsys, tmp_path, settings):
    from raqmana.workspace.demo import seed_demo
    from tests.workspace.factories import small_framework

    info = seed_demo(settings, framework=small_framework(), seed=7)
    logins = [
        {"username": x.username, "password": x.password, "role": x.role, "org": x.org_code}
        for x in info.logins
    ]
    print_logins("ar", logins, tmp_path / "summary.json", settings)
    out = capsys.readouterr().out
    focal = next(x for x in info.logins if x.org_code)
    line = next(line for line in out.splitlines() if f"{focal.username} /" in line)
    assert f"({focal.role}" not in line and f", {focal.org_code})" not in line, line
    assert "منسّق" in out, out

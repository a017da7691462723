"""Text printed through Rich keeps its brackets: ``[...]`` in a message is not read as markup."""

from __future__ import annotations

import io

from typer.testing import CliRunner

from raqmana.cli.common import _Console, esc, report_problems
from raqmana.cli.main import app
from raqmana.problems import Code, Problem
from tests.factories import framework_dict, write_framework
from tests.recommend.inline import rule, rulebase_dict, write_rules

runner = CliRunner()


def test_a_rule_condition_error_shows_the_bracketed_example(tmp_path):
    fw_path = write_framework(tmp_path, framework_dict())
    rules = write_rules(tmp_path, rulebase_dict(rule("LAW", "LEG", "LEG-01 <<< 3", category="law")))
    result = runner.invoke(app, ["roadmap", "rules", "validate", str(rules), "--framework", str(fw_path)])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "'type in [ministry]'" in text


def test_problems_print_markup_like_text_as_written(capsys):
    code = Code("T001", "use [bold]{value}[/bold] or [red]", "[x]", "[y]")
    report_problems([Problem(code, params={"value": "[a, b]"})], "en")
    err = capsys.readouterr().err
    assert "[T001] use [bold][a, b][/bold] or [red]" in err


def test_escaping_keeps_the_text():
    buf = io.StringIO()
    console = _Console(file=buf)
    console.print(esc("type in [ministry, governorate] [/]"))
    assert buf.getvalue().strip() == "type in [ministry, governorate] [/]"

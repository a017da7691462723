"""Help pages show a flag as a flag (``--help``, ``--json``), without a value type after it."""

from __future__ import annotations

from typer.testing import CliRunner

from raqmana.cli.main import build_app
from tests.cli.test_lang_option import leaf_commands

runner = CliRunner()


def test_no_help_page_shows_a_type_after_a_flag():
    app = build_app()
    bad = []
    for path, _ in leaf_commands():
        result = runner.invoke(app, [*path.split(), "--help"])
        assert result.exit_code == 0, (path, result.output)
        if "<bool>" in result.output:
            bad.append(path)
    assert bad == []


def test_options_that_take_a_value_still_show_its_type():
    result = runner.invoke(build_app(), ["framework", "validate", "--help"])
    lines = {line.split()[1]: line for line in result.output.splitlines() if line.startswith("│ --")}
    assert "<str>" in lines["--lang"]
    assert "<" not in lines["--help"] and "<" not in lines["--json"]

"""--lang: every command that prints messages takes it, and a language raqmana does not speak is refused."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from raqmana.cli.common import known_lang, lang_from_argv
from raqmana.cli.main import build_app

runner = CliRunner()
#: commands without --lang, and why
NO_LANG = {
    "serve": "prints only its address (owned by the web server's module)",
    "report": "its --lang is the list of report languages; messages use the first one",
}


def leaf_commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(build_app())
    out: list[tuple[str, object]] = []

    def walk(cmd: object, path: str) -> None:
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, f"{path} {name}".strip())
        else:
            out.append((path, cmd))

    walk(root, "")
    return out


def test_it_finds_the_commands_of_every_domain():
    names = {path.split()[0] for path, _ in leaf_commands()}
    assert {
        "framework",
        "indices",
        "db",
        "org",
        "user",
        "assessment",
        "audit",
        "index",
        "roadmap",
        "demo",
        "report",
        "worker",
    } <= names


def test_every_command_that_prints_messages_takes_lang():
    missing = [
        path
        for path, cmd in leaf_commands()
        if path not in NO_LANG and "--lang" not in {o for p in cmd.params for o in p.opts}
    ]
    assert missing == []


@pytest.mark.parametrize(
    "args",
    [
        ["framework", "validate", "iraq-dla"],
        ["framework", "list"],
        ["indices", "list"],
        ["audit", "verify"],
        ["db", "current"],
        ["roadmap", "errors"],
    ],
)
def test_an_unknown_language_is_refused_with_the_three_known_ones(args, tmp_path):
    env = {"RAQMANA_DATA_DIR": str(tmp_path / "data"), "RAQMANA_DATABASE_URL": ""}
    result = runner.invoke(build_app(), [*args, "--lang", "fr"], env=env)
    assert result.exit_code == 2
    text = " ".join(re.sub("[│╭╮╰╯─]", " ", result.output).split())  # the error panel's frame
    assert "'fr' is not a language of raqmana: use ar, ckb or en." in text
    assert "ar أو ckb أو en" in text and "ar یان ckb یان en" in text
    assert "Traceback" not in result.output


def test_aliases_of_the_three_languages_are_accepted():
    assert [known_lang(x) for x in ("ar", "AR-iq", "ckb_IQ", "ku", "sorani", "en-GB", "fr", "", None)] == [
        "ar",
        "ar",
        "ckb",
        "ckb",
        "ckb",
        "en",
        None,
        None,
        None,
    ]


def test_sorani_audit_verify_speaks_sorani(tmp_path):
    env = {"RAQMANA_DATA_DIR": str(tmp_path / "data"), "RAQMANA_DATABASE_URL": ""}
    result = runner.invoke(build_app(), ["audit", "verify", "--lang", "ckb"], env=env)
    assert result.exit_code == 0, result.output
    assert "تۆماری وردبینی دەستکاری نەکراوە" in result.stdout


def test_report_messages_use_the_first_known_report_language(tmp_path):
    env = {"RAQMANA_DATA_DIR": str(tmp_path / "data"), "RAQMANA_DATABASE_URL": ""}
    result = runner.invoke(build_app(), ["report", "--lang", "ckb,fr"], env=env)
    assert result.exit_code == 2
    assert "[CLI004]" in result.output and "ھیچ ھەڵسەنگاندنێک" in result.output


def test_messages_printed_before_parsing_find_the_language_on_the_command_line():
    assert lang_from_argv(["raqmana", "framework", "validate", "x", "--lang", "ckb"]) == "ckb"
    assert lang_from_argv(["raqmana", "-l", "ar"]) == "ar"
    assert lang_from_argv(["raqmana", "--lang=fr"]) == "en"
    assert lang_from_argv(["raqmana", "report", "--lang", "ckb,en"]) == "ckb"

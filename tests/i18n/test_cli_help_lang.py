"""Typer and Click's own words (usage, panels, the help option, usage errors) follow --lang."""

from __future__ import annotations

import sys

import pytest

from raqmana.cli import main as cli_main
from raqmana.cli.help_lang import translate_error, use_language


@pytest.fixture
def run(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "200")

    def invoke(*args: str) -> str:
        monkeypatch.setattr(sys, "argv", ["raqmana", *args])
        with pytest.raises(SystemExit):
            cli_main.main()
        out = capsys.readouterr()
        return out.out + out.err

    yield invoke
    use_language("en")


def test_help_in_arabic(run):
    text = run("framework", "show", "--lang", "ar", "--help")
    assert "الاستخدام: raqmana framework show" in text
    assert "الخيارات" in text and "المعاملات" in text
    assert "اعرض هذه الرسالة واخرج." in text and "[مطلوب]" in text and "[الافتراضي: en]" in text
    assert "Usage:" not in text and "Show this message and exit." not in text


def test_help_in_sorani_whatever_the_place_of_lang(run):
    text = run("framework", "show", "--help", "-l", "ckb")
    assert "بەکارھێنان: raqmana framework show" in text and "ھەڵبژاردەکان" in text
    assert "ئەم پەیامە پیشان بدە و دەربچۆ." in text


def test_usage_errors_in_arabic_and_sorani(run):
    assert "الخيار '--data' مفقود." in run("index", "build", "--lang", "ar")
    text = run("framework", "show", "--lang", "ckb", "--bogus")
    assert "ھەڵبژاردەیەکی وا نییە: --bogus" in text and "بۆ یارمەتی" in text and "ھەڵە" in text
    assert "وردت معاملات زائدة غير متوقعة (y)" in run("framework", "show", "--lang", "ar", "x", "y")
    assert "فەرمانێکی وا نییە: 'nope'." in run("framework", "nope", "-l", "ckb")


def test_english_stays_english_after_another_language(run):
    run("framework", "show", "--lang", "ar", "--help")
    text = run("framework", "show", "--help")
    assert "Usage: raqmana framework show" in text and "Show this message and exit." in text
    assert "Options" in text and "الخيارات" not in text


@pytest.mark.parametrize(
    "english",
    [
        "Missing option '--data'.",
        "Missing argument 'SOURCE'.",
        "No such option: --x",
        "No such option: --jsn (Possible options: --json, --lang)",
        "Got unexpected extra argument(s) (a b)",
        "Option '--lang' requires an argument.",
        "Option '--json' does not take a value.",
        "Invalid value for '--n': 'x' is not a valid integer.",
        "Invalid value for 'KIND': 'z' is not one of 'a', 'b'.",
        "Invalid value for 'PATH': File 'a.yaml' does not exist.",
    ],
)
@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_every_known_usage_error_is_translated(english, lang):
    text = translate_error(english, lang)
    assert text != english
    assert not any(
        word in text for word in ("Missing", "No such", "unexpected", "Invalid", "not a valid", "exist")
    )

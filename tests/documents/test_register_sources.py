"""The legal register's sources in the reader's language: the "(to verify)" mark of a source whose
reporting is indirect is a status word in ar/ckb, and the English title is isolated as English, on the
register page and in the report's register chapter."""

from __future__ import annotations

import pytest

from raqmana.documents.register import source_parts
from raqmana.i18n import gettext
from raqmana.i18n.bidi import runs
from raqmana.reports.model import Paragraph
from tests.documents.test_report_chapters import report


def test_the_mark_is_taken_off_the_title():
    assert source_parts("HRW (2012) on the draft law (to verify)") == ("HRW (2012) on the draft law", True)
    assert source_parts("public reporting (no law named; to verify)") == (
        "public reporting (no law named)",
        True,
    )
    assert source_parts("964media (2025): the first signatures") == (
        "964media (2025): the first signatures",
        False,
    )


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_the_register_page_marks_sources_to_verify_in_the_reader_s_words(docworld, browser, lang):
    fp = browser("fp_a")
    html = fp.get(f"/documents/register?lang={lang}").text
    assert "to verify" not in html
    assert gettext(lang, "to verify") in html and gettext(lang, "to verify") != "to verify"
    assert (
        '<bdi dir="auto" lang="en">Human Rights Watch (2012, 2019) on the draft Information Crimes Law</bdi>'
        in html
    )


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_the_report_chapter_marks_sources_to_verify_in_the_reader_s_words(docworld, lang):
    r = report(docworld, lang)
    register = next(s for s in r.sections if s.id == "documents-register")
    text = next(
        b.text for b in register.blocks if isinstance(b, Paragraph) and "Human Rights Watch" in b.text
    )
    assert "to verify" not in text and gettext(lang, "to verify") in text
    assert ("Human Rights Watch (2012, 2019) on the draft Information Crimes Law", "ltr") in runs(text)
    # the sources are listed with the reader's separator, no Latin semicolon between them
    between = [piece for piece, kind in runs(text) if kind is None]
    assert all(";" not in piece for piece in between) and any("؛" in piece for piece in between)

"""Date and file fields in the reader's language: no browser date widget or file button that speaks the
browser's language and digits; a date is shown in the reader's order and digits and read back in either
digit shape, a file field's button and state are translated."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from raqmana.i18n.dates import day_field_hint, format_day_field, parse_day_field
from raqmana.workspace import SYSTEM, evidence

from .world import stored

TEMPLATES = Path(__file__).parents[2] / "src" / "raqmana" / "web" / "templates"


@pytest.mark.parametrize(
    ("lang", "digits", "shown"),
    [
        ("ar", None, "٠٧\u200f/١٢\u200f/٢٠٢٦"),
        ("ckb", None, "٢٠٢٦\u200f-١٢\u200f-٠٧"),
        ("en", None, "2026-12-07"),
        ("ar", "latn", "07\u200f/12\u200f/2026"),
        ("ckb", "latn", "2026\u200f-12\u200f-07"),
    ],
)
def test_a_date_is_shown_in_the_readers_order_and_digits_and_read_back(lang, digits, shown):
    assert format_day_field(date(2026, 12, 7), lang, digits) == shown
    assert parse_day_field(shown) == date(2026, 12, 7)
    assert format_day_field("2026-12-07", lang, digits) == shown
    hint = day_field_hint(lang, digits)
    assert shown in hint and (lang == "en") == bool(re.search(r"[a-z]", hint))


@pytest.mark.parametrize(
    "typed", ["٧/١٢/٢٠٢٦", "7-12-2026", "۲۰۲۶/۱۲/۷", "\u200f٠٧\u200f/١٢\u200f/٢٠٢٦", " 2026.12.07 "]
)
def test_either_digit_shape_and_order_is_read(typed):
    assert parse_day_field(typed) == date(2026, 12, 7)


@pytest.mark.parametrize("typed", ["12/7/26", "2026-13-01", "31/02/2026", "tomorrow", "2026-12"])
def test_a_date_that_is_not_one_is_refused(typed):
    with pytest.raises(ValueError):
        parse_day_field(typed)


def test_text_typed_wrongly_is_shown_again_as_typed():
    assert format_day_field("٧/١٣/٢٠٢٦", "ar") == "٧/١٣/٢٠٢٦"
    assert format_day_field(None, "ar") == "" and format_day_field("", "en") == ""


def test_no_template_uses_the_browsers_date_or_file_control_but_the_macros():
    found = [
        f"{path.relative_to(TEMPLATES)}: {line.strip()[:80]}"
        for path in TEMPLATES.rglob("*.html")
        if path.name != "macros.html"
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r'type="?(date|file)\b', line)
    ]
    assert found == []


def test_the_audit_filter_reads_arabic_digits_and_shows_them_back(as_user, world):
    coord = as_user("coord")
    page = coord.get("/admin/audit?since=٠١/٠١/٢٠٢٠&lang=ar")
    assert page.status_code == 200
    assert 'value="٠١\u200f/٠١\u200f/٢٠٢٠"' in page.text and 'type="date"' not in page.text
    assert "يوم/شهر/سنة" in page.text
    english = coord.get("/admin/audit?since=2020-01-01&lang=en").text
    assert 'value="2020-01-01"' in english and "year-month-day, for example 2026-12-07" in english
    bad = coord.get("/api/v1/admin/audit?since=01/13/2020&lang=ar")
    assert bad.status_code == 422 and "يُتوقع تاريخ باليوم والشهر والسنة" in bad.text


def test_evidence_gets_a_date_typed_in_arabic_digits(as_user, world):
    focal = as_user("focal")
    r = focal.form(
        f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01/evidence",
        {"kind": "url", "url": "https://gazette.example.iq/law-78", "evidence_date": "٠١/٠٥/٢٠٢٤"},
        page="/",
    )
    assert r.status_code == 303, r.text[:500]
    with world.ws.reader() as s:
        [e] = [e for r in stored(world).values() for e in evidence.list_evidence(s, SYSTEM, response_id=r.id)]
    assert str(e.evidence_date) == "2024-05-01"


def test_a_file_field_speaks_the_readers_language(as_user, world):
    page = as_user("admin").get("/orgs?lang=ckb").text
    field = re.search(r'<span class="rq-file">.*?</span>\s*</span>', page, re.S)
    assert field, "no file field on the organisations page"
    html = field.group(0)
    assert 'class="rq-file-input visually-hidden" type="file"' in html
    assert "پەڕگەیەک ھەڵبژێرە" in html and 'data-none="ھیچ پەڕگەیەک ھەڵنەبژێردراوە"' in html

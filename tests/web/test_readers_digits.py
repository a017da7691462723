"""One digit shape in an Arabic view: quarters, years and counts go through the reader's formatter.

With Arabic-Indic digits (the Arabic locale's own), no Latin digit shows in the text a reader sees on
the pages below; codes (LEG.1, SRV-02) and passages marked as English are the only Latin runs.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import ClassVar

import pytest

from raqmana.i18n.dates import format_quarter, format_year, parse_quarter, quarter_text
from raqmana.settings import Settings
from raqmana.web.templating import make_env

from .test_results import ANSWERS, accept, demo, demo_viewer  # noqa: F401 — fixtures


class _Visible(HTMLParser):
    """The text a reader sees, without scripts, styles, code-like runs (``rq-code``, ``<code>``) and
    passages marked as English (``lang="en"``: sources that have no translation, isolated as such)."""

    SKIP: ClassVar[set[str]] = {"script", "style", "code", "title"}
    VOID: ClassVar[set[str]] = {
        "br",
        "img",
        "input",
        "meta",
        "link",
        "hr",
        "source",
        "col",
        "wbr",
        "area",
        "base",
    }

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        attr = dict(attrs)
        cls = attr.get("class") or ""
        self.stack.append(tag in self.SKIP or "rq-code" in cls.split() or attr.get("lang") == "en")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.stack):
            self.parts.append(data)


def latin_digit_runs(html: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Words with a Latin digit in the visible text of ``html`` (``allowed`` words aside)."""
    p = _Visible()
    p.feed(html)
    text = " ".join(p.parts)
    for word in allowed:
        text = text.replace(word, " ")
    words = {m.group(0) for m in re.finditer(r"\S*[0-9]\S*", text)}
    # a code (LEG.1, SRV-02, 4G) is written in Latin letters and digits in every language
    return sorted(w for w in words if not re.search(r"[A-Za-z][-_.]?[0-9]|[0-9][A-Za-z]", w))


@pytest.mark.parametrize(
    ("lang", "digits", "expected"),
    [
        ("en", None, "Q1 2027"),
        ("ar", None, "الربع الأول ٢٠٢٧"),
        ("ar", "latn", "الربع الأول 2027"),
        ("ckb", None, "چارەکی یەکەمی ٢٠٢٧"),
    ],
)
def test_it_writes_a_quarter_in_words_and_the_readers_digits(lang, digits, expected):
    assert format_quarter(2027, 1, lang, digits) == expected
    assert quarter_text("2027-Q1", lang, digits) == expected


def test_it_never_leaves_a_machine_quarter_or_a_bare_q_in_arabic_or_kurdish():
    for lang in ("ar", "ckb"):
        for q in range(1, 5):
            text = format_quarter(2030, q, lang)
            assert "Q" not in text and "-" not in text and not re.search("[0-9]", text), text
    assert parse_quarter("2027-Q4") == (2027, 4) and parse_quarter("Q4") is None
    assert quarter_text(None, "ar") == "–"
    assert format_year(2027, "ar") == "٢٠٢٧", "a year has no thousands separator"
    with pytest.raises(ValueError):
        format_quarter(2027, 5, "en")


def test_the_page_filters_write_quarters_and_years_in_the_readers_digits(tmp_path):
    env = make_env(Settings(data_dir=tmp_path))
    template = env.from_string("{{ s|quarter }} · {{ e|quarter }} · {{ y|year }} · {{ none|quarter }}")
    html = template.render(lang="ar", s="2026-Q3", e="2028-Q2", y=2024, none=None)
    assert html == "الربع الثالث ٢٠٢٦ · الربع الثاني ٢٠٢٨ · ٢٠٢٤ · –"
    assert template.render(lang="en", s="2026-Q3", e="2028-Q2", y=2024, none=None) == (
        "Q3 2026 · Q2 2028 · 2024 · –"
    )


def test_the_round_list_and_page_show_the_period_in_arabic_digits(world, as_user):
    coord = as_user("coord")
    listing = coord.get("/?lang=ar").text
    page = coord.get(f"/assessments/{world.assessment_id}?lang=ar").text
    for html in (listing, page):
        assert "٢٠٢٦" in html
    assert ">2026<" not in listing


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_the_round_pages_have_no_latin_digit(world, as_user, lang):
    accept(world, ANSWERS)
    a = world.assessment_id
    for user, path in (
        ("coord", "/"),
        ("coord", f"/assessments/{a}"),
        ("coord", f"/assessments/{a}/progress"),
        ("focal", f"/assessments/{a}/institutions/mofa"),
        ("rev", f"/assessments/{a}/review"),
        ("focal", f"/assessments/{a}/results/institutions/mofa"),
    ):
        html = as_user(user).get(f"{path}?lang={lang}").text
        assert latin_digit_runs(html) == [], path


def test_the_results_page_in_arabic_has_no_latin_digit(world, as_user):
    accept(world, ANSWERS)
    html = as_user("coord").get(f"/assessments/{world.assessment_id}/results?lang=ar").text
    assert latin_digit_runs(html) == []


def test_the_roadmap_on_the_illustrative_round_writes_its_quarters_in_words(demo, demo_viewer):  # noqa: F811
    _, aid = demo
    roadmap = demo_viewer.get(f"/api/v1/assessments/{aid}/results?lang=ar").json()["roadmap"]
    if not roadmap["scheduled"]:
        pytest.skip("the illustrative roadmap could not be scheduled")
    first = roadmap["initiatives"][0]
    assert parse_quarter(first["start"]) is not None, "the JSON keeps the machine label"
    assert first["start_text"] == quarter_text(first["start"], "ar") and "الربع" in first["start_text"]
    html = demo_viewer.get(f"/assessments/{aid}/results?lang=ar").text
    assert not re.search(r"[0-9]{4}-Q[1-4]", html), "no machine quarter label on an Arabic page"


def test_the_audit_log_writes_changed_values_in_the_readers_digits(world, as_user):
    accept(world, ANSWERS)
    html = as_user("coord").get("/admin/audit?lang=ar").text
    changes = unescape(" ".join(re.findall(r"<ins[^>]*><bdi>(.*?)</bdi></ins>", html)))
    assert changes and re.search("[٠-٩]", changes), "values in Arabic-Indic digits"
    # numbers that belong to a Latin name ("Round 2026") or a code stay as written
    latin_names = re.sub(r"[A-Za-z][\w.\-]*(\s[0-9][0-9.]*)?", " ", changes)
    assert not re.search("[0-9]", latin_names), latin_names[:300]

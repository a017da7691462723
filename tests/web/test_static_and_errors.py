"""Vendored files and fonts are served from the package; errors are translated pages or JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

import raqmana.web

STATIC = Path(raqmana.web.__file__).parent / "static"


@pytest.mark.parametrize(
    "path",
    [
        "/static/vendor/bootstrap/bootstrap.min.css",
        "/static/vendor/bootstrap/bootstrap.rtl.min.css",
        "/static/vendor/bootstrap/bootstrap.bundle.min.js",
        "/static/vendor/htmx/htmx.min.js",
        "/static/css/raqmana.css",
        "/static/js/raqmana.js",
        "/static/fonts/NotoNaskhArabic-Regular.ttf",
        "/static/fonts/NotoSansArabic-Regular.ttf",
    ],
)
def test_it_serves_vendored_files_and_fonts(client, path):
    assert client.get(path).status_code == 200


def test_it_ships_the_licences_of_vendored_code():
    assert (STATIC / "vendor/bootstrap/LICENSE").read_text().startswith("The MIT License")
    assert "Zero-Clause BSD" in (STATIC / "vendor/htmx/LICENSE").read_text()


def test_it_writes_css_with_logical_properties_only():
    css = (STATIC / "css/raqmana.css").read_text()
    for physical in (
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
        "border-left",
        "border-right",
    ):
        assert physical not in css, physical


def test_it_sends_security_headers(client):
    headers = client.get("/login").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_it_shows_a_translated_404_page(client):
    r = client.get("/no/such/page?lang=ckb")
    assert r.status_code == 404
    assert '<html lang="ckb" dir="rtl">' in r.text and "پەڕە نەدۆزرایەوە" in r.text


def test_it_answers_a_wrong_method_without_a_traceback(client):
    r = client.get("/logout")
    assert r.status_code == 405 and "Traceback" not in r.text


def test_it_writes_its_own_messages_in_all_three_languages_and_correct_sorani():
    from raqmana.i18n.sorani import wrong_letters
    from raqmana.problems import Code
    from raqmana.web import messages

    codes = [v for v in vars(messages).values() if isinstance(v, Code)]
    assert codes and all(c.en and c.ar and c.ckb for c in codes)
    assert [c.id for c in codes if wrong_letters(c.ckb)] == []


def test_it_has_a_favicon_named_by_every_page(client):
    page = client.get("/login").text
    assert '<link rel="icon" href="/static/favicon.svg"' in page
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    old = client.get("/favicon.ico", follow_redirects=False)
    assert old.status_code == 301 and old.headers["location"] == "/static/favicon.svg"


def test_htmx_never_writes_style_attributes_that_the_csp_would_block(client):
    """htmx's settle step copies ``style`` attributes by default; with ``style-src 'self'`` that is a CSP
    violation (seen when a tool or extension had put a style on an input), so the config leaves it out."""
    import json
    import re

    page = client.get("/login").text
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page).group(1))
    assert config["includeIndicatorStyles"] is False
    assert "style" not in config["attributesToSettle"] and "class" in config["attributesToSettle"]
    assert "style-src 'self'" in client.get("/login").headers["content-security-policy"]

"""The public portal's two navigation landmarks have distinct names in the reader's language: its pages,
and the languages; the portal's links are not announced as "Language"."""

from __future__ import annotations

import re

import pytest

from raqmana.i18n import gettext

from .test_public import coord, publish  # noqa: F401 — fixture


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_each_navigation_landmark_is_named_for_what_it_holds(coord, client, lang):  # noqa: F811
    publish(coord)
    html = client.get(f"/public?lang={lang}").text
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    navs = re.findall(r'<nav[^>]*aria-label="([^"]+)"[^>]*>(.*?)</nav>', header, re.S)
    labels = dict(navs)
    assert len(navs) == 2 and len(labels) == 2, [n[0] for n in navs]
    pages, langs = labels[gettext(lang, "Portal pages")], labels[gettext(lang, "Language")]
    assert 'href="/public/feedback"' in pages and 'href="/public/consultations"' in pages
    assert "hreflang" not in pages
    assert langs.count("hreflang=") == 3 and "/public/feedback" not in langs
    if lang != "en":
        assert gettext(lang, "Portal pages") != "Portal pages"

"""A citizen on the public consultation and feedback pages keeps the portal's way around in the header
(the portal, rating a service, the consultations), in their language, as on the portal's own pages; the
current page is marked. Signed-in staff keep their own menu."""

from __future__ import annotations

import re

import pytest

from raqmana.i18n import gettext

PORTAL_LINKS = (
    ("/public", "Public services portal"),
    ("/public/feedback", "Rate a service or report a problem"),
    ("/public/consultations", "Public consultations"),
)


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
@pytest.mark.parametrize("path", ["/public/consultations", "/public/feedback"])
def test_a_visitor_keeps_the_portal_links_on_the_public_pages(client, lang, path):
    page = client.get(f"{path}?lang={lang}")
    assert page.status_code == 200
    header = page.text.split("<header>")[1].split("</header>")[0]
    for href, msgid in PORTAL_LINKS:
        assert re.search(rf'href="{href}"[^>]*>{re.escape(gettext(lang, msgid))}</a>', header), (href, lang)
    assert re.search(rf'href="{path}" aria-current="page"', header)


def test_staff_keep_their_menu_on_the_public_pages(as_user):
    coord = as_user("coord")
    header = coord.get("/public/consultations?lang=en").text.split("<header>")[1].split("</header>")[0]
    assert 'href="/kpis"' in header and 'href="/public/feedback"' not in header

"""Every page speaks ar, ckb or en, with the right direction and stylesheet."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("lang", "direction", "css"),
    [
        ("ar", "rtl", "bootstrap.rtl.min.css"),
        ("ckb", "rtl", "bootstrap.rtl.min.css"),
        ("en", "ltr", "bootstrap.min.css"),
    ],
)
def test_it_sets_lang_dir_and_bootstrap_build_from_the_locale(client, lang, direction, css):
    html = client.get(f"/login?lang={lang}").text
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert f"/static/vendor/bootstrap/{css}" in html


def test_it_uses_the_site_default_language_before_any_choice(client):
    assert '<html lang="ar" dir="rtl">' in client.get("/login").text


def test_it_translates_the_sign_in_page(client):
    assert "تسجيل الدخول" in client.get("/login?lang=ar").text
    assert "چوونەژوورەوە" in client.get("/login?lang=ckb").text
    assert "Sign in" in client.get("/login?lang=en").text


def test_it_remembers_lang_from_the_url_in_a_cookie_before_sign_in(client):
    client.get("/login?lang=en")
    assert client.cookies.get("raqmana_lang") == "en"
    assert '<html lang="en" dir="ltr">' in client.get("/login").text


def test_it_switches_language_with_the_switcher_form(client):
    r = client.form("/language", {"lang": "ckb", "next": "/login?lang=en"})
    assert r.status_code == 303
    assert r.headers["location"] == "/login"
    assert '<html lang="ckb" dir="rtl">' in client.get("/login").text


def test_it_stores_a_signed_in_users_choice_on_the_account(as_user, app):
    viewer = as_user("viewer")  # locale en
    assert '<html lang="en"' in viewer.get("/").text
    viewer.form("/language", {"lang": "ar", "next": "/"}, page="/")
    viewer.cookies.delete("raqmana_lang")
    assert '<html lang="ar"' in viewer.get("/").text  # from the account, not the cookie


def test_it_ignores_unknown_languages(client):
    assert '<html lang="ar"' in client.get("/login?lang=xx").text


def test_it_never_references_a_cdn(client):
    html = client.get("/login").text
    for url in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert url.startswith(("/", "#")), url


def test_it_labels_illustrative_assessments_with_a_banner(as_user, world):
    from raqmana.i18n import Translated
    from raqmana.workspace import SYSTEM, assessments

    with world.ws.transaction() as s:
        demo = assessments.open_round(
            s,
            SYSTEM,
            framework_version_id=1,
            name=Translated(en="Demo", ar="عرض", ckb="نمایش"),
            period="2025",
            institution_codes=["mofa"],
            illustrative=True,
        )
    coord = as_user("coord")
    assert "rq-illustrative" in coord.get(f"/assessments/{demo.id}").text
    assert "بيانات توضيحية" in coord.get(f"/assessments/{demo.id}").text
    assert "rq-illustrative" not in coord.get(f"/assessments/{world.assessment_id}").text
    assert coord.get(f"/api/v1/assessments/{demo.id}").json()["assessment"]["illustrative"] is True

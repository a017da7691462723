"""Names instead of codes (institutions, frameworks), lists sorted by name in the reader's language, and one
institution's results only for those who may read that institution."""

from __future__ import annotations

import re

import pytest

from raqmana.i18n import Translated
from raqmana.web.collation import by_name, name_key
from raqmana.workspace import SYSTEM, assessments, responses
from raqmana.workspace.answers import Answer
from raqmana.workspace.auth import load_actor

from .test_results import scored  # noqa: F401  (fixture)


def order(html: str, codes: list[str]) -> list[str]:
    """The codes in the order their institution links appear on the page."""
    found = {c: html.find(f'/institutions/{c}"') for c in codes}
    assert all(pos >= 0 for pos in found.values()), found
    return sorted(codes, key=found.__getitem__)


def test_it_sorts_names_as_readers_of_each_language_expect():
    assert (
        name_key("أربيل", "ar") < name_key("البصرة", "ar") < name_key("بغداد", "ar")
    )  # hamza on alef is alef
    assert name_key("وەزارەتی پلاندانان", "ckb") < name_key("وەزارەتی تەندروستی", "ckb")  # پ before ت
    assert name_key("ھەولێر", "ckb") < name_key("یەکەم", "ckb") and name_key("وان", "ckb") < name_key(
        "ھەولێر", "ckb"
    )
    items = [Translated(en="beta", ar="ب", ckb="ب"), Translated(en="Alpha", ar="ا", ckb="ا")]
    assert [t.en for t in by_name(items, "en", lambda t: t)] == ["Alpha", "beta"]


def test_it_lists_a_rounds_institutions_by_name_in_the_readers_language(as_user, world):
    with world.ws.transaction() as s:
        fv = assessments.get_assessment(s, SYSTEM, world.assessment_id)[0].framework_version_id
        other = assessments.open_round(
            s,
            SYSTEM,
            framework_version_id=fv,
            name="Sorting",
            period="2027",
            institution_codes=["mop", "moh", "cbi", "nazaha"],
        )
    coord = as_user("coord")
    codes = ["mop", "moh", "cbi", "nazaha"]
    assert order(coord.get(f"/assessments/{other.id}?lang=en").text, codes) == ["cbi", "nazaha", "moh", "mop"]
    assert order(coord.get(f"/assessments/{other.id}?lang=ckb").text, codes) == [
        "cbi",
        "nazaha",
        "mop",
        "moh",
    ]
    api = coord.get(f"/api/v1/assessments/{other.id}?lang=en").json()
    assert [i["org"]["code"] for i in api["institutions"]] == ["cbi", "nazaha", "moh", "mop"]


def test_it_shows_framework_names_with_their_version_not_codes(as_user, world):
    coord = as_user("coord")
    listing = coord.get("/assessments?lang=en").text
    assert "Tiny framework" in listing and 'version <bdi dir="ltr" lang="en">1.0</bdi>' in listing
    assert "tiny 1.0" not in listing
    assert "إطار صغير" in coord.get(f"/assessments/{world.assessment_id}?lang=ar").text
    assert (
        coord.get("/api/v1/assessments").json()["assessments"][0]["framework_name"]["en"] == "Tiny framework"
    )


def test_it_names_the_institution_of_each_answer_waiting_for_review(as_user, world):
    with world.ws.transaction() as s:
        focal = load_actor(s, world.user_ids["focal"])
        responses.save_answer(
            s,
            focal,
            assessment_id=world.assessment_id,
            institution_code="mofa",
            indicator_id="LEG-01",
            answer=Answer(2),
            expected_version=0,
        )
        responses.submit(s, focal, assessment_id=world.assessment_id, institution_code="mofa")
    rev = as_user("rev")
    page = rev.get(f"/assessments/{world.assessment_id}/review?lang=ar").text
    assert "وزارة الخارجية" in page and not re.search(r">\s*mofa\s*<", page)
    filtered = rev.get(f"/assessments/{world.assessment_id}/review?institution=mofa&lang=en").text
    assert "Institution: Ministry of Foreign Affairs" in filtered
    response_id = rev.get(f"/api/v1/assessments/{world.assessment_id}/review").json()["queue"][0]["id"]
    assert "Ministry of Foreign Affairs" in rev.get(f"/responses/{response_id}?lang=en").text


@pytest.mark.parametrize(
    ("who", "mofa", "moi"),
    [
        ("rev", 200, 404),  # reviewer of mofa only
        ("focal", 200, 404),  # focal point of mofa only
        ("coord", 200, 200),
        ("viewer", 200, 200),
    ],
)
def test_it_shows_an_institutions_results_only_to_those_who_may_read_it(scored, as_user, who, mofa, moi):  # noqa: F811
    user = as_user(who)
    base = f"/assessments/{scored.assessment_id}/results"
    for code, expected in (("mofa", mofa), ("moi", moi)):
        assert user.get(f"{base}/institutions/{code}").status_code == expected
        assert user.get(f"/api/v1{base}/institutions/{code}").status_code == expected
        assert user.get(f"{base}/institutions/{code}/radar.svg").status_code == expected
    national = user.get(f"{base}?lang=en").text
    assert (f'{base}/institutions/moi"' in national) == (moi == 200)
    assert "Ministry of Interior" in national  # the national table still names every institution

"""The coordinator's heat map: completion per institution × enabler."""

from __future__ import annotations

import re

from raqmana.web.routers.progress import heat_class


def test_it_shows_each_institution_and_enabler_with_its_share(as_user, world):
    focal = as_user("focal")
    base = f"/assessments/{world.assessment_id}/institutions/mofa"
    focal.form(f"{base}/answers/LEG-01", {"answer": "3", "expected_version": 0}, page="/")
    html = as_user("coord").get(f"/assessments/{world.assessment_id}/progress?lang=en").text
    assert "Ministry of Foreign Affairs" in html and "Ministry of Interior" in html
    assert "Legal" in html and ">LEG<" not in html, "enablers by name, not by code"
    # 1 of 2 legal questions answered, none accepted yet: the colour is the accepted share
    assert re.search(r'<td class="heat-0">50%<br>✓ 0%</td>', html), html
    assert "1 of 4 answers given" in html.replace("\n", " ") or "1 of 8 answers given" in html


def test_it_gives_the_progress_as_json(as_user, world):
    data = as_user("coord").get(f"/api/v1/assessments/{world.assessment_id}/progress").json()
    rows = {r["org"]["code"]: r for r in data["completion"]["rows"]}
    assert set(rows) == {"mofa", "moi"}
    assert rows["mofa"]["cells"]["LEG"]["expected"] == 2


def test_it_prints_arabic_indic_digits_in_arabic(as_user, world):
    html = as_user("coord").get(f"/assessments/{world.assessment_id}/progress").text
    assert re.search(r">[٠-٩]+[%٪]<", html), "percentages in Arabic-Indic digits"


def test_it_hides_the_progress_from_outsiders(as_user, world):
    assert as_user("outsider").get(f"/assessments/{world.assessment_id}/progress").status_code == 404


def test_it_maps_shares_to_ten_colour_steps():
    assert [heat_class(x) for x in (None, 0, 0.09, 0.1, 0.55, 1.0)] == [
        "heat-0",
        "heat-0",
        "heat-0",
        "heat-1",
        "heat-5",
        "heat-10",
    ]


def test_it_shows_a_change_at_once_although_the_table_is_kept_between_requests(as_user, world):
    coord = as_user("coord")
    url = f"/assessments/{world.assessment_id}/progress?lang=en"
    first = coord.get(url).text
    assert coord.get(url).text == first  # kept: the same table
    as_user("focal").form(
        f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01",
        {"answer": "2", "expected_version": 0},
        page="/",
    )
    second = coord.get(url).text
    assert second != first and '<td class="heat-0">50%<br>' in second
    assert '<td class="heat-0">50%<br>' not in first


def test_it_keeps_one_table_per_language_and_reader_scope(as_user, world):
    coord, viewer = as_user("coord"), as_user("focal")
    url = f"/assessments/{world.assessment_id}/progress"
    assert "Ministry of Interior" in coord.get(url + "?lang=en").text
    focal_page = viewer.get(url + "?lang=en")
    if focal_page.status_code == 200:  # a focal point sees its own institution only
        assert "Ministry of Interior" not in focal_page.text
    assert "وزارة الداخلية" in coord.get(url + "?lang=ar").text


def test_it_sends_pages_compressed_to_browsers_that_accept_it(as_user, world):
    coord = as_user("coord")
    url = f"/assessments/{world.assessment_id}/progress"
    packed = coord.get(url, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) < len(packed.content) / 2
    plain = coord.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.text == packed.text


def test_it_colours_a_cell_by_the_share_accepted_not_the_share_answered():
    from types import SimpleNamespace

    from raqmana.web.routers.progress import heat_cells
    from raqmana.workspace.views import CompletionCell

    typed = CompletionCell(expected=10, draft=2, submitted=8)  # everything answered, nothing accepted
    counted = CompletionCell(expected=10, submitted=2, accepted=8)
    table = SimpleNamespace(
        pillars=[SimpleNamespace(id="LEG"), SimpleNamespace(id="SRV")],
        rows=[SimpleNamespace(cells={"LEG": typed, "SRV": counted}, total=counted)],
    )
    [[leg, srv, _total]] = heat_cells(table, "en", None)  # type: ignore[arg-type]
    assert leg == ("heat-0", "100%", "0%")
    assert srv == ("heat-8", "100%", "80%")

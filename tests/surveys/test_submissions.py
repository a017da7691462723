"""Kobo and ODK Central exports read against a survey: headers of either tool, all or nothing."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook

from raqmana.problems import ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.packs import find
from raqmana.surveys.submissions import pseudonym, read_export

SECRET = b"test-workspace-secret"


@pytest.fixture(scope="module")
def survey():
    return find("civil_servants")


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


KOBO_HEADER = [
    "start",
    "end",
    "profile/institution",
    "profile/staff_id",
    "profile/sex",
    "profile/age_group",
    "profile/governorate",
    "skills/skill_email",
    "tools/systems",
    "tools/systems/email",
    "tools/systems/esignature",
    "bottlenecks/bn_power",
    "_id",
    "_uuid",
    "_submission_time",
    "_submitted_by",
    "_index",
]


def _kobo_row(uuid: str, sex: str = "female", power: str = "a_lot") -> list[str]:
    return [
        "2026-11-01T10:00:00",
        "2026-11-01T10:20:00",
        "Ministry of Health",
        "HR-1029",
        sex,
        "30_44",
        "gov-basra",
        "very",
        "email esignature",
        "1",
        "1",
        power,
        "17",
        uuid,
        "2026-11-01T10:21:00",
        "enumerator7",
        "1",
    ]


def test_it_reads_kobo_xml_headers_with_slash_paths(survey) -> None:
    result = read_export(
        _csv([KOBO_HEADER, _kobo_row("a1"), _kobo_row("a2", "male", "not")]),
        file="kobo.csv",
        survey=survey,
        secret=SECRET,
    )
    first, second = result.submissions
    assert first.uuid == "a1" and first.submitted_at == "2026-11-01T10:21:00"
    assert first.answers["sex"] == "female" and second.answers["bn_power"] == "not"
    assert first.answers["systems"] == "email esignature"
    assert first.answers["governorate"] == "gov-basra"


def test_it_pseudonymises_respondents_and_submitters(survey) -> None:
    result = read_export(_csv([KOBO_HEADER, _kobo_row("a1")]), file="kobo.csv", survey=survey, secret=SECRET)
    [sub] = result.submissions
    assert sub.answers["staff_id"] == pseudonym("HR-1029", SECRET) != "HR-1029"
    assert sub.submitter == pseudonym("enumerator7", SECRET)
    assert "HR-1029" not in repr(sub) and "enumerator7" not in repr(sub)
    other = read_export(_csv([KOBO_HEADER, _kobo_row("a1")]), file="k.csv", survey=survey, secret=b"another")
    assert other.submissions[0].answers["staff_id"] != sub.answers["staff_id"]


def test_it_reads_odk_central_dash_paths_and_one_column_per_choice(survey) -> None:
    header = [
        "SubmissionDate",
        "profile-sex",
        "profile-age_group",
        "tools-systems-email",
        "tools-systems-none",
    ]
    header += ["bottlenecks-bn_paper", "meta-instanceID", "KEY", "SubmitterID", "ReviewState", "FormVersion"]
    row = ["2026-11-02", "male", "18_29", "1", "0", "somewhat", "uuid:b1", "uuid:b1", "5", "", "2026.1"]
    [sub] = read_export(_csv([header, row]), file="odk.csv", survey=survey, secret=SECRET).submissions
    assert sub.uuid == "b1"
    assert sub.answers == {"sex": "male", "age_group": "18_29", "systems": "email", "bn_paper": "somewhat"}


def test_it_reads_label_headers_and_label_values_in_arabic(survey) -> None:
    sex = survey.question("sex")
    power = survey.question("bn_power")
    header = ["_uuid", sex.label.ar, power.label.ar]
    female = next(o for o in survey.options(sex) if o.name == "female").label.ar
    a_lot = next(o for o in survey.options(power) if o.name == "a_lot").label.ar
    [sub] = read_export(
        _csv([header, ["c1", female, a_lot]]), file="labels.csv", survey=survey, secret=SECRET
    ).submissions
    assert sub.answers == {"sex": "female", "bn_power": "a_lot"}


def test_it_reads_an_xlsx_export(survey) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(KOBO_HEADER)
    ws.append(_kobo_row("x1"))
    buffer = io.BytesIO()
    wb.save(buffer)
    [sub] = read_export(buffer.getvalue(), file="kobo.xlsx", survey=survey, secret=SECRET).submissions
    assert sub.answers["skill_email"] == "very"


def test_every_problem_is_reported_located_and_nothing_is_returned(survey) -> None:
    header = [*KOBO_HEADER, "q_from_another_form"]
    bad_choice = _kobo_row("d2", sex="unknown")
    rows = [header, [*_kobo_row("d1"), ""], [*bad_choice, ""], [*_kobo_row("d1", power="not"), ""]]
    with pytest.raises(ProblemsError) as caught:
        read_export(_csv(rows), file="bad.csv", survey=survey, secret=SECRET)
    found = {(p.code, p.location.line, p.location.column) for p in caught.value.problems}
    assert (E.UNKNOWN_COLUMN, 1, "q_from_another_form") in found
    assert (E.NOT_A_CHOICE, 3, "profile/sex") in found
    assert (E.DUPLICATE_UUID, 4, "_uuid") in found


def test_an_export_of_another_form_version_is_refused(survey) -> None:
    header = ["KEY", "profile-sex", "FormVersion"]
    with pytest.raises(ProblemsError) as caught:
        read_export(_csv([header, ["k1", "male", "2019.3"]]), file="old.csv", survey=survey, secret=SECRET)
    assert [p.code for p in caught.value.problems] == [E.OTHER_VERSION]


def test_a_broken_workbook_and_a_file_without_identifiers_are_refused(survey) -> None:
    with pytest.raises(ProblemsError) as caught:
        read_export(b"PK\x03\x04broken", file="broken.xlsx", survey=survey, secret=SECRET)
    assert caught.value.problems[0].code is E.BROKEN_FILE
    with pytest.raises(ProblemsError) as caught:
        read_export(_csv([["profile/sex"], ["male"]]), file="noid.csv", survey=survey, secret=SECRET)
    assert caught.value.problems[0].code is E.NO_ID_COLUMN


def test_the_same_row_twice_is_one_submission(survey) -> None:
    result = read_export(
        _csv([KOBO_HEADER, _kobo_row("e1"), _kobo_row("e1")]), file="twice.csv", survey=survey, secret=SECRET
    )
    assert [s.uuid for s in result.submissions] == ["e1"]


def test_repeat_sheets_of_an_xlsx_export_are_reported_not_dropped(survey) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(KOBO_HEADER)
    ws.append(_kobo_row("r1"))
    repeat = wb.create_sheet("household_members")
    repeat.append(["name", "_index", "_parent_index"])
    buffer = io.BytesIO()
    wb.save(buffer)
    result = read_export(buffer.getvalue(), file="kobo.xlsx", survey=survey, secret=SECRET)
    assert [(w.code, w.location.sheet) for w in result.warnings] == [(E.SHEET_NOT_KEPT, "household_members")]

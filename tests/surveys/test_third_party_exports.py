"""Real exports written by another server (Ona, BSD; see data/exports/PROVENANCE.md): columns of questions
raqmana does not keep are left out with a located warning instead of refusing the file, and ``n/a``
(a question the form skipped) is no answer."""

from __future__ import annotations

from pathlib import Path

from raqmana.surveys import errors as E
from raqmana.surveys.submissions import read_export
from raqmana.surveys.xlsform_in import read_form

EXPORTS = Path(__file__).parent / "data" / "exports"


def _import(stem: str):  # type: ignore[no-untyped-def]
    survey = read_form((EXPORTS / f"{stem}.xlsx").read_bytes(), file=f"{stem}.xlsx").survey
    return survey, read_export(
        (EXPORTS / f"{stem}.csv").read_bytes(), file=f"{stem}.csv", survey=survey, secret=b"k" * 32
    )


def test_columns_of_questions_not_kept_are_left_out_with_a_located_warning() -> None:
    survey, result = _import("onadata-tutorial")
    assert survey.not_kept == ["picture", "gps"]
    left_out = [
        (w.params["column"], w.location.line) for w in result.warnings if w.code is E.COLUMN_OF_NOT_KEPT
    ]
    assert left_out == [("picture", 1), ("gps", 1)]
    [submission] = result.submissions
    assert submission.uuid == "8dbb9e05-2116-4846-95fd-1c0261748677"
    assert submission.answers == {}  # every kept question was "n/a": skipped, no answer


def test_a_loop_s_columns_are_named_by_the_loop_and_select_multiple_false_is_not_chosen() -> None:
    survey, result = _import("onadata-transportation")
    assert "loop_over_transport_types_frequency" in survey.not_kept
    names = {w.params["name"] for w in result.warnings if w.code is E.COLUMN_OF_NOT_KEPT}
    assert names == {"loop_over_transport_types_frequency"}
    [submission] = result.submissions
    assert submission.uuid == "5b2cc313-fc09-437e-8149-fcd32f695d41"
    assert "available_transportation_types_to_referral_facility" not in submission.answers

""" "Not found" agrees with whatever it names in Arabic: the sentence is built so that no adjective has to
agree with the noun ("لم يُعثر على الجهة", not "الجهة غير موجود" with a feminine noun)."""

from __future__ import annotations

from raqmana.i18n import gettext
from raqmana.problems import Location, Problem
from raqmana.workspace import errors as E


def test_not_found_reads_right_with_feminine_and_masculine_nouns():
    for key in ("organisation", "service", "consultation", "user", "document"):
        message = Problem(E.NOT_FOUND, Location(), {"what": E.WHAT[key]}).message("ar")
        noun = E.WHAT[key]["ar"]
        assert message == f"لم يُعثر على {noun}.", message
        assert "غير موجود" not in message
    assert gettext("ar", "Institution") in Problem(
        E.NOT_FOUND, Location(), {"what": E.WHAT["organisation"]}
    ).message("ar")

"""Cases in exchange files: export as CSV/JSON with tracking numbers and referral history (contact only
with consent, formulas disarmed), import all-or-nothing with located problems."""

from __future__ import annotations

import csv
import io
import json

import pytest

from raqmana.i18n.vocabulary import Channel, FeedbackKind
from raqmana.workspace import ValidationFailed
from raqmana.workspace import participation as P
from raqmana.workspace import participation_files as F


def send(world, text, *, contact=None, consent=False, client="10.0.0.1"):
    with world.ws.transaction() as s:
        return P.submit_feedback(
            s,
            institution="mofa",
            kind=FeedbackKind.COMPLAINT,
            channel=Channel.ONLINE,
            text=text,
            lang="en",
            client=client,
            answer_days=15,
            contact=contact,
            contact_consent=consent,
        ).tracking


def export(world, who, fmt):
    with world.ws.reader() as s:
        return F.export_cases(s, world[who], fmt=fmt)


def load(world, who, data, filename):
    with world.ws.transaction() as s:
        return F.import_cases(s, world[who], data=data, filename=filename)


def test_it_exports_the_contact_only_where_the_person_agreed_and_disarms_formulas(world):
    secret = send(world, '=HYPERLINK("http://x")', contact="07700000001")
    shared = send(world, "slow", contact="07700000002", consent=True, client="10.0.0.2")
    with world.ws.transaction() as s:
        P.refer(s, world["focal"], shared, institution="mofa", note="kept")
    rows = {
        r["tracking"]: r
        for r in csv.DictReader(io.StringIO(export(world, "focal", "csv").decode("utf-8-sig")))
    }
    assert rows[secret]["contact"] == "" and rows[secret]["text"].startswith("'=")
    assert rows[shared]["contact"] == "07700000002"
    assert json.loads(rows[shared]["referrals"])[0]["note"] == "kept"
    items = json.loads(export(world, "focal", "json"))
    assert {i["tracking"] for i in items} == {secret, shared}
    assert "07700000001" not in json.dumps(items)
    assert export(world, "outsider", "csv").decode("utf-8-sig").count("\n") == 1  # the header only


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_imports_back_unchanged_and_into_an_empty_workspace_too(world, fmt):
    send(world, "one =1+1")
    send(world, "two", contact="x@y.iq", consent=True, client="10.0.0.2")
    data = export(world, "focal", fmt)
    report = load(world, "focal", data, f"cases.{fmt}")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    edited = data.replace(b"two", b"two and edited")
    assert load(world, "focal", edited, f"cases.{fmt}").updated == 1
    assert export(world, "focal", fmt) == edited


def test_a_bad_file_changes_nothing_and_says_where(world):
    good = send(world, "kept as it was")
    data = export(world, "focal", "csv").decode("utf-8-sig")
    header, row = data.splitlines()
    bad_rows = [
        row.replace("kept as it was", "changed"),
        row.replace(good, "RQ-0000-0000-0000-X"),  # not a tracking number
        row.replace(",online,", ",pigeon,"),
    ]
    with pytest.raises(ValidationFailed) as e:
        load(world, "focal", "\n".join([header, *bad_rows]).encode(), "cases.csv")
    located = sorted((p.location.line, p.location.column) for p in e.value.problems)
    assert located == [(3, "tracking"), (4, "channel")]
    assert export(world, "focal", "csv").decode("utf-8-sig") == data  # nothing changed


def test_only_the_institutions_handlers_import_its_cases(world):
    send(world, "mine")
    data = export(world, "focal", "json")
    with pytest.raises(ValidationFailed) as e:
        load(world, "outsider", data, "cases.json")
    assert e.value.problems[0].location.path == "[0].institution"
    with pytest.raises(ValidationFailed):
        load(world, "focal", b"[1, 2]", "cases.json")
    with pytest.raises(ValidationFailed):
        load(world, "focal", b"x", "cases.txt")

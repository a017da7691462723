"""The legal and institutional register: seeded from the Iraq pack with sources, edited by whole-tree
managers (audited), read by everyone with a role; each gap has a proposal; bad values are located."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from raqmana.documents.register import pack_register, parse
from raqmana.problems import ProblemsError
from raqmana.store.models import AuditEvent
from raqmana.workspace import Forbidden, ValidationFailed
from raqmana.workspace.documents_register import read_register, update_register_entry


def test_the_iraq_pack_seeds_the_register_with_law_78_and_the_gaps():
    areas = {a.id: a for a in pack_register("iraq-dla")}
    assert set(areas) >= {
        "e_signature",
        "personal_data",
        "cybercrime",
        "access_to_information",
        "data_exchange",
        "lead_institution",
        "multi_year_financing",
    }
    esig = areas["e_signature"]
    assert esig.status == "exists" and "(78) of 2012" in esig.reference["en"] and esig.sources
    # the law's official Arabic title, and the reference in Sorani
    assert esig.reference["ar"].startswith(
        "قانون التوقيع الإلكتروني والمعاملات الإلكترونية رقم (78) لسنة 2012"
    )
    assert "(78)ی ساڵی 2012" in esig.reference["ckb"]
    assert "2025" in esig.instrument["en"] and "2025" in esig.instrument["ar"]
    for a in areas.values():
        assert a.sources, a.id  # every entry says where it comes from
        if a.status != "exists":
            assert a.proposal is not None and a.proposal.cost_band in ("low", "medium", "high"), a.id
            assert all(a.proposal.what[lang] for lang in ("en", "ar", "ckb"))


def test_a_bad_status_in_a_pack_is_located():
    with pytest.raises(ProblemsError) as err:
        parse("areas:\n  - id: x\n    status: maybe\n")
    assert err.value.problems[0].code.id == "DC025"


def test_coordinators_edit_an_area_and_the_change_is_audited(docworld):
    with docworld.ws.transaction() as s:
        view = update_register_entry(
            s,
            docworld["coord"],
            area="personal_data",
            changes={"status": "drafted", "reference": "draft of 2026", "instrument_en": "Draft data law"},
        )
    assert (view.status, view.reference["en"], view.reference["ar"], view.instrument["en"]) == (
        "drafted",
        "draft of 2026",
        "draft of 2026",
        "Draft data law",
    )
    assert view.instrument["ar"] and view.proposal and view.edited_by
    with docworld.ws.reader() as s:
        seen = {e.area: e for e in read_register(s, docworld["fp_b"]).entries}
        event = s.execute(
            select(AuditEvent.action, AuditEvent.entity_id).order_by(AuditEvent.seq.desc()).limit(1)
        ).one()
    assert seen["personal_data"].status == "drafted"
    assert tuple(event) == ("register.update", "personal_data")


def test_others_cannot_edit_and_bad_values_change_nothing(docworld):
    with docworld.ws.transaction() as s, pytest.raises(Forbidden):
        update_register_entry(s, docworld["fp_a"], area="cybercrime", changes={"status": "exists"})
    with docworld.ws.transaction() as s, pytest.raises(ValidationFailed) as err:
        update_register_entry(s, docworld["coord"], area="cybercrime", changes={"status": "passed"})
    assert err.value.problems[0].code.id == "DC025"
    with docworld.ws.transaction() as s, pytest.raises(ValidationFailed) as err:
        update_register_entry(s, docworld["coord"], area="space_law", changes={})
    assert err.value.problems[0].code.id == "DC026"
    with docworld.ws.reader() as s:
        seen = {e.area: e for e in read_register(s, docworld["viewer"]).entries}
    assert seen["cybercrime"].status == "drafted" and seen["cybercrime"].edited_by == ""


def test_a_reference_is_kept_per_language_and_shown_in_the_readers(docworld):
    from raqmana.reports.documents_chapter import _reference

    with docworld.ws.transaction() as s:
        view = update_register_entry(
            s,
            docworld["coord"],
            area="cybercrime",
            changes={"reference_ar": "مسودة 2026", "status": "drafted"},
        )
    assert view.reference["ar"] == "مسودة 2026"
    assert view.reference["en"] == "draft versions before the Council of Representatives since 2011"
    assert _reference(view.reference, "ar", str) == "مسودة 2026"
    english_only = {"en": "Law No. 5 of 2020"}
    assert _reference(english_only, "ckb", str) == "\u2066Law No. 5 of 2020\u2069"  # isolated as written
    assert _reference(english_only, "en", str) == "Law No. 5 of 2020"


def test_a_reference_stored_before_it_had_languages_takes_the_packs(docworld):
    from raqmana.store.models import RegisterEntry

    with docworld.ws.transaction() as s:
        update_register_entry(s, docworld["coord"], area="e_signature", changes={"status": "exists"})
        row = s.scalar(select(RegisterEntry).where(RegisterEntry.area == "e_signature"))
        row.reference = {"en": row.reference["en"]}  # as migration 0018 keeps an older row
    with docworld.ws.reader() as s:
        esig = {e.area: e for e in read_register(s, docworld["coord"]).entries}["e_signature"]
    assert esig.reference["ar"].startswith("قانون التوقيع الإلكتروني")

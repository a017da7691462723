"""The shared terms are defined once, keep the values stored in the database, and have words in ar and ckb."""

from __future__ import annotations

import pytest

from raqmana.i18n import vocabulary as V
from raqmana.i18n.sorani import wrong_letters


def test_stored_values_stay_what_the_database_and_files_hold():
    assert [k.value for k in V.ORGANISATION_KINDS] == [
        "government",
        "secretariat",
        "ministry",
        "independent_body",
        "agency",
        "governorate",
        "region",
        "regional_body",
        "unit",
    ]
    assert [s.value for s in V.ResponseState] == ["draft", "submitted", "returned", "accepted"]
    assert [s.value for s in V.JobStatus] == ["queued", "running", "done", "failed"]
    assert [h.value for h in V.Horizon] == ["short", "long"]
    assert [p.value for p in V.Phase] == ["short", "medium", "long"]
    assert V.OrgKind.MINISTRY == "ministry" and V.ResponseState("draft") is V.ResponseState.DRAFT


def test_the_domain_packages_use_the_vocabulary_terms():
    from raqmana.frameworks.schema import InstitutionType
    from raqmana.recommend.rules import Horizon
    from raqmana.roadmap.model import Phase
    from raqmana.workspace.org_import import KINDS
    from raqmana.workspace.views import ResponseState

    assert InstitutionType is V.OrgKind and KINDS is V.ORGANISATION_KINDS
    assert Horizon is V.Horizon and Phase is V.Phase and ResponseState is V.ResponseState


@pytest.mark.parametrize("vocabulary", sorted(V.VOCABULARIES))
def test_every_term_has_its_words_in_arabic_and_sorani(vocabulary):
    words = V.names(vocabulary)
    assert len(words) >= 2
    for value, t in words.items():
        assert t.en and t.ar and t.ckb, value
        assert t.ar != t.en and t.ckb != t.en, value
        assert wrong_letters(t.ckb) == [], value


def test_words_read_the_catalogue_in_each_language():
    assert V.word("org kind", "ministry", "ar") == "وزارة"
    assert V.word("org kinds", V.OrgKind.GOVERNORATE, "ckb") == "پارێزگاکان"
    assert V.word("response state", "returned", "en") == "Returned"
    assert V.word("job status", "queued", "ar") == "بانتظار التنفيذ"


def test_a_value_without_words_is_shown_as_it_is():
    assert V.name("org kind", "chamber").get("ar") == "chamber"
    assert "chamber" not in V.names("org kind")
    with pytest.raises(KeyError):
        V.names("response state")["chamber"]

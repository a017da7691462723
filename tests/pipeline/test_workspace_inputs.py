"""A round's accepted answers as the chain's inputs: answers, institutions with their region, and the
share of answers without evidence."""

from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.workspace.accepted import AcceptedCell, AcceptedValues
from raqmana.workspace.results import chain_inputs
from raqmana.workspace.views import OrgView


def _org(k: int, code: str, kind: str, parent: str | None = None) -> OrgView:
    return OrgView(k, code, kind, parent, Translated.of(code, code, code))


def _cell(value: float | None, evidence: int) -> AcceptedCell:
    return AcceptedCell(value, False, False, 1, "a", "r", None, 1, evidence)


def test_it_groups_institutions_by_the_region_they_are_in(tmp_path):
    fw = load(write_framework(tmp_path, framework_dict())).framework
    orgs = {
        o.code: o
        for o in (
            _org(1, "north", "region"),
            _org(2, "north-health", "ministry", "north"),
            _org(3, "north-health-it", "unit", "north-health"),
            _org(4, "moh", "ministry"),
            _org(5, "gov-a", "governorate"),
        )
    }
    codes = list(orgs)
    accepted = AcceptedValues(
        1,
        1,
        codes,
        ["LEG-01", "LEG-02"],
        {
            **{(c, "LEG-01"): _cell(2.0, 1) for c in codes},
            ("moh", "LEG-02"): _cell(None, 0),
        },
    )
    responses, metas, missing = chain_inputs(fw, accepted, orgs)
    assert {c: m.region for c, m in metas.items()} == {
        "north": "north",
        "north-health": "north",
        "north-health-it": "north",
        "moh": "federal",
        "gov-a": "federal",
    }
    assert metas["gov-a"].governorate == "gov-a" and metas["moh"].governorate == ""
    assert responses["moh"] == {"LEG-01": 2.0}
    assert missing["moh"] == {"LEG": 0.5} and missing["gov-a"] == {"LEG": 0.0}

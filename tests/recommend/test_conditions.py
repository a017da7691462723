"""The condition language: every form parses to what it means, and bad text says why."""

import pytest

from raqmana.recommend.conditions import (
    Compare,
    ConditionSyntax,
    Fired,
    Missing,
    Operand,
    Share,
    TypeIn,
    parse,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LEG-01 < 3", Compare(Operand("stage", "LEG-01"), "<", 3.0)),
        ("stage(LEG-01) <= 2", Compare(Operand("stage", "LEG-01"), "<=", 2.0)),
        ("score(DAT) < 50", Compare(Operand("score", "DAT"), "<", 50.0)),
        ("gap(DAT)>=20.5", Compare(Operand("gap", "DAT"), ">=", 20.5)),
        ("no_evidence(*) > 0.3", Compare(Operand("no_evidence", "*"), ">", 0.3)),
        ("answered(SRV) != 1", Compare(Operand("answered", "SRV"), "!=", 1.0)),
        ("LEG-01 missing", Missing(Operand("stage", "LEG-01"))),
        ("score(LEG) is missing", Missing(Operand("score", "LEG"))),
        ("type in [ministry, governorate]", TypeIn(("ministry", "governorate"))),
        ("type not in [region]", TypeIn(("region",), negate=True)),
        ("type == ministry", TypeIn(("ministry",))),
        ("type != ministry", TypeIn(("ministry",), negate=True)),
        ("fired(LEG-R01)", Fired("LEG-R01")),
        ("not fired(LEG-R01)", Fired("LEG-R01", negate=True)),
        ("share(SRV-02 < 20) >= 0.5", Share(Compare(Operand("stage", "SRV-02"), "<", 20.0), ">=", 0.5)),
        ("  LEG-01   <   3 ", Compare(Operand("stage", "LEG-01"), "<", 3.0)),
    ],
)
def test_it_parses_each_form_of_condition(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("LEG-01 << 3", "expected e.g."),
        ("score(*) < 50", "needs one pillar"),
        ("stage(*) < 2", "not an indicator"),
        ("no_evidence(LEG) > 30", "share between 0 and 1"),
        ("share(fired(X)) > 0.5", "takes a comparison"),
        ("share(LEG-01 < 3) > 2", "between 0 and 1"),
        ("type in []", "empty list"),
    ],
)
def test_it_rejects_bad_conditions_with_a_reason(text, reason):
    with pytest.raises(ConditionSyntax, match=reason):
        parse(text)

"""The rules' ``bottleneck(item)`` condition: its syntax, the items it may name (the bottleneck questions of
the pack's surveys, RC020 otherwise, located on the condition) and how the rule base of the iraq-dla pack
uses it."""

from __future__ import annotations

import pytest

from raqmana.frameworks import load_or_raise
from raqmana.recommend import errors as E
from raqmana.recommend.conditions import Compare, ConditionSyntax, parse
from raqmana.recommend.loader import load_rules
from raqmana.recommend.rules import Rule, RuleBase, When
from raqmana.recommend.survey_items import bottleneck_items
from raqmana.recommend.validate import validate


def test_the_condition_reads_a_share_of_one_bottleneck() -> None:
    cond = parse("bottleneck(bn_power) >= 0.4")
    assert isinstance(cond, Compare)
    assert (cond.operand.kind, cond.operand.ref, cond.op, cond.value) == ("bottleneck", "bn_power", ">=", 0.4)


@pytest.mark.parametrize(
    "text",
    ["bottleneck(*) >= 0.4", "bottleneck(bn_power) >= 40", "share(bottleneck(bn_power) > 0.2) >= 0.5"],
)
def test_it_refuses_what_is_not_one_share_of_one_item(text: str) -> None:
    with pytest.raises(ConditionSyntax):
        parse(text)


def test_an_item_no_survey_asks_is_refused_on_its_condition() -> None:
    fw = load_or_raise("iraq-dla")
    assert {"bn_power", "bn_skills", "bn_legal"} <= bottleneck_items(fw.id)
    rule = Rule(
        id="X-R1",
        pillar="SKL",
        when=When(all=["SKL-01 < 3"], any=["bottleneck(bn_skills) >= 0.4", "bottleneck(bn_coffee) >= 0.4"]),
    )
    problems = [
        p for p in validate(RuleBase(framework=fw.id, rules=[rule]), fw) if p.code is E.UNKNOWN_BOTTLENECK
    ]
    assert [(p.params["value"], p.location.path) for p in problems] == [("bn_coffee", "rules[0].when.any[1]")]


def test_the_pack_s_rule_base_uses_it_without_a_problem() -> None:
    fw = load_or_raise("iraq-dla")
    result = load_rules("iraq-dla", fw)
    assert result.rulebase is not None and not result.errors
    users = {
        r.id for r in result.rulebase.rules if any("bottleneck(" in c for c in [*r.when.all, *r.when.any])
    }
    assert users == {"SKL-R10", "INF-R10", "IDS-R10"}

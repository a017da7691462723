"""Recommendations from a rule base (YAML beside the framework pack) applied to an assessment.

rules = load_rules("iraq-dla", framework)            # RulesResult with located problems
recs = generate(rules.rulebase, framework, assessment)
recs.national(), recs.for_institution("moi"), recs.as_dict()
"""

from raqmana.recommend.assessment import Assessment, InstitutionAnswers
from raqmana.recommend.benefit import BenefitDrivers, BenefitWeights
from raqmana.recommend.compiled import compile_rules
from raqmana.recommend.engine import generate
from raqmana.recommend.explain import describe
from raqmana.recommend.loader import RulesResult, load_rules, load_rules_or_raise
from raqmana.recommend.model import Recommendation, RecommendationSet, Trigger
from raqmana.recommend.rules import Category, Horizon, Kind, Kpi, Rule, RuleBase, Scope
from raqmana.recommend.validate import validate

__all__ = [
    "Assessment",
    "BenefitDrivers",
    "BenefitWeights",
    "Category",
    "Horizon",
    "InstitutionAnswers",
    "Kind",
    "Kpi",
    "Recommendation",
    "RecommendationSet",
    "Rule",
    "RuleBase",
    "RulesResult",
    "Scope",
    "Trigger",
    "compile_rules",
    "describe",
    "generate",
    "load_rules",
    "load_rules_or_raise",
    "validate",
]

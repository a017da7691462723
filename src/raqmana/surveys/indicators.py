"""Survey results as indicators of the assessment, each with its 95 % interval and its number of respondents.

A framework pack says which survey scores join its framework in ``survey_indicators.yaml`` beside
``framework.yaml``: the indicator's id and names, the survey and topic it is the score of, the sub-area
it joins and whether it is measured per institution (civil servants, mapped to their institution) or
once for the country (citizens). The value is the topic score on 0–100 (the weighted mean of the
respondents' topic scores, :mod:`.perception`); the chain scores it as a percentage indicator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from raqmana.frameworks.packs import pack_dir
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.surveys import errors as E
from raqmana.surveys.model import Survey
from raqmana.surveys.perception import SurveyResults, weighted_estimate
from raqmana.surveys.sampling import GroupCounts, group_counts

SPEC_FILE = "survey_indicators.yaml"


class Scope(StrEnum):
    INSTITUTION = "institution"  # one value per institution with enough respondents mapped to it
    NATIONAL = "national"  # one value for the country (given to the lead institution)


class IndicatorSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$")
    survey: str
    topic: str
    sub_area: str
    scope: Scope = Scope.INSTITUTION
    name: Translated = Translated()
    weight: float = Field(default=1.0, ge=0)
    #: fewer respondents mapped to an institution give it no value of its own
    min_respondents: int = Field(default=10, ge=2)


@dataclass(frozen=True)
class SurveyEstimate:
    """A survey indicator's value on 0–100 with its 95 % interval and the respondents behind it."""

    value: float
    low: float
    high: float
    n: int


@dataclass(frozen=True)
class SurveyIndicator:
    spec: IndicatorSpec
    national: SurveyEstimate | None
    #: institution code → its own estimate (institution scope, enough respondents)
    institutions: Mapping[str, SurveyEstimate] = field(default_factory=dict)
    illustrative: bool = False
    #: the respondents behind each value, compressed for the Monte Carlo's bootstrap (:mod:`.sampling`),
    #: with the column of the indicator's topic: "" for the national value, else the institution's code
    sampling: Mapping[str, tuple[GroupCounts, int]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.spec.id

    def to_dict(self) -> dict[str, object]:
        def est(e: SurveyEstimate | None) -> dict[str, float | int] | None:
            return None if e is None else {"value": e.value, "low": e.low, "high": e.high, "n": e.n}

        return {
            "id": self.spec.id,
            "survey": self.spec.survey,
            "topic": self.spec.topic,
            "sub_area": self.spec.sub_area,
            "scope": self.spec.scope.value,
            "name": self.spec.name.model_dump(),
            "illustrative": self.illustrative,
            "national": est(self.national),
            "institutions": {code: est(e) for code, e in sorted(self.institutions.items())},
        }


def spec_path(framework_id: str) -> Path | None:
    folder = pack_dir(framework_id)
    path = None if folder is None else folder / SPEC_FILE
    return path if path is not None and path.is_file() else None


def read_specs(path: Path) -> list[IndicatorSpec]:
    """The survey indicators of a pack (a YAML list of :class:`IndicatorSpec`), located problems."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise ProblemsError(
            [Problem(E.BROKEN_FILE, Location(file=path.name), {"kind": "YAML", "reason": str(exc)})]
        ) from None
    if not isinstance(data, list):
        raise ProblemsError(
            [Problem(E.BROKEN_FILE, Location(file=path.name), {"kind": "YAML", "reason": "not a list"})]
        )
    specs, problems = [], []
    for k, item in enumerate(data):
        try:
            specs.append(IndicatorSpec.model_validate(item))
        except ValidationError as exc:
            problems += [
                Problem(
                    E.BROKEN_FILE,
                    Location(file=path.name, path=".".join(str(p) for p in (k, *err["loc"]))),
                    {"kind": "YAML", "reason": err["msg"]},
                )
                for err in exc.errors()
            ]
    if problems:
        raise ProblemsError(problems)
    return specs


def indicator_specs(framework_id: str) -> list[IndicatorSpec]:
    """The survey indicators declared by a framework pack (none when it declares none)."""
    path = spec_path(framework_id)
    return [] if path is None else read_specs(path)


def check_specs(
    specs: list[IndicatorSpec], framework: Framework, surveys: Mapping[str, Survey], *, file: str = SPEC_FILE
) -> list[Problem]:
    """Each spec names a sub-area of ``framework``, a survey and one of its topics, and an unused id."""
    sub_areas = {s.id for p in framework.pillars for s in p.sub_areas}
    taken = {i.id for i in framework.indicators()}
    problems = []
    for k, spec in enumerate(specs):
        where = Location(file=file, path=str(k))
        survey = surveys.get(spec.survey)
        if spec.sub_area not in sub_areas:
            problems.append(Problem(E.SPEC_SUB_AREA, where, {"id": spec.id, "value": spec.sub_area}))
        if survey is None:
            problems.append(Problem(E.SPEC_SURVEY, where, {"id": spec.id, "value": spec.survey}))
        elif spec.topic not in survey.topics:
            problems.append(
                Problem(E.SPEC_TOPIC, where, {"id": spec.id, "survey": spec.survey, "value": spec.topic})
            )
        if spec.id in taken:
            problems.append(Problem(E.SPEC_ID_TAKEN, where, {"id": spec.id}))
        taken.add(spec.id)
    return problems


def _estimate(values: np.ndarray, weights: np.ndarray) -> SurveyEstimate | None:
    e = weighted_estimate(values, weights)
    if e is None:
        return None
    return SurveyEstimate(round(e.mean, 4), round(max(e.low, 0.0), 4), round(min(e.high, 100.0), 4), e.n)


@dataclass(frozen=True, eq=False)
class JointGroups:
    """A survey's respondents compressed once for all its indicators' topics (one column each): for the
    country ("") and for each institution respondents are mapped to. The indicators of the survey then
    share one bootstrap draw of the respondents per group and run."""

    topics: tuple[str, ...]
    groups: Mapping[str, GroupCounts]


def joint_groups(
    results: SurveyResults,
    topics: Sequence[str],
    *,
    institution_of: Callable[[str], str | None] = lambda _: None,
) -> JointGroups:
    topics = tuple(dict.fromkeys(topics))
    if not topics:  # a survey without indicators
        return JointGroups((), {})
    rows = [r for r in results.respondents if any(t in r.topics for t in topics)]
    values = np.array([[r.topics.get(t, np.nan) for t in topics] for r in rows], dtype=float).reshape(
        -1, len(topics)
    )
    weights = np.array([r.weight for r in rows], dtype=float)
    members: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        code = institution_of(r.attributes.get("institution", ""))
        if code:
            members.setdefault(code, []).append(i)
    groups = {code: group_counts(values[idx], weights[idx]) for code, idx in members.items()}
    if rows:
        groups[""] = group_counts(values, weights)
    return JointGroups(topics, groups)


def indicator_values(
    spec: IndicatorSpec,
    results: SurveyResults,
    *,
    institution_of: Callable[[str], str | None] = lambda _: None,
    illustrative: bool = False,
    joint: JointGroups | None = None,
) -> SurveyIndicator:
    """The indicator's national value and, for institution scope, each mapped institution's own value.

    ``institution_of``: the institution code an answer to the survey's institution question stands for
    (its code, or its name in any language), None when it names none. ``joint``: the survey's
    respondents compressed for all its indicators (:func:`joint_groups`, with the same
    ``institution_of``), so that they are drawn together in the Monte Carlo; without it the indicator's
    respondents are compressed on their own."""
    rows = [r for r in results.respondents if spec.topic in r.topics]
    values = np.array([r.topics[spec.topic] for r in rows], dtype=float)
    weights = np.array([r.weight for r in rows], dtype=float)
    national = _estimate(values, weights) if rows else None
    shared = joint if joint is not None and spec.topic in joint.topics else None
    column = shared.topics.index(spec.topic) if shared is not None else 0

    def group(key: str, idx: Any) -> tuple[GroupCounts, int]:
        if shared is not None and key in shared.groups:
            return shared.groups[key], column
        return group_counts(values[idx], weights[idx]), 0

    sampling: dict[str, tuple[GroupCounts, int]] = {}
    if national is not None:
        sampling[""] = group("", slice(None))
    own: dict[str, SurveyEstimate] = {}
    if spec.scope is Scope.INSTITUTION and rows:
        groups: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            code = institution_of(r.attributes.get("institution", ""))
            if code:
                groups.setdefault(code, []).append(i)
        for code, idx in groups.items():
            if len(idx) >= spec.min_respondents and (e := _estimate(values[idx], weights[idx])) is not None:
                own[code] = e
                sampling[code] = group(code, idx)
    return SurveyIndicator(spec, national, own, illustrative, sampling)

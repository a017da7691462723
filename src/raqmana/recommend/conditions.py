"""The condition language of recommendation rules.

A condition is one short string::

    LEG-01 < 3                 stage of indicator LEG-01 (0–5); also stage(LEG-01) < 3
    score(DAT) < 50            pillar score, 0–100
    gap(DAT) >= 20             pillar target − score (0 when the target is met)
    no_evidence(LEG) > 0.3     share of the pillar's answers without accepted evidence ("*": all pillars)
    answered(SRV) < 0.5        share of the pillar's indicators that were answered ("*": all)
    LEG-01 missing             no answer (or "don't know")
    type in [ministry, governorate]     institution type (also: type == ministry, type not in […])
    fired(LEG-R01)             another rule fired (for the same institution, or nationally)
    not fired(LEG-R01)
    share(SRV-02 < 2) >= 0.5   share of institutions for which the inner comparison holds
    bottleneck(bn_power) >= 0.4   share (0–1) of civil servants for whom a bottleneck of their survey
                               holds their work back a lot (item of the topic "bottlenecks")
    commits(16.10) >= 1        passages of the country's own policy documents that a reviewer accepted as
                               committing to SDG target 16.10 (or to goal 16: commits(16)); 0 when none
    register(personal_data) < 2   status of an area of the legal and institutional register: 0 missing,
                               1 drafted, 2 exists (areas of the pack's legal_register.yaml)

Comparisons with a missing value are false. Operators: < <= > >= == !=.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

OperandKind = Literal["stage", "score", "gap", "no_evidence", "answered", "bottleneck", "commits", "register"]
OPS = ("<=", ">=", "==", "!=", "<", ">")
_ID = r"[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*"
_NUM = r"-?\d+(?:\.\d+)?"
_OP = r"<=|>=|==|!=|<|>"
_SDG = r"\d{1,2}(?:\.[0-9a-z]{1,2})?"
_OPERAND = rf"(?:(stage|score|gap|no_evidence|answered|bottleneck|commits|register)\(\s*({_ID}|\*|{_SDG})\s*\)|({_ID}))"
_COMPARE = re.compile(rf"^{_OPERAND}\s*({_OP})\s*({_NUM})$")
_MISSING = re.compile(rf"^{_OPERAND}\s+(?:is\s+)?missing$")
_TYPE_LIST = re.compile(r"^type\s+(not\s+in|in)\s*\[([^\]]*)\]$")
_TYPE_EQ = re.compile(r"^type\s*(==|!=)\s*([a-z_]+)$")
_FIRED = re.compile(rf"^(not\s+)?fired\(\s*({_ID})\s*\)$")
_SHARE = re.compile(rf"^share\((.+)\)\s*({_OP})\s*({_NUM})$")


class ConditionSyntax(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Operand:
    kind: OperandKind
    ref: str  # indicator id, pillar id or "*"

    def text(self) -> str:
        return self.ref if self.kind == "stage" else f"{self.kind}({self.ref})"


@dataclass(frozen=True, slots=True)
class Compare:
    operand: Operand
    op: str
    value: float


@dataclass(frozen=True, slots=True)
class Missing:
    operand: Operand


@dataclass(frozen=True, slots=True)
class TypeIn:
    types: tuple[str, ...]
    negate: bool = False


@dataclass(frozen=True, slots=True)
class Fired:
    rule: str
    negate: bool = False


@dataclass(frozen=True, slots=True)
class Share:
    inner: Compare
    op: str
    value: float


Condition = Compare | Missing | TypeIn | Fired | Share


def _operand(groups: tuple[str | None, ...]) -> Operand:
    kind, ref, bare = groups[0], groups[1], groups[2]
    if bare is not None:
        return Operand("stage", bare)
    assert kind is not None and ref is not None
    if kind == "stage" and ref == "*":
        raise ConditionSyntax("stage(*) is not an indicator")
    if kind == "bottleneck" and ref == "*":
        raise ConditionSyntax("bottleneck(*) needs one bottleneck item of a survey")
    if kind == "register" and ref == "*":
        raise ConditionSyntax("register(*) needs one area of the legal and institutional register")
    if (kind == "commits") != bool(re.fullmatch(_SDG, ref)):
        raise ConditionSyntax("commits(…) takes an SDG target or goal such as 16.10, and only it does")
    if kind in ("score", "gap") and ref == "*":
        raise ConditionSyntax(f"{kind}(*) needs one pillar id")
    return Operand(kind, ref)  # type: ignore[arg-type]


def parse(text: str) -> Condition:
    """Parse one condition; raise :class:`ConditionSyntax` with a short reason."""
    s = " ".join(str(text).split())
    if not s:
        raise ConditionSyntax("empty condition")
    if m := _SHARE.match(s):
        inner = parse(m.group(1))
        if not isinstance(inner, Compare):
            raise ConditionSyntax("share(…) takes a comparison such as share(SRV-02 < 2)")
        if inner.operand.kind in ("bottleneck", "commits", "register"):
            raise ConditionSyntax(
                f"{inner.operand.kind}(…) is one figure for the country, not one per institution"
            )
        value = float(m.group(3))
        if not 0 <= value <= 1:
            raise ConditionSyntax("a share is between 0 and 1")
        return Share(inner, m.group(2), value)
    if m := _FIRED.match(s):
        return Fired(m.group(2), negate=bool(m.group(1)))
    if m := _TYPE_LIST.match(s):
        types = tuple(t.strip() for t in m.group(2).split(",") if t.strip())
        if not types:
            raise ConditionSyntax("empty list of institution types")
        return TypeIn(types, negate=m.group(1) != "in")
    if m := _TYPE_EQ.match(s):
        return TypeIn((m.group(2),), negate=m.group(1) == "!=")
    if m := _COMPARE.match(s):
        operand = _operand(m.groups()[:3])
        value = float(m.group(5))
        if operand.kind in ("no_evidence", "answered", "bottleneck") and not 0 <= value <= 1:
            raise ConditionSyntax(f"{operand.kind}(…) is a share between 0 and 1")
        return Compare(operand, m.group(4), value)
    if m := _MISSING.match(s):
        return Missing(_operand(m.groups()[:3]))
    raise ConditionSyntax(
        "expected e.g. 'LEG-01 < 3', 'score(DAT) < 50', 'type in [ministry]' or 'fired(RULE)'"
    )


def operands(cond: Condition) -> list[Operand]:
    if isinstance(cond, Compare | Missing):
        return [cond.operand]
    if isinstance(cond, Share):
        return [cond.inner.operand]
    return []

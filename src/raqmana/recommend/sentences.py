"""Why a recommendation was made, as plain sentences for printed reports.

Each condition that held becomes one sentence in the reader's language with the names of the
indicators and enablers and the actual values: ``share(SRV-05 < 3) = 0.63`` is written
"SRV-05 (Online services) is below stage 3 in 63 % of institutions.". The machine form stays in the
triggers of the JSON outputs (:meth:`Trigger.as_dict`) for scripts.
"""

from __future__ import annotations

from raqmana.frameworks.schema import AnswerType, Framework, Indicator
from raqmana.i18n import Translated, format_number, format_percent
from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import get_locale
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
from raqmana.recommend.labels import INSTITUTION_TYPE
from raqmana.recommend.model import Trigger

NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
#: how a value compares with the rule's threshold {t}; ar words agree with feminine nouns (مرحلة، درجة، إجابة)
_CMP = {
    "<": ui("below {t}"),
    "<=": ui("at most {t}"),
    ">": ui("above {t}"),
    ">=": ui("at least {t}"),
    "==": ui("equal to {t}"),
    "!=": ui("other than {t}"),
}
_CMP_STAGE_EN = {
    "<": "below stage {t}",
    "<=": "at stage {t} or below",
    ">": "above stage {t}",
    ">=": "at stage {t} or above",
    "==": "at stage {t}",
    "!=": "not at stage {t}",
}
#: one institution's (or the country's) value
_ONE = {
    "stage": ui("{ref} ({name}) is at stage {v}, {cmp}."),
    # a stage is a whole number: a mean over institutions is an average stage, not "stage 2.2"
    "stage_average": ui("{ref} ({name}): average stage {v}, {cmp}."),
    "answer": ui("The answer to {ref} ({name}) is {v}, {cmp}."),
    "yes_no": ui("The answer to {ref} ({name}) is “{v}”."),
    "score": ui("{name} scores {v} out of {max}, {cmp}."),
    "gap": ui("The gap to the target in {name} is {v}, {cmp}."),
    "no_evidence": ui("{v} of the answers {scope} have no accepted evidence."),
    "answered": ui("{v} of the indicators {scope} were answered."),
    "bottleneck": ui("For {v} of civil servants, «{name}» holds their work back a lot ({cmp})."),
    "commits": ui("{v} passages of the country's own documents commit to SDG {name} ({cmp})."),
    "register": ui(
        "In the legal and institutional register, {name} is at {v} (0 missing, 1 drafted, 2 exists; {cmp})."
    ),
}
#: the share of institutions for which an inner comparison holds
_SHARE = {
    "stage": ui("{ref} ({name}) is {cmp} in {share} of institutions."),
    "answer": ui("The answer to {ref} ({name}) is {cmp} in {share} of institutions."),
    "score": ui("{name} scores {cmp} in {share} of institutions."),
    "gap": ui("The gap to the target in {name} is {cmp} in {share} of institutions."),
    "no_evidence": ui(
        "The share of answers without accepted evidence {scope} is {cmp} in {share} of institutions."
    ),
    "answered": ui("The share of indicators answered {scope} is {cmp} in {share} of institutions."),
}
_SCOPE = ui("in {name}")
_SCOPE_ALL = ui("across all enablers")
_MISSING = ui("{ref} ({name}) has no answer.")
_ANSWERED = ui("{ref} ({name}) is answered.")
_TYPE = ui("Institution type: {v}.")
_FIRED = ui("Recommendation {ref} applies as well.")
_NOT_FIRED = ui("Recommendation {ref} does not apply.")
_YES_NO = (ui("no"), ui("yes"))


def _fill(template: Translated, lang: str, **kw: str) -> str:
    """``template`` in ``lang`` with ``kw``; "(name)" is left out when the name is only the code again."""
    text = template.get(lang)
    if kw.get("name") in ("", kw.get("ref")):
        text = text.replace(" ({name})", "")
    return text.format(**kw)


class _Words:
    """Names, values and thresholds of one report language and digit setting."""

    def __init__(self, framework: Framework | None, lang: str, score_max: float, digits: str | None):
        self.fw, self.lang, self.score_max, self.digits = framework, get_locale(lang).code, score_max, digits
        self.indicators: dict[str, Indicator] = {i.id: i for i in framework.indicators()} if framework else {}
        self.pillars = {p.id: p.name for p in framework.pillars} if framework else {}

    def num(self, v: float) -> str:
        return format_number(v, self.lang, decimals=0 if float(v).is_integer() else 1, digits=self.digits)

    def pct(self, share: float) -> str:
        return format_percent(share, self.lang, digits=self.digits)  # "٪" with Arabic-Indic digits

    def kind(self, op: Operand) -> str:
        if op.kind != "stage":
            return op.kind
        ind = self.indicators.get(op.ref)
        if ind is None or ind.answer_type is AnswerType.LADDER:
            return "stage"
        return "yes_no" if ind.answer_type is AnswerType.YES_NO else "answer"

    def name(self, op: Operand) -> str:
        if op.ref == "*":
            return ""
        if op.kind == "stage":
            ind = self.indicators.get(op.ref)
            return ind.name.get(self.lang) if ind is not None else op.ref
        if op.kind == "bottleneck":
            from raqmana.recommend.survey_items import bottleneck_labels

            label = bottleneck_labels(self.fw.id).get(op.ref) if self.fw is not None else None
            return label.get(self.lang) if label is not None else op.ref
        if op.kind in ("commits", "register"):
            return op.ref
        pillar = self.pillars.get(op.ref)
        return f"{pillar.get(self.lang)} ({op.ref})" if pillar is not None else op.ref

    def scope(self, op: Operand) -> str:
        return (
            _SCOPE_ALL.get(self.lang) if op.ref == "*" else _SCOPE.get(self.lang).format(name=self.name(op))
        )

    def value(self, op: Operand, v: float) -> str:
        """A value of ``op`` on the scale the reader knows (scores on 0–``score_max``)."""
        kind = self.kind(op)
        if kind in ("no_evidence", "answered", "bottleneck"):
            return self.pct(v)
        if kind in ("score", "gap"):
            return self.num(v * self.score_max / 100.0)
        ind = self.indicators.get(op.ref)
        if kind == "yes_no":
            return _YES_NO[int(v >= 0.5)].get(self.lang)
        if ind is not None and ind.answer_type is AnswerType.PERCENTAGE:
            return self.pct(v / 100.0)
        return self.num(v)

    def cmp(self, op: Operand, sign: str, threshold: float) -> str:
        t = self.value(op, threshold) if self.kind(op) != "yes_no" else self.num(threshold)
        if self.lang == "en" and self.kind(op) == "stage":
            return _CMP_STAGE_EN[sign].format(t=t)
        return _CMP[sign].get(self.lang).format(t=t)


def sentence(
    trigger: Trigger,
    framework: Framework | None,
    lang: str = "en",
    *,
    score_max: float = 100.0,
    digits: str | None = None,
) -> str:
    """One condition that held, as a plain sentence in ``lang``.

    ``score_max``: the scale on which enabler scores are shown (the rule language uses 0–100; reports
    show 0–5). ``digits``: "latn" or "arab" (default: the language's own)."""
    w = _Words(framework, lang, score_max, digits)
    try:
        cond = parse(trigger.condition)
    except ConditionSyntax:
        return f"{trigger.subject} = {trigger.value}"
    held = trigger.group != "none"  # a "none" condition held because it was false: say what is true
    v = trigger.value
    if isinstance(cond, TypeIn):
        shown = INSTITUTION_TYPE[v].get(w.lang) if isinstance(v, str) and v in INSTITUTION_TYPE else str(v)
        return _TYPE.get(w.lang).format(v=shown)
    if isinstance(cond, Fired):
        applies = held != cond.negate
        return (_FIRED if applies else _NOT_FIRED).get(w.lang).format(ref=cond.rule)
    if isinstance(cond, Missing):
        op = cond.operand
        return _fill(_MISSING if held else _ANSWERED, w.lang, ref=op.ref, name=w.name(op))
    if isinstance(cond, Share):
        inner, op = cond.inner, cond.inner.operand
        kind = "answer" if w.kind(op) == "yes_no" else w.kind(op)
        sign = inner.op
        share = w.pct(float(v)) if isinstance(v, int | float) else "—"
        return _fill(
            _SHARE[kind],
            w.lang,
            ref=op.ref,
            name=w.name(op),
            scope=w.scope(op),
            share=share,
            cmp=w.cmp(op, sign, inner.value),
        )
    assert isinstance(cond, Compare)
    op = cond.operand
    if not isinstance(v, int | float):
        return _fill(_MISSING, w.lang, ref=op.ref, name=w.name(op))
    sign = cond.op if held else NEGATE[cond.op]
    kind = w.kind(op)
    if kind == "stage" and not float(v).is_integer():
        kind = "stage_average"
    return _fill(
        _ONE[kind],
        w.lang,
        ref=op.ref,
        name=w.name(op),
        scope=w.scope(op),
        v=w.value(op, float(v)),
        max=w.num(w.score_max),
        cmp=w.cmp(op, sign, cond.value),
    )


def sentences(
    triggers: list[Trigger],
    framework: Framework | None,
    lang: str = "en",
    *,
    score_max: float = 100.0,
    digits: str | None = None,
) -> list[str]:
    return [sentence(t, framework, lang, score_max=score_max, digits=digits) for t in triggers]

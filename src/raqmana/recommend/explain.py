"""Say, in the reader's language, why a recommendation was made: each trigger with its actual value."""

from __future__ import annotations

import re

from raqmana.frameworks.schema import AnswerType, Framework
from raqmana.i18n import Translated, format_number, format_percent
from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import get_locale
from raqmana.recommend.labels import INSTITUTION_TYPE
from raqmana.recommend.model import Recommendation, Trigger

_PHRASE = {
    "stage": ui("stage of {ref} «{name}»"),
    "answer": ui("answer to {ref} «{name}»"),
    "score": ui("score of {name} ({ref})"),
    "gap": ui("gap to the target in {name} ({ref})"),
    "no_evidence": ui("share of answers without accepted evidence in {name}"),
    "answered": ui("share of indicators answered in {name}"),
    "type": ui("institution type"),
    "fired": ui("recommendation {ref} is also needed"),
    "share": ui("share of institutions where {ref}"),
    "bottleneck": ui("share of civil servants for whom «{name}» holds work back a lot"),
    "commits": ui("passages of the country's own documents committing to SDG {ref}"),
    "register": ui(
        "status of {ref} in the legal and institutional register (0 missing, 1 drafted, 2 exists)"
    ),
}
_ALL = ui("all pillars")
_NO_ANSWER = ui("no answer")
_YES_NO = (ui("no"), ui("yes"))
_NOT = ui("not")
_CALL = re.compile(
    r"^(score|gap|no_evidence|answered|stage|fired|share|bottleneck|commits|register)\((.*)\)$"
)


def describe(trigger: Trigger, framework: Framework | None, lang: str = "en") -> str:
    """``stage of LEG-01 «Electronic transactions law» = 1  [LEG-01 < 3]`` in ``lang``."""
    code = get_locale(lang).code
    kind, ref = _split(trigger.subject)
    name, answer_kind = _name(kind, ref, framework, code)
    if kind == "stage":
        kind = answer_kind
    phrase = _PHRASE.get(kind, Translated(en=trigger.subject)).get(code).format(ref=ref, name=name)
    value = _value(trigger, kind, code)
    condition = trigger.condition if trigger.group != "none" else f"{_NOT.get(code)}: {trigger.condition}"
    return f"{phrase} = {value}  [{condition}]"


def explain(rec: Recommendation, framework: Framework | None, lang: str = "en") -> list[str]:
    return [describe(t, framework, lang) for t in rec.triggers]


def _split(subject: str) -> tuple[str, str]:
    if subject == "type":
        return "type", ""
    m = _CALL.match(subject)
    if m:
        return m.group(1), m.group(2)
    return "stage", subject


def _name(kind: str, ref: str, fw: Framework | None, lang: str) -> tuple[str, str]:
    """(display name of the indicator or pillar, "stage" or "answer")."""
    if kind == "bottleneck":
        from raqmana.recommend.survey_items import bottleneck_labels

        label = bottleneck_labels(fw.id).get(ref) if fw is not None else None
        return (label.get(lang) if label is not None else ref), "stage"
    if fw is None or kind in ("type", "fired", "share", "commits", "register"):
        return ref, "stage"
    if ref == "*":
        return _ALL.get(lang), "stage"
    if kind == "stage":
        for ind in fw.indicators():
            if ind.id == ref:
                return ind.name.get(lang), "stage" if ind.answer_type is AnswerType.LADDER else "answer"
        return ref, "stage"
    for p in fw.pillars:
        if p.id == ref:
            return p.name.get(lang), "stage"
    return ref, "stage"


def _value(trigger: Trigger, kind: str, lang: str) -> str:
    v = trigger.value
    if v is None:
        return _NO_ANSWER.get(lang)
    if isinstance(v, str):
        return INSTITUTION_TYPE[v].get(lang) if v in INSTITUTION_TYPE else v
    if kind == "fired":
        return _YES_NO[int(bool(v))].get(lang)
    if kind in ("no_evidence", "answered", "share", "bottleneck"):
        return format_percent(v, lang)
    return format_number(v, lang, decimals=0 if float(v).is_integer() else 1)

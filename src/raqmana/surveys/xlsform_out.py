"""A survey or a framework questionnaire as an XLSForm for KoboToolbox and ODK Collect.

Every text goes out in the three languages (``label::Arabic (ar)`` …); select questions keep their
points in the ``score`` column of the choices sheet, and what raqmana needs to read the answers back
(the topic a question counts towards, the respondent attribute it gives, the indicator it answers) in
``raqmana_*`` columns that Kobo and ODK leave alone. :func:`check` runs pyxform over the result.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

from raqmana.celltext import as_text, xlsx_text
from raqmana.frameworks.schema import AnswerType, Framework, Indicator
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import LANGS
from raqmana.surveys.languages import COLUMN_NAMES
from raqmana.surveys.model import DONT_KNOW, NOT_APPLICABLE, Group, Kind, Option, Question, Role, Survey

#: metadata every exported form records (XLSForm metadata types; instanceID is added by the converters)
METADATA = ("start", "end", "today", "deviceid")
TEXT_COLUMNS = ("label", "hint", "guidance_hint", "constraint_message")
RAQMANA_COLUMNS = ("raqmana_role", "raqmana_topic", "raqmana_indicator")


def _translated_columns(base: str) -> list[str]:
    return [f"{base}::{COLUMN_NAMES[lang]}" for lang in LANGS]


def _texts(value: Translated) -> list[str]:
    return [value.get(lang) for lang in LANGS]


def _survey_header() -> list[str]:
    head = ["type", "name"]
    for base in TEXT_COLUMNS:
        head += _translated_columns(base)
    return [*head, "required", "relevant", "constraint", "choice_filter", *RAQMANA_COLUMNS]


def _question_row(q: Question) -> list[object]:
    kind = (
        f"{q.kind.value} {q.choices}" if q.kind in (Kind.SELECT_ONE, Kind.SELECT_MULTIPLE) else q.kind.value
    )
    if q.or_other:
        kind += " or_other"
    row: list[object] = [kind, q.name]
    for text in (q.label, q.hint, q.guidance, q.constraint_message):
        row += _texts(text)
    row += ["yes" if q.required else "", q.relevant, q.constraint, q.choice_filter]
    return [*row, q.role.value, q.topic, q.indicator]


def _group_row(tag: str, group: Group | None, width: int) -> list[object]:
    if group is None:
        return [tag, "", *[""] * (width - 2)]
    row: list[object] = [tag, group.name, *_texts(group.label)]
    row += [""] * (width - len(row))
    row[_survey_header().index("relevant")] = group.relevant
    return row


def workbook(survey: Survey) -> Workbook:
    """The XLSForm of ``survey`` (sheets survey, choices, settings)."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "survey"
    header = _survey_header()
    sheet.append(header)
    for meta in METADATA:
        sheet.append([meta, meta])
    groups = {g.name: g for g in survey.groups}
    open_groups: list[str] = []
    for q in survey.questions:
        while open_groups and tuple(open_groups) != q.group[: len(open_groups)]:
            open_groups.pop()
            sheet.append(_group_row("end_group", None, len(header)))
        for name in q.group[len(open_groups) :]:
            sheet.append(_group_row("begin_group", groups.get(name, Group(name=name)), len(header)))
            open_groups.append(name)
        sheet.append([xlsx_text(v) for v in _question_row(q)])
    for _ in open_groups:
        sheet.append(_group_row("end_group", None, len(header)))

    choices = wb.create_sheet("choices")
    filter_columns = sorted({k for opts in survey.choice_lists.values() for o in opts for k in o.filters})
    choices.append(["list_name", "name", *_translated_columns("label"), "score", *filter_columns])
    for list_name, options in survey.choice_lists.items():
        for o in options:
            score = "" if o.score is None else o.score
            extra = [o.filters.get(c, "") for c in filter_columns]
            choices.append([xlsx_text(v) for v in [list_name, o.name, *_texts(o.label), score, *extra]])

    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language", "allow_choice_duplicates"])
    settings.append([survey.title.get("en"), survey.id, survey.version, COLUMN_NAMES["en"], "no"])
    return as_text(wb)


def write(survey: Survey, path: Path) -> Path:
    """Write the XLSForm of ``survey`` to ``path``."""
    workbook(survey).save(path)
    return path


def to_bytes(survey: Survey) -> bytes:
    buffer = BytesIO()
    workbook(survey).save(buffer)
    return buffer.getvalue()


def check(data: bytes | Path) -> list[str]:
    """pyxform's warnings for an XLSForm (raises pyxform's error when it refuses the form)."""
    from pyxform.xls2xform import convert

    warnings: list[str] = []
    source = BytesIO(data) if isinstance(data, bytes) else str(data)
    convert(xlsform=source, warnings=warnings, file_type=".xlsx")
    return warnings


# ---------------------------------------------------------------------------------------------------
# a framework's questionnaire as a survey


def _dont_know() -> Option:
    return Option(name=DONT_KNOW, label=ui("Don't know"))


def _not_applicable() -> Option:
    return Option(name=NOT_APPLICABLE, label=ui("Not applicable"))


def _stage_label(fw: Framework, ind: Indicator, stage: int) -> Translated:
    for s in ind.stages:
        if s.stage == stage:
            return s.descriptor
    return fw.default_stage0 if stage == 0 else fw.stage_label(stage)


def _indicator_questions(
    fw: Framework, ind: Indicator, group: tuple[str, ...]
) -> tuple[Question, list[Option]]:
    """The question of one indicator and its choice list (empty for typed answers)."""
    base = {
        "name": ind.id,
        "label": ind.question if not ind.question.is_empty() else ind.name,
        "hint": ind.description,
        "guidance": ind.guidance,
        "required": True,
        "group": group,
        "topic": fw.pillar_of(ind.id).id,
        "indicator": ind.id,
    }
    options: list[Option] = []
    if ind.answer_type is AnswerType.LADDER:
        stages = sorted({0, *(s.stage for s in ind.stages)})
        options = [Option(name=str(n), label=_stage_label(fw, ind, n), score=float(n)) for n in stages]
    elif ind.answer_type is AnswerType.YES_NO:
        options = [
            Option(name="yes", label=ui("Yes"), score=1.0),
            Option(name="no", label=ui("No"), score=0.0),
        ]
    elif ind.answer_type is AnswerType.CHOICE:
        options = [Option(name=c.value, label=c.label, score=c.score) for c in ind.choices]
    if options:
        options.append(_dont_know())
        if ind.na_allowed:
            options.append(_not_applicable())
        return Question(kind=Kind.SELECT_ONE, choices=f"{ind.id}_options", **base), options
    if ind.answer_type in (AnswerType.NUMBER, AnswerType.PERCENTAGE):
        low = ind.min_value if ind.min_value is not None else 0
        high = (
            ind.max_value
            if ind.max_value is not None
            else (100 if ind.answer_type is AnswerType.PERCENTAGE else None)
        )
        constraint = f". >= {low:g}" + (f" and . <= {high:g}" if high is not None else "")
        return Question(kind=Kind.DECIMAL, constraint=constraint, **base), []
    return Question(kind=Kind.TEXT, **base), []


def from_framework(fw: Framework) -> Survey:
    """A framework's questionnaire as a survey: one group per enabler, one question per indicator, the
    institution answering first."""
    institution = Question(
        name="institution", kind=Kind.TEXT, label=ui("Institution"), required=True, role=Role.INSTITUTION
    )
    questions = [institution]
    lists: dict[str, list[Option]] = {}
    groups: list[Group] = []
    for pillar in fw.pillars:
        groups.append(Group(name=pillar.id, label=pillar.name))
        for sub in pillar.sub_areas:
            for ind in sub.indicators:
                question, options = _indicator_questions(fw, ind, (pillar.id,))
                questions.append(question)
                if options:
                    lists[question.choices] = options
                evidence = Question(
                    name=f"{ind.id}_evidence",
                    kind=Kind.TEXT,
                    label=ui("Evidence for this answer (document, link or system)"),
                    hint=ind.stages[-1].evidence if ind.stages else Translated(),
                    relevant=f"${{{ind.id}}} != '' and ${{{ind.id}}} != '{DONT_KNOW}' and ${{{ind.id}}} != '{NOT_APPLICABLE}'",
                    group=(pillar.id,),
                )
                questions.append(evidence)
    return Survey(
        id=fw.id.replace("-", "_"),
        version=fw.version,
        title=fw.name,
        description=fw.description,
        framework=fw.id,
        source=fw.source,
        licence=fw.licence,
        groups=groups,
        questions=questions,
        choice_lists=lists,
        topics={p.id: p.name for p in fw.pillars},
    )

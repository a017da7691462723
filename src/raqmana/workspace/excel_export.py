"""Export the questionnaire of one institution as an XLSX workbook in the user's language."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.celltext import as_text, xlsx_text
from raqmana.frameworks import AnswerType, Framework, Indicator
from raqmana.i18n import get_locale
from raqmana.store.models import FrameworkVersion, Response
from raqmana.workspace.actors import Actor
from raqmana.workspace.excel_layout import (
    ABOUT_LABELS,
    ABOUT_TITLE,
    ANSWERS_TITLE,
    COL,
    COLUMNS,
    EDITABLE_COLUMNS,
    FORMAT_VERSION,
    HINTS,
    INSTRUCTIONS,
    LETTER,
    LISTS_SHEET,
    META_SHEET,
    stage_option,
    state_label,
)
from raqmana.workspace.orgs import org_name
from raqmana.workspace.responses import context
from raqmana.workspace.views import NO_LABEL, YES_LABEL

_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_INPUT_FILL = PatternFill("solid", fgColor="FFF9E0")
_WIDTHS = {
    "id": 10,
    "pillar": 24,
    "indicator": 36,
    "question": 60,
    "answer": 34,
    "na": 14,
    "dont_know": 14,
    "justification": 50,
    "state": 16,
    "version": 8,
}


def _cell_value(ind: Indicator, r: Response | None, fw: Framework, lang: str) -> object:
    if r is None or r.is_na or r.dont_know:
        return None
    if r.stage is not None:
        return stage_option(fw, r.stage, lang)
    if r.number is not None:
        return r.number
    if r.choice is not None:
        if ind.answer_type is AnswerType.YES_NO:
            return (YES_LABEL if r.choice == "yes" else NO_LABEL).get(lang)
        return next((c.label.get(lang) or c.value for c in ind.choices if c.value == r.choice), r.choice)
    return r.text


def _lists(wb: Workbook, fw: Framework, lang: str) -> dict[str, str]:
    """Fill the hidden lists sheet; return indicator-kind/id → list formula."""
    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    formulas: dict[str, str] = {}
    columns: list[tuple[str, list[str]]] = [
        ("ladder", [stage_option(fw, s, lang) for s in range(6)]),
        ("yes_no", [YES_LABEL.get(lang), NO_LABEL.get(lang)]),
    ]
    columns += [
        (ind.id, [c.label.get(lang) or c.value for c in ind.choices])
        for ind in fw.indicators()
        if ind.answer_type is AnswerType.CHOICE and ind.choices
    ]
    for j, (key, values) in enumerate(columns, start=1):
        letter = ws.cell(1, j).column_letter
        for i, v in enumerate(values, start=1):
            ws.cell(i, j, xlsx_text(v))
        formulas[key] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"
    return formulas


def _meta(wb: Workbook, items: dict[str, str]) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    for i, (k, v) in enumerate(items.items(), start=1):
        ws.cell(i, 1, k)
        ws.cell(i, 2, xlsx_text(v))
    ws.protection.sheet = True


def _about(ws: Worksheet, rows: list[tuple[str, str]], lang: str) -> None:
    ws.sheet_view.rightToLeft = get_locale(lang).is_rtl
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 90
    for i, (k, v) in enumerate(rows, start=1):
        ws.cell(i, 1, k).font = Font(bold=True)
        ws.cell(i, 2, xlsx_text(v)).alignment = Alignment(wrap_text=True, vertical="top")
    ws.protection.sheet = True


def export_workbook(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str, lang: str
) -> bytes:
    ctx = context(session, actor, assessment_id, institution_code)
    lang = get_locale(lang).code
    fw = ctx.framework
    responses = {
        r.indicator_id: r
        for r in session.scalars(
            select(Response).where(Response.assessment_id == assessment_id, Response.org_id == ctx.org.id)
        )
    }
    wb = Workbook()
    about = wb.active
    assert about is not None
    about.title = ABOUT_TITLE.get(lang)
    name = ctx.assessment.name
    rows = [
        (ABOUT_LABELS["assessment"].get(lang), name.get(lang) or name.get("en", "")),
        (ABOUT_LABELS["institution"].get(lang), org_name(ctx.org).get(lang)),
        (ABOUT_LABELS["period"].get(lang), ctx.assessment.period),
        (ABOUT_LABELS["framework"].get(lang), f"{fw.name.get(lang)} ({fw.id} {fw.version})"),
        (ABOUT_LABELS["exported"].get(lang), datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("", INSTRUCTIONS.get(lang)),
    ]
    if ctx.assessment.illustrative:
        rows.insert(0, ("!", ABOUT_LABELS["illustrative"].get(lang)))
    _about(about, rows, lang)
    ws = wb.create_sheet(ANSWERS_TITLE.get(lang))
    ws.sheet_view.rightToLeft = get_locale(lang).is_rtl
    ws.freeze_panes = "E2"
    for key, heading in COLUMNS:
        c = ws.cell(1, COL[key], heading.get(lang))
        c.font, c.fill = Font(bold=True), _HEADER_FILL
        ws.column_dimensions[LETTER[key]].width = _WIDTHS[key]
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["J"].hidden = True
    formulas = _lists(wb, fw, lang)
    validations: dict[str, DataValidation] = {}

    def validate(key: str, formula: str, cell: str) -> None:
        if key not in validations:
            dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True)
            validations[key] = dv
            ws.add_data_validation(dv)
        validations[key].add(cell)

    number_dv = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1E+300",
        formula2="1E+300",
        allow_blank=True,
        showErrorMessage=True,
    )
    ws.add_data_validation(number_dv)
    row = 1
    for p in fw.pillars:
        for s in p.sub_areas:
            for ind in s.indicators:
                row += 1
                r = responses.get(ind.id)
                hint = HINTS[ind.answer_type.value].get(lang)
                values = {
                    "id": ind.id,
                    "pillar": p.name.get(lang),
                    "indicator": ind.name.get(lang),
                    "question": (ind.question.get(lang) or ind.name.get(lang)) + f"\n[{hint}]",
                    "answer": _cell_value(ind, r, fw, lang),
                    "na": YES_LABEL.get(lang) if r is not None and r.is_na else None,
                    "dont_know": YES_LABEL.get(lang) if r is not None and r.dont_know else None,
                    "justification": r.justification if r is not None and r.justification else None,
                    "state": state_label(r.state, lang) if r is not None else "",
                    "version": r.version if r is not None else 0,
                }
                for key, value in values.items():
                    c = ws.cell(row, COL[key], xlsx_text(value))
                    c.alignment = Alignment(
                        wrap_text=key in ("question", "justification", "indicator"), vertical="top"
                    )
                    if key in EDITABLE_COLUMNS:
                        c.protection = Protection(locked=False)
                        c.fill = _INPUT_FILL
                answer_cell = f"{LETTER['answer']}{row}"
                if ind.answer_type is AnswerType.LADDER:
                    validate("ladder", formulas["ladder"], answer_cell)
                elif ind.answer_type is AnswerType.YES_NO:
                    validate("yes_no", formulas["yes_no"], answer_cell)
                elif ind.answer_type is AnswerType.CHOICE and ind.id in formulas:
                    validate(ind.id, formulas[ind.id], answer_cell)
                elif ind.answer_type in (AnswerType.NUMBER, AnswerType.PERCENTAGE):
                    number_dv.add(answer_cell)
                for flag in ("na", "dont_know"):
                    validate("yes_no", formulas["yes_no"], f"{LETTER[flag]}{row}")
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 1
    fv = session.get(FrameworkVersion, ctx.assessment.framework_version_id)
    assert fv is not None
    digest = fv.hash
    _meta(
        wb,
        {
            "format": FORMAT_VERSION,
            "assessment_id": str(ctx.assessment.id),
            "institution": ctx.org.code,
            "framework_id": fw.id,
            "framework_version": fw.version,
            "framework_hash": digest,
            "lang": lang,
            "rows": str(row - 1),
        },
    )
    buf = io.BytesIO()
    as_text(wb).save(buf)
    return buf.getvalue()

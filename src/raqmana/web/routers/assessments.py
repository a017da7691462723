"""Assessment rounds: the list, opening a round, one round's overview, assignments."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form
from pydantic import BaseModel, Field
from starlette.responses import Response

from raqmana.i18n import Translated
from raqmana.web.collation import by_name
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import see_other
from raqmana.web.pages import Area, go, json_response
from raqmana.web.schemas.common import Done
from raqmana.web.schemas.pages import AssessmentList, AssessmentPage, AssignmentsPage, NewRoundChoices
from raqmana.workspace import assessments, assignments, pages
from raqmana.workspace.views import AssessmentView, AssignmentView

area = Area("assessments")


@area.html.get("/")
def home(ctx: Ctx = PageCtx) -> Response:
    from raqmana.web.templating import render

    return render(ctx.request, ctx.lang, "pages/assessments.html", assessment_list(ctx))


@area.page(
    "/assessments",
    "pages/assessments.html",
    summary="Assessment rounds the caller can read",
    response_model=AssessmentList,
)
def assessment_list(ctx: Ctx) -> dict[str, Any]:
    """The assessment rounds the caller can read, newest first."""
    return {"assessments": ctx.read(assessments.list_assessments)}


@area.page(
    "/assessments/new",
    "pages/assessment_new.html",
    summary="Choices for opening a round",
    response_model=NewRoundChoices,
)
def new_round(ctx: Ctx) -> dict[str, Any]:
    """What a coordinator chooses from when opening a round: framework versions and institutions."""
    choices = ctx.read(pages.round_choices)
    return {"frameworks": choices.frameworks, "organisations": choices.organisations}


class RoundIn(BaseModel):
    framework_version_id: int
    name: Translated
    period: str = Field(min_length=1, max_length=50)
    institution_codes: list[str] = Field(min_length=1)
    target_stage: int | None = Field(None, ge=0, le=5)
    illustrative: bool = False


def _open(ctx: Ctx, data: RoundIn) -> Any:
    return ctx.call(
        assessments.open_round,
        framework_version_id=data.framework_version_id,
        name=data.name,
        period=data.period.strip(),
        institution_codes=data.institution_codes,
        target_stage=data.target_stage,
        illustrative=data.illustrative,
    )


@area.html.post("/assessments")
def open_round(
    ctx: Ctx = PageCtx,
    framework_version_id: Annotated[int, Form()] = 0,
    name_en: Annotated[str, Form(max_length=300)] = "",
    name_ar: Annotated[str, Form(max_length=300)] = "",
    name_ckb: Annotated[str, Form(max_length=300)] = "",
    period: Annotated[str, Form(max_length=50)] = "",
    institutions: Annotated[list[str] | None, Form()] = None,
    target_stage: Annotated[str, Form()] = "",
    illustrative: Annotated[bool, Form()] = False,
) -> Response:
    data = RoundIn.model_construct(
        framework_version_id=framework_version_id,
        name=Translated(en=name_en.strip(), ar=name_ar.strip(), ckb=name_ckb.strip()),
        period=period,
        institution_codes=institutions or [],
        target_stage=int(target_stage) if target_stage.strip().isdigit() else None,
        illustrative=illustrative,
    )
    view = _open(ctx, data)
    return see_other(f"/assessments/{view.id}/assignments")


@area.api.post(
    "/assessments", status_code=201, summary="Open an assessment round", response_model=AssessmentView
)
def open_round_json(data: RoundIn, ctx: Ctx = ApiCtx) -> Response:
    return json_response(_open(ctx, data), status=201)


@area.page(
    "/assessments/{assessment_id}",
    "pages/assessment.html",
    summary="One round: institutions and rights",
    response_model=AssessmentPage,
)
def assessment_detail(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """A round, the caller's rights on it and the institutions the caller can open."""
    page = ctx.read(pages.round_overview, assessment_id=assessment_id)
    return {
        "assessment": page.assessment,
        "rights": page.rights,
        "illustrative": page.assessment.illustrative,
        "institutions": by_name(page.institutions, ctx.lang, lambda i: i.org.name),
    }


@area.action(
    "/assessments/{assessment_id}/close",
    html=go("/assessments/{assessment_id}"),
    summary="Close a round (no more answers or reviews)",
    response_model=AssessmentView,
)
def close_round(ctx: Ctx, assessment_id: int) -> AssessmentView:
    return ctx.call(assessments.close_round, assessment_id=assessment_id)


@area.page(
    "/assessments/{assessment_id}/assignments",
    "pages/assignments.html",
    summary="Focal points and reviewers of a round",
    response_model=AssignmentsPage,
)
def assignment_list(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """Who answers and who reviews for each institution of the round."""
    page = ctx.read(pages.round_assignments, assessment_id=assessment_id)
    return {
        "assessment": page.assessment,
        "rights": page.rights,
        "assignments": by_name(page.assignments, ctx.lang, lambda a: a.institution_name),
        "institutions": by_name(page.institutions, ctx.lang, lambda i: i.org.name),
        "_users": page.users,
        "illustrative": page.assessment.illustrative,
    }


class AssignIn(BaseModel):
    institution_code: str
    user_id: int
    role: str = Field(pattern="^(focal_point|reviewer)$")


@area.action(
    "/assessments/{assessment_id}/assignments",
    html=go("/assessments/{assessment_id}/assignments"),
    summary="Assign a user",
    response_model=AssignmentView,
    status_code=201,
)
def assign(ctx: Ctx, assessment_id: int, data: AssignIn) -> AssignmentView:
    return ctx.call(
        assignments.assign,
        assessment_id=assessment_id,
        institution_code=data.institution_code,
        user_id=data.user_id,
        role=data.role,
    )


@area.action(
    "/assessments/{assessment_id}/assignments/{assignment_id}/delete",
    html=go("/assessments/{assessment_id}/assignments"),
    summary="Remove an assignment",
    response_model=Done,
)
def unassign(ctx: Ctx, assessment_id: int, assignment_id: int) -> None:
    ctx.call(assignments.unassign, assignment_id=assignment_id)

"""Review: the queue of submitted answers, accept / return with a comment, one answer's history."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Form
from pydantic import BaseModel, Field, StringConstraints
from starlette.responses import Response

from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import is_htmx, safe_next, see_other
from raqmana.web.pages import Area, json_response
from raqmana.web.schemas.pages import ResponsePage, ReviewPage
from raqmana.web.templating import render
from raqmana.workspace import pages, review
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.views import CommentView, ResponseView

area = Area("review")


@area.page(
    "/assessments/{assessment_id}/review",
    "pages/review.html",
    summary="Submitted answers to review",
    response_model=ReviewPage,
)
def review_queue(ctx: Ctx, assessment_id: int, institution: str | None = None) -> dict[str, Any]:
    """Submitted answers waiting for a decision, with their evidence (optionally of one institution)."""
    page = ctx.read(pages.review_overview, assessment_id=assessment_id, institution_code=institution)
    queue, names = page.queue, page.names
    return {
        "assessment": page.assessment,
        "rights": page.rights,
        "queue": queue,
        "evidence": page.evidence,
        "institution": institution,
        "reviewable": page.reviewable,
        "may_review": bool(page.reviewable),
        "illustrative": page.assessment.illustrative,
        "_framework": page.framework,
        "institution_names": {
            code: names[code]
            for code in sorted(
                {r.institution_code for r in queue} | ({institution} if institution else set())
            )
            if code in names
        },
    }


class ReviewIn(BaseModel):
    decision: Literal["accept", "return"]
    comment: str = Field("", max_length=10_000)
    expected_version: int = Field(ge=1)


def _review(ctx: Ctx, response_id: int, data: ReviewIn) -> Any:
    return ctx.call(
        review.review,
        response_id=response_id,
        decision=data.decision,
        comment=data.comment.strip(),
        expected_version=data.expected_version,
    )


@area.html.post("/responses/{response_id}/review")
def decide(
    response_id: int,
    ctx: Ctx = PageCtx,
    decision: Annotated[Literal["accept", "return"], Form()] = "accept",
    comment: Annotated[str, Form(max_length=10_000)] = "",
    expected_version: Annotated[int, Form(ge=1)] = 1,
    next: Annotated[str, Form()] = "/",
) -> Response:
    data = ReviewIn(decision=decision, comment=comment, expected_version=expected_version)
    if not is_htmx(ctx.request):
        _review(ctx, response_id, data)
        return see_other(safe_next(next))
    try:
        view = _review(ctx, response_id, data)
    except ValidationFailed as exc:
        # the form stays where it was, with the problems inside it and the comment as typed
        return render(
            ctx.request,
            ctx.lang,
            "fragments/review_form.html",
            {
                "r": {"id": response_id, "version": expected_version},
                "review_errors": exc.problems,
                "review_comment": comment,
                "review_next": safe_next(next),
            },
            status=422,
        )
    return render(ctx.request, ctx.lang, "fragments/review_done.html", {"response": view})


@area.api.post(
    "/responses/{response_id}/review",
    summary="Accept or return a submitted answer",
    response_model=ResponseView,
)
def decide_json(response_id: int, data: ReviewIn, ctx: Ctx = ApiCtx) -> Response:
    """``return`` needs a ``comment``; ``expected_version`` is the version you reviewed."""
    return json_response(_review(ctx, response_id, data))


@area.page(
    "/responses/{response_id}",
    "pages/response.html",
    summary="One answer with evidence, comments, history",
    response_model=ResponsePage,
)
def response_detail(ctx: Ctx, response_id: int) -> dict[str, Any]:
    """An answer, its evidence, the review comments and every earlier version."""
    page = ctx.read(pages.response_overview, response_id=response_id)
    return {
        "response": page.response,
        "rights": page.rights,
        "history": page.history,
        "comments": page.comments,
        "evidence": page.evidence,
        "assessment": page.assessment,
        "illustrative": page.assessment.illustrative,
        "institution": page.institution,
        "_framework": page.framework,
    }


class CommentIn(BaseModel):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]


def _commented(ctx: Ctx, result: CommentView, params: dict[str, Any]) -> Response:
    return see_other(safe_next(params.get("next"), f"/responses/{result.response_id}") + "#comments")


@area.action(
    "/responses/{response_id}/comments",
    html=_commented,
    summary="Comment on an answer",
    response_model=CommentView,
    status_code=201,
)
def comment(ctx: Ctx, response_id: int, data: CommentIn) -> CommentView:
    return ctx.call(review.add_comment, response_id=response_id, text=data.text)

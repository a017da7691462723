"""Public consultations: the list and each consultation with its sections and published comments under
``/public/consultations`` (no sign-in; comments while it is open), opening one (JSON) and the moderation
queue under ``/consultations``, each page with its JSON twin; taking part, supporting, answering,
deleting and the response report in :mod:`.consultation_public`, the owner's form, questions, response
and analysis in :mod:`.consultation_staff`."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from pydantic import AwareDatetime, BaseModel, BeforeValidator, Field
from starlette.responses import Response

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import HideReason, names
from raqmana.participation import errors as P
from raqmana.problems import Location
from raqmana.web.context import ApiCtx, Ctx
from raqmana.web.pages import Area, go, json_response
from raqmana.web.routers import consultation_public, consultation_staff
from raqmana.web.routers.consultation_public import token_of
from raqmana.web.templating import render
from raqmana.workspace import consultations
from raqmana.workspace import participation_public as public
from raqmana.workspace.consultations import (
    CommentReceipt,
    ConsultationSummary,
    ConsultationView,
    ModerationQueue,
    Options,
    PendingComment,
    SectionIn,
)
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.participation import MAX_TEXT
from raqmana.workspace.participation_public import PublicConsultation

area = Area("consultations")
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
#: the public page's consultation and questions, kept for a moment per (consultation, page) in this
#: process: under a crowd the readers of one page share one read; any write in this area forgets them
#: (other processes see it within PAGE_SECONDS)
PAGE_SECONDS = 2.0
Pages = dict[tuple[int, int], tuple[float, public.Content]]


def kept_pages(request: Request) -> Pages:
    """The pages kept by this app (each app its own: two workspaces in one process never share)."""
    state = request.app.state
    if not hasattr(state, "consultation_pages"):
        state.consultation_pages = {}
    pages: Pages = state.consultation_pages
    return pages


async def _forget_pages(request: Request) -> AsyncIterator[None]:
    """After a write in this area the kept pages go (async: no thread of its own for every request)."""
    yield
    if request.method not in ("GET", "HEAD"):
        kept_pages(request).clear()


area.html.dependencies.append(Depends(_forget_pages))
area.api.dependencies.append(Depends(_forget_pages))


def _blank_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


class ConsultationList(BaseModel):
    consultations: list[ConsultationSummary]


@area.page(
    "/public/consultations",
    "participation/consultations.html",
    summary="Open and closed public consultations",
    response_model=ConsultationList,
)
def consultation_list(ctx: Ctx) -> dict[str, Any]:
    return {"consultations": ctx.unit(consultations.list_consultations)}


@area.page(
    "/public/consultations/{consultation_id}",
    "participation/consultation.html",
    summary="A consultation: its sections with their published comments and replies, its questions (results "
    "after the close) and what the visitor may do",
    response_model=PublicConsultation,
)
def consultation_page(
    ctx: Ctx, consultation_id: Id, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> dict[str, Any]:
    key, pages = (consultation_id, page), kept_pages(ctx.request)
    kept = pages.get(key)
    if kept is not None and kept[0] > time.monotonic():
        shared = kept[1]
    else:
        shared = ctx.unit(public.content, consultation_id=consultation_id, page=page)
        if len(pages) > 1000:
            pages.clear()
        pages[key] = (time.monotonic() + PAGE_SECONDS, shared)
    token = token_of(ctx)
    who = ctx.unit(public.visitor, secret=ctx.settings.secret_key, token=token) if token else public.Visitor()
    page_ = PublicConsultation(consultation=shared.consultation, questions=shared.questions, visitor=who)
    return {**page_.model_dump(), "_page": page_}


class CommentIn(BaseModel):
    """A comment on one section. ``website`` is a trap for robots: people leave it empty."""

    section_id: int = Field(ge=1, le=2**31 - 1)
    text: str = Field(max_length=MAX_TEXT)
    website: str = Field("", max_length=200, description="leave empty")
    parent_id: Annotated[int | None, BeforeValidator(_blank_none)] = Field(
        None, ge=1, le=2**31 - 1, description="the published comment this one replies to"
    )
    participant: Annotated[str | None, BeforeValidator(_blank_none)] = Field(
        None, max_length=100, description="the participant's token (a browser sends its cookie instead)"
    )


def _commented(ctx: Ctx, receipt: CommentReceipt, params: dict[str, Any]) -> Response:
    data = consultation_page(ctx, params["consultation_id"])
    return render(
        ctx.request, ctx.lang, "participation/consultation.html", {**data, "received": receipt}, status=201
    )


@area.action(
    "/public/consultations/{consultation_id}/comments",
    html=_commented,
    summary="Comment on a section of an open consultation (no sign-in; published after moderation)",
    response_model=CommentReceipt,
    status_code=201,
)
def comment(ctx: Ctx, consultation_id: Id, data: CommentIn) -> CommentReceipt:
    if data.website.strip():
        raise ValidationFailed.one(P.TRAP_FILLED, Location(field="website"))
    client = ctx.request.client
    return ctx.unit(
        public.comment,
        secret=ctx.settings.secret_key,
        token=token_of(ctx, data.participant),
        actor=ctx.actor,
        consultation_id=consultation_id,
        section_id=data.section_id,
        text=data.text,
        lang=ctx.lang,
        client=client.host if client else "",
        parent_id=data.parent_id,
    )


class ConsultationIn(BaseModel):
    """A consultation on a draft: its owner institution, title and summary in three languages, the dates
    it is open between (with their time zone) and its sections."""

    owner: str = Field(max_length=64)
    title: Translated
    summary: Translated
    opens_at: AwareDatetime
    closes_at: AwareDatetime
    sections: list[SectionIn] = Field(max_length=500)
    options: Options = Field(default_factory=Options)


@area.api.post(
    "/consultations",
    status_code=201,
    response_model=ConsultationView,
    summary="Open a consultation on a draft (the owner institution's focal points and managers)",
)
def open_consultation(data: ConsultationIn, ctx: Ctx = ApiCtx) -> Response:
    made = ctx.call(
        consultations.open_consultation,
        owner=data.owner,
        title=data.title,
        summary=data.summary,
        opens_at=data.opens_at,
        closes_at=data.closes_at,
        sections=data.sections,
        options=data.options,
    )
    return json_response(made, 201, lang=ctx.lang)


@area.page(
    "/consultations/{consultation_id}/moderation",
    "participation/moderation.html",
    summary="A consultation's comments for its moderators, those waiting first",
    response_model=ModerationQueue,
)
def moderation(ctx: Ctx, consultation_id: Id) -> dict[str, Any]:
    queue = ctx.read(consultations.moderation_queue, consultation_id=consultation_id)
    return {
        **queue.model_dump(),
        "_queue": queue,
        "_reasons": names("hide reason"),
        "_states": names("comment state"),
    }


class ModerateCommentIn(BaseModel):
    publish: bool = Field(description="true publishes the comment; false rejects it (with a reason)")
    reason: Annotated[HideReason | None, BeforeValidator(_blank_none)] = None


@area.action(
    "/consultations/{consultation_id}/comments/{comment_id}/moderate",
    html=go("/consultations/{consultation_id}/moderation"),
    summary="Publish or reject a comment (audited with the reason)",
    response_model=PendingComment,
)
def moderate(ctx: Ctx, consultation_id: Id, comment_id: Id, data: ModerateCommentIn) -> PendingComment:
    return ctx.call(
        consultations.moderate_comment,
        comment_id=comment_id,
        publish=data.publish,
        reason=data.reason,
        consultation_id=consultation_id,
    )


consultation_public.register(area)
consultation_staff.register(area)

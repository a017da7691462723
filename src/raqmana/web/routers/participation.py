"""Citizen feedback and complaints: the public form, status lookup and "you said, we did" under
``/public/feedback`` (no sign-in), and the institutions' inbox under ``/participation`` (assign, answer,
close, refer, moderate, export and import), each with its JSON twin."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import File, Path, Query, UploadFile
from pydantic import BaseModel, BeforeValidator, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.i18n.vocabulary import CaseState, Channel, FeedbackKind, HideReason, names
from raqmana.participation import errors as P
from raqmana.problems import Location
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import read_upload
from raqmana.web.pages import Area, attachment, go
from raqmana.web.templating import render
from raqmana.workspace import participation as cases
from raqmana.workspace import participation_files as files
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.participation import (
    CaseView,
    ChangeView,
    Choice,
    FormChoices,
    ImportReport,
    Inbox,
    OnTimeView,
    PublicStatus,
    Receipt,
)

area = Area("participation")
CSV, JSON = "text/csv", "application/json"


def _blank_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_blank_none)


class FeedbackForm(FormChoices):
    """What the public form offers: institutions, their services and the channels."""

    channels: list[Choice]
    answer_days: int


def _form_data(ctx: Ctx) -> dict[str, Any]:
    offered = ctx.unit(cases.form_choices)
    return {
        **offered.model_dump(),
        "channels": [Choice(code=c, name=n) for c, n in names("channel").items()],
        "answer_days": ctx.settings.feedback_answer_days,
    }


@area.page(
    "/public/feedback",
    "participation/form.html",
    summary="The public feedback form",
    response_model=FeedbackForm,
)
def feedback_form(
    ctx: Ctx,
    institution: Annotated[str, Query(max_length=64)] = "",
    service: Annotated[str, Query(max_length=64)] = "",
) -> dict[str, Any]:
    """Rate a service or report a problem with an institution: no sign-in needed."""
    return {**_form_data(ctx), "_institution": institution, "_service": service}


class FeedbackIn(BaseModel):
    """A rating or a complaint. ``website`` is a trap for robots: people leave it empty."""

    institution: str = Field(max_length=64)
    service: Annotated[str | None, Blank] = Field(None, max_length=64)
    kind: FeedbackKind = FeedbackKind.COMPLAINT
    rating: Annotated[int | None, Blank] = Field(None, ge=1, le=5)
    channel: Channel = Channel.ONLINE
    visits: Annotated[int | None, Blank] = Field(None, ge=0, le=1000)
    text: str = Field("", max_length=cases.MAX_TEXT)
    contact: Annotated[str | None, Blank] = Field(None, max_length=255)
    contact_consent: bool = False
    website: str = Field("", max_length=200, description="leave empty")


def _receipt_page(ctx: Ctx, receipt: Receipt, params: dict[str, Any]) -> Response:
    return render(ctx.request, ctx.lang, "participation/receipt.html", {"receipt": receipt}, status=201)


def _client(ctx: Ctx) -> str:
    client = ctx.request.client
    return client.host if client else ""


@area.action(
    "/public/feedback",
    html=_receipt_page,
    summary="Send feedback or a complaint (no sign-in; a tracking number comes back)",
    response_model=Receipt,
    status_code=201,
)
def send_feedback(ctx: Ctx, data: FeedbackIn) -> Receipt:
    """Anyone may send; more than a few messages from one address in ten minutes get 429 with
    Retry-After. The contact, if given, is read only by the institution's own staff."""
    if data.website.strip():
        raise ValidationFailed.one(P.TRAP_FILLED, Location(field="website"))
    return ctx.unit(
        cases.submit_feedback,
        institution=data.institution,
        kind=data.kind,
        channel=data.channel,
        text=data.text,
        lang=ctx.lang,
        client=_client(ctx),
        answer_days=ctx.settings.feedback_answer_days,
        service=data.service,
        rating=data.rating,
        visits=data.visits,
        contact=data.contact,
        contact_consent=data.contact_consent,
    )


class StatusPage(BaseModel):
    status: PublicStatus | None = Field(None, description="absent when no tracking number was given")


@area.page(
    "/public/feedback/status",
    "participation/status.html",
    summary="A case's state and answer by its tracking number",
    response_model=StatusPage,
)
def feedback_status(ctx: Ctx, tracking: Annotated[str, Query(max_length=40)] = "") -> dict[str, Any]:
    states = names("case state")
    if not tracking.strip():
        return {"status": None, "_tracking": "", "_states": states}
    return {
        "status": ctx.unit(cases.public_status, tracking=tracking),
        "_tracking": tracking,
        "_states": states,
    }


class ChangesPage(BaseModel):
    changes: list[ChangeView]
    on_time: OnTimeView


@area.page(
    "/public/feedback/changes",
    "participation/changes.html",
    summary="You said, we did: what changed, and complaints answered on time",
    response_model=ChangesPage,
)
def feedback_changes(ctx: Ctx) -> dict[str, Any]:
    def read(session: Any) -> dict[str, Any]:
        return {"changes": cases.published_changes(session), "on_time": cases.public_on_time(session)}

    return ctx.unit(read)


# --- the institutions' side ---------------------------------------------------------------------------


@area.page("/participation", "participation/inbox.html", summary="The feedback inbox", response_model=Inbox)
def inbox(
    ctx: Ctx,
    state: Annotated[
        CaseState | Literal[""] | None,
        Query(description="one state; empty (the form's 'all') for every state"),
    ] = None,
) -> dict[str, Any]:
    """The cases of the institutions the caller may read, newest first, with the on-time KPI."""
    state = state or None
    found = ctx.read(cases.inbox, state=state)
    return {**found.model_dump(), "_inbox": found, "_state": state or "", "_states": names("case state")}


def _export(ctx: Ctx, fmt: str) -> Response:
    data = ctx.read(files.export_cases, fmt=fmt)
    return attachment(data, f"cases.{fmt}", CSV if fmt == "csv" else JSON)


@area.html.get("/participation/export.{fmt}")
def export_page(fmt: Literal["csv", "json"], ctx: Ctx = PageCtx) -> Response:
    return _export(ctx, fmt)


@area.api.get(
    "/participation/export.{fmt}",
    summary="The cases the caller may read, for exchange with other complaint systems (CSV or JSON)",
    response_class=Response,
    responses={
        200: {
            "description": "The cases, one row (CSV) or object (JSON) each, with the exchange format's columns",
            "content": {
                CSV: {"schema": {"type": "string", "format": "binary"}},
                JSON: {"schema": {"type": "array", "items": {"type": "object"}}},
            },
        }
    },
)
def export_api(fmt: Literal["csv", "json"], ctx: Ctx = ApiCtx) -> Response:
    return _export(ctx, fmt)


def _imported(ctx: Ctx, report: ImportReport, params: dict[str, Any]) -> Response:
    return render(ctx.request, ctx.lang, "participation/inbox.html", {**inbox(ctx), "report": report})


@area.action(
    "/participation/import",
    html=_imported,
    summary="Import cases (CSV or JSON, by tracking number; all or nothing)",
    response_model=ImportReport,
)
async def import_cases(ctx: Ctx, file: Annotated[UploadFile, File()]) -> ImportReport:
    ctx.require_actor()
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)
    return await run_in_threadpool(ctx.call, files.import_cases, data=data, filename=filename)


Tracking = Annotated[str, Path(max_length=40)]


class CasePage(BaseModel):
    case: CaseView


@area.page(
    "/participation/{tracking}", "participation/case.html", summary="One case", response_model=CasePage
)
def case_page(ctx: Ctx, tracking: Tracking) -> dict[str, Any]:
    return {
        "case": ctx.read(cases.get_case, tracking),
        "_reasons": names("hide reason"),
        "_states": names("case state"),
    }


class AssignIn(BaseModel):
    username: Annotated[str | None, Blank] = Field(None, max_length=64, description="the caller when absent")


@area.action(
    "/participation/{tracking}/assign",
    html=go("/participation/{tracking}"),
    summary="Assign a case",
    response_model=CaseView,
)
def assign(ctx: Ctx, tracking: Tracking, data: AssignIn) -> CaseView:
    return ctx.call(cases.assign, tracking, username=data.username)


class AnswerIn(BaseModel):
    text: str = Field(max_length=cases.MAX_TEXT, description="the answer the person reads")
    change_made: Annotated[str | None, Blank] = Field(
        None, max_length=cases.MAX_TEXT, description='what changed, for the public "you said, we did"'
    )


@area.action(
    "/participation/{tracking}/answer",
    html=go("/participation/{tracking}"),
    summary="Answer a case",
    response_model=CaseView,
)
def answer(ctx: Ctx, tracking: Tracking, data: AnswerIn) -> CaseView:
    return ctx.call(cases.answer, tracking, text=data.text, change_made=data.change_made)


@area.action(
    "/participation/{tracking}/close",
    html=go("/participation/{tracking}"),
    summary="Close a case",
    response_model=CaseView,
)
def close(ctx: Ctx, tracking: Tracking) -> CaseView:
    return ctx.call(cases.close, tracking)


class ModerateIn(BaseModel):
    hide: bool = Field(description="true hides the text from everything public; false shows it again")
    reason: Annotated[HideReason | None, Blank] = None


@area.action(
    "/participation/{tracking}/moderate",
    html=go("/participation/{tracking}"),
    summary="Hide or show a case's text (audited with the reason)",
    response_model=CaseView,
)
def moderate(ctx: Ctx, tracking: Tracking, data: ModerateIn) -> CaseView:
    return ctx.call(cases.moderate, tracking, hide=data.hide, reason=data.reason)


class ReferIn(BaseModel):
    institution: str = Field(max_length=64)
    note: str = Field("", max_length=500)


@area.action(
    "/participation/{tracking}/refer",
    html=go("/participation"),
    summary="Refer a case to the institution concerned (kept in its referral history)",
    response_model=CaseView,
)
def refer(ctx: Ctx, tracking: Tracking, data: ReferIn) -> CaseView:
    return ctx.call(cases.refer, tracking, institution=data.institution, note=data.note)

"""What the public does on a consultation besides commenting: take part (anonymously, or confirming an
e-mail or phone with a code), support a published comment, answer the questions, delete a comment by
its tracking code or everything one wrote, read the published response report and download it.

A participant is named by a token: the browser keeps it in the ``rq_participant`` cookie (HTTP only); a
JSON client sends it back in the ``participant`` field. Routes are registered on the consultations area
by :func:`register`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path, Request
from pydantic import BaseModel, BeforeValidator, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import safe_next, see_other
from raqmana.web.pages import Area, attachment, json_response
from raqmana.web.templating import render
from raqmana.workspace import participation_people as people
from raqmana.workspace import participation_public as public
from raqmana.workspace import participation_response as response
from raqmana.workspace import participation_retention as retention
from raqmana.workspace.participation_people import Confirmed, Forgotten, Profile, Started
from raqmana.workspace.participation_questions import AnswersReceipt
from raqmana.workspace.participation_response import ResponseView
from raqmana.workspace.participation_retention import CommentForgotten
from raqmana.workspace.participation_support import SupportCount

COOKIE = "rq_participant"
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


Lang = Annotated[Literal["ar", "ckb", "en"], Path()]
Fmt = Annotated[Literal["pdf", "docx", "html"], Path()]


def _blank_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_blank_none)


def token_of(ctx: Ctx, given: str | None = None) -> str | None:
    return given or ctx.request.cookies.get(COOKIE)


def keep_token(ctx: Ctx, response: Response, token: str | None) -> Response:
    if token:
        response.set_cookie(
            COOKIE,
            token,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=ctx.settings.secure_cookies,
            path="/",
        )
    return response


def _sender(ctx: Ctx) -> Any:
    from raqmana.participation.verification import make_sender

    return make_sender(ctx.settings.participant_sender, ctx.settings.data_dir, ctx.settings)


def _client(ctx: Ctx) -> str:
    client = ctx.request.client
    return client.host if client else ""


class ParticipantIn(BaseModel):
    """Take part: no contact for an anonymous participant; an e-mail or phone number to get a code."""

    contact: Annotated[str | None, Blank] = Field(None, max_length=200)
    governorate: Annotated[str | None, Blank] = Field(None, max_length=64)
    sex: Annotated[Literal["female", "male"] | None, Blank] = None
    age_group: Annotated[Literal["15-24", "25-34", "35-44", "45-54", "55-64", "65+"] | None, Blank] = None


class ConfirmIn(BaseModel):
    contact: str = Field(max_length=200)
    code: str = Field(max_length=12)


class ParticipantToken(BaseModel):
    participant: Annotated[str | None, Blank] = Field(None, max_length=100)


class SupportIn(ParticipantToken):
    pass


class AnswersJson(ParticipantToken):
    """Answers by question id (see the consultation's questions)."""

    answers: dict[int, Any] = Field(max_length=100)


class ResponsePage(BaseModel):
    response: ResponseView


class ForgetCommentIn(BaseModel):
    tracking: str = Field(max_length=40)


def register(area: Area) -> None:
    def take_part(ctx: Ctx, data: ParticipantIn) -> Started:
        return ctx.unit(
            people.start,
            secret=ctx.settings.secret_key,
            sender=_sender(ctx),
            contact=data.contact,
            profile=Profile(governorate=data.governorate, sex=data.sex, age_group=data.age_group),
            lang=ctx.lang,
            client=_client(ctx),
        )

    def _started(ctx: Ctx, result: Started, params: dict[str, Any]) -> Response:
        back = safe_next(params.get("next"), "/public/consultations")
        if result.token:
            return keep_token(ctx, see_other(back), result.token)
        return render(
            ctx.request,
            ctx.lang,
            "participation/confirm.html",
            {"contact": params["data"].contact, "next": back},
        )

    area.action(
        "/public/consultations/participants",
        html=_started,
        summary="Take part in consultations: anonymously (a token at once) or with an e-mail or phone (a code)",
        response_model=Started,
        status_code=200,
    )(take_part)

    def confirm_contact(ctx: Ctx, data: ConfirmIn) -> Confirmed:
        done = ctx.unit(people.confirm, secret=ctx.settings.secret_key, contact=data.contact, code=data.code)
        if done is None:  # the wrong try is counted (committed) before the refusal
            raise people.wrong_code()
        return done

    def _confirmed(ctx: Ctx, result: Confirmed, params: dict[str, Any]) -> Response:
        return keep_token(
            ctx, see_other(safe_next(params.get("next"), "/public/consultations")), result.token
        )

    area.action(
        "/public/consultations/participants/confirm",
        html=_confirmed,
        summary="Confirm an e-mail or phone with the code sent to it; answers the participant's token",
        response_model=Confirmed,
    )(confirm_contact)

    def forget_me(ctx: Ctx, data: ParticipantToken) -> Forgotten:
        token = token_of(ctx, data.participant) or ""
        return ctx.unit(people.forget_participant, secret=ctx.settings.secret_key, token=token)

    def _forgotten(ctx: Ctx, result: Forgotten, params: dict[str, Any]) -> Response:
        response = render(ctx.request, ctx.lang, "participation/forgotten.html", {"forgotten": result})
        response.delete_cookie(COOKIE, path="/")
        return response

    area.action(
        "/public/consultations/participants/forget",
        html=_forgotten,
        summary="Delete everything the participant wrote, their answers, supports and contact",
        response_model=Forgotten,
    )(forget_me)

    def forget_comment(ctx: Ctx, data: ForgetCommentIn) -> CommentForgotten:
        return ctx.unit(retention.forget_comment, tracking=data.tracking)

    def _comment_forgotten(ctx: Ctx, result: CommentForgotten, params: dict[str, Any]) -> Response:
        return render(ctx.request, ctx.lang, "participation/forgotten.html", {"comment_forgotten": result})

    area.action(
        "/public/consultations/forget",
        html=_comment_forgotten,
        summary="Delete one's comment by the tracking code given when it was sent",
        response_model=CommentForgotten,
    )(forget_comment)

    def support(ctx: Ctx, consultation_id: Id, comment_id: Id, data: SupportIn) -> SupportCount:
        return ctx.unit(
            public.support_comment,
            secret=ctx.settings.secret_key,
            token=token_of(ctx, data.participant),
            actor=ctx.actor,
            consultation_id=consultation_id,
            comment_id=comment_id,
        )

    def _supported(ctx: Ctx, result: SupportCount, params: dict[str, Any]) -> Response:
        cid = params["consultation_id"]
        return see_other(f"/public/consultations/{cid}#c-{result.comment_id}")

    area.action(
        "/public/consultations/{consultation_id}/comments/{comment_id}/support",
        html=_supported,
        summary="Support a published comment (once per participant)",
        response_model=SupportCount,
    )(support)

    @area.api.post(
        "/public/consultations/{consultation_id}/answers",
        response_model=AnswersReceipt,
        summary="Answer a consultation's questions (a participant; an answer given again replaces the first)",
    )
    def answers_api(consultation_id: Id, data: AnswersJson, ctx: Ctx = ApiCtx) -> Response:
        done = ctx.unit(
            public.answer_questions,
            secret=ctx.settings.secret_key,
            token=token_of(ctx, data.participant),
            actor=ctx.actor,
            consultation_id=consultation_id,
            answers=data.answers,
        )
        return json_response(done, lang=ctx.lang)

    @area.html.post("/public/consultations/{consultation_id}/answers")
    async def answers_form(consultation_id: Id, request: Request, ctx: Ctx = PageCtx) -> Response:
        form = await request.form()
        answers: dict[int, Any] = {}
        ranks: dict[int, dict[int, int]] = {}
        for key in form:
            parts = key.split("-")
            if parts[0] != "q" or len(parts) < 2 or not parts[1].isdigit():
                continue
            values = [v.strip() for v in form.getlist(key) if isinstance(v, str) and v.strip()]
            if len(parts) == 2:  # q-{id}: text, a choice, several choices or a Likert point
                answers[int(parts[1])] = values if len(values) > 1 else (values[0] if values else None)
            elif (
                len(parts) == 4
                and parts[2] == "rank"
                and parts[3].isdigit()
                and values
                and values[0].isdigit()
            ):
                ranks.setdefault(int(parts[1]), {})[int(parts[3])] = int(values[0])  # q-{id}-rank-{option}
        for qid, placed in ranks.items():  # options in the order of the positions given (1 first)
            answers[qid] = sorted(placed, key=lambda option: placed[option])
        await run_in_threadpool(
            ctx.unit,
            public.answer_questions,
            secret=ctx.settings.secret_key,
            token=token_of(ctx),
            actor=ctx.actor,
            consultation_id=consultation_id,
            answers=answers,
        )
        return see_other(f"/public/consultations/{consultation_id}?answered=1#questions")

    @area.page(
        "/public/consultations/{consultation_id}/response",
        "participation/response.html",
        summary="The published response report of a consultation",
        response_model=ResponsePage,
    )
    def response_page(ctx: Ctx, consultation_id: Id) -> dict[str, Any]:
        return {"response": ctx.unit(response.read_response, consultation_id=consultation_id)}

    def _file(ctx: Ctx, consultation_id: int, lang: str, fmt: str) -> Response:
        view = ctx.unit(response.read_response, consultation_id=consultation_id)
        address = f"/public/consultations/{consultation_id}/response"
        data = response.response_file(view, lang, fmt, address=address)  # type: ignore[arg-type]
        return attachment(data, f"consultation-{consultation_id}-response-{lang}.{fmt}", MEDIA[fmt])

    @area.html.get("/public/consultations/{consultation_id}/response.{lang}.{fmt}")
    async def response_download(consultation_id: Id, lang: Lang, fmt: Fmt, ctx: Ctx = PageCtx) -> Response:
        return await run_in_threadpool(_file, ctx, consultation_id, lang, fmt)

    @area.api.get(
        "/public/consultations/{consultation_id}/response.{lang}.{fmt}",
        summary="The published response report as PDF, Word or HTML in Arabic, Kurdish or English",
        response_class=Response,
        responses={
            200: {
                "content": {
                    m.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                    for m in MEDIA.values()
                }
            }
        },
    )
    async def response_download_api(consultation_id: Id, lang: Lang, fmt: Fmt, ctx: Ctx = ApiCtx) -> Response:
        return await run_in_threadpool(_file, ctx, consultation_id, lang, fmt)

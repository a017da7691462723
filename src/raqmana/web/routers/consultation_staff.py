"""What the owner institution does with a consultation besides moderating: open it from a form (a PDF
or Word draft, or sections typed in) and edit it, set its questions (JSON), write and publish the
response report once it has closed, and read the analysis of what it received (CSV/XLSX too).
Routes are registered on the consultations area by :func:`register`."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import Path, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, BeforeValidator, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.responses import Response

from raqmana.i18n import Translated
from raqmana.participation import errors as P
from raqmana.problems import Location
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import TypedDay, read_upload, see_other
from raqmana.web.pages import Area, attachment, json_response
from raqmana.workspace import consultations
from raqmana.workspace import participation_analysis as analysis
from raqmana.workspace import participation_drafts as drafts
from raqmana.workspace import participation_questions as questions
from raqmana.workspace import participation_response as response
from raqmana.workspace.consultations import ConsultationView, Options
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.participation_analysis import Analysis
from raqmana.workspace.participation_drafts import ConsultationForm
from raqmana.workspace.participation_questions import QuestionIn, QuestionView
from raqmana.workspace.participation_response import ResponseIn, ResponseItemIn, ResponseView

Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
LANGS = ("ar", "ckb", "en")
Fmt = Annotated[Literal["csv", "xlsx"], Path()]


def _blank_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_blank_none)


class DetailsIn(BaseModel):
    """The form's fields (dates are whole days: it opens at the start of the first and closes at the end
    of the last, UTC)."""

    title_en: str = Field("", max_length=300)
    title_ar: str = Field("", max_length=300)
    title_ckb: str = Field("", max_length=300)
    summary_en: str = Field("", max_length=4000)
    summary_ar: str = Field("", max_length=4000)
    summary_ckb: str = Field("", max_length=4000)
    opens_on: TypedDay
    closes_on: TypedDay
    who: Literal["anyone", "verified", "invited"] = "anyone"
    invited: str = Field("", max_length=2000, description="institution codes, separated by spaces or commas")
    without_moderation: bool = False
    retention_days: Annotated[int | None, Blank] = Field(None, ge=0, le=100000)

    def title(self) -> Translated:
        return Translated(en=self.title_en, ar=self.title_ar, ckb=self.title_ckb)

    def summary(self) -> Translated:
        return Translated(en=self.summary_en, ar=self.summary_ar, ckb=self.summary_ckb)

    def period(self) -> tuple[datetime, datetime]:
        return (
            datetime.combine(self.opens_on, time(), UTC),
            datetime.combine(self.closes_on + timedelta(days=1), time(), UTC),
        )

    def options(self) -> Options:
        codes = [c for c in self.invited.replace(",", " ").split() if c]
        return Options(
            who=self.who,
            invited=codes,
            premoderated=not self.without_moderation,
            retention_days=self.retention_days,
        )


class OpenIn(DetailsIn):
    owner: str = Field(max_length=64)
    sections_text: str = Field("", max_length=200_000, description="typed sections when no file is given")
    sections_lang: Literal["ar", "ckb", "en"] = "ar"


class QuestionsIn(BaseModel):
    questions: list[QuestionIn] = Field(max_length=50)


class ResponsePageModel(BaseModel):
    response: ResponseView
    consultation: ConsultationView


def register(area: Area) -> None:
    @area.page(
        "/consultations/new",
        "participation/consultation_form.html",
        summary="What the form to open a consultation offers (the institutions one may open it for)",
        response_model=ConsultationForm,
    )
    def new_consultation(ctx: Ctx) -> dict[str, Any]:
        return ctx.read(drafts.form).model_dump() | {"_today": datetime.now(UTC).date()}

    async def open_from_form(ctx: Ctx, data: OpenIn, file: UploadFile | None) -> ConsultationView:
        ctx.require_actor()
        opens_at, closes_at = data.period()
        common: dict[str, Any] = {
            "owner": data.owner,
            "title": data.title(),
            "summary": data.summary(),
            "opens_at": opens_at,
            "closes_at": closes_at,
            "options": data.options(),
        }
        if file is not None and file.filename:
            filename, content = await read_upload(file, ctx.settings.max_upload_mb)
            return await run_in_threadpool(
                partial(ctx.call, drafts.open_with_document),
                settings=ctx.settings,
                data=content,
                filename=filename,
                **common,
            )
        sections = drafts.sections_from_text(data.sections_text, data.sections_lang)
        if not sections:
            raise ValidationFailed.one(P.NO_SECTIONS, Location(field="sections_text"))
        return await run_in_threadpool(
            partial(ctx.call, consultations.open_consultation), sections=sections, **common
        )

    # the form and its twin under /api/v1 both take the fields as a form (multipart, for the draft file)
    async def read_form(request: Request) -> tuple[OpenIn, Any]:
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str) and k not in ("csrf_token", "file")}
        try:
            data = OpenIn.model_validate(fields)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            ) from None
        upload = form.get("file")
        return data, upload if isinstance(upload, StarletteUpload) else None

    @area.html.post("/consultations/new")
    async def open_form(request: Request, ctx: Ctx = PageCtx) -> Response:
        made = await open_from_form(ctx, *await read_form(request))
        return see_other(f"/public/consultations/{made.id}")

    @area.api.post(
        "/consultations/new",
        status_code=201,
        response_model=ConsultationView,
        summary="Open a consultation from the form's fields (multipart: owner, title_ar/ckb/en, summary_…, "
        "opens_on, closes_on, who, invited, without_moderation, retention_days, and a PDF or Word file or "
        "sections_text)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"multipart/form-data": {"schema": OpenIn.model_json_schema()}},
            }
        },
    )
    async def open_form_api(request: Request, ctx: Ctx = ApiCtx) -> Response:
        made = await open_from_form(ctx, *await read_form(request))
        return json_response(made, 201, lang=ctx.lang)

    @area.page(
        "/consultations/{consultation_id}/edit",
        "participation/consultation_form.html",
        summary="A consultation's details as its form shows them",
        response_model=ConsultationForm,
    )
    def edit_form(ctx: Ctx, consultation_id: Id) -> dict[str, Any]:
        return ctx.read(drafts.form, consultation_id=consultation_id).model_dump()

    def edit(ctx: Ctx, consultation_id: Id, data: DetailsIn) -> ConsultationView:
        opens_at, closes_at = data.period()
        return ctx.call(
            consultations.edit_consultation,
            consultation_id=consultation_id,
            title=data.title(),
            summary=data.summary(),
            opens_at=opens_at,
            closes_at=closes_at,
            options=data.options(),
        )

    def _edited(ctx: Ctx, made: ConsultationView, params: dict[str, Any]) -> Response:
        return see_other(f"/public/consultations/{made.id}")

    area.action(
        "/consultations/{consultation_id}/edit",
        html=_edited,
        summary="Change a consultation's details (title, summary, dates, who takes part, moderation, retention)",
        response_model=ConsultationView,
    )(edit)

    @area.api.post(
        "/consultations/{consultation_id}/questions",
        response_model=list[QuestionView],
        summary="Set a consultation's questions (free text, single or multiple choice, ranking, Likert)",
    )
    def set_questions(consultation_id: Id, data: QuestionsIn, ctx: Ctx = ApiCtx) -> Response:
        made = ctx.call(questions.set_questions, consultation_id=consultation_id, questions=data.questions)
        return json_response(made, lang=ctx.lang)

    @area.html.post("/consultations/{consultation_id}/questions")
    async def set_questions_form(consultation_id: Id, request: Request, ctx: Ctx = PageCtx) -> Response:
        """The form's questions in the language chosen (``questions_lang``), one a line, ``kind: prompt |
        option | option`` (kinds text, single, multiple, ranking, likert), and their translations line for
        line in the other languages' boxes (``questions_ar``, ``questions_ckb``, ``questions_en``)."""
        form = await request.form()
        lang = form.get("questions_lang")
        lang = lang if isinstance(lang, str) and lang in LANGS else "ar"

        def box(name: str) -> str:
            value = form.get(name)
            return value[:100_000] if isinstance(value, str) else ""

        texts = {code: box(f"questions_{code}") for code in LANGS}
        if not texts[lang].strip():  # the single box of earlier forms
            texts[lang] = box("questions_text")
        made = questions.questions_from_text(texts, lang)
        await run_in_threadpool(
            partial(ctx.call, questions.set_questions), consultation_id=consultation_id, questions=made
        )
        return see_other(f"/public/consultations/{consultation_id}#questions")

    @area.page(
        "/consultations/{consultation_id}/response",
        "participation/response_form.html",
        summary="The response report as its owner writes it (also before it is published)",
        response_model=ResponsePageModel,
    )
    def response_form(ctx: Ctx, consultation_id: Id) -> dict[str, Any]:
        view = ctx.read(lambda s, a: response.read_response(s, consultation_id=consultation_id, actor=a))
        page = ctx.unit(consultations.read_consultation, consultation_id=consultation_id)
        return {"response": view, "consultation": page}

    @area.api.post(
        "/consultations/{consultation_id}/response",
        response_model=ResponseView,
        summary="Write the response report of a closed consultation; publish it with publish: true",
    )
    def write_response(consultation_id: Id, data: ResponseIn, ctx: Ctx = ApiCtx) -> Response:
        made = ctx.call(response.write_response, consultation_id=consultation_id, data=data)
        return json_response(made, lang=ctx.lang)

    @area.html.post("/consultations/{consultation_id}/response")
    async def write_response_form(consultation_id: Id, request: Request, ctx: Ctx = PageCtx) -> Response:
        form = await request.form()

        def text(name: str) -> str:
            v = form.get(name)
            return v.strip()[:4000] if isinstance(v, str) else ""

        def words(prefix: str) -> Translated:
            return Translated(**{lang: text(f"{prefix}_{lang}") for lang in LANGS})

        items = []
        seen: list[str] = []  # item_{n}_{lang}: the lines of the form, in its order
        for key in form:
            parts = key.split("_")
            if parts[0] == "item" and len(parts) == 3 and parts[1] not in seen:
                seen.append(parts[1])
        for item in seen:
            said = words(f"item_{item}")
            if not any(said.model_dump().values()):
                continue
            section = text(f"section_{item}")
            ids = [int(x) for x in text(f"comments_{item}").replace(",", " ").split() if x.isdigit()]
            items.append(
                ResponseItemIn(
                    section_id=int(section) if section.isdigit() else None,
                    taken=text(f"taken_{item}") == "yes",
                    text=said,
                    comment_ids=ids,
                )
            )
        data = ResponseIn(summary=words("summary"), items=items, publish=text("publish") == "yes")
        await run_in_threadpool(ctx.call, response.write_response, consultation_id=consultation_id, data=data)
        return see_other(f"/consultations/{consultation_id}/response")

    @area.page(
        "/consultations/{consultation_id}/analysis",
        "participation/analysis.html",
        summary="Comments by theme, over time and by governorate, sex and age group",
        response_model=Analysis,
    )
    def analysis_page(ctx: Ctx, consultation_id: Id) -> dict[str, Any]:
        return ctx.read(analysis.analyse, consultation_id=consultation_id).model_dump() | {
            "_consultation_id": consultation_id
        }

    media = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }

    def _export(ctx: Ctx, consultation_id: int, fmt: str) -> Response:
        data = ctx.read(analysis.export_analysis, consultation_id=consultation_id, fmt=fmt, lang=ctx.lang)
        return attachment(data, f"consultation-{consultation_id}-comments.{fmt}", media[fmt])

    @area.html.get("/consultations/{consultation_id}/analysis.{fmt}")
    async def analysis_export(consultation_id: Id, fmt: Fmt, ctx: Ctx = PageCtx) -> Response:
        return await run_in_threadpool(_export, ctx, consultation_id, fmt)

    @area.api.get(
        "/consultations/{consultation_id}/analysis.{fmt}",
        summary="Every comment with its theme and what its author chose to say, as CSV or XLSX",
        response_class=Response,
        responses={
            200: {
                "content": {
                    m.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                    for m in media.values()
                }
            }
        },
    )
    async def analysis_export_api(consultation_id: Id, fmt: Fmt, ctx: Ctx = ApiCtx) -> Response:
        return await run_in_threadpool(_export, ctx, consultation_id, fmt)

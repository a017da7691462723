"""Small helpers the routers share: redirects, HTMX detection, safe ``next`` targets, form values."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from raqmana.i18n.dates import parse_day_field
from raqmana.problems import Location, Problem
from raqmana.web import messages
from raqmana.web.errors import WebError
from raqmana.web.fields import translated


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def safe_next(target: str | None, default: str = "/") -> str:
    """Only same-site paths: ``/x`` yes; ``//host``, ``/\\host``, ``https://…`` no."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(ch in target for ch in "\r\n\t"):
        return default
    return target


def see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _typed_day(value: Any) -> Any:
    """A date field's text as typed in the reader's order and digits (see ``macros.date_field``) → a date;
    anything else is left for pydantic to accept (a date, ISO text) or refuse with WEB012."""
    if isinstance(value, str):
        try:
            return parse_day_field(value)
        except ValueError:
            return value
    return value


#: a date bound from a form's date field or JSON: "2026-12-07", "٠٧/١٢/٢٠٢٦", "٢٠٢٦-١٢-٠٧" …
TypedDay = Annotated[date, BeforeValidator(_typed_day)]


def optional_date(value: str | None, field: str) -> date | None:
    """Parse a date field (year first or last, either digit shape); empty → None; bad → 422 with the field."""
    if value is None or not value.strip():
        return None
    try:
        return parse_day_field(value)
    except ValueError:
        reason = messages.EXPECT_DATE
        raise WebError(
            422,
            [
                Problem(
                    messages.BAD_FIELD,
                    Location(field=field),
                    {
                        "field": translated(field),
                        "reason": {"en": reason.en, "ar": reason.ar, "ckb": reason.ckb},
                    },
                )
            ],
        ) from None


def required(value: str | None, field: str) -> str:
    if value is None or not value.strip():
        raise WebError(
            422, [Problem(messages.MISSING_FIELD, Location(field=field), {"field": translated(field)})]
        )
    return value.strip()


async def read_upload(upload: object, limit_mb: int) -> tuple[str, bytes]:
    """(filename, data) of an uploaded file, refusing more than ``limit_mb`` MiB (nothing is stored)."""
    from starlette.datastructures import UploadFile

    if not isinstance(upload, UploadFile) or not upload.filename:
        raise WebError(
            422, [Problem(messages.MISSING_FIELD, Location(field="file"), {"field": translated("file")})]
        )
    limit = limit_mb * 1024 * 1024
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise WebError(413, [Problem(messages.TOO_LARGE, Location(field="file"), {"limit": limit_mb})])
    return upload.filename, data

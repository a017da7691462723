"""The one error body of the JSON API, for every status (400 … 500)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorLocation(BaseModel):
    """Where the problem is; only the parts that apply are present."""

    model_config = ConfigDict(extra="forbid")

    file: str | None = None
    sheet: str | None = None
    line: int | None = Field(None, description="YAML/CSV line or workbook row (1-based)")
    column: str | None = Field(None, description="Workbook column letter or CSV column name")
    path: str | None = Field(None, description="Path inside a document, e.g. pillars[2].indicators[0]")
    field: str | None = Field(None, description="Name of the request field (query, path, form or JSON body)")


class ErrorItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="Stable code from the error catalogue (docs/errors.md), e.g. WEB004")
    severity: Literal["error", "warning"]
    message: str = Field(description="The message in the caller's language (?lang=ar|ckb|en)")
    location: ErrorLocation


class ErrorBody(BaseModel):
    """``ok`` is always false; ``status`` repeats the HTTP status; ``current`` comes with 409 only (the
    stored version that is newer than the one sent)."""

    model_config = ConfigDict(extra="forbid")

    ok: Literal[False] = False
    status: int
    errors: list[ErrorItem]
    current: dict[str, Any] | None = None


ERROR_STATUSES: dict[int, str] = {
    400: "Malformed request",
    401: "Not signed in, or the token is not valid (with WWW-Authenticate: Bearer)",
    403: "Signed in but not allowed to do this",
    404: "Not found, or not visible to the caller",
    409: "Conflict: the object changed since it was read (the stored version under current)",
    413: "Request body or upload too large",
    422: "Invalid input: each problem located by field, file, sheet, row or column",
    429: "Too many attempts; try again later",
    500: "Server error",
}

#: every error status, declared once for the API routers (replaces FastAPI's own 422 schema)
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text} for status, text in ERROR_STATUSES.items()
}

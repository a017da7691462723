"""The audit log for administrators and coordinators: events filtered by user, object type and date,
paged newest first, each with a summary of what it changed; and the check of the whole hash chain.
Everyone else gets 404 (from the workspace)."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Form, Query
from starlette.responses import Response

from raqmana.i18n import LOCALES, gettext
from raqmana.web.context import ApiCtx, Ctx, PageCtx
from raqmana.web.forms import optional_date, see_other
from raqmana.web.pages import Area, json_response
from raqmana.web.schemas.pages import AuditPage, AuditVerification
from raqmana.workspace import users
from raqmana.workspace.audit import (
    AuditFilters,
    AuditReport,
    audit_events,
    change_summary,
    verify_audit_chain,
)
from raqmana.workspace.exceptions import WorkspaceError
from raqmana.workspace.views import STATE_LABELS, ResponseState

area = Area("audit")
PAGE = 50


def _(message: str) -> str:  # msgids for Babel; translated when the page renders
    return message


ACTION_LABELS = {
    "assessment.open": _("Round opened"),
    "assessment.close": _("Round closed"),
    "assignment.create": _("Person assigned"),
    "assignment.delete": _("Assignment removed"),
    "response.save": _("Answer saved"),
    "response.import": _("Answer imported from a workbook"),
    "response.submit": _("Answer submitted"),
    "response.accept": _("Answer accepted"),
    "response.return": _("Answer returned"),
    "demo.response": _("Illustrative answer generated"),
    "comment.create": _("Comment written"),
    "evidence.attach": _("Evidence attached"),
    "evidence.remove": _("Evidence removed"),
    "user.create": _("User created"),
    "user.login": _("Signed in"),
    "user.locked": _("Account locked"),
    "user.locale": _("Language changed"),
    "user.password": _("Password changed"),
    "user.password_reset": _("Password reset"),
    "grant.create": _("Role granted"),
    "grant.revoke": _("Role revoked"),
    "token.create": _("API token created"),
    "token.revoke": _("API token revoked"),
    "org.create": _("Organisation created"),
    "org.update": _("Organisation changed"),
    "framework.register": _("Framework version added"),
    "framework.replace": _("Framework version replaced"),
}
FIELD_LABELS = {
    "stage": _("stage"),
    "number": _("number"),
    "choice": _("choice"),
    "text": _("text"),
    "na": _("N/A"),
    "is_na": _("N/A"),
    "answered": _("answered"),
    "active": _("active"),
    "title": _("title"),
    "reason": _("reason"),
    "note": _("note"),
    "file": _("file"),
    "reference": _("reference"),
    "digest": _("fingerprint"),
    "url": _("address"),
    "section": _("section"),
    "answers": _("answers"),
    "comments": _("comments"),
    "dont_know": _("don't know"),
    "justification": _("justification"),
    "state": _("state"),
    "version": _("version"),
    "comment": _("comment"),
    "role": _("role"),
    "institution": _("institution"),
    "status": _("status"),
    "locale": _("language"),
    "client": _("client address"),
    "username": _("user name"),
    "user_id": _("user"),
    "org": _("organisation"),
    "display_name": _("full name"),
    "name": _("name"),
    "prefix": _("token prefix"),
    "locked_until": _("locked until"),
    "illustrative": _("illustrative data"),
    "framework_id": _("framework"),
    "comment_id": _("comment number"),
    "evidence_id": _("evidence number"),
    "hash": _("fingerprint"),
    "user_agent": _("browser"),
    "tokens_kept": _("API tokens kept"),
}
TYPE_LABELS = {
    "assessment": _("Assessment round"),
    "response": _("Answer"),
    "user": _("User"),
    "organisation": _("Organisation"),
    "api_token": _("API token"),
    "framework_version": _("Framework version"),
}


def _filters(user: str, type: str, object: str, since: str, until: str) -> AuditFilters:
    return AuditFilters(
        user=user.strip()[:200],
        entity_type=type.strip()[:64],
        entity_id=object.strip()[:64],
        since=optional_date(since, "since"),
        until=optional_date(until, "until"),
    )


def _value(field: str, value: str, lang: str, people: dict[str, str] | None = None) -> str:
    """A changed value as a reader reads it: answer states, languages, people and yes/no in the reader's
    language."""
    if field == "state" and value in STATE_LABELS:
        return STATE_LABELS[ResponseState(value)].get(lang)
    if field == "locale" and value in LOCALES:
        return LOCALES[value].native_name
    if field == "user_id" and people and value in people:
        return people[value]
    if value in ("true", "false"):
        return gettext(lang, "Yes") if value == "true" else gettext(lang, "No")
    if value.startswith("{") and '"en"' in value:  # a translated text (a name, a title): the reader's own
        try:
            texts = json.loads(value)
        except ValueError:
            return value
        if isinstance(texts, dict) and set(texts) <= {"ar", "ckb", "en"}:
            return str(texts.get(lang) or texts.get("en") or value)
    return value


def _data_query(filters: AuditFilters) -> dict[str, str]:
    return {
        "user": filters.user,
        "type": filters.entity_type,
        "object": filters.entity_id,
        "since": filters.since.isoformat() if filters.since else "",
        "until": filters.until.isoformat() if filters.until else "",
    }


def _people(ctx: Ctx) -> dict[str, str]:
    """User number → "Full name (username)", for the objects and values of the log (empty when the reader
    may not list users)."""
    try:
        found = ctx.read(users.list_users)
    except WorkspaceError:
        return {}
    return {str(u.id): f"{u.display_name} ({u.username})" if u.display_name else u.username for u in found}


def _data(ctx: Ctx, filters: AuditFilters, before: int | None) -> dict[str, Any]:
    page = ctx.read(audit_events, filters=filters, before=before, limit=PAGE)
    people = _people(ctx)
    rows = [
        {
            "event": e,
            "changes": [
                (f, _value(f, b, ctx.lang, people), _value(f, a, ctx.lang, people))
                for f, b, a in change_summary(e.before, e.after)
            ],
            "object_name": people.get(e.entity_id) if e.entity_type == "user" else None,
        }
        for e in page.events
    ]
    query = _data_query(filters)
    return {
        "events": page.events,
        "total": page.total,
        "before": page.before,
        "next_before": page.next_before,
        "entity_types": page.entity_types,
        "_rows": rows,
        "_query": query,
        "_actions": ACTION_LABELS,
        "_types": TYPE_LABELS,
        "_fields": FIELD_LABELS,
    }


@area.page(
    "/admin/audit",
    "pages/audit.html",
    summary="The audit log (administrators and coordinators)",
    response_model=AuditPage,
)
def audit_log(
    ctx: Ctx,
    user: str = "",
    type: str = "",
    object: str = "",
    since: str = "",
    until: str = "",
    before: Annotated[int | None, Query(ge=1)] = None,
    verify: bool = False,
) -> dict[str, Any]:
    """Every change (who, when, what, before/after), newest first; filter by user (part of the user
    name), object type and id, and dates (YYYY-MM-DD, UTC); ``before`` pages back (``next_before``);
    ``verify=1`` also checks the whole chain (``verification``)."""
    data = _data(ctx, _filters(user, type, object, since, until), before)
    if verify:
        data["verification"] = _verification(ctx.read(verify_audit_chain))
    return data


def _verification(report: AuditReport) -> dict[str, Any]:
    return report.as_dict()


@area.html.post("/admin/audit/verify")
def verify(
    ctx: Ctx = PageCtx,
    user: Annotated[str, Form(max_length=200)] = "",
    type: Annotated[str, Form(max_length=64)] = "",
    object: Annotated[str, Form(max_length=64)] = "",
    since: Annotated[str, Form(max_length=20)] = "",
    until: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Post/redirect/get: the result is shown under the page's own address (``verify=1``), so reloading
    it or switching the language shows the page again rather than resending the form."""
    ctx.read(audit_events, filters=AuditFilters(), before=None, limit=1)  # 404 for those who may not see it
    query = {k: v for k, v in _data_query(_filters(user, type, object, since, until)).items() if v}
    return see_other("/admin/audit?" + urlencode({**query, "verify": "1"}) + "#verification")


@area.api.post(
    "/admin/audit/verify",
    summary="Check the audit chain: edited, deleted or re-linked events",
    response_model=AuditVerification,
)
def verify_json(ctx: Ctx = ApiCtx) -> Response:
    """``ok`` is true when every event's hash and link hold; otherwise ``breaks`` says where (kind
    ``altered``, ``chain``, ``missing`` or ``head``, with the event's sequence number)."""
    return json_response(_verification(ctx.read(verify_audit_chain)))

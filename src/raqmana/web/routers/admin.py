"""Administration: the organisation tree (and its import), users and their role grants."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import File, UploadFile
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.web.context import Ctx
from raqmana.web.forms import read_upload, required
from raqmana.web.pages import Area, go
from raqmana.web.schemas.common import Done
from raqmana.web.schemas.pages import OrgImportOut, OrgList, UserList
from raqmana.web.templating import render
from raqmana.workspace import orgs, pages, users
from raqmana.workspace.actors import ROLE_LABELS, Role
from raqmana.workspace.views import GrantView, OrgImportReport, UserView

area = Area("admin")


@area.page("/orgs", "pages/orgs.html", summary="The organisation tree", response_model=OrgList)
def organisations(ctx: Ctx) -> dict[str, Any]:
    """Government bodies in tree order (depth-first)."""
    return {"organisations": ctx.read(orgs.list_organisations)}


def _imported(ctx: Ctx, report: OrgImportReport, params: dict[str, Any]) -> Response:
    return render(ctx.request, ctx.lang, "pages/orgs.html", {**organisations(ctx), "report": report})


@area.action(
    "/orgs/import",
    html=_imported,
    summary="Import organisations (CSV or XLSX: code, kind, parent_code, names)",
    response_model=OrgImportOut,
)
async def import_orgs(ctx: Ctx, file: Annotated[UploadFile, File()]) -> OrgImportReport:
    """Creates new organisations and updates changed ones by code; warnings say which rows were odd."""
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)
    return await run_in_threadpool(ctx.call, orgs.import_organisations, data=data, filename=filename)


@area.page("/admin/users", "pages/users.html", summary="Users and their roles", response_model=UserList)
def user_list(ctx: Ctx) -> dict[str, Any]:
    """Users the caller may manage, with their role grants."""
    page = ctx.read(pages.users_overview)
    roles = [(r.value, ROLE_LABELS[r]) for r in Role]
    return {"users": page.users, "_organisations": page.organisations, "_roles": roles}


class UserIn(BaseModel):
    username: str = Field(max_length=100)
    display_name: str = Field("", max_length=200, description="The user name when empty")
    email: str = Field("", max_length=200)
    password: str = Field(max_length=1000)
    locale: Literal["ar", "ckb", "en"] = "ar"


@area.action(
    "/admin/users", html=go("/admin/users"), summary="Create a user", response_model=UserView, status_code=201
)
def create_user(ctx: Ctx, data: UserIn) -> UserView:
    username = required(data.username, "username")
    return ctx.call(
        users.create_user,
        username=username,
        password=data.password,
        display_name=data.display_name.strip() or username,
        email=data.email.strip(),
        locale=data.locale,
    )


class GrantIn(BaseModel):
    role: str = Field(max_length=30)
    org_code: str | None = Field(None, max_length=100, description="None or empty: the whole tree")


@area.action(
    "/admin/users/{user_id}/grants",
    html=go("/admin/users#user-{user_id}"),
    summary="Grant a user a role over an organisation's subtree",
    response_model=GrantView,
    status_code=201,
)
def grant(ctx: Ctx, user_id: int, data: GrantIn) -> GrantView:
    role = required(data.role, "role")
    return ctx.call(
        users.grant_role, user_id=user_id, role=role, org_code=(data.org_code or "").strip() or None
    )


@area.action(
    "/admin/grants/{grant_id}/delete", html=go("/admin/users"), summary="Revoke a role", response_model=Done
)
def revoke(ctx: Ctx, grant_id: int) -> None:
    ctx.call(users.revoke_grant, grant_id=grant_id)

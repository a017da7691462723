"""Administration: the organisation tree (and its import), users and their role grants."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import File, Form, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from raqmana.web.context import Ctx, PageCtx
from raqmana.web.forms import read_upload, required, see_other
from raqmana.web.pages import Area
from raqmana.web.schemas.pages import OrgList, UserList
from raqmana.web.templating import render
from raqmana.workspace import orgs, users
from raqmana.workspace.actors import ROLE_LABELS, Role

area = Area("admin")


@area.page("/orgs", "pages/orgs.html", summary="The organisation tree", response_model=OrgList)
def organisations(ctx: Ctx) -> dict[str, Any]:
    """Government bodies in tree order (depth-first)."""
    return {"organisations": ctx.read(orgs.list_organisations)}


@area.html.post("/orgs/import")
async def import_orgs(file: Annotated[UploadFile, File()], ctx: Ctx = PageCtx) -> Response:
    filename, data = await read_upload(file, ctx.settings.max_upload_mb)
    report = await run_in_threadpool(ctx.call, orgs.import_organisations, data=data, filename=filename)
    listing = await run_in_threadpool(organisations, ctx)
    return render(ctx.request, ctx.lang, "pages/orgs.html", {**listing, "report": report})


@area.page("/admin/users", "pages/users.html", summary="Users and their roles", response_model=UserList)
def user_list(ctx: Ctx) -> dict[str, Any]:
    """Users the caller may manage, with their role grants."""
    actor = ctx.require_actor()
    with ctx.ws.reader() as session:
        people = users.list_users(session, actor)
        tree = orgs.list_organisations(session, actor)
    return {"users": people, "_organisations": tree, "_roles": [(r.value, ROLE_LABELS[r]) for r in Role]}


@area.html.post("/admin/users")
def create_user(
    ctx: Ctx = PageCtx,
    username: Annotated[str, Form(max_length=100)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    email: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    locale: Annotated[str, Form(pattern="^(ar|ckb|en)$")] = "ar",
) -> Response:
    ctx.call(
        users.create_user,
        username=required(username, "username"),
        password=password,
        display_name=display_name.strip() or username.strip(),
        email=email.strip(),
        locale=locale,
    )
    return see_other("/admin/users")


@area.html.post("/admin/users/{user_id}/grants")
def grant(
    user_id: int,
    ctx: Ctx = PageCtx,
    role: Annotated[str, Form(max_length=30)] = "",
    org_code: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    ctx.call(
        users.grant_role, user_id=user_id, role=required(role, "role"), org_code=org_code.strip() or None
    )
    return see_other(f"/admin/users#user-{user_id}")


@area.html.post("/admin/grants/{grant_id}/delete")
def revoke(grant_id: int, ctx: Ctx = PageCtx) -> Response:
    ctx.call(users.revoke_grant, grant_id=grant_id)
    return see_other("/admin/users")

"""API-only endpoints: who am I, framework versions."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from raqmana.web.context import ApiCtx, Ctx
from raqmana.web.pages import Area, json_response
from raqmana.web.schemas.pages import FrameworkList, Me
from raqmana.workspace import frameworks

area = Area("api")


@area.api.get("/me", summary="The caller: user, language and role grants", response_model=Me)
def me(ctx: Ctx = ApiCtx) -> Response:
    actor = ctx.require_actor()
    return json_response(
        {
            "user_id": actor.user_id,
            "username": actor.username,
            "display_name": actor.display_name,
            "locale": actor.locale,
            "grants": actor.grants,
        }
    )


@area.api.get(
    "/frameworks", summary="Framework versions registered in the workspace", response_model=FrameworkList
)
def framework_versions(ctx: Ctx = ApiCtx) -> Response:
    data: Any = ctx.read(frameworks.list_framework_versions)
    return json_response({"frameworks": data})

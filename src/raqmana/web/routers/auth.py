"""Sign in and out, the language switcher, the account page (password, API tokens)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form
from pydantic import BaseModel, Field
from starlette.requests import Request
from starlette.responses import Response

from raqmana.web.context import Ctx, PageCtx, page_ctx
from raqmana.web.errors import retry_after
from raqmana.web.forms import safe_next, see_other
from raqmana.web.locale import LANG_COOKIE, _known
from raqmana.web.pages import Area, go
from raqmana.web.schemas.common import Done
from raqmana.web.schemas.pages import AccountPage, TokenCreated
from raqmana.web.security import new_csrf_token
from raqmana.web.templating import render
from raqmana.workspace import auth, landing, pages, tokens, users
from raqmana.workspace.exceptions import LoginRefused

CHOSEN_COOKIE = "raqmana_lang_chosen"

area = Area("account")


def _demo_accounts(ctx: Ctx) -> list[landing.DemoAccount]:
    with ctx.ws.reader() as session:
        return landing.demo_accounts(session)


def _login_page(
    ctx: Ctx, *, next_url: str, username: str = "", error: LoginRefused | None = None, status: int = 200
) -> Response:
    return render(
        ctx.request,
        ctx.lang,
        "pages/login.html",
        {"next": next_url, "username": username, "error": error, "demo_accounts": _demo_accounts(ctx)},
        status=status,
    )


@area.html.get("/login")
def login_form(ctx: Ctx = PageCtx, next: str = "/") -> Response:
    if ctx.actor is not None:
        return see_other(safe_next(next))
    return _login_page(ctx, next_url=safe_next(next))


@area.html.post("/login")
def login(  # nosec B107  # empty form defaults (a missing field is refused), not a password
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    ctx = page_ctx(request)
    client = request.client.host if request.client else ""
    try:
        actor, issued = auth.login(
            ctx.ws,
            username=username.strip(),
            password=password,
            client=client,
            user_agent=request.headers.get("user-agent", "")[:300],
        )
    except LoginRefused as refused:
        status = 429 if getattr(refused, "retry_after", None) else 401
        page = _login_page(ctx, next_url=safe_next(next), username=username, error=refused, status=status)
        page.headers.update(retry_after(refused, status) or {})
        return page
    target = safe_next(next)
    if target == "/":  # no page asked for: start where the person's work is
        with ctx.ws.reader() as session:
            target = landing.start_page(session, actor)
    response = see_other(target)
    signer = request.app.state.signer
    signer.set_session(response, issued.token)
    signer.set_csrf(response, new_csrf_token())  # a new token for the new session
    # a language picked on the sign-in page just now wins over the account's and becomes the account's;
    # otherwise (e.g. a cookie left by the last person on a shared computer) the account's language
    chosen = _known(request.cookies.get(LANG_COOKIE)) if request.cookies.get(CHOSEN_COOKIE) else None
    if chosen and chosen != actor.locale:
        ctx.unit(users.set_locale, actor, locale=chosen)
    lang = chosen or (actor.locale if _known(actor.locale) else None)
    if lang:
        response.set_cookie(
            LANG_COOKIE,
            lang,
            max_age=365 * 24 * 3600,
            samesite="lax",
            secure=ctx.settings.secure_cookies,
            path="/",
        )
    if request.cookies.get(CHOSEN_COOKIE):
        response.delete_cookie(CHOSEN_COOKIE, path="/", secure=ctx.settings.secure_cookies, samesite="lax")
    return response


@area.html.post("/logout")
def logout(ctx: Ctx = PageCtx) -> Response:
    if ctx.session_token:
        ctx.unit(auth.revoke_session, token=ctx.session_token)
    response = see_other("/login")
    signer = ctx.request.app.state.signer
    signer.clear_session(response)
    signer.set_csrf(response, new_csrf_token())
    return response


@area.html.post("/language")
def switch_language(
    ctx: Ctx = PageCtx, lang: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/"
) -> Response:
    code = _known(lang)
    target = safe_next(next)
    if code is None:
        return see_other(target)
    if ctx.actor is not None:
        ctx.call(users.set_locale, locale=code)
    # drop a ?lang= of the page we came from, or it would win over the new choice
    if "lang=" in target:
        path, _, query = target.partition("?")
        kept = "&".join(p for p in query.split("&") if not p.startswith("lang="))
        target = path + (f"?{kept}" if kept else "")
    response = see_other(target)
    response.set_cookie(
        LANG_COOKIE,
        code,
        max_age=365 * 24 * 3600,
        samesite="lax",
        secure=ctx.settings.secure_cookies,
        path="/",
    )
    if ctx.actor is None:  # picked before signing in: sign-in keeps it (a browser-session cookie)
        response.set_cookie(CHOSEN_COOKIE, "1", samesite="lax", secure=ctx.settings.secure_cookies, path="/")
    return response


def _account(ctx: Ctx, **extra: Any) -> dict[str, Any]:
    page = ctx.read(pages.account_overview)
    return {"user": page.user, "grants": page.grants, "tokens": page.tokens, **extra}


@area.page(
    "/account",
    "pages/account.html",
    summary="The signed-in user, roles and API tokens",
    response_model=AccountPage,
)
def account(ctx: Ctx) -> dict[str, Any]:
    """The signed-in user, its role grants and its API tokens (never their values)."""
    return _account(ctx)


class TokenIn(BaseModel):
    name: str = Field("token", min_length=1, max_length=100, description="What the token is for")


def _token_shown(ctx: Ctx, made: dict[str, Any], params: dict[str, Any]) -> Response:
    shown = _account(ctx, new_token=made["value"], new_token_view=made["token"])
    return render(ctx.request, ctx.lang, "pages/account.html", shown)


@area.action(
    "/account/tokens",
    html=_token_shown,
    summary="Create an API token (its value is shown once)",
    response_model=TokenCreated,
    status_code=201,
)
def create_token(ctx: Ctx, data: TokenIn) -> dict[str, Any]:
    view, plaintext = ctx.call(tokens.create_api_token, name=data.name.strip() or "token")
    return {"token": view, "value": plaintext}


@area.action(
    "/account/tokens/{token_id}/revoke",
    html=go("/account"),
    summary="Revoke an API token",
    response_model=Done,
)
def revoke_token(ctx: Ctx, token_id: int) -> None:
    ctx.call(tokens.revoke_api_token, token_id=token_id)


class PasswordIn(BaseModel):
    old_password: str = Field(max_length=1000)
    new_password: str = Field(max_length=1000)
    keep_tokens: bool = Field(False, description="Keep the account's API tokens working")


def _password_changed(ctx: Ctx, result: None, params: dict[str, Any]) -> Response:
    shown = _account(ctx, password_changed=True, tokens_kept=params["data"].keep_tokens)
    return render(ctx.request, ctx.lang, "pages/account.html", shown)


@area.action(
    "/account/password", html=_password_changed, summary="Change one's own password", response_model=Done
)
def change_password(ctx: Ctx, data: PasswordIn) -> None:
    """Other sessions end (a browser keeps its own); API tokens are revoked unless ``keep_tokens`` is set,
    the token of this request included."""
    ctx.call(
        users.change_password,
        old_password=data.old_password,
        new_password=data.new_password,
        keep_session=ctx.session_token,
        keep_tokens=data.keep_tokens,
    )

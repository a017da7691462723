"""``raqmana user`` — local accounts and their roles."""

from __future__ import annotations

import typer
from rich.table import Table

from raqmana.cli.common import JsonOption, LangOption, console, esc, print_json, say
from raqmana.cli.messages import text
from raqmana.cli.workspace_support import workspace
from raqmana.workspace.actors import cli_actor
from raqmana.workspace.users import create_user, get_user_by_username, grant_role, list_users, set_password
from raqmana.workspace.views import UserView

app = typer.Typer(help="User accounts and roles.", no_args_is_help=True)


def _json(u: UserView) -> dict[str, object]:
    return {
        "id": u.id,
        "username": u.username,
        "display_name": u.display_name,
        "email": u.email,
        "locale": u.locale,
        "is_active": u.is_active,
        "locked_until": u.locked_until,
        "grants": [{"id": g.id, "role": g.role.value, "org": g.org_code} for g in u.grants],
    }


@app.command()
def create(
    username: str,
    name: str = typer.Option(..., "--name", help="Display name."),
    password: str = typer.Option(
        ...,
        prompt=True,
        hide_input=True,
        confirmation_prompt=True,
        envvar="RAQMANA_NEW_PASSWORD",
        help="At least 10 characters.",
    ),
    email: str = typer.Option("", help="E-mail address."),
    locale: str = typer.Option("ar", help="Language of the user's pages: ar, ckb or en."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Create a local account (Argon2-hashed password)."""
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        user = create_user(
            s,
            cli_actor(),
            username=username,
            password=password,
            display_name=name,
            email=email,
            locale=locale,
        )
    print_json(_json(user)) if as_json else say(lang, "user.created", username=user.username, id=user.id)


@app.command()
def grant(
    username: str,
    role: str = typer.Argument(..., help="admin, coordinator, focal_point, reviewer or viewer"),
    org: str = typer.Option(
        "", "--org", help="Organisation code (the role covers its subtree); empty: the whole tree."
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Give USERNAME a ROLE over an organisation subtree."""
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        actor = cli_actor()
        user = get_user_by_username(s, actor, username)
        g = grant_role(s, actor, user_id=user.id, role=role, org_code=org or None)
    if as_json:
        print_json({"id": g.id, "username": username, "role": g.role.value, "org": g.org_code})
    else:
        say(
            lang,
            "user.granted",
            username=username,
            role=g.role.value,
            org=g.org_code or text(lang, "user.whole_tree"),
        )


@app.command("set-password")
def set_password_(
    username: str,
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, envvar="RAQMANA_NEW_PASSWORD"
    ),
    lang: str = LangOption,
) -> None:
    """Reset a password (also unlocks the account and ends its sessions)."""
    with workspace(lang) as ws, ws.transaction() as s:
        actor = cli_actor()
        user = get_user_by_username(s, actor, username)
        set_password(s, actor, user_id=user.id, password=password)
    say(lang, "user.password_reset", username=username)


@app.command("list")
def list_(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """List accounts with their roles."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        users = list_users(s, cli_actor())
    if as_json:
        print_json([_json(u) for u in users])
        return
    table = Table(*(text(lang, f"h.{h}") for h in ("username", "name", "roles", "active")))
    for u in users:
        table.add_row(
            esc(u.username),
            esc(u.display_name),
            esc(", ".join(f"{g.role.value}@{g.org_code or '*'}" for g in u.grants)),
            text(lang, "yes" if u.is_active else "no"),
        )
    console.print(table)

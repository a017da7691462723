"""``raqmana db`` — the database: apply the migrations shipped with raqmana."""

from __future__ import annotations

import typer

from raqmana.cli.common import JsonOption, LangOption, print_json, say
from raqmana.cli.messages import text
from raqmana.settings import get_settings
from raqmana.store import current_revision, head_revision, make_engine
from raqmana.store import upgrade as run_upgrade

app = typer.Typer(
    help="The database (SQLite in the data directory, or RAQMANA_DATABASE_URL).", no_args_is_help=True
)


@app.command()
def upgrade(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Bring the database schema up to date (safe to run again)."""
    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.sqlalchemy_url)
    try:
        before = run_upgrade(engine)
        after = current_revision(engine)
    finally:
        engine.dispose()
    url = engine.url.render_as_string(hide_password=True)
    if as_json:
        print_json({"database": url, "before": before, "after": after, "head": head_revision()})
    else:
        say(lang, "db.upgraded", url=url, before=before or text(lang, "empty"), after=after)


@app.command()
def current(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Show the schema revision of the database and the newest one raqmana ships."""
    settings = get_settings()
    engine = make_engine(settings.sqlalchemy_url)
    try:
        rev = current_revision(engine)
    finally:
        engine.dispose()
    if as_json:
        print_json({"current": rev, "head": head_revision()})
    else:
        say(lang, "db.current", current=rev or text(lang, "empty"), head=head_revision())

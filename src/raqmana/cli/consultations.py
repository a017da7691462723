"""``raqmana consultation`` — the retention of what people wrote in public consultations."""

from __future__ import annotations

import typer

from raqmana.cli.common import JsonOption, LangOption, console, print_json
from raqmana.i18n.catalog import ngettext

app = typer.Typer(help="Public consultations: retention of the contributions.", no_args_is_help=True)


@app.command("purge")
def purge(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Delete the comments, supports and answers of every consultation whose retention period has ended
    (the consultation, its draft and its response report stay; the audit keeps only the counts)."""
    from raqmana.settings import get_settings
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.participation_retention import purge_expired

    ws = open_workspace(get_settings())
    try:
        with ws.transaction() as session:
            done = purge_expired(session)
    finally:
        ws.dispose()
    if as_json:
        print_json({"ok": True, **done.model_dump()})
        return
    message = ngettext(
        lang,
        "{n} consultation past its retention period: {comments} comments and {answers} answers deleted.",
        "{n} consultations past their retention period: {comments} comments and {answers} answers deleted.",
        done.consultations,
        n=done.consultations,
        comments=done.comments,
        answers=done.answers,
    )
    console.print(message, markup=False, highlight=False)

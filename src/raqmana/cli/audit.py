"""``raqmana audit`` — check that the audit log was not edited, cut or rewritten; sign and pin its head."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from raqmana.cli import errors as E
from raqmana.cli.common import JsonOption, LangOption, err_console, esc, fail, print_json, say
from raqmana.cli.messages import text
from raqmana.cli.workspace_support import workspace
from raqmana.problems import Problem
from raqmana.store import audit as chain
from raqmana.workspace.audit import verify_audit

app = typer.Typer(help="The append-only, hash-chained audit log.", no_args_is_help=True)


def read_checkpoints(paths: list[Path], lang: str, *, as_json: bool = False) -> list[chain.Checkpoint]:
    """Checkpoint files (one JSON object each, as ``raqmana audit checkpoint`` writes them)."""
    found: list[chain.Checkpoint] = []
    for path in paths:
        try:
            found.append(chain.Checkpoint.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            fail(
                [Problem(E.BAD_CHECKPOINT, params={"path": str(path), "reason": reason})],
                lang,
                as_json=as_json,
            )
        except (ValueError, UnicodeDecodeError) as exc:
            reason = str(exc).splitlines()[0][:200]
            fail(
                [Problem(E.BAD_CHECKPOINT, params={"path": str(path), "reason": reason})],
                lang,
                as_json=as_json,
            )
    return found


def _key(ws_key: str, lang: str, as_json: bool) -> bytes:
    if not ws_key:
        fail([Problem(E.NO_AUDIT_KEY)], lang, as_json=as_json)
    return ws_key.encode()


@app.command()
def verify(
    checkpoint: list[Path] = typer.Option(
        [], "--checkpoint", "-c", help="A signed checkpoint file to check the chain against (repeatable)."
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Recompute the hash chain and, with the audit key, the head's signature and the checkpoints; exit 1
    and name each break if a row was edited, deleted or the chain rewritten."""
    checkpoints = read_checkpoints(checkpoint, lang, as_json=as_json)
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        report = verify_audit(s, checkpoints=checkpoints)
        key = ws.settings.audit_key
    if as_json:
        print_json(report.as_dict())
    elif report.ok:
        say(lang, "audit.ok", checked=report.checked, last_seq=report.last_seq)
        if key:
            say(lang, "audit.signed", key_id=chain.key_id(key.encode()), checkpoints=report.checkpoints)
        else:
            err_console.print(f"[yellow]{esc(text(lang, 'audit.unsigned'))}[/yellow]", highlight=False)
    else:
        for b in report.breaks:
            line = text(
                lang,
                "audit.broken",
                event=b.event_id if b.event_id is not None else "-",
                seq=b.seq,
                kind=b.kind,
                detail=b.detail,
            )
            err_console.print(f"[red]{esc(line)}[/red]", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def checkpoint(
    out: Path = typer.Option(..., "--out", "-o", help="File to write the signed checkpoint to (JSON)."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Verify the chain, then write a checkpoint of its head signed with the audit key. Keep checkpoints
    away from the database (another machine, the backup store): later verifies with --checkpoint prove
    the chain was not rewritten or cut back since."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        key = _key(ws.settings.audit_key, lang, as_json)
        report = verify_audit(s)
        if not report.ok:
            fail([Problem(E.AUDIT_BROKEN, params={"count": len(report.breaks)})], lang, as_json=as_json)
        cp = chain.checkpoint(s, key)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(cp.as_dict(), indent=2) + "\n", encoding="utf-8")
    if as_json:
        print_json({**cp.as_dict(), "path": str(out)})
    else:
        say(lang, "audit.checkpoint", seq=cp.seq, path=str(out))


@app.command()
def sign(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Sign the current head with the audit key after checking the chain's hashes (when the key is first
    set, or replaced). The signature is only as good as the chain it is given: verify first."""
    with workspace(lang, as_json=as_json) as ws:
        key = _key(ws.settings.audit_key, lang, as_json)
        with ws.transaction() as s:
            report = chain.verify(s, key=None)  # hashes and links only: the old signature may not hold
            if not report.ok:
                fail([Problem(E.AUDIT_BROKEN, params={"count": len(report.breaks)})], lang, as_json=as_json)
            cp = chain.sign_current_head(s, key)
    if as_json:
        print_json(cp.as_dict())
    else:
        say(lang, "audit.head_signed", seq=cp.seq, key_id=cp.key_id)

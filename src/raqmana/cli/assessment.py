"""``raqmana assessment`` — rounds: open, list, completion, and the Excel round trip (export/import)."""

from __future__ import annotations

import errno
from pathlib import Path

import typer
from rich.progress import Progress
from rich.table import Table

from raqmana.cli import errors as CE
from raqmana.cli.common import JsonOption, LangOption, console, esc, fail, print_json, report_problems, say
from raqmana.cli.messages import text
from raqmana.cli.workspace_support import workspace
from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.problems import Problem
from raqmana.workspace import WorkspaceError
from raqmana.workspace.actors import Actor, cli_actor
from raqmana.workspace.assessments import list_assessments, open_round
from raqmana.workspace.auth import load_actor
from raqmana.workspace.completion import completion as completion_table
from raqmana.workspace.excel_export import export_workbook
from raqmana.workspace.excel_import import import_workbook
from raqmana.workspace.frameworks import register_framework
from raqmana.workspace.job_handlers import enqueue_workbook_import
from raqmana.workspace.orgs import list_organisations
from raqmana.workspace.permissions import institution_rights
from raqmana.workspace.users import get_user_by_username

app = typer.Typer(help="Assessment rounds and their questionnaires.", no_args_is_help=True)


@app.command("list")
def list_(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """List the assessment rounds."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        rounds = list_assessments(s, cli_actor())
    if as_json:
        print_json(
            [
                {
                    "id": a.id,
                    "name": a.name.model_dump(),
                    "period": a.period,
                    "status": a.status,
                    "illustrative": a.illustrative,
                    "framework": f"{a.framework_id} {a.framework_version}",
                    "institutions": a.institutions,
                }
                for a in rounds
            ]
        )
        return
    table = Table(
        *(text(lang, f"h.{h}") for h in ("id", "name", "period", "status", "framework", "institutions"))
    )
    for a in rounds:
        table.add_row(
            str(a.id),
            esc(a.name.get(lang) + (text(lang, "as.illustrative") if a.illustrative else "")),
            esc(a.period),
            esc(a.status),
            esc(f"{a.framework_id} {a.framework_version}"),
            str(a.institutions),
        )
    console.print(table)


@app.command("open")
def open_(
    framework: str = typer.Option("iraq-dla", help="Framework pack id or file."),
    name: str = typer.Option(..., help="Name of the round."),
    period: str = typer.Option(..., help="Period assessed, e.g. 2026."),
    institutions: str = typer.Option("all", help="Comma-separated organisation codes, or 'all'."),
    target_stage: int | None = typer.Option(None, min=0, max=5, help="Target maturity stage."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Open a round on a framework version and chosen institutions."""
    result = load(framework)
    if not result.ok or result.framework is None:
        fail(result.problems, lang, as_json=as_json)
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        actor = cli_actor()
        fv = register_framework(s, actor, result.framework)
        codes = [o.code for o in list_organisations(s)] if institutions == "all" else institutions.split(",")
        a = open_round(
            s,
            actor,
            framework_version_id=fv.id,
            name=Translated(en=name, ar=name, ckb=name),
            period=period,
            institution_codes=codes,
            target_stage=target_stage,
        )
    print_json({"id": a.id, "institutions": a.institutions}) if as_json else say(
        lang, "as.opened", id=a.id, n=a.institutions
    )


@app.command()
def completion(assessment_id: int, lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Completion per institution × pillar (accepted / answered of expected)."""
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        t = completion_table(s, cli_actor(), assessment_id=assessment_id)
    if as_json:
        print_json(
            {
                "pillars": [p.id for p in t.pillars],
                "rows": [
                    {
                        "institution": r.org.code,
                        **{p: vars_of(c) for p, c in r.cells.items()},
                        "total": vars_of(r.total),
                    }
                    for r in t.rows
                ],
                "total": vars_of(t.total),
            }
        )
        return
    table = Table(text(lang, "h.institution"), *[esc(p.id) for p in t.pillars], text(lang, "h.total"))
    for r in t.rows:
        table.add_row(
            esc(r.org.code),
            *[f"{c.accepted}/{c.answered}/{c.expected}" for c in r.cells.values()],
            f"{r.total.percent_accepted:.0f}%",
        )
    console.print(table)


def vars_of(c: object) -> dict[str, int]:
    return {k: getattr(c, k) for k in ("expected", "draft", "submitted", "returned", "accepted")}


@app.command()
def export(
    assessment_id: int,
    institution: str = typer.Option("", help="Organisation code; empty with --all."),
    all_: bool = typer.Option(False, "--all", help="One workbook per institution into --out (a directory)."),
    out: Path = typer.Option(Path("."), "--out", "-o", help="File (one institution) or directory (--all)."),
    lang: str = LangOption,
) -> None:
    """Write the questionnaire workbook(s) of a round, in LANG, for offline answering."""
    with workspace(lang) as ws, ws.reader() as s:
        actor = cli_actor()
        if all_:
            out.mkdir(parents=True, exist_ok=True)
            codes = sorted(o.code for o, _ in institution_rights(s, actor, assessment_id).values())
            for code in codes:
                (out / f"{assessment_id}-{code}-{lang}.xlsx").write_bytes(
                    export_workbook(s, actor, assessment_id=assessment_id, institution_code=code, lang=lang)
                )
            say(lang, "as.wrote_many", n=len(codes), out=out)
            return
        data = export_workbook(s, actor, assessment_id=assessment_id, institution_code=institution, lang=lang)
    target = out / f"{assessment_id}-{institution}-{lang}.xlsx" if out.is_dir() else out
    target.write_bytes(data)
    say(lang, "wrote", path=target)


@app.command("import")
def import_(
    files: list[Path] = typer.Argument(..., help="Workbooks exported by 'assessment export'."),
    user: str = typer.Option("", help="Record the answers as given by this user (default: the CLI)."),
    job: bool = typer.Option(False, "--job", help="Queue one job for 'raqmana worker' instead."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Import workbooks; each is all-or-nothing and reports its errors by sheet, row and column."""
    with workspace(lang, as_json=as_json) as ws:
        with ws.reader() as s:
            actor: Actor = (
                load_actor(s, get_user_by_username(s, cli_actor(), user).id) if user else cli_actor()
            )
        if job:
            with ws.transaction() as s:
                view = enqueue_workbook_import(
                    s, actor, settings=ws.settings, lang=lang, files=[(f.name, f.read_bytes()) for f in files]
                )
            print_json({"job": view.id}) if as_json else say(lang, "job.queued", id=view.id)
            return
        results = []
        with Progress(console=console, disable=as_json) as bar:
            task = bar.add_task("import", total=len(files))
            for f in files:
                if not f.is_file():  # say so plainly rather than "not a readable workbook"
                    missing = (
                        Problem(CE.FILE_NOT_FOUND, params={"path": str(f)})
                        if not f.exists()
                        else Problem(
                            CE.CANNOT_USE_PATH, params={"path": str(f), "reason": CE.OS_REASONS[errno.EISDIR]}
                        )
                    )
                    results.append({"file": str(f), "ok": False, "errors": [missing.as_dict(lang)]})
                    if not as_json:
                        report_problems([missing], lang)
                    bar.advance(task)
                    continue
                try:
                    with ws.transaction() as s:
                        r = import_workbook(s, actor, data=f.read_bytes(), filename=f.name, lang=lang)
                    results.append(
                        {
                            "file": str(f),
                            "ok": True,
                            "changed": r.changed,
                            "unchanged": r.unchanged,
                            "warnings": [p.as_dict(lang) for p in r.warnings],
                        }
                    )
                    if not as_json:
                        report_problems(r.warnings, lang)
                except WorkspaceError as exc:
                    results.append(
                        {"file": str(f), "ok": False, "errors": [p.as_dict(lang) for p in exc.problems]}
                    )
                    if not as_json:
                        report_problems(exc.problems, lang)
                bar.advance(task)
    failed = sum(1 for r in results if not r["ok"])
    if as_json:
        print_json({"ok": failed == 0, "files": results})
    else:
        say(lang, "as.imported", ok=len(files) - failed, n=len(files))
    if failed:
        raise typer.Exit(2)


def _exchange_commands() -> None:
    from raqmana.cli.exchange import register

    register(app)


_exchange_commands()

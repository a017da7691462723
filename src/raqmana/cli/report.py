"""``raqmana report`` — the national report or institution profiles in ar, ckb and en."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.progress import Progress

from raqmana.cli import errors as CE
from raqmana.cli.common import console, fail, known_lang, print_json, say
from raqmana.problems import Problem

DEFAULT_LANGS = "ar,ckb,en"


def report(
    scope: str = typer.Option("national", "--scope", help="national, institution or all-institutions."),
    institution: str = typer.Option(
        "", "--institution", "-i", help="Institution code (with --scope institution)."
    ),
    assessment: int = typer.Option(0, "--assessment", "-a", help="Assessment id (default: the newest one)."),
    lang: str = typer.Option(
        DEFAULT_LANGS,
        "--lang",
        "-l",
        help="Languages of the reports, comma-separated: ar, ckb, en; messages are in the first one.",
    ),
    fmt: str = typer.Option(
        "pdf,docx,xlsx,html", "--format", "-f", help="Formats: pdf, docx, xlsx, html, json."
    ),
    out: Path = typer.Option(None, "--out", "-o", help="Output directory (default: <data dir>/reports/…)."),
    runs: int = typer.Option(200, "--runs", min=0, help="Monte Carlo runs for the score intervals."),
    force: bool = typer.Option(False, "--force", help="Render again files that are already there."),
    queue: bool = typer.Option(
        False, "--queue", help="Queue as a job for `raqmana worker` instead of running now."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Render reports from an assessment's accepted answers (a batch resumes where it stopped)."""
    from raqmana.settings import get_settings
    from raqmana.workspace.actors import SYSTEM
    from raqmana.workspace.assessments import list_assessments
    from raqmana.workspace.exceptions import WorkspaceError
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.report_jobs import enqueue_report, publish_reports, render_reports, reports_dir
    from raqmana.workspace.results import assessment_results

    langs = [x.strip() for x in lang.split(",") if x.strip()]
    formats = [x.strip() for x in fmt.split(",") if x.strip()]
    # messages in the first language asked for that raqmana speaks ("--lang ckb,fr": Sorani), else English
    msg_lang = "en" if lang == DEFAULT_LANGS else next((c for c in map(known_lang, langs) if c), "en")
    if scope == "institution" and not institution.strip():
        from raqmana.reports import errors as RE

        fail([Problem(RE.INSTITUTION_REQUIRED)], msg_lang, as_json=as_json)
    settings = get_settings()
    ws = open_workspace(settings)
    try:
        with ws.reader() as s:
            rounds = list_assessments(s, SYSTEM)
        if not rounds:
            fail([Problem(CE.NO_ASSESSMENT)], msg_lang, as_json=as_json)
        aid = assessment or max(r.id for r in rounds)
        if queue:
            with ws.transaction() as s:
                job = enqueue_report(
                    s,
                    SYSTEM,
                    assessment_id=aid,
                    scope=scope,
                    institution=institution or None,
                    langs=langs,
                    formats=formats,
                    runs=runs,
                )
            print_json({"job": job.id, "status": job.status}) if as_json else say(
                msg_lang, "job.queued", id=job.id
            )
            return
        with ws.reader() as s:
            chain = assessment_results(
                s,
                aid,
                mc_runs=runs,
                date=dt.date.today().isoformat(),
                data_dir=settings.data_dir,
                digits=settings.digit_shape,
                country=settings.country,
            )
        published = reports_dir(settings.data_dir, aid)
        target = out or published
        with Progress(console=console, transient=True, disable=as_json) as bar:
            task = bar.add_task("reports", total=1.0)
            result = render_reports(
                chain,
                target,
                scope=scope,
                institution=institution or None,
                langs=langs,
                formats=formats,
                force=force,
                progress=lambda f, m: bar.update(task, completed=f, description=m),
            )
        if target.resolve() != published.resolve():  # --out elsewhere: the web Reports page lists them too
            made = [target / name for name in [*result["written"], *result["kept"]]]
            result["published"] = [str(p) for p in publish_reports(made, settings.data_dir, aid)]
    except WorkspaceError as exc:
        fail(exc.problems, msg_lang, as_json=as_json)
    finally:
        ws.dispose()
    if as_json:
        print_json(result)
    else:
        say(
            msg_lang,
            "report.done",
            written=len(result["written"]),
            skipped=result["skipped"],
            dir=result["dir"],
        )

"""``raqmana demo`` — the main job: run the whole chain on an illustrative Iraqi assessment.

1. the default framework (iraq-dla) → framework.xlsx / framework.json
2. a workspace in the data directory with Iraq's institutions, an assessment round and generated,
   ILLUSTRATIVE answers (labelled so in the data, the files and the UI)
3. the perception surveys with illustrative submissions
4. scores with Monte Carlo uncertainty, gaps, bottlenecks, divide and Iraq's real public-index
   figures → scores.json/.xlsx, analysis.json
5. recommendations and the scheduled roadmap → recommendations.json/.xlsx, roadmap.json/.xlsx, Gantt
6. the round's answers as COINr tables (iData, iMeta) with a recipe, built by ``raqmana index build``
   into index/build
7. the roadmap's follow-up: services, KPI figures, progress reports, a re-plan
8. the national report in ar, ckb and en (PDF, DOCX, XLSX, HTML)
9. the public portal's open data; 10. the round's exchange archive; 11. a policy document read;
12. a closed consultation with its response report
Each step is numbered as printed and timed into ``timings_s`` of summary.json; then the web workspace
(``--no-serve`` stops after the files).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from raqmana.cli.common import LangOption, console, esc, fail, say
from raqmana.cli.messages import sep, text
from raqmana.frameworks import DEFAULT_PACK, load
from raqmana.frameworks.export import write

if TYPE_CHECKING:
    from raqmana.roadmap.pipeline import PlanResult

LANGS = ("ar", "ckb", "en")


#: the demo's steps, in the order they run and are numbered when printed (also the keys of
#: ``timings_s`` in summary.json, beside the scoring chain's own ``scoring``/``analysis``/``roadmap``)
STEPS = (
    "framework",
    "workspace",
    "surveys",
    "scores",
    "recommendations",
    "index",
    "followup",
    "reports",
    "portal",
    "exchange",
    "documents",
    "consultations",
)


def _number(step: str) -> None:
    """The step's number, printed before the step's line (which the step prints)."""
    console.print(f"[bold]{STEPS.index(step) + 1}/{len(STEPS)}[/bold] ", end="", highlight=False)


def _step(step: str, lang: str, key: str, **params: Any) -> None:
    _number(step)
    console.print(esc(text(lang, key, **params)), highlight=False)


class _Clock:
    """Seconds each step of the demo took, in the order they ran."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.times[step] = self.times.get(step, 0.0) + now - self._last
        self._last = now


def recommendation_counts(plan: PlanResult | None) -> dict[str, int]:
    """National and per-institution recommendations of a plan (all of them are in recommendations.json)."""
    recs = plan.recommendations.recommendations if plan is not None else []
    national = sum(1 for r in recs if r.institution is None)
    return {"total": len(recs), "national": national, "institution": len(recs) - national}


def print_logins(lang: str, logins: list[dict[str, str | None]], summary_file: Path, settings: Any) -> None:
    """The demo accounts (illustrative workspace), printed with or without ``--serve``: each with its role
    and institution in words, as the sign-in page lists them (codes stay in ``summary.json``)."""
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.landing import demo_accounts

    ws = open_workspace(settings)
    try:
        with ws.reader() as session:
            named = {a.username: a for a in demo_accounts(session)}
    finally:
        ws.dispose()
    say(lang, "demo.logins", file=summary_file)
    for x in logins:
        account = named.get(str(x["username"]))
        if account is not None:
            words = [
                account.role.get(lang),
                *([account.institution.get(lang)] if account.institution else []),
            ]
            who = sep(lang).join(words)
        else:  # not an account of the workspace's demo: as given
            who = f"{x['role']}, {x['org']}" if x.get("org") else str(x["role"])
        console.print(f"  {x['username']} / {x['password']}  ({who})", markup=False, highlight=False)


def _surveys(settings: Any, out: Path, lang: str, assessment_id: int) -> list[Path]:
    """The ready perception surveys with ILLUSTRATIVE submissions, imported as a Kobo export is."""
    from raqmana.i18n.catalog import gettext
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.surveys import DEMO_SURVEYS, demo_surveys

    ws = open_workspace(settings)
    try:
        written = demo_surveys(ws, out, assessment_id=assessment_id)
    finally:
        ws.dispose()
    message = gettext(
        lang,
        "Surveys: {count} surveys with illustrative submissions, results in {dir}",
        count=len(DEMO_SURVEYS),
        dir=out / "surveys",
    )
    console.print(message, markup=False, highlight=False)
    return written


def _exchange(settings: Any, out: Path, lang: str, assessment_id: int, scored: Any = None) -> list[Path]:
    """The round as an exchange archive (ILLUSTRATIVE data) and an illustrative webhook delivery log."""
    from raqmana.i18n.catalog import gettext
    from raqmana.workspace.exchange_demo import demo_exchange
    from raqmana.workspace.factory import open_workspace

    ws = open_workspace(settings)
    try:
        written = demo_exchange(ws, out, assessment_id=assessment_id, scored=scored)
    finally:
        ws.dispose()
    message = gettext(
        lang,
        "Data exchange: the round as a ZIP with its manifest in {dir}; an illustrative webhook delivery log at /admin/webhooks",
        dir=out / "exchange",
    )
    console.print(message, markup=False, highlight=False)
    return written


def _portal(settings: Any, out: Path, lang: str) -> list[Path]:
    """The published service catalogue (ILLUSTRATIVE figures) and its open data, as the portal serves it."""
    from raqmana.i18n.catalog import gettext
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.publication import write_open_data

    ws = open_workspace(settings)
    try:
        with ws.reader() as session:
            written = write_open_data(session, out / "public", base_url=settings.public_url)
    finally:
        ws.dispose()
    message = gettext(
        lang,
        "Public portal: the service catalogue with illustrative figures is published at /public, its open data in {dir}",
        dir=out / "public",
    )
    console.print(message, markup=False, highlight=False)
    if not settings.public_url:
        console.print(
            gettext(
                lang,
                "Its catalogue names the files beside it by relative paths; set RAQMANA_PUBLIC_URL to the "
                "portal's public address to name that instead.",
            ),
            markup=False,
            highlight=False,
        )
    return written


def _consultations(settings: Any, out: Path, lang: str) -> list[Path]:
    """A closed ILLUSTRATIVE consultation: the analysis of its comments and the government's response report."""
    from raqmana.i18n.catalog import gettext
    from raqmana.workspace.participation_demo import demo_consultation_files

    _number("consultations")
    written = demo_consultation_files(settings, out)
    message = gettext(
        lang,
        "Consultations: a closed illustrative consultation, the analysis of its comments and the government's response report in {dir}",
        dir=out / "consultations",
    )
    console.print(message, markup=False, highlight=False)
    return written


def _print_timings(lang: str, times: dict[str, float]) -> None:
    """Seconds per numbered step, on one line (also ``timings_s`` in summary.json)."""
    from raqmana.i18n.catalog import gettext

    steps = " · ".join(f"{STEPS.index(k) + 1}: {v:.1f}" for k, v in times.items())
    console.print(gettext(lang, "Seconds per step: {steps}", steps=steps), markup=False, highlight=False)


def demo(
    out: Path = typer.Option(
        Path("raqmana-demo"), "--out", "-o", help="Directory for the files the demo writes."
    ),
    framework: str = typer.Option(DEFAULT_PACK, help="Framework pack or file to run the demo on."),
    lang: str = LangOption,
    serve: bool = typer.Option(
        True, "--serve/--no-serve", help="Start the web workspace when the files are written."
    ),
    host: str = typer.Option("127.0.0.1", help="Address to serve on."),
    port: int = typer.Option(8000, help="Port to serve on."),
    runs: int = typer.Option(
        1000, "--runs", min=0, help="Monte Carlo runs for the uncertainty of the scores."
    ),
    formats: str = typer.Option("pdf,docx,xlsx,html", help="Formats of the national report."),
) -> None:
    """Run the whole chain on an illustrative assessment of Iraq and write the results to --out."""
    from raqmana.settings import get_settings

    try:
        _demo(
            out=out,
            framework=framework,
            lang=lang,
            serve=serve,
            host=host,
            port=port,
            runs=runs,
            formats=formats,
        )
    except KeyboardInterrupt:  # Ctrl-C while building: say what is kept, exit as an interrupted command does
        console.print()
        say(lang, "demo.stopped", dir=get_settings().data_dir)
        raise typer.Exit(130) from None
    if serve:  # the server returns only when Ctrl-C (or a stop signal) stopped it
        say(lang, "demo.stopped", dir=get_settings().data_dir)
        raise typer.Exit(130)


def _demo(
    *, out: Path, framework: str, lang: str, serve: bool, host: str, port: int, runs: int, formats: str
) -> None:
    from raqmana.reports.labels import label
    from raqmana.reports.national import build_national
    from raqmana.reports.render import render
    from raqmana.settings import get_settings
    from raqmana.workspace.demo import seed_demo
    from raqmana.workspace.exceptions import WorkspaceError
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.results import assessment_results, record_mc_runs

    started = time.perf_counter()
    clock = _Clock()
    out.mkdir(parents=True, exist_ok=True)
    result = load(framework)
    if result.framework is None or result.errors:
        fail(result.problems, lang)
    fw = result.framework
    write(fw, out / "framework.xlsx")
    write(fw, out / "framework.json")
    counts = fw.counts()
    _step(
        "framework",
        lang,
        "demo.step1",
        name=fw.name.get(lang),
        enablers=counts["pillars"],
        indicators=counts["indicators"],
        file="framework.xlsx",
    )

    clock.lap("framework")
    settings = get_settings()
    try:
        info = seed_demo(settings, framework=fw)
    except WorkspaceError as exc:  # e.g. RAQMANA_COUNTRY names no usable country file
        fail(exc.problems, lang)
    _step(
        "workspace",
        lang,
        "demo.step2",
        dir=settings.data_dir,
        institutions=info.institutions,
        answers=info.responses,
    )
    if info.reused:  # a second `make demo`: say plainly that the counts are today's, not a fresh build's
        say(lang, "demo.reused", dir=settings.data_dir)
    clock.lap("workspace")
    # the surveys first: their indicators, bottlenecks and chapter then join the round's results and reports
    _number("surveys")
    survey_files = _surveys(settings, out, lang, info.assessment_id)
    clock.lap("surveys")

    ws = open_workspace(settings)
    try:
        with ws.reader() as session:
            chain = assessment_results(
                session,
                info.assessment_id,
                mc_runs=runs,
                date=dt.date.today().isoformat(),
                data_dir=settings.data_dir,
                digits=settings.digit_shape,
                country=settings.country,
            )
        with ws.transaction() as session:  # the web's results and reports of the round use the same runs
            record_mc_runs(session, assessment_id=info.assessment_id, runs=runs)
    except WorkspaceError as exc:
        fail(exc.problems, lang)
    finally:
        ws.dispose()
    files = chain.write(out)
    inputs = chain.inputs
    clock.lap("scores")
    _step(
        "scores",
        lang,
        "demo.step3",
        score=f"{inputs.national_score:.2f}",
        stage=inputs.national_stage,
        runs=runs,
        bottlenecks=len(inputs.bottlenecks),
        files="scores.json, analysis.json",
    )
    recs = recommendation_counts(chain.plan)
    _step(
        "recommendations",
        lang,
        "demo.step4",
        **recs,
        initiatives=len(inputs.initiatives),
        files="recommendations.json, roadmap.json",
    )
    clock.lap("recommendations")
    from raqmana.cli.index_demo import demo_index

    _number("index")  # the round's answers as COINr tables, rebuilt by `raqmana index build`
    index_files = demo_index(chain.build, out, lang, runs)
    clock.lap("index")
    if chain.plan is not None:  # KPI figures, progress reports, a re-plan, the portal (illustrative)
        from raqmana.cli.services import demo_followup

        _number("followup")
        demo_followup(settings, chain, lang)
    clock.lap("followup")

    reports = []
    for code in LANGS:
        reports += render(build_national(inputs, code), out / "reports", formats.split(","))
    from raqmana.workspace.report_jobs import publish_reports, record_published_reports

    published = publish_reports(reports, settings.data_dir, info.assessment_id)  # on the web Reports page
    ws = open_workspace(settings)
    try:  # and on the Jobs page, as a finished report job with its files (rendered here, not queued)
        with ws.transaction() as session:
            record_published_reports(
                session, published, settings.data_dir, info.assessment_id, by="raqmana demo"
            )
    finally:
        ws.dispose()
    _step("reports", lang, "demo.step5", dir=out / "reports")
    clock.lap("reports")
    _number("portal")
    portal_files = _portal(settings, out, lang)
    clock.lap("portal")
    _number("exchange")
    # the scores just computed: the archive does not score the round a second time
    exchange_files = _exchange(settings, out, lang, info.assessment_id, chain.build.aggregated)
    clock.lap("exchange")
    from raqmana.cli.documents import demo_document

    _number("documents")
    document_files = demo_document(out, lang)
    clock.lap("documents")
    document_files += _consultations(settings, out, lang)  # a closed consultation and its response
    clock.lap("consultations")

    logins = [
        {"username": x.username, "password": x.password, "role": x.role, "org": x.org_code}
        for x in info.logins
    ]
    summary = {
        "illustrative": True,
        "note": label("illustrative", "en"),
        "framework": {"id": fw.id, "version": fw.version, **counts},
        "assessment_id": info.assessment_id,
        "institutions": info.institutions,
        "answers": info.responses,
        "national_score": inputs.national_score,
        "national_stage": inputs.national_stage,
        "recommendations": recs,
        "initiatives": len(inputs.initiatives),
        "timings_s": {
            **{k: round(v, 2) for k, v in clock.times.items()},
            **{k: round(v, 2) for k, v in chain.timings.items()},  # inside "scores" and "recommendations"
            "total": round(time.perf_counter() - started, 2),
        },
        "files": sorted(
            str(p.relative_to(out))
            for p in [
                *files,
                *reports,
                *survey_files,
                *portal_files,
                *document_files,
                *exchange_files,
                *index_files,
            ]
        ),
        "logins": logins,
    }
    summary_file = out / "summary.json"
    summary_file.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    _print_timings(lang, clock.times)
    say(lang, "demo.done", seconds=f"{time.perf_counter() - started:.0f}", file=summary_file)
    print_logins(lang, logins, summary_file, settings)
    if serve:
        from raqmana.cli.serve import run_server

        say(lang, "demo.serve")
        # the demo has no separate `raqmana worker`: report jobs started in the web UI run in the app
        run_server(settings.model_copy(update={"inline_worker": True}), host=host, port=port)

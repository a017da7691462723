"""``raqmana demo`` — the main job: run the whole chain on an illustrative Iraqi assessment.

1. the default framework (iraq-dla) → framework.xlsx / framework.json
2. a workspace in the data directory with Iraq's institutions, an assessment round and generated,
   ILLUSTRATIVE answers (labelled so in the data, the files and the UI)
3. scores with Monte Carlo uncertainty, gaps, bottlenecks, divide and Iraq's real public-index
   figures → scores.json/.xlsx, analysis.json
4. recommendations and the scheduled roadmap → recommendations.json/.xlsx, roadmap.json/.xlsx, Gantt
5. the national report in ar, ckb and en (PDF, DOCX, XLSX, HTML)
6. the web workspace (``--no-serve`` stops after the files)
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import typer

from raqmana.cli.common import console, fail
from raqmana.frameworks import DEFAULT_PACK, load
from raqmana.frameworks.export import write

LANGS = ("ar", "ckb", "en")


def demo(
    out: Path = typer.Option(Path("raqmana-demo"), "--out", "-o", help="Directory for the files the demo writes."),
    framework: str = typer.Option(DEFAULT_PACK, help="Framework pack or file to run the demo on."),
    lang: str = typer.Option("en", "--lang", "-l", help="Language of messages: ar, ckb or en."),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Start the web workspace when the files are written."),
    host: str = typer.Option("127.0.0.1", help="Address to serve on."),
    port: int = typer.Option(8000, help="Port to serve on."),
    runs: int = typer.Option(1000, "--runs", min=0, help="Monte Carlo runs for the uncertainty of the scores."),
    formats: str = typer.Option("pdf,docx,xlsx,html", help="Formats of the national report."),
) -> None:
    """Run the whole chain on an illustrative assessment of Iraq and write the results to --out."""
    from raqmana.reports.labels import label
    from raqmana.reports.national import build_national
    from raqmana.reports.render import render
    from raqmana.settings import get_settings
    from raqmana.workspace.demo import seed_demo
    from raqmana.workspace.factory import open_workspace
    from raqmana.workspace.results import assessment_results

    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    result = load(framework)
    if result.framework is None or result.errors:
        fail(result.problems, lang)
    fw = result.framework
    write(fw, out / "framework.xlsx")
    write(fw, out / "framework.json")
    counts = fw.counts()
    console.print(f"[bold]1/5[/bold] {fw.name.get(lang)}: {counts['pillars']} enablers, {counts['indicators']} "
                  f"indicators → framework.xlsx")

    settings = get_settings()
    info = seed_demo(settings, framework=fw)
    console.print(f"[bold]2/5[/bold] workspace {settings.data_dir}: {info.institutions} institutions, "
                  f"{info.responses} answers [yellow](illustrative, generated)[/yellow]")

    ws = open_workspace(settings)
    try:
        with ws.reader() as session:
            chain = assessment_results(session, info.assessment_id, mc_runs=runs, date=dt.date.today().isoformat(),
                                       data_dir=settings.data_dir)
    finally:
        ws.dispose()
    files = chain.write(out)
    inputs = chain.inputs
    console.print(f"[bold]3/5[/bold] national score {inputs.national_score:.2f}/5 (stage {inputs.national_stage}), "
                  f"{runs} Monte Carlo runs; {len(inputs.bottlenecks)} bottlenecks → scores.json, analysis.json")
    console.print(f"[bold]4/5[/bold] {len(inputs.recommendations)} recommendations, {len(inputs.initiatives)} "
                  f"roadmap initiatives → recommendations.json, roadmap.json")

    reports = []
    for code in LANGS:
        reports += render(build_national(inputs, code), out / "reports", formats.split(","))
    console.print(f"[bold]5/5[/bold] national report in ar, ckb, en → {out / 'reports'}")

    summary = {
        "illustrative": True,
        "note": label("illustrative", "en"),
        "framework": {"id": fw.id, "version": fw.version, **counts},
        "assessment_id": info.assessment_id,
        "institutions": info.institutions,
        "answers": info.responses,
        "national_score": inputs.national_score,
        "national_stage": inputs.national_stage,
        "timings_s": {k: round(v, 2) for k, v in chain.timings.items()},
        "files": sorted(str(p.relative_to(out)) for p in [*files, *reports]),
        "logins": [{"username": x.username, "password": x.password, "role": x.role, "org": x.org_code}
                   for x in info.logins],
    }
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    console.print(f"done in {time.perf_counter() - started:.0f} s → {out}/summary.json")
    if serve:
        from raqmana.cli.serve import run_server

        console.print("demo logins (illustrative workspace):")
        for x in info.logins:
            console.print(f"  {x.username} / {x.password}  ({x.role}{', ' + x.org_code if x.org_code else ''})")
        # the demo has no separate `raqmana worker`: report jobs started in the web UI run in the app
        run_server(settings.model_copy(update={"inline_worker": True}), host=host, port=port)

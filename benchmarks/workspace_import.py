"""Benchmark: questionnaire workbook import and the completion page at national scale.

Prints: the time to import one 100-indicator workbook (median and max of several), the time to
import 900 of them as one job run by a worker (with its progress), and the completion page
(900 institutions × 100 indicators = 90,000 answers, each with a save/submit/accept history) p50/p95.

    .venv/bin/python benchmarks/workspace_import.py [--institutions 900] [--indicators 100]
                                                    [--database-url postgresql+psycopg://…]

Targets (issue #4): one workbook < 2 s; 900 as a job < 10 min; completion p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).parent))

from _workspace_data import filled_cells, orgs_csv, synthetic_framework

from raqmana.settings import get_settings
from raqmana.workspace import SYSTEM, Actor, Grant, Role, open_workspace
from raqmana.workspace.assessments import open_round
from raqmana.workspace.completion import completion
from raqmana.workspace.excel_export import export_workbook
from raqmana.workspace.excel_import import import_workbook
from raqmana.workspace.frameworks import register_framework
from raqmana.workspace.job_handlers import enqueue_workbook_import
from raqmana.workspace.jobs import get_job, run_worker
from raqmana.workspace.org_import import import_organisations

LANG = "ar"
SHEET = "الإجابات"


def filled_workbook(ws, assessment_id: int, code: str, fw, seed: int) -> bytes:  # type: ignore[no-untyped-def]
    with ws.reader() as s:
        data = export_workbook(s, SYSTEM, assessment_id=assessment_id, institution_code=code, lang=LANG)
    wb = load_workbook(io.BytesIO(data))
    sheet = wb[SHEET]
    for ref, value in filled_cells(fw, LANG, seed).items():
        sheet[ref] = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def add_history(ws) -> None:  # type: ignore[no-untyped-def]
    """Give every answer a submit and (two in three) an accept step, in bulk SQL (setup, not timed)."""
    with ws.transaction() as s:
        for step, state, where in (("submit", "submitted", "1=1"), ("accept", "accepted", "id % 3 <> 0")):
            s.execute(
                text(
                    "INSERT INTO response_revisions (response_id, version, state, action, actor_id, actor_name, at, "
                    "comment, stage, number, choice, text, is_na, dont_know, justification) "
                    f"SELECT id, version + 1, '{state}', '{step}', NULL, 'benchmark', updated_at, '', stage, number, "
                    f"choice, text, is_na, dont_know, justification FROM responses WHERE {where}"
                )
            )
            s.execute(text(f"UPDATE responses SET state = '{state}', version = version + 1 WHERE {where}"))
        s.execute(text("UPDATE responses SET state = 'returned' WHERE id % 7 = 0 AND state = 'submitted'"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--institutions", type=int, default=900)
    ap.add_argument("--indicators", type=int, default=100)
    ap.add_argument("--single", type=int, default=7, help="single-workbook imports to time")
    ap.add_argument("--database-url", default="", help="default: SQLite in a temporary data directory")
    args = ap.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="raqmana-bench-"))
    settings = get_settings(data_dir=data_dir, database_url=args.database_url)
    ws = open_workspace(settings)
    fw = synthetic_framework(args.indicators)
    codes = [f"inst-{i:04d}" for i in range(args.institutions)]
    print(f"database: {ws.engine.url.render_as_string(hide_password=True)}")
    print(
        f"framework: {len(fw.indicators())} indicators in {len(fw.pillars)} pillars; institutions: {len(codes)}"
    )
    with ws.transaction() as s:
        import_organisations(s, SYSTEM, data=orgs_csv(args.institutions), filename="orgs.csv")
        fv = register_framework(s, SYSTEM, fw)
        a = open_round(
            s, SYSTEM, framework_version_id=fv.id, name="benchmark", period="2026", institution_codes=codes
        )

    # 1. one workbook at a time (separate institutions, each a fresh 100-answer import)
    single = []
    for i in range(min(args.single, len(codes))):
        data = filled_workbook(ws, a.id, codes[i], fw, i)
        t0 = time.perf_counter()
        with ws.transaction() as s:
            report = import_workbook(s, SYSTEM, data=data, filename=f"{codes[i]}.xlsx")
        single.append(time.perf_counter() - t0)
        assert report.changed == len(fw.indicators()), report
    print(
        f"single workbook import ({len(fw.indicators())} answers): median {statistics.median(single):.3f} s, "
        f"max {max(single):.3f} s over {len(single)} workbooks   [target < 2 s]"
    )

    # 2. the rest as one job run by a worker, progress polled like the web page does
    rest = codes[len(single) :]
    t0 = time.perf_counter()
    files = [(f"{c}.xlsx", filled_workbook(ws, a.id, c, fw, n)) for n, c in enumerate(rest)]
    print(f"(setup) exported and filled {len(files)} workbooks in {time.perf_counter() - t0:.1f} s")
    with ws.transaction() as s:
        job = enqueue_workbook_import(s, SYSTEM, settings=settings, files=files, lang=LANG)
    worker = threading.Thread(target=run_worker, args=(ws,), kwargs={"once": True})
    t0 = time.perf_counter()
    worker.start()
    last = -1.0
    while worker.is_alive():
        worker.join(5)
        with ws.reader() as s:
            view = get_job(s, SYSTEM, job.id)
        if view.progress != last:
            print(
                f"  job {job.id}: {view.status} {view.progress:.0%} {view.message} ({time.perf_counter() - t0:.0f} s)"
            )
            last = view.progress
    elapsed = time.perf_counter() - t0
    with ws.reader() as s:
        view = get_job(s, SYSTEM, job.id)
    assert view.status == "done" and view.result and view.result["failed"] == 0, view
    print(
        f"job import of {len(files)} workbooks: {elapsed:.1f} s ({elapsed / max(1, len(files)):.3f} s each) "
        f"[target < 600 s for 900]"
    )

    # 3. the completion page over every answer, with history
    add_history(ws)
    with ws.reader() as s:
        n = s.execute(text("SELECT count(*) FROM responses")).scalar_one()
        h = s.execute(text("SELECT count(*) FROM response_revisions")).scalar_one()
    coordinator = Actor(None, "coordinator", "Coordinator", grants=(Grant(Role.COORDINATOR),))
    times, cpu = [], []
    for _ in range(40):
        t0, c0 = time.perf_counter(), time.process_time()
        with ws.reader() as s:
            table = completion(s, coordinator, assessment_id=a.id)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)

    def p(xs: list[float], q: float) -> float:
        return sorted(xs)[int(q * (len(xs) - 1))] * 1000

    print(
        f"completion page ({len(table.rows)} institutions × {len(table.pillars)} pillars, {n} answers, "
        f"{h} history rows): wall p50 {p(times, 0.5):.0f} ms, p95 {p(times, 0.95):.0f} ms; "
        f"CPU p50 {p(cpu, 0.5):.0f} ms, p95 {p(cpu, 0.95):.0f} ms   [target p95 < 300 ms]"
    )
    print(
        f"load average during the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs (wall times grow with load; CPU times do not)"
    )
    ws.dispose()
    print(f"data directory: {data_dir}")


if __name__ == "__main__":
    main()

"""Benchmark: Kobo submission import and the divide analysis at national scale.

Prints: the time to import N submissions × Q questions (a Kobo CSV export: XML headers, group paths)
into an empty workspace, to import the same file again (adding nothing), and the perception scoring and
divide analysis over the stored respondents, each as the median of ``--repeat`` runs.

    .venv/bin/python benchmarks/survey_import.py [--submissions 100000] [--questions 60] [--repeat 3]
                                                 [--database-url postgresql+psycopg://…]

Targets (issue 15): 100,000 × 60 imported in < 60 s on PostgreSQL; re-import < 20 s adding nothing;
divide analysis over 100,000 respondents < 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # as `raqmana` itself does
    os.environ.setdefault(_name, "1")

from raqmana.i18n import Translated  # noqa: E402  (after the thread settings)
from raqmana.settings import get_settings  # noqa: E402  (after the thread settings)
from raqmana.surveys.illustrative import submissions_csv  # noqa: E402  (after the thread settings)
from raqmana.surveys.model import Group, Kind, Option, Question, Role, Survey  # noqa: E402  (after the thread settings)
from raqmana.surveys.packs import find  # noqa: E402  (after the thread settings)
from raqmana.surveys.perception import score  # noqa: E402  (after the thread settings)
from raqmana.workspace.actors import SYSTEM  # noqa: E402  (after the thread settings)
from raqmana.workspace.factory import open_workspace  # noqa: E402  (after the thread settings)
from raqmana.workspace.surveys import divide_of, import_submissions, load_submissions  # noqa: E402  (after the thread settings)


def synthetic_survey(questions: int) -> Survey:
    """The civil servants' profile questions and ``questions`` scored 1–3 items in six topics."""
    ready = find("civil_servants")
    profile = [q for q in ready.questions if q.role is not Role.NONE]
    items = [
        Question(
            name=f"q{i:03d}",
            kind=Kind.SELECT_ONE,
            choices="three",
            group=(f"topic{i % 6}",),
            topic=f"topic{i % 6}",
            label=Translated(en=f"item {i}"),
        )
        for i in range(questions - len(profile))
    ]
    three = [Option(name=n, score=s) for n, s in (("no", 1), ("some", 2), ("yes", 3))] + [Option(name="dk")]
    return Survey(
        id="bench",
        version="1",
        groups=[*ready.groups, *(Group(name=f"topic{t}") for t in range(6))],
        questions=[*profile, *items],
        choice_lists={**ready.choice_lists, "three": three},
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--submissions", type=int, default=100_000)
    ap.add_argument("--questions", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--database-url", default="")
    args = ap.parse_args()

    survey = synthetic_survey(args.questions)
    started = time.perf_counter()
    data = submissions_csv(survey, n=args.submissions)
    print(
        f"export: {args.submissions:,} submissions × {len(survey.questions)} questions, "
        f"{len(data) / 1e6:.1f} MB, generated in {time.perf_counter() - started:.1f} s"
    )
    first: list[float] = []
    again: list[float] = []
    scoring: list[float] = []
    divide: list[float] = []
    cpu: dict[str, list[float]] = {"import": [], "again": [], "scoring": [], "divide": []}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            overrides: dict[str, object] = {"data_dir": Path(tmp)}
            if args.database_url:
                overrides["database_url"] = args.database_url
            ws = open_workspace(get_settings(**overrides))
            try:
                if args.database_url:  # a shared database: start from no submissions of this survey
                    from sqlalchemy import delete

                    from raqmana.store.models import SurveySubmission

                    with ws.transaction() as s:
                        s.execute(delete(SurveySubmission).where(SurveySubmission.survey_id == survey.id))
                for times, key in ((first, "import"), (again, "again")):
                    t0, c0 = time.perf_counter(), time.process_time()
                    with ws.transaction() as s:
                        report = import_submissions(
                            s, SYSTEM, survey=survey, data=data, filename="bench.csv", secret_key="k" * 40
                        )
                    times.append(time.perf_counter() - t0)
                    cpu[key].append(time.process_time() - c0)
                    print(
                        f"  import: {times[-1]:.1f} s (added {report.added:,}, unchanged {report.unchanged:,})"
                    )
                with ws.reader() as s:
                    subs = load_submissions(s, SYSTEM, survey_id=survey.id)
                score(survey, subs[:50])  # loads scipy's t distribution once, as a running server has
                t0, c0 = time.perf_counter(), time.process_time()
                results = score(survey, subs)
                scoring.append(time.perf_counter() - t0)
                cpu["scoring"].append(time.process_time() - c0)
                t0, c0 = time.perf_counter(), time.process_time()
                report_divide = divide_of(results)
                divide.append(time.perf_counter() - t0)
                cpu["divide"].append(time.process_time() - c0)
                assert report_divide is not None and report_divide.n == len(results.respondents)
            finally:
                ws.dispose()
    database = "PostgreSQL" if args.database_url else "SQLite"
    med = statistics.median
    n = f"{args.submissions:,}"
    print(
        f"load average while measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; wall / CPU time:"
    )
    print(
        f"import into an empty workspace ({database}): median {med(first):.1f} s / {med(cpu['import']):.1f} s"
    )
    print(f"re-import of the same file (adds nothing): median {med(again):.1f} s / {med(cpu['again']):.1f} s")
    print(f"perception scoring of {n} respondents: median {med(scoring):.2f} s / {med(cpu['scoring']):.2f} s")
    print(f"divide analysis over {n} respondents: median {med(divide):.2f} s / {med(cpu['divide']):.2f} s")


if __name__ == "__main__":
    main()

"""A long Arabic PDF in the workspace: the upload request, then the job that reads and analyses it, timed.

    python benchmarks/documents_workspace.py [--pages 100] [--runs 1]

Builds an Arabic law of about ``--pages`` pages with WeasyPrint (one article per paragraph), uploads it
to the national library of a fresh SQLite workspace in a temporary directory as the web does (the file
stored, the reading queued) and runs the ``document_analysis`` job as ``raqmana worker`` does (read,
then analyse). For comparison it also times reading the file in the caller, as uploads did before
(``upload_document``). Prints the median wall and CPU seconds of each step, the pages, passages and
suggestions stored, and the peak memory. The issue's goal: a 100-page Arabic PDF analysed in < 60 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _pdf(pages: int) -> bytes:
    from tests.documents.pdfs import law_html, weasyprint_pdf

    return weasyprint_pdf(law_html(extra_paragraphs=pages * 28))


def one_run(data: bytes) -> dict[str, float]:
    import io

    from raqmana.settings import Settings
    from raqmana.store.models import DocumentSuggestion
    from raqmana.workspace import SYSTEM, open_workspace
    from raqmana.workspace.documents import upload_document
    from raqmana.workspace.documents_intake import receive_document
    from raqmana.workspace.jobs import run_one

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Settings(environment="test", data_dir=Path(tmp)))
        try:
            started, cpu0 = time.perf_counter(), time.process_time()
            with ws.transaction() as s:
                receive_document(s, SYSTEM, settings=ws.settings, filename="law.pdf", source=io.BytesIO(data))
            uploaded, cpu1 = time.perf_counter(), time.process_time()
            job = run_one(ws)
            done, cpu2 = time.perf_counter(), time.process_time()
            assert job is not None and job.status == "done", job
            with ws.reader() as s:
                n = s.scalar(select(func.count()).select_from(DocumentSuggestion)) or 0
            before, cpu3 = time.perf_counter(), time.process_time()
            with ws.transaction() as s:  # the former upload: the file read inside the request
                old = upload_document(s, SYSTEM, settings=ws.settings, filename="law2.pdf", data=data)
            after, cpu4 = time.perf_counter(), time.process_time()
            return {
                "request_s": uploaded - started,
                "request_cpu": cpu1 - cpu0,
                "job_s": done - uploaded,
                "job_cpu": cpu2 - cpu1,
                "in_request_s": after - before,
                "in_request_cpu": cpu4 - cpu3,
                "pages": old.pages,
                "passages": old.passages,
                "suggestions": n,
            }
        finally:
            ws.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    data = _pdf(args.pages)
    runs = [one_run(data) for _ in range(args.runs)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"documents_workspace: {med['pages']:.0f} pages, {med['passages']:.0f} passages, "
        f"{med['suggestions']:.0f} suggestions, {len(data) / 1048576:.1f} MB PDF (median of {args.runs})"
    )
    print(
        f"  upload request (file stored, reading queued): {med['request_s']:.2f} s wall, "
        f"{med['request_cpu']:.2f} s CPU"
    )
    print(
        f"  job (read, then analyse): {med['job_s']:.1f} s wall, {med['job_cpu']:.1f} s CPU "
        f"(goal < 60 s from upload to analysis)"
    )
    print(
        f"  reading inside the request, as before: {med['in_request_s']:.1f} s wall, "
        f"{med['in_request_cpu']:.1f} s CPU"
    )
    print(
        f"  peak memory {rss:.0f} MB; {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )


if __name__ == "__main__":
    main()

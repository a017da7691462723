"""A long Arabic PDF in the workspace: upload (reading, passages stored) and its analysis job, timed.

    python benchmarks/documents_workspace.py [--pages 100] [--runs 1]

Builds an Arabic law of about ``--pages`` pages with WeasyPrint (one article per paragraph), uploads it
to the national library of a fresh SQLite workspace in a temporary directory and runs the
``document_analysis`` job as ``raqmana worker`` does. Prints the median of each step, the pages, passages
and suggestions stored, and the peak memory. The issue's goal: a 100-page Arabic PDF analysed in < 60 s.
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
    from raqmana.settings import Settings
    from raqmana.store.models import DocumentSuggestion
    from raqmana.workspace import SYSTEM, open_workspace
    from raqmana.workspace.documents import upload_document
    from raqmana.workspace.documents_analysis import enqueue_analysis
    from raqmana.workspace.jobs import run_one

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Settings(environment="test", data_dir=Path(tmp)))
        try:
            started = time.perf_counter()
            with ws.transaction() as s:
                doc = upload_document(s, SYSTEM, settings=ws.settings, filename="law.pdf", data=data)
                enqueue_analysis(s, SYSTEM, document_id=doc.id)
            uploaded = time.perf_counter()
            job = run_one(ws)
            done = time.perf_counter()
            assert job is not None and job.status == "done", job
            with ws.reader() as s:
                n = s.scalar(select(func.count()).select_from(DocumentSuggestion)) or 0
            return {
                "upload_s": uploaded - started,
                "analysis_s": done - uploaded,
                "pages": doc.pages,
                "passages": doc.passages,
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
        f"{med['suggestions']:.0f} suggestions; upload (read + store) {med['upload_s']:.1f} s, "
        f"analysis job {med['analysis_s']:.1f} s, together {med['upload_s'] + med['analysis_s']:.1f} s "
        f"(median of {args.runs}; goal < 60 s); {len(data) / 1048576:.1f} MB PDF; peak memory {rss:.0f} MB; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()

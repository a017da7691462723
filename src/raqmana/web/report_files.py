"""The report files of an assessment on disk: listing them and resolving a download safely.

Only names the report jobs write are served (``national-ar.pdf``, ``institutions/mofa-en.docx``), only
from the assessment's own reports directory; anything else — ``..``, absolute paths, other files — is
"not found". Both take the report subjects the reader may read (``national`` and institution codes, from
:func:`raqmana.workspace.report_jobs.report_subjects`): another institution's profile is "not found" too.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from raqmana.workspace.report_jobs import reports_dir

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}
NAME = re.compile(r"(?:institutions/)?[A-Za-z0-9][A-Za-z0-9_-]*-(ar|ckb|en)\.(pdf|docx|xlsx|html|json)")


@dataclass(frozen=True)
class ReportFile:
    path: str  # relative to the assessment's reports directory, with "/"
    subject: str  # "national" or an institution code
    lang: str
    format: str
    size: int
    modified: datetime


def _describe(rel: str, full: Path) -> ReportFile | None:
    m = NAME.fullmatch(rel)
    if m is None:
        return None
    stat = full.stat()
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    subject = stem[: -len(m.group(1)) - 1]
    return ReportFile(
        rel, subject, m.group(1), m.group(2), stat.st_size, datetime.fromtimestamp(stat.st_mtime, tz=UTC)
    )


def list_files(data_dir: Path, assessment_id: int, readable: Container[str]) -> list[ReportFile]:
    """The finished report files of the ``readable`` subjects, national first, then institutions by code."""
    base = reports_dir(data_dir, assessment_id)
    found = []
    for sub in (base, base / "institutions"):
        if not sub.is_dir():
            continue
        for full in sorted(sub.iterdir()):
            if full.is_file():
                rel = full.relative_to(base).as_posix()
                described = _describe(rel, full)
                if described is not None and described.subject in readable:
                    found.append(described)
    return sorted(found, key=lambda f: (f.subject != "national", f.subject, f.lang, f.format))


def resolve(data_dir: Path, assessment_id: int, rel: str, readable: Container[str]) -> Path | None:
    """The file for a download path, or None (bad name, outside the directory, missing, a subject the
    reader may not read)."""
    m = NAME.fullmatch(rel)
    if m is None:
        return None
    subject = rel.rsplit("/", 1)[-1][: -len(f"-{m.group(1)}.{m.group(2)}")]
    if subject not in readable or (subject == "national") == rel.startswith("institutions/"):
        return None
    base = reports_dir(data_dir, assessment_id).resolve()
    full = (base / rel).resolve()
    if not full.is_relative_to(base) or not full.is_file():
        return None
    return full

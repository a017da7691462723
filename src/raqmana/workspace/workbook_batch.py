"""Many questionnaire workbooks at once (several files and/or ZIP archives of them), imported by a job.

The upload is checked and unpacked first: an unreadable archive, one without any workbook, too many
workbooks or too much data refuses the whole upload and queues nothing. Each workbook is then imported
by the worker on its own, all or nothing (:func:`raqmana.workspace.excel_import.import_workbook`); the
job's result lists, per file, what changed or the located problems.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from sqlalchemy.orm import Session

from raqmana.problems import Location
from raqmana.settings import Settings
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.excel_import import MAX_BYTES
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.job_handlers import enqueue_stored_workbooks, uploads
from raqmana.workspace.permissions import get_assessment_for_user, institution_rights
from raqmana.workspace.views import JobView

#: workbooks in one upload (a national round has about 900 institutions)
MAX_FILES = 1000
#: all workbooks of one upload together, unpacked
MAX_TOTAL_BYTES = 1024 * 1024 * 1024


def _is_archive(name: str, data: bytes) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        return True
    if suffix == ".xlsx" or not data.startswith(b"PK"):
        return False
    try:  # no telling extension: a workbook is a ZIP too, with a [Content_Types].xml at its root
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "[Content_Types].xml" not in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _members(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    """The workbooks inside an archive (folders flattened; macOS resource files and other files skipped)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValidationFailed.one(E.ZIP_UNREADABLE, Location(file=name), filename=name) from None
    found = 0
    with zf:
        for info in zf.infolist():
            path = PurePosixPath(info.filename)
            if (
                info.is_dir()
                or path.suffix.lower() != ".xlsx"
                or "__MACOSX" in path.parts
                or path.name.startswith((".", "~$"))
            ):
                continue
            member = f"{name}/{info.filename}"
            if info.file_size > MAX_BYTES:
                raise ValidationFailed.one(
                    E.UPLOAD_TOO_BIG, Location(file=member), filename=member, max=MAX_BYTES // (1024 * 1024)
                )
            try:
                with zf.open(info) as fh:
                    content = fh.read(MAX_BYTES + 1)  # the header's size may lie (a ZIP bomb)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
                raise ValidationFailed.one(E.ZIP_UNREADABLE, Location(file=member), filename=member) from None
            if len(content) > MAX_BYTES:
                raise ValidationFailed.one(
                    E.UPLOAD_TOO_BIG, Location(file=member), filename=member, max=MAX_BYTES // (1024 * 1024)
                )
            found += 1
            yield member, content
    if not found:
        raise ValidationFailed.one(E.ZIP_NO_WORKBOOK, Location(file=name), filename=name)


def workbooks(files: list[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every workbook of an upload, archives unpacked; ValidationFailed for a bad upload."""
    count = total = 0
    for name, data in files:
        for member, content in _members(name, data) if _is_archive(name, data) else [(name, data)]:
            count += 1
            total += len(content)
            if count > MAX_FILES:
                raise ValidationFailed.one(
                    E.UPLOAD_TOO_MANY, Location(file=name), count=f"> {MAX_FILES}", max=MAX_FILES
                )
            if total > MAX_TOTAL_BYTES:
                raise ValidationFailed.one(
                    E.UPLOAD_TOO_BIG, Location(file=name), filename=name, max=MAX_TOTAL_BYTES // (1024 * 1024)
                )
            yield member, content


def start_workbook_import(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    assessment_id: int,
    files: list[tuple[str, bytes]],
    lang: str = "en",
) -> JobView:
    """Queue the import of the workbooks in ``files`` into one round. Whoever may answer for, or manage,
    an institution of the round may send them (a coordinator collecting the filled workbooks); each
    workbook is still checked against its sender's rights when it is imported. Outsiders get NotFound."""
    _, rights = get_assessment_for_user(session, actor, assessment_id)
    if not (
        rights.manage
        or any(r.answer or r.manage for _, r in institution_rights(session, actor, assessment_id).values())
    ):
        raise Forbidden()
    store = uploads(settings)
    # stored for this transaction: a refusal half-way (too many, too big) or a rollback removes them
    items = [
        {"filename": name, "sha256": store.put(content, session=session)}
        for name, content in workbooks(files)
    ]
    if not items:
        raise ValidationFailed.one(E.ZIP_NO_WORKBOOK, Location(field="files"), filename="")
    return enqueue_stored_workbooks(session, actor, items=items, lang=lang, assessment_id=assessment_id)

"""Many questionnaire workbooks at once (several files and/or ZIP archives of them), imported by a job.

The upload (bytes, or the file on disk its request body was streamed into) is checked and unpacked
first, a chunk at a time into the uploads store, never whole into memory: an unreadable archive, one without any workbook, too many
workbooks or too much data refuses the whole upload and queues nothing. Each workbook is then imported
by the worker on its own, all or nothing (:func:`raqmana.workspace.excel_import.import_workbook`); the
job's result lists, per file, what changed or the located problems.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO, cast

from sqlalchemy.orm import Session

from raqmana.problems import Location
from raqmana.settings import Settings
from raqmana.store.blobs import TooBig
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


#: an uploaded file: its bytes, or the file on disk the request body was streamed into
Source = bytes | Path


@contextmanager
def _opened(source: Source) -> Iterator[BinaryIO]:
    if isinstance(source, Path):
        with source.open("rb") as fh:
            yield fh
    else:
        yield io.BytesIO(source)


def _is_archive(name: str, fh: BinaryIO) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        return True
    head = fh.read(2)
    fh.seek(0)
    if suffix == ".xlsx" or head != b"PK":
        return False
    try:  # no telling extension: a workbook is a ZIP too, with a [Content_Types].xml at its root
        with zipfile.ZipFile(fh) as zf:
            return "[Content_Types].xml" not in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        fh.seek(0)


def _members(name: str, fh: BinaryIO) -> Iterator[tuple[str, BinaryIO]]:
    """The workbooks inside an archive, each as a stream to read (folders flattened; macOS resource
    files and other files skipped). The archive is read from its file, never whole into memory."""
    try:
        zf = zipfile.ZipFile(fh)
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
                raise _too_big(member)
            try:
                stream = zf.open(info)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
                raise ValidationFailed.one(E.ZIP_UNREADABLE, Location(file=member), filename=member) from None
            with stream:
                found += 1
                yield member, cast(BinaryIO, stream)
    if not found:
        raise ValidationFailed.one(E.ZIP_NO_WORKBOOK, Location(file=name), filename=name)


def _too_big(member: str, limit: int | None = None) -> ValidationFailed:
    limit = MAX_BYTES if limit is None else limit
    return ValidationFailed.one(
        E.UPLOAD_TOO_BIG, Location(file=member), filename=member, max=limit // (1024 * 1024)
    )


def store_workbooks(
    session: Session, settings: Settings, files: Sequence[tuple[str, Source]]
) -> list[dict[str, str]]:
    """Every workbook of an upload (archives unpacked) copied into the uploads store for this
    transaction, a chunk at a time: ``{"filename", "sha256"}`` each. ValidationFailed for a bad upload;
    a refusal half-way or a rollback removes what was stored."""
    store = uploads(settings)
    items: list[dict[str, str]] = []
    total = 0
    for name, source in files:
        with _opened(source) as fh:
            archive = _is_archive(name, fh)
            for member, stream in _members(name, fh) if archive else [(name, fh)]:
                if len(items) >= MAX_FILES:
                    raise ValidationFailed.one(
                        E.UPLOAD_TOO_MANY, Location(file=name), count=f"> {MAX_FILES}", max=MAX_FILES
                    )
                try:  # the header's size may lie (a ZIP bomb): the limit holds while unpacking
                    digest, size = store.put_stream(
                        stream, session=session, limit=MAX_BYTES if archive else None
                    )
                except TooBig:
                    raise _too_big(member) from None
                except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError, EOFError):
                    raise ValidationFailed.one(
                        E.ZIP_UNREADABLE, Location(file=member), filename=member
                    ) from None
                total += size
                if total > MAX_TOTAL_BYTES:
                    raise _too_big(name, MAX_TOTAL_BYTES)
                items.append({"filename": member, "sha256": digest})
    return items


def start_workbook_import(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    assessment_id: int,
    files: Sequence[tuple[str, Source]],
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
    # stored for this transaction: a refusal half-way (too many, too big) or a rollback removes them
    items = store_workbooks(session, settings, files)
    if not items:
        raise ValidationFailed.one(E.ZIP_NO_WORKBOOK, Location(field="files"), filename="")
    return enqueue_stored_workbooks(session, actor, items=items, lang=lang, assessment_id=assessment_id)

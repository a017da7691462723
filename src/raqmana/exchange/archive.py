"""The round archive: one ZIP with a table per subject as CSV and JSON, ``datapackage.json``
(Frictionless), the round and its framework as JSON, optional evidence files and ``manifest.json``,
which lists every other member with its SHA-256, size and row count.

Reading refuses, before anything is used: an archive that is not a ZIP, one that unpacks too far or holds
too many members (ZIP bombs; a member is never read beyond its declared size), a member name outside the
archive's own layout (zip slip: only ``<table>.csv|json`` and ``evidence/<sha256>``), a missing or unlisted
member, a changed checksum, a row count that is not the manifest's, and another format version. Each
refusal is a located, translated problem (:class:`ProblemsError`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from raqmana.exchange import errors as E
from raqmana.metrics.opendata import LICENCE, Table
from raqmana.problems import Location, Problem, ProblemsError

FORMAT = "raqmana-round"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATAPACKAGE = "datapackage.json"
EVIDENCE_DIR = "evidence/"
#: the names a member may have (a flat layout: no folder but evidence/, no "..", no absolute path)
_MEMBER = re.compile(r"^(?:[a-z][a-z0-9_]{0,40}\.(?:csv|json)|evidence/[0-9a-f]{64})$")
#: members of one archive (tables, evidence files)
MAX_MEMBERS = 20_000
#: everything unpacked together (an archive is read in memory)
MAX_UNPACKED = 1024 * 1024 * 1024
#: unpacked / packed size of a member bigger than RATIO_FROM (CSV and JSON pack 5–30 times)
MAX_RATIO = 200
RATIO_FROM = 1024 * 1024
#: what reading JSON raises on bad text, including nesting too deep for the parser (a hostile file)
_JSON_ERRORS = (UnicodeDecodeError, ValueError, RecursionError)
_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, KeyError)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def table_json(table: Table) -> bytes:
    return json.dumps(table.json(), ensure_ascii=False, indent=1, default=str).encode("utf-8")


@dataclass(frozen=True)
class Archive:
    """A read, verified archive: the manifest and every other member's bytes by name."""

    manifest: dict[str, Any]
    members: dict[str, bytes]

    def json(self, name: str) -> Any:
        """A JSON member; :class:`ProblemsError` (located in it) when it cannot be read."""
        try:
            return json.loads(self.members[name].decode("utf-8"))
        except _JSON_ERRORS as exc:
            raise ProblemsError(
                [Problem(E.TABLE_INVALID, Location(file=name), {"reason": str(exc)[:200]})]
            ) from None

    def rows(self, table: str) -> list[dict[str, Any]]:
        """The rows of ``table`` (from its JSON file, which keeps numbers and nulls as they were)."""
        name = f"{table}.json"
        if name not in self.members:
            return []
        data = self.json(name)
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ProblemsError(
                [Problem(E.TABLE_INVALID, Location(file=name), {"reason": "not a list of rows"})]
            )
        return data


def write_archive(
    *,
    tables: Sequence[Table],
    documents: Mapping[str, Any],
    files: Mapping[str, bytes],
    manifest: Mapping[str, Any],
    title: str,
) -> bytes:
    """The ZIP: each table as CSV (formula-guarded text cells) and JSON, each document as JSON, each file
    under ``evidence/``, the Data Package descriptor, and the manifest (``manifest`` plus the list of
    members with their checksums, sizes and row counts)."""
    members: dict[str, bytes] = {}
    rows: dict[str, int] = {}
    for t in tables:
        members[f"{t.name}.csv"] = t.csv()
        members[f"{t.name}.json"] = table_json(t)
        rows[f"{t.name}.csv"] = rows[f"{t.name}.json"] = len(t.rows)
    for name, doc in documents.items():
        members[f"{name}.json"] = json.dumps(doc, ensure_ascii=False, indent=1, default=str).encode("utf-8")
    for digest, data in files.items():
        members[f"{EVIDENCE_DIR}{digest}"] = data
    members[DATAPACKAGE] = json.dumps(
        datapackage(tables, title=title, created=str(manifest.get("created_at", ""))),
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8")
    listed = [
        {"path": name, "sha256": sha256(data), "bytes": len(data), "rows": rows.get(name)}
        for name, data in sorted(members.items())
    ]
    full = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **manifest,
        "licence": LICENCE,
        "tables": {t.name: len(t.rows) for t in tables},
        "files": listed,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(full, ensure_ascii=False, indent=1))
        for name, data in sorted(members.items()):
            zf.writestr(name, data)
    return buffer.getvalue()


def datapackage(tables: Sequence[Table], *, title: str, created: str) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the archive's CSV tables (paths inside the archive)."""
    return {
        "profile": "tabular-data-package",
        "name": "raqmana-round",
        "title": title,
        "created": created,
        "licenses": [LICENCE],
        "resources": [
            {
                "name": t.name,
                "title": t.title,
                "path": f"{t.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": t.schema(),
            }
            for t in tables
        ],
    }


def _fail(code: Any, location: Location, **params: Any) -> ProblemsError:
    return ProblemsError([Problem(code, location, params)])


def _csv_rows(data: bytes) -> int:
    return max(0, sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8")))) - 1)


def read_archive(data: bytes, filename: str) -> Archive:
    """Open and verify an archive written by :func:`write_archive` (see the module's refusals)."""
    where = Location(file=filename)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _ERRORS:
        raise _fail(E.ARCHIVE_UNREADABLE, where, filename=filename) from None
    limits = {"limit": MAX_UNPACKED // (1024 * 1024), "members": MAX_MEMBERS, "filename": filename}
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise _fail(E.ARCHIVE_TOO_BIG, where, **limits)
    seen: set[str] = set()
    for info in infos:
        if not (info.filename == MANIFEST or _MEMBER.match(info.filename)) or info.filename in seen:
            raise _fail(E.MEMBER_UNSAFE, where, member=info.filename[:200])
        seen.add(info.filename)
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise _fail(E.ARCHIVE_TOO_BIG, where, **limits)
    if MANIFEST not in seen:
        raise _fail(E.MANIFEST_MISSING, where)
    members: dict[str, bytes] = {}
    try:
        for info in infos:
            with zf.open(info) as fh:
                members[info.filename] = fh.read(info.file_size + 1)[: info.file_size + 1]
            if len(members[info.filename]) > info.file_size:
                raise _fail(E.ARCHIVE_TOO_BIG, where, **limits)
    except _ERRORS:
        raise _fail(E.ARCHIVE_UNREADABLE, where, filename=filename) from None
    manifest = _manifest(members.pop(MANIFEST))
    _verify(manifest, members)
    return Archive(manifest, members)


def _manifest(data: bytes) -> dict[str, Any]:
    where = Location(file=MANIFEST)
    try:
        manifest = json.loads(data.decode("utf-8"))
    except _JSON_ERRORS as exc:
        raise _fail(E.MANIFEST_INVALID, where, reason=str(exc)[:200]) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _fail(E.MANIFEST_INVALID, where, reason=f"format is not {FORMAT}")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise _fail(
            E.FORMAT_UNSUPPORTED,
            where,
            found=str(manifest.get("format_version"))[:20],
            expected=FORMAT_VERSION,
        )
    files = manifest.get("files")
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("sha256"), str)
        for f in files
    ):
        raise _fail(E.MANIFEST_INVALID, Location(file=MANIFEST, field="files"), reason="a list of files")
    for key in ("framework", "round"):
        if not isinstance(manifest.get(key), dict):
            raise _fail(E.MANIFEST_INVALID, Location(file=MANIFEST, field=key), reason=f"{key} is missing")
    return manifest


def _verify(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
    problems: list[Problem] = []
    listed = {f["path"]: f for f in manifest["files"]}
    for name in sorted(set(listed) - set(members)):
        problems.append(Problem(E.FILE_MISSING, Location(file=MANIFEST, field="files"), {"member": name}))
    for name in sorted(set(members) - set(listed)):
        problems.append(Problem(E.FILE_UNLISTED, Location(file=name), {"member": name}))
    for name in sorted(set(members) & set(listed)):
        entry, data = listed[name], members[name]
        named = name.removeprefix(EVIDENCE_DIR) if name.startswith(EVIDENCE_DIR) else None
        if sha256(data) != entry["sha256"] or (named is not None and sha256(data) != named):
            problems.append(Problem(E.CHECKSUM_MISMATCH, Location(file=name), {"member": name}))
            continue
        expected = entry.get("rows")
        if expected is None:
            continue
        try:
            found = _csv_rows(data) if name.endswith(".csv") else len(json.loads(data.decode("utf-8")))
        except (*_JSON_ERRORS, TypeError, csv.Error) as exc:
            problems.append(Problem(E.TABLE_INVALID, Location(file=name), {"reason": str(exc)[:200]}))
            continue
        if found != expected:
            problems.append(
                Problem(
                    E.COUNT_MISMATCH,
                    Location(file=name),
                    {"member": name, "found": found, "expected": expected},
                )
            )
    if problems:
        raise ProblemsError(problems)

"""Built-in job handlers: importing many questionnaire workbooks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from raqmana.settings import Settings
from raqmana.store.blobs import BlobStore
from raqmana.workspace.actors import Actor
from raqmana.workspace.excel_import import import_workbook
from raqmana.workspace.exceptions import WorkspaceError
from raqmana.workspace.jobs import Progress, enqueue, handler, payload_actor
from raqmana.workspace.views import JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

WORKBOOK_IMPORT = "workbook_import"


def uploads(settings: Settings) -> BlobStore:
    return BlobStore(settings.data_dir / "uploads")


def enqueue_workbook_import(session: Session, actor: Actor, *, settings: Settings,
                            files: list[tuple[str, bytes]], lang: str = "en") -> JobView:
    """Queue the import of many workbooks (each one all-or-nothing on its own)."""
    store = uploads(settings)
    items = [{"filename": name, "sha256": store.put(data)} for name, data in files]
    return enqueue(session, actor, kind=WORKBOOK_IMPORT, payload={"files": items, "lang": lang})


@handler(WORKBOOK_IMPORT)
def run_workbook_import(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    files = payload.get("files", [])
    lang = payload.get("lang", "en")
    store = uploads(ws.settings)
    results: list[dict[str, Any]] = []
    for n, item in enumerate(files, start=1):
        name = item["filename"]
        try:
            with ws.transaction() as s:
                actor = payload_actor(s, payload["actor"])
                report = import_workbook(s, actor, data=store.read(item["sha256"]), filename=name, lang=lang)
            results.append({"filename": name, "ok": True, "institution": report.institution_code,
                            "changed": report.changed, "unchanged": report.unchanged})
        except WorkspaceError as exc:
            results.append({"filename": name, "ok": False, "problems": [p.as_dict(lang) for p in exc.problems]})
        except OSError as exc:
            results.append({"filename": name, "ok": False, "problems": [{"message": str(exc)}]})
        if n == len(files) or n % 5 == 0:
            progress(n / max(1, len(files)), f"{n}/{len(files)}")
    ok = sum(1 for r in results if r["ok"])
    return {"files": len(files), "imported": ok, "failed": len(files) - ok, "results": results}


# report rendering registers its own handler ("report")
import raqmana.workspace.report_jobs  # noqa: E402, F401

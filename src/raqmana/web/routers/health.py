"""Health checks for load balancers and orchestrators, without login, in JSON.

* ``/healthz`` — the process answers (liveness): nothing else is touched.
* ``/readyz`` — the instance can serve (readiness, :func:`raqmana.workspace.health.readiness`): 200 when
  every check holds, else 503, each check with its reason.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse

from raqmana import __version__
from raqmana.workspace.health import readiness

router = APIRouter(tags=["health"])


def _no_store(payload: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(payload, status_code=status, headers={"cache-control": "no-store"})


@router.get("/healthz", summary="Liveness: the process answers")
def healthz() -> JSONResponse:
    return _no_store({"ok": True, "status": "alive", "version": __version__})


@router.get("/readyz", summary="Readiness: database, schema, data directory and job queue")
def readyz(request: Request) -> JSONResponse:
    checks = readiness(request.app.state.ws)
    ok = all(c.ok for c in checks.values())
    body = {
        "ok": ok,
        "status": "ready" if ok else "not ready",
        "checks": {name: {"ok": c.ok, "detail": c.detail} for name, c in checks.items()},
    }
    return _no_store(body, 200 if ok else 503)

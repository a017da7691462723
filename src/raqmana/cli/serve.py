"""``raqmana serve``: run the web app with uvicorn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from raqmana.cli.common import console
from raqmana.settings import Settings, get_settings

#: how long an idle connection stays open: longer than a reverse proxy's or load balancer's own idle
#: timeout (nginx 60 s), so the server never closes a connection the proxy is about to reuse (a request
#: sent on it would be reset); uvicorn's 5 s did that to busy clients under load
KEEP_ALIVE_SECONDS = 75

if TYPE_CHECKING:
    from fastapi import FastAPI


def run_server(
    settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, reload: bool = False
) -> None:
    """Serve the web app until interrupted (also called by ``raqmana demo`` after it built the workspace)."""
    import uvicorn

    console.print(
        f"raqmana: http://{host}:{port}/  ·  data: {settings.data_dir}  ·  API: /api/v1/openapi.json"
    )
    from raqmana.logs import configure_logging

    configure_logging(settings)
    # X-Forwarded-For/-Proto are read by the app itself, from RAQMANA_TRUSTED_PROXIES only (not uvicorn's
    # own list); logging is raqmana's (plain or JSON with request ids), uvicorn's access log is replaced
    if workers > 1 or reload:  # each worker process builds its own app from the environment
        import os

        from raqmana.workspace import open_workspace

        open_workspace(settings).dispose()  # migrate once here, not in every worker at the same moment

        if settings.inline_worker:
            os.environ["RAQMANA_INLINE_WORKER"] = "1"
        uvicorn.run(
            "raqmana.cli.serve:served_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            reload=reload,
            # a worker busy with long requests under load answers the supervisor's ping late: give it
            # 30 s (uvicorn's 5 s killed busy workers and dropped every connection they held)
            timeout_worker_healthcheck=30,
            proxy_headers=False,
            log_config=None,
            access_log=False,
            server_header=False,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
        return
    from raqmana.web import create_app

    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        proxy_headers=False,
        log_config=None,
        access_log=False,
        server_header=False,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )


def served_app() -> FastAPI:
    """The app of one web worker process started by uvicorn (settings from the environment)."""
    from raqmana.logs import configure_logging
    from raqmana.web import create_app

    settings = get_settings()
    configure_logging(settings)
    return create_app(settings)


def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."
    ),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        help="Worker processes: one per CPU core (SQLite serves several; PostgreSQL scales further).",
    ),
    reload: bool = typer.Option(False, "--reload", help="Restart on code changes (development)."),
    inline_worker: bool = typer.Option(
        True,
        "--inline-worker/--no-inline-worker",
        help="Run queued jobs (reports, imports) inside the app; turn off when `raqmana worker` runs them.",
    ),
) -> None:
    """Serve the web app and its JSON API (/api/v1) on HOST:PORT."""
    settings = get_settings()
    if inline_worker:
        settings = settings.model_copy(update={"inline_worker": True})
    run_server(settings, host=host, port=port, workers=workers, reload=reload)

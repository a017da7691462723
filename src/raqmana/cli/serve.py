"""``raqmana serve``: run the web app with uvicorn."""

from __future__ import annotations

import typer

from raqmana.cli.common import console
from raqmana.settings import Settings


def run_server(
    settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, reload: bool = False
) -> None:
    """Serve the web app until interrupted (also called by ``raqmana demo`` after it built the workspace)."""
    import uvicorn

    console.print(
        f"raqmana: http://{host}:{port}/  ·  data: {settings.data_dir}  ·  API: /api/v1/openapi.json"
    )
    if workers > 1 or reload:  # each worker process builds its own app from the environment
        import os

        if settings.inline_worker:
            os.environ["RAQMANA_INLINE_WORKER"] = "1"
        uvicorn.run(
            "raqmana.web.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            reload=reload,
            proxy_headers=True,
        )
        return
    from raqmana.web import create_app

    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=True)


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
    from raqmana.settings import get_settings

    settings = get_settings()
    if inline_worker:
        settings = settings.model_copy(update={"inline_worker": True})
    run_server(settings, host=host, port=port, workers=workers, reload=reload)

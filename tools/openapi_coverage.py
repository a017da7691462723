"""How complete the JSON API's OpenAPI description is: operations that declare a success schema and the
error shape for every status.

    .venv/bin/python tools/openapi_coverage.py [--list]

Builds the app on an empty workspace in a temporary directory, reads ``/api/v1/openapi.json`` and prints
``operations with a success schema: N / M`` (a 2xx response with a JSON schema, or a binary file body)
and ``operations declaring the error shape: N / M``. ``--list`` names every operation with what it lacks.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from raqmana.settings import get_settings  # noqa: E402
from raqmana.web import create_app  # noqa: E402

ERROR_STATUSES = ("400", "401", "403", "404", "409", "413", "422", "429", "500")
METHODS = ("get", "post", "put", "patch", "delete")


def success_schema(operation: dict[str, Any]) -> bool:
    for status, response in operation.get("responses", {}).items():
        if not status.startswith("2"):
            continue
        for media in response.get("content", {}).values():
            if media.get("schema") not in (None, {}):
                return True
    return False


def error_shape(operation: dict[str, Any], error_ref: str) -> bool:
    responses = operation.get("responses", {})
    for status in ERROR_STATUSES:
        schema = responses.get(status, {}).get("content", {}).get("application/json", {}).get("schema", {})
        if schema.get("$ref") != error_ref:
            return False
    return True


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        if path.startswith("/api/v1/")
        for method, op in item.items()
        if method in METHODS
    ]


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(environment="test", data_dir=Path(tmp), database_url="", secret_key="x" * 40)
        app = create_app(settings)
        spec = app.openapi()
        app.state.ws.dispose()
    ops = operations(spec)
    typed = [o for o in ops if success_schema(o[2])]
    shaped = [o for o in ops if error_shape(o[2], "#/components/schemas/ErrorBody")]
    print(f"operations with a success schema: {len(typed)} / {len(ops)}")
    print(f"operations declaring the error shape: {len(shaped)} / {len(ops)}")
    if "--list" in argv:
        for method, path, op in ops:
            lacks = [
                what
                for what, ok in (
                    ("success schema", success_schema(op)),
                    ("error shape", error_shape(op, "#/components/schemas/ErrorBody")),
                )
                if not ok
            ]
            print(f"{method:6} {path}" + (f"  (no {', no '.join(lacks)})" if lacks else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

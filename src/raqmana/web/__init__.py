"""The web front end: FastAPI app factory, HTML pages with JSON twins under ``/api/v1``.

Routes are thin: they parse input, call one :mod:`raqmana.workspace` use case and render the result
as HTML (Jinja2 + HTMX, Bootstrap RTL for ar/ckb) or JSON. See :func:`create_app`.
"""

from raqmana.web.app import create_app

__all__ = ["create_app"]

import pytest

from raqmana.web import create_app
from tests.documents.world import docworld  # noqa: F401
from tests.store.db import database_url, pg_template, settings, sqlite_template, ws  # noqa: F401
from tests.web.conftest import Browser


@pytest.fixture
def browser(docworld):  # noqa: F811
    """``browser("fp_a")``: the web app of the documents world, signed in as that person."""
    app = create_app(docworld.settings, workspace=docworld.ws)

    def open_as(name: str) -> Browser:
        b = Browser(app, base_url="http://testserver")
        b.__enter__()
        b.login(name)
        b.headers["X-CSRF-Token"] = b.csrf("/account")
        return b

    return open_as

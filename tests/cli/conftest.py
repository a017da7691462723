from tests.store.db import database_url, pg_template, settings, sqlite_template  # noqa: F401

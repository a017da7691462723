from tests.documents.world import docworld  # noqa: F401
from tests.store.db import database_url, pg_template, settings, sqlite_template, ws  # noqa: F401

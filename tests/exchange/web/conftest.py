from tests.web.conftest import app, as_user, client, template_world, world  # noqa: F401

"""The Argon2id cost of password hashes follows the settings; the minimal cost is refused in production."""

import pytest
from sqlalchemy import select

from raqmana.settings import SettingsError, get_settings
from raqmana.store.models import User
from raqmana.workspace import SYSTEM, open_workspace, users
from raqmana.workspace.passwords import passwords


def _stored_hash(tmp_path, cost):
    settings = get_settings(environment="test", data_dir=tmp_path / cost, password_cost=cost)
    ws = open_workspace(settings)
    try:
        with ws.transaction() as s:
            u = users.create_user(
                s, SYSTEM, username="hala", password="correct horse battery", display_name="Hala"
            )
            return s.scalar(select(User.password_hash).where(User.id == u.id))
    finally:
        ws.dispose()


def test_it_hashes_with_the_standard_parameters_unless_told_otherwise(tmp_path):
    assert _stored_hash(tmp_path, "standard").startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_it_hashes_with_the_minimal_parameters_when_the_settings_say_so(tmp_path):
    assert _stored_hash(tmp_path, "minimal").startswith("$argon2id$v=19$m=8,t=1,p=1$")


def test_a_minimal_cost_hash_still_checks_the_password():
    hasher = passwords("minimal")
    stored = hasher.hash("correct horse battery")
    assert hasher.verify(stored, "correct horse battery")
    assert not hasher.verify(stored, "correct horse batterx")
    assert not hasher.verify(None, "correct horse battery")


def test_it_refuses_the_minimal_cost_in_production():
    with pytest.raises(SettingsError, match="PASSWORD_COST"):
        get_settings(environment="production", secret_key="x" * 40, password_cost="minimal")


def test_importing_the_module_hashes_nothing():
    # the hash verified for unknown users is made at the first use, not at import time
    assert "dummy" not in vars(passwords("standard"))

"""An API token's "last used" is recorded at most once a minute, so that reading with a token is not a
write transaction on every request (found by the load test on PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from raqmana.store.models import ApiToken
from raqmana.workspace import tokens


def test_it_records_last_used_once_a_minute(world):
    with world.ws.transaction() as s:
        view, secret = tokens.create_api_token(s, world["coord"], name="script")
    with world.ws.transaction() as s:
        tokens.verify_api_token(s, token=secret)
        first = s.get(ApiToken, view.id).last_used_at
    assert first is not None
    with world.ws.reader() as s:
        tokens.verify_api_token(s, token=secret)
        assert not s.dirty, "a second use within the minute changes nothing"
    with world.ws.transaction() as s:
        s.get(ApiToken, view.id).last_used_at = first - timedelta(minutes=2)
    with world.ws.transaction() as s:
        tokens.verify_api_token(s, token=secret)
        assert s.get(ApiToken, view.id).last_used_at > first

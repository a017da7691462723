from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from raqmana.web import create_app

from .world import PASSWORD, World, build_world, copy_world, make_settings


@pytest.fixture(scope="session")
def template_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Built once per test session (migrations, password hashing); each test gets a copy."""
    w = build_world(make_settings(tmp_path_factory.mktemp("template-world")))
    w.ws.dispose()
    yield w


@pytest.fixture
def world(template_world: World, tmp_path: Path) -> Iterator[World]:
    w = copy_world(template_world, tmp_path / "data")
    yield w
    w.ws.dispose()


@pytest.fixture
def app(world: World) -> FastAPI:
    return create_app(world.settings, workspace=world.ws)


class Browser(TestClient):
    """A TestClient that keeps cookies like a browser and knows the page's CSRF token."""

    def csrf(self, path: str = "/login") -> str:
        html = self.get(path).text
        m = re.search(r'name="csrf-token" content="([^"]+)"', html)
        assert m, "page without CSRF meta tag"
        return m.group(1)

    def login(self, username: str, password: str = PASSWORD) -> None:
        r = self.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": self.csrf(), "next": "/"},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text

    def form(self, path: str, data: dict[str, Any], *, page: str = "/login", **kw: Any) -> Any:
        return self.post(path, data={**data, "csrf_token": self.csrf(page)}, follow_redirects=False, **kw)


@pytest.fixture
def client(app: FastAPI) -> Iterator[Browser]:
    with Browser(app, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def as_user(app: FastAPI) -> Iterator[Callable[[str], Browser]]:
    """``as_user("fp")`` → a signed-in Browser."""
    opened: list[Browser] = []

    def make(username: str) -> Browser:
        b = Browser(app, base_url="http://testserver")
        b.__enter__()
        b.login(username)
        opened.append(b)
        return b

    yield make
    for b in opened:
        b.__exit__(None, None, None)

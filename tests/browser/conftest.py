"""Browser tests: the app under uvicorn on 127.0.0.1, driven by Playwright through Debian's Chromium."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.environment import require
from tests.web.world import World, build_world, make_settings

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _chromium() -> None:
    require(CHROMIUM.exists(), "/usr/bin/chromium (Debian package chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, world: World) -> None:
        import uvicorn

        from raqmana.web import create_app

        self.world = world
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(world.settings, workspace=world.ws),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the web app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    world = build_world(make_settings(tmp_path_factory.mktemp("browser-data")), with_round=False)
    with LiveServer(world) as server:
        yield server
    world.ws.dispose()


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, int]]:
    """The illustrative demo round on the iraq-dla pack, served: (server, round id). Seeded once per test
    process and only read by the tests that use it (the readers' screens and texts, the results page);
    the demo's coordinator, Erbil's focal point and viewer sign in with the test password."""
    from raqmana.frameworks import load
    from raqmana.workspace import SYSTEM, open_workspace, users
    from raqmana.workspace.demo import seed_demo
    from tests.web.world import PASSWORD

    result = load("iraq-dla")
    assert result.ok and result.framework is not None, result.problems
    settings = make_settings(tmp_path_factory.mktemp("demo-round") / "data")
    info = seed_demo(settings, framework=result.framework)
    ws = open_workspace(settings)
    with ws.transaction() as s:
        for name in ("demo-coordinator", "demo-fp-erbil", "demo-viewer"):
            person = users.get_user_by_username(s, SYSTEM, name)
            users.set_password(s, SYSTEM, user_id=person.id, password=PASSWORD)
    with LiveServer(World(ws=ws, settings=settings)) as server:
        yield server, info.assessment_id
    ws.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(os.environ.get("RAQMANA_TEST_ARTIFACTS", "/tmp/raqmana-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def sign_in(browser: object, live: LiveServer, username: str, lang: str = "ar") -> object:
    """A new browser context (its own cookies) signed in as ``username``."""
    from tests.web.world import PASSWORD

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="ar-IQ" if lang != "en" else "en-US"
    )  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(30_000)  # a busy 2-core CI machine can take more than 10 s to sign in
    page.goto(f"{live.url}/login?lang={lang}")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    # each role starts where its work is (the list of rounds, a questionnaire, the review queue …)
    page.wait_for_url(lambda url: url.startswith(live.url) and "/login" not in url)
    return page


def axe_violations(page: object) -> list[dict[str, object]]:
    """Serious and critical axe-core violations of the page as it is now."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]

"""Fixtures for the web app: an app on a temporary SQLite bank, signed-in clients, a live server.

The stories are written for these tests (none comes from the development set).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

from starbar.web.app import create_app
from starbar.web.settings import Settings
from starbar.web.stores import open_stores

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
LOOPBACK = "http://127.0.0.1"
PASSWORD = "correct horse battery"

# A lending story with every STAR part, numbers, research, pushback and a customer outcome.
STRONG_STORY = """\
Situation: At a small-business lending startup, about 35% of applicants abandoned our loan application at the \
bank-statement upload step, and support handled 2,500 calls a month about it.

Task: I owned the application funnel and set a goal to halve the abandonment within one quarter without \
loosening our underwriting risk limits.

Action: I listened to forty support calls and interviewed twelve owners who had quit. Owners asked for a faster \
upload, but the problem wasn't the upload speed, it was fear of handing over bank passwords to a company they did \
not know. I proposed read-only bank linking through a tokenized connection with a plain-language consent screen. \
The risk team pushed back because they worried about fraud on linked accounts, so I ran an analysis of two \
thousand past applications showing linked data caught more fraud than uploaded PDFs. We agreed to a phased \
launch, and I accepted a two-week delay to add step-up authentication for large loans.

Result: Abandonment at that step fell from 35% to 14% over ten weeks, support calls dropped by 40%, and owners \
received funds three days sooner on average.
"""

# A request built as asked, with a vague result.
WEAK_STORY = """\
Our wallet users kept asking for a button to export their spending to a spreadsheet. The team agreed it was a \
good idea, so we built the export button the way they described it and shipped it in two sprints. Everyone \
collaborated well and users were happier afterwards.
"""

# User text that must be shown as text, never run or rendered as markup.
HOSTILE_STORY = STRONG_STORY.replace(
    "Situation: ",
    'Situation: <script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> <b>bold?</b> ',
)


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path, monkeypatch):
    """`starbar serve` keeps its key in the user's data folder: a temporary one here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "starbar"


@pytest.fixture
def settings_for(tmp_path):
    def make(**overrides) -> Settings:
        overrides.setdefault("database_url", f"sqlite:///{tmp_path / 'bank.db'}")
        return Settings(**overrides)

    return make


@pytest.fixture
def make_client(settings_for):
    from fastapi.testclient import TestClient

    def make(**overrides):
        return TestClient(create_app(settings_for(**overrides)), base_url=LOOPBACK)

    return make


@pytest.fixture
def client(make_client):
    return make_client()


def csrf_of(client) -> str:
    html = client.get("/").text
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def add_users(settings: Settings, *names: str) -> None:
    stores = open_stores(settings)
    try:
        for name in names:
            stores.accounts.add(name, PASSWORD)
    finally:
        stores.close()


def sign_in(client, name: str) -> str:
    """Sign `name` in on `client`; returns the session's CSRF token."""
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
    response = client.post(
        "/login", data={"username": name, "password": PASSWORD, "csrf": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text).group(1)


@pytest.fixture
def team_clients(settings_for):
    """Two signed-in users, alice and bob, on one team-mode app; and an anonymous client."""
    from fastapi.testclient import TestClient

    settings = settings_for(team=True)
    add_users(settings, "alice", "bob")
    app = create_app(settings)
    clients = {name: TestClient(app, base_url=LOOPBACK) for name in ("alice", "bob", "anonymous")}
    tokens = {name: sign_in(clients[name], name) for name in ("alice", "bob")}
    return clients, tokens


# --- a live server and the system Chromium, for the browser tests -----------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app under uvicorn with the options `starbar serve` gives it, in a thread."""

    def __init__(self, settings: Settings, *, port: int | None = None, forwarded_allow_ips: str | None = None) -> None:
        import uvicorn

        from starbar.cli.serve import server_options

        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=self.port, **server_options(forwarded_allow_ips)
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def live_server(settings_for):
    with LiveServer(settings_for()) as server:
        yield server


# Module scope: Playwright's sync API keeps an event loop running in the main thread while it
# is open, which would break asyncio.run() in tests collected after the browser tests.
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (bash scripts/system-packages.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=True)
    return path

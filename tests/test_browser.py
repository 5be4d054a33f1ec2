"""End to end in a real browser: the README's demo command, then Chromium through Playwright.

The server is `kinerja demo` itself, started in a subprocess on a throw-away SQLite database,
so this also proves the first README command works. Set KINERJA_SCREENSHOTS to a folder to
keep the screenshots."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    port = _free_port()
    env = {**os.environ, "KINERJA_VAR_DIR": str(var), "DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    env.pop("PYTEST_VERSION", None)
    log = open(var / "server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "kinerja.cli", "demo", "--port", str(port)],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(url + "masuk/", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError((var / "server.log").read_text()) from None
            time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


def _shot(page, name):
    folder = os.environ.get("KINERJA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _login(page, url, username):
    from kinerja.demo.loader import DEMO_PASSWORD

    page.goto(url)
    assert "Masuk ke Kinerja" in page.content()
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")


def test_operator_reads_the_plan_and_an_explanation(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    _login(page, server, "operator")
    _shot(page, "home")
    page.click("text=Biro Pemerintahan >> nth=0")
    page.wait_for_selector("table.tree")
    text = page.inner_text("main")
    assert "Tata Usaha Pemerintahan" in text
    assert "71,51%" in text
    assert "91,41" in text
    # the explanation is one click away
    row = page.locator("tr", has_text="Perumusan Kebijakan Pemerintahan").first
    row.locator("details.ach summary").click()
    why = row.locator("details.ach[open] .why").inner_text()
    assert why == "82,81 = rata-rata 8 kegiatan: 100; 100; 50; 87,5; 75; 100; 50; 100"
    _shot(page, "unit-2020")
    # no request leaves the machine (no CDN)
    assert requests and all(r.startswith(server) for r in requests)
    page.close()


def test_2021_plan_and_month_position(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    _login(page, server, "inspektorat")
    page.goto(server + "unit/biro-pemkesra/2021/")
    assert "85,97%" in page.inner_text(".cards")
    assert "4.01.01.1.01.07" in page.inner_text("table.tree")
    page.goto(server + "unit/biro-pemerintahan/2020/")
    page.select_option("#bulan", "6")
    page.wait_for_url("**bulan=6")
    assert "32,11%" in page.inner_text(".cards")
    _shot(page, "unit-2020-juni")
    page.close()


def test_wrong_password_is_refused_in_indonesian(server, browser):
    page = browser.new_page()
    page.goto(server)
    page.fill("#id_username", "operator")
    page.fill("#id_password", "bukan-sandinya")
    page.click("button[type=submit]")
    assert "Nama pengguna atau kata sandi salah" in page.inner_text("main")
    page.close()

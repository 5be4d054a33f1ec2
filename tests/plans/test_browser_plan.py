"""The plan editor in a real Chromium: the nomenclature search (plain JavaScript) fills the
form, the new sub kegiatan appears in the plan, and its monthly plan is saved. The server is
``kinerja demo`` on a throw-away SQLite database; screenshots are kept as artefacts."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
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
    with open(var / "server.log", "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kinerja.cli", "demo", "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
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


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


def _shot(page, name):
    folder = Path(os.environ.get("KINERJA_SCREENSHOTS") or REPO / "var" / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_operator_picks_a_sub_kegiatan_from_the_nomenclature(server, browser):
    from kinerja.demo.loader import DEMO_PASSWORD

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server)
    page.fill("#id_username", "operator")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.goto(server + "unit/biro-pemkesra/2021/")
    page.click("text=Susunan rencana")
    page.wait_for_selector("table.plan-edit")
    row = page.locator("tr", has_text="Administrasi Keuangan Perangkat Daerah").first
    row.locator("text=+ sub kegiatan").click()

    # the choices under the kegiatan are listed at once, then narrowed by typing
    page.wait_for_selector("ul.nomen-results li button")
    listed = page.locator("ul.nomen-results li button").all_inner_texts()
    assert all(text.startswith("4.01.01.1.02.") for text in listed)
    page.fill("#nomen-q", "gaji")
    page.wait_for_function("document.querySelectorAll('ul.nomen-results li button').length === 1")
    _shot(page, "plan-nomenclature-search")
    page.click("ul.nomen-results li button")
    assert page.input_value("#id_code") == "4.01.01.1.02.01"
    assert page.input_value("#id_name") == "Penyediaan Gaji dan Tunjangan ASN"
    page.fill("#id_pagu_dppa", "Rp1.200.000")
    page.click("form.plan-form button[type=submit]")
    page.wait_for_selector("p.msg.success")
    assert "Ditambahkan: 4.01.01.1.02.01" in page.inner_text("main")
    new_row = page.locator("tr", has_text="Penyediaan Gaji dan Tunjangan ASN")
    assert "1.200.000" in new_row.inner_text()

    # its monthly plan: Rp100.000 a month, fisik rising to 100
    page.goto(server + "unit/biro-pemkesra/2021/rencana/bulanan/")
    code = "4.01.01.1.02.01"
    kas = page.locator("tr.kas", has_text=code)
    node_id = kas.get_attribute("id")[1:]
    for month in range(1, 13):
        page.fill(f"input[name='n{node_id}-kas-{month}']", "100.000")
        page.fill(f"input[name='n{node_id}-fisik-{month}']", f"{round(month * 100 / 12, 2)}")
    page.fill(f"input[name='n{node_id}-fisik-12']", "100")
    page.click("form.grid button[type=submit]")
    page.wait_for_selector("p.msg.success")
    assert "Rp1.200.000" in page.locator("tr.kas", has_text=code).inner_text()
    _shot(page, "plan-monthly")
    assert requests and all(r.startswith(server) for r in requests)
    page.close()

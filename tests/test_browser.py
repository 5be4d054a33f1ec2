"""End to end in a real browser: the README's demo command, then Chromium through Playwright.

The server is `kinerja demo` itself, started in a subprocess on a throw-away SQLite database,
so this also proves the first README command works. Screenshots are kept as artefacts in
var/test-artifacts/ (or the folder KINERJA_SCREENSHOTS names)."""

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


server_env: dict = {}


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
    server_env.update(env)
    server_env["var"] = str(var)
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
    folder = Path(os.environ.get("KINERJA_SCREENSHOTS") or REPO / "var" / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


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


def _as(browser, server, username, shots, name):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    _login(page, server, username)
    page.goto(server + "unit/biro-pemerintahan/2020/realisasi/4/")
    _shot(page, f"alur-{shots}-{name}")
    return context, page


def _click(page, value):
    page.click(f"button[value={value}]")
    page.wait_for_load_state()


def test_month_workflow_in_the_browser(server, browser):
    # operator enters April and submits
    ctx, page = _as(browser, server, "operator", 1, "operator-buka")
    first = page.locator("table.grid tbody tr").first
    first.locator("input[name^=n][name$=-keuangan]").fill("Rp1.500.000,-")
    first.locator("input[name^=n][name$=-fisik]").fill("27,5")
    _click(page, "save")
    assert "Data bulan ini tersimpan." in page.inner_text("main")
    assert first.locator("input[name^=n][name$=-keuangan]").input_value() == "1.500.000"
    first.locator("input[name^=n][name$=-keuangan]").fill("satu juta")
    _click(page, "save")
    assert "Tidak ada yang disimpan" in page.inner_text("main")
    assert page.locator(".cell-error").count() == 1
    page.goto(server + "unit/biro-pemerintahan/2020/realisasi/4/")
    _click(page, "submit")
    assert page.inner_text("#state") == "Diajukan"
    _shot(page, "alur-2-diajukan")
    ctx.close()
    # head returns it with a comment
    ctx, page = _as(browser, server, "kepala", 3, "kepala")
    page.fill("#comment", "Fisik bulan April belum sesuai laporan")
    _click(page, "return")
    assert page.inner_text("#state") == "Dikembalikan"
    ctx.close()
    # operator corrects and resubmits
    ctx, page = _as(browser, server, "operator", 4, "operator-perbaiki")
    assert "Fisik bulan April belum sesuai laporan" in page.inner_text("#status-comment")
    page.locator("table.grid tbody tr").first.locator("input[name^=n][name$=-fisik]").fill("30")
    _click(page, "save")
    _click(page, "submit")
    ctx.close()
    # head verifies, admin locks
    ctx, page = _as(browser, server, "kepala", 5, "kepala-verifikasi")
    _click(page, "verify")
    assert page.inner_text("#state") == "Diverifikasi"
    ctx.close()
    ctx, page = _as(browser, server, "admin", 6, "admin-kunci")
    _click(page, "lock")
    assert page.inner_text("#state") == "Dikunci"
    ctx.close()
    # the operator can no longer edit
    ctx, page = _as(browser, server, "operator", 7, "operator-terkunci")
    assert page.locator("button[value=save]").count() == 0
    fisik = page.locator("table.grid input[name^=n][name$=-fisik]").first
    assert fisik.get_attribute("readonly") is not None
    ctx.close()


def test_unrelated_operator_sees_nothing_in_the_browser(server, browser):
    env = {k: v for k, v in server_env.items() if k != "var"}
    script = (
        "from django.contrib.auth import get_user_model as g;"
        "from kinerja.org.models import Government as G, OrgUnit as U, Membership as M;"
        "gov=G.objects.create(name='Kota Lain', kind='kota', code='96.01');"
        "u=U.objects.create(government=gov, slug='dinas-lain', name='Dinas Lain',"
        " kind='perangkat_daerah', from_year=2020);"
        "p=g().objects.create_user('operator-lain', password='kinerja-demo-2021');"
        "M.objects.create(user=p, government=gov, unit=u, role='operator')"
    )
    subprocess.run([sys.executable, "-m", "kinerja.cli", "shell", "-c", script], cwd=REPO,
                   env=env, check=True, capture_output=True)
    ctx, page = _as(browser, server, "operator-lain", 8, "orang-lain")
    assert "Biro Pemerintahan" not in page.inner_text("body")
    response = page.goto(server + "unit/biro-pemerintahan/2020/")
    assert response.status == 404
    ctx.close()


def test_evidence_upload_keeps_the_cells_typed_but_not_saved(server, browser, tmp_path):
    pdf = tmp_path / "kuitansi mei.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    _login(page, server, "operator")
    url = server + "unit/biro-pemerintahan/2020/realisasi/5/"
    page.goto(url)
    row = page.locator("table.grid tbody tr").first
    cell = row.locator("input[name^=n][name$=-keuangan]")
    cell.fill("Rp2.500.000,-")  # typed, not saved
    row.locator("details.upload summary").click()
    row.locator("input[type=file]").set_input_files(str(pdf))
    row.locator("details.upload button").click()
    row.locator(".files a", has_text="kuitansi mei.pdf").wait_for()
    assert "Bukti dukung tersimpan" in row.locator(".evidence-msg").inner_text()
    assert page.url == url and cell.input_value() == "Rp2.500.000,-"
    _shot(page, "bukti-tanpa-pindah-halaman")
    row.locator(".files button", has_text="hapus").click()
    row.locator(".files a").wait_for(state="detached")
    assert "dihapus" in row.locator(".evidence-msg").inner_text()
    assert cell.input_value() == "Rp2.500.000,-"
    context.close()


def test_no_page_logs_an_error_in_the_browser(server, browser):
    """One page of each kind the operator reaches (addresses with their numbers taken as the
    same kind), opened in Chromium: no script error, no failed request (a missing icon or
    stylesheet shows as a console error), nothing asked from another machine."""
    import re
    from urllib.parse import urljoin

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    _login(page, server, "operator")
    skipped = re.compile(r"\.(pdf|docx|xlsx|csv|svg|png|json)|format=|/keluar/|/static/|unduh")
    far_year = re.compile(r"/(1\d{3}|20[4-9]\d)/")
    queue, kinds = ["/"], set()
    while queue and len(kinds) < 150:
        address = queue.pop(0)
        kind = re.sub(r"\d+", "N", address.split("?")[0])
        if kind in kinds:
            continue
        kinds.add(kind)
        page.goto(server.rstrip("/") + address)
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
        for href in hrefs:
            target = urljoin(address, href.split("#")[0])
            if not target.startswith("/") or skipped.search(target) or far_year.search(target):
                continue
            queue.append(target)
    page.close()
    assert errors == []
    assert len(kinds) >= 80  # the walk went through the application
    assert all(r.startswith(server) or r.startswith("data:") for r in requests)

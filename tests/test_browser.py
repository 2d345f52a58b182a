"""One real-browser test: JupyterLab + headless Chromium run notebook 00 and move its widget.

JupyterLab runs from this environment on a free localhost port, serving a temporary copy of the
solutions notebook (so autosave never touches the committed notebooks). Chromium is the Debian
package (/usr/bin/chromium), driven by Playwright without any browser download. The screenshot is
kept in test-artefacten/ (gitignored).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers.data import laad_winkel

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTEN = PROJECT / "test-artefacten"
NOTEBOOK = PROJECT / "notebooks" / "oplossingen" / "00_welkom.ipynb"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# JupyterLab settings: no news, no update checks, no popups
INSTELLINGEN = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.is_file(), reason="/usr/bin/chromium ontbreekt (apt-get install chromium)"
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url: str, proces: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError(f"JupyterLab stopte meteen:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as antwoord:
                if antwoord.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise TimeoutError(
        f"JupyterLab reageerde niet binnen {timeout} s:\n{log.read_text(errors='replace')[-3000:]}"
    )


@pytest.fixture
def jupyterlab(tmp_path):
    """A running JupyterLab serving a copy of the notebook; yields (base url, token)."""
    werkmap = tmp_path / "notebooks"
    werkmap.mkdir()
    shutil.copy(NOTEBOOK, werkmap / NOTEBOOK.name)
    instellingen = tmp_path / "user-settings"
    for relatief, waarden in INSTELLINGEN.items():
        pad = instellingen / relatief
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(json.dumps(waarden), encoding="utf-8")
    poort, token = free_port(), secrets.token_hex(16)
    log = tmp_path / "jupyterlab.log"
    omgeving = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    opdracht = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={poort}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False",
        "--ServerApp.allow_root=True", f"--ServerApp.root_dir={werkmap}",
        "--LabApp.news_url=None", "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        f"--LabApp.user_settings_dir={instellingen}", f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
    ]  # fmt: skip
    with log.open("wb") as uit:
        proces = subprocess.Popen(opdracht, stdout=uit, stderr=subprocess.STDOUT, env=omgeving, cwd=werkmap)
    try:
        basis = f"http://127.0.0.1:{poort}"
        wait_for_server(f"{basis}/api/status?token={token}", proces, log)
        yield basis, token
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=10)


def test_notebook_runs_and_widget_reacts_in_a_real_browser(jupyterlab):
    from playwright.sync_api import expect, sync_playwright

    basis, token = jupyterlab
    schoenenzaak = laad_winkel("schoenenzaak")
    schoenen = schoenenzaak.naam
    ARTEFACTEN.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            pagina = browser.new_page(viewport={"width": 1400, "height": 1000})
            pagina.set_default_timeout(120_000)
            pagina.goto(f"{basis}/lab/tree/{NOTEBOOK.name}?token={token}")
            pagina.wait_for_selector(".jp-NotebookPanel .jp-Notebook")
            pagina.wait_for_function(
                "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                " && window.jupyterapp.shell.currentWidget.sessionContext"
                " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
                " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                timeout=180_000,
            )
            pagina.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
            kaartjes = pagina.locator(".klantlab-kaartjes")
            expect(kaartjes).to_have_count(1, timeout=240_000)
            kaartjes.scroll_into_view_if_needed()
            voor = kaartjes.inner_text()
            assert "Netto-omzet" in voor

            # the dropdown: pick the shoe shop
            keuze = f"{schoenen} (schoenenzaak, {schoenenzaak.gemeente})"
            pagina.locator(".widget-dropdown select").select_option(label=keuze)
            expect(pagina.locator(".klantlab-kaartjes")).to_contain_text(schoenen, timeout=60_000)

            # the slider: one step to the left with the keyboard
            greep = pagina.locator(".widget-slider .noUi-handle")
            jaar = int(pagina.locator(".widget-slider .widget-readout").inner_text())
            greep.focus()
            pagina.keyboard.press("ArrowLeft")
            expect(pagina.locator(".klantlab-kaartjes")).to_contain_text(
                f"{schoenen} in {schoenenzaak.gemeente}, {jaar - 1}", timeout=60_000
            )
            na = pagina.locator(".klantlab-kaartjes").inner_text()
            assert na != voor
            assert pagina.locator(".klantlab-oefening.klantlab-juist").count() >= 5
            pagina.locator(".klantlab-kaartjes").screenshot(path=str(ARTEFACTEN / "browser_00_widget.png"))
            pagina.screenshot(path=str(ARTEFACTEN / "browser_00_welkom.png"), full_page=True)
        finally:
            browser.close()

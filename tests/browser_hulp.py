"""Real-browser test support: one JupyterLab per test session, driven by Debian's headless Chromium.

JupyterLab runs from this environment on a free localhost port and serves a temporary copy of every
solutions notebook (so autosave never touches the committed notebooks). Chromium is the Debian package
(/usr/bin/chromium), driven by Playwright without any browser download. Screenshots go to
test-artefacten/ (gitignored).

A notebook's browser test (tests/test_browser_nbNN.py) uses the ``jupyterlab`` fixture of
tests/conftest.py and `open_and_run_all`, then moves a widget and checks that its output changes.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTEN = PROJECT / "test-artefacten"
OPLOSSINGEN = PROJECT / "notebooks" / "oplossingen"
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

browser = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.is_file(), reason="/usr/bin/chromium ontbreekt (apt-get install chromium)"
    ),
]
"""``pytestmark = browser`` in a browser test module."""


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


@contextmanager
def running_jupyterlab(tmp: Path) -> Iterator[tuple[str, str]]:
    """A running JupyterLab serving copies of all solutions notebooks; yields (base url, token)."""
    werkmap = tmp / "notebooks"
    werkmap.mkdir()
    for notebook in OPLOSSINGEN.glob("[0-9][0-9]_*.ipynb"):
        shutil.copy(notebook, werkmap / notebook.name)
    instellingen = tmp / "user-settings"
    for relatief, waarden in INSTELLINGEN.items():
        pad = instellingen / relatief
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(json.dumps(waarden), encoding="utf-8")
    poort, token = free_port(), secrets.token_hex(16)
    log = tmp / "jupyterlab.log"
    omgeving = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        "KLANTLAB_PLAN": str(tmp / "mijn_plan.json"),
    }
    opdracht = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={poort}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False",
        "--ServerApp.allow_root=True", f"--ServerApp.root_dir={werkmap}",
        "--LabApp.news_url=None", "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        f"--LabApp.user_settings_dir={instellingen}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
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


@contextmanager
def chromium_page(width: int = 1400, height: int = 1000):
    """A fresh headless Chromium page (Debian's browser, no network beyond localhost)."""
    from playwright.sync_api import sync_playwright

    ARTEFACTEN.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            pagina = browser.new_page(viewport={"width": width, "height": height})
            pagina.set_default_timeout(120_000)
            yield pagina
        finally:
            browser.close()


def open_and_run_all(pagina, jupyterlab: tuple[str, str], notebook: str) -> None:
    """Open ``notebook`` (a solutions notebook's file name) in JupyterLab, wait for the kernel, run all.

    ``reset`` empties the workspace first: the server is shared by all browser tests of a session, and
    without it JupyterLab reopens the notebooks of earlier tests as hidden tabs.
    """
    basis, token = jupyterlab
    pagina.goto(f"{basis}/lab/tree/{notebook}?reset&token={token}")
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


def wait_until_all_cells_ran(pagina, timeout_ms: int = 240_000) -> None:
    """Wait until no cell is queued or running (no ``[*]`` prompt) and the kernel is idle."""
    pagina.wait_for_function(
        "() => !Array.from(document.querySelectorAll('.jp-InputArea-prompt'))"
        ".some(p => p.textContent.includes('*'))"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
        timeout=timeout_ms,
    )

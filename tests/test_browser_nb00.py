"""Real browser, notebook 00: JupyterLab + headless Chromium run the notebook and move its widget.

The JupyterLab server and Chromium come from tests/browser_hulp.py (one server per test session).
"""

from __future__ import annotations

from browser_hulp import ARTEFACTEN, browser, chromium_page, open_and_run_all

from helpers.data import laad_winkel

pytestmark = browser


def test_notebook_runs_and_widget_reacts_in_a_real_browser(jupyterlab):
    from playwright.sync_api import expect

    schoenenzaak = laad_winkel("schoenenzaak")
    schoenen = schoenenzaak.naam
    with chromium_page() as pagina:
        open_and_run_all(pagina, jupyterlab, "00_welkom.ipynb")
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

"""Real browser, notebook 06: JupyterLab + headless Chromium run the solutions notebook, a cost slider of
the whale explorer moves, and the figures on the cards are computed again.

The JupyterLab server and Chromium come from tests/browser_hulp.py (one server per test session).
"""

from __future__ import annotations

from browser_hulp import ARTEFACTEN, browser, chromium_page, open_and_run_all, wait_until_all_cells_ran

pytestmark = browser


def test_whale_explorer_reacts_to_the_wage_slider_in_a_real_browser(jupyterlab):
    from playwright.sync_api import expect

    with chromium_page() as pagina:
        open_and_run_all(pagina, jupyterlab, "06_80_20_en_rendabiliteit.ipynb")
        # the cards of this explorer only (JupyterLab may still show other notebooks of the session)
        kaartjes = pagina.locator(".klantlab-kaartjes").filter(has_text="Verlieslatende klanten")
        expect(kaartjes).to_have_count(1, timeout=240_000)
        expect(kaartjes).to_contain_text("Top van de walvis", timeout=60_000)
        kaartjes.scroll_into_view_if_needed()
        voor = kaartjes.text_content()
        assert "een uur personeel € 33,00" in voor
        verkenner = pagina.locator(".widget-vbox", has=kaartjes).last
        expect(verkenner.locator("img")).to_have_count(1)

        # the first slider is the hourly wage: one step to the right with the keyboard, 33 -> 34 euro
        uur = verkenner.locator(".widget-slider").first
        expect(uur.locator(".widget-readout")).to_have_text("33", timeout=60_000)  # rendered and ready
        uur.scroll_into_view_if_needed()
        uur.locator(".noUi-handle").focus()
        pagina.keyboard.press("ArrowRight")
        expect(kaartjes).to_contain_text("een uur personeel € 34,00", timeout=60_000)
        na = kaartjes.text_content()
        assert na != voor
        totaal_voor = voor.split("Totale winst")[1].strip().splitlines()[0]
        totaal_na = na.split("Totale winst")[1].strip().splitlines()[0]
        assert totaal_voor != totaal_na  # dearer staff time: a different total profit

        wait_until_all_cells_ran(pagina)
        assert pagina.locator(".klantlab-oefening.klantlab-juist").count() >= 7
        verkenner.screenshot(path=str(ARTEFACTEN / "browser_06_walvisverkenner.png"))
        pagina.screenshot(path=str(ARTEFACTEN / "browser_06_rendabiliteit.png"), full_page=True)

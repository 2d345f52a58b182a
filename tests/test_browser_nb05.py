"""Real browser, notebook 05: JupyterLab + headless Chromium run the solutions notebook, then the RFM map
explorer gets its checkbox ticked and a frequency cut-off moved, and the table under the map follows.

The JupyterLab server and Chromium come from tests/browser_hulp.py (one server per test session).
"""

from __future__ import annotations

from browser_hulp import ARTEFACTEN, browser, chromium_page, open_and_run_all, wait_until_all_cells_ran

from helpers.rfm import GROTE_EENMALIGE

pytestmark = browser


def test_rfm_map_follows_checkbox_and_slider_in_a_real_browser(jupyterlab):
    from playwright.sync_api import expect

    with chromium_page() as pagina:
        open_and_run_all(pagina, jupyterlab, "05_rfm_en_abc.ipynb")
        kaart = pagina.locator(".klantlab-rfmkaart")
        expect(kaart).to_have_count(1, timeout=240_000)
        expect(kaart.locator("img")).to_have_count(1)
        kaart.scroll_into_view_if_needed()
        voor = kaart.locator("table").text_content()
        assert "Kampioenen" in voor and GROTE_EENMALIGE not in voor
        verkenner = pagina.locator(".widget-vbox", has=kaart).last

        # tick "grote eenmalige kopers apart": their own row appears under the map
        verkenner.locator(".widget-checkbox input").check()
        expect(kaart.locator("table")).to_contain_text(GROTE_EENMALIGE, timeout=60_000)
        met_apart = kaart.locator("table").text_content()

        # the frequency slider (the second one): its upper handle one step right, 3 -> 4 purchase days
        frequentie = verkenner.locator(".widget-slider").nth(1)
        frequentie.scroll_into_view_if_needed()
        frequentie.locator(".noUi-handle").last.focus()
        pagina.keyboard.press("ArrowRight")
        expect(frequentie.locator(".widget-readout")).to_contain_text("4", timeout=60_000)
        expect(kaart.locator("table")).not_to_have_text(met_apart, timeout=60_000)
        assert kaart.locator("table").text_content() != met_apart

        wait_until_all_cells_ran(pagina)
        assert pagina.locator(".klantlab-oefening.klantlab-juist").count() >= 6
        verkenner.screenshot(path=str(ARTEFACTEN / "browser_05_rfmkaart.png"))
        pagina.screenshot(path=str(ARTEFACTEN / "browser_05_rfm_en_abc.png"), full_page=True)

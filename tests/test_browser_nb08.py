"""Real browser, notebook 08: JupyterLab + headless Chromium run the notebook and move its widget.

The key-driver explorer (`sleutelfactorverkenner`) draws a chart for the chosen grouping and segment;
choosing another grouping must redraw it with that segment's title and bars.
"""

from __future__ import annotations

from browser_hulp import ARTEFACTEN, browser, chromium_page, open_and_run_all, wait_until_all_cells_ran

pytestmark = browser


def test_notebook_runs_and_key_driver_explorer_reacts_in_a_real_browser(jupyterlab):
    from playwright.sync_api import expect

    with chromium_page() as pagina:
        open_and_run_all(pagina, jupyterlab, "08_tevredenheid.ipynb")
        wait_until_all_cells_ran(pagina)
        verkenner = pagina.locator(
            ".widget-vbox", has=pagina.locator("h3", has_text="Sleutelfactoren per segment")
        )
        expect(verkenner).to_have_count(1, timeout=60_000)
        verkenner.scroll_into_view_if_needed()
        figuur = verkenner.locator(".jp-OutputArea-output img")
        expect(figuur).to_have_count(1, timeout=60_000)
        voor = figuur.get_attribute("src")

        # the grouping dropdown: from A/B/C-klanten to the loyalty card; the segment list follows
        keuzes = verkenner.locator(".widget-dropdown select")
        keuzes.nth(0).select_option(label="klantenkaart")
        expect(keuzes.nth(1)).to_contain_text("met klantenkaart", timeout=60_000)
        expect(figuur).not_to_have_attribute("src", voor, timeout=60_000)
        na_indeling = figuur.get_attribute("src")

        # the segment dropdown: the other card group gets its own chart
        keuzes.nth(1).select_option(index=1)
        expect(figuur).not_to_have_attribute("src", na_indeling, timeout=60_000)

        assert pagina.locator(".klantlab-oefening.klantlab-juist").count() == 6
        verkenner.screenshot(path=str(ARTEFACTEN / "browser_08_sleutelfactoren.png"))
        pagina.screenshot(path=str(ARTEFACTEN / "browser_08_tevredenheid.png"), full_page=True)

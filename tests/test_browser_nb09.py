"""Real browser, notebook 09: JupyterLab + headless Chromium run the notebook and use the campaign planner.

Choosing another channel must change the list size; moving the start into June (a discount on
clothing in the pre-sales ban) must bring up the ban warning, and taking the discount away must
remove it again.
"""

from __future__ import annotations

from browser_hulp import ARTEFACTEN, browser, chromium_page, open_and_run_all, wait_until_all_cells_ran

pytestmark = browser


def test_notebook_runs_and_campaign_planner_reacts_in_a_real_browser(jupyterlab):
    from playwright.sync_api import expect

    with chromium_page() as pagina:
        open_and_run_all(pagina, jupyterlab, "09_communicatie.ipynb")
        wait_until_all_cells_ran(pagina)
        planner = pagina.locator(".widget-vbox", has=pagina.locator("h3", has_text="Plan een actie"))
        expect(planner).to_have_count(1, timeout=60_000)
        planner.scroll_into_view_if_needed()
        kaartjes = planner.locator(".klantlab-kaartjes")
        expect(kaartjes).to_contain_text("Mag je aanschrijven", timeout=60_000)
        voor = kaartjes.text_content()
        assert "via e-mail" in voor

        # the channel dropdown: post instead of e-mail gives another list and another cost
        kanaal = planner.locator(".widget-dropdown", has=pagina.locator("label", has_text="Kanaal")).locator(
            "select"
        )
        kanaal.select_option(label="post")
        expect(kaartjes).to_contain_text("via post", timeout=60_000)
        assert kaartjes.text_content() != voor

        # the start date: a 10% discount starting on 5 June falls in the pre-sales ban
        waarschuwing = planner.locator(".klantlab-sperwaarschuwing")
        expect(waarschuwing).to_have_count(0)
        datum = planner.locator(".widget-datepicker input")
        jaar = datum.input_value()[:4]
        datum.fill(f"{jaar}-06-05")
        datum.press("Enter")
        expect(waarschuwing).to_contain_text("sperperiode", timeout=60_000)
        planner.screenshot(path=str(ARTEFACTEN / "browser_09_sperwaarschuwing.png"))

        # no discount: a contest may run in June
        korting = planner.locator(".widget-slider", has=pagina.locator("label", has_text="Korting"))
        greep = korting.locator(".noUi-handle")
        greep.focus()
        pagina.keyboard.press("Home")
        expect(korting.locator(".widget-readout")).to_have_text("0", timeout=60_000)
        expect(waarschuwing).to_have_count(0, timeout=60_000)

        assert pagina.locator(".klantlab-oefening.klantlab-juist").count() == 6
        planner.screenshot(path=str(ARTEFACTEN / "browser_09_campagneplanner.png"))
        pagina.screenshot(path=str(ARTEFACTEN / "browser_09_communicatie.png"), full_page=True)

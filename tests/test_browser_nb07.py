"""Real browser, notebook 07: JupyterLab + headless Chromium run the solutions notebook, the survival
slider of the lifetime-value explorer moves one step, and the cards show a higher customer value.

The JupyterLab server and Chromium come from tests/browser_hulp.py (one server per test session).
"""

from __future__ import annotations

import re

from browser_hulp import ARTEFACTEN, browser, chromium_page, open_and_run_all, wait_until_all_cells_ran

pytestmark = browser


def euro_op_kaart(tekst: str, label: str) -> int:
    """The whole-euro amount right after ``label`` on the cards ("€ 1.234" -> 1234)."""
    bedrag = re.search(re.escape(label) + r"\s*€\s*([\d.]+)", tekst)
    assert bedrag, (label, tekst)
    return int(bedrag.group(1).replace(".", ""))


def test_lifetime_value_explorer_reacts_to_the_survival_slider_in_a_real_browser(jupyterlab):
    from playwright.sync_api import expect

    with chromium_page() as pagina:
        open_and_run_all(pagina, jupyterlab, "07_klantentrouw.ipynb")
        kaartjes = pagina.locator(".klantlab-kaartjes").filter(has_text="Klantwaarde (CLV)")
        expect(kaartjes).to_have_count(1, timeout=240_000)
        kaartjes.scroll_into_view_if_needed()
        voor = kaartjes.text_content()
        verkenner = pagina.locator(".widget-vbox", has=kaartjes).last

        # the first slider is the survival rate (blijfkans): one step to the right, +1 percentage point
        blijf = verkenner.locator(".widget-slider").first
        expect(blijf.locator(".widget-readout")).to_have_text(re.compile(r"\d+%"), timeout=60_000)
        start = int(blijf.locator(".widget-readout").text_content().strip().rstrip("%"))
        assert f"Blijfkans {start}%" in voor
        blijf.scroll_into_view_if_needed()
        blijf.locator(".noUi-handle").focus()
        pagina.keyboard.press("ArrowRight")
        expect(kaartjes).to_contain_text(f"Blijfkans {start + 1}%", timeout=60_000)
        na = kaartjes.text_content()
        # a customer who stays longer is worth more, and so may a new customer cost more;
        # the value with the repeat rate does not depend on the survival slider
        assert euro_op_kaart(na, "Klantwaarde (CLV)") > euro_op_kaart(voor, "Klantwaarde (CLV)")
        label_nieuw = "Een nieuwe klant mag hoogstens kosten"
        assert euro_op_kaart(na, label_nieuw) > euro_op_kaart(voor, label_nieuw)
        label_herhaal = "Met de herhaalkans zou je zeggen"
        assert euro_op_kaart(na, label_herhaal) == euro_op_kaart(voor, label_herhaal)

        wait_until_all_cells_ran(pagina)
        assert pagina.locator(".klantlab-oefening.klantlab-juist").count() >= 7
        verkenner.screenshot(path=str(ARTEFACTEN / "browser_07_klantwaardeverkenner.png"))
        pagina.screenshot(path=str(ARTEFACTEN / "browser_07_klantentrouw.png"), full_page=True)

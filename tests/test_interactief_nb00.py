"""Notebook 00 explorer (helpers.interactief.nb00_welkom): the year figures of a shop, by hand."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from test_oefeningen import mini_winkel

from helpers.controle import InvoerFout
from helpers.interactief import jaarcijfers, winkelverkenner


def test_year_figures_of_the_mini_shop_by_hand():
    cijfers = jaarcijfers(mini_winkel(), 2025)
    assert cijfers == {
        "Actieve klanten": "3",  # K1, K2, K3
        "Waarvan nieuw": "3",  # first year of the log: everybody is new
        "Netto-omzet": "€ 345",  # 100 + 20 + 50 + 80 - 30 + 40 + 60 + 25
        "Aankooptickets": "7",  # all but the return T5
        "Gemiddeld ticket": "€ 49,29",  # 345 / 7 = 49.2857
        "Omzet zonder klantenkaart": "26,1%",  # (50 + 40) / 345 = 0.2609
    }
    with pytest.raises(InvoerFout, match="Geen tickets in 2019"):
        jaarcijfers(mini_winkel(), 2019)


def sport_shop():
    """The mini shop one year earlier (2024), under another name, with every amount doubled."""
    w = mini_winkel()
    tickets = w.tickets.assign(
        datum=w.tickets["datum"] - pd.DateOffset(years=1), bedrag=w.tickets["bedrag"] * 2
    )
    return dataclasses.replace(w, profiel="sportzaak", naam="Mini Sport", gemeente="Bilzen", tickets=tickets)


def test_shop_explorer_follows_dropdown_and_slider():
    v = winkelverkenner({"kledingzaak": mini_winkel(), "sportzaak": sport_shop()})
    keuzelijst, schuif = v.bedieningen["winkel"], v.bedieningen["jaar"]
    assert (schuif.min, schuif.max, schuif.value) == (2024, 2025, 2025)
    assert [label for label, _ in keuzelijst.options] == [
        "Mini (kledingzaak, Leuven)",
        "Mini Sport (sportzaak, Bilzen)",
    ]
    assert "Mini in Leuven, 2025" in v.inhoud.data and "€ 345<" in v.inhoud.data
    keuzelijst.value = "sportzaak"
    assert "Geen tickets in 2025" in v.inhoud.data  # the sport shop only sold in 2024
    schuif.value = 2024
    html = v.uitvoer.outputs[0]["data"]["text/html"]
    assert html == v.inhoud.data
    assert "Mini Sport in Bilzen, 2024" in html and "€ 690<" in html  # 2 x 345


def test_shop_explorer_needs_a_shop():
    with pytest.raises(InvoerFout, match="minstens één winkel"):
        winkelverkenner({})

"""interactief.walvisverkenner (notebook 06): moving a cost slider redraws the hand-computed whale curve."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.interactief import walvisverkenner
from helpers.rendabiliteit import Tarieven


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


# Three customers (the counts of winst_per_klant, no write-off, no complaints, no campaigns):
#   A: margin 200, 2 webshop orders, 60 staff minutes
#   B: margin 100, 1 shop return, 1 alteration, 120 staff minutes
#   C: margin  40, 4 webshop orders, 1 webshop return, 0 minutes
WINST = pd.DataFrame(
    {
        "brutomarge": [200.0, 100.0, 40.0],
        "teruggebracht": [0.0, 0.0, 0.0],
        "webshopbestellingen": [2, 0, 4],
        "retouren": [0, 1, 1],
        "webshopretouren": [0, 0, 1],
        "minuten": [60.0, 120.0, 0.0],
        "retouches": [0, 1, 0],
        "klachten": [0, 0, 0],
        "kost_acties": [0.0, 0.0, 0.0],
    },
    index=pd.Index(["A", "B", "C"], name="klant_id"),
)
BASIS = Tarieven(per_minuut_personeel=0.5, per_webshopbestelling=5.0, per_retour=4.0, per_retouche=8.0,
                 extra_per_webshopretour=6.0, afschrijving_retour=0.0)  # fmt: skip


def curve(v) -> np.ndarray:
    lijn = next(x for x in v.inhoud.figuur.axes[0].get_lines() if x.get_label() == "cumulatieve winst")
    return np.asarray(lijn.get_ydata())


def test_start_values_are_the_given_rates_and_the_curve_is_hand_computed():
    v = walvisverkenner(WINST, "Mini", BASIS)
    assert v.waarden() == {"uurloon": 30, "pakje": 5.0, "retour": 4.0, "retouche": 8.0}
    # A: 200 - 10 - 30 = 160; B: 100 - 4 - 60 - 8 = 28; C: 40 - 20 - (4 + 6) = 10 -> total 198
    np.testing.assert_allclose(curve(v), [0, 160 / 198, 188 / 198, 1.0])
    assert v.inhoud.verlieslatend == 0
    assert "Totale winst" in v.inhoud.kaart.data and "€ 198" in v.inhoud.kaart.data


def test_a_higher_wage_makes_b_lose_money_and_raises_the_whale():
    v = walvisverkenner(WINST, "Mini", BASIS)
    v.bedieningen["uurloon"].value = 60  # 1 euro a minute
    # A: 200 - 10 - 60 = 130; B: 100 - 4 - 120 - 8 = -32; C: 10 -> total 108, peak (130 + 10) / 108
    assert v.inhoud.verlieslatend == 1
    assert v.inhoud.top.hoogte == pytest.approx(140 / 108)
    np.testing.assert_allclose(curve(v), [0, 130 / 108, 140 / 108, 1.0])
    tekst = v.inhoud.kaart.data
    assert "1 (33,3%)" in tekst and "130% van de winst" in tekst and ">€ 32<" in tekst


def test_dearer_parcels_hit_the_webshop_customer():
    v = walvisverkenner(WINST, "Mini", BASIS)
    v.bedieningen["pakje"].value = 10.0
    # C: 40 - 40 - 10 = -10 (A: 200 - 20 - 30 = 150; B: 28) -> total 168
    assert v.inhoud.verlieslatend == 1
    assert v.inhoud.top.hoogte == pytest.approx(178 / 168)
    assert "<img" in v.inhoud._repr_html_()


def test_when_customers_cost_more_than_they_bring_there_is_no_whale():
    v = walvisverkenner(WINST, "Mini", BASIS)
    v.bedieningen["uurloon"].value = 80
    v.bedieningen["pakje"].value = 15.0
    v.bedieningen["retouche"].value = 30.0
    # A: 200 - 30 - 80 = 90; B: 100 - 4 - 160 - 30 = -94; C: 40 - 60 - 10 = -30 -> total -34
    assert v.inhoud.top is None and v.inhoud.figuur is None
    assert v.inhoud.verlieslatend == 2
    assert "geen walvis" in v.inhoud._repr_html_()


def test_a_table_without_the_counts_is_refused_at_once():
    with pytest.raises(InvoerFout, match="minuten"):
        walvisverkenner(WINST.drop(columns="minuten"))

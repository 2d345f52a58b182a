"""interactief.rfm_kaartverkenner (notebook 05): the map follows the sliders, by hand on the mini shop.

The mini shop is the one of tests/test_oefeningen_nb05.py (recency K1 11, K2 46, K3 1,027, K4 711, K5 762,
K6 30, K7 244 days; purchase days K1 6, K2 4, K3 1, K4 1, K5 5, K6 1, K7 2; revenue 4,525.40). You may
write to K1, K3, K5 and K6 (K2 unsubscribed, K4 gave no consent, K7 ignored the last three actions).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from test_oefeningen_nb05 import OMZET, mini_winkel05

from helpers import grafieken
from helpers.interactief import rfm_kaartverkenner
from helpers.rfm import GROTE_EENMALIGE


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


@pytest.fixture(scope="module")
def verkenner():
    return rfm_kaartverkenner(mini_winkel05())


def rijen(v) -> dict[str, tuple[int, float, int]]:
    tabel = v.inhoud.tabel
    return {
        str(s): (int(r["klanten"]), round(float(r["aandeel_omzet"]), 4), int(r["op_de_lijst"]))
        for s, r in tabel.iterrows()
    }


def test_default_cut_offs_by_hand(verkenner):
    assert verkenner.waarden() == {"recency": (182, 365), "frequentie": (1, 3), "grote_eenmalige": False}
    # R 3 up to 182 days, 2 up to 365, else 1; F 1 for one day, 2 for 2-3 days, 3 above
    #   K1 (3, 3) K2 (3, 3) Kampioenen; K3 (1, 1) K4 (1, 1) Slapend; K5 (1, 3) Niet laten gaan;
    #   K6 (3, 1) Nieuwe klanten; K7 (2, 2) Aandacht nodig
    assert rijen(verkenner) == {
        "Kampioenen": (2, round((726 + 484) / OMZET, 4), 1),
        "Nieuwe klanten": (1, round(60.5 / OMZET, 4), 1),
        "Aandacht nodig": (1, round(193.6 / OMZET, 4), 0),
        "Niet laten gaan": (1, round(605 / OMZET, 4), 1),
        "Slapend": (2, round((2420 + 36.3) / OMZET, 4), 1),
    }
    assert verkenner.inhoud.tabel.loc["Slapend", "actie"].startswith("hooguit een goedkope heractivering")
    ax = verkenner.inhoud.figuur.axes[0]
    rijlabels = [t.get_text() for t in ax.get_yticklabels()]
    assert rijlabels == ["na 365 dagen", "183 tot 365 dagen", "tot 182 dagen"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1 keer", "2 tot 3 keer", "meer dan 3 keer"]


def test_moving_the_sliders_moves_customers(verkenner):
    try:
        verkenner.bedieningen["recency"].value = (30, 365)
        # K2 (46 days) is no longer recent: R 2, F 3 -> Trouwe klanten; K6 (30 days) stays new
        assert rijen(verkenner)["Kampioenen"] == (1, round(726 / OMZET, 4), 1)
        assert rijen(verkenner)["Trouwe klanten"] == (1, round(484 / OMZET, 4), 0)
        verkenner.bedieningen["frequentie"].value = (1, 5)
        # F 3 now needs more than 5 days: only K1 (6); K2 (4) and K5 (5) move to F 2
        assert rijen(verkenner)["Kampioenen"][0] == 1
        assert "Bijna kwijt" in rijen(verkenner) and "Niet laten gaan" not in rijen(verkenner)
        labels = [t.get_text() for t in verkenner.inhoud.figuur.axes[0].get_xticklabels()]
        assert labels == ["1 keer", "2 tot 5 keer", "meer dan 5 keer"]
    finally:
        verkenner.bedieningen["recency"].value = (182, 365)
        verkenner.bedieningen["frequentie"].value = (1, 3)


def test_big_one_time_buyers_leave_the_sleepers(verkenner):
    try:
        verkenner.bedieningen["grote_eenmalige"].value = True
        # M in three quantile classes: K3 (2,420) is in the top third and bought once -> apart
        assert rijen(verkenner)["Slapend"] == (1, round(36.3 / OMZET, 4), 0)
        assert rijen(verkenner)[GROTE_EENMALIGE] == (1, round(2420 / OMZET, 4), 1)
        html = verkenner.inhoud._repr_html_()
        assert "data:image/png;base64," in html and GROTE_EENMALIGE in html and "53,5%" in html
    finally:
        verkenner.bedieningen["grote_eenmalige"].value = False


def test_equal_cut_offs_get_an_explanation(verkenner):
    try:
        verkenner.bedieningen["frequentie"].value = (3, 3)
        assert "twee verschillende grenzen" in verkenner.inhoud.data
    finally:
        verkenner.bedieningen["frequentie"].value = (1, 3)

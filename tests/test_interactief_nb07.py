"""interactief.klantwaardeverkenner (notebook 07): the cards are the hand-computed lifetime values."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.interactief import klantwaardeverkenner
from helpers.interactief.nb07_klantentrouw import klantwaarde_cijfers
from helpers.trouw import Retentie

RETENTIE = Retentie(herhaalkans=0.48, blijfkans=0.8, koopkans=0.6)


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


def test_figures_by_hand():
    # margin 300 x 0.4 = 120; CLV 0.6 x 120 x 0.8 / (1.1 - 0.8) = 192; new customer 120 + 192 = 312;
    # with the repeat rate 120 x 0.48 / (1.1 - 0.48) = 92.90
    c = klantwaarde_cijfers(300.0, 0.4, 0.8, 0.1, 0.6, 0.48)
    assert c["marge_per_koopjaar"] == pytest.approx(120.0)
    assert c["klantwaarde"] == pytest.approx(192.0)
    assert c["nieuwe_klant"] == pytest.approx(312.0)
    assert c["met_herhaalkans"] == pytest.approx(120 * 0.48 / 0.62)


def test_moving_the_sliders_changes_the_cards():
    v = klantwaardeverkenner(300.0, RETENTIE, marge=0.4)
    assert v.waarden() == {"blijfkans": 0.8, "marge": 0.4, "disconteringsvoet": 0.1}
    voor = v.inhoud.data
    assert "€ 192" in voor and "€ 312" in voor and "€ 93" in voor
    # higher retention: 0.6 x 120 x 0.9 / 0.2 = 324; the repeat-rate card does not move
    v.bedieningen["blijfkans"].value = 0.9
    assert "€ 324" in v.inhoud.data and "€ 444" in v.inhoud.data and "€ 93" in v.inhoud.data
    # higher margin: 300 x 0.5 = 150 -> 0.6 x 150 x 4.5 = 405
    v.bedieningen["marge"].value = 0.5
    assert "€ 405" in v.inhoud.data
    # no discounting: 0.6 x 150 x 0.9 / 0.1 = 810
    v.bedieningen["disconteringsvoet"].value = 0.0
    assert "€ 810" in v.inhoud.data
    assert v.inhoud.data != voor


def test_refuses_a_missing_survival_rate():
    with pytest.raises(InvoerFout, match="blijfkans"):
        klantwaardeverkenner(300.0, Retentie(0.5, float("nan"), float("nan")))
    with pytest.raises(InvoerFout, match="groter dan 0"):
        klantwaardeverkenner(0.0, RETENTIE)

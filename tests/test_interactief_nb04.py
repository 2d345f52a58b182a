"""interactief.kaartverkenner and personaverkenner (notebook 04): they show what the library computes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.data import laad_winkel
from helpers.interactief import kaartverkenner, personaverkenner
from helpers.persona import segmenteer
from helpers.positie import perceptuele_kaart


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


@pytest.fixture(scope="module")
def winkels():
    return {p: laad_winkel(p) for p in ("kledingzaak", "schoenenzaak")}


def test_kaartverkenner_points_are_the_mean_scores(winkels):
    v = kaartverkenner(winkels)
    v.bedieningen["winkel"].value = "schoenenzaak"
    v.bedieningen["x"].value = "kwaliteit"
    v.bedieningen["y"].value = "sfeer"
    ax = v.inhoud.axes[0]
    kaart = perceptuele_kaart(winkels["schoenenzaak"].enquete, assen=("kwaliteit", "sfeer"))
    punten = {t.get_text(): t.xy for t in ax.texts}
    assert set(punten) == set(kaart["naam"])
    for _, rij in kaart.iterrows():
        assert punten[rij["naam"]] == pytest.approx((rij["x"], rij["y"]))
    assert ax.get_xlabel().startswith("kwaliteit")
    assert winkels["schoenenzaak"].naam in ax.get_title()


def test_kaartverkenner_same_axis_twice_warns(winkels):
    v = kaartverkenner(winkels)
    v.bedieningen["y"].value = "prijs"
    assert "twee verschillende items" in v.inhoud.data
    with pytest.raises(InvoerFout, match="minstens één winkel"):
        kaartverkenner({})


def test_personaverkenner_follows_shop_and_segment(winkels):
    v = personaverkenner(winkels, k=3)
    w = winkels["schoenenzaak"]
    v.bedieningen["winkel"].value = "schoenenzaak"
    verwacht = segmenteer(w.tickets, w.ticketlijnen, w.producten, w.klanten, w.peildatum, k=3)
    assert [waarde for _, waarde in v.bedieningen["segment"].options] == [1, 2, 3]
    v.bedieningen["segment"].value = 3
    assert v.inhoud == verwacht.personas[3]
    assert v.uitvoer.outputs[0]["data"]["text/html"] == verwacht.personas[3].html()
    with pytest.raises(InvoerFout, match="minstens één winkel"):
        personaverkenner({})

"""The building blocks of the widgets (helpers.interactief.basis), without a browser: set the controls
in Python, check what the explorer shows. The explorers of each notebook: test_interactief_nbNN.py."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.interactief import Verkenner, kaartjes


def test_explorer_rerenders_on_every_change():
    oproepen = []

    def toon(prijs: float, aantal: int) -> str:
        oproepen.append((prijs, aantal))
        return f"{aantal} x {prijs} = {aantal * prijs}"

    v = Verkenner(
        toon,
        {"prijs": widgets.FloatSlider(value=2.5, min=0, max=10), "aantal": widgets.IntSlider(value=2)},
        titel="Rekenmachine",
    )
    assert v.inhoud == "2 x 2.5 = 5.0"
    v.bedieningen["aantal"].value = 4
    assert v.inhoud == "4 x 2.5 = 10.0"
    assert v.uitvoer.outputs[0]["data"]["text/plain"] == "'4 x 2.5 = 10.0'"
    assert len(v.uitvoer.outputs) == 1
    v.bedieningen["prijs"].value = 1.0
    assert oproepen == [(2.5, 2), (2.5, 4), (1.0, 4)]
    assert v.waarden() == {"prijs": 1.0, "aantal": 4}
    assert "Rekenmachine" in v.children[0].value
    assert list(v.children[1].children) == list(v.bedieningen.values())


def test_cards_escape_their_text():
    assert "&lt;b&gt;" in kaartjes({"<b>": "1"}).data

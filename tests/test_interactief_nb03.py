"""interactief.aantrekkelijkheidsverkenner (notebook 03): the bars are the hand-computed weighted scores."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.interactief import aantrekkelijkheidsverkenner


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


# Three segments. Min-max scores per criterion (worst 0, best 100), by hand:
#   grootte (aandeel 0.5 / 0.3 / 0.2):               A 100, B (0.3-0.2)/0.3 = 33.33, C 0
#   waarde (monetair 100 / 400 / 250):               A 0,   B 100,                  C 50
#   groei (120/100-1 = 0.2, 90/100-1 = -0.1, 0):     A 100, B 0,                    C 0.1/0.3 = 33.33
#   bereikbaarheid (0.4 / 0.8 / 0.6):                A 0,   B 100,                  C 50
PROFIEL = pd.DataFrame(
    {
        "aantal": [50, 30, 20],
        "aandeel": [0.5, 0.3, 0.2],
        "monetair": [100.0, 400.0, 250.0],
        "omzet_laatste_12m": [120.0, 90.0, 100.0],
        "omzet_vorige_12m": [100.0, 100.0, 100.0],
        "aandeel_bereikbaar": [0.4, 0.8, 0.6],
    },
    index=pd.Index(["A", "B", "C"], name="segment"),
)
NAMEN = {"A": "Buurtklanten", "B": "Grote besteders", "C": "Soldenjagers"}


def staven(v) -> dict[str, float]:
    ax = v.inhoud.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    return dict(zip(labels, (p.get_width() for p in ax.patches), strict=True))


def test_equal_weights_rank_the_segments_by_the_mean_of_the_four_scores():
    v = aantrekkelijkheidsverkenner(PROFIEL, NAMEN)
    assert v.waarden() == {"grootte": 1, "waarde": 1, "groei": 1, "bereikbaarheid": 1}
    getekend = staven(v)
    # A (100 + 0 + 100 + 0) / 4 = 50; B (33.33 + 100 + 0 + 100) / 4 = 58.33;
    # C (0 + 50 + 33.33 + 50) / 4 = 33.33
    assert list(getekend) == [
        "Grote besteders (segment B)",
        "Buurtklanten (segment A)",
        "Soldenjagers (segment C)",
    ]
    np.testing.assert_allclose(list(getekend.values()), [175 / 3, 50.0, 100 / 3])


def test_moving_a_slider_reranks():
    v = aantrekkelijkheidsverkenner(PROFIEL, NAMEN)
    for criterium in ("waarde", "groei", "bereikbaarheid"):
        v.bedieningen[criterium].value = 0
    v.bedieningen["grootte"].value = 5
    # only size counts: A 100, B 33.33, C 0
    getekend = staven(v)
    assert next(iter(getekend)) == "Buurtklanten (segment A)"
    np.testing.assert_allclose(list(getekend.values()), [100.0, 100 / 3, 0.0], atol=1e-9)
    v.bedieningen["waarde"].value = 5
    # size and value equally: A (100 + 0) / 2 = 50, B (33.33 + 100) / 2 = 66.67, C (0 + 50) / 2 = 25
    np.testing.assert_allclose(list(staven(v).values()), [200 / 3, 50.0, 25.0])


def test_unnamed_segments_and_all_weights_zero():
    v = aantrekkelijkheidsverkenner(PROFIEL)
    assert "segment B" in staven(v)
    for bediening in v.bedieningen.values():
        bediening.value = 0
    assert "Minstens één gewicht" in v.inhoud.data


def test_a_profile_without_reachability_is_refused_at_once():
    with pytest.raises(InvoerFout, match="aandeel_bereikbaar"):
        aantrekkelijkheidsverkenner(PROFIEL.drop(columns="aandeel_bereikbaar"))

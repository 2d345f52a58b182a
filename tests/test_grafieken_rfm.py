"""grafieken.segmentkaart (notebook 05): one box per segment, with hand-counted customers and shares."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.grafieken.rfm import segmentkaart, segmentvakken
from helpers.rfm import GROTE_EENMALIGE, SEGMENTEN, SEGMENTKAART, rfm_segmenten


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


# Four customers on the standard 5-class map: two Kampioenen (900 + 300), one Slapend (60) and one
# one-time buyer who spent 1,740 long ago (R 1, F 1, M 5). Revenue 3,000.
SEGMENTEN_HAND = rfm_segmenten(
    pd.DataFrame(
        {
            "R": [5, 5, 1, 1],
            "F": [5, 4, 1, 1],
            "M": [4, 3, 1, 5],
            "recency": [3, 10, 500, 700],
            "frequentie": [9, 6, 1, 1],
            "monetair": [900.0, 300.0, 60.0, 1740.0],
        },
        index=pd.Index(["K1", "K2", "K3", "K4"], name="klant_id"),
    )
)


def vakteksten(fig) -> dict[str, list[str]]:
    """Box text per segment name: {name: [customers line, share line]}."""
    return {t.get_text().split("\n")[0]: t.get_text().split("\n")[1:] for t in fig.axes[0].texts}


def test_every_segment_is_one_rectangle_covering_its_cells():
    vakken = segmentvakken(5)
    assert set(vakken.index) == set(SEGMENTEN.index)
    bedekt = np.zeros((5, 5), dtype=int)
    for naam, vak in vakken.iterrows():
        for r in range(vak["r_van"], vak["r_tot"] + 1):
            for f in range(vak["f_van"], vak["f_tot"] + 1):
                assert SEGMENTKAART.loc[r, f] == naam
                bedekt[r - 1, f - 1] += 1
    assert (bedekt == 1).all()  # every cell in exactly one box
    # three classes: the 1, 3, 5 rows and columns of the map, one cell each; no 'Veelbelovend'
    drie = segmentvakken(3)
    assert len(drie) == 9 and "Veelbelovend" not in drie.index
    assert drie.loc["Bijna kwijt"].tolist() == [1, 1, 2, 2]


def test_boxes_show_the_hand_counted_customers_and_revenue_share():
    fig = segmentkaart(SEGMENTEN_HAND)
    teksten = vakteksten(fig)
    assert len(fig.axes[0].patches) == len(SEGMENTEN)  # one box per segment, empty ones too
    assert teksten["Kampioenen"] == ["2 klanten", "40,0% van de omzet"]  # (900 + 300) / 3000
    assert teksten["Slapend"] == ["2 klanten", "60,0% van de omzet"]  # (60 + 1740) / 3000
    assert teksten["Trouwe klanten"] == ["0 klanten", "0,0% van de omzet"]
    # the darkest box is the biggest share: Slapend
    ax = fig.axes[0]
    donkerste = min(ax.patches, key=lambda p: sum(p.get_facecolor()[:3]))
    assert (donkerste.get_x(), donkerste.get_y()) == (0.5, 0.5)  # F 1-2, R 1-2
    assert ax.get_xlabel().startswith("F: hoe vaak") and ax.get_ylabel().startswith("R: hoe recent")


def test_big_one_time_buyers_are_named_below_the_map():
    met = rfm_segmenten(
        SEGMENTEN_HAND[["R", "F", "M", "recency", "frequentie", "monetair"]], grote_eenmalige=4
    )
    fig = segmentkaart(met, titel="Met de grote eenmalige kopers apart")
    teksten = vakteksten(fig)
    assert teksten["Slapend"] == ["1 klant", "2,0% van de omzet"]  # 60 / 3000
    onder = [t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("Apart")]
    assert onder == [f"Apart, niet op de kaart: 1 {GROTE_EENMALIGE.lower()}, 58,0% van de omzet"]
    assert fig.axes[0].get_title() == "Met de grote eenmalige kopers apart"


def test_three_classes_and_errors():
    drie = rfm_segmenten(
        pd.DataFrame({"R": [3, 1], "F": [3, 2]}).assign(
            recency=[5, 800], frequentie=[7, 2], monetair=[500.0, 500.0]
        ),
        klassen=3,
    )
    fig = segmentkaart(drie, klassen=3)
    assert len(fig.axes[0].patches) == 9
    assert vakteksten(fig)["Bijna kwijt"] == ["1 klant", "50,0% van de omzet"]
    assert fig.axes[0].get_xlim() == (0.5, 3.5)
    with pytest.raises(InvoerFout, match="mist de kolom 'segment'"):
        segmentkaart(drie.drop(columns="segment"))
    with pytest.raises(InvoerFout, match="van 2 tot 20"):
        segmentkaart(drie, klassen=1)

"""grafieken.walvisgrafiek and grafieken.winstbrug (notebook 06): what is drawn is the hand-computed curve."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.rendabiliteit import walviscurve


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


# five customers: 300, 100, 0, -50, -150 -> total 200; cumulative 300, 400, 400, 350, 200
WINST = pd.Series([-50.0, 300.0, 0.0, 100.0, -150.0], index=list("abcde"))


def test_whale_line_starts_at_zero_and_follows_the_cumulative_share():
    fig = grafieken.walvisgrafiek(walviscurve(WINST), titel="Mini")
    ax = fig.axes[0]
    lijn = next(x for x in ax.get_lines() if x.get_label() == "cumulatieve winst")
    np.testing.assert_allclose(lijn.get_xdata(), [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    np.testing.assert_allclose(lijn.get_ydata(), [0, 1.5, 2.0, 2.0, 1.75, 1.0])
    # the peak is the first point at 200% (after two customers, 40%)
    assert ax.texts[0].get_text() == "top: 200% van de winst\nbij 40% van de klanten"
    assert ax.get_title() == "Mini"


def test_the_loss_making_tail_is_shaded_and_counted():
    ax = grafieken.walvisgrafiek(walviscurve(WINST)).axes[0]
    labels = ax.get_legend_handles_labels()[1]
    assert "2 klanten met verlies" in labels
    staart = ax.collections[0].get_paths()[0].vertices
    # the shaded area starts where the first loss-making customer's drop begins (after c, at 60%)
    # and runs to 100%; d's drop is the segment from 60% to 80%
    assert staart[:, 0].min() == pytest.approx(0.6)
    assert staart[:, 0].max() == pytest.approx(1.0)


def test_without_losses_there_is_no_tail():
    ax = grafieken.walvisgrafiek(walviscurve(pd.Series([5.0, 3.0, 2.0]))).axes[0]
    assert not ax.collections
    assert ax.texts[0].get_text() == "top: 100% van de winst\nbij 100% van de klanten"


def test_bridge_from_margin_to_profit_hand_computed():
    winst = pd.DataFrame(
        {
            "brutomarge": [600.0, 400.0],
            "kost_personeel": [300.0, 100.0],
            "kost_verzending": [20.0, 30.0],
            "kost_retouren": [0.0, 50.0],
            "kost_acties": [0.0, 0.0],  # zero costs are left out
            "winst": [280.0, 220.0],
        }
    )
    ax = grafieken.winstbrug(winst).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["brutomarge", "personeelstijd", "verzending", "retours afhandelen", "winst"]
    # margin 1000; staff 400 from 600 to 1000; shipping 50 from 550; returns 50 from 500; profit 500
    np.testing.assert_allclose([p.get_x() for p in ax.patches], [0, 600, 550, 500, 0])
    np.testing.assert_allclose([p.get_width() for p in ax.patches], [1000, 400, 50, 50, 500])
    assert [t.get_text() for t in ax.texts] == ["€ 1.000", "− € 400", "− € 50", "− € 50", "€ 500"]


def test_bridge_refuses_a_table_whose_costs_do_not_add_up():
    with pytest.raises(InvoerFout, match="niet de winst"):
        grafieken.winstbrug(pd.DataFrame({"brutomarge": [100.0], "kost_personeel": [10.0], "winst": [50.0]}))
    with pytest.raises(InvoerFout, match="'winst'"):
        grafieken.winstbrug(pd.DataFrame({"brutomarge": [100.0]}))
    with pytest.raises(InvoerFout, match="aandeel_winst"):
        grafieken.walvisgrafiek(pd.DataFrame({"aandeel_klanten": [1.0], "winst": [1.0]}))

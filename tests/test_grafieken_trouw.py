"""grafieken.cohortkaart, backtestgrafiek, blijfcurve (notebook 07): what is drawn is the table given."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


def test_cohort_map_shows_each_observed_cell_as_a_percentage():
    tabel = pd.DataFrame(
        [[1.0, 0.5, 0.25], [1.0, 0.4, np.nan], [1.0, np.nan, np.nan]],
        index=pd.PeriodIndex(["2023", "2024", "2025"], freq="Y", name="cohort"),
    )
    fig = grafieken.cohortkaart(tabel, titel="Cohorten")
    ax = fig.axes[0]
    # 6 observed cells, row by row; empty cells get no number
    assert [t.get_text() for t in ax.texts] == ["100%", "50%", "25%", "100%", "40%", "100%"]
    beeld = ax.images[0].get_array()
    assert beeld.mask.sum() == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2023", "2024", "2025"]
    assert ax.get_title() == "Cohorten"
    with pytest.raises(InvoerFout, match="cohort_tabel"):
        grafieken.cohortkaart(tabel[0])


def test_backtest_bars_stack_the_stayers_and_the_returners():
    vergelijking = pd.DataFrame(
        {"verloren": [20, 10], "kwamen_terug": [6, 1], "bleven_weg": [14, 9], "trefzekerheid": [0.7, 0.9]},
        index=pd.Index([365, 540], name="verloren_na"),
    )
    ax = grafieken.backtestgrafiek(vergelijking).axes[0]
    hoogtes = [p.get_height() for p in ax.patches]
    onderkant = [p.get_y() for p in ax.patches]
    assert hoogtes == [14, 9, 6, 1]  # first the stayers, then the returners on top
    assert onderkant == [0, 0, 14, 9]
    assert [t.get_text() for t in ax.texts] == ["70% klopte", "90% klopte"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["365 dagen", "540 dagen"]
    with pytest.raises(InvoerFout, match="trefzekerheid"):
        grafieken.backtestgrafiek(vergelijking.drop(columns="trefzekerheid"))


def test_survival_curves_are_powers_of_the_two_rates():
    ax = grafieken.blijfcurve(0.5, 0.8, jaren=3).axes[0]
    blijf, herhaal = ax.lines
    np.testing.assert_allclose(blijf.get_ydata(), [1, 0.8, 0.64, 0.512])
    np.testing.assert_allclose(herhaal.get_ydata(), [1, 0.5, 0.25, 0.125])
    assert "blijfkans 80%" in blijf.get_label() and "herhaalkans 50%" in herhaal.get_label()
    with pytest.raises(InvoerFout, match="blijfkans"):
        grafieken.blijfcurve(0.5, 1.5)

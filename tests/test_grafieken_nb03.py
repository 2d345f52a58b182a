"""grafieken.keuze_k (notebook 03): the lines are the kies_k table, the marks sit on the chosen k's."""

from __future__ import annotations

import matplotlib as mpl
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


TABEL = pd.DataFrame(
    {
        "inertie": [100.0, 60.0, 45.0, 40.0],
        "silhouet": [0.30, 0.42, 0.35, 0.38],
        "te_klein": [False, False, False, True],
        "knik": [False, True, False, False],
        "aanbevolen": [False, True, False, False],
    },
    index=pd.Index([2, 3, 4, 5], name="k"),
)


def test_lines_are_the_table_and_the_marks_name_the_chosen_k():
    fig = grafieken.keuze_k(TABEL, titel="Kledingzaak")
    links, rechts = fig.axes
    np.testing.assert_array_equal(links.lines[0].get_xdata(), [2, 3, 4, 5])
    np.testing.assert_array_equal(links.lines[0].get_ydata(), TABEL["inertie"].to_numpy())
    np.testing.assert_array_equal(rechts.lines[0].get_ydata(), TABEL["silhouet"].to_numpy())
    assert [t.get_text() for t in links.texts] == ["elleboog: k = 3"]
    assert [t.get_text() for t in rechts.texts] == ["aanbevolen: k = 3"]
    assert fig.get_suptitle() == "Kledingzaak"


def test_too_small_k_is_an_open_marker():
    fig = grafieken.keuze_k(TABEL)
    rechts = fig.axes[1]
    punten = {c.get_label(): c.get_offsets() for c in rechts.collections}
    # k = 5 is the only k with a too-small segment: one open marker, at (5, 0.38)
    np.testing.assert_allclose(punten["een segment te klein"], [[5, 0.38]])
    assert len(punten["elk segment groot genoeg"]) == 3
    open_rondje = next(c for c in rechts.collections if c.get_label() == "een segment te klein")
    assert mpl.colors.to_hex(open_rondje.get_facecolor()[0]) == "#ffffff"


def test_without_small_segments_there_is_no_open_marker_and_a_missing_column_is_named():
    fig = grafieken.keuze_k(TABEL.assign(te_klein=False))
    assert "een segment te klein" not in [c.get_label() for c in fig.axes[0].collections]
    with pytest.raises(InvoerFout, match="silhouet"):
        grafieken.keuze_k(TABEL.drop(columns="silhouet"))

"""grafieken.tevredenheid (notebook 08): the bars, colours and error bars are the input's figures."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.grafieken.tevredenheid import KLEUREN_NPS


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


def test_npsverdeling_counts_every_answer_and_colours_the_three_groups():
    scores = pd.Series([10, 10, 9, 8, 7, 7, 7, 6, 0, None], dtype="Int64")
    fig = grafieken.npsverdeling(scores, titel="Test")
    ax = fig.axes[0]
    # by hand: 0 once, 6 once, 7 three times, 8 once, 9 once, 10 twice; the missing answer is not counted
    assert [int(p.get_height()) for p in ax.patches] == [1, 0, 0, 0, 0, 0, 1, 3, 1, 1, 2]
    kleuren = [mpl.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    verwacht = [KLEUREN_NPS["criticaster"]] * 7 + [KLEUREN_NPS["passief"]] * 2 + [KLEUREN_NPS["promotor"]] * 2
    assert kleuren == [mpl.colors.to_hex(k) for k in verwacht]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["criticasters", "passieven", "promotors"]
    assert ax.get_title() == "Test"


@pytest.mark.parametrize(
    ("scores", "fragment"),
    [([3, 11], "0 tot 10"), ([2.5], "0 tot 10"), ([None, None], "niemand"), ([1, 2], "reeks")],
)
def test_npsverdeling_refuses_what_is_not_a_recommendation_score(scores, fragment):
    with pytest.raises(InvoerFout, match=fragment):
        grafieken.npsverdeling(scores if fragment == "reeks" else pd.Series(scores, dtype="Float64"))


HERKOOP = pd.DataFrame(
    {
        "aantal": [20, 50, 30],
        "herkoopaandeel": [0.05, 0.5, 0.8],
        "ondergrens": [0.01, 0.37, 0.63],
        "bovengrens": [0.24, 0.63, 0.91],
        "besteding": [10.0, 200.0, 500.0],
    },
    index=pd.Index(["niet opgelost", "deels opgelost", "goed opgelost"], name="uitkomst"),
)


def test_herkoopgrafiek_bars_error_bars_and_labels():
    fig = grafieken.herkoopgrafiek(HERKOOP, titel="Na een klacht")
    ax = fig.axes[0]
    np.testing.assert_allclose([p.get_height() for p in ax.patches], [0.05, 0.5, 0.8])
    # the error bar of each bar runs from the lower to the upper bound
    streep = ax.containers[0].lines[2][0].get_segments()
    np.testing.assert_allclose(
        [(s[0][1], s[1][1]) for s in streep], [(0.01, 0.24), (0.37, 0.63), (0.63, 0.91)]
    )
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "niet opgelost\n(n = 20)", "deels opgelost\n(n = 50)", "goed opgelost\n(n = 30)"
    ]  # fmt: skip
    # shares as percentages inside the bars; the low bar gets dark letters
    assert [t.get_text() for t in ax.texts] == ["5%", "50%", "80%"]
    assert mpl.colors.to_hex(ax.texts[0].get_color()) == "#222222"
    assert ax.get_xlabel() == "uitkomst" and ax.yaxis.get_major_formatter()(0.5, 0) == "50%"


def test_herkoopgrafiek_names_a_missing_column():
    with pytest.raises(InvoerFout, match="ondergrens"):
        grafieken.herkoopgrafiek(HERKOOP.drop(columns="ondergrens"))


def test_sleutelfactorgrafiek_sorts_by_share_and_marks_the_comparison():
    tabel = pd.DataFrame({"aandeel": [0.2, 0.5, 0.3]}, index=["prijs", "service", "kwaliteit"])
    alle = pd.DataFrame({"aandeel": [0.4, 0.35, 0.25]}, index=["prijs", "service", "kwaliteit"])
    fig = grafieken.sleutelfactorgrafiek(tabel, vergelijking=alle, namen=("A-klanten", "iedereen"))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["service", "kwaliteit", "prijs"]
    np.testing.assert_allclose([p.get_width() for p in ax.patches], [0.5, 0.3, 0.2])
    # the comparison marks sit at the shares of 'alle', in the order of the bars
    np.testing.assert_allclose(ax.collections[0].get_offsets()[:, 0], [0.35, 0.25, 0.4])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A-klanten", "iedereen"]
    # each share is written beyond both its bar and its mark, so the two never overlap
    assert [t.get_text() for t in ax.texts] == ["50%", "30%", "20%"]
    assert [t.get_position()[0] > rand for t, rand in zip(ax.texts, [0.5, 0.3, 0.4], strict=True)] == [
        True
    ] * 3


def test_sleutelfactorgrafiek_without_comparison_has_no_legend():
    fig = grafieken.sleutelfactorgrafiek(pd.DataFrame({"aandeel": [1.0]}, index=["service"]))
    assert fig.axes[0].get_legend() is None
    with pytest.raises(InvoerFout, match="aandeel"):
        grafieken.sleutelfactorgrafiek(pd.DataFrame({"belang": [1.0]}))

"""grafieken.kalenderlijn (notebook 02): the line is the data, the shaded spans are the legal periods."""

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


def spans(ax, kleur: str) -> list[tuple[str, str]]:
    """(first day, day after the last) of every shaded rectangle in ``kleur``."""
    uit = []
    for p in ax.patches:
        if mpl.colors.to_hex(p.get_facecolor()).upper() == kleur:
            a, b = p.get_x(), p.get_x() + p.get_width()
            uit.append((str(mpl.dates.num2date(a).date()), str(mpl.dates.num2date(b).date())))
    return sorted(uit)


def test_spans_are_the_belgian_sales_and_pre_sales_periods_of_2025():
    dagen = pd.date_range("2025-01-01", "2025-12-31", freq="D")
    reeks = pd.Series(np.arange(len(dagen), dtype=float), index=dagen, name="omzet")
    fig = grafieken.kalenderlijn(reeks, titel="2025", opmaak="euro")
    ax = fig.axes[0]
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), reeks.to_numpy())
    # Art. VI.25 WER: sales 3-31 Jan (3 Jan 2025 is a Friday) and 1-31 Jul (a Tuesday); spans end the
    # day after the last sales day (whole days shaded)
    assert spans(ax, grafieken.PALET[2]) == [("2025-01-03", "2025-02-01"), ("2025-07-01", "2025-08-01")]
    # pre-sales ban: 1 Jan-2 Jan (tail of the 2024 period), 1-30 Jun, 3 Dec onwards, clipped to the data
    assert spans(ax, grafieken.PALET[1]) == [
        ("2025-01-01", "2025-01-03"),
        ("2025-06-01", "2025-07-01"),
        ("2025-12-03", "2025-12-31"),
    ]
    assert ax.get_title() == "2025"
    assert ax.yaxis.get_major_formatter()(1500, 0) == "€ 1.500"
    assert ax.get_legend_handles_labels()[1] == ["omzet", "solden", "sperperiode"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["jan 2025", *grafieken.MAANDEN_KORT[1:]]


def test_several_years_get_fewer_ticks_and_the_first_tick_and_every_january_show_the_year():
    weken = pd.period_range("2023-01-02", "2025-12-28", freq="W")  # starts after 1 January 2023
    ax = grafieken.kalenderlijn(pd.Series(1.0, index=weken)).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "apr 2023", "jul", "okt", "jan 2024", "apr", "jul", "okt", "jan 2025", "apr", "jul", "okt",
    ]  # fmt: skip


def test_weekly_periods_and_no_pre_sales_ban():
    weken = pd.period_range("2024-06-03", periods=10, freq="W")  # June to early August 2024
    fig = grafieken.kalenderlijn(pd.Series(1.0, index=weken), sperperiode=False)
    ax = fig.axes[0]
    assert spans(ax, grafieken.PALET[1]) == []
    assert spans(ax, grafieken.PALET[2]) == [("2024-07-01", "2024-08-01")]  # 1 July 2024 is a Monday


def test_draws_into_a_given_axes():
    fig, ax = plt.subplots()
    try:
        uit = grafieken.kalenderlijn(
            pd.Series([1.0, 2.0], index=pd.to_datetime(["2025-03-01", "2025-04-01"])), ax=ax
        )
        assert uit is ax
        assert len(ax.patches) == 0  # no sales or ban between March and April
    finally:
        plt.close(fig)


def test_refuses_an_index_without_dates():
    with pytest.raises(InvoerFout, match="datums of periodes"):
        grafieken.kalenderlijn(pd.Series([1.0, 2.0]))

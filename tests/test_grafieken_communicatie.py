"""grafieken.communicatie (notebook 09): what is drawn is exactly the table that goes in."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.campagnes import controleer_planning
from helpers.controle import InvoerFout
from helpers.grafieken.communicatie import AANTOONBAAR, ONZEKER


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


RESULTATEN = pd.DataFrame(
    {
        "naam": ["Lentebon", "Wedstrijd", "Jeansweek", "Winback"],
        "uplift": [0.06, np.nan, 0.01, -0.02],
        "ondergrens": [0.02, np.nan, -0.03, -0.30],
        "bovengrens": [0.10, np.nan, 0.05, 0.25],
        "omzet_per_euro": [35.0, 15.0, 12.0, 0.3],
        "extra_omzet_per_euro": [6.0, np.nan, 1.5, -0.8],
    },
    index=pd.Index(["A1", "A2", "A3", "A4"], name="actie_id"),
)


def test_uplift_chart_draws_the_intervals_and_colours_the_certain_one():
    ax = grafieken.upliftgrafiek(RESULTATEN, titel="Uplift").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Lentebon", "Jeansweek", "Winback"]
    lijnen = ax.collections[0]
    segmenten = [tuple(s[:, 0]) for s in lijnen.get_segments()]
    assert segmenten == [(0.02, 0.10), (-0.03, 0.05), (-0.30, 0.25)]
    np.testing.assert_allclose(ax.collections[1].get_offsets()[:, 0], [0.06, 0.01, -0.02])
    kleuren = [mpl.colors.to_hex(k) for k in lijnen.get_colors()]
    assert kleuren == [mpl.colors.to_hex(AANTOONBAAR), mpl.colors.to_hex(ONZEKER), mpl.colors.to_hex(ONZEKER)]
    assert ax.xaxis.get_major_formatter()(0.05, 0) == "5%"


def test_revenue_chart_puts_claimed_and_real_revenue_side_by_side():
    ax = grafieken.opbrengstgrafiek(RESULTATEN).axes[0]
    breedtes = [float(p.get_width()) for p in ax.patches]
    # first the voucher revenue of the three measured actions, then their extra revenue
    assert breedtes == [35.0, 12.0, 0.3, 6.0, 1.5, -0.8]
    assert 1.0 in [float(lijn.get_xdata()[0]) for lijn in ax.lines]


def test_charts_without_control_groups_say_so():
    zonder = RESULTATEN.assign(uplift=np.nan, extra_omzet_per_euro=np.nan)
    with pytest.raises(InvoerFout, match="controlegroep"):
        grafieken.upliftgrafiek(zonder)
    with pytest.raises(InvoerFout, match="controlegroep"):
        grafieken.opbrengstgrafiek(zonder)


def test_calendar_places_each_campaign_on_its_row_and_dates():
    plan = controleer_planning(
        pd.DataFrame(
            {
                "segment": ["trouw", "nieuw", "trouw"],
                "naam": ["Lentebon", "Welkom", "Junibon"],
                "startdatum": pd.to_datetime(["2026-03-10", "2026-04-01", "2026-06-05"]),
                "einddatum": pd.to_datetime(["2026-03-31", "2026-04-14", "2026-06-20"]),
                "korting_pct": [0.1, 0.0, 0.1],
            }
        )
    )
    ax = grafieken.campagnekalender(plan, 2026, titel="2026").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["trouw", "nieuw"]
    balken = [p for p in ax.patches if isinstance(p, mpl.patches.Rectangle) and p.get_height() == 0.5]
    assert [round(b.get_y() + 0.25) for b in balken] == [0, 1, 0]
    starts = [mpl.dates.num2date(b.get_x()).date().isoformat() for b in balken]
    assert starts == ["2026-03-10", "2026-04-01", "2026-06-05"]
    assert [round(b.get_width()) for b in balken] == [22, 14, 16]  # end date included
    # only the June discount is in the ban: red edge and an exclamation mark
    randen = [mpl.colors.to_hex(b.get_edgecolor()) for b in balken]
    assert randen[2] == mpl.colors.to_hex(grafieken.PALET[5]) and randen[0] == "#ffffff"
    assert [t.get_text() for t in ax.texts] == ["Lentebon", "Welkom", "! Junibon"]
    assert ax.get_legend_handles_labels()[1] == ["solden", "sperperiode"]
    assert [t.get_text() for t in ax.get_xticklabels()][:3] == ["jan", "feb", "mrt"]


def test_funnel_is_centred_and_labelled():
    trechter = pd.DataFrame(
        {"bereikt": [90, 78, 58, 35], "doorstroom": [np.nan, 78 / 90, 58 / 78, 35 / 58]},
        index=pd.Index(["suspect", "prospect", "offerte", "bestelling"], name="fase"),
    )
    ax = grafieken.trechtergrafiek(trechter, titel="Groepsklanten").axes[0]
    assert [float(p.get_width()) for p in ax.patches] == [90.0, 78.0, 58.0, 35.0]
    assert [float(p.get_x()) for p in ax.patches] == [-45.0, -39.0, -29.0, -17.5]
    assert [t.get_text() for t in ax.texts] == [
        "90",
        "78 (87% van de vorige fase)",
        "58 (74% van de vorige fase)",
        "35 (60% van de vorige fase)",
    ]

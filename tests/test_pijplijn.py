"""helpers.pijplijn: the group sales funnel, by hand on a tiny pipeline and checked on the sports shop."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import binomtest

from helpers.controle import InvoerFout
from helpers.data import laad_winkel
from helpers.pijplijn import FASEN, op_te_volgen, per_type, trechter


def offertes() -> pd.DataFrame:
    """Eight organisations:

    O1 club suspect | O2 club prospect (first contact 01/01, 700) | O3 club offerte (offer 01/02, open, 900)
    O4 club bestelling (offer 01/01, won 21/01, 1000) | O5 school bestelling (offer 10/01, won 20/01, 400)
    O6 school verloren after an offer (05/02 -> 25/02) | O7 school verloren as a prospect (no offer)
    O8 club bestelling (offer 01/03, won 31/03, 2000)
    """
    return pd.DataFrame(
        {
            "offerte_id": [f"O{i}" for i in range(1, 9)],
            "organisatie": ["KFC A", "KFC B", "KFC C", "KFC D", "School E", "School F", "School G", "KFC H"],
            "type_organisatie": ["club"] * 4 + ["school"] * 3 + ["club"],
            "fase": ["suspect", "prospect", "offerte", "bestelling", "bestelling", "verloren", "verloren",
                     "bestelling"],
            "datum_eerste_contact": pd.to_datetime(
                ["2025-01-01", "2025-01-01", "2025-01-10", "2024-12-01", "2024-12-20", "2025-01-15",
                 "2025-01-20", "2025-02-01"]
            ),
            "datum_offerte": pd.to_datetime(
                [None, None, "2025-02-01", "2025-01-01", "2025-01-10", "2025-02-05", None, "2025-03-01"]
            ),
            "datum_beslissing": pd.to_datetime(
                [None, None, None, "2025-01-21", "2025-01-20", "2025-02-25", "2025-02-10", "2025-03-31"]
            ),
            "waarde": [np.nan, 700.0, 900.0, 1000.0, 400.0, 300.0, 200.0, 2000.0],
        }
    )  # fmt: skip


def test_funnel_by_hand():
    t = trechter(offertes())
    assert t.index.tolist() == list(FASEN)
    # everyone was a suspect (8); all but O1 became a prospect (7); offers: O3 O4 O5 O6 O8 (5); orders 3
    assert t["bereikt"].tolist() == [8, 7, 5, 3]
    assert t["nu_in_fase"].tolist() == [1, 1, 1, 3]
    assert t["doorstroom"].tolist()[1:] == pytest.approx([7 / 8, 5 / 7, 3 / 5])
    # lost: O7 as a prospect, O6 after its offer
    assert t["verloren"].tolist() == [0, 1, 1, 0]
    assert t.loc["bestelling", "waarde"] == 3400.0 and t.loc["offerte", "waarde"] == 4600.0


def test_win_rate_per_type_by_hand_and_against_scipy():
    p = per_type(offertes())
    club, school = p.loc["club"], p.loc["school"]
    # club: 5 organisations, offers O3 O4 O8, decided O4 O8 (both won); O3 open (900)
    assert club[["organisaties", "offertes", "beslist", "gewonnen", "open_offertes"]].tolist() == [
        5,
        3,
        2,
        2,
        1,
    ]
    assert club["winkans"] == 1.0 and club["open_waarde"] == 900.0 and club["verwachte_waarde"] == 900.0
    assert club["gemiddelde_bestelling"] == 1500.0
    assert club["dagen_tot_beslissing"] == 25.0  # median of 20 and 30 days
    # school: offers O5 O6, both decided: 1 won -> 0.5; O7 was lost without an offer and does not count
    assert school[["offertes", "beslist", "gewonnen", "winkans"]].tolist() == [2, 2, 1, 0.5]
    assert school["dagen_tot_beslissing"] == 15.0  # 10 and 20 days
    for rij in (club, school):
        wilson = binomtest(int(rij["gewonnen"]), int(rij["beslist"])).proportion_ci(method="wilson")
        assert (rij["winkans_onder"], rij["winkans_boven"]) == pytest.approx((wilson.low, wilson.high))
    # two out of two is not "certainly always": the interval reaches far down
    assert club["winkans_onder"] < 0.4


def test_follow_up_by_hand():
    uit = op_te_volgen(offertes(), pd.Timestamp("2025-03-15"))
    # O3: offer open since 1 Feb = 42 days > 21; O2: prospect since 1 Jan = 73 days > 45, no offer yet
    assert uit[["offerte_id", "dagen_stil", "volgende_stap"]].values.tolist() == [
        ["O3", 42, "bel over de offerte"],
        ["O2", 73, "maak een offerte"],
    ]
    assert op_te_volgen(offertes(), pd.Timestamp("2025-02-10")).empty  # O3 open 9 days, O2 40 days


def test_bad_phase_and_dates():
    with pytest.raises(InvoerFout, match="Onbekende fase 'gewonnen'"):
        trechter(offertes().assign(fase="gewonnen"))
    with pytest.raises(InvoerFout, match="datums"):
        trechter(offertes().assign(datum_offerte="1/2/2025"))
    with pytest.raises(InvoerFout, match="heeft een fase nodig"):
        trechter(offertes().assign(fase=None))


def test_sports_shop_pipeline_is_consistent():
    o = laad_winkel("sportzaak").offertes
    t = trechter(o)
    assert t["bereikt"].is_monotonic_decreasing and t.loc["suspect", "bereikt"] == len(o)
    p = per_type(o)
    assert p["organisaties"].sum() == len(o)
    assert p["gewonnen"].sum() == t.loc["bestelling", "bereikt"]
    assert ((p["winkans_onder"] <= p["winkans"]) & (p["winkans"] <= p["winkans_boven"])).all()

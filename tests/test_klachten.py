"""Tests for helpers.klachten: hand-computed complaint tables, scipy's Wilson interval, properties."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from helpers.controle import InvoerFout
from helpers.data import laad_winkel
from helpers.klachten import NOG_OPEN, UITKOMSTEN, herkoop_na_klacht, klachten, klachtenoverzicht
from helpers.schema import PROFIELEN


def contacten(rijen: list[tuple]) -> pd.DataFrame:
    """(klant, datum, type, categorie, kanaal, minuten, oplostijd, uitkomst) -> a contacts table."""
    kolommen = ["klant_id", "datum", "type", "categorie", "kanaal", "minuten", "oplostijd_dagen", "uitkomst"]
    tabel = pd.DataFrame(rijen, columns=kolommen)
    return tabel.assign(
        datum=pd.to_datetime(tabel["datum"], format="ISO8601"),
        oplostijd_dagen=tabel["oplostijd_dagen"].astype("Int64"),
    )


def tickets(rijen: list[tuple]) -> pd.DataFrame:
    tabel = pd.DataFrame(rijen, columns=["klant_id", "datum", "bedrag"])
    return tabel.assign(datum=pd.to_datetime(tabel["datum"], format="ISO8601"))


# A small shop: 8 complaints (C1..C8), one advice contact, one open complaint.
WINKEL = contacten(
    [
        ("K1", "2024-01-10 10:00", "klacht", "maat", "winkel", 20.0, 0, "goed opgelost"),  # C1
        ("K2", "2024-01-15 11:00", "klacht", "maat", "telefoon", 10.0, 3, "goed opgelost"),  # C2
        ("K3", "2024-02-01 09:30", "klacht", "levering", "e-mail", 30.0, 12, "deels opgelost"),  # C3
        ("K4", "2024-02-10 16:00", "klacht", "levering", "e-mail", 40.0, 20, "niet opgelost"),  # C4
        ("K5", "2024-03-01 14:00", "klacht", "maat", "winkel", 30.0, 7, "niet opgelost"),  # C5
        ("K6", "2024-03-03 10:00", "advies", "stijl", "winkel", 15.0, None, None),  # not a complaint
        ("K7", "2024-04-01 12:00", "klacht", "levering", "telefoon", 20.0, 2, "goed opgelost"),  # C6
        ("K8", "2025-01-05 10:00", "klacht", "kwaliteit", "winkel", 25.0, 8, "goed opgelost"),  # C7
        ("K9", "2025-02-01 10:00", "klacht", "kwaliteit", "winkel", 15.0, None, None),  # C8: still open
    ]
)


def test_klachten_keeps_complaints_and_adds_closing_day_and_class():
    tabel = klachten(WINKEL)
    assert tabel["klant_id"].tolist() == ["K1", "K2", "K3", "K4", "K5", "K7", "K8", "K9"]
    # closing day = complaint day + resolution days (time of day dropped): 10/01 + 0, 15/01 + 3, 01/02 + 12
    assert tabel["afgehandeld"].iloc[:3].dt.strftime("%d/%m").tolist() == ["10/01", "18/01", "13/02"]
    assert pd.isna(tabel["afgehandeld"].iloc[-1])
    # classes (2, 7, 14): 0 and 2 -> 0-2; 3 and 7 -> 3-7; 8 and 12 -> 8-14; 20 -> more than 14; NA -> open
    assert tabel["oplostijdklasse"].astype(str).tolist() == [
        "0-2 dagen", "3-7 dagen", "8-14 dagen", "meer dan 14 dagen", "3-7 dagen", "0-2 dagen", "8-14 dagen",
        NOG_OPEN,
    ]  # fmt: skip
    assert list(tabel["uitkomst"].cat.categories) == list(UITKOMSTEN)


def test_klachten_type_and_outcome_are_read_loosely_and_time_zones_become_belgian():
    c = contacten([("K1", "2024-03-31 23:30", " Klacht ", "maat", "winkel", 5.0, 1, "Goed opgelost ")])
    c = c.assign(datum=c["datum"].dt.tz_localize("UTC"))
    tabel = klachten(c)
    # 23:30 UTC on 31 March is 01:30 on 1 April in Brussels (summer time): closed on 2 April
    assert tabel["afgehandeld"].iloc[0] == pd.Timestamp("2024-04-02")
    assert tabel["uitkomst"].iloc[0] == "goed opgelost"


def test_klachten_with_own_bounds():
    tabel = klachten(WINKEL, grenzen=(0, 10))
    # 0 -> '0 dagen'; 3, 7, 2, 8 -> 1-10; 12, 20 -> more than 10
    assert tabel["oplostijdklasse"].astype(str).tolist()[:4] == [
        "0 dagen",
        "1-10 dagen",
        "meer dan 10 dagen",
        "meer dan 10 dagen",
    ]


def test_overview_per_category_hand_computed():
    tabel = klachtenoverzicht(WINKEL)
    # maat: C1, C2, C5 | levering: C3, C4, C6 | kwaliteit: C7, C8 (C8 open); sorted by count, stable
    assert tabel.index.tolist() == ["maat", "levering", "kwaliteit"]
    assert tabel["aantal"].tolist() == [3, 3, 2]
    assert tabel["aandeel"].tolist() == pytest.approx([3 / 8, 3 / 8, 2 / 8])
    # minutes: maat (20 + 10 + 30) / 3 = 20; levering (30 + 40 + 20) / 3 = 30; kwaliteit (25 + 15) / 2 = 20
    assert tabel["minuten"].tolist() == pytest.approx([20.0, 30.0, 20.0])
    # resolution days: maat 0, 3, 7 -> median 3, mean 10/3; levering 12, 20, 2 -> 12, 34/3; kwaliteit 8
    assert tabel["oplostijd_mediaan"].tolist() == pytest.approx([3.0, 12.0, 8.0])
    assert tabel["oplostijd_gemiddeld"].tolist() == pytest.approx([10 / 3, 34 / 3, 8.0])
    # within a week: maat 3/3; levering 1/3 (2 days); kwaliteit 0/1 (the open one does not count)
    assert tabel["binnen_7_dagen"].tolist() == pytest.approx([1.0, 1 / 3, 0.0])
    # outcomes among closed complaints: maat 2 good, 1 not; levering 1 good, 1 partly, 1 not; kwaliteit 1 good
    assert tabel["goed_opgelost"].tolist() == pytest.approx([2 / 3, 1 / 3, 1.0])
    assert tabel["deels_opgelost"].tolist() == pytest.approx([0.0, 1 / 3, 0.0])
    assert tabel["niet_opgelost"].tolist() == pytest.approx([1 / 3, 1 / 3, 0.0])
    assert tabel["open"].tolist() == [0, 0, 1]


def test_overview_per_outcome_channel_and_year():
    per_uitkomst = klachtenoverzicht(WINKEL, per="uitkomst")
    assert per_uitkomst.index.tolist() == list(UITKOMSTEN)  # best to worst, the open one has no outcome
    assert per_uitkomst["aantal"].tolist() == [4, 1, 2]
    per_kanaal = klachtenoverzicht(WINKEL, per="kanaal")
    assert per_kanaal["aantal"].to_dict() == {"winkel": 4, "telefoon": 2, "e-mail": 2}
    per_jaar = klachtenoverzicht(WINKEL, per="jaar")
    assert per_jaar["aantal"].to_dict() == {2024: 6, 2025: 2}
    per_klasse = klachtenoverzicht(WINKEL, per="oplostijdklasse")
    assert per_klasse["aantal"].tolist() == [2, 2, 2, 1, 1]


def test_repurchase_after_a_complaint_hand_computed():
    t = tickets(
        [
            ("K1", "2024-01-10 15:00", 80.0),  # C1 closed 10/01: that day itself is not 'after'
            ("K1", "2024-03-01", 50.0),  # within 6 months from 11/01
            ("K1", "2024-03-01 17:00", 20.0),  # same day: one purchase day
            ("K1", "2024-03-10", -20.0),  # a return: netted, no purchase day
            ("K2", "2024-07-19", 40.0),  # C2 closed 18/01: window 19/01..19/07 (exclusive) -> outside
            ("K3", "2024-05-01", 30.0),  # C3 closed 13/02: inside
            ("K5", "2023-12-01", 99.0),  # before the complaint
            (None, "2024-03-02", 500.0),  # anonymous
            ("K8", "2025-03-01", 10.0),  # C7 closed 13/01/2025: window ends after the peildatum
        ]
    )
    tabel = herkoop_na_klacht(WINKEL, t, peildatum="2025-03-31", maanden=6)
    # goed opgelost: C1 (K1 bought, 50 + 20 - 20 = 50), C2 (no), C6 (no) -> 1/3, days 1/3, spend 50/3
    # deels opgelost: C3 (K3, 30) -> 1/1; niet opgelost: C4, C5 -> 0/2
    assert tabel.index.tolist() == list(UITKOMSTEN)
    assert tabel["aantal"].tolist() == [3, 1, 2]
    assert tabel["herkoopaandeel"].tolist() == pytest.approx([1 / 3, 1.0, 0.0])
    assert tabel["aankoopdagen"].tolist() == pytest.approx([1 / 3, 1.0, 0.0])
    assert tabel["besteding"].tolist() == pytest.approx([50 / 3, 30.0, 0.0])
    for uitkomst, (k, n) in {
        "goed opgelost": (1, 3),
        "deels opgelost": (1, 1),
        "niet opgelost": (0, 2),
    }.items():
        wilson = stats.binomtest(k, n).proportion_ci(0.95, method="wilson")
        rij = tabel.loc[uitkomst]
        assert (rij["ondergrens"], rij["bovengrens"]) == pytest.approx((wilson.low, wilson.high))
    assert tabel.attrs["weggelaten"] == {
        "nog open": 1,
        "zonder klantnummer": 0,
        "periode nog niet voorbij": 1,
    }


def test_repurchase_per_resolution_class_and_number_ids():
    # customer numbers as numbers in one table and as text in the other are the same customers
    c = contacten(
        [
            (101, "2024-01-01", "klacht", "maat", "winkel", 10.0, 1, "goed opgelost"),
            (102, "2024-01-01", "klacht", "maat", "winkel", 10.0, 30, "niet opgelost"),
        ]
    )
    t = tickets([(" 101", "2024-02-01", 25.0), ("102", "2024-01-20", 40.0)])
    tabel = herkoop_na_klacht(c, t, peildatum="2024-12-31", maanden=3, per="oplostijdklasse")
    # 101: closed 02/01, bought 01/02 -> yes; 102: closed 31/01, bought 20/01 (before) -> no
    assert tabel["herkoopaandeel"].to_dict() == {"0-2 dagen": 1.0, "meer dan 14 dagen": 0.0}


def test_anonymous_complaints_are_left_out_and_counted():
    c = contacten(
        [
            ("K1", "2024-01-01", "klacht", "maat", "winkel", 10.0, 1, "goed opgelost"),
            ("anoniem", "2024-01-02", "klacht", "maat", "winkel", 10.0, 1, "goed opgelost"),
        ]
    )
    tabel = herkoop_na_klacht(c, tickets([("K1", "2024-02-01", 25.0)]), peildatum="2024-12-31", maanden=3)
    assert tabel["aantal"].tolist() == [1]
    assert tabel.attrs["weggelaten"]["zonder klantnummer"] == 1


@pytest.mark.parametrize(
    ("aanpassing", "fragment"),
    [
        (lambda c: c.assign(type="advies"), "geen klachten"),
        (lambda c: c.drop(columns="uitkomst"), "uitkomst"),
        (lambda c: c.assign(oplostijd_dagen=-1), "niet negatief"),
        (lambda c: c.assign(oplostijd_dagen="snel"), "aantal dagen"),
        (lambda c: c.assign(uitkomst="opgelost"), "Onbekende uitkomst 'opgelost'"),
        (lambda c: c.assign(datum="gisteren"), "datums"),
    ],
)
def test_dutch_errors_on_bad_complaints(aanpassing, fragment):
    with pytest.raises(InvoerFout, match=fragment):
        klachtenoverzicht(aanpassing(WINKEL))


def test_dutch_errors_on_bounds_grouping_and_unmatched_customers():
    with pytest.raises(InvoerFout, match="oplopende gehele"):
        klachten(WINKEL, grenzen=(7, 2))
    with pytest.raises(InvoerFout, match="Kan niet groeperen per 'winkelier'"):
        klachtenoverzicht(WINKEL, per="winkelier")
    with pytest.raises(InvoerFout, match="Geen enkele klant"):
        herkoop_na_klacht(WINKEL, tickets([("X1", "2024-05-01", 10.0)]), peildatum="2025-12-31")
    with pytest.raises(InvoerFout, match="kies minder maanden"):
        herkoop_na_klacht(WINKEL, tickets([("K1", "2024-01-20", 10.0)]), peildatum="2024-02-01", maanden=12)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["maat", "levering", "prijs"]),
            st.one_of(st.none(), st.integers(0, 40)),
            st.sampled_from(UITKOMSTEN),
            st.integers(0, 700),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_overview_properties(rijen):
    c = contacten(
        [
            (f"K{i}", pd.Timestamp("2023-01-01") + pd.Timedelta(days=dag), "klacht", categorie, "winkel",
             10.0, dagen, None if dagen is None else uitkomst)
            for i, (categorie, dagen, uitkomst, dag) in enumerate(rijen)
        ]
    )  # fmt: skip
    tabel = klachtenoverzicht(c)
    assert tabel["aantal"].sum() == len(rijen)
    assert tabel["aandeel"].sum() == pytest.approx(1.0)
    assert tabel["open"].sum() == sum(dagen is None for _, dagen, _, _ in rijen)
    gesloten = tabel["aantal"] > tabel["open"]
    uitkomsten = tabel.loc[gesloten, ["goed_opgelost", "deels_opgelost", "niet_opgelost"]].sum(axis=1)
    assert np.allclose(uitkomsten, 1.0)
    assert klachtenoverzicht(c, per="oplostijdklasse")["aantal"].sum() == len(rijen)


@functools.cache
def winkel(profiel: str):
    return laad_winkel(profiel)


@pytest.mark.parametrize("profiel", PROFIELEN)
def test_shipped_shops_well_handled_complaints_bring_customers_back(profiel):
    # the generator lets a badly handled complaint chase customers away and a well handled one bind them
    w = winkel(profiel)
    tabel = herkoop_na_klacht(w.contacten, w.tickets, w.peildatum)
    assert tabel["aantal"].sum() > 100
    assert tabel.loc["goed opgelost", "herkoopaandeel"] > tabel.loc["niet opgelost", "herkoopaandeel"] + 0.15
    overzicht = klachtenoverzicht(w.contacten)
    assert overzicht["aantal"].sum() == int((w.contacten["type"] == "klacht").sum())

"""Tests for helpers.kpi against hand-computed cases and a plain-Python oracle."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.kpi import (
    PERIODES,
    aandeel_zonder_kaart,
    aankoopfrequentie,
    actieve_klanten,
    besteding_per_klant,
    gemiddeld_ticket,
    jaar_op_jaar,
    kengetallen_per_periode,
    kerncijfers,
    nieuwe_en_terugkerende_klanten,
    omzet_per_productlijn,
    omzet_per_segment,
    seizoenspatroon,
)


def tickets_from(rows: list[tuple]) -> pd.DataFrame:
    klant, datum, bedrag = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "klant_id": pd.Series(list(klant), dtype="str"),
            "datum": pd.to_datetime(pd.Series(list(datum)), format="ISO8601").astype("datetime64[us]"),
            "bedrag": pd.Series(list(bedrag), dtype="float64"),
        }
    )


HAND = [
    ("A", "2024-03-01 10:00", 100.0),
    ("A", "2024-03-01 16:00", 20.0),  # same day: one purchase day
    ("B", "2024-11-20 10:00", 60.0),
    ("A", "2025-02-02 10:00", -20.0),  # return
    ("A", "2025-05-05 10:00", 40.0),
    ("C", "2025-05-06 10:00", 30.0),
    (None, "2025-07-07 10:00", 50.0),  # anonymous
    ("", "2025-12-24 10:00", 10.0),  # anonymous (empty text)
]


def test_kengetallen_per_jaar_hand():
    k = kengetallen_per_periode(tickets_from(HAND), per="jaar")
    assert [str(p) for p in k.index] == ["2024", "2025"]
    # 2024: omzet 100 + 20 + 60 = 180, 3 purchase tickets, A and B active and new, 2 purchase days
    # 2025: omzet -20 + 40 + 30 + 50 + 10 = 110; purchase tickets 4; 1 return
    #       active A, C; new C; returning A; purchase days (A 05-05, C 05-06) = 2; anonymous 60
    assert k["omzet"].tolist() == [180.0, 110.0]
    assert k["omzet_anoniem"].tolist() == [0.0, 60.0]
    assert k["omzet_klanten"].tolist() == [180.0, 50.0]
    assert k["tickets"].tolist() == [3, 5]
    assert k["aankooptickets"].tolist() == [3, 4]
    assert k["retourtickets"].tolist() == [0, 1]
    assert k["actieve_klanten"].tolist() == [2, 2]
    assert k["nieuwe_klanten"].tolist() == [2, 1]
    assert k["terugkerende_klanten"].tolist() == [0, 1]
    assert k["aankoopdagen"].tolist() == [2, 2]
    assert k["besteding_per_klant"].tolist() == [90.0, 25.0]  # 180/2, 50/2
    assert k["aankoopfrequentie"].tolist() == [1.0, 1.0]
    assert k["gemiddeld_ticket"].tolist() == [60.0, 27.5]  # 180/3, 110/4
    assert k["aandeel_anoniem"].tolist() == pytest.approx([0.0, 60 / 110])


def test_single_functions_hand():
    t = tickets_from(HAND)
    assert actieve_klanten(t).tolist() == [2, 2]
    ntk = nieuwe_en_terugkerende_klanten(t)
    assert ntk.columns.tolist() == ["actief", "nieuw", "terugkerend", "aandeel_nieuw"]
    assert ntk["aandeel_nieuw"].tolist() == [1.0, 0.5]
    # all together: klanten omzet 180 + 50 = 230 over 3 customers; purchase days A 2, B 1, C 1 = 4
    assert besteding_per_klant(t, per=None).tolist() == pytest.approx([230 / 3])
    assert aankoopfrequentie(t, per=None).tolist() == pytest.approx([4 / 3])
    assert gemiddeld_ticket(t) == pytest.approx(290 / 7)  # omzet 180 + 110, 7 purchase tickets
    assert aandeel_zonder_kaart(t) == pytest.approx(60 / 290)
    assert isinstance(gemiddeld_ticket(t, per="jaar"), pd.Series)
    maand = actieve_klanten(t, per="maand")
    assert len(maand) == 22  # 2024-03 .. 2025-12, empty months included
    assert maand.sum() == 4  # A 2024-03, B 2024-11, A 2025-05, C 2025-05


def test_categorical_customer_ids():
    t = tickets_from(HAND)
    als_categorie = t.assign(klant_id=t["klant_id"].astype("category"))
    pd.testing.assert_frame_equal(kengetallen_per_periode(als_categorie), kengetallen_per_periode(t))


def test_week_and_quarter_periods():
    t = tickets_from(HAND)
    kwartaal = kengetallen_per_periode(t, per="kwartaal")
    assert str(kwartaal.index[0]) == "2024Q1" and str(kwartaal.index[-1]) == "2025Q4"
    week = kengetallen_per_periode(t, per="week")
    assert week["omzet"].sum() == pytest.approx(290.0)
    assert (week.index.freqstr or "").startswith("W")


def test_kerncijfers_hand():
    k = kerncijfers(tickets_from(HAND), "2025-12-31")
    # window 2025-01-01 .. 2025-12-31: the 2025 figures; C new, A returning (first bought 2024)
    assert k.attrs["begin"] == pd.Timestamp("2025-01-01")
    assert k["klanten"] == 2 and k["nieuwe_klanten"] == 1
    assert k["omzet"] == 110.0
    assert k["gemiddelde_besteding"] == 25.0
    assert k["aankoopfrequentie"] == 1.0
    assert k["tickets"] == 4 and k["gemiddeld_ticket"] == 27.5
    assert k["aandeel_anoniem"] == pytest.approx(60 / 110)
    # 3 months: 2025-10-01 .. 2025-12-31: only the anonymous 10 euro ticket
    kort = kerncijfers(tickets_from(HAND), "2025-12-31", maanden=3)
    assert kort["klanten"] == 0 and kort["omzet"] == 10.0 and np.isnan(kort["gemiddelde_besteding"])


def test_kerncijfers_errors():
    t = tickets_from(HAND)
    with pytest.raises(InvoerFout, match="na de peildatum"):
        kerncijfers(t, "2025-06-30")
    with pytest.raises(InvoerFout, match="geen tickets"):
        kerncijfers(t[t["datum"] < "2024-06-01"], "2025-12-31")
    with pytest.raises(InvoerFout, match="minstens 1"):
        kerncijfers(t, "2025-12-31", maanden=0)


@pytest.mark.parametrize(
    "functie",
    [
        kengetallen_per_periode,
        actieve_klanten,
        nieuwe_en_terugkerende_klanten,
        gemiddeld_ticket,
        aandeel_zonder_kaart,
        seizoenspatroon,
        jaar_op_jaar,
        lambda t: kerncijfers(t, "2025-12-31"),
        lambda t: omzet_per_segment(t, pd.Series(["x"], index=["A"])),
    ],
)
def test_every_function_checks_its_input(functie):
    # the checks themselves (helpers.rfm.controleer_tickets) are tested in test_rfm.py
    t = tickets_from(HAND)
    with pytest.raises(InvoerFout, match="mist de kolom 'datum'"):
        functie(t.rename(columns={"datum": "dag"}))
    with pytest.raises(InvoerFout, match="1 ontbrekende bedrag"):
        functie(t.assign(bedrag=t["bedrag"].where(t.index != 0)))
    with pytest.raises(InvoerFout, match="'bedrag' in 'tickets' moet getallen bevatten"):
        functie(t.assign(bedrag=t["bedrag"].astype(str)))


def test_period_errors():
    t = tickets_from(HAND)
    with pytest.raises(InvoerFout, match="Onbekende periode 'dag'"):
        actieve_klanten(t, per="dag")
    with pytest.raises(InvoerFout, match="per 'maand' of per 'week'"):
        seizoenspatroon(t, per="jaar")
    with pytest.raises(InvoerFout, match="Jaar-op-jaar"):
        jaar_op_jaar(t, per="week")


# ---------------------------------------------------------------- plain-Python oracle


def oracle_kengetallen(rows, per):
    days = [pd.Timestamp(d).normalize() for _, d, _ in rows]
    if per is None:
        labels = ["totaal"]

        def label(_day):
            return "totaal"
    else:
        freq = PERIODES[per]
        labels = list(pd.period_range(min(days), max(days), freq=freq))

        def label(day):
            return day.to_period(freq)

    first_day = {}
    for (klant, _, bedrag), day in zip(rows, days, strict=True):
        if klant and bedrag > 0:
            first_day[klant] = min(first_day.get(klant, day), day)
    out = {
        lab: {"omzet": 0.0, "anon": 0.0, "tickets": 0, "aankoop": 0, "actief": set(), "dagen": set()}
        for lab in labels
    }
    for (klant, _, bedrag), day in zip(rows, days, strict=True):
        cell = out[label(day)]
        cell["omzet"] += bedrag
        cell["tickets"] += 1
        cell["aankoop"] += bedrag > 0
        if not klant:
            cell["anon"] += bedrag
        elif bedrag > 0:
            cell["actief"].add(klant)
            cell["dagen"].add((klant, day))
    result = []
    for lab in labels:
        cell = out[lab]
        nieuw = sum(1 for k in cell["actief"] if label(first_day[k]) == lab)
        result.append(
            (
                cell["omzet"],
                cell["anon"],
                cell["tickets"],
                cell["aankoop"],
                len(cell["actief"]),
                nieuw,
                len(cell["dagen"]),
            )
        )
    return labels, result


ticket_rows = st.lists(
    st.tuples(
        st.sampled_from(["K1", "K2", "K3", "K4", None, ""]),
        st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2025, 12, 31, 23, 59)).map(
            lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
        ),
        st.sampled_from([-30.0, -5.5, 0.0, 5.5, 12.25, 80.0]),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(ticket_rows, st.sampled_from([None, "jaar", "kwartaal", "maand", "week"]))
def test_kengetallen_match_python_oracle(rows, per):
    k = kengetallen_per_periode(tickets_from(rows), per=per)
    labels, verwacht = oracle_kengetallen(rows, per)
    assert [str(p) for p in k.index] == [str(p) for p in labels]
    kolommen = [
        "omzet",
        "omzet_anoniem",
        "tickets",
        "aankooptickets",
        "actieve_klanten",
        "nieuwe_klanten",
        "aankoopdagen",
    ]
    for (_, rij), exp in zip(k[kolommen].iterrows(), verwacht, strict=True):
        assert rij.tolist() == pytest.approx(list(exp), abs=1e-9)
    assert (k["terugkerende_klanten"] >= 0).all()
    # shuffling the rows changes nothing
    rng = np.random.default_rng(len(rows))
    shuffled = tickets_from([rows[i] for i in rng.permutation(len(rows))])
    pd.testing.assert_frame_equal(kengetallen_per_periode(shuffled, per=per), k, check_exact=False, atol=1e-9)


# ---------------------------------------------------------------- seasonality, year over year


def test_seizoenspatroon_hand():
    rows = [
        (None, "2024-01-10 10:00", 100.0),
        (None, "2024-12-10 10:00", 300.0),
        (None, "2025-01-10 10:00", 60.0),
        (None, "2025-01-11 10:00", 40.0),
        (None, "2025-12-10 10:00", 300.0),
    ]
    s = seizoenspatroon(tickets_from(rows))
    assert s.index.tolist() == list(range(1, 13))
    # Jan: (100 + 100) / 2 = 100; Dec: 300; others 0 -> mean month (100 + 300) / 12 = 33.33
    assert s.loc[1, "omzet"] == 100.0 and s.loc[12, "omzet"] == 300.0 and s.loc[6, "omzet"] == 0.0
    assert s.loc[1, "seizoensindex"] == pytest.approx(3.0)
    assert s.loc[12, "seizoensindex"] == pytest.approx(9.0)
    assert s["seizoensindex"].mean() == pytest.approx(1.0)
    # volume: Jan (1 + 2) / 2 = 1.5 tickets, Dec 1 -> mean 2.5 / 12; Jan index 1.5 * 12 / 2.5 = 7.2
    assert s.loc[1, "volume_index"] == pytest.approx(7.2)
    assert s.loc[3, "naam"] == "maart"


def test_seizoenspatroon_week():
    rows = [
        (None, "2025-01-06 10:00", 70.0),
        (None, "2025-01-13 10:00", 140.0),
        (None, "2025-01-14 10:00", 0.0),
    ]
    s = seizoenspatroon(tickets_from(rows), per="week")
    assert len(s) == 53
    # ISO week 2 (Mon 6 Jan) 70, week 3 140; other weeks have never occurred -> NaN
    assert s.loc[2, "omzet"] == 70.0 and s.loc[3, "omzet"] == 140.0
    assert s.loc[3, "seizoensindex"] == pytest.approx(140 / 105)
    assert np.isnan(s.loc[10, "omzet"])  # no week 10 in the data


def test_jaar_op_jaar_hand():
    j = jaar_op_jaar(tickets_from(HAND), per="maand")
    # 2025-05: omzet 40 + 30 = 70, a year earlier (2024-05) 0 -> growth undefined
    assert j.loc[pd.Period("2025-05", "M"), "omzet"] == 70.0
    assert j.loc[pd.Period("2025-05", "M"), "omzet_vorig_jaar"] == 0.0
    assert np.isnan(j.loc[pd.Period("2025-05", "M"), "omzet_groei"])
    # 2025-03 vs 2024-03: 0 vs 120 -> -100%
    assert j.loc[pd.Period("2025-03", "M"), "omzet_groei"] == -1.0
    assert j.loc[pd.Period("2025-03", "M"), "klanten_vorig_jaar"] == 1
    # 2024 months have no previous year in the data
    assert j.loc[pd.Period("2024-03", "M"), ["omzet_vorig_jaar", "tickets_vorig_jaar"]].isna().all()
    jaar = jaar_op_jaar(tickets_from(HAND), per="jaar")
    assert jaar["omzet_groei"].iloc[1] == pytest.approx(110 / 180 - 1)


# ---------------------------------------------------------------- product lines and segments


def test_omzet_per_productlijn_hand():
    lijnen = pd.DataFrame(
        {
            "product_id": ["P1", "P2", "P1", "P3", "P9"],
            "aantal": pd.array([2, 1, -1, 3, 1], dtype="Int64"),
            "bedrag": [100.0, 80.0, -50.0, 30.0, 20.0],
        }
    )
    producten = pd.DataFrame(
        {"product_id": ["P1", "P2", "P3"], "productlijn": pd.Categorical(["jeans", "schoenen", "jeans"])}
    )
    uit = omzet_per_productlijn(lijnen, producten)
    # jeans 100 - 50 + 30 = 80 (2 - 1 + 3 = 4 pieces), schoenen 80, onbekend 20; total 180
    assert uit.index.tolist() == ["jeans", "schoenen", "onbekend"]
    assert uit["omzet"].tolist() == [80.0, 80.0, 20.0]
    assert uit["stuks"].tolist() == [4, 1, 1]
    assert uit["aandeel_omzet"].tolist() == pytest.approx([80 / 180, 80 / 180, 20 / 180])
    with pytest.raises(InvoerFout, match="'P1' staat meer dan eens"):
        omzet_per_productlijn(lijnen, pd.concat([producten, producten]))
    with pytest.raises(InvoerFout, match="mist de kolom 'productlijn'"):
        omzet_per_productlijn(lijnen, producten.drop(columns="productlijn"))


def test_omzet_per_segment_hand():
    t = tickets_from(HAND)
    segmenten = pd.Series(
        pd.Categorical(["goud", "brons"], categories=["goud", "zilver", "brons"]), index=["A", "B"]
    )
    uit = omzet_per_segment(t, segmenten)
    # goud (A): 100 + 20 - 20 + 40 = 140, 4 tickets; zilver: nobody; brons (B): 60;
    # zonder segment (C): 30; anoniem: 60; total 290
    assert uit.index.tolist() == ["goud", "zilver", "brons", "zonder segment", "anoniem"]
    assert uit["omzet"].tolist() == [140.0, 0.0, 60.0, 30.0, 60.0]
    assert uit["klanten"].tolist() == [1, 0, 1, 1, 0]
    assert uit["tickets"].tolist() == [4, 0, 1, 1, 2]
    assert uit["aandeel_omzet"].sum() == pytest.approx(1.0)
    with pytest.raises(InvoerFout, match="als Series"):
        omzet_per_segment(t, {"A": "goud"})
    with pytest.raises(InvoerFout, match="'A' staat meer dan eens"):
        omzet_per_segment(t, pd.Series(["x", "y"], index=["A", "A"]))

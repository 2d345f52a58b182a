"""Tests for helpers.productseizoen: a hand-computed case, kpi.seizoenspatroon and a plain-Python oracle."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.kpi import seizoenspatroon
from helpers.productseizoen import ONBEKEND, seizoen_per_groep

PRODUCTEN = pd.DataFrame({"product_id": ["P1", "P2", "P3"], "lijn": ["voetbal", "scheids", "voetbal"]})


def log(rows: list[tuple[str, str, str, float]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ticket, date, product, amount) rows -> (ticketlijnen, tickets); one line per ticket."""
    ticket, datum, product, bedrag = zip(*rows, strict=True)
    tickets = pd.DataFrame({"ticket_id": list(ticket), "datum": pd.to_datetime(list(datum))})
    lijnen = pd.DataFrame({"ticket_id": list(ticket), "product_id": list(product), "bedrag": list(bedrag)})
    return lijnen, tickets


def test_hand_computed_two_groups_over_two_years():
    lijnen, tickets = log(
        [
            ("T1", "2024-01-15", "P1", 100.0),
            ("T2", "2024-08-10", "P1", 300.0),
            ("T3", "2024-08-11", "P3", 60.0),  # same line 'voetbal' via another product
            ("T4", "2025-08-20", "P1", 180.0),
            ("T5", "2025-09-02", "P2", 240.0),
            ("T6", "2025-09-03", "P2", -40.0),  # a return is netted
            ("T7", "2025-12-31", "P3", 24.0),
        ]
    )
    s = seizoen_per_groep(lijnen, tickets, PRODUCTEN, groep="lijn")
    assert list(s.columns) == ["scheids", "voetbal"]
    assert list(s.index) == list(range(1, 13))
    # voetbal: jan (100 + 0) / 2 = 50; aug (360 + 180) / 2 = 270; dec (0 + 24) / 2 = 12; rest 0
    # average month = (50 + 270 + 12) / 12 = 27.666...
    gemiddeld = (50 + 270 + 12) / 12
    assert s.loc[1, "voetbal"] == pytest.approx(50 / gemiddeld)
    assert s.loc[8, "voetbal"] == pytest.approx(270 / gemiddeld)
    assert s.loc[12, "voetbal"] == pytest.approx(12 / gemiddeld)
    assert s.loc[9, "voetbal"] == 0
    # scheids: only sep 2025, net 200 -> per calendar month (0 + 200) / 2 = 100; average 100 / 12
    assert s.loc[9, "scheids"] == pytest.approx(12.0)
    assert s["scheids"].drop(9).eq(0).all()


def test_unknown_product_goes_to_onbekend_and_nothing_disappears():
    lijnen, tickets = log([("T1", "2025-03-01", "P1", 50.0), ("T2", "2025-04-01", "P9", 20.0)])
    s = seizoen_per_groep(lijnen, tickets, PRODUCTEN, groep="lijn")
    assert list(s.columns) == [ONBEKEND, "voetbal"]
    # only two months in the log: onbekend 20 in April, mean 20/12 -> index 12 in April
    assert s.loc[4, ONBEKEND] == pytest.approx(12.0)


def test_group_without_positive_turnover_is_empty_not_infinite():
    lijnen, tickets = log([("T1", "2025-03-01", "P1", 50.0), ("T2", "2025-04-01", "P2", -20.0)])
    s = seizoen_per_groep(lijnen, tickets, PRODUCTEN, groep="lijn")
    assert s["scheids"].isna().all()
    assert np.isfinite(s["voetbal"]).all()


def test_other_column_names():
    lijnen, tickets = log([("T1", "2025-03-01", "P1", 50.0), ("T2", "2025-05-01", "P2", 30.0)])
    lijnen = lijnen.rename(columns={"ticket_id": "bon", "product_id": "sku", "bedrag": "netto"})
    tickets = tickets.rename(columns={"ticket_id": "bon", "datum": "dag"})
    producten = PRODUCTEN.rename(columns={"product_id": "sku"})
    s = seizoen_per_groep(
        lijnen, tickets, producten, groep="lijn", ticket="bon", product="sku", datum="dag", bedrag="netto"
    )
    assert s.loc[3, "voetbal"] == pytest.approx(12.0)


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda lij, t, p: (lij.drop(columns="bedrag"), t, p), "mist de kolom 'bedrag'"),
        (lambda lij, t, p: (lij, t, p.drop(columns="lijn")), "mist de kolom 'lijn'"),
        (lambda lij, t, p: (lij.iloc[:0], t, p), "'ticketlijnen' is leeg"),
        (lambda lij, t, p: (lij.assign(bedrag=["a", "b"]), t, p), "bedrag"),
        (lambda lij, t, p: (lij, t.assign(datum=["x", "y"]), p), "datum"),
        (lambda lij, t, p: (lij, pd.concat([t, t.iloc[:1]]), p), "meer dan eens in 'tickets'"),
        (lambda lij, t, p: (lij, t, pd.concat([p, p.iloc[:1]])), "meer dan eens in 'producten'"),
        (lambda lij, t, p: (lij.assign(ticket_id=["T1", "T9"]), t, p), "'T9'"),
    ],
)
def test_clear_dutch_input_errors(wijzig, melding):
    lijnen, tickets = log([("T1", "2025-03-01", "P1", 50.0), ("T2", "2025-05-01", "P2", 30.0)])
    with pytest.raises(InvoerFout, match=melding):
        seizoen_per_groep(*wijzig(lijnen, tickets, PRODUCTEN), groep="lijn")


def oracle(rows: list[tuple[str, dt.date, str, float]]) -> dict[str, list[float]]:
    """Plain Python: per group, sum per (year, month), average per month over the log's years, index."""
    per_periode: dict[tuple[str, int, int], float] = defaultdict(float)
    for _, datum, product, bedrag in rows:
        lijn = dict(zip(PRODUCTEN["product_id"], PRODUCTEN["lijn"], strict=True))[product]
        per_periode[(lijn, datum.year, datum.month)] += bedrag
    datums = [r[1] for r in rows]
    eerste, laatste = min(datums), max(datums)
    maanden = []
    jaar, maand = eerste.year, eerste.month
    while (jaar, maand) <= (laatste.year, laatste.month):
        maanden.append((jaar, maand))
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)
    uit = {}
    for lijn in sorted(set(PRODUCTEN["lijn"]) & {k[0] for k in per_periode}):
        gemiddeld = []
        for m in range(1, 13):
            waarden = [per_periode.get((lijn, j, mm), 0.0) for j, mm in maanden if mm == m]
            gemiddeld.append(sum(waarden) / len(waarden) if waarden else 0.0)
        totaal = sum(gemiddeld) / 12
        uit[lijn] = [w / totaal if totaal > 0 else float("nan") for w in gemiddeld]
    return uit


rij = st.tuples(
    st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2025, 12, 31)),
    st.sampled_from(["P1", "P2", "P3"]),
    st.integers(min_value=-50, max_value=500).map(float),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(rij, min_size=1, max_size=25))
def test_matches_plain_python_oracle(rows):
    rows = [(f"T{i}", datum, product, bedrag) for i, (datum, product, bedrag) in enumerate(rows)]
    lijnen, tickets = log([(t, d.isoformat(), p, b) for t, d, p, b in rows])
    s = seizoen_per_groep(lijnen, tickets, PRODUCTEN, groep="lijn")
    verwacht = oracle(rows)
    assert sorted(s.columns) == sorted(verwacht)
    for lijn, waarden in verwacht.items():
        np.testing.assert_allclose(s[lijn].to_numpy(), waarden, rtol=1e-9, atol=1e-9, equal_nan=True)


def test_one_group_equals_the_shop_pattern_of_kpi():
    """With every product in one group, the index is kpi.seizoenspatroon's index on the tickets."""
    lijnen, tickets = log(
        [
            ("T1", "2023-02-01", "P1", 80.0),
            ("T2", "2023-12-24", "P2", 200.0),
            ("T3", "2024-07-03", "P3", 120.0),
            ("T4", "2025-07-15", "P1", 60.0),
            ("T5", "2025-11-30", "P2", -30.0),
        ]
    )
    alles = PRODUCTEN.assign(lijn="alles")
    s = seizoen_per_groep(lijnen, tickets, alles, groep="lijn")
    winkel = seizoenspatroon(tickets.assign(klant_id=None, bedrag=lijnen["bedrag"]))
    np.testing.assert_allclose(s["alles"].to_numpy(), winkel["seizoensindex"].to_numpy())

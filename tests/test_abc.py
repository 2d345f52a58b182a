"""Tests for helpers.abc against hand-computed cases, textbook formulas and plain-Python oracles."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.abc import (
    aandeel_top,
    abc_criteria,
    abc_klassen,
    abc_meervoudig,
    abc_overzicht,
    gini,
    lorenz,
    pareto_tabel,
)
from helpers.controle import InvoerFout

values = st.lists(st.integers(-20, 200).map(float), min_size=1, max_size=40).filter(
    lambda xs: sum(max(x, 0) for x in xs) > 0
)


def oracle_top(xs, fractie):
    pos = sorted((max(x, 0.0) for x in xs), reverse=True)
    k = max(1, math.ceil(round(len(pos) * fractie, 9)))
    return sum(pos[:k]) / sum(pos)


def oracle_gini(xs):
    # textbook: mean absolute difference over all ordered pairs / (2 * mean)
    pos = [max(x, 0.0) for x in xs]
    n = len(pos)
    mad = sum(abs(a - b) for a in pos for b in pos) / (n * n)
    return mad / (2 * (sum(pos) / n))


def oracle_abc(xs, grenzen=(0.8, 0.95)):
    pos = [max(x, 0.0) for x in xs]
    total = sum(pos)
    out = []
    for x in pos:
        higher = sum(y for y in pos if y > x) / total
        out.append("A" if higher < grenzen[0] else "B" if higher < grenzen[1] else "C")
    return out


# ---------------------------------------------------------------- aandeel_top


def test_aandeel_top_hand():
    # 10 customers, total 200; top 20% = 2 customers: (100 + 50) / 200 = 0.75
    assert aandeel_top([100, 50, 30, 10, 5, 5, 0, 0, 0, 0]) == 0.75
    # 12 customers, 20% = 2.4 -> 3 customers: (12 + 11 + 10) / 78 (1 + ... + 12 = 78)
    assert aandeel_top(pd.Series(range(1, 13)), 0.2) == pytest.approx(33 / 78)
    # 30 customers, 10%: 0.1 * 30 = 3.0000000000000004 in floating point, still 3 customers
    assert aandeel_top([1.0] * 30, 0.1) == pytest.approx(3 / 30)
    assert aandeel_top([7.0], 0.2) == 1.0  # one customer holds everything
    assert aandeel_top([3.0, 1.0], 1) == 1.0


@settings(max_examples=100, deadline=None)
@given(values, st.sampled_from([0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0]))
def test_aandeel_top_matches_oracle(xs, fractie):
    share = aandeel_top(xs, fractie)
    assert share == pytest.approx(oracle_top(xs, fractie))
    assert share >= fractie - 1e-12  # the largest ceil(n*f) customers hold at least k/n >= f of the total
    assert 0 <= share <= 1 + 1e-12


# ---------------------------------------------------------------- gini


def test_gini_textbook_values():
    assert gini([5, 5, 5, 5]) == 0.0
    # one customer holds everything: (n - 1) / n
    assert gini([0, 0, 0, 0, 10]) == pytest.approx(4 / 5)
    # 1, 2, ..., n has G = (n - 1) / (3n); n = 5: 4/15 (pairs: 2*(4*1+3*2+2*3+1*4) = 40 / (2*25*3))
    assert gini([1, 2, 3, 4, 5]) == pytest.approx(4 / 15)
    for n in (2, 7, 100):
        assert gini(np.arange(1, n + 1)) == pytest.approx((n - 1) / (3 * n))
    # negative values count as 0
    assert gini([-5, 10]) == gini([0, 10]) == 0.5


@settings(max_examples=100, deadline=None)
@given(values)
def test_gini_matches_mean_absolute_difference(xs):
    g = gini(xs)
    assert g == pytest.approx(oracle_gini(xs), abs=1e-12)
    assert 0 <= g <= 1
    # 1 - 2 * area under the Lorenz curve (trapezoids) is the same number
    curve = lorenz(xs)
    area = np.sum(
        np.diff(curve["aandeel_klanten"])
        * (curve["aandeel_waarde"][1:].to_numpy() + curve["aandeel_waarde"][:-1].to_numpy())
        / 2
    )
    assert g == pytest.approx(1 - 2 * area, abs=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.floats(0.01, 1e6), st.integers(1, 50))
def test_gini_equal_values_is_zero(x, n):
    assert gini([x] * n) == pytest.approx(0.0, abs=1e-12)


# ---------------------------------------------------------------- lorenz


def test_lorenz_hand():
    curve = lorenz(pd.Series([30.0, 10.0, 60.0], index=["a", "b", "c"]))
    # sorted 10, 30, 60 of 100: 0, 0.1, 0.4, 1
    assert curve["aandeel_klanten"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert curve["aandeel_waarde"].tolist() == pytest.approx([0, 0.1, 0.4, 1])


@settings(max_examples=100, deadline=None)
@given(values)
def test_lorenz_properties(xs):
    curve = lorenz(xs)
    assert len(curve) == len(xs) + 1
    assert curve.iloc[0].tolist() == [0.0, 0.0]
    assert curve.iloc[-1].tolist() == [1.0, 1.0]
    for kolom in ("aandeel_klanten", "aandeel_waarde"):
        assert (np.diff(curve[kolom]) >= 0).all()
        assert curve[kolom].between(0, 1).all()
    assert (curve["aandeel_waarde"] <= curve["aandeel_klanten"] + 1e-12).all()  # on or below the diagonal


# ---------------------------------------------------------------- pareto


def test_pareto_tabel():
    tabel = pareto_tabel([100, 50, 30, 10, 5, 5, 0, 0, 0, 0], stappen=(0.1, 0.2, 0.5), wat="de marge")
    assert tabel["klanten"].tolist() == [1, 2, 5]
    assert tabel["waarde"].tolist() == [100, 150, 195]
    assert tabel["aandeel_waarde"].tolist() == [0.5, 0.75, 0.975]
    assert (
        tabel["beschrijving"].iloc[2]
        == "De beste 50% van de klanten (5 van de 10) brengt 97,5% van de marge."
    )
    # steps as a numpy array or Series work too
    assert pareto_tabel([100, 50, 30, 10, 5, 5, 0, 0, 0, 0], np.array([0.1, 0.2]))["klanten"].tolist() == [
        1,
        2,
    ]
    assert pareto_tabel([100, 50], pd.Series([0.5]))["aandeel_waarde"].tolist() == [100 / 150]
    kort = pareto_tabel(pd.Series(np.arange(1, 2001)), stappen=(0.025,))
    assert kort["beschrijving"].iloc[0].startswith("De beste 2,5% van de klanten (50 van de 2.000)")


@settings(max_examples=50, deadline=None)
@given(values)
def test_pareto_consistent_with_aandeel_top(xs):
    tabel = pareto_tabel(xs)
    assert tabel["aandeel_waarde"].tolist() == pytest.approx(
        [aandeel_top(xs, f) for f in tabel["aandeel_klanten"]]
    )
    assert (np.diff(tabel["aandeel_waarde"]) >= 0).all()


# ---------------------------------------------------------------- abc


def test_abc_hand_with_ties():
    omzet = pd.Series([5, 30, 0, 50, 10, 5], index=["y", "v", "z", "u", "w", "x"])
    # total 100, sorted 50 (u), 30 (v), 10 (w), 5 (x, y), 0 (z)
    # strictly higher share: u 0 -> A; v 0.5 -> A; w 0.8 -> B (not < 0.8); x, y 0.9 -> B; z 1.0 -> C
    assert abc_klassen(omzet).to_dict() == {"y": "B", "v": "A", "z": "C", "u": "A", "w": "B", "x": "B"}
    # with grenzen (0.5, 0.9): u A, v B (0.5 not < 0.5), w B (0.8), x/y C (0.9), z C
    assert abc_klassen(omzet, (0.5, 0.9)).tolist() == ["C", "B", "C", "A", "B", "C"]
    # ties across the 80% line get the same class: 40, 40, 20 -> before the 40s: 0 -> both A
    assert abc_klassen([40, 40, 20]).tolist() == ["A", "A", "B"]
    assert abc_klassen([-10, 20]).tolist() == ["C", "A"]  # a net returner is C
    # exactly on the line: 7 / 10 == 0.7 is not below 0.7 (even though 0.7 * 10 > 7 in floating point)
    assert abc_klassen([3, 3, 1, 1, 1, 1], (0.6, 0.7)).tolist() == ["A", "A", "B", "B", "B", "B"]
    assert abc_klassen([5, 2, 1, 1, 1], (0.5, 0.7)).tolist() == ["A", "B", "C", "C", "C"]


@settings(max_examples=100, deadline=None)
@given(
    values,
    st.sampled_from([(0.8, 0.95), (0.5, 0.9), (0.7, 1.0), (0.2, 0.3)]),
    st.randoms(use_true_random=False),
)
def test_abc_matches_oracle_and_properties(xs, grenzen, rnd):
    reeks = pd.Series(xs, index=[f"K{i}" for i in range(len(xs))])
    klassen = abc_klassen(reeks, grenzen)
    assert klassen.tolist() == oracle_abc(xs, grenzen)
    assert klassen.index.equals(reeks.index)
    assert klassen.notna().all() and len(klassen) == len(xs)  # A + B + C = everyone
    # A holds at least the A-share; without its smallest tie group it would hold less
    pos = reeks.clip(lower=0)
    a = pos[klassen == "A"]
    assert a.sum() >= grenzen[0] * pos.sum() - 1e-9
    assert a[a > a.min()].sum() < grenzen[0] * pos.sum() + 1e-9
    # independent of row order
    shuffled = reeks.sample(frac=1, random_state=rnd.randint(0, 10_000))
    assert abc_klassen(shuffled, grenzen).loc[reeks.index].tolist() == klassen.tolist()


def test_abc_overzicht_uses_real_values():
    overzicht = abc_overzicht(pd.Series([50.0, 30.0, 10.0, 5.0, 5.0, -20.0]))
    # classes on clipped values: A 50+30, B 10+5+5, C the -20 customer; sums on real values (total 80)
    assert overzicht.index.tolist() == ["A", "B", "C"]
    assert overzicht["klanten"].tolist() == [2, 3, 1]
    assert overzicht["waarde"].tolist() == [80.0, 20.0, -20.0]
    assert overzicht["aandeel_waarde"].tolist() == [1.0, 0.25, -0.25]
    assert overzicht["aandeel_klanten"].sum() == pytest.approx(1)


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("functie", "args", "melding"),
    [
        (gini, ([],), "is leeg"),
        (gini, ([1.0, np.nan],), "1 ontbrekende"),
        (gini, (pd.Series(["a", "b"]),), "moet getallen bevatten"),
        (gini, ([0, 0, -3],), "niets te verdelen"),
        (gini, ([1.0, np.inf],), "eindige getallen"),
        (gini, (pd.DataFrame({"a": [1], "b": [2]}),), "Kies er één"),
        (aandeel_top, ([1, 2], 0), "groter dan 0"),
        (aandeel_top, ([1, 2], 20), "hoogstens 1"),
        (pareto_tabel, ([1, 2], "0.2"), "lijst fracties"),
        (pareto_tabel, ([1, 2], []), "lijst fracties"),
        (pareto_tabel, ([1, 2], 0.2), "lijst fracties"),
        (pareto_tabel, ([1, 2], (0.1, 1.5)), "De stap moet"),
        (abc_klassen, ([1, 2], (0.95, 0.8)), "0 < A-grens < B-grens"),
        (abc_klassen, ([1, 2], (0.8,)), "twee getallen"),
        (lorenz, (pd.Series([True, False]),), "moet getallen bevatten"),
    ],
)
def test_errors(functie, args, melding):
    with pytest.raises(InvoerFout, match=melding):
        functie(*args)


def test_error_names_the_series():
    with pytest.raises(InvoerFout, match="'monetair'"):
        gini(pd.Series([1.0, None], name="monetair"))


# ---------------------------------------------------------------- A/B/C on several criteria

# Five customers: a big one-time buyer from long ago (K1), a champion (K2), a discount hunter with a
# thin margin (K3), a small but frequent recent customer (K4) and a small one-timer (K5).
CRITERIA = pd.DataFrame(
    {
        "omzet": [2400.0, 1200.0, 900.0, 300.0, 80.0],
        "marge": [1000.0, 500.0, 150.0, 180.0, 40.0],
        "frequentie": [1, 8, 5, 3, 1],
        "recency": [700, 20, 60, 10, 400],
    },
    index=pd.Index(["K1", "K2", "K3", "K4", "K5"], name="klant_id"),
)


def test_several_criteria_by_hand():
    uit = abc_meervoudig(CRITERIA)
    # rank score = share of the 5 customers strictly worse on the criterion:
    #   omzet      K1 .8  K2 .6  K3 .4  K4 .2  K5 0
    #   marge      K1 .8  K2 .6  K3 .2  K4 .4  K5 0
    #   frequentie K1 0   K2 .8  K3 .6  K4 .4  K5 0   (the two one-timers tie at 0)
    #   recency    K1 0   K2 .6  K3 .4  K4 .8  K5 .2  (fewer days is better)
    # mean: K1 .4, K2 .65, K3 .4, K4 .45, K5 .05
    assert uit["score"].tolist() == pytest.approx([0.4, 0.65, 0.4, 0.45, 0.05])
    # 20% A / 30% B / 50% C on "share of customers strictly higher": K2 0 -> A; K4 .2 -> B;
    # K1 and K3 .4 -> B; K5 .8 -> C
    assert uit["abc"].tolist() == ["B", "A", "B", "B", "C"]
    # each criterion alone: the same 20/30/50 rule on its rank score
    assert uit["abc_omzet"].tolist() == ["A", "B", "B", "C", "C"]
    assert uit["abc_marge"].tolist() == ["A", "B", "C", "B", "C"]  # the discount hunter drops to C
    assert uit["abc_frequentie"].tolist() == ["C", "A", "B", "B", "C"]
    assert uit["abc_recency"].tolist() == ["C", "B", "B", "A", "C"]
    assert uit["abc"].cat.ordered and list(uit["abc"].cat.categories) == ["A", "B", "C"]
    assert uit.index.equals(CRITERIA.index)


def test_weights_and_ties_by_hand():
    # omzet three times as heavy as recency: K1 (3 * .8 + 0) / 4 = .6, K2 (3 * .6 + .6) / 4 = .6,
    # K3 (1.2 + .4) / 4 = .4, K4 (.6 + .8) / 4 = .35, K5 (0 + .2) / 4 = .05; K1 and K2 tie: both A
    uit = abc_meervoudig(CRITERIA, {"omzet": 3, "recency": 1})
    assert uit["score"].tolist() == pytest.approx([0.6, 0.6, 0.4, 0.35, 0.05])
    assert uit["abc"].tolist() == ["A", "A", "B", "C", "C"]
    # one criterion only: the final class is that criterion's class
    alleen_omzet = abc_meervoudig(CRITERIA, {"omzet": 1})
    assert alleen_omzet["abc"].tolist() == alleen_omzet["abc_omzet"].tolist()
    # other shares: 40% A, 80% A+B -> K2 A, K4 (.2) A, K1 and K3 (.4) B, K5 (.8) not below .8: C
    assert abc_meervoudig(CRITERIA, aandelen=(0.4, 0.8))["abc"].tolist() == ["B", "A", "B", "A", "C"]
    # a column listed as lower-is-better is reversed: high recency now counts as good
    omgekeerd = abc_meervoudig(CRITERIA[["recency"]], lager_is_beter=())
    assert omgekeerd["abc"].tolist() == ["A", "C", "B", "C", "B"]


def oracle_meervoudig(rijen: list[dict], gewichten: dict, aandelen=(0.2, 0.5)) -> list[str]:
    n = len(rijen)
    score = []
    for rij in rijen:
        totaal = 0.0
        for kolom, gewicht in gewichten.items():
            if kolom == "recency":
                slechter = sum(1 for ander in rijen if ander[kolom] > rij[kolom])
            else:
                slechter = sum(1 for ander in rijen if ander[kolom] < rij[kolom])
            totaal += gewicht * slechter / n
        score.append(round(totaal / sum(gewichten.values()), 12))
    uit = []
    for s in score:
        hoger = sum(1 for t in score if t > s) / n
        uit.append("A" if hoger < aandelen[0] else "B" if hoger < aandelen[1] else "C")
    return uit


klantrij = st.fixed_dictionaries(
    {
        "omzet": st.integers(-50, 3000).map(float),
        "marge": st.integers(-50, 1500).map(float),
        "frequentie": st.integers(1, 12),
        "recency": st.integers(0, 1095),
    }
)
gewicht = st.integers(0, 4)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(klantrij, min_size=1, max_size=30),
    st.tuples(gewicht, gewicht, gewicht, gewicht).filter(lambda g: sum(g) > 0),
    st.sampled_from([(0.2, 0.5), (0.1, 0.3), (0.5, 1.0)]),
    st.randoms(use_true_random=False),
)
def test_several_criteria_match_a_plain_python_oracle(rijen, gewichten, aandelen, rnd):
    criteria = pd.DataFrame(rijen, index=[f"K{i}" for i in range(len(rijen))])
    weging = dict(zip(["omzet", "marge", "frequentie", "recency"], gewichten, strict=True))
    uit = abc_meervoudig(criteria, weging, aandelen)
    assert uit["abc"].tolist() == oracle_meervoudig(rijen, {k: g for k, g in weging.items() if g}, aandelen)
    # fewer than aandelen[0] of the customers score strictly higher than any A-customer
    score = uit["score"]
    for a_klant in score[uit["abc"] == "A"]:
        assert (score > a_klant).mean() < aandelen[0]
    # independent of row order
    geschud = criteria.sample(frac=1, random_state=rnd.randint(0, 10_000))
    opnieuw = abc_meervoudig(geschud, weging, aandelen).loc[criteria.index, "abc"]
    assert opnieuw.tolist() == uit["abc"].tolist()


def test_abc_criteria_by_hand():
    tickets = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4"],
            "klant_id": ["K1", "K1", "K2", None],
            "datum": pd.to_datetime(["2025-11-01", "2025-12-01", "2025-01-31", "2025-12-30"]),
            "bedrag": [242.0, -121.0, 60.5, 30.25],
        }
    )
    lijnen = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4"],
            "product_id": ["P1", "P1", "P2", "P2"],
            "aantal": [2, -1, 1, 1],
            "bedrag": [242.0, -121.0, 60.5, 30.25],
            "korting": [0.0] * 4,
        }
    )
    producten = pd.DataFrame(
        {"product_id": ["P1", "P2"], "productlijn": ["kleding", "kleding"], "aankoopprijs": [40.0, 10.0]}
    )
    uit = abc_criteria(tickets, lijnen, producten, "2025-12-31")
    # K1: net 242 - 121 = 121; margin (242 - 121) / 1.21 - (2 - 1) * 40 = 60; one purchase day (the
    # return is no purchase); last purchase 1 November -> 60 days. K2: 60.5, 60.5 / 1.21 - 10 = 40,
    # 1 day, 334 days. The anonymous ticket T4 belongs to nobody.
    assert uit.index.tolist() == ["K1", "K2"]
    assert uit["omzet"].tolist() == [121.0, 60.5]
    assert uit["marge"].tolist() == pytest.approx([60.0, 40.0])
    assert uit["frequentie"].tolist() == [1, 1]
    assert uit["recency"].tolist() == [60, 334]


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        ((CRITERIA, {"prijs": 1}), "Onbekend criterium 'prijs'"),
        ((CRITERIA, {"omzet": -1}), "0 of meer"),
        ((CRITERIA, {"omzet": True}), "0 of meer"),
        ((CRITERIA, {"omzet": 0, "marge": 0}), "groter dan 0"),
        ((CRITERIA, [("omzet", 1)]), "woordenboek"),
        ((CRITERIA, None, (0.5, 0.2)), "0 < A-aandeel"),
        ((CRITERIA, None, (0.2,)), "twee getallen"),
        ((CRITERIA["omzet"],), "tabel met één kolom per criterium"),
        ((CRITERIA.iloc[:0],), "is leeg"),
        ((CRITERIA.assign(marge=[1.0, None, 2.0, 3.0, 4.0]),), "1 ontbrekende"),
    ],
)
def test_several_criteria_errors(args, melding):
    with pytest.raises(InvoerFout, match=melding):
        abc_meervoudig(*args)

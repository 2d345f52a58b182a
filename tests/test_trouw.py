"""Tests for helpers.trouw against hand computations, a plain-pandas second implementation and invariants."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers.trouw as trouw
from helpers.controle import InvoerFout
from helpers.trouw import (
    churn_per_periode,
    churn_status,
    clv,
    cohort_tabel,
    kaarthouders_vs_anderen,
    retentie_per_jaar,
    tijd_tot_eerste_bon,
)


def log(rijen, kolommen=("klant_id", "datum", "bedrag")) -> pd.DataFrame:
    """Small transaction log from (klant, 'YYYY-MM-DD[ HH:MM]', bedrag) tuples."""
    df = pd.DataFrame(rijen, columns=list(kolommen))
    return df.assign(datum=pd.to_datetime(df["datum"], format="ISO8601").astype("datetime64[us]"))


# A: Jan 5, Jan 20 (same month) and Mar 3.  D: Jan 31 late evening and Feb 1.
# B: Feb 1, a return on Feb 10 (no purchase), Apr 1.  C: only a return (never a cohort member).
# One anonymous ticket.
HAND = log(
    [
        ("A", "2025-01-05 10:00", 40.0),
        ("A", "2025-01-20 11:00", 25.0),
        ("A", "2025-03-03 12:00", 60.0),
        ("D", "2025-01-31 23:59", 15.0),
        ("D", "2025-02-01 00:01", 15.0),
        ("B", "2025-02-01 09:00", 80.0),
        ("B", "2025-02-10 09:00", -80.0),
        ("B", "2025-04-01 09:00", 30.0),
        ("C", "2025-03-15 09:00", -20.0),
        (None, "2025-03-16 09:00", 12.0),
    ]
)


# ---------------------------------------------------------------- cohort_tabel
def test_cohort_hand_computed_monthly():
    tabel = cohort_tabel(HAND, peildatum="2025-04-30", periode="M")
    # January cohort {A, D} (2): Jan both, Feb D, Mar A, Apr nobody -> 1, 1/2, 1/2, 0.
    # February cohort {B} (1): Feb B, Mar nobody (a return is no purchase), Apr B; May not yet observed.
    assert [str(p) for p in tabel.index] == ["2025-01", "2025-02"]
    np.testing.assert_allclose(tabel.loc["2025-01"].to_numpy(), [1.0, 0.5, 0.5, 0.0])
    np.testing.assert_allclose(tabel.loc["2025-02"].to_numpy(), [1.0, 0.0, 1.0, np.nan])
    assert tabel.attrs["anonieme_tickets"] == 1
    tellen = cohort_tabel(HAND, peildatum="2025-04-30", periode="M", absoluut=True)
    assert tellen.loc["2025-01"].tolist() == [2, 1, 1, 0]
    assert tellen.loc["2025-02"].iloc[:3].tolist() == [1, 0, 1]
    assert pd.isna(tellen.loc["2025-02"].iloc[3])


def test_cohort_hand_computed_quarterly_and_yearly():
    # Q1 cohort {A, B, D} (3); in Q2 (up to Apr 30) only B bought -> 1/3.
    kwartaal = cohort_tabel(HAND, peildatum="2025-04-30", periode="Q")
    assert [str(p) for p in kwartaal.index] == ["2025Q1"]
    np.testing.assert_allclose(kwartaal.iloc[0].to_numpy(), [1.0, 1 / 3])
    jaar = cohort_tabel(HAND, peildatum="2025-04-30", periode="Y")
    assert jaar.shape == (1, 1) and jaar.iloc[0, 0] == 1.0


def test_cohort_default_peildatum_is_last_ticket_day():
    # Last ticket Apr 1 -> same table as with peildatum Apr 30 (same month).
    pd.testing.assert_frame_equal(cohort_tabel(HAND), cohort_tabel(HAND, peildatum="2025-04-30"))


def test_cohort_other_column_names():
    hernoemd = HAND.rename(columns={"klant_id": "klant", "datum": "dag", "bedrag": "totaal"})
    pd.testing.assert_frame_equal(
        cohort_tabel(hernoemd, peildatum="2025-04-30", klant="klant", datum="dag", bedrag="totaal"),
        cohort_tabel(HAND, peildatum="2025-04-30"),
    )


def reference_cohorts(tickets: pd.DataFrame, peildatum: str, periode: str) -> pd.DataFrame:
    """Plain pandas: groupby first purchase period, drop_duplicates, crosstab."""
    koop = tickets[(tickets["bedrag"] > 0) & tickets["klant_id"].notna()].copy()
    koop["per"] = koop["datum"].dt.to_period(periode)
    eerste = koop.groupby("klant_id")["per"].min().rename("cohort")
    actief = koop[["klant_id", "per"]].drop_duplicates().join(eerste, on="klant_id")
    actief["afstand"] = [(p - c).n for p, c in zip(actief["per"], actief["cohort"], strict=True)]
    tel = pd.crosstab(actief["cohort"], actief["afstand"]).astype("float64")
    laatste = pd.Timestamp(peildatum).to_period(periode)
    breed = max((laatste - c).n for c in tel.index) + 1
    tel = tel.reindex(columns=range(breed), fill_value=0.0)
    aandeel = tel.div(tel[0], axis=0)
    for cohort in aandeel.index:
        aandeel.loc[cohort, [k for k in aandeel.columns if k > (laatste - cohort).n]] = np.nan
    return aandeel


def random_log(seed: int, n: int = 400, klanten: int = 60) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = np.array([f"K{i:03d}" for i in range(klanten)], dtype=object)
    klant = ids[rng.integers(0, klanten, n)]
    klant[rng.random(n) < 0.2] = None
    start = np.datetime64("2023-01-01T00:00", "m")
    datum = start + rng.integers(0, 3 * 365 * 24 * 60, n).astype("timedelta64[m]")
    bedrag = np.round(rng.normal(60, 50, n), 2)
    return pd.DataFrame({"klant_id": klant, "datum": datum.astype("datetime64[us]"), "bedrag": bedrag})


@pytest.mark.parametrize("periode", ["M", "Q", "Y"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cohort_matches_plain_pandas(periode, seed):
    tickets = random_log(seed)
    verwacht = reference_cohorts(tickets, "2025-12-31", periode)
    uit = cohort_tabel(tickets, peildatum="2025-12-31", periode=periode)
    assert [str(p) for p in uit.index] == [str(p) for p in verwacht.index]
    np.testing.assert_allclose(uit.to_numpy(), verwacht.to_numpy())


def test_cohort_hash_path_equals_bitmap_path(monkeypatch):
    tickets = random_log(7, n=2000, klanten=300)
    bitmap = cohort_tabel(tickets, peildatum="2025-12-31")
    monkeypatch.setattr(trouw, "_MAX_BITMAP", 0)
    pd.testing.assert_frame_equal(cohort_tabel(tickets, peildatum="2025-12-31"), bitmap)


@pytest.mark.parametrize("stap", [1, 10**9])  # dense ids (numbered directly) and sparse ids (hashed)
def test_integer_customer_ids_give_the_same_tables(stap):
    tickets = random_log(9)
    nummers = (tickets["klant_id"].str.slice(1).astype("Int64") + 1) * stap  # 0 would be anonymous
    met_getallen = tickets.assign(klant_id=nummers)
    pd.testing.assert_frame_equal(cohort_tabel(met_getallen), cohort_tabel(tickets))
    pd.testing.assert_frame_equal(churn_per_periode(met_getallen), churn_per_periode(tickets))
    status = churn_status(met_getallen, "2025-12-31")
    verwacht = churn_status(tickets, "2025-12-31")
    assert status.index.tolist() == [(int(k[1:]) + 1) * stap for k in verwacht.index]
    pd.testing.assert_frame_equal(status.reset_index(drop=True), verwacht.reset_index(drop=True))


def test_categorical_customer_ids_give_the_same_tables():
    tickets = random_log(10)
    categorisch = tickets.assign(klant_id=tickets["klant_id"].astype("category"))
    pd.testing.assert_frame_equal(cohort_tabel(categorisch), cohort_tabel(tickets))
    pd.testing.assert_frame_equal(
        churn_per_periode(categorisch, periode="Q"), churn_per_periode(tickets, periode="Q")
    )


tickets_strategie = st.lists(
    st.tuples(
        st.sampled_from(["A", "B", "C", "D", "E", None]),
        st.integers(0, 3 * 365 - 1),
        st.sampled_from([-40.0, -5.0, 0.0, 10.0, 35.5, 120.0]),
    ),
    min_size=1,
    max_size=40,
)


def als_log(rijen) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "klant_id": pd.Series([r[0] for r in rijen], dtype="str"),
            "datum": np.datetime64("2023-01-01", "us")
            + np.array([r[1] for r in rijen], dtype="timedelta64[D]"),
            "bedrag": [r[2] for r in rijen],
        }
    )


@settings(max_examples=60, deadline=None)
@given(rijen=tickets_strategie, periode=st.sampled_from(["M", "Q", "Y"]), volgorde=st.randoms())
def test_cohort_properties(rijen, periode, volgorde):
    tickets = als_log(rijen)
    if not ((tickets["bedrag"] > 0) & tickets["klant_id"].notna()).any():
        with pytest.raises(InvoerFout, match="geen enkele aankoop"):
            cohort_tabel(tickets, peildatum="2025-12-31", periode=periode)
        return
    tabel = cohort_tabel(tickets, peildatum="2025-12-31", periode=periode)
    waarden = tabel.to_numpy()
    gezien = waarden[~np.isnan(waarden)]
    assert ((gezien >= 0) & (gezien <= 1)).all()
    assert (tabel[0] == 1.0).all()
    # one row per distinct first-purchase period; cohort sizes add up to the buying customers
    tellen = cohort_tabel(tickets, peildatum="2025-12-31", periode=periode, absoluut=True)
    kopers = tickets.loc[tickets["bedrag"] > 0, "klant_id"].dropna().nunique()
    assert int(tellen[0].sum()) == kopers
    # independent of row order
    index = list(range(len(tickets)))
    volgorde.shuffle(index)
    pd.testing.assert_frame_equal(
        cohort_tabel(tickets.iloc[index], peildatum="2025-12-31", periode=periode), tabel
    )
    verwacht = reference_cohorts(tickets, "2025-12-31", periode)
    np.testing.assert_allclose(waarden, verwacht.to_numpy())


@pytest.mark.parametrize(
    ("bewerk", "melding"),
    [
        (lambda t: t.drop(columns="datum"), "mist de kolom 'datum'"),
        (lambda t: t.iloc[:0], "is leeg"),
        (lambda t: t.assign(datum=t["datum"].astype(str)), "moet datums bevatten"),
        (lambda t: t.assign(bedrag=t["bedrag"].astype(str)), "moet getallen bevatten"),
        (lambda t: t.assign(bedrag=t["bedrag"].where(t.index != 2)), "1 ontbrekende bedrag"),
    ],
)
def test_cohort_input_errors(bewerk, melding):
    with pytest.raises(InvoerFout, match=melding):
        cohort_tabel(bewerk(HAND), peildatum="2025-04-30")


def test_cohort_dates_after_peildatum_and_bad_periode():
    with pytest.raises(InvoerFout, match="na de peildatum 2025-03-31"):
        cohort_tabel(HAND, peildatum="2025-03-31")
    with pytest.raises(InvoerFout, match="Onbekende periode 'W'"):
        cohort_tabel(HAND, periode="W")


# ---------------------------------------------------------------- churn_status
CHURN = log(
    [
        # A: purchase days Jan 1, Mar 2, May 1 -> intervals 60, 60 -> median 60 -> threshold 2 x 60 = 120;
        #    May 1 -> Dec 31 = 30+30+31+31+30+31+30+31 = 244 days > 120 -> risico.
        ("A", "2025-01-01", 40.0),
        ("A", "2025-03-02", 25.0),
        ("A", "2025-05-01", 60.0),
        # E: two tickets on Dec 1 (one purchase day), Dec 10, a return Dec 20 -> interval 9 -> 18,
        #    raised to the 60-day minimum; last purchase Dec 10 -> 21 days -> actief.
        ("E", "2025-12-01 10:00", 30.0),
        ("E", "2025-12-01 16:00", 20.0),
        ("E", "2025-12-10", 45.0),
        ("E", "2025-12-20", -45.0),
        # F: one purchase Jun 1 and returns exceeding it -> no rhythm -> threshold 180;
        #    Jun 1 -> Dec 31 = 29+31+31+30+31+30+31 = 213 days -> risico.
        ("F", "2025-06-01", 50.0),
        ("F", "2025-06-05", -80.0),
        # G: only a return -> not in the table, counted.
        ("G", "2025-04-01", -30.0),
        # H: days 0, 10, 100 of 2025 -> intervals 10, 90 -> median 50 -> 100; last Apr 11 -> 264 -> risico.
        ("H", "2025-01-01", 10.0),
        ("H", "2025-01-11", 10.0),
        ("H", "2025-04-11", 10.0),
        # I: exactly 365 days ago -> not yet lost, but > 180 -> risico.  J: 366 days -> verloren.
        ("I", "2024-12-31", 70.0),
        ("J", "2024-12-30", 70.0),
        (None, "2025-12-30", 99.0),
    ]
)


def test_churn_status_hand_computed():
    uit = churn_status(CHURN, "2025-12-31")
    assert uit.index.tolist() == ["A", "E", "F", "H", "I", "J"]
    assert uit["dagen_sinds"].tolist() == [244, 21, 213, 264, 365, 366]
    assert uit["aankoopdagen"].tolist() == [3, 2, 1, 3, 1, 1]
    np.testing.assert_allclose(uit["mediaan_interval"], [60, 9, np.nan, 50, np.nan, np.nan])
    np.testing.assert_allclose(uit["drempel_risico"], [120, 60, 180, 100, 180, 180])
    assert uit["status"].tolist() == ["risico", "actief", "risico", "risico", "risico", "verloren"]
    assert uit.attrs["klanten_zonder_aankoop"] == 1
    assert uit.attrs["anonieme_tickets"] == 1


def test_churn_status_parameters_change_the_rule():
    # With verloren_na = 200 and risico_na = 190: A (244) and H (264), F (213) are now lost.
    uit = churn_status(CHURN, "2025-12-31", risico_na=190, verloren_na=200)
    assert uit["status"].tolist() == ["verloren", "actief", "verloren", "verloren", "verloren", "verloren"]
    with pytest.raises(InvoerFout, match="churnregel"):
        churn_status(CHURN, "2025-12-31", risico_na=400, verloren_na=365)
    with pytest.raises(InvoerFout, match="churnregel"):
        churn_status(CHURN, "2025-12-31", factor=0)


def test_churn_status_matches_reference_on_random_data():
    tickets = random_log(11, n=800, klanten=80)
    uit = churn_status(tickets, "2025-12-31")
    koop = tickets[(tickets["bedrag"] > 0) & tickets["klant_id"].notna()]
    dagen = koop.assign(dag=koop["datum"].dt.normalize())[["klant_id", "dag"]].drop_duplicates()
    for klant, groep in dagen.groupby("klant_id"):
        reeks = groep["dag"].sort_values()
        mediaan = reeks.diff().dropna().dt.days.median() if len(reeks) > 1 else np.nan
        drempel = 180.0 if np.isnan(mediaan) else min(max(2 * mediaan, 60), 180)
        sinds = (pd.Timestamp("2025-12-31") - reeks.iloc[-1]).days
        status = "verloren" if sinds > 365 else "risico" if sinds > drempel else "actief"
        rij = uit.loc[klant]
        assert (rij["dagen_sinds"], rij["status"], rij["aankoopdagen"]) == (sinds, status, len(reeks))
        assert rij["drempel_risico"] == pytest.approx(drempel)
    assert len(uit) == dagen["klant_id"].nunique()


# ---------------------------------------------------------------- churn_per_periode / retentie
RETENTIE = log(
    [
        # 2023: A, B, C.  2024: A, C, D.  2025: A, D, E (E only in Q4 2025).
        ("A", "2023-02-01", 10.0), ("B", "2023-05-01", 10.0), ("C", "2023-12-31 18:00", 10.0),
        ("A", "2024-03-01", 10.0), ("C", "2024-01-02", 10.0), ("D", "2024-06-01", 10.0),
        ("B", "2024-07-01", -10.0),  # a return is not activity
        ("A", "2025-03-01", 10.0), ("D", "2025-02-01", 10.0), ("E", "2025-11-01", 10.0),
    ]
)  # fmt: skip


def test_churn_per_year_hand_computed():
    uit = churn_per_periode(RETENTIE, peildatum="2025-12-31")
    # 2024 kept {A, C} of {A, B, C}: 2/3.  2025 kept {A, D} of {A, C, D}: 2/3.
    assert uit["klanten"].tolist() == [3, 3, 3]
    np.testing.assert_allclose(uit["retentie"], [np.nan, 2 / 3, 2 / 3])
    np.testing.assert_allclose(uit["churn"], [np.nan, 1 / 3, 1 / 3])
    # r = (2 + 2) / (3 + 3)
    assert retentie_per_jaar(RETENTIE, "2025-12-31") == pytest.approx(4 / 6)


def test_churn_drops_incomplete_last_period():
    # Peildatum Nov 30 2025: 2025 is not over -> only 2023 and 2024; r = 2/3.
    uit = churn_per_periode(RETENTIE, peildatum="2025-11-30")
    assert [str(p) for p in uit.index] == ["2023", "2024"]
    assert retentie_per_jaar(RETENTIE, "2025-11-30") == pytest.approx(2 / 3)
    kwartaal = churn_per_periode(RETENTIE, peildatum="2025-11-30", periode="Q")
    assert str(kwartaal.index[-1]) == "2025Q3"
    # 2025Q3: nobody active; previous 2025Q2: nobody -> retention undefined (NaN), not an error
    assert kwartaal["klanten"].iloc[-1] == 0 and np.isnan(kwartaal["retentie"].iloc[-1])
    with pytest.raises(InvoerFout, match="minstens twee volledige kalenderjaren"):
        retentie_per_jaar(RETENTIE[RETENTIE["datum"] < "2024-07-01"], "2024-06-30")
    with pytest.raises(InvoerFout, match="nog geen volledige jaar"):
        churn_per_periode(RETENTIE[RETENTIE["datum"] < "2023-12-30"], peildatum="2023-12-30")


@pytest.mark.parametrize("periode", ["M", "Q", "Y"])
def test_churn_matches_set_reference(periode):
    tickets = random_log(5, n=600, klanten=70)
    uit = churn_per_periode(tickets, peildatum="2025-12-31", periode=periode)
    koop = tickets[(tickets["bedrag"] > 0) & tickets["klant_id"].notna()]
    sets = koop.groupby(koop["datum"].dt.to_period(periode))["klant_id"].agg(set)
    for per in uit.index[1:]:
        vorige, nu = sets.get(per - 1, set()), sets.get(per, set())
        assert uit.loc[per, "klanten"] == len(nu)
        if vorige:
            assert uit.loc[per, "retentie"] == pytest.approx(len(nu & vorige) / len(vorige))


# ---------------------------------------------------------------- clv
def test_clv_hand_computed():
    # 100 x 0.6 / (1 + 0.1 - 0.6) = 60 / 0.5 = 120
    assert clv(100.0, 0.6, 0.1) == pytest.approx(120.0)
    # perpetuity: r = 1 -> m / d = 50 / 0.25
    assert clv(50.0, 1.0, 0.25) == pytest.approx(200.0)
    assert clv(80.0, 0.0, 0.1) == 0.0
    marges = pd.Series([100.0, 0.0, -20.0], index=["A", "B", "C"])
    verwacht = pd.Series([120.0, 0.0, -24.0], index=["A", "B", "C"])
    pd.testing.assert_series_equal(clv(marges, 0.6, 0.1), verwacht)


@settings(max_examples=200, deadline=None)
@given(
    m=st.floats(0, 10_000, allow_nan=False),
    r=st.floats(0, 0.95, allow_nan=False),
    d=st.floats(0, 0.5, allow_nan=False),
)
def test_clv_equals_truncated_geometric_series(m, r, d):
    # margin m at the end of year t = 1, 2, ... with survival r^t, discounted by (1 + d)^t
    t = np.arange(1, 1001)
    reeks = float(np.sum(m * r**t / (1 + d) ** t))
    assert clv(m, r, d) == pytest.approx(reeks, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize(
    ("m", "r", "d", "melding"),
    [
        (100.0, 1.2, 0.1, "retentie is een kans"),
        (100.0, -0.1, 0.1, "retentie is een kans"),
        (100.0, 0.5, -0.1, "disconteringsvoet"),
        (100.0, 1.0, 0.0, "oneindig"),
        (np.array([1.0, np.nan]), 0.5, 0.1, "1 marge"),
    ],
)
def test_clv_errors(m, r, d, melding):
    with pytest.raises(InvoerFout, match=melding):
        clv(m, r, d)


# ---------------------------------------------------------------- kaarthouders_vs_anderen
def test_kaarthouders_hand_computed():
    klanten = pd.DataFrame(
        {"klant_id": ["A", "B", "C", "D"], "klantenkaart": [True, True, False, False]}
    )
    tickets = log(
        [
            ("A", "2023-05-01", 100.0),
            ("A", "2024-05-01", 50.0),
            ("A", "2024-05-10", -30.0),
            ("B", "2023-03-01", 40.0),
            ("C", "2023-07-01 10:00", 60.0),
            ("C", "2023-07-01 15:00", 20.0),
            ("E", "2024-01-01", 10.0),  # not in klanten
            (None, "2024-02-01", 500.0),
        ]
    )
    uit = kaarthouders_vs_anderen(klanten, tickets, peildatum="2024-12-31")
    kaart, ander = uit.loc["kaarthouders"], uit.loc["andere klanten"]
    # card holders A (120 net, 2 days) and B (40, 1 day); 2023 {A, B} -> 2024 {A}
    # average ticket as in helpers.kpi.gemiddeld_ticket: net (100 + 50 - 30 + 40) / 3 purchase tickets
    assert kaart["klanten"] == 2
    assert kaart["omzet_per_klant"] == pytest.approx(80.0)
    assert kaart["mediaan_omzet"] == pytest.approx(80.0)
    assert kaart["aankoopdagen_per_klant"] == pytest.approx(1.5)
    assert kaart["gemiddeld_ticket"] == pytest.approx(160 / 3)
    assert kaart["herhaalkopers"] == pytest.approx(0.5)
    assert kaart["retentie_per_jaar"] == pytest.approx(0.5)
    # others: C (80, one day, tickets 60 and 20 -> 80 / 2); D never bought; 2023 {C} -> 2024 {} -> 0
    assert ander["klanten"] == 1
    assert ander["omzet_per_klant"] == pytest.approx(80.0)
    assert ander["gemiddeld_ticket"] == pytest.approx(40.0)
    assert ander["herhaalkopers"] == 0.0
    assert ander["retentie_per_jaar"] == 0.0
    assert uit.attrs["onbekende_klanten"] == 1
    assert uit.attrs["anonieme_tickets"] == 1


def test_kaarthouders_errors():
    klanten = pd.DataFrame({"klant_id": ["A"], "klantenkaart": ["ja"]})
    with pytest.raises(InvoerFout, match="waar/onwaar"):
        kaarthouders_vs_anderen(klanten, HAND)
    with pytest.raises(InvoerFout, match="mist de kolom 'klantenkaart'"):
        kaarthouders_vs_anderen(klanten.drop(columns="klantenkaart"), HAND)


# ---------------------------------------------------------------- tijd_tot_eerste_bon
def test_tijd_tot_eerste_bon_hand_computed():
    tickets = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4", "T5", "T6", "T7"],
            "klant_id": ["A", "A", "B", "C", None, "G", "A"],
            "datum": pd.to_datetime(
                ["2025-01-01 17:00", "2025-03-02 09:00", "2025-02-01", "2025-05-05", "2025-05-06",
                 "2025-06-01", "2025-04-01"], format="ISO8601"
            ),
            "bedrag": [80.0, 45.0, 30.0, 20.0, 10.0, -25.0, 15.0],
        }
    )  # fmt: skip
    lijnen = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T2", "T3", "T4", "T5", "T6", "T7"],
            "korting_soort": [None, "solden", "klantenkaart", "actie", "klantenkaart", "klantenkaart",
                              "klantenkaart", "klantenkaart"],
        }
    )  # fmt: skip
    uit = tijd_tot_eerste_bon(tickets, lijnen, peildatum="2025-12-31")
    # A: first purchase Jan 1, first voucher Mar 2 (the Apr 1 one is later) -> 31 + 28 + 1 = 60 days.
    # B: no voucher yet.  C: voucher on the very first ticket -> 0.  G: only a return -> not listed.
    assert uit.index.tolist() == ["A", "B", "C"]
    assert uit["dagen_tot_bon"].tolist() == [60, pd.NA, 0]
    assert uit["heeft_bon"].tolist() == [True, False, True]
    # followed since first purchase: Jan 1 -> Dec 31 = 364; Feb 1 -> 333; May 5 -> 240
    assert uit["dagen_gevolgd"].tolist() == [364, 333, 240]
    assert uit.attrs["anonieme_tickets"] == 1
    with pytest.raises(InvoerFout, match="mist de kolom 'korting_soort'"):
        tijd_tot_eerste_bon(tickets, lijnen.drop(columns="korting_soort"))


def test_single_customer_several_tickets_on_one_day():
    # one customer, three tickets on Mar 3 (one of them a return) and one on May 20
    tickets = log(
        [
            ("A", "2025-03-03 09:00", 20.0),
            ("A", "2025-03-03 12:00", 35.0),
            ("A", "2025-03-03 17:00", -20.0),
            ("A", "2025-05-20 10:00", 15.0),
        ]
    )
    # cohort March: active in March (0) and May (2), not in April (1) -> 1, 0, 1
    assert cohort_tabel(tickets, "2025-05-31").loc["2025-03"].tolist() == [1.0, 0.0, 1.0]
    status = churn_status(tickets, "2025-05-31")
    # two purchase days 78 days apart (28 + 30 + 20); last purchase 11 days ago -> actief
    assert status.loc["A", ["aankoopdagen", "mediaan_interval", "dagen_sinds"]].tolist() == [2, 78.0, 11]
    assert status.loc["A", "status"] == "actief"

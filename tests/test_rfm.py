"""Tests for helpers.rfm against hand-computed cases, a plain-Python oracle and properties."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.rfm import (
    ALLE_SEGMENTEN,
    GROTE_EENMALIGE,
    SEGMENTEN,
    SEGMENTKAART,
    aankoopintervallen,
    klantcodes,
    kwantielscores,
    naar_vijf_klassen,
    rfm_rapport,
    rfm_scores,
    rfm_segmenten,
    rfm_tabel,
    segment_migratie,
    segment_overzicht,
)

PEIL = pd.Timestamp("2025-12-31")


def tickets_from(rows: list[tuple]) -> pd.DataFrame:
    klant, datum, bedrag = zip(*rows, strict=True) if rows else ((), (), ())
    return pd.DataFrame(
        {
            "klant_id": pd.Series(list(klant), dtype="str"),
            "datum": pd.to_datetime(pd.Series(list(datum), dtype="str"), format="ISO8601").astype(
                "datetime64[us]"
            ),
            "bedrag": pd.Series(list(bedrag), dtype="float64"),
        }
    )


HAND = [
    ("A", "2025-12-01 10:00", 50.0),
    ("A", "2025-12-01 15:00", 30.0),  # same day: one purchase day
    ("A", "2025-12-10 12:00", -20.0),  # return, netted
    ("A", "2025-11-01 09:00", 100.0),
    ("B", "2025-12-31 23:00", 10.0),  # late on the peildatum itself: included, recency 0
    ("C", "2025-06-15 11:00", 40.0),
    ("C", "2025-07-01 11:00", -60.0),  # returns exceed purchases
    ("D", "2025-03-01 11:00", -25.0),  # only a return: no purchase day
    ("E", "2025-04-01 11:00", 0.0),  # zero amount: no purchase day
    (None, "2025-05-05 11:00", 70.0),  # anonymous
    ("", "2025-05-06 11:00", 5.0),  # empty text: anonymous too
]


def test_rfm_tabel_hand_case():
    tabel = rfm_tabel(tickets_from(HAND), "2025-12-31")
    assert tabel.index.tolist() == ["A", "B", "C"]
    assert tabel.index.name == "klant_id"
    # A: purchase days 11-01 and 12-01 -> F 2; last 12-01 -> 31 - 1 = 30 days; M 50+30-20+100 = 160
    # B: 12-31 -> recency 0, F 1, M 10
    # C: 06-15 -> 15 (rest of June) + 31+31+30+31+30+31 (Jul..Dec) = 199 days; M 40-60 = -20
    assert tabel["recency"].tolist() == [30, 0, 199]
    assert tabel["frequentie"].tolist() == [2, 1, 1]
    assert tabel["monetair"].tolist() == [160.0, 10.0, -20.0]
    assert tabel["eerste_aankoop"].tolist() == [
        pd.Timestamp(d) for d in ("2025-11-01", "2025-12-31", "2025-06-15")
    ]
    assert tabel["laatste_aankoop"].tolist() == [
        pd.Timestamp(d) for d in ("2025-12-01", "2025-12-31", "2025-06-15")
    ]
    assert tabel["recency"].dtype == np.int64 and tabel["frequentie"].dtype == np.int64


def test_rfm_rapport_accounts_for_everything():
    rapport = rfm_rapport(rfm_tabel(tickets_from(HAND), "2025-12-31"))
    assert rapport["aantal_tickets"] == 11
    assert rapport["anonieme_tickets"] == 2  # None and ""
    assert rapport["anoniem_bedrag"] == 75.0  # 70 + 5
    assert rapport["klantentickets"] == 9
    assert rapport["klanten"] == 3
    assert rapport["klanten_bedrag"] == 150.0  # 160 + 10 - 20
    assert rapport["klanten_zonder_aankoop"] == 2
    assert rapport["ids_zonder_aankoop"] == ["D", "E"]
    assert rapport["bedrag_zonder_aankoop"] == -25.0
    assert rapport["totaal_bedrag"] == 200.0  # 75 + 150 - 25 = sum of all amounts
    assert rapport["peildatum"] == PEIL
    # a copy: changing it does not change the table's report
    rapport["klanten"] = 99
    assert rfm_rapport(rfm_tabel(tickets_from(HAND), PEIL))["klanten"] == 3


def test_rfm_rapport_missing():
    with pytest.raises(InvoerFout, match="geen RFM-rapport"):
        rfm_rapport(pd.DataFrame({"recency": [1]}))


def test_one_customer_and_only_anonymous():
    tabel = rfm_tabel(tickets_from([("X", "2024-01-01 10:00", 5.0)]), PEIL)
    # 2024 is a leap year: 366 days from 2024-01-01 to 2025-01-01, then 364 to 2025-12-31
    assert tabel["recency"].tolist() == [730]
    anoniem = rfm_tabel(tickets_from([(None, "2024-01-01 10:00", 5.0)]), PEIL)
    assert len(anoniem) == 0
    assert rfm_rapport(anoniem)["anonieme_tickets"] == 1


def test_other_column_names_and_integer_ids():
    df = pd.DataFrame(
        {
            "klant": pd.array([7, 3, pd.NA, 7], dtype="Int64"),
            "dag": pd.to_datetime(["2025-01-02", "2025-01-03", "2025-01-03", "2025-01-05"]),
            "omzet": [1.0, 2.0, 3.0, 4.0],
        }
    )
    tabel = rfm_tabel(df, "2025-01-10", klant="klant", datum="dag", bedrag="omzet")
    assert tabel.index.tolist() == [3, 7]
    assert tabel.index.name == "klant"
    assert tabel["frequentie"].tolist() == [1, 2]
    assert tabel["recency"].tolist() == [7, 5]  # 10-3, 10-5


@pytest.mark.parametrize("eenheid", ["s", "ms", "us", "ns"])
def test_any_datetime_resolution(eenheid):
    tickets = tickets_from(HAND)
    anders = rfm_tabel(tickets.assign(datum=tickets["datum"].astype(f"datetime64[{eenheid}]")), PEIL)
    pd.testing.assert_frame_equal(anders, rfm_tabel(tickets, PEIL))


def test_categorical_customer_ids():
    tickets = tickets_from(HAND)
    als_categorie = rfm_tabel(tickets.assign(klant_id=tickets["klant_id"].astype("category")), PEIL)
    gewoon = rfm_tabel(tickets, PEIL)
    assert als_categorie.index.tolist() == ["A", "B", "C"]  # "" and NA stay anonymous
    assert not isinstance(als_categorie.index, pd.CategoricalIndex)
    pd.testing.assert_frame_equal(als_categorie, gewoon, check_index_type=False)
    assert rfm_rapport(als_categorie) == rfm_rapport(gewoon)


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda t: t.drop(columns="bedrag"), "mist de kolom 'bedrag'"),
        (lambda t: t.iloc[0:0], "is leeg"),
        (lambda t: t.assign(datum=t["datum"].astype(str)), "moet datums bevatten"),
        (lambda t: t.assign(bedrag=t["bedrag"].astype(str)), "moet getallen bevatten"),
        (lambda t: t.assign(bedrag=t["bedrag"].where(t.index != 2)), "1 ontbrekende bedrag"),
        (lambda t: t.assign(datum=t["datum"].where(t.index != 1)), "1 lege datum"),
    ],
)
def test_rfm_tabel_errors(wijzig, melding):
    with pytest.raises(InvoerFout, match=melding):
        rfm_tabel(wijzig(tickets_from(HAND)), PEIL)


def test_rfm_tabel_dates_after_peildatum():
    with pytest.raises(InvoerFout, match="liggen na de peildatum 2025-12-30"):
        rfm_tabel(tickets_from(HAND), "2025-12-30")
    with pytest.raises(InvoerFout, match="geen geldige datum"):
        rfm_tabel(tickets_from(HAND), "morgen")


# ---------------------------------------------------------------- plain-Python oracle


def oracle_rfm(rows: list[tuple], peil: pd.Timestamp) -> dict:
    per_klant: dict = {}
    for klant, datum, bedrag in rows:
        if klant is None or klant.strip() == "":
            continue
        entry = per_klant.setdefault(klant, {"m": 0.0, "days": set()})
        entry["m"] += bedrag
        if bedrag > 0:
            entry["days"].add(pd.Timestamp(datum).date())
    result = {}
    for klant in sorted(per_klant):
        days = per_klant[klant]["days"]
        if days:
            result[klant] = (
                (peil.date() - max(days)).days,
                len(days),
                per_klant[klant]["m"],
                min(days),
                max(days),
            )
    return result


ticket_rows = st.lists(
    st.tuples(
        st.sampled_from(["K1", "K2", "K3", "K10", "K4", None, ""]),
        st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2025, 12, 31, 23, 59)).map(
            lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
        ),
        st.sampled_from([-30.0, -5.5, 0.0, 5.5, 12.25, 80.0, 199.99]),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(ticket_rows)
def test_rfm_tabel_matches_python_oracle(rows):
    tabel = rfm_tabel(tickets_from(rows), PEIL)
    verwacht = oracle_rfm(rows, PEIL)
    assert tabel.index.tolist() == list(verwacht)
    for klant, (recency, freq, mon, eerste, laatste) in verwacht.items():
        rij = tabel.loc[klant]
        assert rij["recency"] == recency
        assert rij["frequentie"] == freq
        assert rij["monetair"] == pytest.approx(mon, abs=1e-9)
        assert rij["eerste_aankoop"].date() == eerste
        assert rij["laatste_aankoop"].date() == laatste
    rapport = rfm_rapport(tabel)
    assert rapport["totaal_bedrag"] == pytest.approx(sum(r[2] for r in rows), abs=1e-9)
    assert rapport["anonieme_tickets"] == sum(1 for r in rows if not r[0])
    assert rapport["klanten"] + rapport["klanten_zonder_aankoop"] == len({r[0] for r in rows if r[0]})


@settings(max_examples=40, deadline=None)
@given(ticket_rows, st.randoms(use_true_random=False))
def test_rfm_independent_of_row_order(rows, rnd):
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    a = rfm_tabel(tickets_from(rows), PEIL)
    b = rfm_tabel(tickets_from(shuffled), PEIL)
    pd.testing.assert_frame_equal(a, b, check_exact=False, atol=1e-9)
    if len(a):
        sa = rfm_segmenten(rfm_scores(a))
        sb = rfm_segmenten(rfm_scores(b.sample(frac=1, random_state=rnd.randint(0, 999)))).loc[sa.index]
        pd.testing.assert_frame_equal(sa, sb, check_exact=False, atol=1e-9)


# ---------------------------------------------------------------- scores


def test_rfm_scores_hand_case():
    scores = rfm_scores(rfm_tabel(tickets_from(HAND), PEIL))
    # n = 3, score = 1 + floor(5 * (number strictly worse) / 3)
    # R (recency A 30, B 0, C 199): B has 2 worse -> 1 + floor(10/3) = 4; A 1 worse -> 2; C -> 1
    # F (A 2, B 1, C 1): A 2 worse -> 4; B and C tie with 0 worse -> 1
    # M (A 160, B 10, C -20): A -> 4, B -> 2, C -> 1
    assert scores["R"].tolist() == [2, 4, 1]
    assert scores["F"].tolist() == [4, 1, 1]
    assert scores["M"].tolist() == [4, 2, 1]
    assert scores["rfm_code"].tolist() == ["244", "412", "111"]
    seg = rfm_segmenten(scores)
    # A: R2 F4 -> Bijna kwijt; B: R4 F1 -> Veelbelovend; C: R1 F1 -> Slapend
    assert seg["segment"].tolist() == ["Bijna kwijt", "Veelbelovend", "Slapend"]
    assert seg["actie"].tolist() == SEGMENTEN.loc[seg["segment"].astype(str), "actie"].tolist()
    assert rfm_rapport(seg)["anonieme_tickets"] == 2  # the report travels along with the table


def rfm_frame(recency, frequentie, monetair):
    return pd.DataFrame(
        {"recency": recency, "frequentie": frequentie, "monetair": monetair},
        index=pd.Index([f"K{i}" for i in range(len(recency))], name="klant_id"),
    )


def test_rfm_scores_ten_customers_are_deciles_of_quintiles():
    # 10 distinct values, 5 classes: 1 + floor(5*j/10) for j = 0..9 -> 1,1,2,2,3,3,4,4,5,5
    tabel = rfm_frame(list(range(10, 0, -1)), list(range(1, 11)), [float(x) for x in range(10)])
    scores = rfm_scores(tabel)
    for letter in "RFM":
        assert scores[letter].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_rfm_scores_fixed_thresholds():
    tabel = rfm_frame([0, 30, 31, 90, 365, 366], [1, 2, 3, 8, 9, 1], [0.0, 50.0, 50.01, 100.0, 1e6, -5.0])
    scores = rfm_scores(
        tabel,
        grenzen={"recency": [30, 90, 180, 365], "frequentie": [1, 2, 4, 8], "monetair": [50, 100, 250, 500]},
    )
    # a threshold is the inclusive upper bound of a class
    assert scores["R"].tolist() == [5, 5, 4, 4, 2, 1]
    assert scores["F"].tolist() == [1, 2, 3, 4, 5, 1]
    assert scores["M"].tolist() == [1, 1, 2, 2, 5, 1]


def test_rfm_scores_partial_thresholds_and_klassen():
    tabel = rfm_frame([5, 50, 500], [1, 2, 3], [1.0, 2.0, 3.0])
    scores = rfm_scores(tabel, klassen=3, grenzen={"recency": [30, 365]})
    assert scores["R"].tolist() == [3, 2, 1]
    assert scores["F"].tolist() == [1, 2, 3]  # quantiles: 1 + floor(3*j/3)
    assert scores.attrs["rfm_klassen"] == 3
    # 10 classes, n = 3: 1 + floor(10 * j / 3) for j = 0, 1, 2 worse -> 1, 4, 7
    assert rfm_scores(tabel, klassen=10)["rfm_code"].tolist() == ["7-1-1", "4-4-4", "1-7-7"]


@pytest.mark.parametrize(
    ("kwargs", "melding"),
    [
        ({"klassen": 1}, "van 2 tot 20"),
        ({"klassen": 2.5}, "van 2 tot 20"),
        ({"grenzen": [30, 90]}, "moeten een dict zijn"),
        ({"grenzen": {"recentie": [1, 2, 3, 4]}}, "Onbekende maat 'recentie'"),
        ({"grenzen": {"recency": [30, 90]}}, "4 grenzen nodig"),
        ({"grenzen": {"recency": [30, 90, 80, 365]}}, "strikt stijgen"),
        ({"grenzen": {"monetair": ["a", "b", "c", "d"]}}, "moeten getallen zijn"),
    ],
)
def test_rfm_scores_errors(kwargs, melding):
    with pytest.raises(InvoerFout, match=melding):
        rfm_scores(rfm_frame([1, 2], [1, 2], [1.0, 2.0]), **kwargs)


def test_rfm_scores_input_errors():
    with pytest.raises(InvoerFout, match="mist de kolom 'monetair'"):
        rfm_scores(rfm_frame([1], [1], [1.0]).drop(columns="monetair"))
    with pytest.raises(InvoerFout, match="1 ontbrekende"):
        rfm_scores(rfm_frame([1, 2], [1, 2], [1.0, np.nan]))


values = st.lists(st.integers(-5, 5), min_size=1, max_size=30)


@settings(max_examples=100, deadline=None)
@given(values, st.integers(2, 12))
def test_kwantielscores_properties(waarden, klassen):
    scores = kwantielscores(waarden, klassen)
    assert ((scores >= 1) & (scores <= klassen)).all()
    # oracle: pandas rank(method="min") gives 1 + number strictly smaller
    rank = pd.Series(waarden).rank(method="min").to_numpy()
    assert scores.tolist() == [1 + int(klassen * (r - 1) // len(waarden)) for r in rank]
    for i, a in enumerate(waarden):
        for j, b in enumerate(waarden):
            if a == b:
                assert scores[i] == scores[j]
            elif a < b:
                assert scores[i] <= scores[j]
    assert scores[int(np.argmin(waarden))] == 1


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 400), st.integers(1, 12), st.integers(-50, 900)), min_size=1, max_size=30
    )
)
def test_fixed_thresholds_match_python_oracle(rows):
    grenzen = {"recency": [30, 90, 180, 365], "frequentie": [1, 2, 4, 8], "monetair": [0, 100, 250, 500]}
    tabel = rfm_frame(*(list(kolom) for kolom in zip(*rows, strict=True)))
    scores = rfm_scores(tabel, grenzen=grenzen)
    for (recency, freq, mon), (_, rij) in zip(rows, scores.iterrows(), strict=True):
        # a threshold is the inclusive upper bound of its class; recency counts the other way round
        assert rij["R"] == 5 - sum(1 for g in grenzen["recency"] if recency > g)
        assert rij["F"] == 1 + sum(1 for g in grenzen["frequentie"] if freq > g)
        assert rij["M"] == 1 + sum(1 for g in grenzen["monetair"] if mon > g)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["K2", "K10", "K1", None, "", " "]), min_size=1, max_size=30))
def test_klantcodes_roundtrip(klanten):
    codes, ids = klantcodes(pd.Series(klanten, dtype="str"))
    assert ids.tolist() == sorted({k for k in klanten if k and k.strip()})
    for klant, code in zip(klanten, codes, strict=True):
        assert (code == -1) if not (klant and klant.strip()) else ids[code] == klant


# ---------------------------------------------------------------- segments


def test_segmentkaart_covers_every_cell_once():
    assert SEGMENTKAART.shape == (5, 5)
    assert SEGMENTKAART.index.tolist() == [5, 4, 3, 2, 1]
    assert SEGMENTKAART.columns.tolist() == [1, 2, 3, 4, 5]
    assert SEGMENTKAART.notna().all().all()
    assert set(SEGMENTKAART.to_numpy().ravel()) == set(SEGMENTEN.index)  # every segment used
    assert SEGMENTKAART.loc[5, 5] == "Kampioenen"
    assert SEGMENTKAART.loc[5, 1] == "Nieuwe klanten"
    assert SEGMENTKAART.loc[1, 5] == "Niet laten gaan"
    assert SEGMENTEN["actie"].str.len().gt(20).all()


def test_rfm_segmenten_all_25_cells():
    r, f = np.meshgrid(range(1, 6), range(1, 6), indexing="ij")
    scores = pd.DataFrame({"R": r.ravel(), "F": f.ravel()})
    seg = rfm_segmenten(scores)
    assert seg["segment"].tolist() == [
        SEGMENTKAART.loc[a, b] for a, b in zip(r.ravel(), f.ravel(), strict=True)
    ]
    assert seg["segment"].cat.ordered


def test_naar_vijf_klassen():
    assert naar_vijf_klassen(range(1, 6), 5).tolist() == [1, 2, 3, 4, 5]
    # ceil(5 * (s - 0.5) / 10): 0.25, 0.75, 1.25, ... -> 1,1,2,2,3,3,4,4,5,5
    assert naar_vijf_klassen(range(1, 11), 10).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    # ceil(5 * (s - 0.5) / 2): 1.25 -> 2, 3.75 -> 4
    assert naar_vijf_klassen([1, 2], 2).tolist() == [2, 4]
    for k in range(2, 21):
        out = naar_vijf_klassen(range(1, k + 1), k)
        assert out.min() >= 1 and out.max() <= 5 and (np.diff(out) >= 0).all()


def test_rfm_segmenten_other_klassen_and_errors():
    scores = pd.DataFrame({"R": [3, 1], "F": [3, 2]})
    # 3 classes -> 1, 3, 5: (5, 5) Kampioenen, (1, 3) Bijna kwijt
    assert rfm_segmenten(scores, klassen=3)["segment"].tolist() == ["Kampioenen", "Bijna kwijt"]
    with pytest.raises(InvoerFout, match="van 1 tot 2"):
        rfm_segmenten(scores, klassen=2)
    with pytest.raises(InvoerFout, match="mist de kolom 'F'"):
        rfm_segmenten(scores.drop(columns="F"))


def test_segment_overzicht():
    seg = rfm_segmenten(rfm_scores(rfm_tabel(tickets_from(HAND), PEIL)))
    overzicht = segment_overzicht(seg)
    assert overzicht.index.tolist() == SEGMENTEN.index.tolist()
    assert overzicht["klanten"].sum() == 3
    assert overzicht["aandeel_klanten"].sum() == pytest.approx(1.0)
    # turnover 160 + 10 - 20 = 150; Bijna kwijt (A) 160/150, Veelbelovend (B) 10/150, Slapend (C) -20/150
    assert overzicht.loc["Bijna kwijt", "aandeel_omzet"] == pytest.approx(160 / 150)
    assert overzicht.loc["Slapend", "aandeel_omzet"] == pytest.approx(-20 / 150)
    assert overzicht.loc["Veelbelovend", "recency"] == 0
    assert overzicht.loc["Kampioenen", "klanten"] == 0
    with pytest.raises(InvoerFout, match="Onbekend segment 'Goud'"):
        segment_overzicht(seg.assign(segment="Goud"))


def test_segment_migratie_hand_case():
    rows = [
        ("P", "2024-06-01 10:00", 50.0),  # bought before and after
        ("P", "2025-12-20 10:00", 60.0),
        ("Q", "2024-12-31 18:00", 80.0),  # only before (on the first peildatum itself)
        ("N", "2025-11-15 10:00", 30.0),  # new in the second window
        ("Z", "2024-03-01 10:00", -10.0),  # only a return: in no table
    ]
    m = segment_migratie(tickets_from(rows), "2024-12-31", "2025-12-31")
    assert m.index.tolist() == [*SEGMENTEN.index, "nieuw"]
    assert m.columns.tolist() == SEGMENTEN.index.tolist()
    # at 2024-12-31: P (recency 213, F1), Q (recency 0, F1) -> R: P 1, Q 1+floor(5*1/2)=3; F both 1
    #   P (1,1) Slapend; Q (3,1) Bijna slapend
    # at 2025-12-31: P (recency 11, F2), Q (365, F1), N (46, F1)
    #   R: P 2 worse -> 1+floor(10/3)=4; N 1 worse -> 2; Q -> 1. F: P -> 4; N, Q -> 1
    #   P (4,4) Trouwe klanten; N (2,1) Slapend; Q (1,1) Slapend
    assert m.loc["Slapend", "Trouwe klanten"] == 1
    assert m.loc["Bijna slapend", "Slapend"] == 1
    assert m.loc["nieuw", "Slapend"] == 1
    assert m.to_numpy().sum() == 3


def test_segment_migratie_errors_and_empty_first_window():
    rows = [("P", "2025-06-01 10:00", 50.0)]
    m = segment_migratie(tickets_from(rows), "2024-12-31", "2025-12-31")
    assert m.loc["nieuw"].sum() == 1 and m.to_numpy().sum() == 1
    with pytest.raises(InvoerFout, match="moet vóór"):
        segment_migratie(tickets_from(rows), "2025-12-31", "2025-12-31")
    with pytest.raises(InvoerFout, match="na de peildatum"):
        segment_migratie(tickets_from(rows), "2024-12-31", "2025-05-31")


@settings(max_examples=30, deadline=None)
@given(ticket_rows)
def test_segment_migratie_margins(rows):
    tickets = tickets_from(rows)
    van = pd.Timestamp("2024-12-31")
    m = segment_migratie(tickets, van, PEIL)
    na = rfm_tabel(tickets, PEIL)
    assert m.to_numpy().sum() == len(na)
    voor = tickets[tickets["datum"] < pd.Timestamp("2025-01-01")]
    bestaand = len(rfm_tabel(voor, van)) if len(voor) else 0
    assert m.drop(index="nieuw").to_numpy().sum() == bestaand


# ---------------------------------------------------------------- big one-time spenders


EENMALIG = [
    ("Groot", "2024-01-15 11:00", 2400.0),  # once, long ago, a lot: recency 716
    ("Sok", "2024-02-01 11:00", 8.0),  # once, long ago, a pair of socks: recency 699
    ("Nieuw", "2025-12-20 11:00", 600.0),  # once, recently, quite a lot: recency 11
    ("Twee", "2023-05-01 11:00", 1500.0),  # twice, long ago: recency 944
    ("Twee", "2023-06-01 11:00", 1500.0),
    *[("Vast", f"2025-{m:02d}-10 11:00", 150.0) for m in (2, 4, 6, 8, 10, 12)],  # 6 days, 900
]
VASTE_GRENZEN = {
    "recency": [30, 90, 180, 365],
    "frequentie": [1, 2, 4, 8],
    "monetair": [100, 250, 500, 1000],
}


def test_big_one_time_spender_gets_its_own_segment_by_hand():
    scores = rfm_scores(rfm_tabel(tickets_from(EENMALIG), PEIL), grenzen=VASTE_GRENZEN)
    # by hand (R, F, M): Groot (1, 1, 5), Nieuw (5, 1, 4), Sok (1, 1, 1), Twee (1, 2, 5), Vast (5, 4, 4)
    assert scores[["R", "F", "M"]].to_numpy().tolist() == [
        [1, 1, 5], [5, 1, 4], [1, 1, 1], [1, 2, 5], [5, 4, 4]
    ]  # fmt: skip
    kaart = rfm_segmenten(scores)["segment"]
    # the map alone puts 2,400 euro next to a pair of socks
    assert kaart.to_dict() == {
        "Groot": "Slapend",
        "Nieuw": "Nieuwe klanten",
        "Sok": "Slapend",
        "Twee": "Slapend",
        "Vast": "Kampioenen",
    }
    met = rfm_segmenten(scores, grote_eenmalige=4)
    assert met["segment"].to_dict() == {
        "Groot": GROTE_EENMALIGE,
        "Nieuw": GROTE_EENMALIGE,
        "Sok": "Slapend",
        "Twee": "Slapend",  # bought on two days: F = 2, not a one-time buyer
        "Vast": "Kampioenen",
    }
    assert met.loc["Groot", "actie"] == ALLE_SEGMENTEN.loc[GROTE_EENMALIGE, "actie"]
    assert list(met["segment"].cat.categories) == list(ALLE_SEGMENTEN.index)
    # with the bar at M = 5 only the 2,400 euro customer is apart; the 600 euro newcomer stays new
    hoog = rfm_segmenten(scores, grote_eenmalige=5)["segment"]
    assert hoog.tolist()[:2] == [GROTE_EENMALIGE, "Nieuwe klanten"]
    # without the option nothing changes: the ten map segments, in their order
    assert list(kaart.cat.categories) == list(SEGMENTEN.index)


def test_segment_overview_shows_the_big_one_time_spenders_with_their_share():
    scores = rfm_scores(rfm_tabel(tickets_from(EENMALIG), PEIL), grenzen=VASTE_GRENZEN)
    overzicht = segment_overzicht(rfm_segmenten(scores, grote_eenmalige=4))
    assert overzicht.index.tolist() == ALLE_SEGMENTEN.index.tolist()
    # revenue 2400 + 8 + 600 + 3000 + 900 = 6908; the big one-timers 3000 of it
    assert overzicht.loc[GROTE_EENMALIGE, "klanten"] == 2
    assert overzicht.loc[GROTE_EENMALIGE, "aandeel_omzet"] == pytest.approx(3000 / 6908)
    assert overzicht.loc["Slapend", "aandeel_omzet"] == pytest.approx(3008 / 6908)
    assert overzicht.loc[GROTE_EENMALIGE, "actie"].startswith("persoonlijke bedanking")
    # the ten-segment overview is unchanged when the option is off
    assert segment_overzicht(rfm_segmenten(scores)).index.tolist() == SEGMENTEN.index.tolist()
    # a categorical without the extra category is read as the plain map
    gewoon = rfm_segmenten(scores)
    assert len(segment_overzicht(gewoon.assign(segment=gewoon["segment"].astype("str")))) == len(SEGMENTEN)


def test_big_one_time_spenders_with_three_classes_and_errors():
    scores = pd.DataFrame({"R": [1, 1, 3], "F": [1, 1, 1], "M": [3, 2, 3]})
    # 3 classes -> M 1, 3, 5 on the five scale: M = 3 is 5, M = 2 is 3
    uit = rfm_segmenten(scores, klassen=3, grote_eenmalige=4)["segment"].tolist()
    assert uit == [GROTE_EENMALIGE, "Slapend", GROTE_EENMALIGE]
    for fout in (0, 6, True, "4"):
        with pytest.raises(InvoerFout, match="M-score van 1 tot 5"):
            rfm_segmenten(scores, klassen=3, grote_eenmalige=fout)
    with pytest.raises(InvoerFout, match="mist de kolom 'M'"):
        rfm_segmenten(scores.drop(columns="M"), klassen=3, grote_eenmalige=4)
    with pytest.raises(InvoerFout, match="'M' moet een geheel getal van 1 tot 3"):
        rfm_segmenten(scores.assign(M=[4, 1, 1]), klassen=3, grote_eenmalige=4)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=40),
    st.integers(1, 5),
)
def test_only_one_time_buyers_with_a_high_m_leave_the_map(rijen, m):
    scores = pd.DataFrame(rijen, columns=["R", "F", "M"])
    kaart = rfm_segmenten(scores)["segment"].astype("str").tolist()
    met = rfm_segmenten(scores, grote_eenmalige=m)["segment"].astype("str").tolist()
    for (r, f, score_m), gewoon, apart in zip(rijen, kaart, met, strict=True):
        assert gewoon == SEGMENTKAART.loc[r, f]
        assert apart == (GROTE_EENMALIGE if f == 1 and score_m >= m else gewoon)


# ---------------------------------------------------------------- days between purchase days


def test_aankoopintervallen_hand_case():
    uit = aankoopintervallen(tickets_from(HAND + EENMALIG))
    # A: purchase days 1 Nov and 1 Dec (the return on 10 Dec is no purchase) -> 30;
    # Twee: 1 May and 1 June 2023 -> 31; Vast: 10 Feb, Apr, ..., Dec 2025 -> 59, 61, 61, 61, 61
    assert uit.groupby(level=0).apply(list).to_dict() == {
        "A": [30],
        "Twee": [31],
        "Vast": [59, 61, 61, 61, 61],
    }
    assert uit.name == "dagen" and uit.index.name == "klant_id"
    assert aankoopintervallen(tickets_from([("K1", "2025-01-01 10:00", 5.0)])).empty


@settings(max_examples=60, deadline=None)
@given(ticket_rows)
def test_aankoopintervallen_matches_pandas(rows):
    tickets = tickets_from(rows)
    uit = aankoopintervallen(tickets)
    # oracle: pandas on purchase days (amount > 0, a customer that is not empty)
    koop = tickets[(tickets["bedrag"] > 0) & tickets["klant_id"].str.strip().fillna("").ne("")]
    dagen = koop.assign(dag=koop["datum"].dt.normalize())[["klant_id", "dag"]].drop_duplicates()
    dagen = dagen.sort_values(["klant_id", "dag"])
    verschil = dagen.groupby("klant_id")["dag"].diff().dt.days.dropna().astype(int)
    verwacht = sorted(zip(dagen.loc[verschil.index, "klant_id"], verschil, strict=True))
    assert sorted(zip(uit.index, uit.to_numpy(), strict=True)) == verwacht
    # every customer with n purchase days returns n - 1 times
    assert len(uit) == len(dagen) - dagen["klant_id"].nunique()

"""helpers.klantid: one normalisation of customer ids, checked against a per-value reference."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.klantid import ANONIEM, anonieme_tickets, klant_ids, klantcodes, koppel_klanten, met_klant_ids

RAND = "".join(c for c in map(chr, range(0x110000)) if c.isspace()) + "\u200b\u200c\u200d\u2060\ufeff"


def referentie(waarde: object) -> str | None:
    """The documented rule, one value at a time in plain Python (the oracle)."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return None
    if isinstance(waarde, bool):
        raise InvoerFout("bool")
    if isinstance(waarde, int | np.integer):
        return None if waarde == 0 else str(int(waarde))
    if isinstance(waarde, float):
        if not math.isfinite(waarde) or waarde != round(waarde) or abs(waarde) >= 2**53:
            raise InvoerFout("float")
        return None if waarde == 0 else str(int(waarde))
    tekst = str(waarde).strip(RAND)
    if tekst == "" or tekst.lower() in ANONIEM:
        return None
    if re.fullmatch(r"[+-]?\d+(?:[.,](?:0{1,2}|0{4,}))?", tekst):
        getal = int(re.sub(r"[.,]0+$", "", tekst))
        return None if getal == 0 else str(getal)
    if re.fullmatch(r"[+-]?[\d.,]+(?:[eE][+-]?\d+)?", tekst):
        raise InvoerFout("number-like text with decimals, thousands or exponent")
    return tekst


@pytest.mark.parametrize(
    ("ruw", "verwacht"),
    [
        (101, "101"),
        (101.0, "101"),
        ("101", "101"),
        (" 101 ", "101"),
        ("\u00a0101\u200b", "101"),
        ("\ufeff101", "101"),
        ("0101", "101"),
        ("101.0", "101"),
        ("101,00", "101"),
        ("101.0000", "101"),
        ("+101", "101"),
        ("-7", "-7"),
        ("K0001", "K0001"),
        (" K0001\t", "K0001"),
        ("k0001", "k0001"),
        ("AB-12", "AB-12"),
        ("0", None),
        ("000", None),
        (0, None),
        (0.0, None),
        ("", None),
        ("   ", None),
        ("Anoniem", None),
        (" N/A ", None),
        ("-", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_hand_cases(ruw, verwacht):
    uit = klant_ids(pd.Series([ruw], dtype=object)).iloc[0]
    assert (None if pd.isna(uit) else uit) == verwacht == referentie(ruw)


@pytest.mark.parametrize(
    ("ruw", "melding"),
    [
        (101.5, "heeft decimalen"),
        ("101,5", "heeft decimalen"),
        (".5", "heeft decimalen"),
        ("1.234", "duizendtal"),
        ("12.345.678", "duizendtal"),
        ("1,23457E+11", "wetenschappelijke notatie"),
        (float("inf"), "oneindig"),
        (2.0**60, "te groot"),
        (True, "waar/onwaar"),
        (pd.Timestamp("2025-01-01"), "type Timestamp"),
    ],
)
def test_refused_ids_say_why(ruw, melding):
    with pytest.raises(InvoerFout, match=melding):
        klant_ids(pd.Series([ruw, "K1"], dtype=object), "klanten.klant_id")


def test_error_names_the_column_and_value():
    with pytest.raises(InvoerFout, match=r"Het klantnummer 3\.5 in 'tickets\.klant_id'"):
        met_klant_ids(pd.DataFrame({"klant_id": [1.0, 3.5]}), naam="tickets")


@pytest.mark.parametrize("marker", ANONIEM)
def test_every_importer_marker_is_anonymous_in_any_casing(marker):
    varianten = pd.Series([marker, marker.upper(), f"  {marker.title()} ", "K1"])
    assert anonieme_tickets(varianten).tolist() == [True, True, True, False]


@pytest.mark.parametrize(
    "maak",
    [
        lambda w: pd.Series(w, dtype="Int64"),
        lambda w: pd.Series(w, dtype="float64"),
        lambda w: pd.Series([None if v is None else f" {v} " for v in w], dtype=object),
        lambda w: pd.Series([None if v is None else str(v) for v in w], dtype="category"),
        lambda w: pd.Series([None if v is None else str(v) for v in w], dtype="string[pyarrow]"),
        lambda w: pd.Series([None if v is None else str(v) for v in w], dtype="str"),
        lambda w: pd.Series(
            [v if i % 2 else (None if v is None else f"{v}.0") for i, v in enumerate(w)], dtype=object
        ),
    ],
    ids=["Int64", "float", "object-spaces", "category", "pyarrow", "str", "mixed"],
)
def test_every_dtype_gives_the_same_customers(maak):
    waarden = [7, None, 3, 0, 7, 12, None, 3]
    codes, ids = klantcodes(maak(waarden))
    per_rij = [None if c < 0 else str(ids[c]) for c in codes]
    assert per_rij == [None if v in (None, 0) else str(v) for v in waarden]
    assert anonieme_tickets(maak(waarden)).tolist() == [v in (None, 0) for v in waarden]


def test_numeric_columns_keep_numbers_text_columns_become_text():
    assert klantcodes(pd.Series([5, 2]))[1].dtype == np.int64
    assert klantcodes(pd.Series([5.0, np.nan]))[1].tolist() == [5]
    assert klantcodes(pd.Series(["5", " 2"]))[1].tolist() == ["2", "5"]
    assert str(klant_ids(pd.Series([5.0, np.nan])).dtype) == "Int64"


tekstwaarden = st.one_of(
    st.none(),
    st.integers(-(2**40), 2**40),
    st.integers(1, 10**6).map(float),
    st.builds(lambda n, r: f"{r}{n}{r}", st.integers(0, 10**6), st.sampled_from(["", " ", "\u00a0", "\t"])),
    st.builds(lambda n: f"{n:07d}", st.integers(0, 10**6)),
    st.builds(lambda n: f"{n}.0", st.integers(0, 10**6)),
    st.from_regex(r"[A-Z]{1,2}[0-9]{1,6}", fullmatch=True),
    st.sampled_from([*ANONIEM, "", "  ", "ANONIEM"]),
)


@given(st.lists(tekstwaarden, min_size=1, max_size=30))
@settings(max_examples=150, deadline=None)
def test_matches_the_reference_value_by_value(waarden):
    uit = klant_ids(pd.Series(waarden, dtype=object))
    assert [None if pd.isna(v) else v for v in uit] == [referentie(w) for w in waarden]


@given(st.lists(tekstwaarden, min_size=1, max_size=30))
@settings(max_examples=100, deadline=None)
def test_normalising_twice_changes_nothing_and_codes_agree(waarden):
    eenmaal = klant_ids(pd.Series(waarden, dtype=object))
    pd.testing.assert_series_equal(klant_ids(eenmaal), eenmaal)
    codes, ids = klantcodes(pd.Series(waarden, dtype=object))
    assert ids.is_unique and ids.is_monotonic_increasing
    terug = [None if c < 0 else str(ids[c]) for c in codes]
    assert [None if pd.isna(v) else str(v) for v in eenmaal] == terug


@given(st.integers(1, 2**52))
def test_one_customer_in_every_spelling(n):
    spellingen = [n, float(n), str(n), f" {n} ", f"0{n}", f"{n}.0", f"{n},00", f"\u00a0{n}"]
    assert set(klant_ids(pd.Series(spellingen, dtype=object))) == {str(n)}


def test_koppel_normalises_together_and_keeps_numbers_when_all_are_numbers():
    tickets = pd.DataFrame({"klant_id": [101, 102, 0]})
    klanten = pd.DataFrame({"klant_id": [101.0, 103.0]})
    t, k = koppel_klanten((tickets, "tickets"), (klanten, "klanten"))
    assert str(t["klant_id"].dtype) == str(k["klant_id"].dtype) == "Int64"
    assert t["klant_id"].isna().tolist() == [False, False, True]
    t, s = koppel_klanten((tickets, "tickets"), (pd.Series({" 101": "A", None: "B"}), "segmenten"))
    assert t["klant_id"].tolist()[:2] == ["101", "102"] and s.to_dict() == {"101": "A"}


def test_koppel_refuses_tables_that_share_no_customer():
    with pytest.raises(InvoerFout, match="Geen enkele klant uit 'klanten' staat in 'tickets'"):
        koppel_klanten(
            (pd.DataFrame({"klant_id": [1, 2]}), "tickets"), (pd.DataFrame({"klant_id": ["K1"]}), "klanten")
        )
    # an empty or all-anonymous table, a table without the column and None are not compared
    koppel_klanten(
        (pd.DataFrame({"klant_id": [1]}), "tickets"),
        (pd.DataFrame({"klant_id": ["anoniem"]}), "enquete"),
        (pd.DataFrame({"x": [1]}), "contacten"),
        (None, "acties"),
    )
    uit = koppel_klanten(
        (pd.DataFrame({"klant_id": [1]}), "a"), (pd.Series({"K9": 1}), "b"), vereis_overlap=False
    )
    assert uit[1].index.tolist() == ["K9"]


def test_koppel_keeps_the_row_index_and_an_index_stays_an_index():
    tickets = pd.DataFrame({"klant_id": [" 5", "6"]}, index=[10, 20])
    (t,) = koppel_klanten((tickets, "tickets"))
    assert t.index.tolist() == [10, 20] and t["klant_id"].tolist() == ["5", "6"]
    (i,) = koppel_klanten((pd.Index([5.0, 6.0], name="klant_id"), "kenmerken"))
    assert isinstance(i, pd.Index) and i.name == "klant_id" and i.tolist() == [5, 6]


def test_normalising_runs_over_unique_ids_only():
    tickets = pd.Series(np.tile(np.array(["K1", " K1", "anoniem", "7.0"], dtype=object), 50_000))
    codes, ids = klantcodes(tickets)
    assert ids.tolist() == ["7", "K1"] and np.bincount(codes[codes >= 0]).tolist() == [50_000, 100_000]


@pytest.mark.parametrize("sorteer", [True, False])
def test_the_same_number_as_int_and_as_text_in_one_column_is_one_customer(sorteer):
    codes, ids = klantcodes(pd.Series([5, "5", " 5", 5.0, "K1", "0005"], dtype=object), sorteer=sorteer)
    assert len(ids) == 2 and len(set(codes[:4]) | {codes[5]}) == 1 and codes[4] != codes[0]

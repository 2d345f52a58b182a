"""Tests for helpers.export: read the files back (openpyxl, csv module, pandas) and compare cell by cell."""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from helpers.controle import InvoerFout
from helpers.export import EURO_FORMAAT, PROCENT_FORMAAT, naar_csv, naar_excel, neutraliseer

DANGEROUS = ["=1+1", "+32 470 12 34 56", "-5", "@SUM(A1)", "\tx", "  =cmd|' /C calc'!A0", '=HYPERLINK("x")']
HARMLESS = ["Jan", "a=b", "1-2", "e-mail", "Zoë", "'al gequote", " spatie", "x@y.be"]


def _read_sheet(path, sheet="Lijst"):
    return openpyxl.load_workbook(path)[sheet]


def _lines(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def _sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "naam": ["An", "=1+1", "-Jan"],
            "datum": pd.to_datetime(["2025-01-03", "2025-12-31", None]),
            "tijdstip": pd.to_datetime(["2025-01-03 14:05", "2025-02-01 09:30", "2025-03-04 00:00"]),
            "bedrag": [1234.56, -12.5, 0.0],
            "aandeel": [0.125, 0.5, 1.0],
            "aantal": pd.array([3, None, -1], dtype="Int64"),
            "factor": [1.5, 2.25, -0.5],
            "kaart": [True, False, True],
            "kanaal": pd.Categorical(["winkel", "@webshop", "winkel"]),
        }
    )


def test_excel_cell_by_cell(tmp_path):
    path = naar_excel(_sample(), tmp_path / "lijst.xlsx")
    assert path == tmp_path / "lijst.xlsx"
    ws = _read_sheet(path)
    header = [c.value for c in ws[1]]
    assert header == ["naam", "datum", "tijdstip", "bedrag", "aandeel", "aantal", "factor", "kaart", "kanaal"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    D = dt.datetime
    # expected values written by hand from _sample(); dangerous text gets a leading quote
    assert rows == [
        ["An", D(2025, 1, 3), D(2025, 1, 3, 14, 5), 1234.56, 0.125, 3, 1.5, True, "winkel"],
        ["'=1+1", D(2025, 12, 31), D(2025, 2, 1, 9, 30), -12.5, 0.5, None, 2.25, False, "'@webshop"],
        ["'-Jan", None, D(2025, 3, 4), 0, 1, -1, -0.5, True, "winkel"],
    ]  # fmt: skip
    formats = [c.number_format for c in ws[2]]
    assert formats == [
        "General", "dd/mm/yyyy", "dd/mm/yyyy hh:mm", EURO_FORMAAT, PROCENT_FORMAAT, "0", "#,##0.00",
        "General", "General",
    ]  # fmt: skip
    assert EURO_FORMAAT == '#,##0.00 "€"'
    # negative numbers stay numeric cells, the neutralised text is a text cell, not a formula
    assert ws["D3"].data_type == "n" and ws["A3"].data_type == "s"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:I4"
    widths = {col: ws.column_dimensions[col].width for col in "ABCDEFGHI"}
    assert all(8 <= w <= 60 for w in widths.values())
    assert widths["C"] >= len("03/01/2025 14:05")


def test_excel_dangerous_and_harmless_strings(tmp_path):
    df = pd.DataFrame({"tekst": DANGEROUS + HARMLESS})
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    values = [c.value for c in ws["A"]][1:]
    assert values == ["'" + v for v in DANGEROUS] + HARMLESS
    assert all(c.data_type == "s" for c in ws["A"])


def test_header_names_are_neutralised(tmp_path):
    df = pd.DataFrame({"=kwaad()": [1], "goed": [2]})
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    assert [c.value for c in ws[1]] == ["'=kwaad()", "goed"]
    assert _lines(naar_csv(df, tmp_path / "t.csv"))[0] == ["'=kwaad()", "goed"]


def test_mixed_object_column_keeps_numbers(tmp_path):
    df = pd.DataFrame({"x": ["=a", -3, 2.5, None, "b"]})
    assert neutraliseer(df)["x"].tolist() == ["'=a", -3, 2.5, None, "b"]
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    assert [c.value for c in ws["A"]][1:] == ["'=a", -3, 2.5, None, "b"]


def test_duplicate_column_names(tmp_path):
    df = pd.DataFrame([["=a", 1.5, "b"]], columns=["x", "bedrag", "x"])
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    assert [[c.value for c in r] for r in ws.iter_rows()] == [["x", "bedrag", "x"], ["'=a", 1.5, "b"]]
    assert _lines(naar_csv(df, tmp_path / "t.csv")) == [["x", "bedrag", "x"], ["'=a", "1,50", "b"]]


def test_neutraliseer_does_not_touch_input():
    df = pd.DataFrame({"x": ["=a"]})
    neutraliseer(df)
    assert df["x"].tolist() == ["=a"]


def test_explicit_amount_and_percentage_columns(tmp_path):
    df = pd.DataFrame({"a": [1.0], "b": [0.3], "omzet": [5.0]})
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx", blad="Top", bedragen=["a"], procenten=["b"]), "Top")
    # explicit lists switch off guessing: 'omzet' is then a plain number
    assert [c.number_format for c in ws[2]] == [EURO_FORMAAT, PROCENT_FORMAAT, "#,##0.00"]


def test_named_index_becomes_column(tmp_path):
    df = pd.DataFrame({"monetair": [10.0, 20.0]}, index=pd.Index(["K1", "K2"], name="klant_id"))
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    assert [[c.value for c in r] for r in ws.iter_rows()] == [
        ["klant_id", "monetair"],
        ["K1", 10],
        ["K2", 20],
    ]
    assert _lines(naar_csv(df, tmp_path / "t.csv")) == [
        ["klant_id", "monetair"],
        ["K1", "10,00"],
        ["K2", "20,00"],
    ]


def test_timezone_aware_dates(tmp_path):
    df = pd.DataFrame({"datum": pd.to_datetime(["2025-06-01 10:00"]).tz_localize("Europe/Brussels")})
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    assert ws["A2"].value == dt.datetime(2025, 6, 1, 10, 0)
    assert _lines(naar_csv(df, tmp_path / "t.csv"))[1] == ["01/06/2025 10:00"]


def test_empty_frame(tmp_path):
    df = pd.DataFrame({"naam": pd.Series([], dtype="str"), "bedrag": pd.Series([], dtype="float64")})
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    assert [[c.value for c in r] for r in ws.iter_rows()] == [["naam", "bedrag"]]
    assert _lines(naar_csv(df, tmp_path / "t.csv")) == [["naam", "bedrag"]]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda p: naar_excel(pd.DataFrame({"a": [1]}), p / "x.csv"), "moet eindigen op .xlsx"),
        (lambda p: naar_csv(pd.DataFrame({"a": [1]}), p / "x.xlsx"), "moet eindigen op .csv"),
        (lambda p: naar_excel(pd.DataFrame({"a": [1]}), p / "nee" / "x.xlsx"), "bestaat niet"),
        (lambda p: naar_excel(pd.DataFrame({"a": [1]}), p / "x.xlsx", blad="a/b"), "Ongeldige bladnaam"),
        (lambda p: naar_excel(pd.DataFrame({"a": [1]}), p / "x.xlsx", bedragen=["b"]), "mist de kolom 'b'"),
        (lambda p: naar_csv(pd.DataFrame({"a": [1]}), p / "x.csv", kolommen=["a", "email"]), "'email'"),
        (lambda p: naar_excel([1, 2], p / "x.xlsx"), "Verwacht een tabel"),
    ],
)
def test_clear_dutch_errors(tmp_path, call, words):
    with pytest.raises(InvoerFout, match=words.replace(".", r"\.").replace("(", r"\(")):
        call(tmp_path)


def test_csv_exact_bytes_and_columns(tmp_path):
    df = _sample()
    path = naar_csv(
        df, tmp_path / "m.csv", kolommen=["kanaal", "naam", "bedrag", "datum", "tijdstip", "aantal"]
    )
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    # by hand: ';' separator, amounts with two decimals and a comma, dates dd/mm/yyyy (with hh:mm)
    assert raw.decode("utf-8-sig").split("\r\n") == [
        "kanaal;naam;bedrag;datum;tijdstip;aantal",
        "winkel;An;1234,56;03/01/2025;03/01/2025 14:05;3",
        "'@webshop;'=1+1;-12,50;31/12/2025;01/02/2025 09:30;",
        "winkel;'-Jan;0,00;;04/03/2025 00:00;-1",
        "",
    ]


def test_csv_round_trip_with_pandas(tmp_path):
    df = pd.DataFrame(
        {
            "klant_id": ["K1", "K2", "K3"],
            "voornaam": ["Zoë", "Renée; Jr.", 'Jan "de Rakker"'],
            "bedrag": [1234.56, -0.01, 1e6],
            "factor": [0.1 + 0.2, -1 / 3, 12.0],
            "datum": pd.to_datetime(["2023-01-01 08:00:01", "2024-02-29 23:59:59", "2025-12-31 00:00:00"]),
        }
    )
    path = naar_csv(df, tmp_path / "r.csv")
    back = pd.read_csv(
        path, sep=";", decimal=",", encoding="utf-8-sig", dtype={"klant_id": "str", "voornaam": "str"}
    )
    back["datum"] = pd.to_datetime(back["datum"], format="%d/%m/%Y %H:%M:%S")
    pd.testing.assert_frame_equal(back, df, check_dtype=False)


TRIGGERS = (
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\uff1d",
    "\uff0b",
    "\uff0d",
    "\uff20",
    "\ufe66",
    "\ufe62",
    "\ufe63",
    "\ufe6b",
)


def _invisible(c: str) -> bool:
    return c.isspace() or unicodedata.category(c) in ("Cc", "Cf")


def _expected(text: str) -> str:
    """The OWASP rule written out by hand: skip what Excel ignores or you cannot see, then look."""
    clean = ILLEGAL_CHARACTERS_RE.sub("", text)
    i = 0
    while i < len(clean) and _invisible(clean[i]) and clean[i] not in TRIGGERS:
        i += 1
    dangerous = clean[i : i + 1] in TRIGGERS
    return "'" + clean if dangerous else clean


def _starts_dangerous(value: str) -> bool:
    rest = value.lstrip("".join(c for c in set(value) if _invisible(c) and c not in TRIGGERS))
    return rest[:1] in TRIGGERS


texts = st.lists(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=["Cs"]),
            st.sampled_from((*TRIGGERS, "\u00a0", "\u200b", "\ufeff", "\u3000")),
        ),
        max_size=12,
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=texts)
def test_property_excel_never_starts_dangerous(tmp_path, values):
    df = pd.DataFrame({"nr": range(len(values)), "tekst": values})
    ws = _read_sheet(naar_excel(df, tmp_path / "p.xlsx"))
    back = [c.value for c in ws["B"]][1:]
    for original, value in zip(values, back, strict=True):
        expected = _expected(original).replace("\r\n", "\n").replace("\r", "\n")  # XML line ends
        assert (value or "") == expected
        if value and not value.startswith("'"):
            assert not _starts_dangerous(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=texts)
def test_property_csv_round_trip_neutralised(tmp_path, values):
    df = pd.DataFrame({"nr": range(len(values)), "tekst": values})
    rows = _lines(naar_csv(df, tmp_path / "p.csv"))
    assert rows[0] == ["nr", "tekst"]
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(len(values))]
    back = [r[1] for r in rows[1:]]
    assert back == [_expected(v) for v in values]
    for value in back:
        assert value.startswith("'") or not _starts_dangerous(value)


# --- OWASP: triggers behind invisible characters, and what Excel cannot hold -----------------------------

PREFIXES = {
    "spatie": " ",
    "harde spatie": "\u00a0",
    "tab": "\t",
    "regeleinde": "\n",
    "stuurteken": "\x1b",
    "zero-width": "\u200b",
    "bom": "\ufeff",
    "woordverbinder": "\u2060",
    "ideografische spatie": "\u3000",
    "mengsel": "\u00a0\u200b \ufeff",
}
FORMULES = ["=1+1", "+1", "-1", "@SUM(A1)", "\uff1d1+1", "\uff0bcmd", "\uff0d1", "\uff20SUM(A1)", "\ufe661"]


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_triggers_behind_invisible_characters_are_neutralised_cell_by_cell(tmp_path, prefix):
    waarden = [prefix + f for f in FORMULES] + [prefix + "Jan", prefix + "3 x 5"]
    df = pd.DataFrame({"tekst": waarden})
    excel = [c.value for c in _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))["A"]][1:]
    csvwaarden = [r[0] for r in _lines(naar_csv(df, tmp_path / "t.csv"))[1:]]
    schoon = [ILLEGAL_CHARACTERS_RE.sub("", w) for w in waarden]  # Excel forbids \x1b: dropped
    verwacht = ["'" + w for w in schoon[: len(FORMULES)]] + schoon[len(FORMULES) :]
    if "\t" in prefix:  # a tab is itself a trigger (OWASP): everything behind it is quoted
        verwacht = ["'" + w for w in schoon]
    assert excel == [w.replace("\r", "\n") for w in verwacht]
    assert csvwaarden == verwacht


@pytest.mark.parametrize(
    ("kolom", "melding"),
    [
        (pd.Series([1.0, float("inf")]), "Kolom 'x', rij 3: een oneindig getal"),
        (pd.Series([1.0, -np.inf, np.inf]), r"rij 3 \(en nog 1 andere\)"),
        (pd.Series([5, 10**15], dtype="int64"), "meer dan 15 cijfers"),
        (pd.Series([5, 1234567890123456789, None], dtype="Int64"), "rij 3: een geheel getal"),
        (pd.Series(["kort", "x" * 32_768]), "32.768 tekens; een Excel-cel houdt er hoogstens 32.767"),
        (pd.Series([["a", "b"], ["c"]]), r"Kolom 'x', rij 2 \(en nog 1 andere\): deze cel bevat een lijst"),
        (pd.Series(["a", ("b", "c")], dtype=object), "rij 3: deze cel bevat een lijst"),
        (pd.Series(["a", {"b": 1}], dtype=object), "een lijst \\(of tuple, set, dict\\)"),
        (pd.Series(["a", float("inf")], dtype=object), "rij 3: een oneindig getal"),
        (pd.Series(pd.to_datetime(["1899-12-31", "2025-01-01"])), "rij 2: Excel kent geen datums vóór 1900"),
    ],
    ids=["inf", "min-inf", "15-cijfers", "Int64", "te-lang", "lijst", "tuple", "dict", "inf-gemengd", "1899"],
)
def test_what_excel_cannot_hold_gets_a_dutch_message(tmp_path, kolom, melding):
    df = pd.DataFrame({"x": kolom})
    for schrijf, pad in ((naar_excel, tmp_path / "t.xlsx"), (naar_csv, tmp_path / "t.csv")):
        with pytest.raises(InvoerFout, match=melding):
            schrijf(df, pad)
        assert not pad.exists()  # nothing half written


def test_limits_themselves_are_fine(tmp_path):
    df = pd.DataFrame(
        {
            "tekst": ["x" * 32_767],
            "getal": [10**15 - 1],
            "groot": [9.9e307],
            "datum": pd.to_datetime(["1900-01-01"]),
        }
    )
    ws = _read_sheet(naar_excel(df, tmp_path / "t.xlsx"))
    assert [c.value for c in ws[2]] == ["x" * 32_767, 10**15 - 1, 9.9e307, dt.datetime(1900, 1, 1)]

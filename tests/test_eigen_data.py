"""Unit and property tests for helpers.eigen_data: parsers, column mapping, lees_export."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.eigen_data import lees_export
from helpers.eigen_data.codering import decodeer
from helpers.eigen_data.kolommen import koppel, normaliseer_naam
from helpers.eigen_data.waarden import lees_bedragen, lees_datums, lees_tijden
from helpers.opmaak import euro, getal

PEIL = "2025-12-31"

# --- amounts ----------------------------------------------------------------------------------------------

cents = st.integers(min_value=-(10**9), max_value=10**9)


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(
        st.tuples(cents, st.sampled_from(["euro", "getal", "kaal", "na"])), min_size=1, max_size=20
    )
)
def test_belgian_amounts_parse_back(values):
    # independent formatter: helpers.opmaak (Belgian style) and plain f-strings
    def fmt(c, how):
        x = c / 100
        return {
            "euro": euro(x),
            "getal": getal(x, 2),
            "kaal": f"{x:.2f}".replace(".", ","),
            "na": getal(x, 2) + " €",
        }[how]

    texts = pd.Series([fmt(c, how) for c, how in values])
    out = lees_bedragen(texts)
    assert out.fout.isna().all()
    np.testing.assert_allclose(out.waarden.to_numpy(), [c / 100 for c, _ in values], rtol=0, atol=1e-9)
    plain = np.array([how == "kaal" and abs(c) < 100_000 for c, how in values])
    # a plain amount is not a repair; a € sign or a thousands separator is
    assert out.herstel[plain].isna().all()
    assert out.herstel[np.array([how in ("euro", "na") for _, how in values])].notna().all()


@settings(max_examples=60, deadline=None)
@given(values=st.lists(cents, min_size=1, max_size=20), thousands=st.booleans())
def test_english_amounts_parse_back(values, thousands):
    texts = pd.Series([f"{c / 100:,.2f}" if thousands else f"{c / 100:.2f}" for c in values])
    out = lees_bedragen(texts)
    np.testing.assert_allclose(out.waarden.to_numpy(), [c / 100 for c in values], rtol=0, atol=1e-9)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("€ 1.234,56", 1234.56), ("1.234,56 €", 1234.56), ("1234.56", 1234.56), ("-12,50", -12.5),
        ("12,50-", -12.5), ("(3,00)", -3.0), ("EUR 5", 5.0), ("+4", 4.0), ("1'234.50", 1234.5),
        ("-€ 12,00", -12.0), ("12,5", 12.5), (" 7 ", 7.0), ("1\u00a0234,00", 1234.0),
    ],
)  # fmt: skip
def test_amount_examples(text, value):
    assert lees_bedragen(pd.Series([text])).waarden.iloc[0] == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "--5", "1.2.3", "12,50,1", "-(5)", "€", "5 5,1.2"])
def test_amount_garbage_is_an_error(text):
    out = lees_bedragen(pd.Series([text]))
    assert np.isnan(out.waarden.iloc[0])
    assert out.fout.iloc[0] == f"'{text}' is geen bedrag"


def test_amounts_from_excel_stay_numbers():
    out = lees_bedragen(pd.Series([1234.5, "12,5", None, 3], dtype=object))
    assert out.waarden.tolist()[:2] == [1234.5, 12.5]
    assert np.isnan(out.waarden.iloc[2]) and out.waarden.iloc[3] == 3
    assert out.fout.isna().all()


def test_ambiguous_amounts_follow_the_column():
    # '1.234' and '1,234' alone are ambiguous; the other separator as the column's decimal decides
    assert lees_bedragen(pd.Series(["1.234", "5,50"])).waarden.tolist() == [1234.0, 5.5]
    assert lees_bedragen(pd.Series(["1,234", "5.50"])).waarden.tolist() == [1234.0, 5.5]
    # unambiguous three-decimal amounts in the column: three decimals
    assert lees_bedragen(pd.Series(["1,234", "0,125"])).waarden.tolist() == [1.234, 0.125]
    assert lees_bedragen(pd.Series(["1.234", "1234.567"])).waarden.tolist() == [1.234, 1234.567]


KOMMA = "1234 (komma als duizendtal) of 1,234 (komma als decimaalteken, drie decimalen)?"
PUNT = "1234 (punt als duizendtal) of 1.234 (punt als decimaalteken, drie decimalen)?"
SPATIE = "is dubbelzinnig: een spatie tussen de cijfers die geen duizendtal scheidt (12,50 of 1250?)"


@pytest.mark.parametrize(
    ("column", "reading"),
    [
        (["1,234"], KOMMA),
        (["1,234", "15"], KOMMA),
        (["1.234", "15.50"], PUNT),
        (["1,234", "12,50"], KOMMA),
        (["€ 1.234", "1,50", "2.50"], PUNT),
    ],
)
def test_ambiguous_amounts_are_refused_never_guessed(column, reading):
    # no decimals, the same separator as decimal, or both separators as decimal: both readings are possible
    out = lees_bedragen(pd.Series(column))
    assert np.isnan(out.waarden.iloc[0])
    assert out.fout.iloc[0] == f"'{column[0]}' is dubbelzinnig: {reading}"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12 50", SPATIE),
        ("1 23,50", "is geen bedrag"),
        ("10%", "is een percentage, geen bedrag in euro"),
        ("-12,5 %", "is een percentage, geen bedrag in euro"),
    ],
)
def test_spaces_and_percentages_are_not_amounts(text, reason):
    out = lees_bedragen(pd.Series([text, "5,00"]))
    assert np.isnan(out.waarden.iloc[0]) and out.waarden.iloc[1] == 5.0
    assert out.fout.iloc[0] == f"'{text}' {reason}"


def test_thousands_with_spaces_are_read():
    out = lees_bedragen(pd.Series(["1 234,56", "1\u00a0234\u00a0567", "12 345.5"]))
    assert out.waarden.tolist() == [1234.56, 1234567.0, 12345.5]
    assert out.herstel.notna().all()


def test_excel_booleans_and_dates_are_not_amounts():
    out = lees_bedragen(pd.Series([True, False, np.True_, dt.date(2025, 1, 3), 12.5, 3], dtype=object))
    assert out.waarden.tolist()[4:] == [12.5, 3.0] and out.waarden.iloc[:4].isna().all()
    assert out.fout.tolist()[:4] == [
        "'WAAR' is een vinkje (waar/onwaar) uit Excel, geen bedrag",
        "'ONWAAR' is een vinkje (waar/onwaar) uit Excel, geen bedrag",
        "'WAAR' is een vinkje (waar/onwaar) uit Excel, geen bedrag",
        "'2025-01-03' is een datum of tijd, geen bedrag",
    ]


# --- dates ------------------------------------------------------------------------------------------------

moments = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2025, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)
)
FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y", "%d.%m.%Y %H:%M"]


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.tuples(moments, st.sampled_from(FORMATS)), min_size=1, max_size=15))
def test_dates_parse_back_in_any_mix_of_formats(rows):
    texts = pd.Series([m.strftime(f) for m, f in rows])
    out = lees_datums(texts, 2025)
    expected = [pd.Timestamp(m) if "%H" in f else pd.Timestamp(m.date()) for m, f in rows]
    assert out.waarden.tolist() == expected
    assert out.fout.isna().all()


def test_date_repairs_name_the_reading():
    out = lees_datums(pd.Series(["03/01/2025", "04/01/2025", "2025-01-05", "06-01-25"]), 2025)
    assert out.herstel.tolist()[:2] == [pd.NA, pd.NA]
    assert out.herstel.iloc[2] == "'2025-01-05' gelezen als 5 januari 2025"
    assert out.herstel.iloc[3] == "'06-01-25' gelezen als 6 januari 2025"


def test_month_first_column():
    out = lees_datums(pd.Series(["01/13/2025", "02/03/2025"]), 2025)
    assert out.waarden.tolist() == [pd.Timestamp("2025-01-13"), pd.Timestamp("2025-02-03")]
    assert out.herstel.iloc[1] == "'02/03/2025' gelezen als 3 februari 2025"


@pytest.mark.parametrize("text", ["31/02/2025", "gisteren", "2025-13-01", "03/01/2025 25:00", "1/1"])
def test_invalid_dates(text):
    out = lees_datums(pd.Series([text]), 2025)
    assert out.waarden.isna().all()
    assert out.fout.iloc[0] == f"'{text}' is geen geldige datum"


def test_excel_values_and_date_numbers():
    # 45658 days after 30/12/1899 is 1 January 2025 (Excel's date numbers)
    out = lees_datums(
        pd.Series([dt.datetime(2025, 2, 1, 9, 30), 45658, 45658.5, True, "05/02/2025"], dtype=object), 2025
    )
    assert out.waarden.tolist()[:3] == [
        pd.Timestamp("2025-02-01 09:30"), pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-01 12:00")
    ]  # fmt: skip
    assert out.herstel.iloc[1] == "'45658' gelezen als 1 januari 2025"
    assert pd.isna(out.herstel.iloc[0]) and pd.isna(out.herstel.iloc[4])
    assert out.fout.iloc[3] == "'WAAR' is geen datum"


def test_two_digit_year_pivot():
    # up to the peildatum's year -> 20yy, later -> 19yy
    out = lees_datums(pd.Series(["01/01/25", "01/01/26", "01/01/99"]), 2025)
    assert out.waarden.dt.year.tolist() == [2025, 1926, 1999]


def test_times():
    out = lees_tijden(pd.Series(["14:05", "9u30", "07:00:30", dt.time(8, 15), "25:00", None], dtype=object))
    assert [str(t) for t in out.waarden] == [
        "0 days 14:05:00", "0 days 09:30:00", "0 days 07:00:30", "0 days 08:15:00", "NaT", "NaT"
    ]  # fmt: skip
    assert out.fout.iloc[4] == "'25:00' is geen geldig uur"


# --- columns ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("Bonnummer", "ticket_id"), ("Ticket nr.", "ticket_id"), ("Receipt", "ticket_id"),
        ("Transactie", "ticket_id"), ("Verkoopdatum", "datum"), ("Date", "datum"), ("Tijdstip", "datum"),
        ("Klant nr", "klant_id"), ("Customer_ID", "klant_id"), ("Kaartnummer", "klant_id"),
        ("KLANTENKAART", "klant_id"), ("Totaal", "bedrag"),
        ("Amount", "bedrag"), ("Omzet", "bedrag"), ("Prijs incl.", "bedrag"), ("Korting", "korting"),
        ("Discount", "korting"), ("Artikel", "product_id"), ("SKU", "product_id"), ("Qty", "aantal"),
        ("Quantity", "aantal"), ("Uur", "tijd"), ("E-mail", "email"), ("Geboortedatum", "geboortedatum"),
    ],
)  # fmt: skip
def test_recognised_names(name, target):
    assert koppel([name]).doelen == {target: 0}


def test_name_normalisation():
    assert normaliseer_naam("  Dátum (dd/mm) ") == "datumddmm"
    assert normaliseer_naam("Klant_ID") == "klantid"


def test_explicit_mapping_can_drop_a_recognised_column():
    data = b"ticket;datum;bedrag;korting\n1;03/01/2025;10;10%\n"
    assert lees_export(data, peildatum=PEIL).samenvatting()["geweigerd"] == 1
    imp = lees_export(data, kolommen={"Korting": None}, peildatum=PEIL)
    assert imp.samenvatting()["behouden"] == 1 and "korting" not in imp.kolommen
    assert any("'korting'" in m for m in imp.meldingen)


def test_explicit_mapping_matches_names_like_recognition_does():
    imp = lees_export(
        b"Bon nr.;Wanneer;Totaal\n7;03/01/2025;5\n", kolommen={"bonnr": "ticket_id", "WANNEER": "datum"}
    )
    assert imp.kolommen == {"ticket_id": "Bon nr.", "datum": "Wanneer", "bedrag": "Totaal"}


def test_upload_widget_memoryview():
    assert lees_export(memoryview(b"datum;bedrag\n03/01/2025;5\n"), peildatum=PEIL).tickets[
        "bedrag"
    ].tolist() == [5.0]


def test_explicit_mapping_wins_and_is_checked():
    assert koppel(["Nr", "Totaal", "Bedrag"], {"Totaal": "bedrag"}).doelen == {"bedrag": 1}
    with pytest.raises(InvoerFout, match="Onbekende doelkolom 'prijs'"):
        koppel(["a"], {"a": "prijs"})
    with pytest.raises(InvoerFout, match="'Bonnr' uit kolommen= staat niet in de kopregel"):
        lees_export(b"datum;bedrag\n03/01/2025;5\n", kolommen={"Bonnr": "ticket_id"})


# --- lees_export ------------------------------------------------------------------------------------------

good = st.sampled_from(["03/01/2025", "2025-02-01 10:00", "15/03/2024 09:30"])
bad_date = st.sampled_from(["", "31/02/2025", "morgen", "01/01/2030"])
good_amount = st.sampled_from(["12,50", "€ 1.234,56", "-5,00", "0"])
bad_amount = st.sampled_from(["", "gratis", "1.2.3"])
row = st.tuples(
    st.sampled_from(["T1", "T2", "T3", "T4", ""]),
    st.one_of(good, bad_date),
    st.sampled_from(["K1", "", "0"]),
    st.one_of(good_amount, bad_amount),
)


@settings(max_examples=30, deadline=None)
@given(rows=st.lists(st.one_of(row, st.just(None)), min_size=1, max_size=25))
def test_property_every_row_is_accounted_for(rows):
    lines = ["ticket;datum;klant;bedrag"] + [";;;" if r is None else ";".join(r) for r in rows]
    while lines[-1] == ";;;" and len(lines) > 1:  # trailing empty lines do not count
        lines.pop()
        rows = rows[:-1]
    if len(lines) == 1:
        return
    imp = lees_export("\n".join(lines).encode(), peildatum=PEIL)
    rapport = imp.rapport
    assert len(rapport) == len(rows)
    assert rapport["rij"].tolist() == list(range(2, len(rows) + 2))
    s = imp.samenvatting()
    assert s["behouden"] + s["hersteld"] + s["geweigerd"] == len(rows)
    rejected = rapport["status"] == "geweigerd"
    assert rapport.loc[rejected, "reden"].str.match(r"rij \d+, kolom '(ticket|datum|bedrag)': ").all()
    # the kept money equals the sum of the kept rows parsed on their own
    kept = rapport.loc[~rejected, "rij"].to_numpy() - 2
    one_by_one = sum(lees_bedragen(pd.Series([rows[i][3]])).waarden.iloc[0] for i in kept)
    assert imp.tickets["bedrag"].sum() == pytest.approx(one_by_one)


def test_inputs_bytes_file_object_and_path(tmp_path):
    data = b"ticket;datum;bedrag\nA;03/01/2025;5\n"
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    results = [lees_export(src, peildatum=PEIL).tickets for src in (data, io.BytesIO(data), path, str(path))]
    for r in results[1:]:
        pd.testing.assert_frame_equal(r, results[0])


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("nergens.csv", "bestaat niet"),
        (io.StringIO("a;b"), "binair"),
        (b"  \r\n", "leeg"),
        (b"\xef\xbb\xbf", "leeg"),
        (b"PK\x03\x04kapot", "beschadigd"),
        (b"ticket;datum;bedrag\n", "enkel een kopregel"),
        (b"naam;adres\nAn;Straat 1\n", "mist de verplichte kolommen 'datum' .*'bedrag'"),
        (b"x;y\n1;2\n", "Geen kopregel herkend"),
    ],
)
def test_whole_file_errors(tmp_path, monkeypatch, source, words):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvoerFout, match=words):
        lees_export(source, peildatum=PEIL)


def test_default_peildatum_is_today():
    tomorrow = (pd.Timestamp.today() + pd.Timedelta(days=1)).strftime("%d/%m/%Y")
    today = pd.Timestamp.today().strftime("%d/%m/%Y")
    imp = lees_export(f"datum;bedrag\n{today};1\n{tomorrow};2\n".encode())
    assert imp.rapport["status"].tolist() == ["behouden", "geweigerd"]
    assert "ligt na de peildatum" in imp.rapport["reden"].iloc[1]


def test_customer_table_and_report_metadata():
    data = (
        b"ticket;datum;klant;voornaam;e-mail;postcode;geboortedatum;bedrag\n"
        b"1;03/01/2025;K1;An;an@x.be;3000;04/03/1980;10\n"
        b"2;04/01/2025;K1;An;an@x.be;3000;04/03/1980;20\n"
        b"3;05/01/2025;K2;Bart;;9000;;30\n"
        b"4;06/01/2025;;;;;;40\n"
    )
    imp = lees_export(data, peildatum=PEIL)
    k = imp.klanten
    assert k["klant_id"].tolist() == ["K1", "K2"]
    assert k["voornaam"].tolist() == ["An", "Bart"]
    assert k["postcode"].tolist() == ["3000", "9000"]
    assert k["geboortedatum"].iloc[0] == pd.Timestamp("1980-03-04") and pd.isna(k["geboortedatum"].iloc[1])
    assert imp.ticketlijnen is None
    assert imp.codering == "utf-8" and imp.scheidingsteken == ";" and imp.bestandstype == "csv"
    assert repr(imp) == "Import('(bytes)': 4 rijen, 4 behouden, 0 hersteld, 0 geweigerd -> 4 tickets)"
    assert any("'klant' → klant_id" in m for m in imp.meldingen)


def test_result_types_match_the_data_model():
    imp = lees_export(b"ticket;datum;klant;bedrag\n1;03/01/2025;K1;10\n", peildatum=PEIL)
    t = imp.tickets
    assert str(t["datum"].dtype) == "datetime64[us]"
    assert str(t["bedrag"].dtype) == "float64" and str(t["korting"].dtype) == "float64"
    assert isinstance(t["soort"].dtype, pd.CategoricalDtype) and isinstance(
        t["kanaal"].dtype, pd.CategoricalDtype
    )


# --- reading: encodings, line endings, structure, workbooks ------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "bom", "name"),
    [
        ("utf-16-le", b"", "utf-16 zonder BOM"),
        ("utf-16-be", b"", "utf-16 zonder BOM"),
        ("utf-32-le", b"", "utf-32 zonder BOM"),
        ("utf-32-be", b"", "utf-32 zonder BOM"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8 met BOM"),
    ],
)
def test_encodings_with_and_without_bom(codec, bom, name):
    text = "a;b\r\nZoë;€ 1\r\n"
    read = decodeer(bom + text.encode(codec))
    assert (read.tekst, read.codering) == ("a;b\nZoë;€ 1\n", name)


def test_utf8_file_with_windows_lines_is_decided_per_line():
    # lines 2 and 4 (0-based) were added by a program writing Windows-1252
    data = "a\nZoë\n".encode() + "Zoë €\n".encode("cp1252") + "Zoë\n".encode() + "Renée\n".encode("cp1252")
    read = decodeer(data)
    assert read.tekst.split("\n")[:5] == ["a", "Zoë", "Zoë €", "Zoë", "Renée"]
    assert read.windows_regels.tolist() == [2, 4]
    assert read.codering == "utf-8, 2 regels in windows-1252"
    # a file that is Windows-1252 throughout is not reported per line
    assert decodeer("Zoë\nRenée\n".encode("cp1252")).codering == "windows-1252"


def test_undefined_windows_bytes_become_the_replacement_character():
    assert decodeer(b"K\x81;K\x8d\n").tekst == "K\ufffd;K\ufffd\n"


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r", "\r\r\n"])
def test_line_endings_give_no_phantom_rows(end):
    rows = 4000  # the issue: a CR-only file of this size took minutes and 2 GB
    lines = ["ticket;datum;bedrag"] + [f"{i};03/01/2025;{i},50" for i in range(rows)]
    imp = lees_export(end.join(lines).encode() + end.encode(), peildatum=PEIL)
    assert imp.samenvatting() == {"rijen": rows, "behouden": rows, "hersteld": 0, "geweigerd": 0}
    assert imp.rapport["rij"].iloc[-1] == rows + 1
    assert imp.tickets["bedrag"].sum() == pytest.approx(sum(i + 0.5 for i in range(rows)))


def test_rows_with_other_field_counts_are_never_shifted():
    data = (
        b"ticket,datum,klant,bedrag,opmerking\n1,03/01/2025,K1,12,50\n2,04/01/2025,K2,20\n3,05/01/2025,30\n"
    )
    imp = lees_export(data, peildatum=PEIL)
    # row 2 has 5 fields like the header, but '12' and '50' are an amount 12,50 split by the comma (the
    # last column was left out); row 3 lacks only the unused last column; row 4 lacks 'bedrag' and would
    # shift the date
    assert imp.rapport["status"].tolist() == ["geweigerd", "hersteld", "geweigerd"]
    assert imp.rapport["reden"].tolist() == [
        "rij 2, kolom 'bedrag': '12' gevolgd door '50' in kolom 'opmerking': waarschijnlijk een bedrag met "
        "een decimale komma zonder aanhalingstekens, in twee velden gesplitst; welk veld bij welke kolom "
        "hoort, is niet te weten",
        "4 velden, maar de kopregel heeft er 5: de ontbrekende (niet gebruikte) kolommen achteraan als leeg "
        "gelezen",
        "rij 4, kolom 'bedrag': 3 velden, maar de kopregel heeft er 5: deze kolom ontbreekt, dus de waarden "
        "kunnen verschoven zijn",
    ]
    assert imp.tickets["bedrag"].tolist() == [20.0]


def test_two_digit_column_after_an_integer_amount_is_not_suspect_when_it_is_the_rule():
    # a VAT column with 21 on every row: two digits after an integer amount are normal here
    data = b"ticket,datum,bedrag,btw\n1,03/01/2025,12,21\n2,03/01/2025,13.50,21\n3,04/01/2025,7,21\n"
    imp = lees_export(data, peildatum=PEIL)
    assert imp.samenvatting()["behouden"] == 3
    assert imp.tickets["bedrag"].tolist() == [12.0, 13.5, 7.0]


def test_workbook_sheets_asked_by_name():
    book = openpyxl.Workbook()
    book.active.title = "jan"
    book.active.append(["ticket", "datum", "bedrag"])
    book.active.append(["T1", dt.datetime(2025, 1, 3), 5.0])
    other = book.create_sheet("feb")
    other.append(["bon", "datum", "klant", "bedrag"])
    other.append(["T2", dt.datetime(2025, 2, 3), "K1", 6.0])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    imp = lees_export(data, peildatum=PEIL)
    assert imp.bladen == ["feb"]  # the sheet with more recognised columns; 'jan' is reported
    assert any("Werkblad 'jan' niet gelezen: andere kolommen dan 'feb'" in m for m in imp.meldingen)
    assert lees_export(data, peildatum=PEIL, blad="jan").tickets["bedrag"].tolist() == [5.0]
    with pytest.raises(InvoerFout, match="hebben niet dezelfde kolommen"):
        lees_export(data, peildatum=PEIL, blad=["jan", "feb"])
    with pytest.raises(InvoerFout, match="Het werkblad 'maart' staat niet in"):
        lees_export(data, peildatum=PEIL, blad="maart")


def test_report_of_several_sheets_names_the_sheet():
    book = openpyxl.Workbook()
    book.active.title = "jan"
    for title, rows in (("jan", [["T1", "03/01/2025", "x"]]), ("feb", [["T2", "03/02/2025", "7"]])):
        sheet = book.active if title == "jan" else book.create_sheet(title)
        for row in [["ticket", "datum", "bedrag"], *rows]:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    imp = lees_export(buffer.getvalue(), peildatum=PEIL)
    assert imp.rapport[["blad", "rij", "status"]].values.tolist() == [
        ["jan", 2, "geweigerd"],
        ["feb", 2, "behouden"],
    ]
    assert imp.rapport["reden"].iloc[0] == "blad 'jan', rij 2, kolom 'bedrag': bedrag 'x' is geen bedrag"


def test_amounts_too_large_to_be_exact_are_refused():
    # from 10^13 on a float64 no longer holds every cent: refused instead of silently rounded
    out = lees_bedragen(pd.Series(["99999999999999999999999", "9.999.999.999.999,99", "12,50"]))
    assert out.waarden.iloc[1:].tolist() == [9_999_999_999_999.99, 12.5]
    assert out.fout.iloc[0] == "'99999999999999999999999' is te groot voor een bedrag (meer dan 10 biljoen)"


def test_sheet_argument_on_a_csv_is_an_error():
    with pytest.raises(InvoerFout, match="blad= geldt enkel voor een Excel-bestand"):
        lees_export(b"ticket;datum;bedrag\n1;03/01/2025;5\n", peildatum=PEIL, blad="Verkopen")

"""Build the Excel files and the byte-level CSV files of the importer corpus, and the Excel template.

Most CSV files of the corpus are written by hand and committed as they are. Files whose point is in
their bytes (an encoding, line endings, an undefined byte, a field over the csv module's limit) and
the Excel files are generated here, because such a file cannot be reviewed as text;
tests/test_eigen_data_corpus.py rebuilds them into a temporary folder and fails when the committed
ones differ (bytes; for Excel: cell values, merged cells).

    python tests/corpus_export/maak_corpus.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pandas as pd

HIER = Path(__file__).resolve().parent
SJABLOON = HIER.parents[1] / "datasets" / "sjabloon"


def _boek(rijen: list[list[object]], titel: str = "Verkopen") -> openpyxl.Workbook:
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = titel
    for rij in rijen:
        blad.append(rij)
    return boek


def titelrijen() -> openpyxl.Workbook:
    boek = _boek(
        [
            ["Kassa-export Sportshop Janssens", None, None, None],
            ["Periode: januari 2025", None, None, None],
            [None, None, None, None],
            ["Bonnummer", "Datum", "Klantnummer", "Bedrag"],
            [1001, dt.datetime(2025, 1, 3, 10, 15), "K1", 59.95],
            [1002, dt.datetime(2025, 1, 4, 11, 0), None, 12.5],
            [1003, dt.datetime(2025, 1, 5, 16, 30), "K2", -20],
        ]
    )
    boek.active.merge_cells("A1:D1")
    return boek


def formules() -> openpyxl.Workbook:
    return _boek(
        [
            ["ticket", "datum", "klant", "bedrag"],
            ["T1", dt.datetime(2025, 1, 3), "K1", 10.0],
            ["T2", dt.datetime(2025, 1, 4), "K2", "=D2*2"],
            ["T3", dt.datetime(2025, 1, 5), "K3", 30.0],
            ["Totaal", None, None, "=SUM(D2:D4)"],
        ]
    )


def excel_basis() -> openpyxl.Workbook:
    return _boek(
        [
            ["Ticket", "Datum", "Klant", "Bedrag", "Korting"],
            [1, dt.datetime(2025, 2, 1, 9, 30), 501, 25.0, 0],
            [2, dt.datetime(2025, 2, 2), "K502", "€ 12,50", None],
            [3, "05/02/2025", 503.0, 7.5, 1.5],
            [4, dt.date(2025, 2, 6), None, 100, 0],
        ]
    )


def tweede_blad() -> openpyxl.Workbook:
    boek = _boek([["Uitleg bij deze export"], ["Gemaakt door de kassa"]], titel="Info")
    blad = boek.create_sheet("Verkopen")
    for rij in [
        ["receipt", "date", "amount"],
        ["X1", dt.datetime(2025, 3, 1), 5.0],
        ["X2", dt.datetime(2025, 3, 2), 6.0],
    ]:
        blad.append(rij)
    return boek


def _blad(boek: openpyxl.Workbook, titel: str, rijen: list[list[object]]) -> None:
    blad = boek.create_sheet(titel)
    for rij in rijen:
        blad.append(rij)


def _maand(maand: int, tickets: list[tuple[str, int, str | None, float]]) -> list[list[object]]:
    """Een maandblad: kopregel en per ticket (nummer, dag, klant, bedrag)."""
    return [["Bonnr", "Datum", "Klant", "Bedrag"]] + [
        [nummer, dt.datetime(2025, maand, dag, 10, 0), klant, bedrag]
        for nummer, dag, klant, bedrag in tickets
    ]


def maandbladen() -> openpyxl.Workbook:
    boek = _boek(
        [["Maand", "Omzet"], ["januari", 30.0], ["februari", 12.5], ["maart", 40.0]], titel="Overzicht"
    )
    _blad(boek, "januari", _maand(1, [("J1", 3, "K1", 10.0), ("J2", 4, None, 20.0)]))
    _blad(boek, "februari", _maand(2, [("F1", 3, "K1", 7.5), ("F2", 4, "K2", 5.0)]))
    _blad(boek, "maart", _maand(3, [("M1", 3, "K3", 15.0), ("M2", 4, "K1", 25.0)]))
    return boek


def samenvatting_eerst() -> openpyxl.Workbook:
    per_dag = [["Datum", "Totaal"], [dt.datetime(2025, 1, 3), 30.0], [dt.datetime(2025, 1, 4), 5.0]]
    boek = _boek(per_dag, titel="Totaal per dag")
    _blad(
        boek,
        "Tickets",
        [
            ["Ticket", "Datum", "Klant", "Bedrag"],
            ["T1", dt.datetime(2025, 1, 3, 9, 0), "K1", 10.0],
            ["T2", dt.datetime(2025, 1, 3, 11, 0), "K2", 20.0],
            ["T3", dt.datetime(2025, 1, 4, 10, 0), None, 5.0],
        ],
    )
    return boek


def samenvatting_zonder_naam() -> openpyxl.Workbook:
    boek = _boek(
        [["Datum", "Totaal"], [dt.datetime(2025, 1, 3), 30.0], [dt.datetime(2025, 1, 4), 5.0]], titel="Blad1"
    )
    _blad(
        boek,
        "Blad2",
        [
            ["Bonnr", "Datum", "Bedrag"],
            [1, dt.datetime(2025, 1, 3), 10.0],
            [2, dt.datetime(2025, 1, 3), 20.0],
            [3, dt.datetime(2025, 1, 4), 5.0],
        ],
    )
    return boek


def maandbladen_met_totaalblad() -> openpyxl.Workbook:
    boek = _boek(_maand(1, [("J1", 3, "K1", 10.0)]), titel="jan")
    _blad(boek, "feb", _maand(2, [("F1", 3, "K2", 20.0)]))
    _blad(boek, "Totaal", _maand(2, [("alles", 28, None, 30.0)]))
    return boek


def maandbladen_dubbel_ticket() -> openpyxl.Workbook:
    boek = _boek(_maand(1, [("T1", 3, "K1", 10.0), ("T2", 4, "K2", 20.0)]), titel="jan")
    _blad(boek, "feb", _maand(2, [("T1", 3, "K1", 30.0), ("T3", 4, "K3", 40.0)]))
    return boek


def excel_vinkjes() -> openpyxl.Workbook:
    return _boek(
        [
            ["Ticket", "Datum", "Bedrag"],
            ["T1", dt.datetime(2025, 1, 3), True],
            ["T2", dt.datetime(2025, 1, 4), 12.5],
            ["T3", dt.datetime(2025, 1, 5), False],
        ]
    )


def excel_datum_als_bedrag() -> openpyxl.Workbook:
    return _boek(
        [
            ["Ticket", "Datum", "Bedrag"],
            ["T1", dt.datetime(2025, 1, 3), dt.datetime(2025, 1, 3)],
            ["T2", dt.datetime(2025, 1, 4), 12.5],
        ]
    )


def excel_gekozen_bladen() -> openpyxl.Workbook:
    boek = _boek(_maand(1, [("J1", 3, "K1", 10.0)]), titel="jan")
    _blad(boek, "feb", _maand(2, [("F1", 3, "K2", 20.0)]))
    _blad(boek, "mrt", _maand(3, [("M1", 3, "K3", 30.0)]))
    return boek


def excel_leeg_blad_eerst() -> openpyxl.Workbook:
    boek = _boek([], titel="Blad1")
    _blad(boek, "Verkopen", [["ticket", "datum", "bedrag"], ["V1", dt.datetime(2025, 2, 1), 8.0]])
    return boek


def excel_procentkolom() -> openpyxl.Workbook:
    return _boek(
        [
            ["Ticket", "Datum", "Bedrag", "Korting %"],
            ["T1", dt.datetime(2025, 1, 3), 90.0, 0.1],
            ["T2", dt.datetime(2025, 1, 4), 50.0, 0],
        ]
    )


BESTANDEN = {
    "15_titelrijen.xlsx": titelrijen,
    "20_formules.xlsx": formules,
    "38_excel_basis.xlsx": excel_basis,
    "44_tweede_werkblad.xlsx": tweede_blad,
    "108_maandbladen.xlsx": maandbladen,
    "109_samenvatting_eerst.xlsx": samenvatting_eerst,
    "110_samenvatting_zonder_naam.xlsx": samenvatting_zonder_naam,
    "111_maandbladen_met_totaalblad.xlsx": maandbladen_met_totaalblad,
    "112_maandbladen_dubbel_ticket.xlsx": maandbladen_dubbel_ticket,
    "113_excel_vinkjes.xlsx": excel_vinkjes,
    "114_excel_datum_als_bedrag.xlsx": excel_datum_als_bedrag,
    "115_excel_gekozen_bladen.xlsx": excel_gekozen_bladen,
    "116_excel_leeg_blad_eerst.xlsx": excel_leeg_blad_eerst,
    "117_excel_procentkolom.xlsx": excel_procentkolom,
}

GRENS = 131_072
"""De standaardgrens van Python's csv-module voor één veld (csv.field_size_limit())."""
KOP = "ticket;datum;klant;bedrag\r\n"
ZOE = "ticket;datum;klant;bedrag\r\n1;03/01/2025;Zoë;10,00\r\n2;04/01/2025;François;20,00\r\n"


def _lang_open_veld() -> bytes:
    regels = [f"{n};04/01/2025;klant met een vrij lange naam {n:05d};20,00\n" for n in range(2, 2900)]
    return ('ticket;datum;klant;bedrag\n1;03/01/2025;"K1;10,00\n' + "".join(regels)).encode()


TEKSTEN = {
    "60_veld_te_lang.csv": lambda: (
        "ticket;datum;opmerking;bedrag\n1;03/01/2025;" + "x" * (GRENS + 100) + ";10,00\n"
    ).encode(),
    "61_titel_te_lang.csv": lambda: (
        "=" * (GRENS + 100) + "\nticket;datum;bedrag\n1;03/01/2025;5\n"
    ).encode(),
    "62_aanhalingsteken_zonder_einde_lang.csv": _lang_open_veld,
    "80_utf16le_zonder_bom.csv": lambda: ZOE.encode("utf-16-le"),
    "81_utf16be_zonder_bom.csv": lambda: ZOE.encode("utf-16-be"),
    "82_utf16be_met_bom.csv": lambda: b"\xfe\xff" + ZOE.encode("utf-16-be"),
    "83_utf32_met_bom.csv": lambda: b"\xff\xfe\x00\x00" + ZOE.encode("utf-32-le"),
    "84_utf32_zonder_bom.csv": lambda: ZOE.encode("utf-32-be"),
    "85_utf8_met_windows_regel.csv": lambda: (
        "ticket;datum;klant;bedrag\n1;03/01/2025;Zoë;10,00\n".encode()
        + "2;04/01/2025;René;€ 5,00\n".encode("cp1252")
        + "3;05/01/2025;Zoë;7,00\n".encode()
    ),
    "87_onleesbare_byte.csv": lambda: (
        b"ticket;datum;klant;opmerking;bedrag\n1;03/01/2025;K\x81;ok;10,00\n2;04/01/2025;K2;zie \x8d;20,00\n"
        b"3;05/01/2025;K3;;30,00\n"
    ),
    "88_windows1252.csv": lambda: "ticket;datum;klant;bedrag\n1;03/01/2025;Zoë;€ 12,50\n".encode("cp1252"),
    "89_alleen_cr.csv": lambda: b"ticket;datum;klant;bedrag\r1;03/01/2025;K1;10,00\r2;04/01/2025;K2;20,00\r",
    "90_cr_cr_lf.csv": lambda: (
        b"ticket;datum;klant;bedrag\r\r\n1;03/01/2025;K1;10,00\r\r\n2;04/01/2025;K2;20,00\r\r\n"
    ),
    "91_gemengde_regeleinden.csv": lambda: (
        b"ticket;datum;klant;bedrag\r\n1;03/01/2025;K1;10,00\r2;04/01/2025;K2;20,00\n3;05/01/2025;K3;30,00\r\r\n"
    ),
    "92_cr_met_lege_regel.csv": lambda: (
        b"ticket;datum;klant;bedrag\r1;03/01/2025;K1;10,00\r\r2;04/01/2025;K2;20,00\r"
    ),
    "93_cr_in_aanhalingstekens.csv": lambda: (
        b"ticket;datum;klant;opmerking;bedrag\r\n"
        b'1;03/01/2025;K1;"lijn 1\rlijn 2";10,00\r\n2;04/01/2025;K2;;20,00\r\n'
    ),
    "119_kopregel_enkel_cr.csv": lambda: b"ticket;datum;bedrag\r\r\r",
    "120_bom_utf16_leeg.csv": lambda: b"\xff\xfe",
    "121_nul_teken.csv": lambda: b"ticket;datum;opmerking;bedrag\n1;03/01/2025;a\x00b;10,00\n",
}


def sjabloon_tabel() -> pd.DataFrame:
    """The template rows, read from the hand-written CSV (independently of helpers.eigen_data)."""
    df = pd.read_csv(SJABLOON / "sjabloon_kassa.csv", sep=";", decimal=",", dtype={"Klantnummer": "str"})
    return df.assign(Datum=pd.to_datetime(df["Datum"], format="%d/%m/%Y %H:%M"))


def maak(corpus: Path = HIER, sjabloon: Path = SJABLOON) -> list[Path]:
    from helpers.export import naar_excel

    paden = []
    for naam, maker in BESTANDEN.items():
        maker().save(corpus / naam)
        paden.append(corpus / naam)
    for naam, maker in TEKSTEN.items():
        (corpus / naam).write_bytes(maker())
        paden.append(corpus / naam)
    paden.append(
        naar_excel(
            sjabloon_tabel(), sjabloon / "sjabloon_kassa.xlsx", blad="Kassa", bedragen=["Bedrag", "Korting"]
        )
    )
    return paden


if __name__ == "__main__":
    for pad in maak():
        print(pad)
    sys.exit(0)

"""Build the Excel files of the importer corpus and the Excel template (maintainer script).

The CSV files of the corpus are written by hand and committed as they are. The Excel files are
generated here, because a binary file cannot be reviewed; tests/test_eigen_data_corpus.py rebuilds
them into a temporary folder and fails when the committed ones differ (cell values, merged cells).

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


BESTANDEN = {
    "15_titelrijen.xlsx": titelrijen,
    "20_formules.xlsx": formules,
    "38_excel_basis.xlsx": excel_basis,
    "44_tweede_werkblad.xlsx": tweede_blad,
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

"""De generator: determinisme, de meegeleverde datasets zijn niet verouderd, Excel, opdrachtregel."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from helpers.controle import InvoerFout
from helpers.data import DATASETS, laad_winkel
from helpers.genereer import bouw_standaardsets, genereer_winkel, schrijf_winkel
from helpers.genereer.__main__ import hoofd
from helpers.genereer.excel import csv_vingerafdruk, excel_vingerafdruk
from helpers.schema import PROFIELEN, TABELLEN


def _bestanden(map: Path) -> list[Path]:
    return sorted(p.relative_to(map) for p in map.rglob("*") if p.is_file() and p.suffix != ".xlsx")


def _zelfde_bestanden(a: Path, b: Path) -> None:
    namen = _bestanden(a)
    assert namen == _bestanden(b)
    verschillend = [str(n) for n in namen if not filecmp.cmp(a / n, b / n, shallow=False)]
    assert not verschillend, f"verschillende bestanden: {verschillend}"


@pytest.mark.parametrize("profiel", PROFIELEN)
def test_zelfde_seed_geeft_byte_identieke_bestanden(profiel, tmp_path):
    a = schrijf_winkel(profiel, tmp_path / "a", aantal_klanten=300, seed=11, excel=True)
    b = schrijf_winkel(profiel, tmp_path / "b", aantal_klanten=300, seed=11, excel=True)
    _zelfde_bestanden(a, b)
    assert (a / f"{profiel}.xlsx").read_bytes() == (b / f"{profiel}.xlsx").read_bytes()


def test_andere_seed_geeft_andere_winkel():
    a = genereer_winkel("kledingzaak", aantal_klanten=300, seed=1)
    b = genereer_winkel("kledingzaak", aantal_klanten=300, seed=2)
    assert not a.tickets["bedrag"].equals(b.tickets["bedrag"])


def test_meegeleverde_datasets_zijn_niet_verouderd(tmp_path):
    """datasets/ = verse uitvoering van het standaardcommando (CSV, winkel.json, _sleutel: byte per byte)."""
    if not all((DATASETS / p / "winkel.json").exists() for p in PROFIELEN):
        pytest.fail("datasets/ ontbreekt: maak ze met python -m helpers.genereer --standaardsets")
    bouw_standaardsets(tmp_path, excel=False)
    for profiel in PROFIELEN:
        vers, bewaard = tmp_path / profiel, DATASETS / profiel
        namen = [n for n in _bestanden(bewaard) if n.suffix in (".csv", ".json")]
        assert namen == _bestanden(vers), profiel
        verschillend = [str(n) for n in namen if not filecmp.cmp(vers / n, bewaard / n, shallow=False)]
        assert not verschillend, (
            f"{profiel}: verouderd {verschillend}. Opnieuw maken: python -m helpers.genereer --standaardsets"
        )


def _vergelijk_excel_met_tabellen(pad: Path, winkel) -> None:
    boek = load_workbook(pad, read_only=True)
    assert boek.sheetnames == list(TABELLEN)
    for naam, schema in TABELLEN.items():
        breedte = len(schema)
        waarden = [
            tuple(r) + (None,) * (breedte - len(r))  # lege cellen achteraan leest openpyxl niet
            for r in boek[naam].iter_rows(values_only=True)
        ]
        assert list(waarden[0]) == list(schema), naam
        verwacht = getattr(winkel, naam)[list(schema)]
        assert len(waarden) - 1 == len(verwacht), naam
        for j, (kolom, soort) in enumerate(schema.items()):
            cellen = pd.Series([r[j] for r in waarden[1:]], dtype=object)
            echt = verwacht[kolom].astype(object).where(verwacht[kolom].notna(), None).reset_index(drop=True)
            if soort == "datum":
                assert all(c is None or isinstance(c, datetime) for c in cellen), (naam, kolom)
                cellen, echt = pd.to_datetime(cellen), pd.to_datetime(echt)
                assert ((cellen == echt) | (cellen.isna() & echt.isna())).all(), (naam, kolom)
            elif soort == "getal":
                assert np.allclose(cellen.astype(float), echt.astype(float), equal_nan=True), (naam, kolom)
            else:
                gelezen = [None if c is None else str(c) for c in cellen]
                assert gelezen == [None if e is None else str(e) for e in echt], (naam, kolom)


def test_excel_bevat_alle_tabellen_met_echte_datums(tmp_path):
    pad = schrijf_winkel("sportzaak", tmp_path, aantal_klanten=150, seed=4, excel=True)
    _vergelijk_excel_met_tabellen(pad / "sportzaak.xlsx", laad_winkel("sportzaak", map=pad))
    blad = load_workbook(pad / "sportzaak.xlsx")["tickets"]
    assert blad["B2"].is_date and blad.column_dimensions["B"].width >= 19


@pytest.mark.parametrize("profiel", PROFIELEN)
def test_meegeleverde_excel_hoort_bij_de_csv(profiel):
    """De werkmap draagt de vingerafdruk van de CSV-bestanden waaruit ze gemaakt is (die de test op
    verouderde datasets gelijk houdt met de generator); de inhoud van de werkmap zelf bewijst
    test_excel_bevat_alle_tabellen_met_echte_datums op een kleine winkel."""
    pad = DATASETS / profiel / f"{profiel}.xlsx"
    if not pad.exists():
        pytest.fail(f"{pad} ontbreekt: maak ze met python -m helpers.genereer --standaardsets")
    assert excel_vingerafdruk(pad) == csv_vingerafdruk(DATASETS / profiel)
    with zipfile.ZipFile(pad) as archief:
        werkboek = archief.read("xl/workbook.xml").decode("utf-8")
    assert re.findall(r'<sheet name="([^"]+)"', werkboek) == list(TABELLEN)


def test_vingerafdruk_verandert_met_de_gegevens(tmp_path):
    pad = schrijf_winkel("kledingzaak", tmp_path, aantal_klanten=60, seed=1, excel=True)
    assert excel_vingerafdruk(pad / "kledingzaak.xlsx") == csv_vingerafdruk(pad)
    (pad / "tickets.csv").write_text(
        (pad / "tickets.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert excel_vingerafdruk(pad / "kledingzaak.xlsx") != csv_vingerafdruk(pad)


# --- opdrachtregel ---------------------------------------------------------------------------------


def test_help_is_nederlands(capsys):
    with pytest.raises(SystemExit) as stop:
        hoofd(["--help"])
    assert stop.value.code == 0
    tekst = capsys.readouterr().out
    assert "gebruik:" in tekst and "opties" in tekst and "--standaardsets" in tekst
    assert "usage" not in tekst and "show this help" not in tekst and "options:" not in tekst


@pytest.mark.parametrize(
    ("argumenten", "stuk"),
    [
        (["--profiel", "bakkerij"], "Kies uit: kledingzaak, schoenenzaak, sportzaak"),
        (["--profiel", "sportzaak", "--klanten", "0"], "minstens 1"),
        (["--profiel", "sportzaak", "--klanten", "-5"], "minstens 1"),
        (["--profiel", "sportzaak", "--klanten", "1,5"], "geheel getal"),
        (["--profiel", "sportzaak", "--klanten", "veel"], "geheel getal"),
        (["--profiel", "sportzaak", "--onbekend"], "onbekende optie"),
    ],
)
def test_foute_invoer_geeft_een_regel_en_code_2(argumenten, stuk, capsys):
    assert hoofd(argumenten) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1 and stuk in fout and fout.startswith("fout: ")


def test_map_die_niet_kan(tmp_path, capsys):
    bestand = tmp_path / "gewoon_bestand.txt"
    bestand.write_text("x", encoding="utf-8")
    assert hoofd(["--profiel", "kledingzaak", "--klanten", "50", "--map", str(bestand / "winkel")]) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1 and "Kan niet schrijven in de map" in fout


def test_echte_opdrachtregel_schrijft_een_laadbare_winkel(tmp_path):
    doel = tmp_path / "mijn sportzaak"
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpers.genereer",
            "--profiel",
            "sportzaak",
            "--klanten",
            "120",
            "--seed",
            "9",
            "--map",
            str(doel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    winkel = laad_winkel("sportzaak", map=doel)
    sleutel = pd.read_csv(doel / "_sleutel" / "klanten.csv")
    # --klanten counts persons: a second card of the same person or a test record is no extra person
    extra = pd.Series(False, index=sleutel.index)
    if "testrecord" in sleutel:
        extra = sleutel["zelfde_persoon_als"].notna() | sleutel["testrecord"]
    assert int((~extra).sum()) == 120 and len(winkel.klanten) == len(sleutel)
    fout = subprocess.run(
        [sys.executable, "-m", "helpers.genereer", "--profiel", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert fout.returncode == 2 and "Traceback" not in fout.stderr and fout.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("argumenten", "stuk"),
    [
        ({"profiel": "bakkerij"}, "Kies uit: kledingzaak, schoenenzaak, sportzaak"),
        ({"profiel": "sportzaak", "aantal_klanten": 0}, "positief geheel getal"),
        ({"profiel": "sportzaak", "aantal_klanten": 2.5}, "positief geheel getal"),
        ({"profiel": "sportzaak", "aantal_klanten": 10, "jaren": 0}, "'jaren'"),
    ],
)
def test_genereer_winkel_weigert_foute_invoer(argumenten, stuk):
    with pytest.raises(InvoerFout, match=re.escape(stuk)):
        genereer_winkel(**argumenten)

"""The importer's bad-input corpus (tests/corpus_export), the templates, the large file and round trips."""

from __future__ import annotations

import importlib.util
import json
import re
import time
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from helpers.controle import InvoerFout
from helpers.data import DATASETS, laad_winkel
from helpers.eigen_data import lees_export
from helpers.export import naar_csv, naar_excel
from helpers.schema import TICKETS

CORPUS = Path(__file__).parent / "corpus_export"
SJABLOON = Path(__file__).parents[1] / "datasets" / "sjabloon"
EXPECTED = {
    k: v
    for k, v in json.loads((CORPUS / "verwachting.json").read_text(encoding="utf-8")).items()
    if k[0] != "_"
}
PEILDATUM = "2025-12-31"


def _maak_corpus():
    spec = importlib.util.spec_from_file_location("maak_corpus", CORPUS / "maak_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sleutel(rapport: pd.DataFrame) -> pd.Series:
    """Per rapportrij het rijnummer, bij meer werkbladen 'blad:rij' (de sleutels in verwachting.json)."""
    rij = rapport["rij"].astype(str)
    return rij.where(rapport["blad"].isna(), rapport["blad"].astype(str) + ":" + rij)


def assert_every_row_accounted(imp, rows: int) -> None:
    """The invariant for every import: one report row per data row, each with exactly one outcome."""
    rapport = imp.rapport
    assert len(rapport) == rows
    counts = imp.samenvatting()
    assert counts["behouden"] + counts["hersteld"] + counts["geweigerd"] == counts["rijen"] == rows
    assert _sleutel(rapport).is_unique
    for _, rijen in rapport.groupby(rapport["blad"].fillna(""), sort=False):
        assert rijen["rij"].is_monotonic_increasing
    assert rapport["rij"].min() > imp.kopregel or len(imp.bladen) > 1
    rejected = rapport[rapport["status"] == "geweigerd"]
    for rij, blad, kolom, reden in rejected[["rij", "blad", "kolom", "reden"]].itertuples(index=False):
        plaats = f"rij {rij}" if len(imp.bladen) < 2 else f"blad '{blad}', rij {rij}"
        assert kolom and reden.startswith(f"{plaats}, kolom '{kolom}': ")
    assert (rapport.loc[rapport["status"] == "hersteld", "reden"] != "").all()
    kept_ids = set(rapport.loc[rapport["status"] != "geweigerd", "ticket_id"])
    assert set(imp.tickets["ticket_id"]) == kept_ids


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx", ".xls")}
    assert files == set(EXPECTED)
    assert len(files) >= 120


@pytest.mark.parametrize("name", sorted(EXPECTED, key=lambda n: int(n.split("_")[0])))
def test_corpus_file(name):
    expected = EXPECTED[name]
    path = CORPUS / name
    kwargs = {"kolommen": expected.get("kolommen"), "blad": expected.get("blad"), "peildatum": PEILDATUM}
    if "fout" in expected:
        with pytest.raises(InvoerFout) as fout:
            lees_export(path, **kwargs)
        for woord in expected["fout"]:
            assert woord in str(fout.value)
        return
    imp = lees_export(path, **kwargs)
    assert_every_row_accounted(imp, expected["rijen"])
    counts = imp.samenvatting()
    assert {k: counts[k] for k in ("behouden", "hersteld", "geweigerd")} == {
        k: expected[k] for k in ("behouden", "hersteld", "geweigerd")
    }
    assert len(imp.tickets) == expected["tickets"]
    assert list(imp.tickets.columns) == list(TICKETS)
    assert imp.tickets["bedrag"].tolist() == pytest.approx(expected["bedragen"])
    if "lijnen" in expected:
        assert len(imp.ticketlijnen) == expected["lijnen"]
    for key in ("kopregel", "codering", "scheidingsteken", "bladen"):
        if key in expected:
            assert getattr(imp, key) == expected[key]
    if "klanten" in expected:
        klanten = imp.tickets["klant_id"].astype(object)
        assert klanten.where(klanten.notna(), None).tolist() == expected["klanten"]
    if "soorten" in expected:
        assert imp.tickets["soort"].astype(str).tolist() == expected["soorten"]
    if "kortingen" in expected:
        assert imp.tickets["korting"].tolist() == pytest.approx(expected["kortingen"])
    if "rijnummers" in expected:
        assert imp.rapport["rij"].tolist() == expected["rijnummers"]
    for woord in expected.get("meldingen", []):
        assert any(woord in melding for melding in imp.meldingen), (woord, imp.meldingen)
    # every row that is not simply kept (or has a remark) has its reason asserted, and only those rows
    sleutel = _sleutel(imp.rapport)
    reden = dict(zip(sleutel, imp.rapport["reden"], strict=True))
    kolom = dict(zip(sleutel, imp.rapport["kolom"], strict=True))
    niet_gewoon = set(sleutel[(imp.rapport["status"] != "behouden") | (imp.rapport["reden"] != "")])
    assert niet_gewoon == set(expected.get("redenen", {})), name
    for rij, woorden in expected.get("redenen", {}).items():
        for woord in woorden:
            assert woord in reden[rij], (rij, woord, reden[rij])
    for rij, naam in expected.get("kolom", {}).items():
        assert kolom[rij] == naam


def test_corpus_generated_files_are_not_stale(tmp_path):
    module = _maak_corpus()
    (tmp_path / "sjabloon").mkdir()
    made = module.maak(tmp_path, tmp_path / "sjabloon")
    for new in made:
        committed = (SJABLOON if new.parent.name == "sjabloon" else CORPUS) / new.name
        stale = f"{committed} is stale: run python tests/corpus_export/maak_corpus.py"
        if new.suffix == ".csv":
            assert new.read_bytes() == committed.read_bytes(), stale
            continue
        for sheet_new, sheet_old in zip(
            openpyxl.load_workbook(new).worksheets, openpyxl.load_workbook(committed).worksheets, strict=True
        ):
            assert sheet_new.title == sheet_old.title
            assert [[c.value for c in r] for r in sheet_new.iter_rows()] == [
                [c.value for c in r] for r in sheet_old.iter_rows()
            ], stale
            assert {str(m) for m in sheet_new.merged_cells.ranges} == {
                str(m) for m in sheet_old.merged_cells.ranges
            }


# --- the hand-computed tickets of a few corpus files ---------------------------------------------------


def _tickets(name, **kwargs):
    return lees_export(CORPUS / name, peildatum=PEILDATUM, **kwargs).tickets


def test_duplicates_hand_computed():
    t = _tickets("08_dubbele_tickets.csv")
    # T1 twice identical -> one ticket of 50; T2 = 20 + 5 (same time and customer) = 25;
    # T3's second row (other date) rejected
    assert t[["ticket_id", "bedrag"]].values.tolist() == [["T1", 50.0], ["T2", 25.0], ["T3", 15.0]]


def test_returns_hand_computed():
    t = _tickets("10_negatieve_bedragen.csv")
    assert t["soort"].tolist() == ["aankoop", "retour", "retour"]
    assert t["bedrag"].tolist() == [80.0, -30.0, -5.5]
    assert t["retour_van"].isna().tolist() == [True, False, True]
    assert t["retour_van"].iloc[1] == "1"


def test_english_headers_hand_computed():
    t = _tickets("21_engelse_koppen.csv")
    assert t["ticket_id"].tolist() == ["R-100", "R-101", "R-102"]
    assert t["datum"].tolist() == [pd.Timestamp("2025-03-01 09:15"), pd.Timestamp("2025-03-01 10:20"),
                                   pd.Timestamp("2025-03-02 21:05")]  # fmt: skip
    assert t["bedrag"].tolist() == [45.0, 12.99, 230.10]
    assert t["korting"].tolist() == [5.0, 0.0, 0.0]
    assert t["kanaal"].tolist() == ["winkel", "winkel", "webshop"]
    assert t["klant_id"].isna().tolist() == [False, True, False]


def test_till_headers_keep_leading_zeros_and_card_numbers():
    imp = lees_export(CORPUS / "22_kassakoppen.csv", peildatum=PEILDATUM)
    assert imp.tickets["ticket_id"].tolist() == ["000123", "000124", "000125"]
    assert imp.tickets["klant_id"].iloc[0] == "2000000012"
    assert imp.kolommen == {"ticket_id": "Bonnummer", "datum": "Verkoopdatum", "klant_id": "Klantenkaart",
                            "bedrag": "Totaal incl. btw", "korting": "Korting"}  # fmt: skip
    assert any("'Verkoper'" in m for m in imp.meldingen)


def test_amount_formats_hand_computed():
    assert _tickets("16_duizendtallen.csv")["bedrag"].tolist() == [1234.56, 12345.0, 999.99, 1_000_000.0]
    assert _tickets("17_euro_voor_en_na.csv")["bedrag"].tolist() == [12.5, 12.5, 3.0, 1234.56, 7.0]
    assert _tickets("35_haakjes_en_min_achteraan.csv")["bedrag"].tolist() == [-12.5, -12.5, -12.5]
    assert _tickets("39_punt_decimaal_komma_duizendtal.csv")["bedrag"].tolist() == [1234.56, 99.5, 1000.0]
    assert _tickets("18_aanhalingstekens.csv")["bedrag"].tolist() == [129.95, 19.95, 9.95]


def test_dates_hand_computed():
    expected = ["2025-01-03", "2025-01-04", "2025-01-05", "2025-01-06 14:30", "2025-01-07"]
    assert _tickets("04_gemengde_datums.csv")["datum"].tolist() == [pd.Timestamp(d) for d in expected]
    assert _tickets("27_tweecijferige_jaren.csv")["datum"].dt.year.tolist() == [2025, 2025, 1999]
    assert _tickets("31_amerikaanse_datums.csv")["datum"].tolist() == [
        pd.Timestamp("2025-01-13"), pd.Timestamp("2025-02-01"), pd.Timestamp("2025-12-31")
    ]  # fmt: skip
    assert _tickets("28_tijd_apart.csv")["datum"].tolist() == [
        pd.Timestamp("2025-01-03 10:15"), pd.Timestamp("2025-01-03 14:30"), pd.Timestamp("2025-01-04")
    ]  # fmt: skip
    # the future check compares days: 31/12/2025 23:59 is still on the peildatum
    assert _tickets("11_datum_in_toekomst.csv")["ticket_id"].tolist() == ["1", "2"]


def test_webshop_time_zones_are_ignored():
    t = _tickets("46_webshop_tijdzones.csv")
    # the clock time as written: 10:15 (+0100), 09:00 (Z), 20:30 (+01:00)
    assert t["datum"].tolist() == [pd.Timestamp("2025-01-03 10:15"), pd.Timestamp("2025-01-04 09:00"),
                                   pd.Timestamp("2025-01-05 20:30")]  # fmt: skip
    assert t["ticket_id"].tolist() == ["#1001", "#1002", "#1003"]
    assert t["kanaal"].astype(str).tolist() == ["webshop"] * 3


def test_anonymous_markers():
    t = _tickets("33_anonieme_klanten.csv")
    assert t["klant_id"].isna().tolist() == [True, True, True, True, False]


def test_ticket_lines_hand_computed():
    imp = lees_export(CORPUS / "29_ticketlijnen.csv", peildatum=PEILDATUM)
    # ticket 1: 20 + 35 = 55 (the line on 06/01 is rejected); ticket 2: two identical lines 10 + 10;
    # ticket 3: -35
    assert imp.tickets[["ticket_id", "bedrag", "soort"]].values.tolist() == [
        ["1", 55.0, "aankoop"], ["2", 20.0, "aankoop"], ["3", -35.0, "retour"]
    ]  # fmt: skip
    lijnen = imp.ticketlijnen
    assert lijnen["lijn"].tolist() == [1, 2, 1, 2, 1]
    assert lijnen["aantal"].tolist() == [2, 1, 1, 1, -1]
    assert lijnen["eenheidsprijs"].tolist() == [10.0, 35.0, 10.0, 10.0, 35.0]
    assert str(lijnen["aantal"].dtype) == "Int64"


def test_excel_native_values_hand_computed():
    t = _tickets("38_excel_basis.xlsx")
    assert t["ticket_id"].tolist() == ["1", "2", "3", "4"]
    assert t["klant_id"].tolist()[:3] == ["501", "K502", "503"]
    assert t["datum"].tolist() == [pd.Timestamp("2025-02-01 09:30"), pd.Timestamp("2025-02-02"),
                                   pd.Timestamp("2025-02-05"), pd.Timestamp("2025-02-06")]  # fmt: skip
    assert t["bedrag"].tolist() == [25.0, 12.5, 7.5, 100.0]
    assert t["korting"].tolist() == [0.0, 0.0, 1.5, 0.0]


def test_generated_ticket_ids_use_file_rows():
    assert _tickets("36_geen_ticketnummer.csv")["ticket_id"].tolist() == ["R2", "R3"]


def test_explicit_sheet():
    imp = lees_export(CORPUS / "44_tweede_werkblad.xlsx", peildatum=PEILDATUM, blad="Verkopen")
    assert imp.tickets["bedrag"].tolist() == [5.0, 6.0]
    with pytest.raises(InvoerFout, match="'Info', 'Verkopen'"):
        lees_export(CORPUS / "44_tweede_werkblad.xlsx", blad="Blad1")


# --- templates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sjabloon_kassa.csv", "sjabloon_kassa.xlsx"])
def test_templates_read_with_every_row_kept(name):
    imp = lees_export(SJABLOON / name, peildatum=PEILDATUM)
    assert_every_row_accounted(imp, 6)
    assert imp.samenvatting()["behouden"] == 6
    t = imp.tickets
    # hand-checked against the template: T0005 is a return of T0001, T0002 is anonymous
    assert t["bedrag"].tolist() == [89.95, 24.5, 159.0, 64.9, -29.95, 1249.0]
    assert t["korting"].tolist() == [0.0, 0.0, 20.0, 6.49, 0.0, 0.0]
    assert t["soort"].tolist() == ["aankoop"] * 4 + ["retour", "aankoop"]
    assert t["retour_van"].iloc[4] == "T0001"
    assert t["kanaal"].tolist()[3] == "webshop"
    assert t["datum"].iloc[0] == pd.Timestamp("2025-01-03 10:15")


def test_template_readme_explains_every_column():
    text = (SJABLOON / "LEESMIJ.md").read_text(encoding="utf-8")
    header = (SJABLOON / "sjabloon_kassa.csv").read_text(encoding="utf-8").splitlines()[0].split(";")
    for column in header:
        assert f"`{column}`" in text


# --- round trips ----------------------------------------------------------------------------------------


def _round_trip(tickets: pd.DataFrame, path: Path, write) -> None:
    write(tickets, path)
    imp = lees_export(path, peildatum=PEILDATUM)
    assert_every_row_accounted(imp, len(tickets))
    assert imp.samenvatting()["geweigerd"] == 0
    pd.testing.assert_frame_equal(
        imp.tickets.drop(columns=["kanaal", "soort"]).reset_index(drop=True),
        tickets.drop(columns=["kanaal", "soort"]).reset_index(drop=True),
        check_dtype=False,
        check_categorical=False,
    )
    assert imp.tickets["kanaal"].astype(str).tolist() == tickets["kanaal"].astype(str).tolist()
    assert imp.tickets["soort"].astype(str).tolist() == tickets["soort"].astype(str).tolist()


def _shop_tickets(rows: int = 400) -> pd.DataFrame:
    return laad_winkel("kledingzaak").tickets.head(rows)


def test_round_trip_naar_csv_of_shop_tickets(tmp_path):
    _round_trip(_shop_tickets(), tmp_path / "tickets.csv", naar_csv)


def test_round_trip_naar_excel_of_shop_tickets(tmp_path):
    _round_trip(_shop_tickets(150), tmp_path / "tickets.xlsx", naar_excel)


def test_shipped_tickets_csv_reads_like_laad_winkel():
    # the shipped CSV (',' separator, decimal point, ISO dates) through the importer equals laad_winkel
    imp = lees_export(DATASETS / "kledingzaak" / "tickets.csv", peildatum=PEILDATUM)
    original = laad_winkel("kledingzaak").tickets
    assert_every_row_accounted(imp, len(original))
    assert imp.samenvatting()["behouden"] == len(original)
    for column in ["ticket_id", "datum", "klant_id", "bedrag", "korting", "actie_id", "retour_van"]:
        pd.testing.assert_series_equal(imp.tickets[column], original[column], check_dtype=False)
    assert (imp.tickets["soort"].astype(str) == original["soort"].astype(str)).all()


def test_workbook_sheet_with_date_and_amount_wins(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "klanten"
    for row in [["klant_id", "voornaam", "email", "postcode"], ["K1", "An", "a@x.be", "3000"]]:
        book.active.append(row)
    sheet = book.create_sheet("tickets")
    for row in [["ticket_id", "datum", "bedrag"], ["T1", pd.Timestamp("2025-01-03").to_pydatetime(), 9.5]]:
        sheet.append(row)
    book.save(tmp_path / "winkel.xlsx")
    imp = lees_export(tmp_path / "winkel.xlsx", peildatum=PEILDATUM)
    assert imp.tickets["bedrag"].tolist() == [9.5]


# --- a large file ---------------------------------------------------------------------------------------


def test_large_file_is_read_completely(tmp_path):
    n = 100_000
    rng = np.random.default_rng(1)
    cents = rng.integers(-5_000, 50_000, n)
    frame = pd.DataFrame(
        {
            "ticket": np.arange(n).astype(str),
            "datum": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 1000, n), unit="D"),
            "klant": "K1",
            "bedrag": cents / 100,
        }
    )
    lines = naar_csv(frame, tmp_path / "groot.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[8].startswith("7;")
    lines[8] = "7;" + lines[8].split(";")[1] + ";K1;fout"
    (tmp_path / "groot.csv").write_text("\r\n".join(lines), encoding="utf-8")
    start = time.perf_counter()
    imp = lees_export(tmp_path / "groot.csv", peildatum=PEILDATUM)
    elapsed = time.perf_counter() - start
    assert_every_row_accounted(imp, n)
    assert imp.samenvatting()["geweigerd"] == 1
    assert imp.rapport["reden"].iloc[7] == "rij 9, kolom 'bedrag': bedrag 'fout' is geen bedrag"
    kept = np.delete(cents, 7)
    assert imp.tickets["bedrag"].sum() == pytest.approx(kept.sum() / 100)
    assert elapsed < 60, elapsed  # generous: benchmarks/bench_eigen_data.py prints the real figure


def test_regex_of_totals_is_not_fooled_by_numbers():
    # a ticket number that happens to be in the first column is never a totals row
    imp = lees_export(b"ticket;datum;bedrag\n1;03/01/2025;5\nsubtotaal;;5\n", peildatum=PEILDATUM)
    assert imp.samenvatting()["geweigerd"] == 1
    assert re.search("totaalrij", imp.rapport["reden"].iloc[1])

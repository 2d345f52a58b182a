"""laad_winkel on damaged folders: every corruption names the file, the row and the column."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from helpers.controle import InvoerFout
from helpers.data import laad_winkel
from helpers.genereer import schrijf_winkel


@pytest.fixture(scope="module")
def bron(tmp_path_factory) -> Path:
    return schrijf_winkel("sportzaak", tmp_path_factory.mktemp("bron") / "winkel", aantal_klanten=80, seed=1)


@pytest.fixture
def winkelmap(bron, tmp_path) -> Path:
    doel = tmp_path / "winkel"
    shutil.copytree(bron, doel)
    return doel


def _regels(pad: Path) -> list[str]:
    return pad.read_text(encoding="utf-8").split("\n")


def _vervang_cel(pad: Path, rij: int, kolom: str, waarde: str) -> None:
    """Put ``waarde`` in data row ``rij`` (1 = first data row, file row rij + 1) of ``kolom``."""
    regels = _regels(pad)
    kop = regels[0].split(",")
    velden = regels[rij].split(",")
    assert len(velden) == len(kop), "test rows must not contain quoted commas"
    velden[kop.index(kolom)] = waarde
    regels[rij] = ",".join(velden)
    pad.write_text("\n".join(regels), encoding="utf-8")


def _eenvoudige_rij(pad: Path, vanaf: int = 5) -> int:
    """A data row without quoted fields, so that splitting on commas is exact."""
    regels = _regels(pad)
    kop = regels[0].split(",")
    return next(
        i for i in range(vanaf, len(regels)) if '"' not in regels[i] and len(regels[i].split(",")) == len(kop)
    )


def test_a_clean_folder_loads(winkelmap):
    assert len(laad_winkel("sportzaak", map=winkelmap).klanten) == 80


GEVALLEN: dict[str, tuple[str, str, str, str]] = {
    # name: (file, column, bad value, expected message part)
    "datum": ("tickets.csv", "datum", "2025-13-45 10:00:00", "is geen datum"),
    "bedrag": ("tickets.csv", "bedrag", "twaalf", "'twaalf' is geen getal"),
    "geheel": ("ticketlijnen.csv", "aantal", "1.5", "'1.5' is geen geheel getal"),
    "waar": ("klanten.csv", "klantenkaart", "misschien", "'misschien' is geen waar/onwaar"),
    "categorie": ("tickets.csv", "kanaal", "telefoon", "'telefoon' is geen toegelaten waarde voor kanaal"),
    "verplicht": ("ticketlijnen.csv", "product_id", "", "deze verplichte cel is leeg"),
    "leeg waar": ("actiecontacten.csv", "verzonden", "", "is geen waar/onwaar"),
}


@pytest.mark.parametrize("geval", GEVALLEN)
def test_a_bad_cell_names_file_row_and_column(winkelmap, geval):
    bestand, kolom, waarde, melding = GEVALLEN[geval]
    pad = winkelmap / bestand
    rij = _eenvoudige_rij(pad)
    _vervang_cel(pad, rij, kolom, waarde)
    with pytest.raises(InvoerFout, match=f"'{bestand}'.*rij {rij + 1}, kolom '{kolom}': .*{melding}"):
        laad_winkel("sportzaak", map=winkelmap)


BESCHADIGINGEN: dict[str, tuple[str, Callable[[Path], int | None], str]] = {
    "ontbreekt": ("contacten.csv", lambda p: p.unlink(), "het bestand ontbreekt"),
    "leeg": ("acties.csv", lambda p: p.write_bytes(b""), "het bestand is leeg"),
    "afgebroken": (
        "tickets.csv",
        lambda p: p.write_bytes(p.read_bytes()[: p.read_bytes().rindex(b"\n", 0, -1) + 12]),
        "afgebroken",
    ),
    "extra veld": (
        "ticketlijnen.csv",
        lambda p: p.write_text(p.read_text().replace("\n", "\n" + "x," * 20 + "x\n", 1), encoding="utf-8"),
        "niet het juiste aantal velden",
    ),
    "geen utf-8": (
        "klanten.csv",
        lambda p: p.write_bytes(p.read_bytes().replace(b"\n", b"\n\xff\xfe\x00", 3)),
        "geen tekstbestand in UTF-8",
    ),
    "kolom weg": (
        "tickets.csv",
        lambda p: p.write_text(p.read_text().replace("bedrag", "totaal", 1), encoding="utf-8"),
        "'bedrag' ontbreken in de kopregel",
    ),
}


@pytest.mark.parametrize("geval", BESCHADIGINGEN)
def test_a_damaged_file_is_named(winkelmap, geval):
    bestand, beschadig, melding = BESCHADIGINGEN[geval]
    beschadig(winkelmap / bestand)
    with pytest.raises(InvoerFout, match=f"'{bestand}'.*{melding}"):
        laad_winkel("sportzaak", map=winkelmap)


def test_truncation_and_bad_bytes_point_at_the_right_row(winkelmap):
    pad = winkelmap / "tickets.csv"
    regels = _regels(pad)
    pad.write_text("\n".join(regels[:40]) + "\n" + regels[40][:15], encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"'tickets\.csv'.*, rij 41: het bestand is afgebroken"):
        laad_winkel("sportzaak", map=winkelmap)
    klanten = winkelmap / "klanten.csv"
    inhoud = klanten.read_bytes().split(b"\n")
    inhoud[7] = inhoud[7][:5] + b"\xff" + inhoud[7][5:]
    klanten.write_bytes(b"\n".join(inhoud))
    pad.write_text("\n".join(regels), encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"'klanten\.csv'.*, rij 8: dit is geen tekstbestand in UTF-8"):
        laad_winkel("sportzaak", map=winkelmap)


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ({"profiel": "kledingzaak"}, "de sleutel\\(s\\) 'naam', 'gemeente', 'peildatum' ontbreken"),
        ("{niet: json", "geen geldig JSON-bestand"),
        ([1, 2], "verwacht een object"),
    ],
)
def test_a_broken_winkel_json_is_refused(winkelmap, inhoud, melding):
    tekst = inhoud if isinstance(inhoud, str) else json.dumps(inhoud)
    (winkelmap / "winkel.json").write_text(tekst, encoding="utf-8")
    with pytest.raises(InvoerFout, match=f"'winkel.json'.*{melding}"):
        laad_winkel("sportzaak", map=winkelmap)


def test_a_folder_of_another_profile_is_refused(winkelmap):
    with pytest.raises(InvoerFout, match="bevat een sportzaak, geen kledingzaak"):
        laad_winkel("kledingzaak", map=winkelmap)
    meta = json.loads((winkelmap / "winkel.json").read_text(encoding="utf-8"))
    (winkelmap / "winkel.json").write_text(json.dumps({**meta, "peildatum": "ooit"}), encoding="utf-8")
    with pytest.raises(InvoerFout, match="de peildatum is geen datum"):
        laad_winkel("sportzaak", map=winkelmap)


def test_loaded_types_match_the_data_model(winkelmap):
    w = laad_winkel("sportzaak", map=winkelmap)
    assert str(w.tickets["datum"].dtype) == "datetime64[us]"
    assert w.klanten["toestemming_marketing"].dtype == bool
    assert str(w.ticketlijnen["aantal"].dtype) == "Int64"
    assert isinstance(w.tickets["kanaal"].dtype, pd.CategoricalDtype)
    assert set(w.tickets["kanaal"].cat.categories) <= {"winkel", "webshop"}

"""Een winkel als Excel-werkmap: één werkblad per tabel, echte Excel-datums, leesbare kolombreedtes.

Het bestand is byte-voor-byte reproduceerbaar: de tijdstempels in de werkmap en in het zip-archief
krijgen een vaste waarde (de peildatum) in plaats van 'nu'.

>>> import tempfile, pathlib
>>> from helpers.genereer import genereer_winkel
>>> w = genereer_winkel("kledingzaak", aantal_klanten=60, seed=2)
>>> pad = bewaar_excel(w, pathlib.Path(tempfile.mkdtemp()) / "winkel.xlsx")
>>> pad.read_bytes() == bewaar_excel(w, pad.with_name("opnieuw.xlsx")).read_bytes()
True
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from helpers.data import Winkel
from helpers.schema import TABELLEN

_BREEDTE = {"datum": 19, "getal": 12, "geheel": 10, "waar": 10, "id": 12, "categorie": 16, "tekst": 24}


def _rijen(df: pd.DataFrame) -> list[list[object]]:
    """De waarden van ``df`` als Python-objecten, lege waarden als ``None``."""
    objecten = df.astype(object)
    return objecten.where(df.notna(), None).to_numpy().tolist()


def csv_vingerafdruk(map: str | Path) -> str:
    """SHA-256 over de CSV-tabellen van een winkelmap (bestandsnaam en inhoud, alfabetisch).

    >>> import tempfile, pathlib
    >>> map = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (map / "a.csv").write_text("x", encoding="utf-8")
    >>> len(csv_vingerafdruk(map))
    64
    """
    hasj = hashlib.sha256()
    for bestand in sorted(Path(map).glob("*.csv")):
        hasj.update(bestand.name.encode("utf-8"))
        hasj.update(bestand.read_bytes())
    return hasj.hexdigest()


def excel_vingerafdruk(pad: str | Path) -> str | None:
    """De vingerafdruk van de CSV-bestanden waaruit een werkmap gemaakt werd (of ``None``)."""
    with zipfile.ZipFile(pad) as archief:
        kern = archief.read("docProps/core.xml").decode("utf-8")
    gevonden = re.search(r"gegevens-sha256: ([0-9a-f]{64})", kern)
    return gevonden.group(1) if gevonden else None


def bewaar_excel(winkel: Winkel, pad: str | Path, vingerafdruk: str | None = None) -> Path:
    """Schrijf alle tabellen van ``winkel`` naar één Excel-bestand (xlsx) en geef het pad terug.

    ``vingerafdruk`` (zie `csv_vingerafdruk`) komt in de eigenschappen van de werkmap, zodat een test
    snel kan nagaan dat de werkmap bij de CSV-bestanden ernaast hoort.
    """
    pad = Path(pad)
    boek = Workbook(write_only=True)
    vast = datetime(winkel.peildatum.year, winkel.peildatum.month, winkel.peildatum.day)
    boek.properties.creator = "KlantLab"
    boek.properties.created = vast
    if vingerafdruk is not None:
        boek.properties.description = f"gegevens-sha256: {vingerafdruk}"
    for naam, df in winkel.tabellen().items():
        schema = TABELLEN[naam]
        blad = boek.create_sheet(naam)
        for i, (kolom, soort) in enumerate(schema.items(), start=1):
            blad.column_dimensions[get_column_letter(i)].width = max(_BREEDTE[soort], len(kolom) + 2)
        blad.freeze_panes = "A2"
        kop = []
        for kolom in schema:
            cel = WriteOnlyCell(blad, value=kolom)
            cel.font = Font(bold=True)
            kop.append(cel)
        blad.append(kop)
        for rij in _rijen(df[list(schema)]):
            blad.append(rij)
    buffer = io.BytesIO()
    boek.save(buffer)
    _vaste_zip(buffer.getvalue(), pad, vast)
    return pad


def _vaste_zip(inhoud: bytes, pad: Path, vast: datetime) -> None:
    """Herschrijf het zip-archief met vaste tijdstempels (ook 'modified' in docProps/core.xml)."""
    stempel = vast.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(inhoud)) as bron, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            data = bron.read(info.filename)
            if info.filename == "docProps/core.xml":
                tekst = re.sub(
                    r"(<dcterms:modified[^>]*>)[^<]*(<)", rf"\g<1>{stempel}\g<2>", data.decode("utf-8")
                )
                data = tekst.encode("utf-8")
            nieuw = zipfile.ZipInfo(info.filename, date_time=vast.timetuple()[:6])
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            doel.writestr(nieuw, data)

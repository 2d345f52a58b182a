"""Een kassa-export inlezen tot een ruwe tabel (`Ruw`): CSV of Excel, herkend aan de inhoud.

CSV (`helpers.eigen_data.csvbestand`): tekstcodering, regeleinden, scheidingsteken, kopregel en
aanhalingstekens. Excel ``.xlsx`` (`helpers.eigen_data.excel`, herkend aan de inhoud, niet aan de
naam): het ticketblad of de ticketbladen. In beide mogen titelrijen boven de kopregel staan.

>>> ruw = lees_ruw(b"Export kassa\\r\\nBonnr;Datum;Totaal\\r\\n1;03/01/2025;12,50\\r\\n")
>>> ruw.kopregel, ruw.koppen, ruw.scheidingsteken, ruw.rijnummers.tolist()
(2, ['Bonnr', 'Datum', 'Totaal'], ';', [3])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from helpers.controle import InvoerFout
from helpers.eigen_data.csvbestand import lees_csv
from helpers.eigen_data.excel import lees_excel
from helpers.eigen_data.ruw import Ruw

Bron = str | Path | bytes | memoryview | BinaryIO


def lees_bytes(bron: Bron) -> tuple[bytes, str]:
    """De inhoud en een naam (voor meldingen) van een pad, bytes of een open binair bestand."""
    if isinstance(bron, bytes | bytearray | memoryview):  # memoryview: de inhoud uit een uploadknop
        return bytes(bron), "(bytes)"
    if hasattr(bron, "read"):
        inhoud = bron.read()
        if isinstance(inhoud, str):
            raise InvoerFout("Open het bestand binair: open(pad, 'rb'), niet als tekst.")
        return inhoud, str(getattr(bron, "name", "(bestand)"))
    pad = Path(bron)
    if not pad.is_file():
        raise InvoerFout(f"Het bestand '{pad}' bestaat niet. Controleer de naam en de map.")
    return pad.read_bytes(), pad.name


def lees_ruw(
    bron: Bron, kolommen: Mapping[str, str | None] | None = None, blad: str | Sequence[str] | None = None
) -> Ruw:
    """Lees een CSV- of Excel-export tot een `Ruw` (tekst, nog niet gecontroleerd)."""
    inhoud, naam = lees_bytes(bron)
    if not inhoud.strip(b"\xef\xbb\xbf \t\r\n"):
        raise InvoerFout(f"Het bestand '{naam}' is leeg: er staat niets in.")
    if inhoud.startswith(b"PK\x03\x04"):
        return lees_excel(inhoud, naam, kolommen, blad)
    if inhoud.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvoerFout(
            f"'{naam}' is een oud Excel-bestand (.xls). Open het in Excel en bewaar het als .xlsx of als CSV."
        )
    if blad is not None:
        raise InvoerFout(f"'{naam}' is een CSV-bestand: blad= geldt enkel voor een Excel-bestand (.xlsx).")
    return lees_csv(inhoud, naam, kolommen)

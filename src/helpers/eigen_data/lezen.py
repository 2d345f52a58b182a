"""Een kassa-export inlezen tot een ruwe tabel: codering, scheidingsteken en kopregel herkennen.

CSV: UTF-8 (met of zonder BOM), UTF-16 (Excel "Unicode-tekst") of anders Windows-1252;
scheidingsteken ``;``, ``,``, tab of ``|`` (het teken waarmee de meeste kolomnamen herkend worden).
Excel (``.xlsx``, herkend aan de inhoud, niet aan de naam): het gekozen werkblad, of anders het
eerste met een herkende kopregel. In beide mogen titelrijen boven de kopregel staan: de kopregel is
de eerste rij met de meeste herkende kolomnamen.

>>> ruw = lees_ruw(b"Export kassa\\r\\nBonnr;Datum;Totaal\\r\\n1;03/01/2025;12,50\\r\\n")
>>> ruw.kopregel, ruw.koppen, ruw.scheidingsteken, ruw.rijnummers.tolist()
(2, ['Bonnr', 'Datum', 'Totaal'], ';', [3])
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import openpyxl
import pandas as pd

from helpers.controle import InvoerFout
from helpers.eigen_data.kolommen import VERPLICHT, koppel, uitleg_ontbrekend

SCHEIDINGSTEKENS = (";", ",", "\t", "|")
ZOEK_KOPREGEL = 30
"""In hoeveel rijen bovenaan de kopregel gezocht wordt."""

Bron = str | Path | bytes | memoryview | BinaryIO


@dataclass
class Ruw:
    """Een ingelezen bestand vóór de controles: enkel tekst (CSV) of Excel-waarden."""

    tabel: pd.DataFrame
    """de gegevensrijen onder de kopregel, kolommen op positie (0, 1, ...)"""
    koppen: list[str]
    rijnummers: np.ndarray
    """rijnummer in het bestand (zoals Excel het toont) van elke gegevensrij"""
    kopregel: int
    naam: str
    bestandstype: str
    codering: str | None = None
    scheidingsteken: str | None = None
    formule_zonder_waarde: pd.DataFrame | None = None
    """(Excel) per cel: een formule zonder opgeslagen resultaat"""


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


def lees_ruw(bron: Bron, kolommen: Mapping[str, str | None] | None = None, blad: str | None = None) -> Ruw:
    """Lees een CSV- of Excel-export tot een `Ruw` (tekst, nog niet gecontroleerd)."""
    inhoud, naam = lees_bytes(bron)
    if not inhoud.strip(b"\xef\xbb\xbf \t\r\n"):
        raise InvoerFout(f"Het bestand '{naam}' is leeg: er staat niets in.")
    if inhoud.startswith(b"PK\x03\x04"):
        return _lees_excel(inhoud, naam, kolommen, blad)
    if inhoud.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvoerFout(
            f"'{naam}' is een oud Excel-bestand (.xls). Open het in Excel en bewaar het als .xlsx of als CSV."
        )
    return _lees_csv(inhoud, naam, kolommen)


def _decodeer(inhoud: bytes) -> tuple[str, str]:
    """De tekst en de gebruikte codering: UTF-16 (met BOM, "Unicode-tekst" uit Excel), UTF-8 (met of
    zonder BOM) of anders Windows-1252."""
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        return inhoud.decode("utf-16"), "utf-16"
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        return inhoud.decode("cp1252", errors="replace"), "windows-1252"
    return tekst, "utf-8 met BOM" if inhoud.startswith(b"\xef\xbb\xbf") else "utf-8"


def _kopregel(
    rijen: list[list[object]], kolommen: Mapping[str, str | None] | None
) -> tuple[int, tuple[bool, int]]:
    """(index van de kopregel, score) in de eerste rijen. De score is (alle verplichte kolommen
    herkend, aantal herkende kolommen): een rij met datum én bedrag gaat voor."""
    scores = []
    for rij in rijen[:ZOEK_KOPREGEL]:
        doelen = koppel(rij, kolommen).doelen
        scores.append((all(d in doelen for d in VERPLICHT), len(doelen)))
    if not scores:
        return 0, (False, 0)
    beste = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return beste, scores[beste]


def _geen_kopregel(rijen: list[list[object]], naam: str) -> InvoerFout:
    eerste = next((r for r in rijen if any(str(c or "").strip() for c in r)), [])
    uitleg = uitleg_ontbrekend(VERPLICHT, [str(c) for c in eerste])
    return InvoerFout(f"Geen kopregel herkend in '{naam}'. {uitleg}")


def _lees_csv(inhoud: bytes, naam: str, kolommen: Mapping[str, str | None] | None) -> Ruw:
    tekst, codering = _decodeer(inhoud)
    proef = tekst[:200_000].splitlines()[: ZOEK_KOPREGEL + 5]
    kandidaten = []
    for volgorde, teken in enumerate(SCHEIDINGSTEKENS):
        rijen = list(csv.reader(proef, delimiter=teken))
        index, score = _kopregel(rijen, kolommen)
        breedte = len(rijen[index]) if rijen else 0
        kandidaten.append((score, breedte, -volgorde, teken, index))
    score, _, _, teken, index = max(kandidaten)
    if score[1] == 0:
        raise _geen_kopregel(list(csv.reader(proef, delimiter=";")), naam)

    breedte = _max_velden(tekst.encode("utf-8") if codering == "utf-16" else inhoud, teken)
    tabel = pd.read_csv(
        io.StringIO(tekst), sep=teken, header=None, names=range(breedte), dtype=str, na_filter=False,
        skip_blank_lines=False, engine="c",
    )  # fmt: skip
    return _na_kopregel(tabel, index, naam, "csv", codering=codering, scheidingsteken=teken)


def _max_velden(inhoud: bytes, teken: str) -> int:
    """Het grootste aantal velden op een regel (gevectoriseerd; aanhalingstekens tellen niet mee,
    dus eerder te veel dan te weinig: lege extra kolommen zijn onschadelijk)."""
    tekens = np.frombuffer(inhoud, dtype=np.uint8)
    scheidingen = np.flatnonzero(tekens == ord(teken))
    regelgrenzen = np.concatenate([[0], np.flatnonzero(tekens == ord("\n")), [len(tekens)]])
    per_regel = np.diff(np.searchsorted(scheidingen, regelgrenzen))
    return int(per_regel.max()) + 1


def _na_kopregel(tabel: pd.DataFrame, index: int, naam: str, bestandstype: str, **extra) -> Ruw:
    koppen = ["" if k is None or (isinstance(k, float) and np.isnan(k)) else str(k).strip()
              for k in tabel.iloc[index]]  # fmt: skip
    gegevens = tabel.iloc[index + 1 :]
    gevuld = gegevens.apply(lambda kolom: kolom.astype("string").str.strip().fillna("") != "").any(axis=1)
    laatste = int(np.flatnonzero(gevuld.to_numpy())[-1]) + 1 if gevuld.any() else 0
    gegevens = gegevens.iloc[:laatste].reset_index(drop=True)
    formules = extra.pop("formule_zonder_waarde", None)
    if formules is not None:
        formules = formules.iloc[index + 1 : index + 1 + laatste].reset_index(drop=True)
    return Ruw(
        tabel=gegevens,
        koppen=koppen,
        rijnummers=np.arange(index + 2, index + 2 + laatste),
        kopregel=index + 1,
        naam=naam,
        bestandstype=bestandstype,
        formule_zonder_waarde=formules,
        **extra,
    )


def _lees_excel(inhoud: bytes, naam: str, kolommen: Mapping[str, str | None] | None, blad: str | None) -> Ruw:
    """Het gekozen werkblad, of anders dat met de beste kopregel (datum en bedrag eerst; bij gelijkstand
    het eerste)."""
    bladen = _excel_bladen(inhoud, naam, formules=False, rijen=ZOEK_KOPREGEL)
    if blad is not None and blad not in bladen:
        namen = ", ".join(f"'{b}'" for b in bladen)
        raise InvoerFout(f"Het werkblad '{blad}' staat niet in '{naam}'. Werkbladen: {namen}.")
    kandidaten = [blad] if blad is not None else list(bladen)
    keuzes = [(_kopregel(bladen[k], kolommen), -volgorde, k) for volgorde, k in enumerate(kandidaten)]
    (index, score), _, kandidaat = max(keuzes, key=lambda keuze: (keuze[0][1], keuze[1]))
    if score[1] == 0:
        raise _geen_kopregel(bladen[kandidaten[0]], naam)
    tabel = pd.DataFrame(_excel_bladen(inhoud, naam, formules=False, blad=kandidaat)[kandidaat], dtype=object)
    formules = None
    if _heeft_formules(inhoud):
        ruwe = pd.DataFrame(
            _excel_bladen(inhoud, naam, formules=True, blad=kandidaat)[kandidaat], dtype=object
        )
        ruwe = ruwe.reindex(index=tabel.index, columns=tabel.columns)
        is_formule = ruwe.map(lambda w: isinstance(w, str) and w.startswith("="))
        formules = is_formule & tabel.isna()
    return _na_kopregel(tabel, index, naam, "xlsx", formule_zonder_waarde=formules)


def _excel_bladen(
    inhoud: bytes, naam: str, formules: bool, rijen: int | None = None, blad: str | None = None
) -> dict[str, list[list[object]]]:
    """De werkbladen (of enkel ``blad``) als rijen van waarden (met ``formules=True`` de formules zelf),
    met ``rijen`` enkel de eerste rijen."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bv. "Workbook contains no default style" van andere programma's
        try:
            boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=not formules)
        except (zipfile.BadZipFile, KeyError, OSError) as fout:
            raise InvoerFout(f"'{naam}' lijkt een Excel-bestand maar is beschadigd: {fout}") from fout
        bladen = {
            werkblad.title: _even_lang(werkblad.iter_rows(min_row=1, max_row=rijen, values_only=True))
            for werkblad in boek.worksheets
            if blad is None or werkblad.title == blad
        }
        boek.close()
    return bladen


def _even_lang(rijen) -> list[list[object]]:
    """Rijen van een werkblad, aangevuld met lege cellen tot ze even lang zijn."""
    lijst = [list(rij) for rij in rijen]
    breedte = max((len(rij) for rij in lijst), default=0)
    return [rij + [None] * (breedte - len(rij)) for rij in lijst]


def _heeft_formules(inhoud: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        return any(
            b"<f>" in archief.read(lid) or b"<f " in archief.read(lid)
            for lid in archief.namelist()
            if lid.startswith("xl/worksheets/") and lid.endswith(".xml")
        )

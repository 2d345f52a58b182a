"""Een Excel-werkmap (``.xlsx``) lezen: welk werkblad (of welke werkbladen) de tickets bevat.

Een werkblad is een ticketblad als het (in de eerste `ZOEK_KOPREGEL` rijen) een kopregel met een
datum en een bedrag heeft. Werkbladen met dezelfde kolommen (bv. één blad per maand) worden samen
gelezen, in de volgorde van de werkmap; hun rijen houden het nummer dat Excel toont, met de naam
van het werkblad erbij. Een blad dat op een samenvatting wijst (naam als 'Overzicht', 'Totaal',
'Draaitabel') wordt nooit voor het ticketblad genomen zolang er een ander is, en een blad met een
ticketnummer gaat voor. Welk blad gelezen werd en waarom een ander niet, staat in de meldingen.
Met ``blad="Naam"`` (of een lijst namen) kies je zelf.

>>> import openpyxl, io
>>> boek = openpyxl.Workbook()
>>> boek.active.title = "Overzicht"
>>> boek.active.append(["datum", "totaal"])
>>> for maand in ("jan", "feb"):
...     blad = boek.create_sheet(maand)
...     blad.append(["ticket", "datum", "bedrag"])
...     blad.append([f"{maand}1", f"03/01/2025", 5])
>>> uit = io.BytesIO()
>>> boek.save(uit)
>>> ruw = lees_excel(uit.getvalue(), "boek.xlsx", None, None)
>>> ruw.bladen, ruw.blad.tolist(), ruw.rijnummers.tolist()
(['jan', 'feb'], ['jan', 'feb'], [2, 2])
>>> ruw.meldingen[1]
"Werkblad 'Overzicht' niet gelezen: de naam wijst op een samenvatting of totalen, niet op tickets."
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Mapping, Sequence

import numpy as np
import openpyxl
import pandas as pd

from helpers.controle import InvoerFout
from helpers.eigen_data.kolommen import koppel, normaliseer_naam
from helpers.eigen_data.ruw import ZOEK_KOPREGEL, Ruw, geen_kopregel, koppen_als_tekst, zoek_kopregel

SAMENVATTING = re.compile(
    r"(?i)overzicht|samenvatting|totaal|totalen|total|summary|pivot|draaitabel|rapport|report|dashboard|"
    r"grafiek|chart|analyse"
)
"""Namen van werkbladen die op een samenvatting wijzen."""


def _namen(bladen: Sequence[str]) -> str:
    return ", ".join(f"'{b}'" for b in bladen)


def lees_excel(
    inhoud: bytes, naam: str, kolommen: Mapping[str, str | None] | None, blad: str | Sequence[str] | None
) -> Ruw:
    """Lees de ticketbladen van een werkmap tot één `Ruw` (zie de uitleg bovenaan de module)."""
    bladen = _excel_bladen(inhoud, naam, formules=False, rijen=ZOEK_KOPREGEL)
    gevraagd = None if blad is None else [blad] if isinstance(blad, str) else list(blad)
    for gevraagd_blad in gevraagd or []:
        if gevraagd_blad not in bladen:
            raise InvoerFout(
                f"Het werkblad '{gevraagd_blad}' staat niet in '{naam}'. Werkbladen: {_namen(bladen)}."
            )
    kop = {b: zoek_kopregel(bladen[b], kolommen) for b in (gevraagd or bladen)}
    if gevraagd:
        gekozen, meldingen = gevraagd, []
        vorm = {_handtekening(_kopregel(bladen, kop, b)) for b in gekozen}
        if len(vorm) > 1:
            raise InvoerFout(
                f"De werkbladen {_namen(gekozen)} van '{naam}' hebben niet dezelfde kolommen: "
                "lees ze apart in."
            )
    else:
        gekozen, meldingen = _kies(bladen, kop, kolommen)
    if kop[gekozen[0]][1][1] == 0:
        raise geen_kopregel(bladen[gekozen[0]], naam)
    woord = "Werkblad" if len(gekozen) == 1 else "Werkbladen"
    samen = "" if len(gekozen) == 1 else " en samengevoegd (dezelfde kolommen)"
    meldingen.insert(0, f"{woord} {_namen(gekozen)} gelezen{samen}.")

    volledig = _excel_bladen(inhoud, naam, formules=False, bladen=set(gekozen))
    ruwe = (
        _excel_bladen(inhoud, naam, formules=True, bladen=set(gekozen)) if _heeft_formules(inhoud) else None
    )
    delen = [_deel(volledig[b], None if ruwe is None else ruwe[b], kop[b][0]) for b in gekozen]
    breedte = max(len(d[0].columns) for d in delen)
    koppen = koppen_als_tekst(_kopregel(bladen, kop, gekozen[0]))
    koppen += [""] * (breedte - len(koppen))
    tabel = pd.concat([d[0].reindex(columns=range(breedte)) for d in delen], ignore_index=True)
    formules = None
    if ruwe is not None:
        formules = pd.concat(
            [d[1].reindex(columns=range(breedte), fill_value=False) for d in delen], ignore_index=True
        )
    rijnummers = np.concatenate([d[2] for d in delen]).astype(np.int64)
    bladnaam = None
    if len(gekozen) > 1:
        bladnaam = pd.Series(np.repeat(gekozen, [len(d[0]) for d in delen]), dtype="string")
    return Ruw(
        tabel=tabel,
        koppen=koppen,
        rijnummers=rijnummers,
        kopregel=kop[gekozen[0]][0] + 1,
        naam=naam,
        bestandstype="xlsx",
        formule_zonder_waarde=formules,
        blad=bladnaam,
        bladen=list(gekozen),
        meldingen=meldingen,
    )


def _kopregel(bladen: dict[str, list[list[object]]], kop: dict, blad: str) -> list[object]:
    """De kopregel van een werkblad (leeg voor een leeg werkblad)."""
    rijen = bladen[blad]
    return rijen[kop[blad][0]] if rijen else []


def _handtekening(kopregel: Sequence[object]) -> tuple[str, ...]:
    """De kolomnamen zoals ze herkend worden, zonder lege kolommen achteraan."""
    namen = [normaliseer_naam(k) for k in koppen_als_tekst(kopregel)]
    while namen and not namen[-1]:
        namen.pop()
    return tuple(namen)


def _kies(
    bladen: dict[str, list[list[object]]], kop: dict[str, tuple[int, tuple[bool, int]]], kolommen
) -> tuple[list[str], list[str]]:
    """De ticketbladen (dezelfde kolommen) en per ander blad waarom het niet gelezen is."""
    volgorde = list(bladen)
    groepen: dict[tuple[str, ...], list[str]] = {}
    for b in volgorde:
        groepen.setdefault(_handtekening(_kopregel(bladen, kop, b)), []).append(b)

    def rang(leden: list[str]) -> tuple:
        eerste = leden[0]
        score = kop[eerste][1]
        doelen = koppel(_kopregel(bladen, kop, eerste), kolommen).doelen
        gewoon = [b for b in leden if not SAMENVATTING.search(b)]
        return (score[0], bool(gewoon), "ticket_id" in doelen, score, len(gewoon), -volgorde.index(eerste))

    beste = max(groepen.values(), key=rang)
    gekozen = [b for b in beste if not SAMENVATTING.search(b)] or beste[:1]
    meldingen = []
    for b in volgorde:
        if b in gekozen:
            continue
        if not kop[b][1][0]:
            waarom = "geen kopregel met een datum en een bedrag"
        elif SAMENVATTING.search(b):
            waarom = "de naam wijst op een samenvatting of totalen, niet op tickets"
        else:
            waarom = f"andere kolommen dan {_namen(gekozen[:1])}; wil je dit blad, geef dan blad='{b}' mee"
        meldingen.append(f"Werkblad '{b}' niet gelezen: {waarom}.")
    return gekozen, meldingen


def _deel(
    waarden: list[list[object]], formules: list[list[object]] | None, index: int
) -> tuple[pd.DataFrame, pd.DataFrame | None, np.ndarray]:
    """De gegevensrijen van één werkblad onder de kopregel (lege rijen onderaan weg), de formules zonder
    opgeslagen waarde en de rijnummers zoals Excel ze toont."""
    tabel = pd.DataFrame(waarden, dtype=object)
    gegevens = tabel.iloc[index + 1 :]
    gevuld = gegevens.apply(lambda kolom: kolom.astype("string").str.strip().fillna("") != "").any(axis=1)
    laatste = int(np.flatnonzero(gevuld.to_numpy())[-1]) + 1 if gevuld.any() else 0
    gegevens = gegevens.iloc[:laatste].reset_index(drop=True)
    zonder_waarde = None
    if formules is not None:
        ruwe = pd.DataFrame(formules, dtype=object).reindex(index=tabel.index, columns=tabel.columns)
        is_formule = ruwe.map(lambda w: isinstance(w, str) and w.startswith("="))
        zonder_waarde = (
            (is_formule & tabel.isna()).iloc[index + 1 : index + 1 + laatste].reset_index(drop=True)
        )
    return gegevens, zonder_waarde, np.arange(index + 2, index + 2 + laatste)


def _excel_bladen(
    inhoud: bytes, naam: str, formules: bool, rijen: int | None = None, bladen: set[str] | None = None
) -> dict[str, list[list[object]]]:
    """De werkbladen (of enkel ``bladen``) als rijen van waarden (met ``formules=True`` de formules zelf),
    met ``rijen`` enkel de eerste rijen."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bv. "Workbook contains no default style" van andere programma's
        try:
            boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=not formules)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as fout:
            raise InvoerFout(f"'{naam}' lijkt een Excel-bestand maar is beschadigd: {fout}") from fout
        gelezen = {
            werkblad.title: _even_lang(werkblad.iter_rows(min_row=1, max_row=rijen, values_only=True))
            for werkblad in boek.worksheets
            if bladen is None or werkblad.title in bladen
        }
        boek.close()
    return gelezen


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

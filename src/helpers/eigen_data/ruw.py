"""Een ingelezen export vóór de controles (`Ruw`) en het zoeken van de kopregel, voor CSV en Excel.

De kopregel is de rij (in de eerste `ZOEK_KOPREGEL` rijen) met de meeste herkende kolomnamen, waarbij
een rij met datum én bedrag voorgaat; titelrijen erboven tellen niet als gegevens.

>>> zoek_kopregel([["Export kassa"], ["Bonnr", "Datum", "Totaal"], ["1", "03/01/2025", "5"]], None)
(1, (True, 3))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout
from helpers.eigen_data.kolommen import VERPLICHT, koppel, uitleg_ontbrekend

ZOEK_KOPREGEL = 30
"""In hoeveel rijen bovenaan de kopregel gezocht wordt."""


@dataclass
class Ruw:
    """De gegevensrijen van een bestand, nog als tekst (CSV) of Excel-waarden, met wat het lezen opmerkte."""

    tabel: pd.DataFrame
    """de gegevensrijen onder de kopregel, kolommen op positie (0, 1, ...); een ontbrekend veld is leeg"""
    koppen: list[str]
    rijnummers: np.ndarray
    """rijnummer in het bestand van elke gegevensrij (titel- en kopregels meegeteld; in een CSV de regel
    waarop de rij begint, zoals een teksteditor hem toont)"""
    kopregel: int
    naam: str
    bestandstype: str
    codering: str | None = None
    scheidingsteken: str | None = None
    velden: np.ndarray | None = None
    """(CSV) het aantal velden op elke rij; None als dat overal gelijk is aan de kopregel"""
    extra_gevuld: np.ndarray | None = None
    """(CSV) of een rij voorbij de laatste kolom van de kopregel nog iets bevat"""
    weigering: pd.Series | None = None
    """per rij een reden om ze te weigeren die al bij het lezen bleek (bv. een los aanhalingsteken)"""
    weigering_kolom: pd.Series | None = None
    herstel: pd.Series | None = None
    """per rij wat het lezen al anders deed dan gewoon (bv. een regel in een andere codering)"""
    formule_zonder_waarde: pd.DataFrame | None = None
    """(Excel) per cel: een formule zonder opgeslagen resultaat"""
    onleesbaar: bool = True
    """of er een onleesbaar teken (\\ufffd) in kan staan (een CSV zonder wordt niet per kolom nagekeken)"""
    blad: pd.Series | None = None
    """(Excel, meer werkbladen) het werkblad van elke rij"""
    bladen: list[str] = field(default_factory=list)
    """(Excel) de gelezen werkbladen"""
    meldingen: list[str] = field(default_factory=list)
    """wat de lezer de gebruiker wil zeggen (bv. welke werkbladen niet gelezen zijn en waarom)"""


def zoek_kopregel(
    rijen: Sequence[Sequence[object]], kolommen: Mapping[str, str | None] | None
) -> tuple[int, tuple[bool, int]]:
    """(index van de kopregel, score) in de eerste rijen. De score is (alle verplichte kolommen
    herkend, aantal herkende kolommen): een rij met datum én bedrag gaat voor; bij gelijkstand de eerste."""
    scores = []
    for rij in rijen[:ZOEK_KOPREGEL]:
        doelen = koppel(rij, kolommen).doelen
        scores.append((all(d in doelen for d in VERPLICHT), len(doelen)))
    if not scores:
        return 0, (False, 0)
    beste = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return beste, scores[beste]


def geen_kopregel(rijen: Sequence[Sequence[object]], naam: str) -> InvoerFout:
    """De fout voor een bestand zonder herkende kopregel: welke kolommen nodig zijn en wat er staat."""
    eerste = next((r for r in rijen if any(str(c or "").strip() for c in r)), [])
    uitleg = uitleg_ontbrekend(VERPLICHT, [str(c) for c in eerste])
    return InvoerFout(f"Geen kopregel herkend in '{naam}'. {uitleg}")


def koppen_als_tekst(rij: Sequence[object]) -> list[str]:
    """De kolomnamen van een kopregel als tekst zonder spaties rond (een lege cel wordt '')."""
    return ["" if k is None or (isinstance(k, float) and np.isnan(k)) else str(k).strip() for k in rij]


def kolomnaam(koppen: Sequence[str], positie: int) -> str:
    """De naam van een kolom voor een melding; een kolom zonder naam heet naar haar plaats ('kolom 3').

    >>> kolomnaam(["ticket", ""], 0), kolomnaam(["ticket", ""], 1)
    ('ticket', 'kolom 2')
    """
    naam = koppen[positie] if positie < len(koppen) else ""
    return naam or f"kolom {positie + 1}"

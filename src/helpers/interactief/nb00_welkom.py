"""Notebook 00: de jaarcijfers van de voorbeeldwinkels verkennen (`winkelverkenner`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import ipywidgets as widgets
from IPython.display import HTML

from helpers.controle import InvoerFout
from helpers.interactief.basis import Verkenner, kaartjes, winkelkeuze
from helpers.kpi import kengetallen_per_periode
from helpers.opmaak import euro, getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel


def jaarcijfers(winkel: Winkel, jaar: int) -> dict[str, str]:
    """De kerncijfers van één kalenderjaar van een winkel, opgemaakt voor kaartjes.

    Komt uit `helpers.kpi.kengetallen_per_periode`: actieve en nieuwe klanten, netto-omzet,
    aankooptickets, gemiddeld ticket en het aandeel van de omzet zonder klantenkaart.

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"klant_id": ["K1", None], "bedrag": [30.0, 10.0],
    ...                   "datum": pd.to_datetime(["2025-02-01", "2025-03-01"])})
    >>> jaarcijfers(SimpleNamespace(tickets=t), 2025)["Netto-omzet"]
    '€ 40'
    """
    per_jaar = kengetallen_per_periode(winkel.tickets, per="jaar")
    jaren = [int(j) for j in per_jaar.index.year]
    if jaar not in jaren:
        raise InvoerFout(f"Geen tickets in {jaar}. Kies een jaar van {min(jaren)} tot {max(jaren)}.")
    rij = per_jaar.iloc[jaren.index(jaar)]
    return {
        "Actieve klanten": getal(rij["actieve_klanten"]),
        "Waarvan nieuw": getal(rij["nieuwe_klanten"]),
        "Netto-omzet": euro(rij["omzet"], 0),
        "Aankooptickets": getal(rij["aankooptickets"]),
        "Gemiddeld ticket": euro(rij["gemiddeld_ticket"]),
        "Omzet zonder klantenkaart": procent(rij["aandeel_anoniem"]),
    }


def winkelverkenner(winkels: Mapping[str, Winkel]) -> Verkenner:
    """Kies een winkel (keuzelijst) en een jaar (schuifregelaar); de kaartjes tonen de jaarcijfers.

    >>> from helpers.data import laad_winkel
    >>> v = winkelverkenner({"sportzaak": laad_winkel("sportzaak")})
    >>> v.bedieningen["jaar"].value = 2024
    >>> "2024" in v.inhoud.data
    True
    """
    keuze_winkel = winkelkeuze(winkels, met_gemeente=True)
    jaren = sorted({int(j) for w in winkels.values() for j in w.tickets["datum"].dt.year.unique()})

    def toon(winkel: str, jaar: int) -> HTML:
        w = winkels[winkel]
        eerste, laatste = w.tickets["datum"].min(), w.tickets["datum"].max()
        titel = f"{w.naam} in {w.gemeente}, {jaar}"
        onderschrift = (
            f"{getal(len(w.klanten))} personen in het klantenbestand · "
            f"tickets van {eerste:%d-%m-%Y} tot {laatste:%d-%m-%Y}"
        )
        try:
            cijfers = jaarcijfers(w, jaar)
        except InvoerFout as fout:
            cijfers = {"Let op": str(fout)}
        return kaartjes(cijfers, titel, onderschrift)

    return Verkenner(
        toon,
        {
            "winkel": keuze_winkel,
            "jaar": widgets.IntSlider(
                value=jaren[-1], min=jaren[0], max=jaren[-1], description="Jaar", continuous_update=False
            ),
        },
        titel="Verken de winkels",
    )

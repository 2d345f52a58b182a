"""Notebook 04: de positioneringskaart met zelfgekozen assen (`kaartverkenner`) en de persona-kaart
per segment (`personaverkenner`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from IPython.display import HTML
from matplotlib.figure import Figure

from helpers.grafieken import positioneringskaart
from helpers.interactief.basis import Verkenner, kaartjes, volgkeuze, winkelkeuze

if TYPE_CHECKING:
    from helpers.data import Winkel


def kaartverkenner(winkels: Mapping[str, Winkel]) -> Verkenner:
    """Kies een winkel en twee items uit de enquête als assen; de positioneringskaart tekent zich opnieuw.

    Elke winkel (de eigen winkel en de concurrenten met genoeg beoordelingen) staat op zijn gemiddelde
    score op de twee items (`helpers.positie.perceptuele_kaart` met ``assen``).

    >>> from helpers.data import laad_winkel
    >>> v = kaartverkenner({"sportzaak": laad_winkel("sportzaak")})
    >>> v.bedieningen["y"].value = "advies"
    >>> v.inhoud.axes[0].get_ylabel()
    'advies (1 = slecht, 5 = uitstekend)'
    """
    from helpers.enquete import ITEMS
    from helpers.positie import perceptuele_kaart

    keuze_winkel = winkelkeuze(winkels)

    def toon(winkel: str, x: str, y: str) -> Figure | HTML:
        if x == y:
            return kaartjes({"Let op": "kies twee verschillende items"})
        w = winkels[winkel]
        kaart = perceptuele_kaart(w.enquete, assen=(x, y)).set_index("naam")
        return positioneringskaart(
            kaart,
            "x",
            "y",
            titel=f"{w.naam}: hoe zien klanten de winkels?",
            x_label=f"{x} (1 = slecht, 5 = uitstekend)",
            y_label=f"{y} (1 = slecht, 5 = uitstekend)",
        )

    return Verkenner(
        toon,
        {
            "winkel": keuze_winkel,
            "x": widgets.Dropdown(options=list(ITEMS), value="prijs", description="Liggend"),
            "y": widgets.Dropdown(options=list(ITEMS), value="service", description="Staand"),
        },
        titel="Jouw eigen positioneringskaart: kies de assen",
    )


def personaverkenner(winkels: Mapping[str, Winkel], k: int = 4) -> Verkenner:
    """Kies een winkel en een segment; de persona-kaart van dat segment verschijnt.

    De segmenten en persona's komen uit `helpers.persona.segmenteer` (``k`` segmenten per winkel,
    pas berekend als je de winkel kiest). Kies je een andere winkel, dan past de lijst met segmenten
    zich aan.

    >>> from helpers.data import laad_winkel
    >>> v = personaverkenner({"schoenenzaak": laad_winkel("schoenenzaak")}, k=3)
    >>> v.bedieningen["segment"].value = 2
    >>> v.inhoud.segment
    '2'
    """
    from helpers.persona import segmenteer  # laadt scikit-learn: pas als het nodig is

    keuze_winkel = winkelkeuze(winkels)
    berekend: dict[str, Any] = {}

    def segmentering(sleutel: str) -> Any:
        if sleutel not in berekend:
            w = winkels[sleutel]
            berekend[sleutel] = segmenteer(
                w.tickets, w.ticketlijnen, w.producten, w.klanten, w.peildatum, k=k
            )
        return berekend[sleutel]

    def segmenten(sleutel: str) -> list[tuple[str, object]]:
        namen = segmentering(sleutel).namen
        return [(f"{s}: {naam}", s) for s, naam in namen.items()]

    return Verkenner(
        lambda winkel, segment: segmentering(winkel).personas[segment],
        {"winkel": keuze_winkel, "segment": volgkeuze(keuze_winkel, segmenten, "Segment")},
        titel="Wie is je klant? Kies een winkel en een segment",
    )

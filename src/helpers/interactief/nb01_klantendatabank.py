"""Notebook 01: wie mag en kan je via welk kanaal aanschrijven (`bereikbaarheidsverkenner`)?"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

import ipywidgets as widgets
from IPython.display import HTML

from helpers.interactief.basis import Verkenner, kaartjes, winkelkeuze
from helpers.opmaak import getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel


def bereikbaarheid(winkel: Winkel, kanaal: str, laat_rusten_na: int) -> HTML:
    """Hoeveel personen uit het klantenbestand mag en kan je via ``kanaal`` aanschrijven, en waarom
    vallen de anderen weg? Kaartjes plus een tabel met de redenen (`helpers.acties.doellijst`).

    >>> from helpers.data import laad_winkel
    >>> "Op de lijst" in bereikbaarheid(laad_winkel("kledingzaak"), "e-mail", 3).data
    True
    """
    from helpers.acties import doellijst  # laadt scipy: pas als het nodig is, niet bij elke kernelstart

    uit = doellijst(
        winkel.klanten,
        kanaal=kanaal,
        actiecontacten=winkel.actiecontacten,
        acties=winkel.acties,
        laat_rusten_na=laat_rusten_na or None,
    )
    totaal = len(uit.lijst) + len(uit.weggelaten)
    redenen = uit.weggelaten["reden"].value_counts()
    rijen = "".join(
        f"<tr><td>{html.escape(str(reden))}</td><td style='text-align:right'>{getal(aantal)}</td></tr>"
        for reden, aantal in redenen.items()
    )
    tabel = f"<table><tr><th>Waarom niet op de lijst?</th><th>personen</th></tr>{rijen}</table>"
    cijfers = {
        "In het klantenbestand": getal(totaal),
        "Op de lijst": getal(len(uit.lijst)),
        "Aandeel bereikbaar": procent(len(uit.lijst) / totaal if totaal else 0.0),
    }
    titel = f"{winkel.naam}: wie mag je via {kanaal} aanschrijven?"
    return HTML(kaartjes(cijfers, titel=titel).data + tabel)


def bereikbaarheidsverkenner(winkels: Mapping[str, Winkel]) -> Verkenner:
    """Kies een winkel, een kanaal en na hoeveel genegeerde acties je iemand laat rusten; zie wie je
    kunt aanschrijven en waarom de anderen wegvallen.

    >>> from helpers.data import laad_winkel
    >>> v = bereikbaarheidsverkenner({"sportzaak": laad_winkel("sportzaak")})
    >>> v.bedieningen["kanaal"].value = "sms"
    >>> "via sms" in v.inhoud.data
    True
    """
    return Verkenner(
        lambda winkel, kanaal, laat_rusten_na: bereikbaarheid(winkels[winkel], kanaal, laat_rusten_na),
        {
            "winkel": winkelkeuze(winkels),
            "kanaal": widgets.Dropdown(options=["e-mail", "sms", "post"], description="Kanaal"),
            "laat_rusten_na": widgets.IntSlider(
                value=3,
                min=0,
                max=6,
                description="Rust na",
                continuous_update=False,
                tooltip="Laat rusten wie de laatste N acties negeerde (0 = nooit)",
            ),
        },
        titel="Wie kun je bereiken?",
    )

"""Notebook 07: wat is een klant waard, en wat mag een nieuwe klant dan kosten (`klantwaardeverkenner`)?"""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import HTML

from helpers.controle import InvoerFout
from helpers.interactief.basis import Verkenner, kaartjes
from helpers.opmaak import euro, procent
from helpers.trouw import Retentie, clv


def klantwaarde_cijfers(
    omzet_per_koopjaar: float,
    marge: float,
    blijfkans: float,
    disconteringsvoet: float,
    koopkans: float,
    herhaalkans: float,
) -> dict[str, float]:
    """De cijfers achter de verkenner, in euro.

    - ``marge_per_koopjaar``: omzet (zonder btw) in een jaar waarin de klant koopt × brutomarge;
    - ``klantwaarde``: `helpers.trouw.clv` met de blijfkans en de koopkans (de jaren na dit jaar);
    - ``nieuwe_klant``: wat een nieuwe klant op de dag van zijn eerste aankoop waard is: de marge van
      zijn eerste jaar plus zijn klantwaarde. Meer mag hem winnen niet kosten, anders verlies je geld;
    - ``met_herhaalkans``: de klantwaarde als je de herhaalkans als retentie zou nemen (te laag).

    >>> c = klantwaarde_cijfers(200.0, 0.5, 0.9, 0.1, 0.6, 0.54)
    >>> c["marge_per_koopjaar"], round(c["klantwaarde"], 2), round(c["nieuwe_klant"], 2)
    (100.0, 270.0, 370.0)
    """
    marge_per_jaar = omzet_per_koopjaar * marge
    waarde = clv(marge_per_jaar, blijfkans, disconteringsvoet, koopkans)
    return {
        "marge_per_koopjaar": marge_per_jaar,
        "klantwaarde": waarde,
        "nieuwe_klant": marge_per_jaar + waarde,
        "met_herhaalkans": clv(marge_per_jaar, herhaalkans, disconteringsvoet),
    }


def klantwaardeverkenner(
    omzet_per_koopjaar: float, retentie: Retentie, marge: float = 0.5, disconteringsvoet: float = 0.1
) -> Verkenner:
    """Schuifregelaars voor de blijfkans, de brutomarge en de disconteringsvoet; de kaartjes tonen de
    klantwaarde (CLV) en wat een nieuwe klant je hoogstens mag kosten (`klantwaarde_cijfers`).

    ``omzet_per_koopjaar`` is wat een klant gemiddeld besteedt (zonder btw) in een jaar waarin hij
    koopt; ``retentie`` komt uit `helpers.trouw.retentie_per_jaar` (de blijfkans is de startwaarde van
    de schuif; de koopkans en de herhaalkans blijven die van de winkel).

    >>> from helpers.trouw import Retentie
    >>> v = klantwaardeverkenner(200.0, Retentie(herhaalkans=0.54, blijfkans=0.9, koopkans=0.6))
    >>> "€ 270" in v.inhoud.data
    True
    >>> v.bedieningen["blijfkans"].value = 0.8  # 100 × 0,6 × 0,8 / 0,3 = 160
    >>> "€ 160" in v.inhoud.data
    True
    """
    if not omzet_per_koopjaar > 0:
        raise InvoerFout(f"De omzet per koopjaar moet groter dan 0 zijn, niet {omzet_per_koopjaar}.")
    if not isinstance(retentie, Retentie) or retentie.blijfkans != retentie.blijfkans:
        raise InvoerFout(
            "Geef de retentie van retentie_per_jaar(...) met een blijfkans (drie volledige jaren)."
        )

    def toon(blijfkans: float, marge: float, disconteringsvoet: float) -> HTML:
        c = klantwaarde_cijfers(
            omzet_per_koopjaar, marge, blijfkans, disconteringsvoet, retentie.koopkans, retentie.herhaalkans
        )
        return kaartjes(
            {
                "Marge in een jaar met aankoop": euro(c["marge_per_koopjaar"], 0),
                "Klantwaarde (CLV)": euro(c["klantwaarde"], 0),
                "Een nieuwe klant mag hoogstens kosten": euro(c["nieuwe_klant"], 0),
                "Met de herhaalkans zou je zeggen": euro(c["met_herhaalkans"], 0),
            },
            titel="Wat is een klant waard?",
            onderschrift=(
                f"Blijfkans {procent(blijfkans, 0)}, koopkans {procent(retentie.koopkans, 0)}, "
                f"brutomarge {procent(marge, 0)}, disconteringsvoet {procent(disconteringsvoet, 0)}. "
                "De nieuwe klant: de marge van zijn eerste jaar plus zijn klantwaarde."
            ),
        )

    schuif = {"continuous_update": False, "readout_format": ".0%", "style": {"description_width": "initial"}}
    return Verkenner(
        toon,
        {
            "blijfkans": widgets.FloatSlider(
                value=round(retentie.blijfkans, 2),
                min=0.3,
                max=0.97,
                step=0.01,
                description="Blijfkans",
                **schuif,
            ),
            "marge": widgets.FloatSlider(
                value=marge, min=0.1, max=0.7, step=0.01, description="Brutomarge", **schuif
            ),
            "disconteringsvoet": widgets.FloatSlider(
                value=disconteringsvoet,
                min=0.0,
                max=0.2,
                step=0.01,
                description="Disconteringsvoet",
                **schuif,
            ),
        },
        titel="Klantwaarde: schuif met de blijfkans, de marge en de disconteringsvoet",
    )

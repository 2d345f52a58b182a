"""Notebook 02: wanneer verkoopt een productlijn of categorie, naast de hele winkel
(`seizoensverkenner`)?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from helpers.grafieken import seizoenslijn
from helpers.interactief.basis import Verkenner, volgkeuze, winkelkeuze
from helpers.kpi import seizoenspatroon
from helpers.productseizoen import seizoen_per_groep

if TYPE_CHECKING:
    from helpers.data import Winkel


def seizoensverkenner(winkels: Mapping[str, Winkel]) -> Verkenner:
    """Kies een winkel en een productlijn of categorie: wanneer verkoopt die, naast de hele winkel?

    De lijnen zijn seizoensindexen (1,0 = een gemiddelde maand) uit `helpers.kpi.seizoenspatroon`
    en `helpers.productseizoen.seizoen_per_groep`. Kies je een andere winkel, dan past de lijst
    met producten zich aan.

    >>> from helpers.data import laad_winkel
    >>> v = seizoensverkenner({"sportzaak": laad_winkel("sportzaak")})
    >>> v.bedieningen["producten"].value = ("lijn_en_categorie", "voetbal › scheidsrechterkledij")
    >>> [lijn.get_label() for lijn in v.inhoud.axes[0].get_lines()[:2]]
    ['hele winkel', 'voetbal › scheidsrechterkledij']
    """
    keuze_winkel = winkelkeuze(winkels)
    patronen: dict[str, dict[str, object]] = {}

    def met_categorie(sleutel: str) -> pd.DataFrame:
        """De producten met een kolom 'lijn › categorie' (een categorie kan in meer lijnen zitten)."""
        producten = winkels[sleutel].producten
        lijn, categorie = producten["productlijn"].astype("str"), producten["categorie"].astype("str")
        return producten.assign(lijn_en_categorie=lijn + " › " + categorie)

    def patroon(sleutel: str) -> dict[str, object]:
        if sleutel not in patronen:
            w = winkels[sleutel]
            producten = met_categorie(sleutel)
            patronen[sleutel] = {
                "winkel": seizoenspatroon(w.tickets)["seizoensindex"],
                **{
                    soort: seizoen_per_groep(w.ticketlijnen, w.tickets, producten, groep=soort)
                    for soort in ("productlijn", "lijn_en_categorie")
                },
            }
        return patronen[sleutel]

    def producten(sleutel: str) -> list[tuple[str, tuple[str, str]]]:
        paren = met_categorie(sleutel)[["productlijn", "lijn_en_categorie"]].astype("str").drop_duplicates()
        keuzes = [("de hele winkel", ("winkel", ""))]
        for lijn, groep in paren.sort_values("lijn_en_categorie").groupby("productlijn"):
            keuzes.append((f"{lijn} (hele lijn)", ("productlijn", lijn)))
            if len(groep) > 1:  # een lijn met één categorie is die categorie
                keuzes += [(naam, ("lijn_en_categorie", naam)) for naam in groep["lijn_en_categorie"]]
        return keuzes

    def toon(winkel: str, producten: tuple[str, str]) -> Figure:
        soort, naam = producten
        p = patroon(winkel)
        lijnen = {"hele winkel": p["winkel"]}
        if soort != "winkel" and naam in p[soort].columns:
            lijnen[naam] = p[soort][naam]
        fig = seizoenslijn(
            pd.DataFrame(lijnen),
            titel=f"{winkels[winkel].naam}: wanneer wordt er gekocht?",
            y_label="× een gemiddelde maand",
            opmaak="getal",
        )
        fig.axes[0].axhline(1.0, color="grey", linestyle=":", label="gemiddelde maand")
        return fig

    return Verkenner(
        toon,
        {"winkel": keuze_winkel, "producten": volgkeuze(keuze_winkel, producten, "Producten")},
        titel="Niet iedereen koopt op hetzelfde moment",
    )

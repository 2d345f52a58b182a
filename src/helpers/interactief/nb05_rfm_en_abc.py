"""Notebook 05: de RFM-kaart met je eigen grenzen (`rfm_kaartverkenner`).

Drie niveaus per as, zoals een winkelier ze zegt: recent, een tijd geleden of lang geleden; één keer,
af en toe of vaak. Jij kiest waar de grenzen liggen; de kaart toont per segment de klanten, hun
aandeel in de omzet, de aanbevolen actie en hoeveel je er mag aanschrijven.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from helpers.grafieken.rfm import segmentkaart
from helpers.interactief.basis import Verkenner, kaartjes
from helpers.opmaak import getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel

KLASSEN = 3
"""De kaart van de verkenner heeft drie niveaus per as (negen vakken)."""

GROTE_EENMALIGE_M = 4
"""Wie één keer kocht met een M-score van minstens 4 (op de schaal van 5), staat apart als je dat aanvinkt."""


@dataclass(frozen=True)
class Kaartbeeld:
    """Wat de verkenner toont: de kaart (``figuur``) en per segment de cijfers (``tabel``).

    ``tabel`` heeft per segment met klanten: ``klanten``, ``aandeel_omzet``, ``actie`` en
    ``op_de_lijst`` (hoeveel je er mag aanschrijven: toestemming, niet uitgeschreven, bereikbaar).
    """

    figuur: Figure
    tabel: pd.DataFrame

    def _repr_html_(self) -> str:
        png = base64.b64encode(self.figuur._repr_png_()).decode("ascii")
        rijen = "".join(
            "<tr>"
            f"<td><b>{html.escape(str(segment))}</b></td>"
            f'<td style="text-align:right">{getal(int(rij["klanten"]))}</td>'
            f'<td style="text-align:right">{procent(float(rij["aandeel_omzet"]))}</td>'
            f'<td style="text-align:right">{getal(int(rij["op_de_lijst"]))}</td>'
            f"<td>{html.escape(str(rij['actie']))}</td>"
            "</tr>"
            for segment, rij in self.tabel.iterrows()
        )
        return (
            '<div class="klantlab-rfmkaart">'
            f'<img alt="RFM-kaart" style="max-width:100%" src="data:image/png;base64,{png}">'
            '<table class="klantlab-rfmtabel"><thead><tr><th>segment</th><th>klanten</th>'
            "<th>aandeel omzet</th><th>mag je aanschrijven</th><th>aanbevolen actie</th></tr></thead>"
            f"<tbody>{rijen}</tbody></table></div>"
        )


def _keer(van: int, tot: int) -> str:
    """'3 keer' of '2 tot 4 keer'."""
    return f"{tot} keer" if van == tot else f"{van} tot {tot} keer"


def rfm_kaartbeeld(
    tabel: pd.DataFrame,
    bereikbaar: set[str],
    recency: tuple[int, int],
    frequentie: tuple[int, int],
    grote_eenmalige: bool = False,
    titel: str = "De RFM-kaart met jouw grenzen",
) -> Kaartbeeld | HTML:
    """De kaart met drie niveaus voor de grenzen ``recency`` (dagen) en ``frequentie`` (aankoopdagen).

    - R = 3 (recent) tot en met ``recency[0]`` dagen, R = 2 tot en met ``recency[1]``, daarna R = 1;
    - F = 1 tot en met ``frequentie[0]`` aankoopdagen, F = 2 tot en met ``frequentie[1]``, daarna F = 3;
    - M in drie kwantielklassen; met ``grote_eenmalige`` staan wie op één dag kocht met een hoge M apart
      (`helpers.rfm.rfm_segmenten` met ``grote_eenmalige=4``).

    ``tabel`` komt uit `helpers.rfm.rfm_tabel`; ``bereikbaar`` zijn de klantnummers die je mag
    aanschrijven (uit `helpers.acties.doellijst`). Twee gelijke grenzen geven een korte uitleg.
    """
    from helpers.rfm import rfm_scores, rfm_segmenten, segment_overzicht

    if recency[0] >= recency[1] or frequentie[0] >= frequentie[1]:
        return kaartjes(
            {"Let op": "kies voor elke as twee verschillende grenzen: de tweede groter dan de eerste"}
        )
    scores = rfm_scores(
        tabel, klassen=KLASSEN, grenzen={"recency": list(recency), "frequentie": list(frequentie)}
    )
    segmenten = rfm_segmenten(scores, grote_eenmalige=GROTE_EENMALIGE_M if grote_eenmalige else None)
    overzicht = segment_overzicht(segmenten)
    op_de_lijst = segmenten.index.astype("str").isin(list(bereikbaar))
    aantal_op_lijst = (
        pd.Series(op_de_lijst, index=segmenten.index).groupby(segmenten["segment"], observed=False).sum()
    )
    overzicht = overzicht.assign(op_de_lijst=aantal_op_lijst.reindex(overzicht.index, fill_value=0))
    figuur = segmentkaart(segmenten, klassen=KLASSEN, titel=titel)
    ax = figuur.axes[0]
    ax.set_yticks(
        [1, 2, 3],
        [
            f"na {recency[1]} dagen",
            f"{recency[0] + 1} tot {recency[1]} dagen",
            f"tot {recency[0]} dagen",
        ],
    )
    ax.set_xticks(
        [1, 2, 3],
        [
            _keer(1, frequentie[0]),
            _keer(frequentie[0] + 1, frequentie[1]),
            f"meer dan {frequentie[1]} keer",
        ],
    )
    ax.set_xlabel("F: op hoeveel dagen kochten ze?")
    ax.set_ylabel("R: hoe lang geleden kochten ze?")
    kolommen = ["klanten", "aandeel_omzet", "op_de_lijst", "actie"]
    return Kaartbeeld(figuur, overzicht.loc[overzicht["klanten"] > 0, kolommen])


def rfm_kaartverkenner(winkel: Winkel) -> Verkenner:
    """Schuif met de grenzen van de RFM-kaart en zie per segment klanten, omzet, actie en lijst.

    Twee schuifregelaars met elk twee grenzen (recency in dagen, frequentie in aankoopdagen) en een vinkje
    om de grote eenmalige kopers apart te zetten. Onder de kaart: per segment het aantal klanten, hun
    aandeel in de omzet, hoeveel je er mag aanschrijven (toestemming, niet uitgeschreven, niet genegeerd:
    `helpers.acties.doellijst`) en de aanbevolen actie.

    >>> from helpers.data import laad_winkel
    >>> v = rfm_kaartverkenner(laad_winkel("kledingzaak"))
    >>> v.waarden()["recency"], v.waarden()["frequentie"]
    ((182, 365), (1, 3))
    >>> "Kampioenen" in v.inhoud.tabel.index
    True
    """
    from helpers.acties import doellijst
    from helpers.rfm import rfm_tabel

    tabel = rfm_tabel(winkel.tickets, winkel.peildatum)
    lijst = doellijst(winkel.klanten, actiecontacten=winkel.actiecontacten, acties=winkel.acties).lijst
    bereikbaar = set(lijst["klant_id"].astype("str"))

    def toon(
        recency: tuple[int, int], frequentie: tuple[int, int], grote_eenmalige: bool
    ) -> Kaartbeeld | HTML:
        return rfm_kaartbeeld(
            tabel, bereikbaar, recency, frequentie, grote_eenmalige, titel=f"{winkel.naam}: de RFM-kaart"
        )

    return Verkenner(
        toon,
        {
            "recency": widgets.IntRangeSlider(
                value=(182, 365),
                min=1,
                max=1095,
                description="Recency (dagen)",
                tooltip="tot de eerste grens: recent; na de tweede: lang geleden",
                style={"description_width": "initial"},
                continuous_update=False,
                layout=widgets.Layout(width="400px"),
            ),
            "frequentie": widgets.IntRangeSlider(
                value=(1, 3),
                min=1,
                max=15,
                description="Frequentie (aankoopdagen)",
                tooltip="tot de eerste grens: zelden; na de tweede: vaak",
                style={"description_width": "initial"},
                continuous_update=False,
                layout=widgets.Layout(width="360px"),
            ),
            "grote_eenmalige": widgets.Checkbox(
                value=False, description="grote eenmalige kopers apart", indent=False
            ),
        },
        titel="Jouw RFM-kaart: waar liggen de grenzen?",
    )

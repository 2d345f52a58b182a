"""De positie van je winkel lezen: waar sta je sterk, wie lijkt op jou, hoe ziet elk segment je?

Bouwt verder op `helpers.enquete.positionering` (gemiddelde score per winkel en item) en
`helpers.segmentatie.perceptuele_kaart` (de kaart met twee assen), en brengt segmenten en
persona's samen (notebook 04):

- `voorsprong`: per item de eigen score naast die van de beste concurrent;
- `afstanden`: hoe ver elke concurrent op de kaart van de eigen winkel ligt;
- `positionering_per_segment`: de positioneringstabel, apart voor de respondenten van elk segment;
- `segmenteer`: gedragskenmerken -> clusters -> segmentprofiel -> namen en persona's, in één stap.

>>> import pandas as pd
>>> tabel = pd.DataFrame({"aantal": [9, 5, 4], "prijs": [3.0, 4.0, 2.0], "service": [4.5, 3.0, 4.0]},
...                      index=["eigen winkel", "keten", "boetiek"])
>>> voorsprong(tabel)["voorsprong"].to_dict()
{'service': 0.5, 'prijs': -1.0}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.enquete import EIGEN_WINKEL, ITEMS, positionering, segment_per_respondent
from helpers.persona import Persona, maak_personas
from helpers.segmentatie import clusters, gedragskenmerken, segmentnamen, segmentprofiel, seizoensvoorkeur
from helpers.tijdzone import belgische_tijd


def _eigen_en_concurrenten(tabel: pd.DataFrame, eigen_naam: str) -> tuple[pd.Series, pd.DataFrame]:
    vereis_niet_leeg(tabel, "tabel")
    if eigen_naam not in tabel.index:
        raise InvoerFout(
            f"De tabel heeft geen rij {eigen_naam!r} (de eigen winkel). Maak ze met "
            "helpers.enquete.positionering."
        )
    items = [k for k in tabel.columns if k != "aantal"]
    if not items:
        raise InvoerFout("De tabel heeft geen items (kolommen met scores) naast 'aantal'.")
    andere = tabel.loc[tabel.index != eigen_naam, items].astype("float64")
    if andere.empty:
        raise InvoerFout("De tabel heeft geen enkele concurrent om mee te vergelijken.")
    return tabel.loc[eigen_naam, items].astype("float64"), andere


def voorsprong(tabel: pd.DataFrame, eigen_naam: str = EIGEN_WINKEL) -> pd.DataFrame:
    """Per item: hoe scoort de eigen winkel tegenover de béste concurrent op dat item?

    ``tabel`` komt uit `helpers.enquete.positionering` (een rij per winkel, een kolom per item, plus
    ``aantal``). Kolommen: ``eigen`` (score van de eigen winkel), ``beste_concurrent`` (de concurrent
    met de hoogste score op dat item), ``score_beste`` (zijn score), ``voorsprong`` (eigen − beste:
    positief = je doet het beter dan iedereen, negatief = iemand doet het beter) en
    ``gemiddelde_concurrenten``. Gesorteerd van grootste naar kleinste voorsprong.

    >>> import pandas as pd
    >>> tabel = pd.DataFrame({"aantal": [9, 5, 4], "prijs": [3.0, 4.0, 2.0], "service": [4.5, 3.0, 4.0]},
    ...                      index=["eigen winkel", "keten", "boetiek"])
    >>> voorsprong(tabel)[["beste_concurrent", "score_beste", "gemiddelde_concurrenten"]]
    ... # doctest: +NORMALIZE_WHITESPACE
            beste_concurrent  score_beste  gemiddelde_concurrenten
    item
    service          boetiek          4.0                      3.5
    prijs              keten          4.0                      3.0
    """
    eigen, andere = _eigen_en_concurrenten(tabel, eigen_naam)
    beste = andere.fillna(-np.inf).idxmax()
    score = andere.max()
    uit = pd.DataFrame(
        {
            "eigen": eigen,
            "beste_concurrent": beste.astype("str"),
            "score_beste": score,
            "voorsprong": eigen - score,
            "gemiddelde_concurrenten": andere.mean(),
        }
    )
    uit.index.name = "item"
    return uit.sort_values("voorsprong", ascending=False, kind="stable")


def afstanden(kaart: pd.DataFrame) -> pd.Series:
    """Hoe ver ligt elke concurrent op de kaart van de eigen winkel? Dichtste eerst.

    ``kaart`` komt uit `helpers.segmentatie.perceptuele_kaart` (kolommen ``naam``, ``soort``, ``x``,
    ``y``); de afstand is de gewone (rechte) afstand tussen de punten. Een kleine afstand betekent:
    klanten zien die winkel ongeveer zoals de jouwe, dus daar is de concurrentie het scherpst.

    >>> import pandas as pd
    >>> kaart = pd.DataFrame({"naam": ["eigen winkel", "A", "B", "prijs"],
    ...                       "soort": ["eigen winkel", "concurrent", "concurrent", "item"],
    ...                       "x": [0.0, 3.0, 1.0, 0.5], "y": [0.0, 4.0, 0.0, 0.5]})
    >>> afstanden(kaart).to_dict()
    {'B': 1.0, 'A': 5.0}
    """
    vereis_kolommen(kaart, ["naam", "soort", "x", "y"], "kaart")
    eigen = kaart.loc[kaart["soort"] == "eigen winkel"]
    if len(eigen) != 1:
        raise InvoerFout(f"De kaart moet precies één eigen winkel hebben, ze heeft er {len(eigen)}.")
    andere = kaart.loc[kaart["soort"] == "concurrent"]
    if andere.empty:
        raise InvoerFout("Er staat geen enkele concurrent op de kaart.")
    afstand = np.hypot(andere["x"] - eigen["x"].iloc[0], andere["y"] - eigen["y"].iloc[0])
    uit = pd.Series(afstand.to_numpy(dtype="float64"), index=andere["naam"].astype("str"), name="afstand")
    uit.index.name = "winkel"
    return uit.sort_values(kind="stable")


@belgische_tijd
def positionering_per_segment(
    enquete: pd.DataFrame,
    segmenten: pd.Series,
    items: Sequence[str] = ITEMS,
    klant: str = "klant_id",
    eigen_naam: str = EIGEN_WINKEL,
) -> pd.DataFrame:
    """De positioneringstabel (`helpers.enquete.positionering`) voor de respondenten van elk segment.

    ``segmenten`` is een reeks klantnummer -> segment (bv. uit `helpers.segmentatie.clusters`).
    Geeft een tabel met twee indexniveaus (``segment``, ``winkel``): zo zie je of een segment je
    winkel anders beoordeelt dan een ander. De eigen winkel van één segment haal je met
    ``tabel.xs("eigen winkel", level="winkel")``. Respondenten zonder segment (anoniem, of geen
    klant meer in de segmentering) tellen niet mee; hun aantal staat in ``attrs["zonder_segment"]``.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"klant_id": ["A", "B", "C", None], "prijs": [4, 2, 5, 1],
    ...                   "concurrent": ["X", "X", None, None], "concurrent_prijs": [3, 5, None, None]})
    >>> t = positionering_per_segment(e, pd.Series({"A": 1, "B": 2, "C": 1}), items=["prijs"])
    >>> t["prijs"].to_dict()
    {(1, 'eigen winkel'): 4.5, (1, 'X'): 3.0, (2, 'eigen winkel'): 2.0, (2, 'X'): 5.0}
    >>> t.attrs["zonder_segment"]
    1
    """
    segment = segment_per_respondent(enquete, segmenten, klant)
    met = segment.notna().to_numpy()
    delen = {
        naam: positionering(deel, items=items, eigen_naam=eigen_naam)
        for naam, deel in enquete.loc[met].groupby(segment.loc[met].astype(segmenten.dtype), sort=True)
    }  # een lus over enkele segmenten, niet over klanten
    tabel = pd.concat(delen, names=["segment", "winkel"])
    tabel.attrs["zonder_segment"] = int((~met).sum())
    return tabel


@dataclass(frozen=True)
class Segmentering:
    """Het resultaat van `segmenteer`: segment per klant, profiel, korte namen en een persona per segment."""

    labels: pd.Series
    profiel: pd.DataFrame
    namen: dict[object, str]
    personas: dict[object, Persona]


@belgische_tijd
def segmenteer(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    klanten: pd.DataFrame,
    peildatum: pd.Timestamp,
    k: int = 4,
    kolommen: Sequence[str] | None = None,
    seed: int = 42,
) -> Segmentering:
    """Van kassadata naar persona's in één stap, met de functies van `helpers.segmentatie`.

    `gedragskenmerken` per klant -> `clusters` (k-means op ``kolommen``, standaard alle kenmerken zoals
    in notebook 03; ``k`` segmenten) ->
    `segmentprofiel` (met de klantgegevens) -> `segmentnamen` en `helpers.persona.maak_personas`
    (met de piekmaanden uit `seizoensvoorkeur`). Dezelfde invoer en ``seed`` geven dezelfde uitkomst.

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("schoenenzaak")
    >>> s = segmenteer(w.tickets, w.ticketlijnen, w.producten, w.klanten, w.peildatum, k=3)
    >>> sorted(s.personas) == sorted(s.profiel.index) == [1, 2, 3]
    True
    """
    kenmerken = gedragskenmerken(tickets, ticketlijnen, producten, peildatum)
    labels = clusters(kenmerken, k, seed=seed, kolommen=kolommen)
    profiel = segmentprofiel(kenmerken, labels, klanten, peildatum)
    seizoen = seizoensvoorkeur(tickets, labels)
    return Segmentering(labels, profiel, segmentnamen(profiel), maak_personas(profiel, seed, seizoen))

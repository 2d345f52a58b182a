"""Positioneren (notebook 04): hoe zien klanten je winkel naast de concurrenten?

Alles over positionering staat hier, van de enquête tot de kaart:

- `positionering`: de gemiddelde score per winkel (de eigen winkel en elke concurrent) per item;
- `perceptuele_kaart`: twee items als assen, of alle items samengevat in twee richtingen
  (hoofdcomponentenanalyse, `hoofdcomponenten`);
- `voorsprong`: per item de eigen score naast die van de beste concurrent;
- `afstanden`: hoe ver elke concurrent op de kaart van de eigen winkel ligt;
- `positionering_per_segment`: de positioneringstabel, apart voor de respondenten van elk segment.

Een let op bij het lezen: het item ``prijs`` is de vraag hoe tevreden de klant is over de prijs, dus
*waar voor je geld* (1 = slecht, 5 = uitstekend). Een lage score zegt dat de klant de prijs niet vindt
kloppen met wat hij krijgt, niet dat de winkel duurder is: een dure winkel met veel advies kan er hoog
op scoren, een goedkope met slechte kwaliteit laag.

De kaart tekenen doet `helpers.grafieken.positioneringskaart`; de verkenners van notebook 04 staan in
`helpers.interactief.nb04_positioneren_en_persona`, de segmenten met hun persona in
`helpers.persona.segmenteer`.

>>> import pandas as pd
>>> tabel = pd.DataFrame({"aantal": [9, 5, 4], "prijs": [3.0, 4.0, 2.0], "service": [4.5, 3.0, 4.0]},
...                      index=["eigen winkel", "keten", "boetiek"])
>>> voorsprong(tabel)["voorsprong"].to_dict()
{'service': 0.5, 'prijs': -1.0}
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.enquete import EIGEN_WINKEL, ITEMS, _vereis_scorekolommen, segment_per_respondent
from helpers.tijdzone import belgische_tijd


@belgische_tijd
def positionering(
    enquete: pd.DataFrame,
    items: Sequence[str] = ITEMS,
    eigen_naam: str = EIGEN_WINKEL,
    concurrent: str = "concurrent",
    voorvoegsel: str = "concurrent_",
) -> pd.DataFrame:
    """Gemiddelde score per winkel (de eigen winkel en elke concurrent) per item: de basis van een
    positioneringskaart (perceptual map).

    De eigen winkel krijgt het gemiddelde van alle antwoorden op ``items``; elke concurrent het
    gemiddelde van ``concurrent_<item>`` bij de klanten die hem als concurrent noemden. Lege
    antwoorden tellen niet mee. Kolom ``aantal``: hoeveel klanten die winkel beoordeelden.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"prijs": [4, 2, None], "service": [5, 3, None],
    ...                   "concurrent": ["Zalando", "Zalando", None],
    ...                   "concurrent_prijs": [5, 4, None], "concurrent_service": [2, 2, None]})
    >>> positionering(e, items=["prijs", "service"])  # doctest: +NORMALIZE_WHITESPACE
                  aantal  prijs  service
    winkel
    eigen winkel       2    3.0      4.0
    Zalando            2    4.5      2.0
    """
    items = list(items)
    if not items:
        raise InvoerFout("Geef minstens één item om de winkels op te vergelijken.")
    andere = [voorvoegsel + item for item in items]
    vereis_kolommen(enquete, [concurrent], "enquete")
    _vereis_scorekolommen(enquete, [*items, *andere])
    eigen = enquete[items].astype("float64")
    eigen_rij = eigen.mean().to_frame(eigen_naam).T.assign(aantal=int(eigen.notna().any(axis=1).sum()))
    rivalen = enquete[andere].astype("float64").set_axis(items, axis=1)
    beoordeeld = rivalen.notna().any(axis=1) & enquete[concurrent].notna()
    rivalen = rivalen[beoordeeld].assign(winkel=enquete.loc[beoordeeld, concurrent].astype("str"))
    per_rivaal = rivalen.groupby("winkel").agg(
        aantal=(items[0], "size"), **{item: (item, "mean") for item in items}
    )
    tabel = pd.concat([eigen_rij, per_rivaal.sort_values("aantal", ascending=False, kind="stable")])
    tabel.index.name = "winkel"
    return tabel[["aantal", *items]].astype({"aantal": "int64"})


def hoofdcomponenten(matrix: np.ndarray, aantal: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """PCA via SVD van de gecentreerde matrix: (coördinaten, ladingen, aandeel verklaarde variantie).

    Tekenafspraak: per component is de lading met de grootste absolute waarde positief (bij een
    gelijkstand de eerste), zodat de kaart niet willekeurig spiegelt.

    >>> import numpy as np
    >>> coord, lading, deel = hoofdcomponenten(np.array([[1.0, 0.0], [3.0, 0.0], [2.0, 1.0]]))
    >>> coord[:, 0].round(3).tolist(), lading[:, 0].round(3).tolist(), deel.round(3).tolist()
    ([-1.0, 1.0, 0.0], [1.0, 0.0], [0.75, 0.25])
    """
    gecentreerd = matrix - matrix.mean(axis=0)
    u, s, vt = np.linalg.svd(gecentreerd, full_matrices=False)
    sterkste = np.argmax(np.abs(vt[:aantal]), axis=1)
    teken = np.sign(vt[np.arange(aantal), sterkste])
    teken[teken == 0] = 1.0
    coordinaten = u[:, :aantal] * s[:aantal] * teken
    ladingen = vt[:aantal].T * teken
    variantie = s**2
    deel = variantie[:aantal] / variantie.sum() if variantie.sum() > 0 else np.zeros(aantal)
    return coordinaten, ladingen, deel


@belgische_tijd
def perceptuele_kaart(
    enquete: pd.DataFrame,
    items: Sequence[str] = ITEMS,
    assen: tuple[str, str] | None = None,
    minimum_antwoorden: int = 10,
    eigen_naam: str = EIGEN_WINKEL,
) -> pd.DataFrame:
    """Coördinaten van de eigen winkel en de concurrenten op een kaart met twee assen.

    Zonder ``assen``: hoofdcomponentenanalyse (PCA) op de matrix winkel × item met gemiddelde scores;
    ``x`` en ``y`` zijn de eerste twee componenten, en per item is er een rij met zijn lading (de
    pijl van een biplot: in welke richting dat item beter scoort). Met ``assen=("prijs", "kwaliteit")``:
    ``x`` en ``y`` zijn gewoon de gemiddelde scores op die twee items (geen pijlen).

    Concurrenten met minder dan ``minimum_antwoorden`` beoordelingen vallen weg (te weinig om op
    te bouwen). Kolommen: ``naam``, ``soort`` ('eigen winkel', 'concurrent' of 'item'), ``x``, ``y``,
    ``aantal`` (beoordelingen). In ``.attrs["verklaarde_variantie"]`` staat het aandeel van de
    variantie dat elke as verklaart (bij PCA), in ``.attrs["assen"]`` de namen van de assen.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"prijs": [4, 2, 3], "kwaliteit": [5, 3, 4], "concurrent": ["A", "B", "C"],
    ...                   "concurrent_prijs": [5, 2, 1], "concurrent_kwaliteit": [2, 4, 5]})
    >>> kaart = perceptuele_kaart(e, items=("prijs", "kwaliteit"), minimum_antwoorden=1)
    >>> kaart["soort"].tolist()
    ['eigen winkel', 'concurrent', 'concurrent', 'concurrent', 'item', 'item']
    """
    items = list(items)
    if minimum_antwoorden < 1:
        raise InvoerFout(f"minimum_antwoorden moet minstens 1 zijn; kreeg {minimum_antwoorden}.")
    gemiddeld = positionering(enquete, items=items, eigen_naam=eigen_naam)
    houden = (gemiddeld.index == eigen_naam) | (gemiddeld["aantal"] >= minimum_antwoorden)
    gemiddeld = gemiddeld.loc[houden].dropna(subset=items)
    soort = np.where(gemiddeld.index == eigen_naam, "eigen winkel", "concurrent")
    winkels = pd.DataFrame(
        {"naam": gemiddeld.index.astype(str), "soort": soort, "aantal": gemiddeld["aantal"].to_numpy()}
    )
    if assen is not None:
        onbekend = [a for a in assen if a not in items]
        if len(assen) != 2 or onbekend:
            raise InvoerFout(f"Kies twee assen uit de items {', '.join(map(repr, items))}; kreeg {assen!r}.")
        kaart = winkels.assign(x=gemiddeld[assen[0]].to_numpy(), y=gemiddeld[assen[1]].to_numpy())
        kaart = kaart.reset_index(drop=True)[["naam", "soort", "x", "y", "aantal"]]
        kaart.attrs.update(assen=tuple(assen), verklaarde_variantie=None)
        return kaart
    if len(gemiddeld) < 3 or len(items) < 2:
        raise InvoerFout(
            f"Voor een kaart met twee assen (PCA) zijn minstens 3 winkels en 2 items nodig; er zijn "
            f"{len(gemiddeld)} winkel(s) met minstens {minimum_antwoorden} beoordelingen en {len(items)} "
            f"item(s). Verlaag minimum_antwoorden of kies twee assen, bv. assen=('prijs', 'kwaliteit')."
        )
    coordinaten, ladingen, deel = hoofdcomponenten(gemiddeld[items].to_numpy(dtype="float64"))
    winkels = winkels.assign(x=coordinaten[:, 0], y=coordinaten[:, 1])
    pijlen = pd.DataFrame(
        {"naam": items, "soort": "item", "x": ladingen[:, 0], "y": ladingen[:, 1], "aantal": 0}
    )
    kaart = pd.concat([winkels, pijlen], ignore_index=True)[["naam", "soort", "x", "y", "aantal"]]
    kaart.attrs.update(assen=("as 1", "as 2"), verklaarde_variantie=tuple(float(d) for d in deel))
    return kaart


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

    ``tabel`` komt uit `positionering` (een rij per winkel, een kolom per item, plus
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

    ``kaart`` komt uit `perceptuele_kaart` (kolommen ``naam``, ``soort``, ``x``,
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
    """De positioneringstabel (`positionering`) voor de respondenten van elk segment.

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

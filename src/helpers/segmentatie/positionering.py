"""Positionering: een perceptuele kaart van de eigen winkel en de concurrenten uit de enquête.

De gemiddelde scores per winkel komen uit `helpers.enquete.positionering`; hier worden ze tot
twee dimensies teruggebracht (hoofdcomponentenanalyse) of op twee gekozen items gezet.

>>> import pandas as pd
>>> e = pd.DataFrame({"prijs": [4, 2], "kwaliteit": [5, 3], "concurrent": ["A", "B"],
...                   "concurrent_prijs": [5, 2], "concurrent_kwaliteit": [2, 4]})
>>> kaart = perceptuele_kaart(e, ("prijs", "kwaliteit"), assen=("prijs", "kwaliteit"), minimum_antwoorden=1)
>>> kaart[["naam", "x", "y"]].values.tolist()
[['eigen winkel', 3.0, 4.0], ['A', 5.0, 2.0], ['B', 2.0, 4.0]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout
from helpers.enquete import EIGEN_WINKEL, ITEMS, positionering
from helpers.tijdzone import belgische_tijd


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

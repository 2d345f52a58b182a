"""Eerlijke betrouwbaarheidsintervallen voor aandelen, ook bij kleine groepen.

Een aandeel uit een kleine groep (2 van de 10 klanten kochten) is onzeker. De bekende formule
p ± 1,96·√(p(1 − p)/n) (het *Wald*-interval) onderschat die onzekerheid bij kleine groepen en zegt bij
0 van de 2 zelfs "precies 0, zonder twijfel". Daarom gebruikt KlantLab:

- voor één aandeel het **Wilson-interval** (score-interval; Wilson, 1927; methode 3 in Newcombe,
  *Statistics in Medicine* 17, 1998, blz. 857-872): het blijft binnen 0 en 1 en is nooit nul breed;
- voor het verschil van twee aandelen (de *uplift* van een actie tegen de controlegroep) het
  **hybride score-interval van Newcombe** (methode 10 in Newcombe, *Statistics in Medicine* 17, 1998,
  blz. 873-890). Met de Wilson-grenzen (l₁, u₁) en (l₂, u₂) van beide aandelen en δ = p₁ − p₂:

  ondergrens = δ − √((p₁ − l₁)² + (u₂ − p₂)²),   bovengrens = δ + √((u₁ − p₁)² + (p₂ − l₂)²).

Alles is gevectoriseerd: geef getallen of numpy-arrays. Een groep van 0 klanten geeft ``nan``.

>>> onder, boven = newcombe_interval(0, 2, 0, 2)
>>> round(float(onder), 3), round(float(boven), 3)
(-0.658, 0.658)
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtri

from helpers.controle import InvoerFout


def z_waarde(betrouwbaarheid: float) -> float:
    """De z-waarde bij een tweezijdige ``betrouwbaarheid`` (1,96 bij 0,95).

    >>> round(z_waarde(0.95), 4)
    1.96
    """
    if not 0 < betrouwbaarheid < 1:
        raise InvoerFout(f"De betrouwbaarheid moet tussen 0 en 1 liggen (bv. 0.95), niet {betrouwbaarheid}.")
    return float(ndtri(0.5 + betrouwbaarheid / 2))  # scipy.special: veel sneller geladen dan scipy.stats


def wilson_interval(
    successen: object, n: object, betrouwbaarheid: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Het Wilson-interval (``ondergrens``, ``bovengrens``) voor het aandeel ``successen / n``.

    Grenzen: (x + z²/2 ± z·√(x(n − x)/n + z²/4)) / (n + z²).

    >>> onder, boven = wilson_interval(0, 10)
    >>> round(float(onder), 4), round(float(boven), 4)
    (0.0, 0.2775)
    """
    z = z_waarde(betrouwbaarheid)
    x, aantal = np.asarray(successen, dtype="float64"), np.asarray(n, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        midden = (x + z**2 / 2) / (aantal + z**2)
        marge = z / (aantal + z**2) * np.sqrt(x * (aantal - x) / aantal + z**2 / 4)
        leeg = aantal <= 0
        onder = np.where(leeg, np.nan, np.clip(midden - marge, 0.0, 1.0))
        boven = np.where(leeg, np.nan, np.clip(midden + marge, 0.0, 1.0))
    return onder, boven


def newcombe_interval(
    x_1: object, n_1: object, x_2: object, n_2: object, betrouwbaarheid: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Het hybride score-interval van Newcombe voor het verschil ``x_1/n_1 − x_2/n_2`` (zie boven).

    >>> onder, boven = newcombe_interval(56, 70, 48, 80)  # Newcombe (1998), tabel II, voorbeeld a
    >>> round(float(onder), 4), round(float(boven), 4)
    (0.0524, 0.3339)
    """
    a1, m1, a2, m2 = (np.asarray(a, dtype="float64") for a in (x_1, n_1, x_2, n_2))
    l1, u1 = wilson_interval(a1, m1, betrouwbaarheid)
    l2, u2 = wilson_interval(a2, m2, betrouwbaarheid)
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = a1 / m1, a2 / m2
    verschil = p1 - p2
    onder = verschil - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    boven = verschil + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return onder, boven

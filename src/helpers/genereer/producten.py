"""De producttabel: per categorie enkele modellen van verzonnen merken, met prijs en inkoopprijs.

De catalogusprijs is inclusief 21% btw; de inkoopprijs geeft een brutomarge van 50-60% op de volle
prijs zonder btw (prijs zonder btw = 2 tot 2,5 x inkoop).

>>> import numpy as np
>>> from helpers.genereer.profielen import PROFIELDATA
>>> p = maak_producten(PROFIELDATA["sportzaak"], np.random.default_rng(0))
>>> marge = 1 - p["aankoopprijs"] / (p["catalogusprijs"] / (1 + BTW))
>>> p["product_id"].iloc[0], bool(marge.between(0.5, 0.6).all())
('P0001', True)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.genereer.profielen import Profiel

BTW = 0.21  # btw op kleding, schoenen en sportartikelen


def _prijspunt(prijs: np.ndarray) -> np.ndarray:
    """Rond af naar een winkelprijs: ,95 onder 100 euro, ,00 of ,95 erboven."""
    return np.where(prijs < 100, np.floor(prijs) + 0.95, np.round(prijs / 5) * 5 - 0.05)


def maak_producten(profiel: Profiel, rng: np.random.Generator) -> pd.DataFrame:
    """Alle producten van het profiel (deterministisch voor een gegeven ``rng``)."""
    rijen = []
    for cat in profiel.categorieen:
        for model in cat.modellen:
            merken = rng.choice(profiel.merken, size=2 if len(cat.modellen) > 2 else 3, replace=False)
            for merk in merken:
                rijen.append((cat, model, str(merk)))
    n = len(rijen)
    laag = np.array([c.prijs_min for c, _, _ in rijen])
    hoog = np.array([c.prijs_max for c, _, _ in rijen])
    prijs = _prijspunt(np.exp(rng.uniform(np.log(laag), np.log(hoog))))
    marge = rng.uniform(0.51, 0.59, n)
    return pd.DataFrame(
        {
            "product_id": [f"P{i + 1:04d}" for i in range(n)],
            "naam": [f"{c.categorie.capitalize()} {model} {merk}" for c, model, merk in rijen],
            "productlijn": [c.productlijn for c, _, _ in rijen],
            "categorie": [c.categorie for c, _, _ in rijen],
            "merk": [merk for _, _, merk in rijen],
            "seizoen": [c.seizoen for c, _, _ in rijen],
            "doelgroep": [c.doelgroep for c, _, _ in rijen],
            "catalogusprijs": np.round(prijs, 2),
            "aankoopprijs": np.round(prijs / (1 + BTW) * (1 - marge), 2),
            "sperperiode": [c.sperperiode for c, _, _ in rijen],
        }
    )

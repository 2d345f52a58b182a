"""Vlaamse gemeenten en hemelsbrede afstanden.

De tabel ``helpers/data/gemeenten.csv`` is met de hand opgesteld en bevat de gemeenten zoals ze
bestaan **sinds 1 januari 2025** (na de fusies van die datum; de datasets lopen tot 31 december
2025). Ze omvat:

- alle 38 gemeenten van de provincie Limburg; gefusioneerd op 1 januari 2025: Hasselt (met
  Kortessem), Tongeren-Borgloon, Bilzen-Hoeselt en Tessenderlo-Ham;
- de gemeenten van de provincies Antwerpen en Vlaams-Brabant binnen ongeveer 50 km van Hasselt,
  plus de grotere steden en randgemeenten rond Antwerpen, Mechelen, Leuven en Brussel
  (Antwerpen sinds 2025 met Borsbeek);
- de grote steden van Oost- en West-Vlaanderen (Gent, Brugge, Aalst, Kortrijk, Oostende, ...;
  Lokeren sinds 2025 met Moerbeke).

Brussel hoort niet bij Vlaanderen en staat er niet in. Per gemeente: de hoofdpostcode (die van de
hoofdgemeente, als tekst van 4 cijfers; bij Oudsbergen en Pelt, met twee gelijkwaardige kernen, die
van Opglabbeek 3660 en Overpelt 3900), de officiële naam, de provincie, het centrum bij
benadering (breedte- en lengtegraad, 4 decimalen, op een paar km na) en het aantal inwoners bij
benadering (afgerond, om klanten realistisch over gemeenten te spreiden).

>>> tabel = gemeenten()
>>> zoek_gemeente("hasselt")["postcode"]
'3500'
>>> round(float(afstand_km(50.9307, 5.3378, 51.2194, 4.4025)), 1)  # Hasselt - Antwerpen
72.8
"""

from __future__ import annotations

import difflib
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout

AARDSTRAAL_KM = 6371.0088
"""Gemiddelde straal van de aarde (IUGG), in km."""

FUSIES: dict[str, str] = {
    "Kortessem": "Hasselt",
    "Tongeren": "Tongeren-Borgloon",
    "Borgloon": "Tongeren-Borgloon",
    "Bilzen": "Bilzen-Hoeselt",
    "Hoeselt": "Bilzen-Hoeselt",
    "Tessenderlo": "Tessenderlo-Ham",
    "Ham": "Tessenderlo-Ham",
    "Borsbeek": "Antwerpen",
    "Moerbeke": "Lokeren",
    "Opglabbeek": "Oudsbergen",
    "Meeuwen-Gruitrode": "Oudsbergen",
    "Neerpelt": "Pelt",
    "Overpelt": "Pelt",
}
"""Vroegere gemeenten en de gemeente waarin ze opgingen (2019 en 2025)."""


@cache
def _lees_gemeenten() -> pd.DataFrame:
    bron = resources.files("helpers") / "data" / "gemeenten.csv"
    with bron.open(encoding="utf-8") as bestand:
        return pd.read_csv(bestand, dtype={"postcode": "str", "gemeente": "str", "provincie": "str"})


def gemeenten() -> pd.DataFrame:
    """De tabel met Vlaamse gemeenten: postcode, gemeente, provincie, breedtegraad, lengtegraad, inwoners.

    Je krijgt telkens een eigen kopie: aanpassen mag, zonder dat de volgende aanroep het merkt.

    >>> tabel = gemeenten()
    >>> list(tabel.columns)
    ['postcode', 'gemeente', 'provincie', 'breedtegraad', 'lengtegraad', 'inwoners']
    >>> int((tabel["provincie"] == "Limburg").sum())
    38
    """
    return _lees_gemeenten().copy()


def afstand_km(lat1: object, lon1: object, lat2: object, lon2: object) -> np.ndarray:
    """Hemelsbrede afstand in km tussen punten (haversine), gevectoriseerd met broadcasting.

    Coördinaten in graden; getallen, lijsten, arrays of Series mogen door elkaar.

    >>> afstand_km([50.9307, 50.9650], [5.3378, 5.5008], 50.9307, 5.3378).round(1).tolist()  # Hasselt, Genk
    [0.0, 12.0]
    """
    phi1, lam1, phi2, lam2 = (np.radians(np.asarray(x, dtype="float64")) for x in (lat1, lon1, lat2, lon2))
    h = np.sin((phi2 - phi1) / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin((lam2 - lam1) / 2) ** 2
    return 2 * AARDSTRAAL_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def zoek_gemeente(naam: str) -> pd.Series:
    """De rij van één gemeente, op naam (hoofdletters en spaties rond de naam maken niet uit).

    Een vroegere gemeente die sinds 2019 of 2025 deel is van een fusiegemeente, geeft die
    fusiegemeente (``"Kortessem"`` geeft Hasselt).

    >>> zoek_gemeente("  TONGEREN-borgloon ")[["postcode", "provincie"]].tolist()
    ['3700', 'Limburg']
    >>> zoek_gemeente("Kortessem")["gemeente"]
    'Hasselt'
    >>> zoek_gemeente("Sint-Truijen")
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: Onbekende gemeente 'Sint-Truijen'. Bedoel je: 'Sint-Truiden'?
    """
    if not isinstance(naam, str):
        raise InvoerFout(f"Geef de naam van een gemeente als tekst, niet als {type(naam).__name__}.")
    tabel = _lees_gemeenten()
    # kleine letters -> (officiële naam, zoals te tonen in een voorstel)
    namen = {g.casefold(): (g, g) for g in tabel["gemeente"]}
    namen |= {oud.casefold(): (nieuw, f"{oud} (nu {nieuw})") for oud, nieuw in FUSIES.items()}
    sleutel = naam.strip().casefold()
    if sleutel in namen:
        return tabel.loc[(tabel["gemeente"] == namen[sleutel][0]).idxmax()].copy()
    gelijkend = difflib.get_close_matches(sleutel, list(namen), n=5, cutoff=0.7)
    if gelijkend:
        lijst = ", ".join(f"'{namen[k][1]}'" for k in gelijkend)
        raise InvoerFout(f"Onbekende gemeente {naam!r}. Bedoel je: {lijst}?")
    raise InvoerFout(
        f"Onbekende gemeente {naam!r}. De tabel kent {len(tabel)} Vlaamse gemeenten (Brussel en "
        f"Wallonië horen er niet bij); bekijk ze met helpers.geografie.gemeenten()."
    )

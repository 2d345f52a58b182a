"""Groepsklanten van de sportzaak (clubs, scholen, gemeenten, bedrijven) en hun offertetraject,
plus de lijst fictieve sportclubs in de buurt van de winkel.

>>> clubs = sportclubs(["Bilzen-Hoeselt", "Genk"])
>>> clubs[:3]
['KFC Bilzen', 'Atletiekclub Hoeselt', 'KFC Genk']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.genereer.tijdlijn import Tijdlijn

_TWEEDE_CLUB = ("Atletiekclub", "Wielerclub", "Volleybalclub", "Joggingclub", "Hockeyclub")
_SCHOLEN = ("Basisschool De Linde", "Sint-Lambertuscollege", "Atheneum", "Basisschool Het Klavertje")
_BEDRIJVEN = (
    "Bouwbedrijf Vanhees",
    "Transport Moors",
    "Drukkerij Smeets",
    "Limburgse Logistiek",
    "Garage Claes",
)
# Samengevoegde gemeenten: clubs en scholen dragen de naam van hun dorp, niet die van de fusiegemeente.
_DORPEN = {
    "Bilzen-Hoeselt": ("Bilzen", "Hoeselt"),
    "Tongeren-Borgloon": ("Tongeren", "Borgloon"),
    "Tessenderlo-Ham": ("Tessenderlo", "Ham"),
    "Houthalen-Helchteren": ("Houthalen", "Helchteren"),
    "Dilsen-Stokkem": ("Dilsen", "Stokkem"),
    "Hamont-Achel": ("Hamont", "Achel"),
    "Hechtel-Eksel": ("Hechtel", "Eksel"),
    "Heusden-Zolder": ("Heusden", "Zolder"),
    "Scherpenheuvel-Zichem": ("Scherpenheuvel", "Zichem"),
    "Knokke-Heist": ("Knokke", "Heist"),
}
_FASEN = np.array(["suspect", "prospect", "offerte", "bestelling", "verloren"])
_SOORTEN = np.array(["club", "school", "gemeente", "bedrijf"])


def sportclubs(gemeenten: list[str]) -> list[str]:
    """Twee fictieve clubs per gemeente: een voetbalclub en een andere sportclub (in een fusiegemeente
    elk in een ander dorp)."""
    clubs = []
    for i, gemeente in enumerate(gemeenten):
        dorpen = _DORPEN.get(gemeente, (gemeente,))
        clubs += [f"KFC {dorpen[0]}", f"{_TWEEDE_CLUB[i % len(_TWEEDE_CLUB)]} {dorpen[-1]}"]
    return clubs


def _dorp(gemeente: np.ndarray, keuze: np.ndarray) -> np.ndarray:
    """Een dorp van elke gemeente (``keuze`` kiest welk, bij fusiegemeenten); anders de gemeente zelf.

    >>> _dorp(np.array(["Genk", "Bilzen-Hoeselt", "Bilzen-Hoeselt"]), np.array([1, 0, 1])).tolist()
    ['Genk', 'Bilzen', 'Hoeselt']
    """
    namen, positie = np.unique(gemeente, return_inverse=True)
    dorpen = [_DORPEN.get(str(naam), (str(naam),)) for naam in namen]
    aantal = np.array([len(d) for d in dorpen])[positie]
    vlak = np.array([d for ds in dorpen for d in ds], dtype=object)
    begin = np.cumsum([0] + [len(d) for d in dorpen])[:-1][positie]
    return vlak[begin + keuze % aantal].astype(str)


def maak_offertes(
    gemeenten: list[str], contactpersonen: np.ndarray, aantal: int, tijd: Tijdlijn, rng: np.random.Generator
) -> pd.DataFrame:
    """Het offertetraject suspect > prospect > offerte > bestelling (of verloren); hulpkolom ``_klant``."""
    soort = rng.choice(4, aantal, p=[0.5, 0.25, 0.1, 0.15])
    gemeente = np.array(gemeenten)[rng.integers(0, len(gemeenten), aantal)]
    dorp = _dorp(gemeente, rng.integers(0, 2, aantal))
    naam = np.where(
        soort == 0,
        np.where(rng.random(aantal) < 0.6, "KFC " + dorp, "Atletiekclub " + dorp),
        np.where(
            soort == 1,
            np.array(_SCHOLEN)[rng.integers(0, len(_SCHOLEN), aantal)] + " " + dorp,
            np.where(
                soort == 2,
                "Gemeente " + gemeente + " (sportdienst)",
                np.array(_BEDRIJVEN)[rng.integers(0, len(_BEDRIJVEN), aantal)],
            ),
        ),
    )
    fase = rng.choice(5, aantal, p=[0.15, 0.2, 0.15, 0.35, 0.15])
    laatste = len(tijd) - 1
    eerste = rng.integers(0, max(laatste - 120, 1), aantal)
    offertedag = np.minimum(eerste + rng.integers(7, 46, aantal), laatste)
    beslissing = np.minimum(offertedag + rng.integers(7, 61, aantal), laatste)
    stuks = np.round(np.array([15, 20, 10, 10])[soort] * rng.lognormal(0.8, 0.5, aantal)).astype(np.int64)
    waarde = np.round(stuks * rng.uniform(22, 55, aantal), -1)
    heeft_offerte = fase >= 2
    beslist = fase >= 3
    contact = rng.random(aantal) < 0.6
    klant = np.where(
        contact & (len(contactpersonen) > 0),
        contactpersonen[rng.integers(0, max(len(contactpersonen), 1), aantal)]
        if len(contactpersonen)
        else -1,
        -1,
    )
    datum = tijd.datums.astype("datetime64[us]")
    tabel = pd.DataFrame(
        {
            "organisatie": naam,
            "type_organisatie": _SOORTEN[soort],
            "gemeente": gemeente,
            "_klant": klant,
            "fase": _FASEN[fase],
            "datum_eerste_contact": datum[eerste],
            "datum_offerte": pd.Series(datum[offertedag]).where(heeft_offerte),
            "datum_beslissing": pd.Series(datum[beslissing]).where(beslist),
            "aantal_stuks": pd.Series(pd.array(stuks, dtype="Int64")).where(fase >= 1),
            "waarde": pd.Series(waarde).where(fase >= 1),
        }
    )
    tabel = tabel.sort_values(["datum_eerste_contact", "organisatie"], kind="stable").reset_index(drop=True)
    tabel.insert(0, "offerte_id", [f"O{i + 1:04d}" for i in range(aantal)])
    return tabel

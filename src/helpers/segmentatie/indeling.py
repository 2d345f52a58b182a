"""Klanten indelen op vaste kenmerken: leeftijd, huishouden, geslacht, woonplaats en waarde.

Elke functie geeft per klant (index ``klant_id``) de groep waartoe die klant behoort. Een indeling
is zelf nog geen profiel: geef ze aan `helpers.segmentatie.segmentprofiel` om de groepen te vergelijken.

>>> import pandas as pd
>>> klanten = pd.DataFrame({"klant_id": ["K1", "K2"], "afstand_km": [3.0, 12.5]})
>>> afstandsband(klanten).tolist()
['< 5 km', '10-20 km']
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_getallen, vereis_kolommen, vereis_niet_leeg, vereis_uniek
from helpers.klantid import met_klant_ids
from helpers.tijdzone import belgische_tijd

LEEFTIJDSGRENZEN: tuple[int, ...] = (25, 35, 45, 55, 65)
AFSTANDSGRENZEN: tuple[float, ...] = (5, 10, 20, 40)
ANDERE_GEMEENTEN = "andere gemeenten"


def _grenzen(grenzen: Sequence[float], wat: str) -> list[float]:
    lijst = [float(g) for g in grenzen]
    if not lijst or any(b <= a for a, b in itertools.pairwise(lijst)) or lijst[0] <= 0:
        raise InvoerFout(
            f"De grenzen voor {wat} moeten positief zijn en strikt stijgen, bv. (5, 10, 20); "
            f"kreeg {tuple(grenzen)}."
        )
    return lijst


def _banden(waarden: pd.Series, grenzen: Sequence[float], eenheid: str, geheel: bool) -> pd.Series:
    """Deel ``waarden`` in banden [a, b): '< a', 'a-b' (bij gehele getallen 'a-(b-1)'), '≥ laatste'."""

    def tekst(g: float) -> str:
        return f"{g:g}".replace(".", ",")

    labels = [f"< {tekst(grenzen[0])} {eenheid}"]
    for a, b in itertools.pairwise(grenzen):
        labels.append(f"{tekst(a)}-{tekst(b - 1 if geheel else b)} {eenheid}")
    labels.append(f"≥ {tekst(grenzen[-1])} {eenheid}")
    banden = pd.cut(waarden, [-np.inf, *grenzen, np.inf], right=False, labels=labels)
    return banden.cat.set_categories(labels, ordered=True)


@belgische_tijd
def leeftijd(
    klanten: pd.DataFrame, peildatum: pd.Timestamp, geboortedatum: str = "geboortedatum"
) -> pd.Series:
    """De leeftijd in volle jaren op de ``peildatum`` (leeg als de geboortedatum ontbreekt).

    >>> import pandas as pd
    >>> k = pd.DataFrame({"geboortedatum": pd.to_datetime(["1990-12-31", "1991-01-01", None])})
    >>> leeftijd(k, pd.Timestamp("2025-12-31")).tolist()
    [35, 34, <NA>]
    """
    vereis_kolommen(klanten, [geboortedatum], "klanten")
    if not pd.api.types.is_datetime64_any_dtype(klanten[geboortedatum]):
        raise InvoerFout(
            f"De kolom '{geboortedatum}' in 'klanten' moet datums bevatten, "
            f"maar heeft type {klanten[geboortedatum].dtype}."
        )
    dag = pd.Timestamp(peildatum)
    geboren = klanten[geboortedatum]
    jaren = dag.year - geboren.dt.year
    maand, dag_van_maand = geboren.dt.month, geboren.dt.day
    nog_niet_jarig = (maand > dag.month) | ((maand == dag.month) & (dag_van_maand > dag.day))
    return (jaren - nog_niet_jarig.astype("int64")).astype("Int64").rename("leeftijd")


@belgische_tijd
def leeftijdsklasse(
    klanten: pd.DataFrame,
    peildatum: pd.Timestamp,
    grenzen: Sequence[int] = LEEFTIJDSGRENZEN,
    geboortedatum: str = "geboortedatum",
) -> pd.Series:
    """De leeftijdsklasse op de ``peildatum``: '< 25 jaar', '25-34 jaar', ..., '≥ 65 jaar'.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"geboortedatum": pd.to_datetime(["2001-01-01", "1960-06-30"])})
    >>> leeftijdsklasse(k, pd.Timestamp("2025-12-31")).tolist()
    ['< 25 jaar', '≥ 65 jaar']
    """
    jaren = leeftijd(klanten, peildatum, geboortedatum).astype("float64")
    klassen = _banden(jaren, _grenzen(grenzen, "de leeftijdsklassen"), "jaar", geheel=True)
    return klassen.rename("leeftijdsklasse")


@belgische_tijd
def afstandsband(
    klanten: pd.DataFrame, grenzen: Sequence[float] = AFSTANDSGRENZEN, afstand: str = "afstand_km"
) -> pd.Series:
    """De afstandsband van de woonplaats tot de winkel: '< 5 km', '5-10 km', ..., '≥ 40 km'.

    Een klant op precies 5 km valt in '5-10 km' (de ondergrens hoort bij de band).

    >>> import pandas as pd
    >>> k = pd.DataFrame({"afstand_km": [0.0, 5.0, 39.9, 40.0]})
    >>> afstandsband(k).tolist()
    ['< 5 km', '5-10 km', '20-40 km', '≥ 40 km']
    """
    vereis_kolommen(klanten, [afstand], "klanten")
    vereis_getallen(klanten, afstand, "klanten")
    if (klanten[afstand] < 0).any():
        raise InvoerFout(f"De kolom '{afstand}' in 'klanten' heeft negatieve afstanden.")
    banden = _banden(klanten[afstand], _grenzen(grenzen, "de afstandsbanden"), "km", geheel=False)
    return banden.rename("afstandsband")


def _per_klant(klanten: pd.DataFrame, klant: str) -> pd.DataFrame:
    vereis_kolommen(klanten, [klant], "klanten")
    vereis_niet_leeg(klanten, "klanten")
    klanten = met_klant_ids(klanten, klant, "klanten")
    vereis_uniek(klanten, klant, "klanten")
    return klanten.set_index(klant)


@belgische_tijd
def demografische_segmenten(
    klanten: pd.DataFrame,
    peildatum: pd.Timestamp,
    grenzen: Sequence[int] = LEEFTIJDSGRENZEN,
    klant: str = "klant_id",
) -> pd.DataFrame:
    """Per klant: leeftijd, leeftijdsklasse, geslacht, huishouden en aantal kinderen.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1"], "geboortedatum": pd.to_datetime(["1980-05-01"]),
    ...                   "geslacht": ["v"], "huishouden": ["gezin"], "aantal_kinderen": [2]})
    >>> rij = demografische_segmenten(k, pd.Timestamp("2025-12-31")).loc["K1"]
    >>> int(rij["leeftijd"]), rij["leeftijdsklasse"], rij["huishouden"]
    (45, '45-54 jaar', 'gezin')
    """
    vereis_kolommen(klanten, [klant, "geboortedatum", "geslacht", "huishouden", "aantal_kinderen"], "klanten")
    tabel = _per_klant(klanten, klant)
    return pd.DataFrame(
        {
            "leeftijd": leeftijd(tabel, peildatum),
            "leeftijdsklasse": leeftijdsklasse(tabel, peildatum, grenzen),
            "geslacht": tabel["geslacht"],
            "huishouden": tabel["huishouden"],
            "aantal_kinderen": tabel["aantal_kinderen"],
        }
    )


@belgische_tijd
def geografische_segmenten(
    klanten: pd.DataFrame,
    grenzen: Sequence[float] = AFSTANDSGRENZEN,
    top_gemeenten: int = 10,
    klant: str = "klant_id",
) -> pd.DataFrame:
    """Per klant: afstand, afstandsband, gemeente (de ``top_gemeenten`` grootste, de rest samen) en provincie.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "afstand_km": [1.0, 2.0, 30.0],
    ...                   "gemeente": ["Lier", "Lier", "Mol"], "provincie": ["Antwerpen"] * 3})
    >>> geografische_segmenten(k, top_gemeenten=1)["gemeente"].tolist()
    ['Lier', 'Lier', 'andere gemeenten']
    """
    vereis_kolommen(klanten, [klant, "afstand_km", "gemeente", "provincie"], "klanten")
    if top_gemeenten < 1:
        raise InvoerFout(f"top_gemeenten moet minstens 1 zijn; kreeg {top_gemeenten}.")
    tabel = _per_klant(klanten, klant)
    gemeente = tabel["gemeente"].astype("string")
    grootste = gemeente.value_counts().index[:top_gemeenten]
    gegroepeerd = gemeente.where(gemeente.isin(grootste) | gemeente.isna(), ANDERE_GEMEENTEN)
    return pd.DataFrame(
        {
            "afstand_km": tabel["afstand_km"],
            "afstandsband": afstandsband(tabel, grenzen),
            "gemeente": gegroepeerd.astype("category"),
            "provincie": tabel["provincie"],
        }
    )

"""Contacten met klanten: advies in de winkel, vragen, retouches en klachten (met oplostijd en uitkomst).

De klachten zelf (dag en uitkomst) zijn al getrokken in `klanten`, omdat ze het afhaken beïnvloeden.

>>> str(_tijdstip(np.array([0]), np.array([600]))[0])
'1970-01-01T10:00'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.genereer.klanten import UITKOMSTEN, Klantbasis
from helpers.genereer.lijnen import Verkoop
from helpers.genereer.profielen import Profiel
from helpers.genereer.tijdlijn import Tijdlijn

_RETOUCHE = {
    "kledingzaak": ({"broek", "kostuum", "jas", "kleed", "kinderbroek"}, ("zoom", "mouwen", "taille")),
    "schoenenzaak": ({"damesboot", "herenboot", "veterschoen", "pump"}, ("oprekken", "hak", "zool")),
    "sportzaak": ({"clubkledij", "scheidsrechterkledij"}, ("bedrukking", "naam en nummer")),
}
_NUL = np.datetime64("1970-01-01")
_ADVIES = ("maat", "pasvorm", "stijl", "materiaal", "gebruik")
_VRAGEN = ("levering", "beschikbaarheid", "openingsuren", "retour", "klantenkaart")
_KLACHTEN = ("kwaliteit", "maat", "levering", "service", "prijs", "retour")
# Advies en passen in de winkel per klanttype: kans op een adviesgesprek bij een aankoop in de winkel,
# gemiddelde minuten, en bezoeken zonder aankoop per jaar per eenheid adviesbehoefte boven het gemiddelde
# (wie geregeld langskomt, past en niets koopt: in modewinkels koopt maar een op de drie à vier
# bezoekers). Gezinnen laten de kinderen passen, koopjesjagers passen stapels, lopers en wandelaars
# krijgen een loop- of voetanalyse; trendvolgers weten wat ze willen en kopen vooral online.
_ADVIESTIJD = {
    "trouwe vaste klant": (0.7, 15.0, 3.0),
    "koopjesjager": (0.55, 16.0, 7.0),
    "gezinsaankoper": (0.7, 18.0, 4.0),
    "jonge trendvolger": (0.25, 7.0, 2.0),
    "occasionele cadeaukoper": (0.5, 10.0, 1.5),
    "clublid": (0.3, 8.0, 3.0),
    "fanatieke loper": (0.6, 16.0, 4.0),
    "actieve wandelaar": (0.7, 18.0, 4.0),
    "recreatieve sporter": (0.5, 12.0, 2.0),
}
MAX_BEHOEFTE = 6.0  # ook wie het meest advies vraagt, vraagt niet eindeloos
MAX_MINUTEN = 120.0  # een bezoek duurt hoogstens zo'n twee uur


def _tijdstip(dag: np.ndarray, minuut: np.ndarray, begin: np.datetime64 = _NUL) -> np.ndarray:
    """Dag (vanaf ``begin``) plus minuten na middernacht als ``datetime64[m]``."""
    return begin.astype("datetime64[m]") + (dag * 1440 + minuut).astype("timedelta64[m]")


def _afgetopt(minuten: np.ndarray) -> np.ndarray:
    """Zachte bovengrens: lange bezoeken naderen ``MAX_MINUTEN`` zonder er zich op op te stapelen.

    >>> _afgetopt(np.array([10.0, 300.0])).round(1).tolist()
    [9.6, 110.1]
    """
    return MAX_MINUTEN * -np.expm1(-minuten / MAX_MINUTEN)


def _open_dag(dicht: np.ndarray, dag: np.ndarray, vroegst: np.ndarray) -> np.ndarray:
    """De laatste dag waarop de winkel open is, op of voor ``dag``; de eerstvolgende open dag als die
    voor ``vroegst`` valt.

    >>> dicht = np.array([False, True, True, False])
    >>> _open_dag(dicht, np.array([2, 2, 3]), np.array([0, 1, 0])).tolist()
    [0, 3, 3]
    """
    index = np.arange(len(dicht))
    vorige = np.maximum.accumulate(np.where(dicht, -1, index))
    volgende = np.minimum.accumulate(np.where(dicht, len(dicht) - 1, index)[::-1])[::-1]
    terug = vorige[dag]
    return np.where(terug >= vroegst, terug, volgende[dag])


def maak_contacten(
    profiel: Profiel,
    basis: Klantbasis,
    verkoop: Verkoop,
    producten: pd.DataFrame,
    tijd: Tijdlijn,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """De contactentabel (zonder contact_id en klant_id; met hulpkolom ``_klant``), in tijdsvolgorde."""
    t = verkoop.tickets
    aankoop = (t["soort"] == "aankoop").to_numpy() & (t["_klant"].to_numpy() >= 0)
    klant = t["_klant"].to_numpy()
    dag = t["_dag"].to_numpy()
    winkel = (t["kanaal"] == "winkel").to_numpy()
    minuut = (t["datum"].dt.hour * 60 + t["datum"].dt.minute).to_numpy()
    begin = tijd.datums[0]
    delen = []

    def rijen(
        wie: np.ndarray,
        tijdstip: np.ndarray,
        soort: str,
        onderwerpen: tuple[str, ...],
        kanaal: object,
        minuten: np.ndarray,
        oplostijd: object = -1,
        uitkomst: object = "",
    ) -> None:
        onderwerp = np.array(onderwerpen)[rng.integers(0, len(onderwerpen), len(wie))]
        delen.append(
            pd.DataFrame(
                {
                    "_klant": wie,
                    "_tijd": tijdstip,
                    "type": soort,
                    "categorie": onderwerp,
                    "kanaal": kanaal,
                    "minuten": np.round(minuten),
                    "oplostijd_dagen": oplostijd,
                    "uitkomst": uitkomst,
                }
            )
        )

    namen = [t.naam for t in profiel.types]
    kans, gemiddeld, zonder_aankoop = np.array([_ADVIESTIJD.get(naam, (0.5, 12.0, 0.8)) for naam in namen]).T
    eigen = np.minimum(basis.adviesbehoefte, MAX_BEHOEFTE)
    minuten = gemiddeld[basis.type] * profiel.adviestijd
    wie = np.maximum(klant, 0)
    advies = np.flatnonzero(
        aankoop
        & winkel
        & (rng.random(len(t)) < np.minimum(kans[basis.type[wie]] * np.sqrt(eigen[wie]), 0.95))
    )
    rijen(
        klant[advies],
        _tijdstip(dag[advies], minuut[advies], begin),
        "advies",
        _ADVIES,
        "winkel",
        _afgetopt(2 + rng.gamma(2.0, 0.5, len(advies)) * (minuten * np.sqrt(eigen))[klant[advies]]),
    )
    # Bezoeken zonder aankoop: wie veel advies vraagt, komt ook passen zonder te kopen.
    jaren = np.where(basis.klant, (basis.einde - basis.begin + 1) / 365.0, 0.0)
    bezoeker = np.repeat(
        np.arange(len(basis.type)),
        rng.poisson(jaren * zonder_aankoop[basis.type] * profiel.adviestijd * np.maximum(eigen - 1, 0)),
    )
    bezoekdag = basis.begin[bezoeker] + (
        rng.random(len(bezoeker)) * (basis.einde[bezoeker] - basis.begin[bezoeker] + 1)
    ).astype(np.int64)
    bezoekdag = _open_dag(tijd.dicht, bezoekdag, basis.begin[bezoeker])
    rijen(
        bezoeker,
        _tijdstip(bezoekdag, rng.integers(570, 1080, len(bezoeker)), begin),
        "advies",
        _ADVIES,
        "winkel",
        _afgetopt(5 + rng.gamma(2.0, 0.5, len(bezoeker)) * (minuten * eigen)[bezoeker]),
    )

    vraag = np.flatnonzero(aankoop & (rng.random(len(t)) < 0.05))
    vraagdag = np.minimum(dag[vraag] + rng.integers(0, 11, len(vraag)), len(tijd) - 1)
    rijen(
        klant[vraag],
        _tijdstip(vraagdag, rng.integers(540, 1080, len(vraag)), begin),
        "vraag",
        _VRAGEN,
        np.where(rng.random(len(vraag)) < 0.5, "telefoon", "e-mail"),
        2 + rng.gamma(1.5, 3.0, len(vraag)),
    )

    categorieen, soorten = _RETOUCHE[profiel.profiel]
    lijnen = verkoop.lijnen
    lt = lijnen["_ticket"].to_numpy()
    kans = np.where(producten["categorie"].isin(list(categorieen)).to_numpy(), profiel.retouche, 0.0)[
        lijnen["_product"].to_numpy()
    ]
    retouche = lt[
        np.flatnonzero(
            aankoop[lt] & (lijnen["aantal"].to_numpy(dtype=np.int64) > 0) & (rng.random(len(lijnen)) < kans)
        )
    ]
    rijen(
        klant[retouche],
        _tijdstip(_open_dag(tijd.dicht, dag[retouche], dag[retouche]), minuut[retouche], begin),
        "retouche",
        soorten,
        "winkel",
        np.minimum(10 + rng.gamma(3.0, 8.0, len(retouche)), MAX_MINUTEN),
    )

    klager = np.flatnonzero(basis.klachtdag >= 0)
    uitkomst = basis.klachtuitkomst[klager]
    klachtkanaal = np.array(["winkel", "telefoon", "e-mail"])[rng.choice(3, len(klager), p=[0.45, 0.25, 0.3])]
    klachtdag = basis.klachtdag[klager]
    klachtdag = np.where(klachtkanaal == "winkel", _open_dag(tijd.dicht, klachtdag, klachtdag), klachtdag)
    rijen(
        klager,
        _tijdstip(klachtdag, rng.integers(540, 1080, len(klager)), begin),
        "klacht",
        _KLACHTEN,
        klachtkanaal,
        np.minimum(10 + rng.gamma(2.0, 10.0, len(klager)), MAX_MINUTEN),
        oplostijd=np.round(rng.gamma(2.0, np.array([2.0, 6.0, 12.0])[uitkomst])).astype(np.int64),
        uitkomst=UITKOMSTEN[uitkomst],
    )
    uit = pd.concat(delen, ignore_index=True)
    uit["datum"] = uit["_tijd"].astype("datetime64[us]")
    uit = uit.sort_values(["datum", "_klant"], kind="stable").reset_index(drop=True)
    uit["oplostijd_dagen"] = uit["oplostijd_dagen"].astype("Int64").where(uit["oplostijd_dagen"] >= 0)
    uit["uitkomst"] = uit["uitkomst"].replace("", None)
    return uit.drop(columns="_tijd")

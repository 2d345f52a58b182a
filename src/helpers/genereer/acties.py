"""Marketingacties: wie een actie krijgt (toestemming, kanaal, doelgroep), wie opent, inwisselt of
zich uitschrijft (met vermoeidheid), en de extra aankopen die de bonnen opleveren.

Een deel van sommige acties gaat naar een willekeurige controlegroep die niets krijgt, zodat het
effect van de actie meetbaar is.

>>> import pandas as pd
>>> from helpers.genereer.tijdlijn import Tijdlijn
>>> t = Tijdlijn.maak(pd.Timestamp("2025-12-31"), 3)
>>> plan = actieplan("kledingzaak", t)
>>> len(plan), sorted(set(plan["soort"]))[:3]
(18, ['geldvoordeel', 'productpromotie', 'verjaardag'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.genereer.aankopen import Momenten, kanaal_en_herkenning
from helpers.genereer.klanten import Klantbasis
from helpers.genereer.profielen import Profiel
from helpers.genereer.tijdlijn import Tijdlijn

_PROMOTIE = {
    "kledingzaak": ("Jeansweek", 4),
    "schoenenzaak": ("Wandelschoenen in de kijker", 4),
    "sportzaak": ("Voetbalschoenen voor het nieuwe seizoen", 8),
}
# soort: (kans op openen, kans op inwisselen na openen)
_RESPONS = {
    "geldvoordeel": (0.45, 0.22),
    "productpromotie": (0.4, 0.12),
    "wedstrijd": (0.5, 0.15),
    "vip-preview": (0.65, 0.4),
    "verjaardag": (0.6, 0.35),
    "winback": (0.3, 0.1),
}
_KOST = {"e-mail": 0.02, "sms": 0.09, "post": 0.95}


def actieplan(profiel: str, tijd: Tijdlijn) -> pd.DataFrame:
    """De acties van elk jaar: naam, soort, kanaal, periode, doelgroep, kosten en korting."""
    promotie, maand = _PROMOTIE[profiel]
    rijen = []
    for jaar in sorted(set(tijd.datums.astype("datetime64[Y]").astype(int) + 1970)):
        rijen += [
            (
                f"Lentebon {jaar}",
                "geldvoordeel",
                "e-mail",
                f"{jaar}-03-10",
                f"{jaar}-03-31",
                "alle klanten en inschrijvers met toestemming",
                350.0,
                0.10,
                0.1,
            ),
            (
                f"{promotie} {jaar}",
                "productpromotie",
                "sms",
                f"{jaar}-{maand:02d}-05",
                f"{jaar}-{maand:02d}-25",
                "klanten met sms als voorkeur",
                250.0,
                0.15,
                0.1,
            ),
            (
                f"Zomerwedstrijd {jaar}",
                "wedstrijd",
                "e-mail",
                f"{jaar}-05-15",
                f"{jaar}-06-15",
                "alle klanten en inschrijvers met toestemming",
                600.0,
                0.0,
                0.0,
            ),
            (
                f"VIP-voorpremière herfstcollectie {jaar}",
                "vip-preview",
                "e-mail",
                f"{jaar}-09-05",
                f"{jaar}-09-15",
                "beste 20% klanten van het voorbije jaar",
                400.0,
                0.15,
                0.0,
            ),
            (
                f"We missen je {jaar}",
                "winback",
                "post",
                f"{jaar}-10-01",
                f"{jaar}-10-31",
                "klanten die 1 tot 2 jaar niet meer kochten",
                300.0,
                0.20,
                0.2,
            ),
            (
                f"Verjaardagsbon {jaar}",
                "verjaardag",
                "e-mail",
                f"{jaar}-01-01",
                f"{jaar}-12-31",
                "kaarthouders die jarig zijn",
                150.0,
                0.10,
                0.0,
            ),
        ]
    plan = pd.DataFrame(
        rijen,
        columns=[
            "naam",
            "soort",
            "kanaal",
            "startdatum",
            "einddatum",
            "doelgroep",
            "vaste_kost",
            "korting_pct",
            "controle",
        ],
    )
    plan["startdatum"] = pd.to_datetime(plan["startdatum"]).astype("datetime64[us]")
    plan["einddatum"] = pd.to_datetime(plan["einddatum"]).astype("datetime64[us]")
    plan = plan.sort_values(["startdatum", "naam"], kind="stable").reset_index(drop=True)
    plan["kost_per_contact"] = plan["kanaal"].map(_KOST).astype(float)
    return plan


def _doelgroep(
    soort: str, basis: Klantbasis, klant: np.ndarray, dag: np.ndarray, start: int, voor_periode: np.ndarray
) -> np.ndarray:
    """Wie komt in aanmerking volgens de soort actie (los van toestemming en kanaal).

    ``klant`` en ``dag`` zijn de herkende aankopen, gesorteerd op dag; ``voor_periode`` is de dag
    van de laatste aankoop voor de periode (negatief; de winkel kent die uit zijn oudere kassadata).
    """
    n = len(basis.type)
    voor = np.searchsorted(dag, start)
    if soort == "vip-preview":
        aantal = np.bincount(klant[np.searchsorted(dag, start - 365) : voor], minlength=n)
        drempel = np.quantile(aantal[aantal > 0], 0.8) if (aantal > 0).any() else 1
        return aantal >= max(drempel, 1)
    if soort == "winback":
        laatste = voor_periode.copy()
        np.maximum.at(laatste, klant[:voor], dag[:voor])
        return (laatste < start - 365) & (laatste >= start - 730)
    if soort == "verjaardag":
        return basis.kaart
    return np.ones(n, dtype=bool)


def speel_acties(
    profiel: Profiel, basis: Klantbasis, momenten: Momenten, tijd: Tijdlijn, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.DataFrame, Momenten]:
    """Voer het actieplan uit: acties, actiecontacten en de extra aankopen door ingewisselde bonnen."""
    plan = actieplan(profiel.profiel, tijd)
    n = len(basis.type)
    herkend = momenten.kies(momenten.herkend)
    op_dag = np.argsort(herkend.dag, kind="stable")
    h_klant, h_dag = herkend.klant[op_dag], herkend.dag[op_dag]
    genegeerd = np.zeros(n, dtype=np.int64)
    uitgeschreven = np.zeros(n, dtype=bool)
    gevoelig = np.array([t.actiegevoelig for t in profiel.types])[basis.type]
    email = basis.tabel["email"].notna().to_numpy()
    # bestaande klanten kochten al voor de periode: ongeveer één koopritme voor de eerste dag
    voor_periode = np.where(
        basis.bestaand, -1 - np.round(rng.exponential(365.0 / np.maximum(basis.ritme, 0.05))), -(10**6)
    ).astype(np.int64)
    contacten, extra = [], []
    eerste = tijd.datums[0]
    for nummer, actie in plan.iterrows():
        start = int((np.datetime64(actie["startdatum"].date()) - eerste).astype(int))
        eind = min(int((np.datetime64(actie["einddatum"].date()) - eerste).astype(int)), len(tijd) - 1)
        kandidaat = (
            basis.toestemming
            & ~uitgeschreven
            & (basis.voorkeur == actie["kanaal"])
            & (basis.inschrijf < start)
            & (basis.toestemming_dag <= start)
            & _doelgroep(actie["soort"], basis, h_klant, h_dag, start, voor_periode)
        )
        if actie["kanaal"] == "e-mail":
            kandidaat &= email
        wie = np.flatnonzero(kandidaat)
        controle = rng.random(len(wie)) < actie["controle"]
        doel = wie[~controle]
        kans_open, kans_inwissel = _RESPONS[actie["soort"]]
        geopend = rng.random(len(doel)) < kans_open * np.exp(-0.12 * genegeerd[doel])
        actief = (basis.begin[doel] <= eind) & (basis.einde[doel] >= start)
        kans = (
            kans_inwissel
            * gevoelig[doel]
            * basis.klant[doel]
            * np.where(actief, 1.0, 0.4 if actie["soort"] == "winback" else 0.15)
        )
        ingewisseld = geopend & (rng.random(len(doel)) < kans)
        uit = ~geopend & (rng.random(len(doel)) < 0.004 + 0.008 * genegeerd[doel])
        genegeerd[doel] = np.where(geopend, np.maximum(genegeerd[doel] - 1, 0), genegeerd[doel] + 1)
        uitgeschreven[doel[uit]] = True
        contacten.append(
            pd.DataFrame(
                {
                    "actie": nummer,
                    "klant": np.concatenate([doel, wie[controle]]),
                    "groep": np.repeat(["doelgroep", "controle"], [len(doel), int(controle.sum())]),
                    "verzonden": np.concatenate(
                        [np.ones(len(doel), bool), np.zeros(int(controle.sum()), bool)]
                    ),
                    "geopend": np.concatenate([geopend, np.zeros(int(controle.sum()), bool)]),
                    "ingewisseld": np.concatenate([ingewisseld, np.zeros(int(controle.sum()), bool)]),
                    "uitgeschreven": np.concatenate([uit, np.zeros(int(controle.sum()), bool)]),
                }
            )
        )
        koper = doel[ingewisseld]
        if actie["soort"] == "verjaardag":
            jaarbegin = start
            dag = np.minimum(jaarbegin + basis.verjaardag[koper] - 1 + rng.integers(0, 15, len(koper)), eind)
        else:
            dag = start + (rng.random(len(koper)) * (eind - start + 1)).astype(np.int64)
        web, _ = kanaal_en_herkenning(basis, koper, dag, tijd, rng)
        extra.append(
            Momenten(
                klant=koper,
                type=basis.type[koper],
                dag=dag,
                web=web,
                herkend=np.ones(len(koper), bool),
                vrouw=basis.vrouw[koper],
                actie=np.full(len(koper), nummer),
            )
        )
    return plan, pd.concat(contacten, ignore_index=True), Momenten.samen(*extra)

"""Aankoopmomenten: wanneer wie koopt, via welk kanaal en of de klant herkend wordt (kaart/account).

Een aankoopmoment wordt later een ticket met lijnen (zie `lijnen`). Klanten kopen volgens een
gamma-Poisson-ritme (scheef verdeeld binnen elk type) tussen hun eerste aankoop en hun afhaken;
passanten zitten niet in het klantenbestand en kopen altijd anoniem.

>>> import numpy as np
>>> a = Momenten(*(np.array([x]) for x in (1, 0, 5, False, True, True, -1)))
>>> b = Momenten.samen(a, a).kies(np.array([True, False]))
>>> len(b), int(b.dag[0])
(1, 5)
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from helpers.genereer.klanten import Klantbasis
from helpers.genereer.profielen import Profiel
from helpers.genereer.tijdlijn import Tijdlijn, trek_index

HERKEND_MET_KAART = 0.9  # kans dat een kaarthouder zijn kaart toont in de winkel
HERKEND_ZONDER_KAART = 0.45  # kans dat een klant zonder kaart zich laat registreren aan de kassa


@dataclass
class Momenten:
    """Aankoopmomenten als parallelle numpy-arrays."""

    klant: np.ndarray  # index in het klantenbestand; -1 = passant
    type: np.ndarray  # klanttype; len(profiel.types) = passant
    dag: np.ndarray
    web: np.ndarray
    herkend: np.ndarray  # klant_id komt op het ticket
    vrouw: np.ndarray
    actie: np.ndarray  # index van de actie waarvan een bon werd ingewisseld; -1 = geen

    def __len__(self) -> int:
        return len(self.dag)

    def kies(self, masker: np.ndarray) -> Momenten:
        """Enkel de momenten waar ``masker`` waar is (of de gegeven indexen)."""
        return Momenten(*(getattr(self, f.name)[masker] for f in fields(self)))

    @staticmethod
    def samen(*delen: Momenten) -> Momenten:
        """Plak momenten achter elkaar."""
        return Momenten(*(np.concatenate([getattr(d, f.name) for d in delen]) for f in fields(Momenten)))


def kanaal_en_herkenning(
    basis: Klantbasis,
    klant: np.ndarray,
    dag: np.ndarray,
    tijd: Tijdlijn,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Webshop (altijd op sluitingsdagen) en of de klant herkend wordt aan de kassa."""
    web = tijd.dicht[dag] | (rng.random(len(dag)) < basis.webshop[klant])
    kans = np.where(basis.kaart[klant], HERKEND_MET_KAART, HERKEND_ZONDER_KAART)
    return web, web | (rng.random(len(dag)) < kans)


def klantmomenten(
    profiel: Profiel, basis: Klantbasis, tijd: Tijdlijn, curves: np.ndarray, rng: np.random.Generator
) -> Momenten:
    """De gewone aankopen van de klanten (zonder acties); de eerste aankoop is altijd herkend."""
    wie = np.flatnonzero(basis.klant)
    jaren = (basis.einde[wie] - basis.begin[wie] + 1) / 365.0
    aantal = 1 + rng.poisson(basis.ritme[wie] * jaren)
    klant = np.repeat(wie, aantal)
    van = basis.begin[klant]
    dag = trek_index(curves, basis.type[klant], van, basis.einde[klant], rng)
    eerste = np.cumsum(aantal) - aantal  # positie van het eerste moment van elke klant
    nieuw = ~basis.bestaand[wie]
    dag[eerste[nieuw]] = basis.begin[wie[nieuw]]
    web, herkend = kanaal_en_herkenning(basis, klant, dag, tijd, rng)
    web[eerste[nieuw]] = basis.webshop_eerst[wie[nieuw]] | tijd.dicht[basis.begin[wie[nieuw]]]
    # De vroegste aankoop van elke klant is herkend: zo staat elke klant minstens één keer op een ticket.
    volgorde = np.lexsort((dag, klant))
    vroegste = volgorde[eerste]
    herkend[vroegste] = True
    herkend |= web
    return Momenten(
        klant=klant,
        type=basis.type[klant],
        dag=dag,
        web=web,
        herkend=herkend,
        vrouw=basis.vrouw[klant],
        actie=np.full(len(klant), -1),
    )


def passantmomenten(
    profiel: Profiel, aantal: int, tijd: Tijdlijn, curves: np.ndarray, rng: np.random.Generator
) -> Momenten:
    """Aankopen van mensen die niet in het klantenbestand zitten (altijd anoniem)."""
    groep = np.full(aantal, len(profiel.types))
    dag = trek_index(curves, groep, None, None, rng)
    web = tijd.dicht[dag] | (rng.random(aantal) < profiel.passant.webshop)
    return Momenten(
        klant=np.full(aantal, -1),
        type=groep,
        dag=dag,
        web=web,
        herkend=np.zeros(aantal, bool),
        vrouw=rng.random(aantal) < profiel.passant.vrouw,
        actie=np.full(aantal, -1),
    )

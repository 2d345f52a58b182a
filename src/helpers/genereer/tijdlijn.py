"""De dagen van de dataset met hun kalendereigenschappen, en trekken van datums volgens een dagcurve.

Dagen zijn gehele getallen: 0 is de eerste dag van de periode. Alles is gevectoriseerd.

>>> import pandas as pd
>>> t = Tijdlijn.maak(pd.Timestamp("2025-12-31"), jaren=1)
>>> str(t.datums[0]), len(t), int(t.soldendag[2])
('2025-01-01', 365, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import kalender
from helpers.genereer.profielen import Profiel

_WEEKDAG = np.array([0.8, 0.85, 1.0, 0.9, 1.1, 1.6, 0.0])  # ma..zo (winkel dicht op zondag)


@dataclass(frozen=True)
class Tijdlijn:
    """De kalender van de dataset: één element per dag."""

    datums: np.ndarray  # datetime64[D]
    maand: np.ndarray  # 1..12
    weekdag: np.ndarray  # 0 = maandag
    dicht: np.ndarray  # winkel dicht (zondag of feestdag)
    soldendag: np.ndarray  # 0 buiten de solden, 1 = eerste soldendag
    sperperiode: np.ndarray

    @classmethod
    def maak(cls, peildatum: pd.Timestamp, jaren: int) -> Tijdlijn:
        """Alle dagen van ``jaren`` volledige kalenderjaren tot en met ``peildatum``."""
        eind = np.datetime64(peildatum.date(), "D")
        begin = np.datetime64(f"{peildatum.year - jaren + 1}-01-01", "D")
        datums = np.arange(begin, eind + 1)
        index = pd.DatetimeIndex(datums)
        weekdag = index.day_of_week.to_numpy()
        return cls(
            datums=datums,
            maand=index.month.to_numpy(),
            weekdag=weekdag,
            dicht=(weekdag == 6) | kalender.is_feestdag(index),
            soldendag=kalender.soldendag(index),
            sperperiode=kalender.is_sperperiode(index),
        )

    def __len__(self) -> int:
        return len(self.datums)

    def curve(self, maandfactor: tuple[float, ...], solden: float, webshop: float) -> np.ndarray:
        """Koopzin per dag: maand x weekdag x soldeneffect; op sluitingsdagen enkel de webshop."""
        gewicht = np.asarray(maandfactor)[self.maand - 1] * _WEEKDAG[self.weekdag]
        gewicht = np.where(self.dicht, np.asarray(maandfactor)[self.maand - 1] * webshop, gewicht)
        verval = np.exp(-(np.maximum(self.soldendag, 1) - 1) / 7.0)
        piek = np.where(self.soldendag > 0, 1 + (solden - 1) * verval, 1.0)
        return gewicht * piek


def dagcurves(profiel: Profiel, tijd: Tijdlijn) -> np.ndarray:
    """Koopzin per dag voor elk klanttype, met de passant als laatste rij.

    Passanten lopen in de maanden met een omzetdoel dubbel zo vaak binnen: `lijnen` dunt die overvloed
    daarna precies uit tot het doel (zie ``Profiel.maanddoel``).
    """
    curves = [tijd.curve(profiel.maandfactor, t.solden, t.webshop) for t in (*profiel.types, profiel.passant)]
    curves[-1] = curves[-1] * np.where(np.isin(tijd.maand, list(profiel.maanddoel)), 2.0, 1.0)
    return np.array(curves)


def trek_index(
    gewichten: np.ndarray,
    groep: np.ndarray,
    van: np.ndarray | None,
    tot: np.ndarray | None,
    rng: np.random.Generator,
) -> np.ndarray:
    """Trek per element een index in ``[van, tot]`` met kans evenredig aan ``gewichten[groep]``.

    ``gewichten`` heeft één rij per groep; zonder ``van``/``tot`` mag elke kolom.

    >>> gewichten = np.array([[0.0, 1.0, 0.0, 1.0]])
    >>> nul = np.zeros(1000, int)
    >>> d = trek_index(gewichten, nul, nul, np.full(1000, 3), np.random.default_rng(0))
    >>> sorted(set(d.tolist()))
    [1, 3]
    """
    breedte = gewichten.shape[1]
    van = np.zeros(len(groep), dtype=np.int64) if van is None else van
    tot = np.full(len(groep), breedte - 1, dtype=np.int64) if tot is None else tot
    cum = np.concatenate([np.zeros((len(gewichten), 1)), np.cumsum(gewichten, axis=1)], axis=1)
    volgorde = np.argsort(groep, kind="stable")
    grenzen = np.searchsorted(groep[volgorde], np.arange(len(gewichten) + 1))
    uit = np.empty(len(groep), dtype=np.int64)
    u = rng.random(len(groep))
    for g in range(len(gewichten)):
        wie = volgorde[grenzen[g] : grenzen[g + 1]]
        if len(wie) == 0:
            continue
        onder = cum[g, van[wie]]
        doel = onder + u[wie] * (cum[g, tot[wie] + 1] - onder)
        uit[wie] = np.clip(np.searchsorted(cum[g], doel, side="right") - 1, van[wie], tot[wie])
    return uit

"""Het verslag van een import: per gegevensrij één uitkomst (behouden, hersteld of geweigerd) en waarom.

Een rij wordt hoogstens één keer geweigerd (de eerste reden telt); herstellingen stapelen zich op
(``; ``). Een weigering zegt altijd waar: ``rij 5, kolom 'bedrag': ...`` (bij meer werkbladen
``blad 'februari', rij 5, kolom 'bedrag': ...``). Alles gevectoriseerd: een melding wordt enkel
samengesteld voor de rijen die ze krijgen.

>>> import pandas as pd
>>> v = Verslag(np.array([2, 3, 4]))
>>> v.weiger(pd.Series([False, True, False]), "bedrag", "bedrag ontbreekt")
>>> v.herstel_als(pd.Series([pd.NA, pd.NA, "'€ 5' → 5.0"], dtype="string"), "bedrag", "bedrag ")
>>> v.rapport(pd.Series(["1", "2", "3"]))["reden"].tolist()
['', "rij 3, kolom 'bedrag': bedrag ontbreekt", "bedrag '€ 5' → 5.0"]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.eigen_data.waarden import Gelezen, bericht

UITKOMSTEN = ("behouden", "hersteld", "geweigerd")


class Verslag:
    """Houdt per rij de eerste weigerreden (met kolom) en alle herstellingen bij (numpy-tekstreeksen,
    None = niets: snel aan te vullen, ook voor een miljoen rijen)."""

    def __init__(self, rijnummers: np.ndarray, blad: pd.Series | None = None) -> None:
        self.rij = pd.Series(rijnummers, dtype="int64")
        self.blad = None if blad is None else blad.reset_index(drop=True).astype("string")
        n = len(self.rij)
        self._weigering, self._kolom, self._herstel, self._opmerking = (
            np.full(n, None, dtype=object) for _ in range(4)
        )

    def open(self) -> pd.Series:
        """De rijen die (nog) niet geweigerd zijn."""
        return pd.Series(pd.isna(self._weigering), index=self.rij.index)

    def plaats(self) -> tuple[str | pd.Series, ...]:
        """De delen van ``rij N`` (of ``blad 'X', rij N``) voor `bericht`."""
        if self.blad is None:
            return ("rij ", self.rij)
        return ("blad '", self.blad, "', rij ", self.rij)

    def verwijzing(self, posities: pd.Series) -> pd.Series:
        """Per rij een verwijzing naar een andere rij (positie; leeg = geen): ``5``, of bij meer werkbladen
        ``5 (blad 'jan')``."""
        geldig = posities.notna().to_numpy()
        plek = posities.fillna(0).astype(np.int64).to_numpy()
        tekst = pd.Series(self.rij.to_numpy()[plek], index=posities.index).astype("string")
        if self.blad is not None:
            tekst = tekst + " (blad '" + pd.Series(self.blad.to_numpy()[plek], index=posities.index) + "')"
        return tekst.where(geldig)

    def weiger(self, masker: pd.Series | np.ndarray, kolom: str | pd.Series, *reden: pd.Series | str) -> None:
        """Weiger de rijen van ``masker`` (die nog niet geweigerd waren) met een reden; ``kolom`` is de
        naam van de kolom in het bestand (of per rij een naam)."""
        nieuw = np.asarray(masker, dtype=bool) & pd.isna(self._weigering)
        if not nieuw.any():
            return
        tekst = bericht(
            pd.Series(nieuw, index=self.rij.index), *self.plaats(), ", kolom '", kolom, "': ", *reden
        )
        self._weigering[nieuw] = tekst[nieuw].to_numpy(dtype=object)
        self._kolom[nieuw] = kolom if isinstance(kolom, str) else kolom[nieuw].to_numpy(dtype=object)

    def herstel_als(self, herstel: pd.Series, kolom: str | pd.Series | None, *woord: pd.Series | str) -> None:
        """Noteer een herstelling (tekst per rij, leeg = geen) bij de rijen die niet geweigerd zijn, met
        ``woord`` ervoor (bv. ``"bedrag "``); ``kolom`` is de herstelde kolom (None: de hele rij)."""
        nieuw = herstel.notna().to_numpy() & pd.isna(self._weigering)
        if not nieuw.any():
            return
        tekst = bericht(pd.Series(nieuw, index=self.rij.index), *woord, herstel)[nieuw].to_numpy(dtype=object)
        eerder = self._herstel[nieuw]
        al = ~pd.isna(eerder)
        eerder[al] = eerder[al] + "; " + tekst[al]
        eerder[~al] = tekst[~al]
        self._herstel[nieuw] = eerder
        if kolom is not None:
            zonder_kolom = nieuw & pd.isna(self._kolom)
            self._kolom[zonder_kolom] = (
                kolom if isinstance(kolom, str) else kolom[zonder_kolom].to_numpy(dtype=object)
            )

    def merk_op(self, opmerking: pd.Series) -> None:
        """Een opmerking bij een behouden rij (bv. een tweede, gelijke ticketlijn)."""
        self._opmerking = opmerking.to_numpy(dtype=object, na_value=None)

    def lees(self, gelezen: Gelezen, kolom: str, woord: str) -> pd.Series:
        """Weiger de rijen met een leesfout en noteer de herstellingen; geeft de gelezen waarden."""
        self.weiger(gelezen.fout.notna(), kolom, woord + " ", gelezen.fout)
        self.herstel_als(gelezen.herstel, kolom, woord + " ")
        return gelezen.waarden

    def rapport(self, ticket_id: pd.Series) -> pd.DataFrame:
        """Eén rij per gegevensrij: rij, blad, status, kolom, reden, ticket_id."""
        geweigerd, hersteld = ~pd.isna(self._weigering), ~pd.isna(self._herstel)
        status = np.select([geweigerd, hersteld], [2, 1], 0).astype(np.int8)
        reden = np.where(geweigerd, self._weigering, np.where(hersteld, self._herstel, self._opmerking))
        return pd.DataFrame(
            {
                "rij": self.rij,
                "blad": pd.Series(pd.NA, index=self.rij.index, dtype="string")
                if self.blad is None
                else self.blad,
                "status": pd.Categorical.from_codes(status, categories=UITKOMSTEN),
                "kolom": pd.Series(self._kolom, index=self.rij.index).fillna("").astype("str"),
                "reden": pd.Series(reden, index=self.rij.index).fillna("").astype("str"),
                "ticket_id": ticket_id.astype("str"),
            }
        )

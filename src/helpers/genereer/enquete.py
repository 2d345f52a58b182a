"""De tevredenheidsenquête: wie uitgenodigd wordt, wie antwoordt (de meer betrokken klanten) en wat.

De antwoorden volgen de verborgen tevredenheid van de klant (zie `klanten`), die ook zijn afhaken
stuurt: enkel heel tevreden klanten (5/5) blijven duidelijk trouwer.

>>> score = aanbeveling_bij(np.array([5, 1]), np.random.default_rng(0))
>>> bool(score[0] >= 8 and score[1] <= 5)
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.genereer.klanten import Klantbasis
from helpers.genereer.kolommen import sleutels
from helpers.genereer.lijnen import Verkoop
from helpers.genereer.profielen import ITEMS, Profiel
from helpers.genereer.tijdlijn import Tijdlijn

_AANBEVELING = {  # tevredenheid -> (scores, kansen)
    1: ((0, 1, 2, 3, 4, 5), (0.15, 0.15, 0.2, 0.2, 0.2, 0.1)),
    2: ((2, 3, 4, 5, 6, 7), (0.1, 0.15, 0.25, 0.25, 0.2, 0.05)),
    3: ((4, 5, 6, 7, 8), (0.1, 0.25, 0.3, 0.25, 0.1)),
    4: ((6, 7, 8, 9, 10), (0.08, 0.3, 0.37, 0.18, 0.07)),
    5: ((8, 9, 10), (0.1, 0.4, 0.5)),
}
_OPEN = {
    "positief": (
        "Altijd vriendelijk geholpen.",
        "Goed advies gekregen, ik kom zeker terug.",
        "Mooie collectie en een fijne sfeer in de winkel.",
        "Snelle service, top!",
        "Ze kennen mij en weten wat ik zoek.",
        "De kwaliteit is het geld waard.",
    ),
    "neutraal": (
        "Prima, maar wat aan de dure kant.",
        "Soms is mijn maat niet meer op voorraad.",
        "Goed, al mocht de webshop beter.",
        "Op zaterdag is het erg druk.",
    ),
    "negatief": (
        "Lang moeten wachten aan de kassa.",
        "Mijn klacht werd niet goed opgevolgd.",
        "Te duur in vergelijking met de webshops.",
        "Het personeel had weinig tijd voor mij.",
        "Retourneren verliep moeizaam.",
    ),
}
UITNODIGING_DAGEN_VOOR_EINDE = 472  # 16 september 2024 bij peildatum 31 december 2025


def aanbeveling_bij(tevredenheid: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Aanbevelingsscore (0-10) die past bij de tevredenheid (1-5)."""
    uit = np.zeros(len(tevredenheid), dtype=np.int64)
    for score, (waarden, kansen) in _AANBEVELING.items():
        wie = np.flatnonzero(tevredenheid == score)
        uit[wie] = rng.choice(np.array(waarden), len(wie), p=np.array(kansen))
    return uit


def maak_enquete(
    profiel: Profiel, basis: Klantbasis, verkoop: Verkoop, tijd: Tijdlijn, rng: np.random.Generator
) -> pd.DataFrame:
    """Eén rij per uitgenodigde klant (met hulpkolom ``_klant``); antwoorden enkel bij wie antwoordde."""
    n = len(basis.type)
    uitnodiging = max(60, len(tijd) - UITNODIGING_DAGEN_VOOR_EINDE)
    t = verkoop.tickets
    recent = (
        (t["soort"] == "aankoop").to_numpy()
        & (t["_klant"].to_numpy() >= 0)
        & (t["_dag"].to_numpy() < uitnodiging)
        & (t["_dag"].to_numpy() >= uitnodiging - 540)
    )
    aankopen = np.bincount(t["_klant"].to_numpy()[recent], minlength=n)
    email = basis.tabel["email"].notna().to_numpy()
    wie = np.flatnonzero(basis.klant & email & (aankopen > 0))
    m = len(wie)
    score = basis.tevredenheid[wie]
    logit = -1.6 + 0.7 * np.log1p(aankopen[wie]) + 0.45 * (score - 3.5)
    antwoordt = rng.random(m) < 1 / (1 + np.exp(-logit))
    antwoorddag = np.minimum(uitnodiging + rng.geometric(0.25, m) - 1, len(tijd) - 1)
    items = np.clip(np.round(basis.items[wie] + rng.normal(0, 0.35, (m, len(ITEMS)))), 1, 5).astype(np.int64)

    prijsniveau = np.array([t.prijsniveau for t in profiel.types])[basis.type[wie]]
    concurrentkans = np.where(
        prijsniveau[:, None] < 0,
        [0.25, 0.3, 0.4, 0.05],
        np.where(prijsniveau[:, None] > 0.4, [0.25, 0.2, 0.05, 0.5], [0.35, 0.3, 0.15, 0.2]),
    )
    cum = np.cumsum(concurrentkans, axis=1)
    keuze = (rng.random(m)[:, None] >= cum).sum(axis=1)
    conc_scores = np.array([c.scores for c in profiel.concurrenten])[keuze]
    conc_items = np.clip(np.round(conc_scores + rng.normal(0, 0.7, (m, len(ITEMS)))), 1, 5).astype(np.int64)
    verschil = items.mean(axis=1) - conc_items.mean(axis=1)
    vergelijking = np.where(verschil > 0.3, "beter", np.where(verschil < -0.3, "slechter", "even goed"))
    toon = np.where(score >= 4, "positief", np.where(score == 3, "neutraal", "negatief"))
    open_antwoord = np.array(
        [_OPEN[x][i % len(_OPEN[x])] for x, i in zip(toon, rng.integers(0, 60, m), strict=True)], dtype=object
    )

    tabel = pd.DataFrame(
        {
            "_klant": wie,
            "uitnodiging_datum": np.full(m, tijd.datums[uitnodiging]).astype("datetime64[us]"),
            "beantwoord": antwoordt,
            "antwoord_datum": (
                tijd.datums[antwoorddag].astype("datetime64[m]")
                + rng.integers(420, 1380, m).astype("timedelta64[m]")
            ).astype("datetime64[us]"),
            "tevredenheid": score,
            "aanbeveling": aanbeveling_bij(score, rng),
            **{item: items[:, j] for j, item in enumerate(ITEMS)},
            "concurrent": np.array([c.naam for c in profiel.concurrenten])[keuze],
            **{f"concurrent_{item}": conc_items[:, j] for j, item in enumerate(ITEMS)},
            "vergelijking": vergelijking,
            "open_antwoord": np.where(rng.random(m) < 0.45, open_antwoord, None),
        }
    )
    antwoorden = [k for k in tabel.columns if k not in ("_klant", "uitnodiging_datum", "beantwoord")]
    for kolom in antwoorden:
        reeks = tabel[kolom]
        if pd.api.types.is_integer_dtype(reeks):
            reeks = pd.array(reeks, dtype="Int64")
        tabel[kolom] = pd.Series(reeks).where(antwoordt)
    tabel.insert(0, "respons_id", sleutels("R", np.arange(m), 5))
    return tabel

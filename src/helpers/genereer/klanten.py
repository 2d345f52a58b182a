"""Het klantenbestand en de verborgen eigenschappen van elke klant (type, koopritme, tevredenheid, churn).

Alles per klant is gevectoriseerd; Faker levert enkel de voorraad namen (zie `identiteit`).

>>> import numpy as np, pandas as pd
>>> from helpers.genereer.profielen import PROFIELDATA
>>> from helpers.genereer.tijdlijn import Tijdlijn, dagcurves, trek_index
>>> from helpers.genereer.identiteit import maak_voorraad
>>> t = Tijdlijn.maak(pd.Timestamp("2025-12-31"), 3)
>>> b = maak_klantbasis(PROFIELDATA["kledingzaak"], 200, t, maak_voorraad(1, 20), np.random.default_rng(1))
>>> len(b.type), int(b.klant.sum()) + int((~b.klant).sum())
(200, 200)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers import geografie
from helpers.genereer.identiteit import Voorraad, trek_identiteiten
from helpers.genereer.profielen import ITEMS, Profiel
from helpers.genereer.tijdlijn import Tijdlijn, dagcurves, trek_index

VER_KM = 40.0  # wie verder woont, koopt vooral in de webshop
PROSPECTS = 0.1  # aandeel van het bestand dat nooit kocht
BESTAAND = 0.45  # aandeel klanten dat al voor de periode klant was
ITEMGEWICHT = np.array(
    [0.08, 0.3, 0.25, 0.2, 0.12, 0.05]
)  # prijs, kwaliteit, service, advies, assortiment, sfeer
CHURNFACTOR = np.array([0.0, 2.2, 1.8, 1.0, 1.0, 0.1])  # per tevredenheidsscore 1..5
RITMEFACTOR = np.array([0.0, 0.8, 0.85, 1.0, 1.0, 1.7])
UITKOMSTEN = np.array(["goed opgelost", "deels opgelost", "niet opgelost"])
_KLEDINGMATEN = np.array(["XS", "S", "M", "L", "XL", "XXL"])


@dataclass
class Klantbasis:
    """Verborgen en zichtbare eigenschappen per persoon in het bestand (numpy-arrays)."""

    type: np.ndarray  # index in profiel.types
    klant: np.ndarray  # True = klant, False = prospect
    bestaand: np.ndarray  # al klant voor de eerste dag van de periode
    begin: np.ndarray  # dag van de eerste aankoop (nieuw) of 0 (bestaand)
    einde: np.ndarray  # laatste dag waarop de klant nog koopt
    ritme: np.ndarray  # aankoopmomenten per jaar
    vrouw: np.ndarray
    kaart: np.ndarray
    webshop_eerst: np.ndarray
    webshop: np.ndarray  # kans dat een aankoop via de webshop gaat (wie ver woont, koopt vooral online)
    tevredenheid: np.ndarray  # verborgen score 1..5
    items: np.ndarray  # (n, 6) verborgen itemscores (kommagetallen)
    klachtdag: np.ndarray  # -1 = geen klacht
    klachtuitkomst: np.ndarray  # index in UITKOMSTEN, -1 = geen klacht
    churn: np.ndarray  # dag waarop de klant afhaakt (kan na de periode liggen)
    verjaardag: np.ndarray  # dag van het jaar (1..366)
    inschrijf: np.ndarray  # dag van inschrijving (negatief = voor de periode)
    bron: np.ndarray
    toestemming: np.ndarray
    toestemming_dag: np.ndarray
    voorkeur: np.ndarray  # e-mail, sms, post, geen
    retourneiging: (
        np.ndarray
    )  # vermenigvuldiger op de retourkans (gemiddeld 1, scheef: 'seriële retourneerders')
    adviesbehoefte: np.ndarray  # vermenigvuldiger op advies in de winkel (gemiddeld 1, scheef)
    tabel: pd.DataFrame  # de zichtbare kolommen (nog zonder id's en inschrijfinfo)


def _kies(rng: np.random.Generator, kansen: np.ndarray) -> np.ndarray:
    """Per rij één index volgens de kansen in die rij (gevectoriseerd)."""
    cum = np.cumsum(kansen, axis=1)
    u = rng.random(len(kansen))[:, None] * cum[:, -1:]
    return (u >= cum).sum(axis=1)


def _binnen_grenzen(x: np.ndarray, laag: float, hoog: float) -> np.ndarray:
    """Spiegel waarden buiten [laag, hoog] terug naar binnen, zodat niemand op de grens zelf stapelt
    (afkappen zou alle jongeren op exact dezelfde geboortedatum zetten).

    >>> _binnen_grenzen(np.array([10.0, 20.0, 90.0]), 16.0, 88.0).tolist()
    [22.0, 20.0, 86.0]
    """
    x = np.where(x < laag, 2 * laag - x, x)
    return np.clip(np.where(x > hoog, 2 * hoog - x, x), laag, hoog)


def gemeenten_met_afstand(profiel: Profiel) -> tuple[pd.DataFrame, np.ndarray]:
    """De Vlaamse gemeenten en hun afstand (km, hemelsbreed) tot de winkel van het profiel."""
    tabel = geografie.gemeenten()
    winkel = geografie.zoek_gemeente(profiel.gemeente)
    afstand = geografie.afstand_km(
        tabel["breedtegraad"].to_numpy(),
        tabel["lengtegraad"].to_numpy(),
        float(winkel["breedtegraad"]),
        float(winkel["lengtegraad"]),
    )
    return tabel, afstand


def _woonplaatsen(
    profiel: Profiel, soort: np.ndarray, rng: np.random.Generator
) -> tuple[pd.DataFrame, np.ndarray]:
    """Woonplaats volgens inwoners x afstandsafname (schaal per type); enkelen wonen ver weg."""
    tabel, afstand = gemeenten_met_afstand(profiel)
    schalen = np.array([t.afstand for t in profiel.types] + [500.0])
    gewichten = tabel["inwoners"].to_numpy(dtype=float)[None, :] * np.exp(
        -afstand[None, :] / schalen[:, None]
    )
    groep = np.where(rng.random(len(soort)) < 0.04, len(profiel.types), soort)
    keuze = trek_index(gewichten, groep, None, None, rng)
    jitter = rng.normal(0, 1.2, len(soort))
    return tabel.iloc[keuze].reset_index(drop=True), np.round(np.maximum(afstand[keuze] + jitter, 0.3), 1)


def _tevredenheid(
    profiel: Profiel, soort: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    n = len(soort)
    verschuiving = np.array([[t.itemverschuiving.get(i, 0.0) for i in ITEMS] for t in profiel.types])
    items = 3.9 + verschuiving[soort] + rng.normal(0, 0.5, (n, 1)) + rng.normal(0, 0.65, (n, len(ITEMS)))
    niveau = np.array([t.tevredenheid for t in profiel.types])[soort]
    latent = items @ ITEMGEWICHT + 0.15 * niveau + rng.normal(0, 0.3, n)
    score = np.clip(np.floor(latent + 0.65), 1, 5).astype(np.int64)
    return score, np.clip(items, 0.6, 5.4)


def maak_klantbasis(
    profiel: Profiel, n: int, tijd: Tijdlijn, voorraad: Voorraad, rng: np.random.Generator
) -> Klantbasis:
    """Trek het klantenbestand: identiteit, woonplaats, huishouden, kaart, ritme en tevredenheid."""
    types = profiel.types
    dagen = len(tijd)
    soort = rng.choice(len(types), n, p=np.array([t.aandeel for t in types]))
    klant = rng.random(n) >= PROSPECTS
    bestaand = klant & (rng.random(n) < BESTAAND)
    kenmerk = {
        veld: np.array([getattr(t, veld) for t in types])[soort]
        for veld in ("frequentie", "vorm", "webshop", "kaart", "churn", "vrouw", "toestemming")
    }

    tevredenheid, items = _tevredenheid(profiel, soort, rng)
    ritme = rng.gamma(kenmerk["vorm"], kenmerk["frequentie"] / kenmerk["vorm"]) * RITMEFACTOR[tevredenheid]

    begin = np.where(bestaand, 0, trek_index(dagcurves(profiel, tijd), soort, None, None, rng))
    hazard = kenmerk["churn"] * CHURNFACTOR[tevredenheid]
    churn = begin + np.round(rng.exponential(365.0 / hazard)).astype(np.int64)

    # Klachten: sommige klanten klagen; slecht opgelost jaagt weg, goed opgelost bindt een beetje.
    actief_jaren = (np.minimum(churn, dagen - 1) - begin + 1) / 365.0
    klachtkans = 1 - np.exp(-0.045 * actief_jaren * np.where(tevredenheid <= 2, 2.0, 1.0))
    klaagt = klant & (rng.random(n) < klachtkans) & (np.minimum(churn, dagen - 1) > begin)
    klachtdag = np.where(
        klaagt, begin + 1 + (rng.random(n) * (np.minimum(churn, dagen - 1) - begin)).astype(int), -1
    )
    klachtdag = np.minimum(klachtdag, dagen - 1)
    uitkomst = np.where(klaagt, rng.choice(3, n, p=[0.55, 0.27, 0.18]), -1)
    wegjagen = klaagt & (rng.random(n) < np.array([0.0, 0.35, 0.75, 0.0])[uitkomst])
    churn = np.where(wegjagen, np.minimum(churn, klachtdag + rng.integers(0, 90, n)), churn)
    churn = np.where(klaagt & (uitkomst == 0), churn + 180, churn)
    einde = np.minimum(churn, dagen - 1)

    geslacht = np.where(rng.random(n) < 0.012, "x", np.where(rng.random(n) < kenmerk["vrouw"], "v", "m"))
    vrouw = np.where(geslacht == "x", rng.random(n) < 0.5, geslacht == "v")
    ident = trek_identiteiten(voorraad, geslacht, rng)
    woon, afstand = _woonplaatsen(profiel, soort, rng)

    leeftijd_gem = np.array([t.leeftijd[0] for t in types])[soort]
    leeftijd_sd = np.array([t.leeftijd[1] for t in types])[soort]
    leeftijd = _binnen_grenzen(rng.normal(leeftijd_gem, leeftijd_sd), 16.0, 88.0)
    geboorte = tijd.datums[-1] - np.round(leeftijd * 365.25).astype("timedelta64[D]")
    verjaardag = pd.DatetimeIndex(geboorte).day_of_year.to_numpy()

    huis = _kies(rng, np.array([t.huishouden for t in types])[soort])
    kinderen = np.where(huis == 2, 1 + rng.binomial(3, 0.3, n), 0)

    kaart = klant & (rng.random(n) < kenmerk["kaart"])
    kledingmaat = np.where(
        vrouw,
        rng.choice(5, n, p=[0.12, 0.28, 0.32, 0.2, 0.08]),
        1 + rng.choice(5, n, p=[0.1, 0.3, 0.33, 0.19, 0.08]),
    )
    schoenmaat = np.where(vrouw, np.round(rng.normal(38.6, 1.3, n)), np.round(rng.normal(43.0, 1.5, n)))
    ken_kleding = rng.random(n) < profiel.maten[0]
    ken_schoen = rng.random(n) < profiel.maten[1]

    # Inschrijving: bestaande klanten al jaren, nieuwe bij hun eerste aankoop (of eerder via een
    # nieuwsbrief of wedstrijd), prospects ergens in de laatste jaren.
    via_actie = rng.random(n) < 0.12
    inschrijf = np.where(
        bestaand, -rng.integers(1, 8 * 365, n), np.where(via_actie, begin - rng.integers(10, 300, n), begin)
    )
    inschrijf = np.where(klant, inschrijf, rng.integers(-2 * 365, dagen, n))
    aanmelding = np.where(rng.random(n) < 0.6, "nieuwsbrief", "wedstrijd")
    bron = np.where(via_actie | ~klant, aanmelding, "winkel")
    if profiel.sportclubs:
        bron = np.where(
            klant & (np.array([t.naam for t in types])[soort] == "clublid") & (rng.random(n) < 0.3),
            "club",
            bron,
        )
    toestemming = rng.random(n) < np.where(klant, kenmerk["toestemming"], 0.9)
    gdpr = (np.datetime64("2018-05-25") - tijd.datums[0]).astype(np.int64)
    kanaal = _kies(rng, np.array([t.kanalen for t in types])[soort])
    voorkeur = np.where(toestemming, np.array(["e-mail", "sms", "post"])[kanaal], "geen")
    voorkeur = np.where(~klant & toestemming, "e-mail", voorkeur)
    email_bekend = (voorkeur == "e-mail") | (rng.random(n) < 0.85)
    telefoon_bekend = (voorkeur == "sms") | (rng.random(n) < 0.75)

    tabel = pd.DataFrame(
        {
            "voornaam": pd.array(ident["voornaam"], dtype="str"),
            "achternaam": pd.array(ident["achternaam"], dtype="str"),
            "geslacht": geslacht,
            "geboortedatum": pd.DatetimeIndex(geboorte).astype("datetime64[us]"),
            "email": pd.array(pc.if_else(pa.array(email_bekend), ident["email"], None), dtype="str"),
            "telefoon": pd.array(pc.if_else(pa.array(telefoon_bekend), ident["telefoon"], None), dtype="str"),
            "straat": pd.array(ident["straat"], dtype="str"),
            "postcode": woon["postcode"].to_numpy(),
            "gemeente": woon["gemeente"].to_numpy(),
            "provincie": woon["provincie"].to_numpy(),
            "afstand_km": afstand,
            "huishouden": np.array(["alleen", "koppel", "gezin"])[huis],
            "aantal_kinderen": pd.array(kinderen, dtype="Int64"),
            "kledingmaat": pd.Series(_KLEDINGMATEN[kledingmaat]).where(ken_kleding),
            "schoenmaat": pd.array(np.clip(schoenmaat, 34, 48).astype(np.int64), dtype="Int64"),
        }
    )
    tabel["schoenmaat"] = tabel["schoenmaat"].where(ken_schoen)
    # Kostenprofiel: enkelen brengen veel terug of vragen uren advies (zo ontstaan verlieslatende klanten)
    retourneiging = rng.lognormal(-0.5 * 1.1**2, 1.1, n)
    adviesbehoefte = rng.lognormal(-0.5 * 1.7**2, 1.7, n)
    webshop = np.where(afstand > VER_KM, np.maximum(kenmerk["webshop"], 0.85), kenmerk["webshop"])
    return Klantbasis(
        type=soort,
        klant=klant,
        bestaand=bestaand,
        begin=begin,
        einde=einde,
        ritme=ritme,
        vrouw=vrouw,
        kaart=kaart,
        webshop_eerst=rng.random(n) < webshop,
        webshop=webshop,
        tevredenheid=tevredenheid,
        items=items,
        klachtdag=klachtdag,
        klachtuitkomst=uitkomst,
        churn=churn,
        verjaardag=verjaardag,
        inschrijf=inschrijf,
        bron=bron,
        toestemming=toestemming,
        toestemming_dag=np.maximum(inschrijf, gdpr),
        voorkeur=voorkeur,
        retourneiging=retourneiging,
        adviesbehoefte=adviesbehoefte,
        tabel=tabel,
    )

"""Van aankoopmomenten naar tickets en ticketlijnen: producten, aantallen, kortingen en retours.

Bedragen worden in centen (gehele getallen) berekend, zodat lijnen en tickets tot op de cent kloppen.
Kortingen: solden (29% gemiddeld bij de opening, dieper later), actiebonnen, klantenkaartbonnen en
groepskorting (clubleden op clubkledij). In de sperperiode krijgen kleding, schoenen en lederwaren
geen korting, op klantenkaartbonnen na.

>>> KORTINGSOORTEN[KLANTENKAART]
'klantenkaart'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.genereer.aankopen import Momenten
from helpers.genereer.klanten import Klantbasis
from helpers.genereer.kolommen import als_tekst, keuzes, sleutelbytes, sleutels
from helpers.genereer.profielen import Profiel
from helpers.genereer.tijdlijn import Tijdlijn, trek_index

RETOUR_WINKEL = 0.09  # aandeel lijnen dat teruggebracht wordt, winkel
RETOUR_WEBSHOP = 0.13  # idem, webshop, zonder de extra maten van seriële retourneerders (samen zo 25%)
GROEPSKORTING = 0.10
SERIEEL = 2.0  # retourneiging vanaf waar een klant online elk stuk in meer dan één maat bestelt
KORTINGSOORTEN = ("solden", "actie", "groep", "klantenkaart")
GEEN, SOLDEN, ACTIE, GROEP, KLANTENKAART = -1, 0, 1, 2, 3
_WEBUREN = np.array([1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 7, 7, 6, 6, 6, 7, 8, 10, 11, 10, 7, 3], float)


@dataclass
class Verkoop:
    """Tickets en lijnen als DataFrames, met enkele hulpkolommen voor de volgende stappen."""

    tickets: pd.DataFrame  # met hulpkolommen _klant (index, -1 = anoniem) en _dag
    lijnen: pd.DataFrame  # met hulpkolommen _ticket (rijnummer in tickets) en _product (index)


def _minuten(web: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Tijdstip in minuten na middernacht: winkel 9u30-18u, webshop vooral 's avonds."""
    winkel = 570 + np.round(rng.beta(2.2, 2.0, len(web)) * 509)
    uur = rng.choice(24, len(web), p=_WEBUREN / _WEBUREN.sum())
    return np.where(web, uur * 60 + rng.integers(0, 60, len(web)), winkel).astype(np.int64)


def _productgewichten(profiel: Profiel, producten: pd.DataFrame) -> np.ndarray:
    """Kans op elk product per (klanttype, maand, vrouw/man): voorkeur x seizoen x piek x doelgroep x prijs"""
    types = (*profiel.types, profiel.passant)
    lijn = producten["productlijn"].to_numpy()
    per_lijn = pd.Series(lijn).map(pd.Series(lijn).value_counts()).to_numpy()
    voorkeur = np.array([[t.voorkeur.get(x, 0.02) for x in lijn] for t in types]) / per_lijn
    logprijs = np.log(producten["catalogusprijs"].to_numpy())
    groep = producten.groupby("categorie", observed=True)["catalogusprijs"]
    z = (logprijs - np.log(groep.transform("median")).to_numpy()) / 0.35
    prijs = np.exp(np.array([t.prijsniveau for t in types])[:, None] * np.clip(z, -2, 2)[None, :])
    maand = np.arange(1, 13)[:, None]
    seizoen = producten["seizoen"].to_numpy()[None, :]
    zomer = (maand >= 3) & (maand <= 8)
    seizoensfactor = np.where(
        seizoen == "doorlopend", 1.0, np.where((seizoen == "lente-zomer") == zomer, 1.6, 0.35)
    )
    piekmaanden = {c.categorie: c.piekmaanden for c in profiel.categorieen}
    piek = np.array(
        [[3.0 if m in piekmaanden[c] else 1.0 for c in producten["categorie"]] for m in range(1, 13)]
    )
    doel = producten["doelgroep"].to_numpy()
    geslacht = np.array(
        [np.where(doel == "heren", 0.3, 1.0), np.where(doel == "dames", 0.25, 1.0)]
    )  # vrouw, man
    gewicht = (
        (voorkeur * prijs)[:, None, None, :]
        * (seizoensfactor * piek)[None, :, None, :]
        * geslacht[None, None, :, :]
    )
    return gewicht.reshape(-1, len(producten))


def _bon_op_volgend_ticket(klant: np.ndarray, bedrag: np.ndarray, drempel: int, bon: int) -> np.ndarray:
    """Klantenkaartbon (centen) per ticket: telkens ``drempel`` aankopen geven een bon op het volgende ticket.

    ``klant`` is per ticket (in tijdsvolgorde), -1 = geen kaarthouder.

    >>> _bon_op_volgend_ticket(np.array([0, 0, 0, 1, 0]), np.array([200, 200, 50, 500, 10]), 300, 15).tolist()
    [0, 0, 15, 0, 0]
    """
    volgorde = np.argsort(klant, kind="stable")
    k = klant[volgorde]
    b = np.where(k >= 0, bedrag[volgorde], 0)
    totaal = np.cumsum(b)
    nieuwe_groep = np.r_[True, k[1:] != k[:-1]]
    start = np.maximum.accumulate(np.where(nieuwe_groep, np.arange(len(k)), 0))
    voor = np.r_[0, totaal[:-1]]
    binnen = totaal - voor[start]
    verdiend = binnen // drempel
    vorige = np.where(nieuwe_groep, 0, np.r_[0, verdiend[:-1]])
    nieuw = (verdiend - vorige) * bon
    volgende = np.zeros(len(k), dtype=np.int64)
    zelfde = ~nieuwe_groep[1:] & (k[1:] >= 0)
    volgende[1:] = np.where(zelfde, nieuw[:-1], 0)
    uit = np.zeros(len(k), dtype=np.int64)
    uit[volgorde] = volgende
    return uit


def maak_verkoop(
    profiel: Profiel,
    producten: pd.DataFrame,
    basis: Klantbasis,
    momenten: Momenten,
    actiekorting: np.ndarray,
    tijd: Tijdlijn,
    rng: np.random.Generator,
) -> Verkoop:
    """Tickets en lijnen (aankopen en retours) voor alle aankoopmomenten."""
    minuut = momenten.dag * 1440 + _minuten(momenten.web, rng)
    m = momenten.kies(np.argsort(minuut, kind="stable"))
    minuut = np.sort(minuut, kind="stable")
    ticket, product, aantal = _kies_producten(profiel, producten, m, tijd, rng)
    ticket, product, aantal, andere_maat = _andere_maten(basis, m, ticket, product, aantal, rng)
    prijs = np.round(producten["catalogusprijs"].to_numpy() * 100).astype(np.int64)[product]
    korting, soort = _kortingen(
        profiel, producten, basis, m, ticket, product, aantal * prijs, actiekorting, tijd, rng
    )
    bedrag = aantal * prijs - korting
    retour, retourdag = _retours(profiel, producten, basis, m, ticket, product, andere_maat, tijd, rng)
    houden = _maandkalibratie(profiel, m, ticket, bedrag, retour, retourdag, tijd, rng)
    lijn = houden[ticket]
    m, minuut, retourdag = m.kies(houden), minuut[houden], retourdag[houden]
    ticket = (np.cumsum(houden) - 1).astype(np.int32)[ticket[lijn]]
    product, aantal, prijs, korting = product[lijn], aantal[lijn], prijs[lijn], korting[lijn]
    soort, bedrag, retour = soort[lijn], bedrag[lijn], retour[lijn]
    return _samenstellen(
        m,
        minuut,
        ticket,
        product,
        aantal,
        prijs,
        korting,
        soort,
        bedrag,
        retour,
        retourdag,
        producten,
        tijd,
        rng,
    )


def _kies_producten(
    profiel: Profiel, producten: pd.DataFrame, m: Momenten, tijd: Tijdlijn, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lijnen per ticket, het product (volgens type, maand en geslacht) en het aantal stuks."""
    types = (*profiel.types, profiel.passant)
    aantal_lijnen = 1 + rng.poisson(np.array([t.lijnen - 1 for t in types])[m.type])
    ticket = np.repeat(np.arange(len(m), dtype=np.int32), aantal_lijnen)
    maand = tijd.maand[m.dag[ticket]]
    groep = (m.type[ticket] * 12 + (maand - 1)) * 2 + (~m.vrouw[ticket]).astype(np.int64)
    product = trek_index(_productgewichten(profiel, producten), groep, None, None, rng).astype(np.int32)
    max_aantal = (
        producten["categorie"].map({c.categorie: c.max_aantal for c in profiel.categorieen}).to_numpy()
    )
    aantal = 1 + rng.binomial(max_aantal[product] - 1, 0.3)
    return ticket, product, aantal


def _andere_maten(
    basis: Klantbasis,
    m: Momenten,
    ticket: np.ndarray,
    product: np.ndarray,
    aantal: np.ndarray,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Seriële retourneerders bestellen online elk stuk ook in een of twee andere maten en sturen
    die terug. Geeft ticket, product en aantal met de extra lijnen (direct na hun lijn) en welke
    lijnen zo'n extra maat zijn."""
    klant = m.klant[ticket]
    serieel = m.web[ticket] & (klant >= 0) & (basis.retourneiging[np.maximum(klant, 0)] >= SERIEEL)
    kopieen = 1 + np.where(serieel, 1 + rng.binomial(1, 0.5, len(ticket)), 0)
    bron = np.repeat(np.arange(len(ticket)), kopieen)
    extra = np.r_[False, bron[1:] == bron[:-1]]
    return ticket[bron], product[bron], np.where(extra, 1, aantal[bron]), extra


def _kortingen(
    profiel: Profiel,
    producten: pd.DataFrame,
    basis: Klantbasis,
    m: Momenten,
    ticket: np.ndarray,
    product: np.ndarray,
    bruto: np.ndarray,
    actiekorting: np.ndarray,
    tijd: Tijdlijn,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Korting per lijn in centen en de soort (code in KORTINGSOORTEN, -1 = geen)."""
    types = (*profiel.types, profiel.passant)
    dag = m.dag[ticket]
    verboden = producten["sperperiode"].to_numpy()[product] & tijd.sperperiode[dag]
    soldendag = tijd.soldendag[dag]
    seizoensartikel = (producten["seizoen"].to_numpy() != "doorlopend") | (
        producten["sperperiode"].to_numpy() & (rng.random(len(producten)) < 0.5)
    )
    # openingskorting per product en soldenperiode (20, 30 of 40%; gemiddeld 29%)
    periode = (tijd.datums[dag].astype("datetime64[Y]").astype(np.int64) * 2 + (tijd.maand[dag] == 7)).astype(
        np.int64
    )
    periode -= periode.min() if len(periode) else 0
    opening = rng.choice(
        np.array([0.2, 0.3, 0.4]), (len(producten), int(periode.max(initial=0)) + 1), p=[0.3, 0.5, 0.2]
    )
    # koopjesjagers kopen in de solden enkel uit de soldenrekken
    jager = np.array([t.naam == "koopjesjager" for t in types])[m.type[ticket]]
    pct = np.where(
        (soldendag > 0) & (seizoensartikel[product] | jager) & ~verboden,
        opening[product, periode] + 0.1 * (soldendag >= 11) + 0.1 * (soldendag >= 21),
        0.0,
    )
    soort = np.where(pct > 0, SOLDEN, GEEN).astype(np.int8)
    actie = m.actie[ticket]
    actiepct = np.where(actie >= 0, actiekorting[np.maximum(actie, 0)], 0.0)
    met_actie = (actiepct > 0) & (pct == 0) & ~verboden
    pct = np.where(met_actie, actiepct, pct)
    soort[met_actie] = ACTIE
    if profiel.sportclubs:
        clublid = np.array([t.naam == "clublid" for t in types])[m.type[ticket]] & m.herkend[ticket]
        club = clublid & (producten["categorie"] == "clubkledij").to_numpy()[product] & (pct == 0) & ~verboden
        pct = np.where(club, GROEPSKORTING, pct)
        soort[club] = GROEP
    korting = np.round(bruto * pct).astype(np.int64)

    # Klantenkaartbon op het volgende ticket, op de duurste lijn
    kaarthouder = np.where((m.klant >= 0) & m.herkend, m.klant, -1)
    kaarthouder = np.where(
        kaarthouder >= 0, np.where(basis.kaart[np.maximum(kaarthouder, 0)], kaarthouder, -1), -1
    )
    netto = bruto - korting
    per_ticket = np.bincount(ticket, weights=netto, minlength=len(m)).astype(np.int64)
    bon = _bon_op_volgend_ticket(
        kaarthouder, per_ticket, int(profiel.kaartdrempel * 100), int(profiel.kaartbon * 100)
    )
    # de eerste lijn met het hoogste bedrag van elk ticket (lijnen staan per ticket bij elkaar)
    begin = np.flatnonzero(np.r_[True, ticket[1:] != ticket[:-1]])
    hoogste = np.maximum.reduceat(netto, begin)
    kandidaat = np.flatnonzero(netto == np.repeat(hoogste, np.diff(np.r_[begin, len(ticket)])))
    duurste = kandidaat[np.r_[True, ticket[kandidaat][1:] != ticket[kandidaat][:-1]]]
    bonbedrag = np.minimum(bon[ticket[duurste]], netto[duurste])
    korting[duurste] += bonbedrag
    soort[duurste] = np.where(bonbedrag > 0, KLANTENKAART, soort[duurste])
    return korting, soort


def _retours(
    profiel: Profiel,
    producten: pd.DataFrame,
    basis: Klantbasis,
    m: Momenten,
    ticket: np.ndarray,
    product: np.ndarray,
    andere_maat: np.ndarray,
    tijd: Tijdlijn,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Per ticket één retourdag (1-30 dagen later), per lijn een kans naar kanaal, type en productsoort;
    een extra maat (`_andere_maten`) gaat altijd terug."""
    types = (*profiel.types, profiel.passant)
    web = m.web[ticket]
    retourfactor = (
        np.array([t.retour for t in types])[m.type[ticket]]
        * producten["categorie"]
        .map({c.categorie: c.retourkans for c in profiel.categorieen})
        .to_numpy()[product]
        * np.where(m.klant >= 0, basis.retourneiging[np.maximum(m.klant, 0)], 1.0)[ticket]
    )
    kans = np.zeros(len(ticket))
    for kanaal, doel in ((web & ~andere_maat, RETOUR_WEBSHOP), (~web, RETOUR_WINKEL)):
        if kanaal.any():
            kans[kanaal] = doel * retourfactor[kanaal] / retourfactor[kanaal].mean()
    kans[andere_maat] = 1.0
    retourdag = m.dag + np.minimum(rng.geometric(0.15, len(m)), 28)  # + max. 2 sluitingsdagen: <= 30
    for _ in range(2):
        retourdag = np.where(
            ~m.web & tijd.dicht[np.minimum(retourdag, len(tijd) - 1)], retourdag + 1, retourdag
        )
    retour = ((rng.random(len(ticket)) < np.minimum(kans, 0.9)) | andere_maat) & (
        retourdag[ticket] < len(tijd)
    )
    return retour, retourdag


def _openingsweken(soldendag: np.ndarray) -> np.ndarray:
    """Waar op de eerste twee weken van de solden (dag 1 tot 14).

    >>> _openingsweken(np.array([0, 1, 14, 15])).tolist()
    [False, True, True, False]
    """
    return (soldendag >= 1) & (soldendag <= 14)


def _maandkalibratie(
    profiel: Profiel,
    m: Momenten,
    ticket: np.ndarray,
    bedrag: np.ndarray,
    retour: np.ndarray,
    retourdag: np.ndarray,
    tijd: Tijdlijn,
    rng: np.random.Generator,
) -> np.ndarray:
    """Welke tickets blijven: passanten in de maanden met een omzetdoel worden willekeurig uitgedund
    (die van de eerste twee soldenweken als laatste) tot de netto omzet van die maand precies
    ``doel x`` een gemiddelde maand is.

    Met doelen ``t_k`` (k in K) en ``R`` de omzet van de andere maanden moet na het uitdunnen gelden:
    ``V_k = t_k / 12 x (R + som V_j)``, dus ``som V_j = (T R) / (1 - T)`` met ``T = som t_k / 12``.
    """
    laatste = len(tijd) - 1
    per_ticket = np.bincount(ticket, weights=bedrag, minlength=len(m))
    terug = np.bincount(ticket, weights=bedrag * retour, minlength=len(m))
    maand = tijd.maand[m.dag]
    waarde = np.bincount(maand, weights=per_ticket, minlength=13) - np.bincount(
        tijd.maand[np.minimum(retourdag, laatste)], weights=terug, minlength=13
    )
    doelen = profiel.maanddoel
    k = np.array(list(doelen))
    t = np.array([doelen[x] for x in k]) / 12
    rest = waarde[1:].sum() - waarde[k].sum()
    gewenst = t * (rest + t.sum() * rest / (1 - t.sum()))
    houden = np.ones(len(m), dtype=bool)
    for maandnummer, teveel in zip(k, waarde[k] - gewenst, strict=True):
        kandidaat = rng.permutation(np.flatnonzero((m.klant < 0) & (maand == maandnummer)))
        # passanten komen vooral naar de opening van de solden: wie later komt, valt eerst weg
        kandidaat = kandidaat[np.argsort(_openingsweken(tijd.soldendag[m.dag[kandidaat]]), kind="stable")]
        bijdrage = np.cumsum(per_ticket[kandidaat] - terug[kandidaat])
        houden[kandidaat[bijdrage <= teveel]] = False
    return houden


def _samenstellen(
    m: Momenten,
    minuut: np.ndarray,
    ticket: np.ndarray,
    product: np.ndarray,
    aantal: np.ndarray,
    prijs: np.ndarray,
    korting: np.ndarray,
    soort: np.ndarray,
    bedrag: np.ndarray,
    retour: np.ndarray,
    retourdag: np.ndarray,
    producten: pd.DataFrame,
    tijd: Tijdlijn,
    rng: np.random.Generator,
) -> Verkoop:
    """Voeg aankoop- en retourtickets samen, nummer ze in tijdsvolgorde en bouw de tabellen."""
    n_tickets = len(m)
    terug = np.flatnonzero(retour)
    met_retour = np.unique(ticket[terug])  # oorspronkelijke tickets met een retour
    alle_minuten = np.concatenate([minuut, retourdag[met_retour] * 1440 + _minuten(m.web[met_retour], rng)])
    volgorde = np.argsort(alle_minuten, kind="stable")  # positie -> ticket (aankopen, dan retours)
    rang = np.empty(len(volgorde), dtype=np.int64)
    rang[volgorde] = np.arange(len(volgorde))
    breedte = max(7, len(str(len(volgorde))))

    bron = np.concatenate([np.arange(n_tickets), met_retour])[volgorde]  # oorspronkelijk moment per ticket
    is_retour = volgorde >= n_tickets
    # lijnen: aankooplijnen + retourlijnen (negatief), gesorteerd op ticketnummer
    l_ticket = rang[np.concatenate([ticket, n_tickets + np.searchsorted(met_retour, ticket[terug])])]
    l_bron = np.concatenate([np.arange(len(ticket)), terug])
    l_teken = np.r_[np.ones(len(ticket), np.int64), -np.ones(len(terug), np.int64)]
    lijnvolgorde = np.argsort(l_ticket, kind="stable")
    l_ticket, l_bron, l_teken = l_ticket[lijnvolgorde], l_bron[lijnvolgorde], l_teken[lijnvolgorde]
    l_bedrag = bedrag[l_bron] * l_teken
    l_korting = korting[l_bron] * l_teken
    actie = np.where(is_retour, -1, m.actie[bron])
    datum = tijd.datums[0].astype("datetime64[m]") + alle_minuten[volgorde].astype("timedelta64[m]")
    ticketbytes = sleutelbytes("T", np.arange(len(volgorde)), breedte)
    productbytes = np.array([list(p.encode("ascii")) for p in producten["product_id"]], dtype=np.uint8)
    tickets = pd.DataFrame(
        {
            "ticket_id": als_tekst(ticketbytes),
            "datum": datum.astype("datetime64[us]"),
            "kanaal": keuzes(m.web[bron].astype(np.int64), ["winkel", "webshop"]),
            "soort": keuzes(is_retour.astype(np.int64), ["aankoop", "retour"]),
            "bedrag": np.bincount(l_ticket, weights=l_bedrag, minlength=len(bron)).round() / 100,
            "korting": np.bincount(l_ticket, weights=l_korting, minlength=len(bron)).round() / 100,
            "actie_id": sleutels("A", np.maximum(actie, 0), 3, geldig=actie >= 0),
            "retour_van": als_tekst(ticketbytes[np.where(is_retour, rang[bron], 0)], geldig=is_retour),
            "_klant": np.where(m.herkend[bron], m.klant[bron], -1),
            "_dag": np.concatenate([m.dag, retourdag[met_retour]])[volgorde],
        }
    )
    nieuw = np.r_[True, l_ticket[1:] != l_ticket[:-1]]
    positie = np.arange(len(l_ticket))
    lijnnummer = positie - np.maximum.accumulate(np.where(nieuw, positie, 0)) + 1
    retour_op_lijn = (l_teken > 0) & retour[l_bron]
    retourticket = rang[
        n_tickets + np.searchsorted(met_retour, ticket[l_bron]).clip(0, max(len(met_retour) - 1, 0))
    ]
    retourdatum = (
        datum[retourticket] if len(met_retour) else np.full(len(l_ticket), np.datetime64("NaT"), "M8[m]")
    )
    lijnen = pd.DataFrame(
        {
            "ticket_id": als_tekst(ticketbytes[l_ticket]),
            "lijn": pd.array(lijnnummer, dtype="Int64"),
            "product_id": als_tekst(productbytes[product[l_bron]]),
            "aantal": pd.array(aantal[l_bron] * l_teken, dtype="Int64"),
            "eenheidsprijs": prijs[l_bron] / 100,
            "korting": l_korting / 100,
            "korting_soort": keuzes(soort[l_bron], KORTINGSOORTEN),
            "bedrag": l_bedrag / 100,
            "retour": retour_op_lijn,
            "retourdatum": np.where(retour_op_lijn, retourdatum, np.datetime64("NaT")).astype(
                "datetime64[us]"
            ),
            "_ticket": l_ticket,
            "_product": product[l_bron],
        }
    )
    return Verkoop(tickets=tickets, lijnen=lijnen)

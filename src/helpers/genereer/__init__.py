"""De generator van synthetische Vlaamse winkels: klanten, producten, tickets, acties, enquête, ...

Elke winkel komt uit verborgen klanttypes (trouwe vaste klant, koopjesjager, gezinsaankoper, ...)
en de Belgische winkelkalender (solden, sperperiode, december, schoolstart, sportseizoenen). Met
dezelfde ``seed`` krijg je altijd exact dezelfde winkel.

>>> winkel = genereer_winkel("schoenenzaak", aantal_klanten=300, seed=1, vervuiling=False)
>>> winkel.profiel, len(winkel.klanten)
('schoenenzaak', 300)

Op de opdrachtregel: ``python -m helpers.genereer --help``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm import tqdm

from helpers.controle import InvoerFout
from helpers.data import DATASETS, Winkel, bewaar_winkel, naar_types
from helpers.genereer.aankopen import Momenten, klantmomenten, passantmomenten
from helpers.genereer.acties import speel_acties
from helpers.genereer.contacten import maak_contacten
from helpers.genereer.enquete import maak_enquete
from helpers.genereer.excel import bewaar_excel, csv_vingerafdruk
from helpers.genereer.identiteit import maak_voorraad
from helpers.genereer.klanten import UITKOMSTEN, Klantbasis, gemeenten_met_afstand, maak_klantbasis
from helpers.genereer.kolommen import als_tekst, sleutelbytes, sleutels
from helpers.genereer.lijnen import maak_verkoop
from helpers.genereer.offertes import maak_offertes, sportclubs
from helpers.genereer.producten import maak_producten
from helpers.genereer.profielen import PROFIELDATA, Profiel
from helpers.genereer.schrijven import controleer_doel, eigen_bestanden, schrijf_map, vereis_geheugen
from helpers.genereer.tijdlijn import Tijdlijn, dagcurves
from helpers.genereer.vervuiling import vervuil
from helpers.schema import PROFIELEN, TABELLEN

__all__ = [
    "PROFIELDATA",
    "VERVUILING",
    "bouw_standaardsets",
    "genereer_winkel",
    "genereer_winkel_met_sleutel",
    "schrijf_winkel",
]

STANDAARD_SEED = 42

VERVUILING = False
"""Standaard voor ``vervuiling``: de gebreken van een echt klantenbestand (dubbels, foute e-mailadressen,
telefoonnummers in allerlei vormen, ...; zie `helpers.genereer.vervuiling`). Staat nog op ``False`` zodat
de meegeleverde datasets byte voor byte gelijk blijven tot ze opnieuw gemaakt worden."""

_STAPPEN = 8
_KLANTBREEDTE = 6


def _controleer(profiel: str, aantal_klanten: object, jaren: object) -> None:
    if profiel not in PROFIELEN:
        keuze = ", ".join(PROFIELEN)
        raise InvoerFout(f"Onbekend profiel '{profiel}'. Kies uit: {keuze}.")
    for naam, waarde in (("aantal_klanten", aantal_klanten), ("jaren", jaren)):
        if isinstance(waarde, bool) or not isinstance(waarde, int | np.integer) or waarde < 1:
            raise InvoerFout(f"'{naam}' moet een positief geheel getal zijn, niet {waarde!r}.")


def _clubs(profiel: Profiel, basis: Klantbasis, rng: np.random.Generator) -> tuple[np.ndarray, list[str]]:
    """Sportclub per persoon (of leeg) en de gemeenten van de clubs in de buurt."""
    tabel, afstand = gemeenten_met_afstand(profiel)
    dichtbij = tabel["gemeente"].to_numpy()[np.argsort(afstand, kind="stable")[:15]].tolist()
    n = len(basis.type)
    if not profiel.sportclubs:
        return np.full(n, None, dtype=object), dichtbij
    clubs = np.array(sportclubs(dichtbij), dtype=object)
    woont = basis.tabel["gemeente"].to_numpy()
    positie = {g: i for i, g in enumerate(dichtbij)}
    eigen = np.array([positie.get(g, -1) for g in woont])
    gemeente = np.where(eigen >= 0, eigen, rng.integers(0, 5, n))
    voetbal = rng.random(n) < 0.7
    club = clubs[2 * gemeente + (~voetbal).astype(np.int64)]
    namen = np.array([t.naam for t in profiel.types])[basis.type]
    lid = rng.random(n) < np.select([namen == "clublid", namen == "gezinsaankoper"], [0.95, 0.4], 0.12)
    return np.where(lid, club, None), dichtbij


def _klantentabel(
    basis: Klantbasis, tijd: Tijdlijn, eerste_web: np.ndarray, club: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """De klantentabel in volgorde van inschrijving, en het volgnummer (rang) van elke persoon."""
    n = len(basis.type)
    volgorde = np.lexsort((np.arange(n), basis.inschrijf))
    rang = np.empty(n, dtype=np.int64)
    rang[volgorde] = np.arange(n)
    kaart = basis.kaart[volgorde]

    def datum(dagen: np.ndarray) -> np.ndarray:
        return (tijd.datums[0] + dagen[volgorde].astype("timedelta64[D]")).astype("datetime64[us]")

    tabel = (
        basis.tabel.iloc[volgorde]
        .reset_index(drop=True)
        .assign(
            klant_id=sleutels("K", np.arange(n), _KLANTBREEDTE),
            relatie=np.where(basis.klant[volgorde], "klant", "prospect"),
            inschrijfdatum=datum(basis.inschrijf),
            bron=np.where((basis.bron == "winkel") & eerste_web, "webshop", basis.bron)[volgorde],
            klantenkaart=kaart,
            kaartnummer=sleutels("KK", np.cumsum(kaart) - 1, 7, geldig=kaart),
            toestemming_marketing=basis.toestemming[volgorde],
            toestemming_datum=pd.Series(datum(basis.toestemming_dag)).where(basis.toestemming[volgorde]),
            voorkeurkanaal=basis.voorkeur[volgorde],
            sportclub=club[volgorde],
        )
    )
    return tabel, rang


def _met_id(df: pd.DataFrame, klantbytes: np.ndarray, rang: np.ndarray, tabel: str) -> pd.DataFrame:
    """Vervang de hulpkolom ``_klant`` (index, -1 = geen) door ``klant_id`` en zet de types goed."""
    klant = df["_klant"].to_numpy()
    df = df.assign(klant_id=als_tekst(klantbytes[rang[np.maximum(klant, 0)]], geldig=klant >= 0))
    schema = TABELLEN[tabel]
    # tickets zijn al in de juiste types gebouwd: naar_types zou miljoenen teksten kopiëren
    return df[list(schema)] if tabel == "tickets" else naar_types(df[list(schema)], schema)


def genereer_winkel_met_sleutel(
    profiel: str,
    aantal_klanten: int | None = None,
    seed: int = 42,
    peildatum: str | pd.Timestamp = "2025-12-31",
    jaren: int = 3,
    voortgang: bool = False,
    vervuiling: bool = VERVUILING,
) -> tuple[Winkel, pd.DataFrame]:
    """Genereer een winkel en de verborgen waarheid (klanttype, churn, tevredenheid per klant).

    Met ``vervuiling=True`` krijgt het klantenbestand de gebreken van een echt bestand (zie
    `helpers.genereer.vervuiling`) en zegt de sleutel per record wat er mis is en wat de echte waarde is.

    >>> winkel, sleutel = genereer_winkel_met_sleutel("sportzaak", aantal_klanten=200, seed=3)
    >>> list(sleutel.columns[:3]), len(sleutel) == len(winkel.klanten)
    (['klant_id', 'klanttype', 'relatie'], True)
    """
    aantal_klanten = (
        PROFIELDATA[profiel].standaard_klanten
        if aantal_klanten is None and profiel in PROFIELDATA
        else aantal_klanten
    )
    _controleer(profiel, aantal_klanten, jaren)
    p = PROFIELDATA[profiel]
    peil = pd.Timestamp(peildatum).normalize()
    balk = tqdm(total=_STAPPEN, desc=f"{profiel}", disable=not voortgang, file=sys.stderr)
    rng = np.random.default_rng(seed)
    tijd = Tijdlijn.maak(peil, jaren)
    producten = maak_producten(p, rng)
    basis = maak_klantbasis(p, aantal_klanten, tijd, maak_voorraad(seed), rng)
    balk.update()
    curves = dagcurves(p, tijd)
    gewoon = klantmomenten(p, basis, tijd, curves, rng)
    balk.update()
    plan, actiecontacten, extra = speel_acties(p, basis, gewoon, tijd, rng)
    balk.update()
    passant = passantmomenten(p, round(p.anoniem * (len(gewoon) + len(extra))), tijd, curves, rng)
    verkoop = maak_verkoop(
        p, producten, basis, Momenten.samen(gewoon, extra, passant), plan["korting_pct"].to_numpy(), tijd, rng
    )
    balk.update()
    t = verkoop.tickets
    klant_in_ticket = t["_klant"].to_numpy()
    eerste = np.unique(
        klant_in_ticket[(klant_in_ticket >= 0) & (t["soort"] == "aankoop").to_numpy()], return_index=True
    )
    eerste_web = np.zeros(len(basis.type), dtype=bool)
    eerste_web[eerste[0]] = (t["kanaal"].to_numpy() == "webshop")[
        np.flatnonzero((klant_in_ticket >= 0) & (t["soort"] == "aankoop").to_numpy())[eerste[1]]
    ]
    club, dichtbij = _clubs(p, basis, rng)
    klanten, rang = _klantentabel(basis, tijd, eerste_web, club)
    klantbytes = sleutelbytes("K", np.arange(len(rang)), _KLANTBREEDTE)
    balk.update()
    contacten = maak_contacten(p, basis, verkoop, producten, tijd, rng)
    contacten.insert(0, "contact_id", sleutels("C", np.arange(len(contacten)), 6))
    enquete = maak_enquete(p, basis, verkoop, tijd, rng)
    balk.update()
    if p.sportclubs:
        leden = np.flatnonzero(basis.klant & (club != None))  # noqa: E711
        offertes = maak_offertes(dichtbij, leden, min(400, 40 + aantal_klanten // 100), tijd, rng)
    else:
        offertes = pd.DataFrame({"_klant": pd.Series(dtype=np.int64)})
        offertes = offertes.assign(**{k: pd.Series(dtype=object) for k in TABELLEN["offertes"]})
    balk.update()
    plan.insert(0, "actie_id", sleutels("A", np.arange(len(plan)), 3))
    actiecontacten = actiecontacten.assign(
        actie_id=plan["actie_id"].to_numpy()[actiecontacten["actie"]], _klant=actiecontacten["klant"]
    )
    winkel = Winkel(
        profiel=profiel,
        naam=p.naam,
        gemeente=p.gemeente,
        peildatum=peil,
        klanten=naar_types(klanten[list(TABELLEN["klanten"])], TABELLEN["klanten"]),
        producten=naar_types(producten, TABELLEN["producten"]),
        tickets=_met_id(t, klantbytes, rang, "tickets"),
        ticketlijnen=verkoop.lijnen[list(TABELLEN["ticketlijnen"])],
        contacten=_met_id(contacten, klantbytes, rang, "contacten"),
        acties=naar_types(plan[list(TABELLEN["acties"])], TABELLEN["acties"]),
        actiecontacten=_met_id(actiecontacten, klantbytes, rang, "actiecontacten"),
        enquete=_met_id(enquete, klantbytes, rang, "enquete"),
        offertes=_met_id(offertes, klantbytes, rang, "offertes"),
    )
    sleutel = _sleutel(p, basis, rang, tijd)
    if vervuiling:
        winkel, sleutel = vervuil(winkel, sleutel, seed)
    balk.update()
    balk.close()
    return winkel, sleutel


def _sleutel(profiel: Profiel, basis: Klantbasis, rang: np.ndarray, tijd: Tijdlijn) -> pd.DataFrame:
    """De verborgen waarheid per klant (voor tests en lesgevers, nooit in ``klanten``)."""
    volgorde = np.argsort(rang)
    afgehaakt = (basis.klant & (basis.churn < len(tijd)))[volgorde]
    klacht = basis.klachtdag[volgorde] >= 0
    return pd.DataFrame(
        {
            "klant_id": sleutels("K", np.arange(len(rang)), _KLANTBREEDTE),
            "klanttype": np.array([t.naam for t in profiel.types])[basis.type[volgorde]],
            "relatie": np.where(basis.klant[volgorde], "klant", "prospect"),
            "al_klant_voor_periode": basis.bestaand[volgorde],
            "koopritme_per_jaar": np.round(basis.ritme[volgorde], 3),
            "churn_datum": pd.Series(tijd.datums[np.minimum(basis.churn[volgorde], len(tijd) - 1)])
            .astype("datetime64[us]")
            .where(afgehaakt),
            "tevredenheid": basis.tevredenheid[volgorde],
            "klacht_uitkomst": np.where(
                klacht, UITKOMSTEN[np.maximum(basis.klachtuitkomst[volgorde], 0)], None
            ),
        }
    )


def genereer_winkel(
    profiel: str,
    aantal_klanten: int | None = None,
    seed: int = 42,
    peildatum: str | pd.Timestamp = "2025-12-31",
    jaren: int = 3,
    voortgang: bool = False,
    vervuiling: bool = VERVUILING,
) -> Winkel:
    """Genereer een synthetische winkel van een profiel (``kledingzaak``, ``schoenenzaak``, ``sportzaak``).

    Zonder ``aantal_klanten`` krijg je de standaardgrootte van het profiel; de periode is ``jaren``
    volledige kalenderjaren tot en met de ``peildatum``.

    >>> w = genereer_winkel("kledingzaak", aantal_klanten=250, seed=7)
    >>> bool((w.tickets["soort"] == "retour").any()), str(w.peildatum.date())
    (True, '2025-12-31')
    """
    return genereer_winkel_met_sleutel(
        profiel, aantal_klanten, seed, peildatum, jaren, voortgang, vervuiling=vervuiling
    )[0]


def schrijf_winkel(
    profiel: str,
    map: str | Path,
    aantal_klanten: int | None = None,
    seed: int = STANDAARD_SEED,
    excel: bool = False,
    voortgang: bool = False,
    vervuiling: bool = VERVUILING,
    overschrijf: bool = False,
) -> Path:
    """Genereer een winkel en schrijf hem naar ``map``: CSV per tabel, ``winkel.json``, ``_sleutel/``
    en desgewenst een Excel-werkmap ``<profiel>.xlsx``.

    Veilig (zie `helpers.genereer.schrijven`): een niet-lege ``map`` enkel met ``overschrijf=True``,
    en dan worden enkel de eigen bestanden vervangen; nooit via een symbolische koppeling; alles wordt
    eerst apart geschreven en pas op het einde verplaatst, zodat een mislukte poging niets half
    achterlaat; een winkel die niet in het geheugen past, wordt vooraf geweigerd.

    >>> import tempfile
    >>> from helpers.data import laad_winkel
    >>> pad = schrijf_winkel("sportzaak", tempfile.mkdtemp(), aantal_klanten=80, seed=1, vervuiling=False)
    >>> len(laad_winkel("sportzaak", map=pad).klanten)
    80
    """
    bestanden = eigen_bestanden(profiel, excel)
    controleer_doel(Path(map), bestanden, overschrijf)  # vóór het werk begint
    aantal = aantal_klanten or (PROFIELDATA[profiel].standaard_klanten if profiel in PROFIELDATA else None)
    if isinstance(aantal, int):
        vereis_geheugen(aantal, excel)
    winkel, sleutel = genereer_winkel_met_sleutel(
        profiel, aantal_klanten, seed=seed, voortgang=voortgang, vervuiling=vervuiling
    )

    def schrijf(apart: Path) -> None:
        bewaar_winkel(winkel, apart, sleutel)
        if excel:
            bewaar_excel(winkel, apart / f"{profiel}.xlsx", vingerafdruk=csv_vingerafdruk(apart))

    return schrijf_map(map, schrijf, bestanden, overschrijf)


def bouw_standaardsets(
    map: str | Path = DATASETS, excel: bool = True, voortgang: bool = False, vervuiling: bool = VERVUILING
) -> list[Path]:
    """Maak de meegeleverde winkels (standaardgrootte, seed 42) opnieuw in ``map/<profiel>/``.

    Dit is wat ``python -m helpers.genereer --standaardsets`` doet; de test op verouderde datasets
    vergelijkt ``datasets/`` met een verse uitvoering hiervan.
    """
    return [
        schrijf_winkel(
            p, Path(map) / p, excel=excel, voortgang=voortgang, vervuiling=vervuiling, overschrijf=True
        )
        for p in PROFIELEN
    ]

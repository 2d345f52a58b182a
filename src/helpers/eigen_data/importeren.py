"""`lees_export`: de export van je eigen kassa inlezen, controleren en omzetten naar het datamodel.

Elke rij van het bestand komt precies één keer in het rapport, met één van drie uitkomsten:

- ``behouden``: gelezen zoals ze er staat;
- ``hersteld``: gelezen na een herstelling die in ``reden`` staat (``bedrag '€ 1.234,56' → 1234.56``,
  ``datum '2025-01-03' gelezen als 3 januari 2025``, bedragen van een ticket samengeteld, een retour
  met een positief bedrag negatief gemaakt);
- ``geweigerd``: niet gebruikt, met de reden, het rijnummer zoals je het in je bestand ziet (titel-
  en kopregels meegeteld; bij meer werkbladen ook het blad) en de kolom.

Niets wordt geraden: een bedrag dat op twee manieren te lezen is (``1.234`` in een kolom met een
decimale punt, ``12 50``), een rij met meer velden dan de kopregel of een los aanhalingsteken wordt
geweigerd met de reden (zie `helpers.eigen_data.waarden`, `helpers.eigen_data.rijcontroles` en
`helpers.eigen_data.csvbestand`). Een bestand dat als geheel niet te lezen is, geeft een
`InvoerFout` die in het Nederlands zegt waarom.

Een negatief bedrag is een retour (``soort="retour"``). Zegt de kolom ``soort`` (``type``) "retour",
"return" of "terug" bij een positief bedrag, dan wordt het bedrag negatief (hersteld; met een
aantal ook het aantal). Een datum na de ``peildatum`` (standaard vandaag), een lege regel, een
totaalrij en een herhaalde kopregel worden geweigerd. Een negatieve korting op een aankoop wordt
positief gelezen (hersteld); op een retour blijft ze negatief (teruggedraaid). Lege lijnen onderaan
het bestand tellen niet mee. Dubbele rijen en tickets: zie `helpers.eigen_data.rijcontroles`.

>>> bestand = "Bonnr;Datum;Klant;Totaal\\n1;03/01/2025;K1;€ 1.234,56\\n2;04/01/2025;;-12,50\\n".encode()
>>> imp = lees_export(bestand, peildatum="2025-12-31")
>>> imp.tickets[["ticket_id", "klant_id", "soort", "bedrag"]].to_dict("list")
{'ticket_id': ['1', '2'], 'klant_id': ['K1', nan], 'soort': ['aankoop', 'retour'], 'bedrag': [1234.56, -12.5]}
>>> imp.rapport[["rij", "status", "reden"]].values.tolist()
[[2, 'hersteld', "bedrag '€ 1.234,56' → 1234.56"], [3, 'behouden', '']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout
from helpers.data import naar_types
from helpers.eigen_data.kolommen import KLANTVELDEN, VERPLICHT, koppel, normaliseer_naam, uitleg_ontbrekend
from helpers.eigen_data.lezen import Bron, lees_ruw
from helpers.eigen_data.rijcontroles import (
    controleer_structuur,
    dubbels,
    weiger_lege_en_totaalrijen,
    weiger_somrijen,
)
from helpers.eigen_data.ruw import Ruw
from helpers.eigen_data.verslag import UITKOMSTEN, Verslag
from helpers.eigen_data.waarden import _bevat, als_tekst, bericht, lees_bedragen, lees_datums, lees_tijden
from helpers.klantid import ANONIEM
from helpers.schema import KLANTEN, TICKETLIJNEN, TICKETS

_LIJNKOLOMMEN = ("product_id", "aantal", "eenheidsprijs")
_RETOUR = r"(?i)retour|return|terug|refund"
"""Wat in de kolom ``soort`` een retour aanduidt."""


@dataclass
class Import:
    """Het resultaat van `lees_export`: de tabellen zoals `laad_winkel` ze geeft, plus het rapport."""

    tickets: pd.DataFrame
    ticketlijnen: pd.DataFrame | None
    klanten: pd.DataFrame | None
    rapport: pd.DataFrame
    """één rij per gegevensrij van het bestand: rij, blad, status, kolom, reden, ticket_id"""
    kolommen: dict[str, str]
    """doelkolom -> naam van de kolom in je bestand"""
    peildatum: pd.Timestamp
    bestand: str
    bestandstype: str
    codering: str | None = None
    scheidingsteken: str | None = None
    kopregel: int = 1
    meldingen: list[str] = field(default_factory=list)
    bladen: list[str] = field(default_factory=list)
    """(Excel) de gelezen werkbladen"""

    def samenvatting(self) -> dict[str, int]:
        """Aantal rijen per uitkomst (en in totaal)."""
        telling = self.rapport["status"].value_counts()
        return {"rijen": len(self.rapport), **{u: int(telling.get(u, 0)) for u in UITKOMSTEN}}

    def __repr__(self) -> str:
        s = self.samenvatting()
        return (
            f"Import('{self.bestand}': {s['rijen']} rijen, {s['behouden']} behouden, "
            f"{s['hersteld']} hersteld, {s['geweigerd']} geweigerd -> {len(self.tickets)} tickets)"
        )


def lees_export(
    pad_of_bestand: Bron,
    kolommen: Mapping[str, str | None] | None = None,
    peildatum: str | pd.Timestamp | None = None,
    blad: str | Sequence[str] | None = None,
) -> Import:
    """Lees de export van je kassa (CSV of Excel) en geef tickets, ticketlijnen, klanten en een rapport.

    ``pad_of_bestand`` is een pad, de inhoud als bytes of een binair geopend bestand (bv. uit een
    uploadknop). Kolomnamen worden herkend in het Nederlands, Engels en gangbare kassanamen (zie
    `helpers.eigen_data.kolommen.SYNONIEMEN`); geef anders zelf ``kolommen={"Bonnr": "ticket_id"}``
    (met ``None`` als doel laat je een herkende kolom weg, bv. ``{"Korting": None}``).
    Verplicht zijn een datum en een bedrag; zonder ticketnummer krijgt elke rij ``R<rijnummer>``,
    zonder klantkolom is elk ticket anoniem. ``peildatum`` (standaard vandaag): latere datums worden
    geweigerd. ``blad``: het werkblad (of een lijst werkbladen) van een Excel-bestand; standaard alle
    ticketbladen met dezelfde kolommen (bv. één per maand), nooit een blad met een samenvatting.

    Het rapport telt elke gegevensrij precies één keer: ``len(imp.rapport)`` is het aantal rijen
    onder de kopregel (lege lijnen onderaan niet meegerekend).

    >>> imp = lees_export(b"datum,bedrag\\n2025-01-03,10\\n2030-01-01,5\\n", peildatum="2025-12-31")
    >>> imp.samenvatting()
    {'rijen': 2, 'behouden': 1, 'hersteld': 0, 'geweigerd': 1}
    >>> imp.rapport["reden"].iloc[1]
    "rij 3, kolom 'datum': datum 01/01/2030 ligt na de peildatum 31/12/2025"
    """
    peil = pd.Timestamp.today().normalize() if peildatum is None else pd.Timestamp(peildatum).normalize()
    ruw = lees_ruw(pad_of_bestand, kolommen, blad)
    koppeling = koppel(ruw.koppen, kolommen)
    _controleer_koppeling(ruw, koppeling.doelen, kolommen)
    if len(ruw.tabel) == 0:
        raise InvoerFout(
            f"'{ruw.naam}' bevat enkel een kopregel (rij {ruw.kopregel}) en geen gegevens: "
            "er is niets om in te lezen."
        )
    doelen = koppeling.doelen
    namen = {doel: ruw.koppen[positie] for doel, positie in doelen.items()}
    tekst = {positie: als_tekst(ruw.tabel.iloc[:, positie]) for positie in range(ruw.tabel.shape[1])}
    verslag = Verslag(ruw.rijnummers, ruw.blad)
    controleer_structuur(ruw, doelen, tekst, verslag)
    woordtotaal = weiger_lege_en_totaalrijen(ruw, doelen, namen, tekst, verslag)

    kolom = {doel: ruw.tabel.iloc[:, positie] for doel, positie in doelen.items()}
    waarden = _lees_waarden(
        ruw, kolom, {d: tekst[p] for d, p in doelen.items()}, namen, verslag, peil, woordtotaal
    )
    lijnen = any(doel in kolom for doel in _LIJNKOLOMMEN)
    dubbels(waarden, tekst, verslag, namen, lijnen)
    rapport = verslag.rapport(waarden["ticket_id"])
    assert len(rapport) == len(ruw.tabel)  # elke rij telt mee

    goed = waarden[verslag.open().to_numpy()]
    return Import(
        tickets=_tickets(goed),
        ticketlijnen=_ticketlijnen(goed) if lijnen else None,
        klanten=_klanten(goed, kolom, peil)
        if "klant_id" in kolom and set(KLANTVELDEN) & set(kolom)
        else None,
        rapport=rapport,
        kolommen=namen,
        peildatum=peil,
        bestand=ruw.naam,
        bestandstype=ruw.bestandstype,
        codering=ruw.codering,
        scheidingsteken=ruw.scheidingsteken,
        kopregel=ruw.kopregel,
        meldingen=_meldingen(ruw, namen, koppeling.genegeerd, koppeling.procent, lijnen, rapport),
        bladen=ruw.bladen,
    )


def _controleer_koppeling(
    ruw: Ruw, doelen: dict[str, int], kolommen: Mapping[str, str | None] | None
) -> None:
    koppen = [k for k in ruw.koppen if k]
    for naam in kolommen or {}:
        if naam not in ruw.koppen and normaliseer_naam(naam) not in {normaliseer_naam(k) for k in koppen}:
            gevonden = ", ".join(f"'{k}'" for k in koppen)
            raise InvoerFout(
                f"De kolom '{naam}' uit kolommen= staat niet in de kopregel (rij {ruw.kopregel}) van "
                f"'{ruw.naam}'. Gevonden kolommen: {gevonden}."
            )
    ontbrekend = [doel for doel in VERPLICHT if doel not in doelen]
    if ontbrekend:
        uitleg = uitleg_ontbrekend(ontbrekend, koppen)
        raise InvoerFout(f"'{ruw.naam}', kopregel op rij {ruw.kopregel}: {uitleg}")


def _lees_waarden(
    ruw: Ruw,
    kolom: dict[str, pd.Series],
    tekst: dict[str, pd.Series],
    namen: dict[str, str],
    verslag: Verslag,
    peil: pd.Timestamp,
    woordtotaal: np.ndarray,
) -> pd.DataFrame:
    """Alle gebruikte kolommen gelezen en gecontroleerd; weigeringen en herstellingen in ``verslag``."""
    index = verslag.rij.index
    datums = lees_datums(kolom["datum"], peil.year)
    bedragen = lees_bedragen(kolom["bedrag"])
    zonder_nummer = tekst["ticket_id"].isna().to_numpy() if "ticket_id" in tekst else True
    weiger_somrijen(
        bedragen.waarden,
        tekst["datum"].isna().to_numpy() & zonder_nummer,
        woordtotaal,
        namen["bedrag"],
        verslag,
    )
    datum = verslag.lees(datums, namen["datum"], "datum")
    verslag.weiger(datum.isna(), namen["datum"], "datum ontbreekt")
    if "tijd" in kolom:
        tijd = lees_tijden(kolom["tijd"])
        zonder_uur = datum == datum.dt.normalize()
        datum = datum.where(~(zonder_uur & tijd.waarden.notna()), datum + tijd.waarden)
        verslag.herstel_als(bericht(tijd.fout.notna(), tijd.fout, " (genegeerd)"), namen["tijd"], "uur ")
    te_laat = datum.dt.normalize() > peil
    if te_laat.any():
        dag = datum.where(te_laat).dt.strftime("%d/%m/%Y")
        verslag.weiger(te_laat, namen["datum"], "datum ", dag, f" ligt na de peildatum {peil:%d/%m/%Y}")
    bedrag = verslag.lees(bedragen, namen["bedrag"], "bedrag")
    verslag.weiger(bedrag.isna(), namen["bedrag"], "bedrag ontbreekt")

    uit = pd.DataFrame({"rij": verslag.rij, "datum": datum, "bedrag": bedrag})
    leeg = pd.Series(pd.NA, index=index, dtype="string")
    uit["blad"] = leeg if verslag.blad is None else verslag.blad
    soort = tekst.get("soort", leeg)
    uit["retour"] = _bevat(soort, _RETOUR)
    if "aantal" in kolom:
        aantal = verslag.lees(lees_bedragen(kolom["aantal"]), namen["aantal"], "aantal")
        verslag.weiger(aantal.notna() & (aantal % 1 != 0), namen["aantal"], "aantal is geen geheel getal")
    positief = pd.Series(uit["retour"] & (bedrag > 0).to_numpy(), index=index)
    if positief.any():  # een retour die als positief bedrag geëxporteerd is
        omgekeerd = "bedrag " + bedrag.astype("string") + " → " + (-bedrag).astype("string")
        if "aantal" in kolom:
            met_aantal = positief & (aantal > 0).fillna(False)
            omgekeerd = omgekeerd.mask(
                met_aantal, omgekeerd + ", aantal " + (-aantal).astype("Int64").astype("string")
            )
            aantal = aantal.mask(met_aantal, -aantal)
        verslag.herstel_als(
            bericht(positief, "soort '", soort, "' bij een positief bedrag: als retour gelezen, ", omgekeerd),
            namen["soort"],
        )
        bedrag = bedrag.mask(positief, -bedrag)
        uit["bedrag"] = bedrag
    uit["korting"] = 0.0
    if "korting" in kolom:
        korting = verslag.lees(lees_bedragen(kolom["korting"]), namen["korting"], "korting")
        # een negatieve korting op een retour is een teruggedraaide korting; op een aankoop een tekenfout
        omgekeerd = ((korting < 0) & (bedrag > 0)).fillna(False).astype(bool)
        melding = bericht(omgekeerd, "'", tekst["korting"], "' als ", korting.abs(), " gelezen")
        verslag.herstel_als(melding, namen["korting"], "korting ")
        uit["korting"] = korting.where(~omgekeerd, korting.abs()).fillna(0.0)
    if "ticket_id" in kolom:
        uit["ticket_id"] = tekst["ticket_id"]
        verslag.weiger(uit["ticket_id"].isna(), namen["ticket_id"], "ticketnummer ontbreekt")
    elif verslag.blad is None:
        uit["ticket_id"] = "R" + verslag.rij.astype("string")
    else:
        uit["ticket_id"] = verslag.blad + ":R" + verslag.rij.astype("string")
    klant = tekst.get("klant_id", leeg)
    uit["klant_id"] = klant.mask(klant.str.lower().isin(ANONIEM))
    kanaal = tekst["kanaal"].str.lower() if "kanaal" in tekst else leeg
    web = kanaal.str.contains("web|online|internet|e-?shop", regex=True).fillna(False).astype(bool)
    uit["kanaal"] = _categorie(web, "webshop", "winkel")
    for doel in ("actie_id", "retour_van", "product_id", "betaalwijze"):
        uit[doel] = tekst.get(doel, leeg)
    uit["aantal"] = aantal.fillna(1.0) if "aantal" in kolom else 1.0
    if "eenheidsprijs" in kolom:
        prijs = lees_bedragen(kolom["eenheidsprijs"])
        uit["eenheidsprijs"] = verslag.lees(prijs, namen["eenheidsprijs"], "prijs")
    else:
        uit["eenheidsprijs"] = (uit["bedrag"] + uit["korting"]) / uit["aantal"].where(uit["aantal"] != 0)
    return uit


def _categorie(waar: np.ndarray, ja: str, nee: str) -> pd.Categorical:
    """``ja`` of ``nee`` per rij als categorie met enkel de gebruikte waarden (zoals ``astype("category")``,
    maar zonder een miljoen teksten te vergelijken)."""
    categorieen = sorted([ja, nee])
    codes = np.where(np.asarray(waar, dtype=bool), categorieen.index(ja), categorieen.index(nee))
    return pd.Categorical.from_codes(codes, categories=categorieen).remove_unused_categories()


def _tickets(goed: pd.DataFrame) -> pd.DataFrame:
    """Eén rij per ticket: bedragen en kortingen opgeteld, de rest van de eerste rij."""
    kolommen = [
        "ticket_id",
        "datum",
        "klant_id",
        "kanaal",
        "bedrag",
        "korting",
        "actie_id",
        "retour_van",
        "retour",
    ]
    if goed["ticket_id"].is_unique:
        tickets = goed[kolommen].reset_index(drop=True)
    else:
        regels = {
            k: "sum" if k in ("bedrag", "korting") else "max" if k == "retour" else "first"
            for k in kolommen[1:]
        }
        tickets = goed.groupby("ticket_id", sort=False).agg(regels).reset_index()
    tickets["soort"] = _categorie(
        (tickets["retour"] | (tickets["bedrag"] < 0)).to_numpy(), "retour", "aankoop"
    )
    # sommen afronden tegen ruis van kommagetallen (0.1 + 0.2); drie decimalen uit het bestand blijven
    tickets["bedrag"] = tickets["bedrag"].round(6)
    tickets["korting"] = tickets["korting"].round(6)
    return naar_types(tickets[list(TICKETS)], TICKETS)


def _ticketlijnen(goed: pd.DataFrame) -> pd.DataFrame:
    lijnen = goed.assign(
        lijn=goed.groupby("ticket_id", sort=False).cumcount() + 1,
        korting_soort=pd.NA,
        retour=False,
        retourdatum=pd.NaT,
    )
    return naar_types(lijnen[list(TICKETLIJNEN)].reset_index(drop=True), TICKETLIJNEN)


def _klanten(goed: pd.DataFrame, kolom: dict, peil: pd.Timestamp) -> pd.DataFrame:
    """Klantgegevens uit de export: één rij per klant (de eerste keer dat die voorkomt)."""
    velden = [v for v in KLANTVELDEN if v in kolom]
    rijen = goed.index[goed["klant_id"].notna().to_numpy()]
    gegevens = {v: als_tekst(kolom[v]).loc[rijen] for v in velden if v != "geboortedatum"}
    if "geboortedatum" in kolom:
        gegevens["geboortedatum"] = lees_datums(kolom["geboortedatum"], peil.year).waarden.loc[rijen]
    klanten = pd.DataFrame({"klant_id": goed.loc[rijen, "klant_id"], **gegevens}).drop_duplicates("klant_id")
    schema = {k: s for k, s in KLANTEN.items() if k in klanten.columns}
    return naar_types(klanten[list(schema)].reset_index(drop=True), schema)


def _meldingen(
    ruw: Ruw, namen: dict, genegeerd: list[str], procent: list[str], lijnen: bool, rapport: pd.DataFrame
) -> list[str]:
    meldingen = [f"Bestand '{ruw.naam}' gelezen als {ruw.bestandstype}, kopregel op rij {ruw.kopregel}."]
    meldingen += ruw.meldingen
    if ruw.codering:
        teken = {"\t": "tab"}.get(ruw.scheidingsteken, ruw.scheidingsteken)
        meldingen.append(f"Tekencodering {ruw.codering}, scheidingsteken '{teken}'.")
    meldingen.append("Kolommen: " + ", ".join(f"'{naam}' → {doel}" for doel, naam in namen.items()) + ".")
    if genegeerd:
        meldingen.append("Niet gebruikt: " + ", ".join(f"'{n}'" for n in genegeerd) + ".")
    for naam in procent:
        meldingen.append(
            f"De kolom '{naam}' bevat een percentage, geen bedrag in euro: niet gebruikt. Heeft je kassa "
            "een kolom met de korting in euro, dan wordt die wel gelezen."
        )
    if ruw.velden is not None:
        anders = int((ruw.velden != len(ruw.koppen)).sum())
        meldingen.append(
            f"{anders} rij(en) met een ander aantal velden dan de kopregel ({len(ruw.koppen)}): "
            "zie het rapport."
        )
    if "ticket_id" not in namen:
        meldingen.append("Geen ticketnummer in het bestand: elke rij is een ticket met nummer R<rijnummer>.")
    if "klant_id" not in namen:
        meldingen.append("Geen klantkolom in het bestand: alle tickets zijn anoniem.")
    if lijnen:
        meldingen.append(
            "Het bestand heeft ticketlijnen (artikels): rijen met hetzelfde ticketnummer vormen één ticket."
        )
    return meldingen

"""`lees_export`: de export van je eigen kassa inlezen, controleren en omzetten naar het datamodel.

Elke rij van het bestand komt in het rapport, met één van drie uitkomsten:

- ``behouden``: gelezen zoals ze er staat;
- ``hersteld``: gelezen na een herstelling die in ``reden`` staat (``bedrag '€ 1.234,56' → 1234.56``,
  ``datum '2025-01-03' gelezen als 3 januari 2025``, bedragen van een ticket samengeteld);
- ``geweigerd``: niet gebruikt, met de reden, het rijnummer zoals je het in je bestand ziet (titel-
  en kopregels meegeteld) en de kolom.

Regels voor dubbele tickets. Zonder productkolom is elke rij een ticket: een rij die identiek is
aan een eerdere rij wordt geweigerd (dubbel); een rij met hetzelfde ticketnummer, dezelfde datum en
klant maar een ander bedrag is een deel van hetzelfde ticket en wordt samengeteld (hersteld); een
rij met hetzelfde ticketnummer maar een andere datum of klant wordt geweigerd. Met een
productkolom (``artikel``, ``sku``, ...) of ``aantal`` is elke rij een ticketlijn: identieke lijnen
zijn dan gewoon twee keer hetzelfde artikel en blijven allebei behouden.

Een negatief bedrag is een retour (``soort="retour"``), net als een rij waarvan de kolom ``soort``
(``type``) "retour" of "return" zegt. Een datum na de ``peildatum`` (standaard vandaag), een lege
regel, een totaalrij (``Totaal``) en een herhaalde kopregel worden geweigerd. Een negatieve korting
op een aankoop wordt positief gelezen (hersteld); op een retour blijft ze negatief (teruggedraaid).
Lege lijnen onderaan het bestand tellen niet mee.

>>> bestand = "Bonnr;Datum;Klant;Totaal\\n1;03/01/2025;K1;€ 1.234,56\\n2;04/01/2025;;-12,50\\n".encode()
>>> imp = lees_export(bestand, peildatum="2025-12-31")
>>> imp.tickets[["ticket_id", "klant_id", "soort", "bedrag"]].to_dict("list")
{'ticket_id': ['1', '2'], 'klant_id': ['K1', nan], 'soort': ['aankoop', 'retour'], 'bedrag': [1234.56, -12.5]}
>>> imp.rapport[["rij", "status", "reden"]].values.tolist()
[[2, 'hersteld', "bedrag '€ 1.234,56' → 1234.56"], [3, 'behouden', '']]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout
from helpers.data import naar_types
from helpers.eigen_data.kolommen import KLANTVELDEN, VERPLICHT, koppel, normaliseer_naam, uitleg_ontbrekend
from helpers.eigen_data.lezen import Bron, Ruw, lees_ruw
from helpers.eigen_data.waarden import Gelezen, als_tekst, bericht, lees_bedragen, lees_datums, lees_tijden
from helpers.klantid import ANONIEM
from helpers.schema import KLANTEN, TICKETLIJNEN, TICKETS

UITKOMSTEN = ("behouden", "hersteld", "geweigerd")
_TOTAALRIJ = r"(?i)^(?:sub|grand |eind)?tota(?:a)?l\b.*|^som\b.*|^totalen\b.*"
_LIJNKOLOMMEN = ("product_id", "aantal", "eenheidsprijs")


@dataclass
class Import:
    """Het resultaat van `lees_export`: de tabellen zoals `laad_winkel` ze geeft, plus het rapport."""

    tickets: pd.DataFrame
    ticketlijnen: pd.DataFrame | None
    klanten: pd.DataFrame | None
    rapport: pd.DataFrame
    """één rij per gegevensrij van het bestand: rij, status, kolom, reden, ticket_id"""
    kolommen: dict[str, str]
    """doelkolom -> naam van de kolom in je bestand"""
    peildatum: pd.Timestamp
    bestand: str
    bestandstype: str
    codering: str | None = None
    scheidingsteken: str | None = None
    kopregel: int = 1
    meldingen: list[str] = field(default_factory=list)

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


class _Verslag:
    """Houdt per rij de eerste weigerreden en alle herstellingen bij (gevectoriseerd)."""

    def __init__(self, rijnummers: np.ndarray) -> None:
        self.rij = pd.Series(rijnummers, dtype="int64")
        leeg = pd.Series(pd.NA, index=self.rij.index, dtype="string")
        self.weigering, self.kolom, self.herstel, self.opmerking = leeg, leeg, leeg, leeg

    def open(self) -> pd.Series:
        return self.weigering.isna()

    def weiger(self, masker: pd.Series, kolom: str, *reden: pd.Series | str) -> None:
        """Weiger de rijen van ``masker`` (die nog niet geweigerd waren) met een reden."""
        nieuw = pd.Series(np.asarray(masker, dtype=bool), index=self.rij.index) & self.open()
        self.weigering = self.weigering.fillna(
            bericht(nieuw, "rij ", self.rij, f", kolom '{kolom}': ", *reden)
        )
        self.kolom = self.kolom.mask(nieuw, kolom)

    def herstel_als(self, herstel: pd.Series, kolom: str, *woord: pd.Series | str) -> None:
        """Noteer een herstelling (tekst per rij, leeg = geen) bij de rijen die niet geweigerd zijn."""
        nieuw = herstel.notna() & self.open()
        tekst = bericht(nieuw, *woord, " ", herstel)
        self.herstel = self.herstel.mask(nieuw & self.herstel.notna(), self.herstel + "; " + tekst)
        self.herstel = self.herstel.fillna(tekst)
        self.kolom = self.kolom.mask(nieuw & self.kolom.isna(), kolom)

    def lees(self, gelezen: Gelezen, kolom: str, woord: str) -> pd.Series:
        self.weiger(gelezen.fout.notna(), kolom, woord + " ", gelezen.fout)
        self.herstel_als(gelezen.herstel, kolom, woord)
        return gelezen.waarden

    def rapport(self, ticket_id: pd.Series) -> pd.DataFrame:
        keuzes = [self.weigering.notna().to_numpy(), self.herstel.notna().to_numpy()]
        status = np.select(keuzes, ["geweigerd", "hersteld"], "behouden")
        reden = self.weigering.fillna(self.herstel).fillna(self.opmerking).fillna("")
        return pd.DataFrame(
            {
                "rij": self.rij,
                "status": pd.Categorical(status, categories=UITKOMSTEN),
                "kolom": self.kolom.fillna("").astype(str),
                "reden": reden.astype(str),
                "ticket_id": ticket_id.astype(str).where(ticket_id.notna(), None).astype("str"),
            }
        )


def lees_export(
    pad_of_bestand: Bron,
    kolommen: Mapping[str, str | None] | None = None,
    peildatum: str | pd.Timestamp | None = None,
    blad: str | None = None,
) -> Import:
    """Lees de export van je kassa (CSV of Excel) en geef tickets, ticketlijnen, klanten en een rapport.

    ``pad_of_bestand`` is een pad, de inhoud als bytes of een binair geopend bestand (bv. uit een
    uploadknop). Kolomnamen worden herkend in het Nederlands, Engels en gangbare kassanamen (zie
    `helpers.eigen_data.kolommen.SYNONIEMEN`); geef anders zelf ``kolommen={"Bonnr": "ticket_id"}``
    (met ``None`` als doel laat je een herkende kolom weg, bv. ``{"Korting": None}``).
    Verplicht zijn een datum en een bedrag; zonder ticketnummer krijgt elke rij ``R<rijnummer>``,
    zonder klantkolom is elk ticket anoniem. ``peildatum`` (standaard vandaag): latere datums worden
    geweigerd. ``blad``: het werkblad van een Excel-bestand (standaard het eerste).

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
    namen = {doel: ruw.koppen[positie] for doel, positie in koppeling.doelen.items()}
    kolom = {doel: ruw.tabel.iloc[:, positie] for doel, positie in koppeling.doelen.items()}
    verslag = _Verslag(ruw.rijnummers)
    _weiger_lege_en_totaalrijen(ruw, kolom, koppeling.doelen, namen, verslag)

    waarden = _lees_waarden(ruw, kolom, namen, verslag, peil)
    lijnen = any(doel in kolom for doel in _LIJNKOLOMMEN)
    _dubbels(waarden, verslag, namen, lijnen)
    rapport = verslag.rapport(waarden["ticket_id"])
    assert len(rapport) == len(ruw.tabel)  # elke rij telt mee

    goed = waarden[verslag.open().to_numpy()]
    tickets = _tickets(goed)
    meldingen = _meldingen(ruw, namen, koppeling.genegeerd, lijnen)
    return Import(
        tickets=tickets,
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
        meldingen=meldingen,
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


def _weiger_lege_en_totaalrijen(
    ruw: Ruw, kolom: dict, posities: dict, namen: dict, verslag: _Verslag
) -> None:
    """Rijen die geen ticket zijn: leeg, een totaalrij, een herhaalde kopregel, een formule zonder waarde."""
    tekst = {doel: als_tekst(reeks) for doel, reeks in kolom.items()}
    gebruikt = pd.concat([t.isna() for t in tekst.values()], axis=1).all(axis=1)
    alles = gebruikt
    if len(ruw.koppen) > len(kolom):
        alles = ruw.tabel.apply(lambda k: als_tekst(k).isna()).all(axis=1)
    verslag.weiger(alles, namen["datum"], "lege regel")
    verslag.weiger(gebruikt & ~alles, namen["datum"], "geen gegevens in de gebruikte kolommen")
    eerste = als_tekst(ruw.tabel.iloc[:, 0])
    for doel, reeks in [("(eerste kolom)", eerste), *tekst.items()]:
        totaal = reeks.str.fullmatch(_TOTAALRIJ).fillna(False).astype(bool)
        verslag.weiger(totaal, namen.get(doel, ruw.koppen[0]), "totaalrij ('", reeks, "'), geen ticket")
    herhaald = (tekst["datum"] == namen["datum"]).fillna(False) & (tekst["bedrag"] == namen["bedrag"]).fillna(
        False
    )
    verslag.weiger(herhaald, namen["datum"], "herhaalde kopregel, geen ticket")
    if ruw.formule_zonder_waarde is not None:
        for doel, positie in sorted(posities.items()):
            verslag.weiger(
                ruw.formule_zonder_waarde.iloc[:, positie],
                namen[doel],
                "formule zonder berekende waarde (open het bestand in Excel en bewaar het opnieuw)",
            )


def _lees_waarden(ruw: Ruw, kolom: dict, namen: dict, verslag: _Verslag, peil: pd.Timestamp) -> pd.DataFrame:
    """Alle gebruikte kolommen gelezen en gecontroleerd; weigeringen en herstellingen in ``verslag``."""
    index = verslag.rij.index
    datum = verslag.lees(lees_datums(kolom["datum"], peil.year), namen["datum"], "datum")
    verslag.weiger(datum.isna(), namen["datum"], "datum ontbreekt")
    if "tijd" in kolom:
        tijd = lees_tijden(kolom["tijd"])
        zonder_uur = datum == datum.dt.normalize()
        datum = datum.where(~(zonder_uur & tijd.waarden.notna()), datum + tijd.waarden)
        verslag.herstel_als(bericht(tijd.fout.notna(), tijd.fout, " (genegeerd)"), namen["tijd"], "uur")
    te_laat = datum.dt.normalize() > peil
    if te_laat.any():
        dag = datum.where(te_laat).dt.strftime("%d/%m/%Y")
        verslag.weiger(te_laat, namen["datum"], "datum ", dag, f" ligt na de peildatum {peil:%d/%m/%Y}")
    bedrag = verslag.lees(lees_bedragen(kolom["bedrag"]), namen["bedrag"], "bedrag")
    verslag.weiger(bedrag.isna(), namen["bedrag"], "bedrag ontbreekt")

    uit = pd.DataFrame({"rij": verslag.rij, "datum": datum, "bedrag": bedrag})
    uit["korting"] = 0.0
    if "korting" in kolom:
        korting = verslag.lees(lees_bedragen(kolom["korting"]), namen["korting"], "korting")
        # een negatieve korting op een retour is een teruggedraaide korting; op een aankoop een tekenfout
        omgekeerd = ((korting < 0) & (bedrag > 0)).fillna(False).astype(bool)
        tekst = bericht(omgekeerd, "'", als_tekst(kolom["korting"]), "' als ", korting.abs(), " gelezen")
        verslag.herstel_als(tekst, namen["korting"], "korting")
        uit["korting"] = korting.where(~omgekeerd, korting.abs()).fillna(0.0)
    if "ticket_id" in kolom:
        uit["ticket_id"] = als_tekst(kolom["ticket_id"])
        verslag.weiger(uit["ticket_id"].isna(), namen["ticket_id"], "ticketnummer ontbreekt")
    else:
        uit["ticket_id"] = "R" + verslag.rij.astype("string")
    leeg = pd.Series(pd.NA, index=index, dtype="string")
    klant = als_tekst(kolom["klant_id"]) if "klant_id" in kolom else leeg
    uit["klant_id"] = klant.mask(klant.str.lower().isin(ANONIEM))
    kanaal = als_tekst(kolom["kanaal"]).str.lower() if "kanaal" in kolom else leeg
    web = kanaal.str.contains("web|online|internet|e-?shop", regex=True).fillna(False).astype(bool)
    uit["kanaal"] = np.where(web, "webshop", "winkel")
    soort = als_tekst(kolom["soort"]).str.lower() if "soort" in kolom else leeg
    uit["retour"] = soort.str.contains("retour|return|terug", regex=True).fillna(False).astype(bool)
    for doel in ("actie_id", "retour_van", "product_id"):
        uit[doel] = als_tekst(kolom[doel]) if doel in kolom else leeg
    if "aantal" in kolom:
        aantal = verslag.lees(lees_bedragen(kolom["aantal"]), namen["aantal"], "aantal")
        verslag.weiger(aantal.notna() & (aantal % 1 != 0), namen["aantal"], "aantal is geen geheel getal")
        uit["aantal"] = aantal.fillna(1.0)
    else:
        uit["aantal"] = 1.0
    if "eenheidsprijs" in kolom:
        prijs = lees_bedragen(kolom["eenheidsprijs"])
        uit["eenheidsprijs"] = verslag.lees(prijs, namen["eenheidsprijs"], "prijs")
    else:
        uit["eenheidsprijs"] = (uit["bedrag"] + uit["korting"]) / uit["aantal"].where(uit["aantal"] != 0)
    return uit


_INHOUD = ["ticket_id", "datum", "klant_id", "bedrag", "korting", "kanaal", "retour", "actie_id",
           "retour_van", "product_id", "aantal", "eenheidsprijs"]  # fmt: skip


def _dubbels(waarden: pd.DataFrame, verslag: _Verslag, namen: dict, lijnen: bool) -> None:
    """Dubbele rijen en tickets (zie de regels bovenaan de module)."""
    kolom = namen.get("ticket_id", namen["datum"])
    nummers = waarden.loc[verslag.open().to_numpy(), "ticket_id"]
    herhaald = nummers.index[nummers.duplicated(keep=False).to_numpy()]  # enkel deze rijen kunnen dubbel zijn
    if len(herhaald) == 0:
        return
    kandidaten = waarden.loc[herhaald]
    eerste_rij = kandidaten.groupby(_INHOUD, dropna=False, sort=False)["rij"].transform("first")
    identiek = (eerste_rij != kandidaten["rij"]).reindex(waarden.index, fill_value=False)
    eerste_tekst = eerste_rij.reindex(waarden.index).astype("Int64")
    if lijnen:
        verslag.opmerking = bericht(
            identiek, "identiek aan rij ", eerste_tekst, ": als een tweede, gelijke lijn geteld"
        )
    else:
        verslag.weiger(identiek, kolom, "dubbele rij, identiek aan rij ", eerste_tekst)

    kandidaten = kandidaten[verslag.open()[herhaald].to_numpy()]
    per_ticket = kandidaten.groupby("ticket_id", sort=False)
    eerste = per_ticket[["rij", "datum", "klant_id"]].transform("first")
    zelfde_klant = (kandidaten["klant_id"] == eerste["klant_id"]).fillna(False) | (
        kandidaten["klant_id"].isna() & eerste["klant_id"].isna()
    )
    conflict = (kandidaten["datum"] != eerste["datum"]) | ~zelfde_klant
    conflict = conflict.reindex(waarden.index, fill_value=False)
    eerste_tekst = eerste["rij"].reindex(waarden.index).astype("Int64")
    ticket = waarden["ticket_id"]
    verslag.weiger(
        conflict, kolom, "ticket '", ticket, "' staat al op rij ", eerste_tekst, " met andere datum of klant"
    )
    if not lijnen:
        vervolg = (eerste["rij"] != kandidaten["rij"]).reindex(waarden.index, fill_value=False)
        vervolg &= verslag.open()
        tekst = bericht(vervolg, "staat ook op rij ", eerste_tekst, ": bedragen samengeteld tot één ticket")
        verslag.herstel_als(tekst, kolom, "ticket '", ticket, "'")


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
    tickets["soort"] = np.where(tickets["retour"] | (tickets["bedrag"] < 0), "retour", "aankoop")
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


def _meldingen(ruw: Ruw, namen: dict, genegeerd: list[str], lijnen: bool) -> list[str]:
    meldingen = [f"Bestand '{ruw.naam}' gelezen als {ruw.bestandstype}, kopregel op rij {ruw.kopregel}."]
    if ruw.codering:
        teken = {"\t": "tab"}.get(ruw.scheidingsteken, ruw.scheidingsteken)
        meldingen.append(f"Tekencodering {ruw.codering}, scheidingsteken '{teken}'.")
    meldingen.append("Kolommen: " + ", ".join(f"'{naam}' → {doel}" for doel, naam in namen.items()) + ".")
    if genegeerd:
        meldingen.append("Niet gebruikt: " + ", ".join(f"'{n}'" for n in genegeerd) + ".")
    if "ticket_id" not in namen:
        meldingen.append("Geen ticketnummer in het bestand: elke rij is een ticket met nummer R<rijnummer>.")
    if "klant_id" not in namen:
        meldingen.append("Geen klantkolom in het bestand: alle tickets zijn anoniem.")
    if lijnen:
        meldingen.append(
            "Het bestand heeft ticketlijnen (artikels): rijen met hetzelfde ticketnummer vormen één ticket."
        )
    return meldingen

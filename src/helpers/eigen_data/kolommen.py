"""Kolomnamen van een kassa-export herkennen: Nederlands, Engels en gangbare kassanamen.

Een naam wordt vergeleken zonder hoofdletters, accenten, spaties en leestekens: ``Klant nr.``,
``klantnr`` en ``KLANT_NR`` zijn dezelfde naam.

>>> normaliseer_naam(" Bedrag (€) incl. BTW ")
'bedraginclbtw'
>>> koppel(["Bonnr", "Datum", "Totaal", "Opmerking"]).doelen
{'ticket_id': 0, 'datum': 1, 'bedrag': 2}
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from helpers.controle import InvoerFout

SYNONIEMEN: dict[str, tuple[str, ...]] = {
    "ticket_id": (
        "ticket_id", "ticketnummer", "ticketnr", "ticket", "bonnummer", "bonnr", "bon", "kassabon",
        "kassaticket", "ticketid", "receipt", "receiptnumber", "receiptno", "receiptid", "transactie",
        "transactienummer", "transactienr", "transactieid", "transaction", "transactionid", "factuurnummer",
        "factuurnr", "invoice", "invoicenumber", "ordernummer", "order", "orderid", "verkoopnummer",
    ),
    "datum": (
        "datum", "date", "tijdstip", "verkoopdatum", "datumtijd", "datumentijd", "datetime", "timestamp",
        "transactiedatum", "ticketdatum", "bondatum", "aankoopdatum", "orderdatum", "factuurdatum",
        "saledate", "transactiondate", "orderdate", "createdat", "aangemaaktop", "besteldatum",
    ),
    "tijd": ("tijd", "uur", "time", "tijdvanaankoop", "verkooptijd"),
    "klant_id": (
        "klant_id", "klantnummer", "klantnr", "klant", "klantid", "klantcode", "customer", "customerid",
        "customernumber", "customerno", "kaartnummer", "klantenkaart", "klantenkaartnummer", "kaartnr",
        "loyaltycard", "lidnummer", "clientnummer", "client", "clientid",
    ),
    "bedrag": (
        "bedrag", "totaal", "total", "amount", "omzet", "prijsincl", "totaalincl", "totaalinclbtw",
        "bedragincl", "bedraginclbtw", "bedragincl.btw", "totaalbedrag", "ticketbedrag", "nettobedrag",
        "betaald", "teontvangen", "verkoopbedrag", "totalamount", "totalincl", "netamount",
        "revenue", "sales", "lijntotaal", "lijnbedrag", "linetotal",
    ),
    "korting": ("korting", "discount", "kortingbedrag", "totaalkorting", "reductie", "korting€"),
    "kanaal": ("kanaal", "channel", "verkoopkanaal", "winkelofweb", "saleschannel"),
    "soort": ("soort", "type", "tickettype", "transactietype", "soorttransactie", "transactiontype"),
    "betaalwijze": (
        "betaalwijze", "betaalmethode", "betaalmiddel", "betaling", "betaaltype", "betaalvorm", "payment",
        "paymentmethod", "paymenttype", "tender", "tendertype",
    ),
    "product_id": (
        "product_id", "artikel", "artikelnummer", "artikelnr", "artikelcode", "sku", "product", "productid",
        "productcode", "ean", "barcode", "itemid", "referentie",
    ),
    "aantal": ("aantal", "qty", "quantity", "stuks", "hoeveelheid", "aant"),
    "eenheidsprijs": (
        "eenheidsprijs", "prijs", "stukprijs", "unitprice", "price", "verkoopprijs", "prijsperstuk",
    ),
    "actie_id": (
        "actie_id", "actie", "actiecode", "campagne", "promotie", "promocode", "vouchercode", "coupon",
    ),
    "retour_van": ("retour_van", "retourvan", "origineelticket", "oorspronkelijkticket", "originalreceipt"),
    "voornaam": ("voornaam", "firstname", "givenname"),
    "achternaam": ("achternaam", "familienaam", "naam", "lastname", "surname", "name"),
    "email": ("email", "emailadres", "mail", "eadres"),
    "telefoon": ("telefoon", "telefoonnummer", "gsm", "tel", "phone", "mobiel", "gsmnummer"),
    "straat": ("straat", "adres", "straatennummer", "address", "street"),
    "postcode": ("postcode", "zip", "zipcode", "postalcode"),
    "gemeente": ("gemeente", "woonplaats", "stad", "city", "plaats"),
    "geslacht": ("geslacht", "gender", "sex"),
    "geboortedatum": ("geboortedatum", "birthdate", "dateofbirth", "geboortedag", "verjaardag"),
}  # fmt: skip
"""Per doelkolom de herkende namen (genormaliseerd), de meest gebruikelijke eerst."""

BEDRAGEN = ("bedrag", "korting", "eenheidsprijs")
"""Doelkolommen met bedragen in euro: een kolom met een percentage (``Korting %``) hoort daar niet bij."""
_PROCENT = re.compile(r"%|procent|percent|pct")

VERPLICHT = ("datum", "bedrag")
"""Zonder deze kolommen kan er geen ticket gelezen worden."""

KLANTVELDEN = ("voornaam", "achternaam", "email", "telefoon", "straat", "postcode", "gemeente", "geslacht",
               "geboortedatum")  # fmt: skip


def normaliseer_naam(naam: object) -> str:
    """Kleine letters en cijfers, zonder accenten, spaties, ``_`` en leestekens."""
    tekst = unicodedata.normalize("NFKD", str(naam)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", tekst.lower())


_HERKEND: dict[str, tuple[str, int]] = {}
"""genormaliseerde naam -> (doelkolom, rang in SYNONIEMEN: lager gaat voor)"""
for _doel, _namen in SYNONIEMEN.items():
    for _rang, _naam in enumerate(_namen):
        _HERKEND.setdefault(normaliseer_naam(_naam), (_doel, _rang))


@dataclass
class Koppeling:
    """Welke kolom van het bestand (positie) bij welke doelkolom hoort."""

    doelen: dict[str, int] = field(default_factory=dict)
    """doelkolom -> positie van de kolom in het bestand"""
    genegeerd: list[str] = field(default_factory=list)
    """namen van kolommen die niet gebruikt worden (onbekend of dubbel)"""
    procent: list[str] = field(default_factory=list)
    """namen van kolommen die een bedrag zouden zijn, maar een percentage bevatten (``Korting %``)"""


def controleer_mapping(kolommen: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """Controleer een expliciete koppeling ``{"naam in je bestand": "doelkolom"}`` (``None``: negeer)."""
    if kolommen is None:
        return {}
    if not isinstance(kolommen, Mapping):
        raise InvoerFout('Geef kolommen als woordenboek, bv. kolommen={"Bonnr": "ticket_id"}.')
    onbekend = [doel for doel in kolommen.values() if doel is not None and doel not in SYNONIEMEN]
    if onbekend:
        toegestaan = ", ".join(f"'{d}'" for d in SYNONIEMEN)
        raise InvoerFout(f"Onbekende doelkolom {onbekend[0]!r} in kolommen=. Kies uit: {toegestaan}.")
    return dict(kolommen)


def koppel(koppen: Sequence[object], expliciet: Mapping[str, str | None] | None = None) -> Koppeling:
    """Koppel de kolomkoppen van een bestand aan doelkolommen.

    Een expliciete koppeling gaat voor (exacte naam, anders genormaliseerd); ``None`` als doel laat
    een kolom weg die anders herkend zou worden. Staan twee kolommen voor
    hetzelfde doel in het bestand, dan telt de eerste herkende naam uit `SYNONIEMEN` (``Bedrag`` gaat
    voor ``Totaal``) en wordt de andere genegeerd. Een kolom met een percentage (``%``, ``procent``,
    ``pct`` in de naam) wordt nooit als bedrag in euro herkend (`BEDRAGEN`).

    >>> k = koppel(["Bon", "Date", "Total", "Bedrag", "Korting %"], {"Bon": "ticket_id"})
    >>> k.doelen, k.genegeerd, k.procent
    ({'ticket_id': 0, 'datum': 1, 'bedrag': 3}, ['Korting %', 'Total'], ['Korting %'])
    """
    expliciet = controleer_mapping(expliciet)
    genormaliseerd_expliciet = {normaliseer_naam(k): v for k, v in expliciet.items()}
    doelen: dict[str, int] = {}
    kandidaten: dict[str, list[tuple[int, int]]] = {}
    genegeerd, procent = [], []
    for positie, kop in enumerate(koppen):
        naam = "" if kop is None else str(kop).strip()
        sleutel = normaliseer_naam(naam)
        if naam in expliciet or sleutel in genormaliseerd_expliciet:
            doel = expliciet[naam] if naam in expliciet else genormaliseerd_expliciet[sleutel]
            if doel is None:
                genegeerd.append(naam)
            else:
                doelen[doel] = positie
            continue
        doel, rang = _HERKEND.get(sleutel, (None, 0))
        if doel in BEDRAGEN and _PROCENT.search(naam.lower()):
            procent.append(naam)
            doel = None
        if doel is None or doel in expliciet.values():
            if naam:
                genegeerd.append(naam)
            continue
        kandidaten.setdefault(doel, []).append((rang, positie))
    for doel, lijst in kandidaten.items():
        if doel in doelen:
            continue
        lijst.sort()
        doelen[doel] = lijst[0][1]
        genegeerd += [str(koppen[p]).strip() for _, p in lijst[1:]]
    volgorde = {p: i for i, p in enumerate(sorted(doelen.values()))}
    return Koppeling(dict(sorted(doelen.items(), key=lambda d: volgorde[d[1]])), genegeerd, procent)


def uitleg_ontbrekend(ontbrekend: Sequence[str], koppen: Sequence[object]) -> str:
    """Een Nederlandse uitleg welke kolommen ontbreken en welke namen herkend worden."""
    delen = []
    for doel in ontbrekend:
        voorbeelden = ", ".join(f"'{n}'" for n in SYNONIEMEN[doel][:8])
        delen.append(f"'{doel}' (herkende namen: {voorbeelden}, ...)")
    gevonden = ", ".join(f"'{k}'" for k in koppen if k not in (None, "")) or "(geen)"
    woord = "de verplichte kolom" if len(ontbrekend) == 1 else "de verplichte kolommen"
    return (
        f"Het bestand mist {woord} {'; '.join(delen)}. Gevonden kolommen: {gevonden}. "
        f'Geef de koppeling zelf mee, bv. lees_export(pad, kolommen={{"Mijn kolom": "{ontbrekend[0]}"}}).'
    )

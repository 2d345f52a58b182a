"""Het datamodel van een KlantLab-winkel: welke tabellen, welke kolommen, welk type.

Dit is het contract tussen de generator (`helpers.genereer`), de lader (`helpers.data`), de
inleesmodule voor eigen data (`helpers.eigen_data`) en de analyses. Elke tabel is een dict
``kolomnaam -> soort``; de soorten zijn:

- ``"id"``: tekst-sleutel (bv. ``"K000123"``), leeg waar niet van toepassing
- ``"tekst"``: vrije tekst
- ``"categorie"``: een beperkte lijst waarden (pandas ``category``)
- ``"datum"``: tijdstip (``datetime64``); leeg = ``NaT``
- ``"geheel"``: geheel getal dat leeg mag zijn (pandas ``Int64``)
- ``"getal"``: kommagetal (``float64``), bedragen in euro
- ``"waar"``: waar/onwaar (``bool``)

>>> from helpers.schema import TABELLEN
>>> list(TABELLEN["tickets"])[:3]
['ticket_id', 'datum', 'klant_id']
"""

from __future__ import annotations

Soort = str

KLANTEN: dict[str, Soort] = {
    "klant_id": "id",
    "voornaam": "tekst",
    "achternaam": "tekst",
    "geslacht": "categorie",  # v, m, x
    "geboortedatum": "datum",
    "email": "tekst",
    "telefoon": "tekst",
    "straat": "tekst",
    "postcode": "id",
    "gemeente": "categorie",
    "provincie": "categorie",
    "afstand_km": "getal",  # hemelsbreed, woonplaats tot winkel
    "huishouden": "categorie",  # alleen, koppel, gezin
    "aantal_kinderen": "geheel",
    "relatie": "categorie",  # klant, prospect (nooit gekocht)
    "inschrijfdatum": "datum",
    "bron": "categorie",  # winkel, webshop, wedstrijd, nieuwsbrief, club, ...
    "klantenkaart": "waar",
    "kaartnummer": "id",
    "toestemming_marketing": "waar",
    "toestemming_datum": "datum",
    "voorkeurkanaal": "categorie",  # e-mail, sms, post, geen
    "kledingmaat": "categorie",
    "schoenmaat": "geheel",
    "sportclub": "tekst",
}

PRODUCTEN: dict[str, Soort] = {
    "product_id": "id",
    "naam": "tekst",
    "productlijn": "categorie",
    "categorie": "categorie",
    "merk": "categorie",
    "seizoen": "categorie",  # lente-zomer, herfst-winter, doorlopend
    "doelgroep": "categorie",  # dames, heren, kinderen, unisex
    "catalogusprijs": "getal",  # verkoopprijs incl. btw, euro
    "aankoopprijs": "getal",  # inkoopprijs per stuk, euro
    "sperperiode": "waar",  # valt onder het verbod op prijsverminderingen (kleding, schoenen, leder)
}

TICKETS: dict[str, Soort] = {
    "ticket_id": "id",
    "datum": "datum",
    "klant_id": "id",  # leeg = anonieme aankoop (zonder klantenkaart)
    "kanaal": "categorie",  # winkel, webshop
    "soort": "categorie",  # aankoop, retour
    "bedrag": "getal",  # netto betaald, na korting; negatief bij een retour
    "korting": "getal",  # totale korting op het ticket, euro (>= 0; bij retour 0 of teruggedraaid)
    "actie_id": "id",  # actie waarvan een bon werd ingewisseld
    "retour_van": "id",  # bij een retourticket: het oorspronkelijke ticket
}

TICKETLIJNEN: dict[str, Soort] = {
    "ticket_id": "id",
    "lijn": "geheel",
    "product_id": "id",
    "aantal": "geheel",  # negatief op een retourticket
    "eenheidsprijs": "getal",
    "korting": "getal",
    "korting_soort": "categorie",  # solden, actie, klantenkaart, groep, leeg
    "bedrag": "getal",  # aantal * eenheidsprijs - korting
    "retour": "waar",  # deze lijn werd later teruggebracht
    "retourdatum": "datum",
}

CONTACTEN: dict[str, Soort] = {
    "contact_id": "id",
    "klant_id": "id",
    "datum": "datum",
    "type": "categorie",  # advies, vraag, retouche, klacht
    "categorie": "categorie",  # onderwerp: maat, kwaliteit, levering, service, prijs, ...
    "kanaal": "categorie",  # winkel, telefoon, e-mail
    "minuten": "getal",  # personeelstijd
    "oplostijd_dagen": "geheel",  # enkel klachten
    "uitkomst": "categorie",  # enkel klachten: goed opgelost, deels opgelost, niet opgelost
}

ACTIES: dict[str, Soort] = {
    "actie_id": "id",
    "naam": "tekst",
    "soort": "categorie",  # geldvoordeel, productpromotie, wedstrijd, vip-preview, verjaardag, winback
    "kanaal": "categorie",  # e-mail, sms, post
    "startdatum": "datum",
    "einddatum": "datum",
    "doelgroep": "tekst",
    "kost_per_contact": "getal",
    "vaste_kost": "getal",
    "korting_pct": "getal",
}

ACTIECONTACTEN: dict[str, Soort] = {
    "actie_id": "id",
    "klant_id": "id",
    "groep": "categorie",  # doelgroep, controle (kreeg niets, ter vergelijking)
    "verzonden": "waar",
    "geopend": "waar",
    "ingewisseld": "waar",
    "uitgeschreven": "waar",
}

ENQUETE: dict[str, Soort] = {
    "respons_id": "id",
    "klant_id": "id",
    "uitnodiging_datum": "datum",
    "beantwoord": "waar",
    "antwoord_datum": "datum",
    "tevredenheid": "geheel",  # 1-5
    "aanbeveling": "geheel",  # 0-10
    "prijs": "geheel",  # 1-5
    "kwaliteit": "geheel",
    "service": "geheel",
    "advies": "geheel",
    "assortiment": "geheel",
    "sfeer": "geheel",
    "concurrent": "categorie",  # de andere winkel waar de klant het vaakst koopt
    "concurrent_prijs": "geheel",  # 1-5, dezelfde vragen over die concurrent
    "concurrent_kwaliteit": "geheel",
    "concurrent_service": "geheel",
    "concurrent_advies": "geheel",
    "concurrent_assortiment": "geheel",
    "concurrent_sfeer": "geheel",
    "vergelijking": "categorie",  # beter, even goed, slechter dan de concurrent
    "open_antwoord": "tekst",
}

OFFERTES: dict[str, Soort] = {
    "offerte_id": "id",
    "organisatie": "tekst",
    "type_organisatie": "categorie",  # club, school, gemeente, bedrijf
    "gemeente": "categorie",
    "klant_id": "id",  # contactpersoon, als die in het klantenbestand zit
    "fase": "categorie",  # suspect, prospect, offerte, bestelling, verloren
    "datum_eerste_contact": "datum",
    "datum_offerte": "datum",
    "datum_beslissing": "datum",
    "aantal_stuks": "geheel",
    "waarde": "getal",
}

TABELLEN: dict[str, dict[str, Soort]] = {
    "klanten": KLANTEN,
    "producten": PRODUCTEN,
    "tickets": TICKETS,
    "ticketlijnen": TICKETLIJNEN,
    "contacten": CONTACTEN,
    "acties": ACTIES,
    "actiecontacten": ACTIECONTACTEN,
    "enquete": ENQUETE,
    "offertes": OFFERTES,
}

PROFIELEN: tuple[str, ...] = ("kledingzaak", "schoenenzaak", "sportzaak")

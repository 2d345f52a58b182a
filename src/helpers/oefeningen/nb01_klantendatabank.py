"""Oefeningen van notebook 01 De klantendatabank: wat staat erin, hoe goed is het, wie mag je mailen.

>>> from helpers.oefeningen import controleer
>>> controleer("01_privacy", "C").status
'juist'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from helpers.acties import doellijst
from helpers.kwaliteit import kwaliteitsrapport, volledigheid
from helpers.oefeningen.kern import Fout, Oefening, als_procent, registreer
from helpers.opmaak import getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel


def aandeel_prospects(winkel: Winkel) -> float:
    """Aandeel prospects (nog nooit gekocht) in het klantenbestand."""
    return float((winkel.klanten["relatie"] == "prospect").mean())


def aandeel_met_telefoon(winkel: Winkel) -> float:
    """Aandeel personen met een ingevuld telefoonnummer (`helpers.kwaliteit.volledigheid`)."""
    return float(volledigheid(winkel.klanten).loc["telefoon", "aandeel_ingevuld"])


def aandeel_toestemming(winkel: Winkel) -> float:
    """Aandeel personen dat toestemming gaf voor marketing."""
    return float(winkel.klanten["toestemming_marketing"].mean())


def emaillijst(winkel: Winkel, laat_rusten_na: int | None = 3) -> int:
    """Aantal personen op de e-maillijst volgens `helpers.acties.doellijst`."""
    uit = doellijst(
        winkel.klanten,
        kanaal="e-mail",
        actiecontacten=winkel.actiecontacten,
        acties=winkel.acties,
        laat_rusten_na=laat_rusten_na,
    )
    return len(uit.lijst)


def mogelijk_dubbel(winkel: Winkel) -> int:
    """Aantal personen dat mogelijk dubbel in het bestand staat (`helpers.kwaliteit`)."""
    return int(kwaliteitsrapport(winkel.klanten, winkel.peildatum).loc["mogelijke_dubbel", "aantal"])


def _keur_velden(antwoord: Any) -> str | None:
    if not isinstance(antwoord, list | tuple | set):
        return "geef een lijst tussen vierkante haken, bv. `['verjaardag', 'schoenmaat', 'sportclub']`."
    velden = {str(v).strip().lower() for v in antwoord if str(v).strip()}
    if len(velden) < 3:
        return f"je gaf {len(velden)} verschillend(e) gegeven(s); noem er minstens drie."
    return None


registreer(
    Oefening(
        naam="01_aandeel_prospects",
        vraag="Welk aandeel van het klantenbestand is een prospect (kocht nog nooit iets)?",
        oplossing=aandeel_prospects,
        fouten=(
            Fout(
                lambda w: int((w.klanten["relatie"] == "prospect").sum()),
                "je gaf het aantal prospects. Gevraagd is het aandeel: deel door het aantal personen, "
                "of neem meteen het gemiddelde van `relatie == 'prospect'`.",
            ),
            Fout(als_procent(aandeel_prospects), "je gaf een percentage. Geef een aandeel tussen 0 en 1."),
            Fout(
                lambda w: float((w.klanten["relatie"] == "klant").mean()),
                "je gaf het aandeel klanten die al kochten. Gevraagd is het omgekeerde: de prospects.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} van het bestand kocht nog nooit iets: een kans om ze over de streep te trekken."
        ),
        tip="Vergelijk de kolom `relatie` met `'prospect'` en neem het gemiddelde (`.mean()`).",
        abs_tol=0.0005,
    )
)

registreer(
    Oefening(
        naam="01_aandeel_telefoon",
        vraag="Bij welk aandeel van de personen is een telefoonnummer ingevuld?",
        oplossing=aandeel_met_telefoon,
        fouten=(
            Fout(
                lambda w: 1 - aandeel_met_telefoon(w),
                "je gaf het aandeel zonder telefoonnummer. Gevraagd is het aandeel mét.",
            ),
            Fout(
                lambda w: int(volledigheid(w.klanten).loc["telefoon", "ingevuld"]),
                "je gaf het aantal. Gevraagd is het aandeel (tussen 0 en 1).",
            ),
            Fout(als_procent(aandeel_met_telefoon), "je gaf een percentage. Geef een aandeel tussen 0 en 1."),
        ),
        uitleg=lambda v: f"Bij {procent(v)} van de personen staat een telefoonnummer.",
        tip="Kijk in de tabel van `volledigheid(winkel.klanten)` naar de rij `telefoon`.",
        abs_tol=0.0005,
    )
)

registreer(
    Oefening(
        naam="01_aandeel_toestemming",
        vraag="Welk aandeel van de personen gaf toestemming voor marketing?",
        oplossing=aandeel_toestemming,
        fouten=(
            Fout(
                lambda w: int(w.klanten["toestemming_marketing"].sum()),
                "je gaf het aantal personen met toestemming. Gevraagd is het aandeel: gebruik `.mean()`.",
            ),
            Fout(als_procent(aandeel_toestemming), "je gaf een percentage. Geef een aandeel tussen 0 en 1."),
        ),
        uitleg=lambda v: f"{procent(v)} van de personen gaf toestemming om reclame te krijgen.",
        tip="Kijk naar de kolom `toestemming_marketing`: een klantenkaart is nog geen toestemming om "
        "reclame te sturen. Het gemiddelde van een kolom met True/False is het aandeel True.",
        abs_tol=0.0005,
    )
)

registreer(
    Oefening(
        naam="01_emaillijst",
        vraag="Hoeveel personen komen op de e-maillijst (toestemming, kanaal, adres, niet uitgeschreven, "
        "niet drie acties op rij genegeerd)?",
        oplossing=emaillijst,
        fouten=(
            Fout(
                lambda w: int(
                    (w.klanten["toestemming_marketing"] & (w.klanten["voorkeurkanaal"] == "e-mail")).sum()
                ),
                "je hield rekening met toestemming en kanaal, maar niet met wie zich uitschreef of "
                "de laatste acties negeerde. Laat `doellijst` dat doen, met `actiecontacten` en "
                "`acties` erbij.",
            ),
            Fout(
                lambda w: emaillijst(w, laat_rusten_na=None),
                "je liet niemand rusten. Geef `laat_rusten_na=3` mee, zodat wie drie acties negeerde even "
                "niets krijgt.",
            ),
            Fout(
                lambda w: int(w.klanten["toestemming_marketing"].sum()),
                "niet iedereen met toestemming wil e-mail: sommigen verkiezen sms of post. "
                "Kies `kanaal='e-mail'`.",
            ),
        ),
        uitleg=lambda v: f"Je e-maillijst telt {getal(v)} personen.",
        tip="Gebruik `doellijst(winkel.klanten, kanaal='e-mail', actiecontacten=winkel.actiecontacten, "
        "acties=winkel.acties, laat_rusten_na=3)` en tel de rijen van `.lijst`.",
    )
)

registreer(
    Oefening(
        naam="01_dubbels",
        vraag="Hoeveel personen staan mogelijk dubbel in het klantenbestand?",
        oplossing=mogelijk_dubbel,
        fouten=(
            Fout(
                lambda w: len(w.klanten) - mogelijk_dubbel(w),
                "je telde wie níet dubbel staat. Gevraagd is het aantal personen dat mogelijk dubbel staat.",
            ),
        ),
        uitleg=lambda v: (
            f"{getal(v)} personen staan mogelijk dubbel in het bestand: voeg ze samen, anders "
            "krijgen ze elke mailing twee keer."
        ),
        tip="Kijk in `kwaliteitsrapport(...)` naar de rij `mogelijke_dubbel`, of tel de rijen van "
        "`mogelijke_dubbels(winkel.klanten)`. Tel personen, geen paren: een paar dubbels zijn twee personen.",
    )
)

registreer(
    Oefening(
        naam="01_privacy",
        vraag="Welk gegeven hoort niet in de klantendatabank van een schoenenzaak? A: schoenmaat, "
        "B: verjaardag, C: geloofsovertuiging, D: sportclub.",
        oplossing=lambda w: "C",
        fouten=(
            Fout(
                lambda w: "A",
                "de schoenmaat heb je net nodig om goed te adviseren. Zoek een gegeven dat "
                "je niet gebruikt en dat gevoelig is.",
            ),
            Fout(
                lambda w: "B",
                "met de verjaardag stuur je een attentie; dat is een gewoon gegeven als "
                "de klant het zelf geeft. Zoek een gevoelig gegeven dat je niet nodig hebt.",
            ),
            Fout(
                lambda w: "D",
                "de sportclub helpt voor acties op clubniveau. Zoek een gevoelig gegeven "
                "dat je niet nodig hebt.",
            ),
        ),
        uitleg=lambda v: (
            "Een geloofsovertuiging is een gevoelig gegeven dat een winkel niet nodig "
            "heeft. Verzamel alleen wat je echt gebruikt."
        ),
        tip="Antwoord met één letter tussen aanhalingstekens, bv. `'A'`.",
    )
)

registreer(
    Oefening(
        naam="01_eigen_velden",
        vraag="Welke drie (of meer) gegevens ga je in je eigen winkel bijhouden, die je nu nog niet hebt?",
        oplossing=lambda w: ["verjaardag", "maten", "voorkeurkanaal"],
        fouten=(Fout(lambda w: [], "je lijst is nog leeg."),),
        keur=_keur_velden,
        uitleg=lambda v: (
            "Mooi. Vraag bij elk gegeven: waarvoor ga ik het gebruiken? Zo blijf je bij wat nodig is."
        ),
    )
)

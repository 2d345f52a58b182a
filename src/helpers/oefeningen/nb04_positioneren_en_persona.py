"""Oefeningen van notebook 04 Positioneren en buyer persona: de kaart lezen en persona's gebruiken.

>>> from helpers.oefeningen import controleer
>>> controleer("04_eigen_persona", "").status
'bijna'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from helpers.enquete import per_segment
from helpers.oefeningen.kern import Fout, Oefening, registreer, verschil
from helpers.opmaak import getal
from helpers.persona import Segmentering, segmenteer
from helpers.positie import afstanden, perceptuele_kaart, positionering, voorsprong

if TYPE_CHECKING:
    from helpers.data import Winkel

_SEGMENTERINGEN: dict[int, tuple[Winkel, Segmentering]] = {}


def segmentering(winkel: Winkel) -> Segmentering:
    """De segmenten en persona's van het notebook (`helpers.persona.segmenteer`, standaard 4 segmenten).

    Eén keer berekend per winkel: elke controle van een opdracht hergebruikt ze.

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("kledingzaak")
    >>> segmentering(w) is segmentering(w)
    True
    """
    bewaard = _SEGMENTERINGEN.get(id(winkel))
    if bewaard is None or bewaard[0] is not winkel:
        tabellen = (winkel.tickets, winkel.ticketlijnen, winkel.producten, winkel.klanten)
        bewaard = (winkel, segmenteer(*tabellen, winkel.peildatum))
        _SEGMENTERINGEN[id(winkel)] = bewaard
    return bewaard[1]


def _voorsprong(winkel: Winkel) -> Any:
    return voorsprong(positionering(winkel.enquete))


registreer(
    Oefening(
        naam="04_grootste_voorsprong",
        vraag="Op welk item heeft de eigen winkel de grootste voorsprong op zijn béste concurrent?",
        oplossing=lambda w: str(_voorsprong(w).index[0]),
        fouten=(
            Fout(
                lambda w: str(_voorsprong(w)["voorsprong"].idxmin()),
                "dat is het item waarop je het verst achterstaat. Zoek de grootste voorsprong: "
                "de tabel van `voorsprong` staat al van groot naar klein.",
            ),
            Fout(
                lambda w: str(_voorsprong(w)["beste_concurrent"].iloc[0]),
                "dat is de naam van de beste concurrent op dat punt. Gevraagd is het punt (item) zelf: "
                "de naam in de index van de tabel.",
            ),
        ),
        uitleg=lambda v: f"Op {v!r} doet geen enkele concurrent het beter: daar ligt je troef.",
        tip="Maak de tabel met `voorsprong(positionering(winkel.enquete))` en neem de eerste naam uit "
        "de index (`.index[0]`).",
    )
)


def _afstanden(winkel: Winkel) -> Any:
    return afstanden(perceptuele_kaart(winkel.enquete))


registreer(
    Oefening(
        naam="04_dichtste_concurrent",
        vraag="Welke concurrent ligt op de samenvattende kaart het dichtst bij de eigen winkel?",
        oplossing=lambda w: str(_afstanden(w).index[0]),
        fouten=(
            Fout(
                lambda w: str(_afstanden(w).index[-1]),
                "dat is de concurrent die het verst weg ligt. `afstanden` zet de dichtste bovenaan.",
            ),
        ),
        uitleg=lambda v: f"Klanten zien {v} het meest zoals jouw winkel: daar is de strijd het scherpst.",
        tip="`afstanden(perceptuele_kaart(winkel.enquete))` geeft de afstanden, dichtste eerst; "
        "neem de eerste naam uit de index.",
    )
)


def _per_segment(winkel: Winkel) -> Any:
    return per_segment(winkel.enquete, segmentering(winkel).labels)


registreer(
    Oefening(
        naam="04_tevredenheid_per_segment",
        vraag="Wat is de gemiddelde tevredenheid (1-5) van de respondenten van elk segment? Geef een reeks.",
        oplossing=lambda w: _per_segment(w)["gemiddelde_tevredenheid"],
        fouten=(
            Fout(
                lambda w: _per_segment(w)["csat"],
                "je gaf het aandeel tevreden klanten (score 4 of 5). Gevraagd is de gemiddelde score: "
                "de kolom `gemiddelde_tevredenheid`.",
            ),
            Fout(
                lambda w: _per_segment(w)["nps"],
                "dat is de NPS (aanbeveling), niet de tevredenheid. Neem de kolom `gemiddelde_tevredenheid`.",
            ),
        ),
        uitleg=lambda v: (
            "Gemiddelde tevredenheid per segment: "
            + ", ".join(f"segment {s}: {getal(x, 2)}" for s, x in v.items())
            + "."
        ),
        tip="`per_segment(winkel.enquete, segmenten.labels)` geeft een tabel per segment; kies de kolom "
        "`gemiddelde_tevredenheid`.",
    )
)

registreer(
    Oefening(
        naam="04_kanaal_persona",
        vraag="Wat is het favoriete kanaal op de persona-kaart van segment 2?",
        oplossing=lambda w: segmentering(w).personas[2].favoriet_kanaal,
        fouten=(
            Fout(
                lambda w: segmentering(w).personas[2].favoriet_kanaal.split(";")[0],
                "je gaf alleen waar die persona koopt. Het favoriete kanaal op de kaart zegt ook hoe je "
                "die klant berichten stuurt: geef de hele tekst van `favoriet_kanaal`.",
            ),
        ),
        uitleg=lambda v: f"Favoriet kanaal: {v}. Daar stem je de boodschap en het moment op af.",
        tip="Een persona-kaart heeft een eigenschap `favoriet_kanaal`: "
        "`segmenten.personas[2].favoriet_kanaal`.",
    )
)

VOORBEELD_PERSONA = (
    "Marleen, 44, mama van twee voetballers: 'Ik wil in één keer goed geholpen worden, "
    "ook als het druk is op zaterdag.'"
)


def _keur_persona(antwoord: Any) -> str | None:
    if not isinstance(antwoord, str):
        return verschil(antwoord, "tekst")
    tekst = antwoord.strip()
    if tekst == VOORBEELD_PERSONA:
        return "Dat is het voorbeeld. Schrijf je eigen klant: wie komt er het vaakst binnen, en waarom?"
    if len(tekst.split()) < 4:
        return "Schrijf een hele zin (minstens vier woorden): wie is je klant en wat zegt die?"
    return None


registreer(
    Oefening(
        naam="04_eigen_persona",
        vraag="Beschrijf je eigen ideale klant: voornaam, leeftijd en een typische uitspraak of motief.",
        oplossing=lambda w: "Jan, 58, loopt elke zondag: 'Ik kom voor advies, niet voor de laagste prijs.'",
        fouten=(
            Fout(
                lambda w: "",
                "je liet het antwoord leeg. Schrijf tussen de aanhalingstekens wie je ideale klant is "
                "en wat die zou zeggen.",
            ),
            Fout(
                lambda w: VOORBEELD_PERSONA,
                "dat is het voorbeeld. Schrijf je eigen klant: wie komt er het vaakst binnen, en waarom?",
            ),
        ),
        uitleg=lambda v: (
            "Mooi. Hang je persona op in het magazijn en vraag je bij elke actie af: "
            "zou deze klant dit willen?"
        ),
        keur=_keur_persona,
    )
)

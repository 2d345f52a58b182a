"""Oefeningen van notebook 04 Positioneren en buyer persona: je troef kiezen, je persona bereiken, je
belofte waarmaken, en dat alles voor je eigen winkel in je plan.

Let op bij het lezen van de enquête: het item ``prijs`` is *waar voor je geld* (tevredenheid over de
prijs), niet hoe duur een winkel is.

>>> from helpers.oefeningen import controleer
>>> controleer("04_eigen_persona", "").status
'fout'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.acties import doellijst
from helpers.enquete import ITEMS, per_segment
from helpers.oefeningen.kern import (
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    per_winkel,
    registreer,
)
from helpers.opmaak import euro, getal, procent
from helpers.persona import DRIJFVEREN, GEWOON_CITAAT, Segmentering, segmenteer
from helpers.positie import positionering, positionering_per_segment, voorsprong

if TYPE_CHECKING:
    from helpers.data import Winkel

WAAR_VOOR_JE_GELD = (
    "'prijs' is waar voor je geld: hoe tevreden klanten zijn over wat ze voor hun geld krijgen, niet hoe "
    "goedkoop je bent"
)


@per_winkel
def segmentering(winkel: Winkel) -> Segmentering:
    """De segmenten en persona's van het notebook (`helpers.persona.segmenteer`, standaard 4 segmenten).

    Eén keer berekend per winkel: elke controle van een opdracht hergebruikt ze.

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("kledingzaak")
    >>> segmentering(w) is segmentering(w)
    True
    """
    return segmenteer(winkel.tickets, winkel.ticketlijnen, winkel.producten, winkel.klanten, winkel.peildatum)


def _voorsprong(winkel: Winkel) -> pd.DataFrame:
    return voorsprong(positionering(winkel.enquete))


registreer(
    Oefening(
        naam="04_grootste_voorsprong",
        vraag="Op welk item heeft de eigen winkel de grootste voorsprong op zijn béste concurrent?",
        oplossing=lambda w: str(_voorsprong(w).index[0]),
        fouten=(
            Fout(
                lambda w: str(_voorsprong(w)["voorsprong"].idxmin()),
                "dat is het item waarop je het verst achterstaat. Zoek de grootste voorsprong: de tabel "
                "van de voorsprong staat al van groot naar klein.",
            ),
            Fout(
                lambda w: str(_voorsprong(w)["beste_concurrent"].iloc[0]),
                "dat is de naam van de beste concurrent op dat punt. Gevraagd is het punt (item) zelf: de "
                "naam in de index van de tabel.",
            ),
        ),
        uitleg=lambda v: f"Op {v!r} doet geen enkele concurrent het beter: daar ligt je troef.",
        tip="Zet de positioneringstabel van de enquête om in de tabel met de voorsprong per item, en neem "
        "de eerste naam uit de index.",
        soort="berekening",
    )
)


def _per_segment(winkel: Winkel) -> pd.DataFrame:
    return per_segment(winkel.enquete, segmentering(winkel).labels)


registreer(
    Oefening(
        naam="04_tevredenheid_per_segment",
        vraag="Wat is de gemiddelde tevredenheid (1-5) van de respondenten van elk segment? Geef een reeks.",
        oplossing=lambda w: _per_segment(w)["gemiddelde_tevredenheid"],
        fouten=(
            Fout(
                lambda w: _per_segment(w)["csat"],
                "je gaf het aandeel tevreden klanten (score 4 of 5). Gevraagd is de gemiddelde score.",
            ),
            Fout(
                lambda w: _per_segment(w)["nps"],
                "dat is de NPS (aanbeveling), niet de tevredenheid. Neem de gemiddelde tevredenheid.",
            ),
        ),
        uitleg=lambda v: (
            "Gemiddelde tevredenheid per segment: "
            + ", ".join(f"segment {s}: {getal(x, 2)}" for s, x in v.items())
            + "."
        ),
        tip="De tabel per segment heeft een kolom met de gemiddelde tevredenheid; geef die kolom.",
        soort="berekening",
    )
)


# --- beslissing 1: je troef -----------------------------------------------------------------------------


def _item(antwoord: Any) -> str:
    if not isinstance(antwoord, str) or antwoord.strip().lower() not in ITEMS:
        raise KeuzeFout(f"Kies één item uit de enquête: {', '.join(ITEMS)}.")
    return antwoord.strip().lower()


def oordeel_troef(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een troef waarop je de beste concurrent verslaat; anders kan je de belofte niet waarmaken."""
    item = _item(antwoord)
    tabel = _voorsprong(winkel).loc[item]
    if tabel["voorsprong"] <= 0:
        extra = f" ({WAAR_VOOR_JE_GELD})" if item == "prijs" else ""
        return Oordeel(
            False,
            f"Op {item} scoort {tabel['beste_concurrent']} {getal(tabel['score_beste'], 2)} en jij "
            f"{getal(tabel['eigen'], 2)}{extra}: daar kan je geen belofte op bouwen die klanten geloven.",
        )
    return Oordeel(
        True,
        f"Op {item} scoor je {getal(tabel['eigen'], 2)}, de beste concurrent ({tabel['beste_concurrent']}) "
        f"{getal(tabel['score_beste'], 2)}: een voorsprong van {getal(tabel['voorsprong'], 2)} punt die je "
        "elke "
        "dag moet waarmaken, in de winkel en in je berichten.",
    )


registreer(
    Beslissing(
        naam="04_troef",
        vraag="Op welk punt (item van de enquête) bouw je de positie van de winkel?",
        oordeel=oordeel_troef,
        voorbeelden=(
            Voorbeeld(lambda w: str(_voorsprong(w).index[0]), True, "elke dag"),
            Voorbeeld(lambda w: str(_voorsprong(w).index[1]), True, "voorsprong van"),
            Voorbeeld(lambda w: "prijs", False, "waar voor je geld"),
            Voorbeeld(lambda w: "goedkoop", False, "Kies één item"),
        ),
        soort="beslissing",
    )
)


# --- beslissing 2: de uitnodiging voor je beste segment -----------------------------------------------

KOST_PER_CONTACT = {"e-mail": 0.02, "sms": 0.09, "post": 0.95}
"""Verzendkost per klant en kanaal, in euro (een e-mail bijna gratis, een brief bijna een euro)."""

BUDGET = 10.0
"""Het verzendbudget voor de uitnodiging, in euro."""

MIN_BEREIK = 0.4
"""Minstens dit deel van wie je in het segment mag aanschrijven, moet de uitnodiging krijgen."""


def beste_segment(winkel: Winkel) -> object:
    """Het segment dat gemiddeld het meest besteedt (zoals in het uitgewerkte voorbeeld)."""
    return segmentering(winkel).profiel["monetair"].idxmax()


@per_winkel
def bereik_per_kanaal(winkel: Winkel) -> pd.Series:
    """Hoeveel klanten van het `beste_segment` je per kanaal mag en kan aanschrijven (`doellijst`)."""
    s = segmentering(winkel)
    ids = set(s.labels[s.labels == beste_segment(winkel)].index.astype("str"))
    klanten = winkel.klanten[winkel.klanten["klant_id"].astype("str").isin(ids)]
    eerder = len(winkel.actiecontacten) > 0
    contacten, acties = (winkel.actiecontacten, winkel.acties) if eerder else (None, None)
    return pd.Series(
        {kanaal: len(doellijst(klanten, kanaal, contacten, acties).lijst) for kanaal in KOST_PER_CONTACT}
    )


def oordeel_uitnodiging(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Kanalen voor de uitnodiging aan het beste segment: binnen het budget, en genoeg van hen bereikt."""
    if isinstance(antwoord, str):
        antwoord = [antwoord]
    if not isinstance(antwoord, list | tuple | set) or not antwoord:
        raise KeuzeFout("Geef de kanalen als lijst, bv. ['e-mail'] of ['e-mail', 'sms'].")
    kanalen = [str(k).strip().lower() for k in antwoord]
    onbekend = [k for k in kanalen if k not in KOST_PER_CONTACT]
    if onbekend:
        raise KeuzeFout(f"Onbekend kanaal {onbekend[0]!r}: kies uit {', '.join(KOST_PER_CONTACT)}.")
    bereik = bereik_per_kanaal(winkel)
    aantal = int(bereik[kanalen].sum())
    kost = float(sum(bereik[k] * KOST_PER_CONTACT[k] for k in kanalen))
    totaal = int(bereik.sum())
    if kost > BUDGET:
        return Oordeel(
            False,
            f"{getal(aantal)} uitnodigingen via {' en '.join(kanalen)} kosten {euro(kost)}: meer dan je "
            f"budget van {euro(BUDGET, 0)}. Een brief kost {euro(KOST_PER_CONTACT['post'])} per klant.",
        )
    if aantal < MIN_BEREIK * totaal:
        return Oordeel(
            False,
            f"Je bereikt via {' en '.join(kanalen)} maar {getal(aantal)} van de {getal(totaal)} klanten van "
            "dit segment die je mag aanschrijven: de anderen verkiezen een ander kanaal.",
        )
    return Oordeel(
        True,
        f"Via {' en '.join(kanalen)} bereik je {getal(aantal)} van de {getal(totaal)} klanten van dit "
        f"segment die je mag aanschrijven ({procent(aantal / totaal, 0)}), voor {euro(kost)}.",
    )


def _goedkoopste(winkel: Winkel, aantal: int) -> list[str]:
    """De ``aantal`` kanalen met het meeste bereik, goedkoopste eerst bij een gelijke stand."""
    bereik = bereik_per_kanaal(winkel)
    return list(bereik.sort_values(ascending=False, kind="stable").index[:aantal])


registreer(
    Beslissing(
        naam="04_uitnodiging",
        vraag=f"Je nodigt het segment dat het meest besteedt uit voor een avond in de winkel. Via welke "
        f"kanalen, met {euro(BUDGET, 0)} verzendbudget?",
        oordeel=oordeel_uitnodiging,
        voorbeelden=(
            Voorbeeld(lambda w: ["e-mail"], True, "klanten van dit segment"),
            Voorbeeld(lambda w: ["e-mail", "sms"], True, "voor €"),
            Voorbeeld(lambda w: ["post"], False, "via post"),
            Voorbeeld(lambda w: "fax", False, "Onbekend kanaal"),
        ),
        soort="beslissing",
    )
)


# --- beslissing 3: je waardepropositie -----------------------------------------------------------------

MIN_GENOEMD = 0.1
"""Een concurrent telt als alternatief van een segment als minstens 10% van zijn respondenten hem noemt."""


@per_winkel
def concurrent_per_segment(winkel: Winkel) -> pd.DataFrame:
    """Per segment (rijen) welk deel van zijn respondenten elke concurrent (kolommen) noemde."""
    e = winkel.enquete
    segment = (
        e["klant_id"]
        .astype("str")
        .map(segmentering(winkel).labels.set_axis(segmentering(winkel).labels.index.astype("str")))
    )
    return pd.crosstab(segment.rename("segment"), e["concurrent"], normalize="index")


@per_winkel
def kaart_per_segment(winkel: Winkel) -> pd.DataFrame:
    """De positioneringstabel per segment (`helpers.positie.positionering_per_segment`)."""
    return positionering_per_segment(winkel.enquete, segmentering(winkel).labels)


def oordeel_propositie(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Doelgroep, troef en naaste concurrent: de concurrent is een echt alternatief voor die doelgroep,
    en zij vinden jou op die troef beter dan hem."""
    if not isinstance(antwoord, Mapping) or not {"segment", "troef", "concurrent"} <= set(antwoord):
        raise KeuzeFout("Geef een woordenboek: {'segment': 2, 'troef': 'advies', 'concurrent': 'outlet'}.")
    genoemd = concurrent_per_segment(winkel)
    try:
        segment = int(antwoord["segment"])
    except (TypeError, ValueError):
        raise KeuzeFout("Het segment is een nummer, bv. 2.") from None
    if segment not in genoemd.index:
        raise KeuzeFout(f"Segment {segment} bestaat niet: kies uit {', '.join(map(str, genoemd.index))}.")
    troef = _item(antwoord["troef"])
    concurrent = str(antwoord["concurrent"]).strip()
    if concurrent not in genoemd.columns:
        raise KeuzeFout(
            f"Niemand noemt {concurrent!r} als concurrent. Kies uit: {', '.join(map(str, genoemd.columns))}."
        )
    aandeel = float(genoemd.loc[segment, concurrent])
    if aandeel < MIN_GENOEMD:
        return Oordeel(
            False,
            f"Maar {procent(aandeel, 0)} van segment {segment} noemt {concurrent}: dat is niet het "
            "alternatief "
            "waarmee zij jou vergelijken. Kies de concurrent die zij zelf noemen.",
        )
    kaart = kaart_per_segment(winkel).loc[segment]
    eigen, hij = float(kaart.loc["eigen winkel", troef]), float(kaart.loc[concurrent, troef])
    if eigen <= hij:
        extra = f" ({WAAR_VOOR_JE_GELD})" if troef == "prijs" else ""
        return Oordeel(
            False,
            f"Segment {segment} geeft {concurrent} {getal(hij, 2)} op {troef} en jou "
            f"{getal(eigen, 2)}{extra}: "
            "die belofte geloven ze niet.",
        )
    return Oordeel(
        True,
        f"Segment {segment} noemt {concurrent} in {procent(aandeel, 0)} van de antwoorden; op {troef} "
        "geven ze "
        f"jou {getal(eigen, 2)} en {concurrent} {getal(hij, 2)}. Die belofte kan je waarmaken.",
    )


def _propositie(winkel: Winkel, rang: int) -> dict[str, Any]:
    """Het segment op plaats ``rang`` naar besteding, zijn meest genoemde concurrent en het item waarop
    dat segment jou het meest verkiest boven hem."""
    segmenten = segmentering(winkel).profiel["monetair"].sort_values(ascending=False).index
    segment = int(segmenten[rang])
    concurrent = str(concurrent_per_segment(winkel).loc[segment].idxmax())
    kaart = kaart_per_segment(winkel).loc[segment]
    verschil = (kaart.loc["eigen winkel", list(ITEMS)] - kaart.loc[concurrent, list(ITEMS)]).astype(float)
    return {"segment": segment, "troef": str(verschil.idxmax()), "concurrent": concurrent}


def _zwakke_propositie(winkel: Winkel) -> dict[str, Any]:
    """Een segment, een concurrent die het noemt en het item waarop het hem het meest verkiest boven jou."""
    genoemd = concurrent_per_segment(winkel)
    kaart = kaart_per_segment(winkel)
    slechtste = None
    for segment in genoemd.index:  # enkele segmenten en concurrenten, geen lus over klanten
        for concurrent in genoemd.columns[genoemd.loc[segment] >= MIN_GENOEMD]:
            rijen = kaart.loc[segment]
            verschil = (rijen.loc["eigen winkel", list(ITEMS)] - rijen.loc[concurrent, list(ITEMS)]).astype(
                float
            )
            if slechtste is None or verschil.min() < slechtste[0]:
                slechtste = (verschil.min(), int(segment), str(verschil.idxmin()), str(concurrent))
    _, segment, troef, concurrent = slechtste
    return {"segment": segment, "troef": troef, "concurrent": concurrent}


registreer(
    Beslissing(
        naam="04_propositie",
        vraag="Voor welke doelgroep (segment), met welke troef, tegen welke concurrent schrijf je je "
        "waardepropositie?",
        oordeel=oordeel_propositie,
        voorbeelden=(
            Voorbeeld(lambda w: _propositie(w, 0), True, "waarmaken"),
            Voorbeeld(lambda w: _propositie(w, 1), True, "van de antwoorden"),
            Voorbeeld(_zwakke_propositie, False, "geloven ze niet"),
            Voorbeeld(lambda w: {**_propositie(w, 0), "concurrent": "Zalando"}, False, "Niemand noemt"),
        ),
        soort="beslissing",
    )
)


# --- je eigen winkel: persona en positie --------------------------------------------------------------

VOORBEELD_PERSONA = (
    "Marleen, 44, mama van twee voetballers: 'Ik wil in één keer goed geholpen worden, "
    "ook als het druk is op zaterdag.'"
)

_VOORBEELDZINNEN = (*(d.citaat.lower() for d in DRIJFVEREN.values() if d.citaat), GEWOON_CITAAT.lower())
"""De uitspraken op de persona-kaarten van de oefenwinkels: wie er een overneemt, kopieert het voorbeeld."""

PLAATSHOUDER = re.compile(r"^\s*(\.\.\.|…|x+|\?+|naam|tekst)?\s*$", re.IGNORECASE)


def oordeel_eigen_persona(antwoord: Any, winkel: object = None) -> Oordeel:
    """Een eigen persona: een voornaam, een leeftijd en een uitspraak of motief, niet het voorbeeld."""
    if not isinstance(antwoord, str):
        raise KeuzeFout("Schrijf je persona als tekst tussen aanhalingstekens.")
    tekst = antwoord.strip()
    if PLAATSHOUDER.match(tekst):
        return Oordeel(False, "Je persona is nog leeg. Wie komt er het vaakst binnen, en waarom?")
    if tekst == VOORBEELD_PERSONA or any(zin in tekst.lower() for zin in _VOORBEELDZINNEN):
        return Oordeel(
            False,
            "Dat komt uit het voorbeeld. Schrijf je eigen klant: wie komt er het vaakst binnen, en wat "
            "zegt die?",
        )
    naam = re.search(r"\b[A-Z][a-zà-ÿ]+", tekst)
    if not naam:
        return Oordeel(
            False, "Geef je persona een voornaam: zo praat je personeel over een mens, niet over een segment."
        )
    leeftijd = re.search(r"\b(1[4-9]|[2-8]\d|9[0-5])\b", tekst)
    if not leeftijd:
        return Oordeel(False, "Geef je persona een leeftijd (een getal): die bepaalt toon, kanaal en aanbod.")
    if len(tekst.split()) < 8:
        return Oordeel(
            False,
            "Schrijf erbij waarom die klant bij jou koopt, het liefst in de eigen woorden van de klant.",
        )
    return Oordeel(
        True,
        f"{naam.group(0)} ({leeftijd.group(0)}) is je persona. Hang die op in het magazijn en vraag je bij "
        f"elke actie af: zou {naam.group(0)} dit willen?",
    )


registreer(
    Beslissing(
        naam="04_eigen_persona",
        vraag="Beschrijf je eigen ideale klant: voornaam, leeftijd en een typische uitspraak of motief.",
        oordeel=oordeel_eigen_persona,
        voorbeelden=(
            Voorbeeld(
                lambda w: "Jan, 58, loopt elke zondag: 'Ik kom voor advies, niet voor de laagste prijs.'",
                True,
                "Jan (58)",
            ),
            Voorbeeld(
                lambda w: (
                    "Sofie, 36, mama van een tweeling: 'Ik wil schoenen die passen en een verkoper die "
                    "meedenkt, zonder drie keer te moeten terugkomen.'"
                ),
                True,
                "zou Sofie dit willen",
            ),
            Voorbeeld(lambda w: "...", False, "nog leeg"),
            Voorbeeld(lambda w: VOORBEELD_PERSONA, False, "voorbeeld"),
            Voorbeeld(lambda w: f"Greet, 50: '{GEWOON_CITAAT}'", False, "voorbeeld"),
            Voorbeeld(lambda w: "Jan: 'Ik kom voor advies, niet voor de laagste prijs.'", False, "leeftijd"),
        ),
        soort="eigen_winkel",
        plan="persona",
    )
)

GOEDKOOPST = re.compile(r"goedkoop|laagste prijs|prijsvechter|altijd korting|de laagste", re.IGNORECASE)


def oordeel_eigen_positie(antwoord: Any, winkel: object = None) -> Oordeel:
    """Je positie: één of twee troeven, een naaste concurrent, en een belofte die dat samen zegt."""
    if not isinstance(antwoord, Mapping) or not {"troef", "concurrent", "belofte"} <= set(antwoord):
        raise KeuzeFout(
            "Geef een woordenboek: {'troef': 'advies', 'concurrent': 'de grote sportketen', "
            "'belofte': 'Voor ... is ... de ... die ..., anders dan ...'}."
        )
    troef, concurrent, belofte = (str(antwoord[k]).strip() for k in ("troef", "concurrent", "belofte"))
    if any(PLAATSHOUDER.match(x) for x in (troef, concurrent, belofte)) or "..." in belofte:
        return Oordeel(False, "Vul alle drie in, ook de puntjes in de zin van je belofte.")
    if re.search(r"\balles\b|\biedereen\b", troef, re.IGNORECASE):
        return Oordeel(False, "Een troef is één punt waarop je beter bent, niet alles voor iedereen.")
    if GOEDKOOPST.search(troef) or GOEDKOOPST.search(belofte):
        return Oordeel(
            False,
            "Op de laagste prijs win je als zelfstandige niet van de keten, de outlet of de webshop. Kies "
            "een troef die zij niet hebben; waar voor je geld bied je met advies, kwaliteit en service.",
        )
    if concurrent.lower() not in belofte.lower():
        return Oordeel(False, f"Noem {concurrent!r} ook in je belofte: 'anders dan ...'.")
    return Oordeel(
        True,
        f"Je positie: {troef}, anders dan {concurrent}. Zie je die belofte terug in je etalage, je berichten "
        "en je advies? Dan weet de klant waarom hij bij jou moet zijn.",
    )


registreer(
    Beslissing(
        naam="04_eigen_positie",
        vraag="Wat is de troef van je eigen winkel, wie is je naaste concurrent, en wat beloof je?",
        oordeel=oordeel_eigen_positie,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "troef": "advies met een looptest",
                    "concurrent": "de grote sportketen",
                    "belofte": "Voor lopers die geen blessure willen, is onze winkel de sportzaak die je "
                    "na een "
                    "looptest de juiste schoen meegeeft, anders dan de grote sportketen.",
                },
                True,
                "looptest",
            ),
            Voorbeeld(
                lambda w: {
                    "troef": "kwaliteit en retouches",
                    "concurrent": "de webshop",
                    "belofte": "Voor mannen die een pak voor jaren willen, zijn wij de kledingzaak die het "
                    "op "
                    "maat maakt, anders dan de webshop.",
                },
                True,
                "retouches",
            ),
            Voorbeeld(
                lambda w: {
                    "troef": "de laagste prijs",
                    "concurrent": "de outlet",
                    "belofte": "Wij zijn goedkoper dan de outlet.",
                },
                False,
                "laagste prijs",
            ),
            Voorbeeld(
                lambda w: {
                    "troef": "alles",
                    "concurrent": "de keten",
                    "belofte": "Wij doen alles beter dan de keten.",
                },
                False,
                "niet alles",
            ),
            Voorbeeld(
                lambda w: {"troef": "advies", "concurrent": "...", "belofte": "Voor ... is ..."},
                False,
                "Vul alle",
            ),
        ),
        soort="eigen_winkel",
        plan="positie",
    )
)

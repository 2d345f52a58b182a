"""Buyer persona's: een herkenbare klantfiguur per segment, afgeleid uit de cijfers van het segment.

Een persona is een korte beschrijving van een typische klant uit een segment: wie is het, waarom
koopt die, waar let die op, hoe en wanneer koopt die. Alles op de kaart komt uit het segmentprofiel
(`helpers.segmentatie.segmentprofiel`); alleen de voornaam wordt gekozen, vast voor een seed.

>>> import pandas as pd
>>> p = pd.DataFrame({"aantal": [40, 60], "aandeel": [0.4, 0.6], "aandeel_solden": [0.5, 0.1],
...                   "afwijking_aandeel_solden": [1.0, -0.7]}, index=[1, 2])
>>> maak_persona(p, 1).citaat
'Ik wacht op de solden, dan sla ik mijn slag.'
"""

from __future__ import annotations

import html
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen
from helpers.opmaak import euro, getal, procent
from helpers.segmentatie.clustering import clusters
from helpers.segmentatie.gedrag import LIJN, gedragskenmerken
from helpers.segmentatie.profiel import (
    DREMPEL,
    kenmerkende_trekken,
    opsomming,
    segmentnamen,
    segmentprofiel,
    seizoensvoorkeur,
    vereis_profiel,
)
from helpers.tijdzone import belgische_tijd

VROUWEN: tuple[str, ...] = (
    "An",
    "Annelies",
    "Caroline",
    "Els",
    "Ellen",
    "Evi",
    "Fien",
    "Hilde",
    "Ilse",
    "Inge",
    "Jana",
    "Katrien",
    "Lien",
    "Liesbeth",
    "Lotte",
    "Marie",
    "Nathalie",
    "Nele",
    "Sofie",
    "Sarah",
    "Tine",
    "Veerle",
    "Wendy",
)
MANNEN: tuple[str, ...] = (
    "Bart",
    "Bert",
    "Dirk",
    "Frederik",
    "Geert",
    "Glenn",
    "Jan",
    "Jens",
    "Jonas",
    "Kevin",
    "Koen",
    "Kris",
    "Lars",
    "Luc",
    "Maarten",
    "Pieter",
    "Stijn",
    "Thomas",
    "Tom",
    "Wim",
    "Wout",
    "Yves",
    "Ward",
)


@dataclass(frozen=True)
class Drijfveer:
    """Wat een opvallend kenmerk zegt over motief, aankoopcriterium en een typische uitspraak.

    >>> DRIJFVEREN[("aandeel_december", True)].citaat
    'In december zoek ik cadeaus.'
    """

    motief: str | None = None
    criterium: str | None = None
    citaat: str | None = None


DRIJFVEREN: dict[tuple[str, bool], Drijfveer] = {
    ("aandeel_solden", True): Drijfveer(
        "waar krijgen voor het geld", "prijs en kortingen", "Ik wacht op de solden, dan sla ik mijn slag."
    ),
    ("aandeel_solden", False): Drijfveer(
        "meteen het nieuwe seizoen in huis",
        "nieuwe collectie en kwaliteit",
        "Als ik iets mooi vind, koop ik het meteen. Op de solden wacht ik niet.",
    ),
    ("kortingsgraad", True): Drijfveer(
        "een goede deal doen", "kortingsbonnen en acties", "Heb je nog een kortingsbon voor mij?"
    ),
    ("frequentie", True): Drijfveer(
        "zich thuis voelen in de winkel",
        "persoonlijke service en herkenning",
        "Ik kom hier al jaren, ze kennen mij hier.",
    ),
    ("frequentie", False): Drijfveer(
        "alleen kopen wat echt nodig is",
        "snel vinden wat nodig is",
        "Ik kom alleen als ik echt iets nodig heb.",
    ),
    ("monetair", True): Drijfveer(
        "investeren in kwaliteit", "kwaliteit en vakkundig advies", "Liever één goed stuk dan drie halve."
    ),
    ("monetair", False): Drijfveer("de uitgaven beperkt houden", "een betaalbare prijs"),
    ("gemiddeld_bruto_ticket", True): Drijfveer(
        "in één keer alles in orde brengen",
        "ruime keuze en goed advies",
        "Als ik kom, neem ik meteen alles mee.",
    ),
    ("gemiddeld_bruto_ticket", False): Drijfveer("een los stuk aanvullen", "vlot geholpen worden"),
    ("recency", True): Drijfveer(
        None,
        "een goede reden om terug te komen",
        "Ik ben hier al een tijd niet meer geweest.",
    ),
    ("klantduur_dagen", False): Drijfveer(
        "de winkel leren kennen", "een goede eerste ervaring", "Ik ken de winkel nog maar pas."
    ),
    ("aandeel_webshop", True): Drijfveer(
        "gemak: kopen wanneer het past",
        "makkelijk online bestellen en terugsturen",
        "Ik bestel 's avonds in de webshop.",
    ),
    ("aandeel_webshop", False): Drijfveer(
        "passen, voelen en advies krijgen", "advies in de winkel", "Ik wil het eerst passen."
    ),
    ("aandeel_retour", True): Drijfveer(
        None, "gratis en makkelijk ruilen", "Past het niet, dan breng ik het gewoon terug."
    ),
    ("aandeel_december", True): Drijfveer(
        "cadeaus zoeken voor de feestdagen", "cadeauverpakking en een ruilbon", "In december zoek ik cadeaus."
    ),
    ("aandeel_schoolstart", True): Drijfveer(
        "de kinderen klaarmaken voor het nieuwe schooljaar",
        "stevige spullen voor de kinderen",
        "Voor de schoolstart moet alles in orde zijn.",
    ),
    ("afstand_km", True): Drijfveer(
        "er een uitstap van maken",
        "een reden om de verplaatsing te maken",
        "Ik rij er graag wat verder voor.",
    ),
    ("afstand_km", False): Drijfveer(
        "dicht bij huis winkelen", "vlot binnen en buiten", "Het is hier om de hoek."
    ),
    ("aantal_kinderen", True): Drijfveer("kopen voor het hele gezin", "kindermaten en gezinsvoordeel"),
}

MOMENTEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "aandeel_solden": ("tijdens de solden (januari en juli)", ("januari", "juli")),
    "aandeel_december": ("in december, voor de feestdagen", ("december",)),
    "aandeel_schoolstart": ("eind augustus en september (schoolstart)", ("augustus", "september")),
}
"""Kenmerk -> (aankoopmoment in woorden, de maanden die het dekt)."""

PIEK = 1.5
"""Een maand is een aankoopmoment als het segment dan minstens zo veel drukker is dan alle klanten."""
GEWOON_CITAAT = "Ik koop hier gewoon wat ik nodig heb."


def drijfveer(kolom: str, hoog: bool) -> Drijfveer:
    """De `Drijfveer` bij een opvallend kenmerk (leeg als het kenmerk niets zegt over het waarom).

    >>> drijfveer("lijn_sportschoenen", True).criterium
    'een ruim aanbod sportschoenen'
    """
    if kolom.startswith(LIJN) and hoog:
        lijn = kolom.removeprefix(LIJN).replace("_", " ")
        return Drijfveer(f"vooral {lijn} zoeken", f"een ruim aanbod {lijn}", f"Voor {lijn} kom ik naar hier.")
    return DRIJFVEREN.get((kolom, hoog), Drijfveer())


@dataclass(frozen=True)
class Persona:
    """Een buyer persona: een typische klant van een segment, met de cijfers waarop die steunt.

    In een notebook toont een `Persona` zich als kaart (HTML); `markdown` geeft dezelfde kaart als tekst.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"aantal": [30], "aandeel": [1.0], "leeftijd": [41.6]}, index=["vast"])
    >>> kaart = maak_persona(p, "vast")
    >>> kaart.leeftijd, kaart.kerncijfers
    (42, (('Klanten', '30 (100%)'),))
    """

    segment: str
    segmentnaam: str
    naam: str
    leeftijd: int | None
    huishouden: str | None
    motieven: tuple[str, ...]
    aankoopcriteria: tuple[str, ...]
    favoriet_kanaal: str
    aankoopmomenten: tuple[str, ...]
    citaat: str
    kerncijfers: tuple[tuple[str, str], ...]

    def titel(self) -> str:
        """Naam en leeftijd, bv. 'Sofie, 42 jaar'.

        >>> import pandas as pd
        >>> kaart = maak_persona(pd.Series({"aantal": 3, "aandeel": 1.0, "leeftijd": 42.0}, name=1))
        >>> kaart.titel() == kaart.naam + ", 42 jaar"
        True
        """
        return self.naam if self.leeftijd is None else f"{self.naam}, {self.leeftijd} jaar"

    def ondertitel(self) -> str:
        """Segment, en het huishouden als dat bekend is.

        >>> import pandas as pd
        >>> maak_persona(pd.Series({"aantal": 3, "aandeel": 1.0, "huishouden": "gezin"}, name=1)).ondertitel()
        'Segment 1: Gemiddelde klanten · huishouden: gezin'
        """
        tekst = f"Segment {self.segment}: {self.segmentnaam}"
        return tekst if self.huishouden is None else f"{tekst} · huishouden: {self.huishouden}"

    def _lijsten(self) -> list[tuple[str, tuple[str, ...]]]:
        return [
            ("Motieven", self.motieven),
            ("Waar let die op", self.aankoopcriteria),
            ("Wanneer koopt die", self.aankoopmomenten),
            ("Favoriet kanaal", (self.favoriet_kanaal,)),
        ]

    def html(self) -> str:
        """De kaart als klein, op zichzelf staand HTML-fragment (inline CSS, alle tekst ge-escaped).

        >>> import pandas as pd
        >>> kaart = maak_persona(pd.Series({"aantal": 3, "aandeel": 1.0}, name="<A&B>"))
        >>> html = kaart.html()
        >>> html.startswith('<div class="klantlab-persona"'), "Segment &lt;A&amp;B&gt;" in html
        (True, True)
        """
        e = html.escape
        kop = '<h4 style="margin:10px 0 2px 0;font-size:0.95em;color:#1f4e79">'
        delen = [
            '<div class="klantlab-persona" style="font-family:sans-serif;border:1px solid #c8d3df;'
            'border-radius:10px;padding:12px 16px;max-width:560px;background:#f7fafc;color:#222">',
            f'<h3 style="margin:0 0 2px 0">{e(self.titel())}</h3>',
            f'<p style="margin:0;color:#555">{e(self.ondertitel())}</p>',
            f'<blockquote style="margin:10px 0;padding-left:10px;border-left:4px solid #1f4e79;'
            f'font-style:italic">“{e(self.citaat)}”</blockquote>',
        ]
        for kop_tekst, items in self._lijsten():
            lijst = "".join(f"<li>{e(item)}</li>" for item in items)
            delen.append(f'{kop}{e(kop_tekst)}</h4><ul style="margin:0;padding-left:20px">{lijst}</ul>')
        rijen = "".join(
            f'<tr><td style="padding:1px 12px 1px 0">{e(label)}</td>'
            f'<td style="text-align:right"><b>{e(waarde)}</b></td></tr>'
            for label, waarde in self.kerncijfers
        )
        delen.append(f'{kop}Kerncijfers</h4><table style="border-collapse:collapse">{rijen}</table>')
        delen.append("</div>")
        return "".join(delen)

    def _repr_html_(self) -> str:
        return self.html()

    def markdown(self) -> str:
        """De kaart als Markdown (speciale tekens ge-escaped).

        >>> import pandas as pd
        >>> kaart = maak_persona(pd.Series({"aantal": 3, "aandeel": 1.0}, name="*1*"))
        >>> print(kaart.markdown().splitlines()[1])
        *Segment \\*1\\*: Gemiddelde klanten*
        """
        m = _markdown_tekst
        regels = [f"### {m(self.titel())}", f"*{m(self.ondertitel())}*", "", f"> {m(self.citaat)}", ""]
        for kop_tekst, items in self._lijsten():
            regels += [f"**{m(kop_tekst)}**", *(f"- {m(item)}" for item in items), ""]
        regels += ["| Kerncijfer | Waarde |", "|---|---:|"]
        regels += [f"| {m(label)} | {m(waarde)} |" for label, waarde in self.kerncijfers]
        return "\n".join(regels) + "\n"


def _markdown_tekst(tekst: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#|~])", r"\\\1", tekst)


def _rij_en_segment(profiel: pd.DataFrame | pd.Series, segment: object) -> tuple[pd.DataFrame, object]:
    if isinstance(profiel, pd.Series):
        return profiel.to_frame().T, profiel.name
    vereis_profiel(profiel)
    if segment is None:
        raise InvoerFout(f"Zeg voor welk segment, bv. maak_persona(profiel, {profiel.index[0]!r}).")
    if segment not in profiel.index:
        keuze = ", ".join(map(repr, profiel.index))
        raise InvoerFout(f"Segment {segment!r} staat niet in het profiel. Kies uit: {keuze}.")
    return profiel, segment


def _voornaam(rij: pd.Series, segment: object, seed: int, bezet: set[str]) -> str:
    rng = np.random.default_rng([seed, zlib.crc32(str(segment).encode("utf-8"))])
    vrouw = rij.get("aandeel_vrouw")
    if vrouw is None or pd.isna(vrouw):
        vrouw = rng.random()
    namen = VROUWEN if vrouw >= 0.5 else MANNEN
    start = int(rng.integers(len(namen)))
    vrij = [naam for naam in namen[start:] + namen[:start] if naam not in bezet]
    return vrij[0] if vrij else namen[start]


def _kerncijfers(rij: pd.Series) -> tuple[tuple[str, str], ...]:
    opmaak = {
        "frequentie": ("Aankoopdagen", lambda x: getal(x, 1)),
        "monetair": ("Totaal besteed", lambda x: euro(x, 0)),
        "gemiddeld_bruto_ticket": ("Per ticket", lambda x: euro(x, 0)),
        "recency": ("Laatste aankoop", lambda x: f"{getal(x)} dagen geleden"),
        "aandeel_solden": ("In de solden", lambda x: procent(x, 0)),
        "aandeel_webshop": ("Via de webshop", lambda x: procent(x, 0)),
        "afstand_km": ("Afstand tot de winkel", lambda x: f"{getal(x, 1)} km"),
        "aandeel_bereikbaar": ("Bereikbaar voor marketing", lambda x: procent(x, 0)),
    }
    cijfers = [("Klanten", f"{getal(rij['aantal'])} ({procent(rij['aandeel'], 0)})")]
    cijfers += [(label, vorm(rij[k])) for k, (label, vorm) in opmaak.items() if k in rij and pd.notna(rij[k])]
    return tuple(cijfers)


def _aankoopmomenten(rij: pd.Series, seizoen: pd.Series | None) -> tuple[str, ...]:
    """Momenten uit de opvallende kenmerken, aangevuld met de piekmaanden uit `seizoensvoorkeur`."""
    gekozen = [MOMENTEN[k] for k in MOMENTEN if rij.get(f"afwijking_{k}", 0.0) >= DREMPEL]
    momenten = [tekst for tekst, _ in gekozen]
    if seizoen is not None:
        gedekt = {maand for _, maanden in gekozen for maand in maanden}
        piek = seizoen[(seizoen >= PIEK) & ~seizoen.index.isin(list(gedekt))]
        maanden = [str(m) for m in piek.index if m in set(piek.nlargest(3).index)]  # kalendervolgorde
        if maanden:
            momenten.append("vooral in " + opsomming(maanden))
    return tuple(momenten) or ("verspreid over het jaar",)


def _persona(profiel: pd.DataFrame, segment: object, naam: str, seizoen: pd.DataFrame | None) -> Persona:
    rij = profiel.loc[segment]
    trekken = kenmerkende_trekken(rij)
    drijfveren = [drijfveer(kolom, hoog) for kolom, hoog, _ in trekken]
    motieven = tuple(d.motief for d in drijfveren if d.motief)[:3] or ("een vlotte, gewone aankoop",)
    criteria = tuple(d.criterium for d in drijfveren if d.criterium)[:3] or ("een eerlijke prijs",)
    citaat = next((d.citaat for d in drijfveren if d.citaat), GEWOON_CITAAT)
    momenten = _aankoopmomenten(rij, None if seizoen is None else seizoen.loc[segment])
    kanaal = "webshop" if rij.get("aandeel_webshop", 0.0) >= 0.5 else "winkel"
    contact = rij.get("voorkeurkanaal")
    if isinstance(contact, str):
        kanaal += "; wil meestal geen berichten" if contact == "geen" else f"; berichten via {contact}"
    leeftijd = rij.get("leeftijd")
    huishouden = rij.get("huishouden")
    return Persona(
        segment=str(segment),
        segmentnaam=segmentnamen(profiel)[segment],
        naam=naam,
        leeftijd=None if leeftijd is None or pd.isna(leeftijd) else round(float(leeftijd)),
        huishouden=huishouden if isinstance(huishouden, str) else None,
        motieven=motieven,
        aankoopcriteria=criteria,
        favoriet_kanaal=kanaal,
        aankoopmomenten=momenten,
        citaat=citaat,
        kerncijfers=_kerncijfers(rij),
    )


def _controleer_seizoen(seizoen: pd.DataFrame | None, segmenten: pd.Index) -> None:
    if seizoen is None:
        return
    vereis_kolommen(seizoen, [], "seizoen")
    ontbrekend = [s for s in segmenten if s not in seizoen.index]
    if ontbrekend:
        raise InvoerFout(
            f"Het seizoen (uit seizoensvoorkeur) mist segment {ontbrekend[0]!r}; "
            "maak het met dezelfde labels als het profiel."
        )


def maak_persona(
    profiel: pd.DataFrame | pd.Series,
    segment: object = None,
    seed: int = 42,
    seizoen: pd.DataFrame | None = None,
) -> Persona:
    """De persona van één ``segment`` uit een profieltabel (of uit één profielrij, een Series).

    Motieven, aankoopcriteria, citaat en aankoopmomenten volgen uit de opvallendste kenmerken van
    het segment (de kolommen ``afwijking_...`` van `segmentprofiel`); leeftijd, huishouden en kanaal
    uit de gemiddelden. Met ``seizoen`` (uit `helpers.segmentatie.seizoensvoorkeur`) komen de maanden
    waarin het segment duidelijk drukker koopt dan alle klanten bij de aankoopmomenten. De voornaam
    hangt af van ``seed`` en segment: dezelfde invoer geeft altijd dezelfde kaart.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"aantal": [40, 60], "aandeel": [0.4, 0.6], "aandeel_webshop": [0.8, 0.1],
    ...                   "afwijking_aandeel_webshop": [1.2, -0.8]}, index=[1, 2])
    >>> kaart = maak_persona(p, 1)
    >>> kaart.favoriet_kanaal, kaart.motieven
    ('webshop', ('gemak: kopen wanneer het past',))
    >>> kaart == maak_persona(p, 1)
    True
    """
    tabel, segment = _rij_en_segment(profiel, segment)
    _controleer_seizoen(seizoen, pd.Index([segment]))
    return _persona(tabel, segment, _voornaam(tabel.loc[segment], segment, seed, set()), seizoen)


def maak_personas(
    profiel: pd.DataFrame, seed: int = 42, seizoen: pd.DataFrame | None = None
) -> dict[object, Persona]:
    """Een persona voor elk segment van het profiel; elke persona krijgt een andere voornaam.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"aantal": [40, 60], "aandeel": [0.4, 0.6], "aandeel_vrouw": [1.0, 1.0],
    ...                   "afwijking_aandeel_vrouw": [0.0, 0.0]}, index=["a", "b"])
    >>> kaarten = maak_personas(p)
    >>> kaarten["a"].naam != kaarten["b"].naam
    True
    """
    vereis_profiel(profiel)
    _controleer_seizoen(seizoen, profiel.index)
    kaarten: dict[object, Persona] = {}
    for segment in profiel.index:  # een lus over enkele segmenten, niet over klanten
        naam = _voornaam(profiel.loc[segment], segment, seed, {k.naam for k in kaarten.values()})
        kaarten[segment] = _persona(profiel, segment, naam, seizoen)
    return kaarten


@dataclass(frozen=True)
class Segmentering:
    """Het resultaat van `segmenteer`: segment per klant, profiel, korte namen en een persona per segment."""

    labels: pd.Series
    profiel: pd.DataFrame
    namen: dict[object, str]
    personas: dict[object, Persona]


@belgische_tijd
def segmenteer(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    klanten: pd.DataFrame,
    peildatum: pd.Timestamp,
    k: int = 4,
    kolommen: Sequence[str] | None = None,
    seed: int = 42,
) -> Segmentering:
    """Van kassadata naar persona's in één stap, met de functies van `helpers.segmentatie`.

    `gedragskenmerken` per klant -> `clusters` (k-means op ``kolommen``, standaard alle kenmerken zoals
    in notebook 03; ``k`` segmenten) ->
    `segmentprofiel` (met de klantgegevens) -> `segmentnamen` en `maak_personas`
    (met de piekmaanden uit `seizoensvoorkeur`). Dezelfde invoer en ``seed`` geven dezelfde uitkomst.

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("schoenenzaak")
    >>> s = segmenteer(w.tickets, w.ticketlijnen, w.producten, w.klanten, w.peildatum, k=3)
    >>> sorted(s.personas) == sorted(s.profiel.index) == [1, 2, 3]
    True
    """
    kenmerken = gedragskenmerken(tickets, ticketlijnen, producten, peildatum)
    labels = clusters(kenmerken, k, seed=seed, kolommen=kolommen)
    profiel = segmentprofiel(kenmerken, labels, klanten, peildatum)
    seizoen = seizoensvoorkeur(tickets, labels)
    return Segmentering(labels, profiel, segmentnamen(profiel), maak_personas(profiel, seed, seizoen))

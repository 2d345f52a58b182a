"""Oefeningen van notebook 03 Segmenteren en kiezen: indelen, groeperen en een doelgroep kiezen.

Het gedrag per klant komt altijd uit `helpers.segmentatie.gedragskenmerken` met de ticketlijnen en
de producten erbij (zoals in het notebook). Drie beslissingen: hoeveel segmenten, welke doelgroepen
(met je eigen gewichten), en tot waar je een postkaart stuurt met het budget dat je hebt. De regel
van het notebook geldt overal: kies **één of twee** doelgroepen.

>>> from helpers.oefeningen import controleer
>>> controleer("03_eigen_doelgroepen", {"iedereen": "iedereen is welkom in mijn winkel"}).status
'fout'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.acties import doellijst
from helpers.oefeningen.kern import (
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    is_getal,
    per_winkel,
    registreer,
)
from helpers.opmaak import euro, getal, procent
from helpers.rfm import rfm_tabel
from helpers.segmentatie import (
    clusters,
    demografische_segmenten,
    gedragskenmerken,
    segment_aantrekkelijkheid,
    segmentprofiel,
    te_kleine_segmenten,
)
from helpers.segmentatie.targeting import CRITERIA

if TYPE_CHECKING:
    from helpers.data import Winkel

TE_VEEL = 10
"""Het aantal segmenten in de oefening over oversegmentatie."""

K = 4
"""Het aantal segmenten in de oefening over targeting."""

DOELGROEPEN = (1, 2)
"""De regel van notebook 03: kies één of twee doelgroepen."""

K_BEREIK = range(2, 11)
"""De aantallen segmenten die de oefening over k beoordeelt."""

POSTKAARTEN = 100
"""Zoveel postkaarten heeft de winkel voor de opendeuravond."""


@per_winkel
def _kenmerken(winkel: Winkel) -> pd.DataFrame:
    return gedragskenmerken(winkel.tickets, winkel.ticketlijnen, winkel.producten, peildatum=winkel.peildatum)


def kenmerken(winkel: Winkel) -> pd.DataFrame:
    """Het aankoopgedrag per klant, met de productlijnen erbij (`helpers.segmentatie.gedragskenmerken`).

    Eén keer berekend per winkel: elke controle hergebruikt het.

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("schoenenzaak")
    >>> len(kenmerken(w)) == int((w.klanten["relatie"] == "klant").sum())
    True
    """
    return _kenmerken(winkel)


def grootste_leeftijdsklasse(winkel: Winkel, alleen_kopers: bool = False) -> int:
    """Het aantal personen in de grootste leeftijdsklasse (`helpers.segmentatie.demografische_segmenten`).

    Met ``alleen_kopers`` tellen alleen de klanten die al iets kochten (relatie 'klant').

    >>> from types import SimpleNamespace
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "relatie": ["klant", "klant", "prospect"],
    ...                   "geboortedatum": pd.to_datetime(["1992-01-01", "1993-06-01", "1960-03-03"]),
    ...                   "geslacht": "v", "huishouden": "alleen", "aantal_kinderen": 0})
    >>> grootste_leeftijdsklasse(SimpleNamespace(klanten=k, peildatum=pd.Timestamp("2025-12-31")))  # 33, 32
    2
    """
    klanten = winkel.klanten
    if alleen_kopers:
        klanten = klanten[klanten["relatie"] == "klant"]
    klassen = demografische_segmenten(klanten, winkel.peildatum)["leeftijdsklasse"]
    return int(klassen.value_counts().max())


@per_winkel
def _te_klein_per_k(winkel: Winkel) -> dict[int, pd.DataFrame]:
    return {}


def te_klein(winkel: Winkel, k: int = TE_VEEL) -> pd.DataFrame:
    """De tabel van `helpers.segmentatie.te_kleine_segmenten` als je de klanten in ``k`` segmenten deelt.

    >>> from helpers.data import laad_winkel
    >>> len(te_klein(laad_winkel("schoenenzaak")))
    10
    """
    bewaard = _te_klein_per_k(winkel)
    if k not in bewaard:
        bewaard[k] = te_kleine_segmenten(clusters(kenmerken(winkel), k))
    return bewaard[k]


registreer(
    Oefening(
        naam="03_grootste_leeftijdsklasse",
        vraag="Hoeveel personen uit het klantenbestand zitten in de grootste leeftijdsklasse?",
        oplossing=grootste_leeftijdsklasse,
        fouten=(
            Fout(
                lambda w: str(
                    demografische_segmenten(w.klanten, w.peildatum)["leeftijdsklasse"].value_counts().idxmax()
                ),
                "dat is de naam van de grootste klasse. Gevraagd is hoeveel personen erin zitten.",
            ),
            Fout(
                lambda w: grootste_leeftijdsklasse(w, alleen_kopers=True),
                "je telde alleen wie al iets kocht. Tel iedereen in het klantenbestand, ook de prospects.",
            ),
        ),
        uitleg=lambda v: f"De grootste leeftijdsklasse telt {getal(v)} personen.",
        tip="Tel per leeftijdsklasse hoeveel personen erin zitten en neem de grootste telling.",
        soort="opzoeken",
    )
)

registreer(
    Oefening(
        naam="03_te_kleine_segmenten",
        vraag=f"Je deelt de klanten in {TE_VEEL} segmenten op hun aankoopgedrag. Hoeveel van die segmenten "
        "zijn te klein voor een eigen aanpak?",
        oplossing=lambda w: int(te_klein(w)["te_klein"].sum()),
        fouten=(
            Fout(
                lambda w: int((~te_klein(w)["te_klein"]).sum()),
                "je telde de segmenten die groot genoeg zijn. Tel de segmenten die te klein zijn.",
            ),
            Fout(
                lambda w: int(te_klein(w).loc[lambda t: t["te_klein"], "aantal"].sum()),
                "je telde de klanten in de te kleine segmenten. Gevraagd is het aantal segmenten.",
            ),
        ),
        uitleg=lambda v: (
            f"Bij {TE_VEEL} segmenten zijn er {getal(v)} te klein. Een aparte mailing, actie of etalage "
            "voor zo'n handvol klanten kost meer dan ze opbrengt: neem minder segmenten."
        ),
        tip=f"Deel in {TE_VEEL} segmenten in en laat per segment zeggen of het te klein is; tel dan de "
        "segmenten waar dat waar is.",
        soort="berekening",
    )
)


# --- beslissing 1: hoeveel segmenten? -------------------------------------------------------------------


def oordeel_aantal(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een aantal segmenten dat je kunt bedienen: minstens 3 en geen enkel segment te klein."""
    if not is_getal(antwoord) or not float(antwoord).is_integer():
        raise KeuzeFout("Geef het aantal segmenten als geheel getal, bv. 4.")
    k = int(antwoord)
    if k < 2 or k > max(K_BEREIK):
        return Oordeel(
            False,
            f"{getal(k)} segmenten kan je als zelfstandige winkel niet elk een eigen aanpak geven. Kies een "
            f"aantal van 3 tot {max(K_BEREIK)}.",
        )
    tabel = te_klein(winkel, k)
    kleinste = tabel.loc[tabel["aantal"].idxmin()]
    if k == 2:
        return Oordeel(
            False,
            "Met twee segmenten hou je je beste klanten en de rest over: dat vertelt A/B/C je al. Kies er "
            "minstens drie.",
        )
    if tabel["te_klein"].any():
        return Oordeel(
            False,
            f"Bij {k} segmenten telt het kleinste maar {getal(kleinste['aantal'])} klanten "
            f"({procent(kleinste['aandeel'])}): te klein voor een eigen aanpak. Neem minder segmenten.",
        )
    return Oordeel(
        True,
        f"{k} segmenten; het kleinste telt {getal(kleinste['aantal'])} klanten "
        f"({procent(kleinste['aandeel'])}): "
        "groot genoeg voor een eigen boodschap, en je hoeft er maar "
        f"{k} aanpakken voor te bedenken.",
    )


def goede_aantallen(winkel: Winkel) -> list[int]:
    """De aantallen segmenten (3 of meer, uit `K_BEREIK`) zonder te klein segment."""
    return [k for k in K_BEREIK if k >= 3 and not te_klein(winkel, k)["te_klein"].any()]


registreer(
    Beslissing(
        naam="03_aantal_segmenten",
        vraag="In hoeveel segmenten deel je de klanten in? Elke groep krijgt een eigen aanpak.",
        oordeel=oordeel_aantal,
        voorbeelden=(
            Voorbeeld(lambda w: goede_aantallen(w)[-1], True, "groot genoeg"),
            Voorbeeld(lambda w: goede_aantallen(w)[0], True, "aanpakken"),
            Voorbeeld(lambda w: 2, False, "A/B/C"),
            Voorbeeld(lambda w: 10, False, "te klein"),
        ),
        soort="beslissing",
    )
)


# --- beslissing 2: gewichten en doelgroepen -------------------------------------------------------------


@per_winkel
def _profiel(winkel: Winkel) -> pd.DataFrame:
    gedrag = kenmerken(winkel)
    return segmentprofiel(gedrag, clusters(gedrag, K), klanten=winkel.klanten, peildatum=winkel.peildatum)


def profiel(winkel: Winkel) -> pd.DataFrame:
    """Het segmentprofiel bij k = `K` (zoals in de opdracht): aantal, besteding, groei, bereikbaarheid."""
    return _profiel(winkel)


def oordeel_doelgroepen(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Eén of twee doelgroepen die je eigen gewichten aanraden, met wat ze bereiken."""
    if not isinstance(antwoord, Mapping) or not {"gewichten", "doelgroepen"} <= set(antwoord):
        raise KeuzeFout(
            "Geef een woordenboek: {'gewichten': {'grootte': 1, 'waarde': 2, 'groei': 1, "
            "'bereikbaarheid': 1}, 'doelgroepen': [2]}."
        )
    gewichten, gekozen = antwoord["gewichten"], antwoord["doelgroepen"]
    if not isinstance(gewichten, Mapping) or any(k not in CRITERIA for k in gewichten):
        raise KeuzeFout(f"De gewichten zijn een woordenboek met de criteria {', '.join(CRITERIA)}.")
    if is_getal(gekozen):
        gekozen = [gekozen]
    if isinstance(gekozen, str) or not isinstance(gekozen, list | tuple | set | pd.Index | pd.Series):
        raise KeuzeFout("Geef je doelgroepen als lijst van segmentnummers, bv. [2] of [1, 3].")
    p = profiel(winkel)
    gekozen = [int(s) for s in gekozen]
    onbekend = [s for s in gekozen if s not in p.index]
    if onbekend:
        raise KeuzeFout(f"Segment {onbekend[0]} bestaat niet: kies uit {', '.join(map(str, p.index))}.")
    if len(set(gekozen)) == len(p):
        return Oordeel(False, "Je kiest alle segmenten: iedereen is geen doelgroep. Kies er één of twee.")
    if not DOELGROEPEN[0] <= len(set(gekozen)) <= DOELGROEPEN[1]:
        return Oordeel(
            False,
            f"Je kiest {len(set(gekozen))} doelgroepen. Als zelfstandige bedien je er één of twee echt goed; "
            "meer betekent een halve aanpak voor elk.",
        )
    rang = segment_aantrekkelijkheid(p, gewichten)["rang"]
    laag = [s for s in gekozen if rang[s] > DOELGROEPEN[1]]
    if laag:
        return Oordeel(
            False,
            f"Segment {laag[0]} staat met jouw eigen gewichten op plaats {rang[laag[0]]} van {len(rang)}. "
            "Kies "
            "wat je gewichten aanraden, of pas je gewichten aan als je iets anders belangrijk vindt.",
        )
    te_klein_gekozen = [s for s in gekozen if bool(p.loc[s, "te_klein"])]
    if te_klein_gekozen:
        return Oordeel(False, f"Segment {te_klein_gekozen[0]} is te klein voor een eigen aanpak.")
    klanten = p.loc[gekozen, "aantal"].sum() / p["aantal"].sum()
    omzet = (p["aantal"] * p["monetair"]).loc[gekozen].sum() / (p["aantal"] * p["monetair"]).sum()
    bereik = (p.loc[gekozen, "aantal"] * p.loc[gekozen, "aandeel_bereikbaar"]).sum()
    woorden = " en ".join(f"segment {s}" for s in gekozen)
    return Oordeel(
        True,
        f"Je doelgroep{'en' if len(gekozen) > 1 else ''} ({woorden}) {'zijn' if len(gekozen) > 1 else 'is'} "
        f"{procent(klanten, 0)} van de kopende klanten en {procent(omzet, 0)} van hun omzet; "
        f"{getal(bereik, 0)} van hen mag en kan je aanschrijven.",
    )


def _keuze(winkel: Winkel, gewichten: dict[str, float]) -> dict[str, Any]:
    """Het beste segment volgens ``gewichten`` dat niet te klein is (bij een gelijke stand het eerste)."""
    p = profiel(winkel)
    rang = segment_aantrekkelijkheid(p, gewichten)
    goed = [int(s) for s in rang.index[:2] if not p.loc[s, "te_klein"]]
    return {"gewichten": gewichten, "doelgroepen": goed[:1]}


def _andere_keuze(winkel: Winkel) -> dict[str, Any]:
    """Een tweede goede keuze: twee segmenten als andere gewichten dat toelaten, anders één ander segment."""
    p = profiel(winkel)
    eerste = _keuze(winkel, WAARDE)["doelgroepen"]
    kandidaten = (GROEI, *GEWICHTSKEUZES)
    for gewichten in kandidaten:
        twee = [int(s) for s in segment_aantrekkelijkheid(p, gewichten).index[:2]]
        if not p.loc[twee, "te_klein"].any():
            return {"gewichten": gewichten, "doelgroepen": twee}
    for gewichten in kandidaten:
        keuze = _keuze(winkel, gewichten)
        if keuze["doelgroepen"] and keuze["doelgroepen"] != eerste:
            return keuze
    return {"gewichten": GROEI, "doelgroepen": eerste}


WAARDE = {"grootte": 1, "waarde": 2, "groei": 1, "bereikbaarheid": 1}
GROEI = {"grootte": 0, "waarde": 1, "groei": 3, "bereikbaarheid": 1}
GEWICHTSKEUZES = (
    {"grootte": 1, "waarde": 1, "groei": 1, "bereikbaarheid": 1},
    {"grootte": 2, "waarde": 1, "groei": 0, "bereikbaarheid": 1},
    {"grootte": 1, "waarde": 0, "groei": 0, "bereikbaarheid": 2},
    {"grootte": 1, "waarde": 0, "groei": 0, "bereikbaarheid": 0},
)
"""Andere gewichten die een winkelier kan kiezen (voor de voorbeelden van de oefening)."""

registreer(
    Beslissing(
        naam="03_doelgroepen",
        vraag=f"De klanten zijn in {K} segmenten verdeeld. Kies je gewichten en één of twee doelgroepen.",
        oordeel=oordeel_doelgroepen,
        voorbeelden=(
            Voorbeeld(lambda w: _keuze(w, WAARDE), True, "van hen mag en kan"),
            Voorbeeld(_andere_keuze, True, "van de kopende klanten"),
            Voorbeeld(
                lambda w: {"gewichten": WAARDE, "doelgroepen": list(profiel(w).index)}, False, "iedereen"
            ),
            Voorbeeld(
                lambda w: {"gewichten": WAARDE, "doelgroepen": list(profiel(w).index[:3])},
                False,
                "halve aanpak",
            ),
            Voorbeeld(
                lambda w: {
                    "gewichten": WAARDE,
                    "doelgroepen": [int(segment_aantrekkelijkheid(profiel(w), WAARDE).index[-1])],
                },
                False,
                "eigen gewichten",
            ),
        ),
        soort="beslissing",
    )
)


# --- beslissing 3: de postkaart -------------------------------------------------------------------------


@per_winkel
def _postlijst(winkel: Winkel) -> pd.DataFrame:
    eerder = len(winkel.actiecontacten) > 0  # zonder eerdere acties: niemand schreef zich uit of rust
    contacten, acties = (winkel.actiecontacten, winkel.acties) if eerder else (None, None)
    return doellijst(winkel.klanten, "post", contacten, acties).lijst


def postlijst(winkel: Winkel) -> pd.DataFrame:
    """Wie een postkaart mag krijgen: toestemming, post als voorkeurkanaal en een volledig adres."""
    return _postlijst(winkel)


def oordeel_postkaart(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een afstand tot waar je je `POSTKAARTEN` kaarten stuurt: niet meer kaarten dan je hebt."""
    if not is_getal(antwoord):
        raise KeuzeFout("Geef de afstand als getal in kilometer, bv. 7.5.")
    if antwoord <= 0:
        raise KeuzeFout("Een afstand is groter dan 0 kilometer.")
    lijst = postlijst(winkel)
    binnen = lijst[lijst["afstand_km"] <= antwoord]
    if len(binnen) > POSTKAARTEN:
        return Oordeel(
            False,
            f"Binnen {getal(antwoord, 1)} km wonen {getal(len(binnen))} personen die een kaart mogen "
            "krijgen: "
            f"meer dan je {getal(POSTKAARTEN)} kaarten. Kies een kleinere afstand.",
        )
    if binnen.empty:
        return Oordeel(False, f"Binnen {getal(antwoord, 1)} km woont niemand die een kaart mag krijgen.")
    besteed = rfm_tabel(winkel.tickets, winkel.peildatum)["monetair"]
    besteed = besteed.set_axis(besteed.index.astype("str"))
    samen = besteed.reindex(binnen["klant_id"].astype("str")).fillna(0).sum()
    over = POSTKAARTEN - len(binnen)
    return Oordeel(
        True,
        f"Binnen {getal(antwoord, 1)} km stuur je {getal(len(binnen))} kaarten (je houdt er {getal(over)} "
        f"over). Die personen kochten samen al voor {euro(samen, 0)} bij je.",
    )


def _grens(winkel: Winkel, aantal: int) -> float:
    """De grootste afstand waarbinnen hoogstens ``aantal`` personen van de postlijst wonen."""
    binnen = postlijst(winkel)["afstand_km"].value_counts().sort_index().cumsum()
    return float(binnen[binnen <= aantal].index.max())


registreer(
    Beslissing(
        naam="03_postkaart",
        vraag=f"Je hebt {POSTKAARTEN} postkaarten voor je opendeuravond. Tot op hoeveel km van de winkel "
        "stuur je er een?",
        oordeel=oordeel_postkaart,
        voorbeelden=(
            Voorbeeld(lambda w: _grens(w, POSTKAARTEN), True, "kochten samen"),
            Voorbeeld(lambda w: float(postlijst(w)["afstand_km"].min()), True, "over"),
            Voorbeeld(lambda w: 0.1, False, "niemand"),
            Voorbeeld(lambda w: "10 km", False, "als getal"),
        ),
        soort="beslissing",
    )
)


# --- je eigen winkel ----------------------------------------------------------------------------------

IEDEREEN = re.compile(
    r"^\s*(iedereen|alle(s| klanten| mensen)|elke klant|de klanten|klanten|iedereen die binnenkomt)\s*$",
    re.IGNORECASE,
)

def oordeel_eigen_doelgroepen(antwoord: Any, winkel: object = None) -> Oordeel:
    """Eén of twee echte doelgroepen, elk met een reden; 'iedereen' is geen doelgroep."""
    if not isinstance(antwoord, Mapping):
        raise KeuzeFout("Geef een woordenboek: {'naam van je doelgroep': 'waarom je voor hen kiest'}.")
    if any(IEDEREEN.match(str(g)) for g in antwoord):
        return Oordeel(
            False,
            "Iedereen is geen doelgroep: wie alles voor iedereen wil zijn, wordt voor niemand de eerste "
            "keuze. "
            "Kies een groep die jij beter kunt bedienen dan de concurrent.",
        )
    if not DOELGROEPEN[0] <= len(antwoord) <= DOELGROEPEN[1]:
        return Oordeel(
            False,
            f"Je noemt {len(antwoord)} doelgroepen. Kies er één of twee: meer kan je als zelfstandige zelden "
            "goed bedienen.",
        )
    for groep, waarom in antwoord.items():
        if len(str(groep).strip().strip(".…")) < 4:
            return Oordeel(False, "Geef elke doelgroep een naam die zegt wie ze zijn.")
        if len(str(waarom).split()) < 4:
            return Oordeel(False, f"Schrijf bij {str(groep)!r} in een zin waarom je voor die groep kiest.")
    return Oordeel(
        True,
        "Je doelgroep" + ("en: " if len(antwoord) > 1 else ": ") + " en ".join(map(str, antwoord)) + ". "
        "Richt je "
        "aanbod, je etalage en je acties op hen; de andere klanten blijven welkom.",
    )


registreer(
    Beslissing(
        naam="03_eigen_doelgroepen",
        vraag="Op welke doelgroep (of twee) richt je je in je eigen winkel, en waarom?",
        oordeel=oordeel_eigen_doelgroepen,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "vaste klanten die veel besteden": "zij maken een groot deel van de omzet en komen "
                    "graag terug"
                },
                True,
                "vaste klanten",
            ),
            Voorbeeld(
                lambda w: {
                    "lopers uit de regio": "zij zoeken advies en een looptest die de keten niet geeft",
                    "voetbalclubs": "één club brengt honderd spelers en hun ouders mee",
                },
                True,
                "voetbalclubs",
            ),
            Voorbeeld(lambda w: {"iedereen": "iedereen is welkom in mijn winkel"}, False, "Iedereen is geen"),
            Voorbeeld(
                lambda w: {
                    "gezinnen": "zij kopen veel samen",
                    "lopers": "zij willen goed advies",
                    "senioren": "zij komen elke week langs",
                },
                False,
                "één of twee",
            ),
            Voorbeeld(lambda w: {"...": "..."}, False, "wie ze zijn"),
        ),
        soort="eigen_winkel",
        plan="doelgroepen",
    )
)

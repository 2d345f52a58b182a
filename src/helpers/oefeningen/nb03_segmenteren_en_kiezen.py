"""Oefeningen van notebook 03 Segmenteren en kiezen: indelen, groeperen en een doelgroep kiezen.

Het gedrag per klant komt altijd uit `helpers.segmentatie.gedragskenmerken` met de ticketlijnen en
de producten erbij (zoals in het notebook).

>>> from helpers.oefeningen import controleer
>>> controleer("03_eigen_doelgroepen", {"gezinnen": ""}).status
'fout'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.oefeningen.kern import AANDEEL_TOL, Fout, Oefening, aandeel_fouten, registreer
from helpers.opmaak import getal, procent
from helpers.segmentatie import (
    afstandsband,
    clusters,
    demografische_segmenten,
    gedragskenmerken,
    segment_aantrekkelijkheid,
    segmentprofiel,
    te_kleine_segmenten,
)

if TYPE_CHECKING:
    from helpers.data import Winkel

TE_VEEL = 10
"""Het aantal segmenten in de oefening over oversegmentatie."""

K = 4
"""Het aantal segmenten in de oefening over targeting."""

GEWICHTEN = {"grootte": 0, "waarde": 2, "groei": 1, "bereikbaarheid": 1}
"""De gewichten in de oefening over targeting: waarde telt dubbel, grootte niet."""


def kenmerken(winkel: Winkel) -> pd.DataFrame:
    """Het aankoopgedrag per klant, met de productlijnen erbij (`helpers.segmentatie.gedragskenmerken`).

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("schoenenzaak")
    >>> len(kenmerken(w)) == int((w.klanten["relatie"] == "klant").sum())
    True
    """
    return gedragskenmerken(winkel.tickets, winkel.ticketlijnen, winkel.producten, peildatum=winkel.peildatum)


def binnen_10km(winkel: Winkel) -> float:
    """Aandeel van de personen in het klantenbestand dat op minder dan 10 km van de winkel woont.

    >>> from types import SimpleNamespace
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3", "K4"], "afstand_km": [2.0, 9.9, 10.0, 35.0]})
    >>> binnen_10km(SimpleNamespace(klanten=k))
    0.5
    """
    return float(afstandsband(winkel.klanten, grenzen=(10,)).eq("< 10 km").mean())


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


def te_klein(winkel: Winkel, k: int = TE_VEEL) -> pd.DataFrame:
    """De tabel van `helpers.segmentatie.te_kleine_segmenten` als je de klanten in ``k`` segmenten deelt.

    >>> from helpers.data import laad_winkel
    >>> len(te_klein(laad_winkel("schoenenzaak")))
    10
    """
    return te_kleine_segmenten(clusters(kenmerken(winkel), k))


def aantrekkelijkheid(winkel: Winkel, gewichten: dict[str, float] = GEWICHTEN) -> pd.DataFrame:
    """De segmenten bij k = `K`, gerangschikt met `helpers.segmentatie.segment_aantrekkelijkheid`.

    >>> from helpers.data import laad_winkel
    >>> aantrekkelijkheid(laad_winkel("schoenenzaak"))["rang"].tolist()
    [1, 2, 3, 4]
    """
    gedrag = kenmerken(winkel)
    profiel = segmentprofiel(gedrag, clusters(gedrag, K), klanten=winkel.klanten, peildatum=winkel.peildatum)
    return segment_aantrekkelijkheid(profiel, gewichten)


registreer(
    Oefening(
        naam="03_binnen_10km",
        vraag="Welk aandeel van de personen in het klantenbestand woont op minder dan 10 km van de winkel? "
        "Geef een aandeel tussen 0 en 1.",
        oplossing=binnen_10km,
        fouten=(
            *aandeel_fouten(binnen_10km, aantal=lambda w: int((w.klanten["afstand_km"] < 10).sum())),
            Fout(
                lambda w: float(afstandsband(w.klanten).eq("< 5 km").mean()),
                "je nam alleen de band '< 5 km'. Minder dan 10 km is '< 5 km' én '5-10 km' samen.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} woont op minder dan 10 km: dat is je buurt. Hen bereik je ook met een "
            "affiche, de lokale krant of een postkaart."
        ),
        tip="`winkel.klanten['afstand_km'] < 10` zegt per persoon of die dichtbij woont; het gemiddelde "
        "(`.mean()`) daarvan is het aandeel.",
        abs_tol=AANDEEL_TOL,
    )
)

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
                "dat is de naam van de grootste klasse. Gevraagd is hoeveel personen erin zitten: "
                "`.max()` in plaats van `.idxmax()`.",
            ),
            Fout(
                lambda w: grootste_leeftijdsklasse(w, alleen_kopers=True),
                "je telde alleen wie al iets kocht. Tel iedereen in het klantenbestand, ook de prospects.",
            ),
        ),
        uitleg=lambda v: f"De grootste leeftijdsklasse telt {getal(v)} personen.",
        tip="`segmentatie.demografische_segmenten(winkel.klanten, winkel.peildatum)` geeft de kolom "
        "`leeftijdsklasse`; `.value_counts()` telt per klasse en `.max()` geeft de grootste telling.",
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
                "je telde de segmenten die groot genoeg zijn. Tel de segmenten waar `te_klein` waar is.",
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
        tip=f"`segmentatie.clusters(kenmerken, {TE_VEEL})` deelt in; `segmentatie.te_kleine_segmenten(...)` "
        "zegt per segment of het te klein is. Tel de `True`'s met `.sum()`.",
    )
)

registreer(
    Oefening(
        naam="03_aantrekkelijkste_segment",
        vraag=f"Je deelt de klanten in {K} segmenten en geeft de gewichten {GEWICHTEN}. Welk segment "
        "(het nummer) is het aantrekkelijkst?",
        oplossing=lambda w: int(aantrekkelijkheid(w).index[0]),
        fouten=(
            Fout(
                lambda w: float(aantrekkelijkheid(w)["totaalscore"].iloc[0]),
                "dat is de totaalscore van het beste segment. Gevraagd is het nummer van het segment: "
                "dat staat in de index (`.index[0]`).",
            ),
            Fout(
                lambda w: int(aantrekkelijkheid(w).index[-1]),
                "dat is het minst aantrekkelijke segment: de tabel staat van hoog naar laag gesorteerd. "
                "Neem de eerste rij.",
            ),
        ),
        uitleg=lambda v: (
            f"Segment {v} scoort het best als waarde dubbel telt. Kijk in de beschrijving wie die "
            "klanten zijn en wat je hen te bieden hebt."
        ),
        tip="Maak het profiel met `segmentprofiel(kenmerken, labels, klanten=..., peildatum=...)` en geef "
        "het met de gewichten aan `segment_aantrekkelijkheid`; de index van de eerste rij is het antwoord.",
    )
)


def _keur_doelgroepen(antwoord: Any) -> str | None:
    if not isinstance(antwoord, dict):
        return "geef een woordenboek tussen accolades: `{'naam van het segment': 'waarom', ...}`."
    if not 2 <= len(antwoord) <= 3:
        return f"je noemde {len(antwoord)} segment(en); kies er twee of drie."
    for segment, waarom in antwoord.items():
        if not str(segment).strip():
            return "geef elk segment een naam."
        if len(str(waarom).split()) < 3:
            return f"schrijf bij '{segment}' in een paar woorden waarom je voor die groep kiest."
    return None


registreer(
    Oefening(
        naam="03_eigen_doelgroepen",
        vraag="Op welke twee of drie segmenten richt je je in je eigen winkel, en waarom?",
        oplossing=lambda w: {
            "vaste klanten die veel besteden": "zij maken een groot deel van de omzet en komen graag terug",
            "gezinnen met schoolgaande kinderen": "zij kopen voor het hele gezin, vooral rond de schoolstart",
        },
        fouten=(Fout(lambda w: {}, "je woordenboek is nog leeg: noem twee of drie segmenten."),),
        keur=_keur_doelgroepen,
        uitleg=lambda v: (
            "Goed gekozen is half gewonnen. In notebook 04 geef je je doelgroep een gezicht (een persona), "
            "in notebook 09 schrijf je hen een boodschap op maat."
        ),
    )
)

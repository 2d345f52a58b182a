"""Segmenten beschrijven: een profieltabel met cijfers en een beschrijving in gewone woorden.

>>> import pandas as pd
>>> k = pd.DataFrame({"frequentie": [1.0, 1.0, 8.0, 10.0]}, index=["a", "b", "c", "d"])
>>> profiel = segmentprofiel(k, pd.Series([1, 1, 2, 2], index=k.index))
>>> profiel[["aantal", "aandeel", "frequentie", "afwijking_frequentie"]].round(2).to_dict("list")
{'aantal': [2, 2], 'aandeel': [0.5, 0.5], 'frequentie': [1.0, 9.0], 'afwijking_frequentie': [-0.98, 0.98]}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.acties import KANALEN, doellijst
from helpers.controle import InvoerFout, vereis_getallen, vereis_kolommen, vereis_niet_leeg, vereis_waar
from helpers.klantid import koppel_klanten, met_klant_ids
from helpers.kpi import MAANDNAMEN, seizoenspatroon
from helpers.opmaak import euro, getal, procent
from helpers.rfm import controleer_tickets
from helpers.segmentatie.clustering import SEGMENT, te_kleine_segmenten, vereis_segmenten
from helpers.segmentatie.gedrag import LIJN
from helpers.segmentatie.indeling import leeftijd
from helpers.tijdzone import belgische_tijd

AFWIJKING = "afwijking_"
"""Voorvoegsel van de kolommen met de afwijking van het gemiddelde (in standaardafwijkingen)."""

DREMPEL = 0.5
"""Vanaf deze afwijking (in standaardafwijkingen) noemen we een kenmerk opvallend."""

TEKSTKOLOMMEN = ("huishouden", "voorkeurkanaal")


CONTACTKOLOMMEN = (
    "toestemming_marketing", "voorkeurkanaal", *(veld for velden in KANALEN.values() for veld in velden)
)
"""De kolommen die `helpers.acties.doellijst` nodig heeft om te zeggen wie bereikbaar is."""


@belgische_tijd
def klantkenmerken(
    klanten: pd.DataFrame, peildatum: pd.Timestamp | None = None, klant: str = "klant_id"
) -> pd.DataFrame:
    """Per klant de vaste kenmerken die een segmentprofiel verrijken (voor zover de kolommen er zijn).

    ``leeftijd`` (met ``peildatum``), ``aandeel_vrouw`` (1 = vrouw), ``aantal_kinderen``, ``afstand_km``,
    ``aandeel_klantenkaart``, ``aandeel_toestemming``, ``huishouden`` en ``voorkeurkanaal``, en
    ``aandeel_bereikbaar``: 1 als de klant op een doellijst voor acties komt (`helpers.acties.doellijst`:
    toestemming, een voorkeurkanaal en het contactgegeven voor dat kanaal; alleen als alle
    ``CONTACTKOLOMMEN`` er zijn). Gemiddeld over een segment worden de 0/1-kolommen aandelen.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "toestemming_marketing": [True] * 3,
    ...                   "voorkeurkanaal": ["e-mail", "geen", "e-mail"], "email": ["an@x.be", None, None],
    ...                   "telefoon": None, "straat": None, "postcode": None, "gemeente": None})
    >>> klantkenmerken(k)["aandeel_bereikbaar"].tolist()
    [1.0, 0.0, 0.0]
    """
    vereis_kolommen(klanten, [klant], "klanten")
    vereis_niet_leeg(klanten, "klanten")
    klanten = met_klant_ids(klanten, klant, "klanten")
    tabel = klanten.drop_duplicates(klant).set_index(klant)
    kolommen: dict[str, pd.Series] = {}
    if "geboortedatum" in tabel.columns and peildatum is not None:
        kolommen["leeftijd"] = leeftijd(tabel, peildatum).astype("float64")
    if "geslacht" in tabel.columns:
        geslacht = tabel["geslacht"].astype("string")
        kolommen["aandeel_vrouw"] = (geslacht == "v").astype("float64").where(geslacht.notna())
    for kolom in ("aantal_kinderen", "afstand_km"):
        if kolom in tabel.columns:
            vereis_getallen(tabel.dropna(subset=[kolom]), kolom, "klanten")
            kolommen[kolom] = tabel[kolom].astype("float64")
    ja_nee = {"klantenkaart": "aandeel_klantenkaart", "toestemming_marketing": "aandeel_toestemming"}
    for kolom, naam in ja_nee.items():
        if kolom in tabel.columns:
            vereis_waar(tabel, kolom, "klanten")
            kolommen[naam] = tabel[kolom].astype("float64")
    if set(CONTACTKOLOMMEN) <= set(tabel.columns):
        bereikbaar = doellijst(tabel.reset_index(), laat_rusten_na=None, klant=klant).lijst[klant]
        op_lijst = tabel.index.isin(bereikbaar)
        kolommen["aandeel_bereikbaar"] = pd.Series(op_lijst, index=tabel.index, dtype="float64")
    for kolom in TEKSTKOLOMMEN:
        if kolom in tabel.columns:
            kolommen[kolom] = tabel[kolom].astype("string")
    return pd.DataFrame(kolommen, index=tabel.index)


@belgische_tijd
def segmentprofiel(
    kenmerken: pd.DataFrame,
    labels: pd.Series,
    klanten: pd.DataFrame | None = None,
    peildatum: pd.Timestamp | None = None,
    klant: str = "klant_id",
    minimum_aandeel: float = 0.05,
    minimum_aantal: int = 50,
) -> pd.DataFrame:
    """Per segment: ``aantal`` klanten, ``aandeel``, het gemiddelde van elk kenmerk en hoe het afwijkt.

    ``kenmerken`` heeft één rij per klant (bv. uit `gedragskenmerken`), ``labels`` het segment per
    klant (zelfde index; bv. uit `clusters` of een kolom van `demografische_segmenten`). Met ``klanten``
    komen er de kolommen van `klantkenmerken` bij (leeftijd, afstand, bereikbaarheid, meest voorkomend
    huishouden en voorkeurkanaal, ...). ``afwijking_<kenmerk>`` = (gemiddelde van het segment −
    gemiddelde van alle klanten) / standaardafwijking van alle klanten: +1 is duidelijk hoger dan
    gemiddeld, −1 duidelijk lager, 0 gewoon. ``te_klein`` en ``waarschuwing`` zeggen welke segmenten
    te klein zijn voor een eigen aanpak (zie `te_kleine_segmenten`).

    >>> import pandas as pd
    >>> k = pd.DataFrame({"monetair": [100.0, 300.0, 50.0]}, index=["K1", "K2", "K3"])
    >>> segmentprofiel(k, pd.Series(["A", "A", "B"], index=k.index))["monetair"].tolist()
    [200.0, 50.0]
    """
    vereis_kolommen(kenmerken, [], "kenmerken")
    vereis_niet_leeg(kenmerken, "kenmerken")
    vereis_segmenten(labels)
    for kolom in kenmerken.columns:
        vereis_getallen(kenmerken, kolom, "kenmerken")
    index, klanten, labels = koppel_klanten(
        (kenmerken.index, "kenmerken"), (klanten, "klanten"), (labels, "labels"), klant=klant
    )
    tabel = kenmerken.astype("float64").set_axis(index)
    if klanten is not None:
        extra = klantkenmerken(klanten, peildatum, klant)
        tabel = tabel.join(extra.drop(columns=list(tabel.columns), errors="ignore"), how="left")
    segment = labels.reindex(tabel.index)
    tabel = tabel.loc[segment.notna()]
    segment = segment.loc[segment.notna()].rename(SEGMENT)
    if tabel.empty:
        raise InvoerFout(
            "Geen enkele klant van 'kenmerken' heeft een segment in 'labels' (kijk de index na)."
        )
    tekst = [k for k in TEKSTKOLOMMEN if k in tabel.columns]
    getallen = tabel.drop(columns=tekst)
    groepen = getallen.groupby(segment, observed=True)
    aantal = groepen.size().rename("aantal")
    gemiddeld = groepen.mean()
    spreiding = getallen.std(ddof=0).replace(0.0, np.nan)
    afwijking = ((gemiddeld - getallen.mean()) / spreiding).fillna(0.0).add_prefix(AFWIJKING)
    delen = [aantal, (aantal / aantal.sum()).rename("aandeel"), gemiddeld]
    delen += [pd.crosstab(segment, tabel[k]).idxmax(axis=1).rename(k) for k in tekst]
    grootte = te_kleine_segmenten(segment, minimum_aandeel, minimum_aantal)[["te_klein", "waarschuwing"]]
    profiel = pd.concat([*delen, afwijking, grootte], axis=1)
    profiel.index.name = SEGMENT
    return profiel


@dataclass(frozen=True)
class Trek:
    """Hoe een opvallend kenmerk in woorden klinkt, als het hoger of lager is dan gemiddeld.

    >>> TREKKEN["aandeel_solden"].naam_hoog, TREKKEN["aandeel_solden"].opmaak(0.45)
    ('Soldenjagers', '45%')
    """

    hoog: str | None
    laag: str | None
    naam_hoog: str | None
    naam_laag: str | None
    opmaak: Callable[[float], str]


def _euro(x: float) -> str:
    return euro(x, 0)


def _aandeel(x: float) -> str:
    return procent(x, 0)


def _dagen(x: float) -> str:
    return f"{getal(x)} dagen"


def _keer(x: float) -> str:
    return f"{getal(x, 1)} keer"


TREKKEN: dict[str, Trek] = {
    "frequentie": Trek("komt vaak kopen", "koopt zelden", "Vaste klanten", "Eenmalige kopers", _keer),
    "monetair": Trek("besteedt veel", "besteedt weinig", "Grote besteders", "Kleine besteders", _euro),
    "recency": Trek(
        "is al lang niet meer geweest", "kocht onlangs nog", "Slapers", "Recente kopers", _dagen
    ),
    "klantduur_dagen": Trek("is al lang klant", "is pas klant", "Oude getrouwen", "Nieuwe klanten", _dagen),
    "gemiddeld_bruto_ticket": Trek(
        "koopt grote tickets", "koopt kleine tickets", "Grote tickets", "Kleine tickets", _euro
    ),
    "aandeel_solden": Trek(
        "koopt vaak in de solden", "koopt vooral aan volle prijs", "Soldenjagers", "Volle-prijskopers",
        _aandeel,
    ),
    "kortingsgraad": Trek("koopt veel met korting", None, "Kortingzoekers", None, _aandeel),
    "aandeel_webshop": Trek(
        "koopt vaak in de webshop", "koopt bijna alleen in de winkel", "Webshopkopers", "Winkelkopers",
        _aandeel,
    ),
    "aandeel_retour": Trek("brengt veel terug", None, "Terugbrengers", None, _aandeel),
    "aandeel_december": Trek("koopt veel in december", None, "Decemberkopers", None, _aandeel),
    "aandeel_schoolstart": Trek(
        "koopt veel rond de schoolstart (augustus-september)", None, "Schoolstarters", None, _aandeel
    ),
    "leeftijd": Trek("is ouder", "is jonger", "Ouderen", "Jongeren", lambda x: f"{getal(x)} jaar"),
    "aandeel_vrouw": Trek("is vooral vrouw", "is vooral man", "Vrouwen", "Mannen", _aandeel),
    "aantal_kinderen": Trek(
        "heeft meer kinderen", None, "Gezinnen", None, lambda x: f"{getal(x, 1)} kinderen"
    ),
    "afstand_km": Trek(
        "woont ver van de winkel", "woont dicht bij de winkel", "Verre klanten", "Buurtklanten",
        lambda x: f"{getal(x, 1)} km",
    ),
    "aandeel_bereikbaar": Trek(None, "is moeilijk te bereiken (weinig toestemming)", None, None, _aandeel),
}


def trek(kolom: str) -> Trek | None:
    """De `Trek` voor een kenmerk; productlijnen (``lijn_...``) krijgen een trek met hun naam.

    >>> trek("lijn_kinderen").naam_hoog
    'Fans van kinderen'
    """
    if kolom.startswith(LIJN):
        lijn = kolom.removeprefix(LIJN).replace("_", " ")
        return Trek(f"koopt vooral {lijn}", None, f"Fans van {lijn}", None, _aandeel)
    return TREKKEN.get(kolom)


def kenmerkende_trekken(profielrij: pd.Series, drempel: float = DREMPEL) -> list[tuple[str, bool, float]]:
    """De opvallende kenmerken van één segment: ``(kolom, hoger_dan_gemiddeld, afwijking)``, sterkste eerst.

    >>> import pandas as pd
    >>> rij = pd.Series({"afwijking_aandeel_solden": 1.2, "afwijking_monetair": -0.7,
    ...                  "afwijking_recency": 0.1})
    >>> kenmerkende_trekken(rij)
    [('aandeel_solden', True, 1.2), ('monetair', False, -0.7)]
    """
    afwijking = profielrij[[k for k in profielrij.index if str(k).startswith(AFWIJKING)]].astype("float64")
    volgorde = afwijking.abs().sort_values(ascending=False, kind="stable")
    uit = []
    for naam in volgorde.index[volgorde >= drempel]:
        kolom = str(naam).removeprefix(AFWIJKING)
        z = float(afwijking[naam])
        beschrijving = trek(kolom)
        if beschrijving is not None and (beschrijving.hoog if z > 0 else beschrijving.laag) is not None:
            uit.append((kolom, z > 0, z))
    return uit


def _gemiddelden(profiel: pd.DataFrame) -> pd.Series:
    """Het gemiddelde over alle klanten, gewogen met de segmentgrootte."""
    getallen = profiel.select_dtypes("number").drop(columns=["aantal", "aandeel"], errors="ignore")
    return getallen.mul(profiel["aantal"], axis=0).sum() / profiel["aantal"].sum()


def vereis_profiel(profiel: pd.DataFrame) -> None:
    """Controleer dat ``profiel`` een niet-lege profieltabel is (zoals uit `segmentprofiel`).

    >>> import pandas as pd
    >>> vereis_profiel(pd.DataFrame({"aantal": [3]}))
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: De tabel 'profiel' mist de kolom 'aandeel'. Aanwezige kolommen: 'aantal'.
    """
    vereis_kolommen(profiel, ["aantal", "aandeel"], "profiel")
    vereis_niet_leeg(profiel, "profiel")


def segmentnamen(profiel: pd.DataFrame, drempel: float = DREMPEL) -> dict[object, str]:
    """Een korte naam per segment uit zijn meest opvallende kenmerk(en); elke naam is uniek.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"aantal": [10, 20], "aandeel": [1 / 3, 2 / 3],
    ...                   "afwijking_aandeel_solden": [1.5, -0.8]}, index=[1, 2])
    >>> segmentnamen(p)
    {1: 'Soldenjagers', 2: 'Volle-prijskopers'}
    """
    vereis_profiel(profiel)
    namen: dict[object, list[str]] = {}
    for segment, rij in profiel.iterrows():  # een lus over enkele segmenten, niet over klanten
        lijst = []
        for kolom, hoog, _ in kenmerkende_trekken(rij, drempel):
            beschrijving = trek(kolom)
            naam = beschrijving.naam_hoog if hoog else beschrijving.naam_laag
            if naam is not None:
                lijst.append(naam)
        namen[segment] = lijst or ["Gemiddelde klanten"]
    eerste = [lijst[0] for lijst in namen.values()]
    uit = {}
    for segment, lijst in namen.items():
        naam = lijst[0]
        if eerste.count(naam) > 1 and len(lijst) > 1:
            naam = f"{naam}, {lijst[1].lower()}"
        uit[segment] = naam
    dubbel = [naam for naam in uit.values() if list(uit.values()).count(naam) > 1]
    return {s: f"{n} ({SEGMENT} {s})" if n in dubbel else n for s, n in uit.items()}


def _zin_trek(kolom: str, hoog: bool, waarde: float, gemiddelde: float) -> str:
    t = trek(kolom)
    tekst = t.hoog if hoog else t.laag
    return f"{tekst} ({t.opmaak(waarde)}, gemiddeld {t.opmaak(gemiddelde)})"


def opsomming(delen: list[str]) -> str:
    """Een opsomming in gewone taal: 'a', 'a en b', 'a, b en c'.

    >>> opsomming(["juli", "augustus", "december"])
    'juli, augustus en december'
    """
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def beschrijf_segmenten(
    profiel: pd.DataFrame, drempel: float = DREMPEL, max_trekken: int = 3
) -> dict[object, str]:
    """Per segment een beschrijving in gewone woorden, met de cijfers uit het ``profiel``.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"aantal": [412, 1876], "aandeel": [0.18, 0.82],
    ...                   "gemiddeld_bruto_ticket": [54.0, 71.0], "aandeel_solden": [0.45, 0.12],
    ...                   "afwijking_gemiddeld_bruto_ticket": [-0.3, 0.1],
    ...                   "afwijking_aandeel_solden": [1.4, -0.3]}, index=[1, 2])
    >>> print(beschrijf_segmenten(p)[1])  # doctest: +NORMALIZE_WHITESPACE
    Deze groep van 412 klanten (18%) geeft gemiddeld € 54 uit per ticket.
    Opvallend: koopt vaak in de solden (45%, gemiddeld 18%).
    """
    vereis_profiel(profiel)
    gemiddelde = _gemiddelden(profiel)
    uit = {}
    for segment, rij in profiel.iterrows():  # een lus over enkele segmenten, niet over klanten
        zinnen = [f"Deze groep van {getal(rij['aantal'])} klanten ({procent(rij['aandeel'], 0)})"]
        feiten = []
        if "frequentie" in rij:
            feiten.append(f"kwam gemiddeld {getal(rij['frequentie'], 1)} keer kopen")
        if "monetair" in rij:
            feiten.append(f"besteedde in totaal gemiddeld {euro(rij['monetair'], 0)}")
        if "gemiddeld_bruto_ticket" in rij:
            feiten.append(f"geeft gemiddeld {euro(rij['gemiddeld_bruto_ticket'], 0)} uit per ticket")
        if "recency" in rij:
            feiten.append(f"kocht het laatst gemiddeld {getal(rij['recency'])} dagen geleden")
        zinnen[0] += (" " + opsomming(feiten) if feiten else "") + "."
        trekken = kenmerkende_trekken(rij, drempel)[:max_trekken]
        if trekken:
            delen = [_zin_trek(k, hoog, rij[k], gemiddelde[k]) for k, hoog, _ in trekken]
            zinnen.append(f"Opvallend: {opsomming(delen)}.")
        if "huishouden" in rij and pd.notna(rij["huishouden"]):
            zinnen.append(f"Meest voorkomend huishouden: {rij['huishouden']}.")
        if isinstance(rij.get("waarschuwing"), str) and rij["waarschuwing"]:
            zinnen.append(f"Let op: {rij['waarschuwing']}")
        uit[segment] = " ".join(zinnen)
    return uit


@belgische_tijd
def seizoensvoorkeur(
    tickets: pd.DataFrame,
    labels: pd.Series,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Per segment en maand: koopt dit segment in die maand meer dan de klanten samen?

    Voor elk segment (de klanten van ``labels``) en voor alle klanten met een segment samen wordt
    de seizoensindex berekend met `helpers.kpi.seizoenspatroon` (de omzet van een maand tegenover
    de eigen gemiddelde maand). De tabel geeft de verhouding: 1,0 = dezelfde seizoensdrukte als
    alle klanten, 2,0 = in die maand naar verhouding dubbel zo druk, 0 = koopt dan niet. Leeg
    als in die maand niemand kocht.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", "K2", "K2"], "bedrag": [100.0, 300.0, 100.0, 100.0],
    ...                   "datum": pd.to_datetime(["2025-01-05", "2025-12-05", "2025-01-06", "2025-12-06"])})
    >>> s = seizoensvoorkeur(t, pd.Series({"K1": "a", "K2": "b"}))
    >>> s[["januari", "december"]].round(3).to_dict("index")  # a: 3/4 en 9/8, b: 6/4 en 6/8
    {'a': {'januari': 0.75, 'december': 1.125}, 'b': {'januari': 1.5, 'december': 0.75}}
    """
    controleer_tickets(tickets, None, klant, datum, bedrag)
    vereis_segmenten(labels)
    tickets, labels = koppel_klanten(
        (tickets, "tickets"), (labels, "labels"), klant=klant, vereis_overlap=False
    )
    segment = tickets[klant].map(labels)
    met_segment = segment.notna().to_numpy()
    if not met_segment.any():
        raise InvoerFout(
            "Geen enkel ticket is van een klant met een segment in 'labels' (kijk de klant-id's na)."
        )
    gekend = tickets.loc[met_segment]
    per_segment = segment.loc[met_segment].astype(labels.dtype)
    alle = seizoenspatroon(gekend, "maand", klant, datum, bedrag)["seizoensindex"]
    rijen = {
        naam: seizoenspatroon(deel, "maand", klant, datum, bedrag)["seizoensindex"] / alle.where(alle > 0)
        for naam, deel in gekend.groupby(per_segment, observed=True, sort=True)
    }  # een lus over enkele segmenten, niet over klanten
    tabel = pd.DataFrame(rijen).T.reindex(columns=range(1, 13))
    tabel.columns = list(MAANDNAMEN)
    tabel.index.name = SEGMENT
    return tabel

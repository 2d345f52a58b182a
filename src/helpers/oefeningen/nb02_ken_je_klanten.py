"""Oefeningen van notebook 02 Ken je klanten: hoeveel, hoeveel ze besteden, hoe vaak, wat en wanneer.

Het jaar van de oefeningen is het laatste volledige jaar van de winkel (`JAAR`). Drie beslissingen
gebruiken de cijfers: wanneer je een productlijn aanschrijft, wie een bon voor een tweede aankoop
krijgt, en welk doel je zet voor de omzet zonder klantenkaart.

>>> from helpers.oefeningen import controleer
>>> controleer("02_eigen_seizoen", {"groep": "iedereen", "piekmaand": 12, "mailmaand": 11}).status
'fout'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.kpi import MAANDNAMEN, aandeel_zonder_kaart, actieve_klanten, gemiddeld_ticket, seizoenspatroon
from helpers.oefeningen.kern import (
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    als_procent,
    is_getal,
    lees_maand,
    registreer,
)
from helpers.opmaak import euro, getal, procent
from helpers.productseizoen import seizoen_per_groep
from helpers.rfm import rfm_tabel

if TYPE_CHECKING:
    from helpers.data import Winkel

JAAR = 2025
"""Het jaar waarover de opdrachten gaan (de datasets lopen tot de peildatum 31-12-2025)."""


def in_jaar(reeks: pd.Series, jaar: int = JAAR) -> float:
    """De waarde van ``jaar`` uit een reeks per jaar (index: jaarperiodes van `helpers.kpi`).

    >>> import pandas as pd
    >>> in_jaar(pd.Series([3, 5], index=pd.period_range("2024", periods=2, freq="Y")), 2025)
    5.0
    """
    return float(reeks[reeks.index.year == jaar].iloc[0])


def tickets_van(winkel: Winkel, jaar: int = JAAR) -> pd.DataFrame:
    """De tickets van één kalenderjaar.

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"datum": pd.to_datetime(["2024-12-31", "2025-01-01"]), "bedrag": [1.0, 2.0]})
    >>> tickets_van(SimpleNamespace(tickets=t))["bedrag"].tolist()
    [2.0]
    """
    return winkel.tickets[winkel.tickets["datum"].dt.year == jaar]


def eenmalige_kopers(winkel: Winkel) -> float:
    """Aandeel van de kopende klanten met maar één aankoopdag over de hele periode (`helpers.rfm`).

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", "K2", None], "bedrag": [10.0, 5.0, 8.0, 4.0],
    ...                   "datum": pd.to_datetime(["2025-01-02", "2025-03-01", "2025-02-01", "2025-02-01"])})
    >>> eenmalige_kopers(SimpleNamespace(tickets=t, peildatum=pd.Timestamp("2025-12-31")))
    0.5
    """
    return float(rfm_tabel(winkel.tickets, winkel.peildatum)["frequentie"].eq(1).mean())


registreer(
    Oefening(
        naam="02_actieve_klanten",
        vraag=f"Hoeveel verschillende klanten kochten in {JAAR} minstens één keer iets met hun klantenkaart?",
        oplossing=lambda w: int(in_jaar(actieve_klanten(w.tickets))),
        fouten=(
            Fout(
                lambda w: int(actieve_klanten(w.tickets, per=None).iloc[0]),
                f"je telde de klanten van alle jaren samen. Kies eerst de tickets van {JAAR}.",
            ),
            Fout(
                lambda w: int((tickets_van(w)["bedrag"] > 0).sum() - tickets_van(w)["klant_id"].isna().sum()),
                "je telde tickets, geen klanten: wie vijf keer kwam, telde vijf keer. Tel elk klantnummer "
                "maar één keer.",
            ),
            Fout(
                lambda w: len(w.klanten),
                "je telde iedereen in het klantenbestand, ook wie dat jaar niets kocht en de prospects.",
            ),
        ),
        uitleg=lambda v: f"{getal(v)} verschillende klanten kochten in {JAAR} iets met hun kaart.",
        tip=f"Kies de aankooptickets (bedrag groter dan 0) van {JAAR} en tel hoeveel verschillende "
        "klantnummers erin staan.",
        soort="berekening",
    )
)

registreer(
    Oefening(
        naam="02_gemiddeld_ticket",
        vraag=f"Wat is het gemiddelde ticket van {JAAR}: de netto-omzet gedeeld door het aantal "
        "aankooptickets (bedrag groter dan 0)?",
        oplossing=lambda w: in_jaar(gemiddeld_ticket(w.tickets, per="jaar")),
        fouten=(
            Fout(
                lambda w: float(tickets_van(w)["bedrag"].mean()),
                "je nam het gemiddelde van álle tickets, ook de retours. Een retour is geen aankoop: "
                "tel de bedragen op (retours eraf) en deel door het aantal tickets met een bedrag boven 0.",
            ),
            Fout(
                lambda w: float(tickets_van(w).loc[lambda t: t["bedrag"] > 0, "bedrag"].mean()),
                "je vergat de retours af te trekken. Tel alle bedragen van het jaar op (de retours zijn "
                "negatief) en deel pas dan door het aantal aankooptickets.",
            ),
        ),
        uitleg=lambda v: f"Een klant liet in {JAAR} gemiddeld {euro(v)} achter per aankoop (retours eraf).",
        tip="Deel de netto-omzet van het jaar (alle bedragen samen) door het aantal tickets met een "
        "bedrag boven 0.",
        soort="berekening",
    )
)


registreer(
    Oefening(
        naam="02_eenmalige_kopers",
        vraag="Welk aandeel van de kopende klanten kocht over de hele periode op maar één dag? "
        "Geef een aandeel tussen 0 en 1.",
        oplossing=eenmalige_kopers,
        fouten=(
            Fout(
                als_procent(eenmalige_kopers),
                "je gaf een percentage in plaats van een aandeel. Deel door 100.",
            ),
            Fout(
                lambda w: float(rfm_tabel(w.tickets, w.peildatum)["frequentie"].eq(1).sum()),
                "je gaf het aantal eenmalige kopers. Deel nog door het aantal kopende klanten: het "
                "gemiddelde van waar/onwaar is het aandeel, de som is het aantal.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} van je klanten kwam maar op één dag iets kopen. Hen een tweede "
            "keer over de drempel krijgen, is een van de beste investeringen die je kunt doen."
        ),
        tip="Per klant staat het aantal aankoopdagen in de kolom frequentie. Zeg per klant of dat 1 is "
        "(waar/onwaar); het gemiddelde daarvan is het aandeel.",
        abs_tol=0.0005,
        soort="berekening",
    )
)


def rustigste_maand(winkel: Winkel) -> int:
    """Het nummer (1 = januari) van de maand met de laagste omzet in een gemiddeld jaar.

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> datums = pd.to_datetime([f"2025-{m:02d}-10" for m in range(1, 13)])
    >>> t = pd.DataFrame({"klant_id": None, "datum": datums, "bedrag": [90.0] + [50.0] * 10 + [200.0]})
    >>> t.loc[2, "bedrag"] = 20.0
    >>> rustigste_maand(SimpleNamespace(tickets=t))
    3
    """
    return int(seizoenspatroon(winkel.tickets)["omzet"].idxmin())


registreer(
    Oefening(
        naam="02_rustigste_maand",
        vraag="In welke maand verkoopt de winkel in een gemiddeld jaar het minst (netto-omzet)? "
        "Geef het nummer van de maand (1 = januari, 12 = december).",
        oplossing=rustigste_maand,
        fouten=(
            Fout(
                lambda w: int(seizoenspatroon(w.tickets)["omzet"].idxmax()),
                "dat is de drukste maand. Zoek de maand met de kleinste omzet.",
            ),
            Fout(
                lambda w: rustigste_maand(w) - 1,
                "je gaf de positie in de lijst (die begint bij 0). Gebruik het maandnummer uit de index: "
                "januari is 1.",
            ),
        ),
        uitleg=lambda v: (
            f"De rustigste maand is {MAANDNAMEN[v - 1]}. Een goed moment voor een actie "
            "die klanten naar de winkel lokt, of voor inventaris en opleiding."
        ),
        tip="Het seizoenspatroon geeft per maand de omzet van een gemiddeld jaar; zoek het label van de "
        "kleinste waarde.",
        soort="opzoeken",
    )
)


# --- beslissing 1: wanneer schrijf je een productlijn aan? ---------------------------------------------


def seizoen_per_lijn(winkel: Winkel) -> pd.DataFrame:
    """De seizoensindex per maand (rijen) van elke productlijn (kolommen), `helpers.productseizoen`."""
    return seizoen_per_groep(winkel.ticketlijnen, winkel.tickets, winkel.producten, groep="productlijn")


def oordeel_mailmoment(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Eén mailing voor een productlijn die op een ander moment piekt dan de winkel: in de piekmaand of
    de maand ervoor."""
    if not isinstance(antwoord, dict) or not {"productlijn", "maand"} <= set(antwoord):
        raise KeuzeFout("Geef een woordenboek: {'productlijn': 'running', 'maand': 'februari'}.")
    seizoen = seizoen_per_lijn(winkel)
    lijn = str(antwoord["productlijn"]).strip()
    if lijn not in seizoen.columns:
        raise KeuzeFout(
            f"{winkel.naam} heeft geen productlijn {lijn!r}. Kies uit: {', '.join(seizoen.columns)}."
        )
    maand = lees_maand(antwoord["maand"])
    winkelpiek = int(seizoenspatroon(winkel.tickets)["seizoensindex"].idxmax())
    piek = int(seizoen[lijn].idxmax())
    naam, piek_naam = MAANDNAMEN[maand - 1], MAANDNAMEN[piek - 1]
    if piek == winkelpiek:
        return Oordeel(
            False,
            f"{lijn.capitalize()} piekt net als de hele winkel in {piek_naam}: kies een productlijn die op "
            "een "
            "ander moment verkoopt, dan heeft een eigen mailing zin.",
        )
    if maand == piek:
        return Oordeel(
            True,
            f"{lijn.capitalize()} verkoopt in {piek_naam} {getal(seizoen.loc[piek, lijn], 2)} keer een "
            "gewone "
            "maand: je mail valt op het moment dat die klanten kopen. Nog een week of twee eerder is nog "
            "beter.",
        )
    if maand == (piek - 2) % 12 + 1:
        return Oordeel(
            True,
            f"Je mailt een maand vóór de piek van {lijn} in {piek_naam} "
            f"({getal(seizoen.loc[piek, lijn], 2)} keer een gewone maand): je klanten kiezen nog, en ze "
            "kiezen "
            "bij jou.",
        )
    return Oordeel(
        False,
        f"{lijn.capitalize()} piekt in {piek_naam} ({getal(seizoen.loc[piek, lijn], 2)} keer een gewone "
        "maand); "
        f"in {naam} is het {getal(seizoen.loc[maand, lijn], 2)}. Mail in de piekmaand of de maand ervoor.",
    )


def _andere_lijn(winkel: Winkel) -> tuple[str, int]:
    """De productlijn die het verst van de piek van de winkel piekt, met haar piekmaand."""
    seizoen = seizoen_per_lijn(winkel)
    winkelpiek = int(seizoenspatroon(winkel.tickets)["seizoensindex"].idxmax())
    piek = seizoen.idxmax().astype(int)
    afstand = ((piek - winkelpiek) % 12).clip(upper=12 - (piek - winkelpiek) % 12)
    lijn = str(afstand.idxmax())
    return lijn, int(piek[lijn])


def _zelfde_piek(winkel: Winkel) -> str:
    winkelpiek = int(seizoenspatroon(winkel.tickets)["seizoensindex"].idxmax())
    piek = seizoen_per_lijn(winkel).idxmax().astype(int)
    return str(piek[piek == winkelpiek].index[0])


registreer(
    Beslissing(
        naam="02_mailmoment",
        vraag="Je stuurt één mailing voor een productlijn die op een ander moment verkoopt dan de rest van "
        "de winkel. Welke productlijn, en in welke maand?",
        oordeel=oordeel_mailmoment,
        voorbeelden=(
            Voorbeeld(
                lambda w: {"productlijn": _andere_lijn(w)[0], "maand": _andere_lijn(w)[1] - 1 or 12},
                True,
                "vóór de piek",
            ),
            Voorbeeld(
                lambda w: {"productlijn": _andere_lijn(w)[0], "maand": _andere_lijn(w)[1]},
                True,
                "op het moment",
            ),
            Voorbeeld(
                lambda w: {"productlijn": _andere_lijn(w)[0], "maand": (_andere_lijn(w)[1] + 2) % 12 + 1},
                False,
                "Mail in de piekmaand",
            ),
            Voorbeeld(
                lambda w: {"productlijn": _zelfde_piek(w), "maand": 12}, False, "net als de hele winkel"
            ),
        ),
        soort="beslissing",
    )
)


# --- beslissing 2: een bon voor de tweede aankoop -------------------------------------------------------

BONNEN = 300
"""Zoveel bonnen '10% op je tweede aankoop' laat het budget toe."""


def _klanten_ids(antwoord: Any) -> pd.Index:
    if isinstance(antwoord, pd.DataFrame):
        antwoord = antwoord["klant_id"] if "klant_id" in antwoord.columns else antwoord.index
    if isinstance(antwoord, str) or not isinstance(antwoord, pd.Series | pd.Index | list | tuple | set):
        raise KeuzeFout("Geef de klantnummers van wie een bon krijgt: een lijst, een kolom of een index.")
    return pd.Index([str(x) for x in antwoord]).unique()


def oordeel_tweede_aankoop(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Hoogstens `BONNEN` bonnen, naar eenmalige kopers die toestemming gaven."""
    ids = _klanten_ids(antwoord)
    klanten = winkel.klanten.set_index(winkel.klanten["klant_id"].astype("str"))
    onbekend = ids.difference(klanten.index)
    if len(onbekend):
        raise KeuzeFout(f"Het klantnummer {onbekend[0]!r} staat niet in het klantenbestand.")
    if not len(ids):
        return Oordeel(False, "Je lijst is leeg: zo komt er niemand een tweede keer.")
    if len(ids) > BONNEN:
        return Oordeel(
            False, f"Je kiest {getal(len(ids))} klanten, maar je hebt maar {getal(BONNEN)} bonnen."
        )
    zonder = int((~klanten.loc[ids, "toestemming_marketing"].astype(bool)).sum())
    if zonder:
        return Oordeel(
            False,
            f"{getal(zonder)} van je {getal(len(ids))} klanten gaven geen toestemming voor reclame: hen "
            "mag je "
            "geen bon sturen.",
        )
    rfm = rfm_tabel(winkel.tickets, winkel.peildatum)
    rfm = rfm.set_axis(rfm.index.astype("str"))
    eenmalig = rfm["frequentie"].reindex(ids).eq(1)
    if eenmalig.mean() < 0.8:
        return Oordeel(
            False,
            f"Maar {procent(eenmalig.mean(), 0)} van je bonnen gaat naar eenmalige kopers: "
            f"{getal(int((~eenmalig).sum()))} gaan naar klanten die al terugkomen. Die bonnen zijn "
            "weggegeven "
            "korting.",
        )
    dagen = rfm["recency"].reindex(ids[eenmalig.to_numpy()]).median()
    over = BONNEN - len(ids)
    return Oordeel(
        True,
        f"Je {getal(len(ids))} bonnen gaan naar eenmalige kopers ({procent(eenmalig.mean(), 0)}); hun "
        "aankoop is "
        f"gemiddeld (mediaan) {getal(dagen, 0)} dagen geleden. Hoe recenter, hoe groter de kans dat ze "
        "terugkomen." + (f" Je houdt {getal(over)} bonnen over." if over else ""),
    )


def _eenmalig_met_toestemming(winkel: Winkel) -> pd.Index:
    """Eenmalige kopers met toestemming, de recentste eerst."""
    rfm = rfm_tabel(winkel.tickets, winkel.peildatum)
    rfm = rfm.set_axis(rfm.index.astype("str"))
    toestemming = winkel.klanten.set_index(winkel.klanten["klant_id"].astype("str"))["toestemming_marketing"]
    kandidaten = rfm[(rfm["frequentie"] == 1) & toestemming.reindex(rfm.index).fillna(False).astype(bool)]
    return kandidaten.sort_values("recency", kind="stable").index


def _trouwste(winkel: Winkel) -> pd.Index:
    rfm = rfm_tabel(winkel.tickets, winkel.peildatum)
    toestemming = winkel.klanten.set_index(winkel.klanten["klant_id"].astype("str"))["toestemming_marketing"]
    rfm = rfm.set_axis(rfm.index.astype("str"))
    rfm = rfm[toestemming.reindex(rfm.index).fillna(False).astype(bool)]
    return rfm.sort_values("monetair", ascending=False).index[:BONNEN]


registreer(
    Beslissing(
        naam="02_tweede_aankoop",
        vraag=f"Je hebt {BONNEN} bonnen '10% op je tweede aankoop'. Wie krijgt er een? Geef de klantnummers.",
        oordeel=oordeel_tweede_aankoop,
        voorbeelden=(
            Voorbeeld(lambda w: _eenmalig_met_toestemming(w)[:BONNEN], True, "Hoe recenter"),
            Voorbeeld(lambda w: list(_eenmalig_met_toestemming(w)[: BONNEN // 2]), True, "bonnen over"),
            Voorbeeld(_trouwste, False, "al terugkomen"),
            Voorbeeld(
                lambda w: (
                    rfm_tabel(w.tickets, w.peildatum)
                    .query("frequentie == 1")
                    .index[: BONNEN // 2]
                    .union(w.klanten.loc[~w.klanten["toestemming_marketing"], "klant_id"].astype("str")[:5])
                ),
                False,
                "geen toestemming",
            ),
            Voorbeeld(
                lambda w: rfm_tabel(w.tickets, w.peildatum).index[: BONNEN + 50], False, "maar 300 bonnen"
            ),
        ),
        soort="beslissing",
    )
)


# --- beslissing 3: een doel voor de omzet zonder klantenkaart -------------------------------------------

STAP = (0.02, 0.15)
"""Een doel voor volgend jaar: minstens 2 en hoogstens 15 procentpunten minder omzet zonder kaart."""


def oordeel_kaartdoel(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een haalbaar doel voor het aandeel van de omzet zonder klantenkaart, volgend jaar."""
    if not is_getal(antwoord):
        raise KeuzeFout("Geef je doel als aandeel tussen 0 en 1, bv. 0.25 voor een kwart van de omzet.")
    if 1 < antwoord <= 100:
        raise KeuzeFout(f"{getal(antwoord)} is een percentage: geef een aandeel tussen 0 en 1.")
    nu = in_jaar(aandeel_zonder_kaart(winkel.tickets, per="jaar"))
    omzet = float(tickets_van(winkel)["bedrag"].sum())
    if antwoord >= nu:
        return Oordeel(
            False,
            f"Nu komt {procent(nu)} van de omzet zonder kaart. Een doel van {procent(antwoord)} is geen "
            "verbetering: zet het lager.",
        )
    if nu - antwoord > STAP[1] or antwoord < 0.05:
        return Oordeel(
            False,
            f"Van {procent(nu)} naar {procent(antwoord)} in één jaar is onhaalbaar: passanten, toeristen en "
            "cadeaukopers kopen altijd zonder kaart. Mik op een stap van hoogstens "
            f"{getal(STAP[1] * 100, 0)} procentpunten.",
        )
    if nu - antwoord < STAP[0]:
        return Oordeel(
            False,
            f"Van {procent(nu)} naar {procent(antwoord)} is zo'n kleine stap dat je niet zult merken of je "
            "actie werkt. Durf wat meer.",
        )
    return Oordeel(
        True,
        f"Van {procent(nu)} naar {procent(antwoord)}: bij dezelfde omzet leer je zo "
        f"{euro((nu - antwoord) * omzet, 0)} per jaar kennen aan klanten die je kunt terugzien.",
    )


def _nu(winkel: Winkel) -> float:
    return in_jaar(aandeel_zonder_kaart(winkel.tickets, per="jaar"))


registreer(
    Beslissing(
        naam="02_kaartdoel",
        vraag=f"Welk aandeel van de omzet mag volgend jaar nog zonder klantenkaart komen? Nu is het het "
        f"aandeel van {JAAR}. Geef een aandeel tussen 0 en 1.",
        oordeel=oordeel_kaartdoel,
        voorbeelden=(
            Voorbeeld(lambda w: round(_nu(w) - 0.05, 3), True, "leer je zo"),
            Voorbeeld(lambda w: round(_nu(w) - 0.10, 3), True, "per jaar kennen"),
            Voorbeeld(lambda w: round(_nu(w) + 0.02, 3), False, "geen verbetering"),
            Voorbeeld(lambda w: 0.0, False, "onhaalbaar"),
            Voorbeeld(lambda w: round(_nu(w) - 0.005, 3), False, "kleine stap"),
        ),
        soort="beslissing",
    )
)


# --- je eigen winkel ----------------------------------------------------------------------------------

VOORBEELD_SEIZOEN = {"groep": "wandelschoenen", "piekmaand": "april", "mailmaand": "maart"}


def oordeel_eigen_seizoen(antwoord: Any, winkel: object = None) -> Oordeel:
    """Een groep in je eigen winkel die op een ander moment koopt, met haar piek en je mailmoment."""
    if not isinstance(antwoord, dict) or not {"groep", "piekmaand", "mailmaand"} <= set(antwoord):
        raise KeuzeFout(
            "Geef een woordenboek: {'groep': 'wandelschoenen', 'piekmaand': 'april', 'mailmaand': 'maart'}."
        )
    groep = str(antwoord["groep"]).strip()
    if len(groep) < 3 or groep.lower() in {"...", "iedereen", "alle klanten", "alles", "de klanten"}:
        return Oordeel(
            False,
            "Noem een echte groep of productlijn. 'Iedereen koopt op hetzelfde moment' is net wat je niet "
            "mag "
            "veronderstellen.",
        )
    piek, mail = lees_maand(antwoord["piekmaand"]), lees_maand(antwoord["mailmaand"])
    if {k: str(v).strip().lower() for k, v in antwoord.items()} == VOORBEELD_SEIZOEN:
        return Oordeel(False, "Dat is het voorbeeld. Welke groep koopt in jouw winkel op een ander moment?")
    vooraf = (piek - mail) % 12
    if vooraf > 2:
        return Oordeel(
            False,
            f"Je mailt in {MAANDNAMEN[mail - 1]}, maar de piek van {groep} valt in {MAANDNAMEN[piek - 1]}: "
            f"dat is {'te laat' if vooraf > 6 else 'te vroeg'}. Mail in de piekmaand of een of twee maanden "
            "ervoor.",
        )
    return Oordeel(
        True,
        f"{groep.capitalize()}: piek in {MAANDNAMEN[piek - 1]}, bericht in {MAANDNAMEN[mail - 1]}. Zet het "
        "nu "
        "al in je agenda, los van je mailing voor de rest van de klanten.",
    )


registreer(
    Beslissing(
        naam="02_eigen_seizoen",
        vraag="Welke groep of productlijn in je eigen winkel koopt op een ander moment, wanneer piekt ze, "
        "en wanneer stuur je hen een bericht?",
        oordeel=oordeel_eigen_seizoen,
        voorbeelden=(
            Voorbeeld(
                lambda w: {"groep": "voetballers", "piekmaand": "augustus", "mailmaand": "juli"},
                True,
                "Voetballers",
            ),
            Voorbeeld(
                lambda w: {"groep": "scheidsrechters", "piekmaand": 9, "mailmaand": 9},
                True,
                "Scheidsrechters",
            ),
            Voorbeeld(
                lambda w: {"groep": "iedereen", "piekmaand": 12, "mailmaand": 11}, False, "veronderstellen"
            ),
            Voorbeeld(
                lambda w: {"groep": "lopers", "piekmaand": "maart", "mailmaand": "mei"}, False, "te laat"
            ),
            Voorbeeld(lambda w: dict(VOORBEELD_SEIZOEN), False, "voorbeeld"),
        ),
        soort="eigen_winkel",
        plan="seizoensmoment",
    )
)

"""Oefeningen van notebook 00 Welkom: de eerste stappen in de data van een winkel, en de eerste keuzes.

Drie beslissingen over het ritme van een winkel (een jobstudent in de drukste maand, een actie in een
rustige maand die de wet toelaat, een extra kracht op de drukste dag) en je eerste schattingen over je
eigen winkel, die in je plan komen.

>>> from helpers.oefeningen import controleer
>>> controleer("00_eigen_klanten", -3).status
'bijna'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.kpi import MAANDNAMEN, actieve_klanten, seizoenspatroon
from helpers.oefeningen.kern import (
    AANDEEL_TOL,
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    als_procent,
    is_getal,
    keur_schatting,
    lees_maand,
    registreer,
)
from helpers.opmaak import euro, getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel

WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

SOLDENMAANDEN = (1, 7)
"""Januari en juli: de solden (art. VI.25 Wetboek van economisch recht)."""

SPERMAANDEN = (6, 12)
"""Juni en december: de sperperiode (geen prijsverminderingen aankondigen voor kleding, schoenen en leder)."""

DRUKSTE = 3
"""Een jobstudent loont in een van de drie drukste maanden."""


def kopende_klanten(winkel: Winkel) -> int:
    """Aantal verschillende klanten met minstens één aankoopdag (`helpers.kpi.actieve_klanten`).

    Anonieme tickets tellen niet mee; een klant met alleen een retour ook niet.

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> datums = pd.to_datetime(["2025-01-02", "2025-01-03", "2025-01-03", "2025-02-01"])
    >>> tickets = pd.DataFrame({"klant_id": ["K1", "K1", None, "K2"], "bedrag": [10.0, 5.0, 8.0, -5.0],
    ...                         "datum": datums})
    >>> kopende_klanten(SimpleNamespace(tickets=tickets))
    1
    """
    return int(actieve_klanten(winkel.tickets, per=None).iloc[0])


registreer(
    Oefening(
        naam="00_rijen_klanten",
        vraag="Hoeveel personen (rijen) telt de tabel klanten?",
        oplossing=lambda w: len(w.klanten),
        fouten=(
            Fout(
                lambda w: int((w.klanten["relatie"] == "klant").sum()),
                "je telde alleen wie al iets kocht. In het klantenbestand staan ook prospects "
                "(bv. wie zich inschreef voor de nieuwsbrief): tel alle rijen van de tabel klanten.",
            ),
            Fout(
                lambda w: len(w.tickets),
                "je telde de tickets (kassabonnen), niet de personen. Tel de rijen van de tabel klanten.",
            ),
        ),
        uitleg=lambda v: f"Het klantenbestand telt {getal(v)} personen.",
        tip="Het aantal rijen van een tabel geeft je Python met de functie die je in het voorbeeld zag.",
        soort="opzoeken",
    )
)

registreer(
    Oefening(
        naam="00_kopende_klanten",
        vraag="Hoeveel verschillende klanten kochten minstens één keer iets met hun klantenkaart?",
        oplossing=kopende_klanten,
        fouten=(
            Fout(
                lambda w: len(w.klanten),
                "je telde iedereen in het klantenbestand, ook de prospects die nooit iets kochten. "
                "Tel de verschillende klantnummers in de aankooptickets.",
            ),
            Fout(
                lambda w: kopende_klanten(w) + int(w.tickets["klant_id"].isna().any()),
                "je telde de lege klantnummers (de anonieme tickets) mee als één klant. Laat ze weg: "
                "een anoniem ticket is geen klant.",
            ),
            Fout(
                lambda w: int(((w.tickets["bedrag"] > 0) & w.tickets["klant_id"].notna()).sum()),
                "je telde tickets, geen klanten: wie drie keer kwam, telde drie keer. Tel elk "
                "klantnummer maar één keer.",
            ),
        ),
        uitleg=lambda v: f"{getal(v)} verschillende klanten kochten iets met hun kaart.",
        tip="Kies de aankooptickets (bedrag groter dan 0) en tel hoeveel verschillende klantnummers erin "
        "staan.",
        soort="berekening",
    )
)

registreer(
    Oefening(
        naam="00_omzet",
        vraag="Wat is de totale netto-omzet over de hele periode (retours afgetrokken)?",
        oplossing=lambda w: float(w.tickets["bedrag"].sum()),
        fouten=(
            Fout(
                lambda w: float(w.tickets["bedrag"].clip(lower=0).sum()),
                "je vergat de retours af te trekken. Een retour is een ticket met een negatief bedrag: "
                "tel gewoon alle bedragen op.",
            ),
            Fout(
                lambda w: float(w.tickets.loc[w.tickets["klant_id"].notna(), "bedrag"].sum()),
                "je liet de anonieme tickets (zonder klantenkaart) weg. Ook dat geld kwam in je kassa.",
            ),
        ),
        uitleg=lambda v: f"De winkel zette netto {euro(v)} om.",
        tip="Tel alle bedragen van de tickets op; de retours zijn negatief en vallen zo vanzelf weg.",
        soort="berekening",
    )
)


def aandeel_anonieme_tickets(winkel: Winkel) -> float:
    """Aandeel van de tickets zonder ``klant_id`` (aantal tickets, niet omzet).

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> tickets = pd.DataFrame({"klant_id": ["K1", None, "K2", None]})
    >>> aandeel_anonieme_tickets(SimpleNamespace(tickets=tickets))
    0.5
    """
    return float(winkel.tickets["klant_id"].isna().mean())


registreer(
    Oefening(
        naam="00_aandeel_anoniem",
        vraag="Welk aandeel van de tickets heeft geen klant_id (anoniem)? Geef een aandeel tussen 0 en 1.",
        oplossing=aandeel_anonieme_tickets,
        fouten=(
            Fout(
                als_procent(aandeel_anonieme_tickets),
                "je gaf een percentage (zoals 30) in plaats van een aandeel (zoals 0.30). Deel door 100.",
            ),
            Fout(
                lambda w: int(w.tickets["klant_id"].isna().sum()),
                "je gaf het aantal anonieme tickets. Gevraagd is het aandeel: deel door het aantal tickets.",
            ),
        ),
        uitleg=lambda v: f"{procent(v)} van de tickets is anoniem: van die aankopen weet je niet wie kocht.",
        tip="Zeg per ticket of het klantnummer leeg is (waar/onwaar); het gemiddelde daarvan is het aandeel.",
        abs_tol=AANDEEL_TOL,
        soort="berekening",
    )
)

registreer(
    Oefening(
        naam="00_tickets_per_kanaal",
        vraag="Hoeveel tickets telt elk verkoopkanaal (winkel, webshop)? Geef een reeks.",
        oplossing=lambda w: w.tickets["kanaal"].value_counts(),
        fouten=(
            Fout(
                lambda w: w.tickets["kanaal"].value_counts(normalize=True),
                "je gaf aandelen in plaats van aantallen. Tel gewoon hoe vaak elk kanaal voorkomt.",
            ),
        ),
        uitleg=lambda v: "Per kanaal: " + ", ".join(f"{k} {getal(n)}" for k, n in v.items() if n) + ".",
        tip="Tel hoe vaak elke waarde in de kolom met het kanaal voorkomt.",
        soort="berekening",
    )
)


# --- beslissingen over het ritme van de winkel ----------------------------------------------------------


def maandindex(winkel: Winkel) -> pd.Series:
    """De seizoensindex per maand (1 = een gemiddelde maand; `helpers.kpi.seizoenspatroon`)."""
    return seizoenspatroon(winkel.tickets)["seizoensindex"]


def oordeel_jobstudent(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een jobstudent voor één maand: loont in een van de `DRUKSTE` drukste maanden."""
    maand = lees_maand(antwoord)
    index = maandindex(winkel)
    rang = int(index.rank(ascending=False, method="first")[maand])
    omzet = seizoenspatroon(winkel.tickets)["omzet"]
    naam = MAANDNAMEN[maand - 1]
    if rang <= DRUKSTE:
        return Oordeel(
            True,
            f"{naam.capitalize()} is de {'' if rang == 1 else f'{rang}e '}drukste maand: gemiddeld "
            f"{euro(omzet[maand], 0)} omzet, {getal(index[maand], 2)} keer een gewone maand. Daar verdient "
            "een extra paar handen zich terug.",
        )
    top = index.nlargest(DRUKSTE)
    return Oordeel(
        False,
        f"In {naam} verkoopt {winkel.naam} maar {getal(index[maand], 2)} keer een gewone maand "
        f"({euro(omzet[maand], 0)}): de jobstudent staat dan vooral te wachten. De drukste maanden zijn "
        + ", ".join(f"{MAANDNAMEN[m - 1]} ({getal(i, 2)})" for m, i in top.items())
        + ".",
    )


registreer(
    Beslissing(
        naam="00_jobstudent",
        vraag="Je kunt één maand per jaar een jobstudent inzetten. In welke maand?",
        oordeel=oordeel_jobstudent,
        voorbeelden=(
            Voorbeeld(lambda w: int(maandindex(w).idxmax()), True, "is de drukste maand"),
            Voorbeeld(lambda w: int(maandindex(w).nlargest(2).index[1]), True, "2e drukste"),
            Voorbeeld(
                lambda w: MAANDNAMEN[int(maandindex(w).idxmin()) - 1], False, "staat dan vooral te wachten"
            ),
        ),
        soort="beslissing",
    )
)


def oordeel_actiemaand(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een kortingsactie op kleding of schoenen om volk te lokken: in een rustige maand die de wet toelaat."""
    maand = lees_maand(antwoord)
    index = maandindex(winkel)
    naam = MAANDNAMEN[maand - 1]
    if maand in SPERMAANDEN:
        return Oordeel(
            False,
            f"In {naam} valt de sperperiode: dan mag je voor kleding, schoenen en lederwaren geen "
            "prijsvermindering aankondigen (Wetboek van economisch recht, boek VI).",
        )
    if maand in SOLDENMAANDEN:
        return Oordeel(
            False, f"In {naam} zijn het al solden: je actie verdrinkt tussen de kortingen van iedereen."
        )
    if index[maand] >= 1:
        return Oordeel(
            False,
            f"{naam.capitalize()} is geen rustige maand ({getal(index[maand], 2)} keer een gewone maand): "
            "een korting kost je dan marge op wat je toch al verkocht.",
        )
    return Oordeel(
        True,
        f"{naam.capitalize()} is rustig ({getal(index[maand], 2)} keer een gewone maand) en valt buiten de "
        "solden en de sperperiode: een actie kan daar volk over de drempel trekken.",
    )


def _rustig_en_toegelaten(winkel: Winkel) -> pd.Series:
    index = maandindex(winkel)
    return index[~index.index.isin(SOLDENMAANDEN + SPERMAANDEN)].sort_values()


registreer(
    Beslissing(
        naam="00_actiemaand",
        vraag="Je wil een actie met korting op kleding of schoenen om volk te lokken. In welke maand?",
        oordeel=oordeel_actiemaand,
        voorbeelden=(
            Voorbeeld(lambda w: int(_rustig_en_toegelaten(w).index[0]), True, "volk over de drempel"),
            Voorbeeld(lambda w: int(_rustig_en_toegelaten(w).index[1]), True, "buiten de solden"),
            Voorbeeld(lambda w: 12, False, "sperperiode"),
            Voorbeeld(lambda w: "juli", False, "al solden"),
            Voorbeeld(lambda w: int(_rustig_en_toegelaten(w).index[-1]), False, "geen rustige maand"),
        ),
        soort="beslissing",
    )
)


def tickets_per_dag(winkel: Winkel) -> pd.Series:
    """Aankooptickets in de winkel (niet de webshop) per weekdag, maandag tot zondag."""
    t = winkel.tickets
    winkel_aankoop = t[(t["kanaal"] == "winkel").to_numpy() & (t["bedrag"] > 0).to_numpy()]
    dag = winkel_aankoop["datum"].dt.day_of_week.value_counts().reindex(range(7), fill_value=0)
    return pd.Series(dag.to_numpy(), index=list(WEEKDAGEN), name="tickets")


def oordeel_dag(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een extra kracht op één dag per week: op een van de twee drukste dagen."""
    if not isinstance(antwoord, str) or antwoord.strip().lower() not in WEEKDAGEN:
        raise KeuzeFout("Geef een dag van de week, bv. 'woensdag'.")
    dag = antwoord.strip().lower()
    per_dag = tickets_per_dag(winkel)
    if per_dag[dag] == 0:
        return Oordeel(False, f"Op {dag} is de winkel dicht: er staat geen enkel winkelticket op die dag.")
    open_dagen = per_dag[per_dag > 0]
    gemiddeld = open_dagen.mean()
    rang = int(open_dagen.rank(ascending=False, method="first")[dag])
    if rang <= 2:
        return Oordeel(
            True,
            f"Op {dag} telt de winkel {getal(per_dag[dag])} tickets, "
            f"{procent(per_dag[dag] / gemiddeld - 1, 0)} meer dan op een gemiddelde open dag: daar wacht de "
            "klant anders aan de kassa.",
        )
    return Oordeel(
        False,
        f"Op {dag} telt de winkel {getal(per_dag[dag])} tickets; op {open_dagen.idxmax()} zijn het er "
        f"{getal(open_dagen.max())}. Zet de extra kracht waar de klanten zijn.",
    )


registreer(
    Beslissing(
        naam="00_drukste_dag",
        vraag="Je hebt één dag per week een extra kracht in de winkel. Welke dag?",
        oordeel=oordeel_dag,
        voorbeelden=(
            Voorbeeld(lambda w: str(tickets_per_dag(w).idxmax()), True, "aan de kassa"),
            Voorbeeld(
                lambda w: str(tickets_per_dag(w).nlargest(2).index[1]), True, "meer dan op een gemiddelde"
            ),
            Voorbeeld(lambda w: "zondag", False, "dicht"),
            Voorbeeld(
                lambda w: str(tickets_per_dag(w)[lambda d: d > 0].idxmin()), False, "waar de klanten zijn"
            ),
        ),
        soort="beslissing",
    )
)


# --- je eigen winkel -------------------------------------------------------------------------------------

MAX_KLANTEN = 100_000
"""Meer verschillende klanten per jaar heeft een zelfstandige winkel niet (een grote winkelketen wel)."""

registreer(
    Oefening(
        naam="00_eigen_klanten",
        vraag="Hoeveel verschillende klanten kopen volgens jou per jaar in je eigen winkel? Een schatting.",
        oplossing=lambda w: 850,
        fouten=(
            Fout(
                lambda w: 0,
                "een winkel zonder klanten bestaat niet. Schat hoeveel verschillende mensen "
                "per jaar iets bij je kopen, ook zonder klantenkaart.",
            ),
            Fout(
                lambda w: -3,
                "een aantal klanten kan niet negatief zijn. Schat hoeveel verschillende mensen "
                "per jaar iets bij je kopen.",
            ),
        ),
        uitleg=lambda v: "Onthoud dit getal: in notebook 10 vergelijk je het met wat je kassa zegt.",
        keur=keur_schatting(
            geheel=True,
            maximum=MAX_KLANTEN,
            te_groot="Zoveel verschillende klanten per jaar heeft geen zelfstandige winkel: dat zijn er meer "
            "dan in een kleine stad wonen. Tel mensen, geen tickets.",
        ),
        soort="eigen_winkel",
    )
)


def oordeel_schattingen(antwoord: Any, winkel: object = None) -> Oordeel:
    """Drie schattingen over je eigen winkel die kunnen kloppen: ticket, aandeel met kaart, drukste maand."""
    nodig = ("gemiddeld_ticket", "aandeel_met_kaart", "drukste_maand")
    if not isinstance(antwoord, Mapping) or any(k not in antwoord for k in nodig):
        raise KeuzeFout(
            "Geef een woordenboek met drie schattingen: {'gemiddeld_ticket': 75, 'aandeel_met_kaart': 0.6, "
            "'drukste_maand': 'december'}."
        )
    ticket, kaart, maand = (antwoord[k] for k in nodig)
    if not is_getal(ticket) or not is_getal(kaart):
        return Oordeel(
            False, "Het gemiddelde ticket en het aandeel met kaart zijn getallen, zonder aanhalingstekens."
        )
    if ticket <= 0 or ticket > 5000:
        return Oordeel(
            False,
            f"Een gemiddeld ticket van {euro(ticket)} kan niet in een kleding-, schoenen- of sportzaak: denk "
            "aan de laatste tien tickets die je aansloeg (met een punt voor de cent: 72.50).",
        )
    if 1 < kaart <= 100:
        return Oordeel(
            False, f"{getal(kaart)} is een percentage: geef het aandeel als getal tussen 0 en 1 (bv. 0.6)."
        )
    if not 0 <= kaart <= 1:
        return Oordeel(False, "Het aandeel tickets met klantenkaart ligt tussen 0 (niemand) en 1 (iedereen).")
    try:
        nummer = lees_maand(maand)
    except KeuzeFout as fout:
        return Oordeel(False, f"De drukste maand: {fout}")
    return Oordeel(
        True,
        f"Je schat een gemiddeld ticket van {euro(ticket)}, {procent(kaart, 0)} van de tickets met kaart en "
        f"{MAANDNAMEN[nummer - 1]} als drukste maand. In notebook 10 leg je die schattingen naast je kassa.",
    )


registreer(
    Beslissing(
        naam="00_eigen_schattingen",
        vraag="Schat drie cijfers van je eigen winkel: het gemiddelde ticket, het aandeel tickets met "
        "klantenkaart en de drukste maand.",
        oordeel=oordeel_schattingen,
        voorbeelden=(
            Voorbeeld(
                lambda w: {"gemiddeld_ticket": 75, "aandeel_met_kaart": 0.6, "drukste_maand": "december"},
                True,
                "december",
            ),
            Voorbeeld(
                lambda w: {"gemiddeld_ticket": 120.0, "aandeel_met_kaart": 0.35, "drukste_maand": 9},
                True,
                "september",
            ),
            Voorbeeld(
                lambda w: {"gemiddeld_ticket": 75, "aandeel_met_kaart": 60, "drukste_maand": "december"},
                False,
                "percentage",
            ),
            Voorbeeld(
                lambda w: {"gemiddeld_ticket": 75000, "aandeel_met_kaart": 0.6, "drukste_maand": "december"},
                False,
                "kan niet",
            ),
            Voorbeeld(
                lambda w: {"gemiddeld_ticket": 75, "aandeel_met_kaart": 0.6, "drukste_maand": "kerstmis"},
                False,
                "Geef een maand",
            ),
        ),
        soort="eigen_winkel",
        plan="schattingen",
    )
)

"""Oefeningen van notebook 02 Ken je klanten: hoeveel, hoeveel ze besteden, hoe vaak, wat en wanneer.

Het jaar van de oefeningen is het laatste volledige jaar van de winkel (`JAAR`).

>>> from helpers.oefeningen import controleer
>>> controleer("02_eigen_ticket", 0).status
'bijna'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.kpi import (
    MAANDNAMEN,
    aandeel_zonder_kaart,
    actieve_klanten,
    gemiddeld_ticket,
    omzet_per_productlijn,
    seizoenspatroon,
)
from helpers.oefeningen.kern import Fout, Oefening, als_procent, is_getal, registreer, verschil
from helpers.opmaak import euro, getal, procent
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
                "je telde tickets, geen klanten: wie vijf keer kwam, telde vijf keer. "
                "Gebruik `.nunique()` op de kolom `klant_id`.",
            ),
            Fout(
                lambda w: len(w.klanten),
                "je telde iedereen in het klantenbestand, ook wie dat jaar niets kocht en de prospects.",
            ),
        ),
        uitleg=lambda v: f"{getal(v)} verschillende klanten kochten in {JAAR} iets met hun kaart.",
        tip=f"Kies de aankooptickets (bedrag groter dan 0) van {JAAR} en tel de verschillende "
        "`klant_id`'s met `.nunique()`.",
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
        tip="Netto-omzet van het jaar: `.sum()` van `bedrag`; aantal aankooptickets: "
        "`(bedrag > 0).sum()`. Deel het ene door het andere.",
    )
)


def zonder_kaart(winkel: Winkel) -> float:
    """Aandeel van de netto-omzet van `JAAR` op tickets zonder klantenkaart (`helpers.kpi`).

    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"klant_id": ["K1", None], "bedrag": [75.0, 25.0],
    ...                   "datum": pd.to_datetime(["2025-01-02", "2025-03-01"])})
    >>> zonder_kaart(SimpleNamespace(tickets=t))
    0.25
    """
    return in_jaar(aandeel_zonder_kaart(winkel.tickets, per="jaar"))


registreer(
    Oefening(
        naam="02_aandeel_zonder_kaart",
        vraag=f"Welk aandeel van de netto-omzet van {JAAR} kwam van tickets zonder klantenkaart? "
        "Geef een aandeel tussen 0 en 1.",
        oplossing=zonder_kaart,
        fouten=(
            Fout(
                als_procent(zonder_kaart),
                "je gaf een percentage (zoals 30) in plaats van een aandeel (zoals 0.30). Deel door 100.",
            ),
            Fout(
                lambda w: 1 - zonder_kaart(w),
                "je gaf het aandeel van de omzet mét klantenkaart. Gevraagd is het omgekeerde: de "
                "tickets waar `klant_id` leeg is.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} van de omzet komt van klanten die je niet kent: daar weet je "
            "niet wie ze zijn, hoe vaak ze komen of wat ze nog zouden kopen."
        ),
        tip="Kies de tickets waar `klant_id` leeg is (`.isna()`), tel hun `bedrag` op en deel door "
        "de omzet van het hele jaar. Het aandeel van de tickets is iets anders dan het aandeel van "
        "de omzet: tel bedragen, geen tickets.",
        abs_tol=0.0005,
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
                "je gaf het aantal eenmalige kopers. Deel nog door het aantal kopende klanten, "
                "of gebruik `.mean()` in plaats van `.sum()`.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} van je klanten kwam maar op één dag iets kopen. Hen een tweede "
            "keer over de drempel krijgen, is een van de beste investeringen die je kunt doen."
        ),
        tip="In de tabel van `rfm_tabel` staat per klant de `frequentie` (het aantal aankoopdagen). "
        "`.eq(1)` zegt per klant of dat 1 is; het gemiddelde daarvan is het aandeel.",
        abs_tol=0.0005,
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
                "dat is de drukste maand. Zoek de kleinste omzet met `.idxmin()`.",
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
        tip="`kpi.seizoenspatroon(winkel.tickets)` geeft per maand de `omzet`; `.idxmin()` geeft de "
        "maand met de kleinste waarde.",
    )
)

registreer(
    Oefening(
        naam="02_grootste_productlijn",
        vraag="Welke productlijn brengt over de hele periode de meeste netto-omzet op? Geef de naam.",
        oplossing=lambda w: str(omzet_per_productlijn(w.ticketlijnen, w.producten).index[0]),
        fouten=(
            Fout(
                lambda w: float(omzet_per_productlijn(w.ticketlijnen, w.producten)["omzet"].iloc[0]),
                "je gaf de omzet van de grootste productlijn. Gevraagd is haar naam: die staat in de "
                "index van de tabel (`.index[0]`).",
            ),
            Fout(
                lambda w: str(omzet_per_productlijn(w.ticketlijnen, w.producten).index[-1]),
                "dat is de productlijn met de kléínste omzet. De tabel staat van groot naar klein: "
                "neem de eerste naam, niet de laatste.",
            ),
        ),
        uitleg=lambda v: f"De productlijn {v!r} brengt het meeste geld in het laatje.",
        tip="`kpi.omzet_per_productlijn(winkel.ticketlijnen, winkel.producten)` staat al gesorteerd "
        "van groot naar klein; neem de eerste naam uit de index. Let op: de lijn met de meeste "
        "verkochte stuks is niet altijd de lijn met de meeste omzet. Kijk naar de kolom `omzet`.",
    )
)


def _keur_eigen_ticket(antwoord: Any) -> str | None:
    if not is_getal(antwoord):
        return verschil(antwoord, 1.0)
    if antwoord <= 0:
        return "Een gemiddeld ticket is een bedrag groter dan nul."
    if antwoord > 10_000:
        return "Dat is wel erg veel voor één aankoop. Geef het bedrag in euro, zonder duizendtalpunt."
    return None


registreer(
    Oefening(
        naam="02_eigen_ticket",
        vraag="Hoeveel besteedt een klant volgens jou gemiddeld per aankoop in je eigen winkel? Schat.",
        oplossing=lambda w: 85.0,
        fouten=(
            Fout(
                lambda w: 0,
                "een aankoop van € 0 bestaat niet. Denk aan de laatste tien kassatickets: wat was "
                "ongeveer het gemiddelde bedrag?",
            ),
            Fout(
                lambda w: -50,
                "een gemiddeld ticket is een positief bedrag. Denk aan de laatste tien kassatickets.",
            ),
        ),
        uitleg=lambda v: "Noteer je schatting. In notebook 10 rekent je eigen kassa het echte bedrag uit.",
        keur=_keur_eigen_ticket,
    )
)

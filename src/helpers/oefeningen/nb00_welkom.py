"""Oefeningen van notebook 00 Welkom: de eerste stappen in de data van een winkel.

>>> from helpers.oefeningen import controleer
>>> controleer("00_eigen_klanten", -3).status
'bijna'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from helpers.kpi import actieve_klanten
from helpers.oefeningen.kern import (
    AANDEEL_TOL,
    Fout,
    Oefening,
    aandeel_fouten,
    keur_schatting,
    registreer,
)
from helpers.opmaak import euro, getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel


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
                "(bv. wie zich inschreef voor de nieuwsbrief): tel alle rijen met `len(winkel.klanten)`.",
            ),
            Fout(
                lambda w: len(w.tickets),
                "je telde de tickets (kassabonnen), niet de personen. Gebruik `len(winkel.klanten)`.",
            ),
        ),
        uitleg=lambda v: f"Het klantenbestand telt {getal(v)} personen.",
        tip="Het aantal rijen van een tabel vind je met `len(tabel)`.",
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
                "Tel de verschillende `klant_id`'s in de tickets.",
            ),
            Fout(
                lambda w: kopende_klanten(w) + int(w.tickets["klant_id"].isna().any()),
                "je telde de lege `klant_id` (de anonieme tickets) mee als één klant. "
                "`.nunique()` zonder `dropna=False` laat die weg.",
            ),
            Fout(
                lambda w: int(((w.tickets["bedrag"] > 0) & w.tickets["klant_id"].notna()).sum()),
                "je telde tickets, geen klanten: wie drie keer kwam, telde drie keer. "
                "Gebruik `.nunique()` op de kolom `klant_id`.",
            ),
        ),
        uitleg=lambda v: f"{getal(v)} verschillende klanten kochten iets met hun kaart.",
        tip="Kies de aankooptickets (bedrag groter dan 0) en tel de verschillende `klant_id`'s "
        "met `.nunique()`.",
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
        tip="Tel de kolom `bedrag` van de tickets op met `.sum()`.",
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
        fouten=aandeel_fouten(
            aandeel_anonieme_tickets, aantal=lambda w: int(w.tickets["klant_id"].isna().sum())
        ),
        uitleg=lambda v: f"{procent(v)} van de tickets is anoniem: van die aankopen weet je niet wie kocht.",
        tip="`.isna()` geeft waar/onwaar per ticket; het gemiddelde daarvan (`.mean()`) is het aandeel.",
        abs_tol=AANDEEL_TOL,
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
                "je gaf aandelen in plaats van aantallen. Laat `normalize=True` weg.",
            ),
        ),
        uitleg=lambda v: "Per kanaal: " + ", ".join(f"{k} {getal(n)}" for k, n in v.items() if n) + ".",
        tip="Tel hoe vaak elke waarde voorkomt met `.value_counts()` op de kolom `kanaal`.",
    )
)


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
        keur=keur_schatting(geheel=True),
    )
)

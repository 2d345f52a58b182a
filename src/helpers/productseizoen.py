"""Niet iedereen koopt op hetzelfde moment: het seizoenspatroon per productlijn of categorie.

`helpers.kpi.seizoenspatroon` geeft het seizoen van de hele winkel. Hier krijgt elke groep
producten (een productlijn, een categorie, een merk, ...) haar eigen seizoensindex per maand van
het jaar, op dezelfde manier berekend: de netto omzet (retours afgetrokken) per kalendermaand van
het logboek, lege maanden tussen het eerste en het laatste ticket als 0, per maand van het jaar
gemiddeld over de jaren, en gedeeld door het gemiddelde van de twaalf maanden. Een index van 2,0
in augustus betekent: in augustus verkoopt die groep het dubbele van een gemiddelde maand.

>>> import pandas as pd
>>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"],
...                         "datum": pd.to_datetime(["2025-08-02", "2025-09-05", "2025-09-20"])})
>>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "product_id": ["P1", "P2", "P1"],
...                        "bedrag": [120.0, 60.0, 40.0]})
>>> producten = pd.DataFrame({"product_id": ["P1", "P2"],
...                           "categorie": ["voetbalschoenen", "scheidsrechterkledij"]})
>>> s = seizoen_per_groep(lijnen, tickets, producten, groep="categorie")
>>> s.loc[[8, 9]]  # doctest: +NORMALIZE_WHITESPACE
categorie  scheidsrechterkledij  voetbalschoenen
maand
8                           0.0              9.0
9                          12.0              3.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.controle import (
    InvoerFout,
    vereis_datums,
    vereis_getallen,
    vereis_kolommen,
    vereis_niet_leeg,
    vereis_uniek,
)
from helpers.tijdzone import belgische_tijd

ONBEKEND = "onbekend"
"""De groep van ticketlijnen met een product dat niet in de tabel producten staat."""


@belgische_tijd
def seizoen_per_groep(
    ticketlijnen: pd.DataFrame,
    tickets: pd.DataFrame,
    producten: pd.DataFrame,
    groep: str = "productlijn",
    ticket: str = "ticket_id",
    product: str = "product_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Seizoensindex per maand van het jaar (rijen 1..12) voor elke waarde van ``groep`` (kolommen).

    De datum van een ticketlijn komt uit ``tickets`` (via ``ticket``), de groep uit ``producten``
    (via ``product``); lijnen met een product dat niet in ``producten`` staat, komen in de kolom
    ``"onbekend"`` (niets verdwijnt stil); een lijn van een onbekend ticket is een `InvoerFout`.
    De maanden van het logboek lopen van het eerste tot het laatste ticket in ``tickets``, voor
    elke groep dezelfde. Een groep zonder positieve netto omzet krijgt lege waarden (NaN).

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"],
    ...                         "datum": pd.to_datetime(["2024-12-01", "2025-06-01", "2025-12-01"])})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "product_id": ["P1"] * 3,
    ...                        "bedrag": [100.0, 40.0, 200.0]})
    >>> producten = pd.DataFrame({"product_id": ["P1"], "productlijn": ["jassen"]})
    >>> s = seizoen_per_groep(lijnen, tickets, producten)  # december: (100 + 200) / 2 = 150
    >>> s.loc[[6, 12], "jassen"].tolist()  # gemiddelde maand: (150 + 40) / 12
    [2.526315789473684, 9.473684210526315]
    """
    vereis_kolommen(ticketlijnen, [ticket, product, bedrag], "ticketlijnen")
    vereis_kolommen(tickets, [ticket, datum], "tickets")
    vereis_kolommen(producten, [product, groep], "producten")
    vereis_niet_leeg(ticketlijnen, "ticketlijnen")
    vereis_niet_leeg(tickets, "tickets")
    vereis_getallen(ticketlijnen, bedrag, "ticketlijnen")
    vereis_datums(tickets, datum, "tickets")
    vereis_uniek(tickets, ticket, "tickets")
    vereis_uniek(producten, product, "producten")

    maand_van_ticket = pd.Series(
        tickets[datum].dt.to_period("M").to_numpy(), index=tickets[ticket].to_numpy()
    )
    groep_van_product = pd.Series(
        producten[groep].astype("str").to_numpy(), index=producten[product].to_numpy()
    )
    maand = ticketlijnen[ticket].map(maand_van_ticket)
    zonder_ticket = maand.isna()
    if zonder_ticket.any():
        raise InvoerFout(
            f"{int(zonder_ticket.sum())} ticketlijn(en) verwijzen naar een ticket dat niet in 'tickets' "
            f"staat (eerste: {ticketlijnen[ticket][zonder_ticket].iloc[0]!r}): hun datum is onbekend."
        )
    naam = ticketlijnen[product].map(groep_van_product).fillna(ONBEKEND)
    omzet = pd.DataFrame({"maand": maand, "groep": naam, "bedrag": ticketlijnen[bedrag]}).pivot_table(
        index="maand", columns="groep", values="bedrag", aggfunc="sum", fill_value=0.0
    )
    eerste, laatste = tickets[datum].min().to_period("M"), tickets[datum].max().to_period("M")
    omzet = omzet.reindex(pd.period_range(eerste, laatste, freq="M"), fill_value=0.0)
    alle = pd.RangeIndex(1, 13, name="maand")
    per_maand = omzet.groupby(omzet.index.month).mean().reindex(alle, fill_value=0.0)
    gemiddeld = per_maand.mean()
    index = per_maand / gemiddeld.where(gemiddeld > 0, np.nan)
    index.columns.name = groep
    return index[sorted(index.columns)]

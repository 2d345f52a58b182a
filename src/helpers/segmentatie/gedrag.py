"""De standaardtabel met aankoopgedrag per klant: hoe vaak, hoeveel, wanneer, waar en wat.

>>> import pandas as pd
>>> t = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "klant_id": ["K1", "K1", None],
...                   "datum": pd.to_datetime(["2025-01-05", "2025-12-20", "2025-12-21"]),
...                   "bedrag": [60.0, 40.0, 10.0], "kanaal": ["winkel", "webshop", "winkel"],
...                   "korting": [20.0, 0.0, 0.0]})
>>> k = gedragskenmerken(t, peildatum=pd.Timestamp("2025-12-31"))
>>> k.loc["K1", ["frequentie", "monetair", "recency", "aandeel_webshop"]].tolist()
[2.0, 100.0, 11.0, 0.4]
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from helpers.controle import InvoerFout, vereis_getallen, vereis_kolommen
from helpers.klantid import met_klant_ids
from helpers.rfm import anonieme_tickets, controleer_tickets, rfm_tabel
from helpers.tijdzone import belgische_tijd

LIJN = "lijn_"
"""Voorvoegsel van de kolommen met het aandeel van elke productlijn (``lijn_schoenen``, ...)."""


def lijnkolom(productlijn: str) -> str:
    """De kolomnaam voor het aandeel van een productlijn: kleine letters, zonder accenten of spaties.

    >>> lijnkolom("Dames & Kinderen")
    'lijn_dames_kinderen'
    """
    zonder_accent = unicodedata.normalize("NFKD", str(productlijn)).encode("ascii", "ignore").decode()
    return LIJN + re.sub(r"[^a-z0-9]+", "_", zonder_accent.lower()).strip("_")


def _deel(teller: pd.Series, noemer: pd.Series) -> pd.Series:
    """teller / noemer per klant, 0 waar de noemer 0 is."""
    teller = teller.reindex(noemer.index, fill_value=0.0)
    return (teller / noemer.where(noemer > 0)).fillna(0.0)


def _productlijnen(
    aankopen: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    ticket: str,
    klant: str,
    klanten_index: pd.Index,
) -> pd.DataFrame:
    """Aandeel solden en aandeel per productlijn in het bruto aankoopbedrag van de ticketlijnen."""
    vereis_kolommen(ticketlijnen, [ticket, "product_id", "bedrag", "korting_soort"], "ticketlijnen")
    vereis_kolommen(producten, ["product_id", "productlijn"], "producten")
    vereis_getallen(ticketlijnen, "bedrag", "ticketlijnen")
    lijnen = ticketlijnen.loc[ticketlijnen["bedrag"] > 0, [ticket, "product_id", "bedrag", "korting_soort"]]
    lijnen = lijnen.merge(aankopen[[ticket, klant]], on=ticket, how="inner")
    lijnen = lijnen.merge(producten[["product_id", "productlijn"]], on="product_id", how="left")
    onbekend = lijnen["productlijn"].isna()
    if onbekend.any():
        product = lijnen.loc[onbekend, "product_id"].iloc[0]
        raise InvoerFout(
            f"{int(onbekend.sum())} ticketlijn(en) verwijzen naar een product dat niet in 'producten' staat, "
            f"bv. '{product}'."
        )
    totaal = lijnen.groupby(klant)["bedrag"].sum().reindex(klanten_index, fill_value=0.0)
    solden = lijnen.loc[lijnen["korting_soort"].astype("string") == "solden"].groupby(klant)["bedrag"].sum()
    per_lijn = lijnen.pivot_table(
        index=klant, columns="productlijn", values="bedrag", aggfunc="sum", fill_value=0.0, observed=True
    ).reindex(klanten_index, fill_value=0.0)
    aandelen = per_lijn.div(totaal.where(totaal > 0), axis=0).fillna(0.0)
    aandelen.columns = [lijnkolom(lijn) for lijn in aandelen.columns]
    aandelen = aandelen.T.groupby(level=0).sum().T  # lijnen met dezelfde kolomnaam samen
    return pd.concat([_deel(solden, totaal).rename("aandeel_solden"), aandelen.sort_index(axis=1)], axis=1)


@belgische_tijd
def gedragskenmerken(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame | None = None,
    producten: pd.DataFrame | None = None,
    peildatum: pd.Timestamp | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    kanaal: str | None = "kanaal",
    korting: str | None = "korting",
    ticket: str = "ticket_id",
) -> pd.DataFrame:
    """Per klant die iets kocht (index ``klant``) de kenmerken van het aankoopgedrag tot de ``peildatum``.

    ``frequentie``, ``recency`` en ``monetair`` komen uit `helpers.rfm.rfm_tabel`. Anonieme tickets
    (geen klant) tellen niet mee. Een aankoopdag is een dag met een ticket met een
    positief bedrag; retours (negatieve bedragen) worden verrekend in het geld. Kolommen:

    - ``frequentie``: aantal aankoopdagen; ``recency``: dagen sinds de laatste aankoopdag;
      ``klantduur_dagen``: dagen sinds de eerste aankoopdag
    - ``monetair``: netto besteed (aankopen min retours); ``gemiddeld_bruto_ticket``: bruto per
      aankoopticket, vóór retours (het netto gemiddelde ticket is `helpers.kpi.gemiddeld_ticket`)
    - ``omzet_laatste_12m`` en ``omzet_vorige_12m``: netto in de 365 dagen tot de peildatum en de 365 ervoor
    - ``aandeel_retour``: teruggebracht bedrag / gekocht bedrag
    - ``aandeel_december``, ``aandeel_schoolstart`` (augustus en september): deel van het gekochte bedrag
    - ``aandeel_webshop`` (als ``kanaal`` gegeven is) en ``kortingsgraad`` (korting / prijs vóór korting,
      als ``korting`` gegeven is)
    - met ``ticketlijnen`` en ``producten``: ``aandeel_solden`` (lijnen met korting_soort 'solden') en
      per productlijn ``lijn_<naam>``: het deel van het gekochte bedrag in die lijn

    Alle aandelen liggen tussen 0 en 1 (behalve ``aandeel_retour``, dat boven 1 kan bij ruilen).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"ticket_id": ["T1", "T2"], "klant_id": ["K1", "K1"], "kanaal": ["winkel"] * 2,
    ...                   "datum": pd.to_datetime(["2025-03-01", "2025-03-08"]), "bedrag": [80.0, -20.0],
    ...                   "korting": [0.0, 0.0]})
    >>> k = gedragskenmerken(t, peildatum=pd.Timestamp("2025-12-31"))
    >>> k.loc["K1", ["monetair", "aandeel_retour"]].tolist()
    [60.0, 0.25]
    """
    if peildatum is None:
        raise InvoerFout("Geef de peildatum ('vandaag' van de analyse), bv. winkel.peildatum.")
    if (ticketlijnen is None) != (producten is None):
        raise InvoerFout("Geef ticketlijnen én producten samen (of geen van beide).")
    dag = controleer_tickets(tickets, peildatum, klant, datum, bedrag)
    tickets = met_klant_ids(tickets, klant, "tickets")
    nodig = [kanaal, korting, ticket if ticketlijnen is not None else None]
    vereis_kolommen(tickets, [k for k in nodig if k is not None], "tickets")
    if korting is not None:
        vereis_getallen(tickets, korting, "tickets")
    rfm = rfm_tabel(tickets, dag, klant, datum, bedrag)
    if rfm.empty:
        raise InvoerFout("Er is geen enkele aankoop (positief bedrag) van een gekende klant in 'tickets'.")
    index = rfm.index

    gekend = tickets.loc[~anonieme_tickets(tickets[klant])]
    aankopen = gekend.loc[gekend[bedrag] > 0]
    per_klant = aankopen.groupby(klant)
    bruto = per_klant[bedrag].sum().reindex(index)
    retour = -gekend.loc[gekend[bedrag] < 0].groupby(klant)[bedrag].sum()
    maand = aankopen[datum].dt.month
    dagen_terug = (dag - gekend[datum].dt.normalize()).dt.days
    laatste_jaar = gekend.loc[dagen_terug < 365].groupby(klant)[bedrag].sum()
    vorig_jaar = gekend.loc[(dagen_terug >= 365) & (dagen_terug < 730)].groupby(klant)[bedrag].sum()

    kolommen: dict[str, pd.Series] = {
        "frequentie": rfm["frequentie"],
        "recency": rfm["recency"],
        "klantduur_dagen": (dag - rfm["eerste_aankoop"]).dt.days,
        "monetair": rfm["monetair"],
        "gemiddeld_bruto_ticket": bruto / per_klant[bedrag].size().reindex(index),
        "omzet_laatste_12m": laatste_jaar.reindex(index, fill_value=0.0),
        "omzet_vorige_12m": vorig_jaar.reindex(index, fill_value=0.0),
        "aandeel_retour": _deel(retour, bruto),
        "aandeel_december": _deel(aankopen.loc[maand == 12].groupby(klant)[bedrag].sum(), bruto),
        "aandeel_schoolstart": _deel(aankopen.loc[maand.isin([8, 9])].groupby(klant)[bedrag].sum(), bruto),
    }
    if kanaal is not None:
        webshop = aankopen.loc[aankopen[kanaal].astype("string") == "webshop"].groupby(klant)[bedrag].sum()
        kolommen["aandeel_webshop"] = _deel(webshop, bruto)
    if korting is not None:
        korting_totaal = per_klant[korting].sum().reindex(index)
        kolommen["kortingsgraad"] = _deel(korting_totaal, bruto + korting_totaal)
    tabel = pd.DataFrame(kolommen).astype("float64")
    if ticketlijnen is not None:
        tabel = tabel.join(_productlijnen(aankopen, ticketlijnen, producten, ticket, klant, index))
    tabel.index.name = klant
    return tabel

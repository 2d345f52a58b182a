"""Ken je klanten: hoeveel, hoeveel ze besteden, hoe vaak, welke productlijnen en wanneer.

De kengetallen van een winkel uit het transactielogboek (één rij per kassaticket, retours als
aparte tickets met een negatief bedrag). Geldbedragen zijn altijd **netto**: retours worden
afgetrokken. Een *aankoopdag* is een kalenderdag met minstens één ticket met bedrag > 0; een
*aankoopticket* is een ticket met bedrag > 0. Anonieme tickets (klant leeg) tellen mee in de omzet
en de tickets, niet bij de klanten.

Per periode (``per="jaar"``, ``"kwartaal"``, ``"maand"``, ``"week"``, of ``None`` voor alles samen)
rekent `kengetallen_per_periode` alles in één keer uit; `actieve_klanten`,
`nieuwe_en_terugkerende_klanten`, `besteding_per_klant`, `aankoopfrequentie`,
`gemiddeld_ticket` en `aandeel_zonder_kaart` geven er één stuk van. Verder: `kerncijfers` (de
samenvatting van de laatste 12 maanden), `seizoenspatroon`, `jaar_op_jaar`,
`omzet_per_productlijn` en `omzet_per_segment`.

>>> import pandas as pd
>>> tickets = pd.DataFrame({
...     "klant_id": ["K1", "K1", "K2", None],
...     "datum": pd.to_datetime(["2025-03-01", "2025-09-10", "2025-06-30", "2025-12-30"]),
...     "bedrag": [50.0, 30.0, 120.0, 20.0],
... })
>>> kerncijfers(tickets, "2025-12-31")[["klanten", "omzet", "aandeel_anoniem"]].tolist()
[2.0, 220.0, 0.09090909090909091]
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_getallen, vereis_kolommen, vereis_niet_leeg, vereis_uniek
from helpers.klantid import koppel_klanten
from helpers.rfm import anonieme_tickets, controleer_tickets, dagnummers, klantcodes
from helpers.tijdzone import belgische_tijd

PERIODES: dict[str, str] = {"jaar": "Y", "kwartaal": "Q", "maand": "M", "week": "W"}
"""De periodes waarvoor kengetallen bestaan, met hun pandas-frequentie."""

MAANDNAMEN: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# Een indeling zet de dagen van het logboek (een DatetimeIndex) om in periodecodes 0..m-1 en
# geeft de m labels van die periodes terug.
Indeling = Callable[[pd.DatetimeIndex], tuple[np.ndarray, pd.Index]]


def _indeling_per(per: str | None) -> Indeling:
    if per is None:
        return lambda dagen: (np.zeros(len(dagen), dtype=np.int64), pd.Index(["totaal"], name="periode"))
    if per not in PERIODES:
        keuze = ", ".join(repr(p) for p in PERIODES)
        raise InvoerFout(f"Onbekende periode {per!r}. Kies uit: {keuze} of None (alles samen).")

    def indeling(dagen: pd.DatetimeIndex) -> tuple[np.ndarray, pd.Index]:
        codes, labels = pd.factorize(dagen.to_period(PERIODES[per]), sort=True)
        return codes.astype(np.int64), labels.rename("periode")

    return indeling


def _zonder_herhaling(gesorteerd: np.ndarray) -> np.ndarray:
    """Een gesorteerde rij zonder opeenvolgende gelijke waarden (sneller dan ``np.unique`` op miljoenen)."""
    return gesorteerd[np.r_[True, gesorteerd[1:] != gesorteerd[:-1]]] if len(gesorteerd) else gesorteerd


def _kengetallen(
    tickets: pd.DataFrame, indeling: Indeling, klant: str, datum: str, bedrag: str
) -> pd.DataFrame:
    """Alle kengetallen per periode van ``indeling``, met alle periodes tussen eerste en laatste dag."""
    dagen = dagnummers(tickets[datum])
    basis = int(dagen.min())
    dag = dagen - basis
    breedte = int(dag.max()) + 1
    alle_dagen = pd.date_range(pd.Timestamp(basis, unit="D"), periods=breedte, freq="D")
    periode_van_dag, labels = indeling(alle_dagen)
    m = len(labels)
    periode = periode_van_dag[dag]
    bedragen = tickets[bedrag].to_numpy(dtype=np.float64)
    codes, _ = klantcodes(tickets[klant])
    anoniem = codes < 0
    aankoop = bedragen > 0
    bekend_aankoop = aankoop & ~anoniem
    paren = np.sort(codes[bekend_aankoop] * breedte + dag[bekend_aankoop])  # (klant, dag), gesorteerd
    paren = _zonder_herhaling(paren)
    paar_klant, paar_periode = paren // breedte, periode_van_dag[paren % breedte]
    # periodes stijgen met de dag, dus (klant, periode) is ook gesorteerd: herhalingen staan naast elkaar
    actief = np.bincount(_zonder_herhaling(paar_klant * m + paar_periode) % m, minlength=m)
    eerste_van_klant = np.r_[True, paar_klant[1:] != paar_klant[:-1]][: len(paren)]
    nieuw = np.bincount(paar_periode[eerste_van_klant], minlength=m)
    aankoopdagen = np.bincount(paar_periode, minlength=m)

    omzet = np.bincount(periode, weights=bedragen, minlength=m)
    omzet_anoniem = np.bincount(periode[anoniem], weights=bedragen[anoniem], minlength=m)
    aankooptickets = np.bincount(periode[aankoop], minlength=m)
    with np.errstate(divide="ignore", invalid="ignore"):
        uit = pd.DataFrame(
            {
                "omzet": omzet,
                "omzet_klanten": omzet - omzet_anoniem,
                "omzet_anoniem": omzet_anoniem,
                "tickets": np.bincount(periode, minlength=m),
                "aankooptickets": aankooptickets,
                "retourtickets": np.bincount(periode[bedragen < 0], minlength=m),
                "actieve_klanten": actief,
                "nieuwe_klanten": nieuw,
                "terugkerende_klanten": actief - nieuw,
                "aankoopdagen": aankoopdagen,
                "besteding_per_klant": np.where(actief > 0, (omzet - omzet_anoniem) / actief, np.nan),
                "aankoopfrequentie": np.where(actief > 0, aankoopdagen / actief, np.nan),
                "gemiddeld_ticket": np.where(aankooptickets > 0, omzet / aankooptickets, np.nan),
                "aandeel_anoniem": np.where(omzet != 0, omzet_anoniem / omzet, np.nan),
            },
            index=labels,
        )
    return uit


@belgische_tijd
def kengetallen_per_periode(
    tickets: pd.DataFrame,
    per: str | None = "jaar",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Alle kengetallen per periode (rijen: elke periode van de eerste tot de laatste ticketdag).

    Kolommen: ``omzet`` (netto, alle tickets), ``omzet_klanten``, ``omzet_anoniem``,
    ``tickets`` (alle), ``aankooptickets`` (bedrag > 0), ``retourtickets`` (bedrag < 0),
    ``actieve_klanten`` (klanten met minstens één aankoopdag in de periode),
    ``nieuwe_klanten`` (hun eerste aankoopdag in het hele logboek valt in de periode; in de
    eerste periode van het logboek is dus iedereen nieuw), ``terugkerende_klanten`` (actief,
    maar niet nieuw), ``aankoopdagen`` (van klanten), ``besteding_per_klant`` (omzet van
    klanten / actieve klanten), ``aankoopfrequentie`` (aankoopdagen / actieve klanten),
    ``gemiddeld_ticket`` (netto omzet / aankooptickets) en ``aandeel_anoniem`` (omzet zonder
    klantenkaart / omzet). Een periode zonder klanten geeft een lege waarde (NaN) bij de
    gemiddelden.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({
    ...     "klant_id": ["K1", "K1", "K2", "K1", None],
    ...     "datum": pd.to_datetime(["2024-05-01", "2024-05-01", "2024-08-01", "2025-02-01", "2025-03-01"]),
    ...     "bedrag": [40.0, 20.0, 100.0, -20.0, 10.0],
    ... })
    >>> k = kengetallen_per_periode(tickets, per="jaar")
    >>> k[["omzet", "actieve_klanten", "nieuwe_klanten", "aankoopdagen"]]  # doctest: +NORMALIZE_WHITESPACE
             omzet  actieve_klanten  nieuwe_klanten  aankoopdagen
    periode
    2024     160.0                2               2             2
    2025     -10.0                0               0             0
    """
    controleer_tickets(tickets, None, klant, datum, bedrag)
    return _kengetallen(tickets, _indeling_per(per), klant, datum, bedrag)


@belgische_tijd
def actieve_klanten(
    tickets: pd.DataFrame,
    per: str | None = "jaar",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.Series:
    """Aantal klanten met minstens één aankoopdag per periode (zie `kengetallen_per_periode`).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K2", "K1"], "bedrag": [10.0, 5.0, 8.0],
    ...                   "datum": pd.to_datetime(["2025-01-05", "2025-01-20", "2025-02-01"])})
    >>> actieve_klanten(t, per="maand").tolist()
    [2, 1]
    """
    return kengetallen_per_periode(tickets, per, klant, datum, bedrag)["actieve_klanten"]


@belgische_tijd
def nieuwe_en_terugkerende_klanten(
    tickets: pd.DataFrame,
    per: str | None = "jaar",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Per periode: actieve, nieuwe en terugkerende klanten, en het aandeel nieuwe.

    Nieuw = de eerste aankoopdag van de klant in het hele logboek valt in deze periode; in de
    eerste periode van het logboek is iedereen nieuw (er is geen vroegere geschiedenis).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", "K2"], "bedrag": [10.0, 5.0, 8.0],
    ...                   "datum": pd.to_datetime(["2024-03-05", "2025-01-20", "2025-02-01"])})
    >>> nieuwe_en_terugkerende_klanten(t).to_numpy().tolist()
    [[1.0, 1.0, 0.0, 1.0], [2.0, 1.0, 1.0, 0.5]]
    """
    k = kengetallen_per_periode(tickets, per, klant, datum, bedrag)
    with np.errstate(divide="ignore", invalid="ignore"):
        aandeel = np.where(k["actieve_klanten"] > 0, k["nieuwe_klanten"] / k["actieve_klanten"], np.nan)
    return pd.DataFrame(
        {
            "actief": k["actieve_klanten"],
            "nieuw": k["nieuwe_klanten"],
            "terugkerend": k["terugkerende_klanten"],
            "aandeel_nieuw": aandeel,
        }
    )


@belgische_tijd
def besteding_per_klant(
    tickets: pd.DataFrame,
    per: str | None = "jaar",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.Series:
    """Netto omzet van klanten gedeeld door het aantal actieve klanten, per periode.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", "K2", None], "bedrag": [60.0, -10.0, 30.0, 99.0],
    ...                   "datum": pd.to_datetime(["2025-01-05", "2025-01-09", "2025-03-01", "2025-04-01"])})
    >>> besteding_per_klant(t, per=None).tolist()  # (60 - 10 + 30) / 2
    [40.0]
    """
    return kengetallen_per_periode(tickets, per, klant, datum, bedrag)["besteding_per_klant"]


@belgische_tijd
def aankoopfrequentie(
    tickets: pd.DataFrame,
    per: str | None = "jaar",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.Series:
    """Gemiddeld aantal aankoopdagen per actieve klant, per periode.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", "K1", "K2"], "bedrag": [60.0, 5.0, 30.0, 20.0],
    ...                   "datum": pd.to_datetime(["2025-01-05 10:00", "2025-01-05 15:00",
    ...                                            "2025-03-01 10:00", "2025-04-01 10:00"])})
    >>> aankoopfrequentie(t, per=None).tolist()  # K1: 2 dagen, K2: 1 dag -> 3 / 2
    [1.5]
    """
    return kengetallen_per_periode(tickets, per, klant, datum, bedrag)["aankoopfrequentie"]


def _een_of_per_periode(reeks: pd.Series, per: str | None) -> float | pd.Series:
    return float(reeks.iloc[0]) if per is None else reeks


@belgische_tijd
def gemiddeld_ticket(
    tickets: pd.DataFrame,
    per: str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> float | pd.Series:
    """Gemiddeld ticket: netto omzet (retours afgetrokken) / aantal aankooptickets (bedrag > 0).

    Zonder ``per`` één getal voor het hele logboek, anders een reeks per periode. Anonieme
    tickets tellen mee.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", None], "bedrag": [80.0, -20.0, 40.0],
    ...                   "datum": pd.to_datetime(["2025-01-05", "2025-01-09", "2025-03-01"])})
    >>> gemiddeld_ticket(t)  # (80 - 20 + 40) / 2 aankooptickets
    50.0
    """
    reeks = kengetallen_per_periode(tickets, per, klant, datum, bedrag)["gemiddeld_ticket"]
    return _een_of_per_periode(reeks, per)


@belgische_tijd
def aandeel_zonder_kaart(
    tickets: pd.DataFrame,
    per: str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> float | pd.Series:
    """Aandeel van de netto omzet op anonieme tickets (zonder klantenkaart).

    Zonder ``per`` één getal, anders een reeks per periode. Een ticket is anoniem als de
    klant leeg is (of een lege tekst).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "", None], "bedrag": [60.0, 25.0, 15.0],
    ...                   "datum": pd.to_datetime(["2025-01-05", "2025-01-09", "2025-03-01"])})
    >>> aandeel_zonder_kaart(t)  # (25 + 15) / 100
    0.4
    """
    reeks = kengetallen_per_periode(tickets, per, klant, datum, bedrag)["aandeel_anoniem"]
    return _een_of_per_periode(reeks, per)


@belgische_tijd
def kerncijfers(
    tickets: pd.DataFrame,
    peildatum: object,
    maanden: int = 12,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.Series:
    """De kerncijfers van de laatste ``maanden`` maanden tot en met de ``peildatum``.

    Een reeks met ``klanten`` (actieve klanten), ``nieuwe_klanten`` (eerste aankoop ooit in de
    periode), ``omzet`` (netto, ook anoniem), ``gemiddelde_besteding`` (omzet van klanten per
    actieve klant), ``aankoopfrequentie`` (aankoopdagen per actieve klant), ``tickets``
    (aankooptickets), ``gemiddeld_ticket`` en ``aandeel_anoniem`` (omzet zonder klantenkaart).
    Tickets vóór de periode tellen alleen om te weten wie al klant was. De periode staat in
    ``attrs["begin"]`` en ``attrs["einde"]``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", "K2", None], "bedrag": [50.0, 30.0, 20.0, 10.0],
    ...                   "datum": pd.to_datetime(["2024-06-01", "2025-06-01", "2025-09-01", "2025-10-01"])})
    >>> k = kerncijfers(t, "2025-12-31")
    >>> k[["klanten", "nieuwe_klanten", "omzet", "gemiddelde_besteding", "gemiddeld_ticket"]].tolist()
    [2.0, 1.0, 60.0, 25.0, 20.0]
    >>> str(k.attrs["begin"].date()), str(k.attrs["einde"].date())
    ('2025-01-01', '2025-12-31')
    """
    peil = controleer_tickets(tickets, peildatum, klant, datum, bedrag)
    if isinstance(maanden, bool) or not isinstance(maanden, int | np.integer) or maanden < 1:
        raise InvoerFout(f"Het aantal maanden moet een geheel getal van minstens 1 zijn, kreeg {maanden!r}.")
    begin = peil - pd.DateOffset(months=int(maanden)) + pd.Timedelta(days=1)
    if not (tickets[datum] >= begin).any():
        raise InvoerFout(
            f"Er zijn geen tickets in de {maanden} maanden van {begin.date()} tot {peil.date()}: "
            f"niets om samen te vatten. Kies een andere peildatum."
        )

    def indeling(dagen: pd.DatetimeIndex) -> tuple[np.ndarray, pd.Index]:
        return (dagen >= begin).astype(np.int64), pd.Index(["ervoor", "periode"])

    rij = _kengetallen(tickets, indeling, klant, datum, bedrag).loc["periode"]
    uit = pd.Series(
        {
            "klanten": rij["actieve_klanten"],
            "nieuwe_klanten": rij["nieuwe_klanten"],
            "omzet": rij["omzet"],
            "gemiddelde_besteding": rij["besteding_per_klant"],
            "aankoopfrequentie": rij["aankoopfrequentie"],
            "tickets": rij["aankooptickets"],
            "gemiddeld_ticket": rij["gemiddeld_ticket"],
            "aandeel_anoniem": rij["aandeel_anoniem"],
        },
        dtype="float64",
        name="kerncijfers",
    )
    uit.attrs.update(begin=begin, einde=peil)
    return uit


@belgische_tijd
def seizoenspatroon(
    tickets: pd.DataFrame,
    per: str = "maand",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Seizoenspatroon: hoe verhoudt elke maand (of week) zich tot een gemiddelde maand (= 1,0)?

    Eerst de netto omzet en het aantal aankooptickets per kalendermaand (of ISO-week) van het
    logboek, ook lege maanden tussen de eerste en de laatste ticketdag (die tellen als 0). Dan
    per maand van het jaar het gemiddelde over de jaren (``omzet``, ``tickets``). De
    ``seizoensindex`` is die omzet gedeeld door het gemiddelde van alle maanden; de
    ``volume_index`` hetzelfde voor het aantal tickets (in de solden kan het volume pieken
    terwijl de omzet dat minder doet). Gebruik bij voorkeur hele jaren: een half jaar aan het
    begin of einde weegt anders mee; een maand die nooit in het logboek valt, blijft leeg (NaN). Met
    ``per="week"`` gaat het om weken 1 tot 53 (ISO).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": [None] * 4, "bedrag": [100.0, 300.0, 100.0, 300.0],
    ...                   "datum": pd.to_datetime(["2024-01-10", "2024-12-10", "2025-01-10", "2025-12-10"])})
    >>> s = seizoenspatroon(t)
    >>> s.loc[[1, 2, 12], ["naam", "omzet", "seizoensindex"]]  # doctest: +NORMALIZE_WHITESPACE
              naam  omzet  seizoensindex
    maand
    1      januari  100.0            3.0
    2     februari    0.0            0.0
    12    december  300.0            9.0
    """
    if per not in ("maand", "week"):
        raise InvoerFout(f"Het seizoenspatroon bestaat per 'maand' of per 'week', niet per {per!r}.")
    k = kengetallen_per_periode(tickets, per, klant, datum, bedrag)
    if per == "maand":
        nummer = pd.Index(k.index.month, name="maand")
        alle = pd.RangeIndex(1, 13, name="maand")
        namen = list(MAANDNAMEN)
    else:
        nummer = pd.Index(k.index.start_time.isocalendar().week.to_numpy(dtype=np.int64), name="week")
        alle = pd.RangeIndex(1, 54, name="week")
        namen = [f"week {w}" for w in alle]
    gemiddeld = k[["omzet", "aankooptickets"]].groupby(nummer).mean().reindex(alle)
    omzet, volume = gemiddeld["omzet"], gemiddeld["aankooptickets"]
    return pd.DataFrame(
        {
            "naam": namen,
            "omzet": omzet,
            "seizoensindex": omzet / omzet.mean(),
            "tickets": volume,
            "volume_index": volume / volume.mean(),
        },
        index=alle,
    )


@belgische_tijd
def jaar_op_jaar(
    tickets: pd.DataFrame,
    per: str = "maand",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Vergelijk elke periode met dezelfde periode een jaar eerder: omzet, klanten en tickets.

    ``per`` is ``"maand"``, ``"kwartaal"`` of ``"jaar"``. Per maat drie kolommen: de waarde,
    de waarde een jaar eerder (``_vorig_jaar``, leeg als die periode niet in het logboek zit)
    en de groei (``_groei``: 0,10 = 10% meer). Maten: ``omzet`` (netto), ``klanten`` (actieve
    klanten) en ``tickets`` (aankooptickets).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K2", "K1"], "bedrag": [100.0, 50.0, 120.0],
    ...                   "datum": pd.to_datetime(["2024-03-05", "2024-03-20", "2025-03-15"])})
    >>> j = jaar_op_jaar(t, per="jaar")
    >>> j[["omzet", "omzet_vorig_jaar", "omzet_groei", "klanten_groei"]]  # doctest: +NORMALIZE_WHITESPACE
             omzet  omzet_vorig_jaar  omzet_groei  klanten_groei
    periode
    2024     150.0               NaN          NaN            NaN
    2025     120.0             150.0         -0.2           -0.5
    """
    stappen = {"maand": 12, "kwartaal": 4, "jaar": 1}
    if per not in stappen:
        raise InvoerFout(f"Jaar-op-jaar kan per 'maand', 'kwartaal' of 'jaar', niet per {per!r}.")
    k = kengetallen_per_periode(tickets, per, klant, datum, bedrag)
    maten = k[["omzet", "actieve_klanten", "aankooptickets"]].set_axis(
        ["omzet", "klanten", "tickets"], axis=1
    )
    vorig = maten.reindex(maten.index - stappen[per]).set_axis(maten.index)
    kolommen = {}
    for maat in maten.columns:
        kolommen[maat] = maten[maat]
        kolommen[f"{maat}_vorig_jaar"] = vorig[maat]
        kolommen[f"{maat}_groei"] = (maten[maat] / vorig[maat] - 1).where(vorig[maat] != 0)
    return pd.DataFrame(kolommen)


@belgische_tijd
def omzet_per_productlijn(
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    lijn: str = "productlijn",
    product: str = "product_id",
    bedrag: str = "bedrag",
    aantal: str = "aantal",
) -> pd.DataFrame:
    """Netto omzet, stuks en aandeel per productlijn, van groot naar klein.

    Retourlijnen (negatief aantal en bedrag) worden afgetrokken. Lijnen met een product dat
    niet in ``producten`` staat, komen in de rij ``"onbekend"`` (niets verdwijnt stil).

    >>> import pandas as pd
    >>> lijnen = pd.DataFrame({"product_id": ["P1", "P2", "P1", "P9"], "aantal": [2, 1, -1, 1],
    ...                        "bedrag": [100.0, 80.0, -50.0, 20.0]})
    >>> producten = pd.DataFrame({"product_id": ["P1", "P2"], "productlijn": ["jeans", "schoenen"]})
    >>> omzet_per_productlijn(lijnen, producten)  # doctest: +NORMALIZE_WHITESPACE
                 omzet  stuks  lijnen  aandeel_omzet
    productlijn
    schoenen      80.0      1       1       0.533333
    jeans         50.0      1       2       0.333333
    onbekend      20.0      1       1       0.133333
    """
    vereis_kolommen(ticketlijnen, [product, bedrag, aantal], "ticketlijnen")
    vereis_kolommen(producten, [product, lijn], "producten")
    vereis_niet_leeg(ticketlijnen, "ticketlijnen")
    vereis_getallen(ticketlijnen, bedrag, "ticketlijnen")
    vereis_getallen(ticketlijnen, aantal, "ticketlijnen")
    vereis_uniek(producten, product, "producten")
    lijn_van = pd.Series(producten[lijn].astype("str").to_numpy(), index=producten[product].to_numpy())
    groep = ticketlijnen[product].map(lijn_van).fillna("onbekend").rename(lijn)
    groepen = ticketlijnen.groupby(groep.to_numpy())
    uit = pd.DataFrame(
        {
            "omzet": groepen[bedrag].sum(),
            "stuks": groepen[aantal].sum().astype(np.int64),
            "lijnen": groepen.size(),
        }
    )
    uit["aandeel_omzet"] = uit["omzet"] / uit["omzet"].sum()
    uit = uit.sort_values("omzet", ascending=False, kind="stable")
    uit.index.name = lijn
    return uit


@belgische_tijd
def omzet_per_segment(
    tickets: pd.DataFrame,
    segmenten: pd.Series,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Netto omzet, klanten en tickets per segment, met het aandeel in de omzet.

    ``segmenten`` is een Series met de klant als index en het segment als waarde (bv.
    ``rfm_segmenten(...)["segment"]`` of een A/B/C-indeling). Anonieme tickets komen in de rij
    ``"anoniem"``, klanten die niet in ``segmenten`` staan in ``"zonder segment"``. De
    aandelen tellen op tot 1. Klantnummers worden vergeleken zoals `helpers.klantid` ze
    normaliseert (101, 101.0 en " 101 " zijn dezelfde klant); deelt ``segmenten`` geen enkel
    klantnummer met de tickets, dan is dat een `InvoerFout`.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K2", "K3", None], "bedrag": [100.0, 50.0, 30.0, 20.0],
    ...                   "datum": pd.to_datetime(["2025-01-05"] * 4)})
    >>> seg = pd.Series(["A", "B"], index=["K1", "K2"])
    >>> omzet_per_segment(t, seg)["aandeel_omzet"].tolist()
    [0.5, 0.25, 0.15, 0.1]
    """
    controleer_tickets(tickets, None, klant, datum, bedrag)
    if not isinstance(segmenten, pd.Series):
        raise InvoerFout(
            f"Verwacht de segmenten als Series (klant -> segment), kreeg {type(segmenten).__name__}."
        )
    tickets, segmenten = koppel_klanten((tickets, "tickets"), (segmenten, "segmenten"), klant=klant)
    if segmenten.index.duplicated().any():
        dubbel = segmenten.index[segmenten.index.duplicated()][0]
        raise InvoerFout(f"De klant {dubbel!r} staat meer dan eens in de segmenten.")
    anoniem = anonieme_tickets(tickets[klant])
    namen = segmenten.astype("str").reindex(tickets[klant].to_numpy()).to_numpy(dtype=object)
    namen = np.where(pd.isna(namen), "zonder segment", namen)
    namen[anoniem] = "anoniem"
    if isinstance(segmenten.dtype, pd.CategoricalDtype):
        volgorde = [str(c) for c in segmenten.cat.categories]
    else:
        volgorde = sorted(segmenten.dropna().astype("str").unique())
    volgorde += [extra for extra in ("zonder segment", "anoniem") if (namen == extra).any()]
    bekend = pd.Series(tickets[klant].to_numpy(), dtype=object).where(~anoniem)
    groepen = pd.DataFrame({"bedrag": tickets[bedrag].to_numpy(), "klant": bekend}).groupby(namen)
    uit = pd.DataFrame(
        {"klanten": groepen["klant"].nunique(), "omzet": groepen["bedrag"].sum(), "tickets": groepen.size()}
    )
    uit = uit.reindex(volgorde).fillna(0).astype({"klanten": np.int64, "tickets": np.int64})
    uit["aandeel_omzet"] = uit["omzet"] / uit["omzet"].sum()
    uit.index.name = "segment"
    return uit

"""Klantentrouw: cohorten, churn, retentie, klantwaarde (CLV), klantenkaart en de eerste bon.

Werkt op elk transactielogboek met een klant-, datum- en bedragkolom (de namen kies je zelf).
Afspraken die in de hele module gelden:

- een **aankoop** is een ticket met ``bedrag > 0`` van een gekende klant; een retour (negatief
  bedrag) is geen aankoop, maar telt wel mee in geldbedragen (netto omzet);
- een **aankoopdag** is een kalenderdag met minstens één aankoop;
- een klant is **actief** in een periode (maand, kwartaal, jaar) als hij in die periode minstens
  één aankoop deed;
- tickets zonder klant (anoniem, geen klantenkaart) horen bij niemand: ze tellen nergens mee en hun
  aantal staat in ``resultaat.attrs["anonieme_tickets"]``.

>>> import pandas as pd
>>> tickets = pd.DataFrame({
...     "klant_id": ["A", "A", "B", None],
...     "datum": pd.to_datetime(["2025-01-05", "2025-02-10", "2025-02-11", "2025-02-12"]),
...     "bedrag": [50.0, 30.0, 20.0, 10.0],
... })
>>> cohort_tabel(tickets, periode="M")  # doctest: +NORMALIZE_WHITESPACE
perioden_sinds_start    0    1
cohort
2025-01               1.0  1.0
2025-02               1.0  NaN
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen
from helpers.klantid import koppel_klanten, met_klant_ids
from helpers.kpi import gemiddeld_ticket
from helpers.rfm import anonieme_tickets, controleer_tickets, dagnummers, klantcodes, rfm_tabel
from helpers.tijdzone import belgische_tijd

PERIODES: dict[str, str] = {"M": "maand", "Q": "kwartaal", "Y": "jaar"}
"""De periodes voor cohorten en retentie: code -> Nederlandse naam."""

STATUSSEN: tuple[str, ...] = ("actief", "risico", "verloren")
"""De mogelijke waarden van ``churn_status(...)["status"]``, van goed naar slecht."""

_MAX_BITMAP = 1 << 26
"""Grootste aantal klant×periode-vakjes waarvoor `_unieke_paren` een bitmap gebruikt (64 MB)."""


class Aankopen(NamedTuple):
    """De aankopen van gekende klanten als numpy-rijen, zie `aankopen`."""

    codes: np.ndarray  # klantnummer 0..k-1 per aankoop
    klanten: pd.Index  # klant-id per klantnummer
    dag: np.ndarray  # kalenderdag (dagen sinds 1970-01-01) per aankoop
    peildag: int  # peildatum in dagen sinds 1970-01-01
    peildatum: pd.Timestamp
    anoniem: int  # aantal weggelaten tickets zonder klant


@belgische_tijd
def aankopen(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> Aankopen:
    """Controleer een transactielogboek (`helpers.rfm.controleer_tickets`) en houd de aankopen
    (bedrag > 0) van gekende klanten over, als numpy-rijen. Zonder ``peildatum`` geldt de dag van
    het laatste ticket. Geen enkele aankoop geeft een `InvoerFout`.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", None, "B"], "datum": pd.to_datetime(["2025-01-02"] * 3),
    ...                   "bedrag": [5.0, 7.0, -3.0]})
    >>> log = aankopen(t, None)
    >>> list(log.klanten), log.anoniem, str(log.peildatum.date())
    (['A'], 1, '2025-01-02')
    """
    peil = peildatum_van(tickets, peildatum, klant, datum, bedrag)
    anoniem = anonieme_tickets(tickets[klant])
    koop = ~anoniem & (tickets[bedrag].to_numpy() > 0)
    if not koop.any():
        raise InvoerFout(
            "Er is geen enkele aankoop (ticket met een bedrag groter dan 0) van een gekende klant: "
            "er valt niets te analyseren."
        )
    codes, klanten = _klantcodes(tickets[klant], koop)
    return Aankopen(
        codes=codes,
        klanten=klanten.rename(klant),
        dag=dagnummers(tickets[datum])[koop],
        peildag=int(dagnummers(pd.Series([peil]))[0]),
        peildatum=peil,
        anoniem=int(anoniem.sum()),
    )


def _klantcodes(klanten: pd.Series, gekend: np.ndarray) -> tuple[np.ndarray, pd.Index]:
    """Klantnummers 0..k-1 voor de gekende rijen, en de klant-id per nummer.

    Gehele klant-id's die dicht bij elkaar liggen worden zonder hashing rechtstreeks genummerd
    (id - kleinste id; snel op miljoenen rijen). De lijst bevat dan ook id's zonder tickets. Al
    het andere (tekst, kommagetallen, categorieën) gaat via `helpers.klantid.klantcodes`, zodat
    ``" A"`` en ``"A"`` (of 101 en 101.0) dezelfde klant zijn.
    """
    alles = bool(gekend.all())
    if not pd.api.types.is_integer_dtype(klanten.dtype):
        codes, ids = klantcodes(klanten)
        codes = codes if alles else codes[gekend]
        gebruikt = np.bincount(codes, minlength=len(ids)) > 0
        if gebruikt.all():
            return codes, ids
        return (np.cumsum(gebruikt) - 1)[codes], ids[gebruikt]
    waarden = klanten.to_numpy(dtype="int64", na_value=0)
    waarden = waarden if alles else waarden[gekend]
    laag, hoog = (int(waarden.min()), int(waarden.max())) if len(waarden) else (0, -1)
    if hoog - laag < 2 * len(waarden) + 1000:
        return waarden - laag, pd.Index(np.arange(laag, hoog + 1), dtype=klanten.dtype)
    codes, ids = pd.factorize(waarden)
    return codes, pd.Index(ids, dtype=klanten.dtype)


@belgische_tijd
def peildatum_van(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    tabel: str = "tickets",
) -> pd.Timestamp:
    """Controleer de tickets en geef de peildatum als dag; zonder peildatum de dag van het laatste ticket.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A"], "datum": pd.to_datetime(["2025-03-04 15:00"]), "bedrag": [1.0]})
    >>> peildatum_van(t, None)
    Timestamp('2025-03-04 00:00:00')
    """
    peil = controleer_tickets(tickets, peildatum, klant, datum, bedrag, tabel)
    return tickets[datum].max().normalize() if peil is None else peil


def _periodecode(dagen: np.ndarray, periode: str) -> np.ndarray:
    """Periodenummer (pandas-ordinaal van maand, kwartaal of jaar) van elke dag, via een opzoektabel."""
    laag = int(dagen.min())
    tabel = np.arange(laag, int(dagen.max()) + 1).astype("datetime64[D]").astype("datetime64[M]")
    maanden = tabel.astype("int64")
    tabel = {"M": maanden, "Q": maanden // 3, "Y": maanden // 12}[periode]
    return tabel[dagen - laag]


def _vereis_periode(periode: str) -> None:
    if periode not in PERIODES:
        keuze = ", ".join(f"'{p}' ({naam})" for p, naam in PERIODES.items())
        raise InvoerFout(f"Onbekende periode {periode!r}. Kies uit: {keuze}.")


def _unieke_paren(codes: np.ndarray, waarden: np.ndarray, breedte: int) -> np.ndarray:
    """De unieke paren (klant, waarde) als gesorteerde sleutels ``klant * breedte + waarde``.

    ``waarden`` liggen in ``0..breedte-1``. Bij weinig vakjes een bitmap (lineair), anders hashen.
    """
    sleutels = codes.astype("int64") * breedte + waarden
    vakjes = (int(codes.max()) + 1) * breedte
    if vakjes <= _MAX_BITMAP:
        gezien = np.zeros(vakjes, dtype=bool)
        gezien[sleutels] = True
        return np.flatnonzero(gezien)
    return np.sort(pd.unique(sleutels))


@belgische_tijd
def cohort_tabel(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    periode: str = "M",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    absoluut: bool = False,
) -> pd.DataFrame:
    """Welk deel van elk instapcohort is actief, per periode sinds de eerste aankoop?

    Een klant hoort bij het cohort van de periode (``"M"`` maand, ``"Q"`` kwartaal, ``"Y"`` jaar)
    van zijn eerste aankoop. Rij = cohort, kolom = aantal perioden sinds die eerste periode
    (0, 1, 2, ...), waarde = aandeel van het cohort dat in die periode actief was (minstens één
    aankoop met bedrag > 0). Kolom 0 is dus altijd 1. Vakjes na de peildatum zijn nog niet
    waargenomen en blijven leeg (NaN); de periode van de peildatum telt mee, ook al is ze nog
    bezig. Met ``absoluut=True`` krijg je aantallen klanten in plaats van aandelen (kolom 0 is dan
    de grootte van het cohort). Let op: het eerste cohort bevat ook klanten die al vóór het begin
    van de gegevens kochten.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B", "B"],
    ...                   "datum": pd.to_datetime(["2024-01-10", "2025-03-01", "2024-06-01", "2024-06-09"]),
    ...                   "bedrag": [10.0, 20.0, 15.0, -15.0]})
    >>> cohort_tabel(t, peildatum="2025-12-31", periode="Y")  # doctest: +NORMALIZE_WHITESPACE
    perioden_sinds_start    0    1
    cohort
    2024                  1.0  0.5
    >>> cohort_tabel(t, peildatum="2025-12-31", periode="Y", absoluut=True)  # doctest: +NORMALIZE_WHITESPACE
    perioden_sinds_start  0  1
    cohort
    2024                  2  1
    """
    _vereis_periode(periode)
    log = aankopen(tickets, peildatum, klant, datum, bedrag)
    per = _periodecode(log.dag, periode)
    start = int(per.min())
    per -= start
    breedte = int(_periodecode(np.array([log.peildag]), periode)[0]) - start + 1
    wie, wanneer = np.divmod(_unieke_paren(log.codes, per, breedte), breedte)
    # de paren zijn gesorteerd op klant en periode: de eerste van elke klant is zijn cohort
    begin = np.flatnonzero(np.r_[True, wie[1:] != wie[:-1]])
    cohort = np.repeat(wanneer[begin], np.diff(np.r_[begin, len(wie)]))
    tel = np.bincount(cohort * breedte + (wanneer - cohort), minlength=breedte * breedte)
    tel = tel.reshape(breedte, breedte)
    waargenomen = np.add.outer(np.arange(breedte), np.arange(breedte)) < breedte
    bezet = tel[:, 0] > 0
    index = pd.PeriodIndex.from_ordinals(np.flatnonzero(bezet) + start, freq=periode, name="cohort")
    kolommen = pd.RangeIndex(breedte - int(np.argmax(bezet)), name="perioden_sinds_start")
    tel, waargenomen = tel[bezet][:, : len(kolommen)], waargenomen[bezet][:, : len(kolommen)]
    if absoluut:
        resultaat = pd.DataFrame(tel, index=index, columns=kolommen).astype("Int64").where(waargenomen)
    else:
        aandeel = np.where(waargenomen, tel / tel[:, :1], np.nan)
        resultaat = pd.DataFrame(aandeel, index=index, columns=kolommen)
    resultaat.attrs["anonieme_tickets"] = log.anoniem
    return resultaat


def _aankoopdagen(log: Aankopen) -> tuple[np.ndarray, np.ndarray]:
    """De unieke aankoopdagen per klant, gesorteerd op klant en dag: (klantnummers, dagen)."""
    eerste_dag = int(log.dag.min())
    breedte = log.peildag - eerste_dag + 1
    wie, dag = np.divmod(_unieke_paren(log.codes, log.dag - eerste_dag, breedte), breedte)
    return wie, dag + eerste_dag


@belgische_tijd
def churn_status(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    factor: float = 2.0,
    minimum_dagen: int = 60,
    risico_na: int = 180,
    verloren_na: int = 365,
) -> pd.DataFrame:
    """Welke klanten zijn nog actief, welke lopen risico en welke zijn verloren (churn)?

    De regel (standaardwaarden voor een mode- of schoenenwinkel met twee seizoenen per jaar):

    - **verloren**: langer dan ``verloren_na`` dagen (365: een heel jaar, beide seizoenen) geen aankoop;
    - **risico**: niet verloren, maar langer geen aankoop dan de *eigen drempel* van de klant:
      ``factor`` (2) × zijn mediane tijd tussen twee aankoopdagen, minstens ``minimum_dagen`` (60)
      en hoogstens ``risico_na`` (180: een seizoen overgeslagen). Wie maar op één dag kocht, heeft
      geen eigen ritme: voor hem is de drempel ``risico_na``;
    - anders **actief**.

    Eén rij per klant met minstens één aankoop. Klanten met enkel retours staan er niet in; hun
    aantal staat in ``attrs["klanten_zonder_aankoop"]``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "A", "B", "C"],
    ...                   "datum": pd.to_datetime(["2025-01-01", "2025-03-02", "2025-05-01",
    ...                                            "2025-11-15", "2024-10-01"]),
    ...                   "bedrag": [40.0, 25.0, 60.0, 80.0, 30.0]})
    >>> churn_status(t, "2025-12-31")[["dagen_sinds", "mediaan_interval", "drempel_risico", "status"]]
    ...     # doctest: +NORMALIZE_WHITESPACE
              dagen_sinds  mediaan_interval  drempel_risico    status
    klant_id
    A                 244              60.0           120.0    risico
    B                  46               NaN           180.0    actief
    C                 456               NaN           180.0  verloren
    """
    if not 0 < factor or not 0 <= minimum_dagen <= risico_na < verloren_na:
        raise InvoerFout(
            "De churnregel moet voldoen aan: factor > 0 en 0 <= minimum_dagen <= risico_na < verloren_na; "
            f"kreeg factor={factor}, minimum_dagen={minimum_dagen}, risico_na={risico_na}, "
            f"verloren_na={verloren_na}."
        )
    rfm = rfm_tabel(tickets, peildatum, klant, datum, bedrag)
    log = aankopen(tickets, peildatum, klant, datum, bedrag)
    wie, dag = _aankoopdagen(log)
    zelfde = wie[1:] == wie[:-1]
    mediaan = (
        pd.Series(np.diff(dag)[zelfde].astype("float64"))
        .groupby(log.klanten[wie[1:][zelfde]])
        .median()
        .reindex(rfm.index)
    )
    drempel = mediaan.mul(factor).clip(minimum_dagen, risico_na).fillna(risico_na)
    sinds = rfm["recency"]
    status = np.select([sinds > verloren_na, sinds > drempel], ["verloren", "risico"], "actief")
    resultaat = pd.DataFrame(
        {
            "eerste_aankoop": rfm["eerste_aankoop"],
            "laatste_aankoop": rfm["laatste_aankoop"],
            "aankoopdagen": rfm["frequentie"],
            "mediaan_interval": mediaan,
            "dagen_sinds": sinds,
            "drempel_risico": drempel.astype("float64"),
            "status": pd.Categorical(status, categories=STATUSSEN, ordered=True),
        },
        index=rfm.index,
    )
    resultaat.attrs["anonieme_tickets"] = log.anoniem
    resultaat.attrs["klanten_zonder_aankoop"] = rfm.attrs["rapport"]["klanten_zonder_aankoop"]
    return resultaat


@belgische_tijd
def churn_per_periode(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    periode: str = "Y",
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Retentie en churn per periode: wie vorige periode actief was, koopt die deze periode opnieuw?

    Per periode (``"M"``, ``"Q"`` of ``"Y"``): ``klanten`` actief in die periode, ``klanten_vorige``
    actief in de periode ervoor, ``behouden`` actief in beide, ``retentie = behouden / klanten_vorige``
    en ``churn = 1 - retentie``. De eerste periode heeft geen vorige (leeg). Een periode die op de
    peildatum nog niet voorbij is, staat er niet in: die zou churn overschatten.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "B", "A", "C", "C"],
    ...                   "datum": pd.to_datetime(["2023-03-01", "2023-05-01", "2024-02-01",
    ...                                            "2024-07-01", "2025-01-09"]),
    ...                   "bedrag": [10.0, 20.0, 30.0, 40.0, 50.0]})
    >>> churn_per_periode(t, peildatum="2025-12-31")  # doctest: +NORMALIZE_WHITESPACE
            klanten  klanten_vorige  behouden  retentie  churn
    periode
    2023          2             NaN       NaN       NaN    NaN
    2024          2             2.0       1.0       0.5    0.5
    2025          1             2.0       1.0       0.5    0.5
    """
    _vereis_periode(periode)
    log = aankopen(tickets, peildatum, klant, datum, bedrag)
    per = _periodecode(np.append(log.dag, [log.peildag, log.peildag + 1]), periode)
    start = int(per[:-2].min())
    volledig = per[-1] != per[-2]  # de dag na de peildatum valt in een nieuwe periode
    einde = int(per[-2]) - start + (1 if volledig else 0)
    per = per[:-2] - start
    if einde == 0:
        raise InvoerFout(
            f"Er is nog geen volledige {PERIODES[periode]} voorbij op de peildatum "
            f"{log.peildatum.date()}: kies een kortere periode of een latere peildatum."
        )
    wie, wanneer = np.divmod(_unieke_paren(log.codes, per, einde + 1), einde + 1)
    opnieuw = (wie[1:] == wie[:-1]) & (wanneer[1:] == wanneer[:-1] + 1)
    actief = np.bincount(wanneer, minlength=einde + 1)[:einde].astype("float64")
    behouden = np.bincount(wanneer[1:][opnieuw], minlength=einde + 1)[:einde].astype("float64")
    vorige = np.append(np.nan, actief[:-1])
    behouden[0] = np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        retentie = behouden / vorige
    resultaat = pd.DataFrame(
        {
            "klanten": actief.astype("int64"),
            "klanten_vorige": vorige,
            "behouden": behouden,
            "retentie": retentie,
            "churn": 1 - retentie,
        },
        index=pd.PeriodIndex.from_ordinals(np.arange(einde) + start, freq=periode, name="periode"),
    )
    resultaat.attrs["anonieme_tickets"] = log.anoniem
    return resultaat


@belgische_tijd
def retentie_per_jaar(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> float:
    """Schat de jaarlijkse retentie ``r`` (voor `clv`): het deel van de klanten van een jaar dat het
    volgende jaar opnieuw koopt, over alle volledige jaren samen (gewogen met het aantal klanten).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "B", "A", "C", "C"],
    ...                   "datum": pd.to_datetime(["2023-03-01", "2023-05-01", "2024-02-01",
    ...                                            "2024-07-01", "2025-01-09"]),
    ...                   "bedrag": [10.0, 20.0, 30.0, 40.0, 50.0]})
    >>> retentie_per_jaar(t, peildatum="2025-12-31")  # (1 + 1) / (2 + 2)
    0.5
    """
    tabel = churn_per_periode(tickets, peildatum, "Y", klant, datum, bedrag)
    vorige = tabel["klanten_vorige"].sum()
    if vorige == 0:
        raise InvoerFout(
            "Om de retentie te schatten zijn minstens twee volledige kalenderjaren met aankopen nodig; "
            f"de gegevens hebben er {len(tabel)} tot de peildatum."
        )
    return float(tabel["behouden"].sum() / vorige)


def clv(
    marge_per_jaar: float | Sequence[float] | pd.Series | np.ndarray,
    retentie: float,
    disconteringsvoet: float = 0.1,
) -> float | pd.Series | np.ndarray:
    """Eenvoudige klantwaarde (customer lifetime value): ``m × r / (1 + d - r)``.

    Tijdsafspraak: het lopende jaar telt niet mee. Elk volgend jaar ``t = 1, 2, ...`` blijft de
    klant met kans ``r^t`` en levert hij dan aan het **einde** van dat jaar de marge ``m`` op,
    verdisconteerd met ``(1 + d)^t``. De CLV is de som van die oneindige reeks,
    ``Σ m × r^t / (1 + d)^t = m × r / (1 + d - r)``: wat een klant die je vandaag hebt nog waard is.
    Werkt ook per klant (een reeks, lijst of array marges).

    >>> round(clv(100.0, retentie=0.6, disconteringsvoet=0.1), 2)  # 100 × 0,6 / 0,5
    120.0
    >>> clv([100, 50], retentie=0.5, disconteringsvoet=0.0).tolist()  # m × 0,5 / 0,5
    [100.0, 50.0]
    """
    if not 0 <= retentie <= 1:
        raise InvoerFout(f"De retentie is een kans tussen 0 en 1 (bv. 0.6), niet {retentie}.")
    if not disconteringsvoet >= 0 or (retentie == 1 and disconteringsvoet == 0):
        raise InvoerFout(
            f"De disconteringsvoet moet 0 of meer zijn (bv. 0.1 voor 10%), kreeg {disconteringsvoet}; "
            "met retentie 1 moet ze groter dan 0 zijn, anders is de klantwaarde oneindig."
        )
    marge = np.asarray(marge_per_jaar, dtype="float64")
    if np.isnan(marge).any():
        raise InvoerFout(f"{int(np.isnan(marge).sum())} marge(s) per jaar ontbreken.")
    factor = retentie / (1 + disconteringsvoet - retentie)
    if isinstance(marge_per_jaar, pd.Series):
        return marge_per_jaar.astype("float64") * factor
    return float(marge * factor) if marge.ndim == 0 else marge * factor


@belgische_tijd
def kaarthouders_vs_anderen(
    klanten: pd.DataFrame,
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    kaart: str = "klantenkaart",
) -> pd.DataFrame:
    """Vergelijk klanten met een klantenkaart met de andere gekende klanten.

    Per groep (enkel klanten met minstens één aankoop): het aantal ``klanten``, de gemiddelde en
    mediane netto ``omzet_per_klant`` (retours afgetrokken), ``aankoopdagen_per_klant``, het
    ``gemiddeld_ticket`` (netto omzet / aankooptickets, zoals `helpers.kpi.gemiddeld_ticket`), het
    aandeel ``herhaalkopers`` (op minstens twee dagen gekocht) en de ``retentie_per_jaar`` (zie
    `retentie_per_jaar`; leeg als er geen twee volledige jaren zijn). Klanten uit de tickets die niet
    in ``klanten`` staan, tellen niet mee: hun aantal staat in ``attrs["onbekende_klanten"]``.

    >>> import pandas as pd
    >>> klanten = pd.DataFrame({"klant_id": ["A", "B", "C"], "klantenkaart": [True, False, False]})
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B", "C"],
    ...                   "datum": pd.to_datetime(["2025-01-02", "2025-03-04", "2025-02-01", "2025-02-02"]),
    ...                   "bedrag": [60.0, 40.0, 30.0, 50.0]})
    >>> kaarthouders_vs_anderen(klanten, t)[["klanten", "omzet_per_klant", "herhaalkopers"]]
    ...     # doctest: +NORMALIZE_WHITESPACE
                    klanten  omzet_per_klant  herhaalkopers
    groep
    kaarthouders          1            100.0            1.0
    andere klanten        2             40.0            0.0
    """
    vereis_kolommen(klanten, [klant, kaart], "klanten")
    if not pd.api.types.is_bool_dtype(klanten[kaart]):
        raise InvoerFout(
            f"De kolom '{kaart}' in 'klanten' moet waar/onwaar bevatten (heeft wel of geen klantenkaart), "
            f"maar heeft type {klanten[kaart].dtype}."
        )
    peil = peildatum_van(tickets, peildatum, klant, datum, bedrag)
    tickets, klanten = koppel_klanten((tickets, "tickets"), (klanten, "klanten"), klant=klant)
    rfm = rfm_tabel(tickets, peil, klant, datum, bedrag)
    heeft_kaart = klanten.drop_duplicates(klant).set_index(klant)[kaart].reindex(rfm.index)
    rijen = {}
    for naam, waarde in (("kaarthouders", True), ("andere klanten", False)):
        deel = rfm[heeft_kaart.eq(waarde).to_numpy()]
        van_deel = tickets[tickets[klant].isin(deel.index)]
        ticketwaarde = gemiddeld_ticket(van_deel, None, klant, datum, bedrag) if len(deel) else np.nan
        rijen[naam] = {
            "klanten": len(deel),
            "omzet_per_klant": deel["monetair"].mean(),
            "mediaan_omzet": deel["monetair"].median(),
            "aankoopdagen_per_klant": deel["frequentie"].mean(),
            "gemiddeld_ticket": ticketwaarde,
            "herhaalkopers": (deel["frequentie"] >= 2).mean(),
            "retentie_per_jaar": _retentie_van(van_deel, peil, klant, datum, bedrag),
        }
    resultaat = pd.DataFrame.from_dict(rijen, orient="index").rename_axis("groep")
    resultaat = resultaat.astype({"klanten": "int64"})
    resultaat.attrs["anonieme_tickets"] = rfm.attrs["rapport"]["anonieme_tickets"]
    resultaat.attrs["onbekende_klanten"] = int(heeft_kaart.isna().sum())
    return resultaat


def _retentie_van(
    tickets: pd.DataFrame, peildatum: pd.Timestamp, klant: str, datum: str, bedrag: str
) -> float:
    """Jaarretentie van de klanten in ``tickets`` (NaN als ze niet te schatten is)."""
    if tickets.empty:
        return np.nan
    try:
        return retentie_per_jaar(tickets, peildatum, klant, datum, bedrag)
    except InvoerFout:
        return np.nan


@belgische_tijd
def tijd_tot_eerste_bon(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    ticket: str = "ticket_id",
    korting_soort: str = "korting_soort",
    bon: str = "klantenkaart",
) -> pd.DataFrame:
    """Hoeveel dagen na de eerste aankoop gebruikt een klant zijn eerste klantenkaartbon?

    Per klant met een aankoop: ``eerste_aankoop`` (dag), ``eerste_bon`` (dag van het eerste ticket
    met een lijn waarvan ``korting_soort`` gelijk is aan ``bon``), ``dagen_tot_bon`` en
    ``heeft_bon``. Wie nog geen bon gebruikte, heeft ``heeft_bon = False`` en een lege
    ``dagen_tot_bon``: *nog niet*, wat niet hetzelfde is als nooit. ``dagen_gevolgd`` zegt hoe lang
    we die klant al volgen (eerste aankoop tot peildatum).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "klant_id": ["A", "A", "B"],
    ...                   "datum": pd.to_datetime(["2025-01-01", "2025-03-02", "2025-02-01"]),
    ...                   "bedrag": [80.0, 45.0, 30.0]})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"],
    ...                        "korting_soort": [None, "klantenkaart", "solden"]})
    >>> tijd_tot_eerste_bon(t, lijnen)[["dagen_tot_bon", "heeft_bon", "dagen_gevolgd"]]
    ...     # doctest: +NORMALIZE_WHITESPACE
              dagen_tot_bon  heeft_bon  dagen_gevolgd
    klant_id
    A                    60       True             60
    B                  <NA>      False             29
    """
    vereis_kolommen(tickets, [ticket], "tickets")
    vereis_kolommen(ticketlijnen, [ticket, korting_soort], "ticketlijnen")
    peil = peildatum_van(tickets, peildatum, klant, datum, bedrag)
    tickets = met_klant_ids(tickets, klant, "tickets")
    rfm = rfm_tabel(tickets, peil, klant, datum, bedrag)
    met_bon = tickets[ticket].isin(ticketlijnen.loc[ticketlijnen[korting_soort].eq(bon), ticket])
    bontickets = tickets[met_bon.to_numpy() & ~anonieme_tickets(tickets[klant])]
    eerste_bon = bontickets.groupby(klant)[datum].min().dt.normalize().reindex(rfm.index)
    eerste = rfm["eerste_aankoop"]
    resultaat = pd.DataFrame(
        {
            "eerste_aankoop": eerste,
            "eerste_bon": eerste_bon,
            "dagen_tot_bon": (eerste_bon - eerste).dt.days.astype("Int64"),
            "heeft_bon": eerste_bon.notna(),
            "dagen_gevolgd": (peil - eerste).dt.days,
        },
        index=rfm.index,
    )
    resultaat.attrs["anonieme_tickets"] = rfm.attrs["rapport"]["anonieme_tickets"]
    return resultaat

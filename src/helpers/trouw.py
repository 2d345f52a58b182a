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
from helpers.kalender import is_sperperiode
from helpers.klantid import koppel_klanten, met_klant_ids
from helpers.kpi import gemiddeld_ticket
from helpers.rfm import anonieme_tickets, controleer_tickets, dagnummers, klantcodes, rfm_tabel
from helpers.tijdzone import belgisch_tijdstip, belgische_tijd

PERIODES: dict[str, str] = {"M": "maand", "Q": "kwartaal", "Y": "jaar"}
"""De periodes voor cohorten en retentie: code -> Nederlandse naam."""

STATUSSEN: tuple[str, ...] = ("actief", "risico", "verloren")
"""De mogelijke waarden van ``churn_status(...)["status"]``, van goed naar slecht."""

VERLOREN_NA = 450
"""Standaard voor ``verloren_na`` in `churn_status`: 450 dagen (een jaar en een seizoen) zonder aankoop.

Gekozen met een back-test (`vergelijk_churnregels`): pas de regel toe op de dag een jaar vóór de
peildatum en kijk wie het jaar erna toch nog kocht. 450 is de kortste grens (in stappen van 30 à 50
dagen) waarbij in elk van de drie voorbeeldwinkels minstens 80% van de 'verloren' klanten het hele
volgende jaar wegbleef (kledingzaak 84%, schoenenzaak 80%, sportzaak 82%); met de vroegere 365 dagen
kwam in de schoenenzaak een op vier 'verloren' klanten nog terug. Langer wachten maakt de regel
nauwelijks zekerder, maar je ziet een vertrekkende klant pas veel later.

Wat een back-test niet ziet: wie maar om de paar jaar koopt, blijft ook een heel jaar weg zonder
vertrokken te zijn. Tegenover de verborgen waarheid van de generator (``datasets/<winkel>/_sleutel``)
was met 450 dagen ongeveer de helft van de 'verloren' klanten echt vertrokken (met 365 dagen iets
minder); de anderen waren zeldzame kopers, die ook het jaar erna niet kwamen. 'Verloren' betekent dus:
komt waarschijnlijk niet vanzelf terug, niet: is zeker weg.
"""

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
    genummerd = None
    if pd.api.types.is_integer_dtype(tickets[klant].dtype):
        anoniem = anonieme_tickets(tickets[klant])
    else:  # tekst: één keer nummeren (10 miljoen teksten hashen kost seconden); anoniem = code -1
        genummerd = klantcodes(tickets[klant], sorteer=False)
        anoniem = genummerd[0] < 0
    koop = ~anoniem & (tickets[bedrag].to_numpy() > 0)
    if not koop.any():
        raise InvoerFout(
            "Er is geen enkele aankoop (ticket met een bedrag groter dan 0) van een gekende klant: "
            "er valt niets te analyseren."
        )
    codes, klanten = _klantcodes(tickets[klant], koop, genummerd)
    return Aankopen(
        codes=codes,
        klanten=klanten.rename(klant),
        dag=dagnummers(tickets[datum])[koop],
        peildag=int(dagnummers(pd.Series([peil]))[0]),
        peildatum=peil,
        anoniem=int(anoniem.sum()),
    )


def _klantcodes(
    klanten: pd.Series, gekend: np.ndarray, genummerd: tuple[np.ndarray, pd.Index] | None = None
) -> tuple[np.ndarray, pd.Index]:
    """Klantnummers 0..k-1 voor de gekende rijen, en de klant-id per nummer.

    Gehele klant-id's die dicht bij elkaar liggen worden zonder hashing rechtstreeks genummerd
    (id - kleinste id; snel op miljoenen rijen). De lijst bevat dan ook id's zonder tickets. Al
    het andere (tekst, kommagetallen, categorieën) gaat via `helpers.klantid.klantcodes`, zodat
    ``" A"`` en ``"A"`` (of 101 en 101.0) dezelfde klant zijn; ``genummerd`` is daarvan een
    uitkomst die de oproeper al had.
    """
    alles = bool(gekend.all())
    if not pd.api.types.is_integer_dtype(klanten.dtype):
        codes, ids = genummerd if genummerd is not None else klantcodes(klanten, sorteer=False)
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
    verloren_na: int = VERLOREN_NA,
) -> pd.DataFrame:
    """Welke klanten zijn nog actief, welke lopen risico en welke zijn verloren (churn)?

    De regel (standaardwaarden voor een mode- of schoenenwinkel met twee seizoenen per jaar):

    - **verloren**: langer dan ``verloren_na`` dagen geen aankoop (450: een jaar en een seizoen;
      gekozen met een back-test, zie `VERLOREN_NA`; test je eigen regel met `churn_backtest`);
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


def _testdag(
    tickets: pd.DataFrame,
    testdatum: pd.Timestamp | str | None,
    peildatum: pd.Timestamp | str | None,
    klant: str,
    datum: str,
    bedrag: str,
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Testdatum en peildatum van een back-test (als dag); zonder testdatum: een jaar vóór de peildatum."""
    peil = peildatum_van(tickets, peildatum, klant, datum, bedrag)
    if testdatum is None:
        return peil - pd.DateOffset(years=1), peil
    try:
        test = pd.Timestamp(belgisch_tijdstip(testdatum))
    except (TypeError, ValueError) as fout:
        raise InvoerFout(f"De testdatum {testdatum!r} is geen geldige datum (bv. '2024-12-31').") from fout
    if pd.isna(test):
        raise InvoerFout("De testdatum ontbreekt: geef een datum (bv. '2024-12-31') of niets (jaar terug).")
    test = belgisch_tijdstip(test).normalize()
    if not test < peil:
        raise InvoerFout(
            f"De testdatum {test.date()} moet vóór de peildatum {peil.date()} liggen: een back-test kijkt "
            "wie er na de testdatum nog kocht."
        )
    return test, peil


@belgische_tijd
def churn_backtest(
    tickets: pd.DataFrame,
    testdatum: pd.Timestamp | str | None = None,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    factor: float = 2.0,
    minimum_dagen: int = 60,
    risico_na: int = 180,
    verloren_na: int = VERLOREN_NA,
) -> pd.DataFrame:
    """Test een churnregel op het verleden: wie de regel op ``testdatum`` 'verloren' noemde, kwam die terug?

    De regel (zie `churn_status`, zelfde parameters) krijgt alleen de tickets tot en met de testdatum
    (standaard: een jaar vóór de peildatum), zoals je hem toen had kunnen toepassen. Daarna kijk je
    in de tickets na de testdatum (tot en met de peildatum) wie toch nog iets kocht.

    Eén rij per klant die vóór of op de testdatum al kocht: de kolommen van `churn_status` op de
    testdatum, ``kwam_terug`` (waar als hij na de testdatum nog kocht) en ``terug_op`` (de eerste
    aankoopdag na de testdatum, leeg als hij wegbleef). Tel met `backtest_overzicht` per status.

    Let op: wie wegbleef tot de peildatum, is daarmee niet zeker vertrokken (misschien koopt hij
    maar om de twee jaar). Het aandeel weggebleven 'verloren' klanten ligt dus hoger dan hoe vaak
    'verloren' echt klopt.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B", "C", "C"],
    ...                   "datum": pd.to_datetime(["2023-02-01", "2025-03-01", "2023-03-01", "2024-11-01",
    ...                                            "2025-05-05"]),
    ...                   "bedrag": [40.0, 30.0, 20.0, 50.0, 10.0]})
    >>> uit = churn_backtest(t, testdatum="2024-12-31", peildatum="2025-12-31")
    >>> uit[["dagen_sinds", "status", "kwam_terug", "terug_op"]]  # doctest: +NORMALIZE_WHITESPACE
              dagen_sinds    status  kwam_terug   terug_op
    klant_id
    A                 699  verloren        True 2025-03-01
    B                 671  verloren       False        NaT
    C                  60    actief        True 2025-05-05
    """
    test, peil = _testdag(tickets, testdatum, peildatum, klant, datum, bedrag)
    log = aankopen(tickets, peil, klant, datum, bedrag)
    testdag = int(dagnummers(pd.Series([test]))[0])
    if not (log.dag <= testdag).any():
        raise InvoerFout(
            f"Op de testdatum {test.date()} had nog geen klant iets gekocht: kies een latere testdatum."
        )
    verleden = tickets[dagnummers(tickets[datum]) <= testdag]
    status = churn_status(
        verleden, test, klant, datum, bedrag, factor, minimum_dagen, risico_na, verloren_na
    )
    later = log.dag > testdag
    eerste_dag = pd.Series(log.dag[later]).groupby(log.codes[later]).min()
    terug = pd.Series(eerste_dag.to_numpy(), index=log.klanten[eerste_dag.index]).reindex(status.index)
    resultaat = status.assign(
        kwam_terug=terug.notna().to_numpy(),
        terug_op=pd.to_datetime(terug.to_numpy(dtype="float64"), unit="D").astype("datetime64[us]"),
    )
    resultaat.attrs = {**status.attrs, "testdatum": test, "peildatum": peil}
    return resultaat


def backtest_overzicht(backtest: pd.DataFrame) -> pd.DataFrame:
    """Tel een back-test (`churn_backtest`) per status: hoeveel klanten kwamen terug, hoeveel bleven weg?

    Per status (``actief``, ``risico``, ``verloren``): ``klanten``, ``kwamen_terug``, ``bleven_weg``,
    ``aandeel_weggebleven`` (bij ``verloren``: hoe vaak de regel klopte, de *trefzekerheid*) en
    ``aandeel_van_wegblijvers`` (welk deel van alle klanten die wegbleven deze status kreeg; bij
    ``verloren``: hoeveel van de wegblijvers de regel op tijd zag, de *vangst*).

    >>> import pandas as pd
    >>> bt = pd.DataFrame({"status": pd.Categorical(["verloren", "verloren", "actief", "verloren"],
    ...                                             categories=STATUSSEN, ordered=True),
    ...                    "kwam_terug": [False, True, True, False]})
    >>> backtest_overzicht(bt)[["klanten", "bleven_weg", "aandeel_weggebleven"]].round(2)
    ...     # doctest: +NORMALIZE_WHITESPACE
              klanten  bleven_weg  aandeel_weggebleven
    status
    actief          1           0                 0.00
    risico          0           0                  NaN
    verloren        3           2                 0.67
    """
    vereis_kolommen(backtest, ["status", "kwam_terug"], "back-test")
    status = pd.Categorical(backtest["status"], categories=STATUSSEN, ordered=True)
    terug = backtest["kwam_terug"].to_numpy(dtype=bool)
    klanten = pd.Series(status).value_counts(sort=False).reindex(STATUSSEN, fill_value=0)
    kwamen = pd.Series(status[terug]).value_counts(sort=False).reindex(STATUSSEN, fill_value=0)
    weg = klanten - kwamen
    with np.errstate(invalid="ignore", divide="ignore"):
        overzicht = pd.DataFrame(
            {
                "klanten": klanten.to_numpy(),
                "kwamen_terug": kwamen.to_numpy(),
                "bleven_weg": weg.to_numpy(),
                "aandeel_weggebleven": weg.to_numpy() / klanten.to_numpy(),
                "aandeel_van_wegblijvers": weg.to_numpy() / max(int(weg.sum()), 1),
            },
            index=pd.Index(STATUSSEN, name="status"),
        )
    return overzicht


@belgische_tijd
def vergelijk_churnregels(
    tickets: pd.DataFrame,
    testdatum: pd.Timestamp | str | None = None,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    verloren_na: Sequence[int] = (270, 365, 450, 540),
) -> pd.DataFrame:
    """Back-test van verschillende grenzen voor 'verloren' naast elkaar (zie `churn_backtest`).

    Per grens in ``verloren_na`` (dagen zonder aankoop op de testdatum): hoeveel klanten de regel
    ``verloren`` noemde, hoeveel van hen tot de peildatum toch terugkwamen (``kwamen_terug``) of
    wegbleven (``bleven_weg``), de ``trefzekerheid`` (bleven_weg / verloren: hoe vaak 'verloren'
    klopte) en de ``vangst`` (welk deel van alle klanten die wegbleven, de regel al 'verloren'
    noemde). Een langere grens is zekerder maar vangt minder, en later.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B", "C", "C"],
    ...                   "datum": pd.to_datetime(["2023-02-01", "2025-03-01", "2023-03-01", "2024-11-01",
    ...                                            "2025-05-05"]),
    ...                   "bedrag": [40.0, 30.0, 20.0, 50.0, 10.0]})
    >>> vergelijk_churnregels(t, "2024-12-31", "2025-12-31", verloren_na=(365, 680))
    ...     # A 699 dagen stil, kwam terug; B 671 dagen, bleef weg  # doctest: +NORMALIZE_WHITESPACE
                 verloren  kwamen_terug  bleven_weg  trefzekerheid  vangst
    verloren_na
    365                 2             1           1            0.5     1.0
    680                 1             1           0            0.0     0.0
    """
    grenzen = np.asarray(verloren_na, dtype="int64")
    if grenzen.ndim != 1 or not len(grenzen) or (grenzen <= 0).any():
        raise InvoerFout(
            f"Geef een of meer grenzen in dagen (groter dan 0) als 'verloren_na', niet {verloren_na!r}."
        )
    bt = churn_backtest(tickets, testdatum, peildatum, klant, datum, bedrag)
    sinds = bt["dagen_sinds"].to_numpy()
    terug = bt["kwam_terug"].to_numpy(dtype=bool)
    verloren = sinds[None, :] > grenzen[:, None]
    aantal = verloren.sum(axis=1)
    weg = (verloren & ~terug).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        resultaat = pd.DataFrame(
            {
                "verloren": aantal,
                "kwamen_terug": aantal - weg,
                "bleven_weg": weg,
                "trefzekerheid": weg / aantal,
                "vangst": weg / max(int((~terug).sum()), 1),
            },
            index=pd.Index(grenzen, name="verloren_na"),
        )
    resultaat.attrs = dict(bt.attrs)
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
def retentietabel(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Wie in een jaar kocht: kocht die het jaar erna opnieuw, en twee jaar later?

    Per ``basisjaar`` (een volledig kalenderjaar waarvan ook het jaar erna voorbij is op de
    peildatum): ``klanten`` (kochten in het basisjaar), ``kochten_jaar_1`` (ook het jaar erna),
    ``kochten_jaar_2`` (ook twee jaar later; leeg als dat jaar nog niet voorbij is) en
    ``sloegen_over`` (kochten het jaar erna niet, twee jaar later wel: ze waren dus nooit weg).
    Daarbij de kansen van `Retentie` voor dat basisjaar: ``herhaalkans`` = kochten_jaar_1 / klanten,
    ``blijfkans`` = kochten_jaar_2 / kochten_jaar_1 (begrensd tussen de herhaalkans en 1: wie het
    jaar erna koopt, is zeker nog klant) en ``koopkans`` = herhaalkans / blijfkans. Waarom die
    verhouding de blijfkans is, staat bij `Retentie`.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B", "B", "C", "C", "D"],
    ...                   "datum": pd.to_datetime(["2023-03-01", "2024-03-01", "2023-05-01", "2025-05-01",
    ...                                            "2023-06-01", "2024-06-01", "2023-07-01"]),
    ...                   "bedrag": 10.0})
    >>> retentietabel(t, "2025-12-31")[["klanten", "kochten_jaar_1", "kochten_jaar_2", "sloegen_over"]]
    ...     # doctest: +NORMALIZE_WHITESPACE
              klanten  kochten_jaar_1  kochten_jaar_2  sloegen_over
    basisjaar
    2023            4               2             1.0           1.0
    2024            2               0             NaN           NaN
    """
    log = aankopen(tickets, peildatum, klant, datum, bedrag)
    jaar = _periodecode(np.append(log.dag, [log.peildag, log.peildag + 1]), "Y")
    eerste = int(jaar[:-2].min())
    laatste_volledig = int(jaar[-2]) - (0 if jaar[-1] != jaar[-2] else 1)
    if laatste_volledig - eerste < 1:
        raise InvoerFout(
            "Voor de retentie zijn minstens twee volledige kalenderjaren met aankopen nodig (een jaar en het "
            f"jaar erna); tot de peildatum {log.peildatum.date()} is er "
            f"{max(laatste_volledig - eerste + 1, 0)}."
        )
    jaren = laatste_volledig - eerste + 1
    binnen = jaar[:-2] <= laatste_volledig
    actief = np.zeros((len(log.klanten), jaren), dtype=bool)
    actief[log.codes[binnen], jaar[:-2][binnen] - eerste] = True
    basis = actief[:, :-1]
    volgend = actief[:, 1:]
    twee_later = np.c_[actief[:, 2:], np.zeros((len(actief), 1), dtype=bool)]
    klanten = basis.sum(axis=0)
    jaar_1 = (basis & volgend).sum(axis=0)
    gezien = np.arange(jaren - 1) + 2 < jaren
    jaar_2 = np.where(gezien, (basis & twee_later).sum(axis=0), np.nan)
    over = np.where(gezien, (basis & ~volgend & twee_later).sum(axis=0), np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        herhaal = jaar_1 / klanten
        blijf = np.clip(jaar_2 / jaar_1, herhaal, 1.0)
        resultaat = pd.DataFrame(
            {
                "klanten": klanten,
                "kochten_jaar_1": jaar_1,
                "kochten_jaar_2": jaar_2,
                "sloegen_over": over,
                "herhaalkans": herhaal,
                "blijfkans": blijf,
                "koopkans": herhaal / blijf,
            },
            index=pd.Index(1970 + eerste + np.arange(jaren - 1), name="basisjaar"),
        )
    resultaat.attrs["anonieme_tickets"] = log.anoniem
    return resultaat


class Retentie(NamedTuple):
    """Drie kansen per jaar die je niet mag verwarren (zie `retentie_per_jaar`).

    - ``herhaalkans``: welk deel van de klanten van een jaar het jaar erna opnieuw koopt;
    - ``blijfkans``: welk deel een jaar later nog klant is, ook wie dat jaar toevallig niets kocht.
      Dit is de ``r`` die `clv` verwacht;
    - ``koopkans``: welk deel van wie nog klant is in een jaar iets koopt (herhaalkans = blijfkans ×
      koopkans).

    Waarom de blijfkans = kochten_jaar_2 / kochten_jaar_1 (`retentietabel`): stel dat wie nog klant
    is elk jaar dezelfde koopkans ``p`` heeft en elk jaar met kans ``r`` klant blijft. Dan koopt een
    klant van dit jaar volgend jaar opnieuw met kans ``r × p``, en twee jaar later met kans
    ``r × r × p``. De verhouding van die twee is ``r``: het enige verschil is het extra jaar waarin
    klanten konden vertrekken.
    """

    herhaalkans: float
    blijfkans: float
    koopkans: float


@belgische_tijd
def retentie_per_jaar(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> Retentie:
    """Schat de herhaalkans, de blijfkans en de koopkans per jaar (`Retentie`), over alle jaren samen.

    De ``herhaalkans`` telt alle basisjaren van `retentietabel` samen (gewogen met het aantal
    klanten); de ``blijfkans`` en de ``koopkans`` de basisjaren waarvan ook het tweede jaar erna al
    voorbij is. Daarvoor zijn drie volledige kalenderjaren nodig; met minder blijven ze leeg (NaN).
    De blijfkans ligt nooit onder de herhaalkans van die jaren (wie het jaar erna koopt, is nog
    klant) en nooit boven 1.

    Welke hoort bij `clv`? De **blijfkans**, samen met de marge per jaar van een klant die nog klant
    is (koopkans × marge in een jaar waarin hij koopt). Wie de herhaalkans als retentie gebruikt, telt
    elke klant die één jaar overslaat als verloren en onderschat zo de klantwaarde.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B", "B", "C", "C", "D"],
    ...                   "datum": pd.to_datetime(["2023-03-01", "2024-03-01", "2023-05-01", "2025-05-01",
    ...                                            "2023-06-01", "2024-06-01", "2023-07-01"]),
    ...                   "bedrag": 10.0})
    >>> r = retentie_per_jaar(t, peildatum="2025-12-31")
    >>> r.herhaalkans, r.blijfkans, r.koopkans  # (2 + 0) / (4 + 2); 1 / 2; (2 / 4) / (1 / 2)
    (0.3333333333333333, 0.5, 1.0)
    """
    tabel = retentietabel(tickets, peildatum, klant, datum, bedrag)
    twee = tabel[tabel["kochten_jaar_2"].notna()]
    herhaal = tabel["kochten_jaar_1"].sum() / tabel["klanten"].sum()
    if twee.empty or twee["kochten_jaar_1"].sum() == 0:
        return Retentie(float(herhaal), np.nan, np.nan)
    herhaal_twee = twee["kochten_jaar_1"].sum() / twee["klanten"].sum()
    blijf = float(np.clip(twee["kochten_jaar_2"].sum() / twee["kochten_jaar_1"].sum(), herhaal_twee, 1.0))
    return Retentie(float(herhaal), blijf, float(herhaal_twee / blijf))


def clv(
    marge_per_jaar: float | Sequence[float] | pd.Series | np.ndarray,
    retentie: float,
    disconteringsvoet: float = 0.1,
    koopkans: float = 1.0,
) -> float | pd.Series | np.ndarray:
    """Eenvoudige klantwaarde (customer lifetime value): ``p × m × r / (1 + d - r)``.

    Tijdsafspraak: het lopende jaar telt niet mee. Elk volgend jaar ``t = 1, 2, ...`` is de klant
    met kans ``r^t`` nog klant (``retentie``: de **blijfkans** van `retentie_per_jaar`, niet de
    herhaalkans). Is hij nog klant, dan koopt hij dat jaar met kans ``p`` (``koopkans``) en levert hij
    dan aan het **einde** van dat jaar de marge ``m`` op, verdisconteerd met ``(1 + d)^t``. De CLV is
    de som van die oneindige reeks, ``Σ p × m × r^t / (1 + d)^t = p × m × r / (1 + d - r)``: wat een
    klant die je vandaag hebt nog waard is (de 'margevermenigvuldiger' ``r / (1 + d - r)`` van Gupta
    en Lehmann, 2003). Met ``koopkans=1`` is ``m`` de marge per jaar van een klant die nog klant is,
    gemiddeld over jaren met en zonder aankoop. Werkt ook per klant (een reeks, lijst of array marges).

    >>> round(clv(100.0, retentie=0.6, disconteringsvoet=0.1), 2)  # 100 × 0,6 / 0,5
    120.0
    >>> clv([100, 50], retentie=0.5, disconteringsvoet=0.0).tolist()  # m × 0,5 / 0,5
    [100.0, 50.0]
    >>> round(clv(100.0, retentie=0.9, disconteringsvoet=0.1, koopkans=0.6), 2)  # 0,6 × 100 × 0,9 / 0,2
    270.0
    """
    if isinstance(retentie, float) and np.isnan(retentie):
        raise InvoerFout(
            "De retentie ontbreekt (NaN). De blijfkans van retentie_per_jaar is leeg als er geen drie "
            "volledige kalenderjaren zijn: geef dan een eigen schatting (bv. 0.8)."
        )
    if not 0 <= retentie <= 1:
        raise InvoerFout(f"De retentie is een kans tussen 0 en 1 (bv. 0.6), niet {retentie}.")
    if not 0 <= koopkans <= 1:
        raise InvoerFout(f"De koopkans is een kans tussen 0 en 1 (bv. 0.7), niet {koopkans}.")
    if not disconteringsvoet >= 0 or (retentie == 1 and disconteringsvoet == 0):
        raise InvoerFout(
            f"De disconteringsvoet moet 0 of meer zijn (bv. 0.1 voor 10%), kreeg {disconteringsvoet}; "
            "met retentie 1 moet ze groter dan 0 zijn, anders is de klantwaarde oneindig."
        )
    marge = np.asarray(marge_per_jaar, dtype="float64")
    if np.isnan(marge).any():
        raise InvoerFout(f"{int(np.isnan(marge).sum())} marge(s) per jaar ontbreken.")
    factor = koopkans * retentie / (1 + disconteringsvoet - retentie)
    if isinstance(marge_per_jaar, pd.Series):
        return marge_per_jaar.astype("float64") * factor
    return float(marge * factor) if marge.ndim == 0 else marge * factor


@belgische_tijd
def klantwaarde(
    tickets: pd.DataFrame,
    marge_per_klant: pd.Series,
    retentie: Retentie,
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    disconteringsvoet: float = 0.1,
) -> pd.DataFrame:
    """De klantwaarde (CLV) van elke klant, met een retentie die past bij de formule van `clv`.

    Per klant met een aankoop: ``koopjaren`` (kalenderjaren met minstens één aankoop, tot de
    peildatum), ``marge`` (uit ``marge_per_klant``, bv. de kolom ``brutomarge`` van
    `helpers.rendabiliteit.brutomarge_per_klant` of een vaste marge × omzet; ontbreekt een klant, dan
    is zijn marge 0), ``marge_per_koopjaar`` = marge / koopjaren, ``clv`` = `clv` met de
    **blijfkans** en de **koopkans** van ``retentie`` (uit `retentie_per_jaar`), en ter vergelijking
    ``clv_met_herhaalkans``: dezelfde formule met de herhaalkans als retentie en zonder koopkans, de
    vergissing die elke klant die een jaar overslaat als verloren telt.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B"],
    ...                   "datum": pd.to_datetime(["2024-03-01", "2025-03-01", "2025-06-01"]),
    ...                   "bedrag": [100.0, 80.0, 50.0]})
    >>> marge = pd.Series({"A": 90.0, "B": 20.0})
    >>> r = Retentie(herhaalkans=0.5, blijfkans=0.9, koopkans=0.6)
    >>> waarde = klantwaarde(t, marge, r, "2025-12-31")
    >>> waarde[["koopjaren", "marge_per_koopjaar", "clv", "clv_met_herhaalkans"]].round(1)
    ...     # A: 45 × 0,6 × 0,9 / 0,2 = 121,5; 45 × 0,5 / 0,6 = 37,5  # doctest: +NORMALIZE_WHITESPACE
              koopjaren  marge_per_koopjaar    clv  clv_met_herhaalkans
    klant_id
    A                 2                45.0  121.5                37.5
    B                 1                20.0   54.0                16.7
    """
    if not isinstance(retentie, Retentie):
        raise InvoerFout(
            "Geef de retentie als het resultaat van retentie_per_jaar(...) (met herhaalkans, blijfkans en "
            f"koopkans), niet als {type(retentie).__name__}: zo past de retentie bij de formule."
        )
    if not isinstance(marge_per_klant, pd.Series) or not pd.api.types.is_numeric_dtype(marge_per_klant):
        raise InvoerFout("Geef 'marge_per_klant' als een reeks getallen met het klantnummer als index.")
    peildatum_van(tickets, peildatum, klant, datum, bedrag)
    tickets, marge_per_klant = koppel_klanten(
        (tickets, "tickets"), (marge_per_klant, "marge_per_klant"), klant=klant
    )
    log = aankopen(tickets, peildatum, klant, datum, bedrag)
    jaar = _periodecode(log.dag, "Y")
    breedte = int(jaar.max() - jaar.min()) + 1
    wie = _unieke_paren(log.codes, jaar - int(jaar.min()), breedte) // breedte
    koopjaren = np.bincount(wie, minlength=len(log.klanten))
    gekocht = koopjaren > 0
    index = log.klanten[gekocht]
    marge = marge_per_klant.groupby(level=0).sum().reindex(index, fill_value=0.0).to_numpy(dtype="float64")
    per_jaar = marge / koopjaren[gekocht]
    resultaat = pd.DataFrame(
        {
            "koopjaren": koopjaren[gekocht],
            "marge": marge,
            "marge_per_koopjaar": per_jaar,
            "clv": clv(per_jaar, retentie.blijfkans, disconteringsvoet, retentie.koopkans),
            "clv_met_herhaalkans": clv(per_jaar, retentie.herhaalkans, disconteringsvoet),
        },
        index=index,
    )
    resultaat.attrs["anonieme_tickets"] = log.anoniem
    return resultaat


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
    aandeel ``herhaalkopers`` (op minstens twee dagen gekocht), de ``herhaalkans`` en ``blijfkans``
    per jaar (zie `retentie_per_jaar`; leeg als er te weinig volledige jaren zijn) en de
    ``besteding_eerste_dag``: het gemiddelde bedrag van de aankopen op de eerste aankoopdag. Klanten
    uit de tickets die niet in ``klanten`` staan, tellen niet mee: hun aantal staat in
    ``attrs["onbekende_klanten"]``.

    Deze vergelijking vleit de kaart: wie al graag bij je koopt, vraagt eerder een kaart. Verschillen
    kaarthouders al op hun eerste aankoopdag van de anderen, dan komt dat niet door de kaart. Wat de
    kaart zelf doet, meet je alleen met een proef (de kaart aan een willekeurige helft aanbieden) of
    door dezelfde klanten vóór en na hun kaart te vergelijken.

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
            **_retentie_van(van_deel, peil, klant, datum, bedrag),
            "besteding_eerste_dag": _eerste_dag(van_deel, deel["eerste_aankoop"], klant, datum, bedrag),
        }
    resultaat = pd.DataFrame.from_dict(rijen, orient="index").rename_axis("groep")
    resultaat = resultaat.astype({"klanten": "int64"})
    resultaat.attrs["anonieme_tickets"] = rfm.attrs["rapport"]["anonieme_tickets"]
    resultaat.attrs["onbekende_klanten"] = int(heeft_kaart.isna().sum())
    return resultaat


def _retentie_van(
    tickets: pd.DataFrame, peildatum: pd.Timestamp, klant: str, datum: str, bedrag: str
) -> dict[str, float]:
    """Herhaalkans en blijfkans van de klanten in ``tickets`` (NaN als ze niet te schatten zijn)."""
    try:
        kansen = retentie_per_jaar(tickets, peildatum, klant, datum, bedrag)
    except InvoerFout:
        return {"herhaalkans": np.nan, "blijfkans": np.nan}
    return {"herhaalkans": kansen.herhaalkans, "blijfkans": kansen.blijfkans}


def _eerste_dag(
    tickets: pd.DataFrame, eerste_aankoop: pd.Series, klant: str, datum: str, bedrag: str
) -> float:
    """Gemiddeld bedrag van de aankopen (bedrag > 0) op de eerste aankoopdag van elke klant."""
    if eerste_aankoop.empty:
        return np.nan
    dag = tickets[datum].dt.normalize()
    eerste = tickets[klant].map(eerste_aankoop)
    op_dag = (dag == eerste).to_numpy() & (tickets[bedrag] > 0).to_numpy()
    return float(tickets.loc[op_dag].groupby(klant)[bedrag].sum().mean())


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


@belgische_tijd
def welkomstbonnen(
    eerste_aankoop: pd.Series,
    na_dagen: int,
    geldig_dagen: int,
    verlengen: bool = False,
) -> pd.DataFrame:
    """Wanneer kan een nieuwe klant een welkomstbon gebruiken die nooit geldt in de sperperiode?

    Elke klant krijgt ``na_dagen`` na zijn eerste aankoop (``eerste_aankoop``: een datum per klant,
    bv. de kolom van `tijd_tot_eerste_bon`) een bon die ``geldig_dagen`` dagen geldig is, behalve op
    de dagen van de sperperiode (`helpers.kalender.is_sperperiode`): daar geldt geen korting op
    kleding, schoenen en lederwaren. Met ``verlengen=True`` schuift het einde van de bon op met de
    dagen in de sperperiode, zodat elke klant ``geldig_dagen`` bruikbare dagen houdt.

    Per klant: ``bon_vanaf``, ``bon_tot`` (beide inbegrepen), ``dagen_in_sperperiode`` en
    ``bruikbare_dagen``.

    >>> import pandas as pd
    >>> eerste = pd.Series(pd.to_datetime(["2025-03-01", "2025-05-20"]), index=["A", "B"])
    >>> welkomstbonnen(eerste, na_dagen=10, geldig_dagen=30)  # B: 30 mei - 28 juni, sperperiode vanaf 1 juni
    ...     # doctest: +NORMALIZE_WHITESPACE
        bon_vanaf     bon_tot  dagen_in_sperperiode  bruikbare_dagen
    A  2025-03-11  2025-04-09                     0               30
    B  2025-05-30  2025-06-28                    28                2
    >>> verlengd = welkomstbonnen(eerste, na_dagen=10, geldig_dagen=30, verlengen=True).loc["B"]
    >>> str(verlengd["bon_tot"].date()), int(verlengd["bruikbare_dagen"])
    ('2025-07-28', 30)
    """
    for naam, waarde, laagste in (("na_dagen", na_dagen, 0), ("geldig_dagen", geldig_dagen, 1)):
        geheel = isinstance(waarde, int | np.integer) and not isinstance(waarde, bool)
        if not geheel or not laagste <= waarde <= 730:
            raise InvoerFout(f"'{naam}' is een aantal dagen van {laagste} tot 730, niet {waarde!r}.")
    if not isinstance(eerste_aankoop, pd.Series) or not pd.api.types.is_datetime64_any_dtype(eerste_aankoop):
        raise InvoerFout("Geef 'eerste_aankoop' als een reeks datums met het klantnummer als index.")
    if eerste_aankoop.isna().any():
        ontbreekt = int(eerste_aankoop.isna().sum())
        raise InvoerFout(f"{ontbreekt} klant(en) hebben geen datum van eerste aankoop.")
    if eerste_aankoop.empty:
        raise InvoerFout("Er zijn geen klanten om een welkomstbon te geven.")
    start = dagnummers(eerste_aankoop) + na_dagen
    laag = int(start.min())
    dagen = np.arange(laag, int(start.max()) + geldig_dagen + 2 * 366).astype("datetime64[D]")
    sper = np.r_[0, np.cumsum(is_sperperiode(pd.DatetimeIndex(dagen)))]

    def in_sper(van: np.ndarray, tot: np.ndarray) -> np.ndarray:
        return sper[tot - laag + 1] - sper[van - laag]

    einde = start + geldig_dagen - 1
    if verlengen:
        for _ in range(len(dagen)):
            nieuw = start + geldig_dagen - 1 + in_sper(start, einde)
            if (nieuw == einde).all():
                break
            einde = nieuw
    geblokkeerd = in_sper(start, einde)
    return pd.DataFrame(
        {
            "bon_vanaf": start.astype("datetime64[D]").astype("datetime64[us]"),
            "bon_tot": einde.astype("datetime64[D]").astype("datetime64[us]"),
            "dagen_in_sperperiode": geblokkeerd,
            "bruikbare_dagen": einde - start + 1 - geblokkeerd,
        },
        index=eerste_aankoop.index,
    )

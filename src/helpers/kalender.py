"""De Belgische winkelkalender: solden, sperperiode en wettelijke feestdagen.

Bron: art. VI.25 en VI.26 van het Wetboek van economisch recht.

- **Solden**: winter van 3 tot en met 31 januari, zomer van 1 tot en met 31 juli. Valt 3 januari
  of 1 juli op een zondag, dan beginnen de solden de dag ervoor (zaterdag).
- **Sperperiode** (voor kleding, schoenen en lederwaren): van 3 december tot en met 2 januari en
  van 1 tot en met 30 juni geen aankondiging van prijsverminderingen. Het is de maand vlak vóór de
  solden: beginnen de solden een dag vroeger (zaterdag 2 januari of 30 juni), dan begint en eindigt
  ook de sperperiode een dag vroeger (2 december tot en met 1 januari, 31 mei tot en met 29 juni;
  zo leggen de sectorfederatie Mode Unie en gemeenten zoals Ninove de regel uit). De sperperiode
  eindigt dus altijd de dag vóór de solden: ze overlappen nooit.
- **Feestdagen**: de tien wettelijke feestdagen (Nieuwjaar, Paasmaandag, 1 mei, O.L.H.-Hemelvaart,
  Pinkstermaandag, 21 juli, 15 augustus, 1 november, 11 november, Kerstmis). Pasen wordt berekend
  met het anonieme Gregoriaanse algoritme (Meeus/Jones/Butcher). Valt O.L.H.-Hemelvaart op 1 mei
  (zoals in 2008), dan draagt die dag in `feestdag_naam` de naam O.L.H.-Hemelvaart.

`dagkalender` zet alles op een rij: één rij per dag, handig om omzet per dag naast de kalender te
leggen.

De functies op datums zijn gevectoriseerd: je geeft een ``DatetimeIndex``, een ``Series`` of een
array met datums en krijgt een numpy-array van dezelfde lengte terug. Een ontbrekende datum
(``NaT``) is nooit solden, sperperiode of feestdag.

>>> import pandas as pd
>>> datums = pd.to_datetime(["2025-01-02", "2025-01-03", "2025-01-04", "2025-06-15", "2025-07-21"])
>>> is_solden(datums).tolist()
[False, True, True, False, True]
>>> soldendag(datums).tolist()
[0, 1, 2, 0, 21]
>>> is_sperperiode(datums).tolist()
[True, False, False, True, False]
>>> is_feestdag(datums).tolist()
[False, False, False, False, True]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout
from helpers.tijdzone import TIJDZONE

_DAG = np.timedelta64(1, "D")
_ZONDAG = 6  # numpy/pandas: maandag = 0
_SPER_ZOMER = np.timedelta64(30, "D")  # 1 tot en met 30 juni
_SPER_WINTER = np.timedelta64(31, "D")  # 3 december tot en met 2 januari
_VASTE_FEESTDAGEN = {  # (maand, dag) -> naam
    (1, 1): "Nieuwjaar",
    (5, 1): "Dag van de Arbeid",
    (7, 21): "Nationale feestdag",
    (8, 15): "O.L.V.-Hemelvaart",
    (11, 1): "Allerheiligen",
    (11, 11): "Wapenstilstand",
    (12, 25): "Kerstmis",
}
_PAASFEESTDAGEN = {1: "Paasmaandag", 39: "O.L.H.-Hemelvaart", 50: "Pinkstermaandag"}  # dagen na Pasen
_WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _dagen(datums: object) -> np.ndarray:
    """Zet datums om naar een numpy-array ``datetime64[D]`` (tijdstip weggelaten).

    Datums met een tijdzone gelden in Belgische tijd (zie `helpers.tijdzone`): 23:30 UTC op
    31 december is al 1 januari in België.
    """
    waarden = datums if isinstance(datums, pd.Series | pd.Index) else pd.Index(np.atleast_1d(datums))
    if not pd.api.types.is_datetime64_any_dtype(waarden.dtype):
        raise InvoerFout(
            f"Verwacht datums (datetime64), kreeg type {waarden.dtype}. Zet ze om met pd.to_datetime(...)."
        )
    index = pd.DatetimeIndex(waarden)
    if index.tz is not None:
        index = index.tz_convert(TIJDZONE).tz_localize(None)
    return index.to_numpy().astype("datetime64[D]")


def _datum(jaren: np.ndarray, maand: int, dag: int) -> np.ndarray:
    """De datum ``dag/maand`` in elk van de ``jaren`` (numpy ``datetime64[D]``)."""
    eerste = (np.asarray(jaren, dtype="int64") - 1970).astype("datetime64[Y]")
    return eerste.astype("datetime64[M]") + np.timedelta64(maand - 1, "M") + (dag - 1) * _DAG


def _weekdag(dagen: np.ndarray) -> np.ndarray:
    """Weekdag (maandag = 0, zondag = 6); 1 januari 1970 was een donderdag."""
    return (dagen.astype("int64") + 3) % 7


def _soldenstart(jaren: np.ndarray, maand: int, dag: int) -> np.ndarray:
    """Eerste soldendag: ``dag/maand``, of de zaterdag ervoor als dat een zondag is."""
    start = _datum(jaren, maand, dag)
    return start - (_weekdag(start) == _ZONDAG) * _DAG


def _dagen_en_jaren(datums: object) -> tuple[np.ndarray, np.ndarray]:
    """De datums als ``datetime64[D]`` en hun jaartal (``NaT`` krijgt 1970; de aanroeper maskeert)."""
    dagen = _dagen(datums)
    geldig = np.where(np.isnat(dagen), np.datetime64("1970-01-01"), dagen)
    return dagen, geldig.astype("datetime64[Y]").astype("int64") + 1970


def soldenperiodes(jaar: int) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """De winter- en zomersolden van ``jaar`` als (eerste dag, laatste dag), grenzen inbegrepen.

    >>> [(str(a.date()), str(b.date())) for a, b in soldenperiodes(2029)]
    [('2029-01-03', '2029-01-31'), ('2029-06-30', '2029-07-31')]
    """
    jaren = np.array([jaar])
    winter = _soldenstart(jaren, 1, 3)[0]
    zomer = _soldenstart(jaren, 7, 1)[0]
    return [
        (pd.Timestamp(winter), pd.Timestamp(_datum(jaren, 1, 31)[0])),
        (pd.Timestamp(zomer), pd.Timestamp(_datum(jaren, 7, 31)[0])),
    ]


def sperperiodes(jaar: int) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """De sperperiodes die in ``jaar`` beginnen, als (eerste dag, laatste dag), grenzen inbegrepen.

    De 30 dagen vóór de zomersolden en de 31 dagen vóór de wintersolden van het volgende jaar:
    normaal 1-30 juni en 3 december-2 januari, een dag vroeger als de solden een dag vroeger beginnen.

    >>> [(str(a.date()), str(b.date())) for a, b in sperperiodes(2029)]
    [('2029-05-31', '2029-06-29'), ('2029-12-03', '2030-01-02')]
    """
    jaren = np.array([jaar])
    zomer = _soldenstart(jaren, 7, 1)[0]
    winter = _soldenstart(jaren + 1, 1, 3)[0]
    return [
        (pd.Timestamp(zomer - _SPER_ZOMER), pd.Timestamp(zomer - _DAG)),
        (pd.Timestamp(winter - _SPER_WINTER), pd.Timestamp(winter - _DAG)),
    ]


def soldendag(datums: object) -> np.ndarray:
    """Hoeveelste soldendag elke datum is: 0 buiten de solden, 1 op de eerste dag, 2 op de tweede, ...

    >>> import pandas as pd
    >>> datums = pd.to_datetime(["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-31", "2027-02-01"])
    >>> soldendag(datums).tolist()
    [0, 1, 2, 30, 0]
    """
    dagen, jaren = _dagen_en_jaren(datums)
    dag = np.zeros(len(dagen), dtype="int64")
    for maand, startdag, einddag in ((1, 3, 31), (7, 1, 31)):
        start = _soldenstart(jaren, maand, startdag)
        binnen = (dagen >= start) & (dagen <= _datum(jaren, maand, einddag))
        dag = np.where(binnen, (dagen - start).astype("int64") + 1, dag)
    return dag


def is_solden(datums: object) -> np.ndarray:
    """Waar voor de datums die in de wettelijke soldenperiode vallen.

    >>> import pandas as pd
    >>> is_solden(pd.to_datetime(["2029-06-29", "2029-06-30", "2029-07-31", "2029-08-01"])).tolist()
    [False, True, True, False]
    """
    return soldendag(datums) > 0


def is_sperperiode(datums: object) -> np.ndarray:
    """Waar voor de datums in de sperperiode (geen prijsverminderingen op kleding, schoenen, leder).

    >>> import pandas as pd
    >>> is_sperperiode(pd.to_datetime(["2025-12-02", "2025-12-03", "2026-01-02", "2026-01-03"])).tolist()
    [False, True, True, False]
    >>> is_sperperiode(pd.to_datetime(["2026-12-01", "2026-12-02", "2027-01-01", "2027-01-02"])).tolist()
    [False, True, True, False]
    """
    dagen, jaren = _dagen_en_jaren(datums)

    def voor(start: np.ndarray, lengte: np.timedelta64) -> np.ndarray:
        return (dagen >= start - lengte) & (dagen < start)

    sper = (
        voor(_soldenstart(jaren, 1, 3), _SPER_WINTER)  # 1-2 januari: de sperperiode van vorig jaar
        | voor(_soldenstart(jaren, 7, 1), _SPER_ZOMER)
        | voor(_soldenstart(jaren + 1, 1, 3), _SPER_WINTER)
    )
    return sper & ~np.isnat(dagen)


def pasen(jaren: object) -> np.ndarray:
    """Paaszondag voor elk jaar (anoniem Gregoriaans algoritme), als ``datetime64[D]``.

    >>> pasen([2024, 2025]).astype(str).tolist()
    ['2024-03-31', '2025-04-20']
    """
    y = np.asarray(jaren, dtype="int64")
    a = y % 19
    b, c = np.divmod(y, 100)
    d, e = np.divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = np.divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    maand, dag = np.divmod(h + ell - 7 * m + 114, 31)
    # maart telt 31 dagen: april is dus 31 dagen na maart; ``dag`` begint bij 0
    return _datum(y, 3, 1) + ((maand - 3) * 31 + dag) * _DAG


def feestdagen(jaar: int) -> pd.DataFrame:
    """De tien wettelijke feestdagen van ``jaar``, in volgorde van datum (kolommen ``datum``, ``feestdag``).

    >>> feestdagen(2025).iloc[1:5].astype(str).values.tolist()
    [['2025-04-21', 'Paasmaandag'], ['2025-05-01', 'Dag van de Arbeid'], \
['2025-05-29', 'O.L.H.-Hemelvaart'], ['2025-06-09', 'Pinkstermaandag']]
    """
    jaren = np.array([jaar])
    vast = [(_datum(jaren, maand, dag)[0], naam) for (maand, dag), naam in _VASTE_FEESTDAGEN.items()]
    paas = [(pasen(jaren)[0] + na * _DAG, naam) for na, naam in _PAASFEESTDAGEN.items()]
    tabel = pd.DataFrame(vast + paas, columns=["datum", "feestdag"])
    tabel["datum"] = tabel["datum"].astype("datetime64[us]")
    return tabel.sort_values("datum", kind="stable").reset_index(drop=True)


def feestdag_naam(datums: object) -> np.ndarray:
    """De naam van de wettelijke feestdag op elke datum, of een lege tekst op een gewone dag.

    >>> import pandas as pd
    >>> feestdag_naam(pd.to_datetime(["2025-07-20", "2025-07-21", "2025-11-11"])).tolist()
    ['', 'Nationale feestdag', 'Wapenstilstand']
    """
    dagen, jaren = _dagen_en_jaren(datums)
    maanden = dagen.astype("datetime64[M]")
    maand = maanden.astype("int64") % 12 + 1
    dag = (dagen - maanden.astype("datetime64[D]")).astype("int64") + 1
    na_pasen = (dagen - pasen(jaren)).astype("int64")
    naam = np.full(len(dagen), "", dtype=object)
    for (vaste_maand, vaste_dag), feestdag in _VASTE_FEESTDAGEN.items():  # 7 feestdagen, geen lus over rijen
        naam[(maand == vaste_maand) & (dag == vaste_dag)] = feestdag
    for na, feestdag in _PAASFEESTDAGEN.items():
        naam[na_pasen == na] = feestdag
    naam[np.isnat(dagen)] = ""
    return naam


def is_feestdag(datums: object) -> np.ndarray:
    """Waar voor de Belgische wettelijke feestdagen.

    >>> import pandas as pd
    >>> is_feestdag(pd.to_datetime(["2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"])).tolist()
    [False, True, True, True]
    """
    return feestdag_naam(datums) != ""


def dagkalender(begin: str | pd.Timestamp, einde: str | pd.Timestamp) -> pd.DataFrame:
    """Eén rij per dag van ``begin`` tot en met ``einde``, met weekdag, solden, sperperiode en feestdag.

    >>> dag = dagkalender("2027-01-01", "2027-01-03")
    >>> list(dag.columns)
    ['datum', 'weekdag', 'solden', 'soldendag', 'sperperiode', 'feestdag']
    >>> dag[["weekdag", "soldendag", "sperperiode", "feestdag"]].values.tolist()
    [['vrijdag', 0, True, 'Nieuwjaar'], ['zaterdag', 1, False, ''], ['zondag', 2, False, '']]
    """
    datums = pd.date_range(pd.Timestamp(begin).normalize(), pd.Timestamp(einde).normalize(), freq="D")
    if len(datums) == 0:
        raise InvoerFout(
            f"Het einde ({pd.Timestamp(einde).date()}) ligt voor het begin ({pd.Timestamp(begin).date()})."
        )
    soldendagen = soldendag(datums)
    return pd.DataFrame(
        {
            "datum": datums.astype("datetime64[us]"),
            "weekdag": pd.Categorical.from_codes(datums.day_of_week, categories=_WEEKDAGEN, ordered=True),
            "solden": soldendagen > 0,
            "soldendag": soldendagen,
            "sperperiode": is_sperperiode(datums),
            "feestdag": feestdag_naam(datums),
        }
    )

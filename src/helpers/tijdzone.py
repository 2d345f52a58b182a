"""Eén afspraak voor datums met een tijdzone, in elke analyse: Belgische tijd, zonder zone.

Een webshop of betaalterminal exporteert tijdstippen vaak met een tijdzone (``2025-03-01
14:05+00:00``, UTC). Een winkel denkt in de eigen kalender: een aankoop om 00:30 Belgische tijd
op 1 januari hoort bij 1 januari, ook al was het toen nog 31 december in UTC. Daarom zetten alle
analyses een datum met tijdzone eerst om naar **Belgische tijd (Europe/Brussels, met zomer- en
wintertijd)** en laten dan de zone weg. Datums zonder tijdzone gelden al als Belgische tijd en
blijven zoals ze zijn.

Elke publieke analysefunctie die tabellen of datums krijgt, draagt daarom de decorator
`belgische_tijd`: die zet elke datumkolom met tijdzone in een tabel (DataFrame) en elke
datumreeks of elk tijdstip met tijdzone om, vóór de functie begint. De tabellen die je meegeeft,
veranderen niet.

>>> import pandas as pd
>>> utc = pd.Series(pd.to_datetime(["2024-12-31 23:30", "2025-07-01 12:00"]).tz_localize("UTC"))
>>> belgische_datums(utc).astype(str).tolist()
['2025-01-01 00:30:00', '2025-07-01 14:00:00']
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import pandas as pd

TIJDZONE = "Europe/Brussels"
"""De tijdzone waarin een winkel in België zijn dagen telt."""

P = ParamSpec("P")
R = TypeVar("R")


def belgische_datums(datums: pd.Series) -> pd.Series:
    """Een datumreeks met tijdzone als Belgische tijd zonder zone; zonder tijdzone onveranderd.

    >>> import pandas as pd
    >>> s = pd.Series(pd.to_datetime(["2025-03-30 00:59:00+00:00", "2025-03-30 01:00:00+00:00"]))
    >>> belgische_datums(s).astype(str).tolist()  # zomertijd begint om 02:00 (UTC+1 -> UTC+2)
    ['2025-03-30 01:59:00', '2025-03-30 03:00:00']
    """
    if isinstance(datums.dtype, pd.DatetimeTZDtype):
        return datums.dt.tz_convert(TIJDZONE).dt.tz_localize(None)
    return datums


def belgisch_tijdstip(tijdstip: object) -> object:
    """Een tijdstip met tijdzone (``Timestamp``, ``datetime``) als Belgische tijd zonder zone.

    Al het andere (ook een tijdstip zonder zone of een tekst) blijft zoals het is.

    >>> import pandas as pd
    >>> belgisch_tijdstip(pd.Timestamp("2025-12-31 23:30", tz="UTC"))
    Timestamp('2026-01-01 00:30:00')
    """
    if isinstance(tijdstip, pd.Timestamp) and tijdstip.tz is not None:
        return tijdstip.tz_convert(TIJDZONE).tz_localize(None)
    if isinstance(tijdstip, dt.datetime) and tijdstip.tzinfo is not None:
        return pd.Timestamp(tijdstip).tz_convert(TIJDZONE).tz_localize(None)
    return tijdstip


def _belgisch(waarde: object) -> object:
    if isinstance(waarde, pd.DataFrame):
        zones = [k for k, d in waarde.dtypes.items() if isinstance(d, pd.DatetimeTZDtype)]
        if zones:
            return waarde.assign(**{k: belgische_datums(waarde[k]) for k in zones})
        return waarde
    if isinstance(waarde, pd.Series):
        return belgische_datums(waarde)
    if isinstance(waarde, pd.DatetimeIndex) and waarde.tz is not None:
        return waarde.tz_convert(TIJDZONE).tz_localize(None)
    return belgisch_tijdstip(waarde)


def belgische_tijd(functie: Callable[P, R]) -> Callable[P, R]:
    """Decorator: zet elk argument met een tijdzone om naar Belgische tijd zonder zone (zie boven).

    Tabellen (elke datumkolom met tijdzone), reeksen, ``DatetimeIndex`` en losse tijdstippen; ook
    als trefwoordargument. Argumenten zonder tijdzone komen ongewijzigd door (geen kopie).

    >>> import pandas as pd
    >>> @belgische_tijd
    ... def eerste_dag(tickets):
    ...     return tickets["datum"].min().date()
    >>> t = pd.DataFrame({"datum": pd.to_datetime(["2025-01-31 23:15"]).tz_localize("UTC")})
    >>> eerste_dag(t)
    datetime.date(2025, 2, 1)
    """

    @functools.wraps(functie)
    def omhulsel(*args: P.args, **kwargs: P.kwargs) -> R:
        args = tuple(_belgisch(a) for a in args)
        kwargs = {k: _belgisch(v) for k, v in kwargs.items()}
        return functie(*args, **kwargs)

    omhulsel.belgische_tijd = True  # type: ignore[attr-defined]
    return omhulsel

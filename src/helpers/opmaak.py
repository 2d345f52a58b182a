"""Getallen, bedragen en percentages in Belgische notatie (`€ 1.234,56`, `12,5%`).

Gedeeld door de analyses (beschrijvingen in woorden) en de presentatie (grafieken, widgets).

>>> euro(1234.5)
'€ 1.234,50'
>>> procent(0.125)
'12,5%'
>>> getal(1234567)
'1.234.567'
"""

from __future__ import annotations

import math


def getal(waarde: float, decimalen: int = 0) -> str:
    """Een getal met punt als duizendtalscheiding en komma als decimaalteken.

    >>> getal(-1234.567, 2)
    '-1.234,57'
    """
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return "–"
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(waarde: float, decimalen: int = 2) -> str:
    """Een bedrag in euro: ``€ 1.234,56`` (negatief: ``-€ 12,00``).

    >>> euro(-12)
    '-€ 12,00'
    >>> euro(1500, decimalen=0)
    '€ 1.500'
    """
    tekst = getal(abs(waarde), decimalen)
    if tekst == "–":
        return tekst
    return f"-€ {tekst}" if waarde < 0 and tekst.strip("0,.") else f"€ {tekst}"


def procent(aandeel: float, decimalen: int = 1) -> str:
    """Een aandeel (0,125) als percentage (``12,5%``).

    >>> procent(1)
    '100,0%'
    >>> procent(0.5, decimalen=0)
    '50%'
    """
    tekst = getal(aandeel * 100 if aandeel is not None else None, decimalen)
    return tekst if tekst == "–" else f"{tekst}%"

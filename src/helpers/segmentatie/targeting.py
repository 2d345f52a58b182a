"""Targeting: welke segmenten zijn het aantrekkelijkst om je op te richten?

>>> import pandas as pd
>>> p = pd.DataFrame({"aantal": [50, 150], "aandeel": [0.25, 0.75], "monetair": [400.0, 100.0],
...                   "omzet_laatste_12m": [110.0, 45.0], "omzet_vorige_12m": [100.0, 50.0],
...                   "aandeel_bereikbaar": [0.6, 0.3]}, index=[1, 2])
>>> segment_aantrekkelijkheid(p)["totaalscore"].tolist()
[75.0, 25.0]
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_getallen, vereis_kolommen, vereis_niet_leeg

CRITERIA: dict[str, str] = {
    "grootte": "aandeel klanten in het segment",
    "waarde": "gemiddelde netto besteding per klant (monetair)",
    "groei": "omzet laatste 12 maanden tegenover de 12 maanden ervoor",
    "bereikbaarheid": "aandeel klanten dat je mag en kan aanschrijven (op de doellijst van een actie)",
}
STANDAARDGEWICHTEN: dict[str, float] = dict.fromkeys(CRITERIA, 0.25)


def _gewichten(gewichten: Mapping[str, float]) -> pd.Series:
    if not isinstance(gewichten, Mapping):
        raise InvoerFout(f"Geef de gewichten als dict, bv. {STANDAARDGEWICHTEN}.")
    onbekend = [k for k in gewichten if k not in CRITERIA]
    if onbekend:
        raise InvoerFout(
            f"Onbekend criterium {', '.join(map(repr, onbekend))}. "
            f"Kies uit: {', '.join(map(repr, CRITERIA))}."
        )
    try:
        reeks = pd.Series({k: float(gewichten.get(k, 0.0)) for k in CRITERIA})
    except (TypeError, ValueError) as fout:
        raise InvoerFout(f"Elk gewicht moet een getal zijn; kreeg {dict(gewichten)}.") from fout
    if not np.isfinite(reeks).all() or (reeks < 0).any():
        raise InvoerFout(f"Gewichten mogen niet negatief (of oneindig) zijn; kreeg {dict(gewichten)}.")
    if reeks.sum() == 0:
        raise InvoerFout("Minstens één gewicht moet groter dan 0 zijn.")
    return reeks / reeks.sum()


def _schaal(waarden: pd.Series) -> pd.Series:
    """Min-max naar 0..1 over de segmenten; zijn alle waarden gelijk (of onbekend), dan 0,5."""
    laag, hoog = waarden.min(), waarden.max()
    if not hoog > laag:
        return pd.Series(0.5, index=waarden.index)
    return ((waarden - laag) / (hoog - laag)).fillna(0.5)


def segment_aantrekkelijkheid(
    profiel: pd.DataFrame, gewichten: Mapping[str, float] = STANDAARDGEWICHTEN
) -> pd.DataFrame:
    """Rangschik segmenten op aantrekkelijkheid: grootte, waarde, groei en bereikbaarheid.

    ``profiel`` komt uit `segmentprofiel` met ``klanten`` (voor ``aandeel_bereikbaar``) en met de
    kolommen van `gedragskenmerken`. Per criterium (zie ``CRITERIA``):

    - ``grootte`` = ``aandeel``; ``waarde`` = ``monetair``; ``bereikbaarheid`` = ``aandeel_bereikbaar``
    - ``groei`` = ``omzet_laatste_12m`` / ``omzet_vorige_12m`` − 1 (leeg als er vorig jaar geen omzet was)

    Elk criterium wordt over de segmenten herschaald naar 0..100 (slechtste 0, beste 100; gelijk of
    leeg: 50), in kolom ``score_<criterium>``. De ``totaalscore`` is het gewogen gemiddelde met de
    ``gewichten`` (niet negatief, niet allemaal 0; ze worden herschaald tot som 1; een ontbrekend
    criterium telt niet mee). Rang 1 = het aantrekkelijkste segment.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"aantal": [50, 150], "aandeel": [0.25, 0.75], "monetair": [400.0, 100.0],
    ...                   "omzet_laatste_12m": [110.0, 45.0], "omzet_vorige_12m": [100.0, 50.0],
    ...                   "aandeel_bereikbaar": [0.6, 0.3]}, index=[1, 2])
    >>> segment_aantrekkelijkheid(p, {"grootte": 1})["rang"].to_dict()
    {2: 1, 1: 2}
    """
    gewicht = _gewichten(gewichten)
    nodig = ["aandeel", "monetair", "omzet_laatste_12m", "omzet_vorige_12m", "aandeel_bereikbaar"]
    if isinstance(profiel, pd.DataFrame) and "aandeel_bereikbaar" not in profiel.columns:
        raise InvoerFout(
            "Het profiel mist de kolom 'aandeel_bereikbaar'. Maak het profiel met de klanten erbij: "
            "segmentprofiel(kenmerken, labels, klanten=winkel.klanten, peildatum=winkel.peildatum)."
        )
    vereis_kolommen(profiel, nodig, "profiel")
    vereis_niet_leeg(profiel, "profiel")
    for kolom in nodig:
        vereis_getallen(profiel, kolom, "profiel")
    vorig = profiel["omzet_vorige_12m"]
    criteria = pd.DataFrame(
        {
            "grootte": profiel["aandeel"],
            "waarde": profiel["monetair"],
            "groei": (profiel["omzet_laatste_12m"] / vorig.where(vorig > 0)) - 1,
            "bereikbaarheid": profiel["aandeel_bereikbaar"],
        }
    )
    scores = criteria.apply(_schaal).mul(100).add_prefix("score_")
    totaal = scores.to_numpy() @ gewicht.to_numpy()
    tabel = pd.concat([criteria, scores], axis=1).assign(totaalscore=totaal)
    tabel = tabel.sort_values("totaalscore", ascending=False, kind="stable")
    return tabel.assign(rang=np.arange(1, len(tabel) + 1))

"""Notebook 08: wat drijft de tevredenheid in elk segment (`sleutelfactorverkenner`)?"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from helpers.controle import InvoerFout
from helpers.interactief.basis import Verkenner, kaartjes, volgkeuze
from helpers.opmaak import getal

MIN_ANTWOORDEN = 30
"""Onder zoveel volledige antwoorden in een segment is een rangschikking van de sleutelfactoren te wankel."""

DOELEN = {"algemene tevredenheid (1-5)": "tevredenheid", "aanbeveling (0-10)": "aanbeveling"}
"""Wat de factoren moeten verklaren: het label in de keuzelijst en de kolom in de enquête."""


def sleutelfactorverkenner(enquete: pd.DataFrame, indelingen: Mapping[str, pd.Series]) -> Verkenner:
    """Keuzelijsten voor een indeling (bv. A/B/C of RFM-segment), een segment daarin en het doel; de
    staven tonen welke items in dat segment de tevredenheid (of de aanbeveling) drijven, met het streepje
    voor alle respondenten ernaast (`helpers.enquete.sleutelfactoren`, relatief belang volgens LMG).

    ``indelingen`` geeft per naam een reeks klantnummer -> segment. Een segment met minder dan
    `MIN_ANTWOORDEN` volledige antwoorden krijgt een waarschuwing in plaats van een grafiek.

    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> items = {k: rng.integers(1, 6, 120) for k in ("prijs", "kwaliteit", "service", "advies",
    ...                                                "assortiment", "sfeer")}
    >>> e = pd.DataFrame({"klant_id": [f"K{i}" for i in range(120)], **items,
    ...                   "aanbeveling": rng.integers(0, 11, 120)})
    >>> e["tevredenheid"] = np.clip(e["service"] + rng.integers(-1, 2, 120), 1, 5)
    >>> groep = pd.Series(["groot"] * 100 + ["klein"] * 20, index=e["klant_id"])
    >>> v = sleutelfactorverkenner(e, {"groep": groep})
    >>> v.bedieningen["segment"].options
    (('groot (100 antwoorden)', 'groot'), ('klein (20 antwoorden)', 'klein'))
    >>> v.inhoud.axes[0].get_yticklabels()[0].get_text()
    'service'
    >>> v.bedieningen["segment"].value = "klein"
    >>> "Te weinig antwoorden" in v.inhoud.data
    True
    """
    from helpers.enquete import ITEMS, segment_per_respondent, sleutelfactoren
    from helpers.grafieken.tevredenheid import sleutelfactorgrafiek

    if not indelingen:
        raise InvoerFout("Geef minstens één indeling in segmenten (naam -> reeks klantnummer -> segment).")
    per_indeling = {naam: segment_per_respondent(enquete, reeks) for naam, reeks in indelingen.items()}
    volledig = enquete[[*DOELEN.values(), *ITEMS]].notna().all(axis=1)
    alle = {doel: sleutelfactoren(enquete, doel=doel) for doel in DOELEN.values()}

    def segmenten(indeling: str) -> list[tuple[str, object]]:
        aantallen = per_indeling[indeling][volledig].value_counts()
        return [(f"{segment} ({getal(n)} antwoorden)", segment) for segment, n in aantallen.items()]

    indeling = widgets.Dropdown(
        options=list(indelingen), description="Indeling", layout=widgets.Layout(width="max-content")
    )
    segment = volgkeuze(indeling, segmenten, "Segment")
    doel = widgets.Dropdown(
        options=list(DOELEN.items()), description="Verklaart", layout=widgets.Layout(width="max-content")
    )

    def toon(indeling: str, segment: object, doel: str) -> Figure | HTML:
        in_segment = (per_indeling[indeling] == segment).fillna(False) & volledig
        n = int(in_segment.sum())
        if n < MIN_ANTWOORDEN:
            return kaartjes(
                {"Antwoorden in dit segment": getal(n)},
                titel=f"Te weinig antwoorden voor {segment}",
                onderschrift=f"Met minder dan {MIN_ANTWOORDEN} volledige antwoorden is een rangschikking van "
                "de sleutelfactoren toeval. Kies een grotere groep, of vraag meer klanten.",
            )
        try:
            tabel = sleutelfactoren(enquete.loc[in_segment], doel=doel)
        except InvoerFout as fout:
            return kaartjes({"Let op": str(fout)})
        naam = next(label for label, kolom in DOELEN.items() if kolom == doel)
        return sleutelfactorgrafiek(
            tabel,
            vergelijking=alle[doel],
            titel=f"{segment}: wat drijft de {naam.split(' (')[0]}? ({getal(n)} antwoorden)",
            namen=(str(segment), "alle respondenten"),
        )

    return Verkenner(
        toon,
        {"indeling": indeling, "segment": segment, "doel": doel},
        titel="Sleutelfactoren per segment",
    )

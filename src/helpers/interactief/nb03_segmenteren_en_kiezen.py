"""Notebook 03: welke segmenten kies je, als je de criteria zelf weegt (`aantrekkelijkheidsverkenner`)?"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from helpers.controle import InvoerFout
from helpers.grafieken import staafdiagram
from helpers.interactief.basis import Verkenner, kaartjes


def aantrekkelijkheidsverkenner(
    profiel: pd.DataFrame, namen: Mapping[object, str] | None = None
) -> Verkenner:
    """Schuifregelaars voor het gewicht van grootte, waarde, groei en bereikbaarheid; de staven tonen
    meteen de rangschikking van de segmenten (`helpers.segmentatie.segment_aantrekkelijkheid`).

    ``profiel`` komt uit `helpers.segmentatie.segmentprofiel` (met de klanten erbij); ``namen`` geeft
    elk segment een leesbare naam (bv. uit `helpers.segmentatie.segmentnamen`).

    >>> import pandas as pd
    >>> p = pd.DataFrame({"aantal": [50, 150], "aandeel": [0.25, 0.75], "monetair": [400.0, 100.0],
    ...                   "omzet_laatste_12m": [110.0, 45.0], "omzet_vorige_12m": [100.0, 50.0],
    ...                   "aandeel_bereikbaar": [0.6, 0.3]}, index=[1, 2])
    >>> v = aantrekkelijkheidsverkenner(p, {1: "Trouw", 2: "Groot"})
    >>> v.bedieningen["grootte"].value = 5  # grootte telt 5 keer, de andere criteria 1 keer
    >>> [t.get_text() for t in v.inhoud.axes[0].get_yticklabels()]
    ['Groot (segment 2)', 'Trouw (segment 1)']
    """
    from helpers.segmentatie.targeting import CRITERIA, STANDAARDGEWICHTEN, segment_aantrekkelijkheid

    segment_aantrekkelijkheid(profiel)  # meteen een duidelijke fout als het profiel niet klopt
    namen = dict(namen or {})

    def toon(**gewichten: int) -> Figure | HTML:
        try:
            tabel = segment_aantrekkelijkheid(profiel, gewichten)
        except InvoerFout as fout:
            return kaartjes({"Let op": str(fout)})
        labels = [f"{namen[s]} (segment {s})" if s in namen else f"segment {s}" for s in tabel.index]
        fig = staafdiagram(
            pd.Series(tabel["totaalscore"].to_numpy(), index=labels),
            titel="Aantrekkelijkheid van de segmenten",
            x_label="totaalscore (0 = slechtste, 100 = beste op elk criterium)",
            opmaak="getal",
            liggend=True,
        )
        fig.axes[0].set_xlim(0, 105)
        return fig

    return Verkenner(
        toon,
        {
            criterium: widgets.IntSlider(
                value=round(STANDAARDGEWICHTEN[criterium] * 4),
                min=0,
                max=5,
                description=criterium.capitalize(),
                tooltip=uitleg,
                continuous_update=False,
                layout=widgets.Layout(width="250px"),
            )
            for criterium, uitleg in CRITERIA.items()
        },
        titel="Welke segmenten kies je? Geef elk criterium een gewicht (0 = telt niet mee)",
    )

"""Segmenteren en kiezen (de S en de T van STP): van 'wie zijn mijn klanten' naar 'wie wil ik bereiken'.

- indelen op vaste kenmerken: `demografische_segmenten`, `geografische_segmenten`, `leeftijdsklasse`,
  `afstandsband`
- gedrag per klant: `gedragskenmerken`
- groeperen: `clusters`, `kies_k`, `te_kleine_segmenten`
- beschrijven: `segmentprofiel`, `beschrijf_segmenten`, `segmentnamen`, `seizoensvoorkeur`
- kiezen (targeting): `segment_aantrekkelijkheid`

Positioneren staat in `helpers.positie`, van segment naar persona in `helpers.persona`.

>>> import pandas as pd
>>> k = pd.DataFrame({"frequentie": [1.0, 2, 1, 12, 15, 14]}, index=list("abcdef"))
>>> labels = clusters(k, 2)
>>> segmentprofiel(k, labels)["frequentie"].round(1).tolist()
[1.3, 13.7]
"""

from helpers.segmentatie.clustering import clusters, kies_k, te_kleine_segmenten
from helpers.segmentatie.gedrag import gedragskenmerken
from helpers.segmentatie.indeling import (
    afstandsband,
    demografische_segmenten,
    geografische_segmenten,
    leeftijd,
    leeftijdsklasse,
)
from helpers.segmentatie.profiel import beschrijf_segmenten, segmentnamen, segmentprofiel, seizoensvoorkeur
from helpers.segmentatie.targeting import segment_aantrekkelijkheid

__all__ = [
    "afstandsband",
    "beschrijf_segmenten",
    "clusters",
    "demografische_segmenten",
    "gedragskenmerken",
    "geografische_segmenten",
    "kies_k",
    "leeftijd",
    "leeftijdsklasse",
    "segment_aantrekkelijkheid",
    "segmentnamen",
    "segmentprofiel",
    "seizoensvoorkeur",
    "te_kleine_segmenten",
]

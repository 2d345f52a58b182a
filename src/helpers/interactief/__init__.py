"""Interactieve verkenners (ipywidgets): keuzelijsten en schuifregelaars bovenop de analyses.

- bouwstenen (`basis`): `Verkenner`, `uitvoer_van`, `kaartjes`, `winkelkeuze`, `volgkeuze`
- notebook 00 (`nb00_welkom`): `jaarcijfers`, `winkelverkenner`
- notebook 01 (`nb01_klantendatabank`): `bereikbaarheid`, `bereikbaarheidsverkenner`
- notebook 02 (`nb02_ken_je_klanten`): `seizoensverkenner`
- notebook 03 (`nb03_segmenteren_en_kiezen`): `aantrekkelijkheidsverkenner`
- notebook 04 (`nb04_positioneren_en_persona`): `kaartverkenner`, `personaverkenner`
- notebook 05 (`nb05_rfm_en_abc`): `rfm_kaartverkenner`, `rfm_kaartbeeld`
- notebook 06 (`nb06_80_20_en_rendabiliteit`): `walvisbeeld`, `walvisverkenner`
- notebook 07 (`nb07_klantentrouw`): `klantwaardeverkenner`
- notebook 08 (`nb08_tevredenheid`): `sleutelfactorverkenner`
- notebook 09 (`nb09_communicatie`): `campagneplanner`

>>> import ipywidgets as widgets
>>> v = Verkenner(lambda euro: kaartjes({"Prijs": f"€ {euro}"}), {"euro": widgets.IntSlider(value=5)})
>>> "€ 5" in v.inhoud.data
True
"""

from helpers.interactief.basis import Verkenner, kaartjes, uitvoer_van, volgkeuze, winkelkeuze
from helpers.interactief.nb00_welkom import jaarcijfers, winkelverkenner
from helpers.interactief.nb01_klantendatabank import bereikbaarheid, bereikbaarheidsverkenner
from helpers.interactief.nb02_ken_je_klanten import seizoensverkenner
from helpers.interactief.nb03_segmenteren_en_kiezen import aantrekkelijkheidsverkenner
from helpers.interactief.nb04_positioneren_en_persona import kaartverkenner, personaverkenner
from helpers.interactief.nb05_rfm_en_abc import rfm_kaartbeeld, rfm_kaartverkenner
from helpers.interactief.nb06_80_20_en_rendabiliteit import walvisbeeld, walvisverkenner
from helpers.interactief.nb07_klantentrouw import klantwaardeverkenner
from helpers.interactief.nb08_tevredenheid import sleutelfactorverkenner
from helpers.interactief.nb09_communicatie import campagneplanner

__all__ = [
    "Verkenner",
    "aantrekkelijkheidsverkenner",
    "bereikbaarheid",
    "bereikbaarheidsverkenner",
    "campagneplanner",
    "jaarcijfers",
    "kaartjes",
    "kaartverkenner",
    "klantwaardeverkenner",
    "personaverkenner",
    "rfm_kaartbeeld",
    "rfm_kaartverkenner",
    "seizoensverkenner",
    "sleutelfactorverkenner",
    "uitvoer_van",
    "volgkeuze",
    "walvisbeeld",
    "walvisverkenner",
    "winkelkeuze",
    "winkelverkenner",
]

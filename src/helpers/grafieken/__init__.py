"""Grafieken in één huisstijl voor de hele cursus: Nederlandse titels, Belgische getallen op de assen.

Roep `stel_stijl_in` één keer aan bovenaan een notebook. Elke grafiekfunctie geeft een figuur terug
die zichzelf toont in Jupyter (geen ``plt.show()`` nodig). Geef je zelf een ``ax`` mee (bv. uit
``plt.subplots``), dan tekent de functie daarin en geeft ze die ``ax`` terug.

De figuren worden niet bij ``pyplot`` aangemeld: ze lekken niet en hoeven niet gesloten te worden.
Het palet is dat van Okabe en Ito, leesbaar voor mensen met kleurenblindheid.

>>> import pandas as pd
>>> stel_stijl_in()
>>> fig = staafdiagram(pd.Series({"winkel": 1200.0, "webshop": 300.0}), titel="Omzet", opmaak="euro")
>>> fig.axes[0].get_title(), fig.axes[0].yaxis.get_major_formatter()(1500, 0)
('Omzet', '€ 1.500')
"""

from helpers.grafieken.basis import (
    HUISSTIJL,
    LETTERSCHAAL,
    MAANDEN_KORT,
    MAANDNAMEN,
    PALET,
    Grafiek,
    Opmaak,
    concentratiecurve,
    histogram,
    kalenderlijn,
    keuze_k,
    likertbalken,
    positioneringskaart,
    seizoenslijn,
    staafdiagram,
    stel_stijl_in,
    zet_opmaak,
)
from helpers.grafieken.communicatie import campagnekalender, opbrengstgrafiek, trechtergrafiek, upliftgrafiek
from helpers.grafieken.rendabiliteit import walvisgrafiek, winstbrug
from helpers.grafieken.rfm import segmentkaart
from helpers.grafieken.tevredenheid import herkoopgrafiek, npsverdeling, sleutelfactorgrafiek
from helpers.grafieken.trouw import backtestgrafiek, blijfcurve, cohortkaart

__all__ = [
    "HUISSTIJL",
    "LETTERSCHAAL",
    "MAANDEN_KORT",
    "MAANDNAMEN",
    "PALET",
    "Grafiek",
    "Opmaak",
    "backtestgrafiek",
    "blijfcurve",
    "campagnekalender",
    "cohortkaart",
    "concentratiecurve",
    "herkoopgrafiek",
    "histogram",
    "kalenderlijn",
    "keuze_k",
    "likertbalken",
    "npsverdeling",
    "opbrengstgrafiek",
    "positioneringskaart",
    "segmentkaart",
    "seizoenslijn",
    "sleutelfactorgrafiek",
    "staafdiagram",
    "stel_stijl_in",
    "trechtergrafiek",
    "upliftgrafiek",
    "walvisgrafiek",
    "winstbrug",
    "zet_opmaak",
]

"""Notebook 06: wat als personeel, pakjes en retours meer of minder kosten? (`walvisverkenner`)"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, replace

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from helpers.controle import InvoerFout
from helpers.grafieken import walvisgrafiek
from helpers.interactief.basis import Verkenner, kaartjes
from helpers.opmaak import euro, getal, procent
from helpers.rendabiliteit import Tarieven, WalvisTop, herbereken_winst, walvis_top, walviscurve


@dataclass(frozen=True)
class Walvisbeeld:
    """Wat de walvisverkenner toont: cijferkaartjes en (als er winst is) de walviscurve.

    ``top`` is `None` als de winkel met deze tarieven in totaal geen winst maakt (dan is er geen
    walviscurve); ``verlieslatend`` is het aantal klanten met verlies.
    """

    kaart: HTML
    figuur: Figure | None
    top: WalvisTop | None
    verlieslatend: int

    def _repr_html_(self) -> str:
        if self.figuur is None:
            return self.kaart.data
        png = base64.b64encode(self.figuur._repr_png_()).decode("ascii")
        beschrijving = html.escape(self.figuur.axes[0].get_title())
        return f'{self.kaart.data}<img src="data:image/png;base64,{png}" alt="{beschrijving}"/>'


def walvisbeeld(winst: pd.DataFrame, tarieven: Tarieven, naam: str = "") -> Walvisbeeld:
    """De walviscurve en haar kerncijfers voor de klanten van ``winst`` met deze ``tarieven``.

    ``winst`` is de tabel van `helpers.rendabiliteit.winst_per_klant`; de kosten worden opnieuw
    berekend met `helpers.rendabiliteit.herbereken_winst`.

    >>> import pandas as pd
    >>> winst = pd.DataFrame({"brutomarge": [100.0, 30.0], "teruggebracht": 0.0, "webshopbestellingen": 0,
    ...                       "retouren": 0, "webshopretouren": 0, "minuten": [0.0, 60.0], "retouches": 0,
    ...                       "klachten": 0, "kost_acties": 0.0}, index=["A", "B"])
    >>> beeld = walvisbeeld(winst, Tarieven(per_minuut_personeel=1.0))  # B: 30 - 60 = -30
    >>> beeld.verlieslatend, beeld.top.hoogte  # 100 / (100 - 30)
    (1, 1.4285714285714286)
    """
    herrekend = herbereken_winst(winst, tarieven)
    verlies = herrekend["winst"] < 0
    n = len(herrekend)
    totaal = float(herrekend["winst"].sum())
    cijfers = {
        "Verlieslatende klanten": f"{getal(int(verlies.sum()))} ({procent(verlies.mean())})",
        "Samen verlies": euro(-float(herrekend.loc[verlies, "winst"].sum()), 0),
        "Totale winst": euro(totaal, 0),
    }
    onderschrift = (
        f"{getal(n)} klanten · een uur personeel € {getal(tarieven.per_minuut_personeel * 60, 2)}, "
        f"een pakje {euro(tarieven.per_webshopbestelling)}, een retour {euro(tarieven.per_retour)}, "
        f"een retouche {euro(tarieven.per_retouche)}"
    )
    try:
        top = walvis_top(herrekend)
    except InvoerFout:
        cijfers["Let op"] = "de klanten kosten samen meer dan ze opbrengen: er is geen walvis"
        return Walvisbeeld(kaartjes(cijfers, naam, onderschrift), None, None, int(verlies.sum()))
    cijfers = {"Top van de walvis": f"{procent(top.hoogte, 0)} van de winst", **cijfers}
    figuur = walvisgrafiek(walviscurve(herrekend), titel=f"{naam}: de walviscurve" if naam else "")
    return Walvisbeeld(kaartjes(cijfers, naam, onderschrift), figuur, top, int(verlies.sum()))


def walvisverkenner(winst: pd.DataFrame, naam: str = "", tarieven: Tarieven | None = None) -> Verkenner:
    """Schuifregelaars voor wat een uur personeel, een pakje, een retour en een retouche kosten; de
    walviscurve, haar top en het aantal verlieslatende klanten rekenen meteen opnieuw.

    ``winst`` is de tabel van `helpers.rendabiliteit.winst_per_klant` (of `winst_van_winkel`),
    ``tarieven`` de tarieven waarmee de schuifregelaars beginnen (standaard `Tarieven`); de andere
    tarieven (afschrijving, klachten) blijven die van ``tarieven``.

    >>> from helpers.data import laad_winkel
    >>> from helpers.rendabiliteit import winst_van_winkel
    >>> v = walvisverkenner(winst_van_winkel(laad_winkel("schoenenzaak")), "Schoenen")
    >>> voor = v.inhoud.verlieslatend
    >>> v.bedieningen["uurloon"].value = 50  # duurder personeel: meer klanten kosten geld
    >>> v.inhoud.verlieslatend > voor
    True
    """
    basis = tarieven if tarieven is not None else Tarieven()
    herbereken_winst(winst, basis)  # meteen een duidelijke fout als de tabel niet klopt
    breed = widgets.Layout(width="290px")
    stijl = {"description_width": "90px"}

    def schuif(beschrijving: str, waarde: float, maximum: float, stap: float) -> widgets.FloatSlider:
        return widgets.FloatSlider(
            value=waarde, min=0.0, max=maximum, step=stap, description=beschrijving, readout_format=".2f",
            continuous_update=False, layout=breed, style=stijl,
        )  # fmt: skip

    def toon(uurloon: float, pakje: float, retour: float, retouche: float) -> Walvisbeeld:
        eigen = replace(
            basis,
            per_minuut_personeel=uurloon / 60,
            per_webshopbestelling=pakje,
            per_retour=retour,
            per_retouche=retouche,
        )
        return walvisbeeld(winst, eigen, naam)

    return Verkenner(
        toon,
        {
            "uurloon": widgets.IntSlider(
                value=round(basis.per_minuut_personeel * 60),
                min=10,
                max=80,
                description="Uurloon (€)",
                continuous_update=False,
                layout=breed,
                style=stijl,
            ),
            "pakje": schuif("Pakje (€)", basis.per_webshopbestelling, 15.0, 0.5),
            "retour": schuif("Retour (€)", basis.per_retour, 20.0, 0.5),
            "retouche": schuif("Retouche (€)", basis.per_retouche, 30.0, 1.0),
        },
        titel="Wat kost een klant jou? Schuif met je eigen kosten",
    )

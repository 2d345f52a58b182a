"""De bouwstenen van elke verkenner: `Verkenner`, `uitvoer_van`, `kaartjes`, `winkelkeuze`, `volgkeuze`.

Een `Verkenner` is een rij bedieningselementen plus een uitvoervak dat opnieuw getekend wordt zodra
je iets verandert. Wat er getoond wordt, maakt een gewone functie ``toon(**waarden)``: die is zonder
browser te testen (zet de waarden in Python en kijk naar ``verkenner.inhoud``).

>>> import ipywidgets as widgets
>>> v = Verkenner(lambda n: f"{n} x 2 = {2 * n}", {"n": widgets.IntSlider(value=3, min=1, max=10)})
>>> v.inhoud
'3 x 2 = 6'
>>> v.bedieningen["n"].value = 4
>>> v.inhoud
'4 x 2 = 8'
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from IPython import get_ipython
from IPython.core.formatters import DisplayFormatter
from IPython.display import HTML

from helpers.controle import InvoerFout

if TYPE_CHECKING:
    from helpers.data import Winkel


class Verkenner(widgets.VBox):
    """Bedieningselementen (``naam -> widget``) en een uitvoervak dat ``toon(**waarden)`` laat zien.

    Na elke wijziging staat het nieuwe resultaat in ``inhoud`` en in het uitvoervak ``uitvoer``.
    """

    def __init__(
        self,
        toon: Callable[..., Any],
        bedieningen: Mapping[str, widgets.ValueWidget],
        titel: str | None = None,
    ) -> None:
        self.toon = toon
        self.bedieningen = dict(bedieningen)
        self.uitvoer = widgets.Output()
        self.inhoud: Any = None
        kop = [widgets.HTML(f"<h3>{html.escape(titel)}</h3>")] if titel else []
        rij = widgets.HBox(list(self.bedieningen.values()))
        super().__init__([*kop, rij, self.uitvoer])
        for bediening in self.bedieningen.values():
            bediening.observe(self._gewijzigd, names="value")
        self.ververs()

    def waarden(self) -> dict[str, Any]:
        """De huidige waarde van elk bedieningselement, op naam."""
        return {naam: bediening.value for naam, bediening in self.bedieningen.items()}

    def ververs(self) -> Any:
        """Reken opnieuw met de huidige waarden en toon het resultaat in het uitvoervak."""
        self.inhoud = self.toon(**self.waarden())
        self.uitvoer.outputs = (uitvoer_van(self.inhoud),)
        return self.inhoud

    def _gewijzigd(self, verandering: dict) -> None:
        self.ververs()


def uitvoer_van(inhoud: Any) -> dict[str, Any]:
    """Een Jupyter-uitvoer (``display_data``) voor ``inhoud``, zoals ``display(inhoud)`` die maakt.

    In een notebook gebruikt dat de opmaak van de kernel; daarbuiten die van IPython. Binaire uitvoer
    (een grafiek als PNG) wordt base64-tekst, zoals in een gewone notebookuitvoer: anders toont de
    browser in het uitvoervak een kapotte afbeelding.

    >>> uitvoer_van(HTML("<b>hallo</b>"))["data"]["text/html"]
    '<b>hallo</b>'
    >>> from IPython.display import Image
    >>> uitvoer_van(Image(data=b"PNG", format="png"))["data"]["image/png"]
    'UE5H'
    """
    shell = get_ipython()
    opmaak = shell.display_formatter if shell is not None else DisplayFormatter()
    data, metadata = opmaak.format(inhoud)
    data = {k: base64.b64encode(w).decode("ascii") if isinstance(w, bytes) else w for k, w in data.items()}
    return {"output_type": "display_data", "data": data, "metadata": metadata}


_KAART = (
    '<div style="display:inline-block; min-width:10em; margin:0.3em; padding:0.6em 0.9em; '
    'border-radius:6px; background:#eef4fa; border-left:5px solid #0072B2;">'
    '<div style="font-size:0.85em; color:#444;">{label}</div>'
    '<div style="font-size:1.5em; font-weight:bold; color:#111;">{waarde}</div></div>'
)


def kaartjes(cijfers: Mapping[str, str], titel: str = "", onderschrift: str = "") -> HTML:
    """Een rij 'kaartjes' met een label en een (al opgemaakt) cijfer, als HTML.

    >>> kaartjes({"Klanten": "1.234"}, titel="Overzicht").data.count("1.234")
    1
    """
    kop = f"<h4>{html.escape(titel)}</h4>" if titel else ""
    if onderschrift:
        kop += f'<div style="color:#555; margin-bottom:0.3em;">{html.escape(onderschrift)}</div>'
    kaarten = "".join(
        _KAART.format(label=html.escape(label), waarde=html.escape(waarde))
        for label, waarde in cijfers.items()
    )
    return HTML(f'<div class="klantlab-kaartjes">{kop}{kaarten}</div>')


def winkelkeuze(winkels: Mapping[str, Winkel], met_gemeente: bool = False) -> widgets.Dropdown:
    """Een keuzelijst 'Winkel' met de sleutels van ``winkels`` als waarde en naam (profiel) als label.

    Zonder winkels volgt een duidelijke fout: er valt dan niets te verkennen.

    >>> from types import SimpleNamespace
    >>> w = SimpleNamespace(naam="Loopwerk", profiel="sportzaak", gemeente="Leuven")
    >>> winkelkeuze({"sportzaak": w}, met_gemeente=True).options
    (('Loopwerk (sportzaak, Leuven)', 'sportzaak'),)
    """
    if not winkels:
        raise InvoerFout("Geef minstens één winkel om te verkennen.")
    keuzes = [
        (f"{w.naam} ({w.profiel}, {w.gemeente})" if met_gemeente else f"{w.naam} ({w.profiel})", sleutel)
        for sleutel, w in winkels.items()
    ]
    return widgets.Dropdown(options=keuzes, description="Winkel", layout=widgets.Layout(width="max-content"))


def volgkeuze(leider: widgets.Dropdown, opties: Callable[[Any], list], beschrijving: str) -> widgets.Dropdown:
    """Een keuzelijst waarvan de opties meeveranderen met de keuze in ``leider``, bv. de segmenten
    van de gekozen winkel. ``opties(waarde)`` geeft de opties bij een waarde van ``leider``.

    Maak de volgkeuze vóór de `Verkenner`: dan is de lijst al aangepast als de verkenner opnieuw tekent.

    >>> winkel = widgets.Dropdown(options=["a", "b"])
    >>> segment = volgkeuze(winkel, lambda w: [f"{w}1", f"{w}2"], "Segment")
    >>> winkel.value = "b"
    >>> segment.options, segment.value
    (('b1', 'b2'), 'b1')
    """
    volger = widgets.Dropdown(
        options=opties(leider.value), description=beschrijving, layout=widgets.Layout(width="max-content")
    )
    leider.observe(lambda v: setattr(volger, "options", opties(v["new"])), names="value")
    return volger

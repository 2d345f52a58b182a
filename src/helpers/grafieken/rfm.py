"""Notebook 05: de RFM-segmentkaart (`segmentkaart`), met per segment de klanten en hun omzetaandeel."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.grafieken.basis import _as, _klaar
from helpers.opmaak import getal, procent


def _klassen(segmenten: pd.DataFrame, klassen: int | None) -> int:
    """Het aantal klassen van de scores: het argument, de kolom ``rfm_klassen`` of 5."""
    if klassen is None and "rfm_klassen" in segmenten.columns and segmenten["rfm_klassen"].notna().any():
        klassen = int(segmenten["rfm_klassen"].dropna().iloc[0])
    klassen = 5 if klassen is None else klassen
    if isinstance(klassen, bool) or not isinstance(klassen, int | np.integer) or not 2 <= klassen <= 20:
        raise InvoerFout(f"Het aantal klassen moet een geheel getal van 2 tot 20 zijn, kreeg {klassen!r}.")
    return int(klassen)


def klanten(aantal: int) -> str:
    """Een aantal klanten in woorden, enkelvoud of meervoud.

    >>> klanten(1), klanten(1234)
    ('1 klant', '1.234 klanten')
    """
    return f"{getal(aantal)} {'klant' if aantal == 1 else 'klanten'}"


def segmentvakken(klassen: int = 5) -> pd.DataFrame:
    """Waar ligt elk segment op een kaart met ``klassen`` scores voor R en F? Eén rechthoek per segment.

    Kolommen ``r_van``, ``r_tot``, ``f_van``, ``f_tot`` (scores, grenzen inbegrepen). De cellen komen uit
    `helpers.rfm.SEGMENTKAART` via `helpers.rfm.naar_vijf_klassen`; elk segment is een rechthoek.

    >>> segmentvakken(3).loc["Kampioenen"].tolist(), len(segmentvakken(3))
    ([3, 3, 3, 3], 9)
    >>> segmentvakken().loc["Slapend"].tolist()
    [1, 2, 1, 2]
    """
    from helpers.rfm import SEGMENTEN, SEGMENTKAART, naar_vijf_klassen

    scores = np.arange(1, klassen + 1)
    vijf = naar_vijf_klassen(scores, klassen)
    rijen = []
    for naam in SEGMENTEN.index:
        r, f = np.nonzero(SEGMENTKAART.loc[vijf, vijf].to_numpy() == naam)
        if len(r) == 0:
            continue  # niet op een kaart met zo weinig klassen (bv. 'Veelbelovend' bij 3)
        vak = (scores[r].min(), scores[r].max(), scores[f].min(), scores[f].max())
        if len(r) != (vak[1] - vak[0] + 1) * (vak[3] - vak[2] + 1):  # pragma: no cover - definitiefout
            raise AssertionError(f"Het segment {naam} is geen rechthoek op de kaart.")
        rijen.append((naam, *map(int, vak)))
    return pd.DataFrame(rijen, columns=["segment", "r_van", "r_tot", "f_van", "f_tot"]).set_index("segment")


def segmentkaart(
    segmenten: pd.DataFrame,
    klassen: int | None = None,
    titel: str = "De RFM-kaart",
    ax: Axes | None = None,
) -> Figure | Axes:
    """De segmentkaart: R (hoe recent) staand, F (hoe vaak) liggend, één vak per segment.

    In elk vak: de naam, het aantal klanten en hun aandeel in de omzet van de klanten; hoe donkerder
    het vak, hoe groter dat aandeel. ``segmenten`` komt uit `helpers.rfm.rfm_segmenten` (kolommen
    ``R``, ``F``, ``segment``, ``recency``, ``frequentie``, ``monetair``); ``klassen`` standaard uit de
    kolom ``rfm_klassen``. Staan er grote eenmalige kopers apart (`helpers.rfm.GROTE_EENMALIGE`), dan
    noemt een regel onder de kaart hun aantal en omzetaandeel: op de kaart zelf staan ze niet.

    >>> import pandas as pd
    >>> seg = pd.DataFrame({"R": [5, 1], "F": [5, 1], "recency": [3, 500], "frequentie": [9, 1],
    ...                     "monetair": [900.0, 100.0], "segment": ["Kampioenen", "Slapend"]})
    >>> fig = segmentkaart(seg)
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("Kampioenen")]
    ['Kampioenen\\n1 klant\\n90,0% van de omzet']
    """
    from helpers.rfm import GROTE_EENMALIGE, segment_overzicht

    vereis_kolommen(segmenten, ["R", "F", "segment"], "segmenten")
    vereis_niet_leeg(segmenten, "segmenten")
    k = _klassen(segmenten, klassen)
    overzicht = segment_overzicht(segmenten)
    vakken = segmentvakken(k)
    eigen = ax is not None
    ax = _as(ax, (9.0, 7.0))
    grootste = max(float(overzicht["aandeel_omzet"].clip(lower=0).max()), 1e-12)
    kleuren = mpl.colormaps["Blues"]
    for naam, vak in vakken.iterrows():
        aantal = int(overzicht.loc[naam, "klanten"])
        aandeel = float(overzicht.loc[naam, "aandeel_omzet"]) if aantal else 0.0
        sterkte = 0.08 + 0.77 * max(aandeel, 0.0) / grootste
        breedte, hoogte = vak["f_tot"] - vak["f_van"] + 1, vak["r_tot"] - vak["r_van"] + 1
        ax.add_patch(
            Rectangle(
                (vak["f_van"] - 0.5, vak["r_van"] - 0.5),
                breedte,
                hoogte,
                facecolor=kleuren(sterkte),
                edgecolor="white",
                linewidth=3,
            )
        )
        ax.text(
            (vak["f_van"] + vak["f_tot"]) / 2,
            (vak["r_van"] + vak["r_tot"]) / 2,
            f"{naam}\n{klanten(aantal)}\n{procent(aandeel)} van de omzet",
            ha="center",
            va="center",
            fontsize="small" if k <= 5 else "x-small",
            color="white" if sterkte > 0.55 else "#111111",
        )
    ax.set_xlim(0.5, k + 0.5)
    ax.set_ylim(0.5, k + 0.5)
    ax.set_xticks(range(1, k + 1))
    ax.set_yticks(range(1, k + 1))
    ax.grid(visible=False)
    if GROTE_EENMALIGE in overzicht.index:
        apart = overzicht.loc[GROTE_EENMALIGE]
        ax.annotate(
            f"Apart, niet op de kaart: {getal(int(apart['klanten']))} {GROTE_EENMALIGE.lower()}, "
            f"{procent(float(apart['aandeel_omzet']) if apart['klanten'] else 0.0)} van de omzet",
            xy=(0.5, -0.16),
            xycoords="axes fraction",
            ha="center",
            va="top",
        )
    return _klaar(
        ax,
        eigen,
        titel,
        f"F: hoe vaak (1 = zelden, {k} = heel vaak)",
        f"R: hoe recent (1 = lang geleden, {k} = kort geleden)",
    )

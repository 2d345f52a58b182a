"""Grafieken van notebook 06: de walviscurve en de brug van brutomarge naar winst."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.grafieken.basis import PALET, _as, _klaar, zet_opmaak
from helpers.opmaak import euro, getal, procent
from helpers.rendabiliteit import KOSTPOSTEN


def walvisgrafiek(curve: pd.DataFrame, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """De walviscurve uit `helpers.rendabiliteit.walviscurve`, met de top en de verlieslatende staart.

    De lijn begint in (0, 0) en loopt over de klanten van meest naar minst winstgevend; de hoogte is
    de winst tot dan als aandeel van de totale winst. Een stippellijn staat op 100%, een punt op de
    top (met het label "top: ... van de winst"), en de staart van klanten met verlies is rood gekleurd.

    >>> import pandas as pd
    >>> from helpers.rendabiliteit import walviscurve
    >>> fig = walvisgrafiek(walviscurve(pd.Series([300.0, 100.0, -50.0, -150.0])))
    >>> print(fig.axes[0].texts[0].get_text())
    top: 200% van de winst
    bij 50% van de klanten
    """
    vereis_kolommen(curve, ["aandeel_klanten", "aandeel_winst", "winst"], "curve")
    vereis_niet_leeg(curve, "curve")
    x = np.concatenate(([0.0], curve["aandeel_klanten"].to_numpy(dtype=float)))
    y = np.concatenate(([0.0], curve["aandeel_winst"].to_numpy(dtype=float)))
    verlies = curve["winst"].to_numpy(dtype=float) < 0
    eigen = ax is not None
    ax = _as(ax)
    ax.axhline(1.0, color="grey", linestyle=":", label="100% van de winst")
    ax.plot(x, y, color=PALET[0], linewidth=2.5, label="cumulatieve winst")
    if verlies.any():
        begin = int(np.argmax(verlies))  # de curve staat van meest naar minst winstgevend
        staart = slice(begin, len(x))
        ax.fill_between(x[staart], y[staart], 1.0, color=PALET[5], alpha=0.25, linewidth=0,
                        label=f"{getal(int(verlies.sum()))} klanten met verlies")  # fmt: skip
    top = int(np.argmax(y))
    ax.plot([x[top]], [y[top]], "o", color=PALET[5], markersize=8)
    label = ax.annotate(
        f"top: {procent(y[top], 0)} van de winst\nbij {procent(x[top], 0)} van de klanten",
        (x[top], y[top]),
        xytext=(-12, 10),
        textcoords="offset points",
        ha="right",
        va="bottom",
    )
    label.set_in_layout(False)
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0.0, float(y.min())) - 0.05, max(1.0, float(y.max())) * 1.25)
    zet_opmaak(ax.xaxis, "procent")
    zet_opmaak(ax.yaxis, "procent")
    ax.legend(loc="lower center", ncols=3, fontsize="small")
    return _klaar(
        ax,
        eigen,
        titel,
        "aandeel klanten (van meest naar minst winstgevend)",
        "winst tot hier (% van de totale winst)",
    )


def winstbrug(winst: pd.DataFrame, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """Van brutomarge naar winst: een liggende 'waterval' met elke kost om te bedienen apart.

    ``winst`` is de tabel van `helpers.rendabiliteit.winst_per_klant` (alle klanten of een groep).
    De eerste staaf is de brutomarge, dan eet elke kost (`helpers.rendabiliteit.KOSTPOSTEN`, van
    groot naar klein) er een stuk van af, de laatste staaf is de winst. De bedragen staan naast de
    staven.

    >>> import pandas as pd
    >>> w = pd.DataFrame({"brutomarge": [100.0, 50.0], "kost_personeel": [40.0, 20.0],
    ...                   "kost_verzending": [10.0, 0.0], "winst": [50.0, 30.0]})
    >>> fig = winstbrug(w)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['brutomarge', 'personeelstijd', 'verzending', 'winst']
    >>> [float(p.get_x()) for p in fig.axes[0].patches]  # waar elke staaf begint
    [0.0, 90.0, 80.0, 0.0]
    """
    vereis_kolommen(winst, ["brutomarge", "winst"], "winst")
    vereis_niet_leeg(winst, "winst")
    kosten = pd.Series({naam: float(winst[k].sum()) for k, naam in KOSTPOSTEN.items() if k in winst.columns})
    kosten = kosten[kosten != 0].sort_values(ascending=False)
    marge, totaal = float(winst["brutomarge"].sum()), float(winst["winst"].sum())
    if abs(marge - float(kosten.sum()) - totaal) > 0.01 * max(1.0, abs(marge)):
        raise InvoerFout(
            "De brutomarge min de kosten is niet de winst: gebruik de tabel van winst_per_klant "
            "(met alle kolommen kost_...)."
        )
    labels = ["brutomarge", *kosten.index, "winst"]
    begin = np.concatenate(([0.0], marge - np.cumsum(kosten.to_numpy()), [0.0]))
    breedte = np.concatenate(([marge], kosten.to_numpy(), [totaal]))
    kleuren = [PALET[0], *[PALET[5]] * len(kosten), PALET[2] if totaal >= 0 else PALET[5]]
    eigen = ax is not None
    ax = _as(ax, (8.0, 0.55 * len(labels) + 1.6))
    staven = ax.barh(labels, breedte, left=begin, color=kleuren)
    tekst = [euro(marge, 0), *(f"− {euro(k, 0)}" for k in kosten), euro(totaal, 0)]
    ax.bar_label(staven, labels=tekst, padding=3, fontsize="small")
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.margins(x=0.15)
    ax.locator_params(axis="x", nbins=4)  # grote bedragen naast elkaar: weinig ticks, anders overlappen ze
    zet_opmaak(ax.xaxis, "euro")
    return _klaar(ax, eigen, titel, "euro (zonder btw)", None)

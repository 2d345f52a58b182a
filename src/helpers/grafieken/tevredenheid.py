"""Grafieken bij tevredenheid, NPS en klachten (notebook 08).

- `npsverdeling`: de antwoorden 0–10 op de aanbevelingsvraag, gekleurd als criticaster, passief of
  promotor;
- `herkoopgrafiek`: het herkoopaandeel per groep met zijn onzekerheid (uit
  `helpers.enquete.tevredenheid_en_trouw` of `helpers.klachten.herkoop_na_klacht`);
- `sleutelfactorgrafiek`: welke items de tevredenheid drijven (uit `helpers.enquete.sleutelfactoren`),
  eventueel naast een vergelijking (bv. alle respondenten tegenover één segment).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.grafieken.basis import PALET, _as, _klaar, zet_opmaak
from helpers.opmaak import getal

KLEUREN_NPS = {"criticaster": PALET[5], "passief": "#9a9a9a", "promotor": PALET[2]}
"""Rood-oranje voor criticasters (0–6), grijs voor passieven (7–8), groen voor promotors (9–10)."""


def npsverdeling(scores: pd.Series, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """Een staaf per antwoord 0..10 (aantal klanten), gekleurd naar criticaster, passief of promotor.

    Lege antwoorden tellen niet mee.

    >>> import pandas as pd
    >>> fig = npsverdeling(pd.Series([10, 9, 9, 7, 3, None]))
    >>> [int(p.get_height()) for p in fig.axes[0].patches][-4:]  # antwoorden 7, 8, 9 en 10
    [1, 0, 2, 1]
    """
    if not isinstance(scores, pd.Series):
        raise InvoerFout(
            f"Geef de aanbevelingsscores als reeks (pandas Series), kreeg {type(scores).__name__}."
        )
    ingevuld = pd.to_numeric(scores, errors="coerce").dropna()
    if ingevuld.empty:
        raise InvoerFout("Er zijn geen aanbevelingsscores: niemand heeft geantwoord.")
    if ((ingevuld < 0) | (ingevuld > 10) | (ingevuld != np.round(ingevuld))).any():
        raise InvoerFout("Aanbevelingsscores zijn gehele getallen van 0 tot 10.")
    aantallen = ingevuld.astype("int64").value_counts().reindex(range(11), fill_value=0)
    groep = np.where(
        aantallen.index <= 6, "criticaster", np.where(aantallen.index <= 8, "passief", "promotor")
    )
    eigen = ax is not None
    ax = _as(ax)
    staven = ax.bar(
        [str(s) for s in aantallen.index], aantallen.to_numpy(), color=[KLEUREN_NPS[g] for g in groep]
    )
    ax.bar_label(staven, labels=[getal(int(a)) for a in aantallen], padding=2, fontsize="small")
    ax.margins(y=0.1)
    ax.grid(axis="x", visible=False)
    zet_opmaak(ax.yaxis, "getal")
    ax.legend(
        handles=[Patch(color=kleur, label=f"{naam}s" if naam != "passief" else "passieven")
                 for naam, kleur in KLEUREN_NPS.items()],
        loc="upper left",
    )  # fmt: skip
    return _klaar(ax, eigen, titel, "antwoord op 'Zou je ons aanbevelen?' (0 = zeker niet, 10 = zeker wel)",
                  "aantal klanten")  # fmt: skip


def herkoopgrafiek(
    tabel: pd.DataFrame, titel: str = "", x_label: str | None = None, ax: Axes | None = None
) -> Figure | Axes:
    """Het ``herkoopaandeel`` per groep (de index) als staaf, met het interval (``ondergrens``,
    ``bovengrens``) als foutenstreep en het aantal onder elke staaf.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"aantal": [40, 60], "herkoopaandeel": [0.5, 0.75], "ondergrens": [0.35, 0.63],
    ...                   "bovengrens": [0.65, 0.84]}, index=pd.Index([4, 5], name="tevredenheid"))
    >>> fig = herkoopgrafiek(t)
    >>> [round(float(p.get_height()), 2) for p in fig.axes[0].patches]
    [0.5, 0.75]
    >>> fig.axes[0].get_xticklabels()[1].get_text()
    '5\\n(n = 60)'
    """
    vereis_kolommen(tabel, ["aantal", "herkoopaandeel", "ondergrens", "bovengrens"], "tabel")
    vereis_niet_leeg(tabel, "tabel")
    eigen = ax is not None
    ax = _as(ax)
    waarden = tabel["herkoopaandeel"].to_numpy(dtype=float)
    fouten = np.vstack(
        [
            waarden - tabel["ondergrens"].to_numpy(dtype=float),
            tabel["bovengrens"].to_numpy(dtype=float) - waarden,
        ]
    )
    labels = [
        f"{index}\n(n = {getal(int(n))})" for index, n in zip(tabel.index, tabel["aantal"], strict=True)
    ]
    staven = ax.bar(labels, waarden, yerr=fouten, capsize=6, color=PALET[0], error_kw={"ecolor": "#333333"})
    ax.set_ylim(0, 1.05)
    ax.grid(axis="x", visible=False)
    zet_opmaak(ax.yaxis, "procent")
    formatteer = ax.yaxis.get_major_formatter()
    for staaf, waarde in zip(staven, waarden, strict=True):  # onderaan in de staaf, los van de foutenstreep
        kleur = "white" if waarde >= 0.1 else "#222222"  # een lage staaf: donkere letters erboven
        ax.text(staaf.get_x() + staaf.get_width() / 2, 0.03, formatteer(waarde, 0), ha="center", va="bottom",
                color=kleur, fontweight="bold")  # fmt: skip
    naam = tabel.index.name if x_label is None else x_label
    return _klaar(ax, eigen, titel, naam, "kocht opnieuw (met 95%-interval)")


def sleutelfactorgrafiek(
    tabel: pd.DataFrame,
    vergelijking: pd.DataFrame | None = None,
    titel: str = "",
    namen: tuple[str, str] = ("deze groep", "alle respondenten"),
    ax: Axes | None = None,
) -> Figure | Axes:
    """Liggende staven: welk deel van de verklaarde tevredenheid elk item draagt (kolom ``aandeel`` uit
    `helpers.enquete.sleutelfactoren`), het grootste bovenaan. Met ``vergelijking`` (een tweede zo'n
    tabel) staat per item een zwart streepje met het aandeel daar; ``namen`` benoemt beide in de legende.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"aandeel": [0.6, 0.4]}, index=["service", "prijs"])
    >>> alle = pd.DataFrame({"aandeel": [0.3, 0.7]}, index=["service", "prijs"])
    >>> fig = sleutelfactorgrafiek(t, vergelijking=alle)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['service', 'prijs']
    """
    vereis_kolommen(tabel, ["aandeel"], "tabel")
    vereis_niet_leeg(tabel, "tabel")
    tabel = tabel.sort_values("aandeel", ascending=False)
    eigen = ax is not None
    ax = _as(ax, (8.0, 0.5 * len(tabel) + 1.8))
    labels = [str(i) for i in tabel.index]
    waarden = tabel["aandeel"].to_numpy(dtype=float)
    staven = ax.barh(labels, waarden, color=PALET[0], label=namen[0])
    rechts = waarden
    if vergelijking is not None:
        vereis_kolommen(vergelijking, ["aandeel"], "vergelijking")
        ander = vergelijking["aandeel"].reindex(tabel.index).to_numpy(dtype=float)
        streepjes = ax.scatter(ander, labels, marker="|", s=600, linewidths=3, color="#111111", zorder=3,
                               label=namen[1])  # fmt: skip
        ax.legend(handles=[staven, streepjes], loc="lower right")
        rechts = np.fmax(waarden, ander)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    breedte = max(float(np.nanmax(rechts)), 0.01) * 1.25
    ax.set_xlim(0, breedte)
    zet_opmaak(ax.xaxis, "procent")
    formatteer = ax.xaxis.get_major_formatter()
    for rij, (waarde, rand) in enumerate(zip(waarden, rechts, strict=True)):  # voorbij staaf én streepje
        ax.text(rand + 0.015 * breedte, rij, formatteer(waarde, 0), va="center", fontsize="small")
    return _klaar(ax, eigen, titel, "deel van wat de algemene tevredenheid verklaart", None)

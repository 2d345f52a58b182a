"""Grafieken voor communicatie op maat (notebook 09): uplift met eerlijke intervallen, opbrengst per euro,
de campagnekalender met solden en sperperiodes, en de trechter van de groepsklanten.

>>> import pandas as pd
>>> r = pd.DataFrame({"naam": ["Lentebon", "Jeansweek"], "uplift": [0.05, 0.01],
...                   "ondergrens": [0.01, -0.04], "bovengrens": [0.09, 0.07]})
>>> [t.get_text() for t in upliftgrafiek(r).axes[0].get_yticklabels()]
['Lentebon', 'Jeansweek']
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.grafieken.basis import MAANDEN_KORT, PALET, _as, _klaar, zet_opmaak
from helpers.opmaak import getal, procent

AANTOONBAAR = PALET[2]
"""Kleur van een uplift waarvan het hele interval boven 0 ligt."""
ONZEKER = "#8c8c8c"
"""Kleur van een uplift waarvan het interval 0 bevat (niet te onderscheiden van toeval)."""


def _labels(tabel: pd.DataFrame) -> list[str]:
    return [str(n) for n in (tabel["naam"] if "naam" in tabel.columns else tabel.index)]


def upliftgrafiek(resultaten: pd.DataFrame, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """Per actie de uplift (punt) met haar betrouwbaarheidsinterval (lijn), en een lijn op 0.

    ``resultaten`` komt uit `helpers.acties.actieresultaten` (kolommen ``uplift``, ``ondergrens``,
    ``bovengrens``; het label is ``naam`` of de index). Acties zonder controlegroep vallen weg. Groen:
    het hele interval ligt boven 0 (de actie werkte aantoonbaar); grijs: het interval bevat 0.

    >>> import pandas as pd
    >>> r = pd.DataFrame({"uplift": [0.05, None], "ondergrens": [0.01, None], "bovengrens": [0.09, None]},
    ...                  index=["A1", "A2"])
    >>> len(upliftgrafiek(r).axes[0].collections[1].get_offsets())  # één punt: A2 had geen controlegroep
    1
    """
    vereis_kolommen(resultaten, ["uplift", "ondergrens", "bovengrens"], "resultaten")
    tabel = resultaten.loc[resultaten["uplift"].notna()]
    if tabel.empty:
        raise InvoerFout("Geen enkele actie had een controlegroep: er is geen uplift om te tonen.")
    eigen = ax is not None
    ax = _as(ax, (9.0, 1.2 + 0.42 * len(tabel)))
    y = np.arange(len(tabel))
    onder, boven = tabel["ondergrens"].to_numpy(float), tabel["bovengrens"].to_numpy(float)
    kleur = np.where(onder > 0, AANTOONBAAR, ONZEKER)
    ax.hlines(y, onder, boven, colors=kleur, linewidth=4, alpha=0.6)
    ax.scatter(tabel["uplift"].to_numpy(float), y, color=kleur, s=45, zorder=3)
    ax.axvline(0, color="black", linewidth=1)
    ax.set_yticks(y, _labels(tabel))
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    zet_opmaak(ax.xaxis, "procent")
    ax.legend(
        handles=[
            Patch(color=AANTOONBAAR, label="werkte aantoonbaar"),
            Patch(color=ONZEKER, label="niet zeker"),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncols=2,
        fontsize="small",
    )
    return _klaar(ax, eigen, titel, "uplift (doelgroep min controlegroep)", None)


def opbrengstgrafiek(resultaten: pd.DataFrame, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """Per actie twee staven: omzet van de ingewisselde bonnen per euro, en echte extra omzet per euro.

    Uit `helpers.acties.actieresultaten` (``omzet_per_euro`` en ``extra_omzet_per_euro``); alleen de
    acties met een controlegroep. Het verschil is de omzet die er zonder actie ook was geweest.

    >>> import pandas as pd
    >>> r = pd.DataFrame({"naam": ["Lentebon"], "omzet_per_euro": [35.0], "extra_omzet_per_euro": [8.0]})
    >>> [float(p.get_width()) for p in opbrengstgrafiek(r).axes[0].patches]
    [35.0, 8.0]
    """
    vereis_kolommen(resultaten, ["omzet_per_euro", "extra_omzet_per_euro"], "resultaten")
    tabel = resultaten.loc[resultaten["extra_omzet_per_euro"].notna()]
    if tabel.empty:
        raise InvoerFout("Geen enkele actie had een controlegroep: er is geen extra omzet om te tonen.")
    eigen = ax is not None
    ax = _as(ax, (9.0, 1.6 + 0.55 * len(tabel)))
    y = np.arange(len(tabel))
    hoogte = 0.38
    ax.barh(y - hoogte / 2, tabel["omzet_per_euro"].to_numpy(float), hoogte, color=PALET[4],
            label="omzet van de ingewisselde bonnen")  # fmt: skip
    ax.barh(y + hoogte / 2, tabel["extra_omzet_per_euro"].to_numpy(float), hoogte, color=PALET[0],
            label="echte extra omzet (tegen de controlegroep)")  # fmt: skip
    ax.axvline(1, color=PALET[5], linestyle="--", linewidth=1.2, label="€ 1 per euro: de kost terug")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, _labels(tabel))
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    zet_opmaak(ax.xaxis, "euro")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=1, fontsize="small")
    return _klaar(ax, eigen, titel, "omzet per euro die de actie kostte", None)


def campagnekalender(
    planning: pd.DataFrame,
    jaar: int,
    titel: str = "",
    rij: str = "segment",
    ax: Axes | None = None,
) -> Figure | Axes:
    """Een jaarkalender: per doelgroep (kolom ``rij``) een balk per actie, met solden en sperperiodes.

    ``planning`` is de uitkomst van `helpers.campagnes.controleer_planning` (``startdatum``,
    ``einddatum``, ``waarschuwing``; ``naam`` als label in de balk). De solden zijn groen, de
    sperperiodes oranje; een actie met een waarschuwing krijgt een rode rand en een uitroepteken.

    >>> import pandas as pd
    >>> from helpers.campagnes import controleer_planning
    >>> p = controleer_planning(pd.DataFrame({"segment": ["trouw"], "naam": ["Junibon"],
    ...     "startdatum": pd.to_datetime(["2026-06-05"]), "einddatum": pd.to_datetime(["2026-06-20"]),
    ...     "korting_pct": [0.1]}))
    >>> [t.get_text() for t in campagnekalender(p, 2026).axes[0].texts]
    ['! Junibon']
    """
    from helpers.campagnes import wettelijke_periodes

    vereis_kolommen(planning, ["startdatum", "einddatum", "waarschuwing"], "planning")
    vereis_niet_leeg(planning, "planning")
    groepen = planning[rij].astype("string").fillna("iedereen") if rij in planning.columns else None
    namen = list(dict.fromkeys(groepen)) if groepen is not None else ["iedereen"]
    eigen = ax is not None
    ax = _as(ax, (10.0, 1.8 + 0.85 * len(namen)))
    begin_jaar, einde_jaar = pd.Timestamp(jaar, 1, 1), pd.Timestamp(jaar + 1, 1, 1)
    for soort, kleur in (("solden", PALET[2]), ("sperperiode", PALET[1])):
        periodes = wettelijke_periodes(jaar)
        for i, (a, b) in enumerate(periodes.loc[periodes["soort"] == soort, ["begin", "einde"]].to_numpy()):
            ax.axvspan(max(a, begin_jaar), min(b + pd.Timedelta(days=1), einde_jaar), color=kleur, alpha=0.18,
                       linewidth=0, label=soort if i == 0 else None)  # fmt: skip
    positie = {naam: i for i, naam in enumerate(namen)}
    y = np.array([positie[g] for g in groepen]) if groepen is not None else np.zeros(len(planning), dtype=int)
    start = mpl.dates.date2num(planning["startdatum"].to_numpy())
    breedte = mpl.dates.date2num(planning["einddatum"].to_numpy() + np.timedelta64(1, "D")) - start
    fout = planning["waarschuwing"].astype("string").fillna("").str.len().to_numpy() > 0
    ax.barh(y, breedte, left=start, height=0.5, color=PALET[0], alpha=0.85,
            edgecolor=np.where(fout, PALET[5], "white"), linewidth=np.where(fout, 2.5, 0.5))  # fmt: skip
    labels = (
        planning["naam"].astype("string").fillna("") if "naam" in planning.columns else [""] * len(planning)
    )
    # per rij om beurten boven en onder de balk, op volgorde van de startdag: zo overlappen buren niet
    volgorde = np.lexsort((start, y))
    beurt = np.empty(len(y), dtype=int)
    beurt[volgorde] = np.arange(len(y)) - np.searchsorted(y[volgorde], y[volgorde])
    for x, b, rij_y, label, waarschuwing, boven in zip(
        start, breedte, y, labels, fout, beurt % 2 == 0, strict=True
    ):
        tekst = f"{'! ' if waarschuwing else ''}{label}".strip()
        if tekst:
            ax.text(x + b / 2, rij_y + (-0.3 if boven else 0.3), tekst, ha="center",
                    va="bottom" if boven else "top", fontsize="x-small",
                    color=PALET[5] if waarschuwing else "black")  # fmt: skip
    ax.set_yticks(range(len(namen)), namen)
    ax.set_ylim(len(namen) - 0.35, -0.75)
    ax.set_xlim(begin_jaar, einde_jaar)
    ax.xaxis.set_major_locator(mpl.dates.MonthLocator())
    ax.xaxis.set_major_formatter(
        mpl.ticker.FuncFormatter(lambda w, p: MAANDEN_KORT[mpl.dates.num2date(w).month - 1])
    )
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=2, fontsize="small")
    return _klaar(ax, eigen, titel, None, None)


def trechtergrafiek(trechter: pd.DataFrame, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """De trechter van `helpers.pijplijn.trechter`: een gecentreerde balk per fase, met het aantal en de
    doorstroom naar die fase.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"bereikt": [10, 8, 5, 3], "doorstroom": [None, 0.8, 0.625, 0.6]},
    ...                  index=pd.Index(["suspect", "prospect", "offerte", "bestelling"], name="fase"))
    >>> [t.get_text() for t in trechtergrafiek(t).axes[0].texts][1]
    '8 (80% van de vorige fase)'
    """
    vereis_kolommen(trechter, ["bereikt", "doorstroom"], "trechter")
    vereis_niet_leeg(trechter, "trechter")
    eigen = ax is not None
    ax = _as(ax, (8.0, 4.0))
    aantal = trechter["bereikt"].to_numpy(float)
    y = np.arange(len(trechter))
    ax.barh(y, aantal, left=-aantal / 2, height=0.7, color=[PALET[i % len(PALET)] for i in range(len(y))])
    for rij_y, n, stroom in zip(y, aantal, trechter["doorstroom"], strict=True):
        extra = "" if pd.isna(stroom) else f" ({procent(stroom, 0)} van de vorige fase)"
        kader = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
        ax.text(0, rij_y, f"{getal(n)}{extra}", ha="center", va="center", fontsize="small", bbox=kader)
    ax.set_yticks(y, [str(f) for f in trechter.index])
    ax.invert_yaxis()
    ax.set_xticks([])
    ax.grid(visible=False)
    ax.spines["bottom"].set_visible(False)
    ax.spines["left"].set_visible(False)
    return _klaar(ax, eigen, titel, None, None)

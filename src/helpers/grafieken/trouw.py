"""Grafieken van notebook 07: cohorten, de back-test van een churnregel en blijven tegenover herhalen."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.grafieken.basis import PALET, _as, _klaar, zet_opmaak
from helpers.opmaak import procent


def cohortkaart(tabel: pd.DataFrame, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """Een warmtekaart van `helpers.trouw.cohort_tabel`: rij = instapcohort, kolom = perioden sinds de
    eerste aankoop, kleur en getal = het aandeel van het cohort dat toen kocht. Lege vakjes (nog niet
    waargenomen) blijven wit.

    >>> import numpy as np, pandas as pd
    >>> t = pd.DataFrame([[1.0, 0.4], [1.0, np.nan]], index=pd.PeriodIndex(["2024", "2025"], freq="Y"))
    >>> [t.get_text() for t in cohortkaart(t).axes[0].texts]
    ['100%', '40%', '100%']
    """
    if not isinstance(tabel, pd.DataFrame):
        raise InvoerFout(f"Verwacht de tabel van cohort_tabel (een DataFrame), kreeg {type(tabel).__name__}.")
    vereis_niet_leeg(tabel, "cohorttabel")
    waarden = tabel.to_numpy(dtype=float)
    eigen = ax is not None
    ax = _as(ax, (8.0, max(3.0, 0.45 * len(tabel) + 1.5)))
    beeld = ax.imshow(np.ma.masked_invalid(waarden), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(waarden.shape[1]), [str(k) for k in tabel.columns])
    ax.set_yticks(range(len(tabel)), [str(c) for c in tabel.index])
    ax.grid(False)
    if waarden.size <= 150:
        for (rij, kolom), waarde in np.ndenumerate(waarden):
            if not np.isnan(waarde):
                kleur = "white" if waarde > 0.6 else "black"
                ax.text(
                    kolom, rij, procent(waarde, 0), ha="center", va="center", color=kleur, fontsize="small"
                )
    balk = ax.figure.colorbar(beeld, ax=ax, fraction=0.05)
    zet_opmaak(balk.ax.yaxis, "procent")
    return _klaar(ax, eigen, titel, "perioden sinds de eerste aankoop", "instapcohort")


def backtestgrafiek(vergelijking: pd.DataFrame, titel: str = "", ax: Axes | None = None) -> Figure | Axes:
    """Per churnregel (`helpers.trouw.vergelijk_churnregels`) een staaf met de klanten die de regel
    'verloren' noemde: wie wegbleef (onderaan) en wie toch terugkwam (bovenaan). Boven elke staaf
    staat de trefzekerheid.

    >>> import pandas as pd
    >>> v = pd.DataFrame({"verloren": [10, 6], "kwamen_terug": [3, 1], "bleven_weg": [7, 5],
    ...                   "trefzekerheid": [0.7, 5 / 6]}, index=pd.Index([365, 450], name="verloren_na"))
    >>> [t.get_text() for t in backtestgrafiek(v).axes[0].texts]
    ['70% klopte', '83% klopte']
    """
    vereis_kolommen(vergelijking, ["kwamen_terug", "bleven_weg", "trefzekerheid"], "vergelijking")
    vereis_niet_leeg(vergelijking, "vergelijking")
    labels = [f"{grens} dagen" for grens in vergelijking.index]
    weg = vergelijking["bleven_weg"].to_numpy(dtype=float)
    terug = vergelijking["kwamen_terug"].to_numpy(dtype=float)
    eigen = ax is not None
    ax = _as(ax)
    ax.bar(labels, weg, color=PALET[0], label="bleef weg")
    ax.bar(labels, terug, bottom=weg, color=PALET[1], label="kwam toch terug")
    for x, (hoogte, treffer) in enumerate(zip(weg + terug, vergelijking["trefzekerheid"], strict=True)):
        tekst = "–" if pd.isna(treffer) else f"{procent(treffer, 0)} klopte"
        ax.text(x, hoogte, tekst, ha="center", va="bottom", fontsize="small")
    ax.margins(y=0.12)
    ax.grid(axis="x", visible=False)
    zet_opmaak(ax.yaxis, "getal")
    ax.legend(loc="upper right")
    return _klaar(ax, eigen, titel, "verloren na ... zonder aankoop", "klanten die 'verloren' heetten")


def blijfcurve(
    herhaalkans: float, blijfkans: float, jaren: int = 8, titel: str = "", ax: Axes | None = None
) -> Figure | Axes:
    """Hoeveel van je klanten van vandaag zijn over 1, 2, ... jaar nog klant? Twee lijnen: met de
    ``blijfkans`` (wie een jaar overslaat, blijft klant: ``blijfkans ** t``) en zoals je zou denken met
    de ``herhaalkans`` als retentie (wie een jaar niet koopt, is weg: ``herhaalkans ** t``).
    Het vlak ertussen is wat je onderschat als je de twee verwart.

    >>> fig = blijfcurve(0.6, 0.9, jaren=2)
    >>> [np.round(lijn.get_ydata(), 2).tolist() for lijn in fig.axes[0].lines]
    [[1.0, 0.9, 0.81], [1.0, 0.6, 0.36]]
    """
    for naam, kans in (("herhaalkans", herhaalkans), ("blijfkans", blijfkans)):
        if not 0 <= kans <= 1:
            raise InvoerFout(f"De {naam} is een kans tussen 0 en 1, niet {kans}.")
    if jaren < 1:
        raise InvoerFout(f"Geef minstens 1 jaar, niet {jaren}.")
    t = np.arange(jaren + 1)
    eigen = ax is not None
    ax = _as(ax)
    ax.plot(t, blijfkans**t, marker="o", color=PALET[0], linewidth=2.5,
            label=f"nog klant (blijfkans {procent(blijfkans, 0)})")  # fmt: skip
    ax.plot(t, herhaalkans**t, marker="o", color=PALET[1], linestyle="--",
            label=f"als overslaan 'weg' betekende (herhaalkans {procent(herhaalkans, 0)})")  # fmt: skip
    ax.fill_between(t, herhaalkans**t, blijfkans**t, color=PALET[0], alpha=0.12)
    ax.set_ylim(0, 1.05)
    ax.set_xticks(t)
    zet_opmaak(ax.yaxis, "procent")
    ax.legend(loc="upper right")
    return _klaar(ax, eigen, titel, "jaren vanaf nu", "deel van je klanten van vandaag")

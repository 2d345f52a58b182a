"""De bouwstenen van de grafieken: huisstijl, Belgische opmaak op de assen en de basisgrafieken."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.opmaak import euro, getal, procent

PALET = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
"""Okabe-Ito: acht kleuren die ook bij kleurenblindheid te onderscheiden zijn."""

MAANDNAMEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
MAANDEN_KORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

Opmaak = Literal["euro", "procent", "getal"] | None


class Grafiek(Figure):
    """Een matplotlib-figuur die zichzelf als afbeelding toont in Jupyter."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png")
        return buffer.getvalue()


LETTERSCHAAL = 1.1
"""Letters 10% groter dan matplotlib standaard toont: leesbaar op een projector."""

HUISSTIJL: dict[str, object] = {
    # het raster en de kleuren van seaborn's stijl "whitegrid", zonder seaborn te laden (dat kost
    # bij elke kernelstart seconden): een licht raster achter de gegevens, geen tickstreepjes
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": ".8",
    "axes.labelcolor": ".15",
    "axes.axisbelow": True,
    "axes.grid": True,
    "axes.spines.left": True,
    "axes.spines.bottom": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "grid.color": ".8",
    "grid.linestyle": "-",
    "text.color": ".15",
    "xtick.color": ".15",
    "ytick.color": ".15",
    "xtick.direction": "out",
    "ytick.direction": "out",
    "xtick.top": False,
    "ytick.right": False,
    "xtick.bottom": False,
    "ytick.left": False,
    "font.family": ["sans-serif"],
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans", "sans-serif"],
    "lines.solid_capstyle": "round",
    "patch.edgecolor": "w",
    "patch.force_edgecolor": True,
    # lijndiktes en lettergroottes (seaborn's context "notebook"), letters maal LETTERSCHAAL
    "axes.linewidth": 1.25,
    "grid.linewidth": 1,
    "lines.linewidth": 1.5,
    "lines.markersize": 6,
    "patch.linewidth": 1,
    "xtick.major.width": 1.25,
    "ytick.major.width": 1.25,
    "xtick.minor.width": 1,
    "ytick.minor.width": 1,
    "xtick.major.size": 6,
    "ytick.major.size": 6,
    "xtick.minor.size": 4,
    "ytick.minor.size": 4,
    "font.size": 12 * LETTERSCHAAL,
    "axes.labelsize": 12 * LETTERSCHAAL,
    "xtick.labelsize": 11 * LETTERSCHAAL,
    "ytick.labelsize": 11 * LETTERSCHAAL,
    "legend.fontsize": 11 * LETTERSCHAAL,
    "legend.title_fontsize": 12 * LETTERSCHAAL,
    # eigen keuzes van KlantLab
    "axes.prop_cycle": mpl.cycler(color=[mpl.colors.to_rgb(kleur) for kleur in PALET]),
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "legend.frameon": False,
}
"""De matplotlib-instellingen van de huisstijl (zie `stel_stijl_in`)."""


def stel_stijl_in() -> None:
    """De huisstijl van KlantLab: lichte achtergrond met raster, leesbare letters, kleurenblind-veilig.

    >>> stel_stijl_in()
    >>> import matplotlib as mpl
    >>> mpl.colors.to_hex(mpl.rcParams["axes.prop_cycle"].by_key()["color"][0]).upper()
    '#0072B2'
    """
    mpl.rcParams.update(HUISSTIJL)


def _decimalen(ticks: Sequence[float]) -> int:
    """Het kleinste aantal decimalen (0 tot 3) waarmee elke tick exact getoond wordt.

    >>> _decimalen([0, 10, 20]), _decimalen([3.0, 3.5]), _decimalen([3.0, 3.25]), _decimalen([1 / 3])
    (0, 1, 2, 3)
    """
    for decimalen in range(3):
        if all(abs(round(t, decimalen) - t) <= 1e-9 * max(1.0, abs(t)) for t in ticks):
            return decimalen
    return 3


def zet_opmaak(as_: Axis, opmaak: Opmaak) -> None:
    """Zet de getallen op een as in Belgische notatie: ``"euro"``, ``"procent"`` (aandelen) of ``"getal"``.

    Het aantal decimalen past zich aan de ticks van de as aan (bedragen: hele euro's of centen).

    >>> fig = Grafiek()
    >>> ax = fig.add_subplot()
    >>> _ = ax.set_ylim(0, 0.5)
    >>> zet_opmaak(ax.yaxis, "procent")
    >>> ax.yaxis.get_major_formatter()(0.25, 0)
    '25%'
    """
    if opmaak is None:
        return
    functies: dict[str, tuple[Callable[[float, int], str], float]] = {
        "euro": (lambda w, d: euro(w, 2 if d else 0), 1.0),  # geld: hele euro's of centen
        "procent": (procent, 100.0),
        "getal": (getal, 1.0),
    }
    if opmaak not in functies:
        raise InvoerFout(f"Onbekende opmaak {opmaak!r}. Kies uit: 'euro', 'procent', 'getal' of None.")
    functie, schaal = functies[opmaak]

    def formatteer(waarde: float, positie: int | None = None) -> str:
        return functie(waarde, _decimalen([t * schaal for t in as_.get_majorticklocs()]))

    as_.set_major_formatter(FuncFormatter(formatteer))


def _as(ax: Axes | None, grootte: tuple[float, float] | None = None) -> Axes:
    if ax is not None:
        return ax
    figuur = Grafiek(figsize=grootte or mpl.rcParams["figure.figsize"], layout="constrained")
    return figuur.add_subplot()


def _klaar(ax: Axes, eigen: bool, titel: str, x_label: str | None, y_label: str | None) -> Figure | Axes:
    ax.set_title(titel, wrap=True)  # een lange titel loopt over twee regels, niet buiten de figuur
    if x_label is not None:
        ax.set_xlabel(x_label)
    if y_label is not None:
        ax.set_ylabel(y_label)
    return ax if eigen else ax.figure


def _reeks(waarden: pd.Series, naam: str) -> pd.Series:
    if not isinstance(waarden, pd.Series):
        raise InvoerFout(f"Verwacht een reeks (pandas Series) voor '{naam}', kreeg {type(waarden).__name__}.")
    vereis_niet_leeg(waarden, naam)
    return waarden


def staafdiagram(
    reeks: pd.Series,
    titel: str = "",
    x_label: str | None = None,
    y_label: str | None = None,
    opmaak: Opmaak = None,
    liggend: bool = False,
    waarden_tonen: bool = True,
    ax: Axes | None = None,
) -> Figure | Axes:
    """Een staaf per label van ``reeks`` (de index), met de waarde boven elke staaf.

    ``liggend=True`` tekent liggende staven (handig bij lange labels).

    >>> import pandas as pd
    >>> fig = staafdiagram(pd.Series({"A": 0.5, "B": 0.3, "C": 0.2}), titel="ABC", opmaak="procent")
    >>> [round(float(p.get_height()), 2) for p in fig.axes[0].patches]
    [0.5, 0.3, 0.2]
    """
    reeks = _reeks(reeks, "reeks")
    eigen = ax is not None
    ax = _as(ax)
    labels = [str(label) for label in reeks.index]
    waarden = reeks.to_numpy(dtype=float)
    staven = ax.barh(labels, waarden) if liggend else ax.bar(labels, waarden)
    as_waarden = ax.xaxis if liggend else ax.yaxis
    if liggend:
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.locator_params(axis="x", nbins=5)  # bedragen naast elkaar: niet te veel, anders overlappen ze
    else:
        ax.grid(axis="x", visible=False)
        if sum(len(label) for label in labels) > 60:
            ax.tick_params(axis="x", labelrotation=30)
    zet_opmaak(as_waarden, opmaak)
    if waarden_tonen and len(labels) <= 15:
        formatteer = as_waarden.get_major_formatter()
        ax.bar_label(staven, labels=[formatteer(w, 0) for w in waarden], padding=2, fontsize="small")
        ax.margins(**{"x" if liggend else "y": 0.1})  # ruimte voor het getal boven (naast) de langste staaf
    return _klaar(ax, eigen, titel, x_label, y_label)


def seizoenslijn(
    gegevens: pd.Series | pd.DataFrame,
    titel: str = "",
    y_label: str | None = None,
    opmaak: Opmaak = None,
    ax: Axes | None = None,
) -> Figure | Axes:
    """Een lijn over de maanden van het jaar (index 1..12) of over de tijd (index met datums).

    Een DataFrame geeft één lijn per kolom (bv. één per jaar), met legende.

    >>> import pandas as pd
    >>> fig = seizoenslijn(pd.Series(range(1, 13), index=range(1, 13)), titel="Seizoen")
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()][:3]
    ['jan', 'feb', 'mrt']
    """
    tabel = gegevens.to_frame() if isinstance(gegevens, pd.Series) else gegevens
    if not isinstance(tabel, pd.DataFrame):
        raise InvoerFout(f"Verwacht een reeks of tabel voor 'gegevens', kreeg {type(gegevens).__name__}.")
    vereis_niet_leeg(tabel, "gegevens")
    eigen = ax is not None
    ax = _as(ax)
    index = tabel.index
    per_maand = not isinstance(index, pd.DatetimeIndex | pd.PeriodIndex)
    if per_maand and not set(index).issubset(range(1, 13)):
        raise InvoerFout("De index van een seizoenslijn moet maanden 1..12 of datums bevatten.")
    x = index.to_timestamp() if isinstance(index, pd.PeriodIndex) else index
    for kolom in tabel.columns:
        ax.plot(x, tabel[kolom].to_numpy(dtype=float), marker="o", markersize=4, label=str(kolom))
    if per_maand:
        ax.set_xticks(range(1, 13), MAANDEN_KORT)
    else:
        ax.xaxis.set_major_formatter(FuncFormatter(_maand_jaar))
    if tabel.shape[1] > 1:
        ax.legend(title=tabel.columns.name)
    zet_opmaak(ax.yaxis, opmaak)
    return _klaar(ax, eigen, titel, None, y_label)


def _maand_jaar(waarde: float, positie: int | None = None) -> str:
    datum = mpl.dates.num2date(waarde)
    return f"{MAANDEN_KORT[datum.month - 1]} {datum.year}"


def histogram(
    waarden: pd.Series,
    titel: str = "",
    x_label: str | None = None,
    y_label: str | None = "aantal",
    opmaak: Opmaak = None,
    klassen: int = 30,
    mediaan: bool = True,
    ax: Axes | None = None,
) -> Figure | Axes:
    """De verdeling van ``waarden`` in ``klassen`` staven, met een lijn op de mediaan.

    >>> import pandas as pd
    >>> fig = histogram(pd.Series([1.0, 2.0, 2.0, 3.0]), klassen=3, titel="Verdeling")
    >>> [int(p.get_height()) for p in fig.axes[0].patches]
    [1, 2, 1]
    """
    waarden = _reeks(waarden, "waarden").dropna()
    eigen = ax is not None
    ax = _as(ax)
    ax.hist(waarden.to_numpy(dtype=float), bins=klassen, color=PALET[0], edgecolor="white")
    zet_opmaak(ax.xaxis, opmaak)
    if mediaan:
        midden = float(waarden.median())
        tekst = ax.xaxis.get_major_formatter()(midden, 0) if opmaak else getal(midden, 1)
        ax.axvline(midden, color=PALET[5], linestyle="--", label=f"mediaan: {tekst}")
        ax.legend()
    ax.grid(axis="x", visible=False)
    return _klaar(ax, eigen, titel, x_label, y_label)


def concentratiecurve(
    curve: pd.DataFrame,
    titel: str = "",
    soort: Literal["lorenz", "pareto"] = "pareto",
    markeer: float | None = 0.2,
    waarde: str = "omzet",
    ax: Axes | None = None,
) -> Figure | Axes:
    """Lorenz- of Paretocurve uit de tabel van `helpers.abc.lorenz` (``aandeel_klanten``, ``aandeel_waarde``).

    ``"pareto"`` zet de beste klanten links ("de beste 20% brengt 70% van de omzet");
    ``"lorenz"`` zet de kleinste klanten links, met de diagonaal van gelijke verdeling.
    ``markeer`` zet een punt op dat aandeel klanten, met het bijbehorende aandeel van de ``waarde``.

    >>> import pandas as pd
    >>> curve = pd.DataFrame({"aandeel_klanten": [0, 0.5, 1], "aandeel_waarde": [0, 0.2, 1]})
    >>> fig = concentratiecurve(curve, markeer=0.5)
    >>> print(fig.axes[0].texts[0].get_text())
    de beste 50% van de klanten:
    80% van de omzet
    """
    vereis_kolommen(curve, ["aandeel_klanten", "aandeel_waarde"], "curve")
    vereis_niet_leeg(curve, "curve")
    if soort not in ("lorenz", "pareto"):
        raise InvoerFout(f"Onbekende soort {soort!r}: kies 'lorenz' of 'pareto'.")
    x = curve["aandeel_klanten"].to_numpy(dtype=float)
    y = curve["aandeel_waarde"].to_numpy(dtype=float)
    if soort == "pareto":
        x, y = (1 - x)[::-1], (1 - y)[::-1]
    eigen = ax is not None
    ax = _as(ax, (6.0, 5.0))
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="iedereen evenveel")
    ax.plot(x, y, color=PALET[0], linewidth=2.5, label=soort.capitalize() + "curve")
    if markeer is not None:
        hoogte = float(np.interp(markeer, x, y))
        wie = "de beste" if soort == "pareto" else "de kleinste"
        ax.plot([markeer], [hoogte], "o", color=PALET[5])
        tekst = ax.annotate(
            f"{wie} {procent(markeer, 0)} van de klanten:\n{procent(hoogte, 0)} van de {waarde}",
            (markeer, hoogte),
            xytext=(12, -36 if soort == "pareto" else 12),
            textcoords="offset points",
        )
        tekst.set_in_layout(False)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    zet_opmaak(ax.xaxis, "procent")
    zet_opmaak(ax.yaxis, "procent")
    ax.legend(loc="lower right" if soort == "pareto" else "upper left")
    volgorde = "van beste naar kleinste" if soort == "pareto" else "van kleinste naar beste"
    return _klaar(ax, eigen, titel, f"aandeel klanten ({volgorde})", f"aandeel {waarde}")


def _labelplaatsen(xs: np.ndarray, ys: np.ndarray) -> list[tuple[int, int, str, str]]:
    """Waar het label van elk punt komt (verschuiving in punten, horizontale en verticale uitlijning).

    Rechts op de kaart staat het label links van het punt, zodat het niet buiten de figuur loopt.
    Liggen twee punten dicht bij elkaar, dan komt het label van het laagste punt eronder.

    >>> _labelplaatsen(np.array([1.0, 4.0, 4.1]), np.array([3.0, 2.0, 2.02]))
    [(7, 5, 'left', 'bottom'), (-7, -5, 'right', 'top'), (-7, 5, 'right', 'bottom')]
    """
    breedte = max(float(np.ptp(xs)), 1e-9)
    hoogte = max(float(np.ptp(ys)), 1e-9)
    rechts = xs > xs.min() + breedte / 2
    dicht = (np.abs(xs[:, None] - xs[None, :]) < 0.3 * breedte) & (
        np.abs(ys[:, None] - ys[None, :]) < 0.08 * hoogte
    )
    lager = (ys[:, None] < ys[None, :]) | (
        (ys[:, None] == ys[None, :]) & (np.arange(len(xs))[:, None] < np.arange(len(xs))[None, :])
    )
    onder = (dicht & lager).any(axis=1)
    return [
        (-7 if r else 7, -5 if o else 5, "right" if r else "left", "top" if o else "bottom")
        for r, o in zip(rechts, onder, strict=True)
    ]


def positioneringskaart(
    tabel: pd.DataFrame,
    x: str,
    y: str,
    titel: str = "",
    x_label: str | None = None,
    y_label: str | None = None,
    kruis: tuple[float, float] | None = None,
    ax: Axes | None = None,
    vakken: Mapping[str, str] | None = None,
) -> Figure | Axes:
    """Perceptuele kaart: één punt per rij (label = index), op de kolommen ``x`` en ``y``.

    Twee stippellijnen delen de kaart in vier vakken, standaard op het gemiddelde van ``x`` en ``y``
    (of op ``kruis``). ``vakken`` zet een korte lezing in de hoeken, met de sleutels ``rechtsboven``,
    ``linksboven``, ``linksonder`` en ``rechtsonder`` (bv. "waar voor je geld én service").

    >>> import pandas as pd
    >>> t = pd.DataFrame({"prijs": [3.2, 4.1], "service": [4.5, 3.0]}, index=["Wij", "Keten"])
    >>> fig = positioneringskaart(t, "prijs", "service")
    >>> [tekst.get_text() for tekst in fig.axes[0].texts]
    ['Wij', 'Keten']
    """
    vereis_kolommen(tabel, [x, y], "tabel")
    vereis_niet_leeg(tabel, "tabel")
    eigen = ax is not None
    ax = _as(ax, (7.0, 6.0))
    xs, ys = tabel[x].to_numpy(dtype=float), tabel[y].to_numpy(dtype=float)
    kleuren = [PALET[i % len(PALET)] for i in range(len(tabel))]
    ax.scatter(xs, ys, s=90, c=kleuren, zorder=3)
    for label, px, py, (dx, dy, ha, va) in zip(tabel.index, xs, ys, _labelplaatsen(xs, ys), strict=True):
        ax.annotate(str(label), (px, py), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va)
    midden_x, midden_y = kruis if kruis is not None else (float(np.mean(xs)), float(np.mean(ys)))
    ax.axvline(midden_x, color="grey", linestyle=":")
    ax.axhline(midden_y, color="grey", linestyle=":")
    ax.margins(0.15)
    hoeken = {
        "rechtsboven": (0.98, 0.98),
        "linksboven": (0.02, 0.98),
        "linksonder": (0.02, 0.02),
        "rechtsonder": (0.98, 0.02),
    }
    for hoek, tekst in (vakken or {}).items():
        if hoek not in hoeken:
            raise InvoerFout(f"Onbekend vak {hoek!r}: kies uit {', '.join(hoeken)}.")
        hx, hy = hoeken[hoek]
        rechts, boven = hx > 0.5, hy > 0.5
        ax.text(
            hx, hy, tekst, transform=ax.transAxes, ha="right" if rechts else "left",
            va="top" if boven else "bottom", fontsize=8, color="grey", style="italic",
        )  # fmt: skip
    zet_opmaak(ax.xaxis, "getal")
    zet_opmaak(ax.yaxis, "getal")
    return _klaar(ax, eigen, titel, x_label or x, y_label or y)


def likertbalken(
    samenvatting: pd.DataFrame,
    titel: str = "",
    antwoorden: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Figure | Axes:
    """Liggende 'diverging' balken per item uit `helpers.enquete.likert_samenvatting`.

    Elke balk begint bij ``links`` en stapelt ``aandeel_1``, ``aandeel_2``, ...: negatieve antwoorden
    links van nul, positieve rechts, het neutrale midden half om half. ``antwoorden`` geeft de namen
    van de schaalpunten voor de legende (standaard 1, 2, ...).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"aandeel_1": [0.2], "aandeel_2": [0.2], "aandeel_3": [0.6], "links": [-0.7]},
    ...                  index=["prijs"])
    >>> fig = likertbalken(s)
    >>> [round(float(p.get_x()), 2) for p in fig.axes[0].patches]
    [-0.7, -0.5, -0.3]
    """
    vereis_kolommen(samenvatting, ["links"], "samenvatting")
    vereis_niet_leeg(samenvatting, "samenvatting")
    kolommen = sorted(
        (k for k in samenvatting.columns if k.startswith("aandeel_") and k[8:].isdigit()),
        key=lambda k: int(k[8:]),
    )
    if not kolommen:
        raise InvoerFout(
            "De samenvatting heeft geen kolommen aandeel_1, aandeel_2, ... (zie likert_samenvatting)."
        )
    namen = list(antwoorden) if antwoorden is not None else [k[8:] for k in kolommen]
    if len(namen) != len(kolommen):
        raise InvoerFout(f"Geef {len(kolommen)} namen voor de antwoorden, niet {len(namen)}.")
    eigen = ax is not None
    ax = _as(ax, (8.0, 0.6 * len(samenvatting) + 1.8))
    labels = [str(label) for label in samenvatting.index]
    begin = samenvatting["links"].to_numpy(dtype=float)
    # rood (negatief) tot blauw (positief), gelijk verdeeld zonder de uiterste tinten
    kleuren = [tuple(k[:3]) for k in mpl.colormaps["RdBu"](np.linspace(0, 1, len(kolommen) + 2)[1:-1])]
    if len(kolommen) % 2:  # het neutrale midden in grijs, zichtbaar op een witte achtergrond
        kleuren[len(kolommen) // 2] = (0.78, 0.78, 0.78)
    for kolom, naam, kleur in zip(kolommen, namen, kleuren, strict=True):
        breedte = samenvatting[kolom].to_numpy(dtype=float)
        ax.barh(labels, breedte, left=begin, color=kleur, label=naam, edgecolor="white")
        begin = begin + breedte
    ax.axvline(0, color="#333333", linewidth=1)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    zet_opmaak(ax.xaxis, "procent")
    formatteer = ax.xaxis.get_major_formatter()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda w, p: formatteer(abs(w), p)))
    ax.legend(ncols=len(kolommen), loc="upper center", bbox_to_anchor=(0.5, -0.12))
    return _klaar(ax, eigen, titel, "aandeel antwoorden (negatief links, positief rechts)", None)


def kalenderlijn(
    reeks: pd.Series,
    titel: str = "",
    y_label: str | None = None,
    opmaak: Opmaak = None,
    sperperiode: bool = True,
    ax: Axes | None = None,
) -> Figure | Axes:
    """Een lijn over de tijd (index met datums of periodes) met de solden en de sperperiodes ingekleurd.

    De solden (groen) en de sperperiodes (oranje) komen uit `helpers.kalender`; ``sperperiode=False``
    laat die laatste weg (bv. voor een zaak die er niet onder valt).

    >>> import pandas as pd
    >>> weken = pd.period_range("2025-01-06", periods=52, freq="W")
    >>> fig = kalenderlijn(pd.Series(range(52), index=weken, dtype=float), titel="Per week")
    >>> fig.axes[0].get_legend_handles_labels()[1]
    ['omzet', 'solden', 'sperperiode']
    """
    from helpers.kalender import soldenperiodes, sperperiodes

    reeks = _reeks(reeks, "reeks")
    index = reeks.index
    if not isinstance(index, pd.DatetimeIndex | pd.PeriodIndex):
        raise InvoerFout("De index van een kalenderlijn moet datums of periodes bevatten (bv. per week).")
    x = index.to_timestamp() if isinstance(index, pd.PeriodIndex) else index
    eigen = ax is not None
    ax = _as(ax, (9.0, 4.5))
    ax.plot(x, reeks.to_numpy(dtype=float), color=PALET[0], linewidth=1.8, label=str(reeks.name or "omzet"))
    begin, einde = x.min(), x.max()
    soorten = [("solden", soldenperiodes, PALET[2])]
    if sperperiode:
        soorten.append(("sperperiode", sperperiodes, PALET[1]))
    for label, periodes, kleur in soorten:
        vakken = [
            (max(a, begin), min(b + pd.Timedelta(days=1), einde))
            for jaar in range(begin.year - 1, einde.year + 1)
            for a, b in periodes(jaar)
            if a <= einde and b >= begin
        ]
        for i, (a, b) in enumerate(vakken):
            ax.axvspan(a, b, color=kleur, alpha=0.2, linewidth=0, label=label if i == 0 else None)
    ax.set_xlim(begin, einde)
    maanden = (einde.year - begin.year) * 12 + einde.month - begin.month + 1
    stap = max(1, math.ceil(maanden / 13))  # hooguit een dertiental ticks, januari altijd erbij
    ax.xaxis.set_major_locator(mpl.dates.MonthLocator(bymonth=range(1, 13, stap)))
    ax.xaxis.set_major_formatter(FuncFormatter(_maand_of_jaar))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=3)
    zet_opmaak(ax.yaxis, opmaak)
    return _klaar(ax, eigen, titel, None, y_label)


def _maand_of_jaar(waarde: float, positie: int | None = None) -> str:
    """Korte maandnaam; in januari (en op de eerste tick) met het jaartal erbij."""
    datum = mpl.dates.num2date(waarde)
    kort = MAANDEN_KORT[datum.month - 1]
    return f"{kort} {datum.year}" if datum.month == 1 or positie == 0 else kort


def keuze_k(tabel: pd.DataFrame, titel: str = "Hoeveel segmenten?") -> Figure:
    """Elleboog en silhouet naast elkaar, uit de tabel van `helpers.segmentatie.kies_k`.

    Links de ``inertie`` per k met de knik (elleboog) gemarkeerd, rechts de ``silhouet``-score met de
    aanbevolen k. Een k waarbij een segment te klein is (``te_klein``), staat als open rondje.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"inertie": [90.0, 40, 30], "silhouet": [0.3, 0.5, 0.4],
    ...                   "te_klein": [False, False, True], "knik": [False, True, False],
    ...                   "aanbevolen": [False, True, False]}, index=pd.Index([2, 3, 4], name="k"))
    >>> fig = keuze_k(t)
    >>> [ax.get_title() for ax in fig.axes], fig.axes[1].texts[0].get_text()
    (['Elleboog: inertie', 'Silhouet: hoe goed gescheiden'], 'aanbevolen: k = 3')
    """
    vereis_kolommen(tabel, ["inertie", "silhouet", "te_klein", "knik", "aanbevolen"], "tabel")
    vereis_niet_leeg(tabel, "tabel")
    figuur = Grafiek(figsize=(10.0, 4.2), layout="constrained")
    links, rechts = figuur.subplots(1, 2)
    k = tabel.index.to_numpy()
    klein = tabel["te_klein"].to_numpy(dtype=bool)
    delen = ((links, "inertie", "knik", "Elleboog: inertie", "elleboog"),
             (rechts, "silhouet", "aanbevolen", "Silhouet: hoe goed gescheiden", "aanbevolen"))  # fmt: skip
    for ax, kolom, merk, kop, woord in delen:
        y = tabel[kolom].to_numpy(dtype=float)
        ax.plot(k, y, color=PALET[0], linewidth=1.8, zorder=2)
        ax.scatter(k[~klein], y[~klein], color=PALET[0], s=36, zorder=3, label="elk segment groot genoeg")
        if klein.any():
            ax.scatter(k[klein], y[klein], facecolors="white", edgecolors=PALET[5], s=36, zorder=3,
                       label="een segment te klein")  # fmt: skip
        gekozen = tabel[merk].to_numpy(dtype=bool)
        if gekozen.any():
            kx, ky = k[gekozen][0], y[gekozen][0]
            ax.scatter([kx], [ky], s=160, facecolors="none", edgecolors=PALET[1], linewidths=2.5, zorder=4)
            ax.annotate(
                f"{woord}: k = {kx}",
                (kx, ky),
                xytext=(10, -4),
                textcoords="offset points",
                va="top",
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
            )
        ax.set_xticks(k)
        ax.grid(axis="x", visible=False)
        zet_opmaak(ax.yaxis, "getal")
        _klaar(ax, True, kop, "aantal segmenten k", None)
    figuur.legend(*rechts.get_legend_handles_labels(), loc="outside lower center", ncols=2, fontsize="small")
    figuur.suptitle(titel, fontweight="bold")
    return figuur

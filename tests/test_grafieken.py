"""Charts: the data drawn equals the data given, axes in Belgian notation, no pyplot leaks, no warnings."""

from __future__ import annotations

import itertools

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.ticker import FixedLocator

from helpers import grafieken
from helpers.abc import lorenz
from helpers.controle import InvoerFout
from helpers.enquete import likert_samenvatting


@pytest.fixture(autouse=True)
def stijl():
    with mpl.rc_context():  # the global matplotlib settings are restored after each test
        grafieken.stel_stijl_in()
        yield
    # the chart functions never register figures with pyplot, so nothing leaks
    assert plt.get_fignums() == []


def test_style_uses_the_colour_blind_palette():
    kleuren = [mpl.colors.to_hex(k).upper() for k in mpl.rcParams["axes.prop_cycle"].by_key()["color"]]
    assert kleuren == grafieken.PALET


@pytest.mark.parametrize(
    ("opmaak", "ticks", "waarde", "tekst"),
    [
        ("euro", [0, 2500, 5000], 5000, "€ 5.000"),  # whole ticks -> whole euros
        ("euro", [0, 0.5, 1, 1.5], 1.5, "€ 1,50"),  # ticks need 1 decimal -> money in cents
        ("procent", [0, 0.25, 0.5], 0.25, "25%"),  # 0, 25, 50 percent: no decimals
        ("procent", [0.02, 0.025, 0.03], 0.025, "2,5%"),  # 2, 2.5, 3 percent: 1 decimal
        ("getal", [0, 1_000_000, 2_000_000], 1_234_567, "1.234.567"),
        ("getal", [3.0, 3.25, 3.5], 3.25, "3,25"),  # quarter steps need 2 decimals
        ("getal", [-3, -1.5, 0], -1.5, "-1,5"),
    ],
)
def test_axis_format_is_belgian_and_fits_the_ticks(opmaak, ticks, waarde, tekst):
    ax = grafieken.Grafiek().add_subplot()
    ax.yaxis.set_major_locator(FixedLocator(ticks))
    grafieken.zet_opmaak(ax.yaxis, opmaak)
    assert ax.yaxis.get_major_formatter()(waarde, 0) == tekst


def test_unknown_format_is_refused():
    ax = grafieken.Grafiek().add_subplot()
    with pytest.raises(InvoerFout, match="Onbekende opmaak 'dollar'"):
        grafieken.zet_opmaak(ax.yaxis, "dollar")


def test_bar_chart_draws_the_values_with_labels():
    reeks = pd.Series({"winkel": 1200.0, "webshop": 300.5})
    fig = grafieken.staafdiagram(reeks, titel="Omzet per kanaal", y_label="omzet", opmaak="euro")
    assert isinstance(fig, grafieken.Grafiek)
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [1200.0, 300.5]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["winkel", "webshop"]
    # the y axis runs to about 1 260, a span over 1 000 -> no decimals
    assert [t.get_text() for t in ax.texts] == ["€ 1.200", "€ 300"]
    assert (ax.get_title(), ax.get_ylabel()) == ("Omzet per kanaal", "omzet")


def test_a_long_title_wraps_and_stays_inside_the_picture():
    titel = "Maison Vanderhoven: netto-omzet in een gemiddelde maand, alle jaren van de dataset samen"
    fig = grafieken.seizoenslijn(pd.Series(np.arange(12.0), index=range(1, 13)), titel=titel, opmaak="euro")
    fig._repr_png_()  # draw it as the notebook shows it (with the constrained layout)
    kader = fig.axes[0].title.get_window_extent()
    breedte = fig.bbox.width
    assert 0 <= kader.x0 and kader.x1 <= breedte, (kader, breedte)
    assert fig.axes[0].get_title() == titel  # the text itself is unchanged; only the drawing wraps


def _overlapping_ticks(fig, as_: str) -> list[tuple[str, str]]:
    """Pairs of neighbouring tick labels whose drawn boxes overlap (after drawing the figure)."""
    fig._repr_png_()  # draw it as the notebook shows it (with the constrained layout)
    ax = fig.axes[0]
    labels = ax.get_xticklabels() if as_ == "x" else ax.get_yticklabels()
    zichtbaar = [t for t in labels if t.get_text()]
    kaders = sorted(((t.get_window_extent(), t.get_text()) for t in zichtbaar), key=lambda k: k[0].x0)
    return [(a[1], b[1]) for a, b in itertools.pairwise(kaders) if a[0].x1 > b[0].x0]


def test_horizontal_bars_with_large_amounts_have_readable_ticks():
    reeks = pd.Series({"voetbal": 1_327_270.0, "running": 805_788.0, "fietsen en outdoor": 559_279.0})
    fig = grafieken.staafdiagram(reeks, titel="Omzet per productlijn", opmaak="euro", liggend=True)
    assert _overlapping_ticks(fig, "x") == []


def test_short_labels_are_not_rotated():
    labels = [str(n) for n in range(1, 10)] + ["10 of meer"]
    fig = grafieken.staafdiagram(pd.Series(range(10, 0, -1), index=labels, dtype=float), opmaak="getal")
    assert {t.get_rotation() for t in fig.axes[0].get_xticklabels()} == {0.0}
    assert _overlapping_ticks(fig, "x") == []


def test_horizontal_bars_and_drawing_into_a_given_axes():
    fig = grafieken.Grafiek()
    ax = fig.add_subplot()
    uit = grafieken.staafdiagram(pd.Series({"a": 0.2, "b": 0.7}), liggend=True, opmaak="procent", ax=ax)
    assert uit is ax
    assert [p.get_width() for p in ax.patches] == [0.2, 0.7]
    assert ax.yaxis_inverted()


def test_bar_chart_refuses_non_series_and_empty_input():
    with pytest.raises(InvoerFout, match="reeks"):
        grafieken.staafdiagram([1, 2])
    with pytest.raises(InvoerFout, match="leeg"):
        grafieken.staafdiagram(pd.Series([], dtype=float))


def test_season_line_per_month_and_per_year():
    tabel = pd.DataFrame({2024: np.arange(1.0, 13.0), 2025: np.arange(2.0, 14.0)}, index=range(1, 13))
    tabel.columns.name = "jaar"
    fig = grafieken.seizoenslijn(tabel, titel="Seizoen", opmaak="euro")
    ax = fig.axes[0]
    assert len(ax.lines) == 2
    assert list(ax.lines[1].get_ydata()) == list(np.arange(2.0, 14.0))
    assert [t.get_text() for t in ax.get_xticklabels()] == grafieken.MAANDEN_KORT
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2024", "2025"]
    assert ax.get_legend().get_title().get_text() == "jaar"


def test_season_line_over_time_uses_dutch_month_names():
    reeks = pd.Series([1.0, 2.0, 3.0], index=pd.period_range("2025-01", periods=3, freq="M"))
    ax = grafieken.seizoenslijn(reeks).axes[0]
    formatteer = ax.xaxis.get_major_formatter()
    assert formatteer(mpl.dates.date2num(pd.Timestamp("2025-03-01")), 0) == "mrt 2025"
    with pytest.raises(InvoerFout, match=r"maanden 1\.\.12"):
        grafieken.seizoenslijn(pd.Series([1.0], index=[13]))


def test_histogram_counts_match_numpy():
    rng = np.random.default_rng(7)
    waarden = pd.Series(rng.gamma(2.0, 50.0, size=500))
    fig = grafieken.histogram(waarden, klassen=12, titel="Besteding", opmaak="euro")
    ax = fig.axes[0]
    verwacht, _ = np.histogram(waarden, bins=12)
    assert [int(p.get_height()) for p in ax.patches] == verwacht.tolist()
    mediaanlijn = ax.lines[0]
    assert mediaanlijn.get_xdata()[0] == pytest.approx(waarden.median())
    assert ax.get_legend().get_texts()[0].get_text().startswith("mediaan: €")


def test_concentration_curves_mark_the_top_share():
    curve = lorenz(pd.Series([30.0, 10.0, 60.0]))
    # best third of the customers (the one with 60) holds 60 / 100 of the value
    pareto = grafieken.concentratiecurve(curve, markeer=1 / 3).axes[0]
    assert pareto.texts[0].get_text() == "de beste 33% van de klanten:\n60% van de omzet"
    # smallest third (the one with 10) holds 10%
    lor = grafieken.concentratiecurve(curve, soort="lorenz", markeer=1 / 3, waarde="marge").axes[0]
    assert lor.texts[0].get_text() == "de kleinste 33% van de klanten:\n10% van de marge"
    x, y = pareto.lines[1].get_data()
    assert list(np.round(x, 6)) == [0, 0.333333, 0.666667, 1] and list(np.round(y, 6)) == [0, 0.6, 0.9, 1]
    with pytest.raises(InvoerFout, match="mist de kolom 'aandeel_waarde'"):
        grafieken.concentratiecurve(pd.DataFrame({"aandeel_klanten": [0, 1]}))
    with pytest.raises(InvoerFout, match="Onbekende soort"):
        grafieken.concentratiecurve(curve, soort="walvis")


def test_perceptual_map_labels_points_and_crosses_at_the_mean():
    tabel = pd.DataFrame(
        {"prijs": [3.2, 4.1, 2.0], "service": [4.5, 3.0, 3.9]}, index=["Wij", "Keten", "Web"]
    )
    ax = grafieken.positioneringskaart(tabel, "prijs", "service", titel="Kaart").axes[0]
    assert [t.get_text() for t in ax.texts] == ["Wij", "Keten", "Web"]
    assert np.allclose(ax.collections[0].get_offsets(), tabel.to_numpy())
    # mean price (3.2 + 4.1 + 2.0) / 3 = 3.1, mean service (4.5 + 3.0 + 3.9) / 3 = 3.8
    assert ax.lines[0].get_xdata()[0] == pytest.approx(3.1)
    assert ax.lines[1].get_ydata()[0] == pytest.approx(3.8)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("prijs", "service")
    ax.yaxis.set_major_locator(FixedLocator([3.0, 3.25, 3.5]))
    assert ax.yaxis.get_major_formatter()(3.25, 0) == "3,25"


def test_likert_bars_start_left_of_zero_from_the_survey_summary():
    enquete = pd.DataFrame({"prijs": [1, 2, 3, 4, 5], "sfeer": [5, 5, 4, 4, 3]})
    samenvatting = likert_samenvatting(enquete, items=["prijs", "sfeer"])
    ax = grafieken.likertbalken(samenvatting, titel="Tevredenheid").axes[0]
    # prijs: each answer 1/5; starts at -(0.2 + 0.2 + 0.1) = -0.5
    # sfeer: 3 once (0.2), 4 and 5 twice (0.4 each); starts at -(0 + 0 + 0.1) = -0.1, then
    # -0.1 + 0 + 0 = -0.1 for answer 3, -0.1 + 0.2 = 0.1 for 4, 0.1 + 0.4 = 0.5 for 5
    eerste_balk = [p for p in ax.patches if p.get_y() < 0.5]
    assert [round(p.get_x(), 6) for p in eerste_balk] == [-0.5, -0.3, -0.1, 0.1, 0.3]
    tweede_balk = [p for p in ax.patches if p.get_y() > 0.5]
    assert [round(p.get_x(), 6) for p in tweede_balk] == [-0.1, -0.1, -0.1, 0.1, 0.5]
    assert [round(p.get_width(), 6) for p in tweede_balk] == [0, 0, 0.2, 0.4, 0.4]
    assert ax.xaxis.get_major_formatter()(-0.25, 0) == "25%"
    with pytest.raises(InvoerFout, match="Geef 5 namen"):
        grafieken.likertbalken(samenvatting, antwoorden=["slecht", "goed"])


def test_figure_shows_itself_as_png():
    fig = grafieken.staafdiagram(pd.Series({"a": 1.0}))
    assert fig._repr_png_().startswith(b"\x89PNG")


def test_map_labels_stay_inside_the_picture_and_do_not_overlap():
    # the scores of notebook 04 (kledingzaak): webshop and outlet lie close together at the right edge
    tabel = pd.DataFrame(
        {"prijs": [3.87, 3.78, 4.19, 2.82, 4.41], "service": [4.05, 2.65, 2.25, 3.86, 2.22]},
        index=["eigen winkel", "ketenwinkel in de stad", "webshop", "boetiek Het Kleerhuys", "outlet"],
    )
    fig = grafieken.positioneringskaart(tabel, "prijs", "service", titel="Prijs en service")
    fig._repr_png_()  # draw it as the notebook shows it (with the constrained layout)
    kaders = [t.get_window_extent() for t in fig.axes[0].texts]
    assert all(0 <= k.x0 and k.x1 <= fig.bbox.width for k in kaders)
    assert not any(a.overlaps(b) for a, b in itertools.combinations(kaders, 2))


@pytest.mark.parametrize("liggend", [False, True])
def test_value_labels_stay_inside_the_axes(liggend):
    reeks = pd.Series({"< 25 jaar": 572.0, "35-44 jaar": 1027.0, "≥ 65 jaar": 234.0})
    fig = grafieken.staafdiagram(reeks, titel="Personen per leeftijdsklasse", opmaak="getal", liggend=liggend)
    fig._repr_png_()  # draw it as the notebook shows it (with the constrained layout)
    ax = fig.axes[0]
    binnen = ax.get_window_extent()
    for tekst in ax.texts:
        kader = tekst.get_window_extent()
        assert kader.x1 <= binnen.x1 and kader.y1 <= binnen.y1, (tekst.get_text(), kader, binnen)


def test_house_style_equals_the_seaborn_theme_it_replaces():
    """Oracle: seaborn's own set_theme with the settings KlantLab used before dropping the import."""
    sns = pytest.importorskip("seaborn")
    with mpl.rc_context():
        sns.set_theme(
            context="notebook",
            style="whitegrid",
            palette=grafieken.PALET,
            font_scale=1.1,
            rc={
                "figure.figsize": (8.0, 4.5),
                "figure.dpi": 100,
                "savefig.dpi": 110,
                "axes.titlesize": 15,
                "axes.titleweight": "bold",
                "axes.spines.top": False,
                "axes.spines.right": False,
                "legend.frameon": False,
            },
        )
        seaborn_stijl = dict(mpl.rcParams)
    with mpl.rc_context():
        mpl.rcdefaults()
        grafieken.stel_stijl_in()
        eigen_stijl = dict(mpl.rcParams)
    verschil = {k for k in seaborn_stijl if seaborn_stijl[k] != eigen_stijl[k]}
    assert verschil == {"image.cmap"}  # seaborn's 'rocket' exists only when seaborn is loaded


def test_likert_colours_run_from_red_to_blue_with_a_grey_middle():
    sns = pytest.importorskip("seaborn")
    enquete = pd.DataFrame({"prijs": [1, 2, 3, 4, 5, 5], "sfeer": [2, 3, 3, 4, 4, 5]})
    samenvatting = likert_samenvatting(enquete, items=["prijs", "sfeer"])
    fig = grafieken.likertbalken(samenvatting, titel="Scores")
    kleuren = list(dict.fromkeys(mpl.colors.to_rgb(p.get_facecolor()) for p in fig.axes[0].patches))
    verwacht = [tuple(k) for k in sns.color_palette("RdBu", 5)]
    verwacht[2] = (0.78, 0.78, 0.78)
    assert np.allclose(kleuren, verwacht)

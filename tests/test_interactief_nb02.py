"""interactief.seizoensverkenner (notebook 02): lines are the library indexes, the list follows the shop."""

from __future__ import annotations

from types import SimpleNamespace

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.interactief import seizoensverkenner
from helpers.kpi import seizoenspatroon
from helpers.productseizoen import seizoen_per_groep


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


def winkel(profiel: str, rows: list[tuple[str, str, str, float]], producten: dict[str, tuple[str, str]]):
    ticket, datum, product, bedrag = zip(*rows, strict=True)
    tickets = pd.DataFrame(
        {
            "ticket_id": list(ticket),
            "datum": pd.to_datetime(list(datum)),
            "klant_id": None,
            "bedrag": list(bedrag),
        }
    )
    lijnen = pd.DataFrame({"ticket_id": list(ticket), "product_id": list(product), "bedrag": list(bedrag)})
    prod = pd.DataFrame(
        {
            "product_id": list(producten),
            "productlijn": [v[0] for v in producten.values()],
            "categorie": [v[1] for v in producten.values()],
        }
    )
    return SimpleNamespace(
        naam=f"Winkel {profiel}", profiel=profiel, tickets=tickets, ticketlijnen=lijnen, producten=prod
    )


SPORT = winkel(
    "sportzaak",
    [
        ("T1", "2025-01-10", "P1", 50.0),
        ("T2", "2025-08-01", "P1", 150.0),
        ("T3", "2025-09-05", "P2", 90.0),
        ("T4", "2025-12-20", "P3", 40.0),
    ],
    {
        "P1": ("voetbal", "voetbalschoenen"),
        "P2": ("voetbal", "scheidsrechterkledij"),
        "P3": ("running", "running"),
    },
)
KLEDING = winkel(
    "kledingzaak",
    [
        ("K1", "2025-03-01", "Q1", 70.0),
        ("K2", "2025-12-01", "Q2", 30.0),
        ("K3", "2025-10-01", "Q3", 100.0),
        ("K4", "2025-11-01", "Q4", 50.0),
    ],
    {"Q1": ("dames", "kleed"), "Q2": ("heren", "hemd"), "Q3": ("dames", "jas"), "Q4": ("heren", "jas")},
)


def lijnen(v) -> dict[str, np.ndarray]:
    return {lijn.get_label(): np.asarray(lijn.get_ydata()) for lijn in v.inhoud.axes[0].get_lines()}


def test_list_of_products_per_line_and_category_and_a_line_with_one_category_is_not_repeated():
    v = seizoensverkenner({"sportzaak": SPORT, "kledingzaak": KLEDING})
    labels = [label for label, _ in v.bedieningen["producten"].options]
    assert labels == [
        "de hele winkel",
        "running (hele lijn)",
        "voetbal (hele lijn)",
        "voetbal › scheidsrechterkledij",
        "voetbal › voetbalschoenen",
    ]


def test_lines_are_the_shop_pattern_and_the_chosen_group():
    v = seizoensverkenner({"sportzaak": SPORT, "kledingzaak": KLEDING})
    winkel_index = seizoenspatroon(SPORT.tickets)["seizoensindex"].to_numpy()
    assert list(lijnen(v)) == ["hele winkel", "gemiddelde maand"]
    np.testing.assert_allclose(lijnen(v)["hele winkel"], winkel_index)

    v.bedieningen["producten"].value = ("lijn_en_categorie", "voetbal › scheidsrechterkledij")
    per_categorie = seizoen_per_groep(SPORT.ticketlijnen, SPORT.tickets, SPORT.producten, groep="categorie")
    getekend = lijnen(v)
    scheids = getekend["voetbal › scheidsrechterkledij"]
    np.testing.assert_allclose(scheids, per_categorie["scheidsrechterkledij"])
    # hand check: only September sells referee kit in the one-year log: 90 / (90 / 12) = 12
    assert scheids[8] == pytest.approx(12.0)
    assert v.inhoud.axes[0].get_title() == "Winkel sportzaak: wanneer wordt er gekocht?"


def test_choosing_another_shop_updates_the_list_and_the_chart():
    v = seizoensverkenner({"sportzaak": SPORT, "kledingzaak": KLEDING})
    v.bedieningen["producten"].value = ("productlijn", "voetbal")
    v.bedieningen["winkel"].value = "kledingzaak"
    assert ("dames (hele lijn)", ("productlijn", "dames")) in v.bedieningen["producten"].options
    assert v.bedieningen["producten"].value == ("winkel", "")
    np.testing.assert_allclose(
        lijnen(v)["hele winkel"], seizoenspatroon(KLEDING.tickets)["seizoensindex"].to_numpy()
    )
    assert "voetbal" not in lijnen(v)
    v.bedieningen["producten"].value = ("productlijn", "dames")
    # dames: March 70 and October 100 in a log of March..December -> average month 170 / 12
    assert lijnen(v)["dames"][2] == pytest.approx(70 / (170 / 12))


def test_a_category_in_two_lines_is_two_choices():
    v = seizoensverkenner({"kledingzaak": KLEDING})
    waarden = [waarde for _, waarde in v.bedieningen["producten"].options]
    assert ("lijn_en_categorie", "dames › jas") in waarden
    assert ("lijn_en_categorie", "heren › jas") in waarden
    assert len(waarden) == len(set(waarden))
    v.bedieningen["producten"].value = ("lijn_en_categorie", "heren › jas")
    # only the heren coat of November (50): 50 / (50 / 12) = 12; the dames coat (October) is not in it
    heren_jas = lijnen(v)["heren › jas"]
    assert heren_jas[10] == pytest.approx(12.0)
    assert heren_jas[9] == 0


def test_needs_a_shop():
    with pytest.raises(InvoerFout, match="minstens één winkel"):
        seizoensverkenner({})

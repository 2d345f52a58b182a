"""interactief.sleutelfactorverkenner (notebook 08): the chosen segment's own drivers, beside everybody's."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.enquete import ITEMS, sleutelfactoren
from helpers.interactief import sleutelfactorverkenner


@pytest.fixture(autouse=True)
def stijl():
    grafieken.stel_stijl_in()
    yield
    assert plt.get_fignums() == []


def enquete() -> pd.DataFrame:
    """120 invented respondents. In segment 'prijsbewust' (K0..K59) the overall score follows the price
    item, in 'servicegericht' (K60..K119) the service item; 'klein' are 10 of them in another grouping."""
    rng = np.random.default_rng(8)
    n = 120
    items = {item: rng.integers(1, 6, n) for item in ITEMS}
    drijver = np.where(np.arange(n) < 60, items["prijs"], items["service"])
    return pd.DataFrame(
        {
            "klant_id": [f"K{i}" for i in range(n)],
            **items,
            "tevredenheid": np.clip(drijver + rng.integers(-1, 2, n), 1, 5),
            "aanbeveling": np.clip(2 * items["kwaliteit"] + rng.integers(-1, 2, n), 0, 10),
        }
    )


E = enquete()
KLANTEN = E["klant_id"]
INDELINGEN = {
    "voorkeur": pd.Series(["prijsbewust"] * 60 + ["servicegericht"] * 60, index=KLANTEN),
    "grootte": pd.Series(["klein"] * 10 + ["groot"] * 110, index=KLANTEN),
}


def staven(v) -> dict[str, float]:
    ax = v.inhoud.axes[0]
    return dict(
        zip([t.get_text() for t in ax.get_yticklabels()], (p.get_width() for p in ax.patches), strict=True)
    )


def test_each_segment_shows_its_own_driver_first():
    v = sleutelfactorverkenner(E, INDELINGEN)
    assert v.bedieningen["segment"].value == "prijsbewust"
    prijs = staven(v)
    assert next(iter(prijs)) == "prijs" and prijs["prijs"] > 0.5
    v.bedieningen["segment"].value = "servicegericht"
    service = staven(v)
    assert next(iter(service)) == "service" and service["service"] > 0.5
    # the bars are the segment's LMG shares, the marks those of all respondents
    eigen = sleutelfactoren(E.iloc[60:])["aandeel"]
    np.testing.assert_allclose(list(service.values()), eigen.to_numpy())
    alle = sleutelfactoren(E)["aandeel"].reindex(list(service))
    np.testing.assert_allclose(v.inhoud.axes[0].collections[0].get_offsets()[:, 0], alle.to_numpy())
    assert (
        "servicegericht" in v.inhoud.axes[0].get_title() and "60 antwoorden" in v.inhoud.axes[0].get_title()
    )


def test_the_segment_list_follows_the_grouping_and_small_groups_get_a_warning():
    v = sleutelfactorverkenner(E, INDELINGEN)
    v.bedieningen["indeling"].value = "grootte"
    assert v.bedieningen["segment"].options == (
        ("groot (110 antwoorden)", "groot"),
        ("klein (10 antwoorden)", "klein"),
    )
    assert next(iter(staven(v))) in ("prijs", "service")
    v.bedieningen["segment"].value = "klein"
    assert "Te weinig antwoorden voor klein" in v.inhoud.data


def test_the_target_can_be_the_recommendation():
    v = sleutelfactorverkenner(E, INDELINGEN)
    v.bedieningen["doel"].value = "aanbeveling"
    # the recommendation follows the quality item in every segment
    assert next(iter(staven(v))) == "kwaliteit"
    assert "aanbeveling" in v.inhoud.axes[0].get_title()


def test_no_grouping_is_a_dutch_error():
    with pytest.raises(InvoerFout, match="minstens één indeling"):
        sleutelfactorverkenner(E, {})

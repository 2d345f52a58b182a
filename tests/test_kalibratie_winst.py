"""Calibration of the shipped shops (CALIBRATION.md, "Cost to serve"): with the default rates the whale
curve peaks at 130%-250% of total profit, with a visible tail of loss-making customers."""

from __future__ import annotations

import pytest

from helpers.data import DATASETS, META, laad_winkel
from helpers.rendabiliteit import walvis_top, winst_van_winkel
from helpers.schema import PROFIELEN


@pytest.fixture(scope="module", params=PROFIELEN)
def top(request):
    profiel = request.param
    if not (DATASETS / profiel / META).is_file():
        pytest.skip(f"datasets/{profiel}/{META} is not generated yet")
    return walvis_top(winst_van_winkel(laad_winkel(profiel)))


def test_whale_curve_peak_between_130_and_250_percent(top):
    assert 1.30 <= top.hoogte <= 2.50, top


def test_visible_tail_of_loss_making_customers(top):
    # "visible": at least 5% of buying customers lose money and they eat at least 10% of total profit
    assert top.aandeel_verlieslatend >= 0.05, top
    assert -top.verlies >= 0.10 * top.totale_winst, top

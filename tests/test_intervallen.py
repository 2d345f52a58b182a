"""helpers.intervallen: Wilson against scipy, Newcombe against the published table and by hand."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from helpers.controle import InvoerFout
from helpers.intervallen import newcombe_interval, wilson_interval, z_waarde

# Newcombe R.G. (1998), Interval estimation for the difference between independent proportions:
# comparison of eleven methods. Statistics in Medicine 17, 873-890, Table II, method 10 (hybrid score,
# no continuity correction), 95% intervals for the six worked examples.
NEWCOMBE_TABEL_II = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
]


@pytest.mark.parametrize(("telling", "gepubliceerd"), NEWCOMBE_TABEL_II)
def test_newcombe_reproduces_the_published_table(telling, gepubliceerd):
    onder, boven = newcombe_interval(*telling)
    assert (float(onder), float(boven)) == pytest.approx(gepubliceerd, abs=5e-5)


def test_newcombe_vectorised_equals_one_by_one():
    tellingen = np.array([t for t, _ in NEWCOMBE_TABEL_II]).T
    onder, boven = newcombe_interval(*tellingen)
    verwacht = np.array([g for _, g in NEWCOMBE_TABEL_II])
    np.testing.assert_allclose(np.column_stack([onder, boven]), verwacht, atol=5e-5)


def test_zero_of_two_against_zero_of_two_by_hand():
    # Wilson(0, n) = [0, z^2 / (n + z^2)]; the difference of two such groups is +-z^2 / (2 + z^2)
    z2 = z_waarde(0.95) ** 2
    onder, boven = newcombe_interval(0, 2, 0, 2)
    assert (float(onder), float(boven)) == pytest.approx((-z2 / (2 + z2), z2 / (2 + z2)))
    assert float(boven) == pytest.approx(0.6576, abs=1e-4)


@settings(max_examples=80)
@given(st.integers(1, 300), st.data(), st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wilson_equals_scipy(n, data, betrouwbaarheid):
    x = data.draw(st.integers(0, n))
    onder, boven = wilson_interval(x, n, betrouwbaarheid)
    scipy = binomtest(x, n).proportion_ci(confidence_level=betrouwbaarheid, method="wilson")
    assert (float(onder), float(boven)) == pytest.approx((scipy.low, scipy.high), abs=1e-12)


@settings(max_examples=80)
@given(st.integers(1, 200), st.integers(1, 200), st.data())
def test_newcombe_contains_the_estimate_and_is_antisymmetric(n1, n2, data):
    x1, x2 = data.draw(st.integers(0, n1)), data.draw(st.integers(0, n2))
    onder, boven = newcombe_interval(x1, n1, x2, n2)
    verschil = x1 / n1 - x2 / n2
    assert -1 - 1e-12 <= onder <= verschil <= boven <= 1 + 1e-12
    assert boven - onder > 0  # never "certain", however small the groups
    omgekeerd = newcombe_interval(x2, n2, x1, n1)
    assert (float(omgekeerd[0]), float(omgekeerd[1])) == pytest.approx((-float(boven), -float(onder)))


def test_empty_group_and_bad_confidence():
    onder, boven = wilson_interval(0, 0)
    assert np.isnan(onder) and np.isnan(boven)
    with pytest.raises(InvoerFout, match="tussen 0 en 1"):
        newcombe_interval(1, 2, 1, 2, betrouwbaarheid=95)

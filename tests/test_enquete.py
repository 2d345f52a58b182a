"""Tests for helpers.enquete against hand computations, published figures and scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from helpers.controle import InvoerFout
from helpers.enquete import (
    ITEMS,
    antwoorden_nodig,
    cronbach_alpha,
    csat,
    likert_samenvatting,
    nonrespons,
    nps,
    nps_foutenmarge,
    nps_verschil,
    per_segment,
    segmenttoets,
    sleutelfactoren,
    tevredenheid_en_trouw,
)
from helpers.positie import positionering


# ---------------------------------------------------------------- NPS
def test_nps_hand_computed():
    # 20 answers: 9,10 x 8 -> promoters 8; 7,8 x 5 -> passives 5; 0..6 x 7 -> detractors 7; 2 missing.
    scores = [10] * 5 + [9] * 3 + [8] * 3 + [7] * 2 + [6] * 3 + [2] * 2 + [0] * 2 + [None] * 2
    uit = nps(pd.Series(scores, dtype="Int64"))
    assert (uit["n"], uit["ontbrekend"]) == (20, 2)
    assert (uit["promotors"], uit["passieven"], uit["criticasters"]) == (8, 5, 7)
    # NPS = 8/20 - 7/20 = 0.05 -> +5
    assert uit["nps"] == pytest.approx(5.0)
    assert uit["pct_promotors"] == pytest.approx(40.0)
    assert uit["pct_passieven"] == pytest.approx(25.0)
    assert uit["pct_criticasters"] == pytest.approx(35.0)
    # adjusted Wald (Rocks 2016): promoters 8.75, detractors 7.75, n 23 -> 0.380435 - 0.336957 = 0.043478;
    # var = (0.717391 - 0.043478^2) / 23 = 0.715501 / 23 = 0.031109; se = 0.176377; 1.959964 * se = 0.345693
    assert uit["methode"] == "aangepast"
    assert uit["ondergrens"] == pytest.approx(4.3478 - 34.5693, abs=1e-3)
    assert uit["bovengrens"] == pytest.approx(4.3478 + 34.5693, abs=1e-3)
    # plain Wald: var = (0.40 + 0.35 - 0.05^2) / 20 = 0.7475 / 20 = 0.037375; se = 0.193326; z*se = 0.378912
    wald = nps(pd.Series(scores, dtype="Int64"), methode="wald")
    assert wald["ondergrens"] == pytest.approx(5 - 37.8912, abs=1e-3)
    assert wald["bovengrens"] == pytest.approx(5 + 37.8912, abs=1e-3)


def test_nps_boundaries_of_groups():
    # 6 is a detractor, 7 and 8 passive, 9 a promoter
    uit = nps([6, 7, 8, 9])
    assert (uit["criticasters"], uit["passieven"], uit["promotors"]) == (1, 2, 1)
    assert uit["nps"] == 0


def test_nps_all_promoters_interval_is_clipped():
    wald = nps([10, 9, 10], methode="wald")
    assert wald["nps"] == 100
    assert wald["bovengrens"] == 100
    assert wald["ondergrens"] == 100  # zero variance: Wald's degenerate interval
    # adjusted: 3.75 promoters, 0.75 detractors, n 6 -> 0.5; var (0.75 - 0.25) / 6; 1.96 * 0.288675 = 0.565792
    uit = nps([10, 9, 10])
    assert uit["ondergrens"] == pytest.approx(50 - 56.5792, abs=1e-3)
    assert uit["bovengrens"] == 100  # 106.6 clipped


def test_nps_interval_matches_bootstrap():
    rng = np.random.default_rng(7)
    scores = rng.choice(np.arange(11), size=600, p=[0.02] * 5 + [0.05, 0.08, 0.12, 0.18, 0.24, 0.23])
    uit = nps(scores, betrouwbaarheid=0.90)
    # independent oracle: percentile bootstrap of the NPS
    samples = rng.choice(scores, size=(4000, scores.size), replace=True)
    boot = ((samples >= 9).mean(axis=1) - (samples <= 6).mean(axis=1)) * 100
    low, high = np.percentile(boot, [5, 95])
    assert uit["ondergrens"] == pytest.approx(low, abs=1.0)
    assert uit["bovengrens"] == pytest.approx(high, abs=1.0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=1, max_size=80))
def test_nps_properties(raw):
    if all(x is None for x in raw):
        with pytest.raises(InvoerFout, match="leeg"):
            nps(pd.Series(raw, dtype="Int64"))
        return
    uit = nps(pd.Series(raw, dtype="Int64"))
    known = [x for x in raw if x is not None]
    assert uit["n"] + uit["ontbrekend"] == len(raw)
    assert uit["promotors"] + uit["passieven"] + uit["criticasters"] == len(known)
    assert -100 <= uit["ondergrens"] <= uit["bovengrens"] <= 100
    wald = nps(pd.Series(raw, dtype="Int64"), methode="wald")
    assert -100 <= wald["ondergrens"] <= wald["nps"] <= wald["bovengrens"] <= 100
    # the adjusted interval is centred on (P + 3/4 - D - 3/4) / (n + 3), between the raw NPS and 0
    p, d, n = uit["promotors"], uit["criticasters"], uit["n"]
    midden = 100 * (p - d) / (n + 3)
    assert min(midden, 100) >= uit["ondergrens"] - 1e-9 and midden <= uit["bovengrens"] + 1e-9
    assert abs(midden) <= abs(uit["nps"]) + 1e-9
    straightforward = 100 * (sum(x >= 9 for x in known) - sum(x <= 6 for x in known)) / len(known)
    assert uit["nps"] == pytest.approx(straightforward)


@pytest.mark.parametrize(
    ("scores", "fragment"),
    [
        ([7, 11], "tussen 0 en 10"),
        ([7, -1], "tussen 0 en 10"),
        ([7, 8.5], "gehele getallen"),
        (["7", "8"], "getallen van 0 tot 10"),
        ([], "leeg"),
        ([None, None], "leeg"),
    ],
)
def test_nps_dutch_errors(scores, fragment):
    with pytest.raises(InvoerFout, match=fragment):
        nps(scores)


def test_nps_rejects_dataframe_and_bad_confidence():
    with pytest.raises(InvoerFout, match="één kolom"):
        nps(pd.DataFrame({"a": [9]}))
    with pytest.raises(InvoerFout, match="betrouwbaarheid"):
        nps([9, 10], betrouwbaarheid=95)
    with pytest.raises(InvoerFout, match="Onbekende methode 'bootstrap'"):
        nps([9, 10], methode="bootstrap")


# ---------------------------------------------------------------- two NPS measurements
VORIG_JAAR = {"promotors": 36, "passieven": 26, "criticasters": 18}  # 80 answers, NPS +22.5
DIT_JAAR = {"promotors": 40, "passieven": 24, "criticasters": 16}  # 80 answers, NPS +30


def test_nps_verschil_hand_computed_adjusted_wald():
    uit = nps_verschil(VORIG_JAAR, DIT_JAAR)
    assert (uit["nps_voor"], uit["nps_na"], uit["verschil"]) == (22.5, 30.0, 7.5)
    assert (uit["n_voor"], uit["n_na"]) == (80, 80)
    # by hand (Lewis & Sauro 2021): add 3/4 promoter, 3/4 detractor, 3 answers to each measurement
    # before: 36.75/83 = 0.442771, 18.75/83 = 0.225904, NPS 0.216867, var (0.668675 - 0.047031)/83 = 0.0074897
    # after:  40.75/83 = 0.490964, 16.75/83 = 0.201807, NPS 0.289157, var (0.692771 - 0.083612)/83 = 0.0073393
    # se = sqrt(0.0148290) = 0.121774; difference 0.072289; z = 0.593633; margin 1.959964 * se = 0.238673
    assert uit["standaardfout"] == pytest.approx(12.1774, abs=1e-3)
    assert uit["z"] == pytest.approx(0.593633, abs=1e-5)
    assert uit["ondergrens"] == pytest.approx(7.2289 - 23.8673, abs=1e-3)
    assert uit["bovengrens"] == pytest.approx(7.2289 + 23.8673, abs=1e-3)
    # two-sided p = 2 * (1 - Phi(0.593633)) = 0.55276
    assert uit["p_waarde"] == pytest.approx(0.55276, abs=1e-4)
    assert uit["echt"] is False


def test_nps_verschil_wald_is_the_two_sample_z_test():
    # Rocks' R package NPS, nps_test(): se = sqrt(var_x / n_x + var_y / n_y), var = p + d - (p - d)^2
    uit = nps_verschil(VORIG_JAAR, DIT_JAAR, methode="wald")
    var_voor = 0.45 + 0.225 - 0.225**2  # 0.624375
    var_na = 0.5 + 0.2 - 0.3**2  # 0.61
    se = np.sqrt(var_voor / 80 + var_na / 80)
    assert uit["standaardfout"] == pytest.approx(se * 100)
    assert uit["z"] == pytest.approx(0.075 / se)
    assert uit["ondergrens"] == pytest.approx(7.5 - 1.959964 * se * 100, abs=1e-3)


def test_nps_verschil_variance_equals_the_weighted_recoded_variance():
    # independent route: recode promoters +1, passives 0, detractors -1 and add the pseudo-observations
    # as weights; the adjusted variance of one measurement is the weighted population variance / (n + 3)
    def route(telling):
        waarden = np.array([1.0, 0.0, -1.0])
        gewichten = np.array(
            [telling["promotors"] + 0.75, telling["passieven"] + 1.5, telling["criticasters"] + 0.75]
        )
        gemiddelde = np.average(waarden, weights=gewichten)
        variantie = np.average((waarden - gemiddelde) ** 2, weights=gewichten)
        return gemiddelde, variantie / gewichten.sum()

    (m1, v1), (m2, v2) = route(VORIG_JAAR), route(DIT_JAAR)
    uit = nps_verschil(VORIG_JAAR, DIT_JAAR, betrouwbaarheid=0.90)
    marge = stats.norm.ppf(0.95) * np.sqrt(v1 + v2)
    assert uit["ondergrens"] == pytest.approx((m2 - m1 - marge) * 100)
    assert uit["bovengrens"] == pytest.approx((m2 - m1 + marge) * 100)


def test_nps_verschil_takes_scores_or_counts():
    voor = [10] * 36 + [8] * 26 + [3] * 18
    na = pd.Series([9] * 40 + [7] * 24 + [6] * 16 + [None] * 5, dtype="Int64")
    assert nps_verschil(voor, na) == nps_verschil(VORIG_JAAR, DIT_JAAR)
    assert nps_verschil(nps(voor), nps(na)) == nps_verschil(VORIG_JAAR, DIT_JAAR)


def test_nps_verschil_finds_a_real_rise_with_many_answers():
    # 1600 answers each: se = sqrt((0.624375 + 0.61) / 1600) = 0.0278, z = 0.075 / 0.0278 = 2.7
    groot_voor = {k: 20 * v for k, v in VORIG_JAAR.items()}
    groot_na = {k: 20 * v for k, v in DIT_JAAR.items()}
    uit = nps_verschil(groot_voor, groot_na)
    assert uit["verschil"] == 7.5
    assert uit["echt"] is True and uit["ondergrens"] > 0 and uit["p_waarde"] < 0.05


def test_nps_verschil_coverage_by_simulation():
    # the promise of a 95% interval: in repeated samples it holds the true difference about 95% of the time
    rng = np.random.default_rng(2024)
    kansen_voor, kansen_na = [0.45, 0.325, 0.225], [0.5, 0.3, 0.2]
    waar = (0.5 - 0.2) - (0.45 - 0.225)
    raak = 0
    herhalingen = 2000
    for a, b in zip(
        rng.multinomial(80, kansen_voor, herhalingen),
        rng.multinomial(80, kansen_na, herhalingen),
        strict=True,
    ):
        uit = nps_verschil(
            dict(zip(("promotors", "passieven", "criticasters"), a, strict=True)),
            dict(zip(("promotors", "passieven", "criticasters"), b, strict=True)),
        )
        raak += uit["ondergrens"] <= waar * 100 <= uit["bovengrens"]
    assert 0.93 <= raak / herhalingen <= 0.97


@pytest.mark.parametrize(
    ("voor", "fragment"),
    [
        ({"promotors": 3, "criticasters": 1}, "mist passieven"),
        ({"promotors": 3, "passieven": -1, "criticasters": 1}, "gehele getallen van 0 of meer"),
        ({"promotors": 2.5, "passieven": 1, "criticasters": 1}, "gehele getallen"),
        ({"promotors": 0, "passieven": 0, "criticasters": 0}, "geen enkel antwoord"),
        ([11, 9], "tussen 0 en 10"),
    ],
)
def test_nps_verschil_dutch_errors(voor, fragment):
    with pytest.raises(InvoerFout, match=fragment):
        nps_verschil(voor, DIT_JAAR)


def test_antwoorden_nodig_hand_computed_and_consistent_with_the_test():
    # 45% promoters, 20% detractors: var = 0.65 - 0.25^2 = 0.5875
    # two measurements, margin 8 points: 2 * 0.5875 * (1.959964 / 0.08)^2 = 705.26 -> 706 per measurement
    assert antwoorden_nodig(8, 45, 20) == 706
    assert antwoorden_nodig(8, 45, 20, verschil=False) == 353  # 352.63
    # the two-sample test itself: with 720 answers per measurement (324/252/144) the Wald margin of the
    # difference is below 8 points, with 700 (315/245/140) above; 706 lies in between
    for n, binnen in ((720, True), (700, False)):
        telling = {"promotors": 0.45 * n, "passieven": 0.35 * n, "criticasters": 0.20 * n}
        telling = {k: round(v) for k, v in telling.items()}
        marge = nps_verschil(telling, telling, methode="wald")["bovengrens"]
        assert bool(marge <= 8) is binnen, (n, marge)


@pytest.mark.parametrize(
    ("argumenten", "fragment"),
    [((0,), "groter dan 0"), ((8, 120, 10), "percentage"), ((8, 70, 40), "niet meer dan 100%")],
)
def test_antwoorden_nodig_dutch_errors(argumenten, fragment):
    with pytest.raises(InvoerFout, match=fragment):
        antwoorden_nodig(*argumenten)


def test_nps_foutenmarge_hand_computed_and_the_inverse_of_antwoorden_nodig():
    # 80 answers per measurement, 45% promoters, 20% detractors: 1.959964 * sqrt(2 * 0.5875 / 80) = 0.23753
    assert nps_foutenmarge(80, 45, 20) == pytest.approx(23.753, abs=1e-3)
    # one NPS: 1.959964 * sqrt(0.5875 / 80) = 0.16796
    assert nps_foutenmarge(80, 45, 20, verschil=False) == pytest.approx(16.796, abs=1e-3)
    # the same as the Wald margin of nps_verschil for two measurements with exactly these shares
    telling = {"promotors": 36, "passieven": 28, "criticasters": 16}
    assert nps_foutenmarge(80, 45, 20) == pytest.approx(
        nps_verschil(telling, telling, methode="wald")["bovengrens"]
    )
    for marge in (3, 8, 12.5, 20):
        n = antwoorden_nodig(marge, 45, 20)
        assert nps_foutenmarge(n, 45, 20) <= marge < nps_foutenmarge(n - 1, 45, 20)
    with pytest.raises(InvoerFout, match="geheel getal van minstens 1"):
        nps_foutenmarge(0)


# ---------------------------------------------------------------- CSAT
def test_csat_hand_computed():
    # 4 and 5 count as satisfied: 5,5,4 of 1,2,3,4,5,5 known -> 3/6 = 0.5
    assert csat(pd.Series([1, 2, 3, 4, 5, 5, None], dtype="Int64")) == pytest.approx(0.5)


def test_csat_errors():
    with pytest.raises(InvoerFout, match="tussen 1 en 5"):
        csat([0, 5])
    with pytest.raises(InvoerFout, match="tussen 1 en 5"):
        csat([6])


# ---------------------------------------------------------------- positioning
def _survey():
    return pd.DataFrame(
        {
            "beantwoord": [True, True, True, True, False],
            "prijs": pd.array([4, 2, 3, 5, None], dtype="Int64"),
            "service": pd.array([5, 3, 4, None, None], dtype="Int64"),
            "concurrent": pd.Categorical(["A", "B", "A", None, None]),
            "concurrent_prijs": pd.array([3, 5, 4, None, None], dtype="Int64"),
            "concurrent_service": pd.array([2, 4, 1, None, None], dtype="Int64"),
        }
    )


def test_positionering_hand_computed():
    tabel = positionering(_survey(), items=["prijs", "service"], eigen_naam="Wij")
    assert list(tabel.index) == ["Wij", "A", "B"]
    # own shop: prijs (4+2+3+5)/4 = 3.5, service (5+3+4)/3 = 4, rated by 4 customers
    assert tabel.loc["Wij", "aantal"] == 4
    assert tabel.loc["Wij", "prijs"] == pytest.approx(3.5)
    assert tabel.loc["Wij", "service"] == pytest.approx(4.0)
    # A: prijs (3+4)/2 = 3.5, service (2+1)/2 = 1.5; B: 5 and 4
    assert tabel.loc["A", ["aantal", "prijs", "service"]].tolist() == pytest.approx([2, 3.5, 1.5])
    assert tabel.loc["B", ["aantal", "prijs", "service"]].tolist() == pytest.approx([1, 5.0, 4.0])


def test_positionering_errors():
    with pytest.raises(InvoerFout, match="mist de kolom 'concurrent_service'"):
        positionering(_survey().drop(columns="concurrent_service"), items=["prijs", "service"])
    with pytest.raises(InvoerFout, match="leeg"):
        positionering(_survey().iloc[:0], items=["prijs"])
    with pytest.raises(InvoerFout, match="scores"):
        positionering(_survey().assign(prijs="hoog"), items=["prijs"])


# ---------------------------------------------------------------- Likert
def test_likert_hand_computed():
    e = pd.DataFrame({"prijs": pd.array([1, 2, 2, 3, 4, 5, 5, 5, None], dtype="Int64")})
    t = likert_samenvatting(e, items=["prijs"])
    rij = t.loc["prijs"]
    # 8 answers: 1 x1, 2 x2, 3 x1, 4 x1, 5 x3
    assert rij["n"] == 8
    assert [rij[f"aandeel_{w}"] for w in range(1, 6)] == pytest.approx([1 / 8, 2 / 8, 1 / 8, 1 / 8, 3 / 8])
    assert rij["gemiddelde"] == pytest.approx((1 + 4 + 3 + 4 + 15) / 8)
    assert (rij["negatief"], rij["neutraal"], rij["positief"]) == pytest.approx((3 / 8, 1 / 8, 4 / 8))
    # bar from -(3/8 + 1/16) to 4/8 + 1/16
    assert (rij["links"], rij["rechts"]) == pytest.approx((-7 / 16, 9 / 16))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 7), min_size=1, max_size=60), st.sampled_from([4, 7]))
def test_likert_properties(scores, schaal):
    scores = [min(s, schaal) for s in scores]
    t = likert_samenvatting(pd.DataFrame({"x": scores}), items=["x"], schaal=schaal).loc["x"]
    aandelen = [t[f"aandeel_{w}"] for w in range(1, schaal + 1)]
    assert sum(aandelen) == pytest.approx(1)
    assert t["negatief"] + t["neutraal"] + t["positief"] == pytest.approx(1)
    assert t["rechts"] - t["links"] == pytest.approx(1)
    if schaal == 4:  # even scale: no neutral middle
        assert t["neutraal"] == 0


def test_likert_errors():
    with pytest.raises(InvoerFout, match="tussen 1 en 5"):
        likert_samenvatting(pd.DataFrame({"x": [0, 3]}), items=["x"])
    with pytest.raises(InvoerFout, match="mist de kolom 'y'"):
        likert_samenvatting(pd.DataFrame({"x": [3]}), items=["y"])


# ---------------------------------------------------------------- Cronbach's alpha
def test_cronbach_alpha_published_example():
    # Statology, "How to Calculate Cronbach's Alpha in Python" (restaurant survey, 10 customers,
    # 3 questions on a 1-3 scale): pingouin reports alpha = 0.7734375 (0.773).
    df = pd.DataFrame(
        {
            "Q1": [1, 2, 2, 3, 2, 2, 3, 3, 2, 3],
            "Q2": [1, 1, 1, 2, 3, 3, 2, 3, 3, 3],
            "Q3": [1, 1, 2, 1, 2, 3, 3, 3, 2, 3],
        }
    )
    assert cronbach_alpha(df) == pytest.approx(0.7734375, abs=1e-9)


def test_cronbach_alpha_hand_computed_with_listwise_deletion():
    items = pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [2, 2, 3, 5, 5], "c": [1, 3, 3, 4, None]})
    # row 5 is dropped (listwise). Item variances (ddof=1): a 5/3, b 6/3, c 4.75/3 -> sum 15.75/3 = 5.25
    # sums 4, 7, 9, 13: variance 42.75/3 = 14.25; alpha = 3/2 * (1 - 5.25/14.25) = 0.947368...
    assert cronbach_alpha(items) == pytest.approx(1.5 * (1 - 5.25 / 14.25))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 6), st.integers(5, 40), st.integers(0, 10_000))
def test_cronbach_alpha_equals_covariance_formula(k, n, seed):
    rng = np.random.default_rng(seed)
    data = pd.DataFrame(rng.integers(1, 6, size=(n, k)), columns=[f"i{j}" for j in range(k)])
    cov = np.cov(data.to_numpy(dtype=float), rowvar=False)
    if cov.sum() == 0:
        return
    # second formula: alpha = k * mean covariance / (mean variance + (k-1) * mean covariance)
    var_mean = np.trace(cov) / k
    cov_mean = (cov.sum() - np.trace(cov)) / (k * (k - 1))
    assert cronbach_alpha(data) == pytest.approx(k * cov_mean / (var_mean + (k - 1) * cov_mean))


def test_cronbach_alpha_errors():
    with pytest.raises(InvoerFout, match="minstens 2 items"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2, 3]}))
    with pytest.raises(InvoerFout, match="volledig ingevulde"):
        cronbach_alpha(pd.DataFrame({"a": [1, None], "b": [None, 2]}))
    with pytest.raises(InvoerFout, match="spreiding"):
        cronbach_alpha(pd.DataFrame({"a": [3, 3], "b": [2, 2]}))
    with pytest.raises(InvoerFout, match="DataFrame"):
        cronbach_alpha([[1, 2], [3, 4]])


# ---------------------------------------------------------------- key drivers (LMG)
def test_sleutelfactoren_uncorrelated_drivers_recover_weights():
    rng = np.random.default_rng(1)
    n = 20_000
    x = rng.standard_normal((n, 3))
    weights = np.array([0.6, 0.3, 0.1])
    y = x @ weights + rng.standard_normal(n) * 0.5
    e = pd.DataFrame(x, columns=["a", "b", "c"]).assign(y=y)
    t = sleutelfactoren(e, doel="y", factoren=["a", "b", "c"])
    # uncorrelated drivers: importance = beta^2 * var(x) / var(y); var(y) = 0.36 + 0.09 + 0.01 + 0.25
    expected = weights**2 / 0.71
    assert t.loc[["a", "b", "c"], "belang"].to_numpy() == pytest.approx(expected, abs=0.01)
    assert list(t.index) == ["a", "b", "c"]  # sorted by importance
    assert t.attrs["r2"] == pytest.approx(0.46 / 0.71, abs=0.01)


def _shapley_by_permutations(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Straightforward second implementation: average R^2 gain over all orderings (lstsq per model)."""
    from itertools import permutations

    def r2(cols):
        if not cols:
            return 0.0
        design = np.column_stack([np.ones(len(y)), x[:, cols]])
        fitted = design @ np.linalg.lstsq(design, y, rcond=None)[0]
        return 1 - ((y - fitted) ** 2).sum() / ((y - y.mean()) ** 2).sum()

    p = x.shape[1]
    total = np.zeros(p)
    orders = list(permutations(range(p)))
    for order in orders:
        for pos, j in enumerate(order):
            total[j] += r2(list(order[: pos + 1])) - r2(list(order[:pos]))
    return total / len(orders)


def test_sleutelfactoren_matches_permutation_shapley_on_correlated_items():
    rng = np.random.default_rng(3)
    latent = rng.standard_normal(300)
    x = np.column_stack([latent + rng.standard_normal(300) * s for s in (0.5, 0.8, 1.0, 2.0)])
    y = x[:, 0] * 0.5 + x[:, 2] * 0.2 + rng.standard_normal(300)
    e = pd.DataFrame(x, columns=list("abcd")).assign(y=y)
    t = sleutelfactoren(e, doel="y", factoren=list("abcd"))
    oracle = _shapley_by_permutations(x, y)
    assert t.loc[list("abcd"), "belang"].to_numpy() == pytest.approx(oracle, abs=1e-10)
    # importances add up to the full model's R^2 (ordinary least squares with intercept)
    design = np.column_stack([np.ones(300), x])
    resid = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
    full_r2 = 1 - (resid**2).sum() / ((y - y.mean()) ** 2).sum()
    assert t["belang"].sum() == pytest.approx(full_r2)
    assert t.attrs["r2"] == pytest.approx(full_r2)
    assert t["aandeel"].sum() == pytest.approx(1)
    # standardised betas of the full model
    z = (x - x.mean(0)) / x.std(0)
    zy = (y - y.mean()) / y.std()
    beta = np.linalg.lstsq(z, zy, rcond=None)[0]
    assert t.loc[list("abcd"), "beta"].to_numpy() == pytest.approx(beta)
    assert t.loc[list("abcd"), "correlatie"].to_numpy() == pytest.approx(
        [np.corrcoef(x[:, j], y)[0, 1] for j in range(4)]
    )


def test_sleutelfactoren_listwise_and_errors():
    e = pd.DataFrame({"a": [1, 2, 3, 4, 5, None], "b": [2, 1, 4, 3, 5, 1], "y": [1, 2, 3, 5, 4, 2]})
    assert sleutelfactoren(e, doel="y", factoren=["a", "b"]).attrs["weggelaten"] == 1
    with pytest.raises(InvoerFout, match="Te weinig"):
        sleutelfactoren(e.head(3), doel="y", factoren=["a", "b"])
    with pytest.raises(InvoerFout, match="spreiding"):
        sleutelfactoren(e.assign(b=3), doel="y", factoren=["a", "b"])
    with pytest.raises(InvoerFout, match="Te veel"):
        sleutelfactoren(e, doel="y", factoren=[f"f{i}" for i in range(11)])
    with pytest.raises(InvoerFout, match="zowel"):
        sleutelfactoren(e, doel="y", factoren=["a", "y"])


# ---------------------------------------------------------------- satisfaction versus behaviour
def _tickets(rows):
    df = pd.DataFrame(rows, columns=["klant_id", "datum", "bedrag"])
    datum = pd.to_datetime(df["datum"], format="ISO8601")
    return df.assign(datum=datum, klant_id=df["klant_id"].astype("str"))


def test_tevredenheid_en_trouw_hand_computed():
    e = pd.DataFrame(
        {
            "klant_id": ["A", "B", "C", "D", None, "E"],
            "tevredenheid": pd.array([5, 5, 4, 4, 5, 3], dtype="Int64"),
            "antwoord_datum": pd.to_datetime(
                ["2024-01-10", "2024-01-10", "2024-02-01", "2024-02-01", "2024-01-10", "2024-11-01"]
            ),
        }
    )
    t = _tickets(
        [
            ("A", "2024-01-10 15:00", 80.0),  # answer day itself: not 'after'
            ("A", "2024-03-05 10:00", 50.0),
            ("A", "2024-03-05 16:00", 25.0),  # same day: one purchase day
            ("A", "2024-04-01", -25.0),  # return: netted in spend, no purchase day
            ("B", "2024-07-11", 40.0),  # window is 11/01..11/07 (exclusive): last day 10/07 -> outside
            ("C", "2024-07-31", 60.0),  # window 02/02..02/08: inside
            ("D", "2023-12-01", 99.0),  # before the answer
            (None, "2024-03-01", 500.0),  # anonymous
            ("E", "2024-12-01", 10.0),  # E's window ends after the peildatum: E is left out
        ]
    )
    tabel = tevredenheid_en_trouw(e, t, maanden=6, peildatum="2024-12-31")
    assert list(tabel.index) == [4, 5]
    # score 5: A (1 purchase day, 50 + 25 - 25 = 50) and B (0 days, 0) -> share 0.5, days 0.5, spend 25
    kolommen = ["aantal", "herkoopaandeel", "aankoopdagen", "besteding"]
    assert tabel.loc[5, kolommen].tolist() == pytest.approx([2, 0.5, 0.5, 25.0])
    # score 4: C (1 day, 60) and D (0) -> 0.5, 0.5, 30
    assert tabel.loc[4, kolommen].tolist() == pytest.approx([2, 0.5, 0.5, 30.0])
    # the Wilson interval of 1 in 2, as scipy computes it
    wilson = stats.binomtest(1, 2).proportion_ci(0.95, method="wilson")
    assert (tabel.loc[5, "ondergrens"], tabel.loc[5, "bovengrens"]) == pytest.approx(
        (wilson.low, wilson.high)
    )
    assert tabel.attrs["weggelaten"] == {"periode nog niet voorbij": 1, "zonder klantnummer": 1}


def test_tevredenheid_en_trouw_empty_text_customer_is_anonymous():
    # klant_id "" (a till that writes an empty text) is no customer number, in the survey and the tickets
    e = pd.DataFrame(
        {"klant_id": ["A", ""], "tevredenheid": [5, 5], "antwoord_datum": pd.to_datetime(["2024-01-10"] * 2)}
    )
    t = _tickets([("A", "2024-03-05", 50.0), ("", "2024-03-06", 500.0)])
    tabel = tevredenheid_en_trouw(e, t, maanden=6, peildatum="2024-12-31")
    # only A counts: 1 respondent, bought again on 1 day for 50
    kolommen = ["aantal", "herkoopaandeel", "aankoopdagen", "besteding"]
    assert tabel.loc[5, kolommen].tolist() == pytest.approx([1, 1.0, 1.0, 50.0])
    assert tabel.attrs["weggelaten"] == {"periode nog niet voorbij": 0, "zonder klantnummer": 1}


def test_tevredenheid_en_trouw_errors():
    e = pd.DataFrame(
        {"klant_id": ["A"], "tevredenheid": [4], "antwoord_datum": pd.to_datetime(["2024-06-01"])}
    )
    t = _tickets([("A", "2024-07-01", 10.0)])
    with pytest.raises(InvoerFout, match="kies minder maanden"):
        tevredenheid_en_trouw(e, t, maanden=12)
    with pytest.raises(InvoerFout, match="na de peildatum"):
        tevredenheid_en_trouw(e, t, maanden=1, peildatum="2024-06-30")
    with pytest.raises(InvoerFout, match="mist de kolom 'bedrag'"):
        tevredenheid_en_trouw(e, t.drop(columns="bedrag"), maanden=1)
    with pytest.raises(InvoerFout, match="moet datums bevatten"):
        tevredenheid_en_trouw(e.assign(antwoord_datum="2024-06-01"), t, maanden=1)


def test_nonrespons_against_scipy():
    e = pd.DataFrame(
        {
            "klant_id": ["A", "B", "C", "D", "E", None],
            "beantwoord": [True, True, True, False, False, True],
            "uitnodiging_datum": pd.to_datetime(["2024-06-01"] * 5 + ["2024-06-01"]),
        }
    )
    t = _tickets(
        [
            ("A", "2024-01-01", 100.0),
            ("A", "2024-05-01", 50.0),
            ("A", "2024-05-20", -20.0),  # return
            ("B", "2024-05-25", 30.0),
            ("C", "2024-06-02", 70.0),  # after the invitation: ignored
            ("D", "2024-03-01", 10.0),
            ("E", "2023-12-01", 5.0),
        ]
    )
    tabel = nonrespons(e, t)
    # hand: frequency A 2, B 1, C 0 | D 1, E 1; spend A 130, B 30, C 0 | D 10, E 5
    freq_ja, freq_nee = [2, 1, 0], [1, 1]
    spend_ja, spend_nee = [130, 30, 0], [10, 5]
    # recency to 2024-06-01: A 31, B 7 (C never bought) | D 92, E 183
    rec_ja, rec_nee = [31, 7], [92, 183]
    # tenure: A 152 (since 2024-01-01), B 7 | D 92, E 183
    dur_ja, dur_nee = [152, 7], [92, 183]
    for maat, ja, nee in [
        ("frequentie", freq_ja, freq_nee),
        ("besteding", spend_ja, spend_nee),
        ("recency_dagen", rec_ja, rec_nee),
        ("klantduur_dagen", dur_ja, dur_nee),
    ]:
        rij = tabel.loc[maat]
        oracle = stats.mannwhitneyu(ja, nee, alternative="two-sided")
        assert (rij["n_respondenten"], rij["n_niet_respondenten"]) == (len(ja), len(nee))
        assert rij["gemiddelde_respondenten"] == pytest.approx(np.mean(ja))
        assert rij["mediaan_niet_respondenten"] == pytest.approx(np.median(nee))
        assert (rij["u"], rij["p_waarde"]) == pytest.approx((oracle.statistic, oracle.pvalue))


def test_nonrespons_errors():
    e = pd.DataFrame(
        {"klant_id": ["A"], "beantwoord": [True], "uitnodiging_datum": pd.to_datetime(["2024-06-01"])}
    )
    t = _tickets([("A", "2024-01-01", 10.0)])
    with pytest.raises(InvoerFout, match="zowel respondenten als niet-respondenten"):
        nonrespons(e, t)
    with pytest.raises(InvoerFout, match="waar/onwaar"):
        nonrespons(e.assign(beantwoord="ja"), t)
    twee = pd.concat([e, e.assign(klant_id="B", beantwoord=False)], ignore_index=True)
    with pytest.raises(InvoerFout, match="leeg"):
        nonrespons(twee, t.iloc[:0])


# ---------------------------------------------------------------- segments
def _segment_survey():
    e = pd.DataFrame(
        {
            "klant_id": [f"K{i}" for i in range(12)],
            "aanbeveling": pd.array([10, 9, 9, 8, 7, 3, 6, 5, 9, 10, 2, None], dtype="Int64"),
            "tevredenheid": pd.array([5, 5, 4, 4, 3, 2, 3, 2, 4, 5, 1, 4], dtype="Int64"),
        }
    )
    seg = pd.Series(["trouw"] * 5 + ["koopjes"] * 4 + ["nieuw"] * 2, index=[f"K{i}" for i in range(11)])
    return e, seg


def test_per_segment_hand_computed():
    e, seg = _segment_survey()
    t = per_segment(e, seg)
    # trouw: 10,9,9,8,7 -> 3 promoters, 0 detractors: NPS 60; satisfaction 5,5,4,4,3 -> mean 4.2, csat 0.8
    assert t.loc["trouw"].tolist() == pytest.approx([5, 60, 60, 0, 4.2, 0.8])
    # koopjes: 3,6,5,9 -> 1 promoter, 3 detractors: -50; satisfaction 2,3,2,4 -> 2.75, csat 0.25
    assert t.loc["koopjes"].tolist() == pytest.approx([4, -50, 25, 75, 2.75, 0.25])
    # nieuw: 10,2 -> 0; K11 has no recommendation score and is not counted
    assert t.loc["nieuw", "nps"] == 0
    assert t.attrs["zonder_segment"] == 0
    assert per_segment(e, seg.drop("K0")).attrs["zonder_segment"] == 1


def test_segmenttoets_against_scipy():
    e, seg = _segment_survey()
    uit = segmenttoets(e, seg)
    kruis = pd.crosstab(
        e["klant_id"].map(seg).iloc[:11],
        pd.cut(e["aanbeveling"].iloc[:11].astype(float), [-0.5, 6.5, 8.5, 10.5]),
    ).to_numpy()
    oracle = stats.chi2_contingency(kruis, correction=False)
    assert uit["kruistabel"].to_numpy().tolist() == kruis.tolist()
    assert (uit["chi2"], uit["p_chi2"], uit["vrijheidsgraden"]) == pytest.approx(
        (oracle.statistic, oracle.pvalue, oracle.dof)
    )
    kw = stats.kruskal([10, 9, 9, 8, 7], [3, 6, 5, 9], [10, 2])
    assert (uit["kruskal_h"], uit["p_kruskal"]) == pytest.approx((kw.statistic, kw.pvalue))


def test_segmenttoets_two_by_two_hand_computed():
    # csat split: segment x: 4 satisfied, 1 not; segment y: 1 satisfied, 4 not
    e = pd.DataFrame({"klant_id": list("abcdefghij"), "tevredenheid": [5, 4, 4, 5, 2, 1, 2, 3, 4, 3]})
    seg = pd.Series(list("xxxxxyyyyy"), index=list("abcdefghij"))
    uit = segmenttoets(e, seg, score="tevredenheid", indeling="csat")
    # table [[1, 4], [4, 1]] (not satisfied, satisfied): chi2 = n (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d))
    # = 10 * (1 - 16)^2 / (5 * 5 * 5 * 5) = 2250 / 625 = 3.6
    assert uit["kruistabel"].to_numpy().tolist() == [[1, 4], [4, 1]]
    assert uit["chi2"] == pytest.approx(3.6)
    assert uit["p_chi2"] == pytest.approx(stats.chi2.sf(3.6, 1))


def test_segment_errors():
    e, seg = _segment_survey()
    with pytest.raises(InvoerFout, match="Onbekende indeling"):
        segmenttoets(e, seg, indeling="ces")
    with pytest.raises(InvoerFout, match="Geen enkele respondent heeft een segment"):
        per_segment(e, pd.Series({"X": "a"}))
    with pytest.raises(InvoerFout, match="reeks"):
        per_segment(e, {"K0": "a"})
    with pytest.raises(InvoerFout, match="'K0' komt meer dan eens"):
        per_segment(e, pd.Series(["a", "b"], index=["K0", "K0"]))
    with pytest.raises(InvoerFout, match="minstens 2 segmenten"):
        segmenttoets(e, pd.Series("één", index=e["klant_id"]))


# ---------------------------------------------------------------- smoke test on the shipped shops
def test_shipped_shops_survey_analyses(winkel):
    e = winkel.enquete
    uit = nps(e["aanbeveling"])
    assert uit["n"] > 100
    assert -100 <= uit["ondergrens"] <= uit["nps"] <= uit["bovengrens"] <= 100
    assert uit["n"] + uit["ontbrekend"] == len(e)
    assert 0 < csat(e["tevredenheid"]) <= 1
    assert 0 < cronbach_alpha(e[list(ITEMS)]) < 1
    kaart = positionering(e)
    gemiddelden = kaart[list(ITEMS)].to_numpy()
    assert len(kaart) >= 2 and ((gemiddelden >= 1) & (gemiddelden <= 5)).all()
    for doel in ("tevredenheid", "aanbeveling"):
        drivers = sleutelfactoren(e, doel=doel)
        assert drivers["belang"].sum() == pytest.approx(drivers.attrs["r2"])
        assert (drivers["belang"] >= 0).all()
    trouw = tevredenheid_en_trouw(e, winkel.tickets, peildatum=winkel.peildatum)
    assert trouw["aantal"].sum() > 100
    # only very satisfied customers are clearly more loyal (CALIBRATION.md)
    assert trouw.loc[5, "herkoopaandeel"] > trouw.loc[4, "herkoopaandeel"]
    bias = nonrespons(e, winkel.tickets)
    assert bias["p_waarde"].between(0, 1).all()
    segmenten = winkel.klanten.set_index("klant_id")["huishouden"]
    assert per_segment(e, segmenten)["n"].sum() > 100
    assert 0 <= segmenttoets(e, segmenten)["p_chi2"] <= 1

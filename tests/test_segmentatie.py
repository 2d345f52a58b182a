"""Tests for helpers.segmentatie against hand-computed cases, sklearn/numpy oracles and properties."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, silhouette_score

from helpers.controle import InvoerFout
from helpers.persona import maak_personas
from helpers.positie import perceptuele_kaart
from helpers.segmentatie import (
    afstandsband,
    beschrijf_segmenten,
    clusters,
    demografische_segmenten,
    gedragskenmerken,
    geografische_segmenten,
    kies_k,
    leeftijd,
    leeftijdsklasse,
    segment_aantrekkelijkheid,
    segmentnamen,
    segmentprofiel,
    seizoensvoorkeur,
    te_kleine_segmenten,
)
from helpers.segmentatie.clustering import geschaalde_kenmerken, steekproef
from helpers.segmentatie.profiel import klantkenmerken

PEIL = pd.Timestamp("2025-12-31")


# ---------------------------------------------------------------- indelingen


def test_afstandsband_hand_checked_boundaries():
    klanten = pd.DataFrame({"afstand_km": [0.0, 4.99, 5.0, 9.99, 10.0, 20.0, 39.9, 40.0, 120.0]})
    assert afstandsband(klanten).tolist() == [
        "< 5 km", "< 5 km", "5-10 km", "5-10 km", "10-20 km", "20-40 km", "20-40 km", "≥ 40 km", "≥ 40 km",
    ]
    eigen = afstandsband(klanten, grenzen=(2.5, 15))
    assert eigen.tolist() == ["< 2,5 km"] + ["2,5-15 km"] * 4 + ["≥ 15 km"] * 4
    assert list(eigen.cat.categories) == ["< 2,5 km", "2,5-15 km", "≥ 15 km"]
    assert eigen.cat.ordered


@pytest.mark.parametrize(
    ("klanten", "grenzen", "boodschap"),
    [
        (pd.DataFrame({"x": [1.0]}), (5, 10), "mist de kolom 'afstand_km'"),
        (pd.DataFrame({"afstand_km": ["3 km"]}), (5, 10), "moet getallen bevatten"),
        (pd.DataFrame({"afstand_km": [-1.0]}), (5, 10), "negatieve afstanden"),
        (pd.DataFrame({"afstand_km": [1.0]}), (10, 5), "strikt stijgen"),
        (pd.DataFrame({"afstand_km": [1.0]}), (), "strikt stijgen"),
    ],
)
def test_afstandsband_errors(klanten, grenzen, boodschap):
    with pytest.raises(InvoerFout, match=boodschap):
        afstandsband(klanten, grenzen)


@settings(max_examples=100, deadline=None)
@given(
    st.dates(dt.date(1920, 1, 1), dt.date(2025, 12, 31)),
    st.dates(dt.date(2025, 1, 1), dt.date(2030, 1, 1)),
)
def test_leeftijd_matches_calendar_arithmetic(geboren, peil):
    # oracle: years passed, minus one if the birthday has not come yet this year (29 Feb: on 1 March)
    verwacht = peil.year - geboren.year - ((peil.month, peil.day) < (geboren.month, geboren.day))
    klanten = pd.DataFrame({"geboortedatum": pd.to_datetime([geboren])})
    assert int(leeftijd(klanten, pd.Timestamp(peil)).iloc[0]) == verwacht


def test_leeftijdsklasse_boundaries_and_missing():
    # on 2025-12-31: born 2001-01-01 -> 24, 2000-12-31 -> 25, 1961-01-01 -> 64, 1960-12-31 -> 65
    klanten = pd.DataFrame(
        {"geboortedatum": pd.to_datetime(["2001-01-01", "2000-12-31", "1961-01-01", "1960-12-31", None])}
    )
    klassen = leeftijdsklasse(klanten, PEIL)
    assert klassen.tolist()[:4] == ["< 25 jaar", "25-34 jaar", "55-64 jaar", "≥ 65 jaar"]
    assert pd.isna(klassen.iloc[4])
    with pytest.raises(InvoerFout, match="moet datums bevatten"):
        leeftijdsklasse(pd.DataFrame({"geboortedatum": ["1980-01-01"]}), PEIL)


def _klanten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "klant_id": ["K1", "K2", "K3", "K4"],
            "geboortedatum": pd.to_datetime(["1980-06-01", "1999-01-15", None, "1950-02-02"]),
            "geslacht": ["v", "m", "v", "x"],
            "huishouden": ["gezin", "alleen", "gezin", "koppel"],
            "aantal_kinderen": pd.array([2, 0, 3, 0], dtype="Int64"),
            "afstand_km": [2.0, 12.0, 45.0, 7.0],
            "gemeente": ["Lier", "Lier", "Mol", "Geel"],
            "provincie": ["Antwerpen"] * 4,
            "toestemming_marketing": [True, True, False, True],
            "voorkeurkanaal": ["e-mail", "geen", "sms", "post"],
            "email": ["k1@voorbeeld.be", "k2@voorbeeld.be", None, None],
            "telefoon": [None, None, "0470 12 34 56", None],
            "straat": [None, None, None, "Markt 1"],
            "postcode": ["2500", "2500", "2400", "2440"],
            "klantenkaart": [True, False, True, True],
        }
    )


def test_klantkenmerken_hand():
    klanten = pd.concat([_klanten(), _klanten().iloc[[0]]], ignore_index=True)  # K1 twice: kept once
    k = klantkenmerken(klanten, pd.Timestamp("2025-12-31"))
    assert k.index.tolist() == ["K1", "K2", "K3", "K4"]
    # ages on 2025-12-31: 2025 - 1980 = 45, 2025 - 1999 = 26, unknown, 2025 - 1950 = 75
    assert k["leeftijd"].tolist()[:2] == [45.0, 26.0] and np.isnan(k.loc["K3", "leeftijd"])
    assert k.loc["K4", "leeftijd"] == 75.0
    assert k["aandeel_vrouw"].tolist() == [1.0, 0.0, 1.0, 0.0]
    assert k["aantal_kinderen"].tolist() == [2.0, 0.0, 3.0, 0.0]
    assert k["aandeel_klantenkaart"].tolist() == [1.0, 0.0, 1.0, 1.0]
    assert k["aandeel_toestemming"].tolist() == [1.0, 1.0, 0.0, 1.0]
    # reachable = consent + a channel + that channel's contact: K1 e-mail yes; K2 channel 'geen';
    # K3 no consent; K4 post but 'gemeente' is Geel and street + postcode present -> yes
    assert k["aandeel_bereikbaar"].tolist() == [1.0, 0.0, 0.0, 1.0]
    assert k["huishouden"].tolist() == ["gezin", "alleen", "gezin", "koppel"]
    # without a peildatum no age; without the contact columns no reachability
    kaal = klantkenmerken(_klanten().drop(columns=["email"]))
    assert "leeftijd" not in kaal.columns and "aandeel_bereikbaar" not in kaal.columns
    with pytest.raises(InvoerFout, match="'klantenkaart' in 'klanten' moet waar/onwaar"):
        klantkenmerken(_klanten().assign(klantenkaart="ja"))


def test_demografische_segmenten_per_customer():
    tabel = demografische_segmenten(_klanten(), PEIL)
    assert tabel.index.tolist() == ["K1", "K2", "K3", "K4"]
    assert tabel["leeftijd"].tolist()[:2] == [45, 26]  # 2025-1980, 2025-1999
    assert tabel.loc["K4", "leeftijdsklasse"] == "≥ 65 jaar"
    assert pd.isna(tabel.loc["K3", "leeftijd"])
    assert tabel["huishouden"].tolist() == ["gezin", "alleen", "gezin", "koppel"]


def test_demografische_segmenten_errors():
    dubbel = pd.concat([_klanten(), _klanten().iloc[[0]]])
    with pytest.raises(InvoerFout, match="'K1' staat meer dan eens in 'klanten'"):
        demografische_segmenten(dubbel, PEIL)
    with pytest.raises(InvoerFout, match="mist de kolom 'huishouden'"):
        demografische_segmenten(_klanten().drop(columns="huishouden"), PEIL)
    with pytest.raises(InvoerFout, match="is leeg"):
        demografische_segmenten(_klanten().iloc[:0], PEIL)


def test_geografische_segmenten_groups_small_municipalities():
    tabel = geografische_segmenten(_klanten(), top_gemeenten=1)
    # Lier has 2 customers, the others 1 each -> grouped
    assert tabel["gemeente"].tolist() == ["Lier", "Lier", "andere gemeenten", "andere gemeenten"]
    assert tabel["afstandsband"].tolist() == ["< 5 km", "10-20 km", "≥ 40 km", "5-10 km"]
    with pytest.raises(InvoerFout, match="top_gemeenten"):
        geografische_segmenten(_klanten(), top_gemeenten=0)


# ---------------------------------------------------------------- gedragskenmerken


def _winkeltje() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A tiny shop whose behavioural features are computed by hand in test_gedragskenmerken_hand."""
    producten = pd.DataFrame(
        {"product_id": ["P1", "P2", "P3"], "productlijn": ["dames", "heren", "accessoires"]}
    )
    tickets = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"],
            "datum": pd.to_datetime(
                [
                    "2024-03-10 10:00", "2025-07-05 11:00", "2025-07-05 16:30", "2025-07-20 09:00",
                    "2025-12-15 14:00", "2025-08-30 15:00", "2025-12-20 10:00", "2025-05-01 12:00",
                ]
            ),
            "klant_id": ["K1", "K1", "K1", "K1", "K2", "K2", None, "K3"],
            "kanaal": ["winkel", "webshop", "winkel", "winkel", "winkel", "winkel", "winkel", "winkel"],
            "soort": ["aankoop"] * 3 + ["retour"] + ["aankoop"] * 3 + ["retour"],
            "bedrag": [100.0, 60.0, 40.0, -60.0, 80.0, 20.0, 30.0, -10.0],
            "korting": [0.0, 20.0, 0.0, 0.0, 0.0, 5.0, 0.0, 0.0],
        }
    )
    ticketlijnen = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4", "T5", "T5", "T6", "T7", "T8"],
            "product_id": ["P1", "P1", "P3", "P1", "P2", "P3", "P2", "P1", "P3"],
            "bedrag": [100.0, 60.0, 40.0, -60.0, 50.0, 30.0, 20.0, 30.0, -10.0],
            "korting_soort": [None, "solden", None, None, None, None, "actie", None, None],
        }
    )
    return tickets, ticketlijnen, producten


def test_gedragskenmerken_hand():
    tickets, lijnen, producten = _winkeltje()
    k = gedragskenmerken(tickets, lijnen, producten, PEIL)
    # K3 only returned something: no purchase day, so not in the table; the anonymous T7 counts nowhere
    assert k.index.tolist() == ["K1", "K2"]
    k1, k2 = k.loc["K1"], k.loc["K2"]
    # K1: purchase days 2024-03-10 and 2025-07-05 (two tickets, one day) -> 2
    assert k1["frequentie"] == 2
    # 2025-07-05 -> 2025-12-31: 26 days left in July + 31+30+31+30+31 = 179
    assert k1["recency"] == 179
    # 2024-03-10 -> 2025-03-10 = 365, -> 2025-12-31: 21 + 275 = 296; total 661
    assert k1["klantduur_dagen"] == 661
    assert k1["monetair"] == 140.0  # 100 + 60 + 40 - 60
    assert k1["gemiddeld_bruto_ticket"] == pytest.approx(200 / 3)  # gross 200 over 3 purchase tickets
    assert k1["omzet_laatste_12m"] == 40.0  # 60 + 40 - 60 in 2025
    assert k1["omzet_vorige_12m"] == 100.0  # 2024-03-10 is 661 days back: in [365, 730)
    assert k1["aandeel_retour"] == pytest.approx(60 / 200)
    assert k1["aandeel_webshop"] == pytest.approx(60 / 200)
    assert k1["kortingsgraad"] == pytest.approx(20 / 220)  # discount / price before discount
    assert k1["aandeel_december"] == 0.0 and k1["aandeel_schoolstart"] == 0.0
    assert k1["aandeel_solden"] == pytest.approx(60 / 200)  # solden line 60 of 200 gross line amount
    assert (k1["lijn_dames"], k1["lijn_heren"], k1["lijn_accessoires"]) == pytest.approx((0.8, 0.0, 0.2))
    # K2: 2025-12-15 and 2025-08-30
    assert (k2["frequentie"], k2["recency"], k2["klantduur_dagen"]) == (2, 16, 123)  # 1+30+31+30+31
    assert (k2["monetair"], k2["gemiddeld_bruto_ticket"]) == (100.0, 50.0)
    assert (k2["omzet_laatste_12m"], k2["omzet_vorige_12m"]) == (100.0, 0.0)
    assert (k2["aandeel_december"], k2["aandeel_schoolstart"]) == pytest.approx((0.8, 0.2))
    assert k2["kortingsgraad"] == pytest.approx(5 / 105)
    assert (k2["aandeel_solden"], k2["lijn_heren"], k2["lijn_accessoires"]) == pytest.approx((0.0, 0.7, 0.3))


def test_gedragskenmerken_without_lines_or_optional_columns():
    tickets, _, _ = _winkeltje()
    k = gedragskenmerken(tickets.drop(columns=["kanaal", "korting", "ticket_id"]), peildatum=PEIL,
                         kanaal=None, korting=None)
    assert "aandeel_webshop" not in k.columns and "aandeel_solden" not in k.columns
    assert k.loc["K1", "monetair"] == 140.0


def test_gedragskenmerken_custom_column_names():
    tickets, lijnen, producten = _winkeltje()
    eigen = tickets.rename(columns={"klant_id": "klant", "datum": "dag", "bedrag": "totaal"})
    k = gedragskenmerken(eigen, lijnen, producten, PEIL, klant="klant", datum="dag", bedrag="totaal")
    assert k.index.name == "klant"
    pd.testing.assert_frame_equal(
        k.reset_index(drop=True), gedragskenmerken(tickets, lijnen, producten, PEIL).reset_index(drop=True)
    )


def test_gedragskenmerken_errors():
    tickets, lijnen, producten = _winkeltje()
    with pytest.raises(InvoerFout, match="peildatum"):
        gedragskenmerken(tickets)
    with pytest.raises(InvoerFout, match="na de peildatum"):
        gedragskenmerken(tickets, peildatum="2025-12-01")
    with pytest.raises(InvoerFout, match="mist de kolom 'kanaal'"):
        gedragskenmerken(tickets.drop(columns="kanaal"), peildatum=PEIL)
    with pytest.raises(InvoerFout, match="moet getallen bevatten"):
        gedragskenmerken(tickets.assign(bedrag=tickets["bedrag"].astype(str)), peildatum=PEIL)
    with pytest.raises(InvoerFout, match="moet datums bevatten"):
        gedragskenmerken(tickets.assign(datum=tickets["datum"].astype(str)), peildatum=PEIL)
    with pytest.raises(InvoerFout, match="is leeg"):
        gedragskenmerken(tickets.iloc[:0], peildatum=PEIL)
    with pytest.raises(InvoerFout, match="samen"):
        gedragskenmerken(tickets, lijnen, None, PEIL)
    with pytest.raises(InvoerFout, match="geen enkele aankoop"):
        gedragskenmerken(tickets.assign(klant_id=None), peildatum=PEIL)
    with pytest.raises(InvoerFout, match="'P3'"):
        gedragskenmerken(tickets, lijnen, producten.iloc[:2], PEIL)
    with pytest.raises(InvoerFout, match="mist de kolom 'productlijn'"):
        gedragskenmerken(tickets, lijnen, producten.drop(columns="productlijn"), PEIL)


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 729), st.floats(-50, 200).filter(lambda x: abs(x) > 0.01),
                  st.booleans(), st.integers(0, 2)),
        min_size=1, max_size=30,
    )
)
def test_gedragskenmerken_shares_are_shares(rijen):
    tickets = pd.DataFrame(
        {
            "ticket_id": [f"T{i}" for i in range(len(rijen))],
            "klant_id": [f"K{r[0]}" for r in rijen],
            "datum": [PEIL - pd.Timedelta(days=r[1]) for r in rijen],
            "bedrag": [r[2] for r in rijen],
            "kanaal": ["webshop" if r[3] else "winkel" for r in rijen],
            "korting": [0.0] * len(rijen),
        }
    )
    lijnen = pd.DataFrame(
        {"ticket_id": tickets["ticket_id"], "product_id": [f"P{r[4]}" for r in rijen],
         "bedrag": tickets["bedrag"], "korting_soort": ["solden" if r[3] else None for r in rijen]}
    )
    producten = pd.DataFrame({"product_id": ["P0", "P1", "P2"], "productlijn": ["a", "b", "c"]})
    if not (tickets["bedrag"] > 0).any():
        return
    k = gedragskenmerken(tickets, lijnen, producten, PEIL)
    aandelen = [
        "aandeel_december", "aandeel_schoolstart", "aandeel_webshop", "kortingsgraad", "aandeel_solden"
    ]
    assert ((k[aandelen] >= 0) & (k[aandelen] <= 1 + 1e-12)).all().all()
    lijn = k.filter(like="lijn_")
    assert np.allclose(lijn.sum(axis=1), 1.0)
    # the money adds up: net amount per customer and last two years = net of all tickets of buyers
    kopers = tickets[tickets["klant_id"].isin(k.index)]
    assert k["monetair"].sum() == pytest.approx(kopers["bedrag"].sum())
    assert (k["omzet_laatste_12m"] + k["omzet_vorige_12m"]).sum() == pytest.approx(kopers["bedrag"].sum())
    assert (k["frequentie"] >= 1).all() and (k["recency"] <= k["klantduur_dagen"]).all()


# ---------------------------------------------------------------- clustering


def _blobs(n: int = 600, centra: int = 4, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    x, waar = make_blobs(n_samples=n, centers=centra, n_features=3, cluster_std=0.6, random_state=seed)
    # put the features on very different scales, as frequency and money are
    x = x * np.array([1.0, 50.0, 0.01]) + np.array([0.0, 500.0, 0.5])
    index = [f"K{i}" for i in range(n)]
    return pd.DataFrame(x, columns=["frequentie", "monetair", "aandeel"], index=index), waar


def test_clusters_recover_planted_blobs_and_are_reproducible():
    kenmerken, waar = _blobs()
    labels = clusters(kenmerken, 4, seed=7)
    assert adjusted_rand_score(waar, labels) >= 0.9
    pd.testing.assert_series_equal(labels, clusters(kenmerken, 4, seed=7))
    assert labels.index.equals(kenmerken.index) and labels.name == "segment"
    # numbered 1..k, segment 1 the largest
    grootte = labels.value_counts()
    assert sorted(grootte.index) == [1, 2, 3, 4]
    assert grootte.loc[1] == grootte.max() and list(grootte.sort_index()) == sorted(grootte, reverse=True)


def test_clusters_use_scaled_features():
    # unscaled, 'monetair' (range ~1000) would dominate; scaled, the split on 'frequentie' is found
    rng = np.random.default_rng(3)
    groep = np.repeat([0, 1], 100)
    kenmerken = pd.DataFrame(
        {"frequentie": groep * 10 + rng.normal(0, 0.5, 200), "monetair": rng.uniform(0, 1000, 200)}
    )
    assert adjusted_rand_score(groep, clusters(kenmerken, 2)) >= 0.9
    handmatig = (kenmerken - kenmerken.mean()) / kenmerken.std(ddof=0)
    assert np.allclose(geschaalde_kenmerken(kenmerken), handmatig.to_numpy())


@pytest.mark.parametrize(
    ("kenmerken", "k", "boodschap"),
    [
        (pd.DataFrame({"a": [1.0, 2.0, 3.0]}), 1, "van 2 tot 3"),
        (pd.DataFrame({"a": [1.0, 2.0, 3.0]}), 4, "van 2 tot 3"),
        (pd.DataFrame({"a": [1.0, 1.0, 1.0, 2.0]}), 3, "van 2 tot 2"),
        (pd.DataFrame({"a": [1.0, 2.0, 3.0]}), 2.5, "geheel getal"),
        (pd.DataFrame({"a": [1.0, None, 3.0]}), 2, "ontbrekende"),
        (pd.DataFrame({"a": ["x", "y", "z"]}), 2, "moet getallen bevatten"),
        (pd.DataFrame({"a": []}, dtype="float64"), 2, "is leeg"),
        ([1.0, 2.0], 2, "pandas DataFrame"),
    ],
)
def test_clusters_errors(kenmerken, k, boodschap):
    with pytest.raises(InvoerFout, match=boodschap):
        clusters(kenmerken, k)


def test_clusters_column_choice():
    kenmerken, _ = _blobs(200)
    alleen = clusters(kenmerken, 3, kolommen=["frequentie", "monetair"])
    pd.testing.assert_series_equal(alleen, clusters(kenmerken[["frequentie", "monetair"]], 3))
    with pytest.raises(InvoerFout, match="mist de kolom 'x'"):
        clusters(kenmerken, 3, kolommen=["x"])


def _silhouette_numpy(x: np.ndarray, labels: np.ndarray) -> float:
    """Independent silhouette: mean over points of (b - a) / max(a, b) (Rousseeuw 1987)."""
    afstand = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2))
    waarden = []
    for i in range(len(x)):
        eigen = labels == labels[i]
        if eigen.sum() == 1:
            waarden.append(0.0)
            continue
        a = afstand[i, eigen].sum() / (eigen.sum() - 1)
        b = min(afstand[i, labels == c].mean() for c in np.unique(labels) if c != labels[i])
        waarden.append((b - a) / max(a, b))
    return float(np.mean(waarden))


def test_kies_k_silhouette_matches_sklearn_and_numpy_on_the_sample():
    kenmerken, _ = _blobs(500)
    tabel = kies_k(kenmerken, k_bereik=[3, 4], seed=5, steekproefgrootte=150)
    x = geschaalde_kenmerken(kenmerken)
    rijen = steekproef(len(x), 150, seed=5)
    assert len(rijen) == 150 and len(np.unique(rijen)) == 150
    for k in (3, 4):
        labels = clusters(kenmerken, k, seed=5).to_numpy()
        verwacht = silhouette_score(x[rijen], labels[rijen])
        assert tabel.loc[k, "silhouet"] == pytest.approx(verwacht)
        assert tabel.loc[k, "silhouet"] == pytest.approx(_silhouette_numpy(x[rijen], labels[rijen]))
    # small data: the whole set is used
    klein = kies_k(kenmerken.iloc[:80], k_bereik=[2], steekproefgrootte=1000, minimum_aantal=1)
    labels = clusters(kenmerken.iloc[:80], 2).to_numpy()
    assert klein.loc[2, "silhouet"] == pytest.approx(
        silhouette_score(geschaalde_kenmerken(kenmerken.iloc[:80]), labels)
    )


def test_kies_k_recommends_the_planted_k():
    kenmerken, _ = _blobs(800, centra=4, seed=2)
    tabel = kies_k(kenmerken, k_bereik=range(2, 9), seed=1)
    assert tabel.index.tolist() == list(range(2, 9))
    assert tabel["aanbevolen"].sum() == 1
    assert tabel.index[tabel["aanbevolen"]][0] == 4
    assert "k = 4" in tabel.loc[4, "reden"] and "silhouetscore" in tabel.loc[4, "reden"]
    assert tabel["inertie"].is_monotonic_decreasing
    assert tabel["knik"].sum() == 1
    pd.testing.assert_frame_equal(tabel, kies_k(kenmerken, k_bereik=range(2, 9), seed=1))


def test_kies_k_warns_about_over_segmentation():
    # 3 big groups and one of 4 customers: k = 4 finds the tiny group, which is too small to act on
    rng = np.random.default_rng(0)
    x = np.r_[
        rng.normal(0, 0.2, 100), rng.normal(10, 0.2, 100), rng.normal(20, 0.2, 100), rng.normal(40, 0.2, 4)
    ]
    tabel = kies_k(pd.DataFrame({"x": x}), k_bereik=[3, 4], minimum_aantal=10)
    assert not tabel.loc[3, "te_klein"] and tabel.loc[4, "te_klein"]
    assert tabel.loc[4, "kleinste_aantal"] == 4
    assert tabel.loc[3, "aanbevolen"]
    assert tabel.loc[4, "reden"] == "kleinste segment te klein: 4 klanten (1,3%)"  # 4 / 304
    alles_klein = kies_k(pd.DataFrame({"x": x}), k_bereik=[3, 4], minimum_aantal=500)
    assert alles_klein.loc[3, "aanbevolen"] and "zo weinig mogelijk" in alles_klein.loc[3, "reden"]
    with pytest.raises(InvoerFout, match="k_bereik is leeg"):
        kies_k(pd.DataFrame({"x": x}), k_bereik=[])


def test_te_kleine_segmenten_hand():
    labels = pd.Series(["a"] * 100 + ["b"] * 30 + ["c"] * 4)
    tabel = te_kleine_segmenten(labels, minimum_aandeel=0.05, minimum_aantal=50)
    assert tabel["aantal"].tolist() == [100, 30, 4]
    assert tabel["aandeel"].tolist() == pytest.approx([100 / 134, 30 / 134, 4 / 134])
    assert tabel["te_klein"].tolist() == [False, True, True]  # b: 30 < 50; c: 3,0% < 5% and 4 < 50
    assert tabel.loc["a", "waarschuwing"] == ""
    assert tabel.loc["c", "waarschuwing"].startswith("Segment c telt maar 4 klanten (3,0%)")
    with pytest.raises(InvoerFout, match="leeg"):
        te_kleine_segmenten(pd.Series([], dtype="int64"))
    with pytest.raises(InvoerFout, match="reeks"):
        te_kleine_segmenten([1, 2])
    with pytest.raises(InvoerFout, match="minimum_aandeel"):
        te_kleine_segmenten(labels, minimum_aandeel=1.5)


# ---------------------------------------------------------------- profielen en beschrijvingen


def _kenmerken() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "frequentie": [1.0, 3.0, 10.0, 12.0],
            "gemiddeld_bruto_ticket": [40.0, 60.0, 100.0, 120.0],
            "aandeel_solden": [0.8, 0.6, 0.0, 0.2],
        },
        index=pd.Index(["K1", "K2", "K3", "K4"], name="klant_id"),
    )


def test_segmentprofiel_hand():
    labels = pd.Series([1, 1, 2, 2], index=["K1", "K2", "K3", "K4"])
    profiel = segmentprofiel(_kenmerken(), labels)
    assert profiel.index.tolist() == [1, 2] and profiel.index.name == "segment"
    assert profiel["aantal"].tolist() == [2, 2] and profiel["aandeel"].tolist() == [0.5, 0.5]
    assert profiel["frequentie"].tolist() == [2.0, 11.0]
    assert profiel["aandeel_solden"].tolist() == pytest.approx([0.7, 0.1])
    # frequentie: overall mean 6.5; population sd = sqrt(((5.5²+3.5²+3.5²+5.5²)/4)) = sqrt(21.25)
    assert profiel["afwijking_frequentie"].tolist() == pytest.approx([-4.5 / 21.25**0.5, 4.5 / 21.25**0.5])
    # solden: mean 0.4, deviations .4 .2 -.4 -.2 -> sd sqrt(0.1)
    assert profiel.loc[1, "afwijking_aandeel_solden"] == pytest.approx(0.3 / 0.1**0.5)
    # 2 customers per segment: far below the default minimum of 50 -> flagged, and said in the text
    assert profiel["te_klein"].tolist() == [True, True]
    assert profiel.loc[1, "waarschuwing"].startswith("Segment 1 telt maar 2 klanten (50,0%)")
    assert beschrijf_segmenten(profiel)[1].endswith("Let op: " + profiel.loc[1, "waarschuwing"])
    groot_genoeg = segmentprofiel(_kenmerken(), labels, minimum_aantal=2)
    assert groot_genoeg["waarschuwing"].tolist() == ["", ""]
    assert "Let op" not in beschrijf_segmenten(groot_genoeg)[1]


def test_segmentprofiel_with_customers():
    labels = pd.Series(["a", "a", "b", "b"], index=["K1", "K2", "K3", "K4"])
    profiel = segmentprofiel(_kenmerken(), labels, klanten=_klanten(), peildatum=PEIL)
    # a = K1 (45 y, e-mail + consent), K2 (26 y, consent but channel 'geen')
    assert profiel.loc["a", "leeftijd"] == pytest.approx((45 + 26) / 2)
    assert profiel.loc["b", "leeftijd"] == 75  # K3 unknown, K4 born 1950-02-02
    # reachable = on a mailing list (acties.doellijst):
    # K1 e-mail yes, K2 'geen' no; K3 no consent, K4 post yes
    assert profiel["aandeel_bereikbaar"].tolist() == [0.5, 0.5]
    zonder_adres = _klanten().assign(straat=None)  # K4 can no longer be reached by post
    bereikbaar = segmentprofiel(_kenmerken(), labels, zonder_adres, PEIL)["aandeel_bereikbaar"]
    assert bereikbaar.tolist() == [0.5, 0.0]
    zonder_contact = segmentprofiel(_kenmerken(), labels, _klanten().drop(columns="straat"), PEIL)
    assert "aandeel_bereikbaar" not in zonder_contact.columns
    with pytest.raises(InvoerFout, match="'klantenkaart' in 'klanten' moet waar/onwaar"):
        segmentprofiel(_kenmerken(), labels, _klanten().assign(klantenkaart="ja"), PEIL)
    assert profiel["aandeel_vrouw"].tolist() == [0.5, 0.5]
    assert profiel["afstand_km"].tolist() == [7.0, 26.0]
    assert profiel.loc["b", "huishouden"] in {"gezin", "koppel"}
    assert profiel.loc["a", "voorkeurkanaal"] in {"e-mail", "geen"}
    assert profiel.loc["a", "aandeel_klantenkaart"] == 0.5


def test_segmentprofiel_by_demographic_class_skips_empty_classes():
    klassen = demografische_segmenten(_klanten(), PEIL)["leeftijdsklasse"]  # K3 unknown age
    profiel = segmentprofiel(_kenmerken(), klassen)
    # K1 45 -> 45-54, K2 26 -> 25-34, K4 75 -> >= 65; the other classes are empty and not listed
    assert profiel.index.tolist() == ["25-34 jaar", "45-54 jaar", "≥ 65 jaar"]
    assert profiel["aantal"].tolist() == [1, 1, 1]
    assert profiel["frequentie"].tolist() == [3.0, 1.0, 12.0]
    assert profiel.loc["≥ 65 jaar", "waarschuwing"].startswith("Segment ≥ 65 jaar telt maar 1 klant (33,3%)")


def test_segmentprofiel_aligns_on_index_and_validates():
    labels = pd.Series([1, 2, None], index=["K2", "K3", "K9"])  # K1, K4 without segment; K9 not a buyer
    profiel = segmentprofiel(_kenmerken(), labels)
    assert profiel["aantal"].tolist() == [1, 1]
    assert profiel["frequentie"].tolist() == [3.0, 10.0]
    with pytest.raises(InvoerFout, match="Geen enkele klant"):
        segmentprofiel(_kenmerken(), pd.Series([1], index=["X"]))
    with pytest.raises(InvoerFout, match="reeks"):
        segmentprofiel(_kenmerken(), [1, 1, 2, 2])
    with pytest.raises(InvoerFout, match="moet getallen bevatten"):
        segmentprofiel(_kenmerken().assign(tekst="x"), pd.Series(1, index=_kenmerken().index))
    with pytest.raises(InvoerFout, match="is leeg"):
        segmentprofiel(_kenmerken().iloc[:0], pd.Series(dtype="int64"))


def test_beschrijf_segmenten_uses_the_profile_figures():
    profiel = pd.DataFrame(
        {
            "aantal": [412, 1876],
            "aandeel": [412 / 2288, 1876 / 2288],
            "frequentie": [2.26, 4.0],
            "monetair": [180.4, 400.0],
            "gemiddeld_bruto_ticket": [54.2, 71.0],
            "recency": [120.0, 60.0],
            "aandeel_solden": [0.45, 0.12],
            "afstand_km": [3.2, 9.0],
            "huishouden": ["gezin", "koppel"],
            "afwijking_frequentie": [-0.2, 0.1],
            "afwijking_aandeel_solden": [1.4, -0.3],
            "afwijking_afstand_km": [-0.8, 0.2],
        },
        index=[1, 2],
    )
    tekst = beschrijf_segmenten(profiel)
    een = tekst[1]
    # 412 / 2288 = 18,0%
    assert een.startswith("Deze groep van 412 klanten (18%) kwam gemiddeld 2,3 keer kopen")
    assert "in totaal gemiddeld € 180," in een and "€ 54 uit per ticket" in een and "120 dagen geleden" in een
    # weighted mean of solden: (412*.45 + 1876*.12) / 2288 = 0.1794 -> 18%
    assert "koopt vaak in de solden (45%, gemiddeld 18%)" in een
    # afstand: (412*3.2 + 1876*9) / 2288 = 7.96 km
    assert "woont dicht bij de winkel (3,2 km, gemiddeld 8,0 km)" in een
    assert een.index("solden") < een.index("dicht bij")  # strongest trait first
    assert een.endswith("Meest voorkomend huishouden: gezin.")
    assert "Opvallend" not in tekst[2]  # nothing reaches 0,5 standard deviations
    assert segmentnamen(profiel) == {1: "Soldenjagers", 2: "Gemiddelde klanten"}


def test_segmentnamen_are_unique():
    profiel = pd.DataFrame(
        {
            "aantal": [10, 10, 10],
            "aandeel": [1 / 3] * 3,
            "afwijking_aandeel_solden": [1.5, 1.2, 1.0],
            "afwijking_aandeel_webshop": [0.9, -0.8, 0.0],
        },
        index=[1, 2, 3],
    )
    namen = segmentnamen(profiel)
    assert namen == {
        1: "Soldenjagers, webshopkopers",
        2: "Soldenjagers, winkelkopers",
        3: "Soldenjagers",
    }
    assert len(set(namen.values())) == 3


def _seizoenstickets() -> pd.DataFrame:
    # one calendar year, so every month of the year occurs exactly once
    return pd.DataFrame(
        {
            "klant_id": ["A1", "A2", "A1", "B1", "B1", "B2", None],
            "datum": pd.to_datetime(
                ["2025-01-10", "2025-07-05", "2025-12-20", "2025-01-11", "2025-03-03", "2025-12-01",
                 "2025-07-01"]
            ),
            "bedrag": [100.0, 300.0, 200.0, 100.0, 100.0, 100.0, 999.0],
        }
    )


def test_seizoensvoorkeur_hand():
    labels = pd.Series({"A1": "a", "A2": "a", "B1": "b", "B2": "b"})
    tabel = seizoensvoorkeur(_seizoenstickets(), labels)
    assert tabel.index.tolist() == ["a", "b"] and tabel.columns[0] == "januari" and len(tabel.columns) == 12
    # a: 600 over 12 months = 50 a month -> jan 2, jul 6, dec 4 ; b: 300 -> 25 -> jan 4, mrt 4, dec 4
    # all (the anonymous ticket does not count): 900 -> 75 -> jan 8/3, mrt 4/3, jul 4, dec 4
    a, b = tabel.loc["a"], tabel.loc["b"]
    assert (a["januari"], a["maart"], a["juli"], a["december"]) == pytest.approx((0.75, 0.0, 1.5, 1.0))
    assert (b["januari"], b["maart"], b["juli"], b["december"]) == pytest.approx((1.5, 3.0, 0.0, 1.0))
    assert np.isnan(a["februari"])  # nobody bought in February
    with pytest.raises(InvoerFout, match="Geen enkel ticket"):
        seizoensvoorkeur(_seizoenstickets(), pd.Series({"X": 1}))
    with pytest.raises(InvoerFout, match="reeks"):
        seizoensvoorkeur(_seizoenstickets(), {"A1": "a"})
    # one customer with two labels: a Dutch error instead of pandas' InvalidIndexError
    with pytest.raises(InvoerFout, match="'A1' staat meer dan eens in de segmenten"):
        seizoensvoorkeur(_seizoenstickets(), pd.Series(["a", "b"], index=["A1", "A1"]))
    with pytest.raises(InvoerFout, match="mist de kolom 'bedrag'"):
        seizoensvoorkeur(_seizoenstickets().drop(columns="bedrag"), labels)


# ---------------------------------------------------------------- targeting


def _drie_segmenten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "aantal": [500, 300, 200],
            "aandeel": [0.5, 0.3, 0.2],
            "monetair": [100.0, 400.0, 250.0],
            "omzet_laatste_12m": [60.0, 180.0, 90.0],
            "omzet_vorige_12m": [50.0, 200.0, 60.0],
            "aandeel_bereikbaar": [0.4, 0.8, 0.6],
        },
        index=["A", "B", "C"],
    )


def test_segment_aantrekkelijkheid_hand():
    tabel = segment_aantrekkelijkheid(
        _drie_segmenten(), {"grootte": 2, "waarde": 1, "groei": 1, "bereikbaarheid": 0}
    )
    # growth: A 60/50-1 = 0.2, B 180/200-1 = -0.1, C 90/60-1 = 0.5
    assert tabel.loc[["A", "B", "C"], "groei"].tolist() == pytest.approx([0.2, -0.1, 0.5])
    # min-max scores (0..100): size A 100, B (0.3-0.2)/0.3 = 33.33, C 0
    #                          value A 0, B 100, C 150/300 = 50
    #                          growth A 0.3/0.6 = 50, B 0, C 100
    # weights normalised 0.5, 0.25, 0.25, 0
    # A: .5*100 + .25*0 + .25*50 = 62.5 ; B: .5*33.33 + .25*100 + 0 = 41.67 ; C: 0 + 12.5 + 25 = 37.5
    assert tabel.index.tolist() == ["A", "B", "C"]
    assert tabel["totaalscore"].tolist() == pytest.approx([62.5, 41.0 + 2 / 3, 37.5])
    assert tabel["rang"].tolist() == [1, 2, 3]
    assert tabel.loc["B", "score_grootte"] == pytest.approx(100 / 3)
    assert tabel.loc["C", "score_waarde"] == pytest.approx(50.0)
    assert tabel.loc["A", "score_bereikbaarheid"] == 0.0 and tabel.loc["B", "score_bereikbaarheid"] == 100.0


def test_segment_aantrekkelijkheid_equal_weights_and_edge_cases():
    # equal weights: A (100+0+50+0)/4 = 37.5, B (33.33+100+0+100)/4 = 58.33, C (0+50+100+50)/4 = 50
    tabel = segment_aantrekkelijkheid(_drie_segmenten())
    assert tabel.index.tolist() == ["B", "C", "A"]
    assert tabel["totaalscore"].tolist() == pytest.approx([175 / 3, 50.0, 37.5])
    # no turnover the year before -> growth unknown -> neutral 50
    nieuw = _drie_segmenten().assign(omzet_vorige_12m=[50.0, 0.0, 60.0])
    assert segment_aantrekkelijkheid(nieuw).loc["B", "score_groei"] == 50.0
    # one criterion equal everywhere -> 50 for all
    gelijk = _drie_segmenten().assign(aandeel_bereikbaar=0.5)
    assert (segment_aantrekkelijkheid(gelijk)["score_bereikbaarheid"] == 50.0).all()


@pytest.mark.parametrize(
    ("gewichten", "boodschap"),
    [
        ({"grootte": -1, "waarde": 1}, "niet negatief"),
        ({"grootte": 0, "waarde": 0}, "groter dan 0"),
        ({"winst": 1}, "Onbekend criterium 'winst'"),
        ({"grootte": "veel"}, "getal"),
        ([1, 2, 3, 4], "dict"),
    ],
)
def test_segment_aantrekkelijkheid_weight_errors(gewichten, boodschap):
    with pytest.raises(InvoerFout, match=boodschap):
        segment_aantrekkelijkheid(_drie_segmenten(), gewichten)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 1000), st.floats(0, 5000), st.floats(1, 500), st.floats(1, 500), st.floats(0, 1)
        ),
        min_size=2, max_size=6,
    ),
    st.lists(st.floats(0, 10), min_size=4, max_size=4).filter(lambda g: sum(g) > 0.01),
)
def test_segment_aantrekkelijkheid_properties(rijen, gewichten):
    aantal = np.array([r[0] for r in rijen], dtype=float)
    profiel = pd.DataFrame(
        {
            "aantal": aantal,
            "aandeel": aantal / aantal.sum(),
            "monetair": [r[1] for r in rijen],
            "omzet_laatste_12m": [r[2] for r in rijen],
            "omzet_vorige_12m": [r[3] for r in rijen],
            "aandeel_bereikbaar": [r[4] for r in rijen],
        }
    )
    gewicht = dict(zip(["grootte", "waarde", "groei", "bereikbaarheid"], gewichten, strict=True))
    tabel = segment_aantrekkelijkheid(profiel, gewicht)
    assert tabel["totaalscore"].between(-1e-9, 100 + 1e-9).all()
    assert tabel["totaalscore"].is_monotonic_decreasing
    assert tabel["rang"].tolist() == list(range(1, len(rijen) + 1))
    # second implementation, segment by segment: weighted mean of min-max scores (equal values -> 50)
    for segment, rij in tabel.iterrows():
        totaal = 0.0
        for naam, g in gewicht.items():
            kolom = tabel[naam]
            laag, hoog = kolom.min(), kolom.max()
            score = 50.0 if hoog == laag else 100 * (rij[naam] - laag) / (hoog - laag)
            totaal += g / sum(gewichten) * score
        assert rij["totaalscore"] == pytest.approx(totaal, abs=1e-6), segment
    # all weight on value: the ranking follows the mean spending
    op_waarde = segment_aantrekkelijkheid(profiel, {"waarde": 1})
    assert op_waarde["waarde"].is_monotonic_decreasing


def test_segment_aantrekkelijkheid_missing_column():
    with pytest.raises(InvoerFout, match=r"mist de kolom 'aandeel_bereikbaar'.*klanten=winkel\.klanten"):
        segment_aantrekkelijkheid(_drie_segmenten().drop(columns="aandeel_bereikbaar"))
    with pytest.raises(InvoerFout, match="mist de kolom 'omzet_vorige_12m'"):
        segment_aantrekkelijkheid(_drie_segmenten().drop(columns="omzet_vorige_12m"))


# ---------------------------------------------------------------- perceptuele kaart

def test_full_flow_on_the_shipped_shop(winkel):
    k = gedragskenmerken(winkel.tickets, winkel.ticketlijnen, winkel.producten, winkel.peildatum)
    # every known buyer once; their net money equals the net amount of their tickets
    gekend = winkel.tickets[winkel.tickets["klant_id"].isin(k.index)]
    assert k["monetair"].sum() == pytest.approx(gekend["bedrag"].sum())
    assert k.filter(like="lijn_").sum(axis=1).round(9).isin([0.0, 1.0]).all()
    keuze = kies_k(k, k_bereik=range(2, 7))
    assert keuze["aanbevolen"].sum() == 1
    beste = int(keuze.index[keuze["aanbevolen"]][0])
    labels = clusters(k, beste)
    profiel = segmentprofiel(k, labels, winkel.klanten, winkel.peildatum)
    assert profiel["aantal"].sum() == len(k) and len(profiel) == beste
    assert profiel["aandeel_bereikbaar"].between(0, 1).all()
    teksten = beschrijf_segmenten(profiel)
    assert all(teksten[s].startswith(f"Deze groep van {profiel.loc[s, 'aantal']:,}".replace(",", "."))
               for s in profiel.index)
    seizoen = seizoensvoorkeur(winkel.tickets, labels)
    assert seizoen.index.equals(profiel.index)
    kaarten = maak_personas(profiel, seizoen=seizoen)
    assert len({kaart.naam for kaart in kaarten.values()}) == beste
    assert all(kaart.html().startswith("<div") for kaart in kaarten.values())
    rangorde = segment_aantrekkelijkheid(profiel)
    assert sorted(rangorde["rang"]) == list(range(1, beste + 1))
    kaart = perceptuele_kaart(winkel.enquete)
    assert (kaart["soort"] == "eigen winkel").sum() == 1 and (kaart["soort"] == "concurrent").sum() >= 2
    assert (kaart["soort"] == "item").sum() == 6
    assert 0 < sum(kaart.attrs["verklaarde_variantie"]) <= 1 + 1e-9


def test_kies_k_wording_follows_the_numbers():
    # hand-made table: k = 5 and 6 score higher than k = 4 but have a segment that is too small
    from helpers.segmentatie.clustering import _beveel_aan

    tabel = pd.DataFrame(
        {
            "inertie": [90.0, 70.0, 60.0, 55.0, 52.0],
            "silhouet": [0.12, 0.14, 0.16, 0.19, 0.21],
            "kleinste_aantal": [900, 600, 400, 30, 12],
            "kleinste_aandeel": [0.3, 0.2, 0.1, 0.01, 0.004],
            "te_klein": [False, False, False, True, True],
            "knik": [False, True, False, False, False],
        },
        index=pd.Index([2, 3, 4, 5, 6], name="k"),
    )
    uit = _beveel_aan(tabel, 0.05, 50)
    reden = uit.loc[uit["aanbevolen"], "reden"].iloc[0]
    assert int(uit.index[uit["aanbevolen"]][0]) == 4
    assert reden.startswith("k = 4: de hoogste silhouetscore (0,16) van de k's waarbij elk segment")
    assert "Bij k = 5, 6 is de silhouetscore hoger (tot 0,21)" in reden
    # without higher scores elsewhere the sentence says nothing about them
    alleen = _beveel_aan(tabel.assign(silhouet=[0.12, 0.14, 0.16, 0.10, 0.09]), 0.05, 50)
    assert "hoger" not in alleen.loc[alleen["aanbevolen"], "reden"].iloc[0]

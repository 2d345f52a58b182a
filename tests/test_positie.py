"""helpers.positie (notebook 04): lead on the best competitor, distances on the map, map per segment."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.decomposition import PCA

from helpers.controle import InvoerFout
from helpers.data import laad_winkel
from helpers.persona import maak_personas, segmenteer
from helpers.positie import (
    afstanden,
    hoofdcomponenten,
    perceptuele_kaart,
    positionering,
    positionering_per_segment,
    voorsprong,
)
from helpers.segmentatie import clusters, gedragskenmerken, segmentprofiel


def test_voorsprong_by_hand():
    # own shop: prijs 3, service 4.5, sfeer 2; keten: 4, 3, 2.5; boetiek: 2, 4, 1
    tabel = pd.DataFrame(
        {"aantal": [9, 5, 4], "prijs": [3.0, 4.0, 2.0], "service": [4.5, 3.0, 4.0], "sfeer": [2.0, 2.5, 1.0]},
        index=["eigen winkel", "keten", "boetiek"],
    )
    uit = voorsprong(tabel)
    # service: 4.5 - max(3, 4) = +0.5 (boetiek); sfeer: 2 - 2.5 = -0.5 (keten); prijs: 3 - 4 = -1 (keten)
    assert uit.index.tolist() == ["service", "sfeer", "prijs"]
    assert uit["voorsprong"].tolist() == [0.5, -0.5, -1.0]
    assert uit["beste_concurrent"].tolist() == ["boetiek", "keten", "keten"]
    assert uit["score_beste"].tolist() == [4.0, 2.5, 4.0]
    # averages of the two competitors: (3+4)/2, (2.5+1)/2, (4+2)/2
    assert uit["gemiddelde_concurrenten"].tolist() == [3.5, 1.75, 3.0]
    assert uit["eigen"].tolist() == [4.5, 2.0, 3.0]


def test_voorsprong_on_survey_agrees_with_a_loop():
    winkel = laad_winkel("kledingzaak")
    tabel = positionering(winkel.enquete)
    uit = voorsprong(tabel)
    for item in uit.index:  # straightforward second implementation
        rivalen = {naam: tabel.loc[naam, item] for naam in tabel.index if naam != "eigen winkel"}
        beste = max(rivalen, key=rivalen.get)
        assert uit.loc[item, "beste_concurrent"] == beste
        assert uit.loc[item, "voorsprong"] == pytest.approx(tabel.loc["eigen winkel", item] - rivalen[beste])


def test_voorsprong_errors():
    with pytest.raises(InvoerFout, match="geen rij 'eigen winkel'"):
        voorsprong(pd.DataFrame({"aantal": [1], "prijs": [3.0]}, index=["keten"]))
    with pytest.raises(InvoerFout, match="geen enkele concurrent"):
        voorsprong(pd.DataFrame({"aantal": [1], "prijs": [3.0]}, index=["eigen winkel"]))
    with pytest.raises(InvoerFout, match="geen items"):
        voorsprong(pd.DataFrame({"aantal": [1, 2]}, index=["eigen winkel", "keten"]))
    with pytest.raises(InvoerFout, match="is leeg"):
        voorsprong(pd.DataFrame({"aantal": [], "prijs": []}))


def test_afstanden_by_hand_and_items_ignored():
    # A at (3, 4) from (1, 1): sqrt(4 + 9) = 3.606; B at (1, 0): 1; the item arrow does not count
    kaart = pd.DataFrame(
        {
            "naam": ["A", "eigen winkel", "B", "prijs"],
            "soort": ["concurrent", "eigen winkel", "concurrent", "item"],
            "x": [3.0, 1.0, 1.0, 1.0],
            "y": [4.0, 1.0, 0.0, 1.0],
        }
    )
    uit = afstanden(kaart)
    assert uit.index.tolist() == ["B", "A"]
    assert uit.tolist() == pytest.approx([1.0, np.sqrt(13)])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(-5, 5), st.floats(-5, 5)), min_size=2, max_size=6))
def test_afstanden_matches_scipy(punten):
    from scipy.spatial.distance import cdist

    namen = ["eigen winkel"] + [f"C{i}" for i in range(1, len(punten))]
    kaart = pd.DataFrame(
        {
            "naam": namen,
            "soort": ["eigen winkel"] + ["concurrent"] * (len(punten) - 1),
            "x": [p[0] for p in punten],
            "y": [p[1] for p in punten],
        }
    )
    uit = afstanden(kaart)
    verwacht = cdist(np.array(punten[:1]), np.array(punten[1:]))[0]
    assert uit.reindex(namen[1:]).to_numpy() == pytest.approx(verwacht)
    assert uit.is_monotonic_increasing


def test_afstanden_errors():
    kaart = pd.DataFrame({"naam": ["A"], "soort": ["concurrent"], "x": [0.0], "y": [0.0]})
    with pytest.raises(InvoerFout, match="precies één eigen winkel"):
        afstanden(kaart)
    with pytest.raises(InvoerFout, match="geen enkele concurrent"):
        afstanden(kaart.assign(soort="eigen winkel"))
    with pytest.raises(InvoerFout, match="mist de kolom 'y'"):
        afstanden(kaart.drop(columns="y"))


def test_positionering_per_segment_by_hand():
    enquete = pd.DataFrame(
        {
            "klant_id": ["A", "B", "C", "D", None],
            "prijs": [4, 2, 5, None, 1],
            "service": [3, 3, 5, 4, 1],
            "concurrent": ["X", "X", "Y", None, "X"],
            "concurrent_prijs": [3, 5, 1, None, 2],
            "concurrent_service": [2, 4, 2, None, 2],
        }
    ).astype({"prijs": "Int64", "concurrent_prijs": "Int64"})
    segmenten = pd.Series({"A": "jong", "B": "trouw", "C": "jong", "D": "trouw", "E": "trouw"})
    t = positionering_per_segment(enquete, segmenten, items=["prijs", "service"])
    # jong = A, C: own prijs (4+5)/2, service (3+5)/2; X by A: 3, 2; Y by C: 1, 2
    # trouw = B, D: own prijs 2 (D left it empty), service (3+4)/2 = 3.5; X by B: 5, 4
    assert t.loc[("jong", "eigen winkel"), ["aantal", "prijs", "service"]].tolist() == [2, 4.5, 4.0]
    assert t.loc[("trouw", "eigen winkel"), ["aantal", "prijs", "service"]].tolist() == [2, 2.0, 3.5]
    assert t.loc[("jong", "X"), ["prijs", "service"]].tolist() == [3.0, 2.0]
    assert t.loc[("trouw", "X"), ["prijs", "service"]].tolist() == [5.0, 4.0]
    assert ("trouw", "Y") not in t.index
    assert t.attrs["zonder_segment"] == 1  # the anonymous answer
    # each block equals positionering on that segment's answers alone
    jong = positionering(enquete.iloc[[0, 2]], items=["prijs", "service"])
    pd.testing.assert_frame_equal(t.xs("jong", level="segment"), jong)


def test_positionering_per_segment_errors():
    enquete = pd.DataFrame(
        {"klant_id": ["A"], "prijs": [4], "concurrent": [None], "concurrent_prijs": [None]}
    )
    with pytest.raises(InvoerFout, match="Geen enkele respondent heeft een segment"):
        positionering_per_segment(enquete, pd.Series({"Z": 1}), items=["prijs"])
    with pytest.raises(InvoerFout, match="als reeks"):
        positionering_per_segment(enquete, {"A": 1}, items=["prijs"])
    with pytest.raises(InvoerFout, match="mist de kolom 'klant'"):
        positionering_per_segment(enquete, pd.Series({"A": 1}), items=["prijs"], klant="klant")


def test_segmenteer_is_the_library_chain():
    w = laad_winkel("sportzaak")
    s = segmenteer(w.tickets, w.ticketlijnen, w.producten, w.klanten, w.peildatum, k=3)
    opnieuw = segmenteer(w.tickets, w.ticketlijnen, w.producten, w.klanten, w.peildatum, k=3)
    pd.testing.assert_series_equal(s.labels, opnieuw.labels)  # deterministic
    assert s.personas == opnieuw.personas
    kenmerken = gedragskenmerken(w.tickets, w.ticketlijnen, w.producten, w.peildatum)
    labels = clusters(kenmerken, 3)
    pd.testing.assert_series_equal(s.labels, labels)
    profiel = segmentprofiel(kenmerken, labels, w.klanten, w.peildatum)
    pd.testing.assert_frame_equal(s.profiel, profiel)
    assert s.personas.keys() == maak_personas(profiel).keys() == s.namen.keys()
    assert s.profiel["aantal"].sum() == len(kenmerken)
    # the survey of this shop splits over the segments
    kaart = perceptuele_kaart(w.enquete)
    assert afstanden(kaart).index.isin(positionering(w.enquete).index).all()


# ---------------------------------------------------------------- the perceptual map (PCA)

KAART_ITEMS = ["prijs", "kwaliteit", "service"]


def _enquete(seed: int = 0, n: int = 200) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rivalen = rng.choice(["Zalando", "ZEB", "Primark", "Kleintje"], size=n, p=[0.35, 0.3, 0.3, 0.05])
    basis = {"Zalando": (4, 3, 2), "ZEB": (3, 4, 3), "Primark": (5, 2, 2), "Kleintje": (1, 5, 5)}
    tabel = {item: rng.integers(3, 6, n).astype(float) for item in KAART_ITEMS}
    for j, item in enumerate(KAART_ITEMS):
        tabel[f"concurrent_{item}"] = np.clip(
            np.array([basis[r][j] for r in rivalen]) + rng.integers(-1, 2, n), 1, 5
        ).astype(float)
    tabel["concurrent"] = rivalen
    enquete = pd.DataFrame(tabel)
    enquete.loc[::10, KAART_ITEMS] = np.nan  # some did not answer about the own shop
    return enquete


def test_perceptuele_kaart_equals_numpy_svd_and_sklearn_pca():
    enquete = _enquete()
    kaart = perceptuele_kaart(enquete, items=KAART_ITEMS, minimum_antwoorden=20)
    winkels = kaart[kaart["soort"] != "item"]
    # 'Kleintje' has about 10 ratings < 20: left out
    assert winkels["naam"].tolist()[0] == "eigen winkel" and "Kleintje" not in winkels["naam"].tolist()
    # oracle: the shop x item mean matrix built directly, PCA by numpy SVD
    eigen = enquete[KAART_ITEMS].mean()
    rivalen = enquete.groupby("concurrent")[[f"concurrent_{i}" for i in KAART_ITEMS]].mean()
    rivalen.columns = KAART_ITEMS
    matrix = pd.concat([eigen.to_frame("eigen winkel").T, rivalen]).loc[winkels["naam"]].to_numpy()
    centrum = matrix - matrix.mean(axis=0)
    u, s, vt = np.linalg.svd(centrum, full_matrices=False)
    for as_, kolom in enumerate(["x", "y"]):
        teken = np.sign(vt[as_][np.argmax(np.abs(vt[as_]))])  # largest loading positive
        assert np.allclose(winkels[kolom].to_numpy(), teken * u[:, as_] * s[as_])
        assert np.allclose(kaart.loc[kaart["soort"] == "item", kolom].to_numpy(), teken * vt[as_])
    # second library: sklearn PCA gives the same coordinates up to the sign of each axis
    sk = PCA(n_components=2).fit(matrix)
    coords = sk.transform(matrix)
    assert np.allclose(np.abs(coords), np.abs(winkels[["x", "y"]].to_numpy()))
    assert kaart.attrs["verklaarde_variantie"] == pytest.approx(tuple(sk.explained_variance_ratio_))


def test_perceptuele_kaart_keeps_distances_of_three_shops():
    # own shop + 2 competitors: the centred matrix has rank <= 2, so the map is an exact rotation
    enquete = pd.DataFrame(
        {
            "prijs": [4.0, 2.0, 3.0, 5.0],
            "kwaliteit": [5.0, 3.0, 4.0, 4.0],
            "service": [2.0, 2.0, 5.0, 3.0],
            "concurrent": ["A", "A", "B", "B"],
            "concurrent_prijs": [5.0, 3.0, 1.0, 2.0],
            "concurrent_kwaliteit": [2.0, 2.0, 5.0, 4.0],
            "concurrent_service": [1.0, 2.0, 4.0, 5.0],
        }
    )
    kaart = perceptuele_kaart(enquete, items=KAART_ITEMS, minimum_antwoorden=1)
    # means: own (3.5, 4, 3), A (4, 2, 1.5), B (1.5, 4.5, 4.5)
    matrix = np.array([[3.5, 4.0, 3.0], [4.0, 2.0, 1.5], [1.5, 4.5, 4.5]])
    winkels = kaart.loc[kaart["soort"] != "item", ["x", "y"]].to_numpy()
    afstand = np.linalg.norm(matrix[:, None] - matrix[None], axis=2)
    assert np.allclose(np.linalg.norm(winkels[:, None] - winkels[None], axis=2), afstand)
    assert sum(kaart.attrs["verklaarde_variantie"]) == pytest.approx(1.0)


def test_hoofdcomponenten_sign_convention_is_deterministic():
    matrix = np.array([[1.0, 2.0, 3.0], [2.0, 1.0, 0.0], [4.0, 4.0, 1.0], [0.0, 3.0, 2.0]])
    coordinaten, ladingen, _ = hoofdcomponenten(matrix)
    gespiegeld, ladingen2, _ = hoofdcomponenten(-matrix)  # mirrored data: loadings flip back to positive
    for as_ in range(2):
        assert ladingen[np.argmax(np.abs(ladingen[:, as_])), as_] > 0
        assert ladingen2[np.argmax(np.abs(ladingen2[:, as_])), as_] > 0
    assert np.allclose(np.abs(coordinaten), np.abs(gespiegeld))


def test_perceptuele_kaart_with_two_chosen_axes():
    enquete = _enquete()
    kaart = perceptuele_kaart(enquete, items=KAART_ITEMS, assen=("prijs", "kwaliteit"), minimum_antwoorden=1)
    assert (kaart["soort"] != "item").all()
    eigen = kaart.set_index("naam").loc["eigen winkel"]
    assert eigen["x"] == pytest.approx(enquete["prijs"].mean())
    assert eigen["y"] == pytest.approx(enquete["kwaliteit"].mean())
    zalando = enquete[enquete["concurrent"] == "Zalando"]
    assert kaart.set_index("naam").loc["Zalando", "aantal"] == len(zalando)
    assert kaart.set_index("naam").loc["Zalando", "x"] == pytest.approx(zalando["concurrent_prijs"].mean())


def test_perceptuele_kaart_errors():
    enquete = _enquete()
    with pytest.raises(InvoerFout, match="minstens 3 winkels"):
        perceptuele_kaart(enquete, items=KAART_ITEMS, minimum_antwoorden=1000)
    with pytest.raises(InvoerFout, match="Kies twee assen"):
        perceptuele_kaart(enquete, items=KAART_ITEMS, assen=("prijs", "sfeer"))
    with pytest.raises(InvoerFout, match="mist de kolom 'concurrent_service'"):
        perceptuele_kaart(enquete.drop(columns="concurrent_service"), items=KAART_ITEMS)
    with pytest.raises(InvoerFout, match="minimum_antwoorden"):
        perceptuele_kaart(enquete, items=KAART_ITEMS, minimum_antwoorden=0)

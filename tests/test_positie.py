"""helpers.positie (notebook 04): lead on the best competitor, distances on the map, map per segment."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.data import laad_winkel
from helpers.enquete import positionering
from helpers.persona import maak_personas
from helpers.positie import afstanden, positionering_per_segment, segmenteer, voorsprong
from helpers.segmentatie import clusters, gedragskenmerken, perceptuele_kaart, segmentprofiel


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

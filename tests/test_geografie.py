"""Tests for helpers.geografie: haversine against hand arithmetic and two other implementations,
known distances, and the integrity of the hand-made municipality table."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.metrics.pairwise import haversine_distances

from helpers.controle import InvoerFout
from helpers.geografie import AARDSTRAAL_KM, FUSIES, afstand_km, gemeenten, zoek_gemeente

R = 6371.0088

# The 38 municipalities of the province of Limburg since 1 January 2025 (42 before; Kortessem went
# into Hasselt, Borgloon + Tongeren, Hoeselt + Bilzen and Ham + Tessenderlo merged).
LIMBURG_2025 = {
    "Alken", "As", "Beringen", "Bilzen-Hoeselt", "Bocholt", "Bree", "Diepenbeek", "Dilsen-Stokkem",
    "Genk", "Gingelom", "Halen", "Hamont-Achel", "Hasselt", "Hechtel-Eksel", "Heers", "Herk-de-Stad",
    "Herstappe", "Heusden-Zolder", "Houthalen-Helchteren", "Kinrooi", "Lanaken", "Leopoldsburg",
    "Lommel", "Lummen", "Maaseik", "Maasmechelen", "Nieuwerkerken", "Oudsbergen", "Peer", "Pelt",
    "Riemst", "Sint-Truiden", "Tessenderlo-Ham", "Tongeren-Borgloon", "Voeren", "Wellen", "Zonhoven",
    "Zutendaal",
}  # fmt: skip

POSTCODE_RANGES = {
    "Limburg": [(3500, 3999)],
    "Vlaams-Brabant": [(1500, 1999), (3000, 3499)],
    "Antwerpen": [(2000, 2999)],
    "Oost-Vlaanderen": [(9000, 9999)],
    "West-Vlaanderen": [(8000, 8999)],
}


def where(name: str) -> tuple[float, float]:
    row = zoek_gemeente(name)
    return float(row["breedtegraad"]), float(row["lengtegraad"])


def distance(a: str, b: str) -> float:
    return float(afstand_km(*where(a), *where(b)))


# ---------------------------------------------------------------- haversine


def test_hand_computed_cases():
    assert AARDSTRAAL_KM == R
    # one degree of longitude on the equator: R * pi / 180 = 6371.0088 * 0.01745329 = 111.1951 km
    assert float(afstand_km(0, 0, 0, 1)) == pytest.approx(111.1951, abs=1e-4)
    # equator to north pole: R * pi / 2 = 10007.5572 km; pole to pole: R * pi = 20015.1144 km
    assert float(afstand_km(0, 0, 90, 0)) == pytest.approx(10007.5572, abs=1e-4)
    assert float(afstand_km(-90, 0, 90, 0)) == pytest.approx(20015.1144, abs=1e-4)
    # one degree of longitude at 60 degrees north: 2R asin(cos 60 * sin 0.5 deg)
    # = 12742.0176 * asin(0.5 * 0.00872654) = 12742.0176 * 0.00436329 = 55.5970 km
    # (just under half of 111.1951 = 55.5975: the great circle cuts the parallel short)
    assert float(afstand_km(60, 0, 60, 1)) == pytest.approx(55.5970, abs=1e-4)
    assert float(afstand_km(50.93, 5.34, 50.93, 5.34)) == 0.0


def test_broadcasting_and_inputs():
    lats = np.array([[50.0], [51.0]])
    lons = np.array([4.0, 5.0, 6.0])
    out = afstand_km(lats, lons, 50.5, 5.0)
    assert out.shape == (2, 3)
    assert out[0, 1] == pytest.approx(float(afstand_km(50.0, 5.0, 50.5, 5.0)))
    table = gemeenten()
    from_series = afstand_km(table["breedtegraad"], table["lengtegraad"], *where("Hasselt"))
    assert from_series.shape == (len(table),)
    assert from_series[table["gemeente"].eq("Hasselt").to_numpy()][0] == 0.0


def law_of_cosines(lat1, lon1, lat2, lon2):
    p1, l1, p2, l2 = map(np.radians, (lat1, lon1, lat2, lon2))
    cos_angle = np.sin(p1) * np.sin(p2) + np.cos(p1) * np.cos(p2) * np.cos(l2 - l1)
    return R * np.arccos(np.clip(cos_angle, -1.0, 1.0))


lat_st = arrays(np.float64, 20, elements=st.floats(-89.9, 89.9))
lon_st = arrays(np.float64, 20, elements=st.floats(-180, 180))


@settings(max_examples=100, deadline=None)
@given(lat_st, lon_st, lat_st, lon_st)
def test_agrees_with_law_of_cosines_and_sklearn(lat1, lon1, lat2, lon2):
    got = afstand_km(lat1, lon1, lat2, lon2)
    # the law of cosines loses precision for tiny distances: a metre is close enough
    np.testing.assert_allclose(got, law_of_cosines(lat1, lon1, lat2, lon2), atol=1e-3, rtol=1e-9)
    a = np.radians(np.column_stack([lat1, lon1]))
    b = np.radians(np.column_stack([lat2, lon2]))
    np.testing.assert_allclose(got, R * np.diag(haversine_distances(a, b)), atol=1e-6, rtol=1e-9)
    # symmetric, never negative, at most half the circumference
    np.testing.assert_allclose(got, afstand_km(lat2, lon2, lat1, lon1), atol=1e-9)
    assert (got >= 0).all() and (got <= math.pi * R + 1e-6).all()


def test_known_distances():
    # As the crow flies between the town centres (checked on a map). The brief quoted
    # Hasselt-Genk 17-20 km and Hasselt-Leuven 50-60 km: those are road distances; the straight
    # line is about 12 km and 45 km (0.64 degrees of longitude at 50.9 N is about 45 km).
    assert 10 <= distance("Hasselt", "Genk") <= 15
    assert 65 <= distance("Hasselt", "Antwerpen") <= 75
    assert 40 <= distance("Hasselt", "Leuven") <= 50
    assert 38 <= distance("Gent", "Brugge") <= 46
    assert 45 <= distance("Antwerpen", "Gent") <= 55
    assert 18 <= distance("Brugge", "Oostende") <= 25
    assert 20 <= distance("Antwerpen", "Mechelen") <= 25


# ---------------------------------------------------------------- the table


def test_table_shape_and_types():
    table = gemeenten()
    assert list(table.columns) == [
        "postcode",
        "gemeente",
        "provincie",
        "breedtegraad",
        "lengtegraad",
        "inwoners",
    ]
    assert len(table) >= 120
    assert table["postcode"].map(type).eq(str).all()
    assert table["postcode"].str.fullmatch(r"\d{4}").all()
    assert table["postcode"].is_unique and table["gemeente"].is_unique
    assert table.notna().all().all()
    assert (table["inwoners"] > 0).all()
    assert set(table["provincie"]) == set(POSTCODE_RANGES)
    assert "Brussel" not in set(table["gemeente"])
    # four decimals at most
    for col in ("breedtegraad", "lengtegraad"):
        np.testing.assert_allclose(table[col], table[col].round(4), atol=1e-12)


def test_cached_but_private_copy():
    first = gemeenten()
    first.loc[0, "gemeente"] = "Gewijzigd"
    assert gemeenten().loc[0, "gemeente"] != "Gewijzigd"


def test_limburg_complete_after_2025_fusions():
    table = gemeenten()
    assert set(table.loc[table["provincie"] == "Limburg", "gemeente"]) == LIMBURG_2025
    assert len(LIMBURG_2025) == 38
    for old in ("Kortessem", "Borgloon", "Hoeselt", "Ham", "Tongeren", "Bilzen", "Tessenderlo"):
        assert old not in set(table["gemeente"])


def test_postcodes_in_province_ranges():
    table = gemeenten()
    code = table["postcode"].astype(int)
    for province, ranges in POSTCODE_RANGES.items():
        mine = code[table["provincie"] == province]
        inside = np.zeros(len(mine), dtype=bool)
        for low, high in ranges:
            inside |= (mine >= low).to_numpy() & (mine <= high).to_numpy()
        assert inside.all(), mine[~inside].tolist()


@pytest.mark.parametrize(
    ("postcode", "gemeente", "provincie"),
    [
        ("3500", "Hasselt", "Limburg"),
        ("3600", "Genk", "Limburg"),
        ("3680", "Maaseik", "Limburg"),
        ("3700", "Tongeren-Borgloon", "Limburg"),
        ("3740", "Bilzen-Hoeselt", "Limburg"),
        ("3580", "Beringen", "Limburg"),
        ("3980", "Tessenderlo-Ham", "Limburg"),
        ("3290", "Diest", "Vlaams-Brabant"),
        ("3000", "Leuven", "Vlaams-Brabant"),
        ("2400", "Mol", "Antwerpen"),
        ("2000", "Antwerpen", "Antwerpen"),
        ("2800", "Mechelen", "Antwerpen"),
        ("9000", "Gent", "Oost-Vlaanderen"),
        ("9300", "Aalst", "Oost-Vlaanderen"),
        ("8000", "Brugge", "West-Vlaanderen"),
        ("8500", "Kortrijk", "West-Vlaanderen"),
    ],
)
def test_known_postcodes(postcode, gemeente, provincie):
    row = zoek_gemeente(gemeente)
    assert (row["postcode"], row["provincie"]) == (postcode, provincie)


def test_coordinates_inside_flanders_and_provinces_on_the_right_side():
    table = gemeenten()
    assert table["breedtegraad"].between(50.67, 51.51).all()
    assert table["lengtegraad"].between(2.53, 5.92).all()
    lon = table.set_index("gemeente")["lengtegraad"]
    lat = table.set_index("gemeente")["breedtegraad"]
    province = table.set_index("gemeente")["provincie"]
    assert (lon[province == "Limburg"] > 4.9).all()
    assert (lon[province != "Limburg"] < 5.2).all()
    assert (lat[province == "Antwerpen"] > 51.0).all()
    assert (lat[province == "Vlaams-Brabant"] < 51.05).all()
    assert (lon[province == "West-Vlaanderen"] < 3.5).all()
    assert lon[province == "Oost-Vlaanderen"].between(3.5, 4.35).all()
    # "within about 50 km of Hasselt" for the Antwerpen/Vlaams-Brabant rows outside the big-city belts
    hasselt = where("Hasselt")
    near = afstand_km(lat, lon, *hasselt) <= 55
    assert near[(province == "Antwerpen").to_numpy()].sum() >= 20
    assert near[(province == "Vlaams-Brabant").to_numpy()].sum() >= 20
    # every Limburg municipality lies within 60 km of Hasselt
    assert (afstand_km(lat, lon, *hasselt)[(province == "Limburg").to_numpy()] < 60).all()


# ---------------------------------------------------------------- zoek_gemeente


def test_lookup_is_case_insensitive_and_knows_fusions():
    assert zoek_gemeente(" sint-TRUIDEN ")["postcode"] == "3800"
    assert zoek_gemeente("Kortessem")["gemeente"] == "Hasselt"
    assert zoek_gemeente("overpelt")["gemeente"] == "Pelt"
    table_names = set(gemeenten()["gemeente"])
    assert set(FUSIES.values()) <= table_names
    assert not set(FUSIES) & table_names


def test_lookup_errors_are_dutch_with_suggestions():
    with pytest.raises(InvoerFout, match=r"Onbekende gemeente 'Maasijk'\. Bedoel je: 'Maaseik'\?"):
        zoek_gemeente("Maasijk")
    with pytest.raises(InvoerFout, match=r"'Kortessem \(nu Hasselt\)'"):
        zoek_gemeente("Kortesem")
    with pytest.raises(InvoerFout, match="Brussel en Wallonië horen er niet bij"):
        zoek_gemeente("Brussel")
    with pytest.raises(InvoerFout, match="als tekst"):
        zoek_gemeente(3500)

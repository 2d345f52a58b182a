"""Tests for helpers.kalender against hand-checked dates, dateutil's Easter and invariants."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.kalender import (
    dagkalender,
    feestdag_naam,
    feestdagen,
    is_feestdag,
    is_solden,
    is_sperperiode,
    pasen,
    soldendag,
    soldenperiodes,
    sperperiodes,
)

SUNDAY = 6


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def days(start: str, end: str) -> pd.DatetimeIndex:
    return pd.date_range(start, end, freq="D")


def test_normal_year_sales_and_ban():
    # 2025: 3 January is a Friday and 1 July a Tuesday -> no shift.
    assert dt.date(2025, 1, 3).weekday() == 4
    assert dt.date(2025, 7, 1).weekday() == 1
    assert soldenperiodes(2025) == [
        (ts("2025-01-03"), ts("2025-01-31")),
        (ts("2025-07-01"), ts("2025-07-31")),
    ]
    # 3 January 2026 is a Saturday: no shift either.
    assert dt.date(2026, 1, 3).weekday() == 5
    assert sperperiodes(2025) == [(ts("2025-06-01"), ts("2025-06-30")), (ts("2025-12-03"), ts("2026-01-02"))]


# When the sales start a day early, the ban "begins and ends a day earlier": 2 December - 1 January
# and 31 May - 29 June (Mode Unie, "Wat moet je weten over de sperperiode", 1 June 2021; the same
# dates on the retail pages of the city of Ninove).


def test_summer_sales_start_on_saturday_when_1_july_is_a_sunday():
    assert dt.date(2029, 7, 1).weekday() == SUNDAY
    assert soldenperiodes(2029)[1] == (ts("2029-06-30"), ts("2029-07-31"))
    assert sperperiodes(2029)[0] == (ts("2029-05-31"), ts("2029-06-29"))
    datums = pd.to_datetime(["2029-05-30", "2029-05-31", "2029-06-29", "2029-06-30", "2029-07-01"])
    assert soldendag(datums).tolist() == [0, 0, 0, 1, 2]
    assert is_sperperiode(datums).tolist() == [False, True, True, False, False]


def test_winter_sales_start_on_saturday_when_3_january_is_a_sunday():
    assert dt.date(2027, 1, 3).weekday() == SUNDAY
    assert soldenperiodes(2027)[0] == (ts("2027-01-02"), ts("2027-01-31"))
    # the December ban of 2026 runs from Wednesday 2 December to Friday 1 January 2027
    assert sperperiodes(2026)[1] == (ts("2026-12-02"), ts("2027-01-01"))
    datums = pd.to_datetime(
        ["2026-12-01", "2026-12-02", "2027-01-01", "2027-01-02", "2027-01-31", "2027-02-01"]
    )
    assert is_sperperiode(datums).tolist() == [False, True, True, False, False, False]
    # 2 Jan = day 1, 3 Jan = day 2, ..., 31 Jan = day 30
    assert soldendag(datums).tolist() == [0, 0, 0, 1, 30, 0]


def test_dataset_years_by_hand():
    # 2023-2025, the years of the shipped datasets: no Sunday starts (checked here).
    for year in (2023, 2024, 2025):
        assert dt.date(year, 1, 3).weekday() != SUNDAY
        assert dt.date(year, 7, 1).weekday() != SUNDAY
    datums = pd.to_datetime(["2024-01-02", "2024-01-03", "2024-07-15", "2024-08-01", "2024-12-24"])
    assert soldendag(datums).tolist() == [0, 1, 15, 0, 0]
    assert is_solden(datums).tolist() == [False, True, True, False, False]
    assert is_sperperiode(datums).tolist() == [True, False, False, False, True]


def test_public_holidays_2025_by_hand():
    # Easter 2025 is Sunday 20 April -> Easter Monday 21/4, Ascension +39 = 29/5, Whit Monday +50 = 9/6.
    assert dt.date(2025, 4, 20).weekday() == SUNDAY
    expected = [
        "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09",
        "2025-07-21", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
    ]  # fmt: skip
    year = days("2025-01-01", "2025-12-31")
    assert year[is_feestdag(year)].strftime("%Y-%m-%d").tolist() == expected


def test_inputs_series_array_timestamps_and_nat():
    series = pd.Series(pd.to_datetime(["2025-07-21 15:30", None, "2025-12-25 09:00"]))
    assert is_feestdag(series).tolist() == [True, False, True]
    assert soldendag(series).tolist() == [21, 0, 0]
    assert is_sperperiode(series).tolist() == [False, False, True]
    array = series.dropna().to_numpy()
    assert is_solden(array).tolist() == [True, False]
    aware = pd.DatetimeIndex(["2025-01-03 10:00"], tz="Europe/Brussels")
    assert is_solden(aware).tolist() == [True]
    assert soldendag(pd.Series([], dtype="datetime64[us]")).shape == (0,)


def test_non_dates_are_refused_in_dutch():
    with pytest.raises(InvoerFout, match="Verwacht datums"):
        is_solden(pd.Series(["2025-01-03"]))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1900, 2100), min_size=1, max_size=50))
def test_easter_matches_dateutil(years):
    got = pasen(years).astype(str).tolist()
    assert got == [easter(y).isoformat() for y in years]


@settings(max_examples=40, deadline=None)
@given(st.integers(1900, 2100))
def test_sales_and_ban_invariants(year):
    span = days(f"{year}-01-01", f"{year}-12-31")
    sales = is_solden(span)
    ban = is_sperperiode(span)
    assert not (sales & ban).any()
    day = soldendag(span)
    nominal_starts = (dt.date(year, 1, 3), dt.date(year, 7, 1))
    for (start, end), nominal in zip(soldenperiodes(year), nominal_starts, strict=True):
        inside = (span >= start) & (span <= end)
        assert sales[inside].all()
        # numbering starts at 1 and goes up by one a day
        assert day[inside].tolist() == list(range(1, int(inside.sum()) + 1))
        # the sales start on 3 Jan / 1 Jul, or on the Saturday before when that is a Sunday
        assert start.date() == nominal - dt.timedelta(days=int(nominal.weekday() == SUNDAY))
        assert end.day == 31
    assert int(sales.sum()) == int(sum((e - s).days + 1 for s, e in soldenperiodes(year)))
    # every day from 1 June to 31 July is either ban or sales
    june_july = (span >= ts(f"{year}-06-01")) & (span <= ts(f"{year}-07-31"))
    assert (sales | ban)[june_july].all()
    # the bans of the year: always one month (30 days in June, 31 from December), right before the
    # sales, and is_sperperiode is true on exactly those days
    (june_start, june_end), (dec_start, dec_end) = sperperiodes(year)
    assert ((june_end - june_start).days + 1, (dec_end - dec_start).days + 1) == (30, 31)
    assert june_end + pd.Timedelta(days=1) == soldenperiodes(year)[1][0]
    assert dec_end + pd.Timedelta(days=1) == soldenperiodes(year + 1)[0][0]
    in_ban = (span >= june_start) & (span <= june_end) | (span >= dec_start)
    in_ban |= span <= sperperiodes(year - 1)[1][1]
    assert (ban == in_ban).all()


def test_holiday_count_per_year():
    for year in (2023, 2024, 2025, 2026):
        # 10 holidays on 10 distinct days: Ascension is 18 May 2023, 9 May 2024, 29 May 2025, 14 May 2026
        assert int(is_feestdag(days(f"{year}-01-01", f"{year}-12-31")).sum()) == 10
    assert isinstance(is_feestdag(days("2025-01-01", "2025-01-02")), np.ndarray)


def test_holiday_names_2025_by_hand():
    # Easter 2025 = 20 April (see above); the fixed days from the law on public holidays.
    expected = [
        ("2025-01-01", "Nieuwjaar"), ("2025-04-21", "Paasmaandag"), ("2025-05-01", "Dag van de Arbeid"),
        ("2025-05-29", "O.L.H.-Hemelvaart"), ("2025-06-09", "Pinkstermaandag"),
        ("2025-07-21", "Nationale feestdag"), ("2025-08-15", "O.L.V.-Hemelvaart"),
        ("2025-11-01", "Allerheiligen"), ("2025-11-11", "Wapenstilstand"), ("2025-12-25", "Kerstmis"),
    ]  # fmt: skip
    table = feestdagen(2025)
    assert list(zip(table["datum"].dt.strftime("%Y-%m-%d"), table["feestdag"], strict=True)) == expected
    assert feestdag_naam(pd.to_datetime([d for d, _ in expected])).tolist() == [n for _, n in expected]


@settings(max_examples=40, deadline=None)
@given(st.integers(1900, 2100))
def test_holiday_list_and_vectorised_names_agree(year):
    table = feestdagen(year)
    span = days(f"{year}-01-01", f"{year}-12-31")
    names = feestdag_naam(span)
    assert set(span[names != ""]) == set(table["datum"])
    # Ascension can fall on 1 May (as in 2008): then that day carries one name; otherwise 10 days
    assert int((names != "").sum()) == table["datum"].nunique()
    assert (is_feestdag(span) == (names != "")).all()
    # Easter Monday is always a Monday, Ascension a Thursday, Whit Monday a Monday
    weekday = dict(zip(table["feestdag"], table["datum"].dt.day_of_week, strict=True))
    assert (weekday["Paasmaandag"], weekday["O.L.H.-Hemelvaart"], weekday["Pinkstermaandag"]) == (0, 3, 0)


def test_ascension_on_labour_day_2008():
    # Easter 2008 was 23 March; + 39 days = 1 May 2008.
    assert easter(2008) + dt.timedelta(days=39) == dt.date(2008, 5, 1)
    assert feestdag_naam(pd.to_datetime(["2008-05-01"])).tolist() == ["O.L.H.-Hemelvaart"]
    assert len(feestdagen(2008)) == 10


def test_day_table():
    table = dagkalender("2026-12-30", pd.Timestamp("2027-01-04 18:00"))
    assert len(table) == 6  # 30, 31 Dec, 1, 2, 3, 4 Jan
    # weekdays checked with datetime: 30 Dec 2026 is a Wednesday
    assert dt.date(2026, 12, 30).weekday() == 2
    assert table["weekdag"].astype(str).tolist() == [
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "maandag",
    ]
    assert table["weekdag"].cat.ordered and table["weekdag"].cat.categories[0] == "maandag"
    assert table["soldendag"].tolist() == [0, 0, 0, 1, 2, 3]
    assert table["solden"].tolist() == [False, False, False, True, True, True]
    assert table["sperperiode"].tolist() == [True, True, True, False, False, False]
    assert table["feestdag"].tolist() == ["", "", "Nieuwjaar", "", "", ""]
    with pytest.raises(InvoerFout, match="voor het begin"):
        dagkalender("2025-02-01", "2025-01-01")

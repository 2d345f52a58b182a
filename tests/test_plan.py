"""The learner's plan (helpers.plan): round trips, refusals, atomic and concurrent writes, corrupt files."""

from __future__ import annotations

import json
import multiprocessing
import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import plan
from helpers.plan import PlanFout


def test_every_kind_of_value_round_trips(eigen_plan):
    tabel = pd.DataFrame(
        {
            "klant_id": ["0101", "K2"],
            "bedrag": [12.5, None],
            "aantal": [1, 2],
            "vip": [True, False],
            "datum": pd.to_datetime(["2025-01-03", "2025-07-01"]),
        }
    )
    reeks = pd.Series({"Kampioenen": 120, "Trouwe klanten": 300}, name="uitnodigingen")
    waarden = {
        "getal": 150,
        "kommagetal": 0.45,
        "tekst": "Zoë's regel: R ≥ 4",
        "ja": True,
        "leeg": None,
        "lijst": ["K1", 2, 3.5],
        "woordenboek": {"budget": 1000, "segmenten": ["A", "B"]},
        "datum": pd.Timestamp("2026-03-01"),
        "tabel": tabel,
        "reeks": reeks,
        "numpy": np.int64(7),
    }
    for sleutel, waarde in waarden.items():
        plan.noteer("05", sleutel, waarde)
    terug = plan.lees()["05"]
    assert set(terug) == set(waarden)
    for sleutel in ("getal", "kommagetal", "tekst", "ja", "leeg", "lijst", "woordenboek"):
        assert terug[sleutel] == waarden[sleutel], sleutel
    assert terug["numpy"] == 7 and type(terug["numpy"]) is int
    assert terug["datum"] == pd.Timestamp("2026-03-01")
    pd.testing.assert_frame_equal(terug["tabel"], tabel, check_dtype=False)
    assert terug["tabel"]["klant_id"].tolist() == ["0101", "K2"]  # leading zero kept: text stays text
    pd.testing.assert_series_equal(terug["reeks"], reeks, check_dtype=False, check_index_type=False)
    # the file itself is plain, readable JSON (UTF-8, not escaped)
    tekst = eigen_plan.read_text(encoding="utf-8")
    assert "Zoë" in tekst and json.loads(tekst)["klantlab_plan"] == 1


def test_a_new_value_replaces_the_old_one_and_notebooks_are_normalised():
    plan.noteer("5", "churn_dagen", 365)
    plan.noteer(5, "churn_dagen", 270)
    plan.noteer("05_rfm_en_abc", "vip", 150)
    assert plan.lees() == {"05": {"churn_dagen": 270, "vip": 150}}
    with pytest.raises(PlanFout, match="Onbekend notebook"):
        plan.noteer("rfm", "x", 1)
    with pytest.raises(PlanFout, match="geen naam"):
        plan.noteer("05", "  ", 1)


@pytest.mark.parametrize(
    ("waarde", "boodschap"),
    [
        (float("nan"), "ontbrekend of oneindig"),
        (float("inf"), "ontbrekend of oneindig"),
        (object(), "type object"),
        ({1: "a"}, "geen tekst"),
        ([pd.Timestamp("2025-01-01")], "datum binnen een lijst"),
        (pd.NaT, "lege datum"),
        (pd.DataFrame({"x": range(1001)}), "1.001 rijen"),
        (pd.DataFrame({"x": [1.0, np.inf]}), "oneindig"),
    ],
)
def test_values_json_cannot_hold_get_a_dutch_error_and_nothing_is_written(eigen_plan, waarde, boodschap):
    plan.noteer("06", "goed", 1)
    voor = eigen_plan.read_bytes()
    with pytest.raises(PlanFout, match=boodschap):
        plan.noteer("06", "fout", waarde)
    assert eigen_plan.read_bytes() == voor


def test_the_plan_lives_where_the_environment_says_or_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("KLANTLAB_PLAN")
    monkeypatch.chdir(tmp_path)
    plan.noteer("07", "x", 1)
    assert (tmp_path / "mijn_plan.json").is_file()
    monkeypatch.setenv("KLANTLAB_PLAN", str(tmp_path / "sub" / "ander.json"))
    plan.noteer("07", "y", 2)
    assert plan.lees() == {"07": {"y": 2}}


@pytest.mark.parametrize(
    ("inhoud", "reden"),
    [
        (b'{"klantlab_plan": 1, "notebooks": {"05": {"x": {"soort": "waarde", "waarde": 1}}', "regel 1"),
        (b"[1, 2, 3]", "geen plan van KlantLab"),
        (b'{"klantlab_plan": 1, "notebooks": {"05": {"x": {"soort": "waarde", "waarde": NaN}}}}', "NaN"),
        (b'{"klantlab_plan": 1, "notebooks": {"05": {"x": {"soort": "raar", "waarde": 1}}}}', "soort"),
        (
            b'{"klantlab_plan": 1, "notebooks": {"05": {"x": {"soort": "datum", "waarde": "gisteren"}}}}',
            "05/x",
        ),
        (b"\xff\xfe kapot", "utf-8"),
    ],
)
def test_a_corrupt_file_is_explained_kept_as_backup_and_never_overwritten(eigen_plan, inhoud, reden):
    eigen_plan.write_bytes(inhoud)
    with pytest.raises(PlanFout, match="beschadigd of met de hand aangepast") as fout:
        plan.lees()
    assert reden in str(fout.value)
    with pytest.raises(PlanFout):
        plan.noteer("05", "nieuw", 2)
    assert eigen_plan.read_bytes() == inhoud  # untouched
    kopieen = list(eigen_plan.parent.glob("mijn_plan.kapot-*.json"))
    assert len(kopieen) == 1 and kopieen[0].read_bytes() == inhoud  # one backup, not one per attempt
    assert kopieen[0].name in str(fout.value)
    oud = plan.begin_opnieuw()
    assert oud.read_bytes() == inhoud and plan.lees() == {}
    plan.noteer("05", "nieuw", 2)
    assert plan.lees() == {"05": {"nieuw": 2}}


def test_a_crash_while_writing_leaves_the_old_plan_whole(eigen_plan, monkeypatch):
    plan.noteer("05", "vip", 150)
    voor = eigen_plan.read_bytes()

    def stroomuitval(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", stroomuitval)
    with pytest.raises(OSError, match="schijf vol"):
        plan.noteer("05", "vip", 200)
    assert eigen_plan.read_bytes() == voor
    assert [p.name for p in eigen_plan.parent.iterdir() if p.suffix == ".tmp"] == []


def _schrijf_veel(args: tuple[str, int]) -> None:
    pad, nummer = args
    os.environ["KLANTLAB_PLAN"] = pad
    for i in range(15):
        plan.noteer("09", f"proces{nummer}_{i}", i)


def test_concurrent_writers_lose_nothing(eigen_plan):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_schrijf_veel, [(str(eigen_plan), n) for n in range(4)])
    waarden = plan.lees()["09"]
    assert waarden == {f"proces{n}_{i}": i for n in range(4) for i in range(15)}


def test_forget_and_show():
    plan.noteer("05", "vip", 150)
    plan.noteer("07", "churn_dagen", 270)
    plan.noteer("07", "regel", pd.DataFrame({"segment": ["A"], "dagen": [180]}))
    plan.vergeet("05")
    plan.vergeet("07", "churn_dagen")
    plan.vergeet("07", "bestaat_niet")
    overzicht = plan.toon()
    assert "05 ·" not in str(overzicht)
    assert "07 · Klantentrouw en levensduur" in str(overzicht)
    assert "<table" in overzicht._repr_html_() and "Klantentrouw" in overzicht._repr_html_()
    plan.vergeet("07")
    assert plan.lees() == {}
    assert "nog leeg" in str(plan.toon())


def test_show_formats_numbers_the_belgian_way():
    plan.noteer("06", "budget", 1234.5)
    plan.noteer("06", "klanten", 2500)
    plan.noteer("06", "start", pd.Timestamp("2026-02-01"))
    tekst = str(plan.toon())
    assert "budget: 1.234,50" in tekst and "klanten: 2.500" in tekst and "start: 01/02/2026" in tekst


json_waarden = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**15), 10**15)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=8), kind, max_size=4),
    max_leaves=12,
)


@given(json_waarden)
def test_any_json_value_round_trips(waarde):
    plan.noteer("08", "w", waarde)
    assert plan.lees()["08"]["w"] == waarde

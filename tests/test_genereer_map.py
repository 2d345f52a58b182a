"""python -m helpers.genereer never touches files it did not write and never leaves half a shop."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import helpers.genereer as genereer
from helpers.controle import InvoerFout
from helpers.data import laad_winkel
from helpers.genereer import schrijf_winkel, schrijven
from helpers.genereer.__main__ import hoofd

KLEIN = ["--profiel", "schoenenzaak", "--klanten", "40", "--seed", "3"]


def _inhoud(map: Path) -> dict[str, bytes]:
    return {p.relative_to(map).as_posix(): p.read_bytes() for p in sorted(map.rglob("*")) if p.is_file()}


def _geen_resten(ouder: Path) -> None:
    assert not [p.name for p in ouder.iterdir() if p.name.endswith(".bezig") or p.name == ".schrijftest"]


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig


def test_a_new_folder_gets_the_shop_and_nothing_else(tmp_path):
    assert hoofd([*KLEIN, "--map", str(tmp_path / "nieuw")]) == 0
    assert sorted(_inhoud(tmp_path / "nieuw")) == sorted(
        schrijven.eigen_bestanden("schoenenzaak", excel=False)
    )
    assert (tmp_path / "nieuw").stat().st_mode & 0o777 == 0o777 & ~_umask()
    _geen_resten(tmp_path)


def test_a_non_empty_folder_needs_overschrijf_and_keeps_other_files(tmp_path, capsys):
    doel = tmp_path / "winkel"
    doel.mkdir()
    (doel / "mijn_notities.txt").write_text("van mij", encoding="utf-8")
    assert hoofd([*KLEIN, "--map", str(doel)]) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1 and "is niet leeg" in fout and "--overschrijf" in fout
    assert _inhoud(doel) == {"mijn_notities.txt": b"van mij"}
    assert hoofd([*KLEIN, "--map", str(doel), "--overschrijf"]) == 0
    assert (doel / "mijn_notities.txt").read_text(encoding="utf-8") == "van mij"
    assert len(laad_winkel("schoenenzaak", map=doel).klanten) == 40
    oud = _inhoud(doel)
    assert hoofd([*KLEIN[:-1], "4", "--map", str(doel), "--overschrijf"]) == 0  # another seed: replaced
    nieuw = _inhoud(doel)
    assert nieuw["mijn_notities.txt"] == b"van mij" and nieuw["tickets.csv"] != oud["tickets.csv"]
    _geen_resten(tmp_path)


def test_no_writing_through_symbolic_links(tmp_path, capsys):
    elders = tmp_path / "elders"
    elders.mkdir()
    koppeling = tmp_path / "koppeling"
    koppeling.symlink_to(elders, target_is_directory=True)
    assert hoofd([*KLEIN, "--map", str(koppeling), "--overschrijf"]) == 2
    assert "symbolische koppeling" in capsys.readouterr().err and list(elders.iterdir()) == []
    doel = tmp_path / "winkel"
    assert hoofd([*KLEIN, "--map", str(doel)]) == 0
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("niet overschrijven", encoding="utf-8")
    (doel / "klanten.csv").unlink()
    (doel / "klanten.csv").symlink_to(geheim)
    capsys.readouterr()
    assert hoofd([*KLEIN, "--map", str(doel), "--overschrijf"]) == 2
    assert "symbolische koppeling" in capsys.readouterr().err
    assert geheim.read_text(encoding="utf-8") == "niet overschrijven"


def test_a_failed_run_leaves_no_half_written_folder(tmp_path, monkeypatch):
    def kapot(winkel, pad, vingerafdruk=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(genereer, "bewaar_excel", kapot)  # the CSVs are written, then the workbook fails
    with pytest.raises(OSError):
        schrijf_winkel("schoenenzaak", tmp_path / "nieuw", aantal_klanten=40, seed=3, excel=True)
    assert not (tmp_path / "nieuw").exists()
    bestaand = tmp_path / "bestaand"
    schrijf_winkel("schoenenzaak", bestaand, aantal_klanten=40, seed=3)
    voor = _inhoud(bestaand)
    with pytest.raises(OSError):
        schrijf_winkel("schoenenzaak", bestaand, aantal_klanten=40, seed=4, excel=True, overschrijf=True)
    assert _inhoud(bestaand) == voor
    _geen_resten(tmp_path)


def test_a_shop_that_does_not_fit_in_memory_is_refused_before_any_work(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(schrijven, "beschikbaar_geheugen", lambda: 2 * 2**30)

    def niet_beginnen(*args, **kwargs):
        raise AssertionError("the generator should not start")

    monkeypatch.setattr(genereer, "genereer_winkel_met_sleutel", niet_beginnen)
    assert hoofd(["--profiel", "sportzaak", "--klanten", "5000000", "--map", str(tmp_path / "groot")]) == 2
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1 and "werkgeheugen" in fout and "Kies minder klanten" in fout
    assert not (tmp_path / "groot").exists()
    with pytest.raises(InvoerFout, match="laat de Excel-werkmap weg"):
        schrijf_winkel("sportzaak", tmp_path / "groot", aantal_klanten=100_000, excel=True)


def test_a_file_where_the_folder_should_be(tmp_path, capsys):
    (tmp_path / "winkel").write_text("x", encoding="utf-8")
    assert hoofd([*KLEIN, "--map", str(tmp_path / "winkel")]) == 2
    assert "er staat al een bestand met die naam" in capsys.readouterr().err

"""Every point of the five source texts has a home: the coverage table in src/course/README.md names,
for each DO, DON'T and substantive point, a notebook section that exists and the exercises that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.oefeningen import alle_oefeningen

ROOT = Path(__file__).resolve().parents[1]
BRONNEN = ROOT / "src" / "course"
KOP = "## Elk punt uit de bronnen heeft een plaats"
SEEDS = {"000": 40, "001": 5, "002": 12, "003": 12, "004": 5}
"""Each source text and the least number of its points the table must hold."""


def rijen(tekst: str) -> list[list[str]]:
    """The rows of the coverage table (the table right under its heading), as lists of cells."""
    sectie = tekst.split(KOP, 1)[1].split("\n## ", 1)[0]
    regels = [r for r in sectie.splitlines() if r.startswith("| ") and not r.startswith("| bron")]
    return [[c.strip() for c in r.strip().strip("|").split("|")] for r in regels]


def koppen(notebook: str) -> set[str]:
    bron = next(BRONNEN.glob(f"{notebook}_*.md"), None)
    if bron is None:
        return set()
    return {m.group(1).strip() for m in re.finditer(r"^#{2,3} (.+)$", bron.read_text(encoding="utf-8"), re.M)}


@pytest.fixture(scope="module")
def tabel() -> list[list[str]]:
    return rijen((BRONNEN / "README.md").read_text(encoding="utf-8"))


def test_parser_on_a_small_example():
    kop = "| bron | soort | punt | sectie | oefening |\n|---|---|---|---|---|\n"
    tekst = f"x\n{KOP}\n\n{kop}| 000 | DO | a | 01 · b | — |\n\n## Volgende\n| 001 | DO | c | 02 · d | — |"
    assert rijen(tekst) == [["000", "DO", "a", "01 · b", "—"]]


def test_every_row_is_complete(tabel):
    assert tabel, "the coverage table is missing"
    for bron, soort, punt, sectie, oefening in tabel:
        assert bron in SEEDS, bron
        assert soort in {"DO", "DON'T", "punt"}, soort
        assert punt and sectie and oefening, (bron, punt)


def test_every_source_text_is_covered(tabel):
    for seed, minimum in SEEDS.items():
        assert sum(r[0] == seed for r in tabel) >= minimum, seed


def test_every_point_has_a_section_that_exists(tabel):
    for _, _, punt, secties, _ in tabel:
        for verwijzing in secties.split("; "):
            notebook, _, kop = verwijzing.partition(" · ")
            assert re.fullmatch(r"\d\d", notebook) and kop, (punt, verwijzing)
            assert kop in koppen(notebook), f"{punt!r}: notebook {notebook} has no section {kop!r}"


def test_every_exercise_exists(tabel):
    bekend = {o.naam for o in alle_oefeningen()}
    for _, _, punt, _, oefening in tabel:
        if oefening == "—":
            continue
        namen = re.findall(r"`([^`]+)`", oefening)
        assert namen, (punt, oefening)
        for naam in namen:
            assert naam in bekend, f"{punt!r}: no exercise {naam!r}"


@pytest.mark.parametrize(
    ("seed", "woorden"),
    [
        ("000", ("wedstrijd", "community", "sociale media")),  # enriching the file, with consent
        ("002", ("begin klein",)),  # the CRM as a habit that starts with a pilot
        ("002", ("registreer elk contact",)),
        ("001", ("deel iets",)),  # share, not only sell
        ("001", ("ambassadeurs",)),
        ("003", ("hoe klanten zichzelf zien",)),  # segments customers do not recognise
    ],
)
def test_the_points_the_issue_names_have_a_home(tabel, seed, woorden):
    punten = [r[2] for r in tabel if r[0] == seed]
    assert any(all(w in p for w in woorden) for p in punten), (seed, woorden)

"""Projectafspraken: README, .ci/run, environment.yml, pyproject en constraints zeggen hetzelfde."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pins(tekst: str, scheiding: str) -> dict[str, str]:
    pins = {}
    for regel in tekst.splitlines():
        m = re.match(rf"^\s*-?\s*([A-Za-z0-9_.\-]+){re.escape(scheiding)}([0-9][^\s#]*)\s*$", regel)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_environment_yml_volgt_constraints() -> None:
    constraints = _pins((ROOT / "constraints.txt").read_text(), "==")
    conda = _pins((ROOT / "environment.yml").read_text(), "=")
    conda.pop("python")
    assert len(conda) >= 15
    for pakket, versie in conda.items():
        assert constraints.get(pakket) == versie, f"{pakket}: conda {versie} != constraints"


def test_alle_afhankelijkheden_zijn_vastgepind() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    vereist = project["dependencies"] + project["optional-dependencies"]["test"]
    constraints = _pins((ROOT / "constraints.txt").read_text(), "==")
    for regel in vereist:
        naam = re.split(r"[<>=!\[ ]", regel, maxsplit=1)[0].lower().replace("_", "-")
        assert naam in constraints, f"{naam} staat niet vastgepind in constraints.txt"


def test_ci_voert_de_readme_commandos_uit() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text()
    blokken = re.findall(r"```(?:bash|sh)\n(.*?)```", readme, flags=re.S)
    commandos = [regel.strip() for blok in blokken for regel in blok.splitlines() if regel.strip()]
    installatie = next(c for c in commandos if "pip install" in c)
    test = next(c for c in commandos if "pytest" in c)
    assert installatie in ci
    assert test in ci
    assert any(c.startswith("jupyter lab") for c in commandos)


def test_readme_noemt_elk_notebook_met_zijn_tijd() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert notebooks
    for nb in notebooks:
        rij = re.search(rf"^\| \d\d \| `{nb.stem}` \|.*\| (\d+) min \|$", readme, flags=re.M)
        assert rij, f"README noemt {nb.stem} niet in de tabel van de cursus"
        bron = (ROOT / "src" / "course" / f"{nb.stem}.md").read_text(encoding="utf-8")
        tijd = re.search(r"\*\*Tijd:\*\* ongeveer (\d+) minuten", bron)
        assert tijd and tijd.group(1) == rij.group(1), f"{nb.stem}: tijd in README en notebook verschillen"

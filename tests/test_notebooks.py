"""Execute every notebook (workbook and solutions) top to bottom in a fresh kernel.

Each notebook runs from its own folder (as in JupyterLab) with the ``python3`` kernel of the running
environment. A notebook fails on any error, any output on stderr and any output mentioning a warning.
The exercise checks must say "Nog niet ingevuld" in the workbook and "Juist!" in the solutions.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ALLE = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted(NOTEBOOKS.glob("oplossingen/[0-9][0-9]_*.ipynb"))


def execute(pad: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(pad, as_version=4)
    client = NotebookClient(
        nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(pad.parent)}}
    )
    client.execute()
    return nb


def output_texts(nb: nbformat.NotebookNode) -> list[tuple[int, str, str]]:
    """(cell index, output kind, text) for every output, all text-like mime types joined."""
    teksten = []
    for index, cel in enumerate(nb.cells):
        for uitvoer in cel.get("outputs", []):
            if uitvoer.output_type == "stream":
                teksten.append((index, f"stream:{uitvoer.name}", uitvoer.text))
            elif uitvoer.output_type == "error":
                teksten.append((index, "error", uitvoer.ename + ": " + uitvoer.evalue))
            else:
                data = uitvoer.get("data", {})
                tekst = "\n".join(str(v) for k, v in data.items() if k.startswith("text/"))
                teksten.append((index, uitvoer.output_type, tekst))
    return teksten


@pytest.mark.parametrize("pad", ALLE, ids=[str(p.relative_to(NOTEBOOKS)) for p in ALLE])
def test_notebook_runs_clean(pad):
    nb = execute(pad)
    teksten = output_texts(nb)
    stderr = [(i, t) for i, soort, t in teksten if soort == "stream:stderr"]
    assert not stderr, f"uitvoer op stderr: {stderr}"
    waarschuwingen = [(i, t[:300]) for i, _, t in teksten if "warning" in t.lower()]
    assert not waarschuwingen, f"waarschuwingen: {waarschuwingen}"
    widgets = [
        u
        for c in nb.cells
        for u in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in u.get("data", {})
    ]
    assert widgets, "elk notebook toont minstens één widget"
    controles = [t for _, _, t in teksten if "klantlab-oefening" in t]
    if pad.parent.name == "oplossingen":
        assert controles and all("klantlab-juist" in t for t in controles), controles
    else:
        assert controles and all("klantlab-leeg" in t for t in controles), controles


@pytest.mark.parametrize("pad", ALLE, ids=[str(p.relative_to(NOTEBOOKS)) for p in ALLE])
def test_notebook_follows_the_course_template(pad):
    tekst = "\n".join(c.source for c in nbformat.read(pad, as_version=4).cells if c.cell_type == "markdown")
    for verplicht in ("**Wat leer je", "**Tijd:**", "## Wat neem je mee naar je winkel?"):
        assert verplicht in tekst, f"{pad.name} mist {verplicht!r}"

"""Build the KlantLab notebooks from their text sources.

Every ``src/course/NN_onderwerp.md`` (jupytext MyST markdown) becomes two notebooks:

- ``notebooks/NN_onderwerp.ipynb``: the workbook, solutions replaced by placeholders;
- ``notebooks/oplossingen/NN_onderwerp.ipynb``: the same notebook with the solutions in place.

Usage (from the project root)::

    python src/course/bouw.py               # (re)build everything
    python src/course/bouw.py --controleer  # only check that notebooks/ is up to date (exit 1 if not)
    python src/course/bouw.py --uit /tmp/nb # build into another folder

The output is deterministic (stable cell ids, sorted JSON keys, no outputs, no execution counts), so a
rebuild of unchanged sources gives byte-identical files. See src/course/README.md for the source format.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

import jupytext
import nbformat

BRON = Path(__file__).resolve().parent
PROJECT = BRON.parents[1]
NOTEBOOKS = PROJECT / "notebooks"
OPLOSSINGEN = "oplossingen"

TAG_OPLOSSING = "oplossing"  # cell is replaced by a placeholder in the workbook
TAG_ALLEEN_OPLOSSING = "alleen-oplossing"  # cell only exists in the solutions notebook
BOUWTAGS = {TAG_OPLOSSING, TAG_ALLEEN_OPLOSSING}
MARKER_BEGIN = "# --- oplossing ---"  # rest of a code cell (up to the end marker) is a solution
MARKER_EINDE = "# --- einde oplossing ---"

VUL_IN = "...  # vul in"
SCHRIJF_CODE = "# Schrijf hier je code."
SCHRIJF_TEKST = "*Schrijf hier je antwoord.*"

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
METADATA = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}

KOP_OPLOSSINGEN = (
    "> **Oplossingen.** Dit is de versie met uitgewerkte oplossingen. "
    "Probeer eerst zelf in het werkboek `../{naam}`."
)


def bronnen(map: Path = BRON) -> list[Path]:
    """The notebook sources: ``NN_onderwerp.md`` files, sorted by name."""
    return sorted(p for p in map.glob("[0-9][0-9]_*.md"))


def toegewezen_namen(code: str) -> list[str]:
    """Names assigned at the top level of ``code``, in order of first assignment."""
    namen: list[str] = []

    def voeg_toe(doel: ast.expr) -> None:
        if isinstance(doel, ast.Name) and doel.id not in namen:
            namen.append(doel.id)
        elif isinstance(doel, ast.Tuple | ast.List):
            for element in doel.elts:
                voeg_toe(element)
        elif isinstance(doel, ast.Starred):
            voeg_toe(doel.value)

    for knoop in ast.parse(code).body:
        if isinstance(knoop, ast.Assign):
            for doel in knoop.targets:
                voeg_toe(doel)
        elif isinstance(knoop, ast.AnnAssign | ast.AugAssign):
            voeg_toe(knoop.target)
    return namen


def plaatshouder(oplossing: str) -> str:
    """Workbook placeholder for solution code: ``naam = ...  # vul in`` per assigned name.

    Leading comment lines (the instructions) are kept; without assignments the learner gets an
    empty cell with a comment.
    """
    regels = oplossing.splitlines()
    kop: list[str] = []
    for regel in regels:
        if regel.strip() and not regel.lstrip().startswith("#"):
            break
        kop.append(regel)
    while kop and not kop[-1].strip():
        kop.pop()
    namen = toegewezen_namen(oplossing)
    romp = [f"{naam} = {VUL_IN}" for naam in namen] or [SCHRIJF_CODE]
    return "\n".join(kop + romp)


def splits_marker(code: str) -> tuple[str, str, str] | None:
    """Split a code cell at the solution markers: (before, solution, after), or None without marker."""
    regels = code.split("\n")
    stripped = [r.strip() for r in regels]
    if MARKER_BEGIN not in stripped:
        return None
    begin = stripped.index(MARKER_BEGIN)
    einde = stripped.index(MARKER_EINDE) if MARKER_EINDE in stripped[begin:] else len(regels)
    voor = "\n".join(regels[:begin])
    oplossing = "\n".join(regels[begin + 1 : einde])
    na = "\n".join(regels[einde + 1 :])
    return voor, oplossing, na


def werkboekcel(cel: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    """The workbook version of one source cell (None: the cell is left out)."""
    tags = set(cel.metadata.get("tags", []))
    if TAG_ALLEEN_OPLOSSING in tags:
        return None
    if TAG_OPLOSSING in tags:
        bron = plaatshouder(cel.source) if cel.cell_type == "code" else SCHRIJF_TEKST
        return {**cel, "source": bron}
    if cel.cell_type == "code":
        delen = splits_marker(cel.source)
        if delen is not None:
            voor, oplossing, na = delen
            stukken = [voor, plaatshouder(oplossing), na]
            return {**cel, "source": "\n".join(s for s in stukken if s.strip())}
    return cel


def schone_cel(cel: dict, notebook: str, index: int) -> nbformat.NotebookNode:
    """A fresh cell without outputs, counts or build tags, with a deterministic id."""
    tags = [t for t in cel.get("metadata", {}).get("tags", []) if t not in BOUWTAGS]
    metadata = {"tags": tags} if tags else {}
    bron = cel["source"]
    sleutel = hashlib.sha256(f"{notebook}\0{index}\0{cel['cell_type']}\0{bron}".encode()).hexdigest()
    celid = f"c{index:03d}-{sleutel[:10]}"
    if cel["cell_type"] == "code":
        nieuw = nbformat.v4.new_code_cell(bron, metadata=metadata)
    else:
        nieuw = nbformat.v4.new_markdown_cell(bron, metadata=metadata)
    nieuw["id"] = celid
    return nieuw


def maak_notebook(cellen: Iterable[dict], notebook: str) -> nbformat.NotebookNode:
    """A clean nbformat 4.5 notebook from cells (validated)."""
    nb = nbformat.v4.new_notebook(metadata=METADATA)
    nb.nbformat_minor = 5
    nb.cells = [schone_cel(cel, notebook, i) for i, cel in enumerate(cellen)]
    nbformat.validate(nb)
    return nb


def bouw_notebooks(bron: Path) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    """(workbook, solutions) for one source file."""
    tekst = bron.read_text(encoding="utf-8")
    nb = jupytext.reads(tekst, fmt="md:myst")
    naam = bron.with_suffix(".ipynb").name
    werkcellen = [c for c in (werkboekcel(cel) for cel in nb.cells) if c is not None]
    kop = nbformat.v4.new_markdown_cell(KOP_OPLOSSINGEN.format(naam=naam))
    werkboek = maak_notebook(werkcellen, f"{bron.stem}/werkboek")
    oplossingen = maak_notebook([kop, *nb.cells], f"{bron.stem}/oplossingen")
    return werkboek, oplossingen


def als_tekst(nb: nbformat.NotebookNode) -> str:
    """The exact bytes (as text) that are written for a notebook."""
    return nbformat.writes(nb, version=4) + "\n"


def bestanden(bronmap: Path = BRON) -> dict[Path, str]:
    """Relative output path -> file content, for every source."""
    uit: dict[Path, str] = {}
    for bron in bronnen(bronmap):
        werkboek, oplossingen = bouw_notebooks(bron)
        naam = bron.with_suffix(".ipynb").name
        uit[Path(naam)] = als_tekst(werkboek)
        uit[Path(OPLOSSINGEN) / naam] = als_tekst(oplossingen)
    return uit


def bouw(uitmap: Path = NOTEBOOKS, bronmap: Path = BRON) -> list[Path]:
    """Write all notebooks into ``uitmap``; returns the written paths."""
    geschreven = []
    for relatief, inhoud in bestanden(bronmap).items():
        pad = uitmap / relatief
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(inhoud.encode("utf-8"))
        geschreven.append(pad)
    return geschreven


def verouderd(uitmap: Path = NOTEBOOKS, bronmap: Path = BRON) -> list[Path]:
    """Output files that are missing or differ from a fresh build (plus stray notebooks)."""
    verwacht = bestanden(bronmap)
    fout = [
        uitmap / rel
        for rel, inhoud in verwacht.items()
        if not (uitmap / rel).is_file() or (uitmap / rel).read_bytes() != inhoud.encode("utf-8")
    ]
    aanwezig = {p.relative_to(uitmap) for p in uitmap.glob("*.ipynb")}
    aanwezig |= {p.relative_to(uitmap) for p in (uitmap / OPLOSSINGEN).glob("*.ipynb")}
    fout += sorted(uitmap / rel for rel in aanwezig - set(verwacht))
    return fout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de KlantLab-notebooks uit src/course/*.md.")
    parser.add_argument("--uit", type=Path, default=NOTEBOOKS, help="doelmap (standaard: notebooks/)")
    parser.add_argument(
        "--controleer", action="store_true", help="schrijf niets; faal als de notebooks verouderd zijn"
    )
    args = parser.parse_args(argv)
    if args.controleer:
        fout = verouderd(args.uit)
        for pad in fout:
            print(f"verouderd of overbodig: {pad}", file=sys.stderr)
        if fout:
            print("Bouw opnieuw met: python src/course/bouw.py", file=sys.stderr)
        return 1 if fout else 0
    for pad in bouw(args.uit):
        print(f"geschreven: {pad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

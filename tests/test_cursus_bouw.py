"""The course build (src/course/bouw.py): deterministic, up to date, no solutions in the workbook."""

from __future__ import annotations

import ast
import importlib.util
import keyword
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jupytext
import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st

PROJECT = Path(__file__).resolve().parents[1]
BOUWSCRIPT = PROJECT / "src" / "course" / "bouw.py"
NOTEBOOKS = PROJECT / "notebooks"

_spec = importlib.util.spec_from_file_location("bouw", BOUWSCRIPT)
bouw = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bouw)

BRONNEN = bouw.bronnen()


def test_there_is_a_source_per_committed_notebook():
    assert [p.name for p in BRONNEN][:1] == ["00_welkom.md"]
    assert bouw.verouderd() == [], "notebooks/ is verouderd: bouw opnieuw met python src/course/bouw.py"


def test_cli_rebuild_equals_committed_notebooks_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, str(BOUWSCRIPT), "--uit", str(tmp_path)], check=True, capture_output=True)
    gebouwd = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.ipynb"))
    assert gebouwd == sorted(
        [Path(b.stem + ".ipynb") for b in BRONNEN] + [Path("oplossingen", b.stem + ".ipynb") for b in BRONNEN]
    )
    for rel in gebouwd:
        assert (tmp_path / rel).read_bytes() == (NOTEBOOKS / rel).read_bytes(), rel
    controle = subprocess.run(
        [sys.executable, str(BOUWSCRIPT), "--controleer", "--uit", str(tmp_path)], capture_output=True
    )
    assert controle.returncode == 0


def test_check_mode_reports_stale_and_stray_files(tmp_path):
    bouw.bouw(tmp_path)
    eerste = sorted(tmp_path.glob("*.ipynb"))[0]
    eerste.write_text(eerste.read_text(encoding="utf-8").replace("KlantLab", "KlantLob"), encoding="utf-8")
    (tmp_path / "oplossingen" / "99_oud.ipynb").write_text("{}", encoding="utf-8")
    assert bouw.verouderd(tmp_path) == [eerste, tmp_path / "oplossingen" / "99_oud.ipynb"]
    uit = subprocess.run(
        [sys.executable, str(BOUWSCRIPT), "--controleer", "--uit", str(tmp_path)], capture_output=True
    )
    assert uit.returncode == 1
    assert b"99_oud.ipynb" in uit.stderr


def solution_lines(bron: Path) -> list[str]:
    """Every code line (not a comment, not bare punctuation such as a closing ``)``) that the source
    marks as solution, straight from the text."""
    nb = jupytext.reads(bron.read_text(encoding="utf-8"), fmt="md:myst")
    regels = []
    for cel in nb.cells:
        tags = cel.metadata.get("tags", [])
        if "oplossing" in tags or "alleen-oplossing" in tags:
            deel = cel.source
        elif "# --- oplossing ---" in cel.source:
            deel = cel.source.split("# --- oplossing ---", 1)[1].split("# --- einde oplossing ---")[0]
        else:
            continue
        code = [r.strip() for r in deel.splitlines() if not r.strip().startswith("#")]
        regels += [r for r in code if any(teken.isalnum() for teken in r)]
    return regels


@pytest.mark.parametrize("bron", BRONNEN, ids=[b.stem for b in BRONNEN])
def test_workbook_hides_solutions_and_solutions_show_them(bron):
    werkboek = nbformat.read(NOTEBOOKS / f"{bron.stem}.ipynb", as_version=4)
    oplossingen = nbformat.read(NOTEBOOKS / "oplossingen" / f"{bron.stem}.ipynb", as_version=4)
    werktekst = "\n".join(c.source for c in werkboek.cells)
    oplostekst = "\n".join(c.source for c in oplossingen.cells)
    regels = solution_lines(bron)
    assert regels, "elk notebook heeft oplossingen"
    for regel in regels:
        assert regel not in werktekst, regel
        assert regel in oplostekst, regel
    assert "# vul in" in werktekst and "# vul in" not in oplostekst


@pytest.mark.parametrize("bron", BRONNEN, ids=[b.stem for b in BRONNEN])
@pytest.mark.parametrize("versie", ["", "oplossingen"])
def test_metadata_clean_ids_stable_and_code_parses(bron, versie):
    pad = NOTEBOOKS / versie / f"{bron.stem}.ipynb"
    nb = nbformat.read(pad, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)
    assert nb.metadata == {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"},
    }
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"c\d{3}-[0-9a-f]{10}", i) for i in ids)
    for cel in nb.cells:
        assert set(cel.metadata) <= {"tags"}
        assert not {"oplossing", "alleen-oplossing"} & set(cel.metadata.get("tags", []))
        if cel.cell_type == "code":
            assert cel.outputs == [] and cel.execution_count is None
            ast.parse(cel.source)


def write_source(map: Path, cellen: str) -> Path:
    kop = "---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n---\n\n"
    pad = map / "99_proef.md"
    pad.write_text(kop + textwrap.dedent(cellen), encoding="utf-8")
    return pad


def test_placeholders_for_every_marker(tmp_path):
    bron = write_source(
        tmp_path,
        """\
        # Proef

        ```{code-cell} ipython3
        :tags: [oplossing, extra]

        # Opdracht: tel.
        # Tweede regel uitleg.
        a, (b, *c) = 1, (2, 3)
        a += 1
        d: int = 4
        print(a)
        ```

        ```{code-cell} ipython3
        :tags: [oplossing]

        print("geen toekenning")
        ```

        ```{code-cell} ipython3
        x = 1
        # --- oplossing ---
        y = x + 41
        # --- einde oplossing ---
        print(y)
        ```

        ```{code-cell} ipython3
        z = 2
        # --- oplossing ---
        w = z * 21
        ```

        +++ {"tags": ["oplossing"]}

        Mijn antwoord: 42.

        +++ {"tags": ["alleen-oplossing"]}

        Uitleg die alleen in de oplossingen staat.
        """,
    )
    werkboek, oplossingen = bouw.bouw_notebooks(bron)
    assert [c.source for c in werkboek.cells] == [
        "# Proef",
        "# Opdracht: tel.\n# Tweede regel uitleg.\na = ...  # vul in\nb = ...  # vul in\n"
        "c = ...  # vul in\nd = ...  # vul in",
        "# Schrijf hier je code.",
        "x = 1\ny = ...  # vul in\nprint(y)",
        "z = 2\nw = ...  # vul in",
        "*Schrijf hier je antwoord.*",
    ]
    assert werkboek.cells[1].metadata == {"tags": ["extra"]}
    assert oplossingen.cells[0].source.startswith("> **Oplossingen.**")
    assert "../99_proef.ipynb" in oplossingen.cells[0].source
    assert [c.source for c in oplossingen.cells[-2:]] == [
        "Mijn antwoord: 42.",
        "Uitleg die alleen in de oplossingen staat.",
    ]
    assert "y = x + 41" in oplossingen.cells[4].source


def test_cell_ids_depend_on_content_only(tmp_path):
    eerst = write_source(tmp_path, "# A\n\n```{code-cell} ipython3\nx = 1\n```\n")
    ids_eerst = [c.id for c in bouw.bouw_notebooks(eerst)[0].cells]
    assert ids_eerst == [c.id for c in bouw.bouw_notebooks(eerst)[0].cells]
    tweede = write_source(tmp_path, "# A\n\n```{code-cell} ipython3\nx = 2\n```\n")
    ids_tweede = [c.id for c in bouw.bouw_notebooks(tweede)[0].cells]
    assert ids_eerst[0] == ids_tweede[0] and ids_eerst[1] != ids_tweede[1]


NAMEN = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True).filter(lambda n: not keyword.iskeyword(n))


@given(st.lists(NAMEN, min_size=1, max_size=6))
def test_placeholder_assigns_ellipsis_to_every_solution_name(namen):
    oplossing = "# opdracht\n" + "\n".join(f"{naam} = {i} * 2" for i, naam in enumerate(namen))
    werkboek = bouw.plaatshouder(oplossing)
    boom = ast.parse(werkboek)
    toegekend = [(k.targets[0].id, k.value.value) for k in boom.body]
    assert toegekend == [(naam, ...) for naam in dict.fromkeys(namen)]
    assert werkboek.startswith("# opdracht\n")

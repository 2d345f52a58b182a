"""The data dictionary (datasets/README.md) documents exactly the tables and columns of helpers.schema,
with a type that matches the schema and an example that fits the type, so it can never go stale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.schema import PROFIELEN, TABELLEN

README = Path(__file__).resolve().parents[1] / "datasets" / "README.md"
HEADING = re.compile(r"^## Tabel `(?P<tabel>[a-z_]+)`\s*$")
ROW = re.compile(r"^\| `(?P<kolom>[a-z_0-9]+)` \|")
BACKTICKED = re.compile(r"`([^`]+)`")

# words the "eenheid / type" cell must contain for each kind of the schema
TYPE_WORDS = {
    "id": ("tekst",),
    "tekst": ("tekst",),
    "categorie": ("categorie",),
    "datum": ("datum",),
    "geheel": ("geheel getal", "score"),
    "getal": ("euro", "km", "minuten", "aandeel"),
    "waar": ("waar/onwaar",),
}


def parse(text: str) -> dict[str, list[list[str]]]:
    """Table name -> the cells of each column row under its '## Tabel `name`' heading."""
    tables: dict[str, list[list[str]]] = {}
    current = None
    for line in text.splitlines():
        heading = HEADING.match(line)
        if heading:
            current = heading["tabel"]
            assert current not in tables, f"table {current} documented twice"
            tables[current] = []
        elif line.startswith("#"):
            current = None
        elif current and ROW.match(line):
            tables[current].append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return tables


@pytest.fixture(scope="module")
def documented() -> dict[str, list[list[str]]]:
    return parse(README.read_text(encoding="utf-8"))


def test_parser_on_a_small_example():
    lines = ["# x", "## Tabel `a`", "| kolom | b |", "|---|---|", "| `k1` | één |", "| `k2` | twee |"]
    text = "\n".join([*lines, "## Andere", "| `k3` | x |"])
    assert parse(text) == {"a": [["`k1`", "één"], ["`k2`", "twee"]]}


def test_every_table_is_documented_and_nothing_else(documented):
    assert list(documented) == list(TABELLEN)


@pytest.mark.parametrize("tabel", list(TABELLEN))
def test_every_column_documented_in_schema_order(documented, tabel):
    columns = [row[0].strip("`") for row in documented[tabel]]
    schema = list(TABELLEN[tabel])
    assert columns == schema, (
        f"missing: {set(schema) - set(columns)}, not in schema: {set(columns) - set(schema)}"
    )


@pytest.mark.parametrize("tabel", list(TABELLEN))
def test_rows_are_complete_and_types_match_the_schema(documented, tabel):
    for row in documented[tabel]:
        assert len(row) == 5, row
        column, meaning, kind_text, example, _allowed = row
        kind = TABELLEN[tabel][column.strip("`")]
        assert meaning, row
        assert any(word in kind_text for word in TYPE_WORDS[kind]), (column, kind, kind_text)
        assert BACKTICKED.fullmatch(example), f"{tabel}.{column}: example should be one `value`"


@pytest.mark.parametrize("tabel", list(TABELLEN))
def test_examples_fit_their_type_and_allowed_values(documented, tabel):
    for column, _meaning, _kind, example, allowed in documented[tabel]:
        kind = TABELLEN[tabel][column.strip("`")]
        value = example.strip("`")
        if kind == "datum":
            # no date in the data lies after the peildatum 2025-12-31
            assert pd.Timestamp(value) <= pd.Timestamp("2025-12-31 23:59:59"), (column, value)
        elif kind == "geheel":
            int(value)
        elif kind == "getal":
            float(value)
        elif kind == "waar":
            assert value in ("True", "False"), (column, value)
        elif kind == "categorie":
            listed = BACKTICKED.findall(allowed)
            if listed:
                assert value in listed, (column, value, listed)


# ---------------------------------------------------------------- against the shipped datasets

DATASETS = README.parent
SHIPPED = all((DATASETS / profiel / "winkel.json").is_file() for profiel in PROFIELEN)
needs_data = pytest.mark.skipif(not SHIPPED, reason="the datasets are not generated yet")


@pytest.fixture(scope="module")
def shops() -> dict[str, dict[str, pd.DataFrame]]:
    """The id and category columns of every shipped table, as text (empty cell = NA)."""
    return {
        profiel: {
            tabel: pd.read_csv(
                DATASETS / profiel / f"{tabel}.csv",
                usecols=[k for k, kind in schema.items() if kind in ("id", "categorie")],
                dtype=str,
                keep_default_na=False,
                na_values=[""],
            )
            for tabel, schema in TABELLEN.items()
        }
        for profiel in PROFIELEN
    }


def enumerated(allowed: str) -> list[str]:
    """The complete list of allowed values in a cell, or [] when the cell gives no closed list."""
    if "..." in allowed or "per winkel" in allowed:
        return []
    return BACKTICKED.findall(allowed)


def shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


@needs_data
@pytest.mark.parametrize("tabel", list(TABELLEN))
def test_documented_categories_are_exactly_those_in_the_data(documented, shops, tabel):
    for column, _meaning, _kind, _example, allowed in documented[tabel]:
        name = column.strip("`")
        listed = enumerated(allowed)
        if TABELLEN[tabel][name] != "categorie" or not listed:
            continue
        seen = set().union(*(set(shop[tabel][name].dropna()) for shop in shops.values()))
        assert seen == set(listed), f"{tabel}.{name}: data has {sorted(seen)}, documented {listed}"


@needs_data
@pytest.mark.parametrize("tabel", list(TABELLEN))
def test_id_examples_look_like_the_real_ids(documented, shops, tabel):
    for column, _meaning, _kind, example, _allowed in documented[tabel]:
        name = column.strip("`")
        if TABELLEN[tabel][name] != "id":
            continue
        shapes = set().union(*(set(shop[tabel][name].dropna().map(shape)) for shop in shops.values()))
        assert shape(example.strip("`")) in shapes, f"{tabel}.{name}: {example} vs {sorted(shapes)[:5]}"


@needs_data
@pytest.mark.parametrize(
    ("title", "column"), [("Productlijnen", "productlijn"), ("Categorieën", "categorie")]
)
def test_product_lines_and_categories_per_shop_are_documented(shops, title, column):
    text = README.read_text(encoding="utf-8")
    section = text.split(f"{title} per winkel:", 1)[1].split("\n\n", 2)[1]
    for profiel, shop in shops.items():
        line = re.search(rf"^- {profiel}: (.*)$", section, flags=re.MULTILINE)
        assert line, f"no {column} listed for {profiel}"
        assert set(BACKTICKED.findall(line[1])) == set(shop["producten"][column].dropna()), profiel


@needs_data
def test_hidden_truth_columns_are_documented():
    text = README.read_text(encoding="utf-8")
    section = text.split("### De map `_sleutel/`", 1)[1].split("\n#", 1)[0]
    documented_columns = [m["kolom"] for m in map(ROW.match, section.splitlines()) if m]
    # the columns a shop made with vervuiling=True has in addition (helpers.genereer.vervuiling)
    extra_section = text.split("#### Met de fouten in het klantenbestand", 1)[1].split("\n#", 1)[0]
    extra_columns = [m["kolom"] for m in map(ROW.match, extra_section.splitlines()) if m]
    for profiel in PROFIELEN:
        header = list(pd.read_csv(DATASETS / profiel / "_sleutel" / "klanten.csv", nrows=0).columns)
        assert header in (documented_columns, documented_columns + extra_columns), profiel


@needs_data
def test_shop_names_and_towns_match_winkel_json():
    text = README.read_text(encoding="utf-8")
    for profiel in PROFIELEN:
        meta = json.loads((DATASETS / profiel / "winkel.json").read_text(encoding="utf-8"))
        row = re.search(rf"^\| `{profiel}/` \| (?P<naam>[^|]+) \| (?P<gemeente>[^|]+) \|", text, re.MULTILINE)
        assert row, profiel
        assert (row["naam"].strip(), row["gemeente"].strip()) == (meta["naam"], meta["gemeente"])
        assert meta["peildatum"] == "2025-12-31"

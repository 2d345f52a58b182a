"""Een winkel laden en bewaren: de tabellen van het datamodel met de juiste types.

>>> from helpers.data import laad_winkel
>>> winkel = laad_winkel("kledingzaak")
>>> winkel.profiel, str(winkel.peildatum.date())
('kledingzaak', '2025-12-31')
>>> winkel.tickets["datum"].dtype.kind
'M'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from helpers.schema import PROFIELEN, TABELLEN

DATASETS = Path(__file__).resolve().parents[2] / "datasets"
"""De map met de meegeleverde winkels (in een checkout van het project)."""

META = "winkel.json"


@dataclass
class Winkel:
    """Eén winkel: een DataFrame per tabel van het datamodel, plus de peildatum ('vandaag')."""

    profiel: str
    naam: str
    gemeente: str
    peildatum: pd.Timestamp
    klanten: pd.DataFrame
    producten: pd.DataFrame
    tickets: pd.DataFrame
    ticketlijnen: pd.DataFrame
    contacten: pd.DataFrame
    acties: pd.DataFrame
    actiecontacten: pd.DataFrame
    enquete: pd.DataFrame
    offertes: pd.DataFrame

    def tabellen(self) -> dict[str, pd.DataFrame]:
        """Alle tabellen als dict ``naam -> DataFrame``, in de volgorde van het datamodel."""
        return {naam: getattr(self, naam) for naam in TABELLEN}

    def __repr__(self) -> str:
        aantallen = ", ".join(f"{naam}={len(df):,}" for naam, df in self.tabellen().items())
        return (
            f"Winkel({self.profiel!r}, {self.naam!r} in {self.gemeente}, "
            f"peildatum {self.peildatum.date()}, {aantallen})"
        )


_TABEL_VELDEN = {f.name for f in fields(Winkel)} - {"profiel", "naam", "gemeente", "peildatum"}
assert _TABEL_VELDEN == set(TABELLEN), "Winkel en schema.TABELLEN moeten dezelfde tabellen hebben"


def naar_types(df: pd.DataFrame, schema: dict[str, str]) -> pd.DataFrame:
    """Zet de kolommen van ``df`` om naar de types van ``schema`` (zie `helpers.schema`).

    Kolommen die niet in het schema staan, blijven zoals ze zijn.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"datum": ["2025-01-03"], "bedrag": ["12.5"], "klantenkaart": ["True"]})
    >>> uit = naar_types(df, {"datum": "datum", "bedrag": "getal", "klantenkaart": "waar"})
    >>> [str(t) for t in uit.dtypes]
    ['datetime64[us]', 'float64', 'bool']
    """
    omgezet = {}
    for kolom, soort in schema.items():
        if kolom not in df.columns:
            continue
        reeks = df[kolom]
        if soort == "datum":
            omgezet[kolom] = pd.to_datetime(reeks).astype("datetime64[us]")
        elif soort == "getal":
            omgezet[kolom] = pd.to_numeric(reeks).astype("float64")
        elif soort == "geheel":
            omgezet[kolom] = pd.to_numeric(reeks).astype("Int64")
        elif soort == "waar":
            if reeks.dtype == bool:
                omgezet[kolom] = reeks
            else:
                tekst = reeks.astype("string").str.lower()
                omgezet[kolom] = tekst.isin(["true", "1", "waar", "ja"]).astype(bool)
        elif soort == "categorie":
            omgezet[kolom] = reeks.astype("category")
        elif soort in ("id", "tekst"):
            omgezet[kolom] = reeks.astype("str").where(reeks.notna(), None).astype("str")
        else:  # pragma: no cover - schema-fout van de ontwikkelaar
            raise ValueError(f"Onbekende kolomsoort {soort!r} voor kolom {kolom!r}.")
    return df.assign(**omgezet) if omgezet else df


def _lees_tabel(pad: Path, schema: dict[str, str]) -> pd.DataFrame:
    dtypes = {k: "str" for k, s in schema.items() if s in ("id", "tekst", "datum")}
    datums = [k for k, s in schema.items() if s == "datum"]
    df = pd.read_csv(pad, dtype=dtypes, keep_default_na=False, na_values=[""])
    for kolom in datums:
        df[kolom] = pd.to_datetime(df[kolom], format="ISO8601").astype("datetime64[us]")
    return naar_types(df, {k: s for k, s in schema.items() if s != "datum"})


def laad_winkel(profiel: str = "kledingzaak", map: str | Path | None = None) -> Winkel:
    """Laad een meegeleverde winkel (of een zelf gegenereerde uit ``map``).

    ``profiel`` is ``"kledingzaak"``, ``"schoenenzaak"`` of ``"sportzaak"``. De verborgen
    waarheid van de generator (``_sleutel``) wordt nooit geladen.

    >>> w = laad_winkel("sportzaak")
    >>> len(w.klanten) > 1000
    True
    """
    if profiel not in PROFIELEN:
        keuze = ", ".join(repr(p) for p in PROFIELEN)
        raise ValueError(f"Onbekend profiel {profiel!r}. Kies uit: {keuze}.")
    basis = Path(map) if map is not None else DATASETS / profiel
    if not (basis / META).is_file():
        raise FileNotFoundError(
            f"Geen winkel gevonden in {basis}: het bestand {META} ontbreekt. "
            f"Maak de winkel met: python -m helpers.genereer --profiel {profiel} --map {basis}"
        )
    meta = json.loads((basis / META).read_text(encoding="utf-8"))
    tabellen = {naam: _lees_tabel(basis / f"{naam}.csv", schema) for naam, schema in TABELLEN.items()}
    return Winkel(
        profiel=meta["profiel"],
        naam=meta["naam"],
        gemeente=meta["gemeente"],
        peildatum=pd.Timestamp(meta["peildatum"]),
        **tabellen,
    )


def bewaar_winkel(winkel: Winkel, map: str | Path, sleutel: pd.DataFrame | None = None) -> Path:
    """Schrijf een winkel als CSV-bestanden (één per tabel) plus ``winkel.json`` naar ``map``.

    De verborgen waarheid ``sleutel`` komt, als die gegeven is, in ``map/_sleutel/klanten.csv``.
    Hetzelfde object geeft altijd byte-identieke bestanden.
    """
    basis = Path(map)
    basis.mkdir(parents=True, exist_ok=True)
    meta = {
        "profiel": winkel.profiel,
        "naam": winkel.naam,
        "gemeente": winkel.gemeente,
        "peildatum": str(winkel.peildatum.date()),
    }
    (basis / META).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for naam, df in winkel.tabellen().items():
        kolommen = list(TABELLEN[naam])
        _schrijf_csv(df[kolommen], basis / f"{naam}.csv")
    if sleutel is not None:
        (basis / "_sleutel").mkdir(exist_ok=True)
        _schrijf_csv(sleutel, basis / "_sleutel" / "klanten.csv")
    return basis


def _schrijf_csv(df: pd.DataFrame, pad: Path) -> None:
    df.to_csv(pad, index=False, date_format="%Y-%m-%d %H:%M:%S", lineterminator="\n")

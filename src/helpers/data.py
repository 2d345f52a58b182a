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
import re
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout
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


CATEGORIEEN: dict[str, dict[str, frozenset[str]]] = {
    "klanten": {
        "geslacht": frozenset({"m", "v", "x"}),
        "huishouden": frozenset({"alleen", "koppel", "gezin"}),
        "relatie": frozenset({"klant", "prospect"}),
        "voorkeurkanaal": frozenset({"e-mail", "sms", "post", "geen"}),
        "kledingmaat": frozenset({"XS", "S", "M", "L", "XL", "XXL"}),
    },
    "producten": {
        "seizoen": frozenset({"lente-zomer", "herfst-winter", "doorlopend"}),
        "doelgroep": frozenset({"dames", "heren", "kinderen", "unisex"}),
    },
    "tickets": {"kanaal": frozenset({"winkel", "webshop"}), "soort": frozenset({"aankoop", "retour"})},
    "ticketlijnen": {"korting_soort": frozenset({"solden", "actie", "klantenkaart", "groep"})},
    "contacten": {
        "type": frozenset({"advies", "vraag", "retouche", "klacht"}),
        "kanaal": frozenset({"winkel", "telefoon", "e-mail"}),
        "uitkomst": frozenset({"goed opgelost", "deels opgelost", "niet opgelost"}),
    },
    "acties": {
        "soort": frozenset(
            {"geldvoordeel", "productpromotie", "wedstrijd", "vip-preview", "verjaardag", "winback"}
        ),
        "kanaal": frozenset({"e-mail", "sms", "post"}),
    },
    "actiecontacten": {"groep": frozenset({"doelgroep", "controle"})},
    "enquete": {"vergelijking": frozenset({"beter", "even goed", "slechter"})},
    "offertes": {
        "fase": frozenset({"suspect", "prospect", "offerte", "bestelling", "verloren"}),
        "type_organisatie": frozenset({"club", "school", "bedrijf", "gemeente"}),
    },
}
"""De categorieën met een vaste lijst waarden; een andere waarde in een winkelbestand is een fout."""

VERPLICHT: dict[str, tuple[str, ...]] = {
    "klanten": ("klant_id", "relatie"),
    "producten": ("product_id", "catalogusprijs", "aankoopprijs"),
    "tickets": ("ticket_id", "datum", "kanaal", "soort", "bedrag"),
    "ticketlijnen": ("ticket_id", "product_id", "aantal", "bedrag"),
    "contacten": ("contact_id", "datum", "type"),
    "acties": ("actie_id", "startdatum"),
    "actiecontacten": ("actie_id", "klant_id"),
    "enquete": ("respons_id", "uitnodiging_datum"),
    "offertes": ("offerte_id", "fase"),
}
"""Kolommen die nooit leeg mogen zijn (naast alle waar/onwaar-kolommen): een lege cel wijst op een
afgebroken of beschadigd bestand."""

_WAAR = {
    "true": True,
    "1": True,
    "waar": True,
    "ja": True,
    "false": False,
    "0": False,
    "onwaar": False,
    "nee": False,
}


def _fout(pad: Path, waarom: str, rij: int | None = None, kolom: str | None = None) -> InvoerFout:
    waar = "".join([f", rij {rij}" if rij is not None else "", f", kolom '{kolom}'" if kolom else ""])
    return InvoerFout(
        f"Het bestand '{pad.name}' in {pad.parent}{waar}: {waarom} Maak de winkel opnieuw met "
        "python -m helpers.genereer (of haal de map opnieuw op)."
    )


def _eerste_fout(pad: Path, kolom: str, slecht: pd.Series, ruw: pd.Series, wat: str) -> None:
    if slecht.any():
        positie = int(np.flatnonzero(slecht.to_numpy())[0])
        aantal = int(slecht.sum())
        meer = f" ({aantal} rijen)" if aantal > 1 else ""
        raise _fout(pad, f"'{ruw.iloc[positie]}' is geen {wat}{meer}.", positie + 2, kolom)


def _lees_csv(pad: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    """Lees één CSV; ontbreken, afgebroken of beschadigd zijn: een `InvoerFout` met bestand en rij."""
    if not pad.is_file():
        raise _fout(pad, "het bestand ontbreekt.")
    with open(pad, "rb") as bestand:
        if bestand.seek(0, 2) == 0:
            raise _fout(pad, "het bestand is leeg.")
        bestand.seek(-1, 2)
        volledig = bestand.read(1) == b"\n"
    try:
        df = pd.read_csv(pad, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
    except UnicodeDecodeError:
        inhoud = pad.read_bytes()
        try:
            inhoud.decode("utf-8")
            rij = None
        except UnicodeDecodeError as fout:  # opnieuw, voor de plaats in het hele bestand
            rij = inhoud.count(b"\n", 0, fout.start) + 1
        raise _fout(pad, "dit is geen tekstbestand in UTF-8 (beschadigd?).", rij) from None
    except pd.errors.ParserError as fout:
        gevonden = re.search(r"line (\d+)", str(fout))
        rij = int(gevonden.group(1)) if gevonden else None
        raise _fout(pad, "deze rij heeft niet het juiste aantal velden (beschadigd?).", rij) from None
    if not isinstance(df.index, pd.RangeIndex):  # pandas maakt een index van velden te veel op rij 2
        raise _fout(pad, "deze rij heeft niet het juiste aantal velden (beschadigd?).", 2)
    if not volledig:
        raise _fout(pad, "het bestand is afgebroken: de laatste regel eindigt niet.", len(df) + 1)
    return df


def _lees_tabel(pad: Path, schema: dict[str, str], tabel: str = "") -> pd.DataFrame:
    """Lees en controleer één tabel: kolommen, types, categorieën en verplichte waarden."""
    # getallen en waar/onwaar leest pandas zelf (snel); enkel als dat mislukt, zoeken we de foute rij
    df = _lees_csv(pad, {k: "str" for k, soort in schema.items() if soort not in ("getal", "geheel", "waar")})
    ontbrekend = [k for k in schema if k not in df.columns]
    if ontbrekend:
        raise _fout(pad, f"de kolom(men) {', '.join(map(repr, ontbrekend))} ontbreken in de kopregel.", 1)
    omgezet = {}
    for kolom, soort in schema.items():
        ruw = df[kolom]
        gevuld = ruw.notna()
        if soort == "datum":
            waarden = pd.to_datetime(ruw, format="ISO8601", errors="coerce")
            _eerste_fout(pad, kolom, gevuld & waarden.isna(), ruw, "datum (jjjj-mm-dd uu:mm:ss)")
            omgezet[kolom] = waarden.astype("datetime64[us]")
        elif soort in ("getal", "geheel"):
            getal = pd.api.types.is_numeric_dtype(ruw.dtype) and not pd.api.types.is_bool_dtype(ruw.dtype)
            waarden = ruw if getal else pd.to_numeric(ruw.astype("str"), errors="coerce")
            _eerste_fout(pad, kolom, gevuld & waarden.isna(), ruw, "getal")
            if soort == "geheel":
                _eerste_fout(pad, kolom, gevuld & (waarden != waarden.round()), ruw, "geheel getal")
                omgezet[kolom] = waarden.astype("Int64")
            else:
                omgezet[kolom] = waarden.astype("float64")
        elif soort == "waar":
            if pd.api.types.is_bool_dtype(ruw.dtype):
                omgezet[kolom] = ruw
                continue
            waarden = ruw.astype("str").str.strip().str.lower().map(_WAAR)
            _eerste_fout(
                pad, kolom, waarden.isna(), ruw.astype("str").fillna(""), "waar/onwaar (True of False)"
            )
            omgezet[kolom] = waarden.astype(bool)
        elif soort == "categorie":
            omgezet[kolom] = ruw.astype("category")
            toegelaten = CATEGORIEEN.get(tabel, {}).get(kolom)
            vreemd = set(omgezet[kolom].cat.categories) - (toegelaten or set())
            if toegelaten is not None and vreemd:
                _eerste_fout(pad, kolom, ruw.isin(vreemd), ruw, f"toegelaten waarde voor {kolom}")
    df = df.assign(**omgezet)
    for kolom in VERPLICHT.get(tabel, ()):
        leeg = df[kolom].isna()
        if leeg.any():
            rij = int(np.flatnonzero(leeg.to_numpy())[0]) + 2
            raise _fout(pad, "deze verplichte cel is leeg (afgebroken of beschadigd bestand?).", rij, kolom)
    return df


def _lees_meta(basis: Path, profiel: str) -> dict[str, str]:
    pad = basis / META
    try:
        meta = json.loads(pad.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as fout:
        raise _fout(pad, f"dit is geen geldig JSON-bestand ({type(fout).__name__}).") from None
    if not isinstance(meta, dict):
        raise _fout(pad, "verwacht een object met profiel, naam, gemeente en peildatum.")
    ontbrekend = [k for k in ("profiel", "naam", "gemeente", "peildatum") if not isinstance(meta.get(k), str)]
    if ontbrekend:
        raise _fout(pad, f"de sleutel(s) {', '.join(map(repr, ontbrekend))} ontbreken.")
    if meta["profiel"] != profiel:
        raise InvoerFout(
            f"De map {basis} bevat een {meta['profiel']}, geen {profiel}. Laad ze met "
            f"laad_winkel({meta['profiel']!r}, map=...) of kies de juiste map."
        )
    try:
        meta["peildatum"] = pd.Timestamp(meta["peildatum"])
    except ValueError:
        raise _fout(pad, "de peildatum is geen datum (jjjj-mm-dd).") from None
    return meta


def laad_winkel(profiel: str = "kledingzaak", map: str | Path | None = None) -> Winkel:
    """Laad een meegeleverde winkel (of een zelf gegenereerde uit ``map``).

    ``profiel`` is ``"kledingzaak"``, ``"schoenenzaak"`` of ``"sportzaak"``. De verborgen
    waarheid van de generator (``_sleutel``) wordt nooit geladen. Elk bestand wordt gecontroleerd:
    alle kolommen van het datamodel (`helpers.schema`), de types, de vaste categorieën
    (`CATEGORIEEN`) en de verplichte waarden (`VERPLICHT`). Een ontbrekend, afgebroken of beschadigd
    bestand geeft een `helpers.controle.InvoerFout` die het bestand, de rij en de kolom noemt; een
    map waarvan ``winkel.json`` een ander profiel noemt, wordt geweigerd.

    >>> w = laad_winkel("sportzaak")
    >>> len(w.klanten) > 1000
    True
    """
    if profiel not in PROFIELEN:
        keuze = ", ".join(repr(p) for p in PROFIELEN)
        raise InvoerFout(f"Onbekend profiel {profiel!r}. Kies uit: {keuze}.")
    basis = Path(map) if map is not None else DATASETS / profiel
    if not (basis / META).is_file():
        raise FileNotFoundError(
            f"Geen winkel gevonden in {basis}: het bestand {META} ontbreekt. "
            f"Maak de winkel met: python -m helpers.genereer --profiel {profiel} --map {basis}"
        )
    meta = _lees_meta(basis, profiel)
    tabellen = {naam: _lees_tabel(basis / f"{naam}.csv", schema, naam) for naam, schema in TABELLEN.items()}
    return Winkel(
        profiel=meta["profiel"],
        naam=meta["naam"],
        gemeente=meta["gemeente"],
        peildatum=meta["peildatum"],
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

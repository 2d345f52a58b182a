"""Lijsten naar de winkel brengen: een veilig Excel-bestand of een CSV voor een mailing.

Twee functies:

- `naar_excel`: een opgemaakt ``.xlsx``-bestand (datums ``dd/mm/jjjj``, bedragen in euro,
  percentages, vaste kopregel, filterknoppen, passende kolombreedtes);
- `naar_csv`: een CSV voor samenvoegen in Word of Outlook (puntkomma, decimale komma, UTF-8 met
  BOM zodat Excel de accenten goed toont).

**Bescherming tegen formule-injectie.** Een tekstwaarde die begint met ``=``, ``+``, ``-``, ``@``,
een tab of een carriage return (ook na spaties) zou Excel als formule kunnen uitvoeren. Zo'n tekst
krijgt vooraan een enkel aanhalingsteken ``'``: ``=SOM(A1)`` wordt ``'=SOM(A1)``. Dat geldt ook voor
kolomnamen. Getallen blijven getallen: een negatief bedrag (-12,5) is geen tekst en blijft
rekenbaar. Tekens die in een Excel-bestand niet mogen (stuurtekens zoals ``\\x00``) worden weggelaten.

>>> import tempfile, pathlib
>>> import pandas as pd
>>> lijst = pd.DataFrame({"naam": ["An", "=HYPERLINK(\\"x\\")"], "bedrag": [12.5, -3.0]})
>>> neutraliseer(lijst)["naam"].tolist()
['An', '\\'=HYPERLINK("x")']
>>> with tempfile.TemporaryDirectory() as map:
...     pad = naar_excel(lijst, pathlib.Path(map) / "lijst.xlsx")
...     pad.name
'lijst.xlsx'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from helpers.controle import InvoerFout, vereis_kolommen

GEVAARLIJKE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
"""Tekens waarmee een tekstwaarde niet mag beginnen (ook niet na spaties); zie `neutraliseer`."""

_GEVAARLIJK_RE = r"^ *[=+\-@\t\r]"

EURO_FORMAAT = '#,##0.00 "€"'
"""Excel-getalnotatie voor bedragen; een Belgische Excel toont ``1.234,56 €``."""

PROCENT_FORMAAT = "0.0%"
GETAL_FORMAAT = "#,##0.00"
GEHEEL_FORMAAT = "0"

_PROCENTWOORDEN = ("pct", "procent", "percentage", "aandeel")
_BEDRAGWOORDEN = (
    "bedrag", "prijs", "omzet", "monetair", "korting", "waarde", "kost", "marge", "winst", "clv", "euro",
)  # fmt: skip

_ONGELDIGE_BLADTEKENS = re.compile(r"[\[\]:*?/\\]")


def neutraliseer(df: pd.DataFrame) -> pd.DataFrame:
    """Maak tekstwaarden en kolomnamen onschadelijk voor Excel (zie de regel bovenaan de module).

    Tekstkolommen (ook categorieën) worden tekst; getallen, datums en waar/onwaar blijven ongemoeid.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"x": ["+32 470", "@an", "gewoon", None], "n": [-1, 2, 3, 4]})
    >>> neutraliseer(df)["x"].tolist()
    ["'+32 470", "'@an", 'gewoon', None]
    >>> neutraliseer(df)["n"].tolist()
    [-1, 2, 3, 4]
    """
    vereis_kolommen(df, [], "lijst")
    uit = df.copy()
    for positie in range(df.shape[1]):  # op positie: kolomnamen mogen dubbel voorkomen
        reeks = df.iloc[:, positie]
        if isinstance(reeks.dtype, pd.CategoricalDtype) or _is_tekst(reeks):
            uit.isetitem(positie, _neutraliseer_reeks(reeks))
    namen = _neutraliseer_reeks(pd.Series([str(k) for k in df.columns], dtype="object"))
    uit.columns = namen.tolist()
    return uit


def _is_tekst(reeks: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(reeks) or pd.api.types.is_string_dtype(reeks)


def _neutraliseer_reeks(reeks: pd.Series) -> pd.Series:
    """Neutraliseer de tekstwaarden van een reeks; andere waarden (getallen, leeg) blijven."""
    waarden = reeks.astype(object)
    if pd.api.types.infer_dtype(waarden, skipna=True) in ("string", "empty"):
        is_tekst = waarden.notna().to_numpy()
    else:  # gemengde kolom: enkel de echte tekstwaarden
        is_tekst = waarden.map(lambda w: isinstance(w, str)).to_numpy(dtype=bool)
    tekst = waarden[is_tekst].astype("string").str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True)
    gevaarlijk = tekst.str.contains(_GEVAARLIJK_RE, regex=True).astype(bool)
    uit = waarden.where(waarden.notna(), None).to_numpy(copy=True)
    uit[is_tekst] = tekst.where(~gevaarlijk, "'" + tekst).to_numpy(dtype=object)
    return pd.Series(uit, index=reeks.index, name=reeks.name, dtype=object)


def _met_index(df: pd.DataFrame) -> pd.DataFrame:
    """Een benoemde index (bv. ``klant_id`` bij een RFM-tabel) wordt een gewone eerste kolom."""
    if any(naam is not None for naam in df.index.names):
        return df.reset_index()
    return df


def _soort_getal(kolom: str, procenten: set[str], bedragen: set[str]) -> str | None:
    """Het soort getal: "procent", "bedrag" of None; zonder expliciete lijsten geraden uit de kolomnaam."""
    if kolom in procenten:
        return "procent"
    if kolom in bedragen:
        return "bedrag"
    naam = str(kolom).lower()
    if procenten or bedragen:
        return None
    if any(w in naam for w in _PROCENTWOORDEN):
        return "procent"
    if any(w in naam for w in _BEDRAGWOORDEN):
        return "bedrag"
    return None


def _bedragkolommen(
    df: pd.DataFrame, bedragen: Iterable[str] | None, procenten: Iterable[str] | None
) -> list[str | None]:
    """Per kolom (op positie): ``"bedrag"``, ``"procent"`` of ``None`` voor een getalkolom (expliciet,
    of geraden uit de naam), ``"-"`` voor een kolom die geen getallen bevat."""
    bedragen_set = set(bedragen or ())
    procenten_set = set(procenten or ())
    vereis_kolommen(df, [*bedragen_set, *procenten_set], "lijst")
    soorten = []
    for positie, kolom in enumerate(df.columns):
        reeks = df.iloc[:, positie]
        getal = pd.api.types.is_numeric_dtype(reeks) and not pd.api.types.is_bool_dtype(reeks)
        soorten.append(_soort_getal(kolom, procenten_set, bedragen_set) if getal else "-")
    return soorten


def _met_tijd(reeks: pd.Series) -> tuple[bool, bool]:
    """(heeft een uur, heeft seconden) voor een datumkolom."""
    geldig = reeks.dropna()
    uur = bool((geldig != geldig.dt.normalize()).any())
    seconden = bool((geldig.dt.second != 0).any())
    return uur, seconden


def _datum_formaten(reeks: pd.Series) -> tuple[str, str]:
    """(strftime-notatie, Excel-notatie) voor een datumkolom: dd/mm/jjjj, met uur als dat er is."""
    uur, seconden = _met_tijd(reeks)
    if seconden:
        return "%d/%m/%Y %H:%M:%S", "dd/mm/yyyy hh:mm:ss"
    if uur:
        return "%d/%m/%Y %H:%M", "dd/mm/yyyy hh:mm"
    return "%d/%m/%Y", "dd/mm/yyyy"


def _zonder_tijdzone(reeks: pd.Series) -> pd.Series:
    if isinstance(reeks.dtype, pd.DatetimeTZDtype):
        return reeks.dt.tz_localize(None)
    return reeks


def _controleer_doel(df: pd.DataFrame, pad: str | Path, extensie: str) -> Path:
    vereis_kolommen(df, [], "lijst")
    doel = Path(pad)
    if doel.suffix.lower() != extensie:
        raise InvoerFout(f"Het bestand '{doel.name}' moet eindigen op {extensie}.")
    if not doel.parent.is_dir():
        raise InvoerFout(f"De map '{doel.parent}' bestaat niet; maak ze eerst aan.")
    return doel


def naar_excel(
    df: pd.DataFrame,
    pad: str | Path,
    blad: str = "Lijst",
    bedragen: Iterable[str] | None = None,
    procenten: Iterable[str] | None = None,
) -> Path:
    """Schrijf ``df`` naar een opgemaakt Excel-bestand, veilig tegen formule-injectie.

    Datums krijgen ``dd/mm/jjjj`` (met uur als dat er is), bedragen ``#.##0,00 €`` en percentages
    ``0,0%`` (Excel past de notatie aan je taalinstelling aan). Welke kolommen bedragen of
    percentages zijn, geef je met ``bedragen`` en ``procenten``; zonder die lijsten raadt de functie
    het uit de kolomnaam (``bedrag``, ``prijs``, ``omzet``, ``korting``, ... en ``pct``, ``aandeel``,
    ...). Percentages staan als aandeel in de tabel (0,125 wordt 12,5%). Een benoemde index wordt
    een kolom. De kopregel blijft staan bij het scrollen en heeft filterknoppen. Geeft het pad terug.

    >>> import tempfile, pathlib
    >>> import openpyxl, pandas as pd
    >>> df = pd.DataFrame({"datum": pd.to_datetime(["2025-01-03"]), "omzet": [1234.5]})
    >>> with tempfile.TemporaryDirectory() as map:
    ...     pad = naar_excel(df, pathlib.Path(map) / "omzet.xlsx")
    ...     blad = openpyxl.load_workbook(pad)["Lijst"]
    ...     [(c.value, c.number_format) for c in blad[2]]
    [(datetime.datetime(2025, 1, 3, 0, 0), 'dd/mm/yyyy'), (1234.5, '#,##0.00 "€"')]
    """
    doel = _controleer_doel(df, pad, ".xlsx")
    if not blad or len(blad) > 31 or _ONGELDIGE_BLADTEKENS.search(blad):
        raise InvoerFout(f"Ongeldige bladnaam {blad!r}: gebruik 1 tot 31 tekens, zonder [ ] : * ? / of \\.")
    tabel = _met_index(df)
    soorten = _bedragkolommen(tabel, bedragen, procenten)
    veilig = neutraliseer(tabel)

    boek = Workbook(write_only=True)
    werkblad = boek.create_sheet(blad)
    werkblad.freeze_panes = "A2"
    kolommen, formaten, breedtes = [], [], []
    for positie in range(tabel.shape[1]):
        reeks = veilig.iloc[:, positie]
        waarden, formaat, tekst = _excel_kolom(reeks, tabel.iloc[:, positie], soorten[positie])
        kolommen.append(waarden)
        formaten.append(formaat)
        breedtes.append(_breedte(veilig.columns[positie], tekst))
    for positie, breedte in enumerate(breedtes, start=1):
        werkblad.column_dimensions[get_column_letter(positie)].width = breedte
    laatste = get_column_letter(max(len(breedtes), 1))
    werkblad.auto_filter.ref = f"A1:{laatste}{len(tabel) + 1}"
    werkblad.append(list(veilig.columns))
    for rij in zip(*kolommen, strict=True):
        werkblad.append([_cel(werkblad, w, f) for w, f in zip(rij, formaten, strict=True)])
    boek.save(doel)
    return doel


def _excel_kolom(
    veilig: pd.Series, origineel: pd.Series, soort: str | None
) -> tuple[list, str | None, pd.Series]:
    """(waarden voor openpyxl, getalnotatie, tekst om de breedte te schatten) voor één kolom."""
    if pd.api.types.is_datetime64_any_dtype(origineel):
        reeks = _zonder_tijdzone(origineel)
        strftime, formaat = _datum_formaten(reeks)
        return _python_waarden(reeks), formaat, reeks.dt.strftime(strftime)
    if soort == "-":  # geen getal: tekst of waar/onwaar
        return _python_waarden(veilig), None, veilig.astype("string")
    if soort == "procent":
        formaat = PROCENT_FORMAAT
    elif soort == "bedrag":
        formaat = EURO_FORMAAT
    elif pd.api.types.is_integer_dtype(origineel):
        formaat = GEHEEL_FORMAAT
    else:
        formaat = GETAL_FORMAAT
    tekst = origineel.astype("Float64").round(2).astype("string") + ("  €" if soort == "bedrag" else "")
    return _python_waarden(origineel), formaat, tekst


def _python_waarden(reeks: pd.Series) -> list:
    """Waarden als gewone Python-objecten, lege waarden als None."""
    return reeks.astype(object).where(reeks.notna(), None).tolist()


def _cel(werkblad, waarde, formaat: str | None):
    if formaat is None or waarde is None:
        return waarde
    cel = WriteOnlyCell(werkblad, value=waarde)
    cel.number_format = formaat
    return cel


def _breedte(kop: str, tekst: pd.Series) -> float:
    langste = tekst.str.len().max() if len(tekst) else 0
    langste = 0 if pd.isna(langste) else int(langste)
    return float(min(max(len(kop) + 3, langste + 2, 8), 60))


def naar_csv(df: pd.DataFrame, pad: str | Path, kolommen: Iterable[str] | None = None) -> Path:
    """Schrijf ``df`` als CSV voor een mailing (samenvoegen in Word/Outlook), veilig tegen formules.

    Puntkomma als scheidingsteken, komma als decimaalteken, datums ``dd/mm/jjjj`` (met uur als dat er
    is), bedragen met twee decimalen, UTF-8 met BOM zodat Excel de accenten goed toont. Met
    ``kolommen`` kies je welke kolommen (en in welke volgorde) erin komen. Een benoemde index wordt
    een kolom. Geeft het pad terug.

    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> df = pd.DataFrame({"voornaam": ["Zoë", "-Jan"], "bedrag": [1234.5, -2.0], "x": [1, 2]})
    >>> with tempfile.TemporaryDirectory() as map:
    ...     pad = naar_csv(df, pathlib.Path(map) / "mailing.csv", kolommen=["voornaam", "bedrag"])
    ...     pad.read_bytes().decode("utf-8")
    "\\ufeffvoornaam;bedrag\\r\\nZoë;1234,50\\r\\n'-Jan;-2,00\\r\\n"
    """
    doel = _controleer_doel(df, pad, ".csv")
    tabel = _met_index(df)
    if kolommen is not None:
        kolommen = list(kolommen)
        vereis_kolommen(tabel, kolommen, "lijst")
        tabel = tabel[kolommen]
    soorten = _bedragkolommen(tabel, None, None)
    veilig = neutraliseer(tabel)
    for positie in range(tabel.shape[1]):
        reeks = tabel.iloc[:, positie]
        if pd.api.types.is_datetime64_any_dtype(reeks):
            reeks = _zonder_tijdzone(reeks)
            veilig.isetitem(positie, reeks.dt.strftime(_datum_formaten(reeks)[0]))
        elif soorten[positie] == "bedrag":
            veilig.isetitem(positie, _twee_decimalen(reeks))
    veilig.to_csv(doel, sep=";", decimal=",", index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return doel


def _twee_decimalen(reeks: pd.Series) -> pd.Series:
    """Bedragen als tekst met decimale komma en precies twee decimalen (``-1234,50``)."""
    centen = (reeks.astype("Float64") * 100).round().astype("Int64")
    cijfers = centen.abs().astype("string").str.zfill(3)
    teken = pd.Series("", index=reeks.index, dtype="string").mask((centen < 0).fillna(False), "-")
    return (teken + cijfers.str[:-2] + "," + cijfers.str[-2:]).astype(object).where(reeks.notna(), None)

"""Lijsten naar de winkel brengen: een veilig Excel-bestand of een CSV voor een mailing.

Twee functies:

- `naar_excel`: een opgemaakt ``.xlsx``-bestand (datums ``dd/mm/jjjj``, bedragen in euro,
  percentages, vaste kopregel, filterknoppen, passende kolombreedtes);
- `naar_csv`: een CSV voor samenvoegen in Word of Outlook (puntkomma, decimale komma, UTF-8 met
  BOM zodat Excel de accenten goed toont).

**Bescherming tegen formule-injectie** (de OWASP-richtlijn tegen CSV-injectie). Een tekstwaarde die
begint met ``=``, ``+``, ``-``, ``@``, een tab of een carriage return, of met hun brede vorm
(``＝``, ``＋``, ``－``, ``＠``, ook de kleine ``﹦``, ``﹢``, ``﹣``, ``﹫``), zou Excel als formule
kunnen uitvoeren, ook als er onzichtbare tekens voor staan: spaties, harde spaties, tabs,
regeleinden, stuurtekens, zero-width-tekens of een BOM. Zo'n tekst krijgt vooraan een enkel
aanhalingsteken ``'``: ``=SOM(A1)`` wordt ``'=SOM(A1)``. Dat geldt ook voor kolomnamen. Getallen
blijven getallen: een negatief bedrag (-12,5) is geen tekst en blijft rekenbaar. Tekens die in een
Excel-bestand niet mogen (stuurtekens zoals ``\\x00``) worden weggelaten.

**Wat Excel niet kan bewaren, wordt niet stil veranderd** maar geeft een `InvoerFout` met kolom en
rij: een oneindig of te groot getal, een geheel getal van 16 cijfers of meer (Excel bewaart er 15:
maak er tekst van), een datum vóór 1900, een tekst langer dan 32.767 tekens (de grens van een
Excel-cel) en een cel met een lijst, tuple, set of dict.

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
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from helpers.controle import InvoerFout, vereis_kolommen
from helpers.opmaak import getal
from helpers.tijdzone import belgische_datums

GEVAARLIJKE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
"""Tekens waarmee een tekstwaarde niet mag beginnen (ook niet na spaties); zie `neutraliseer`."""

_ONZICHTBAAR = "".join(
    c for c in map(chr, range(0x10000)) if c.isspace() or unicodedata.category(c) in ("Cc", "Cf")
)
"""Tekens die Excel vóór een formule negeert of die je niet ziet: witruimte, stuurtekens, zero-width, BOM."""
_FORMULETEKENS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b"
_GEVAARLIJK_RE = f"^[{re.escape(_ONZICHTBAAR)}]*[{re.escape(_FORMULETEKENS)}]"

EXCEL_MAX_TEKST = 32_767
"""Het grootste aantal tekens in één Excel-cel."""
EXCEL_MAX_GETAL = 9.99999999999999e307
"""Het grootste getal dat Excel kent."""
EXCEL_CIJFERS = 15
"""Excel bewaart getallen met 15 beduidende cijfers: een groter geheel getal verliest de laatste."""
_LIJSTEN = (list, tuple, set, frozenset, dict, np.ndarray, pd.Series)

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
        is_getal = pd.api.types.is_numeric_dtype(reeks) and not pd.api.types.is_bool_dtype(reeks)
        soorten.append(_soort_getal(kolom, procenten_set, bedragen_set) if is_getal else "-")
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
    """Datums met een tijdzone in Belgische tijd, zoals in elke analyse (zie `helpers.tijdzone`)."""
    return belgische_datums(reeks)


def _weiger(kolom: object, rijen: np.ndarray, waarom: str) -> InvoerFout:
    """Een fout met de kolom en de eerste rij zoals in het bestand (rij 1 is de kopregel)."""
    meer = f" (en nog {len(rijen) - 1} andere)" if len(rijen) > 1 else ""
    return InvoerFout(f"Kolom '{kolom}', rij {int(rijen[0]) + 2}{meer}: {waarom}")


def controleer_exporteerbaar(df: pd.DataFrame) -> None:
    """Controleer dat Excel (en een CSV die je in Excel opent) elke waarde van ``df`` kan bewaren.

    Zie de uitleg bovenaan de module; de rij is die in het bestand (rij 1 is de kopregel).

    >>> import pandas as pd
    >>> controleer_exporteerbaar(pd.DataFrame({"kaart": [12, 1234567890123456789]}))
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: Kolom 'kaart', rij 3: een geheel getal van meer dan 15 cijfers verliest \
in Excel zijn laatste cijfers. Maak er tekst van, bv. df["kaart"] = df["kaart"].astype(str).
    """
    for positie, kolom in enumerate(df.columns):
        reeks = df.iloc[:, positie]
        if pd.api.types.is_bool_dtype(reeks.dtype):
            continue
        if pd.api.types.is_integer_dtype(reeks.dtype):
            getallen = reeks.to_numpy(dtype="float64", na_value=0.0)  # float: ook uint64 past
            groot = np.flatnonzero(np.abs(getallen) >= 10**EXCEL_CIJFERS)
            if len(groot):
                raise _weiger(
                    kolom,
                    groot,
                    f"een geheel getal van meer dan {EXCEL_CIJFERS} cijfers verliest in Excel zijn laatste "
                    f'cijfers. Maak er tekst van, bv. df["{kolom}"] = df["{kolom}"].astype(str).',
                )
        elif pd.api.types.is_float_dtype(reeks.dtype):
            _controleer_getallen(kolom, reeks.to_numpy(dtype="float64", na_value=np.nan))
        elif pd.api.types.is_datetime64_any_dtype(reeks.dtype):
            vroeg = np.flatnonzero((_zonder_tijdzone(reeks) < pd.Timestamp("1900-01-01")).to_numpy())
            if len(vroeg):
                raise _weiger(
                    kolom, vroeg, "Excel kent geen datums vóór 1900. Kijk de datum na of maak er tekst van."
                )
        elif isinstance(reeks.dtype, pd.CategoricalDtype) or _is_tekst(reeks):
            _controleer_cellen(kolom, reeks.astype(object))


def _controleer_getallen(kolom: object, waarden: np.ndarray) -> None:
    niet_eindig = np.flatnonzero(np.isinf(waarden))
    if len(niet_eindig):
        raise _weiger(
            kolom, niet_eindig, "een oneindig getal (bv. een deling door nul) kan Excel niet bewaren. "
            "Vervang het door een leeg vak of een getal.",
        )  # fmt: skip
    te_groot = np.flatnonzero(np.abs(np.nan_to_num(waarden)) > EXCEL_MAX_GETAL)
    if len(te_groot):
        raise _weiger(
            kolom, te_groot, "dit getal is groter dan het grootste getal dat Excel kent (ongeveer 1e308)."
        )


def _controleer_cellen(kolom: object, waarden: pd.Series) -> None:
    """Tekst (of een gemengde kolom): geen lijsten, geen te lange tekst, geen oneindige getallen."""
    lijst = np.flatnonzero(waarden.map(lambda w: isinstance(w, _LIJSTEN)).to_numpy(dtype=bool))
    if len(lijst):
        raise _weiger(
            kolom,
            lijst,
            "deze cel bevat een lijst (of tuple, set, dict) in plaats van één waarde. Maak er eerst tekst "
            f'van, bv. df["{kolom}"] = df["{kolom}"].map(", ".join).',
        )
    kommagetal = waarden.map(lambda w: isinstance(w, float | np.floating)).to_numpy(dtype=bool)
    if kommagetal.any():
        losse = np.full(len(waarden), np.nan)
        losse[kommagetal] = waarden[kommagetal].astype("float64").to_numpy()
        _controleer_getallen(kolom, losse)
    lengte = waarden.map(lambda w: len(w) if isinstance(w, str) else 0).to_numpy(dtype="int64")
    te_lang = np.flatnonzero(lengte > EXCEL_MAX_TEKST)
    if len(te_lang):
        raise _weiger(
            kolom,
            te_lang,
            f"deze tekst telt {getal(int(lengte[te_lang[0]]))} tekens; een Excel-cel houdt er hoogstens "
            f"{getal(EXCEL_MAX_TEKST)} (de rest zou wegvallen). Kort de tekst in of laat de kolom weg.",
        )


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
    controleer_exporteerbaar(tabel)
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
    with np.errstate(over="ignore", invalid="ignore"):  # enkel voor de breedte: heel grote getallen
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
    controleer_exporteerbaar(tabel)
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

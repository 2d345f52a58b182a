"""Waarden uit een kassa-export lezen: bedragen, datums, tijden en tekst, gevectoriseerd.

Elke lezer geeft een `Gelezen` terug: de waarden, per rij een foutreden (leeg = in orde) en per
rij wat er hersteld werd (leeg = niets). De rij- en kolomvermelding voegt `helpers.eigen_data`
eraan toe. Een waarde die op twee manieren gelezen kan worden, wordt niet geraden maar geweigerd,
met beide lezingen in de reden.

>>> import pandas as pd
>>> uit = lees_bedragen(pd.Series(["€ 1.234,56", "-12,50", "1234.56", "abc", "12 50"]))
>>> uit.waarden.tolist()[:3]
[1234.56, -12.5, 1234.56]
>>> uit.herstel.tolist()[0], uit.fout.tolist()[3]
("'€ 1.234,56' → 1234.56", "'abc' is geen bedrag")
>>> uit.fout.tolist()[4]
"'12 50' is dubbelzinnig: een spatie tussen de cijfers die geen duizendtal scheidt (12,50 of 1250?)"
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

MAANDEN = np.array(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
     "november", "december"]
)  # fmt: skip

# een tijdzone (webshop) wordt genegeerd: het uur blijft zoals geschreven
_ZONE = r"(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?"
_TIJD = r"(?:[ T]+(?P<uur>\d{1,2})[:u.](?P<min>\d{2})(?:[:.](?P<sec>\d{2}))?(?:[.,]\d+)?" + _ZONE + r")?"
_DMJ = r"^(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<jaar>\d{4}|\d{2})" + _TIJD + r"$"
_JMD = r"^(?P<jaar>\d{4})[/.\-](?P<maand>\d{1,2})[/.\-](?P<dag>\d{1,2})" + _TIJD + r"$"
_VAST = r"\d{2}[/.\-]\d{2}[/.\-]\d{4}(?: \d{2}:\d{2}(?::\d{2})?)?"
"""De gewoonste datum van een kassa (03/01/2025 14:05): de delen staan op vaste plaatsen."""
_PLAATSEN = {"a": (0, 2), "b": (3, 5), "jaar": (6, 10), "uur": (11, 13), "min": (14, 16), "sec": (17, 19)}
_UUR = r"^(?P<uur>\d{1,2})[:u.h](?P<min>\d{2})(?:[:.](?P<sec>\d{2}))?$"

_GEWOON = r"-?\d+(?:[.,]\d{1,2})?"
"""Een bedrag zonder twijfel en zonder herstelling: ``-12,50``, ``3``, ``1234.5``."""
_SPATIE = "\\s\u00a0\u202f"
"""Spaties in een bedrag: gewone, harde en smalle harde spatie (letterlijk: RE2 kent geen \\u)."""
_GROEP = f"[{_SPATIE}'\u2019]"
"""Tekens die enkel duizendtallen scheiden: spatie, harde spatie, smalle harde spatie, apostrof."""
_BEDRAG = r"^(?P<voor>[+-]?)\s*(?P<kern>\d(?:[\d.,]|" + _GROEP + r")*\d|\d|[.,]\d+)\s*(?P<achter>-?)$"
GROOTSTE_BEDRAG = 1e13
"""Vanaf hier is een bedrag niet meer tot op de cent exact (float64) en zeker geen kassabedrag."""
_MUNT = r"€|(?i:eur(?:o|os)?)"


@dataclass
class Gelezen:
    """Resultaat van een lezer: waarden, foutreden en herstelde waarde per rij (tekst of leeg)."""

    waarden: pd.Series
    fout: pd.Series
    herstel: pd.Series


def _leeg(index: pd.Index) -> pd.Series:
    return pd.Series(pd.NA, index=index, dtype="string")


def _enkel_tekst(reeks: pd.Series) -> bool:
    if isinstance(reeks.dtype, pd.StringDtype):
        return True
    return pd.api.types.infer_dtype(reeks, skipna=True) in ("string", "empty")


def is_tekst(reeks: pd.Series) -> np.ndarray:
    """Welke waarden van een (gemengde) kolom tekst zijn; snel als de hele kolom tekst is."""
    if _enkel_tekst(reeks):
        return reeks.notna().to_numpy()
    return reeks.map(lambda w: isinstance(w, str)).to_numpy(dtype=bool)


def bericht(masker: pd.Series, *delen: str | pd.Series) -> pd.Series:
    """Een tekst uit ``delen`` (vaste tekst of reeksen) op de rijen van ``masker``, elders leeg.

    Alleen de rijen van het masker worden samengesteld: bij een groot bestand met weinig fouten
    kost een melding zo bijna niets.

    >>> bericht(pd.Series([True, False]), "bedrag '", pd.Series(["x", "y"]), "'").tolist()
    ["bedrag 'x'", <NA>]
    """
    rijen = np.asarray(masker.fillna(False) if masker.dtype != bool else masker, dtype=bool)
    if not rijen.any():
        return _leeg(masker.index)
    tekst = pd.Series("", index=masker.index[rijen], dtype="string")
    for deel in delen:
        tekst = tekst + (deel if isinstance(deel, str) else deel[rijen].astype("string"))
    return tekst.reindex(masker.index)


def vul(tekst: pd.Series, aanvulling: pd.Series) -> pd.Series:
    """De tekst, en waar die leeg is de aanvulling (zoals ``fillna``, maar snel voor lange kolommen).

    >>> vul(pd.Series(["a", None], dtype="string"), pd.Series(["x", "y"], dtype="string")).tolist()
    ['a', 'y']
    """
    return pd.Series(pc.coalesce(_arrow(tekst), _arrow(aanvulling)), index=tekst.index, dtype="string")


def _arrow(tekst: pd.Series) -> pa.Array:
    """Een tekstkolom als pyarrow-reeks (large_string; zonder kopie als de kolom al pyarrow gebruikt)."""
    if tekst.dtype == object:
        return pa.array(tekst.to_numpy(dtype=object, na_value=None), type=pa.large_string())
    return pa.array(tekst).cast(pa.large_string())


def _past(tekst: pd.Series, regex: str) -> np.ndarray:
    """Welke waarden helemaal aan ``regex`` voldoen (leeg: nee), met pyarrow (RE2)."""
    gevonden = pc.match_substring_regex(_arrow(tekst), f"^(?:{regex})$")
    return gevonden.fill_null(False).to_numpy(zero_copy_only=False)


def _bevat(tekst: pd.Series, regex: str) -> np.ndarray:
    return pc.match_substring_regex(_arrow(tekst), regex).fill_null(False).to_numpy(zero_copy_only=False)


def _vervang(tekst: pd.Series, regex: str, door: str) -> pd.Series:
    return pd.Series(
        pc.replace_substring_regex(_arrow(tekst), regex, door), index=tekst.index, dtype="string"
    )


def _extraheer(tekst: pd.Series, regex: str, getallen: bool = True) -> pd.DataFrame:
    """De benoemde groepen van ``regex`` per waarde (met pyarrow, gevectoriseerd); geen match of een
    lege groep wordt leeg. Met ``getallen`` als float64."""
    gevonden = pc.extract_regex(_arrow(tekst), regex)
    kolommen = {}
    for positie, veld in enumerate(gevonden.type):
        waarden = pc.struct_field(gevonden, [positie])
        waarden = pc.if_else(pc.equal(waarden, ""), pa.scalar(None, waarden.type), waarden)
        if getallen:
            kolommen[veld.name] = pc.cast(waarden, pa.float64()).to_numpy(zero_copy_only=False)
        else:
            kolommen[veld.name] = pd.Series(waarden, index=tekst.index, dtype="string")
    return pd.DataFrame(kolommen, index=tekst.index)


def als_tekst(reeks: pd.Series) -> pd.Series:
    """Elke waarde als tekst zonder spaties rond; leeg wordt NA. Gehele getallen uit Excel (``1001.0``)
    worden ``"1001"``.

    >>> als_tekst(pd.Series([" K1 ", "", None, 1001.0, 2.5], dtype=object)).tolist()
    ['K1', <NA>, <NA>, '1001', '2.5']
    """
    tekst = reeks if _enkel_tekst(reeks) else reeks.map(_naar_tekst).astype("string")
    kaal = pc.utf8_trim_whitespace(_arrow(tekst))
    kaal = pc.if_else(pc.equal(kaal, ""), pa.scalar(None, kaal.type), kaal)
    return pd.Series(kaal, index=reeks.index, dtype="string")


def _naar_tekst(waarde: object) -> object:
    if waarde is None or (isinstance(waarde, float) and np.isnan(waarde)):
        return None
    if isinstance(waarde, bool | np.bool_):
        return "WAAR" if waarde else "ONWAAR"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def _is_getal(waarde: object) -> bool:
    return isinstance(waarde, int | float | np.integer | np.floating) and not isinstance(
        waarde, bool | np.bool_
    )


# --- bedragen ---------------------------------------------------------------------------------------------


def lees_bedragen(reeks: pd.Series) -> Gelezen:
    """Bedragen lezen: ``€ 1.234,56``, ``1.234,56 €``, ``1 234,56``, ``1234.56``, ``-12,50``, ``12,50-``,
    ``(12,50)``, ``1'234.50``.

    Het decimaalteken volgt uit de waarde zelf waar dat kan (``12,50``, ``1.234,56``, ``1,234.56``).
    Eén scheidingsteken met precies drie cijfers erna (``1,234`` of ``1.234``) is een duizendtal
    of een bedrag met drie decimalen; de rest van de kolom beslist: is het *andere* teken er het
    decimaalteken, dan is dit een duizendtal; komen er bedragen met drie decimalen voor die niet
    dubbelzinnig zijn (``0,125``, ``1234,567``), dan drie decimalen. Anders wordt de waarde geweigerd,
    met beide lezingen. Een spatie tussen cijfers mag enkel duizendtallen scheiden (``12 50`` is
    dubbelzinnig). Een percentage (``10%``), een vinkje uit Excel (waar/onwaar) of een datum is geen
    bedrag. Een €-teken, duizendtalscheiding, haakjes of een minteken achteraan gelden als herstelling.
    Getallen uit Excel blijven zoals ze zijn.

    >>> lees_bedragen(pd.Series(["1.234", "12,5"])).waarden.tolist()
    [1234.0, 12.5]
    >>> lees_bedragen(pd.Series(["1,234", "12.50"])).waarden.tolist()
    [1234.0, 12.5]
    >>> lees_bedragen(pd.Series(["1.234", "12.50"])).fout.tolist()[0]
    "'1.234' is dubbelzinnig: 1234 (punt als duizendtal) of 1.234 (punt als decimaalteken, drie decimalen)?"
    """
    index = reeks.index
    tekstmasker = is_tekst(reeks)
    waarden = np.full(len(reeks), np.nan)
    fout, herstel = _leeg(index), _leeg(index)
    if not tekstmasker.all():
        _bedragen_uit_excel(reeks, tekstmasker, waarden, fout)
    tekst = als_tekst(reeks.where(tekstmasker)) if not tekstmasker.all() else als_tekst(reeks)
    gewoon = _past(tekst, _GEWOON)
    if gewoon.any():
        getallen = pc.replace_substring(_arrow(tekst[gewoon]), ",", ".")
        waarden[gewoon] = pc.cast(getallen, pa.float64()).to_numpy(zero_copy_only=False)
    rest = tekst.notna().to_numpy() & ~gewoon
    if rest.any():
        komma = int(_bevat(tekst[gewoon], ",").sum())
        punt = int(gewoon.sum()) - komma - int(_past(tekst[gewoon], r"-?\d+").sum())
        deel = _bijzondere_bedragen(tekst[rest], komma, punt)
        waarden[rest] = deel.waarden.to_numpy()
        fout = vul(fout, deel.fout.reindex(index))
        herstel = deel.herstel.reindex(index)
    te_groot = np.abs(np.nan_to_num(waarden)) >= GROOTSTE_BEDRAG
    if te_groot.any():  # niet meer tot op de cent exact als kommagetal, en geen kassabedrag
        origineel = als_tekst(reeks[te_groot]).astype(str)
        fout.loc[index[te_groot]] = (
            "'" + origineel + "' is te groot voor een bedrag (meer dan 10 biljoen)"
        ).to_numpy()
        herstel.loc[index[te_groot]] = pd.NA
        waarden[te_groot] = np.nan
    return Gelezen(pd.Series(waarden, index=index), fout, herstel)


def _bedragen_uit_excel(
    reeks: pd.Series, tekstmasker: np.ndarray, waarden: np.ndarray, fout: pd.Series
) -> None:
    """Getallen uit Excel overnemen; een vinkje (waar/onwaar) of een datum is geen bedrag (in ``fout``)."""
    anders = ~tekstmasker & reeks.notna().to_numpy()
    if not anders.any():
        return
    objecten = reeks[anders]
    getal = objecten.map(_is_getal).to_numpy(dtype=bool)
    waarden[np.flatnonzero(anders)[getal]] = objecten[getal].astype("float64").to_numpy()
    vinkje = objecten.map(lambda w: isinstance(w, bool | np.bool_)).to_numpy(dtype=bool)
    datum = objecten.map(lambda w: isinstance(w, dt.date | dt.time)).to_numpy(dtype=bool)
    reden = np.where(vinkje, " is een vinkje (waar/onwaar) uit Excel, geen bedrag",
                     np.where(datum, " is een datum of tijd, geen bedrag", " is geen bedrag"))  # fmt: skip
    tekst = "'" + objecten.map(_naar_tekst).astype(str) + "'" + reden
    fout.loc[objecten.index[~getal]] = tekst[~getal].to_numpy()


def _bijzondere_bedragen(origineel: pd.Series, komma_gewoon: int, punt_gewoon: int) -> Gelezen:
    """De bedragen die niet gewoon zijn (€-teken, duizendtallen, haakjes, twijfel), met het bewijs voor
    het decimaalteken uit de gewone bedragen van de kolom (aantal met komma, met punt)."""
    index = origineel.index
    procent = _bevat(origineel, "%")
    haakjes = _past(origineel, r"\(.*\)")
    t = _vervang(origineel, r"^\((.*)\)$", r"\1")
    symbool = _bevat(t, _MUNT)
    t = _vervang(_vervang(t, _MUNT, ""), r"^\s+|\s+$", "")
    delen = _extraheer(t, _BEDRAG, getallen=False)
    kern = delen["kern"]
    min_voor = (delen["voor"] == "-").fillna(False).to_numpy(dtype=bool)
    plus_voor = (delen["voor"] == "+").fillna(False).to_numpy(dtype=bool)
    min_achter = (delen["achter"] == "-").fillna(False).to_numpy(dtype=bool)

    groep = _bevat(kern, _GROEP)
    goede_groep = _past(kern, r"\d{1,3}(?:" + _GROEP + r"\d{3})+(?:[.,]\d+)?")
    spatie_twijfel = groep & ~goede_groep & _past(kern, "[\\d" + _SPATIE + "]+")
    kern_met_spatie = kern
    kern = _vervang(kern, _GROEP, "").where(~groep | goede_groep)

    dec_komma, dec_punt = _past(kern, r"\d*,\d+"), _past(kern, r"\d*\.\d+")
    dz_punt, dz_komma = (
        _past(kern, r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?"),
        _past(kern, r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?"),
    )
    twijfel_komma = _past(kern, r"[1-9]\d{0,2},\d{3}") & ~groep
    twijfel_punt = _past(kern, r"[1-9]\d{0,2}\.\d{3}") & ~groep
    lees_komma = (dec_komma & ~twijfel_komma) | (dz_punt & ~twijfel_punt)  # komma = decimaalteken
    lees_punt = (dec_punt & ~twijfel_punt) | (dz_komma & ~twijfel_komma)  # punt = decimaalteken
    komma_dec = bool(komma_gewoon) or bool(lees_komma.any())  # de kolom gebruikt de komma als decimaalteken
    punt_dec = bool(punt_gewoon) or bool(lees_punt.any())
    drie_komma = bool(_past(kern, r"(?:0|\d{4,}|\d{1,3}(?:\.\d{3})+),\d{3}").any())
    drie_punt = bool(_past(kern, r"(?:0|\d{4,}|\d{1,3}(?:,\d{3})+)\.\d{3}").any())
    # dubbelzinnig: beslist door de kolom (zie de docstring van lees_bedragen), anders geweigerd
    komma_duizend = twijfel_komma & (punt_dec and not komma_dec and not drie_komma)
    komma_drie = twijfel_komma & (drie_komma and not (punt_dec and not komma_dec))
    punt_duizend = twijfel_punt & (komma_dec and not punt_dec and not drie_punt)
    punt_drie = twijfel_punt & (drie_punt and not (komma_dec and not punt_dec))
    als_komma = lees_komma | komma_drie | punt_duizend
    als_punt = lees_punt | punt_drie | komma_duizend
    geheel = _past(kern, r"\d+")

    belgisch = _vervang(_vervang(kern, r"\.", ""), ",", ".")
    engels = _vervang(kern, ",", "")
    getal_tekst = belgisch.where(als_komma, engels.where(als_punt | geheel))
    geldig = (
        getal_tekst.notna().to_numpy()
        & ~procent
        & ~(min_voor & min_achter)
        & ~(haakjes & (min_voor | min_achter))
    )
    teken = np.where(min_voor | min_achter | haakjes, -1.0, 1.0)
    waarden = getal_tekst.where(geldig).astype("float64") * teken

    twijfel = (twijfel_komma | twijfel_punt) & ~als_komma & ~als_punt
    woord = kern.str.slice(-4, -3).map({",": "komma", ".": "punt"})
    fout = bericht(
        pd.Series(procent, index=index), "'", origineel, "' is een percentage, geen bedrag in euro"
    )
    vinkje = _past(origineel, "(?i)waar|onwaar|true|false")
    fout = vul(
        fout,
        bericht(pd.Series(vinkje, index=index), "'", origineel, "' is een vinkje (waar/onwaar), geen bedrag"),
    )
    fout = fout.fillna(
        bericht(
            pd.Series(twijfel & ~procent, index=index),
            "'",
            origineel,
            "' is dubbelzinnig: ",
            engels.where(twijfel_komma, belgisch),
            " (",
            woord,
            " als duizendtal) of ",
            kern,
            " (",
            woord,
            " als decimaalteken, drie decimalen)?",
        )
    )
    fout = fout.fillna(
        bericht(
            pd.Series(spatie_twijfel & ~procent, index=index),
            "'",
            origineel,
            "' is dubbelzinnig: een spatie tussen de cijfers die geen duizendtal scheidt (",
            _vervang(kern_met_spatie, f"[{_SPATIE}]+", ","),
            " of ",
            _vervang(kern_met_spatie, f"[{_SPATIE}]+", ""),
            "?)",
        )
    )
    fout = fout.fillna(bericht(pd.Series(~geldig, index=index), "'", origineel, "' is geen bedrag"))
    duizendtal = (dz_punt & als_komma) | (dz_komma & als_punt) | punt_duizend | komma_duizend
    hersteld = (symbool | duizendtal | groep | haakjes | min_achter | plus_voor) & geldig
    herstel = bericht(pd.Series(hersteld, index=index), "'", origineel, "' → ", waarden)
    return Gelezen(waarden, fout, herstel)


# --- datums -----------------------------------------------------------------------------------------------


def _niet_tekst(reeks: pd.Series, tekstmasker: np.ndarray, omzetten, soort: str) -> pd.Series:
    """De waarden die geen tekst zijn (uit Excel) omgezet; bij een tekstkolom meteen allemaal leeg."""
    if tekstmasker.all() or reeks.isna().where(~tekstmasker, True).all():
        return pd.Series(np.nan, index=reeks.index).astype(soort)
    return omzetten(reeks.where(~tekstmasker)).astype(soort)


def _tijdstippen(jaar, maand, dag, uur, minuut, seconde) -> np.ndarray:
    """Tijdstippen (datetime64[us]) uit delen als kommagetallen; een onmogelijke datum (31/02) wordt NaT."""
    ok = ~np.isnan(jaar) & (maand >= 1) & (maand <= 12) & (dag >= 1) & (dag <= 31)
    ok &= (uur < 24) & (minuut < 60) & (seconde < 60)
    jj, mm, dd = (np.where(ok, x, 1).astype(np.int64) for x in (jaar, maand, dag))
    maanden = ((jj - 1970) * 12 + mm - 1).astype("datetime64[M]")
    dagen = maanden.astype("datetime64[D]") + (dd - 1)
    ok &= dagen.astype("datetime64[M]") == maanden  # 31/02 loopt over naar maart
    seconden = np.where(ok, uur * 3600 + minuut * 60 + seconde, 0).astype(np.int64)
    uit = dagen.astype("datetime64[us]") + (seconden * 1_000_000).astype("timedelta64[us]")
    return np.where(ok, uit, np.datetime64("NaT", "us"))


def _dag_maand_jaar(origineel: pd.Series) -> pd.DataFrame:
    """De delen van ``dd/mm/jjjj [uu:mm[:ss]]`` (de groepen van `_DMJ`) per waarde: snel op vaste plaatsen
    voor de gewone notatie (`_VAST`), met de reguliere uitdrukking voor de rest."""
    vast = _past(origineel, _VAST)
    if not vast.any():
        return _extraheer(origineel, _DMJ)
    gefilterd = pc.filter(_arrow(origineel), pa.array(vast))
    uit = {}
    for naam, (begin, einde) in _PLAATSEN.items():
        deel = pc.utf8_slice_codeunits(gefilterd, begin, einde)
        deel = pc.if_else(pc.equal(deel, ""), pa.scalar(None, deel.type), deel)
        waarden = np.full(len(origineel), np.nan)
        waarden[vast] = pc.cast(deel, pa.float64()).to_numpy(zero_copy_only=False)
        uit[naam] = waarden
    delen = pd.DataFrame(uit, index=origineel.index)
    rest = ~vast & origineel.notna().to_numpy()
    if rest.any():
        delen.loc[rest] = _extraheer(origineel[rest], _DMJ)[list(_PLAATSEN)].to_numpy()
    return delen


def lees_datums(reeks: pd.Series, peiljaar: int) -> Gelezen:
    """Datums lezen: ``dd/mm/jjjj``, ``dd-mm-jjjj``, ``dd.mm.jjjj``, ``jjjj-mm-dd``, ``dd/mm/jj``, met
    of zonder uur (``14:05`` of ``14:05:30``, eventueel met een tijdzone zoals ``+01:00``, die genegeerd
    wordt); datums uit Excel blijven zoals ze zijn, en een Excel-datumgetal (``45658``) wordt een datum.

    Dag voor maand, tenzij de kolom duidelijk maand/dag gebruikt (een tweede getal boven 12 en nooit
    een eerste). Een jaar in twee cijfers wordt 20jj tot en met ``peiljaar``, anders 19jj. Een datum
    in een andere notatie dan de meeste rijen, in twee cijfers, als maand/dag of als datumgetal geldt
    als herstelling ("gelezen als 3 januari 2025").

    >>> uit = lees_datums(pd.Series(["03/01/2025", "04/01/2025 14:05", "2025-01-05", "31/02/2025"]), 2025)
    >>> [str(d) for d in uit.waarden]
    ['2025-01-03 00:00:00', '2025-01-04 14:05:00', '2025-01-05 00:00:00', 'NaT']
    >>> uit.herstel.tolist()[2], uit.fout.tolist()[3]
    ("'2025-01-05' gelezen als 5 januari 2025", "'31/02/2025' is geen geldige datum")
    """
    index = reeks.index
    n = len(reeks)
    tekstmasker = is_tekst(reeks)
    inheems = _niet_tekst(
        reeks, tekstmasker, lambda r: pd.to_datetime(r.map(_als_tijdstip), errors="coerce"), "datetime64[us]"
    )
    origineel = als_tekst(reeks.where(tekstmasker)) if not tekstmasker.all() else als_tekst(reeks)
    delen = {d: np.full(n, np.nan) for d in ("jaar", "maand", "dag", "uur", "min", "sec")}
    dmj = _dag_maand_jaar(origineel)
    is_dmj = dmj["a"].notna().to_numpy()
    maand_eerst = bool((dmj["b"] > 12).any() and not (dmj["a"] > 12).any())
    for doel, bron in (("dag", "b" if maand_eerst else "a"), ("maand", "a" if maand_eerst else "b"),
                       ("jaar", "jaar"), ("uur", "uur"), ("min", "min"), ("sec", "sec")):  # fmt: skip
        delen[doel][is_dmj] = dmj[bron].to_numpy()[is_dmj]
    is_jmd = np.zeros(n, dtype=bool)
    rest = origineel.notna().to_numpy() & ~is_dmj
    if rest.any():
        jmd = _extraheer(origineel[rest], _JMD)
        gevonden = jmd["jaar"].notna().to_numpy()
        is_jmd[np.flatnonzero(rest)[gevonden]] = True
        for doel in delen:
            delen[doel][is_jmd] = jmd[doel].to_numpy()[gevonden]
    kort = is_dmj & (delen["jaar"] < 100)
    delen["jaar"] = np.where(
        kort, delen["jaar"] + np.where(delen["jaar"] <= peiljaar % 100, 2000, 1900), delen["jaar"]
    )
    for doel in ("uur", "min", "sec"):
        delen[doel] = np.nan_to_num(delen[doel])
    gelezen = _tijdstippen(
        delen["jaar"], delen["maand"], delen["dag"], delen["uur"], delen["min"], delen["sec"]
    )
    waarden = inheems.where(~tekstmasker, pd.Series(gelezen, index=index))

    fout = bericht(origineel.notna() & waarden.isna(), "'", origineel, "' is geen geldige datum")
    geen_datum = pd.Series(~tekstmasker, index=index) & reeks.notna() & waarden.isna()
    if geen_datum.any():
        fout = vul(fout, bericht(geen_datum, "'", reeks.map(_naar_tekst), "' is geen datum"))

    gewone_dmj, gewone_jmd = int((is_dmj & ~kort).sum()), int(is_jmd.sum())
    afwijkend = (is_jmd if gewone_dmj >= gewone_jmd else is_dmj & ~kort) | kort | (is_dmj & maand_eerst)
    if not tekstmasker.all():
        afwijkend |= ~tekstmasker & reeks.map(_is_getal).to_numpy(dtype=bool)  # een Excel-datumgetal
    hersteld = afwijkend & waarden.notna().to_numpy()
    herstel = _leeg(index)
    if hersteld.any():  # enkel voor de herstelde rijen samengesteld
        dagen = waarden[hersteld]
        tekst = (
            "'" + als_tekst(reeks[hersteld]).astype(str) + "' gelezen als " + dagen.dt.day.astype(str) + " "
            + MAANDEN[dagen.dt.month.to_numpy() - 1] + " " + dagen.dt.year.astype(str)
        )  # fmt: skip
        herstel = tekst.astype("string").reindex(index)
    return Gelezen(waarden, fout, herstel)


EXCEL_NUL = pd.Timestamp("1899-12-30")
"""Dag 0 van de datumgetallen van Excel (45658 is 1 januari 2025)."""


def _als_tijdstip(waarde: object) -> object:
    """Een datum uit Excel (datetime, date of een datumgetal) als tijdstip; al de rest wordt leeg."""
    if isinstance(waarde, dt.datetime | dt.date):
        return pd.Timestamp(waarde)
    if _is_getal(waarde) and 1 <= waarde < 2_958_466:  # tot 31/12/9999
        return EXCEL_NUL + pd.Timedelta(days=float(waarde))
    return None


def lees_tijden(reeks: pd.Series) -> Gelezen:
    """Een aparte tijdkolom lezen (``14:05``, ``14:05:30``, ``14u05`` of een tijd uit Excel) als duur.

    >>> [str(t) for t in lees_tijden(pd.Series(["14:05", "9u30", "morgen"])).waarden]
    ['0 days 14:05:00', '0 days 09:30:00', 'NaT']
    """
    tekstmasker = is_tekst(reeks)
    uit_excel = _niet_tekst(
        reeks, tekstmasker, lambda r: pd.to_timedelta(r.map(_als_duur)), "timedelta64[us]"
    )
    origineel = als_tekst(reeks.where(tekstmasker))
    delen = _extraheer(origineel, _UUR)
    sec = delen["sec"].fillna(0)
    geldig = delen["uur"].notna() & (delen["uur"] < 24) & (delen["min"] < 60) & (sec < 60)
    gelezen = pd.to_timedelta((delen["uur"] * 3600 + delen["min"] * 60 + sec).where(geldig), unit="s")
    waarden = uit_excel.where(~tekstmasker, gelezen.astype("timedelta64[us]"))
    fout = bericht(origineel.notna() & ~geldig, "'", origineel, "' is geen geldig uur")
    return Gelezen(waarden, fout, _leeg(reeks.index))


def _als_duur(waarde: object) -> object:
    if isinstance(waarde, dt.time | dt.datetime):
        return pd.Timedelta(hours=waarde.hour, minutes=waarde.minute, seconds=waarde.second)
    return None

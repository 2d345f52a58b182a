"""Waarden uit een kassa-export lezen: bedragen, datums, tijden en tekst, gevectoriseerd.

Elke lezer geeft een `Gelezen` terug: de waarden, per rij een foutreden (leeg = in orde) en per
rij wat er hersteld werd (leeg = niets). De rij- en kolomvermelding voegt `helpers.eigen_data`
eraan toe.

>>> import pandas as pd
>>> uit = lees_bedragen(pd.Series(["€ 1.234,56", "-12,50", "1234.56", "abc"]))
>>> uit.waarden.tolist()[:3]
[1234.56, -12.5, 1234.56]
>>> uit.herstel.tolist()[0], uit.fout.tolist()[3]
("'€ 1.234,56' → 1234.56", "'abc' is geen bedrag")
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
_UUR = r"^(?P<uur>\d{1,2})[:u.h](?P<min>\d{2})(?:[:.](?P<sec>\d{2}))?$"
_BEDRAG = r"^(?P<voor>[+-]?)(?P<kern>[\d.,]*\d[\d.,]*)(?P<achter>-?)$"


@dataclass
class Gelezen:
    """Resultaat van een lezer: waarden, foutreden en herstelde waarde per rij (tekst of leeg)."""

    waarden: pd.Series
    fout: pd.Series
    herstel: pd.Series


def _leeg(index: pd.Index) -> pd.Series:
    return pd.Series(pd.NA, index=index, dtype="string")


def _enkel_tekst(reeks: pd.Series) -> bool:
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
    uit = _leeg(masker.index)
    rijen = np.asarray(masker.fillna(False) if masker.dtype != bool else masker, dtype=bool)
    if not rijen.any():
        return uit
    tekst = pd.Series("", index=masker.index[rijen], dtype="string")
    for deel in delen:
        tekst = tekst + (deel if isinstance(deel, str) else deel[rijen].astype("string"))
    return uit.mask(pd.Series(rijen, index=masker.index), tekst.reindex(masker.index))


def _extraheer(tekst: pd.Series, regex: str, getallen: bool = True) -> pd.DataFrame:
    """De benoemde groepen van ``regex`` per waarde (met pyarrow, gevectoriseerd); geen match of een
    lege groep wordt leeg. Met ``getallen`` als float64."""
    rij = pa.array(tekst.to_numpy(dtype=object, na_value=None), type=pa.string())
    gevonden = pc.extract_regex(rij, regex)
    kolommen = {}
    for positie, veld in enumerate(gevonden.type):
        waarden = pc.struct_field(gevonden, [positie])
        waarden = pc.if_else(pc.equal(waarden, ""), pa.scalar(None, pa.string()), waarden)
        if getallen:
            kolommen[veld.name] = pc.cast(waarden, pa.float64()).to_numpy(zero_copy_only=False)
        else:
            kolommen[veld.name] = pd.Series(waarden.to_pandas(), dtype="string").to_numpy()
    return pd.DataFrame(kolommen, index=tekst.index).astype("float64" if getallen else "string")


def als_tekst(reeks: pd.Series) -> pd.Series:
    """Elke waarde als tekst zonder spaties rond; leeg wordt NA. Gehele getallen uit Excel (``1001.0``)
    worden ``"1001"``.

    >>> als_tekst(pd.Series([" K1 ", "", None, 1001.0, 2.5], dtype=object)).tolist()
    ['K1', <NA>, <NA>, '1001', '2.5']
    """
    if _enkel_tekst(reeks):
        uit = reeks.astype("string")
    else:
        uit = reeks.map(_naar_tekst).astype("string")
    uit = uit.str.strip()
    return uit.mask(uit == "")


def _naar_tekst(waarde: object) -> object:
    if waarde is None or (isinstance(waarde, float) and np.isnan(waarde)):
        return None
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def _patroon(tekst: pd.Series, regex: str) -> pd.Series:
    return tekst.str.fullmatch(regex).fillna(False).astype(bool)


def lees_bedragen(reeks: pd.Series) -> Gelezen:
    """Bedragen lezen: ``€ 1.234,56``, ``1.234,56 €``, ``1234.56``, ``-12,50``, ``12,50-``, ``(12,50)``.

    Of de komma of het punt het decimaalteken is, volgt uit de waarden zelf (``1.234,56``); waar
    dat niet uit één waarde blijkt (``1,234``), beslist de rest van de kolom, en zonder aanwijzing
    de Belgische gewoonte (komma). Een €-teken, duizendtalscheiding of een minteken achteraan geldt
    als herstelling. Getallen uit Excel blijven zoals ze zijn.

    >>> lees_bedragen(pd.Series(["1.234", "12,5"])).waarden.tolist()
    [1234.0, 12.5]
    >>> lees_bedragen(pd.Series(["1,234", "12.50"])).waarden.tolist()
    [1234.0, 12.5]
    """
    tekstmasker = is_tekst(reeks)
    getallen = _niet_tekst(reeks, tekstmasker, lambda r: pd.to_numeric(r, errors="coerce"), "float64")
    snel = _gewone_bedragen(reeks, tekstmasker)
    if snel is not None:
        return snel

    origineel = als_tekst(reeks.where(tekstmasker))
    haakjes = _patroon(origineel, r"\(.*\)")
    t = origineel.str.replace(r"^\((.*)\)$", r"\1", regex=True)
    symbool = t.str.contains(r"€|[Ee][Uu][Rr]", regex=True).fillna(False).astype(bool)
    t = t.str.replace(r"€|[Ee][Uu][Rr][Oo]?|\s", "", regex=True)
    apostrof = t.str.contains("'", regex=False).fillna(False).astype(bool)
    t = t.str.replace("'", "", regex=False)
    delen = _extraheer(t, _BEDRAG, getallen=False)
    kern = delen["kern"]
    min_voor = (delen["voor"] == "-").fillna(False).to_numpy(dtype=bool)
    plus_voor = (delen["voor"] == "+").fillna(False).to_numpy(dtype=bool)
    min_achter = (delen["achter"] == "-").fillna(False).to_numpy(dtype=bool)

    dec_komma = _patroon(kern, r"\d*,\d+")
    dec_punt = _patroon(kern, r"\d*\.\d+")
    duizend_punt = _patroon(kern, r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
    duizend_komma = _patroon(kern, r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
    geheel = _patroon(kern, r"\d+")
    bewijs_komma = int(((dec_komma & ~duizend_komma) | (duizend_punt & ~dec_punt)).sum())
    bewijs_punt = int(((dec_punt & ~duizend_punt) | (duizend_komma & ~dec_komma)).sum())
    if bewijs_komma >= bewijs_punt:
        komma = dec_komma | duizend_punt
        punt = ~komma & (dec_punt | duizend_komma)
    else:
        punt = dec_punt | duizend_komma
        komma = ~punt & (dec_komma | duizend_punt)
    duizendtal = (komma & duizend_punt & kern.str.contains(".", regex=False).fillna(False).astype(bool)) | (
        punt & duizend_komma & kern.str.contains(",", regex=False).fillna(False).astype(bool)
    )
    als_komma = kern.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    als_punt = kern.str.replace(",", "", regex=False)
    getal_tekst = als_komma.where(komma, als_punt.where(punt | geheel))
    geldig = getal_tekst.notna() & ~(min_voor & min_achter) & ~(haakjes & (min_voor | min_achter))
    teken = np.where(min_voor | min_achter | haakjes, -1.0, 1.0)
    gelezen = getal_tekst.where(geldig).astype("float64") * teken

    waarden = getallen.where(~tekstmasker, gelezen)
    fout = bericht(origineel.notna() & ~geldig, "'", origineel, "' is geen bedrag")
    hersteld = (symbool | duizendtal | apostrof | haakjes | min_achter | plus_voor) & geldig
    herstel = bericht(hersteld, "'", origineel, "' → ", waarden)
    return Gelezen(waarden, fout, herstel)


def _gewone_bedragen(reeks: pd.Series, tekstmasker: np.ndarray) -> Gelezen | None:
    """Snelle weg voor een kolom met enkel gewone bedragen (``-12,50``, ``3``, ``1234.5``): zonder
    €-teken of duizendtallen en met 1 of 2 decimalen, dus zonder twijfel over het decimaalteken."""
    if not tekstmasker.all():
        return None
    tekst = als_tekst(reeks)
    gewoon = tekst.str.fullmatch(r"-?\d+(?:[.,]\d{1,2})?")
    if not gewoon.fillna(True).all():
        return None
    waarden = tekst.str.replace(",", ".", regex=False).astype("float64")
    return Gelezen(waarden, _leeg(reeks.index), _leeg(reeks.index))


def _niet_tekst(reeks: pd.Series, tekstmasker: np.ndarray, omzetten, soort: str) -> pd.Series:
    """De waarden die geen tekst zijn (uit Excel) omgezet; bij een tekstkolom meteen allemaal leeg."""
    if tekstmasker.all() or reeks.isna().where(~tekstmasker, True).all():
        return pd.Series(np.nan, index=reeks.index).astype(soort)
    return omzetten(reeks.where(~tekstmasker)).astype(soort)


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
    tekstmasker = is_tekst(reeks)
    inheems = _niet_tekst(
        reeks, tekstmasker, lambda r: pd.to_datetime(r.map(_als_tijdstip), errors="coerce"), "datetime64[us]"
    )

    origineel = als_tekst(reeks.where(tekstmasker))
    dmj = _extraheer(origineel, _DMJ)
    jmd = _extraheer(origineel, _JMD)
    is_dmj, is_jmd = dmj["a"].notna(), jmd["jaar"].notna()
    maand_eerst = bool((dmj["b"] > 12).any() and not (dmj["a"] > 12).any())
    dag = dmj["b" if maand_eerst else "a"].where(is_dmj, jmd["dag"])
    maand = dmj["a" if maand_eerst else "b"].where(is_dmj, jmd["maand"])
    jaar = dmj["jaar"].where(is_dmj, jmd["jaar"])
    kort = is_dmj & (jaar < 100)
    jaar = jaar.where(~kort, jaar + np.where(jaar <= peiljaar % 100, 2000, 1900))
    tijd = {naam: dmj[deel].where(is_dmj, jmd[deel]).fillna(0) for naam, deel in
            (("hour", "uur"), ("minute", "min"), ("second", "sec"))}  # fmt: skip
    delen = pd.DataFrame({"year": jaar, "month": maand, "day": dag, **tijd})
    bruikbaar = (is_dmj | is_jmd) & (delen["hour"] < 24) & (delen["minute"] < 60) & (delen["second"] < 60)
    gelezen = pd.to_datetime(delen.where(bruikbaar), errors="coerce").astype("datetime64[us]")

    waarden = inheems.where(~tekstmasker, gelezen)
    fout = bericht(origineel.notna() & waarden.isna(), "'", origineel, "' is geen geldige datum")
    geen_datum = ~tekstmasker & reeks.notna() & waarden.isna()
    fout = fout.fillna(bericht(geen_datum, "'", reeks, "' is geen datum"))

    soort = pd.Series(np.select([kort, is_dmj, is_jmd], ["kort", "dmj", "jmd"], ""), index=index)
    gangbaar = soort[soort.isin(["dmj", "jmd"])].mode()
    afwijkend = (soort != "") & ~soort.isin(gangbaar.iloc[:1]) | (is_dmj & maand_eerst)
    datumgetal = np.zeros(len(reeks), dtype=bool)
    if not tekstmasker.all():
        datumgetal = reeks.map(_is_getal).to_numpy(dtype=bool)
    hersteld = (afwijkend | datumgetal) & waarden.notna()
    maandnaam = pd.Series(MAANDEN[(waarden.dt.month.fillna(1).astype(int) - 1).to_numpy()], index=index)
    dagnummer, jaartal = waarden.dt.day.astype("Int64"), waarden.dt.year.astype("Int64")
    weergave = als_tekst(reeks)
    herstel = bericht(hersteld, "'", weergave, "' gelezen als ", dagnummer, " ", maandnaam, " ", jaartal)
    return Gelezen(waarden, fout, herstel)


EXCEL_NUL = pd.Timestamp("1899-12-30")
"""Dag 0 van de datumgetallen van Excel (45658 is 1 januari 2025)."""


def _is_getal(waarde: object) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool)


def _als_tijdstip(waarde: object) -> object:
    """Een datum uit Excel (datetime, date of een datumgetal) als tijdstip; al de rest wordt leeg."""
    if isinstance(waarde, dt.datetime | dt.date):
        return pd.Timestamp(waarde)
    if _is_getal(waarde) and 1 <= waarde < 2_958_466:  # tot 31/12/9999
        return EXCEL_NUL + pd.Timedelta(days=waarde)
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
    if isinstance(waarde, dt.time):
        return pd.Timedelta(hours=waarde.hour, minutes=waarde.minute, seconds=waarde.second)
    if isinstance(waarde, dt.datetime):
        return pd.Timedelta(hours=waarde.hour, minutes=waarde.minute, seconds=waarde.second)
    return None

"""Een CSV-export in rijen en velden splitsen: scheidingsteken, kopregel, aanhalingstekens, veldlengte.

Het scheidingsteken (``;``, ``,``, tab of ``|``) is het teken waarmee de meeste kolomnamen herkend
worden. Elke regel onder de kopregel is een rij, met één uitzondering: een veld tussen
aanhalingstekens mag over meer regels lopen (een opmerking met een regeleinde); zo'n rij heeft het
nummer van de regel waarop ze begint. Wat de structuur van het bestand zelf breekt:

- een aanhalingsteken dat een veld opent en pas regels later sluit, terwijl die regels er als gewone
  rijen uitzien: elke regel daartussen wordt geweigerd (met de plaats van het aanhalingsteken), niets
  wordt geraden;
- een aanhalingsteken dat nergens meer sluit, een veld langer dan de grens van Python's
  ``csv``-module (131.072 tekens) of een titelregel van die lengte: een `InvoerFout` met de rij.

Het aantal velden per rij houdt `Ruw.velden` bij; `helpers.eigen_data.importeren` beslist wat een rij
met te veel of te weinig velden wordt. Een bestand zonder aanhalingstekens wordt helemaal
gevectoriseerd gesplitst (pyarrow), ook met een miljoen rijen.

>>> ruw = lees_csv(b'Bonnr;Datum;Totaal\\r1;03/01/2025;"12,50"\\r2;04/01/2025;5;\\r', "x.csv", None)
>>> ruw.kopregel, ruw.scheidingsteken, ruw.rijnummers.tolist(), ruw.velden.tolist()
(1, ';', [2, 3], [3, 4])
>>> ruw.tabel[2].tolist()
['12,50', '5']
"""

from __future__ import annotations

import csv
import gc
import re
from collections.abc import Mapping
from contextlib import contextmanager

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.controle import InvoerFout
from helpers.eigen_data.codering import ONLEESBAAR, decodeer
from helpers.eigen_data.ruw import (
    ZOEK_KOPREGEL,
    Ruw,
    geen_kopregel,
    kolomnaam,
    koppen_als_tekst,
    zoek_kopregel,
)
from helpers.eigen_data.waarden import bericht
from helpers.opmaak import getal

SCHEIDINGSTEKENS = (";", ",", "\t", "|")


def lees_csv(inhoud: bytes, naam: str, kolommen: Mapping[str, str | None] | None) -> Ruw:
    """Lees een CSV-export tot een `Ruw` (zie de uitleg bovenaan de module)."""
    gelezen = decodeer(inhoud)
    tekst = gelezen.tekst
    if not re.search("[^\ufeff \t\n]", tekst):
        raise InvoerFout(f"Het bestand '{naam}' is leeg: er staat niets in.")
    limiet = csv.field_size_limit()
    proef = tekst.split("\n", ZOEK_KOPREGEL + 5)[: ZOEK_KOPREGEL + 5]
    teken, index, koppen = _kopregel(proef, kolommen, naam, limiet)
    for nummer, regel in enumerate(proef[:index]):
        if len(regel) > limiet:
            raise InvoerFout(
                f"Rij {nummer + 1} van '{naam}' (boven de kopregel op rij {index + 1}) is "
                f"{getal(len(regel))} tekens lang; een titel is nooit zo lang. Is dit wel een kassa-export? "
                "Verwijder die regel en probeer opnieuw."
            )
    begin = sum(len(r) + 1 for r in proef[: index + 1])
    gegevens = tekst[begin : len(tekst) - tekst.endswith("\n")]
    onleesbaar = ONLEESBAAR in gegevens
    del tekst
    gelezen.tekst = ""  # een miljoen rijen: de tekst niet langer bijhouden dan nodig
    breedte = len(koppen)
    rij_van = index + 2  # het rijnummer van de eerste regel onder de kopregel
    velden, start, weigering = _zonder_aanhalingstekens(gegevens, teken), None, {}
    if velden is None:
        velden, start, weigering = _met_aanhalingstekens(gegevens, teken, koppen, rij_van, naam, limiet)
    del gegevens
    _controleer_veldlengte(velden, start, koppen, rij_van, naam, limiet)
    tabel, aantal, gevuld, extra = _tabel(velden, breedte)
    start = np.arange(len(tabel)) if start is None else start
    rijnummers = rij_van + start
    if weigering:
        gevuld[list(weigering)] = True
    laatste = int(np.flatnonzero(gevuld)[-1]) + 1 if gevuld.any() else 0  # lege regels onderaan tellen niet
    tabel = tabel.iloc[:laatste]
    ruw = Ruw(
        tabel=tabel,
        koppen=koppen,
        rijnummers=rijnummers[:laatste],
        kopregel=index + 1,
        naam=naam,
        bestandstype="csv",
        codering=gelezen.codering,
        scheidingsteken=teken,
        onleesbaar=onleesbaar,
    )
    if (aantal[:laatste] != breedte).any():
        ruw.velden, ruw.extra_gevuld = aantal[:laatste], extra[:laatste]
    if weigering:
        ruw.weigering = pd.Series({i: t for i, (t, _) in weigering.items()}, dtype="string").reindex(
            tabel.index
        )
        ruw.weigering_kolom = pd.Series({i: k for i, (_, k) in weigering.items()}, dtype="string").reindex(
            tabel.index
        )
    windows = np.isin(start[:laatste] + index + 1, gelezen.windows_regels)
    if windows.any():
        ruw.herstel = bericht(
            pd.Series(windows, index=tabel.index),
            "regel gelezen als Windows-1252 (de rest van het bestand is UTF-8)",
        )
    return ruw


def _splits(regel: str, teken: str) -> list[str]:
    try:
        return next(csv.reader([regel], delimiter=teken), [])
    except csv.Error:
        return []


def _kopregel(
    proef: list[str], kolommen: Mapping[str, str | None] | None, naam: str, limiet: int
) -> tuple[str, int, list[str]]:
    """(scheidingsteken, index van de kopregel, kolomnamen): het teken waarmee de kopregel het best scoort."""
    kandidaten = []
    for volgorde, teken in enumerate(SCHEIDINGSTEKENS):
        rijen = [_splits(r, teken) if len(r) <= limiet else [] for r in proef]
        index, score = zoek_kopregel(rijen, kolommen)
        kandidaten.append((score, len(rijen[index]) if rijen else 0, -volgorde, teken, index, rijen))
    score, _, _, teken, index, rijen = max(kandidaten, key=lambda k: k[:3])
    if score[1] == 0:
        raise geen_kopregel([_splits(r[:limiet], ";") for r in proef], naam)
    return teken, index, koppen_als_tekst(rijen[index])


def _zonder_aanhalingstekens(gegevens: str, teken: str) -> pa.ListArray | None:
    """Elke regel een rij, gesplitst op het scheidingsteken (gevectoriseerd), als het bestand geen
    aanhalingstekens heeft of enkel velden die er helemaal tussen staan zonder scheidingsteken of
    aanhalingsteken erin (``"12,50";"Jas"``): dan leest de csv-module precies hetzelfde. Anders None."""
    if not gegevens:
        return pa.array([], type=pa.list_(pa.string()))
    regels = pc.split_pattern(pa.array([gegevens], pa.large_string()), "\n").flatten()
    if '"' not in gegevens:
        return pc.split_pattern(regels, teken)
    t = re.escape(teken)
    veld = f'(?:"[^"{t}]*"|[^"{t}]*)'
    if not pc.all(pc.match_substring_regex(regels, f"^{veld}(?:{t}{veld})*$")).as_py():
        return None
    velden = pc.split_pattern(regels, teken)
    plat = pc.list_flatten(velden)
    zonder = pc.if_else(pc.starts_with(plat, '"'), pc.utf8_slice_codeunits(plat, 1, -1), plat)
    return pa.ListArray.from_arrays(velden.offsets, zonder)


def _met_aanhalingstekens(
    gegevens: str, teken: str, koppen: list[str], rij_van: int, naam: str, limiet: int
) -> tuple[pa.ListArray, np.ndarray, dict[int, tuple[str, str]]]:
    """De rijen volgens de regels van de csv-module, met de regel waarop elke rij begint.

    Een veld dat over meer regels loopt terwijl die regels er als rijen uitzien (of waarna de rij
    niet meer het aantal velden van de kopregel heeft), is een los aanhalingsteken: elke regel
    ervan wordt een lege, geweigerde rij. Geeft (velden, beginregel per rij, {rij: (reden, kolom)})."""
    regels = gegevens.split("\n")
    per_regel = _per_regel(regels, teken)
    if per_regel is not None:
        return per_regel, np.arange(len(regels)), {}

    rijen, eindes = [], []
    lezer = csv.reader((regel + "\n" for regel in regels), delimiter=teken)
    try:
        with _zonder_opruimen():
            for rij in lezer:
                rijen.append(rij)
                eindes.append(lezer.line_num)
    except csv.Error as fout:
        begin = eindes[-1] if eindes else 0
        raise _te_lang(naam, rij_van + begin, lezer.line_num - begin, limiet) from fout
    begins = np.concatenate([[0], eindes[:-1]]).astype(np.int64)
    laatste_tekst = "\n".join(regels[begins[-1] :])
    _controleer_einde(laatste_tekst, rijen[-1], teken, koppen, rij_van + int(begins[-1]), naam)

    uit_rijen, uit_start, weigering = [], [], {}
    for rij, begin, einde in zip(rijen, begins.tolist(), eindes, strict=True):
        vervolg = regels[begin + 1 : einde]
        if vervolg and (len(rij) != len(koppen) or any(r.count(teken) >= len(koppen) - 1 for r in vervolg)):
            kolom = kolomnaam(koppen, next((j for j, v in enumerate(rij) if "\n" in v), len(rij) - 1))
            eerste, laatste = rij_van + begin, rij_van + einde - 1
            for regel in range(begin, einde):
                weigering[len(uit_rijen)] = (
                    f'een aanhalingsteken (") opent hier een veld dat pas op rij {laatste} sluit; de rijen '
                    f"{eerste} tot {laatste} zijn daardoor niet gelezen: zet het aanhalingsteken recht"
                    if regel == begin
                    else f'opgeslokt door het aanhalingsteken (") op rij {eerste}, niet gelezen',
                    kolom,
                )
                uit_rijen.append([])
                uit_start.append(regel)
        else:
            uit_rijen.append(rij)
            uit_start.append(begin)
    return pa.array(uit_rijen, type=pa.list_(pa.string())), np.array(uit_start, dtype=np.int64), weigering


@contextmanager
def _zonder_opruimen():
    """Geen garbage collection terwijl een miljoen kleine lijsten gemaakt worden (anders 3x trager)."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


_STUK = 100_000
"""Zoveel regels tegelijk door de csv-module (zo blijven er nooit een miljoen Python-lijsten tegelijk)."""


def _per_regel(regels: list[str], teken: str) -> pa.ListArray | None:
    """De rijen als elke regel precies één rij is (geen veld loopt over meer regels), per stuk van `_STUK`
    regels gelezen; anders (of bij een fout van de csv-module) None."""
    delen = []
    with _zonder_opruimen():
        for begin in range(0, len(regels), _STUK):
            stuk = regels[begin : begin + _STUK]
            try:
                rijen = list(csv.reader(stuk, delimiter=teken))
            except csv.Error:
                return None
            # zonder regeleinden voegt csv een veld dat openblijft samen met de volgende regel: minder rijen
            if len(rijen) != len(stuk) or ('"' in stuk[-1] and _open_aan_einde(stuk[-1], teken)):
                return None
            delen.append(pa.array(rijen, type=pa.list_(pa.string())))
    return pa.concat_arrays(delen)


def _open_aan_einde(tekst: str, teken: str) -> bool:
    """Staat er aan het einde van ``tekst`` nog een veld tussen aanhalingstekens open (zoals csv leest)?

    >>> _open_aan_einde('1;"a;b', ";"), _open_aan_einde('1;"a""b";2', ";"), _open_aan_einde('1;a"b', ";")
    (True, False, False)
    """
    open_, veldbegin, i = False, True, 0
    while i < len(tekst):
        teken_nu = tekst[i]
        if open_:
            if teken_nu == '"':
                if tekst[i + 1 : i + 2] == '"':
                    i += 1
                else:
                    open_ = False
        elif teken_nu == '"' and veldbegin:
            open_ = True
        veldbegin = not open_ and teken_nu in (teken, "\n")
        i += 1
    return open_


def _controleer_einde(
    tekst: str, rij: list[str], teken: str, koppen: list[str], rijnummer: int, naam: str
) -> None:
    """Een aanhalingsteken dat op de laatste rij een veld opent en nergens sluit: een `InvoerFout`."""
    if '"' in tekst and _open_aan_einde(tekst, teken):
        kolom = kolomnaam(koppen, max(len(rij) - 1, 0))
        raise InvoerFout(
            f"In '{naam}' opent een aanhalingsteken (\") op rij {rijnummer}, kolom '{kolom}', een veld dat "
            f"nergens meer sluit: alles erna zou in dat ene veld belanden. Zet het aanhalingsteken recht (of "
            f"verwijder het) en lees het bestand opnieuw in."
        )


def _te_lang(naam: str, rijnummer: int, regels: int, limiet: int) -> InvoerFout:
    grens = getal(limiet)
    if regels > 1:
        return InvoerFout(
            f"In '{naam}' opent een aanhalingsteken (\") op rij {rijnummer} een veld dat na {regels} regels "
            f"nog niet sluit (meer dan {grens} tekens). Zet het aanhalingsteken recht en lees opnieuw in."
        )
    return InvoerFout(
        f"Rij {rijnummer} van '{naam}' heeft een veld van meer dan {grens} tekens, de grens van Python's "
        f"csv-module. Een kassa-export heeft zulke velden niet: kijk die rij na (of bewaar zonder die kolom)."
    )


def _controleer_veldlengte(
    velden: pa.ListArray, start: np.ndarray | None, koppen: list[str], rij_van: int, naam: str, limiet: int
) -> None:
    """Een veld langer dan de grens van de csv-module: een `InvoerFout` (zonder aanhalingstekens)."""
    plat = pc.list_flatten(velden)
    if len(plat) == 0 or pc.max(pc.utf8_length(plat)).as_py() <= limiet:
        return
    eerste = int(np.flatnonzero(pc.greater(pc.utf8_length(plat), limiet).to_numpy(zero_copy_only=False))[0])
    rij = int(pc.list_parent_indices(velden)[eerste].as_py())
    regel = int(start[rij]) if start is not None else rij
    kolom = kolomnaam(koppen, eerste - int(velden.offsets[rij].as_py()))
    fout = _te_lang(naam, rij_van + regel, 1, limiet)
    raise InvoerFout(str(fout).replace(" heeft een veld ", f" heeft in kolom '{kolom}' een veld "))


def _tabel(velden: pa.ListArray, breedte: int) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """De velden als kolommen op positie (een ontbrekend veld leeg), het aantal velden per rij, of er iets
    in een rij staat en of er iets staat voorbij de laatste kolom van de kopregel."""
    n = len(velden)
    aantal = pc.list_value_length(velden).to_numpy(zero_copy_only=False).astype(np.int64)
    plat = pc.list_flatten(velden)
    offsets = velden.offsets.to_numpy()
    offsets = offsets - offsets[0]
    ouder = pc.list_parent_indices(velden).to_numpy(zero_copy_only=False)
    niet_leeg = pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(plat)), 0).to_numpy(zero_copy_only=False)
    gevuld = np.bincount(ouder[niet_leeg], minlength=n) > 0
    plaats = np.arange(len(plat)) - offsets[:-1][ouder] if len(plat) else np.zeros(0, dtype=np.int64)
    extra = np.bincount(ouder[niet_leeg & (plaats >= breedte)], minlength=n) > 0
    kolommen = {}
    for j in range(breedte):
        aanwezig = aantal > j
        if not len(plat):
            kolommen[j] = pd.Series([], dtype="str")
            continue
        gekozen = pc.take(plat, pa.array(np.where(aanwezig, offsets[:-1] + j, 0)))
        gekozen = pc.if_else(pa.array(aanwezig), gekozen, pa.scalar(None, gekozen.type))
        kolommen[j] = pd.Series(gekozen, dtype="str")
    return pd.DataFrame(kolommen, index=pd.RangeIndex(n)), aantal, gevuld, extra

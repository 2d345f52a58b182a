"""Eén afspraak voor klantnummers, in elke analyse die klanten vergelijkt of koppelt.

Een klantnummer komt in allerlei gedaanten binnen: als getal (``101``), als kommagetal omdat er
een lege cel in de kolom stond (``101.0``), als tekst (``"101"``), met spaties (``" 101 "``) of
met een voorloopnul die een kassa of Excel er al dan niet afhaalt (``"0101"``). Deze module
zet ze allemaal om naar één vorm, zodat dezelfde klant in elke tabel dezelfde klant is:

- een **getal** zonder decimalen blijft een getal (``101.0`` wordt ``101``); een kolom met
  enkel getallen geeft gehele getallen terug (type ``Int64``);
- **tekst** verliest de spaties (ook harde spaties, zero-width-tekens en een BOM) aan begin en
  einde. Tekst met letters blijft verder zoals hij is (``"K0001"``; hoofdletters tellen);
- tekst met **enkel cijfers** is een getal: ``"0101"``, ``"101"``, ``"101.0"`` en ``"101,00"``
  zijn allemaal klant ``101``. Voorloopnullen vallen dus weg, omdat spreadsheets en kassa's ze
  even vaak wel als niet bewaren: zo vind je een klant die uitschreef ook terug als de ene tabel
  ``0101`` en de andere ``101`` zegt. Twee verschillende klanten ``0101`` en ``101`` in één winkel
  worden zo wel één klant; geef ze dan een nummer met een letter;
- een **getal met decimalen** (``101.5``, ``"101,5"``), een getal in wetenschappelijke notatie
  (``"1,23E+11"``: Excel heeft de laatste cijfers al weggegooid), ``"1.234"`` (duizendtal of
  decimaal?), een oneindig getal, een getal groter dan 2^53 in een kommagetallenkolom (niet meer
  exact) en waar/onwaar zijn geen klantnummer: dat geeft een `InvoerFout` die zegt welke waarde;
- **anoniem** (geen klant): een lege cel, lege tekst, het getal 0 of een van de tekens in
  `ANONIEM` (``"0"``, ``"-"``, ``"anoniem"``, ``"onbekend"``, ... ongeacht hoofdletters). Die tickets
  horen bij niemand: ze komen in geen enkele klantenlijst, en zeker niet als 'topklant'.

Koppelt een analyse twee tabellen (tickets en klanten, enquête en segmenten, ...), dan moeten ze
minstens één klantnummer delen; anders is dat een `InvoerFout` in plaats van een lege tabel of
iedereen 'zonder segment' (`koppel_klanten`). In resultaten blijft een getallenkolom een getal;
komt er ergens tekst bij, dan wordt alles tekst (``"101"``).

Alles gebeurt per *verschillend* klantnummer (eerst ``pd.factorize``), nooit per rij in Python:
ook 10 miljoen tickets gaan snel.

>>> import pandas as pd
>>> ruw = pd.Series([101, 101.0, "101", " 101 ", "0101", "K0001", "anoniem", None], dtype=object)
>>> klant_ids(ruw).tolist()
['101', '101', '101', '101', '101', 'K0001', nan, nan]
>>> klant_ids(pd.Series([101.0, None, 7.0])).tolist()
[101, <NA>, 7]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout

ANONIEM: tuple[str, ...] = (
    "0", "-", "--", "anoniem", "onbekend", "geen", "n/a", "na", "none", "null", "nan", "<na>",
)  # fmt: skip
"""Waarden in een klantkolom die 'geen klant' betekenen (naast een lege cel), ongeacht hoofdletters.

``"nan"`` en ``"<NA>"`` ontstaan als een lege cel met ``astype(str)`` tekst werd."""

_RAND = "".join(c for c in map(chr, range(0x110000)) if c.isspace()) + "\u200b\u200c\u200d\u2060\ufeff"
"""Tekens die rond een klantnummer wegvallen: witruimte (ook harde spatie), zero-width, BOM."""
_GETALACHTIG = r"[+-]?[\d.,]+(?:[eE][+-]?\d+)?"
_GEHEEL = r"[+-]?\d+(?:[.,](?:0{1,2}|0{4,}))?"  # 101, 0101, 101.0, 101,00 (niet 1.000: duizendtal?)
_DUIZENDTAL = r"[+-]?\d{1,3}(?:[.,]\d{3})+"
_DECIMAAL = r"[+-]?\d*[.,]\d+"
_WETENSCHAPPELIJK = r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+"
_EXACT = 2**53
"""Grootste geheel getal dat een kommagetal (float64) nog exact bewaart."""


# --------------------------------------------------------------------------------------------
# Normaliseren per verschillende waarde
# --------------------------------------------------------------------------------------------


def _fout(waarde: object, naam: str, waarom: str) -> InvoerFout:
    return InvoerFout(f"Het klantnummer {waarde!r} in '{naam}' {waarom}")


def _getallen(waarden: np.ndarray, naam: str) -> pd.array:
    """Kommagetallen (NaN = leeg) als gehele getallen (``Int64``); 0 en leeg worden anoniem."""
    leeg = np.isnan(waarden)
    geldig = ~leeg
    slecht = geldig & ~np.isfinite(waarden)
    if slecht.any():
        raise _fout(float(waarden[slecht][0]), naam, "is oneindig: dat is geen klantnummer.")
    decimalen = geldig & (waarden != np.round(waarden))
    if decimalen.any():
        raise _fout(
            float(waarden[decimalen][0]),
            naam,
            "heeft decimalen: een klantnummer is een geheel getal of een tekst. "
            "Staat de juiste kolom als klantkolom ingesteld?",
        )
    te_groot = geldig & (np.abs(waarden) >= _EXACT)
    if te_groot.any():
        raise _fout(
            float(waarden[te_groot][0]),
            naam,
            "is te groot om exact als kommagetal bewaard te worden (de laatste cijfers kunnen fout "
            "zijn). Lees de klantkolom in als tekst (bv. dtype={'klant_id': str}).",
        )
    gehele = np.where(geldig, waarden, 0).astype(np.int64)
    return pd.arrays.IntegerArray(gehele, leeg | (gehele == 0))


def _gehele(waarden: pd.Series, naam: str) -> pd.array:
    """Een kolom met gehele getallen (ook ``Int64``, ``uint``) als ``Int64``; 0 en leeg worden anoniem."""
    leeg = waarden.isna().to_numpy()
    if pd.api.types.is_unsigned_integer_dtype(waarden.dtype):
        ruw = waarden.to_numpy(dtype=np.uint64, na_value=0)
        te_groot = ruw > np.iinfo(np.int64).max
        if te_groot.any():
            raise _fout(int(ruw[te_groot][0]), naam, "is te groot voor een klantnummer.")
    gehele = waarden.to_numpy(dtype=np.int64, na_value=0)
    return pd.arrays.IntegerArray(gehele, leeg | (gehele == 0))


def _past(tekst: pd.Series, patroon: str) -> np.ndarray:
    return tekst.str.fullmatch(patroon).to_numpy(dtype=bool, na_value=False)


_ONBRUIKBAAR = (
    (
        _WETENSCHAPPELIJK,
        "staat in wetenschappelijke notatie: Excel heeft de laatste cijfers al weggegooid. "
        "Exporteer de klantkolom als tekst.",
    ),
    (
        _DUIZENDTAL,
        "kan een duizendtal of een getal met decimalen zijn. "
        "Exporteer de klantkolom zonder scheidingstekens.",
    ),
    (_DECIMAAL, "heeft decimalen: een klantnummer is een geheel getal of een tekst."),
)


def _teksten(waarden: pd.Series, naam: str) -> pd.Series:
    """Tekst-klantnummers genormaliseerd (type ``str``, leeg = anoniem); zie de module-uitleg."""
    tekst = waarden.astype("str").str.strip(_RAND)
    anoniem = tekst.isna().to_numpy() | (tekst == "").to_numpy(dtype=bool, na_value=True)
    anoniem |= tekst.str.lower().isin(ANONIEM).to_numpy(dtype=bool)
    getalachtig = _past(tekst, _GETALACHTIG) & ~anoniem
    if not getalachtig.any():  # snel pad: klantnummers met letters
        return tekst.mask(anoniem).astype("str")
    geheel = _past(tekst, _GEHEEL) & getalachtig
    if (getalachtig & ~geheel).any():
        for patroon, waarom in _ONBRUIKBAAR:
            slecht = _past(tekst, patroon) & getalachtig & ~geheel
            if slecht.any():
                raise _fout(str(tekst[slecht].iloc[0]), naam, waarom)
    getal = tekst[geheel]
    komma = getal.str.contains(",|\\.", regex=True).to_numpy(dtype=bool)
    if komma.any():
        getal = getal.mask(komma, getal.str.replace(r"[.,]0+$", "", regex=True))
    negatief = getal.str.startswith("-").to_numpy(dtype=bool)
    cijfers = getal.str.lstrip("+-").str.lstrip("0")
    if negatief.any():
        cijfers = cijfers.mask(negatief, "-" + cijfers)
    anoniem[np.flatnonzero(geheel)[cijfers.isin(["", "-"]).to_numpy(dtype=bool)]] = True  # 0, 000, -0
    uit = cijfers if geheel.all() else tekst.mask(geheel, cijfers.reindex(tekst.index))
    return uit.mask(anoniem).astype("str")


def _waar_onwaar(naam: str) -> InvoerFout:
    return InvoerFout(f"De klantkolom '{naam}' bevat waar/onwaar (True/False): dat zijn geen klantnummers.")


def _normaliseer_uniek(waarden: pd.Series, naam: str) -> pd.Series:
    """Normaliseer een reeks verschillende klantnummers: ``Int64`` voor getallen, anders ``str``."""
    dtype = waarden.dtype
    if pd.api.types.is_bool_dtype(dtype):
        raise _waar_onwaar(naam)
    if pd.api.types.is_integer_dtype(dtype):
        return pd.Series(_gehele(waarden, naam), index=waarden.index)
    if pd.api.types.is_float_dtype(dtype):
        getallen = _getallen(waarden.to_numpy(dtype=np.float64, na_value=np.nan), naam)
        return pd.Series(getallen, index=waarden.index)
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        return _teksten(waarden, naam)
    if not pd.api.types.is_object_dtype(dtype):
        raise InvoerFout(
            f"De klantkolom '{naam}' heeft type {dtype}: een klantnummer is een geheel getal of een tekst."
        )
    # gemengde kolom (object): tekst apart, getallen apart, daarna alles als tekst
    soort = waarden.map(type, na_action="ignore")
    leeg = waarden.isna().to_numpy()
    is_tekst = soort.isin([str, np.str_]).to_numpy()
    if soort.isin([bool, np.bool_]).any():
        raise _waar_onwaar(naam)
    is_getal = ~is_tekst & ~leeg
    getal = pd.to_numeric(waarden.where(is_getal), errors="coerce").to_numpy(dtype=np.float64)
    onbekend = is_getal & np.isnan(getal)
    if onbekend.any():
        raise InvoerFout(
            f"De klantkolom '{naam}' bevat een waarde van type {soort[onbekend].iloc[0].__name__}: "
            "een klantnummer is een geheel getal of een tekst."
        )
    uit = pd.Series(np.nan, index=waarden.index, dtype="str")
    if is_tekst.any():
        uit[is_tekst] = _teksten(waarden[is_tekst], naam).to_numpy()
    if is_getal.any():
        uit[is_getal] = pd.Series(_getallen(getal[is_getal], naam)).astype("str").to_numpy()
    return uit


def _per_uniek(klanten: pd.Series, naam: str) -> tuple[np.ndarray, pd.Series]:
    """Codes per rij (-1 = leeg) en het genormaliseerde klantnummer per code."""
    if isinstance(klanten.dtype, pd.CategoricalDtype):
        codes = klanten.cat.codes.to_numpy().astype(np.int64)
        return codes, _normaliseer_uniek(pd.Series(klanten.cat.categories), naam)
    codes, uniek = pd.factorize(klanten)
    return codes.astype(np.int64, copy=False), _normaliseer_uniek(pd.Series(uniek), naam)


def _als_reeks(klanten: object, naam: str) -> pd.Series:
    if isinstance(klanten, pd.Series):
        return klanten
    if isinstance(klanten, pd.Index):
        return klanten.to_series(index=pd.RangeIndex(len(klanten)))
    if isinstance(klanten, np.ndarray | list | tuple):
        return pd.Series(klanten)
    raise InvoerFout(f"Verwacht een kolom klantnummers voor '{naam}', kreeg {type(klanten).__name__}.")


# --------------------------------------------------------------------------------------------
# Publiek
# --------------------------------------------------------------------------------------------


def klant_ids(klanten: pd.Series, naam: str = "klant_id") -> pd.Series:
    """De klantnummers in één vorm (zie de uitleg bovenaan): ``Int64`` voor getallen, anders tekst.

    Anonieme tickets (leeg, 0, ``"anoniem"``, ...) worden leeg. Dezelfde index als ``klanten``.
    ``naam`` komt in de foutmelding.

    >>> import pandas as pd
    >>> klant_ids(pd.Series([" K1", "k1", "-", "007", "7.0"])).tolist()
    ['K1', 'k1', nan, '7', '7']
    >>> klant_ids(pd.Series([3.5]))
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: Het klantnummer 3.5 in 'klant_id' heeft decimalen: een klantnummer \
is een geheel getal of een tekst. Staat de juiste kolom als klantkolom ingesteld?
    """
    reeks = _als_reeks(klanten, naam)
    codes, uniek = _per_uniek(reeks, naam)
    waarden = uniek.array.take(codes, allow_fill=True)
    return pd.Series(waarden, index=reeks.index, name=reeks.name)


def anonieme_tickets(klanten: pd.Series) -> np.ndarray:
    """Welke rijen zijn anoniem (geen klant)? Leeg, lege tekst, 0 of een teken uit `ANONIEM`.

    >>> import pandas as pd
    >>> anonieme_tickets(pd.Series(["K1", None, " ", "K2", "Anoniem", "-"])).tolist()
    [False, True, True, False, True, True]
    >>> anonieme_tickets(pd.Series([0, 5, None], dtype="Int64")).tolist()
    [True, False, True]
    >>> anonieme_tickets(pd.Series(["K1", None, ""], dtype="category")).tolist()
    [False, True, True]
    """
    reeks = _als_reeks(klanten, "klant_id")
    if pd.api.types.is_integer_dtype(reeks.dtype):  # snel pad: geen factorize nodig
        return (reeks.isna() | reeks.eq(0)).to_numpy(dtype=bool, na_value=True)
    codes, uniek = _per_uniek(reeks, "klant_id")
    return np.append(uniek.isna().to_numpy(), True)[codes]


def klantcodes(klanten: pd.Series, sorteer: bool = True) -> tuple[np.ndarray, pd.Index]:
    """Nummer de klanten 0..n-1 in gesorteerde volgorde van hun (genormaliseerd) id; -1 = anoniem.

    Geeft de codes per rij (``int64``) en de klant-ids (een ``Index``, code i hoort bij
    ``ids[i]``; ``int64`` bij een getallenkolom, anders tekst). ``101``, ``101.0`` en ``" 101 "``
    krijgen dezelfde code. Het normaliseren loopt enkel over de verschillende ids, zodat ook
    10 miljoen tickets snel gaan. Met ``sorteer=False`` volgen de nummers de volgorde waarin de
    klanten voor het eerst voorkomen (sneller bij miljoenen tekst-ids).

    >>> import pandas as pd
    >>> codes, ids = klantcodes(pd.Series(["K2", None, "K1", "", "K2 ", "anoniem"]))
    >>> codes.tolist(), ids.tolist()
    ([1, -1, 0, -1, 1, -1], ['K1', 'K2'])
    """
    reeks = _als_reeks(klanten, "klant_id")
    codes, uniek = pd.factorize(reeks, sort=sorteer)
    codes = codes.astype(np.int64, copy=False)
    if isinstance(uniek.dtype, pd.CategoricalDtype):
        uniek = uniek.astype(uniek.dtype.categories.dtype)
    ruw = pd.Series(uniek)
    ids = _normaliseer_uniek(ruw, "klant_id")
    anoniem = ids.isna().to_numpy()
    k = int(anoniem.sum())
    bekend = ids[~anoniem]
    ongewijzigd = (
        not anoniem[k:].any()  # anonieme ids (bv. 0, "", "-") vooraan in de volgorde, of geen
        and (isinstance(ids.dtype, pd.Int64Dtype) or bekend.equals(ruw[~anoniem].astype("str")))
        and (bekend.is_monotonic_increasing or not sorteer)
        and (not pd.api.types.is_object_dtype(ruw.dtype) or bekend.is_unique)  # 5 en "5" in één kolom
    )
    if ongewijzigd:  # snel pad: enkel de anonieme codes vooraan vallen weg
        codes = np.maximum(codes - k, -1) if k else codes
        ids = bekend
    else:  # samengevoegd, anoniem of anders gesorteerd: opnieuw nummeren
        nieuw, ids = pd.factorize(ids, sort=sorteer)
        codes = np.append(nieuw.astype(np.int64), -1)[codes]
    if isinstance(ids.dtype, pd.Int64Dtype):
        return codes, pd.Index(np.asarray(ids, dtype=np.int64))
    return codes, pd.Index(ids, dtype="str")


def met_klant_ids(tabel: pd.DataFrame, klant: str = "klant_id", naam: str = "tabel") -> pd.DataFrame:
    """``tabel`` met de klantkolom ``klant`` genormaliseerd (`klant_ids`); zonder die kolom onveranderd.

    >>> import pandas as pd
    >>> met_klant_ids(pd.DataFrame({"klant_id": [" 7", "K1 "]}))["klant_id"].tolist()
    ['7', 'K1']
    """
    if not isinstance(tabel, pd.DataFrame) or klant not in tabel.columns:
        return tabel
    return tabel.assign(**{klant: klant_ids(tabel[klant], f"{naam}.{klant}")})


def _voorbeelden(ids: pd.Index) -> str:
    return ", ".join(repr(v) for v in ids[:3].tolist())


def koppel_klanten(
    *tabellen: tuple[pd.DataFrame | pd.Series | pd.Index | None, str],
    klant: str = "klant_id",
    vereis_overlap: bool = True,
) -> list[pd.DataFrame | pd.Series | pd.Index | None]:
    """Normaliseer de klantnummers van tabellen die samen gaan, en controleer dat ze bij elkaar horen.

    Elke tabel komt als ``(tabel, naam)``. Van een DataFrame wordt de kolom ``klant`` genormaliseerd
    (zonder die kolom blijft hij zoals hij is; ``None`` blijft ``None``), van een Series (bv.
    segmenten: klantnummer -> segment) de index; rijen van een Series zonder klantnummer vallen weg.
    Een ``Index`` (bv. de index van een tabel met één rij per klant) komt genormaliseerd terug.
    Zijn alle kolommen getallen, dan blijven het getallen (``Int64``); anders wordt alles tekst, zodat
    ``101`` in de ene tabel ``"101"`` in de andere vindt.

    Heeft een tabel klantnummers, maar geen enkel dat ook in de eerste tabel met klantnummers
    staat, dan is dat een `InvoerFout`: het resultaat zou leeg zijn of iedereen 'zonder segment'
    (met ``vereis_overlap=False`` controleert de functie die zelf, met een eigen uitleg).

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"klant_id": [101, 102]})
    >>> segmenten = pd.Series({"101": "A", " 102": "B"})
    >>> tickets, segmenten = koppel_klanten((tickets, "tickets"), (segmenten, "segmenten"))
    >>> tickets["klant_id"].map(segmenten).tolist()
    ['A', 'B']
    >>> koppel_klanten((tickets, "tickets"), (pd.Series({"K1": "A"}), "segmenten"))
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: Geen enkele klant uit 'segmenten' staat in 'tickets' (klantnummers \
bv. 'K1' tegenover '101', '102'). Horen ze bij dezelfde winkel en gebruiken ze hetzelfde soort klantnummer?
    """
    ids: list[pd.Series | None] = []
    for tabel, naam in tabellen:
        if isinstance(tabel, pd.DataFrame) and klant in tabel.columns:
            ids.append(klant_ids(tabel[klant], f"{naam}.{klant}"))
        elif isinstance(tabel, pd.Series):
            ids.append(klant_ids(tabel.index.to_series(index=pd.RangeIndex(len(tabel))), f"index van {naam}"))
        elif isinstance(tabel, pd.Index):
            ids.append(klant_ids(tabel.to_series(index=pd.RangeIndex(len(tabel))), f"index van {naam}"))
        else:
            ids.append(None)
    if any(i is not None and not isinstance(i.dtype, pd.Int64Dtype) for i in ids):
        ids = [i.astype("str") if i is not None and isinstance(i.dtype, pd.Int64Dtype) else i for i in ids]
    eerste: tuple[pd.Index, str] | None = None
    for i, (_, naam) in zip(ids, tabellen, strict=True):
        if i is None:
            continue
        bekend = pd.Index(i.dropna().unique())
        if len(bekend) == 0:
            continue
        if eerste is None:
            eerste = (bekend, naam)
        elif vereis_overlap and not bekend.isin(eerste[0]).any():
            raise InvoerFout(
                f"Geen enkele klant uit '{naam}' staat in '{eerste[1]}' (klantnummers bv. "
                f"{_voorbeelden(bekend)} tegenover {_voorbeelden(eerste[0])}). Horen ze bij dezelfde "
                "winkel en gebruiken ze hetzelfde soort klantnummer?"
            )
    uit: list[pd.DataFrame | pd.Series | pd.Index | None] = []
    for (tabel, _), i in zip(tabellen, ids, strict=True):
        if i is None:
            uit.append(tabel)
        elif isinstance(tabel, pd.Index):
            uit.append(pd.Index(i, name=tabel.name))
        elif isinstance(tabel, pd.Series):
            gekend = np.flatnonzero(i.notna().to_numpy())
            index = pd.Index(i.iloc[gekend], name=tabel.index.name)
            uit.append(tabel.iloc[gekend].set_axis(index))
        else:
            uit.append(tabel.assign(**{klant: i.set_axis(tabel.index)}))
    return uit

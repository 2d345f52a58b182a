"""Persoonsgegevens vervangen door pseudoniemen, om gegevens door te geven aan een consulent.

**Welke kolommen.** Een kolom is persoonlijk als haar naam (zonder hoofdletters, accenten, spaties
en leestekens) een bekende naam is, in het Nederlands of het Engels (`SOORTEN`: ``Naam``,
``Voornaam``, ``E-mail``, ``GSM``, ``Telefoon``, ``Adres``, ``Straat``, ``Klantnummer``,
``Kaartnummer``, ``IBAN``, ``Geboortedatum``, ``First Name``, ``Phone``, ...), of als haar inhoud
er een verraadt: e-mailadressen, telefoonnummers of IBAN-nummers, in welke tekstkolom ook.

**Wat er gebeurt.** Elke waarde van een persoonlijke kolom wordt een gezouten hash (BLAKE2b, 16
hexadecimale tekens), na normalisering: ``An@X.be`` en ``an@x.be `` zijn hetzelfde adres,
``0470 12 34 56`` en ``+32470123456`` hetzelfde nummer, klantnummer ``101`` en ``101.0`` dezelfde
klant (zie `helpers.klantid`). Zo blijven koppelingen werken: ``klant_id`` in de tickets en in de
klanten krijgt hetzelfde pseudoniem. Elke soort kolom heeft een eigen sleutel, afgeleid van je
geheime ``zout``: hetzelfde getal als klantnummer en als telefoonnummer geeft twee verschillende
pseudoniemen. Van een geboortedatum blijft enkel het jaar (als 1 juli). In vrije tekst
(opmerkingen, notities) worden e-mailadressen, telefoonnummers en IBAN-nummers vervangen door
``[e-mail]``, ``[telefoon]`` en ``[IBAN]``, en namen, adressen en nummers die in de persoonlijke
kolommen van dezelfde tabel staan door ``[persoon]``. Lege waarden blijven leeg; een anoniem
klantnummer (``0``, ``anoniem``, ...) wordt leeg.

**Wat blijft.** Postcode, gemeente, provincie, geslacht, bedragen en alle andere kolommen.

**Nadien.** De functie kijkt of het resultaat nog persoonlijk oogt (`privacyrapport`). Blijft er
een persoonlijke kolom over, dan weigert ze het resultaat met een `InvoerFout` die de kolom en de
reden noemt, nooit een waarde. Wil je een kolom bewust houden, zet ze in ``laat_staan``; ze staat
dan in het rapport (``uit.attrs["privacy"]``).

Bewaar het zout zelf en geef het niet mee: wie het zout niet heeft, kan de pseudoniemen niet
terugrekenen door namen of e-mailadressen uit te proberen. Let op: met pseudoniemen blijven het
persoonsgegevens in de zin van de GDPR; het is geen anonimisering.

>>> import pandas as pd
>>> klanten = pd.DataFrame({"Klantnummer": [101, 102], "E-mail": ["An@X.be", None],
...                         "GSM": ["0470 12 34 56", "+32 470 65 43 21"], "Postcode": ["3500", "3600"],
...                         "Opmerking": ["belt terug op 0470/12.34.56", "vaste klant"]})
>>> uit = pseudonimiseer(klanten, zout="Zout-van-de-winkel-7#q")
>>> uit["Postcode"].tolist(), uit["E-mail"].isna().tolist(), uit["Opmerking"].tolist()
(['3500', '3600'], [False, True], ['belt terug op [telefoon]', 'vaste klant'])
>>> uit["Klantnummer"].str.fullmatch("[0-9a-f]{16}").tolist()
[True, True]
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen
from helpers.eigen_data.kolommen import normaliseer_naam
from helpers.klantid import klant_ids

SOORTEN: dict[str, tuple[str, ...]] = {
    "klantnummer": (
        "klantid", "klantnummer", "klantnr", "klantcode", "klant", "customerid", "customer", "customernumber",
        "customerno", "clientid", "clientnummer", "client", "lidnummer", "memberid", "membernumber",
    ),
    "kaartnummer": (
        "kaartnummer", "kaartnr", "klantenkaartnummer", "klantenkaartnr", "pasnummer", "cardnumber",
        "loyaltycard", "loyaltycardnumber", "loyaltynumber", "lidkaart",
    ),
    "voornaam": ("voornaam", "roepnaam", "firstname", "givenname", "forename"),
    "achternaam": ("achternaam", "familienaam", "lastname", "surname", "familyname", "tussenvoegsel"),
    "naam": (
        "naam", "volledigenaam", "klantnaam", "naamklant", "contactpersoon", "name", "fullname",
        "customername", "contactname", "billingname", "shippingname",
    ),
    "email": (
        "email", "emailadres", "mail", "mailadres", "emailaddress", "customeremail", "eadres",
    ),
    "telefoon": (
        "telefoon", "telefoonnummer", "tel", "telnr", "gsm", "gsmnummer", "gsmnr", "mobiel", "mobielnummer",
        "phone", "phonenumber", "telephone", "mobile", "mobilephone", "cell", "cellphone", "billingphone",
        "shippingphone",
    ),
    "adres": (
        "adres", "straat", "straatnaam", "straatennummer", "huisnummer", "adresregel", "adresregel1",
        "adresregel2", "bus", "address", "address1", "address2", "street", "streetaddress", "addressline1",
        "addressline2", "billingaddress1", "billingaddress2", "shippingaddress1", "shippingaddress2",
    ),
    "iban": ("iban", "rekeningnummer", "bankrekening", "bankrekeningnummer", "bankaccount", "accountnumber"),
    "rijksregisternummer": ("rijksregisternummer", "insz", "nationaalnummer", "nationalnumber", "ssn"),
    "geboortedatum": (
        "geboortedatum", "geboortedag", "gebdatum", "geboren", "birthdate", "dateofbirth", "dob", "birthday",
        "verjaardag",
    ),
}  # fmt: skip
"""Per soort persoonsgegeven de kolomnamen die het verraden (genormaliseerd met `normaliseer_naam`)."""

VRIJE_TEKST: tuple[str, ...] = (
    "opmerking", "opmerkingen", "notitie", "notities", "commentaar", "memo", "vrijetekst", "toelichting",
    "note", "notes", "comment", "comments", "remarks", "omschrijving", "beschrijving", "openantwoord",
)  # fmt: skip
"""Kolomnamen van vrije tekst: daarin worden ook bekende namen en adressen gemaskeerd."""

MIN_ZOUT = 16
"""Minimale lengte van het zout, in tekens (zonder witruimte)."""

LENGTE = 16
"""Lengte van een pseudoniem in hexadecimale tekens."""

_EMAIL = r"(?:mailto:)?[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}"
_TELEFOON = r"(?:(?:\+|00)\d{2}[\s./-]?(?:\(0\)[\s./-]?)?|\b0)[1-9](?:[\s./-]?\d){7,9}\b"
_IBAN = r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b"
_PATRONEN = {"email": _EMAIL, "telefoon": _TELEFOON, "iban": _IBAN}
_MASKERS = {"email": "[e-mail]", "telefoon": "[telefoon]", "iban": "[IBAN]"}
_WOORD = {
    "email": "e-mailadressen",
    "telefoon": "telefoonnummers",
    "iban": "IBAN-nummers",
    "bekend": "namen of adressen uit de persoonlijke kolommen",
}
_NAAM_NAAR_SOORT = {naam: soort for soort, namen in SOORTEN.items() for naam in namen}


# --------------------------------------------------------------------------------------------
# Herkennen
# --------------------------------------------------------------------------------------------


def _is_tekst(reeks: pd.Series) -> bool:
    dtype = reeks.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        dtype = dtype.categories.dtype
    return pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype)


def _als_tekst(reeks: pd.Series) -> pd.Series:
    """Elke waarde als tekst (leeg blijft leeg); gehele kommagetallen zonder ``.0``."""
    if pd.api.types.is_float_dtype(reeks.dtype):
        geheel = reeks.notna() & (reeks == np.round(reeks))
        tekst = reeks.astype("str")
        return tekst.mask(geheel, reeks.where(geheel).astype("Int64").astype("str")).where(reeks.notna())
    if isinstance(reeks.dtype, pd.CategoricalDtype):
        reeks = reeks.astype(reeks.dtype.categories.dtype)
    if pd.api.types.is_object_dtype(
        reeks.dtype
    ):  # gemengd: per verschillende waarde, 470123456.0 -> '470123456'
        codes, uniek = pd.factorize(reeks)
        als_tekst = [str(int(w)) if isinstance(w, float) and w.is_integer() else str(w) for w in uniek]
        return pd.Series(pd.array(als_tekst, dtype="str").take(codes, allow_fill=True), index=reeks.index)
    return reeks.astype("str").where(reeks.notna())


def _aandeel_patroon(reeks: pd.Series, patroon: str, volledig: bool) -> tuple[float, int]:
    """Welk deel van de niet-lege waarden (helemaal) op ``patroon`` past, en hoeveel waarden het bevatten."""
    tekst = _als_tekst(reeks).dropna().str.strip()
    tekst = tekst[tekst != ""]
    if tekst.empty:
        return 0.0, 0
    uniek = pd.Series(tekst.unique(), dtype="str")
    past = uniek.str.fullmatch(patroon) if volledig else uniek.str.contains(patroon)
    treffer = uniek[past.to_numpy(dtype=bool, na_value=False)]
    if patroon == _IBAN:
        treffer = treffer[[_geldige_iban(w) for w in treffer]]
    raak = tekst.isin(treffer)
    return float(raak.mean()), int(raak.sum())


def _geldige_iban(waarde: str) -> bool:
    """Controle met het IBAN-controlegetal (modulo 97), zodat een artikelcode geen IBAN lijkt."""
    for kandidaat in re.findall(_IBAN, waarde) or [waarde]:
        code = kandidaat.replace(" ", "")
        herschikt = code[4:] + code[:4]
        cijfers = "".join(str(int(c, 36)) for c in herschikt)
        if cijfers.isdigit() and int(cijfers) % 97 == 1:
            return True
    return False


_DEELWOORDEN = (
    ("email", "email"),
    ("iban", "iban"),
    ("gsm", "telefoon"),
    ("telefoon", "telefoon"),
    ("phone", "telefoon"),
    ("geboortedatum", "geboortedatum"),
    ("birthdate", "geboortedatum"),
    ("dateofbirth", "geboortedatum"),
)
_GEEN_GEGEVEN = (
    r"marketing|optin|optout|toestemming|akkoord|consent|accepts|nieuwsbrief|newsletter|bevestigd|verified"
)


def _soort_op_naam(kolom: object, reeks: pd.Series) -> str | None:
    if pd.api.types.is_bool_dtype(reeks.dtype):
        return None  # bv. 'klantenkaart' (ja/nee) of 'Accepts Marketing'
    naam = normaliseer_naam(kolom)
    soort = _NAAM_NAAR_SOORT.get(naam)
    if soort is None and not re.search(_GEEN_GEGEVEN, naam):  # 'Accepts Email Marketing' is geen e-mail
        for deelwoord, gevonden in _DEELWOORDEN:
            if deelwoord in naam:
                return gevonden
    return soort


def _soort_op_inhoud(reeks: pd.Series) -> tuple[str | None, dict[str, int]]:
    """De soort als bijna alle waarden een e-mail, telefoon of IBAN zijn; en de treffers in de tekst."""
    if not _is_tekst(reeks):
        return None, {}
    treffers, soort = {}, None
    for naam, patroon in _PATRONEN.items():
        volledig, _ = _aandeel_patroon(reeks, patroon, volledig=True)
        if volledig >= 0.5 and soort is None:
            soort = naam
        if _is_tekst(reeks):
            _, aantal = _aandeel_patroon(reeks, patroon, volledig=False)
            if aantal:
                treffers[naam] = aantal
    return soort, treffers


def privacyrapport(df: pd.DataFrame) -> pd.DataFrame:
    """Welke kolommen van ``df`` ogen persoonlijk, en waarom? Noemt nooit een waarde.

    Eén rij per persoonlijke kolom: ``kolom``, ``soort`` (zie `SOORTEN`, of ``vrije tekst``),
    ``herkend_op`` (``naam`` of ``inhoud``) en ``waarden`` (hoeveel niet-lege waarden, of hoeveel
    waarden een e-mail, telefoonnummer of IBAN bevatten).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"Voornaam": ["An"], "Info": ["mail an@x.be"], "Stad": ["Genk"]})
    >>> privacyrapport(df)[["kolom", "soort", "herkend_op"]].values.tolist()
    [['Voornaam', 'voornaam', 'naam'], ['Info', 'vrije tekst', 'inhoud']]
    """
    if not isinstance(df, pd.DataFrame):
        raise InvoerFout(f"Verwacht een tabel (pandas DataFrame), kreeg {type(df).__name__}.")
    rijen = []
    for kolom in df.columns:
        reeks = df[kolom]
        soort = _soort_op_naam(kolom, reeks)
        if soort is not None and reeks.notna().any() and not _al_pseudoniem(reeks, soort):
            rijen.append((kolom, soort, "naam", int(reeks.notna().sum()), ""))
            continue
        if soort is not None:
            continue
        inhoud, treffers = _soort_op_inhoud(reeks)
        if inhoud is not None and not _al_pseudoniem(reeks, inhoud):
            rijen.append((kolom, inhoud, "inhoud", int(reeks.notna().sum()), ""))
        elif treffers:
            uitleg = ", ".join(f"{aantal} met {_WOORD[n]}" for n, aantal in treffers.items())
            rijen.append((kolom, "vrije tekst", "inhoud", sum(treffers.values()), uitleg))
    return pd.DataFrame(rijen, columns=["kolom", "soort", "herkend_op", "waarden", "uitleg"])


def _al_pseudoniem(reeks: pd.Series, soort: str) -> bool:
    """Een kolom die enkel nog pseudoniemen (16 hex-tekens) of, voor datums, 1 juli bevat."""
    if soort == "geboortedatum":
        datums = pd.to_datetime(reeks, errors="coerce", format="mixed", dayfirst=True)
        gevuld = datums.dropna()
        return bool(
            reeks.notna().sum() == len(gevuld) and ((gevuld.dt.month == 7) & (gevuld.dt.day == 1)).all()
        )
    tekst = _als_tekst(reeks).dropna()
    return bool(tekst.str.fullmatch(f"[0-9a-f]{{{LENGTE}}}").all())


# --------------------------------------------------------------------------------------------
# Normaliseren en hashen
# --------------------------------------------------------------------------------------------


def _normaliseer_telefoon(tekst: pd.Series) -> pd.Series:
    """Internationaal: ``0470 12 34 56``, ``0032470123456``, ``+32 470 12 34 56`` worden ``+32470123456``."""
    cijfers = tekst.str.replace(r"\(0\)", "", regex=True).str.replace(r"\D", "", regex=True)
    plus = tekst.str.strip().str.startswith("+").fillna(False)
    nul_nul = cijfers.str.startswith("00").fillna(False) & ~plus
    nul = cijfers.str.startswith("0").fillna(False) & ~plus & ~nul_nul
    zonder_nul = ~plus & ~nul_nul & ~nul & cijfers.str.len().isin([8, 9])  # Excel haalde de 0 weg
    uit = ("+" + cijfers).mask(nul_nul, "+" + cijfers.str.slice(2)).mask(nul, "+32" + cijfers.str.slice(1))
    uit = uit.mask(zonder_nul, "+32" + cijfers)
    return uit.where(cijfers.str.len() > 0)


def _genormaliseerd(reeks: pd.Series, soort: str, naam: str) -> pd.Series:
    """De waarde die gehasht wordt: dezelfde persoon of hetzelfde gegeven geeft dezelfde tekst."""
    if soort in ("klantnummer", "kaartnummer"):
        try:
            return klant_ids(reeks, naam).astype("str")
        except InvoerFout:  # de melding van klant_ids noemt de waarde: hier niet
            raise InvoerFout(
                f"De kolom '{naam}' bevat een {soort} dat geen geheel getal of tekst is (bv. een getal met "
                "decimalen). Welke waarde tonen we niet; kijk de kolom na in je bestand."
            ) from None
    tekst = _als_tekst(reeks).str.strip()
    tekst = tekst.mask(tekst == "")
    if soort == "email":
        return tekst.str.lower().str.replace(r"^mailto:", "", regex=True)
    if soort == "telefoon":
        return _normaliseer_telefoon(tekst)
    if soort in ("iban", "rijksregisternummer"):
        return tekst.str.upper().str.replace(r"[\s.-]", "", regex=True)
    normaal = tekst.str.casefold().str.replace(r"[\s,.]+", " ", regex=True).str.strip()
    return normaal.mask(normaal == "")  # enkel leestekens: leeg


def _kolomsleutel(zout: bytes, soort: str) -> bytes:
    """Een eigen sleutel per soort kolom, afgeleid van het zout (BLAKE2b met het zout als sleutel)."""
    return hashlib.blake2b(
        soort.encode("utf-8"), key=zout, digest_size=32, person=b"klantlab-pseudo"
    ).digest()


def _hash(tekst: pd.Series, sleutel: bytes) -> pd.Series:
    """Hash elke verschillende waarde één keer (hashen kan niet gevectoriseerd) en zet ze terug."""
    uniek = tekst.dropna().unique()
    tabel = {
        w: hashlib.blake2b(w.encode("utf-8"), key=sleutel, digest_size=LENGTE // 2).hexdigest() for w in uniek
    }
    return tekst.map(tabel).astype("str").where(tekst.notna())


def _geboortejaar(reeks: pd.Series) -> tuple[pd.Series, int]:
    """Enkel het jaar (als 1 juli); tekst als dag/maand/jaar gelezen. Plus hoeveel onleesbaar waren."""
    if pd.api.types.is_datetime64_any_dtype(reeks.dtype):
        datums = reeks.dt.tz_localize(None) if isinstance(reeks.dtype, pd.DatetimeTZDtype) else reeks
        doel = datums.dtype
    else:
        tekst = _als_tekst(reeks).str.strip()
        datums = pd.to_datetime(tekst, errors="coerce", format="mixed", dayfirst=True)
        doel = "datetime64[us]"
    onleesbaar = int((reeks.notna() & datums.isna()).sum())
    jaar = pd.DataFrame({"year": datums.dt.year, "month": 7, "day": 1})
    return pd.to_datetime(jaar).astype(doel), onleesbaar


def _controleer_zout(zout: object) -> bytes:
    """Het zout als sleutel (bytes); een zwak zout wordt geweigerd zonder het te herhalen."""
    if not isinstance(zout, str | bytes):
        raise InvoerFout(
            f"Geef een geheim zout van minstens {MIN_ZOUT} tekens, bv. zout=secrets.token_hex(16). "
            "Bewaar het goed en geef het niet mee met de gegevens."
        )
    tekens = list(zout.decode("latin-1") if isinstance(zout, bytes) else zout)
    if any(t.isspace() for t in tekens):
        raise InvoerFout(
            "Het zout bevat spaties of andere witruimte (vaak een kopieerfout). Gebruik bv. "
            "secrets.token_hex(16) en kopieer het zonder spaties."
        )
    if len(tekens) < MIN_ZOUT:
        raise InvoerFout(
            f"Geef een geheim zout van minstens {MIN_ZOUT} tekens (dit heeft er {len(tekens)}), "
            "bv. zout=secrets.token_hex(16). Bewaar het goed en geef het niet mee met de gegevens."
        )
    herhaald = any(
        len(tekens) % p == 0 and tekens == tekens[:p] * (len(tekens) // p)
        for p in range(1, len(tekens) // 2 + 1)
    )
    if len(set(tekens)) < 8 or herhaald:
        raise InvoerFout(
            "Dit zout is te voorspelbaar (te weinig verschillende tekens of een herhaald stukje). "
            "Gebruik een willekeurig zout, bv. secrets.token_hex(16)."
        )
    sleutel = zout.encode("utf-8") if isinstance(zout, str) else bytes(zout)
    return hashlib.sha256(sleutel).digest() if len(sleutel) > 64 else sleutel


# --------------------------------------------------------------------------------------------
# Vrije tekst
# --------------------------------------------------------------------------------------------


def _bekende_waarden(df: pd.DataFrame, soorten: Mapping[object, str]) -> list[str]:
    """Namen, adressen en nummers uit de persoonlijke kolommen, om in vrije tekst te zoeken."""
    waarden: set[str] = set()
    for kolom, soort in soorten.items():
        if soort == "geboortedatum":
            continue
        tekst = _als_tekst(df[kolom]).dropna().str.strip()
        waarden.update(w for w in tekst.unique() if len(w) >= (5 if w.isdigit() else 2))
        if soort in ("naam", "voornaam", "achternaam", "adres"):  # ook de delen: 'An Peeters' -> 'Peeters'
            delen = tekst.str.split(r"[\s,]+").explode().dropna()
            waarden.update(w for w in delen.unique() if len(w) >= 3 and not w.isdigit())
    return sorted(waarden, key=len, reverse=True)


def _maskeer(reeks: pd.Series, bekend: list[str], namen_ook: bool) -> pd.Series:
    """Vervang e-mails, telefoonnummers en IBAN-nummers (en met ``namen_ook`` bekende waarden) in tekst."""
    tekst = _als_tekst(reeks)
    uniek = pd.Series(tekst.dropna().unique(), dtype="str")
    nieuw = uniek
    for soort, patroon in _PATRONEN.items():
        nieuw = nieuw.str.replace(patroon, _MASKERS[soort], regex=True)
    if namen_ook and bekend:
        # lange waarden zonder hoofdletters ('peeters'), korte exact ('An', niet het woord 'an')
        for vlag, groep in (
            ("(?i)", [w for w in bekend if len(w) >= 4]),
            ("", [w for w in bekend if len(w) < 4]),
        ):
            for begin in range(0, len(groep), 500):  # een regex per 500 waarden blijft snel
                deel = "|".join(re.escape(w) for w in groep[begin : begin + 500])
                nieuw = nieuw.str.replace(rf"{vlag}(?<!\w)(?:{deel})(?!\w)", "[persoon]", regex=True)
    vertaling = dict(zip(uniek, nieuw, strict=True))
    return tekst.map(vertaling).astype("str").where(tekst.notna())


# --------------------------------------------------------------------------------------------
# Publiek
# --------------------------------------------------------------------------------------------


def pseudonimiseer(
    df: pd.DataFrame,
    kolommen: Iterable[str] | None = None,
    zout: str | bytes | None = None,
    laat_staan: Iterable[str] = (),
) -> pd.DataFrame:
    """Vervang persoonsgegevens door pseudoniemen (zie de uitleg bovenaan de module).

    ``kolommen``: standaard (``None``) alles wat herkend wordt, plus het maskeren van vrije tekst; geef
    je een lijst, dan enkel die kolommen (een kolom die niet herkend wordt, krijgt een eigen sleutel en
    wordt helemaal gepseudonimiseerd). ``zout``: een geheim van minstens 16 tekens zonder
    witruimte, met minstens 8 verschillende tekens en geen herhaald stukje, bv. gemaakt met
    ``secrets.token_hex(16)``. ``laat_staan``: kolommen die je bewust ongewijzigd wil doorgeven.

    Geeft een kopie van ``df``; in ``attrs["privacy"]`` staat wat er met elke kolom gebeurde (zonder
    waarden). Oogt een kolom die niet in ``laat_staan`` staat nadien nog persoonlijk, dan is dat een
    `InvoerFout`.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"klant_id": ["K1", "K1 ", "anoniem"],
    ...                    "geboortedatum": ["04/03/1980", None, "1975-12-31"]})
    >>> uit = pseudonimiseer(df, zout="Zout-van-de-winkel-7#q")
    >>> uit["klant_id"].nunique(), uit["klant_id"].isna().tolist()
    (1, [False, False, True])
    >>> [str(d.date()) if pd.notna(d) else None for d in uit["geboortedatum"]]
    ['1980-07-01', None, '1975-07-01']
    """
    sleutel = _controleer_zout(zout)
    vereis_kolommen(df, [], "tabel")
    gekozen = list(kolommen) if kolommen is not None else None
    behouden = list(laat_staan)
    vereis_kolommen(df, [*(gekozen or []), *behouden], "tabel")
    soorten: dict[object, str] = {}
    for kolom in df.columns if gekozen is None else gekozen:
        if kolom in behouden:
            continue
        soort = _soort_op_naam(kolom, df[kolom]) or _soort_op_inhoud(df[kolom])[0]
        if soort is not None:
            soorten[kolom] = soort
        elif gekozen is not None:
            soorten[kolom] = f"kolom:{normaliseer_naam(kolom)}"
    nieuw: dict[object, pd.Series] = {}
    verslag = []
    for kolom, soort in soorten.items():
        if soort == "geboortedatum":
            nieuw[kolom], onleesbaar = _geboortejaar(df[kolom])
            uitleg = "enkel het jaar (1 juli)" + (
                f"; {onleesbaar} onleesbaar, leeg gemaakt" if onleesbaar else ""
            )
        else:
            nieuw[kolom] = _hash(_genormaliseerd(df[kolom], soort, str(kolom)), _kolomsleutel(sleutel, soort))
            uitleg = "pseudoniem"
        verslag.append((kolom, soort.removeprefix("kolom:"), uitleg))
    bekend = _bekende_waarden(df, soorten)
    for kolom in df.columns if gekozen is None else []:
        if kolom in soorten or kolom in behouden or not _is_tekst(df[kolom]):
            continue
        vrij = normaliseer_naam(kolom) in VRIJE_TEKST or _oogt_als_vrije_tekst(df[kolom])
        gemaskeerd = _maskeer(df[kolom], bekend, namen_ook=vrij)
        if not gemaskeerd.equals(_als_tekst(df[kolom])):
            nieuw[kolom] = gemaskeerd
            verslag.append((kolom, "vrije tekst", "gegevens in de tekst gemaskeerd"))
    uit = df.copy()
    for kolom, waarden in nieuw.items():
        uit[kolom] = waarden
    rapport = privacyrapport(uit)
    nog = rapport.loc[~rapport["kolom"].isin(behouden)]
    if len(nog):
        lijst = "; ".join(f"'{r.kolom}' ({r.soort}, herkend op {r.herkend_op})" for r in nog.itertuples())
        raise InvoerFout(
            f"Na het pseudonimiseren oogt nog persoonlijk: {lijst}. Geef die kolom mee in kolommen=[...] "
            "of, als je ze bewust wil doorgeven, in laat_staan=[...]."
        )
    for r in rapport.itertuples():
        verslag.append((r.kolom, r.soort, "bewust ongewijzigd gelaten (laat_staan)"))
    uit.attrs["privacy"] = [{"kolom": k, "soort": s, "actie": a} for k, s, a in verslag]
    return uit


def _oogt_als_vrije_tekst(reeks: pd.Series) -> bool:
    """Zinnen eerder dan codes: gemiddeld lang en meestal met een spatie."""
    tekst = _als_tekst(reeks).dropna()
    if tekst.empty:
        return False
    return bool(tekst.str.len().mean() >= 20 and tekst.str.contains(" ").mean() >= 0.5)

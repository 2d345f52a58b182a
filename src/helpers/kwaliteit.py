"""Datakwaliteit van een klantenbestand: wat ontbreekt, wat klopt niet, wie staat er dubbel in, en herstellen.

Een klantendatabank is maar zo goed als wat erin staat. Een bestand dat aan de toonbank wordt
ingetypt, heeft altijd dezelfde soort gaten: dezelfde persoon twee keer (een tweede kaart, een
tikfout in de naam, een nieuw adres), een e-mailadres met een tikfout of een plaatshouder als
``geen@geen.be``, telefoonnummers in vijf vormen, een postcode die niet bestaat, een testkaart, en
namen in hoofdletters. Deze module zoekt ze (`kwaliteitsrapport`, `mogelijke_dubbels`,
`zoek_testrecords`, `email_probleem`, ...) en herstelt wat te herstellen valt (`herstel_naam`,
`herstel_email`, `normaliseer_telefoon`, `herstel_postcode`, `voeg_dubbels_samen`, en alles samen:
`schoon_winkel`).

>>> import pandas as pd
>>> klanten = pd.DataFrame({
...     "klant_id": ["K1", "K2"], "voornaam": ["An", "Bart"], "achternaam": ["Peeters", "Claes"],
...     "email": ["an@voorbeeld.be", None], "voorkeurkanaal": ["e-mail", "e-mail"],
... })
>>> rapport = kwaliteitsrapport(klanten)
>>> rapport.loc["kanaal_zonder_gegevens", "aantal"]
np.int64(1)
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from helpers import geografie
from helpers.acties import KANALEN, ingevuld
from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg, vereis_uniek
from helpers.segmentatie.indeling import leeftijd
from helpers.tijdzone import belgische_tijd

if TYPE_CHECKING:
    from helpers.data import Winkel

EMAIL_PATROON = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
"""Eenvoudige vormcontrole: iets@iets.xx, zonder spaties. Geen garantie dat het adres bestaat."""

BEKENDE_DOMEINEN: tuple[str, ...] = (
    "gmail.com", "hotmail.com", "hotmail.be", "hotmail.nl", "hotmail.fr", "outlook.com", "outlook.be",
    "live.be", "live.nl", "telenet.be", "skynet.be", "proximus.be", "scarlet.be", "yahoo.com", "yahoo.fr",
    "icloud.com", "msn.com",
)  # fmt: skip
"""Domeinen die in Vlaamse klantenbestanden veel voorkomen: een domein dat er bijna op lijkt
(``gmial.com``, ``telenet.bee``) is wellicht een tikfout."""

PLAATSHOUDERS: tuple[str, ...] = (
    "geen", "nvt", "nb", "na", "noreply", "no-reply", "geenmail", "geen.email", "onbekend", "test",
    "xxx", "-", "/", ".",
)  # fmt: skip
"""Wat een kassamedewerker intypt als de klant geen e-mailadres geeft (het deel vóór @, of alles)."""

TESTWOORDEN: tuple[str, ...] = ("test", "proef", "demo", "xxx", "dummy", "nieuwe klant", "kassa")
"""Woorden die in de naam van een testrecord staan (hoofdletters tellen niet)."""

_TUSSENVOEGSELS = {"de", "den", "der", "van", "op", "ten", "ter", "te", "la", "le", "du", "d'", "'t"}


def _leeg(reeks: pd.Series) -> pd.Series:
    return pd.Series(~ingevuld(reeks), index=reeks.index)


def _tekst(reeks: pd.Series) -> pd.Series:
    """Als tekst (pandas ``string`` in Python: vergelijkingen geven waar/onwaar/leeg); leeg blijft leeg."""
    return reeks.astype(pd.StringDtype("python"))


@belgische_tijd
def volledigheid(klanten: pd.DataFrame) -> pd.DataFrame:
    """Per kolom: hoeveel klanten een ingevulde waarde hebben, en welk aandeel.

    >>> import pandas as pd
    >>> volledigheid(pd.DataFrame({"email": ["a@b.be", None, " "]})).loc["email"].round(3).tolist()
    [1.0, 0.333]
    """
    vereis_niet_leeg(klanten, "klanten")
    ingevuld = pd.Series({kolom: int((~_leeg(klanten[kolom])).sum()) for kolom in klanten.columns})
    return pd.DataFrame({"ingevuld": ingevuld, "aandeel_ingevuld": ingevuld / len(klanten)})


# ------------------------------------------------------------------------------------ namen


def naam_probleem(namen: pd.Series) -> pd.Series:
    """Waar een naam spaties te veel heeft, of helemaal in hoofdletters of kleine letters staat.

    >>> import pandas as pd
    >>> naam_probleem(pd.Series(["Peeters", "PEETERS", "peeters", " Claes", "Van den Broeck", None])).tolist()
    [False, True, True, True, False, False]
    """
    tekst = _tekst(namen)
    letters = tekst.str.replace(r"[^A-Za-zÀ-ÿ]", "", regex=True)
    spaties = tekst != tekst.str.strip().str.replace(r"\s+", " ", regex=True)
    verkeerd = (letters.str.len() > 1) & ((letters == letters.str.upper()) | (letters == letters.str.lower()))
    return (spaties | verkeerd).fillna(False).astype(bool)


def _hoofdletter(woord: pd.Series) -> pd.Series:
    """Eerste letter groot, de rest klein; ook na een koppelteken of apostrof (Anne-Marie, D'Hondt)."""
    klein = woord.str.lower()
    return klein.str.replace(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(), regex=True)


def herstel_naam(namen: pd.Series) -> pd.Series:
    """Spaties weg aan het begin en einde (en dubbele ertussen); een naam in hoofdletters of kleine
    letters krijgt hoofdletters zoals in een Vlaamse naam: elk deel een hoofdletter, tussenvoegsels
    na het eerste woord klein (``VAN DEN BROECK`` → ``Van den Broeck``).

    Een naam die al gemengd geschreven is (``D'hondt``, ``McLaren``) blijft zoals hij is: je weet niet
    beter dan de klant.

    >>> import pandas as pd
    >>> herstel_naam(pd.Series(["VAN DEN BROECK", "anne-marie", " Claes ", "D'hondt", None])).tolist()
    ['Van den Broeck', 'Anne-Marie', 'Claes', "D'hondt", <NA>]
    """
    tekst = _tekst(namen).reset_index(drop=True).str.strip().str.replace(r"\s+", " ", regex=True)
    letters = tekst.str.replace(r"[^A-Za-zÀ-ÿ]", "", regex=True)
    herstellen = ((letters == letters.str.upper()) | (letters == letters.str.lower())).fillna(False)
    uit = tekst.copy()
    if herstellen.any():
        woorden = tekst[herstellen].str.split(" ").explode()
        positie = woorden.groupby(level=0).cumcount()
        tussen = woorden.str.lower().isin(_TUSSENVOEGSELS) & (positie > 0)
        nieuw = _hoofdletter(woorden).where(~tussen, woorden.str.lower())
        uit[herstellen] = nieuw.groupby(level=0).agg(" ".join)
    return uit.set_axis(namen.index).rename(namen.name)


# ------------------------------------------------------------------------------------ e-mail


def _domein_en_lokaal(adressen: pd.Series) -> tuple[pd.Series, pd.Series]:
    delen = adressen.str.rsplit("@", n=1)
    heeft = adressen.str.contains("@", regex=False).fillna(False)
    return delen.str[0].where(heeft), delen.str[-1].where(heeft)


def _plaatshouder(adressen: pd.Series) -> pd.Series:
    lokaal, domein = _domein_en_lokaal(adressen)
    naam = domein.str.split(".").str[0]
    return (adressen.isin(PLAATSHOUDERS) | lokaal.isin(PLAATSHOUDERS) | (lokaal == naam)).fillna(False)


def _dichtstbijzijnd(domeinen: pd.Series) -> pd.Series:
    """Het bekende domein waar een onbekend domein bijna gelijk aan is (een tikfout), anders leeg."""
    uniek = domeinen.dropna().unique()
    beter = {
        d: treffers[0]
        for d in uniek
        if d not in BEKENDE_DOMEINEN
        and (treffers := difflib.get_close_matches(d, BEKENDE_DOMEINEN, n=1, cutoff=0.8))
    }  # een lus over de verschillende domeinen, niet over de klanten
    return domeinen.map(beter)


def email_probleem(emails: pd.Series) -> pd.Series:
    """Wat er mis is met elk e-mailadres: ``""`` (niets), ``"ontbreekt"``, ``"plaatshouder"``
    (``geen@geen.be``, ``nvt``, ``x@x.be``), ``"onmogelijke vorm"`` (geen @, een komma, een spatie) of
    ``"tikfout in het domein"`` (``gmial.com``: bijna een bekend domein, zie `BEKENDE_DOMEINEN`).

    >>> import pandas as pd
    >>> e = pd.Series(["an@telenet.be", None, "geen@geen.be", "an.telenet.be", "an@gmial.com"])
    >>> email_probleem(e).tolist()
    ['', 'ontbreekt', 'plaatshouder', 'onmogelijke vorm', 'tikfout in het domein']
    """
    adres = _tekst(emails).str.strip().str.lower()
    leeg = adres.isna() | (adres == "")
    vorm = adres.str.match(EMAIL_PATROON).fillna(False).astype(bool)
    _, domein = _domein_en_lokaal(adres)
    tikfout = vorm & _dichtstbijzijnd(domein).notna()
    uit = np.select(
        [leeg.to_numpy(), _plaatshouder(adres).to_numpy(), ~vorm.to_numpy(), tikfout.to_numpy()],
        ["ontbreekt", "plaatshouder", "onmogelijke vorm", "tikfout in het domein"],
        "",
    )
    return pd.Series(uit, index=emails.index, name=emails.name)


def herstel_email(emails: pd.Series) -> pd.Series:
    """Herstel wat zeker is, maak leeg wat niet te redden is.

    Kleine letters, geen spaties; een komma in het domein wordt een punt, een punt te veel achteraan
    valt weg; een vergeten @ vóór een bekend domein komt terug (``an.peeterstelenet.be`` →
    ``an.peeters@telenet.be``); een tikfout in een bekend domein wordt verbeterd (``gmial.com`` →
    ``gmail.com``). Een plaatshouder of een adres dat daarna nog altijd geen e-mailadres is, wordt
    leeg: een mail naar een fout adres komt nooit aan.

    >>> import pandas as pd
    >>> e = pd.Series([" An@Telenet.be", "an@telenet,be", "an.peeterstelenet.be", "an@gmial.com",
    ...                "geen@geen.be", "an@@", None])
    >>> herstel_email(e).tolist()
    ['an@telenet.be', 'an@telenet.be', 'an.peeters@telenet.be', 'an@gmail.com', <NA>, <NA>, <NA>]
    """
    adres = _tekst(emails).str.lower().str.replace(r"\s+", "", regex=True).str.rstrip(".")
    adres = adres.str.replace(r",(?=[a-z]+$)", ".", regex=True)
    zonder = ~adres.str.contains("@", regex=False).fillna(True)
    for domein in sorted(BEKENDE_DOMEINEN, key=len, reverse=True):
        past = zonder & adres.str.endswith(domein).fillna(False) & (adres.str.len() > len(domein) + 1)
        adres = adres.where(~past, adres.str.slice(0, -len(domein)).str.rstrip(".") + "@" + domein)
        zonder &= ~past
    lokaal, domein = _domein_en_lokaal(adres)
    beter = _dichtstbijzijnd(domein)
    adres = adres.where(beter.isna(), lokaal + "@" + beter)
    goed = adres.str.match(EMAIL_PATROON).fillna(False).astype(bool) & ~_plaatshouder(adres)
    return adres.where(goed).rename(emails.name)


# ------------------------------------------------------------------------------------ telefoon


def normaliseer_telefoon(nummers: pd.Series) -> pd.Series:
    """Elk Belgisch telefoonnummer in één vorm: gsm ``0470 12 34 56``, vast ``011 22 33 44`` of
    ``02 123 45 67``; ``+32``, ``0032``, punten, schuine strepen en spaties maken niet uit. Wat geen
    Belgisch nummer kan zijn (te kort, te lang), wordt leeg.

    >>> import pandas as pd
    >>> n = pd.Series(["0470123456", "+32 470 12 34 56", "0470/12.34.56", "0032470123456", "011 22 33 44",
    ...                "02/123.45.67", "1234", None])
    >>> normaliseer_telefoon(n).tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['0470 12 34 56', '0470 12 34 56', '0470 12 34 56', '0470 12 34 56', '011 22 33 44',
     '02 123 45 67', <NA>, <NA>]
    """
    cijfers = _tekst(nummers).str.replace(r"\D", "", regex=True)
    cijfers = cijfers.str.replace(r"^(?:0032|32)", "0", regex=True)
    gsm = cijfers.str.fullmatch(r"04\d{8}").fillna(False)
    vast = cijfers.str.fullmatch(r"0[1-9]\d{7}").fillna(False)
    kort_net = vast & cijfers.str.slice(1, 2).isin(list("2349"))  # Brussel, Antwerpen, Luik, Gent
    uit = pd.Series(pd.NA, index=nummers.index, dtype="string", name=nummers.name)
    c = cijfers
    uit[gsm] = c.str.slice(0, 4) + " " + c.str.slice(4, 6) + " " + c.str.slice(6, 8) + " " + c.str.slice(8)
    uit[vast & ~kort_net] = (
        c.str.slice(0, 3) + " " + c.str.slice(3, 5) + " " + c.str.slice(5, 7) + " " + c.str.slice(7)
    )
    uit[kort_net] = (
        c.str.slice(0, 2) + " " + c.str.slice(2, 5) + " " + c.str.slice(5, 7) + " " + c.str.slice(7)
    )
    return uit


def telefoonvormen(nummers: pd.Series) -> pd.Series:
    """Hoe vaak elke schrijfwijze voorkomt: elk cijfer wordt een 0 (``0470/12.34.56`` → ``0000/00.00.00``).

    >>> import pandas as pd
    >>> telefoonvormen(pd.Series(["0470 12 34 56", "0499 00 11 22", "0470123456", None])).to_dict()
    {'0000 00 00 00': 2, '0000000000': 1}
    """
    return _tekst(nummers).dropna().str.replace(r"\d", "0", regex=True).value_counts().rename("aantal")


# ------------------------------------------------------------------------------------ postcode


@belgische_tijd
def postcode_probleem(klanten: pd.DataFrame) -> pd.Series:
    """Per persoon: ``""`` (in orde), ``"ontbreekt"`` of ``"onmogelijk"`` (geen Vlaamse postcode, of niet
    die van de gemeente in de kolom ``gemeente``; zie `helpers.geografie`).

    >>> import pandas as pd
    >>> k = pd.DataFrame({"postcode": ["3500", None, "35000", "3600"], "gemeente": ["Hasselt"] * 4})
    >>> postcode_probleem(k).tolist()
    ['', 'ontbreekt', 'onmogelijk', 'onmogelijk']
    """
    vereis_kolommen(klanten, ["postcode", "gemeente"], "klanten")
    echt = geografie.gemeenten().set_index("gemeente")["postcode"].astype("str")
    code = _tekst(klanten["postcode"]).str.strip()
    hoort = _tekst(klanten["gemeente"]).map(echt)
    leeg = code.isna() | (code == "")
    # een gemeente buiten de lijst: dan kan enkel de vorm fout zijn (vier cijfers, 1000-9999)
    fout = (code != hoort).where(hoort.notna(), ~code.str.fullmatch(r"[1-9]\d{3}")).fillna(True)
    uit = np.select([leeg.to_numpy(), fout.to_numpy(dtype=bool)], ["ontbreekt", "onmogelijk"], "")
    return pd.Series(uit, index=klanten.index, name="postcode")


@belgische_tijd
def herstel_postcode(klanten: pd.DataFrame) -> pd.Series:
    """De postcode, met een ontbrekende of onmogelijke postcode vervangen door die van de gemeente.

    Een gemeente die niet in de lijst van `helpers.geografie` staat, houdt haar postcode.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"postcode": ["3500", None, "35OO"], "gemeente": ["Hasselt", "Genk", "Hasselt"]})
    >>> herstel_postcode(k).tolist()
    ['3500', '3600', '3500']
    """
    echt = geografie.gemeenten().set_index("gemeente")["postcode"].astype("str")
    fout = postcode_probleem(klanten) != ""
    hoort = _tekst(klanten["gemeente"]).map(echt)
    return _tekst(klanten["postcode"]).where(~fout | hoort.isna(), hoort).rename("postcode")


# ------------------------------------------------------------------------------------ testrecords


def _eenvoudig(tekst: str) -> str:
    return "".join(t for t in tekst.lower() if t.isalnum())


@belgische_tijd
def zoek_testrecords(
    klanten: pd.DataFrame, winkelnaam: str | None = None, klant: str = "klant_id"
) -> pd.DataFrame:
    """Records die geen klant zijn: een testkaart ("Test Test", "Proef Kassa", "XXX") of de eigen kaart
    van de winkel (de winkelnaam in de naam of in het e-mailadres, als je ``winkelnaam`` geeft).

    Op de eigen kaart scant het personeel soms aankopen van klanten zonder kaart: haal je dat record
    weg, dan horen die tickets weer bij de anonieme verkoop (zie `verwijder_klanten`).

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "voornaam": ["An", "Test", "Winkel"],
    ...                   "achternaam": ["Peeters", "Test", "Sport Bosmans"], "email": [None, None, None]})
    >>> zoek_testrecords(k, winkelnaam="Sport Bosmans").to_dict("list")
    {'klant_id': ['K2', 'K3'], 'reden': ['testnaam', 'eigen kaart van de winkel']}
    """
    vereis_kolommen(klanten, [klant, "voornaam", "achternaam"], "klanten")
    naam = (
        _tekst(klanten["voornaam"]).fillna("") + " " + _tekst(klanten["achternaam"]).fillna("")
    ).str.lower()
    email = (
        _tekst(klanten["email"]).fillna("").str.lower()
        if "email" in klanten.columns
        else naam.str.slice(0, 0)
    )
    patroon = r"\b(?:" + "|".join(TESTWOORDEN) + r")\b"
    test = naam.str.contains(patroon, regex=True) | email.str.match(r"^(?:test|demo|proef)@")
    eigen = pd.Series(False, index=klanten.index)
    if winkelnaam:
        kort = _eenvoudig(winkelnaam)
        eigen = naam.str.replace(r"[^a-z0-9]", "", regex=True).str.contains(
            kort, regex=False
        ) | email.str.replace(r"[^a-z0-9@]", "", regex=True).str.contains("@" + kort, regex=False)
    reden = np.select([eigen.to_numpy(), test.to_numpy()], ["eigen kaart van de winkel", "testnaam"], "")
    gevonden = reden != ""
    return pd.DataFrame(
        {klant: klanten.loc[gevonden, klant].to_numpy(), "reden": reden[gevonden]}
    ).reset_index(drop=True)


# ------------------------------------------------------------------------------------ dubbels


def klankcode(namen: pd.Series) -> pd.Series:
    """Een naam zoals hij klinkt: kleine letters, zonder accenten, spaties of leestekens, en de
    spellingvarianten die aan de kassa ontstaan gelijkgemaakt (ij/y, ck/k, c/k, ph/f, dt/t, ae/a,
    dubbele letters).

    >>> import pandas as pd
    >>> namen = pd.Series(["Van den Broeck", "Vanden Broek", "De Bruyn", "de bruijn", "Peeters", "Peters"])
    >>> klankcode(namen).tolist()
    ['vandenbrok', 'vandenbrok', 'debruyn', 'debruyn', 'peters', 'peters']
    """
    code = (
        _tekst(namen)
        .str.normalize("NFKD")
        .str.lower()
        .str.replace(r"[^a-z]", "", regex=True)
        .str.replace("ij", "y", regex=False)
        .str.replace("ck", "k", regex=False)
        .str.replace("ph", "f", regex=False)
        .str.replace("c", "k", regex=False)
        .str.replace(r"dt\b|dt$", "t", regex=True)
        .str.replace("ae", "a", regex=False)
    )
    return code.str.replace(r"(.)\1+", r"\1", regex=True).str.replace("oe", "o", regex=False)


def _paren(sleutel: pd.Series) -> pd.DataFrame:
    """Alle paren rijposities (a < b) met dezelfde, ingevulde sleutel."""
    geldig = sleutel.notna() & (sleutel.astype("string") != "")
    deel = pd.DataFrame({"sleutel": sleutel[geldig].to_numpy(), "pos": np.flatnonzero(geldig.to_numpy())})
    deel = deel[deel["sleutel"].duplicated(keep=False)]
    if deel.empty:
        return pd.DataFrame({"a": pd.Series(dtype="int64"), "b": pd.Series(dtype="int64")})
    samen = deel.merge(deel, on="sleutel", suffixes=("_a", "_b"))
    samen = samen[samen["pos_a"] < samen["pos_b"]]
    return pd.DataFrame({"a": samen["pos_a"].to_numpy(), "b": samen["pos_b"].to_numpy()})


@belgische_tijd
def dubbele_paren(klanten: pd.DataFrame, klant: str = "klant_id") -> pd.DataFrame:
    """Paren records die waarschijnlijk dezelfde persoon zijn, met het bewijs.

    Kandidaten delen een e-mailadres (na `herstel_email`, zonder plaatshouders), een telefoonnummer
    (na `normaliseer_telefoon`), een geboortedatum (en de eerste letter van de achternaam), of een adres
    (straat en postcode). Een paar telt als dubbel bij hetzelfde e-mailadres; of hetzelfde
    telefoonnummer en een naam die er wat op lijkt (gelijkenis ≥ 0,6); of een naam die er sterk op lijkt
    (≥ 0,85, op de `klankcode`) en dezelfde geboortedatum, hetzelfde adres of telefoonnummer. De
    gelijkenis is die van `difflib` (0 = niets gemeen, 1 = gelijk).

    Kolommen: ``klant_a``, ``klant_b``, ``gelijkenis``, ``zelfde_email``, ``zelfde_telefoon``,
    ``zelfde_geboortedatum``, ``zelfde_adres`` en ``reden``.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "voornaam": ["Lotte", "Lotte", "Els"],
    ...                   "achternaam": ["De Smedt", "de smet", "Claes"],
    ...                   "geboortedatum": pd.to_datetime(["1980-05-01", "1980-05-01", "1980-05-01"])})
    >>> dubbele_paren(k)[["klant_a", "klant_b", "reden"]].values.tolist()
    [['K1', 'K2', 'zelfde naam en geboortedatum']]
    """
    vereis_kolommen(klanten, [klant, "voornaam", "achternaam"], "klanten")
    vereis_uniek(klanten, klant, "klanten")
    k = klanten.reset_index(drop=True)
    leeg = pd.Series(pd.NA, index=k.index, dtype="string")
    achter = klankcode(k["achternaam"])
    volledig = klankcode(k["voornaam"]).fillna("") + " " + achter.fillna("")
    email = herstel_email(k["email"]) if "email" in k.columns else leeg
    telefoon = normaliseer_telefoon(k["telefoon"]) if "telefoon" in k.columns else leeg
    geboren = (
        _tekst(k["geboortedatum"].dt.strftime("%Y-%m-%d")) + "|" + achter.str.slice(0, 1)
        if "geboortedatum" in k.columns
        else leeg
    )
    adres = (
        klankcode(k["straat"]) + "|" + _tekst(k["postcode"]).str.strip()
        if {"straat", "postcode"} <= set(k.columns)
        else leeg
    )
    paren = pd.concat([_paren(s) for s in (email, telefoon, geboren, adres)], ignore_index=True)
    paren = paren.drop_duplicates().sort_values(["a", "b"], kind="stable").reset_index(drop=True)
    a, b = paren["a"].to_numpy(), paren["b"].to_numpy()

    def zelfde(reeks: pd.Series) -> np.ndarray:
        codes = pd.factorize(reeks, use_na_sentinel=True)[0]  # gelijke waarden, zelfde code; leeg = -1
        return (codes[a] == codes[b]) & (codes[a] >= 0)

    namen = volledig.to_numpy(dtype=object)
    gelijkenis = np.array(
        [difflib.SequenceMatcher(None, namen[i], namen[j]).ratio() for i, j in zip(a, b, strict=True)]
    )  # een lus over de kandidaat-paren (weinig), niet over alle paren klanten
    z_email, z_tel = zelfde(email), zelfde(telefoon)
    z_geb = (
        zelfde(k["geboortedatum"].astype("string"))
        if "geboortedatum" in k.columns
        else np.zeros(len(a), bool)
    )
    z_adres = zelfde(adres)
    sterk = gelijkenis >= 0.85
    dubbel = z_email | (z_tel & (gelijkenis >= 0.6)) | (sterk & (z_geb | z_adres | z_tel))
    naamwoord = np.where(gelijkenis == 1, "zelfde naam", "gelijkaardige naam")
    reden = np.select(
        [z_email, z_tel, z_geb],
        ["zelfde e-mailadres", "zelfde telefoonnummer", naamwoord + " en geboortedatum"],
        naamwoord + " en adres",
    )
    ids = k[klant].to_numpy(dtype=object)
    return pd.DataFrame(
        {
            "klant_a": ids[a][dubbel],
            "klant_b": ids[b][dubbel],
            "gelijkenis": gelijkenis[dubbel],
            "zelfde_email": z_email[dubbel],
            "zelfde_telefoon": z_tel[dubbel],
            "zelfde_geboortedatum": z_geb[dubbel],
            "zelfde_adres": z_adres[dubbel],
            "reden": reden[dubbel],
        }
    )


@belgische_tijd
def mogelijke_dubbels(klanten: pd.DataFrame, klant: str = "klant_id") -> pd.DataFrame:
    """Klanten die waarschijnlijk dezelfde persoon zijn (zie `dubbele_paren`): één rij per verdacht
    record, met een groepsnummer (wie samen één persoon is) en de sterkste reden.

    Hoofdletters, spaties, spellingvarianten en de schrijfwijze van telefoonnummers tellen niet mee.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "voornaam": ["An", "an ", "Els"],
    ...                   "achternaam": ["Peeters", "PEETERS", "Claes"],
    ...                   "email": ["an@x.be", "AN@x.be", "els@x.be"]})
    >>> mogelijke_dubbels(k)[["klant_id", "groep", "reden"]].to_dict("list")
    {'klant_id': ['K1', 'K2'], 'groep': [1, 1], 'reden': ['zelfde e-mailadres', 'zelfde e-mailadres']}
    """
    paren = dubbele_paren(klanten, klant)
    if paren.empty:
        return pd.DataFrame(
            {
                klant: pd.Series(dtype="str"),
                "groep": pd.Series(dtype="int64"),
                "reden": pd.Series(dtype="str"),
            }
        )
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    ids = pd.Index(klanten[klant].to_numpy(dtype=object))
    a, b = ids.get_indexer(paren["klant_a"]), ids.get_indexer(paren["klant_b"])
    graaf = coo_matrix((np.ones(len(a)), (a, b)), shape=(len(ids), len(ids)))
    _, component = connected_components(graaf, directed=False)
    betrokken = np.unique(np.concatenate([a, b]))
    groep = pd.factorize(component[betrokken])[0] + 1  # groepen in de volgorde van het bestand
    volgorde = ["zelfde e-mailadres", "zelfde telefoonnummer"]
    sterkte = paren["reden"].map({r: i for i, r in enumerate(volgorde)}).fillna(len(volgorde))
    per_record = (
        pd.concat(
            [
                pd.DataFrame({"pos": a, "reden": paren["reden"], "s": sterkte}),
                pd.DataFrame({"pos": b, "reden": paren["reden"], "s": sterkte}),
            ]
        )
        .sort_values(["s"], kind="stable")
        .drop_duplicates("pos")
        .set_index("pos")["reden"]
    )
    return (
        pd.DataFrame({klant: ids[betrokken], "groep": groep, "reden": per_record.loc[betrokken].to_numpy()})
        .sort_values(["groep", klant], kind="stable")
        .reset_index(drop=True)
        .astype({klant: "str", "reden": "str"})
    )


# ------------------------------------------------------------------------------------ samenvoegen

_CONTACT = ("email", "telefoon", "straat", "postcode", "gemeente", "provincie", "afstand_km")
"""Contactgegevens: bij een dubbel telt de recentste inschrijving die ze heeft (wie verhuisde, woont daar)."""

_ANDERE_TABELLEN = ("tickets", "contacten", "actiecontacten", "enquete", "offertes")


def _hernoem_klanten(winkel: Winkel, naar: pd.Series, weg: pd.Index | None = None) -> dict[str, pd.DataFrame]:
    """De tabellen met een klant_id, met ``naar`` (oud -> nieuw) toegepast; ``weg`` wordt anoniem."""
    uit = {}
    for naam in _ANDERE_TABELLEN:
        df = getattr(winkel, naam)
        if "klant_id" not in df.columns:
            continue
        kolom = df["klant_id"]
        waarden = kolom.to_numpy(dtype=object)
        positie = naar.index.get_indexer(waarden)
        if len(naar):
            waarden = np.where(positie >= 0, naar.to_numpy(dtype=object)[np.maximum(positie, 0)], waarden)
        if weg is not None:
            waarden = np.where(weg.get_indexer(kolom.to_numpy(dtype=object)) >= 0, None, waarden)
        uit[naam] = df.assign(klant_id=pd.array(waarden, dtype=kolom.dtype))
    return uit


def voeg_dubbels_samen(winkel: Winkel, dubbels: pd.DataFrame | None = None) -> Winkel:
    """Voeg elke groep dubbels samen tot één klant, in alle tabellen van de winkel.

    ``dubbels`` heeft de kolommen ``klant_id`` en ``groep`` (zoals `mogelijke_dubbels`, dat standaard
    gebruikt wordt). Per groep blijft het **oudste** record (eerste inschrijving) met zijn klantnummer;
    de tickets, contacten, actiecontacten, enquête en offertes van de andere records komen op dat
    nummer. Ontbrekende gegevens worden aangevuld uit de andere records; voor contactgegevens (e-mail,
    telefoon, adres) telt de recentste inschrijving die ze heeft. Toestemming voor marketing blijft enkel
    als elk record van die persoon ze gaf (bij twijfel: niet mailen), met de recentste datum; een kaart
    blijft als er een was; wie ooit kocht, is klant.
    """
    dubbels = mogelijke_dubbels(winkel.klanten) if dubbels is None else dubbels
    vereis_kolommen(dubbels, ["klant_id", "groep"], "dubbels")
    klanten = winkel.klanten
    if dubbels.empty:
        return winkel
    positie = pd.Index(klanten["klant_id"].to_numpy(dtype=object)).get_indexer(
        dubbels["klant_id"].to_numpy(dtype=object)
    )
    if (positie < 0).any():
        raise InvoerFout("Niet elke klant in 'dubbels' staat in het klantenbestand van deze winkel.")
    groep = pd.Series(dubbels["groep"].to_numpy(), index=positie)
    if groep.index.has_duplicates:
        raise InvoerFout("Een klant staat meer dan eens in 'dubbels': geef elke klant één groep.")
    leden = klanten.iloc[groep.index].assign(_groep=groep.to_numpy(), _pos=groep.index)
    datum = leden["inschrijfdatum"] if "inschrijfdatum" in leden.columns else pd.Series(0, index=leden.index)
    leden = leden.assign(_datum=datum).sort_values(["_groep", "_datum", "_pos"], kind="stable")
    oudste = leden.groupby("_groep", sort=False).first()  # eerste ingevulde waarde, oudste eerst
    recent = leden.iloc[::-1].groupby("_groep", sort=False).first()
    blijft = leden.drop_duplicates("_groep").set_index("_groep")
    samen, recent = oudste.loc[blijft.index].copy(), recent.loc[blijft.index]
    for kolom in _CONTACT:
        if kolom in samen.columns:
            samen[kolom] = recent[kolom]
    if "toestemming_marketing" in samen.columns:
        iedereen = leden.groupby("_groep")["toestemming_marketing"].all()
        samen["toestemming_marketing"] = iedereen
        if "toestemming_datum" in samen.columns:
            samen["toestemming_datum"] = leden.groupby("_groep")["toestemming_datum"].max().where(iedereen)
            samen["toestemming_datum"] = samen["toestemming_datum"].astype(klanten["toestemming_datum"].dtype)
        if "voorkeurkanaal" in samen.columns:
            samen["voorkeurkanaal"] = recent["voorkeurkanaal"].astype("object").where(iedereen, "geen")
    for kolom, functie in (("klantenkaart", "any"), ("inschrijfdatum", "min")):
        if kolom in samen.columns:
            samen[kolom] = leden.groupby("_groep")[kolom].agg(functie)
    if "relatie" in samen.columns:
        kocht = leden.groupby("_groep")["relatie"].agg(lambda r: (r.astype("str") == "klant").any())
        samen["relatie"] = np.where(kocht, "klant", "prospect")
    samen["klant_id"] = blijft["klant_id"]
    samen.index = blijft["_pos"].to_numpy()
    weg = leden.loc[~leden["_pos"].isin(blijft["_pos"]), "_pos"].to_numpy()
    nieuw = klanten.astype("object").copy()
    nieuw.loc[nieuw.index[samen.index], list(klanten.columns)] = (
        samen[list(klanten.columns)].astype("object").to_numpy()
    )
    nieuw = nieuw.drop(index=nieuw.index[weg])
    naar = pd.Series(
        leden.set_index("_pos")["_groep"].map(blijft["klant_id"]).to_numpy(dtype=object),
        index=pd.Index(leden["klant_id"].to_numpy(dtype=object)),
    )
    return dataclasses.replace(
        winkel, klanten=_zelfde_types(nieuw, klanten), **_hernoem_klanten(winkel, naar)
    )


def _zelfde_types(nieuw: pd.DataFrame, oud: pd.DataFrame) -> pd.DataFrame:
    """``nieuw`` met de kolomtypes van ``oud`` (categorieën opnieuw uit de waarden)."""
    uit = {}
    for kolom, soort in oud.dtypes.items():
        reeks = nieuw[kolom]
        if isinstance(soort, pd.CategoricalDtype):
            uit[kolom] = reeks.astype("str").where(reeks.notna(), None).astype("category")
        elif soort == "str":
            uit[kolom] = reeks.where(reeks.notna(), None).astype("str")
        else:
            uit[kolom] = reeks.astype(soort)
    return pd.DataFrame(uit, index=nieuw.index).reset_index(drop=True)


def verwijder_klanten(winkel: Winkel, klant_ids: pd.Series | list[str]) -> Winkel:
    """Haal records uit het klantenbestand (bv. `zoek_testrecords`): hun tickets worden anonieme verkoop
    (de omzet blijft), hun contacten, actiecontacten en enquêteantwoorden verdwijnen mee, een offerte
    houdt de organisatie maar verliest de contactpersoon.
    """
    weg = pd.Index(pd.Series(klant_ids, dtype="object").to_numpy())
    andere = _hernoem_klanten(winkel, pd.Series(dtype="object"), weg=weg)
    for naam in ("contacten", "actiecontacten", "enquete"):
        oud = getattr(winkel, naam)["klant_id"]
        andere[naam] = andere[naam][oud.isna().to_numpy() | (weg.get_indexer(oud.astype("object")) < 0)]
        andere[naam] = andere[naam].reset_index(drop=True)
    klanten = winkel.klanten[~winkel.klanten["klant_id"].isin(weg)].reset_index(drop=True)
    return dataclasses.replace(winkel, klanten=klanten, **andere)


def schoon_winkel(winkel: Winkel) -> Winkel:
    """Alles in één keer: namen (`herstel_naam`), e-mailadressen (`herstel_email`), telefoonnummers
    (`normaliseer_telefoon`) en postcodes (`herstel_postcode`) herstellen, de `zoek_testrecords` (met de
    naam van de winkel) weghalen en de `mogelijke_dubbels` samenvoegen (`voeg_dubbels_samen`).

    De tickets blijven allemaal: hun omzet telt, alleen de klant erbij kan veranderen.
    """
    k = winkel.klanten
    herstel = {
        kolom: herstel_naam(k[kolom]).astype("str") for kolom in ("voornaam", "achternaam") if kolom in k
    }
    if "email" in k.columns:
        herstel["email"] = herstel_email(k["email"]).astype("str")
    if "telefoon" in k.columns:
        herstel["telefoon"] = normaliseer_telefoon(k["telefoon"]).astype("str")
    if {"postcode", "gemeente"} <= set(k.columns):
        herstel["postcode"] = herstel_postcode(k).astype("str")
    proper = dataclasses.replace(winkel, klanten=k.assign(**herstel))
    proper = verwijder_klanten(proper, zoek_testrecords(proper.klanten, winkel.naam)["klant_id"])
    return voeg_dubbels_samen(proper)


# ------------------------------------------------------------------------------------ het rapport


@belgische_tijd
def kwaliteitsrapport(
    klanten: pd.DataFrame, peildatum: pd.Timestamp | str | None = None, winkelnaam: str | None = None
) -> pd.DataFrame:
    """Alle kwaliteitscontroles in één tabel: per controle het aantal en aandeel klanten dat faalt.

    Controles (enkel als de nodige kolommen er zijn): geen e-mailadres; e-mailadres met een
    onmogelijke vorm, een plaatshouder of een tikfout in het domein (`email_probleem`); geen
    telefoonnummer; een telefoonnummer dat geen Belgisch nummer kan zijn of in een andere vorm staat
    dan ``0470 12 34 56`` (`normaliseer_telefoon`); geen geboortedatum; leeftijd onder 12 of boven 100 op
    de ``peildatum`` (in volle jaren, standaard: vandaag); een ontbrekende of onmogelijke postcode
    (`postcode_probleem`); een naam in hoofdletters, kleine letters of met spaties te veel
    (`naam_probleem`); voorkeurkanaal zonder de gegevens om het te gebruiken (`helpers.acties.KANALEN`:
    e-mail zonder adres, sms zonder telefoon, post zonder volledig adres); toestemming voor marketing
    zonder datum; mogelijke dubbele klanten (`mogelijke_dubbels`); testrecords (`zoek_testrecords`, met
    ``winkelnaam`` ook de eigen kaart van de winkel).

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1"], "voornaam": ["An"], "achternaam": ["Peeters"],
    ...                   "email": ["an(at)x.be"]})
    >>> r = kwaliteitsrapport(k)
    >>> int(r.loc["email_ongeldig", "aantal"]), float(r.loc["email_ongeldig", "aandeel"])
    (1, 1.0)
    """
    vereis_niet_leeg(klanten, "klanten")
    peil = pd.Timestamp(peildatum) if peildatum is not None else pd.Timestamp.today().normalize()
    fouten: dict[str, tuple[str, pd.Series]] = {}
    kolommen = set(klanten.columns)
    if "email" in kolommen:
        probleem = email_probleem(klanten["email"])
        fouten["email_ontbreekt"] = ("geen e-mailadres", probleem == "ontbreekt")
        fouten["email_ongeldig"] = ("e-mailadres met een onmogelijke vorm", probleem == "onmogelijke vorm")
        fouten["email_plaatshouder"] = (
            "plaatshouder in plaats van een e-mailadres",
            probleem == "plaatshouder",
        )
        fouten["email_tikfout"] = (
            "tikfout in het domein van het e-mailadres",
            probleem == "tikfout in het domein",
        )
    if "telefoon" in kolommen:
        leeg = _leeg(klanten["telefoon"])
        gewoon = normaliseer_telefoon(klanten["telefoon"])
        fouten["telefoon_ontbreekt"] = ("geen telefoonnummer", leeg)
        fouten["telefoon_ongeldig"] = (
            "telefoonnummer dat geen Belgisch nummer kan zijn",
            ~leeg & gewoon.isna(),
        )
        fouten["telefoon_andere_vorm"] = (
            "telefoonnummer in een andere vorm dan 0470 12 34 56",
            (gewoon.notna() & (gewoon != _tekst(klanten["telefoon"]))).fillna(False).astype(bool),
        )
    if "geboortedatum" in kolommen:
        geboren = pd.DataFrame({"geboortedatum": pd.to_datetime(klanten["geboortedatum"])})
        jaren = leeftijd(geboren, peil)
        fouten["geboortedatum_ontbreekt"] = ("geen geboortedatum", jaren.isna())
        fouten["leeftijd_onwaarschijnlijk"] = (
            "leeftijd onder 12 of boven 100 jaar",
            ((jaren < 12) | (jaren > 100)).fillna(False).astype(bool),
        )
    if {"postcode", "gemeente"} <= kolommen:
        fouten["postcode_fout"] = (
            "postcode ontbreekt of hoort niet bij de gemeente",
            postcode_probleem(klanten) != "",
        )
    if {"voornaam", "achternaam"} <= kolommen:
        fouten["naam_hoofdletters"] = (
            "naam in hoofdletters, kleine letters of met spaties te veel",
            naam_probleem(klanten["voornaam"]) | naam_probleem(klanten["achternaam"]),
        )
    if "voorkeurkanaal" in kolommen:
        zonder = pd.Series(False, index=klanten.index)
        for kanaal, velden in KANALEN.items():
            aanwezig = [veld for veld in velden if veld in kolommen]
            if aanwezig:
                onvolledig = pd.concat([_leeg(klanten[veld]) for veld in aanwezig], axis=1).any(axis=1)
                zonder |= (klanten["voorkeurkanaal"].astype("string") == kanaal).fillna(False) & onvolledig
        fouten["kanaal_zonder_gegevens"] = ("voorkeurkanaal zonder de gegevens om het te gebruiken", zonder)
    if {"toestemming_marketing", "toestemming_datum"} <= kolommen:
        fouten["toestemming_zonder_datum"] = (
            "toestemming voor marketing zonder datum",
            klanten["toestemming_marketing"].astype(bool) & klanten["toestemming_datum"].isna(),
        )
    if {"klant_id", "voornaam", "achternaam"} <= kolommen:
        dubbel = klanten["klant_id"].isin(mogelijke_dubbels(klanten)["klant_id"])
        fouten["mogelijke_dubbel"] = ("mogelijk dubbel ingeschreven", dubbel)
        test = klanten["klant_id"].isin(zoek_testrecords(klanten, winkelnaam)["klant_id"])
        fouten["testrecord"] = ("testrecord of eigen kaart van de winkel", test)
    rijen = {
        naam: {"controle": uitleg, "aantal": int(masker.sum()), "aandeel": float(masker.mean())}
        for naam, (uitleg, masker) in fouten.items()
    }
    rapport = pd.DataFrame.from_dict(rijen, orient="index")
    rapport.index.name = "code"
    return rapport.astype({"aantal": "int64", "aandeel": "float64"})

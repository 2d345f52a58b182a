"""Datakwaliteit van een klantenbestand: wat ontbreekt, wat klopt niet, wie staat er dubbel in.

Een klantendatabank is maar zo goed als wat erin staat. Deze controles zoeken de gaten die een
winkel in de praktijk tegenkomt: geen e-mailadres bij wie per e-mail wil horen, een geboortedatum
die niet kan, dezelfde persoon twee keer ingeschreven.

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

import pandas as pd

from helpers.acties import KANALEN, ingevuld
from helpers.controle import vereis_kolommen, vereis_niet_leeg
from helpers.segmentatie.indeling import leeftijd
from helpers.tijdzone import belgische_tijd

EMAIL_PATROON = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
"""Eenvoudige vormcontrole: iets@iets.xx, zonder spaties. Geen garantie dat het adres bestaat."""


def _leeg(reeks: pd.Series) -> pd.Series:
    return pd.Series(~ingevuld(reeks), index=reeks.index)


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


@belgische_tijd
def mogelijke_dubbels(klanten: pd.DataFrame, klant: str = "klant_id") -> pd.DataFrame:
    """Klanten die waarschijnlijk dezelfde persoon zijn: zelfde e-mailadres, of zelfde naam en
    geboortedatum (als die kolom er is). Eén rij per verdachte klant, met een groepsnummer.

    Hoofdletters en spaties tellen niet mee.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "voornaam": ["An", "an ", "Els"],
    ...                   "achternaam": ["Peeters", "PEETERS", "Claes"],
    ...                   "email": ["an@x.be", "AN@x.be", "els@x.be"]})
    >>> mogelijke_dubbels(k)[["klant_id", "groep", "reden"]].to_dict("list")
    {'klant_id': ['K1', 'K2'], 'groep': [1, 1], 'reden': ['zelfde e-mailadres', 'zelfde e-mailadres']}
    """
    vereis_kolommen(klanten, [klant, "voornaam", "achternaam"], "klanten")
    sleutels: list[tuple[str, pd.Series]] = []
    if "email" in klanten.columns:
        email = klanten["email"].astype("string").str.strip().str.lower()
        sleutels.append(("zelfde e-mailadres", email.where(~_leeg(klanten["email"]))))
    if "geboortedatum" in klanten.columns:
        naam = (
            klanten["voornaam"].astype("string").str.strip().str.lower()
            + "|"
            + klanten["achternaam"].astype("string").str.strip().str.lower()
            + "|"
            + klanten["geboortedatum"].astype("string")
        )
        sleutels.append(("zelfde naam en geboortedatum", naam.where(klanten["geboortedatum"].notna())))
    stukken = []
    for reden, sleutel in sleutels:
        dubbel = sleutel.notna() & sleutel.duplicated(keep=False)
        if dubbel.any():
            stukken.append(pd.DataFrame({klant: klanten.loc[dubbel, klant], "sleutel": sleutel[dubbel],
                                         "reden": reden}))
    if not stukken:
        return pd.DataFrame({klant: pd.Series(dtype="str"), "groep": pd.Series(dtype="int64"),
                             "reden": pd.Series(dtype="str")})
    alles = pd.concat(stukken, ignore_index=True).drop_duplicates(subset=[klant], keep="first")
    groep = pd.factorize(alles["reden"] + "|" + alles["sleutel"])[0] + 1
    return (
        alles.assign(groep=groep)[[klant, "groep", "reden"]]
        .sort_values(["groep", klant], kind="stable")
        .reset_index(drop=True)
    )


@belgische_tijd
def kwaliteitsrapport(klanten: pd.DataFrame, peildatum: pd.Timestamp | str | None = None) -> pd.DataFrame:
    """Alle kwaliteitscontroles in één tabel: per controle het aantal en aandeel klanten dat faalt.

    Controles (enkel als de nodige kolommen er zijn): geen e-mailadres; e-mailadres met een
    onmogelijke vorm; geen telefoonnummer; geen geboortedatum; leeftijd onder 12 of boven 100 op de
    ``peildatum`` (in volle jaren, standaard: vandaag); voorkeurkanaal zonder de gegevens om het te
    gebruiken (`helpers.acties.KANALEN`: e-mail zonder adres, sms zonder telefoon, post zonder volledig
    adres: straat, postcode en gemeente, voor zover die kolommen er zijn); toestemming voor marketing
    zonder datum; mogelijke dubbele klanten.

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
        leeg = _leeg(klanten["email"])
        vorm = klanten["email"].astype("string").str.strip().str.match(EMAIL_PATROON).fillna(False)
        fouten["email_ontbreekt"] = ("geen e-mailadres", leeg)
        fouten["email_ongeldig"] = ("e-mailadres met een onmogelijke vorm", ~leeg & ~vorm.astype(bool))
    if "telefoon" in kolommen:
        fouten["telefoon_ontbreekt"] = ("geen telefoonnummer", _leeg(klanten["telefoon"]))
    if "geboortedatum" in kolommen:
        geboren = pd.DataFrame({"geboortedatum": pd.to_datetime(klanten["geboortedatum"])})
        jaren = leeftijd(geboren, peil)
        fouten["geboortedatum_ontbreekt"] = ("geen geboortedatum", jaren.isna())
        fouten["leeftijd_onwaarschijnlijk"] = (
            "leeftijd onder 12 of boven 100 jaar",
            ((jaren < 12) | (jaren > 100)).fillna(False).astype(bool),
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
    rijen = {
        naam: {"controle": uitleg, "aantal": int(masker.sum()), "aandeel": float(masker.mean())}
        for naam, (uitleg, masker) in fouten.items()
    }
    rapport = pd.DataFrame.from_dict(rijen, orient="index")
    rapport.index.name = "code"
    return rapport.astype({"aantal": "int64", "aandeel": "float64"})

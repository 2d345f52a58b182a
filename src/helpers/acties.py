"""Communicatie op maat: doellijsten voor acties, resultaten van acties en kansen op kruisverkoop.

Elke lijst respecteert de toestemming voor marketing en het voorkeurkanaal van de klant, en zegt
voor wie wegviel waarom (niets verdwijnt in stilte). Resultaten van acties worden gemeten tegen een
controlegroep met een toets op het verschil van twee aandelen.

>>> import pandas as pd
>>> klanten = pd.DataFrame({"klant_id": ["K1", "K2"], "toestemming_marketing": [True, False],
...                         "voorkeurkanaal": ["e-mail", "e-mail"],
...                         "email": ["an@voorbeeld.be", "bo@voorbeeld.be"]})
>>> lijst, weggelaten = doellijst(klanten, kanaal="e-mail")
>>> lijst["klant_id"].tolist(), weggelaten["reden"].tolist()
(['K1'], ['geen toestemming voor marketing'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from scipy.special import ndtr

from helpers.controle import (
    InvoerFout,
    vereis_datums,
    vereis_getallen,
    vereis_kolommen,
    vereis_niet_leeg,
    vereis_uniek,
    vereis_waar,
)
from helpers.intervallen import newcombe_interval
from helpers.klantid import klant_ids, koppel_klanten, met_klant_ids
from helpers.rfm import anonieme_tickets
from helpers.tijdzone import belgische_tijd

KANALEN: dict[str, tuple[str, ...]] = {
    "e-mail": ("email",),
    "sms": ("telefoon",),
    "post": ("straat", "postcode", "gemeente"),
}
"""Per kanaal de contactgegevens die ingevuld moeten zijn om iemand zo te bereiken."""

_ONTBREKEND = {
    "e-mail": "e-mailadres ontbreekt",
    "sms": "telefoonnummer ontbreekt",
    "post": "adres onvolledig",
}

CONTACTKOLOMMEN = ("actie_id", "verzonden", "geopend", "ingewisseld", "uitgeschreven")

_RIJ = "_rij_in_klanten"
"""Hulpkolom waarmee de lijsten hun rijen terugvinden (een klantnummer kan leeg of dubbel zijn)."""


class Doellijst(NamedTuple):
    """Een doellijst en de klanten die wegvielen, met hun ``reden``."""

    lijst: pd.DataFrame
    weggelaten: pd.DataFrame


def ingevuld(reeks: pd.Series) -> np.ndarray:
    """Waar waar een gegeven echt ingevuld is (niet leeg, niet enkel spaties).

    >>> import pandas as pd
    >>> ingevuld(pd.Series(["an@x.be", None, "  ", "0470"])).tolist()
    [True, False, False, True]
    """
    return (reeks.notna() & (reeks.astype("string").str.strip().fillna("") != "")).to_numpy(dtype=bool)


def _in(waarden: np.ndarray, gezocht: object) -> np.ndarray:
    """``np.isin`` met een hashtabel: voor tekst veel sneller dan numpy, dat de tekst eerst sorteert."""
    return pd.Series(waarden, dtype=object).isin(pd.Series(gezocht, dtype=object)).to_numpy(dtype=bool)


def _vereis_contacten(actiecontacten: pd.DataFrame, klant: str) -> None:
    vereis_kolommen(actiecontacten, [klant, *CONTACTKOLOMMEN], "actiecontacten")
    for kolom in CONTACTKOLOMMEN[1:]:
        vereis_waar(actiecontacten, kolom, "actiecontacten")


def _genegeerd(
    actiecontacten: pd.DataFrame,
    acties: pd.DataFrame | None,
    laat_rusten_na: int,
    klant: str,
    rust_dagen: int | None = None,
    peildatum: object = None,
) -> tuple[set[str], set[str]]:
    """Wie schreef zich ooit uit, en wie laat je op ``peildatum`` nog rusten (zie `rustende_klanten`)?"""
    _vereis_contacten(actiecontacten, klant)
    uitgeschreven = set(actiecontacten.loc[actiecontacten["uitgeschreven"], klant].astype("str"))
    if not laat_rusten_na:
        return uitgeschreven, set()
    rust = rustende_klanten(actiecontacten, acties, peildatum, laat_rusten_na, rust_dagen, klant=klant)
    return uitgeschreven, set(rust.loc[rust["rust"], klant].astype("str"))


@belgische_tijd
def rustende_klanten(
    actiecontacten: pd.DataFrame,
    acties: pd.DataFrame | None = None,
    peildatum: object = None,
    laat_rusten_na: int = 3,
    rust_dagen: int | None = 180,
    klant: str = "klant_id",
) -> pd.DataFrame:
    """Wie reageerde niet op zijn laatste ``laat_rusten_na`` acties, en tot wanneer laat je hem rusten?

    "Blijf niet eindeloos sturen naar wie niet reageert, maar laat hem even rusten" (UCLL-toolkit
    detailhandel, fiche Communicatie). Per klant tellen de acties die hij echt kreeg (``verzonden``),
    op volgorde van ``acties.startdatum`` (zonder ``acties``: op ``actie_id``). Opende noch gebruikte
    hij de laatste ``laat_rusten_na`` daarvan, dan rust hij ``rust_dagen`` dagen na het einde van de
    laatste (``einddatum``, anders ``startdatum``): tot en met ``rust_tot``. Daarna mag hij weer een
    actie krijgen; negeert hij ook die, dan rust hij opnieuw. Met ``rust_dagen=None`` (of zonder
    ``acties``, dus zonder datums) is de rust onbeperkt: ``rust_tot`` blijft leeg tot hij weer reageert.

    ``peildatum`` is de dag waarop je de nieuwe actie verstuurt; standaard de laatste dag van de
    recentste actie in ``acties``. ``rust`` zegt of de klant op die dag nog rust.

    Geeft één rij per klant die zijn laatste acties negeerde: ``klant``, ``laatste_actie``,
    ``einde_laatste_actie``, ``rust_tot`` en ``rust``.

    >>> import pandas as pd
    >>> acties = pd.DataFrame({"actie_id": ["A1", "A2"],
    ...                        "startdatum": pd.to_datetime(["2025-01-10", "2025-03-01"]),
    ...                        "einddatum": pd.to_datetime(["2025-01-31", "2025-03-31"])})
    >>> contacten = pd.DataFrame({"actie_id": ["A1", "A2", "A1", "A2"], "klant_id": ["K1", "K1", "K2", "K2"],
    ...     "verzonden": True, "geopend": [False, False, True, False], "ingewisseld": False,
    ...     "uitgeschreven": False})
    >>> r = rustende_klanten(contacten, acties, peildatum=pd.Timestamp("2025-06-01"), laat_rusten_na=2,
    ...                      rust_dagen=90)
    >>> r[["klant_id", "rust_tot", "rust"]]
      klant_id   rust_tot  rust
    0       K1 2025-06-29  True
    """
    if laat_rusten_na < 1:
        raise InvoerFout(f"'laat_rusten_na' moet minstens 1 zijn, niet {laat_rusten_na}.")
    if rust_dagen is not None and rust_dagen < 0:
        raise InvoerFout(f"'rust_dagen' moet 0 of meer zijn (of None: onbeperkt), niet {rust_dagen}.")
    _vereis_contacten(actiecontacten, klant)
    actiecontacten = met_klant_ids(actiecontacten, klant, "actiecontacten")
    ontvangen = actiecontacten.loc[actiecontacten["verzonden"] & actiecontacten[klant].notna()]
    einde = pd.Series(pd.NaT, index=ontvangen.index, dtype="datetime64[us]")
    if acties is None:
        volgorde = ontvangen["actie_id"].astype("str")
    else:
        vereis_kolommen(acties, ["actie_id", "startdatum"], "acties")
        _vereis_datumtype(acties, "startdatum", "acties")
        per_actie = acties.set_index("actie_id")
        volgorde = ontvangen["actie_id"].map(per_actie["startdatum"])
        if volgorde.isna().any():
            onbekend = ontvangen.loc[volgorde.isna(), "actie_id"].iloc[0]
            raise InvoerFout(
                f"De actie '{onbekend}' uit 'actiecontacten' staat niet (met startdatum) in 'acties'."
            )
        afloop = per_actie["startdatum"]
        if "einddatum" in acties.columns:
            _vereis_datumtype(acties, "einddatum", "acties")
            afloop = per_actie["einddatum"].fillna(per_actie["startdatum"])
        einde = ontvangen["actie_id"].map(afloop).astype("datetime64[us]")
        if peildatum is None:
            peildatum = afloop.max()
    laatste = (
        ontvangen.assign(
            _volgorde=volgorde, _einde=einde, _reactie=ontvangen["geopend"] | ontvangen["ingewisseld"]
        )
        .sort_values([klant, "_volgorde"], kind="stable")
        .groupby(klant, observed=True)
        .tail(laat_rusten_na)
        .groupby(klant, observed=True)
        .agg(_n=("_reactie", "size"), _ooit=("_reactie", "any"), laatste_actie=("actie_id", "last"),
             einde_laatste_actie=("_einde", "last"))
    )
    laatste = laatste.loc[(laatste["_n"] >= laat_rusten_na) & ~laatste["_ooit"]]
    rust_tot = laatste["einde_laatste_actie"].dt.normalize() + pd.Timedelta(days=rust_dagen or 0)
    if rust_dagen is None:
        rust_tot = pd.Series(pd.NaT, index=laatste.index, dtype="datetime64[us]")
    nog = rust_tot.isna() if peildatum is None else rust_tot.isna() | (pd.Timestamp(peildatum) <= rust_tot)
    return laatste[["laatste_actie", "einde_laatste_actie"]].assign(
        rust_tot=rust_tot, rust=nog.to_numpy(dtype=bool)
    ).reset_index()


@belgische_tijd
def doellijst(
    klanten: pd.DataFrame,
    kanaal: str | None = None,
    actiecontacten: pd.DataFrame | None = None,
    acties: pd.DataFrame | None = None,
    laat_rusten_na: int | None = 3,
    klant: str = "klant_id",
    rust_dagen: int | None = 180,
    peildatum: object = None,
) -> Doellijst:
    """Wie mag je voor een actie aanschrijven, en via welk kanaal? Met de redenen voor wie wegvalt.

    Regels, in deze volgorde (de eerste die faalt, is de ``reden`` in ``weggelaten``):

    1. ``toestemming_marketing`` moet waar zijn;
    2. het ``voorkeurkanaal`` mag niet "geen" of leeg zijn, en moet ``kanaal`` zijn als je een kanaal
       kiest (wie sms verkiest, komt niet op een e-maillijst). Zonder ``kanaal`` krijgt elke klant
       zijn eigen voorkeurkanaal (kolom ``kanaal`` in de lijst);
    3. het contactgegeven voor dat kanaal moet ingevuld zijn (``email``; ``telefoon``; ``straat``,
       ``postcode`` en ``gemeente`` voor post);
    4. wie zich bij een eerdere actie uitschreef (``actiecontacten.uitgeschreven``), valt weg;
    5. "laat ze even rusten": wie de laatste ``laat_rusten_na`` acties die hij kreeg (``verzonden``)
       niet opende en niet gebruikte, valt weg (``None`` of 0 = niet toepassen), maar niet voor
       altijd: hij rust ``rust_dagen`` dagen na het einde van de laatste actie en mag op
       ``peildatum`` (de dag van je nieuwe actie) weer als die rust voorbij is. De volgorde en de
       datums van de acties komen uit ``acties`` (zie `rustende_klanten`); zonder ``acties`` of met
       ``rust_dagen=None`` is de rust onbeperkt.

    Geeft ``Doellijst(lijst, weggelaten)``: ``lijst`` zijn de rijen van ``klanten`` plus ``kanaal``;
    ``weggelaten`` heeft ``klant_id`` (en naam als die er is) en ``reden``. Samen zijn het alle klanten.

    Klantnummers worden vergeleken zoals `helpers.klantid` ze normaliseert: wie in ``klanten`` 101
    heet en in ``actiecontacten`` 101.0 of "0101", is dezelfde klant (de lijst toont het
    genormaliseerde nummer). Delen de twee tabellen geen enkel klantnummer, dan is dat een
    `InvoerFout`: anders zou een uitschrijving stil verloren gaan. Staat een klant meer dan eens in
    ``klanten``, dan telt de strengste rij: zonder toestemming op één rij is geen toestemming, en wie
    al op de lijst staat, komt er geen tweede keer op. Een lege toestemming is geen toestemming.

    >>> import pandas as pd
    >>> klanten = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "toestemming_marketing": [True] * 3,
    ...                         "voorkeurkanaal": ["e-mail", "sms", "e-mail"],
    ...                         "email": ["an@voorbeeld.be", None, None], "telefoon": [None, "0470", None]})
    >>> uit = doellijst(klanten, kanaal="e-mail")
    >>> uit.lijst["klant_id"].tolist()
    ['K1']
    >>> uit.weggelaten
      klant_id                            reden
    0       K2  verkiest een ander kanaal (sms)
    1       K3            e-mailadres ontbreekt
    """
    if kanaal is not None and kanaal not in KANALEN:
        raise InvoerFout(f"Onbekend kanaal {kanaal!r}. Kies uit: {', '.join(KANALEN)} (of None).")
    if laat_rusten_na is not None and laat_rusten_na < 0:
        raise InvoerFout(f"'laat_rusten_na' moet 0 of meer zijn, niet {laat_rusten_na}.")
    vereis_kolommen(klanten, [klant, "toestemming_marketing", "voorkeurkanaal"], "klanten")
    vereis_niet_leeg(klanten, "klanten")
    vereis_waar(klanten, "toestemming_marketing", "klanten")
    klanten, actiecontacten = koppel_klanten(
        (klanten, "klanten"), (actiecontacten, "actiecontacten"), klant=klant
    )
    voorkeur = klanten["voorkeurkanaal"].astype("string").fillna("").to_numpy(dtype=object)
    gekozen = np.full(len(klanten), kanaal, dtype=object) if kanaal else voorkeur
    in_gebruik = [k for k in KANALEN if (gekozen == k).any()]
    vereis_kolommen(klanten, [veld for k in in_gebruik for veld in KANALEN[k]], "klanten")
    bereikbaar = np.zeros(len(klanten), dtype=bool)
    for k in in_gebruik:
        velden = np.logical_and.reduce([ingevuld(klanten[veld]) for veld in KANALEN[k]])
        bereikbaar |= (gekozen == k) & velden
    ids = klanten[klant].astype("str").to_numpy()
    uitgeschreven, rust = set(), set()
    if actiecontacten is not None:
        uitgeschreven, rust = _genegeerd(
            actiecontacten, acties, laat_rusten_na or 0, klant, rust_dagen, peildatum
        )
    ontbrekend = np.array([_ONTBREKEND.get(k, "") for k in gekozen], dtype=object)
    toestemming = klanten["toestemming_marketing"].fillna(False).to_numpy(dtype=bool)
    gekend = klanten[klant].notna().to_numpy()
    elders_geweigerd = gekend & _in(ids, ids[gekend & ~toestemming])
    redenen = [
        (~toestemming, "geen toestemming voor marketing"),
        (elders_geweigerd, "geen toestemming voor marketing (op een andere rij met hetzelfde klantnummer)"),
        (voorkeur == "geen", "wil geen marketing (voorkeurkanaal 'geen')"),
        (voorkeur == "", "voorkeurkanaal onbekend"),
        (~_in(voorkeur, list(KANALEN)), "onbekend voorkeurkanaal (" + voorkeur + ")"),
        (voorkeur != gekozen, "verkiest een ander kanaal (" + voorkeur + ")"),
        (~bereikbaar, ontbrekend),
        (_in(ids, list(uitgeschreven)), "uitgeschreven bij een eerdere actie"),
        (_in(ids, list(rust)), f"laat even rusten: reageerde niet op de laatste {laat_rusten_na} acties"),
    ]
    reden = np.select([c for c, _ in redenen], [np.broadcast_to(r, len(klanten)) for _, r in redenen], "")
    dubbel = (reden == "") & gekend & pd.Series(ids).where(reden == "").duplicated().to_numpy()
    reden = np.where(dubbel, "staat al op de lijst (zelfde klantnummer)", reden)
    blijft = reden == ""
    naam = [k for k in ("voornaam", "achternaam", _RIJ) if k in klanten.columns]
    weggelaten = klanten.loc[~blijft, [klant, *naam]].assign(reden=reden[~blijft].astype("str"))
    return Doellijst(
        lijst=klanten.loc[blijft].assign(kanaal=gekozen[blijft].astype("str")).reset_index(drop=True),
        weggelaten=weggelaten.reset_index(drop=True),
    )


def _vereis_datumtype(df: pd.DataFrame, kolom: str, tabel: str = "klanten") -> None:
    """Controleer dat ``kolom`` datums bevat; lege datums mogen (die klant valt dan weg met een reden)."""
    vereis_kolommen(df, [kolom], tabel)
    if not pd.api.types.is_datetime64_any_dtype(df[kolom]):
        raise InvoerFout(
            f"De kolom '{kolom}' in '{tabel}' moet datums bevatten, maar heeft type {df[kolom].dtype}. "
            f"Zet ze om met pd.to_datetime(...)."
        )


def _selectie(
    klanten: pd.DataFrame,
    treffer: pd.Series,
    extra: dict[str, pd.Series],
    sorteer: list[str],
    onbekend: pd.Series | None,
    reden_onbekend: str,
    regels: dict[str, Any],
) -> Doellijst:
    """De klanten met ``treffer`` als doellijst (zie `doellijst`); wie ``onbekend`` is, valt weg."""
    klant = regels.get("klant", "klant_id")
    vereis_kolommen(klanten, [klant], "klanten")
    uit = doellijst(klanten.assign(**extra, **{_RIJ: np.arange(len(klanten))}), **regels)
    gekozen = np.flatnonzero(treffer.fillna(False).to_numpy(dtype=bool))  # per rij, niet per klantnummer
    lijst = uit.lijst.loc[uit.lijst[_RIJ].isin(gekozen)].drop(columns=_RIJ)
    weg = uit.weggelaten.loc[uit.weggelaten[_RIJ].isin(gekozen)].drop(columns=_RIJ)
    uit = Doellijst(
        lijst=lijst.sort_values(sorteer, kind="stable", ignore_index=True),
        weggelaten=weg.reset_index(drop=True),
    )
    if onbekend is None or not onbekend.any():
        return uit
    naam = [k for k in ("voornaam", "achternaam") if k in klanten.columns]
    zonder = klanten.loc[onbekend.to_numpy(dtype=bool), [klant, *naam]].assign(reden=reden_onbekend)
    zonder = met_klant_ids(zonder, klant, "klanten")
    return uit._replace(weggelaten=pd.concat([uit.weggelaten, zonder], ignore_index=True))


def _controleer_maand(maand: int) -> None:
    if not 1 <= maand <= 12:
        raise InvoerFout(f"Een maand is een getal van 1 tot 12, niet {maand}.")


@belgische_tijd
def verjaardagslijst(klanten: pd.DataFrame, maand: int, jaar: int | None = None, **regels: Any) -> Doellijst:
    """Klanten die in ``maand`` (1–12) verjaren, gesorteerd op dag, klaar voor een verjaardagsactie.

    Het is een mailinglijst: dezelfde regels als `doellijst` (toestemming, voorkeurkanaal,
    contactgegeven, uitgeschreven, laat even rusten); extra argumenten (``kanaal=``,
    ``actiecontacten=``, ...) gaan naar `doellijst`. Kolom ``dag``: de dag van de verjaardag; met
    ``jaar`` ook ``leeftijd``: hoe oud de klant dat jaar wordt. Klanten zonder geboortedatum staan in
    ``weggelaten`` met reden "geboortedatum onbekend".

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "toestemming_marketing": [True] * 3,
    ...                   "voorkeurkanaal": ["sms"] * 3, "telefoon": ["0470 12 34 56"] * 3,
    ...                   "geboortedatum": pd.to_datetime(["1980-05-20", "1990-06-01", "2001-05-03"])})
    >>> verjaardagslijst(k, maand=5, jaar=2025).lijst[["klant_id", "dag", "leeftijd", "kanaal"]]
      klant_id  dag  leeftijd kanaal
    0       K3    3        24    sms
    1       K1   20        45    sms
    """
    _controleer_maand(maand)
    vereis_niet_leeg(klanten, "klanten")
    _vereis_datumtype(klanten, "geboortedatum")
    geboren = klanten["geboortedatum"]
    extra = {"dag": geboren.dt.day.astype("Int64")}
    if jaar is not None:
        extra["leeftijd"] = (jaar - geboren.dt.year).astype("Int64")
    treffer = geboren.dt.month == maand
    return _selectie(klanten, treffer, extra, ["dag"], geboren.isna(), "geboortedatum onbekend", regels)


@belgische_tijd
def klantjubileumlijst(klanten: pd.DataFrame, maand: int, jaar: int, **regels: Any) -> Doellijst:
    """Klanten die in ``maand`` van ``jaar`` een rond aantal jaren klant zijn (datum van inschrijving).

    Kolom ``jaren``: hoeveel jaar klant (minstens 1), de trouwste eerst. Mailinglijst met dezelfde
    regels als `doellijst` (extra argumenten gaan daarheen); zonder inschrijfdatum: in ``weggelaten``.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "toestemming_marketing": [True] * 3,
    ...                   "voorkeurkanaal": ["e-mail"] * 3, "email": ["x@voorbeeld.be"] * 3,
    ...                   "inschrijfdatum": pd.to_datetime(["2020-03-02", "2023-03-15", "2025-03-01"])})
    >>> klantjubileumlijst(k, maand=3, jaar=2025).lijst[["klant_id", "jaren"]]
      klant_id  jaren
    0       K1      5
    1       K2      2
    """
    _controleer_maand(maand)
    vereis_niet_leeg(klanten, "klanten")
    _vereis_datumtype(klanten, "inschrijfdatum")
    sinds = klanten["inschrijfdatum"]
    jaren = (jaar - sinds.dt.year).astype("Int64")
    treffer = (sinds.dt.month == maand) & (jaren >= 1)
    onbekend = sinds.isna()
    uit = _selectie(klanten, treffer, {"jaren": jaren}, [], onbekend, "inschrijfdatum onbekend", regels)
    gesorteerd = uit.lijst.sort_values("jaren", ascending=False, kind="stable", ignore_index=True)
    return uit._replace(lijst=gesorteerd)


@belgische_tijd
def clublijst(klanten: pd.DataFrame, club: str | Sequence[str], **regels: Any) -> Doellijst:
    """Leden van een sportclub (kolom ``sportclub``; hoofdletters en spaties rond de naam tellen niet).

    ``club`` is één naam of een lijst namen. Mailinglijst met dezelfde regels als `doellijst`.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2"], "toestemming_marketing": [True, True],
    ...                   "voorkeurkanaal": ["post", "post"], "straat": ["Markt 1", "Kerkstraat 2"],
    ...                   "postcode": ["3500", "3600"], "gemeente": ["Hasselt", "Genk"],
    ...                   "sportclub": ["KRC Genk ", "Hasselt Atletiek"]})
    >>> clublijst(k, "krc genk").lijst["klant_id"].tolist()
    ['K1']
    """
    namen = [club] if isinstance(club, str) else list(club)
    if not namen:
        raise InvoerFout("Geef minstens één clubnaam.")
    vereis_kolommen(klanten, ["sportclub"], "klanten")
    vereis_niet_leeg(klanten, "klanten")
    gezocht = {naam.strip().casefold() for naam in namen}
    leden = klanten["sportclub"].astype("string").str.strip().str.casefold().isin(gezocht)
    return _selectie(klanten, leden, {}, [], None, "", regels)


@belgische_tijd
def regiolijst(
    klanten: pd.DataFrame,
    gemeenten: str | Sequence[str] | None = None,
    max_afstand_km: float | None = None,
    **regels: Any,
) -> Doellijst:
    """Klanten uit bepaalde ``gemeenten`` en/of binnen ``max_afstand_km`` van de winkel (``afstand_km``).

    Geef je beide, dan moet een klant aan beide voldoen. Gesorteerd op afstand (als die kolom er is).
    Mailinglijst met dezelfde regels als `doellijst`; met ``max_afstand_km`` valt wie geen afstand
    heeft weg met reden "afstand onbekend".

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "toestemming_marketing": [True] * 3,
    ...                   "voorkeurkanaal": ["e-mail"] * 3, "email": ["x@voorbeeld.be"] * 3,
    ...                   "gemeente": ["Hasselt", "Genk", "Hasselt"], "afstand_km": [4.0, 15.0, 1.5]})
    >>> regiolijst(k, gemeenten="hasselt").lijst["klant_id"].tolist()
    ['K3', 'K1']
    >>> regiolijst(k, max_afstand_km=10).lijst["klant_id"].tolist()
    ['K3', 'K1']
    """
    if gemeenten is None and max_afstand_km is None:
        raise InvoerFout("Geef 'gemeenten', 'max_afstand_km' of allebei om de regio af te bakenen.")
    vereis_niet_leeg(klanten, "klanten")
    treffer = pd.Series(True, index=klanten.index)
    onbekend = None
    if gemeenten is not None:
        namen = [gemeenten] if isinstance(gemeenten, str) else list(gemeenten)
        vereis_kolommen(klanten, ["gemeente"], "klanten")
        gezocht = {naam.strip().casefold() for naam in namen}
        treffer &= klanten["gemeente"].astype("string").str.strip().str.casefold().isin(gezocht).fillna(False)
    if max_afstand_km is not None:
        vereis_kolommen(klanten, ["afstand_km"], "klanten")
        if not pd.api.types.is_numeric_dtype(klanten["afstand_km"]):
            raise InvoerFout(
                f"De kolom 'afstand_km' moet getallen bevatten, niet {klanten['afstand_km'].dtype}."
            )
        treffer &= (klanten["afstand_km"] <= max_afstand_km).fillna(False)
        onbekend = klanten["afstand_km"].isna()
    sorteer = ["afstand_km"] if "afstand_km" in klanten.columns else []
    return _selectie(klanten, treffer, {}, sorteer, onbekend, "afstand onbekend", regels)


def _twee_aandelen(
    x_doel: object, n_doel: object, x_controle: object, n_controle: object, betrouwbaarheid: float
) -> dict[str, np.ndarray]:
    """Z-toets en Newcombe-interval voor het verschil van twee aandelen, gevectoriseerd (`uplift_test`)."""
    ondergrens, bovengrens = newcombe_interval(x_doel, n_doel, x_controle, n_controle, betrouwbaarheid)
    x1, n1, x2, n2 = (np.asarray(a, dtype="float64") for a in (x_doel, n_doel, x_controle, n_controle))
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = x1 / n1, x2 / n2
        samen = (x1 + x2) / (n1 + n2)
        fout_h0 = np.sqrt(samen * (1 - samen) * (1 / n1 + 1 / n2))
        z = np.where(fout_h0 > 0, (p1 - p2) / fout_h0, np.nan)
    return {
        "conversie_doel": p1,
        "conversie_controle": p2,
        "uplift": p1 - p2,
        "z": z,
        "p_waarde": 2 * ndtr(-np.abs(z)),
        "ondergrens": ondergrens,
        "bovengrens": bovengrens,
    }


def uplift_test(
    conversies_doel: int,
    n_doel: int,
    conversies_controle: int,
    n_controle: int,
    betrouwbaarheid: float = 0.95,
) -> dict[str, float]:
    """Werkte de actie? Vergelijk de conversie van de doelgroep met die van de controlegroep.

    ``uplift`` = conversie doelgroep − conversie controlegroep (aandelen tussen 0 en 1). De ``z``-toets
    gebruikt de gepoolde standaardfout onder de nulhypothese (geen verschil):
    z = (p₁ − p₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), tweezijdige ``p_waarde``; z² is precies de
    chi-kwadraat van de 2×2-tabel zonder continuïteitscorrectie.

    Het betrouwbaarheidsinterval (``ondergrens``, ``bovengrens``) is het hybride score-interval van
    Newcombe (`helpers.intervallen.newcombe_interval`): ook bij kleine groepen eerlijk (0 van de 2
    tegen 0 van de 2 geeft −0,66 tot +0,66, niet "precies 0"). Ligt het hele interval boven 0, dan
    werkte de actie aantoonbaar; bevat het 0, dan kun je een effect niet van toeval onderscheiden.

    >>> uit = uplift_test(60, 1000, 40, 1000)
    >>> round(uit["uplift"], 3), round(uit["z"], 2), round(uit["p_waarde"], 3)
    (0.02, 2.05, 0.04)
    >>> round(uit["ondergrens"], 4), round(uit["bovengrens"], 4)
    (0.0008, 0.0395)
    """
    waarden = {"conversies_doel": conversies_doel, "n_doel": n_doel,
               "conversies_controle": conversies_controle, "n_controle": n_controle}
    for naam, waarde in waarden.items():
        if isinstance(waarde, bool) or not float(waarde).is_integer() or waarde < 0:
            raise InvoerFout(f"'{naam}' moet een geheel aantal van 0 of meer zijn, niet {waarde!r}.")
    groepen = ((conversies_doel, n_doel, "doelgroep"), (conversies_controle, n_controle, "controlegroep"))
    for x, n, groep in groepen:
        if n == 0:
            raise InvoerFout(f"De {groep} is leeg (n = 0): er valt niets te vergelijken.")
        if x > n:
            raise InvoerFout(f"De {groep} heeft meer conversies ({x}) dan klanten ({n}).")
    uit = _twee_aandelen(conversies_doel, n_doel, conversies_controle, n_controle, betrouwbaarheid)
    return {naam: float(waarde) for naam, waarde in uit.items()}


def _aankopen_in_periode(
    contacten: pd.DataFrame, tickets: pd.DataFrame, klant: str, datum: str, bedrag: str
) -> tuple[np.ndarray, np.ndarray]:
    """Per contact (``klant``, ``startdatum``, ``einddatum``): kocht die klant iets tijdens de actie
    (een ticket met bedrag > 0), en hoeveel besteedde hij netto (retours eraf) in die periode?"""
    gekend = ~anonieme_tickets(tickets[klant])
    kassa = tickets.loc[gekend, [klant, datum, bedrag]].astype({klant: "str"})
    paren = (
        contacten[[klant, "startdatum", "einddatum"]]
        .astype({klant: "str"})
        .reset_index(drop=True)
        .reset_index(names="_rij")
        .merge(kassa, on=klant, how="inner")
    )
    einde = paren["einddatum"].dt.normalize() + pd.Timedelta(days=1)
    raak = paren.loc[(paren[datum] >= paren["startdatum"].dt.normalize()) & (paren[datum] < einde)]
    koopt = np.zeros(len(contacten), dtype=bool)
    koopt[raak.loc[raak[bedrag] > 0, "_rij"].unique()] = True
    netto = np.bincount(raak["_rij"], weights=raak[bedrag], minlength=len(contacten))
    return koopt, netto


@belgische_tijd
def actieresultaten(
    acties: pd.DataFrame,
    actiecontacten: pd.DataFrame,
    tickets: pd.DataFrame | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    betrouwbaarheid: float = 0.95,
) -> pd.DataFrame:
    """Wat bracht elke actie op? Bereik, open-, inwissel- en uitschrijfgraad, kosten en uplift.

    Per actie (rij van ``acties``), over de doelgroep die de actie echt kreeg (``verzonden``):
    ``verzonden`` (bereik), ``geopend``, ``ingewisseld``, ``uitgeschreven`` (aantallen) en hun graad
    (``opengraad``, ``conversie`` = ingewisseld / verzonden, ``uitschrijfgraad``); ``kost`` =
    ``vaste_kost`` + ``kost_per_contact`` × verzonden, ``kost_per_conversie``.

    Met ``tickets`` ook: ``omzet`` (netto bedrag van de tickets met dit ``actie_id``: de ingewisselde
    bonnen) en ``omzet_per_euro``, en de uplift tegen de controlegroep (``groep == "controle"``,
    kreeg niets): het aandeel klanten dat tussen ``startdatum`` en ``einddatum`` iets kocht, in de
    doelgroep (``koopgraad_doel``) en in de controlegroep (``koopgraad_controle``), het verschil
    ``uplift`` met ``z``, ``p_waarde`` en interval zoals `uplift_test`. Zonder tickets of zonder
    controlegroep blijven die kolommen leeg.

    ``omzet_per_euro`` telt elke ingewisselde bon, ook van klanten die zonder bon even goed gekocht
    hadden. Wat de actie echt opbracht, is de **extra omzet** tegen de controlegroep: de netto
    besteding per klant tijdens de actie in de doelgroep (``omzet_per_klant_doel``) min die in de
    controlegroep (``omzet_per_klant_controle``), maal het aantal klanten dat de actie kreeg:
    ``extra_omzet``, en ``extra_omzet_per_euro`` = extra omzet / kost (boven 1: de actie bracht meer
    omzet op dan ze kostte; de marge is nog lager). Zonder controlegroep: leeg.

    >>> import pandas as pd
    >>> acties = pd.DataFrame({"actie_id": ["A1"], "kost_per_contact": [0.5], "vaste_kost": [100.0]})
    >>> contacten = pd.DataFrame({"actie_id": ["A1"] * 4, "klant_id": ["K1", "K2", "K3", "K4"],
    ...     "groep": ["doelgroep", "doelgroep", "doelgroep", "controle"],
    ...     "verzonden": [True, True, True, False], "geopend": [True, True, False, False],
    ...     "ingewisseld": [True, False, False, False], "uitgeschreven": [False, False, True, False]})
    >>> r = actieresultaten(acties, contacten)
    >>> kolommen = ["verzonden", "opengraad", "conversie", "kost", "kost_per_conversie"]
    >>> r[kolommen].round(3)  # doctest: +NORMALIZE_WHITESPACE
              verzonden  opengraad  conversie   kost  kost_per_conversie
    actie_id
    A1                3      0.667      0.333  101.5               101.5
    """
    vereis_kolommen(acties, ["actie_id", "kost_per_contact", "vaste_kost"], "acties")
    vereis_niet_leeg(acties, "acties")
    vereis_uniek(acties, "actie_id", "acties")
    for kolom in ("kost_per_contact", "vaste_kost"):
        vereis_getallen(acties, kolom, "acties")
    vereis_kolommen(actiecontacten, [klant, "groep", *CONTACTKOLOMMEN], "actiecontacten")
    _vereis_contacten(actiecontacten, klant)
    groep = actiecontacten["groep"].astype("string")
    doel = actiecontacten.loc[(groep == "doelgroep").fillna(False) & actiecontacten["verzonden"]]
    telling = doel.groupby("actie_id", observed=True)[list(CONTACTKOLOMMEN[1:])].sum()
    ids = pd.Index(acties["actie_id"], name="actie_id")
    tabel = telling.reindex(ids, fill_value=0).astype("int64")
    verzonden = tabel["verzonden"].where(tabel["verzonden"] > 0)
    aantal = tabel["verzonden"].to_numpy()
    kost = acties["vaste_kost"].to_numpy() + acties["kost_per_contact"].to_numpy() * aantal
    beschrijving = [k for k in ("naam", "soort", "kanaal") if k in acties.columns]
    tabel = acties.set_index("actie_id")[beschrijving].join(tabel).assign(
        opengraad=tabel["geopend"] / verzonden,
        conversie=tabel["ingewisseld"] / verzonden,
        uitschrijfgraad=tabel["uitgeschreven"] / verzonden,
        kost=kost,
        kost_per_conversie=kost / tabel["ingewisseld"].where(tabel["ingewisseld"] > 0),
    )
    extra = ["omzet", "omzet_per_euro", "n_controle", "koopgraad_doel", "koopgraad_controle",
             "uplift", "z", "p_waarde", "ondergrens", "bovengrens", "omzet_per_klant_doel",
             "omzet_per_klant_controle", "extra_omzet", "extra_omzet_per_euro"]
    if tickets is None:
        return tabel.assign(**{k: np.nan for k in extra})
    vereis_kolommen(tickets, [klant, datum, bedrag, "actie_id"], "tickets")
    actiecontacten, tickets = koppel_klanten(
        (actiecontacten, "actiecontacten"), (tickets, "tickets"), klant=klant
    )
    groep = actiecontacten["groep"].astype("string")
    vereis_datums(tickets, datum, "tickets")
    vereis_getallen(tickets, bedrag, "tickets")
    vereis_kolommen(acties, ["startdatum", "einddatum"], "acties")
    vereis_datums(acties, "startdatum", "acties")
    vereis_datums(acties, "einddatum", "acties")
    omzet = tickets.groupby("actie_id", observed=True)[bedrag].sum().reindex(ids, fill_value=0.0)
    controle = (groep == "controle").fillna(False)
    gekregen = (groep == "doelgroep").fillna(False) & actiecontacten["verzonden"]
    gemeten = actiecontacten.loc[(controle | gekregen) & actiecontacten[klant].notna()]
    gemeten = gemeten.merge(acties[["actie_id", "startdatum", "einddatum"]], on="actie_id", how="inner")
    koopt, netto = _aankopen_in_periode(gemeten, tickets, klant, datum, bedrag)
    in_doel = gemeten["groep"].astype("string") == "doelgroep"
    gemeten = gemeten.assign(_koopt=koopt, _netto=netto, _doel=in_doel)
    koop_doel, koop_ctrl = (
        gemeten.loc[masker]
        .groupby("actie_id", observed=True)
        .agg(sum=("_koopt", "sum"), size=("_koopt", "size"), omzet=("_netto", "mean"))
        .reindex(ids)
        for masker in (gemeten["_doel"], ~gemeten["_doel"])
    )
    extra_omzet = ((koop_doel["omzet"] - koop_ctrl["omzet"]) * koop_doel["size"]).to_numpy()
    toets = _twee_aandelen(
        koop_doel["sum"], koop_doel["size"], koop_ctrl["sum"], koop_ctrl["size"], betrouwbaarheid
    )
    return tabel.assign(
        omzet=omzet.to_numpy(),
        omzet_per_euro=omzet.to_numpy() / np.where(kost > 0, kost, np.nan),
        n_controle=koop_ctrl["size"].fillna(0).astype("int64").to_numpy(),
        koopgraad_doel=toets["conversie_doel"],
        koopgraad_controle=toets["conversie_controle"],
        uplift=toets["uplift"],
        z=toets["z"],
        p_waarde=toets["p_waarde"],
        ondergrens=toets["ondergrens"],
        bovengrens=toets["bovengrens"],
        omzet_per_klant_doel=koop_doel["omzet"].to_numpy(),
        omzet_per_klant_controle=koop_ctrl["omzet"].to_numpy(),
        extra_omzet=extra_omzet,
        extra_omzet_per_euro=extra_omzet / np.where(kost > 0, kost, np.nan),
    )


class Overgangen(NamedTuple):
    """Van productlijn (rij) naar productlijn (kolom) op de volgende aankoopdag: aantallen en rij-aandelen."""

    aantallen: pd.DataFrame
    aandelen: pd.DataFrame


def _lijnen_per_aankoopdag(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    klant: str,
    datum: str,
    bedrag: str,
    productlijn: str,
    extra: Sequence[str] = (),
) -> pd.DataFrame:
    """Welke productlijnen kocht elke gekende klant op elke aankoopdag? (``_klant``, ``_dag``, ``_lijn``,
    en de kolommen ``extra`` van ``producten``)."""
    vereis_kolommen(tickets, ["ticket_id", klant, datum, bedrag], "tickets")
    vereis_kolommen(ticketlijnen, ["ticket_id", "product_id", "aantal"], "ticketlijnen")
    vereis_kolommen(producten, ["product_id", productlijn, *extra], "producten")
    for df, naam in ((tickets, "tickets"), (ticketlijnen, "ticketlijnen"), (producten, "producten")):
        vereis_niet_leeg(df, naam)
    vereis_datums(tickets, datum, "tickets")
    vereis_getallen(tickets, bedrag, "tickets")
    vereis_getallen(ticketlijnen, "aantal", "ticketlijnen")
    tickets = met_klant_ids(tickets, klant, "tickets")
    gekend_koop = ~anonieme_tickets(tickets[klant]) & (tickets[bedrag] > 0).to_numpy()
    kopen = tickets.loc[gekend_koop, ["ticket_id", klant, datum]]
    lijnen = ticketlijnen.loc[ticketlijnen["aantal"] > 0, ["ticket_id", "product_id"]]
    kolommen = ["product_id", productlijn, *extra]
    samen = kopen.merge(lijnen, on="ticket_id").merge(producten[kolommen], on="product_id")
    samen = samen.loc[samen[productlijn].notna()]
    return pd.DataFrame(
        {
            "_klant": samen[klant].astype("str"),
            "_dag": samen[datum].dt.normalize(),
            "_lijn": samen[productlijn].astype("str"),
            **{kolom: samen[kolom] for kolom in extra},
        }
    ).drop_duplicates(ignore_index=True)


def _overgangen(dagen: pd.DataFrame) -> Overgangen:
    volgorde = dagen[["_klant", "_dag"]].drop_duplicates().sort_values(["_klant", "_dag"])
    volgorde = volgorde.assign(_nr=volgorde.groupby("_klant").cumcount())
    genummerd = dagen.merge(volgorde, on=["_klant", "_dag"])
    paren = genummerd.merge(
        genummerd.assign(_nr=genummerd["_nr"] - 1), on=["_klant", "_nr"], suffixes=("_van", "_naar")
    )
    alle = sorted(dagen["_lijn"].unique())
    aantallen = (
        pd.crosstab(paren["_lijn_van"], paren["_lijn_naar"])
        .reindex(index=alle, columns=alle, fill_value=0)
        .rename_axis(index="van", columns="naar")
    )
    totaal = aantallen.sum(axis=1)
    return Overgangen(aantallen, aantallen.div(totaal.where(totaal > 0), axis=0))


@belgische_tijd
def volgende_productlijn(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    productlijn: str = "productlijn",
) -> Overgangen:
    """Wat kopen klanten de volgende keer? Overgangen tussen productlijnen van aankoopdag tot aankoopdag.

    Per gekende klant worden de aankoopdagen (dagen met een ticket met bedrag > 0) op volgorde gezet.
    Elke productlijn van een aankoopdag (rij ``van``) telt één keer mee met elke productlijn van de
    volgende aankoopdag van die klant (kolom ``naar``). ``aantallen`` zijn die tellingen,
    ``aandelen`` de aandelen per rij (elke rij telt op tot 1): "van wat na X gekocht wordt, is zoveel
    Y". Retourlijnen (aantal ≤ 0) en anonieme tickets tellen niet mee.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "klant_id": ["K1", "K1", "K1"],
    ...     "datum": pd.to_datetime(["2025-01-05", "2025-02-01", "2025-03-01"]),
    ...     "bedrag": [80.0, 40.0, 30.0]})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "product_id": ["P1", "P2", "P1"],
    ...                        "aantal": [1, 1, 1]})
    >>> producten = pd.DataFrame({"product_id": ["P1", "P2"], "productlijn": ["schoenen", "sokken"]})
    >>> volgende_productlijn(tickets, lijnen, producten).aantallen  # doctest: +NORMALIZE_WHITESPACE
    naar      schoenen  sokken
    van
    schoenen         0       1
    sokken           1       0
    """
    dagen = _lijnen_per_aankoopdag(tickets, ticketlijnen, producten, klant, datum, bedrag, productlijn)
    return _overgangen(dagen)


@belgische_tijd
def kruisverkoop_kansen(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    min_aandeel: float = 0.1,
    min_aantal: int = 10,
    min_lift: float = 1.2,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    productlijn: str = "productlijn",
) -> pd.DataFrame:
    """Klanten die productlijn X kochten maar nog nooit Y, terwijl X → Y vaak voorkomt.

    Een overgang X → Y (X ≠ Y, zie `volgende_productlijn`) is 'vaak' als ze minstens ``min_aantal``
    keer voorkwam, minstens ``min_aandeel`` is van wat na X gekocht wordt, en Y na X minstens
    ``min_lift`` keer zo vaak volgt als gemiddeld (``lift`` = aandeel van Y na X / aandeel van Y in
    alle overgangen; 1 = X maakt geen verschil). Per klant en kans: ``heeft_gekocht`` (X),
    ``nog_nooit`` (Y), ``aandeel``, ``lift`` en ``aantal`` van die overgang; de sterkste kansen eerst.
    Het is géén mailinglijst: stuur hem door `doellijst` voor je iemand aanschrijft.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "klant_id": ["K1", "K1", "K2"],
    ...     "datum": pd.to_datetime(["2025-01-05", "2025-02-01", "2025-03-01"]),
    ...     "bedrag": [80.0, 40.0, 30.0]})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2", "T3"], "product_id": ["P1", "P2", "P1"],
    ...                        "aantal": [1, 1, 1]})
    >>> producten = pd.DataFrame({"product_id": ["P1", "P2"], "productlijn": ["schoenen", "sokken"]})
    >>> kruisverkoop_kansen(tickets, lijnen, producten, min_aantal=1, min_lift=1)
      klant_id heeft_gekocht nog_nooit  aandeel  lift  aantal
    0       K2      schoenen    sokken      1.0   1.0       1
    """
    if not 0 <= min_aandeel <= 1:
        raise InvoerFout(f"'min_aandeel' is een aandeel tussen 0 en 1, niet {min_aandeel}.")
    dagen = _lijnen_per_aankoopdag(tickets, ticketlijnen, producten, klant, datum, bedrag, productlijn)
    overgangen = _overgangen(dagen)
    paren = overgangen.aantallen.reset_index().melt(id_vars="van", var_name="naar", value_name="aantal")
    aandelen = overgangen.aandelen.reset_index().melt(id_vars="van", var_name="naar", value_name="aandeel")
    basis = overgangen.aantallen.sum(axis=0) / overgangen.aantallen.to_numpy().sum()
    paren = paren.merge(aandelen, on=["van", "naar"])
    paren = paren.assign(lift=paren["aandeel"] / paren["naar"].map(basis))
    paren = paren.loc[
        (paren["van"] != paren["naar"])
        & (paren["aantal"] >= min_aantal)
        & (paren["aandeel"] >= min_aandeel)
        & (paren["lift"] >= min_lift)
    ]
    gekocht = dagen[["_klant", "_lijn"]].drop_duplicates()
    kansen = gekocht.merge(paren, left_on="_lijn", right_on="van")
    al = gekocht.rename(columns={"_lijn": "naar"}).assign(_al=True)
    kansen = kansen.merge(al, on=["_klant", "naar"], how="left")
    kansen = kansen.loc[kansen["_al"].isna()]
    uit = pd.DataFrame(
        {
            klant: kansen["_klant"],
            "heeft_gekocht": kansen["van"],
            "nog_nooit": kansen["naar"],
            "aandeel": kansen["aandeel"],
            "lift": kansen["lift"],
            "aantal": kansen["aantal"].astype("int64"),
        }
    )
    return uit.sort_values(["aandeel", klant, "nog_nooit"], ascending=[False, True, True], ignore_index=True)


@belgische_tijd
def kruisverkooplijst(
    klanten: pd.DataFrame, kansen: pd.DataFrame, van: str, naar: str, **regels: Any
) -> Doellijst:
    """De mailinglijst voor één kruisverkoop: wie kocht ``van`` maar nog nooit ``naar``, en mag je schrijven?

    ``kansen`` komt uit `kruisverkoop_kansen`; de lijst gaat door `doellijst` (toestemming,
    voorkeurkanaal, contactgegeven, uitgeschreven, laat even rusten: extra argumenten zoals
    ``kanaal=``, ``actiecontacten=``, ``acties=``, ``peildatum=`` gaan daarheen). De lijst krijgt de
    kolommen ``heeft_gekocht``, ``nog_nooit``, ``aandeel`` en ``lift`` van het paar erbij.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "toestemming_marketing": [True, False, True],
    ...                   "voorkeurkanaal": ["e-mail"] * 3, "email": ["x@voorbeeld.be"] * 3})
    >>> kansen = pd.DataFrame({"klant_id": ["K1", "K2", "K3"], "heeft_gekocht": ["schoenen"] * 3,
    ...     "nog_nooit": ["sokken", "sokken", "jassen"], "aandeel": [0.4, 0.4, 0.2], "lift": [1.5, 1.5, 1.3],
    ...     "aantal": [20, 20, 10]})
    >>> uit = kruisverkooplijst(k, kansen, "schoenen", "sokken", kanaal="e-mail")
    >>> uit.lijst[["klant_id", "nog_nooit"]].values.tolist(), uit.weggelaten["reden"].tolist()
    ([['K1', 'sokken']], ['geen toestemming voor marketing'])
    """
    klant = regels.get("klant", "klant_id")
    vereis_kolommen(kansen, [klant, "heeft_gekocht", "nog_nooit", "aandeel", "lift"], "kansen")
    vereis_kolommen(klanten, [klant], "klanten")
    vereis_niet_leeg(klanten, "klanten")
    paar = kansen.loc[
        (kansen["heeft_gekocht"].astype("string") == van) & (kansen["nog_nooit"].astype("string") == naar)
    ]
    if paar.empty:
        sterkst = kansen.drop_duplicates(["heeft_gekocht", "nog_nooit"]).head(3)
        paren = zip(sterkst["heeft_gekocht"], sterkst["nog_nooit"], strict=True)
        voorbeelden = ", ".join(f"{a} → {b}" for a, b in paren)
        raise InvoerFout(
            f"Het paar {van} → {naar} staat niet tussen de kansen (onbekend, of te zwak om aan te raden). "
            f"Sterkste paren: {voorbeelden or 'geen'}."
        )
    ids = klant_ids(klanten[klant], klant).astype("string")
    gezocht = set(klant_ids(paar[klant], klant).astype("string").dropna())
    extra = {
        "heeft_gekocht": van,
        "nog_nooit": naar,
        "aandeel": float(paar["aandeel"].iloc[0]),
        "lift": float(paar["lift"].iloc[0]),
    }
    return _selectie(klanten, ids.isin(gezocht), extra, [], None, "", regels)


@belgische_tijd
def opwaardeerkansen(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    min_aankoopdagen: int = 2,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    productlijn: str = "productlijn",
    prijs: str = "catalogusprijs",
) -> pd.DataFrame:
    """Up-sell: wie kocht in een productlijn telkens een instapmodel, en stapt misschien een trede hoger?

    De producten van elke productlijn worden op ``prijs`` in drie even grote prijsklassen gedeeld:
    ``instap``, ``midden`` en ``top``. Een kans is een gekende klant die in een productlijn op minstens
    ``min_aankoopdagen`` dagen kocht en nooit iets boven de instapklasse. Per kans: ``productlijn``,
    ``aankoopdagen``, ``gemiddelde_prijs`` (van wat hij kocht) en ``overstap`` van die productlijn:
    het aandeel klanten dat begon met een instapmodel, terugkwam in die productlijn en later wel een
    duurder model kocht (hoe vaak opwaarderen echt gebeurt). De grootste ``overstap`` eerst. Het is
    géén mailinglijst: stuur de klanten door `doellijst`.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2", "T3", "T4"], "klant_id": ["K1", "K1", "K2", "K2"],
    ...     "datum": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-01-10", "2025-04-01"]),
    ...     "bedrag": [40.0, 45.0, 40.0, 120.0]})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2", "T3", "T4"], "product_id": ["P1", "P1", "P1", "P3"],
    ...                        "aantal": [1, 1, 1, 1]})
    >>> producten = pd.DataFrame({"product_id": ["P1", "P2", "P3"], "productlijn": ["loop"] * 3,
    ...                           "catalogusprijs": [40.0, 80.0, 120.0]})
    >>> opwaardeerkansen(tickets, lijnen, producten)[["klant_id", "productlijn", "aankoopdagen", "overstap"]]
      klant_id productlijn  aankoopdagen  overstap
    0       K1        loop             2       0.5
    """
    if min_aankoopdagen < 1:
        raise InvoerFout(f"'min_aankoopdagen' moet minstens 1 zijn, niet {min_aankoopdagen}.")
    vereis_kolommen(producten, [prijs], "producten")
    vereis_getallen(producten, prijs, "producten")
    per_lijn = producten.groupby(productlijn, observed=True)[prijs]
    rang, aantal = per_lijn.rank(method="min").to_numpy(), per_lijn.transform("size").to_numpy()
    with np.errstate(invalid="ignore"):  # een product zonder productlijn krijgt klasse 0 en telt niet mee
        klasse = np.nan_to_num(np.floor((rang - 1) / aantal * 3) + 1).astype("int64")  # 1 instap .. 3 top
    met_klasse = producten.assign(_klasse=klasse, _prijs=producten[prijs])
    dagen = _lijnen_per_aankoopdag(
        tickets, ticketlijnen, met_klasse, klant, datum, bedrag, productlijn, extra=("_klasse", "_prijs")
    )
    dagen = dagen.sort_values(["_klant", "_lijn", "_dag"], kind="stable")
    per_klant = dagen.groupby(["_klant", "_lijn"], observed=True).agg(
        aankoopdagen=("_dag", "nunique"),
        hoogste=("_klasse", "max"),
        eerste_dag=("_dag", "first"),
        gemiddelde_prijs=("_prijs", "mean"),
    )
    eerste_klasse = dagen.merge(
        per_klant["eerste_dag"].reset_index(), left_on=["_klant", "_lijn", "_dag"],
        right_on=["_klant", "_lijn", "eerste_dag"],
    ).groupby(["_klant", "_lijn"], observed=True)["_klasse"].max()  # fmt: skip
    per_klant = per_klant.assign(begon_instap=eerste_klasse.reindex(per_klant.index) == 1)
    herhaling = per_klant.loc[per_klant["begon_instap"] & (per_klant["aankoopdagen"] >= 2)]
    overstap = (herhaling["hoogste"] > 1).groupby(level="_lijn", observed=True).mean()
    kansen = per_klant.loc[(per_klant["hoogste"] == 1) & (per_klant["aankoopdagen"] >= min_aankoopdagen)]
    uit = pd.DataFrame(
        {
            klant: kansen.index.get_level_values("_klant"),
            "productlijn": kansen.index.get_level_values("_lijn"),
            "aankoopdagen": kansen["aankoopdagen"].to_numpy(dtype="int64"),
            "gemiddelde_prijs": kansen["gemiddelde_prijs"].to_numpy(dtype=float),
            "overstap": kansen.index.get_level_values("_lijn").map(overstap).to_numpy(dtype=float),
        }
    )
    volgorde = ["overstap", "aankoopdagen", klant]
    return uit.sort_values(volgorde, ascending=[False, False, True], ignore_index=True, na_position="last")

"""Oefeningen van notebook 05 RFM en A/B/C-klanten: segmenten, grenzen, A-lijst, VIP-lijst en budget.

Alles wordt berekend met de bibliotheek: `helpers.rfm` (de kaart, de grote eenmalige kopers, de
tijd tussen twee aankoopdagen), `helpers.abc` (A/B/C op meerdere criteria) en `helpers.acties`
(wie je mag aanschrijven: toestemming, uitschrijvingen, "laat ze even rusten").

>>> from helpers.oefeningen import controleer
>>> controleer("05_eigen_vip_regel", {"criteria": ["religie"], "aantal": 40, "kanaal": "e-mail"}).status
'fout'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helpers.abc import CRITERIA, abc_criteria, abc_meervoudig
from helpers.acties import KANALEN, doellijst
from helpers.controle import InvoerFout
from helpers.klantid import klant_ids
from helpers.oefeningen.kern import (
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    is_getal,
    registreer,
)
from helpers.opmaak import euro, getal, procent
from helpers.rfm import (
    ALLE_SEGMENTEN,
    GROTE_EENMALIGE,
    aankoopintervallen,
    rfm_scores,
    rfm_segmenten,
    rfm_tabel,
)

if TYPE_CHECKING:
    from helpers.data import Winkel

GROTE_M = 4
"""Een klant die één keer kocht met een M-score van minstens 4 staat apart (`helpers.rfm.GROTE_EENMALIGE`)."""

SEIZOEN = 182
"""Een seizoen in een winkel met twee seizoenen (lente-zomer, herfst-winter): een half jaar, in dagen."""

JAAR = 365

VIP_MAXIMUM = 150
"""Zoveel uitnodigingen laat het budget van de VIP-voorverkoop toe."""

VIP_GESCHENK = 10.0
"""Wat een gast van de VIP-voorverkoop kost: een drankje en een klein geschenk, in euro."""

BUDGET = 1000.0
"""Het budget voor acties per segment, in euro."""

VASTE_KOST = 150.0
"""Vaste kost van een actie (ontwerp, opmaak) als de winkel geen eigen acties heeft om van te leren."""

KOST_PER_CONTACT = {"e-mail": 0.02, "sms": 0.09, "post": 0.95}
"""Verzendkost per klant en kanaal als de winkel dat kanaal nog niet gebruikte, in euro."""

MAX_GASTEN = 500
"""Meer gasten dan dit is geen VIP-voorverkoop meer (oefening over je eigen winkel)."""


# --- gedeelde berekeningen ---------------------------------------------------------------------------


def segmenten(winkel: Winkel, grote_eenmalige: int | None = GROTE_M) -> pd.DataFrame:
    """De RFM-segmenten van de winkel (kwantielscores, 5 klassen), met de grote eenmalige kopers apart.

    >>> from helpers.data import laad_winkel
    >>> "Grote eenmalige kopers" in set(segmenten(laad_winkel("schoenenzaak"))["segment"])
    True
    """
    tabel = rfm_tabel(winkel.tickets, winkel.peildatum)
    return rfm_segmenten(rfm_scores(tabel), grote_eenmalige=grote_eenmalige)


def verstopte_grote_kopers(winkel: Winkel) -> int:
    """Hoeveel grote eenmalige kopers staan op de gewone kaart bij 'Slapend'?

    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"klant_id": ["K1", "K2", "K3", "K3"], "bedrag": [900.0, 20.0, 50.0, 60.0],
    ...                   "datum": pd.to_datetime(["2023-02-01", "2023-03-01", "2025-11-01", "2025-12-01"])})
    >>> verstopte_grote_kopers(SimpleNamespace(tickets=t, peildatum=pd.Timestamp("2025-12-31")))
    1
    """
    gewoon = segmenten(winkel, None)["segment"]
    apart = segmenten(winkel)["segment"]
    return int(((gewoon == "Slapend") & (apart == GROTE_EENMALIGE)).sum())


def alle_grote_eenmalige(winkel: Winkel) -> int:
    """Alle grote eenmalige kopers, waar ze op de gewone kaart ook staan (een typische fout)."""
    return int((segmenten(winkel)["segment"] == GROTE_EENMALIGE).sum())


def alle_slapers(winkel: Winkel) -> int:
    """Alle klanten in 'Slapend' op de gewone kaart (een typische fout)."""
    return int((segmenten(winkel, None)["segment"] == "Slapend").sum())


def toegelaten(winkel: Winkel) -> pd.DataFrame:
    """Wie je mag aanschrijven (`helpers.acties.doellijst` met de uitschrijvingen en de vorige acties)."""
    return doellijst(winkel.klanten, actiecontacten=winkel.actiecontacten, acties=winkel.acties).lijst


def weggelaten(winkel: Winkel) -> pd.Series:
    """Per klantnummer de reden waarom je die klant niet mag aanschrijven."""
    uit = doellijst(winkel.klanten, actiecontacten=winkel.actiecontacten, acties=winkel.acties).weggelaten
    uit = uit.assign(klant_id=uit["klant_id"].astype("str")).drop_duplicates("klant_id")
    return uit.set_index("klant_id")["reden"]


def criteria(winkel: Winkel) -> pd.DataFrame:
    """Omzet, marge, frequentie en recency per kopende klant (`helpers.abc.abc_criteria`)."""
    return abc_criteria(winkel.tickets, winkel.ticketlijnen, winkel.producten, winkel.peildatum)


def _n(aantal: int, enkel: str, meer: str) -> str:
    """'1 gast', '3 gasten'."""
    return f"{getal(aantal)} {_mv(aantal, enkel, meer)}"


def _mv(aantal: int, enkel: str, meer: str) -> str:
    """Het werkwoord (of de woorden) in het enkelvoud of meervoud, volgens het aantal."""
    return enkel if aantal == 1 else meer


def _ids(klanten: pd.Index | pd.Series) -> pd.Index:
    return pd.Index(klanten).astype("str")


# --- opdracht 1: wat de kaart verstopt ----------------------------------------------------------------

registreer(
    Oefening(
        naam="05_verstopte_grote_kopers",
        vraag=(
            "Hoeveel klanten zet de gewone RFM-kaart bij 'Slapend', terwijl ze grote eenmalige kopers zijn "
            "(één aankoopdag, M-score 4 of 5)?"
        ),
        oplossing=verstopte_grote_kopers,
        fouten=(
            Fout(
                alle_grote_eenmalige,
                "je telde alle grote eenmalige kopers. Gevraagd zijn alleen die welke de gewone kaart bij "
                "'Slapend' zet; de recente staan daar bij de nieuwe of veelbelovende klanten.",
            ),
            Fout(
                alle_slapers,
                "je telde alle slapende klanten. Gevraagd zijn alleen de slapers die met het extra segment "
                "apart komen te staan.",
            ),
        ),
        uitleg=lambda n: (
            f"De gewone kaart verstopt {getal(n)} grote eenmalige kopers tussen de slapers. Met het extra "
            "segment krijgen ze een persoonlijke aanpak in plaats van een goedkope massamail."
        ),
        tip="Maak de segmenten twee keer: één keer gewoon en één keer met de grote eenmalige kopers apart, "
        "en tel de klanten die in de eerste bij 'Slapend' staan en in de tweede apart.",
        soort="berekening",
    )
)


# --- opdracht 2: recency-grenzen voor een winkel met twee seizoenen ------------------------------------


def _twee_grenzen(antwoord: Any) -> tuple[int, int]:
    if isinstance(antwoord, str) or not isinstance(antwoord, list | tuple | np.ndarray | pd.Series):
        raise KeuzeFout("Geef twee grenzen in dagen tussen vierkante haken, bv. [120, 365].")
    waarden = list(antwoord)
    if len(waarden) != 2 or not all(is_getal(w) for w in waarden):
        raise KeuzeFout(
            f"Geef precies twee getallen (dagen): 'recent tot' en 'lang geleden na', bv. [120, 365]; "
            f"je gaf {len(waarden)} waarde(n)."
        )
    recent, lang = (round(float(w)) for w in waarden)
    if recent <= 0 or lang <= recent:
        raise KeuzeFout(
            "De eerste grens ('recent tot') moet groter zijn dan 0 en kleiner dan de tweede ('lang geleden "
            "na')."
        )
    return recent, lang


def oordeel_recency(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Twee recency-grenzen voor de kaart met drie niveaus, in een winkel met twee seizoenen."""
    recent, lang = _twee_grenzen(antwoord)
    terug = aankoopintervallen(winkel.tickets)
    laat = float((terug > lang).mean()) if len(terug) else 0.0
    tabel = rfm_tabel(winkel.tickets, winkel.peildatum)
    omzet = tabel["monetair"].clip(lower=0)
    if lang < SEIZOEN:
        return Oordeel(
            False,
            f"Met {getal(lang)} dagen valt een klant die één seizoen overslaat al bij 'lang geleden' "
            "(Slapend, "
            f"Bijna kwijt, Niet laten gaan). In deze winkel kwam {procent(laat)} van de terugkerende "
            "bezoeken "
            f"pas na meer dan {getal(lang)} dagen: die trouwe klanten krijgen een win-backbrief terwijl ze "
            "gewoon op het nieuwe seizoen wachten.",
        )
    if lang > 2 * JAAR:
        vergeten = (tabel["recency"] > JAAR) & (tabel["recency"] <= lang)
        return Oordeel(
            False,
            f"Pas na {getal(lang)} dagen 'lang geleden': wie vier seizoenen niet kwam, krijgt nog geen "
            f"win-back. Dat zijn {getal(int(vergeten.sum()))} klanten die al meer dan een jaar wegbleven, "
            f"samen goed voor {procent(float(omzet[vergeten].sum() / omzet.sum()))} van de omzet.",
        )
    if recent > JAAR:
        recent_genoemd = (tabel["recency"] > JAAR) & (tabel["recency"] <= recent)
        return Oordeel(
            False,
            f"Met {getal(recent)} dagen noem je wie een vol jaar niet kwam nog 'recent': "
            f"{getal(int(recent_genoemd.sum()))} klanten die al twee seizoenen wegbleven, kunnen zo "
            "Kampioen of Nieuwe klant heten.",
        )
    lang_geleden = tabel["recency"] > lang
    return Oordeel(
        True,
        f"Recent tot {getal(recent)} dagen, lang geleden na {getal(lang)} dagen. "
        f"{getal(int(lang_geleden.sum()))} klanten ({procent(float(lang_geleden.mean()))}) staan in de rij "
        f"'lang geleden', met {procent(float(omzet[lang_geleden].sum() / omzet.sum()))} van de omzet: voor "
        f"hen is een win-backactie. {procent(laat)} van de terugkerende bezoeken kwam pas na meer dan "
        f"{getal(lang)} dagen: zoveel trouwe klanten krijgen te vroeg een win-backbericht.",
    )


registreer(
    Beslissing(
        naam="05_recency_grenzen",
        vraag=(
            "Kies voor de schoenenzaak (twee seizoenen per jaar) twee recency-grenzen in dagen: tot wanneer "
            "is een klant 'recent', en vanaf wanneer 'lang geleden'?"
        ),
        oordeel=oordeel_recency,
        voorbeelden=(
            Voorbeeld(lambda w: [SEIZOEN, JAAR], True, "lang geleden"),
            Voorbeeld(lambda w: [120, 540], True, "lang geleden"),
            Voorbeeld(lambda w: [91, JAAR], True, "lang geleden"),
            Voorbeeld(lambda w: [30, 90], False, "seizoen overslaat"),
            Voorbeeld(lambda w: [JAAR, 3 * JAAR], False, "vier seizoenen"),
            Voorbeeld(lambda w: [400, 600], False, "een vol jaar"),
        ),
        plan="recency_grenzen",
        bewaar=lambda antwoord, w: list(_twee_grenzen(antwoord)),
    )
)


# --- opdracht 3: de A-lijst voor de prio-service --------------------------------------------------------


def _gewichten(antwoord: Any) -> dict[str, float]:
    if not isinstance(antwoord, Mapping):
        raise KeuzeFout(
            "Geef een woordenboek met per criterium een gewicht, bv. {'omzet': 2, 'marge': 2, "
            "'frequentie': 1, 'recency': 1}."
        )
    onbekend = [k for k in antwoord if k not in CRITERIA]
    if onbekend:
        raise KeuzeFout(f"Onbekend criterium {onbekend[0]!r}. Kies uit: {', '.join(CRITERIA)}.")
    if not all(is_getal(g) and g >= 0 for g in antwoord.values()) or sum(antwoord.values()) <= 0:
        raise KeuzeFout("Elk gewicht is een getal van 0 of meer, en minstens één is groter dan 0.")
    return {k: float(g) for k, g in antwoord.items()}


def oordeel_a_lijst(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Gewichten voor de A-lijst op meerdere criteria: de prio-service voor de beste 20% van de klanten."""
    gewichten = _gewichten(antwoord)
    tabel = criteria(winkel)
    try:
        klassen = abc_meervoudig(tabel, gewichten)["abc"]
    except InvoerFout as fout:
        raise KeuzeFout(str(fout)) from fout
    a = klassen == "A"
    alleen_omzet = abc_meervoudig(tabel, {"omzet": 1})["abc"] == "A"
    omzet, marge = tabel["omzet"].clip(lower=0), tabel["marge"].clip(lower=0)
    aandeel = float(omzet[a].sum() / omzet.sum())
    aandeel_ref = float(omzet[alleen_omzet].sum() / omzet.sum())
    weg = tabel["recency"] > JAAR
    if gewichten.get("recency", 0) == 0:
        n = int((a & weg).sum())
        return Oordeel(
            False,
            f"Zonder recency {_mv(n, 'staat', 'staan')} er {_n(n, 'klant', 'klanten')} op je A-lijst die al "
            f"meer dan een jaar niet {_mv(n, 'kwam', 'kwamen')} ({procent(n / max(int(a.sum()), 1))} van je "
            "A-lijst): de prio-service gaat naar wie niet meer komt.",
        )
    if gewichten.get("omzet", 0) + gewichten.get("marge", 0) == 0 or aandeel < 0.85 * aandeel_ref:
        return Oordeel(
            False,
            f"Je A-lijst brengt {procent(aandeel)} van de omzet, tegen {procent(aandeel_ref)} voor een even "
            "lange A-lijst op omzet alleen: je ruilt te veel van de klanten die je zaak dragen in voor wie "
            "toevallig vaak of net kwam. Geef omzet of marge meer gewicht.",
        )
    gemist = int((alleen_omzet & ~a).sum())
    return Oordeel(
        True,
        f"Je A-lijst telt {getal(int(a.sum()))} klanten ({procent(float(a.mean()))}), goed voor "
        f"{procent(aandeel)} van de omzet en {procent(float(marge[a].sum() / marge.sum()))} van de marge; "
        f"daarvan {_mv(int((a & weg).sum()), 'kwam', 'kwamen')} er {getal(int((a & weg).sum()))} al meer "
        "dan een jaar niet (op omzet alleen: "
        f"{getal(int((alleen_omzet & weg).sum()))}). Van de klanten die op omzet alleen A zijn, staan er "
        f"{getal(gemist)} niet op jouw lijst.",
    )


registreer(
    Beslissing(
        naam="05_a_lijst_gewichten",
        vraag=(
            "De schoenenzaak geeft haar A-klanten (de beste 20%) prio-service: gratis aanpassingen en advies "
            "op afspraak. Kies de gewichten van omzet, marge, frequentie en recency voor die A-lijst."
        ),
        oordeel=oordeel_a_lijst,
        voorbeelden=(
            Voorbeeld(
                lambda w: {"omzet": 1, "marge": 1, "frequentie": 1, "recency": 1}, True, "van de marge"
            ),
            Voorbeeld(
                lambda w: {"omzet": 2, "marge": 2, "frequentie": 1, "recency": 1}, True, "van de marge"
            ),
            Voorbeeld(lambda w: {"marge": 1, "recency": 1}, True, "van de marge"),
            Voorbeeld(lambda w: {"omzet": 1}, False, "meer dan een jaar niet"),
            Voorbeeld(lambda w: {"omzet": 1, "marge": 1, "frequentie": 1}, False, "meer dan een jaar niet"),
            Voorbeeld(lambda w: {"frequentie": 1, "recency": 1}, False, "van de omzet, tegen"),
        ),
        plan="a_lijst_gewichten",
    )
)


# --- opdracht 4: de VIP-voorverkoop -----------------------------------------------------------------------


def _klantenlijst(antwoord: Any, winkel: Winkel) -> pd.Series:
    """De klantnummers van een antwoord (lijst, reeks, tabel met klant_id), genormaliseerd als tekst."""
    if isinstance(antwoord, pd.DataFrame):
        if "klant_id" not in antwoord.columns:
            raise KeuzeFout("Je gaf een tabel zonder kolom 'klant_id'. Geef een lijst met klantnummers.")
        waarden = antwoord["klant_id"]
    elif isinstance(antwoord, pd.Series):
        if pd.api.types.is_numeric_dtype(antwoord) and not pd.api.types.is_numeric_dtype(
            winkel.klanten["klant_id"]
        ):
            raise KeuzeFout(
                "Je gaf een reeks met getallen (bedragen of scores); de klantnummers staan in de index van "
                "je reeks. Geef de klantnummers zelf."
            )
        waarden = antwoord
    elif isinstance(antwoord, list | tuple | set | pd.Index | np.ndarray):
        waarden = pd.Series(list(antwoord), dtype=object)
    else:
        raise KeuzeFout(
            "Geef een lijst met klantnummers (bv. een lijst, een reeks of de index van een tabel)."
        )
    if len(waarden) == 0:
        raise KeuzeFout("Je lijst is leeg: nodig minstens één klant uit.")
    try:
        ids = klant_ids(pd.Series(list(waarden), dtype=object)).astype("str")
    except InvoerFout as fout:
        raise KeuzeFout(str(fout)) from fout
    bekend = set(klant_ids(winkel.klanten["klant_id"]).astype("str"))
    vreemd = ids[~ids.isin(bekend)]
    if len(vreemd):
        voorbeeld = str(winkel.klanten["klant_id"].iloc[0])
        raise KeuzeFout(
            f"{getal(len(vreemd))} nummers op je lijst zijn geen klanten van deze winkel, bv. "
            f"{vreemd.iloc[0]!r}. "
            f"Geef klantnummers zoals {voorbeeld!r}."
        )
    return ids


def _redenen(reden: pd.Series) -> str:
    """'12 geen toestemming voor marketing, 3 uitgeschreven bij een eerdere actie'."""
    telling = reden.value_counts()
    return ", ".join(f"{getal(int(n))} {r}" for r, n in telling.items())


def klantbeeld(winkel: Winkel) -> pd.DataFrame:
    """Per kopende klant (klantnummer als tekst): omzet, recency, A/B/C op vier criteria en RFM-segment."""
    tabel = criteria(winkel)
    seg = segmenten(winkel)["segment"].astype("str")
    return pd.DataFrame(
        {
            "omzet": tabel["omzet"].clip(lower=0).to_numpy(),
            "recency": tabel["recency"].to_numpy(),
            "abc": abc_meervoudig(tabel)["abc"].astype("str").to_numpy(),
            "segment": seg.reindex(tabel.index).to_numpy(),
        },
        index=_ids(tabel.index),
    )


def oordeel_vip(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een VIP-lijst: hoogstens 150 uitnodigingen, alleen wie je mag aanschrijven, vooral A-klanten."""
    ids = _klantenlijst(antwoord, winkel)
    dubbel = ids[ids.duplicated()]
    if len(dubbel):
        return Oordeel(
            False,
            f"{_n(dubbel.nunique(), 'klant staat', 'klanten staan')} meer dan eens op je lijst: één "
            "uitnodiging per klant.",
        )
    n = len(ids)
    if n > VIP_MAXIMUM:
        return Oordeel(
            False,
            f"{getal(n)} uitnodigingen is {getal(n - VIP_MAXIMUM)} meer dan je budget toelaat: "
            f"{getal(VIP_MAXIMUM)} gasten van {euro(VIP_GESCHENK, 0)}.",
        )
    reden = weggelaten(winkel)
    verboden = reden.reindex(ids[ids.isin(reden.index)])
    if len(verboden):
        return Oordeel(
            False,
            f"{getal(len(verboden))} van je uitnodigingen {_mv(len(verboden), 'gaat', 'gaan')} naar klanten "
            "die je niet mag aanschrijven: "
            f"{_redenen(verboden)}. Vertrek van de lijst die de toestemming en de uitschrijvingen "
            "respecteert.",
        )
    beeld = klantbeeld(winkel)
    gasten = beeld.reindex(ids)
    is_a = gasten["abc"] == "A"
    bereikt = float(gasten.loc[is_a, "omzet"].sum() / beeld.loc[beeld["abc"] == "A", "omzet"].sum())
    if is_a.sum() < n / 2:
        return Oordeel(
            False,
            f"Maar {getal(int(is_a.sum()))} van je {getal(n)} gasten "
            f"{_mv(int(is_a.sum()), 'is een A-klant', 'zijn A-klanten')}: samen bereiken ze "
            f"{procent(bereikt)} van de A-omzet. Een VIP-voorverkoop is voor je beste klanten.",
        )
    kampioenen = int((gasten["segment"] == "Kampioenen").sum())
    weg = int((gasten["recency"] > JAAR).sum())
    return Oordeel(
        True,
        f"Je {getal(n)} uitnodigingen ({euro(n * VIP_GESCHENK, 0)} aan geschenkjes) bereiken "
        f"{procent(bereikt)} van de A-omzet: {getal(int(is_a.sum()))} A-klanten, van wie "
        f"{getal(kampioenen)} Kampioenen; {_n(weg, 'gast kwam', 'gasten kwamen')} al meer dan een jaar niet.",
    )


def vip_samenvatting(antwoord: Any, winkel: Winkel) -> dict[str, Any]:
    """Wat van de VIP-lijst in het plan komt: geen 150 nummers, wel de regel in cijfers."""
    ids = _klantenlijst(antwoord, winkel)
    gasten = klantbeeld(winkel).reindex(ids)
    return {
        "uitnodigingen": len(ids),
        "a_klanten": int((gasten["abc"] == "A").sum()),
        "budget_euro": len(ids) * VIP_GESCHENK,
        "segmenten": {k: int(v) for k, v in gasten["segment"].value_counts().items() if v},
        "regel": "alleen wie je mag aanschrijven (toestemming, niet uitgeschreven), vooral A-klanten",
    }


def _vip_op(
    winkel: Winkel, volgorde: pd.Series, aantal: int = VIP_MAXIMUM, filter_: bool = True
) -> list[str]:
    """De eerste ``aantal`` klanten volgens ``volgorde`` (hoog eerst), eventueel alleen toegelaten."""
    ids = _ids(volgorde.sort_values(ascending=False, kind="stable").index)
    if filter_:
        ids = ids[ids.isin(_ids(pd.Index(toegelaten(winkel)["klant_id"])))]
    return list(ids[:aantal])


def _op_score(winkel: Winkel) -> pd.Series:
    return abc_meervoudig(criteria(winkel))["score"]


registreer(
    Beslissing(
        naam="05_vip_uitnodigingen",
        vraag=(
            "De schoenenzaak houdt een VIP-voorverkoop van de nieuwe collectie. Het budget laat 150 gasten "
            "toe (een drankje en een geschenkje van 10 euro). Kies wie een uitnodiging krijgt."
        ),
        oordeel=oordeel_vip,
        voorbeelden=(
            Voorbeeld(lambda w: _vip_op(w, _op_score(w)), True, "van de A-omzet"),
            Voorbeeld(lambda w: _vip_op(w, criteria(w)["frequentie"], 100), True, "van de A-omzet"),
            Voorbeeld(lambda w: _vip_op(w, criteria(w)["omzet"]), True, "van de A-omzet"),
            Voorbeeld(
                lambda w: _vip_op(w, criteria(w)["omzet"], filter_=False), False, "niet mag aanschrijven"
            ),
            Voorbeeld(lambda w: _vip_op(w, _op_score(w), 2 * VIP_MAXIMUM), False, "meer dan je budget"),
            Voorbeeld(
                lambda w: list(_ids(pd.Index(toegelaten(w)["klant_id"]))[:VIP_MAXIMUM]), False, "A-klant"
            ),
            Voorbeeld(lambda w: _vip_op(w, _op_score(w), 20) * 2, False, "meer dan eens"),
        ),
        plan="vip_regel",
        bewaar=vip_samenvatting,
    )
)


# --- opdracht 5: 1.000 euro over de segmenten ------------------------------------------------------------


def kost_per_contact(winkel: Winkel) -> dict[str, float]:
    """Verzendkost per klant en kanaal: het gemiddelde van de eigen acties, anders `KOST_PER_CONTACT`."""
    acties = winkel.acties
    eigen = acties.groupby(acties["kanaal"].astype("str"))["kost_per_contact"].mean() if len(acties) else {}
    return {kanaal: float(eigen.get(kanaal, standaard)) for kanaal, standaard in KOST_PER_CONTACT.items()}


def vaste_kost(winkel: Winkel) -> float:
    """De vaste kost van één actie: die van de goedkoopste eigen actie, anders `VASTE_KOST`."""
    return float(winkel.acties["vaste_kost"].min()) if len(winkel.acties) else VASTE_KOST


def segmentkosten(winkel: Winkel) -> pd.DataFrame:
    """Per segment: klanten, omzetaandeel, hoeveel je mag aanschrijven en wat één actie minstens kost.

    De kost is de vaste kost (`vaste_kost`) plus de verzending naar elke toegelaten klant via zijn eigen
    voorkeurkanaal (`kost_per_contact`). Segmenten zonder klanten staan er met 0.
    """
    seg = segmenten(winkel)
    seg = seg.set_axis(_ids(seg.index))
    lijst = toegelaten(winkel)
    kanaal = pd.Series(lijst["kanaal"].astype("str").to_numpy(), index=_ids(pd.Index(lijst["klant_id"])))
    kanaal = kanaal[~kanaal.index.duplicated()]
    per_klant = kanaal.reindex(seg.index).map(kost_per_contact(winkel))
    groep = seg["segment"]
    omzet = seg["monetair"].clip(lower=0)
    uit = pd.DataFrame(
        {
            "klanten": groep.value_counts(),
            "aandeel_omzet": omzet.groupby(groep, observed=False).sum() / omzet.sum(),
            "bereikbaar": per_klant.notna().groupby(groep, observed=False).sum(),
            "verzending": per_klant.fillna(0.0).groupby(groep, observed=False).sum(),
        }
    ).reindex(ALLE_SEGMENTEN.index, fill_value=0)
    uit["kost"] = np.where(uit["bereikbaar"] > 0, vaste_kost(winkel) + uit["verzending"], 0.0)
    return uit


def _verdeling(antwoord: Any) -> dict[str, float]:
    if not isinstance(antwoord, Mapping):
        raise KeuzeFout(
            "Geef een woordenboek met per segment een bedrag in euro, bv. "
            "{'Kampioenen': 400, 'Bijna kwijt': 600}."
        )
    verdeling = {}
    for segment, bedrag in antwoord.items():
        if segment not in ALLE_SEGMENTEN.index:
            lijkt = difflib.get_close_matches(str(segment), list(ALLE_SEGMENTEN.index), n=1)
            extra = f" Bedoel je {lijkt[0]!r}?" if lijkt else f" Kies uit: {', '.join(ALLE_SEGMENTEN.index)}."
            raise KeuzeFout(f"Onbekend segment {segment!r}.{extra}")
        if not is_getal(bedrag) or bedrag < 0:
            raise KeuzeFout(
                f"Het bedrag voor {segment!r} moet een getal van 0 of meer zijn (euro), niet {bedrag!r}."
            )
        if bedrag > 0:
            verdeling[segment] = float(bedrag)
    if not verdeling:
        raise KeuzeFout(f"Verdeel je {euro(BUDGET, 0)} over minstens één segment.")
    return verdeling


def oordeel_budget(antwoord: Any, winkel: Winkel) -> Oordeel:
    """1.000 euro over de segmenten: binnen het budget, genoeg per actie, niet het meeste naar de slapers."""
    verdeling = _verdeling(antwoord)
    totaal = sum(verdeling.values())
    if totaal > BUDGET + 0.005:
        return Oordeel(
            False,
            f"Samen {euro(totaal, 0)}: {euro(totaal - BUDGET, 0)} meer dan je budget van {euro(BUDGET, 0)}.",
        )
    kosten = segmentkosten(winkel)
    for segment, bedrag in verdeling.items():
        rij = kosten.loc[segment]
        if rij["bereikbaar"] == 0:
            return Oordeel(
                False,
                f"'{segment}' krijgt {euro(bedrag, 0)}, maar in dat segment mag je niemand aanschrijven.",
            )
        if bedrag < rij["kost"]:
            return Oordeel(
                False,
                f"Voor '{segment}' reserveer je {euro(bedrag, 0)}, maar één actie naar de "
                f"{getal(int(rij['bereikbaar']))} klanten die je er mag aanschrijven kost al "
                f"{euro(rij['kost'], 0)} "
                f"({euro(vaste_kost(winkel), 0)} vaste kosten plus de verzending). Geef meer, of laat het "
                "segment weg.",
            )
    grootste = max(verdeling, key=verdeling.get)
    if grootste == "Slapend":
        rij = kosten.loc["Slapend"]
        return Oordeel(
            False,
            f"'Slapend' krijgt het grootste deel ({euro(verdeling['Slapend'], 0)}), maar die "
            f"{getal(int(rij['klanten']))} klanten brengen samen {procent(float(rij['aandeel_omzet']))} van "
            "de "
            "omzet: hooguit een goedkope heractivering, blijf niet mailen naar wie nooit reageert.",
        )
    gekozen = kosten.loc[list(verdeling)]
    bereikt = int(gekozen["bereikbaar"].sum())
    return Oordeel(
        True,
        f"Je {getal(len(verdeling))} acties kosten samen {euro(totaal, 0)} (er blijft "
        f"{euro(BUDGET - totaal, 0)} "
        f"over). Je bereikt {getal(bereikt)} klanten, samen goed voor "
        f"{procent(float(gekozen['aandeel_omzet'].sum()))} van de omzet: gemiddeld {euro(totaal / bereikt)} "
        "per "
        "bereikte klant.",
    )


registreer(
    Beslissing(
        naam="05_budget_segmenten",
        vraag=(
            "Je hebt 1.000 euro voor acties dit seizoen. Verdeel het over de RFM-segmenten van de "
            "schoenenzaak "
            "(elke actie heeft een vaste kost plus de verzending per klant)."
        ),
        oordeel=oordeel_budget,
        voorbeelden=(
            Voorbeeld(
                lambda w: {"Bijna kwijt": 400, "Kampioenen": 300, "Trouwe klanten": 300}, True, "Je bereikt"
            ),
            Voorbeeld(lambda w: {"Trouwe klanten": 600, "Potentieel trouw": 300}, True, "Je bereikt"),
            Voorbeeld(lambda w: {"Kampioenen": 800, "Trouwe klanten": 400}, False, "meer dan je budget"),
            Voorbeeld(lambda w: dict.fromkeys(list(ALLE_SEGMENTEN.index)[:10], 100), False, "kost al"),
            Voorbeeld(lambda w: {"Slapend": 600, "Kampioenen": 300}, False, "grootste deel"),
        ),
        plan="budget_segmenten",
    )
)


# --- opdracht 6: je eigen VIP-regel --------------------------------------------------------------------

_GEDRAG = {
    "recency": ("recency", "recent", "laatste aankoop", "laatst gekocht", "hoe lang geleden"),
    "frequentie": ("frequentie", "hoe vaak", "aantal aankopen", "aankoopdagen", "bezoeken"),
    "omzet": ("omzet", "besteding", "besteed", "monetair", "bedrag", "uitgaven"),
    "marge": ("marge", "winst", "brutomarge"),
}
"""Criteria over wat klanten kopen, met woorden die een winkelier ervoor gebruikt."""

_BIJZONDER = (
    "religie",
    "godsdienst",
    "geloof",
    "gezondheid",
    "ziekte",
    "handicap",
    "politiek",
    "partij",
    "etnisch",
    "afkomst",
    "ras",
    "seksuele",
    "geaardheid",
    "vakbond",
)
"""Bijzondere persoonsgegevens (AVG, artikel 9): daarop selecteer je geen klanten."""

_KANAAL = {
    "e-mail": "e-mail",
    "email": "e-mail",
    "mail": "e-mail",
    "sms": "sms",
    "post": "post",
    "brief": "post",
}


def oordeel_eigen_vip(antwoord: Any, winkel: Winkel | None = None) -> Oordeel:
    """Een VIP-regel voor je eigen winkel: criteria over aankopen, een haalbaar aantal, een echt kanaal."""
    if not isinstance(antwoord, Mapping) or not {"criteria", "aantal", "kanaal"} <= set(antwoord):
        raise KeuzeFout(
            "Geef een woordenboek met 'criteria' (een lijst), 'aantal' (hoeveel gasten) en 'kanaal' "
            "(e-mail, sms of post)."
        )
    lijst = antwoord["criteria"]
    if isinstance(lijst, str):
        lijst = [lijst]
    criteria_ = [str(c).strip().casefold() for c in lijst if str(c).strip() not in ("", "...", "Ellipsis")]
    if not criteria_:
        return Oordeel(False, "Je regel heeft nog geen criteria: op basis waarvan kies je je gasten?")
    for criterium in criteria_:
        if any(re.search(rf"\b{stam}", criterium) for stam in _BIJZONDER):
            return Oordeel(
                False,
                f"'{criterium}' is een bijzonder persoonsgegeven (AVG, artikel 9): daarop selecteer je geen "
                "klanten, en je bewaart het niet eens in je klantenbestand.",
            )
    gedrag = sorted(
        {naam for naam, woorden in _GEDRAG.items() for c in criteria_ if any(w in c for w in woorden)}
    )
    if not gedrag:
        return Oordeel(
            False,
            "Je regel kijkt niet naar wat klanten kopen: een VIP-uitnodiging is voor je beste klanten. Neem "
            "minstens één criterium over hun aankopen (recency, frequentie, omzet of marge).",
        )
    aantal = antwoord["aantal"]
    if not is_getal(aantal) or aantal != int(aantal):
        raise KeuzeFout(f"Het aantal gasten is een geheel getal, niet {aantal!r}.")
    if aantal < 1:
        return Oordeel(False, "Nodig minstens één gast uit.")
    if aantal > MAX_GASTEN:
        return Oordeel(
            False,
            f"{getal(int(aantal))} gasten is geen VIP-voorverkoop meer: dan nodig je zowat iedereen uit, en "
            "voelt niemand zich nog uitgekozen. Houd het bij je echte topklanten.",
        )
    kanaal = _KANAAL.get(str(antwoord["kanaal"]).strip().casefold())
    if kanaal not in KANALEN:
        return Oordeel(
            False,
            f"Via '{antwoord['kanaal']}' mag je je klanten niet zomaar bereiken: kies het kanaal dat ze zelf "
            "verkozen (e-mail, sms of post).",
        )
    return Oordeel(
        True,
        f"{getal(int(aantal))} gasten via {kanaal}, gekozen op {', '.join(gedrag)}. Nodig alleen wie "
        "toestemming gaf en zich niet uitschreef: haal de anderen eruit voor je verstuurt.",
    )


registreer(
    Beslissing(
        naam="05_eigen_vip_regel",
        vraag=(
            "Schrijf de regel voor een VIP-voorverkoop in je eigen winkel: op welke criteria kies je je "
            "gasten, "
            "hoeveel nodig je er uit en via welk kanaal?"
        ),
        oordeel=oordeel_eigen_vip,
        voorbeelden=(
            Voorbeeld(
                lambda w: {"criteria": ["frequentie", "recency", "marge"], "aantal": 60, "kanaal": "e-mail"},
                True,
                "60 gasten",
            ),
            Voorbeeld(
                lambda w: {"criteria": ["besteding laatste jaar"], "aantal": 120, "kanaal": "post"},
                True,
                "120 gasten",
            ),
            Voorbeeld(
                lambda w: {"criteria": ["religie", "omzet"], "aantal": 50, "kanaal": "e-mail"},
                False,
                "bijzonder persoonsgegeven",
            ),
            Voorbeeld(
                lambda w: {"criteria": ["leeftijd", "geslacht"], "aantal": 50, "kanaal": "e-mail"},
                False,
                "wat klanten kopen",
            ),
            Voorbeeld(
                lambda w: {"criteria": ["omzet"], "aantal": 3000, "kanaal": "e-mail"}, False, "geen VIP"
            ),
            Voorbeeld(
                lambda w: {"criteria": ["frequentie"], "aantal": 80, "kanaal": "whatsapp-groep"},
                False,
                "kanaal",
            ),
            Voorbeeld(
                lambda w: {"criteria": [...], "aantal": 80, "kanaal": "e-mail"}, False, "nog geen criteria"
            ),
        ),
        soort="eigen_winkel",
        plan="eigen_vip_regel",
    )
)

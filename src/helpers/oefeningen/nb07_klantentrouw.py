"""Oefeningen van notebook 07 Klantentrouw, levensduur en klantenkaart.

Alles wordt berekend met de bibliotheek: `helpers.trouw` (churnregel en back-test, blijfkans en
herhaalkans, klantwaarde, welkomstbonnen, tijd tot de eerste bon), `helpers.rendabiliteit` (brutomarge
per klant), `helpers.abc` (A-klanten) en `helpers.acties` (wie je mag aanschrijven).

>>> from helpers.oefeningen import controleer
>>> controleer("07_eigen_klantenkaart", {"voordeel": "korting"}).status
'fout'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helpers.abc import abc_klassen
from helpers.acties import doellijst
from helpers.klantid import klant_ids
from helpers.oefeningen.kern import (
    AANDEEL_TOL,
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    aandeel_fouten,
    is_getal,
    per_winkel,
    registreer,
)
from helpers.opmaak import euro, getal, procent
from helpers.rendabiliteit import brutomarge_per_klant
from helpers.rfm import rfm_tabel
from helpers.trouw import (
    VERLOREN_NA,
    Retentie,
    churn_status,
    clv,
    klantwaarde,
    retentie_per_jaar,
    retentietabel,
    tijd_tot_eerste_bon,
    vergelijk_churnregels,
    welkomstbonnen,
)

if TYPE_CHECKING:
    from helpers.data import Winkel

DISCONTERINGSVOET = 0.1
"""De disconteringsvoet in de oefeningen over klantwaarde: 10% per jaar."""

MIN_TREFZEKER = 0.75
"""Een churnregel is bruikbaar als hoogstens één op vier 'verloren' klanten toch terugkwam."""

MIN_VANGST = 0.15
"""...en als hij minstens 15% van de klanten die het jaar erna wegbleven al 'verloren' noemde."""

RISICO_NA = 180
"""De risicogrens van `helpers.trouw.churn_status`: 'verloren' moet langer zijn."""

WINBACK_BUDGET = 1200.0
"""Het budget van de win-back-actie in euro."""

WINBACK_KOST = 12.0
"""Wat één klant op de win-back-lijst kost: een bon van € 10 en de verzending."""

MAX_WACHTEN = 90
"""Een eerste beloning komt binnen een seizoen (90 dagen), anders is de eerste aankoop vergeten."""

MAX_GELDIG = 90
"""Een bon die langer dan 90 dagen geldt, geeft geen reden om snel terug te komen."""

MIN_BRUIKBAAR = 14
"""Elke nieuwe klant moet zijn bon minstens 14 dagen kunnen gebruiken (buiten de sperperiode)."""

BINDINGEN = ("financieel", "sociaal", "structureel")
"""De drie soorten klantenbinding (MKB Servicedesk, 'Hoe behoud ik mijn klanten?')."""

VOORBEELDPROGRAMMA = {
    "eerste_beloning_na_dagen": 30,
    "voordeel": "een bon van € 10 bij je tweede aankoop, daarna € 15 per € 250",
    "vip": "A-klanten krijgen een uitnodiging voor de avondverkoop vóór het nieuwe seizoen",
    "binding": ["financieel", "sociaal"],
    "groepen": "10% voor leden van de partnerclubs op clubkledij",
}
"""Het uitgewerkte programma van het notebook (een kopie ervan is geen eigen programma)."""


# --- berekeningen per winkel (één keer per winkelobject) -------------------------------------------


@per_winkel
def retentie(winkel: Winkel) -> Retentie:
    """Herhaalkans, blijfkans en koopkans van de winkel (`helpers.trouw.retentie_per_jaar`)."""
    return retentie_per_jaar(winkel.tickets, winkel.peildatum)


@per_winkel
def marge_per_klant(winkel: Winkel) -> pd.DataFrame:
    """Brutomarge en omzet zonder btw per klant (`helpers.rendabiliteit.brutomarge_per_klant`)."""
    return brutomarge_per_klant(winkel.ticketlijnen, winkel.tickets, winkel.producten)


@per_winkel
def waarde(winkel: Winkel) -> pd.DataFrame:
    """Klantwaarde per klant (`helpers.trouw.klantwaarde`) met de brutomarge en de retentie van de winkel."""
    return klantwaarde(
        winkel.tickets,
        marge_per_klant(winkel)["brutomarge"],
        retentie(winkel),
        winkel.peildatum,
        disconteringsvoet=DISCONTERINGSVOET,
    )


def marge_per_koopjaar(winkel: Winkel) -> float:
    """De brutomarge van een gemiddelde klant in een jaar waarin hij koopt: per klant zijn marge gedeeld door
    zijn koopjaren (`helpers.trouw.klantwaarde`), gemiddeld over de klanten.

    >>> from helpers.data import laad_winkel
    >>> marge_per_koopjaar(laad_winkel("sportzaak")) > 0
    True
    """
    return float(waarde(winkel)["marge_per_koopjaar"].mean())


@per_winkel
def status(winkel: Winkel) -> pd.DataFrame:
    """Churnstatus op de peildatum met de standaardregel (`helpers.trouw.churn_status`)."""
    return churn_status(winkel.tickets, winkel.peildatum)


@per_winkel
def a_klanten(winkel: Winkel) -> pd.Index:
    """De A-klanten op netto-omzet (`helpers.abc.abc_klassen` op de RFM-kolom ``monetair``)."""
    klassen = abc_klassen(rfm_tabel(winkel.tickets, winkel.peildatum)["monetair"])
    return _ids(klassen.index[klassen == "A"])


@per_winkel
def mag_aanschrijven(winkel: Winkel) -> pd.Series:
    """Per klant de reden waarom je hem niet mag aanschrijven ('' = mag wel), met "
    "`helpers.acties.doellijst`."""
    contacten = (
        winkel.actiecontacten if len(winkel.actiecontacten) else None
    )  # zonder acties: niets te laten rusten
    lijst, weggelaten = doellijst(
        winkel.klanten, actiecontacten=contacten, acties=winkel.acties if contacten is not None else None
    )
    redenen = pd.Series("", index=_ids(lijst["klant_id"]), dtype="str")
    return pd.concat([redenen, weggelaten.set_index(_ids(weggelaten["klant_id"]))["reden"].astype("str")])


@per_winkel
def winback_kandidaten(winkel: Winkel) -> pd.DataFrame:
    """A-klanten met status 'risico': besteding, dagen sinds de laatste aankoop en of je ze mag "
    "aanschrijven."""
    st = status(winkel)
    st = st.set_axis(_ids(st.index))
    risico = st.index[st["status"] == "risico"]
    kandidaten = risico[risico.isin(a_klanten(winkel))]
    monetair = rfm_tabel(winkel.tickets, winkel.peildatum)["monetair"]
    monetair = monetair.set_axis(_ids(monetair.index))
    reden = mag_aanschrijven(winkel).reindex(kandidaten, fill_value="niet in het klantenbestand")
    return pd.DataFrame(
        {
            "monetair": monetair.reindex(kandidaten).to_numpy(),
            "dagen_sinds": st.loc[kandidaten, "dagen_sinds"].to_numpy(),
            "reden": reden.to_numpy(),
        },
        index=kandidaten,
    )


def _ids(klanten: Any) -> pd.Index:
    """Klantnummers in één vorm, als tekst (`helpers.klantid.klant_ids`)."""
    return pd.Index(klant_ids(pd.Series(list(klanten), dtype="object"), "klant_id").astype("str"))


# --- opdracht 1: de blijfkans ---------------------------------------------------------------------


def blijfkans(winkel: Winkel) -> float:
    """De blijfkans van de winkel (`helpers.trouw.retentie_per_jaar`).

    >>> from helpers.data import laad_winkel
    >>> 0.5 < blijfkans(laad_winkel("sportzaak")) < 1
    True
    """
    return retentie(winkel).blijfkans


def _basisjaar(winkel: Winkel) -> pd.Series:
    tabel = retentietabel(winkel.tickets, winkel.peildatum)
    return tabel[tabel["kochten_jaar_2"].notna()].sum()


registreer(
    Oefening(
        naam="07_blijfkans",
        vraag="Welk deel van de klanten van de oefenwinkel is een jaar later nog klant (de blijfkans)?",
        oplossing=blijfkans,
        fouten=(
            *aandeel_fouten(blijfkans),
            Fout(
                lambda w: retentie(w).herhaalkans,
                "dat is de herhaalkans: het deel dat het jaar erna opnieuw kocht. Daar telt wie een jaar "
                "overslaat als weg, terwijl veel van die klanten het jaar daarna terugkomen.",
            ),
            Fout(
                lambda w: float(_basisjaar(w)["kochten_jaar_2"] / _basisjaar(w)["klanten"]),
                "je deelde wie twee jaar later kocht door alle klanten van het basisjaar. Deel door wie het "
                "jaar erna kocht: het verschil tussen die twee is het extra jaar waarin klanten vertrekken.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} van je klanten is een jaar later nog klant, ook als ze dat jaar niets kochten. "
            "Dat is de retentie die bij de formule van de klantwaarde hoort."
        ),
        tip="Kijk in de retentietabel naar het basisjaar waarvan ook het tweede jaar erna voorbij is, en "
        "vergelijk wie na twee jaar kocht met wie na één jaar kocht.",
        abs_tol=AANDEEL_TOL,
        soort="berekening",
    )
)


# --- opdracht 2: de klantwaarde -------------------------------------------------------------------


def klantwaarde_gemiddeld(winkel: Winkel) -> float:
    """De klantwaarde (CLV) van een gemiddelde klant: `helpers.trouw.clv` met de marge per koopjaar,
    de blijfkans, de koopkans en een disconteringsvoet van 10%.

    >>> from helpers.data import laad_winkel
    >>> klantwaarde_gemiddeld(laad_winkel("sportzaak")) > marge_per_koopjaar(laad_winkel("sportzaak"))
    True
    """
    r = retentie(winkel)
    return float(clv(marge_per_koopjaar(winkel), r.blijfkans, DISCONTERINGSVOET, r.koopkans))


registreer(
    Oefening(
        naam="07_klantwaarde",
        vraag="Wat is een gemiddelde klant van de oefenwinkel vandaag nog waard (CLV), met een "
        "disconteringsvoet van 10%?",
        oplossing=klantwaarde_gemiddeld,
        fouten=(
            Fout(
                lambda w: float(clv(marge_per_koopjaar(w), retentie(w).herhaalkans, DISCONTERINGSVOET)),
                "je nam de herhaalkans als retentie. Die telt elke klant die een jaar overslaat als "
                "verloren: "
                "zo lijkt een klant veel minder waard dan hij is. Neem de blijfkans en de koopkans.",
            ),
            Fout(
                lambda w: float(clv(marge_per_koopjaar(w), retentie(w).blijfkans, DISCONTERINGSVOET)),
                "je vergat de koopkans. Niet elke klant die blijft, koopt elk jaar: de marge per koopjaar "
                "komt maar in een deel van de jaren binnen.",
            ),
            Fout(
                lambda w: marge_per_koopjaar(w) + klantwaarde_gemiddeld(w),
                "je telde de marge van dit jaar erbij. Dat is de waarde van een nieuwe klant op de dag van "
                "zijn eerste aankoop; gevraagd is wat een klant die je al hebt nog waard is.",
            ),
        ),
        uitleg=lambda v: (
            f"Een gemiddelde klant is vandaag nog {euro(v, 0)} waard aan marge in de jaren die komen. "
            "Dat is wat je hem mag geven om hem te houden, en meer dan je denkt als je de herhaalkans "
            "gebruikt."
        ),
        tip="Vermenigvuldig de marge per koopjaar met de koopkans en met blijfkans / (1 + 0,10 − blijfkans).",
        rel_tol=1e-4,
        abs_tol=0.5,
        soort="berekening",
    )
)


# --- opdracht 3: een churnregel en zijn back-test -------------------------------------------------


def backtest_van(winkel: Winkel, dagen: int) -> pd.Series:
    """De back-test van 'verloren na ``dagen`` dagen' een jaar vóór de peildatum (`vergelijk_churnregels`)."""
    return vergelijk_churnregels(winkel.tickets, peildatum=winkel.peildatum, verloren_na=(dagen,)).iloc[0]


def oordeel_churnregel(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Aanvaard een grens voor 'verloren' die de back-test doorstaat en nog genoeg klanten op tijd ziet."""
    if not is_getal(antwoord) or antwoord != int(antwoord):
        raise KeuzeFout("Geef een aantal dagen als geheel getal, bv. 400.")
    dagen = int(antwoord)
    if dagen <= RISICO_NA:
        return Oordeel(
            False,
            f"{dagen} dagen is niet langer dan een seizoen ({RISICO_NA} dagen): zo lang wegblijven is een "
            "risico, nog geen bewijs dat een klant verloren is. Kies meer dan 180 dagen.",
        )
    bt = backtest_van(winkel, dagen)
    n, terug = int(bt["verloren"]), int(bt["kwamen_terug"])
    if n == 0 or bt["vangst"] < MIN_VANGST:
        return Oordeel(
            False,
            f"Met {dagen} dagen noemde je regel een jaar geleden maar {getal(n)} klanten verloren: hij zag "
            f"{procent(bt['vangst'], 0)} van de klanten die het jaar erna wegbleven, en die pas heel laat. "
            "Voor een win-back-actie is dat te laat en te weinig. Kies een kortere grens.",
        )
    if bt["trefzekerheid"] < MIN_TREFZEKER:
        return Oordeel(
            False,
            f"Met {dagen} dagen noemde je regel een jaar geleden {getal(n)} klanten verloren, maar "
            f"{getal(terug)} "
            "van hen kwamen het jaar erna toch terug: je regel klopte maar voor "
            f"{procent(bt['trefzekerheid'], 0)}. "
            "Wie je te vroeg opgeeft, schrijf je niet meer aan. Kies een langere grens.",
        )
    return Oordeel(
        True,
        f"Met {dagen} dagen noemde je regel een jaar geleden {getal(n)} klanten verloren; {getal(terug)} "
        "kwamen "
        f"toch terug, dus je regel klopte voor {procent(bt['trefzekerheid'], 0)}. Hij zag "
        f"{procent(bt['vangst'], 0)} van alle klanten die het jaar erna wegbleven. Een kortere grens ziet "
        "vertrekkers sneller, een langere is zekerder.",
    )


registreer(
    Beslissing(
        naam="07_churnregel",
        vraag="Na hoeveel dagen zonder aankoop noem je een klant van de oefenwinkel 'verloren'? Je regel "
        "moet de back-test doorstaan: hoogstens één op vier 'verloren' klanten kwam het jaar erna terug.",
        oordeel=oordeel_churnregel,
        voorbeelden=(
            Voorbeeld(lambda w: VERLOREN_NA, True, "klopte voor"),
            Voorbeeld(lambda w: 540, True, "klopte voor"),
            Voorbeeld(lambda w: 181, False, "kwamen het jaar erna toch terug"),
            Voorbeeld(lambda w: 700, False, "te laat en te weinig"),
            Voorbeeld(lambda w: 120, False, "langer dan een seizoen"),
        ),
        plan="churnregel",
        bewaar=lambda dagen, w: {
            "verloren_na_dagen": int(dagen),
            "trefzekerheid": round(float(backtest_van(w, int(dagen))["trefzekerheid"]), 3),
            "vangst": round(float(backtest_van(w, int(dagen))["vangst"]), 3),
        },
    )
)


# --- opdracht 4: de win-back-lijst ----------------------------------------------------------------


def _klantenlijst(antwoord: Any) -> pd.Index:
    """De klantnummers van een antwoord (lijst, reeks, index of tabel met ``klant_id``), als tekst."""
    if isinstance(antwoord, pd.DataFrame):
        if "klant_id" not in antwoord.columns:
            raise KeuzeFout("Je gaf een tabel zonder kolom 'klant_id'. Geef een lijst met klantnummers.")
        antwoord = antwoord["klant_id"]
    if isinstance(antwoord, pd.Series) and pd.api.types.is_float_dtype(antwoord):
        raise KeuzeFout(
            "Je gaf een reeks bedragen; de klantnummers staan in de index. Geef de klantnummers zelf."
        )
    if not isinstance(antwoord, list | tuple | set | pd.Series | pd.Index | np.ndarray):
        raise KeuzeFout("Geef een lijst met klantnummers, bv. ['K000012', 'K000345'].")
    try:
        ids = _ids(antwoord)
    except Exception as fout:
        raise KeuzeFout(f"Je lijst bevat iets dat geen klantnummer is: {fout}") from fout
    if ids.has_duplicates:
        raise KeuzeFout(f"Klant {ids[ids.duplicated()][0]} staat meer dan eens op je lijst.")
    if len(ids) == 0:
        raise KeuzeFout("Je lijst is leeg: kies de klanten die een win-back-bericht krijgen.")
    return ids


def _tel_redenen(redenen: pd.Series) -> str:
    tellingen = redenen.value_counts()
    return "; ".join(f"{reden}: {getal(n)}" for reden, n in tellingen.items())


def oordeel_winback(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Aanvaard een lijst A-risicoklanten die je mag aanschrijven, binnen het budget."""
    ids = _klantenlijst(antwoord)
    maximum = int(WINBACK_BUDGET // WINBACK_KOST)
    if len(ids) > maximum:
        return Oordeel(
            False,
            f"Je lijst telt {getal(len(ids))} klanten: met {euro(WINBACK_KOST, 0)} per klant kost dat "
            f"{euro(len(ids) * WINBACK_KOST, 0)}, meer dan je budget van {euro(WINBACK_BUDGET, 0)} "
            f"(hoogstens {getal(maximum)} klanten).",
        )
    onbekend = ids[~ids.isin(mag_aanschrijven(winkel).index)]
    if len(onbekend):
        return Oordeel(
            False, f"{getal(len(onbekend))} klantnummers staan niet in het klantenbestand, bv. {onbekend[0]}."
        )
    reden = mag_aanschrijven(winkel).reindex(ids)
    verboden = reden[reden != ""]
    if len(verboden):
        return Oordeel(
            False,
            f"{getal(len(verboden))} klanten op je lijst mag je niet aanschrijven "
            f"({_tel_redenen(verboden)}). "
            "Een win-back-bericht is reclame: ook een goede klant krijgt het alleen met toestemming.",
        )
    st = status(winkel).set_axis(_ids(status(winkel).index))["status"].reindex(ids)
    actief = int((st == "actief").sum())
    if actief:
        return Oordeel(
            False,
            f"{getal(actief)} klanten op je lijst kochten onlangs nog (status actief): een win-back-bon "
            "geef je "
            "hen cadeau, want ze komen toch. Kies klanten met status risico.",
        )
    andere = int((st != "risico").sum())
    if andere:
        return Oordeel(
            False,
            f"{getal(andere)} klanten op je lijst hebben niet de status risico (ze zijn al verloren of "
            "kochten "
            "nooit). Een win-back-actie werkt het best bij wie net begint weg te blijven.",
        )
    geen_a = int((~ids.isin(a_klanten(winkel))).sum())
    if geen_a:
        return Oordeel(
            False,
            f"{getal(geen_a)} klanten op je lijst zijn geen A-klant. Met een beperkt budget ga je eerst "
            "voor de "
            "klanten die het meest opleveren.",
        )
    kandidaten = winback_kandidaten(winkel)
    mag = kandidaten[kandidaten["reden"] == ""]
    gekozen = kandidaten.loc[ids]
    return Oordeel(
        True,
        f"Je {getal(len(ids))} berichten ({euro(len(ids) * WINBACK_KOST, 0)} van je "
        f"{euro(WINBACK_BUDGET, 0)}) "
        f"gaan naar A-klanten die risico lopen. Samen kochten ze voor {euro(gekozen['monetair'].sum(), 0)}: "
        f"{procent(gekozen['monetair'].sum() / mag['monetair'].sum(), 0)} van de omzet van alle "
        f"{getal(len(mag))} A-risicoklanten die je mag aanschrijven. Ze kochten gemiddeld "
        f"{getal(gekozen['dagen_sinds'].mean())} dagen geleden voor het laatst: hoe korter, hoe groter de "
        "kans "
        "dat ze terugkomen.",
    )


def _winback_beste(winkel: Winkel, volgens: str, aantal: int) -> list[str]:
    mag = winback_kandidaten(winkel).query("reden == ''")
    oplopend = volgens == "dagen_sinds"
    return mag.sort_values(volgens, ascending=oplopend, kind="stable").index[:aantal].tolist()


def _winback_met_verboden(winkel: Winkel) -> list[str]:
    kandidaten = winback_kandidaten(winkel).sort_values("monetair", ascending=False, kind="stable")
    verboden = kandidaten.index[kandidaten["reden"] != ""][:1].tolist()
    return _winback_beste(winkel, "monetair", 99) + verboden


def _winback_met_actieven(winkel: Winkel) -> list[str]:
    st = status(winkel).set_axis(_ids(status(winkel).index))
    actief_a = st.index[(st["status"] == "actief") & st.index.isin(a_klanten(winkel))]
    mag = mag_aanschrijven(winkel).reindex(actief_a)
    return _winback_beste(winkel, "monetair", 90) + actief_a[(mag == "").to_numpy()][:10].tolist()


def _maximum_winback() -> int:
    return int(WINBACK_BUDGET // WINBACK_KOST)


registreer(
    Beslissing(
        naam="07_winback",
        vraag="Kies de klanten voor een win-back-actie: A-klanten met status risico die je mag "
        "aanschrijven. "
        f"Je budget is {euro(WINBACK_BUDGET, 0)} en elke klant kost {euro(WINBACK_KOST, 0)} (bon en "
        "verzending).",
        oordeel=oordeel_winback,
        voorbeelden=(
            Voorbeeld(
                lambda w: _winback_beste(w, "monetair", _maximum_winback()), True, "A-klanten die risico"
            ),
            Voorbeeld(lambda w: _winback_beste(w, "dagen_sinds", _maximum_winback() // 2), True, "gemiddeld"),
            Voorbeeld(_winback_met_verboden, False, "mag je niet aanschrijven"),
            Voorbeeld(
                lambda w: (
                    waarde(w)
                    .sort_values("marge", ascending=False)
                    .index[: _maximum_winback() + 20]
                    .astype("str")
                    .tolist()
                ),
                False,
                "meer dan je budget",
            ),
            Voorbeeld(_winback_met_actieven, False, "status actief"),
        ),
        plan="winback",
        bewaar=lambda lijst, w: {
            "regel": "A-klanten met status risico, met toestemming",
            "klanten": len(_klantenlijst(lijst)),
            "kost": len(_klantenlijst(lijst)) * WINBACK_KOST,
        },
    )
)


# --- opdracht 5: een snellere welkomstbon ---------------------------------------------------------


@per_winkel
def huidige_wachttijd(winkel: Winkel) -> float:
    """Mediaan aantal dagen tussen de eerste aankoop en de eerste klantenkaartbon (wie er een kreeg)."""
    bon = tijd_tot_eerste_bon(winkel.tickets, winkel.ticketlijnen, winkel.peildatum)
    return float(bon.loc[bon["heeft_bon"], "dagen_tot_bon"].median())


@per_winkel
def nieuwe_klanten(winkel: Winkel) -> pd.Series:
    """De eerste aankoopdag van de klanten die in het laatste jaar voor het eerst kochten."""
    eerste = rfm_tabel(winkel.tickets, winkel.peildatum)["eerste_aankoop"]
    return eerste[eerste > winkel.peildatum - pd.DateOffset(years=1)]


def _bonregel(antwoord: Any) -> tuple[int, int, bool]:
    if not isinstance(antwoord, dict) or not {"na_dagen", "geldig_dagen"} <= set(antwoord):
        raise KeuzeFout(
            "Geef je regel als woordenboek met 'na_dagen' en 'geldig_dagen' (en eventueel 'verlengen'), "
            "bv. {'na_dagen': 30, 'geldig_dagen': 45}."
        )
    na, geldig = antwoord["na_dagen"], antwoord["geldig_dagen"]
    for naam, waarde_ in (("na_dagen", na), ("geldig_dagen", geldig)):
        if not is_getal(waarde_) or waarde_ != int(waarde_) or waarde_ < (0 if naam == "na_dagen" else 1):
            raise KeuzeFout(f"'{naam}' is een geheel aantal dagen, niet {waarde_!r}.")
    verlengen = antwoord.get("verlengen", False)
    if not isinstance(verlengen, bool):
        raise KeuzeFout("'verlengen' is True of False.")
    return int(na), int(geldig), verlengen


def oordeel_welkomstbon(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Aanvaard een welkomstbon die sneller komt dan nu, kort geldt en altijd bruikbaar is."""
    na, geldig, verlengen = _bonregel(antwoord)
    nu = huidige_wachttijd(winkel)
    if na >= nu:
        return Oordeel(
            False,
            f"Je bon komt na {getal(na)} dagen: niet sneller dan nu. Nu krijgt de helft van de kaarthouders "
            f"zijn eerste bon pas na {getal(nu)} dagen of later.",
        )
    if na > MAX_WACHTEN:
        return Oordeel(
            False,
            f"Na {getal(na)} dagen is de eerste aankoop al lang vergeten. Een eerste beloning komt binnen "
            "een "
            f"seizoen ({MAX_WACHTEN} dagen).",
        )
    if geldig > MAX_GELDIG:
        return Oordeel(
            False,
            f"Een bon die {getal(geldig)} dagen geldt, geeft geen reden om snel terug te komen. Houd het bij "
            f"hoogstens {MAX_GELDIG} dagen.",
        )
    bonnen = welkomstbonnen(nieuwe_klanten(winkel), na, geldig, verlengen)
    te_kort = int((bonnen["bruikbare_dagen"] < MIN_BRUIKBAAR).sum())
    if te_kort:
        return Oordeel(
            False,
            f"{getal(te_kort)} van je {getal(len(bonnen))} nieuwe klanten van het voorbije jaar "
            f"({procent(te_kort / len(bonnen), 0)}) kregen een bon die ze minder dan {MIN_BRUIKBAAR} dagen "
            "kunnen gebruiken: hij valt grotendeels in de sperperiode. Laat hem langer gelden of verleng "
            "hem met de dagen van de sperperiode.",
        )
    geraakt = bonnen["dagen_in_sperperiode"] > 0
    extra = (
        "die dagen komen er achteraan bij, dus iedereen houdt zijn volle termijn"
        if verlengen
        else f"iedereen houdt minstens {getal(bonnen['bruikbare_dagen'].min())} bruikbare dagen"
    )
    return Oordeel(
        True,
        f"Je nieuwe klanten krijgen hun eerste beloning na {getal(na)} dagen in plaats van na {getal(nu)} "
        "dagen "
        f"nu. Bij {procent(geraakt.mean(), 0)} van de bonnen van het voorbije jaar valt een deel in de "
        f"sperperiode, waar de bon niet geldt; {extra}.",
    )


registreer(
    Beslissing(
        naam="07_welkomstbon",
        vraag="Ontwerp een snellere eerste beloning voor nieuwe klanten: na hoeveel dagen krijgen ze een "
        "bon, "
        "hoe lang geldt hij, en verleng je hem met de dagen van de sperperiode (waar hij niet geldt)?",
        oordeel=oordeel_welkomstbon,
        voorbeelden=(
            Voorbeeld(lambda w: {"na_dagen": 30, "geldig_dagen": 45}, True, "in plaats van"),
            Voorbeeld(
                lambda w: {"na_dagen": 14, "geldig_dagen": 30, "verlengen": True}, True, "volle termijn"
            ),
            Voorbeeld(lambda w: {"na_dagen": 30, "geldig_dagen": 30}, False, "sperperiode"),
            Voorbeeld(lambda w: {"na_dagen": 200, "geldig_dagen": 45}, False, "niet sneller dan nu"),
            Voorbeeld(lambda w: {"na_dagen": 30, "geldig_dagen": 180}, False, "geen reden om snel terug"),
        ),
        plan="welkomstbon",
        bewaar=lambda regel, w: dict(
            zip(("na_dagen", "geldig_dagen", "verlengen"), _bonregel(regel), strict=True)
        ),
    )
)


# --- opdracht 6: werven tegenover behouden --------------------------------------------------------


def waarde_nieuwe_klant(winkel: Winkel) -> float:
    """Wat een gemiddelde nieuwe klant waard is op de dag van zijn eerste aankoop: de marge van zijn
    eerste jaar plus zijn klantwaarde (`klantwaarde_gemiddeld`)."""
    return marge_per_koopjaar(winkel) + klantwaarde_gemiddeld(winkel)


def waarde_a_risico(winkel: Winkel) -> float:
    """Wat het houden van een A-klant met status risico gemiddeld waard is: zijn marge per koopjaar (het
    jaar waarin hij terugkomt) plus zijn klantwaarde (`helpers.trouw.klantwaarde`)."""
    tabel = waarde(winkel).set_axis(_ids(waarde(winkel).index))
    a_risico = tabel.reindex(winback_kandidaten(winkel).index)
    return float((a_risico["marge_per_koopjaar"] + a_risico["clv"]).mean())


def _budget(antwoord: Any) -> tuple[float, float]:
    if not isinstance(antwoord, dict) or set(antwoord) != {"werven", "behouden"}:
        raise KeuzeFout(
            "Geef een woordenboek met twee bedragen in euro: {'werven': ..., 'behouden': ...} (per nieuwe "
            "klant en per A-klant die je houdt)."
        )
    for naam in ("werven", "behouden"):
        if not is_getal(antwoord[naam]) or antwoord[naam] <= 0:
            raise KeuzeFout(f"'{naam}' is een bedrag in euro groter dan 0, niet {antwoord[naam]!r}.")
    return float(antwoord["werven"]), float(antwoord["behouden"])


def oordeel_budget(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Aanvaard bedragen die onder de waarde van een nieuwe en een behouden klant blijven."""
    werven, behouden = _budget(antwoord)
    nieuw, houden = waarde_nieuwe_klant(winkel), waarde_a_risico(winkel)
    if werven > nieuw:
        return Oordeel(
            False,
            f"Een nieuwe klant levert gemiddeld {euro(nieuw, 0)} marge op (eerste jaar en klantwaarde). Met "
            f"{euro(werven, 0)} per nieuwe klant verlies je {euro(werven - nieuw, 0)} aan elke klant die "
            "je wint.",
        )
    if behouden > houden:
        return Oordeel(
            False,
            f"Een A-klant die risico loopt, is bij terugkeer gemiddeld {euro(houden, 0)} waard. Met "
            f"{euro(behouden, 0)} per klant die je houdt, verlies je {euro(behouden - houden, 0)} aan elke "
            "klant.",
        )
    if werven > behouden:
        return Oordeel(
            False,
            f"Je hebt meer over voor een onbekende nieuwe klant ({euro(werven, 0)}, waarde "
            f"{euro(nieuw, 0)}) dan "
            f"voor een A-klant die je al kent ({euro(behouden, 0)}, waarde {euro(houden, 0)}). Een A-klant "
            "houden "
            "levert meer op en is makkelijker: geef daar minstens evenveel voor uit.",
        )
    return Oordeel(
        True,
        f"Een nieuwe klant levert gemiddeld {euro(nieuw, 0)} op: met {euro(werven, 0)} per nieuwe klant "
        "hou je "
        f"er {euro(nieuw - werven, 0)} aan over. Een A-klant houden is {euro(houden, 0)} waard: met "
        f"{euro(behouden, 0)} hou je er {euro(houden - behouden, 0)} aan over. Hoe meer je uitgeeft, hoe "
        "meer "
        "klanten je wint of houdt, maar hoe minder elke klant je nog oplevert.",
    )


registreer(
    Beslissing(
        naam="07_werven_behouden",
        vraag="Hoeveel geef je hoogstens uit om één nieuwe klant te winnen, en hoeveel om één A-klant met "
        "status risico te houden? Geef twee bedragen in euro.",
        oordeel=oordeel_budget,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "werven": round(0.3 * waarde_nieuwe_klant(w)),
                    "behouden": round(0.5 * waarde_a_risico(w)),
                },
                True,
                "hou je er",
            ),
            Voorbeeld(
                lambda w: {
                    "werven": round(0.5 * waarde_nieuwe_klant(w)),
                    "behouden": round(0.8 * waarde_a_risico(w)),
                },
                True,
                "hou je er",
            ),
            Voorbeeld(
                lambda w: {
                    "werven": round(1.3 * waarde_nieuwe_klant(w)),
                    "behouden": round(2 * waarde_nieuwe_klant(w)),
                },
                False,
                "aan elke klant die je wint",
            ),
            Voorbeeld(
                lambda w: {
                    "werven": round(0.5 * waarde_nieuwe_klant(w)),
                    "behouden": round(1.5 * waarde_a_risico(w)),
                },
                False,
                "aan elke klant.",
            ),
            Voorbeeld(
                lambda w: {
                    "werven": round(0.9 * waarde_nieuwe_klant(w)),
                    "behouden": round(0.1 * waarde_a_risico(w)),
                },
                False,
                "minstens evenveel",
            ),
        ),
        plan="werven_behouden",
        bewaar=lambda antwoord, w: dict(zip(("werven", "behouden"), _budget(antwoord), strict=True)),
    )
)


# --- opdracht 7: je eigen klantenkaart ------------------------------------------------------------

_LEEG = {"", "...", "…", "?", "nvt", "n.v.t.", "geen idee", "later", "todo", "xxx"}
_CONCREET = re.compile(r"\d|%|€|gratis|euro", re.IGNORECASE)


def _tekst(programma: dict, sleutel: str) -> str:
    waarde_ = programma.get(sleutel)
    if not isinstance(waarde_, str) or waarde_.strip().casefold() in _LEEG:
        raise KeuzeFout(f"Vul '{sleutel}' in met een zin over je eigen winkel.")
    return waarde_.strip()


def oordeel_eigen_kaart(antwoord: Any, winkel: Winkel | None) -> Oordeel:
    """Beoordeel de inhoud van een eigen klantenkaartprogramma: snel, concreet, VIP en meer dan korting."""
    nodig = ("eerste_beloning_na_dagen", "voordeel", "vip", "binding")
    if not isinstance(antwoord, dict) or not set(nodig) <= set(antwoord):
        raise KeuzeFout(f"Geef een woordenboek met minstens de sleutels {', '.join(repr(s) for s in nodig)}.")
    voordeel, vip = _tekst(antwoord, "voordeel"), _tekst(antwoord, "vip")
    dagen = antwoord["eerste_beloning_na_dagen"]
    if not is_getal(dagen) or dagen < 0:
        raise KeuzeFout("'eerste_beloning_na_dagen' is een aantal dagen, bv. 30.")
    binding = antwoord["binding"]
    if isinstance(binding, str):
        binding = [binding]
    if not isinstance(binding, list | tuple | set) or not binding:
        raise KeuzeFout(f"'binding' is een lijst met een of meer van: {', '.join(BINDINGEN)}.")
    soorten = {str(b).strip().casefold() for b in binding}
    onbekend = soorten - set(BINDINGEN)
    if onbekend:
        raise KeuzeFout(f"Onbekende binding {sorted(onbekend)[0]!r}: kies uit {', '.join(BINDINGEN)}.")
    eigen = {k: v for k, v in antwoord.items() if k in VOORBEELDPROGRAMMA}
    if eigen == {k: VOORBEELDPROGRAMMA[k] for k in eigen} or voordeel == VOORBEELDPROGRAMMA["voordeel"]:
        return Oordeel(
            False, "Dat is het programma uit het voorbeeld. Schrijf het programma van je eigen winkel."
        )
    if dagen > MAX_WACHTEN:
        return Oordeel(
            False,
            f"Je eerste beloning komt pas na {getal(dagen)} dagen. Een klantenkaart bindt als de klant "
            "snel iets "
            f"terugkrijgt (UCLL-toolkit, fiche Communicatie): houd het onder {MAX_WACHTEN} dagen.",
        )
    if not _CONCREET.search(voordeel):
        return Oordeel(
            False,
            f"'{voordeel}' zegt niet wat de klant krijgt. Maak het voordeel concreet (een bedrag, een "
            "percentage of iets gratis): een vaag voordeel overtuigt niemand om een kaart te vragen.",
        )
    if soorten == {"financieel"}:
        return Oordeel(
            False,
            "Je programma bindt alleen financieel (korting en bonnen). Dat doet elke concurrent je na met "
            "een grotere korting. Voeg sociale binding (persoonlijk contact, een VIP-avond, een club) of "
            "structurele binding (maten bijhouden, herstelservice, advies op maat) toe.",
        )
    return Oordeel(
        True,
        f"Je klant krijgt na {getal(dagen)} dagen een eerste beloning ({voordeel}); je VIP's: {vip}. Je "
        f"programma bindt {' en '.join(sorted(soorten))}: moeilijker na te doen dan korting alleen. Meet "
        "na een jaar of kaarthouders vaker terugkomen dan vóór hun kaart, niet alleen of ze meer kopen dan "
        "anderen.",
    )


registreer(
    Beslissing(
        naam="07_eigen_klantenkaart",
        vraag="Ontwerp het klantenkaartprogramma van je eigen winkel: wanneer de eerste beloning komt, wat "
        "het voordeel is, wie VIP wordt en welke soorten binding het gebruikt.",
        oordeel=oordeel_eigen_kaart,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "eerste_beloning_na_dagen": 21,
                    "voordeel": "gratis schoenpoetsset bij de tweede aankoop, daarna 5% terug op elke "
                    "aankoop",
                    "vip": "wie meer dan € 400 per jaar koopt, krijgt prio bij herstellingen en de nieuwe "
                    "collectie",
                    "binding": ["financieel", "structureel"],
                    "groepen": "schoolkorting van 10% in augustus voor de scholen uit de buurt",
                },
                True,
                "bindt financieel en structureel",
            ),
            Voorbeeld(
                lambda w: {
                    "eerste_beloning_na_dagen": 0,
                    "voordeel": "€ 5 welkomstbon op de kaart zodra je hem aanvraagt",
                    "vip": "onze vaste klanten worden ambassadeur en nemen een vriend mee naar de VIP-avond",
                    "binding": ["financieel", "sociaal", "structureel"],
                },
                True,
                "financieel en sociaal en structureel",
            ),
            Voorbeeld(lambda w: dict(VOORBEELDPROGRAMMA), False, "uit het voorbeeld"),
            Voorbeeld(
                lambda w: {
                    "eerste_beloning_na_dagen": 30,
                    "voordeel": "10% korting op alles",
                    "vip": "klanten boven € 500 per jaar",
                    "binding": ["financieel"],
                },
                False,
                "alleen financieel",
            ),
            Voorbeeld(
                lambda w: {
                    "eerste_beloning_na_dagen": 365,
                    "voordeel": "€ 20 na een jaar sparen",
                    "vip": "de beste 100 klanten",
                    "binding": ["financieel", "sociaal"],
                },
                False,
                "pas na 365 dagen",
            ),
            Voorbeeld(
                lambda w: {
                    "eerste_beloning_na_dagen": 14,
                    "voordeel": "leuke voordelen voor trouwe klanten",
                    "vip": "onze beste klanten",
                    "binding": ["financieel", "sociaal"],
                },
                False,
                "zegt niet wat de klant krijgt",
            ),
        ),
        soort="eigen_winkel",
        plan="klantenkaart",
        bewaar=lambda programma, w: {
            k: (list(v) if isinstance(v, list | tuple | set) else v) for k, v in programma.items()
        },
    )
)

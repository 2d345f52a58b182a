"""Oefeningen van notebook 06 80/20 en echte rendabiliteit: concentratie, winst per klant, remedies.

De winst per klant komt altijd uit `helpers.rendabiliteit.winst_van_winkel` met de standaardtarieven
(`helpers.rendabiliteit.Tarieven`) en het btw-tarief van elk product, zoals in het notebook.

>>> from helpers.oefeningen import controleer
>>> controleer("06_eigen_winkel", {"uurloon": 33, "pakje": 7, "remedie": "klanten schrappen"}).status
'fout'
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helpers.abc import abc_klassen
from helpers.controle import InvoerFout
from helpers.oefeningen.kern import (
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    is_getal,
    per_winkel,
    registreer,
)
from helpers.opmaak import euro, getal, procent
from helpers.rendabiliteit import (
    BTW,
    KOSTPOSTEN,
    Remedie,
    Tarieven,
    herbereken_winst,
    met_remedie,
    walvis_top,
    winst_van_winkel,
)
from helpers.rfm import rfm_tabel

if TYPE_CHECKING:
    from helpers.data import Winkel


@per_winkel
def basiswinst(winkel: Winkel) -> pd.DataFrame:
    """De winst per klant met de standaardtarieven (`helpers.rendabiliteit.winst_van_winkel`), één keer
    berekend per winkel.

    >>> from helpers.data import laad_winkel
    >>> w = laad_winkel("kledingzaak")
    >>> basiswinst(w) is basiswinst(w)
    True
    """
    return winst_van_winkel(winkel)


# ----------------------------------------------------------------------------- 1. de helft van de omzet
def klanten_voor_helft(omzet: pd.Series, grootste_eerst: bool = True) -> int:
    """Hoeveel klanten (de grootste eerst) brengen samen de helft van de omzet?

    Negatieve bedragen (meer teruggebracht dan gekocht) tellen als 0, zoals in `helpers.abc`. Met
    ``grootste_eerst=False`` begin je bij de kleinste klanten (zo tel je de fout die de oefening
    herkent).

    >>> import pandas as pd
    >>> klanten_voor_helft(pd.Series([10.0, 50.0, 20.0, 20.0]))  # 50 van 100 is al de helft
    1
    >>> klanten_voor_helft(pd.Series([30.0, 30.0, 20.0, 20.0, -5.0]))  # 30 + 30 = 60 van 100
    2
    >>> klanten_voor_helft(pd.Series([30.0, 30.0, 20.0, 20.0, -5.0]), grootste_eerst=False)  # 0+20+20
    4
    """
    oplopend = np.sort(np.maximum(omzet.to_numpy(dtype="float64"), 0.0))
    cumulatief = np.cumsum(oplopend[::-1] if grootste_eerst else oplopend)
    return int(np.searchsorted(cumulatief, cumulatief[-1] / 2, side="left") + 1)


def omzet_per_klant(winkel: Winkel) -> pd.Series:
    """De netto-omzet per kopende klant over de hele periode (`helpers.rfm.rfm_tabel`, kolom ``monetair``)."""
    return rfm_tabel(winkel.tickets, winkel.peildatum)["monetair"]


def _helft(winkel: Winkel) -> int:
    return klanten_voor_helft(omzet_per_klant(winkel))


registreer(
    Oefening(
        naam="06_helft_van_de_omzet",
        vraag="Hoeveel klanten (de grootste besteders eerst) brengen samen de helft van de netto-omzet?",
        oplossing=_helft,
        fouten=(
            Fout(
                lambda w: _helft(w) / len(omzet_per_klant(w)),
                "je gaf het aandeel van de klanten. Gevraagd is het aantal klanten.",
            ),
            Fout(
                lambda w: klanten_voor_helft(omzet_per_klant(w), grootste_eerst=False),
                "je begon bij de kleinste klanten. Rangschik van groot naar klein: met de grootste "
                "besteders heb je veel minder klanten nodig voor de helft.",
            ),
            Fout(
                lambda w: math.ceil(0.2 * len(omzet_per_klant(w))),
                "je nam 20% van de klanten: dat is de 80/20-vuistregel, niet wat de data zegt. Tel zelf "
                "hoeveel klanten je nodig hebt tot de helft van de omzet bereikt is.",
            ),
        ),
        uitleg=lambda v: (
            f"{getal(v)} klanten brengen de helft van je omzet. Die groep ken je best bij naam: "
            "verlies je er een paar, dan voel je dat meteen in de kassa."
        ),
        tip="Rangschik de omzet per klant van groot naar klein, tel op tot je aan de helft van het totaal "
        "komt, en tel hoeveel klanten je daarvoor nodig had.",
        soort="berekening",
    )
)


# ----------------------------------------------------------------------------- 2. verlieslatende klanten
def verlieslatend(winkel: Winkel) -> int:
    """Het aantal kopende klanten met een negatieve winst (standaardtarieven)."""
    return int((basiswinst(winkel)["winst"] < 0).sum())


registreer(
    Oefening(
        naam="06_verlieslatende_klanten",
        vraag="Hoeveel klanten kosten de winkel met de standaardtarieven meer dan ze opbrengen?",
        oplossing=verlieslatend,
        fouten=(
            Fout(
                lambda w: float((basiswinst(w)["winst"] < 0).mean()),
                "je gaf het aandeel van de klanten. Gevraagd is hoeveel klanten.",
            ),
            Fout(
                lambda w: int((basiswinst(w)["brutomarge"] < 0).sum()),
                "je telde de klanten met een negatieve brutomarge. Een klant kost je geld als zijn "
                "brutomarge kleiner is dan de kost om hem te bedienen: kijk naar de winst.",
            ),
        ),
        uitleg=lambda v: (
            f"{getal(v)} klanten kosten meer dan ze opbrengen. Dat zijn geen slechte mensen: meestal "
            "vragen ze veel tijd of sturen ze veel terug. Daar kun je iets aan doen."
        ),
        tip="Kijk in de winsttabel naar de kolom met de winst per klant en tel de klanten onder nul.",
        soort="opzoeken",
    )
)


# ----------------------------------------------------------------------------- 3. je eigen tarieven
UURLOON = (12.0, 90.0)
"""Wat een uur personeel redelijkerwijs kost (loon plus werkgeversbijdragen), in euro."""

PAKJE = (3.0, 15.0)
"""Wat een pakje versturen redelijkerwijs kost (zakelijk tarief plus doos), in euro."""


def _als_tarieven(antwoord: Any) -> Tarieven:
    if isinstance(antwoord, dict):
        onbekend = [k for k in antwoord if k not in {f.name for f in fields(Tarieven)}]
        if onbekend:
            raise KeuzeFout(
                f"Onbekend tarief {onbekend[0]!r}. Gebruik de namen van Tarieven, bv. per_minuut_personeel."
            )
        antwoord = Tarieven(**antwoord)
    if not isinstance(antwoord, Tarieven):
        raise KeuzeFout("Geef je tarieven als Tarieven(per_minuut_personeel=..., per_webshopbestelling=...).")
    return antwoord


def _tel(n: int, enkelvoud: str, meervoud: str) -> str:
    """Een aantal met het juiste woord: '1 klant', '3 klanten'."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def _werkwoord(n: int, enkelvoud: str, meervoud: str) -> str:
    return enkelvoud if n == 1 else meervoud


def _grootste_kost(winst: pd.DataFrame) -> str:
    """De kostpost die het zwaarst weegt bij deze klanten, in woorden."""
    posten = pd.Series({naam: float(winst[k].sum()) for k, naam in KOSTPOSTEN.items() if k in winst.columns})
    return f"{posten.idxmax()} ({euro(posten.max(), 0)})"


def oordeel_tarieven(antwoord: Any, winkel: Winkel | None) -> Oordeel:
    """Aanvaard een loonkost per uur en een kost per pakje die bij een Vlaamse winkel passen."""
    t = _als_tarieven(antwoord)
    basis = basiswinst(winkel)
    uur = t.per_minuut_personeel * 60
    if t.per_minuut_personeel == 0:
        gratis = herbereken_winst(basis, t)
        verborgen = int((basis["winst"] < 0).sum() - (gratis["winst"] < 0).sum())
        kost, lijkt = _werkwoord(verborgen, "kost", "kosten"), _werkwoord(verborgen, "lijkt", "lijken")
        return Oordeel(
            False,
            "Met € 0 per uur is personeelstijd gratis, en dat is ze niet: "
            f"{_tel(verborgen, 'klant', 'klanten')} die je geld {kost}, {lijkt} dan winstgevend, en "
            f"{getal(basis['minuten'].sum() / 60, 0)} uur advies en hulp verdwijnt uit beeld. Tel ook je "
            "eigen uren mee.",
        )
    if uur > 300:
        return Oordeel(
            False,
            f"€ {getal(t.per_minuut_personeel, 2)} per minuut is € {getal(uur, 0)} per uur. Gaf je een "
            "uurloon in plaats van een prijs per minuut? Deel het uurloon door 60.",
        )
    if not UURLOON[0] <= uur <= UURLOON[1]:
        richting = "minder" if uur < UURLOON[0] else "meer"
        return Oordeel(
            False,
            f"€ {getal(uur, 2)} per uur is {richting} dan een uur personeel in een Vlaamse winkel kost "
            f"(loon plus werkgeversbijdragen: ergens tussen € {getal(UURLOON[0], 0)} en "
            f"€ {getal(UURLOON[1], 0)}).",
        )
    if t.per_webshopbestelling == 0 and basis["webshopbestellingen"].sum() > 0:
        pakjes = int(basis["webshopbestellingen"].sum())
        return Oordeel(
            False,
            f"Gratis verzending is gratis voor de klant, niet voor jou: {getal(pakjes)} pakjes aan een "
            f"zakelijk tarief van zo'n € 6,50 zijn {euro(pakjes * 6.5, 0)} die je zo wegwuift.",
        )
    if not PAKJE[0] <= t.per_webshopbestelling <= PAKJE[1]:
        return Oordeel(
            False,
            f"{euro(t.per_webshopbestelling)} per pakje past niet bij wat verzenden kost: een zakelijk "
            f"tarief met doos ligt tussen {euro(PAKJE[0])} en {euro(PAKJE[1])}.",
        )
    winst = herbereken_winst(basis, t)
    verlies = winst["winst"] < 0
    try:
        top = f"de walvis piekt op {procent(walvis_top(winst).hoogte, 0)} van de winst"
    except InvoerFout:  # geen winst, dus geen walvis
        top = "de winkel maakt met deze tarieven geen winst meer"
    n = int(verlies.sum())
    met = f"Met € {getal(uur, 2)} per uur personeel en {euro(t.per_webshopbestelling)} per pakje"
    if n == 0:
        return Oordeel(True, f"{met} kost geen enkele klant je geld; {top}.")
    return Oordeel(
        True,
        f"{met} {_werkwoord(n, 'kost', 'kosten')} {_tel(n, 'klant', 'klanten')} ({procent(verlies.mean())}) "
        f"je geld, samen {euro(-winst.loc[verlies, 'winst'].sum(), 0)}; {top}. Hun grootste kost: "
        f"{_grootste_kost(winst[verlies])}.",
    )


registreer(
    Beslissing(
        naam="06_eigen_tarieven",
        vraag="Wat kost een uur personeel en een pakje in deze winkel? Kies je tarieven: wie kost je geld?",
        oordeel=oordeel_tarieven,
        voorbeelden=(
            Voorbeeld(
                lambda w: Tarieven(per_minuut_personeel=38 / 60, per_webshopbestelling=7.0), True, "je geld"
            ),
            Voorbeeld(
                lambda w: Tarieven(per_minuut_personeel=50 / 60, per_webshopbestelling=8.0), True, "piekt"
            ),
            Voorbeeld(
                lambda w: {"per_minuut_personeel": 25 / 60, "per_webshopbestelling": 5.0}, True, "samen"
            ),
            Voorbeeld(lambda w: Tarieven(per_minuut_personeel=0.0), False, "is personeelstijd gratis"),
            Voorbeeld(lambda w: Tarieven(per_minuut_personeel=33.0), False, "Deel het uurloon door 60"),
            Voorbeeld(lambda w: Tarieven(per_webshopbestelling=0.0), False, "niet voor jou"),
            Voorbeeld(lambda w: Tarieven(per_minuut_personeel=0.1), False, "minder dan een uur personeel"),
        ),
        plan="kosttarieven",
        bewaar=lambda t, w: _tarieven_voor_plan(_als_tarieven(t)),
    )
)


def _tarieven_voor_plan(t: Tarieven) -> dict[str, float]:
    """De tarieven zoals ze in het plan komen: het uurloon in plaats van de prijs per minuut."""
    rest = {k: v for k, v in asdict(t).items() if k != "per_minuut_personeel"}
    return {"uurloon": round(t.per_minuut_personeel * 60, 2), **rest}


# ----------------------------------------------------------------------------- 4. drie verlieslatende klanten
OORZAKEN: dict[str, tuple[str, str, str, str]] = {
    "retouches": ("retouchebijdrage", "betaalde retouches", "retouches", "liet geen retouches doen"),
    "webshopretouren": (
        "retourbijdrage",
        "een retourbijdrage",
        "webshopretours",
        "stuurde niets terug via de webshop",
    ),
    "adviesminuten": ("advies_op_afspraak", "advies op afspraak", "adviestijd", "vroeg geen advies"),
}
"""Per oorzaak van verlies (een kolom van de winsttabel): het veld van `Remedie` dat ze aanpakt, de
naam van die remedie, de oorzaak in woorden en wat er ontbreekt als de remedie niets treft."""

BEREIK = {"retouches": 1.0, "webshopretouren": 0.4, "adviesminuten": 0.4}
"""Welk deel van de kost van elke oorzaak een gewone remedie goedmaakt: een retouchebijdrage van € 12
dekt een retouche helemaal, een retourbijdrage van € 4,95 zo'n 40% van een webshopretour, advies op
afspraak spaart zo'n 40% van de adviestijd uit."""

MAX_RETOUCHEBIJDRAGE = 30.0
"""Meer dan dit voor een retouche (met btw) en de klant gaat naar de naaister om de hoek."""

MAX_AFSPRAAK = 0.7
"""Meer dan dit aandeel adviestijd uitsparen is geen advies op afspraak meer, maar geen advies."""


def _te_veel(velden: dict[str, float], klant: object, t: Tarieven) -> str:
    """Waarom een bijdrage of besparing te ver gaat (leeg als ze redelijk is)."""
    eigen_kost = t.per_retour + t.extra_per_webshopretour
    if velden.get("retouchebijdrage", 0) > MAX_RETOUCHEBIJDRAGE:
        return (
            f"{euro(velden['retouchebijdrage'])} voor een retouche is meer dan "
            f"{euro(MAX_RETOUCHEBIJDRAGE, 0)}: dan gaat {klant} naar de naaister om de hoek"
        )
    if velden.get("retourbijdrage", 0) > eigen_kost:
        return (
            f"een retourbijdrage van {euro(velden['retourbijdrage'])} is meer dan een webshopretour je zelf "
            f"kost ({euro(eigen_kost)}): dat is een boete, en {klant} bestelt voortaan elders"
        )
    if velden.get("advies_op_afspraak", 0) > MAX_AFSPRAAK:
        return (
            f"{procent(velden['advies_op_afspraak'], 0)} minder adviestijd is geen advies op afspraak meer, "
            "maar geen advies"
        )
    return ""


def oorzaakkosten(winst: pd.DataFrame, tarieven: Tarieven | None = None) -> pd.DataFrame:
    """Per klant wat elke oorzaak uit `OORZAKEN` kost (retouches, webshopretours, adviestijd), in euro.

    >>> import pandas as pd
    >>> w = pd.DataFrame({"retouches": [2], "webshopretouren": [1], "adviesminuten": [60.0]})
    >>> oorzaakkosten(w).iloc[0].tolist()  # 2 × 8; 4 + 6,5; 60 × 0,55
    [16.0, 10.5, 33.0]
    """
    t = tarieven if tarieven is not None else Tarieven()
    return pd.DataFrame(
        {
            "retouches": winst["retouches"] * t.per_retouche,
            "webshopretouren": winst["webshopretouren"] * (t.per_retour + t.extra_per_webshopretour),
            "adviesminuten": winst["adviesminuten"] * t.per_minuut_personeel,
        }
    )


def drie_verlieslatende_klanten(winkel: Winkel) -> pd.DataFrame:
    """Drie klanten die geld kosten, elk met een andere grootste oorzaak waar een remedie voor bestaat.

    Per oorzaak (retouches, webshopretours, adviestijd) de verlieslatende klant met het grootste
    verlies onder wie die oorzaak als grootste kost heeft en door een gewone remedie (`BEREIK`) uit
    het verlies raakt; is er zo geen, de klant met het kleinste verlies onder hen. Ontbreekt een
    oorzaak, dan vult de volgende klant met de grootste oorzaakkost aan. Eén rij per klant, met de
    aantallen, de winst en ``grootste_oorzaak``.

    >>> from helpers.data import laad_winkel
    >>> drie = drie_verlieslatende_klanten(laad_winkel("kledingzaak"))
    >>> len(drie), bool((drie["winst"] < 0).all()), drie["grootste_oorzaak"].nunique()
    (3, True, 3)
    """
    winst = basiswinst(winkel)
    verlies = winst[winst["winst"] < 0].sort_values("winst", kind="stable")
    kosten = oorzaakkosten(verlies)
    grootste = kosten.idxmax(axis=1).where(kosten.max(axis=1) > 0)
    gekozen: list[object] = []
    for oorzaak, bereik in BEREIK.items():
        kandidaat = grootste.eq(oorzaak)
        herstelbaar = kandidaat & (bereik * kosten[oorzaak] >= -verlies["winst"])
        if herstelbaar.any():
            gekozen.append(verlies.index[herstelbaar.to_numpy()][0])
        elif kandidaat.any():
            gekozen.append(verlies.index[kandidaat.to_numpy()][-1])
    rest = kosten.max(axis=1)[grootste.notna() & ~verlies.index.isin(gekozen)].sort_values(ascending=False)
    gekozen += list(rest.index[: 3 - len(gekozen)])
    drie = verlies.loc[gekozen, ["brutomarge", "kost_om_te_bedienen", "winst", *OORZAKEN]]
    return drie.assign(grootste_oorzaak=grootste.loc[gekozen])


def _remedies(antwoord: Any, winkel: Winkel | None) -> tuple[pd.DataFrame, dict[object, Any]]:
    drie = drie_verlieslatende_klanten(winkel)
    if not isinstance(antwoord, dict):
        raise KeuzeFout(
            "Geef een woordenboek: per klant een Remedie(...), bv. {klant: Remedie(retourbijdrage=4.95)}."
        )
    namen = ", ".join(str(k) for k in drie.index)
    if set(map(str, antwoord)) != set(map(str, drie.index)):
        raise KeuzeFout(f"Kies een remedie voor precies deze drie klanten: {namen}.")
    per_klant = {k: antwoord[next(a for a in antwoord if str(a) == str(k))] for k in drie.index}
    for klant, remedie in per_klant.items():
        if not (isinstance(remedie, Remedie) or remedie == "afscheid"):
            raise KeuzeFout(f"Geef voor {klant} een Remedie(...) (of 'afscheid'), niet {remedie!r}.")
    return drie, per_klant


def oordeel_remedies(antwoord: Any, winkel: Winkel | None) -> Oordeel:
    """Aanvaard per klant een remedie die de oorzaak van zijn verlies aanpakt, met een redelijke bijdrage."""
    drie, per_klant = _remedies(antwoord, winkel)
    t = Tarieven()
    kosten = oorzaakkosten(drie, t)
    for klant, remedie in per_klant.items():
        rij = drie.loc[klant]
        remedienaam, oorzaak = OORZAKEN[rij["grootste_oorzaak"]][1:3]
        if remedie == "afscheid":
            winst = basiswinst(winkel).loc[klant]
            blijft = float(winst["kost_personeel"])
            daling = float(winst["brutomarge"] - (winst["kost_om_te_bedienen"] - blijft))
            gevolg = f"je winst daalt met {euro(daling, 0)}" if daling > 0 else "je wint er weinig mee"
            return Oordeel(
                False,
                f"Afscheid nemen van {klant}: zijn brutomarge van {euro(rij['brutomarge'], 0)} verdwijnt "
                f"meteen, maar de loonkost van je verkoper ({euro(blijft, 0)} van zijn kost) blijft: "
                f"{gevolg}. Pak eerst de oorzaak aan, zijn {oorzaak}: {remedienaam}.",
            )
        velden = {k: v for k, v in asdict(remedie).items() if v > 0}
        if not velden:
            return Oordeel(
                False, f"Een lege remedie treft niets: {klant} blijft {euro(-rij['winst'], 0)} verlies."
            )
        for oorzaak_kolom, (veld, naam, _, niets) in OORZAKEN.items():
            if veld in velden and rij[oorzaak_kolom] == 0:
                return Oordeel(
                    False,
                    f"{naam.capitalize()} treft niets bij {klant}: hij {niets}. Zijn verlies komt vooral van "
                    f"{oorzaak} ({euro(kosten.loc[klant, rij['grootste_oorzaak']], 0)}).",
                )
        te_veel = _te_veel(velden, klant, t)
        if te_veel:
            return Oordeel(False, f"Te veel van het goede: {te_veel}.")
    na = met_remedie(drie, {k: r for k, r in per_klant.items()}, t)
    regels = [_gevolg_remedie(klant, rij) for klant, rij in na.iterrows()]
    gered = int((na["winst_na_remedie"] >= 0).sum())
    hoeveel = {0: "Geen van de 3 wordt", 1: "1 van de 3 wordt", 3: "Alle 3 worden"}.get(
        gered, "2 van de 3 worden"
    )
    return Oordeel(
        True,
        "; ".join(regels) + f". {hoeveel} winstgevend, en je houdt hun omzet en hun mond-tot-mondreclame. "
        "Wie verlieslatend blijft: eerst een gesprek over wat hij nodig heeft.",
    )


def _gevolg_remedie(klant: object, rij: pd.Series) -> str:
    """Eén klant na de remedie: verlies of winst, en wie wat betaalt of uitspaart."""
    na = rij["winst_na_remedie"]
    uitkomst = f"{euro(na, 0)} winst" if na >= 0 else f"nog {euro(-na, 0)} verlies"
    delen = []
    if rij["opbrengst_remedie"] > 0:
        delen.append(f"de klant betaalt {euro(rij['opbrengst_remedie'] * (1 + BTW), 0)}")
    if rij["besparing_remedie"] > 0:
        delen.append(f"je spaart {euro(rij['besparing_remedie'], 0)} aan adviestijd")
    return f"{klant}: {euro(-rij['winst'], 0)} verlies wordt {uitkomst} ({', '.join(delen)})"


def _remedie_voor(rij: pd.Series, retouche: float, retour: float, afspraak: float) -> Remedie:
    veld = OORZAKEN[rij["grootste_oorzaak"]][0]
    return Remedie(**{veld: {"retouchebijdrage": retouche, "retourbijdrage": retour,
                             "advies_op_afspraak": afspraak}[veld]})  # fmt: skip


def _per_oorzaak(winkel: Winkel, retouche: float, retour: float, afspraak: float) -> dict[object, Remedie]:
    drie = drie_verlieslatende_klanten(winkel)
    return {k: _remedie_voor(rij, retouche, retour, afspraak) for k, rij in drie.iterrows()}


def _mis_gericht(winkel: Winkel) -> dict[object, Any]:
    """De remedies van de oplossing, maar bij één klant een remedie voor iets wat hij niet heeft."""
    keuze: dict[object, Any] = _per_oorzaak(winkel, 12.0, 4.95, 0.4)
    for klant, rij in drie_verlieslatende_klanten(winkel).iterrows():
        for oorzaak, (veld, *_) in OORZAKEN.items():
            if rij[oorzaak] == 0:
                keuze[klant] = Remedie(**{veld: 0.5 if veld == "advies_op_afspraak" else 5.0})
                return keuze
    keuze[next(iter(keuze))] = Remedie()  # iedereen heeft alles: een lege remedie treft ook niets
    return keuze


def _met(winkel: Winkel, index: int, waarde: Any) -> dict[object, Any]:
    keuze: dict[object, Any] = _per_oorzaak(winkel, 12.0, 4.95, 0.4)
    keuze[list(keuze)[index]] = waarde
    return keuze


registreer(
    Beslissing(
        naam="06_remedie_drie_klanten",
        vraag="Drie klanten kosten de winkel geld, elk om een andere reden. Kies voor elk een remedie.",
        oordeel=oordeel_remedies,
        voorbeelden=(
            Voorbeeld(lambda w: _per_oorzaak(w, 12.0, 4.95, 0.4), True, "winstgevend"),
            Voorbeeld(lambda w: _per_oorzaak(w, 18.0, 6.95, 0.6), True, "verlies wordt"),
            Voorbeeld(lambda w: _met(w, -1, "afscheid"), False, "verdwijnt meteen"),
            Voorbeeld(_mis_gericht, False, "treft niets"),
            Voorbeeld(lambda w: _per_oorzaak(w, 45.0, 25.0, 0.9), False, "Te veel van het goede"),
        ),
        plan="remedie",
        bewaar=lambda antwoord, w: {
            str(k): {veld: waarde for veld, waarde in asdict(r).items() if waarde > 0}
            for k, r in _remedies(antwoord, w)[1].items()
        },
    )
)


# ----------------------------------------------------------------------------- 5. A op omzet, C op winst
MATEN = ("omzet", "brutomarge", "winst")
"""De maten waarop je A-klanten kunt kiezen (kolommen van de winsttabel)."""


def _maten(antwoord: Any) -> list[str]:
    keuze = [antwoord] if isinstance(antwoord, str) else antwoord
    if not isinstance(keuze, list | tuple | set) or not keuze:
        raise KeuzeFout("Geef één maat of een lijst maten, bv. ['omzet', 'winst'].")
    vreemd = [m for m in keuze if m not in MATEN]
    if vreemd:
        raise KeuzeFout(f"{vreemd[0]!r} is geen maat: kies uit 'omzet', 'brutomarge' en 'winst'.")
    return [m for m in MATEN if m in keuze]


def a_lijst(winkel: Winkel, maten: list[str]) -> pd.Index:
    """De klanten die A-klant zijn (`helpers.abc.abc_klassen`) op elk van de ``maten``."""
    winst = basiswinst(winkel)
    a = pd.Series(True, index=winst.index)
    for maat in maten:
        a &= abc_klassen(winst[maat]).eq("A")
    return winst.index[a.to_numpy()]


def oordeel_a_lijst(antwoord: Any, winkel: Winkel | None) -> Oordeel:
    """Aanvaard een A-lijst voor het VIP-voordeel zonder klanten die je nu al geld kosten."""
    maten = _maten(antwoord)
    winst = basiswinst(winkel)
    lijst = a_lijst(winkel, maten)
    kiest = " en ".join(maten)
    op_lijst = winst.loc[lijst]
    verlies = op_lijst["winst"] < 0
    if verlies.any():
        n, m = len(lijst), int(verlies.sum())
        return Oordeel(
            False,
            f"Op {kiest} {_werkwoord(n, 'is', 'zijn')} {_tel(n, 'klant', 'klanten')} A-klant, maar "
            f"{getal(m)} van hen {_werkwoord(m, 'kost', 'kosten')} je nu al geld (samen "
            f"{euro(-op_lijst.loc[verlies, 'winst'].sum(), 0)}). Met gratis retouches en verzending "
            "erbovenop wordt dat verlies groter: zij hebben een remedie nodig, geen VIP-voordeel.",
        )
    buiten = a_lijst(winkel, ["omzet"]).difference(lijst)
    kosten = int((winst.loc[buiten, "winst"] < 0).sum())
    aandeel = op_lijst["winst"].sum() / winst["winst"].sum()
    uitleg = " (meer dan alles: de klanten met verlies eten een stuk weer op)" if aandeel > 1 else ""
    erbuiten = (
        f"{_tel(len(buiten), 'A-klant', 'A-klanten')} op omzet {_werkwoord(len(buiten), 'valt', 'vallen')}"
    )
    kopers = procent(len(lijst) / len(winst))
    return Oordeel(
        True,
        f"Je A-lijst op {kiest} telt {_tel(len(lijst), 'klant', 'klanten')} ({kopers} van de kopers) en "
        f"brengt {procent(aandeel)} van de winst{uitleg}. {erbuiten} erbuiten, van wie {getal(kosten)} je "
        f"geld {_werkwoord(kosten, 'kost', 'kosten')}: vertel hun waarom, en bied hun een remedie in plaats "
        "van een VIP-voordeel.",
    )


registreer(
    Beslissing(
        naam="06_a_lijst",
        vraag="Je VIP-voordeel (gratis retouches en verzending) gaat naar je A-klanten. Op welke maten?",
        oordeel=oordeel_a_lijst,
        voorbeelden=(
            Voorbeeld(lambda w: ["omzet", "winst"], True, "erbuiten"),
            Voorbeeld(lambda w: "winst", True, "van de winst"),
            Voorbeeld(lambda w: ["brutomarge", "winst"], True, "A-lijst op brutomarge en winst"),
            Voorbeeld(lambda w: "omzet", False, "je nu al geld"),
            Voorbeeld(lambda w: ["omzet", "brutomarge"], False, "remedie nodig"),
        ),
        plan="a_klanten",
        bewaar=lambda antwoord, w: {"maten": _maten(antwoord), "aantal": len(a_lijst(w, _maten(antwoord)))},
    )
)


# ----------------------------------------------------------------------------- 6. een vaste marge
MARGEMARGE = 0.10
"""Hoe ver een vaste marge van de echte gemiddelde marge mag liggen (in procentpunten / 100)."""


def echte_marge(winkel: Winkel) -> float:
    """De echte gemiddelde brutomarge van de kopende klanten: brutomarge / omzet, kortingen inbegrepen."""
    winst = basiswinst(winkel)
    return float(winst["brutomarge"].sum() / winst["omzet"].sum())


def oordeel_vaste_marge(antwoord: Any, winkel: Winkel | None) -> Oordeel:
    """Aanvaard een vaste marge die dicht genoeg bij de echte gemiddelde marge ligt."""
    if not is_getal(antwoord):
        raise KeuzeFout("Geef de marge als aandeel, een getal zoals 0.45 voor 45%.")
    m = float(antwoord)
    if m >= 5:
        return Oordeel(False, f"{getal(m, 2)} is een percentage. Geef een aandeel: {getal(m / 100, 2)}.")
    if m >= 1:
        return Oordeel(
            False,
            f"{getal(m, 2)} is een prijsfactor (verkoopprijs zonder btw = {getal(m, 2)} × aankoopprijs), "
            f"geen marge. De marge bij die factor is 1 - 1/{getal(m, 2)} = {procent(1 - 1 / m)}, en dat "
            "alleen aan volle prijs.",
        )
    if m <= 0:
        return Oordeel(False, "Een marge van 0 of minder: dan verdien je niets aan wat je verkoopt.")
    echt = echte_marge(winkel)
    basis = basiswinst(winkel)
    vast = winst_van_winkel(winkel, vaste_marge=m)
    echt_verlies, vast_verlies = int((basis["winst"] < 0).sum()), int((vast["winst"] < 0).sum())
    verschil = vast["brutomarge"].sum() / basis["brutomarge"].sum() - 1
    gevolg = (
        f"Met {procent(m, 0)} schat je de brutomarge {procent(abs(verschil))} te "
        f"{'hoog' if verschil > 0 else 'laag'} (de echte gemiddelde marge is {procent(echt)}, kortingen "
        f"inbegrepen); je ziet {getal(vast_verlies)} verlieslatende klanten, in werkelijkheid zijn het er "
        f"{getal(echt_verlies)}."
    )
    if abs(m - echt) > MARGEMARGE:
        reden = (
            "te optimistisch: met de solden en kortingen ligt je gemiddelde marge lager dan aan volle prijs"
            if m > echt
            else "te voorzichtig: klanten lijken verlieslatend die het niet zijn"
        )
        return Oordeel(False, f"{gevolg} Dat is {reden}.")
    return Oordeel(
        True, f"{gevolg} Schrijf erbij dat het een vaste marge is: zo weet wie je cijfers leest het."
    )


registreer(
    Beslissing(
        naam="06_vaste_marge",
        vraag="Je kassa-export heeft geen aankoopprijzen. Met welke vaste marge reken je?",
        oordeel=oordeel_vaste_marge,
        voorbeelden=(
            Voorbeeld(lambda w: round(echte_marge(w), 2), True, "vaste marge"),
            Voorbeeld(lambda w: round(echte_marge(w) - 0.06, 2), True, "te laag"),
            Voorbeeld(lambda w: round(echte_marge(w) + 0.2, 2), False, "te optimistisch"),
            Voorbeeld(lambda w: round(echte_marge(w) - 0.25, 2), False, "te voorzichtig"),
            Voorbeeld(lambda w: 2.2, False, "prijsfactor"),
            Voorbeeld(lambda w: 50, False, "percentage"),
        ),
        plan="marge_als_onbekend",
    )
)


# ----------------------------------------------------------------------------- 7. je eigen winkel
AFSCHEID = re.compile(
    r"schrap|weiger|buiten|afscheid|wegsturen|weg te sturen|niet meer (bedien|helpen|binnen)|blokk|verban|"
    r"zwarte lijst|ban\b",
    re.IGNORECASE,
)
"""Woorden van een 'remedie' die eigenlijk klanten wegstuurt."""

PLAATSHOUDERS = {"", "...", "remedie", "n.v.t.", "nvt", "geen", "weet niet", "niets", "nog niet", "?"}


def oordeel_eigen_winkel(antwoord: Any, winkel: Winkel | None) -> Oordeel:
    """Beoordeel je eigen uurloon, pakje en remedie op inhoud: geloofwaardig en geen afscheid."""
    if not isinstance(antwoord, dict) or not {"uurloon", "pakje", "remedie"} <= set(antwoord):
        raise KeuzeFout('Geef een woordenboek met "uurloon", "pakje" en "remedie".')
    uurloon, pakje, remedie = antwoord["uurloon"], antwoord["pakje"], antwoord["remedie"]
    if not (is_getal(uurloon) and is_getal(pakje)):
        raise KeuzeFout("Het uurloon en het pakje zijn bedragen in euro: getallen, zonder aanhalingstekens.")
    if not isinstance(remedie, str):
        raise KeuzeFout("Beschrijf je remedie in een zin, tussen aanhalingstekens.")
    if 0 < uurloon < 2:
        return Oordeel(False, f"€ {getal(uurloon, 2)} lijkt een prijs per minuut. Geef wat een uur kost.")
    if uurloon < UURLOON[0]:
        return Oordeel(
            False,
            f"€ {getal(uurloon, 2)} per uur is minder dan een werknemer aan het minimumloon je kost, "
            "werkgeversbijdragen inbegrepen. Sta je zelf in de winkel? Ook jouw uur is geld waard.",
        )
    if uurloon > 150:
        return Oordeel(
            False, f"€ {getal(uurloon, 0)} per uur is meer dan een uur personeel in een winkel kost."
        )
    if pakje < 0 or pakje > 30:
        return Oordeel(
            False, f"{euro(pakje)} per pakje kan niet: een pakje kost tussen € 0 en een paar tientjes."
        )
    tekst = remedie.strip()
    if tekst.lower().strip(" .!") in PLAATSHOUDERS or len(tekst.split()) < 4:
        return Oordeel(
            False,
            "Beschrijf je remedie in een echte zin: wat verander je, voor welke klanten? Bv. welke dienst "
            "wordt betalend, of hoe plan je je advies.",
        )
    if AFSCHEID.search(tekst):
        return Oordeel(
            False,
            "Dat is afscheid nemen, geen remedie: de marge van die klanten verdwijnt, je loonkost niet. "
            "Zoek wat hen zoveel kost (advies, retours, retouches) en maak dat goedkoper of betalend.",
        )
    break_even = uurloon / 0.5
    pakket = (
        f"; een pakje van {euro(pakje)} eet {procent(pakje / (40 / (1 + BTW) * 0.5))} op van de marge op "
        "een webshopbestelling van € 40"
        if pakje > 0
        else ""
    )
    return Oordeel(
        True,
        f"Een uur advies kost je € {getal(uurloon, 2)}: bij 50% marge moet die klant daarvoor "
        f"{euro(break_even * (1 + BTW), 0)} (met btw) kopen om uit de kosten te blijven{pakket}. "
        "Je remedie staat in je plan: probeer ze een seizoen en kijk dan of je walvis platter wordt.",
    )


registreer(
    Beslissing(
        naam="06_eigen_winkel",
        vraag="Je eigen winkel: wat kost een uur personeel, wat kost een pakje, en welke remedie voer je in?",
        oordeel=oordeel_eigen_winkel,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "uurloon": 35,
                    "pakje": 7.0,
                    "remedie": "advies voor loopschoenen op afspraak, ook op zaterdagochtend",
                },
                True,
                "met btw",
            ),
            Voorbeeld(
                lambda w: {
                    "uurloon": 28,
                    "pakje": 0,
                    "remedie": "retouches kosten € 10, gratis bij een aankoop boven € 150",
                },
                True,
                "uit de kosten",
            ),
            Voorbeeld(
                lambda w: {"uurloon": 33, "pakje": 7, "remedie": "klanten die veel terugbrengen schrappen"},
                False,
                "afscheid nemen",
            ),
            Voorbeeld(
                lambda w: {"uurloon": 0.55, "pakje": 7, "remedie": "advies op afspraak voor pakken"},
                False,
                "prijs per minuut",
            ),
            Voorbeeld(
                lambda w: {"uurloon": 8, "pakje": 7, "remedie": "advies op afspraak voor pakken"},
                False,
                "minimumloon",
            ),
            Voorbeeld(lambda w: {"uurloon": 33, "pakje": 7, "remedie": "..."}, False, "echte zin"),
        ),
        soort="eigen_winkel",
        plan="eigen_kosten_en_remedie",
    )
)

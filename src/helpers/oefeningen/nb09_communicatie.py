"""Oefeningen van notebook 09 Communicatie op maat: meten, beslissen en plannen.

Alles wordt berekend met de bibliotheek: `helpers.acties` (doellijsten met toestemming en rust,
actieresultaten met uplift en extra omzet, kruisverkoop), `helpers.campagnes` (sperperiode, ritme,
grootte van de controlegroep, historiek) en `helpers.kalender`.

>>> from helpers.oefeningen import controleer
>>> controleer("09_eigen_kalender", "elke maand een mail").status
'fout'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from helpers.acties import actieresultaten, doellijst, kruisverkoop_kansen, kruisverkooplijst
from helpers.campagnes import (
    cadans,
    controleer_planning,
    controlegroep_grootte,
    historiek,
    kleinste_zichtbare_uplift,
    kosten,
    voorbeeldkalender,
)
from helpers.controle import InvoerFout
from helpers.kalender import soldenperiodes, sperperiodes
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

if TYPE_CHECKING:
    from helpers.data import Winkel

SOLDENKORTING = 0.29
"""Gemiddelde korting bij de start van de solden (Mode Unie, zomer 2023)."""

KORTINGSDUUR = 14
"""De kortingsactie van opdracht 5 loopt twee weken (startdag inbegrepen)."""

MIN_TUSSENTIJD = 14
"""Minstens zoveel dagen tussen twee mailings naar dezelfde e-maillijst."""

MIN_OVERGANGEN = 10
"""Een kruisverkooppaar dat minder vaak voorkwam, kan toeval zijn."""

MAX_STILTE = 120
"""Je belangrijkste doelgroep hoort minstens om de vier maanden iets van je."""


def procentpunt(aandeel: float, teken: bool = False) -> str:
    """Een verschil van twee aandelen in procentpunt: ``procentpunt(0.046)`` is '4,6 procentpunt'.

    >>> procentpunt(-0.046, teken=True), procentpunt(0.111, teken=True)
    ('-4,6 procentpunt', '+11,1 procentpunt')
    """
    plus = "+" if teken and aandeel > 0 else ""
    return f"{plus}{getal(aandeel * 100, 1)} procentpunt"


def _datum(d: pd.Timestamp) -> str:
    return f"{d:%d-%m-%Y}"


@per_winkel
def resultaten(winkel: Winkel) -> pd.DataFrame:
    """Bereik, kosten, uplift en extra omzet van elke actie (`helpers.acties.actieresultaten`)."""
    return actieresultaten(winkel.acties, winkel.actiecontacten, winkel.tickets)


def inwisselgraad(winkel: Winkel, soort: str) -> float:
    """Hoeveel van de ontvangers een actie van die ``soort`` vroeger gebruikten (zonder zo'n actie: het
    gemiddelde over alle soorten)."""
    h = historiek(resultaten(winkel))
    return float(h.loc[soort, "conversie"]) if soort in h.index else float(h["conversie"].mean())


def planjaar(winkel: Winkel) -> int:
    """Het jaar dat je plant: het jaar na de peildatum."""
    return int(winkel.peildatum.year) + 1


# --- opdracht 1: wat bracht de laatste geldactie echt op? ------------------------------------------------


def laatste_geldactie(winkel: Winkel) -> pd.Series:
    """De recentste actie met geldvoordeel die tegen een controlegroep gemeten werd.

    >>> from helpers.data import laad_winkel
    >>> laatste_geldactie(laad_winkel("kledingzaak"))["naam"]
    'Lentebon 2025'
    """
    r = resultaten(winkel).join(winkel.acties.set_index("actie_id")[["startdatum"]])
    gemeten = r.loc[
        (r["soort"] == "geldvoordeel") & (r["n_controle"] > 0) & r["extra_omzet_per_euro"].notna()
    ]
    if gemeten.empty:
        raise InvoerFout("Deze winkel mat nog geen enkele actie met geldvoordeel tegen een controlegroep.")
    return gemeten.sort_values("startdatum", kind="stable").iloc[-1]


registreer(
    Oefening(
        naam="09_extra_omzet_per_euro",
        vraag="Hoeveel extra omzet (tegen de controlegroep) bracht elke euro van de laatste gemeten "
        "geldactie op?",
        oplossing=lambda w: float(laatste_geldactie(w)["extra_omzet_per_euro"]),
        fouten=(
            Fout(
                lambda w: float(laatste_geldactie(w)["omzet_per_euro"]),
                "je nam de omzet van alle ingewisselde bonnen per euro. Een deel van die klanten had ook "
                "zonder bon gekocht: tel alleen wat de doelgroep méér besteedde dan de controlegroep.",
            ),
            Fout(
                lambda w: float(laatste_geldactie(w)["extra_omzet"]),
                "dat is de extra omzet in euro. Gevraagd is de extra omzet per euro die de actie kostte: "
                "deel door de kost.",
            ),
            Fout(
                lambda w: float(
                    laatste_geldactie(w)["omzet_per_klant_doel"]
                    - laatste_geldactie(w)["omzet_per_klant_controle"]
                ),
                "dat is het verschil per klant. Reken het om naar iedereen die de actie kreeg en deel door "
                "wat de actie kostte.",
            ),
        ),
        uitleg=lambda v: (
            f"Elke euro die de actie kostte, bracht {euro(v)} extra omzet op tegen de controlegroep. Trek er "
            "nog de korting en de inkoopprijs af, en je weet of ze ook winst opbracht."
        ),
        tip="Zoek de actie op in de tabel met de actieresultaten en kijk naar de kolom met de extra omzet "
        "per euro: die vergelijkt met de controlegroep.",
        soort="opzoeken",
    )
)


# --- opdracht 2: hoge opengraad, geen aantoonbare uplift: doorgaan of stoppen? ----------------------------


def twijfelactie(winkel: Winkel) -> pd.Series:
    """De actie met de hoogste opengraad waarvan de uplift niet aantoonbaar is (het interval bevat 0).

    Alleen acties met een controlegroep van minstens 10 klanten en minstens 50 verzonden berichten.

    >>> from helpers.data import laad_winkel
    >>> twijfelactie(laad_winkel("kledingzaak"))["naam"]
    'Lentebon 2023'
    """
    r = resultaten(winkel)
    twijfel = r.loc[
        (r["n_controle"] >= 10) & (r["verzonden"] >= 50) & (r["ondergrens"] <= 0) & (r["bovengrens"] >= 0)
    ]
    if twijfel.empty:
        raise InvoerFout("Elke gemeten actie van deze winkel werkte aantoonbaar: er is geen twijfelgeval.")
    return twijfel.sort_values(["opengraad", "verzonden"], ascending=False, kind="stable").iloc[0]


_BESLUITEN = {
    "doorgaan": "doorgaan",
    "stoppen": "stoppen",
    "opnieuw meten": "opnieuw meten",
    "meten": "opnieuw meten",
    "opnieuw testen": "opnieuw meten",
    "testen": "opnieuw meten",
}


def _gehoopte_uplift(uplift: float) -> float:
    """De uplift die je wil kunnen zien: de gemeten uplift naar boven afgerond, minstens 2 procentpunt."""
    return max(math.ceil(max(uplift, 0.0) * 100 - 1e-9) / 100, 0.02)


def oordeel_doorgaan(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Doorgaan, stoppen of opnieuw meten, voor een actie met een hoge opengraad zonder aantoonbare uplift."""
    if not isinstance(antwoord, str) or antwoord.strip().lower() not in _BESLUITEN:
        raise KeuzeFout("Kies 'doorgaan', 'stoppen' of 'opnieuw meten' (tussen aanhalingstekens).")
    besluit = _BESLUITEN[antwoord.strip().lower()]
    a = twijfelactie(winkel)
    interval = f"tussen {procentpunt(a['ondergrens'], True)} en {procentpunt(a['bovengrens'], True)}"
    if besluit == "doorgaan":
        return Oordeel(
            False,
            f"Een opengraad van {procent(a['opengraad'])} zegt alleen dat mensen de mail openden. Kopen "
            f"deed {procent(a['koopgraad_doel'])} van de doelgroep tegen {procent(a['koopgraad_controle'])} "
            f"zonder actie: de uplift ligt {interval} en kan dus ook nul zijn. Zo blijf je "
            f"{euro(a['kost'], 0)} per keer uitgeven zonder te weten of het iets opbrengt.",
        )
    if besluit == "stoppen":
        return Oordeel(
            True,
            f"Je bespaart {euro(a['kost'], 0)} per keer. Het risico: de uplift ligt {interval}; zit hij "
            f"bovenaan, dan mis je tot {getal(max(a['bovengrens'], 0) * a['verzonden'])} extra kopers. Zet "
            "het geld in op een actie die wel aantoonbaar werkte.",
        )
    n_lijst = int(a["verzonden"] + a["n_controle"])
    basis = min(max(float(a["koopgraad_controle"]), 0.01), 0.99)
    doel = _gehoopte_uplift(float(a["uplift"]))
    try:
        nodig = controlegroep_grootte(n_lijst, basis, doel)
    except InvoerFout:
        return Oordeel(
            True,
            f"Verstandig: meten voor je beslist. Met een lijst van {getal(n_lijst)} zie je een uplift van "
            f"{procentpunt(doel)} zelfs met de helft als controlegroep niet: tel twee of drie jaar samen, of "
            "stuur de actie naar een grotere lijst.",
        )
    return Oordeel(
        True,
        f"Verstandig: meten voor je beslist. Houd de volgende keer minstens {getal(nodig)} van de "
        f"{getal(n_lijst)} klanten achter als controlegroep (nu {getal(a['n_controle'])}): dan zie je een "
        f"uplift vanaf {procentpunt(doel)}. Dat kost je nog één keer {euro(a['kost'], 0)}.",
    )


registreer(
    Beslissing(
        naam="09_doorgaan_of_stoppen",
        vraag="De actie met de hoogste opengraad maar zonder aantoonbare uplift: doorgaan, stoppen of "
        "opnieuw meten?",
        oordeel=oordeel_doorgaan,
        voorbeelden=(
            Voorbeeld(lambda w: "stoppen", True, "Je bespaart"),
            Voorbeeld(lambda w: "opnieuw meten", True, "meten voor je beslist"),
            Voorbeeld(lambda w: "doorgaan", False, "zegt alleen dat mensen de mail openden"),
        ),
        plan="besluit_twijfelactie",
        bewaar=lambda antwoord, w: {
            "actie": str(twijfelactie(w)["naam"]),
            "besluit": _BESLUITEN[antwoord.strip().lower()],
        },
    )
)


# --- opdracht 3: hoe groot maak je de controlegroep? -------------------------------------------------------


def lentebon_start(winkel: Winkel) -> pd.Timestamp:
    """De startdag van de lentebon in het jaar dat je plant (10 maart)."""
    return pd.Timestamp(planjaar(winkel), 3, 10)


@per_winkel
def controlesituatie(winkel: Winkel) -> dict[str, float]:
    """De lentebon van volgend jaar: de e-maillijst (``lijst``), de koopgraad zonder bon (``basis``), de
    uplift die je wil zien (``hoop``) en de kleinste controlegroep die daarvoor volstaat (``minimum``).

    De hoop is de uplift van de vroegere geldacties, naar boven afgerond op een procentpunt, maar nooit
    kleiner dan wat je met de helft van de lijst als controlegroep kunt zien (plus één procentpunt).

    >>> from helpers.data import laad_winkel
    >>> s = controlesituatie(laad_winkel("kledingzaak"))
    >>> s["minimum"] <= s["lijst"] / 2
    True
    """
    lijst = len(
        doellijst(
            winkel.klanten, "e-mail", winkel.actiecontacten, winkel.acties, peildatum=lentebon_start(winkel)
        ).lijst
    )
    h = historiek(resultaten(winkel))
    geld = h.loc["geldvoordeel"] if "geldvoordeel" in h.index else None
    basis = float(geld["basis"]) if geld is not None and pd.notna(geld["basis"]) else float(h["basis"].mean())
    uplift = float(geld["uplift"]) if geld is not None and pd.notna(geld["uplift"]) else 0.0
    half = kleinste_zichtbare_uplift(lijst / 2, lijst / 2, basis)
    hoop = max(_gehoopte_uplift(uplift), math.ceil(half * 100) / 100 + 0.01)
    return {
        "lijst": lijst,
        "basis": basis,
        "hoop": hoop,
        "minimum": controlegroep_grootte(lijst, basis, hoop),
    }


def oordeel_controlegroep(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Een controlegroep voor de lentebon: groot genoeg om de gehoopte uplift te zien, niet te groot."""
    if not is_getal(antwoord) or float(antwoord) != int(antwoord):
        raise KeuzeFout("Geef het aantal klanten in je controlegroep als geheel getal, bv. 300.")
    c = int(antwoord)
    s = controlesituatie(winkel)
    n, hoop = int(s["lijst"]), s["hoop"]
    if c <= 0:
        return Oordeel(
            False,
            "Zonder controlegroep meet je niets: achteraf weet je niet welke kopers er ook zonder bon waren "
            "gekomen.",
        )
    if c > n / 2:
        return Oordeel(
            False,
            f"Met {getal(c)} van de {getal(n)} klanten krijgt meer dan de helft van je lijst de bon niet: je "
            f"mist zo ongeveer {getal(c * hoop)} extra kopers om iets te meten dat je met minder ook ziet.",
        )
    zichtbaar = kleinste_zichtbare_uplift(n - c, c, s["basis"])
    if zichtbaar > hoop + 1e-12:
        return Oordeel(
            False,
            f"Met {getal(c)} klanten in de controlegroep zie je pas een uplift vanaf "
            f"{procentpunt(zichtbaar)}; je hoopt op {procentpunt(hoop)}: dat verdwijnt in het toeval. "
            f"Je hebt er minstens {getal(s['minimum'])} nodig.",
        )
    return Oordeel(
        True,
        f"Je houdt {getal(c)} van de {getal(n)} klanten achter ({procent(c / n)}) en ziet zo een uplift "
        f"vanaf {procentpunt(zichtbaar)}. De prijs van die zekerheid: zij krijgen geen bon, dus je mist naar "
        f"verwachting ongeveer {getal(c * hoop)} extra kopers.",
    )


def _ruimere_controlegroep(winkel: Winkel) -> int:
    s = controlesituatie(winkel)
    return int(min(round(s["minimum"] * 1.5), s["lijst"] // 2))


registreer(
    Beslissing(
        naam="09_controlegroep",
        vraag="Hoeveel klanten van de e-maillijst houd je bij de lentebon achter als controlegroep?",
        oordeel=oordeel_controlegroep,
        voorbeelden=(
            Voorbeeld(lambda w: int(controlesituatie(w)["minimum"]), True, "mist naar verwachting"),
            Voorbeeld(_ruimere_controlegroep, True, "mist naar verwachting"),
            Voorbeeld(
                lambda w: max(1, int(controlesituatie(w)["minimum"]) // 3), False, "verdwijnt in het toeval"
            ),
            Voorbeeld(lambda w: round(controlesituatie(w)["lijst"] * 0.6), False, "meer dan de helft"),
            Voorbeeld(lambda w: 0, False, "meet je niets"),
        ),
        plan="controlegroep",
        bewaar=lambda c, w: {
            "controlegroep": int(c),
            "lijst": int(controlesituatie(w)["lijst"]),
            "regel": "elke actie met een controlegroep die de gehoopte uplift kan tonen",
        },
    )
)


# --- opdracht 4: een kruisverkooplijst ------------------------------------------------------------------


@per_winkel
def alle_kansen(winkel: Winkel) -> pd.DataFrame:
    """Alle kruisverkoopkansen, ook de zwakke (`helpers.acties.kruisverkoop_kansen` zonder drempels)."""
    return kruisverkoop_kansen(
        winkel.tickets, winkel.ticketlijnen, winkel.producten, min_aandeel=0, min_aantal=1, min_lift=0
    )


def paren(winkel: Winkel) -> pd.DataFrame:
    """Elk paar (``heeft_gekocht``, ``nog_nooit``) met aandeel, lift en aantal, het sterkste eerst."""
    kolommen = ["heeft_gekocht", "nog_nooit", "aandeel", "lift", "aantal"]
    return (
        alle_kansen(winkel)
        .drop_duplicates(["heeft_gekocht", "nog_nooit"])[kolommen]
        .sort_values(["lift", "aantal"], ascending=False, kind="stable", ignore_index=True)
    )


def sterkste_paar(winkel: Winkel) -> tuple[str, str]:
    """Het paar met de hoogste lift dat minstens `MIN_OVERGANGEN` keer voorkwam."""
    p = paren(winkel)
    p = p.loc[(p["aantal"] >= MIN_OVERGANGEN) & (p["lift"] > 1)]
    return str(p["heeft_gekocht"].iloc[0]), str(p["nog_nooit"].iloc[0])


def zwakste_paar(winkel: Winkel) -> tuple[str, str]:
    """Een paar dat níet vaker volgt dan gemiddeld (de laagste lift)."""
    p = paren(winkel).iloc[-1]
    return str(p["heeft_gekocht"]), str(p["nog_nooit"])


def kruislijst(winkel: Winkel, paar: tuple[str, str], kanaal: str) -> pd.DataFrame:
    """De mailinglijst voor een paar via ``kanaal`` (`helpers.acties.kruisverkooplijst`, op de peildatum)."""
    return kruisverkooplijst(
        winkel.klanten,
        alle_kansen(winkel),
        *paar,
        kanaal=kanaal,
        actiecontacten=winkel.actiecontacten,
        acties=winkel.acties,
        peildatum=winkel.peildatum,
    ).lijst


def _zonder_doellijst(winkel: Winkel) -> pd.DataFrame:
    """De typische fout: de kansen van het sterkste paar, niet door de doellijst gehaald."""
    van, naar = sterkste_paar(winkel)
    k = alle_kansen(winkel)
    return k.loc[(k["heeft_gekocht"] == van) & (k["nog_nooit"] == naar)].reset_index(drop=True)


def oordeel_kruisverkoop(lijst: Any, winkel: Winkel) -> Oordeel:
    """Een kruisverkooplijst: een sterk paar, alleen zijn kandidaten, alleen wie je mag aanschrijven."""
    if not isinstance(lijst, pd.DataFrame) or "klant_id" not in lijst.columns:
        raise KeuzeFout("Geef je lijst als tabel met een kolom klant_id (de lijst uit je doellijst).")
    if not {"heeft_gekocht", "nog_nooit"} <= set(lijst.columns):
        raise KeuzeFout(
            "Je lijst moet zeggen welk paar je koos: de kolommen heeft_gekocht en nog_nooit ontbreken."
        )
    if lijst.empty:
        return Oordeel(False, "Je lijst is leeg: zo verkoop je niets extra. Kies een ander paar of kanaal.")
    gekozen = lijst[["heeft_gekocht", "nog_nooit"]].astype("string").drop_duplicates()
    if len(gekozen) > 1:
        raise KeuzeFout(
            "Kies één paar: één boodschap per lijst. Je lijst mengt er " + str(len(gekozen)) + "."
        )
    van, naar = str(gekozen.iloc[0, 0]), str(gekozen.iloc[0, 1])
    p = paren(winkel)
    rij = p.loc[(p["heeft_gekocht"] == van) & (p["nog_nooit"] == naar)]
    if rij.empty:
        return Oordeel(
            False, f"Geen enkele klant kocht ooit {naar} na {van}: daar is geen kruisverkoop te halen."
        )
    aandeel, lift, aantal = (float(rij[k].iloc[0]) for k in ("aandeel", "lift", "aantal"))
    if lift <= 1:
        return Oordeel(
            False,
            f"Na {van} kopen klanten {naar} niet vaker dan gemiddeld (lift {getal(lift, 2)}): je mailing "
            "duwt een product dat niet logisch volgt. Kies een paar met een lift boven 1.",
        )
    if aantal < MIN_OVERGANGEN:
        return Oordeel(
            False,
            f"{van} gevolgd door {naar} kwam maar {getal(aantal)} keer voor: te weinig om er een actie op te "
            "bouwen, dat kan toeval zijn.",
        )
    ids = lijst["klant_id"].astype("string")
    k = alle_kansen(winkel)
    kandidaten = k.loc[(k["heeft_gekocht"] == van) & (k["nog_nooit"] == naar), "klant_id"].astype("string")
    vreemd = int((~ids.isin(kandidaten)).sum())
    if vreemd:
        return Oordeel(
            False,
            f"{getal(vreemd)} klanten op je lijst kochten nooit {van} of hebben al {naar}: voor hen klopt de "
            "boodschap niet.",
        )
    kanalen = lijst["kanaal"].astype("string").dropna().unique() if "kanaal" in lijst.columns else []
    kanaal = str(kanalen[0]) if len(kanalen) == 1 else None
    mag = (
        doellijst(winkel.klanten, kanaal, winkel.actiecontacten, winkel.acties, peildatum=winkel.peildatum)
        .lijst["klant_id"]
        .astype("string")
    )
    verboden = int((~ids.isin(mag)).sum())
    if verboden:
        return Oordeel(
            False,
            f"{getal(verboden)} van je {getal(len(lijst))} klanten mag je niet aanschrijven (geen "
            "toestemming, een ander voorkeurkanaal, uitgeschreven of aan het rusten). Haal je lijst door de "
            "doellijst.",
        )
    if kanaal is None:
        raise KeuzeFout(
            "Je lijst zegt niet via welk kanaal je ze bereikt: maak ze met één kanaal (kolom kanaal)."
        )
    per_contact, _ = kosten(winkel.acties, "productpromotie", kanaal)
    conversie = inwisselgraad(winkel, "productpromotie")
    return Oordeel(
        True,
        f"Je {getal(len(lijst))} klanten kochten {van} maar nog nooit {naar}; van wat klanten na {van} "
        f"kopen, is {procent(aandeel)} {naar}, {getal(lift, 2)} keer zo vaak als gemiddeld. Via {kanaal} "
        f"kost de verzending {euro(per_contact * len(lijst))}; met de inwisselgraad van je vroegere "
        f"productpromoties ({procent(conversie)}) verwacht je dat er ongeveer "
        f"{getal(conversie * len(lijst))} kopen.",
    )


registreer(
    Beslissing(
        naam="09_kruisverkoop",
        vraag="Kies een kruisverkooppaar en maak de mailinglijst (door de doellijst).",
        oordeel=oordeel_kruisverkoop,
        voorbeelden=(
            Voorbeeld(
                lambda w: kruislijst(w, sterkste_paar(w), "e-mail"), True, "keer zo vaak als gemiddeld"
            ),
            Voorbeeld(lambda w: kruislijst(w, sterkste_paar(w), "sms"), True, "Via sms kost de verzending"),
            Voorbeeld(_zonder_doellijst, False, "mag je niet aanschrijven"),
            Voorbeeld(lambda w: kruislijst(w, zwakste_paar(w), "e-mail"), False, "niet vaker dan gemiddeld"),
        ),
        plan="kruisverkoop_regel",
        bewaar=lambda lijst, w: {
            "heeft_gekocht": str(lijst["heeft_gekocht"].iloc[0]),
            "nog_nooit": str(lijst["nog_nooit"].iloc[0]),
            "kanaal": str(lijst["kanaal"].iloc[0]),
            "regel": "kocht de eerste productlijn maar nog nooit de tweede; met toestemming en via het "
            "voorkeurkanaal; niet uitgeschreven en niet aan het rusten",
            "aantal": len(lijst),
        },
    )
)


# --- opdracht 5: een kortingsactie plannen ----------------------------------------------------------------


def mailkalender(winkel: Winkel) -> pd.DataFrame:
    """De e-mailacties van het laatste jaar in de data, verschoven naar het jaar dat je plant.

    De verjaardagsbon telt niet mee: die gaat het hele jaar door, telkens naar één jarige klant.
    """
    acties = winkel.acties
    laatste = int(acties["startdatum"].dt.year.max())
    mails = acties.loc[
        (acties["startdatum"].dt.year == laatste)
        & (acties["kanaal"].astype("string") == "e-mail")
        & (acties["soort"].astype("string") != "verjaardag")
    ]
    verschuiving = pd.DateOffset(years=planjaar(winkel) - laatste)
    return mails.assign(
        naam=mails["naam"].astype("string").str.replace(r"\s*\d{4}$", "", regex=True),
        startdatum=mails["startdatum"] + verschuiving,
        einddatum=mails["einddatum"] + verschuiving,
    ).reset_index(drop=True)


def _kortingsplan(starts: pd.DatetimeIndex) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "naam": "Kortingsactie",
            "startdatum": starts,
            "einddatum": starts + pd.Timedelta(days=KORTINGSDUUR - 1),
            "korting_pct": 0.15,
        }
    )


def _tussentijd(plan: pd.DataFrame, mails: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per geplande actie: dagen tot de dichtstbijzijnde andere mailing (negatief: overlap) en welke."""
    begin = plan["startdatum"].to_numpy()[:, None]
    einde = plan["einddatum"].to_numpy()[:, None]
    ander_begin = mails["startdatum"].to_numpy()[None, :]
    ander_einde = mails["einddatum"].to_numpy()[None, :]
    dagen = np.maximum(ander_begin - einde, begin - ander_einde) / np.timedelta64(1, "D")
    welke = np.argmin(dagen, axis=1)
    return dagen[np.arange(len(plan)), welke], welke


def goede_startdagen(winkel: Winkel) -> pd.DatetimeIndex:
    """Alle startdagen in het planjaar waarop de kortingsactie mag en past (zie `oordeel_kortingsactie`).

    >>> from helpers.data import laad_winkel
    >>> goede_startdagen(laad_winkel("kledingzaak"))[0].strftime("%d-%m-%Y")  # na de wintersolden
    '01-02-2026'
    """
    jaar = planjaar(winkel)
    starts = pd.date_range(f"{jaar}-01-01", f"{jaar}-12-31", freq="D")
    starts = starts[starts + pd.Timedelta(days=KORTINGSDUUR - 1) <= pd.Timestamp(jaar, 12, 31)]
    plan = controleer_planning(_kortingsplan(starts))
    dagen, _ = _tussentijd(plan, mailkalender(winkel))
    goed = (plan["waarschuwing"] == "").to_numpy() & (plan["solden_dagen"] == 0).to_numpy()
    return starts[goed & (dagen >= MIN_TUSSENTIJD)]


def _startdag(antwoord: Any, winkel: Winkel) -> pd.Timestamp:
    try:
        start = pd.Timestamp(antwoord)
    except (TypeError, ValueError) as fout:
        raise KeuzeFout("Geef de startdag als datum tussen aanhalingstekens, bv. '2026-04-20'.") from fout
    if pd.isna(start) or start.year != planjaar(winkel):
        raise KeuzeFout(f"Kies een startdag in {planjaar(winkel)}, bv. '{planjaar(winkel)}-04-20'.")
    return start.normalize()


def oordeel_kortingsactie(antwoord: Any, winkel: Winkel) -> Oordeel:
    """Twee weken 15% op de collectie: niet in de sperperiode of de solden, niet op een andere mailing."""
    start = _startdag(antwoord, winkel)
    gepland = controleer_planning(_kortingsplan(pd.DatetimeIndex([start])))
    plan = gepland.iloc[0]
    einde = plan["einddatum"]
    periode = f"Van {_datum(start)} tot {_datum(einde)}"
    if plan["waarschuwing"]:
        return Oordeel(
            False,
            f"{periode} valt je actie {plan['sper_dagen']} dag(en) in de sperperiode: een korting op "
            "kleding, schoenen of lederwaren aankondigen mag dan niet.",
        )
    if plan["solden_dagen"]:
        return Oordeel(
            False,
            f"{periode} valt je actie {plan['solden_dagen']} dag(en) in de solden: naast de soldenkortingen "
            f"van gemiddeld {procent(SOLDENKORTING, 0)} valt je 15% weg, en je geeft marge aan wie toch "
            "kwam.",
        )
    mails = mailkalender(winkel)
    dagen, welke = _tussentijd(gepland, mails)
    ander = mails.iloc[int(welke[0])]
    wanneer = f"'{ander['naam']}' ({_datum(ander['startdatum'])} tot {_datum(ander['einddatum'])})"
    if dagen[0] < MIN_TUSSENTIJD:
        return Oordeel(
            False,
            f"{periode} krijgt je e-maillijst ook al {wanneer}: twee mailings zo kort na elkaar overladen je "
            f"klanten. Laat er minstens {MIN_TUSSENTIJD} dagen tussen.",
        )
    lijst = len(
        doellijst(winkel.klanten, "e-mail", winkel.actiecontacten, winkel.acties, peildatum=start).lijst
    )
    conversie = inwisselgraad(winkel, "geldvoordeel")
    return Oordeel(
        True,
        f"{periode}: buiten de sperperiode en de solden, en {getal(dagen[0])} dagen van de dichtstbijzijnde "
        f"andere mailing, {wanneer}. Je e-maillijst telt dan {getal(lijst)} klanten; met de inwisselgraad "
        f"van je vroegere geldacties ({procent(conversie)}) mag je ongeveer {getal(conversie * lijst)} "
        "inwisselingen verwachten.",
    )


registreer(
    Beslissing(
        naam="09_kortingsactie",
        vraag="Op welke dag start je twee weken 15% korting op de collectie, in het jaar dat je plant?",
        oordeel=oordeel_kortingsactie,
        voorbeelden=(
            Voorbeeld(
                lambda w: str(goede_startdagen(w)[goede_startdagen(w).month >= 4][0].date()),
                True,
                "buiten de sperperiode en de solden",
            ),
            Voorbeeld(
                lambda w: str(goede_startdagen(w)[goede_startdagen(w).month >= 10][0].date()),
                True,
                "buiten de sperperiode en de solden",
            ),
            Voorbeeld(lambda w: str(sperperiodes(planjaar(w))[0][0].date()), False, "in de sperperiode"),
            Voorbeeld(lambda w: str(soldenperiodes(planjaar(w))[1][0].date()), False, "in de solden"),
            Voorbeeld(lambda w: str(mailkalender(w)["startdatum"].iloc[0].date()), False, "overladen"),
        ),
        plan="kortingsactie",
        bewaar=lambda antwoord, w: {
            "start": str(_startdag(antwoord, w).date()),
            "einde": str((_startdag(antwoord, w) + pd.Timedelta(days=KORTINGSDUUR - 1)).date()),
        },
    )
)


# --- opdracht 6: de jaarkalender van je eigen winkel --------------------------------------------------------

_SLEUTELS = {"start": "startdatum", "einde": "einddatum", "korting": "korting_pct"}


def _kalender(antwoord: Any) -> pd.DataFrame:
    """Maak van een lijst woordenboeken (of een tabel) een planning met echte datums."""
    if isinstance(antwoord, pd.DataFrame):
        tabel = antwoord.copy()
    elif isinstance(antwoord, list | tuple) and antwoord and all(isinstance(r, dict) for r in antwoord):
        tabel = pd.DataFrame(list(antwoord))
    else:
        raise KeuzeFout(
            "Geef je kalender als lijst tussen vierkante haken, met per actie een woordenboek: "
            "{'segment': ..., 'naam': ..., 'start': '2026-03-10', 'einde': '2026-03-31', 'korting': 0.10}."
        )
    tabel = tabel.rename(columns=_SLEUTELS)
    nodig = ["segment", "naam", "startdatum", "einddatum", "korting_pct"]
    ontbreekt = [k for k in nodig if k not in tabel.columns]
    if ontbreekt:
        raise KeuzeFout(
            f"Elke actie heeft nodig: segment, naam, start, einde en korting. Er ontbreekt: {ontbreekt[0]}."
        )
    try:
        tabel["startdatum"] = pd.to_datetime(tabel["startdatum"])
        tabel["einddatum"] = pd.to_datetime(tabel["einddatum"])
    except (TypeError, ValueError) as fout:
        raise KeuzeFout("Schrijf de datums als 'jjjj-mm-dd', bv. '2026-03-10'.") from fout
    korting = pd.to_numeric(tabel["korting_pct"], errors="coerce")
    if korting.isna().any() or (korting < 0).any() or (korting >= 1).any():
        raise KeuzeFout("Schrijf de korting als aandeel: 0.10 voor 10%, 0 voor een actie zonder korting.")
    if tabel[["segment", "naam"]].isna().any().any() or tabel["startdatum"].isna().any():
        raise KeuzeFout("Geef elke actie een segment, een naam en een start- en einddatum.")
    return tabel.assign(korting_pct=korting)


def oordeel_eigen_kalender(antwoord: Any, winkel: Winkel | None) -> Oordeel:
    """Een jaarkalender per doelgroep voor je eigen winkel: per segment, op ritme, zonder sperkorting."""
    tabel = _kalender(antwoord)
    if (tabel["einddatum"] < tabel["startdatum"]).any():
        raise KeuzeFout("Een actie eindigt voor ze begint: kijk start en einde na.")
    doelgroepen = tabel["segment"].astype("string").str.strip().unique()
    if len(tabel) < 4:
        return Oordeel(
            False,
            f"{len(tabel)} actie(s) per jaar is te weinig om in beeld te blijven: een klant die je drie "
            "seizoenen niet hoort, vergeet je. Plan er minstens vier.",
        )
    if len(doelgroepen) < 2:
        return Oordeel(
            False,
            "Al je acties gaan naar één doelgroep: dat is eenheidsworst. Geef minstens twee doelgroepen elk "
            "hun eigen boodschap en ritme.",
        )
    for jaar in tabel["startdatum"].dt.year.unique():
        voorbeeld = voorbeeldkalender(int(jaar))
        sleutel = ["segment", "naam", "startdatum"]
        if len(voorbeeld) == len(tabel) and voorbeeld[sleutel].merge(tabel[sleutel]).shape[0] == len(tabel):
            return Oordeel(
                False,
                "Dit is de voorbeeldkalender van KlantLab. Maak hem van jezelf: jouw doelgroepen, jouw "
                "momenten (verjaardag, clubseizoen, schoolstart, je eigen collecties).",
            )
    controle = controleer_planning(tabel)
    fout = controle.loc[controle["waarschuwing"] != "", "waarschuwing"]
    if len(fout):
        return Oordeel(False, str(fout.iloc[0]))
    ritme = cadans(tabel, max_stilte_dagen=MAX_STILTE)
    druk = ritme.loc[ritme["drukste_30_dagen"] > 2]
    if len(druk):
        return Oordeel(
            False,
            f"'{druk.index[0]}' krijgt {druk['drukste_30_dagen'].iloc[0]} acties binnen 30 dagen: zo "
            "overlaadt je die klanten en schrijven ze zich uit. Hoogstens twee per maand.",
        )
    kern = ritme["aantal"].idxmax()
    if ritme.loc[kern, "langste_stilte"] > MAX_STILTE:
        return Oordeel(
            False,
            f"'{kern}', je belangrijkste doelgroep, hoort {ritme.loc[kern, 'langste_stilte']} dagen niets "
            f"van je: zo verdwijn je uit beeld. Zorg dat er nooit meer dan {MAX_STILTE} dagen tussen twee "
            "acties zitten.",
        )
    met_korting = int((tabel["korting_pct"] > 0).sum())
    return Oordeel(
        True,
        f"Je kalender telt {len(tabel)} acties voor {len(doelgroepen)} doelgroepen "
        f"({', '.join(doelgroepen)}); {met_korting} met korting en geen enkele in de sperperiode. '{kern}' "
        f"hoort je minstens om de {ritme.loc[kern, 'langste_stilte']} dagen, en geen doelgroep krijgt meer "
        "dan twee acties per maand.",
    )


def _actie(segment: str, naam: str, start: str, einde: str, korting: float = 0.0) -> dict:
    return {"segment": segment, "naam": naam, "start": start, "einde": einde, "korting": korting}


_BOETIEK = [
    _actie("vaste klanten", "Voorpremière lentecollectie", "2026-02-25", "2026-02-26"),
    _actie("vaste klanten", "Lentebon", "2026-03-15", "2026-04-05", 0.10),
    _actie("vaste klanten", "Zomeravond in de winkel", "2026-06-12", "2026-06-12"),
    _actie("vaste klanten", "Herfstcollectie binnen", "2026-09-10", "2026-09-10"),
    _actie("vaste klanten", "Kerstavond op uitnodiging", "2026-12-11", "2026-12-11"),
    _actie("nieuwe klanten", "Bon voor je tweede bezoek", "2026-04-15", "2026-05-15", 0.10),
]
"""Een voorbeeld van een goede eigen kalender (boetiek met twee doelgroepen), voor de tests."""

_UITGEBREID = [
    *_BOETIEK,
    _actie("nieuwe klanten", "Stijladvies op afspraak", "2026-10-01", "2026-10-31"),
    _actie("slapers", "Postkaart: we missen je", "2026-10-05", "2026-10-31", 0.15),
]


def _met(rijen: list[dict], *extra: dict) -> list[dict]:
    return [*rijen, *extra]


registreer(
    Beslissing(
        naam="09_eigen_kalender",
        vraag="Maak de jaarkalender van je eigen winkel: per doelgroep je acties, met start, einde en "
        "korting.",
        oordeel=oordeel_eigen_kalender,
        voorbeelden=(
            Voorbeeld(lambda w: _BOETIEK, True, "6 acties voor 2 doelgroepen"),
            Voorbeeld(lambda w: _UITGEBREID, True, "8 acties voor 3 doelgroepen"),
            Voorbeeld(
                lambda w: _met(
                    _BOETIEK,
                    {
                        "segment": "nieuwe klanten",
                        "naam": "Zomerkorting",
                        "start": "2026-06-10",
                        "einde": "2026-06-20",
                        "korting": 0.2,
                    },
                ),
                False,
                "sperperiode",
            ),
            Voorbeeld(
                lambda w: _met(
                    _BOETIEK,
                    {
                        "segment": "vaste klanten",
                        "naam": "Extra bon",
                        "start": "2026-03-20",
                        "einde": "2026-03-25",
                        "korting": 0.1,
                    },
                    {
                        "segment": "vaste klanten",
                        "naam": "Nog een bon",
                        "start": "2026-03-28",
                        "einde": "2026-04-02",
                        "korting": 0.1,
                    },
                ),
                False,
                "overlaadt",
            ),
            Voorbeeld(lambda w: [dict(r, segment="iedereen") for r in _BOETIEK], False, "eenheidsworst"),
            Voorbeeld(lambda w: voorbeeldkalender(2026), False, "voorbeeldkalender"),
            Voorbeeld(lambda w: _BOETIEK[:3], False, "in beeld"),
        ),
        soort="eigen_winkel",
        plan="jaarkalender",
        bewaar=lambda antwoord, w: _kalender(antwoord)[
            ["segment", "naam", "startdatum", "einddatum", "korting_pct"]
        ].assign(
            startdatum=lambda t: t["startdatum"].dt.strftime("%Y-%m-%d"),
            einddatum=lambda t: t["einddatum"].dt.strftime("%Y-%m-%d"),
        ),
    )
)

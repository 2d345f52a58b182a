"""Oefeningen van notebook 08 Tevredenheid, NPS en klachten.

Twee berekeningen (CSAT, wie antwoordt), drie beslissingen voor een winkel (waar investeer je na de
vergelijking van 4/5- en 5/5-klanten, krijgt het personeel een bonus voor een NPS-stijging en hoe meet
je volgend jaar, een regel voor klachten) en één vraag over je eigen winkel: je eigen korte enquête.

>>> from helpers.oefeningen import controleer
>>> controleer("08_eigen_enquete", ["Vraag 1?", "Vraag 2?", "Vraag 3?"]).status
'fout'
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers.acties import doellijst
from helpers.enquete import (
    ITEMS,
    csat,
    nonrespons,
    nps,
    nps_foutenmarge,
    nps_verschil,
    sleutelfactoren,
    tevredenheid_en_trouw,
)
from helpers.intervallen import newcombe_interval
from helpers.klachten import herkoop_na_klacht, klachten
from helpers.oefeningen.kern import (
    Beslissing,
    Fout,
    KeuzeFout,
    Oefening,
    Oordeel,
    Voorbeeld,
    registreer,
)
from helpers.opmaak import euro, getal, procent

if TYPE_CHECKING:
    from helpers.data import Winkel

MAANDEN = 12
"""Hoe lang na het antwoord (of na de afgehandelde klacht) we kijken of een klant opnieuw kocht."""


def _punten(waarde: float) -> str:
    """Een NPS (of een verschil) met teken: +22,5 of -16,6.

    >>> _punten(22.5), _punten(-16.64), _punten(0)
    ('+22,5', '-16,6', '0,0')
    """
    return ("+" if round(waarde, 1) > 0 else "") + getal(waarde, 1)


def _procentpunt(verschil: float) -> str:
    """Een verschil tussen twee aandelen in procentpunt: 0,165 -> '16,5 procentpunt'.

    >>> _procentpunt(0.165), _procentpunt(-0.04)
    ('16,5 procentpunt', '-4,0 procentpunt')
    """
    return f"{getal(verschil * 100, 1)} procentpunt"


# --------------------------------------------------------------------------------------------
# Berekeningen: CSAT en wie antwoordt
# --------------------------------------------------------------------------------------------


def tevreden_aandeel(winkel: Winkel) -> float:
    """CSAT van de winkel: het aandeel respondenten met een 4 of 5 op de algemene tevredenheid.

    >>> from types import SimpleNamespace
    >>> e = pd.DataFrame({"tevredenheid": [5, 4, 3, None]})
    >>> round(tevreden_aandeel(SimpleNamespace(enquete=e)), 4)
    0.6667
    """
    return csat(winkel.enquete["tevredenheid"])


registreer(
    Oefening(
        naam="08_csat",
        vraag="Welk aandeel van de klanten die de enquête invulden, is tevreden (een 4 of 5 op de algemene "
        "tevredenheid)? Geef een aandeel tussen 0 en 1.",
        oplossing=tevreden_aandeel,
        fouten=(
            Fout(
                lambda w: tevreden_aandeel(w) * 100,
                "je gaf een percentage (zoals 88) in plaats van een aandeel (zoals 0,88). Deel door 100.",
            ),
            Fout(
                lambda w: int((w.enquete["tevredenheid"] >= 4).sum()),
                "je gaf het aantal tevreden klanten. Gevraagd is het aandeel: deel door het aantal "
                "klanten dat de vraag beantwoordde.",
            ),
            Fout(
                lambda w: float((w.enquete["tevredenheid"] >= 4).sum() / len(w.enquete)),
                "je deelde door alle uitgenodigde klanten. Wie niet antwoordde, is niet ontevreden: hij "
                "heeft gewoon geen score. Deel door het aantal klanten dat de vraag beantwoordde.",
            ),
            Fout(
                lambda w: float((w.enquete["tevredenheid"].dropna() == 5).mean()),
                "je telde alleen de 5'en. Tevreden is hier een 4 of een 5.",
            ),
        ),
        uitleg=lambda v: (
            f"{procent(v)} van de respondenten is tevreden. Dat klinkt goed, maar onthoud het verschil "
            "tussen een 4 en een 5: verderop zie je wie er echt terugkomt."
        ),
        tip="Kijk alleen naar de klanten die de vraag invulden en tel wie een 4 of een 5 gaf.",
        abs_tol=0.0005,
        soort="berekening",
    )
)


def _frequentie(winkel: Winkel) -> pd.Series:
    tabel = nonrespons(winkel.enquete, winkel.tickets)
    return tabel.loc["frequentie", ["gemiddelde_respondenten", "gemiddelde_niet_respondenten"]]


def keer_vaker(winkel: Winkel) -> float:
    """Hoeveel keer meer aankoopdagen respondenten vóór de uitnodiging hadden dan niet-respondenten.

    >>> from types import SimpleNamespace
    >>> e = pd.DataFrame({"klant_id": ["A", "B"], "beantwoord": [True, False],
    ...                   "uitnodiging_datum": pd.to_datetime(["2024-06-01"] * 2)})
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "A", "B"], "bedrag": [10.0, 20.0, 5.0, 8.0],
    ...                   "datum": pd.to_datetime(["2024-01-02", "2024-02-03", "2024-03-04", "2024-04-05"])})
    >>> keer_vaker(SimpleNamespace(enquete=e, tickets=t))  # 3 aankoopdagen tegenover 1
    3.0
    """
    ja, nee = _frequentie(winkel)
    return float(ja / nee)


registreer(
    Oefening(
        naam="08_nonrespons",
        vraag="Hoeveel keer meer aankoopdagen hadden de klanten die antwoordden (vóór de uitnodiging, "
        "gemiddeld) dan de klanten die niet antwoordden?",
        oplossing=keer_vaker,
        fouten=(
            Fout(
                lambda w: float(1 / keer_vaker(w)),
                "je deelde omgekeerd: de niet-respondenten door de respondenten. Gevraagd is hoeveel keer "
                "meer de respondenten kochten.",
            ),
            Fout(
                lambda w: float(_frequentie(w).iloc[0] - _frequentie(w).iloc[1]),
                "dat is het verschil in aankoopdagen. Gevraagd is hoeveel keer meer: deel de twee "
                "gemiddelden door elkaar.",
            ),
            Fout(
                lambda w: float(
                    nonrespons(w.enquete, w.tickets).loc["besteding", "gemiddelde_respondenten"]
                    / nonrespons(w.enquete, w.tickets).loc["besteding", "gemiddelde_niet_respondenten"]
                ),
                "dat is de verhouding van de besteding. Gevraagd is die van het aantal aankoopdagen "
                "(de rij frequentie).",
            ),
        ),
        uitleg=lambda v: (
            f"Wie antwoordde, had gemiddeld {getal(v, 1)} keer zoveel aankoopdagen als wie niet antwoordde. "
            "Je enquête hoort dus vooral je trouwste klanten: ze is rooskleuriger dan je hele klantenbestand."
        ),
        tip="Vergelijk in de tabel van de non-respons de gemiddelde frequentie van beide groepen.",
        abs_tol=0.01,
        soort="berekening",
    )
)


# --------------------------------------------------------------------------------------------
# Beslissing 1: waar investeer je, na de vergelijking van 4/5- en 5/5-klanten?
# --------------------------------------------------------------------------------------------

AANTAL_SLEUTELITEMS = 3
"""Een investering moet gaan naar een van de zoveel items die de tevredenheid het sterkst drijven."""


def herkoop_per_score(winkel: Winkel) -> pd.DataFrame:
    """Herkoop binnen `MAANDEN` maanden na het antwoord, per algemene tevredenheid (1–5)."""
    return tevredenheid_en_trouw(winkel.enquete, winkel.tickets, maanden=MAANDEN, peildatum=winkel.peildatum)


def beste_stap(winkel: Winkel) -> int:
    """De score (3 of 4) waarvan één punt hoger de grootste sprong in herkoop geeft."""
    h = herkoop_per_score(winkel)["herkoopaandeel"]
    sprong = {van: h.get(van + 1, math.nan) - h.get(van, math.nan) for van in (4, 3)}
    return max(sprong, key=lambda van: -math.inf if math.isnan(sprong[van]) else sprong[van])


def oordeel_investering(keuze: Any, winkel: Winkel) -> Oordeel:
    """Aanvaard de stap met de grootste sprong in herkoop, via een van de sterkste sleutelfactoren."""
    if not isinstance(keuze, Mapping) or set(keuze) != {"van", "item"}:
        raise KeuzeFout(
            "Geef een woordenboek met twee sleutels: 'van' (3 of 4: de klanten die je een punt hoger wil "
            "krijgen) en 'item' (waarin je investeert), bv. {'van': 3, 'item': 'prijs'}."
        )
    van, item = keuze["van"], str(keuze["item"]).strip().casefold()
    if van not in (3, 4):
        raise KeuzeFout(f"Kies 'van': 3 (naar een 4) of 4 (naar een 5), niet {van!r}.")
    if item not in ITEMS:
        raise KeuzeFout(f"Kies als 'item' een van de vragen uit de enquête: {', '.join(ITEMS)}.")
    tabel = herkoop_per_score(winkel)
    h, n = tabel["herkoopaandeel"], tabel["aantal"]
    beste = beste_stap(winkel)
    if van != beste:
        return Oordeel(
            False,
            f"Klanten die een {van + 1} geven, kochten in {procent(h[van + 1])} van de gevallen opnieuw "
            f"binnen {MAANDEN} maanden, tegen {procent(h[van])} bij een {van}: die stap levert weinig trouw "
            f"op. Van {beste} naar {beste + 1} is de sprong {_procentpunt(h[beste + 1] - h[beste])}.",
        )
    drijvers = sleutelfactoren(winkel.enquete)["aandeel"]
    rang = drijvers.index.get_loc(item) + 1
    if rang > AANTAL_SLEUTELITEMS:
        top = drijvers.index[0]
        return Oordeel(
            False,
            f"{item.capitalize()} verklaart maar {procent(drijvers[item])} van de algemene tevredenheid "
            f"(plaats {rang} van {len(drijvers)}); {top} draagt {procent(drijvers[top])}. Je budget zet daar "
            "weinig in beweging.",
        )
    hoger, lager = beste + 1, beste
    onder, boven = newcombe_interval(
        round(h[hoger] * n[hoger]), n[hoger], round(h[lager] * n[lager]), n[lager]
    )
    sprong = h[hoger] - h[lager]
    return Oordeel(
        True,
        f"Van de {getal(n[lager])} respondenten met een {lager} kocht {procent(h[lager])} opnieuw binnen "
        f"{MAANDEN} maanden, tegen {procent(h[hoger])} bij een {hoger}: {_procentpunt(sprong)} meer "
        f"(95%-interval van {getal(float(onder) * 100, 1)} tot {_procentpunt(float(boven))}). "
        f"{item.capitalize()} "
        f"staat op plaats {rang} van de sleutelfactoren ({procent(drijvers[item])} van de verklaarde "
        f"tevredenheid). Krijg je een op de tien van hen naar een {hoger}, dan komen er ongeveer "
        f"{getal(n[lager] * 0.1 * sprong)} klanten meer terug.",
    )


def _item(winkel: Winkel, plaats: int) -> str:
    return str(sleutelfactoren(winkel.enquete).index[plaats])


registreer(
    Beslissing(
        naam="08_investering",
        vraag="Je hebt dit jaar tijd en budget voor één verbetering. Welke klanten wil je een punt hoger "
        "krijgen (wie nu een 3 geeft, of wie nu een 4 geeft), en in welk item investeer je?",
        oordeel=oordeel_investering,
        voorbeelden=(
            Voorbeeld(lambda w: {"van": beste_stap(w), "item": _item(w, 0)}, True, "klanten meer terug"),
            Voorbeeld(lambda w: {"van": beste_stap(w), "item": _item(w, 1)}, True, "plaats 2"),
            Voorbeeld(lambda w: {"van": 7 - beste_stap(w), "item": _item(w, 0)}, False, "weinig trouw"),
            Voorbeeld(lambda w: {"van": beste_stap(w), "item": _item(w, -1)}, False, "verklaart maar"),
        ),
        plan="investering",
        bewaar=lambda keuze, w: {
            "van": int(keuze["van"]),
            "naar": int(keuze["van"]) + 1,
            "item": keuze["item"],
        },
    )
)


# --------------------------------------------------------------------------------------------
# Beslissing 2: van +22,5 naar +30 met 80 antwoorden: bonus? En hoe meet je volgend jaar?
# --------------------------------------------------------------------------------------------

VORIGE_METING = {"promotors": 36, "passieven": 26, "criticasters": 18}
"""Vorig jaar: 80 antwoorden, NPS +22,5."""
NIEUWE_METING = {"promotors": 40, "passieven": 24, "criticasters": 16}
"""Dit jaar: 80 antwoorden, NPS +30."""
HOOGSTE_DREMPEL = 25
"""Een bonusdrempel boven zoveel NPS-punten stijging in een jaar haalt bijna geen winkel."""


def mailbare_klanten(winkel: Winkel) -> int:
    """Hoeveel klanten (geen prospects) je per e-mail mag uitnodigen: toestemming, voorkeur e-mail,
    een e-mailadres, niet uitgeschreven (`helpers.acties.doellijst`)."""
    klanten_ = winkel.klanten[winkel.klanten["relatie"] == "klant"]
    return len(
        doellijst(klanten_, kanaal="e-mail", actiecontacten=winkel.actiecontacten, laat_rusten_na=None).lijst
    )


def respons(winkel: Winkel) -> float:
    """Het aandeel uitgenodigde klanten dat de enquête invulde."""
    return float(winkel.enquete["beantwoord"].mean())


def foutenmarge(winkel: Winkel, uitnodigingen: int) -> tuple[int, float]:
    """Het verwachte aantal antwoorden bij zoveel uitnodigingen, en de foutenmarge op een NPS-verschil."""
    antwoorden = max(round(uitnodigingen * respons(winkel)), 1)
    eigen = nps(winkel.enquete["aanbeveling"])
    return antwoorden, nps_foutenmarge(antwoorden, eigen["pct_promotors"], eigen["pct_criticasters"])


def oordeel_nps_stijging(keuze: Any, winkel: Winkel) -> Oordeel:
    """Geen bonus voor een stijging die toeval kan zijn; een meting die een echte stijging kan tonen."""
    if not isinstance(keuze, Mapping) or set(keuze) != {"bonus", "uitnodigingen", "drempel"}:
        raise KeuzeFout(
            "Geef een woordenboek met 'bonus' (True of False), 'uitnodigingen' (hoeveel klanten je volgend "
            "jaar uitnodigt) en 'drempel' (vanaf hoeveel NPS-punten stijging er een bonus is)."
        )
    bonus, uitnodigingen, drempel = keuze["bonus"], keuze["uitnodigingen"], keuze["drempel"]
    if not isinstance(bonus, bool):
        raise KeuzeFout("Zet 'bonus' op True (de bonus uitkeren) of False (niet uitkeren).")
    if isinstance(uitnodigingen, bool) or not isinstance(uitnodigingen, int) or uitnodigingen < 1:
        raise KeuzeFout("Geef 'uitnodigingen' als een geheel aantal klanten, minstens 1.")
    if isinstance(drempel, bool) or not isinstance(drempel, int | float) or drempel <= 0:
        raise KeuzeFout("Geef 'drempel' als een aantal NPS-punten groter dan 0, bv. 10.")
    verschil = nps_verschil(VORIGE_METING, NIEUWE_METING)
    interval = f"{_punten(verschil['ondergrens'])} tot {_punten(verschil['bovengrens'])}"
    if bonus:
        return Oordeel(
            False,
            f"Met 80 antwoorden per meting loopt het 95%-interval van de stijging van {interval} punten: de "
            f"stijging van {_punten(verschil['verschil'])} kan evengoed toeval zijn. Een bonus voor toeval "
            "moet je volgend jaar misschien terugdraaien.",
        )
    bereik = mailbare_klanten(winkel)
    if uitnodigingen > bereik:
        return Oordeel(
            False,
            f"Je kunt maar {getal(bereik)} klanten per e-mail uitnodigen (toestemming, e-mailadres, niet "
            f"uitgeschreven), geen {getal(uitnodigingen)}.",
        )
    antwoorden, marge = foutenmarge(winkel, uitnodigingen)
    punten = getal(drempel, 0 if float(drempel).is_integer() else 1)
    meting = (
        f"{getal(uitnodigingen)} uitnodigingen geven bij {procent(respons(winkel), 0)} respons ongeveer "
        f"{getal(antwoorden)} antwoorden; de foutenmarge op een verschil tussen twee metingen is dan "
        f"{getal(marge, 1)} punten"
    )
    if drempel < marge:
        return Oordeel(False, f"{meting}: een stijging van {punten} punten kan dus nog toeval zijn.")
    if drempel > HOOGSTE_DREMPEL:
        return Oordeel(
            False,
            f"Een stijging van {punten} punten in één jaar haalt bijna geen winkel: zo'n bonus "
            f"motiveert niemand. Met {getal(uitnodigingen)} uitnodigingen volstaat een drempel vanaf "
            f"{getal(math.ceil(marge))} punten.",
        )
    return Oordeel(
        True,
        f"Geen bonus voor toeval: met 80 antwoorden loopt het interval van de stijging van {interval} "
        f"punten. {meting}, dus een stijging van {punten} punten of meer is echt. Je nodigt "
        f"{procent(uitnodigingen / bereik, 0)} uit van de {getal(bereik)} klanten die je mag mailen.",
    )


registreer(
    Beslissing(
        naam="08_nps_stijging",
        vraag="Je personeel krijgt een bonus als de NPS echt stijgt. Vorig jaar +22,5, dit jaar +30, "
        "telkens met 80 antwoorden. Keer je de bonus uit? Hoeveel klanten nodig je volgend jaar uit, en "
        "vanaf welke stijging is er een bonus?",
        oordeel=oordeel_nps_stijging,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "bonus": False,
                    "uitnodigingen": mailbare_klanten(w),
                    "drempel": math.ceil(foutenmarge(w, mailbare_klanten(w))[1]),
                },
                True,
                "is echt",
            ),
            Voorbeeld(
                lambda w: {
                    "bonus": False,
                    "uitnodigingen": mailbare_klanten(w) * 3 // 4,
                    "drempel": math.ceil(foutenmarge(w, mailbare_klanten(w) * 3 // 4)[1]) + 2,
                },
                True,
                "Je nodigt 75% uit",
            ),
            Voorbeeld(
                lambda w: {"bonus": True, "uitnodigingen": mailbare_klanten(w), "drempel": 15},
                False,
                "toeval",
            ),
            Voorbeeld(
                lambda w: {"bonus": False, "uitnodigingen": round(80 / respons(w)), "drempel": 8},
                False,
                "kan dus nog toeval zijn",
            ),
            Voorbeeld(
                lambda w: {"bonus": False, "uitnodigingen": mailbare_klanten(w) + 500, "drempel": 15},
                False,
                "Je kunt maar",
            ),
            Voorbeeld(
                lambda w: {"bonus": False, "uitnodigingen": mailbare_klanten(w), "drempel": 40},
                False,
                "haalt bijna geen winkel",
            ),
        ),
        plan="nps_meting",
        bewaar=lambda keuze, w: {
            "bonus": keuze["bonus"],
            "uitnodigingen": keuze["uitnodigingen"],
            "bonus_vanaf_stijging": keuze["drempel"],
        },
    )
)


# --------------------------------------------------------------------------------------------
# Beslissing 3: een klachtenregel voor het personeel
# --------------------------------------------------------------------------------------------

BUDGET_KLACHTEN = 2000
"""Het jaarbudget (euro) voor tegemoetkomingen bij klachten in de oefening."""
AL_BINNEN = 0.9
"""Was al zoveel van de klachten binnen de termijn afgehandeld, dan verandert de regel niets."""
HAALBAAR = 0.3
"""Haalde minder dan zoveel van de goed opgeloste klachten de termijn, dan is de regel niet haalbaar."""
SLEUTELS_REGEL = {"oplossen_binnen_dagen", "tegemoetkoming_euro", "altijd_noteren"}


def klachten_per_jaar(winkel: Winkel) -> int:
    """Het aantal klachten in de 365 dagen tot de peildatum."""
    k = klachten(winkel.contacten)
    return int((k["datum"] > winkel.peildatum - pd.Timedelta(days=365)).sum())


def oordeel_klachtenregel(regel: Any, winkel: Winkel) -> Oordeel:
    """Een regel die noteert, binnen het budget blijft, haalbaar is en iets verandert."""
    if not isinstance(regel, Mapping) or set(regel) != SLEUTELS_REGEL:
        raise KeuzeFout(
            "Geef je regel als woordenboek met 'oplossen_binnen_dagen' (een aantal dagen), "
            "'tegemoetkoming_euro' (wat je personeel zelf mag geven, per klacht) en 'altijd_noteren' "
            "(True of False)."
        )
    dagen, bedrag, noteren = (
        regel[k] for k in ("oplossen_binnen_dagen", "tegemoetkoming_euro", "altijd_noteren")
    )
    if isinstance(dagen, bool) or not isinstance(dagen, int) or dagen < 0:
        raise KeuzeFout("Geef 'oplossen_binnen_dagen' als een geheel aantal dagen (0 of meer).")
    if isinstance(bedrag, bool) or not isinstance(bedrag, int | float) or bedrag < 0:
        raise KeuzeFout("Geef 'tegemoetkoming_euro' als een bedrag in euro (0 of meer).")
    if not isinstance(noteren, bool):
        raise KeuzeFout("Zet 'altijd_noteren' op True of False.")
    alle = klachten(winkel.contacten)
    if not noteren:
        meeste = alle["categorie"].value_counts().index[0]
        aantal = int((alle["categorie"] == meeste).sum())
        return Oordeel(
            False,
            f"Zonder elke klacht te noteren zie je niet dat de meeste klachten over {meeste} gaan "
            f"({getal(aantal)} van de {getal(len(alle))}), en kun je je regel nooit toetsen.",
        )
    afgehandeld = alle.dropna(subset=["oplostijd_dagen"])
    binnen = (afgehandeld["oplostijd_dagen"] <= dagen).to_numpy(dtype=bool)
    goed = (afgehandeld["uitkomst"] == "goed opgelost").to_numpy(dtype=bool)
    if binnen.mean() >= AL_BINNEN:
        return Oordeel(
            False,
            f"Die regel verandert niets: {procent(binnen.mean())} van de klachten was al binnen "
            f"{getal(dagen)} dagen afgehandeld. Kies een kortere termijn.",
        )
    if binnen[goed].mean() < HAALBAAR:
        return Oordeel(
            False,
            f"Die termijn is niet haalbaar: zelfs van de goed opgeloste klachten was maar "
            f"{procent(binnen[goed].mean())} binnen {getal(dagen)} dag(en) rond (vaak moet een leverancier "
            "of het atelier nog iets doen).",
        )
    per_jaar = klachten_per_jaar(winkel)
    kost = per_jaar * bedrag
    budget = euro(BUDGET_KLACHTEN, 0)
    if kost > BUDGET_KLACHTEN:
        return Oordeel(
            False,
            f"{getal(per_jaar)} klachten per jaar maal {euro(bedrag)} kost tot {euro(kost, 0)} per jaar: "
            f"meer dan je budget van {budget}.",
        )
    termijn = f"binnen {dagen} dagen"
    snel_of_traag = (pd.to_numeric(winkel.contacten["oplostijd_dagen"]) <= dagen).map(
        {True: termijn, False: "trager"}
    )
    herkoop = herkoop_na_klacht(
        winkel.contacten.assign(termijn=snel_of_traag),
        winkel.tickets,
        winkel.peildatum,
        maanden=MAANDEN,
        per="termijn",
    )["herkoopaandeel"]
    buiten = f"{getal((~binnen).sum())} van de {getal(len(binnen))}"
    return Oordeel(
        True,
        f"Met je regel valt {procent(1 - binnen.mean())} van de afgehandelde klachten ({buiten}) buiten de "
        f"termijn van {getal(dagen)} dagen. Wie zijn klacht {termijn} afgehandeld zag, kocht in "
        f"{procent(herkoop.get(termijn, math.nan))} van de gevallen opnieuw binnen {MAANDEN} maanden, tegen "
        f"{procent(herkoop.get('trager', math.nan))} bij een tragere afhandeling. Je tegemoetkoming kost "
        f"hoogstens {euro(kost, 0)} per jaar ({getal(per_jaar)} klachten maal {euro(bedrag)}), binnen je "
        f"budget van {budget}.",
    )


def _bedrag(winkel: Winkel, deel: float) -> int:
    """Een tegemoetkoming per klacht die ``deel`` van het budget gebruikt als elke klacht ze krijgt."""
    return max(math.floor(deel * BUDGET_KLACHTEN / max(klachten_per_jaar(winkel), 1)), 1)


registreer(
    Beslissing(
        naam="08_klachtenregel",
        vraag=f"Schrijf een klachtenregel voor je personeel: binnen hoeveel dagen los je een klacht op, "
        f"hoeveel mag een verkoper zelf toegeven (je budget is {euro(BUDGET_KLACHTEN, 0)} per jaar) en "
        "noteer "
        "je elke klacht?",
        oordeel=oordeel_klachtenregel,
        voorbeelden=(
            Voorbeeld(
                lambda w: {
                    "oplossen_binnen_dagen": 7,
                    "tegemoetkoming_euro": _bedrag(w, 0.8),
                    "altijd_noteren": True,
                },
                True,
                "binnen je budget",
            ),
            Voorbeeld(
                lambda w: {
                    "oplossen_binnen_dagen": 4,
                    "tegemoetkoming_euro": _bedrag(w, 0.5),
                    "altijd_noteren": True,
                },
                True,
                "binnen 4 dagen",
            ),
            Voorbeeld(
                lambda w: {
                    "oplossen_binnen_dagen": 60,
                    "tegemoetkoming_euro": _bedrag(w, 0.5),
                    "altijd_noteren": True,
                },
                False,
                "verandert niets",
            ),
            Voorbeeld(
                lambda w: {
                    "oplossen_binnen_dagen": 1,
                    "tegemoetkoming_euro": _bedrag(w, 0.5),
                    "altijd_noteren": True,
                },
                False,
                "niet haalbaar",
            ),
            Voorbeeld(
                lambda w: {
                    "oplossen_binnen_dagen": 7,
                    "tegemoetkoming_euro": _bedrag(w, 1.5) + 1,
                    "altijd_noteren": True,
                },
                False,
                "meer dan je budget",
            ),
            Voorbeeld(
                lambda w: {
                    "oplossen_binnen_dagen": 7,
                    "tegemoetkoming_euro": _bedrag(w, 0.5),
                    "altijd_noteren": False,
                },
                False,
                "nooit toetsen",
            ),
        ),
        plan="klachtenregel",
    )
)


# --------------------------------------------------------------------------------------------
# Je eigen winkel: een korte enquête van drie (of vier) vragen
# --------------------------------------------------------------------------------------------

THEMA_S: dict[str, str] = {
    "prijs": r"prijs|prijzen|betaalbaar|\bduur|goedkoop|waar voor (?:je|uw|jouw) geld|\bkost(?:en|te)?\b",
    "kwaliteit": r"kwaliteit|degelijk|stevig|afwerking|materia|\bga(?:at|an)\b.*\bmee\b",
    "service": r"service|bedien|advies|geholpen|\bhulp|behulpza|personeel|verko(?:per|ster)|vriendelijk",
}
"""Waaraan je een vraag over prijs, kwaliteit of service herkent (kleine letters, reguliere expressie)."""
CONCURRENT = (
    r"concurrent|andere (?:winkel|zaak|zaken|sportwinkel|schoenwinkel|kledingzaak)|elders|keten|webshop|"
    r"online|vergeleken met|in vergelijking|tegenover|dan bij"
)
"""Waaraan je de vergelijking met concurrenten herkent."""
SUGGESTIEF = r"\btoch\b|niet waar|geweldig|fantastisch|\bsuper\b|schitterend|ook niet|\bzeker ook\b"
"""Woorden die het antwoord voorzeggen."""
ONBEANTWOORDBAAR = {
    r"\bmarge|inkoop|omzet|\bwinst": "je klant kent je marge, inkoopprijs of omzet niet",
    r"religie|geloof|gezondheid|ziekte|politie?k|inkomen|\bloon\b|afkomst": "dat is gevoelige persoonlijke "
    "informatie die je voor een tevredenheidsenquête niet nodig hebt (GDPR: vraag alleen wat je gebruikt)",
}
"""Waar een klant niet op kan (of hoeft te) antwoorden, met de reden."""
MAX_WOORDEN = 25

VOORBEELD_ENQUETE = (
    "Hoe tevreden ben je over onze prijzen, van 1 (helemaal niet) tot 5 (heel tevreden)?",
    "Hoe tevreden ben je over de kwaliteit van wat je bij ons kocht, van 1 tot 5?",
    "Hoe tevreden ben je over de service en het advies in de winkel, van 1 tot 5?",
    "Vergeleken met de andere winkels waar je kleding koopt: doen wij het beter, even goed of slechter?",
)
"""De enquête van het uitgewerkte voorbeeld in het notebook (de kledingzaak)."""


def _gewoon(tekst: str) -> str:
    """Kleine letters, één spatie, 'prijs-kwaliteit' als één begrip (waar voor je geld)."""
    tekst = " ".join(tekst.casefold().split())
    return re.sub(r"prijs[- /]kwaliteit\w*", "prijs", tekst)


def _themas(vraag: str) -> set[str]:
    gewoon = _gewoon(vraag)
    return {thema for thema, patroon in THEMA_S.items() if re.search(patroon, gewoon)}


def _vraagfout(vragen: list[str]) -> str | None:
    """Wat er mis is met de vorm of de inhoud van een van de vragen (of ``None``)."""
    for nummer, vraag in enumerate(vragen, start=1):
        gewoon = _gewoon(vraag)
        woorden = len(gewoon.split())
        if "..." in vraag or woorden < 4:
            return f"Vraag {nummer} ('{vraag}') is nog geen echte vraag: schrijf ze volledig uit."
        if not vraag.endswith("?"):
            return f"Vraag {nummer} ('{vraag}') eindigt niet op een vraagteken."
        if woorden > MAX_WOORDEN:
            return (
                f"Vraag {nummer} telt {woorden} woorden: te lang om snel te beantwoorden. Hou elke vraag "
                f"onder {MAX_WOORDEN} woorden."
            )
        for patroon, reden in ONBEANTWOORDBAAR.items():
            if re.search(patroon, gewoon):
                return f"Vraag {nummer} kan of hoeft een klant niet te beantwoorden: {reden}."
        if re.search(SUGGESTIEF, gewoon):
            return (
                f"Vraag {nummer} zegt het antwoord al voor ('{vraag}'). Vraag neutraal, anders meet je je "
                "eigen hoop."
            )
        themas = sorted(_themas(vraag))
        if len(themas) > 1:
            return (
                f"Vraag {nummer} vraagt naar {' en '.join(themas)} tegelijk: wie {themas[0]} goed vindt en "
                f"{themas[1]} slecht, kan daar niet op antwoorden. Maak er twee vragen van."
            )
    return None


def oordeel_eigen_enquete(vragen: Any, winkel: Winkel | None) -> Oordeel:
    """Drie of vier beantwoordbare vragen die samen prijs, kwaliteit, service en de concurrent dekken."""
    if (
        isinstance(vragen, str)
        or not isinstance(vragen, Sequence)
        or not all(isinstance(v, str) for v in vragen)
    ):
        raise KeuzeFout("Geef je vragen als lijst van teksten: ['Eerste vraag?', 'Tweede vraag?', ...].")
    vragen = [v.strip() for v in vragen]
    if len(vragen) < 3:
        return Oordeel(
            False,
            f"Je gaf {len(vragen)} vraag/vragen: een korte bevraging heeft er drie (prijs, kwaliteit, "
            "service), met de concurrent erin of als vierde vraag.",
        )
    if len(vragen) > 4:
        return Oordeel(
            False,
            f"{len(vragen)} vragen is geen korte bevraging meer: elke extra vraag kost je antwoorden. Hou "
            "het bij drie, met hoogstens één extra vraag over de concurrent.",
        )
    if {_gewoon(v) for v in vragen} <= {_gewoon(v) for v in VOORBEELD_ENQUETE}:
        return Oordeel(
            False,
            "Dat zijn de vragen van het voorbeeld. Schrijf ze voor je eigen winkel: met je eigen producten, "
            "je eigen concurrenten en in je eigen woorden.",
        )
    fout = _vraagfout(vragen)
    if fout is not None:
        return Oordeel(False, fout)
    per_vraag = [_themas(v) for v in vragen]
    ontbreekt = [t for t in THEMA_S if t not in set().union(*per_vraag)]
    if ontbreekt:
        return Oordeel(
            False,
            f"Geen enkele vraag gaat over {' of '.join(ontbreekt)}. De drie vragen van een korte bevraging "
            "gaan over prijs, kwaliteit en service.",
        )
    concurrent = [i + 1 for i, v in enumerate(vragen) if re.search(CONCURRENT, _gewoon(v))]
    if not concurrent:
        return Oordeel(
            False,
            "Je vraagt niet hoe je het doet tegenover je concurrenten. Verwerk dat in een van je vragen "
            "('... tegenover andere winkels?') of voeg een vierde vraag toe.",
        )
    indeling = ", ".join(
        f"vraag {i} over {', '.join(sorted(t)) or 'de concurrent'}" for i, t in enumerate(per_vraag, start=1)
    )
    waar = (
        f"de concurrent zit in vraag {concurrent[0]}"
        if len(vragen) == 3
        else f"vraag {concurrent[0]} vergelijkt met je concurrenten"
    )
    return Oordeel(
        True,
        f"Je {len(vragen)} vragen dekken prijs, kwaliteit en service ({indeling}); {waar}. Zet bij elke "
        "vraag dezelfde schaal (1 tot 5) en stel ze elk jaar opnieuw, zodat je kunt vergelijken.",
    )


registreer(
    Beslissing(
        naam="08_eigen_enquete",
        vraag="Schrijf de korte enquête voor je eigen winkel: drie vragen over prijs, kwaliteit en service, "
        "met de vergelijking met je concurrenten erin of als vierde vraag.",
        oordeel=oordeel_eigen_enquete,
        voorbeelden=(
            Voorbeeld(
                lambda w: [
                    "Hoe tevreden ben je over onze prijzen tegenover andere sportwinkels, van 1 tot 5?",
                    "Hoe tevreden ben je over de kwaliteit van je schoenen en kledij, van 1 tot 5?",
                    "Hoe tevreden ben je over de hulp van onze verkopers, van 1 tot 5?",
                ],
                True,
                "de concurrent zit in vraag 1",
            ),
            Voorbeeld(
                lambda w: [
                    "Vind je onze prijzen betaalbaar, van 1 tot 5?",
                    "Hoe lang gaan de schoenen die je bij ons kocht mee, van 1 (kort) tot 5 (heel lang)?",
                    "Hoe goed werd je geholpen bij het passen, van 1 tot 5?",
                    "Koop je je schoenen ook elders, en waar?",
                ],
                True,
                "vraag 4 vergelijkt",
            ),
            Voorbeeld(lambda w: list(VOORBEELD_ENQUETE), False, "de vragen van het voorbeeld"),
            Voorbeeld(
                lambda w: [
                    "Hoe tevreden ben je over onze prijs en kwaliteit, van 1 tot 5?",
                    "Hoe tevreden ben je over onze service, van 1 tot 5?",
                    "Doen we het beter dan de ketens in de stad?",
                ],
                False,
                "tegelijk",
            ),
            Voorbeeld(
                lambda w: [
                    "Hoe tevreden ben je over onze prijzen tegenover de webshops?",
                    "Hoe tevreden ben je over onze service, van 1 tot 5?",
                    "Hoe tevreden ben je over de sfeer in de winkel, van 1 tot 5?",
                ],
                False,
                "over kwaliteit",
            ),
            Voorbeeld(
                lambda w: [
                    "Onze service is toch geweldig, niet waar?",
                    "Hoe tevreden ben je over de kwaliteit, van 1 tot 5?",
                    "Hoe tevreden ben je over onze prijzen tegenover andere winkels?",
                ],
                False,
                "zegt het antwoord al voor",
            ),
            Voorbeeld(
                lambda w: [
                    "Hoe tevreden ben je over onze prijzen tegenover andere winkels?",
                    "Hoe tevreden ben je over de kwaliteit, van 1 tot 5?",
                    "Hoe tevreden ben je over onze service, van 1 tot 5?",
                    "Wat is je netto inkomen per maand?",
                ],
                False,
                "gevoelige persoonlijke informatie",
            ),
            Voorbeeld(lambda w: ["Vraag 1?", "Vraag 2?", "Vraag 3?"], False, "nog geen echte vraag"),
        ),
        soort="eigen_winkel",
        plan="enquete",
    )
)

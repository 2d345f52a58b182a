"""Notebook 07 checks on a tiny invented shop: the figures in the feedback are computed by hand.

The shop (peildatum 31-12-2025): one product (aankoopprijs € 50) sold at € 121 incl. 21% VAT, so
every purchase is € 100 revenue and € 50 gross margin. Purchases (one ticket each):

    A 01-03-2023, 01-03-2024 (card voucher), 01-03-2025   B 01-05-2023, 01-05-2025
    C 01-06-2023      D 01-02-2023, 01-02-2024 (card voucher)      E 01-08-2025
    F 01-06-2024      G 01-04-2023, 01-04-2024      H 15-01-2023      I 01-09-2023
    J 20-05-2025

Consent: everybody by e-mail, except B and J (no consent).
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import Winkel, naar_types
from helpers.oefeningen import controleer
from helpers.oefeningen import nb07_klantentrouw as nb07
from helpers.schema import TABELLEN

AANKOPEN = [
    ("A", "2023-03-01"), ("A", "2024-03-01"), ("A", "2025-03-01"), ("B", "2023-05-01"), ("B", "2025-05-01"),
    ("C", "2023-06-01"), ("D", "2023-02-01"), ("D", "2024-02-01"), ("E", "2025-08-01"), ("F", "2024-06-01"),
    ("G", "2023-04-01"), ("G", "2024-04-01"), ("H", "2023-01-15"), ("I", "2023-09-01"), ("J", "2025-05-20"),
]  # fmt: skip
BONNEN = {("A", "2024-03-01"), ("D", "2024-02-01")}


def tabel(naam: str, **kolommen: list) -> pd.DataFrame:
    """A table with the schema's columns: the given ones filled in, the rest empty (NA); no columns: empty."""
    rijen = len(next(iter(kolommen.values()))) if kolommen else 0
    data = {k: kolommen.get(k, [None] * rijen) for k in TABELLEN[naam]}
    return naar_types(pd.DataFrame(data, dtype=object if not rijen else None), TABELLEN[naam])


def mini_winkel() -> Winkel:
    ids = sorted({k for k, _ in AANKOPEN})
    klanten = tabel(
        "klanten",
        klant_id=ids,
        relatie=["klant"] * len(ids),
        toestemming_marketing=[k not in ("B", "J") for k in ids],
        voorkeurkanaal=["e-mail"] * len(ids),
        email=[f"{k.lower()}@voorbeeld.be" for k in ids],
        klantenkaart=[True] * len(ids),
    )
    tickets = tabel(
        "tickets",
        ticket_id=[f"T{i}" for i in range(len(AANKOPEN))],
        datum=pd.to_datetime([d for _, d in AANKOPEN]),
        klant_id=[k for k, _ in AANKOPEN],
        kanaal=["winkel"] * len(AANKOPEN),
        soort=["aankoop"] * len(AANKOPEN),
        bedrag=[121.0] * len(AANKOPEN),
        korting=[0.0] * len(AANKOPEN),
    )
    lijnen = tabel(
        "ticketlijnen",
        ticket_id=[f"T{i}" for i in range(len(AANKOPEN))],
        lijn=[1] * len(AANKOPEN),
        product_id=["P1"] * len(AANKOPEN),
        aantal=[1] * len(AANKOPEN),
        eenheidsprijs=[121.0] * len(AANKOPEN),
        korting=[0.0] * len(AANKOPEN),
        korting_soort=["klantenkaart" if a in BONNEN else None for a in AANKOPEN],
        bedrag=[121.0] * len(AANKOPEN),
        retour=[False] * len(AANKOPEN),
    )
    producten = tabel(
        "producten", product_id=["P1"], productlijn=["schoenen"], categorie=["stadsschoenen"],
        catalogusprijs=[121.0], aankoopprijs=[50.0], sperperiode=[True],
    )  # fmt: skip
    andere = {n: tabel(n) for n in ("contacten", "acties", "actiecontacten", "enquete", "offertes")}
    return Winkel(
        profiel="schoenenzaak",
        naam="Mini",
        gemeente="Tongeren",
        peildatum=pd.Timestamp("2025-12-31"),
        klanten=klanten,
        producten=producten,
        tickets=tickets,
        ticketlijnen=lijnen,
        **andere,
    )


@pytest.fixture(scope="module")
def winkel() -> Winkel:
    return mini_winkel()


# Base year 2023: {A, B, C, D, G, H, I} = 7; in 2024 {A, D, G} = 3; in 2025 {A, B} = 2 (B skipped 2024).
# blijfkans = 2 / 3 (above 2023's herhaalkans 3 / 7); koopkans = (3 / 7) / (2 / 3) = 9 / 14.
# Base year 2024: {A, D, F, G} = 4, in 2025 {A} = 1 -> herhaalkans over both years (3 + 1) / (7 + 4) = 4 / 11.
# Purchase years: A 3, B 2, D 2, G 2, the others 1 -> 15 years, 15 purchases of € 50:
# € 50 per purchase year.
BLIJF, KOOP, HERHAAL, MARGE = 2 / 3, 9 / 14, 4 / 11, 50.0
CLV = KOOP * MARGE * BLIJF / (1.1 - BLIJF)  # 49.45


def test_retention_and_value_by_hand(winkel):
    r = nb07.retentie(winkel)
    assert (r.herhaalkans, r.blijfkans, r.koopkans) == pytest.approx((HERHAAL, BLIJF, KOOP))
    assert nb07.marge_per_koopjaar(winkel) == pytest.approx(MARGE)
    assert nb07.klantwaarde_gemiddeld(winkel) == pytest.approx(CLV)
    assert controleer("07_blijfkans", 2 / 3, winkel).status == "juist"
    # the repeat rate and "two years later / all" (2 / 7) are the typical mistakes
    assert "herhaalkans" in controleer("07_blijfkans", HERHAAL, winkel).boodschap
    assert "Deel door wie het jaar erna kocht" in controleer("07_blijfkans", 2 / 7, winkel).boodschap
    assert "€ 49 waard" in str(controleer("07_klantwaarde", CLV, winkel))
    # with the repeat rate: 50 x (4/11) / (1.1 - 4/11) = 24.69 -> the mistake is named
    assert "herhaalkans" in controleer("07_klantwaarde", MARGE * HERHAAL / (1.1 - HERHAAL), winkel).boodschap


def test_churn_rule_backtest_by_hand(winkel):
    # On 31-12-2024 (silence in days): A 306, B 610, C 579, D 334, F 213, G 274, H 716, I 487.
    # Came back in 2025: A and B. Stayed away: C, D, F, G, H, I (6).
    # > 450: B, C, H, I -> 4 'lost', 1 came back -> right for 75%; caught C, H, I = 3 of 6 = 50%.
    goed = str(controleer("07_churnregel", 450, winkel))
    assert "4 klanten verloren; 1 kwamen toch terug, dus je regel klopte voor 75%" in goed
    assert "Hij zag 50% van alle klanten" in goed
    # > 300: A, B, C, D, H, I -> 6, 2 came back -> 67% < 75%
    te_kort = str(controleer("07_churnregel", 300, winkel))
    assert "6 klanten verloren, maar 2 van hen kwamen" in te_kort and "klopte maar voor 67%" in te_kort
    # > 650: H only -> 1 of 6 stayers = 17% caught, right for 100%: accepted; > 720: nobody -> refused
    assert controleer("07_churnregel", 650, winkel).status == "juist"
    assert "maar 0 klanten verloren" in str(controleer("07_churnregel", 720, winkel))
    assert "geheel getal" in str(controleer("07_churnregel", "450", winkel))


def test_winback_list_by_hand(winkel):
    # status on 31-12-2025: A 305 days (rhythm 365 -> threshold 180) risico; B 244 risico; E 152 actief;
    # J 225 (one purchase, threshold 180) risico; C, D, F, G, H, I verloren. A and B are A-customers
    # (the two largest spenders: € 363 and € 242 incl. VAT).
    goed = str(controleer("07_winback", ["A"], winkel))
    assert "Je 1 berichten (€ 12 van je € 1.200)" in goed
    assert "Samen kochten ze voor € 363: 100% van de omzet van alle 1 A-risicoklanten" in goed
    assert "305 dagen geleden" in goed
    assert "geen toestemming voor marketing: 1" in str(controleer("07_winback", ["A", "B"], winkel))
    assert "status actief" in str(controleer("07_winback", ["A", "E"], winkel))
    assert "niet de status risico" in str(controleer("07_winback", ["A", "C"], winkel))
    assert "meer dan je budget" in str(controleer("07_winback", [f"K{i}" for i in range(101)], winkel))
    assert "niet in het klantenbestand" in str(controleer("07_winback", ["A", "Z"], winkel))
    assert "meer dan eens" in str(controleer("07_winback", ["A", "A"], winkel))


def test_welcome_voucher_by_hand(winkel):
    # Vouchers now: A after 366 days, D after 365 -> median 365.5, shown as 366.
    assert nb07.huidige_wachttijd(winkel) == 365.5
    # New customers of 2025: E (01-08) and J (20-05). 10 days later, 45 days valid:
    # E 11-08 to 24-09 (no ban); J 30-05 to 13-07 with 1-30 June banned -> 15 usable days.
    goed = str(controleer("07_welkomstbon", {"na_dagen": 10, "geldig_dagen": 45}, winkel))
    assert "na 10 dagen in plaats van na 366 dagen" in goed
    assert "Bij 50% van de bonnen" in goed and "minstens 15 bruikbare dagen" in goed
    # 30 days valid: J 30-05 to 28-06 -> only 30 and 31 May usable (2 days)
    kort = str(controleer("07_welkomstbon", {"na_dagen": 10, "geldig_dagen": 30}, winkel))
    assert "1 van je 2 nieuwe klanten van het voorbije jaar (50%)" in kort
    # ... unless it is extended by the banned days
    verlengd = controleer("07_welkomstbon", {"na_dagen": 10, "geldig_dagen": 30, "verlengen": True}, winkel)
    assert verlengd.status == "juist" and "volle termijn" in verlengd.boodschap
    assert "niet sneller dan nu" in str(
        controleer("07_welkomstbon", {"na_dagen": 400, "geldig_dagen": 30}, winkel)
    )


def test_acquisition_and_retention_budget_by_hand(winkel):
    # new customer: 50 + 49.45 = 99.45; A-customers at risk A and B: 50 per purchase year + 49.45 each
    nieuw = MARGE + CLV
    assert nb07.waarde_nieuwe_klant(winkel) == pytest.approx(nieuw)
    assert nb07.waarde_a_risico(winkel) == pytest.approx(nieuw)
    goed = str(controleer("07_werven_behouden", {"werven": 60, "behouden": 80}, winkel))
    assert "met € 60 per nieuwe klant hou je er € 39 aan over" in goed  # 99.45 - 60
    assert "met € 80 hou je er € 19 aan over" in goed  # 99.45 - 80
    assert "verlies je € 21 aan elke klant die je wint" in str(
        controleer("07_werven_behouden", {"werven": 120, "behouden": 90}, winkel)
    )
    assert "minstens evenveel" in str(
        controleer("07_werven_behouden", {"werven": 90, "behouden": 30}, winkel)
    )


def test_own_loyalty_card_judges_content():
    basis = {
        "eerste_beloning_na_dagen": 30,
        "voordeel": "€ 10 bon bij de tweede aankoop",
        "vip": "A-klanten krijgen een voorverkoop",
        "binding": ["financieel", "sociaal"],
    }
    assert controleer("07_eigen_klantenkaart", basis).status == "juist"
    assert "alleen financieel" in str(controleer("07_eigen_klantenkaart", {**basis, "binding": "financieel"}))
    assert "pas na 120 dagen" in str(
        controleer("07_eigen_klantenkaart", {**basis, "eerste_beloning_na_dagen": 120})
    )
    assert "zegt niet wat" in str(
        controleer("07_eigen_klantenkaart", {**basis, "voordeel": "mooie extraatjes"})
    )
    assert "Vul 'vip' in" in str(controleer("07_eigen_klantenkaart", {**basis, "vip": "..."}))
    assert "Onbekende binding" in str(
        controleer("07_eigen_klantenkaart", {**basis, "binding": ["emotioneel"]})
    )

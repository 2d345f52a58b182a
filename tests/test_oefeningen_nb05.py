"""Notebook 05 checks on a tiny invented shop: the consequence figures in the feedback, computed by hand.

The shop (peildatum 31-12-2025; every amount includes 21% VAT, so amount / 1.21 is a round number):

  klant  purchase days (amount each)                         product  margin      consent / channel
  K1     10 Feb, 10 Apr, 10 Jun, 10 Aug, 10 Oct, 20 Dec 2025  P1 (121)  6 x 60       e-mail
  K2     1 Mar, 1 Jun, 1 Sep, 15 Nov 2025                     P2 (121)  4 x 20       e-mail, unsubscribed (A2)
  K3     10 Mar 2023 (2,420)                                  P3        1,200        post
  K4     20 Jan 2024 (36.30)                                  P4        20           no consent
  K5     15 Jan, 15 Mar, 15 May, 15 Jul, 30 Nov 2023          P1 (121)  5 x 60       sms
  K6     1 Dec 2025 (60.50)                                   P4        40           e-mail
  K7     1 Feb, 1 May 2025 (96.80 each)                       P4        2 x 70       e-mail, ignored A1-A3
  K8     a prospect, never bought                                                    e-mail
  and one anonymous ticket (1 Jul 2025, 50).

  revenue 726 + 484 + 2,420 + 36.30 + 605 + 60.50 + 193.60 = 4,525.40; margin 360 + 80 + 1,200 + 20 + 300
  + 40 + 140 = 2,140; recency K1 11, K2 46, K3 1,027, K4 711, K5 762, K6 30, K7 244 days.
  Three e-mail actions A1-A3 (0.02 per contact; fixed costs 200, 300 and 250).
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import Winkel, naar_types
from helpers.oefeningen import controleer
from helpers.oefeningen.nb05_rfm_en_abc import klantbeeld, segmenten, segmentkosten
from helpers.rfm import GROTE_EENMALIGE
from helpers.schema import TABELLEN


def tabel(soort: str, /, **kolommen: list) -> pd.DataFrame:
    """A table with the schema's columns: the given ones filled in, the rest empty."""
    rijen = len(next(iter(kolommen.values())))
    data = {k: kolommen.get(k, [None] * rijen) for k in TABELLEN[soort]}
    return naar_types(pd.DataFrame(data), TABELLEN[soort])


AANKOPEN = [  # (klant, datum, product, bedrag)
    *[("K1", d, "P1", 121.0) for d in ("2025-02-10", "2025-04-10", "2025-06-10", "2025-08-10", "2025-10-10")],
    ("K1", "2025-12-20", "P1", 121.0),
    *[("K2", d, "P2", 121.0) for d in ("2025-03-01", "2025-06-01", "2025-09-01", "2025-11-15")],
    ("K3", "2023-03-10", "P3", 2420.0),
    ("K4", "2024-01-20", "P4", 36.3),
    *[("K5", d, "P1", 121.0) for d in ("2023-01-15", "2023-03-15", "2023-05-15", "2023-07-15", "2023-11-30")],
    ("K6", "2025-12-01", "P4", 60.5),
    ("K7", "2025-02-01", "P4", 96.8),
    ("K7", "2025-05-01", "P4", 96.8),
    (None, "2025-07-01", "P4", 50.0),
]
OMZET = 4525.4
MARGE = 2140.0


def mini_winkel05() -> Winkel:
    ids = [f"T{i}" for i in range(len(AANKOPEN))]
    klant, datum, product, bedrag = zip(*AANKOPEN, strict=True)
    tickets = tabel(
        "tickets",
        ticket_id=ids,
        datum=pd.to_datetime([f"{d} 11:00" for d in datum]),
        klant_id=list(klant),
        kanaal=["winkel"] * len(ids),
        soort=["aankoop"] * len(ids),
        bedrag=list(bedrag),
        korting=[0.0] * len(ids),
    )
    lijnen = tabel(
        "ticketlijnen",
        ticket_id=ids,
        lijn=[1] * len(ids),
        product_id=list(product),
        aantal=[1] * len(ids),
        eenheidsprijs=list(bedrag),
        korting=[0.0] * len(ids),
        bedrag=list(bedrag),
        retour=[False] * len(ids),
    )
    producten = tabel(
        "producten",
        product_id=["P1", "P2", "P3", "P4"],
        naam=["jas", "sjaal", "maatpak", "sokken"],
        productlijn=["kleding"] * 4,
        categorie=["jassen", "accessoires", "pakken", "accessoires"],
        catalogusprijs=[121.0, 121.0, 2420.0, 36.3],
        aankoopprijs=[40.0, 80.0, 800.0, 10.0],
    )
    klanten = tabel(
        "klanten",
        klant_id=[f"K{i}" for i in range(1, 9)],
        relatie=["klant"] * 7 + ["prospect"],
        toestemming_marketing=[True, True, True, False, True, True, True, True],
        voorkeurkanaal=["e-mail", "e-mail", "post", "geen", "sms", "e-mail", "e-mail", "e-mail"],
        email=["k@voorbeeld.be"] * 8,
        telefoon=["0470 00 00 00"] * 8,
        straat=["Markt 1"] * 8,
        postcode=["3500"] * 8,
        gemeente=["Hasselt"] * 8,
    )
    acties = tabel(
        "acties",
        actie_id=["A1", "A2", "A3"],
        naam=["Lentebon", "Zomerwedstrijd", "VIP-avond"],
        kanaal=["e-mail"] * 3,
        startdatum=pd.to_datetime(["2025-03-01", "2025-06-01", "2025-09-01"]),
        kost_per_contact=[0.02] * 3,
        vaste_kost=[200.0, 300.0, 250.0],
    )
    contacten = [(a, k) for a in ("A1", "A2", "A3") for k in ("K1", "K2", "K7")]
    actiecontacten = tabel(
        "actiecontacten",
        actie_id=[a for a, _ in contacten],
        klant_id=[k for _, k in contacten],
        verzonden=[True] * len(contacten),
        geopend=[k == "K1" for _, k in contacten],
        ingewisseld=[False] * len(contacten),
        uitgeschreven=[(a, k) == ("A2", "K2") for a, k in contacten],
    )
    leeg = {
        naam: tabel(naam, **{next(iter(TABELLEN[naam])): []})
        for naam in TABELLEN
        if naam not in ("klanten", "tickets", "ticketlijnen", "producten", "acties", "actiecontacten")
    }
    return Winkel(
        profiel="kledingzaak",
        naam="Mini 05",
        gemeente="Hasselt",
        peildatum=pd.Timestamp("2025-12-31"),
        klanten=klanten,
        tickets=tickets,
        ticketlijnen=lijnen,
        producten=producten,
        acties=acties,
        actiecontacten=actiecontacten,
        **leeg,
    )


@pytest.fixture(scope="module")
def winkel() -> Winkel:
    return mini_winkel05()


def test_the_mini_shop_is_what_the_docstring_says(winkel):
    beeld = klantbeeld(winkel)
    assert beeld["omzet"].sum() == pytest.approx(OMZET)
    assert beeld["recency"].to_dict() == {
        "K1": 11, "K2": 46, "K3": 1027, "K4": 711, "K5": 762, "K6": 30, "K7": 244
    }  # fmt: skip
    # quintile scores (share strictly worse x 5, + 1) give (R, F): K1 (5, 5), K2 (3, 3), K3 (1, 1), K4 (2, 1),
    # K5 (1, 4), K6 (4, 1), K7 (3, 3); M of K3 is 5 (the biggest spender), so K3 is apart
    assert segmenten(winkel)["segment"].astype("str").to_dict() == {
        "K1": "Kampioenen",
        "K2": "Aandacht nodig",
        "K3": GROTE_EENMALIGE,
        "K4": "Slapend",
        "K5": "Bijna kwijt",
        "K6": "Veelbelovend",
        "K7": "Aandacht nodig",
    }


def test_hidden_big_buyers(winkel):
    # on the plain map K3 and K4 are Slapend; only K3 (2,420 once) is a big one-time buyer
    assert controleer("05_verstopte_grote_kopers", 1, winkel).status == "juist"
    fout = controleer("05_verstopte_grote_kopers", 2, winkel)
    assert fout.status == "bijna" and "alle slapende klanten" in fout.boodschap


def test_recency_cut_offs_name_the_hand_computed_consequence(winkel):
    # 13 returns: K1 59, 61, 61, 61, 71; K2 92, 92, 75; K5 59, 61, 61, 138; K7 89. Longer than 90: 3 of 13.
    goed = controleer("05_recency_grenzen", [182, 365], winkel)
    assert goed.status == "juist"
    # 'lang geleden' (> 365 days): K3, K4, K5 = 3 of 7 customers, (2420 + 36.3 + 605) / 4525.4 = 67.6%
    assert "3 klanten (42,9%) staan in de rij 'lang geleden', met 67,6% van de omzet" in goed.boodschap
    assert "0,0% van de terugkerende bezoeken kwam pas na meer dan 365 dagen" in goed.boodschap
    kort = controleer("05_recency_grenzen", [30, 90], winkel)
    assert kort.status == "fout" and "23,1% van de terugkerende bezoeken" in kort.boodschap
    laat = controleer("05_recency_grenzen", (365, 1095), winkel)
    assert "Dat zijn 3 klanten die al meer dan een jaar wegbleven, samen goed voor 67,6%" in laat.boodschap
    assert (
        "0 klanten die al twee seizoenen wegbleven"
        in controleer("05_recency_grenzen", [400, 600], winkel).boodschap
    )
    for vorm in ("365", [365], [200, 100], [0, 100], ["a", "b"]):
        assert controleer("05_recency_grenzen", vorm, winkel).titel == "Kies opnieuw:"


def test_a_list_weights_by_hand(winkel):
    # rank scores (sevenths) omzet K4 0 K6 1 K7 2 K2 3 K5 4 K1 5 K3 6;
    # recency K3 0 K5 1 K4 2 K7 3 K2 4 K6 5 K1 6.
    # omzet x3 + recency: K1 21/28, K3 18/28, then K2 and K5 13/28 ... -> A = K1, K3 (2 of 7 = 28.6%)
    goed = controleer("05_a_lijst_gewichten", {"omzet": 3, "recency": 1}, winkel)
    assert goed.status == "juist"
    # revenue (726 + 2420) / 4525.4 = 69.5%; margin (360 + 1200) / 2140 = 72.9%; K3 has been away > 1 year
    assert goed.boodschap.startswith(
        "Je A-lijst telt 2 klanten (28,6%), goed voor 69,5% van de omzet en 72,9% van de marge; "
        "daarvan kwam er 1 al meer dan een jaar niet (op omzet alleen: 1). "
        "Van de klanten die op omzet alleen A zijn, staan er 0 niet op jouw lijst."
    )
    # omzet alone: A = K3, K1; K3 (recency 1,027) is one of them
    alleen = controleer("05_a_lijst_gewichten", {"omzet": 1}, winkel)
    assert alleen.boodschap.startswith(
        "Zonder recency staat er 1 klant op je A-lijst die al meer dan een jaar niet kwam (50,0%"
    )
    # all four equally: K1 22/28 and K5 14/28 are A: (726 + 605) / 4525.4 = 29.4% against 69.5%
    gelijk = controleer(
        "05_a_lijst_gewichten", dict.fromkeys(("omzet", "marge", "frequentie", "recency"), 1), winkel
    )
    assert gelijk.status == "fout" and "brengt 29,4% van de omzet, tegen 69,5%" in gelijk.boodschap
    assert controleer("05_a_lijst_gewichten", {"prijs": 1}, winkel).boodschap.startswith(
        "Onbekend criterium 'prijs'"
    )
    assert "minstens één" in controleer("05_a_lijst_gewichten", {"omzet": 0}, winkel).boodschap


def test_vip_list_by_hand(winkel):
    # A on four criteria (equal weights) = K1, K5; A-revenue 726 + 605 = 1331
    goed = controleer("05_vip_uitnodigingen", ["K1", "K5"], winkel)
    assert goed.status == "juist"
    assert goed.boodschap.startswith(
        "Je 2 uitnodigingen (€ 20 aan geschenkjes) bereiken 100,0% van de A-omzet: 2 A-klanten, van wie "
        "1 Kampioenen; 1 gast kwam al meer dan een jaar niet."
    )
    # K6 and K3 may be written to but are no A-customers: 726 / 1331 = 54.5% of A-revenue
    weinig = controleer("05_vip_uitnodigingen", ["K1", "K6", "K3"], winkel)
    assert weinig.boodschap == (
        "Maar 1 van je 3 gasten is een A-klant: samen bereiken ze 54,5% van de A-omzet. "
        "Een VIP-voorverkoop is voor je beste klanten."
    )
    verboden = controleer("05_vip_uitnodigingen", pd.Series(["K1", "K2", "K4", "K7"]), winkel).boodschap
    assert verboden.startswith("3 van je uitnodigingen gaan naar klanten die je niet mag aanschrijven:")
    for reden in (
        "1 geen toestemming voor marketing",
        "1 uitgeschreven bij een eerdere actie",
        "1 laat even rusten",
    ):
        assert reden in verboden
    assert "meer dan eens" in controleer("05_vip_uitnodigingen", ["K1", "K1", "K5"], winkel).boodschap
    assert (
        "geen klanten van deze winkel" in controleer("05_vip_uitnodigingen", ["K1", "K99"], winkel).boodschap
    )
    bedragen = pd.Series([726.0, 605.0], index=["K1", "K5"])
    assert "index" in controleer("05_vip_uitnodigingen", bedragen, winkel).boodschap
    tabel_met_ids = pd.DataFrame({"klant_id": ["K1", "K5"]})
    assert controleer("05_vip_uitnodigingen", tabel_met_ids, winkel).status == "juist"


def test_budget_over_segments_by_hand(winkel):
    kosten = segmentkosten(winkel)
    # the cheapest own action costs 200 fixed; K1 by e-mail 0.02, K5 by sms (no own sms action: 0.09),
    # K3 by post (0.95); Aandacht nodig (K2 unsubscribed, K7 ignored) and Slapend (K4) reach nobody
    assert kosten.loc["Kampioenen", "kost"] == pytest.approx(200.02)
    assert kosten.loc["Bijna kwijt", "kost"] == pytest.approx(200.09)
    assert kosten.loc[GROTE_EENMALIGE, "kost"] == pytest.approx(200.95)
    assert kosten.loc[["Aandacht nodig", "Slapend"], "bereikbaar"].tolist() == [0, 0]
    goed = controleer("05_budget_segmenten", {"Kampioenen": 500, "Bijna kwijt": 300}, winkel)
    # reached K1 and K5: (726 + 605) / 4525.4 = 29.4% of revenue; 800 / 2 = 400 per reached customer
    assert goed.boodschap.startswith(
        "Je 2 acties kosten samen € 800 (er blijft € 200 over). Je bereikt 2 klanten, "
        "samen goed voor 29,4% van de omzet: gemiddeld € 400,00 per bereikte klant."
    )
    te_veel = controleer("05_budget_segmenten", {"Kampioenen": 700, "Veelbelovend": 400}, winkel)
    assert te_veel.boodschap == "Samen € 1.100: € 100 meer dan je budget van € 1.000."
    niemand = controleer("05_budget_segmenten", {"Aandacht nodig": 300}, winkel)
    assert "in dat segment mag je niemand aanschrijven" in niemand.boodschap
    krap = controleer("05_budget_segmenten", {GROTE_EENMALIGE: 200}, winkel)
    assert "kost al € 201 (€ 200 vaste kosten plus de verzending)" in krap.boodschap
    assert "Bedoel je 'Kampioenen'?" in controleer("05_budget_segmenten", {"Kampioen": 100}, winkel).boodschap
    assert controleer("05_budget_segmenten", {"Kampioenen": 0}, winkel).titel == "Kies opnieuw:"


@pytest.mark.parametrize(
    ("regel", "aanvaard", "zegt"),
    [
        (
            {"criteria": ["hoe vaak", "laatste aankoop"], "aantal": 40, "kanaal": "sms"},
            True,
            "gekozen op frequentie, recency",
        ),
        ({"criteria": "marge", "aantal": 25, "kanaal": "E-mail"}, True, "25 gasten via e-mail"),
        (
            {"criteria": ["omzet", "Politieke voorkeur"], "aantal": 40, "kanaal": "post"},
            False,
            "AVG, artikel 9",
        ),
        ({"criteria": ["gezondheid"], "aantal": 40, "kanaal": "post"}, False, "bijzonder persoonsgegeven"),
        ({"criteria": ["woonplaats"], "aantal": 40, "kanaal": "post"}, False, "wat klanten kopen"),
        ({"criteria": ["omzet"], "aantal": 0, "kanaal": "post"}, False, "minstens één gast"),
        ({"criteria": ["omzet"], "aantal": 501, "kanaal": "post"}, False, "geen VIP-voorverkoop meer"),
        ({"criteria": ["omzet"], "aantal": 40, "kanaal": "telefoon"}, False, "zelf verkozen"),
        ({"criteria": [], "aantal": 40, "kanaal": "post"}, False, "nog geen criteria"),
        ({"criteria": ["omzet"], "aantal": 40.5, "kanaal": "post"}, False, "geheel getal"),
        (["omzet"], False, "woordenboek"),
    ],
)
def test_own_vip_rule_judges_content(regel, aanvaard, zegt):
    resultaat = controleer("05_eigen_vip_regel", regel)
    assert (resultaat.status == "juist") == aanvaard, str(resultaat)
    assert zegt in resultaat.boodschap
    assert resultaat.titel == ("Bruikbaar!" if aanvaard else "Nog niet bruikbaar:")


def test_accepted_choices_enter_the_plan(winkel):
    from helpers import plan

    controleer("05_recency_grenzen", (120.0, 400), winkel)
    controleer("05_vip_uitnodigingen", ["K1", "K5"], winkel)
    bewaard = plan.lees()["05"]
    assert bewaard["recency_grenzen"] == [120, 400]
    assert bewaard["vip_regel"]["uitnodigingen"] == 2 and bewaard["vip_regel"]["a_klanten"] == 2
    assert bewaard["vip_regel"]["segmenten"] == {"Kampioenen": 1, "Bijna kwijt": 1}

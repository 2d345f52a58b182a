"""Notebook 09's checks on a tiny invented shop: the figures in the feedback are computed by hand.

The shop (peildatum 31/12/2025, so the plan year is 2026) has 100 people K001..K100:
  consent K001-K090 (K091-K100 none); preferred channel e-mail, except sms for K081-K090.
Campaigns (both e-mail, 2 cent a contact):
  A1 'Lentebon 2025' (money, 10-31 March, fixed cost 100): sent to K001-K060, opened by K001-K030,
     redeemed by K001-K006; control group K061-K070.
  A2 'Zomerwedstrijd 2025' (contest, 15 May - 15 June, fixed cost 200): sent to K001-K060, opened by
     K001-K030.
Tickets in March: K001-K015 and control K061-K062 spend 50 each (K001-K006 with the A1 voucher).
Product lines (tickets outside the campaigns): K001-K020 shoes then socks; K021-K030 shoes then jackets;
  K031-K040 jackets then jackets; K041-K060, K081-K085 and K091-K095 shoes once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_oefeningen import lege_tabel

from helpers.data import Winkel, naar_types
from helpers.oefeningen import controleer
from helpers.oefeningen.nb09_communicatie import _BOETIEK, kruislijst
from helpers.schema import TABELLEN

K = [f"K{i:03d}" for i in range(1, 101)]


def tabel(soort: str, kolommen: dict) -> pd.DataFrame:
    """A table of the data model: the given columns filled in, the others empty."""
    rijen = len(next(iter(kolommen.values())))
    data = {k: kolommen.get(k, [None] * rijen) for k in TABELLEN[soort]}
    return naar_types(pd.DataFrame(data), TABELLEN[soort])


def ids(van: int, tot: int) -> list[str]:
    return K[van - 1 : tot]


def mini() -> Winkel:
    klanten = tabel(
        "klanten",
        dict(
            klant_id=K,
            voornaam=[f"Klant {i}" for i in range(1, 101)],
            relatie=["klant"] * 100,
            toestemming_marketing=[i <= 90 for i in range(1, 101)],
            voorkeurkanaal=["sms" if 81 <= i <= 90 else "e-mail" for i in range(1, 101)],
            email=[f"k{i}@voorbeeld.be" for i in range(1, 101)],
            telefoon=["0470 00 00 00"] * 100,
        ),
    )
    acties = tabel(
        "acties",
        dict(
            actie_id=["A1", "A2"],
            naam=["Lentebon 2025", "Zomerwedstrijd 2025"],
            soort=["geldvoordeel", "wedstrijd"],
            kanaal=["e-mail", "e-mail"],
            startdatum=pd.to_datetime(["2025-03-10", "2025-05-15"]),
            einddatum=pd.to_datetime(["2025-03-31", "2025-06-15"]),
            kost_per_contact=[0.02, 0.02],
            vaste_kost=[100.0, 200.0],
            korting_pct=[0.1, 0.0],
        ),
    )
    rijen = []
    for actie in ("A1", "A2"):
        for i in range(1, 61):
            rijen.append((actie, K[i - 1], "doelgroep", True, i <= 30, actie == "A1" and i <= 6, False))
    rijen += [("A1", k, "controle", False, False, False, False) for k in ids(61, 70)]
    kolommen = ["actie_id", "klant_id", "groep", "verzonden", "geopend", "ingewisseld", "uitgeschreven"]
    contacten = tabel("actiecontacten", dict(zip(kolommen, map(list, zip(*rijen, strict=True)), strict=True)))
    kassa = [(k, "2025-03-20", "A1" if k in ids(1, 6) else None, None) for k in ids(1, 15) + ids(61, 62)]
    kassa += [(k, "2025-01-10", None, "P1") for k in ids(1, 20)] + [
        (k, "2025-09-10", None, "P2") for k in ids(1, 20)
    ]
    kassa += [(k, "2025-02-01", None, "P1") for k in ids(21, 30)] + [
        (k, "2025-10-01", None, "P3") for k in ids(21, 30)
    ]
    kassa += [(k, "2025-01-15", None, "P3") for k in ids(31, 40)] + [
        (k, "2025-10-15", None, "P3") for k in ids(31, 40)
    ]
    kassa += [(k, "2025-02-20", None, "P1") for k in ids(41, 60) + ids(81, 85) + ids(91, 95)]
    tickets = tabel(
        "tickets",
        dict(
            ticket_id=[f"T{i}" for i in range(len(kassa))],
            datum=pd.to_datetime([r[1] for r in kassa]),
            klant_id=[r[0] for r in kassa],
            kanaal=["winkel"] * len(kassa),
            soort=["aankoop"] * len(kassa),
            bedrag=[50.0] * len(kassa),
            korting=[0.0] * len(kassa),
            actie_id=[r[2] for r in kassa],
        ),
    )
    met_lijn = [i for i, r in enumerate(kassa) if r[3] is not None]
    ticketlijnen = tabel(
        "ticketlijnen",
        dict(
            ticket_id=[f"T{i}" for i in met_lijn],
            lijn=[1] * len(met_lijn),
            product_id=[kassa[i][3] for i in met_lijn],
            aantal=[1] * len(met_lijn),
            eenheidsprijs=[50.0] * len(met_lijn),
            korting=[0.0] * len(met_lijn),
            bedrag=[50.0] * len(met_lijn),
            retour=[False] * len(met_lijn),
        ),
    )
    producten = tabel(
        "producten",
        dict(
            product_id=["P1", "P2", "P3"],
            naam=["Loopschoen", "Sokken", "Jas"],
            productlijn=["schoenen", "sokken", "jassen"],
            catalogusprijs=[50.0, 50.0, 50.0],
            aankoopprijs=[20.0, 20.0, 20.0],
            sperperiode=[True, True, True],
        ),
    )
    andere = ("contacten", "enquete", "offertes")
    return Winkel(
        profiel="kledingzaak",
        naam="Mini",
        gemeente="Hasselt",
        peildatum=pd.Timestamp("2025-12-31"),
        klanten=klanten,
        producten=producten,
        tickets=tickets,
        ticketlijnen=ticketlijnen,
        acties=acties,
        actiecontacten=contacten,
        **{naam: lege_tabel(naam) for naam in andere},
    )


@pytest.fixture(scope="module")
def winkel():
    return mini()


def test_extra_revenue_per_euro_by_hand(winkel):
    # March: target 15 of 60 buy 50 -> 12.5 a head; control 2 of 10 -> 10 a head. Extra (12.5 - 10) * 60 = 150
    # on a cost of 100 + 0.02 * 60 = 101.2 -> 1.4822 per euro. The vouchers alone claim 6 * 50 / 101.2 = 2.96.
    assert controleer("09_extra_omzet_per_euro", 150 / 101.2, winkel).status == "juist"
    assert controleer("09_extra_omzet_per_euro", 300 / 101.2, winkel).status == "bijna"
    assert controleer("09_extra_omzet_per_euro", 150.0, winkel).status == "bijna"
    assert controleer("09_extra_omzet_per_euro", 2.5, winkel).status == "bijna"
    assert "€ 1,48 extra omzet" in str(controleer("09_extra_omzet_per_euro", 1.4822, winkel))


def test_continue_or_stop_by_hand(winkel):
    # A1: opened 30 of 60 (50%); bought 15/60 = 25% against 2/10 = 20%; cost 101.20
    door = str(controleer("09_doorgaan_of_stoppen", "doorgaan", winkel))
    assert door.startswith("Kies opnieuw: Een opengraad van 50,0% zegt alleen")
    assert "Kopen deed 25,0% van de doelgroep tegen 20,0% zonder actie" in door
    assert "Zo blijf je € 101 per keer uitgeven" in door
    stop = str(controleer("09_doorgaan_of_stoppen", " Stoppen ", winkel))
    assert stop.startswith("Goede keuze! Je bespaart € 101 per keer.")
    # re-measuring: list 60 + 10 = 70; a 5-point uplift on 20% needs (1.96 + 0.84)^2 * 0.16 * (2/35) / 0.05^2
    # per half... even half the list (35/35) only shows 2.8016 * sqrt(0.16 * 2/35) = 26.8 points
    meten = str(controleer("09_doorgaan_of_stoppen", "opnieuw meten", winkel))
    assert "Met een lijst van 70 zie je een uplift van 5,0 procentpunt zelfs met de helft" in meten
    assert "Kies 'doorgaan'" in str(controleer("09_doorgaan_of_stoppen", "misschien", winkel))


def test_control_group_by_hand(winkel):
    # e-mail list on 10/03/2026: consent and e-mail: K001-K080 (nobody ignored three campaigns) = 80.
    # basis 2/10 = 0.20; half the list shows 2.8016 * sqrt(0.16 * 2/40) = 25.06 points -> hoop 26 + 1 = 27
    # k = 0.27^2 / (2.8016^2 * 0.16) = 0.058049; c = (kN - sqrt(k^2 N^2 - 4kN)) / 2k = 25.1 -> 26
    klein = str(controleer("09_controlegroep", 20, winkel))
    assert "je hoopt op 27,0 procentpunt" in klein and "Je hebt er minstens 26 nodig" in klein
    goed = str(controleer("09_controlegroep", 26, winkel))
    # 26 of 80 (32.5%): detectable 2.8016 * sqrt(0.16 * (1/54 + 1/26)) = 26.75 points; missed 26 * 0.27 = 7.0
    assert goed.startswith("Goede keuze! Je houdt 26 van de 80 klanten achter (32,5%)")
    assert "uplift vanaf 26,8 procentpunt" in goed and "ongeveer 7 extra kopers" in goed
    assert "meer dan de helft" in str(controleer("09_controlegroep", 41, winkel))
    assert controleer("09_controlegroep", 40, winkel).status == "juist"
    assert "geheel getal" in str(controleer("09_controlegroep", 26.5, winkel))


def test_cross_sell_by_hand(winkel):
    # transitions: shoes->socks 20, shoes->jackets 10, jackets->jackets 10 (40 in all);
    # the next line is socks in 1/2 and jackets in 1/2 of them.
    # shoes->socks: 20/30 = 66.7%, lift (2/3)/(1/2) = 1.33. Candidates (shoes, never socks): K021-K030,
    # K041-K060, K081-K085 (sms) and K091-K095 (no consent): 40; by e-mail 30, by sms 5.
    email = kruislijst(winkel, ("schoenen", "sokken"), "e-mail")
    assert sorted(email["klant_id"]) == ids(21, 30) + ids(41, 60)
    goed = str(controleer("09_kruisverkoop", email, winkel))
    assert "Je 30 klanten kochten schoenen maar nog nooit sokken" in goed
    assert "is 66,7% sokken, 1,33 keer zo vaak als gemiddeld" in goed
    # 30 e-mails at 2 cent; past redemption rate: no product promotions, so the mean of A1 (10%) and A2 (0%)
    assert "Via e-mail kost de verzending € 0,60" in goed and "(5,0%)" in goed
    sms = str(controleer("09_kruisverkoop", kruislijst(winkel, ("schoenen", "sokken"), "sms"), winkel))
    assert "Je 5 klanten" in sms and "Via sms kost de verzending € 0,45" in sms  # no sms history: 9 cent
    # shoes->jackets: 10/30 = 33.3%, lift 0.67
    zwak = str(controleer("09_kruisverkoop", kruislijst(winkel, ("schoenen", "jassen"), "e-mail"), winkel))
    assert "Na schoenen kopen klanten jassen niet vaker dan gemiddeld (lift 0,67)" in zwak
    # the raw candidates: K091-K095 gave no consent
    from helpers.oefeningen.nb09_communicatie import _zonder_doellijst

    rauw = str(controleer("09_kruisverkoop", _zonder_doellijst(winkel), winkel))
    assert "5 van je 40 klanten mag je niet aanschrijven" in rauw
    # a customer who already has socks does not belong on the list
    fout = pd.concat([email, email.iloc[:1].assign(klant_id="K001")], ignore_index=True)
    assert "1 klanten op je lijst kochten nooit schoenen of hebben al sokken" in str(
        controleer("09_kruisverkoop", fout, winkel)
    )


def test_discount_action_by_hand(winkel):
    # the e-mail calendar of 2026: Lentebon 10-31 March, Zomerwedstrijd 15 May - 15 June
    goed = str(controleer("09_kortingsactie", "2026-04-14", winkel))
    # 14-27 April: 14 days after the Lentebon (31 March), 18 before the contest; list 80, redeemed 6/60 = 10%
    assert "Van 14-04-2026 tot 27-04-2026: buiten de sperperiode en de solden, en 14 dagen" in goed
    assert "'Lentebon' (10-03-2026 tot 31-03-2026)" in goed and "ongeveer 8 inwisselingen" in goed
    assert "overladen" in str(controleer("09_kortingsactie", "2026-04-13", winkel))
    # 10-23 May runs into the contest (from 15 May); 24 June - 7 July: 7 days in the June ban
    assert "'Zomerwedstrijd'" in str(controleer("09_kortingsactie", "2026-05-10", winkel))
    assert "valt je actie 7 dag(en) in de sperperiode" in str(
        controleer("09_kortingsactie", "2026-06-24", winkel)
    )
    assert "Kies een startdag in 2026" in str(controleer("09_kortingsactie", "2025-04-14", winkel))


def test_own_calendar_by_hand():
    # the boutique: 'vaste klanten' on days 56, 74, 163, 253, 345 -> gaps 18, 89, 90, 92 and 76 over New Year
    goed = str(controleer("09_eigen_kalender", _BOETIEK))
    assert goed.startswith(
        "Bruikbaar! Je kalender telt 6 acties voor 2 doelgroepen (vaste klanten, nieuwe klanten)"
    )
    assert "2 met korting" in goed and "om de 92 dagen" in goed
    # the same as a table with the library's column names
    tabel_vorm = pd.DataFrame(_BOETIEK).rename(columns={"start": "startdatum", "einde": "einddatum",
                                                        "korting": "korting_pct"})  # fmt: skip
    assert controleer("09_eigen_kalender", tabel_vorm).status == "juist"
    # drop the Herfstcollectie (10/09): 163 -> 345 is 182 days of silence for the core group
    stil = [r for r in _BOETIEK if r["naam"] != "Herfstcollectie binnen"]
    assert "hoort 182 dagen niets" in str(controleer("09_eigen_kalender", stil))
    # a percentage instead of a share is refused with an explanation
    procent = [dict(r, korting=10) if r["korting"] else r for r in _BOETIEK]
    assert "als aandeel" in str(controleer("09_eigen_kalender", procent))
    assert controleer("09_eigen_kalender", [{"segment": "x"}]).status == "fout"


def test_plan_keeps_the_decisions(winkel):
    from helpers import plan

    controleer("09_controlegroep", 26, winkel)
    controleer("09_kruisverkoop", kruislijst(winkel, ("schoenen", "sokken"), "e-mail"), winkel)
    controleer("09_eigen_kalender", _BOETIEK)
    bewaard = plan.lees()["09"]
    assert bewaard["controlegroep"]["controlegroep"] == 26 and bewaard["controlegroep"]["lijst"] == 80
    assert bewaard["kruisverkoop_regel"]["heeft_gekocht"] == "schoenen"
    assert bewaard["kruisverkoop_regel"]["aantal"] == 30
    kalender = bewaard["jaarkalender"]
    assert len(kalender) == 6 and list(kalender["startdatum"])[:2] == ["2026-02-25", "2026-03-15"]
    assert np.isclose(kalender["korting_pct"].sum(), 0.2)

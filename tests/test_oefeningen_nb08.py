"""Notebook 08's exercise checks on a tiny invented shop: the figures in the feedback, computed by hand.

The shop (peildatum 31/12/2025):
- survey: 22 customers invited on 05/01/2024 (R1..R10 answered on 10/01/2024, N1..N12 did not);
  overall satisfaction R1-R2: 3, R3-R6: 4, R7-R10: 5; recommendation: R1-R5 promoters (9-10),
  R6-R8 passives (7-8), R9-R10 detractors (0-6); the service item equals the overall score;
- before the invitation: every R had 2 purchase days (2 x 50 euro), N1..N6 one (40 euro), N7..N12 none;
- after the answer (within 12 months): R1 (a 3), R3 (a 4), R7, R8, R9 (5's) bought again;
- e-mail: all R's and N1..N10 gave consent, prefer e-mail and have an address (20 customers);
  N11 and N12 prefer sms; the complainants K1..K14 gave no consent;
- complaints: K1..K10 in January 2024, resolved in 1, 2, 3, 5, 6 (good), 8, 10 (partly), 15, 20, 30
  (not) days; K11..K14 in autumn 2025, in 2, 4 (good), 9 (partly), 12 (not) days. Categories: maat x6,
  levering x5, prijs x3. After their complaint K1, K2, K3 (fast) and K6 (slow) bought again.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_oefeningen import lege_tabel, tabel

from helpers import plan
from helpers.data import Winkel
from helpers.enquete import ITEMS, sleutelfactoren
from helpers.oefeningen import controleer
from helpers.oefeningen.nb08_tevredenheid import VOORBEELD_ENQUETE, mailbare_klanten
from helpers.schema import TABELLEN

R = [f"R{i}" for i in range(1, 11)]
N = [f"N{i}" for i in range(1, 13)]
K = [f"K{i}" for i in range(1, 15)]


def mini_winkel() -> Winkel:
    tevredenheid = [3, 3, 4, 4, 4, 4, 5, 5, 5, 5]
    # the other items: fixed patterns that do not follow the overall score
    ander = {
        "prijs": [2, 4, 3, 5, 1, 3, 4, 2, 3, 5],
        "kwaliteit": [4, 2, 5, 3, 3, 1, 2, 4, 5, 3],
        "advies": [3, 5, 2, 4, 5, 2, 3, 1, 4, 3],
        "assortiment": [5, 3, 4, 1, 2, 4, 3, 5, 2, 3],
        "sfeer": [1, 3, 3, 5, 4, 2, 5, 3, 3, 4],
    }
    leeg = [None] * 12
    enquete = tabel(
        "enquete",
        respons_id=[f"E{i}" for i in range(22)],
        klant_id=R + N,
        uitnodiging_datum=pd.to_datetime(["2024-01-05"] * 22),
        beantwoord=[True] * 10 + [False] * 12,
        antwoord_datum=pd.to_datetime(["2024-01-10"] * 10 + [None] * 12),
        tevredenheid=tevredenheid + leeg,
        aanbeveling=[10, 9, 9, 10, 9, 8, 7, 7, 6, 3, *leeg],
        service=tevredenheid + leeg,
        **{item: waarden + leeg for item, waarden in ander.items()},
    )
    rijen = [(r, d, 50.0) for r in R for d in ("2023-05-01", "2023-09-01")]
    rijen += [(n, "2023-06-01", 40.0) for n in N[:6]]
    rijen += [(r, "2024-06-01", 60.0) for r in ("R1", "R3", "R7", "R8", "R9")]
    rijen += [(k, "2024-08-01", 30.0) for k in ("K1", "K2", "K3", "K6")]
    rijen += [(k, "2023-10-01", 30.0) for k in K]  # everybody who complained had bought before
    tickets = tabel(
        "tickets",
        ticket_id=[f"T{i}" for i in range(len(rijen))],
        klant_id=[r[0] for r in rijen],
        datum=pd.to_datetime([r[1] for r in rijen]),
        kanaal=["winkel"] * len(rijen),
        soort=["aankoop"] * len(rijen),
        bedrag=[r[2] for r in rijen],
        korting=[0.0] * len(rijen),
    )
    iedereen = R + N + K
    klanten = tabel(
        "klanten",
        klant_id=iedereen,
        relatie=["klant"] * len(iedereen),
        email=[f"{k.lower()}@voorbeeld.be" for k in iedereen],
        toestemming_marketing=[True] * 22 + [False] * 14,
        voorkeurkanaal=["e-mail"] * 20 + ["sms"] * 2 + ["geen"] * 14,
    )
    oplostijd = [1, 2, 3, 5, 6, 8, 10, 15, 20, 30, 2, 4, 9, 12]
    uitkomst = ["goed opgelost"] * 5 + ["deels opgelost"] * 2 + ["niet opgelost"] * 3
    uitkomst += ["goed opgelost", "goed opgelost", "deels opgelost", "niet opgelost"]
    datums = [f"2024-01-{d:02d} 10:00" for d in range(2, 12)] + [
        "2025-09-01 10:00", "2025-10-01 10:00", "2025-11-01 10:00", "2025-11-15 10:00"
    ]  # fmt: skip
    contacten = tabel(
        "contacten",
        contact_id=[f"C{i}" for i in range(14)],
        klant_id=K,
        datum=pd.to_datetime(datums),
        type=["klacht"] * 14,
        categorie=["maat"] * 6 + ["levering"] * 5 + ["prijs"] * 3,
        kanaal=["winkel"] * 14,
        minuten=[20.0] * 14,
        oplostijd_dagen=oplostijd,
        uitkomst=uitkomst,
    )
    actiecontacten = tabel(
        "actiecontacten", actie_id=["A1"], klant_id=["R1"], groep=["doelgroep"], verzonden=[True],
        geopend=[True], ingewisseld=[False], uitgeschreven=[False],
    )  # fmt: skip
    eigen = {"klanten", "tickets", "enquete", "contacten", "actiecontacten"}
    leeg_tabellen = {naam: lege_tabel(naam) for naam in TABELLEN if naam not in eigen}
    return Winkel(
        profiel="sportzaak",
        naam="Mini Sport",
        gemeente="Hasselt",
        peildatum=pd.Timestamp("2025-12-31"),
        klanten=klanten,
        tickets=tickets,
        enquete=enquete,
        contacten=contacten,
        actiecontacten=actiecontacten,
        **leeg_tabellen,
    )


@pytest.fixture(scope="module")
def mini():
    return mini_winkel()


def test_csat_by_hand(mini):
    # 8 of the 10 answers are a 4 or 5
    assert controleer("08_csat", 0.8, mini).status == "juist"
    # typical mistakes: 80 (a percentage), 8 (a count), 8/22 (all invited), 4/10 (only the 5's)
    assert "percentage" in controleer("08_csat", 80.0, mini).boodschap
    assert "aantal" in controleer("08_csat", 8, mini).boodschap
    assert "alle uitgenodigde" in controleer("08_csat", 8 / 22, mini).boodschap
    assert "alleen de 5'en" in controleer("08_csat", 0.4, mini).boodschap


def test_nonresponse_by_hand(mini):
    # purchase days before 05/01/2024: respondents 2 each; non-respondents 6 x 1 + 6 x 0 -> 0.5; 2 / 0.5 = 4
    resultaat = controleer("08_nonrespons", 4.0, mini)
    assert resultaat.status == "juist" and "4,0 keer" in resultaat.boodschap
    assert "omgekeerd" in controleer("08_nonrespons", 0.25, mini).boodschap
    assert "verschil" in controleer("08_nonrespons", 1.5, mini).boodschap
    # spend: 100 against 6 x 40 / 12 = 20 -> 5
    assert "besteding" in controleer("08_nonrespons", 5.0, mini).boodschap


def test_investment_by_hand(mini):
    # repurchase within 12 months after 10/01/2024: 3 -> 1 of 2 (0.5); 4 -> 1 of 4 (0.25); 5 -> 3 of 4 (0.75)
    # from 3 to 4 is -25 points, from 4 to 5 +50: lifting the 4's is the step that pays
    drijvers = sleutelfactoren(mini.enquete)
    assert drijvers.index[0] == "service"  # the service item is the overall score itself
    goed = controleer("08_investering", {"van": 4, "item": "service"}, mini)
    assert goed.status == "juist"
    assert (
        "Van de 4 respondenten met een 4 kocht 25,0% opnieuw binnen 12 maanden, tegen 75,0% bij een 5"
        in str(goed)
    )
    assert "50,0 procentpunt meer" in goed.boodschap and "plaats 1 van de sleutelfactoren" in goed.boodschap
    # one in ten of the 4 respondents with a 4 -> 0.4 customers x 0.5 = 0.2: about 0 more customers
    assert "ongeveer 0 klanten meer terug" in goed.boodschap
    assert plan.lees()["08"]["investering"] == {"van": 4, "naar": 5, "item": "service"}
    fout = controleer("08_investering", {"van": 3, "item": "service"}, mini)
    assert fout.status == "fout"
    assert (
        "kochten in 25,0% van de gevallen opnieuw binnen 12 maanden, tegen 50,0% bij een 3" in fout.boodschap
    )
    assert "Van 4 naar 5 is de sprong 50,0 procentpunt" in fout.boodschap
    laatste = drijvers.index[-1]
    zwak = controleer("08_investering", {"van": 4, "item": laatste}, mini)
    assert zwak.status == "fout" and f"plaats {len(ITEMS)} van {len(ITEMS)}" in zwak.boodschap
    assert "Geef een woordenboek" in controleer("08_investering", ["service"], mini).boodschap
    assert (
        "3 (naar een 4) of 4" in controleer("08_investering", {"van": 5, "item": "service"}, mini).boodschap
    )


def test_nps_bonus_and_measurement_by_hand(mini):
    # mailable: R1..R10 and N1..N10 (consent, e-mail, address), not N11-N12 (sms) nor K1..K14 (no consent)
    assert mailbare_klanten(mini) == 20
    bonus = controleer("08_nps_stijging", {"bonus": True, "uitnodigingen": 20, "drempel": 10}, mini)
    assert bonus.status == "fout" and "-16,6 tot +31,1 punten" in bonus.boodschap  # see test_enquete
    te_veel = controleer("08_nps_stijging", {"bonus": False, "uitnodigingen": 21, "drempel": 10}, mini)
    assert "Je kunt maar 20 klanten" in te_veel.boodschap
    # response 10/22 = 45%; 20 invitations -> round(9.09) = 9 answers;
    # own survey 50% promoters, 20% detractors:
    # var = 0.7 - 0.09 = 0.61; margin = 1.959964 * sqrt(2 * 0.61 / 9) * 100 = 72.2 points
    klein = controleer("08_nps_stijging", {"bonus": False, "uitnodigingen": 20, "drempel": 10}, mini)
    assert klein.status == "fout"
    assert "20 uitnodigingen geven bij 45% respons ongeveer 9 antwoorden" in klein.boodschap
    assert "72,2 punten: een stijging van 10 punten kan dus nog toeval zijn" in klein.boodschap
    vorm = controleer("08_nps_stijging", {"bonus": "nee", "uitnodigingen": 5, "drempel": 9}, mini)
    assert "Zet 'bonus' op True" in vorm.boodschap


def test_nps_measurement_accepted_on_the_sports_shop_with_an_independent_count(winkel):
    # the consent rules written out by hand (not through doellijst): customer, consent, e-mail preferred,
    # an address, never unsubscribed
    k = winkel.klanten
    uit = set(winkel.actiecontacten.loc[winkel.actiecontacten["uitgeschreven"], "klant_id"])
    mailbaar = int(
        (
            (k["relatie"] == "klant")
            & k["toestemming_marketing"].fillna(False)
            & (k["voorkeurkanaal"] == "e-mail")
            & k["email"].notna()
            & ~k["klant_id"].isin(uit)
        ).sum()
    )
    assert mailbare_klanten(winkel) == mailbaar
    respons = winkel.enquete["beantwoord"].mean()
    scores = winkel.enquete["aanbeveling"].dropna()
    p, c = (scores >= 9).mean(), (scores <= 6).mean()
    antwoorden = round(mailbaar * respons)
    marge = 1.959963984540054 * ((2 * (p + c - (p - c) ** 2)) / antwoorden) ** 0.5 * 100
    keuze = {"bonus": False, "uitnodigingen": mailbaar, "drempel": int(marge) + 1}
    resultaat = controleer("08_nps_stijging", keuze, winkel)
    assert resultaat.status == "juist"
    assert f"ongeveer {antwoorden:,} antwoorden".replace(",", ".") in resultaat.boodschap
    assert f"{marge:.1f} punten".replace(".", ",") in resultaat.boodschap


def test_complaint_rule_by_hand(mini):
    regel = {"oplossen_binnen_dagen": 7, "tegemoetkoming_euro": 100, "altijd_noteren": True}
    goed = controleer("08_klachtenregel", regel, mini)
    assert goed.status == "juist", str(goed)
    # within 7 days: 1, 2, 3, 5, 6 (old) and 2, 4 (recent) = 7 of 14 -> 50% outside
    assert (
        "Met je regel valt 50,0% van de afgehandelde klachten (7 van de 14) buiten de termijn"
        in goed.boodschap
    )
    # repurchase (only the old complaints have a full year): fast K1..K5 -> 3 of 5; slow K6..K10 -> 1 of 5
    assert "kocht in 60,0% van de gevallen opnieuw binnen 12 maanden, tegen 20,0%" in goed.boodschap
    # 4 complaints in the last 365 days x 100 euro = 400
    assert "hoogstens € 400 per jaar (4 klachten maal € 100,00)" in goed.boodschap
    assert plan.lees()["08"]["klachtenregel"] == regel

    duur = controleer("08_klachtenregel", {**regel, "tegemoetkoming_euro": 600}, mini)
    assert "4 klachten per jaar maal € 600,00 kost tot € 2.400 per jaar" in duur.boodschap
    traag = controleer("08_klachtenregel", {**regel, "oplossen_binnen_dagen": 30}, mini)
    assert "verandert niets: 100,0% van de klachten" in traag.boodschap
    # within 1 day: of the 7 well-solved complaints only the one of 1 day -> 14.3%
    snel = controleer("08_klachtenregel", {**regel, "oplossen_binnen_dagen": 1}, mini)
    assert "niet haalbaar" in snel.boodschap and "maar 14,3% binnen 1 dag(en)" in snel.boodschap
    blind = controleer("08_klachtenregel", {**regel, "altijd_noteren": False}, mini)
    assert "de meeste klachten over maat gaan (6 van de 14)" in blind.boodschap
    assert "geheel aantal dagen" in controleer("08_klachtenregel", {**regel, "oplossen_binnen_dagen": 2.5},
                                               mini).boodschap  # fmt: skip


GOED = [
    "Hoe beoordeel je onze prijs-kwaliteitverhouding, van 1 tot 5?",
    "Hoe stevig en goed afgewerkt vind je onze schoenen, van 1 tot 5?",
    "Hoe vriendelijk werd je bediend, van 1 tot 5?",
    "Waar koop je je schoenen als je niet bij ons komt?",
]


@pytest.mark.parametrize(
    ("vragen", "aanvaard", "zegt"),
    [
        # 'prijs-kwaliteit' is one idea (value for money), not a double question; the fourth asks
        # 'waar ... niet bij ons' -> no competitor word: refused for the missing comparison
        (GOED, False, "tegenover je concurrenten"),
        ([*GOED[:3], "Koop je ook online of in een keten?"], True, "vraag 4 vergelijkt"),
        # a suit ('kostuum') is no question about price
        (
            [
                "Hoe tevreden ben je over je kostuum, van 1 tot 5?",
                *GOED[1:3],
                "Doen we het beter dan elders?",
            ],
            False,
            "over prijs",
        ),
        (GOED[:3], False, "tegenover je concurrenten"),
        (GOED[:2], False, "Je gaf 2 vraag/vragen"),
        ([*GOED, "Wat mis je?"], False, "5 vragen is geen korte bevraging"),
        (["Hoe tevreden ben je over onze prijzen tegenover andere winkels", *GOED[1:3]], False, "vraagteken"),
        (
            ["Wat denk je dat onze marge is op een paar loopschoenen tegenover andere winkels?", *GOED[1:3]],
            False,
            "kent je marge",
        ),
        (list(VOORBEELD_ENQUETE[:3]), False, "de vragen van het voorbeeld"),
        (
            ["Hoe " + "heel " * 22 + "tevreden ben je over onze prijzen tegenover de keten?", *GOED[1:3]],
            False,
            "te lang",
        ),
    ],
)
def test_own_survey_content(vragen, aanvaard, zegt):
    resultaat = controleer("08_eigen_enquete", vragen)
    assert (resultaat.status == "juist") == aanvaard, str(resultaat)
    assert zegt in resultaat.boodschap, str(resultaat)


def test_own_survey_form_and_plan():
    assert "lijst van teksten" in controleer("08_eigen_enquete", "Drie vragen?").boodschap
    vragen = [*GOED[:3], "Koop je ook online of in een keten?"]
    assert controleer("08_eigen_enquete", vragen).titel == "Bruikbaar!"
    assert plan.lees()["08"]["enquete"] == vragen

"""Tests for helpers.rendabiliteit against hand computations, a plain-Python second implementation
and invariants of the whale curve."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.rendabiliteit import (
    BTW,
    VERLAAGDE_BTW,
    Remedie,
    Tarieven,
    brutomarge_per_klant,
    brutomarge_vast,
    btw_per_product,
    herbereken_winst,
    kost_om_te_bedienen,
    met_remedie,
    walvis_top,
    walviscurve,
    winst_met_vaste_marge,
    winst_per_klant,
)

PRODUCTEN = pd.DataFrame({"product_id": ["P1", "P2"], "aankoopprijs": [20.0, 10.0]})
TICKETS = pd.DataFrame(
    {
        "ticket_id": ["T1", "T2", "T3", "T4", "T5"],
        "klant_id": ["A", "A", None, "B", "B"],
        "bedrag": [157.3, -60.5, 24.2, 24.2, -60.5],
        "kanaal": ["webshop", "webshop", "winkel", "winkel", "winkel"],
    }
)
LIJNEN = pd.DataFrame(
    {
        "ticket_id": ["T1", "T1", "T2", "T3", "T4", "T5"],
        "product_id": ["P1", "P2", "P1", "P2", "P2", "P1"],
        "aantal": [2, 1, -1, 1, 1, -1],
        "bedrag": [121.0, 36.3, -60.5, 24.2, 24.2, -60.5],
        "korting": [0.0, 6.05, 0.0, 0.0, 0.0, 0.0],
    }
)


# ---------------------------------------------------------------- brutomarge_per_klant
def test_brutomarge_hand_computed():
    marge = brutomarge_per_klant(LIJNEN, TICKETS, PRODUCTEN)
    assert marge.index.tolist() == ["A", "B"]
    # A: (121 + 36.3 - 60.5) / 1.21 = 96.8 / 1.21 = 80; cost 2*20 + 1*10 - 1*20 = 30; margin 50; 50/80
    # B returns more than bought (P1 bought before the data): (24.2 - 60.5) / 1.21 = -30; cost 10 - 20 = -10
    np.testing.assert_allclose(marge["omzet"], [80.0, -30.0])
    np.testing.assert_allclose(marge["aankoopwaarde"], [30.0, -10.0])
    np.testing.assert_allclose(marge["brutomarge"], [50.0, -20.0])
    np.testing.assert_allclose(marge["korting"], [6.05, 0.0])
    # each returned one P1 (purchase cost 20): the purchase value of what came back
    np.testing.assert_allclose(marge["teruggebracht"], [20.0, 20.0])
    assert marge.loc["A", "margepercentage"] == pytest.approx(0.625)
    assert np.isnan(marge.loc["B", "margepercentage"])
    # anonymous T3: 24.2 / 1.21 - 10 = 10
    assert marge.attrs["anonieme_lijnen"] == 1
    assert marge.attrs["anonieme_marge"] == pytest.approx(10.0)


def test_brutomarge_without_vat_and_without_discount_column():
    marge = brutomarge_per_klant(LIJNEN.drop(columns="korting"), TICKETS, PRODUCTEN, korting=None, btw=0.0)
    # A: 96.8 - 30 = 66.8; B: -36.3 + 10 = -26.3
    np.testing.assert_allclose(marge["brutomarge"], [66.8, -26.3])
    assert (marge["korting"] == 0).all()


@pytest.mark.parametrize(
    ("lijnen", "tickets", "producten", "melding"),
    [
        (LIJNEN.assign(product_id="P9"), TICKETS, PRODUCTEN, "product zonder aankoopprijs.*'P9'"),
        (LIJNEN.assign(ticket_id="T9"), TICKETS, PRODUCTEN, "ticket dat niet in 'tickets' staat.*'T9'"),
        (LIJNEN, TICKETS, PRODUCTEN.assign(aankoopprijs=[20.0, np.nan]), "1 ontbrekende bedrag"),
        (LIJNEN.assign(bedrag=LIJNEN["bedrag"].astype(str)), TICKETS, PRODUCTEN, "moet getallen bevatten"),
        (LIJNEN.drop(columns="aantal"), TICKETS, PRODUCTEN, "mist de kolom 'aantal'"),
        (LIJNEN.iloc[:0], TICKETS, PRODUCTEN, "'ticketlijnen' is leeg"),
        (LIJNEN, pd.concat([TICKETS, TICKETS.iloc[:1]]), PRODUCTEN, "'T1' staat meer dan eens"),
        (LIJNEN, TICKETS.drop(columns="klant_id"), PRODUCTEN, "'tickets' mist de kolom 'klant_id'"),
    ],
)
def test_brutomarge_input_errors(lijnen, tickets, producten, melding):
    with pytest.raises(InvoerFout, match=melding):
        brutomarge_per_klant(lijnen, tickets, producten)


def test_brutomarge_bad_vat():
    with pytest.raises(InvoerFout, match="btw-tarief"):
        brutomarge_per_klant(LIJNEN, TICKETS, PRODUCTEN, btw=21)


# ---------------------------------------------------------------- kost_om_te_bedienen
CONTACTEN = pd.DataFrame(
    {
        "klant_id": ["A", "A", "B", "B", None],
        "type": ["advies", "retouche", "klacht", "vraag", "vraag"],
        "minuten": [30.0, 15.0, 20.0, 5.0, 10.0],
    }
)
ACTIES = pd.DataFrame({"actie_id": ["X", "Y"], "kost_per_contact": [0.8, 1.5]})
ACTIECONTACTEN = pd.DataFrame(
    {
        "actie_id": ["X", "Y", "X", "Y"],
        "klant_id": ["A", "A", "B", "P"],  # P is a prospect who never bought
        "verzonden": [True, True, False, True],  # B was in the control group
    }
)
TARIEVEN = Tarieven(
    per_retour=3.0,
    extra_per_webshopretour=7.0,
    per_minuut_personeel=0.6,
    per_retouche=4.0,
    per_klacht=9.0,
    per_webshopbestelling=5.0,
    afschrijving_retour=0.5,
)


def test_kost_om_te_bedienen_hand_computed():
    kost = kost_om_te_bedienen(TICKETS, CONTACTEN, ACTIECONTACTEN, ACTIES, TARIEVEN)
    assert kost.index.tolist() == ["A", "B", "P"]
    # A: one webshop order shipped 5; one webshop return 3 + 7 = 10; 45 min x 0.6 = 27; 1 alteration 4;
    #    campaigns 0.8 + 1.5 = 2.3 -> 48.3
    # B: one shop return 3; 25 min x 0.6 = 15; 1 complaint 9; control group -> 0 -> 27
    # P: one sent contact 1.5
    assert kost["webshopbestellingen"].tolist() == [1, 0, 0]
    assert kost["retouren"].tolist() == [1, 1, 0]
    assert kost["webshopretouren"].tolist() == [1, 0, 0]
    assert kost["actiecontacten"].tolist() == [2, 0, 1]
    np.testing.assert_allclose(kost["kost_verzending"], [5.0, 0.0, 0.0])
    np.testing.assert_allclose(kost["kost_retouren"], [10.0, 3.0, 0.0])
    np.testing.assert_allclose(kost["kost_personeel"], [27.0, 15.0, 0.0])
    np.testing.assert_allclose(kost["kost_retouches"], [4.0, 0.0, 0.0])
    np.testing.assert_allclose(kost["kost_klachten"], [0.0, 9.0, 0.0])
    np.testing.assert_allclose(kost["kost_acties"], [2.3, 0.0, 1.5])
    np.testing.assert_allclose(kost["kost_om_te_bedienen"], [48.3, 27.0, 1.5])


def test_kost_default_rates_and_optional_tables():
    kost = kost_om_te_bedienen(TICKETS, kanaal=None)
    # only returns, default 4 euro each, no webshop surcharge without a channel column
    np.testing.assert_allclose(kost["kost_om_te_bedienen"], [4.0, 4.0])
    with pytest.raises(InvoerFout, match="samen"):
        kost_om_te_bedienen(TICKETS, actiecontacten=ACTIECONTACTEN)
    with pytest.raises(InvoerFout, match=r"onbekende actie.*'Z'"):
        kost_om_te_bedienen(TICKETS, actiecontacten=ACTIECONTACTEN.assign(actie_id="Z"), acties=ACTIES)
    with pytest.raises(InvoerFout, match="per_retour=-1"):
        Tarieven(per_retour=-1)
    with pytest.raises(InvoerFout, match=r"afschrijving_retour.*niet 1\.5"):
        Tarieven(afschrijving_retour=1.5)


def test_default_rates_follow_their_documented_reasoning():
    t = Tarieven()
    assert t.per_minuut_personeel == pytest.approx(33 / 60, abs=0.005)  # ~33 euro per hour, loaded
    assert 6.0 <= t.per_webshopbestelling <= 7.0  # bpost/PostNL business parcel
    assert 6.0 <= t.extra_per_webshopretour <= 7.0  # the return label the shop pays
    assert 0 < t.afschrijving_retour < 1


# ---------------------------------------------------------------- winst_per_klant
def test_winst_per_klant_hand_computed():
    winst = winst_per_klant(LIJNEN, TICKETS, PRODUCTEN, CONTACTEN, ACTIECONTACTEN, ACTIES, TARIEVEN)
    assert winst.index.tolist() == ["A", "B"]
    # write-off: half of the returned purchase value 20 -> 10 each
    # A: 50 - 48.3 - 10 = -8.3; B: -20 - 27 - 10 = -57
    np.testing.assert_allclose(winst["kost_afschrijving"], [10.0, 10.0])
    np.testing.assert_allclose(winst["winst"], [-8.3, -57.0])
    np.testing.assert_allclose(winst["winst"], winst["brutomarge"] - winst["kost_om_te_bedienen"])
    assert winst.attrs["niet_kopers"] == 1
    assert winst.attrs["kost_niet_kopers"] == pytest.approx(1.5)
    assert winst.attrs["anonieme_lijnen"] == 1


def reference_profit(lijnen, tickets, producten, contacten, actiecontacten, acties, t: Tarieven, btw=0.21):
    """Row-by-row dictionaries: an independent second implementation."""
    eigenaar = dict(zip(tickets["ticket_id"], tickets["klant_id"], strict=True))
    kanaal = dict(zip(tickets["ticket_id"], tickets["kanaal"], strict=True))
    prijs = dict(zip(producten["product_id"], producten["aankoopprijs"], strict=True))
    per_contact = dict(zip(acties["actie_id"], acties["kost_per_contact"], strict=True))
    marge, kost = defaultdict(float), defaultdict(float)
    for rij in lijnen.itertuples():
        klant = eigenaar[rij.ticket_id]
        if isinstance(klant, str):  # anonymous tickets have no customer
            marge[klant] += rij.bedrag / (1 + btw) - rij.aantal * prijs[rij.product_id]
            if rij.aantal < 0:
                kost[klant] += t.afschrijving_retour * -rij.aantal * prijs[rij.product_id]
    for rij in tickets.itertuples():
        if isinstance(rij.klant_id, str) and rij.bedrag < 0:
            extra = t.extra_per_webshopretour if kanaal[rij.ticket_id] == "webshop" else 0.0
            kost[rij.klant_id] += t.per_retour + extra
        if isinstance(rij.klant_id, str) and rij.bedrag > 0 and kanaal[rij.ticket_id] == "webshop":
            kost[rij.klant_id] += t.per_webshopbestelling
    for rij in contacten.itertuples():
        if isinstance(rij.klant_id, str):
            kost[rij.klant_id] += rij.minuten * t.per_minuut_personeel
            kost[rij.klant_id] += {"retouche": t.per_retouche, "klacht": t.per_klacht}.get(rij.type, 0.0)
    for rij in actiecontacten.itertuples():
        if rij.verzonden:
            kost[rij.klant_id] += per_contact[rij.actie_id]
    return {klant: marge[klant] - kost[klant] for klant in marge}


def random_shop(seed: int):
    rng = np.random.default_rng(seed)
    n_t, n_l, n_k = 120, 300, 25
    klanten = np.array([f"K{i:02d}" for i in range(n_k)] + [None], dtype=object)
    tickets = pd.DataFrame(
        {
            "ticket_id": [f"T{i:03d}" for i in range(n_t)],
            "klant_id": klanten[rng.integers(0, n_k + 1, n_t)],
            "kanaal": rng.choice(["winkel", "webshop"], n_t),
        }
    )
    retour = rng.random(n_t) < 0.15
    producten = pd.DataFrame(
        {"product_id": [f"P{i}" for i in range(8)], "aankoopprijs": np.round(rng.uniform(5, 60, 8), 2)}
    )
    ticket = rng.integers(0, n_t, n_l)
    aantal = rng.integers(1, 4, n_l) * np.where(retour[ticket], -1, 1)
    bedrag = np.round(aantal * rng.uniform(10, 150, n_l), 2)
    lijnen = pd.DataFrame(
        {
            "ticket_id": tickets["ticket_id"].to_numpy()[ticket],
            "product_id": producten["product_id"].to_numpy()[rng.integers(0, 8, n_l)],
            "aantal": aantal,
            "bedrag": bedrag,
            "korting": 0.0,
        }
    )
    per_ticket = lijnen.groupby("ticket_id")["bedrag"].sum()
    tickets["bedrag"] = per_ticket.reindex(tickets["ticket_id"]).fillna(0).to_numpy()
    contacten = pd.DataFrame(
        {
            "klant_id": klanten[rng.integers(0, n_k + 1, 40)],
            "type": rng.choice(["advies", "vraag", "retouche", "klacht"], 40),
            "minuten": rng.integers(1, 60, 40).astype(float),
        }
    )
    acties = pd.DataFrame({"actie_id": ["X", "Y", "Z"], "kost_per_contact": [0.5, 0.9, 1.4]})
    actiecontacten = pd.DataFrame(
        {
            "actie_id": rng.choice(["X", "Y", "Z"], 60),
            "klant_id": klanten[rng.integers(0, n_k, 60)],
            "verzonden": rng.random(60) < 0.8,
        }
    )
    return lijnen, tickets, producten, contacten, actiecontacten, acties


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_winst_matches_row_by_row_reference(seed):
    tabellen = random_shop(seed)
    winst = winst_per_klant(*tabellen, tarieven=TARIEVEN)
    verwacht = reference_profit(*tabellen, TARIEVEN)
    assert sorted(winst.index) == sorted(verwacht)
    for klant, waarde in verwacht.items():
        assert winst.loc[klant, "winst"] == pytest.approx(waarde, abs=1e-9)


# ---------------------------------------------------------------- walviscurve / walvis_top
def test_whale_curve_cooper_kaplan_like_example():
    # 10 customers: two earn 150 each, six earn 10, two lose 65 each -> total 300 - ... :
    # 150 + 150 + 6 x 10 - 2 x 65 = 360 - 130 = 230; peak after the 8 profitable ones = 360 / 230
    winst = pd.Series([10.0, -65.0, 150.0, 10, 10, 10, -65, 10, 150, 10], index=list("abcdefghij"))
    top = walvis_top(winst)
    assert top.hoogte == pytest.approx(360 / 230)
    assert top.aandeel_klanten == pytest.approx(0.8)
    assert top.klanten_tot_top == 8
    assert top.totale_winst == pytest.approx(230.0)
    assert top.verlies == pytest.approx(-130.0)
    assert top.aandeel_verlieslatend == pytest.approx(0.2)
    # best 20% = c and i: 300 / 230
    assert top.aandeel_top20 == pytest.approx(300 / 230)
    curve = walviscurve(winst)
    assert curve.index[:2].tolist() == ["c", "i"]  # ties keep the order of the index
    assert curve["aandeel_winst"].iloc[-1] == pytest.approx(1.0)


def test_whale_curve_accepts_profit_table_and_rejects_bad_input():
    # default rates without write-off: A: 50 - 6.5 shipping - (4 + 6.5) return = 33; B: -20 - 4 = -24
    winst = winst_per_klant(LIJNEN, TICKETS, PRODUCTEN, tarieven=Tarieven(afschrijving_retour=0.0))
    assert walvis_top(winst).hoogte == pytest.approx(33 / 9)
    with pytest.raises(InvoerFout, match="niet positief"):
        walviscurve(pd.Series([-5.0, 3.0]))
    with pytest.raises(InvoerFout, match="ontbrekende"):
        walviscurve(pd.Series([5.0, np.nan]))
    with pytest.raises(InvoerFout, match="leeg"):
        walviscurve(pd.Series([], dtype="float64"))
    with pytest.raises(InvoerFout, match="mist de kolom 'winst'"):
        walviscurve(winst.drop(columns="winst"))


@settings(max_examples=100, deadline=None)
@given(
    waarden=st.lists(st.floats(-1000, 1000).map(lambda x: round(x, 2)), min_size=1, max_size=60),
    volgorde=st.randoms(),
)
def test_whale_curve_properties(waarden, volgorde):
    winst = pd.Series(waarden, index=[f"K{i}" for i in range(len(waarden))])
    if not winst.sum() > 0:
        with pytest.raises(InvoerFout):
            walviscurve(winst)
        return
    curve = walviscurve(winst)
    assert curve["aandeel_winst"].iloc[-1] == pytest.approx(1.0)
    assert (np.diff(curve["winst"]) <= 0).all()
    assert (np.diff(curve["aandeel_klanten"]) > 0).all()
    top = walvis_top(winst)
    assert top.hoogte == pytest.approx(curve["aandeel_winst"].max())
    assert top.hoogte >= 1 - 1e-9
    # the peak equals the profitable customers' profit over the total
    assert top.hoogte == pytest.approx(winst.clip(lower=0).sum() / winst.sum())
    geschud = list(winst.index)
    volgorde.shuffle(geschud)
    pd.testing.assert_frame_equal(walviscurve(winst[geschud]), curve)


# ---------------------------------------------------------------- btw per product (issue 8)
SPORT_PRODUCTEN = pd.DataFrame(
    {
        "product_id": ["S1", "G1", "D1"],
        "productlijn": ["running", "sportvoeding", "sportvoeding"],
        "categorie": ["loopschoenen", "sportvoeding", "sportvoeding"],
        "aankoopprijs": [50.0, 1.0, 2.0],
    }
)
SPORT_TICKETS = pd.DataFrame({"ticket_id": ["T1", "T2"], "klant_id": ["A", "B"]})
SPORT_LIJNEN = pd.DataFrame(
    {
        "ticket_id": ["T1", "T1", "T2"],
        "product_id": ["S1", "G1", "D1"],
        "aantal": [1, 4, 2],
        # shoe 121 incl. 21%; 4 gels 10.60 incl. 6%; 2 sports drinks 8.48 incl. 6%
        "bedrag": [121.0, 10.60, 8.48],
        "korting": [0.0, 0.0, 0.0],
    }
)


def test_belgian_rates_are_documented_and_sports_nutrition_is_food():
    assert BTW == 0.21
    assert VERLAAGDE_BTW == {"sportvoeding": 0.06}
    assert btw_per_product(SPORT_PRODUCTEN).to_dict() == {"S1": 0.21, "G1": 0.06, "D1": 0.06}


def test_margin_uses_the_rate_of_each_product_hand_computed():
    marge = brutomarge_per_klant(SPORT_LIJNEN, SPORT_TICKETS, SPORT_PRODUCTEN)
    # A: shoe 121 / 1.21 = 100 - 50 = 50; gels 10.60 / 1.06 = 10 - 4 = 6 -> omzet 110, margin 56
    # B: drinks 8.48 / 1.06 = 8 - 4 = 4
    np.testing.assert_allclose(marge["omzet"], [110.0, 8.0])
    np.testing.assert_allclose(marge["brutomarge"], [56.0, 4.0])
    # the old single rate understated the food margin: 10.60 / 1.21 = 8.7603 - 4 = 4.7603
    een_tarief = brutomarge_per_klant(SPORT_LIJNEN, SPORT_TICKETS, SPORT_PRODUCTEN, btw=0.21)
    np.testing.assert_allclose(een_tarief["brutomarge"], [50 + 10.60 / 1.21 - 4, 8.48 / 1.21 - 4])


def test_rate_overrides_by_product_category_or_line():
    # a single product back to 21% (the most precise name wins over its category)
    tarief = btw_per_product(SPORT_PRODUCTEN, {"D1": 0.21})
    assert tarief.to_dict() == {"S1": 0.21, "G1": 0.06, "D1": 0.21}
    # switching the reduced rate off for the whole line, and one rate for everything
    assert btw_per_product(SPORT_PRODUCTEN, {"sportvoeding": 0.21}).eq(0.21).all()
    assert btw_per_product(SPORT_PRODUCTEN, 0.0).eq(0.0).all()
    # without category or line columns (an own export): the standard rate; numeric codes match as text
    assert btw_per_product(SPORT_PRODUCTEN[["product_id"]]).eq(0.21).all()
    codes = pd.DataFrame({"product_id": [101, 102]})
    assert btw_per_product(codes, {102: 0.06}).tolist() == [0.21, 0.06]
    marge = brutomarge_per_klant(SPORT_LIJNEN, SPORT_TICKETS, SPORT_PRODUCTEN, btw={"G1": 0.21})
    np.testing.assert_allclose(marge["omzet"], [100 + 10.60 / 1.21, 8.0])


@pytest.mark.parametrize(
    ("btw", "melding"),
    [
        ({"sportvoedng": 0.06}, "Geen product, categorie of productlijn heet 'sportvoedng'"),
        ({"sportvoeding": 6}, "voor 'sportvoeding' is een aandeel"),
        (21, "is een aandeel tussen 0 en 1"),
        (True, "is een aandeel tussen 0 en 1"),
    ],
)
def test_rate_errors_name_the_problem(btw, melding):
    with pytest.raises(InvoerFout, match=melding):
        btw_per_product(SPORT_PRODUCTEN, btw)


def test_sports_shop_food_lines_are_divided_by_106():
    from helpers.data import laad_winkel

    winkel = laad_winkel("sportzaak")
    marge = brutomarge_per_klant(winkel.ticketlijnen, winkel.tickets, winkel.producten)
    lijnen = winkel.ticketlijnen.merge(winkel.producten[["product_id", "productlijn"]], on="product_id")
    bekend = lijnen["ticket_id"].isin(winkel.tickets.loc[winkel.tickets["klant_id"].notna(), "ticket_id"])
    voeding = lijnen["productlijn"].eq("sportvoeding")
    assert voeding[bekend].any()
    # an independent sum over the lines: food / 1.06, everything else / 1.21
    verwacht = (lijnen["bedrag"] / np.where(voeding, 1.06, 1.21))[bekend].sum()
    assert marge["omzet"].sum() == pytest.approx(verwacht)


# ---------------------------------------------------------------- flat margin without purchase prices
def test_flat_margin_hand_computed():
    tickets = pd.DataFrame({"klant_id": ["A", "A", None, "B"], "bedrag": [242.0, -60.5, 50.0, 121.0]})
    marge = brutomarge_vast(tickets, 0.45)
    # A: (242 - 60.5) / 1.21 = 150 -> margin 67.5, purchase value 82.5; return 50 x 0.55 = 27.5
    np.testing.assert_allclose(marge["omzet"], [150.0, 100.0])
    np.testing.assert_allclose(marge["brutomarge"], [67.5, 45.0])
    np.testing.assert_allclose(marge["aankoopwaarde"], [82.5, 55.0])
    np.testing.assert_allclose(marge["teruggebracht"], [27.5, 0.0])
    assert marge["margepercentage"].tolist() == [0.45, 0.45]
    for fout in (45, 2.2, 0, True, "45%"):
        with pytest.raises(InvoerFout, match="aandeel tussen 0 en 1"):
            brutomarge_vast(tickets, fout)


def test_flat_margin_equals_real_margin_when_every_item_sells_at_that_margin():
    """Oracle: products bought at exactly (1 - m) of the price without VAT give the same profit."""
    lijnen, tickets, producten, contacten, actiecontacten, acties = random_shop(7)
    m = 0.4
    prijs = lijnen["bedrag"] / lijnen["aantal"] / 1.21
    producten = pd.DataFrame(
        {"product_id": [f"Q{i}" for i in range(len(lijnen))], "aankoopprijs": (prijs * (1 - m)).to_numpy()}
    )
    lijnen = lijnen.assign(product_id=producten["product_id"].to_numpy())
    # every ticket's amount is the sum of its lines (random_shop builds it so)
    echt = winst_per_klant(lijnen, tickets, producten, contacten, actiecontacten, acties, TARIEVEN)
    vast = winst_met_vaste_marge(tickets, m, contacten, actiecontacten, acties, TARIEVEN)
    vast = vast.loc[echt.index]
    for kolom in ("omzet", "brutomarge", "teruggebracht", "kost_om_te_bedienen", "winst"):
        np.testing.assert_allclose(vast[kolom], echt[kolom], atol=1e-9, err_msg=kolom)


# ---------------------------------------------------------------- other rates, remedies
def test_recomputing_with_other_rates_equals_a_full_recomputation():
    tabellen = random_shop(3)
    basis = winst_per_klant(*tabellen, tarieven=TARIEVEN)
    ander = Tarieven(
        per_minuut_personeel=0.9, per_webshopbestelling=7.5, per_retour=6.0, afschrijving_retour=0.1
    )
    pd.testing.assert_frame_equal(herbereken_winst(basis, ander), winst_per_klant(*tabellen, tarieven=ander))
    with pytest.raises(InvoerFout, match="Tarieven"):
        herbereken_winst(basis, {"per_retour": 3})
    with pytest.raises(InvoerFout, match="mist de kolom 'minuten'"):
        herbereken_winst(basis.drop(columns="minuten"), ander)


def test_advice_minutes_are_counted_apart():
    kost = kost_om_te_bedienen(TICKETS, CONTACTEN)
    # A: 30 advice + 15 alteration minutes; B: complaint and question, no advice
    assert kost["adviesminuten"].tolist() == [30.0, 0.0]
    assert kost["minuten"].tolist() == [45.0, 25.0]


def test_remedy_hand_computed():
    winst = winst_per_klant(LIJNEN, TICKETS, PRODUCTEN, CONTACTEN, ACTIECONTACTEN, ACTIES, TARIEVEN)
    # A lost 8.3 (see above): 1 alteration, 1 webshop return, 30 advice minutes at 0.6 per minute
    remedie = Remedie(retouchebijdrage=12.1, retourbijdrage=6.05, advies_op_afspraak=0.5)
    na = met_remedie(winst, {"A": remedie}, TARIEVEN)
    # fees without VAT: 12.1 / 1.21 + 6.05 / 1.21 = 10 + 5 = 15; saved 15 minutes x 0.6 = 9
    assert na.loc["A", "opbrengst_remedie"] == pytest.approx(15.0)
    assert na.loc["A", "besparing_remedie"] == pytest.approx(9.0)
    assert na.loc["A", "winst_na_remedie"] == pytest.approx(-8.3 + 24.0)
    # B gets no remedy and does not change
    assert na.loc["B", "winst_na_remedie"] == pytest.approx(na.loc["B", "winst"])
    # the same remedy for everybody: B has no alteration, no webshop return and no advice
    iedereen = met_remedie(winst, remedie, TARIEVEN)
    assert iedereen["opbrengst_remedie"].tolist() == pytest.approx([15.0, 0.0])


@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        (lambda: Remedie(retourbijdrage=-1), "'retourbijdrage' is een getal van 0 of meer"),
        (lambda: Remedie(advies_op_afspraak=40), r"tussen 0 en 1 \(bv. 0.4 voor 40%\), niet 40"),
        (lambda: met_remedie(winst_ab(), {"Z": Remedie()}), "niet in de winsttabel: 'Z'"),
        (lambda: met_remedie(winst_ab(), {"A": 5}), r"per klant een Remedie"),
        (lambda: met_remedie(winst_ab(), "afspraak"), r"Geef een Remedie"),
    ],
)
def test_remedy_errors(maak, melding):
    with pytest.raises(InvoerFout, match=melding):
        maak()


def winst_ab() -> pd.DataFrame:
    return winst_per_klant(LIJNEN, TICKETS, PRODUCTEN, CONTACTEN)


def test_empty_contact_and_campaign_tables_cost_nothing():
    # a shop that never ran a campaign or logged a contact: those parts are 0, not an error
    winst = winst_per_klant(
        LIJNEN, TICKETS, PRODUCTEN, CONTACTEN.iloc[:0], ACTIECONTACTEN.iloc[:0], ACTIES.iloc[:0], TARIEVEN
    )
    zonder = winst_per_klant(LIJNEN, TICKETS, PRODUCTEN, tarieven=TARIEVEN)
    np.testing.assert_allclose(winst["winst"], zonder["winst"])
    assert (winst[["kost_personeel", "kost_acties"]] == 0).all().all()

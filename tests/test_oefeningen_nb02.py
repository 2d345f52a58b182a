"""Notebook 02 decisions, computed by hand on tiny invented shops."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from test_oefeningen import mini_winkel, tabel

from helpers.data import Winkel
from helpers.oefeningen import controleer


def test_card_target_by_hand():
    # mini shop, 2025: anonymous T3 (50) + T6 (40) = 90 of a net revenue of 345 -> 26.1% without a card
    w = mini_winkel()
    r = controleer("02_kaartdoel", 0.2, w)
    # (90/345 - 0.2) * 345 = 90 - 69 = 21 euro a year of revenue you get to know
    assert (
        r.status == "juist"
        and r.boodschap.startswith("Van 26,1% naar 20,0%")
        and "€ 21 per jaar" in r.boodschap
    )
    assert "geen verbetering" in controleer("02_kaartdoel", 0.27, w).boodschap
    assert "onhaalbaar" in controleer("02_kaartdoel", 0.05, w).boodschap  # a step of 21 points
    assert "kleine stap" in controleer("02_kaartdoel", 0.25, w).boodschap
    assert controleer("02_kaartdoel", 20, w).boodschap.startswith("20 is een percentage")


def _bonnen_winkel() -> Winkel:
    """K1 bought on two days, K2 and K3 once (K3 most recently), K4 once but without consent."""
    w = mini_winkel()
    klanten = w.klanten.assign(toestemming_marketing=[True, True, True, False, False, False])
    tickets = pd.concat(
        [
            w.tickets,
            tabel(
                "tickets",
                ticket_id=["T9"],
                datum=pd.to_datetime(["2025-11-01"]),
                klant_id=["K4"],
                kanaal=["winkel"],
                soort=["aankoop"],
                bedrag=[30.0],
                korting=[0.0],
            ),
        ],
        ignore_index=True,
    )
    return dataclasses.replace(w, klanten=klanten, tickets=tickets)


def test_second_purchase_voucher_by_hand():
    w = _bonnen_winkel()
    # K3 bought on 2025-06-01: 213 days before 31-12; K2 on 2025-03-01: 305 days; median of the two: 259
    r = controleer("02_tweede_aankoop", ["K3", "K2"], w)
    assert r.status == "juist" and "Je 2 bonnen gaan naar eenmalige kopers (100%)" in r.boodschap
    assert "mediaan) 259 dagen" in r.boodschap and "Je houdt 298 bonnen over." in r.boodschap
    # K1 comes back anyway: 1 of 2 vouchers (50%) to a one-time buyer
    assert "Maar 50% van je bonnen" in controleer("02_tweede_aankoop", ["K1", "K2"], w).boodschap
    assert (
        "1 van je 2 klanten gaven geen toestemming"
        in controleer("02_tweede_aankoop", ["K4", "K2"], w).boodschap
    )
    assert "staat niet in het klantenbestand" in controleer("02_tweede_aankoop", ["K99"], w).boodschap


def test_mailing_moment_by_hand():
    # line 'sandalen' sells only in June (2 years), line 'laarzen' only in December and more
    w = mini_winkel()
    datums = pd.to_datetime(["2024-06-10", "2025-06-10", "2024-12-10", "2025-12-10"])
    tickets = tabel(
        "tickets",
        ticket_id=["T1", "T2", "T3", "T4"],
        datum=datums,
        klant_id=["K1"] * 4,
        kanaal=["winkel"] * 4,
        soort=["aankoop"] * 4,
        bedrag=[50.0, 50.0, 200.0, 200.0],
        korting=[0.0] * 4,
    )
    lijnen = tabel(
        "ticketlijnen",
        ticket_id=["T1", "T2", "T3", "T4"],
        lijn=[1] * 4,
        product_id=["P1", "P1", "P2", "P2"],
        aantal=[1] * 4,
        bedrag=[50.0, 50.0, 200.0, 200.0],
    )
    producten = tabel("producten", product_id=["P1", "P2"], productlijn=["sandalen", "laarzen"])
    winkel = dataclasses.replace(w, producten=producten, tickets=tickets, ticketlijnen=lijnen)
    goed = controleer("02_mailmoment", {"productlijn": "sandalen", "maand": "mei"}, winkel)
    # June: 100 a year against an average month of 100/12 -> index 12
    assert (
        goed.status == "juist"
        and "vóór de piek van sandalen in juni (12,00 keer een gewone maand)" in str(goed)
    )
    assert controleer("02_mailmoment", {"productlijn": "sandalen", "maand": 6}, winkel).status == "juist"
    assert (
        "net als de hele winkel in december"
        in controleer("02_mailmoment", {"productlijn": "laarzen", "maand": 11}, winkel).boodschap
    )
    assert (
        "Mail in de piekmaand"
        in controleer("02_mailmoment", {"productlijn": "sandalen", "maand": 8}, winkel).boodschap
    )
    assert (
        "geen productlijn 'jassen'"
        in controleer("02_mailmoment", {"productlijn": "jassen", "maand": 8}, winkel).boodschap
    )


@pytest.mark.parametrize(
    ("keuze", "zegt"),
    [
        ({"groep": "alle klanten", "piekmaand": 12, "mailmaand": 12}, "veronderstellen"),
        ({"groep": "wandelaars", "piekmaand": "april", "mailmaand": "september"}, "te laat"),
        ({"groep": "wandelaars", "piekmaand": "april", "mailmaand": "november"}, "te vroeg"),
        ({"groep": "wandelaars", "piekmaand": "paasvakantie", "mailmaand": "maart"}, "Geef een maand"),
    ],
)
def test_own_season_refused_with_the_reason(keuze, zegt):
    assert zegt in controleer("02_eigen_seizoen", keuze).boodschap


def test_own_season_kept_in_the_plan():
    from helpers import plan

    keuze = {"groep": "schoolgaande kinderen", "piekmaand": "augustus", "mailmaand": "juli"}
    assert controleer("02_eigen_seizoen", keuze).status == "juist"
    assert plan.lees()["02"]["seizoensmoment"] == keuze

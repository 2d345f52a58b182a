"""Notebook 03 decisions, computed by hand on tiny invented shops and profiles."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from test_oefeningen import mini_winkel, tabel

from helpers.data import Winkel
from helpers.oefeningen import controleer
from helpers.oefeningen import nb03_segmenteren_en_kiezen as nb03


def _met_klanten(klanten: pd.DataFrame) -> Winkel:
    w = mini_winkel()
    return dataclasses.replace(w, klanten=klanten)


def test_postcards_by_hand(monkeypatch):
    # K1 (2 km), K2 (4 km) and K3 (9 km) want post; K4 wants e-mail, K5 gave no consent
    klanten = tabel(
        "klanten",
        klant_id=["K1", "K2", "K3", "K4", "K5", "K6"],
        afstand_km=[2.0, 4.0, 9.0, 1.0, 1.0, 30.0],
        toestemming_marketing=[True, True, True, True, False, True],
        voorkeurkanaal=["post", "post", "post", "e-mail", "post", "post"],
        straat=["Markt 1"] * 6,
        postcode=["3500"] * 6,
        gemeente=["Hasselt"] * 6,
        email=["k4@x.be"] * 6,
    )
    w = _met_klanten(klanten)
    monkeypatch.setattr(nb03, "POSTKAARTEN", 2)
    # within 5 km: K1 (bought 100 + 20 + 60 = 180) and K2 (80 - 30 = 50): 2 cards, none left, 230 spent
    r = controleer("03_postkaart", 5, w)
    assert r.status == "juist", str(r)
    assert r.boodschap == (
        "Binnen 5,0 km stuur je 2 kaarten (je houdt er 0 over). Die personen kochten samen al voor € 230 "
        "bij je."
    )
    assert "wonen 3 personen" in controleer("03_postkaart", 10, w).boodschap  # K1, K2, K3 > 2 cards
    assert "niemand" in controleer("03_postkaart", 1.5, w).boodschap  # K4 prefers e-mail, K5 no consent
    assert nb03._grens(w, 2) == 4.0


def test_target_groups_by_hand(monkeypatch):
    # four segments: sizes 50/30/15/5, spend 100/300/200/1000, reachable 40%/50%/60%/80%; segment 3 too small
    profiel = pd.DataFrame(
        {
            "aantal": [50, 30, 15, 5],
            "aandeel": [0.5, 0.3, 0.15, 0.05],
            "monetair": [100.0, 300.0, 200.0, 1000.0],
            "omzet_laatste_12m": [100.0, 330.0, 150.0, 1100.0],
            "omzet_vorige_12m": [100.0, 300.0, 200.0, 1000.0],
            "aandeel_bereikbaar": [0.4, 0.5, 0.6, 0.8],
            "te_klein": [False, False, True, False],
        },
        index=[1, 2, 3, 4],
    )
    monkeypatch.setattr(nb03, "profiel", lambda w: profiel)
    w = mini_winkel()
    # weights size 1, value 3; scaled size 1, .556, .222, 0 and value 0, .222, .111, 1 give totals
    # (1 + 0) / 4 = .25, (.556 + .667) / 4 = .31, (.222 + .333) / 4 = .14, (0 + 3) / 4 = .75: ranks 3, 2, 4, 1
    waarde = {"grootte": 1, "waarde": 3, "groei": 0, "bereikbaarheid": 0}
    # revenue 5000 + 9000 + 3000 + 5000 = 22000; segment 2 has 9000 = 41%, 30% of customers, 15 reachable
    r = controleer("03_doelgroepen", {"gewichten": waarde, "doelgroepen": [2]}, w)
    assert r.status == "juist", str(r)
    assert r.boodschap == (
        "Je doelgroep (segment 2) is 30% van de kopende klanten en 41% van hun omzet; 15 van hen mag en kan "
        "je aanschrijven."
    )
    # segments 4 and 2: 35% of customers, (5000 + 9000) / 22000 = 64%, 4 + 15 = 19 reachable
    r = controleer("03_doelgroepen", {"gewichten": waarde, "doelgroepen": [4, 2]}, w)
    assert "zijn 35% van de kopende klanten en 64% van hun omzet; 19 van hen" in r.boodschap
    r = controleer("03_doelgroepen", {"gewichten": waarde, "doelgroepen": [1]}, w)
    assert r.status == "fout" and "plaats 3 van 4" in r.boodschap
    # on reachability alone segment 3 ranks second, but it is too small
    r = controleer("03_doelgroepen", {"gewichten": {"bereikbaarheid": 1}, "doelgroepen": [3]}, w)
    assert r.status == "fout" and "te klein" in r.boodschap
    alles = {"gewichten": waarde, "doelgroepen": [1, 2, 3, 4]}
    assert "iedereen" in controleer("03_doelgroepen", alles, w).boodschap
    onbekend = {"gewichten": waarde, "doelgroepen": [7]}
    assert "Segment 7 bestaat niet" in controleer("03_doelgroepen", onbekend, w).boodschap


@pytest.mark.parametrize(
    ("keuze", "zegt"),
    [
        ({"alle klanten": "wie binnenkomt is welkom en koopt iets"}, "Iedereen is geen doelgroep"),
        (
            {"lopers": "zij zoeken goed advies", "gezinnen": "zij kopen veel samen", "clubs": "veel spelers"},
            "Kies er één of twee",
        ),
        ({"lopers": "advies"}, "in een zin waarom"),
    ],
)
def test_own_target_groups_refused(keuze, zegt):
    r = controleer("03_eigen_doelgroepen", keuze)
    assert r.status == "fout" and zegt in r.boodschap


def test_own_target_groups_kept_in_the_plan():
    from helpers import plan

    keuze = {"jonge gezinnen uit de buurt": "zij kopen voor drie kinderen en komen elk seizoen terug"}
    assert controleer("03_eigen_doelgroepen", keuze).status == "juist"
    assert plan.lees()["03"]["doelgroepen"] == keuze

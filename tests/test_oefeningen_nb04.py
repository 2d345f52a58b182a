"""Notebook 04 decisions, computed by hand on tiny invented surveys, segments and reach figures."""

from __future__ import annotations

import pandas as pd
import pytest
from test_oefeningen import mini_winkel

from helpers import grafieken
from helpers.controle import InvoerFout
from helpers.oefeningen import controleer
from helpers.oefeningen import nb04_positioneren_en_persona as nb04


def test_strength_by_hand(monkeypatch):
    # own shop: advies 4.5, prijs 3.0; best competitor on advies: boetiek 4.0; on prijs: outlet 4.2
    tabel = pd.DataFrame(
        {"aantal": [20, 10, 8], "prijs": [3.0, 4.2, 2.5], "advies": [4.5, 2.0, 4.0]},
        index=["eigen winkel", "outlet", "boetiek"],
    )
    monkeypatch.setattr(nb04, "_voorsprong", lambda w: nb04.voorsprong(tabel))
    w = mini_winkel()
    goed = controleer("04_troef", "advies", w)
    assert goed.status == "juist"
    assert goed.boodschap.startswith(
        "Op advies scoor je 4,50, de beste concurrent (boetiek) 4,00: een voorsprong van 0,50"
    )
    fout = controleer("04_troef", "Prijs", w)
    assert fout.status == "fout" and fout.boodschap.startswith("Op prijs scoort outlet 4,20 en jij 3,00")
    assert "waar voor je geld" in fout.boodschap  # value for money, not cheapness
    assert "Kies één item" in controleer("04_troef", "goedkoop", w).boodschap


def test_invitation_by_hand(monkeypatch):
    # reachable in the segment: 100 by e-mail, 30 by sms, 20 by post (150 in all)
    monkeypatch.setattr(
        nb04, "bereik_per_kanaal", lambda w: pd.Series({"e-mail": 100, "sms": 30, "post": 20})
    )
    w = mini_winkel()
    # e-mail: 100 x 0.02 = 2 euro, 100 / 150 = 67%
    r = controleer("04_uitnodiging", ["e-mail"], w)
    assert r.status == "juist" and r.boodschap == (
        "Via e-mail bereik je 100 van de 150 klanten van dit segment die je mag aanschrijven (67%), voor € "
        "2,00."
    )
    # e-mail + sms: 2 + 30 x 0.09 = 4.70 euro
    assert controleer("04_uitnodiging", ["e-mail", "sms"], w).boodschap.endswith("(87%), voor € 4,70.")
    # everything: 4.70 + 20 x 0.95 = 23.70 > 10
    r = controleer("04_uitnodiging", ["e-mail", "sms", "post"], w)
    assert r.status == "fout" and "kosten € 23,70: meer dan je budget van € 10" in r.boodschap
    # sms alone reaches 30 of 150 = 20% < 40%
    r = controleer("04_uitnodiging", "sms", w)
    assert r.status == "fout" and r.boodschap.startswith("Je bereikt via sms maar 30 van de 150 klanten")


def test_value_proposition_by_hand(monkeypatch):
    # segment 2 names the outlet in 40% of its answers and the boutique in 5%
    genoemd = pd.DataFrame(
        {"outlet": [0.3, 0.4], "boetiek": [0.7, 0.05]}, index=pd.Index([1, 2], name="segment")
    )
    kaart = pd.DataFrame(
        {"aantal": [10, 5, 2], "prijs": [3.4, 4.1, 2.0], "advies": [4.6, 2.2, 4.0]},
        index=pd.MultiIndex.from_tuples(
            [(2, "eigen winkel"), (2, "outlet"), (2, "boetiek")], names=["segment", "winkel"]
        ),
    )
    monkeypatch.setattr(nb04, "concurrent_per_segment", lambda w: genoemd)
    monkeypatch.setattr(nb04, "kaart_per_segment", lambda w: kaart)
    w = mini_winkel()
    r = controleer("04_propositie", {"segment": 2, "troef": "advies", "concurrent": "outlet"}, w)
    assert r.status == "juist" and r.boodschap.startswith(
        "Segment 2 noemt outlet in 40% van de antwoorden; op advies geven ze jou 4,60 en outlet 2,20."
    )
    r = controleer("04_propositie", {"segment": 2, "troef": "prijs", "concurrent": "outlet"}, w)
    assert r.status == "fout" and "geeft outlet 4,10 op prijs en jou 3,40" in r.boodschap
    r = controleer("04_propositie", {"segment": 2, "troef": "advies", "concurrent": "boetiek"}, w)
    assert r.status == "fout" and r.boodschap.startswith("Maar 5% van segment 2 noemt boetiek")
    assert (
        "Segment 9 bestaat niet"
        in controleer("04_propositie", {"segment": 9, "troef": "advies", "concurrent": "outlet"}, w).boodschap
    )


@pytest.mark.parametrize(
    ("tekst", "zegt"),
    [
        ("", "nog leeg"),
        ("Jan: 'Ik kom voor advies, niet voor de laagste prijs, en dat vind ik hier.'", "leeftijd"),
        ("een klant van 45 die graag advies krijgt en terugkomt voor nieuwe schoenen", "voornaam"),
        ("Els, 40.", "waarom"),
        ("Greet, 50: 'Ik koop hier gewoon wat ik nodig heb.'", "voorbeeld"),
    ],
)
def test_own_persona_refused_with_the_reason(tekst, zegt):
    r = controleer("04_eigen_persona", tekst)
    assert r.status == "fout" and zegt in r.boodschap, str(r)


def test_own_persona_and_position_in_the_plan():
    from helpers import plan

    persona = (
        "Karim, 34, fietst naar zijn werk: 'Ik wil een jas die regen en wind aankan, en eerlijk advies.'"
    )
    r = controleer("04_eigen_persona", persona)
    assert r.status == "juist" and r.boodschap.startswith("Karim (34) is je persona.")
    positie = {
        "troef": "advies",
        "concurrent": "de webshop",
        "belofte": "Voor fietsers die droog willen aankomen, zijn wij de winkel die je jas uitprobeert, "
        "anders dan de webshop.",
    }
    assert controleer("04_eigen_positie", positie).status == "juist"
    assert plan.lees()["04"] == {"persona": persona, "positie": positie}
    goedkoop = {**positie, "troef": "altijd de goedkoopste"}
    assert "laagste prijs" in controleer("04_eigen_positie", goedkoop).boodschap
    zonder = {**positie, "belofte": "Voor fietsers zijn wij de beste winkel van de stad, echt waar."}
    assert "anders dan" in controleer("04_eigen_positie", zonder).boodschap


def test_map_quadrant_labels():
    t = pd.DataFrame({"prijs": [3.2, 4.1], "service": [4.5, 3.0]}, index=["Wij", "Keten"])
    fig = grafieken.positioneringskaart(
        t, "prijs", "service", vakken={"linksboven": "service", "rechtsonder": "prijs"}
    )
    teksten = [tekst.get_text() for tekst in fig.axes[0].texts]
    assert teksten == ["Wij", "Keten", "service", "prijs"]
    with pytest.raises(InvoerFout, match="Onbekend vak"):
        grafieken.positioneringskaart(t, "prijs", "service", vakken={"midden": "x"})

"""Tests for helpers.persona: determinism, data-derived content, well-formed and escaped output."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from helpers.controle import InvoerFout
from helpers.persona import MANNEN, VROUWEN, Persona, maak_persona, maak_personas
from helpers.segmentatie import gedragskenmerken, segmentprofiel, seizoensvoorkeur

PEIL = pd.Timestamp("2025-12-31")


def _profiel() -> pd.DataFrame:
    """Three segments with clearly different behaviour (afwijking = standardised difference)."""
    return pd.DataFrame(
        {
            "aantal": [412, 1500, 376],
            "aandeel": [412 / 2288, 1500 / 2288, 376 / 2288],
            "frequentie": [2.1, 3.0, 14.2],
            "monetair": [180.0, 300.0, 2400.0],
            "gemiddeld_bruto_ticket": [54.4, 80.0, 170.0],
            "recency": [200.0, 150.0, 30.0],
            "aandeel_solden": [0.45, 0.08, 0.05],
            "aandeel_webshop": [0.7, 0.2, 0.1],
            "aandeel_december": [0.1, 0.35, 0.1],
            "aandeel_bereikbaar": [0.55, 0.6, 0.8],
            "leeftijd": [31.4, 44.6, 52.5],
            "aandeel_vrouw": [0.8, 0.3, 0.6],
            "huishouden": ["alleen", "gezin", "koppel"],
            "voorkeurkanaal": ["e-mail", "sms", "geen"],
            "afwijking_frequentie": [-0.4, -0.3, 1.8],
            "afwijking_monetair": [-0.3, -0.2, 1.6],
            "afwijking_aandeel_solden": [1.5, -0.3, -0.4],
            "afwijking_aandeel_webshop": [1.1, -0.2, -0.5],
            "afwijking_aandeel_december": [-0.3, 0.9, -0.3],
        },
        index=pd.Index([1, 2, 3], name="segment"),
    )


def test_same_seed_same_card():
    een, twee = maak_persona(_profiel(), 1, seed=7), maak_persona(_profiel(), 1, seed=7)
    assert een == twee
    assert een.html() == twee.html() and een.markdown() == twee.markdown()
    assert maak_personas(_profiel(), seed=7) == maak_personas(_profiel(), seed=7)
    # a single profile row (Series) gives the same content as the table plus the segment label
    rij = maak_persona(_profiel().loc[1], seed=7)
    assert (rij.naam, rij.citaat, rij.motieven, rij.kerncijfers) == (een.naam, een.citaat, een.motieven,
                                                                     een.kerncijfers)


def test_names_follow_seed_and_gender_and_are_unique_per_profile():
    kaarten = maak_personas(_profiel())
    assert len({k.naam for k in kaarten.values()}) == 3
    assert kaarten[1].naam in VROUWEN  # 80% women
    assert kaarten[2].naam in MANNEN  # 30% women
    namen = {maak_persona(_profiel(), 1, seed=s).naam for s in range(40)}
    assert len(namen) > 1 and namen <= set(VROUWEN)


def test_different_segments_get_different_cards_derived_from_their_data():
    kaarten = maak_personas(_profiel())
    solden, december, trouw = kaarten[1], kaarten[2], kaarten[3]
    assert solden.citaat == "Ik wacht op de solden, dan sla ik mijn slag."
    assert solden.motieven[0] == "waar krijgen voor het geld"
    assert solden.aankoopcriteria[:2] == ("prijs en kortingen", "makkelijk online bestellen en terugsturen")
    assert solden.favoriet_kanaal == "webshop; berichten via e-mail"  # webshop share 0.7 >= 0.5
    assert solden.aankoopmomenten == ("tijdens de solden (januari en juli)",)
    assert solden.segmentnaam == "Soldenjagers"
    assert december.aankoopmomenten == ("in december, voor de feestdagen",)
    assert december.citaat == "In december zoek ik cadeaus."
    assert december.favoriet_kanaal == "winkel; berichten via sms"
    assert trouw.citaat == "Ik kom hier al jaren, ze kennen mij hier."  # frequentie +1.8 strongest
    assert trouw.motieven == ("zich thuis voelen in de winkel", "investeren in kwaliteit",
                              "passen, voelen en advies krijgen")
    assert trouw.aankoopmomenten == ("verspreid over het jaar",)
    assert trouw.favoriet_kanaal == "winkel; wil meestal geen berichten"
    assert len({solden.html(), december.html(), trouw.html()}) == 3


def test_card_values_equal_the_segment_profile():
    kaart = maak_persona(_profiel(), 1)
    assert kaart.leeftijd == 31 and kaart.huishouden == "alleen"
    assert kaart.titel() == f"{kaart.naam}, 31 jaar"
    cijfers = dict(kaart.kerncijfers)
    assert cijfers == {
        "Klanten": "412 (18%)",  # 412 / 2288 = 18,0%
        "Aankoopdagen": "2,1",
        "Totaal besteed": "€ 180",
        "Per ticket": "€ 54",
        "Laatste aankoop": "200 dagen geleden",
        "In de solden": "45%",
        "Via de webshop": "70%",
        "Bereikbaar voor marketing": "55%",
    }


def test_card_values_from_hand_computed_features():
    # Two customers, one segment each. K1: tickets 30 + 90 on two days, 30 returned -> monetair 90,
    # gemiddeld ticket (30 + 90) / 2 = 60, frequentie 2, last purchase 2025-12-01 -> 30 days;
    # K2: one ticket of 200 on 2025-06-30 -> 184 days (1 + 31+31+30+31+30+30).
    tickets = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4"],
            "klant_id": ["K1", "K1", "K1", "K2"],
            "datum": pd.to_datetime(["2025-11-02", "2025-12-01", "2025-12-05", "2025-06-30"]),
            "bedrag": [30.0, 90.0, -30.0, 200.0],
            "kanaal": ["winkel", "webshop", "winkel", "winkel"],
            "korting": [0.0, 0.0, 0.0, 0.0],
        }
    )
    kenmerken = gedragskenmerken(tickets, peildatum=PEIL)
    profiel = segmentprofiel(kenmerken, pd.Series({"K1": "a", "K2": "b"}))
    a, b = dict(maak_persona(profiel, "a").kerncijfers), dict(maak_persona(profiel, "b").kerncijfers)
    assert a["Klanten"] == "1 (50%)" and a["Aankoopdagen"] == "2,0"
    assert (a["Totaal besteed"], a["Per ticket"]) == ("€ 90", "€ 60")
    assert a["Laatste aankoop"] == "30 dagen geleden" and a["Via de webshop"] == "75%"  # 90 / 120
    assert (b["Totaal besteed"], b["Laatste aankoop"]) == ("€ 200", "184 dagen geleden")
    assert b["Via de webshop"] == "0%"


class _Controle(HTMLParser):
    """Checks that every opened tag is closed in the right order and collects the text."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tekst: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        self.tekst.append(data)


def _parse(html: str) -> _Controle:
    controle = _Controle()
    controle.feed(html)
    controle.close()
    assert controle.open == []
    return controle


def test_html_is_well_formed_self_contained_and_escaped():
    profiel = _profiel().rename(index={1: "<script>alert('x')</script> & co"})
    profiel.loc[profiel.index[0], "huishouden"] = "<b>gezin</b>"
    kaart = maak_persona(profiel, profiel.index[0])
    html = kaart.html()
    assert "<script>" not in html and "<b>gezin</b>" not in html
    assert "&lt;script&gt;" in html and "&amp; co" in html
    controle = _parse(html)
    assert controle.tags[0] == "div" and "script" not in controle.tags and "link" not in controle.tags
    tekst = "".join(controle.tekst)
    assert "<script>alert('x')</script> & co" in tekst  # the parsed text is the original text
    assert kaart.citaat in tekst and kaart.naam in tekst
    assert kaart._repr_html_() == html
    for kaart in maak_personas(_profiel()).values():
        _parse(kaart.html())


def test_markdown_escapes_and_contains_the_card():
    profiel = _profiel().rename(index={1: "*vet* [link](x)"})
    kaart = maak_persona(profiel, "*vet* [link](x)")
    md = kaart.markdown()
    assert md.startswith(f"### {kaart.naam}, 31 jaar\n")
    assert r"\*vet\* \[link\](x)" in md
    assert "> Ik wacht op de solden, dan sla ik mijn slag." in md
    assert "| Per ticket | € 54 |" in md
    assert all(f"- {m}" in md for m in kaart.motieven)


def test_profile_without_distinctive_traits_or_customer_data():
    profiel = pd.DataFrame({"aantal": [5, 5], "aandeel": [0.5, 0.5], "afwijking_monetair": [0.1, -0.1]},
                           index=["x", "y"])
    kaart = maak_persona(profiel, "x")
    assert kaart.leeftijd is None and kaart.huishouden is None
    assert kaart.citaat == "Ik koop hier gewoon wat ik nodig heb."
    assert kaart.segmentnaam == "Gemiddelde klanten (segment x)"  # both average: made unique
    assert kaart.favoriet_kanaal == "winkel"
    assert kaart.titel() == kaart.naam
    assert dict(kaart.kerncijfers) == {"Klanten": "5 (50%)"}
    assert isinstance(kaart, Persona)


def test_purchase_moments_from_the_segment_seasonality():
    # a buys 100 in January, 300 in July, 200 in December; b 100 in January, March and December
    # (hand-computed ratios to all customers in test_segmentatie.test_seizoensvoorkeur_hand:
    #  a: jul 1,5 ; b: jan 1,5, mrt 3,0)
    tickets = pd.DataFrame(
        {
            "klant_id": ["A1", "A2", "A1", "B1", "B1", "B2"],
            "datum": pd.to_datetime(["2025-01-10", "2025-07-05", "2025-12-20", "2025-01-11", "2025-03-03",
                                     "2025-12-01"]),
            "bedrag": [100.0, 300.0, 200.0, 100.0, 100.0, 100.0],
        }
    )
    labels = pd.Series({"A1": "a", "A2": "a", "B1": "b", "B2": "b"})
    seizoen = seizoensvoorkeur(tickets, labels)
    profiel = pd.DataFrame({"aantal": [2, 2], "aandeel": [0.5, 0.5]}, index=["a", "b"])
    kaarten = maak_personas(profiel, seizoen=seizoen)
    assert kaarten["a"].aankoopmomenten == ("vooral in juli",)
    assert kaarten["b"].aankoopmomenten == ("vooral in januari en maart",)
    assert maak_persona(profiel, "b", seizoen=seizoen).aankoopmomenten == kaarten["b"].aankoopmomenten
    # a month already named by a trait (solden: January and July) is not repeated
    solden = profiel.assign(afwijking_aandeel_solden=[0.0, 1.0])
    assert maak_persona(solden, "b", seizoen=seizoen).aankoopmomenten == (
        "tijdens de solden (januari en juli)", "vooral in maart"
    )
    with pytest.raises(InvoerFout, match="mist segment 'c'"):
        maak_personas(pd.DataFrame({"aantal": [1], "aandeel": [1.0]}, index=["c"]), seizoen=seizoen)


def test_product_line_trait_gives_motive_criterion_and_quote():
    profiel = pd.DataFrame(
        {"aantal": [5, 5], "aandeel": [0.5, 0.5], "lijn_running": [0.8, 0.1],
         "afwijking_lijn_running": [1.0, -1.0]},
        index=[1, 2],
    )
    kaart = maak_persona(profiel, 1)
    assert kaart.segmentnaam == "Fans van running"
    assert kaart.motieven == ("vooral running zoeken",)
    assert kaart.aankoopcriteria == ("een ruim aanbod running",)
    assert kaart.citaat == "Voor running kom ik naar hier."
    # below average in running: not a trait with a motive
    assert maak_persona(profiel, 2).citaat == "Ik koop hier gewoon wat ik nodig heb."


def test_errors():
    with pytest.raises(InvoerFout, match="Zeg voor welk segment"):
        maak_persona(_profiel())
    with pytest.raises(InvoerFout, match="Segment 9 staat niet in het profiel"):
        maak_persona(_profiel(), 9)
    with pytest.raises(InvoerFout, match="mist de kolom 'aantal'"):
        maak_persona(_profiel().drop(columns="aantal"), 1)
    with pytest.raises(InvoerFout, match="is leeg"):
        maak_personas(_profiel().iloc[:0])

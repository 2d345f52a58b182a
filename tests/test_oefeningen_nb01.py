"""Notebook 01 checks on a tiny invented dirty file whose truth is written out by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from test_oefeningen import lege_tabel, tabel

from helpers.oefeningen import controleer
from helpers.oefeningen.nb01_klantendatabank import Oefenbestand
from helpers.schema import TABELLEN


def mini_bestand() -> Oefenbestand:
    """Six records: K2 is a second card of K1 (spelling variant, typo in the e-mail domain), K4 a second
    record of K3, K5 someone else, K6 a test card.

    K1 Lotte Peeters lotte@telenet.be   consent, e-mail          (K2 = same person, lotte@gmial.com)
    K3 Jan Claes     geen@geen.be       consent, e-mail          (placeholder: no real address)
    K4 Jan Klaes     jan.claes@x.be     no consent, e-mail       (same person as K3)
    K5 Els Wouters   els@skynet.be      consent, sms
    K6 Test Test     test@test.be       no consent
    """
    from helpers.data import Winkel

    ids = ["K1", "K2", "K3", "K4", "K5", "K6"]
    klanten = tabel(
        "klanten",
        klant_id=ids,
        voornaam=["Lotte", "Lotte", "Jan", "Jan", "Els", "Test"],
        achternaam=["Peeters", "Peters", "Claes", "Klaes", "Wouters", "Test"],
        email=[
            "lotte@telenet.be",
            "lotte@gmial.com",
            "geen@geen.be",
            "jan.claes@x.be",
            "els@skynet.be",
            "test@test.be",
        ],
        geboortedatum=pd.to_datetime(
            ["1980-01-01", "1980-01-01", "1975-05-05", "1975-05-05", "1990-02-02", None]
        ),
        inschrijfdatum=pd.to_datetime(
            ["2020-01-01", "2024-01-01", "2021-01-01", "2025-01-01", "2022-01-01", "2019-01-01"]
        ),
        toestemming_marketing=[True, True, True, False, True, False],
        toestemming_datum=pd.to_datetime(
            ["2020-01-01", "2024-01-01", "2021-01-01", None, "2022-01-01", None]
        ),
        voorkeurkanaal=["e-mail", "e-mail", "e-mail", "e-mail", "sms", "geen"],
        relatie=["klant"] * 5 + ["prospect"],
        klantenkaart=[True] * 6,
    )
    tickets = tabel(
        "tickets",
        ticket_id=["T1", "T2"],
        datum=pd.to_datetime(["2025-01-05", "2025-02-05"]),
        klant_id=["K1", "K2"],
        soort=["aankoop", "aankoop"],
        bedrag=[50.0, 30.0],
    )
    leeg = {naam: lege_tabel(naam) for naam in TABELLEN if naam not in ("klanten", "tickets")}
    winkel = Winkel("schoenenzaak", "Mini", "Tongeren", pd.Timestamp("2025-12-31"), klanten=klanten,
                    tickets=tickets, **leeg)  # fmt: skip
    sleutel = pd.DataFrame(
        {
            "klant_id": ids,
            "zelfde_persoon_als": [None, "K1", None, "K3", None, None],
            "testrecord": [False] * 5 + [True],
            "gebreken": [None, "dubbel, email_tikfout", "email_plaatshouder", "dubbel", None, "testrecord"],
            "echt_email": [
                "lotte@telenet.be",
                "lotte@gmail.com",
                None,
                "jan.claes@x.be",
                "els@skynet.be",
                "test@test.be",
            ],
        }
    )
    return Oefenbestand(winkel, sleutel)


def test_merging_by_hand():
    b = mini_bestand()
    # K1+K2 only: 1 of the 2 duplicates found (50%), no wrong merge -> accepted
    r = controleer("01_dubbels_samenvoegen", pd.DataFrame({"klant_id": ["K1", "K2"], "groep": [1, 1]}), b)
    assert r.status == "juist", str(r)
    assert "vindt zo 1 van de 2 dubbels (50%); 0 samenvoegingen zijn fout. 1 dubbel blijft staan." in str(r)
    # K3+K5 are two different people: 1 of 2 groups is wrong (> 5%)
    fout = pd.DataFrame({"klant_id": ["K1", "K2", "K3", "K5"], "groep": [1, 1, 2, 2]})
    r = controleer("01_dubbels_samenvoegen", fout, b)
    assert (
        r.status == "fout"
        and "1 samenvoeging gooit twee verschillende klanten samen (van je 2 groepen)" in str(r)
    )
    r = controleer("01_dubbels_samenvoegen", pd.DataFrame({"klant_id": ["K5"], "groep": [1]}), b)
    assert r.status == "fout" and "Je vindt maar 0 van de 2 dubbels" in str(r)
    assert controleer("01_dubbels_samenvoegen", ["K1", "K2"], b).boodschap.startswith("Geef een tabel")


def test_emails_by_hand():
    b = mini_bestand()
    k = b.winkel.klanten
    # the typo in K2 is fixable, K3's placeholder has no real address behind it; the test card does not count
    hersteld = [
        "lotte@telenet.be",
        "lotte@gmail.com",
        None,
        "jan.claes@x.be",
        "els@skynet.be",
        "test@test.be",
    ]
    r = controleer("01_emails_opkuisen", pd.Series(hersteld), b)
    assert r.status == "juist" and "Van de 1 foute adressen die te redden waren, heb je er 1 hersteld" in str(
        r
    )
    leeg = ["lotte@telenet.be", None, None, "jan.claes@x.be", "els@skynet.be", "test@test.be"]
    r = controleer("01_emails_opkuisen", leeg, b)
    assert r.status == "juist" and "heb je er 0 hersteld; 1 klant bereik je voortaan niet meer" in str(r)
    r = controleer("01_emails_opkuisen", k["email"], b)
    assert r.status == "fout" and r.boodschap.startswith("2 adressen kunnen nog altijd niet bestaan")
    kapot = ["lotte@telenet.be", "lotte@gmail.com", None, None, "els@skynet.be", "test@test.be"]
    r = controleer("01_emails_opkuisen", kapot, b)
    assert r.status == "fout" and "1 adres dat al goed was (bv. 'jan.claes@x.be')" in str(r)
    assert "6 records" in controleer("01_emails_opkuisen", ["a@b.be"], b).boodschap


def test_newsletter_by_hand():
    b = mini_bestand()
    # the cleaned file keeps K1 (merged with K2, consent on both) and K3 (merged with K4: no consent on K4, so
    # no consent for the person), K5 prefers sms, K6 is a test card: only K1 may get the newsletter
    r = controleer("01_nieuwsbrief", ["K1"], b)
    assert r.status == "juist" and r.boodschap.startswith("Je nieuwsbrief gaat naar 1 klant,")
    assert controleer("01_nieuwsbrief", ["K1", "K2"], b).boodschap == (
        "1 van je 2 adressen staat er een tweede keer op: dezelfde klant, twee mails."
    )
    assert "gaf geen toestemming" in controleer("01_nieuwsbrief", ["K1", "K3"], b).boodschap
    assert "wil liever sms of post" in controleer("01_nieuwsbrief", ["K1", "K5"], b).boodschap
    assert "staat niet in het bestand" in controleer("01_nieuwsbrief", ["K9"], b).boodschap


def test_test_records_count_by_hand():
    b = mini_bestand()
    assert controleer("01_testrecords", 1, b).status == "juist"
    assert controleer("01_testrecords", 0, b).status == "fout"


@pytest.mark.parametrize(
    ("gegevens", "zegt"),
    [
        (
            {"schoenmaat": "advies", "allergie voor latex": "andere schoenen", "verjaardag": "een bon"},
            "gezondheid",
        ),
        ({"politieke voorkeur": "gesprek", "maat": "advies geven", "sport": "clubactie sturen"}, "politieke"),
        ({"Geloof": "kerstkaart", "maat": "advies geven", "sport": "clubactie sturen"}, "religie"),
        ({"maat": "advies geven", "sport": "clubactie sturen"}, "noem er minstens drie"),
        ({"maat": "advies geven", "sport": "clubactie sturen", "verjaardag": "..."}, "waarvoor"),
    ],
)
def test_own_fields_refused_with_the_reason(gegevens, zegt):
    r = controleer("01_eigen_gegevens", gegevens)
    assert r.status == "fout" and zegt in r.boodschap, str(r)


def test_own_fields_accepted_and_kept_in_the_plan():
    from helpers import plan

    gegevens = {
        "maat": "sneller advies geven",
        "sportclub": "acties per club",
        "verjaardag": "een bon sturen",
    }
    r = controleer("01_eigen_gegevens", gegevens)
    assert r.status == "juist" and "Je houdt 3 gegevens bij" in r.boodschap
    assert plan.lees()["01"]["gegevens"] == gegevens

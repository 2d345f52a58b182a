"""Realism of the customer-file defects (``vervuiling=True``): the rates of datasets/README.md, measured
independently of the generator and of helpers.kwaliteit, on full-size shops; and the defects touch only
the customer file, never a ticket.

Targets (datasets/README.md, "Fouten in het klantenbestand"): the same person twice 1-5% of persons;
invalid or placeholder e-mail 1-4% of filled e-mails; phone numbers in >= 3 forms, none above 70%;
missing or impossible postcode 0.5-2%; a handful of test records per shop; names with wrong capitals or
spaces 2-5% of persons.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd
import pytest

from helpers import geografie
from helpers.genereer import genereer_winkel_met_sleutel
from helpers.genereer.vervuiling import spellingvarianten, telefoonvorm
from helpers.schema import PROFIELEN

DOMEINEN = {"telenet.be", "skynet.be", "gmail.com", "hotmail.com", "outlook.be", "proximus.be"}
"""The domains the generator draws e-mail addresses from (identiteit._DOMEINEN)."""


@functools.cache
def vuil(profiel: str):
    return genereer_winkel_met_sleutel(profiel, vervuiling=True)


@functools.cache
def proper(profiel: str):
    return genereer_winkel_met_sleutel(profiel, vervuiling=False)


@pytest.fixture(params=PROFIELEN)
def profiel(request) -> str:
    return request.param


def _personen(sleutel: pd.DataFrame) -> int:
    return int((sleutel["zelfde_persoon_als"].isna() & ~sleutel["testrecord"]).sum())


def test_same_person_twice_for_1_to_5_percent_of_persons(profiel):
    _, sleutel = vuil(profiel)
    dubbel = sleutel["zelfde_persoon_als"].notna().sum()
    assert 0.01 <= dubbel / _personen(sleutel) <= 0.05
    # a duplicate points at a real, different record of the same latent customer
    rij = sleutel.set_index("klant_id")
    doel = rij.loc[rij["zelfde_persoon_als"].dropna()]
    assert doel["zelfde_persoon_als"].isna().all()
    assert (
        doel["klanttype"].to_numpy() == rij.loc[rij["zelfde_persoon_als"].notna(), "klanttype"].to_numpy()
    ).all()


def test_invalid_or_placeholder_emails_1_to_4_percent_of_filled(profiel):
    winkel, _ = vuil(profiel)
    email = winkel.klanten["email"].dropna().str.strip()
    vorm = email.str.fullmatch(r"[^@\s,]+@[^@\s,]+\.[a-z]{2,}")
    domein = email.str.rsplit("@", n=1).str[-1]
    lokaal = email.str.rsplit("@", n=1).str[0]
    plaatshouder = lokaal.isin(["geen", "nvt", "x", "a", "test", "demo"]) | email.isin(["geen", "-"])
    slecht = ~vorm | plaatshouder | ~domein.isin(DOMEINEN)
    assert 0.01 <= slecht.mean() <= 0.04


def test_phone_numbers_in_at_least_three_forms_none_above_70_percent(profiel):
    winkel, _ = vuil(profiel)
    vormen = (
        winkel.klanten["telefoon"].dropna().map(lambda t: re.sub(r"\d", "0", t)).value_counts(normalize=True)
    )
    assert len(vormen) >= 3
    assert vormen.max() <= 0.70
    # every number is still a Belgian mobile number: 10 digits starting with 04 after +32 / 0032
    cijfers = winkel.klanten["telefoon"].dropna().str.replace(r"\D", "", regex=True)
    cijfers = cijfers.str.replace(r"^(0032|32)", "0", regex=True)
    assert cijfers.str.fullmatch(r"04\d{8}").all()


def test_missing_or_impossible_postcode_half_to_two_percent(profiel):
    winkel, _ = vuil(profiel)
    echt = geografie.gemeenten().set_index("gemeente")["postcode"].astype(str)
    k = winkel.klanten
    fout = k["postcode"].isna() | (k["postcode"].astype(str) != k["gemeente"].astype(str).map(echt))
    assert 0.005 <= fout.mean() <= 0.02


def test_a_handful_of_test_records_and_the_shops_own_card_with_tickets(profiel):
    winkel, sleutel = vuil(profiel)
    test = sleutel.loc[sleutel["testrecord"], "klant_id"]
    assert 3 <= len(test) <= 8
    eigen = winkel.klanten[winkel.klanten["achternaam"] == winkel.naam]
    assert len(eigen) == 1 and eigen["klant_id"].iloc[0] in set(test)
    op_eigen_kaart = winkel.tickets["klant_id"] == eigen["klant_id"].iloc[0]
    assert op_eigen_kaart.sum() >= 10  # the staff scan the shop's card for customers without one


def test_wrong_capitals_or_spaces_in_2_to_5_percent_of_names(profiel):
    winkel, sleutel = vuil(profiel)
    k = winkel.klanten[~sleutel["testrecord"].to_numpy()]

    def verkeerd(namen: pd.Series) -> pd.Series:
        letters = namen.str.replace(r"[^A-Za-zÀ-ÿ]", "", regex=True)
        return (
            (namen != namen.str.strip()) | (letters == letters.str.upper()) | (letters == letters.str.lower())
        )

    assert 0.02 <= (verkeerd(k["voornaam"]) | verkeerd(k["achternaam"])).mean() <= 0.05


def test_the_defects_never_touch_a_ticket_and_each_ticket_keeps_its_person(profiel):
    winkel, sleutel = vuil(profiel)
    schoon, _ = proper(profiel)
    kolommen = [k for k in schoon.tickets.columns if k != "klant_id"]
    pd.testing.assert_frame_equal(winkel.tickets[kolommen], schoon.tickets[kolommen])
    for tabel in ("ticketlijnen", "producten", "acties"):
        pd.testing.assert_frame_equal(getattr(winkel, tabel), getattr(schoon, tabel))
    # the person behind every card ticket: a duplicate counts as its original record
    persoon = sleutel.set_index("klant_id")["zelfde_persoon_als"]
    persoon = persoon.where(persoon.notna(), persoon.index.to_series())
    test = set(sleutel.loc[sleutel["testrecord"], "klant_id"])
    vuil_persoon = winkel.tickets["klant_id"].map(persoon)
    op_test = winkel.tickets["klant_id"].isin(test)
    assert schoon.tickets.loc[op_test.to_numpy(), "klant_id"].isna().all()  # scanned on the shop's card
    paar = pd.DataFrame({"schoon": schoon.tickets["klant_id"], "vuil": vuil_persoon})[~op_test.to_numpy()]
    assert paar["schoon"].isna().equals(paar["vuil"].isna())
    paar = paar.dropna()
    assert paar.groupby("schoon")["vuil"].nunique().eq(1).all()
    assert paar.groupby("vuil")["schoon"].nunique().eq(1).all()


def test_the_truth_names_every_changed_value(profiel):
    winkel, sleutel = vuil(profiel)
    k = winkel.klanten
    gebreken = sleutel["gebreken"].fillna("")

    def anders(kolommen: dict[str, str]) -> np.ndarray:
        verschil = [
            k[kolom].fillna("<leeg>").to_numpy() != sleutel[echt].fillna("<leeg>").to_numpy()
            for kolom, echt in kolommen.items()
        ]
        return np.logical_or.reduce(verschil)

    for kolommen, code in (
        ({"voornaam": "echte_voornaam", "achternaam": "echte_achternaam"}, "naam_hoofdletters"),
        ({"email": "echt_email"}, "email_"),
        ({"telefoon": "echte_telefoon"}, "telefoon_vorm"),
        ({"postcode": "echte_postcode"}, "postcode_"),
    ):
        assert (anders(kolommen) == gebreken.str.contains(code).to_numpy()).all(), code
    # true phone numbers all in the one form 0470 12 34 56
    assert sleutel["echte_telefoon"].dropna().str.fullmatch(r"04\d\d \d\d \d\d \d\d").all()


def test_ids_follow_the_sign_up_order_and_stay_unique(profiel):
    winkel, sleutel = vuil(profiel)
    k = winkel.klanten
    assert k["klant_id"].is_unique and (sleutel["klant_id"].to_numpy() == k["klant_id"].to_numpy()).all()
    assert k["inschrijfdatum"].is_monotonic_increasing
    kaart = k.loc[k["klantenkaart"], "kaartnummer"]
    assert (
        kaart.is_unique
        and kaart.is_monotonic_increasing
        and k.loc[~k["klantenkaart"], "kaartnummer"].isna().all()
    )


def test_without_vervuiling_there_are_no_defects():
    winkel, sleutel = genereer_winkel_met_sleutel("schoenenzaak", 300, seed=4, vervuiling=False)
    assert "gebreken" not in sleutel.columns
    assert winkel.klanten["telefoon"].dropna().str.fullmatch(r"04\d\d \d\d \d\d \d\d").all()


def test_spelling_variants_by_hand():
    rng = np.random.default_rng(0)
    namen = pd.Series(["Peeters", "De Boeck", "Smedt", "Van den Broeck", "Jo"])
    uit = spellingvarianten(namen, rng)
    assert (uit != namen).all()
    assert uit.str.len().sub(namen.str.len()).abs().le(4).all()  # a variant, not another name


def test_phone_forms_by_hand():
    vormen = telefoonvorm(pd.Series(["0470 12 34 56"] * 7), np.arange(7)).tolist()
    assert vormen == [
        "0470 12 34 56", "0470123456", "0470/12.34.56", "+32 470 12 34 56", "+32470123456",
        "0470.12.34.56", "0032 470 12 34 56",
    ]  # fmt: skip


def test_the_data_dictionary_documents_the_truth_columns():
    from pathlib import Path

    from helpers.genereer.vervuiling import SLEUTELKOLOMMEN

    tekst = (Path(__file__).resolve().parents[1] / "datasets" / "README.md").read_text(encoding="utf-8")
    deel = tekst.split("#### Met de fouten in het klantenbestand", 1)[1].split("\n#", 1)[0]
    assert re.findall(r"^\| `([a-z_]+)` \|", deel, flags=re.M) == list(SLEUTELKOLOMMEN)

"""Datakwaliteit van het klantenbestand, getoetst op kleine gevallen die met de hand zijn nagerekend."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.controle import InvoerFout
from helpers.kwaliteit import kwaliteitsrapport, mogelijke_dubbels, volledigheid


@pytest.fixture
def klanten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "klant_id": ["K1", "K2", "K3", "K4", "K5"],
            "voornaam": ["An", "An", "Bart", "Els", "Jo"],
            "achternaam": ["Peeters", "peeters ", "Claes", "Janssens", "Wouters"],
            "geboortedatum": pd.to_datetime(["1980-05-01", "1980-05-01", "2020-01-01", None, "1950-03-03"]),
            "email": ["an@x.be", "an.p@x.be", "bart@x", None, "jo@x.be"],
            "telefoon": ["0470 11 22 33", None, "011 22 33 44", None, "0499 00 00 00"],
            "straat": ["Markt 1", "Markt 1", None, "Kerkstraat 5", "Stationsstraat 2"],
            "voorkeurkanaal": ["e-mail", "sms", "post", "e-mail", "geen"],
            "toestemming_marketing": [True, True, False, True, False],
            "toestemming_datum": pd.to_datetime(["2024-01-01", None, None, "2024-02-02", None]),
        }
    )


def test_rapport_telt_zoals_met_de_hand(klanten: pd.DataFrame) -> None:
    r = kwaliteitsrapport(klanten, peildatum="2025-12-31")
    # e-mail leeg: K4 -> 1; ongeldig: "bart@x" (geen domeinextensie) -> 1
    assert r.loc["email_ontbreekt", "aantal"] == 1
    assert r.loc["email_ongeldig", "aantal"] == 1
    # telefoon leeg: K2, K4
    assert r.loc["telefoon_ontbreekt", "aantal"] == 2
    # geboortedatum leeg: K4; leeftijd op 31/12/2025: K3 is 5 jaar (< 12) -> 1
    assert r.loc["geboortedatum_ontbreekt", "aantal"] == 1
    assert r.loc["leeftijd_onwaarschijnlijk", "aantal"] == 1
    # kanaal zonder gegevens: K2 sms zonder telefoon, K3 post zonder straat, K4 e-mail zonder adres
    assert r.loc["kanaal_zonder_gegevens", "aantal"] == 3
    # toestemming zonder datum: K2
    assert r.loc["toestemming_zonder_datum", "aantal"] == 1
    # dubbel: K1 en K2 (zelfde naam, hoofdletters/spaties tellen niet, zelfde geboortedatum)
    assert r.loc["mogelijke_dubbel", "aantal"] == 2
    assert r.loc["mogelijke_dubbel", "aandeel"] == pytest.approx(2 / 5)


def test_dubbels_per_groep(klanten: pd.DataFrame) -> None:
    extra = pd.DataFrame({"klant_id": ["K6"], "voornaam": ["Jos"], "achternaam": ["Wouters"],
                          "email": [" JO@x.be"], "geboortedatum": pd.to_datetime([None])})
    d = mogelijke_dubbels(pd.concat([klanten, extra], ignore_index=True))
    groepen = {frozenset(leden) for leden in d.groupby("groep")["klant_id"].apply(set)}
    assert groepen == {frozenset({"K1", "K2"}), frozenset({"K5", "K6"})}
    assert set(d["reden"]) == {"zelfde e-mailadres", "zelfde naam en geboortedatum"}


def test_volledigheid(klanten: pd.DataFrame) -> None:
    v = volledigheid(klanten)
    assert v.loc["telefoon", "ingevuld"] == 3
    assert v.loc["telefoon", "aandeel_ingevuld"] == pytest.approx(0.6)
    assert v.loc["klant_id", "aandeel_ingevuld"] == 1.0


def test_lege_invoer_en_ontbrekende_kolom() -> None:
    with pytest.raises(InvoerFout, match="leeg"):
        kwaliteitsrapport(pd.DataFrame({"email": []}))
    with pytest.raises(InvoerFout, match="'achternaam'"):
        mogelijke_dubbels(pd.DataFrame({"klant_id": ["K1"], "voornaam": ["An"]}))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["an", "bo", "cy"]), st.sampled_from(["a@x.be", "b@x.be", None])),
                min_size=1, max_size=30))
def test_dubbelgroepen_hebben_minstens_twee_leden(rijen: list[tuple[str, str | None]]) -> None:
    k = pd.DataFrame({"klant_id": [f"K{i}" for i in range(len(rijen))],
                      "voornaam": [r[0] for r in rijen], "achternaam": ["x"] * len(rijen),
                      "email": [r[1] for r in rijen]})
    d = mogelijke_dubbels(k)
    assert d["klant_id"].is_unique
    # oracle: elke klant met een e-mailadres dat vaker voorkomt, en alleen die
    tellingen = k["email"].value_counts()
    verwacht = set(k.loc[k["email"].map(tellingen).fillna(0) > 1, "klant_id"])
    assert set(d["klant_id"]) == verwacht
    r = kwaliteitsrapport(k)
    assert ((r["aandeel"] >= 0) & (r["aandeel"] <= 1)).all()


def test_kanaal_post_vraagt_het_volledige_adres_zoals_de_doellijst() -> None:
    # post needs street, postcode and municipality (helpers.acties.KANALEN): K2 has a street but no
    # postcode, so the mailing list leaves K2 out ("adres onvolledig") and the quality report counts K2
    from helpers.acties import doellijst

    k = pd.DataFrame({"klant_id": ["K1", "K2"], "voornaam": ["An", "Bo"], "achternaam": ["A", "B"],
                      "voorkeurkanaal": ["post", "post"], "toestemming_marketing": [True, True],
                      "email": [None, None], "telefoon": [None, None], "straat": ["Markt 1", "Veld 2"],
                      "postcode": ["2500", " "], "gemeente": ["Lier", "Lier"]})
    assert doellijst(k).weggelaten["klant_id"].tolist() == ["K2"]
    assert kwaliteitsrapport(k, peildatum="2025-12-31").loc["kanaal_zonder_gegevens", "aantal"] == 1


def test_leeftijd_in_volle_jaren_zoals_de_segmentatie() -> None:
    # on 2025-12-31 someone born 1925-12-30 is 100 (not above 100), born 1925-12-31 also 100, born
    # 1924-12-31 is 101 -> above; born 2013-12-31 is 12 (not under 12), born 2014-01-01 is 11 -> under
    k = pd.DataFrame({"geboortedatum": pd.to_datetime(
        ["1925-12-30", "1925-12-31", "1924-12-31", "2013-12-31", "2014-01-01"])})
    r = kwaliteitsrapport(k, peildatum="2025-12-31")
    assert r.loc["leeftijd_onwaarschijnlijk", "aantal"] == 2

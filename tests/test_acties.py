"""Tests for helpers.acties: target lists (property-based), campaign results and cross-sell."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from conftest import meegeleverde_winkel
from helpers.acties import (
    actieresultaten,
    clublijst,
    doellijst,
    klantjubileumlijst,
    kruisverkoop_kansen,
    kruisverkooplijst,
    opwaardeerkansen,
    regiolijst,
    rustende_klanten,
    uplift_test,
    verjaardagslijst,
    volgende_productlijn,
)
from helpers.controle import InvoerFout

CHANNELS = ["e-mail", "sms", "post", "geen", None]


def _klanten(n=4, **kolommen):
    basis = {
        "klant_id": [f"K{i}" for i in range(n)],
        "voornaam": ["An", "Bo", "Cas", "Dirk", "Els", "Fien"][:n],
        "toestemming_marketing": [True] * n,
        "voorkeurkanaal": ["e-mail"] * n,
        "email": [f"k{i}@voorbeeld.be" for i in range(n)],
        "telefoon": ["0470 00 00 00"] * n,
        "straat": ["Markt 1"] * n,
        "postcode": ["3500"] * n,
        "gemeente": ["Hasselt"] * n,
    }
    basis.update(kolommen)
    return pd.DataFrame(basis)


# ---------------------------------------------------------------- doellijst
klant_rows = st.lists(
    st.tuples(
        st.booleans(),
        st.sampled_from(CHANNELS),
        st.sampled_from(["x@voorbeeld.be", "", "  ", None]),
        st.sampled_from(["0470 11 22 33", "", None]),
        st.sampled_from(["Markt 1", None]),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=80, deadline=None)
@given(klant_rows, st.sampled_from(["e-mail", "sms", "post", None]))
def test_doellijst_never_lists_without_consent_or_wrong_channel(rows, kanaal):
    klanten = pd.DataFrame(
        {
            "klant_id": [f"K{i}" for i in range(len(rows))],
            "toestemming_marketing": [r[0] for r in rows],
            "voorkeurkanaal": pd.Categorical(
                [r[1] for r in rows], categories=["e-mail", "sms", "post", "geen"]
            ),
            "email": [r[2] for r in rows],
            "telefoon": [r[3] for r in rows],
            "straat": [r[4] for r in rows],
            "postcode": ["3500"] * len(rows),
            "gemeente": ["Hasselt"] * len(rows),
        }
    )
    lijst, weggelaten = doellijst(klanten, kanaal=kanaal)
    gekozen = klanten.set_index("klant_id").loc[lijst["klant_id"]]
    assert gekozen["toestemming_marketing"].all()
    assert (gekozen["voorkeurkanaal"].astype(str) == lijst["kanaal"].to_numpy()).all()
    assert not (lijst["kanaal"] == "geen").any()
    if kanaal is not None:
        assert (lijst["kanaal"] == kanaal).all()
    veld = {"e-mail": "email", "sms": "telefoon", "post": "straat"}
    for _, rij in lijst.iterrows():  # test oracle, row by row on purpose
        waarde = rij[veld[rij["kanaal"]]]
        assert isinstance(waarde, str) and waarde.strip()
    # nothing silently dropped: every customer is on exactly one of the two lists
    assert sorted([*lijst["klant_id"], *weggelaten["klant_id"]]) == sorted(klanten["klant_id"])
    assert weggelaten["reden"].str.len().gt(0).all()


def test_doellijst_reasons_in_order():
    klanten = _klanten(
        6,
        toestemming_marketing=[False, True, True, True, True, True],
        voorkeurkanaal=["e-mail", "geen", None, "sms", "e-mail", "e-mail"],
        email=["a@b.be", "a@b.be", "a@b.be", "a@b.be", None, "f@b.be"],
    )
    lijst, weg = doellijst(klanten, kanaal="e-mail")
    assert lijst["klant_id"].tolist() == ["K5"]
    assert weg.set_index("klant_id")["reden"].to_dict() == {
        "K0": "geen toestemming voor marketing",
        "K1": "wil geen marketing (voorkeurkanaal 'geen')",
        "K2": "voorkeurkanaal onbekend",
        "K3": "verkiest een ander kanaal (sms)",
        "K4": "e-mailadres ontbreekt",
    }
    assert list(weg.columns) == ["klant_id", "voornaam", "reden"]


def test_doellijst_own_channel_per_customer():
    klanten = _klanten(3, voorkeurkanaal=["e-mail", "sms", "post"], telefoon=["0470", None, None])
    lijst, weg = doellijst(klanten)
    assert lijst[["klant_id", "kanaal"]].values.tolist() == [["K0", "e-mail"], ["K2", "post"]]
    assert weg["reden"].tolist() == ["telefoonnummer ontbreekt"]


def _contacten(rows):
    return pd.DataFrame(
        rows,
        columns=["actie_id", "klant_id", "groep", "verzonden", "geopend", "ingewisseld", "uitgeschreven"],
    )


def test_doellijst_rest_and_unsubscribed():
    klanten = _klanten(5)
    acties = pd.DataFrame(
        {
            "actie_id": ["A3", "A1", "A2"],
            "startdatum": pd.to_datetime(["2025-03-01", "2025-01-01", "2025-02-01"]),
        }
    )
    d, c = "doelgroep", "controle"
    contacten = _contacten(
        [
            # K0 ignored A1, A2, A3 (its last three) -> rest
            ("A1", "K0", d, True, False, False, False),
            ("A2", "K0", d, True, False, False, False),
            ("A3", "K0", d, True, False, False, False),
            # K1 opened the oldest (A1) only, ignored A2 and A3: with N=2 rest, with N=3 not
            ("A1", "K1", d, True, True, False, False),
            ("A2", "K1", d, True, False, False, False),
            ("A3", "K1", d, True, False, False, False),
            # K2 redeemed the newest (A3): stays
            ("A1", "K2", d, True, False, False, False),
            ("A2", "K2", d, True, False, False, False),
            ("A3", "K2", d, True, False, True, False),
            # K3 unsubscribed
            ("A1", "K3", d, True, True, False, True),
            # K4 was control in all three: never received anything -> stays
            ("A1", "K4", c, False, False, False, False),
            ("A2", "K4", c, False, False, False, False),
            ("A3", "K4", c, False, False, False, False),
        ]
    )
    lijst, weg = doellijst(klanten, "e-mail", contacten, acties, laat_rusten_na=3)
    assert lijst["klant_id"].tolist() == ["K1", "K2", "K4"]
    redenen = weg.set_index("klant_id")["reden"]
    assert redenen["K0"].startswith("laat even rusten")
    assert redenen["K3"] == "uitgeschreven bij een eerdere actie"
    lijst2, _ = doellijst(klanten, "e-mail", contacten, acties, laat_rusten_na=2)
    assert lijst2["klant_id"].tolist() == ["K2", "K4"]
    lijst0, _ = doellijst(klanten, "e-mail", contacten, acties, laat_rusten_na=None)
    assert lijst0["klant_id"].tolist() == ["K0", "K1", "K2", "K4"]
    # the order comes from startdatum: make A1 the newest campaign, then K1 opened its newest -> stays
    omgekeerd = acties.assign(startdatum=pd.to_datetime(["2025-01-01", "2025-04-01", "2025-02-01"]))
    lijst3, _ = doellijst(klanten, "e-mail", contacten, omgekeerd, laat_rusten_na=2)
    assert "K1" in lijst3["klant_id"].tolist()


def test_rest_is_for_a_while_not_forever():
    klanten = _klanten(3)
    acties = pd.DataFrame(
        {
            "actie_id": ["A1", "A2", "A3"],
            "startdatum": pd.to_datetime(["2025-01-01", "2025-03-01", "2025-05-01"]),
            "einddatum": pd.to_datetime(["2025-01-31", "2025-03-31", None]),
        }
    )
    d = "doelgroep"
    contacten = _contacten(
        [
            # K0 ignored A1 and A2 (ends 31 March): with 90 days of rest, it rests up to and including 29 June
            ("A1", "K0", d, True, False, False, False),
            ("A2", "K0", d, True, False, False, False),
            # K1 ignored A3, which has no end date: the rest counts from its start (1 May) -> 30 July
            ("A1", "K1", d, True, True, False, False),
            ("A3", "K1", d, True, False, False, False),
            # K2 opened A2: not resting
            ("A2", "K2", d, True, True, False, False),
        ]
    )

    def op(peildatum, **regels):
        uit = doellijst(
            klanten,
            "e-mail",
            contacten,
            acties,
            laat_rusten_na=regels.pop("n", 2),
            rust_dagen=regels.pop("rust_dagen", 90),
            peildatum=peildatum,
        )
        return uit.lijst["klant_id"].tolist()

    assert op(pd.Timestamp("2025-06-29")) == ["K1", "K2"]  # K1 ignored only 1 of its last 2
    assert op(pd.Timestamp("2025-06-30")) == ["K0", "K1", "K2"]  # K0's rest is over
    assert op(pd.Timestamp("2025-06-30"), n=1) == ["K0", "K2"]  # K1 rests after one ignored, to 30 July
    assert op(pd.Timestamp("2025-07-31"), n=1) == ["K0", "K1", "K2"]
    assert op(pd.Timestamp("2030-01-01"), rust_dagen=None) == ["K1", "K2"]  # rest without an end
    # without a peildatum: the last day of the newest campaign (A3 has no end: its start, 1 May) -> K0 rests
    standaard = doellijst(klanten, "e-mail", contacten, acties, laat_rusten_na=2)
    assert standaard.lijst["klant_id"].tolist() == ["K1", "K2"]
    # without dates (no `acties`), a rest cannot run out
    later = pd.Timestamp("2030-01-01")
    zonder = doellijst(klanten, "e-mail", contacten, None, laat_rusten_na=2, peildatum=later)
    assert zonder.lijst["klant_id"].tolist() == ["K1", "K2"]

    rust = rustende_klanten(contacten, acties, pd.Timestamp("2025-06-30"), laat_rusten_na=1, rust_dagen=90)
    assert rust.set_index("klant_id")[["laatste_actie", "rust"]].to_dict("index") == {
        "K0": {"laatste_actie": "A2", "rust": False},
        "K1": {"laatste_actie": "A3", "rust": True},
    }
    assert rust.set_index("klant_id")["rust_tot"].dt.strftime("%Y-%m-%d").to_dict() == {
        "K0": "2025-06-29",
        "K1": "2025-07-30",
    }
    with pytest.raises(InvoerFout, match="rust_dagen"):
        rustende_klanten(contacten, acties, rust_dagen=-1)
    with pytest.raises(InvoerFout, match="minstens 1"):
        rustende_klanten(contacten, acties, laat_rusten_na=0)


def test_doellijst_errors():
    klanten = _klanten(2)
    with pytest.raises(InvoerFout, match="Onbekend kanaal"):
        doellijst(klanten, kanaal="fax")
    with pytest.raises(InvoerFout, match="mist de kolom 'email'"):
        doellijst(klanten.drop(columns="email"), kanaal="e-mail")
    with pytest.raises(InvoerFout, match="leeg"):
        doellijst(klanten.iloc[:0])
    with pytest.raises(InvoerFout, match="waar/onwaar"):
        doellijst(klanten.assign(toestemming_marketing="ja"))
    contacten = _contacten([("A9", "K0", "doelgroep", True, False, False, False)])
    with pytest.raises(InvoerFout, match="A9"):
        doellijst(
            klanten,
            actiecontacten=contacten,
            acties=pd.DataFrame({"actie_id": ["A1"], "startdatum": [pd.NaT]}),
        )


# ---------------------------------------------------------------- selection lists
def test_verjaardagslijst_with_consent_and_unknown_birthdays():
    klanten = _klanten(
        4,
        geboortedatum=pd.to_datetime(["1984-02-29", "1990-02-03", None, "1975-03-01"]),
        toestemming_marketing=[True, False, True, True],
    )
    lijst, weg = verjaardagslijst(klanten, maand=2, jaar=2025)
    # K0 (29 Feb 1984) turns 41 in 2025; K1 was born in February but gave no consent
    assert lijst[["klant_id", "dag", "leeftijd"]].values.tolist() == [["K0", 29, 41]]
    assert weg.set_index("klant_id")["reden"].to_dict() == {
        "K1": "geen toestemming voor marketing",
        "K2": "geboortedatum onbekend",
    }
    with pytest.raises(InvoerFout, match="maand"):
        verjaardagslijst(klanten, maand=13)
    with pytest.raises(InvoerFout, match="datums"):
        verjaardagslijst(klanten.assign(geboortedatum="1990-01-01"), maand=1)


def test_verjaardagslijst_forwards_rules_and_may_be_empty():
    klanten = _klanten(
        2, geboortedatum=pd.to_datetime(["1980-05-01", "1981-05-02"]), voorkeurkanaal=["sms", "e-mail"]
    )
    lijst, weg = verjaardagslijst(klanten, maand=5, kanaal="sms")
    assert lijst["klant_id"].tolist() == ["K0"]
    assert weg["reden"].tolist() == ["verkiest een ander kanaal (e-mail)"]
    leeg, niemand = verjaardagslijst(klanten, maand=7)
    assert leeg.empty and niemand.empty


def test_klantjubileumlijst():
    klanten = _klanten(
        4, inschrijfdatum=pd.to_datetime(["2015-06-30", "2024-06-01", "2025-06-10", "2020-07-01"])
    )
    lijst, _ = klantjubileumlijst(klanten, maand=6, jaar=2025)
    # 2025 sign-ups are not an anniversary yet; K3 signed up in July
    assert lijst[["klant_id", "jaren"]].values.tolist() == [["K0", 10], ["K1", 1]]


def test_clublijst_and_regiolijst():
    klanten = _klanten(
        4,
        sportclub=["KRC Genk", " krc genk", None, "Hasselt Atletiek"],
        gemeente=["Genk", "Hasselt", "Hasselt", "Diepenbeek"],
        afstand_km=[15.0, 2.0, None, 6.0],
    )
    assert clublijst(klanten, "KRC GENK").lijst["klant_id"].tolist() == ["K0", "K1"]
    assert clublijst(klanten, ["krc genk", "hasselt atletiek"]).lijst["klant_id"].tolist() == [
        "K0",
        "K1",
        "K3",
    ]
    lijst, weg = regiolijst(klanten, max_afstand_km=10)
    assert lijst["klant_id"].tolist() == ["K1", "K3"]  # nearest first
    assert weg[["klant_id", "reden"]].values.tolist() == [["K2", "afstand onbekend"]]
    # both criteria: in Hasselt AND within 10 km
    assert regiolijst(klanten, gemeenten=["hasselt"], max_afstand_km=10).lijst["klant_id"].tolist() == ["K1"]
    with pytest.raises(InvoerFout, match="allebei"):
        regiolijst(klanten)
    with pytest.raises(InvoerFout, match="clubnaam"):
        clublijst(klanten, [])


# ---------------------------------------------------------------- uplift test
def test_uplift_test_hand_computed_and_against_scipy():
    uit = uplift_test(60, 1000, 40, 1000)
    # p1 = 0.06, p2 = 0.04, pooled 0.05: se0 = sqrt(0.05 * 0.95 * 2/1000) = 0.0097468; z = 0.02 / se0 = 2.0520
    assert uit["uplift"] == pytest.approx(0.02)
    assert uit["z"] == pytest.approx(0.02 / np.sqrt(0.05 * 0.95 * 0.002))
    assert uit["p_waarde"] == pytest.approx(2 * stats.norm.sf(uit["z"]))
    # Newcombe's hybrid score interval from the two Wilson intervals, by hand (z = 1.959964):
    # Wilson(60, 1000) = [0.046896, 0.076471], Wilson(40, 1000) = [0.029511, 0.054010]
    z = 1.959964

    def wilson(x, n):
        midden, marge = (x + z**2 / 2) / (n + z**2), z / (n + z**2) * np.sqrt(x * (n - x) / n + z**2 / 4)
        return midden - marge, midden + marge

    (l1, u1), (l2, u2) = wilson(60, 1000), wilson(40, 1000)
    assert (l1, u1, l2, u2) == pytest.approx((0.046896, 0.076471, 0.029511, 0.054010), abs=1e-6)
    onder = 0.02 - np.sqrt((0.06 - l1) ** 2 + (u2 - 0.04) ** 2)
    boven = 0.02 + np.sqrt((u1 - 0.06) ** 2 + (0.04 - l2) ** 2)
    assert (uit["ondergrens"], uit["bovengrens"]) == pytest.approx((onder, boven), rel=1e-6)


def test_uplift_interval_is_honest_for_tiny_groups():
    # 0/2 against 0/2: the Wald interval was [0, 0]; Wilson(0, 2) = [0, z^2 / (2 + z^2)] = [0, 0.65762]
    uit = uplift_test(0, 2, 0, 2)
    breedte = 1.959964**2 / (2 + 1.959964**2)
    assert (uit["ondergrens"], uit["bovengrens"]) == pytest.approx((-breedte, breedte), rel=1e-6)
    assert np.isnan(uit["z"]) and uit["uplift"] == 0


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.data())
def test_uplift_z_squared_equals_chi2(n1, n2, data):
    x1 = data.draw(st.integers(0, n1))
    x2 = data.draw(st.integers(0, n2))
    if x1 + x2 in (0, n1 + n2):
        return  # a zero column: no test possible
    uit = uplift_test(x1, n1, x2, n2)
    chi = stats.chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=False)
    assert uit["z"] ** 2 == pytest.approx(chi.statistic, rel=1e-9)
    assert uit["p_waarde"] == pytest.approx(chi.pvalue, rel=1e-6, abs=1e-12)


def test_uplift_errors():
    with pytest.raises(InvoerFout, match="meer conversies"):
        uplift_test(11, 10, 1, 10)
    with pytest.raises(InvoerFout, match="leeg"):
        uplift_test(0, 0, 1, 10)
    with pytest.raises(InvoerFout, match="geheel aantal"):
        uplift_test(1.5, 10, 1, 10)


# ---------------------------------------------------------------- campaign results
def test_actieresultaten_hand_computed():
    acties = pd.DataFrame(
        {
            "actie_id": ["A1", "A2"],
            "naam": ["Lentebon", "Stille actie"],
            "startdatum": pd.to_datetime(["2025-03-01", "2025-05-01"]),
            "einddatum": pd.to_datetime(["2025-03-10", "2025-05-31"]),
            "kost_per_contact": [0.5, 1.0],
            "vaste_kost": [100.0, 0.0],
        }
    )
    d, c = "doelgroep", "controle"
    contacten = _contacten(
        [
            ("A1", "K1", d, True, True, True, False),
            ("A1", "K2", d, True, True, False, False),
            ("A1", "K3", d, True, False, False, True),
            ("A1", "K4", d, True, False, False, False),
            ("A1", "K9", d, False, False, False, False),  # bounced: not sent, not counted
            ("A1", "K5", c, False, False, False, False),
            ("A1", "K6", c, False, False, False, False),
        ]
    )
    tickets = pd.DataFrame(
        {
            "klant_id": ["K1", "K2", "K5", "K3", "K6", None],
            "datum": pd.to_datetime(
                ["2025-03-05", "2025-03-10 18:00", "2025-03-02", "2025-03-11", "2025-03-04", "2025-03-05"],
                format="ISO8601",
            ),
            "bedrag": [70.0, 20.0, 15.0, 30.0, -10.0, 50.0],
            "actie_id": ["A1", None, None, None, None, None],
        }
    )
    r = actieresultaten(acties, contacten, tickets)
    a1 = r.loc["A1"]
    # sent 4: opened 2, redeemed 1, unsubscribed 1
    assert (a1["verzonden"], a1["geopend"], a1["ingewisseld"], a1["uitgeschreven"]) == (4, 2, 1, 1)
    assert (a1["opengraad"], a1["conversie"], a1["uitschrijfgraad"]) == pytest.approx((0.5, 0.25, 0.25))
    # cost 100 + 0.5 * 4 = 102, one conversion
    assert (a1["kost"], a1["kost_per_conversie"]) == pytest.approx((102.0, 102.0))
    assert a1["omzet"] == pytest.approx(70.0)
    assert a1["omzet_per_euro"] == pytest.approx(70 / 102)
    # buyers during 1-10 March: target K1, K2 (K3 bought on the 11th) -> 2/4;
    # control K5 (K6 only has a return) -> 1/2. Equal rates: uplift 0, z 0, p-value 1
    assert (a1["koopgraad_doel"], a1["koopgraad_controle"], a1["n_controle"]) == pytest.approx((0.5, 0.5, 2))
    assert (a1["uplift"], a1["z"], a1["p_waarde"]) == pytest.approx((0.0, 0.0, 1.0))
    assert (a1["ondergrens"], a1["bovengrens"]) == pytest.approx(
        (uplift_test(2, 4, 1, 2)["ondergrens"], uplift_test(2, 4, 1, 2)["bovengrens"])
    )
    # net spending during 1-10 March: target K1 70, K2 20, K3 0 (the 11th), K4 0 -> 22.5 per customer;
    # control K5 15, K6 -10 (a return counts) -> 2.5. Extra revenue (22.5 - 2.5) * 4 sent = 80 on a
    # cost of 102; the redeemed vouchers alone (70) would claim 70 / 102
    assert (a1["omzet_per_klant_doel"], a1["omzet_per_klant_controle"]) == pytest.approx((22.5, 2.5))
    assert (a1["extra_omzet"], a1["extra_omzet_per_euro"]) == pytest.approx((80.0, 80 / 102))
    # A2 has no contacts: zero reach, cost 0, no rates
    a2 = r.loc["A2"]
    assert a2["verzonden"] == 0 and a2["kost"] == 0
    assert np.isnan(a2["conversie"]) and np.isnan(a2["uplift"])
    assert r.loc["A1", "naam"] == "Lentebon"


def test_actieresultaten_without_tickets_and_errors():
    acties = pd.DataFrame({"actie_id": ["A1"], "kost_per_contact": [1.0], "vaste_kost": [0.0]})
    contacten = _contacten([("A1", "K1", "doelgroep", True, False, False, False)])
    r = actieresultaten(acties, contacten)
    assert r.loc["A1", "kost"] == 1.0
    assert np.isnan(r.loc["A1", "kost_per_conversie"]) and np.isnan(r.loc["A1", "uplift"])
    with pytest.raises(InvoerFout, match="mist de kolom 'groep'"):
        actieresultaten(acties, contacten.drop(columns="groep"))
    with pytest.raises(InvoerFout, match="ontbrekende"):
        actieresultaten(acties.assign(vaste_kost=np.nan), contacten)
    with pytest.raises(InvoerFout, match="'A1' staat meer dan eens in 'acties'"):
        actieresultaten(pd.concat([acties, acties], ignore_index=True), contacten)


# ---------------------------------------------------------------- cross-sell
def _shop():
    tickets = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"],
            "klant_id": ["A", "A", "A", "B", "B", "C", None, "A"],
            "datum": pd.to_datetime(
                [
                    "2025-01-01 10:00",
                    "2025-01-01 15:00",
                    "2025-02-01",
                    "2025-01-05",
                    "2025-03-01",
                    "2025-01-09",
                    "2025-01-10",
                    "2025-02-03",
                ],
                format="ISO8601",
            ),
            "bedrag": [50.0, 20.0, 30.0, 60.0, 25.0, 40.0, 99.0, -30.0],
        }
    )
    lijnen = pd.DataFrame(
        {
            "ticket_id": ["T1", "T2", "T3", "T4", "T4", "T5", "T6", "T7", "T8"],
            "product_id": ["schoen", "sok", "jas", "schoen", "sok", "sok", "schoen", "jas", "jas"],
            "aantal": [1, 2, 1, 1, 1, 1, 1, 1, -1],
        }
    )
    producten = pd.DataFrame(
        {"product_id": ["schoen", "sok", "jas"], "productlijn": ["schoenen", "sokken", "jassen"]}
    )
    return tickets, lijnen, producten


def _transitions_oracle(tickets, lijnen, producten):
    """Straightforward second implementation with Python dicts."""
    lijn_van = dict(zip(producten["product_id"], producten["productlijn"], strict=True))
    per_dag: dict[tuple[str, pd.Timestamp], set[str]] = {}
    for t in tickets.itertuples():
        if pd.isna(t.klant_id) or t.bedrag <= 0:
            continue
        for regel in lijnen[lijnen["ticket_id"] == t.ticket_id].itertuples():
            if regel.aantal > 0:
                per_dag.setdefault((t.klant_id, t.datum.normalize()), set()).add(lijn_van[regel.product_id])
    counts: Counter = Counter()
    for klant in {k for k, _ in per_dag}:
        dagen = sorted(d for k, d in per_dag if k == klant)
        for eerder, later in pairwise(dagen):
            for x in per_dag[(klant, eerder)]:
                for y in per_dag[(klant, later)]:
                    counts[(x, y)] += 1
    return counts


def test_volgende_productlijn_against_python_oracle():
    tickets, lijnen, producten = _shop()
    ov = volgende_productlijn(tickets, lijnen, producten)
    oracle = _transitions_oracle(tickets, lijnen, producten)
    # A: day 1 {schoenen, sokken} -> day 2 {jassen}; B: {schoenen, sokken} -> {sokken}; C: one day only
    assert oracle == {
        ("schoenen", "jassen"): 1,
        ("sokken", "jassen"): 1,
        ("schoenen", "sokken"): 1,
        ("sokken", "sokken"): 1,
    }
    for (x, y), n in oracle.items():
        assert ov.aantallen.loc[x, y] == n
    assert ov.aantallen.to_numpy().sum() == sum(oracle.values())
    assert ov.aandelen.loc["schoenen", "jassen"] == pytest.approx(0.5)
    assert ov.aandelen.loc[["schoenen", "sokken"]].sum(axis=1).tolist() == pytest.approx([1, 1])
    assert ov.aandelen.loc["jassen"].isna().all()  # nothing bought after a jassen day


def test_volgende_productlijn_empty_text_customer_is_anonymous():
    # a till that writes "" instead of leaving klant_id empty: those tickets are anonymous
    # (helpers.rfm.anonieme_tickets), so two such purchase days are not one customer's sequence
    tickets, lijnen, producten = _shop()
    extra = pd.DataFrame(
        {"ticket_id": ["T9", "T10"], "klant_id": ["", ""], "bedrag": [70.0, 15.0],
         "datum": pd.to_datetime(["2025-01-02", "2025-01-03"])}
    )  # fmt: skip
    met_leeg = pd.concat([tickets, extra], ignore_index=True)
    lijnen_leeg = pd.concat(
        [lijnen, pd.DataFrame({"ticket_id": ["T9", "T10"], "product_id": ["jas", "jas"], "aantal": [1, 1]})],
        ignore_index=True,
    )
    verwacht = volgende_productlijn(tickets, lijnen, producten).aantallen
    pd.testing.assert_frame_equal(volgende_productlijn(met_leeg, lijnen_leeg, producten).aantallen, verwacht)
    # the oracle (which only knows NA as anonymous) agrees once "" is written as NA: 4 transitions
    assert verwacht.to_numpy().sum() == 4


def test_kruisverkoop_kansen():
    tickets, lijnen, producten = _shop()
    kansen = kruisverkoop_kansen(tickets, lijnen, producten, min_aandeel=0.5, min_aantal=1, min_lift=1)
    # common pairs (share >= 0.5): schoenen->jassen, schoenen->sokken, sokken->jassen
    # A bought all three lines: nothing new. B bought schoenen, sokken, never jassen -> 2 suggestions (from
    # schoenen and from sokken). C bought schoenen only -> jassen and sokken.
    paren = set(map(tuple, kansen[["klant_id", "heeft_gekocht", "nog_nooit"]].values.tolist()))
    assert paren == {
        ("B", "schoenen", "jassen"),
        ("B", "sokken", "jassen"),
        ("C", "schoenen", "jassen"),
        ("C", "schoenen", "sokken"),
    }
    assert kansen["aandeel"].is_monotonic_decreasing
    # lift: every row has shares 0.5 / 0.5 and jassen and sokken each get 2 of the 4 transitions -> 1.0
    assert kansen["lift"].tolist() == pytest.approx([1.0] * 4)
    assert kruisverkoop_kansen(tickets, lijnen, producten, min_aantal=1, min_lift=1.01).empty
    assert kruisverkoop_kansen(tickets, lijnen, producten, min_aantal=2).empty
    with pytest.raises(InvoerFout, match="min_aandeel"):
        kruisverkoop_kansen(tickets, lijnen, producten, min_aandeel=5)
    with pytest.raises(InvoerFout, match="mist de kolom 'productlijn'"):
        volgende_productlijn(tickets, lijnen, producten.drop(columns="productlijn"))


def test_kruisverkoop_lift_hand_computed():
    # one product per line; each customer buys one line per day, on consecutive days
    reeksen = {
        "P": ["schoenen", "sokken"],
        "Q": ["schoenen", "sokken"],
        "R": ["jassen", "jassen"],
        "S": ["jassen", "schoenen"],
    }
    rijen = [
        (f"{k}{i}", k, pd.Timestamp("2025-01-01") + pd.Timedelta(days=i), lijn)
        for k, lijnen in reeksen.items()
        for i, lijn in enumerate(lijnen)
    ]
    tickets = pd.DataFrame(
        {
            "ticket_id": [r[0] for r in rijen],
            "klant_id": [r[1] for r in rijen],
            "datum": [r[2] for r in rijen],
            "bedrag": 10.0,
        }
    )
    lijnen = pd.DataFrame(
        {"ticket_id": tickets["ticket_id"], "product_id": [r[3] for r in rijen], "aantal": 1}
    )
    producten = pd.DataFrame(
        {"product_id": ["schoenen", "sokken", "jassen"], "productlijn": ["schoenen", "sokken", "jassen"]}
    )
    kansen = kruisverkoop_kansen(tickets, lijnen, producten, min_aandeel=0, min_aantal=1, min_lift=1.5)
    # transitions: schoenen->sokken 2, jassen->jassen 1, jassen->schoenen 1 (4 in all)
    # base shares of the next line: sokken 2/4, jassen 1/4, schoenen 1/4
    # schoenen->sokken: share 2/2 = 1 -> lift 1 / 0.5 = 2; jassen->schoenen: share 1/2 -> lift 0.5 / 0.25 = 2
    # S bought schoenen but never sokken; R bought jassen but never schoenen
    assert kansen[["klant_id", "heeft_gekocht", "nog_nooit", "aandeel", "lift"]].values.tolist() == [
        ["S", "schoenen", "sokken", 1.0, 2.0],
        ["R", "jassen", "schoenen", 0.5, 2.0],
    ]


# ---------------------------------------------------------------- smoke test on the shipped shops
def test_shipped_shops_lists_and_results(winkel):
    k = winkel.klanten
    lijst, weg = doellijst(k, actiecontacten=winkel.actiecontacten, acties=winkel.acties)
    assert len(lijst) > 100 and len(lijst) + len(weg) == len(k)
    assert k.set_index("klant_id").loc[lijst["klant_id"], "toestemming_marketing"].all()
    assert (
        k.set_index("klant_id").loc[lijst["klant_id"], "voorkeurkanaal"].astype(str).to_numpy()
        == lijst["kanaal"].to_numpy()
    ).all()
    for kanaal in ("e-mail", "sms", "post"):
        assert (doellijst(k, kanaal=kanaal).lijst["kanaal"] == kanaal).all()
    assert sum(len(verjaardagslijst(k, maand).lijst) for maand in range(1, 13)) > 100
    assert len(regiolijst(k, max_afstand_km=15).lijst) > 0
    r = actieresultaten(winkel.acties, winkel.actiecontacten, winkel.tickets)
    assert len(r) == len(winkel.acties)
    for graad in ("opengraad", "conversie", "uitschrijfgraad", "koopgraad_doel"):
        assert r[graad].dropna().between(0, 1).all()
    assert r["verzonden"].sum() > 0 and r["omzet"].sum() > 0
    ov = volgende_productlijn(winkel.tickets, winkel.ticketlijnen, winkel.producten)
    assert ov.aandelen.sum(axis=1).to_numpy() == pytest.approx(1)
    kansen = kruisverkoop_kansen(winkel.tickets, winkel.ticketlijnen, winkel.producten)
    assert (kansen["heeft_gekocht"] != kansen["nog_nooit"]).all()


# ---------------------------------------------------------------- cross-sell list and up-sell
def test_kruisverkooplijst_goes_through_doellijst():
    klanten = _klanten(
        4, toestemming_marketing=[True, False, True, True], voorkeurkanaal=["e-mail"] * 3 + ["sms"]
    )
    kansen = pd.DataFrame(
        {
            "klant_id": ["K0", "K1", "K3", "K2"],
            "heeft_gekocht": ["schoenen", "schoenen", "schoenen", "jassen"],
            "nog_nooit": ["sokken", "sokken", "sokken", "sokken"],
            "aandeel": [0.4, 0.4, 0.4, 0.3],
            "lift": [1.6, 1.6, 1.6, 1.2],
            "aantal": [25, 25, 25, 12],
        }
    )
    uit = kruisverkooplijst(klanten, kansen, "schoenen", "sokken", kanaal="e-mail")
    # K0 stays; K1 gave no consent; K3 prefers sms; K2 bought another line (not a candidate for this pair)
    assert uit.lijst[["klant_id", "heeft_gekocht", "nog_nooit", "lift"]].values.tolist() == [
        ["K0", "schoenen", "sokken", 1.6]
    ]
    assert uit.weggelaten.set_index("klant_id")["reden"].to_dict() == {
        "K1": "geen toestemming voor marketing",
        "K3": "verkiest een ander kanaal (sms)",
    }
    with pytest.raises(InvoerFout, match="Sterkste paren: schoenen → sokken, jassen → sokken"):
        kruisverkooplijst(klanten, kansen, "sokken", "schoenen")


def test_opwaardeerkansen_by_hand():
    # line 'loop': P1 40 (instap), P2 80 (midden), P3 120 (top); line 'sok': S1 5 (instap), S2 9 (midden)
    producten = pd.DataFrame(
        {
            "product_id": ["P1", "P2", "P3", "S1", "S2"],
            "productlijn": ["loop", "loop", "loop", "sok", "sok"],
            "catalogusprijs": [40.0, 80.0, 120.0, 5.0, 9.0],
        }
    )
    rijen = [  # (ticket, customer, day, product, quantity)
        ("T1", "K1", "2025-01-05", "P1", 1), ("T2", "K1", "2025-03-01", "P1", 1),  # K1: instap twice
        ("T3", "K2", "2025-01-10", "P1", 1), ("T4", "K2", "2025-04-01", "P3", 1),  # K2: instap, then top
        ("T5", "K3", "2025-02-01", "P1", 1), ("T6", "K3", "2025-02-20", "P1", 1),  # K3: instap twice
        ("T7", "K4", "2025-02-01", "P2", 1), ("T8", "K4", "2025-05-01", "P2", 1),  # K4: midden
        ("T9", "K5", "2025-02-01", "P1", 1),  # K5: once
        ("T10", None, "2025-02-01", "P1", 1), ("T11", None, "2025-03-01", "P1", 1),  # anonymous
        ("T12", "K4", "2025-06-01", "S1", 1), ("T13", "K4", "2025-07-01", "S1", 1),  # K4: sok instap twice
        ("T14", "K4", "2025-07-05", "P3", -1),  # a return line does not count as buying 'top'
    ]  # fmt: skip
    tickets = pd.DataFrame(
        {
            "ticket_id": [r[0] for r in rijen],
            "klant_id": [r[1] for r in rijen],
            "datum": pd.to_datetime([r[2] for r in rijen]),
            "bedrag": [50.0 if r[4] > 0 else -120.0 for r in rijen],
        }
    )
    lijnen = pd.DataFrame({"ticket_id": tickets["ticket_id"], "product_id": [r[3] for r in rijen],
                           "aantal": [r[4] for r in rijen]})  # fmt: skip
    uit = opwaardeerkansen(tickets, lijnen, producten)
    # loop: began with instap and came back: K1 (stayed), K2 (went up), K3 (stayed) -> overstap 1/3
    # sok: K4 began with instap, came back, stayed -> overstap 0
    assert uit[["klant_id", "productlijn", "aankoopdagen"]].values.tolist() == [
        ["K1", "loop", 2], ["K3", "loop", 2], ["K4", "sok", 2],
    ]  # fmt: skip
    assert uit["overstap"].tolist() == pytest.approx([1 / 3, 1 / 3, 0.0])
    assert uit["gemiddelde_prijs"].tolist() == pytest.approx([40.0, 40.0, 5.0])
    assert len(opwaardeerkansen(tickets, lijnen, producten, min_aankoopdagen=3)) == 0


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 400), st.integers(0, 400), st.integers(-200, 800))
def test_a_longer_rest_never_frees_anyone(kort, extra, dag):
    # on real campaign data: whoever rests with the shorter window also rests with the longer one and forever
    winkel = meegeleverde_winkel("schoenenzaak")
    peildatum = winkel.peildatum + pd.Timedelta(days=dag)

    def rustend(rust_dagen):
        r = rustende_klanten(winkel.actiecontacten, winkel.acties, peildatum, rust_dagen=rust_dagen)
        return set(r.loc[r["rust"], "klant_id"])

    korter, langer, altijd = rustend(kort), rustend(kort + extra), rustend(None)
    assert korter <= langer <= altijd
    assert len(altijd) == len(rustende_klanten(winkel.actiecontacten, winkel.acties, peildatum))

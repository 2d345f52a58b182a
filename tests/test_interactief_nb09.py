"""interactief.campagneplanner (notebook 09): moving a control changes the plan the right way."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from helpers import rfm
from helpers.acties import actieresultaten, doellijst
from helpers.campagnes import historiek, kleinste_zichtbare_uplift
from helpers.data import laad_winkel
from helpers.interactief import campagneplanner
from helpers.interactief.nb09_communicatie import IEDEREEN
from helpers.opmaak import euro, getal, procent


@pytest.fixture(scope="module")
def winkel():
    return laad_winkel("kledingzaak")


@pytest.fixture(scope="module")
def planner(winkel):
    return campagneplanner({"kledingzaak": winkel}, start=dt.date(2026, 3, 10))


def cijfer(v, naam):
    return v.inhoud.cijfers[naam]


def test_list_size_and_cost_follow_the_channel_and_segment(planner, winkel):
    v = planner
    v.bedieningen["soort"].value = "geldvoordeel"
    v.bedieningen["controlegroep"].value = 10
    for kanaal, per_contact in (("e-mail", 0.02), ("sms", 0.09), ("post", 0.95)):
        v.bedieningen["kanaal"].value = kanaal
        n = len(doellijst(winkel.klanten, kanaal, winkel.actiecontacten, winkel.acties,
                          peildatum=pd.Timestamp("2026-03-10")).lijst)  # fmt: skip
        controle = round(n * 0.1)
        assert cijfer(v, "Mag je aanschrijven") == getal(n)
        assert cijfer(v, "Controlegroep") == getal(controle)
        # the shop's spring vouchers cost 350 euro fixed, plus the channel's price per contact
        assert cijfer(v, "Kost") == euro(350 + per_contact * (n - controle), 0)
    segmenten = rfm.rfm_segmenten(rfm.rfm_scores(rfm.rfm_tabel(winkel.tickets, winkel.peildatum)))["segment"]
    assert set(v.bedieningen["segment"].options) == {IEDEREEN, *segmenten.unique()}
    v.bedieningen["kanaal"].value = "e-mail"
    v.bedieningen["segment"].value = "Kampioenen"
    kampioenen = winkel.klanten.loc[
        winkel.klanten["klant_id"].isin(segmenten.index[segmenten == "Kampioenen"])
    ]
    n = len(doellijst(kampioenen, "e-mail", winkel.actiecontacten, winkel.acties,
                      peildatum=pd.Timestamp("2026-03-10")).lijst)  # fmt: skip
    assert cijfer(v, "Mag je aanschrijven") == getal(n)
    v.bedieningen["segment"].value = IEDEREEN


def test_expectations_come_from_the_shops_history(planner, winkel):
    v = planner
    v.bedieningen["soort"].value = "geldvoordeel"
    v.bedieningen["kanaal"].value = "e-mail"
    v.bedieningen["controlegroep"].value = 20
    h = historiek(actieresultaten(winkel.acties, winkel.actiecontacten, winkel.tickets)).loc["geldvoordeel"]
    n = int(cijfer(v, "Mag je aanschrijven").replace(".", ""))
    doel = n - round(n * 0.2)
    assert cijfer(v, "Inwisselingen (verwacht)") == getal(doel * h["conversie"])
    assert cijfer(v, "Extra kopers (verwacht)") == getal(doel * h["uplift"])
    assert cijfer(v, "Extra omzet per euro") == euro(
        doel * h["extra_omzet_per_contact"] / (350 + 0.02 * doel)
    )
    assert cijfer(v, "Kleinste zichtbare uplift") == procent(
        kleinste_zichtbare_uplift(doel, n - doel, h["basis"])
    )
    # a bigger control group lets you see a smaller uplift
    groter = float(cijfer(v, "Kleinste zichtbare uplift").rstrip("%").replace(",", "."))
    v.bedieningen["controlegroep"].value = 40
    assert float(cijfer(v, "Kleinste zichtbare uplift").rstrip("%").replace(",", ".")) < groter
    # without a control group there is nothing to measure, and the planner says so
    v.bedieningen["controlegroep"].value = 0
    assert "Kleinste zichtbare uplift" not in v.inhoud.cijfers
    assert any("Zonder controlegroep" in o for o in v.inhoud.opmerkingen)
    # a contest was never measured against a control group in this shop
    v.bedieningen["soort"].value = "wedstrijd"
    assert cijfer(v, "Extra kopers (verwacht)") == getal(np.nan)
    assert any("nog nooit met een controlegroep" in o for o in v.inhoud.opmerkingen)
    v.bedieningen["controlegroep"].value = 10


def test_a_discount_in_the_ban_is_flagged_and_disappears_when_moved(planner):
    v = planner
    v.bedieningen["soort"].value = "geldvoordeel"
    v.bedieningen["korting"].value = 15
    v.bedieningen["start"].value = dt.date(2026, 6, 5)
    assert "sperperiode (01-06-2026 tot en met 30-06-2026)" in v.inhoud.waarschuwing
    assert "Let op: sperperiode." in v.inhoud._repr_html_()
    v.bedieningen["sperartikelen"].value = False  # e.g. sports food: no ban
    assert v.inhoud.waarschuwing == ""
    v.bedieningen["sperartikelen"].value = True
    v.bedieningen["korting"].value = 0  # a contest without discount may run in June
    assert v.inhoud.waarschuwing == ""
    v.bedieningen["korting"].value = 15
    v.bedieningen["start"].value = dt.date(2026, 7, 5)  # in the sales: allowed, but drowned out
    assert v.inhoud.waarschuwing == ""
    assert any("valt in de solden" in o for o in v.inhoud.opmerkingen)
    v.bedieningen["start"].value = None
    assert "Kies een startdag" in v.inhoud.data
    v.bedieningen["start"].value = dt.date(2026, 3, 10)

"""helpers.campagnes: the legal calendar, cadence, control-group size and expectations, by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.acties import actieresultaten
from helpers.campagnes import (
    PROMOTIESOORTEN,
    cadans,
    controleer_planning,
    controlegroep_grootte,
    historiek,
    kleinste_zichtbare_uplift,
    kosten,
    verwachting,
    voorbeeldkalender,
    wettelijke_periodes,
)
from helpers.controle import InvoerFout
from helpers.kalender import is_solden, is_sperperiode


def plan(*rijen, **extra):
    """A planning from (name, start, end, discount) tuples."""
    tabel = pd.DataFrame(rijen, columns=["naam", "startdatum", "einddatum", "korting_pct"])
    tabel = tabel.astype({"startdatum": "datetime64[us]", "einddatum": "datetime64[us]"})
    return tabel.assign(**extra)


# ---------------------------------------------------------------- the legal periods
@pytest.mark.parametrize("jaar", [2025, 2026, 2027, 2029])
def test_periods_agree_with_the_day_calendar(jaar):
    periodes = wettelijke_periodes(jaar)
    dagen = pd.date_range(f"{jaar - 1}-12-01", f"{jaar + 1}-01-05")
    for soort, controle in (("solden", is_solden), ("sperperiode", is_sperperiode)):
        binnen = np.zeros(len(dagen), dtype=bool)
        for begin, einde in periodes.loc[periodes["soort"] == soort, ["begin", "einde"]].itertuples(
            index=False
        ):
            binnen |= (dagen >= begin) & (dagen <= einde)
        # every day the kalender marks in `jaar` lies in one of the listed periods (and vice versa)
        in_jaar = dagen.year == jaar
        np.testing.assert_array_equal(binnen[in_jaar], controle(dagen)[in_jaar])


def test_sunday_rule_moves_the_ban_a_day_earlier():
    # 3 January 2027 is a Sunday: the winter sales start on Saturday 2 January, the ban runs 2 Dec - 1 Jan
    laatste = wettelijke_periodes(2026).iloc[-1]
    assert (laatste["begin"], laatste["einde"]) == (pd.Timestamp("2026-12-02"), pd.Timestamp("2027-01-01"))


# ---------------------------------------------------------------- checking a planning
def test_discount_in_the_ban_is_flagged_by_hand():
    uit = controleer_planning(
        plan(
            ("Junibon", "2025-05-25", "2025-06-10", 0.10),  # 1-10 June in the ban: 10 days
            ("Zomerwedstrijd", "2025-06-01", "2025-06-30", 0.0),  # no discount: allowed
            ("Herfstbon", "2025-09-01", "2025-09-14", 0.15),  # no ban, no sales
            ("Eindejaar", "2025-12-20", "2026-01-05", 0.20),  # 20 Dec - 2 Jan ban (14 days), 3-5 Jan sales
        )
    )
    assert uit["sper_dagen"].tolist() == [10, 30, 0, 14]
    assert uit["solden_dagen"].tolist() == [0, 0, 0, 3]
    assert [bool(w) for w in uit["waarschuwing"]] == [True, False, False, True]
    assert uit.loc[0, "waarschuwing"].startswith("Junibon: korting (10%) op kleding")
    assert "01-06-2025 tot en met 30-06-2025" in uit.loc[0, "waarschuwing"]
    assert "03-12-2025 tot en met 02-01-2026" in uit.loc[3, "waarschuwing"]
    assert uit["opmerking"].tolist() == [
        "",
        "",
        "",
        "valt in de solden: je korting valt weg tussen de soldenprijzen",
    ]


def test_announcement_in_the_ban_and_goods_outside_it():
    basis = plan(
        ("Soldenvoorproef", "2025-07-01", "2025-07-10", 0.3),
        ("Sportvoeding", "2025-06-05", "2025-06-20", 0.2),
    )
    # announced on 25 June: 25-30 June is 6 days in the ban, although the action itself runs in the sales
    aangekondigd = controleer_planning(
        basis.assign(aankondiging=pd.to_datetime(["2025-06-25", "2025-06-05"]))
    )
    assert aangekondigd["sper_dagen"].tolist() == [6, 16]
    assert aangekondigd["waarschuwing"].astype(bool).tolist() == [True, True]
    # sports food is not clothing, shoes or leather: the ban does not apply
    vrij = controleer_planning(basis.assign(sperartikelen=[True, False]))
    assert vrij["waarschuwing"].astype(bool).tolist() == [False, False]


def test_shop_campaigns_can_be_checked_as_they_are(winkel):
    uit = controleer_planning(winkel.acties)
    # the year-long birthday voucher (10%) is valid during both bans; a contest without discount is fine
    verjaardag = uit.loc[uit["soort"] == "verjaardag"]
    assert verjaardag["waarschuwing"].astype(bool).all() and (verjaardag["sper_dagen"] > 50).all()
    assert not uit.loc[uit["soort"] == "wedstrijd", "waarschuwing"].astype(bool).any()


def test_planning_errors():
    with pytest.raises(InvoerFout, match="eindigt voor ze begint"):
        controleer_planning(plan(("x", "2025-03-10", "2025-03-01", 0.1)))
    with pytest.raises(InvoerFout, match="aandeel"):
        controleer_planning(plan(("x", "2025-03-01", "2025-03-10", 15)))
    with pytest.raises(InvoerFout, match="datums"):
        controleer_planning(pd.DataFrame({"startdatum": ["1/3"], "einddatum": ["2/3"], "korting_pct": [0.1]}))
    with pytest.raises(InvoerFout, match="mist de kolom 'korting_pct'"):
        controleer_planning(plan(("x", "2025-03-01", "2025-03-10", 0.1)).drop(columns="korting_pct"))


# ---------------------------------------------------------------- cadence
def test_cadence_per_segment_by_hand():
    tabel = pd.DataFrame(
        {
            "segment": ["trouw", "trouw", "trouw", "trouw", "nieuw", None],
            "startdatum": pd.to_datetime(
                ["2026-01-10", "2026-04-10", "2026-04-20", "2026-10-01", "2026-03-01", "2026-05-01"]
            ),
        }
    )
    uit = cadans(tabel)
    # trouw: starts on day 9, 99, 109, 273 of 2026 -> gaps 90, 10, 164; wrap-around 9 + 365 - 273 = 101
    assert uit.loc["trouw", ["aantal", "drukste_30_dagen", "langste_stilte"]].tolist() == [4, 2, 164]
    assert uit.loc["trouw", "waarschuwing"] == "164 dagen niets: je verdwijnt uit beeld"
    # nieuw: one action a year -> 365 days of silence
    assert uit.loc["nieuw", "langste_stilte"] == 365
    assert "(geen segment)" in uit.index
    druk = cadans(tabel, max_per_30_dagen=1, max_stilte_dagen=400, herhaal_jaarlijks=False)
    assert druk.loc["trouw", "waarschuwing"] == "2 acties binnen 30 dagen: je overlaadt deze klanten"
    assert druk.loc["nieuw", "langste_stilte"] == 0 and druk.loc["nieuw", "waarschuwing"] == ""


def test_cadence_without_segments():
    uit = cadans(pd.DataFrame({"startdatum": pd.to_datetime(["2026-01-01", "2026-01-15", "2026-01-29"])}))
    assert uit.index.tolist() == ["iedereen"]
    assert uit.loc["iedereen", "drukste_30_dagen"] == 3


# ---------------------------------------------------------------- control group
def test_detectable_uplift_by_hand_and_the_rule_of_sixteen():
    # (1.959964 + 0.841621) * sqrt(0.1 * 0.9 * (1/900 + 1/100)) = 2.801585 * 0.0316228 = 0.088593
    assert kleinste_zichtbare_uplift(900, 100, 0.10) == pytest.approx(0.088593, abs=1e-6)
    # Lehr's rule of thumb (van Belle, Statistical Rules of Thumb, 2.3): n = 16 p(1 - p) / d^2 per group for
    # 80% power at 5%; the exact normal constant is 2 * 2.801585^2 = 15.6978, so the rule is 1% conservative
    for p, d in ((0.1, 0.03), (0.2, 0.05), (0.05, 0.02)):
        n = 16 * p * (1 - p) / d**2
        assert kleinste_zichtbare_uplift(n, n, p) == pytest.approx(d * np.sqrt(15.6978 / 16), rel=1e-4)


@settings(max_examples=60)
@given(st.integers(200, 20000), st.floats(0.02, 0.5), st.floats(0.01, 0.2))
def test_control_group_is_the_smallest_that_shows_the_uplift(n, basis, uplift):
    try:
        c = controlegroep_grootte(n, basis, uplift)
    except InvoerFout as fout:
        assert kleinste_zichtbare_uplift(n / 2, n / 2, basis) > uplift
        assert "zelfs met de helft" in str(fout)
        return
    assert 1 <= c <= n / 2 + 1
    assert kleinste_zichtbare_uplift(n - c, c, basis) <= uplift * (1 + 1e-9)
    if c > 1:
        assert kleinste_zichtbare_uplift(n - c + 1, c - 1, basis) > uplift


def test_control_group_errors():
    with pytest.raises(InvoerFout, match="groter zijn dan 0"):
        controlegroep_grootte(1000, 0.1, 0)
    with pytest.raises(InvoerFout, match="tussen 0 en 1"):
        kleinste_zichtbare_uplift(100, 100, 10)
    with pytest.raises(InvoerFout, match="vanaf"):
        controlegroep_grootte(100, 0.1, 0.02)


# ---------------------------------------------------------------- history and expectation
def test_history_pools_over_actions_by_hand():
    resultaten = pd.DataFrame(
        {
            "soort": ["geldvoordeel", "geldvoordeel", "wedstrijd", "winback"],
            "verzonden": [400, 100, 200, 0],
            "geopend": [200, 30, 100, 0],
            "ingewisseld": [40, 20, 10, 0],
            "n_controle": [50, 0, 0, 0],
            "koopgraad_controle": [0.12, np.nan, np.nan, np.nan],
            "uplift": [0.05, np.nan, np.nan, np.nan],
            "extra_omzet": [1200.0, np.nan, np.nan, np.nan],
        }
    )
    h = historiek(resultaten)
    assert h.index.tolist() == ["geldvoordeel", "wedstrijd"]  # nothing sent: not history
    # geldvoordeel: 60 of 500 redeemed, opened 230/500; only the first action was measured (400 sent)
    assert h.loc["geldvoordeel", ["acties", "verzonden", "conversie", "opengraad"]].tolist() == pytest.approx(
        [2, 500, 0.12, 0.46]
    )
    assert h.loc["geldvoordeel", ["basis", "uplift", "extra_omzet_per_contact"]].tolist() == pytest.approx(
        [0.12, 0.05, 3.0]
    )
    assert np.isnan(h.loc["wedstrijd", "uplift"])


def test_history_on_a_shop_matches_the_results(winkel):
    r = actieresultaten(winkel.acties, winkel.actiecontacten, winkel.tickets)
    h = historiek(r)
    assert set(h.index) <= set(PROMOTIESOORTEN)
    assert h["verzonden"].sum() == r["verzonden"].sum()
    gemeten = r.loc[r["soort"] == "geldvoordeel"].query("n_controle > 0")
    verwacht = gemeten["extra_omzet"].sum() / gemeten["verzonden"].sum()
    assert h.loc["geldvoordeel", "extra_omzet_per_contact"] == pytest.approx(verwacht)


def test_expectation_by_hand():
    uit = verwachting(500, 0.09, 250.0, 0.05, 0.02, 1.5)
    # cost 250 + 45 = 295; 25 redemptions; 10 extra buyers; extra revenue 750 -> 2.54 per euro
    assert uit == pytest.approx(
        {"kost": 295.0, "inwisselingen": 25.0, "extra_kopers": 10.0, "extra_omzet": 750.0,
         "extra_omzet_per_euro": 750 / 295}
    )  # fmt: skip
    assert np.isnan(verwachting(0, 0.0, 0.0, 0.1, 0.1, 1.0)["extra_omzet_per_euro"])
    with pytest.raises(InvoerFout):
        verwachting(-1, 0.1, 0.0, 0.1, 0.1, 1.0)


def test_costs_come_from_the_shop_or_the_example_table(winkel):
    # the shops send e-mail at 2 cent and a spring voucher has a fixed cost of 350 euro
    assert kosten(winkel.acties, "geldvoordeel", "e-mail") == (0.02, 350.0)
    assert kosten(None, "wedstrijd", "sms") == (0.09, 250.0)
    with pytest.raises(InvoerFout, match="Onbekend kanaal"):
        kosten(None, "wedstrijd", "fax")


@pytest.mark.parametrize("jaar", [2026, 2027])
def test_sample_calendar_is_legal_and_keeps_the_core_groups_in_view(jaar):
    k = voorbeeldkalender(jaar)
    assert (controleer_planning(k)["waarschuwing"] == "").all()
    ritme = cadans(k)
    assert (ritme["drukste_30_dagen"] <= 2).all()
    for kern in ("Kampioenen", "Trouwe klanten"):
        assert ritme.loc[kern, "waarschuwing"] == ""
    assert set(k["soort"]) <= set(PROMOTIESOORTEN)

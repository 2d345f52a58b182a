"""The conventions every analysis follows (DESIGN.md): ids, anonymous tickets, time zones, attrs, consent.

Each test compares an analysis on a transformed input with the same analysis on the plain input (the
oracle): the same shop with tz-aware dates, with customer ids in another dtype, with anonymous markers.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers import (
    acties,
    enquete,
    kalender,
    kpi,
    kwaliteit,
    positie,
    productseizoen,
    rendabiliteit,
    rfm,
    trouw,
)
from helpers.controle import InvoerFout
from helpers.genereer import genereer_winkel
from helpers.klantid import ANONIEM, klant_ids
from helpers.segmentatie import gedrag, indeling, profiel
from helpers.tijdzone import TIJDZONE, belgische_datums

NIET_ANALYSE = (
    "helpers.grafieken", "helpers.interactief", "helpers.oefeningen", "helpers.genereer",
    "helpers.eigen_data", "helpers.controle", "helpers.klantid", "helpers.tijdzone",
)  # fmt: skip
"""Presentation, the generator, the importer and the shared checks: not analyses (own tests)."""


def _analysemodules() -> list[str]:
    namen = [m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.")]
    return sorted(n for n in namen if not n.startswith(NIET_ANALYSE))


DATUMPARAMETERS = {
    "tickets", "klanten", "enquete", "acties", "actiecontacten", "contacten", "ticketlijnen",
    "peildatum", "peildatum_van", "peildatum_tot",
}  # fmt: skip
"""A public analysis function with one of these parameters gets tables or days that may carry a time zone."""


def _publieke_functies():
    for naam in _analysemodules():
        module = importlib.import_module(naam)
        for functienaam, functie in vars(module).items():
            if functienaam.startswith("_") or not inspect.isfunction(functie):
                continue
            if getattr(functie, "__module__", None) != module.__name__:
                continue
            yield f"{naam}.{functienaam}", functie


@pytest.mark.parametrize(
    ("naam", "functie"),
    [(n, f) for n, f in _publieke_functies() if DATUMPARAMETERS & set(inspect.signature(f).parameters)],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_every_public_function_with_tables_or_days_reads_belgian_time(naam, functie):
    assert getattr(functie, "belgische_tijd", False), f"{naam} mist @belgische_tijd (helpers.tijdzone)"


# --------------------------------------------------------------------------------------------
# a small generated shop, and its variants
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def winkel():
    return genereer_winkel("kledingzaak", aantal_klanten=300, seed=3)


def _datumkolommen(df: pd.DataFrame) -> list[str]:
    return [k for k, d in df.dtypes.items() if pd.api.types.is_datetime64_any_dtype(d)]


def _met_zone(df: pd.DataFrame) -> pd.DataFrame:
    """The same table with every date column as UTC instants (tz-aware)."""
    omgezet = {}
    for k in _datumkolommen(df):
        lokaal = df[k].dt.tz_localize(
            TIJDZONE, ambiguous=np.zeros(len(df), bool), nonexistent="shift_forward"
        )
        omgezet[k] = lokaal.dt.tz_convert("UTC")
    return df.assign(**omgezet)


def _lokaal(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(**{k: belgische_datums(df[k]) for k in _datumkolommen(df)})


@pytest.fixture(scope="module")
def tabellen(winkel):
    """Tables with tz-aware dates ("zone") and the same instants as naive Belgian time ("lokaal")."""
    zone = {naam: _met_zone(df) for naam, df in winkel.tabellen().items()}
    return zone, {naam: _lokaal(df) for naam, df in zone.items()}


def _segmenten(t: dict[str, pd.DataFrame]) -> pd.Series:
    return rfm.rfm_segmenten(rfm.rfm_scores(rfm.rfm_tabel(t["tickets"], PEIL)))["segment"]


PEIL = pd.Timestamp("2025-12-31")
ANALYSES: dict[str, Any] = {
    "rfm.rfm_tabel": lambda t: rfm.rfm_tabel(t["tickets"], PEIL),
    "rfm.segment_migratie": lambda t: rfm.segment_migratie(t["tickets"], "2024-12-31", PEIL),
    "kpi.kengetallen_per_periode": lambda t: kpi.kengetallen_per_periode(t["tickets"], "maand"),
    "kpi.kerncijfers": lambda t: kpi.kerncijfers(t["tickets"], PEIL),
    "kpi.omzet_per_segment": lambda t: kpi.omzet_per_segment(t["tickets"], _segmenten(t)),
    "trouw.cohort_tabel": lambda t: trouw.cohort_tabel(t["tickets"], PEIL),
    "trouw.churn_status": lambda t: trouw.churn_status(t["tickets"], PEIL),
    "trouw.churn_per_periode": lambda t: trouw.churn_per_periode(t["tickets"], PEIL),
    "trouw.kaarthouders_vs_anderen": lambda t: trouw.kaarthouders_vs_anderen(
        t["klanten"], t["tickets"], PEIL
    ),
    "trouw.tijd_tot_eerste_bon": lambda t: trouw.tijd_tot_eerste_bon(t["tickets"], t["ticketlijnen"], PEIL),
    "rendabiliteit.winst_per_klant": lambda t: rendabiliteit.winst_per_klant(
        t["ticketlijnen"], t["tickets"], t["producten"], t["contacten"], t["actiecontacten"], t["acties"]
    ),
    "acties.doellijst": lambda t: acties.doellijst(t["klanten"], "e-mail", t["actiecontacten"], t["acties"]),
    "acties.verjaardagslijst": lambda t: acties.verjaardagslijst(t["klanten"], 5, 2025),
    "acties.klantjubileumlijst": lambda t: acties.klantjubileumlijst(t["klanten"], 3, 2025),
    "acties.actieresultaten": lambda t: acties.actieresultaten(
        t["acties"], t["actiecontacten"], t["tickets"]
    ),
    "acties.volgende_productlijn": lambda t: acties.volgende_productlijn(
        t["tickets"], t["ticketlijnen"], t["producten"]
    ),
    "enquete.tevredenheid_en_trouw": lambda t: enquete.tevredenheid_en_trouw(t["enquete"], t["tickets"], 6),
    "enquete.nonrespons": lambda t: enquete.nonrespons(t["enquete"], t["tickets"]),
    "enquete.per_segment": lambda t: enquete.per_segment(t["enquete"], _segmenten(t)),
    "gedrag.gedragskenmerken": lambda t: gedrag.gedragskenmerken(
        t["tickets"], t["ticketlijnen"], t["producten"], PEIL
    ),
    "indeling.demografische_segmenten": lambda t: indeling.demografische_segmenten(t["klanten"], PEIL),
    "profiel.klantkenmerken": lambda t: profiel.klantkenmerken(t["klanten"], PEIL),
    "profiel.seizoensvoorkeur": lambda t: profiel.seizoensvoorkeur(t["tickets"], _segmenten(t)),
    "positie.positionering_per_segment": lambda t: positie.positionering_per_segment(
        t["enquete"], _segmenten(t)
    ),
    "kwaliteit.kwaliteitsrapport": lambda t: kwaliteit.kwaliteitsrapport(t["klanten"], PEIL),
    "productseizoen.seizoen_per_groep": lambda t: productseizoen.seizoen_per_groep(
        t["ticketlijnen"], t["tickets"], t["producten"]
    ),
}


def _gelijk(a: object, b: object) -> None:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b)
    elif isinstance(a, tuple):
        assert type(a) is type(b) and len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _gelijk(x, y)
    else:
        assert a == b


@pytest.mark.parametrize("naam", ANALYSES)
def test_tz_aware_dates_count_in_belgian_time_everywhere(tabellen, naam):
    zone, lokaal = tabellen
    _gelijk(ANALYSES[naam](zone), ANALYSES[naam](lokaal))


def test_time_zone_moves_a_late_ticket_to_the_next_belgian_day():
    # hand-computed: 23:30 UTC on 31 Dec 2024 is 00:30 on New Year's Day in Brussels (UTC+1), and
    # 22:30 UTC on 30 June 2025 is 00:30 on 1 July (UTC+2, summer time), the first day of the sales
    tickets = pd.DataFrame(
        {
            "klant_id": ["A", "B"],
            "datum": pd.to_datetime(["2024-12-31 23:30", "2025-06-30 22:30"]).tz_localize("UTC"),
            "bedrag": [10.0, 20.0],
        }
    )
    tabel = rfm.rfm_tabel(tickets, pd.Timestamp("2025-12-31 23:00", tz="UTC"))  # = 1 Jan 2026 in Brussels
    assert tabel["eerste_aankoop"].astype(str).tolist() == ["2025-01-01", "2025-07-01"]
    assert tabel["recency"].tolist() == [365, 184]
    assert kpi.kengetallen_per_periode(tickets, "jaar").index.astype(str).tolist() == ["2025"]
    assert kalender.is_feestdag(tickets["datum"]).tolist() == [True, False]
    assert kalender.is_solden(tickets["datum"]).tolist() == [False, True]


def test_surveys_and_campaigns_with_time_zones_no_longer_raise_type_errors(tabellen):
    zone, _ = tabellen
    enquete.tevredenheid_en_trouw(zone["enquete"], zone["tickets"], 6, peildatum=pd.Timestamp(PEIL, tz="UTC"))
    acties.actieresultaten(zone["acties"], zone["actiecontacten"], zone["tickets"])


# --------------------------------------------------------------------------------------------
# customer ids in every dtype, for every join
# --------------------------------------------------------------------------------------------


def _als_getal(reeks: pd.Series) -> pd.Series:
    return pd.to_numeric(reeks.str.slice(1), errors="coerce").astype("Int64")


@pytest.fixture(scope="module")
def numeriek(winkel):
    """The shop with customer ids as whole numbers (K000123 -> 123) in every table."""
    t = {}
    for naam, df in winkel.tabellen().items():
        t[naam] = df.assign(klant_id=_als_getal(df["klant_id"])) if "klant_id" in df.columns else df
    return t


VARIANTEN = {
    "float": lambda s: s.astype("float64"),
    "tekst_met_spaties": lambda s: s.map(lambda v: f" {v}\u00a0", na_action="ignore").astype(object),
    "voorloopnullen": lambda s: s.map(lambda v: f"{v:06d}", na_action="ignore").astype(object),
    "categorie": lambda s: s.astype("str").astype("category"),
    "pyarrow": lambda s: s.astype("string[pyarrow]"),
    "gemengd": lambda s: pd.Series(
        [v if i % 2 or pd.isna(v) else str(v) for i, v in enumerate(s.astype(object))], index=s.index
    ),
    "tekst_via_astype": lambda s: s.astype("float64").astype(str),  # 'nan' for anonymous, '101.0' for 101
    "anoniem_als_0": lambda s: s.fillna(0),
}


def _varieer(t: dict[str, Any], tabel: str, variant: str) -> dict[str, Any]:
    uit = dict(t)
    if tabel == "segmenten":
        seg = _segmenten(t)
        uit["segmenten"] = seg.set_axis(pd.Index(VARIANTEN[variant](seg.index.to_series()).to_numpy()))
    else:
        df = t[tabel]
        uit[tabel] = df.assign(klant_id=VARIANTEN[variant](df["klant_id"]))
    return uit


def _met_segmenten(t: dict[str, Any]) -> dict[str, Any]:
    return t if "segmenten" in t else {**t, "segmenten": _segmenten(t)}


JOINS: dict[str, tuple[str, Any]] = {
    "rfm.rfm_tabel": ("tickets", lambda t: rfm.rfm_tabel(t["tickets"], PEIL)),
    "trouw.cohort_tabel": ("tickets", lambda t: trouw.cohort_tabel(t["tickets"], PEIL)),
    "kpi.kengetallen_per_periode": (
        "tickets",
        lambda t: kpi.kengetallen_per_periode(t["tickets"], "kwartaal"),
    ),
    "kpi.omzet_per_segment": ("segmenten", lambda t: kpi.omzet_per_segment(t["tickets"], t["segmenten"])),
    "trouw.kaarthouders_vs_anderen": (
        "klanten",
        lambda t: trouw.kaarthouders_vs_anderen(t["klanten"], t["tickets"], PEIL),
    ),
    "trouw.tijd_tot_eerste_bon": (
        "tickets",
        lambda t: trouw.tijd_tot_eerste_bon(t["tickets"], t["ticketlijnen"]),
    ),
    "rendabiliteit.kost_om_te_bedienen": (
        "contacten",
        lambda t: rendabiliteit.kost_om_te_bedienen(
            t["tickets"], t["contacten"], t["actiecontacten"], t["acties"]
        ),
    ),
    "rendabiliteit.winst_per_klant": (
        "actiecontacten",
        lambda t: rendabiliteit.winst_per_klant(
            t["ticketlijnen"], t["tickets"], t["producten"], t["contacten"], t["actiecontacten"], t["acties"]
        ),
    ),
    "acties.doellijst": (
        "actiecontacten",
        lambda t: acties.doellijst(t["klanten"], None, t["actiecontacten"]),
    ),
    "acties.verjaardagslijst": (
        "actiecontacten",
        lambda t: acties.verjaardagslijst(t["klanten"], 5, actiecontacten=t["actiecontacten"]),
    ),
    "acties.actieresultaten": (
        "tickets",
        lambda t: acties.actieresultaten(t["acties"], t["actiecontacten"], t["tickets"]),
    ),
    "enquete.tevredenheid_en_trouw": (
        "enquete",
        lambda t: enquete.tevredenheid_en_trouw(t["enquete"], t["tickets"], 6),
    ),
    "enquete.nonrespons": ("enquete", lambda t: enquete.nonrespons(t["enquete"], t["tickets"])),
    "enquete.per_segment": ("segmenten", lambda t: enquete.per_segment(t["enquete"], t["segmenten"])),
    "enquete.segmenttoets": (
        "enquete",
        lambda t: enquete.segmenttoets(t["enquete"], t["segmenten"])["kruistabel"],
    ),
    "positie.positionering_per_segment": (
        "segmenten",
        lambda t: positie.positionering_per_segment(t["enquete"], t["segmenten"]),
    ),
    "profiel.segmentprofiel": (
        "klanten",
        lambda t: profiel.segmentprofiel(
            gedrag.gedragskenmerken(t["tickets"], peildatum=PEIL).drop(columns=["aandeel_webshop"]),
            t["segmenten"].cat.codes.astype("int64").rename("segment"),
            t["klanten"],
            PEIL,
            minimum_aantal=1,
        ),
    ),
    "profiel.seizoensvoorkeur": ("tickets", lambda t: profiel.seizoensvoorkeur(t["tickets"], t["segmenten"])),
    "gedrag.gedragskenmerken": ("tickets", lambda t: gedrag.gedragskenmerken(t["tickets"], peildatum=PEIL)),
}


def _als_tekst(obj: object) -> object:
    """Customer ids as text everywhere, so int-labelled and text-labelled results compare."""
    if isinstance(obj, tuple):
        return type(obj)(*(_als_tekst(x) for x in obj))
    if not isinstance(obj, pd.DataFrame | pd.Series):
        return obj
    if obj.index.name == "klant_id":
        obj = obj.set_axis(pd.Index(klant_ids(obj.index.to_series()).astype("str"), name="klant_id"))
        obj = obj.sort_index()
    if isinstance(obj, pd.DataFrame) and "klant_id" in obj.columns:
        obj = obj.assign(klant_id=klant_ids(obj["klant_id"]).astype("str"))
    return obj


@pytest.mark.parametrize("variant", VARIANTEN)
@pytest.mark.parametrize("naam", JOINS)
def test_every_join_gives_the_same_result_whatever_the_id_dtype(numeriek, naam, variant):
    tabel, analyse = JOINS[naam]
    basis = _met_segmenten(numeriek)
    anders = _met_segmenten(_varieer(basis, tabel, variant))
    _gelijk(_als_tekst(analyse(anders)), _als_tekst(analyse(basis)))


@pytest.mark.parametrize("naam", [n for n, (tabel, _) in JOINS.items() if tabel != "tickets"])
def test_ids_that_cannot_match_are_an_error_not_an_empty_result(numeriek, naam):
    tabel, analyse = JOINS[naam]
    t = _met_segmenten(numeriek)
    if tabel == "segmenten":
        t["segmenten"] = t["segmenten"].set_axis("X" + t["segmenten"].index.astype(str))
    else:
        t[tabel] = t[tabel].assign(klant_id="X" + t[tabel]["klant_id"].astype("str"))
    with pytest.raises(InvoerFout, match="Geen enkele"):
        analyse(t)


# --------------------------------------------------------------------------------------------
# anonymous markers
# --------------------------------------------------------------------------------------------

MARKERS = [*ANONIEM, " ", "", "ANONIEM", " Onbekend "]


@pytest.fixture(scope="module")
def met_markers(winkel):
    """The shop's tickets with the anonymous tickets spelled as every marker the importer knows."""
    tickets = winkel.tickets
    leeg = tickets["klant_id"].isna().to_numpy()
    spelling = np.array(MARKERS, dtype=object)[np.arange(len(tickets)) % len(MARKERS)]
    return tickets, tickets.assign(
        klant_id=np.where(leeg, spelling, tickets["klant_id"].to_numpy(dtype=object))
    )


@pytest.mark.parametrize(
    "analyse",
    [
        lambda t, w: rfm.rfm_tabel(t, PEIL),
        lambda t, w: rfm.rfm_rapport(rfm.rfm_tabel(t, PEIL)),
        lambda t, w: kpi.kengetallen_per_periode(t, "jaar"),
        lambda t, w: kpi.omzet_per_segment(t, _segmenten({"tickets": w.tickets})),
        lambda t, w: trouw.cohort_tabel(t, PEIL).attrs["anonieme_tickets"],
        lambda t, w: trouw.churn_status(t, PEIL),
        lambda t, w: rendabiliteit.kost_om_te_bedienen(t, w.contacten),
        lambda t, w: rendabiliteit.brutomarge_per_klant(w.ticketlijnen, t, w.producten),
        lambda t, w: gedrag.gedragskenmerken(t, peildatum=PEIL),
        lambda t, w: enquete.nonrespons(w.enquete, t),
    ],
    ids=[
        "rfm",
        "rfm-rapport",
        "kpi",
        "omzet_per_segment",
        "cohort",
        "churn",
        "kost",
        "marge",
        "gedrag",
        "nonrespons",
    ],
)
def test_anonymous_markers_are_anonymous_in_every_analysis(winkel, met_markers, analyse):
    gewoon, gemarkeerd = met_markers
    _gelijk(analyse(gemarkeerd, winkel), analyse(gewoon, winkel))


def test_anonymous_tickets_are_never_the_top_customer():
    tickets = pd.DataFrame(
        {
            "klant_id": pd.array([0, 0, 0, 7, 0], dtype="Int64"),
            "datum": pd.to_datetime([f"2025-01-0{d}" for d in range(1, 6)]),
            "bedrag": [500.0, 400.0, 300.0, 20.0, 100.0],
        }
    )
    tabel = rfm.rfm_tabel(tickets, PEIL)
    assert tabel.index.tolist() == [7]
    assert rfm.rfm_rapport(tabel)["anonieme_tickets"] == 4


# --------------------------------------------------------------------------------------------
# nothing that matters lives only in attrs
# --------------------------------------------------------------------------------------------


def test_rfm_segments_survive_a_join(winkel):
    scores = rfm.rfm_scores(rfm.rfm_tabel(winkel.tickets, PEIL), klassen=3)
    verwacht = rfm.rfm_segmenten(scores)["segment"]
    samen = scores.join(winkel.klanten.set_index("klant_id")[["gemeente"]])
    samengevoegd = scores.reset_index().merge(winkel.klanten[["klant_id", "gemeente"]], on="klant_id")
    assert samengevoegd.attrs == {} or "rfm_klassen" not in samengevoegd.attrs
    pd.testing.assert_series_equal(rfm.rfm_segmenten(samen)["segment"], verwacht)
    pd.testing.assert_series_equal(
        rfm.rfm_segmenten(samengevoegd.set_index("klant_id"))["segment"], verwacht, check_names=False
    )
    los = pd.concat([scores.iloc[:10], scores.iloc[10:]])  # concat keeps no attrs either
    pd.testing.assert_series_equal(rfm.rfm_segmenten(los)["segment"], verwacht)


def test_attrs_can_only_refuse_never_decide():
    scores = pd.DataFrame({"R": [1, 3], "F": [3, 1], "M": [2, 2]}, index=["A", "B"])
    scores.attrs["rfm_klassen"] = 3
    with pytest.raises(InvoerFout, match="klassen=3"):
        rfm.rfm_segmenten(scores)
    # 3 classes: R, F = 1, 3 -> 1, 5 on the 5-scale; 3, 1 -> 5, 1 (see rfm.naar_vijf_klassen)
    assert rfm.rfm_segmenten(scores, klassen=3)["segment"].tolist() == ["Niet laten gaan", "Nieuwe klanten"]
    gemengd = pd.DataFrame({"R": [1, 3], "F": [3, 1], "rfm_klassen": [3, 5]}, index=["A", "B"])
    with pytest.raises(InvoerFout, match="verschillende waarden"):
        rfm.rfm_segmenten(gemengd)


# --------------------------------------------------------------------------------------------
# consent on every list, whatever the id dtypes
# --------------------------------------------------------------------------------------------


def test_unsubscribed_101_stays_off_the_list_when_contacts_say_101_0():
    klanten = pd.DataFrame(
        {
            "klant_id": [101, 102, 103],
            "toestemming_marketing": [True, True, True],
            "voorkeurkanaal": ["e-mail"] * 3,
            "email": ["a@voorbeeld.be", "b@voorbeeld.be", "c@voorbeeld.be"],
        }
    )
    contacten = pd.DataFrame(
        {
            "actie_id": ["A1", "A1"],
            "klant_id": [101.0, np.nan],
            "verzonden": [True, True],
            "geopend": [True, False],
            "ingewisseld": [False, False],
            "uitgeschreven": [True, False],
        }
    )
    lijst, weg = acties.doellijst(klanten, "e-mail", contacten)
    assert lijst["klant_id"].tolist() == [102, 103]
    assert weg.set_index("klant_id")["reden"].to_dict() == {101: "uitgeschreven bij een eerdere actie"}


klantrij = st.tuples(
    st.integers(1, 12),  # id
    st.booleans(),  # consent (None below = unknown)
    st.booleans(),  # consent unknown
    st.sampled_from(["e-mail", "sms", "post", "geen", None]),
)


@given(
    rijen=st.lists(klantrij, min_size=1, max_size=25),
    uitgeschreven=st.sets(st.integers(1, 12), max_size=6),
    klantvorm=st.sampled_from(list(VARIANTEN)),
    contactvorm=st.sampled_from(list(VARIANTEN)),
    kanaal=st.sampled_from([None, "e-mail", "sms"]),
)
@settings(max_examples=120, deadline=None)
def test_no_list_ever_holds_a_customer_without_consent_or_unsubscribed(
    rijen, uitgeschreven, klantvorm, contactvorm, kanaal
):
    ids = pd.Series([r[0] for r in rijen], dtype="Int64")
    klanten = pd.DataFrame(
        {
            "klant_id": VARIANTEN[klantvorm](ids),
            "toestemming_marketing": pd.array([None if r[2] else r[1] for r in rijen], dtype="boolean"),
            "voorkeurkanaal": [r[3] for r in rijen],
            "email": "x@voorbeeld.be",
            "telefoon": "0470 00 00 00",
            "straat": "Markt 1",
            "postcode": "3500",
            "gemeente": "Hasselt",
            "geboortedatum": pd.Timestamp("1990-05-05"),
        }
    )
    contact_ids = pd.Series(sorted(uitgeschreven | {ids.iloc[0]}), dtype="Int64")
    contacten = pd.DataFrame(
        {
            "actie_id": "A1",
            "klant_id": VARIANTEN[contactvorm](contact_ids),
            "verzonden": True,
            "geopend": True,
            "ingewisseld": False,
            "uitgeschreven": contact_ids.isin(uitgeschreven).to_numpy(),
        }
    )
    zonder_toestemming = {r[0] for r in rijen if r[2] or not r[1]}
    for uit in (
        acties.doellijst(klanten, kanaal, contacten),
        acties.verjaardagslijst(klanten, 5, kanaal=kanaal, actiecontacten=contacten),
    ):
        op_lijst = [int(v) for v in klant_ids(uit.lijst["klant_id"]).astype("str")]
        assert not set(op_lijst) & (uitgeschreven | zonder_toestemming)
        assert len(op_lijst) == len(set(op_lijst))  # nobody twice
        assert len(uit.lijst) + len(uit.weggelaten) == len(klanten)

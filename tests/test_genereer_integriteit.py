"""Integriteit van de gegenereerde winkels: schema, sleutels, bedragen, kalender, retours, acties.

Elke test draait op de meegeleverde datasets (wat de cursus gebruikt), op een kleine verse winkel
met een andere seed (zodat de regels niet toevallig gelden voor één trekking) en op zo'n winkel met de
gebreken van een echt klantenbestand (``vervuiling=True``): die gebreken raken de klantgegevens, nooit
de sleutels, bedragen of datums.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import geografie, kalender
from helpers.data import DATASETS, laad_winkel
from helpers.genereer import genereer_winkel_met_sleutel
from helpers.schema import PROFIELEN, TABELLEN

BRONNEN = [(p, bron) for bron in ("datasets", "vers", "vervuild") for p in PROFIELEN]


@pytest.fixture(scope="module", params=BRONNEN, ids=lambda b: f"{b[0]}-{b[1]}")
def winkel_en_sleutel(request):
    profiel, bron = request.param
    if bron == "datasets":
        if not (DATASETS / profiel / "winkel.json").exists():
            pytest.skip("datasets nog niet gegenereerd")
        sleutel = pd.read_csv(DATASETS / profiel / "_sleutel" / "klanten.csv", dtype={"klant_id": str})
        return laad_winkel(profiel), sleutel
    return genereer_winkel_met_sleutel(profiel, aantal_klanten=700, seed=2024, vervuiling=bron == "vervuild")


@pytest.fixture(scope="module")
def winkel(winkel_en_sleutel):
    return winkel_en_sleutel[0]


KIND = {"id": "OT", "tekst": "OT", "datum": "M", "geheel": "iu", "getal": "f", "waar": "b"}


def test_schema_kolommen_en_types(winkel):
    for naam, schema in TABELLEN.items():
        df = getattr(winkel, naam)
        assert list(df.columns) == list(schema), naam
        for kolom, soort in schema.items():
            reeks = df[kolom]
            if soort == "categorie":
                assert isinstance(reeks.dtype, pd.CategoricalDtype), (naam, kolom)
            elif soort in ("id", "tekst"):
                assert pd.api.types.is_string_dtype(reeks) or reeks.isna().all(), (naam, kolom, reeks.dtype)
            else:
                assert reeks.dtype.kind in KIND[soort] or reeks.isna().all(), (naam, kolom, reeks.dtype)


def test_id_formaat_en_uniek(winkel):
    for tabel, kolom, patroon in (
        ("klanten", "klant_id", r"K\d{6,}"),
        ("tickets", "ticket_id", r"T\d{7,}"),
        ("producten", "product_id", r"P\d{4}"),
        ("contacten", "contact_id", r"C\d{6}"),
        ("acties", "actie_id", r"A\d{3}"),
        ("enquete", "respons_id", r"R\d{5}"),
    ):
        reeks = getattr(winkel, tabel)[kolom]
        assert reeks.is_unique, (tabel, kolom)
        assert reeks.str.fullmatch(patroon).all(), (tabel, kolom)


def _bevat(kind: pd.Series, ouder: pd.Series) -> bool:
    return bool(kind.dropna().isin(set(ouder)).all())


def test_alle_sleutels_verwijzen(winkel):
    k = winkel.klanten["klant_id"]
    t = winkel.tickets
    assert _bevat(t["klant_id"], k)
    assert _bevat(winkel.ticketlijnen["ticket_id"], t["ticket_id"])
    assert _bevat(winkel.ticketlijnen["product_id"], winkel.producten["product_id"])
    assert _bevat(t["actie_id"], winkel.acties["actie_id"])
    assert _bevat(t["retour_van"], t["ticket_id"])
    for tabel in ("contacten", "enquete", "actiecontacten", "offertes"):
        assert _bevat(getattr(winkel, tabel)["klant_id"], k), tabel
    assert _bevat(winkel.actiecontacten["actie_id"], winkel.acties["actie_id"])
    assert winkel.ticketlijnen["ticket_id"].nunique() == len(t)  # elk ticket heeft lijnen


def test_lijnen_tellen_op_tot_ticket(winkel):
    lijnen = winkel.ticketlijnen
    centen = lambda s: np.round(s.to_numpy(dtype=float) * 100).astype(np.int64)  # noqa: E731
    aantal = lijnen["aantal"].to_numpy(dtype=np.int64)
    assert (
        aantal * centen(lijnen["eenheidsprijs"]) - centen(lijnen["korting"]) == centen(lijnen["bedrag"])
    ).all()
    som = (
        lijnen.assign(b=centen(lijnen["bedrag"]), k=centen(lijnen["korting"]))
        .groupby("ticket_id")[["b", "k"]]
        .sum()
    )
    t = winkel.tickets.set_index("ticket_id").loc[som.index]
    assert (centen(t["bedrag"]) == som["b"].to_numpy()).all()
    assert (centen(t["korting"]) == som["k"].to_numpy()).all()
    aankoop = winkel.tickets["soort"] == "aankoop"
    assert (winkel.tickets.loc[aankoop, "bedrag"] >= 0).all()
    assert (winkel.tickets.loc[~aankoop, "bedrag"] <= 0).all()


def test_datums_binnen_periode_en_na_inschrijving(winkel):
    einde = winkel.peildatum + pd.Timedelta(days=1)
    for tabel, kolom in (
        ("tickets", "datum"),
        ("contacten", "datum"),
        ("enquete", "antwoord_datum"),
        ("klanten", "inschrijfdatum"),
        ("ticketlijnen", "retourdatum"),
        ("offertes", "datum_beslissing"),
    ):
        assert (getattr(winkel, tabel)[kolom].dropna() < einde).all(), (tabel, kolom)
    t = winkel.tickets.dropna(subset=["klant_id"]).merge(
        winkel.klanten[["klant_id", "inschrijfdatum"]], on="klant_id"
    )
    assert (t["datum"] >= t["inschrijfdatum"]).all()


def test_klanten_kochten_prospects_niet(winkel):
    gekocht = set(winkel.tickets.loc[winkel.tickets["bedrag"] > 0, "klant_id"].dropna())
    relatie = winkel.klanten.set_index("klant_id")["relatie"]
    assert set(relatie[relatie == "klant"].index) <= gekocht
    assert not (set(relatie[relatie == "prospect"].index) & gekocht)


def test_geen_korting_in_sperperiode_behalve_klantenkaart(winkel):
    lijn = winkel.ticketlijnen.merge(winkel.tickets[["ticket_id", "datum", "soort"]], on="ticket_id")
    lijn = lijn.merge(winkel.producten[["product_id", "sperperiode"]], on="product_id")
    in_sper = (
        kalender.is_sperperiode(lijn["datum"])
        & lijn["sperperiode"].to_numpy()
        & (lijn["soort"] == "aankoop").to_numpy()
    )
    verboden = lijn[in_sper & (lijn["korting"] != 0).to_numpy()]
    assert len(lijn[in_sper]) > 0
    assert (verboden["korting_soort"] == "klantenkaart").all()
    solden = lijn[(lijn["korting_soort"] == "solden") & (lijn["soort"] == "aankoop")]
    assert kalender.is_solden(solden["datum"]).all()


def test_winkel_dicht_op_zondag(winkel):
    t = winkel.tickets
    assert not ((t["kanaal"] == "winkel") & (t["datum"].dt.day_of_week == 6)).any()
    assert ((t["kanaal"] == "webshop") & (t["datum"].dt.day_of_week == 6)).any()


def test_retours_volgen_hun_aankoop(winkel):
    t = winkel.tickets.set_index("ticket_id")
    retour = t[t["soort"] == "retour"]
    origineel = t.loc[retour["retour_van"]]
    assert (origineel["soort"] == "aankoop").all()
    dagen = retour["datum"].dt.normalize().to_numpy() - origineel["datum"].dt.normalize().to_numpy()
    assert (dagen >= np.timedelta64(1, "D")).all() and (dagen <= np.timedelta64(30, "D")).all()
    assert (retour["klant_id"].fillna("-").to_numpy() == origineel["klant_id"].fillna("-").to_numpy()).all()
    lijnen = winkel.ticketlijnen
    teruggebracht = lijnen[lijnen["retour"]]
    assert (
        teruggebracht["retourdatum"].notna().all()
        and lijnen.loc[~lijnen["retour"], "retourdatum"].isna().all()
    )
    negatief = lijnen[lijnen["ticket_id"].isin(retour.index)]
    assert (negatief["aantal"] < 0).all() and len(negatief) == len(teruggebracht)
    # retourdatum op de oorspronkelijke lijn = datum van het retourticket
    koppel = retour.reset_index().set_index("retour_van")["datum"]
    assert (
        teruggebracht["retourdatum"].to_numpy() == koppel.loc[teruggebracht["ticket_id"]].to_numpy()
    ).all()


def test_acties_respecteren_toestemming_en_kanaal(winkel):
    ac = winkel.actiecontacten.merge(
        winkel.acties[["actie_id", "kanaal", "startdatum", "einddatum", "soort"]], on="actie_id"
    )
    ac = ac.merge(
        winkel.klanten[["klant_id", "toestemming_marketing", "toestemming_datum", "voorkeurkanaal"]],
        on="klant_id",
    )
    assert ac["toestemming_marketing"].all()
    assert (ac["voorkeurkanaal"].astype(str) == ac["kanaal"].astype(str)).all()
    assert (ac["toestemming_datum"] <= ac["startdatum"]).all()
    controle = ac[ac["groep"] == "controle"]
    assert not controle[["verzonden", "geopend", "ingewisseld", "uitgeschreven"]].any().any()
    assert (ac.loc[ac["ingewisseld"], "geopend"]).all()
    # ingewisselde bonnen staan als ticket binnen de actieperiode
    t = winkel.tickets.dropna(subset=["actie_id"]).merge(winkel.acties, on="actie_id")
    assert (t["datum"].dt.normalize() >= t["startdatum"]).all()
    assert (t["datum"].dt.normalize() <= t["einddatum"]).all()
    assert len(t) == int(ac["ingewisseld"].sum())


def test_enquete_antwoorden_enkel_bij_respons(winkel):
    e = winkel.enquete
    antwoord = e[e["beantwoord"]]
    geen = e[~e["beantwoord"]]
    assert antwoord["tevredenheid"].between(1, 5).all() and antwoord["aanbeveling"].between(0, 10).all()
    assert geen[["tevredenheid", "aanbeveling", "antwoord_datum", "prijs"]].isna().all().all()
    assert (antwoord["antwoord_datum"] >= antwoord["uitnodiging_datum"]).all()


def test_woonplaats_klopt_met_gemeentelijst(winkel_en_sleutel):
    # a postcode the hidden truth marks as missing or impossible is the only exception
    winkel, sleutel = winkel_en_sleutel
    fout = sleutel.get("gebreken", pd.Series("", index=sleutel.index)).fillna("").str.contains("postcode")
    echt = geografie.gemeenten()[["postcode", "gemeente", "provincie"]].astype(str)
    k = winkel.klanten.loc[~fout.to_numpy(), ["postcode", "gemeente", "provincie"]]
    k = k.astype(str).drop_duplicates()
    assert len(k.merge(echt, how="left", indicator=True).query("_merge != 'both'")) == 0
    assert (winkel.klanten["afstand_km"] >= 0).all()


def test_offertes_fasen(winkel):
    o = winkel.offertes
    if winkel.profiel != "sportzaak":
        assert len(o) == 0
        return
    assert set(o["fase"].astype(str)) == {"suspect", "prospect", "offerte", "bestelling", "verloren"}
    beslist = o["fase"].isin(["bestelling", "verloren"])
    assert (
        o.loc[beslist, "datum_beslissing"].notna().all() and o.loc[~beslist, "datum_beslissing"].isna().all()
    )
    assert (o["datum_offerte"].dropna() >= o.loc[o["datum_offerte"].notna(), "datum_eerste_contact"]).all()


def test_sleutel_apart_en_volledig(winkel_en_sleutel):
    winkel, sleutel = winkel_en_sleutel
    assert "klanttype" not in winkel.klanten.columns
    assert list(sleutel["klant_id"]) == list(winkel.klanten["klant_id"])
    assert sleutel["klanttype"].nunique() >= 5


def test_advies_in_de_winkel_enkel_op_open_dagen(winkel):
    c = winkel.contacten
    winkelcontact = c[c["kanaal"] == "winkel"]
    assert len(winkelcontact) > 0
    assert not (winkelcontact["datum"].dt.day_of_week == 6).any()
    # staff time per contact stays plausible: at most about two hours
    assert c["minuten"].between(1, 120).all()


def test_clubs_dragen_de_naam_van_het_dorp(winkel):
    # fused municipalities (Bilzen-Hoeselt, Tongeren-Borgloon, ...) never appear in a club or school name
    gefuseerd = [g for g in geografie.gemeenten()["gemeente"] if "-" in g]
    o = winkel.offertes
    organisaties = o.loc[
        o["type_organisatie"] != "gemeente", "organisatie"
    ]  # "Gemeente X" is the municipality
    namen = pd.concat([winkel.klanten["sportclub"].dropna(), organisaties]).astype(str)
    for gemeente in gefuseerd:
        gebruikt = namen.str.contains(gemeente, regex=False)
        if gemeente.startswith(("Sint-", "Oud-", "Herk-de-", "Heist-op-")):  # a town's own name
            continue
        assert not gebruikt.any(), gemeente

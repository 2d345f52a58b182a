"""Realisme van de meegeleverde winkels: de doelen uit datasets/README.md (sectie "Kalibratie"), per profiel.

Alle cijfers worden hier onafhankelijk met pandas/numpy berekend (niet met de analysemodules), op de
meegeleverde datasets in ``datasets/`` (die de staleness-test gelijk houdt met de generator), en zolang
die nog proper zijn ook op dezelfde winkels met de gebreken van een echt klantenbestand
(``vervuiling=True``, zoals ze na de volgende aanmaak meegeleverd worden).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from helpers import kalender
from helpers.data import DATASETS, laad_winkel
from helpers.genereer import VERVUILING, genereer_winkel_met_sleutel
from helpers.schema import PROFIELEN

KLEDING_SEIZOEN = {"kledingzaak", "schoenenzaak"}  # schoenen: de kledingreeksen (datasets/README.md)
BRONNEN = [(p, bron) for bron in ("datasets", "vervuild") for p in PROFIELEN]


@pytest.fixture(scope="module", params=BRONNEN, ids=lambda b: f"{b[0]}-{b[1]}")
def winkel_en_sleutel(request):
    profiel, bron = request.param
    if bron == "vervuild":
        if VERVUILING:
            pytest.skip("de meegeleverde datasets hebben de gebreken al")
        return genereer_winkel_met_sleutel(profiel, vervuiling=True)
    if not (DATASETS / profiel / "winkel.json").exists():
        pytest.skip("datasets nog niet gegenereerd")
    sleutel = pd.read_csv(DATASETS / profiel / "_sleutel" / "klanten.csv", dtype={"klant_id": str})
    return laad_winkel(profiel), sleutel


@pytest.fixture(scope="module")
def winkel(winkel_en_sleutel):
    return winkel_en_sleutel[0]


@pytest.fixture(scope="module")
def sleutel(winkel_en_sleutel):
    return winkel_en_sleutel[1]


def _omzet_per_klant(winkel) -> np.ndarray:
    t = winkel.tickets.dropna(subset=["klant_id"])
    omzet = t.groupby("klant_id")["bedrag"].sum().to_numpy()
    return np.sort(omzet[omzet > 0])[::-1]


def _aankoopdagen(winkel) -> pd.Series:
    t = winkel.tickets
    t = t[(t["bedrag"] > 0) & t["klant_id"].notna()]
    return t.assign(dag=t["datum"].dt.normalize()).groupby("klant_id")["dag"].unique()


def _gini(waarden: np.ndarray) -> float:
    x = np.sort(waarden)
    n = len(x)
    return float(((2 * np.arange(1, n + 1) - n - 1) @ x) / (n * x.sum()))


def test_gini_oracle():
    # Handberekend: [0, 0, 0, 1] -> (2*4 - 4 - 1) * 1 / (4 * 1) = 3/4
    assert _gini(np.array([0.0, 0.0, 0.0, 1.0])) == pytest.approx(0.75)
    assert _gini(np.ones(10)) == pytest.approx(0.0)


def test_top20_en_gini(winkel):
    omzet = _omzet_per_klant(winkel)
    top = omzet[: int(np.ceil(0.2 * len(omzet)))].sum() / omzet.sum()
    assert 0.60 <= top <= 0.78
    assert 0.55 <= _gini(omzet) <= 0.75


def test_eenmalige_kopers_en_tussenaankooptijd(winkel):
    dagen = _aankoopdagen(winkel)
    aantal = dagen.map(len)
    assert 0.35 <= (aantal == 1).mean() <= 0.55
    tussentijd = np.concatenate([np.diff(np.sort(d)) for d in dagen[aantal > 1]]) / np.timedelta64(1, "D")
    mediaan = np.median(tussentijd)
    assert 30 <= mediaan <= 120
    # zware staart: het gemiddelde ligt ver boven de mediaan en het 90e percentiel nog veel verder
    assert tussentijd.mean() > 1.3 * mediaan and np.quantile(tussentijd, 0.9) > 3 * mediaan


def test_anonieme_tickets(winkel):
    aankoop = winkel.tickets[winkel.tickets["soort"] == "aankoop"]
    assert 0.20 <= aankoop["klant_id"].isna().mean() <= 0.45


def test_maandseizoen(winkel):
    t = winkel.tickets
    omzet = t.groupby(t["datum"].dt.month)["bedrag"].sum()
    factor = omzet / omzet.mean()
    if winkel.profiel in KLEDING_SEIZOEN:
        assert 1.56 <= factor[12] <= 1.69
        assert 0.73 <= factor[1] <= 0.78
        assert factor.idxmin() == 2
        # ... maar in januari een piek in het aantal tickets in de eerste twee soldenweken
        aankoop = t[t["soort"] == "aankoop"]
        per_dag = aankoop.groupby(aankoop["datum"].dt.normalize()).size()
        soldendag = kalender.soldendag(per_dag.index)
        eerste_weken = (soldendag >= 1) & (soldendag <= 14) & (per_dag.index.month == 1)
        assert per_dag[eerste_weken].mean() > 1.2 * per_dag[soldendag == 0].mean()
    else:
        assert 1.60 <= factor[12] <= 1.67
        assert 1.05 <= factor[8] <= 1.25


def test_soldenkorting_opening_en_later(winkel):
    lijnen = winkel.ticketlijnen.merge(winkel.tickets[["ticket_id", "datum", "soort"]], on="ticket_id")
    solden = lijnen[(lijnen["korting_soort"] == "solden") & (lijnen["soort"] == "aankoop")]
    pct = solden["korting"] / (solden["aantal"] * solden["eenheidsprijs"])
    dag = kalender.soldendag(solden["datum"])
    assert 0.26 <= pct[dag == 1].mean() <= 0.32
    assert pct[dag >= 21].mean() > pct[dag == 1].mean() + 0.1


def test_brutomarge_bij_volle_prijs(winkel):
    # catalogusprijs is inclusief 21% btw; marge en keystone gelden op de prijs zonder btw
    p = winkel.producten
    zonder_btw = p["catalogusprijs"] / 1.21
    assert (1 - p["aankoopprijs"] / zonder_btw).between(0.50, 0.60).all()
    assert (zonder_btw / p["aankoopprijs"]).between(2.0, 2.5).all()


def test_retours_winkel_en_online(winkel):
    lijnen = winkel.ticketlijnen.merge(winkel.tickets[["ticket_id", "kanaal", "soort"]], on="ticket_id")
    aankoop = lijnen[lijnen["soort"] == "aankoop"]
    aandeel = aankoop.groupby("kanaal", observed=True)["retour"].mean()
    assert 0.08 <= aandeel["winkel"] <= 0.10
    assert 0.18 <= aandeel["webshop"] <= 0.30


def _respons(winkel) -> pd.DataFrame:
    return winkel.enquete[winkel.enquete["beantwoord"]]


def _nps(scores: pd.Series) -> float:
    s = scores.astype(float)
    return 100 * ((s >= 9).mean() - (s <= 6).mean())


def _z_proporties(p1: float, n1: int, p2: float, n2: int) -> float:
    """z-toets op het verschil van twee proporties (gepoolde variantie)."""
    p = (p1 * n1 + p2 * n2) / (n1 + n2)
    return (p1 - p2) / np.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))


def test_proportietoets_oracle():
    # 60/100 tegen 40/100: gepoold 0,5; se = sqrt(0,25 * 0,02) = 0,0707; z = 0,2 / 0,0707 = 2,83
    assert _z_proporties(0.6, 100, 0.4, 100) == pytest.approx(2.828, abs=1e-3)
    # scipy's chi-kwadraattoets zonder continuïteitscorrectie geeft z^2
    chi2 = chi2_contingency([[60, 40], [40, 60]], correction=False)[0]
    assert _z_proporties(0.6, 100, 0.4, 100) ** 2 == pytest.approx(chi2)


def test_nps_oracle():
    # 2 promotors, 1 passief, 1 criticaster op 4: 100 * (2/4 - 1/4) = 25
    assert _nps(pd.Series([10, 9, 7, 3])) == pytest.approx(25)


def test_nps_en_verschil_tussen_types(winkel, sleutel):
    respons = _respons(winkel)
    assert 10 <= _nps(respons["aanbeveling"]) <= 50
    per_type = respons.merge(sleutel[["klant_id", "klanttype"]], on="klant_id").groupby("klanttype")
    nps = per_type["aanbeveling"].apply(_nps)
    assert nps.max() - nps.min() >= 15


def test_enkel_zeer_tevreden_klanten_blijven_duidelijk_trouwer(winkel):
    respons = _respons(winkel)[["respons_id", "klant_id", "antwoord_datum", "tevredenheid"]]
    t = winkel.tickets[winkel.tickets["bedrag"] > 0][["klant_id", "datum"]]
    koppel = respons.merge(t, on="klant_id", how="left")
    binnen_jaar = (koppel["datum"] > koppel["antwoord_datum"]) & (
        koppel["datum"] <= koppel["antwoord_datum"] + pd.Timedelta(days=365)
    )
    herhaal = (
        koppel.assign(herhaal=binnen_jaar)
        .groupby("respons_id")
        .agg(tevredenheid=("tevredenheid", "first"), herhaal=("herhaal", "any"))
    )
    groep = herhaal.groupby("tevredenheid")["herhaal"]
    kans, n = groep.mean(), groep.size()
    z = {(a, b): _z_proporties(kans[a], n[a], kans[b], n[b]) for a, b in ((5, 4), (4, 3))}
    assert kans[5] - kans[4] >= 0.10 and z[5, 4] > 2.58  # 5/5 duidelijk en significant trouwer
    assert abs(z[4, 3]) < 2.58  # 4/5 en 3/5 verschillen niet significant (1%)


def test_respondenten_zijn_meer_betrokken(winkel):
    e = winkel.enquete
    t = winkel.tickets[
        (winkel.tickets["bedrag"] > 0) & (winkel.tickets["datum"] < e["uitnodiging_datum"].min())
    ]
    dagen = t.assign(dag=t["datum"].dt.normalize()).groupby("klant_id")["dag"].nunique()
    per_groep = e.assign(dagen=e["klant_id"].map(dagen).fillna(0)).groupby("beantwoord")["dagen"].mean()
    assert per_groep[True] > 1.2 * per_groep[False]


def _kenmerken(winkel) -> pd.DataFrame:
    """Gedragskenmerken per kopende klant: frequentie, webshop, solden, prijsniveau, productlijnen."""
    t = winkel.tickets
    t = t[t["klant_id"].notna() & (t["soort"] == "aankoop")]
    per_klant = t.groupby("klant_id")
    lijnen = winkel.ticketlijnen.merge(t[["ticket_id", "klant_id"]], on="ticket_id").merge(
        winkel.producten[["product_id", "productlijn", "categorie", "catalogusprijs"]], on="product_id"
    )
    mediaan = lijnen.groupby("categorie", observed=True)["catalogusprijs"].transform("median")
    lijnen = lijnen.assign(
        bruto=lijnen["aantal"] * lijnen["eenheidsprijs"],
        prijsniveau=np.log(lijnen["catalogusprijs"] / mediaan),
    )
    aandeel = lijnen.pivot_table(
        index="klant_id", columns="productlijn", values="bruto", aggfunc="sum", observed=True
    ).fillna(0)
    # de lijnen dames/heren volgen vooral het geslacht van de klant, niet zijn type: die laten we weg
    aandeel = aandeel.div(aandeel.sum(axis=1), axis=0).drop(columns=["dames", "heren"], errors="ignore")
    return (
        pd.DataFrame(
            {
                "log_frequentie": np.log(per_klant.size()),
                "webshop": per_klant["kanaal"].apply(lambda k: (k == "webshop").mean()),
                "solden": t.assign(s=kalender.is_solden(t["datum"])).groupby("klant_id")["s"].mean(),
                "prijsniveau": lijnen.groupby("klant_id")["prijsniveau"].mean(),
            }
        )
        .join(aandeel)
        .fillna(0)
    )


def test_kmeans_vindt_de_verborgen_types(winkel, sleutel):
    kenmerken = _kenmerken(winkel)
    echt = sleutel.set_index("klant_id").loc[kenmerken.index, "klanttype"]
    kenmerken, echt = kenmerken[echt != "testrecord"], echt[echt != "testrecord"]  # the shop's own card
    x = StandardScaler().fit_transform(kenmerken)
    groepen = KMeans(n_clusters=echt.nunique(), n_init=10, random_state=0).fit_predict(x)
    assert adjusted_rand_score(echt, groepen) >= 0.4
    # en dat is veel beter dan toeval: dezelfde labels door elkaar geschud
    geschud = np.random.default_rng(0).permutation(echt.to_numpy())
    assert adjusted_rand_score(geschud, groepen) < 0.05


def test_wie_ver_woont_koopt_online_en_de_meesten_wonen_dichtbij(winkel):
    k = winkel.klanten.set_index("klant_id")["afstand_km"]
    assert (k <= 25).mean() > 0.6  # afstandsafname rond de winkel
    t = winkel.tickets[(winkel.tickets["soort"] == "aankoop") & winkel.tickets["klant_id"].notna()]
    afstand = t["klant_id"].map(k)
    web = (t["kanaal"] == "webshop").to_numpy()
    assert web[(afstand > 40).to_numpy()].mean() > 2 * web[(afstand <= 15).to_numpy()].mean()


def test_geboortedatums_gespreid_zonder_stapel_op_de_leeftijdsgrens(winkel):
    # customers are 16 or older; nobody piles up on the youngest possible birth date (an unknown birth
    # date, as on a second card or a test record, is not a birth date)
    geboorte = winkel.klanten["geboortedatum"].dropna()
    grens = winkel.peildatum - pd.DateOffset(years=16)
    assert (geboorte <= grens).all()
    assert geboorte.value_counts().max() <= 0.005 * len(geboorte)
    # within one month of the bound there are about as many as a normal month nearby (no spike)
    bij_grens = (geboorte > grens - pd.DateOffset(months=1)).sum()
    assert bij_grens <= 0.02 * len(geboorte)


def test_elke_actie_met_een_kost_heeft_contacten(winkel):
    verzonden = winkel.actiecontacten[winkel.actiecontacten["verzonden"]].groupby("actie_id").size()
    kost = winkel.acties[(winkel.acties["vaste_kost"] > 0) | (winkel.acties["kost_per_contact"] > 0)]
    assert (verzonden.reindex(kost["actie_id"], fill_value=0) > 0).all()

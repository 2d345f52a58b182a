"""Groepsklanten (clubs, scholen, gemeenten, bedrijven): het verkooptraject van eerste contact tot bestelling.

Een CRM volgt het hele verkooptraject: **suspect** (een organisatie die misschien iets wil: de
voetbalclub uit het dorp), **prospect** (er is interesse en een contactpersoon), **offerte** (je deed
een voorstel) en **bestelling** (gewonnen). Wie afhaakt, staat op **verloren** (bron: het artikel
"Klantenrelaties: van kapitaal belang", over wat een CRM bijhoudt). De tabel ``offertes`` van de
sportzaak heeft één rij per organisatie met haar huidige ``fase`` en de datums.

- `trechter`: hoeveel organisaties bereikten elke fase, en hoeveel stroomden door naar de volgende?
- `per_type`: clubs tegenover scholen (en gemeenten, bedrijven): winkans met een eerlijk interval
  (Wilson), gemiddelde bestelling, doorlooptijd, openstaande offertes en hun verwachte waarde;
- `op_te_volgen`: welke offertes en prospects liggen te lang stil? Die bel je deze week.

Een organisatie op "verloren" met een offertedatum haakte af na de offerte, zonder offertedatum al
als prospect. De winkans telt alleen beslisten (gewonnen of verloren na een offerte): een offerte die
nog openstaat, is nog niet verloren.

>>> import pandas as pd
>>> o = pd.DataFrame({"offerte_id": ["O1", "O2", "O3", "O4"], "type_organisatie": ["club"] * 4,
...     "fase": ["suspect", "offerte", "bestelling", "verloren"],
...     "datum_offerte": pd.to_datetime([None, "2025-03-01", "2025-02-01", "2025-02-10"]),
...     "waarde": [None, 800.0, 1200.0, 500.0]})
>>> trechter(o)["bereikt"].tolist()
[4, 3, 3, 1]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen
from helpers.intervallen import wilson_interval
from helpers.tijdzone import belgische_tijd

FASEN = ("suspect", "prospect", "offerte", "bestelling")
"""De fasen van het verkooptraject, in volgorde; ``verloren`` staat erbuiten."""

_ALLE_FASEN = (*FASEN, "verloren")


def _fasen(offertes: pd.DataFrame) -> pd.DataFrame:
    """Per organisatie: welke fase bereikte ze (waar/onwaar per fase), en is ze beslist?"""
    vereis_kolommen(offertes, ["fase", "datum_offerte"], "offertes")
    fase = offertes["fase"].astype("string").str.strip().str.lower()
    onbekend = fase.notna() & ~fase.isin(_ALLE_FASEN)
    if onbekend.any():
        raise InvoerFout(
            f"Onbekende fase {fase[onbekend].iloc[0]!r} in 'offertes'. Kies uit: {', '.join(_ALLE_FASEN)}."
        )
    if fase.isna().any():
        raise InvoerFout("Elke rij in 'offertes' heeft een fase nodig (suspect, prospect, ...).")
    if not pd.api.types.is_datetime64_any_dtype(offertes["datum_offerte"]):
        raise InvoerFout("De kolom 'datum_offerte' in 'offertes' moet datums bevatten (leeg mag).")
    met_offerte = offertes["datum_offerte"].notna() | fase.isin(["offerte", "bestelling"])
    return pd.DataFrame(
        {
            "suspect": True,
            "prospect": fase != "suspect",
            "offerte": met_offerte,
            "bestelling": fase == "bestelling",
            "gewonnen": fase == "bestelling",
            "beslist": (fase == "bestelling") | ((fase == "verloren") & met_offerte),
            "open_offerte": fase == "offerte",
            "fase": fase,
        },
        index=offertes.index,
    )


@belgische_tijd
def trechter(offertes: pd.DataFrame) -> pd.DataFrame:
    """De trechter suspect → prospect → offerte → bestelling: hoeveel organisaties bereikten elke fase?

    Per fase (de index): ``bereikt`` (aantal dat die fase ooit bereikte), ``nu_in_fase`` (staat er
    nu), ``doorstroom`` (aandeel van de vorige fase dat deze fase bereikte; bij de eerste leeg),
    ``verloren`` (afgehaakt in die fase) en ``waarde`` (som van ``waarde``, als die kolom er is).

    >>> import pandas as pd
    >>> o = pd.DataFrame({"fase": ["suspect", "prospect", "offerte", "bestelling", "verloren"],
    ...     "datum_offerte": pd.to_datetime([None, None, "2025-03-01", "2025-02-01", None])})
    >>> trechter(o)[["bereikt", "nu_in_fase", "verloren"]]  # doctest: +NORMALIZE_WHITESPACE
                bereikt  nu_in_fase  verloren
    fase
    suspect           5           1         0
    prospect          4           1         1
    offerte           2           1         0
    bestelling        1           1         0
    """
    fasen = _fasen(offertes)
    bereikt = fasen[list(FASEN)].sum().astype("int64")
    laatste = np.select([fasen["offerte"], fasen["prospect"]], ["offerte", "prospect"], "suspect")
    verloren = pd.Series(laatste[(fasen["fase"] == "verloren").to_numpy()]).value_counts()
    tabel = pd.DataFrame(
        {
            "bereikt": bereikt,
            "nu_in_fase": fasen["fase"].value_counts().reindex(FASEN, fill_value=0).astype("int64"),
            "doorstroom": bereikt / bereikt.shift(1),
            "verloren": verloren.reindex(FASEN, fill_value=0).astype("int64"),
        }
    ).rename_axis("fase")
    if "waarde" in offertes.columns:
        waarde = pd.to_numeric(offertes["waarde"], errors="coerce").fillna(0.0)
        tabel["waarde"] = [float(waarde[fasen[f]].sum()) for f in FASEN]  # vier fasen, geen rijen
    return tabel


@belgische_tijd
def per_type(offertes: pd.DataFrame, betrouwbaarheid: float = 0.95) -> pd.DataFrame:
    """Het traject per ``type_organisatie`` (club, school, ...): wie loont de moeite van een offerte?

    Kolommen: ``organisaties``, ``offertes`` (kregen een offerte), ``beslist``, ``gewonnen``,
    ``winkans`` (gewonnen / beslist) met ``winkans_onder`` en ``winkans_boven`` (Wilson-interval: met
    weinig offertes is de winkans onzeker), ``gemiddelde_bestelling`` (gemiddelde ``waarde`` van de
    gewonnen), ``dagen_tot_beslissing`` (mediaan van offerte tot beslissing), ``open_offertes``,
    ``open_waarde`` en ``verwachte_waarde`` (open waarde × winkans: wat de open offertes naar
    verwachting opbrengen).

    >>> import pandas as pd
    >>> o = pd.DataFrame({"type_organisatie": ["club", "club", "club", "school", "school"],
    ...     "fase": ["bestelling", "verloren", "offerte", "bestelling", "bestelling"],
    ...     "datum_offerte": pd.to_datetime(["2025-01-01", "2025-01-05", "2025-02-01", "2025-01-10",
    ...                                      "2025-03-01"]),
    ...     "datum_beslissing": pd.to_datetime(["2025-01-21", "2025-02-04", None, "2025-01-20",
    ...                                         "2025-03-11"]),
    ...     "waarde": [1000.0, 600.0, 900.0, 400.0, 500.0]})
    >>> per_type(o)[["gewonnen", "winkans", "verwachte_waarde"]]  # doctest: +NORMALIZE_WHITESPACE
                      gewonnen  winkans  verwachte_waarde
    type_organisatie
    club                     1      0.5             450.0
    school                   2      1.0               0.0
    """
    vereis_kolommen(offertes, ["type_organisatie", "datum_beslissing", "waarde"], "offertes")
    fasen = _fasen(offertes)
    waarde = pd.to_numeric(offertes["waarde"], errors="coerce")
    doorloop = (offertes["datum_beslissing"] - offertes["datum_offerte"]).dt.days.where(fasen["beslist"])
    hulp = pd.DataFrame(
        {
            "type": offertes["type_organisatie"].astype("string").fillna("onbekend"),
            "offerte": fasen["offerte"],
            "beslist": fasen["beslist"],
            "gewonnen": fasen["gewonnen"],
            "open": fasen["open_offerte"],
            "bestelling": waarde.where(fasen["gewonnen"]),
            "open_waarde": waarde.where(fasen["open_offerte"]).fillna(0.0),
            "doorloop": doorloop,
        }
    )
    groep = hulp.groupby("type", observed=True)
    tabel = groep.agg(
        organisaties=("offerte", "size"),
        offertes=("offerte", "sum"),
        beslist=("beslist", "sum"),
        gewonnen=("gewonnen", "sum"),
        gemiddelde_bestelling=("bestelling", "mean"),
        dagen_tot_beslissing=("doorloop", "median"),
        open_offertes=("open", "sum"),
        open_waarde=("open_waarde", "sum"),
    ).rename_axis("type_organisatie")
    onder, boven = wilson_interval(tabel["gewonnen"], tabel["beslist"], betrouwbaarheid)
    winkans = tabel["gewonnen"] / tabel["beslist"].where(tabel["beslist"] > 0)
    verwacht = tabel["open_waarde"] * winkans
    return tabel.assign(winkans=winkans, winkans_onder=onder, winkans_boven=boven, verwachte_waarde=verwacht)[
        ["organisaties", "offertes", "beslist", "gewonnen", "winkans", "winkans_onder", "winkans_boven",
         "gemiddelde_bestelling", "dagen_tot_beslissing", "open_offertes", "open_waarde", "verwachte_waarde"]
    ]  # fmt: skip


@belgische_tijd
def op_te_volgen(
    offertes: pd.DataFrame, peildatum: object, offerte_na_dagen: int = 21, prospect_na_dagen: int = 45
) -> pd.DataFrame:
    """Welke organisaties liggen te lang stil? Open offertes ouder dan ``offerte_na_dagen`` en prospects
    zonder offerte sinds ``prospect_na_dagen`` na het eerste contact, op ``peildatum``.

    Geeft de rijen van ``offertes`` met ``dagen_stil`` en ``volgende_stap`` ("bel over de offerte" of
    "maak een offerte"), de hoogste ``waarde`` eerst.

    >>> import pandas as pd
    >>> o = pd.DataFrame({"organisatie": ["KFC A", "School B", "Club C"],
    ...     "fase": ["offerte", "prospect", "offerte"],
    ...     "datum_eerste_contact": pd.to_datetime(["2025-01-02", "2025-01-05", "2025-03-01"]),
    ...     "datum_offerte": pd.to_datetime(["2025-02-01", None, "2025-03-20"]),
    ...     "waarde": [900.0, 400.0, 700.0]})
    >>> op_te_volgen(o, pd.Timestamp("2025-03-31"))[["organisatie", "dagen_stil", "volgende_stap"]]
      organisatie  dagen_stil        volgende_stap
    0       KFC A          58  bel over de offerte
    1    School B          85     maak een offerte
    """
    vereis_kolommen(offertes, ["fase", "datum_eerste_contact", "datum_offerte"], "offertes")
    fasen = _fasen(offertes)
    dag = pd.Timestamp(peildatum).normalize()
    sinds_offerte = (dag - offertes["datum_offerte"].dt.normalize()).dt.days
    sinds_contact = (dag - offertes["datum_eerste_contact"].dt.normalize()).dt.days
    offerte = fasen["open_offerte"] & (sinds_offerte > offerte_na_dagen)
    prospect = (fasen["fase"] == "prospect") & (sinds_contact > prospect_na_dagen)
    uit = offertes.assign(
        dagen_stil=np.where(offerte, sinds_offerte, sinds_contact),
        volgende_stap=np.where(offerte, "bel over de offerte", "maak een offerte"),
    ).loc[offerte | prospect]
    sorteer = ["waarde", "dagen_stil"] if "waarde" in uit.columns else ["dagen_stil"]
    return uit.astype({"dagen_stil": "int64"}).sort_values(
        sorteer, ascending=False, kind="stable", ignore_index=True, na_position="last"
    )

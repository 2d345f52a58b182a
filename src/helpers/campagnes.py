"""Acties plannen: de wettelijke kalender, het ritme per doelgroep, een controlegroep en de verwachting.

- `wettelijke_periodes`: de solden en de sperperiodes die een jaar raken (uit `helpers.kalender`);
- `controleer_planning`: valt een geplande actie met korting op kleding, schoenen of lederwaren in de
  sperperiode? Dan is dat verboden (art. VI.18 Wetboek van economisch recht: geen aankondiging van
  prijsverminderingen van 3 december tot en met 2 januari en van 1 tot en met 30 juni, een dag vroeger
  als de solden een dag vroeger beginnen). Ook een bon of voucher is een prijsvermindering: laat hem
  niet gelden in de sperperiode (twijfel je, vraag het na bij de FOD Economie);
- `cadans`: blijf je in beeld zonder je klanten te overladen? Per doelgroep de drukste maand en de
  langste stilte;
- `kleinste_zichtbare_uplift` en `controlegroep_grootte`: hoe groot moet de controlegroep zijn om
  een verschil echt te kunnen zien?
- `historiek` en `verwachting`: wat bracht een soort actie vroeger op, en wat mag je dus verwachten?

De soorten promoties (De Pelsmacker e.a., 2011, in de UCLL-toolkit detailhandel, fiche Communicatie):
geldvoordeel (korting, bon), productpromotie (een product in de kijker, iets extra) en wedstrijd; een
VIP-voorpremière, een verjaardagsbon en een win-backactie zijn persoonlijke varianten.

>>> import pandas as pd
>>> plan = pd.DataFrame({"naam": ["Zomerbon", "Herfstbon"], "startdatum": pd.to_datetime(["2026-06-10",
...     "2026-09-10"]), "einddatum": pd.to_datetime(["2026-06-20", "2026-09-20"]), "korting_pct": [0.1, 0.1]})
>>> controleer_planning(plan)["sper_dagen"].tolist()
[11, 0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_kolommen, vereis_niet_leeg
from helpers.intervallen import z_waarde
from helpers.kalender import soldenperiodes, sperperiodes
from helpers.opmaak import procent
from helpers.tijdzone import belgische_tijd

PROMOTIESOORTEN: dict[str, str] = {
    "geldvoordeel": "geld: een korting of een bon (het snelst te begrijpen, maar het kost marge)",
    "productpromotie": "product: een product of productlijn in de kijker, iets extra bij aankoop",
    "wedstrijd": "wedstrijd: maakt je zaak bekend en levert contactgegevens op, zonder korting",
    "vip-preview": "VIP: je beste klanten zien de nieuwe collectie eerst (een gevoel, geen korting nodig)",
    "verjaardag": "persoonlijk: een bon of attentie bij de verjaardag of één jaar klant",
    "winback": "persoonlijk: een brief of postkaart voor wie al lang niet meer kwam",
    "nieuwsbrief": "nieuws zonder aanbod: de nieuwe collectie, een tip, je spaarpunten (houdt je in beeld)",
}
"""De soorten acties, met wat ze doen (de soorten van de tabel ``acties``)."""

_DAG = np.timedelta64(1, "D")


def _datums(reeks: pd.Series, naam: str) -> np.ndarray:
    if not pd.api.types.is_datetime64_any_dtype(reeks):
        raise InvoerFout(
            f"De kolom '{naam}' in 'planning' moet datums bevatten, maar heeft type {reeks.dtype}. "
            "Zet ze om met pd.to_datetime(...)."
        )
    if reeks.isna().any():
        raise InvoerFout(f"De kolom '{naam}' in 'planning' heeft lege datums: geef elke actie een datum.")
    return reeks.to_numpy().astype("datetime64[D]")


def wettelijke_periodes(jaar: int) -> pd.DataFrame:
    """De solden en sperperiodes die ``jaar`` raken, op datum: ``soort``, ``begin``, ``einde`` (inbegrepen).

    De sperperiode die in december van het vorige jaar begint en tot 2 januari loopt, hoort erbij.

    >>> wettelijke_periodes(2026).assign(begin=lambda t: t["begin"].dt.strftime("%d-%m"),
    ...                                  einde=lambda t: t["einde"].dt.strftime("%d-%m"))
             soort  begin  einde
    0  sperperiode  03-12  02-01
    1       solden  03-01  31-01
    2  sperperiode  01-06  30-06
    3       solden  01-07  31-07
    4  sperperiode  02-12  01-01

    In 2027 valt 3 januari op een zondag: de wintersolden beginnen op 2 januari, dus de sperperiode
    ervoor loopt van 2 december 2026 tot en met 1 januari 2027.
    """
    rijen = [("sperperiode", *p) for p in sperperiodes(jaar - 1)[1:]]
    winter, zomer = soldenperiodes(jaar)
    sper_zomer, sper_winter = sperperiodes(jaar)
    rijen += [
        ("solden", *winter),
        ("sperperiode", *sper_zomer),
        ("solden", *zomer),
        ("sperperiode", *sper_winter),
    ]
    tabel = pd.DataFrame(rijen, columns=["soort", "begin", "einde"])
    return tabel.astype({"begin": "datetime64[us]", "einde": "datetime64[us]"})


_VOORBEELD = (  # segment, naam, soort, kanaal, (maand, dag) begin, (maand, dag) einde, korting
    ("Kampioenen", "VIP: lentecollectie", "vip-preview", "e-mail", (2, 20), (2, 21), 0.0),
    ("Kampioenen", "Dubbele punten", "geldvoordeel", "e-mail", (4, 15), (4, 30), 0.0),
    ("Kampioenen", "Loopavond", "wedstrijd", "e-mail", (6, 20), (6, 20), 0.0),
    ("Kampioenen", "VIP: herfstcollectie", "vip-preview", "e-mail", (9, 5), (9, 15), 0.0),
    ("Kampioenen", "Kerstshopping", "vip-preview", "e-mail", (12, 10), (12, 12), 0.0),
    ("Trouwe klanten", "Nieuwjaarsbrief", "nieuwsbrief", "e-mail", (1, 20), (1, 20), 0.0),
    ("Trouwe klanten", "Lentebon", "geldvoordeel", "e-mail", (3, 10), (3, 31), 0.10),
    ("Trouwe klanten", "Zomerwedstrijd", "wedstrijd", "e-mail", (5, 15), (6, 15), 0.0),
    ("Trouwe klanten", "Herfstcollectie binnen", "nieuwsbrief", "e-mail", (8, 25), (8, 25), 0.0),
    ("Trouwe klanten", "Najaarsbon", "geldvoordeel", "e-mail", (10, 10), (10, 31), 0.10),
    ("Nieuwe klanten", "Bon tweede aankoop", "geldvoordeel", "e-mail", (4, 1), (4, 30), 0.10),
    ("Nieuwe klanten", "Schoolstart", "productpromotie", "sms", (8, 20), (9, 10), 0.0),
    ("Bijna kwijt", "We missen je", "winback", "post", (10, 1), (10, 31), 0.20),
)


def voorbeeldkalender(jaar: int) -> pd.DataFrame:
    """Een voorbeeld van een jaarkalender per doelgroep (RFM-segment), als vertrekpunt voor je eigen.

    Elke doelgroep krijgt haar eigen boodschap en ritme: de Kampioenen om de twee à drie maanden iets
    persoonlijks zonder korting, de trouwe klanten een bon in het voor- en najaar en een wedstrijd, de
    nieuwe klanten een reden om een tweede keer te komen, wie bijna kwijt is een postkaart. Geen
    korting in de sperperiodes (de kerstavond en de loopavond zijn zonder korting).

    >>> k = voorbeeldkalender(2026)
    >>> k["segment"].nunique(), len(k), controleer_planning(k)["waarschuwing"].str.len().sum()
    (4, 13, np.int64(0))
    """
    rijen = [
        (segment, naam, soort, kanaal, pd.Timestamp(jaar, *begin), pd.Timestamp(jaar, *einde), korting)
        for segment, naam, soort, kanaal, begin, einde, korting in _VOORBEELD
    ]
    kolommen = ["segment", "naam", "soort", "kanaal", "startdatum", "einddatum", "korting_pct"]
    tabel = pd.DataFrame(rijen, columns=kolommen)
    return tabel.astype({"startdatum": "datetime64[us]", "einddatum": "datetime64[us]"})


def _overlap(begin: np.ndarray, einde: np.ndarray, p_begin: np.ndarray, p_einde: np.ndarray) -> np.ndarray:
    """Dagen overlap (grenzen inbegrepen) van elke actie (rij) met elke periode (kolom)."""
    van = np.maximum(begin[:, None], p_begin[None, :])
    tot = np.minimum(einde[:, None], p_einde[None, :])
    return np.maximum((tot - van) // _DAG + 1, 0)


def _periodes(soort: str, jaren: range) -> tuple[np.ndarray, np.ndarray]:
    alle = pd.concat([wettelijke_periodes(j) for j in jaren], ignore_index=True)
    alle = alle.loc[alle["soort"] == soort].drop_duplicates()
    return alle["begin"].to_numpy().astype("datetime64[D]"), alle["einde"].to_numpy().astype("datetime64[D]")


@belgische_tijd
def controleer_planning(planning: pd.DataFrame) -> pd.DataFrame:
    """Zet naast elke geplande actie of ze in de sperperiode of de solden valt, met een waarschuwing.

    ``planning`` heeft ``startdatum`` en ``einddatum`` (inbegrepen) en ``korting_pct`` (een aandeel:
    0,15 = 15%; 0 = geen korting, bv. een wedstrijd). Mag erbij: ``aankondiging`` (de dag waarop je de
    actie bekendmaakt, standaard de startdatum) en ``sperartikelen`` (waar als de korting kleding,
    schoenen of lederwaren betreft; standaard waar). De tabel ``acties`` van een winkel past zo ook.

    Nieuwe kolommen: ``sper_dagen`` (dagen van aankondiging tot einde in een sperperiode),
    ``solden_dagen``, ``waarschuwing`` (leeg als alles mag) en ``opmerking`` (bv. dat een korting in de
    solden wegvalt tussen de soldenprijzen).

    >>> import pandas as pd
    >>> plan = pd.DataFrame({"naam": ["Kerstbon"], "startdatum": pd.to_datetime(["2026-12-10"]),
    ...                      "einddatum": pd.to_datetime(["2026-12-24"]), "korting_pct": [0.15]})
    >>> print(controleer_planning(plan).loc[0, "waarschuwing"])
    Kerstbon: korting (15%) op kleding, schoenen of lederwaren in de sperperiode (02-12-2026 tot en met \
01-01-2027). Dat is verboden: verschuif de actie, of maak er een actie zonder korting van.
    """
    vereis_kolommen(planning, ["startdatum", "einddatum", "korting_pct"], "planning")
    vereis_niet_leeg(planning, "planning")
    begin = _datums(planning["startdatum"], "startdatum")
    einde = _datums(planning["einddatum"], "einddatum")
    if (einde < begin).any():
        rij = int(np.flatnonzero(einde < begin)[0])
        raise InvoerFout(f"Actie op rij {rij} eindigt voor ze begint: kijk 'startdatum' en 'einddatum' na.")
    aankondiging = begin
    if "aankondiging" in planning.columns:
        aankondiging = np.minimum(begin, _datums(planning["aankondiging"], "aankondiging"))
    korting = pd.to_numeric(planning["korting_pct"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    if (korting > 1).any():
        raise InvoerFout("'korting_pct' is een aandeel: 0.15 voor 15%, niet 15.")
    sper = np.ones(len(planning), dtype=bool)
    if "sperartikelen" in planning.columns:
        sper = planning["sperartikelen"].fillna(True).to_numpy(dtype=bool)
    jaren = range(int(aankondiging.min().astype("datetime64[Y]").astype(int)) + 1970,
                  int(einde.max().astype("datetime64[Y]").astype(int)) + 1971)  # fmt: skip
    s_begin, s_einde = _periodes("sperperiode", jaren)
    sper_overlap = _overlap(aankondiging, einde, s_begin, s_einde)
    z_begin, z_einde = _periodes("solden", jaren)
    solden_dagen = _overlap(begin, einde, z_begin, z_einde).sum(axis=1)
    eerste = np.argmax(sper_overlap > 0, axis=1)
    verboden = (sper_overlap.sum(axis=1) > 0) & (korting > 0) & sper
    namen = planning["naam"].astype("string").fillna("actie") if "naam" in planning.columns else None

    def datum(d: np.datetime64) -> str:
        return pd.Timestamp(d).strftime("%d-%m-%Y")

    waarschuwing = [
        (f"{namen.iloc[i] if namen is not None else f'Actie {i + 1}'}: korting ({procent(korting[i], 0)}) op "
         f"kleding, schoenen of lederwaren in de sperperiode ({datum(s_begin[eerste[i]])} tot en met "
         f"{datum(s_einde[eerste[i]])}). Dat is verboden: verschuif de actie, of maak er een actie zonder "
         "korting van.")
        if verboden[i] else ""
        for i in range(len(planning))
    ]  # fmt: skip
    opmerking = np.where(
        (solden_dagen > 0) & (korting > 0),
        "valt in de solden: je korting valt weg tussen de soldenprijzen",
        "",
    )
    return planning.assign(
        sper_dagen=sper_overlap.sum(axis=1).astype("int64"),
        solden_dagen=solden_dagen.astype("int64"),
        waarschuwing=waarschuwing,
        opmerking=opmerking,
    )


@belgische_tijd
def cadans(
    planning: pd.DataFrame,
    segment: str = "segment",
    max_per_30_dagen: int = 2,
    max_stilte_dagen: int = 120,
    herhaal_jaarlijks: bool = True,
) -> pd.DataFrame:
    """Het ritme per doelgroep: te druk (overladen) of te stil (niet meer 'top of mind')?

    Per waarde van ``segment`` (zonder die kolom: één doelgroep, "iedereen"): ``aantal`` acties,
    ``drukste_30_dagen`` (het grootste aantal acties dat binnen 30 dagen start), ``langste_stilte``
    (de langste tijd in dagen tussen twee starts; met ``herhaal_jaarlijks`` telt ook de tijd van de
    laatste actie tot de eerste van het volgende jaar, want een jaarkalender herhaalt zich) en een
    ``waarschuwing`` als het drukker is dan ``max_per_30_dagen`` of stiller dan ``max_stilte_dagen``.

    >>> import pandas as pd
    >>> plan = pd.DataFrame({"segment": ["trouw"] * 3, "startdatum": pd.to_datetime(
    ...     ["2026-03-01", "2026-03-10", "2026-03-20"])})
    >>> cadans(plan)[["aantal", "drukste_30_dagen", "langste_stilte"]]  # doctest: +NORMALIZE_WHITESPACE
             aantal  drukste_30_dagen  langste_stilte
    segment
    trouw         3                 3             346
    """
    vereis_kolommen(planning, ["startdatum"], "planning")
    vereis_niet_leeg(planning, "planning")
    start = _datums(planning["startdatum"], "startdatum").astype("int64")
    groep = (
        planning[segment].astype("string").fillna("(geen segment)").to_numpy(dtype=object)
        if segment in planning.columns
        else np.full(len(planning), "iedereen", dtype=object)
    )
    volgorde = np.lexsort((start, groep))
    groep, start = groep[volgorde], start[volgorde]
    namen, eerste, aantal = np.unique(groep, return_index=True, return_counts=True)
    # per actie: hoeveel acties van dezelfde groep starten binnen 30 dagen vanaf deze (inbegrepen)
    sleutel = np.searchsorted(namen, groep) * 10**7 + start  # groep en dag in één gesorteerde sleutel
    binnen = np.searchsorted(sleutel, sleutel + 30) - np.arange(len(start))
    drukste = np.maximum.reduceat(binnen, eerste)
    tussen = np.diff(start, prepend=start[0])
    tussen[eerste] = 0
    stilte = np.maximum.reduceat(tussen, eerste)
    if herhaal_jaarlijks:
        laatste = eerste + aantal - 1
        stilte = np.maximum(stilte, start[eerste] + 365 - start[laatste])
    tabel = pd.DataFrame(
        {"aantal": aantal, "drukste_30_dagen": drukste, "langste_stilte": stilte},
        index=pd.Index(namen, name=segment),
    ).astype("int64")
    te_druk = tabel["drukste_30_dagen"] > max_per_30_dagen
    te_stil = tabel["langste_stilte"] > max_stilte_dagen
    tekst = np.where(
        te_druk,
        tabel["drukste_30_dagen"].astype(str) + " acties binnen 30 dagen: je overlaadt deze klanten",
        "",
    )
    tekst = np.where(
        te_stil,
        np.where(tekst == "", "", tekst + "; ")
        + tabel["langste_stilte"].astype(str)
        + " dagen niets: je verdwijnt uit beeld",
        tekst,
    )
    return tabel.assign(waarschuwing=tekst)


def kleinste_zichtbare_uplift(
    n_doel: float,
    n_controle: float,
    basis: float,
    betrouwbaarheid: float = 0.95,
    onderscheidingsvermogen: float = 0.8,
) -> float:
    """De kleinste uplift (een aandeel) die je met deze groepen meestal ziet.

    Formule: (z_α + z_β)·√(p(1 − p)(1/n₁ + 1/n₂)), met p = ``basis``.

    ``basis`` is de koopgraad zonder actie (de controlegroep, bv. 0,10); ``betrouwbaarheid`` 0,95 en
    ``onderscheidingsvermogen`` 0,8 zijn de gebruikelijke keuzes: een echte uplift van die grootte zie
    je in 8 van de 10 acties als een verschil dat geen toeval is.

    >>> round(kleinste_zichtbare_uplift(900, 100, 0.10), 4)
    0.0886
    """
    if not 0 < basis < 1:
        raise InvoerFout(f"De basis (koopgraad zonder actie) is een aandeel tussen 0 en 1, niet {basis}.")
    if n_doel <= 0 or n_controle <= 0:
        raise InvoerFout("De doelgroep en de controlegroep moeten elk minstens één klant tellen.")
    z = z_waarde(betrouwbaarheid) + z_waarde(2 * onderscheidingsvermogen - 1)
    return float(z * np.sqrt(basis * (1 - basis) * (1 / n_doel + 1 / n_controle)))


def controlegroep_grootte(
    n_lijst: int,
    basis: float,
    uplift: float,
    betrouwbaarheid: float = 0.95,
    onderscheidingsvermogen: float = 0.8,
) -> int:
    """Hoeveel klanten van een lijst van ``n_lijst`` houd je als controlegroep achter om ``uplift`` te zien?

    De kleinste controlegroep c waarvoor `kleinste_zichtbare_uplift` (n_lijst − c, c) ≤ ``uplift``:
    met k = uplift² / ((z_α + z_β)² p(1 − p)) is dat c = (kN − √(k²N² − 4kN)) / 2k, naar boven afgerond.
    Is de lijst te klein (ook de helft als controlegroep is niet genoeg), dan volgt een `InvoerFout`
    met de kleinste uplift die je met de helft wél ziet.

    >>> controlegroep_grootte(2000, 0.10, 0.05)
    341
    """
    if uplift <= 0:
        raise InvoerFout(f"De uplift die je wil zien, moet groter zijn dan 0, niet {uplift}.")
    if n_lijst < 2:
        raise InvoerFout("Een lijst van minder dan twee klanten kun je niet in twee groepen delen.")
    half = kleinste_zichtbare_uplift(
        n_lijst / 2, n_lijst / 2, basis, betrouwbaarheid, onderscheidingsvermogen
    )
    if half > uplift:
        raise InvoerFout(
            f"Met een lijst van {n_lijst} klanten zie je een uplift van {procent(uplift)} niet: zelfs met de "
            f"helft als controlegroep zie je pas een uplift vanaf {procent(half)}. Meet over meer acties "
            "samen, of hoop op een groter effect."
        )
    z = z_waarde(betrouwbaarheid) + z_waarde(2 * onderscheidingsvermogen - 1)
    k = uplift**2 / (z**2 * basis * (1 - basis))
    c = (k * n_lijst - np.sqrt(max(k**2 * n_lijst**2 - 4 * k * n_lijst, 0.0))) / (2 * k)
    return int(np.ceil(c - 1e-9))


def historiek(resultaten: pd.DataFrame) -> pd.DataFrame:
    """Wat bracht elke soort actie vroeger op? Uit `helpers.acties.actieresultaten` (met tickets).

    Per ``soort``: ``acties`` (aantal), ``verzonden``, ``conversie`` (ingewisseld / verzonden, over alle
    acties samen), ``opengraad``, en over de acties met een controlegroep: ``basis`` (de koopgraad
    van de controlegroepen: wie zonder actie kocht, gewogen naar hun grootte), ``uplift`` (gewogen naar
    het aantal verzonden) en ``extra_omzet_per_contact`` (extra omzet / verzonden). Zonder
    controlegroep blijven die drie leeg.

    >>> import pandas as pd
    >>> r = pd.DataFrame({"soort": ["wedstrijd", "geldvoordeel", "geldvoordeel"],
    ...     "verzonden": [100, 300, 100], "geopend": [50, 120, 40], "ingewisseld": [5, 30, 10],
    ...     "n_controle": [0, 30, 10], "koopgraad_controle": [None, 0.1, 0.2],
    ...     "uplift": [None, 0.04, 0.08], "extra_omzet": [None, 600.0, 200.0]})
    >>> h = historiek(r)
    >>> h.loc["geldvoordeel", ["conversie", "basis", "uplift", "extra_omzet_per_contact"]].tolist()
    [0.1, 0.125, 0.05, 2.0]
    >>> h.loc["wedstrijd", ["conversie", "uplift"]].tolist()
    [0.05, nan]
    """
    vereis_kolommen(
        resultaten,
        ["soort", "verzonden", "geopend", "ingewisseld", "n_controle", "koopgraad_controle", "uplift",
         "extra_omzet"],
        "resultaten",
    )  # fmt: skip
    tabel = resultaten.loc[resultaten["verzonden"] > 0]
    gemeten = tabel["n_controle"].fillna(0).gt(0) & tabel["uplift"].notna()
    hulp = tabel.assign(
        _n_gemeten=tabel["verzonden"].where(gemeten, 0),
        _n_controle=tabel["n_controle"].where(gemeten, 0),
        _kopers_controle=(tabel["koopgraad_controle"] * tabel["n_controle"]).where(gemeten, 0.0),
        _uplift_maal_n=(tabel["uplift"] * tabel["verzonden"]).where(gemeten, 0.0),
        _extra=tabel["extra_omzet"].where(gemeten, 0.0),
    )
    som = hulp.groupby("soort", observed=True).agg(
        acties=("verzonden", "size"),
        verzonden=("verzonden", "sum"),
        geopend=("geopend", "sum"),
        ingewisseld=("ingewisseld", "sum"),
        _n_gemeten=("_n_gemeten", "sum"),
        _n_controle=("_n_controle", "sum"),
        _kopers_controle=("_kopers_controle", "sum"),
        _uplift_maal_n=("_uplift_maal_n", "sum"),
        _extra=("_extra", "sum"),
    )
    gemeten_n = som["_n_gemeten"].where(som["_n_gemeten"] > 0)
    return pd.DataFrame(
        {
            "acties": som["acties"],
            "verzonden": som["verzonden"],
            "opengraad": som["geopend"] / som["verzonden"],
            "conversie": som["ingewisseld"] / som["verzonden"],
            "basis": som["_kopers_controle"] / som["_n_controle"].where(som["_n_controle"] > 0),
            "uplift": som["_uplift_maal_n"] / gemeten_n,
            "extra_omzet_per_contact": som["_extra"] / gemeten_n,
        }
    )


KOST_PER_CONTACT: dict[str, float] = {"e-mail": 0.02, "sms": 0.09, "post": 0.95}
"""Voorbeeldkosten per contact (een e-mail via een mailingprogramma, een sms, een postkaart met zegel)."""

VASTE_KOST = 250.0
"""Voorbeeld van de vaste kost van een actie (ontwerp, tekst, affiche), als je historiek niets zegt."""


@belgische_tijd
def kosten(acties: pd.DataFrame | None, soort: str, kanaal: str) -> tuple[float, float]:
    """(kost per contact, vaste kost) voor een nieuwe actie: de mediaan van je eigen acties via dat
    ``kanaal`` en van die ``soort``; zonder zulke acties de voorbeeldkosten `KOST_PER_CONTACT` en
    `VASTE_KOST`.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"soort": ["geldvoordeel", "geldvoordeel"], "kanaal": ["e-mail", "sms"],
    ...                   "kost_per_contact": [0.03, 0.10], "vaste_kost": [300.0, 500.0]})
    >>> kosten(a, "geldvoordeel", "sms"), kosten(a, "wedstrijd", "post")
    ((0.1, 400.0), (0.95, 250.0))
    """
    if kanaal not in KOST_PER_CONTACT:
        raise InvoerFout(f"Onbekend kanaal {kanaal!r}. Kies uit: {', '.join(KOST_PER_CONTACT)}.")
    per_contact, vast = KOST_PER_CONTACT[kanaal], VASTE_KOST
    if acties is not None and len(acties):
        vereis_kolommen(acties, ["soort", "kanaal", "kost_per_contact", "vaste_kost"], "acties")
        zelfde_kanaal = acties.loc[acties["kanaal"].astype("string") == kanaal, "kost_per_contact"].dropna()
        zelfde_soort = acties.loc[acties["soort"].astype("string") == soort, "vaste_kost"].dropna()
        per_contact = float(zelfde_kanaal.median()) if len(zelfde_kanaal) else per_contact
        vast = float(zelfde_soort.median()) if len(zelfde_soort) else vast
    return per_contact, vast


def verwachting(
    n_lijst: int,
    kost_per_contact: float,
    vaste_kost: float,
    conversie: float,
    uplift: float,
    extra_omzet_per_contact: float,
) -> dict[str, float]:
    """Wat levert een actie naar ``n_lijst`` klanten naar verwachting op, met de cijfers van vroeger?

    ``kost`` = vaste kost + kost per contact × lijst; ``inwisselingen`` = lijst × conversie (wie de bon
    gebruikt, ook wie toch gekocht had); ``extra_kopers`` = lijst × uplift (wie dankzij de actie kocht);
    ``extra_omzet`` = lijst × extra omzet per contact; ``extra_omzet_per_euro`` = extra omzet / kost.

    >>> verwachting(1000, 0.02, 350.0, 0.08, 0.05, 2.5)
    {'kost': 370.0, 'inwisselingen': 80.0, 'extra_kopers': 50.0, 'extra_omzet': 2500.0, \
'extra_omzet_per_euro': 6.756756756756757}
    """
    if n_lijst < 0:
        raise InvoerFout(f"Een lijst telt 0 of meer klanten, niet {n_lijst}.")
    kost = float(vaste_kost + kost_per_contact * n_lijst)
    extra_omzet = float(n_lijst * extra_omzet_per_contact)
    return {
        "kost": kost,
        "inwisselingen": float(n_lijst * conversie),
        "extra_kopers": float(n_lijst * uplift),
        "extra_omzet": extra_omzet,
        "extra_omzet_per_euro": extra_omzet / kost if kost > 0 else float("nan"),
    }

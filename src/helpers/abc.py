"""Concentratie van omzet of marge: 80/20, Gini, Lorenzcurve, paretotabel en A/B/C-klanten.

A/B/C op meerdere criteria tegelijk (omzet, marge, frequentie en recency) staat onderaan: `abc_criteria`
en `abc_meervoudig`.

Elke functie krijgt ``waarden``: een reeks getallen per klant (een pandas Series met de klant
als index, bv. ``rfm_tabel(...)["monetair"]`` of de marge per klant). Ze werkt dus evengoed op
omzet als op marge.

**Negatieve waarden** (een klant die meer terugbracht dan hij kocht, of een verlieslatende
klant) tellen in deze maten als 0: ze bezitten geen deel van de omzet, maar blijven wel
meetellen als klant. Wie ook de verliezen wil zien, gebruikt de walviscurve van
`helpers.rendabiliteit`. Is de som van de (afgekapte) waarden 0, dan is er niets te verdelen
en volgt een `helpers.controle.InvoerFout`.

>>> import pandas as pd
>>> omzet = pd.Series([500.0, 300.0, 100.0, 60.0, 40.0], index=["K1", "K2", "K3", "K4", "K5"])
>>> aandeel_top(omzet, 0.2), round(gini(omzet), 2)
(0.5, 0.46)
>>> abc_klassen(omzet).tolist()
['A', 'A', 'B', 'B', 'C']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_getallen, vereis_niet_leeg
from helpers.opmaak import getal, procent
from helpers.tijdzone import belgische_tijd

KLASSEN: tuple[str, ...] = ("A", "B", "C")


def _als_reeks(waarden: pd.Series | Sequence[float] | np.ndarray, naam: str = "waarden") -> pd.Series:
    """Controleer de waarden en geef ze als Series ``float64`` terug, negatieve afgekapt op 0."""
    if isinstance(waarden, pd.DataFrame):
        raise InvoerFout(
            f"Verwacht één kolom getallen per klant voor '{naam}', kreeg een tabel met "
            f"{waarden.shape[1]} kolommen. Kies er één, bv. tabel['monetair']."
        )
    reeks = waarden if isinstance(waarden, pd.Series) else pd.Series(waarden)
    kolom = reeks.name if isinstance(reeks.name, str) else naam
    tabel = reeks.to_frame(kolom)
    vereis_niet_leeg(tabel, kolom)
    vereis_getallen(tabel, kolom, kolom)
    rij = reeks.to_numpy(dtype=np.float64)
    if not np.isfinite(rij).all():
        raise InvoerFout(f"De waarden in '{kolom}' moeten eindige getallen zijn (geen oneindig).")
    positief = np.maximum(rij, 0.0)
    if positief.sum() <= 0:
        raise InvoerFout(
            f"De som van de positieve waarden in '{kolom}' is 0: er is niets te verdelen over de klanten."
        )
    return pd.Series(positief, index=reeks.index, name=reeks.name)


def _aantal_top(n: int, fractie: float) -> int:
    """ceil(n · fractie), zonder dat afrondingsfouten (0,1 · 30 = 3,0000000000000004) meetellen."""
    return max(1, math.ceil(round(n * fractie, 9)))


def _controleer_fractie(fractie: float, naam: str = "fractie") -> float:
    getaltype = int | float | np.integer | np.floating
    if isinstance(fractie, bool) or not isinstance(fractie, getaltype) or not 0 < fractie <= 1:
        raise InvoerFout(
            f"De {naam} moet een getal groter dan 0 en hoogstens 1 zijn (0,2 = 20%), kreeg {fractie!r}."
        )
    return float(fractie)


def _aflopend(rij: np.ndarray) -> np.ndarray:
    """De waarden van groot naar klein (een aaneengesloten kopie, voor een snelle cumsum)."""
    return np.ascontiguousarray(np.sort(rij)[::-1])


def _aflopend_cumulatief(positief: pd.Series) -> np.ndarray:
    """Cumulatieve som van de waarden van groot naar klein (zonder lege beginwaarde)."""
    return np.cumsum(_aflopend(positief.to_numpy()))


def aandeel_top(waarden: pd.Series | Sequence[float], fractie: float = 0.2) -> float:
    """Het aandeel van het totaal dat de beste ``fractie`` van de klanten samen heeft.

    De top zijn de ``ceil(n · fractie)`` klanten met de hoogste waarde (minstens één): bij 12
    klanten en 20% zijn dat er 3 (2,4 naar boven afgerond). Welke van gelijke klanten erbij
    hoort, maakt voor de som niet uit. Negatieve waarden tellen als 0 (zie boven).

    >>> aandeel_top([100, 50, 30, 10, 5, 5, 0, 0, 0, 0], fractie=0.2)  # (100 + 50) / 200
    0.75
    """
    positief = _als_reeks(waarden)
    fractie = _controleer_fractie(fractie)
    cumulatief = _aflopend_cumulatief(positief)
    return float(cumulatief[_aantal_top(len(positief), fractie) - 1] / cumulatief[-1])


def gini(waarden: pd.Series | Sequence[float]) -> float:
    """De Gini-coëfficiënt: 0 = iedereen evenveel, dicht bij 1 = alles bij één klant.

    De populatieversie: het gemiddelde absolute verschil tussen twee klanten gedeeld door twee
    keer het gemiddelde, ``G = Σᵢ Σⱼ |xᵢ - xⱼ| / (2 n² x̄)``; berekend als
    ``G = 2 Σ i·x₍ᵢ₎ / (n Σ x) - (n + 1) / n`` met de waarden oplopend gesorteerd. Eén klant
    met alles geeft ``(n - 1) / n``. Negatieve waarden tellen als 0 (zie boven).

    >>> gini([1, 1, 1, 1]), gini([0, 0, 0, 10])
    (0.0, 0.75)
    """
    rij = np.sort(_als_reeks(waarden).to_numpy())
    n = len(rij)
    rangen = np.arange(1, n + 1, dtype=np.float64)
    g = 2.0 * float(np.dot(rangen, rij)) / (n * float(rij.sum())) - (n + 1) / n
    return float(min(max(g, 0.0), 1.0))  # afrondingsruis rond 0 wegwerken


def lorenz(waarden: pd.Series | Sequence[float]) -> pd.DataFrame:
    """De Lorenzcurve: klanten van klein naar groot, met het cumulatieve aandeel in de waarde.

    ``n + 1`` punten van (0, 0) tot (1, 1): ``aandeel_klanten`` = i / n en ``aandeel_waarde``
    = som van de i kleinste waarden / totaal; beide stijgen nooit af. Hoe verder de curve onder
    de diagonaal ligt, hoe groter de concentratie (de oppervlakte ertussen is Gini / 2).

    >>> lorenz([30, 10, 60])
       aandeel_klanten  aandeel_waarde
    0         0.000000             0.0
    1         0.333333             0.1
    2         0.666667             0.4
    3         1.000000             1.0
    """
    rij = np.sort(_als_reeks(waarden).to_numpy())
    n = len(rij)
    cumulatief = np.concatenate(([0.0], np.cumsum(rij)))
    return pd.DataFrame(
        {
            "aandeel_klanten": np.arange(n + 1, dtype=np.float64) / n,
            "aandeel_waarde": np.minimum(cumulatief / cumulatief[-1], 1.0),
        }
    )


def pareto_tabel(
    waarden: pd.Series | Sequence[float],
    stappen: Iterable[float] = (0.01, 0.05, 0.1, 0.2, 0.5),
    wat: str = "de omzet",
) -> pd.DataFrame:
    """Paretotabel: "de beste x% van de klanten brengt y% van de omzet (of marge)".

    Per stap: ``aandeel_klanten`` (de stap), ``klanten`` (``ceil(n · stap)``, zoals
    `aandeel_top`), ``waarde`` (hun som), ``aandeel_waarde`` en een zin in het Nederlands
    (``beschrijving``; ``wat`` zegt waarover het gaat, bv. ``"de marge"``).

    >>> tabel = pareto_tabel([100, 50, 30, 10, 5, 5, 0, 0, 0, 0], stappen=(0.1, 0.2))
    >>> tabel[["klanten", "aandeel_waarde"]].to_numpy().tolist()
    [[1.0, 0.5], [2.0, 0.75]]
    >>> tabel["beschrijving"].iloc[1]
    'De beste 20% van de klanten (2 van de 10) brengt 75,0% van de omzet.'
    """
    positief = _als_reeks(waarden)
    lijst = [] if isinstance(stappen, str) or not isinstance(stappen, Iterable) else list(stappen)
    if not lijst:
        raise InvoerFout(
            f"De stappen moeten een lijst fracties zijn, bv. (0.1, 0.2, 0.5), kreeg {stappen!r}."
        )
    fracties = [_controleer_fractie(s, "stap") for s in lijst]
    n = len(positief)
    cumulatief = _aflopend_cumulatief(positief)
    klanten = np.array([_aantal_top(n, s) for s in fracties])
    som = cumulatief[klanten - 1]
    aandeel = som / cumulatief[-1]
    zinnen = [
        f"De beste {procent(s, decimalen=_decimalen(s))} van de klanten ({getal(k)} van de {getal(n)}) "
        f"brengt {procent(a)} van {wat}."
        for s, k, a in zip(fracties, klanten, aandeel, strict=True)
    ]
    return pd.DataFrame(
        {
            "aandeel_klanten": fracties,
            "klanten": klanten,
            "waarde": som,
            "aandeel_waarde": aandeel,
            "beschrijving": zinnen,
        }
    )


def _decimalen(fractie: float) -> int:
    """Zo weinig decimalen als nodig om een percentage exact te tonen (20%, 2,5%), hoogstens 2."""
    return next((d for d in range(2) if round(fractie * 100, d) == round(fractie * 100, 6)), 2)


def abc_klassen(
    waarden: pd.Series | Sequence[float], grenzen: tuple[float, float] = (0.8, 0.95)
) -> pd.Series:
    """Deel klanten in als A, B of C volgens hun bijdrage aan het totaal (omzet of marge).

    Sorteer de klanten van groot naar klein. A zijn de klanten die samen de eerste 80% van de
    waarde maken, B de volgende tot 95%, C de rest. Precies: voor elke klant is ``p`` het
    aandeel van het totaal dat klanten met een **strikt hogere** waarde hebben; A als ``p <
    0,80``, B als ``p < 0,95``, anders C. De klant die de grens van 80% overschrijdt hoort dus
    nog bij A (A heeft samen minstens 80%); klanten met dezelfde waarde krijgen altijd dezelfde
    klasse, los van de volgorde. Klanten met waarde 0 of negatief (telt als 0) zijn C.

    Geeft een geordende categorie ``"A"``/``"B"``/``"C"`` met dezelfde index als ``waarden``.

    >>> import pandas as pd
    >>> omzet = pd.Series([50, 30, 10, 5, 5, 0], index=list("uvwxyz"))
    >>> abc_klassen(omzet).tolist()  # vóór v: 50%, vóór w: 80%, vóór x en y: 90%, vóór z: 100%
    ['A', 'A', 'B', 'B', 'B', 'C']
    """
    positief = _als_reeks(waarden)
    grens_a, grens_b = _controleer_grenzen(grenzen)
    rij = positief.to_numpy()
    aflopend = _aflopend(rij)
    cumulatief = np.cumsum(aflopend)
    # hoger[i]: aandeel vóór plaats i; voor de eerste van een groep gelijken = som van strikt hogere
    hoger = np.concatenate(([0.0], cumulatief[:-1])) / cumulatief[-1]
    # A is een prefix van de gesorteerde klanten: de ondergrens is de waarde op de laatste plaats
    # met hoger < grens; elke klant met minstens die waarde heeft zijn eerste gelijke daarvóór.
    ondergrens = [aflopend[np.searchsorted(hoger, g, side="left") - 1] for g in (grens_a, grens_b)]
    codes = np.where(rij >= ondergrens[0], 0, np.where(rij >= ondergrens[1], 1, 2)).astype(np.int8)
    klassen = pd.Categorical.from_codes(codes, categories=list(KLASSEN), ordered=True)
    return pd.Series(klassen, index=positief.index, name="abc")


def _controleer_grenzen(grenzen: tuple[float, float]) -> tuple[float, float]:
    try:
        grens_a, grens_b = (float(g) for g in grenzen)
    except (TypeError, ValueError) as fout:
        raise InvoerFout(
            f"De grenzen moeten twee getallen zijn, bv. (0.8, 0.95), kreeg {grenzen!r}."
        ) from fout
    if not 0 < grens_a < grens_b <= 1:
        raise InvoerFout(
            f"De grenzen moeten voldoen aan 0 < A-grens < B-grens ≤ 1, bv. (0.8, 0.95), kreeg {grenzen!r}."
        )
    return grens_a, grens_b


def abc_overzicht(waarden: pd.Series, grenzen: tuple[float, float] = (0.8, 0.95)) -> pd.DataFrame:
    """Per klasse A, B, C: aantal klanten, aandeel klanten, som van de waarden en aandeel.

    Negatieve waarden tellen hier mee zoals ze zijn (de som is de echte netto omzet of marge).

    >>> import pandas as pd
    >>> overzicht = abc_overzicht(pd.Series([50, 30, 10, 5, 5, 0]))
    >>> overzicht[["klanten", "aandeel_waarde"]].to_numpy().tolist()
    [[2.0, 0.8], [3.0, 0.2], [1.0, 0.0]]
    """
    klassen = abc_klassen(waarden, grenzen)
    echt = pd.Series(np.asarray(waarden, dtype=np.float64), index=klassen.index)
    groepen = echt.groupby(klassen, observed=False)
    aantal = groepen.size()
    som = groepen.sum()
    uit = pd.DataFrame(
        {
            "klanten": aantal.astype(np.int64),
            "aandeel_klanten": aantal / aantal.sum(),
            "waarde": som,
            "aandeel_waarde": som / som.sum(),
        }
    )
    uit.index.name = "klasse"
    return uit


# --------------------------------------------------------------------------------------------
# A/B/C op meerdere criteria
# --------------------------------------------------------------------------------------------

CRITERIA: tuple[str, ...] = ("omzet", "marge", "frequentie", "recency")
"""De kolommen van `abc_criteria`: netto besteding, brutomarge, aankoopdagen en recency (dagen)."""


@belgische_tijd
def abc_criteria(
    tickets: pd.DataFrame,
    ticketlijnen: pd.DataFrame,
    producten: pd.DataFrame,
    peildatum: object,
) -> pd.DataFrame:
    """Per kopende klant de vier criteria voor `abc_meervoudig`: omzet, marge, frequentie, recency.

    - ``omzet``: de netto besteding met btw, na retours (``monetair`` van `helpers.rfm.rfm_tabel`);
    - ``marge``: de brutomarge zonder btw (`helpers.rendabiliteit.brutomarge_per_klant`; 0 voor een
      klant zonder ticketlijnen);
    - ``frequentie``: het aantal aankoopdagen; ``recency``: dagen sinds de laatste aankoop.

    Eén rij per klant uit `helpers.rfm.rfm_tabel` (anonieme tickets tellen niet mee).

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": ["T1", "T2"], "klant_id": ["K1", "K2"],
    ...                         "datum": pd.to_datetime(["2025-12-01", "2025-06-01"]),
    ...                         "bedrag": [121.0, 60.5]})
    >>> lijnen = pd.DataFrame({"ticket_id": ["T1", "T2"], "product_id": ["P1", "P1"], "aantal": [2, 1],
    ...                        "bedrag": [121.0, 60.5], "korting": [0.0, 0.0]})
    >>> producten = pd.DataFrame({"product_id": ["P1"], "productlijn": ["kleding"], "aankoopprijs": [20.0]})
    >>> abc_criteria(tickets, lijnen, producten, "2025-12-31")  # marge K1: 121 / 1,21 - 2 × 20 = 60
    ...     # doctest: +NORMALIZE_WHITESPACE
              omzet  marge  frequentie  recency
    klant_id
    K1        121.0   60.0           1       30
    K2         60.5   30.0           1      213
    """
    from helpers.rendabiliteit import brutomarge_per_klant
    from helpers.rfm import rfm_tabel

    tabel = rfm_tabel(tickets, peildatum)
    marge = brutomarge_per_klant(ticketlijnen, tickets, producten)["brutomarge"]
    return pd.DataFrame(
        {
            "omzet": tabel["monetair"],
            "marge": marge.reindex(tabel.index, fill_value=0.0).to_numpy(dtype=np.float64),
            "frequentie": tabel["frequentie"],
            "recency": tabel["recency"],
        },
        index=tabel.index,
    )


def _rangscore(waarden: np.ndarray) -> np.ndarray:
    """Per waarde het aandeel waarden dat strikt kleiner is (0 voor de kleinste, gelijken gelijk)."""
    return np.searchsorted(np.sort(waarden), waarden, side="left") / len(waarden)


def _klassen_op_rang(
    score: np.ndarray, aandelen: tuple[float, float], index: pd.Index, naam: str
) -> pd.Series:
    """A als minder dan aandelen[0] van de klanten een strikt hogere score heeft, B onder aandelen[1]."""
    hoger = 1.0 - np.searchsorted(np.sort(score), score, side="right") / len(score)
    codes = np.where(hoger < aandelen[0] - 1e-12, 0, np.where(hoger < aandelen[1] - 1e-12, 1, 2))
    klassen = pd.Categorical.from_codes(codes.astype(np.int8), categories=list(KLASSEN), ordered=True)
    return pd.Series(klassen, index=index, name=naam)


def _controleer_gewichten(gewichten: Mapping[str, float] | None, kolommen: list[str]) -> dict[str, float]:
    if gewichten is None:
        return dict.fromkeys(kolommen, 1.0)
    if not isinstance(gewichten, Mapping):
        raise InvoerFout(
            "De gewichten zijn een woordenboek met per criterium een getal, bv. "
            f"{{'omzet': 2, 'recency': 1}}, kreeg {type(gewichten).__name__}."
        )
    onbekend = [k for k in gewichten if k not in kolommen]
    if onbekend:
        raise InvoerFout(
            f"Onbekend criterium {onbekend[0]!r} in de gewichten. Kies uit: {', '.join(kolommen)}."
        )
    uit = {}
    for kolom, gewicht in gewichten.items():
        getaltype = int | float | np.integer | np.floating
        geldig = isinstance(gewicht, getaltype) and not isinstance(gewicht, bool)
        if not geldig or not math.isfinite(gewicht) or gewicht < 0:
            raise InvoerFout(
                f"Het gewicht van '{kolom}' moet een getal van 0 of meer zijn, kreeg {gewicht!r}."
            )
        uit[kolom] = float(gewicht)
    if sum(uit.values()) <= 0:
        raise InvoerFout("Minstens één criterium moet een gewicht groter dan 0 hebben.")
    return uit


def abc_meervoudig(
    criteria: pd.DataFrame,
    gewichten: Mapping[str, float] | None = None,
    aandelen: tuple[float, float] = (0.2, 0.5),
    lager_is_beter: Iterable[str] = ("recency",),
) -> pd.DataFrame:
    """A/B/C-klanten op meerdere criteria tegelijk (bv. omzet, marge, frequentie en recency).

    Alleen op omzet (`abc_klassen`) blijft een klant die drie jaar geleden één keer veel kocht een
    A-klant. Hier telt elk criterium mee, in drie stappen:

    1. per criterium (een kolom van ``criteria``, bv. uit `abc_criteria`) krijgt elke klant een
       **rangscore**: het aandeel klanten dat op dat criterium strikt slechter doet (0 = de
       slechtste; gelijke waarden krijgen dezelfde score). Voor de kolommen in ``lager_is_beter``
       (standaard ``recency``) is minder beter. Omdat het rangen zijn, weegt één uitschieter van
       € 20.000 niet zwaarder dan een gewoon verschil, en zijn euro's en dagen vergelijkbaar;
    2. de **totaalscore** (``score``) is het gewogen gemiddelde van de rangscores met
       ``gewichten`` (standaard telt elke kolom even zwaar; een kolom die niet in ``gewichten``
       staat, telt niet mee);
    3. de klassen gaan over **aantallen klanten**: A zijn de beste ``aandelen[0]`` (standaard 20%)
       van de klanten op de totaalscore, B de volgende tot ``aandelen[1]`` (50%), C de rest. Precies:
       A als minder dan 20% van de klanten een strikt hogere score heeft; gelijke scores krijgen
       dezelfde klasse.

    Let op het verschil met `abc_klassen`: die telt euro's (A-klanten brengen samen 80% van de
    omzet), deze telt klanten (de beste 20%). Zo zijn lijsten op verschillende criteria even lang
    en kan je ze eerlijk naast elkaar leggen.

    Geeft per klant ``abc_<criterium>`` (de klasse op dat criterium alleen, met dezelfde aandelen),
    ``score`` (0 tot 1) en ``abc`` (de klasse op de totaalscore), als geordende categorieën.

    >>> import pandas as pd
    >>> criteria = pd.DataFrame({"omzet": [900.0, 500.0, 300.0, 100.0, 50.0],
    ...                          "recency": [700, 10, 40, 20, 400]}, index=["K1", "K2", "K3", "K4", "K5"])
    >>> uit = abc_meervoudig(criteria)  # rangscores omzet: 0,8 0,6 0,4 0,2 0; recency: 0 0,8 0,4 0,6 0,2
    >>> uit[["abc_omzet", "score", "abc"]]  # doctest: +NORMALIZE_WHITESPACE
       abc_omzet  score abc
    K1         A    0.4   B
    K2         B    0.7   A
    K3         B    0.4   B
    K4         C    0.4   B
    K5         C    0.1   C
    """
    if not isinstance(criteria, pd.DataFrame):
        raise InvoerFout(
            "Verwacht een tabel met één kolom per criterium (bv. uit abc_criteria), "
            f"kreeg {type(criteria).__name__}."
        )
    vereis_niet_leeg(criteria, "criteria")
    kolommen = [str(k) for k in criteria.columns]
    if not kolommen:
        raise InvoerFout(
            "De tabel met criteria heeft geen kolommen: geef minstens één criterium, bv. 'omzet'."
        )
    for kolom in kolommen:
        vereis_getallen(criteria, kolom, "criteria")
    gewicht = _controleer_gewichten(gewichten, kolommen)
    grens_a, grens_b = _controleer_aandelen(aandelen)
    laag = set(lager_is_beter)
    uit = {}
    totaal = np.zeros(len(criteria))
    for kolom in kolommen:
        waarden = criteria[kolom].to_numpy(dtype=np.float64)
        rang = _rangscore(-waarden if kolom in laag else waarden)
        uit[f"abc_{kolom}"] = _klassen_op_rang(rang, (grens_a, grens_b), criteria.index, f"abc_{kolom}")
        totaal += gewicht.get(kolom, 0.0) * rang
    score = np.round(totaal / sum(gewicht.values()), 12)  # rekenruis mag gelijken niet scheiden
    uit["score"] = pd.Series(score, index=criteria.index)
    uit["abc"] = _klassen_op_rang(score, (grens_a, grens_b), criteria.index, "abc")
    return pd.DataFrame(uit, index=criteria.index)


def _controleer_aandelen(aandelen: tuple[float, float]) -> tuple[float, float]:
    try:
        grens_a, grens_b = (float(a) for a in aandelen)
    except (TypeError, ValueError) as fout:
        raise InvoerFout(
            "De aandelen moeten twee getallen zijn, bv. (0.2, 0.5): 20% A, 30% B, de rest C; "
            f"kreeg {aandelen!r}."
        ) from fout
    if not 0 < grens_a < grens_b <= 1:
        raise InvoerFout(
            "De aandelen moeten voldoen aan 0 < A-aandeel < A+B-aandeel ≤ 1, bv. (0.2, 0.5), "
            f"kreeg {aandelen!r}."
        )
    return grens_a, grens_b

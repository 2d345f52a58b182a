"""Tevredenheidsenquêtes analyseren (notebook 08, positionering in notebook 04).

- kengetallen: `nps` (met betrouwbaarheidsinterval), `csat`, `likert_samenvatting`, `cronbach_alpha`;
- is een verschil tussen twee NPS-metingen echt: `nps_verschil`; hoeveel antwoorden je nodig hebt:
  `antwoorden_nodig`, en welke foutenmarge je met een aantal antwoorden haalt: `nps_foutenmarge`;
- wat drijft tevredenheid en aanbeveling: `sleutelfactoren` (relatief belang volgens LMG/Shapley);
- enquête naast echt koopgedrag: `tevredenheid_en_trouw` (met de bouwsteen `herkoop_na`), `nonrespons`;
- verschillen tussen segmenten, met toets: `per_segment`, `segmenttoets`.

De positioneringskaart (notebook 04) staat in `helpers.positie`.

Alle functies zijn zuiver: een tabel of reeks erin, een tabel, dict of getal eruit. Lege antwoorden
(klanten die niet antwoordden) tellen nergens mee, maar worden wel geteld en gemeld.

>>> import pandas as pd
>>> nps(pd.Series([10, 9, 8, 7, 3]))["nps"]
20.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from math import factorial

import numpy as np
import pandas as pd
from scipy import stats

from helpers.controle import (
    InvoerFout,
    vereis_datums,
    vereis_getallen,
    vereis_kolommen,
    vereis_niet_leeg,
    vereis_niet_na,
    vereis_waar,
)
from helpers.intervallen import wilson_interval
from helpers.klantid import koppel_klanten
from helpers.rfm import anonieme_tickets
from helpers.tijdzone import belgisch_tijdstip, belgische_tijd

ITEMS: tuple[str, ...] = ("prijs", "kwaliteit", "service", "advies", "assortiment", "sfeer")
"""De items (1–5) die de enquête over de eigen winkel en over de concurrent vraagt."""

EIGEN_WINKEL = "eigen winkel"


def _scores(scores: object, laag: int, hoog: int, naam: str) -> tuple[pd.Series, int]:
    """Controleer scores op een schaal ``laag..hoog``; geef de ingevulde scores en het aantal lege."""
    if isinstance(scores, pd.DataFrame):
        raise InvoerFout(f"Geef de {naam} als één kolom (reeks), niet als een hele tabel.")
    reeks = pd.Series(scores) if not isinstance(scores, pd.Series) else scores
    vereis_niet_leeg(reeks.to_frame(), naam)
    if reeks.isna().all():
        raise InvoerFout(f"De {naam} zijn allemaal leeg: niemand heeft geantwoord.")
    if not pd.api.types.is_numeric_dtype(reeks) or pd.api.types.is_bool_dtype(reeks):
        raise InvoerFout(
            f"De {naam} moeten getallen van {laag} tot {hoog} zijn, maar hebben type {reeks.dtype}."
        )
    ingevuld = reeks.dropna().astype("float64")
    geen_geheel = ingevuld != np.round(ingevuld)
    if geen_geheel.any():
        raise InvoerFout(
            f"De {naam} moeten gehele getallen zijn; {int(geen_geheel.sum())} score(s) zijn dat niet, "
            f"bv. {ingevuld[geen_geheel].iloc[0]:g} op rij {ingevuld.index[geen_geheel.to_numpy()][0]}."
        )
    buiten = (ingevuld < laag) | (ingevuld > hoog)
    if buiten.any():
        raise InvoerFout(
            f"De {naam} moeten tussen {laag} en {hoog} liggen; {int(buiten.sum())} score(s) liggen "
            f"erbuiten, bv. {ingevuld[buiten].iloc[0]:g} op rij {ingevuld.index[buiten.to_numpy()][0]}."
        )
    return ingevuld.astype("int64"), int(reeks.isna().sum())


def _vereis_scorekolommen(df: pd.DataFrame, kolommen: Sequence[str], tabel: str = "enquete") -> None:
    """Controleer dat ``df`` niet leeg is en dat alle ``kolommen`` bestaan en scores (getallen) bevatten."""
    vereis_kolommen(df, kolommen, tabel)
    vereis_niet_leeg(df, tabel)
    for kolom in kolommen:
        if not pd.api.types.is_numeric_dtype(df[kolom]) or pd.api.types.is_bool_dtype(df[kolom]):
            raise InvoerFout(
                f"De kolom '{kolom}' in '{tabel}' moet scores (getallen) bevatten, "
                f"maar heeft type {df[kolom].dtype}."
            )


def _z(betrouwbaarheid: float) -> float:
    if not 0 < betrouwbaarheid < 1:
        raise InvoerFout(f"De betrouwbaarheid moet tussen 0 en 1 liggen (bv. 0.95), niet {betrouwbaarheid}.")
    return float(stats.norm.ppf(0.5 + betrouwbaarheid / 2))


NPS_METHODEN: tuple[str, ...] = ("aangepast", "wald")
"""De methodes voor het betrouwbaarheidsinterval van een NPS (zie `nps`)."""


def _nps_spreiding(promotors: float, criticasters: float, n: float, methode: str) -> tuple[float, float]:
    """Het midden (−1..1) en de variantie van de NPS-schatting volgens ``methode`` (zie `nps`).

    >>> [round(x, 6) for x in _nps_spreiding(3, 2, 7, "aangepast")]  # (3,75 − 2,75) / 10; (0,65 − 0,01) / 10
    [0.1, 0.064]
    """
    if methode == "aangepast":
        promotors, criticasters, n = promotors + 0.75, criticasters + 0.75, n + 3
    elif methode != "wald":
        raise InvoerFout(f"Onbekende methode {methode!r}. Kies uit: {', '.join(NPS_METHODEN)}.")
    p_prom, p_crit = promotors / n, criticasters / n
    midden = p_prom - p_crit
    return midden, max(p_prom + p_crit - midden**2, 0.0) / n


def nps(
    scores: Sequence[float] | pd.Series, betrouwbaarheid: float = 0.95, methode: str = "aangepast"
) -> dict[str, float | str]:
    """Net Promoter Score: % promotors (9–10) min % criticasters (0–6), van −100 tot +100.

    ``scores`` zijn de antwoorden op "Hoe waarschijnlijk is het dat je ons aanbeveelt?" (0–10).
    Lege scores tellen niet mee en staan in ``ontbrekend``. Het betrouwbaarheidsinterval steunt op de
    variantie van het verschil van twee aandelen uit één trinomiale steekproef,
    var(p_prom − p_crit) = (p_prom + p_crit − (p_prom − p_crit)²) / n, en wordt afgekapt op −100..100:

    - ``methode="aangepast"`` (standaard): het *adjusted-Wald*-interval van Rocks (2016, "Interval
      estimation for the Net Promoter Score", The American Statistician 70(4)), zoals Lewis en Sauro
      (MeasuringU, 2021) het uitschrijven: tel er ¾ promotor, ¾ criticaster en 3 antwoorden bij
      (dus 1½ passieve) en reken dan zoals hieronder. In Rocks' simulaties haalt het ook bij weinig
      antwoorden de beloofde betrouwbaarheid; het midden van het interval schuift daardoor een beetje
      naar 0;
    - ``methode="wald"``: de gewone normale benadering rond de gemeten NPS. Bij weinig antwoorden of
      een NPS dicht bij ±100 is die te smal (een NPS van 100 krijgt het interval [100, 100]).

    >>> uit = nps([10, 9, 9, 8, 7, 6, 3, None])
    >>> uit["n"], uit["promotors"], uit["passieven"], uit["criticasters"], uit["ontbrekend"]
    (7, 3, 2, 2, 1)
    >>> round(uit["nps"], 1)
    14.3
    >>> round(uit["ondergrens"], 1), round(uit["bovengrens"], 1)  # 10 ± 1,96 × √0,064, maal 100
    (-39.6, 59.6)
    >>> uit = nps([10, 9, 9, 8, 7, 6, 3], methode="wald")
    >>> round(uit["ondergrens"], 1), round(uit["bovengrens"], 1)
    (-47.4, 76.0)
    """
    ingevuld, ontbrekend = _scores(scores, 0, 10, "aanbevelingsscores")
    n = len(ingevuld)
    promotors = int((ingevuld >= 9).sum())
    criticasters = int((ingevuld <= 6).sum())
    p_prom, p_crit = promotors / n, criticasters / n
    midden, variantie = _nps_spreiding(promotors, criticasters, n, methode)
    marge = _z(betrouwbaarheid) * float(np.sqrt(variantie)) * 100
    score = (p_prom - p_crit) * 100
    return {
        "n": n,
        "ontbrekend": ontbrekend,
        "promotors": promotors,
        "passieven": n - promotors - criticasters,
        "criticasters": criticasters,
        "pct_promotors": p_prom * 100,
        "pct_passieven": (n - promotors - criticasters) / n * 100,
        "pct_criticasters": p_crit * 100,
        "nps": score,
        "ondergrens": max(midden * 100 - marge, -100.0),
        "bovengrens": min(midden * 100 + marge, 100.0),
        "betrouwbaarheid": betrouwbaarheid,
        "methode": methode,
    }


def _nps_telling(meting: object, naam: str) -> tuple[int, int, int]:
    """(promotors, criticasters, n) uit scores 0–10 of uit een telling zoals `nps` die teruggeeft."""
    if isinstance(meting, Mapping):
        ontbreekt = [k for k in ("promotors", "passieven", "criticasters") if k not in meting]
        if ontbreekt:
            raise InvoerFout(
                f"De {naam} mist {', '.join(ontbreekt)}: geef de scores (0–10) of een telling met "
                "promotors, passieven en criticasters (zoals nps(...) die teruggeeft)."
            )
        aantallen = [meting[k] for k in ("promotors", "passieven", "criticasters")]
        if any(isinstance(a, bool) or not float(a).is_integer() or a < 0 for a in aantallen):
            raise InvoerFout(
                f"De aantallen van de {naam} moeten gehele getallen van 0 of meer zijn: {aantallen}."
            )
        promotors, passieven, criticasters = (int(a) for a in aantallen)
        if promotors + passieven + criticasters == 0:
            raise InvoerFout(f"De {naam} heeft geen enkel antwoord.")
        return promotors, criticasters, promotors + passieven + criticasters
    uit = nps(meting)  # type: ignore[arg-type]
    return int(uit["promotors"]), int(uit["criticasters"]), int(uit["n"])


def nps_verschil(
    voor: Sequence[float] | pd.Series | Mapping[str, float],
    na: Sequence[float] | pd.Series | Mapping[str, float],
    betrouwbaarheid: float = 0.95,
    methode: str = "aangepast",
) -> dict[str, float | bool | str]:
    """Is het verschil tussen twee NPS-metingen echt, of kan het toeval zijn?

    ``voor`` en ``na`` zijn twee onafhankelijke metingen (bv. vorig jaar en dit jaar, of twee
    segmenten): elk de scores 0–10, of een telling met ``promotors``, ``passieven`` en
    ``criticasters`` (zoals `nps` die teruggeeft). Het interval voor ``verschil`` (na − voor, in
    NPS-punten) is dat van Lewis en Sauro (MeasuringU 2021, "How to statistically compare two Net
    Promoter Scores"): per meting het *adjusted-Wald*-midden en de variantie van `nps`, de varianties
    opgeteld, ``z`` = verschil van de middens / standaardfout, ``p_waarde`` tweezijdig. ``echt`` is
    waar als het interval 0 niet bevat: zo'n verschil krijg je zelden (minder dan 1 − betrouwbaarheid
    van de keren) door toeval. Met ``methode="wald"`` zonder aanpassing (de test van Rocks' R-pakket
    NPS).

    Een stijging van +22,5 naar +30 met telkens 80 antwoorden is niet te onderscheiden van toeval:

    >>> uit = nps_verschil({"promotors": 36, "passieven": 26, "criticasters": 18},
    ...                    {"promotors": 40, "passieven": 24, "criticasters": 16})
    >>> uit["nps_voor"], uit["nps_na"], uit["verschil"]
    (22.5, 30.0, 7.5)
    >>> round(uit["ondergrens"], 1), round(uit["bovengrens"], 1), round(uit["p_waarde"], 2), uit["echt"]
    (-16.6, 31.1, 0.55, False)
    """
    z_grens = _z(betrouwbaarheid)
    tellingen = [_nps_telling(voor, "eerste meting (voor)"), _nps_telling(na, "tweede meting (na)")]
    (p1, c1, n1), (p2, c2, n2) = tellingen
    (m1, v1), (m2, v2) = (_nps_spreiding(p, c, n, methode) for p, c, n in tellingen)
    fout = float(np.sqrt(v1 + v2))
    midden = m2 - m1
    z = midden / fout if fout > 0 else (0.0 if midden == 0 else float(np.sign(midden)) * np.inf)
    p_waarde = float(2 * stats.norm.sf(abs(z)))
    return {
        "nps_voor": (p1 - c1) / n1 * 100,
        "nps_na": (p2 - c2) / n2 * 100,
        "n_voor": n1,
        "n_na": n2,
        "verschil": ((p2 - c2) * n1 - (p1 - c1) * n2) / (n1 * n2) * 100,
        "ondergrens": max((midden - z_grens * fout) * 100, -200.0),
        "bovengrens": min((midden + z_grens * fout) * 100, 200.0),
        "standaardfout": fout * 100,
        "z": float(z),
        "p_waarde": p_waarde,
        "echt": bool(p_waarde < 1 - betrouwbaarheid),
        "betrouwbaarheid": betrouwbaarheid,
        "methode": methode,
    }


def antwoorden_nodig(
    marge: float,
    pct_promotors: float = 45.0,
    pct_criticasters: float = 20.0,
    betrouwbaarheid: float = 0.95,
    verschil: bool = True,
) -> int:
    """Hoeveel antwoorden heb je per meting nodig voor een NPS-foutenmarge van hoogstens ``marge`` punten?

    Met ``verschil=True`` (standaard) gaat het om het verschil tussen twee metingen van elk zoveel
    antwoorden (zie `nps_verschil`): n = 2 · var · (z / marge)², met var = p_prom + p_crit −
    (p_prom − p_crit)² bij de verwachte aandelen ``pct_promotors`` en ``pct_criticasters`` (in
    procent). Met ``verschil=False`` voor één NPS: n = var · (z / marge)². Zo'n planning gebruikt de
    gewone normale benadering, naar boven afgerond. Een echte stijging van precies ``marge`` punten
    valt daarmee ongeveer de helft van de keren buiten de foutenmarge; wil je ze bijna altijd zien,
    mik dan op een kleinere marge.

    >>> antwoorden_nodig(8, pct_promotors=45, pct_criticasters=20)  # 2 × 0,5875 × (1,96 / 0,08)² = 705,3
    706
    >>> antwoorden_nodig(8, 45, 20, verschil=False)
    353
    """
    if not 0 < marge <= 200:
        raise InvoerFout(f"De foutenmarge is een aantal NPS-punten groter dan 0, niet {marge}.")
    variantie = _verwachte_variantie(pct_promotors, pct_criticasters)
    nodig = (2 if verschil else 1) * variantie * (_z(betrouwbaarheid) / (marge / 100)) ** 2
    return max(int(np.ceil(nodig - 1e-9)), 1)


def _verwachte_variantie(pct_promotors: float, pct_criticasters: float) -> float:
    """De variantie van één NPS-antwoord (−1, 0 of 1) bij deze verwachte percentages."""
    for naam, pct in (("pct_promotors", pct_promotors), ("pct_criticasters", pct_criticasters)):
        if not 0 <= pct <= 100:
            raise InvoerFout(f"'{naam}' is een percentage van 0 tot 100, niet {pct}.")
    if pct_promotors + pct_criticasters > 100:
        raise InvoerFout("Samen kunnen promotors en criticasters niet meer dan 100% van de antwoorden zijn.")
    p_prom, p_crit = pct_promotors / 100, pct_criticasters / 100
    return p_prom + p_crit - (p_prom - p_crit) ** 2


def nps_foutenmarge(
    antwoorden: int,
    pct_promotors: float = 45.0,
    pct_criticasters: float = 20.0,
    betrouwbaarheid: float = 0.95,
    verschil: bool = True,
) -> float:
    """De foutenmarge (in NPS-punten) bij zoveel ``antwoorden`` per meting: het omgekeerde van
    `antwoorden_nodig`. Met ``verschil=True`` die van het verschil tussen twee metingen van elk zoveel
    antwoorden, z · √(2 · var / n); met ``verschil=False`` die van één NPS, z · √(var / n).

    >>> round(nps_foutenmarge(80, 45, 20), 1)  # 1,96 × √(2 × 0,5875 / 80) × 100
    23.8
    >>> round(nps_foutenmarge(706, 45, 20), 2)
    8.0
    """
    if isinstance(antwoorden, bool) or not float(antwoorden).is_integer() or antwoorden < 1:
        raise InvoerFout(f"Het aantal antwoorden is een geheel getal van minstens 1, niet {antwoorden!r}.")
    variantie = _verwachte_variantie(pct_promotors, pct_criticasters)
    return float(_z(betrouwbaarheid) * np.sqrt((2 if verschil else 1) * variantie / antwoorden) * 100)


def csat(scores: Sequence[float] | pd.Series) -> float:
    """CSAT: het aandeel tevreden klanten, gedefinieerd als het aandeel scores 4 of 5 op een schaal 1–5.

    Lege scores tellen niet mee. Uitkomst tussen 0 en 1 (gebruik `helpers.opmaak.procent` om te tonen).

    >>> csat([5, 4, 4, 3, 1, None])
    0.6
    """
    ingevuld, _ = _scores(scores, 1, 5, "tevredenheidsscores")
    return float((ingevuld >= 4).mean())


@belgische_tijd
def likert_samenvatting(enquete: pd.DataFrame, items: Sequence[str] = ITEMS, schaal: int = 5) -> pd.DataFrame:
    """Per item het aandeel van elk antwoord 1..``schaal``, klaar voor een 'diverging' staafgrafiek.

    Kolommen: ``n`` (aantal antwoorden), ``gemiddelde``, ``aandeel_1`` .. ``aandeel_<schaal>``,
    ``negatief`` (onder het midden, bij 1–5: 1 en 2), ``neutraal`` (het midden, 3), ``positief`` (4 en 5),
    en ``links``/``rechts``: waar de balk begint en eindigt rond nul. De neutrale antwoorden
    worden in een diverging chart half links en half rechts van nul gezet: de balk loopt van
    ``links = −(negatief + neutraal/2)`` tot ``rechts = positief + neutraal/2``; teken de aandelen
    1..``schaal`` na elkaar vanaf ``links``. Lege antwoorden tellen niet mee.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"prijs": [1, 2, 3, 4, 5, None], "sfeer": [5, 5, 4, 4, 3, 2]})
    >>> t = likert_samenvatting(e, items=["prijs", "sfeer"])
    >>> kolommen = ["n", "negatief", "neutraal", "positief", "links", "rechts"]
    >>> t[kolommen].round(3)  # doctest: +NORMALIZE_WHITESPACE
           n  negatief  neutraal  positief  links  rechts
    item
    prijs  5     0.400     0.200     0.400  -0.50    0.50
    sfeer  6     0.167     0.167     0.667  -0.25    0.75
    """
    items = list(items)
    if not items:
        raise InvoerFout("Geef minstens één item om samen te vatten.")
    if schaal < 2:
        raise InvoerFout(f"Een Likertschaal heeft minstens 2 antwoorden, niet {schaal}.")
    _vereis_scorekolommen(enquete, items)
    for item in items:
        _scores(enquete[item], 1, schaal, f"antwoorden op '{item}'")
    lang = enquete[items].astype("float64").melt(var_name="item", value_name="score").dropna()
    waarden = np.arange(1, schaal + 1)
    tellingen = pd.crosstab(lang["item"], lang["score"].astype("int64")).reindex(
        index=items, columns=waarden, fill_value=0
    )
    n = tellingen.sum(axis=1)
    aandelen = tellingen.div(n, axis=0)
    midden = (schaal + 1) / 2
    negatief = aandelen.loc[:, waarden < midden].sum(axis=1)
    neutraal = aandelen.loc[:, waarden == midden].sum(axis=1)
    positief = aandelen.loc[:, waarden > midden].sum(axis=1)
    tabel = aandelen.set_axis([f"aandeel_{w}" for w in waarden], axis=1)
    tabel.columns.name = None
    tabel = tabel.assign(
        n=n,
        gemiddelde=tellingen.mul(waarden, axis=1).sum(axis=1) / n,
        negatief=negatief,
        neutraal=neutraal,
        positief=positief,
        links=-(negatief + neutraal / 2),
        rechts=positief + neutraal / 2,
    )
    vooraan = ["n", "gemiddelde"]
    return tabel[vooraan + [k for k in tabel.columns if k not in vooraan]]


def cronbach_alpha(items: pd.DataFrame) -> float:
    """Cronbachs alfa: hoe sterk meten de ``items`` (kolommen) samen één ding?

    Formule: α = k/(k−1) · (1 − Σσ²ᵢ / σ²ₜ), met k items, σ²ᵢ de variantie van item i en σ²ₜ de
    variantie van de somscore. Rijen met minstens één leeg antwoord vallen weg ('listwise deletion'):
    alle varianties komen zo van dezelfde klanten. Vuistregel: vanaf 0,7 aanvaardbaar, vanaf 0,8 goed.

    >>> import pandas as pd
    >>> items = pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [2, 2, 3, 5, 5], "c": [1, 3, 3, 4, None]})
    >>> round(cronbach_alpha(items), 4)
    0.9474
    """
    if not isinstance(items, pd.DataFrame):
        raise InvoerFout(
            f"Geef de items als tabel (DataFrame), één kolom per item; kreeg {type(items).__name__}."
        )
    _vereis_scorekolommen(items, list(items.columns), "items")
    k = items.shape[1]
    if k < 2:
        raise InvoerFout(f"Cronbachs alfa vraagt minstens 2 items (kolommen), er is er {k}.")
    volledig = items.dropna().astype("float64")
    if len(volledig) < 2:
        raise InvoerFout(
            f"Cronbachs alfa vraagt minstens 2 volledig ingevulde rijen, er zijn er {len(volledig)}."
        )
    totaal = volledig.sum(axis=1).var(ddof=1)
    if totaal == 0:
        raise InvoerFout("Alle somscores zijn gelijk: zonder spreiding bestaat Cronbachs alfa niet.")
    return float(k / (k - 1) * (1 - volledig.var(ddof=1).sum() / totaal))


MAX_FACTOREN = 10
"""Het maximum aantal factoren voor `sleutelfactoren` (2^10 = 1024 deelmodellen)."""


def _r2_per_deelverzameling(corr_x: np.ndarray, corr_xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """R² van de regressie op elke deelverzameling factoren (bitmasker i), in één gebatchte berekening.

    Voor gestandaardiseerde variabelen is R²(S) = r_Sᵀ R_SS⁻¹ r_S. Factoren buiten S krijgen een
    eenheidsrij en een nul rechts, zodat ze niets bijdragen; de pseudo-inverse vangt samenhang op.
    """
    p = len(corr_xy)
    bits = ((np.arange(2**p)[:, None] >> np.arange(p)) & 1).astype(bool)
    binnen = bits[:, :, None] & bits[:, None, :]
    matrices = np.where(binnen, corr_x[None], np.eye(p)[None])
    rechts = np.where(bits, corr_xy[None], 0.0)
    beta = np.einsum("mij,mj->mi", np.linalg.pinv(matrices, hermitian=True), rechts)
    return (beta * rechts).sum(axis=1), beta[-1]


@belgische_tijd
def sleutelfactoren(
    enquete: pd.DataFrame, doel: str = "tevredenheid", factoren: Sequence[str] = ITEMS
) -> pd.DataFrame:
    """Welke items drijven de algemene tevredenheid (of de aanbeveling)? Relatief belang volgens LMG.

    Per factor: ``correlatie`` met het doel, de gestandaardiseerde ``beta`` in het volledige model,
    het relatieve ``belang`` (LMG van Lindeman, Merenda en Gold, gelijk aan de Shapley-waarde van R²:
    de gemiddelde R²-winst als je de factor toevoegt, over alle volgordes van de factoren) en het
    ``aandeel`` van R². De belangen tellen precies op tot de R² van het volledige model. Anders dan
    ruwe correlaties verdeelt LMG de gedeelde verklaring eerlijk over factoren die samenhangen.
    Exact over alle 2^p deelmodellen (p ≤ 10). Rijen met een leeg antwoord vallen weg (listwise);
    ``attrs`` bevat ``r2``, ``n`` en ``weggelaten``.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"x1": [1, 2, 3, 4, 5, 1, 2, 3], "x2": [2, 1, 4, 3, 5, 5, 4, 2],
    ...                   "y": [1, 2, 4, 4, 5, 3, 3, 2]})
    >>> t = sleutelfactoren(e, doel="y", factoren=["x1", "x2"])
    >>> t.round(3)
        correlatie   beta  belang  aandeel
    x1       0.775  0.629   0.485    0.535
    x2       0.733  0.572   0.422    0.465
    >>> round(t.attrs["r2"], 3), t.attrs["n"]
    (0.907, 8)
    """
    factoren = list(factoren)
    if not factoren:
        raise InvoerFout("Geef minstens één factor (item) om het belang van te berekenen.")
    if len(factoren) > MAX_FACTOREN:
        raise InvoerFout(
            f"Te veel factoren ({len(factoren)}): het exacte LMG-belang kan voor hoogstens {MAX_FACTOREN}."
        )
    if doel in factoren:
        raise InvoerFout(f"'{doel}' staat zowel als doel als als factor.")
    _vereis_scorekolommen(enquete, [doel, *factoren])
    volledig = enquete[[doel, *factoren]].dropna().astype("float64")
    if len(volledig) <= len(factoren) + 1:
        raise InvoerFout(
            f"Te weinig volledige antwoorden ({len(volledig)}) voor {len(factoren)} factoren: "
            f"er zijn er minstens {len(factoren) + 2} nodig."
        )
    constant = [k for k in volledig.columns if volledig[k].std() == 0]
    if constant:
        raise InvoerFout(f"Iedereen gaf hetzelfde antwoord op {', '.join(constant)}: geen spreiding.")
    corr = np.corrcoef(volledig.to_numpy(), rowvar=False)
    r2, beta = _r2_per_deelverzameling(corr[1:, 1:], corr[1:, 0])
    p = len(factoren)
    maskers = np.arange(2**p)
    bits = ((maskers[:, None] >> np.arange(p)) & 1).astype(bool)
    gewichten = np.array([factorial(s) * factorial(p - s - 1) / factorial(p) for s in range(p)])
    grootte = np.minimum(bits.sum(axis=1), p - 1)
    winst = r2[maskers[:, None] | (1 << np.arange(p))[None]] - r2[:, None]
    belang = np.where(bits, 0.0, winst * gewichten[grootte][:, None]).sum(axis=0)
    tabel = pd.DataFrame(
        {"correlatie": corr[1:, 0], "beta": beta, "belang": belang, "aandeel": belang / r2[-1]},
        index=pd.Index(factoren),
    ).sort_values("belang", ascending=False)
    tabel.attrs.update(r2=float(r2[-1]), n=len(volledig), weggelaten=len(enquete) - len(volledig), doel=doel)
    return tabel


def _bekende_tickets(
    tickets: pd.DataFrame, klant: str, datum: str, bedrag: str, peildatum: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Controleer de tickets; geef die van gekende klanten als ``_klant``, ``_datum``, ``_bedrag``."""
    vereis_kolommen(tickets, [klant, datum, bedrag], "tickets")
    vereis_niet_leeg(tickets, "tickets")
    vereis_datums(tickets, datum, "tickets")
    vereis_getallen(tickets, bedrag, "tickets")
    if peildatum is not None:
        vereis_niet_na(tickets, datum, peildatum, "tickets")
    bekend = tickets.loc[~anonieme_tickets(tickets[klant]), [klant, datum, bedrag]]
    return bekend.set_axis(["_klant", "_datum", "_bedrag"], axis=1).astype({"_klant": "str"})


def _gedrag(perioden: pd.DataFrame, tickets: pd.DataFrame) -> pd.DataFrame:
    """Koopgedrag per rij van ``perioden`` (``_klant``, ``_van``, ``_tot``; tot = exclusief).

    Geeft ``aankoopdagen`` (kalenderdagen met een ticket met bedrag > 0), ``besteding`` (netto, retours
    afgetrokken), ``eerste_dag`` en ``laatste_dag`` (van een aankoopdag; leeg zonder aankoop).
    """
    samen = perioden.reset_index(names="_rij").merge(tickets, on="_klant", how="inner")
    samen = samen[(samen["_datum"] >= samen["_van"]) & (samen["_datum"] < samen["_tot"])]
    besteding = samen.groupby("_rij")["_bedrag"].sum()
    koop = samen.loc[samen["_bedrag"] > 0, ["_rij"]].assign(_dag=samen["_datum"].dt.normalize())
    dagen = koop.groupby("_rij")["_dag"].agg(aankoopdagen="nunique", eerste_dag="min", laatste_dag="max")
    uit = pd.DataFrame(index=perioden.index).join(dagen).join(besteding.rename("besteding"))
    return uit.fillna({"aankoopdagen": 0, "besteding": 0.0}).astype({"aankoopdagen": "int64"})


@belgische_tijd
def herkoop_na(
    klanten: pd.Series,
    dagen: pd.Series,
    groep: pd.Series,
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp,
    maanden: int = 12,
    betrouwbaarheid: float = 0.95,
) -> tuple[pd.DataFrame, int]:
    """Kocht elke klant opnieuw in de ``maanden`` na een dag (vanaf de dag erna)? Samengevat per groep.

    De bouwsteen van `tevredenheid_en_trouw` en van `helpers.klachten.herkoop_na_klacht`. ``klanten``,
    ``dagen`` en ``groep`` zijn even lange reeksen (een klant, een dag, een groep per rij); ``tickets``
    heeft de kolommen ``_klant``, ``_datum`` en ``_bedrag`` (zoals `_bekende_tickets` ze maakt). Rijen
    waarvan de periode na de ``peildatum`` eindigt, vallen weg; de functie geeft de tabel (per groep:
    ``aantal``, ``herkoopaandeel`` met Wilson-``ondergrens`` en -``bovengrens``, gemiddelde
    ``aankoopdagen`` en ``besteding``) en hoeveel rijen wegvielen.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"_klant": ["A", "B"], "_datum": pd.to_datetime(["2024-02-01", "2024-09-01"]),
    ...                   "_bedrag": [40.0, 10.0]})
    >>> tabel, weg = herkoop_na(pd.Series(["A", "B"]), pd.Series(pd.to_datetime(["2024-01-05"] * 2)),
    ...                         pd.Series(["x", "x"], name="groep"), t, pd.Timestamp("2024-12-31"), 3)
    >>> tabel[["aantal", "herkoopaandeel", "besteding"]], weg  # doctest: +NORMALIZE_WHITESPACE
    (       aantal  herkoopaandeel  besteding
     groep
     x           2             0.5       20.0, 0)
    """
    if maanden < 1:
        raise InvoerFout(f"Kies minstens 1 maand, niet {maanden}.")
    van = pd.Series(dagen).dt.normalize() + pd.Timedelta(days=1)
    tot = van + pd.DateOffset(months=maanden)
    volledig = (tot <= peildatum.normalize() + pd.Timedelta(days=1)).to_numpy()
    if not volledig.any():
        raise InvoerFout(
            f"Voor niemand liggen al {maanden} maanden na de dag vóór de peildatum {peildatum.date()}: "
            "kies minder maanden of een latere peildatum."
        )
    klant_ids = pd.Series(klanten).astype("str").to_numpy()
    perioden = pd.DataFrame({"_klant": klant_ids, "_van": van.to_numpy(), "_tot": tot.to_numpy()})
    perioden = perioden[volledig].reset_index(drop=True)
    groepen = pd.Series(groep).reset_index(drop=True)[volledig].reset_index(drop=True)  # categorie blijft
    gedrag = _gedrag(perioden, tickets).assign(_groep=groepen, herkoop=lambda d: d["aankoopdagen"] > 0)
    tabel = gedrag.groupby("_groep", observed=True).agg(
        aantal=("herkoop", "size"),
        herkopers=("herkoop", "sum"),
        aankoopdagen=("aankoopdagen", "mean"),
        besteding=("besteding", "mean"),
    )
    onder, boven = wilson_interval(tabel["herkopers"], tabel["aantal"], betrouwbaarheid)
    tabel = tabel.assign(
        herkoopaandeel=tabel["herkopers"] / tabel["aantal"], ondergrens=onder, bovengrens=boven
    ).rename_axis(getattr(groep, "name", None))
    kolommen = ["aantal", "herkoopaandeel", "ondergrens", "bovengrens", "aankoopdagen", "besteding"]
    return tabel[kolommen], int((~volledig).sum())


@belgische_tijd
def tevredenheid_en_trouw(
    enquete: pd.DataFrame,
    tickets: pd.DataFrame,
    maanden: int = 12,
    score: str = "tevredenheid",
    peildatum: pd.Timestamp | str | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    antwoord_datum: str = "antwoord_datum",
    betrouwbaarheid: float = 0.95,
) -> pd.DataFrame:
    """Tevredenheid naast echt gedrag: kochten tevreden klanten ná hun antwoord ook opnieuw?

    Per ``score`` (bv. 1–5): ``aantal`` respondenten, ``herkoopaandeel`` (aandeel met minstens één
    aankoopdag in de ``maanden`` na de dag van het antwoord) met zijn Wilson-interval
    (``ondergrens``, ``bovengrens``; zie `helpers.intervallen`), ``aankoopdagen`` en ``besteding``
    (netto, retours afgetrokken) gemiddeld per respondent in die periode. Respondenten van wie die
    periode na de ``peildatum`` (standaard: het laatste ticket) eindigt, tellen niet mee: hun gedrag
    is nog niet volledig gekend. ``attrs["weggelaten"]`` telt hen en de antwoorden zonder klant.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"klant_id": ["A", "B", "C"], "tevredenheid": [5, 5, 3],
    ...                   "antwoord_datum": pd.to_datetime(["2024-01-10", "2024-01-12", "2024-01-15"])})
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "C", "B"], "bedrag": [50.0, 30.0, 20.0, 99.0],
    ...                   "datum": pd.to_datetime(["2024-03-01", "2024-06-01", "2024-02-01", "2024-01-05"])})
    >>> uit = tevredenheid_en_trouw(e, t, maanden=6, peildatum="2024-12-31")
    >>> uit.drop(columns=["ondergrens", "bovengrens"])  # doctest: +NORMALIZE_WHITESPACE
                  aantal  herkoopaandeel  aankoopdagen  besteding
    tevredenheid
    3                  1             1.0           1.0       20.0
    5                  2             0.5           1.0       40.0
    """
    if maanden < 1:
        raise InvoerFout(f"Kies minstens 1 maand na het antwoord, niet {maanden}.")
    _vereis_scorekolommen(enquete, [score])
    vereis_kolommen(enquete, [klant, antwoord_datum], "enquete")
    enquete, tickets = koppel_klanten((enquete, "enquete"), (tickets, "tickets"), klant=klant)
    zonder_klant = anonieme_tickets(enquete[klant])
    respons = enquete.loc[enquete[score].notna().to_numpy() & ~zonder_klant]
    if respons.empty:
        raise InvoerFout(f"Geen enkele klant met een klantnummer heeft '{score}' ingevuld.")
    vereis_datums(respons, antwoord_datum, "enquete")
    peil = belgisch_tijdstip(pd.Timestamp(peildatum)) if peildatum is not None else None
    bekend = _bekende_tickets(tickets, klant, datum, bedrag, peil)
    peil = peil if peil is not None else tickets[datum].max()
    tabel, niet_voorbij = herkoop_na(
        respons[klant], respons[antwoord_datum], respons[score], bekend, peil, maanden, betrouwbaarheid
    )
    tabel.attrs["weggelaten"] = {
        "periode nog niet voorbij": niet_voorbij,
        "zonder klantnummer": int((enquete[score].notna().to_numpy() & zonder_klant).sum()),
    }
    return tabel


@belgische_tijd
def nonrespons(
    enquete: pd.DataFrame,
    tickets: pd.DataFrame,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    uitnodiging_datum: str = "uitnodiging_datum",
    beantwoord: str = "beantwoord",
) -> pd.DataFrame:
    """Lijken de klanten die antwoordden op wie niet antwoordde? Vergelijk hun koopgedrag vóór de uitnodiging.

    Per maatstaf (``frequentie``: aankoopdagen, ``besteding``: netto, ``recency_dagen``: dagen sinds de
    laatste aankoopdag, ``klantduur_dagen``: dagen sinds de eerste aankoopdag; telkens tot de dag van
    de uitnodiging) het aantal, gemiddelde en mediaan bij respondenten en niet-respondenten, met de
    Mann-Whitney U-toets (tweezijdig; ``p_waarde`` < 0,05: de groepen verschillen echt). Recency en
    klantduur bestaan enkel voor wie vóór de uitnodiging al kocht. Zijn respondenten trouwere klanten,
    dan is de enquête te rooskleurig.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"klant_id": ["A", "B", "C", "D"], "beantwoord": [True, True, False, False],
    ...                   "uitnodiging_datum": pd.to_datetime(["2024-06-01"] * 4)})
    >>> t = pd.DataFrame({"klant_id": ["A", "A", "B", "C"], "bedrag": [50.0, 30.0, 20.0, 10.0],
    ...                   "datum": pd.to_datetime(["2024-03-01", "2024-05-01", "2024-02-01", "2024-01-05"])})
    >>> kolommen = ["gemiddelde_respondenten", "gemiddelde_niet_respondenten"]
    >>> nonrespons(e, t)[kolommen]  # doctest: +NORMALIZE_WHITESPACE
                     gemiddelde_respondenten  gemiddelde_niet_respondenten
    maatstaf
    frequentie                           1.5                           0.5
    besteding                           50.0                           5.0
    recency_dagen                       76.0                         148.0
    klantduur_dagen                    106.5                         148.0
    """
    vereis_kolommen(enquete, [klant, uitnodiging_datum, beantwoord], "enquete")
    vereis_niet_leeg(enquete, "enquete")
    vereis_waar(enquete, beantwoord, "enquete")
    enquete, tickets = koppel_klanten((enquete, "enquete"), (tickets, "tickets"), klant=klant)
    genodigd = enquete.loc[~anonieme_tickets(enquete[klant])]
    vereis_datums(genodigd, uitnodiging_datum, "enquete")
    antwoordde = genodigd[beantwoord].to_numpy(dtype=bool)
    if antwoordde.all() or not antwoordde.any():
        raise InvoerFout("Om te vergelijken zijn er zowel respondenten als niet-respondenten nodig.")
    bekend = _bekende_tickets(tickets, klant, datum, bedrag)
    tot = genodigd[uitnodiging_datum].dt.normalize()
    perioden = pd.DataFrame(
        {"_klant": genodigd[klant].astype("str"), "_van": bekend["_datum"].min(), "_tot": tot}
    ).reset_index(drop=True)
    gedrag = _gedrag(perioden, bekend)
    grens = tot.reset_index(drop=True)
    maten = pd.DataFrame(
        {
            "frequentie": gedrag["aankoopdagen"].astype("float64"),
            "besteding": gedrag["besteding"],
            "recency_dagen": (grens - gedrag["laatste_dag"]).dt.days.astype("float64"),
            "klantduur_dagen": (grens - gedrag["eerste_dag"]).dt.days.astype("float64"),
        }
    )
    rijen = {}
    for maat in maten.columns:
        ja, nee = maten.loc[antwoordde, maat].dropna(), maten.loc[~antwoordde, maat].dropna()
        toets = stats.mannwhitneyu(ja, nee, alternative="two-sided") if len(ja) and len(nee) else None
        rijen[maat] = {
            "n_respondenten": len(ja),
            "n_niet_respondenten": len(nee),
            "gemiddelde_respondenten": ja.mean(),
            "gemiddelde_niet_respondenten": nee.mean(),
            "mediaan_respondenten": ja.median(),
            "mediaan_niet_respondenten": nee.median(),
            "u": float(toets.statistic) if toets else np.nan,
            "p_waarde": float(toets.pvalue) if toets else np.nan,
        }
    return pd.DataFrame.from_dict(rijen, orient="index").rename_axis("maatstaf")


@belgische_tijd
def segment_per_respondent(enquete: pd.DataFrame, segmenten: pd.Series, klant: str = "klant_id") -> pd.Series:
    """Het segment van elke respondent (leeg zonder klantnummer of zonder segment).

    ``segmenten`` is een reeks klantnummer -> segment (één segment per klant). Heeft geen enkele
    respondent een segment, dan is dat een `InvoerFout`: meestal horen de klantnummers niet bij elkaar.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"klant_id": ["A", None, "C"]})
    >>> segment_per_respondent(e, pd.Series({"A": "trouw", "B": "nieuw"})).tolist()
    ['trouw', nan, nan]
    """
    if not isinstance(segmenten, pd.Series):
        raise InvoerFout(
            "Geef de segmenten als reeks (pandas Series) klantnummer -> segment, "
            f"kreeg {type(segmenten).__name__}."
        )
    vereis_kolommen(enquete, [klant], "enquete")
    enquete, segmenten = koppel_klanten(
        (enquete, "enquete"), (segmenten, "segmenten"), klant=klant, vereis_overlap=False
    )
    if not segmenten.index.is_unique:
        dubbel = segmenten.index[segmenten.index.duplicated()][0]
        raise InvoerFout(f"Elke klant mag maar één segment hebben; '{dubbel}' komt meer dan eens voor.")
    segment = enquete[klant].map(segmenten)
    if segment.notna().sum() == 0:
        raise InvoerFout(
            "Geen enkele respondent heeft een segment: horen de klantnummers van de segmenten "
            f"bij de kolom '{klant}' van de enquête?"
        )
    return segment


def _met_segment(
    enquete: pd.DataFrame, segmenten: pd.Series, kolommen: Sequence[str], klant: str
) -> tuple[pd.DataFrame, int]:
    """De antwoorden (alle ``kolommen`` ingevuld) met hun segment; plus het aantal zonder segment."""
    _vereis_scorekolommen(enquete, kolommen)
    vereis_kolommen(enquete, [klant], "enquete")
    antwoorden = enquete.loc[enquete[list(kolommen)].notna().all(axis=1), [klant, *kolommen]]
    segment = segment_per_respondent(antwoorden, segmenten, klant)
    met = antwoorden.assign(segment=segment).dropna(subset=["segment"])
    return met.astype({k: "float64" for k in kolommen}), int(segment.isna().sum())


@belgische_tijd
def per_segment(
    enquete: pd.DataFrame,
    segmenten: pd.Series,
    klant: str = "klant_id",
    aanbeveling: str = "aanbeveling",
    tevredenheid: str = "tevredenheid",
) -> pd.DataFrame:
    """NPS en tevredenheid per segment (``segmenten``: reeks klantnummer -> segment).

    Per segment: ``n`` (respondenten met beide scores), ``nps``, ``pct_promotors``, ``pct_criticasters``,
    ``gemiddelde_tevredenheid`` en ``csat`` (aandeel 4–5, zie `csat`). Respondenten zonder segment
    tellen niet mee; hun aantal staat in ``attrs["zonder_segment"]``. Test de verschillen met
    `segmenttoets` voor je er conclusies aan verbindt.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"klant_id": ["A", "B", "C", "D"], "aanbeveling": [10, 9, 3, 8],
    ...                   "tevredenheid": [5, 4, 2, 4]})
    >>> seg = pd.Series({"A": "trouw", "B": "trouw", "C": "koopjesjager", "D": "koopjesjager"})
    >>> per_segment(e, seg)[["n", "nps", "csat"]]  # doctest: +NORMALIZE_WHITESPACE
                  n    nps  csat
    segment
    koopjesjager  2  -50.0   0.5
    trouw         2  100.0   1.0
    """
    met, zonder = _met_segment(enquete, segmenten, [aanbeveling, tevredenheid], klant)
    _scores(met[aanbeveling], 0, 10, "aanbevelingsscores")
    _scores(met[tevredenheid], 1, 5, "tevredenheidsscores")
    tabel = met.assign(
        _prom=met[aanbeveling] >= 9, _crit=met[aanbeveling] <= 6, _tevreden=met[tevredenheid] >= 4
    ).groupby("segment", observed=True).agg(
        n=(aanbeveling, "size"),
        pct_promotors=("_prom", "mean"),
        pct_criticasters=("_crit", "mean"),
        gemiddelde_tevredenheid=(tevredenheid, "mean"),
        csat=("_tevreden", "mean"),
    )
    tabel = tabel.assign(
        pct_promotors=tabel["pct_promotors"] * 100,
        pct_criticasters=tabel["pct_criticasters"] * 100,
        nps=(tabel["pct_promotors"] - tabel["pct_criticasters"]) * 100,
    )[["n", "nps", "pct_promotors", "pct_criticasters", "gemiddelde_tevredenheid", "csat"]]
    tabel.attrs["zonder_segment"] = zonder
    return tabel


INDELINGEN = {
    "nps": (0, 10, [-0.5, 6.5, 8.5, 10.5], ["criticaster", "passief", "promotor"]),
    "csat": (1, 5, [0.5, 3.5, 5.5], ["niet tevreden (1-3)", "tevreden (4-5)"]),
}
"""Hoe `segmenttoets` scores in groepen deelt: schaal, grenzen en namen van de groepen."""


@belgische_tijd
def segmenttoets(
    enquete: pd.DataFrame,
    segmenten: pd.Series,
    score: str = "aanbeveling",
    indeling: str = "nps",
    klant: str = "klant_id",
) -> dict[str, object]:
    """Verschillen de segmenten echt in tevredenheid, of is het toeval? Twee toetsen.

    - Chi-kwadraattoets van onafhankelijkheid (``scipy.stats.chi2_contingency``, zonder Yates-correctie)
      op de kruistabel segment × groep. ``indeling="nps"``: criticaster (0–6), passief (7–8),
      promotor (9–10); ``indeling="csat"``: niet tevreden (1–3) of tevreden (4–5).
    - Kruskal-Wallistoets (``scipy.stats.kruskal``) op de scores zelf (rangorde, geen normaliteit nodig).

    Een ``p``-waarde onder 0,05 betekent: zo'n groot verschil tussen de segmenten krijg je zelden
    door toeval. Let op bij kleine segmenten (verwachte aantallen onder 5 in de kruistabel).
    Geeft een dict met ``kruistabel``, ``chi2``, ``vrijheidsgraden``, ``p_chi2``, ``kleinste_verwachting``,
    ``kruskal_h``, ``p_kruskal`` en ``zonder_segment``.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"klant_id": list("ABCDEFGH"), "aanbeveling": [10, 9, 9, 7, 3, 5, 8, 10]})
    >>> seg = pd.Series(dict(zip("ABCDEFGH", ["x"] * 4 + ["y"] * 4)))
    >>> uit = segmenttoets(e, seg)
    >>> uit["kruistabel"]  # doctest: +NORMALIZE_WHITESPACE
    groep    criticaster  passief  promotor
    segment
    x                  0        1         3
    y                  2        1         1
    >>> round(uit["chi2"], 3), uit["vrijheidsgraden"], round(uit["p_chi2"], 3)
    (3.0, 2, 0.223)
    """
    if indeling not in INDELINGEN:
        raise InvoerFout(f"Onbekende indeling {indeling!r}. Kies uit: {', '.join(INDELINGEN)}.")
    laag, hoog, grenzen, namen = INDELINGEN[indeling]
    met, zonder = _met_segment(enquete, segmenten, [score], klant)
    _scores(met[score], laag, hoog, f"scores in '{score}'")
    groep = pd.cut(met[score], grenzen, labels=namen)
    kruistabel = pd.crosstab(met["segment"].rename("segment"), groep.rename("groep"))
    kruistabel = kruistabel.loc[kruistabel.sum(axis=1) > 0, kruistabel.sum(axis=0) > 0]
    if kruistabel.shape[0] < 2 or kruistabel.shape[1] < 2:
        raise InvoerFout(
            "Voor een toets zijn minstens 2 segmenten met antwoorden en 2 verschillende "
            "antwoordgroepen nodig."
        )
    chi = stats.chi2_contingency(kruistabel.to_numpy(), correction=False)
    kw = stats.kruskal(*[reeks.to_numpy() for _, reeks in met.groupby("segment", observed=True)[score]])
    return {
        "kruistabel": kruistabel,
        "chi2": float(chi.statistic),
        "vrijheidsgraden": int(chi.dof),
        "p_chi2": float(chi.pvalue),
        "kleinste_verwachting": float(chi.expected_freq.min()),
        "kruskal_h": float(kw.statistic),
        "p_kruskal": float(kw.pvalue),
        "zonder_segment": zonder,
    }

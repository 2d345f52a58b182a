"""Klanten groeperen met k-means op geschaalde kenmerken, en helpen kiezen hoeveel groepen.

Te veel segmenten is een klassieke valkuil (oversegmentatie): een groep van een handvol klanten
verdient geen eigen aanpak. `te_kleine_segmenten` en `kies_k` melden dat als gegevens, niet als
Python-waarschuwing, zodat een notebook het netjes kan tonen.

>>> import pandas as pd
>>> k = pd.DataFrame({"frequentie": [1.0, 1, 2, 20, 21, 22]}, index=list("abcdef"))
>>> clusters(k, 2).tolist()
[1, 1, 1, 2, 2, 2]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits  # komt mee met scikit-learn

from helpers.controle import InvoerFout, vereis_getallen, vereis_kolommen, vereis_niet_leeg
from helpers.opmaak import getal, procent

SEGMENT = "segment"


def geschaalde_kenmerken(kenmerken: pd.DataFrame, kolommen: Sequence[str] | None = None) -> np.ndarray:
    """De kenmerken als matrix, elke kolom geschaald tot gemiddelde 0 en standaardafwijking 1.

    >>> import pandas as pd
    >>> geschaalde_kenmerken(pd.DataFrame({"a": [1.0, 3.0]})).ravel().tolist()
    [-1.0, 1.0]
    """
    vereis_kolommen(kenmerken, [] if kolommen is None else kolommen, "kenmerken")
    vereis_niet_leeg(kenmerken, "kenmerken")
    kolommen = list(kenmerken.columns if kolommen is None else kolommen)
    if not kolommen:
        raise InvoerFout("Kies minstens één kenmerk (kolom) om op te groeperen.")
    for kolom in kolommen:
        vereis_getallen(kenmerken, kolom, "kenmerken")
    return StandardScaler().fit_transform(kenmerken[kolommen].to_numpy(dtype="float64"))


def _controleer_k(k: int, verschillend: int) -> None:
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 2 or k > verschillend:
        raise InvoerFout(
            f"Het aantal segmenten k moet een geheel getal zijn van 2 tot {verschillend} "
            f"(het aantal verschillende klanten); kreeg {k!r}."
        )


def _kmeans(matrix: np.ndarray, k: int, seed: int, n_init: int) -> tuple[np.ndarray, float]:
    """Labels 1..k (1 = grootste groep) en de inertie (som van de gekwadrateerde afstanden)."""
    # één rekendraad: op een drukke laptop (of in een klas) is dat vele malen sneller dan OpenMP-draden
    # die op elkaar wachten, en het resultaat is hetzelfde
    with threadpool_limits(limits=1):
        model = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(matrix)
    grootte = np.bincount(model.labels_, minlength=k)
    # grootste groep eerst; bij gelijke grootte beslist het zwaartepunt, zodat de nummering vastligt
    volgorde = np.lexsort((*model.cluster_centers_.T[::-1], -grootte))
    nieuw = np.empty(k, dtype="int64")
    nieuw[volgorde] = np.arange(1, k + 1)
    return nieuw[model.labels_], float(model.inertia_)


def clusters(
    kenmerken: pd.DataFrame,
    k: int,
    seed: int = 42,
    kolommen: Sequence[str] | None = None,
    n_init: int = 10,
) -> pd.Series:
    """Deel de klanten in ``k`` segmenten met k-means op geschaalde ``kolommen`` (standaard: alle).

    Geeft per klant het segmentnummer 1..k; segment 1 is het grootste. Dezelfde ``seed`` en gegevens
    geven altijd dezelfde indeling.

    >>> import pandas as pd
    >>> k = pd.DataFrame({"x": [0.0, 0.1, 5.0, 5.1, 5.2]})
    >>> clusters(k, 2, seed=1).value_counts().sort_index().tolist()
    [3, 2]
    """
    matrix = geschaalde_kenmerken(kenmerken, kolommen)
    _controleer_k(k, len(np.unique(matrix, axis=0)))
    labels, _ = _kmeans(matrix, int(k), seed, n_init)
    return pd.Series(labels, index=kenmerken.index, name=SEGMENT)


def vereis_segmenten(labels: pd.Series) -> None:
    """Controleer dat ``labels`` een reeks is met minstens één segment en één label per klant.

    >>> vereis_segmenten([1, 2])
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: Verwacht de segmenten als reeks (pandas Series), kreeg list.
    >>> import pandas as pd
    >>> vereis_segmenten(pd.Series(["a", "b"], index=["K1", "K1"]))
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: De klant 'K1' staat meer dan eens in de segmenten.
    """
    if not isinstance(labels, pd.Series):
        raise InvoerFout(f"Verwacht de segmenten als reeks (pandas Series), kreeg {type(labels).__name__}.")
    if not labels.index.is_unique:
        dubbel = labels.index[labels.index.duplicated()][0]
        raise InvoerFout(f"De klant {dubbel!r} staat meer dan eens in de segmenten.")
    if labels.dropna().empty:
        raise InvoerFout("De reeks met segmenten is leeg: er is niets om te tellen.")


def te_kleine_segmenten(
    labels: pd.Series, minimum_aandeel: float = 0.05, minimum_aantal: int = 50
) -> pd.DataFrame:
    """Per segment: aantal, aandeel en of het te klein is om een eigen aanpak te verdienen.

    Een segment is te klein als het minder dan ``minimum_aandeel`` van de klanten of minder dan
    ``minimum_aantal`` klanten telt. De kolom ``waarschuwing`` zegt het in woorden (anders leeg).

    >>> import pandas as pd
    >>> t = te_kleine_segmenten(pd.Series([1] * 97 + [2] * 3), minimum_aantal=10)
    >>> t["te_klein"].tolist()
    [False, True]
    >>> t.loc[2, "waarschuwing"]
    'Segment 2 telt maar 3 klanten (3,0%): te klein voor een eigen aanpak (minimum 5,0% en 10 klanten).'
    """
    vereis_segmenten(labels)
    if not 0 <= minimum_aandeel < 1 or minimum_aantal < 0:
        raise InvoerFout(
            "minimum_aandeel moet tussen 0 en 1 liggen en minimum_aantal mag niet negatief zijn."
        )
    aantal = labels.value_counts().sort_index()
    aantal = aantal[aantal > 0]  # een lege categorie is geen segment
    aandeel = aantal / aantal.sum()
    te_klein = (aandeel < minimum_aandeel) | (aantal < minimum_aantal)
    grens = f"minimum {procent(minimum_aandeel)} en {getal(minimum_aantal)} klanten"
    tekst = pd.Series(
        [
            f"Segment {s} telt maar {getal(n)} {'klant' if n == 1 else 'klanten'} ({procent(a)}): "
            f"te klein voor een eigen aanpak ({grens})."
            if klein
            else ""
            for s, n, a, klein in zip(aantal.index, aantal, aandeel, te_klein, strict=True)
        ],
        index=aantal.index,
    )
    tabel = pd.DataFrame({"aantal": aantal, "aandeel": aandeel, "te_klein": te_klein, "waarschuwing": tekst})
    tabel.index.name = SEGMENT
    return tabel


def _knik(inertie: np.ndarray) -> int:
    """Positie van de knik (elleboog): het punt het verst van de rechte tussen eerste en laatste punt."""
    if len(inertie) < 3:
        return 0
    x = np.linspace(0.0, 1.0, len(inertie))
    y = (inertie - inertie.min()) / (np.ptp(inertie) or 1.0)
    afstand = np.abs((y[-1] - y[0]) * x - (x[-1] - x[0]) * y + x[-1] * y[0] - y[-1] * x[0])
    return int(np.argmax(afstand))


def steekproef(aantal: int, grootte: int, seed: int) -> np.ndarray:
    """Vaste (voor een seed) steekproef van rijnummers, gesorteerd; alle rijen als ``aantal <= grootte``.

    >>> steekproef(5, 10, seed=1).tolist()
    [0, 1, 2, 3, 4]
    """
    if aantal <= grootte:
        return np.arange(aantal)
    return np.sort(np.random.default_rng(seed).choice(aantal, size=grootte, replace=False))


def kies_k(
    kenmerken: pd.DataFrame,
    k_bereik: Iterable[int] = range(2, 11),
    seed: int = 42,
    kolommen: Sequence[str] | None = None,
    steekproefgrootte: int = 2000,
    minimum_aandeel: float = 0.05,
    minimum_aantal: int = 50,
    n_init: int = 10,
) -> pd.DataFrame:
    """Hulp bij het kiezen van het aantal segmenten k: één rij per k.

    Kolommen: ``inertie`` (voor de elleboogmethode: hoe kleiner, hoe dichter de klanten bij hun
    segmentcentrum), ``silhouet`` (-1 tot 1: hoe beter de segmenten van elkaar gescheiden zijn;
    bij veel klanten berekend op een vaste steekproef van ``steekproefgrootte``), ``kleinste_aantal``
    en ``kleinste_aandeel`` (het kleinste segment), ``te_klein``, ``knik`` (het ellebooppunt),
    ``aanbevolen`` (precies één rij) en ``reden`` (in woorden).

    Aanbevolen: de k met de hoogste silhouetscore onder de k's waarbij geen segment te klein is
    (zie `te_kleine_segmenten`); zijn ze allemaal te klein, dan de kleinste k.

    >>> import numpy as np, pandas as pd
    >>> x = np.r_[np.zeros(60), np.full(60, 10.0), np.full(60, 20.0)] + np.tile([0.0, 0.1, 0.2], 60)
    >>> tabel = kies_k(pd.DataFrame({"x": x}), k_bereik=range(2, 6))
    >>> int(tabel.index[tabel["aanbevolen"]][0])
    3
    """
    matrix = geschaalde_kenmerken(kenmerken, kolommen)
    bereik = sorted({int(k) for k in k_bereik})
    if not bereik:
        raise InvoerFout("k_bereik is leeg: geef minstens één aantal segmenten, bv. range(2, 11).")
    verschillend = len(np.unique(matrix, axis=0))
    for k in bereik:
        _controleer_k(k, verschillend)
    rijen = steekproef(len(matrix), steekproefgrootte, seed)
    uitkomst = []
    for k in bereik:  # enkele k's: een lus over de kandidaten, niet over klanten
        labels, inertie = _kmeans(matrix, k, seed, n_init)
        in_steekproef = labels[rijen]
        with threadpool_limits(limits=1):
            silhouet = (
                float(silhouette_score(matrix[rijen], in_steekproef))
                if len(np.unique(in_steekproef)) > 1
                else float("nan")
            )
        grootte = te_kleine_segmenten(pd.Series(labels), minimum_aandeel, minimum_aantal)
        uitkomst.append(
            {
                "k": k,
                "inertie": inertie,
                "silhouet": silhouet,
                "kleinste_aantal": int(grootte["aantal"].min()),
                "kleinste_aandeel": float(grootte["aandeel"].min()),
                "te_klein": bool(grootte["te_klein"].any()),
            }
        )
    tabel = pd.DataFrame(uitkomst).set_index("k")
    tabel["knik"] = np.arange(len(tabel)) == _knik(tabel["inertie"].to_numpy())
    return _beveel_aan(tabel, minimum_aandeel, minimum_aantal)


def _beveel_aan(tabel: pd.DataFrame, minimum_aandeel: float, minimum_aantal: int) -> pd.DataFrame:
    bruikbaar = tabel.loc[~tabel["te_klein"], "silhouet"].dropna()
    grens = f"minstens {procent(minimum_aandeel)} en {getal(minimum_aantal)} klanten"
    if bruikbaar.empty:
        beste = int(tabel.index.min())
        reden = f"k = {beste}: bij elke k is er een segment kleiner dan {grens}; neem dus zo weinig mogelijk."
    else:
        beste = int(bruikbaar.idxmax())
        hoger = tabel.loc[tabel["silhouet"] > bruikbaar[beste]]
        reden = (
            f"k = {beste}: de hoogste silhouetscore ({getal(bruikbaar[beste], 2)}) van de k's waarbij elk "
            f"segment {grens} telt."
        )
        if len(hoger):
            ks = ", ".join(str(int(k)) for k in hoger.index)
            reden += (
                f" Bij k = {ks} is de silhouetscore hoger (tot {getal(hoger['silhouet'].max(), 2)}), maar "
                "daar is een segment te klein voor een eigen aanpak."
            )
    redenen = np.where(
        tabel["te_klein"],
        "kleinste segment te klein: " + tabel["kleinste_aantal"].map(getal) + " klanten ("
        + tabel["kleinste_aandeel"].map(procent) + ")",
        "lagere silhouetscore",
    )
    tabel = tabel.assign(aanbevolen=tabel.index == beste, reden=redenen)
    tabel.loc[beste, "reden"] = reden
    return tabel

"""RFM-analyse: hoe recent, hoe vaak en voor hoeveel koopt elke klant?

RFM staat voor *Recency* (hoe lang geleden de laatste aankoop), *Frequentie* (op hoeveel
verschillende dagen de klant kocht) en *Monetaire waarde* (hoeveel de klant netto besteedde).
De functies werken op elk transactielogboek met een klant-, datum- en bedragkolom: een winkel
uit `helpers.data.laad_winkel`, of de kassa-export van een klant van een consultant.

De stappen: `rfm_tabel` (één rij per klant), `rfm_scores` (scores 1 tot 5, hoger is beter),
`rfm_segmenten` (een segmentnaam en een aanbevolen actie per klant; met ``grote_eenmalige`` ook
de grote eenmalige kopers apart, die de kaart anders verstopt), `segment_overzicht`
(samenvatting per segment) en `segment_migratie` (hoe klanten verschuiven tussen twee peildata).

>>> import pandas as pd
>>> tickets = pd.DataFrame({
...     "klant_id": ["K1", "K1", "K2", None],
...     "datum": pd.to_datetime(["2025-12-01", "2025-12-20", "2025-06-30", "2025-12-30"]),
...     "bedrag": [50.0, 30.0, 120.0, 15.0],
... })
>>> segmenten = rfm_segmenten(rfm_scores(rfm_tabel(tickets, "2025-12-31")))
>>> segmenten[["R", "F", "M", "segment"]]  # doctest: +NORMALIZE_WHITESPACE
          R  F  M         segment
klant_id
K1        3  3  1  Aandacht nodig
K2        1  1  3         Slapend

De segmentkaart (`SEGMENTKAART`, rijen R van 5 tot 1, kolommen F van 1 tot 5) en de acties
(`SEGMENTEN`) zijn gewone tabellen, om in een notebook te tonen:

>>> SEGMENTKAART.loc[5, 5], SEGMENTKAART.loc[1, 1], SEGMENTKAART.shape
('Kampioenen', 'Slapend', (5, 5))
>>> SEGMENTEN.loc["Bijna kwijt", "actie"].startswith("win-backactie")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from helpers.controle import (
    InvoerFout,
    vereis_datums,
    vereis_getallen,
    vereis_kolommen,
    vereis_niet_leeg,
    vereis_niet_na,
)
from helpers.klantid import anonieme_tickets, klantcodes  # noqa: F401 (ook bereikbaar via rfm)
from helpers.tijdzone import belgisch_tijdstip, belgische_tijd

RFM_KOLOMMEN: tuple[str, ...] = ("recency", "frequentie", "monetair")
"""De drie maten van de RFM-tabel, in de volgorde R, F, M."""

_SCORES = {"recency": "R", "frequentie": "F", "monetair": "M"}


# --------------------------------------------------------------------------------------------
# Invoer
# --------------------------------------------------------------------------------------------


@belgische_tijd
def controleer_tickets(
    tickets: pd.DataFrame,
    peildatum: object = None,
    klant: str | None = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    tabel: str = "tickets",
) -> pd.Timestamp | None:
    """Controleer een transactielogboek en geef de peildatum terug als dag (``Timestamp``).

    Gooit een `helpers.controle.InvoerFout` bij een ontbrekende kolom, een lege tabel, een
    datumkolom zonder datums, lege datums, ontbrekende of niet-numerieke bedragen en datums na
    de peildatum. Negatieve bedragen (retours) zijn in orde. Datums met een tijdzone gelden in
    Belgische tijd (zie `helpers.tijdzone`).
    Met ``klant=None`` wordt geen klantkolom vereist; zonder ``peildatum`` geeft de functie
    ``None`` terug.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1"], "datum": pd.to_datetime(["2025-03-01 14:05"]),
    ...                   "bedrag": [-20.0]})
    >>> controleer_tickets(t, "2025-03-01")
    Timestamp('2025-03-01 00:00:00')
    >>> controleer_tickets(t, "2025-02-28")
    Traceback (most recent call last):
    ...
    helpers.controle.InvoerFout: 1 datum(s) in 'tickets.datum' liggen na de peildatum 2025-02-28, \
eerste op rij 0. Kies een latere peildatum of laat die rijen weg.
    """
    vereis_kolommen(tickets, [k for k in (klant, datum, bedrag) if k is not None], tabel)
    vereis_niet_leeg(tickets, tabel)
    vereis_datums(tickets, datum, tabel)
    vereis_getallen(tickets, bedrag, tabel)
    if peildatum is None:
        return None
    peil = _als_dag(peildatum, "peildatum")
    vereis_niet_na(tickets, datum, peil, tabel)
    return peil


def _als_dag(waarde: object, naam: str) -> pd.Timestamp:
    try:
        dag = pd.Timestamp(waarde)
    except (TypeError, ValueError) as fout:
        raise InvoerFout(f"De {naam} {waarde!r} is geen geldige datum (bv. '2025-12-31').") from fout
    if pd.isna(dag):
        raise InvoerFout(f"De {naam} ontbreekt: geef een datum (bv. '2025-12-31').")
    return belgisch_tijdstip(dag).normalize()


@belgische_tijd
def dagnummers(datums: pd.Series) -> np.ndarray:
    """Datums als dagnummer (``int64``, dagen sinds 1970-01-01); het tijdstip valt weg.

    >>> import pandas as pd
    >>> dagnummers(pd.Series(pd.to_datetime(["1970-01-02 23:59", "2025-12-31 00:00"]))).tolist()
    [1, 20453]
    """
    microseconden = datums.to_numpy(dtype="datetime64[us]").view(np.int64)
    return microseconden // 86_400_000_000


def _dag_als_datum(dagen: np.ndarray) -> np.ndarray:
    return dagen.astype("datetime64[D]").astype("datetime64[us]")


# --------------------------------------------------------------------------------------------
# RFM-tabel
# --------------------------------------------------------------------------------------------


@belgische_tijd
def rfm_tabel(
    tickets: pd.DataFrame,
    peildatum: object,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Eén rij per klant met recency, frequentie en monetaire waarde op de ``peildatum``.

    Alle tickets tot en met de peildatum tellen mee (datums erna geven een `InvoerFout`; filter
    ze eerst weg als je een vroegere peildatum wilt). Kolommen (index = klant, gesorteerd):

    - ``recency``: dagen van de laatste aankoopdag tot de peildatum (geheel getal, 0 = vandaag);
    - ``frequentie``: aantal verschillende aankoopdagen. Een aankoopdag is een kalenderdag met
      minstens één ticket met bedrag > 0; drie tickets op één dag tellen als één;
    - ``monetair``: totaal netto bedrag: retours (negatieve bedragen) worden afgetrokken, dus
      kan het ≤ 0 zijn voor een klant die meer terugbracht dan hij kocht (die klant blijft erin);
    - ``eerste_aankoop``, ``laatste_aankoop``: de eerste en laatste aankoopdag.

    Niets verdwijnt stil. Anonieme tickets (klant leeg of lege tekst) en klanten **zonder
    aankoopdag** (alleen retours of bedragen 0, bv. een retour van iets dat vóór de periode
    gekocht werd) staan niet in de tabel, maar worden geteld in het rapport
    ``tabel.attrs["rapport"]`` (ook via `rfm_rapport`): een dict met ``peildatum``,
    ``aantal_tickets``, ``anonieme_tickets``, ``anoniem_bedrag``, ``klantentickets``,
    ``klanten`` (rijen in de tabel), ``klanten_bedrag`` (som van ``monetair``),
    ``klanten_zonder_aankoop``, ``bedrag_zonder_aankoop``, ``ids_zonder_aankoop`` en
    ``totaal_bedrag``. Er geldt: totaal = anoniem + klanten + zonder aankoop.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({
    ...     "klant_id": ["K2", "K1", "K1", "K1", None, "K3"],
    ...     "datum": pd.to_datetime(["2025-12-01 09:00", "2025-11-02 10:00", "2025-11-02 16:00",
    ...                              "2025-12-21 11:30", "2025-12-30 12:00", "2025-12-02 15:00"]),
    ...     "bedrag": [40.0, 25.0, 35.0, -25.0, 9.5, -10.0],
    ... })
    >>> tabel = rfm_tabel(tickets, "2025-12-31")
    >>> tabel[["recency", "frequentie", "monetair"]]  # doctest: +NORMALIZE_WHITESPACE
              recency  frequentie  monetair
    klant_id
    K1             59           1      35.0
    K2             30           1      40.0
    >>> r = rfm_rapport(tabel)
    >>> r["anonieme_tickets"], r["anoniem_bedrag"], r["ids_zonder_aankoop"]
    (1, 9.5, ['K3'])
    """
    peil = controleer_tickets(tickets, peildatum, klant, datum, bedrag)
    codes, ids = klantcodes(tickets[klant])
    n = len(ids)
    bekend = codes >= 0
    bedragen = tickets[bedrag].to_numpy(dtype=np.float64)
    # één som per klant plus een laatste bak voor de anonieme tickets
    sommen = np.bincount(np.where(bekend, codes, n), weights=bedragen, minlength=n + 1)
    monetair = sommen[:n]
    aankoop = bekend & (bedragen > 0)
    frequentie, eerste, laatste = _aankoopdagen(codes[aankoop], dagnummers(tickets[datum])[aankoop], n)
    koper = frequentie > 0
    peildag = int(dagnummers(pd.Series([peil]))[0])

    index = pd.Index(ids[koper], name=klant)
    tabel = pd.DataFrame(
        {
            "recency": peildag - laatste[koper],
            "frequentie": frequentie[koper],
            "monetair": monetair[koper],
            "eerste_aankoop": _dag_als_datum(eerste[koper]),
            "laatste_aankoop": _dag_als_datum(laatste[koper]),
        },
        index=index,
    )
    anoniem_bedrag = float(sommen[n])
    klanten_bedrag = float(monetair[koper].sum())
    zonder_bedrag = float(monetair[~koper].sum())
    tabel.attrs["rapport"] = {
        "peildatum": peil,
        "aantal_tickets": len(tickets),
        "anonieme_tickets": int((~bekend).sum()),
        "anoniem_bedrag": anoniem_bedrag,
        "klantentickets": int(bekend.sum()),
        "klanten": len(tabel),
        "klanten_bedrag": klanten_bedrag,
        "klanten_zonder_aankoop": int((~koper).sum()),
        "bedrag_zonder_aankoop": zonder_bedrag,
        "ids_zonder_aankoop": ids[~koper].tolist(),
        "totaal_bedrag": anoniem_bedrag + klanten_bedrag + zonder_bedrag,
    }
    return tabel


def _klantdagen(codes: np.ndarray, dagen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elk paar (klantcode, dag) één keer, gesorteerd op klant en dan op dag (niet leeg)."""
    basis = dagen.min()
    breedte = int(dagen.max() - basis) + 1
    paren = codes * breedte
    paren += dagen - basis  # (klant, dag) als één getal
    paren.sort()
    paren = paren[np.r_[True, paren[1:] != paren[:-1]]]  # elke aankoopdag één keer
    klant, dag = np.divmod(paren, breedte)
    return klant, dag + basis


def _aankoopdagen(codes: np.ndarray, dagen: np.ndarray, n: int) -> tuple[np.ndarray, ...]:
    """Per klant: aantal verschillende aankoopdagen, eerste en laatste aankoopdag."""
    frequentie = np.zeros(n, dtype=np.int64)
    eerste = np.zeros(n, dtype=np.int64)
    laatste = np.zeros(n, dtype=np.int64)
    if len(codes) == 0:
        return frequentie, eerste, laatste
    klant, dag = _klantdagen(codes, dagen)
    frequentie = np.bincount(klant, minlength=n)
    starts = np.flatnonzero(np.r_[True, klant[1:] != klant[:-1]])
    einden = np.r_[starts[1:], len(klant)] - 1
    eerste[klant[starts]] = dag[starts]
    laatste[klant[einden]] = dag[einden]
    return frequentie, eerste, laatste


@belgische_tijd
def aankoopintervallen(
    tickets: pd.DataFrame, klant: str = "klant_id", datum: str = "datum", bedrag: str = "bedrag"
) -> pd.Series:
    """Hoeveel dagen na een aankoopdag kwam de klant terug? Eén waarde per terugkeer.

    Een aankoopdag is zoals in `rfm_tabel` een dag met minstens één ticket met bedrag > 0. Een klant
    met n aankoopdagen geeft n - 1 waarden (de dagen tussen twee opeenvolgende aankoopdagen); wie
    op één dag kocht en anonieme tickets geven er geen. Index: de klant; naam ``dagen``. Zo zie je
    hoe lang je trouwe klanten normaal wegblijven, bv. om te kiezen na hoeveel dagen een klant
    'lang geleden' kocht.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", "K1", "K1", "K2", None],
    ...                   "datum": pd.to_datetime(["2025-01-01 10:00", "2025-01-01 18:00", "2025-03-02 11:00",
    ...                                            "2025-05-01 12:00", "2025-06-01 09:00"]),
    ...                   "bedrag": [10.0, 5.0, 20.0, 30.0, 9.0]})
    >>> aankoopintervallen(t)  # K1 kwam 60 dagen na 1 januari terug; K2 kocht één keer
    klant_id
    K1    60
    Name: dagen, dtype: int64
    """
    controleer_tickets(tickets, None, klant, datum, bedrag)
    codes, ids = klantcodes(tickets[klant])
    aankoop = (codes >= 0) & (tickets[bedrag].to_numpy(dtype=np.float64) > 0)
    if not aankoop.any():
        return pd.Series([], index=pd.Index(ids[:0], name=klant), name="dagen", dtype=np.int64)
    klantcode, dag = _klantdagen(codes[aankoop], dagnummers(tickets[datum])[aankoop])
    terug = np.flatnonzero(klantcode[1:] == klantcode[:-1]) + 1  # zelfde klant als de vorige dag
    return pd.Series(
        (dag[terug] - dag[terug - 1]).astype(np.int64),
        index=pd.Index(ids[klantcode[terug]], name=klant),
        name="dagen",
    )


def rfm_rapport(tabel: pd.DataFrame) -> dict[str, object]:
    """Het rapport van `rfm_tabel`: wat meetelde en wat niet (een kopie van ``attrs["rapport"]``).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"klant_id": ["K1", pd.NA], "datum": pd.to_datetime(["2025-01-05"] * 2),
    ...                   "bedrag": [10.0, 4.0]})
    >>> r = rfm_rapport(rfm_tabel(t, "2025-12-31"))
    >>> r["aantal_tickets"], r["anonieme_tickets"], r["klanten"], r["totaal_bedrag"]
    (2, 1, 1, 14.0)
    """
    rapport = tabel.attrs.get("rapport") if isinstance(tabel, pd.DataFrame) else None
    if not isinstance(rapport, dict):
        raise InvoerFout(
            "Deze tabel heeft geen RFM-rapport (attrs['rapport']). Maak ze met rfm_tabel(...); "
            "sommige bewerkingen (bv. pd.concat) laten het rapport weg."
        )
    return dict(rapport)


# --------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------


def rfm_scores(
    tabel: pd.DataFrame,
    klassen: int = 5,
    grenzen: Mapping[str, Sequence[float]] | None = None,
) -> pd.DataFrame:
    """Voeg scores ``R``, ``F``, ``M`` (1 tot ``klassen``, hoger is beter) en ``rfm_code`` toe.

    **Kwantielklassen** (standaard): per maat telt het aandeel klanten ``p`` dat strikt slechter
    scoort (voor recency: langer geleden; voor frequentie en monetair: lager); de score is
    ``1 + floor(klassen * p)``. Zo krijgen gelijke waarden altijd dezelfde score, hangt het
    resultaat niet af van de volgorde van de rijen, krijgt de slechtste waarde altijd 1 en
    blijven de scores tussen 1 en ``klassen``, ook met minder klanten dan klassen. Door
    gelijke waarden kan een score overgeslagen worden (bv. als de helft van de klanten maar
    één keer kocht, hebben ze allemaal F = 1 en begint de volgende groep bij F = 3).

    **Vaste grenzen** die je zelf kiest: ``grenzen={"recency": [30, 90, 180, 365], ...}`` met per
    maat ``klassen - 1`` stijgende getallen. Elke grens is de bovengrens (inbegrepen) van een
    klasse: recency ≤ 30 dagen geeft R = 5, ≤ 90 geeft 4, ..., meer dan 365 geeft 1; voor
    frequentie ``[1, 2, 4, 8]`` geeft 1 keer F = 1, 2 keer F = 2, 3–4 keer F = 3, 5–8 keer F = 4
    en meer dan 8 keer F = 5. Maten die niet in ``grenzen`` staan, krijgen kwantielklassen.

    ``rfm_code`` plakt de drie scores aan elkaar (``"545"``; met meer dan 9 klassen met een
    streepje: ``"10-5-4"``). Het aantal klassen staat in de kolom ``rfm_klassen`` (en in
    ``attrs["rfm_klassen"]``): een kolom blijft bestaan als je de scores met een andere tabel
    samenvoegt, ``attrs`` niet, en `rfm_segmenten` heeft het nodig.

    >>> import pandas as pd
    >>> tabel = pd.DataFrame({"recency": [10, 200, 10, 400], "frequentie": [5, 1, 2, 1],
    ...                       "monetair": [300.0, 40.0, 90.0, -20.0]},
    ...                      index=pd.Index(["K1", "K2", "K3", "K4"], name="klant_id"))
    >>> rfm_scores(tabel, klassen=4)[["R", "F", "M", "rfm_code"]]  # doctest: +NORMALIZE_WHITESPACE
              R  F  M rfm_code
    klant_id
    K1        3  4  4      344
    K2        2  1  2      212
    K3        3  3  3      333
    K4        1  1  1      111
    >>> rfm_scores(tabel, grenzen={"recency": [30, 90, 180, 365]})["R"].tolist()
    [5, 2, 5, 1]
    """
    vereis_kolommen(tabel, RFM_KOLOMMEN, "RFM-tabel")
    vereis_niet_leeg(tabel, "RFM-tabel")
    for kolom in RFM_KOLOMMEN:
        vereis_getallen(tabel, kolom, "RFM-tabel")
    if isinstance(klassen, bool) or not isinstance(klassen, int | np.integer) or not 2 <= klassen <= 20:
        raise InvoerFout(f"Het aantal klassen moet een geheel getal van 2 tot 20 zijn, kreeg {klassen!r}.")
    klassen = int(klassen)
    grenzen = _controleer_grenzen(grenzen, klassen)
    scores = {}
    for kolom, letter in _SCORES.items():
        waarden = tabel[kolom].to_numpy(dtype=np.float64)
        if kolom == "recency":
            waarden = -waarden  # kort geleden = beter
        if kolom in grenzen:
            grens = np.asarray(grenzen[kolom], dtype=np.float64)
            if kolom == "recency":
                grens = -grens[::-1]
                # recency ≤ grens hoort bij de betere klasse: -recency ≥ -grens
                scores[letter] = 1 + np.searchsorted(grens, waarden, side="right")
            else:
                scores[letter] = 1 + np.searchsorted(grens, waarden, side="left")
        else:
            scores[letter] = kwantielscores(waarden, klassen)
    scores = {letter: s.astype(np.int64) for letter, s in scores.items()}
    teken = "" if klassen <= 9 else "-"
    code = pd.Series(scores["R"].astype(str), index=tabel.index, dtype="str")
    for letter in "FM":
        code = code + teken + scores[letter].astype(str)
    uit = tabel.assign(**scores, rfm_code=code, rfm_klassen=klassen)
    uit.attrs["rfm_klassen"] = klassen
    return uit


def kwantielscores(waarden: Sequence[float] | np.ndarray, klassen: int = 5) -> np.ndarray:
    """Kwantielklasse 1..``klassen`` per waarde: ``1 + floor(klassen * p)``, hoger is beter.

    ``p`` is het aandeel waarden dat strikt kleiner is. Gelijke waarden krijgen dezelfde klasse.

    >>> kwantielscores([3.0, 1.0, 1.0, 7.0, 5.0], klassen=5).tolist()
    [3, 1, 1, 5, 4]
    """
    rij = np.asarray(waarden, dtype=np.float64)
    kleiner = np.searchsorted(np.sort(rij), rij, side="left")  # aantal strikt kleinere waarden
    return 1 + (klassen * kleiner) // len(rij)


def _controleer_grenzen(grenzen: Mapping[str, Sequence[float]] | None, klassen: int) -> dict:
    if grenzen is None:
        return {}
    if not isinstance(grenzen, Mapping):
        raise InvoerFout(
            "De grenzen moeten een dict zijn, bv. {'recency': [30, 90, 180, 365]}, "
            f"kreeg {type(grenzen).__name__}."
        )
    onbekend = [k for k in grenzen if k not in RFM_KOLOMMEN]
    if onbekend:
        raise InvoerFout(
            f"Onbekende maat {onbekend[0]!r} in de grenzen. Kies uit: 'recency', 'frequentie', 'monetair'."
        )
    uit = {}
    for kolom, lijst in grenzen.items():
        try:
            rij = np.asarray(lijst, dtype=np.float64)
        except (TypeError, ValueError) as fout:
            raise InvoerFout(f"De grenzen voor '{kolom}' moeten getallen zijn, kreeg {lijst!r}.") from fout
        if rij.ndim != 1 or len(rij) != klassen - 1:
            raise InvoerFout(
                f"Voor {klassen} klassen heb je {klassen - 1} grenzen nodig voor '{kolom}', "
                f"kreeg {rij.size}: {lijst!r}."
            )
        if not np.isfinite(rij).all() or (np.diff(rij) <= 0).any():
            raise InvoerFout(
                f"De grenzen voor '{kolom}' moeten eindige getallen zijn die strikt stijgen, kreeg {lijst!r}."
            )
        uit[kolom] = rij
    return uit


# --------------------------------------------------------------------------------------------
# Segmenten
# --------------------------------------------------------------------------------------------

# (segment, omschrijving, aanbevolen actie, cellen als (R, F) op de schaal 1..5)
_SEGMENTDEFINITIE: tuple[tuple[str, str, str, tuple[tuple[int, int], ...]], ...] = (
    (
        "Kampioenen",
        "kochten kort geleden en komen heel vaak",
        "VIP-preview van de nieuwe collectie, vraag ze ambassadeur te worden (review, aanbeveling); "
        "korting is niet nodig",
        ((5, 4), (5, 5)),
    ),
    (
        "Trouwe klanten",
        "komen vaak en recent genoeg",
        "beloon de trouw via de klantenkaart, stel aanvullende producten voor (cross-sell), vraag hun mening",
        ((3, 4), (3, 5), (4, 4), (4, 5)),
    ),
    (
        "Potentieel trouw",
        "kochten recent en al enkele keren",
        "bied de klantenkaart aan, geef persoonlijk advies en een reden om terug te komen",
        ((4, 2), (4, 3), (5, 2), (5, 3)),
    ),
    (
        "Nieuwe klanten",
        "kochten pas voor het eerst",
        "welkomstbericht, vraag naar maat en voorkeurkanaal, lok een tweede aankoop uit",
        ((5, 1),),
    ),
    (
        "Veelbelovend",
        "kochten vrij recent, één keer",
        "kleine stimulans voor een volgende aankoop (bon met vervaldatum), toon het assortiment",
        ((4, 1),),
    ),
    (
        "Aandacht nodig",
        "gemiddeld op recency en frequentie",
        "persoonlijke aanbeveling op basis van eerdere aankopen, tijdelijk aanbod",
        ((3, 3),),
    ),
    (
        "Bijna slapend",
        "kochten een tijd geleden, zelden",
        "heractiveer met seizoensnieuws of een actie die past bij wat ze eerder kochten",
        ((3, 1), (3, 2)),
    ),
    (
        "Bijna kwijt",
        "kochten vroeger vaak, maar al lang niet meer",
        "win-backactie: persoonlijke brief of postkaart met een sterk aanbod, vraag wat er scheelt",
        ((1, 3), (1, 4), (2, 3), (2, 4)),
    ),
    (
        "Niet laten gaan",
        "waren topklanten, maar komen niet meer",
        "neem persoonlijk contact op (bellen), nodig uit voor de nieuwe collectie, win ze terug",
        ((1, 5), (2, 5)),
    ),
    (
        "Slapend",
        "kochten lang geleden en zelden: mogelijk verloren",
        "hooguit een goedkope heractivering (e-mail); blijf niet mailen naar wie nooit reageert",
        ((1, 1), (1, 2), (2, 1), (2, 2)),
    ),
)

SEGMENTEN: pd.DataFrame = pd.DataFrame(
    [(naam, omschrijving, actie) for naam, omschrijving, actie, _ in _SEGMENTDEFINITIE],
    columns=["segment", "omschrijving", "actie"],
).set_index("segment")
"""De RFM-segmenten, van meest naar minst waardevol, met omschrijving en aanbevolen actie."""


def _maak_kaart() -> pd.DataFrame:
    rooster = np.full((5, 5), None, dtype=object)
    for naam, _, _, cellen in _SEGMENTDEFINITIE:
        for r, f in cellen:
            if rooster[r - 1, f - 1] is not None:  # pragma: no cover - fout in de definitie
                raise AssertionError(f"Cel R={r}, F={f} hoort bij twee segmenten.")
            rooster[r - 1, f - 1] = naam
    if any(cel is None for cel in rooster.flat):  # pragma: no cover - fout in de definitie
        raise AssertionError("Niet elke cel van de segmentkaart heeft een segment.")
    return pd.DataFrame(
        rooster[::-1],
        index=pd.Index(range(5, 0, -1), name="R"),
        columns=pd.Index(range(1, 6), name="F"),
    )


SEGMENTKAART: pd.DataFrame = _maak_kaart()
"""De segmentkaart als rooster: rijen R (5 bovenaan), kolommen F (1 tot 5), elke cel één segment."""

GROTE_EENMALIGE = "Grote eenmalige kopers"
"""Het segment dat `rfm_segmenten` met ``grote_eenmalige=...`` apart zet: één keer gekocht, maar veel.

De kaart van R en F alleen zou hen bij 'Slapend' of 'Nieuwe klanten' zetten, samen met wie ooit één
paar sokken kocht. Zie `ALLE_SEGMENTEN` voor hun actie."""

ALLE_SEGMENTEN: pd.DataFrame = pd.concat(
    [
        SEGMENTEN.iloc[:2],
        pd.DataFrame(
            {
                "omschrijving": ["kochten één keer, maar voor veel geld"],
                "actie": [
                    "persoonlijke bedanking (brief of telefoon), vraag hoe het bevalt, nodig uit voor de "
                    "VIP-preview of een adviesgesprek; geen goedkope massamail"
                ],
            },
            index=pd.Index([GROTE_EENMALIGE], name="segment"),
        ),
        SEGMENTEN.iloc[2:],
    ]
)
"""`SEGMENTEN` plus `GROTE_EENMALIGE` (na de Trouwe klanten), van meest naar minst waardevol."""


def naar_vijf_klassen(scores: Sequence[int] | np.ndarray, klassen: int) -> np.ndarray:
    """Herschaal scores 1..``klassen`` naar 1..5 via het midden van elke klasse.

    Score ``s`` ligt in het midden op ``(s - 0,5) / klassen``; de nieuwe score is
    ``ceil(5 * (s - 0,5) / klassen)``. Met 5 klassen verandert er niets; met 3 klassen wordt
    1, 2, 3 → 1, 3, 5; met 10 klassen 1–2 → 1, 3–4 → 2, ..., 9–10 → 5.

    >>> naar_vijf_klassen([1, 2, 3], 3).tolist(), naar_vijf_klassen([1, 2, 3, 4], 4).tolist()
    ([1, 3, 5], [1, 2, 4, 5])
    """
    s = np.asarray(scores, dtype=np.int64)
    return (5 * (2 * s - 1) + 2 * klassen - 1) // (2 * klassen)


def rfm_segmenten(
    scores: pd.DataFrame, klassen: int | None = None, grote_eenmalige: int | None = None
) -> pd.DataFrame:
    """Voeg per klant een ``segment`` (Nederlandse naam) en een aanbevolen ``actie`` toe.

    Het segment volgt uit R en F via `SEGMENTKAART` (elke cel van het 5×5-rooster hoort bij
    precies één segment; zie `SEGMENTEN` voor de acties). ``klassen`` is het aantal klassen van
    de scores (standaard uit de kolom ``rfm_klassen`` van `rfm_scores`, anders 5); bij een ander
    aantal dan 5 worden R en F eerst herschaald met `naar_vijf_klassen`. ``segment`` is een
    geordende categorie (van Kampioenen tot Slapend). Het resultaat hangt nooit af van
    ``attrs`` alleen: zeggen die een ander aantal klassen dan de kolom of het argument, dan is
    dat een `InvoerFout`.

    **Grote eenmalige kopers.** De kaart kijkt alleen naar R en F, niet naar M: wie drie jaar
    geleden één keer € 2.400 uitgaf, staat bij 'Slapend', naast wie ooit één paar sokken kocht.
    Met ``grote_eenmalige=m`` (een M-score van 1 tot 5) krijgen klanten met F = 1 (wie het minst
    vaak kocht; met kwantielscores: op één dag) en een M-score van minstens ``m`` het eigen segment
    `GROTE_EENMALIGE`, met een eigen actie; de categorieën zijn dan die van `ALLE_SEGMENTEN`. Met
    ``m = 4`` en kwantielscores zijn dat eenmalige kopers die meer uitgaven dan 60% van alle
    klanten; met vaste grenzen voor M kies je zelf het bedrag. Bij een ander aantal klassen dan 5
    wordt ook M eerst herschaald. Standaard (``None``) blijft de kaart zoals hij is.

    >>> import pandas as pd
    >>> scores = pd.DataFrame({"R": [5, 1, 3], "F": [5, 5, 3], "M": [4, 2, 3]},
    ...                       index=pd.Index(["K1", "K2", "K3"], name="klant_id"))
    >>> rfm_segmenten(scores)["segment"].tolist()
    ['Kampioenen', 'Niet laten gaan', 'Aandacht nodig']
    >>> eenmalig = pd.DataFrame({"R": [1, 1, 5], "F": [1, 1, 1], "M": [5, 1, 4]})
    >>> rfm_segmenten(eenmalig)["segment"].tolist()
    ['Slapend', 'Slapend', 'Nieuwe klanten']
    >>> rfm_segmenten(eenmalig, grote_eenmalige=4)["segment"].tolist()
    ['Grote eenmalige kopers', 'Slapend', 'Grote eenmalige kopers']
    """
    vereis_kolommen(scores, ["R", "F"], "RFM-scores")
    vereis_niet_leeg(scores, "RFM-scores")
    klassen = _aantal_klassen(scores, klassen)
    letters = "RF"
    if grote_eenmalige is not None:
        if isinstance(grote_eenmalige, bool) or grote_eenmalige not in range(1, 6):
            raise InvoerFout(
                f"'grote_eenmalige' is een M-score van 1 tot 5 (bv. 4), of None; kreeg {grote_eenmalige!r}."
            )
        vereis_kolommen(scores, ["M"], "RFM-scores")
        letters = "RFM"
    rf = {}
    for letter in letters:
        vereis_getallen(scores, letter, "RFM-scores")
        waarden = scores[letter].to_numpy(dtype=np.float64)
        if ((waarden < 1) | (waarden > klassen) | (waarden != np.round(waarden))).any():
            raise InvoerFout(
                f"De score '{letter}' moet een geheel getal van 1 tot {klassen} zijn; "
                f"gevonden van {waarden.min():g} tot {waarden.max():g}. Maak de scores met rfm_scores(...)."
            )
        rf[letter] = naar_vijf_klassen(waarden.astype(np.int64), klassen)
    kaart = SEGMENTKAART.sort_index().to_numpy()  # kaart[R - 1, F - 1]
    namen = kaart[rf["R"] - 1, rf["F"] - 1]
    lijst = SEGMENTEN
    if grote_eenmalige is not None:
        namen = np.where((rf["F"] == 1) & (rf["M"] >= grote_eenmalige), GROTE_EENMALIGE, namen)
        lijst = ALLE_SEGMENTEN
    segment = pd.Categorical(namen, categories=lijst.index, ordered=True)
    acties = lijst["actie"].to_numpy()[segment.codes]
    return scores.assign(
        segment=pd.Series(segment, index=scores.index), actie=pd.Series(acties, index=scores.index)
    )


def _aantal_klassen(scores: pd.DataFrame, klassen: int | None) -> int:
    """Het aantal klassen: het argument, anders de kolom ``rfm_klassen``, anders 5."""
    if klassen is None and "rfm_klassen" in scores.columns:
        waarden = pd.unique(scores["rfm_klassen"].dropna())
        if len(waarden) > 1:
            lijst = ", ".join(map(str, sorted(waarden)))
            raise InvoerFout(
                f"De kolom 'rfm_klassen' heeft verschillende waarden ({lijst}): scores met een ander "
                "aantal klassen kan je niet samen in segmenten delen."
            )
        klassen = int(waarden[0]) if len(waarden) else None
    gekozen = 5 if klassen is None else klassen
    if isinstance(gekozen, bool) or not isinstance(gekozen, int | np.integer) or not 2 <= gekozen <= 20:
        raise InvoerFout(f"Het aantal klassen moet een geheel getal van 2 tot 20 zijn, kreeg {gekozen!r}.")
    uit_attrs = scores.attrs.get("rfm_klassen")
    if uit_attrs is not None and uit_attrs != gekozen:
        raise InvoerFout(
            f"Deze scores zijn gemaakt met {uit_attrs} klassen, maar de segmenten zouden {gekozen} klassen "
            f"gebruiken. Geef klassen={uit_attrs} mee."
        )
    return int(gekozen)


def segment_overzicht(segmenten: pd.DataFrame) -> pd.DataFrame:
    """Samenvatting per segment: aantal klanten, aandeel, gemiddelde R/F/M-maten en omzetaandeel.

    Kolommen: ``klanten``, ``aandeel_klanten``, ``recency``, ``frequentie``, ``monetair``
    (gemiddelden), ``omzet`` (som van ``monetair``), ``aandeel_omzet`` en ``actie``. Alle
    segmenten staan erin, ook lege (0 klanten, gemiddelden leeg); `GROTE_EENMALIGE` alleen als de
    segmenten met ``grote_eenmalige`` gemaakt zijn (dan staan ze in de volgorde van `ALLE_SEGMENTEN`).

    >>> import pandas as pd
    >>> seg = pd.DataFrame({"recency": [5, 15, 300], "frequentie": [8, 6, 1],
    ...                     "monetair": [900.0, 500.0, 100.0],
    ...                     "segment": ["Kampioenen", "Kampioenen", "Slapend"]})
    >>> overzicht = segment_overzicht(seg)
    >>> overzicht.loc["Kampioenen", ["recency", "monetair", "aandeel_omzet"]].round(3).tolist()
    [10.0, 700.0, 0.933]
    >>> overzicht["klanten"].tolist()
    [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    """
    vereis_kolommen(segmenten, [*RFM_KOLOMMEN, "segment"], "RFM-segmenten")
    vereis_niet_leeg(segmenten, "RFM-segmenten")
    onbekend = ~segmenten["segment"].isin(ALLE_SEGMENTEN.index)
    if onbekend.any():
        raise InvoerFout(
            f"Onbekend segment {segmenten['segment'][onbekend].iloc[0]!r}. "
            f"Kies uit: {', '.join(ALLE_SEGMENTEN.index)}."
        )
    soort = segmenten["segment"].dtype
    met_extra = segmenten["segment"].isin([GROTE_EENMALIGE]).any() or (
        isinstance(soort, pd.CategoricalDtype) and GROTE_EENMALIGE in soort.categories
    )
    lijst = ALLE_SEGMENTEN if met_extra else SEGMENTEN
    segment = pd.Categorical(segmenten["segment"], categories=lijst.index, ordered=True)
    groepen = segmenten[list(RFM_KOLOMMEN)].groupby(segment, observed=False)
    gemiddeld = groepen.mean()
    aantal = groepen.size()
    omzet = groepen["monetair"].sum()
    totaal = omzet.sum()
    uit = pd.DataFrame(
        {
            "klanten": aantal.astype(np.int64),
            "aandeel_klanten": aantal / aantal.sum(),
            **{kolom: gemiddeld[kolom] for kolom in RFM_KOLOMMEN},
            "omzet": omzet,
            "aandeel_omzet": omzet / totaal if totaal != 0 else np.nan,
            "actie": lijst["actie"],
        }
    )
    uit.index.name = "segment"
    return uit


@belgische_tijd
def segment_migratie(
    tickets: pd.DataFrame,
    peildatum_van: object,
    peildatum_tot: object,
    klassen: int = 5,
    grenzen: Mapping[str, Sequence[float]] | None = None,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
) -> pd.DataFrame:
    """Kruistabel: hoeveel klanten gingen van welk segment (rijen) naar welk segment (kolommen)?

    Op elke peildatum worden de segmenten berekend met alle tickets tot en met die dag (zoals
    `rfm_tabel`, `rfm_scores` en `rfm_segmenten`). Klanten die op ``peildatum_van`` nog geen
    aankoop hadden, komen uit de rij ``"nieuw"``. Alle segmenten staan in de rijen en kolommen,
    ook als ze leeg zijn. Rijen: ``segment_van``; kolommen: ``segment_naar``.

    >>> import pandas as pd
    >>> tickets = pd.DataFrame({
    ...     "klant_id": ["K1", "K1", "K2", "K3"],
    ...     "datum": pd.to_datetime(["2024-06-01", "2025-12-01", "2024-12-20", "2025-11-15"]),
    ...     "bedrag": [50.0, 60.0, 80.0, 30.0],
    ... })
    >>> m = segment_migratie(tickets, "2024-12-31", "2025-12-31")
    >>> int(m.to_numpy().sum()), int(m.loc["nieuw"].sum())
    (3, 1)
    """
    van = _als_dag(peildatum_van, "peildatum_van")
    tot = _als_dag(peildatum_tot, "peildatum_tot")
    if van >= tot:
        raise InvoerFout(f"De peildatum_van ({van.date()}) moet vóór de peildatum_tot ({tot.date()}) liggen.")
    controleer_tickets(tickets, tot, klant, datum, bedrag)
    voor = tickets.loc[tickets[datum] < van + pd.Timedelta(days=1)]
    naar = _segmenten_op(tickets, tot, klassen, grenzen, klant, datum, bedrag)
    oud = _segmenten_op(voor, van, klassen, grenzen, klant, datum, bedrag)
    rijen = [*SEGMENTEN.index, "nieuw"]
    oud_code = oud.reindex(naar.index).cat.codes.to_numpy().astype(np.int64)
    oud_code[oud_code < 0] = len(rijen) - 1  # niet in de eerste tabel = nieuw
    naar_code = naar.cat.codes.to_numpy().astype(np.int64)
    m = len(SEGMENTEN)
    telling = np.bincount(oud_code * m + naar_code, minlength=len(rijen) * m).reshape(len(rijen), m)
    return pd.DataFrame(
        telling,
        index=pd.Index(rijen, name="segment_van"),
        columns=pd.Index(SEGMENTEN.index, name="segment_naar"),
    )


def _segmenten_op(
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp,
    klassen: int,
    grenzen: Mapping[str, Sequence[float]] | None,
    klant: str,
    datum: str,
    bedrag: str,
) -> pd.Series:
    """Het segment per klant op de peildatum (leeg als er toen nog geen aankopen waren)."""
    if len(tickets):
        tabel = rfm_tabel(tickets, peildatum, klant=klant, datum=datum, bedrag=bedrag)
        if len(tabel):
            return rfm_segmenten(rfm_scores(tabel, klassen=klassen, grenzen=grenzen))["segment"]
    return pd.Series(pd.Categorical([], categories=SEGMENTEN.index, ordered=True), dtype="category")

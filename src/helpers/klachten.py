"""Klachten: hoeveel, waarover, hoe snel opgelost, met welke uitkomst, en kwam de klant terug? (notebook 08)

Een klacht is een contact van het type ``klacht`` in de tabel `contacten` (zie datasets/README.md):
met een ``categorie`` (waarover: kwaliteit, maat, levering, service, prijs, retour, ...), een
``kanaal`` (winkel, telefoon, e-mail), de ``minuten`` personeelstijd, de ``oplostijd_dagen`` (dagen
tot de klacht afgehandeld was) en de ``uitkomst``: ``goed opgelost``, ``deels opgelost`` of ``niet
opgelost``. Een klacht zonder oplostijd en uitkomst staat nog open.

- `klachten`: de klachten uit de contacten, met de dag van afhandeling en een klasse van oplostijd;
- `klachtenoverzicht`: per categorie (of kanaal, uitkomst, oplostijdklasse, jaar): aantal,
  personeelstijd, oplostijd en uitkomst;
- `herkoop_na_klacht`: kocht de klant opnieuw in de maanden na de afhandeling, per uitkomst (of per
  oplostijdklasse, categorie, ...), met een Wilson-interval: wat doet een goed opgeloste klacht?

Alle functies zijn zuiver (tabellen erin, een tabel eruit); datums met een tijdzone gelden als
Belgische tijd (`helpers.tijdzone`) en klantnummers worden op één manier vergeleken (`helpers.klantid`).

>>> import pandas as pd
>>> c = pd.DataFrame({"klant_id": ["A", "B", "C"], "type": ["klacht", "advies", "klacht"],
...                   "datum": pd.to_datetime(["2024-03-01", "2024-03-02", "2024-03-05"]),
...                   "categorie": ["maat", "stijl", "levering"], "kanaal": ["winkel"] * 3,
...                   "minuten": [20.0, 15.0, 10.0], "oplostijd_dagen": [2, None, 9],
...                   "uitkomst": ["goed opgelost", None, "niet opgelost"]})
>>> klachten(c)[["klant_id", "afgehandeld", "oplostijdklasse"]]  # doctest: +NORMALIZE_WHITESPACE
  klant_id afgehandeld oplostijdklasse
0        A  2024-03-03       0-2 dagen
2        C  2024-03-14      8-14 dagen
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout, vereis_datums, vereis_kolommen, vereis_niet_leeg
from helpers.enquete import _bekende_tickets, herkoop_na
from helpers.klantid import anonieme_tickets, koppel_klanten
from helpers.tijdzone import belgisch_tijdstip, belgische_tijd

UITKOMSTEN: tuple[str, ...] = ("goed opgelost", "deels opgelost", "niet opgelost")
"""De mogelijke uitkomsten van een klacht, van best naar slechtst."""

OPLOSTIJD_GRENZEN: tuple[int, ...] = (2, 7, 14)
"""De standaardgrenzen (in dagen) van de oplostijdklassen: 0-2, 3-7, 8-14 en meer dan 14 dagen."""

NOG_OPEN = "nog open"
"""De oplostijdklasse van een klacht zonder oplostijd."""

KOLOMMEN = ("klant_id", "datum", "type", "categorie", "oplostijd_dagen", "uitkomst")
"""De kolommen die een contactentabel minstens nodig heeft voor de klachtenanalyse."""


def _klassen(grenzen: Sequence[int]) -> list[str]:
    """De namen van de oplostijdklassen bij ``grenzen``.

    >>> _klassen((2, 7))
    ['0-2 dagen', '3-7 dagen', 'meer dan 7 dagen', 'nog open']
    """
    grenzen = list(grenzen)
    if not grenzen or any(int(g) != g or g < 0 for g in grenzen) or grenzen != sorted(set(grenzen)):
        raise InvoerFout(
            f"Geef de grenzen van de oplostijd als oplopende gehele aantallen dagen, bv. (2, 7, 14); "
            f"kreeg {tuple(grenzen)}."
        )
    ondergrenzen = [0, *[g + 1 for g in grenzen[:-1]]]
    namen = [f"{o}-{g} dagen" if o < g else f"{g} dagen" for o, g in zip(ondergrenzen, grenzen, strict=True)]
    return [*namen, f"meer dan {grenzen[-1]} dagen", NOG_OPEN]


@belgische_tijd
def klachten(
    contacten: pd.DataFrame, grenzen: Sequence[int] = OPLOSTIJD_GRENZEN, soort: str = "klacht"
) -> pd.DataFrame:
    """De klachten uit ``contacten`` (``type == soort``), met twee kolommen erbij.

    - ``afgehandeld``: de dag waarop de klacht afgehandeld was (de dag van de klacht plus
      ``oplostijd_dagen``); leeg als ze nog open staat;
    - ``oplostijdklasse``: hoe snel dat ging, in klassen volgens ``grenzen`` (standaard 0-2, 3-7,
      8-14 en meer dan 14 dagen), of ``nog open``.

    Een uitkomst moet een van `UITKOMSTEN` zijn (of leeg, bij een open klacht); een negatieve oplostijd
    of geen enkele klacht is een `InvoerFout`.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"klant_id": ["A"], "type": ["klacht"], "categorie": ["kwaliteit"],
    ...                   "datum": pd.to_datetime(["2024-05-31 16:00"]), "oplostijd_dagen": [3],
    ...                   "uitkomst": ["deels opgelost"]})
    >>> klachten(c)[["afgehandeld", "oplostijdklasse"]]  # doctest: +NORMALIZE_WHITESPACE
      afgehandeld oplostijdklasse
    0  2024-06-03       3-7 dagen
    """
    namen = _klassen(grenzen)
    vereis_kolommen(contacten, KOLOMMEN, "contacten")
    vereis_niet_leeg(contacten, "contacten")
    klacht = contacten.loc[
        contacten["type"].astype("string").str.strip().str.casefold().eq(soort).fillna(False)
    ]
    if klacht.empty:
        raise InvoerFout(
            f"Er staan geen klachten in de contacten: geen enkele rij heeft type '{soort}'. "
            "Registreer je klachten als contact van dat type."
        )
    vereis_datums(klacht, "datum", "contacten")
    oplostijd = pd.to_numeric(klacht["oplostijd_dagen"], errors="coerce")
    onleesbaar = oplostijd.isna() & klacht["oplostijd_dagen"].notna()
    if onleesbaar.any():
        raise InvoerFout(
            f"De oplostijd moet een aantal dagen zijn; '{klacht.loc[onleesbaar, 'oplostijd_dagen'].iloc[0]}' "
            "is dat niet."
        )
    if (oplostijd < 0).any():
        raise InvoerFout(
            f"Een oplostijd kan niet negatief zijn ({oplostijd[oplostijd < 0].iloc[0]:g} dagen). "
            "Tel de dagen van de klacht tot de afhandeling."
        )
    uitkomst = klacht["uitkomst"].astype("string").str.strip().str.casefold()
    onbekend = uitkomst.notna() & ~uitkomst.isin(UITKOMSTEN).fillna(False)
    if onbekend.any():
        raise InvoerFout(
            f"Onbekende uitkomst '{klacht.loc[onbekend, 'uitkomst'].iloc[0]}'. "
            f"Gebruik: {', '.join(UITKOMSTEN)} (of laat leeg zolang de klacht open staat)."
        )
    dagen = oplostijd.to_numpy(dtype="float64", na_value=np.nan)
    klasse = np.searchsorted(np.asarray(grenzen, dtype="float64"), dagen, side="left")
    klasse = np.where(np.isnan(dagen), len(namen) - 1, klasse)
    return klacht.assign(
        uitkomst=pd.Categorical(uitkomst, categories=list(UITKOMSTEN), ordered=True),
        afgehandeld=klacht["datum"].dt.normalize() + pd.to_timedelta(dagen, unit="D"),
        oplostijdklasse=pd.Categorical.from_codes(klasse, categories=namen, ordered=True),
    )


def _groep(tabel: pd.DataFrame, per: str) -> pd.Series:
    """De kolom waarop gegroepeerd wordt: een kolom van ``tabel`` of ``jaar`` (het jaar van de klacht)."""
    if per == "jaar":
        return tabel["datum"].dt.year.rename("jaar")
    if per not in tabel.columns:
        raise InvoerFout(
            f"Kan niet groeperen per '{per}': kies 'categorie', 'kanaal', 'uitkomst', 'oplostijdklasse', "
            "'jaar' of een andere kolom van de contacten."
        )
    return tabel[per]


@belgische_tijd
def klachtenoverzicht(
    contacten: pd.DataFrame, per: str = "categorie", grenzen: Sequence[int] = OPLOSTIJD_GRENZEN
) -> pd.DataFrame:
    """Per categorie (of ``per`` een andere kolom of ``jaar``): hoeveel klachten, hoe snel, hoe afgelopen.

    Kolommen: ``aantal`` klachten, ``aandeel`` van alle klachten, ``minuten`` personeelstijd per
    klacht (gemiddeld; als de kolom bestaat), ``oplostijd_mediaan`` en ``oplostijd_gemiddeld`` (dagen,
    afgehandelde klachten), ``binnen_7_dagen`` (aandeel afgehandelde klachten dat binnen een week
    klaar was), ``goed_opgelost``, ``deels_opgelost`` en ``niet_opgelost`` (aandelen van de
    afgehandelde klachten) en ``open`` (aantal nog open). Gesorteerd van veel naar weinig klachten,
    behalve per uitkomst, oplostijdklasse of jaar (dan in hun eigen volgorde).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"klant_id": ["A", "B", "C", "D"], "type": ["klacht"] * 4,
    ...                   "datum": pd.to_datetime(["2024-01-02", "2024-02-03", "2024-03-04", "2024-04-05"]),
    ...                   "categorie": ["maat", "maat", "levering", "maat"],
    ...                   "minuten": [10.0, 20.0, 30.0, 30.0], "oplostijd_dagen": [1, 9, 4, None],
    ...                   "uitkomst": ["goed opgelost", "niet opgelost", "goed opgelost", None]})
    >>> t = klachtenoverzicht(c)
    >>> t[["aantal", "minuten", "oplostijd_mediaan", "goed_opgelost", "open"]]
    ... # doctest: +NORMALIZE_WHITESPACE
              aantal  minuten  oplostijd_mediaan  goed_opgelost  open
    categorie
    maat           3     20.0                5.0            0.5     1
    levering       1     30.0                4.0            1.0     0
    """
    tabel = klachten(contacten, grenzen)
    groep = _groep(tabel, per)
    dagen = pd.to_numeric(tabel["oplostijd_dagen"], errors="coerce").astype("float64")
    afgehandeld = dagen.notna()
    uitkomst = tabel["uitkomst"]
    hulp = pd.DataFrame(
        {
            "_groep": groep.array,  # een categorie houdt zo haar volgorde
            "_minuten": (
                pd.to_numeric(tabel["minuten"], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
                if "minuten" in tabel
                else np.nan
            ),
            "_dagen": dagen.to_numpy(),
            "_week": (dagen <= 7).where(afgehandeld).astype("float64").to_numpy(),
            "_open": (~afgehandeld).to_numpy(),
            **{
                f"_{u}": (uitkomst == u).astype("float64").where(uitkomst.notna()).to_numpy()
                for u in UITKOMSTEN
            },
        }
    )
    overzicht = hulp.groupby(
        "_groep", observed=True, sort=per in ("uitkomst", "oplostijdklasse", "jaar")
    ).agg(
        aantal=("_dagen", "size"),
        minuten=("_minuten", "mean"),
        oplostijd_mediaan=("_dagen", "median"),
        oplostijd_gemiddeld=("_dagen", "mean"),
        binnen_7_dagen=("_week", "mean"),
        goed_opgelost=("_goed opgelost", "mean"),
        deels_opgelost=("_deels opgelost", "mean"),
        niet_opgelost=("_niet opgelost", "mean"),
        open=("_open", "sum"),
    )
    overzicht.insert(1, "aandeel", overzicht["aantal"] / overzicht["aantal"].sum())
    if per not in ("uitkomst", "oplostijdklasse", "jaar"):
        overzicht = overzicht.sort_values("aantal", ascending=False, kind="stable")
    if "minuten" not in tabel:
        overzicht = overzicht.drop(columns="minuten")
    return overzicht.astype({"open": "int64"}).rename_axis(groep.name)


@belgische_tijd
def herkoop_na_klacht(
    contacten: pd.DataFrame,
    tickets: pd.DataFrame,
    peildatum: pd.Timestamp | str | None = None,
    maanden: int = 12,
    per: str = "uitkomst",
    grenzen: Sequence[int] = OPLOSTIJD_GRENZEN,
    klant: str = "klant_id",
    datum: str = "datum",
    bedrag: str = "bedrag",
    betrouwbaarheid: float = 0.95,
) -> pd.DataFrame:
    """Kwam de klant na zijn klacht nog kopen? Per uitkomst (of ``per`` een andere kolom of ``jaar``).

    Per klacht: kocht de klant iets (een dag met een ticket met bedrag > 0) in de ``maanden`` vanaf de
    dag na de afhandeling? Per groep: ``aantal`` klachten, ``herkoopaandeel`` met het Wilson-interval
    (``ondergrens``, ``bovengrens``), ``aankoopdagen`` en ``besteding`` (netto) gemiddeld per klacht in
    die periode. Niet mee tellen: klachten die nog open staan, klachten zonder klantnummer, en
    klachten waarvan de periode na de ``peildatum`` (standaard: het laatste ticket) eindigt; hun
    aantal staat in ``attrs["weggelaten"]``.

    Let op: dit is een vergelijking, geen experiment. Klanten met een slecht opgeloste klacht kunnen
    ook om andere redenen minder terugkomen; een groot, consequent verschil is wel een sterke
    aanwijzing.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"klant_id": ["A", "B", "C"], "type": ["klacht"] * 3,
    ...                   "datum": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04"]),
    ...                   "categorie": ["maat"] * 3, "oplostijd_dagen": [2, 3, 20],
    ...                   "uitkomst": ["goed opgelost", "goed opgelost", "niet opgelost"]})
    >>> t = pd.DataFrame({"klant_id": ["A", "C", "B"], "bedrag": [60.0, 25.0, 40.0],
    ...                   "datum": pd.to_datetime(["2024-03-01", "2024-01-10", "2024-01-05"])})
    >>> uit = herkoop_na_klacht(c, t, peildatum="2024-12-31", maanden=6)
    >>> uit[["aantal", "herkoopaandeel", "besteding"]]  # doctest: +NORMALIZE_WHITESPACE
                    aantal  herkoopaandeel  besteding
    uitkomst
    goed opgelost        2             0.5       30.0
    niet opgelost        1             0.0        0.0
    """
    tabel = klachten(contacten, grenzen)
    vereis_kolommen(tickets, [klant, datum, bedrag], "tickets")
    tabel, tickets = koppel_klanten((tabel, "contacten"), (tickets, "tickets"), klant=klant)
    groep = _groep(tabel, per)
    open_ = tabel["afgehandeld"].isna().to_numpy()
    zonder_klant = anonieme_tickets(tabel[klant]) & ~open_
    telt = ~open_ & ~zonder_klant
    if not telt.any():
        raise InvoerFout("Geen enkele afgehandelde klacht met een klantnummer: er valt niets te vergelijken.")
    peil = belgisch_tijdstip(pd.Timestamp(peildatum)) if peildatum is not None else None
    bekend = _bekende_tickets(tickets, klant, datum, bedrag, peil)
    peil = peil if peil is not None else tickets[datum].max()
    uit, niet_voorbij = herkoop_na(
        tabel.loc[telt, klant],
        tabel.loc[telt, "afgehandeld"],
        groep[telt],
        bekend,
        peil,
        maanden,
        betrouwbaarheid,
    )
    uit.attrs["weggelaten"] = {
        "nog open": int(open_.sum()),
        "zonder klantnummer": int(zonder_klant.sum()),
        "periode nog niet voorbij": niet_voorbij,
    }
    return uit

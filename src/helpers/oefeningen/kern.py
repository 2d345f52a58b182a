"""Het raamwerk van de oefeningen: registreren, vergelijken, beoordelen en tonen.

Een `Oefening` kent haar oplossing (een functie die het juiste antwoord uit de winkeldata
berekent) en een paar typische fouten (`Fout`: ook een functie op de data, plus een tip).
`controleer` vergelijkt het antwoord van de cursist met de oplossing en geeft een `Resultaat`
terug dat zichzelf netjes toont in Jupyter (groen, oranje of rood kader).

Vergelijken gebeurt met tolerantie:

- getallen zijn juist als ``|antwoord - verwacht| <= max(rel_tol * |verwacht|, abs_tol)``;
  standaard ``rel_tol = 1e-6`` (afrondingsfouten van de computer) en ``abs_tol = 0,005``
  (een halve cent). Een oefening kan ruimer zijn, bv. ``abs_tol=0.0005`` voor een aandeel dat
  op 0,1% afgerond mag worden;
- een reeks (Series) is juist als elk label dezelfde waarde heeft (met dezelfde tolerantie); de
  volgorde telt niet en een ontbrekend label telt als 0;
- een tabel (DataFrame) is juist als elke gevraagde kolom als reeks juist is (extra kolommen mogen);
- tekst is juist als ze gelijk is, hoofdletters en spaties rond de tekst niet meegerekend.

Een `Beslissing` is een oefening zonder één juist antwoord: de cursist kiest iets voor een winkel
onder een echte beperking (budget, toestemming, seizoen, personeelstijd, kost). De controle beoordeelt
de keuze met de data en zegt wat ze oplevert of kost; elke keuze die aan de voorwaarden voldoet, is
goed. Een aanvaarde keuze of schatting met een ``plan``-sleutel komt vanzelf in je plan
(`helpers.plan`).
"""

from __future__ import annotations

import difflib
import functools
import html
import importlib
import math
import pkgutil
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import numpy as np
import pandas as pd

from helpers.controle import InvoerFout

if TYPE_CHECKING:
    from helpers.data import Winkel

Status = Literal["juist", "leeg", "bijna", "fout"]
Soort = Literal["berekening", "opzoeken", "beslissing", "eigen_winkel"]
"""Wat een oefening vraagt: iets berekenen, iets opzoeken (een getal aflezen), een beslissing voor een
winkel, of iets over je eigen winkel."""
Berekening = Callable[["Winkel | None"], Any]

REL_TOL = 1e-6
ABS_TOL = 0.005

REGISTER: dict[str, Opdracht] = {}
"""Alle geregistreerde oefeningen, op naam."""


def _geen_uitleg(verwacht: Any) -> str:
    return ""


@dataclass(frozen=True)
class Fout:
    """Een typisch fout antwoord: hoe je het uit de data berekent, en de tip die erbij hoort.

    >>> fout = Fout(lambda winkel: 100, "je gaf een percentage in plaats van een aandeel.")
    >>> fout.bereken(None)
    100
    """

    bereken: Berekening
    tip: str


@dataclass(frozen=True)
class Oefening:
    """Eén oefening: vraag, oplossing, typische fouten en (optioneel) een eigen keuring.

    - ``oplossing(winkel)`` geeft het juiste antwoord (bij een open vraag: een voorbeeldantwoord);
    - ``fouten``: minstens één `Fout`, zodat de tests kunnen bewijzen dat een fout antwoord faalt;
    - ``uitleg(verwacht)``: tekst die bij een juist antwoord verschijnt;
    - ``tip``: algemene tip bij een fout antwoord dat geen bekende fout is;
    - ``keur(antwoord)``: voor open vragen (bv. over je eigen winkel): ``None`` als het antwoord
      aanvaardbaar is, anders de reden. Zonder ``keur`` wordt vergeleken met de oplossing;
    - ``soort``: ``"berekening"`` of ``"opzoeken"`` (een getal aflezen; zie `Soort`);
    - ``plan``: een sleutel; een juist antwoord komt dan in je plan (`helpers.plan`), als
      ``bewaar(antwoord, winkel)`` als die gegeven is, anders het antwoord zelf.

    >>> fout = Fout(lambda w: 11, "optellen, niet aan elkaar plakken.")
    >>> oef = Oefening("x_twee", "Hoeveel is 1 + 1?", lambda w: 2, (fout,))
    >>> oef.beoordeel(2, None).status, oef.beoordeel(11, None).status, oef.beoordeel(3, None).status
    ('juist', 'bijna', 'fout')
    """

    naam: str
    vraag: str
    oplossing: Berekening
    fouten: tuple[Fout, ...]
    uitleg: Callable[[Any], str] = _geen_uitleg
    tip: str = ""
    rel_tol: float = REL_TOL
    abs_tol: float = ABS_TOL
    keur: Callable[[Any], str | None] | None = None
    soort: Soort | None = None
    plan: str | None = None
    bewaar: Callable[[Any, Winkel | None], Any] | None = None

    def verschil(self, antwoord: Any, verwacht: Any) -> str | None:
        """``None`` als ``antwoord`` gelijk is aan ``verwacht`` (met tolerantie), anders wat er scheelt."""
        return verschil(antwoord, verwacht, self.rel_tol, self.abs_tol)

    def beoordeel(self, antwoord: Any, winkel: Winkel | None) -> Resultaat:
        """Beoordeel een ingevuld antwoord: juist, een bekende fout (bijna) of fout."""
        verwacht = self.oplossing(winkel)
        reden = self.keur(antwoord) if self.keur is not None else self.verschil(antwoord, verwacht)
        if reden is None:
            return Resultaat(self.naam, "juist", self.uitleg(verwacht), self.soort)
        for fout in self.fouten:
            if self.verschil(antwoord, fout.bereken(winkel)) is None:
                return Resultaat(self.naam, "bijna", fout.tip, self.soort)
        return Resultaat(self.naam, "fout", " ".join(t for t in (reden, self.tip) if t), self.soort)


_TITELS = {"juist": "Juist!", "leeg": "Nog niet ingevuld:", "bijna": "Bijna:", "fout": "Nog niet juist:"}
_TITELS_KEUZE = {"juist": "Goede keuze!", "fout": "Kies opnieuw:"}
_TITELS_EIGEN = {"juist": "Bruikbaar!", "fout": "Nog niet bruikbaar:"}
_KLEUREN = {  # rand, achtergrond
    "juist": ("#1b7837", "#e8f5e4"),
    "leeg": ("#c26b00", "#fdf1e1"),
    "bijna": ("#b2182b", "#fce8e8"),
    "fout": ("#b2182b", "#fce8e8"),
}
_SYMBOLEN = {"juist": "✔", "leeg": "✎", "bijna": "✘", "fout": "✘"}


@dataclass(frozen=True)
class Resultaat:
    """Het oordeel over één antwoord; toont zich als gekleurd kader in Jupyter.

    ``bool(resultaat)`` is ``True`` als het antwoord juist is.

    >>> r = Resultaat("00_voorbeeld", "bijna", "je telde de `retours` mee.")
    >>> str(r), bool(r)
    ('Bijna: je telde de `retours` mee.', False)
    """

    oefening: str
    status: Status
    boodschap: str
    soort: Soort | None = None

    @property
    def titel(self) -> str:
        """Het kopje: 'Juist!', 'Nog niet ingevuld:', 'Bijna:' of 'Nog niet juist:'.

        Bij een beslissing: 'Goede keuze!' of 'Kies opnieuw:'; over je eigen winkel: 'Bruikbaar!' of
        'Nog niet bruikbaar:'.
        """
        eigen = {"beslissing": _TITELS_KEUZE, "eigen_winkel": _TITELS_EIGEN}.get(self.soort or "", {})
        return eigen.get(self.status, _TITELS[self.status])

    def __bool__(self) -> bool:
        return self.status == "juist"

    def __str__(self) -> str:
        return f"{self.titel} {self.boodschap}".strip()

    def _repr_pretty_(self, printer: Any, cyclus: bool) -> None:
        printer.text(str(self))

    def _repr_markdown_(self) -> str:
        return f"{_SYMBOLEN[self.status]} **{self.titel}** {self.boodschap}".strip()

    def _repr_html_(self) -> str:
        rand, achtergrond = _KLEUREN[self.status]
        tekst = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(self.boodschap))
        return (
            f'<div class="klantlab-oefening klantlab-{self.status}" style="border-left: 6px solid {rand}; '
            f"background: {achtergrond}; color: #222; padding: 0.6em 0.9em; margin: 0.3em 0; "
            f'border-radius: 4px;"><strong style="color: {rand};">{_SYMBOLEN[self.status]} '
            f"{html.escape(self.titel)}</strong> {tekst}</div>"
        )


class KeuzeFout(Exception):
    """Een keuze die niet te beoordelen is (verkeerde vorm); de boodschap zegt wat er gevraagd is.

    Gooi ze in de ``oordeel``-functie van een `Beslissing`: de cursist ziet de boodschap.
    """


@dataclass(frozen=True)
class Oordeel:
    """Het oordeel over een keuze: aanvaard of niet, en wat de keuze oplevert of kost (``gevolg``).

    >>> Oordeel(True, "Je 150 uitnodigingen bereiken 23% van de A-omzet.").aanvaard
    True
    """

    aanvaard: bool
    gevolg: str


@dataclass(frozen=True)
class Voorbeeld:
    """Een voorbeeldkeuze die de tests aan een `Beslissing` voeren.

    ``keuze(winkel)`` maakt het antwoord dat een cursist zou geven; ``aanvaard`` zegt of de controle
    het moet aanvaarden en ``zegt`` is een stukje tekst dat in het gevolg moet staan (zo bewijst de
    test dat de feedback het gevolg in de termen van de vraag noemt).

    >>> Voorbeeld(lambda w: 150, True, "uitnodigingen").keuze(None)
    150
    """

    keuze: Berekening
    aanvaard: bool
    zegt: str


@dataclass(frozen=True)
class Beslissing:
    """Een beslissing voor een winkel (of over je eigen winkel), zonder één juist antwoord.

    - ``oordeel(antwoord, winkel)`` beoordeelt de keuze met de data en geeft een `Oordeel`: aanvaard
      (de keuze voldoet aan de voorwaarden; het gevolg noemt de afweging) of niet (het gevolg zegt
      wat er misloopt). Een antwoord van de verkeerde vorm: gooi `KeuzeFout` met uitleg;
    - ``voorbeelden``: minstens twee aanvaarde keuzes met elk hun eigen gevolg, en minstens één
      afgewezen keuze per typische vergissing (de tests voeren ze allemaal aan de controle). De eerste
      aanvaarde is het voorbeeld van het oplossingen-notebook;
    - ``soort``: ``"beslissing"`` of ``"eigen_winkel"`` (een antwoord over je eigen winkel, waarvan de
      controle de inhoud beoordeelt, niet alleen de vorm);
    - ``plan`` en ``bewaar``: zoals bij `Oefening`; een aanvaarde keuze komt in je plan.

    >>> def oordeel(budget, winkel):
    ...     if not isinstance(budget, int | float):
    ...         raise KeuzeFout("Geef een bedrag in euro, als getal.")
    ...     if budget > 1000:
    ...         return Oordeel(False, f"€ {budget} is meer dan de € 1000 die je hebt.")
    ...     return Oordeel(True, f"Met € {budget} blijft er € {1000 - budget} over.")
    >>> b = Beslissing("x_budget", "Hoeveel geef je uit?", oordeel,
    ...                (Voorbeeld(lambda w: 600, True, "over"), Voorbeeld(lambda w: 1500, False, "meer dan")))
    >>> print(b.beoordeel(600, None)); print(b.beoordeel(1500, None)); print(b.beoordeel("veel", None))
    Goede keuze! Met € 600 blijft er € 400 over.
    Kies opnieuw: € 1500 is meer dan de € 1000 die je hebt.
    Kies opnieuw: Geef een bedrag in euro, als getal.
    """

    naam: str
    vraag: str
    oordeel: Callable[[Any, Winkel | None], Oordeel]
    voorbeelden: tuple[Voorbeeld, ...]
    soort: Soort = "beslissing"
    plan: str | None = None
    bewaar: Callable[[Any, Winkel | None], Any] | None = None

    @property
    def fouten(self) -> tuple[Fout, ...]:
        """De afgewezen voorbeelden als `Fout` (zodat een beslissing overal als oefening telt)."""
        return tuple(Fout(v.keuze, v.zegt) for v in self.voorbeelden if not v.aanvaard)

    def oplossing(self, winkel: Winkel | None) -> Any:
        """De eerste aanvaarde voorbeeldkeuze (wat het oplossingen-notebook invult)."""
        return next(v.keuze(winkel) for v in self.voorbeelden if v.aanvaard)

    def beoordeel(self, antwoord: Any, winkel: Winkel | None) -> Resultaat:
        """Beoordeel een keuze: 'juist' (aanvaard, met het gevolg) of 'fout' (met wat er misloopt)."""
        try:
            oordeel = self.oordeel(antwoord, winkel)
        except KeuzeFout as fout:
            return Resultaat(self.naam, "fout", str(fout), self.soort)
        return Resultaat(self.naam, "juist" if oordeel.aanvaard else "fout", oordeel.gevolg, self.soort)


Opdracht = Oefening | Beslissing
"""Alles wat `controleer` kan beoordelen."""


def registreer(oefening: Opdracht, register: dict[str, Opdracht] | None = None) -> Opdracht:
    """Voeg een oefening toe aan het register (standaard: het register van KlantLab).

    >>> eigen: dict = {}
    >>> oef = registreer(Oefening("x_een", "Geef 1.", lambda w: 1, (Fout(lambda w: 0, "nul."),)), eigen)
    >>> list(eigen)
    ['x_een']
    """
    doel = REGISTER if register is None else register
    if oefening.naam in doel:
        raise ValueError(f"Er is al een oefening met de naam {oefening.naam!r}.")
    if not oefening.fouten:
        raise ValueError(f"Oefening {oefening.naam!r} heeft geen typische fout: geef er minstens één.")
    if isinstance(oefening, Beslissing) and sum(v.aanvaard for v in oefening.voorbeelden) < 2:
        raise ValueError(
            f"Beslissing {oefening.naam!r} heeft minder dan twee aanvaarde voorbeeldkeuzes: een beslissing "
            "heeft meer dan één goed antwoord, elk met zijn eigen afweging."
        )
    doel[oefening.naam] = oefening
    return oefening


def laad_oefeningen(notebook: str = "") -> None:
    """Importeer de modules ``nbNN_*`` met de oefeningen van notebook ``NN`` (standaard: alle).

    >>> laad_oefeningen("00")
    >>> "00_omzet" in REGISTER
    True
    """
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith(f"nb{notebook}"):
            importlib.import_module(f"{__package__}.{module.name}")


def zoek_oefening(naam: str) -> Opdracht:
    """De oefening met deze naam, of een duidelijke fout met namen die erop lijken.

    >>> zoek_oefening("00_eigen_klanten").naam
    '00_eigen_klanten'
    """
    if naam not in REGISTER:
        laad_oefeningen(str(naam)[:2])
    if naam in REGISTER:
        return REGISTER[naam]
    laad_oefeningen()
    lijkt = difflib.get_close_matches(str(naam), list(REGISTER), n=3)
    extra = f" Bedoel je: {', '.join(repr(n) for n in lijkt)}?" if lijkt else ""
    raise InvoerFout(f"Onbekende oefening {naam!r}.{extra}")


def alle_oefeningen() -> list[Opdracht]:
    """Alle geregistreerde oefeningen, gesorteerd op naam.

    >>> "00_eigen_klanten" in [o.naam for o in alle_oefeningen()]
    True
    """
    laad_oefeningen()
    return [REGISTER[naam] for naam in sorted(REGISTER)]


def controleer(naam: str, antwoord: Any, winkel: Winkel | None = None) -> Resultaat:
    """Controleer het antwoord op oefening ``naam`` met de data van ``winkel``.

    ``...`` (Ellipsis) of ``None`` betekent: nog niet ingevuld.

    >>> controleer("00_eigen_klanten", None).status
    'leeg'
    >>> print(controleer("00_eigen_klanten", "veel"))
    Nog niet bruikbaar: Je antwoord is tekst ('veel'). Geef een getal, zonder aanhalingstekens.
    """
    oefening = zoek_oefening(naam)
    if antwoord is ... or antwoord is None:
        return Resultaat(
            naam,
            "leeg",
            "vervang de ... door je antwoord en voer de cel opnieuw uit (Shift+Enter).",
            oefening.soort,
        )
    resultaat = oefening.beoordeel(antwoord, winkel)
    if resultaat and oefening.plan is not None:
        resultaat = _bewaar_in_plan(oefening, resultaat, antwoord, winkel)
    return resultaat


def _bewaar_in_plan(oefening: Opdracht, resultaat: Resultaat, antwoord: Any, winkel: Any) -> Resultaat:
    """Noteer een aanvaard antwoord in het plan en zeg dat erbij (of waarom het niet lukte)."""
    from helpers import plan

    waarde = oefening.bewaar(antwoord, winkel) if oefening.bewaar is not None else antwoord
    try:
        plan.noteer(oefening.naam[:2], oefening.plan, waarde)
    except plan.PlanFout as fout:
        extra = f"Niet bewaard in je plan: {fout}"
    else:
        extra = f"Bewaard in je plan als '{oefening.plan}' (bekijk het met `plan.toon()`)."
    boodschap = f"{resultaat.boodschap} {extra}".strip()
    return Resultaat(resultaat.oefening, resultaat.status, boodschap, resultaat.soort)


def als_procent(oplossing: Berekening) -> Berekening:
    """De typische fout 'percentage in plaats van aandeel': de oplossing maal 100.

    >>> als_procent(lambda winkel: 0.25)(None)
    25.0
    """

    def procent(winkel: Winkel | None) -> Any:
        return oplossing(winkel) * 100.0

    return procent


AANDEEL_TOL = 0.0005
"""Tolerantie voor een aandeel dat op 0,1% afgerond mag worden (geef mee als ``abs_tol``)."""


def aandeel_fouten(oplossing: Berekening, aantal: Berekening | None = None) -> tuple[Fout, ...]:
    """De typische fouten bij een gevraagd aandeel: een percentage, en (als gegeven) het aantal.

    >>> [f.bereken(None) for f in aandeel_fouten(lambda w: 0.25, aantal=lambda w: 50)]
    [25.0, 50]
    """
    fouten = [
        Fout(
            als_procent(oplossing),
            "je gaf een percentage (zoals 30) in plaats van een aandeel (zoals 0.30). Deel door 100.",
        )
    ]
    if aantal is not None:
        fouten.append(
            Fout(
                aantal,
                "je gaf een aantal. Gevraagd is het aandeel: deel door het totaal, "
                "of neem het gemiddelde (`.mean()`) van een kolom met waar/onwaar.",
            )
        )
    return tuple(fouten)


def keur_schatting(
    geheel: bool = False, maximum: float | None = None, te_groot: str = "Dat is wel erg veel."
) -> Callable[[Any], str | None]:
    """Keuring voor een open vraag met een getal als antwoord (bv. een schatting over je eigen winkel).

    Aanvaardt een getal groter dan nul (en, met ``geheel=True``, een geheel getal; met
    ``maximum``, niet groter dan dat, anders de boodschap ``te_groot``).

    >>> keur = keur_schatting(geheel=True, maximum=1000)
    >>> keur(850) is None, keur(0), keur(2.5)
    (True, 'Geef een getal groter dan nul.', 'Geef een geheel getal.')
    >>> keur(5000), keur("veel")
    ('Dat is wel erg veel.', "Je antwoord is tekst ('veel'). Geef een getal, zonder aanhalingstekens.")
    """

    def keur(antwoord: Any) -> str | None:
        if not is_getal(antwoord):
            return verschil(antwoord, 1)
        if antwoord <= 0:
            return "Geef een getal groter dan nul."
        if geheel and antwoord != int(antwoord):
            return "Geef een geheel getal."
        if maximum is not None and antwoord > maximum:
            return te_groot
        return None

    return keur


def lees_maand(antwoord: Any) -> int:
    """Het nummer (1 = januari) van een maand die de cursist als nummer of als naam gaf; anders `KeuzeFout`.

    >>> lees_maand(3), lees_maand(" Oktober "), lees_maand(12.0)
    (3, 10, 12)
    """
    from helpers.kpi import MAANDNAMEN

    if is_getal(antwoord) and float(antwoord).is_integer() and 1 <= int(antwoord) <= 12:
        return int(antwoord)
    if isinstance(antwoord, str) and antwoord.strip().lower() in MAANDNAMEN:
        return MAANDNAMEN.index(antwoord.strip().lower()) + 1
    raise KeuzeFout("Geef een maand: het nummer (1 = januari, 12 = december) of de naam, bv. 'oktober'.")


def is_getal(waarde: Any) -> bool:
    """Waar voor een gewoon getal (int, float, numpy-getal), niet voor ``True``/``False``.

    >>> is_getal(3), is_getal(2.5), is_getal(True), is_getal("3")
    (True, True, False, False)
    """
    return isinstance(waarde, int | float | np.integer | np.floating) and not isinstance(
        waarde, bool | np.bool_
    )


def verschil(antwoord: Any, verwacht: Any, rel_tol: float = REL_TOL, abs_tol: float = ABS_TOL) -> str | None:
    """``None`` als ``antwoord`` overeenkomt met ``verwacht``, anders een korte uitleg van het verschil.

    >>> verschil(10.0, 10), verschil(12, 10)
    (None, 'Je antwoord is te hoog.')
    """
    if isinstance(verwacht, pd.DataFrame):
        return _verschil_tabel(antwoord, verwacht, rel_tol, abs_tol)
    if isinstance(verwacht, pd.Series):
        return _verschil_reeks(antwoord, verwacht, rel_tol, abs_tol)
    if is_getal(verwacht):
        return _verschil_getal(antwoord, verwacht, rel_tol, abs_tol)
    if isinstance(verwacht, str) and isinstance(antwoord, str):
        return None if antwoord.strip().casefold() == verwacht.strip().casefold() else "Dat klopt niet."
    return None if antwoord == verwacht else "Dat is niet het verwachte antwoord."


def _verschil_getal(antwoord: Any, verwacht: Any, rel_tol: float, abs_tol: float) -> str | None:
    if isinstance(antwoord, str):
        return f"Je antwoord is tekst ({antwoord!r}). Geef een getal, zonder aanhalingstekens."
    if isinstance(antwoord, pd.Series | pd.DataFrame):
        return (
            "Je antwoord is een hele reeks of tabel, maar hier is één getal gevraagd. "
            "Maak er één getal van, bv. met `len(...)`, `.sum()` of `.nunique()`."
        )
    if not is_getal(antwoord):
        return f"Je antwoord is van het type {type(antwoord).__name__}, maar hier is één getal gevraagd."
    gegeven, juist = float(antwoord), float(verwacht)
    if math.isnan(gegeven):
        return "Je antwoord is NaN ('not a number'): er zat een lege waarde in je berekening."
    if math.isclose(gegeven, juist, rel_tol=rel_tol, abs_tol=abs_tol):
        return None
    if abs(gegeven - juist) <= 0.01 * abs(juist):
        return (
            "Je zit er heel dicht bij (minder dan 1% verschil). Heb je afgerond? "
            "Laat Python met de volle waarde rekenen."
        )
    return f"Je antwoord is te {'hoog' if gegeven > juist else 'laag'}."


def _als_reeks(antwoord: Any) -> pd.Series | None:
    if isinstance(antwoord, pd.DataFrame) and antwoord.shape[1] == 1:
        return antwoord.iloc[:, 0]
    return antwoord if isinstance(antwoord, pd.Series) else None


def _labels(reeks: pd.Series) -> pd.Series:
    return reeks.set_axis(reeks.index.astype(object))


def _opsomming(labels: pd.Index) -> str:
    tekst = ", ".join(repr(label) for label in labels[:5])
    return tekst + (", ..." if len(labels) > 5 else "")


def _verschil_reeks(antwoord: Any, verwacht: pd.Series, rel_tol: float, abs_tol: float) -> str | None:
    reeks = _als_reeks(antwoord)
    if reeks is None:
        return (
            "Hier is een reeks (pandas Series) gevraagd, zoals het resultaat van `.value_counts()` "
            "of `.groupby(...).sum()`."
        )
    if reeks.index.has_duplicates:
        return f"Je reeks heeft dubbele labels: {_opsomming(reeks.index[reeks.index.duplicated()])}."
    gegeven, juist = _labels(reeks), _labels(verwacht)
    alles = juist.index.union(gegeven.index, sort=False)
    gegeven_alles = gegeven.reindex(alles, fill_value=0)
    juist_alles = juist.reindex(alles, fill_value=0)
    if pd.api.types.is_numeric_dtype(juist_alles) and pd.api.types.is_numeric_dtype(gegeven_alles):
        links = gegeven_alles.to_numpy(dtype=float, na_value=np.nan)
        rechts = juist_alles.to_numpy(dtype=float, na_value=np.nan)
        gelijk = np.isclose(links, rechts, rtol=rel_tol, atol=abs_tol, equal_nan=True)
    else:
        gelijk = (gegeven_alles.astype(object) == juist_alles.astype(object)).to_numpy()
    if gelijk.all():
        return None
    verschillend = alles[~gelijk]
    ontbreekt = verschillend.difference(gegeven.index, sort=False)
    teveel = verschillend.difference(juist.index, sort=False)
    if len(ontbreekt):
        return f"In je reeks ontbreken deze labels: {_opsomming(ontbreekt)}."
    if len(teveel):
        return f"Je reeks heeft labels die er niet in horen: {_opsomming(teveel)}."
    return f"De labels kloppen, maar de waarde klopt niet bij: {_opsomming(verschillend)}."


def _verschil_tabel(antwoord: Any, verwacht: pd.DataFrame, rel_tol: float, abs_tol: float) -> str | None:
    if isinstance(antwoord, pd.Series) and verwacht.shape[1] == 1:
        antwoord = antwoord.to_frame(verwacht.columns[0])
    if not isinstance(antwoord, pd.DataFrame):
        return "Hier is een tabel (pandas DataFrame) gevraagd."
    ontbrekend = [k for k in verwacht.columns if k not in antwoord.columns]
    if ontbrekend:
        return f"Je tabel mist de kolom(men): {', '.join(repr(k) for k in ontbrekend)}."
    for kolom in verwacht.columns:
        reden = _verschil_reeks(antwoord[kolom], verwacht[kolom], rel_tol, abs_tol)
        if reden is not None:
            return f"Kolom {kolom!r}: {reden}"
    return None


T = TypeVar("T")


def per_winkel(functie: Callable[[Winkel], T]) -> Callable[[Winkel], T]:
    """Reken ``functie(winkel)`` één keer per winkelobject uit: een controle vraagt het vaak opnieuw.

    Het resultaat hoort bij dát object (een zwakke verwijzing bewaakt dat): een andere winkel wordt
    opnieuw berekend, en wat bij een verdwenen winkel hoorde, verdwijnt mee. Wijzig een teruggegeven
    tabel niet.

    >>> from helpers.data import laad_winkel
    >>> tellen = per_winkel(lambda w: len(w.tickets))
    >>> w = laad_winkel("kledingzaak")
    >>> tellen(w) == tellen(w) == len(w.tickets)
    True
    """
    geheugen: dict[int, tuple[weakref.ref, T]] = {}

    @functools.wraps(functie)
    def omhulsel(winkel: Winkel) -> T:
        bewaard = geheugen.get(id(winkel))
        if bewaard is not None and bewaard[0]() is winkel:
            return bewaard[1]
        uitkomst = functie(winkel)
        sleutel = id(winkel)
        geheugen[sleutel] = (weakref.ref(winkel, lambda _, k=sleutel: geheugen.pop(k, None)), uitkomst)
        return uitkomst

    return omhulsel
